"""The records headcount passes between its stages, one type per concept.

Field names match ``../shared/SCHEMA.md`` where the concept appears there. Records are frozen and
slotted: stages return new records, nothing is mutated after it is made. ORM tables (``store/``)
are not the domain model; they are built from these.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Bound = Literal["exact", "approx", "over", "under", "range"]
Kind = Literal["count", "rate", "share", "change"]
Side = Literal["ukraine", "russia", "other", "unknown"]
Per = Literal["day", "week", "month", "year"]

#: The values of ``metric`` (SCHEMA.md); ``headcount/data/taxonomy.toml`` defines their cues.
METRICS: tuple[str, ...] = (
    "desertion",
    "surrender",
    "defection",
    "criminal_case",
    "conviction",
    "amnesty_return",
    "assistance_request",
    "asylum_application",
    "asylum_granted",
    "citizenship",
    "border_encounter",
    "casualties",
    "displacement",
    "other",
)
SIDES: tuple[str, ...] = ("ukraine", "russia", "other", "unknown")
BOUNDS: tuple[str, ...] = ("exact", "approx", "over", "under", "range")
KINDS: tuple[str, ...] = ("count", "rate", "share", "change")

#: Claimant used when the article asserts a figure itself (SCHEMA.md).
THE_ARTICLE = "the article"

#: The fields of SCHEMA.md, in its order; ``--format jsonl`` prints exactly these plus start/end.
SCHEMA_FIELDS: tuple[str, ...] = (
    "doc",
    "quote",
    "figure",
    "low",
    "high",
    "bound",
    "kind",
    "metric",
    "side",
    "period_start",
    "period_end",
    "per",
    "claimant",
    "via",
    "hedged",
)
#: The fields that say what a claim's figure is (SCHEMA.md's, without the article and the quote):
#: what evaluation compares and a reviewer may correct.
FIGURE_FIELDS: tuple[str, ...] = SCHEMA_FIELDS[2:]


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its body (offsets of claims index this string) and what is known about it."""

    doc: str
    body: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    title: str | None = None
    author: str | None = None
    source: str | None = None  # the path, URL or "file.jsonl:12" it was read from


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article body with its code-point offsets; ``block`` numbers the paragraph
    block (text between blank lines) it sits in, so that context does not leak across blocks."""

    start: int
    end: int
    text: str
    index: int
    block: int


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written, with its value interval.

    ``unit`` says what the number measures when the figure layer can tell from its own words:
    ``percent``, ``fold`` (sixfold, doubled), ``fraction`` (one-third, shown as percent), a currency
    code, or a measure word (``km``, ``tonne`` …); ``None`` for a plain count. ``per`` is set for a
    rate ("each month"); ``direction`` for a change ("up", "down").
    """

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    bound: str
    unit: str | None = None
    per: str | None = None
    direction: str | None = None

    @property
    def is_range(self) -> bool:
        return self.bound == "range"


@dataclass(frozen=True, slots=True)
class Period:
    """The stretch of time a figure covers, resolved to dates (either end may be open)."""

    start: date | None
    end: date | None
    text: str = ""  # the phrase it came from, "" when derived (running total, inherited)
    basis: str = ""  # how it was resolved: "explicit", "running", "inherited", "cutoff" …


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who asserts a figure: the original claimant and the intermediaries towards the article."""

    claimant: str
    via: tuple[str, ...] = ()
    said_on: date | None = None  # the date of the statement or report, when the text gives it


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure in its context: every field of SCHEMA.md plus where it sits in the body."""

    doc: str
    quote: str
    figure: str
    low: float | None
    high: float | None
    bound: str
    kind: str
    metric: str
    side: str
    period_start: date | None
    period_end: date | None
    per: str | None
    claimant: str
    via: tuple[str, ...]
    hedged: bool
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    extractor: str
    language: str = "en"

    def to_schema(self) -> dict[str, Any]:
        """The SCHEMA.md object plus ``start``/``end``: what ``--format jsonl`` prints."""
        out: dict[str, Any] = {}
        for name in SCHEMA_FIELDS:
            out[name] = _jsonable(getattr(self, name))
        out["start"] = self.start
        out["end"] = self.end
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every field, JSON-ready (dates as ISO strings, via as a list)."""
        return {k: _jsonable(v) for k, v in asdict(self).items()}


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone who speaks in reporting: an agency, official, outlet, NGO or research group."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    affiliation: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, and why; the rest of a batch goes on without it."""

    source: str
    code: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"[{self.code}] {where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    """What one article yields: its claims, or the reason it yielded nothing."""

    article: Article | None
    claims: tuple[Claim, ...] = ()
    rejection: Rejection | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# --- The ledger's records (headcount.store): what queries return, flat enough for a DataFrame.


def speaks_of(
    period_start: date | None, period_end: date | None, published: date | None
) -> tuple[date | None, date | None]:
    """The first and last day a claim speaks of: its period; a claim without one speaks of its
    article's publication date, and a period open at one end runs to (or from) that date.

    One definition for the window of ``headcount compare`` (``reconcile.compare.in_window``) and
    the ledger's ``span_start``/``span_end`` columns that put that window in SQL. Both ends are
    None only when the claim has no period and its article no date.
    """
    start = period_start or period_end or published
    end = period_end or published or period_start
    return start, end


@dataclass(frozen=True, slots=True)
class LedgerClaim:
    """A stored claim: the claim itself, its ledger id, and the article it came from."""

    id: int
    article_id: int
    claim: Claim
    outlet: str | None
    url: str | None
    published: date | None
    title: str | None
    current: bool = True  # False for a claim of an older extractor version, kept as history

    def to_dict(self) -> dict[str, Any]:
        """One flat, JSON-ready row: ids, every claim field, then the article's metadata."""
        row: dict[str, Any] = {"id": self.id, "article_id": self.article_id}
        row.update(self.claim.to_dict())
        row.update(
            outlet=self.outlet,
            url=self.url,
            published=_jsonable(self.published),
            title=self.title,
            current=self.current,
        )
        return row


@dataclass(frozen=True, slots=True)
class LedgerArticle:
    """A stored article with its identity in the ledger and its current extraction."""

    id: int
    article: Article
    body_hash: str
    ingested_at: datetime
    extractor: str | None  # the extractor version of its current claims
    claim_count: int

    def to_dict(self, *, body: bool = False) -> dict[str, Any]:
        """One flat, JSON-ready row (the body only when asked: it can be long)."""
        a = self.article
        row: dict[str, Any] = {
            "id": self.id,
            "doc": a.doc,
            "url": a.url,
            "outlet": a.outlet,
            "published": _jsonable(a.published),
            "language": a.language,
            "title": a.title,
            "author": a.author,
            "source": a.source,
            "body_hash": self.body_hash,
            "ingested_at": self.ingested_at.isoformat(),
            "extractor": self.extractor,
            "claims": self.claim_count,
        }
        if body:
            row["body"] = a.body
        return row


@dataclass(frozen=True, slots=True)
class StoreOutcome:
    """What storing one article did: ``new``, ``unchanged`` or ``reextracted``, and its claims."""

    status: Literal["new", "unchanged", "reextracted"]
    article_id: int | None
    claims: int = 0
    note: str = ""  # why an article stayed unchanged, when that is worth saying


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What one ingest did: articles new / unchanged / re-extracted, claims stored, rejections."""

    new: int
    unchanged: int
    reextracted: int
    claims: int
    rejections: tuple[Rejection, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.rejections
