"""A batch folder -> the ledger: every finished partition, in plan order, one transaction each.

Loading reads the manifest, passes over the partitions the ledger holds already (``batch_loads``)
and hands each other finished partition's rows to :class:`headcount.store.bulk.BulkLoader`. Plan
order is reading order, so articles get their ids in the order an ingest of the same inputs would
give them, and the first copy of a body wins as it does in an ingest. Loading twice changes
nothing: the second load finds every partition recorded and does not even open a run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from headcount.batch.output import TABLES, Folder, read_manifest, read_parquet

if TYPE_CHECKING:
    from headcount.store import Ledger

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoadProgress:
    done: int
    total: int
    new: int
    claims: int


@dataclass(frozen=True, slots=True)
class LoadSummary:
    """What one ``headcount load`` did."""

    batch_id: str
    partitions: int  # finished partitions in the batch folder
    loaded: int  # by this load
    skipped: int  # loaded before
    pending: int  # not finished by the batch yet: run it again, then load again
    new: int
    unchanged: int
    claims: int
    rejected: int
    seconds: float
    run_id: int | None = None


def load_batch(
    ledger: Ledger, out: str | Path, *, on_progress: Callable[[LoadProgress], None] | None = None
) -> LoadSummary:
    """Load the finished partitions of the batch folder ``out`` into ``ledger``."""
    import time

    from headcount.store.bulk import BulkLoader

    started = time.perf_counter()
    folder = Folder(str(out))
    manifest = read_manifest(folder)
    batch_id = manifest["batch_id"]
    done = folder.done()
    plan = sorted(manifest["partitions"], key=lambda p: p["index"])
    finished = [p["id"] for p in plan if p["id"] in done]
    loader = BulkLoader(ledger.engine)
    held = loader.loaded(batch_id)
    todo = [p for p in finished if p not in held]
    totals = {"new": 0, "unchanged": 0, "claims": 0, "rejected": 0}
    run_id: int | None = None
    if on_progress:
        on_progress(LoadProgress(0, len(todo), 0, 0))
    try:
        for i, part in enumerate(todo, start=1):
            if run_id is None:
                run_id = loader.start_run(manifest["inputs"], manifest["extractor"])
            outcome = loader.load(read_partition(folder, batch_id, part), run_id)
            totals["new"] += outcome.new
            totals["unchanged"] += outcome.unchanged
            totals["claims"] += outcome.claims
            totals["rejected"] += outcome.rejected
            if on_progress:
                on_progress(LoadProgress(i, len(todo), totals["new"], totals["claims"]))
    finally:
        if run_id is not None:
            loader.finish_run(
                run_id,
                new=totals["new"],
                unchanged=totals["unchanged"],
                claims_stored=totals["claims"],
                rejected=totals["rejected"],
            )
    return LoadSummary(
        batch_id=batch_id,
        partitions=len(finished),
        loaded=len(todo),
        skipped=len(finished) - len(todo),
        pending=len(plan) - len(finished),
        seconds=time.perf_counter() - started,
        run_id=run_id,
        **totals,
    )


def read_partition(folder: Folder, batch_id: str, part: str) -> Any:
    """One partition's three Parquet files as :class:`~headcount.store.bulk.PartitionRows`."""
    from headcount.store.bulk import PartitionRows

    tables = {}
    for name in TABLES:
        with folder.fs.open(folder.part_file(name, part), "rb") as fh:
            tables[name] = read_parquet(fh).to_pylist()
    return PartitionRows(batch_id, part, tables["articles"], tables["claims"], tables["rejections"])
