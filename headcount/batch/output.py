"""A batch's output folder: three partitioned Parquet datasets, a marker per partition, a manifest.

::

    OUT/
      manifest.json              the batch: id, extractor, inputs, partitions and their counts
      articles/part-<id>.parquet one file per partition (body, metadata, body hash, claim count)
      claims/part-<id>.parquet   the claims of those articles (SCHEMA.md fields, offsets)
      rejections/part-<id>.parquet inputs, lines or records that could not be used, and why
      _partitions/<id>.json      written last: the partition is complete

A partition's files are written under temporary names (hidden from Parquet readers: they start
with a dot) and renamed into place; its marker is written after them. A partition is done when
its marker exists, so a worker killed half-way leaves at worst orphaned temporary files and the
partition is simply written again; a rerun skips every partition with a marker. ``OUT`` may be
any fsspec URL the workers can write to (a shared folder, ``s3://bucket/run``).

The datasets read with any Parquet tool (``pyarrow.dataset.dataset("OUT/claims")``,
``dask.dataframe.read_parquet``, DuckDB) and load into a ledger with ``headcount load OUT``.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from headcount import errors
from headcount.errors import ConfigError, InputError
from headcount.model import Article, Claim, Rejection

log = logging.getLogger(__name__)

#: Written into the manifest and every marker; a new layout means a new version.
FORMAT = "headcount.batch.v1"
MANIFEST = "manifest.json"
MARKERS = "_partitions"
TABLES = ("articles", "claims", "rejections")
#: Rows buffered per table before a row group is written: memory stays flat however large a
#: partition (a whole WARC archive) is.
ROW_GROUP = 2_000


def schemas() -> dict[str, Any]:
    """The Arrow schema of each dataset. Dates are dates, ``via`` a list of strings; ``part`` and
    ``position`` give every row its place in the batch (the order an ingest would store it)."""
    import pyarrow as pa

    text = pa.string()
    return {
        "articles": pa.schema(
            [
                ("part", text),
                ("position", pa.int32()),
                ("body_hash", text),
                ("doc", text),
                ("url", text),
                ("outlet", text),
                ("published", pa.date32()),
                ("language", text),
                ("title", text),
                ("author", text),
                ("source", text),
                ("body", text),
                ("extractor", text),
                ("claim_count", pa.int32()),
            ]
        ),
        "claims": pa.schema(
            [
                ("part", text),
                ("article_position", pa.int32()),
                ("body_hash", text),
                ("position", pa.int32()),
                ("doc", text),
                ("quote", text),
                ("figure", text),
                ("low", pa.float64()),
                ("high", pa.float64()),
                ("bound", text),
                ("kind", text),
                ("metric", text),
                ("side", text),
                ("period_start", pa.date32()),
                ("period_end", pa.date32()),
                ("per", text),
                ("claimant", text),
                ("via", pa.list_(text)),
                ("hedged", pa.bool_()),
                ("start", pa.int32()),
                ("end", pa.int32()),
                ("sentence_start", pa.int32()),
                ("sentence_end", pa.int32()),
                ("extractor", text),
                ("language", text),
            ]
        ),
        "rejections": pa.schema(
            [
                ("part", text),
                ("position", pa.int32()),
                ("source", text),
                ("line", pa.int64()),
                ("code", text),
                ("reason", text),
            ]
        ),
    }


def article_row(part: str, position: int, article: Article, digest: str, extractor: str, count: int) -> dict:
    return {
        "part": part,
        "position": position,
        "body_hash": digest,
        "doc": article.doc,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
        "title": article.title,
        "author": article.author,
        "source": article.source,
        "body": article.body,
        "extractor": extractor,
        "claim_count": count,
    }


def claim_row(part: str, article_position: int, digest: str, position: int, c: Claim) -> dict:
    return {
        "part": part,
        "article_position": article_position,
        "body_hash": digest,
        "position": position,
        "doc": c.doc,
        "quote": c.quote,
        "figure": c.figure,
        "low": c.low,
        "high": c.high,
        "bound": c.bound,
        "kind": c.kind,
        "metric": c.metric,
        "side": c.side,
        "period_start": c.period_start,
        "period_end": c.period_end,
        "per": c.per,
        "claimant": c.claimant,
        "via": list(c.via),
        "hedged": c.hedged,
        "start": c.start,
        "end": c.end,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "extractor": c.extractor,
        "language": c.language,
    }


def rejection_row(part: str, position: int, r: Rejection) -> dict:
    return {
        "part": part,
        "position": position,
        "source": r.source,
        "line": r.line,
        "code": r.code,
        "reason": r.reason,
    }


def claim_from_row(row: dict[str, Any]) -> Claim:
    """A claims row back as the :class:`Claim` it was made from."""
    return Claim(
        doc=row["doc"],
        quote=row["quote"],
        figure=row["figure"],
        low=row["low"],
        high=row["high"],
        bound=row["bound"],
        kind=row["kind"],
        metric=row["metric"],
        side=row["side"],
        period_start=row["period_start"],
        period_end=row["period_end"],
        per=row["per"],
        claimant=row["claimant"],
        via=tuple(row["via"] or ()),
        hedged=bool(row["hedged"]),
        start=row["start"],
        end=row["end"],
        sentence_start=row["sentence_start"],
        sentence_end=row["sentence_end"],
        extractor=row["extractor"],
        language=row["language"],
    )


class Folder:
    """The output folder, local or remote, through fsspec."""

    def __init__(self, url: str) -> None:
        import fsspec

        self.url = url
        self.fs, self.root = fsspec.core.url_to_fs(url)
        self.root = self.root.rstrip("/") or "/"

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def exists(self, *parts: str) -> bool:
        return bool(self.fs.exists(self.path(*parts)))

    def make(self) -> None:
        for sub in (*TABLES, MARKERS):
            self.fs.makedirs(self.path(sub), exist_ok=True)

    def read_json(self, *parts: str) -> Any:
        with self.fs.open(self.path(*parts), "rb") as fh:
            return json.loads(fh.read().decode("utf-8"))

    def write_json(self, data: Any, *parts: str) -> None:
        """Write a JSON file whole or not at all (a temporary name, then a rename)."""
        final = self.path(*parts)
        temporary = self.path(*parts[:-1], f".{parts[-1]}.{uuid.uuid4().hex}.tmp")
        with self.fs.open(temporary, "wb") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8"))
        self.fs.mv(temporary, final)

    def done(self) -> dict[str, dict[str, Any]]:
        """The markers of the partitions written so far, by partition id."""
        found: dict[str, dict[str, Any]] = {}
        if not self.exists(MARKERS):
            return found
        for name in self.fs.ls(self.path(MARKERS), detail=False):
            base = name.rstrip("/").rsplit("/", 1)[-1]
            if base.startswith(".") or not base.endswith(".json"):
                continue
            try:
                marker = self.read_json(MARKERS, base)
            except (OSError, ValueError) as exc:  # a marker cut short is no marker
                log.warning("ignoring unreadable marker %s: %s", base, exc)
                continue
            found[marker["partition"]] = marker
        return found

    def part_file(self, table: str, part: str) -> str:
        return self.path(table, f"part-{part}.parquet")


class PartWriter:
    """Writes one partition's three Parquet files as rows come, then commits them and its marker.

    Rows are buffered per table and written in row groups of :data:`ROW_GROUP`, so a partition of
    any size (a whole WARC file) is written in flat memory.
    """

    def __init__(self, folder: Folder, part: str) -> None:
        self.folder = folder
        self.part = part
        self.token = uuid.uuid4().hex
        self.schemas = schemas()
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.writers: dict[str, Any] = {}
        self.handles: dict[str, Any] = {}
        self.temporary = {t: folder.path(t, f".part-{part}.{self.token}.tmp") for t in TABLES}
        self.rows = dict.fromkeys(TABLES, 0)

    def add(self, table: str, row: dict[str, Any]) -> None:
        buffer = self.buffers[table]
        buffer.append(row)
        self.rows[table] += 1
        if len(buffer) >= ROW_GROUP:
            self._flush(table)

    def _writer(self, table: str) -> Any:
        import pyarrow.parquet as pq

        if table not in self.writers:
            handle = self.folder.fs.open(self.temporary[table], "wb")
            self.handles[table] = handle
            self.writers[table] = pq.ParquetWriter(handle, self.schemas[table], compression="zstd")
        return self.writers[table]

    def _flush(self, table: str) -> None:
        import pyarrow as pa

        rows = self.buffers[table]
        if not rows and table in self.writers:
            return
        batch = pa.RecordBatch.from_pylist(rows, schema=self.schemas[table])
        self._writer(table).write_batch(batch)
        self.buffers[table] = []

    def commit(self, marker: dict[str, Any]) -> None:
        """Close the files, move them into place, then write the marker that makes them count."""
        for table in TABLES:
            self._flush(table)
            self.writers.pop(table).close()
            self.handles.pop(table).close()
        for table in TABLES:
            self.folder.fs.mv(self.temporary[table], self.folder.part_file(table, self.part))
        self.folder.write_json(marker, MARKERS, f"{self.part}.json")

    def abort(self) -> None:
        """Drop what was written (an error stopped the partition)."""
        for table in list(self.writers):
            try:
                self.writers.pop(table).close()
                self.handles.pop(table).close()
            except Exception:  # best effort: the files are temporary anyway
                pass
        for path in self.temporary.values():
            try:
                if self.folder.fs.exists(path):
                    self.folder.fs.rm(path)
            except OSError:
                pass


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a batch folder holds: written at the start of a run and after it."""

    batch_id: str
    extractor: str
    inputs: tuple[str, ...]
    created: str
    partitions: tuple[dict[str, Any], ...]

    def to_json(self, done: dict[str, dict[str, Any]], **extra: Any) -> dict[str, Any]:
        parts = []
        totals = {"articles": 0, "claims": 0, "rejections": 0}
        for p in self.partitions:
            marker = done.get(p["id"])
            entry = dict(p, status="done" if marker else "pending")
            if marker:
                for key in totals:
                    entry[key] = marker[key]
                    totals[key] += marker[key]
                entry["files"] = {t: f"{t}/part-{p['id']}.parquet" for t in TABLES}
            parts.append(entry)
        return {
            "format": FORMAT,
            "batch_id": self.batch_id,
            "extractor": self.extractor,
            "inputs": list(self.inputs),
            "created": self.created,
            "updated": datetime.now(UTC).isoformat(timespec="seconds"),
            "partitions_done": sum(1 for p in parts if p["status"] == "done"),
            "partitions_total": len(parts),
            "totals": totals,
            **extra,
            "partitions": parts,
        }


