"""Which figures of a series speak of the same period, and which of those agree.

Both the contradiction check and the corroboration groups start here:

0. **Scope**: figures are compared only with figures of the same scope — the places and units
   their sentences name (``[scope]`` in ``data/reconcile.toml``): asylum applications in France
   are not those in Germany, one brigade's deserters are not the army's.
1. **Periods**: figures are bucketed by period. Two periods are the same when their overlap covers
   at least ``same_period_overlap`` of each (80%: "October" and "October 3–31" are one period,
   October and the year to date are not). Running totals without a stated start are bucketed by
   their end dates (within ``running_total_window_days``), rates stated without a period by the
   date they were stated on (within ``ongoing_window_days``).
2. **Agreement**: within a bucket, each figure's per-month interval is widened by the tolerance
   (more for figures the text calls approximate); figures whose widened intervals share a common
   value form an agreement set. Sets are found by one sweep in order of their low ends, so a bucket
   of k figures costs O(k log k), and consecutive sets never overlap: the figures that end one set
   and start the next cannot both hold.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from headcount.reconcile.records import Entry, Interval
from headcount.reconcile.settings import ReconcileSettings


def scope_of(quote: str, settings: ReconcileSettings) -> tuple[str, ...]:
    """The places and units a claim's sentence narrows its count to, sorted ("France",
    "155th brigade"); empty for a count of a whole side."""
    found: set[str] = set()
    if settings.scope_any is None or settings.scope_any.search(quote):
        found = {label for label, pattern in settings.scope_places if pattern.search(quote)}
    if settings.scope_named is not None:
        found.update(" ".join(m.group(0).split()) for m in settings.scope_named.finditer(quote))
    return tuple(sorted(found))


def leeway(entry: Entry, settings: ReconcileSettings) -> float:
    """The share a figure may be off by before it disagrees: the tolerance, plus the slack for
    figures the text itself calls approximate."""
    approx = entry.record.claim.bound == "approx"
    return settings.tolerance + (settings.approx_slack if approx else 0.0)


def widened(entry: Entry, settings: ReconcileSettings, *, total: bool = False) -> Interval:
    value = entry.scaled.total if total else entry.scaled.per_month
    assert value is not None
    return value.widened(leeway(entry, settings))


def overlap_share(a_start: date, a_end: date, b_start: date, b_end: date) -> float:
    """The overlap of two periods (days included) as a share of the longer one."""
    days = (min(a_end, b_end) - max(a_start, b_start)).days + 1
    if days <= 0:
        return 0.0
    longest = max((a_end - a_start).days + 1, (b_end - b_start).days + 1)
    return days / longest


@dataclass
class Bucket:
    """Figures of one series that speak of the same period (or, for rates without a period, were
    stated at the same time)."""

    start: date | None
    end: date | None
    ongoing: bool = False
    entries: list[Entry] = field(default_factory=list)
    running: bool = False  # running totals without a stated start: compared as totals at a date
    sets: list[AgreementSet] | None = None  # agreement_sets(), kept: contradictions and groups use them


@dataclass
class AgreementSet:
    """Figures of a bucket that all allow one common value (``low``..``high``, widened)."""

    low: float
    high: float
    entries: list[Entry] = field(default_factory=list)
    tightest: Entry | None = None  # the member whose widened high end is the set's ``high``

    @property
    def value(self) -> Interval:
        return Interval(self.low, None if math.isinf(self.high) else self.high)


def period_buckets(entries: Sequence[Entry], settings: ReconcileSettings) -> list[Bucket]:
    """Bucket the figures on the scale by period (see the module docstring)."""
    dated = sorted(
        (
            e
            for e in entries
            if e.scaled.on_scale and e.scaled.start and e.scaled.end and not e.scaled.start_assumed
        ),
        key=lambda e: (e.scaled.start, e.scaled.end, e.ref),
    )
    buckets: list[Bucket] = []
    active: list[Bucket] = []
    reach = 1 - settings.same_period_overlap
    for e in dated:
        start, end = e.scaled.start, e.scaled.end
        assert start is not None and end is not None
        # Entries come in order of start: a bucket is done once it has ended, or once it started
        # so long ago that no later period can cover `same_period_overlap` of it (an overlap
        # with a bucket that starts first is at most its length less the days since it started).
        active = [
            b
            for b in active
            if b.end is not None
            and b.end >= start
            and b.start is not None
            and (start - b.start).days <= reach * ((b.end - b.start).days + 1)
        ]
        best, best_share = None, 0.0
        for b in active:
            assert b.start is not None and b.end is not None
            share = overlap_share(b.start, b.end, start, end)
            if share > best_share:
                best, best_share = b, share
        if best is not None and best_share >= settings.same_period_overlap:
            best.entries.append(e)
            continue
        bucket = Bucket(start, end, entries=[e])
        buckets.append(bucket)
        active.append(bucket)
    # Running totals without a stated start: one point in time when their end dates are close.
    running = sorted(
        (e for e in entries if e.scaled.on_scale and e.scaled.start_assumed and e.scaled.end),
        key=lambda e: (e.scaled.end, e.ref),
    )
    _by_date(running, lambda e: e.scaled.end, settings.running_total_window_days, buckets, ongoing=False)
    # Rates without a period: the current rate, when stated at about the same time.
    ongoing = sorted(
        (e for e in entries if e.scaled.on_scale and not (e.scaled.start and e.scaled.end)),
        key=lambda e: (e.scaled.at or date.min, e.ref),
    )
    _by_date(ongoing, lambda e: e.scaled.at, settings.ongoing_window_days, buckets, ongoing=True)
    return buckets


def _by_date(
    entries: list[Entry],
    when: Callable[[Entry], date | None],
    window: int,
    buckets: list[Bucket],
    *,
    ongoing: bool,
) -> None:
    """Bucket entries (sorted by ``when``) whose dates lie within ``window`` days of the first."""
    current: Bucket | None = None
    anchor: date | None = None
    for e in entries:
        at = when(e)
        if current is not None and at is not None and anchor is not None and (at - anchor).days <= window:
            current.entries.append(e)
            current.end = at if not ongoing else current.end
            continue
        anchor = at
        current = Bucket(
            e.scaled.start if not ongoing else at, at, ongoing=ongoing, entries=[e], running=not ongoing
        )
        buckets.append(current)


def agreement_sets(bucket: Bucket, settings: ReconcileSettings) -> list[AgreementSet]:
    """The agreement sets of a bucket, in order of value (see the module docstring); running totals
    are compared as totals, everything else per month. Found once per bucket and kept on it."""
    if bucket.sets is None:
        bucket.sets = _agreement_sets(bucket, settings)
    return bucket.sets


def _agreement_sets(bucket: Bucket, settings: ReconcileSettings) -> list[AgreementSet]:
    items = sorted(
        ((widened(e, settings, total=bucket.running), e) for e in bucket.entries),
        key=lambda item: (item[0].lo, item[0].hi, item[1].ref),
    )
    sets: list[AgreementSet] = []
    for w, e in items:
        if sets and w.lo <= sets[-1].high:
            s = sets[-1]
            s.entries.append(e)
            s.low = max(s.low, w.lo)
            if w.hi < s.high:
                s.high, s.tightest = w.hi, e
            continue
        sets.append(AgreementSet(w.lo, w.hi, [e], e))
    return sets
