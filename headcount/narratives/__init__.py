"""Repeated passages across articles — talking points and copied copy — and articles republished
whole.

Stages: ``text`` (bodies → sentences → word ids, once), ``republications`` (whole-article
near-duplicates: MinHash LSH from datasketch, then an exact check), ``talking_points`` (sentences:
MinHash LSH candidates, then a check on shared phrasing, passages grown to neighbouring sentences,
clusters). Thresholds are in ``headcount/data/narratives.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from headcount.narratives.records import (
    Copy,
    Document,
    Narratives,
    Passage,
    Republication,
    Republications,
    TalkingPoint,
)
from headcount.narratives.republications import find_copies
from headcount.narratives.settings import NarrativeSettings, default_settings
from headcount.narratives.talking_points import find_talking_points as _talking_points
from headcount.narratives.text import read_corpus

if TYPE_CHECKING:
    from headcount.store import Ledger


def find_republications(
    documents: Iterable[Document], settings: NarrativeSettings | None = None
) -> Republications:
    """Articles of ``documents`` republished whole by others, linked to the earliest copy."""
    settings = settings or default_settings()
    return find_copies(read_corpus(documents, settings.stopwords), settings)


def find_narratives(documents: Iterable[Document], settings: NarrativeSettings | None = None) -> Narratives:
    """Talking points (clusters of repeated passages) and republished articles of ``documents``.

    Republished copies are found first: they are left out of the passage comparison (a copied
    article would repeat every one of its sentences) and listed with their original's passages.
    """
    settings = settings or default_settings()
    corpus = read_corpus(documents, settings.stopwords)
    republications = find_copies(corpus, settings)
    points = _talking_points(corpus, settings, republications.copy_of)
    return Narratives(points, republications, documents=len(corpus.documents))


def narratives_from_ledger(
    ledger: Ledger,
    *,
    since: date | None = None,
    until: date | None = None,
    article_ids: Iterable[int] | None = None,
    settings: NarrativeSettings | None = None,
) -> Narratives:
    """:func:`find_narratives` over the ledger's articles (published ``since``..``until``)."""
    from headcount.store.crosscheck import iter_documents

    ids = sorted(set(article_ids)) if article_ids is not None else None
    return find_narratives(iter_documents(ledger, ids, since=since, until=until), settings)


__all__ = [
    "Copy",
    "Document",
    "NarrativeSettings",
    "Narratives",
    "Passage",
    "Republication",
    "Republications",
    "TalkingPoint",
    "default_settings",
    "find_narratives",
    "find_republications",
    "narratives_from_ledger",
]
