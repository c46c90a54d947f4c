"""Reviewed claims as schema.org ClaimReview JSON-LD: the format fact-checking tools exchange.

One ``ClaimReview`` per reviewed claim (and per claim an analyst added), as a JSON array. What is
rated is the *record* of the claim — did this source say this figure, with these values — not the
truth of the figure itself: ``reviewRating.alternateName`` says "Figure as reported", "Corrected
record: …", "Not a claim" or "Wrong figure"; the number rates the record (3 as reported, 2
corrected, 1 rejected). ``url`` is the claim's page on the dashboard (``HEADCOUNT_PUBLIC_URL``,
default ``http://127.0.0.1:8000``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import IO, Any

from headcount import errors
from headcount.errors import ConfigError
from headcount.model import LedgerClaim
from headcount.reviews import Review, ReviewedClaim

#: The fields a ClaimReview must have to be read by fact-checking tools (Google's required set).
REQUIRED = (
    "@context",
    "@type",
    "url",
    "claimReviewed",
    "author",
    "reviewRating",
    "itemReviewed",
    "datePublished",
)
RATINGS = {
    "accepted": (3, "Figure as reported"),
    "corrected": (2, "Corrected record"),
    "added": (3, "Figure as reported (added by an analyst)"),
}
REJECTED = {"not_a_claim": "Not a claim", "wrong_figure": "Wrong figure"}


def _base_url() -> str:
    return os.environ.get("HEADCOUNT_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")


def claim_review(rc: ReviewedClaim, base_url: str | None = None) -> dict[str, Any]:
    """The ClaimReview of one reviewed claim (``rc.reviews`` must not be empty)."""
    base = base_url or _base_url()
    last: Review = rc.reviews[-1]
    record, claim = rc.record, rc.claim
    state = rc.state
    if state == "rejected":
        value, name = 1, REJECTED.get(last.reason or "", "Rejected")
    else:
        value, name = RATINGS.get(state, (3, "Figure as reported"))
    if state == "corrected":
        changed = ", ".join(f"{k}: {a!s} → {b!s}" for k, (a, b) in sorted(rc.changed.items()))
        name = f"{name}: {changed}" if changed else name
    url = (
        f"{base}/claims/{record.id}"
        if record.id > 0
        else f"{base}/articles/{record.article_id}#added-{-record.id}"
    )
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": record.title or claim.doc}
    if record.url:
        appearance["url"] = record.url
    if record.outlet:
        appearance["publisher"] = {"@type": "Organization", "name": record.outlet}
    if record.published:
        appearance["datePublished"] = record.published.isoformat()
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {
            "@type": "Person" if claim.claimant[:1].isupper() and " " in claim.claimant else "Organization",
            "name": record.outlet if claim.claimant == "the article" and record.outlet else claim.claimant,
        },
        "appearance": appearance,
        "text": claim.quote,
    }
    if record.published:
        item["datePublished"] = record.published.isoformat()
    notes = "; ".join(r.note for r in rc.reviews if r.note)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "identifier": str(record.id) if record.id > 0 else f"added-{-record.id}",
        "claimReviewed": claim.quote,
        "datePublished": last.created_at.date().isoformat(),
        "author": {"@type": "Person", "name": last.reviewer},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": (
                f"{claim.figure} ({claim.metric.replace('_', ' ')}, {claim.side}); "
                f"period {_iso(claim.period_start)} to {_iso(claim.period_end)}"
                + (f"; {notes}" if notes else "")
            ),
        },
        "reviewBody": notes or name,
        "itemReviewed": item,
    }


def _iso(d: date | None) -> str:
    return d.isoformat() if d else "not stated"


def write(
    reviewed: Iterable[ReviewedClaim], destination: str | Path | IO[Any], base_url: str | None = None
) -> int:
    """Write a JSON array of ClaimReviews; returns how many."""
    items = [claim_review(rc, base_url) for rc in reviewed if rc.reviews]
    with ExitStack() as stack:
        out: IO[Any]
        if isinstance(destination, str | Path):
            out = stack.enter_context(open(destination, "w", encoding="utf-8"))
        else:
            out = destination
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return len(items)


def _keep(record: LedgerClaim, filters: dict[str, Any]) -> bool:
    c = record.claim
    metric, side = filters.get("metric"), filters.get("side")
    metrics = [metric] if isinstance(metric, str) else list(metric or [])
    sides = [side] if isinstance(side, str) else list(side or [])
    if metrics and c.metric not in metrics:
        return False
    if sides and c.side not in sides:
        return False
    claimant = (filters.get("claimant") or "").lower()
    if claimant and claimant not in c.claimant.lower() and not any(claimant in v.lower() for v in c.via):
        return False
    outlet = (filters.get("outlet") or "").lower()
    if outlet and outlet not in (record.outlet or "").lower():
        return False
    since, until = filters.get("since"), filters.get("until")
    if since and (record.published is None or record.published < since):
        return False
    if until and (record.published is None or record.published > until):
        return False
    hedged = filters.get("hedged")
    return hedged is None or c.hedged == hedged


def reviewed_claims(ledger: Any, **filters: Any) -> list[ReviewedClaim]:
    """Every reviewed claim of the ledger (reviewed values), and every claim added by hand."""
    from headcount.store.dashboard import claims_by_id
    from headcount.store.reviews import ReviewStore
    from headcount.web.state import Dashboard

    if filters.get("search"):
        raise ConfigError("--search", "not available with --format claimreview", code=errors.BAD_SETTING)
    store = ReviewStore(ledger.engine)
    by_claim: dict[int, list[Review]] = {}
    added: list[Review] = []
    for review in store.iter_all():
        if review.claim_id is None:
            added.append(review)
        else:
            by_claim.setdefault(review.claim_id, []).append(review)
    records = claims_by_id(ledger.engine, sorted(by_claim))
    out = [ReviewedClaim(records[i], tuple(by_claim[i])) for i in sorted(by_claim) if i in records]
    dashboard = Dashboard(ledger)
    out += [ReviewedClaim(r, (a,)) for r, a in zip(dashboard.added_records(added), added, strict=True)]
    return [rc for rc in out if _keep(rc.reviewed_record, filters)]


def write_ledger(
    ledger: Any, destination: str | Path | IO[Any], base_url: str | None = None, **filters: Any
) -> int:
    """The ledger's reviewed claims (matching ``filters``, on their reviewed values) as ClaimReviews."""
    return write(reviewed_claims(ledger, **filters), destination, base_url)


def missing_fields(item: dict[str, Any]) -> Sequence[str]:
    """The required ClaimReview fields ``item`` lacks (an empty list when it is complete)."""
    missing = [k for k in REQUIRED if not item.get(k)]
    rating = item.get("reviewRating") or {}
    if not (rating.get("alternateName") or rating.get("ratingValue") is not None):
        missing.append("reviewRating.alternateName")
    if not (item.get("itemReviewed") or {}).get("author"):
        missing.append("itemReviewed.author")
    return missing


__all__ = ["REQUIRED", "claim_review", "missing_fields", "reviewed_claims", "write", "write_ledger"]
