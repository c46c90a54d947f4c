"""MinHash and LSH: the numpy paths equal datasketch's own, value for value and pair for pair."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from headcount.narratives.minhash import bands, candidate_pairs, index_pairs, signatures
from headcount.narratives.republications import shingles
from headcount.narratives.settings import default_settings
from headcount.narratives.text import read_corpus, sentence_spans


def random_sets(n: int, seed: int = 7) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    sets = [
        rng.integers(0, 2**32, size=int(rng.integers(1, 40)), dtype=np.uint64).astype(np.uint32)
        for _ in range(n)
    ]
    for i in range(0, n // 2, 2):  # plant similar pairs: two thirds of one set plus a few others
        sets[i + 1] = np.unique(np.concatenate([sets[i][: len(sets[i]) * 2 // 3 + 1], sets[i + 1][:4]]))
    return sets


def flat(sets: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.concatenate(([0], np.cumsum([len(s) for s in sets]))).astype(np.int64)
    return np.concatenate(sets), offsets


@pytest.mark.parametrize(("num_perm", "seed"), [(64, 1), (128, 3)])
def test_signatures_equal_datasketch(num_perm: int, seed: int) -> None:
    sets = random_sets(60)
    sigs = signatures(*flat(sets), num_perm, seed)
    for i, values in enumerate(sets):
        m = MinHash(num_perm=num_perm, seed=seed, scheme="affine32", hashfunc=lambda x: x)
        m.update_batch([int(v) for v in values])
        assert np.array_equal(sigs[i], m.hashvalues), i


def test_signatures_of_many_sets_span_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import headcount.narratives.minhash as minhash

    sets = random_sets(200)
    whole = signatures(*flat(sets), 64, 1)
    monkeypatch.setattr(minhash, "CHUNK", 50)
    assert np.array_equal(signatures(*flat(sets), 64, 1), whole)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_numpy_banding_finds_the_pairs_datasketchs_index_finds(threshold: float) -> None:
    sigs = signatures(*flat(random_sets(400)), 64, 1)
    ours = {tuple(p) for p in candidate_pairs(sigs, threshold, 64, max_bucket=10_000).tolist()}
    assert ours == index_pairs(sigs, threshold, 64, 1)
    assert ours  # the planted pairs are found
    assert bands(threshold, 64)[0] * bands(threshold, 64)[1] <= 64


def test_article_banding_finds_the_pairs_datasketchs_index_finds() -> None:
    """Whole articles: 128 permutations, threshold 0.5, with buckets under the article cap."""
    settings = default_settings()
    num_perm, threshold = settings.article_num_perm, settings.article_threshold
    sigs = signatures(*flat(random_sets(600, seed=11)), num_perm, settings.seed)
    ours = {tuple(p) for p in candidate_pairs(sigs, threshold, num_perm, max_bucket=50).tolist()}
    assert ours == index_pairs(sigs, threshold, num_perm, settings.seed)
    assert len(ours) >= 100  # the planted pairs are found


def test_a_huge_bucket_is_chained_not_squared() -> None:
    sigs = np.zeros((500, 64), dtype=np.uint32)  # 500 identical signatures: one bucket per band
    pairs = candidate_pairs(sigs, 0.5, 64, max_bucket=100)
    assert len(pairs) == 2 * 500 - 3  # a chain (499) and a star from the first (498), once each


def test_sentences_split_at_ends_and_line_breaks() -> None:
    body = 'Mr. Putin said so. Gen. Ivanov agreed!\nA headline without a stop\nThen the U.S. said "no." Next?'
    assert [body[s:e] for s, e in sentence_spans(body)] == [
        "Mr. Putin said so.",
        "Gen. Ivanov agreed!",
        "A headline without a stop",
        'Then the U.S. said "no."',
        "Next?",
    ]


@pytest.mark.parametrize(
    ("body", "sentences"),
    [
        ("  Indented line.  \r\n\n\n  Next one  \n", ["Indented line.", "Next one"]),
        (
            "Capt. Lee and Prof. Ng met Mrs. Ode. St. Louis fell.",
            ["Capt. Lee and Prof. Ng met Mrs. Ode.", "St. Louis fell."],
        ),
        (
            "It ended... Then 300 left. (Maybe more.) \u00abNo\u00bb",
            ["It ended...", "Then 300 left.", "(Maybe more.) \u00abNo\u00bb"],
        ),
        ('He said "enough."   \nWhat next?! "We go."', ['He said "enough."', "What next?!", '"We go."']),
        ("lower case after a stop. stays one", ["lower case after a stop. stays one"]),
        ("Погибли 300 человек. Ещё 20 пропали.", ["Погибли 300 человек.", "Ещё 20 пропали."]),
        ("   \n \t\n", []),
    ],
)
def test_sentence_ends_spaces_and_abbreviations(body: str, sentences: list[str]) -> None:
    spans = list(sentence_spans(body))
    assert [body[s:e] for s, e in spans] == sentences
    assert all(not body[s].isspace() and not body[e - 1].isspace() for s, e in spans)


def test_shingles_hash_the_same_whatever_the_order_texts_come_in() -> None:
    from headcount.narratives import Document

    a = Document(1, "a", "One two three four five six seven.")
    b = Document(2, "b", "Seven six five four three two one, and one two three four five.")
    forward, backward = read_corpus([a, b], frozenset()), read_corpus([b, a], frozenset())
    h1 = shingles(forward.vocabulary.hashes()[forward.doc_tokens(0)], 5)
    h2 = shingles(backward.vocabulary.hashes()[backward.doc_tokens(1)], 5)
    assert np.array_equal(h1, h2) and len(h1) == 3
