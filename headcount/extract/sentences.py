"""Stage 1: split an article body into sentences with code-point offsets.

spaCy's rule-based tokenizer and sentencizer do the splitting (no statistical model: none may be
downloaded at run time). On top of them, two rules that news text needs:

* a line break ends a sentence unless the next line continues it in lower case (hard-wrapped
  text): headlines, bylines and datelines have no full stop but are not part of the next sentence;
* an opening quotation mark that spaCy leaves at the end of a sentence belongs to the next one.

Each sentence records its *block*: paragraphs separated by a blank line. Later stages do not carry
context (an attribution, a period) across a block boundary.
"""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from headcount.extract.text import normalise
from headcount.model import Sentence
from headcount.vocab import entry, languages, path_of, table

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_OPENING = "\"'“‘«„(["


@cache
def _nlp(language: str) -> Language:
    """A blank spaCy pipeline with the sentencizer and our abbreviations."""
    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError):  # a language spaCy does not know
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**9  # we split, we do not parse: long texts cost only linear time
    if language in languages():
        data = table("text", language)
        for abbr in entry(data, "sentences.abbreviations", file=path_of("text", language)):
            nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return nlp


def split_sentences(body: str, language: str = "en") -> list[Sentence]:
    """Sentences of ``body``: offsets index ``body``; text is ``body[start:end]``, trimmed."""
    if not body.strip():
        return []
    nlp = _nlp(language if language in languages() else "en")
    norm = normalise(body)
    doc = nlp.make_doc(norm)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        spans.extend(_split_lines(norm, sent.start_char, sent.end_char))
    spans = _move_opening_quotes(norm, spans)

    # Block numbers: count blank lines before each sentence.
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


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at line breaks that end a sentence, trimming whitespace."""
    pieces: list[tuple[int, int]] = []
    pos = start
    i = text.find("\n", start, end)
    while i != -1:
        nxt = i + 1
        while nxt < end and text[nxt] in " \t":
            nxt += 1
        # A line that continues in lower case is a wrapped line of the same sentence.
        if not (
            nxt < end
            and text[nxt].islower()
            and text[i - 1 : i] not in ("\n",)
            and not _ends_sentence(text, pos, i)
        ):
            pieces.append((pos, i))
            pos = i + 1
        i = text.find("\n", i + 1, end)
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


def _ends_sentence(text: str, start: int, i: int) -> bool:
    line = text[start:i].rstrip()
    return not line or line[-1] in ".!?:;"


def _move_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An opening quote at the end of one sentence starts the next (spaCy leaves it behind)."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, e = out[k]
        if e - s >= 2 and text[e - 1] in _OPENING and text[e - 2].isspace():
            _ns, ne = out[k + 1]
            new_e = e - 1
            while new_e > s and text[new_e - 1].isspace():
                new_e -= 1
            out[k] = (s, new_e)
            out[k + 1] = (e - 1, ne)
    return [(s, e) for s, e in out if e > s]
