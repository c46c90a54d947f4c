"""Reads for the cross-check: article texts in bulk, without the extraction join.

``Ledger.articles`` builds a full record per article (with its current extraction); the
narrative stages need only id, name, outlet, date, title and body, for tens of thousands of
articles, streamed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from headcount.store.tables import articles

if TYPE_CHECKING:
    from headcount.narratives.records import Document
    from headcount.store.ledger import Ledger

#: Ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits.
_BATCH = 5000


def iter_documents(
    ledger: Ledger,
    article_ids: Sequence[int] | None = None,
    *,
    since: date | None = None,
    until: date | None = None,
) -> Iterator[Document]:
    """The ledger's articles (those of ``article_ids`` if given; published ``since``..``until``)
    as :class:`~headcount.narratives.records.Document`, in id order."""
    from headcount.narratives.records import Document

    columns = (
        articles.c.id,
        articles.c.doc,
        articles.c.body,
        articles.c.outlet,
        articles.c.published,
        articles.c.title,
    )
    base = select(*columns).order_by(articles.c.id)
    if since is not None:
        base = base.where(articles.c.published >= since)
    if until is not None:
        base = base.where(articles.c.published <= until)
    batches = (
        [base]
        if article_ids is None
        else [
            base.where(articles.c.id.in_(list(article_ids[i : i + _BATCH])))
            for i in range(0, len(article_ids), _BATCH)
        ]
    )
    with ledger.engine.connect() as conn:
        for query in batches:
            for row in conn.execution_options(yield_per=1000).execute(query):
                yield Document(row.id, row.doc, row.body, row.outlet, row.published, row.title)
