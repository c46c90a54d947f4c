"""Analysts' reviews of claims: the records, and the reviewed value they give a claim.

A review is a decision about one claim — ``accept`` it, ``correct`` some of its fields,
``reject`` it (not a claim, or the wrong figure) — or ``add`` a claim the extractor missed. Reviews
are stored beside the machine's claims, never over them (``headcount.store.reviews``): the
reviewed value is computed here, from the claim and its reviews in order, so both stay readable.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from headcount import errors
from headcount.errors import InputError
from headcount.model import BOUNDS, FIGURE_FIELDS, KINDS, METRICS, SIDES, Claim, LedgerClaim

ACTIONS: tuple[str, ...] = ("accept", "correct", "reject", "add")
#: Why a claim is rejected.
REJECT_REASONS: tuple[str, ...] = ("not_a_claim", "wrong_figure")
#: The review state of a claim: its latest decision.
STATES: tuple[str, ...] = ("unreviewed", "accepted", "corrected", "rejected", "added")
#: Fields a correction may change (offsets and the sentence stay the machine's: they locate it).
EDITABLE: tuple[str, ...] = FIGURE_FIELDS
PERS: tuple[str, ...] = ("day", "week", "month", "year")
_STATE_OF = {"accept": "accepted", "correct": "corrected", "reject": "rejected", "add": "added"}
REVIEWER = "headcount.review.v1"  # the extractor name of claims added by hand


@dataclass(frozen=True, slots=True)
class Account:
    """An analyst who may review claims and add articles."""

    id: int
    name: str
    created_at: datetime
    active: bool = True


@dataclass(frozen=True, slots=True)
class Review:
    """One decision about a claim, or a claim added by hand (``claim_id`` None, ``action`` add).

    ``changes``: the corrected fields, JSON-ready (dates as ISO strings, via as a list); for an
    added claim every field of it, with ``start``/``end`` offsets into the article body.
    """

    id: int
    claim_id: int | None
    article_id: int
    action: str
    changes: dict[str, Any]
    reason: str | None
    note: str
    reviewer: str
    created_at: datetime

    @property
    def state(self) -> str:
        return _STATE_OF[self.action]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "action": self.action,
            "changes": self.changes,
            "reason": self.reason,
            "note": self.note,
            "reviewer": self.reviewer,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class ReviewedClaim:
    """A stored claim with its reviews, oldest first: the machine's claim stays in ``record``."""

    record: LedgerClaim
    reviews: tuple[Review, ...] = ()

    @property
    def state(self) -> str:
        return self.reviews[-1].state if self.reviews else "unreviewed"

    @property
    def claim(self) -> Claim:
        """The reviewed value: the machine's claim with every correction applied, in order."""
        return apply_reviews(self.record.claim, self.reviews)

    @property
    def changed(self) -> dict[str, tuple[Any, Any]]:
        """``{field: (machine value, reviewed value)}`` for the fields reviews changed."""
        machine, reviewed = self.record.claim, self.claim
        return {
            name: (getattr(machine, name), getattr(reviewed, name))
            for name in EDITABLE
            if getattr(machine, name) != getattr(reviewed, name)
        }

    @property
    def reviewed_record(self) -> LedgerClaim:
        """The stored claim as reviewed: what cross-checks and exports of reviewed values use."""
        return dataclasses.replace(self.record, claim=self.claim)

    def to_dict(self) -> dict[str, Any]:
        row = self.record.to_dict()
        row["review_state"] = self.state
        row["reviewed"] = self.claim.to_dict() if self.reviews else None
        row["reviews"] = [r.to_dict() for r in self.reviews]
        return row


def apply_reviews(claim: Claim, reviews: tuple[Review, ...] | list[Review]) -> Claim:
    """``claim`` with the corrections of ``reviews`` applied in order (later ones win)."""
    fields: dict[str, Any] = {}
    for review in reviews:
        if review.action == "correct":
            fields.update(review.changes)
    return dataclasses.replace(claim, **from_json(fields)) if fields else claim


def state_of(reviews: list[Review] | tuple[Review, ...]) -> str:
    return reviews[-1].state if reviews else "unreviewed"


def from_json(changes: dict[str, Any]) -> dict[str, Any]:
    """Stored changes -> claim field values (ISO strings to dates, lists to tuples)."""
    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("period_start", "period_end") and isinstance(value, str):
            value = date.fromisoformat(value)
        elif name == "via":
            value = tuple(value or ())
        out[name] = value
    return out


