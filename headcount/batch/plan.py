"""Inputs -> partitions: the units of work a batch maps over, planned once on the client.

A partition is a list of *pieces*: whole files (an article file, an HTML page, a JSONL file, a WARC
archive) or a block of lines of a large JSONL file. Partitions are sized in bytes of input
(:data:`PARTITION_BYTES`), not in articles: a task costs ~1.6 ms of scheduling, an article ~2 ms
of extraction, so a task of a few thousand articles keeps the overhead negligible while leaving
enough tasks to balance two workers or two hundred.

Plans are deterministic: the same inputs give the same partitions with the same ids (an index and
a digest of what the partition reads), which is how a rerun recognises the partitions it already
wrote. Local inputs are classified by the very planner ``headcount ingest`` uses
(:func:`headcount.ingest.iter_sources`), so a batch reads exactly what an ingest would read, in
the same order. fsspec URLs (``s3://``, ``gs://``, ``file://``, and ``http(s)://`` addresses of
JSONL or WARC files) are listed with fsspec and read where they are by the worker that needs them.

A JSONL file larger than :data:`SPLIT_BYTES` is split into blocks of whole lines; splitting reads
the file once here (counting newlines, ~1 GB/s) so that every block knows the number of its first
line: article sources stay ``file.jsonl:LINE`` as in an ingest. WARC archives are not split (their
records can only be numbered by reading them): a cluster parallelises over files, which is how
crawls are published (Common Crawl's news crawl: ~1 GB per file).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

from headcount import errors
from headcount.ingest import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    TEXT_SUFFIXES,
    WARC_SUFFIXES,
    iter_sources,
)
from headcount.model import Rejection

log = logging.getLogger(__name__)

#: Bytes of input per partition (a JSONL block, or files grouped until they reach it). About
#: 1,500 articles of 3 KB: a few seconds of extraction per task.
PARTITION_BYTES = 4 * 1024 * 1024
#: Most files in one partition (small article files cost more to open than to read).
PARTITION_FILES = 2_000
#: JSONL files larger than this are split into blocks of lines.
SPLIT_BYTES = 2 * PARTITION_BYTES
#: Bytes read at a time when counting the lines of a JSONL file to split it.
_SCAN_CHUNK = 8 * 1024 * 1024

#: URL schemes read through fsspec. ``http(s)`` URLs are fsspec files only when they name a JSONL
#: or WARC file; any other http(s) URL is a page to fetch, as in ``headcount ingest``.
_FILE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
_KNOWN_SUFFIXES = _FILE_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class Piece:
    """One thing a partition reads: a whole input, or lines ``[start, end)`` (bytes) of a JSONL
    file whose first line is number ``first_line``."""

    location: str  # the path or URL, as the ingest would name it in sources
    kind: str  # text, html, jsonl, warc, feed, url, rejected; "" for a remote file read by content
    explicit: bool = True  # named as an argument (not found in a folder walk)
    remote: bool = False  # read through fsspec (location is a URL)
    size: int = 0
    start: int = 0
    end: int | None = None  # None: to the end of the file
    first_line: int = 1
    rejection: Rejection | None = None

    @property
    def is_block(self) -> bool:
        return self.end is not None


@dataclass(frozen=True, slots=True)
class Partition:
    """A unit of work: pieces read, extracted and written together as one Parquet part."""

    index: int
    pieces: tuple[Piece, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        """``000042-1a2b3c4d5e``: the position in the plan and a digest of what it reads, so a
        rerun of other inputs into the same folder cannot mistake one partition for another."""
        spec = json.dumps([_piece_key(p) for p in self.pieces], sort_keys=True, ensure_ascii=False)
        return f"{self.index:06d}-{hashlib.sha1(spec.encode('utf-8')).hexdigest()[:10]}"

    @property
    def size(self) -> int:
        return sum(p.size for p in self.pieces)

    def describe(self) -> list[str]:
        """The pieces in words, for the manifest (``file.jsonl`` or ``file.jsonl@1024-2048``)."""
        return [f"{p.location}@{p.start}-{p.end}" if p.is_block else p.location for p in self.pieces]


def _piece_key(p: Piece) -> dict[str, object]:
    key = asdict(p)
    key.pop("rejection")
    key.pop("size")  # a file that grew is still the same input; its content is checked by body hash
    return key


def is_fsspec_url(value: str) -> bool:
    """Whether an input names a file or folder for fsspec rather than a local path or a page."""
    scheme, sep, rest = value.partition("://")
    if not sep or not scheme.replace("+", "").replace("-", "").isalnum():
        return False
    if scheme.lower() in ("http", "https"):
        return _suffix(PurePosixPath(rest.split("?", 1)[0]).name) in JSONL_SUFFIXES | WARC_SUFFIXES
    return True


def plan_partitions(
    inputs: Iterable[str | Path],
    *,
    partition_bytes: int = PARTITION_BYTES,
    partition_files: int = PARTITION_FILES,
    split_bytes: int | None = None,
) -> list[Partition]:
    """The partitions of a batch over ``inputs`` (files, folders, fsspec URLs, page URLs), in the
    order an ingest would read them."""
    split = split_bytes if split_bytes is not None else max(partition_bytes * 2, 1)
    partitions: list[Partition] = []
    group: list[Piece] = []
    group_bytes = 0

    def close_group() -> None:
        nonlocal group, group_bytes
        if group:
            partitions.append(Partition(len(partitions), tuple(group)))
        group, group_bytes = [], 0

    for piece in _pieces(inputs):
        if piece.kind == "jsonl" and piece.size > split:
            close_group()
            for block in split_jsonl(piece, partition_bytes):
                partitions.append(Partition(len(partitions), (block,)))
            continue
        if group and (group_bytes + piece.size > partition_bytes or len(group) >= partition_files):
            close_group()
        group.append(piece)
        group_bytes += piece.size
    close_group()
    return partitions


def _pieces(inputs: Iterable[str | Path]) -> Iterator[Piece]:
    for raw in inputs:
        text = str(raw)
        if is_fsspec_url(text):
            yield from _remote_pieces(text)
            continue
        for source in iter_sources([raw]):
            size = 0
            if source.kind not in ("url", "rejected"):
                try:
                    size = os.stat(source.location).st_size
                except OSError:
                    size = 0  # the reader will say what is wrong with it
            yield Piece(source.location, source.kind, source.explicit, size=size, rejection=source.rejection)


def _remote_pieces(url: str) -> Iterator[Piece]:
    """Files behind an fsspec URL: the file itself, or a folder's files (sorted, recursively,
    hidden entries skipped, kinds by extension as in a local folder walk)."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        info = fs.info(path)
    except FileNotFoundError:
        yield _rejected(url, errors.NOT_FOUND, "no such file or folder")
        return
    except Exception as exc:  # a missing driver (s3fs), bad credentials, an unreachable host
        yield _rejected(url, errors.UNREADABLE, f"cannot open ({type(exc).__name__}: {exc})")
        return
    if info.get("type") != "directory":
        yield Piece(url, _kind(url, explicit=True) or "", True, remote=True, size=int(info.get("size") or 0))
        return
    protocol = url.split("://", 1)[0]
    found = 0
    for name, entry in sorted(fs.find(path, detail=True).items()):
        relative = PurePosixPath(name).relative_to(PurePosixPath(path.rstrip("/")))
        if any(part.startswith(".") for part in relative.parts):
            continue
        kind = _kind(name, explicit=False)
        if kind is None:
            continue
        found += 1
        location = fs.unstrip_protocol(name) if protocol != "file" else f"file://{name}"
        yield Piece(location, kind, False, remote=True, size=int(entry.get("size") or 0))
    if not found:
        yield _rejected(
            url, errors.NO_ARTICLES, "no article files (text, HTML, JSONL, WARC or feeds) in this folder"
        )


