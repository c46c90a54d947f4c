"""Alembic environment for the ledger: runs on the connection ``headcount.store.engine`` hands it.

``open_ledger`` migrates on open, inside a transaction that holds the database's write lock (so two
processes opening a new ledger at once do not both create it). Developers adding a revision use
``python -m headcount.store.engine revision -m "what changes"`` against a scratch database.
Batch mode is on: SQLite cannot ALTER most things in place, batch operations copy the table.
"""

from __future__ import annotations

from alembic import context

from headcount.store.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through headcount.store.engine
    raise RuntimeError("run the ledger's migrations through headcount.store.engine.migrate()")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
