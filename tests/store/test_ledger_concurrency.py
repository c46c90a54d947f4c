"""Several writers and sudden death: the ledger stays consistent and loses nothing.

Real processes, not threads: two ``headcount ingest`` commands on one ledger at once, and one
killed with SIGKILL half-way, which is what a crash or an impatient operator does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from headcount import open_ledger, read_article

HEADCOUNT = [sys.executable, "-c", "from headcount.cli import main; main()"]


def _ingest_process(url: str, paths: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "HEADCOUNT_DB": url}
    return subprocess.Popen(
        [*HEADCOUNT, "ingest", *paths], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _assert_complete(url: str, paths: list[Path]) -> None:
    """Every file is one article with exactly one extraction's worth of claims, each pointing at
    its figure in the body. (Exact claim values are compared in-process elsewhere: processes
    started by a test may import an extractor that was edited since the test process did.)"""
    with open_ledger(url) as ledger:
        assert ledger.check() == []
        stored = {a.article.source: a for a in ledger.articles()}
        assert sorted(stored) == sorted(str(p) for p in paths)
        for path in paths:
            held = stored[str(path)]
            assert held.article == read_article(path)
            claims = [r.claim for r in ledger.claims(article_id=held.id)]
            assert len(claims) == held.claim_count
            assert all(held.article.body[c.start : c.end] == c.figure for c in claims)
            assert [c.start for c in claims] == sorted(c.start for c in claims)
        assert ledger.counts()["claims"] == sum(a.claim_count for a in stored.values()) > 0


def test_two_ingests_at_once_lose_and_duplicate_nothing(ledger_url: str, make_variants) -> None:
    paths = make_variants(40)
    open_ledger(ledger_url).close()  # created first, so both processes race on articles only
    names = [str(p) for p in paths]
    first = _ingest_process(ledger_url, names)
    second = _ingest_process(ledger_url, names[::-1])  # the other way round: they meet mid-way
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    _assert_complete(ledger_url, paths)
    with open_ledger(ledger_url) as ledger:
        runs = ledger.runs()
        assert len(runs) == 2
        assert sum(r["articles_new"] for r in runs) == len(paths)
        assert sum(r["articles_new"] + r["articles_unchanged"] for r in runs) == 2 * len(paths)
        assert sum(r["claims_stored"] for r in runs) == ledger.counts()["claims"]


def test_two_ingests_can_create_a_new_ledger_at_once(ledger_url: str, make_variants) -> None:
    paths = make_variants(6)
    names = [str(p) for p in paths]
    procs = [_ingest_process(ledger_url, names), _ingest_process(ledger_url, names)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    _assert_complete(ledger_url, paths)


def test_an_ingest_killed_midway_leaves_a_ledger_the_next_run_completes(
    ledger_url: str, make_variants
) -> None:
    paths = make_variants(150)
    open_ledger(ledger_url).close()
    proc = _ingest_process(ledger_url, [str(paths[0].parent)])
    stored = 0
    try:
        with open_ledger(ledger_url) as ledger:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and proc.poll() is None:
                stored = ledger.counts()["articles"]
                if stored >= 15:
                    break
                time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert 15 <= stored < len(paths)
    with open_ledger(ledger_url) as ledger:
        assert ledger.check() == []
        partial = ledger.counts()
        assert 0 < partial["articles"] < len(paths)
        unfinished = ledger.runs()[0]
        assert unfinished["finished_at"] is None
    rerun = _ingest_process(ledger_url, [str(paths[0].parent)])
    out, errs = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, errs
    assert f"{len(paths) - partial['articles']} new articles, {partial['articles']} unchanged" in out
    _assert_complete(ledger_url, paths)
