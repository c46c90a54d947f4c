"""Search text -> a full-text condition, the same meaning on SQLite (FTS5) and PostgreSQL.

The syntax is the one people type into web search boxes, and PostgreSQL's
``websearch_to_tsquery`` reads: words (all must occur), ``"a phrase"``, ``OR`` between two
alternatives, ``-word`` to exclude. FTS5 has its own query language in which a stray quote, a
hyphen or a bare ``NOT`` is a syntax error, so the text is parsed here and rebuilt with every term
quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from headcount import errors
from headcount.errors import StoreError

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Groups that must all match (each group: alternatives joined by OR), and exclusions.
    Every term is a tuple of words matched as a phrase."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    excluded: tuple[tuple[str, ...], ...]
    text: str

    def to_fts5(self) -> str:
        def quoted(words: tuple[str, ...]) -> str:
            return '"' + " ".join(words) + '"'

        required = " AND ".join(
            "(" + " OR ".join(quoted(t) for t in group) + ")" if len(group) > 1 else quoted(group[0])
            for group in self.groups
        )
        return required + "".join(f" NOT {quoted(t)}" for t in self.excluded)

    def to_tsquery(self) -> str:
        """The same query for PostgreSQL's ``to_tsquery('simple', …)``."""

        def phrase(words: tuple[str, ...]) -> str:
            return " <-> ".join("'" + w.replace("'", "''") + "'" for w in words)

        parts = ["(" + " | ".join(f"({phrase(t)})" for t in group) + ")" for group in self.groups] + [
            f"!({phrase(t)})" for t in self.excluded
        ]
        return " & ".join(parts)


def parse_search(text: str) -> SearchQuery:
    """Parse search text; raises :class:`StoreError` when it has no word to look for."""
    groups: list[list[tuple[str, ...]]] = []
    excluded: list[tuple[str, ...]] = []
    pending_or = False
    for token in _TOKEN.findall(text):
        if token == "OR":
            pending_or = bool(groups)
            continue
        negative = token.startswith("-") and len(token) > 1
        words = tuple(w.lower() for w in _WORD.findall(token[1:] if negative else token))
        if not words:
            continue
        if negative:
            excluded.append(words)
        elif pending_or:
            groups[-1].append(words)
        else:
            groups.append([words])
        pending_or = False
    if not groups:
        raise StoreError(
            "--search",
            f"{text!r} has no word to look for; give at least one word that must occur",
            code=errors.BAD_QUERY,
        )
    return SearchQuery(tuple(tuple(g) for g in groups), tuple(excluded), text)
