"""Article bodies → sentences and word ids, held in flat arrays.

A corpus of 50,000 articles has some 750,000 sentences and 15 million words: a Python object per
word would not fit in memory, so each word becomes an id in one vocabulary and the ids of all
sentences sit in one int32 array, sentence *i* spanning ``offsets[i]:offsets[i + 1]``. Word
offsets in the text are not kept: only the few passages that end up in a cluster are tokenised
again, with offsets, to mark their shared words.

Sentences end at ``.``, ``!``, ``?`` or ``…`` (and closing quotes) before a capital, a digit or
an opening quote, and at line ends: news text puts headlines, bylines and often each sentence on
lines of their own. A few abbreviations ("Mr.", "Gen.", single initials) do not end a sentence.
Typographic quotes and apostrophes are read as plain ones (one character for one, so offsets
hold).
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import cast

import numpy as np

from headcount.narratives.records import Document

_PLAIN = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
#: Words: letters with inner apostrophes ("Russia's" stays one word), or numbers with separators.
WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:'[^\W\d_]+)*")
#: Ends each sentence in the text tokenised at once: a character no text holds (removed from bodies).
_MARK = "\x00"
_WORD_OR_MARK = re.compile(WORD.pattern + "|" + _MARK)
#: The same on lower-cased ASCII text, where it finds the same words a quarter faster (no Unicode
#: categories to look up): most news text in English is plain ASCII once quotes are plain.
_ASCII_WORD_OR_MARK = re.compile(r"[a-z]+(?:'[a-z]+)*|[0-9](?:[0-9,.]*[0-9])?|" + _MARK)
#: Where one sentence ends and the next begins: a line end and the spaces after it (lines are
#: split first: a headline has no stop), or a stop, closing quotes and spaces (not a line end)
#: before a capital, a digit or an opening quote. The stop comes first so that the pattern is
#: tried only where one is (measured: 0.9 s for 50,000 articles against 1.5 s with the stop in a
#: lookbehind). A few abbreviations ("Mr.", "Gen.", single initials) do not end a sentence;
#: each lookbehind holds names of one length, as ``re`` requires.
_CUT = re.compile(
    r"\n\s*"
    r"|[.!?…]"
    r"(?<!\b[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|Lt|St|Jr|Sr|No|vs)\.)(?<!\b(?:Mrs|Gen|Col|Sgt|Maj|Rep|Sen)\.)"
    r"(?<!\b(?:Capt|Prof)\.)"
    r"([\"')\]]*)[^\S\n]+(?=[\"'(\[]?[^\W_a-zа-яёіїєґ])"
)


def plain(text: str) -> str:
    """``text`` with typographic quotes as plain ones; the same length, so offsets still hold."""
    return text.translate(_PLAIN)


def sentence_spans(body: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``body``, trimmed of surrounding spaces.

    One pass of one pattern over the whole body, which also takes in the spaces after each cut:
    only spaces before a line end are left to trim. 750,000 sentences are split in about a
    second.
    """
    out: list[tuple[int, int]] = []
    append = out.append
    cursor = len(body) - len(body.lstrip())
    for cut in _CUT.finditer(body, cursor):
        closing = cut.group(1)
        if closing is None:  # a line end
            end = cut.start()
            while end > cursor and body[end - 1].isspace():
                end -= 1
        else:
            end = cut.start() + 1 + len(closing)
        if end > cursor:
            append((cursor, end))
        cursor = cut.end()
    end = len(body.rstrip())
    if end > cursor:
        append((cursor, end))
    return iter(out)


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, as the comparison sees them."""
    return WORD.findall(plain(text).lower())


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each word of ``text`` (lower-cased word, offsets into ``text``)."""
    lowered = plain(text).lower()
    return [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(lowered)]


@dataclass
class Vocabulary:
    """Word ↔ id, with a stable 32-bit hash per word (CRC-32 of its UTF-8: the same words hash the
    same in every run, whatever order texts come in) and whether it is a stopword."""

    stopwords: frozenset[str]
    ids: dict[str, int] = field(default_factory=dict)
    _words: list[str] = field(default_factory=list)
    _hashes: array = field(default_factory=lambda: array("I"))
    _stop: bytearray = field(default_factory=bytearray)

    def id(self, word: str) -> int:
        found = self.ids.get(word)
        if found is None:
            found = self.ids[word] = len(self._words)
            self._words.append(word)
            self._hashes.append(zlib.crc32(word.encode("utf-8")))
            self._stop.append(word in self.stopwords)
        return found

    def word(self, i: int) -> str:
        return self._words[i]

    def hashes(self) -> np.ndarray:
        return np.frombuffer(self._hashes, dtype=np.uint32).copy()

    def stop_mask(self) -> np.ndarray:
        return np.frombuffer(bytes(self._stop), dtype=np.bool_).copy()

    def __len__(self) -> int:
        return len(self._words)


