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
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def covered(words: Sequence[Hashable], other: set[tuple[Hashable, ...]], k: int) -> list[bool]:
    """For each word, whether it lies in a ``k``-word run found in ``other``."""
    out = [False] * len(words)
    for i in range(len(words) - k + 1):
        if tuple(words[i : i + k]) in other:
            for j in range(i, i + k):
                out[j] = True
    return out


def compare_words(a: Sequence[int], b: Sequence[int], stop: Collection[int], min_run: int) -> Match:
    """Shared phrasing of two word-id sequences (``stop``: the ids of stopwords)."""
    in_a = covered(a, grams(b, min_run), min_run)
    in_b = covered(b, grams(a, min_run), min_run)
    content_a = sum(1 for w in a if w not in stop)
    content_b = sum(1 for w in b if w not in stop)
    shared_a = sum(1 for w, on in zip(a, in_a, strict=True) if on and w not in stop)
    shared_b = sum(1 for w, on in zip(b, in_b, strict=True) if on and w not in stop)
    shared = min(shared_a, shared_b)
    smaller = min(content_a, content_b)
    return Match(shared, shared / smaller if smaller else 0.0)


def marked_spans(
    words: Sequence[tuple[int, int, str]], others: Sequence[Sequence[str]], min_run: int
) -> tuple[tuple[int, int], ...]:
    """Character spans of ``words`` (``(start, end, word)``) that lie in runs shared with any of
    ``others``, adjacent words merged: what a reader sees highlighted."""
    mine = [w for _, _, w in words]
    found: set[tuple[Hashable, ...]] = set()
    for other in others:
        found |= grams(other, min_run)
    spans: list[tuple[int, int]] = []
    previous = False
    for (start, end, _), on in zip(words, covered(mine, found, min_run), strict=True):
        if on and previous and spans:
            spans[-1] = (spans[-1][0], end)
        elif on:
            spans.append((start, end))
        previous = on
    return tuple(spans)
