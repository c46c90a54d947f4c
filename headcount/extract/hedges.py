"""Stage 7: whether a figure is hedged — marked as unverified, alleged or conditional.

A hedge covers every figure of the reported statement it sits in, within its sentence ("In October
alone, 21,600 soldiers are said to have abandoned their posts, with the total … exceeding 180,000":
both figures), but not a figure in a clause that contrasts with it ("Russia claims 500, while Kyiv
says 20"). A sentence such as "The figures could not be independently verified" hedges the figures
of the sentence before it.
"""

from __future__ import annotations

import re
from functools import cache

from headcount.extract.text import Clause
from headcount.vocab import Lexicon, alternation, entry, path_of, table


class _Patterns:
    def __init__(self, language: str) -> None:
        f = path_of("hedges", language)
        d = table("hedges", language)
        cues = sorted(entry(d, "cues", file=f), key=len, reverse=True)
        self.cue = Lexicon([(c, None) for c in cues], file=f, key="cues")
        self.plural = re.compile(
            rf"(?<![^\W_]){alternation(entry(d, 'plural_reference', file=f))}(?![^\W_])", re.IGNORECASE
        )
        self.previous = re.compile(
            rf"(?<![^\W_]){alternation(entry(d, 'previous_sentence', file=f))}(?![^\W_])",
            re.IGNORECASE,
        )


@cache
def patterns(language: str) -> _Patterns:
    return _Patterns(language)


def hedge_spans(sentence: str, language: str = "en") -> list[tuple[int, int]]:
    """Offsets of hedge cues in a (normalised) sentence."""
    return [(start, end) for start, end, _ in patterns(language).cue.finditer(sentence)]


def hedges_previous(sentence: str, language: str = "en") -> int:
    """How many sentences back a sentence hedges: 0 (none), 1 (the one before: "The figure could
    not be verified"), or 2 when it speaks of several figures ("Neither figure could be verified",
    "These figures …"), which may sit in the two sentences before it."""
    m = patterns(language).previous.search(sentence)
    if not m:
        return 0
    return 2 if patterns(language).plural.search(m.group(0)) else 1


def is_hedged(figure_start: int, clauses: list[Clause], cues: list[tuple[int, int]]) -> bool:
    """Whether a hedge cue in the sentence covers the figure at ``figure_start``.

    Clauses opened by a contrastive connective are separate statements; all other clauses of the
    sentence form one statement with the main clause.
    """
    if not cues:
        return False
    statement = _statement_of(clauses, figure_start)
    return any(_statement_of(clauses, s) == statement for s, _e in cues)


def _statement_of(clauses: list[Clause], offset: int) -> int:
    """Index of the statement (0 = main; n = the n-th contrastive clause) holding ``offset``."""
    statement = 0
    for c in clauses:
        if c.contrast:
            statement += 1
        if c.start <= offset < c.end:
            return statement if c.contrast else 0
    return 0
