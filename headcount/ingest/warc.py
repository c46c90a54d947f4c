"""WARC and WARC.gz files -> Articles: every HTML response record is one page.

This is the format of web archives and of Common Crawl's news crawl. Records that are not pages
(requests, metadata, images, redirects, errors) are skipped, as a crawl holds many of them. A
record cut short (a download stopped half-way, a truncated gzip member) becomes a Rejection
naming its number and byte offset; the records before it go in. Each record's payload is capped
(not the file: archives of several GB are normal) and streamed, so memory stays flat.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from headcount import errors
from headcount.errors import InputError
from headcount.model import Article, Rejection

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: What reading a damaged archive raises (a cut gzip member, a short read, bad chunked encoding).
_MALFORMED = (EOFError, OSError, ValueError, zlib.error)
_CHUNK = 1 << 16


def looks_like_warc(head: bytes) -> bool:
    """Whether the first bytes of a file are a WARC record (plain, or the start of a gzip member
    that holds one)."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def read_warc(path: str | Path, *, max_bytes: int) -> Iterator[Article | Rejection]:
    """Every HTML response record of a WARC file as an Article; bad records as Rejections."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    try:
        size = Path(path).stat().st_size
        fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below, while yielding
    except OSError as exc:
        yield Rejection(where, errors.UNREADABLE, f"cannot open: {exc.strerror}")
        return
    number = 0
    offset = 0
    try:
        records = ArchiveIterator(fh)
        iterator = iter(records)
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except (*_MALFORMED, ArchiveLoadFailed, AttributeError) as exc:
                # warcio reports a cut-off header block in several ways (an AttributeError on a
                # record whose URI line is missing among them): each is a malformed record.
                yield Rejection(
                    where,
                    errors.BAD_WARC,
                    f"record {number + 1} (after byte offset {offset:,}) is malformed or truncated "
                    f"({type(exc).__name__}); the records before it were read",
                    number + 1,
                )
                return
            number += 1
            offset = records.offset  # (get_record_offset() would consume the record)
            item = _record(record, where, number, offset, max_bytes)
            if item is not None:
                yield item
        # A tail the iterator could not parse as a record is one cut short (a truncated gzip
        # member ends the iteration silently instead of raising).
        end = records.offset
        if size - end > 0 and _has_content(fh, end):
            yield Rejection(
                where,
                errors.BAD_WARC,
                f"record {number + 1} at byte offset {end:,} is truncated "
                f"({size - end:,} bytes that do not make a whole record)",
                number + 1,
            )
        if number == 0 and size - end <= 0:
            yield Rejection(where, errors.EMPTY, "the archive holds no records")
    finally:
        fh.close()


def _has_content(fh: Any, offset: int) -> bool:
    fh.seek(offset)
    return bool(fh.read(_CHUNK).strip())


def _record(record: Any, where: str, number: int, offset: int, max_bytes: int) -> Article | Rejection | None:
    from headcount.ingest.html import parse_html

    if not record.rec_type:
        return Rejection(
            where,
            errors.BAD_WARC,
            f"record {number} at byte offset {offset:,} has no WARC-Type header: not a WARC record",
            number,
        )
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    if record.rec_type == "response":
        if headers is None:
            return None
        status = headers.get_statuscode() or ""
        if not status.startswith("2"):
            log.debug("%s record %d: HTTP %s, skipped", where, number, status)
            return None
        content_type = headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    declared = int(record.rec_headers.get_header("Content-Length") or 0)
    if declared > max_bytes:
        return Rejection(
            where,
            errors.TOO_LARGE,
            f"record {number} ({url}) is {declared:,} bytes, over the {max_bytes:,}-byte size cap "
            "(HEADCOUNT_MAX_BYTES)",
            number,
        )
    chunks = []
    try:
        stream = record.content_stream()
        while chunk := stream.read(_CHUNK):
            chunks.append(chunk)
    except _MALFORMED as exc:
        return Rejection(
            where,
            errors.BAD_WARC,
            f"record {number} ({url}) at byte offset {offset:,} cannot be read to its end "
            f"({type(exc).__name__})",
            number,
        )
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Rejection(
            where,
            errors.BAD_WARC,
            f"record {number} ({url}) at byte offset {offset:,} is truncated: "
            f"{record.raw_stream.limit:,} of its {declared:,} bytes are missing",
            number,
        )
    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    try:
        return parse_html(
            b"".join(chunks),
            url or f"{Path(where).name}:{number}",
            source=f"{where}:{number}",
            url=url,
            charset=charset,
        )
    except InputError as exc:
        return Rejection(where, exc.code, f"record {number} ({url}): {exc.reason}", number)
