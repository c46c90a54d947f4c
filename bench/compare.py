"""The cross-check at scale: time and memory to compare and cluster a ledger of 100,000 claims and
50,000 articles, on one core, and how both grow with the ledger.

Run by hand (``.venv/bin/python bench/compare.py``); it prints figures and asserts nothing.

For each size it generates a SQLite ledger (cached in ``bench/out/``) of articles written from a
vocabulary of 20,000 words with Zipf frequencies and a few hundred topic words, 12–18 sentences
each (~2 KB, a wire story), carrying:

- claims from ~N/3 *facts* (an origin — an actor of the registry or an unknown source — a
  metric, a side, a period and a value), each reported by one or more articles through chains of
  intermediaries, some hedged; 3% of facts have a contradicting twin from another origin; periods
  are months, quarters, years to date, running totals with and without a start, rates with and
  without a period;
- 300 talking points (two sentences each) carried by 2 to 60 articles, half verbatim, half
  lightly reworded;
- 3% of articles republished whole by another outlet under another header and footer.

Then, in a fresh process pinned to one core (so peak memory is its own), the work of
``headcount report`` without the HTML: read the claims, read the articles, find republications and
talking points (``find_narratives``), and cross-check every series (``compare``); the HTML itself
is timed apart, with ``--html``. Target (issue 4): under 30 s of CPU and 2 GB at 100,000 claims,
growing no worse than n log n.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
GENERATOR = "compare-bench-v1"  # bump when the generated ledger changes, so caches are rebuilt


def _wordlist(text: str) -> tuple[str, ...]:
    """Words of a space-separated list (kept as prose so the lists stay readable)."""
    return tuple(text.split())


STOPWORDS = _wordlist(
    "the of and to in a that for on with as by at from was is were has have had its their said "
    "which who this it be an not but also after over more than about into since while would could"
)
TOPIC = _wordlist(
    "soldiers army front units commanders desertion deserters troops brigade ministry war border "
    "officials report figures cases courts prosecutors amnesty mobilisation conscripts recruits "
    "Ukraine Ukrainian Russia Russian Kyiv Moscow Donbas Kharkiv Zaporizhzhia Kursk Belgorod "
    "battalion regiment casualties prisoners exchange ceasefire offensive positions trenches drones "
    "shelling artillery volunteers families lawyers sentences verdicts asylum refugees checkpoint "
    "training morale equipment rotation leave wounded hospital hotline contract payments bonuses"
)
METRICS = [  # (metric, side, weight, level per month)
    ("desertion", "ukraine", 30, 15000),
    ("desertion", "russia", 12, 3000),
    ("criminal_case", "russia", 14, 1200),
    ("criminal_case", "ukraine", 10, 9000),
    ("conviction", "russia", 5, 600),
    ("asylum_application", "russia", 5, 2500),
    ("surrender", "ukraine", 5, 300),
    ("surrender", "russia", 4, 250),
    ("casualties", "unknown", 5, 20000),
    ("assistance_request", "russia", 5, 400),
    ("amnesty_return", "ukraine", 5, 2000),
]
NOUNS = {
    "desertion": "soldiers left their units",
    "criminal_case": "criminal cases were opened",
    "conviction": "soldiers were sentenced",
    "asylum_application": "asylum applications were filed",
    "surrender": "soldiers surrendered",
    "casualties": "soldiers were killed or wounded",
    "assistance_request": "requests for help reached the hotline",
    "amnesty_return": "deserters returned to service",
}
INTERMEDIARIES = [
    "TASS",
    "RIA Novosti",
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "Meduza",
    "UNIAN",
]
OUTLETS = [f"Outlet {i:03d}" for i in range(240)] + [
    "TASS",
    "RT",
    "Sputnik",
    "Reuters",
    "Meduza",
    "Mediazona",
    "Ukrainska Pravda",
    "Kyiv Post",
    "Die Welt",
    "The Kyiv Independent",
]


def _words(rng, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    """``n`` distinct pseudo-words made of syllables (deterministic for a seed)."""
    syllables = [
        "ka",
        "lo",
        "mi",
        "tor",
        "vel",
        "san",
        "du",
        "rik",
        "po",
        "zen",
        "ma",
        "tu",
        "bre",
        "gor",
        "li",
        "nes",
    ]
    out: set[str] = set()
    while len(out) < n:
        k = int(rng.integers(2, 5))  # 16² + 16³ + 16⁴ = 69,888 possible words
        out.add("".join(syllables[int(i)] for i in rng.integers(0, len(syllables), size=k)))
    return sorted(out)


class Generator:
    """Writes the articles and claims of one bench ledger (see the module docstring)."""

    def __init__(self, claims: int, seed: int = 7) -> None:
        import numpy as np

        self.np = np
        self.rng = np.random.default_rng(seed)
        self.n_claims = claims
        self.n_articles = claims // 2
        vocab = _words(self.rng, 20000)
        ranks = np.arange(1, len(vocab) + 1)
        weights = 1 / ranks**1.05
        self.vocab = vocab
        self.p = weights / weights.sum()
        from headcount.actors import default_registry

        actors = [a.name for a in default_registry().actors]
        self.origins = actors + [f"a regional official in district {i}" for i in range(300)] + ["the article"]
        self.start = date(2022, 3, 1)
        self.days = (date(2025, 12, 31) - self.start).days

    def _pool(self) -> None:
        """Words drawn in bulk: one numpy call for a million words, not one per word."""
        np, rng, size = self.np, self.rng, 1_000_000
        kind = rng.random(size)
        words = np.array(self.vocab, dtype=object)[rng.choice(len(self.vocab), size=size, p=self.p)]
        words[kind < 0.6] = np.array(TOPIC, dtype=object)[
            rng.integers(0, len(TOPIC), size=int((kind < 0.6).sum()))
        ]
        words[kind < 0.42] = np.array(STOPWORDS, dtype=object)[
            rng.integers(0, len(STOPWORDS), size=int((kind < 0.42).sum()))
        ]
        self.pool = words.tolist()
        self.pos = 0

    def sentence(self, length: int | None = None) -> str:
        n = int(length or self.rng.integers(14, 28))
        if not hasattr(self, "pool") or self.pos + n > len(self.pool):
            self._pool()
        words = self.pool[self.pos : self.pos + n]
        self.pos += n
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def talking_points(self, count: int) -> list[list[str]]:
        return [[self.sentence(22), self.sentence(20)] for _ in range(count)]

    def reword(self, passage: list[str]) -> list[str]:
        """A light rewording: about one content word in seven replaced, a clause moved."""
        out = []
        for s in passage:
            words = s.rstrip(".").split()
            for i in range(len(words)):
                if words[i].lower() not in STOPWORDS and self.rng.random() < 0.14:
                    words[i] = self.vocab[int(self.rng.integers(0, 3000))]
            if self.rng.random() < 0.3:
                cut = len(words) // 2
                words = words[cut:] + words[:cut]
            text = " ".join(words)
            out.append(text[0].upper() + text[1:] + ".")
        return out

    def facts(self) -> list[dict]:
        rng = self.rng
        weights = self.np.array([m[2] for m in METRICS], dtype=float)
        weights /= weights.sum()
        facts = []
        target = self.n_claims
        total = 0
        while total < target:
            metric, side, _, level = METRICS[int(rng.choice(len(METRICS), p=weights))]
            origin = self.origins[int(rng.integers(0, len(self.origins)))]
            fact = {"metric": metric, "side": side, "origin": origin, **self.period(level)}
            fact["echoes"] = int(min(60, rng.geometric(0.35)))
            facts.append(fact)
            total += fact["echoes"]
            if rng.random() < 0.03:  # a contradicting twin from another origin
                twin = dict(fact)
                twin["origin"] = self.origins[int(rng.integers(0, len(self.origins)))]
                factor = 3.0 if rng.random() < 0.5 else 0.3
                twin["low"] = None if fact["low"] is None else round(fact["low"] * factor)
                twin["high"] = None if fact["high"] is None else round(fact["high"] * factor)
                twin["echoes"] = int(min(20, rng.geometric(0.5)))
                facts.append(twin)
                total += twin["echoes"]
        return facts

    def period(self, level: float) -> dict:
        rng = self.rng
        day = self.start + timedelta(days=int(rng.integers(0, self.days)))
        noise = float(rng.lognormal(0, 0.35))
        kind, per, bound = "count", None, "exact"
        start: date | None
        end: date | None
        r = rng.random()
        if r < 0.4:  # a month
            start = day.replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            months = 1.0
        elif r < 0.5:  # a quarter
            start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
            end = (start + timedelta(days=95)).replace(day=1) - timedelta(days=1)
            months = 3.0
        elif r < 0.65:  # the year to date
            start, end = date(day.year, 1, 1), day
            months = max(1.0, (end - start).days / 30.44)
        elif r < 0.8:  # a running total since the invasion, with or without the start stated
            start = date(2022, 2, 24) if rng.random() < 0.5 else None
            end = day
            months = (end - date(2022, 2, 24)).days / 30.44
        elif r < 0.9:  # a monthly rate, no period
            start = end = None
            kind, per, months = "rate", "month", 1.0
        elif r < 0.95:  # a monthly rate over a period
            start = date(day.year, 1, 1)
            end = max(day, start + timedelta(days=40))
            kind, per, months = "rate", "month", 1.0
        else:  # a count with no period
            start = end = None
            months = 12.0
        value = round(level * months * noise, -1 if level * months < 10000 else -2)
        r = rng.random()
        if r < 0.55:
            low, high = value, value
        elif r < 0.7:
            low, high, bound = value, round(value * 1.3, -2), "range"
        elif r < 0.85:
            low, high, bound = value, None, "over"
        elif r < 0.95:
            low, high, bound = value, value, "approx"
        else:
            low, high, bound = None, value, "under"
        return {
            "start": start,
            "end": end,
            "kind": kind,
            "per": per,
            "low": low,
            "high": high,
            "bound": bound,
        }

    def write(self, url: str) -> None:
        from headcount import open_ledger
        from headcount.model import Article, Claim

        rng = self.rng
        points = self.talking_points(300)
        carriers: dict[int, list[str]] = {}
        for passage in points:
            k = int(min(60, 2 + rng.geometric(0.12)))
            for a in rng.choice(self.n_articles, size=k, replace=False):
                carriers[int(a)] = passage if rng.random() < 0.5 else self.reword(passage)
        facts = self.facts()
        placements: dict[int, list[dict]] = {}
        for fact in facts:
            for a in rng.integers(0, self.n_articles, size=fact["echoes"]):
                placements.setdefault(int(a), []).append(fact)
        copies = {int(a) for a in rng.choice(self.n_articles, size=self.n_articles * 3 // 100, replace=False)}
        bodies: dict[int, tuple[str, list]] = {}
        ledger = open_ledger(url)
        with ledger.writer() as writer:
            for i in range(self.n_articles):
                outlet = OUTLETS[int(rng.integers(0, len(OUTLETS)))]
                published = self.start + timedelta(days=int(rng.integers(0, self.days)))
                if i in copies and i > 0:
                    source = int(rng.integers(0, i))
                    body0, claims0 = bodies.get(source, (None, None))
                    if body0 is not None:
                        head = f"Republished from {OUTLETS[source % len(OUTLETS)]}.\n\n"
                        body = head + body0 + f"\n\nFollow {outlet} for more news."
                        shifted = [
                            _shift(c, len(head), f"bench-{i:06d}.txt")
                            for c in claims0  # type: ignore[union-attr]
                        ]
                        article = Article(
                            f"bench-{i:06d}.txt", body, None, outlet, published, "en", None, None, "bench"
                        )
                        writer.add(article, shifted, extractor="bench.v1")
                        continue
                sentences = [self.sentence() for _ in range(int(rng.integers(10, 15)))]
                if i in carriers:
                    at = int(rng.integers(0, len(sentences)))
                    sentences[at:at] = carriers[i]
                claims_here = placements.get(i, [])
                quotes = [self.quote(f, published) for f in claims_here]
                for q in quotes:
                    at = int(rng.integers(0, len(sentences) + 1))
                    sentences.insert(at, q[0])
                body, claims = self.assemble(f"bench-{i:06d}.txt", sentences, quotes, Claim)
                article = Article(
                    f"bench-{i:06d}.txt", body, None, outlet, published, "en", None, None, "bench"
                )
                writer.add(article, claims, extractor="bench.v1")
                if len(bodies) < 5000 or rng.random() < 0.1:
                    bodies[i] = (body, claims)
        ledger.close()

    def quote(self, fact: dict, published: date) -> tuple[str, dict]:
        rng = self.rng
        low, high, bound = fact["low"], fact["high"], fact["bound"]
        if bound == "range":
            figure = f"between {low:,.0f} and {high:,.0f}"
        elif bound == "over":
            figure = f"more than {low:,.0f}"
        elif bound == "under":
            figure = f"fewer than {high:,.0f}"
        elif bound == "approx":
            figure = f"about {low:,.0f}"
        else:
            figure = f"{low:,.0f}"
        via = tuple(
            INTERMEDIARIES[int(i)] for i in rng.integers(0, len(INTERMEDIARIES), size=int(rng.integers(0, 3)))
        )
        hedged = bool(rng.random() < 0.15)
        claimant = fact["origin"]
        said = "said" if not hedged else "claimed, in figures that could not be verified,"
        text = f"{claimant[0].upper() + claimant[1:]} {said} that {figure} {NOUNS[fact['metric']]}"
        text += " each month." if fact["kind"] == "rate" else "."
        end = fact["end"]
        if end is not None and end > published:
            end = published
        start = fact["start"]
        if start is not None and end is not None and start > end:
            start = end
        fields = {
            "figure": figure,
            "low": low,
            "high": high,
            "bound": bound,
            "kind": fact["kind"],
            "metric": fact["metric"],
            "side": fact["side"],
            "period_start": start,
            "period_end": end,
            "per": fact["per"],
            "claimant": claimant,
            "via": via,
            "hedged": hedged,
        }
        return text, fields

    def assemble(self, doc: str, sentences: list[str], quotes: list, claim_type) -> tuple[str, list]:  # type: ignore[no-untyped-def]
        rng = self.rng
        by_text = {q[0]: q[1] for q in quotes}
        parts, claims, offset = [], [], 0
        for n, s in enumerate(sentences):
            sep = "" if n == 0 else ("\n\n" if rng.random() < 0.4 else " ")
            offset += len(sep)
            parts.append(sep + s)
            fields = by_text.pop(s, None)
            if fields is not None:
                start = offset + s.index(fields["figure"])
                claims.append(
                    claim_type(
                        doc=doc,
                        quote=s,
                        start=start,
                        end=start + len(fields["figure"]),
                        sentence_start=offset,
                        sentence_end=offset + len(s),
                        extractor="bench.v1",
                        language="en",
                        **fields,
                    )
                )
            offset += len(s)
        return "".join(parts), claims


def _shift(claim, by: int, doc: str):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(
        claim,
        doc=doc,
        start=claim.start + by,
        end=claim.end + by,
        sentence_start=claim.sentence_start + by,
        sentence_end=claim.sentence_end + by,
    )


def ledger_for(claims: int) -> Path:
    """The cached bench ledger of this size, generated when missing or out of date."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"compare-{claims}.db"
    marker = path.with_suffix(".version")
    if path.exists() and marker.exists() and marker.read_text() == GENERATOR:
        return path
    for stale in (path, path.with_suffix(".db-wal"), path.with_suffix(".db-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    Generator(claims).write(f"sqlite:///{path}")
    marker.write_text(GENERATOR)
    print(f"  generated {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def measure(path: Path, html: bool = False) -> dict:
    """The cross-check of one ledger, in this process (pinned to one core by the caller).

    Stages are timed in CPU seconds of this process (``time.process_time``), not wall time: the
    bench machine is shared, and wall time would measure the neighbours.
    """
    from headcount import open_ledger
    from headcount.narratives import find_narratives
    from headcount.reconcile import compare
    from headcount.report import render_report
    from headcount.store.crosscheck import iter_documents

    cpu: dict[str, float] = {}
    wall_start, started = time.perf_counter(), time.process_time()
    ledger = open_ledger(f"sqlite:///{path}", create=False)
    records = list(ledger.claims())  # as compare_ledger and the report read them
    cpu["read claims"] = time.process_time() - started
    mark = time.process_time()
    documents = list(iter_documents(ledger))
    cpu["read articles"] = time.process_time() - mark
    mark = time.process_time()
    narratives = find_narratives(documents)
    cpu["cluster"] = time.process_time() - mark
    mark = time.process_time()
    comparison = compare(records, copies=narratives.republications.copy_of)
    cpu["compare"] = time.process_time() - mark
    cpu["total"] = time.process_time() - started
    wall = time.perf_counter() - wall_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the HTML
    html_mb = math.nan
    cpu["report html"] = math.nan
    if html:
        mark = time.process_time()
        html_mb = len(render_report(comparison, narratives).encode()) / 1e6
        cpu["report html"] = time.process_time() - mark
    ledger.close()
    return {
        "claims": len(records),
        "articles": len(documents),
        "series": len(comparison.series),
        "contradictions": len(comparison.contradictions),
        "groups": len(comparison.groups),
        "talking_points": len(narratives.talking_points),
        "republished": sum(len(g.copies) for g in narratives.republications.groups),
        "html_mb": html_mb,
        "cpu": cpu,
        "wall": wall,
        "peak_mb": peak_mb,
    }


def child(path: str, html: bool) -> None:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    print(json.dumps(measure(Path(path), html)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", default="12500,25000,50000,100000", help="claims per ledger, comma-separated"
    )
    parser.add_argument(
        "--html", action="store_true", help="also time the HTML report (minutes at 100,000 claims)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.html)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    print("CPU seconds of the measuring process on one core (time.process_time), not wall time;")
    print("peak MB is its maximum resident set, before the HTML is rendered.\n")
    header = ["claims", "articles", "claims", "articles", "cluster", "compare", "total", "peak MB"]
    header += ["html", "wall", "series", "contra", "groups", "points", "copies"]
    print(" ".join(f"{h:>8}" for h in header))
    print(
        " ".join(f"{h:>8}" for h in ["", "", "read s", "read s", "CPU s", "CPU s", "CPU s", "", "CPU s", "s"])
    )
    rows = []
    for n in sizes:
        path = ledger_for(n)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path), *(["--html"] if args.html else [])],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        t = r["cpu"]
        rows.append(r)
        cells = [f"{r['claims']:>8,}", f"{r['articles']:>8,}"]
        cells += [f"{t[k]:>8.1f}" for k in ("read claims", "read articles", "cluster", "compare", "total")]
        cells += [f"{r['peak_mb']:>8.0f}", f"{t['report html']:>8.1f}", f"{r['wall']:>8.1f}"]
        cells += [
            f"{r[k]:>8}" for k in ("series", "contradictions", "groups", "talking_points", "republished")
        ]
        print(" ".join(cells), flush=True)
    if len(rows) < 2:
        return
    print("\ngrowth (CPU time t ~ n^k; n log n between these sizes is k ~ 1.1):")
    for a, b in itertools.pairwise(rows):
        n1, n2 = a["claims"], b["claims"]
        k = {
            key: math.log(b["cpu"][key] / a["cpu"][key]) / math.log(n2 / n1)
            for key in ("total", "cluster", "compare")
        }
        nlogn = math.log((n2 * math.log(n2)) / (n1 * math.log(n1))) / math.log(n2 / n1)
        memory = math.log(b["peak_mb"] / a["peak_mb"]) / math.log(n2 / n1)
        print(
            f"  {n1:>7,} -> {n2:>7,} claims: k total {k['total']:.2f}, cluster {k['cluster']:.2f}, "
            f"compare {k['compare']:.2f}, memory {memory:.2f}; n log n would be {nlogn:.2f}"
        )
    first, last = rows[0], rows[-1]
    overall = math.log(last["cpu"]["total"] / first["cpu"]["total"]) / math.log(
        last["claims"] / first["claims"]
    )
    print(f"  overall {first['claims']:,} -> {last['claims']:,}: k = {overall:.2f}")


if __name__ == "__main__":
    main()
