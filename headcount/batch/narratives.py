"""Repeated passages over a batch folder: the passage detection of ``headcount.narratives`` as a
distributed job (``headcount batch --narratives``).

Over millions of passages the ledger's in-memory detection (``headcount narratives``) does not fit
one machine; this job runs the same steps over the ``articles`` dataset of a batch folder, with the
same functions and the same settings (``headcount/data/narratives.toml``), as one Dask graph
submitted with a single ``compute``:

0. **document frequency** (one task per article partition, summed in a tree): words in more than
   ``max_df`` of the articles are left out of the signatures, as in the ledger;
1. **signatures** (one task per article partition): units (runs of sentences with at least
   ``min_words`` content words: ``headcount.narratives.text``), MinHash signatures of their
   content words (``minhash.signatures``) and LSH band keys (``minhash.band_keys`` with the bands
   datasketch picks for ``threshold``); units written to ``narratives/passages/``, band keys to
   bucket files by key, so that equal keys meet in one task;
2. **candidates** (one task per bucket): units sharing a band key, all pairs of a bucket, or a
   chain and a star in a bucket over ``max_bucket`` (``minhash.candidate_pairs``' rule);
3. **check** (one task per article partition): pairs from two articles whose signatures estimate
   at least ``min_estimate``, kept when they share phrasing (``similarity.compare_words``:
   ``min_shared`` content words in runs, ``min_score`` of the shorter unit).

The client joins the kept pairs into clusters (union-find); a cluster spans two or more articles
and more than one outlet (one outlet's repeated furniture is not a talking point), and is written
to ``narratives/clusters.parquet``: one row per passage with its cluster, article, outlet, date,
offsets and text. Not done here (the ledger's detection does it for the clusters it shows):
growing passages to neighbouring sentences, and setting republished copies aside.
"""

from __future__ import annotations

import itertools
import logging
import time
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from headcount.batch.output import Folder, read_manifest, read_parquet
from headcount.narratives.settings import NarrativeSettings, default_settings
from headcount.narratives.text import WORD, plain, sentence_spans

log = logging.getLogger(__name__)

#: Passage ids are ``partition index * 2**24 + unit number``: unique across a batch of up to 16
#: million units per partition, and the partition of a unit is its id's high part.
_SHIFT = 24


@dataclass(frozen=True, slots=True)
class NarrativesSummary:
    """What one run of the job found."""

    articles: int
    passages: int
    candidate_pairs: int
    similar_pairs: int
    clusters: int
    clustered_passages: int
    seconds: float


def word_hash(word: str) -> int:
    """The stable 32-bit hash ``headcount.narratives`` gives a word (CRC-32 of its UTF-8)."""
    return zlib.crc32(word.encode("utf-8"))


def article_units(body: str, settings: NarrativeSettings) -> list[tuple[int, int, list[str]]]:
    """The units of one article as ``(start, end, words)``: runs of sentences holding at least
    ``min_words`` content words, a short tail joining the unit before it (the ledger's rule)."""
    text = plain(body)
    sentences = []
    for start, end in sentence_spans(text):
        found = WORD.findall(text[start:end].lower())
        if found:
            sentences.append((start, end, found))
    units: list[tuple[int, int, list[str]]] = []
    first: int | None = None
    words: list[str] = []
    content = 0
    for start, end, found in sentences:
        if first is None:
            first = start
        words = [*words, *found]
        content += sum(1 for w in found if w not in settings.stopwords)
        if content >= settings.min_words:
            units.append((first, end, words))
            first, words, content = None, [], 0
    if first is not None and units:
        last_start, _, last_words = units[-1]
        units[-1] = (last_start, sentences[-1][1], last_words + words)
    return units


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
                ("words", pa.list_(pa.uint32())),  # every word's hash, for the phrasing check
                ("sig", pa.binary()),
            ]
        ),
        "keys": pa.schema([("key", pa.uint64()), ("pid", pa.int64())]),
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
    with folder.fs.open(folder.path(*parts), "rb") as fh:
        return read_parquet(fh, columns=columns)


