"""The ledger commands, end to end through the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from headcount import open_ledger
from headcount.cli import app, display_db, highlighted_sentence, marked_body
from headcount.export import COLUMNS, row

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ("ingest", "claims", "show", "articles", "show-article", "export")


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture
def filled_url(ledger_url: str, sample_paths: list[Path]) -> str:
    result = run("ingest", *map(str, sample_paths), "--db", ledger_url)
    assert result.exit_code == 0, result.output
    return ledger_url


def test_ingest_prints_a_summary_and_says_when_nothing_changed(ledger_url: str, sample_paths) -> None:
    names = [str(p) for p in sample_paths]
    first = run("ingest", *names, "--db", ledger_url)
    assert first.exit_code == 0, first.output
    with open_ledger(ledger_url) as ledger:
        claims = ledger.counts()["claims"]
    where = display_db(ledger_url)
    n = len(names)
    assert (
        first.stdout
        == f"{n} new articles, 0 unchanged; {claims} claims stored; 0 inputs rejected. Ledger: {where}\n"
    )
    assert first.stderr == ""
    again = run("ingest", *names, "--db", ledger_url)
    assert again.exit_code == 0
    assert (
        again.stdout
        == f"0 new articles, {n} unchanged; 0 claims stored; 0 inputs rejected. Ledger: {where}\n"
    )


def test_ingest_exits_1_on_rejections_and_stores_the_rest(
    ledger_url: str, sample_paths, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "Fine article text about nothing in particular."}\n{oops\n', encoding="utf-8")
    result = run("ingest", str(sample_paths[0]), str(empty), str(broken), "--db", ledger_url)
    assert result.exit_code == 1
    assert "2 new articles" in result.stdout and "2 inputs rejected" in result.stdout
    assert result.stderr.splitlines() == [
        f"Error: [H106] {empty}: the file is empty",
        f"Error: [H114] {broken}:2: not valid JSON "
        "(Expecting property name enclosed in double quotes at column 2)",
    ]
    with open_ledger(ledger_url) as ledger:
        assert ledger.counts()["articles"] == 2


def test_the_ledger_url_can_come_from_the_environment(tmp_path: Path, sample_paths) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = run("ingest", str(sample_paths[0]), env={"HEADCOUNT_DB": url})
    assert result.exit_code == 0 and (tmp_path / "env.db").exists()
    listed = run("articles", "--format", "jsonl", env={"HEADCOUNT_DB": url})
    assert len(listed.stdout.splitlines()) == 1


def test_claims_as_jsonl_csv_and_table(filled_url: str) -> None:
    with open_ledger(filled_url) as ledger:
        expected = [row(r) for r in ledger.claims()]
    as_jsonl = run("claims", "--db", filled_url, "--format", "jsonl")
    assert as_jsonl.exit_code == 0
    assert [json.loads(line) for line in as_jsonl.stdout.splitlines()] == expected
    as_csv = run("claims", "--db", filled_url, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in expected]
    assert tuple(rows[0]) == COLUMNS
    table = run("claims", "--db", filled_url, "--format", "table")
    assert table.stdout.rstrip().endswith(f"{len(expected)} claims")
    width = len(str(expected[-1]["id"])) + 2  # the id column, right-justified after the edge
    ids = [line[:width].strip() for line in table.stdout.splitlines()]
    assert [i for i in ids if i.isdigit()] == [str(r["id"]) for r in expected]


@pytest.mark.parametrize(
    ("args", "filters"),
    [
        (["--metric", "desertion"], {"metric": ["desertion"]}),
        (["--metric", "desertion", "--metric", "criminal_case"], {"metric": ["desertion", "criminal_case"]}),
        (["--side", "ukraine", "--no-hedged"], {"side": ["ukraine"], "hedged": False}),
        (["--hedged"], {"hedged": True}),
        (["--claimant", "zakharova"], {"claimant": "zakharova"}),
        (["--outlet", "welt"], {"outlet": "welt"}),
        (["--since", "2025-09-13", "--until", "2025-11-08"], {"since": "2025-09-13", "until": "2025-11-08"}),
        (["--search", "soldiers OR servicemen"], {"search": "soldiers OR servicemen"}),
    ],
)
def test_claim_filters_on_the_command_line(filled_url: str, args: list[str], filters: dict) -> None:
    from datetime import date

    filters = dict(filters)
    for key in ("since", "until"):
        if key in filters:
            filters[key] = date.fromisoformat(filters[key])
    with open_ledger(filled_url) as ledger:
        expected = [r.id for r in ledger.claims(**filters)]
    result = run("claims", "--db", filled_url, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected
    exported = run("export", "--db", filled_url, "-f", "jsonl", "-o", "/dev/stdout", *args)
    assert exported.exit_code == 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["claims", "--metric", "bogus"], 1, "Error: [H305] --metric: unknown metric 'bogus'"),
        (["claims", "--search", "-only"], 1, "Error: [H305] --search: '-only' has no word to look for"),
        (["show", "999999"], 1, "Error: [H304] claim 999999: not in this ledger"),
        (["show-article", "999999"], 1, "Error: [H304] article 999999: not in this ledger"),
        (["claims", "--since", "yesterday"], 2, "Invalid value for '--since'"),
        (["export", "-f", "xlsx", "-o", "x.xlsx"], 2, "Invalid value for '--format'"),
    ],
)
def test_errors_are_one_line_on_stderr(filled_url: str, args: list[str], code: int, message: str) -> None:
    # Through the real entry point: main() turns library errors into "Error: …" and exit 1.
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "from headcount.cli import main; main()", *args, "--db", filled_url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == code
    assert message in done.stderr
    assert done.stderr.count("\n") <= (1 if code == 1 else 10)
    assert "Traceback" not in done.stderr


def test_show_gives_the_sentence_article_and_attribution_chain(filled_url: str) -> None:
    with open_ledger(filled_url) as ledger:
        record = next(r for r in ledger.claims() if r.claim.via)
        article = ledger.article(record.article_id)
    result = run("show", str(record.id), "--db", filled_url)
    assert result.exit_code == 0, result.output
    out = result.stdout
    c = record.claim
    assert f"Claim {record.id}" in out
    assert " ".join(article.article.body[c.sentence_start : c.sentence_end].split()) in " ".join(out.split())
    chain = " → ".join([c.claimant, *c.via, article.article.outlet or "this article"])
    assert chain in " ".join(out.split())
    for value in (c.metric, c.side, article.article.url, article.article.published.isoformat()):
        assert value in out


def test_show_article_marks_every_figure(filled_url: str) -> None:
    with open_ledger(filled_url) as ledger:
        article = ledger.articles()[0]
        records = ledger.claims(article_id=article.id)
    result = run("show-article", str(article.id), "--db", filled_url)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    for r in records:
        assert f"{r.claim.figure}[#{r.id} {r.claim.metric}]" in flat
    assert article.article.title in result.stdout


def test_figures_are_highlighted_and_article_text_is_never_markup(filled_url: str) -> None:
    with open_ledger(filled_url) as ledger:
        record = ledger.claims()[0]
    c = record.claim
    body = "[bold]not markup[/bold] " + "x" * c.sentence_start
    body = body[: c.sentence_start] + c.quote
    shifted = c.start - c.sentence_start
    sentence = highlighted_sentence(body, c)
    assert sentence.plain == c.quote
    [span] = sentence.spans
    assert (span.start, span.end, str(span.style)) == (shifted, shifted + len(c.figure), "bold reverse")
    marked = marked_body("[red]x[/red] " + c.figure, [_at(record, 13)])
    assert marked.plain == f"[red]x[/red] {c.figure}[#{record.id} {c.metric}]"


def _at(record, start: int):  # type: ignore[no-untyped-def]
    import dataclasses

    claim = dataclasses.replace(record.claim, start=start, end=start + len(record.claim.figure))
    return dataclasses.replace(record, claim=claim)


def test_articles_lists_and_searches(filled_url: str) -> None:
    result = run("articles", "--db", filled_url, "--format", "jsonl", "--search", "amnesty")
    assert result.exit_code == 0
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == ["tass-security-source.txt"]
    table = run("articles", "--db", filled_url, "--format", "table")
    assert table.stdout.rstrip().endswith("4 articles")
    as_csv = run("articles", "--db", filled_url, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(as_csv.stdout)))) == 4


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_writes_a_file(filled_url: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"claims.{fmt}"
    result = run("export", "--db", filled_url, "--format", fmt, "-o", str(out), "--metric", "desertion")
    assert result.exit_code == 0, result.output
    with open_ledger(filled_url) as ledger:
        n = len(ledger.claims(metric="desertion"))
    assert result.stdout.strip() == f"{n} claims written to {out} ({fmt})"
    assert out.stat().st_size > 0


@pytest.mark.parametrize("command", COMMANDS)
def test_every_ledger_command_is_documented(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = (ROOT / "docs" / "ledger.md").read_text(encoding="utf-8")
    assert f"headcount {command}" in readme
    assert f"headcount {command}" in docs
    assert run(command, "--help").exit_code == 0


def test_the_size_cap_can_be_set_on_the_command_line(ledger_url: str, sample_paths) -> None:
    size = sample_paths[0].stat().st_size
    result = run("ingest", str(sample_paths[0]), "--db", ledger_url, "--max-bytes", str(size - 1))
    assert result.exit_code == 1
    assert f"[H108] {sample_paths[0]}: {size:,} bytes is over the {size - 1:,}-byte size cap" in result.stderr
    assert run("ingest", str(sample_paths[0]), "--db", ledger_url, "--max-bytes", str(size)).exit_code == 0


@pytest.mark.parametrize("command", ["claims", "articles", "show", "show-article", "export"])
def test_queries_do_not_create_a_ledger(tmp_path: Path, command: str) -> None:
    import subprocess
    import sys

    path = tmp_path / "none.db"
    args = {"show": ["1"], "show-article": ["1"], "export": ["-o", str(tmp_path / "x.csv")]}.get(command, [])
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from headcount.cli import main; main()",
            command,
            *args,
            "--db",
            f"sqlite:///{path}",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    hint = "no ledger here yet; fill one with `headcount ingest SOURCE...` or give --db"
    assert done.stderr.strip() == f"Error: [H301] {path}: {hint}"
    assert not path.exists()


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the real command with stdout and stderr on a pseudo-terminal; its exit code and all
    it wrote (escape sequences included)."""
    import os
    import pty
    import subprocess
    import sys

    controller, terminal = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from headcount.cli import main; main()", *args],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, **env, "TERM": "xterm-256color", "COLUMNS": "120"},
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_ingest_shows_a_progress_bar_on_a_terminal(tmp_path: Path, sample_paths) -> None:
    url = f"sqlite:///{tmp_path / 'tty.db'}"
    names = [str(p) for p in sample_paths]
    code, shown = _on_a_terminal(["ingest", *names, "--db", url], {})
    assert code == 0, shown
    assert "Ingesting" in shown and f"{len(names)}/{len(names)}" in shown
    assert f"{len(names)} new articles, 0 unchanged" in shown
    # Not on a pipe: the output a script reads is the summary alone (see the test above).
    piped = run("ingest", *names, "--db", url)
    assert "Ingesting" not in piped.output
