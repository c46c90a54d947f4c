"""The ledger's schema: created by the migrations on open, plain and browsable, reversible."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect

from headcount import StoreError, errors, ingest, open_ledger
from headcount.store.engine import current_revision, head_revision

TABLES = {"alembic_version", "articles", "extractions", "claims", "ingest_runs", "rejections"}


def test_a_new_ledger_is_created_at_the_latest_revision(ledger) -> None:
    names = set(inspect(ledger.engine).get_table_names())
    assert names >= TABLES
    if ledger.backend == "sqlite":
        assert {"articles_fts", "claims_fts"} <= names
    assert current_revision(ledger.engine) == head_revision()
    columns = {c["name"] for c in inspect(ledger.engine).get_columns("claims")}
    assert {"quote", "figure", "low", "high", "metric", "side", "claimant", "via", "hedged"} <= columns
    assert {"char_start", "char_end", "period_start", "period_end", "extractor"} <= columns


def test_opening_again_keeps_what_is_stored(ledger_url: str, sample_paths) -> None:
    with open_ledger(ledger_url) as first:
        ingest(first, [str(sample_paths[0])])
        counts = first.counts()
    with open_ledger(ledger_url) as second:
        assert second.counts() == counts


def test_migrations_go_down_and_up_again(ledger, sample_paths) -> None:
    from alembic import command

    from headcount.store.engine import _alembic_config, write_connection

    ingest(ledger, [str(sample_paths[0])])
    cfg = _alembic_config()
    with write_connection(ledger.engine) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert len(ledger.articles(search="deserters")) == 1  # full-text search at every revision
    with write_connection(ledger.engine) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    with write_connection(ledger.engine) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    # Upgrading a filled ledger indexes what it already holds.
    assert len(ledger.articles(search="deserters")) == 1
    with write_connection(ledger.engine) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(ledger.engine).get_table_names()) <= {"alembic_version"}


def test_sqlite_ledger_is_plain_sqlite_in_wal_mode(tmp_path: Path, sample_paths) -> None:
    path = tmp_path / "plain.db"
    with open_ledger(f"sqlite:///{path}") as ledger:
        ingest(ledger, [str(p) for p in sample_paths])
        expected = ledger.counts()["claims"]
    # Any SQL client (Datasette, sqlite3) reads it with plain SQL, full-text search included.
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("SELECT count(*) FROM claims WHERE is_current").fetchone() == (expected,)
        hits = conn.execute(
            "SELECT articles.doc FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid "
            "WHERE articles_fts MATCH 'lapse'"
        ).fetchall()
        assert hits == [("tass-security-source.txt",)]
        # Datasette's test for "this table has full-text search" (datasette.utils.detect_fts).
        for table in ("articles", "claims"):
            found = conn.execute(
                "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?",
                (f"%VIRTUAL TABLE%USING FTS%content=[{table}]%",),
            ).fetchall()
            assert found == [(f"{table}_fts",)]
        row = conn.execute(
            "SELECT via, hedged, char_start, char_end FROM claims ORDER BY id LIMIT 1"
        ).fetchone()
        assert row[0].startswith("[") and row[1] in (0, 1) and row[2] < row[3]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "not a database URL"),
        ("mysql://localhost/x", "'mysql' is not supported"),
        ("sqlite:////nonexistent-folder-headcount/x.db", "does not exist"),
        ("sqlite://", "in-memory SQLite ledger is not supported"),
        ("sqlite:///:memory:", "in-memory SQLite ledger is not supported"),
    ],
)
def test_a_ledger_that_cannot_be_opened_says_why(url: str, fragment: str) -> None:
    with pytest.raises(StoreError) as caught:
        open_ledger(url)
    assert caught.value.code == errors.DB_UNAVAILABLE
    assert fragment in str(caught.value)


def test_an_unreachable_postgresql_is_a_store_error() -> None:
    with pytest.raises(StoreError) as caught:
        open_ledger("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    assert caught.value.code == errors.DB_UNAVAILABLE
    assert "secret" not in str(caught.value)


def test_a_ledger_from_a_newer_headcount_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_ledger(f"sqlite:///{path}").close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as caught:
        open_ledger(f"sqlite:///{path}")
    assert caught.value.code == errors.DB_MIGRATION
    assert "newer headcount" in str(caught.value)


def test_connections_go_back_to_the_pool_as_the_engine_set_them_up(ledger, sample_paths) -> None:
    ingest(ledger, [str(p) for p in sample_paths])
    with ledger.engine.connect() as conn:
        if ledger.backend == "postgresql":
            # The ingest's writer relaxed synchronous_commit for itself only.
            assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
        else:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
            assert conn.connection.dbapi_connection.isolation_level is None
