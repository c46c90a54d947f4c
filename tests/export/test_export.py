"""Exports: every format holds the ledger's claims, column for column, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from headcount import ConfigError, ingest
from headcount.export import COLUMNS, FORMATS, export_claims, row


@pytest.fixture
def filled(ledger, sample_paths: list[Path]):  # type: ignore[no-untyped-def]
    ingest(ledger, [str(p) for p in sample_paths])
    assert ledger.counts()["claims"] > 0
    return ledger


def _expected(ledger, **filters):  # type: ignore[no-untyped-def]
    return [row(r) for r in ledger.claims(**filters)]


def test_csv_round_trips(filled, tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    assert export_claims(filled.iter_claims(), "csv", path) == len(filled.claims())
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        rows = list(reader)
    expected = _expected(filled)
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert int(got["id"]) == want["id"]
        assert got["quote"] == want["quote"] and got["figure"] == want["figure"]
        assert json.loads(got["via"]) == want["via"]
        assert got["hedged"] == ("true" if want["hedged"] else "false")
        assert got["low"] == ("" if want["low"] is None else str(want["low"]))
        assert got["period_start"] == (want["period_start"] or "")


def test_jsonl_round_trips(filled, tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    export_claims(filled.iter_claims(metric="desertion"), "jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == _expected(filled, metric="desertion")
    assert all(list(line) == list(COLUMNS) for line in lines)


def test_parquet_keeps_types(filled, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "claims.parquet"
    export_claims(filled.iter_claims(), "parquet", path)
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    assert str(table.schema.field("period_start").type) == "date32[day]"
    assert str(table.schema.field("via").type) == "list<element: string>"
    got = table.to_pylist()
    expected = _expected(filled)
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    for g, w in zip(got, expected, strict=True):
        assert g["via"] == w["via"] and g["hedged"] == w["hedged"] and g["figure"] == w["figure"]
        assert (g["period_end"].isoformat() if g["period_end"] else None) == w["period_end"]


def test_an_empty_export_is_a_valid_file_with_the_columns(filled, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    for fmt in FORMATS:
        path = tmp_path / f"none.{fmt}"
        assert export_claims(filled.iter_claims(search="zzzzunfindable"), fmt, path) == 0
    assert pq.read_table(tmp_path / "none.parquet").column_names == list(COLUMNS)
    assert (tmp_path / "none.csv").read_text(encoding="utf-8").strip() == ",".join(COLUMNS)
    assert (tmp_path / "none.jsonl").read_text(encoding="utf-8") == ""


def test_text_formats_write_to_streams_and_parquet_needs_a_file(filled) -> None:
    out = io.StringIO()
    assert export_claims(filled.iter_claims(limit=2), "jsonl", out) == 2
    assert len(out.getvalue().splitlines()) == 2
    with pytest.raises(ConfigError):
        export_claims(filled.iter_claims(), "parquet", io.StringIO())
    with pytest.raises(ConfigError) as caught:
        export_claims(filled.iter_claims(), "xlsx", "x.xlsx")
    assert "unknown export format 'xlsx'" in str(caught.value)
