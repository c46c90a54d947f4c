"""The cross-check of a set of claims, in order:

1. put every figure on the common scale (``scale``), shares turned into counts where the base is
   known;
2. resolve each claimant, intermediary and outlet through the actor registry (``provenance``);
3. split the figures into series, one per metric and side — metrics are never merged;
4. in each series, bucket figures by period and find the sets that agree (``agreement``);
5. report contradictions (``contradictions``) and, for each set of two or more agreeing figures,
   its origins and echoes (``provenance.corroboration``);
6. warn where a count of one thing may be presented as another (``mixing``).

:func:`compare` works on any claims; :func:`compare_ledger` reads them from a ledger and first
finds republished copies among their articles, so that corroboration counts a copied text once.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from headcount.actors import Registry
from headcount.gcpause import gc_paused
from headcount.model import METRICS, SIDES, LedgerClaim, speaks_of  # speaks_of: what the span columns hold
from headcount.reconcile.agreement import agreement_sets, period_buckets, scope_of
from headcount.reconcile.contradictions import find_contradictions
from headcount.reconcile.labels import SIDE_LABELS, metric_label, related_metrics
from headcount.reconcile.mixing import find_mixing
from headcount.reconcile.provenance import Resolver, corroboration
from headcount.reconcile.records import Comparison, Entry, Group, Interval, MixWarning, Series
from headcount.reconcile.scale import scale_claims
from headcount.reconcile.settings import ReconcileSettings, default_settings

if TYPE_CHECKING:
    from headcount.store import Ledger

log = logging.getLogger(__name__)


def in_window(record: LedgerClaim, since: date | None, until: date | None) -> bool:
    """Whether a claim speaks of ``since``..``until``: its period overlaps the window (a claim with
    no period: its article's publication date falls in it)."""
    if since is None and until is None:
        return True
    start, end = speaks_of(record.claim.period_start, record.claim.period_end, record.published)
    if start is None or end is None:
        return False
    return (since is None or end >= since) and (until is None or start <= until)


def compare(
    records: Iterable[LedgerClaim],
    *,
    registry: Registry | None = None,
    settings: ReconcileSettings | None = None,
    copies: Mapping[int, int] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> Comparison:
    """Cross-check claims (see the module docstring).

    ``copies`` maps an article id to the id of the article it republishes (from
    :func:`headcount.narratives.find_republications`); ``since``/``until`` keep the claims whose
    period overlaps that window.
    """
    with gc_paused():  # hundreds of thousands of small objects, no cycles: see headcount.gcpause
        return _compare(records, registry, settings, copies, since, until)


def _compare(
    records: Iterable[LedgerClaim],
    registry: Registry | None,
    settings: ReconcileSettings | None,
    copies: Mapping[int, int] | None,
    since: date | None,
    until: date | None,
) -> Comparison:
    settings = settings or default_settings()
    copies = dict(copies or {})
    claims = [r for r in records if in_window(r, since, until)]
    resolver = Resolver(registry, settings)
    outlets = {r.article_id: r.outlet for r in claims}
    warnings = find_mixing(claims, settings)
    notes: dict[str, list[str]] = defaultdict(list)
    for w in warnings:
        notes[w.ref].append(w.message)

    by_series: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    # A figure and its echoes share their sentence: each sentence's places are searched once.
    scopes: dict[str, tuple[str, ...]] = {}
    for record, scaled in scale_claims(claims, settings):
        copy_of = copies.get(record.article_id)
        origin = resolver.origin(record, copy_of=copy_of, outlets=outlets)
        whole = scaled.metric != record.claim.metric
        ref = f"{record.id}/{scaled.metric}" if whole else str(record.id)
        scope = scopes.get(record.claim.quote)
        if scope is None:
            scope = scopes[record.claim.quote] = scope_of(record.claim.quote, settings)
        entry = Entry(
            ref=ref,
            record=record,
            scaled=scaled,
            origin=origin,
            chain=resolver.chain(record),
            adversarial=resolver.adversarial(origin, scaled.side),
            copy_of=copy_of,
            warnings=() if whole else tuple(notes.get(ref, ())),
            scope=scope,
        )
        by_series[(scaled.metric, scaled.side)].append(entry)

    series = [
        _series(metric, side, entries, [w for w in warnings if w.metric == metric], settings)
        for (metric, side), entries in by_series.items()
    ]
    series.sort(key=lambda s: (SIDES.index(s.side) if s.side in SIDES else 9, METRICS.index(s.metric)))
    log.info(
        "compared %d claims: %d series, %d contradictions, %d groups",
        len(claims),
        len(series),
        sum(len(s.contradictions) for s in series),
        sum(len(s.groups) for s in series),
    )
    return Comparison(
        series=tuple(series),
        warnings=tuple(warnings),
        copies=copies,
        claims=len(claims),
        settings=settings.summary(),
    )


def _order(e: Entry) -> tuple[date, str]:
    s = e.scaled
    return (s.start or s.at or s.end or e.record.published or date.max, e.ref)


def _agreed(entries: Sequence[Entry], *, total: bool) -> tuple[Interval, bool]:
    """The value every member's own interval allows; when they meet only within the tolerance,
    the span of their values instead (and True)."""
    values = [e.scaled.total if total else e.scaled.per_month for e in entries]
    known = [v for v in values if v is not None]
    low, high = max(v.lo for v in known), min(v.hi for v in known)
    if low <= high:
        has_low = any(v.low is not None for v in known)
        return Interval(low if has_low else None, None if math.isinf(high) else high), False
    mids = [v.mid for v in known if v.mid is not None]
    return Interval(min(mids), max(mids)), True


def _series(
    metric: str,
    side: str,
    entries: list[Entry],
    warnings: Sequence[MixWarning],
    settings: ReconcileSettings,
) -> Series:
    entries.sort(key=_order)
    refs = {e.ref for e in entries}
    by_scope: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for e in entries:
        by_scope[e.scope].append(e)
    groups = []
    contradictions = []
    buckets = []
    for scoped in by_scope.values():
        scope_buckets = period_buckets(scoped, settings)
        buckets.extend(scope_buckets)
        contradictions.extend(find_contradictions(scoped, settings, scope_buckets))
    contradictions.sort(key=lambda c: (-c.gap, c.a.ref, c.b.ref))
    for bucket in buckets:
        for agreeing in agreement_sets(bucket, settings):
            if len(agreeing.entries) < 2:
                continue
            members = tuple(sorted(agreeing.entries, key=_order))
            origins, independence, articles = corroboration(members, settings)
            value, loose = _agreed(members, total=bucket.running)
            if bucket.ongoing:
                basis = "current rate"
            else:
                basis = "total at a date" if bucket.running else "per month"
            groups.append(
                Group(
                    basis=basis,
                    value=value,
                    start=bucket.start,
                    end=bucket.end,
                    entries=members,
                    origins=origins,
                    independence=independence,
                    articles=articles,
                    within_tolerance=loose,
                )
            )
    groups.sort(key=lambda g: (-g.independence, -len(g.entries), g.start or date.min))
    return Series(
        metric=metric,
        side=side,
        label=metric_label(metric),
        entries=tuple(entries),
        contradictions=tuple(contradictions),
        groups=tuple(groups),
        related=related_metrics(metric),
        warnings=tuple(w for w in warnings if w.ref in refs and w.metric == metric),
    )


def compare_ledger(
    ledger: Ledger,
    *,
    metric: str | Sequence[str] | None = None,
    side: str | Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    registry: Registry | None = None,
    settings: ReconcileSettings | None = None,
    copies: Mapping[int, int] | None = None,
) -> Comparison:
    """Cross-check the ledger's current claims, filtered by metric, side and period window.

    Republished copies among the claims' articles are found first (``copies`` given: used as is).
    """
    settings = settings or default_settings()
    wanted = [metric] if isinstance(metric, str) else list(metric or [])
    # A share of another metric can imply a figure of a wanted one (returns under amnesty, "less
    # than 10% of the deserters", imply the number of deserters): read those claims too.
    parts = [m for m, whole in settings.share_base.items() if whole in wanted and m not in wanted]
    read = [*wanted, *parts] or None
    # The window in SQL (the claims' span columns, an index range): in_window's claims exactly.
    records = ledger.claims(metric=read, side=side or None, window=(since, until))
    if copies is None:
        from headcount.narratives import find_republications
        from headcount.store.crosscheck import iter_documents

        ids = sorted({r.article_id for r in records})
        copies = find_republications(iter_documents(ledger, ids)).copy_of if ids else {}
    comparison = compare(records, registry=registry, settings=settings, copies=copies)
    if not parts:
        return comparison
    return dataclasses.replace(
        comparison,
        series=tuple(s for s in comparison.series if s.metric in wanted),
        warnings=tuple(w for w in comparison.warnings if w.metric in wanted),
    )


__all__ = ["SIDE_LABELS", "compare", "compare_ledger", "in_window", "metric_label", "related_metrics"]
