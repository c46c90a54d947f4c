"""Untrusted article text rendered inert on every page, CSRF, no write without an account,
rate-limited sign-in, session cookies, the Content-Security-Policy, private mode."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD, csrf_of, first_claim_id, make_client, sign_in

PAYLOAD_ARTICLE = """---
url: "javascript:alert('url')"
outlet: "<img src=x onerror=alert('outlet')>Evil Gazette"
published: 2025-03-01
language: en
title: "<script>alert('title')</script> Deserters <a href=\\"javascript:alert(1)\\">x</a>"
---
The ministry said 1,200 soldiers deserted in October 2024. <script>alert('body')</script>

Another <img src=x onerror=alert('body2')> paragraph: more than 300 servicemen surrendered
near <a href="javascript:alert(3)">Pokrovsk</a> in 2024, officials said. <svg onload=alert(4)>
"""


class _Audit(HTMLParser):
    """Collects what would run in a browser: scripts without src, on* attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and not names.get("src"):
            self.problems.append("inline <script>")
        if tag == "script" and names.get("src") and not str(names["src"]).startswith("/static/"):
            self.problems.append(f"script from elsewhere: {names['src']}")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"event handler attribute {name}={value!r} on <{tag}>")
            if (
                name in ("href", "src", "action", "formaction")
                and value
                and value.strip().lower().startswith(("javascript:", "data:text/html"))
            ):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style":
                self.problems.append(f"inline style on <{tag}>")


def audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    return parser.problems


@pytest.fixture
def hostile(db_url, tmp_path) -> tuple[int, list[int]]:
    """An article whose body, title, outlet and URL carry script payloads, ingested."""
    from headcount import ingest, open_ledger
    from headcount.store import dashboard as browse

    path = tmp_path / "hostile.txt"
    path.write_text(PAYLOAD_ARTICLE, encoding="utf-8")
    with open_ledger(db_url) as ledger:
        summary = ingest(ledger, [path])
        assert summary.new == 1, summary
        (article_id,) = browse.article_ids_from(ledger.engine, str(path))
        claim_ids = [r.id for r in ledger.claims(article_id=article_id)]
    assert claim_ids, "the payload article yields claims"
    return article_id, claim_ids


def test_every_page_renders_the_payloads_inert(client, analyst, hostile):
    article_id, claim_ids = hostile
    claim = client.get(f"/api/claims/{claim_ids[0]}").json()
    pages = [
        "/",
        "/claims",
        "/claims?q=deserted",
        "/claims?outlet=Evil",
        f"/claims/{claim_ids[0]}",
        f"/claims/{claim_ids[-1]}",
        "/articles",
        f"/articles/{article_id}",
        f"/compare?metric={claim['metric']}&side={claim['side']}",
        "/talking-points",
        "/actors",
        "/login",
    ]
    sign_in(client)  # signed in, the review forms are on the pages too
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.text
        assert audit(html) == [], (path, audit(html))
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    article = client.get(f"/articles/{article_id}").text
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in article  # shown as text
    assert "&lt;img src=x onerror=alert(&#39;outlet&#39;)&gt;Evil Gazette" in article
    assert "javascript:alert(&#39;url&#39;)" in article  # the address is shown, never a link
    for path in ("/claims.csv", "/claims.jsonl", f"/api/articles/{article_id}"):
        response = client.get(path)
        assert not response.headers["content-type"].startswith("text/html"), path


def test_csp_and_security_headers_on_every_response(client):
    for path in ("/", "/claims", "/api/claims", "/static/headcount-dashboard-0.1.0.css", "/claims/99999"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "http" not in csp  # no outside origin
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_assets_are_vendored_and_versioned(client):
    html = client.get("/").text
    refs = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert refs and all(r.startswith("/static/") for r in refs)
    assert all(re.search(r"-\d+\.\d+\.\d+(\.min)?\.(js|css)$", r) for r in refs)
    for ref in refs:
        response = client.get(ref)
        assert response.status_code == 200 and "immutable" in response.headers["cache-control"]
    static = Path(__file__).resolve().parents[2] / "headcount" / "web" / "static"
    for path in static.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        assert "https://cdn" not in text and "googleapis" not in text
    templates = static.parent / "templates"
    for path in templates.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), f"inline script in {path.name}"
        assert not re.search(r"\son[a-z]+=", text), f"event handler attribute in {path.name}"
        assert "http://" not in text.replace("http:// or https://", "") and "//cdn" not in text


