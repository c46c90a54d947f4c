"""Opening a ledger database: one engine setup for SQLite and PostgreSQL, and its migrations.

SQLite is set up for several writers: WAL (readers never wait for a writer), a busy timeout (a
writer waits its turn instead of failing), ``synchronous=NORMAL`` (a commit survives a killed
process; only a power cut can lose the last ones, never consistency) and foreign keys on. Write
transactions start with ``BEGIN IMMEDIATE``: with the default deferred BEGIN two writers can
both read, then deadlock when upgrading to a write lock, and SQLite fails one at once instead of
waiting. PostgreSQL needs none of this.

Run as ``python -m headcount.store.engine revision -m "message"`` to add a migration.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from headcount import errors
from headcount.errors import StoreError

log = logging.getLogger(__name__)

#: Seconds a SQLite writer waits for another's transaction before giving up.
BUSY_TIMEOUT = 60
#: SQLite: pages in the write-ahead log before it is copied back (default 1000) and page cache
#: per connection in KiB (default 2 MiB).
WAL_CHECKPOINT_PAGES = 10_000
CACHE_KIB = 8 * 1024
MIGRATIONS = Path(__file__).parent / "migrations"
#: Key of the PostgreSQL advisory lock that serialises migrations (any constant will do).
_MIGRATION_LOCK = 0x68_63_6E_74  # "hcnt"


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for a ledger URL (``sqlite:///path``, ``postgresql+psycopg://…``); with
    ``create=False`` a SQLite file that does not exist yet is an error, not a new ledger."""
    shown = display_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(
            shown,
            "not a database URL; use sqlite:///path/to/ledger.db or postgresql+psycopg://user@host/db",
            code=errors.DB_UNAVAILABLE,
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver headcount installs
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            shown, f"{backend!r} is not supported; use SQLite or PostgreSQL", code=errors.DB_UNAVAILABLE
        )
    if backend == "sqlite":
        database = parsed.database
        if not database or database == ":memory:":
            # Each connection to an in-memory database sees a database of its own, and an
            # ingest reads and writes on two.
            raise StoreError(
                shown,
                "an in-memory SQLite ledger is not supported; use a file, e.g. sqlite:////tmp/ledger.db",
                code=errors.DB_UNAVAILABLE,
            )
        path = Path(database).expanduser().resolve()
        if not path.parent.is_dir():
            raise StoreError(shown, f"the folder {path.parent} does not exist", code=errors.DB_UNAVAILABLE)
        if not create and not path.exists():
            raise StoreError(
                database,
                "no ledger here yet; fill one with `headcount ingest SOURCE...` or give --db",
                code=errors.DB_UNAVAILABLE,
            )
    try:
        if backend == "sqlite":
            engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT})
            _sqlite_setup(engine)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, SQLAlchemyError) as exc:
        raise StoreError(shown, f"cannot open: {exc}", code=errors.DB_UNAVAILABLE) from None
    return engine


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT * 1000}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Fewer, larger checkpoints and a larger page cache: an ingest writes index and
        # full-text pages all over the file (measured: a quarter less time per article).
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Reads run without a transaction: each statement sees what is committed, and an
        # ingest's per-article look-up saves a BEGIN/ROLLBACK round.
        if conn.get_execution_options().get("write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def write_connection(engine: Engine) -> Connection:
    """A connection whose transactions take the write lock at BEGIN (SQLite; no-op elsewhere)."""
    return engine.connect().execution_options(write=True)


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the ledger's schema to the latest revision; a new database gets every table.

    Runs under the write lock (SQLite) or an advisory lock (PostgreSQL): two processes opening a
    new ledger at once must not both create it.
    """
    from alembic import command
    from alembic.script import ScriptDirectory

    shown = display_url(engine.url.render_as_string(hide_password=True))
    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise StoreError(shown, f"cannot open: {_first_line(exc)}", code=errors.DB_UNAVAILABLE) from None
    if current == head:
        return
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(
            shown,
            f"the ledger is at schema revision {current!r}, made by a newer headcount; upgrade headcount",
            code=errors.DB_MIGRATION,
        )
    try:
        with write_connection(engine) as conn, conn.begin():
            if engine.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as exc:
        raise StoreError(
            shown, f"could not update the ledger's schema: {_first_line(exc)}", code=errors.DB_MIGRATION
        ) from None
    log.info("ledger %s migrated from %s to %s", shown, current or "nothing", head)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


if __name__ == "__main__":  # pragma: no cover - a developer tool
    import argparse

    from alembic import command

    parser = argparse.ArgumentParser(prog="python -m headcount.store.engine")
    parser.add_argument("action", choices=["revision"], help="add an empty migration to fill in")
    parser.add_argument("-m", "--message", required=True, help="what the migration changes")
    args = parser.parse_args()
    command.revision(_alembic_config(), message=args.message)
