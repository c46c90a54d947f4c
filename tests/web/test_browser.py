"""The dashboard in a real browser: Playwright driving Debian's chromium, headless.

A uvicorn server on a free port serves a ledger of the samples; the tests open the overview,
filter the claims, open a claim, sign in, correct a field and see it in the history, and check
that the compare chart drew its marks and that hovering one shows its claim. Screenshots go to
``test-artifacts/web/`` (kept by CI as test artifacts; git ignores the folder), and the overview
and compare ones to ``docs/img/`` for the README. Never runs
``playwright install``: the browser is /usr/bin/chromium (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install chromium)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, samples_ledger: Path) -> Iterator[str]:
    """The dashboard on a copy of the samples ledger, with an account "ana"; yields its base URL."""
    import shutil

    import uvicorn

    from headcount import open_ledger
    from headcount.store.reviews import ReviewStore
    from headcount.web.app import create_app
    from headcount.web.auth import hash_password
    from headcount.web.state import Dashboard

    path = tmp_path_factory.mktemp("browser") / "ledger.db"
    shutil.copy(samples_ledger, path)
    ledger = open_ledger(f"sqlite:///{path}")
    ReviewStore(ledger.engine).add_user("ana", hash_password(PASSWORD))
    app = create_app(dashboard=Dashboard(ledger))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    # "localhost": a secure context for the browser, so it keeps the Secure session cookie over http.
    yield f"http://localhost:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    ledger.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield page
    context.close()
    # A CSP violation (an inline script or style the page needed) shows up as a console error.
    assert errors == [], errors


def shot(page: object, name: str, *, docs: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=not docs)  # type: ignore[attr-defined]
    assert path.stat().st_size > 10_000
    if docs:
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        shutil_copy(path, DOCS_IMG / f"{name}.png")
    print(f"screenshot: {path}")
    return path


def shutil_copy(src: Path, dst: Path) -> None:
    import shutil

    shutil.copy(src, dst)


def test_overview(page: object) -> None:
    page.goto("/")  # type: ignore[attr-defined]
    counts = page.locator("#counts tbody tr")  # type: ignore[attr-defined]
    assert counts.count() >= 3
    assert page.locator("h2", has_text="Open contradictions").is_visible()  # type: ignore[attr-defined]
    shot(page, "overview", docs=True)


def test_filter_claims_and_open_one(page: object) -> None:
    page.goto("/claims")  # type: ignore[attr-defined]
    all_rows = page.locator("table.claims tbody tr").count()  # type: ignore[attr-defined]
    page.select_option("select[name=metric]", "desertion")  # type: ignore[attr-defined]
    page.wait_for_url("**/claims?*metric=desertion*")  # type: ignore[attr-defined]  # htmx pushes the URL
    rows = page.locator("table.claims tbody tr")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "n => document.querySelectorAll('table.claims tbody tr').length < n", arg=all_rows
    )
    assert 0 < rows.count() < all_rows
    for text in rows.locator("td:nth-child(4)").all_inner_texts():
        assert text == "Desertion and AWOL" or "esertion" in text
    page.fill("input[name=q]", "deserted")  # type: ignore[attr-defined]
    page.press("input[name=q]", "Enter")  # type: ignore[attr-defined]
    page.wait_for_url("**q=deserted*")  # type: ignore[attr-defined]
    shot(page, "claims-filtered")
    first = rows.first.locator("a.figure")
    figure = first.inner_text()
    first.click()
    page.wait_for_url("**/claims/*")  # type: ignore[attr-defined]
    assert page.locator("mark.fig").inner_text() == figure  # type: ignore[attr-defined]
    assert page.locator("ol.chain li").count() >= 1  # type: ignore[attr-defined]
    shot(page, "claim")


def test_sign_in_correct_a_field_and_see_the_history(page: object) -> None:
    page.goto("/claims?metric=desertion")  # type: ignore[attr-defined]
    page.locator("table.claims tbody tr a.figure").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/claims/*")  # type: ignore[attr-defined]
    claim_url = page.url  # type: ignore[attr-defined]
    page.click("text=Sign in")  # type: ignore[attr-defined]
    page.fill("input[name=name]", "ana")  # type: ignore[attr-defined]
    page.fill("input[name=password]", PASSWORD)  # type: ignore[attr-defined]
    page.click("#login button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url(claim_url)  # type: ignore[attr-defined]
    assert page.locator(".who", has_text="ana").is_visible()  # type: ignore[attr-defined]
    form = page.locator("#correct-form")  # type: ignore[attr-defined]
    form.locator("input[name=claimant]").fill("Ukrainian General Staff")
    form.locator("input[name=note]").fill("the statement names the General Staff")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/claims/*#history")  # type: ignore[attr-defined]
    history = page.locator("#history li.review")  # type: ignore[attr-defined]
    assert history.count() == 1
    assert "corrected" in history.first.inner_text() and "ana" in history.first.inner_text()
    assert "Ukrainian General Staff" in history.first.inner_text()
    assert page.locator("#review-state").inner_text().lower() == "corrected"  # type: ignore[attr-defined]
    reviewed = page.locator('#fields td[data-field="claimant"]').inner_text()  # type: ignore[attr-defined]
    assert reviewed == "Ukrainian General Staff"
    shot(page, "claim-corrected")


def test_compare_chart_draws_its_marks(page: object) -> None:
    page.goto("/compare?metric=desertion&side=ukraine")  # type: ignore[attr-defined]
    marks = page.locator("svg.timeline g.mark")  # type: ignore[attr-defined]
    assert marks.count() >= 2
    box = marks.first.locator("rect, path").first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    marks.first.hover()
    tip = page.locator("#chart-tip")  # type: ignore[attr-defined]
    tip.wait_for(state="visible")
    assert "#" in tip.inner_text() and "click to open" in tip.inner_text()
    shot(page, "compare", docs=True)
    marks.first.click()
    page.wait_for_url("**/claims/*")  # type: ignore[attr-defined]
    assert page.locator("mark.fig").count() == 1  # type: ignore[attr-defined]


def test_add_a_missed_claim_by_selecting_it(page: object) -> None:
    page.goto("/login?next=/articles")  # type: ignore[attr-defined]
    page.fill("input[name=name]", "ana")  # type: ignore[attr-defined]
    page.fill("input[name=password]", PASSWORD)  # type: ignore[attr-defined]
    page.click("#login button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_url("**/articles")  # type: ignore[attr-defined]
    page.locator("#articles tbody tr a").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/articles/*")  # type: ignore[attr-defined]
    body_text = page.locator("#article-body").inner_text()  # type: ignore[attr-defined]
    word = next(w for w in body_text.split() if len(w) > 5 and w.isalpha())
    # Select the word as a reader would (a range over the text node that holds it).
    page.evaluate(  # type: ignore[attr-defined]
        """word => {
            const body = document.getElementById('article-body');
            const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(word);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + word.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
        }""",
        word,
    )
    page.wait_for_function(  # type: ignore[attr-defined]
        "w => document.getElementById('sel-figure').textContent === w", arg=word
    )
    start = int(page.input_value("#sel-start"))  # type: ignore[attr-defined]
    end = int(page.input_value("#sel-end"))  # type: ignore[attr-defined]
    assert end - start == len(word)
    form = page.locator("#add-claim")  # type: ignore[attr-defined]
    form.locator("input[name=low]").fill("12")
    form.locator("select[name=metric]").select_option("desertion")
    form.locator("input[name=note]").fill("found by hand")
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/articles/*#added-*")  # type: ignore[attr-defined]
    added = page.locator("ul.figures li[id^=added-]")  # type: ignore[attr-defined]
    assert (
        added.count() == 1
        and word in added.first.inner_text()
        and "found by hand" in added.first.inner_text()
    )
    assert page.locator("#article-body a.fig.added").inner_text() == word  # type: ignore[attr-defined]
    shot(page, "article-added")
