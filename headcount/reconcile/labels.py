"""How metrics and sides are named to readers (labels from ``data/taxonomy.toml``)."""

from __future__ import annotations

from headcount.vocab import table

SIDE_LABELS = {
    "ukraine": "Ukrainian side",
    "russia": "Russian side",
    "other": "Third countries",
    "unknown": "Side not stated",
}


def metric_label(metric: str) -> str:
    """The label of a metric in ``data/taxonomy.toml`` ("Desertion and AWOL")."""
    entry = table("taxonomy").get("metrics", {}).get(metric, {})
    return str(entry.get("label", metric.replace("_", " ").capitalize()))


def related_metrics(metric: str) -> tuple[str, ...]:
    """Metrics shown beside this one but never merged into it (``comparable_with``)."""
    entry = table("taxonomy").get("metrics", {}).get(metric, {})
    return tuple(entry.get("comparable_with", ()))


def metric_noun(metric: str) -> str:
    """The label inside a sentence: "criminal cases", "desertion and AWOL"."""
    label = metric_label(metric)
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]
