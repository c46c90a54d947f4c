"""The window of a cross-check in SQL, on both backends: ``window=`` (the claims' span columns)
selects exactly the claims ``reconcile.compare.in_window`` keeps; every way of storing claims
writes the spans; migration 0007 fills them for claims stored before it."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from headcount import ingest
from headcount.model import Article, Claim
from headcount.reconcile.compare import in_window
from headcount.store import dashboard
from tests.conftest import wrong_spans

D = date.fromisoformat

# (label, period_start, period_end, article published, metric): one article each. What each
# speaks of is in the comment; windows below are chosen to fall on these edges.
CLAIMS: list[tuple[str, str | None, str | None, str | None, str]] = [
    ("march", "2025-03-01", "2025-03-31", "2025-04-10", "desertion"),  # 03-01..03-31
    ("march, no date", "2025-03-01", "2025-03-31", None, "desertion"),  # 03-01..03-31
    ("since mid-february", "2025-02-15", None, "2025-05-20", "desertion"),  # 02-15..05-20
    ("since mid-february, no date", "2025-02-15", None, None, "desertion"),  # 02-15
    ("as of april 30", None, "2025-04-30", "2025-06-01", "desertion"),  # 04-30
    ("no period", None, None, "2025-04-01", "desertion"),  # 04-01
    ("no period, no date", None, None, None, "desertion"),  # nothing: in no window
    ("may day", "2025-05-01", "2025-05-01", "2025-05-03", "desertion"),  # 05-01
    ("whole war", "2022-02-24", "2025-12-31", "2026-01-05", "desertion"),  # 2022-02-24..2025-12-31
    ("april cases", "2025-04-01", "2025-04-30", "2025-05-02", "criminal_case"),  # 04-01..04-30
]

# (since, until, metric, the labels kept): computed by hand from the spans above.
WINDOWS: list[tuple[str | None, str | None, str | None, set[str]]] = [
    (None, None, "desertion", {c[0] for c in CLAIMS if c[4] == "desertion"}),
    (
        "2025-04-01",
        "2025-04-30",
        "desertion",
        {"since mid-february", "as of april 30", "no period", "whole war"},
    ),
    (
        "2025-04-01",
        "2025-04-30",
        None,
        {"since mid-february", "as of april 30", "no period", "whole war", "april cases"},
    ),
    ("2025-03-31", "2025-03-31", "desertion", {"march", "march, no date", "since mid-february", "whole war"}),
    ("2025-05-01", None, "desertion", {"since mid-february", "may day", "whole war"}),
    ("2025-05-21", None, "desertion", {"whole war"}),
    (None, "2025-02-15", "desertion", {"since mid-february", "since mid-february, no date", "whole war"}),
    (None, "2025-02-14", "desertion", {"whole war"}),
    # Published after the window, but the period is what the claim speaks of.
    ("2026-01-01", "2026-12-31", "desertion", set()),
    # since after until: not an empty window for in_window, which keeps what reaches both ends.
    ("2025-05-02", "2025-04-30", "desertion", {"since mid-february", "whole war"}),
]


def _claim(label: str, start: str | None, end: str | None, metric: str) -> Claim:
    quote = f"Officials said 1,200 soldiers deserted ({label})."
    return Claim(
        doc=f"{label}.txt",
        quote=quote,
        figure="1,200",
        low=1200.0,
        high=1200.0,
        bound="exact",
        kind="count",
        metric=metric,
        side="ukraine",
        period_start=D(start) if start else None,
        period_end=D(end) if end else None,
        per=None,
        claimant="the article",
        via=("TASS", "Reuters") if "march" in label else (),  # read back parsed, or as () when none
        hedged=False,
        start=quote.index("1,200"),
        end=quote.index("1,200") + 5,
        sentence_start=0,
        sentence_end=len(quote),
        extractor="test",
    )


def _article(label: str, published: str | None) -> Article:
    return Article(
        doc=f"{label}.txt",
        body=f"Officials said 1,200 soldiers deserted ({label}).",
        outlet="Example Gazette",
        published=D(published) if published else None,
    )


@pytest.fixture
def dated(ledger):  # type: ignore[no-untyped-def]
    """A ledger of the claims above, stored one article at a time; ``{claim id: label}``."""
    labels = {}
    for label, start, end, published, metric in CLAIMS:
        outcome = ledger.add(
            _article(label, published), [_claim(label, start, end, metric)], extractor="test"
        )
        (record,) = ledger.claims(article_id=outcome.article_id)
        labels[record.id] = label
    return ledger, labels


@pytest.mark.parametrize(("since", "until", "metric", "kept"), WINDOWS)
def test_the_window_in_sql_keeps_what_in_window_keeps(dated, since, until, metric, kept) -> None:
    ledger, labels = dated
    a, b = (D(since) if since else None), (D(until) if until else None)
    everything = ledger.claims(metric=metric)
    expected = [r.id for r in everything if in_window(r, a, b)]
    assert {labels[i] for i in expected} == kept  # in_window itself, against the hand-made table
    assert [r.id for r in ledger.claims(metric=metric, window=(a, b))] == expected
    assert [r.id for r in ledger.iter_claims(metric=metric, window=(a, b))] == expected
    # The dashboard's window is the same one (its claims page and its count).
    filters = dashboard.ClaimFilters(metric=metric, since=a, until=b)
    page, more = dashboard.claims_page(ledger.engine, filters, sort="oldest", limit=100)
    assert [r.id for r in page] == expected and not more
    assert dashboard.count_claims(ledger.engine, filters) == (len(expected), False)


def test_the_window_is_not_the_publication_filter(dated) -> None:
    ledger, labels = dated
    april = (D("2025-04-01"), D("2025-04-30"))
    published = {labels[r.id] for r in ledger.claims(since=april[0], until=april[1])}
    spoken = {labels[r.id] for r in ledger.claims(window=april)}
    assert published == {"march", "no period"}  # "march": published 04-10, speaks of March
    assert "march" not in spoken and "as of april 30" in spoken


def test_every_way_of_storing_claims_writes_their_span(ledger, sample_paths: list[Path]) -> None:
    ingest(ledger, [str(p) for p in sample_paths])  # articles in groups (Writer.add_many)
    article = _article("since mid-february", "2025-05-20")
    ledger.add(article, [_claim("since mid-february", "2025-02-15", None, "desertion")], extractor="test")
    undated = _claim("no period", None, None, "desertion")
    ledger.add(_article("no period", "2025-04-01"), [undated], extractor="test")
    # Re-extracted from a copy with another date: the claims speak of the stored article's date.
    copy = dataclasses.replace(_article("no period", "2025-09-09"), doc="copy.txt")
    outcome = ledger.add(
        copy, [dataclasses.replace(undated, extractor="test2")], extractor="test2", reextract=True
    )
    assert outcome.status == "reextracted"
    assert wrong_spans(ledger) == []
    (redone,) = ledger.claims(article_id=outcome.article_id)
    assert redone.claim.extractor == "test2" and redone.published == D("2025-04-01")
    assert redone.id in {r.id for r in ledger.claims(window=(D("2025-04-01"), D("2025-04-01")))}
    assert redone.id not in {r.id for r in ledger.claims(window=(D("2025-09-09"), D("2025-09-09")))}


def _migrate(ledger, revision: str) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from headcount.store.engine import _alembic_config, write_connection

    cfg = _alembic_config()
    with write_connection(ledger.engine) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        if revision == "head":
            command.upgrade(cfg, revision)
        else:
            command.downgrade(cfg, revision)


def test_migration_0007_fills_the_span_of_claims_stored_before(dated, sample_paths: list[Path]) -> None:
    ledger, labels = dated
    ingest(ledger, [str(sample_paths[0])])
    before = {r.id: r for r in ledger.claims()}
    _migrate(ledger, "0006")
    columns = {c["name"] for c in inspect(ledger.engine).get_columns("claims")}
    assert not {"span_start", "span_end"} & columns
    if ledger.backend == "sqlite":
        # Dropping the columns kept the table, so its full-text triggers are still there.
        with ledger.engine.connect() as conn:
            triggers = set(
                conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars()
            )
        assert {"claims_ai", "claims_ad", "claims_au"} <= triggers
    assert len(ledger.claims(search="deserted")) > 0
    _migrate(ledger, "head")
    assert wrong_spans(ledger) == []
    assert {r.id: r for r in ledger.claims()} == before
    april = (D("2025-04-01"), D("2025-04-30"))
    assert {labels.get(r.id) for r in ledger.claims(window=april, metric="desertion")} == WINDOWS[1][3]
    indexes = {i["name"] for i in inspect(ledger.engine).get_indexes("claims")}
    assert "ix_claims_series_span" in indexes


def test_a_claim_read_back_is_the_claim_stored(dated) -> None:
    # The span columns are for filtering: records are made of the claim's own fields only.
    ledger, _ = dated
    stored = {r.claim.doc: r.claim for r in ledger.claims()}
    for label, start, end, _published, metric in CLAIMS:
        assert stored[f"{label}.txt"] == _claim(label, start, end, metric)


def test_sample_articles_have_claims_with_and_without_a_period(ledger, sample_paths: list[Path]) -> None:
    """Guard for the spans check on ingested samples: both kinds of claim must be there."""
    ingest(ledger, [str(p) for p in sample_paths])
    records = ledger.claims()
    assert any(r.claim.period_start or r.claim.period_end for r in records)
    assert any(not (r.claim.period_start or r.claim.period_end) for r in records)
