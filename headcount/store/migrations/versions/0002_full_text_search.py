"""Full-text search over article bodies (with titles) and claim sentences.

SQLite: FTS5 tables ``articles_fts`` and ``claims_fts`` with external content (the text is not
stored twice) kept in step by triggers, named as sqlite-utils names them so Datasette offers a
search box. PostgreSQL: GIN indexes on ``to_tsvector('simple', …)`` expressions, no extra
columns. Both use no stemming ('simple', unicode61): the corpus mixes languages, and a search for
"deserters" should not silently become one for "desert".

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_SQLITE = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE VIRTUAL TABLE claims_fts USING fts5(
        quote, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, quote) VALUES (new.id, new.quote);
    END""",
    """CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, quote) VALUES ('delete', old.id, old.quote);
    END""",
    """CREATE TRIGGER claims_au AFTER UPDATE OF quote ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, quote) VALUES ('delete', old.id, old.quote);
        INSERT INTO claims_fts (rowid, quote) VALUES (new.id, new.quote);
    END""",
    # Index what is already there (an upgrade of a filled ledger).
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    "INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')",
]

_POSTGRESQL = [
    """CREATE INDEX ix_articles_search ON articles
        USING gin (to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || body))""",
    "CREATE INDEX ix_claims_search ON claims USING gin (to_tsvector('simple'::regconfig, quote))",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE if dialect == "sqlite" else _POSTGRESQL if dialect == "postgresql" else []:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_ai", "articles_ad", "articles_au", "claims_ai", "claims_ad", "claims_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute("DROP INDEX IF EXISTS ix_claims_search")
