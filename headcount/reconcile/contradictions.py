"""Figures of one series (one metric, one side) that cannot both be true, with the arithmetic.

Two kinds of check, both beyond the tolerance of ``data/reconcile.toml`` (each figure widened by
10%, approximate ones by 20%):

* **Same period** — figures bucketed as speaking of the same period (``agreement``) whose
  per-month values cannot meet: ``same_period``; ``rate_vs_total`` when one is a monthly rate and
  the other a total over that span (rate × months against the total); ``current_rate`` for two
  rates stated without a period at the same time. The figures closest to each other across the gap
  are reported, with the other members of their agreement sets.
* **Containment** — a count over a period cannot be smaller than a count over a period inside it:
  "15,000 since January" against "21,600 in October alone" is a contradiction whatever happened
  month by month (``containment``). Running totals from the same start are the case the issue
  names: compared at their end dates, they cannot shrink (``running_total``). Totals without a
  start take the start assumed by the scale, and the contradiction says so.

A partial overlap proves nothing without assuming an even spread, so it is not reported. The
containment check is one sweep over periods with a Fenwick tree of the smallest upper bound per end
date, O(n log n); each figure is reported at most once, against the containing figure that
contradicts it most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import pairwise

from headcount.reconcile.agreement import AgreementSet, Bucket, agreement_sets, leeway, widened
from headcount.reconcile.records import Contradiction, Entry, Interval, fmt
from headcount.reconcile.settings import ReconcileSettings


def _pct(share: float) -> str:
    return f"{share * 100:.0f}%"


def _period(e: Entry) -> str:
    s = e.scaled
    if s.start and s.end:
        start = s.start.isoformat() + (" (assumed)" if s.start_assumed else "")
        return f"{start} to {s.end.isoformat()}"
    return f"no period, stated {s.at.isoformat()}" if s.at else "no period"


def _label(e: Entry) -> str:
    return f"#{e.label} ({e.record.claim.figure}, {e.origin.name})"


def _gap(low_side: Interval, high_side: Interval) -> float:
    """How far apart two intervals are, as a share of the larger value."""
    top = high_side.lo
    return 0.0 if top <= 0 else max(0.0, (top - low_side.hi) / top)


def _assumptions(*entries: Entry) -> tuple[str, ...]:
    out: list[str] = []
    for e in entries:
        for a in e.scaled.assumptions:
            text = f"#{e.label}: {a}"
            if text not in out:
                out.append(text)
    return tuple(out)


def _same_period(
    bucket: Bucket, lower: AgreementSet, upper: AgreementSet, settings: ReconcileSettings
) -> Contradiction:
    a = lower.tightest or lower.entries[0]
    b = upper.entries[0]
    wa, wb = widened(a, settings), widened(b, settings)
    pa, pb = a.scaled.per_month, b.scaled.per_month
    assert pa is not None and pb is not None
    la, lb = leeway(a, settings), leeway(b, settings)
    rate = {e.ref for e in (a, b) if e.record.claim.kind == "rate"}
    if bucket.running:
        at, bt = a.scaled.total, b.scaled.total
        assert at is not None and bt is not None and a.scaled.end and b.scaled.end
        wa, wb = widened(a, settings, total=True), widened(b, settings, total=True)
        return Contradiction(
            kind="running_total",
            a=a,
            b=b,
            arithmetic=(
                f"Two running totals at about the same date: {_label(a)} counts {at.text()} up to "
                f"{a.scaled.end.isoformat()}, {_label(b)} counts {bt.text()} up to "
                f"{b.scaled.end.isoformat()}. "
                f"With the leeway ({_pct(la)} and {_pct(lb)}) the first is at most {fmt(wa.hi)}, the second "
                f"at least {fmt(wb.lo)}."
            ),
            gap=_gap(at, bt),
            tolerance=settings.tolerance,
            assumptions=_assumptions(a, b),
            agreeing_a=tuple(e.ref for e in lower.entries if e is not a),
            agreeing_b=tuple(e.ref for e in upper.entries if e is not b),
        )
    if bucket.ongoing:
        kind = "current_rate"
        days = abs(((a.scaled.at or date.min) - (b.scaled.at or date.min)).days)
        arithmetic = (
            f"{_label(a)} says {pa.text('/month')} and {_label(b)} says {pb.text('/month')}, both "
            f"as the current rate, stated {days} days apart. With the leeway ({_pct(la)} and "
            f"{_pct(lb)}) the first allows at most {fmt(wa.hi)}/month, the second at least "
            f"{fmt(wb.lo)}/month."
        )
    elif len(rate) == 1:
        kind = "rate_vs_total"
        r, c = (a, b) if a.ref in rate else (b, a)
        rt, ct = r.scaled.total, c.scaled.total
        assert rt is not None and ct is not None and r.scaled.months is not None
        rw, cw = rt.widened(leeway(r, settings)), ct.widened(leeway(c, settings))
        lowest, highest = (rw, cw) if r is a else (cw, rw)
        arithmetic = (
            f"{_label(r)} is {r.scaled.per_month.text('/month') if r.scaled.per_month else ''} × "
            f"{r.scaled.months:.1f} months ({_period(r)}) = {rt.text()}; {_label(c)} counts {ct.text()} "
            f"over {_period(c)}. With the leeway the {'rate' if r is a else 'total'} gives at most "
            f"{fmt(lowest.hi)}, the {'total' if r is a else 'rate'} at least {fmt(highest.lo)}."
        )
    else:
        kind = "same_period"
        arithmetic = (
            f"{_label(a)} over {_period(a)} is {pa.text('/month')}; {_label(b)} over {_period(b)} is "
            f"{pb.text('/month')}. With the leeway ({_pct(la)} and {_pct(lb)}) the first allows at most "
            f"{fmt(wa.hi)}/month, the second at least {fmt(wb.lo)}/month."
        )
    return Contradiction(
        kind=kind,
        a=a,
        b=b,
        arithmetic=arithmetic,
        gap=_gap(pa, pb),
        tolerance=settings.tolerance,
        assumptions=_assumptions(a, b),
        agreeing_a=tuple(e.ref for e in lower.entries if e is not a),
        agreeing_b=tuple(e.ref for e in upper.entries if e is not b),
    )


class _MinTree:
    """A Fenwick tree over positions 1..n keeping the smallest value (and its item) of a prefix."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.best: list[tuple[float, int]] = [(math.inf, -1)] * (n + 1)

    def add(self, pos: int, value: float, item: int) -> None:
        while pos <= self.n:
            if value < self.best[pos][0]:
                self.best[pos] = (value, item)
            pos += pos & -pos

    def smallest(self, pos: int) -> tuple[float, int]:
        out = (math.inf, -1)
        while pos > 0:
            if self.best[pos][0] < out[0]:
                out = self.best[pos]
            pos -= pos & -pos
        return out


