"""The records of the cross-check: a claim on the common scale, where it comes from, the series it
belongs to, the contradictions and the groups of agreeing figures.

They live beside the stages that make them rather than in ``headcount/model.py``, which belongs to
the extractor and the ledger; like those, they are frozen and slotted, and each has a
``to_dict`` for ``--format json``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from headcount.model import Actor, LedgerClaim


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    r = round(v, 2)
    return int(r) if float(r).is_integer() else r


def fmt(v: float | None) -> str:
    """A figure as people write it: 21,600; 17,476; 6.5; 0.25."""
    if v is None:
        return "…"
    if math.isinf(v):
        return "∞"
    if abs(v) >= 100:
        return f"{round(v):,}"
    if abs(v) >= 10 or float(v).is_integer():
        return f"{v:,.1f}".rstrip("0").rstrip(".")
    return f"{v:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class Interval:
    """A value with its uncertainty and open ends: 21,600 is (21600, 21600), "over 180,000" is
    (180000, None), "fewer than 300" is (None, 300). Counts are never negative, so an open low
    end reads as 0 where a bound is needed."""

    low: float | None
    high: float | None

    @property
    def lo(self) -> float:
        return self.low if self.low is not None else 0.0

    @property
    def hi(self) -> float:
        return self.high if self.high is not None else math.inf

    @property
    def mid(self) -> float | None:
        """The value to draw a bar at: the middle of a range, the known end of an open one."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def scaled(self, k: float) -> Interval:
        return Interval(
            None if self.low is None else self.low * k, None if self.high is None else self.high * k
        )

    def widened(self, share: float) -> Interval:
        """Both ends moved out by ``share`` (the tolerance); open ends stay open."""
        return Interval(
            None if self.low is None else self.low * (1 - share),
            None if self.high is None else self.high * (1 + share),
        )

    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def text(self, unit: str = "") -> str:
        """``21,600``, ``15,000–18,000``, ``over 17,476``, ``under 300``, with ``unit`` after."""
        if self.low is not None and self.high is not None:
            body = fmt(self.low) if math.isclose(self.low, self.high) else f"{fmt(self.low)}–{fmt(self.high)}"
        elif self.low is not None:
            body = f"over {fmt(self.low)}"
        elif self.high is not None:
            body = f"under {fmt(self.high)}"
        else:
            body = "unknown"
        return body + unit

    def to_list(self) -> list[float | int | None]:
        return [_num(self.low), _num(self.high)]


@dataclass(frozen=True, slots=True)
class Scaled:
    """A claim's figure on the common scale: a value per month and, over a known period, a total.

    ``basis`` says how it was obtained; ``assumptions`` say, in words, what had to be assumed (an
    even spread, a start date, a base). ``per_month`` is None when the figure cannot be put on the
    scale; ``reason`` then says why. A share with a known base yields a *derived* figure (a count
    implied by it), placed in the series of what it counts.
    """

    metric: str
    side: str
    basis: str
    per_month: Interval | None
    total: Interval | None
    start: date | None
    end: date | None
    months: float | None
    start_assumed: bool = False
    at: date | None = None  # the date a rate without a period was stated on
    assumptions: tuple[str, ...] = ()
    reason: str = ""
    derived_from: tuple[int, ...] = ()  # claim ids a derived figure is computed from

    @property
    def on_scale(self) -> bool:
        return self.per_month is not None

    @property
    def derived(self) -> bool:
        return bool(self.derived_from)

    def to_dict(self) -> dict[str, Any]:
        return {
            "basis": self.basis,
            "per_month": self.per_month.to_list() if self.per_month else None,
            "total": self.total.to_list() if self.total else None,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "months": None if self.months is None else round(self.months, 3),
            "start_assumed": self.start_assumed,
            "at": _iso(self.at),
            "assumptions": list(self.assumptions),
            "reason": self.reason or None,
            "derived_from": list(self.derived_from),
        }


