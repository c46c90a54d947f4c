"""The ``headcount`` command line: a thin shell over the library.

Errors go to stderr as ``Error: [code] source: reason`` with exit code 1 (2 for usage errors);
the other inputs of a batch are still processed.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from headcount import __version__
from headcount.errors import HeadcountError
from headcount.model import Claim, IngestSummary, LedgerClaim
from headcount.values import value_text

if TYPE_CHECKING:
    from headcount.store import Ledger

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
    # soft_wrap: one message, one line, whatever the terminal width (so it can be grepped).
    err.print(Text(f"Error: {message}", style="red"), highlight=False, soft_wrap=True)


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
        console.print(f"{len(claims)} claim{'' if len(claims) == 1 else 's'}", style="dim")
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
            Text(value_text(c)),
            Text(c.kind),
            Text(c.metric),
            Text(c.side),
            Text(format_period(c)),
            Text(c.claimant + "".join(f" ← {v}" for v in c.via)),
            Text("hedged", style="yellow") if c.hedged else Text(""),
        )
    return table


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


# --- The ledger: ingest, query, show and export --------------------------------------------------

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="HEADCOUNT_DB",
        help="Ledger database URL: sqlite:///path.db or postgresql+psycopg://user@host/db. "
        "Default: headcount.db in the working folder.",
        show_default=False,
    ),
]


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    claimreview = "claimreview"


def _open(db: str | None, *, create: bool = False) -> Ledger:
    """The ledger; only `ingest` creates one (a query in the wrong folder should say so, not
    leave an empty headcount.db behind)."""
    from headcount.ledger import open_ledger

    return open_ledger(db, create=create)


@app.command()
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) and URLs (fetched) to ingest.")
    ],
    db: DbOption = None,
    reextract: Annotated[
        bool,
        typer.Option("--reextract", help="Re-extract articles whose claims come from an older extractor."),
    ] = False,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            min=1,
            help="Size cap per file, page, JSONL line or WARC record (default 20 MB, HEADCOUNT_MAX_BYTES).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            min=0.1,
            help="Seconds a URL may take (default 20, HEADCOUNT_TIMEOUT).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read articles from files, folders, URLs, feeds, JSONL and WARC into the ledger."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from headcount.config import Settings
    from headcount.ledger import ingest as run_ingest

    with _open(db, create=True) as ledger:
        progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[current]}", style="dim"),
            console=err,
            transient=True,
        )
        task = None

        def on_progress(done: int, total: int, location: str) -> None:
            nonlocal task
            if total <= 1 or not err.is_terminal:  # a bar for batches, on a terminal only
                return
            if task is None:
                progress.start()
                task = progress.add_task("Ingesting", total=total, current="")
            progress.update(task, completed=done, current=Path(location).name if location else "")

        settings = Settings.from_env()
        if max_bytes is not None:
            settings = dataclasses.replace(settings, max_bytes=max_bytes)
        if timeout is not None:
            settings = dataclasses.replace(settings, timeout=timeout)
        try:
            summary = run_ingest(
                ledger, sources, reextract=reextract, settings=settings, on_progress=on_progress
            )
        finally:
            if task is not None:
                progress.stop()
        console.print(Text(ingest_summary_line(summary, display_db(ledger.url))), soft_wrap=True)
        for note in summary.notes:
            console.print(Text(note, style="dim"))
        for rejection in summary.rejections:
            _error(str(rejection))
    if summary.rejections:
        raise typer.Exit(1)


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def ingest_summary_line(summary: IngestSummary, where: str) -> str:
    """``4 new articles, 0 unchanged; 13 claims stored; 0 inputs rejected. Ledger: headcount.db``"""
    parts = [_n(summary.new, "new article"), f"{summary.unchanged:,} unchanged"]
    if summary.reextracted:
        parts.append(f"{summary.reextracted:,} re-extracted")
    return (
        ", ".join(parts)
        + f"; {_n(summary.claims, 'claim')} stored; {_n(len(summary.rejections), 'input')} rejected."
        + f" Ledger: {where}"
    )


def display_db(url: str) -> str:
    """The ledger URL as shown to people: the file for SQLite, no password for PostgreSQL."""
    from headcount.store.engine import display_url

    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    return display_url(url)


def _claim_filters(
    metric: list[str] | None,
    side: list[str] | None,
    claimant: str | None,
    outlet: str | None,
    since: datetime | None,
    until: datetime | None,
    hedged: bool | None,
    search: str | None,
) -> dict[str, Any]:
    return {
        "metric": metric or None,
        "side": side or None,
        "claimant": claimant,
        "outlet": outlet,
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "hedged": hedged,
        "search": search,
    }


MetricOption = Annotated[
    list[str] | None,
    typer.Option("--metric", help="Only this metric (repeat for several).", show_default=False),
]
SideOption = Annotated[
    list[str] | None, typer.Option("--side", help="Only this side (repeat for several).", show_default=False)
]
ClaimantOption = Annotated[
    str | None, typer.Option(help="Part of the claimant's or an intermediary's name.", show_default=False)
]
OutletOption = Annotated[str | None, typer.Option(help="Part of the outlet's name.", show_default=False)]
SinceOption = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"], help="Articles published on or after (YYYY-MM-DD).", show_default=False
    ),
]
UntilOption = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"], help="Articles published on or before (YYYY-MM-DD).", show_default=False
    ),
]
HedgedOption = Annotated[
    bool | None,
    typer.Option("--hedged/--no-hedged", help="Only hedged (or only unhedged) claims.", show_default=False),
]
SearchOption = Annotated[
    str | None,
    typer.Option(
        help='Words in the claim\'s sentence: all must occur; "a phrase", OR, -word.', show_default=False
    ),
]


@app.command("claims")
def claims_cmd(
    db: DbOption = None,
    metric: MetricOption = None,
    side: SideOption = None,
    claimant: ClaimantOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    hedged: HedgedOption = None,
    search: SearchOption = None,
    history: Annotated[
        bool, typer.Option("--history", help="Include claims of older extractor versions.")
    ] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many claims.", show_default=False)] = None,
    fmt: Annotated[
        QueryFormat | None,
        typer.Option("--format", "-f", help="table, jsonl or csv; table on a terminal, else jsonl."),
    ] = None,
) -> None:
    """List the ledger's claims, filtered."""
    from headcount.export import export_claims

    fmt = fmt or (QueryFormat.table if sys.stdout.isatty() else QueryFormat.jsonl)
    filters = _claim_filters(metric, side, claimant, outlet, since, until, hedged, search)
    with _open(db) as ledger:
        if fmt is QueryFormat.table:
            records = ledger.claims(**filters, history=history, limit=limit)
            console.print(ledger_claims_table(records, width=console.width))
            console.print(f"{len(records)} claims", style="dim", highlight=False)
            return
        export_claims(ledger.iter_claims(**filters, history=history, limit=limit), fmt.value, sys.stdout)
    sys.stdout.flush()


