"""Stage 4: whose soldiers or citizens a figure counts (ukraine, russia, other, unknown).

Side is who is counted, not who reports. The cues are searched from the figure outwards:

1. the figure's own words ("300,000 Ukrainian soldiers", "57,000 Russians", "cases in Russian
   courts");
2. its clause, then its sentence — skipping the names of sources ("Russian security forces said");
3. for metrics whose side may come from context, the sentences before it, nearest first, and
   finally the side the article is mostly about.

A war-wide toll whose sentence names no side stays ``unknown`` (NOTES.md); ``other`` is kept for
third countries ("North Korean soldiers").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from headcount.vocab import Lexicon, entry, path_of, table

SIDES = ("ukraine", "russia", "other")


@dataclass(frozen=True, slots=True)
class SideCue:
    side: str
    start: int
    end: int
    strength: int  # 3 forces, 2 adjective, 1 place


class _Patterns:
    def __init__(self, language: str) -> None:
        f = path_of("sides", language)
        d = table("sides", language)
        branches: list[tuple[int, str, tuple[str, int]]] = []
        for side in SIDES:
            for key, strength in (("forces", 3), ("adjectives", 2), ("places", 1)):
                for item in entry(d, f"{side}.{key}", file=f):
                    branches.append((strength, item, (side, strength)))
        for item in d.get("enemy", {}).get("words", []):
            branches.append((3, item, ("enemy", 3)))
        # At one position the strongest, then longest cue wins.
        branches.sort(key=lambda b: (-b[0], -len(b[1])))
        self.cues = Lexicon([(item, meta) for _s, item, meta in branches], file=f, key="sides")


@cache
def patterns(language: str) -> _Patterns:
    return _Patterns(language)


def side_cues(text: str, language: str = "en") -> list[SideCue]:
    """Every side cue in a (normalised) text, left to right; at one position the strongest and
    longest cue wins."""
    return [
        SideCue(side, start, end, strength)
        for start, end, (side, strength) in patterns(language).cues.finditer(text)
    ]


def side_near(
    cues: list[SideCue], fig_start: int, fig_end: int, lo: int, hi: int, skip: list[tuple[int, int]]
) -> str | None:
    """The side named nearest to a figure between ``lo`` and ``hi``, strongest cues first."""
    usable = [c for c in cues if lo <= c.start < hi and not any(s <= c.start < e for s, e in skip)]
    if not usable:
        return None
    best = min(usable, key=lambda c: (-c.strength, _distance(c, fig_start, fig_end)))
    # Two sides named equally strongly at the same distance: say nothing rather than guess.
    rivals = [
        c
        for c in usable
        if c.side != best.side
        and c.strength == best.strength
        and _distance(c, fig_start, fig_end) == _distance(best, fig_start, fig_end)
    ]
    return None if rivals else best.side


def side_attached(cues: list[SideCue], text: str, fig_end: int, window_end: int) -> str | None:
    """A side named in the figure's own noun phrase: the words right after it, up to the first
    punctuation or verb-like break (at most six words)."""
    seg = text[fig_end:window_end]
    stop = re.search(r"[,;:.!?()]|\s(?:who|which|that|were|was|are|is|have|has|had|said|says)\b", seg)
    limit = fig_end + (stop.start() if stop else len(seg))
    words = list(re.finditer(r"\S+", text[fig_end:limit]))
    if len(words) > 6:
        limit = fig_end + words[5].end()
    near = [c for c in cues if fig_end <= c.start < limit]
    if not near:
        return None
    # "NK troops suffer 4,700 casualties in Russia's war": a place in the noun phrase says where,
    # not whose, when a stronger cue names the people elsewhere in the text.
    if near[0].strength <= 1 and any(c.strength > near[0].strength and c.side != near[0].side for c in cues):
        return None
    return near[0].side


def enemy_of(claimant: str, via: tuple[str, ...]) -> str:
    """Whose soldiers "the enemy" are: the other side of whoever speaks (the claimant, else the
    first intermediary), when the actor registry knows their affiliation."""
    for name in (claimant, *via):
        side = state_side_of(name)
        if side is not None:
            return "russia" if side == "ukraine" else "ukraine"
    return "unknown"


def state_side_of(claimant: str) -> str | None:
    """The side a state body belongs to ("Ukraine's Prosecutor General's Office": ukraine), when
    the actor registry knows the claimant's affiliation; None otherwise."""
    from headcount.actors import default_registry

    actor = default_registry().resolve(claimant)
    if actor is not None and actor.affiliation == "ukrainian_state":
        return "ukraine"
    if actor is not None and actor.affiliation == "russian_state":
        return "russia"
    return None


def article_side(cues: list[SideCue]) -> str | None:
    """The side an article is mostly about, from its strong cues; None when it is balanced."""
    counts = Counter(c.side for c in cues if c.strength >= 2 and c.side != "enemy")
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    if rest and rest[0][1] * 1.5 > n:
        return None
    return top


def _distance(c: SideCue, fs: int, fe: int) -> int:
    if c.end <= fs:
        return fs - c.end
    if c.start >= fe:
        return c.start - fe
    return 0
