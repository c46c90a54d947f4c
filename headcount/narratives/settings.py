"""Thresholds of repeated-passage detection, read from ``headcount/data/narratives.toml`` and
validated on load (a bad value is reported by file and key before any text is read)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from headcount.errors import BAD_DATA_FILE, ConfigError
from headcount.vocab import DATA_DIR

_FILE = "headcount/data/narratives.toml"


@dataclass(frozen=True, slots=True)
class NarrativeSettings:
    """Everything the passage and republication stages depend on (see narratives.toml)."""

    min_words: int
    max_sentences: int
    num_perm: int
    threshold: float
    seed: int
    max_bucket: int
    min_estimate: float
    min_shared_runs: int
    max_df: float
    min_docs_for_df: int
    min_run: int
    min_shared: int
    min_score: float
    extend_min: int
    copied_score: float
    shingle: int
    article_num_perm: int
    article_threshold: float
    min_similarity: float
    article_min_words: int
    stopwords: frozenset[str]


def _number(data: dict[str, Any], dotted: str, kind: type, low: float, high: float) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ConfigError(_FILE, f"missing key '{dotted}'", code=BAD_DATA_FILE)
        node = node[part]
    ok = isinstance(node, int) if kind is int else isinstance(node, (int, float))
    if isinstance(node, bool) or not ok or not (low <= node <= high):
        raise ConfigError(
            _FILE,
            f"'{dotted}' must be a{'n integer' if kind is int else ' number'} from {low} to {high}",
            code=BAD_DATA_FILE,
        )
    return kind(node)


def parse_settings(data: dict[str, Any]) -> NarrativeSettings:
    """Validate a parsed narratives.toml."""
    stop = data.get("stopwords")
    if not isinstance(stop, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in stop.values()
    ):
        raise ConfigError(_FILE, "'stopwords' must map languages to lists of words", code=BAD_DATA_FILE)
    return NarrativeSettings(
        min_words=_number(data, "passages.min_words", int, 1, 100),
        max_sentences=_number(data, "passages.max_sentences", int, 1, 50),
        num_perm=_number(data, "candidates.num_perm", int, 8, 512),
        threshold=_number(data, "candidates.threshold", float, 0.05, 1.0),
        seed=_number(data, "candidates.seed", int, 0, 2**31),
        max_bucket=_number(data, "candidates.max_bucket", int, 2, 10**6),
        min_estimate=_number(data, "candidates.min_estimate", float, 0.0, 1.0),
        min_shared_runs=_number(data, "candidates.min_shared_runs", int, 0, 512),
        max_df=_number(data, "candidates.max_df", float, 0.0, 1.0),
        min_docs_for_df=_number(data, "candidates.min_docs_for_df", int, 1, 10**9),
        min_run=_number(data, "similarity.min_run", int, 1, 20),
        min_shared=_number(data, "similarity.min_shared", int, 1, 100),
        min_score=_number(data, "similarity.min_score", float, 0.0, 1.0),
        extend_min=_number(data, "similarity.extend_min", int, 1, 100),
        copied_score=_number(data, "similarity.copied_score", float, 0.0, 1.0),
        shingle=_number(data, "republications.shingle", int, 1, 20),
        article_num_perm=_number(data, "republications.num_perm", int, 8, 512),
        article_threshold=_number(data, "republications.threshold", float, 0.05, 1.0),
        min_similarity=_number(data, "republications.min_similarity", float, 0.0, 1.0),
        article_min_words=_number(data, "republications.min_words", int, 1, 10**6),
        stopwords=frozenset(w.lower() for words in stop.values() for w in words),
    )


@cache
def default_settings() -> NarrativeSettings:
    """The settings that ship with headcount."""
    with (DATA_DIR / "narratives.toml").open("rb") as fh:
        return parse_settings(tomllib.load(fh))
