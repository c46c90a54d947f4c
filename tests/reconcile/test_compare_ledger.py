"""The cross-check over a stored ledger (SQLite and PostgreSQL): claims read back, republished
copies found among their articles and counted once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from headcount.ingest import read_article
from headcount.reconcile import compare_ledger
from tests.reconcile.conftest import make_claim

TEXTS = Path(__file__).resolve().parents[1] / "data" / "narratives"


def store(ledger, name: str, low: float) -> None:  # type: ignore[no-untyped-def]
    """Store one of our texts with one hand-written claim that the article asserts itself."""
    article = read_article(TEXTS / name)
    claim = make_claim(
        f"{low:,.0f}", low, low, metric="criminal_case", start="2025-01-01", end="2025-02-28"
    ).claim
    claim = dataclasses.replace(claim, doc=article.doc)
    ledger.add(article, [claim], extractor="test")


def test_a_copy_of_an_article_does_not_corroborate_it(ledger) -> None:  # type: ignore[no-untyped-def]
    store(ledger, "a1_north_wire.txt", 1200)
    store(ledger, "a5_aggregator.txt", 1200)  # a1 republished whole
    store(ledger, "a4_valley_times.txt", 1250)  # another article agreeing on its own
    comparison = compare_ledger(ledger)
    ids = {a.article.doc: a.id for a in ledger.articles()}
    assert comparison.copies == {ids["a5_aggregator.txt"]: ids["a1_north_wire.txt"]}
    (group,) = comparison.groups
    assert group.articles == 2 and len(group.entries) == 3
    assert sorted(o.origin.name for o in group.origins) == ["North Wire", "Valley Times"]
    north = next(o for o in group.origins if o.origin.name == "North Wire")
    (echo,) = north.echoes
    assert len(echo.copies) == 1


def test_copies_can_be_given(ledger) -> None:  # type: ignore[no-untyped-def]
    store(ledger, "a1_north_wire.txt", 1200)
    store(ledger, "a5_aggregator.txt", 1200)
    (group,) = compare_ledger(ledger, copies={}).groups
    assert len(group.origins) == 2  # told there are no copies, two outlets speak for themselves
