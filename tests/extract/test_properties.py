"""Properties that hold for any input, however hostile (hypothesis)."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headcount.extract import extract_claims, find_figures, split_sentences
from headcount.extract.text import normalise
from headcount.model import BOUNDS, KINDS, METRICS, SIDES, Article

NEWSY = st.sampled_from(
    [
        "over",
        "more than",
        "between",
        "and",
        "to",
        "–",
        "-",
        "fewer than",
        "about",
        "21,600",
        "300,000",
        "15 000",
        "2.3 million",
        "twenty-one thousand",
        "sixfold",
        "10%",
        "a third of",
        "deserters",
        "soldiers",
        "left their units",
        "criminal cases",
        "Ukrainian",
        "Russian",
        "according to",
        "Mediazona",
        "said",
        "since",
        "February 2022",
        "In October",
        "each month",
        "reportedly",
        ",",
        ".",
        "\n",
        "\n\n",
        "’",
        "“",
        "”",
        "\u00a0",
        "Article 337",
        "43-year-old",
    ]
)

TEXT = st.one_of(
    st.text(max_size=400),  # any unicode, control characters included
    st.lists(NEWSY, max_size=60).map(" ".join),
    st.text(alphabet="0123456789,. \u00a0\u2009-–%", max_size=300),
    st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщьюяіїєґ0123456789 ,.", max_size=200),
)


def _check(body: str, published: date | None) -> None:
    article = Article(doc="x.txt", body=body, published=published, language="en")
    claims = extract_claims(article)
    assert claims == extract_claims(article)  # deterministic
    for c in claims:
        assert 0 <= c.start < c.end <= len(body)
        assert body[c.start : c.end] == c.figure
        assert c.sentence_start <= c.start and c.end <= c.sentence_end
        assert body[c.sentence_start : c.sentence_end] == c.quote
        assert c.figure in c.quote
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
        assert c.bound in BOUNDS and c.kind in KINDS and c.metric in METRICS and c.side in SIDES
        if c.period_start and c.period_end:
            assert c.period_start <= c.period_end
        assert (c.per is not None) == (c.kind == "rate")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))))
def test_any_text_gives_consistent_claims(body: str, published: date | None) -> None:
    _check(body, published)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_figures_index_their_text(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.low is not None or f.high is not None
        if f.low is not None and f.high is not None:
            assert f.low <= f.high


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_sentences_cover_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    last = 0
    for s in sentences:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text == s.text.strip()
        last = s.end
    # Nothing but whitespace (after normalisation: soft hyphens, zero-width spaces) is left out.
    covered = "".join(normalise(text)[s.start : s.end] for s in sentences)
    assert len("".join(covered.split())) == len("".join(normalise(text).split()))


def test_a_megabyte_of_digits() -> None:
    _check("1" * 1_000_000, date(2025, 1, 1))
    _check("7, 1,000 " * 12_000, date(2025, 1, 1))  # 100 KB of separate numbers in one "sentence"


def test_control_characters_and_mixed_scripts() -> None:
    _check(
        "\x00\x01\x02 Over 21,600 \x1b[31m soldiers left their units \u202e in October.", date(2025, 11, 9)
    )
    _check(
        "Более 230 тысяч дел; over 230,000 criminal cases since February 2022. 中文 21,600.",
        date(2025, 11, 7),
    )
