"""Ledger claims -> files: CSV, JSON Lines and Parquet, one writer module per format.

Every writer takes an iterable of :class:`~headcount.model.LedgerClaim` (streamed from the
ledger, so memory stays flat) and a destination, writes the columns of :data:`COLUMNS` in that
order and returns how many claims it wrote. A format is one entry of :data:`WRITERS`; adding one
(ClaimReview, for fact-checkers) is adding a module and a line here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from headcount.model import SCHEMA_FIELDS, LedgerClaim

#: Columns of an export: ledger ids, the SCHEMA.md fields, offsets and provenance, then the
#: article's metadata. ``via`` is a list (a JSON array in CSV).
COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    *SCHEMA_FIELDS,
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "extractor",
    "language",
    "outlet",
    "url",
    "published",
    "title",
    "current",
)

Writer = Callable[[Iterable[LedgerClaim], "str | Path | IO[Any]"], int]


def _writers() -> dict[str, Writer]:
    from headcount.export import csv, jsonl, parquet

    return {"csv": csv.write, "jsonl": jsonl.write, "parquet": parquet.write}


#: Format names, in the order the CLI lists them.
FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")


def export_claims(records: Iterable[LedgerClaim], fmt: str, destination: str | Path | IO[Any]) -> int:
    """Write ``records`` to ``destination`` (a path, or a text stream for csv/jsonl) in ``fmt``."""
    from headcount import errors
    from headcount.errors import ConfigError

    writers = _writers()
    if fmt not in writers:
        raise ConfigError(
            "--format",
            f"unknown export format {fmt!r}; choose from {', '.join(writers)}",
            code=errors.BAD_SETTING,
        )
    return writers[fmt](records, destination)


def row(record: LedgerClaim) -> dict[str, Any]:
    """One export row, JSON-ready, keyed by :data:`COLUMNS`."""
    data = record.to_dict()
    return {name: data[name] for name in COLUMNS}


__all__ = ["COLUMNS", "FORMATS", "export_claims", "row"]
