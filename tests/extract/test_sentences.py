"""Stage 1: sentence boundaries with offsets into the body."""

import pytest

from headcount.extract.sentences import split_sentences

CASES = [
    (
        "Officials encountered over 57,000 Russians at U.S. borders in fiscal year 2023. Next one.",
        ["Officials encountered over 57,000 Russians at U.S. borders in fiscal year 2023.", "Next one."],
    ),
    (
        "As of Nov. 21, Gen. Syrskyi said 5 000 had left. He added more.",
        ["As of Nov. 21, Gen. Syrskyi said 5 000 had left.", "He added more."],
    ),
    ("Dr. Smith said No. 5 was fine! Was it? Yes.", ["Dr. Smith said No. 5 was fine!", "Was it?", "Yes."]),
    (
        "Headline without a full stop\n\nFirst paragraph. Second sentence.",
        ["Headline without a full stop", "First paragraph.", "Second sentence."],
    ),
    ("A hard-wrapped line that\ncontinues here. End.", ["A hard-wrapped line that\ncontinues here.", "End."]),
    ("J. R. Smith came. It rose 2.5 times.", ["J. R. Smith came.", "It rose 2.5 times."]),
    ('"Really?" she asked. “Yes.” He left.', ['"Really?" she asked.', "“Yes.”", "He left."]),
    ("approx. five soldiers left e.g. the unit.", ["approx. five soldiers left e.g. the unit."]),
    (
        "ICARO Media Group\nPolitics\n12/04/2024 21h57\n\nText starts.",
        ["ICARO Media Group", "Politics", "12/04/2024 21h57", "Text starts."],
    ),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_sentences(body: str, expected: list[str]) -> None:
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert body[s.start : s.end] == s.text


def test_blocks_count_blank_lines_and_indices_run_in_order() -> None:
    body = "One. Two.\nThree.\n\nFour.\n \nFive."
    sentences = split_sentences(body)
    assert [(s.text, s.block) for s in sentences] == [
        ("One.", 0),
        ("Two.", 0),
        ("Three.", 0),
        ("Four.", 1),
        ("Five.", 2),
    ]
    assert [s.index for s in sentences] == list(range(5))
