"""A batch without a cluster (``scheduler="sync"``): what it writes, what it rejects, how a rerun
resumes. The Dask path runs the same partition function: see test_batch_dask.py."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from headcount.batch import run_batch
from headcount.batch.output import MARKERS, Folder, claim_from_row, read_manifest, read_rows
from headcount.errors import ConfigError
from headcount.pipeline import extract_paths

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def _expected(paths: list[Path | str]) -> tuple[list, list]:
    claims, rejections = [], []
    for result in extract_paths(paths):
        if result.rejection is not None:
            rejections.append(result.rejection)
        claims.extend(result.claims)
    return claims, rejections


def test_a_batch_writes_articles_claims_and_rejections_as_parquet(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "lines.jsonl").write_text('{"text": "12 soldiers deserted."}\n{oops\n', encoding="utf-8")
    inputs = [str(SAMPLES), str(bad)]
    out = tmp_path / "out"
    summary = run_batch(inputs, out, scheduler="sync", partition_bytes=3_000)
    claims, rejections = _expected(inputs)

    assert summary.complete and summary.written == summary.partitions > 1
    assert (summary.articles, summary.claims, summary.rejections) == (12, len(claims), 2)
    assert summary.totals == {"articles": 12, "claims": len(claims), "rejections": 2}
    assert [claim_from_row(r) for r in read_rows(str(out), "claims")] == claims
    got = [(r["source"], r["line"], r["code"]) for r in read_rows(str(out), "rejections")]
    assert got == [(r.source, r.line, r.code) for r in rejections]
    assert {code for _, _, code in got} == {"H106", "H114"}

    # Plain Parquet datasets: any reader sees them, temporary files and markers aside.
    assert ds.dataset(out / "claims").count_rows() == len(claims)
    articles = ds.dataset(out / "articles").to_table().to_pylist()
    assert len(articles) == 12 and all(len(a["body_hash"]) == 64 for a in articles)
    assert sum(a["claim_count"] for a in articles) == len(claims)

    manifest = read_manifest(Folder(str(out)))
    assert manifest["inputs"] == inputs and manifest["partitions_done"] == summary.partitions
    assert all(
        p["status"] == "done" and p["files"]["claims"].startswith("claims/") for p in manifest["partitions"]
    )
    assert manifest["totals"] == summary.totals


def test_a_rerun_writes_only_what_is_missing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch([SAMPLES], out, scheduler="sync", partition_bytes=3_000)
    before = read_rows(str(out), "claims")
    assert first.partitions >= 3
    markers = sorted((out / MARKERS).glob("*.json"))
    # A crash: one partition never finished (no marker, a temporary file left behind), another
    # was lost with its files.
    markers[1].unlink()
    (out / "claims" / f".part-{markers[1].stem}.deadbeef.tmp").write_bytes(b"half a file")
    markers[2].unlink()
    for table in ("articles", "claims", "rejections"):
        (out / table / f"part-{markers[2].stem}.parquet").unlink()

    again = run_batch([SAMPLES], out, scheduler="sync", partition_bytes=3_000)
    assert (again.written, again.skipped) == (2, first.partitions - 2)
    assert read_rows(str(out), "claims") == before
    assert ds.dataset(out / "claims").count_rows() == len(before)  # nothing twice

    done = run_batch([SAMPLES], out, scheduler="sync", partition_bytes=3_000)
    assert (done.written, done.articles, done.skipped) == (0, 0, first.partitions)
    assert done.totals == first.totals


def test_a_folder_of_another_batch_is_not_mixed_into(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([SAMPLES / "en"], out, scheduler="sync")
    with pytest.raises(ConfigError, match=r"\[H403\].*holds a batch of other inputs"):
        run_batch([SAMPLES / "html"], out, scheduler="sync")


def test_an_output_url_is_written_through_fsspec(tmp_path: Path) -> None:
    out = f"file://{tmp_path}/remote-out"
    summary = run_batch([f"file://{SAMPLES}/jsonl/wire-digest.jsonl"], out, scheduler="sync")
    assert summary.articles == 3 and summary.complete
    sources = [r["source"] for r in read_rows(out, "articles")]
    assert sources == [f"file://{SAMPLES}/jsonl/wire-digest.jsonl:{n}" for n in range(1, 4)]
    assert json.loads((tmp_path / "remote-out" / "manifest.json").read_text())["totals"]["articles"] == 3


def test_progress_is_reported_as_partitions_finish(tmp_path: Path) -> None:
    seen = []
    summary = run_batch(
        [SAMPLES], tmp_path / "out", scheduler="sync", partition_bytes=3_000, on_progress=seen.append
    )
    assert [p.done for p in seen] == list(range(summary.partitions + 1))
    assert seen[-1].total == summary.partitions and seen[-1].articles == summary.articles
    assert all(a.articles <= b.articles for a, b in itertools.pairwise(seen))


def test_an_unknown_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigError, match=r"\[H403\].*'cluster' is not 'local', 'sync' or a scheduler address"
    ):
        run_batch([SAMPLES / "en"], tmp_path / "out", scheduler="cluster")
