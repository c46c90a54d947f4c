"""Signing in and out. Failed attempts are rate-limited per client address and per name."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from headcount.web import csrf
from headcount.web.app import render
from headcount.web.auth import SESSION_COOKIE, current, digest, sign_in, verify_password
from headcount.web.routes import dashboard
from headcount.web.views import review_view

router = APIRouter()


def _next(value: str | None) -> str:
    # Only a path on this site: "//evil.example" or "https://…" would send the reader away.
    if value and value.startswith("/") and not value.startswith(("//", "/\\")):
        return value
    return "/"


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request) -> HTMLResponse:
    return render(request, "login.html", {"next": _next(request.query_params.get("next")), "error": ""})


@router.post("/login", include_in_schema=False, dependencies=[Depends(csrf.check)])
async def login(request: Request) -> Response:
    d = dashboard(request)
    form = await request.form()
    name = str(form.get("name") or "").strip()[:64]
    password = str(form.get("password") or "")[:1024]
    target = _next(str(form.get("next") or ""))
    limiter = request.app.state.limiter
    keys = (f"ip:{request.client.host if request.client else '?'}", f"name:{name.lower()}")
    wait = limiter.retry_after(*keys)
    if wait:
        raise HTTPException(
            status_code=429,
            detail=f"too many failed sign-ins; try again in {wait // 60 + 1} minutes",
            headers={"Retry-After": str(wait)},
        )
    found = d.reviews.user(name) if name else None
    if not verify_password(found[1] if found else None, password) or found is None:
        limiter.failed(*keys)
        return render(request, "login.html", {"next": target, "error": "wrong name or password"}, status=401)
    limiter.succeeded(*keys)
    token, _ = sign_in(d, found[0])
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        secure=d.secure_cookies,
        samesite="strict",
        max_age=14 * 24 * 3600,
        path="/",
    )
    return response


@router.post("/logout", include_in_schema=False, dependencies=[Depends(csrf.check)])
def logout(request: Request) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        dashboard(request).reviews.close_session(digest(cookie))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/api/me", tags=["account"])
def me(request: Request) -> dict[str, Any]:
    """The signed-in account (session or API token) and its latest reviews; 401 otherwise."""
    account, _, by_token = current(request)
    if account is None:
        raise HTTPException(status_code=401, detail="not signed in")
    reviews = dashboard(request).reviews.by_reviewer(account.name, limit=20)
    return {"name": account.name, "by_token": by_token, "reviews": [review_view(r) for r in reviews]}
