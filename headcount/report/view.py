"""What the report shows, worked out in Python so the templates only lay it out: rows of claims,
contradictions, groups and talking points with their words and numbers ready to print, a lead
sentence per series and the key findings at the top.

Text from the ledger stays plain text here; the templates escape it (Jinja2 autoescape). Only the
charts are markup, built and escaped by ``svg``.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from markupsafe import Markup

from headcount.actors import UnknownName
from headcount.narratives.records import Narratives, TalkingPoint
from headcount.reconcile.labels import SIDE_LABELS, metric_label
from headcount.reconcile.records import Comparison, Contradiction, Entry, Group, Series, fmt
from headcount.report.svg import chart_svg, legend_swatch
from headcount.report.timeline import AFFILIATION_LABELS, timeline, x_domain
from headcount.vocab import table

KIND_LABELS = {
    "same_period": "Same period, values apart",
    "rate_vs_total": "Monthly rate against the total",
    "current_rate": "Two current rates",
    "containment": "A longer period with fewer",
    "running_total": "A running total that shrinks",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _last_day(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _day(d: date, year: bool = True) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def period_text(start: date | None, end: date | None, *, assumed: bool = False) -> str:
    """A period as a reader says it: "October 2025", "2025", "Jan–Jun 2025", "1 Jan – 9 Nov 2025"."""
    if start is None and end is None:
        return "no period stated"
    if start is None:
        return f"up to {_day(end)}" if end else ""
    if end is None:
        return f"since {_day(start)}"
    if assumed:
        return f"{_day(start)} (start assumed) – {_day(end)}"
    whole = start.day == 1 and _last_day(end)
    if whole and start.year == end.year:
        if start.month == end.month:
            return f"{MONTH_NAMES[start.month - 1]} {start.year}"
        if start.month == 1 and end.month == 12:
            return str(start.year)
        return f"{MONTHS[start.month - 1]}–{MONTHS[end.month - 1]} {start.year}"
    if whole:
        return f"{MONTHS[start.month - 1]} {start.year} – {MONTHS[end.month - 1]} {end.year}"
    return f"{_day(start, start.year != end.year)} – {_day(end)}"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


@dataclass
class Link:
    name: str
    affiliation: str
    affiliation_label: str
    role: str


@dataclass
class ClaimRow:
    """One figure as the claims table shows it."""

    ref: str
    figure: str
    quote: str
    hedged: bool
    value: str  # on the scale, per month
    total: str
    period: str
    months: str
    published: str
    outlet: str
    doc: str
    url: str
    origin: str
    affiliation: str
    affiliation_label: str
    chain: list[Link]
    adversarial: bool
    derived: bool
    scope: str
    notes: list[str]
    reason: str  # why it is off the scale, if it is


@dataclass
class ContradictionView:
    kind: str
    label: str
    a: ClaimRow
    b: ClaimRow
    arithmetic: str
    gap: str
    assumptions: list[str]
    agreeing_a: list[str]
    agreeing_b: list[str]


@dataclass
class OriginView:
    name: str
    affiliation: str
    affiliation_label: str
    weight: str
    adversarial: bool
    echoes: list[dict[str, str]]


@dataclass
class GroupView:
    value: str
    period: str
    basis: str
    independence: str
    origins: list[OriginView]
    articles: int
    reports: int
    adversarial_only: bool
    refs: list[str]
    verdict: str


@dataclass
class SeriesView:
    key: str
    title: str
    side: str
    description: str
    lead: str
    chart: Markup
    legend: list[tuple[Markup, str]]
    rows: list[ClaimRow]
    off_scale: list[ClaimRow]
    contradictions: list[ContradictionView]
    groups: list[GroupView]
    warnings: list[str]
    related_note: str


@dataclass
class PassageView:
    outlet: str
    published: str
    doc: str
    title: str
    segments: list[tuple[str, bool]]
    copies: int


@dataclass
class PointView:
    id: int
    kind: str
    articles: int
    outlets: list[str]
    first_seen: str
    similarity: str
    passages: list[PassageView]


@dataclass
class ReportView:
    title: str
    subtitle: str
    generated: str
    source: str
    counts: dict[str, int]
    findings: list[str]
    sides: list[tuple[str, list[SeriesView]]]
    talking_points: list[PointView]
    republished: list[dict[str, object]]
    unknown: list[UnknownName]
    settings: dict[str, object]
    version: str
    extractors: list[str] = field(default_factory=list)


def _row(entry: Entry) -> ClaimRow:
    c = entry.record.claim
    s = entry.scaled
    notes = list(s.assumptions)
    if entry.adversarial:
        notes.append(f"{entry.origin.name} is a party to the war speaking about the other side's soldiers")
    if entry.copy_of is not None:
        notes.append(f"a republished copy of article {entry.copy_of}: counted with it, once")
    notes.extend(entry.warnings)
    derived = s.metric != c.metric
    return ClaimRow(
        ref=entry.label,
        figure=("implied by " if derived else "") + c.figure,
        quote=c.quote,
        hedged=c.hedged,
        value=s.per_month.text(" a month") if s.per_month else "",
        total=s.total.text() if s.total and s.start else (f"{s.total.text()} in all" if s.total else ""),
        period=period_text(s.start, s.end, assumed=s.start_assumed)
        if (s.start or s.end)
        else (f"no period; stated {_day(s.at)}" if s.at else "no period stated"),
        months=f"{s.months:.1f} months" if s.months else "",
        published=entry.record.published.isoformat() if entry.record.published else "",
        outlet=entry.record.outlet or "",
        doc=c.doc,
        url=_safe_url(entry.record.url),
        origin=entry.origin.name,
        affiliation=entry.origin.affiliation,
        affiliation_label=AFFILIATION_LABELS.get(entry.origin.affiliation, entry.origin.affiliation),
        chain=[
            Link(
                link.name,
                link.affiliation,
                AFFILIATION_LABELS.get(link.affiliation, link.affiliation),
                link.role,
            )
            for link in entry.chain
        ],
        adversarial=entry.adversarial,
        derived=derived,
        scope=", ".join(entry.scope),
        notes=notes,
        reason=s.reason,
    )


def _safe_url(url: str | None) -> str:
    """Only web links become links: a ``javascript:`` URL in an article's metadata stays text."""
    return url if url and url.lower().startswith(("http://", "https://")) else ""


