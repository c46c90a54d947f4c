"""The cross-check over a stored ledger (SQLite and PostgreSQL): claims read back, republished
copies found among their articles and counted once."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from headcount.ingest import read_article
from headcount.model import Article
from headcount.reconcile import compare, compare_ledger
from headcount.reconcile.compare import in_window
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


# (period start, period end, published, figure): agreeing and contradicting figures whose periods
# (or, without one, publication dates) fall inside, across and outside the windows below.
WINDOWED = [
    ("2025-03-01", "2025-03-31", "2025-04-10", 1200),
    ("2025-03-01", "2025-03-31", "2025-04-12", 1250),
    ("2025-03-01", "2025-03-31", "2025-04-15", 4000),
    (None, None, "2025-03-20", 1180),
    (None, None, "2025-04-01", 900),
    ("2025-02-15", None, "2025-04-02", 2600),
    (None, "2025-03-31", "2025-05-01", 1210),
    ("2025-05-01", "2025-05-31", "2025-06-03", 1500),
    ("2024-01-01", "2024-12-31", "2025-01-10", 15000),
]


def test_the_window_read_in_sql_compares_what_in_window_kept(ledger) -> None:  # type: ignore[no-untyped-def]
    for i, (start, end, published, low) in enumerate(WINDOWED):
        article = Article(
            doc=f"w{i}.txt",
            body=f"Officials said {low:,} soldiers deserted (report {i}).",
            outlet=f"Outlet {i}",
            published=date.fromisoformat(published),
        )
        claim = make_claim(f"{low:,}", low, low, metric="desertion", start=start, end=end).claim
        ledger.add(article, [dataclasses.replace(claim, doc=article.doc)], extractor="test")
    everything = ledger.claims()
    for since, until in [
        (date(2025, 3, 1), date(2025, 3, 31)),
        (date(2025, 3, 31), date(2025, 3, 31)),
        (date(2025, 4, 1), None),
        (None, date(2025, 2, 14)),
        (None, None),
    ]:
        kept = [r for r in everything if in_window(r, since, until)]
        got = compare_ledger(ledger, since=since, until=until, copies={})
        assert got.to_dict() == compare(kept, copies={}).to_dict()
        assert got.claims == len(kept)
    march = compare_ledger(ledger, since=date(2025, 3, 1), until=date(2025, 3, 31), copies={})
    assert 0 < march.claims < len(everything) and march.contradictions and march.groups