def open_manifest(folder: Folder, inputs: Iterable[str], extractor: str, partitions: list[Any]) -> Manifest:
    """The manifest of a batch folder for this plan: a new batch for an empty folder, the same
    batch again (to resume) when it was made from the same inputs by the same extractor."""
    plan = tuple({"id": p.id, "index": p.index, "inputs": p.describe(), "bytes": p.size} for p in partitions)
    names = tuple(inputs)
    if folder.exists(MANIFEST):
        old = read_manifest(folder)
        if old.get("inputs") != list(names):
            raise ConfigError(
                folder.url,
                "this folder holds a batch of other inputs "
                f"({', '.join(old.get('inputs', [])[:3])}…); write to another --out folder",
                code=errors.BAD_SETTING,
            )
        if old.get("extractor") != extractor:
            raise ConfigError(
                folder.url,
                f"this folder holds a batch extracted by {old.get('extractor')}, not {extractor}; "
                "write to another --out folder",
                code=errors.BAD_SETTING,
            )
        return Manifest(old["batch_id"], extractor, names, old["created"], plan)
    return Manifest(uuid.uuid4().hex, extractor, names, datetime.now(UTC).isoformat(timespec="seconds"), plan)


def read_manifest(folder: Folder) -> dict[str, Any]:
    """The manifest of a batch folder; raises :class:`InputError` when there is none."""
    try:
        data = folder.read_json(MANIFEST)
    except FileNotFoundError:
        raise InputError(
            folder.url, "no manifest.json here: not the output of headcount batch", code=errors.NOT_FOUND
        ) from None
    except ValueError as exc:
        raise InputError(
            folder.url, f"manifest.json is not valid JSON ({exc})", code=errors.BAD_FIELD
        ) from None
    if data.get("format") != FORMAT:
        raise InputError(
            folder.url,
            f"manifest.json is in format {data.get('format')!r}; this headcount reads {FORMAT}",
            code=errors.BAD_FIELD,
        )
    return data


