"""The dashboard as an ASGI app: pages, the JSON API under ``/api``, vendored static files.

Security in one place: every response gets a Content-Security-Policy that allows scripts, styles
and connections from this origin only (no inline script, no outside host), and the headers that
stop framing and MIME sniffing; templates autoescape everything; errors are reported by one
handler — JSON for ``/api/…``, an error page otherwise. With ``private`` every page but sign-in
needs an account.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from headcount import __version__, errors
from headcount.errors import HeadcountError, InputError, StoreError
from headcount.web import csrf
from headcount.web.auth import current
from headcount.web.state import Dashboard

log = logging.getLogger(__name__)

#: Vendored and own assets, with their versions in the file names (cache forever, no network).
ASSETS = {
    "htmx": "htmx-2.0.4.min.js",
    "js": "headcount-dashboard-0.1.0.js",
    "css": "headcount-dashboard-0.1.0.css",
    "icon": "favicon-0.1.0.svg",
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
NAV = (
    ("/", "Overview"),
    ("/claims", "Claims"),
    ("/compare", "Compare"),
    ("/articles", "Articles"),
    ("/talking-points", "Talking points"),
    ("/actors", "Actors"),
)
#: Reachable without an account even on a private server.
OPEN_PATHS = ("/login", "/static/")


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("headcount.web", "templates"),
        autoescape=select_autoescape(("html",), default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(asset=lambda name: f"/static/{ASSETS[name]}", nav=NAV, version=__version__)
    env.filters["number"] = _number
    env.filters["q"] = lambda value: quote(str(value), safe="")
    return env


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page: the template filled with ``data``, the signed-in account and the CSRF token."""
    env: Environment = request.app.state.env
    account, _, _ = current(request)
    token, new = csrf.page_token(request)
    dashboard: Dashboard = request.app.state.dashboard
    html = env.get_template(template).render(
        **data, request_path=request.url.path, account=account, csrf=token, private=dashboard.private
    )
    response = HTMLResponse(html, status_code=status)
    if new:
        response.set_cookie(
            csrf.COOKIE, token, httponly=True, samesite="strict", secure=dashboard.secure_cookies, path="/"
        )
    return response


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _status(exc: HeadcountError) -> int:
    if exc.code == errors.NOT_IN_LEDGER:
        return 404
    if isinstance(exc, InputError | StoreError) and exc.code in (errors.BAD_QUERY, errors.BAD_FIELD):
        return 400
    if isinstance(exc, InputError):
        return 400
    return 500


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if is_api(request):
        return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
    if status == 401 and request.method == "GET":
        return RedirectResponse(f"/login?next={quote(str(request.url.path), safe='/')}", status_code=303)
    response = render(request, "error.html", {"status": status, "message": message}, status=status)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def create_app(
    db_url: str | None = None,
    *,
    private: bool = False,
    secure_cookies: bool = True,
    dashboard: Dashboard | None = None,
) -> FastAPI:
    """The dashboard over the ledger at ``db_url`` (default: ``HEADCOUNT_DB`` or headcount.db)."""
    if dashboard is None:
        from headcount.ledger import open_ledger

        dashboard = Dashboard(
            open_ledger(db_url, create=False), private=private, secure_cookies=secure_cookies
        )
    app = FastAPI(
        title="headcount",
        version=__version__,
        description="The ledger of contested figures: claims, articles, cross-checks and reviews.",
        docs_url=None,  # FastAPI's docs pages load their scripts from a CDN: not here
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.dashboard = dashboard
    app.state.env = _environment()
    from headcount.web.auth import LoginLimiter

    app.state.limiter = LoginLimiter()
    app.mount("/static", StaticFiles(directory=str(files("headcount.web") / "static")), name="static")

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        path = request.url.path
        if dashboard.private and not path.startswith(OPEN_PATHS) and current(request)[0] is None:
            response = _error(request, 401, "this dashboard is private: sign in to read it")
        else:
            response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if path.startswith("/static/"):
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        elif "cache-control" not in response.headers:
            response.headers["Cache-Control"] = "no-store" if current(request)[0] else "no-cache"
        return response

    @app.exception_handler(HeadcountError)
    async def headcount_error(request: Request, exc: HeadcountError) -> Response:
        return _error(request, _status(exc), str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return _error(request, 400, f"[{errors.BAD_FIELD}] {problems}")

    from headcount.web.routes import actors, articles, claims, compare, overview, session, talking_points

    for module in (overview, claims, compare, articles, talking_points, actors, session):
        app.include_router(module.router)

    @app.get("/api", include_in_schema=False)
    async def api_index(request: Request) -> HTMLResponse:
        schema = app.openapi()
        rows = sorted(
            (path, ", ".join(m.upper() for m in sorted(methods))) for path, methods in schema["paths"].items()
        )
        return render(request, "api.html", {"rows": rows})

    return app


def svg_markup(svg: str) -> Markup:
    """Chart SVG built (and escaped) by ``headcount.report.svg``: safe to insert as markup."""
    return Markup(svg)


__all__ = ["ASSETS", "CSP", "create_app", "is_api", "render"]
