"""The timeline chart of a series, as data: one mark per figure on the scale, the axes, the legend.

Both renderers draw from this — ``svg`` for the HTML report, ``charts`` (matplotlib) for
``--charts DIR`` — so the two show the same thing. Each figure is a bar spanning its period at its
per-month value (the middle of a range, the known end of an open one); a range has whiskers to its
ends; "over" and "under" have an arrow for the open end. Colour says the origin's affiliation;
hedged figures are striped; a start the scale had to assume is drawn faded; a rate stated without
a period is a diamond at the date it was stated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from headcount.reconcile.records import Entry, Series, fmt

#: Colours by affiliation (Okabe–Ito: told apart by colour-blind readers and in greyscale print).
COLOURS = {
    "russian_state": "#D55E00",
    "ukrainian_state": "#0072B2",
    "independent": "#009E73",
    "third_country": "#CC79A7",
    "unknown": "#6F6F6F",
}
AFFILIATION_LABELS = {
    "russian_state": "Russian state",
    "ukrainian_state": "Ukrainian state",
    "independent": "Independent",
    "third_country": "Third country",
    "unknown": "Origin unknown",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One figure on the chart."""

    ref: str
    label: str
    start: date
    end: date
    value: float
    low: float | None  # whisker ends; None where the interval is open
    high: float | None
    open_low: bool
    open_high: bool
    affiliation: str
    hedged: bool
    start_assumed: bool
    point: bool  # a rate with no period: a diamond at ``start``
    derived: bool
    title: str  # the tooltip: everything about the figure in one line
    origin: str = ""
    figure: tuple[float | None, float | None] = (None, None)  # the claim's own low and high
    reports: int = 1  # reports of one origin's figure drawn as this one mark

    @property
    def colour(self) -> str:
        return COLOURS.get(self.affiliation, COLOURS["unknown"])


@dataclass(frozen=True, slots=True)
class Chart:
    """A series' timeline: marks, domains and ticks."""

    key: str
    title: str
    marks: tuple[Mark, ...]
    x_min: date
    x_max: date
    y_max: float
    y_ticks: tuple[float, ...]
    x_ticks: tuple[tuple[date, str], ...]
    legend: tuple[tuple[str, str], ...]  # (affiliation, label) present on the chart
    hedged: bool  # any hedged figure: the legend explains the stripes
    assumed: bool
    points: bool
    ranges: bool = False  # any range: the legend explains the whiskers
    open_ended: bool = False  # any "over"/"under": the legend explains the arrows
    derived: bool = False  # any figure implied by a share: the legend explains the white bars

    @property
    def empty(self) -> bool:
        return not self.marks


def _mark(entry: Entry) -> Mark | None:
    s = entry.scaled
    pm = s.per_month
    if pm is None:
        return None
    c = entry.record.claim
    point = not (s.start and s.end)
    start = s.start or s.at or entry.record.published
    end = s.end or start
    if start is None or end is None:
        return None
    value = pm.mid
    if value is None:
        return None
    hedge = " (hedged)" if c.hedged else ""
    title = (
        f"#{entry.label} {c.figure}{hedge}: {pm.text('/month')}; "
        + (
            f"{s.start.isoformat()} to {s.end.isoformat()}"
            if s.start and s.end
            else f"stated {start.isoformat()}"
        )
        + f"; {entry.chain_text()}"
    )
    derived = s.derived and s.metric != c.metric
    number = fmt(value) if pm.low == pm.high else pm.text()
    return Mark(
        ref=entry.ref,
        # "#5 whole" reads as jargon beside a bar: the whole a share implies is "implied".
        label=f"#{entry.ref.split('/')[0]} implied: {number}" if derived else f"#{entry.label} {number}",
        start=start,
        end=end,
        value=value,
        low=pm.low,
        high=pm.high,
        open_low=pm.low is None,
        open_high=pm.high is None,
        affiliation=entry.origin.affiliation,
        hedged=c.hedged,
        start_assumed=s.start_assumed,
        point=point,
        derived=derived,
        title=title,
        origin=entry.origin.key,
        figure=(c.low, c.high),
    )


