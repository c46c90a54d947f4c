"""Batch throughput and memory on a local Dask cluster: 1 and 2 workers, two corpus sizes, and the
cost of a crawl page (WARC) per core.

Run by hand: ``.venv/bin/python bench/batch.py`` (about ten minutes on two cores); it prints
figures and asserts nothing. It builds, in a temporary folder:

- a **news corpus**: ``--articles`` (default 100,000) generated variants of the sample articles
  (``samples/en``) and the seed articles (``../shared/corpus/seeds``) as JSONL shards of 5,000:
  figures scaled, publication dates, outlets and URLs drawn, middle paragraphs shuffled and a
  closing line added, so no two bodies are alike;
- a **crawl**: ``--pages`` article pages the size of real news pages (~60 KB of HTML around an
  article of ~5,000 characters) in WARC.gz files, the format of Common Crawl's news crawl.

Then ``headcount.batch.run_batch`` over the news corpus with 1 and 2 worker processes, at a fifth
of the corpus and at all of it (the peak memory of every worker, from its own ``ru_maxrss``,
should not grow with the corpus), and over the crawl with 1 worker (articles per second per core
for crawl pages, which is what a day of Common Crawl news costs). The last lines turn that rate
into the cores needed to process one day of CC-NEWS within an hour, with the assumptions written
out. Targets (issue 6): 2 workers at least 1.8 times as fast as 1; memory per worker flat.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from corpus import vary_numbers  # bench/corpus.py (the scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
OUTLETS = ["Sample Wire", "Example Gazette", "Demo Daily", "Test Tribune", "Placeholder Post", "Mock Herald"]
SHARD = 5_000

#: CC-NEWS, one day (assumptions; docs/cluster.md explains them): Common Crawl's news crawl
#: publishes WARC files of ~1 GB (gzip) each, ~500-700 a month in recent years, i.e. ~20 a day,
#: and a 1 GB file holds ~35,000-45,000 HTML responses (pages average ~100 KB uncompressed,
#: ~25 KB compressed). We take 20 files x 40,000 pages = 800,000 pages a day. The generated pages
#: are ~30 KB; real ones are ~3 times larger, and HTML parsing grows with size: the estimate is
#: also given for pages twice as costly as the measured ones (CCNEWS_MARGIN).
CCNEWS_FILES_PER_DAY = 20
CCNEWS_PAGES_PER_FILE = 40_000
CCNEWS_MARGIN = 2.0


def _texts() -> list[tuple[dict[str, str], str]]:
    """(front matter, body) of every sample and seed article."""
    out = []
    for path in sorted((ROOT / "samples" / "en").glob("*.txt")) + sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, header, body = text.split("---\n", 2)
        meta = dict(line.split(":", 1) for line in header.strip().splitlines() if ":" in line)
        out.append(({k.strip(): v.strip() for k, v in meta.items()}, body))
    return out


def _vary_body(body: str, i: int, rng: random.Random) -> str:
    paragraphs = [p for p in vary_numbers(body, rng).split("\n\n") if p.strip()]
    if len(paragraphs) > 3:  # the headline and lead stay first; the rest is reordered
        middle = paragraphs[2:]
        rng.shuffle(middle)
        paragraphs = paragraphs[:2] + middle
    closing = f"Copy {i:x} of this report, filed by the {rng.choice(OUTLETS)} desk."
    return "\n\n".join(p.strip("\n") for p in paragraphs) + f"\n\n{closing}\n"


def variant(texts: list[tuple[dict[str, str], str]], i: int, rng: random.Random) -> dict[str, str]:
    meta, body = texts[i % len(texts)]
    year = rng.choice([2023, 2024, 2025])
    return {
        "url": f"https://example.org/bench/{i}",
        "outlet": rng.choice(OUTLETS),
        "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "language": "en",
        "title": meta.get("title") or body.strip().splitlines()[0][:120],
        "text": _vary_body(body, i, rng),
    }


def write_news(folder: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` distinct articles as JSONL shards of :data:`SHARD` lines; returns the files."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = _texts()
    files = []
    for start in range(0, count, SHARD):
        path = folder / f"news-{start // SHARD:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(start, min(count, start + SHARD)):
                fh.write(json.dumps(variant(texts, i, rng), ensure_ascii=False) + "\n")
        files.append(str(path))
    return files


def _page(article: dict[str, str], rng: random.Random) -> bytes:
    """A news page of realistic size: navigation, scripts, related links and footer around the
    article (~60 KB), the way crawled pages come."""
    nav = "".join(f'<li><a href="/section/{k}">Section {k}</a></li>' for k in range(150))
    script = (
        "<script>"
        + "var tracking_%d = {'id': %d, 'slot': 'ad-%d'};"
        * 200
        % tuple(v for k in range(200) for v in (k, rng.randint(0, 10**9), k))
        + "</script>"
    )
    related = "".join(
        f'<li><a href="/news/{rng.randint(0, 10**6)}">Related story number {k} about the region</a></li>'
        for k in range(120)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in article["text"].split("\n\n") if p.strip())
    html = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{article["title"]}</title>'
        f'<meta property="og:site_name" content="{article["outlet"]}">'
        f'<meta property="article:published_time" content="{article["published"]}">{script}</head>'
        f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>{article['title']}</h1>"
        f"{paragraphs}</article><aside><ul>{related}</ul></aside></main>"
        "<footer><p>Copyright. All rights reserved. Terms, privacy, cookies.</p></footer></body></html>"
    )
    return html.encode("utf-8")


def write_crawl(folder: Path, pages: int, per_file: int = 1_000, seed: int = 13) -> list[str]:
    """``pages`` article pages in WARC.gz files (request + response records, as a crawl has)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    texts = _texts()
    files = []
    for start in range(0, pages, per_file):
        path = folder / f"CC-NEWS-bench-{start // per_file:05d}.warc.gz"
        with open(path, "wb") as fh:
            writer = WARCWriter(fh, gzip=True)
            for i in range(start, min(pages, start + per_file)):
                # An article of ~5,000 characters: three reports run together.
                parts = [variant(texts, i * 3 + k, rng) for k in range(3)]
                article = dict(parts[0], text="\n\n".join(p["text"] for p in parts))
                url = f"https://news.example.org/{i}"
                request = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "news.example.org")], is_http_request=True
                )
                writer.write_record(
                    writer.create_warc_record(
                        url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                    )
                )
                body = _page(article, rng)
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
                    )
                )
        files.append(str(path))
    return files


