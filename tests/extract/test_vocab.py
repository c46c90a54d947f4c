"""The vocabulary machinery: validation of data files and the Lexicon matcher."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headcount.errors import ConfigError
from headcount.vocab import Lexicon, alternation, languages, literal_alternation, prefixes, table

CUES = [
    "cases? of (desertion|AWOL)",
    "criminal cases?",
    "cases?",
    "deserters?",
    "desertions?",
    "(were|have been) convicted",
    "left (their|his) units?",
    "at (the )?([\\w.]+ )?borders?",
    "a report",
    "AWOL",
]


def reference(text: str) -> list[tuple[int, int, int]]:
    """What one plain alternation (longest pattern first) finds: the behaviour Lexicon must keep."""
    order = sorted(range(len(CUES)), key=lambda i: -len(CUES[i]))
    ws = r"\s+"
    body = "|".join(f"(?P<b{i}>{CUES[i].replace(' ', ws)})" for i in order)
    rx = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)
    return [(m.start(), m.end(), int(m.lastgroup[1:])) for m in rx.finditer(text)]


def lexicon() -> Lexicon:
    order = sorted(range(len(CUES)), key=lambda i: -len(CUES[i]))
    return Lexicon([(CUES[i], i) for i in order])


@pytest.mark.parametrize(
    "text",
    [
        "Over 7,300 cases of desertion reached courts; criminal cases rose.",
        "Soldiers left their units and 500 were convicted at U.S. borders.",
        "AWOL deserters, desertion and a report.",
        "Nothing to find here.",
        "",
    ],
)
def test_lexicon_matches_like_one_alternation(text: str) -> None:
    assert [(s, e, m) for s, e, m in lexicon().finditer(text)] == reference(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "cases",
                "of",
                "desertion",
                "criminal",
                "deserters",
                "were",
                "have",
                "been",
                "convicted",
                "left",
                "their",
                "units",
                "at",
                "the",
                "U.S.",
                "borders",
                "a",
                "report",
                "AWOL",
                "x",
                "7,300",
                ",",
                ".",
            ]
        ),
        max_size=30,
    )
)
def test_lexicon_equals_alternation_on_random_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    assert [(s, e, m) for s, e, m in lexicon().finditer(text)] == reference(text)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("deserters?", {"deser"}),
        ("(were|have been) convicted", {"were ", "have "}),
        ("AWOL", {"awol"}),
        ("a\\s+report", {"a rep"}),
        ("claim(ed|s)?", {"claim"}),
    ],
)
def test_prefixes_read_from_the_regex(pattern: str, expected: set[str]) -> None:
    assert prefixes(pattern) == expected


def test_literal_alternation_is_a_trie_that_matches_each_word_and_nothing_else() -> None:
    rx = re.compile(rf"^{literal_alternation(['two', 'twelve', 'twenty', 'ten'])}$")
    for w in ("two", "twelve", "twenty", "ten", "TWENTY", "Ten"):
        assert rx.match(w)
    for w in ("tw", "twen", "eleven", "tens"):
        assert not rx.match(w)


def test_a_bad_pattern_in_a_data_file_is_named() -> None:
    with pytest.raises(ConfigError) as info:
        alternation(["fine", "(unclosed"], file="headcount/data/en/x.toml", key="nouns")
    assert "x.toml" in str(info.value) and "(unclosed" in str(info.value) and "H401" in str(info.value)


def test_every_language_folder_has_every_vocabulary() -> None:
    needed = {"numbers", "periods", "taxonomy", "sides", "attribution", "hedges", "text"}
    for lang in languages():
        for name in needed:
            assert table(name, lang), f"{lang}/{name}.toml is empty"
