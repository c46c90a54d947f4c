"""Who is asking: passwords (argon2id), sessions in cookies, API tokens, and the login limiter.

A session is a random token in an HttpOnly, SameSite=Strict cookie (Secure unless the server was
started with ``--insecure-cookies`` for plain HTTP on a trusted network); the ledger stores only
its SHA-256, so a copied database signs no one in. API clients send ``Authorization: Bearer
<token>`` with a token from ``headcount user token NAME``. Failed sign-ins are limited per client
address and per account name, so a password cannot be guessed at speed.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from collections import defaultdict, deque
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from fastapi import HTTPException, Request

from headcount.reviews import Account
from headcount.web.state import Dashboard

SESSION_COOKIE = "hc_session"
SESSION_DAYS = 14
#: Failed sign-ins allowed per client address, and per account name, within the window.
MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60

_hasher = PasswordHasher()
# Verifying against this when the account does not exist takes as long as a real check: the
# time of the answer does not tell which names have accounts.
_DUMMY = _hasher.hash("headcount: no such account")


def hash_password(password: str) -> str:
    if len(password) < 10:
        raise ValueError("a password needs at least 10 characters")
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class LoginLimiter:
    """Failed sign-ins per key in a sliding window (kept in memory: one server process)."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def retry_after(self, *keys: str) -> int:
        """Seconds until another attempt is allowed (0: allowed now)."""
        now = time.monotonic()
        with self._lock:
            waits = [
                int(q[0] + self.window - now) + 1
                for key in keys
                if len(q := self._recent(key, now)) >= self.limit
            ]
        return max(waits, default=0)

    def failed(self, *keys: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def succeeded(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


def sign_in(dashboard: Dashboard, account: Account) -> tuple[str, str]:
    """Open a session; returns (cookie token, CSRF token of the session)."""
    token, csrf = new_token(), new_token()
    dashboard.reviews.open_session(
        account.id, digest(token), csrf, datetime.now(UTC) + timedelta(days=SESSION_DAYS)
    )
    return token, csrf


def current(request: Request) -> tuple[Account | None, str | None, bool]:
    """(account, session CSRF token, signed in by API token) for this request, memoised on it."""
    if hasattr(request.state, "account"):
        return request.state.account, request.state.session_csrf, request.state.by_token
    dashboard: Dashboard = request.app.state.dashboard
    account, csrf, by_token = None, None, False
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        account = dashboard.reviews.token(digest(header[7:].strip()))
        by_token = account is not None
    elif cookie := request.cookies.get(SESSION_COOKIE):
        found = dashboard.reviews.session(digest(cookie))
        if found:
            account, csrf = found
    request.state.account, request.state.session_csrf, request.state.by_token = account, csrf, by_token
    return account, csrf, by_token


def require_account(request: Request) -> Account:
    """The signed-in account; 401 (API) or a sign-in redirect (pages) otherwise."""
    account, _, _ = current(request)
    if account is None:
        raise HTTPException(status_code=401, detail="sign in (or send an API token) to do this")
    return account


__all__ = [
    "SESSION_COOKIE",
    "LoginLimiter",
    "current",
    "digest",
    "hash_password",
    "new_token",
    "require_account",
    "sign_in",
    "verify_password",
]