def _kind(name: str, *, explicit: bool) -> str | None:
    """A remote file's reader from its extension; "" (decided by content once fetched) for other
    files named explicitly and for Markdown (an article only with front matter); None to skip."""
    suffix = _suffix(PurePosixPath(name).name)
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if explicit or suffix in TEXT_SUFFIXES | MARKDOWN_SUFFIXES:
        return ""
    return None


def _suffix(name: str) -> str:
    lower = name.lower()
    return ".warc.gz" if lower.endswith(".warc.gz") else PurePosixPath(lower).suffix


def _rejected(where: str, code: str, reason: str) -> Piece:
    return Piece(where, "rejected", rejection=Rejection(where, code, reason))


def open_input(piece: Piece) -> object:
    """A binary file object for a piece (local file or fsspec URL); the caller closes it."""
    if piece.remote:
        import fsspec

        return fsspec.open(piece.location, "rb").open()
    return open(piece.location, "rb")  # the caller closes it


def split_jsonl(piece: Piece, block_bytes: int) -> list[Piece]:
    """A JSONL file as blocks of whole lines of about ``block_bytes`` each, every block knowing
    the number of its first line. Reads the file once (newline counting only)."""
    bounds: list[tuple[int, int]] = [(0, 1)]  # (byte offset of a line start, its line number)
    target = block_bytes
    position = 0
    lines = 0
    try:
        fh = open_input(piece)
    except OSError:
        return [piece]  # the worker reports what is wrong with it
    with fh:  # type: ignore[attr-defined]
        while chunk := fh.read(_SCAN_CHUNK):  # type: ignore[attr-defined]
            search = max(0, target - 1 - position)
            while search < len(chunk):
                newline = chunk.find(b"\n", search)
                if newline < 0:
                    break
                start = position + newline + 1
                bounds.append((start, lines + chunk.count(b"\n", 0, newline + 1) + 1))
                target = start + block_bytes
                search = max(newline + 1, target - 1 - position)
            lines += chunk.count(b"\n")
            position += len(chunk)
    if bounds[-1][0] >= position and len(bounds) > 1:
        bounds.pop()  # a boundary at the very end of the file starts no block
    blocks = []
    for i, (start, first_line) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else position
        blocks.append(
            Piece(
                piece.location,
                "jsonl",
                piece.explicit,
                remote=piece.remote,
                size=end - start,
                start=start,
                end=end,
                first_line=first_line,
            )
        )
    return blocks
