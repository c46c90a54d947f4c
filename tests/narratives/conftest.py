"""Articles for the repeated-passage tests: our own texts and the seed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from headcount.ingest import read_article
from headcount.narratives import Document

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ROOT / "tests" / "data" / "narratives"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def documents(folder: Path, pattern: str = "*.txt") -> list[Document]:
    """The article files of ``folder`` as documents, numbered from 1 in file-name order."""
    out = []
    for i, path in enumerate(sorted(folder.glob(pattern)), start=1):
        a = read_article(path)
        out.append(Document(i, a.doc, a.body, a.outlet, a.published, a.title))
    return out


@pytest.fixture
def texts() -> list[Document]:
    """tests/data/narratives/: a talking point in three outlets, a copy, look-alikes, furniture."""
    return documents(TEXTS)


@pytest.fixture
def seed_documents() -> list[Document]:
    """The five seed articles."""
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not at {SEEDS}")
    return documents(SEEDS, "0*.txt")
