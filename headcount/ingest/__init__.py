"""Anything -> Article: article files, HTML pages, URLs, feeds, JSONL, WARC, and folders of them.

Readers yield :class:`~headcount.model.Article` records or, for an input that cannot be used, a
:class:`~headcount.model.Rejection` naming it (and the line or record) and the reason; a batch
goes on past bad inputs. :func:`plan_sources` turns the arguments into a list of inputs (folders
walked, a reader chosen per file by extension and content) so a caller can show progress;
:func:`read_source` reads one. Articles that declare no language get a detected one.

- ``.txt``, ``.text``: an article file, optional YAML front matter (``frontmatter``);
- ``.md``, ``.markdown``: the same; in a folder walk only with front matter (else it is docs);
- ``.html``, ``.htm``: an HTML page (``html``: trafilatura + htmldate);
- ``.jsonl``, ``.ndjson``: one article per line (``jsonl``);
- ``.warc``, ``.warc.gz``: every HTML response record (``warc``);
- ``.rss``, ``.atom``: a feed; its entries' pages are fetched when it is named as an argument;
- ``http(s)://…``: a page or a feed, fetched (``urls``), only when given explicitly;
- other files, by content: HTML, WARC or feed; when named explicitly, else read as text.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from headcount import errors
from headcount.config import Settings
from headcount.errors import InputError
from headcount.ingest.frontmatter import decode, has_front_matter, parse_article, read_article
from headcount.model import Article, Rejection

if TYPE_CHECKING:
    from headcount.ingest.urls import Fetcher

log = logging.getLogger(__name__)

#: File extensions read as article text. Markdown files need front matter in a folder walk: a
#: README or notes file in a corpus folder is documentation, not an article.
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz"}
FEED_SUFFIXES = {".rss", ".atom"}
#: Bytes read from the start of a file to tell its kind.
SNIFF_BYTES = 4096

__all__ = [
    "Source",
    "count_inputs",
    "decode",
    "iter_articles",
    "iter_sources",
    "parse_article",
    "plan_sources",
    "read_article",
    "read_source",
]


@dataclass(frozen=True, slots=True)
class Source:
    """One input of a batch: a file with the reader chosen for it, a URL, or an input that is
    already known to be unusable (``kind == "rejected"``, with ``rejection`` saying why)."""

    location: str
    kind: str  # text, html, jsonl, warc, feed, url, rejected, skipped
    explicit: bool = True  # named as an argument (not found in a folder walk)
    rejection: Rejection | None = None


def iter_sources(paths: Iterable[str | Path], *, with_skipped: bool = False) -> Iterator[Source]:
    """The inputs behind the arguments, in order, one at a time: folders walked recursively
    (sorted, hidden entries skipped), a reader chosen for each file. Memory does not grow with
    the number of files. ``with_skipped`` also yields the files a walk passes over (an image, a
    README), as ``kind == "skipped"``, so progress can count every file."""
    from headcount.ingest.urls import is_url

    for raw in paths:
        text = str(raw)
        if is_url(text):
            yield Source(text, "url")
            continue
        path = Path(raw)
        if not path.is_dir():
            source = _classify(path, explicit=True)
            assert source is not None  # explicit files always get a reader
            yield source
            continue
        found = 0
        for p in _walk(path):
            source = _classify(p, explicit=False)
            if source is None:
                if with_skipped:
                    yield Source(str(p), "skipped", explicit=False)
                continue
            found += 1
            yield source
        if not found:
            yield Source(
                text,
                "rejected",
                rejection=Rejection(
                    text,
                    errors.NO_ARTICLES,
                    "no article files (text, HTML, JSONL, WARC or feeds) in this folder",
                ),
            )


def plan_sources(paths: Iterable[str | Path]) -> list[Source]:
    """:func:`iter_sources` as a list (for tests and small batches)."""
    return list(iter_sources(paths))


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs :func:`iter_sources` (``with_skipped=True``) goes through, without opening
    a file: the total of a progress bar (a folder with no article counts one more)."""
    from headcount.ingest.urls import is_url

    total = 0
    for raw in paths:
        path = Path(raw)
        if not is_url(str(raw)) and path.is_dir():
            total += sum(1 for _ in _walk(path))
        else:
            total += 1
    return total


