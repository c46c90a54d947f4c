"""Records -> what templates and the JSON API show: plain dicts of text ready to print.

Text from the ledger stays plain text here (the templates escape it); markup is produced only by
the chart renderer (``headcount.report.svg``, which escapes) and never from article text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from headcount.model import Claim, LedgerArticle, LedgerClaim
from headcount.reconcile.labels import SIDE_LABELS, metric_label
from headcount.report.view import period_text
from headcount.reviews import Review, ReviewedClaim, paragraph_around
from headcount.values import value_text


def safe_url(url: str | None) -> str:
    """Only web links become links: a ``javascript:`` URL in an article's metadata stays text."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else ""


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def claim_row(rc: ReviewedClaim) -> dict[str, Any]:
    """One claim as a table row, with its reviewed values."""
    r, c = rc.record, rc.claim
    return {
        "id": r.id,
        "article_id": r.article_id,
        "figure": c.figure,
        "value": value_text(c),
        "machine_value": value_text(r.claim),
        "metric": c.metric,
        "metric_label": metric_label(c.metric),
        "side": c.side,
        "side_label": SIDE_LABELS.get(c.side, c.side),
        "period": period_text(c.period_start, c.period_end) if (c.period_start or c.period_end) else "",
        "claimant": c.claimant,
        "via": list(c.via),
        "hedged": c.hedged,
        "quote": c.quote,
        "outlet": r.outlet or "",
        "published": _iso(r.published),
        "title": r.title or "",
        "url": safe_url(r.url),
        "state": rc.state,
        "changed": sorted(rc.changed),
        "current": r.current,
    }


def review_view(review: Review) -> dict[str, Any]:
    return {
        "id": review.id,
        "claim_id": review.claim_id,
        "article_id": review.article_id,
        "action": review.action,
        "state": review.state,
        "changes": sorted(review.changes.items()),
        "reason": (review.reason or "").replace("_", " "),
        "note": review.note,
        "reviewer": review.reviewer,
        "when": review.created_at.strftime("%Y-%m-%d %H:%M UTC"),
    }


def sentence_view(body: str, c: Claim) -> dict[str, str]:
    """The claim's paragraph cut around its sentence and figure: what the claim page highlights."""
    p_start, p_end = paragraph_around(body, c.sentence_start, c.sentence_end)
    p_start, p_end = min(p_start, c.sentence_start), max(p_end, c.sentence_end)
    return {
        "before": body[p_start : c.sentence_start],
        "sentence_before": body[c.sentence_start : c.start],
        "figure": body[c.start : c.end],
        "sentence_after": body[c.end : c.sentence_end],
        "after": body[c.sentence_end : p_end],
    }


def marked_body(body: str, spans: list[tuple[int, int, int, str]]) -> list[dict[str, Any]]:
    """The body cut into pieces, each figure ``(start, end, claim id, state)`` a marked piece
    (overlapping figures: the first one wins), in order."""
    pieces: list[dict[str, Any]] = []
    cursor = 0
    for start, end, claim_id, state in sorted(spans):
        if start < cursor or end > len(body) or start >= end:
            continue
        if start > cursor:
            pieces.append({"text": body[cursor:start], "claim": None})
        pieces.append({"text": body[start:end], "claim": claim_id, "state": state})
        cursor = end
    if cursor < len(body):
        pieces.append({"text": body[cursor:], "claim": None})
    return pieces


def article_view(a: LedgerArticle) -> dict[str, Any]:
    art = a.article
    return {
        "id": a.id,
        "doc": art.doc,
        "title": art.title or art.doc,
        "outlet": art.outlet or "",
        "published": _iso(art.published),
        "language": art.language or "",
        "author": art.author or "",
        "url": safe_url(art.url),
        "raw_url": art.url or "",
        "source": art.source or "",
        "claims": a.claim_count,
        "extractor": a.extractor or "",
        "ingested": a.ingested_at.strftime("%Y-%m-%d %H:%M UTC"),
    }


def record_link(record: LedgerClaim) -> str:
    """Where a claim lives: its page, or for one added by hand (negative id) its article."""
    if record.id > 0:
        return f"/claims/{record.id}"
    return f"/articles/{record.article_id}#added-{-record.id}"


__all__ = [
    "article_view",
    "claim_row",
    "marked_body",
    "record_link",
    "review_view",
    "safe_url",
    "sentence_view",
    "value_text",
]
