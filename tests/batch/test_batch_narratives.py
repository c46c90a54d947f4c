"""Repeated passages over a batch folder (``headcount batch --narratives``): a paragraph copied
across outlets, lightly edited, comes out as one cluster; unrelated articles do not; the Dask job
finds what the sequential one finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from headcount.batch import run_batch
from headcount.batch.narratives import (
    PARAMS,
    band_keys,
    iter_clusters,
    run_narratives,
    shingles,
    signature,
    similarity,
    split_passages,
)
from headcount.cli import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

TALKING_POINT = (
    "Amid these developments, officials in the capital have continued to frame the mobilisation "
    "campaign as a necessary defence of the homeland and a commitment to lasting peace in the region."
)
EDITED = TALKING_POINT.replace("officials in the capital", "officials in the capital city").replace(
    "lasting peace", "a lasting peace"
)


def _article(folder: Path, name: str, outlet: str, published: str, paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    folder.joinpath(name).write_text(
        f"---\noutlet: {outlet}\npublished: {published}\nlanguage: en\n---\n{body}\n", encoding="utf-8"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _article(
        folder,
        "a.txt",
        "Wire One",
        "2025-03-01",
        [
            "Officials said 1,200 soldiers left their units in February, a record for the winter.",
            TALKING_POINT,
        ],
    )
    _article(
        folder,
        "b.txt",
        "Daily Two",
        "2025-03-02",
        ["A court in the region received 300 new cases of unauthorised absence last month.", EDITED],
    )
    # One paragraph per line, as some feeds write them.
    folder.joinpath("c.txt").write_text(
        "---\noutlet: Herald Three\npublished: 2025-03-04\nlanguage: en\n---\n"
        f"Volunteers counted more than 500 calls to a hotline for soldiers in a single week.\n{TALKING_POINT}\n",
        encoding="utf-8",
    )
    for sample in sorted((SAMPLES / "en").glob("*.txt")):
        folder.joinpath(sample.name).write_bytes(sample.read_bytes())
    return folder


def test_passages_are_paragraphs_with_offsets_into_the_body() -> None:
    body = "Short line.\n\nThe first real paragraph has more than eight words in it.\nAnd a second one, also long enough to count here.\n"
    found = split_passages(body)
    assert [body[s:e] for s, e, _ in found] == [t for _, _, t in found]
    assert [t[:9] for _, _, t in found] == ["The first", "And a sec"]


def test_similarity_estimates_the_jaccard_of_shingles() -> None:
    a, b = shingles(TALKING_POINT), shingles(EDITED)
    exact = len(a & b) / len(a | b)
    estimate = similarity(signature(a), signature(b))
    assert abs(estimate - exact) < 0.15
    assert similarity(signature(a), signature(a)) == 1.0
    assert len(band_keys(signature(a))) == PARAMS.bands and PARAMS.bands * PARAMS.rows == PARAMS.num_perm
    assert band_keys(signature(a)) == band_keys(signature(shingles(TALKING_POINT.upper())))


def test_a_copied_paragraph_is_one_cluster_and_the_rest_is_not(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([corpus], out, scheduler="sync", partition_bytes=800)
    summary = run_narratives(str(out), scheduler="sync")
    clusters = list(iter_clusters(str(out)))
    assert summary.clusters == len(clusters) == 1
    (cluster,) = clusters
    assert [r["outlet"] for r in cluster] == ["Wire One", "Daily Two", "Herald Three"]  # by date
    assert {r["text"] for r in cluster} == {TALKING_POINT, EDITED}
    assert summary.passages > 20 and summary.candidate_pairs >= summary.similar_pairs >= 2
    saved = json.loads((out / "narratives" / "summary.json").read_text())
    assert saved["clusters"] == 1 and saved["params"]["num_perm"] == PARAMS.num_perm


def test_the_distributed_job_finds_what_the_sequential_one_finds(
    corpus: Path, tmp_path: Path, dask_cluster
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "batch",
            str(corpus),
            "--out",
            str(out),
            "--scheduler",
            dask_cluster.scheduler_address,
            "--partition-mb",
            "0.001",
            "--narratives",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1 clusters of repeated passages" in result.stdout
    dask_clusters = list(iter_clusters(str(out)))
    run_narratives(str(out), scheduler="sync")
    assert list(iter_clusters(str(out))) == dask_clusters
