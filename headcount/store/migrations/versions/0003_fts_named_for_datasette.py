"""Full-text tables that Datasette recognises: ``content=[articles]`` as sqlite-utils writes it.

Datasette finds a table's FTS index by looking for ``content="table"`` or ``content=[table]`` in
the virtual table's SQL; 0002 wrote ``content='table'``, which it passes over, so its search box
did not appear. The tables are rebuilt from their content tables; PostgreSQL is untouched.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = {
    "articles_fts": ("articles", "title, body"),
    "claims_fts": ("claims", "quote"),
}


def _recreate(quote: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for fts, (content, columns) in _TABLES.items():
        # The triggers name the FTS table, not its options: dropping and re-creating the table
        # under the same name keeps them working.
        op.execute(f"DROP TABLE {fts}")
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content={quote.format(content)}, "
            "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate("[{}]")


def downgrade() -> None:
    _recreate("'{}'")
