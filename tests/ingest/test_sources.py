"""Choosing a reader per input: by extension first, by content where the extension says little."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from headcount import errors
from headcount.ingest import plan_sources

WARC = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
HTML = b"<!DOCTYPE html><html><body><p>x</p></body></html>"
RSS = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>t</title></channel></rss>'
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)

# (file name, content, kind in a folder walk (None: skipped), kind when named explicitly)
CASES = [
    ("article.txt", b"---\nurl: x\n---\nBody text.\n", "text", "text"),
    ("article.text", b"Body text.\n", "text", "text"),
    ("notes.md", b"---\ntitle: t\n---\nBody.\n", "text", "text"),
    ("README.md", b"# Read me\n", None, "text"),
    ("page.html", HTML, "html", "html"),
    ("page.htm", b"<p>a fragment, still HTML by its name</p>", "html", "html"),
    ("saved-page.txt", HTML, "html", "html"),
    ("no-extension", HTML, "html", "html"),
    ("lines.jsonl", b'{"text": "a"}\n', "jsonl", "jsonl"),
    ("lines.ndjson", b'{"text": "a"}\n', "jsonl", "jsonl"),
    ("crawl.warc", WARC, "warc", "warc"),
    ("crawl.warc.gz", gzip.compress(WARC), "warc", "warc"),
    ("crawl.gz", gzip.compress(WARC), "warc", "warc"),
    ("feed.rss", RSS, "feed", "feed"),
    ("feed.xml", RSS, "feed", "feed"),
    ("sitemap.xml", b'<?xml version="1.0"?><urlset></urlset>', None, "text"),
    ("photo.png", PNG, None, "text"),
]


@pytest.mark.parametrize(("name", "content", "walked", "named"), CASES, ids=[c[0] for c in CASES])
def test_reader_by_extension_and_content(tmp_path: Path, name: str, content: bytes, walked, named) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    path = folder / name
    path.write_bytes(content)
    in_folder = [(s.location, s.kind) for s in plan_sources([folder]) if s.kind != "rejected"]
    assert in_folder == ([(str(path), walked)] if walked else [])
    explicit = plan_sources([path])
    assert [(s.location, s.kind, s.explicit) for s in explicit] == [(str(path), named, True)]


def test_folders_are_walked_recursively_in_order_skipping_hidden_entries(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/b/y.html", ".git/x.txt", "a/.cache/w.txt", ".hidden.txt"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(HTML if rel.endswith(".html") else b"Body.\n")
    sources = plan_sources([tmp_path])
    assert [Path(s.location).relative_to(tmp_path).as_posix() for s in sources] == [
        "a/b/y.html",
        "a/z.txt",
        "b.txt",
    ]
    assert all(not s.explicit for s in sources)


def test_inputs_that_cannot_be_planned_are_rejections(tmp_path: Path) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (empty / "image.png").write_bytes(PNG)
    missing = tmp_path / "missing.txt"
    sources = plan_sources([empty, missing, "https://example.org/a", "HTTP://EXAMPLE.ORG/B"])
    assert [(s.kind, s.rejection.code if s.rejection else None) for s in sources] == [
        ("rejected", errors.NO_ARTICLES),
        ("rejected", errors.NOT_FOUND),
        ("url", None),
        ("url", None),
    ]


def test_a_reader_that_fails_is_a_rejection_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from headcount import Article, Rejection
    from headcount.ingest import html, iter_articles

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("trafilatura exploded")

    monkeypatch.setattr(html, "parse_html", broken)
    (tmp_path / "a.html").write_bytes(HTML)
    (tmp_path / "b.txt").write_text("A body that is fine.\n", encoding="utf-8")
    items = list(iter_articles([tmp_path]))
    assert [type(i) for i in items] == [Rejection, Article]
    assert (items[0].code, items[0].source) == (errors.READER_FAILED, str(tmp_path / "a.html"))
    assert "trafilatura exploded" in items[0].reason


def test_sources_come_one_at_a_time_and_progress_counts_every_file(tmp_path: Path) -> None:
    from headcount.ingest import count_inputs, iter_sources

    (tmp_path / "a.txt").write_text("Body.\n")
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_bytes(HTML)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)  # not followed
    sources = iter_sources([tmp_path, "https://example.org/x"], with_skipped=True)
    assert next(sources).location == str(tmp_path / "a.txt")  # a generator: nothing listed ahead
    rest = [(Path(s.location).name, s.kind) for s in sources]
    assert rest == [("photo.png", "skipped"), ("b.html", "html"), ("x", "url")]
    assert count_inputs([tmp_path, "https://example.org/x"]) == 4