def _contradiction(c: Contradiction, rows: dict[str, ClaimRow]) -> ContradictionView:
    return ContradictionView(
        kind=c.kind,
        label=KIND_LABELS.get(c.kind, c.kind),
        a=rows[c.a.ref],
        b=rows[c.b.ref],
        arithmetic=c.arithmetic,
        gap=f"{c.gap * 100:.0f}%",
        assumptions=list(c.assumptions),
        agreeing_a=list(c.agreeing_a),
        agreeing_b=list(c.agreeing_b),
    )


def _group(g: Group) -> GroupView:
    origins = [
        OriginView(
            name=o.origin.name,
            affiliation=o.origin.affiliation,
            affiliation_label=AFFILIATION_LABELS.get(o.origin.affiliation, o.origin.affiliation),
            weight=f"{o.weight:g}",
            adversarial=o.adversarial,
            echoes=[
                {
                    "ref": e.entry.label,
                    "outlet": e.entry.record.outlet or e.entry.record.claim.doc,
                    "published": e.entry.record.published.isoformat() if e.entry.record.published else "",
                    "chain": e.entry.chain_text(),
                    "copies": str(len(e.copies)) if e.copies else "",
                }
                for e in o.echoes
            ],
        )
        for o in g.origins
    ]
    unit = "" if g.basis == "total at a date" else " a month"
    if len(g.origins) == 1 and g.articles == 1:
        verdict = (
            f"{_plural(len(g.entries), 'figure')} of one article, all from {g.origins[0].origin.name}: "
            "consistent with each other, which confirms nothing."
        )
    elif len(g.origins) == 1:
        verdict = (
            f"One origin, {_plural(g.articles, 'article')}: these reports repeat "
            f"{g.origins[0].origin.name}; they do not confirm it."
        )
    else:
        verdict = (
            f"{len(g.origins)} origins, worth {g.independence:g} independent sources once weighted by "
            f"affiliation, across {_plural(g.articles, 'article')}."
        )
    if g.within_tolerance:
        verdict += " Their figures differ, but by less than the tolerance."
    if g.adversarial_only:
        verdict += " Every origin is a party to the war speaking about the other side."
    return GroupView(
        value=("about " if g.within_tolerance else "") + g.value.text(unit),
        period=period_text(g.start, g.end) if g.basis == "per month" else (_day(g.end) if g.end else ""),
        basis=g.basis,
        independence=f"{g.independence:g}",
        origins=origins,
        articles=g.articles,
        reports=g.echoes,
        adversarial_only=g.adversarial_only,
        refs=[e.label for e in g.entries],
        verdict=verdict,
    )


