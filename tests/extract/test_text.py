"""Normalisation keeps every offset; clauses split where a new statement starts."""

import pytest

from headcount.extract.text import clause_of, clause_pattern, clause_spans, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ukraine’s Prosecutor General’s Office", "Ukraine's Prosecutor General's Office"),
        ("“Idite Lesom”", '"Idite Lesom"'),
        ("«Идите лесом»", '"Идите лесом"'),
        ("21\u00a0600", "21 600"),
        ("21\u2009600", "21 600"),
        ("21\u202f600", "21 600"),
        ("a\u00adb", "a b"),
        ("−5", "-5"),
        ("plain ASCII stays as it is.", "plain ASCII stays as it is."),
    ],
)
def test_normalise_folds_typography_one_character_for_one(raw: str, expected: str) -> None:
    assert normalise(raw) == expected
    assert len(normalise(raw)) == len(raw)


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        (
            "In fiscal year 2022, fewer than 300 were granted refugee status, although officials "
            "encountered over 57,000 at the border.",
            [
                "In fiscal year 2022, fewer than 300 were granted refugee status",
                "although officials encountered over 57,000 at the border.",
            ],
        ),
        ("Russia claims 500; Kyiv says 20.", ["Russia claims 500", "Kyiv says 20."]),
        ("No clause boundary here at all.", ["No clause boundary here at all."]),
    ],
)
def test_clause_spans(sentence: str, clauses: list[str]) -> None:
    spans = clause_spans(sentence, clause_pattern("en"))
    assert [sentence[c.start : c.end] for c in spans] == clauses


def test_contrastive_clause_is_marked_and_found_by_offset() -> None:
    s = "Moscow claims 500 surrendered, while Kyiv says 20 did."
    spans = clause_spans(s, clause_pattern("en"))
    assert [c.contrast for c in spans] == [False, True]
    assert clause_of(spans, s.index("20")).contrast
    assert not clause_of(spans, s.index("500")).contrast
