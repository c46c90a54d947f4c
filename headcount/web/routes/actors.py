"""Actors: the registry (who speaks, with which affiliation) and each actor's claims."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from headcount import errors
from headcount.errors import StoreError
from headcount.store import dashboard as browse
from headcount.web.app import render
from headcount.web.routes import PAGE_SIZE, dashboard, int_param
from headcount.web.views import claim_row

router = APIRouter()


def actors_data(request: Request) -> dict[str, Any]:
    d = dashboard(request)
    counts = d.claimant_counts()
    per_actor: dict[str, int] = {}
    for name, n in counts.items():
        found = d.resolve(name)
        if found:
            per_actor[found[0]] = per_actor.get(found[0], 0) + n
    return {
        "actors": [
            {
                "name": a.name,
                "kind": a.kind.replace("_", " "),
                "affiliation": a.affiliation,
                "country": a.country or "",
                "aliases": [x for x in a.aliases if x != a.name],
                "claims": per_actor.get(a.name, 0),
            }
            for a in sorted(d.registry.actors, key=lambda a: (-per_actor.get(a.name, 0), a.name))
        ]
    }


def actor_data(request: Request, name: str) -> dict[str, Any]:
    d = dashboard(request)
    actor = d.registry.by_name(name)
    if actor is None:
        raise StoreError(f"actor {name!r}", "not in the actor registry", code=errors.NOT_IN_LEDGER)
    page = int_param(request, "page", 1, high=browse.MAX_OFFSET // PAGE_SIZE + 1)
    names = d.claimants_of(actor=actor.name)
    records, more = browse.claims_page(
        d.engine, browse.ClaimFilters(claimants=names), offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    return {
        "actor": {
            "name": actor.name,
            "kind": actor.kind.replace("_", " "),
            "affiliation": actor.affiliation,
            "country": actor.country or "",
            "aliases": list(actor.aliases),
        },
        "names": list(names),
        "rows": [claim_row(rc) for rc in d.reviewed(records)],
        "page": page,
        "more": more,
    }


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
def actors_page(request: Request) -> HTMLResponse:
    return render(request, "actors.html", actors_data(request))


@router.get("/api/actors", tags=["actors"])
def actors_api(request: Request) -> dict[str, Any]:
    """The actor registry with each actor's number of claims in the ledger."""
    return actors_data(request)


@router.get("/actors/{name}", response_class=HTMLResponse, include_in_schema=False)
def actor_page(request: Request, name: str) -> HTMLResponse:
    return render(request, "actor.html", actor_data(request, name))


@router.get("/api/actors/{name}", tags=["actors"])
def actor_api(request: Request, name: str) -> dict[str, Any]:
    """One actor: its names as written in the ledger and its claims (50 per page)."""
    return actor_data(request, name)
