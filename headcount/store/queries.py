"""Reading the ledger: filters as SQL, rows as records. One code path for both backends; only
full-text search differs (FTS5 tables on SQLite, tsvector expressions on PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, literal_column, or_, select, text
from sqlalchemy.engine import Connection, Row

from headcount import errors
from headcount.errors import StoreError
from headcount.model import METRICS, SIDES, Article, Claim, LedgerArticle, LedgerClaim
from headcount.store.search import parse_search
from headcount.store.tables import CLAIM_FIELD_COLUMNS, articles, claims, extractions, ingest_runs, rejections

# Columns copied onto claims for filtering in an index, not for reading (0007, 0008).
_FILTER_COLUMNS = ("span_start", "span_end", "article_published")
# Every column a record is made of.
_CLAIM_COLUMNS = [
    *(c for c in claims.c if c.name not in _FILTER_COLUMNS),
    articles.c.outlet,
    articles.c.url,
    articles.c.published,
    articles.c.title,
]


# Built once: ingest runs this for every article, and building a statement costs more than
# running it on SQLite.
_STATUS = (
    select(articles.c.id, extractions.c.extractor)
    .select_from(articles)
    .outerjoin(
        extractions, and_(extractions.c.article_id == articles.c.id, extractions.c.is_current.is_(True))
    )
    .where(articles.c.body_hash == bindparam("digest"))
)


_STATUSES = (
    select(articles.c.body_hash, articles.c.id, extractions.c.extractor)
    .select_from(articles)
    .outerjoin(
        extractions, and_(extractions.c.article_id == articles.c.id, extractions.c.is_current.is_(True))
    )
    .where(articles.c.body_hash.in_(bindparam("digests", expanding=True)))
)


def article_statuses(conn: Connection, digests: Sequence[str]) -> dict[str, tuple[int, str | None]]:
    """``{body hash: (article id, current extractor)}`` for those of ``digests`` that are held."""
    if not digests:
        return {}
    return {row[0]: (row[1], row[2]) for row in conn.execute(_STATUSES, {"digests": list(digests)})}


def article_status(conn: Connection, digest: str) -> tuple[int, str | None] | None:
    """``(article id, current extractor)`` for a body hash, or None when not held."""
    row = conn.execute(_STATUS, {"digest": digest}).first()
    return (row[0], row[1]) if row is not None else None


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _choices(name: str, value: str | Sequence[str], allowed: Sequence[str]) -> list[str]:
    values = [value] if isinstance(value, str) else list(value)
    values = [v.strip().lower() for v in values]
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise StoreError(
            f"--{name}",
            f"unknown {name} {', '.join(map(repr, unknown))}; choose from {', '.join(allowed)}",
            code=errors.BAD_QUERY,
        )
    return values


def _search_condition(conn: Connection, column_text: Any, fts_table: str, id_column: Any, search: str) -> Any:
    query = parse_search(search)
    if conn.dialect.name == "sqlite":
        fts = text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :fts_query").bindparams(
            fts_query=query.to_fts5()
        )
        return id_column.in_(fts)
    tsvector = func.to_tsvector(literal_column("'simple'::regconfig"), column_text)
    return tsvector.bool_op("@@")(func.to_tsquery(literal_column("'simple'::regconfig"), query.to_tsquery()))


def claims_query(
    conn: Connection,
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
    claim_id: int | None = None,
    history: bool = False,
    limit: int | None = None,
) -> Select[Any]:
    """The SELECT for claims matching every filter given (see ``Ledger.claims``)."""
    own: list[Any] = []  # conditions on the claims' own columns
    if claim_id is not None:
        own.append(claims.c.id == claim_id)
    if not history:
        own.append(claims.c.is_current.is_(True))
    if metric:
        own.append(claims.c.metric.in_(_choices("metric", metric, METRICS)))
    if side:
        own.append(claims.c.side.in_(_choices("side", side, SIDES)))
    if since is not None:
        own.append(claims.c.article_published >= since)
    if until is not None:
        own.append(claims.c.article_published <= until)
    if window is not None and any(d is not None for d in window):
        own.extend(span_window(*window))
    if hedged is not None:
        own.append(claims.c.hedged.is_(hedged))
    if article_id is not None:
        own.append(claims.c.article_id == article_id)
    query = select(*_CLAIM_COLUMNS).select_from(claims.join(articles, claims.c.article_id == articles.c.id))
    if limit is not None and (metric or side) and not (claimant or outlet or search):
        # A first page of a series: its ids from ix_claims_series alone, then those rows.
        ids = select(claims.c.id).where(*own).order_by(claims.c.id).limit(limit)
        return query.where(claims.c.id.in_(ids)).order_by(claims.c.id)
    query = query.where(*own)
    if claimant:
        pattern = _like(claimant)
        query = query.where(
            or_(claims.c.claimant.ilike(pattern, escape="\\"), claims.c.via.ilike(pattern, escape="\\"))
        )
    if outlet:
        # The outlet's articles first (in the dates, by their index), then their claims: the
        # planner may start from them instead of walking every claim in id order to test its
        # article (an outlet in a quarter, 10 million claims in date order: 2.3 s -> 72 ms).
        theirs = select(articles.c.id).where(articles.c.outlet.ilike(_like(outlet), escape="\\"))
        if since is not None:
            theirs = theirs.where(articles.c.published >= since)
        if until is not None:
            theirs = theirs.where(articles.c.published <= until)
        query = query.where(claims.c.article_id.in_(theirs))
    if search:
        query = query.where(_search_condition(conn, claims.c.quote, "claims_fts", claims.c.id, search))
    query = query.order_by(claims.c.id)
    if limit is not None:
        query = query.limit(limit)
    return query


def read_every_row(conn: Connection) -> None:
    """Tell PostgreSQL that this transaction reads every row of its queries (SQLite: nothing).

    A server-side cursor (what streaming rows in batches uses) is planned by default for its first
    tenth (``cursor_tuple_fraction``): PostgreSQL then preferred walking a whole series in id order
    to reading a window's claims by index and sorting them, 2–3 times slower. JIT compilation,
    which PostgreSQL starts on the estimated cost alone, cost these reads 50–85 ms each and never
    paid back (``bench/ledger.py``). Both only for the current transaction.
    """
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "SELECT set_config('cursor_tuple_fraction', '1.0', true), set_config('jit', 'off', true)"
        )


def span_window(since: date | None, until: date | None) -> list[Any]:
    """Conditions for the claims that speak of some day of ``since``..``until`` (either may be
    None): exactly those ``reconcile.compare.in_window`` keeps, as a range of
    ``ix_claims_series_span``. A claim whose span is unknown (no period, no publication date) is
    in no window: its NULLs fail both comparisons."""
    conditions = []
    if since is not None:
        conditions.append(claims.c.span_end >= since)
    if until is not None:
        conditions.append(claims.c.span_start <= until)
    return conditions


def articles_query(
    conn: Connection,
    *,
    outlet: str | None = None,
    since: date | None = None,
    until: date | None = None,
    language: str | None = None,
    search: str | None = None,
    article_id: int | None = None,
    limit: int | None = None,
) -> Select[Any]:
    """The SELECT for articles matching every filter given, with their current extraction."""
    query = select(
        *articles.c, extractions.c.extractor, func.coalesce(extractions.c.claim_count, 0).label("claim_count")
    ).select_from(
        articles.outerjoin(
            extractions, and_(extractions.c.article_id == articles.c.id, extractions.c.is_current.is_(True))
        )
    )
    if article_id is not None:
        query = query.where(articles.c.id == article_id)
    if outlet:
        query = query.where(articles.c.outlet.ilike(_like(outlet), escape="\\"))
    if since is not None:
        query = query.where(articles.c.published >= since)
    if until is not None:
        query = query.where(articles.c.published <= until)
    if language:
        query = query.where(articles.c.language == language.strip().lower())
    if search:
        body = func.coalesce(articles.c.title, "") + " " + articles.c.body
        query = query.where(_search_condition(conn, body, "articles_fts", articles.c.id, search))
    query = query.order_by(articles.c.id)
    if limit is not None:
        query = query.limit(limit)
    return query


# The columns a record is made of: the ledger's and the article's, then model.Claim's fields in
# their order, as claim_records unpacks them.
_LEDGER_NAMES = ("id", "article_id", "is_current", "outlet", "url", "published", "title")
_CLAIM_NAMES = CLAIM_FIELD_COLUMNS
_RECORD_NAMES = (*_LEDGER_NAMES, *_CLAIM_NAMES)
_VIA, _HEDGED = _CLAIM_NAMES.index("via"), _CLAIM_NAMES.index("hedged")


def claim_records(rows: Iterable[Row[Any]]) -> Iterator[LedgerClaim]:
    """The records of the rows of one result (of a select of ``_CLAIM_COLUMNS``), lazily.

    Columns are found by name once, from the first row, and each row is then unpacked by position:
    half the cost of a look-up by name per field (a compare of 100,000 claims makes 100,000
    records). Most claims name no intermediary, so ``via`` is parsed only when there is one.
    """
    ledger = claim = None
    for row in rows:
        if ledger is None or claim is None:
            fields = row._fields
            ledger = itemgetter(*(fields.index(name) for name in _LEDGER_NAMES))
            claim = itemgetter(*(fields.index(name) for name in _CLAIM_NAMES))
        id_, article_id, current, outlet, url, published, title = ledger(row)
        values = list(claim(row))
        via = values[_VIA]
        values[_VIA] = () if via == "[]" else tuple(json.loads(via))
        values[_HEDGED] = bool(values[_HEDGED])
        # Positional: keywords cost a fifth more (the ledger's read-back tests compare every field).
        yield LedgerClaim(id_, article_id, Claim(*values), outlet, url, published, title, bool(current))


def claim_record(row: Row[Any]) -> LedgerClaim:
    """The record of one row (see :func:`claim_records`)."""
    return next(claim_records([row]))


def article_record(row: Row[Any]) -> LedgerArticle:
    m = row._mapping
    article = Article(
        doc=m["doc"],
        body=m["body"],
        url=m["url"],
        outlet=m["outlet"],
        published=m["published"],
        language=m["language"],
        title=m["title"],
        author=m["author"],
        source=m["source"],
    )
    return LedgerArticle(
        id=m["id"],
        article=article,
        body_hash=m["body_hash"],
        ingested_at=_aware(m["ingested_at"]),
        extractor=m["extractor"],
        claim_count=m["claim_count"],
    )


def _aware(value: datetime) -> datetime:
    # SQLite hands timestamps back without their zone; they were written in UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def counts(conn: Connection) -> dict[str, int]:
    def n(query: Any) -> int:
        return int(conn.execute(query).scalar_one())

    return {
        "articles": n(select(func.count()).select_from(articles)),
        "extractions": n(select(func.count()).select_from(extractions)),
        "claims": n(select(func.count()).select_from(claims).where(claims.c.is_current.is_(True))),
        "claims_all": n(select(func.count()).select_from(claims)),
    }


def runs(conn: Connection, limit: int) -> list[dict[str, Any]]:
    out = []
    for row in conn.execute(select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit)):
        run = dict(row._mapping)
        run["sources"] = json.loads(run["sources"])
        run["rejections"] = [
            dict(r._mapping)
            for r in conn.execute(
                select(rejections.c.source, rejections.c.line, rejections.c.code, rejections.c.reason)
                .where(rejections.c.run_id == run["id"])
                .order_by(rejections.c.id)
            )
        ]
        out.append(run)
    return out


def integrity_problems(conn: Connection) -> list[str]:
    """What would make the ledger inconsistent, in words; an empty list when it is sound.

    Checks what one-transaction-per-article guarantees: every article has exactly one current
    extraction, every extraction holds the number of claims it says, and a claim is current
    exactly when its extraction is.
    """
    problems = []
    current_count = (
        select(extractions.c.article_id, func.count().label("n"))
        .where(extractions.c.is_current.is_(True))
        .group_by(extractions.c.article_id)
        .subquery()
    )
    for article_id, n in conn.execute(
        select(articles.c.id, current_count.c.n)
        .select_from(articles.outerjoin(current_count, current_count.c.article_id == articles.c.id))
        .where(or_(current_count.c.n.is_(None), current_count.c.n != 1))
    ):
        problems.append(f"article {article_id} has {n or 0} current extractions instead of 1")
    held = select(claims.c.extraction_id, func.count().label("n")).group_by(claims.c.extraction_id).subquery()
    for extraction_id, expected, n in conn.execute(
        select(extractions.c.id, extractions.c.claim_count, func.coalesce(held.c.n, 0))
        .select_from(extractions.outerjoin(held, held.c.extraction_id == extractions.c.id))
        .where(extractions.c.claim_count != func.coalesce(held.c.n, 0))
    ):
        problems.append(f"extraction {extraction_id} should hold {expected} claims but holds {n}")
    for (claim_id,) in conn.execute(
        select(claims.c.id)
        .select_from(claims.join(extractions, claims.c.extraction_id == extractions.c.id))
        .where(claims.c.is_current != extractions.c.is_current)
    ):
        problems.append(f"claim {claim_id} is current while its extraction is not, or the reverse")
    return problems
