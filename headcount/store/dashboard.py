"""Reads for the dashboard: one page of claims or articles at a time, fast on millions of rows.

What keeps a page fast on a ledger of a million claims (``bench/web.py``):

- a page is ``LIMIT n+1`` rows in index order (newest first by id), so a filter stops reading as
  soon as the page is full; deep pages are refused beyond :data:`MAX_OFFSET` (narrow the filter);
- the number of matches is counted up to :data:`COUNT_CAP` only ("1,000+");
- full-text search on SQLite drives the query from the FTS5 index in rowid order (a join, not
  ``IN (SELECT …)``, which would first collect every match of a common word), and checks the
  metric and side of each match in an index that holds them with the id (``ix_claims_series``,
  ``ix_claims_current_metric``, ``ix_claims_side``: SQLite keeps the rowid in every index)
  before reading the claim's row: a search for a word common elsewhere but rare in the metric
  reads index pages, not a row per match (1.5 s → under 0.1 s on a million claims);
- the claimant's affiliation is resolved in Python against the distinct claimant names (an
  indexed ``SELECT DISTINCT``), then filtered with ``claimant IN (…)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, and_, column, exists, func, literal_column, or_, select, table, text

from headcount import errors
from headcount.errors import StoreError
from headcount.model import METRICS, SIDES, LedgerArticle, LedgerClaim
from headcount.store.queries import _CLAIM_COLUMNS, _like, article_record, claim_records, span_window
from headcount.store.reviews import review_states
from headcount.store.search import parse_search
from headcount.store.tables import articles, claims, extractions

#: Matches counted at most: past this the page says "1,000+".
COUNT_CAP = 1_000
#: Rows skipped at most by paging: deeper pages must narrow the filter instead.
MAX_OFFSET = 10_000
SORTS: tuple[str, ...] = ("newest", "oldest", "published", "value")
STATE_FILTERS: tuple[str, ...] = ("unreviewed", "accepted", "corrected", "rejected", "reviewed")

_claims_fts = table("claims_fts", column("rowid"))


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    """The claims table's filters; ``claimants`` is a resolved list (an affiliation's names)."""

    metric: str | None = None
    side: str | None = None
    claimant: str | None = None
    claimants: tuple[str, ...] | None = None
    outlet: str | None = None
    since: date | None = None  # the claim speaks of some day of since..until (compare's window)
    until: date | None = None
    hedged: bool | None = None
    state: str | None = None
    search: str | None = None
    article_id: int | None = None


def _check(name: str, value: str | None, allowed: Sequence[str]) -> None:
    if value and value not in allowed:
        raise StoreError(
            name, f"unknown {name} {value!r}; choose from {', '.join(allowed)}", code=errors.BAD_QUERY
        )


def _check_filters(f: ClaimFilters, sort: str) -> None:
    _check("metric", f.metric, METRICS)
    _check("side", f.side, SIDES)
    _check("state", f.state, STATE_FILTERS)
    _check("sort", sort, SORTS)


def _claims_select(engine: Engine, f: ClaimFilters, columns: Sequence[Any], sort: str) -> Any:
    _check_filters(f, sort)
    joined = claims.join(articles, claims.c.article_id == articles.c.id)
    fts = bool(f.search) and engine.dialect.name == "sqlite"
    if fts:
        joined = _claims_fts.join(joined, claims.c.id == _claims_fts.c.rowid)
    query = select(*columns).select_from(joined).where(claims.c.is_current.is_(True))
    if f.search:
        parsed = parse_search(f.search)
        if fts:
            query = query.where(text("claims_fts MATCH :fts_query").bindparams(fts_query=parsed.to_fts5()))
        else:
            tsvector = func.to_tsvector(literal_column("'simple'::regconfig"), claims.c.quote)
            query = query.where(
                tsvector.bool_op("@@")(
                    func.to_tsquery(literal_column("'simple'::regconfig"), parsed.to_tsquery())
                )
            )
    if fts and (f.metric or f.side):
        query = query.where(_indexed_series_check(f.metric, f.side))
    query = query.where(*_own_conditions(f))
    if f.claimant:
        pattern = _like(f.claimant)
        query = query.where(
            or_(claims.c.claimant.ilike(pattern, escape="\\"), claims.c.via.ilike(pattern, escape="\\"))
        )
    if f.claimants is not None:
        query = query.where(claims.c.claimant.in_(list(f.claimants) or [""]))
    if f.outlet:
        query = query.where(articles.c.outlet.ilike(_like(f.outlet), escape="\\"))
    if f.state == "unreviewed":
        query = query.where(~exists().where(review_states.c.claim_id == claims.c.id))
    elif f.state == "reviewed":
        query = query.where(exists().where(review_states.c.claim_id == claims.c.id))
    elif f.state:
        query = query.where(
            claims.c.id.in_(select(review_states.c.claim_id).where(review_states.c.state == f.state))
        )
    key = _claims_fts.c.rowid if fts else claims.c.id
    if sort == "newest":
        query = query.order_by(key.desc())
    elif sort == "oldest":
        query = query.order_by(key)
    elif sort == "published":
        query = query.order_by(articles.c.published.desc().nulls_last(), claims.c.id.desc())
    else:
        value = func.coalesce(claims.c.high, claims.c.low)
        query = query.order_by(value.desc().nulls_last(), claims.c.id.desc())
    return query


def _own_conditions(f: ClaimFilters) -> list[Any]:
    """The filters on the claims' own columns: metric, side, window, hedging, article."""
    conditions = []
    if f.metric:
        conditions.append(claims.c.metric == f.metric)
    if f.side:
        conditions.append(claims.c.side == f.side)
    if f.since is not None or f.until is not None:
        conditions.extend(span_window(f.since, f.until))
    if f.hedged is not None:
        conditions.append(claims.c.hedged.is_(f.hedged))
    if f.article_id is not None:
        conditions.append(claims.c.article_id == f.article_id)
    return conditions


