"""The Dask path: the same claims as the sequential CLI, on a LocalCluster of worker processes,
and nothing lost or doubled when a worker is killed in the middle of a batch."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import threading
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from headcount.batch import run_batch
from headcount.batch.output import MARKERS, claim_from_row, read_rows
from headcount.cli import app
from headcount.ingest import iter_articles
from headcount.model import Article
from headcount.pipeline import extract_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


def _vary(text: str, rng: random.Random) -> str:
    """The article with the figures of its body scaled (years kept: periods depend on them;
    the front matter kept: its dates are dates)."""

    def scale(match: re.Match[str]) -> str:
        raw = match.group(0)
        value = int(raw.replace(",", ""))
        if 1990 <= value <= 2030:
            return raw
        varied = max(2, int(value * rng.uniform(0.5, 1.5)))
        return f"{varied:,}" if "," in raw else str(varied)

    if text.startswith("---\n"):
        _, header, body = text.split("---\n", 2)
        return f"---\n{header}---\n" + _NUMBER.sub(scale, body)
    return _NUMBER.sub(scale, text)


def write_corpus(folder: Path, count: int, seed: int = 11) -> Path:
    """``count`` distinct articles: variants of the samples and the seed articles as text files
    (most), as lines of a JSONL file, plus the HTML pages and the web archive of samples/."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "en").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    (folder / "text").mkdir(parents=True)
    (folder / "pages").mkdir()
    for page in sorted((SAMPLES / "html").glob("*.html")):
        (folder / "pages" / page.name).write_bytes(page.read_bytes())
    (folder / "pages" / "crawl.warc.gz").write_bytes((SAMPLES / "warc" / "news-crawl.warc.gz").read_bytes())
    fixed = sum(isinstance(item, Article) for item in iter_articles([folder / "pages"]))
    lines = []
    for i in range(count - fixed):
        text = _vary(texts[i % len(texts)], rng).rstrip("\n") + f"\n\nArchive copy {i}.\n"
        if i % 4 == 3:
            body = text.split("---\n", 2)[-1]
            lines.append(json.dumps({"doc": f"wire-{i}", "published": "2025-06-01", "text": body}))
        else:
            (folder / "text" / f"article-{i:04d}.txt").write_text(text, encoding="utf-8")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_batch_gives_the_claims_of_headcount_extract(tmp_path: Path, dask_cluster) -> None:  # type: ignore[no-untyped-def]
    corpus = write_corpus(tmp_path / "corpus", 200)
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"])
    assert extracted.exit_code == 0, extracted.output
    expected = [json.loads(line) for line in extracted.stdout.splitlines()]
    assert len({c["doc"] for c in expected}) > 150 and len(expected) > 300

    out = tmp_path / "out"
    result = runner.invoke(
        app,
        # Small partitions: the JSONL file is split into blocks and every worker gets some.
        [
            "batch",
            str(corpus),
            "--out",
            str(out),
            "--scheduler",
            dask_cluster.scheduler_address,
            "--partition-mb",
            "0.03",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "200 articles" in result.stdout and "2 workers" in result.stdout
    got = [claim_from_row(row).to_schema() for row in read_rows(str(out), "claims")]
    assert got == expected
    markers = [json.loads(p.read_text()) for p in (out / MARKERS).glob("*.json")]
    assert len(markers) > 10
    assert len({m["worker"] for m in markers}) == 2  # really spread over both processes
    assert any(m["index"] > 0 and m["articles"] for m in markers)


def test_a_worker_killed_mid_batch_loses_nothing(tmp_path: Path) -> None:
    import logging

    from distributed import Client, LocalCluster

    corpus = write_corpus(tmp_path / "corpus", 160)
    expected = [c for r in extract_paths([corpus]) for c in r.claims]
    out = tmp_path / "out"
    state: dict[str, object] = {}

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):

        def batch() -> None:
            try:
                state["summary"] = run_batch([corpus], out, client=client, partition_bytes=2_000)
            except BaseException as exc:  # surfaced by the assertions below
                state["error"] = exc

        runner = threading.Thread(target=batch)
        runner.start()
        deadline = time.monotonic() + 60
        victim = None
        while victim is None and time.monotonic() < deadline and runner.is_alive():
            written = len(list((out / MARKERS).glob("*.json"))) if (out / MARKERS).exists() else 0
            busy = [addr for addr, keys in client.processing().items() if keys]
            if written >= 3 and busy:
                victim = busy[0]
                state["written_at_kill"] = written
                pid = client.run(os.getpid, workers=[victim])[victim]
                os.kill(pid, signal.SIGKILL)
            else:
                time.sleep(0.005)
        runner.join(120)
        assert victim is not None, "the batch ended before a worker could be killed"
        assert victim not in client.scheduler_info()["workers"]  # it really died

    assert "error" not in state, state.get("error")
    summary = state["summary"]
    assert summary.complete, summary.failures  # type: ignore[attr-defined]
    assert state["written_at_kill"] < summary.partitions  # type: ignore[attr-defined,operator]
    assert [claim_from_row(r) for r in read_rows(str(out), "claims")] == expected
    # Every row once: no partition written twice, no half-written file counted.
    assert ds.dataset(out / "claims").count_rows() == len(expected)
    assert ds.dataset(out / "articles").count_rows() == 160
    assert len(list((out / MARKERS).glob("*.json"))) == summary.partitions  # type: ignore[attr-defined]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_local_cluster_of_n_workers(tmp_path: Path, workers: int) -> None:
    summary = run_batch(
        [SAMPLES], tmp_path / "out", scheduler="local", workers=workers, partition_bytes=3_000
    )
    assert summary.workers == workers and summary.complete
    assert summary.articles == 11 and len(summary.peak_rss_mb) <= workers
    assert all(mb > 50 for mb in summary.peak_rss_mb.values())  # a worker process's own memory
