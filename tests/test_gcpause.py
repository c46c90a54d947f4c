"""The collector pause around bulk steps leaves the collector as it found it."""

from __future__ import annotations

import gc

import pytest

from headcount.gcpause import gc_paused


@pytest.fixture(autouse=True)
def _restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_restored_after() -> None:
    gc.enable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    gc.enable()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_compare_and_claims_leave_the_collector_on(tmp_path) -> None:
    from headcount import open_ledger
    from headcount.reconcile import compare

    gc.enable()
    ledger = open_ledger(f"sqlite:///{tmp_path / 'l.db'}")
    records = ledger.claims()
    assert gc.isenabled()
    comparison = compare(records)
    assert gc.isenabled() and comparison.claims == 0
