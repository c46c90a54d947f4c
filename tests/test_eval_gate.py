"""The evaluation gate: the extractor's scores on the seed corpus (gold by the project's
annotators) and on our development corpus may not fall below the floors in eval_baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from headcount.evaluation import FIELDS, evaluate

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text(encoding="utf-8"))


def _report(name: str):
    spec = BASELINE[name]
    gold, articles = ROOT / spec["gold"], ROOT / spec["articles"]
    if not gold.exists():
        pytest.skip(f"{gold} is not here (../shared sits beside the checkout in CI)")
    return evaluate(gold, articles)


@pytest.fixture(scope="module", params=["seeds", "dev"])
def scored(request):
    return request.param, _report(request.param)


def test_scores_hold_their_floors(scored):
    name, report = scored
    assert not report.problems, report.problems
    floors = BASELINE[name]["floors"]
    got = {"f1": report.f1, "precision": report.precision, "recall": report.recall}
    got["all_fields"] = report.all_fields
    low = {k: (round(got[k], 4), floor) for k, floor in floors.items() if got[k] < floor - 1e-9}
    assert not low, f"{name}: below the floor (score, floor): {low}"


def test_field_accuracy_holds_its_floors(scored):
    name, report = scored
    acc = report.field_accuracy()
    floors = BASELINE[name]["field_floors"]
    assert set(floors) == set(FIELDS)
    low = {f: (round(acc[f], 4), floor) for f, floor in floors.items() if acc[f] < floor - 1e-9}
    assert not low, f"{name}: fields below the floor (accuracy, floor): {low}"


def test_seed_floors_meet_the_required_minimum():
    """The pinned floors never fall under what the extraction issue requires."""
    spec = BASELINE["seeds"]
    for key, minimum in spec["minimum"].items():
        assert spec["floors"][key] >= minimum
