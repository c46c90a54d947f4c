"""The cross-check commands end to end: compare, narratives, report, actors (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from headcount.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
COMMANDS = ("compare", "narratives", "report", "actors")


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture
def seeded_url(ledger_url: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed corpus is not at {SEEDS}")
    result = run("ingest", *map(str, sorted(SEEDS.glob("0*.txt"))), "--db", ledger_url)
    assert result.exit_code == 0, result.output
    return ledger_url


def test_compare_as_json(seeded_url: str) -> None:
    result = run("compare", "--db", seeded_url, "--side", "ukraine", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    series = {(s["metric"], s["side"]): s for s in data["series"]}
    assert set(series) == {
        ("desertion", "ukraine"),
        ("criminal_case", "ukraine"),
        ("amnesty_return", "ukraine"),
    }
    october = next(c for c in series[("desertion", "ukraine")]["claims"] if c["low"] == 21600)
    assert october["scaled"]["per_month"] == [21600, 21600]
    assert october["origin"]["name"] == "Die Welt" and october["hedged"] is True
    assert data["settings"]["tolerance"] == 0.1


def test_compare_as_a_table(seeded_url: str) -> None:
    result = run("compare", "--db", seeded_url, "--metric", "desertion", "--format", "table")
    assert result.exit_code == 0, result.output
    assert "Desertion and AWOL — Ukrainian side" in result.stdout
    assert "21,600" in result.stdout and "over 17,476" in result.stdout and "15,000–18,000" in result.stdout
    assert "Criminal cases" not in result.stdout


def test_compare_tolerance_and_actors_options(seeded_url: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[actor]]\nname = "Die Welt"\naliases = ["Die Welt", "Christoph Vanner"]\n'
        'kind = "foreign_media"\naffiliation = "independent"\n',
        encoding="utf-8",
    )
    result = run("compare", "--db", seeded_url, "-f", "json", "--tolerance", "0.3", "--actors", str(mine))
    data = json.loads(result.stdout)
    assert data["settings"]["tolerance"] == 0.3
    welt = [c for s in data["series"] for c in s["claims"] if c["origin"]["name"] == "Die Welt"]
    assert welt and {c["origin"]["affiliation"] for c in welt} == {"independent"}
    env = {"HEADCOUNT_ACTORS": str(mine)}
    again = json.loads(run("compare", "--db", seeded_url, "-f", "json", env=env).stdout)
    assert again == {**data, "settings": {**data["settings"], "tolerance": 0.1}}


def test_narratives(seeded_url: str) -> None:
    result = run("narratives", "--db", seeded_url, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 5
    (point,) = data["talking_points"]
    assert sorted(p["doc"][:3] for p in point["passages"]) == ["000", "003"]
    table = run("narratives", "--db", seeded_url, "--format", "table")
    assert "Amid these developments" in table.stdout and "1 talking points" in table.stdout


def test_report_and_charts(seeded_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", "-o", str(out), "--db", seeded_url, "--charts", str(tmp_path / "charts"))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Report written to {out}: 9 series")
    page = out.read_text(encoding="utf-8")
    assert "Desertion and AWOL" in page and "<svg" in page and "Amid these developments" in page
    assert (tmp_path / "charts" / "desertion-ukraine.png").stat().st_size > 10_000
    assert (tmp_path / "charts" / "criminal_case-ukraine.svg").exists()


def test_actors_lists_the_registry_and_the_unknown(seeded_url: str) -> None:
    listing = run("actors", "--format", "json")
    assert listing.exit_code == 0
    names = {a["name"] for a in json.loads(listing.stdout)}
    assert {"Mediazona", "TASS", "Idite Lesom", "Ukraine's Prosecutor General's Office"} <= names
    unknown = run("actors", "--unknown", "--db", seeded_url, "--format", "json")
    found = {u["name"]: u for u in json.loads(unknown.stdout)}
    assert {"ICARO Media Group", "a Russian volunteer anti-war group"} <= set(found)
    assert found["various sources"]["vague"] is True
    assert "the article" not in found
    toml = run("actors", "--unknown", "--db", seeded_url, "--format", "toml")
    assert '[[actor]]\nname = "ICARO Media Group"' in toml.stdout and "various sources" not in toml.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["compare", "--tolerance", "2"], 1, "Error: [H400] --tolerance: 2.0 is not a share between 0 and 1"),
        (["compare", "--metric", "deserters"], 1, "Error: [H305] --metric: unknown metric 'deserters'"),
        (["compare", "--actors", "/nonexistent/actors.toml"], 1, "actors file not found"),
        (["actors", "--format", "toml"], 2, "use it with --unknown"),
        (["report"], 2, "Missing option '--output'"),
    ],
)
def test_errors_are_one_line_on_stderr(seeded_url: str, args: list[str], code: int, message: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from headcount.cli import main; main()", *args, "--db", seeded_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == code, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_crosscheck_command_is_documented(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = (ROOT / "docs" / "crosscheck.md").read_text(encoding="utf-8")
    assert f"headcount {command}" in readme
    assert f"headcount {command}" in docs
    assert run(command, "--help").exit_code == 0


def test_the_public_surface() -> None:
    import headcount

    for name in (
        "compare",
        "compare_ledger",
        "find_narratives",
        "render_report",
        "build_report",
        "Comparison",
    ):
        assert name in headcount.__all__ and hasattr(headcount, name)
