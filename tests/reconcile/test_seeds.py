"""The seed corpus, ingested into a ledger on each backend: the Ukrainian desertion series shows Die
Welt's October figure, its year-to-date figure, the monthly rate via Zakharova and the
300,000–500,000 via TASS on one scale, and the Prosecutor General's criminal cases as a separate
metric.

The extractor is still being tuned: these tests assert what the issue names, not full dumps.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from headcount.ledger import ingest
from headcount.narratives import narratives_from_ledger
from headcount.reconcile import compare_ledger, months_between
from headcount.reconcile.records import Comparison, Entry, Series

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


@pytest.fixture
def seeded(ledger):  # type: ignore[no-untyped-def]
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not at {SEEDS}")
    summary = ingest(ledger, sorted(SEEDS.glob("0*.txt")))
    assert summary.new == 5 and not summary.rejections
    return ledger


def find(series: Series, low: float) -> Entry:
    found = [e for e in series.entries if e.record.claim.low == low or e.record.claim.high == low]
    assert found, f"no claim of {low:,} in {series.key}: {[e.record.claim.figure for e in series.entries]}"
    return found[0]


def desertion(comparison: Comparison) -> Series:
    series = comparison.get("desertion", "ukraine")
    assert series is not None
    return series


def test_the_ukrainian_desertion_series_on_one_scale(seeded) -> None:  # type: ignore[no-untyped-def]
    series = desertion(compare_ledger(seeded))

    october = find(series, 21600)
    c = october.record.claim
    assert (c.period_start, c.period_end) == (date(2025, 10, 1), date(2025, 10, 31))
    assert october.scaled.per_month is not None
    assert (october.scaled.per_month.low, october.scaled.per_month.high) == (21600, 21600)
    assert october.origin.name == "Die Welt" and october.record.claim.hedged

    ytd = find(series, 180000)
    s = ytd.scaled
    assert s.per_month is not None and s.per_month.high is None  # "exceeding": open above
    assert s.months == pytest.approx(months_between(date(2025, 1, 1), s.end or date.max))
    assert 9.5 < (s.months or 0) < 11  # ~10 months of 2025
    assert s.per_month.low == pytest.approx(180000 / (s.months or 1))
    assert ytd.origin.name == "Die Welt"

    rate = find(series, 15000)
    assert rate.record.claim.kind == "rate" and rate.scaled.per_month is not None
    assert (rate.scaled.per_month.low, rate.scaled.per_month.high) == (15000, 18000)
    assert (
        rate.origin.name == "Ukraine's Prosecutor General's Office"
        and rate.origin.affiliation == "ukrainian_state"
    )
    assert [link.name for link in rate.chain][1] == "Maria Zakharova"

    tass = find(series, 300000)
    assert tass.record.claim.high == 500000 and tass.record.claim.hedged
    assert tass.origin.name == "Russian security forces" and tass.adversarial
    assert "TASS" in [link.name for link in tass.chain]
    assert (
        tass.scaled.total is not None and tass.scaled.per_month is not None
    )  # a running total, start assumed
    assert tass.scaled.start_assumed and any("no start date" in a for a in tass.scaled.assumptions)

    # one scale: every one of the four has a per-month interval
    assert all(e.scaled.on_scale for e in (october, ytd, rate, tass))
    assert not series.contradictions  # the four can all be true


def test_criminal_cases_are_a_separate_metric_shown_beside_desertion(seeded) -> None:  # type: ignore[no-untyped-def]
    comparison = compare_ledger(seeded)
    cases = comparison.get("criminal_case", "ukraine")
    assert cases is not None
    entry = find(cases, 230000)
    assert entry.origin.name == "Ukraine's Prosecutor General's Office"
    assert all(e.record.claim.metric != "criminal_case" for e in desertion(comparison).entries)
    assert all(e.scaled.metric == "criminal_case" for e in cases.entries)
    assert "criminal_case" in desertion(comparison).related
    assert not [w for w in comparison.warnings if w.metric in ("desertion", "criminal_case")]


def test_filters_and_json(seeded) -> None:  # type: ignore[no-untyped-def]
    only = compare_ledger(seeded, metric="desertion", side="ukraine", since=date(2025, 10, 1))
    assert [(s.metric, s.side) for s in only.series] == [("desertion", "ukraine")]
    # the window keeps figures whose period reaches into it: October, the year to date, the rate
    lows = {e.record.claim.low for e in only.series[0].entries}
    assert {21600, 180000, 15000} <= lows and 300000 not in lows
    data = json.loads(json.dumps(only.to_dict()))
    assert data["series"][0]["claims"][0]["scaled"]["per_month"] is not None


def test_the_seed_narratives_from_the_ledger(seeded) -> None:  # type: ignore[no-untyped-def]
    found = narratives_from_ledger(seeded)
    docs = {a.id: a.article.doc[:3] for a in seeded.articles()}
    assert any(sorted(docs[p.article_id] for p in t.passages) == ["000", "003"] for t in found.talking_points)
    assert all({docs[p.article_id] for p in t.passages} <= {"000", "003"} for t in found.talking_points)


def test_a_filtered_series_keeps_the_whole_a_share_of_another_metric_implies(seeded) -> None:  # type: ignore[no-untyped-def]
    """002: 29,000 returned under the amnesty, "less than 10% of the deserters": asked for
    desertion alone, the series still shows the over 290,000 deserters this implies."""
    comparison = compare_ledger(seeded, metric="desertion", side="ukraine")
    assert [(s.metric, s.side) for s in comparison.series] == [("desertion", "ukraine")]
    implied = [e for e in comparison.series[0].entries if e.record.claim.metric == "amnesty_return"]
    assert len(implied) == 1
    total = implied[0].scaled.total
    assert total is not None and total.low == pytest.approx(290000) and total.high is None
    everything = compare_ledger(seeded).get("desertion", "ukraine")
    assert everything is not None and len(everything.entries) == len(comparison.series[0].entries)
