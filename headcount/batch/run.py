"""The batch: plan partitions, map :func:`~headcount.batch.partition.run_partition` over them on
a Dask cluster, follow progress, record the manifest.

The graph is a Dask bag with one partition per plan partition, mapped by ``run_partition`` (which
maps :func:`headcount.pipeline.process` over its articles) and submitted with a single
``client.compute``. Workers are processes with one thread each: extraction is pure Python and
holds the GIL. Results never travel through the scheduler: each task writes its Parquet files to
the output folder and returns a few counts, which the client folds into progress and the manifest
as tasks finish. A partition that fails (a full disk, an unreachable bucket) is reported and the
rest goes on; a worker that dies mid-task has its task re-run elsewhere by Dask, and the
partition's marker makes the re-run write it exactly once.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from headcount import errors
from headcount.batch.output import Folder, open_manifest
from headcount.batch.partition import run_partition
from headcount.batch.plan import PARTITION_BYTES, PARTITION_FILES, Partition, plan_partitions
from headcount.config import Settings
from headcount.errors import ConfigError
from headcount.extract import EXTRACTOR

log = logging.getLogger(__name__)

#: Seconds between rewrites of the manifest while a batch runs (markers are the truth; the
#: manifest is their summary for people and tools).
MANIFEST_EVERY = 10.0
#: Seconds to wait for a remote scheduler to answer.
CONNECT_TIMEOUT = 30
#: How often Dask retries a partition whose task raised (a transient storage error).
RETRIES = 2


@dataclass(frozen=True, slots=True)
class BatchProgress:
    """Where a running batch is: partitions done of the plan, and what this run produced."""

    done: int
    total: int
    articles: int
    claims: int
    rejections: int
    seconds: float
    failed: int = 0


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What one ``headcount batch`` run did, and what the output folder holds in all."""

    out: str
    batch_id: str
    workers: int
    partitions: int  # in the plan
    written: int  # by this run
    skipped: int  # written by an earlier run
    articles: int  # extracted by this run
    claims: int
    rejections: int
    seconds: float
    totals: dict[str, int] = field(default_factory=dict)  # the whole batch folder
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker
    failures: tuple[str, ...] = ()  # partitions that failed, with the reason

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    @property
    def complete(self) -> bool:
        return not self.failures and self.written + self.skipped == self.partitions


Progress = Callable[[BatchProgress], None]


def run_batch(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    scheduler: str = "local",
    workers: int | None = None,
    client: Any = None,
    settings: Settings | None = None,
    partition_bytes: int = PARTITION_BYTES,
    partition_files: int = PARTITION_FILES,
    on_progress: Progress | None = None,
) -> BatchSummary:
    """Extract every article of ``inputs`` into Parquet datasets under ``out``.

    ``scheduler``: ``local`` (a cluster of ``workers`` processes on this machine, default one per
    core), ``sync`` (no Dask: partitions one after the other in this process), or the address
    of a running Dask scheduler (``tcp://host:8786``). ``client``: a ``distributed.Client`` to
    use instead. Partitions written by an earlier run into ``out`` are skipped.
    """
    settings = settings or Settings.from_env()
    names = [str(p) for p in inputs]
    out = str(out)
    started = time.perf_counter()
    partitions = plan_partitions(names, partition_bytes=partition_bytes, partition_files=partition_files)
    folder = Folder(out)
    manifest = open_manifest(folder, names, EXTRACTOR, partitions)
    folder.make()
    done = {k: v for k, v in folder.done().items() if k in {p.id for p in partitions}}
    todo = [p for p in partitions if p.id not in done]
    folder.write_json(manifest.to_json(done), "manifest.json")
    log.info("batch %s: %d partitions, %d to write", manifest.batch_id, len(partitions), len(todo))

    counts = {"articles": 0, "claims": 0, "rejections": 0}
    written = 0
    failures: list[str] = []
    peaks: dict[str, float] = {}
    last_manifest = time.monotonic()

    def report() -> None:
        if on_progress:
            on_progress(
                BatchProgress(
                    len(done),
                    len(partitions),
                    counts["articles"],
                    counts["claims"],
                    counts["rejections"],
                    time.perf_counter() - started,
                    len(failures),
                )
            )

    report()
    with _connect(scheduler, workers, client) as (running, n_workers):
        for partition, marker, error in _execute(running, todo, out, settings):
            if error is not None:
                failures.append(f"partition {partition.id} ({', '.join(partition.describe()[:2])}): {error}")
                log.error("partition %s failed: %s", partition.id, error)
            elif partition.id not in done:
                # Every partition of ``todo`` counts as written by this run, also when its task
                # ran again (its worker died after finishing it) and found its own marker.
                assert marker is not None
                done[partition.id] = marker
                written += 1
                for key in counts:
                    counts[key] += marker[key]
                worker = marker.get("worker", "?")
                peaks[worker] = max(peaks.get(worker, 0.0), marker.get("peak_rss_mb", 0.0))
            report()
            if time.monotonic() - last_manifest > MANIFEST_EVERY:
                folder.write_json(manifest.to_json(done), "manifest.json")
                last_manifest = time.monotonic()
    seconds = time.perf_counter() - started
    final = manifest.to_json(done, last_run={"workers": n_workers, "seconds": round(seconds, 2), **counts})
    folder.write_json(final, "manifest.json")
    return BatchSummary(
        out=out,
        batch_id=manifest.batch_id,
        workers=n_workers,
        partitions=len(partitions),
        written=written,
        skipped=len(partitions) - len(todo),
        articles=counts["articles"],
        claims=counts["claims"],
        rejections=counts["rejections"],
        seconds=seconds,
        totals=final["totals"],
        peak_rss_mb=peaks,
        failures=tuple(failures),
    )