def _lead(series: Series) -> str:
    on = len(series.on_scale)
    origins = series.origins()
    affs = sorted({AFFILIATION_LABELS.get(o.affiliation, o.affiliation).lower() for o in origins})
    parts = [
        f"{_plural(len(series.entries), 'figure')} from {_plural(len(origins), 'origin')} "
        f"({', '.join(affs)})",
        f"{on} on the common scale" if on != len(series.entries) else "all on the common scale",
    ]
    lead = "; ".join(parts) + ". "
    if series.contradictions:
        lead += f"{_plural(len(series.contradictions), 'contradiction')} beyond the tolerance. "
    else:
        lead += "No two figures contradict each other beyond the tolerance. "
    if series.groups:
        lead += f"{_plural(len(series.groups), 'group')} of agreeing figures."
    return lead.strip()


def _legend(
    series: Series, chart_legend: Sequence[tuple[str, str]], chart: object
) -> list[tuple[Markup, str]]:
    out = [(Markup(legend_swatch(aff)), label) for aff, label in chart_legend]
    first = chart_legend[0][0] if chart_legend else "unknown"
    if getattr(chart, "hedged", False):
        out.append((Markup(legend_swatch(first, hedged=True)), "hedged by the text (striped)"))
    if getattr(chart, "assumed", False):
        out.append((Markup(legend_swatch(first, faded=True)), "start date assumed (faded)"))
    if getattr(chart, "points", False):
        out.append((Markup(legend_swatch(first, point=True)), "rate with no period, at the date stated"))
    if getattr(chart, "ranges", False):
        out.append(
            (Markup(legend_swatch(first, whisker=True)), "a range: bar at its middle, whiskers to its ends")
        )
    if getattr(chart, "open_ended", False):
        out.append(
            (Markup(legend_swatch(first, arrow=True)), "“over” or “under”: the arrow points to the open end")
        )
    if getattr(chart, "derived", False):
        out.append((Markup(legend_swatch(first, derived=True)), "implied by a share (white, dashed)"))
    return out


def _related_note(series: Series, present: set[tuple[str, str]]) -> str:
    shown = [metric_label(m) for m in series.related if (m, series.side) in present]
    if not shown:
        return ""
    return (
        f"Shown beside this series, on the same time axis and never added to it: {'; '.join(shown)}. "
        "They count other things."
    )


def _related_groups(comparison: Comparison) -> list[list[Series]]:
    """Series of one side linked by ``comparable_with``, in order: they share a time axis."""
    by_key = {(s.metric, s.side): s for s in comparison.series}
    seen: set[tuple[str, str]] = set()
    groups = []
    for s in comparison.series:
        if (s.metric, s.side) in seen:
            continue
        group, todo = [], [s]
        while todo:
            x = todo.pop(0)
            if (x.metric, x.side) in seen:
                continue
            seen.add((x.metric, x.side))
            group.append(x)
            todo.extend(by_key[(m, x.side)] for m in x.related if (m, x.side) in by_key)
        groups.append(group)
    return groups


def series_views(comparison: Comparison) -> list[SeriesView]:
    """Every series of a comparison, related series next to each other with one time axis."""
    taxonomy = table("taxonomy").get("metrics", {})
    present = {(s.metric, s.side) for s in comparison.series}
    views = []
    for group in _related_groups(comparison):
        domain = x_domain(group)
        for series in group:
            title = f"{series.label} — {SIDE_LABELS.get(series.side, series.side)}"
            chart = timeline(series, title, domain)
            rows = {e.ref: _row(e) for e in series.entries}
            views.append(
                SeriesView(
                    key=series.key,
                    title=series.label,
                    side=SIDE_LABELS.get(series.side, series.side),
                    description=str(taxonomy.get(series.metric, {}).get("description", "")),
                    lead=_lead(series),
                    chart=Markup(chart_svg(chart)),
                    legend=_legend(series, chart.legend, chart),
                    rows=[rows[e.ref] for e in series.entries if e.scaled.on_scale],
                    off_scale=[rows[e.ref] for e in series.entries if not e.scaled.on_scale],
                    contradictions=[_contradiction(c, rows) for c in series.contradictions],
                    groups=[_group(g) for g in series.groups],
                    warnings=[f"#{w.ref} {w.message}" for w in series.warnings],
                    related_note=_related_note(series, present),
                )
            )
    return views


def _point(t: TalkingPoint) -> PointView:
    return PointView(
        id=t.id,
        kind="copied text" if t.kind == "copied" else "reworded",
        articles=t.articles,
        outlets=t.outlets,
        first_seen=t.first_seen.isoformat() if t.first_seen else "date unknown",
        similarity=f"{t.similarity * 100:.0f}%",
        passages=[
            PassageView(
                outlet=p.outlet or "outlet unknown",
                published=p.published.isoformat() if p.published else "date unknown",
                doc=p.doc,
                title=p.title or "",
                segments=p.segments(),
                copies=len(p.copies),
            )
            for p in t.passages
        ],
    )


