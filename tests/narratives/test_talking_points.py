"""Talking points: passages repeated across articles, verbatim or lightly reworded, clustered with
their outlets and dates; unrelated articles on the same subject stay out."""

from __future__ import annotations

import dataclasses

import pytest

from headcount.narratives import Document, default_settings, find_narratives


def by_doc(documents: list[Document]) -> dict[str, int]:
    return {d.doc: d.id for d in documents}


def test_a_talking_point_in_three_outlets_is_one_cluster(texts: list[Document]) -> None:
    ids = by_doc(texts)
    found = find_narratives(texts)
    (point,) = found.talking_points
    assert [p.doc for p in point.passages] == [
        "a1_north_wire.txt",
        "a2_harbour_post.txt",
        "a3_steppe_daily.txt",
    ]
    assert point.outlets == ["Harbour Post", "North Wire", "Steppe Daily"] and point.articles == 3
    assert str(point.first_seen) == "2025-03-01"
    for p in point.passages:
        assert "coordinated foreign campaign" in p.text
        assert p.text == next(d.body for d in texts if d.id == p.article_id)[p.start : p.end]
    assert ids["a4_valley_times.txt"] not in {p.article_id for p in point.passages}


def test_shared_words_are_marked_and_rewordings_are_not(texts: list[Document]) -> None:
    (point,) = find_narratives(texts).talking_points
    first, reworded, reordered = point.passages
    shared = [text for text, on in reworded.segments() if on]
    assert any("coordinated foreign campaign to" in s for s in shared)
    assert ("weaken", False) in [(t.strip(), on) for t, on in reworded.segments()]
    assert ("undermine", False) in [(t.strip(), on) for t, on in first.segments()]
    assert "".join(t for t, _ in reordered.segments()) == reordered.text
    assert any("officials in the capital" in t.lower() for t, on in reordered.segments() if on)


def test_a_republished_article_is_a_copy_not_another_voice(texts: list[Document]) -> None:
    ids = by_doc(texts)
    found = find_narratives(texts)
    assert found.republications.copy_of == {ids["a5_aggregator.txt"]: ids["a1_north_wire.txt"]}
    (group,) = found.republications.groups
    assert group.original.outlet == "North Wire" and group.copies[0].similarity >= 0.8
    (point,) = found.talking_points
    assert ids["a5_aggregator.txt"] not in {p.article_id for p in point.passages}
    assert point.passages[0].copies == (ids["a5_aggregator.txt"],)


def test_one_outlets_own_furniture_is_not_a_talking_point(texts: list[Document]) -> None:
    found = find_narratives(texts)
    assert not any("views expressed" in p.text for t in found.talking_points for p in t.passages)
    # the same disclaimer in two outlets is a repeated passage after all
    moved = [
        dataclasses.replace(d, outlet="Other Times") if d.doc == "a7_valley_times.txt" else d for d in texts
    ]
    assert any("views expressed" in p.text for t in find_narratives(moved).talking_points for p in t.passages)


def test_unrelated_articles_on_one_subject_do_not_cluster(texts: list[Document]) -> None:
    alone = [d for d in texts if d.doc in ("a1_north_wire.txt", "a4_valley_times.txt", "a6_valley_times.txt")]
    assert find_narratives(alone).talking_points == ()


def test_the_thresholds_are_settings(texts: list[Document]) -> None:
    # a2 shares 16 of its 18 content words with a1 (0.89); with a 0.9 floor it drops out
    strict = dataclasses.replace(default_settings(), min_score=0.9)
    (point,) = find_narratives(texts, strict).talking_points
    assert [p.doc for p in point.passages] == ["a1_north_wire.txt", "a3_steppe_daily.txt"]


def test_json_form(texts: list[Document]) -> None:
    data = find_narratives(texts).to_dict()
    assert data["documents"] == len(texts)
    (point,) = data["talking_points"]
    assert point["kind"] in ("copied", "reworded") and len(point["passages"]) == 3
    assert all(isinstance(m, list) and len(m) == 2 for m in point["passages"][0]["marks"])
    assert data["republished"][0]["copies"][0]["doc"] == "a5_aggregator.txt"


def test_empty_and_tiny_inputs() -> None:
    assert find_narratives([]).talking_points == ()
    one = Document(1, "x.txt", "Too short.")
    assert find_narratives([one, dataclasses.replace(one, id=2)]).talking_points == ()


def test_verbatim_units_by_hash_equal_the_exact_grouping() -> None:
    """The numpy grouping of identical units (hashes, checked word for word) gives what a dict of
    their words gives: texts in order of first appearance, units in order within each."""
    import numpy as np

    from headcount.narratives.talking_points import _verbatim, _verbatim_by_dict

    rng = np.random.default_rng(5)
    repeats = 0
    for _ in range(30):
        lengths = rng.integers(1, 6, size=int(rng.integers(1, 200)))
        tokens = rng.integers(0, 3, size=int(lengths.sum())).astype(np.int32)  # many repeats
        stops = np.cumsum(lengths)
        fast, exact = (
            _verbatim(tokens, stops - lengths, stops),
            _verbatim_by_dict(tokens, stops - lengths, stops),
        )
        assert all(np.array_equal(x, y) for x, y in zip(fast, exact, strict=True))
        repeats += len(lengths) - len(fast[0])
    assert repeats > 100  # the tables were full of repeats, and they were found


def test_a_hash_collision_falls_back_to_the_exact_grouping(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from headcount.narratives import talking_points

    tokens = np.array([1, 2, 3, 1, 2, 3, 4, 5, 6], dtype=np.int32)
    starts, stops = np.array([0, 3, 6]), np.array([3, 6, 9])
    monkeypatch.setattr(talking_points, "_sequence_keys", lambda *_: np.zeros(3, dtype=np.uint64))
    first, order, occ_start = talking_points._verbatim(tokens, starts, stops)
    assert first.tolist() == [0, 2] and order.tolist() == [0, 1, 2] and occ_start.tolist() == [0, 2, 3]
