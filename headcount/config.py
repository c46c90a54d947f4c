"""Settings, from the environment with defaults that work on a fresh machine."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Files over this size are rejected rather than read (HEADCOUNT_MAX_BYTES overrides it).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The embedded default ledger: a SQLite file in the working folder.
DEFAULT_DB_URL = "sqlite:///headcount.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_env(cls) -> Settings:
        max_bytes = os.environ.get("HEADCOUNT_MAX_BYTES")
        return cls(
            db_url=os.environ.get("HEADCOUNT_DB") or DEFAULT_DB_URL,
            max_bytes=int(max_bytes) if max_bytes and max_bytes.isdigit() else DEFAULT_MAX_BYTES,
        )
