"""Articles republished whole by several sites (near-duplicates).

Each article becomes the set of its 5-word shingles (hashed from the words' stable hashes, so a
text hashes the same in every run). MinHash signatures go into a ``datasketch.MinHashLSH`` index;
every two articles sharing a bucket are checked exactly: a copy shares at least ``min_similarity``
of the shorter text's shingles with the other (a republication under another header, footer or
byline still passes). Copies are linked to the earliest published one, the original; the
corroboration count and the talking points then count the text once.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from headcount.narratives.minhash import index_pairs, signatures
from headcount.narratives.records import Copy, Document, Republication, Republications
from headcount.narratives.settings import NarrativeSettings
from headcount.narratives.text import Corpus

_MIX = np.uint64(0x9E3779B97F4A7C15)


def shingles(word_hashes: np.ndarray, k: int) -> np.ndarray:
    """The distinct 32-bit hashes of the ``k``-word shingles of a text (sorted)."""
    n = len(word_hashes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint32)
    h = word_hashes.astype(np.uint64)
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        acc = (acc * _MIX) ^ h[i : i + n]
    folded = (acc ^ (acc >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return np.unique(folded.astype(np.uint32))


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def find_copies(corpus: Corpus, settings: NarrativeSettings) -> Republications:
    """Groups of republished articles in ``corpus`` (see the module docstring)."""
    word_hashes = corpus.vocabulary.hashes()
    sets: list[np.ndarray] = []
    docs: list[int] = []
    for d in range(len(corpus.documents)):
        tokens = corpus.doc_tokens(d)
        if len(tokens) < settings.article_min_words:
            continue
        sets.append(shingles(word_hashes[tokens], settings.shingle))
        docs.append(d)
    if len(sets) < 2:
        return Republications()
    offsets = np.concatenate(([0], np.cumsum([len(s) for s in sets]))).astype(np.int64)
    sigs = signatures(np.concatenate(sets), offsets, settings.article_num_perm, settings.seed)
    parent = list(range(len(sets)))
    similarity: dict[tuple[int, int], float] = {}
    for i, j in sorted(
        index_pairs(sigs, settings.article_threshold, settings.article_num_perm, settings.seed)
    ):
        a, b = sets[i], sets[j]
        smaller = min(len(a), len(b))
        if not smaller:
            continue
        share = len(np.intersect1d(a, b, assume_unique=True)) / smaller
        if share < settings.min_similarity:
            continue
        similarity[(i, j)] = similarity[(j, i)] = share
        ri, rj = _find(parent, i), _find(parent, j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = {}
    for i in range(len(sets)):
        members.setdefault(_find(parent, i), []).append(i)
    groups = []
    for items in members.values():
        if len(items) < 2:
            continue

        def when(i: int) -> tuple[date, int]:
            doc = corpus.documents[docs[i]]
            return (doc.published or date.max, doc.id)

        items.sort(key=when)
        original = items[0]
        copies = tuple(
            _copy(corpus.documents[docs[i]], similarity.get((i, original)) or _share(sets[i], sets[original]))
            for i in items[1:]
        )
        groups.append(Republication(_copy(corpus.documents[docs[original]], 1.0), copies))
    groups.sort(key=lambda g: (g.original.published or date.max, g.original.article_id))
    return Republications(tuple(groups))


def _share(a: np.ndarray, b: np.ndarray) -> float:
    smaller = min(len(a), len(b))
    return len(np.intersect1d(a, b, assume_unique=True)) / smaller if smaller else 0.0


def _copy(doc: Document, similarity: float) -> Copy:
    return Copy(doc.id, doc.doc, doc.outlet, doc.published, similarity)
