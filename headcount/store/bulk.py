"""Bulk loading: many articles and their claims in one transaction, for ``headcount load``.

The rows are the rows :class:`~headcount.store.ledger.Writer` stores for an ingest (same columns,
same ``via`` JSON, same order of ids: articles in reading order, claims article by article), so
queries, cross-checking and repeated-passage detection cannot tell a loaded ledger from an
ingested one. What changes is how they get there:

- PostgreSQL: articles are copied (``COPY``) into a temporary table and inserted from it in one
  statement that passes over bodies already held (``ON CONFLICT DO NOTHING`` as well, for an
  ingest writing at the same moment); claims are copied straight into ``claims``.
- SQLite: multi-row ``INSERT``s of up to a thousand rows, inside one ``BEGIN IMMEDIATE``
  transaction; full-text triggers index the rows as for an ingest.

Each partition is one transaction, together with its row in ``batch_loads``: a partition is
loaded whole or not at all, and a partition recorded there is never loaded again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, column, insert, select, table, update
from sqlalchemy.exc import SQLAlchemyError

from headcount import errors
from headcount.errors import StoreError
from headcount.model import speaks_of
from headcount.store.engine import display_url, write_connection
from headcount.store.ledger import start_run
from headcount.store.tables import CLAIM_FIELD_COLUMNS, articles, claims, extractions, ingest_runs, rejections

log = logging.getLogger(__name__)

#: Body hashes looked up per query on SQLite (its limit on bound parameters is 32,766).
_LOOKUP = 500

batch_loads = table(
    "batch_loads",
    column("batch_id"),
    column("partition"),
    column("run_id"),
    column("loaded_at"),
    column("articles_new"),
    column("articles_unchanged"),
    column("claims_stored"),
    column("rejected"),
)

_ARTICLE_COLUMNS = (
    "body_hash",
    "doc",
    "url",
    "outlet",
    "published",
    "language",
    "title",
    "author",
    "source",
    "body",
    "ingested_at",
)
_CLAIM_COLUMNS = (
    "extraction_id",
    "article_id",
    "position",
    "is_current",
    *CLAIM_FIELD_COLUMNS,
    "span_start",
    "span_end",
    "article_published",
)


@dataclass(frozen=True, slots=True)
class PartitionRows:
    """One partition of a batch, as rows: articles (``position``, ``body_hash``, the article
    fields, ``extractor``, ``claim_count``), claims (``article_position``, ``position``, the claim
    fields with ``start``/``end`` and ``via`` as a list) and rejections (``source``, ``line``,
    ``code``, ``reason``)."""

    batch_id: str
    partition: str
    articles: Sequence[dict[str, Any]]
    claims: Sequence[dict[str, Any]]
    rejections: Sequence[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class PartitionLoad:
    """What loading one partition did."""

    partition: str
    new: int = 0
    unchanged: int = 0
    claims: int = 0
    rejected: int = 0
    skipped: bool = False  # loaded before: nothing was done


class BulkLoader:
    """Loads partitions of a batch into a ledger's engine, each in one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.where = display_url(engine.url.render_as_string(hide_password=True))

    def loaded(self, batch_id: str) -> set[str]:
        """The partitions of ``batch_id`` this ledger holds already."""
        try:
            with self.engine.connect() as conn:
                return set(
                    conn.execute(
                        select(batch_loads.c.partition).where(batch_loads.c.batch_id == batch_id)
                    ).scalars()
                )
        except SQLAlchemyError as exc:
            raise StoreError(
                self.where, f"cannot read the ledger ({_first_line(exc)})", code=errors.DB_WRITE
            ) from None

    def start_run(self, sources: Iterable[str], extractor: str) -> int:
        """An ``ingest_runs`` row for this load, as an ingest records its run."""
        return start_run(self.engine, sources, extractor)

    def finish_run(self, run_id: int, *, new: int, unchanged: int, claims_stored: int, rejected: int) -> None:
        with write_connection(self.engine) as conn, conn.begin():
            conn.execute(
                update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(
                    finished_at=datetime.now(UTC),
                    articles_new=new,
                    articles_unchanged=unchanged,
                    claims_stored=claims_stored,
                    rejected=rejected,
                )
            )

    def load(self, rows: PartitionRows, run_id: int) -> PartitionLoad:
        """Store one partition (articles not held yet, their extraction and claims, its
        rejections) and record it, in one transaction; a partition recorded already is skipped."""
        now = datetime.now(UTC)
        try:
            with write_connection(self.engine) as conn, conn.begin():
                held = conn.execute(
                    select(batch_loads.c.partition).where(
                        batch_loads.c.batch_id == rows.batch_id, batch_loads.c.partition == rows.partition
                    )
                ).first()
                if held is not None:
                    return PartitionLoad(rows.partition, skipped=True)
                fresh = _first_copies(rows.articles)
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
                    ids = _insert_articles_pg(conn, fresh, now)
                else:
                    ids = _insert_articles_sqlite(conn, fresh, now)
                stored = [a for a in fresh if a["body_hash"] in ids]
                stored.sort(key=lambda a: ids[a["body_hash"]])
                extraction_ids: dict[int, int] = {}
                if stored:
                    result = conn.execute(
                        insert(extractions).returning(
                            extractions.c.id, extractions.c.article_id, sort_by_parameter_order=True
                        ),
                        [
                            {
                                "article_id": ids[a["body_hash"]],
                                "extractor": a["extractor"],
                                "extracted_at": now,
                                "is_current": True,
                                "claim_count": a["claim_count"],
                            }
                            for a in stored
                        ],
                    )
                    extraction_ids = {article_id: extraction_id for extraction_id, article_id in result}
                article_of = {a["position"]: ids[a["body_hash"]] for a in stored}
                published = {a["position"]: a.get("published") for a in stored}
                claim_rows = [
                    _claim_row(
                        c,
                        article_of[c["article_position"]],
                        extraction_ids,
                        published[c["article_position"]],
                    )
                    for c in rows.claims
                    if c["article_position"] in article_of
                ]
                claim_rows.sort(key=lambda r: (r["article_id"], r["position"]))
                if claim_rows:
                    if conn.dialect.name == "postgresql":
                        _copy(conn, "claims", _CLAIM_COLUMNS, claim_rows)
                    else:
                        # Multi-row INSERTs (RETURNING makes SQLAlchemy send a thousand rows a
                        # statement) rather than executemany: each statement that fires the
                        # full-text trigger flushes FTS5's pending terms, so a statement per
                        # claim costs three times as much.
                        conn.execute(insert(claims).returning(claims.c.id), claim_rows).all()
                if rows.rejections:
                    conn.execute(
                        insert(rejections),
                        [
                            {
                                "run_id": run_id,
                                "source": r["source"],
                                "line": r["line"],
                                "code": r["code"],
                                "reason": r["reason"],
                            }
                            for r in rows.rejections
                        ],
                    )
                outcome = PartitionLoad(
                    rows.partition,
                    new=len(stored),
                    unchanged=len(rows.articles) - len(stored),
                    claims=len(claim_rows),
                    rejected=len(rows.rejections),
                )
                conn.execute(
                    insert(batch_loads).values(
                        batch_id=rows.batch_id,
                        partition=rows.partition,
                        run_id=run_id,
                        loaded_at=now,
                        articles_new=outcome.new,
                        articles_unchanged=outcome.unchanged,
                        claims_stored=outcome.claims,
                        rejected=outcome.rejected,
                    )
                )
                return outcome
        except SQLAlchemyError as exc:
            raise StoreError(
                f"{self.where} (partition {rows.partition})",
                f"could not be loaded, nothing of it was kept ({_first_line(exc)})",
                code=errors.DB_WRITE,
            ) from None


