"""Writing the ledger: what is stored equals what the extractor says, once, in one transaction."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from headcount import EXTRACTOR, StoreError, errors, extract_claims, ingest, read_article
from headcount.store import body_hash


def _ingest(ledger, paths):  # type: ignore[no-untyped-def]
    return ingest(ledger, [str(p) for p in paths])


def test_stored_claims_equal_the_extractors(ledger, sample_paths: list[Path]) -> None:
    summary = _ingest(ledger, sample_paths)
    expected = {p.name: extract_claims(read_article(p)) for p in sample_paths}
    assert summary.new == len(sample_paths)
    assert summary.claims == sum(len(c) for c in expected.values())
    assert summary.rejections == ()
    stored = ledger.articles()
    assert sorted(a.article.doc for a in stored) == sorted(expected)
    for article in stored:
        claims = [r.claim for r in ledger.claims(article_id=article.id)]
        assert claims == expected[article.article.doc]
        assert article.claim_count == len(claims)
        assert article.extractor == EXTRACTOR
        assert article.article == read_article(article.article.source)
    assert ledger.check() == []


def test_ingesting_again_changes_nothing_and_says_so(ledger, sample_paths: list[Path]) -> None:
    _ingest(ledger, sample_paths)
    before = ledger.counts()
    ids = [r.id for r in ledger.claims()]
    again = _ingest(ledger, sample_paths)
    assert (again.new, again.unchanged, again.claims) == (0, len(sample_paths), 0)
    assert ledger.counts() == before
    assert [r.id for r in ledger.claims()] == ids
    runs = ledger.runs()
    assert [(r["articles_new"], r["articles_unchanged"]) for r in runs] == [
        (0, len(sample_paths)),
        (len(sample_paths), 0),
    ]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Soldiers left.\n\nMore text.", "Soldiers  left.\r\n\r\nMore text.\n", True),
        ("Café owners", "Cafe\u0301 owners", True),  # composed and decomposed é
        ("ﬁve soldiers", "five soldiers", True),  # a ligature, NFKC
        ("Soldiers left.", "Soldiers stayed.", False),
        ("Soldiers left.", "soldiers left.", False),  # case is content
    ],
)
def test_body_hash_ignores_spacing_and_unicode_form(first: str, second: str, same: bool) -> None:
    assert (body_hash(first) == body_hash(second)) is same


def test_the_same_body_from_two_files_is_one_article(ledger, tmp_path: Path, sample_paths) -> None:
    text = sample_paths[0].read_text(encoding="utf-8")
    _header, body = text.split("---\n", 2)[1:]
    a = tmp_path / "a.txt"
    a.write_text(text, encoding="utf-8")
    b = tmp_path / "b.txt"  # no front matter, re-wrapped with Windows line endings
    b.write_text(body.replace("\n", "\r\n"), encoding="utf-8")
    summary = _ingest(ledger, [a, b])
    assert (summary.new, summary.unchanged) == (1, 1)
    assert ledger.counts()["articles"] == 1


def test_reextract_replaces_current_claims_and_keeps_history(ledger, sample_paths) -> None:
    path = sample_paths[0]
    article = read_article(path)
    current = extract_claims(article)
    assert current, "the sample must yield claims for this test to mean anything"
    old = [dataclasses.replace(c, extractor="headcount.extract.v0", claimant="old claimant") for c in current]
    first = ledger.add(article, old[:-1], extractor="headcount.extract.v0")
    assert first.status == "new"

    plain = _ingest(ledger, [path])
    assert (plain.unchanged, plain.reextracted, plain.claims) == (1, 0, 0)
    assert any("--reextract" in note for note in plain.notes)
    assert [r.claim for r in ledger.claims()] == old[:-1]

    redone = ingest(ledger, [str(path)], reextract=True)
    assert (redone.reextracted, redone.claims) == (1, len(current))
    assert [r.claim for r in ledger.claims()] == current
    history = ledger.claims(history=True)
    assert [r.claim for r in history if not r.current] == old[:-1]
    assert ledger.article(first.article_id).extractor == EXTRACTOR
    assert ledger.counts() == {
        "articles": 1,
        "extractions": 2,
        "claims": len(current),
        "claims_all": len(current) + len(old) - 1,
    }
    # Nothing newer to do: a second --reextract leaves it as it is.
    again = ingest(ledger, [str(path)], reextract=True)
    assert (again.unchanged, again.reextracted) == (1, 0)
    # Back to the old version: its extraction becomes current again, not a copy of it.
    back = ledger.add(article, old, extractor="headcount.extract.v0", reextract=True)
    assert (back.status, back.claims) == ("reextracted", len(old) - 1)
    assert ledger.counts()["extractions"] == 2
    assert ledger.check() == []


def test_an_article_and_its_claims_are_stored_together_or_not_at_all(ledger, sample_paths) -> None:
    article = read_article(sample_paths[0])
    claims = extract_claims(article)
    broken = [*claims[:-1], dataclasses.replace(claims[-1], quote=None)]  # violates NOT NULL
    with pytest.raises(StoreError) as caught:
        ledger.add(article, broken, extractor=EXTRACTOR)
    assert caught.value.code == errors.DB_WRITE
    assert str(sample_paths[0]) in str(caught.value)
    assert ledger.counts() == {"articles": 0, "extractions": 0, "claims": 0, "claims_all": 0}
    assert ledger.add(article, claims, extractor=EXTRACTOR).status == "new"
    assert ledger.counts()["claims"] == len(claims)


def test_rejections_are_recorded_with_the_run(ledger, tmp_path: Path, sample_paths) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    summary = _ingest(ledger, [sample_paths[0], empty])
    assert [(r.source, r.code) for r in summary.rejections] == [(str(empty), errors.EMPTY)]
    run = ledger.runs()[0]
    assert run["rejected"] == 1
    assert run["rejections"] == [
        {"source": str(empty), "line": None, "code": errors.EMPTY, "reason": "the file is empty"}
    ]
    assert run["sources"] == [str(sample_paths[0]), str(empty)]
    assert run["finished_at"] is not None


def test_progress_is_reported_per_input(ledger, sample_paths) -> None:
    seen: list[tuple[int, int, str]] = []
    ingest(ledger, [str(p) for p in sample_paths], on_progress=lambda d, t, loc: seen.append((d, t, loc)))
    n = len(sample_paths)
    assert seen == [(0, n, ""), *((i + 1, n, str(p)) for i, p in enumerate(sample_paths))]


def test_lookups_by_id(ledger, sample_paths) -> None:
    _ingest(ledger, sample_paths)
    first = ledger.claims()[0]
    assert ledger.claim(first.id) == first
    article = ledger.article(first.article_id)
    assert article.article.body[first.claim.start : first.claim.end] == first.claim.figure
    for missing in (lambda: ledger.claim(10**6), lambda: ledger.article(10**6)):
        with pytest.raises(StoreError) as caught:
            missing()
        assert caught.value.code == errors.NOT_IN_LEDGER


def test_to_pandas_has_one_row_per_claim(ledger, sample_paths) -> None:
    pytest.importorskip("pandas")
    _ingest(ledger, sample_paths)
    records = ledger.claims(metric="desertion")
    frame = records.to_pandas()
    assert list(frame["id"]) == [r.id for r in records]
    assert set(frame["metric"]) <= {"desertion"}
    assert str(frame["published"].dtype).startswith("datetime64")


def _refuse_source(ledger, source: str) -> None:  # type: ignore[no-untyped-def]
    """Make the database itself refuse one article (a trigger raising an error), as a full disk
    or a constraint the code does not know about would: the failure comes from the server, in
    the middle of storing a group of articles."""
    quoted = source.replace("'", "''")
    with ledger.engine.begin() as conn:
        if ledger.backend == "sqlite":
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_victim BEFORE INSERT ON articles "
                f"WHEN new.source = '{quoted}' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_victim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF new.source = '{quoted}' THEN RAISE EXCEPTION 'disk full'; END IF; "
                "RETURN new; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_victim BEFORE INSERT ON articles "
                "FOR EACH ROW EXECUTE FUNCTION refuse_victim()"
            )


def test_a_store_failure_on_one_article_is_a_rejection_and_the_rest_goes_in(ledger, sample_paths) -> None:
    victim = str(sample_paths[1])
    _refuse_source(ledger, victim)
    summary = _ingest(ledger, sample_paths)
    assert [(r.source, r.code) for r in summary.rejections] == [(victim, errors.DB_WRITE)]
    assert "disk full" in summary.rejections[0].reason
    assert summary.new == len(sample_paths) - 1
    assert sorted(a.article.source for a in ledger.articles()) == sorted(
        str(p) for p in sample_paths if str(p) != victim
    )
    assert summary.claims == ledger.counts()["claims"]
    assert ledger.check() == []


def test_a_group_of_articles_is_stored_whole_and_a_bad_one_alone_is_refused(ledger, sample_paths) -> None:
    """Writer.add_many: one transaction for the group; copies (held already, or twice in the
    group) are unchanged; a failure in the database rolls the group back and stores the others
    one by one."""
    articles = [read_article(p) for p in sample_paths]
    found = [extract_claims(a) for a in articles]
    with ledger.writer() as writer:
        first = writer.add_many(list(zip(articles[:2], found[:2], strict=True)), extractor=EXTRACTOR)
        assert [o.status for o in first] == ["new", "new"]
        _refuse_source(ledger, articles[3].source)
        group = [(a, f) for a, f in zip(articles, found, strict=True)] + [(articles[2], found[2])]
        outcomes = writer.add_many(group, extractor=EXTRACTOR)
    statuses = [getattr(o, "status", "error") for o in outcomes]
    # held already, held already, new, refused, new …, and the copy of the third article
    assert statuses == ["unchanged", "unchanged", "new", "error"] + ["new"] * (len(articles) - 4) + [
        "unchanged"
    ]
    refused = outcomes[3]
    assert isinstance(refused, StoreError) and refused.code == errors.DB_WRITE
    assert outcomes[-1].article_id == outcomes[2].article_id  # type: ignore[union-attr]
    held = {a.article.source: a for a in ledger.articles()}
    assert sorted(held) == sorted(a.source for i, a in enumerate(articles) if i != 3)
    for article, claims in zip(articles, found, strict=True):
        if article.source in held:
            stored = [r.claim for r in ledger.claims(article_id=held[article.source].id)]
            assert stored == list(claims)
    assert ledger.check() == []


def test_an_unexpected_store_error_stops_the_ingest(
    ledger, sample_paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headcount.store.ledger import Writer

    def broken_add(self, *args, **kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Writer, "add", broken_add)
    monkeypatch.setattr(Writer, "add_many", broken_add)
    with pytest.raises(RuntimeError, match="went away"):
        _ingest(ledger, sample_paths)
    assert ledger.counts()["articles"] == 0


def test_an_ingest_commits_articles_in_groups(ledger, make_variants) -> None:
    """What keeps storing cheap: new articles go in a group at a time, not one commit each
    (the bound is loose: a group closes early when extraction is slow)."""
    from sqlalchemy import event

    paths = make_variants(40)
    commits: list[int] = []
    event.listen(ledger.engine, "commit", lambda conn: commits.append(1))
    summary = _ingest(ledger, paths)
    assert summary.new == len(paths) and summary.rejections == ()
    # The run's own rows (start, finish) and at least two groups; never one commit per article.
    assert 4 <= len(commits) <= 12, f"{len(commits)} commits for {len(paths)} articles"
    assert ledger.counts()["articles"] == len(paths)
    assert ledger.check() == []
