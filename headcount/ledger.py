"""The ledger's front door: open one, and ingest sources into it.

:func:`ingest` is the loop behind ``headcount ingest``: read every input (``headcount.ingest``),
extract each article with :func:`headcount.pipeline.process` (the per-article function every
surface shares) and store it with its claims, whole or not at all (``headcount.store``). Articles
the ledger already holds are not extracted again. Inputs that cannot be used become Rejections,
counted in the summary and recorded with the run; the rest goes in regardless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from headcount import errors
from headcount.config import Settings
from headcount.errors import StoreError
from headcount.extract import EXTRACTOR
from headcount.ingest import count_inputs, iter_sources, read_source
from headcount.model import Article, Claim, IngestSummary, Rejection, StoreOutcome
from headcount.pipeline import process

if TYPE_CHECKING:  # SQLAlchemy loads with the first ledger opened, not with ``import headcount``
    from headcount.store import Ledger
    from headcount.store.ledger import Writer

log = logging.getLogger(__name__)

#: ``on_progress(done, total, location)``: called with done=0 before the first input, then after
#: each input is read and stored.
Progress = Callable[[int, int, str], None]

__all__ = ["ingest", "open_ledger"]


def open_ledger(url: str | None = None, *, create: bool = True) -> Ledger:
    """The ledger at ``url`` (default: ``HEADCOUNT_DB``, else ``headcount.db`` in the working
    folder), created (unless ``create=False``) or migrated to the current schema on open.

    >>> ledger = open_ledger("sqlite:///headcount.db")  # doctest: +SKIP
    >>> ledger.claims(metric="desertion", side="ukraine").to_pandas()  # doctest: +SKIP
    """
    from headcount.store import Ledger

    return Ledger(url or Settings.from_env().db_url, create=create)


def ingest(
    ledger: Ledger,
    paths: Iterable[str | Path],
    *,
    reextract: bool = False,
    settings: Settings | None = None,
    on_progress: Progress | None = None,
) -> IngestSummary:
    """Read, extract and store every article of ``paths`` (files, folders, URLs)."""
    from headcount.ingest.urls import Fetcher

    settings = settings or Settings.from_env()
    names = [str(p) for p in paths]
    total = count_inputs(names)
    unchanged = stale = 0
    rejected: list[Rejection] = []
    run_id = ledger.start_run(names, EXTRACTOR)
    fetcher: Fetcher | None = None  # one connection pool for every URL of the run, made when needed
    writer = ledger.writer()
    storing = _Storing(writer, reextract=reextract)
    if on_progress:
        on_progress(0, total, "")
    try:
        for done, source in enumerate(iter_sources(names, with_skipped=True), start=1):
            if fetcher is None and (source.kind == "url" or (source.kind == "feed" and source.explicit)):
                fetcher = Fetcher(settings)
            for batch in _batches(read_source(source, settings=settings, fetcher=fetcher)):
                articles = [item for item in batch if isinstance(item, Article)]
                held = dict(zip(map(id, articles), writer.statuses(articles), strict=True))
                for item in batch:
                    if isinstance(item, Rejection):
                        rejected.append(item)
                        log.info("rejected %s", item)
                        continue
                    status = held[id(item)]
                    if status is not None and (status[1] == EXTRACTOR or not reextract):
                        unchanged += 1
                        stale += status[1] != EXTRACTOR
                        continue
                    result = process(item)
                    if result.rejection is not None:
                        rejected.append(result.rejection)
                        continue
                    storing.put(item, result.claims, held=status is not None)
            if on_progress:
                total = max(total, done)
                on_progress(done, total, source.location)
    finally:
        try:
            storing.close()
        finally:
            writer.close()
            if fetcher is not None:
                fetcher.close()
    rejected.extend(storing.rejected)
    new, reextracted, claims = storing.new, storing.reextracted, storing.claims
    unchanged += storing.unchanged
    notes = []
    if stale:
        notes.append(
            f"{stale} unchanged article(s) hold claims from an older extractor; "
            f"--reextract re-extracts them with {EXTRACTOR}"
        )
    summary = IngestSummary(new, unchanged, reextracted, claims, tuple(rejected), tuple(notes))
    ledger.finish_run(run_id, summary)
    return summary


#: Articles looked up in the ledger with one query (each is still stored in its own transaction).
BATCH = 64


def _batches(items: Iterable[Article | Rejection]) -> Iterable[list[Article | Rejection]]:
    batch: list[Article | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


class _Storing:
    """Stores extracted articles on a thread of its own while the next articles are extracted.

    Waiting for the database (a commit's disk flush, a round trip to PostgreSQL) then overlaps
    with extraction instead of adding to it; SQLite and psycopg release the GIL while they wait.
    New articles are stored in groups (:meth:`Writer.add_many`: each whole or not at all, three
    statements and one commit for the group), which cuts the cost of storing by half or more: the
    thread waits for a group to fill, up to :attr:`WAIT` seconds.
    The queue is bounded, so memory stays flat however far ahead extraction runs. A store error
    on one article becomes a Rejection; anything else stops the ingest with that error.
    """

    #: Articles extracted but not yet stored, at most.
    QUEUE = 64
    #: New articles stored in one transaction, at most. A killed process loses at most these
    #: (each whole), and the next run stores them.
    GROUP = 32
    #: Seconds an extracted article waits for its group to fill before it is stored anyway (so
    #: slow inputs, such as URLs, are not held back).
    WAIT = 1.0

    def __init__(self, writer: Writer, *, reextract: bool) -> None:
        import queue
        import threading

        self.writer = writer
        self.reextract = reextract
        self.new = self.unchanged = self.reextracted = self.claims = 0
        self.rejected: list[Rejection] = []
        self.error: BaseException | None = None
        self.queue: queue.Queue[tuple[Article, tuple[Claim, ...], bool] | None] = queue.Queue(self.QUEUE)
        self.thread = threading.Thread(target=self._run, name="headcount-store", daemon=True)
        self.thread.start()

    def put(self, article: Article, claims: tuple[Claim, ...], *, held: bool = False) -> None:
        """Queue an article for storing; ``held``: the ledger has it (to re-extract)."""
        if self.error is not None:
            raise self.error
        self.queue.put((article, claims, held))

    def close(self) -> None:
        """Wait until every queued article is stored; re-raise what stopped the thread."""
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        import queue
        import time

        done = False
        while not done:
            group = []
            item = self.queue.get()
            deadline = time.monotonic() + self.WAIT
            while item is not None:
                group.append(item)
                if len(group) >= self.GROUP:
                    break
                try:
                    item = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    break
            done = item is None
            if self.error is not None:
                continue  # drain, so the producer never blocks on a dead consumer
            try:
                new = [(article, found) for article, found, held in group if not held]
                results = (
                    self.writer.add_many(new, extractor=EXTRACTOR, reextract=self.reextract) if new else []
                )
                for article, found, held in group:
                    if held:
                        results.append(self._add(article, found))
            except BaseException as exc:  # surfaced in the main thread by put() or close()
                self.error = exc
                continue
            for result in results:
                self._count(result)

    def _add(self, article: Article, found: tuple[Claim, ...]) -> StoreOutcome | StoreError:
        try:
            return self.writer.add(article, found, extractor=EXTRACTOR, reextract=self.reextract)
        except StoreError as exc:
            if exc.code != errors.DB_WRITE:
                raise
            return exc

    def _count(self, outcome: StoreOutcome | StoreError) -> None:
        if isinstance(outcome, StoreError):
            self.rejected.append(Rejection(outcome.source, outcome.code, outcome.reason, outcome.line))
            return
        if outcome.status == "new":
            self.new += 1
        elif outcome.status == "reextracted":
            self.reextracted += 1
        else:
            self.unchanged += 1
        if outcome.status != "unchanged":
            self.claims += outcome.claims
