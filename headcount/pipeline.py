"""The per-article function every surface maps: read -> extract, failures as Rejections.

The CLI, the ledger's ingest and the Dask batch all call :func:`process` on each article, so they
produce identical claims; a failure on one article becomes a Rejection and the batch goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from headcount import errors
from headcount.errors import ConfigError
from headcount.extract import extract_claims
from headcount.ingest import iter_articles
from headcount.model import Article, ExtractionResult, Rejection

log = logging.getLogger(__name__)


def process(article: Article) -> ExtractionResult:
    """Extract one article's claims; an unexpected failure is reported, not raised."""
    try:
        return ExtractionResult(article, tuple(extract_claims(article)))
    except ConfigError:
        raise  # a broken vocabulary is not this article's fault: stop, naming the data file
    except Exception as exc:  # a bug must not stop a batch of a million articles
        log.exception("extractor failed on %s", article.source or article.doc)
        return ExtractionResult(
            article,
            (),
            Rejection(
                article.source or article.doc,
                errors.EXTRACTOR_FAILED,
                f"the extractor failed ({type(exc).__name__}: {exc}); please report this article",
            ),
        )


def extract_paths(paths: Iterable[str | Path], *, max_bytes: int | None = None) -> Iterator[ExtractionResult]:
    """Read article files and folders and extract each: one result per article or bad input."""
    for item in iter_articles(paths, max_bytes=max_bytes):
        if isinstance(item, Rejection):
            yield ExtractionResult(None, (), item)
        else:
            yield process(item)
