"""The dashboard's routes, one module per page group; each serves the page and its ``/api`` twin
from one function that gathers the page's data."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import Request

from headcount import errors
from headcount.errors import InputError
from headcount.web.state import Dashboard

PAGE_SIZE = 50


def dashboard(request: Request) -> Dashboard:
    return request.app.state.dashboard  # type: ignore[no-any-return]


def text_param(request: Request, name: str, limit: int = 200) -> str | None:
    value = (request.query_params.get(name) or "").strip()
    if len(value) > limit:
        raise InputError(name, f"is longer than {limit} characters", code=errors.BAD_QUERY)
    return value or None


def date_param(request: Request, name: str) -> date | None:
    value = text_param(request, name, 10)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (YYYY-MM-DD)", code=errors.BAD_QUERY) from None


def int_param(request: Request, name: str, default: int, *, low: int = 1, high: int = 10**6) -> int:
    value = text_param(request, name, 12)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a whole number", code=errors.BAD_QUERY) from None
    if not low <= number <= high:
        raise InputError(name, f"must be between {low} and {high}", code=errors.BAD_QUERY)
    return number


def choice_param(request: Request, name: str, allowed: tuple[str, ...] | list[str]) -> str | None:
    value = text_param(request, name, 40)
    if value is not None and value not in allowed:
        raise InputError(
            name, f"unknown {name} {value!r}; choose from {', '.join(allowed)}", code=errors.BAD_QUERY
        )
    return value


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """The query string of ``params`` with ``changes`` (None drops a key): links keep filters."""
    from urllib.parse import urlencode

    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "")})
