"""Where a figure comes from: its origin, its chain of intermediaries, and what a group of agreeing
figures is worth once echoes are told apart from independent origins.

* The **origin** of a claim is its claimant resolved through the actor registry ("Die Welt’s
  correspondent Christoph Vanner" → Die Welt). "The article" is the outlet speaking for itself, so
  its origin is the outlet; an article republished by another site keeps the original's origin.
  A claimant the registry does not know stays an origin of its own, of unknown affiliation.
* The **chain** runs from the claimant through each intermediary to the outlet that printed it.
* A figure whose origin is a party to the conflict (a state) speaking about the *other* side's
  soldiers is marked **adversarial**: the only word on it is the enemy's.
* A **group** of agreeing figures counts its origins, each weighted by affiliation (a second
  Russian state origin adds less than a second independent one: state bodies and state media
  repeat one line), not its articles: five outlets carrying one TASS report are one origin with
  five echoes. Republished copies of one article are one echo.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from functools import lru_cache

from headcount.actors import Registry, default_registry
from headcount.model import Actor, LedgerClaim
from headcount.reconcile.records import Echo, Entry, Link, Origin, OriginEchoes
from headcount.reconcile.settings import UNKNOWN, ReconcileSettings, default_settings

_SPACE = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=1 << 16)  # a ledger has a few thousand names, each looked up for every claim
def name_key(name: str) -> str:
    """What makes two spellings of an unknown claimant one: case, spacing, apostrophes, a leading
    article ("A Russian security source" and "Russian security source")."""
    key = _SPACE.sub(" ", name.translate(_APOSTROPHES).strip().lower())
    return _LEADING_ARTICLE.sub("", key)


class Resolver:
    """Resolves claimants, intermediaries and outlets through a registry, once per distinct name
    (a ledger of 100,000 claims has a few thousand names)."""

    def __init__(self, registry: Registry | None = None, settings: ReconcileSettings | None = None) -> None:
        self.registry = registry or default_registry()
        self.settings = settings or default_settings()
        self._actors: dict[str, Actor | None] = {}
        self._heads: dict[tuple[str, tuple[str, ...]], tuple[Link, ...]] = {}
        self._outlets: dict[tuple[str | None, str], tuple[Link, ...]] = {}

    def actor(self, name: str | None) -> Actor | None:
        if not name or not name.strip():
            return None
        if name not in self._actors:
            self._actors[name] = None if self.is_self(name) else self.registry.resolve(name)
        return self._actors[name]

    def is_self(self, claimant: str) -> bool:
        return name_key(claimant) in self.settings.self_claimants or claimant.strip().lower() in (
            self.settings.self_claimants
        )

    def is_vague(self, claimant: str) -> bool:
        return name_key(claimant) in self.settings.vague_claimants

    def origin(
        self,
        record: LedgerClaim,
        *,
        copy_of: int | None = None,
        outlets: Mapping[int, str | None] | None = None,
    ) -> Origin:
        """The origin of a claim (see the module docstring)."""
        claimant = record.claim.claimant
        if self.is_self(claimant):
            article = copy_of if copy_of is not None else record.article_id
            outlet = (outlets or {}).get(article, record.outlet) if copy_of is not None else record.outlet
            actor = self.actor(outlet)
            if actor is not None:
                return Origin(actor.name, actor.name, actor.affiliation, actor.kind, known=True)
            if outlet:
                return Origin(f"outlet:{name_key(outlet)}", outlet, UNKNOWN)
            return Origin(f"article:{article}", f"the article ({record.claim.doc})", UNKNOWN)
        actor = self.actor(claimant)
        if actor is not None:
            return Origin(actor.name, actor.name, actor.affiliation, actor.kind, known=True)
        vague = self.is_vague(claimant)
        return Origin(f"{'vague' if vague else 'name'}:{name_key(claimant)}", claimant, UNKNOWN, vague=vague)

    def chain(self, record: LedgerClaim) -> tuple[Link, ...]:
        """Claimant → each intermediary → the outlet (or "this article" when it has none)."""
        c = record.claim
        # Echoes of one report share their claimant and intermediaries, and an outlet prints many
        # reports: each distinct part is resolved once, and a chain is two look-ups.
        head = self._heads.get((c.claimant, c.via))
        if head is None:
            head = self._heads[(c.claimant, c.via)] = self._head(c.claimant, c.via)
        outlet = record.outlet or f"the article ({c.doc})"
        tail = self._outlets.get((record.outlet, outlet))
        if tail is None:
            tail = self._outlets[(record.outlet, outlet)] = (
                Link(outlet, self.actor(record.outlet), "outlet"),
            )
        last = head[-1] if head else None
        # "TASS → TASS": the last intermediary (or the claimant) printed it itself.
        actor = tail[0].actor
        same = last is not None and (
            (actor is not None and (last.actor is actor or last.actor == actor))
            or name_key(last.name) == name_key(outlet)
        )
        return head if same else head + tail

    def _head(self, claimant: str, via: tuple[str, ...]) -> tuple[Link, ...]:
        links = []
        if not self.is_self(claimant):
            links.append(Link(claimant, self.actor(claimant), "claimant"))
        links.extend(Link(v, self.actor(v), "via") for v in via)
        return tuple(links)

    def adversarial(self, origin: Origin, side: str) -> bool:
        """A party to the conflict speaking about the other side's soldiers or citizens."""
        party = self.settings.parties.get(origin.affiliation)
        return party is not None and side in self.settings.parties.values() and side != party


def corroboration(
    entries: Sequence[Entry], settings: ReconcileSettings | None = None
) -> tuple[tuple[OriginEchoes, ...], float, int]:
    """The origins behind a group of agreeing figures, each with its echoes; the group's weighted
    count of independent origins; and its number of distinct articles (copies counted once).

    Origins are listed in the order they first appeared (earliest publication first).
    """
    settings = settings or default_settings()
    by_origin: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_origin[e.origin.key].append(e)

    def first_seen(items: list[Entry]) -> tuple[str, str]:
        dates = [e.record.published.isoformat() for e in items if e.record.published]
        return (min(dates) if dates else "9999", items[0].ref)

    seen_affiliation: Counter[str] = Counter()
    out = []
    for items in sorted(by_origin.values(), key=first_seen):
        origin = items[0].origin
        w = settings.weight(origin.affiliation)
        weight = w.first if seen_affiliation[origin.affiliation] == 0 else w.further
        seen_affiliation[origin.affiliation] += 1
        # One echo per article: republished copies (and a figure repeated in one text) fold in.
        per_article: dict[int, list[Entry]] = defaultdict(list)
        for e in sorted(items, key=lambda e: (e.record.published or date.max, e.record.id)):
            per_article[e.article_id].append(e)
        echoes = tuple(
            Echo(
                group[0],
                tuple(x.record.id for x in group[1:] if x.record.article_id != group[0].record.article_id),
            )
            for group in per_article.values()
        )
        out.append(OriginEchoes(origin, echoes, weight, adversarial=all(e.adversarial for e in items)))
    articles = len({e.article_id for e in entries})
    return tuple(out), sum(o.weight for o in out), articles


__all__ = ["Resolver", "corroboration", "name_key"]
