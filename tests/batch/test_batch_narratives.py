"""Repeated passages over a batch folder (``headcount batch --narratives``): a paragraph copied
across outlets, lightly edited, comes out as one cluster; unrelated articles do not; the Dask job
finds what the sequential one finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from headcount.batch import run_batch
from headcount.batch.narratives import article_units, iter_clusters, run_narratives
from headcount.cli import app
from headcount.model import Rejection
from headcount.narratives.settings import default_settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

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
        "Volunteers counted more than 500 calls to a hotline for soldiers in a single week.\n"
        f"{TALKING_POINT}\n",
        encoding="utf-8",
    )
    for sample in sorted((SAMPLES / "en").glob("*.txt")):
        folder.joinpath(sample.name).write_bytes(sample.read_bytes())
    return folder


def test_units_are_those_of_the_ledgers_detection(corpus: Path) -> None:
    """The batch cuts articles into the units ``headcount.narratives`` compares (same sentences,
    same content-word rule, same settings), so both find the same passages."""
    from headcount.ingest import iter_articles
    from headcount.narratives.records import Document
    from headcount.narratives.settings import default_settings
    from headcount.narratives.talking_points import _units
    from headcount.narratives.text import read_corpus

    settings = default_settings()
    articles = [a for a in iter_articles([corpus, SEEDS]) if not isinstance(a, Rejection)]
    documents = [Document(i, a.doc, a.body, a.outlet, a.published) for i, a in enumerate(articles)]
    built = read_corpus(documents, settings.stopwords)
    docs, firsts, lasts = _units(
        built, list(range(len(documents))), built.vocabulary.stop_mask(), settings.min_words
    )
    theirs = [
        (int(d), int(built.starts[f]), int(built.ends[last]))
        for d, f, last in zip(docs, firsts, lasts, strict=True)
    ]
    mine = [(d, s, e) for d, a in enumerate(articles) for s, e, _ in article_units(a.body, settings)]
    assert mine == theirs and len(mine) > 100


def test_the_seed_articles_shared_framing_is_found(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([SEEDS], out, scheduler="sync", partition_bytes=20_000)
    run_narratives(str(out), scheduler="sync")
    clusters = [{r["doc"][:3] for r in c} for c in iter_clusters(str(out))]
    assert {"000", "003"} in clusters


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
    assert saved["clusters"] == 1 and saved["settings"]["num_perm"] == default_settings().num_perm


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
