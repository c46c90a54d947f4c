"""The review tables (migration 0006) on SQLite and PostgreSQL: accounts, sessions, tokens,
reviews appended with their state, the dashboard's queries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from headcount.errors import InputError
from headcount.store import dashboard as browse
from headcount.store.reviews import ReviewStore
from tests.conftest import SAMPLES


@pytest.fixture
def filled(ledger):
    from headcount import ingest

    ingest(ledger, sorted((SAMPLES / "en").glob("*.txt")))
    return ledger


def test_accounts_sessions_and_tokens(filled):
    store = ReviewStore(filled.engine)
    account = store.add_user("ana", "$argon2id$fake")
    with pytest.raises(InputError, match="exists already"):
        store.add_user("ana", "$argon2id$other")
    found = store.user("ana")
    assert found is not None and found[0].id == account.id and found[1] == "$argon2id$fake"
    store.open_session(account.id, "a" * 64, "csrf-1", datetime.now(UTC) + timedelta(days=1))
    store.open_session(account.id, "b" * 64, "csrf-2", datetime.now(UTC) - timedelta(seconds=1))
    live = store.session("a" * 64)
    assert live is not None and live[0].name == "ana" and live[1] == "csrf-1"
    assert store.session("b" * 64) is None  # expired
    store.close_session("a" * 64)
    assert store.session("a" * 64) is None
    store.add_token(account.id, "c" * 64, "ci")
    token = store.token("c" * 64)
    assert token is not None and token.name == "ana"
    assert store.token("d" * 64) is None
    store.set_password("ana", "$argon2id$new")
    assert store.user("ana")[1] == "$argon2id$new"


def test_reviews_append_and_set_the_state(filled):
    store = ReviewStore(filled.engine)
    account = store.add_user("ana", "$argon2id$fake")
    claims = filled.claims()
    first, second = claims[0], claims[1]
    before = store.version()
    store.add_review(
        user_id=account.id, article_id=first.article_id, claim_id=first.id, action="accept",
        changes={}, reason=None, note="ok",
    )  # fmt: skip
    store.add_review(
        user_id=account.id, article_id=first.article_id, claim_id=first.id, action="correct",
        changes={"low": 5.0}, reason=None, note="",
    )  # fmt: skip
    store.add_review(
        user_id=account.id, article_id=second.article_id, claim_id=second.id, action="reject",
        changes={}, reason="not_a_claim", note="",
    )  # fmt: skip
    added = store.add_review(
        user_id=account.id, article_id=first.article_id, claim_id=None, action="add",
        changes={"figure": "7", "start": 0, "end": 1}, reason=None, note="missed",
    )  # fmt: skip
    assert store.version() == (before[0] + 4, added)
    history = store.for_claims([first.id, second.id])
    assert [r.action for r in history[first.id]] == ["accept", "correct"]
    assert history[first.id][1].changes == {"low": 5.0} and history[first.id][0].reviewer == "ana"
    assert [r.action for r in store.added()] == ["add"]
    assert filled.claim(first.id).claim == first.claim  # the machine's claim is untouched

    def ids(state):
        return {
            r.id for r in browse.claims_page(filled.engine, browse.ClaimFilters(state=state), limit=100)[0]
        }

    assert ids("corrected") == {first.id} and ids("rejected") == {second.id}
    assert ids("reviewed") == {first.id, second.id}
    assert first.id not in ids("unreviewed") and len(ids("unreviewed")) == len(claims) - 2


def test_dashboard_queries(filled):
    engine = filled.engine
    counts = browse.series_counts(engine)
    assert sum(n for _, _, n in counts) == len(filled.claims())
    metric, side, n = counts[0]
    assert browse.series_size(engine, metric, side) == n
    page, more = browse.claims_page(engine, browse.ClaimFilters(metric=metric, side=side), limit=n)
    assert len(page) == n and not more
    found, _ = browse.claims_page(engine, browse.ClaimFilters(search="deserted", metric="desertion"))
    assert found and all("deserted" in r.claim.quote.lower() for r in found)
    assert browse.count_claims(engine, browse.ClaimFilters(), cap=2) == (2, True)
    assert browse.count_claims(engine, browse.ClaimFilters(search="deserted"), cap=1000) == (
        len(found),
        False,
    )
    assert browse.distinct_claimants(engine)
    assert browse.version(engine)[2] == max(r.id for r in filled.claims())
    articles, _ = browse.articles_page(engine, search="deserted")
    assert articles
