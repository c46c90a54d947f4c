"""Reviews: accept, correct, reject, add a missed claim; machine output never overwritten; the
reviewed value and its history on every page; ClaimReview export; accounts from the CLI."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from headcount.cli import app as cli
from tests.web.conftest import PASSWORD, csrf_of, first_claim_id

MACHINE_COLUMNS = (
    "id, quote, figure, low, high, bound, kind, metric, side, period_start, period_end, claimant, via, hedged"
)


def machine_rows(db_url: str) -> list[tuple]:
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        return conn.execute(f"SELECT {MACHINE_COLUMNS} FROM claims ORDER BY id").fetchall()


def review(client, token, claim_id, **form):
    response = client.post(f"/claims/{claim_id}/review", data={"csrf": token, **form})
    assert response.status_code == 303, response.text[:500]
    assert response.headers["location"] == f"/claims/{claim_id}#history"


def test_reviews_never_overwrite_machine_output(client, signed_in, db_url):
    before = machine_rows(db_url)
    claim_id = first_claim_id(client, metric="desertion")
    review(client, signed_in, claim_id, action="accept", note="checked against the source")
    review(client, signed_in, claim_id, action="correct", low="999", high="1001", bound="range", note="typo")
    other = first_claim_id(client, metric="amnesty_return")
    review(client, signed_in, other, action="reject", reason="wrong_figure")
    assert machine_rows(db_url) == before


def test_correction_shows_reviewed_value_and_history(client, signed_in):
    claim_id = first_claim_id(client, metric="desertion")
    machine = client.get(f"/api/claims/{claim_id}").json()
    review(
        client,
        signed_in,
        claim_id,
        action="correct",
        claimant="Ministry of Defence of Ukraine",
        note="named in para 2",
    )
    data = client.get(f"/api/claims/{claim_id}").json()
    assert data["claimant"] == machine["claimant"]  # the machine's value, kept
    assert data["reviewed"]["claimant"] == "Ministry of Defence of Ukraine"
    assert data["review_state"] == "corrected"
    assert [r["action"] for r in data["reviews"]] == ["correct"]
    assert data["reviews"][0]["reviewer"] == "ana" and data["reviews"][0]["note"] == "named in para 2"
    page = client.get(f"/claims/{claim_id}").text
    assert "Ministry of Defence of Ukraine" in page and "named in para 2" in page
    assert 'class="changed"' in page
    row = next(c for c in client.get("/api/claims").json()["claims"] if c["id"] == claim_id)
    assert row["reviewed"]["claimant"] == "Ministry of Defence of Ukraine"
    table = client.get("/claims", params={"state": "corrected"}).text
    assert f'href="/claims/{claim_id}"' in table and "Ministry of Defence of Ukraine" in table


def test_unchanged_correction_is_refused(client, signed_in):
    claim_id = first_claim_id(client)
    response = client.post(f"/claims/{claim_id}/review", data={"csrf": signed_in, "action": "correct"})
    assert response.status_code == 400 and "nothing differs" in response.text


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"low": "many"}, "is not a number"),
        ({"metric": "vibes"}, "is not one of"),
        ({"period_start": "2025-13-01"}, "is not a date"),
        ({"low": "10", "high": "5"}, "is above high"),
    ],
)
def test_bad_corrections_are_clear_400s(client, signed_in, fields, message):
    claim_id = first_claim_id(client)
    response = client.post(
        f"/claims/{claim_id}/review", data={"csrf": signed_in, "action": "correct", **fields}
    )
    assert response.status_code == 400 and message in response.text
    assert client.get(f"/api/claims/{claim_id}").json()["reviews"] == []


def test_state_filters(client, signed_in):
    ids = [c["id"] for c in client.get("/api/claims").json()["claims"]]
    review(client, signed_in, ids[0], action="accept")
    review(client, signed_in, ids[1], action="reject", reason="not_a_claim", note="an age")

    def listed(state):
        return {c["id"] for c in client.get("/api/claims", params={"state": state}).json()["claims"]}

    assert listed("accepted") == {ids[0]} and listed("rejected") == {ids[1]}
    assert listed("reviewed") == {ids[0], ids[1]}
    assert ids[0] not in listed("unreviewed") and ids[2] in listed("unreviewed")
    review(client, signed_in, ids[0], action="reject", reason="wrong_figure")
    assert listed("accepted") == set() and ids[0] in listed("rejected")


def test_rejected_claims_leave_the_comparison(client, signed_in):
    before = client.get("/api/compare", params={"metric": "desertion", "side": "ukraine"}).json()
    refs = [c["claim_id"] for c in before["series"]["claims"]]
    review(client, signed_in, refs[0], action="reject", reason="not_a_claim")
    after = client.get("/api/compare", params={"metric": "desertion", "side": "ukraine"}).json()
    assert after["rejected"] == 1
    assert refs[0] not in [c["claim_id"] for c in after["series"]["claims"]]
    overview = client.get("/").text
    assert "rejected" in overview and f"/claims/{refs[0]}" in overview


def test_add_a_missed_claim_by_selection(client, signed_in):
    article = client.get("/api/articles").json()["articles"][0]
    body = client.get(f"/api/articles/{article['id']}").json()["body"]
    word = next(w for w in body.split() if len(w) > 4 and w.isalpha())
    start = body.index(word)
    form = {
        "csrf": signed_in,
        "start": str(start),
        "end": str(start + len(word)),
        "low": "7",
        "high": "7",
        "metric": "desertion",
        "side": "ukraine",
        "bound": "exact",
        "kind": "count",
        "claimant": "the article",
        "note": "missed by the extractor",
    }
    response = client.post(f"/articles/{article['id']}/claims", data=form)
    assert response.status_code == 303 and "#added-" in response.headers["location"]
    page = client.get(f"/articles/{article['id']}").text
    assert "Added by analysts" in page and "missed by the extractor" in page
    data = client.get(f"/api/articles/{article['id']}").json()
    assert data["added"][0]["figure"] == word and data["added"][0]["value"] == "7"
    bad = client.post(
        f"/articles/{article['id']}/claims", data={**form, "start": "5", "end": str(len(body) + 10)}
    )
    assert bad.status_code == 400 and "not a stretch of the article body" in bad.text
    none = client.post(f"/articles/{article['id']}/claims", data={**form, "start": ""})
    assert none.status_code == 400 and "select the figure" in none.text


def test_upload_an_article(client, signed_in, tmp_path):
    text = (
        "---\noutlet: Upload Times\npublished: 2025-05-05\n---\n"
        "Officials said 4,321 soldiers deserted in April 2025.\n"
    )
    response = client.post(
        "/articles/new", data={"csrf": signed_in}, files={"file": ("upload.txt", text.encode(), "text/plain")}
    )
    assert response.status_code == 303, response.text[:500]
    page = client.get(response.headers["location"]).text
    assert "Upload Times" in page and "4,321" in page
    refused = client.post(
        "/articles/new", data={"csrf": signed_in}, files={"file": ("image.png", b"\x89PNG", "image/png")}
    )
    assert refused.status_code == 400 and "not an article file" in refused.text


def test_claimreview_export(client, signed_in, db_url, tmp_path):
    from headcount.export.claimreview import REQUIRED, missing_fields

    ids = [c["id"] for c in client.get("/api/claims").json()["claims"]]
    review(client, signed_in, ids[0], action="accept", note="matches the ministry's post")
    review(client, signed_in, ids[1], action="correct", high="2000", note="upper end missed")
    review(client, signed_in, ids[2], action="reject", reason="not_a_claim")
    out = tmp_path / "reviews.jsonld"
    result = CliRunner().invoke(cli, ["export", "--format", "claimreview", "-o", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == 3
    for item in items:
        assert missing_fields(item) == [], item
        assert set(REQUIRED) <= set(item)
        assert item["@context"] == "https://schema.org" and item["@type"] == "ClaimReview"
        assert item["itemReviewed"]["@type"] == "Claim"
    by_id = {item["identifier"]: item for item in items}
    assert by_id[str(ids[0])]["reviewRating"]["alternateName"] == "Figure as reported"
    assert by_id[str(ids[1])]["reviewRating"]["alternateName"].startswith("Corrected record: high")
    assert by_id[str(ids[2])]["reviewRating"]["alternateName"] == "Not a claim"
    assert by_id[str(ids[2])]["reviewRating"]["ratingValue"] == 1
    assert by_id[str(ids[0])]["url"].endswith(f"/claims/{ids[0]}")
    assert missing_fields({"@type": "ClaimReview"})  # the check itself can fail


def test_user_commands(db_url):
    runner = CliRunner()
    made = runner.invoke(cli, ["user", "add", "bo", "--db", db_url], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert made.exit_code == 0, made.output
    again = runner.invoke(cli, ["user", "add", "bo", "--db", db_url], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert again.exit_code != 0
    short = runner.invoke(cli, ["user", "add", "cy", "--db", db_url], input="short\nshort\n")
    assert short.exit_code == 2
    token = runner.invoke(cli, ["user", "token", "bo", "--db", db_url])
    assert token.exit_code == 0 and len(token.output.strip()) >= 40
    listed = runner.invoke(cli, ["user", "list", "--db", db_url])
    assert "bo" in listed.output and "cy" not in listed.output
    from tests.web.conftest import make_client

    with make_client(db_url) as client:
        claim_id = first_claim_id(client)
        response = client.post(
            f"/api/claims/{claim_id}/reviews",
            json={"action": "accept"},
            headers={"Authorization": f"Bearer {token.output.strip()}"},
        )
        assert response.status_code == 201 and response.json()["reviewer"] == "bo"
        assert csrf_of(client)


def test_serve_is_documented_in_help():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--private"):
        assert option in result.output


def test_url_must_be_a_web_address(client, signed_in):
    response = client.post("/articles/new", data={"csrf": signed_in, "url": "file:///etc/passwd"})
    assert response.status_code == 400 and "http:// or https://" in response.text


@pytest.mark.parametrize("command", [["serve"], ["user", "add"], ["user", "password"], ["user", "token"]])
def test_commands_are_documented(command):
    """Every option of the dashboard's commands appears in docs/dashboard.md (datasette's habit)."""
    import re
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "dashboard.md").read_text(encoding="utf-8")
    assert f"headcount {' '.join(command)}" in docs
    helptext = CliRunner().invoke(cli, [*command, "--help"], terminal_width=200).output
    for option in set(re.findall(r"--[a-z][a-z-]+", helptext)) - {"--help"}:
        assert option in docs, f"headcount {' '.join(command)} {option} is not in docs/dashboard.md"
