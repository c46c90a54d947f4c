"""The numpy paths of the passage comparison give what the plain ones give, pair for pair."""

from __future__ import annotations

import numpy as np
import pytest

from headcount.narratives.minhash import _grouped, _grouped_stable
from headcount.narratives.similarity import Prepared, compare_many, compare_prepared


def spans(rng: np.random.Generator, n: int, vocab: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Word-id sequences of 0–30 words from a small vocabulary (so runs repeat), with planted
    shared stretches, laid end to end in one token array."""
    seqs = [rng.integers(0, vocab, size=int(rng.integers(0, 31))) for _ in range(n)]
    for i in range(0, n - 1, 3):  # every third pair shares a stretch of the first
        take = seqs[i][: int(rng.integers(0, len(seqs[i]) + 1))]
        seqs[i + 1] = np.concatenate([seqs[i + 1][:3], take, seqs[i + 1][3:]])
    tokens = np.concatenate(seqs).astype(np.int32) if seqs else np.zeros(0, np.int32)
    bounds = np.concatenate(([0], np.cumsum([len(s) for s in seqs])))
    return tokens, [(int(bounds[i]), int(bounds[i + 1])) for i in range(n)]


@pytest.mark.parametrize(("k", "vocab", "seed"), [(3, 12, 1), (3, 40, 2), (2, 8, 3), (4, 6, 4)])
def test_compare_many_equals_compare_prepared(k: int, vocab: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    tokens, places = spans(rng, 120, vocab)
    content = rng.random(vocab) < 0.7  # the rest are stopwords
    stop = frozenset(np.flatnonzero(~content).tolist())
    planted = np.array([(i, i + 1) for i in range(0, len(places) - 1, 3)])
    pairs = np.concatenate([rng.integers(0, len(places), size=(600, 2)), planted])
    a = (np.array([places[i][0] for i in pairs[:, 0]]), np.array([places[i][1] for i in pairs[:, 0]]))
    b = (np.array([places[j][0] for j in pairs[:, 1]]), np.array([places[j][1] for j in pairs[:, 1]]))
    shared, score = compare_many(tokens, content, a, b, k)
    hits = 0
    for x, (i, j) in enumerate(pairs.tolist()):
        one = Prepared(tokens[places[i][0] : places[i][1]].tolist(), stop, k)
        two = Prepared(tokens[places[j][0] : places[j][1]].tolist(), stop, k)
        match = compare_prepared(one, two, k)
        assert (int(shared[x]), float(score[x])) == (match.shared, match.score), (i, j)
        hits += match.shared > 0
    assert hits > 30  # the planted stretches were found, not only empty matches compared


def test_compare_many_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    import headcount.narratives.similarity as similarity

    rng = np.random.default_rng(9)
    tokens, places = spans(rng, 80, 10)
    content = np.ones(10, dtype=np.bool_)
    a = (np.array([p[0] for p in places[:-1]]), np.array([p[1] for p in places[:-1]]))
    b = (np.array([p[0] for p in places[1:]]), np.array([p[1] for p in places[1:]]))
    whole = compare_many(tokens, content, a, b, 3)
    monkeypatch.setattr(similarity, "_BLOCK_WORDS", 25)  # a block of a pair or two
    blocked = compare_many(tokens, content, a, b, 3)
    assert np.array_equal(whole[0], blocked[0]) and np.array_equal(whole[1], blocked[1])
    assert whole[0].sum() > 0


def test_band_grouping_equals_a_stable_sort() -> None:
    rng = np.random.default_rng(5)
    column = rng.integers(0, 50, size=5000).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    order, group = _grouped(column)
    expected_order, expected_group = _grouped_stable(column)
    assert np.array_equal(order, expected_order) and np.array_equal(group, expected_group)


def test_band_keys_equal_in_their_high_bits_fall_back_to_the_exact_sort() -> None:
    # Keys differing only in the low bits the row number takes: packed, they would interleave.
    column = np.array([5, 4, 5, 4, 7, 4], dtype=np.uint64) | (np.uint64(1) << np.uint64(40))
    order, group = _grouped(column)
    assert order.tolist() == [1, 3, 5, 0, 2, 4]
    assert group.tolist() == [0, 0, 0, 1, 1, 2]
