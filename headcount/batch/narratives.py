"""Repeated passages over a batch folder: MinHash LSH as a distributed job (``headcount batch
--narratives``).

Passages repeated verbatim or lightly edited across articles are copied copy or talking points.
Over millions of passages, comparing every pair is out of the question; LSH (locality-sensitive
hashing) buckets the passages so that only those likely to be similar meet. The job reads the
``articles`` dataset of a batch folder and runs three stages on the cluster, submitted as one
graph with a single ``compute``:

1. **signatures** (one task per article partition): every passage (a paragraph of at least
   ``min_words`` words) as word shingles, a MinHash signature of ``num_perm`` values and
   ``bands`` band keys; passages written to ``narratives/passages/``, band keys to ``buckets``
   files by key, so that equal keys meet in one place;
2. **candidates** (one task per bucket): passages sharing a band key are candidate pairs (linked
   in a star from the first passage and in a chain, so one odd member cannot split a group);
3. **verification** (one task per article partition): each candidate pair's similarity, estimated
   from the two signatures; pairs at or above ``threshold`` are kept.

The client joins the kept pairs into clusters (union-find; a cluster needs passages of at least
two different articles) and writes ``narratives/clusters.parquet``: one row per passage with its
cluster, article, outlet, date, offsets and text.

The shingling and MinHash parameters are :data:`PARAMS`, the one place they are set; per-passage
functions (:func:`split_passages`, :func:`shingles`, :func:`signature`, :func:`band_keys`,
:func:`similarity`) are public so that the ledger's own repeated-passage detection can share them
and the batch and the ledger find the same passages.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from headcount.batch.output import Folder, read_manifest

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PassageParams:
    """How passages are cut, shingled, hashed and banded.

    ``bands`` x ``rows`` must equal ``num_perm``. The LSH S-curve's midpoint, (1/bands)^(1/rows),
    sits below ``threshold`` (0.42 for 32 x 4 against 0.5) so that few pairs at the threshold are
    missed; verification then drops the pairs below it.
    """

    min_words: int = 8  # shorter paragraphs (datelines, captions, "Read more") are not passages
    shingle: int = 3  # words per shingle: order-sensitive, yet robust to an edited word
    num_perm: int = 128
    bands: int = 32
    rows: int = 4
    threshold: float = 0.5  # estimated Jaccard similarity of shingle sets to count as repeated
    seed: int = 1


#: The parameters of repeated-passage detection, batch and ledger alike.
PARAMS = PassageParams()

#: Passage ids are ``partition index * 2**24 + passage number``: unique across a batch of up to
#: 16 million passages per partition, and the partition of a passage is its id's high part.
_SHIFT = 24
_WORD = re.compile(r"\w+")
#: Where a paragraph ends: a blank line, or a line break right after the end of a sentence (many
#: feeds put one paragraph per line); a line break inside a sentence is hard wrapping.
_BLOCK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?\"”’»)])[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class NarrativesSummary:
    """What one run of the job found."""

    passages: int
    candidate_pairs: int
    similar_pairs: int
    clusters: int
    clustered_passages: int
    seconds: float


def split_passages(body: str, params: PassageParams = PARAMS) -> list[tuple[int, int, str]]:
    """The passages of a body: ``(start, end, text)`` for each paragraph of at least
    ``min_words`` words; offsets index the body, as claims' offsets do."""
    out = []
    start = 0
    for match in [*_BLOCK.finditer(body), None]:
        end = match.start() if match else len(body)
        text = body[start:end]
        stripped = text.strip()
        if stripped and len(_WORD.findall(stripped)) >= params.min_words:
            lead = len(text) - len(text.lstrip())
            out.append((start + lead, start + lead + len(stripped), stripped))
        if match:
            start = match.end()
    return out


def shingles(text: str, params: PassageParams = PARAMS) -> set[str]:
    """Overlapping runs of ``shingle`` words of the text, case and Unicode forms normalised."""
    words = _WORD.findall(unicodedata.normalize("NFKC", text).lower())
    k = params.shingle
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(found: set[str], params: PassageParams = PARAMS) -> Any:
    """The MinHash signature of a shingle set (``num_perm`` uint32 values, datasketch's hashing)."""
    import numpy as np
    from datasketch import MinHash

    m = MinHash(num_perm=params.num_perm, seed=params.seed)
    m.update_batch([s.encode("utf-8") for s in found])
    return np.asarray(m.hashvalues, dtype=np.uint32)


