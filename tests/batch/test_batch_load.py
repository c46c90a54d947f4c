"""Loading a batch into the ledger, on SQLite and PostgreSQL: the rows are those of an ingest of
the same inputs, loading twice changes nothing, an interrupted load completes on the next one."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from headcount import ingest, open_ledger
from headcount.batch import load_batch, run_batch
from headcount.errors import InputError
from tests.conftest import wrong_spans

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

# Every column of the ledger's rows but the moments they were written.
_ROWS = {
    "articles": "SELECT id, body_hash, doc, url, outlet, published, language, title, author, source, body "
    "FROM articles ORDER BY id",
    "extractions": "SELECT id, article_id, extractor, is_current, claim_count FROM extractions ORDER BY id",
    "claims": "SELECT * FROM claims ORDER BY id",
    "rejections": "SELECT source, line, code, reason FROM rejections ORDER BY source, line, code",
}


def _rows(ledger: Any) -> dict[str, list[tuple]]:
    with ledger.engine.connect() as conn:
        return {name: [tuple(r) for r in conn.execute(text(sql))] for name, sql in _ROWS.items()}


def _plain(value: Any) -> Any:
    """A value as both backends give it to plain SQL (SQLite: booleans as integers, dates as
    ISO strings)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _counts(ledger: Any) -> dict[str, int]:
    with ledger.engine.connect() as conn:
        return {
            name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
            for name in ("articles", "extractions", "claims", "rejections", "ingest_runs", "batch_loads")
        }


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "digest.jsonl").write_text(
        '{oops\n{"text": "Officials said 40 soldiers deserted."}\n', encoding="utf-8"
    )
    return bad


def test_a_loaded_batch_is_the_ledger_an_ingest_makes(
    ledger_url: str, tmp_path: Path, bad_inputs: Path
) -> None:
    # A duplicate across partitions too: the second copy must be passed over, as by an ingest.
    copy = tmp_path / "again"
    copy.mkdir()
    shutil.copy(SAMPLES / "en" / "welt-october-desertions.txt", copy / "welt-copy.txt")
    inputs = [str(SAMPLES), str(bad_inputs), str(copy)]
    out = tmp_path / "out"
    run_batch(inputs, out, scheduler="sync", partition_bytes=3_000)

    reference_url = f"sqlite:///{tmp_path / 'ingested.db'}"
    with open_ledger(reference_url) as reference:
        ingested = ingest(reference, inputs)
        expected = _rows(reference)
    with open_ledger(ledger_url) as ledger:
        summary = load_batch(ledger, out)
        assert (summary.new, summary.unchanged, summary.rejected) == (
            ingested.new,
            ingested.unchanged,
            len(ingested.rejections),
        )
        assert summary.claims == ingested.claims and summary.loaded == summary.partitions > 2
        got = _rows(ledger)
        assert ledger.check() == []
        assert wrong_spans(ledger) == []  # the days each claim speaks of, as an ingest writes them
        # The ledger's own reads see the same: search (FTS5 / tsvector), filters, one claim.
        assert len(ledger.claims(search="deserted")) > 0
        assert len(ledger.claims(metric="desertion", side="ukraine")) == len(
            open_ledger(reference_url).claims(metric="desertion", side="ukraine")
        )
        run = ledger.runs(1)[0]
        assert run["sources"] == inputs and run["articles_new"] == ingested.new
        assert {r["code"] for r in run["rejections"]} == {"H106", "H114"}
    for table in ("articles", "extractions", "claims"):
        assert len(got[table]) == len(expected[table]), table
        for mine, theirs in zip(got[table], expected[table], strict=True):
            assert [_plain(v) for v in mine] == [_plain(v) for v in theirs], table
    assert got["rejections"] == expected["rejections"]