def test_writes_need_a_csrf_token(client, signed_in):
    claim_id = first_claim_id(client)
    no_token = client.post(f"/claims/{claim_id}/review", data={"action": "accept"})
    assert no_token.status_code == 403 and "security token" in no_token.text
    wrong = client.post(f"/claims/{claim_id}/review", data={"action": "accept", "csrf": "forged"})
    assert wrong.status_code == 403
    api = client.post(f"/api/claims/{claim_id}/reviews", json={"action": "accept"})
    assert api.status_code == 403
    ok = client.post(
        f"/api/claims/{claim_id}/reviews", json={"action": "accept"}, headers={"X-CSRF-Token": signed_in}
    )
    assert ok.status_code == 201
    assert client.get(f"/api/claims/{claim_id}").json()["review_state"] == "accepted"


def test_sign_in_needs_the_form_token(client, analyst):
    response = client.post("/login", data={"name": "ana", "password": PASSWORD})
    assert response.status_code == 403
    assert "hc_session" not in response.cookies


def test_no_write_without_an_account(client, analyst):
    claim_id = first_claim_id(client)
    token = csrf_of(client)  # an anonymous visitor's valid form token
    form = client.post(f"/claims/{claim_id}/review", data={"action": "accept", "csrf": token})
    assert form.status_code == 401
    api = client.post(
        f"/api/claims/{claim_id}/reviews", json={"action": "accept"}, headers={"X-CSRF-Token": token}
    )
    assert api.status_code == 401
    upload = client.post("/articles/new", data={"csrf": token, "url": "https://example.org/x"})
    assert upload.status_code == 401
    assert client.get("/articles/new").status_code == 303  # to the sign-in page
    assert client.get(f"/api/claims/{claim_id}").json()["reviews"] == []


def test_api_token_writes_without_csrf(client, analyst, db_url):
    from headcount import open_ledger
    from headcount.store.reviews import ReviewStore
    from headcount.web.auth import digest, new_token

    token = new_token()
    with open_ledger(db_url) as ledger:
        store = ReviewStore(ledger.engine)
        account, _ = store.user("ana")
        store.add_token(account.id, digest(token), "test")
    claim_id = first_claim_id(client)
    bad = client.post(
        f"/api/claims/{claim_id}/reviews", json={"action": "accept"}, headers={"Authorization": "Bearer nope"}
    )
    assert bad.status_code in (401, 403)
    ok = client.post(
        f"/api/claims/{claim_id}/reviews",
        json={"action": "reject", "reason": "not_a_claim", "note": "a date"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["reviewer"] == "ana" and ok.json()["action"] == "reject"
    me = client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["name"] == "ana" and me["by_token"] is True


def test_sign_in_is_rate_limited(client, analyst):
    for _ in range(5):
        token = csrf_of(client)
        response = client.post("/login", data={"name": "ana", "password": "wrong password!", "csrf": token})
        assert response.status_code == 401
        assert "wrong name or password" in response.text
    token = csrf_of(client)
    blocked = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": token})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "hc_session" not in blocked.cookies


def test_session_cookie_flags_and_password_hash(client, analyst, db_url):
    token = csrf_of(client)
    response = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": token})
    cookie = next(v for k, v in response.headers.multi_items() if k == "set-cookie" and "hc_session=" in v)
    lowered = cookie.lower()
    assert "httponly" in lowered and "secure" in lowered and "samesite=strict" in lowered
    import sqlite3

    path = db_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        stored = conn.execute("SELECT password_hash FROM users WHERE name = 'ana'").fetchone()[0]
        sessions = [row[0] for row in conn.execute("SELECT token_hash FROM sessions")]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    session_value = cookie.split("hc_session=")[1].split(";")[0]
    assert session_value not in sessions and len(sessions) == 1  # only its hash is stored
    out = client.post("/logout", data={"csrf": csrf_of(client, "/")})
    assert out.status_code == 303
    assert client.get("/api/me").status_code == 401


def test_next_parameter_cannot_leave_the_site(client, analyst):
    token = csrf_of(client)
    response = client.post(
        "/login", data={"name": "ana", "password": PASSWORD, "csrf": token, "next": "//evil.example/"}
    )
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_private_server_needs_an_account_to_read(db_url, analyst):
    with make_client(db_url, private=True) as client:
        assert client.get("/").status_code == 303
        assert client.get("/").headers["location"].startswith("/login")
        assert client.get("/api/claims").status_code == 401
        assert client.get("/login").status_code == 200
        assert client.get("/static/headcount-dashboard-0.1.0.css").status_code == 200
        sign_in(client)
        assert client.get("/").status_code == 200
        assert client.get("/api/claims").status_code == 200
