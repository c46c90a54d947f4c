"""The dashboard (``headcount serve``): pages to filter claims, read the sentence a figure came
from, compare series on a timeline, and — for signed-in analysts — review claims.

Modules: ``app`` (the ASGI app, security headers, error handling), ``state`` (the ledger, reviews
and caches pages read through), ``auth`` (passwords, sessions, tokens, the sign-in limiter),
``csrf``, ``views`` (records -> what templates show), ``routes/`` (one module per page group,
each with its ``/api`` twin), ``commands`` (``headcount serve`` and ``headcount user``).
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """See :func:`headcount.web.app.create_app` (imported on use: FastAPI loads only here)."""
    from headcount.web.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
