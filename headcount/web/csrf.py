"""CSRF protection: every state-changing request carries a token an attacker's page cannot read.

Signed-in requests must send the session's own token (a hidden ``csrf`` form field, or the
``X-CSRF-Token`` header for htmx and scripts; pages put it in ``<meta name="csrf-token">``). The
sign-in form, before any session exists, uses a double-submit token: a random ``hc_csrf`` cookie
(HttpOnly, SameSite=Strict) that the form must repeat. Requests authenticated by an API token
carry no ambient credential a browser would attach, so they need no CSRF token.
"""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from headcount.web.auth import current, new_token

FORM_FIELD = "csrf"
HEADER = "x-csrf-token"
COOKIE = "hc_csrf"


def page_token(request: Request) -> tuple[str, bool]:
    """The token a page's forms carry, and whether a new ``hc_csrf`` cookie must be set."""
    _, session_csrf, _ = current(request)
    if session_csrf:
        return session_csrf, False
    cookie = request.cookies.get(COOKIE)
    if cookie:
        return cookie, False
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = new_token()
    return request.state.new_csrf, True


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


async def sent_token(request: Request) -> str | None:
    token = request.headers.get(HEADER)
    if token:
        return token
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(FORM_FIELD)
        return value if isinstance(value, str) else None
    return None


async def check(request: Request) -> None:
    """Refuse a state-changing request whose CSRF token is missing or wrong (403)."""
    account, session_csrf, by_token = current(request)
    if by_token:
        return
    sent = await sent_token(request)
    expected = session_csrf if account is not None else request.cookies.get(COOKIE)
    if not _same(sent, expected):
        raise HTTPException(
            status_code=403, detail="the form's security token is missing or stale; reload the page"
        )


__all__ = ["COOKIE", "FORM_FIELD", "HEADER", "check", "page_token"]
