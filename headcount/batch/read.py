"""A partition's pieces -> Articles and Rejections, with the readers ``headcount ingest`` uses.

Local files go straight to :func:`headcount.ingest.read_source`. A remote file (an fsspec URL) is
copied to a temporary folder on the worker under its own file name, read there by the same
reader, and every source is renamed back to the URL, so that an article read from ``s3://…`` is
named exactly as one read from a local copy. A block of a large JSONL file is read line by line
with :func:`headcount.ingest.jsonl.parse_line`, the JSONL reader's own line parser.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from headcount import errors
from headcount.batch.plan import Piece, open_input
from headcount.config import Settings
from headcount.errors import InputError
from headcount.ingest import Source, iter_sources, plan_sources, read_source, with_language
from headcount.model import Article, Rejection

log = logging.getLogger(__name__)

_COPY_CHUNK = 1 << 20


def read_piece(piece: Piece, settings: Settings) -> Iterator[Article | Rejection]:
    """The articles of one piece, in reading order; anything unusable as a Rejection."""
    if piece.kind == "rejected":
        assert piece.rejection is not None
        yield piece.rejection
        return
    if piece.is_block:
        yield from _guarded(piece.location, _read_block(piece, settings), settings)
        return
    if not piece.remote:
        yield from read_source(Source(piece.location, piece.kind, piece.explicit), settings=settings)
        return
    yield from _read_remote(piece, settings)


def _guarded(
    where: str, items: Iterator[Article | Rejection], settings: Settings
) -> Iterator[Article | Rejection]:
    """What :func:`read_source` adds around a reader: detected languages, and a reader failure
    as a Rejection (H118) after the articles read before it."""
    try:
        for item in items:
            if isinstance(item, Article) and not item.language:
                yield with_language(item, settings)
            else:
                yield item
    except Exception as exc:  # a reader bug must not stop a batch of a million inputs
        log.exception("reader failed on %s", where)
        yield Rejection(
            where,
            errors.READER_FAILED,
            f"reading failed ({type(exc).__name__}: {exc}); the articles before it were kept; "
            "please report this input",
        )


def _read_block(piece: Piece, settings: Settings) -> Iterator[Article | Rejection]:
    """Lines ``[start, end)`` of a JSONL file, numbered from ``first_line``: the loop of
    :func:`headcount.ingest.jsonl.read_jsonl` (same size cap, same messages) over a byte range."""
    from headcount.ingest.jsonl import parse_line

    where = piece.location
    limit = settings.max_bytes
    assert piece.end is not None
    try:
        fh = open_input(piece)
    except OSError as exc:
        yield Rejection(where, errors.UNREADABLE, f"cannot open: {exc.strerror or exc}")
        return
    with fh:  # type: ignore[attr-defined]
        fh.seek(piece.start)  # type: ignore[attr-defined]
        position = piece.start
        number = piece.first_line - 1
        while position < piece.end:
            raw = fh.readline(limit + 1)  # type: ignore[attr-defined]
            if not raw:
                break
            position += len(raw)
            number += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                yield Rejection(
                    where,
                    errors.TOO_LARGE,
                    f"the line is over the {limit:,}-byte size cap (HEADCOUNT_MAX_BYTES)",
                    number,
                )
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(1 << 20)  # type: ignore[attr-defined]
                    position += len(raw)
                continue
            if not raw.strip():
                continue
            try:
                yield parse_line(raw, where, number)
            except InputError as exc:
                yield Rejection(where, exc.code, exc.reason, number)


def _read_remote(piece: Piece, settings: Settings) -> Iterator[Article | Rejection]:
    """A remote file, fetched to a temporary folder and read there by the local reader."""
    where = piece.location
    name = PurePosixPath(where.split("?", 1)[0].rstrip("/")).name or "input"
    folder = Path(tempfile.mkdtemp(prefix="headcount-batch-"))
    local = folder / name
    try:
        try:
            with open_input(piece) as src, open(local, "wb") as dst:  # type: ignore[attr-defined]
                shutil.copyfileobj(src, dst, _COPY_CHUNK)
        except FileNotFoundError:
            yield Rejection(where, errors.NOT_FOUND, "no such file")
            return
        except Exception as exc:  # network, credentials, a missing fsspec driver
            yield Rejection(where, errors.UNREADABLE, f"cannot fetch ({type(exc).__name__}: {exc})")
            return
        if piece.kind:
            source = Source(str(local), piece.kind, piece.explicit)
        elif piece.explicit:
            source = plan_sources([local])[0]
        else:
            # A file found in a remote folder walk is an article only if a local walk would
            # take it (a README.md without front matter is documentation).
            walked = [s for s in iter_sources([folder], with_skipped=True) if s.location == str(local)]
            if not walked or walked[0].kind == "skipped":
                return
            source = walked[0]
        for item in read_source(source, settings=settings):
            yield _renamed(item, str(local), where)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _renamed(item: Article | Rejection, local: str, url: str) -> Article | Rejection:
    """The item with the temporary path in its source replaced by the URL it was fetched from."""

    def fix(value: str | None) -> str | None:
        if value is not None and value.startswith(local):
            return url + value[len(local) :]
        return value

    if isinstance(item, Article):
        return dataclasses.replace(item, source=fix(item.source))
    return dataclasses.replace(item, source=fix(item.source) or url, reason=item.reason.replace(local, url))
