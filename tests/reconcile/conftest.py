"""Hand-written ledgers for the cross-check rules: claims built field by field, no extractor."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from headcount.model import Claim, LedgerClaim

_ids = itertools.count(1)


def make_claim(
    figure: str = "21,600",
    low: float | None = 21600,
    high: float | None = 21600,
    *,
    bound: str = "exact",
    kind: str = "count",
    metric: str = "desertion",
    side: str = "ukraine",
    start: str | None = None,
    end: str | None = None,
    per: str | None = None,
    claimant: str = "the article",
    via: tuple[str, ...] = (),
    hedged: bool = False,
    quote: str | None = None,
    outlet: str | None = "Example Gazette",
    published: str | None = "2025-11-10",
    article_id: int | None = None,
    claim_id: int | None = None,
    sentence_start: int = 0,
    at: int = 0,
) -> LedgerClaim:
    """One stored claim with sensible defaults; every SCHEMA field can be set."""
    cid = claim_id if claim_id is not None else next(_ids)
    quote = quote if quote is not None else f"Some {figure} soldiers did something."
    claim = Claim(
        doc=f"doc-{article_id if article_id is not None else cid}.txt",
        quote=quote,
        figure=figure,
        low=low,
        high=high,
        bound=bound,
        kind=kind,
        metric=metric,
        side=side,
        period_start=date.fromisoformat(start) if start else None,
        period_end=date.fromisoformat(end) if end else None,
        per=per,
        claimant=claimant,
        via=via,
        hedged=hedged,
        start=sentence_start + at,
        end=sentence_start + at + len(figure),
        sentence_start=sentence_start,
        sentence_end=sentence_start + len(quote),
        extractor="test",
    )
    return LedgerClaim(
        id=cid,
        article_id=article_id if article_id is not None else 1000 + cid,
        claim=claim,
        outlet=outlet,
        url=None,
        published=date.fromisoformat(published) if published else None,
        title=None,
    )


@pytest.fixture
def claim() -> Any:
    """``claim(figure, low, high, **fields)``: a hand-written stored claim (see make_claim)."""
    return make_claim
