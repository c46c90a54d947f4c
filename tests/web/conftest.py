"""Fixtures of the dashboard tests: a ledger of the repo's samples (ingested once, copied per
test), an app on it, an analyst account, and signing in through the real form."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PASSWORD = "correct horse battery"

with warnings.catch_warnings():
    # Starlette's TestClient warns that it will move from httpx to httpx2; not our code.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def samples_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite ledger of every sample article (ingested once per session)."""
    from headcount import ingest, open_ledger

    path = tmp_path_factory.mktemp("web") / "samples.db"
    with open_ledger(f"sqlite:///{path}") as ledger:
        summary = ingest(ledger, [SAMPLES])
    assert summary.new >= 5 and summary.claims >= 10
    return path


@pytest.fixture
def ledger_path(samples_ledger: Path, tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    shutil.copy(samples_ledger, path)
    return path


@pytest.fixture
def db_url(ledger_path: Path) -> str:
    return f"sqlite:///{ledger_path}"


def make_client(db_url: str, **options: Any) -> TestClient:
    from headcount.web.app import create_app

    # https: the session cookie is Secure, and a client only sends it back over TLS.
    return TestClient(create_app(db_url, **options), base_url="https://testserver", follow_redirects=False)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with make_client(db_url) as c:
        yield c
        c.app.state.dashboard.ledger.close()  # type: ignore[attr-defined]


@pytest.fixture
def analyst(db_url: str) -> str:
    """An account "ana" with :data:`PASSWORD`."""
    from headcount import open_ledger
    from headcount.store.reviews import ReviewStore
    from headcount.web.auth import hash_password

    with open_ledger(db_url) as ledger:
        ReviewStore(ledger.engine).add_user("ana", hash_password(PASSWORD))
    return "ana"


_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def csrf_of(client: TestClient, path: str = "/login") -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    found = _CSRF.search(response.text)
    assert found, "every page carries its CSRF token"
    return found.group(1)


def sign_in(client: TestClient, name: str = "ana", password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = csrf_of(client)
    response = client.post("/login", data={"name": name, "password": password, "csrf": token, "next": "/"})
    assert response.status_code == 303, response.text[:500]
    return csrf_of(client, "/")


@pytest.fixture
def signed_in(client: TestClient, analyst: str) -> str:
    return sign_in(client)


def first_claim_id(client: TestClient, **filters: str) -> int:
    data = client.get("/api/claims", params=filters).json()
    return int(data["claims"][0]["id"])
