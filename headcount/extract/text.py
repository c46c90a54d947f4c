"""Text helpers shared by the extraction stages: length-preserving normalisation and clauses.

Every stage matches on a *normalised* copy of the body in which typographic apostrophes, quotes and
exotic spaces are replaced one character for one character. Offsets found in the copy are offsets
in the original, so claims always point at the exact characters of the source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

# One-for-one replacements: never change the length of the text.
_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the usual typographic apostrophe
        "\u2018": "'",
        "\u201b": "'",
        "\u02bc": "'",  # modifier letter apostrophe (Ukrainian texts use it inside words)
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',  # « »: Russian and Ukrainian quotation marks
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u00a0": " ",  # no-break space: a thousands separator in many languages
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space (French and Russian typography)
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2005": " ",
        "\u2006": " ",
        "\u2008": " ",
        "\u3000": " ",
        "\r": " ",
        "\t": " ",
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",  # byte-order mark inside text
        "\u00ad": " ",  # soft hyphen
        "\u2212": "-",  # minus sign
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
    }
)


_MAP = {chr(k): v for k, v in _TRANSLATE.items()}
_NEEDS = re.compile("[" + "".join(re.escape(ch) for ch in _MAP) + "]")


def normalise(text: str) -> str:
    """Return ``text`` with typographic variants folded to ASCII, keeping every offset."""
    # Most characters need no change: substituting the few that do is much faster than
    # translating every character through a table.
    return _NEEDS.sub(lambda m: _MAP[m.group()], text)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    contrast: bool  # opened by a contrastive connective ("while", "although" …)


def clause_spans(text: str, boundary: re.Pattern[str]) -> list[Clause]:
    """Split a sentence into clauses at the language's clause boundaries (offsets into ``text``).

    ``boundary`` has named groups ``contrast`` and ``other`` (a comma and the connective, which opens
    the next clause) and ``punct`` (punctuation that belongs to neither clause).
    """
    clauses: list[Clause] = []
    pos = 0
    contrast = False
    for m in boundary.finditer(text):
        if m.start() > pos:
            clauses.append(Clause(pos, m.start(), contrast))
        contrast = m.lastgroup == "contrast"
        pos = m.end() if m.lastgroup == "punct" else m.start() + 1
        while pos < len(text) and text[pos] == " ":
            pos += 1
    if len(text) > pos:
        clauses.append(Clause(pos, len(text), contrast))
    return clauses or [Clause(0, len(text), False)]


def clause_of(clauses: list[Clause], offset: int) -> Clause:
    """The clause holding ``offset``."""
    starts = [c.start for c in clauses]
    i = max(0, bisect_right(starts, offset) - 1)
    return clauses[i]


_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*", re.UNICODE)


def words(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets; hyphenated and apostrophised words stay whole."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def words_between(text: str, start: int, end: int) -> int:
    """How many words lie between two offsets (a cheap distance measure)."""
    if end <= start:
        return 0
    return len(_WORD.findall(text, start, end))


@cache
def clause_pattern(language: str) -> re.Pattern[str]:
    """The clause boundaries of a language (data/<lang>/text.toml), for :func:`clause_spans`."""
    from headcount.vocab import alternation, entry, escape, path_of, table, words_pattern

    clauses = entry(table("text", language), "clauses", file=path_of("text", language), kind=dict)
    return re.compile(
        rf"(?P<contrast>,\s+{words_pattern(clauses['contrast'])})"
        rf"|(?P<other>,\s+{words_pattern(clauses['other'])})"
        rf"|(?P<punct>{alternation([escape(p) for p in clauses['punctuation']])})",
        re.IGNORECASE,
    )


#: Letters of the body read to guess its language: enough to be sure, little enough to be cheap.
GUESS_CHARS = 4000
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _scripts() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Languages by script, each with the letters only it uses among its script's languages."""
    from headcount.vocab import languages, table

    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for lang in languages():
        detect = table("text", lang).get("detect", {})
        out.setdefault(detect.get("script", "latin"), []).append((lang, frozenset(detect.get("marks", ""))))
    return out


def guess_language(text: str) -> str:
    """The language of a text from its letters alone (deterministic, ~microseconds): the script
    (Latin or Cyrillic) by majority, then, among the languages written in it, the one whose own
    letters occur most ("і", "ї", "є", "ґ" are Ukrainian; "ы", "э", "ъ", "ё" Russian). A text in
    Latin letters is read as English, the only such language with a vocabulary."""
    sample = text[:GUESS_CHARS]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    script = "cyrillic" if cyrillic > latin else "latin"
    candidates = _scripts().get(script) or _scripts().get("latin") or [("en", frozenset())]
    if len(candidates) == 1:
        return candidates[0][0]
    lower = sample.lower()
    scores = [(sum(lower.count(ch) for ch in marks), lang) for lang, marks in candidates]
    best = max(scores)
    return best[1] if best[0] > 0 else sorted(candidates)[0][0]
