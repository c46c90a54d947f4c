"""URLs and feeds, against a web server the test starts on 127.0.0.1 (never the outside network)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from headcount import Article, InputError, Rejection, errors
from headcount.config import Settings
from headcount.ingest import iter_articles
from headcount.ingest.urls import USER_AGENT, Fetcher

FAST = Settings(timeout=0.5, max_bytes=50_000)
TEXT = "Officials said about 4,800 servicemen returned to their units under an amnesty scheme in June."


def _read(sources: list[str], settings: Settings = FAST) -> list[Article | Rejection]:
    return list(iter_articles(sources, settings=settings))


def test_a_page_is_fetched_with_a_clear_user_agent(http_server, make_html) -> None:
    http_server.page(
        "/a",
        make_html(
            "Returns under amnesty", [TEXT], extra_head='<meta property="og:site_name" content="Gazette">'
        ),
    )
    [article] = _read([http_server.url("/a")])
    assert isinstance(article, Article)
    assert (article.doc, article.url, article.source) == (http_server.url("/a"),) * 3
    assert article.outlet == "Gazette"
    assert TEXT in article.body
    assert http_server.requests == [("/a", USER_AGENT)]
    assert USER_AGENT.startswith("headcount/")


def test_redirects_are_followed_to_the_article(http_server, make_html) -> None:
    http_server.page("/final", make_html("Returns", [TEXT]))
    http_server.page("/old", b"", status=301, headers={"Location": "/final"})
    [article] = _read([http_server.url("/old")])
    assert isinstance(article, Article)
    assert article.url == http_server.url("/final")
    assert article.source == http_server.url("/old")


def test_plain_text_urls_are_read_as_article_files(http_server) -> None:
    http_server.page("/a.txt", f"---\noutlet: Wire\npublished: 2025-07-01\n---\n{TEXT}\n", "text/plain")
    [article] = _read([http_server.url("/a.txt")])
    assert isinstance(article, Article)
    assert (article.outlet, article.published, article.url) == (
        "Wire",
        date(2025, 7, 1),
        http_server.url("/a.txt"),
    )


@pytest.mark.parametrize(
    ("route", "code", "fragment"),
    [
        (("/missing", b"gone", "text/html", {"status": 404}), errors.HTTP_STATUS, "answered 404"),
        (("/broken", b"oops", "text/html", {"status": 500}), errors.HTTP_STATUS, "answered 500"),
        (("/slow", b"late", "text/html", {"delay": 3.0}), errors.FETCH_FAILED, "timed out after 0.5 s"),
        (
            ("/loop", b"", "text/html", {"status": 302, "headers": {"Location": "/loop"}}),
            errors.FETCH_FAILED,
            "redirects",
        ),
        (("/big", b"x" * 60_000, "text/html", {}), errors.TOO_LARGE, "over the 50,000-byte size cap"),
        (("/logo.png", b"\x89PNG\r\n", "image/png", {}), errors.UNSUPPORTED, "'image/png' is not an article"),
        (
            ("/menu", b"<html><body><nav>Home</nav></body></html>", "text/html", {}),
            errors.NO_ARTICLE_TEXT,
            "no article text",
        ),
    ],
    ids=["404", "500", "timeout", "redirect loop", "over the cap", "an image", "no article"],
)
def test_a_url_that_fails_is_a_rejection_naming_it(http_server, route, code: str, fragment: str) -> None:
    path, body, content_type, kw = route
    http_server.page(path, body, content_type, **kw)
    started = time.monotonic()
    [rejection] = _read([http_server.url(path)])
    assert isinstance(rejection, Rejection)
    assert (rejection.source, rejection.code) == (http_server.url(path), code)
    assert fragment in rejection.reason
    assert time.monotonic() - started < 2.5  # the timeout holds, the batch is not held up


def test_a_refused_connection_is_a_rejection() -> None:
    [rejection] = _read(["http://127.0.0.1:9/nothing-listens-here"])
    assert isinstance(rejection, Rejection) and rejection.code == errors.FETCH_FAILED


def test_a_server_that_drips_bytes_cannot_hold_the_batch(http_server) -> None:
    # Every piece arrives within the timeout, the whole does not: the total deadline stops it.
    http_server.page("/drip", b"x" * 20, "text/html")
    http_server.drips["/drip"] = (20, 0.1)
    started = time.monotonic()
    with Fetcher(Settings(timeout=0.4, max_bytes=1000)) as fetcher, pytest.raises(InputError) as caught:
        fetcher.get(http_server.url("/drip"))
    assert caught.value.code == errors.FETCH_FAILED
    assert "timed out" in caught.value.reason
    assert time.monotonic() - started < 1.0


def _feed(server, entries: list[tuple[str, str]]) -> str:  # type: ignore[no-untyped-def]
    items = "".join(
        f"<item><title>{title}</title><link>{server.url(path)}</link>"
        f"<pubDate>Mon, 14 Jul 2025 08:00:00 GMT</pubDate></item>"
        for path, title in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Sample Wire</title>{items}</channel></rss>'
    )


def test_a_feed_url_brings_in_each_entrys_page(http_server, make_html) -> None:
    http_server.page("/one", make_html("One", [TEXT]))
    http_server.page("/two", make_html("Two", [TEXT.replace("4,800", "5,100")]))
    http_server.page(
        "/feed",
        _feed(http_server, [("/one", "One"), ("/missing", "Gone"), ("/two", "Two")]),
        "application/rss+xml",
    )
    items = _read([http_server.url("/feed")])
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    one, missing, two = items
    assert (one.url, one.outlet, one.published, one.title) == (
        http_server.url("/one"),
        "Sample Wire",
        date(2025, 7, 14),
        "One",
    )
    assert "5,100" in two.body
    assert (missing.source, missing.code) == (http_server.url("/missing"), errors.HTTP_STATUS)
    assert [p for p, _ in http_server.requests] == ["/feed", "/one", "/missing", "/two"]


def test_a_feed_file_named_explicitly_is_followed_but_not_one_in_a_folder(
    tmp_path: Path, http_server, make_html
) -> None:
    http_server.page("/one", make_html("One", [TEXT]))
    folder = tmp_path / "corpus"
    folder.mkdir()
    feed = folder / "wire.rss"
    feed.write_text(_feed(http_server, [("/one", "One")]), encoding="utf-8")
    [article] = _read([str(feed)])
    assert isinstance(article, Article) and TEXT in article.body
    assert [p for p, _ in http_server.requests] == ["/one"]
    # In a folder walk: no network; this entry embeds no content, so it says how to follow it.
    [rejection] = _read([str(folder)])
    assert isinstance(rejection, Rejection) and rejection.code == errors.NO_ARTICLE_TEXT
    assert "give the feed's URL or path as an argument" in rejection.reason
    assert [p for p, _ in http_server.requests] == ["/one"]


def test_a_feed_in_a_folder_is_read_from_the_content_it_embeds(tmp_path: Path) -> None:
    feed = tmp_path / "wire.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>'
        '<entry><title>Returns</title><link href="https://example.org/r"/><updated>2025-07-14T08:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;{TEXT}&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )
    [article] = _read([str(tmp_path)])
    assert isinstance(article, Article)
    assert (article.url, article.outlet, article.published) == (
        "https://example.org/r",
        "Atom Wire",
        date(2025, 7, 14),
    )
    assert article.body == TEXT


@pytest.mark.parametrize(
    "body",
    [
        b"<?xml version='1.0'?><rss><channel><title>Empty</title></channel></rss>",
        b"<rss><channel",
    ],
)
def test_a_feed_without_entries_is_a_rejection(http_server, body: bytes) -> None:
    http_server.page("/feed.xml", body, "application/rss+xml")
    [rejection] = _read([http_server.url("/feed.xml")])
    assert isinstance(rejection, Rejection) and rejection.code == errors.BAD_FEED


def test_a_feed_entry_without_link_or_content_is_a_rejection(http_server) -> None:
    http_server.page(
        "/feed.xml", b"<rss><channel><item><title>No link</title></item></channel></rss>", "text/xml"
    )
    [rejection] = _read([http_server.url("/feed.xml")])
    assert isinstance(rejection, Rejection)
    assert (rejection.code, rejection.line) == (errors.NO_ARTICLE_TEXT, 1)
    assert rejection.reason == "entry 1 has neither a link nor content"


def test_relative_entry_links_resolve_against_the_feed_url(http_server, make_html) -> None:
    http_server.page("/news/one", make_html("One", [TEXT]))
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>One</title><link>/news/one</link></item></channel></rss>"
    )
    http_server.page("/feeds/all.xml", feed, "application/rss+xml")
    [article] = _read([http_server.url("/feeds/all.xml")])
    assert isinstance(article, Article) and article.url == http_server.url("/news/one")