def run(inputs: list[str], out: Path, workers: int, partition_mb: float) -> dict[str, Any]:
    from headcount.batch import run_batch

    shutil.rmtree(out, ignore_errors=True)
    summary = run_batch(
        inputs, out, scheduler="local", workers=workers, partition_bytes=int(partition_mb * 1024 * 1024)
    )
    assert summary.complete, summary.failures
    markers = [json.loads(p.read_text()) for p in (out / "_partitions").glob("*.json")]
    cpu = sum(m["cpu_seconds"] for m in markers)
    by_worker: dict[str, list[float]] = {}
    for m in markers:
        seen = by_worker.setdefault(m.get("worker", "?"), [0.0, 0.0])
        seen[0] += m["articles"]
        seen[1] += m["cpu_seconds"]
    return {
        "per_cpu_second": summary.articles / cpu if cpu else 0.0,
        # CPU milliseconds per article of each worker: what the shared machine disturbs least.
        "ms_per_article": [1000 * c / a for a, c in by_worker.values() if a],
        # Cores the workers' partitions had, on average, over the run: below the worker count
        # when other jobs took the machine's cores (or when the cluster started and ended).
        "cores_used": cpu / summary.seconds if summary.seconds else 0.0,
        "articles": summary.articles,
        "claims": summary.claims,
        "seconds": summary.seconds,
        "rate": summary.articles_per_second,
        "partitions": summary.partitions,
        "peak_mb": max(summary.peak_rss_mb.values()),
        "workers_seen": len(summary.peak_rss_mb),
    }


