"""The common scale: the arithmetic of every normalisation rule, on hand-written claims."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from headcount.reconcile import default_settings, months_between, scale_claim, scale_claims
from headcount.reconcile.records import Interval
from tests.reconcile.conftest import make_claim


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        ("2025-10-01", "2025-10-31", 1.0),  # a bare month is exactly one
        ("2024-02-01", "2024-02-29", 1.0),  # so is a leap February
        ("2025-01-01", "2025-12-31", 12.0),
        ("2025-01-01", "2025-11-09", 10.3),  # ten months and 9 of November's 30 days
        ("2023-04-12", "2024-04-12", 12 + 1 / 30),  # "in the past year", both ends counted
        ("2025-01-15", "2025-02-14", 1.0),  # a month that does not start on the 1st
        ("2025-03-01", "2025-03-15", 15 / 31),
        ("2024-01-01", "2024-02-29", 2.0),  # "the first two months of this year"
    ],
)
def test_months_between(start: str, end: str, months: float) -> None:
    assert months_between(date.fromisoformat(start), date.fromisoformat(end)) == pytest.approx(months)


def per_month(**kw: object) -> Interval | None:
    return scale_claim(make_claim(**kw)).per_month  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # a count over one calendar month is its own per-month value
        (
            {"figure": "21,600", "low": 21600, "high": 21600, "start": "2025-10-01", "end": "2025-10-31"},
            (21600, 21600),
        ),
        # an open-ended count stays open-ended: over 180,000 in 10.3 months is over 17,476 a month
        (
            {
                "figure": "exceeding 180,000",
                "low": 180000,
                "high": None,
                "bound": "over",
                "start": "2025-01-01",
                "end": "2025-11-09",
            },
            (180000 / 10.3, None),
        ),
        # a range stays a range
        (
            {
                "figure": "between 30,000 and 60,000",
                "low": 30000,
                "high": 60000,
                "bound": "range",
                "start": "2025-01-01",
                "end": "2025-06-30",
            },
            (5000, 10000),
        ),
        # "fewer than 300" in a US fiscal year: under 25 a month, open below
        (
            {
                "figure": "fewer than 300",
                "low": None,
                "high": 300,
                "bound": "under",
                "start": "2021-10-01",
                "end": "2022-09-30",
            },
            (None, 25),
        ),
        # rates: per month as they are, per day × 30.44, per week × 4.35, per year ÷ 12
        (
            {
                "figure": "15,000 to 18,000",
                "low": 15000,
                "high": 18000,
                "bound": "range",
                "kind": "rate",
                "per": "month",
            },
            (15000, 18000),
        ),
        ({"figure": "500", "low": 500, "high": 500, "kind": "rate", "per": "day"}, (500 * 30.436875,) * 2),
        (
            {"figure": "1,000", "low": 1000, "high": 1000, "kind": "rate", "per": "week"},
            (1000 * 30.436875 / 7,) * 2,
        ),
        ({"figure": "120,000", "low": 120000, "high": 120000, "kind": "rate", "per": "year"}, (10000, 10000)),
    ],
)
def test_per_month_values(fields: dict, expected: tuple) -> None:
    value = per_month(**fields)
    assert value is not None
    for got, want in zip((value.low, value.high), expected, strict=True):
        assert (got is None) == (want is None)
        if want is not None:
            assert got == pytest.approx(want)


def test_a_count_over_a_period_writes_out_the_even_spread() -> None:
    s = scale_claim(
        make_claim("exceeding 180,000", 180000, None, bound="over", start="2025-01-01", end="2025-11-09")
    )
    assert s.basis == "count over a period" and s.months == pytest.approx(10.3)
    assert s.total == Interval(180000, None)
    assert any("spread evenly" in a and "10.3 months" in a for a in s.assumptions)
    assert s.per_month is not None and s.per_month.text("/month") == "over 17,476/month"


def test_one_calendar_month_needs_no_assumption() -> None:
    s = scale_claim(make_claim(start="2025-10-01", end="2025-10-31"))
    assert s.assumptions == () and s.per_month == Interval(21600, 21600)


def test_a_running_total_without_a_start_counts_from_the_invasion_and_says_so() -> None:
    s = scale_claim(
        make_claim("between 300,000 and 500,000", 300000, 500000, bound="range", end="2025-09-13")
    )
    assert s.basis == "running total" and s.start_assumed and s.start == date(2022, 2, 24)
    assert s.total == Interval(300000, 500000)
    months = months_between(date(2022, 2, 24), date(2025, 9, 13))
    assert s.per_month is not None
    assert s.per_month.low == pytest.approx(300000 / months) and s.per_month.high == pytest.approx(
        500000 / months
    )
    assert any(
        "no start date" in a and "2022-02-24" in a and "full-scale invasion" in a for a in s.assumptions
    )


def test_without_the_open_start_assumption_a_running_total_stays_off_the_monthly_scale() -> None:
    settings = dataclasses.replace(default_settings(), open_start=None)
    s = scale_claim(make_claim("300,000", 300000, 300000, end="2025-09-13"), settings)
    assert s.per_month is None and s.total == Interval(300000, 300000)
    assert "no start date" in s.reason


def test_a_total_since_a_date_runs_to_the_publication_date() -> None:
    s = scale_claim(make_claim("2,000", 2000, 2000, start="2025-01-01", published="2025-03-31"))
    assert s.end == date(2025, 3, 31) and s.months == pytest.approx(3.0)
    assert any("publication date" in a for a in s.assumptions)


def test_a_count_with_no_period_stays_off_the_scale() -> None:
    s = scale_claim(make_claim("3,500", 3500, 3500, metric="criminal_case"))
    assert s.per_month is None and "no period" in s.reason


def test_a_rate_over_a_period_gives_a_total() -> None:
    s = scale_claim(
        make_claim("10,000", 10000, 10000, kind="rate", per="month", start="2025-01-01", end="2025-06-30")
    )
    assert s.total == Interval(60000, 60000) and s.months == pytest.approx(6.0)
    assert any("× 6.0 months" in a and "60,000" in a for a in s.assumptions)


def test_a_rate_without_a_period_is_an_average_at_the_statement_date() -> None:
    s = scale_claim(make_claim("15,000", 15000, 18000, bound="range", kind="rate", per="month"))
    assert s.basis == "rate, no period" and s.total is None and s.at == date(2025, 11, 10)


@pytest.mark.parametrize(
    ("kind", "figure", "reason"),
    [
        ("change", "sixfold", "a change"),
        ("share", "less than 10%", "a share"),
        ("rate", "500", "unit of time"),
    ],
)
def test_what_cannot_be_put_on_the_scale_says_why(kind: str, figure: str, reason: str) -> None:
    s = scale_claim(make_claim(figure, 6, 6, kind=kind, start="2023-04-12", end="2024-04-12"))
    assert s.per_month is None and reason in s.reason


def test_a_share_whose_part_is_in_its_sentence_implies_the_whole() -> None:
    # "only 29,000 individuals took advantage of this program, a number that accounts for less
    # than 10% of the estimated total deserters": the whole is over 290,000 deserters.
    quote = "However, only 29,000 individuals took advantage of this program, less than 10% of all."
    part = make_claim(
        "29,000", 29000, 29000, metric="amnesty_return", end="2025-08-30", quote=quote, article_id=7, at=14
    )
    share = make_claim(
        "less than 10%",
        None,
        10,
        bound="under",
        kind="share",
        metric="amnesty_return",
        end="2025-08-30",
        quote=quote,
        article_id=7,
        at=70,
    )
    scaled = scale_claims([part, share])
    wholes = [(r, s) for r, s in scaled if s.metric == "desertion"]
    assert len(wholes) == 1
    record, whole = wholes[0]
    assert record.id == share.id and whole.derived_from == (share.id, part.id)
    assert whole.total == Interval(290000, None) and whole.basis == "whole implied by a share"
    assert any("29,000 ÷ 10%" in a for a in whole.assumptions)
    own = dict((r.id, s) for r, s in scaled if s.metric == "amnesty_return")
    assert own[share.id].per_month is None and "desertion series" in own[share.id].reason


def test_a_share_of_a_known_base_becomes_a_count() -> None:
    quote = "Of the 20,000 criminal cases opened, 40% ended in a conviction."
    base = make_claim(
        "20,000",
        20000,
        20000,
        metric="criminal_case",
        start="2024-01-01",
        end="2024-12-31",
        quote=quote,
        article_id=8,
        at=7,
    )
    share = make_claim(
        "40%",
        40,
        40,
        kind="share",
        metric="conviction",
        start="2024-01-01",
        end="2024-12-31",
        quote=quote,
        article_id=8,
        at=37,
    )
    scaled = dict((r.id, s) for r, s in scale_claims([base, share]))
    s = scaled[share.id]
    assert s.metric == "conviction" and s.total == Interval(8000, 8000)
    assert s.per_month is not None and s.per_month.low == pytest.approx(8000 / 12)
    assert any("40% of 20,000" in a and "8,000" in a for a in s.assumptions)


def test_a_share_in_another_sentence_is_not_tied_to_a_count() -> None:
    part = make_claim("29,000", 29000, 29000, metric="amnesty_return", end="2025-08-30", article_id=9)
    share = make_claim(
        "10%",
        10,
        10,
        kind="share",
        metric="amnesty_return",
        end="2025-08-30",
        article_id=9,
        sentence_start=500,
    )
    assert [s.metric for _, s in scale_claims([part, share])] == ["amnesty_return", "amnesty_return"]


def test_metrics_are_never_converted_into_each_other() -> None:
    cases = make_claim(
        "over 230,000",
        230000,
        None,
        bound="over",
        metric="criminal_case",
        start="2022-02-01",
        end="2025-11-07",
    )
    s = scale_claim(cases)
    assert s.metric == "criminal_case" and s.per_month is not None
