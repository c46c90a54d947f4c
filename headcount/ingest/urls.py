"""URLs -> Articles: pages fetched with httpx, only when a URL is given explicitly.

One :class:`Fetcher` (one connection pool) serves a whole batch. Every fetch has a timeout (per
operation and in total, so a server that drips bytes cannot hold a batch), a size cap checked
before and while downloading, a bounded number of redirects and a user agent that says what is
asking. A failure becomes an :class:`InputError` naming the URL: a timeout, a refused
connection, an error status.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from headcount import __version__, errors
from headcount.config import Settings
from headcount.errors import InputError
from headcount.model import Article, Rejection

log = logging.getLogger(__name__)

#: Who is asking: site operators can see what the tool is and that it reads, not crawls.
USER_AGENT = f"headcount/{__version__} (news figures ledger; fetches only URLs a user gave it)"
MAX_REDIRECTS = 5
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_XML_TYPES = ("application/xml", "text/xml")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched resource: where it ended up after redirects, its bytes and declared type."""

    url: str
    content: bytes
    content_type: str
    charset: str | None


class Fetcher:
    """An HTTP client for one batch; use as a context manager so connections are closed."""

    def __init__(self, settings: Settings | None = None) -> None:
        import httpx

        self.settings = settings or Settings.from_env()
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.settings.timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Page:
        """Fetch ``url``; raises :class:`InputError` (H112 unreachable, H113 error status, H108
        over the size cap)."""
        import httpx

        limit = self.settings.max_bytes
        deadline = time.monotonic() + self.settings.timeout
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputError(
                        url,
                        f"the server answered {response.status_code} {response.reason_phrase}",
                        code=errors.HTTP_STATUS,
                    )
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise _too_large(url, int(declared), limit)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _too_large(url, size, limit)
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("total time exceeded")
                    chunks.append(chunk)
                content_type = response.headers.get("Content-Type", "")
                return Page(
                    url=str(response.url),
                    content=b"".join(chunks),
                    content_type=content_type.split(";")[0].strip().lower(),
                    charset=response.charset_encoding,
                )
        except httpx.TimeoutException:
            raise InputError(
                url,
                f"timed out after {self.settings.timeout:g} s (HEADCOUNT_TIMEOUT)",
                code=errors.FETCH_FAILED,
            ) from None
        except httpx.TooManyRedirects:
            raise InputError(url, f"more than {MAX_REDIRECTS} redirects", code=errors.FETCH_FAILED) from None
        except httpx.HTTPError as exc:
            raise InputError(
                url, f"could not be fetched ({type(exc).__name__}: {exc})", code=errors.FETCH_FAILED
            ) from None


def _too_large(url: str, size: int, limit: int) -> InputError:
    return InputError(
        url,
        f"{size:,} bytes or more, over the {limit:,}-byte size cap (HEADCOUNT_MAX_BYTES)",
        code=errors.TOO_LARGE,
    )


def page_article(page: Page, *, known: dict[str, Any] | None = None, source: str | None = None) -> Article:
    """The article a fetched page holds: HTML through trafilatura, plain text as an article file."""
    from headcount.ingest.frontmatter import decode, parse_article
    from headcount.ingest.html import looks_like_html, parse_html

    where = source or page.url
    if page.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(page.content):
        return parse_html(
            page.content, page.url, source=where, url=page.url, charset=page.charset, known=known
        )
    if page.content_type in ("text/plain", "text/markdown"):
        article = parse_article(decode(page.content, where), page.url, source=where)
        if article.url is None:
            from dataclasses import replace

            article = replace(article, url=page.url)
        return article
    raise InputError(
        where,
        f"content of type {page.content_type or 'unknown'!r} is not an article (HTML or text)",
        code=errors.UNSUPPORTED,
    )


def is_feed(page: Page) -> bool:
    from headcount.ingest.feeds import looks_like_feed

    if page.content_type in _FEED_TYPES:
        return True
    return (page.content_type in _XML_TYPES or not page.content_type) and looks_like_feed(page.content)


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | Rejection]:
    """The article at ``url`` or, when it is an RSS/Atom feed, the article of each entry."""
    try:
        page = fetcher.get(url)
        if is_feed(page):
            from headcount.ingest.feeds import read_feed

            yield from read_feed(page.content, url, fetcher=fetcher)
            return
        yield page_article(page, source=url)
    except InputError as exc:
        yield Rejection(exc.source, exc.code, exc.reason, exc.line)