def ledger_claims_table(records: list[LedgerClaim], *, width: int = 160) -> Table:
    """Stored claims as a table, with their ids; article text shown as plain text, never markup.
    Below ``WIDE`` columns the publication date and outlet are left out (``show`` has them)."""
    from rich import box

    # Short columns do not wrap on a wide terminal; the figure and the attribution take what is
    # left. The outlet is in `show` and the other formats: in a table its long names would
    # squeeze everything else. Narrower terminals drop the publication date, then the period.
    wide = width >= WIDE
    fixed: dict[str, Any] = {"no_wrap": wide}
    spec: list[tuple[str, dict[str, Any], int]] = [
        ("id", {"no_wrap": True, "justify": "right"}, 0),
        ("published", fixed, WIDE + 30),
        ("figure", {"style": "bold", "min_width": 10}, 0),
        ("value", {**fixed, "justify": "right"}, 0),
        ("metric", fixed, 0),
        ("side", fixed, 0),
        ("period", fixed, WIDE),
        ("claimant ← via", {"min_width": 16 if wide else 10}, 0),
        ("hedged", {"no_wrap": True}, 0),
    ]
    shown = [(name, kw) for name, kw, from_width in spec if width >= from_width]
    table = Table(header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
    for name, kw in shown:
        table.add_column(name, **kw)
    for r in records:
        c = r.claim
        cells = {
            "id": Text(str(r.id)),
            "published": Text(r.published.isoformat() if r.published else ""),
            "figure": Text(c.figure),
            "value": Text(value_text(c)),
            "metric": Text(c.metric),
            "side": Text(c.side),
            "period": Text(format_period(c)),
            "claimant ← via": Text(c.claimant + "".join(f" ← {v}" for v in c.via)),
            "hedged": Text("yes", style="yellow") if c.hedged else Text(""),
        }
        table.add_row(*(cells[name] for name, _ in shown))
    return table


#: Terminal width from which ``claims`` shows the period (and from WIDE + 30 the publication date).
WIDE = 110


@app.command()
def show(
    claim_id: Annotated[int, typer.Argument(help="The claim's id (the first column of `headcount claims`).")],
    db: DbOption = None,
) -> None:
    """One claim: its sentence with the figure highlighted, the article and the attribution chain."""
    with _open(db) as ledger:
        record = ledger.claim(claim_id)
        stored = ledger.article(record.article_id)
    c = record.claim
    sentence = highlighted_sentence(stored.article.body, c)
    status = "current" if record.current else "history: an older extractor's claim"
    console.print(
        Text(f"Claim {record.id}", style="bold") + Text(f"  ({c.extractor}, {status})", style="dim")
    )
    console.print(sentence)
    console.print()
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    chain = Text(c.claimant, style="bold")
    for step in c.via:
        chain.append(" → ")
        chain.append(step)
    chain.append(" → ")
    chain.append(stored.article.outlet or "this article", style="italic")
    for label, value in (
        ("figure", Text(c.figure)),
        ("value", Text(f"{value_text(c)}  ({c.bound}, {c.kind})")),
        ("metric", Text(c.metric)),
        ("side", Text(c.side)),
        ("period", Text(format_period(c) or "not stated")),
        ("hedged", Text("yes: the text marks it unverified", style="yellow") if c.hedged else Text("no")),
        ("attribution", chain),
        ("article", Text(f"{stored.id}: {stored.article.title or stored.article.doc}")),
        ("outlet", Text(stored.article.outlet or "")),
        ("published", Text(stored.article.published.isoformat() if stored.article.published else "")),
        ("url", Text(stored.article.url or "")),
        ("source", Text(stored.article.source or "")),
        ("offsets", Text(f"characters {c.start}–{c.end} of the body")),
    ):
        facts.add_row(label, value)
    console.print(facts)


@app.command("articles")
def articles_cmd(
    db: DbOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    language: Annotated[str | None, typer.Option(help="Only this language (ISO 639-1).")] = None,
    search: Annotated[
        str | None,
        typer.Option(help='Words in the title or body: all must occur; "a phrase", OR, -word.'),
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many articles.", show_default=False)] = None,
    fmt: Annotated[
        QueryFormat | None,
        typer.Option("--format", "-f", help="table, jsonl or csv; table on a terminal, else jsonl."),
    ] = None,
) -> None:
    """List the ledger's articles, filtered."""
    import csv

    fmt = fmt or (QueryFormat.table if sys.stdout.isatty() else QueryFormat.jsonl)
    with _open(db) as ledger:
        records = ledger.articles(
            outlet=outlet,
            since=since.date() if since else None,
            until=until.date() if until else None,
            language=language,
            search=search,
            limit=limit,
        )
    if fmt is QueryFormat.table:
        table = Table(header_style="bold")
        for name in ("id", "published", "outlet", "title", "language", "claims"):
            table.add_column(name, overflow="fold", justify="right" if name in ("id", "claims") else "left")
        for r in records:
            a = r.article
            table.add_row(
                Text(str(r.id)),
                Text(a.published.isoformat() if a.published else ""),
                Text(a.outlet or ""),
                Text(a.title or a.doc),
                Text(a.language or ""),
                Text(str(r.claim_count)),
            )
        console.print(table)
        console.print(f"{len(records)} articles", style="dim", highlight=False)
        return
    rows = [r.to_dict() for r in records]
    if fmt is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(sys.stdout)
        if rows:
            writer.writerow(rows[0].keys())
        for row in rows:
            writer.writerow(["" if v is None else v for v in row.values()])
    sys.stdout.flush()


@app.command("show-article")
def show_article(
    article_id: Annotated[
        int, typer.Argument(help="The article's id (the first column of `headcount articles`).")
    ],
    db: DbOption = None,
) -> None:
    """One article: its metadata and its body with every figure marked by its claim id."""
    with _open(db) as ledger:
        stored = ledger.article(article_id)
        records = ledger.claims(article_id=article_id)
    a = stored.article
    console.print(Text(a.title or a.doc, style="bold"))
    meta = [a.outlet, a.published.isoformat() if a.published else None, a.language, a.url]
    console.print(Text(" · ".join(m for m in meta if m), style="dim"))
    console.print(
        Text(
            f"article {stored.id}, {stored.claim_count} claims ({stored.extractor}), from {a.source}",
            style="dim",
        )
    )
    console.print()
    console.print(marked_body(a.body, records))


FIGURE_STYLE = "bold reverse"


def highlighted_sentence(body: str, c: Claim) -> Text:
    """The claim's sentence with its figure highlighted (plain text: article markup is inert)."""
    sentence = Text(body[c.sentence_start : c.sentence_end])
    sentence.stylize(FIGURE_STYLE, c.start - c.sentence_start, c.end - c.sentence_start)
    return sentence


def marked_body(body: str, records: list[LedgerClaim]) -> Text:
    """An article body with every figure highlighted and followed by ``[#claim-id metric]``."""
    out = Text()
    cursor = 0
    for r in sorted(records, key=lambda r: r.claim.start):
        c = r.claim
        if c.start < cursor:  # overlapping figures: the first one is marked
            continue
        out.append(body[cursor : c.start])
        out.append(body[c.start : c.end], style=FIGURE_STYLE)
        out.append(f"[#{r.id} {c.metric}]", style="cyan")
        cursor = c.end
    out.append(body[cursor:])
    return out


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv, jsonl, parquet or claimreview.")
    ] = ExportFormat.csv,
    db: DbOption = None,
    metric: MetricOption = None,
    side: SideOption = None,
    claimant: ClaimantOption = None,
    outlet: OutletOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    hedged: HedgedOption = None,
    search: SearchOption = None,
    history: Annotated[
        bool, typer.Option("--history", help="Include claims of older extractor versions.")
    ] = False,
) -> None:
    """Write the ledger's claims (with the same filters as `claims`) to a CSV, JSONL or Parquet file,
    or its reviewed claims as schema.org ClaimReview JSON-LD (--format claimreview)."""
    from headcount.export import export_claims

    filters = _claim_filters(metric, side, claimant, outlet, since, until, hedged, search)
    with _open(db) as ledger:
        if fmt is ExportFormat.claimreview:
            from headcount.export.claimreview import write_ledger

            count = write_ledger(ledger, output, **filters)
        else:
            count = export_claims(ledger.iter_claims(**filters, history=history), fmt.value, output)
    console.print(Text(f"{count} claims written to {output} ({fmt.value})"), soft_wrap=True)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Folders, JSONL and WARC files: local paths or fsspec URLs (s3://…)."),
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="Output folder (local path or fsspec URL).")],
    scheduler: Annotated[
        str,
        typer.Option(
            help="local (a cluster on this machine), sync (no Dask) or a scheduler address (tcp://HOST:8786)."
        ),
    ] = "local",
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Worker processes of a local cluster (default: one per core); with an address, "
            "wait for this many workers.",
            show_default=False,
        ),
    ] = None,
    partition_mb: Annotated[
        float, typer.Option("--partition-mb", min=0.001, help="MB of input per partition (one task).")
    ] = 4.0,
    narratives: Annotated[
        bool,
        typer.Option("--narratives", help="Then cluster repeated passages over the output (MinHash LSH)."),
    ] = False,
    max_bytes: Annotated[
        int | None,
        typer.Option(
            "--max-bytes",
            min=1,
            help="Size cap per file, page, JSONL line or WARC record (default 20 MB, HEADCOUNT_MAX_BYTES).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract articles on a Dask cluster into Parquet datasets (articles, claims, rejections)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from headcount.batch import BatchProgress, run_batch
    from headcount.config import Settings

    settings = Settings.from_env()
    if max_bytes is not None:
        settings = dataclasses.replace(settings, max_bytes=max_bytes)
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[rate]}", style="dim"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = progress.add_task("Partitions", total=None, rate="")

    def on_progress(p: BatchProgress) -> None:
        rate = f"{p.articles:,} articles, {p.claims:,} claims"
        if p.seconds > 0:
            rate += f", {p.articles / p.seconds:,.0f} articles/s"
        progress.update(task, completed=p.done, total=p.total, rate=rate)

    with progress:
        summary = run_batch(
            inputs,
            out,
            scheduler=scheduler,
            workers=workers,
            settings=settings,
            partition_bytes=max(1, int(partition_mb * 1024 * 1024)),
            on_progress=on_progress,
        )
    console.print(Text(batch_summary_line(summary)), soft_wrap=True)
    if summary.totals["rejections"]:
        from headcount.batch.output import first_rejections
        from headcount.model import Rejection

        shown = first_rejections(out, BATCH_REJECTIONS_SHOWN)
        for row in shown:
            err.print(
                Text(str(Rejection(row["source"], row["code"], row["reason"], row["line"]))), soft_wrap=True
            )
        if summary.totals["rejections"] > len(shown):
            err.print(
                Text(
                    f"… and {summary.totals['rejections'] - len(shown):,} more in {out}/rejections",
                    style="dim",
                ),
                soft_wrap=True,
            )
    for failure in summary.failures:
        _error(failure)
    if narratives:
        from headcount.batch.narratives import run_narratives

        found = run_narratives(out, scheduler=scheduler, workers=workers)
        console.print(
            Text(
                f"{found.clusters:,} clusters of repeated passages among {found.passages:,} passages "
                f"({found.candidate_pairs:,} candidate pairs) in {out}/narratives"
            ),
            soft_wrap=True,
        )
    if summary.failures:
        raise typer.Exit(1)


#: Rejections ``headcount batch`` lists on stderr (the rest are in the output's rejections dataset).
BATCH_REJECTIONS_SHOWN = 10


def batch_summary_line(summary: Any) -> str:
    """``12,000 articles, 31,000 claims, 4 rejections in 40.1 s (299 articles/s, 2 workers) …``"""
    line = (
        f"{_n(summary.articles, 'article')}, {_n(summary.claims, 'claim')}, "
        f"{_n(summary.rejections, 'rejection')} in {summary.seconds:,.1f} s "
        f"({summary.articles_per_second:,.0f} articles/s, {_n(summary.workers, 'worker')}); "
        f"{summary.written:,} of {summary.partitions:,} partitions written"
    )
    if summary.skipped:
        line += f", {summary.skipped:,} done before"
    t = summary.totals
    return (
        line + f". Batch: {t['articles']:,} articles, {t['claims']:,} claims, {t['rejections']:,} rejections "
        f"in {summary.out}"
    )


@app.command()
def load(
    folder: Annotated[str, typer.Argument(help="The --out folder of headcount batch (path or fsspec URL).")],
    db: DbOption = None,
) -> None:
    """Load a batch's output into the ledger (bulk COPY on PostgreSQL); loading twice changes nothing."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from headcount.batch import LoadProgress, load_batch

    with _open(db, create=True) as ledger:
        progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        task = progress.add_task("Loading partitions", total=None)

        def on_progress(p: LoadProgress) -> None:
            progress.update(task, completed=p.done, total=p.total)

        with progress:
            summary = load_batch(ledger, folder, on_progress=on_progress)
        where = display_db(ledger.url)
    line = (
        f"{_n(summary.new, 'new article')}, {summary.unchanged:,} unchanged; {_n(summary.claims, 'claim')} "
        f"stored; {_n(summary.rejected, 'rejection')} recorded; {summary.loaded:,} partitions loaded, "
        f"{summary.skipped:,} loaded before. Ledger: {where}"
    )
    console.print(Text(line), soft_wrap=True)
    if summary.pending:
        console.print(
            Text(
                f"{summary.pending:,} partitions of the batch are not finished: run the same "
                "headcount batch again, then load again.",
                style="yellow",
            ),
            soft_wrap=True,
        )


# --- The cross-check: compare, narratives, report, actors ------------------------------------------


class CompareFormat(StrEnum):
    table = "table"
    json = "json"


class ActorsFormat(StrEnum):
    table = "table"
    json = "json"
    toml = "toml"


ActorsOption = Annotated[
    Path | None,
    typer.Option(
        "--actors",
        envvar="HEADCOUNT_ACTORS",
        help="Your actors file (format of headcount/data/actors.toml): extends and overrides the registry.",
        show_default=False,
    ),
]
WindowSince = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"],
        help="Only figures whose period reaches on or after this date (YYYY-MM-DD).",
        show_default=False,
    ),
]
WindowUntil = Annotated[
    datetime | None,
    typer.Option(
        formats=["%Y-%m-%d"],
        help="Only figures whose period starts on or before this date (YYYY-MM-DD).",
        show_default=False,
    ),
]
ToleranceOption = Annotated[
    float | None,
    typer.Option(
        "--tolerance",
        help="Share each figure may be off by before two contradict (default 0.1, data/reconcile.toml).",
        show_default=False,
    ),
]


def _registry(actors: Path | None) -> Any:
    from headcount.actors import registry_with

    return registry_with(actors)


@app.command("compare")
def compare_cmd(
    db: DbOption = None,
    metric: MetricOption = None,
    side: SideOption = None,
    since: WindowSince = None,
    until: WindowUntil = None,
    fmt: Annotated[
        CompareFormat | None,
        typer.Option("--format", "-f", help="table or json; table on a terminal, else json."),
    ] = None,
    actors: ActorsOption = None,
    tolerance: ToleranceOption = None,
) -> None:
    """Every figure of each series (metric × side) on one scale, with its origin and chain, the
    contradictions and the groups of agreeing figures."""
    from headcount.reconcile import compare_ledger, default_settings

    fmt = fmt or (CompareFormat.table if sys.stdout.isatty() else CompareFormat.json)
    settings = default_settings().with_tolerance(tolerance)
    with _open(db) as ledger:
        comparison = compare_ledger(
            ledger,
            metric=metric or None,
            side=side or None,
            since=since.date() if since else None,
            until=until.date() if until else None,
            registry=_registry(actors),
            settings=settings,
        )
    if fmt is CompareFormat.json:
        sys.stdout.write(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    for series in comparison.series:
        _print_series(series)
    tail = (
        f"{comparison.claims} figures, {len(comparison.series)} series, "
        f"{len(comparison.contradictions)} contradictions, "
        f"{len(comparison.groups)} groups of agreeing figures"
    )
    console.print(Text(tail, style="dim"))


def _print_series(series: Any) -> None:
    """One series as a table, then its warnings, contradictions and groups (all text plain)."""
    from rich import box
    from rich.rule import Rule

    from headcount.reconcile.labels import SIDE_LABELS

    origins = series.origins()
    console.print(
        Rule(
            Text(
                f"{series.label} — {SIDE_LABELS.get(series.side, series.side)}: "
                f"{len(series.entries)} figures, "
                f"{len(origins)} origins",
                style="bold",
            ),
            align="left",
        )
    )
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("figure", min_width=12)
    table.add_column("per month", justify="right", min_width=9)
    table.add_column("period", min_width=10)
    table.add_column("origin ← chain", min_width=16)
    for e in series.entries:
        s, c = e.scaled, e.record.claim
        figure = Text(c.figure, style="bold")
        if c.hedged:
            figure.append(" hedged", style="yellow")
        if e.adversarial:
            figure.append(" other side", style="magenta")
        period = Text(f"{s.start} → {s.end}" if s.start and s.end else (f"stated {s.at}" if s.at else ""))
        if s.start_assumed:
            period.append(" (start assumed)", style="dim")
        table.add_row(
            Text(e.label),
            figure,
            Text(s.per_month.text() if s.per_month else "off the scale"),
            period,
            Text(f"{e.origin.name} ({e.origin.affiliation}): {e.chain_text()}"),
        )
    console.print(table)
    for w in series.warnings:
        console.print(Text(f"! #{w.ref} {w.message}", style="yellow"))
    for x in series.contradictions:
        console.print(
            Text(f"≠ #{x.a.label} vs #{x.b.label} ({x.kind}): ", style="bold red") + Text(x.arithmetic)
        )
    for g in series.groups:
        names = ", ".join(
            f"{o.origin.name} ×{len(o.echoes)}" if len(o.echoes) > 1 else o.origin.name for o in g.origins
        )
        unit = "" if g.basis == "total at a date" else "/month"
        console.print(
            Text(f"= {g.value.text(unit)}: ", style="bold green")
            + Text(
                f"{len(g.origins)} origin(s), weighted {g.independence:g}, {g.articles} article(s): {names}"
            )
        )
    console.print()


@app.command("narratives")
def narratives_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        CompareFormat | None,
        typer.Option("--format", "-f", help="table or json; table on a terminal, else json."),
    ] = None,
) -> None:
    """Passages repeated across articles (talking points, copied copy) and articles republished
    whole, with outlets, dates and the shared words marked."""
    from headcount.narratives import narratives_from_ledger

    fmt = fmt or (CompareFormat.table if sys.stdout.isatty() else CompareFormat.json)
    with _open(db) as ledger:
        found = narratives_from_ledger(
            ledger, since=since.date() if since else None, until=until.date() if until else None
        )
    if fmt is CompareFormat.json:
        sys.stdout.write(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    from rich.rule import Rule

    for t in found.talking_points:
        head = (
            f"{t.id}. {t.kind} · {t.articles} articles · {', '.join(t.outlets)} · first seen "
            f"{t.first_seen or 'date unknown'} · {t.similarity:.0%} shared"
        )
        console.print(Rule(Text(head, style="bold"), align="left"))
        for p in t.passages:
            console.print(
                Text(
                    f"{p.outlet or 'outlet unknown'}, {p.published or 'date unknown'} ({p.doc})", style="dim"
                )
            )
            text = Text()
            for piece, shared in p.segments():
                text.append(piece, style="bold yellow" if shared else "")
            console.print(text)
            console.print()
    for g in found.republications.groups:
        copies = "; ".join(f"{c.outlet or c.doc} ({c.published or 'date unknown'})" for c in g.copies)
        console.print(
            Text(f"republished: {g.original.outlet or g.original.doc} ({g.original.published}) → {copies}")
        )
    console.print(
        Text(
            f"{len(found.talking_points)} talking points, "
            f"{sum(len(g.copies) for g in found.republications.groups)} "
            f"republished copies, {found.documents} articles read",
            style="dim",
        )
    )


@app.command("report")
def report_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    db: DbOption = None,
    metric: MetricOption = None,
    side: SideOption = None,
    since: WindowSince = None,
    until: WindowUntil = None,
    charts: Annotated[
        Path | None,
        typer.Option("--charts", help="Also write a PNG and an SVG chart per series into this folder."),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The report's title.", show_default=False)] = None,
    actors: ActorsOption = None,
    tolerance: ToleranceOption = None,
) -> None:
    """A standalone HTML report (opens offline, from disk): per series a timeline chart, the
    contradictions and agreeing groups; then the talking points."""
    from headcount.reconcile import default_settings
    from headcount.report import build_report

    settings = default_settings().with_tolerance(tolerance)
    with _open(db) as ledger:
        result = build_report(
            ledger,
            output,
            metric=metric or None,
            side=side or None,
            since=since.date() if since else None,
            until=until.date() if until else None,
            registry=_registry(actors),
            settings=settings,
            charts=charts,
            title=title,
        )
    c = result.comparison
    line = (
        f"Report written to {result.path}: {len(c.series)} series, {len(c.contradictions)} contradictions, "
        f"{len(c.groups)} groups, {len(result.narratives.talking_points)} talking points"
    )
    if result.charts:
        line += f"; {len(result.charts)} chart files in {charts}"
    console.print(Text(line), soft_wrap=True)


@app.command("actors")
def actors_cmd(
    db: DbOption = None,
    unknown: Annotated[
        bool,
        typer.Option(
            "--unknown",
            help="List the claimants, intermediaries and outlets of the ledger the registry cannot place.",
        ),
    ] = False,
    fmt: Annotated[
        ActorsFormat,
        typer.Option("--format", "-f", help="table, json, or toml (with --unknown: entries to classify)."),
    ] = ActorsFormat.table,
    actors: ActorsOption = None,
) -> None:
    """The actor registry (who speaks, under which names, with which affiliation), or with
    --unknown the names in the ledger it does not know, to classify."""
    from headcount.actors import actors_template, unknown_names
    from headcount.reconcile import default_settings

    registry = _registry(actors)
    if not unknown:
        if fmt is ActorsFormat.toml:
            raise typer.BadParameter("--format toml lists names to classify: use it with --unknown")
        rows = [
            {
                "name": a.name,
                "kind": a.kind,
                "affiliation": a.affiliation,
                "country": a.country,
                "aliases": list(a.aliases),
            }
            for a in registry.actors
        ]
        if fmt is ActorsFormat.json:
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        table = Table(header_style="bold")
        for name in ("name", "kind", "affiliation", "country", "aliases"):
            table.add_column(name, overflow="fold")
        for r in rows:
            aliases = [a for a in r["aliases"] if a != r["name"]]
            table.add_row(
                *(Text(str(r[k] or "")) for k in ("name", "kind", "affiliation", "country")),
                Text(", ".join(aliases)),
            )
        console.print(table)
        console.print(Text(f"{len(rows)} actors", style="dim"))
        return
    settings = default_settings()
    with _open(db) as ledger:
        found = unknown_names(
            ledger.iter_claims(), registry, ignore=settings.self_claimants, vague=settings.vague_claimants
        )
    if fmt is ActorsFormat.toml:
        sys.stdout.write(actors_template(found))
        return
    if fmt is ActorsFormat.json:
        sys.stdout.write(json.dumps([u.to_dict() for u in found], ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(header_style="bold")
    for name in ("name", "as", "claims", "e.g. claim", "note"):
        table.add_column(
            name, overflow="fold", justify="right" if name in ("claims", "e.g. claim") else "left"
        )
    for u in found:
        table.add_row(
            Text(u.name),
            Text(", ".join(u.roles)),
            Text(str(u.claims)),
            Text(", ".join(map(str, u.examples))),
            Text("names no one" if u.vague else "", style="dim"),
        )
    console.print(table)
    console.print(
        Text(
            f"{len(found)} names the registry does not know; classify them with "
            "`headcount actors --unknown --format toml > mine.toml` and pass --actors mine.toml",
            style="dim",
        ),
        soft_wrap=True,
    )


def _register_dashboard() -> None:
    from headcount.web.commands import register

    register(app)


_register_dashboard()


def main() -> None:
    """Console-script entry point: library errors become one-line messages with exit code 1."""
    try:
        app()
    except HeadcountError as exc:
        _error(str(exc))
        sys.exit(1)
