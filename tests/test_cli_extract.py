"""``headcount extract`` and ``headcount eval`` through the CLI, and the public API surface."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import headcount
from headcount import cli
from headcount.cli import app
from headcount.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples" / "en").glob("*.txt"))
SCHEMA = ROOT.parent / "shared" / "SCHEMA.md"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def _schema_fields() -> list[str]:
    """The claim fields named in the shared SCHEMA.md table (``| start, end |`` names two)."""
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is not here")
    text = SCHEMA.read_text(encoding="utf-8").split("## Claims", 1)[1]
    names: list[str] = []
    for line in text.splitlines():
        m = re.match(r"\|\s*([a-z_, ]+?)\s*\|", line)
        if m and m.group(1) not in ("field",):
            names.extend(n.strip() for n in m.group(1).split(","))
    return names


def test_jsonl_has_exactly_the_schema_fields_and_offsets_index_the_body(tmp_path: Path) -> None:
    result = run("extract", "--format", "jsonl", *map(str, SAMPLES))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 10
    fields = _schema_fields()
    assert {"start", "end", "doc", "quote", "figure", "claimant", "via"} <= set(fields)
    bodies = {p.name: read_article(p).body for p in SAMPLES}
    for row in rows:
        assert list(row) == [f for f in fields if f not in ("start", "end")] + ["start", "end"]
        body = bodies[row["doc"]]  # doc is the file's name
        assert body[row["start"] : row["end"]] == row["figure"]
        assert row["figure"] in row["quote"] and row["quote"] in body


def test_a_folder_gives_the_same_claims_as_its_files(tmp_path: Path) -> None:
    for p in SAMPLES:
        shutil.copy(p, tmp_path / p.name)
    by_files = run("extract", "--format", "jsonl", *map(str, sorted(tmp_path.iterdir())))
    by_folder = run("extract", "--format", "jsonl", str(tmp_path))
    assert by_folder.exit_code == 0
    assert sorted(by_folder.stdout.splitlines()) == sorted(by_files.stdout.splitlines())


def test_table_shows_figures_and_escapes_markup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.console, "width", 220)
    article = tmp_path / "[bold red]x[_].txt"  # the doc column shows file names as written
    article.write_text(
        "---\npublished: 2024-05-02\n---\n"
        "[bold red]Injected[/] said more than 4,000 Ukrainian soldiers deserted in April, "
        "according to the Prosecutor General's Office.\n",
        encoding="utf-8",
    )
    result = run("extract", "--format", "table", str(article))
    assert result.exit_code == 0, result.output
    assert "more than 4,000" in result.stdout
    assert "desertion" in result.stdout and "ukraine" in result.stdout
    assert "[boldred]x[_].txt" in result.stdout.replace("\n", "").replace("│", "").replace(" ", "")
    assert re.search(r"^1 claim$", result.stdout, re.M)


def test_bad_inputs_each_get_one_line_and_the_rest_is_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    undecodable = tmp_path / "noise.txt"
    undecodable.write_bytes(bytes(range(128, 256)) * 4)
    good = tmp_path / "good.txt"
    shutil.copy(SAMPLES[0], good)
    missing = tmp_path / "missing.txt"
    # Through the real entry point: what a user sees on stderr, unwrapped.
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "headcount",
            "extract",
            "--format",
            "jsonl",
            str(missing),
            str(empty),
            str(undecodable),
            str(good),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3, proc.stderr
    for path, reason in (
        (missing, "no such file"),
        (empty, "no article files"),
        (undecodable, "undecodable"),
    ):
        (line,) = [e for e in errors if str(path) in e]
        assert line.startswith("Error: ") and reason in line
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert rows and {r["doc"] for r in rows} == {"good.txt"}


def test_eval_scores_a_gold_file(tmp_path: Path) -> None:
    """A gold file written from the extractor's own output scores 1.0; a figure removed from it
    shows up as spurious and lowers precision; a wrong field is listed."""
    article = SAMPLES[0]
    shutil.copy(article, tmp_path / article.name)
    rows = [
        json.loads(line) for line in run("extract", "--format", "jsonl", str(article)).stdout.splitlines()
    ]
    assert len(rows) >= 3
    gold = tmp_path / "gold.jsonl"
    for r in rows:
        r.pop("start"), r.pop("end")
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    perfect = json.loads(run("eval", "--gold", str(gold), str(tmp_path), "--json").stdout)
    assert perfect["f1"] == 1.0 and perfect["all_fields"] == 1.0
    rows[1]["metric"] = "surrender" if rows[1]["metric"] != "surrender" else "desertion"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows[1:]), encoding="utf-8")
    scored = json.loads(run("eval", "--gold", str(gold), str(tmp_path), "--json").stdout)
    assert scored["gold"] == len(rows) - 1 and scored["matched"] == len(rows) - 1
    assert scored["precision"] == pytest.approx((len(rows) - 1) / len(rows), abs=1e-3)
    assert scored["recall"] == 1.0
    assert scored["field_accuracy"]["metric"] == pytest.approx((len(rows) - 2) / (len(rows) - 1), abs=1e-3)
    assert scored["all_fields"] < 1.0
    human = run("eval", "--gold", str(gold), str(tmp_path))
    assert "All fields right" in human.stdout and "spurious" in human.stdout and "wrong" in human.stdout


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not beside the checkout")
def test_eval_on_the_seeds_meets_the_issue_minimum() -> None:
    result = run("eval", "--gold", str(SEEDS / "gold.jsonl"), str(SEEDS), "--json")
    scores = json.loads(result.stdout)
    assert scores["f1"] >= 0.97 and scores["all_fields"] >= 0.85


def test_public_api_names_resolve_and_extract_claims_is_pure() -> None:
    for name in headcount.__all__:
        assert getattr(headcount, name) is not None, name
    # The lazily loaded cross-check names resolve too.
    assert callable(headcount.compare) and callable(headcount.find_narratives)
    article = read_article(SAMPLES[0])
    first, second = headcount.extract_claims(article), headcount.extract_claims(article)
    assert first == second and first
    assert {c.extractor for c in first} == {headcount.EXTRACTOR}
    assert re.fullmatch(r"headcount\.extract\.v\d+", headcount.EXTRACTOR)
    assert importlib.import_module("headcount.cli").app is app
