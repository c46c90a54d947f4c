"""Accounts, sessions, API tokens and reviews: the dashboard's writes (migration 0006).

Reviews are appended, never updated or deleted: a claim's history is its rows in order.
``review_states`` (the latest decision per claim) is written in the same transaction as the
review, so the two cannot disagree. Secrets (session ids, API tokens) are stored as SHA-256
hashes: the random token handed out is the only copy; passwords arrive already hashed (argon2,
``headcount.web.auth``) — this module never sees one in clear.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from headcount import errors
from headcount.errors import InputError, StoreError
from headcount.reviews import Account, Review
from headcount.store.engine import write_connection
from headcount.store.tables import metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("active", Boolean, nullable=False),
)
sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("label", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE")),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(16), nullable=False),
    Column("changes", Text, nullable=False),
    Column("reason", String(32)),
    Column("note", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_reviews_claim_id", "claim_id"),
    Index("ix_reviews_article_id", "article_id"),
)
review_states = Table(
    "review_states",
    metadata,
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("review_id", Integer, ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False),
    Index("ix_review_states_state", "state", "claim_id"),
)

_STATE = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


class ReviewStore:
    """Reads and writes of the review tables of one ledger's engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- accounts -----------------------------------------------------------------------------

    def add_user(self, name: str, password_hash: str) -> Account:
        now = datetime.now(UTC)
        try:
            with write_connection(self.engine) as conn, conn.begin():
                user_id = conn.execute(
                    insert(users)
                    .values(name=name, password_hash=password_hash, created_at=now, active=True)
                    .returning(users.c.id)
                ).scalar_one()
        except IntegrityError:
            raise InputError(
                name, "an account with this name exists already", code=errors.BAD_FIELD
            ) from None
        return Account(user_id, name, now)

    def set_password(self, name: str, password_hash: str) -> None:
        with write_connection(self.engine) as conn, conn.begin():
            done = conn.execute(update(users).where(users.c.name == name).values(password_hash=password_hash))
            if not done.rowcount:
                raise InputError(
                    name, "no such account; create it with `headcount user add`", code=errors.BAD_FIELD
                )
            # A new password ends every session of the old one.
            user_id = conn.execute(select(users.c.id).where(users.c.name == name)).scalar_one()
            conn.execute(delete(sessions).where(sessions.c.user_id == user_id))

    def user(self, name: str) -> tuple[Account, str] | None:
        """The active account of ``name`` and its password hash."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name, users.c.active.is_(True))).first()
        if row is None:
            return None
        return Account(row.id, row.name, _aware(row.created_at), row.active), row.password_hash

    def users(self) -> list[Account]:
        with self.engine.connect() as conn:
            return [
                Account(r.id, r.name, _aware(r.created_at), r.active)
                for r in conn.execute(select(users).order_by(users.c.name))
            ]

    # --- sessions and tokens ------------------------------------------------------------------

    def open_session(self, user_id: int, token_hash: str, csrf: str, expires_at: datetime) -> None:
        now = datetime.now(UTC)
        with write_connection(self.engine) as conn, conn.begin():
            conn.execute(delete(sessions).where(sessions.c.expires_at < now))
            conn.execute(
                insert(sessions).values(
                    token_hash=token_hash, user_id=user_id, csrf=csrf, created_at=now, expires_at=expires_at
                )
            )

    def session(self, token_hash: str) -> tuple[Account, str] | None:
        """The account signed in with this session and the session's CSRF token, if it is live."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users.c.id, users.c.name, users.c.created_at, sessions.c.csrf, sessions.c.expires_at)
                .select_from(sessions.join(users, users.c.id == sessions.c.user_id))
                .where(sessions.c.token_hash == token_hash, users.c.active.is_(True))
            ).first()
        if row is None or _aware(row.expires_at) < datetime.now(UTC):
            return None
        return Account(row.id, row.name, _aware(row.created_at)), row.csrf

    def close_session(self, token_hash: str) -> None:
        with write_connection(self.engine) as conn, conn.begin():
            conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash))

    def add_token(self, user_id: int, token_hash: str, label: str) -> None:
        with write_connection(self.engine) as conn, conn.begin():
            conn.execute(
                insert(api_tokens).values(
                    token_hash=token_hash, user_id=user_id, label=label, created_at=datetime.now(UTC)
                )
            )

    def token(self, token_hash: str) -> Account | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users.c.id, users.c.name, users.c.created_at)
                .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
                .where(api_tokens.c.token_hash == token_hash, users.c.active.is_(True))
            ).first()
        return None if row is None else Account(row.id, row.name, _aware(row.created_at))

    # --- reviews ------------------------------------------------------------------------------

    def add_review(
        self,
        *,
        user_id: int,
        article_id: int,
        claim_id: int | None,
        action: str,
        changes: dict[str, Any],
        reason: str | None,
        note: str,
    ) -> int:
        """Append a review (and set the claim's state) in one transaction; returns its id."""
        now = datetime.now(UTC)
        try:
            with write_connection(self.engine) as conn, conn.begin():
                review_id = conn.execute(
                    insert(reviews)
                    .values(
                        claim_id=claim_id,
                        article_id=article_id,
                        action=action,
                        changes=json.dumps(changes, ensure_ascii=False, sort_keys=True),
                        reason=reason,
                        note=note,
                        user_id=user_id,
                        created_at=now,
                    )
                    .returning(reviews.c.id)
                ).scalar_one()
                if claim_id is not None:
                    state = _STATE[action]
                    held = conn.execute(
                        update(review_states)
                        .where(review_states.c.claim_id == claim_id)
                        .values(state=state, review_id=review_id)
                    )
                    if not held.rowcount:
                        conn.execute(
                            insert(review_states).values(claim_id=claim_id, state=state, review_id=review_id)
                        )
                return int(review_id)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"review of claim {claim_id}" if claim_id else f"claim added to article {article_id}",
                f"could not be stored ({_first_line(exc)})",
                code=errors.DB_WRITE,
            ) from None

    def _reviews(self, where: Any, *, newest_first: bool = False, limit: int | None = None) -> list[Review]:
        query = (
            select(reviews, users.c.name.label("reviewer"))
            .select_from(reviews.join(users, users.c.id == reviews.c.user_id))
            .where(where)
            .order_by(reviews.c.id.desc() if newest_first else reviews.c.id)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_review(row) for row in conn.execute(query)]

    def for_claims(self, claim_ids: Sequence[int]) -> dict[int, list[Review]]:
        """Each claim's reviews, oldest first (claims with none are absent)."""
        out: dict[int, list[Review]] = defaultdict(list)
        ids = list(claim_ids)
        for i in range(0, len(ids), 500):
            for review in self._reviews(reviews.c.claim_id.in_(ids[i : i + 500])):
                out[review.claim_id].append(review)  # type: ignore[index]
        return dict(out)

    def for_article(self, article_id: int) -> list[Review]:
        return self._reviews(reviews.c.article_id == article_id)

    def review(self, review_id: int) -> Review | None:
        found = self._reviews(reviews.c.id == review_id)
        return found[0] if found else None

    def added(self, article_ids: Iterable[int] | None = None) -> list[Review]:
        """Claims added by hand (of these articles), oldest first."""
        where = reviews.c.action == "add"
        if article_ids is not None:
            where = where & reviews.c.article_id.in_(list(article_ids))
        return self._reviews(where)

    def latest(self, limit: int = 20) -> list[Review]:
        return self._reviews(reviews.c.id > 0, newest_first=True, limit=limit)

    def by_reviewer(self, name: str, limit: int = 100) -> list[Review]:
        return self._reviews(users.c.name == name, newest_first=True, limit=limit)

    def iter_all(self) -> Iterator[Review]:
        """Every review, oldest first, streamed (the ClaimReview export)."""
        query = (
            select(reviews, users.c.name.label("reviewer"))
            .select_from(reviews.join(users, users.c.id == reviews.c.user_id))
            .order_by(reviews.c.id)
        )
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(query):
                yield _review(row)

    def version(self) -> tuple[int, int]:
        """(reviews, the latest review id): changes whenever a review is stored."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(func.count(reviews.c.id), func.coalesce(func.max(reviews.c.id), 0))
            ).one()
        return int(row[0]), int(row[1])


def _review(row: Any) -> Review:
    return Review(
        id=row.id,
        claim_id=row.claim_id,
        article_id=row.article_id,
        action=row.action,
        changes=json.loads(row.changes),
        reason=row.reason,
        note=row.note,
        reviewer=row.reviewer,
        created_at=_aware(row.created_at),
    )


__all__ = ["ReviewStore", "api_tokens", "review_states", "reviews", "sessions", "users"]
