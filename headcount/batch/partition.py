"""One partition, on a worker: read its pieces, map :func:`headcount.pipeline.process` over the
articles, write the results as Parquet, commit.

This is the whole of a batch task. It returns a small dict of counts (never the claims: results
go to storage, not through the scheduler), and it is idempotent: a partition whose marker exists
is not written again, so a task re-run after its worker died, or a task run twice by a rerun,
leaves one copy of its rows.
"""

from __future__ import annotations

import logging
import resource
import time
from collections.abc import Iterator
from typing import Any

from headcount.batch.output import (
    FORMAT,
    MARKERS,
    Folder,
    PartWriter,
    article_row,
    claim_row,
    rejection_row,
)
from headcount.batch.plan import Partition
from headcount.batch.read import read_piece
from headcount.config import Settings
from headcount.extract import EXTRACTOR
from headcount.model import Article, ExtractionResult, Rejection
from headcount.pipeline import process

log = logging.getLogger(__name__)


def results(partition: Partition, settings: Settings) -> Iterator[ExtractionResult]:
    """The partition's results in reading order: :func:`process` mapped over its articles, an
    unusable input as a result with a rejection and no article (as ``extract_paths`` gives)."""
    for piece in partition.pieces:
        for item in read_piece(piece, settings):
            if isinstance(item, Rejection):
                yield ExtractionResult(None, (), item)
            else:
                yield process(item)


def run_partition(partition: Partition, out: str, settings: Settings | None = None) -> dict[str, Any]:
    """Extract one partition into the batch folder ``out``; returns its marker (counts, timing,
    the worker's peak memory)."""
    from headcount.store.ledger import body_hash

    settings = settings or Settings.from_env()
    folder = Folder(out)
    part = partition.id
    if folder.exists(MARKERS, f"{part}.json"):
        marker = folder.read_json(MARKERS, f"{part}.json")
        return dict(marker, skipped=True)
    started = time.perf_counter()
    cpu = time.process_time()
    writer = PartWriter(folder, part)
    counts = {"articles": 0, "claims": 0, "rejections": 0}
    position = 0
    try:
        for result in results(partition, settings):
            if result.rejection is not None or result.article is None:
                assert result.rejection is not None
                writer.add("rejections", rejection_row(part, position, result.rejection))
                counts["rejections"] += 1
            else:
                article: Article = result.article
                digest = body_hash(article.body)
                writer.add(
                    "articles", article_row(part, position, article, digest, EXTRACTOR, len(result.claims))
                )
                for i, claim in enumerate(result.claims):
                    writer.add("claims", claim_row(part, position, digest, i, claim))
                counts["articles"] += 1
                counts["claims"] += len(result.claims)
            position += 1
        marker = {
            "format": FORMAT,
            "partition": part,
            "index": partition.index,
            "extractor": EXTRACTOR,
            **counts,
            "seconds": round(time.perf_counter() - started, 3),
            "cpu_seconds": round(time.process_time() - cpu, 3),
            "peak_rss_mb": round(peak_rss_mb(), 1),
            "worker": _worker_name(),
        }
        writer.commit(marker)
    except BaseException:
        writer.abort()
        raise
    return dict(marker, skipped=False)


def peak_rss_mb() -> float:
    """The peak resident memory of this process, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        import os

        return f"pid {os.getpid()}"
