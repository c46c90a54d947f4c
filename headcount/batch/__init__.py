"""Batch extraction on Dask: millions of articles into Parquet, then into a team ledger.

::

    plan.py        inputs -> partitions (files grouped, large JSONL split into blocks of lines)
    read.py        a partition's pieces -> Articles, with the readers of ``headcount ingest``
    partition.py   one task: read, map ``headcount.pipeline.process``, write Parquet, commit
    output.py      the output folder: Parquet datasets, partition markers, manifest
    run.py         the batch: plan, one Dask compute over a bag of partitions, progress, summary
    load.py        a batch folder -> the ledger (bulk COPY on PostgreSQL, batched inserts on SQLite)
    narratives.py  repeated passages over a batch folder: MinHash LSH as a distributed job

``headcount batch`` and ``headcount load`` are thin shells over :func:`run_batch` and
:func:`load_batch`; ``docs/cluster.md`` says how to run them on a cluster.
"""

from headcount.batch.load import LoadProgress, LoadSummary, load_batch
from headcount.batch.plan import Partition, Piece, plan_partitions
from headcount.batch.run import BatchProgress, BatchSummary, run_batch

__all__ = [
    "BatchProgress",
    "BatchSummary",
    "LoadProgress",
    "LoadSummary",
    "Partition",
    "Piece",
    "load_batch",
    "plan_partitions",
    "run_batch",
]
