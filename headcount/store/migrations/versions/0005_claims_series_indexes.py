"""Indexes for a team ledger of millions of claims: one series in id order, and in time.

``ix_claims_series`` (metric, side, id): ``headcount claims --metric M --side S`` and the
dashboard's first page read a series in id order. Without it PostgreSQL combined the metric and
side indexes in a bitmap and sorted every row of the series: 650 ms for a rare series of a
10-million-claim ledger, 3 ms with it (``bench/ledger.py``).

``ix_claims_series_period`` (metric, side, period_end, period_start): what ``headcount compare``
reads, a series whose periods reach into a window, is a range scan of one index instead of the
whole series.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_series", "claims", ["metric", "side", "id"])
    op.create_index("ix_claims_series_period", "claims", ["metric", "side", "period_end", "period_start"])


def downgrade() -> None:
    op.drop_index("ix_claims_series_period", table_name="claims")
    op.drop_index("ix_claims_series", table_name="claims")