def _first_copies(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The articles in reading order, each body once (the first copy, as an ingest keeps it)."""
    seen: set[str] = set()
    out = []
    for row in sorted(rows, key=lambda r: r["position"]):
        if row["body_hash"] not in seen:
            seen.add(row["body_hash"])
            out.append(row)
    return out


def _article_values(a: dict[str, Any], now: datetime) -> dict[str, Any]:
    values = {name: a.get(name) for name in _ARTICLE_COLUMNS}
    values["ingested_at"] = now
    return values


def _insert_articles_sqlite(conn: Any, fresh: list[dict[str, Any]], now: datetime) -> dict[str, int]:
    """Insert the articles whose body the ledger does not hold; ``{body hash: new id}``. The
    write lock is held (BEGIN IMMEDIATE), so nothing can slip in between look-up and insert."""
    held: set[str] = set()
    hashes = [a["body_hash"] for a in fresh]
    for i in range(0, len(hashes), _LOOKUP):
        held.update(
            conn.execute(
                select(articles.c.body_hash).where(articles.c.body_hash.in_(hashes[i : i + _LOOKUP]))
            ).scalars()
        )
    new = [a for a in fresh if a["body_hash"] not in held]
    if not new:
        return {}
    result = conn.execute(
        insert(articles).returning(articles.c.id, sort_by_parameter_order=True),
        [_article_values(a, now) for a in new],
    )
    return {a["body_hash"]: article_id for a, article_id in zip(new, result.scalars(), strict=True)}


def _insert_articles_pg(conn: Any, fresh: list[dict[str, Any]], now: datetime) -> dict[str, int]:
    """COPY the articles into a temporary table, then insert those not held, in reading order."""
    if not fresh:
        return {}
    conn.exec_driver_sql(
        "CREATE TEMPORARY TABLE IF NOT EXISTS hc_bulk_articles ("
        "position integer, body_hash text, doc text, url text, outlet text, published date, "
        "language text, title text, author text, source text, body text, ingested_at timestamptz"
        ") ON COMMIT DELETE ROWS"
    )
    _copy(
        conn,
        "hc_bulk_articles",
        ("position", *_ARTICLE_COLUMNS),
        [{"position": a["position"], **_article_values(a, now)} for a in fresh],
    )
    names = ", ".join(_ARTICLE_COLUMNS)
    # Ids are drawn in the ORDER BY's order: the order an ingest would have stored them.
    result = conn.exec_driver_sql(
        f"INSERT INTO articles ({names}) SELECT {names} FROM hc_bulk_articles t "
        "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.body_hash = t.body_hash) "
        "ORDER BY t.position ON CONFLICT (body_hash) DO NOTHING RETURNING id, body_hash"
    )
    return {body_hash: article_id for article_id, body_hash in result}


def _copy(conn: Any, target: str, names: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """``COPY target (names) FROM STDIN`` on the connection's own transaction (psycopg 3)."""
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {target} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row[name] for name in names))


