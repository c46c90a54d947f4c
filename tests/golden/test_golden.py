"""Whole articles we wrote, with their reviewed claims: every field of every claim must match,
except the differences listed (with the right answer) in known_gaps.toml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from headcount.pipeline import extract_paths
from tests.golden.regenerate import Gap, cases, expected_path, extract, gaps

CASES = cases()


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _differences(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(figure, field) pairs where the extractor differs from the reviewed claims; a missed or
    spurious figure is (figure, "claim")."""
    by_span = {(c["start"], c["end"]): c for c in got}
    seen = set()
    out = set()
    for e in expected:
        g = by_span.get((e["start"], e["end"]))
        if g is None:
            out.add((e["figure"], "claim"))
            continue
        seen.add((e["start"], e["end"]))
        out.update((e["figure"], k) for k in e if g.get(k) != e[k])
    out.update((g["figure"], "claim") for span, g in by_span.items() if span not in seen)
    return out


def test_there_are_golden_articles_for_every_expected_file():
    assert len(CASES) >= 3
    for article in CASES:
        assert expected_path(article).exists(), f"run python -m tests.golden.regenerate for {article.name}"


@pytest.mark.parametrize("article", CASES, ids=[a.stem for a in CASES])
def test_golden_article(article: Path):
    expected = _load(expected_path(article))
    got = extract(article)
    known = {(g.figure, g.field) for g in gaps() if g.case == article.stem}
    found = _differences(expected, got)
    unexpected = sorted(found - known)
    fixed = sorted(known - found)
    assert not unexpected, f"{article.name}: differs from the reviewed claims at {unexpected}"
    assert not fixed, f"{article.name}: now right at {fixed}; remove these from known_gaps.toml"


@pytest.mark.parametrize("article", CASES, ids=[a.stem for a in CASES])
def test_expected_claims_index_their_article(article: Path):
    """The reviewed claims themselves are well-formed: offsets index the body, the figure is in
    its quote, low ≤ high."""
    (result,) = extract_paths([article])
    body = result.article.body
    for c in _load(expected_path(article)):
        assert body[c["start"] : c["end"]] == c["figure"]
        assert c["figure"] in c["quote"] and c["quote"] in body
        if c["low"] is not None and c["high"] is not None:
            assert c["low"] <= c["high"]


def test_every_gap_names_a_case_and_a_reason():
    names = {a.stem for a in CASES}
    for g in gaps():
        assert isinstance(g, Gap) and g.case in names and g.reason.strip()
