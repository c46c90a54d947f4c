"""Corroboration: groups of agreeing figures count independent origins, not articles; one origin
through many outlets is one origin with its echoes."""

from __future__ import annotations

import pytest

from headcount.reconcile import compare
from headcount.reconcile.provenance import Resolver, name_key
from headcount.reconcile.records import Group
from tests.reconcile.conftest import make_claim

RANGE = {"figure": "between 300,000 and 500,000", "low": 300000, "high": 500000, "bound": "range"}
OCT = {"start": "2025-10-01", "end": "2025-10-31"}


def only_group(claims: list) -> Group:
    groups = compare(claims).groups
    assert len(groups) == 1, groups
    return groups[0]


def test_one_origin_through_many_outlets_is_one_origin_with_its_echoes() -> None:
    claims = [
        make_claim(
            **RANGE,
            end="2025-09-13",
            claimant="Russian security forces",
            via=("TASS",),
            outlet=outlet,
            published=f"2025-09-{13 + i}",
        )
        for i, outlet in enumerate(["TASS", "RT", "Sputnik", "Some Blog"])
    ]
    group = only_group(claims)
    assert len(group.origins) == 1 and group.independence == 1.0 and group.articles == 4
    (origin,) = group.origins
    assert origin.origin.name == "Russian security forces" and origin.origin.affiliation == "russian_state"
    assert [e.entry.record.outlet for e in origin.echoes] == ["TASS", "RT", "Sputnik", "Some Blog"]
    # Russian security forces on Ukrainian deserters: a party to the conflict about the other side
    assert origin.adversarial and group.adversarial_only


@pytest.mark.parametrize(
    ("claimants", "independence"),
    [
        (["Die Welt", "Mediazona", "Russian Defence Ministry"], 3.0),  # three affiliations
        (["TASS", "Russian Defence Ministry", "the Kremlin"], 1.5),  # 1 + 0.25 + 0.25: one state's line
        (["Mediazona", "Meduza"], 1.75),  # 1 + 0.75: independent outlets check each other more
        (["Mediazona", "Медиазона", "zona.media"], 1.0),  # aliases are one actor
        (["a volunteer hotline", "a volunteer hotline"], 0.5),  # an unknown origin counts half
    ],
)
def test_independent_origins_are_weighted_by_affiliation(claimants: list[str], independence: float) -> None:
    claims = [make_claim(**OCT, claimant=c, outlet=f"Outlet {i}") for i, c in enumerate(claimants)]
    group = only_group(claims)
    assert group.independence == pytest.approx(independence)
    assert len(group.origins) == len(set(o.origin.key for o in group.origins))


def test_the_article_speaking_for_itself_is_its_outlet() -> None:
    one = make_claim(**OCT, outlet="Mediazona")
    two = make_claim(**OCT, outlet="Медиазона")
    group = only_group([one, two])
    assert len(group.origins) == 1 and group.origins[0].origin.name == "Mediazona"


def test_a_republished_copy_is_one_echo_and_keeps_the_original_origin() -> None:
    original = make_claim(**OCT, outlet="Regional Courier", article_id=1, published="2025-11-01")
    copy = make_claim(**OCT, outlet="Aggregator Daily", article_id=2, published="2025-11-03")
    without = compare([original, copy]).groups[0]
    assert len(without.origins) == 2 and without.articles == 2  # two outlets "speaking for themselves"
    with_copies = compare([original, copy], copies={2: 1}).groups[0]
    assert len(with_copies.origins) == 1 and with_copies.articles == 1
    (origin,) = with_copies.origins
    assert origin.origin.name == "Regional Courier"
    (echo,) = origin.echoes
    assert echo.entry.record.id == original.id and echo.copies == (copy.id,)


def test_chains_resolve_every_link() -> None:
    record = make_claim(
        claimant="Ukraine’s Prosecutor General’s Office", via=("Maria Zakharova",), outlet="TASS"
    )
    resolver = Resolver()
    chain = resolver.chain(record)
    assert [link.role for link in chain] == ["claimant", "via", "outlet"]
    assert [link.affiliation for link in chain] == ["ukrainian_state", "russian_state", "russian_state"]
    origin = resolver.origin(record)
    assert origin.name == "Ukraine's Prosecutor General's Office" and origin.known
    assert not resolver.adversarial(origin, "ukraine")  # a state body counting its own side


@pytest.mark.parametrize(
    ("claimant", "side", "adversarial"),
    [
        ("Russian Defence Ministry", "ukraine", True),
        ("Russian Defence Ministry", "russia", False),
        ("General Staff of the Armed Forces of Ukraine", "russia", True),
        ("Mediazona", "russia", False),
        ("Die Welt", "ukraine", False),
        ("Russian security forces", "unknown", False),
    ],
)
def test_a_party_speaking_about_the_other_side(claimant: str, side: str, adversarial: bool) -> None:
    entry = compare([make_claim(**OCT, claimant=claimant, side=side)]).series[0].entries[0]
    assert entry.adversarial is adversarial


def test_unknown_and_vague_claimants_stay_origins_of_their_own() -> None:
    resolver = Resolver()
    unknown = resolver.origin(make_claim(claimant="A local lawyers' group"))
    assert not unknown.known and unknown.affiliation == "unknown" and unknown.name == "A local lawyers' group"
    assert unknown.key == resolver.origin(make_claim(claimant="local lawyers’ group")).key
    vague = resolver.origin(make_claim(claimant="various sources"))
    assert vague.vague and vague.key.startswith("vague:")


def test_name_keys_ignore_case_spacing_apostrophes_and_a_leading_article() -> None:
    assert name_key("A  Russian Security Source") == name_key("russian security source")
    assert name_key("Ukraine’s office") == name_key("ukraine's office")


def test_groups_need_two_figures_and_list_origins_in_order_of_appearance() -> None:
    late = make_claim(**OCT, claimant="Mediazona", published="2025-11-20")
    early = make_claim(**OCT, claimant="Die Welt", published="2025-11-09")
    group = only_group([late, early])
    assert [o.origin.name for o in group.origins] == ["Die Welt", "Mediazona"]
    assert not compare([late]).groups
