"""Dashboard response times on a ledger of a million claims (SQLite).

Generates (once, cached under ``bench/out/``) a ledger of 100,000 articles and 1,000,000 claims
with realistic spreads — a few large series and many small ones, claimants from the actor
registry, periods over the war's years — then times, in process through the ASGI app (no network
in between), the claims page with a filter and a full-text search, the claims page filtered by
claimant affiliation, and the compare page of the largest series, many times each, and prints
p50/p95. Run by hand; it prints figures and asserts nothing::

    .venv/bin/python bench/web.py [--claims 1000000] [--repeats 200]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"

METRIC_WEIGHTS = {
    "desertion": 30,
    "criminal_case": 18,
    "conviction": 8,
    "surrender": 10,
    "amnesty_return": 4,
    "assistance_request": 6,
    "asylum_application": 5,
    "asylum_granted": 2,
    "citizenship": 1,
    "border_encounter": 3,
    "casualties": 8,
    "displacement": 2,
    "defection": 2,
    "other": 1,
}
SIDES = {"ukraine": 45, "russia": 45, "other": 3, "unknown": 7}
NOUNS = {
    "desertion": ("soldiers", "servicemen", "deserters", "troops"),
    "criminal_case": ("criminal cases", "cases", "proceedings", "notices of suspicion"),
    "conviction": ("verdicts", "sentences", "convictions"),
    "surrender": ("soldiers", "prisoners", "fighters"),
}
VERBS = (
    "left their units",
    "deserted",
    "went absent without leave",
    "were registered",
    "were opened",
    "surrendered",
    "were recorded",
    "returned under the amnesty",
    "applied for asylum",
    "asked for help",
)
PLACES = (
    "in Donetsk region",
    "near Pokrovsk",
    "in Kharkiv",
    "in Zaporizhzhia",
    "on the front",
    "in Kursk",
    "",
)
HEDGES = ("reportedly", "allegedly", "according to unverified data", "")


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def build(path: Path, n_claims: int, per_article: int = 10, seed: int = 7) -> None:
    """Write a ledger of ``n_claims`` claims to ``path`` (schema by the real migrations)."""
    from headcount import open_ledger
    from headcount.actors import default_registry

    rng = random.Random(seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.db")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    open_ledger(f"sqlite:///{tmp}").close()
    names = [a.name for a in default_registry().actors] + ["the article", "a military source", "local media"]
    outlets = [f"Outlet {i}" for i in range(120)] + ["Mediazona", "Kyiv Independent", "TASS", "Meduza"]
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    now = datetime.now(UTC).isoformat(" ")
    start = date(2022, 3, 1)
    days = (date(2026, 10, 31) - start).days
    n_articles = n_claims // per_article
    claim_id = 0
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for a in range(1, n_articles + 1):
        published = start + timedelta(days=rng.randrange(days))
        outlet = rng.choice(outlets)
        sentences = []
        rows = []
        offset = 0
        for position in range(per_article):
            metric = _weighted(rng, METRIC_WEIGHTS)
            side = _weighted(rng, SIDES)
            value = rng.choice(
                (rng.randrange(20, 900), rng.randrange(1000, 50000), rng.randrange(50000, 250000))
            )
            figure = f"{value:,}"
            claimant = rng.choice(names)
            noun = rng.choice(NOUNS.get(metric, ("people", "soldiers", "requests")))
            hedge = rng.choice(HEDGES)
            month = published.replace(day=1) - timedelta(days=rng.randrange(0, 400))
            p_start = month.replace(day=1)
            p_end = (p_start + timedelta(days=rng.choice((30, 90, 365)))).replace(day=1) - timedelta(days=1)
            if p_end > published:
                p_end = published
            quote = (
                f"{claimant} said {hedge + ' ' if hedge else ''}{figure} {noun} {rng.choice(VERBS)} "
                f"{rng.choice(PLACES)} between {p_start:%B %Y} and {p_end:%B %Y}."
            ).replace("  ", " ")
            f_start = offset + quote.index(figure)
            sentences.append(quote)
            claim_id += 1
            rows.append(
                (
                    claim_id, a, a, position, 1, f"article-{a}.txt", quote, figure, float(value),
                    float(value), "exact", "count", metric, side, p_start.isoformat(), p_end.isoformat(),
                    None, claimant, "[]", int(bool(hedge)), f_start, f_start + len(figure), offset,
                    offset + len(quote), "headcount.extract.v1", "en", p_start.isoformat(), p_end.isoformat(),
                    published.isoformat(),
                )
            )  # fmt: skip
            offset += len(quote) + 2
        body = "\n\n".join(sentences)
        conn.execute(
            "INSERT INTO articles (id, body_hash, doc, url, outlet, published, language, title, author,"
            " source, body, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (a, f"{a:064x}", f"article-{a}.txt", f"https://example.org/{a}", outlet, published.isoformat(),
             "en", f"Report {a} on soldiers leaving the fight", None, None, body, now),
        )  # fmt: skip
        conn.execute(
            "INSERT INTO extractions (id, article_id, extractor, extracted_at, is_current, claim_count)"
            " VALUES (?,?,?,?,?,?)",
            (a, a, "headcount.extract.v1", now, 1, per_article),
        )
        conn.executemany(
            "INSERT INTO claims (id, extraction_id, article_id, position, is_current, doc, quote, figure,"
            " low, high, bound, kind, metric, side, period_start, period_end, per, claimant, via, hedged,"
            " char_start, char_end, sentence_start, sentence_end, extractor, language, span_start, span_end,"
            " article_published) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        if a % 10_000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  {a * per_article:,} claims ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def timed(client: object, url: str, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        out.append((time.perf_counter() - t) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:300]}")
    return out


def report(name: str, times: list[float]) -> dict[str, float]:
    times = sorted(times)
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{name:<58} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   max {times[-1]:7.1f} ms   n={len(times)}")
    return {"p50": round(p50, 1), "p95": round(p95, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    path = OUT / f"web-{args.claims}.db"
    if not path.exists():
        print(f"generating {path} ({args.claims:,} claims) …", file=sys.stderr)
        t = time.perf_counter()
        build(path, args.claims)
        print(f"generated in {time.perf_counter() - t:.0f} s", file=sys.stderr)

    from fastapi.testclient import TestClient

    from headcount.web.app import create_app

    app = create_app(f"sqlite:///{path}")
    results = {}
    with TestClient(app, base_url="https://bench") as client:
        t = time.perf_counter()
        client.get("/compare?metric=desertion&side=ukraine")
        cold = (time.perf_counter() - t) * 1000
        print(f"compare page, first request (cross-check computed, then cached): {cold:.0f} ms")
        searches = [
            "deserted",
            "Pokrovsk",
            "criminal cases",
            "amnesty",
            "Kharkiv",
            "asylum",
            "verdicts",
            "units",
        ]
        metrics = ["desertion", "criminal_case", "surrender", "conviction"]
        urls = [f"/claims?metric={m}&q={s.replace(' ', '+')}" for s in searches for m in metrics]
        for u in urls[:4]:
            client.get(u)  # warm the page cache of SQLite, as a running server has it
        times: list[float] = []
        for i in range(args.repeats):
            times += timed(client, urls[i % len(urls)], 1)
        results["claims_filter_search"] = report("claims page: metric filter + full-text search", times)
        times = []
        for i in range(args.repeats):
            times += timed(client, f"/claims?side=russia&affiliation=independent&page={i % 3 + 1}", 1)
        results["claims_affiliation"] = report("claims page: side + affiliation filter", times)
        times = timed(client, "/claims", args.repeats)
        results["claims_plain"] = report("claims page: no filter", times)
        series = [("desertion", "ukraine"), ("desertion", "russia"), ("criminal_case", "russia")]
        for m, s in series[1:]:
            client.get(f"/compare?metric={m}&side={s}")
        times = []
        for i in range(args.repeats):
            m, s = series[i % len(series)]
            times += timed(client, f"/compare?metric={m}&side={s}", 1)
        results["compare"] = report("compare page (cached cross-check, three series)", times)
        times = timed(client, "/", args.repeats)
        results["overview"] = report("overview", times)
        times = []
        for i in range(10):  # a period window not asked for before: the cross-check is computed
            month = f"{2023 + i // 12}-{i % 12 + 1:02d}"
            times += timed(
                client, f"/compare?metric=desertion&side=russia&since={month}-01&until={month}-28", 1
            )
        results["compare_uncached"] = report("compare page, a new period window (not cached)", times)
    print(json.dumps({"claims": args.claims, "cold_compare_ms": round(cold), **results}))


if __name__ == "__main__":
    main()
