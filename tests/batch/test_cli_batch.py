"""``headcount batch`` and ``headcount load`` through the real entry point, the way
docs/cluster.md tells people to run them, against a scheduler address (a LocalCluster stands in
for a remote cluster)."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from headcount import ingest, open_ledger
from headcount.cli import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
DOCS = ROOT / "docs" / "cluster.md"
COMMANDS = ("batch", "load")


def headcount(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """The console script's entry point in a process of its own (Dask workers are spawned)."""
    return subprocess.run(
        [sys.executable, "-c", "from headcount.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_batch_command_is_documented(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"headcount {command}" in readme
    assert f"headcount {command}" in DOCS.read_text(encoding="utf-8")
    assert "docs/cluster.md" in readme
    assert CliRunner().invoke(app, [command, "--help"]).exit_code == 0


def _documented_lines(command: str) -> list[list[str]]:
    text = DOCS.read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```(?:sh|console)\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.removeprefix("$ ").split("#", 1)[0].strip()
            if line.startswith(f"headcount {command} "):
                lines.append(shlex.split(line)[2:])
    return lines


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_the_docs_use_exists(command: str) -> None:
    lines = _documented_lines(command)
    assert lines, f"docs/cluster.md shows no `headcount {command}` command"
    helptext = CliRunner().invoke(app, [command, "--help"], terminal_width=200).stdout
    for args in lines:
        for arg in args:
            if arg.startswith("--"):
                assert arg in helptext, f"headcount {command} {arg} (docs/cluster.md) is not an option"


def test_the_documented_workflow_on_a_scheduler_address(tmp_path: Path, dask_cluster) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    db = f"sqlite:///{tmp_path / 'team.db'}"
    done = headcount("batch", str(SAMPLES), "--out", str(out), "--scheduler", dask_cluster.scheduler_address)
    assert done.returncode == 0, done.stderr
    assert re.match(
        r"11 articles, \d+ claims, 0 rejections in [\d.]+ s \(\d+ articles/s, 2 workers\)", done.stdout
    )
    loaded = headcount("load", str(out), "--db", db)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("11 new articles, 0 unchanged;")
    again = headcount("load", str(out), "--db", db)
    assert again.stdout.startswith(
        "0 new articles, 0 unchanged; 0 claims stored; 0 rejections recorded; "
        "0 partitions loaded, 1 loaded before."
    )
    listed = headcount("claims", "--db", db, "--format", "jsonl")
    with open_ledger(f"sqlite:///{tmp_path / 'ingested.db'}") as reference:
        ingest(reference, [SAMPLES])
        expected = [r.claim.to_schema() for r in reference.claims()]
    assert [
        {k: v for k, v in json.loads(line).items() if k in expected[0]} for line in listed.stdout.splitlines()
    ] == expected
    rerun = headcount("batch", str(SAMPLES), "--out", str(out), "--scheduler", dask_cluster.scheduler_address)
    assert "0 of 1 partitions written, 1 done before" in rerun.stdout


def test_an_unreachable_scheduler_is_one_line_on_stderr(tmp_path: Path) -> None:
    code = (
        "import headcount.batch.run as run; run.CONNECT_TIMEOUT = 1; from headcount.cli import main; main()"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "batch",
            str(SAMPLES / "en"),
            "--out",
            str(tmp_path / "o"),
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Error: [H403] tcp://127.0.0.1:9: cannot reach the Dask scheduler" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["load", "{tmp}"], "Error: [H104] {tmp}: no manifest.json here: not the output of headcount batch"),
        (
            ["batch", "samples/en", "--out", "{tmp}/o", "--scheduler", "cluster"],
            "Error: [H403] --scheduler: 'cluster' is not",
        ),
    ],
)
def test_errors_are_one_line_on_stderr(tmp_path: Path, args: list[str], message: str) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    done = (
        headcount(*args, "--db", f"sqlite:///{tmp_path / 'l.db'}") if args[0] == "load" else headcount(*args)
    )
    assert done.returncode == 1
    assert message.replace("{tmp}", str(tmp_path)) in done.stderr
    assert "Traceback" not in done.stderr


def test_rejections_are_listed_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    for i in range(12):
        (bad / f"empty-{i:02d}.txt").write_text("", encoding="utf-8")
    done = headcount(
        "batch", str(SAMPLES / "en"), str(bad), "--out", str(tmp_path / "o"), "--scheduler", "sync"
    )
    assert done.returncode == 0, done.stderr  # rejections are data: a crawl always has some
    assert "4 articles" in done.stdout and "12 rejections" in done.stdout
    lines = done.stderr.strip().splitlines()
    assert lines[0] == f"[H106] {bad / 'empty-00.txt'}: the file is empty"
    assert len(lines) == 11 and lines[-1] == f"… and 2 more in {tmp_path / 'o'}/rejections"
