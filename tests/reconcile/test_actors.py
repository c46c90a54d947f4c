"""The actor registry: who speaks under which names, what the ledger holds that it does not
know, and the user's own file."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from headcount.actors import _key as alias_key
from headcount.actors import (
    actors_template,
    build_registry,
    default_registry,
    load_actors,
    registry_with,
    unknown_names,
)
from headcount.errors import ConfigError
from headcount.extract.text import normalise
from headcount.reconcile import default_settings
from tests.reconcile.conftest import make_claim


@pytest.mark.parametrize(
    ("name", "actor", "affiliation"),
    [
        ("Mediazona", "Mediazona", "independent"),
        ("Медиазона", "Mediazona", "independent"),
        ("Idite Lesom", "Idite Lesom", "independent"),
        ("Идите лесом", "Idite Lesom", "independent"),
        ("Get Lost", "Idite Lesom", "independent"),
        ("ОГП", "Ukraine's Prosecutor General's Office", "ukrainian_state"),
        ("Ukraine’s Prosecutor General’s Office", "Ukraine's Prosecutor General's Office", "ukrainian_state"),
        ("Die Welt’s correspondent Christoph Vanner", "Die Welt", "third_country"),
        ("Christoph Wanner", "Die Welt", "third_country"),
        ("OVD-Info", "OVD-Info", "independent"),  # no longer an alias of Memorial
        ("Dmitry Medvedev", "Dmitry Medvedev", "russian_state"),
        ("State Border Guard Service of Ukraine", "State Border Guard Service of Ukraine", "ukrainian_state"),
        ("Radio Svoboda", "Radio Free Europe/Radio Liberty", "third_country"),
        ("Freedom of Russia Legion", "Freedom of Russia Legion", "ukrainian_state"),
    ],
)
def test_names_resolve_to_actors(name: str, actor: str, affiliation: str) -> None:
    found = default_registry().resolve(name)
    assert found is not None and found.name == actor and found.affiliation == affiliation


def test_no_alias_names_two_actors() -> None:
    registry = default_registry()
    counts = Counter(alias_key(normalise(a)) for actor in registry.actors for a in set(actor.aliases))
    owners: dict[str, set[str]] = {}
    for actor in registry.actors:
        for alias in actor.aliases:
            owners.setdefault(alias_key(normalise(alias)), set()).add(actor.name)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}
    assert counts  # the registry is not empty


def test_unknown_names_are_listed_for_classification() -> None:
    records = [
        make_claim(claimant="a Russian volunteer anti-war group", outlet="Medium (Christian Baghai)"),
        make_claim(claimant="Mediazona", outlet="ICARO Media Group"),
        make_claim(claimant="Mediazona", outlet="ICARO Media Group"),
        make_claim(claimant="various sources", via=("a regional paper",), outlet="ICARO Media Group"),
        make_claim(claimant="the article", outlet="TASS"),
    ]
    found = unknown_names(records, vague=default_settings().vague_claimants)
    by_name = {u.name: u for u in found}
    assert set(by_name) == {
        "ICARO Media Group",
        "Medium (Christian Baghai)",
        "a Russian volunteer anti-war group",
        "a regional paper",
        "various sources",
    }
    assert by_name["ICARO Media Group"].claims == 3 and by_name["ICARO Media Group"].roles == ("outlet",)
    assert by_name["a regional paper"].roles == ("via",)
    assert by_name["various sources"].vague and found[-1].name == "various sources"  # vague ones last
    assert found[0].name == "ICARO Media Group"  # most frequent first


def test_the_template_round_trips_once_classified(tmp_path: Path) -> None:
    records = [make_claim(claimant="a Russian volunteer anti-war group", outlet="ICARO Media Group")]
    template = actors_template(unknown_names(records))
    assert 'aliases = ["Russian volunteer anti-war group"]' in template
    path = tmp_path / "mine.toml"
    path.write_text(template, encoding="utf-8")
    with pytest.raises(ConfigError, match="kind"):
        load_actors(path)  # left unclassified: refused, not guessed
    classified = template.replace('kind = ""', 'kind = "ngo"', 1).replace(
        'affiliation = ""', 'affiliation = "independent"', 1
    )
    classified = classified.replace('kind = ""', 'kind = "foreign_media"').replace(
        'affiliation = ""', 'affiliation = "third_country"'
    )
    path.write_text(classified, encoding="utf-8")
    tomllib.loads(classified)
    registry = registry_with(path)
    assert registry.resolve("a Russian volunteer anti-war group").affiliation == "independent"  # type: ignore[union-attr]
    assert registry.resolve("ICARO Media Group").affiliation == "third_country"  # type: ignore[union-attr]
    assert unknown_names(records, registry) == []


def test_a_users_file_overrides_the_shipped_entry(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nname = "Kommersant"\naliases = ["Kommersant"]\n'
        'kind = "state_media"\naffiliation = "russian_state"\n',
        encoding="utf-8",
    )
    assert default_registry().resolve("Kommersant").affiliation == "independent"  # type: ignore[union-attr]
    assert registry_with(path).resolve("Kommersant").affiliation == "russian_state"  # type: ignore[union-attr]
    assert build_registry(load_actors(path)).resolve("Mediazona") is None
