"""The overview: counts by metric and side, the latest claims, open contradictions, the newest
talking points and reviews."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from headcount.model import METRICS, SIDES
from headcount.reconcile.labels import SIDE_LABELS, metric_label
from headcount.store import dashboard as browse
from headcount.web.app import render
from headcount.web.routes import dashboard
from headcount.web.views import claim_row, review_view

router = APIRouter()


def contradiction_view(c: Any) -> dict[str, Any]:
    from headcount.report.view import KIND_LABELS

    return {
        "kind": KIND_LABELS.get(c.kind, c.kind),
        "metric": c.a.scaled.metric,
        "side": c.a.scaled.side,
        "label": f"{metric_label(c.a.scaled.metric)} — {SIDE_LABELS.get(c.a.scaled.side, c.a.scaled.side)}",
        "a": {
            "ref": c.a.ref,
            "id": c.a.claim_id,
            "figure": c.a.record.claim.figure,
            "chain": c.a.chain_text(),
        },
        "b": {
            "ref": c.b.ref,
            "id": c.b.claim_id,
            "figure": c.b.record.claim.figure,
            "chain": c.b.chain_text(),
        },
        "arithmetic": c.arithmetic,
        "gap": round(c.gap * 100),
    }


def talking_point_view(t: Any, *, passages: bool = False) -> dict[str, Any]:
    dates = [p.published for p in t.passages if p.published]
    view = {
        "id": t.id,
        "kind": t.kind,
        "similarity": round(t.similarity * 100),
        "articles": t.articles,
        "outlets": t.outlets,
        "first_seen": t.first_seen.isoformat() if t.first_seen else "",
        "last_seen": max(dates).isoformat() if dates else "",
        "text": t.passages[0].text,
    }
    if passages:
        view["passages"] = [
            {
                "article_id": p.article_id,
                "outlet": p.outlet or p.doc,
                "published": p.published.isoformat() if p.published else "",
                "title": p.title or p.doc,
                "segments": p.segments(),
            }
            for p in t.passages
        ]
    return view


def overview_data(request: Request) -> dict[str, Any]:
    d = dashboard(request)
    counts = d.series_counts()
    table: dict[str, dict[str, int]] = {}
    for metric, side, n in counts:
        table.setdefault(metric, {})[side] = n
    latest, _ = browse.claims_page(d.engine, browse.ClaimFilters(), limit=10)
    points = sorted(
        d.narratives().talking_points,
        key=lambda t: (
            max((p.published for p in t.passages if p.published), default=None) or t.first_seen or 0
        ),  # type: ignore[arg-type, return-value]
        reverse=True,
    )
    return {
        "totals": {"claims": sum(n for _, _, n in counts), "series": len(counts)},
        "sides": list(SIDES),
        "side_labels": SIDE_LABELS,
        "counts": [
            {"metric": m, "label": metric_label(m), "sides": table[m], "total": sum(table[m].values())}
            for m in METRICS
            if m in table
        ],
        "latest": [claim_row(rc) for rc in d.reviewed(latest)],
        "contradictions": [contradiction_view(c) for c in d.overview_contradictions()[:8]],
        "talking_points": [talking_point_view(t) for t in points[:5]],
        "reviews": [review_view(r) for r in d.reviews.latest(8)],
    }


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def overview_page(request: Request) -> HTMLResponse:
    return render(request, "overview.html", overview_data(request))


@router.get("/api/overview", tags=["pages"])
def overview_api(request: Request) -> dict[str, Any]:
    """Counts by metric and side, the latest claims, open contradictions, newest talking points."""
    return overview_data(request)
