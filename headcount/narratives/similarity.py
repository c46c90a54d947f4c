"""The check behind every candidate: do two passages share *phrasing*, not just vocabulary?

Two sentences about the same war share words ("Ukrainian", "soldiers", "front"); a talking point
shares runs of words in the same order ("Amid these developments … President Vladimir Putin has
continued to …", "protecting the citizens of Donbass"). A word of one passage is *shared* when it
lies in a run of at least ``min_run`` words (stopwords included, so phrasing counts) that occurs
word for word in the other; only content words are counted. The score is the share of the shorter
passage's content words that are shared.

Runs are found through their ``min_run``-word shingles rather than one alignment: a talking point
reorders its clauses as often as it rewords them, and an alignment would keep only one order.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Match:
    """What two passages share: content words in shared runs (the smaller of the two sides'
    counts), and that as a share of the shorter passage's content words."""

    shared: int
    score: float


def grams(words: Sequence[Hashable], k: int) -> set[tuple[Hashable, ...]]:
    """The ``k``-word runs of ``words``."""
    # zip makes the tuples in C, not slices; the shorter tails end the runs (strict=False).
    return set(zip(*(words[i:] for i in range(k)), strict=False))


def covered(words: Sequence[Hashable], other: set[tuple[Hashable, ...]], k: int) -> list[bool]:
    """For each word, whether it lies in a ``k``-word run found in ``other``."""
    out = [False] * len(words)
    run = [True] * k
    for i, gram in enumerate(zip(*(words[j:] for j in range(k)), strict=False)):
        if gram in other:
            out[i : i + k] = run
    return out


class Prepared:
    """A word sequence ready to be compared many times: its runs, as a list and as a set, and
    where its content words are (a sentence of a talking point is checked against dozens)."""

    __slots__ = ("content", "gram_set", "grams", "length")

    def __init__(self, words: Sequence[Hashable], stop: Collection[Hashable], k: int) -> None:
        self.length = len(words)
        self.content = [i for i, w in enumerate(words) if w not in stop]
        # zip makes the tuples in C, not slices; the shorter tails end the runs (strict=False).
        self.grams = list(zip(*(words[i:] for i in range(k)), strict=False))
        self.gram_set = set(self.grams)


def _shared(mine: Prepared, other: set[tuple[Hashable, ...]], k: int) -> int:
    """How many of ``mine``'s content words lie in a run found in ``other``."""
    on = bytearray(mine.length)
    run = b"\x01" * k
    hit = False
    for i, gram in enumerate(mine.grams):
        if gram in other:
            on[i : i + k] = run
            hit = True
    return sum(on[i] for i in mine.content) if hit else 0


def compare_prepared(a: Prepared, b: Prepared, k: int) -> Match:
    """:func:`compare_words` on prepared sequences (prepared with the same stopwords and ``k``)."""
    shared = min(_shared(a, b.gram_set, k), _shared(b, a.gram_set, k))
    smaller = min(len(a.content), len(b.content))
    return Match(shared, shared / smaller if smaller else 0.0)


#: Words of both sides handled per numpy step in :func:`compare_many` (~40 bytes each at the peak).
_BLOCK_WORDS = 4_000_000


