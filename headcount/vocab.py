"""Load the vocabularies in ``headcount/data``: per-language cue words and shared tables.

Vocabularies are data, not code (STYLE.md): each stage compiles the patterns it needs from these
files once per language. A malformed file raises :class:`~headcount.errors.ConfigError` naming the
file and key, at load time rather than halfway through a batch.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from headcount.errors import BAD_DATA_FILE, ConfigError

#: Languages with a vocabulary folder in headcount/data.
DATA_DIR = Path(str(resources.files("headcount") / "data"))


@cache
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


def first_chars(pattern: str) -> set[str] | None:
    """The characters a regex can start a match with (lower-cased), or None if it could start
    with almost anything. Read from Python's own regex parser, so data entries stay plain regexes."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    return _first(list(parsed))


def _first(items: list[Any]) -> set[str] | None:
    from re import _constants as c  # type: ignore[attr-defined]

    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av).lower())
            return out
        if op is c.IN:
            for sub_op, sub_av in av:
                if sub_op is c.LITERAL:
                    out.add(chr(sub_av).lower())
                elif sub_op is c.RANGE:
                    lo, hi = sub_av
                    if hi - lo > 64:
                        return None
                    out.update(chr(x).lower() for x in range(lo, hi + 1))
                else:
                    return None
            return out
        if op is c.SUBPATTERN:
            sub = _first(list(av[-1]))
            if sub is None:
                return None
            out |= sub
            if not _can_be_empty(list(av[-1])):
                return out
            continue
        if op is c.BRANCH:
            for branch in av[1]:
                sub = _first(list(branch))
                if sub is None:
                    return None
                out |= sub
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, _hi, body = av
            sub = _first(list(body))
            if sub is None:
                return None
            out |= sub
            if lo > 0:
                return out
            continue
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the next item starts the match
        return None
    return out or None


def _can_be_empty(items: list[Any]) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]

    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] == 0:
            continue
        if op is c.SUBPATTERN and _can_be_empty(list(av[-1])):
            continue
        return False
    return True


def prefixes(pattern: str, k: int = 5, limit: int = 256) -> set[str] | None:
    """Every string of up to ``k`` lower-case characters a match of ``pattern`` can begin with
    (shorter where the pattern stops being literal), or None if there are too many."""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = list(_parser.parse(pattern, re.IGNORECASE))
    except re.error:
        return None
    out = _prefixes(parsed, k, limit)
    if out is None:
        return None
    found = {p for p, _stopped in out}
    return found if "" not in found else None


def _prefixes(items: list[Any], k: int, limit: int) -> set[tuple[str, bool]] | None:
    """Prefixes of the concatenation ``items`` as (prefix, stopped) pairs: ``stopped`` means the
    pattern stops being literal after it, so nothing may be appended."""
    from re import _constants as c  # type: ignore[attr-defined]

    results: set[str] = {""}
    done: set[str] = set()  # prefixes that cannot be extended further
    for op, av in items:
        if not results:
            break
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        options: set[tuple[str, bool]] | None
        if op is c.LITERAL:
            options = {(chr(av).lower(), False)}
        elif op is c.IN:
            chars: set[str] | None = set()
            for sub_op, sub_av in av:
                if sub_op is c.LITERAL:
                    chars.add(chr(sub_av).lower())  # type: ignore[union-attr]
                elif sub_op is c.RANGE and sub_av[1] - sub_av[0] <= 26:
                    chars.update(chr(x).lower() for x in range(sub_av[0], sub_av[1] + 1))  # type: ignore[union-attr]
                else:
                    chars = None
                    break
            options = None if chars is None else {(ch, False) for ch in chars}
        elif op is c.SUBPATTERN:
            options = _prefixes(list(av[-1]), k, limit)
        elif op is c.BRANCH:
            options = set()
            for branch in av[1]:
                sub = _prefixes(list(branch), k, limit)
                if sub is None:
                    options = None
                    break
                options |= sub
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, body = av
            if lo >= 1 and _is_whitespace(list(body)):
                options = {(" ", False)}  # "\s+": one space in the prefix, any whitespace in the text
            else:
                sub = _prefixes(list(body), k, limit)
                if sub is None:
                    options = None
                elif hi > 1:  # repeated: its first occurrence starts literal, then it stops
                    options = {(p, True) for p, _stopped in sub}
                else:
                    options = sub
                if options is not None and lo == 0:
                    options = options | {("", False)}
        else:
            options = None
        if options is None:
            done |= results
            results = set()
            break
        nxt: set[str] = set()
        for r in results:
            for o, stopped in options:
                combined = (r + o)[:k]
                (done if stopped or len(combined) >= k else nxt).add(combined)
        results = nxt
        if len(results) + len(done) > limit:
            return None
    out = {(p, True) for p in done} | {(p, False) for p in results}
    return out if len(out) <= limit else None


