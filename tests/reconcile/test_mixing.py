"""Metric mixing: counts of one thing are never merged with another, and an article that may
present one as the other (criminal cases as deserters …) is flagged."""

from __future__ import annotations

import pytest

from headcount.reconcile import compare, default_settings
from headcount.reconcile.mixing import find_mixing
from tests.reconcile.conftest import make_claim

PERIOD = {"start": "2022-02-01", "end": "2025-11-07"}


@pytest.mark.parametrize(
    ("metric", "quote", "other"),
    [
        (
            "desertion",
            "Ukraine has 230,000 deserters, according to criminal cases registered by prosecutors.",
            "criminal_case",
        ),
        ("criminal_case", "Courts received 7,300 cases, and 6,100 men were convicted.", "conviction"),
        (
            "asylum_granted",
            "Germany granted asylum to 7,663 Russians, counting all applications.",
            "asylum_application",
        ),
        (
            "desertion",
            "More than 500 soldiers deserted, the hotline said after requests for help.",
            "assistance_request",
        ),
    ],
)
def test_a_sentence_that_speaks_of_another_metric_is_flagged(metric: str, quote: str, other: str) -> None:
    record = make_claim("230,000", 230000, 230000, metric=metric, quote=quote, **PERIOD)
    (warning,) = find_mixing([record], default_settings())
    assert warning.kind == "wording" and warning.metric == metric and warning.other_metric == other
    assert warning.ref == str(record.id)
    series = compare([record]).series[0]
    assert series.entries[0].warnings == (warning.message,) and series.warnings == (warning,)


def test_no_warning_when_the_other_metric_has_its_own_figure_in_the_sentence() -> None:
    quote = "15,000 deserters leave each month; this has resulted in over 230,000 criminal cases."
    deserters = make_claim("15,000", 15000, 15000, kind="rate", per="month", quote=quote, article_id=5)
    cases = make_claim(
        "over 230,000",
        230000,
        None,
        bound="over",
        metric="criminal_case",
        quote=quote,
        article_id=5,
        **PERIOD,
    )
    assert find_mixing([deserters, cases], default_settings()) == []


def test_no_warning_for_plain_wording() -> None:
    quote = "In October alone, 21,600 soldiers are said to have abandoned their posts."
    assert find_mixing([make_claim(quote=quote)], default_settings()) == []


def test_the_same_figure_under_two_metrics_in_two_articles() -> None:
    cases = make_claim(
        "over 230,000",
        230000,
        None,
        bound="over",
        metric="criminal_case",
        claimant="Ukraine's Prosecutor General's Office",
        outlet="Ukrainska Pravda",
        **PERIOD,
    )
    people = make_claim(
        "over 230,000",
        230000,
        None,
        bound="over",
        metric="desertion",
        outlet="Some Blog",
        quote="Over 230,000 Ukrainian soldiers have deserted since 2022.",
        **PERIOD,
    )
    warnings = [w for w in find_mixing([cases, people], default_settings()) if w.kind == "same_figure"]
    assert {(w.ref, w.other_ref) for w in warnings} == {
        (str(cases.id), str(people.id)),
        (str(people.id), str(cases.id)),
    }
    assert all("230,000" in w.message for w in warnings)
    comparison = compare([cases, people])
    # shown side by side as two series, never merged, never contradicting each other
    assert {(s.metric, len(s.entries)) for s in comparison.series} == {("criminal_case", 1), ("desertion", 1)}
    assert not comparison.contradictions


@pytest.mark.parametrize(
    ("cases", "people"),
    [
        ({"low": 500}, {"low": 500}),  # small numbers recur by chance
        ({}, {"end": "2023-01-31"}),  # periods ending years apart
        ({}, {"side": "russia"}),  # another side
        ({}, {"metric": "casualties"}),  # metrics no rule pairs
    ],
)
def test_the_same_figure_only_when_it_could_be_relabelled(cases: dict, people: dict) -> None:
    fields = {"low": 230000, "high": None, "bound": "over", **PERIOD}
    one = make_claim("x", **{**fields, "metric": "criminal_case", **cases})
    two = make_claim("x", **{**fields, "metric": "desertion", **people})
    assert not [w for w in find_mixing([one, two], default_settings()) if w.kind == "same_figure"]
