"""Article files: UTF-8 (or detected) text with optional YAML front matter (SCHEMA.md).

The body is everything after the closing ``---`` line, byte for byte: claim offsets index it, so
nothing in it is trimmed, re-wrapped or re-encoded beyond decoding.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from headcount import errors
from headcount.errors import InputError
from headcount.model import Article

_OPEN = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_KNOWN_KEYS = ("url", "outlet", "published", "language", "title", "author")


def has_front_matter(text: str) -> bool:
    return bool(_OPEN.match(text))


def parse_article(text: str, doc: str, *, source: str | None = None) -> Article:
    """An :class:`Article` from the text of a file; raises :class:`InputError` on a bad header."""
    where = source or doc
    meta: dict[str, Any] = {}
    body = text
    opened = _OPEN.match(text)
    if opened:
        close = _CLOSE.search(text, opened.end())
        if close is None:
            raise InputError(
                where,
                "the front matter opened with '---' is never closed; end the header with a '---' line",
                code=errors.NO_BODY,
            )
        header = text[opened.end() : close.start()]
        try:
            loaded = yaml.safe_load(header) if header.strip() else {}
        except yaml.YAMLError as exc:
            reason = str(exc).splitlines()[0]
            raise InputError(
                where,
                f"the front matter is not valid YAML ({reason})",
                code=errors.BAD_FRONT_MATTER,
            ) from None
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise InputError(
                where, "the front matter must be 'key: value' lines", code=errors.BAD_FRONT_MATTER
            )
        meta = {str(k).strip().lower(): v for k, v in loaded.items()}
        body = text[close.end() :]
        if not body.strip():
            raise InputError(where, "no article body after the front matter", code=errors.NO_BODY)
    elif not text.strip():
        raise InputError(where, "the file is empty", code=errors.EMPTY)
    return Article(
        doc=doc,
        body=body,
        url=_text(meta.get("url")),
        outlet=_text(meta.get("outlet")),
        published=_date(meta.get("published"), where),
        language=_text(meta.get("language")),
        title=_text(meta.get("title")) or _first_line(body),
        author=_text(meta.get("author")),
        source=source,
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def _first_line(body: str) -> str | None:
    for line in body.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return None


def _date(value: Any, where: str) -> date | None:
    """A publication date from front matter: YAML dates, ISO strings, or a date dateparser reads
    unambiguously (day-first, as everywhere but US English)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(
        s,
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
        },
    )
    if parsed is None:
        raise InputError(
            where, f"'published: {s}' is not a date; write it as YYYY-MM-DD", code=errors.BAD_FIELD
        )
    return parsed.date()


#: charset_normalizer's coherence (0–1) below which a detected encoding is taken for noise: real
#: text in cp1251, koi8-r or cp1252 scores about 0.5 or more, random high bytes 0.0–0.25.
MIN_COHERENCE = 0.3


def decode(data: bytes, where: str) -> str:
    """Text from bytes: UTF-8 when it is, else the encoding charset_normalizer detects."""
    if not data.strip():
        raise InputError(where, "the file is empty", code=errors.EMPTY)
    if b"\x00" in data[:8192] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(where, "binary data, not text", code=errors.BINARY)
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # A guess whose text reads as no language (coherence under MIN_COHERENCE) is how random
    # bytes decode, e.g. as "Korean" in cp949: a rejection is better than a ledger of noise.
    if best is None or best.encoding is None or best.coherence < MIN_COHERENCE:
        raise InputError(
            where,
            "undecodable bytes: not UTF-8 and no other encoding fits; convert the file to UTF-8",
            code=errors.UNDECODABLE,
        )
    text = str(best)
    if _mostly_control(text):
        raise InputError(where, "binary data, not text", code=errors.BINARY)
    return text


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample) > 0.05


def read_article(path: str | Path, *, max_bytes: int | None = None) -> Article:
    """Read one article file; raises :class:`InputError` naming the file and the reason."""
    from headcount.config import Settings

    p = Path(path)
    where = str(path)
    limit = max_bytes if max_bytes is not None else Settings.from_env().max_bytes
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError(where, "is a folder, not an article file", code=errors.UNREADABLE)
        if size > limit:
            raise InputError(
                where,
                f"{size:,} bytes is over the {limit:,}-byte size cap (HEADCOUNT_MAX_BYTES)",
                code=errors.TOO_LARGE,
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "no such file", code=errors.NOT_FOUND) from None
    except PermissionError:
        raise InputError(where, "permission denied", code=errors.UNREADABLE) from None
    except IsADirectoryError:
        raise InputError(where, "is a folder, not an article file", code=errors.UNREADABLE) from None
    text = decode(data, where)
    return parse_article(text, p.name, source=where)
