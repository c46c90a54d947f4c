"""HTML pages -> Article: the main text with trafilatura, the publication date with htmldate.

The body is the extracted text with one block per paragraph, separated by blank lines (the
extractor keeps context inside a block). No front matter is needed: title, author and outlet come
from the page's metadata, the language from its ``lang`` attribute or, failing that, detection.
Metadata a caller already knows (a JSONL line, a feed entry) wins over what the page says.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

from headcount import errors
from headcount.errors import InputError
from headcount.ingest.frontmatter import decode
from headcount.model import Article

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)

#: Fewer characters of main text than this and the page holds no article (a menu, a login wall,
#: a cookie notice): a claim needs a sentence around it.
MIN_TEXT_CHARS = 80


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file or response are an HTML document."""
    return bool(_HTML_START.match(head[:2048]))


def decode_html(data: bytes, where: str, *, charset: str | None = None) -> str:
    """Text of an HTML page: UTF-8 when the bytes are valid UTF-8 (pages often declare
    ISO-8859-1 and send UTF-8, and Latin-1 decodes anything into mojibake), else the charset the
    server or the page declares, else detection (``decode``)."""
    try:
        return data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8")
    except UnicodeDecodeError:
        pass
    declared = [charset] if charset else []
    found = _META_CHARSET.search(data[:4096])
    if found:
        declared.append(found.group(1).decode("ascii", "replace"))
    for name in declared:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %r does not decode the page", where, name)
    return decode(data, where)


def parse_html(
    html: str | bytes,
    doc: str,
    *,
    source: str | None = None,
    url: str | None = None,
    charset: str | None = None,
    known: dict[str, Any] | None = None,
) -> Article:
    """An :class:`Article` from an HTML page; raises :class:`InputError` when it holds no article.

    ``known`` holds metadata the caller already has (``url``, ``outlet``, ``published``,
    ``language``, ``title``, ``author``); empty values in it are ignored.
    """
    import trafilatura
    from htmldate import find_date

    where = source or doc
    text = decode_html(html, where, charset=charset) if isinstance(html, bytes) else html
    if not text.strip():
        raise InputError(where, "the page is empty", code=errors.EMPTY)
    tree = trafilatura.load_html(text)
    if tree is None:
        raise InputError(where, "not an HTML document that can be parsed", code=errors.NO_ARTICLE_TEXT)
    lang = _page_language(tree)
    site_name = _meta(tree, "og:site_name", "application-name")
    extracted = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    body_text = getattr(extracted, "text", None) or ""
    paragraphs = [line.strip() for line in body_text.splitlines() if line.strip()]
    body = "\n\n".join(paragraphs)
    if len(body) < MIN_TEXT_CHARS:
        raise InputError(
            where,
            "no article text found in the page (navigation or boilerplate only)",
            code=errors.NO_ARTICLE_TEXT,
        )
    try:
        found_date = find_date(tree, url=url, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate is defensive but not total; a date is optional
        log.debug("%s: htmldate failed", where, exc_info=True)
        found_date = None
    meta: dict[str, Any] = {
        "url": url or getattr(extracted, "url", None),
        # og:site_name as the page writes it (trafilatura title-cases it), else trafilatura's
        # guess, else the host name.
        "outlet": site_name or getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None),
        "published": date.fromisoformat(found_date) if found_date else None,
        "language": lang,
        "title": getattr(extracted, "title", None),
        "author": getattr(extracted, "author", None),
    }
    for key, value in (known or {}).items():
        if value not in (None, ""):
            meta[key] = value
    return Article(
        doc=doc,
        body=body,
        url=meta["url"],
        outlet=meta["outlet"],
        published=meta["published"],
        language=meta["language"],
        title=meta["title"] or paragraphs[0][:300],
        author=meta["author"],
        source=source,
    )


def _meta(tree: Any, *names: str) -> str | None:
    """The content of the first ``<meta property|name=…>`` among ``names`` that has one."""
    for name in names:
        for meta in tree.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").lower() == name:
                content = (meta.get("content") or "").strip()
                if content:
                    return content
    return None


def _page_language(tree: Any) -> str | None:
    """The language the page declares: ``<html lang>``, else ``content-language`` or og:locale."""
    from headcount.ingest.language import declared_language

    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iter("meta"):
        name = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if name in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        code = declared_language(value)
        if code:
            return code
    return None
