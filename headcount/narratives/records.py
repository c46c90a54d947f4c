"""The records of repeated-passage detection: the documents read, the passages found repeated,
the clusters they form (talking points) and articles republished whole.

Kept beside the stages that make them (``headcount/model.py`` belongs to the extractor and the
ledger); frozen and slotted, with ``to_dict`` for ``--format json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(frozen=True, slots=True)
class Document:
    """An article as the narrative stages need it: its ledger id, body and where it appeared."""

    id: int
    doc: str
    body: str
    outlet: str | None = None
    published: date | None = None
    title: str | None = None

    @property
    def label(self) -> str:
        return self.outlet or self.title or self.doc


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of one article that repeats elsewhere: its characters ``start``..``end`` in the
    body, the text, and ``marks`` (offsets into ``text``) of the words it shares with the others."""

    article_id: int
    doc: str
    outlet: str | None
    published: date | None
    title: str | None
    start: int
    end: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()
    copies: tuple[int, ...] = ()  # ids of articles that republish this one whole

    def segments(self) -> list[tuple[str, bool]]:
        """The text cut into ``(piece, shared)``: what a renderer marks, in order."""
        out: list[tuple[str, bool]] = []
        cursor = 0
        for start, end in self.marks:
            if start > cursor:
                out.append((self.text[cursor:start], False))
            out.append((self.text[start:end], True))
            cursor = end
        if cursor < len(self.text):
            out.append((self.text[cursor:], False))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "doc": self.doc,
            "outlet": self.outlet,
            "published": _iso(self.published),
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "marks": [list(m) for m in self.marks],
            "republished_in": list(self.copies),
        }


@dataclass(frozen=True, slots=True)
class TalkingPoint:
    """Passages repeated across articles, verbatim (``copied``) or lightly reworded
    (``reworded``), earliest first: the outlets that carry one line, and when."""

    id: int
    kind: str
    similarity: float  # mean score of the passage pairs that were checked
    passages: tuple[Passage, ...]

    @property
    def articles(self) -> int:
        return len({p.article_id for p in self.passages})

    @property
    def outlets(self) -> list[str]:
        return sorted({p.outlet or p.doc for p in self.passages})

    @property
    def first_seen(self) -> date | None:
        dates = [p.published for p in self.passages if p.published]
        return min(dates) if dates else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "similarity": round(self.similarity, 3),
            "articles": self.articles,
            "outlets": self.outlets,
            "first_seen": _iso(self.first_seen),
            "passages": [p.to_dict() for p in self.passages],
        }


@dataclass(frozen=True, slots=True)
class Copy:
    """An article that republishes another whole (``similarity``: share of its 5-word shingles
    found in the original)."""

    article_id: int
    doc: str
    outlet: str | None
    published: date | None
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "doc": self.doc,
            "outlet": self.outlet,
            "published": _iso(self.published),
            "similarity": round(self.similarity, 3),
        }


@dataclass(frozen=True, slots=True)
class Republication:
    """One text published by several sites: the earliest copy and the others."""

    original: Copy
    copies: tuple[Copy, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original.to_dict(), "copies": [c.to_dict() for c in self.copies]}


@dataclass(frozen=True, slots=True)
class Republications:
    """Every republished text of a set of articles."""

    groups: tuple[Republication, ...] = ()

    @property
    def copy_of(self) -> dict[int, int]:
        """``{copy's article id: original's article id}``: what corroboration counts once."""
        return {c.article_id: g.original.article_id for g in self.groups for c in g.copies}


@dataclass(frozen=True, slots=True)
class Narratives:
    """Talking points and republished articles of a set of articles."""

    talking_points: tuple[TalkingPoint, ...]
    republications: Republications
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "talking_points": [t.to_dict() for t in self.talking_points],
            "republished": [g.to_dict() for g in self.republications.groups],
        }