def _containments(
    entries: Sequence[Entry], bucket_of: dict[str, int], settings: ReconcileSettings
) -> list[tuple[Entry, Entry, float]]:
    """``(a, b, gap)`` for each figure ``b`` whose period lies inside ``a``'s although ``a`` counts
    fewer (the text of each is written only for those reported, after merging)."""
    items = [e for e in entries if e.scaled.total is not None and e.scaled.start and e.scaled.end]
    if len(items) < 2:
        return []
    # Positions by end date, latest first: a prefix holds every period ending on or after a date.
    ends = sorted({e.scaled.end for e in items if e.scaled.end}, reverse=True)
    position = {d: i + 1 for i, d in enumerate(ends)}
    tree = _MinTree(len(ends))
    order = sorted(items, key=lambda e: (e.scaled.start, -(e.scaled.end.toordinal() if e.scaled.end else 0)))
    totals = [widened(e, settings, total=True) for e in order]
    found: list[tuple[Entry, Entry, float]] = []
    i = 0
    while i < len(order):
        # Figures with the very same period neither contain each other nor are looked up twice.
        j = i
        span = (order[i].scaled.start, order[i].scaled.end)
        while j < len(order) and (order[j].scaled.start, order[j].scaled.end) == span:
            j += 1
        for k in range(i, j):
            b = order[k]
            assert b.scaled.end is not None
            high, index = tree.smallest(position[b.scaled.end])
            if index < 0 or high >= totals[k].lo:
                continue
            a = order[index]
            if bucket_of.get(a.ref) == bucket_of.get(b.ref):
                continue  # the same period: the per-month check covers it
            at, bt = a.scaled.total, b.scaled.total
            assert at is not None and bt is not None
            found.append((a, b, _gap(at, bt)))
        for k in range(i, j):
            end = order[k].scaled.end
            assert end is not None
            tree.add(position[end], totals[k].hi, k)
        i = j
    return found


