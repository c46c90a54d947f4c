"""Compare: one series on the timeline chart (hover a mark for its claim, click to open it), with
its contradictions and groups of agreeing figures beside it."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from headcount.model import METRICS, SIDES
from headcount.reconcile.labels import SIDE_LABELS, metric_label
from headcount.report.svg import chart_svg, svg_defs
from headcount.report.timeline import AFFILIATION_LABELS, COLOURS, timeline
from headcount.web.app import render
from headcount.web.routes import choice_param, dashboard, date_param, query_string, text_param
from headcount.web.routes.overview import contradiction_view
from headcount.web.state import MAX_COMPARE, Dashboard
from headcount.web.views import record_link

router = APIRouter()


def _view(
    env: Any, d: Dashboard, metric: str, side: str, since: date | None, until: date | None
) -> dict[str, Any]:
    """What the page shows of one series, with its chart, contradictions, groups and table
    rendered to HTML: built once per ledger version and cached (laying out and rendering 600
    figures costs ten times more than the rest of the page)."""
    comparison, total, rejected, capped = d.comparison(metric, side, since, until)
    series = comparison.get(metric, side)
    title = f"{metric_label(metric)} — {SIDE_LABELS.get(side, side)}"
    entries, contradictions, groups, svg = [], [], [], ""
    if series is not None:
        svg = chart_svg(timeline(series, title))
        for e in series.entries:
            s = e.scaled
            entries.append(
                {
                    "ref": e.ref,
                    "label": e.label,
                    "href": record_link(e.record),
                    "figure": e.record.claim.figure,
                    "per_month": s.per_month.text("/month") if s.per_month else "",
                    "period": f"{s.start or '…'} – {s.end or '…'}" if (s.start or s.end) else "",
                    "chain": e.chain_text(),
                    "affiliation": e.origin.affiliation,
                    "hedged": e.record.claim.hedged,
                    "outlet": e.record.outlet or "",
                    "published": e.record.published.isoformat() if e.record.published else "",
                    "reason": s.reason,
                }
            )
        contradictions = [contradiction_view(c) for c in series.contradictions]
        for g in series.groups:
            groups.append(
                {
                    "basis": g.basis,
                    "value": g.value.text(),
                    "period": f"{g.start or '…'} – {g.end or '…'}",
                    "independence": g.independence,
                    "origins": [o.origin.name for o in g.origins],
                    "members": [
                        {"ref": e.ref, "label": e.label, "href": record_link(e.record)} for e in g.entries
                    ],
                }
            )
    view = {
        "metric": metric,
        "side": side,
        "title": title,
        "total": total,
        "capped": capped,
        "shown": len([e for e in entries if "/" not in e["ref"]]),
        "rejected": rejected,
        "entries": entries,
        "contradictions": contradictions,
        "groups": groups,
        "legend": [(a, AFFILIATION_LABELS[a], COLOURS[a]) for a in AFFILIATION_LABELS],
    }
    # The SVG is built and escaped by headcount.report.svg; everything else is escaped here.
    view["series_html"] = Markup(env.get_template("_compare_series.html").render(**view, svg=Markup(svg)))
    return view


def compare_data(request: Request, *, api: bool = False) -> dict[str, Any]:
    d = dashboard(request)
    counts = d.series_counts()
    metric = choice_param(request, "metric", METRICS)
    side = choice_param(request, "side", SIDES)
    if metric is None or side is None:
        largest = next((c for c in counts if metric in (None, c[0]) and side in (None, c[1])), None)
        metric = metric or (largest[0] if largest else "desertion")
        side = side or (largest[1] if largest else "ukraine")
    since, until = date_param(request, "since"), date_param(request, "until")
    raw = {
        "metric": metric,
        "side": side,
        "since": text_param(request, "since", 10),
        "until": text_param(request, "until", 10),
    }
    env = request.app.state.env
    view = d.cached(
        ("compare-view", metric, side, since, until), lambda: _view(env, d, metric, side, since, until)
    )
    data = {
        **view,
        "filters": raw,
        "query": query_string(raw),
        "series_choices": [
            {"metric": m, "side": s, "n": n, "label": f"{metric_label(m)} — {SIDE_LABELS.get(s, s)}"}
            for m, s, n in counts
        ],
        "metrics": [(m, metric_label(m)) for m in METRICS],
        "sides": [(s, SIDE_LABELS[s]) for s in SIDES],
        "limit": MAX_COMPARE,
    }
    if api:
        comparison, *_ = d.comparison(metric, side, since, until)
        series = comparison.get(metric, side)
        data["series"] = series.to_dict() if series is not None else None
    return data


@router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
def compare_page(request: Request) -> HTMLResponse:
    data = compare_data(request)
    data["defs"] = Markup(svg_defs())
    return render(request, "compare.html", data)


@router.get("/api/compare", tags=["compare"])
def compare_api(request: Request) -> dict[str, Any]:
    """The cross-check of one series (metric, side, since, until): claims on the scale,
    contradictions, groups; reviewed values, rejected claims left out."""
    data = compare_data(request, api=True)
    return {k: data[k] for k in ("metric", "side", "total", "capped", "shown", "rejected", "series")}
