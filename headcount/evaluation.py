"""Score the extractor against a gold file (SCHEMA.md format).

A predicted claim matches a gold claim when their figure spans overlap (one to one, largest
overlap first). Gold files locate a figure by its quote and figure text; the n-th gold claim with
the same quote and figure is the n-th occurrence of that figure in that quote.

Reported: detection precision, recall and F1; the accuracy of each field over matched claims; and
the share of all gold claims whose every field is right (an unmatched gold claim is not).
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from headcount import errors
from headcount.errors import ConfigError, InputError
from headcount.extract import extract_claims
from headcount.extract.text import normalise
from headcount.ingest import read_article
from headcount.model import FIGURE_FIELDS, Article, Claim

#: Fields compared for every matched claim, in SCHEMA.md order.
FIELDS = FIGURE_FIELDS


@dataclass
class Mismatch:
    doc: str
    figure: str
    field: str
    expected: Any
    got: Any


@dataclass
class Detection:
    """Detection counts of any span finder against a gold file (the same matching as
    :func:`evaluate`: overlapping spans, one to one)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report(Detection):
    """Detection counts of the extractor, and how many fields of each matched claim are right."""

    field_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    all_right: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)  # (doc, figure) of gold not found
    spurious: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, figure, metric)
    problems: list[str] = field(default_factory=list)  # docs that could not be read or located

    @property
    def all_fields(self) -> float:
        """Share of gold claims with every field right."""
        return self.all_right / self.gold if self.gold else 0.0

    def field_accuracy(self) -> dict[str, float]:
        return {f: (self.field_right[f] / self.matched if self.matched else 0.0) for f in FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "all_fields": round(self.all_fields, 4),
            "field_accuracy": {k: round(v, 4) for k, v in self.field_accuracy().items()},
            "missed": [{"doc": d, "figure": f} for d, f in self.missed],
            "spurious": [{"doc": d, "figure": f, "metric": m} for d, f, m in self.spurious],
            "mismatches": [m.__dict__ for m in self.mismatches],
            "problems": self.problems,
        }


def load_gold(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Gold claims grouped by document, in file order."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such gold file", code=errors.NOT_FOUND) from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(str(path), f"not JSON ({exc.msg})", code=errors.BAD_GOLD, line=n) from None
        if not isinstance(obj, dict) or not {"doc", "quote", "figure"} <= obj.keys():
            raise ConfigError(
                str(path), "a gold claim needs doc, quote and figure", code=errors.BAD_GOLD, line=n
            )
        by_doc[obj["doc"]].append(obj)
    return by_doc


def evaluate(gold_path: str | Path, articles_dir: str | Path) -> Report:
    """Run the extractor over the articles the gold file names and score it."""
    gold = load_gold(gold_path)
    report = Report()
    folder = Path(articles_dir)
    for doc, gold_claims in gold.items():
        report.gold += len(gold_claims)
        try:
            article = read_article(folder / doc)
        except InputError as exc:
            report.problems.append(str(exc))
            report.missed.extend((doc, g["figure"]) for g in gold_claims)
            continue
        predicted = extract_claims(article)
        report.predicted += len(predicted)
        spans = _gold_spans(article.body, gold_claims, doc, report)
        _score(doc, gold_claims, spans, predicted, report)
    # A gold file lists only documents that have claims: every other article in the folder is
    # scored as having none, so what the extractor finds there counts against precision.
    for path in sorted(folder.glob("*.txt")):
        if path.name in gold:
            continue
        try:
            article = read_article(path)
        except InputError as exc:
            report.problems.append(str(exc))
            continue
        extra = extract_claims(article)
        report.predicted += len(extra)
        report.spurious.extend((path.name, c.figure, c.metric) for c in extra)
    return report


def score_spans(
    gold_path: str | Path, articles_dir: str | Path, finder: Callable[[Article], list[tuple[int, int]]]
) -> Detection:
    """Score a finder of figure spans in article bodies (ours or another tool's) on a gold file:
    so that quantity extractors can be compared with headcount on the same footing."""
    gold = load_gold(gold_path)
    folder = Path(articles_dir)
    out = Detection()
    for path in sorted(folder.glob("*.txt")):
        try:
            article = read_article(path)
        except InputError:
            continue
        gold_claims = gold.get(path.name, [])
        spans = _gold_spans(article.body, gold_claims, path.name, Report())
        found = finder(article)
        out.gold += len(gold_claims)
        out.predicted += len(found)
        out.matched += len(match_spans(spans, found))
    return out


def match_spans(gold: list[tuple[int, int] | None], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(gold index, found index) pairs: spans that overlap, one to one, largest overlap first."""
    pairs = sorted(
        (
            (min(g[1], f[1]) - max(g[0], f[0]), gi, fi)
            for gi, g in enumerate(gold)
            if g is not None
            for fi, f in enumerate(found)
            if min(g[1], f[1]) > max(g[0], f[0])
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_f: set[int] = set()
    out = []
    for _overlap, gi, fi in pairs:
        if gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            out.append((gi, fi))
    return out


def _gold_spans(
    body: str, gold_claims: list[dict[str, Any]], doc: str, report: Report
) -> list[tuple[int, int] | None]:
    seen: dict[tuple[str, str], int] = defaultdict(int)
    spans: list[tuple[int, int] | None] = []
    for g in gold_claims:
        quote, fig = g["quote"], g["figure"]
        q_start = body.find(quote)
        f_start = _nth(quote, fig, seen[(quote, fig)]) if q_start >= 0 else -1
        if q_start < 0 or f_start < 0:
            report.problems.append(f"{doc}: gold figure {fig!r} not found in the body")
            spans.append(None)
            continue
        seen[(quote, fig)] += 1
        spans.append((q_start + f_start, q_start + f_start + len(fig)))
    return spans


def _nth(haystack: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = haystack.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _score(
    doc: str,
    gold_claims: list[dict[str, Any]],
    spans: list[tuple[int, int] | None],
    predicted: list[Claim],
    report: Report,
) -> None:
    matches = match_spans(spans, [(c.start, c.end) for c in predicted])
    used_g = {gi for gi, _ in matches}
    used_p = {pi for _, pi in matches}
    report.matched += len(matches)
    for gi, pi in matches:
        g, c = gold_claims[gi], predicted[pi].to_schema()
        right = True
        for f in FIELDS:
            if f in g and not same(f, g[f], c[f]):
                right = False
                report.mismatches.append(Mismatch(doc, g["figure"], f, g[f], c[f]))
            else:
                report.field_right[f] += 1
        if right:
            report.all_right += 1
    report.missed.extend(
        (doc, gold_claims[gi]["figure"]) for gi in range(len(gold_claims)) if gi not in used_g
    )
    report.spurious.extend(
        (doc, predicted[pi].figure, predicted[pi].metric) for pi in range(len(predicted)) if pi not in used_p
    )


def same(name: str, expected: Any, got: Any) -> bool:
    """Field equality as a reader would judge it: numbers to 0.01, names ignoring typography."""
    if name in ("low", "high"):
        if expected is None or got is None:
            return expected is None and got is None
        return math.isclose(float(expected), float(got), abs_tol=0.011)
    if name in ("claimant", "figure"):
        return _norm_name(expected) == _norm_name(got)
    if name == "via":
        return [_norm_name(v) for v in expected or []] == [_norm_name(v) for v in got or []]
    return expected == got


def _norm_name(value: Any) -> str:
    return re.sub(r"\s+", " ", normalise(str(value or ""))).strip().casefold()
