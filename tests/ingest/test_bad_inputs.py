"""A folder of every kind of bad input among good ones: each bad one is a rejection naming the
source (and line or record) and the reason; every good article and claim is stored regardless."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from headcount import Article, errors, extract_claims, ingest, iter_articles
from headcount.config import Settings
from headcount.store import body_hash

CAP = 6_000
SETTINGS = Settings(max_bytes=CAP, timeout=0.5)
GOOD_TEXT = (
    "Prosecutors opened about 3,500 criminal cases over unauthorised absence from units in the first "
    "quarter, a spokesperson told reporters."
)


def _page(text: str) -> bytes:
    page = f"<html><head><title>Cases</title></head><body><article><p>{text}</p></article></body></html>"
    return page.encode()


def _warc(records: list[bytes]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n, payload in enumerate(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/w{n}",
                "response",
                payload=io.BytesIO(payload),
                length=len(payload),
                http_headers=headers,
            )
        )
    return out.getvalue()


def build_corpus(folder: Path, samples: list[Path]) -> dict[str, tuple[str, int | None]]:
    """Write good and bad inputs; returns the expected rejections: source -> (code, line)."""
    good = folder / "good"
    good.mkdir(parents=True)
    for p in samples:
        shutil.copy(p, good / p.name)
    (good / "page.html").write_bytes(_page(GOOD_TEXT))
    bad = folder / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (bad / "too-big.txt").write_text("Soldiers left. " * (CAP // 10), encoding="utf-8")
    (bad / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (bad / "bad-yaml.txt").write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    lines = [
        json.dumps({"url": "https://example.org/j1", "text": GOOD_TEXT.replace("3,500", "3,700")}),
        '{"url": "https://example.org/j2", "text": "unterminated',
        json.dumps(
            {"url": "https://example.org/j3", "html": _page(GOOD_TEXT.replace("3,500", "3,900")).decode()}
        ),
    ]
    (folder / "digest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = _warc([_page(GOOD_TEXT.replace("3,500", "4,100")), _page(GOOD_TEXT.replace("3,500", "4,300"))])
    first_end = len(_warc([_page(GOOD_TEXT.replace("3,500", "4,100"))]))
    (folder / "crawl.warc.gz").write_bytes(whole[: first_end + (len(whole) - first_end) // 2])
    assert gzip.decompress(whole)  # the whole archive was sound before it was cut
    return {
        str(bad / "empty.txt"): (errors.EMPTY, None),
        str(bad / "binary.txt"): (errors.BINARY, None),
        str(bad / "too-big.txt"): (errors.TOO_LARGE, None),
        str(bad / "menu.html"): (errors.NO_ARTICLE_TEXT, None),
        str(bad / "bad-yaml.txt"): (errors.BAD_FRONT_MATTER, None),
        str(folder / "digest.jsonl"): (errors.BAD_JSONL_LINE, 2),
        str(folder / "crawl.warc.gz"): (errors.BAD_WARC, 2),
    }


def test_bad_inputs_are_rejected_and_everything_good_is_stored(
    ledger, tmp_path: Path, sample_paths: list[Path], http_server
) -> None:
    folder = tmp_path / "corpus"
    expected = build_corpus(folder, sample_paths)
    http_server.page("/slow", b"late", delay=3.0)
    http_server.page("/gone", b"", status=404)
    slow, gone = http_server.url("/slow"), http_server.url("/gone")
    expected[slow] = (errors.FETCH_FAILED, None)
    expected[gone] = (errors.HTTP_STATUS, None)

    summary = ingest(ledger, [str(folder), slow, gone], settings=SETTINGS)

    got = {r.source: (r.code, r.line) for r in summary.rejections}
    assert got == expected
    assert all(r.reason for r in summary.rejections)
    good = [a for a in iter_articles([folder], settings=SETTINGS) if isinstance(a, Article)]
    assert len(good) == len(sample_paths) + 1 + 2 + 1  # files, page.html, two JSONL lines, one record
    assert (summary.new, summary.unchanged) == (len(good), 0)
    stored = {a.body_hash: a for a in ledger.articles()}
    assert set(stored) == {body_hash(a.body) for a in good}
    for article in good:
        held = stored[body_hash(article.body)]
        assert held.article == article
        assert [r.claim for r in ledger.claims(article_id=held.id)] == extract_claims(article)
    assert summary.claims == ledger.counts()["claims"] > 0
    assert ledger.check() == []
    assert ledger.runs()[0]["rejected"] == len(expected)
