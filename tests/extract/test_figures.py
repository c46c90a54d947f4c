"""Stage 2, the figure layer on its own: every numeric figure of a sentence with value and bound.

The table (``cases_figures.py``) covers separators, magnitudes, number words, fractions, ranges,
qualifiers, percentages and folds, and everything that is not a figure (dates, ages, durations,
code articles, ordinals, vague words, page furniture, identifiers).
"""

import pytest

from headcount.extract.figures import find_figures
from tests.extract.cases_figures import FIGURE_CASES


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 0.011


@pytest.mark.parametrize(("sentence", "expected"), FIGURE_CASES, ids=[c[0][:60] for c in FIGURE_CASES])
def test_figures(sentence: str, expected: list[tuple]) -> None:
    found = find_figures(sentence)
    got = [(f.text, f.low, f.high, f.bound) for f in found]
    assert len(got) == len(expected), f"got {got}"
    for (text, low, high, bound), (etext, elow, ehigh, ebound) in zip(got, expected, strict=True):
        assert text == etext
        assert _close(low, elow) and _close(high, ehigh), f"{text}: {low}..{high}"
        assert bound == ebound, text
    for f in found:
        assert sentence[f.start : f.end] == f.text