def band_keys(sig: Any, params: PassageParams = PARAMS) -> list[int]:
    """One key per band: a stable 63-bit hash of the band's number and its ``rows`` values (the
    same on every worker, unlike Python's salted ``hash``)."""
    keys = []
    for band in range(params.bands):
        chunk = sig[band * params.rows : (band + 1) * params.rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def similarity(a: Any, b: Any) -> float:
    """Estimated Jaccard similarity of two passages: the share of equal signature values."""
    import numpy as np

    return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    return {
        "passages": pa.schema(
            [
                ("pid", pa.int64()),
                ("part", pa.string()),
                ("position", pa.int32()),
                ("body_hash", pa.string()),
                ("doc", pa.string()),
                ("url", pa.string()),
                ("outlet", pa.string()),
                ("published", pa.date32()),
                ("start", pa.int32()),
                ("end", pa.int32()),
                ("text", pa.string()),
                ("sig", pa.binary()),
            ]
        ),
        "keys": pa.schema([("key", pa.int64()), ("pid", pa.int64())]),
    }


def _write(folder: Folder, table: Any, *parts: str) -> None:
    import pyarrow.parquet as pq

    final = folder.path(*parts)
    temporary = folder.path(*parts[:-1], f".{parts[-1]}.tmp")
    folder.fs.makedirs(folder.path(*parts[:-1]), exist_ok=True)
    with folder.fs.open(temporary, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    folder.fs.mv(temporary, final)


def _read(folder: Folder, *parts: str, columns: list[str] | None = None) -> Any:
    import pyarrow.parquet as pq

    with folder.fs.open(folder.path(*parts), "rb") as fh:
        return pq.read_table(fh, columns=columns)


def signatures_task(out: str, part: str, index: int, buckets: int, params: PassageParams) -> int:
    """Stage 1 for one article partition: passages with signatures, band keys by bucket."""
    import pyarrow as pa

    folder = Folder(out)
    articles = _read(
        folder,
        "articles",
        f"part-{part}.parquet",
        columns=["part", "position", "body_hash", "doc", "url", "outlet", "published", "body"],
    ).to_pylist()
    rows: list[dict[str, Any]] = []
    keys: list[list[tuple[int, int]]] = [[] for _ in range(buckets)]
    seq = 0
    for article in articles:
        for start, end, text in split_passages(article["body"], params):
            found = shingles(text, params)
            if not found:
                continue
            pid = (index << _SHIFT) + seq
            seq += 1
            sig = signature(found, params)
            for key in band_keys(sig, params):
                keys[key % buckets].append((key, pid))
            rows.append(
                {
                    "pid": pid,
                    **{
                        k: article[k]
                        for k in ("part", "position", "body_hash", "doc", "url", "outlet", "published")
                    },
                    "start": start,
                    "end": end,
                    "text": text,
                    "sig": sig.tobytes(),
                }
            )
    schemas = _schemas()
    _write(
        folder,
        pa.Table.from_pylist(rows, schema=schemas["passages"]),
        "narratives",
        "passages",
        f"part-{part}.parquet",
    )
    for bucket, pairs in enumerate(keys):
        table = pa.table({"key": [k for k, _ in pairs], "pid": [p for _, p in pairs]}, schema=schemas["keys"])
        _write(folder, table, "narratives", "buckets", f"{bucket:04d}", f"part-{part}.parquet")
    return len(rows)


def candidates_task(out: str, bucket: int, parts: list[str], *_done: int) -> dict[int, Any]:
    """Stage 2 for one bucket: candidate pairs ``(a, b)`` among passages sharing a band key,
    grouped by the partition of ``b`` (the stage-3 task that verifies them)."""
    import numpy as np
    import pyarrow as pa

    folder = Folder(out)
    tables = [_read(folder, "narratives", "buckets", f"{bucket:04d}", f"part-{p}.parquet") for p in parts]
    table = pa.concat_tables(tables) if tables else None
    if table is None or table.num_rows == 0:
        return {}
    order = np.lexsort((table["pid"].to_numpy(), table["key"].to_numpy()))
    key = table["key"].to_numpy()[order]
    pid = table["pid"].to_numpy()[order]
    pairs: set[tuple[int, int]] = set()
    bounds = np.flatnonzero(np.diff(key)) + 1
    for group in np.split(pid, bounds):
        members = np.unique(group)
        if len(members) < 2:
            continue
        first = int(members[0])
        for previous, member in itertools.pairwise(members):
            pairs.add((first, int(member)))  # star from the first passage …
            pairs.add((int(previous), int(member)))  # … and a chain through the group
    by_part: dict[int, list[tuple[int, int]]] = {}
    for a, b in pairs:
        by_part.setdefault(b >> _SHIFT, []).append((a, b))
    return {q: np.array(sorted(v), dtype=np.int64) for q, v in by_part.items()}


def verify_task(out: str, index: int, parts: list[str], threshold: float, *found: dict[int, Any]) -> Any:
    """Stage 3 for one article partition: the candidate pairs whose second passage is in it,
    with their estimated similarity; those at ``threshold`` or above are returned."""
    import numpy as np

    pairs = [f[index] for f in found if index in f]
    if not pairs:
        return np.zeros((0, 3), dtype=np.float64)
    edges = np.unique(np.concatenate(pairs), axis=0)
    folder = Folder(out)
    sigs: dict[int, Any] = {}
    needed = {int(a) >> _SHIFT for a in edges[:, 0]} | {index}
    for q in sorted(needed):
        table = _read(folder, "narratives", "passages", f"part-{parts[q]}.parquet", columns=["pid", "sig"])
        wanted = set(edges[:, 0].tolist()) | set(edges[:, 1].tolist())
        for p, s in zip(table["pid"].to_pylist(), table["sig"].to_pylist(), strict=True):
            if p in wanted:
                sigs[p] = np.frombuffer(s, dtype=np.uint32)
    kept = []
    for a, b in edges.tolist():
        score = similarity(sigs[a], sigs[b])
        if score >= threshold:
            kept.append((a, b, score))
    return np.array(kept, dtype=np.float64).reshape(-1, 3)


def run_narratives(
    out: str,
    *,
    scheduler: str = "local",
    workers: int | None = None,
    client: Any = None,
    params: PassageParams = PARAMS,
    buckets: int | None = None,
) -> NarrativesSummary:
    """Find repeated passages among the articles of the batch folder ``out``; writes
    ``narratives/passages/`` and ``narratives/clusters.parquet`` there."""
    import numpy as np
    import pyarrow as pa
    from dask import delayed

    from headcount.batch.run import _connect

    started = time.perf_counter()
    folder = Folder(str(out))
    manifest = read_manifest(folder)
    done = folder.done()
    plan = sorted(manifest["partitions"], key=lambda p: p["index"])
    parts = [p["id"] for p in plan if p["id"] in done]
    n_buckets = buckets or max(1, min(256, len(parts)))
    stage1 = [
        delayed(signatures_task, pure=False)(str(out), part, i, n_buckets, params)
        for i, part in enumerate(parts)
    ]
    stage2 = [delayed(candidates_task, pure=False)(str(out), k, parts, *stage1) for k in range(n_buckets)]
    stage3 = [
        delayed(verify_task, pure=False)(str(out), i, parts, params.threshold, *stage2)
        for i in range(len(parts))
    ]
    counts = delayed(sum)(stage1)
    n_candidates = delayed(lambda *found: sum(len(v) for f in found for v in f.values()))(*stage2)
    with _connect(scheduler, workers, client) as (running, _):
        graph = [counts, n_candidates, *stage3]
        if running is None:
            import dask

            results = dask.compute(*graph, scheduler="sync")
        else:
            results = running.gather(running.compute(graph))  # the one compute of the job
    passages, candidate_pairs, kept = results[0], results[1], list(results[2:])
    edges = np.concatenate(kept) if kept else np.zeros((0, 3))
    clusters = _clusters(folder, parts, edges)
    schema = pa.schema(
        [
            ("cluster", pa.int32()),
            ("pid", pa.int64()),
            ("part", pa.string()),
            ("position", pa.int32()),
            ("doc", pa.string()),
            ("url", pa.string()),
            ("outlet", pa.string()),
            ("published", pa.date32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("text", pa.string()),
        ]
    )
    _write(folder, pa.Table.from_pylist(clusters, schema=schema), "narratives", "clusters.parquet")
    summary = NarrativesSummary(
        passages=int(passages),
        candidate_pairs=int(candidate_pairs),
        similar_pairs=len(edges),
        clusters=len({row["cluster"] for row in clusters}),
        clustered_passages=len(clusters),
        seconds=time.perf_counter() - started,
    )
    folder.write_json({"params": asdict(params), **asdict(summary)}, "narratives", "summary.json")
    return summary


def _clusters(folder: Folder, parts: list[str], edges: Any) -> list[dict[str, Any]]:
    """Union-find over the similar pairs; clusters of passages from at least two articles, each
    listed by date, then outlet. Reads back only the passages that are in a pair."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for a, b, _ in edges.tolist():
        ra, rb = find(int(a)), find(int(b))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members = {int(p) for a, b, _ in edges.tolist() for p in (a, b)}
    if not members:
        return []
    rows: dict[int, dict[str, Any]] = {}
    for q in sorted({p >> _SHIFT for p in members}):
        table = _read(folder, "narratives", "passages", f"part-{parts[q]}.parquet")
        for row in table.drop_columns(["sig"]).to_pylist():
            if row["pid"] in members:
                rows[row["pid"]] = row
    groups: dict[int, list[dict[str, Any]]] = {}
    for pid, row in rows.items():
        groups.setdefault(find(pid), []).append(row)
    out = []
    kept = [g for g in groups.values() if len({r["body_hash"] for r in g}) >= 2]
    kept.sort(key=lambda g: min(r["pid"] for r in g))
    for number, group in enumerate(kept, start=1):
        for row in sorted(
            group, key=lambda r: (r["published"] is None, r["published"], r["outlet"] or "", r["pid"])
        ):
            row.pop("body_hash")
            out.append({"cluster": number, **row})
    return out


def iter_clusters(out: str) -> Iterator[list[dict[str, Any]]]:
    """The clusters a run wrote, each as its list of passages (for reports and tests)."""
    folder = Folder(str(out))
    rows = _read(folder, "narratives", "clusters.parquet").to_pylist()
    group: list[dict[str, Any]] = []
    for row in rows:
        if group and row["cluster"] != group[0]["cluster"]:
            yield group
            group = []
        group.append(row)
    if group:
        yield group
