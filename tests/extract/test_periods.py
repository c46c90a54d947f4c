"""Period phrases found in a sentence, independently of one another."""

from __future__ import annotations

from datetime import date

import pytest

from headcount.extract.periods import find_periods


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        # A relative phrase that cannot be resolved (no publication date) used to hide the
        # sentence's own year from the later patterns.
        ("In the first half of this year 800 left, against 1,200 in 2023.", "in 2023"),
        (
            "In the first three months of this year 90 fled, and 400 between 2022 and 2023.",
            "between 2022 and 2023",
        ),
        ("In the second quarter of this year 50 cases, after 70 since March 2024.", "since March 2024"),
    ],
)
def test_an_unresolved_relative_phrase_does_not_hide_a_year(sentence: str, phrase: str) -> None:
    found = [sentence[m.start : m.end] for m in find_periods(sentence, None)]
    assert phrase in found


def test_the_relative_phrase_still_resolves_when_the_date_is_known() -> None:
    sentence = "In the first half of this year 800 left, against 1,200 in 2023."
    spans = {sentence[m.start : m.end]: m for m in find_periods(sentence, date(2025, 9, 1))}
    assert set(spans) == {"In the first half of this year", "in 2023"}
