"""The actor registry: who speaks, under which names, and whose interests they answer to.

Claimants and intermediaries are kept in claims exactly as the text names them; this registry maps
those names to canonical actors ("Медиазона", "Mediazona" -> Mediazona) with their kind and
affiliation. It ships in ``headcount/data/actors.toml``; users add their own file in the same format.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from headcount.errors import BAD_DATA_FILE, ConfigError
from headcount.extract.text import normalise
from headcount.model import Actor, LedgerClaim
from headcount.vocab import DATA_DIR, Lexicon, escape

KINDS = (
    "state_body",
    "official",
    "state_media",
    "independent_media",
    "foreign_media",
    "ngo",
    "research_group",
    "armed_group",
)
AFFILIATIONS = ("russian_state", "ukrainian_state", "independent", "third_country")


@dataclass(frozen=True)
class Registry:
    """Actors and a matcher over all their aliases."""

    actors: tuple[Actor, ...]
    _pattern: Lexicon
    _by_alias: dict[str, Actor]
    # Cyrillic aliases by the stems of their words: "по данным Генпрокуратуры" names the alias
    # "Генпрокуратура" in another case (Russian and Ukrainian inflect names).
    _by_stems: dict[tuple[str, ...], Actor] = field(default_factory=dict)

    def find(self, text: str, *, normalised: bool = False) -> list[tuple[int, int, Actor]]:
        """Every actor named in ``text``: (start, end, actor), longest alias first."""
        norm = text if normalised else normalise(text)
        return [
            (start, end, self._by_alias[_key(norm[start:end])])
            for start, end, _ in self._pattern.finditer(norm)
            if _key(norm[start:end]) in self._by_alias
        ]

    def resolve(self, name: str, *, exact: bool = False) -> Actor | None:
        """The actor a claimant or intermediary names, if known.

        An exact alias wins; otherwise the longest alias found inside the name ("Russian Foreign
        Ministry spokesperson Maria Zakharova" -> Maria Zakharova, the person speaking). A name in
        Cyrillic also matches an alias in another grammatical case. ``exact`` asks for the whole
        name to be an alias.
        """
        key = _key(normalise(name))
        key = re.sub(r"^(?:the|a|an)\s+", "", key)
        if key in self._by_alias:
            return self._by_alias[key]
        if _CYRILLIC.search(key) and self._by_stems:
            found_stem = self._resolve_stems(key, exact=exact)
            if found_stem is not None or exact:
                return found_stem
        if exact:
            return None
        found = self.find(name)
        if not found:
            return None
        # Prefer the last-named actor: in "X's correspondent Y" or "spokesperson Y", Y speaks.
        return max(found, key=lambda f: (f[1] - f[0], f[0]))[2]

    def _resolve_stems(self, key: str, *, exact: bool) -> Actor | None:
        stems = _stems(key)
        if stems in self._by_stems:
            return self._by_stems[stems]
        if exact:
            return None
        # The longest run of words that is an alias, the last-named first on ties.
        for size in range(len(stems) - 1, 0, -1):
            for i in range(len(stems) - size, -1, -1):
                actor = self._by_stems.get(stems[i : i + size])
                if actor is not None:
                    return actor
        return None

    def by_name(self, name: str) -> Actor | None:
        return next((a for a in self.actors if a.name == name), None)


def _key(alias: str) -> str:
    return re.sub(r"\s+", " ", alias.strip().lower())


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _endings() -> tuple[str, ...]:
    """Case endings of the languages that inflect names (data/<lang>/text.toml), longest first."""
    from headcount.vocab import languages, table

    found: set[str] = set()
    for lang in languages():
        found.update(table("text", lang).get("morphology", {}).get("endings", []))
    return tuple(sorted(found, key=len, reverse=True))


def _stem(word: str) -> str:
    """A word without its case ending (at least three letters kept); acronyms stay whole."""
    if not _CYRILLIC.search(word) or len(word) <= 3:
        return word
    for ending in _endings():
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _stems(key: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in re.findall(r"[^\W_]+(?:['.-][^\W_]+)*", key))


def load_actors(path: Path | str, *, source: str | None = None) -> list[Actor]:
    """Read and validate an actors file; errors name the file and the entry."""
    path = Path(path)
    label = source or str(path)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(label, "actors file not found", code=BAD_DATA_FILE) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(label, f"not valid TOML: {exc}", code=BAD_DATA_FILE) from None
    entries = data.get("actor")
    if not isinstance(entries, list):
        raise ConfigError(label, "expected [[actor]] tables", code=BAD_DATA_FILE)
    actors = []
    for i, e in enumerate(entries, start=1):
        where = f"actor #{i}"
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            raise ConfigError(label, f"{where}: needs a 'name'", code=BAD_DATA_FILE)
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(
                label,
                f"{where} ({e['name']}): 'aliases' must be a list of strings",
                code=BAD_DATA_FILE,
            )
        kind, aff = e.get("kind"), e.get("affiliation")
        if kind not in KINDS:
            raise ConfigError(
                label,
                f"{where} ({e['name']}): kind {kind!r} is not one of {', '.join(KINDS)}",
                code=BAD_DATA_FILE,
            )
        if aff not in AFFILIATIONS:
            raise ConfigError(
                label,
                f"{where} ({e['name']}): affiliation {aff!r} is not one of {', '.join(AFFILIATIONS)}",
                code=BAD_DATA_FILE,
            )
        names = tuple(dict.fromkeys([e["name"], *aliases]))
        actors.append(
            Actor(name=e["name"], aliases=names, kind=kind, affiliation=aff, country=e.get("country"))
        )
    return actors


def build_registry(actors: Iterable[Actor]) -> Registry:
    """A registry over ``actors``; later entries override earlier ones with the same alias."""
    actors = tuple(actors)
    by_alias: dict[str, Actor] = {}
    for a in actors:
        for alias in a.aliases:
            by_alias[_key(normalise(alias))] = a
    # Longest alias first; matched through a Lexicon (a trie of literal prefixes), which stays
    # fast with thousands of aliases.
    aliases = sorted(by_alias, key=len, reverse=True)
    pattern = Lexicon([(escape(a), None) for a in aliases], file="actors", key="aliases")
    by_stems: dict[tuple[str, ...], Actor] = {}
    for alias, actor in by_alias.items():
        if _CYRILLIC.search(alias):
            by_stems.setdefault(_stems(alias), actor)
    return Registry(actors, pattern, by_alias, by_stems)


@cache
def default_registry() -> Registry:
    """The registry that ships with headcount."""
    return build_registry(load_actors(DATA_DIR / "actors.toml", source="headcount/data/actors.toml"))


def registry_with(extra: Path | str | None) -> Registry:
    """The shipped registry extended (and overridden) by a user's actors file."""
    if extra is None:
        return default_registry()
    return build_registry([*default_registry().actors, *load_actors(extra)])


# --- Names the registry cannot place (headcount actors --unknown) ----------------------------------


@dataclass(frozen=True)
class UnknownName:
    """A claimant, intermediary or outlet in the ledger that no actor's alias matches.

    ``roles`` says where it occurs (claimant, via, outlet); ``examples`` are claim ids to look at;
    ``vague`` marks names that name no one ("various sources"): classifying them is pointless.
    """

    name: str
    roles: tuple[str, ...]
    claims: int
    examples: tuple[int, ...]
    vague: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "roles": list(self.roles),
            "claims": self.claims,
            "examples": list(self.examples),
            "vague": self.vague,
        }


