"""Claims as Parquet (pyarrow): typed columns (dates as dates, ``via`` as a list of strings),
written in row groups so an export of millions of claims never sits in memory whole."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from headcount import errors
from headcount.errors import ConfigError
from headcount.export import COLUMNS, row
from headcount.model import LedgerClaim

#: Claims per row group: large enough for good compression, small enough to stay light.
BATCH = 10_000


def schema() -> Any:
    import pyarrow as pa

    types: dict[str, Any] = {
        "id": pa.int64(),
        "article_id": pa.int64(),
        "low": pa.float64(),
        "high": pa.float64(),
        "period_start": pa.date32(),
        "period_end": pa.date32(),
        "published": pa.date32(),
        "via": pa.list_(pa.string()),
        "hedged": pa.bool_(),
        "current": pa.bool_(),
        "start": pa.int64(),
        "end": pa.int64(),
        "sentence_start": pa.int64(),
        "sentence_end": pa.int64(),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def write(records: Iterable[LedgerClaim], destination: str | Path | IO[Any]) -> int:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    if not isinstance(destination, str | Path):
        raise ConfigError("-o", "Parquet is binary: give a file name with -o", code=errors.BAD_SETTING)
    target = schema()
    dates = {"period_start", "period_end", "published"}

    def batch_of(rows: list[dict[str, Any]]) -> Any:
        for r in rows:
            for name in dates:
                if r[name] is not None:
                    r[name] = dt.date.fromisoformat(r[name])
        return pa.RecordBatch.from_pylist(rows, schema=target)

    count = 0
    with pq.ParquetWriter(str(destination), target) as writer:
        pending: list[dict[str, Any]] = []
        for record in records:
            pending.append(row(record))
            if len(pending) >= BATCH:
                writer.write_batch(batch_of(pending))
                count += len(pending)
                pending = []
        if pending or count == 0:
            writer.write_batch(batch_of(pending))
            count += len(pending)
    return count