def frequency_task(out: str, part: str, settings: NarrativeSettings) -> tuple[int, Any, Any]:
    """Stage 0 for one article partition: ``(articles, word hashes, in how many articles)``."""
    import numpy as np

    bodies = _read(Folder(out), "articles", f"part-{part}.parquet", columns=["body"])["body"].to_pylist()
    seen: list[Any] = []
    for body in bodies:
        text = plain(body)
        found = {word_hash(w) for a, b in sentence_spans(text) for w in WORD.findall(text[a:b].lower())}
        seen.append(np.fromiter(found, dtype=np.uint32, count=len(found)))
    hashes, counts = np.unique(np.concatenate(seen) if seen else np.zeros(0, np.uint32), return_counts=True)
    return len(bodies), hashes, counts


def _sum_frequencies(*parts: tuple[int, Any, Any]) -> tuple[int, Any, Any]:
    import numpy as np

    if not parts:
        return 0, np.zeros(0, np.uint32), np.zeros(0, np.int64)
    hashes = np.concatenate([p[1] for p in parts])
    counts = np.concatenate([p[2] for p in parts])
    order = np.argsort(hashes, kind="stable")
    hashes, counts = hashes[order], counts[order]
    unique, first = np.unique(hashes, return_index=True)
    return sum(p[0] for p in parts), unique, np.add.reduceat(counts, first) if len(first) else counts


def _frequent(total: tuple[int, Any, Any], settings: NarrativeSettings) -> Any:
    """The hashes of words in more than ``max_df`` of the articles (none for a small batch)."""
    import numpy as np

    articles, hashes, counts = total
    if articles < settings.min_docs_for_df:
        return np.zeros(0, np.uint32)
    return hashes[counts > settings.max_df * articles]


def signatures_task(
    out: str, part: str, index: int, buckets: int, settings: NarrativeSettings, frequent: Any
) -> int:
    """Stage 1 for one article partition: units with signatures, band keys by bucket."""
    import numpy as np
    import pyarrow as pa

    from headcount.narratives.minhash import band_keys, bands, signatures

    folder = Folder(out)
    articles = _read(
        folder,
        "articles",
        f"part-{part}.parquet",
        columns=["part", "position", "body_hash", "doc", "url", "outlet", "published", "body"],
    ).to_pylist()
    stop = frozenset(word_hash(w) for w in settings.stopwords)
    left_out = stop | frozenset(np.asarray(frequent).tolist())
    rows: list[dict[str, Any]] = []
    sets: list[Any] = []
    for article in articles:
        for start, end, words in article_units(article["body"], settings):
            hashed = [word_hash(w) for w in words]
            content = sorted({h for h in hashed if h not in left_out})
            rows.append(
                {
                    "pid": (index << _SHIFT) + len(rows),
                    **{
                        k: article[k]
                        for k in ("part", "position", "body_hash", "doc", "url", "outlet", "published")
                    },
                    "start": start,
                    "end": end,
                    "text": article["body"][start:end],
                    "words": hashed,
                }
            )
            sets.append(np.asarray(content, dtype=np.uint32))
    offsets = np.concatenate(([0], np.cumsum([len(x) for x in sets]))).astype(np.int64)
    flat = np.concatenate(sets) if sets else np.zeros(0, np.uint32)
    sigs = signatures(flat, offsets, settings.num_perm, settings.seed)
    for row, sig in zip(rows, sigs, strict=True):
        row["sig"] = sig.tobytes()
    schemas = _schemas()
    _write(
        folder,
        pa.Table.from_pylist(rows, schema=schemas["passages"]),
        "narratives",
        "passages",
        f"part-{part}.parquet",
    )
    b, r = bands(settings.threshold, settings.num_perm)
    nonempty = np.flatnonzero(np.diff(offsets) > 0)  # an empty set shares nothing
    keys = band_keys(sigs[nonempty], b, r)
    pids = np.asarray([rows[i]["pid"] for i in nonempty], dtype=np.int64)
    flat_keys = keys.reshape(-1)
    flat_pids = np.repeat(pids, b)
    bucket_of = flat_keys % np.uint64(buckets)
    for bucket in range(buckets):
        chosen = bucket_of == bucket
        table = pa.table({"key": flat_keys[chosen], "pid": flat_pids[chosen]}, schema=schemas["keys"])
        _write(folder, table, "narratives", "buckets", f"{bucket:04d}", f"part-{part}.parquet")
    return len(rows)