def _series_ids(f: ClaimFilters, sort: str) -> Any:
    """For a page of one series (metric or side, the window, newest or oldest first): the SELECT
    of its ids on the claims' own columns, which PostgreSQL answers from ``ix_claims_series``
    alone (migration 0008; hedging or an article still need the rows) before reading only the
    rows of the page; None for any other filter or order."""
    if not (f.metric or f.side) or sort not in ("newest", "oldest"):
        return None
    if f.claimant or f.claimants is not None or f.outlet or f.state or f.search:
        return None
    query = select(claims.c.id).where(claims.c.is_current.is_(True), *_own_conditions(f))
    return query.order_by(claims.c.id.desc() if sort == "newest" else claims.c.id)


def _indexed_series_check(metric: str | None, side: str | None) -> Any:
    """``EXISTS`` a claim with this id, metric and side, answered from an index alone (SQLite:
    ``INDEXED BY`` makes sure the planner does not read the row by its primary key instead)."""
    if metric and side:
        index, where = (
            "ix_claims_series",
            "p.metric = :probe_metric AND p.side = :probe_side",
        )  # (metric, side, id)
    elif metric:
        index, where = "ix_claims_current_metric", "p.is_current = 1 AND p.metric = :probe_metric"  # + rowid
    else:
        index, where = "ix_claims_side", "p.side = :probe_side"  # (side) + rowid
    values = {k: v for k, v in (("probe_metric", metric), ("probe_side", side)) if v}
    return text(
        f"EXISTS (SELECT 1 FROM claims AS p INDEXED BY {index} WHERE {where} AND p.id = claims_fts.rowid)"
    ).bindparams(**values)


def claims_page(
    engine: Engine, filters: ClaimFilters, *, sort: str = "newest", offset: int = 0, limit: int = 50
) -> tuple[list[LedgerClaim], bool]:
    """One page of current claims matching ``filters``, and whether more follow."""
    if offset > MAX_OFFSET:
        raise StoreError(
            "page",
            f"pages past the first {MAX_OFFSET:,} claims are not shown; narrow the filters",
            code=errors.BAD_QUERY,
        )
    ids = _series_ids(filters, sort)
    if ids is not None:
        _check_filters(filters, sort)
        key = claims.c.id.desc() if sort == "newest" else claims.c.id
        query = (
            select(*_CLAIM_COLUMNS)
            .select_from(claims.join(articles, claims.c.article_id == articles.c.id))
            .where(claims.c.id.in_(ids.offset(offset).limit(limit + 1)))
            .order_by(key)
        )
    else:
        query = _claims_select(engine, filters, _CLAIM_COLUMNS, sort).offset(offset).limit(limit + 1)
    with engine.connect() as conn:
        rows = list(claim_records(conn.execute(query)))
    return rows[:limit], len(rows) > limit


def iter_filtered(engine: Engine, filters: ClaimFilters, *, sort: str = "newest") -> Any:
    """Every current claim matching ``filters``, streamed (the CSV/JSONL download)."""
    query = _claims_select(engine, filters, _CLAIM_COLUMNS, sort)
    with engine.connect() as conn:
        yield from claim_records(conn.execution_options(yield_per=1000).execute(query))


