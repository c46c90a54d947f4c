"""A timeline chart as inline SVG for the HTML report: no script, no web font, nothing fetched.

Every piece of text from the ledger (names, figures) is escaped here, since the SVG is inserted
into the page as markup. Hovering a figure shows its tooltip (an SVG ``<title>``). Patterns and
markers are defined once per page (:func:`svg_defs`): ids must be unique in a document.
"""

from __future__ import annotations

from datetime import date
from html import escape

from headcount.reconcile.records import fmt
from headcount.report.timeline import COLOURS, Chart, Mark

WIDTH = 920
LEFT, RIGHT, TOP, BOTTOM = 70, 28, 30, 40
BAR = 7  # bar thickness in pixels
CAP = 5  # whisker cap half-width
ARROW = 22  # length of the arrow of an open end
CHAR = 6.3  # width of a label character, roughly, at the label's font size


def _n(v: float) -> str:
    return f"{v:.1f}"


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, extra: str = "") -> str:
    return f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{colour}"{extra}/>'


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    return f'<text class="{cls}" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}">{escape(text)}</text>'


def _patterns() -> str:
    out = []
    for aff, colour in COLOURS.items():
        out.append(
            f'<pattern id="hatch-{aff}" patternUnits="userSpaceOnUse" width="6" height="6" '
            'patternTransform="rotate(45)">'
            f'<rect width="6" height="6" fill="{colour}" fill-opacity="0.25"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{colour}" stroke-width="3"/></pattern>'
        )
    out.append(
        '<marker id="arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke"/></marker>'
    )
    return "<defs>" + "".join(out) + "</defs>"


def svg_defs() -> str:
    """The patterns and markers the charts and swatches of a page refer to: put once in the page."""
    return (
        '<svg class="defs" width="0" height="0" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">'
        + _patterns()
        + "</svg>"
    )


def height(chart: Chart) -> int:
    """Taller charts for more figures: one bar needs no 300 pixels."""
    return 180 + 24 * min(len(chart.marks), 6)


class _Geometry:
    def __init__(self, chart: Chart) -> None:
        self.chart = chart
        self.span = (chart.x_max - chart.x_min).days or 1
        self.height = height(chart)

    def x(self, d: date) -> float:
        return LEFT + (d - self.chart.x_min).days / self.span * (WIDTH - LEFT - RIGHT)

    def y(self, v: float) -> float:
        if not self.chart.y_max:
            return self.height - BOTTOM
        return TOP + (1 - v / self.chart.y_max) * (self.height - TOP - BOTTOM)


def _axes(chart: Chart, g: _Geometry) -> str:
    parts = []
    for v in chart.y_ticks:
        y = g.y(v)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_n(y)}" y2="{_n(y)}"/>')
        parts.append(_text(LEFT - 8, y + 4, fmt(v), "tick", "end"))
    base = g.y(0)
    parts.append(f'<line class="axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_n(base)}" y2="{_n(base)}"/>')
    for d, label in chart.x_ticks:
        x = g.x(d)
        parts.append(f'<line class="axis" x1="{_n(x)}" x2="{_n(x)}" y1="{_n(base)}" y2="{_n(base + 5)}"/>')
        parts.append(_text(x, base + 19, label, "tick", "middle"))
    if chart.marks:
        parts.append(_text(LEFT - 8, TOP - 14, "per month", "unit", "end"))
    return "".join(parts)


class _Labels:
    """Places labels beside their marks, moving one up or down a line when it would overlap one
    already placed, and leaving it out (the tooltip and the table still have it) when it cannot."""

    def __init__(self) -> None:
        self.boxes: list[tuple[float, float, float, float]] = []

    def place(self, x: float, y: float, text: str) -> float | None:
        width = CHAR * len(text)
        for dy in (0, -12, 12, -24, 24):
            box = (x, y + dy - 9, x + width, y + dy + 3)
            if box[2] > WIDTH - 2 or box[0] < LEFT + 2 or box[1] < 0:
                continue
            if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in self.boxes):
                self.boxes.append(box)
                return y + dy
        return None


def _whiskers(g: _Geometry, m: Mark, cx: float, colour: str) -> str:
    parts = []
    if m.low is not None and m.high is not None and m.high > m.low:
        y0, y1 = g.y(m.low), g.y(m.high)
        parts.append(_line(cx, y0, cx, y1, colour, ' stroke-width="1.4"'))
        parts.append(_line(cx - CAP, y0, cx + CAP, y0, colour))
        parts.append(_line(cx - CAP, y1, cx + CAP, y1, colour))
    y = g.y(m.value)
    arrow = ' stroke-width="1.4" stroke-dasharray="3 2" marker-end="url(#arrow)"'
    if m.open_high:
        parts.append(_line(cx, y - BAR / 2, cx, max(TOP, y - ARROW), colour, arrow))
    if m.open_low:
        parts.append(_line(cx, y + BAR / 2, cx, min(g.y(0), y + ARROW), colour, arrow))
    return "".join(parts)