def read_parquet(fh: Any, columns: list[str] | None = None) -> Any:
    """One Parquet file from an open file object, as a pyarrow Table, read in this thread.

    ``pyarrow.parquet.read_table`` on a Python file object scans it through the dataset layer,
    whose thread pool may still hold the file when the interpreter exits; it then takes the GIL
    from a finalizing interpreter and the process aborts ("terminate called without an active
    exception", one run in three of ``headcount batch`` with rejections to list).
    ``ParquetFile`` reads in the calling thread and lets go of the file when it returns.
    """
    import pyarrow.parquet as pq

    with pq.ParquetFile(fh) as parquet:
        return parquet.read(columns=columns)


def read_rows(out: str, table: str) -> list[dict[str, Any]]:
    """Every row of one dataset of a batch folder, in plan (reading) order: the finished
    partitions listed by its manifest, nothing else (not a partition of another plan left in the
    folder, not a temporary file). For tests and small batches; use a Parquet reader for large."""
    folder = Folder(out)
    manifest = read_manifest(folder)
    done = folder.done()
    rows: list[dict[str, Any]] = []
    for p in sorted(manifest["partitions"], key=lambda p: p["index"]):
        if p["id"] in done:
            with folder.fs.open(folder.part_file(table, p["id"]), "rb") as fh:
                rows.extend(read_parquet(fh).to_pylist())
    return rows


def first_rejections(out: str, limit: int) -> list[dict[str, Any]]:
    """Up to ``limit`` rejections of a batch folder, in plan order, reading no more partitions
    than needed (a crawl can have millions)."""
    folder = Folder(out)
    manifest = read_manifest(folder)
    found: list[dict[str, Any]] = []
    for p in sorted(manifest["partitions"], key=lambda p: p["index"]):
        if len(found) >= limit:
            break
        if p.get("status") != "done" or not p.get("rejections"):
            continue
        with folder.fs.open(folder.part_file("rejections", p["id"]), "rb") as fh:
            found.extend(read_parquet(fh).to_pylist()[: limit - len(found)])
    return found
