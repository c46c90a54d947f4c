"""Regenerate ``news-crawl.warc.gz``: a tiny web archive in the shape of Common Crawl's news crawl.

Run from the repository root: ``.venv/bin/python samples/warc/make_sample.py``. It holds two
article pages, a request record and a robots.txt response (both skipped by ``headcount ingest``)
and a redirect (skipped too). The texts are samples written for headcount.
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent

PAGES = {
    "https://example.org/samples/warc/returns": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Fewer soldiers return under amnesty scheme</title>
<meta property="og:site_name" content="headcount sample (WARC)">
<meta property="article:published_time" content="2025-07-14"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Fewer soldiers return under amnesty scheme</h1>
<p>Only 4,800 servicemen who had left their units returned to service under an amnesty scheme in June, a defence ministry official said, compared with 6,100 in May.</p>
<p>The official gave no reason for the fall.</p></article><footer>Sample page for headcount.</footer></body></html>""",
    "https://example.org/samples/warc/refugee-status": """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Few deserters granted refugee status</title>
<meta property="og:site_name" content="headcount sample (WARC)">
<meta property="article:published_time" content="2025-08-01"></head>
<body><article><h1>Few deserters granted refugee status</h1>
<p>Immigration authorities granted refugee status to 37 former soldiers last year, according to figures released under a freedom of information request.</p>
<p>Lawyers for the applicants say hundreds more are waiting for a decision.</p></article></body></html>""",
}


def main() -> None:
    with open(HERE / "news-crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(
            writer.create_warcinfo_record("news-crawl.warc.gz", {"software": "headcount sample"})
        )
        robots = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/robots.txt",
                "response",
                payload=io.BytesIO(b"User-agent: *\nAllow: /\n"),
                length=len(b"User-agent: *\nAllow: /\n"),
                http_headers=robots,
            )
        )
        moved = StatusAndHeaders(
            "301 Moved Permanently",
            [("Location", "https://example.org/samples/warc/returns")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "http://example.org/returns",
                "response",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=moved,
            )
        )
        for url, html in PAGES.items():
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), length=0, http_headers=request
                )
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html.encode("utf-8")),
                    length=len(html.encode("utf-8")),
                    http_headers=headers,
                )
            )


if __name__ == "__main__":
    main()
