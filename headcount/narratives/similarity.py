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
