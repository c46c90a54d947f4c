"""The cross-check's thresholds and weights, read from ``headcount/data/reconcile.toml``.

They are domain knowledge, not code (STYLE.md): how far apart two figures may be, what a further
Russian state origin adds to a group, which metrics get confused for each other. The file is
validated when it loads, so a bad value is reported by key before any comparison runs.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from headcount.actors import AFFILIATIONS
from headcount.errors import BAD_DATA_FILE, ConfigError
from headcount.model import METRICS, SIDES
from headcount.vocab import DATA_DIR, table

#: Affiliation of an origin the actor registry cannot place.
UNKNOWN = "unknown"

_FILE = "headcount/data/reconcile.toml"


@dataclass(frozen=True, slots=True)
class MixingRule:
    """A claim of ``counted`` whose sentence speaks of ``source`` may present one as the other."""

    counted: str
    source: str
    words: re.Pattern[str]
    note: str


@dataclass(frozen=True, slots=True)
class Weight:
    """What an origin adds to a group: ``first`` of its affiliation, ``further`` for each more."""

    first: float
    further: float


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    """Everything the scale, the contradiction check and the corroboration groups depend on."""

    days_per_month: float
    open_start: date | None  # None: running totals without a start stay off the per-month scale
    open_start_label: str
    tolerance: float
    approx_slack: float
    same_period_overlap: float
    ongoing_window_days: int
    running_total_window_days: int
    parties: dict[str, str]
    independence: dict[str, Weight]
    share_base: dict[str, str]
    self_claimants: frozenset[str]
    vague_claimants: frozenset[str]
    mixing: tuple[MixingRule, ...] = field(default=())
    same_figure_min: float = 1000
    same_figure_window_days: int = 366
    scope_places: tuple[tuple[str, re.Pattern[str]], ...] = ()
    scope_named: re.Pattern[str] | None = None
    #: Any name of any place, in one pattern: most sentences name none, and one search says so
    #: (one search per place cost 60 µs a sentence).
    scope_any: re.Pattern[str] | None = None

    def with_tolerance(self, tolerance: float | None) -> ReconcileSettings:
        """These settings with another tolerance (``headcount compare --tolerance``)."""
        if tolerance is None:
            return self
        if not 0 <= tolerance < 1:
            raise ConfigError("--tolerance", f"{tolerance} is not a share between 0 and 1 (0.1 is 10%)")
        return replace(self, tolerance=tolerance)

    def weight(self, affiliation: str) -> Weight:
        return self.independence.get(affiliation) or self.independence[UNKNOWN]

    def summary(self) -> dict[str, Any]:
        """The settings a reader needs to check the arithmetic, JSON-ready."""
        return {
            "days_per_month": self.days_per_month,
            "open_start": self.open_start.isoformat() if self.open_start else None,
            "open_start_label": self.open_start_label,
            "tolerance": self.tolerance,
            "approx_slack": self.approx_slack,
            "same_period_overlap": self.same_period_overlap,
            "ongoing_window_days": self.ongoing_window_days,
            "running_total_window_days": self.running_total_window_days,
            "independence": {
                k: {"first": w.first, "further": w.further} for k, w in self.independence.items()
            },
        }


def _get(data: dict[str, Any], dotted: str, kind: type | tuple[type, ...], file: str) -> Any:
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ConfigError(file, f"missing key '{dotted}'", code=BAD_DATA_FILE)
        node = node[part]
    if isinstance(node, bool) and kind is not bool and bool not in (kind if isinstance(kind, tuple) else ()):
        raise ConfigError(file, f"'{dotted}' should be a number, not true/false", code=BAD_DATA_FILE)
    if not isinstance(node, kind):
        raise ConfigError(file, f"'{dotted}' has the wrong type ({type(node).__name__})", code=BAD_DATA_FILE)
    return node


def _share(data: dict[str, Any], dotted: str, file: str) -> float:
    value = float(_get(data, dotted, (int, float), file))
    if not 0 <= value < 1:
        raise ConfigError(
            file, f"'{dotted}' must be a share between 0 and 1, not {value}", code=BAD_DATA_FILE
        )
    return value


def _metric(value: Any, where: str, file: str) -> str:
    if value not in METRICS:
        raise ConfigError(
            file, f"{where}: {value!r} is not a metric ({', '.join(METRICS)})", code=BAD_DATA_FILE
        )
    return str(value)


def parse_settings(data: dict[str, Any], *, file: str = _FILE) -> ReconcileSettings:
    """Validate a parsed reconcile.toml; errors name the file and the key."""
    days = float(_get(data, "scale.days_per_month", (int, float), file))
    if not 28 <= days <= 31:
        raise ConfigError(
            file, f"'scale.days_per_month' must be between 28 and 31, not {days}", code=BAD_DATA_FILE
        )
    open_start: date | None = None
    label = ""
    if _get(data, "scale.assume_open_start", bool, file):
        event = _get(data, "scale.open_start_event", str, file)
        events = table("events")
        if event not in events or not isinstance(events[event].get("date"), date):
            raise ConfigError(
                file,
                f"'scale.open_start_event': no event {event!r} with a date in data/events.toml",
                code=BAD_DATA_FILE,
            )
        open_start = events[event]["date"]
        label = str(data["scale"].get("open_start_label") or event.replace("_", " "))
    parties = _get(data, "parties", dict, file)
    for aff, side in parties.items():
        if aff not in AFFILIATIONS or side not in SIDES:
            raise ConfigError(
                file, f"parties: {aff} = {side!r} is not an affiliation and a side", code=BAD_DATA_FILE
            )
    weights: dict[str, Weight] = {}
    for aff in (*AFFILIATIONS, UNKNOWN):
        first = float(_get(data, f"independence.{aff}.first", (int, float), file))
        further = float(_get(data, f"independence.{aff}.further", (int, float), file))
        if not (0 <= further <= first <= 1):
            raise ConfigError(
                file,
                f"independence.{aff}: need 0 <= further <= first <= 1, got {further} and {first}",
                code=BAD_DATA_FILE,
            )
        weights[aff] = Weight(first, further)
    share_base = {
        _metric(k, "share_base", file): _metric(v, f"share_base.{k}", file)
        for k, v in _get(data, "share_base", dict, file).items()
    }
    claimants = _get(data, "claimants", dict, file)
    rules = []
    for i, rule in enumerate(_get(data, "mixing", list, file), start=1):
        where = f"mixing #{i}"
        if not isinstance(rule, dict):
            raise ConfigError(file, f"{where}: expected a table", code=BAD_DATA_FILE)
        words = rule.get("words")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise ConfigError(file, f"{where}: 'words' must be a list of strings", code=BAD_DATA_FILE)
        pattern = _words(words, where, file, re.IGNORECASE)
        if not isinstance(rule.get("note"), str):
            raise ConfigError(file, f"{where}: needs a 'note'", code=BAD_DATA_FILE)
        rules.append(
            MixingRule(
                counted=_metric(rule.get("counted"), where, file),
                source=_metric(rule.get("source"), where, file),
                words=pattern,
                note=rule["note"],
            )
        )
    places = []
    every_name: list[str] = []
    for place, names in _get(data, "scope.places", dict, file).items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError(file, f"scope.places.{place}: expected a list of names", code=BAD_DATA_FILE)
        places.append((place, _words(names, f"scope.places.{place}", file)))
        every_name.extend(names)
    named = _get(data, "scope.named", list, file)
    return ReconcileSettings(
        days_per_month=days,
        open_start=open_start,
        open_start_label=label,
        tolerance=_share(data, "contradictions.tolerance", file),
        approx_slack=_share(data, "contradictions.approx_slack", file),
        same_period_overlap=_share(data, "contradictions.same_period_overlap", file) or 0.01,
        ongoing_window_days=int(_get(data, "contradictions.ongoing_window_days", int, file)),
        running_total_window_days=int(_get(data, "contradictions.running_total_window_days", int, file)),
        parties=dict(parties),
        independence=weights,
        share_base=share_base,
        self_claimants=frozenset(s.lower() for s in claimants.get("self", [])),
        vague_claimants=frozenset(s.lower() for s in claimants.get("vague", [])),
        mixing=tuple(rules),
        same_figure_min=float(_get(data, "mixing_same_figure.min_value", (int, float), file)),
        same_figure_window_days=int(_get(data, "mixing_same_figure.window_days", int, file)),
        scope_places=tuple(places),
        scope_named=_words(named, "scope.named", file) if named else None,
        scope_any=_words(every_name, "scope.places", file) if every_name else None,
    )


def _words(patterns: list[str], where: str, file: str, flags: int = 0) -> re.Pattern[str]:
    """One pattern matching any of ``patterns`` as whole words."""
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", flags)
    except re.error as exc:
        raise ConfigError(file, f"{where}: not a valid pattern ({exc})", code=BAD_DATA_FILE) from None


def load_settings(path: Path | str) -> ReconcileSettings:
    """Read and validate a reconcile settings file in the format of the shipped one."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(str(path), "settings file not found", code=BAD_DATA_FILE) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}", code=BAD_DATA_FILE) from None
    return parse_settings(data, file=str(path))


@cache
def default_settings() -> ReconcileSettings:
    """The settings that ship with headcount (``headcount/data/reconcile.toml``)."""
    with (DATA_DIR / "reconcile.toml").open("rb") as fh:
        return parse_settings(tomllib.load(fh))
