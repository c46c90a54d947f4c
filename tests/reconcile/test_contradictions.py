"""Contradictions: figures of one metric and side that cannot both hold, beyond the tolerance."""

from __future__ import annotations

import dataclasses

import pytest

from headcount.reconcile import compare, default_settings
from headcount.reconcile.records import Comparison, Contradiction
from tests.reconcile.conftest import make_claim

OCT = {"start": "2025-10-01", "end": "2025-10-31"}


def contradictions(comparison: Comparison) -> list[Contradiction]:
    return comparison.contradictions


@pytest.mark.parametrize(
    ("a", "b", "contradict"),
    [
        ((21600, 21600, "exact"), (9000, 9000, "exact"), True),
        ((21600, 21600, "exact"), (20000, 20000, "exact"), False),  # 7% apart: within the leeway
        ((21600, 21600, "exact"), (17000, 17000, "exact"), True),  # 18,700 < 19,440
        ((21600, 21600, "exact"), (17000, 17000, "approx"), False),  # "about 17,000": 20,400 ≥ 19,440
        ((21600, 21600, "exact"), (15000, 18000, "range"), False),  # 19,800 ≥ 19,440
        ((21600, 21600, "exact"), (12000, 15000, "range"), True),
        ((21600, 21600, "exact"), (20000, 25000, "range"), False),
        ((21600, 21600, "exact"), (30000, None, "over"), True),
        ((21600, 21600, "exact"), (None, 20000, "under"), False),
        ((21600, 21600, "exact"), (None, 12000, "under"), True),
    ],
)
def test_same_period_figures_beyond_the_tolerance(a: tuple, b: tuple, contradict: bool) -> None:
    one = make_claim("a", a[0], a[1], bound=a[2], **OCT, claimant="Die Welt")
    two = make_claim("b", b[0], b[1], bound=b[2], **OCT, claimant="Ukrainian General Staff")
    found = contradictions(compare([one, two]))
    assert bool(found) == contradict
    if contradict:
        (c,) = found
        assert c.kind == "same_period" and {c.a.ref, c.b.ref} == {str(one.id), str(two.id)}
        assert "/month" in c.arithmetic and "leeway" in c.arithmetic
        assert c.a.scaled.per_month is not None and c.b.scaled.per_month is not None
        assert c.a.scaled.per_month.hi < c.b.scaled.per_month.lo  # a is the lower figure


def test_the_arithmetic_names_both_claims_and_both_chains() -> None:
    one = make_claim("21,600", 21600, 21600, **OCT, claimant="Die Welt’s correspondent Christoph Vanner")
    two = make_claim(
        "9,000", 9000, 9000, **OCT, claimant="Russian security forces", via=("TASS",), outlet="RT"
    )
    (c,) = contradictions(compare([one, two]))
    assert c.a.ref == str(two.id) and c.b.ref == str(one.id)
    assert "9,000" in c.arithmetic and "21,600" in c.arithmetic
    assert "at most 9,900/month" in c.arithmetic and "at least 19,440/month" in c.arithmetic
    assert c.a.chain_text() == "Russian security forces → TASS → RT"
    assert c.b.chain_text() == "Die Welt’s correspondent Christoph Vanner → Example Gazette"
    assert c.gap == pytest.approx((21600 - 9000) / 21600)
    assert c.to_dict()["a_chain"] == "Russian security forces → TASS → RT"


def test_the_tolerance_is_a_setting() -> None:
    one = make_claim("21,600", 21600, 21600, **OCT)
    two = make_claim("12,000", 12000, 12000, **OCT)
    assert contradictions(compare([one, two]))
    loose = default_settings().with_tolerance(0.5)
    assert not contradictions(compare([one, two], settings=loose))


def test_a_monthly_rate_against_a_total_over_the_same_span() -> None:
    rate = make_claim(
        "15,000 to 18,000",
        15000,
        18000,
        bound="range",
        kind="rate",
        per="month",
        start="2025-01-01",
        end="2025-10-31",
    )
    total = make_claim("250,000", 250000, 250000, start="2025-01-01", end="2025-10-31")
    (c,) = contradictions(compare([rate, total]))
    assert c.kind == "rate_vs_total"
    assert "× 10.0 months" in c.arithmetic and "150,000–180,000" in c.arithmetic and "250,000" in c.arithmetic
    agreeing = make_claim("170,000", 170000, 170000, start="2025-01-01", end="2025-10-31")
    assert not contradictions(compare([rate, agreeing]))


def test_a_longer_period_cannot_hold_fewer_than_a_period_inside_it() -> None:
    year = make_claim("15,000", 15000, 15000, start="2025-01-01", end="2025-11-09")
    october = make_claim("21,600", 21600, 21600, **OCT)
    (c,) = contradictions(compare([year, october]))
    assert c.kind == "containment" and c.a.ref == str(year.id) and c.b.ref == str(october.id)
    assert "contains" in c.arithmetic and "cannot count fewer" in c.arithmetic
    # the seed's real pair: over 180,000 since January holds October's 21,600 easily
    ytd = make_claim("exceeding 180,000", 180000, None, bound="over", start="2025-01-01", end="2025-11-09")
    assert not contradictions(compare([ytd, october]))