def _is_whitespace(items: list[Any]) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]

    if len(items) != 1:
        return False
    op, av = items[0]
    if op is c.LITERAL:
        return chr(av) == " "
    if op is c.IN:
        return all(
            (o is c.CATEGORY and a is c.CATEGORY_SPACE) or (o is c.LITERAL and chr(a) == " ") for o, a in av
        )
    return False


def escape(text: str) -> str:
    """``re.escape`` that leaves spaces alone, so that :func:`alternation` can turn them into
    ``\\s+``."""
    return "".join(" " if ch == " " else re.escape(ch) for ch in text)


def literal_alternation(words: Iterable[str]) -> str:
    """A case-insensitive regex for literal ``words`` shaped as a trie: far cheaper to try at
    every position than a flat alternation of the same words."""
    return "(?:" + _trie_regex(w.lower() for w in words) + ")"


def _trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (lower case), built as a trie so that each position costs
    a few character checks instead of one per word."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        if list(node) == [""]:
            return ""
        alts = []
        optional = "" in node
        for ch in sorted(ch for ch in node if ch):
            esc = re.escape(ch)
            if ch == " ":
                cls = r"\s+"
            else:
                cls = f"[{esc}{re.escape(ch.upper())}]" if ch.upper() != ch else esc
            alts.append(cls + build(node[ch]))
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


class Lexicon:
    """Many cue patterns matched together, fast: one compiled regex per possible first character,
    tried only where a word starts.

    ``branches`` are (regex, meta) pairs in priority order; at one position the first branch that
    matches wins (list longer, more specific patterns first). Matches do not overlap and come left
    to right, like ``re.finditer`` over one alternation would give them — at a fraction of the
    cost when there are hundreds of branches.
    """

    _WORD_START = re.compile(r"(?<![^\W_])[^\W_]", re.UNICODE)

    def __init__(
        self, branches: list[tuple[str, Any]], *, flags: int = re.IGNORECASE, file: str = "", key: str = ""
    ) -> None:
        by_char: dict[str, list[int]] = {}
        anywhere: list[int] = []
        starts: set[str] = set()  # literal beginnings of every branch, for the candidate scan
        self._meta: list[Any] = []
        patterns: list[str] = []
        for i, (pattern, meta) in enumerate(branches):
            body = pattern.replace(" ", r"\s+")
            try:
                re.compile(body, flags)
            except re.error as exc:
                raise ConfigError(
                    file or "headcount/data", f"bad pattern {pattern!r} in '{key}': {exc}", code=BAD_DATA_FILE
                ) from None
            patterns.append(body)
            self._meta.append(meta)
            chars = first_chars(body)
            if chars is None:
                anywhere.append(i)
                continue
            for ch in chars:
                by_char.setdefault(ch, []).append(i)
            begins = prefixes(body)
            starts |= begins if begins is not None else chars
        self._by_char: dict[str, re.Pattern[str]] = {}
        for ch, idx in by_char.items():
            members = sorted(set(idx) | set(anywhere))
            self._by_char[ch] = _compile_group(patterns, members, flags)
        self._anywhere = _compile_group(patterns, anywhere, flags) if anywhere else None
        # Where a match can start: a word start followed by one of the literal beginnings. The
        # scan runs in C over a trie-shaped regex; only candidates reach the per-character regex.
        self._candidates = (
            self._WORD_START
            if anywhere
            else re.compile(r"(?<![^\W_])(?=" + _trie_regex(starts) + ")")
            if starts
            else re.compile(r"(?!x)x")
        )

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, Any]]:
        """(start, end, meta) of each match in ``text[start:end]``, left to right."""
        end = len(text) if end is None else end
        pos = start
        for w in self._candidates.finditer(text, start, end):
            at = w.start()
            if at < pos:
                continue
            rx = self._by_char.get(text[at].lower(), self._anywhere)
            if rx is None:
                continue
            m = rx.match(text, at, end)
            if m is None:
                continue
            yield at, m.end(), self._meta[int(m.lastgroup[1:])]  # type: ignore[index]
            pos = m.end()

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether any branch matches somewhere in the text."""
        return next(self.finditer(text, start, end), None) is not None


def _compile_group(patterns: list[str], members: list[int], flags: int) -> re.Pattern[str]:
    body = "|".join(f"(?P<b{i}>{patterns[i]})" for i in members)
    return re.compile(rf"(?:{body})(?![^\W_])", flags)
