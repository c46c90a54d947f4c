"""The ledger's storage: tables, writes, queries and migrations. The only package that imports
SQLAlchemy; everything else talks to :class:`Ledger` and gets records from ``headcount.model``."""

from headcount.store.ledger import Ledger, Records, body_hash

__all__ = ["Ledger", "Records", "body_hash"]
