"""Counts of one thing presented as another: criminal cases as deserters, verdicts as cases opened,
applications as grants.

The comparison never merges metrics; these warnings point at the articles that may have. Two
signs, from the rules in ``data/reconcile.toml`` (``[[mixing]]``):

* **wording** — a figure counted as one metric whose own sentence speaks of the other ("230,000
  deserters, according to the criminal cases registered …") and holds no figure of that other
  metric (when it does, each figure is counted as what it is);
* **same_figure** — the same number, on the same side, stored under both metrics of a rule in two
  different articles, with periods ending within a year of each other: one article relabels the
  other's figure. Only figures of at least ``mixing_same_figure.min_value`` are compared: small
  numbers recur by chance.

One pass over the claims and one index by value: O(n).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from headcount.model import LedgerClaim
from headcount.reconcile.labels import metric_noun
from headcount.reconcile.records import MixWarning, fmt
from headcount.reconcile.settings import ReconcileSettings


def find_mixing(records: Sequence[LedgerClaim], settings: ReconcileSettings) -> list[MixWarning]:
    """Every warning of metric mixing among ``records``."""
    out: list[MixWarning] = []
    by_counted = defaultdict(list)
    for n, rule in enumerate(settings.mixing):
        by_counted[rule.counted].append((n, rule))
    metrics_in_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
    for r in records:
        metrics_in_sentence[(r.article_id, r.claim.sentence_start)].add(r.claim.metric)
    # Echoes of one report share their sentence: each rule reads each distinct sentence once.
    searched: dict[tuple[int, str], re.Match[str] | None] = {}
    for r in records:
        c = r.claim
        for n, rule in by_counted.get(c.metric, ()):
            if rule.source in metrics_in_sentence[(r.article_id, c.sentence_start)]:
                continue
            key = (n, c.quote)
            if key in searched:
                match = searched[key]
            else:
                match = searched[key] = rule.words.search(c.quote)
            if match:
                out.append(
                    MixWarning(
                        kind="wording",
                        ref=str(r.id),
                        metric=c.metric,
                        other_metric=rule.source,
                        message=f"{c.figure}: {rule.note} (the sentence says “{match.group(0)}”)",
                    )
                )
    out.extend(_same_figures(records, settings))
    return out


def _same_figures(records: Sequence[LedgerClaim], settings: ReconcileSettings) -> list[MixWarning]:
    pairs = {frozenset((rule.counted, rule.source)) for rule in settings.mixing}
    paired = {m for pair in pairs for m in pair}
    by_value: dict[tuple[str, float | None, float | None], list[LedgerClaim]] = defaultdict(list)
    for r in records:
        c = r.claim
        if c.kind != "count" or c.metric not in paired:
            continue
        value = c.low if c.low is not None else c.high
        if value is None or value < settings.same_figure_min:
            continue
        by_value[(c.side, c.low, c.high)].append(r)
    out: list[MixWarning] = []
    for group in by_value.values():
        if len({r.claim.metric for r in group}) < 2:
            continue
        # The earliest claim of each metric stands for it; each relabelling is reported once.
        first: dict[str, LedgerClaim] = {}
        for r in sorted(group, key=lambda r: (r.published or r.claim.period_end or date.max, r.id)):
            first.setdefault(r.claim.metric, r)
        metrics = sorted(first)
        for i, m1 in enumerate(metrics):
            for m2 in metrics[i + 1 :]:
                if frozenset((m1, m2)) not in pairs:
                    continue
                a, b = first[m1], first[m2]
                if a.article_id == b.article_id or not _close(a, b, settings):
                    continue
                value = a.claim.low if a.claim.low is not None else a.claim.high
                for this, other in ((a, b), (b, a)):
                    out.append(
                        MixWarning(
                            kind="same_figure",
                            ref=str(this.id),
                            metric=this.claim.metric,
                            other_metric=other.claim.metric,
                            other_ref=str(other.id),
                            message=(
                                f"{fmt(value)} is counted as {metric_noun(this.claim.metric)} here "
                                f"and as {metric_noun(other.claim.metric)} in #{other.id} "
                                f"({other.outlet or other.claim.doc}): one of the two articles presents the "
                                "other's figure as something it is not"
                            ),
                        )
                    )
    return out


def _close(a: LedgerClaim, b: LedgerClaim, settings: ReconcileSettings) -> bool:
    ea = a.claim.period_end or a.published
    eb = b.claim.period_end or b.published
    if ea is None or eb is None:
        return True
    return abs((ea - eb).days) <= settings.same_figure_window_days


__all__ = ["find_mixing"]
