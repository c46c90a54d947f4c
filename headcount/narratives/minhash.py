"""MinHash signatures for many sets at once, and LSH candidates from them (datasketch's scheme).

Signatures follow datasketch's ``affine32`` scheme exactly: each element's 32-bit hash is mixed
by the MurmurHash3 finaliser, then permuted as ``a·h + b mod 2³²`` with the ``a``, ``b`` of
``datasketch.MinHash(num_perm, seed)``; a set's signature is the minimum per permutation. They are
computed for all sets in one numpy pass instead of one ``MinHash.update`` call per set — a test
checks they equal datasketch's own, value for value.

LSH uses the bands and rows datasketch's ``MinHashLSH`` chooses for the threshold, and finds the
pairs its index would find (a test checks both give the same candidate pairs, for sentences' and
articles' settings), but bands with numpy: inserting into the index costs 40–120 µs per key on
this machine (measured with 64 and 128 permutations), a minute for 750,000 sentences and 5 s for
50,000 articles, where sorting each band's keys takes a fraction of a second.
``index_pairs`` (the index itself) is kept as the reference the tests compare against.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import LeanMinHash

SCHEME = "affine32"
_M1 = np.uint32(0x85EBCA6B)
_M2 = np.uint32(0xC2B2AE35)
#: Elements permuted per numpy step: a (permutations × elements) buffer of 4 MB with 64
#: permutations, reused, stays in cache (measured: 18 times faster than fresh 50 MB blocks).
CHUNK = 16_384


@cache
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` datasketch uses for ``MinHash(num_perm, seed, scheme="affine32")``."""
    from datasketch import MinHash  # imported when needed: datasketch takes ~1 s to import

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    return np.asarray(a, dtype=np.uint32), np.asarray(b, dtype=np.uint32)