def _walk(folder: Path) -> Iterator[Path]:
    """The files under ``folder`` in sorted order, hidden entries skipped, symbolic links to
    folders not followed (no loops); one folder's listing in memory at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def _classify(path: Path, *, explicit: bool) -> Source | None:
    """The reader for a file, from its extension and first bytes; None for a file a folder walk
    skips (an image, a README without front matter …)."""
    from headcount.ingest.feeds import looks_like_feed
    from headcount.ingest.html import looks_like_html
    from headcount.ingest.warc import looks_like_warc

    where = str(path)
    suffix = _suffix(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except FileNotFoundError:
        return Source(where, "rejected", rejection=Rejection(where, errors.NOT_FOUND, "no such file"))
    except OSError as exc:
        return Source(
            where, "rejected", rejection=Rejection(where, errors.UNREADABLE, f"cannot read: {exc.strerror}")
        )
    if suffix in HTML_SUFFIXES:
        return Source(where, "html", explicit)
    if suffix in JSONL_SUFFIXES:
        return Source(where, "jsonl", explicit)
    if suffix in WARC_SUFFIXES:
        return Source(where, "warc", explicit)
    if suffix in FEED_SUFFIXES:
        return Source(where, "feed", explicit)
    # Extensions that say "text" (or nothing) are checked against the content: a saved page
    # called .txt is still HTML.
    if looks_like_warc(head):
        return Source(where, "warc", explicit)
    if looks_like_feed(head):
        return Source(where, "feed", explicit)
    if looks_like_html(head):
        return Source(where, "html", explicit)
    if suffix in TEXT_SUFFIXES or explicit:
        return Source(where, "text", explicit)
    if suffix in MARKDOWN_SUFFIXES and has_front_matter(head[:8].decode("utf-8", "replace")):
        return Source(where, "text", explicit)
    log.debug("skipped %s: not an article file", where)
    return None


def read_source(
    source: Source, *, settings: Settings | None = None, fetcher: Fetcher | None = None
) -> Iterator[Article | Rejection]:
    """The articles of one input (several for JSONL, WARC and feeds), or Rejections."""
    settings = settings or Settings.from_env()
    try:
        for item in _read(source, settings, fetcher):
            if isinstance(item, Article) and not item.language:
                yield with_language(item, settings)
            else:
                yield item
    except Exception as exc:  # a reader bug must not stop a batch of a million inputs
        log.exception("reader failed on %s", source.location)
        yield Rejection(
            source.location,
            errors.READER_FAILED,
            f"reading failed ({type(exc).__name__}: {exc}); the articles before it were kept; "
            "please report this input",
        )


def _read(source: Source, settings: Settings, fetcher: Fetcher | None) -> Iterator[Article | Rejection]:
    where = source.location
    limit = settings.max_bytes
    if source.kind == "skipped":
        return
    if source.kind == "rejected":
        assert source.rejection is not None
        yield source.rejection
        return
    if source.kind == "url":
        from headcount.ingest.urls import Fetcher, read_url

        if fetcher is None:
            with Fetcher(settings) as own:
                yield from read_url(where, own)
        else:
            yield from read_url(where, fetcher)
        return
    if source.kind == "jsonl":
        from headcount.ingest.jsonl import read_jsonl

        yield from read_jsonl(where, max_bytes=limit)
        return
    if source.kind == "warc":
        from headcount.ingest.warc import read_warc

        yield from read_warc(where, max_bytes=limit)
        return
    try:
        data = _read_capped(Path(where), limit)
        if source.kind == "html":
            from headcount.ingest.html import parse_html

            yield parse_html(data, Path(where).name, source=where)
        elif source.kind == "feed":
            from headcount.ingest.feeds import read_feed
            from headcount.ingest.urls import Fetcher

            if not source.explicit:
                yield from read_feed(data, where, fetcher=None)
            elif fetcher is None:
                with Fetcher(settings) as own:
                    yield from read_feed(data, where, fetcher=own)
            else:
                yield from read_feed(data, where, fetcher=fetcher)
        else:
            yield parse_article(decode(data, where), Path(where).name, source=where)
    except InputError as exc:
        yield Rejection(exc.source, exc.code, exc.reason, exc.line)


def _read_capped(path: Path, limit: int) -> bytes:
    where = str(path)
    try:
        if path.is_dir():
            raise InputError(where, "is a folder, not an article file", code=errors.UNREADABLE)
        size = path.stat().st_size
        if size > limit:
            raise InputError(
                where,
                f"{size:,} bytes is over the {limit:,}-byte size cap (HEADCOUNT_MAX_BYTES)",
                code=errors.TOO_LARGE,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "no such file", code=errors.NOT_FOUND) from None
    except PermissionError:
        raise InputError(where, "permission denied", code=errors.UNREADABLE) from None


def with_language(article: Article, settings: Settings | None = None) -> Article:
    """The article with a detected language when it declares none (unchanged when unsure)."""
    from headcount.ingest.language import detect_language

    languages = (settings or Settings.from_env()).languages
    found = detect_language(article.body, languages)
    return dataclasses.replace(article, language=found) if found else article


def iter_articles(
    paths: Iterable[str | Path],
    *,
    max_bytes: int | None = None,
    settings: Settings | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Article | Rejection]:
    """Articles from files, folders (recursively) and URLs, in order; a Rejection per bad input."""
    settings = settings or Settings.from_env()
    if max_bytes is not None:
        settings = dataclasses.replace(settings, max_bytes=max_bytes)
    for source in iter_sources(paths):
        yield from read_source(source, settings=settings, fetcher=fetcher)