def _containment(a: Entry, b: Entry, settings: ReconcileSettings) -> Contradiction:
    """``a``'s period contains ``b``'s, yet ``a`` counts fewer."""
    at, bt = a.scaled.total, b.scaled.total
    assert at is not None and bt is not None and a.scaled.end and b.scaled.end
    wa, wb = at.widened(leeway(a, settings)), bt.widened(leeway(b, settings))
    if a.scaled.start == b.scaled.start:
        kind = "running_total"
        arithmetic = (
            f"Running totals from the same start cannot shrink: {_label(a)} counts {at.text()} up to "
            f"{a.scaled.end.isoformat()}, {_label(b)} counts {bt.text()} up to {b.scaled.end.isoformat()}. "
            f"With the leeway the later total is at most {fmt(wa.hi)}, the earlier at least {fmt(wb.lo)}."
        )
    else:
        kind = "containment"
        arithmetic = (
            f"{_label(a)} covers {_period(a)} ({a.scaled.months or 0:.1f} months), which contains the "
            f"period of {_label(b)}, {_period(b)}: it cannot count fewer. Yet it counts {at.text()} "
            f"(at most {fmt(wa.hi)} with the leeway) against {bt.text()} (at least {fmt(wb.lo)})."
        )
    return Contradiction(
        kind=kind,
        a=a,
        b=b,
        arithmetic=arithmetic,
        gap=_gap(at, bt),
        tolerance=settings.tolerance,
        assumptions=_assumptions(a, b),
    )


def _same_sentence(a: Entry, b: Entry) -> bool:
    return (
        a.record.article_id == b.record.article_id
        and a.record.claim.sentence_start == b.record.claim.sentence_start
    )


def find_contradictions(
    entries: Sequence[Entry],
    settings: ReconcileSettings,
    buckets: Sequence[Bucket] | None = None,
) -> list[Contradiction]:
    """Every contradiction among the figures of one series (see the module docstring)."""
    from headcount.reconcile.agreement import period_buckets

    buckets = list(buckets) if buckets is not None else period_buckets(entries, settings)
    found: list[Contradiction] = []
    bucket_of: dict[str, int] = {}
    set_of: dict[str, tuple[int, int]] = {}
    for n, bucket in enumerate(buckets):
        for e in bucket.entries:
            bucket_of[e.ref] = n
        sets = agreement_sets(bucket, settings)
        for k, agreeing in enumerate(sets):
            for e in agreeing.entries:
                set_of[e.ref] = (n, k)
        for lower, upper in pairwise(sets):
            found.append(_same_period(bucket, lower, upper, settings))
    # One containment per figure and agreeing set it contradicts: echoes of one figure are listed
    # with the strongest case, not reported once each.
    merged: dict[tuple[str, object], list[tuple[Entry, Entry, float]]] = {}
    for a, b, gap in _containments(entries, bucket_of, settings):
        merged.setdefault((a.ref, set_of.get(b.ref, b.ref)), []).append((a, b, gap))
    for cases in merged.values():
        # The strongest case (the first of equals), the others listed with it.
        best, others = cases[0], list[str]()
        for case in cases[1:]:
            if case[2] > best[2]:
                others = [best[1].ref, *others]
                best = case
            else:
                others.append(case[1].ref)
        c = _containment(best[0], best[1], settings)
        found.append(replace(c, agreeing_b=tuple(others)) if others else c)
    # Two figures of one sentence are never reported against each other: a sentence that gives two
    # figures for one thing gives them for two parts or two times ("more than 2,000 in 2024, up
    # from 640 a year earlier"), even when the extraction put both on one period.
    found = [c for c in found if not _same_sentence(c.a, c.b)]
    found.sort(key=lambda c: (-c.gap, c.a.ref, c.b.ref))
    return found


__all__ = ["find_contradictions"]