@dataclass(frozen=True, slots=True)
class Origin:
    """Who a figure comes from, as far as the registry can tell.

    ``key`` makes two origins one: the actor's canonical name, or for a claimant the registry does
    not know, the name as written. ``affiliation`` is one of the registry's or ``unknown``.
    """

    key: str
    name: str
    affiliation: str
    kind: str | None = None
    known: bool = False
    vague: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "affiliation": self.affiliation,
            "kind": self.kind,
            "known": self.known,
            "vague": self.vague,
        }


@dataclass(frozen=True, slots=True)
class Link:
    """One step of an attribution chain: the name as written, and the actor it resolves to."""

    name: str
    actor: Actor | None
    role: str  # claimant, via, outlet

    @property
    def affiliation(self) -> str:
        return self.actor.affiliation if self.actor else "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "actor": self.actor.name if self.actor else None,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True, slots=True)
class Entry:
    """A claim in a series: the stored claim, its figure on the scale, its origin and chain.

    ``ref`` is the claim id, or ``"<id>/<metric>"`` for the figure a share implies. ``copy_of`` is
    the article this one republishes, when it is a near-duplicate of an earlier one.
    """

    ref: str
    record: LedgerClaim
    scaled: Scaled
    origin: Origin
    chain: tuple[Link, ...]
    adversarial: bool
    copy_of: int | None = None
    warnings: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()  # places or units its sentence narrows the count to

    @property
    def claim_id(self) -> int:
        return self.record.id

    @property
    def label(self) -> str:
        """The ref as shown to readers: ``12``, or ``12 whole`` for the whole a share implies."""
        return self.ref.split("/")[0] + " whole" if "/" in self.ref else self.ref

    @property
    def article_id(self) -> int:
        return self.copy_of if self.copy_of is not None else self.record.article_id

    def chain_text(self) -> str:
        """``Ukraine's Prosecutor General's Office → Maria Zakharova → (outlet)``."""
        return " → ".join(link.name for link in self.chain)

    def to_dict(self) -> dict[str, Any]:
        c = self.record.claim
        return {
            "ref": self.ref,
            "claim_id": self.record.id,
            "article_id": self.record.article_id,
            "doc": c.doc,
            "outlet": self.record.outlet,
            "published": _iso(self.record.published),
            "figure": c.figure,
            "low": _num(c.low),
            "high": _num(c.high),
            "bound": c.bound,
            "kind": c.kind,
            "per": c.per,
            "metric": c.metric,
            "side": c.side,
            "period_start": _iso(c.period_start),
            "period_end": _iso(c.period_end),
            "hedged": c.hedged,
            "quote": c.quote,
            "scaled": self.scaled.to_dict(),
            "origin": self.origin.to_dict(),
            "chain": [link.to_dict() for link in self.chain],
            "adversarial": self.adversarial,
            "copy_of": self.copy_of,
            "scope": list(self.scope),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two figures of one series that cannot both hold, beyond the tolerance.

    ``kind``: ``same_period`` (per-month values over the same period), ``rate_vs_total`` (a rate
    and a total over the same span), ``current_rate`` (two rates stated without a period at the
    same time), ``containment`` (a longer period with fewer than a shorter one inside it),
    ``running_total`` (a running total that shrinks between two end dates). ``arithmetic`` shows
    the sums in words; ``gap`` is how far apart the two are, as a share of the larger.
    """

    kind: str
    a: Entry
    b: Entry
    arithmetic: str
    gap: float
    tolerance: float
    assumptions: tuple[str, ...] = ()
    agreeing_a: tuple[str, ...] = ()  # refs of other figures that agree with a (its group)
    agreeing_b: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "a": self.a.ref,
            "b": self.b.ref,
            "a_chain": self.a.chain_text(),
            "b_chain": self.b.chain_text(),
            "arithmetic": self.arithmetic,
            "gap": round(self.gap, 4),
            "tolerance": self.tolerance,
            "assumptions": list(self.assumptions),
            "agreeing_a": list(self.agreeing_a),
            "agreeing_b": list(self.agreeing_b),
        }


@dataclass(frozen=True, slots=True)
class Echo:
    """One report of an origin's figure: the claim, the article and the outlet that carried it."""

    entry: Entry
    copies: tuple[int, ...] = ()  # claim ids of republished copies of the same article

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.entry.ref,
            "article_id": self.entry.record.article_id,
            "outlet": self.entry.record.outlet,
            "published": _iso(self.entry.record.published),
            "chain": self.entry.chain_text(),
            "republished_copies": list(self.copies),
        }