def count_claims(engine: Engine, filters: ClaimFilters, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """How many current claims match, counted up to ``cap``; and whether the cap was reached."""
    ids = _series_ids(filters, "newest")
    if ids is not None:
        _check_filters(filters, "newest")
        inner = ids.limit(cap + 1).subquery()
    else:
        inner = _claims_select(engine, filters, [claims.c.id], "newest").limit(cap + 1).subquery()
    with engine.connect() as conn:
        n = int(conn.execute(select(func.count()).select_from(inner)).scalar_one())
    return min(n, cap), n > cap


def claims_by_id(engine: Engine, ids: Sequence[int]) -> dict[int, LedgerClaim]:
    """Claims (current or not) by id."""
    out: dict[int, LedgerClaim] = {}
    joined = claims.join(articles, claims.c.article_id == articles.c.id)
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            query = select(*_CLAIM_COLUMNS).select_from(joined).where(claims.c.id.in_(list(ids[i : i + 500])))
            for record in claim_records(conn.execute(query)):
                out[record.id] = record
    return out


def series_counts(engine: Engine) -> list[tuple[str, str, int]]:
    """``(metric, side, current claims)`` for every series, largest first."""
    query = (
        select(claims.c.metric, claims.c.side, func.count())
        .where(claims.c.is_current.is_(True))
        .group_by(claims.c.metric, claims.c.side)
    )
    with engine.connect() as conn:
        rows = [(m, s, int(n)) for m, s, n in conn.execute(query)]
    return sorted(rows, key=lambda r: (-r[2], r[0], r[1]))


def series_size(engine: Engine, metric: str, side: str) -> int:
    """Current claims of one series (index-only: ``ix_claims_current_series``)."""
    query = select(func.count()).where(
        claims.c.is_current.is_(True), claims.c.metric == metric, claims.c.side == side
    )
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def distinct_claimants(engine: Engine) -> list[str]:
    """Every claimant name in the ledger (index-only: ``ix_claims_claimant``)."""
    with engine.connect() as conn:
        return list(conn.execute(select(claims.c.claimant).distinct()).scalars())


def claimant_counts(engine: Engine) -> dict[str, int]:
    """Current claims per claimant name."""
    query = (
        select(claims.c.claimant, func.count())
        .where(claims.c.is_current.is_(True))
        .group_by(claims.c.claimant)
    )
    with engine.connect() as conn:
        return {name: int(n) for name, n in conn.execute(query)}


def outlets(engine: Engine, limit: int = 500) -> list[str]:
    with engine.connect() as conn:
        return list(
            conn.execute(
                select(articles.c.outlet).where(articles.c.outlet.is_not(None)).distinct().limit(limit)
            ).scalars()
        )


def articles_page(
    engine: Engine,
    *,
    outlet: str | None = None,
    search: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> tuple[list[LedgerArticle], bool]:
    """One page of articles, newest first by id, with their current extraction."""
    if offset > MAX_OFFSET:
        raise StoreError("page", "too deep; narrow the filters", code=errors.BAD_QUERY)
    query = select(
        *articles.c, extractions.c.extractor, func.coalesce(extractions.c.claim_count, 0).label("claim_count")
    ).select_from(
        articles.outerjoin(
            extractions, and_(extractions.c.article_id == articles.c.id, extractions.c.is_current.is_(True))
        )
    )
    if outlet:
        query = query.where(articles.c.outlet.ilike(_like(outlet), escape="\\"))
    if search:
        parsed = parse_search(search)
        if engine.dialect.name == "sqlite":
            query = query.where(
                articles.c.id.in_(
                    text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q").bindparams(
                        q=parsed.to_fts5()
                    )
                )
            )
        else:
            body = func.coalesce(articles.c.title, "") + " " + articles.c.body
            tsvector = func.to_tsvector(literal_column("'simple'::regconfig"), body)
            query = query.where(
                tsvector.bool_op("@@")(
                    func.to_tsquery(literal_column("'simple'::regconfig"), parsed.to_tsquery())
                )
            )
    query = query.order_by(articles.c.id.desc()).offset(offset).limit(limit + 1)
    with engine.connect() as conn:
        rows = [article_record(r) for r in conn.execute(query)]  # type: ignore[arg-type]
    return rows[:limit], len(rows) > limit


def article_ids_from(engine: Engine, source: str) -> list[int]:
    """Articles read from ``source`` (a path or URL, or records of it: ``file.jsonl:3``)."""
    query = (
        select(articles.c.id)
        .where(or_(articles.c.source == source, articles.c.source.like(source.replace("%", "") + ":%")))
        .order_by(articles.c.id)
    )
    with engine.connect() as conn:
        return list(conn.execute(query).scalars())


def version(engine: Engine) -> tuple[int, int, int]:
    """``(latest article id, extraction id, claim id)``: changes whenever the ledger does, read
    from the primary keys alone (no count over a million rows)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(
                select(func.coalesce(func.max(articles.c.id), 0)).scalar_subquery(),
                select(func.coalesce(func.max(extractions.c.id), 0)).scalar_subquery(),
                select(func.coalesce(func.max(claims.c.id), 0)).scalar_subquery(),
            )
        ).one()
    return int(row[0]), int(row[1]), int(row[2])


__all__ = [
    "COUNT_CAP",
    "MAX_OFFSET",
    "SORTS",
    "STATE_FILTERS",
    "ClaimFilters",
    "article_ids_from",
    "articles_page",
    "claimant_counts",
    "claims_by_id",
    "claims_page",
    "count_claims",
    "distinct_claimants",
    "iter_filtered",
    "outlets",
    "series_counts",
    "series_size",
    "version",
]
