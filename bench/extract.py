"""Extraction speed, memory and scaling, with quantulum3 (a PyPI quantity extractor) beside it.

Run by hand (``.venv/bin/python bench/extract.py``; quantulum3 comes with ``pip install -e
'.[bench]'``); it prints figures and asserts nothing. Each measurement runs in a fresh process
pinned to one core, and times are CPU seconds of that process (``time.process_time``, best of
``--repeat``): the machine is shared, so wall-clock time would measure the neighbours too.

- **Throughput**: articles per second on one core over two corpora of 3–6 KB articles, their
  numbers varied so no two bodies are alike, and peak memory (max RSS):
  *typical* — the five seed articles (real reporting, read from ``../shared`` at run time, never
  copied), about four claims each among dates, ages and other numbers, as news runs;
  *dense* — our development texts (``tests/data/dev``, ``samples/en``), joined two or three at a
  time: written to exercise phrasings, they carry 15–20 claims per 4 KB, four times the typical.
  Target (issue 2): at least 300 articles/s per core on typical articles.
- **Scaling**: one article of 4 KB, 16 KB … 1 MB (the same texts joined), CPU time per article
  and per KB. Target: a 1 MB article takes no more than ~250 times a 4 KB one (linear).
- **quantulum3**: its speed on the same corpus and, for both tools, detection precision, recall
  and F1 against the seed gold file and our development gold file (a figure is found when its
  span overlaps the gold figure's, as ``headcount eval`` counts). headcount is scored twice: its
  claims (figures in scope, what the gold file lists) and its figure layer alone (every number
  with a value, in scope or not: the layer comparable to a quantity extractor).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from corpus import vary_numbers  # bench/corpus.py (the scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
DEV = ROOT / "tests" / "data" / "dev"


def _texts(kind: str = "dense") -> list[tuple[date, str]]:
    """(publication date, body) of the seed articles (typical) or of our own texts (dense)."""
    from headcount.ingest import read_article

    out = []
    paths = (
        sorted(SEEDS.glob("*.txt"))
        if kind == "typical"
        else sorted(DEV.glob("*.txt")) + sorted((ROOT / "samples" / "en").glob("*.txt"))
    )
    for path in paths:
        a = read_article(path)
        out.append((a.published or date(2025, 1, 1), a.body))
    return out


def corpus(count: int, kind: str = "dense", seed: int = 7) -> list[str]:
    """``count`` article files (front matter + body) of 3–6 KB."""
    rng = random.Random(seed)
    texts = _texts(kind)
    out = []
    while len(out) < count:
        parts: list[str] = []
        published, _ = rng.choice(texts)
        while sum(map(len, parts)) < (1 if kind == "typical" else 3_000):
            parts.append(vary_numbers(rng.choice(texts)[1], rng))
        body = "\n\n".join(parts)[:6_000]
        published += timedelta(days=rng.randrange(0, 30))
        out.append(
            f"---\noutlet: Bench Wire\npublished: {published.isoformat()}\nlanguage: en\n---\n{body}\n"
        )
    return out


def long_article(size: int, seed: int = 11) -> str:
    rng = random.Random(seed)
    texts = _texts()
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(vary_numbers(rng.choice(texts)[1], rng))
        total += len(parts[-1]) + 2
    body = "\n\n".join(parts)[:size]
    return f"---\noutlet: Bench Wire\npublished: 2025-03-01\nlanguage: en\n---\n{body}\n"


# --- measurements, each in a child process ---------------------------------------------------


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _quantulum():  # type: ignore[no-untyped-def]
    import warnings

    warnings.filterwarnings("ignore")
    from quantulum3 import classifier, parser

    # quantulum3's classifier breaks with current scikit-learn; its rule path is what runs here.
    classifier.USE_CLF = False
    return parser


def child(task: str, arg: str, repeat: int) -> dict[str, float]:
    _pin()
    from headcount.ingest import parse_article
    from headcount.pipeline import process

    if task.startswith("headcount"):
        kind = task.split(":")[1]
        articles = [parse_article(t, f"{i}.txt") for i, t in enumerate(corpus(int(arg), kind))]
        process(articles[0])  # vocabularies and patterns load once, outside the timing
        best = min(_cpu(lambda: [process(a) for a in articles]) for _ in range(repeat))
        claims = sum(len(process(a).claims) for a in articles)
        return {"articles": len(articles), "cpu": best, "claims": claims, "peak_mb": _peak_mb()}
    if task == "quantulum3":
        parser = _quantulum()
        bodies = [parse_article(t, f"{i}.txt").body for i, t in enumerate(corpus(int(arg)))]
        parser.parse(bodies[0])
        best = min(_cpu(lambda: [parser.parse(b) for b in bodies]) for _ in range(repeat))
        found = sum(len(parser.parse(b)) for b in bodies)
        return {"articles": len(bodies), "cpu": best, "claims": found, "peak_mb": _peak_mb()}
    if task == "length":
        article = parse_article(long_article(int(arg)), "long.txt")
        process(parse_article(long_article(4_000), "warm.txt"))
        runs = max(1, repeat * 4_000_000 // max(int(arg), 4_000) // 40)
        best = min(_cpu(lambda: process(article)) for _ in range(max(repeat, min(runs, 50))))
        return {"bytes": len(article.body.encode()), "cpu": best, "peak_mb": _peak_mb()}
    raise SystemExit(f"unknown task {task}")


def _cpu(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


def _run(task: str, arg: str, repeat: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", task, arg, "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def detection() -> list[tuple[str, str, float, float, float]]:
    from headcount.evaluation import score_spans
    from headcount.extract import extract_claims, find_figures

    parser = _quantulum()
    finders = {
        "headcount claims": lambda a: [(c.start, c.end) for c in extract_claims(a)],
        "headcount figure layer": lambda a: [(f.start, f.end) for f in find_figures(a.body)],
        "quantulum3": lambda a: [q.span for q in parser.parse(a.body)],
        "quantulum3, counts and %": lambda a: [
            q.span for q in parser.parse(a.body) if q.unit.name in ("dimensionless", "percentage")
        ],
    }
    rows = []
    for corpus_name, gold, folder in (
        ("seeds", SEEDS / "gold.jsonl", SEEDS),
        ("dev", DEV / "gold.jsonl", DEV),
    ):
        if not gold.exists():
            continue
        for name, finder in finders.items():
            d = score_spans(gold, folder, finder)
            rows.append((corpus_name, name, d.precision, d.recall, d.f1))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=600, help="typical articles for the throughput run")
    ap.add_argument("--quantulum-articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.repeat)))
        return

    print(f"one core, CPU seconds, best of {args.repeat}")
    for kind in ("typical", "dense"):
        sizes = [len(a.encode()) for a in corpus(args.articles, kind)]
        print(
            f"{kind} corpus: {len(sizes)} articles, {min(sizes) / 1e3:.1f}–{max(sizes) / 1e3:.1f} KB, "
            f"mean {sum(sizes) / len(sizes) / 1e3:.1f} KB"
        )
    print()
    print(f"{'extractor':<20} {'articles':>8} {'CPU s':>8} {'articles/s':>11} {'found':>7} {'peak MB':>8}")
    rates = {}
    for name, n in (
        ("headcount:typical", args.articles),
        ("headcount:dense", args.articles),
        ("quantulum3", args.quantulum_articles),
    ):
        r = _run(name, str(n), args.repeat)
        rates[name] = r["articles"] / r["cpu"]
        print(
            f"{name:<20} {r['articles']:>8.0f} {r['cpu']:>8.2f} {rates[name]:>11.1f} "
            f"{r['claims']:>7.0f} {r['peak_mb']:>8.0f}"
        )
    print(
        f"headcount is {rates['headcount:dense'] / rates['quantulum3']:.0f}× faster than quantulum3 on "
        "the same (dense) articles; target ≥ 300 articles/s per core on typical articles"
    )

    print()
    print(f"{'article':>9} {'CPU s':>9} {'ms/KB':>7} {'× 4 KB':>8} {'peak MB':>8}")
    base = None
    for size in (4_000, 16_000, 64_000, 256_000, 1_000_000):
        r = _run("length", str(size), args.repeat)
        base = base or r["cpu"]
        print(
            f"{r['bytes'] / 1e3:>7.0f}KB {r['cpu']:>9.4f} {r['cpu'] * 1e3 / (r['bytes'] / 1e3):>7.3f} "
            f"{r['cpu'] / base:>8.1f} {r['peak_mb']:>8.0f}"
        )
    print("target: a 1 MB article within ~250× a 4 KB one")

    print()
    print(f"{'gold':<6} {'finder':<26} {'precision':>9} {'recall':>7} {'F1':>6}")
    for corpus_name, name, p, r, f in detection():
        print(f"{corpus_name:<6} {name:<26} {p:>9.3f} {r:>7.3f} {f:>6.3f}")


if __name__ == "__main__":
    main()
