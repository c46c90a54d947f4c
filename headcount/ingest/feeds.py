"""RSS and Atom feeds -> Articles: each entry's page, fetched and read like any URL.

A feed is a list of links; the articles are the pages. The entry's own metadata (its date, the
feed's title as outlet) fills what the page leaves out. A feed read from a folder walk is not
followed online (a folder walk never goes on the network): its entries are read from the content
the feed embeds, when it does.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from headcount import errors
from headcount.errors import InputError
from headcount.model import Article, Rejection

if TYPE_CHECKING:
    from headcount.ingest.urls import Fetcher

log = logging.getLogger(__name__)

_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S
)


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a document are an RSS, Atom or RDF feed."""
    return bool(_FEED_ROOT.match(head[:4096]))


def read_feed(data: bytes, where: str, *, fetcher: Fetcher | None) -> Iterator[Article | Rejection]:
    """The articles of a feed's entries: fetched pages with ``fetcher``, embedded content without."""
    import feedparser

    # The feed's own address resolves relative entry links ("/news/123").
    base = where if where.lower().startswith(("http://", "https://")) else None
    parsed = feedparser.parse(data, response_headers={"content-location": base} if base else None)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a feed that can be read ({problem})" if problem else "the feed lists no entries"
        yield Rejection(where, errors.BAD_FEED, reason)
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    for number, entry in enumerate(entries, start=1):
        link = entry.get("link")
        known: dict[str, Any] = {
            "url": link,
            "outlet": outlet,
            "published": _entry_date(entry),
            "title": entry.get("title"),
            "author": entry.get("author"),
        }
        try:
            if fetcher is not None and link:
                from headcount.ingest.urls import page_article

                page = fetcher.get(link)
                yield page_article(page, known=known, source=link)
            else:
                yield _embedded(entry, where, number, known, followed=fetcher is not None)
        except InputError as exc:
            yield Rejection(exc.source, exc.code, exc.reason, exc.line)


def _embedded(entry: Any, where: str, number: int, known: dict[str, Any], *, followed: bool) -> Article:
    from headcount.ingest.html import parse_html

    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary")
    if not html:
        reason = (
            f"entry {number} has neither a link nor content"
            if followed
            else f"entry {number} embeds no content and a folder walk does not fetch it; "
            "give the feed's URL or path as an argument to fetch its pages"
        )
        raise InputError(where, reason, code=errors.NO_ARTICLE_TEXT, line=number)
    doc = known.get("url") or f"{where}:{number}"
    try:
        return parse_html(
            f"<html><body><article>{html}</article></body></html>",
            doc,
            source=f"{where}:{number}",
            url=known.get("url"),
            known=known,
        )
    except InputError as exc:
        raise InputError(where, f"entry {number}: {exc.reason}", code=exc.code, line=number) from None


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None
