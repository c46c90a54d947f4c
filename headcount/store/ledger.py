"""Writing the ledger: each article whole or not at all, idempotent by body hash, history kept.

An article is identified by the SHA-256 of its normalised body (Unicode NFKC, line endings and
runs of whitespace collapsed): the same report read from a text file, a JSONL line or a web
archive is one article, and storing it again changes nothing. Its claims hang off an
*extraction* (article × extractor version): re-extracting with a newer extractor adds a new
current extraction and keeps the old one's claims, marked not current, so an old figure in a
published story can still be traced to what the tool said then.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from headcount import errors
from headcount.errors import StoreError
from headcount.gcpause import gc_paused
from headcount.model import (
    Article,
    Claim,
    IngestSummary,
    LedgerArticle,
    LedgerClaim,
    Rejection,
    StoreOutcome,
    speaks_of,
)
from headcount.store import queries
from headcount.store.engine import display_url, migrate, open_engine, write_connection
from headcount.store.tables import articles, claims, extractions, ingest_runs, rejections

log = logging.getLogger(__name__)

_SPACE = re.compile(r"\s+")


def body_hash(body: str) -> str:
    """The identity of an article: SHA-256 of its body with spacing and Unicode forms
    normalised, so re-wrapped or re-encoded copies of a text are one article."""
    text = _SPACE.sub(" ", unicodedata.normalize("NFKC", body)).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Records(list[Any]):
    """A list of ledger records that can become a pandas DataFrame (when pandas is installed)."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]

    def to_pandas(self) -> Any:
        """A DataFrame with one row per record (dates as ``datetime64``)."""
        try:
            import pandas as pd
        except ImportError:
            raise StoreError(
                "to_pandas", "pandas is not installed; pip install 'headcount[pandas]'", code=errors.BAD_QUERY
            ) from None
        frame = pd.DataFrame(self.to_dicts())
        for column in ("published", "period_start", "period_end", "ingested_at"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        return frame


def start_run(engine: Engine, sources: Iterable[str], extractor: str) -> int:
    """An ``ingest_runs`` row for an ingest or a batch load starting now; its id."""
    with write_connection(engine) as conn, conn.begin():
        return conn.execute(
            insert(ingest_runs)
            .values(
                started_at=datetime.now(UTC),
                extractor=extractor,
                sources=json.dumps(list(sources), ensure_ascii=False),
                articles_new=0,
                articles_unchanged=0,
                articles_reextracted=0,
                claims_stored=0,
                rejected=0,
            )
            .returning(ingest_runs.c.id)
        ).scalar_one()


class Ledger:
    """A ledger database: store extraction results, query claims and articles.

    Open one with :func:`headcount.open_ledger`; the schema is created or migrated on open.
    """

    def __init__(self, url: str, *, engine: Engine | None = None, create: bool = True) -> None:
        self.url = url
        self.engine = engine or open_engine(url, create=create)
        try:
            migrate(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"Ledger({display_url(self.url)!r})"

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    # --- writes -------------------------------------------------------------------------------

    def writer(self) -> Writer:
        """Connections held for a batch of writes (an ingest): use as a context manager."""
        return Writer(self.engine)

    def status(self, article: Article) -> tuple[int, str | None] | None:
        """``(article id, current extractor)`` when the ledger holds this article, else None.
        Lets an ingest skip extraction for articles it already has."""
        with self.writer() as writer:
            return writer.status(article)

    def add(
        self,
        article: Article,
        found: Sequence[Claim],
        *,
        extractor: str,
        reextract: bool = False,
    ) -> StoreOutcome:
        """Store an article and its claims in one transaction (see :meth:`Writer.add`)."""
        with self.writer() as writer:
            return writer.add(article, found, extractor=extractor, reextract=reextract)

    def start_run(self, sources: Iterable[str], extractor: str) -> int:
        """Record the start of an ingest; returns its run id."""
        return start_run(self.engine, sources, extractor)

    def finish_run(self, run_id: int, summary: IngestSummary) -> None:
        """Record what an ingest did and the inputs it rejected."""
        with write_connection(self.engine) as conn, conn.begin():
            conn.execute(
                update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(
                    finished_at=datetime.now(UTC),
                    articles_new=summary.new,
                    articles_unchanged=summary.unchanged,
                    articles_reextracted=summary.reextracted,
                    claims_stored=summary.claims,
                    rejected=len(summary.rejections),
                )
            )
            if summary.rejections:
                conn.execute(
                    insert(rejections),
                    [
                        {
                            "run_id": run_id,
                            "source": r.source,
                            "line": r.line,
                            "code": r.code,
                            "reason": r.reason,
                        }
                        for r in summary.rejections
                    ],
                )

    # --- reads --------------------------------------------------------------------------------

    def claims(
        self,
        *,
        metric: str | Sequence[str] | None = None,
        side: str | Sequence[str] | None = None,
        claimant: str | None = None,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        window: tuple[date | None, date | None] | None = None,
        hedged: bool | None = None,
        search: str | None = None,
        article_id: int | None = None,
        history: bool = False,
        limit: int | None = None,
    ) -> Records:
        """Claims matching every filter given, in ledger order, as :class:`LedgerClaim` records.

        ``metric``/``side``: one value or several; ``claimant``: part of the claimant's or an
        intermediary's name; ``outlet``: part of the outlet's name; ``since``/``until``: the
        article's publication date, inclusive; ``window``: ``(since, until)``, either end None,
        the claims that speak of some day in it, as ``headcount compare`` windows claims (their
        period overlaps it; a claim without a period: its article's date falls in it);
        ``search``: words in the claim's sentence; ``history``: include claims of older
        extractor versions. Without a limit the rows are read in one go; :meth:`iter_claims`
        streams them.
        """
        with gc_paused():  # a list of records built at once: see headcount.gcpause
            return Records(
                self._read_claims(
                    stream=limit is not None,
                    metric=metric,
                    side=side,
                    claimant=claimant,
                    outlet=outlet,
                    since=since,
                    until=until,
                    window=window,
                    hedged=hedged,
                    search=search,
                    article_id=article_id,
                    history=history,
                    limit=limit,
                )
            )

    def iter_claims(self, **filters: Any) -> Iterator[LedgerClaim]:
        """The same as :meth:`claims`, streamed: memory stays flat for an export of millions."""
        return self._read_claims(stream=True, **filters)

    def _read_claims(self, *, stream: bool, **filters: Any) -> Iterator[LedgerClaim]:
        # Streamed: PostgreSQL sends rows through a server-side cursor, a thousand at a time.
        # Not streamed (claims() without a limit, a list anyway): the rows arrive in one result,
        # which PostgreSQL may compute with parallel workers (never for a cursor): a fifth to a
        # quarter less time for 100,000 claims. A page (a limit) is still streamed: starting
        # the workers cost a first page more than they saved (45 -> 65 ms, bench/ledger.py).
        options = {"yield_per": 1000} if stream else {}
        with self._read() as conn:
            queries.read_every_row(conn)
            query = queries.claims_query(conn, **filters)
            yield from queries.claim_records(conn.execute(query, execution_options=options))

    def claim(self, claim_id: int) -> LedgerClaim:
        """One claim by id; raises :class:`StoreError` when the ledger has none with that id."""
        with self._read() as conn:
            row = conn.execute(queries.claims_query(conn, claim_id=claim_id, history=True)).first()
        if row is None:
            raise StoreError(f"claim {claim_id}", "not in this ledger", code=errors.NOT_IN_LEDGER)
        return queries.claim_record(row)

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        language: str | None = None,
        search: str | None = None,
        limit: int | None = None,
    ) -> Records:
        """Articles matching every filter given, in the order they were stored."""
        with self._read() as conn:
            query = queries.articles_query(
                conn, outlet=outlet, since=since, until=until, language=language, search=search, limit=limit
            )
            return Records(queries.article_record(row) for row in conn.execute(query))

    def article(self, article_id: int) -> LedgerArticle:
        """One article by id, with its body; raises :class:`StoreError` when not in the ledger."""
        with self._read() as conn:
            row = conn.execute(queries.articles_query(conn, article_id=article_id)).first()
        if row is None:
            raise StoreError(f"article {article_id}", "not in this ledger", code=errors.NOT_IN_LEDGER)
        return queries.article_record(row)

    def counts(self) -> dict[str, int]:
        """How many articles, extractions, current claims and claims in all the ledger holds."""
        with self._read() as conn:
            return queries.counts(conn)

    def check(self) -> list[str]:
        """Inconsistencies in the ledger, in words (an empty list when it is sound)."""
        with self._read() as conn:
            return queries.integrity_problems(conn)

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest ingest runs, newest first, with their rejections."""
        with self._read() as conn:
            return queries.runs(conn, limit)

    def _read(self) -> Any:
        try:
            return self.engine.connect()
        except SQLAlchemyError as exc:
            raise StoreError(
                display_url(self.url), f"cannot open: {_first_line(exc)}", code=errors.DB_UNAVAILABLE
            ) from None


class Writer:
    """Two connections held for a batch of writes: one for look-ups, outside any transaction
    (each statement sees what is committed; no BEGIN/ROLLBACK round trip per article), and one
    for writes, one transaction per article (:meth:`add`) or group of articles
    (:meth:`add_many`). Checking connections out of the pool per article costs more than storing
    it. :meth:`statuses` and the writes may run on two threads (one each): they never share a
    connection."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._reader: Any = None
        self._conn: Any = None

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._conn is not None and self._engine.dialect.name == "postgresql":
            try:
                self._conn.rollback()
                self._conn.exec_driver_sql("RESET synchronous_commit")
                self._conn.commit()
            except SQLAlchemyError:
                self._conn.invalidate()  # a broken connection is not given back to the pool
        for conn in (self._reader, self._conn):
            if conn is not None:
                conn.close()
        self._reader = self._conn = None

    def _reading(self) -> Any:
        if self._reader is None:
            self._reader = self._engine.connect()
            if self._engine.dialect.name != "sqlite":
                # PostgreSQL: no BEGIN/ROLLBACK around each look-up. SQLite reads already run
                # outside transactions (store.engine), and resetting pysqlite's autocommit on
                # return to the pool would undo the engine's set-up.
                self._reader.execution_options(isolation_level="AUTOCOMMIT")
        return self._reader

    def _writing(self) -> Any:
        if self._conn is None:
            self._conn = write_connection(self._engine)
            if self._engine.dialect.name == "postgresql":
                # An ingest's commits do not wait for the WAL flush: a server crash can drop the
                # last fraction of a second of articles, each whole (never half of one), and the
                # same ingest run again stores them; consistency is untouched. It halves the cost
                # of storing an article. Reset when the connection goes back to the pool.
                self._conn.exec_driver_sql("SET synchronous_commit = off")
                self._conn.commit()
        return self._conn

    def _look_up(self, digest: str) -> tuple[int, str | None] | None:
        # On the write connection: add() may run on another thread than statuses(), and a
        # connection must not be shared between threads.
        conn = self._writing()
        with conn.begin():
            return queries.article_status(conn, digest)

    def status(self, article: Article) -> tuple[int, str | None] | None:
        """``(article id, current extractor)`` when the ledger holds this article, else None."""
        return self.statuses([article])[0]

    def statuses(self, batch: Sequence[Article]) -> list[tuple[int, str | None] | None]:
        """:meth:`status` of several articles in one query (one round trip for a batch)."""
        digests = [body_hash(a.body) for a in batch]
        conn = self._reading()
        try:
            held = queries.article_statuses(conn, digests)
        except SQLAlchemyError as exc:
            where = batch[0].source or batch[0].doc if batch else "ledger"
            raise StoreError(
                where, f"cannot read the ledger ({_first_line(exc)})", code=errors.DB_WRITE
            ) from None
        finally:
            conn.rollback()  # ends SQLAlchemy's bookkeeping; nothing is sent in autocommit
        return [held.get(d) for d in digests]

    def add(
        self,
        article: Article,
        found: Sequence[Claim],
        *,
        extractor: str,
        reextract: bool = False,
    ) -> StoreOutcome:
        """Store an article and its claims in one transaction: all of it or nothing.

        An article already held is left as it is, unless ``reextract`` is set and its current
        claims come from another extractor version: then ``found`` become its current claims and
        the old ones stay as history.
        """
        digest = body_hash(article.body)
        where = article.source or article.doc
        now = datetime.now(UTC)
        try:
            conn = self._writing()
            with conn.begin():
                # Without --reextract an article held already is left alone: insert straight
                # away and let the unique body hash refuse a copy (handled below), which saves
                # a query per article in the common case.
                held = queries.article_status(conn, digest) if reextract else None
                if held is None:
                    article_id = conn.execute(
                        _INSERT_ARTICLE, _article_row(article, digest, now)
                    ).scalar_one()
                    self._insert_extraction(conn, article_id, found, extractor, now, article.published)
                    return StoreOutcome("new", article_id, len(found))
                article_id, current = held
                if current == extractor:
                    return StoreOutcome("unchanged", article_id, note="already in the ledger")
                if not reextract:
                    return StoreOutcome(
                        "unchanged",
                        article_id,
                        note=f"claims from {current}; --reextract replaces them with {extractor}'s",
                    )
                conn.execute(
                    update(extractions).where(extractions.c.article_id == article_id).values(is_current=False)
                )
                conn.execute(update(claims).where(claims.c.article_id == article_id).values(is_current=False))
                previous = conn.execute(
                    select(extractions.c.id).where(
                        extractions.c.article_id == article_id, extractions.c.extractor == extractor
                    )
                ).scalar_one_or_none()
                if previous is not None:
                    # Back to a version this article was extracted with before: that extraction
                    # (and its claims) is current again rather than stored twice.
                    conn.execute(
                        update(extractions).where(extractions.c.id == previous).values(is_current=True)
                    )
                    conn.execute(
                        update(claims).where(claims.c.extraction_id == previous).values(is_current=True)
                    )
                    count = conn.execute(
                        select(func.count()).select_from(claims).where(claims.c.extraction_id == previous)
                    ).scalar_one()
                    return StoreOutcome("reextracted", article_id, count)
                # The claims speak of the stored article's date, which a new copy of the same
                # body (another front matter) does not change.
                published = conn.execute(
                    select(articles.c.published).where(articles.c.id == article_id)
                ).scalar_one()
                self._insert_extraction(conn, article_id, found, extractor, now, published)
                return StoreOutcome("reextracted", article_id, len(found))
        except IntegrityError as exc:
            # The article is held already (stored earlier, or by a concurrent ingest between our
            # check and our insert): our transaction rolled back whole. Any other violation is
            # a bad record.
            held = self._look_up(digest)
            if held is None:
                raise StoreError(
                    where,
                    f"could not be stored, nothing of it was kept ({_first_line(exc)})",
                    code=errors.DB_WRITE,
                ) from None
            if held[1] != extractor:
                return StoreOutcome(
                    "unchanged",
                    held[0],
                    note=f"claims from {held[1]}; --reextract replaces them with {extractor}'s",
                )
            return StoreOutcome("unchanged", held[0], note="already in the ledger")
        except SQLAlchemyError as exc:
            raise StoreError(
                where,
                f"could not be stored, nothing of it was kept ({_first_line(exc)})",
                code=errors.DB_WRITE,
            ) from None

    def add_many(
        self, batch: Sequence[tuple[Article, Sequence[Claim]]], *, extractor: str, reextract: bool = False
    ) -> list[StoreOutcome | StoreError]:
        """Store several new articles with their claims in one transaction: each article is
        stored whole or not at all, as with :meth:`add`, for a fraction of the round trips.

        Three statements for the whole group (articles, extractions, claims) instead of three
        per article, and one commit: storing then costs a fraction of extracting. An article
        the ledger holds already (stored by a concurrent ingest, or twice in the group) is
        skipped by the unique body hash and reported unchanged. When anything else fails the
        group is rolled back and stored article by article with :meth:`add`, so a bad article
        is rejected alone (a :class:`StoreError` in its place) and the others go in.
        ``reextract`` applies to the articles found held (see :meth:`add`).
        """
        if len(batch) == 1:
            return [self._add_or_error(*batch[0], extractor=extractor, reextract=reextract)]
        now = datetime.now(UTC)
        digests = [body_hash(article.body) for article, _ in batch]
        first: dict[str, int] = {}
        for i, digest in enumerate(digests):
            first.setdefault(digest, i)
        rows = [_article_row(batch[i][0], digest, now) for digest, i in first.items()]
        try:
            conn = self._writing()
            with conn.begin():
                ids: dict[str, int] = {
                    digest: id_ for digest, id_ in conn.execute(self._insert_new_articles(), rows)
                }
                stored = [(ids[digest], i) for digest, i in first.items() if digest in ids]
                extraction_rows = [
                    {
                        "article_id": article_id,
                        "extractor": extractor,
                        "extracted_at": now,
                        "is_current": True,
                        "claim_count": len(batch[i][1]),
                    }
                    for article_id, i in stored
                ]
                made = conn.execute(_INSERT_EXTRACTIONS, extraction_rows).all() if stored else []
                extraction_of = {article_id: extraction_id for extraction_id, article_id in made}
                claim_rows = [
                    _claim_row(c, article_id, extraction_of[article_id], position, batch[i][0].published)
                    for article_id, i in stored
                    for position, c in enumerate(batch[i][1])
                ]
                if claim_rows and self._engine.dialect.name == "postgresql":
                    # COPY: the least work for the server and the client (measured against
                    # executemany and multi-row INSERTs).
                    from headcount.store.bulk import copy_rows

                    copy_rows(conn, "claims", claim_rows)
                elif claim_rows:
                    # One multi-row INSERT (see _INSERT_CLAIMS): each statement that fires the
                    # full-text trigger flushes FTS5's pending terms, so one statement for the
                    # group's claims costs a third of a statement per claim.
                    conn.execute(_INSERT_CLAIMS, claim_rows)
        except SQLAlchemyError as exc:
            # Also the way out of a deadlock: two ingests inserting the same bodies in opposite
            # orders on PostgreSQL wait on each other's unique key until the server aborts one.
            # Rows stay in reading order (ids are the ledger's order), so it can happen.
            log.info("storing %d articles together failed (%s); storing them one by one", len(batch), exc)
            return [
                self._add_or_error(article, found, extractor=extractor, reextract=reextract)
                for article, found in batch
            ]
        outcomes: list[StoreOutcome | StoreError] = []
        for i, digest in enumerate(digests):
            if digest in ids and first[digest] == i:
                outcomes.append(StoreOutcome("new", ids[digest], len(batch[i][1])))
            else:
                # Held already: a concurrent ingest stored it first, or it came twice.
                outcomes.append(self._add_or_error(*batch[i], extractor=extractor, reextract=reextract))
        return outcomes

    def _add_or_error(
        self, article: Article, found: Sequence[Claim], *, extractor: str, reextract: bool
    ) -> StoreOutcome | StoreError:
        try:
            return self.add(article, found, extractor=extractor, reextract=reextract)
        except StoreError as exc:
            if exc.code != errors.DB_WRITE:
                raise
            return exc

    def _insert_new_articles(self) -> Any:
        """``INSERT … ON CONFLICT (body_hash) DO NOTHING RETURNING body_hash, id`` (SQLite and
        PostgreSQL spell it the same; SQLAlchemy builds it from the dialect's own construct)."""
        name = self._engine.dialect.name
        if name not in _INSERT_NEW_ARTICLES:
            from sqlalchemy.dialects import postgresql, sqlite

            dialect_insert = postgresql.insert if name == "postgresql" else sqlite.insert
            _INSERT_NEW_ARTICLES[name] = (
                dialect_insert(articles)
                .on_conflict_do_nothing(index_elements=["body_hash"])
                .returning(articles.c.body_hash, articles.c.id)
            )
        return _INSERT_NEW_ARTICLES[name]

    def _insert_extraction(
        self,
        conn: Any,
        article_id: int,
        found: Sequence[Claim],
        extractor: str,
        now: datetime,
        published: date | None,
    ) -> None:
        extraction_id = conn.execute(
            _INSERT_EXTRACTION,
            {
                "article_id": article_id,
                "extractor": extractor,
                "extracted_at": now,
                "is_current": True,
                "claim_count": len(found),
            },
        ).scalar_one()
        if found:
            conn.execute(
                _INSERT_CLAIMS,
                [_claim_row(c, article_id, extraction_id, i, published) for i, c in enumerate(found)],
            )


# Statements built once (see queries._STATUS): ingest runs them for every article.
_INSERT_ARTICLE = insert(articles).returning(articles.c.id)
_INSERT_EXTRACTION = insert(extractions).returning(extractions.c.id)
# RETURNING makes SQLAlchemy send all of an article's claims as one multi-row INSERT (insertmanyvalues):
# one round trip instead of one per claim.
_INSERT_CLAIMS = insert(claims).returning(claims.c.id)
_INSERT_EXTRACTIONS = insert(extractions).returning(extractions.c.id, extractions.c.article_id)
_INSERT_NEW_ARTICLES: dict[str, Any] = {}


def _article_row(article: Article, digest: str, now: datetime) -> dict[str, Any]:
    return {
        "body_hash": digest,
        "doc": article.doc,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "title": article.title,
        "author": article.author,
        "source": article.source,
        "body": article.body,
        "ingested_at": now,
    }


def _claim_row(
    c: Claim, article_id: int, extraction_id: int, position: int, published: date | None
) -> dict[str, Any]:
    """The ``claims`` row of a claim; ``published``: its stored article's date (for the span)."""
    span_start, span_end = speaks_of(c.period_start, c.period_end, published)
    return {
        "extraction_id": extraction_id,
        "article_id": article_id,
        "position": position,
        "is_current": True,
        "doc": c.doc,
        "quote": c.quote,
        "figure": c.figure,
        "low": c.low,
        "high": c.high,
        "bound": c.bound,
        "kind": c.kind,
        "metric": c.metric,
        "side": c.side,
        "period_start": c.period_start,
        "period_end": c.period_end,
        "per": c.per,
        "claimant": c.claimant,
        "via": json.dumps(list(c.via), ensure_ascii=False),
        "hedged": c.hedged,
        "char_start": c.start,
        "char_end": c.end,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "extractor": c.extractor,
        "language": c.language,
        "span_start": span_start,
        "span_end": span_end,
        "article_published": published,
    }


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


__all__ = ["Ledger", "Records", "Rejection", "Writer", "body_hash"]
