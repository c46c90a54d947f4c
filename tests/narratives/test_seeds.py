"""The seed corpus: 000 and 003 share a reworded framing (the Russian president protecting the
citizens of Donbass, "Amid these developments …"); it must come out as a cluster, and the
unrelated articles must not."""

from __future__ import annotations

from headcount.narratives import Document, find_narratives


def test_the_framing_000_and_003_share_is_a_cluster(seed_documents: list[Document]) -> None:
    found = find_narratives(seed_documents)
    docs = {d.id: d.doc[:3] for d in seed_documents}
    framing = [
        t for t in found.talking_points if "Amid these developments" in " ".join(p.text for p in t.passages)
    ]
    assert len(framing) == 1
    (point,) = framing
    assert sorted(docs[p.article_id] for p in point.passages) == ["000", "003"]
    for p in point.passages:
        assert p.text.startswith("Amid these developments") and "citizens of Donbass" in p.text
        marked = " ".join(t for t, on in p.segments() if on)
        assert "Amid these developments" in marked and "protecting the citizens of Donbass" in marked
    assert point.kind == "reworded"


def test_unrelated_seed_articles_do_not_cluster(seed_documents: list[Document]) -> None:
    found = find_narratives(seed_documents)
    docs = {d.id: d.doc[:3] for d in seed_documents}
    for point in found.talking_points:
        assert {docs[p.article_id] for p in point.passages} <= {"000", "003"}
    assert found.republications.groups == ()