@contextmanager
def _connect(scheduler: str, workers: int | None, client: Any) -> Iterator[tuple[Any, int]]:
    """A Dask client (None for ``sync``) and the number of workers it has."""
    if client is not None:
        yield client, len(client.scheduler_info().get("workers", {}))
        return
    if scheduler == "sync":
        yield None, 1
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of headcount
        raise ConfigError(
            "--scheduler",
            "dask.distributed is not installed; pip install 'dask[distributed]'",
            code=errors.BAD_SETTING,
        ) from None
    if scheduler == "local":
        n = workers or os.cpu_count() or 1
        # Processes, one thread each: extraction is pure Python and holds the GIL. The
        # scheduler's HTTP server takes a free port (8787 may belong to another cluster).
        with (
            LocalCluster(
                n_workers=n,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as local,
        ):
            yield local, n
        return
    if "://" not in scheduler:
        raise ConfigError(
            "--scheduler",
            f"{scheduler!r} is not 'local', 'sync' or a scheduler address such as tcp://host:8786",
            code=errors.BAD_SETTING,
        )
    try:
        remote = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(
            scheduler,
            f"cannot reach the Dask scheduler ({type(exc).__name__}: {exc}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`, or use --scheduler local",
            code=errors.BAD_SETTING,
        ) from None
    with remote:
        if workers:
            remote.wait_for_workers(workers, timeout=CONNECT_TIMEOUT * 10)
        yield remote, len(remote.scheduler_info().get("workers", {}))


def _execute(
    client: Any, todo: list[Partition], out: str, settings: Settings
) -> Iterator[tuple[Partition, dict[str, Any] | None, str | None]]:
    """Run the partitions; yield each with its marker (or the error that stopped it) as it ends."""
    if not todo:
        return
    if client is None:
        for partition in todo:
            try:
                yield partition, run_partition(partition, out, settings), None
            except ConfigError:
                raise  # a broken vocabulary stops everything, naming the data file
            except Exception as exc:
                yield partition, None, f"{type(exc).__name__}: {exc}"
        return
    import dask.bag as db
    from distributed import as_completed

    bag = db.from_sequence(todo, partition_size=1).map(run_partition, out=out, settings=settings)
    tasks = bag.to_delayed()
    futures = client.compute(tasks, retries=RETRIES)  # the one compute of the batch
    index = {future.key: partition for future, partition in zip(futures, todo, strict=True)}
    try:
        for future in as_completed(futures):
            partition = index[future.key]
            if future.status == "error":
                failure = future.exception()
                if isinstance(failure, ConfigError):
                    raise failure
                yield partition, None, f"{type(failure).__name__}: {failure}"
            else:
                (marker,) = future.result()
                yield partition, marker, None
    finally:
        client.cancel(futures)