def unknown_names(
    records: Iterable[LedgerClaim],
    registry: Registry | None = None,
    *,
    ignore: Iterable[str] = ("the article",),
    vague: Iterable[str] = (),
    examples: int = 3,
) -> list[UnknownName]:
    """Every name in ``records`` the registry cannot resolve, most frequent first.

    Names are grouped case- and spacing-insensitively; ``ignore`` are claimants that are not names
    ("the article"); ``vague`` ones are listed but marked, so a user classifies the rest first.
    """
    registry = registry or default_registry()
    skip = {_key(normalise(n)) for n in ignore}
    vague_keys = {_key(normalise(n)) for n in vague}
    resolved: dict[str, bool] = {}
    seen: dict[str, tuple[str, set[str], list[int]]] = {}
    for record in records:
        c = record.claim
        for name, role in ((c.claimant, "claimant"), *((v, "via") for v in c.via), (record.outlet, "outlet")):
            if not name or not name.strip():
                continue
            key = re.sub(r"^(?:the|a|an)\s+", "", _key(normalise(name)))
            if key in skip or _key(normalise(name)) in skip:
                continue
            if key not in resolved:
                resolved[key] = registry.resolve(name) is not None
            if resolved[key]:
                continue
            _, roles, ids = seen.setdefault(key, (name.strip(), set(), []))
            roles.add(role)
            if record.id not in ids:
                ids.append(record.id)
    out = [
        UnknownName(
            name=shown,
            roles=tuple(r for r in ("claimant", "via", "outlet") if r in roles),
            claims=len(ids),
            examples=tuple(ids[:examples]),
            vague=key in vague_keys,
        )
        for key, (shown, roles, ids) in seen.items()
    ]
    out.sort(key=lambda u: (u.vague, -u.claims, u.name.lower()))
    return out


def actors_template(names: Iterable[UnknownName]) -> str:
    """A TOML file of ``[[actor]]`` entries for ``names``, for the user to classify and pass back
    with ``--actors FILE``: kind and affiliation are left for them to choose."""
    lines = [
        "# Actors to classify: fill in kind and affiliation, add spellings to aliases, then pass this",
        "# file with --actors (or HEADCOUNT_ACTORS). Entries left unclassified are rejected on load.",
        f"# kind:        {' | '.join(KINDS)}",
        f"# affiliation: {' | '.join(AFFILIATIONS)}",
    ]
    for u in names:
        if u.vague:
            continue
        quoted = _toml_string(u.name)
        # Aliases match without a leading article ("a Russian volunteer group" -> the group).
        alias = _toml_string(re.sub(r"^(?:the|a|an)\s+", "", u.name, flags=re.IGNORECASE))
        lines += [
            "",
            f"# {u.claims} claim(s) as {', '.join(u.roles)}; e.g. headcount show {u.examples[0]}",
            "[[actor]]",
            f"name = {quoted}",
            f"aliases = [{alias}]",
            'kind = ""',
            'affiliation = ""',
        ]
    return "\n".join(lines) + "\n"


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
