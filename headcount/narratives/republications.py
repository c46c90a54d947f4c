"""Articles republished whole by several sites (near-duplicates).

Each article becomes the set of its 5-word shingles (hashed from the words' stable hashes, so a
text hashes the same in every run). Their MinHash signatures (datasketch's, value for value) are
banded as ``datasketch.MinHashLSH`` bands them for ``article_threshold`` (``minhash.candidate_pairs``;
a test checks the pairs equal the index's), and every two articles sharing a bucket are checked
exactly: a copy shares at least ``min_similarity``
of the shorter text's shingles with the other (a republication under another header, footer or
byline still passes). Copies are linked to the earliest published one, the original; the
corroboration count and the talking points then count the text once.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from headcount.narratives.minhash import candidate_pairs, distinct, signatures
from headcount.narratives.records import Copy, Document, Republication, Republications
from headcount.narratives.settings import NarrativeSettings
from headcount.narratives.talking_points import blocks
from headcount.narratives.text import Corpus

_MIX = np.uint64(0x9E3779B97F4A7C15)
#: A bucket of more articles than this is chained, not squared: 200 copies of one wire story
#: are linked by 398 checks instead of 19,900.
_ARTICLE_BUCKET = 50


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
    return distinct(folded.astype(np.uint32))


def _shingle_codes(word_hashes: np.ndarray, owner: np.ndarray, k: int) -> np.ndarray:
    """``owner << 32 | shingle hash`` for each distinct shingle of each text, sorted: what
    :func:`shingles` gives text by text, for all texts at once (shingles never cross two texts)."""
    n = len(word_hashes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.int64)
    h = word_hashes.astype(np.uint64)
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(k):
        acc = (acc * _MIX) ^ h[i : i + n]
    folded = ((acc ^ (acc >> np.uint64(32))) & np.uint64(0xFFFFFFFF)).astype(np.int64)
    inside = owner[:n] == owner[k - 1 :]
    return distinct(owner[:n][inside] << 32 | folded[inside])


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def find_copies(corpus: Corpus, settings: NarrativeSettings) -> Republications:
    """Groups of republished articles in ``corpus`` (see the module docstring)."""
    word_hashes = corpus.vocabulary.hashes()
    docs = [
        d for d in range(len(corpus.documents)) if len(corpus.doc_tokens(d)) >= settings.article_min_words
    ]
    if len(docs) < 2:
        return Republications()
    # Articles' shingles a block at a time: a numpy call per article costs more than its work,
    # one call for all of them holds a gigabyte of temporaries on 50,000 articles.
    lengths = np.asarray([len(corpus.doc_tokens(d)) for d in docs], dtype=np.int64)
    parts = []
    for i, j in blocks(lengths):
        positions, owner = corpus.docs_tokens(docs[i:j])
        found = _shingle_codes(word_hashes[corpus.tokens[positions]], owner, settings.shingle)
        parts.append(found + (np.int64(i) << 32))
    codes = np.concatenate(parts)
    offsets = np.searchsorted(codes >> 32, np.arange(len(docs) + 1)).astype(np.int64)
    flat = (codes & 0xFFFFFFFF).astype(np.uint32)
    sets = [flat[offsets[i] : offsets[i + 1]] for i in range(len(docs))]
    sigs = signatures(flat, offsets, settings.article_num_perm, settings.seed)
    parent = list(range(len(sets)))
    similarity: dict[tuple[int, int], float] = {}
    # Banded with numpy, as datasketch's MinHashLSH would (its bands and rows; a test checks the
    # pairs are the same): inserting 50,000 articles into the index cost 5 s of a 30 s budget.
    candidates = candidate_pairs(sigs, settings.article_threshold, settings.article_num_perm, _ARTICLE_BUCKET)
    for i, j in candidates.tolist():
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