def copy_rows(conn: Any, target: str, rows: Sequence[dict[str, Any]]) -> None:
    """COPY rows (dicts with the same keys) into a table, PostgreSQL only."""
    if rows:
        _copy(conn, target, tuple(rows[0]), rows)


def _claim_row(
    c: dict[str, Any], article_id: int, extraction_ids: dict[int, int], published: date | None
) -> dict[str, Any]:
    span_start, span_end = speaks_of(c["period_start"], c["period_end"], published)
    return {
        "extraction_id": extraction_ids[article_id],
        "article_id": article_id,
        "position": c["position"],
        "is_current": True,
        "doc": c["doc"],
        "quote": c["quote"],
        "figure": c["figure"],
        "low": c["low"],
        "high": c["high"],
        "bound": c["bound"],
        "kind": c["kind"],
        "metric": c["metric"],
        "side": c["side"],
        "period_start": c["period_start"],
        "period_end": c["period_end"],
        "per": c["per"],
        "claimant": c["claimant"],
        "via": json.dumps(list(c["via"] or ()), ensure_ascii=False),
        "hedged": bool(c["hedged"]),
        "char_start": c["start"],
        "char_end": c["end"],
        "sentence_start": c["sentence_start"],
        "sentence_end": c["sentence_end"],
        "extractor": c["extractor"],
        "language": c["language"],
        "span_start": span_start,
        "span_end": span_end,
        "article_published": published,
    }


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


__all__ = ["BulkLoader", "PartitionLoad", "PartitionRows"]