@cache
def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` datasketch's ``MinHashLSH`` picks for this threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an integer array.

    ``np.unique`` hashes integer arrays since numpy 2.3, then sorts: measured 20 times slower than
    a sort and a comparison with the neighbour on 4 million int64 (5.9 s against 0.3 s).
    """
    if len(values) < 2:
        return np.sort(values)
    ordered = np.sort(values)
    keep = np.empty(len(ordered), dtype=np.bool_)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (what datasketch applies before permuting)."""
    h = h.astype(np.uint32, copy=True)
    h ^= h >> np.uint32(16)
    h *= _M1
    h ^= h >> np.uint32(13)
    h *= _M2
    h ^= h >> np.uint32(16)
    return h


def signatures(hashes: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures (``sets × num_perm``, uint32) of sets given as a flat array of 32-bit
    element hashes, set ``i`` being ``hashes[offsets[i]:offsets[i + 1]]``. Empty sets get the
    all-ones signature (datasketch's empty MinHash).

    Elements are permuted a block at a time into one reused buffer, permutations along rows, and
    each set's minimum taken along the row (``reduceat`` on the contiguous axis): allocating a
    fresh (elements × permutations) array per block cost ten times more than the arithmetic.
    """
    n = len(offsets) - 1
    out = np.full((n, num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    if n == 0 or len(hashes) == 0:
        return out
    a, b = permutations(num_perm, seed)
    rows_a, rows_b = a[:, None], b[:, None]
    mixed = fmix32(hashes)
    sets = np.flatnonzero(np.diff(offsets) > 0)
    starts, ends = offsets[sets], offsets[sets + 1]
    buffer = np.empty((num_perm, CHUNK), dtype=np.uint32)
    i = 0
    while i < len(sets):
        # The sets whose elements fit one block (at least one set, however large).
        j = max(i + 1, int(np.searchsorted(ends, starts[i] + CHUNK, side="right")))
        lo, hi = int(starts[i]), int(ends[j - 1])
        block = buffer[:, : hi - lo] if hi - lo <= CHUNK else np.empty((num_perm, hi - lo), dtype=np.uint32)
        np.multiply(rows_a, mixed[None, lo:hi], out=block)
        np.add(block, rows_b, out=block)
        out[sets[i:j]] = np.minimum.reduceat(block, starts[i:j] - lo, axis=1).T
        i = j
    return out


def lean(signature: np.ndarray, seed: int) -> LeanMinHash:
    """A datasketch ``LeanMinHash`` holding a signature computed here."""
    from datasketch import LeanMinHash

    return LeanMinHash(seed=seed, hashvalues=signature, scheme=SCHEME)


def band_keys(sigs: np.ndarray, b: int, r: int) -> np.ndarray:
    """One 64-bit key per set and band: equal keys mean equal rows in that band."""
    keys = np.zeros((len(sigs), b), dtype=np.uint64)
    rng = np.random.RandomState(0x6863)
    mult = rng.randint(1, 2**62, size=r, dtype=np.int64).astype(np.uint64) | np.uint64(1)
    for k in range(b):
        acc = np.full(len(sigs), np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
        for i in range(r):
            acc = (acc ^ sigs[:, k * r + i].astype(np.uint64)) * mult[i]
        keys[:, k] = acc ^ (acc >> np.uint64(29))
    return keys


def buckets(sigs: np.ndarray, threshold: float, num_perm: int) -> Iterator[np.ndarray]:
    """The members (row indices, ascending) of every LSH bucket holding two or more sets."""
    for order, group in _band_groups(sigs, threshold, num_perm):
        cuts = np.flatnonzero(group[1:] != group[:-1]) + 1
        starts = np.concatenate(([0], cuts))
        stops = np.concatenate((cuts, [len(group)]))
        for s in np.flatnonzero(stops - starts > 1):
            yield order[starts[s] : stops[s]]


def _band_groups(sigs: np.ndarray, threshold: float, num_perm: int) -> Iterator[tuple[np.ndarray, ...]]:
    """Per band, the rows in order of their band key (ascending within a key: the sort is stable)
    and, for each, a bucket number that changes where the key does."""
    b, r = bands(threshold, num_perm)
    keys = band_keys(sigs, b, r)
    for k in range(b):
        yield _grouped(keys[:, k])


def _grouped(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows in order of their key, ascending within a key, and a group number per row.

    The row number is packed into the low bits of its key and the packed values sorted once:
    a plain sort of 600,000 integers takes 5 ms where a stable argsort takes 57 (21 bands of
    sentences and 9 of articles). Keys equal in their high bits but not in full are unlikely
    (two in a trillion per pair at 50,000 articles); when any are, the band is sorted the slow,
    exact way.
    """
    n = len(column)
    bits = max(1, (n - 1).bit_length())
    if n < 2 or bits > 40:
        return _grouped_stable(column)
    shift = np.uint64(bits)
    ordered = np.sort((column >> shift << shift) | np.arange(n, dtype=np.uint64))
    order = (ordered & np.uint64((1 << bits) - 1)).astype(np.int64)
    full = column[order]
    high = ordered >> shift
    same_high = high[1:] == high[:-1]
    if np.any(same_high & (full[1:] != full[:-1])):
        return _grouped_stable(column)
    return order, np.concatenate(([0], np.cumsum(~same_high)))


def _grouped_stable(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(column, kind="stable")
    ordered = column[order]
    return order, np.concatenate(([0], np.cumsum(ordered[1:] != ordered[:-1])))


def candidate_pairs(sigs: np.ndarray, threshold: float, num_perm: int, max_bucket: int) -> np.ndarray:
    """Pairs ``(i, j)``, ``i < j``, that share an LSH bucket, as an ``n × 2`` array, each once.

    A bucket larger than ``max_bucket`` pairs its members along a chain and with its first member
    only (a common word, not a shared passage, makes such buckets; all pairs would be quadratic).

    Buckets are not visited one by one (a ledger of 50,000 articles has millions of them): in each
    band's sorted order, the members ``d`` places apart in one bucket are paired for
    ``d = 1 … max_bucket - 1`` in one numpy step each, which gives every pair of a small bucket and
    the chain of a large one; the star of a large bucket is added apart.
    """
    parts: list[np.ndarray] = []
    compacted = 0
    for order, group in _band_groups(sigs, threshold, num_perm):
        n = len(order)
        if n < 2:
            continue
        cuts = np.flatnonzero(np.diff(group)) + 1
        starts = np.concatenate(([0], cuts))
        sizes = np.diff(np.concatenate((starts, [n])))
        size = np.repeat(sizes, sizes)  # the size of each row's bucket
        # Most rows are alone in their bucket: the pairing steps run over the others only.
        shared = size > 1
        order, group, size = order[shared], group[shared], size[shared]
        starts = np.searchsorted(np.flatnonzero(shared), starts[sizes > 1])
        sizes = sizes[sizes > 1]
        n = len(order)
        if n < 2:
            continue
        for d in range(1, max(2, min(max_bucket, int(sizes.max())))):
            same = group[d:] == group[:-d]
            if d > 1:
                same &= size[d:] <= max_bucket
            at = np.flatnonzero(same)
            if len(at):
                parts.append(np.stack((order[at], order[at + d]), axis=1))
        for s in np.flatnonzero(sizes > max_bucket):
            members = order[starts[s] : starts[s] + sizes[s]]
            parts.append(np.stack((np.full(len(members) - 2, members[0]), members[2:]), axis=1))
        # Pairs found in earlier bands are dropped as we go, so memory follows distinct pairs (at
        # most three times their number: compacting at every band once they pass 4 million
        # sorted them all again 20 times).
        if len(parts) > 1 and sum(len(p) for p in parts) > max(4_000_000, 3 * compacted):
            parts = [_distinct_pairs(np.concatenate(parts), len(sigs))]
            compacted = len(parts[0])
    if not parts:
        return np.zeros((0, 2), dtype=np.int64)
    return _distinct_pairs(np.concatenate(parts), len(sigs))


def _distinct_pairs(pairs: np.ndarray, n: int) -> np.ndarray:
    pairs = pairs.astype(np.int64)
    width = np.int64(n)
    codes = distinct(pairs[:, 0] * width + pairs[:, 1])
    return np.stack((codes // width, codes % width), axis=1)


def estimated_jaccard(sigs: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The Jaccard similarity each pair's signatures estimate (share of equal values)."""
    if len(pairs) == 0:
        return np.zeros(0)
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), 50_000):
        p = pairs[start : start + 50_000]
        out[start : start + len(p)] = (sigs[p[:, 0]] == sigs[p[:, 1]]).mean(axis=1)
    return out


def shared_values(sigs: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """How many signature values each pair shares (0 where either set is empty)."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.int64)
    empty = (sigs == np.iinfo(np.uint32).max).all(axis=1)
    out = np.empty(len(pairs), dtype=np.int64)
    for start in range(0, len(pairs), 50_000):
        p = pairs[start : start + 50_000]
        out[start : start + len(p)] = (sigs[p[:, 0]] == sigs[p[:, 1]]).sum(axis=1)
    out[empty[pairs[:, 0]] | empty[pairs[:, 1]]] = 0
    return out


def index_pairs(sigs: np.ndarray, threshold: float, num_perm: int, seed: int) -> set[tuple[int, int]]:
    """Candidate pairs from a ``datasketch.MinHashLSH`` index: every two keys sharing a bucket.

    Used for whole articles (few enough to insert), and by the test that checks the numpy banding
    gives the same pairs.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for i, sig in enumerate(sigs):
            session.insert(i, lean(sig, seed), check_duplication=False)
    found: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for key, count in table.itemcounts().items():
            if count < 2:
                continue
            members = sorted(table.get(key))
            found.update((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
    return found
