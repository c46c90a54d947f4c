"""Load the vocabularies in ``headcount/data``: per-language cue words and shared tables.

Vocabularies are data, not code (STYLE.md): each stage compiles the patterns it needs from these
files once per language. A malformed file raises :class:`~headcount.errors.ConfigError` naming the
file and key, at load time rather than halfway through a batch.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from headcount.errors import BAD_DATA_FILE, ConfigError

#: Languages with a vocabulary folder in headcount/data.
DATA_DIR = Path(str(resources.files("headcount") / "data"))


def languages() -> tuple[str, ...]:
    """Language codes that have a vocabulary folder."""
    return tuple(sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")))


@cache
def table(name: str, language: str | None = None) -> Mapping[str, Any]:
    """The parsed TOML file ``data/<language>/<name>.toml`` (or ``data/<name>.toml``)."""
    path = DATA_DIR / language / f"{name}.toml" if language else DATA_DIR / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(
            str(path), f"no vocabulary file '{name}' for language '{language}'", code=BAD_DATA_FILE
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), f"not valid TOML: {exc}", code=BAD_DATA_FILE) from None


def entry(data: Mapping[str, Any], dotted: str, *, file: str, kind: type | tuple[type, ...] = list) -> Any:
    """``data[a][b]…`` for ``dotted = "a.b"``, checked to exist and to have the expected type."""
    node: Any = data
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise ConfigError(file, f"missing key '{dotted}'", code=BAD_DATA_FILE)
        node = node[part]
    if not isinstance(node, kind):
        raise ConfigError(
            file,
            f"'{dotted}' should be {_kind_name(kind)}, not {type(node).__name__}",
            code=BAD_DATA_FILE,
        )
    return node


def _kind_name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(k.__name__ for k in kinds)


def alternation(entries: Iterable[str], *, file: str = "", key: str = "") -> str:
    """One regex alternation of the entries, longest first, with spaces matching any whitespace.

    Entries are regular expressions; each is checked on its own, as it will be used, so a bad one
    is reported by file and key when the vocabulary loads. A literal single space that must stay
    one character (inside a look-behind) is written ``[ ]``.
    """
    items = sorted({e.replace(" ", r"\s+") for e in entries if e}, key=len, reverse=True)
    for item in items:
        try:
            re.compile(item)
        except re.error as exc:
            raise ConfigError(
                file or "headcount/data", f"bad pattern {item!r} in '{key}': {exc}", code=BAD_DATA_FILE
            ) from None
    return "(?:" + "|".join(items) + ")" if items else "(?!x)x"


def words_pattern(entries: Iterable[str], *, file: str = "", key: str = "") -> str:
    """Like :func:`alternation`, bounded so that entries only match whole words."""
    return r"(?<![^\W_])" + alternation(entries, file=file, key=key) + r"(?![^\W_])"


def compile_words(
    entries: Iterable[str], *, file: str = "", key: str = "", flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    return re.compile(words_pattern(entries, file=file, key=key), flags)


def path_of(name: str, language: str | None = None) -> str:
    """Display path of a data file, for error messages."""
    return f"headcount/data/{language}/{name}.toml" if language else f"headcount/data/{name}.toml"
