"""The HTML report and the chart files: what they show, that they escape article text, and that
the page stands alone (no script, nothing fetched)."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from headcount.narratives import find_narratives
from headcount.reconcile import compare
from headcount.report import render_report
from headcount.report.charts import write_charts
from headcount.report.timeline import merge_echoes, nice_ticks, time_ticks, timeline
from headcount.report.view import period_text
from tests.narratives.conftest import TEXTS, documents
from tests.reconcile.conftest import make_claim

OCT = {"start": "2025-10-01", "end": "2025-10-31"}
WHEN = datetime(2025, 11, 20, 9, 30, tzinfo=UTC)


@pytest.fixture
def claims() -> list:
    return [
        make_claim("21,600", 21600, 21600, **OCT, claimant="Die Welt", hedged=True, outlet="Die Welt"),
        make_claim("21,600", 21600, 21600, **OCT, claimant="Die Welt", outlet="RT", published="2025-11-12"),
        make_claim(
            "about 21,000",
            21000,
            21000,
            bound="approx",
            **OCT,
            claimant="Ukrainska Pravda",
            outlet="Ukrainska Pravda",
        ),
        make_claim(
            "9,000",
            9000,
            9000,
            **OCT,
            claimant="General Staff of the Armed Forces of Ukraine",
            outlet="Kyiv Post",
        ),
        make_claim(
            "between 300,000 and 500,000",
            300000,
            500000,
            bound="range",
            end="2025-09-13",
            claimant="Russian security forces",
            via=("TASS",),
            outlet="TASS",
            hedged=True,
        ),
        make_claim(
            "15,000 to 18,000",
            15000,
            18000,
            bound="range",
            kind="rate",
            per="month",
            claimant="Ukraine’s Prosecutor General’s Office",
            via=("Maria Zakharova",),
            outlet="TASS",
        ),
        make_claim(
            "over 230,000",
            230000,
            None,
            bound="over",
            metric="criminal_case",
            start="2022-02-01",
            end="2025-11-07",
            claimant="Ukraine’s Prosecutor General’s Office",
            outlet="TASS",
        ),
    ]


@pytest.fixture
def html(claims: list) -> str:
    return render_report(
        compare(claims), find_narratives(documents(TEXTS)), title="Autumn figures", generated=WHEN
    )


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg class=\"timeline\".*?</svg>", page, flags=re.S)


def test_the_page_stands_alone(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched, no CDN
    assert "@import" not in html and "url(http" not in html


def test_a_chart_per_series_with_bars_whiskers_and_hedges(html: str) -> None:
    charts = svgs(html)
    assert len(charts) == 2  # desertion and criminal cases, Ukrainian side
    desertion = charts[0]
    for chart in charts:
        ET.fromstring(chart)  # well-formed
    assert desertion.count('<g class="mark"') == 5  # Die Welt's two reports are one mark
    assert "url(#hatch-third_country)" in desertion  # Die Welt hedged: striped
    assert "url(#hatch-russian_state)" in desertion  # the TASS figure hedged too
    assert "#D55E00" in desertion and "#0072B2" in desertion  # colour by affiliation
    assert "21,600 · 2 reports" in desertion
    assert 'marker-end="url(#arrow)"' in charts[1]  # "over 230,000": an arrow for the open end
    assert html.count('id="hatch-russian_state"') == 1  # patterns defined once per page


def test_series_sections_say_what_was_found(html: str) -> None:
    assert "Desertion and AWOL" in html and "Criminal cases" in html
    assert "Shown beside this series, on the same time axis and never added to it: Criminal cases" in html
    assert "cannot both hold" in html and "at most 9,900/month" in html
    assert "2 origins, worth 2 independent sources" in html
    assert "other side&#39;s word" in html or "other side's word" in html
    assert "start assumed" in html and "hedged" in html
    assert "20 November 2025" in html


def test_talking_points_side_by_side_with_shared_words_marked(html: str) -> None:
    assert html.count('<div class="passage">') == 3
    assert "<mark>" in html and "coordinated foreign campaign" in html
    assert "North Wire" in html and "Daily Aggregator" in html  # the republished copy is listed


def test_article_text_is_escaped_everywhere() -> None:
    evil = "<script>alert('x')</script>"
    record = make_claim(
        "21,600",
        21600,
        21600,
        **OCT,
        claimant=evil,
        outlet='<img src=x onerror="y">',
        quote=f"In October {evil} 21,600 left.",
    )
    record = dataclasses.replace(record, url="javascript:alert(1)")
    page = render_report(compare([record]), generated=WHEN)
    assert evil not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    for chart in svgs(page):
        ET.fromstring(chart)


def test_the_charts_as_files(tmp_path: Path, claims: list) -> None:
    written = write_charts(compare(claims), tmp_path / "charts")
    names = sorted(p.name for p in written)
    assert names == [
        "criminal_case-ukraine.png",
        "criminal_case-ukraine.svg",
        "desertion-ukraine.png",
        "desertion-ukraine.svg",
    ]
    png = (tmp_path / "charts" / "desertion-ukraine.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    svg = ET.parse(tmp_path / "charts" / "desertion-ukraine.svg").getroot()
    assert svg.tag.endswith("svg")
    assert "Desertion and AWOL" in (tmp_path / "charts" / "desertion-ukraine.svg").read_text()


@pytest.mark.skipif(
    shutil.which("chromium") is None, reason="needs Debian's chromium (apt-get install chromium)"
)
def test_the_report_renders_offline_in_a_browser(tmp_path: Path, html: str) -> None:
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--window-size=1280,3000",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 3000)
    colours = image.getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 500  # text, charts and colours, not a blank or error page


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2025-10-01", "2025-10-31", "October 2025"),
        ("2025-01-01", "2025-12-31", "2025"),
        ("2025-01-01", "2025-06-30", "Jan–Jun 2025"),
        ("2024-10-01", "2025-03-31", "Oct 2024 – Mar 2025"),
        ("2025-01-01", "2025-11-09", "1 Jan – 9 Nov 2025"),
        ("2022-02-24", "2025-09-13", "24 Feb 2022 – 13 Sep 2025"),
    ],
)
def test_periods_read_as_people_write_them(start: str, end: str, text: str) -> None:
    assert period_text(date.fromisoformat(start), date.fromisoformat(end)) == text


def test_axes() -> None:
    assert nice_ticks(23000) == (0, 5000, 10000, 15000, 20000, 25000)
    assert nice_ticks(0.7)[-1] >= 0.7
    ticks = time_ticks(date(2022, 1, 10), date(2026, 1, 5))  # four years: half-years, years named
    assert [label for _, label in ticks] == ["Jul 2022", "2023", "Jul", "2024", "Jul", "2025", "Jul", "2026"]
    months = time_ticks(date(2025, 9, 20), date(2025, 12, 15))
    assert [label for _, label in months] == ["Oct 2025", "Nov", "Dec"]


def test_echoes_of_one_figure_are_one_mark(claims: list) -> None:
    series = compare(claims).series[0]
    marks = timeline(series, "x").marks
    assert len(marks) == len(merge_echoes(list(marks)))  # merging twice changes nothing
    assert sum(m.reports for m in marks) == len(series.on_scale)


def _boxes(
    chart: str,
) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, float, float]]]:
    """Bars and labels of a chart as ``(x0, y0, x1, y1)`` (labels: the estimated text box)."""
    from headcount.report.svg import CHAR

    root = ET.fromstring(chart)
    bars, labels = [], []
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        for rect in g.iter("{http://www.w3.org/2000/svg}rect"):
            x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
            bars.append((x, y, x + float(rect.get("width", 0)), y + float(rect.get("height", 0))))
        for text in g.iter("{http://www.w3.org/2000/svg}text"):
            x, y = float(text.get("x", 0)), float(text.get("y", 0))
            labels.append((x, y - 9, x + CHAR * len(text.text or ""), y + 3))
    return bars, labels


def test_labels_cover_no_bar_and_no_other_label() -> None:
    """Figures crowded into one corner (the seed corpus' autumn 2025): labels move, never cover."""
    crowded = [
        make_claim("over 180,000", 180000, None, bound="over", start="2025-01-01", end="2025-11-09"),
        make_claim("21,600", 21600, 21600, **OCT, claimant="Die Welt", hedged=True),
        make_claim(
            "15,000 to 18,000", 15000, 18000, bound="range", kind="rate", per="month", claimant="TASS"
        ),
        make_claim("17,000", 17000, 17000, start="2025-09-01", end="2025-09-30", claimant="Meduza"),
    ]
    (chart,) = svgs(render_report(compare(crowded), None, generated=WHEN))
    bars, labels = _boxes(chart)
    assert len(bars) == 3 and len(labels) >= 3

    def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return not (a[2] <= b[0] or a[0] >= b[2] or a[3] <= b[1] or a[1] >= b[3])

    for n, label in enumerate(labels):
        assert not any(overlap(label, bar) for bar in bars), label
        assert not any(overlap(label, other) for other in labels[n + 1 :]), label


def test_the_legend_explains_every_kind_of_mark_on_the_chart(html: str) -> None:
    assert "a range: bar at its middle, whiskers to its ends" in html  # 15,000–18,000
    assert "the arrow points to the open end" in html  # over 230,000
    assert "hedged by the text (striped)" in html
    assert "implied by a share" not in html  # no share on these charts
