"""The ``headcount`` command line: a thin shell over the library.

Errors go to stderr as ``Error: [code] source: reason`` with exit code 1 (2 for usage errors);
the other inputs of a batch are still processed.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from headcount import __version__
from headcount.errors import HeadcountError
from headcount.model import Claim

app = typer.Typer(
    name="headcount",
    help="Turn war reporting into a ledger of contested figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _error(message: str) -> None:
    err.print(Text(f"Error: {message}", style="red"), highlight=False)


def _version(value: bool) -> None:
    if value:
        console.print(f"headcount {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Turn war reporting into a ledger of contested figures."""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders of them.")],
    fmt: Annotated[
        ExtractFormat | None,
        typer.Option("--format", "-f", help="jsonl (one claim per line) or table; table on a terminal."),
    ] = None,
) -> None:
    """Extract every figure from articles as claims (no ledger needed)."""
    from headcount.pipeline import extract_paths

    fmt = fmt or (ExtractFormat.table if sys.stdout.isatty() else ExtractFormat.jsonl)
    failed = 0
    claims: list[Claim] = []
    for result in extract_paths(paths):
        if result.rejection is not None:
            failed += 1
            _error(str(result.rejection))
            continue
        if fmt is ExtractFormat.jsonl:
            for c in result.claims:
                sys.stdout.write(json.dumps(c.to_schema(), ensure_ascii=False) + "\n")
        else:
            claims.extend(result.claims)
    if fmt is ExtractFormat.table:
        console.print(claims_table(claims))
        console.print(f"{len(claims)} claims", style="dim")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def claims_table(claims: list[Claim], *, title: str | None = None) -> Table:
    """A readable table of claims; article text is shown as plain text, never as markup."""
    table = Table(title=title, show_lines=False, expand=False, header_style="bold")
    for name, kw in (
        ("doc", {"overflow": "fold", "max_width": 18}),
        ("figure", {"style": "bold"}),
        ("value", {"justify": "right"}),
        ("kind", {}),
        ("metric", {}),
        ("side", {}),
        ("period", {}),
        ("claimant ← via", {"overflow": "fold", "max_width": 40}),
        ("hedged", {}),
    ):
        table.add_column(name, **kw)  # type: ignore[arg-type]
    for c in claims:
        table.add_row(
            Text(c.doc),
            Text(c.figure),
            Text(format_value(c)),
            Text(c.kind),
            Text(c.metric),
            Text(c.side),
            Text(format_period(c)),
            Text(c.claimant + "".join(f" ← {v}" for v in c.via)),
            Text("hedged", style="yellow") if c.hedged else Text(""),
        )
    return table


def format_value(c: Claim) -> str:
    def n(v: float | None) -> str:
        if v is None:
            return "…"
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    unit = (
        "%"
        if c.kind in ("share",)
        or (c.kind == "change" and (c.low or c.high or 0) > 10 and "fold" not in c.figure)
        else ""
    )
    if c.bound == "range":
        body = f"{n(c.low)}–{n(c.high)}"
    elif c.bound == "over":
        body = f"> {n(c.low)}"
    elif c.bound == "under":
        body = f"< {n(c.high)}"
    elif c.bound == "approx":
        body = f"≈ {n(c.low)}"
    else:
        body = n(c.low)
    return body + unit + (f" /{c.per}" if c.per else "")


def format_period(c: Claim) -> str:
    if not c.period_start and not c.period_end:
        return ""
    start = c.period_start.isoformat() if c.period_start else "…"
    end = c.period_end.isoformat() if c.period_end else "…"
    return f"{start} → {end}"


@app.command("eval")
def eval_cmd(
    articles_dir: Annotated[Path, typer.Argument(help="Folder holding the gold file's articles.")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold claims, one JSON object per line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show: Annotated[int, typer.Option(help="How many field errors to list.")] = 20,
) -> None:
    """Score the extractor against a gold file: detection P/R/F1 and accuracy per field."""
    from headcount.evaluation import FIELDS, evaluate

    report = evaluate(gold, articles_dir)
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    t = Table(title="Detection", header_style="bold")
    for col in ("gold", "predicted", "matched", "precision", "recall", "F1"):
        t.add_column(col, justify="right")
    t.add_row(
        str(report.gold),
        str(report.predicted),
        str(report.matched),
        f"{report.precision:.3f}",
        f"{report.recall:.3f}",
        f"{report.f1:.3f}",
    )
    console.print(t)
    ft = Table(title="Accuracy per field (matched claims)", header_style="bold")
    ft.add_column("field")
    ft.add_column("accuracy", justify="right")
    acc = report.field_accuracy()
    for f in FIELDS:
        ft.add_row(f, f"{acc[f]:.3f}")
    console.print(ft)
    console.print(
        Text(
            f"All fields right: {report.all_right}/{report.gold} = {report.all_fields:.3f} of gold claims",
            style="bold",
        )
    )
    for doc, figure in report.missed:
        console.print(Text(f"missed    {doc}: {figure}"))
    for doc, figure, metric in report.spurious:
        console.print(Text(f"spurious  {doc}: {figure} ({metric})"))
    for m in report.mismatches[:show]:
        console.print(
            Text(f"wrong     {m.doc}: {m.figure} {m.field}: expected {m.expected!r}, got {m.got!r}")
        )
    for p in report.problems:
        _error(p)


def main() -> None:
    """Console-script entry point: library errors become one-line messages with exit code 1."""
    try:
        app()
    except HeadcountError as exc:
        _error(str(exc))
        sys.exit(1)
