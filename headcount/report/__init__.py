"""The cross-check as a standalone HTML report (``headcount report -o report.html``) and as chart
files (``--charts DIR``).

The report is one file: styles inline, charts as inline SVG, no script, nothing fetched — it opens
from disk, offline, and can be mailed. Per series: a timeline chart, the contradictions, the groups
of agreeing figures and every figure with its chain; then the talking points side by side with
their shared words marked. Templates live in ``headcount/report/templates`` (one page, one partial
per piece) and escape everything from the ledger (Jinja2 autoescape).

Modules: ``timeline`` (the chart as data), ``svg`` and ``charts`` (its two renderers), ``view``
(what each part of the page shows).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup

from headcount.actors import Registry, UnknownName
from headcount.narratives.records import Narratives
from headcount.reconcile.records import Comparison
from headcount.reconcile.settings import ReconcileSettings
from headcount.report.svg import svg_defs
from headcount.report.view import report_view

if TYPE_CHECKING:
    from headcount.store import Ledger

log = logging.getLogger(__name__)


def _environment():  # type: ignore[no-untyped-def]
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("headcount.report", "templates"),
        autoescape=select_autoescape(("html",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(
    comparison: Comparison,
    narratives: Narratives | None = None,
    *,
    title: str = "Cross-check of contested figures",
    source: str = "",
    unknown: Sequence[UnknownName] = (),
    articles: int | None = None,
    generated: datetime | None = None,
) -> str:
    """The report as one HTML string."""
    view = report_view(
        comparison,
        narratives,
        title=title,
        source=source,
        unknown=unknown,
        articles=articles,
        generated=generated,
    )
    return _environment().get_template("report.html").render(view=view, defs=Markup(svg_defs()))


@dataclass(frozen=True, slots=True)
class ReportResult:
    """What :func:`build_report` wrote and found."""

    path: Path
    charts: tuple[Path, ...]
    comparison: Comparison
    narratives: Narratives


def build_report(
    ledger: Ledger,
    output: Path | str,
    *,
    metric: str | Sequence[str] | None = None,
    side: str | Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    registry: Registry | None = None,
    settings: ReconcileSettings | None = None,
    charts: Path | str | None = None,
    title: str | None = None,
) -> ReportResult:
    """Cross-check the ledger (filtered like ``compare``), find its talking points, and write the
    report to ``output`` (and a PNG and an SVG per series to ``charts``, when given).

    The articles are read once: republished copies found among them are counted once by the
    comparison and left out of the talking points.
    """
    from headcount.actors import default_registry, unknown_names
    from headcount.narratives import find_narratives
    from headcount.reconcile import compare
    from headcount.reconcile.settings import default_settings
    from headcount.store.crosscheck import iter_documents
    from headcount.store.engine import display_url

    settings = settings or default_settings()
    registry = registry or default_registry()
    records = ledger.claims(metric=metric or None, side=side or None, window=(since, until))
    # Talking points are looked for in every article published in the window (an article with no
    # figure can carry one), plus those that hold the figures compared.
    documents = list(iter_documents(ledger, since=since, until=until))
    held = {d.id for d in documents}
    documents += iter_documents(ledger, sorted({r.article_id for r in records} - held))
    narratives = find_narratives(documents)
    comparison = compare(
        records, registry=registry, settings=settings, copies=narratives.republications.copy_of
    )
    unknown = unknown_names(records, registry, ignore=settings.self_claimants, vague=settings.vague_claimants)
    html = render_report(
        comparison,
        narratives,
        title=title or _title(metric, side),
        source=display_url(ledger.url).removeprefix("sqlite:///"),
        unknown=unknown,
        articles=len(documents),
    )
    path = Path(output)
    path.write_text(html, encoding="utf-8")
    written: tuple[Path, ...] = ()
    if charts is not None:
        from headcount.report.charts import write_charts

        written = tuple(write_charts(comparison, charts))
    log.info(
        "report written to %s (%d series, %d talking points)",
        path,
        len(comparison.series),
        len(narratives.talking_points),
    )
    return ReportResult(path, written, comparison, narratives)


def _title(metric: str | Sequence[str] | None, side: str | Sequence[str] | None) -> str:
    from headcount.reconcile.labels import SIDE_LABELS, metric_label

    metrics = [metric] if isinstance(metric, str) else list(metric or [])
    sides = [side] if isinstance(side, str) else list(side or [])
    if not metrics and not sides:
        return "Cross-check of contested figures"
    what = " and ".join(metric_label(m) for m in metrics) or "Contested figures"
    whose = " and ".join(SIDE_LABELS.get(s, s).lower() for s in sides)
    return f"{what}{': ' + whose if whose else ''} — the figures cross-checked"


__all__ = ["ReportResult", "build_report", "render_report"]