ROW = "{:>9} {:>8} {:>9} {:>10} {:>12} {:>10} {:>11} {:>13} {:>10} {:>11} {:>11}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000, help="size of the news corpus")
    parser.add_argument("--pages", type=int, default=4_000, help="crawl pages (WARC) for the per-core rate")
    parser.add_argument("--partition-mb", type=float, default=2.0, help="MB of input per partition")
    parser.add_argument("--keep", type=Path, help="build the corpora here and keep them")
    parser.add_argument("--crawl-only", action="store_true", help="only the crawl pages' rate per core")
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="headcount-bench-batch-"))
    try:
        started = time.perf_counter()
        news = write_news(base / "news", args.articles)
        crawl = write_crawl(base / "crawl", args.pages)
        size = sum(Path(f).stat().st_size for f in news) / 1e6
        crawl_size = sum(Path(f).stat().st_size for f in crawl) / 1e6
        print(
            f"corpora built in {time.perf_counter() - started:.0f} s: {args.articles:,} articles in "
            f"{len(news)} JSONL files ({size:,.0f} MB); {args.pages:,} crawl pages in {len(crawl)} "
            f"WARC.gz files ({crawl_size:,.0f} MB)"
        )
        print(
            ROW.format(
                "articles",
                "workers",
                "seconds",
                "art/s",
                "art/s/worker",
                "speed-up",
                "partitions",
                "peak MB/worker",
                "art/CPU-s",
                "CPU ms/art",
                "cores used",
            )
        )
        small = news[: max(1, len(news) // 5)]
        results: dict[tuple[int, int], dict[str, float]] = {}
        for inputs in (small, news) if not args.crawl_only else ():
            for workers in (1, 2):
                r = run(inputs, base / "out", workers, args.partition_mb)
                results[(int(r["articles"]), workers)] = r
                one = results.get((int(r["articles"]), 1))
                speedup = r["rate"] / one["rate"] if one and workers == 2 else 1.0
                print(
                    ROW.format(
                        f"{int(r['articles']):,}",
                        workers,
                        f"{r['seconds']:.1f}",
                        f"{r['rate']:.0f}",
                        f"{r['rate'] / workers:.0f}",
                        f"{speedup:.2f}x",
                        int(r["partitions"]),
                        f"{r['peak_mb']:.0f}",
                        f"{r['per_cpu_second']:.0f}",
                        "/".join(f"{ms:.2f}" for ms in r["ms_per_article"]),
                        f"{r['cores_used']:.2f}",
                    ),
                    flush=True,
                )
        for n in sorted({n for n, _ in results}):
            if (n, 1) in results and (n, 2) in results:
                one, two = results[(n, 1)], results[(n, 2)]
                print(
                    f"{n:,} articles: 2 workers {two['rate'] / one['rate']:.2f}x as fast as 1 in wall time, "
                    f"with {two['cores_used']:.2f} cores against {one['cores_used']:.2f}; in CPU time "
                    f"{2 * two['per_cpu_second'] / one['per_cpu_second']:.2f}x (2 x articles per CPU-second "
                    "of the 2-worker run over the 1-worker run: the speed-up on two free cores, less the "
                    "cluster's start and the last partition's tail)"
                )
        page = run(crawl, base / "out", 1, args.partition_mb * 8)
        # Pages per CPU-second: what a core of its own gives; the wall-clock rate is lower when
        # other jobs share the core.
        per_core = page["per_cpu_second"]
        print(
            f"crawl pages (WARC.gz, ~{crawl_size * 1e6 / args.pages / 1e3:.0f} KB gzip each), 1 worker: "
            f"{per_core:.0f} pages per CPU-second ({page['rate']:.0f} pages/s in wall time with "
            f"{page['cores_used']:.2f} of a core; {page['seconds']:.1f} s for {int(page['articles']):,}), "
            f"peak {page['peak_mb']:.0f} MB"
        )
        daily = CCNEWS_FILES_PER_DAY * CCNEWS_PAGES_PER_FILE
        for label, rate in (
            ("as measured", per_core),
            (f"pages {CCNEWS_MARGIN:.0f}x as costly", per_core / CCNEWS_MARGIN),
        ):
            work = daily / rate / 3600  # core-hours
            per_file = CCNEWS_PAGES_PER_FILE / rate  # seconds: one WARC file is one task
            rounds = int(3600 // per_file)
            cores = math.ceil(CCNEWS_FILES_PER_DAY / rounds) if rounds else None
            print(
                f"one day of CC-NEWS ({CCNEWS_FILES_PER_DAY} WARC files x {CCNEWS_PAGES_PER_FILE:,} pages "
                f"= {daily:,}), {label} ({rate:.0f} pages/s/core): {work:.1f} core-hours; "
                f"a file takes {per_file / 60:.0f} min, "
                + (
                    f"so within an hour: {cores} cores ({rounds} file(s) per core)"
                    if cores
                    else "over an hour: split the files"
                )
            )
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":  # spawned Dask workers import this module: the guard is required
    main()
