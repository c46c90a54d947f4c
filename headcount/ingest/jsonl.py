"""JSONL files -> Articles: one JSON object per line, ``text`` or ``html`` plus metadata.

Fields: ``url``, ``outlet``, ``published``, ``language``, ``title``, ``author``, ``doc`` (optional
name; defaults to the URL, else ``file.jsonl:LINE``) and exactly one of ``text`` (the body, as is)
or ``html`` (a page, read like an HTML file). A bad line becomes a Rejection with its line number;
the other lines go in. The file is streamed line by line, so its size is not capped: each line is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from headcount import errors
from headcount.errors import InputError
from headcount.ingest.frontmatter import _date, _first_line, _text
from headcount.model import Article, Rejection

_FIELDS = ("url", "outlet", "published", "language", "title", "author")


def read_jsonl(path: str | Path, *, max_bytes: int) -> Iterator[Article | Rejection]:
    """Every line of a JSONL file as an Article, or a Rejection naming the line and the reason."""
    where = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below, while yielding
    except OSError as exc:
        yield Rejection(where, errors.UNREADABLE, f"cannot open: {exc.strerror}")
        return
    try:
        number = 0
        while True:
            # One byte over the cap tells an over-long line from one that just fits.
            raw = fh.readline(max_bytes + 1)
            if not raw:
                break
            number += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                yield Rejection(
                    where,
                    errors.TOO_LARGE,
                    f"the line is over the {max_bytes:,}-byte size cap (HEADCOUNT_MAX_BYTES)",
                    number,
                )
                while raw and not raw.endswith(b"\n"):  # skip the rest of that line
                    raw = fh.readline(1 << 20)
                continue
            if not raw.strip():
                continue
            try:
                yield parse_line(raw, where, number)
            except InputError as exc:
                yield Rejection(where, exc.code, exc.reason, number)
    finally:
        fh.close()


def parse_line(raw: bytes, where: str, number: int) -> Article:
    """One JSONL line as an Article; raises :class:`InputError` saying what is wrong with it."""
    try:
        obj = json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(where, "the line is not UTF-8", code=errors.BAD_JSONL_LINE, line=number) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            where,
            f"not valid JSON ({exc.msg} at column {exc.colno})",
            code=errors.BAD_JSONL_LINE,
            line=number,
        ) from None
    if not isinstance(obj, dict):
        raise InputError(
            where,
            f"a JSON {type(obj).__name__}, not an object with 'text' or 'html'",
            code=errors.BAD_JSONL_LINE,
            line=number,
        )
    text, html = obj.get("text"), obj.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"'{name}' must be a string", code=errors.BAD_JSONL_LINE, line=number)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError(
            where, "no 'text' or 'html' field with content", code=errors.BAD_JSONL_LINE, line=number
        )
    source = f"{where}:{number}"
    meta: dict[str, Any] = {k: _text(obj.get(k)) for k in _FIELDS}
    try:
        published = _date(obj.get("published"), source)
    except InputError as exc:
        raise InputError(where, exc.reason, code=exc.code, line=number) from None
    doc = _text(obj.get("doc")) or meta["url"] or f"{Path(where).name}:{number}"
    if text and text.strip():
        return Article(
            doc=doc,
            body=text,
            url=meta["url"],
            outlet=meta["outlet"],
            published=published,
            language=meta["language"],
            title=meta["title"] or _first_line(text),
            author=meta["author"],
            source=source,
        )
    from headcount.ingest.html import parse_html

    meta["published"] = published
    try:
        return parse_html(html or "", doc, source=source, url=meta["url"], known=meta)
    except InputError as exc:
        raise InputError(where, exc.reason, code=exc.code, line=number) from None
