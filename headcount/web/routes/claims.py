"""Claims: the filtered table (with CSV/JSONL downloads), one claim's page, and its reviews."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse
from pydantic import BaseModel, Field

from headcount import errors
from headcount.actors import AFFILIATIONS
from headcount.errors import InputError
from headcount.export import COLUMNS, row
from headcount.model import BOUNDS, KINDS, METRICS, SIDES, LedgerClaim
from headcount.reconcile.labels import SIDE_LABELS, metric_label
from headcount.reviews import (
    EDITABLE,
    PERS,
    REJECT_REASONS,
    ReviewedClaim,
    changes_from_form,
    validate_changes,
)
from headcount.store import dashboard as browse
from headcount.web import csrf
from headcount.web.app import render
from headcount.web.auth import require_account
from headcount.web.routes import (
    PAGE_SIZE,
    choice_param,
    dashboard,
    date_param,
    int_param,
    query_string,
    text_param,
)
from headcount.web.state import Dashboard
from headcount.web.views import claim_row, review_view, sentence_view, value_text

router = APIRouter()
STATES = browse.STATE_FILTERS


def filters_from(request: Request) -> tuple[browse.ClaimFilters, dict[str, Any]]:
    """The claims filters of a request, and the raw values (to echo in the form and links)."""
    d = dashboard(request)
    raw = {
        "metric": choice_param(request, "metric", METRICS),
        "side": choice_param(request, "side", SIDES),
        "claimant": text_param(request, "claimant"),
        "affiliation": choice_param(request, "affiliation", AFFILIATIONS),
        "outlet": text_param(request, "outlet"),
        "since": text_param(request, "since", 10),
        "until": text_param(request, "until", 10),
        "hedged": choice_param(request, "hedged", ("yes", "no")),
        "state": choice_param(request, "state", STATES),
        "q": text_param(request, "q"),
        "sort": choice_param(request, "sort", browse.SORTS),
    }
    filters = browse.ClaimFilters(
        metric=raw["metric"],
        side=raw["side"],
        claimant=raw["claimant"],
        claimants=d.claimants_of(affiliation=raw["affiliation"]) if raw["affiliation"] else None,
        outlet=raw["outlet"],
        since=date_param(request, "since"),
        until=date_param(request, "until"),
        hedged=None if raw["hedged"] is None else raw["hedged"] == "yes",
        state=raw["state"],
        search=raw["q"],
    )
    return filters, raw


def claims_data(request: Request) -> dict[str, Any]:
    d = dashboard(request)
    filters, raw = filters_from(request)
    page = int_param(request, "page", 1, high=browse.MAX_OFFSET // PAGE_SIZE + 1)
    sort = raw["sort"] or "newest"
    records, more = browse.claims_page(
        d.engine, filters, sort=sort, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    if more:
        total, capped = browse.count_claims(d.engine, filters)
    else:  # the last page: the count is known without a second pass over the matches
        total, capped = (page - 1) * PAGE_SIZE + len(records), False
    reviewed = d.reviewed(records)
    return {
        "rows": [claim_row(rc) for rc in reviewed],
        "records": reviewed,
        "total": total,
        "capped": capped,
        "page": page,
        "more": more,
        "filters": raw,
        "query": query_string(raw),
        "prev": query_string(raw, page=page - 1) if page > 1 else "",
        "next": query_string(raw, page=page + 1) if more else "",
        "choices": {
            "metric": [(m, metric_label(m)) for m in METRICS],
            "side": [(s, SIDE_LABELS[s]) for s in SIDES],
            "affiliation": [(a, a.replace("_", " ")) for a in AFFILIATIONS],
            "state": [(s, s) for s in STATES],
            "sort": [(s, s) for s in browse.SORTS],
        },
    }


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(request: Request) -> HTMLResponse:
    data = claims_data(request)
    # htmx asks for the results only when a filter changes: the form stays as the reader left it.
    template = "_claims_results.html" if request.headers.get("hx-request") else "claims.html"
    return render(request, template, data)


@router.get("/api/claims", tags=["claims"])
def claims_api(request: Request) -> dict[str, Any]:
    """Claims matching the filters (metric, side, claimant, affiliation, outlet, since, until,
    hedged=yes|no, state, q full-text, sort, page), 50 per page, with reviews and reviewed values."""
    data = claims_data(request)
    return {
        "total": data["total"],
        "total_capped": data["capped"],
        "page": data["page"],
        "more": data["more"],
        "filters": data["filters"],
        "claims": [rc.to_dict() for rc in data["records"]],
    }


def _download_rows(d: Dashboard, filters: browse.ClaimFilters, sort: str) -> Iterator[dict[str, Any]]:
    batch: list[LedgerClaim] = []

    def flush() -> Iterator[dict[str, Any]]:
        for rc in d.reviewed(batch):
            out = row(rc.record)
            reviewed = rc.claim
            out["review_state"] = rc.state
            out["reviewed_value"] = value_text(reviewed) if rc.reviews else ""
            out["reviewed"] = (
                {k: v for k, v in reviewed.to_dict().items() if k in EDITABLE} if rc.changed else None
            )
            yield out

    for record in browse.iter_filtered(d.engine, filters, sort=sort):
        batch.append(record)
        if len(batch) >= 500:
            yield from flush()
            batch = []
    yield from flush()


DOWNLOAD_COLUMNS = (*COLUMNS, "review_state", "reviewed_value", "reviewed")


@router.get("/claims.csv", tags=["claims"])
def claims_csv(request: Request) -> StreamingResponse:
    """The filtered claims as CSV (the export's columns plus review state and reviewed values)."""
    d = dashboard(request)
    filters, raw = filters_from(request)

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=DOWNLOAD_COLUMNS)
        writer.writeheader()
        for item in _download_rows(d, filters, raw["sort"] or "newest"):
            item["via"] = json.dumps(item["via"], ensure_ascii=False)
            item["reviewed"] = json.dumps(item["reviewed"], ensure_ascii=False) if item["reviewed"] else ""
            writer.writerow(item)
            if buffer.tell() > 64_000:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(
        lines(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


@router.get("/claims.jsonl", tags=["claims"])
def claims_jsonl(request: Request) -> StreamingResponse:
    """The filtered claims as JSON Lines."""
    d = dashboard(request)
    filters, raw = filters_from(request)
    lines = (
        json.dumps(item, ensure_ascii=False) + "\n"
        for item in _download_rows(d, filters, raw["sort"] or "newest")
    )
    return StreamingResponse(
        lines,
        media_type="application/x-ndjson; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims.jsonl"'},
    )


# --- one claim ----------------------------------------------------------------------------------


def claim_data(request: Request, claim_id: int) -> dict[str, Any]:
    from headcount.reconcile import scale_claim
    from headcount.reconcile.provenance import Resolver
    from headcount.web.routes.overview import contradiction_view

    d = dashboard(request)
    record = d.ledger.claim(claim_id)
    rc = d.reviewed([record])[0]
    article = d.ledger.article(record.article_id)
    claim = rc.claim
    reviewed_record = rc.reviewed_record
    resolver = Resolver(d.registry)
    scaled = scale_claim(reviewed_record)
    comparison, *_ = d.comparison(claim.metric, claim.side)
    series = comparison.get(claim.metric, claim.side)
    ref = str(record.id)
    contradictions, groups, comparable = [], [], []
    if series is not None:
        contradictions = [contradiction_view(c) for c in series.contradictions if ref in (c.a.ref, c.b.ref)]
        for g in series.groups:
            if any(e.ref == ref for e in g.entries):
                groups.append(
                    {
                        "basis": g.basis,
                        "value": g.value.text(),
                        "independence": g.independence,
                        "members": [
                            {"id": e.claim_id, "figure": e.record.claim.figure, "chain": e.chain_text()}
                            for e in g.entries
                        ],
                    }
                )
        mine = next((e for e in series.entries if e.ref == ref), None)
        for e in series.entries:
            if e.ref == ref or "/" in e.ref or mine is None:
                continue
            s, m = e.scaled, mine.scaled
            if s.start and s.end and m.start and m.end and s.start <= m.end and m.start <= s.end:
                comparable.append(
                    {
                        "id": e.claim_id,
                        "figure": e.record.claim.figure,
                        "value": s.per_month.text("/month") if s.per_month else "",
                        "period": f"{s.start} – {s.end}",
                        "chain": e.chain_text(),
                        "outlet": e.record.outlet or "",
                    }
                )
    return {
        "claim": claim_row(rc),
        "record": rc,
        "machine": record.claim.to_dict(),
        "reviewed_fields": claim.to_dict(),
        "article": {
            "id": article.id,
            "title": article.article.title or article.article.doc,
            "outlet": article.article.outlet or "",
            "published": article.article.published.isoformat() if article.article.published else "",
            "url": (article.article.url or "")
            if (article.article.url or "").lower().startswith(("http://", "https://"))
            else "",
            "raw_url": article.article.url or "",
            "doc": article.article.doc,
        },
        "sentence": sentence_view(article.article.body, record.claim),
        "chain": [
            {
                "name": link.name,
                "role": link.role,
                "actor": link.actor.name if link.actor else "",
                "affiliation": link.affiliation,
            }
            for link in resolver.chain(reviewed_record)
        ],
        "scaled": {
            "per_month": scaled.per_month.text("/month") if scaled.per_month else "",
            "total": scaled.total.text() if scaled.total else "",
            "basis": scaled.basis,
            "assumptions": list(scaled.assumptions),
            "reason": scaled.reason,
        },
        "contradictions": contradictions,
        "groups": groups,
        "comparable": comparable[:20],
        "history": [review_view(r) for r in rc.reviews],
        "editable": EDITABLE,
        "vocab": {"bound": BOUNDS, "kind": KINDS, "metric": METRICS, "side": SIDES, "per": ("", *PERS)},
        "reasons": REJECT_REASONS,
    }


@router.get("/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
def claim_page(request: Request, claim_id: int) -> HTMLResponse:
    return render(request, "claim.html", claim_data(request, claim_id))


@router.get("/api/claims/{claim_id}", tags=["claims"])
def claim_api(request: Request, claim_id: int) -> dict[str, Any]:
    """One claim: machine and reviewed values, sentence, chain, scale, comparable claims, history."""
    data = claim_data(request, claim_id)
    rc: ReviewedClaim = data["record"]
    return {
        **rc.to_dict(),
        "sentence": data["sentence"],
        "chain": data["chain"],
        "scaled": data["scaled"],
        "contradictions": data["contradictions"],
        "groups": data["groups"],
        "comparable": data["comparable"],
    }


def store_review(
    request: Request,
    claim_id: int,
    account_id: int,
    action: str,
    changes: dict[str, Any],
    reason: str | None,
    note: str,
) -> int:
    d = dashboard(request)
    record = d.ledger.claim(claim_id)
    if action not in ("accept", "correct", "reject"):
        raise InputError("action", f"{action!r} is not accept, correct or reject", code=errors.BAD_FIELD)
    if action == "reject" and reason not in REJECT_REASONS:
        raise InputError("reason", f"say why: {' or '.join(REJECT_REASONS)}", code=errors.BAD_FIELD)
    if action == "correct" and not changes:
        raise InputError(
            "changes", "nothing differs from the current value; change a field", code=errors.BAD_FIELD
        )
    if len(note) > 2000:
        raise InputError("note", "is longer than 2000 characters", code=errors.BAD_FIELD)
    return d.reviews.add_review(
        user_id=account_id,
        article_id=record.article_id,
        claim_id=claim_id,
        action=action,
        changes=changes if action == "correct" else {},
        reason=reason if action == "reject" else None,
        note=note.strip(),
    )


@router.post("/claims/{claim_id}/review", include_in_schema=False, dependencies=[Depends(csrf.check)])
async def review_form(request: Request, claim_id: int) -> RedirectResponse:
    account = require_account(request)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    action = form.get("action", "")
    changes: dict[str, Any] = {}
    if action == "correct":
        current = dashboard(request).reviewed([dashboard(request).ledger.claim(claim_id)])[0].claim
        changes = changes_from_form(form, current)
    store_review(
        request, claim_id, account.id, action, changes, form.get("reason") or None, form.get("note", "")
    )
    return RedirectResponse(f"/claims/{claim_id}#history", status_code=303)


class ReviewBody(BaseModel):
    """A review sent to the API."""

    action: str = Field(description="accept, correct or reject")
    changes: dict[str, Any] = Field(
        default_factory=dict, description=f"corrected fields: {', '.join(EDITABLE)}"
    )
    reason: str | None = Field(default=None, description="for reject: not_a_claim or wrong_figure")
    note: str = ""


@router.post(
    "/api/claims/{claim_id}/reviews", tags=["reviews"], status_code=201, dependencies=[Depends(csrf.check)]
)
def review_api(request: Request, claim_id: int, body: ReviewBody) -> dict[str, Any]:
    """Review a claim (a session with its X-CSRF-Token header, or an API token)."""
    account = require_account(request)
    review_id = store_review(
        request, claim_id, account.id, body.action, validate_changes(body.changes), body.reason, body.note
    )
    review = dashboard(request).reviews.review(review_id)
    assert review is not None
    return review.to_dict()
