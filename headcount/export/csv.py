"""Claims as CSV: one row per claim, a header of :data:`~headcount.export.COLUMNS`.

Spreadsheet-friendly: UTF-8, empty cells for nulls, ``true``/``false`` for flags, ``via`` as a
JSON array (a list of names can itself hold commas).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from headcount.export import COLUMNS, row
from headcount.model import LedgerClaim


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def write(records: Iterable[LedgerClaim], destination: str | Path | IO[Any]) -> int:
    with ExitStack() as stack:
        out: IO[Any]
        if isinstance(destination, str | Path):
            out = stack.enter_context(open(destination, "w", encoding="utf-8", newline=""))
        else:
            out = destination
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        count = 0
        for record in records:
            writer.writerow([_cell(v) for v in row(record).values()])
            count += 1
        return count