def merge_echoes(marks: list[Mark]) -> list[Mark]:
    """One mark for the reports of one origin's figure: the same values over (nearly) the same
    period, published days apart. Three bars on top of each other would read as three sources."""
    out: list[Mark] = []
    groups: dict[tuple[object, ...], list[Mark]] = {}
    for m in marks:
        key = (m.origin, m.figure, m.point, m.derived, m.start_assumed)
        for held in groups.get(key, []):
            if abs((held.start - m.start).days) <= 31 and abs((held.end - m.end).days) <= 31:
                i = out.index(held)
                merged = replace(
                    held,
                    start=min(held.start, m.start),
                    end=max(held.end, m.end),
                    hedged=held.hedged or m.hedged,
                    reports=held.reports + 1,
                    title=held.title + "\n" + m.title,
                )
                out[i] = merged
                groups[key][groups[key].index(held)] = merged
                break
        else:
            out.append(m)
            groups.setdefault(key, []).append(m)
    return [replace(m, label=f"{m.label} · {m.reports} reports") if m.reports > 1 else m for m in out]


def nice_ticks(top: float, count: int = 5) -> tuple[float, ...]:
    """Round tick values from 0 to at least ``top`` (steps of 1, 2 or 5 times a power of ten)."""
    if top <= 0:
        return (0.0, 1.0)
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    n = math.ceil(top / step)
    return tuple(i * step for i in range(n + 1))


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def time_ticks(x_min: date, x_max: date) -> tuple[tuple[date, str], ...]:
    """Ticks on month starts: every month, quarter, half-year or year, as the span needs."""
    months = (x_max.year - x_min.year) * 12 + x_max.month - x_min.month
    step = next(s for s in (1, 3, 6, 12, 24) if months / s <= 10)
    first = _month_start(x_min)
    if first < x_min:
        first = _add_months(first, 1)
    while (first.month - 1) % step and step <= 12:
        first = _add_months(first, 1)
    ticks: list[tuple[date, str]] = []
    d = first
    while d <= x_max:
        label = str(d.year) if step >= 12 or d.month == 1 else f"{MONTHS[d.month - 1]} {d.year}"
        if step < 12 and d.month != 1 and ticks and ticks[-1][0].year == d.year:
            label = MONTHS[d.month - 1]
        ticks.append((d, label))
        d = _add_months(d, step)
    return tuple(ticks)


def x_domain(series: Sequence[Series]) -> tuple[date, date] | None:
    """The time span of every figure on the scale in ``series``, padded: related series share it."""
    starts, ends = [], []
    for s in series:
        for e in s.entries:
            m = _mark(e)
            if m is not None:
                starts.append(m.start)
                ends.append(m.end)
    if not starts:
        return None
    lo, hi = min(starts), max(ends)
    pad = max(timedelta(days=20), (hi - lo) * 0.04)
    return lo - pad, hi + pad


def timeline(series: Series, title: str, domain: tuple[date, date] | None = None) -> Chart:
    """The chart of one series (``domain``: a time span shared with related series)."""
    marks = tuple(merge_echoes([m for m in (_mark(e) for e in series.entries) if m is not None]))
    domain = domain or x_domain([series]) or (date.today() - timedelta(days=30), date.today())
    tops = [m.high if m.high is not None else m.value * (1.35 if m.open_high else 1.0) for m in marks]
    ticks = nice_ticks(max(tops, default=1.0) * 1.08)
    seen = []
    for m in sorted(
        marks, key=lambda m: list(COLOURS).index(m.affiliation) if m.affiliation in COLOURS else 9
    ):
        if m.affiliation not in seen:
            seen.append(m.affiliation)
    return Chart(
        key=series.key,
        title=title,
        marks=marks,
        x_min=domain[0],
        x_max=domain[1],
        y_max=ticks[-1],
        y_ticks=ticks,
        x_ticks=time_ticks(*domain),
        legend=tuple((a, AFFILIATION_LABELS.get(a, a)) for a in seen),
        hedged=any(m.hedged for m in marks),
        assumed=any(m.start_assumed for m in marks),
        points=any(m.point for m in marks),
        ranges=any(m.low is not None and m.high is not None and m.high > m.low for m in marks),
        open_ended=any(m.open_low or m.open_high for m in marks),
        derived=any(m.derived for m in marks),
    )