def _number(name: str, value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        raise InputError(name, f"{value!r} is not a number", code=errors.BAD_FIELD) from None
    if number != number or number in (float("inf"), float("-inf")) or number < 0:
        raise InputError(name, f"{value!r} is not a count or share", code=errors.BAD_FIELD)
    return number


def _choice(name: str, value: Any, allowed: tuple[str, ...], *, optional: bool = False) -> str | None:
    text = str(value or "").strip().lower()
    if not text and optional:
        return None
    if text not in allowed:
        raise InputError(name, f"{value!r} is not one of {', '.join(allowed)}", code=errors.BAD_FIELD)
    return text


def _date(name: str, value: Any) -> str | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (YYYY-MM-DD)", code=errors.BAD_FIELD) from None


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _text(name: str, value: Any, *, limit: int = 500, required: bool = False) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise InputError(name, "must not be empty", code=errors.BAD_FIELD)
    if len(text) > limit:
        raise InputError(name, f"is longer than {limit} characters", code=errors.BAD_FIELD)
    return text


def validate_changes(raw: dict[str, Any]) -> dict[str, Any]:
    """Untrusted corrections (a form, a JSON body) -> JSON-ready field values, checked against the
    vocabularies of SCHEMA.md; unknown fields are an error, not silently dropped."""
    unknown = sorted(set(raw) - set(EDITABLE))
    if unknown:
        raise InputError(
            "changes",
            f"cannot correct {', '.join(unknown)}; editable: {', '.join(EDITABLE)}",
            code=errors.BAD_FIELD,
        )
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name in ("low", "high"):
            out[name] = _number(name, value)
        elif name == "bound":
            out[name] = _choice(name, value, BOUNDS)
        elif name == "kind":
            out[name] = _choice(name, value, KINDS)
        elif name == "metric":
            out[name] = _choice(name, value, METRICS)
        elif name == "side":
            out[name] = _choice(name, value, SIDES)
        elif name == "per":
            out[name] = _choice(name, value, PERS, optional=True)
        elif name in ("period_start", "period_end"):
            out[name] = _date(name, value)
        elif name == "hedged":
            out[name] = _flag(value)
        elif name == "via":
            items = value if isinstance(value, list | tuple) else str(value or "").split(";")
            out[name] = [_text(name, v, limit=200) for v in items if str(v).strip()]
        else:  # figure, claimant
            out[name] = _text(name, value, required=True)
    low, high = out.get("low"), out.get("high")
    if low is not None and high is not None and low > high:
        raise InputError("low", f"{low:g} is above high {high:g}", code=errors.BAD_FIELD)
    start, end = out.get("period_start"), out.get("period_end")
    if start and end and start > end:
        raise InputError("period_start", f"{start} is after period_end {end}", code=errors.BAD_FIELD)
    return out


def changes_from_form(form: dict[str, Any], current: Claim) -> dict[str, Any]:
    """The fields of a correction form that differ from the claim's current reviewed value."""
    raw = {name: form[name] for name in EDITABLE if name in form}
    if "hedged" not in form and "hedged_present" in form:
        raw["hedged"] = False  # an unticked box sends nothing
    checked = validate_changes(raw)
    now = current.to_dict()
    return {name: value for name, value in checked.items() if now.get(name) != value}


def added_claim(
    body: str, doc: str, language: str | None, start: int, end: int, fields: dict[str, Any]
) -> dict[str, Any]:
    """The stored form of a claim added by hand: the figure at ``start``..``end`` of ``body``, its
    sentence found around it, and the analyst's fields (checked). Offsets are validated here: a
    selection outside the body, or empty, is refused."""
    if not (0 <= start < end <= len(body)):
        raise InputError(
            "start", f"{start}..{end} is not a stretch of the article body", code=errors.BAD_FIELD
        )
    if end - start > 200:
        raise InputError("end", "select the figure only (at most 200 characters)", code=errors.BAD_FIELD)
    checked = validate_changes({k: v for k, v in fields.items() if k in EDITABLE})
    s_start, s_end = sentence_around(body, start, end)
    claim: dict[str, Any] = {
        "doc": doc,
        "quote": body[s_start:s_end],
        "figure": body[start:end],
        "low": None,
        "high": None,
        "bound": "exact",
        "kind": "count",
        "metric": "other",
        "side": "unknown",
        "period_start": None,
        "period_end": None,
        "per": None,
        "claimant": "the article",
        "via": [],
        "hedged": False,
        "start": start,
        "end": end,
        "sentence_start": s_start,
        "sentence_end": s_end,
        "extractor": REVIEWER,
        "language": language or "en",
    }
    claim.update(checked)
    if claim["low"] is None and claim["high"] is None:
        raise InputError("low", "give the figure's value (low and/or high)", code=errors.BAD_FIELD)
    return claim


def added_record(
    review: Review, *, outlet: str | None, url: str | None, published: date | None, title: str | None
) -> LedgerClaim:
    """A claim added by hand as a ledger record (id 0: it is not a machine claim)."""
    c = dict(review.changes)
    claim = Claim(
        **{k: v for k, v in from_json(c).items() if k in Claim.__dataclass_fields__}  # type: ignore[arg-type]
    )
    return LedgerClaim(
        id=0,
        article_id=review.article_id,
        claim=claim,
        outlet=outlet,
        url=url,
        published=published,
        title=title,
    )


_ENDS = ".!?\n"


def sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``start``..``end``: from after the previous full stop or line break
    to the next (a hand-added claim needs a quote; the extractor's own sentences are richer)."""
    s = max(body.rfind(ch, 0, start) for ch in _ENDS) + 1
    ends = [i for i in (body.find(ch, end) for ch in _ENDS) if i >= 0]
    e = min(ends) + 1 if ends else len(body)
    while s < start and body[s].isspace():
        s += 1
    while e > end and body[e - 1] in " \n\t":
        e -= 1
    return s, e


def paragraph_around(body: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (text between blank lines) holding ``start``..``end``."""
    s = body.rfind("\n\n", 0, start)
    s = 0 if s < 0 else s + 2
    e = body.find("\n\n", end)
    return s, len(body) if e < 0 else e


__all__ = [
    "ACTIONS",
    "EDITABLE",
    "REJECT_REASONS",
    "STATES",
    "Account",
    "Review",
    "ReviewedClaim",
    "added_claim",
    "added_record",
    "apply_reviews",
    "changes_from_form",
    "paragraph_around",
    "sentence_around",
    "state_of",
    "validate_changes",
]
