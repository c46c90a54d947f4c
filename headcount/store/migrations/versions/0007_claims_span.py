"""The days each claim speaks of, on the claim: the window of ``headcount compare`` in one index.

A claim speaks of its period; one without a period speaks of its article's publication date
(``model.speaks_of``, ``reconcile.compare.in_window``). Asking for the claims of a series that
speak of a month therefore needed each undated claim's article: on a PostgreSQL ledger of 10
million claims, two thirds of the time of the compare query went to fetching the articles of
claims without a period only to test their date (asylum granted / Russia, one month: 590 ms,
24,000 articles fetched to keep 136). ``span_start``/``span_end`` hold those days on the claim
itself (the article's date copied onto claims without a period), written with the claim by
ingest, re-extraction and ``headcount load``, and filled here for the claims a ledger holds.

``ix_claims_series_span`` (metric, side, span_end, span_start): a window is one range scan of it
whatever the claims' periods. With it (and the reads of ``store.queries.read_every_row`` and
``claim_records``), on the same 10-million-claim ledger (``bench/ledger.py``),
asylum granted / Russia for one month reads its 7,265 claims as ledger records in 145–151 ms
(296 ms with the window as two index scans over the period columns and the articles' dates;
1.2–1.5 s as ``compare_ledger`` read it, the whole series windowed in Python); amnesty returns /
Ukraine, 19,905 claims, in 366–394 ms (687 ms; 3.6 s).

``ix_claims_series_period`` (0005) is dropped: nothing filters on the period columns any more,
and PostgreSQL used it for none of the bench's claims and compare queries (no scan in
``pg_stat_user_indexes``); it took 179 MB for 10 million claims.

Filling the columns rewrites every claim: 11 minutes for 10 million claims on PostgreSQL (2-core
machine), after which the table holds a dead copy of each row until VACUUM (autovacuum, or run
``VACUUM ANALYZE claims``: 70 s there) makes the space reusable.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # ADD COLUMN, not a copy of the table: batch mode on SQLite copies only when it must, and a
    # copy would lose the full-text triggers.
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("span_start", sa.Date))
        batch.add_column(sa.Column("span_end", sa.Date))
    # UPDATE … FROM: SQLite (3.33 and later) and PostgreSQL spell it alike. The same coalesces as
    # model.speaks_of. Every claim has its article (a foreign key), so every row is set.
    op.execute(
        "UPDATE claims SET "
        "span_start = COALESCE(claims.period_start, claims.period_end, articles.published), "
        "span_end = COALESCE(claims.period_end, articles.published, claims.period_start) "
        "FROM articles WHERE articles.id = claims.article_id"
    )
    op.create_index("ix_claims_series_span", "claims", ["metric", "side", "span_end", "span_start"])
    op.drop_index("ix_claims_series_period", table_name="claims")


def downgrade() -> None:
    op.create_index("ix_claims_series_period", "claims", ["metric", "side", "period_end", "period_start"])
    op.drop_index("ix_claims_series_span", table_name="claims")
    # ALTER TABLE … DROP COLUMN (SQLite 3.35 and later) rather than batch mode's copy of the
    # table, which would drop the full-text triggers with the old table.
    op.drop_column("claims", "span_end")
    op.drop_column("claims", "span_start")
