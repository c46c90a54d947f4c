"""Reading the ledger: every filter, on both backends, agrees with the same filter in Python.

The extractor is still being tuned, so expected results are computed from the stored claims
themselves (a filter must select exactly the claims its predicate accepts), never hard-coded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from headcount import StoreError, errors, ingest
from headcount.model import LedgerClaim


@pytest.fixture
def filled(ledger, sample_paths: list[Path]):  # type: ignore[no-untyped-def]
    summary = ingest(ledger, [str(p) for p in sample_paths])
    assert summary.claims > 5, "the samples must yield claims for these tests to mean anything"
    return ledger


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _has_phrase(text: str, phrase: str) -> bool:
    words, target = _words(text), _words(phrase)
    return any(words[i : i + len(target)] == target for i in range(len(words)))


Pred = Callable[[LedgerClaim], bool]
SEP13 = date(2025, 9, 13)


def _says(r: LedgerClaim, name: str) -> bool:
    return name in r.claim.claimant.lower() or any(name in v.lower() for v in r.claim.via)


CASES: list[tuple[str, dict[str, Any], Pred]] = [
    ("metric", {"metric": "desertion"}, lambda r: r.claim.metric == "desertion"),
    (
        "two metrics",
        {"metric": ["desertion", "criminal_case"]},
        lambda r: r.claim.metric in ("desertion", "criminal_case"),
    ),
    ("metric, any case", {"metric": "DESERTION"}, lambda r: r.claim.metric == "desertion"),
    ("side", {"side": "ukraine"}, lambda r: r.claim.side == "ukraine"),
    ("side russia", {"side": "russia"}, lambda r: r.claim.side == "russia"),
    (
        "claimant, part and any case",
        {"claimant": "die welt"},
        lambda r: _says(r, "die welt"),
    ),
    (
        "claimant found among intermediaries",
        {"claimant": "zakharova"},
        lambda r: (
            "zakharova" in r.claim.claimant.lower() or any("zakharova" in v.lower() for v in r.claim.via)
        ),
    ),
    ("outlet", {"outlet": "TASS"}, lambda r: "tass" in (r.outlet or "").lower()),
    ("outlet, a LIKE wildcard is literal", {"outlet": "%"}, lambda r: "%" in (r.outlet or "")),
    (
        "since",
        {"since": date(2025, 9, 13)},
        lambda r: r.published is not None and r.published >= date(2025, 9, 13),
    ),
    (
        "until",
        {"until": date(2025, 9, 13)},
        lambda r: r.published is not None and r.published <= date(2025, 9, 13),
    ),
    ("hedged", {"hedged": True}, lambda r: r.claim.hedged),
    ("not hedged", {"hedged": False}, lambda r: not r.claim.hedged),
    ("search a word", {"search": "soldiers"}, lambda r: "soldiers" in _words(r.claim.quote)),
    (
        "search two words",
        {"search": "Ukrainian units"},
        lambda r: {"ukrainian", "units"} <= set(_words(r.claim.quote)),
    ),
    (
        "search a phrase",
        {"search": '"criminal cases"'},
        lambda r: _has_phrase(r.claim.quote, "criminal cases"),
    ),
    (
        "search OR",
        {"search": "amnesty OR asylum"},
        lambda r: bool({"amnesty", "asylum"} & set(_words(r.claim.quote))),
    ),
    (
        "search excluding",
        {"search": "soldiers -units"},
        lambda r: "soldiers" in _words(r.claim.quote) and "units" not in _words(r.claim.quote),
    ),
    (
        "filters combine",
        {"metric": "desertion", "side": "ukraine", "hedged": True},
        lambda r: r.claim.metric == "desertion" and r.claim.side == "ukraine" and r.claim.hedged,
    ),
]


@pytest.mark.parametrize(("name", "filters", "predicate"), CASES, ids=[c[0] for c in CASES])
def test_claim_filters_select_what_their_predicate_accepts(filled, name, filters, predicate) -> None:
    everything = filled.claims()
    expected = [r.id for r in everything if predicate(r)]
    assert [r.id for r in filled.claims(**filters)] == expected
    assert [r.id for r in filled.iter_claims(**filters)] == expected


def test_filters_are_not_all_trivial(filled) -> None:
    """Guard for the table above: most filters must keep some claims and drop others."""
    everything = filled.claims()
    informative = 0
    for _name, filters, _pred in CASES:
        n = len(filled.claims(**filters))
        informative += 0 < n < len(everything)
    assert informative >= len(CASES) // 2


def test_limit_keeps_ledger_order(filled) -> None:
    everything = filled.claims()
    assert [r.id for r in filled.claims(limit=3)] == [r.id for r in everything[:3]]
    assert [r.id for r in everything] == sorted(r.id for r in everything)


@pytest.mark.parametrize(
    ("filters", "fragment"),
    [
        ({"metric": "deserters"}, "unknown metric 'deserters'"),
        ({"side": "both"}, "unknown side 'both'"),
        ({"search": "-units"}, "no word to look for"),
        ({"search": '""  OR'}, "no word to look for"),
    ],
)
def test_bad_filters_say_what_is_wrong(filled, filters, fragment) -> None:
    with pytest.raises(StoreError) as caught:
        filled.claims(**filters)
    assert caught.value.code == errors.BAD_QUERY
    assert fragment in str(caught.value)


@pytest.mark.parametrize("search", ['"unbalanced', "AND NOT", "NEAR(units", "col:umn", "deserters*", "(x"])
def test_search_syntax_of_the_backend_is_never_exposed(filled, search) -> None:
    # Text that would be an FTS5 / tsquery syntax error is searched for as words instead.
    found = filled.claims(search=search)
    assert all(set(_words(search)) <= set(_words(r.claim.quote)) for r in found)


def test_article_filters_and_full_text_search(filled) -> None:
    everything = filled.articles()
    assert len(everything) == 4
    lapse = filled.articles(search="lapse")
    assert [a.id for a in lapse] == [a.id for a in everything if "lapse" in _words(a.article.body)]
    assert len(lapse) == 1
    titled = filled.articles(search="record october")  # words of a title and of a body
    assert [a.article.doc for a in titled] == ["welt-october-desertions.txt"]
    assert [a.id for a in filled.articles(outlet="die welt")] == [
        a.id for a in everything if "die welt" in (a.article.outlet or "").lower()
    ]
    assert [a.id for a in filled.articles(since=date(2025, 11, 1))] == [
        a.id for a in everything if a.article.published and a.article.published >= date(2025, 11, 1)
    ]
    assert filled.articles(language="EN") == everything
    assert filled.articles(language="ru") == []
    assert [a.claim_count for a in everything] == [len(filled.claims(article_id=a.id)) for a in everything]