def compare_many(
    tokens: np.ndarray,
    content: np.ndarray,
    a: tuple[np.ndarray, np.ndarray],
    b: tuple[np.ndarray, np.ndarray],
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`compare_prepared` for many pairs at once, in numpy: ``(shared, score)`` per pair.

    Pair ``i`` compares ``tokens[a[0][i]:a[1][i]]`` with ``tokens[b[0][i]:b[1][i]]`` (word ids);
    ``content[w]`` says whether word id ``w`` counts. A ``k``-word run is a 64-bit hash of its
    ids and its pair's number, so one sort finds, for all pairs at once, which runs of one side
    occur in the other (a pair checked in Python cost ~15 µs; a corpus of 50,000 articles has
    300,000 to check). Two different runs of one pair would have to share a 64-bit hash to
    change a result.
    """
    n = len(a[0])
    shared = np.zeros(n, dtype=np.int64)
    score = np.zeros(n, dtype=np.float64)
    lengths = (a[1] - a[0]) + (b[1] - b[0])
    ends = np.cumsum(lengths)
    i = 0
    while i < n:
        base = int(ends[i - 1]) if i else 0
        j = max(i + 1, int(np.searchsorted(ends, base + _BLOCK_WORDS, side="right")))
        sa, sb = (a[0][i:j], a[1][i:j]), (b[0][i:j], b[1][i:j])
        grams_a, grams_b = _run_keys(tokens, *sa, k), _run_keys(tokens, *sb, k)
        on_a, size_a = _shared_counts(tokens, content, *sa, grams_a, grams_b[0], k)
        on_b, size_b = _shared_counts(tokens, content, *sb, grams_b, grams_a[0], k)
        both = np.minimum(on_a, on_b)
        smaller = np.minimum(size_a, size_b)
        shared[i:j] = both
        score[i:j] = np.divide(both, smaller, out=np.zeros(j - i), where=smaller > 0)
        i = j
    return shared, score


def _run_keys(
    tokens: np.ndarray, starts: np.ndarray, stops: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """The hash of each ``k``-word run of each span (mixed with the span's number), and where each
    run starts counted from its span's start."""
    from headcount.narratives.text import concat_ranges

    count = np.maximum(stops - starts - k + 1, 0)
    positions = concat_ranges(starts, starts + count)
    owner = np.repeat(np.arange(len(starts), dtype=np.int64), count)
    with np.errstate(over="ignore"):
        acc = owner.astype(np.uint64) * np.uint64(0xD6E8FEB86659FD93) + np.uint64(0x9E3779B97F4A7C15)
        for step in range(k):
            acc ^= tokens[positions + step].astype(np.uint64)
            acc *= np.uint64(0xBF58476D1CE4E5B9)
            acc ^= acc >> np.uint64(31)
    return acc, positions - starts[owner]


def _shared_counts(
    tokens: np.ndarray,
    content: np.ndarray,
    starts: np.ndarray,
    stops: np.ndarray,
    mine: tuple[np.ndarray, np.ndarray],
    other: np.ndarray,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Per span: its content words lying in a run the other side also has, and its content words."""
    from headcount.narratives.text import concat_ranges

    keys, offsets = mine
    hit = np.zeros(len(keys), dtype=np.bool_)
    if len(other) and len(keys):
        found = np.sort(other)
        # Looked up in sorted order: a binary search per key in random order misses the cache
        # at every step (measured 2.4 s against 0.5 s, sort included, for 6 million runs).
        order = np.argsort(keys)
        ordered = keys[order]
        at = np.minimum(np.searchsorted(found, ordered), len(found) - 1)
        hit[order] = found[at] == ordered
    lengths = stops - starts
    first = np.concatenate(([0], np.cumsum(lengths)[:-1]))  # each span's first word, flattened
    count = np.maximum(lengths - k + 1, 0)
    owner = np.repeat(np.arange(len(starts), dtype=np.int64), count)
    begin = first[owner][hit] + offsets[hit]  # the first word of each shared run, flattened
    total = int(lengths.sum())
    edges = np.bincount(begin, minlength=total + 1) - np.bincount(begin + k, minlength=total + 1)
    covered = np.cumsum(edges[:total]) > 0
    counts = content[tokens[concat_ranges(starts, stops)]]
    word_owner = np.repeat(np.arange(len(starts), dtype=np.int64), lengths)
    n = len(starts)
    on = np.bincount(word_owner, weights=covered & counts, minlength=n).astype(np.int64)
    size = np.bincount(word_owner, weights=counts, minlength=n).astype(np.int64)
    return on, size


def compare_words(a: Sequence[int], b: Sequence[int], stop: Collection[int], min_run: int) -> Match:
    """Shared phrasing of two word-id sequences (``stop``: the ids of stopwords)."""
    return compare_prepared(Prepared(a, stop, min_run), Prepared(b, stop, min_run), min_run)


def marked_spans(
    words: Sequence[tuple[int, int, str]], others: Sequence[Sequence[str]], min_run: int
) -> tuple[tuple[int, int], ...]:
    """Character spans of ``words`` (``(start, end, word)``) that lie in runs shared with any of
    ``others``, adjacent words merged: what a reader sees highlighted."""
    found: set[tuple[Hashable, ...]] = set()
    for other in others:
        found |= grams(other, min_run)
    return marked_in(words, found, min_run)


def marked_in(
    words: Sequence[tuple[int, int, str]], found: set[tuple[Hashable, ...]], min_run: int
) -> tuple[tuple[int, int], ...]:
    """:func:`marked_spans` against runs already gathered (``found``)."""
    mine = [w for _, _, w in words]
    spans: list[tuple[int, int]] = []
    previous = False
    for (start, end, _), on in zip(words, covered(mine, found, min_run), strict=True):
        if on and previous and spans:
            spans[-1] = (spans[-1][0], end)
        elif on:
            spans.append((start, end))
        previous = on
    return tuple(spans)
