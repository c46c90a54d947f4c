"""Claims as JSON Lines: one object per claim, keys in :data:`~headcount.export.COLUMNS` order."""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from headcount.export import row
from headcount.model import LedgerClaim


def write(records: Iterable[LedgerClaim], destination: str | Path | IO[Any]) -> int:
    with ExitStack() as stack:
        out: IO[Any]
        if isinstance(destination, str | Path):
            out = stack.enter_context(open(destination, "w", encoding="utf-8"))
        else:
            out = destination
        count = 0
        for record in records:
            out.write(json.dumps(row(record), ensure_ascii=False) + "\n")
            count += 1
        return count
