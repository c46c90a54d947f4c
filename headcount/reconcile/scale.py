"""One scale for every figure: a value per month and, over a known period, a total.

The rules, each written out next to the figure it is applied to:

1. A **count over a known period** becomes an average per month over that period's exact length
   ("exceeding 180,000" from 2025-01-01 to 2025-11-09 is over 17,476 a month over 10.3 months).
   Intervals are kept: 300,000–500,000 stays a range, "over 180,000" stays open above.
2. A **running total without a start** ("300,000 have left their units", ending at the article's
   date) is a total at its end date. For a per-month value it is taken to count from the event of
   ``scale.open_start_event`` (the full-scale invasion), and the assumption says so.
3. A **rate** becomes a rate per month (× 30.44 for a daily one, ÷ 12 for a yearly one); over a
   known period it also gives a total (rate × months).
4. A **share with a known base** in its sentence becomes a count: 40% of 20,000 cases → 8,000.
   A share whose *part* is in its sentence ("29,000 …, less than 10% of the total deserters")
   implies the size of the whole (over 290,000), which is placed in the whole's series.
5. **Changes** (sixfold, +50%) and counts with no period at all stay off the scale, with the
   reason; they are still listed with their series.

Metrics are never converted into each other: a criminal-case count stays a criminal-case count.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from headcount.model import LedgerClaim
from headcount.reconcile.records import Interval, Scaled, fmt
from headcount.reconcile.settings import ReconcileSettings, default_settings

#: Factor from a rate per ``per`` to a rate per month (days are filled in from the settings).
_PER_WEEK_DAYS = 7.0


def _add_months(d: date, n: int) -> date:
    month = d.month - 1 + n
    year = d.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@lru_cache(maxsize=1 << 16)  # figures share their periods (months, years to date): computed once each
def months_between(start: date, end: date) -> float:
    """The length of ``start``..``end`` (both days included) in months.

    Whole calendar months count as one each (October 1–31 is exactly 1.0; February is 1.0 too),
    and the remaining days as a fraction of the month they fall in: 2025-01-01..2025-11-09 is ten
    months and 9 of November's 30 days, 10.3.
    """
    if end < start:
        start, end = end, start
    stop = end + timedelta(days=1)
    whole = (stop.year - start.year) * 12 + (stop.month - start.month)
    while whole > 0 and _add_months(start, whole) > stop:
        whole -= 1
    anchor = _add_months(start, whole)
    rest = (stop - anchor).days
    if rest == 0:
        return float(whole)
    month_len = (_add_months(start, whole + 1) - anchor).days
    return whole + rest / month_len


def per_month_factor(per: str, settings: ReconcileSettings) -> float | None:
    """How many of ``per`` make a month; None for a unit we cannot convert."""
    return {
        "day": settings.days_per_month,
        "week": settings.days_per_month / _PER_WEEK_DAYS,
        "month": 1.0,
        "year": 1 / 12,
    }.get(per)


def _value(record: LedgerClaim) -> Interval:
    c = record.claim
    return Interval(c.low, c.high)


def _months_text(months: float) -> str:
    return "1 month" if abs(months - 1) < 0.005 else f"{months:.1f} months"


def _span(start: date, end: date) -> str:
    return f"{start.isoformat()} to {end.isoformat()}"


def scale_claim(record: LedgerClaim, settings: ReconcileSettings | None = None) -> Scaled:
    """The figure of one claim on the common scale (shares without their sentence: off the scale)."""
    settings = settings or default_settings()
    c = record.claim
    value = _value(record)
    off: dict[str, Any] = {
        "metric": c.metric,
        "side": c.side,
        "per_month": None,
        "total": None,
        "months": None,
    }
    if c.kind == "change":
        return Scaled(
            basis="change",
            start=c.period_start,
            end=c.period_end,
            reason=f"a change ({c.figure}) is a ratio, not a level: it has no place on the scale",
            **off,
        )
    if c.kind == "share":
        return Scaled(
            basis="share",
            start=c.period_start,
            end=c.period_end,
            reason=f"a share ({c.figure}) with no count of its base or part in its sentence",
            **off,
        )
    if c.kind == "rate":
        return _scale_rate(record, value, settings)
    return _scale_count(record, value, settings)


def _scale_rate(record: LedgerClaim, value: Interval, settings: ReconcileSettings) -> Scaled:
    c = record.claim
    factor = per_month_factor(c.per or "", settings)
    if factor is None:
        return Scaled(
            metric=c.metric,
            side=c.side,
            basis="rate",
            per_month=None,
            total=None,
            start=c.period_start,
            end=c.period_end,
            months=None,
            reason=f"a rate ({c.figure}) whose unit of time is not stated",
        )
    assumptions = []
    per_month = value.scaled(factor)
    if c.per == "day":
        assumptions.append(f"a daily rate × {settings.days_per_month:.2f} days a month")
    elif c.per == "week":
        assumptions.append(f"a weekly rate × {factor:.2f} weeks a month")
    elif c.per == "year":
        assumptions.append("a yearly rate ÷ 12")
    if c.period_start and c.period_end:
        months = months_between(c.period_start, c.period_end)
        total = per_month.scaled(months)
        return Scaled(
            metric=c.metric,
            side=c.side,
            basis="rate over a period",
            per_month=per_month,
            total=total,
            start=c.period_start,
            end=c.period_end,
            months=months,
            assumptions=(
                *assumptions,
                f"{per_month.text('/month')} × {_months_text(months)} "
                f"({_span(c.period_start, c.period_end)}) = {total.text()} in all",
            ),
        )
    at = c.period_end or record.published
    assumptions.append(
        "no period stated: an average at the time of the statement"
        + (f" ({at.isoformat()})" if at else "")
        + ", not a count over any span"
    )
    return Scaled(
        metric=c.metric,
        side=c.side,
        basis="rate, no period",
        per_month=per_month,
        total=None,
        start=None,
        end=None,
        months=None,
        at=at,
        assumptions=tuple(assumptions),
    )


def _scale_count(record: LedgerClaim, value: Interval, settings: ReconcileSettings) -> Scaled:
    c = record.claim
    start, end = c.period_start, c.period_end
    assumptions: list[str] = []
    if start and not end:
        if record.published is None or record.published < start:
            return Scaled(
                metric=c.metric,
                side=c.side,
                basis="count",
                per_month=None,
                total=None,
                start=start,
                end=None,
                months=None,
                reason="a total since a date, with no end date and no publication date to end it",
            )
        end = record.published
        assumptions.append(f"no end date: taken to run to the article's publication date, {end.isoformat()}")
    if not end:
        return Scaled(
            metric=c.metric,
            side=c.side,
            basis="count",
            per_month=None,
            total=None,
            start=None,
            end=None,
            months=None,
            reason="a count with no period stated: it cannot be spread over months",
        )
    start_assumed = False
    basis = "count over a period"
    if start is None:
        basis = "running total"
        if settings.open_start is None or settings.open_start >= end:
            return Scaled(
                metric=c.metric,
                side=c.side,
                basis=basis,
                per_month=None,
                total=value,
                start=None,
                end=end,
                months=None,
                reason=f"a running total at {end.isoformat()} with no start date",
            )
        start, start_assumed = settings.open_start, True
        assumptions.append(
            f"no start date: a running total at {end.isoformat()}, taken to count from the "
            f"{settings.open_start_label} ({start.isoformat()})"
        )
    assert start is not None
    months = months_between(start, end)
    per_month = value.scaled(1 / months)
    if abs(months - 1) >= 0.005:
        assumptions.append(
            f"{value.text()} over {_months_text(months)} ({_span(start, end)}), spread evenly: "
            f"{per_month.text('/month')}"
        )
    return Scaled(
        metric=c.metric,
        side=c.side,
        basis=basis,
        per_month=per_month,
        total=value,
        start=start,
        end=end,
        months=months,
        start_assumed=start_assumed,
        assumptions=tuple(assumptions),
    )


def _share_of(share: Interval, base: Interval) -> Interval:
    """``share`` percent of ``base``; an open end stays open."""
    low = None if share.low is None or base.low is None else share.low * base.low / 100
    high = None if share.high is None or base.high is None else share.high * base.high / 100
    return Interval(low, high)


def _whole_of(part: Interval, share: Interval) -> Interval:
    """The whole that ``part`` is ``share`` percent of: a smaller share means a larger whole."""
    low = None if part.low is None or share.high is None or share.high <= 0 else part.low * 100 / share.high
    high = None if part.high is None or share.low is None or share.low <= 0 else part.high * 100 / share.low
    return Interval(low, high)


def _derived(
    record: LedgerClaim,
    total: Interval,
    metric: str,
    partner: LedgerClaim,
    basis: str,
    note: str,
    settings: ReconcileSettings,
) -> Scaled:
    """A count implied by a share, put on the scale like a count over the partner's period."""
    p = partner.claim
    fake = LedgerClaim(
        id=record.id,
        article_id=record.article_id,
        claim=replace(
            p,
            metric=metric,
            low=total.low,
            high=total.high,
            bound="range" if total.low is not None and total.high is not None else p.bound,
        ),
        outlet=record.outlet,
        url=record.url,
        published=record.published,
        title=record.title,
    )
    scaled = _scale_count(fake, total, settings)
    return Scaled(
        metric=metric,
        side=record.claim.side,
        basis=basis,
        per_month=scaled.per_month,
        total=total,
        start=scaled.start,
        end=scaled.end,
        months=scaled.months,
        start_assumed=scaled.start_assumed,
        assumptions=(note, *scaled.assumptions),
        reason=scaled.reason,
        derived_from=(record.id, partner.id),
    )


