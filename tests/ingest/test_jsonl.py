"""JSONL: one article per line; a bad line is rejected with its number and the others go in."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from headcount import Article, Rejection, errors
from headcount.ingest.jsonl import read_jsonl

GOOD = {
    "url": "https://example.org/a",
    "outlet": "Wire",
    "published": "2025-02-03",
    "language": "en",
    "title": "Headline",
    "text": "Headline\n\nBorder guards registered more than 2,000 asylum applications in 2024.\n",
}
PAGE = (
    "<html><head><title>Surrender line</title></head><body><article><h1>Surrender line</h1>"
    "<p>A surrender line said 350 soldiers had given themselves up through its channels since January.</p>"
    "</article></body></html>"
)

# (line, code of its rejection or None for a good line, words of the reason)
LINES = [
    (json.dumps(GOOD), None, ""),
    ("{not json", errors.BAD_JSONL_LINE, "not valid JSON"),
    ("[1, 2, 3]", errors.BAD_JSONL_LINE, "a JSON list, not an object"),
    (json.dumps({"url": "https://example.org/b"}), errors.BAD_JSONL_LINE, "no 'text' or 'html'"),
    (json.dumps({"text": "   "}), errors.BAD_JSONL_LINE, "no 'text' or 'html'"),
    (json.dumps({"text": 12}), errors.BAD_JSONL_LINE, "'text' must be a string"),
    (json.dumps({**GOOD, "published": "last Tuesday-ish"}), errors.BAD_FIELD, "is not a date"),
    (json.dumps({"html": "<html><body><nav>Home</nav></body></html>"}), errors.NO_ARTICLE_TEXT, "no article"),
    (json.dumps({"html": PAGE, "outlet": "Line digest", "published": "2025-04-22"}), None, ""),
    ("", None, "blank lines are skipped"),
    (json.dumps({"text": "Bare text with no metadata at all, still an article."}), None, ""),
]


def test_every_line_is_an_article_or_a_rejection_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "digest.jsonl"
    path.write_text("\n".join(line for line, _, _ in LINES) + "\n", encoding="utf-8")
    items = list(read_jsonl(path, max_bytes=10_000))
    rejections = [i for i in items if isinstance(i, Rejection)]
    expected = [(n, code) for n, (_, code, _) in enumerate(LINES, start=1) if code]
    assert [(r.line, r.code) for r in rejections] == expected
    for r in rejections:
        assert r.source == str(path)
        assert LINES[r.line - 1][2] in r.reason
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:9", f"{path}:11"]
    first, page, bare = articles
    assert first.body == GOOD["text"]
    assert (first.doc, first.outlet, first.published, first.title) == (
        "https://example.org/a",
        "Wire",
        date(2025, 2, 3),
        "Headline",
    )
    assert page.body.startswith("Surrender line\n\nA surrender line said 350 soldiers")
    assert (page.outlet, page.published) == ("Line digest", date(2025, 4, 22))
    assert bare.doc == "digest.jsonl:11"


def test_a_line_over_the_size_cap_is_rejected_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    big = json.dumps({"text": "x " * 5000})
    path.write_text(big + "\n" + json.dumps(GOOD) + "\n", encoding="utf-8")
    items = list(read_jsonl(path, max_bytes=1000))
    assert isinstance(items[0], Rejection)
    assert (items[0].line, items[0].code) == (1, errors.TOO_LARGE)
    assert isinstance(items[1], Article) and items[1].source == f"{path}:2"


@pytest.mark.parametrize("data", [b'{"text": "caf\xe9 \xff"}\n'])
def test_a_line_that_is_not_utf8_is_rejected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(data)
    [item] = list(read_jsonl(path, max_bytes=1000))
    assert isinstance(item, Rejection) and item.code == errors.BAD_JSONL_LINE and item.line == 1
