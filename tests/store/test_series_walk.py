"""A page of one series read through its ids (``ix_claims_series``, migration 0008) is the page
the plain query gives: the dashboard's claims and compare pages (window, newest or oldest first,
deeper pages, the capped count) and ``Ledger.claims(..., limit=)`` with publication dates, on
both backends, over claims stored out of date order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import Column, inspect
from sqlalchemy.sql import visitors

from headcount.model import Article, Claim, LedgerClaim
from headcount.reconcile.compare import in_window
from headcount.store import dashboard
from tests.conftest import wrong_spans

START = date(2024, 1, 1)
METRICS = ("desertion", "criminal_case", "surrender")
SIDES = ("ukraine", "russia")
OUTLETS = ("Gazette", "Evening Herald", "Gazette Weekly")


def _claim(rng: random.Random, doc: str, k: int) -> Claim:
    value = rng.randint(10, 90_000)
    quote = f"Officials said {value:,} soldiers left their units ({doc}, {k})."
    at = quote.index(f"{value:,}")
    start: date | None = None
    end: date | None = None
    if rng.random() < 0.6:
        start = START + timedelta(days=rng.randrange(500))
        end = start + timedelta(days=rng.choice([0, 30, 90, 400]))
    return Claim(
        doc=doc,
        quote=quote,
        figure=f"{value:,}",
        low=float(value),
        high=float(value),
        bound="exact",
        kind="count",
        metric=rng.choice(METRICS),
        side=rng.choice(SIDES),
        period_start=start,
        period_end=end,
        per=None,
        claimant="the article",
        via=(),
        hedged=rng.random() < 0.3,
        start=at,
        end=at + len(f"{value:,}"),
        sentence_start=0,
        sentence_end=len(quote),
        extractor="test",
    )


@pytest.fixture
def shuffled(ledger):  # type: ignore[no-untyped-def]
    """150 articles of 1–4 claims, stored in no particular date order (some undated)."""
    rng = random.Random(8)
    for i in range(150):
        doc = f"a{i}.txt"
        published = None if i % 13 == 0 else START + timedelta(days=rng.randrange(520))
        found = [_claim(rng, doc, k) for k in range(rng.randint(1, 4))]
        article = Article(
            doc=doc, body=" ".join(c.quote for c in found), outlet=rng.choice(OUTLETS), published=published
        )
        ledger.add(article, found, extractor="test")
    return ledger


def _ids(records: list[LedgerClaim]) -> list[int]:
    return [r.id for r in records]


WINDOWS = [
    (None, None),
    (date(2024, 3, 1), date(2024, 3, 31)),
    (date(2024, 6, 1), None),
    (None, date(2024, 2, 15)),
    (date(2025, 1, 1), date(2025, 6, 30)),
]


@pytest.mark.parametrize(("since", "until"), WINDOWS)
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_a_page_of_a_series_is_the_page_of_every_claim_filtered(shuffled, since, until, sort) -> None:
    everything = shuffled.claims()
    sizes = []
    for metric, side, hedged in [
        ("desertion", "ukraine", None),
        ("surrender", None, True),
        (None, "russia", False),
    ]:
        f = dashboard.ClaimFilters(metric=metric, side=side, since=since, until=until, hedged=hedged)
        assert dashboard._series_ids(f, sort) is not None  # the path under test
        expected = [
            r.id
            for r in everything
            if (metric is None or r.claim.metric == metric)
            and (side is None or r.claim.side == side)
            and (hedged is None or r.claim.hedged == hedged)
            and in_window(r, since, until)
        ]
        if sort == "newest":
            expected.reverse()
        sizes.append(len(expected))
        pages = []
        for offset in range(0, len(expected) + 3, 3):
            page, more = dashboard.claims_page(shuffled.engine, f, sort=sort, offset=offset, limit=3)
            assert more == (offset + 3 < len(expected))
            pages.extend(_ids(page))
        assert pages == expected
        assert dashboard.count_claims(shuffled.engine, f, cap=5) == (min(len(expected), 5), len(expected) > 5)
    assert max(sizes) > 5, "too few claims selected: paging and the cap would go untested"


def test_the_series_path_leaves_other_filters_and_orders_to_the_plain_query() -> None:
    assert dashboard._series_ids(dashboard.ClaimFilters(), "newest") is None  # no series
    series = dashboard.ClaimFilters(metric="desertion")
    assert dashboard._series_ids(series, "value") is None
    for other in ({"claimant": "TASS"}, {"outlet": "Gazette"}, {"search": "left"}, {"state": "accepted"}):
        assert dashboard._series_ids(dashboard.ClaimFilters(metric="desertion", **other), "newest") is None


@pytest.mark.parametrize(("since", "until"), WINDOWS)
def test_a_first_page_of_a_series_with_publication_dates(shuffled, since, until) -> None:
    everything = shuffled.claims()
    for metric, side in [("desertion", "ukraine"), (["desertion", "surrender"], None), (None, "russia")]:
        metrics = [metric] if isinstance(metric, str) else metric
        expected = [
            r.id
            for r in everything
            if (metrics is None or r.claim.metric in metrics)
            and (side is None or r.claim.side == side)
            and (since is None or (r.published is not None and r.published >= since))
            and (until is None or (r.published is not None and r.published <= until))
        ]
        assert expected
        for limit in (1, 4, 1000):
            got = shuffled.claims(metric=metric, side=side, since=since, until=until, limit=limit)
            assert _ids(got) == expected[:limit]
            assert got == [r for r in everything if r.id in set(expected[:limit])]  # whole records


def test_the_series_ids_are_read_from_the_series_index_alone(shuffled) -> None:
    """Every column the ids query tests is in ``ix_claims_series``: PostgreSQL can answer it by
    an index-only scan, whatever window is asked."""
    (index,) = [i for i in inspect(shuffled.engine).get_indexes("claims") if i["name"] == "ix_claims_series"]
    f = dashboard.ClaimFilters(metric="desertion", side="ukraine", since=START, until=START, hedged=None)
    query = dashboard._series_ids(f, "newest")
    used = {c.name for c in visitors.iterate(query.whereclause) if isinstance(c, Column)} | {"id"}
    assert used <= set(index["column_names"])
    assert index["column_names"][:3] == ["metric", "side", "id"]  # walked in id order


def test_migration_0008_copies_the_article_date_onto_claims_stored_before(shuffled) -> None:
    from tests.store.test_ledger_window import _migrate

    before = shuffled.claims()
    _migrate(shuffled, "0007")
    assert "article_published" not in {c["name"] for c in inspect(shuffled.engine).get_columns("claims")}
    _migrate(shuffled, "head")
    assert wrong_spans(shuffled) == []
    assert shuffled.claims() == before
    june = (date(2024, 6, 1), date(2024, 6, 30))
    assert _ids(shuffled.claims(metric="desertion", since=june[0], until=june[1], limit=50)) == [
        r.id
        for r in before
        if r.claim.metric == "desertion" and r.published and june[0] <= r.published <= june[1]
    ]


@pytest.mark.parametrize(("since", "until"), WINDOWS)
def test_claims_of_an_outlet_with_publication_dates(shuffled, since, until) -> None:
    everything = shuffled.claims()
    found = 0
    for outlet, metric in [("gazette", None), ("Herald", "desertion")]:
        expected = [
            r.id
            for r in everything
            if outlet.lower() in (r.outlet or "").lower()
            and (metric is None or r.claim.metric == metric)
            and (since is None or (r.published is not None and r.published >= since))
            and (until is None or (r.published is not None and r.published <= until))
        ]
        found += len(expected)
        filters = {"outlet": outlet, "metric": metric, "since": since, "until": until}
        assert _ids(shuffled.claims(**filters, limit=7)) == expected[:7]
        assert _ids(shuffled.claims(**filters)) == expected
    assert found > 7, "too few claims selected: the limit would go untested"