def scale_claims(
    records: Sequence[LedgerClaim], settings: ReconcileSettings | None = None
) -> list[tuple[LedgerClaim, Scaled]]:
    """Every claim on the scale, plus the counts that shares with a known base or part imply.

    Returns ``(claim, scaled)`` pairs: one per claim, then one per derived figure (its
    ``derived_from`` names the share and its partner).
    """
    settings = settings or default_settings()
    # Echoes of one figure scale alike: each distinct figure is scaled once (the article's date
    # counts only where a figure has no end date of its own).
    memo: dict[tuple[Any, ...], Scaled] = {}
    out = []
    for r in records:
        c = r.claim
        key: tuple[Any, ...] = (
            c.kind,
            c.per,
            c.low,
            c.high,
            c.bound,
            c.figure,
            c.metric,
            c.side,
            c.period_start,
            c.period_end,
        )
        if c.period_end is None:
            key += (r.published,)
        scaled = memo.get(key)
        if scaled is None:
            scaled = memo[key] = scale_claim(r, settings)
        out.append((r, scaled))
    by_sentence: dict[tuple[int, int], list[LedgerClaim]] = defaultdict(list)
    shares = []
    for r in records:
        if r.claim.kind == "count":
            by_sentence[(r.article_id, r.claim.sentence_start)].append(r)
        elif r.claim.kind == "share":
            shares.append(r)
    derived: list[tuple[LedgerClaim, Scaled]] = []
    replaced: dict[int, Scaled] = {}
    for share in shares:
        s = share.claim
        counts = [
            r for r in by_sentence.get((share.article_id, s.sentence_start), ()) if r.claim.side == s.side
        ]
        if not counts:
            continue
        # The share refers back to the figure before it ("29,000 …, a number that accounts for
        # less than 10% of …"); failing one, to the nearest after it.
        before = [r for r in counts if r.claim.start < s.start]
        partner = (
            max(before, key=lambda r: r.claim.start) if before else min(counts, key=lambda r: r.claim.start)
        )
        p = partner.claim
        share_value, part_value = _value(share), _value(partner)
        if p.metric == s.metric:
            whole_metric = settings.share_base.get(s.metric)
            if whole_metric is None:
                continue
            whole = _whole_of(part_value, share_value)
            percents = [v for v in (share_value.high, share_value.low) if v is not None]
            note = (
                f"{p.figure} (#{partner.id}) is {s.figure} of the whole, so the whole ({whole_metric}) is "
                f"{whole.text()} ({part_value.text()} ÷ {' to '.join(fmt(v) + '%' for v in percents)})"
            )
            derived.append(
                (
                    share,
                    _derived(share, whole, whole_metric, partner, "whole implied by a share", note, settings),
                )
            )
            replaced[share.id] = Scaled(
                metric=s.metric,
                side=s.side,
                basis="share",
                per_month=None,
                total=None,
                start=s.period_start,
                end=s.period_end,
                months=None,
                reason=(
                    f"a share of its part #{partner.id}; the whole it implies is in the {whole_metric} series"
                ),
            )
        else:
            count = _share_of(share_value, part_value)
            note = (
                f"{s.figure} of {p.figure} ({p.metric} #{partner.id}) = {count.text()} "
                f"({share_value.text('%')} × {part_value.text()})"
            )
            scaled = _derived(share, count, s.metric, partner, "share of a known base", note, settings)
            replaced[share.id] = Scaled(
                metric=s.metric,
                side=s.side,
                basis=scaled.basis,
                per_month=scaled.per_month,
                total=scaled.total,
                start=scaled.start,
                end=scaled.end,
                months=scaled.months,
                start_assumed=scaled.start_assumed,
                assumptions=scaled.assumptions,
                reason=scaled.reason,
                derived_from=(partner.id,),
            )
    if replaced:
        out = [(r, replaced.get(r.id, s)) for r, s in out]
    return out + derived


def scale_of(records: Iterable[LedgerClaim], settings: ReconcileSettings | None = None) -> dict[int, Scaled]:
    """``{claim id: scaled}`` of each claim itself (the wholes that shares imply are left out)."""
    out: dict[int, Scaled] = {}
    for record, scaled in scale_claims(list(records), settings):
        out.setdefault(record.id, scaled)
    return out


__all__ = ["fmt", "months_between", "per_month_factor", "scale_claim", "scale_claims", "scale_of"]
