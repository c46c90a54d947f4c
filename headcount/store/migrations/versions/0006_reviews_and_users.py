"""Reviews and the accounts that make them (the dashboard, ``headcount serve``).

``reviews`` holds what analysts decided about claims, one row per decision (accept, correct,
reject, or add a claim the extractor missed), with who, when and a note: machine output in
``claims`` is never updated, so a reviewed ledger still shows what the extractor said.
``review_states`` is derived from ``reviews`` (the latest decision per claim), kept in the same
transaction, so "unreviewed" or "rejected" can filter a million claims by index.

``users`` (argon2 password hashes), ``sessions`` and ``api_tokens`` store only hashes of the
secrets handed out: a copy of the database does not let anyone sign in.

``ix_claims_claimant`` serves the dashboard's claimant and affiliation filters, and the
distinct-claimant list they are resolved against; ``ix_claims_current_series`` (is_current,
metric, side) its counts by series, read from the index alone (8 s → 0.2 s on a million claims).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_sessions"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_sessions_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_api_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_api_tokens_token_hash"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_api_tokens_user_id_users", ondelete="CASCADE"
        ),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("claim_id", sa.Integer),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("reason", sa.String(32)),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_reviews_claim_id_claims", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_reviews_article_id_articles", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_reviews_user_id_users"),
    )
    op.create_index("ix_reviews_claim_id", "reviews", ["claim_id"])
    op.create_index("ix_reviews_article_id", "reviews", ["article_id"])
    op.create_table(
        "review_states",
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("review_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("claim_id", name="pk_review_states"),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name="fk_review_states_claim_id_claims", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name="fk_review_states_review_id_reviews", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_review_states_state", "review_states", ["state", "claim_id"])
    op.create_index("ix_claims_claimant", "claims", ["claimant"])
    op.create_index("ix_claims_current_series", "claims", ["is_current", "metric", "side"])


def downgrade() -> None:
    op.drop_index("ix_claims_current_series", table_name="claims")
    op.drop_index("ix_claims_claimant", table_name="claims")
    op.drop_table("review_states")
    op.drop_table("reviews")
    op.drop_table("api_tokens")
    op.drop_table("sessions")
    op.drop_table("users")