def _mark_svg(g: _Geometry, m: Mark, labels: _Labels) -> str:
    colour = m.colour
    fill = f"url(#hatch-{m.affiliation})" if m.hedged else colour
    y = g.y(m.value)
    parts = [f'<g class="mark" data-ref="{escape(m.ref)}"><title>{escape(m.title)}</title>']
    if m.point:
        cx = g.x(m.start)
        x0 = x1 = cx
        parts.append(_whiskers(g, m, cx, colour))
        diamond = (
            f"M {_n(cx)} {_n(y - 7)} L {_n(cx + 7)} {_n(y)} L {_n(cx)} {_n(y + 7)} L {_n(cx - 7)} {_n(y)} z"
        )
        parts.append(f'<path d="{diamond}" fill="{fill}" stroke="{colour}" stroke-width="1.5"/>')
        x1 += 8
        x0 -= 8
    else:
        x0, x1 = g.x(m.start), g.x(m.end)
        x1 = max(x1, x0 + 3)
        parts.append(_whiskers(g, m, (x0 + x1) / 2, colour))
        dash = ' stroke-dasharray="4 2"' if m.hedged or m.derived else ""
        faded = ' fill-opacity="0.45"' if m.start_assumed else ""
        parts.append(
            f'<rect x="{_n(x0)}" y="{_n(y - BAR / 2)}" width="{_n(x1 - x0)}" height="{BAR}" rx="2" '
            f'fill="{"white" if m.derived else fill}"{faded} stroke="{colour}" stroke-width="1.4"{dash}/>'
        )
    at = labels.place(x1 + 5, y + 4, m.label)
    if at is not None:
        parts.append(_text(x1 + 5, at, m.label, "label"))
    else:  # no room on the right: above the mark, from its left end
        left = max(LEFT + 2.0, min(x0, WIDTH - RIGHT - CHAR * len(m.label)))
        at = labels.place(left, y - BAR / 2 - 4, m.label)
        if at is not None:
            parts.append(_text(left, at, m.label, "label"))
    parts.append("</g>")
    return "".join(parts)


def chart_svg(chart: Chart) -> str:
    """The chart as an ``<svg>`` element (escaped, self-contained but for :func:`svg_defs`)."""
    g = _Geometry(chart)
    label = escape(f"Timeline of {chart.title}: each figure a bar over its period at its value per month")
    body = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {g.height}" role="img" aria-label="{label}" '
        'xmlns="http://www.w3.org/2000/svg">',
        _axes(chart, g),
    ]
    labels = _Labels()
    # Bars are obstacles too: a label over another figure's bar hides it.
    for m in chart.marks:
        y = g.y(m.value)
        x0, x1 = (g.x(m.start) - 8, g.x(m.start) + 8) if m.point else (g.x(m.start), g.x(m.end))
        labels.boxes.append((x0, y - BAR / 2, max(x1, x0 + 3), y + BAR / 2))
    # Widest bars first, so that short ones (a single month) are drawn on top and stay visible.
    for m in sorted(chart.marks, key=lambda m: (-(m.end - m.start).days, m.ref)):
        body.append(_mark_svg(g, m, labels))
    if not chart.marks:
        body.append(
            _text(
                WIDTH / 2, g.height / 2, "No figure of this series can be put on the scale.", "note", "middle"
            )
        )
    body.append("</svg>")
    return "".join(body)


def legend_swatch(
    affiliation: str,
    *,
    hedged: bool = False,
    faded: bool = False,
    point: bool = False,
    whisker: bool = False,
    arrow: bool = False,
    derived: bool = False,
) -> str:
    """A small SVG swatch for the legend (refers to the page's :func:`svg_defs`)."""
    colour = COLOURS.get(affiliation, COLOURS["unknown"])
    fill = f"url(#hatch-{affiliation})" if hedged else colour
    head = (
        '<svg class="swatch" width="26" height="14" viewBox="0 0 26 14" xmlns="http://www.w3.org/2000/svg">'
    )
    if whisker:
        return (
            head
            + f'<rect x="1" y="5" width="24" height="5" rx="2" fill="{colour}"/>'
            + _line(13, 1, 13, 13, colour, ' stroke-width="1.4"')
            + _line(10, 1, 16, 1, colour)
            + _line(10, 13, 16, 13, colour)
            + "</svg>"
        )
    if arrow:
        return (
            head
            + f'<rect x="1" y="9" width="24" height="4" rx="2" fill="{colour}"/>'
            + _line(13, 9, 13, 3, colour, ' stroke-width="1.4" marker-end="url(#arrow)"')
            + "</svg>"
        )
    if derived:
        return (
            head
            + f'<rect x="1" y="4" width="24" height="7" rx="2" fill="white" stroke="{colour}" '
            + 'stroke-dasharray="4 2"/></svg>'
        )
    if point:
        return head + f'<path d="M 13 1 L 19 7 L 13 13 L 7 7 z" fill="{fill}" stroke="{colour}"/></svg>'
    dash = ' stroke-dasharray="4 2"' if hedged else ""
    opacity = ' fill-opacity="0.45"' if faded else ""
    return (
        head
        + f'<rect x="1" y="4" width="24" height="7" rx="2" fill="{fill}"{opacity} '
        + f'stroke="{colour}"{dash}/></svg>'
    )
