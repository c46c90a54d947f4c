"""HTML pages: the article text in blocks, metadata from the page, and pages without an article."""

from __future__ import annotations

from datetime import date

import pytest

from headcount import InputError, errors
from headcount.ingest.html import decode_html, looks_like_html, parse_html

HEAD = (
    '<meta property="og:site_name" content="Example Gazette">'
    '<meta name="author" content="Jane Roe">'
    '<meta property="article:published_time" content="2024-05-02T10:00:00Z">'
)
PARAGRAPHS = [
    "Ukrainian prosecutors opened more than 20,000 cases of unauthorised absence in April, officials said.",
    "Some of the soldiers returned within days; the office did not explain how it counts them.",
]


def test_text_and_metadata_of_a_page(make_html) -> None:
    html = make_html("Absence cases rise", PARAGRAPHS, lang="en-GB", extra_head=HEAD)
    article = parse_html(html, "page.html", source="corpus/page.html", url="https://example.org/a")
    assert article.body == "\n\n".join(["Absence cases rise", *PARAGRAPHS])
    assert (article.title, article.author, article.outlet) == (
        "Absence cases rise",
        "Jane Roe",
        "Example Gazette",
    )
    assert article.published == date(2024, 5, 2)
    assert article.language == "en"
    assert (article.doc, article.source, article.url) == (
        "page.html",
        "corpus/page.html",
        "https://example.org/a",
    )
    assert "Home" not in article.body and "Copyright" not in article.body


def test_metadata_the_caller_knows_wins_over_the_page(make_html) -> None:
    html = make_html("Absence cases rise", PARAGRAPHS, extra_head=HEAD)
    known = {"outlet": "Wire Digest", "published": date(2024, 5, 3), "title": "", "language": None}
    article = parse_html(html, "x", known=known)
    assert (article.outlet, article.published, article.title) == (
        "Wire Digest",
        date(2024, 5, 3),
        "Absence cases rise",
    )


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><a href='/'>Home</a><a href='/news'>News</a></nav></body></html>",
        "<html><head><title>Log in</title></head><body><form><input name=user></form></body></html>",
        "<html><body><p>Too short.</p></body></html>",
    ],
    ids=["navigation only", "login form", "a line"],
)
def test_a_page_without_article_text_is_rejected(html: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_html(html, "x.html", source="corpus/x.html")
    assert caught.value.code == errors.NO_ARTICLE_TEXT
    assert str(caught.value).startswith("[H111] corpus/x.html: no article text")


def test_an_empty_page_is_rejected() -> None:
    with pytest.raises(InputError) as caught:
        parse_html(b"  \n", "x.html")
    assert caught.value.code == errors.EMPTY


RUSSIAN = "Военные прокуроры возбудили более 20 000 уголовных дел о самовольном оставлении части в апреле."


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>', None),
        (f"<html><head></head><body><p>{RUSSIAN}</p></body></html>", "windows-1251"),  # HTTP header
        (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>'
            f"<body><p>{RUSSIAN}</p></body></html>",
            None,
        ),
    ],
    ids=["meta charset", "declared by the server", "http-equiv"],
)
def test_declared_charsets_are_honoured(data: str, charset: str | None) -> None:
    encoding = "koi8-r" if "koi8" in data else "windows-1251"
    assert RUSSIAN in decode_html(data.encode(encoding), "x.html", charset=charset)


def test_undeclared_non_utf8_is_detected() -> None:
    text = " ".join([RUSSIAN] * 4)
    page = f"<html><body><p>{text}</p></body></html>".encode("windows-1251")
    assert RUSSIAN in decode_html(page, "x.html")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf  <!-- saved --> <html lang='en'>", True),
        (b"<HEAD><title>", True),
        (b"Plain text that mentions <html> later", False),
        (b"<?xml version='1.0'?><rss>", False),
    ],
)
def test_looks_like_html(head: bytes, expected: bool) -> None:
    assert looks_like_html(head) is expected


def test_utf8_wins_over_a_wrong_latin1_declaration() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{RUSSIAN} Café</p></body></html>'
    assert f"{RUSSIAN} Café" in decode_html(page.encode("utf-8"), "x.html", charset="iso-8859-1")