def findings(comparison: Comparison, narratives: Narratives | None) -> list[str]:
    """The key findings, in plain sentences, most important first."""
    out = []
    for s in comparison.series:
        for c in s.contradictions[:2]:
            out.append(
                f"{s.label}, {SIDE_LABELS.get(s.side, s.side)}: "
                f"#{c.a.label} ({c.a.record.claim.figure}, {c.a.origin.name}) and "
                f"#{c.b.label} ({c.b.record.claim.figure}, {c.b.origin.name}) cannot both "
                f"be true — {KIND_LABELS.get(c.kind, c.kind).lower()}, {c.gap * 100:.0f}% apart."
            )
    for s in comparison.series:
        for g in s.groups:
            if len(g.origins) == 1 and g.articles >= 3:
                out.append(
                    f"{s.label}: {g.value.text()} appears in {g.articles} articles but comes from one "
                    "origin, "
                    f"{g.origins[0].origin.name}."
                )
            elif len(g.origins) >= 2:
                out.append(
                    f"{s.label}: {len(g.origins)} origins agree on {g.value.text()}"
                    f"{'' if g.basis == 'total at a date' else ' a month'} "
                    f"({', '.join(o.origin.name for o in g.origins)})."
                )
    adversarial = [e for s in comparison.series for e in s.entries if e.adversarial]
    if adversarial:
        names = sorted({e.origin.name for e in adversarial})
        out.append(
            f"{_plural(len(adversarial), 'figure')} rest on a party to the war speaking about the other side "
            f"({', '.join(names)})."
        )
    if comparison.warnings:
        out.append(
            f"{_plural(len({w.ref for w in comparison.warnings}), 'figure')} may present one kind of "
            "count as "
            "another (see the warnings in their series)."
        )
    if narratives is not None and narratives.talking_points:
        widest = max(narratives.talking_points, key=lambda t: t.articles)
        out.append(
            f"{_plural(len(narratives.talking_points), 'passage')} repeated across articles; the widest "
            f"appears in {widest.articles} articles ({', '.join(widest.outlets)})."
        )
    if narratives is not None and narratives.republications.groups:
        copies = sum(len(g.copies) for g in narratives.republications.groups)
        out.append(f"{_plural(copies, 'article')} republish another whole; each is counted once.")
    return out


def report_view(
    comparison: Comparison,
    narratives: Narratives | None = None,
    *,
    title: str = "Cross-check of contested figures",
    source: str = "",
    unknown: Sequence[UnknownName] = (),
    articles: int | None = None,
    generated: datetime | None = None,
) -> ReportView:
    """Everything the report template needs."""
    from headcount import __version__

    views = series_views(comparison)
    sides: list[tuple[str, list[SeriesView]]] = []
    for v in views:
        if not sides or sides[-1][0] != v.side:
            sides.append((v.side, []))
        sides[-1][1].append(v)
    extractors = sorted({e.record.claim.extractor for s in comparison.series for e in s.entries})
    article_count = (
        articles
        if articles is not None
        else len({e.record.article_id for s in comparison.series for e in s.entries})
    )
    counts = {
        "claims": comparison.claims,
        "articles": article_count,
        "series": len(comparison.series),
        "contradictions": len(comparison.contradictions),
        "groups": len(comparison.groups),
        "talking_points": len(narratives.talking_points) if narratives else 0,
        "republished": sum(len(g.copies) for g in narratives.republications.groups) if narratives else 0,
    }
    generated = generated or datetime.now().astimezone()
    return ReportView(
        title=title,
        subtitle=(
            f"{_plural(counts['claims'], 'figure')} in {_plural(counts['series'], 'series', 'series')}, "
            f"from {_plural(counts['articles'], 'article')}"
        ),
        generated=generated.strftime("%d %B %Y, %H:%M %Z").lstrip("0"),
        source=source,
        counts=counts,
        findings=findings(comparison, narratives),
        sides=sides,
        talking_points=[_point(t) for t in narratives.talking_points] if narratives else [],
        republished=[g.to_dict() for g in narratives.republications.groups] if narratives else [],
        unknown=list(unknown),
        settings=comparison.settings,
        version=__version__,
        extractors=extractors,
    )


__all__ = ["ReportView", "fmt", "period_text", "report_view", "series_views"]