def candidates_task(out: str, bucket: int, parts: list[str], max_bucket: int, *_after: int) -> dict[int, Any]:
    """Stage 2 for one bucket: pairs ``(a, b)``, ``a < b``, of units sharing a band key, by the
    partition of ``b`` (the stage-3 task that checks them)."""
    import numpy as np
    import pyarrow as pa

    folder = Folder(out)
    tables = [_read(folder, "narratives", "buckets", f"{bucket:04d}", f"part-{p}.parquet") for p in parts]
    table = pa.concat_tables(tables) if tables else None
    if table is None or table.num_rows == 0:
        return {}
    keys = table["key"].to_numpy()
    pids = table["pid"].to_numpy()
    order = np.lexsort((pids, keys))
    keys, pids = keys[order], pids[order]
    cuts = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    found: list[Any] = []
    for members in np.split(pids, cuts):
        members = np.unique(members)
        m = len(members)
        if m < 2:
            continue
        if m <= max_bucket:
            i, j = np.triu_indices(m, 1)
            found.append(np.stack((members[i], members[j]), axis=1))
        else:  # a common word, not a shared passage, makes such buckets (minhash.candidate_pairs)
            found.append(np.stack((members[:-1], members[1:]), axis=1))
            found.append(np.stack((np.full(m - 2, members[0]), members[2:]), axis=1))
    if not found:
        return {}
    pairs = np.unique(np.concatenate(found), axis=0)
    owner = pairs[:, 1] >> _SHIFT
    return {int(q): pairs[owner == q] for q in np.unique(owner)}


def check_task(
    out: str, index: int, parts: list[str], settings: NarrativeSettings, *found: dict[int, Any]
) -> Any:
    """Stage 3 for one article partition: the candidate pairs whose second unit is in it, kept
    as ``(a, b, score)`` when they come from two articles and share phrasing."""
    import numpy as np

    from headcount.narratives.similarity import compare_words

    pieces = [f[index] for f in found if index in f]
    if not pieces:
        return np.zeros((0, 3), dtype=np.float64)
    pairs = np.unique(np.concatenate(pieces), axis=0)
    folder = Folder(out)
    wanted = set(pairs.reshape(-1).tolist())
    units: dict[int, tuple[Any, str, list[int]]] = {}
    for q in sorted({int(p) >> _SHIFT for p in wanted}):
        table = _read(
            folder,
            "narratives",
            "passages",
            f"part-{parts[q]}.parquet",
            columns=["pid", "sig", "body_hash", "words"],
        )
        for pid, sig, body_hash, words in zip(
            *(table[c].to_pylist() for c in ("pid", "sig", "body_hash", "words")), strict=True
        ):
            if pid in wanted:
                units[pid] = (np.frombuffer(sig, dtype=np.uint32), body_hash, words)
    stop = frozenset(word_hash(w) for w in settings.stopwords)
    kept = []
    for a, b in pairs.tolist():
        sig_a, article_a, words_a = units[a]
        sig_b, article_b, words_b = units[b]
        if article_a == article_b or float(np.mean(sig_a == sig_b)) < settings.min_estimate:
            continue
        match = compare_words(words_a, words_b, stop, settings.min_run)
        if match.shared >= settings.min_shared and match.score >= settings.min_score:
            kept.append((a, b, match.score))
    return np.array(kept, dtype=np.float64).reshape(-1, 3)


