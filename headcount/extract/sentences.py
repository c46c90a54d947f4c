"""Stage 1: split an article body into sentences with code-point offsets.

The rules are those of a rule-based sentencizer (spaCy's works the same way): a sentence ends after
``.``, ``!``, ``?`` or ``…`` and any closing quotes or brackets, before whitespace — unless the full
stop belongs to an abbreviation (``U.S.``, ``Nov.``, ``Gen.``: listed per language in
``data/<lang>/text.toml``) or an initial, or the next sentence would start in lower case. We apply
them directly to the text instead of tokenising it first: building a token object per word cost
more than every other stage together (measured: spaCy's blank pipeline alone allows ~370 articles of
4 KB per second on one core, the whole extractor must do 300).

Two rules that news text needs on top:

* a line break ends a sentence unless the next line continues it in lower case (hard-wrapped text);
  headlines, bylines and datelines have no full stop but are not part of the next sentence;
* an opening quotation mark after the end of a sentence belongs to the next one.

Each sentence records its *block*: paragraphs separated by a blank line. Later stages do not carry
context (an attribution, a period) across a block boundary.
"""

from __future__ import annotations

import re
from functools import cache

from headcount.extract.text import normalise
from headcount.model import Sentence
from headcount.vocab import entry, languages, path_of, table

_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
# Sentence-final punctuation, closing quotes and brackets, then whitespace or the end.
_END = re.compile(r"(?:[.!?…]+|\.\.\.)[\"')\]]*(?=\s|$)")
_CLOSERS = "\"')]"


@cache
def _abbreviations(language: str) -> frozenset[str]:
    """Lower-cased abbreviations (without their final full stop) that do not end a sentence."""
    lang = language if language in languages() else "en"
    items = entry(table("text", lang), "sentences.abbreviations", file=path_of("text", lang))
    return frozenset(a.rstrip(".").lower() for a in items)


def split_sentences(body: str, language: str = "en", *, norm: str | None = None) -> list[Sentence]:
    """Sentences of ``body``: offsets index ``body``; text is ``body[start:end]``, trimmed.

    ``norm`` is ``normalise(body)`` when the caller already has it.
    """
    if not body.strip():
        return []
    norm = normalise(body) if norm is None else norm
    abbreviations = _abbreviations(language)
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(norm):
        spans.extend(_split_line(norm, line_start, line_end, abbreviations))

    blank_ends = [m.end() for m in _BLANK_LINE.finditer(norm)]
    out: list[Sentence] = []
    block = 0
    bi = 0
    for start, end in spans:
        while bi < len(blank_ends) and blank_ends[bi] <= start:
            block += 1
            bi += 1
        out.append(Sentence(start=start, end=end, text=body[start:end], index=len(out), block=block))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Runs of text between line breaks that end a sentence; a line that continues in lower case
    after a line without final punctuation is the same sentence (hard-wrapped text)."""
    out: list[tuple[int, int]] = []
    start = 0
    i = text.find("\n")
    while i != -1:
        nxt = i + 1
        while nxt < len(text) and text[nxt] in " \t":
            nxt += 1
        prev_line = text[start:i].rstrip()
        wrapped = (
            nxt < len(text)
            and text[nxt].islower()
            and prev_line
            and prev_line[-1] not in '.!?:;…"'
            and text[i + 1 : nxt + 1].strip() != ""
        )
        if not wrapped:
            out.append((start, i))
            start = i + 1
        i = text.find("\n", i + 1)
    out.append((start, len(text)))
    return out


def _split_line(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        cut = m.end()
        if not _ends_sentence(text, m.start(), cut, end, abbreviations):
            continue
        pieces.append((pos, cut))
        pos = cut
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _ends_sentence(text: str, punct: int, cut: int, line_end: int, abbreviations: frozenset[str]) -> bool:
    """Whether the punctuation at ``punct`` (ending at ``cut``) ends a sentence."""
    # What follows: the next non-space character, past an opening quote.
    j = cut
    while j < line_end and text[j].isspace():
        j += 1
    if j >= line_end:
        return True
    nxt = text[j]
    if nxt in "\"'(«“„[" and j + 1 < line_end:
        nxt = text[j + 1]
    if nxt.islower() or nxt in ",;:":
        return False  # "approx. five", "e.g. the", "Gen. Syrskyi said no. then"
    if text[punct] != ".":
        return True  # "!" and "?" end sentences before any capital or digit
    word_start = punct
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'":
        word_start -= 1
    word = text[word_start:punct]
    if not word:
        return True
    if word.lower() in abbreviations or word.lower().rstrip(".") in abbreviations:
        return False
    # Initials and dotted abbreviations: "J. Smith", "U.S.", "e.g", "a.m".
    if len(word) == 1 and word.isalpha():
        return False
    return not re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word)