def test_running_totals_compared_at_their_end_dates_cannot_shrink() -> None:
    earlier = make_claim("300,000", 300000, 300000, end="2025-09-13", claimant="Russian security forces")
    later = make_claim("200,000", 200000, 200000, end="2025-11-07", claimant="Ukrainian General Staff")
    (c,) = contradictions(compare([earlier, later]))
    assert c.kind == "running_total" and c.a.ref == str(later.id) and c.b.ref == str(earlier.id)
    assert "cannot shrink" in c.arithmetic and "2025-09-13" in c.arithmetic and "2025-11-07" in c.arithmetic
    assert any("no start date" in a for a in c.assumptions)
    grown = make_claim("350,000", 350000, 350000, end="2025-11-07")
    assert not contradictions(compare([earlier, grown]))


def test_running_totals_at_about_the_same_date_are_compared_as_totals() -> None:
    one = make_claim("300,000 to 500,000", 300000, 500000, bound="range", end="2025-09-13")
    two = make_claim("100,000", 100000, 100000, end="2025-09-20")
    (c,) = contradictions(compare([one, two]))
    assert c.kind == "running_total" and "about the same date" in c.arithmetic
    assert "at most 110,000" in c.arithmetic and "at least 270,000" in c.arithmetic
    echo = make_claim("300,000 to 500,000", 300000, 500000, bound="range", end="2025-09-15")
    comparison = compare([one, echo])
    assert not comparison.contradictions
    (group,) = comparison.groups
    assert group.basis == "total at a date" and (group.value.low, group.value.high) == (300000, 500000)


def test_a_partial_overlap_proves_nothing() -> None:
    first_half = make_claim("120,000", 120000, 120000, start="2025-01-01", end="2025-06-30")
    summer = make_claim("6,000", 6000, 6000, start="2025-04-01", end="2025-09-30")
    assert not contradictions(compare([first_half, summer]))


def test_current_rates_stated_at_the_same_time() -> None:
    one = make_claim("15,000 to 18,000", 15000, 18000, bound="range", kind="rate", per="month")
    two = make_claim("3,000", 3000, 3000, kind="rate", per="month", published="2025-11-01")
    (c,) = contradictions(compare([one, two]))
    assert c.kind == "current_rate" and "9 days apart" in c.arithmetic
    months_apart = make_claim("3,000", 3000, 3000, kind="rate", per="month", published="2025-06-01")
    assert not contradictions(compare([one, months_apart]))


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"metric": "criminal_case"}, "metrics are never compared with each other"),
        ({"side": "russia"}, "nor sides"),
        ({"quote": "In Germany, 9,000 soldiers deserted in October."}, "nor scopes: one country is not all"),
    ],
)
def test_only_like_is_compared_with_like(change: dict, reason: str) -> None:
    one = make_claim("21,600", 21600, 21600, **OCT)
    two = make_claim("9,000", 9000, 9000, **OCT)
    assert contradictions(compare([one, two]))
    other = dataclasses.replace(two, claim=dataclasses.replace(two.claim, **change))
    assert not contradictions(compare([one, other])), reason


def test_asylum_applications_in_two_countries_are_two_scopes() -> None:
    # seed 004: "France … totaling around 3,400 people"; "Germany received 7,663 … in the same period"
    france = make_claim(
        "around 3,400",
        3400,
        3400,
        bound="approx",
        metric="asylum_application",
        side="russia",
        start="2023-01-01",
        end="2023-12-31",
        quote="France witnessed a more than 50% increase in asylum requests, totaling around 3,400 people.",
    )
    germany = make_claim(
        "7,663",
        7663,
        7663,
        metric="asylum_application",
        side="russia",
        start="2023-01-01",
        end="2023-12-31",
        quote="Germany received 7,663 first-time asylum applications from Russian citizens.",
    )
    comparison = compare([france, germany])
    assert not comparison.contradictions
    series = comparison.get("asylum_application", "russia")
    assert series is not None and {e.scope for e in series.entries} == {("France",), ("Germany",)}


def test_many_figures_give_one_contradiction_per_gap_between_agreeing_sets() -> None:
    low = [make_claim(f"{v:,}", v, v, **OCT) for v in (9000, 9200, 9400)]
    high = [make_claim(f"{v:,}", v, v, **OCT) for v in (21000, 21600)]
    (c,) = contradictions(compare([*low, *high]))
    assert c.a.ref == str(low[0].id)  # the lowest upper end of the low set (9,000 × 1.1)
    assert c.b.ref == str(high[0].id)
    assert set(c.agreeing_a) == {str(low[1].id), str(low[2].id)} and c.agreeing_b == (str(high[1].id),)


def test_two_figures_of_one_sentence_never_contradict_each_other() -> None:
    # "more than 2,000 asylum applications in 2024, up from 640 a year earlier": if the extraction
    # gives both 2024, the sentence still does not contradict itself.
    quote = (
        "Border guards registered more than 2,000 asylum applications in 2024, up from 640 a year earlier."
    )
    year = {"start": "2024-01-01", "end": "2024-12-31", "metric": "asylum_application", "quote": quote}
    now = make_claim("more than 2,000", 2000, None, bound="over", article_id=3, at=30, **year)
    then = make_claim("640", 640, 640, article_id=3, at=80, **year)
    assert not contradictions(compare([now, then]))
    elsewhere = make_claim("640", 640, 640, article_id=4, **year)
    assert contradictions(compare([now, elsewhere]))
