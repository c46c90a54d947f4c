"""A series read newest (or oldest) first with a window or publication dates, from one index.

A ledger grows in the order its articles come in: from a crawl or a monitoring feed, claim ids
follow publication dates. The dashboard's compare page and claims page read the latest claims of
a series that speak of a window; ``headcount claims --since/--until`` reads a series' first claims
of articles published in a date range. Both walk the series in id order until the page is full,
and testing a claim's window or date needed its row (and for the date, its article's row): on a
10-million-claim PostgreSQL ledger with ids in date order (``bench/ledger.py``), the compare page
of desertion / Ukraine for October 2022 read 4.2 million rows to find 600 (2.9 s), and
``claims --metric desertion --side ukraine`` for a quarter took 3.2 s.

``claims.article_published`` copies the article's date onto the claim (as 0007 copied the span),
and ``ix_claims_series`` becomes (metric, side, id, span_end, span_start, article_published,
is_current): the walk tests every claim inside the index, and a page reads its ids from the
index alone before fetching those rows (``store.dashboard``,
``store.queries.claims_query``). The same compare page, its 600 claims, their count and reviews:
125–163 ms; the quarter of claims: 74–91 ms.

Filling the column rewrites every claim, as 0007 did: 16 minutes for 10 million claims on
PostgreSQL on a 2-core machine, then ``VACUUM ANALYZE claims`` (60 s).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SERIES_WALK = ["metric", "side", "id", "span_end", "span_start", "article_published", "is_current"]


def upgrade() -> None:
    # ADD COLUMN, not batch mode's copy of the table, which would lose the full-text triggers.
    op.add_column("claims", sa.Column("article_published", sa.Date))
    op.execute(
        "UPDATE claims SET article_published = articles.published "
        "FROM articles WHERE articles.id = claims.article_id"
    )
    op.drop_index("ix_claims_series", table_name="claims")
    op.create_index("ix_claims_series", "claims", SERIES_WALK)


def downgrade() -> None:
    op.drop_index("ix_claims_series", table_name="claims")
    op.create_index("ix_claims_series", "claims", ["metric", "side", "id"])
    op.drop_column("claims", "article_published")
