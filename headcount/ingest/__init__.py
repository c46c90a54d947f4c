"""Anything -> Article: article files and folders of them.

Readers yield :class:`~headcount.model.Article` records or, for an input that cannot be used, a
:class:`~headcount.model.Rejection` naming it and the reason; a batch goes on past bad inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from headcount import errors
from headcount.errors import InputError
from headcount.ingest.frontmatter import decode, has_front_matter, parse_article, read_article
from headcount.model import Article, Rejection

#: File extensions read as article text. Markdown files need front matter: a README or notes
#: file in a corpus folder is documentation, not an article.
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}

__all__ = ["decode", "iter_articles", "parse_article", "read_article"]


def _article_files(folder: Path) -> list[Path]:
    files = []
    for p in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in p.relative_to(folder).parts):
            continue
        if not p.is_file():
            continue
        suffix = p.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            files.append(p)
        elif suffix in MARKDOWN_SUFFIXES:
            try:
                with p.open("rb") as fh:
                    head = fh.read(8).decode("utf-8", "replace")
            except OSError:
                continue
            if has_front_matter(head):
                files.append(p)
    return files


def iter_articles(
    paths: Iterable[str | Path], *, max_bytes: int | None = None
) -> Iterator[Article | Rejection]:
    """Articles from files and folders (recursively), in order; a Rejection for each bad input."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _article_files(path)
            if not files:
                yield Rejection(
                    str(raw),
                    errors.NO_ARTICLES,
                    "no article files (.txt, or .md with front matter) in this folder",
                )
            for f in files:
                yield _read(f, max_bytes)
        else:
            yield _read(path, max_bytes)


def _read(path: Path, max_bytes: int | None) -> Article | Rejection:
    try:
        return read_article(path, max_bytes=max_bytes)
    except InputError as exc:
        return Rejection(exc.source, exc.code, exc.reason, exc.line)
