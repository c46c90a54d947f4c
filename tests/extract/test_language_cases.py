"""Russian and Ukrainian sentence cases through the whole pipeline, the table format of
``cases_ru.py`` / ``cases_uk.py``: every in-scope figure, and the fields each case names.

Cases the extractor does not get right yet are listed in ``KNOWN_GAPS`` and expected to fail
(strictly: a gap that closes must be taken off the list), so the pass rate stays visible.
"""

from __future__ import annotations

from datetime import date

import pytest

from headcount.extract import extract_claims
from headcount.model import Article
from tests.extract.cases_ru import CASES_RU
from tests.extract.cases_uk import CASES_UK

_NUMERIC = ("low", "high")

#: (language, case index) of cases that fail today, with the reason.
KNOWN_GAPS: dict[tuple[str, int], str] = {
    ("ru", 113): "a citation that opens the sentence runs into the next name ('… Украины ТАСС')",
    ("ru", 118): "a subject in quotation marks before a speech verb is not taken as the speaker",
    ("uk", 161): "a border place after the counted people: the people noun (draft evaders) decides",
}


def _params() -> list:
    out = []
    for lang, cases in (("ru", CASES_RU), ("uk", CASES_UK)):
        for i, case in enumerate(cases):
            marks = (
                [pytest.mark.xfail(reason=KNOWN_GAPS[(lang, i)], strict=True)]
                if (lang, i) in KNOWN_GAPS
                else []
            )
            out.append(pytest.param(lang, case, id=f"{lang}-{i:03d}", marks=marks))
    return out


def check(lang: str, case: tuple) -> None:
    text, published, expected = case
    article = Article(
        doc="case", body=text, published=date.fromisoformat(published) if published else None, language=lang
    )
    got = [c.to_schema() for c in extract_claims(article)]
    assert [c["figure"] for c in got] == [f for f, _ in expected], text
    for claim, (_figure, fields) in zip(got, expected, strict=True):
        for field, value in fields.items():
            if field in _NUMERIC and value is not None and claim[field] is not None:
                assert abs(claim[field] - value) <= 0.011, (text, field, claim[field])
            else:
                assert claim[field] == value, (text, field, claim[field])


@pytest.mark.parametrize(("lang", "case"), _params())
def test_case(lang: str, case: tuple) -> None:
    check(lang, case)


def test_enough_cases() -> None:
    assert len(CASES_RU) >= 150 and len(CASES_UK) >= 150