def test_loading_twice_changes_nothing(ledger_url: str, tmp_path: Path, bad_inputs: Path) -> None:
    out = tmp_path / "out"
    run_batch([str(SAMPLES), str(bad_inputs)], out, scheduler="sync", partition_bytes=3_000)
    with open_ledger(ledger_url) as ledger:
        first = load_batch(ledger, out)
        counts, rows = _counts(ledger), _rows(ledger)
        second = load_batch(ledger, out)
        assert (second.loaded, second.skipped, second.new, second.run_id) == (0, first.loaded, 0, None)
        assert _counts(ledger) == counts and _rows(ledger) == rows
    assert counts["ingest_runs"] == 1 and counts["batch_loads"] == first.loaded


def test_a_load_after_an_ingest_keeps_what_is_held(ledger_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([SAMPLES], out, scheduler="sync")
    with open_ledger(ledger_url) as ledger:
        ingested = ingest(ledger, [SAMPLES / "en"])
        before = _rows(ledger)
        summary = load_batch(ledger, out)
        assert summary.unchanged == ingested.new and summary.new == 11 - ingested.new
        after = _rows(ledger)
        assert after["articles"][: len(before["articles"])] == before["articles"]
        assert ledger.check() == []
        assert ledger.counts()["articles"] == 11


def test_an_interrupted_load_completes_on_the_next(ledger_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([SAMPLES], out, scheduler="sync", partition_bytes=3_000)
    manifest = json.loads((out / "manifest.json").read_text())
    third = manifest["partitions"][2]["id"]
    hidden = tmp_path / "claims-3.parquet"
    (out / "claims" / f"part-{third}.parquet").rename(hidden)
    with open_ledger(ledger_url) as ledger:
        with pytest.raises(FileNotFoundError):
            load_batch(ledger, out)
        partial = _counts(ledger)
        assert partial["batch_loads"] == 2  # the two partitions before it, whole
        assert ledger.check() == []
        hidden.rename(out / "claims" / f"part-{third}.parquet")
        rest = load_batch(ledger, out)
        assert rest.skipped == 2 and rest.loaded == len(manifest["partitions"]) - 2
        assert ledger.counts()["articles"] == 11 and ledger.check() == []


def test_a_batch_still_running_loads_what_is_finished(ledger_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_batch([SAMPLES], out, scheduler="sync", partition_bytes=3_000)
    marker = sorted((out / "_partitions").glob("*.json"))[-1]
    marker.unlink()
    with open_ledger(ledger_url) as ledger:
        loaded = load_batch(ledger, out)
        assert (loaded.loaded, loaded.pending) == (summary.partitions - 1, 1)


def test_a_folder_that_is_not_a_batch_is_refused(tmp_path: Path) -> None:
    with (
        open_ledger(f"sqlite:///{tmp_path / 'l.db'}") as ledger,
        pytest.raises(
            InputError, match=r"\[H104\].*no manifest.json here: not the output of headcount batch"
        ),
    ):
        load_batch(ledger, tmp_path)


def test_cross_checks_and_repeated_passages_read_a_loaded_ledger_as_an_ingested_one(
    ledger_url: str, tmp_path: Path
) -> None:
    from headcount.narratives import narratives_from_ledger
    from headcount.reconcile import compare_ledger

    inputs = [str(SAMPLES), str(SEEDS)]
    out = tmp_path / "out"
    run_batch(inputs, out, scheduler="sync", partition_bytes=4_000)
    with open_ledger(f"sqlite:///{tmp_path / 'ingested.db'}") as reference:
        ingest(reference, inputs)
        expected_compare = compare_ledger(reference, metric="desertion", side="ukraine").to_dict()
        expected_narratives = narratives_from_ledger(reference).to_dict()
    with open_ledger(ledger_url) as ledger:
        load_batch(ledger, out)
        assert compare_ledger(ledger, metric="desertion", side="ukraine").to_dict() == expected_compare
        assert narratives_from_ledger(ledger).to_dict() == expected_narratives
    assert expected_compare["series"] and expected_narratives["talking_points"]