@dataclass
class Corpus:
    """Every sentence of a set of documents as word ids in flat arrays (see the module docstring).

    ``doc_sentences[d]`` is the range of sentence indices of document ``d``; sentence ``s`` spans
    characters ``starts[s]:ends[s]`` of its body and word ids ``tokens[offsets[s]:offsets[s+1]]``.
    """

    documents: list[Document]
    vocabulary: Vocabulary
    tokens: np.ndarray
    offsets: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    sentence_doc: np.ndarray
    doc_sentences: list[range]

    def sentence_tokens(self, s: int) -> np.ndarray:
        return self.tokens[self.offsets[s] : self.offsets[s + 1]]

    def doc_tokens(self, d: int) -> np.ndarray:
        r = self.doc_sentences[d]
        if not r:
            return self.tokens[:0]
        return self.tokens[self.offsets[r.start] : self.offsets[r.stop]]

    def docs_tokens(self, docs: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The positions in ``tokens`` of the words of documents ``docs``, and for each the index
        in ``docs`` of its document: every document's words at once, for numpy."""
        ranges = [self.doc_sentences[d] for d in docs]
        starts = self.offsets[[r.start for r in ranges]] if ranges else np.zeros(0, np.int64)
        stops = self.offsets[[r.stop for r in ranges]] if ranges else np.zeros(0, np.int64)
        owner = np.repeat(np.arange(len(docs), dtype=np.int64), stops - starts)
        return concat_ranges(starts, stops), owner

    def text(self, s: int) -> str:
        d = int(self.sentence_doc[s])
        return self.documents[d].body[int(self.starts[s]) : int(self.ends[s])]


def concat_ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The concatenation of ``range(start, stop)`` for every pair, without a Python loop."""
    lengths = stops - starts
    if not len(lengths) or lengths.sum() == 0:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return shift + np.arange(lengths.sum())


def read_corpus(documents: Iterable[Document], stopwords: frozenset[str]) -> Corpus:
    """Split and tokenise every document once (the one pass over all the text).

    Each document's sentences are joined with a marker the word pattern also matches, lower-cased
    and tokenised in one call; the markers, mapped to id -1, then cut the word ids into sentences
    with numpy. A call per sentence cost three times more (750,000 sentences in 50,000 articles).
    """
    vocab = Vocabulary(stopwords)
    vocab.ids[_MARK] = -1  # taken out again below
    get = vocab.ids.get
    new = vocab.id
    tokens = array("i")
    starts = array("q")
    ends = array("q")
    sentence_doc = array("i")
    docs: list[Document] = []
    for d, document in enumerate(documents):
        docs.append(document)
        text = plain(document.body).replace(_MARK, " ")
        spans = list(sentence_spans(text))
        if not spans:
            continue
        # Lower-cased after the split: lower() may change the length of a text, not its words.
        joined = _MARK.join([text[a:b] for a, b in spans]).lower() + _MARK
        found = (_ASCII_WORD_OR_MARK if joined.isascii() else _WORD_OR_MARK).findall(joined)
        ids = list(map(get, found))  # most words are known by the time a corpus is large
        if None in ids:
            ids = [i if (i := get(w)) is not None else new(w) for w in found]
        tokens.extend(cast(list[int], ids))
        starts.extend([a for a, _ in spans])
        ends.extend([b for _, b in spans])
        sentence_doc.extend([d] * len(spans))
    del vocab.ids[_MARK]
    marked = np.frombuffer(tokens, dtype=np.int32) if tokens else np.zeros(0, np.int32)
    marks = np.flatnonzero(marked < 0)  # one after each sentence
    counts = np.diff(np.concatenate(([-1], marks))) - 1
    keep = counts > 0  # a sentence without words ("—", "***") is not one
    owner = np.frombuffer(sentence_doc, dtype=np.int32) if sentence_doc else np.zeros(0, np.int32)
    kept_doc = owner[keep]
    first = np.searchsorted(kept_doc, np.arange(len(docs) + 1))
    return Corpus(
        documents=docs,
        vocabulary=vocab,
        tokens=marked[marked >= 0].copy(),
        offsets=np.concatenate(([0], np.cumsum(counts[keep]))).astype(np.int64),
        starts=(np.frombuffer(starts, dtype=np.int64) if starts else np.zeros(0, np.int64))[keep].copy(),
        ends=(np.frombuffer(ends, dtype=np.int64) if ends else np.zeros(0, np.int64))[keep].copy(),
        sentence_doc=kept_doc.copy(),
        doc_sentences=[range(int(first[d]), int(first[d + 1])) for d in range(len(docs))],
    )
