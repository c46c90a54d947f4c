"""The cross-check: every figure on one scale, who stands behind it, which agree and which cannot
both be true.

Stages (one module each): ``scale`` (figures → per month and totals), ``provenance`` (claimants →
origins and chains; groups → independent origins and echoes), ``agreement`` (same period, same
value), ``contradictions``, ``mixing`` (one metric presented as another); ``compare`` runs them in
order. Thresholds and weights are in ``headcount/data/reconcile.toml``.
"""

from headcount.reconcile.compare import compare, compare_ledger
from headcount.reconcile.records import (
    Comparison,
    Contradiction,
    Echo,
    Entry,
    Group,
    Interval,
    Link,
    MixWarning,
    Origin,
    OriginEchoes,
    Scaled,
    Series,
)
from headcount.reconcile.scale import months_between, scale_claim, scale_claims
from headcount.reconcile.settings import ReconcileSettings, default_settings, load_settings

__all__ = [
    "Comparison",
    "Contradiction",
    "Echo",
    "Entry",
    "Group",
    "Interval",
    "Link",
    "MixWarning",
    "Origin",
    "OriginEchoes",
    "ReconcileSettings",
    "Scaled",
    "Series",
    "compare",
    "compare_ledger",
    "default_settings",
    "load_settings",
    "months_between",
    "scale_claim",
    "scale_claims",
]
