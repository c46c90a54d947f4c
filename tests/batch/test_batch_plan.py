"""Planning a batch: partitions read what an ingest reads, in its order; large JSONL files split
into blocks of lines that read exactly like the whole file; fsspec URLs named as given."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from headcount.batch.plan import Partition, Piece, is_fsspec_url, plan_partitions, split_jsonl
from headcount.batch.read import read_piece
from headcount.config import Settings
from headcount.ingest import iter_articles, iter_sources
from headcount.model import Article, Rejection

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def _items(partitions: list[Partition], settings: Settings | None = None) -> list[Article | Rejection]:
    settings = settings or Settings.from_env()
    return [item for p in partitions for piece in p.pieces for item in read_piece(piece, settings)]


def test_partitions_read_what_an_ingest_reads_in_its_order() -> None:
    partitions = plan_partitions([SAMPLES], partition_bytes=2_000)
    assert len(partitions) > 1
    locations = [piece.location for p in partitions for piece in p.pieces]
    assert locations == [s.location for s in iter_sources([SAMPLES])]
    assert [p.index for p in partitions] == list(range(len(partitions)))
    assert _items(partitions) == list(iter_articles([SAMPLES]))


@pytest.mark.parametrize(
    ("partition_bytes", "partition_files", "expected_sizes"),
    [
        (10**9, 3, [3, 3, 3, 1]),  # by number of files
        (10**9, 100, [10]),  # everything fits in one partition
    ],
)
def test_files_are_grouped_up_to_a_size_and_a_count(
    tmp_path: Path, partition_bytes: int, partition_files: int, expected_sizes: list[int]
) -> None:
    for i in range(10):
        (tmp_path / f"{i:02d}.txt").write_text(f"Article {i}: 12 soldiers deserted.\n", encoding="utf-8")
    partitions = plan_partitions([tmp_path], partition_bytes=partition_bytes, partition_files=partition_files)
    assert [len(p.pieces) for p in partitions] == expected_sizes


def test_a_partition_never_holds_more_bytes_than_asked_unless_one_file_does(tmp_path: Path) -> None:
    for i, size in enumerate([400, 400, 400, 1_500, 100]):
        (tmp_path / f"{i}.txt").write_text("x" * size, encoding="utf-8")
    partitions = plan_partitions([tmp_path], partition_bytes=1_000)
    assert [[Path(p.location).name for p in part.pieces] for part in partitions] == [
        ["0.txt", "1.txt"],
        ["2.txt"],
        ["3.txt"],
        ["4.txt"],
    ]


def test_partition_ids_are_stable_and_name_what_they_read(tmp_path: Path) -> None:
    first = [p.id for p in plan_partitions([SAMPLES], partition_bytes=2_000)]
    again = [p.id for p in plan_partitions([SAMPLES], partition_bytes=2_000)]
    assert first == again
    assert len(set(first)) == len(first)
    assert first[0].startswith("000000-")
    # The id is a digest of what the partition reads: other pieces at the same place, another id.
    other = plan_partitions([SAMPLES], partition_bytes=5_000)
    mine = plan_partitions([SAMPLES], partition_bytes=2_000)
    for a, b in zip(mine, other, strict=False):
        assert (a.id == b.id) is (a.pieces == b.pieces)
    assert mine[0].id != other[0].id


def _jsonl(path: Path, lines: list[str], *, trailing_newline: bool = True) -> Path:
    path.write_bytes(("\n".join(lines) + ("\n" if trailing_newline else "")).encode("utf-8"))
    return path


def _article_line(i: int, extra: str = "") -> str:
    text = f"Report {i}. Officials said {100 + i} soldiers deserted in March 2024.{extra}\n"
    return json.dumps({"doc": f"report-{i}", "published": "2024-04-01", "language": "en", "text": text})


def _mixed_lines(count: int) -> list[str]:
    lines = []
    for i in range(count):
        if i % 17 == 5:
            lines.append("{not json")
        elif i % 23 == 7:
            lines.append("")  # blank lines are skipped but still counted
        elif i % 29 == 3:
            lines.append(_article_line(i, " padding" * 400))  # over the small size cap below
        else:
            lines.append(_article_line(i))
    return lines


@pytest.mark.parametrize("block_bytes", [1, 150, 997, 4_096, 10**9])
@pytest.mark.parametrize("trailing_newline", [True, False])
def test_jsonl_blocks_read_exactly_like_the_whole_file(
    tmp_path: Path, block_bytes: int, trailing_newline: bool
) -> None:
    path = _jsonl(tmp_path / "feed.jsonl", _mixed_lines(120), trailing_newline=trailing_newline)
    settings = Settings(max_bytes=2_000)
    whole = Piece(str(path), "jsonl", size=path.stat().st_size)
    blocks = split_jsonl(whole, block_bytes)
    assert blocks[0].start == 0 and blocks[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in itertools.pairwise(blocks))
    assert all(b.size > 0 for b in blocks)
    read = _items([Partition(0, tuple(blocks))], settings)
    expected = list(iter_articles([path], settings=settings))
    assert read == expected
    codes = {item.code for item in expected if isinstance(item, Rejection)}
    assert codes == {"H114", "H108"}  # both kinds of bad line are in the test file


def test_a_large_jsonl_file_becomes_several_partitions(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "big.jsonl", [_article_line(i) for i in range(400)])
    partitions = plan_partitions([path], partition_bytes=8_000)
    assert len(partitions) == -(-path.stat().st_size // 8_000) or len(partitions) > 5
    assert all(len(p.pieces) == 1 and p.pieces[0].is_block for p in partitions)
    sources = [a.source for a in _items(partitions) if isinstance(a, Article)]
    assert sources == [f"{path}:{n}" for n in range(1, 401)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("s3://bucket/crawl/", True),
        ("file:///data/news.jsonl", True),
        ("gcs://bucket/x.warc.gz", True),
        ("https://data.example.org/crawl/CC-NEWS-1.warc.gz", True),
        ("https://example.org/news/article-1", False),  # a page, fetched as by ingest
        ("samples/", False),
        ("C:/data", False),
    ],
)
def test_which_inputs_are_fsspec_urls(value: str, expected: bool) -> None:
    assert is_fsspec_url(value) is expected


def test_fsspec_urls_read_like_local_paths_and_keep_their_names(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for sample in sorted((SAMPLES / "en").glob("*.txt"))[:2]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "README.md").write_text("# notes, not an article\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("12 soldiers deserted\n", encoding="utf-8")
    (folder / "digest.jsonl").write_bytes((SAMPLES / "jsonl" / "wire-digest.jsonl").read_bytes())
    url = f"file://{folder}"
    partitions = plan_partitions([url])
    remote = _items(partitions)
    local = list(iter_articles([folder]))
    assert len(remote) == len(local) > 2
    for r, item in zip(remote, local, strict=True):
        assert isinstance(r, Article) and isinstance(item, Article)
        assert r.source is not None and item.source is not None
        assert r.source == f"file://{item.source}"
        assert (r.doc, r.body, r.published) == (item.doc, item.body, item.published)


def test_a_missing_remote_input_is_a_rejection_and_the_plan_goes_on(tmp_path: Path) -> None:
    missing = f"file://{tmp_path}/nowhere.jsonl"
    partitions = plan_partitions([missing, SAMPLES / "en"])
    items = _items(partitions)
    assert isinstance(items[0], Rejection) and items[0].code == "H104" and items[0].source == missing
    assert sum(isinstance(i, Article) for i in items) == len(list((SAMPLES / "en").glob("*.txt")))


@pytest.mark.parametrize("scheme", ["file", "memory"])
@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_web_archives_read_through_fsspec_like_local_ones(tmp_path: Path, scheme: str, name: str) -> None:
    """A WARC file, compressed or not, named by an fsspec URL (a bucket in production; the local
    and in-memory file systems here) gives the articles the local file gives, in order."""
    import gzip

    import fsspec

    data = (SAMPLES / "warc" / "news-crawl.warc.gz").read_bytes()
    if not name.endswith(".gz"):
        data = gzip.decompress(data)
    local = tmp_path / name
    local.write_bytes(data)
    if scheme == "memory":
        url = f"memory://headcount-test-{tmp_path.name}/{name}"
        with fsspec.open(url, "wb") as fh:
            fh.write(data)
    else:
        url = f"file://{local}"
    remote = _items(plan_partitions([url]))
    expected = list(iter_articles([local]))
    assert len(expected) > 1 and all(isinstance(a, Article) for a in expected)
    assert [(a.body, a.url, a.published) for a in remote] == [  # type: ignore[union-attr]
        (a.body, a.url, a.published)
        for a in expected  # type: ignore[union-attr]
    ]
    assert all(a.source and a.source.startswith(url) for a in remote)  # type: ignore[union-attr]
