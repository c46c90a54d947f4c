"""Every page and API route of the dashboard, on a ledger of the samples."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markupsafe import escape as escape_markup

from tests.web.conftest import first_claim_id

PAGES = ["/", "/claims", "/compare", "/articles", "/talking-points", "/actors", "/login", "/api"]
API = ["/api/overview", "/api/claims", "/api/compare", "/api/articles", "/api/talking-points", "/api/actors"]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text and "headcount" in response.text


@pytest.mark.parametrize("path", API)
def test_api_route_answers_json(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json()


def test_openapi_describes_the_api(client):
    schema = client.get("/api/openapi.json").json()
    for path in ("/api/claims", "/api/claims/{claim_id}", "/api/compare", "/api/claims/{claim_id}/reviews"):
        assert path in schema["paths"]
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


def test_overview_counts_every_claim(client):
    data = client.get("/api/overview").json()
    total = client.get("/api/claims").json()["total"]
    assert data["totals"]["claims"] == total > 0
    assert sum(row["total"] for row in data["counts"]) == total
    page = client.get("/").text
    assert 'id="counts"' in page and data["counts"][0]["label"] in page


def test_claims_filter_by_metric_and_side(client):
    data = client.get("/api/claims", params={"metric": "desertion", "side": "ukraine"}).json()
    assert data["claims"], "the samples hold Ukrainian desertion figures"
    assert {(c["metric"], c["side"]) for c in data["claims"]} == {("desertion", "ukraine")}
    assert data["total"] == len(data["claims"])


def test_claims_full_text_search(client):
    data = client.get("/api/claims", params={"q": "deserted"}).json()
    assert data["claims"] and all("deserted" in c["quote"].lower() for c in data["claims"])
    none = client.get("/api/claims", params={"q": "zeppelin"}).json()
    assert none["total"] == 0 and none["claims"] == []


def test_claims_filters_hedged_outlet_claimant_period(client):
    hedged = client.get("/api/claims", params={"hedged": "yes"}).json()["claims"]
    assert hedged and all(c["hedged"] for c in hedged)
    plain = client.get("/api/claims", params={"hedged": "no"}).json()["claims"]
    assert plain and not any(c["hedged"] for c in plain)
    one = hedged[0]
    by_outlet = client.get("/api/claims", params={"outlet": one["outlet"][:8]}).json()["claims"]
    assert one["id"] in {c["id"] for c in by_outlet}
    by_claimant = client.get("/api/claims", params={"claimant": one["claimant"]}).json()["claims"]
    assert one["id"] in {c["id"] for c in by_claimant}
    early = client.get("/api/claims", params={"until": "2000-01-01"}).json()
    assert early["total"] == 0


def test_claims_filter_by_affiliation(client):
    data = client.get("/api/claims", params={"affiliation": "independent"}).json()["claims"]
    others = client.get("/api/claims", params={"affiliation": "russian_state"}).json()["claims"]
    assert data or others
    assert not {c["id"] for c in data} & {c["id"] for c in others}


def test_claims_sorting(client):
    newest = [c["id"] for c in client.get("/api/claims").json()["claims"]]
    oldest = [c["id"] for c in client.get("/api/claims", params={"sort": "oldest"}).json()["claims"]]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
    by_value = client.get("/api/claims", params={"sort": "value"}).json()["claims"]
    values = [c["high"] if c["high"] is not None else c["low"] for c in by_value]
    known = [v for v in values if v is not None]
    assert known == sorted(known, reverse=True)


def test_claims_pagination(client, monkeypatch):
    from headcount.web import routes

    monkeypatch.setattr("headcount.web.routes.claims.PAGE_SIZE", 5)
    assert routes.PAGE_SIZE == 50
    first = client.get("/api/claims").json()
    second = client.get("/api/claims", params={"page": 2}).json()
    assert first["more"] and len(first["claims"]) == 5
    assert not {c["id"] for c in first["claims"]} & {c["id"] for c in second["claims"]}
    html = client.get("/claims").text
    assert 'rel="next"' in html and "page=2" in html


def test_claims_page_htmx_returns_only_the_results(client):
    full = client.get("/claims", params={"metric": "desertion"}).text
    partial = client.get("/claims", params={"metric": "desertion"}, headers={"HX-Request": "true"}).text
    assert 'id="claim-filters"' in full
    assert 'id="claims-results"' in partial and 'id="claim-filters"' not in partial


def test_bad_filter_is_a_clear_400(client):
    response = client.get("/api/claims", params={"metric": "bogus"})
    assert response.status_code == 400
    assert "unknown metric 'bogus'" in response.json()["error"]
    page = client.get("/claims", params={"since": "last week"})
    assert page.status_code == 400 and "is not a date" in page.text


def test_downloads_follow_the_filters(client):
    api = client.get("/api/claims", params={"metric": "desertion"}).json()
    response = client.get("/claims.csv", params={"metric": "desertion"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in api["claims"]]
    assert {r["metric"] for r in rows} == {"desertion"} and "review_state" in rows[0]
    lines = client.get("/claims.jsonl", params={"metric": "desertion"}).text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [c["id"] for c in api["claims"]]


def test_claim_page_shows_sentence_figure_and_article(client):
    claim_id = first_claim_id(client, metric="desertion")
    data = client.get(f"/api/claims/{claim_id}").json()
    html = client.get(f"/claims/{claim_id}").text
    figure = data["sentence"]["figure"]
    assert figure == data["figure"]
    assert f'<mark class="fig">{figure}</mark>' in html
    assert f'href="/articles/{data["article_id"]}"' in html
    assert data["chain"] and str(escape_markup(data["chain"][0]["name"])) in html
    assert "Review history" in html and "Not reviewed yet" in html


def test_missing_claim_is_404_page_and_json(client):
    assert client.get("/claims/99999").status_code == 404
    response = client.get("/api/claims/99999")
    assert response.status_code == 404 and "H304" in response.json()["error"]


def test_article_page_marks_every_figure(client):
    articles = client.get("/api/articles").json()["articles"]
    article = max(articles, key=lambda a: a["claims"])
    data = client.get(f"/api/articles/{article['id']}").json()
    html = client.get(f"/articles/{article['id']}").text
    for claim in data["claims"]:
        assert f'href="/claims/{claim["id"]}" data-claim="{claim["id"]}"' in html
    assert html.count("data-claim=") == len(data["claims"]) == article["claims"]


def test_compare_page_draws_the_series(client):
    data = client.get("/api/compare", params={"metric": "desertion", "side": "ukraine"}).json()
    assert data["series"]["claims"]
    html = client.get("/compare", params={"metric": "desertion", "side": "ukraine"}).text
    assert '<svg class="timeline"' in html
    assert html.count('class="mark"') >= 1
    for claim in data["series"]["claims"]:
        assert f'data-ref="{claim["ref"]}"' in html


def test_talking_points_page(client):
    data = client.get("/api/talking-points").json()
    html = client.get("/talking-points").text
    assert "documents" in data
    for point in data["talking_points"]:
        assert f'id="tp-{point["id"]}"' in html
    if data["talking_points"]:
        assert "<mark>" in html


def test_actors_and_one_actor(client):
    actors = client.get("/api/actors").json()["actors"]
    assert actors and {"name", "affiliation", "claims"} <= set(actors[0])
    named = [a for a in actors if a["claims"]]
    assert named, "some sample claimant is in the registry"
    one = client.get(f"/api/actors/{named[0]['name']}").json()
    assert len(one["rows"]) == min(named[0]["claims"], 50)
    assert client.get(f"/actors/{named[0]['name']}").status_code == 200
    assert client.get("/api/actors/Nobody%20At%20All").status_code == 404
