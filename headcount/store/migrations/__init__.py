"""Alembic migrations of the ledger schema (run by ``headcount.store.engine.migrate``)."""
