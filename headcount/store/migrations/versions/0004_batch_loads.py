"""Batch loads: which partitions of which ``headcount batch`` output a ledger holds already.

``headcount load`` stores each partition of a batch folder in one transaction together with its
row here, so loading the same folder twice (or again after a crash) stores nothing twice: the
partitions recorded are passed over. The rows it loads into ``articles``, ``extractions``,
``claims`` and ``rejections`` are the rows an ingest would store; ``run_id`` ties them to the
``ingest_runs`` row of the load.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_loads",
        sa.Column("batch_id", sa.String(64), nullable=False),
        sa.Column("partition", sa.String(64), nullable=False),
        sa.Column("run_id", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("articles_new", sa.Integer, nullable=False),
        sa.Column("articles_unchanged", sa.Integer, nullable=False),
        sa.Column("claims_stored", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("batch_id", "partition", name="pk_batch_loads"),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name="fk_batch_loads_run_id_ingest_runs", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_batch_loads_run_id", "batch_loads", ["run_id"])


def downgrade() -> None:
    op.drop_table("batch_loads")
