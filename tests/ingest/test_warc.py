"""WARC and WARC.gz: every HTML response record is an article; cut-off records are rejections."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from headcount import Article, Rejection, errors
from headcount.ingest import read_source
from headcount.ingest.warc import read_warc


def _page(n: int) -> bytes:
    return (
        f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
        f"<p>Prosecutors opened {n * 100 + 7} criminal cases over unauthorised absence from units "
        "in March, officials said on Monday.</p></article></body></html>"
    ).encode()


def write_warc(path: Path, records: list[tuple[str, str, int, str, bytes]], *, gz: bool) -> list[int]:
    """Write ``(url, type, status, content type, payload)`` records; returns their end offsets."""
    ends = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, rec_type, status, content_type, payload in records:
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, rec_type, payload=io.BytesIO(payload), length=len(payload), http_headers=headers
                )
            )
            fh.flush()
            ends.append(fh.tell())
    return ends


RECORDS = [
    ("https://example.org/robots.txt", "response", 200, "text/plain", b"User-agent: *"),
    ("https://example.org/1", "response", 200, "text/html; charset=utf-8", _page(1)),
    ("https://example.org/gone", "response", 404, "text/html", _page(9)),
    ("https://example.org/logo.png", "response", 200, "image/png", b"\x89PNG...."),
    ("https://example.org/2", "response", 200, "application/xhtml+xml", _page(2)),
    ("https://example.org/menu", "response", 200, "text/html", b"<html><body><nav>Home</nav></body></html>"),
]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_html_responses_become_articles_and_the_rest_is_skipped(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, RECORDS, gz=gz)
    items = list(read_warc(path, max_bytes=100_000))
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.doc, a.url, a.source) for a in articles] == [
        ("https://example.org/1", "https://example.org/1", f"{path}:2"),
        ("https://example.org/2", "https://example.org/2", f"{path}:5"),
    ]
    assert "107 criminal cases" in articles[0].body
    [rejection] = [i for i in items if isinstance(i, Rejection)]
    assert (rejection.source, rejection.line, rejection.code) == (str(path), 6, errors.NO_ARTICLE_TEXT)
    assert "record 6 (https://example.org/menu)" in rejection.reason


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
@pytest.mark.parametrize("where", ["in the payload", "in the headers"])
def test_a_truncated_record_is_rejected_and_the_records_before_it_kept(
    tmp_path: Path, gz: bool, where: str
) -> None:
    whole = tmp_path / "whole.warc"
    pages = [(f"https://example.org/{n}", "response", 200, "text/html", _page(n)) for n in (1, 2, 3)]
    ends = write_warc(whole, pages, gz=gz)
    data = whole.read_bytes()
    cut = ends[1] + (40 if where == "in the headers" else (ends[2] - ends[1]) * 3 // 4)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[:cut])
    items = list(read_warc(path, max_bytes=100_000))
    assert [i.doc for i in items if isinstance(i, Article)] == [
        "https://example.org/1",
        "https://example.org/2",
    ]
    [rejection] = [i for i in items if isinstance(i, Rejection)]
    assert (rejection.source, rejection.line, rejection.code) == (str(path), 3, errors.BAD_WARC)
    assert "truncated" in rejection.reason


def test_a_record_over_the_size_cap_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    big = _page(1).replace(b"</article>", b"<p>" + b"word " * 2000 + b"</p></article>")
    write_warc(path, [("https://example.org/big", "response", 200, "text/html", big), RECORDS[1]], gz=True)
    items = list(read_warc(path, max_bytes=5_000))
    assert isinstance(items[0], Rejection) and (items[0].line, items[0].code) == (1, errors.TOO_LARGE)
    assert isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", errors.EMPTY), (b"WARC/1.0\r\nthis is not a header block at all\r\n\r\n", errors.BAD_WARC)],
    ids=["empty", "garbage"],
)
def test_unusable_archives(tmp_path: Path, content: bytes, code: str) -> None:
    from headcount.ingest import Source

    path = tmp_path / "x.warc"
    path.write_bytes(content)
    items = list(read_source(Source(str(path), "warc")))
    assert [(type(i), i.code) for i in items] == [(Rejection, code)]
