"""The ledger's front door: open one, and ingest sources into it.

:func:`ingest` is the loop behind ``headcount ingest``: read every input (``headcount.ingest``),
extract each article with :func:`headcount.pipeline.process` (the per-article function every
surface shares) and store it with its claims in one transaction (``headcount.store``). Articles
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
from headcount.ingest import plan_sources, read_source
from headcount.model import IngestSummary, Rejection
from headcount.pipeline import process

if TYPE_CHECKING:  # SQLAlchemy loads with the first ledger opened, not with ``import headcount``
    from headcount.store import Ledger

log = logging.getLogger(__name__)

#: ``on_progress(done, total, location)``: called with done=0 before the first input, then after
#: each input is read and stored.
Progress = Callable[[int, int, str], None]

__all__ = ["ingest", "open_ledger"]


def open_ledger(url: str | None = None) -> Ledger:
    """The ledger at ``url`` (default: ``HEADCOUNT_DB``, else ``headcount.db`` in the working
    folder), created or migrated to the current schema on open.

    >>> ledger = open_ledger("sqlite:///headcount.db")  # doctest: +SKIP
    >>> ledger.claims(metric="desertion", side="ukraine").to_pandas()  # doctest: +SKIP
    """
    from headcount.store import Ledger

    return Ledger(url or Settings.from_env().db_url)


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
    sources = plan_sources(names)
    total = len(sources)
    new = unchanged = reextracted = claims = stale = 0
    rejected: list[Rejection] = []
    run_id = ledger.start_run(names, EXTRACTOR)
    online = any(s.kind == "url" or (s.kind == "feed" and s.explicit) for s in sources)
    fetcher = Fetcher(settings) if online else None
    if on_progress:
        on_progress(0, total, "")
    try:
        for done, source in enumerate(sources, start=1):
            for item in read_source(source, settings=settings, fetcher=fetcher):
                if isinstance(item, Rejection):
                    rejected.append(item)
                    log.info("rejected %s", item)
                    continue
                held = ledger.status(item)
                if held is not None and (held[1] == EXTRACTOR or not reextract):
                    unchanged += 1
                    stale += held[1] != EXTRACTOR
                    continue
                result = process(item)
                if result.rejection is not None:
                    rejected.append(result.rejection)
                    continue
                try:
                    outcome = ledger.add(item, result.claims, extractor=EXTRACTOR, reextract=reextract)
                except StoreError as exc:
                    if exc.code != errors.DB_WRITE:
                        raise
                    rejected.append(Rejection(exc.source, exc.code, exc.reason, exc.line))
                    continue
                if outcome.status == "new":
                    new += 1
                elif outcome.status == "reextracted":
                    reextracted += 1
                else:
                    unchanged += 1
                if outcome.status != "unchanged":
                    claims += outcome.claims
            if on_progress:
                on_progress(done, total, source.location)
    finally:
        if fetcher is not None:
            fetcher.close()
    notes = []
    if stale:
        notes.append(
            f"{stale} unchanged article(s) hold claims from an older extractor; "
            f"--reextract re-extracts them with {EXTRACTOR}"
        )
    summary = IngestSummary(new, unchanged, reextracted, claims, tuple(rejected), tuple(notes))
    ledger.finish_run(run_id, summary)
    return summary