def run_narratives(
    out: str,
    *,
    scheduler: str = "local",
    workers: int | None = None,
    client: Any = None,
    settings: NarrativeSettings | None = None,
    buckets: int | None = None,
) -> NarrativesSummary:
    """Find repeated passages among the articles of the batch folder ``out``; writes
    ``narratives/passages/``, ``narratives/clusters.parquet`` and ``narratives/summary.json``."""
    import numpy as np
    import pyarrow as pa
    from dask import delayed

    from headcount.batch.run import _connect

    settings = settings or default_settings()
    started = time.perf_counter()
    folder = Folder(str(out))
    manifest = read_manifest(folder)
    done = folder.done()
    parts = [p["id"] for p in sorted(manifest["partitions"], key=lambda p: p["index"]) if p["id"] in done]
    n_buckets = buckets or max(1, min(256, len(parts)))
    where = str(out)
    frequencies = [delayed(frequency_task, pure=False)(where, part, settings) for part in parts]
    while len(frequencies) > 1:  # a tree: no task holds more than eight partitions' counts
        frequencies = [
            delayed(_sum_frequencies)(*frequencies[i : i + 8]) for i in range(0, len(frequencies), 8)
        ]
    total = frequencies[0] if frequencies else delayed(_sum_frequencies)()
    frequent = delayed(_frequent)(total, settings)
    stage1 = [
        delayed(signatures_task, pure=False)(where, part, i, n_buckets, settings, frequent)
        for i, part in enumerate(parts)
    ]
    stage2 = [
        delayed(candidates_task, pure=False)(where, k, parts, settings.max_bucket, *stage1)
        for k in range(n_buckets)
    ]
    stage3 = [delayed(check_task, pure=False)(where, i, parts, settings, *stage2) for i in range(len(parts))]
    passages = delayed(sum)(stage1)
    candidates = delayed(lambda *found: sum(len(v) for f in found for v in f.values()))(*stage2)
    articles = delayed(lambda t: t[0])(total)
    graph = [articles, passages, candidates, *stage3]
    with _connect(scheduler, workers, client) as (running, _):
        if running is None:
            import dask

            results = dask.compute(*graph, scheduler="sync")
        else:
            results = running.gather(running.compute(graph))  # the one compute of the job
    kept = list(results[3:])
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
        articles=int(results[0]),
        passages=int(results[1]),
        candidate_pairs=int(results[2]),
        similar_pairs=len(edges),
        clusters=len({row["cluster"] for row in clusters}),
        clustered_passages=len(clusters),
        seconds=time.perf_counter() - started,
    )
    used = {k: v for k, v in asdict(settings).items() if k != "stopwords"}
    folder.write_json({"settings": used, **asdict(summary)}, "narratives", "summary.json")
    return summary


def _clusters(folder: Folder, parts: list[str], edges: Any) -> list[dict[str, Any]]:
    """Union-find over the kept pairs: clusters spanning two articles or more and more than one
    outlet, listed by date, then outlet. Reads back only the units that are in a pair."""
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
        for row in table.drop_columns(["sig", "words"]).to_pylist():
            if row["pid"] in members:
                rows[row["pid"]] = row
    groups: dict[int, list[dict[str, Any]]] = {}
    for pid, row in rows.items():
        groups.setdefault(find(pid), []).append(row)
    kept = [
        g
        for g in groups.values()
        if len({r["body_hash"] for r in g}) >= 2 and len({r["outlet"] or r["body_hash"] for r in g}) >= 2
    ]
    kept.sort(key=lambda g: min(r["pid"] for r in g))
    out = []
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
    for _, group in itertools.groupby(rows, key=lambda r: r["cluster"]):
        yield list(group)
