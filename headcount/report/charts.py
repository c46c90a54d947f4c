"""A PNG and an SVG chart per series (``headcount report --charts DIR``), drawn with matplotlib
from the same chart model as the HTML report's (``timeline``): bars over periods at per-month
values, whiskers for ranges, arrows for open ends, colour by affiliation, hedged figures striped.

Files are named ``<metric>-<side>.png`` / ``.svg``, for a story's graphics desk or a slide.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from headcount.reconcile.labels import SIDE_LABELS
from headcount.reconcile.records import Comparison, fmt
from headcount.report.timeline import AFFILIATION_LABELS, COLOURS, Chart, Mark, timeline, x_domain
from headcount.report.view import _related_groups

log = logging.getLogger(__name__)


def _figure(chart: Chart):  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")  # files only: never a window
    import matplotlib.dates as mdates
    from matplotlib.artist import Artist
    from matplotlib.colors import to_rgba
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    fig = Figure(figsize=(10, 4.2), dpi=150, layout="constrained")
    ax = fig.add_subplot()
    thickness = chart.y_max * 0.018
    for m in sorted(chart.marks, key=lambda m: -(m.end - m.start).days):
        colour = m.colour
        if m.point:
            x = mdates.date2num(m.start)
            ax.plot(
                [x],
                [m.value],
                marker="D",
                markersize=7,
                color=colour,
                markerfacecolor="white" if m.hedged else colour,
            )
            cx = x
        else:
            x0, x1 = mdates.date2num(m.start), mdates.date2num(max(m.end, m.start + timedelta(days=3)))
            cx = (x0 + x1) / 2
            ax.add_patch(
                Rectangle(
                    (x0, m.value - thickness / 2),
                    x1 - x0,
                    thickness,
                    facecolor="white"
                    if m.derived
                    else to_rgba(colour, 0.3 if m.hedged or m.start_assumed else 1.0),
                    edgecolor=colour,
                    hatch="////" if m.hedged else None,
                    linestyle="--" if m.hedged or m.derived else "-",
                    linewidth=1.2,
                )
            )
        if m.low is not None and m.high is not None and m.high > m.low:
            ax.vlines(cx, m.low, m.high, color=colour, linewidth=1.3)
            ax.hlines([m.low, m.high], cx - 3, cx + 3, color=colour, linewidth=1.3)
        arrow = {"arrowstyle": "->", "color": colour, "linestyle": "--"}
        if m.open_high:
            ax.annotate("", xy=(cx, min(chart.y_max, m.value * 1.3)), xytext=(cx, m.value), arrowprops=arrow)
        if m.open_low:
            ax.annotate("", xy=(cx, max(0, m.value * 0.7)), xytext=(cx, m.value), arrowprops=arrow)
    for m, y in _label_heights(chart):
        end = mdates.date2num(m.start if m.point else m.end) + (3 if m.point else 0)
        ax.annotate(
            m.label, (end, y), xytext=(5, -3), textcoords="offset points", fontsize=8, color="#2d333a"
        )
    # Room on the right for the labels of the latest figures.
    span = (chart.x_max - chart.x_min).days
    ax.set_xlim(mdates.date2num(chart.x_min), mdates.date2num(chart.x_max + timedelta(days=span * 0.16)))
    ax.set_ylim(0, chart.y_max)
    ax.set_yticks(chart.y_ticks, [fmt(v) for v in chart.y_ticks])
    ax.set_xticks([mdates.date2num(d) for d, _ in chart.x_ticks], [label for _, label in chart.x_ticks])
    ax.set_ylabel("per month")
    ax.set_title(chart.title, loc="left", fontsize=12, fontweight="bold")
    ax.grid(axis="y", color="#eeece6")
    ax.spines[["top", "right"]].set_visible(False)
    handles: list[Artist] = [
        Patch(facecolor=COLOURS[a], label=AFFILIATION_LABELS[a]) for a, _ in chart.legend if a in COLOURS
    ]
    if chart.hedged:
        handles.append(
            Patch(
                facecolor="white", edgecolor="#555", hatch="////", linestyle="--", label="hedged by the text"
            )
        )
    if chart.assumed:
        handles.append(Patch(facecolor="#555", alpha=0.45, label="start date assumed"))
    if chart.points:
        handles.append(Line2D([], [], marker="D", color="#555", linestyle="", label="rate with no period"))
    if handles:
        ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False, ncols=min(4, len(handles)))
    if not chart.marks:
        ax.text(
            0.5, 0.5, "No figure of this series can be put on the scale.", transform=ax.transAxes, ha="center"
        )
    return fig


def _label_heights(chart: Chart) -> list[tuple[Mark, float]]:
    """Each mark's label height: at its value, moved down when it would sit on a label already
    placed near the same end date (labels are drawn at the right end of their bar)."""
    gap = chart.y_max * 0.055
    window = (chart.x_max - chart.x_min).days * 0.2
    placed: list[tuple[date, float]] = []
    out = []
    for m in sorted(chart.marks, key=lambda m: -m.value):
        y = m.value
        while any(abs((m.end - d).days) < window and abs(y - py) < gap for d, py in placed):
            y -= gap
        placed.append((m.end, y))
        out.append((m, y))
    return out


def write_charts(comparison: Comparison, folder: Path | str) -> list[Path]:
    """Write ``<metric>-<side>.png`` and ``.svg`` for every series; returns the paths written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for group in _related_groups(comparison):
        domain = x_domain(group) or (date.today() - timedelta(days=30), date.today())
        for series in group:
            title = f"{series.label} — {SIDE_LABELS.get(series.side, series.side)}"
            fig = _figure(timeline(series, title, domain))
            for suffix in ("png", "svg"):
                path = out / f"{series.key}.{suffix}"
                fig.savefig(path, metadata={"Date": None} if suffix == "svg" else None)
                written.append(path)
            log.info("chart of %s written to %s", series.key, out)
    return written