@dataclass(frozen=True, slots=True)
class OriginEchoes:
    """An origin of a group and every report of it (one origin through many outlets)."""

    origin: Origin
    echoes: tuple[Echo, ...]
    weight: float
    adversarial: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin.to_dict(),
            "weight": round(self.weight, 3),
            "adversarial": self.adversarial,
            "echoes": [e.to_dict() for e in self.echoes],
        }


@dataclass(frozen=True, slots=True)
class Group:
    """Figures of one series and period that agree: the range they all allow, and how many
    independent origins stand behind it (weighted by affiliation), not how many articles."""

    basis: str  # "per month", or "current rate" for rates stated without a period
    value: Interval  # the range every member allows (within the tolerance)
    start: date | None
    end: date | None
    entries: tuple[Entry, ...]
    origins: tuple[OriginEchoes, ...]
    independence: float
    articles: int  # distinct articles, republished copies counted once
    within_tolerance: bool = False  # the members' own intervals do not meet; they agree only within it

    @property
    def adversarial_only(self) -> bool:
        """Every origin is a party to the conflict speaking about the other side."""
        return all(o.adversarial for o in self.origins)

    @property
    def echoes(self) -> int:
        return sum(len(o.echoes) for o in self.origins)

    def to_dict(self) -> dict[str, Any]:
        return {
            "basis": self.basis,
            "value": self.value.to_list(),
            "start": _iso(self.start),
            "end": _iso(self.end),
            "refs": [e.ref for e in self.entries],
            "origins": [o.to_dict() for o in self.origins],
            "independent_origins": len(self.origins),
            "independence": round(self.independence, 3),
            "articles": self.articles,
            "within_tolerance": self.within_tolerance,
            "adversarial_only": self.adversarial_only,
        }


@dataclass(frozen=True, slots=True)
class MixWarning:
    """A count of one thing that may be presented as another (cases as deserters …)."""

    kind: str  # "wording": its own sentence; "same_figure": the same number under another metric
    ref: str
    metric: str
    other_metric: str
    message: str
    other_ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "ref": self.ref,
            "metric": self.metric,
            "other_metric": self.other_metric,
            "other_ref": self.other_ref,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Series:
    """Every figure of one metric about one side, on one scale, with what the cross-check found."""

    metric: str
    side: str
    label: str
    entries: tuple[Entry, ...]
    contradictions: tuple[Contradiction, ...] = ()
    groups: tuple[Group, ...] = ()
    related: tuple[str, ...] = ()  # metrics shown beside this one, never merged into it
    warnings: tuple[MixWarning, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.metric}-{self.side}"

    @property
    def on_scale(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.scaled.on_scale)

    def origins(self) -> list[Origin]:
        return list({e.origin.key: e.origin for e in self.entries}.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "side": self.side,
            "label": self.label,
            "related": list(self.related),
            "claims": [e.to_dict() for e in self.entries],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "groups": [g.to_dict() for g in self.groups],
            "warnings": [w.to_dict() for w in self.warnings],
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """The cross-check of a set of claims: its series, and what spans them."""

    series: tuple[Series, ...]
    warnings: tuple[MixWarning, ...]
    copies: dict[int, int] = field(default_factory=dict)  # article id -> the article it republishes
    claims: int = 0
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def contradictions(self) -> list[Contradiction]:
        return [c for s in self.series for c in s.contradictions]

    @property
    def groups(self) -> list[Group]:
        return [g for s in self.series for g in s.groups]

    def get(self, metric: str, side: str) -> Series | None:
        return next((s for s in self.series if s.metric == metric and s.side == side), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "settings": self.settings,
            "series": [s.to_dict() for s in self.series],
            "warnings": [w.to_dict() for w in self.warnings],
            "republished": {str(k): v for k, v in sorted(self.copies.items())},
        }
