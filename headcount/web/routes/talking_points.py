"""Talking points: clusters of passages repeated across outlets, side by side, shared words marked."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from headcount.web.app import render
from headcount.web.routes import dashboard
from headcount.web.routes.overview import talking_point_view
from headcount.web.state import MAX_NARRATIVE_ARTICLES

router = APIRouter()


def talking_points_data(request: Request) -> dict[str, Any]:
    narratives = dashboard(request).narratives()
    return {
        "points": [talking_point_view(t, passages=True) for t in narratives.talking_points],
        "documents": narratives.documents,
        "limit": MAX_NARRATIVE_ARTICLES,
        "republished": [g.to_dict() for g in narratives.republications.groups],
    }


@router.get("/talking-points", response_class=HTMLResponse, include_in_schema=False)
def talking_points_page(request: Request) -> HTMLResponse:
    return render(request, "talking_points.html", talking_points_data(request))


@router.get("/api/talking-points", tags=["talking points"])
def talking_points_api(request: Request) -> dict[str, Any]:
    """Talking points among the latest articles, with the shared words of each passage."""
    return dashboard(request).narratives().to_dict()  # type: ignore[no-any-return]
