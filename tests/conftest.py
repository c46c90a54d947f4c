"""Shared fixtures. Store tests take ``ledger_url`` or ``ledger``: each runs once on SQLite and
once on PostgreSQL (127.0.0.1:5432, database ``test``; ``HEADCOUNT_TEST_PG`` overrides the URL).
Every PostgreSQL test gets a schema of its own, so test runs in parallel never meet."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PG_URL = os.environ.get("HEADCOUNT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def _pg_admin():  # type: ignore[no-untyped-def]
    import psycopg

    plain = re.sub(r"^postgresql\+psycopg://", "postgresql://", PG_URL)
    return psycopg.connect(plain, autocommit=True, connect_timeout=3)


_pg_problem: list[str | None] = []


def _pg_unavailable() -> str | None:
    if not _pg_problem:
        try:
            with _pg_admin():
                _pg_problem.append(None)
        except Exception as exc:
            _pg_problem.append(f"PostgreSQL at {PG_URL} is not reachable ({type(exc).__name__}: {exc})")
    return _pg_problem[0]


@pytest.fixture(params=BACKENDS)
def ledger_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty ledger: a SQLite file, or a fresh schema on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    problem = _pg_unavailable()
    if problem:
        # CI starts PostgreSQL (.ci/run): there a missing server is a failure, not a skip.
        if os.environ.get("CI"):
            pytest.fail(problem)
        pytest.skip(problem)
    schema = f"hc_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with _pg_admin() as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[object]:
    """An open, empty ledger on each backend; closed after the test."""
    from headcount import open_ledger

    opened = open_ledger(ledger_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sample_paths() -> list[Path]:
    """The English sample articles (front matter + body)."""
    return sorted((SAMPLES / "en").glob("*.txt"))


def letters(n: int) -> str:
    """A number written in letters (a, b, … z, ba …): makes texts unique without adding figures."""
    out = ""
    while True:
        out = chr(ord("a") + n % 26) + out
        n //= 26
        if n == 0:
            return out


def write_variants(folder: Path, count: int) -> list[Path]:
    """``count`` distinct article files made from the samples (a unique closing line each)."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = sorted((SAMPLES / "en").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    paths = []
    for i in range(count):
        path = folder / f"variant-{i:05d}.txt"
        path.write_text(
            texts[i % len(texts)].rstrip("\n") + f"\n\nArchive copy {letters(i)}.\n", encoding="utf-8"
        )
        paths.append(path)
    return paths


@pytest.fixture
def make_variants(tmp_path: Path):  # type: ignore[no-untyped-def]
    """``make_variants(count, folder=None)``: write distinct article files, return their paths."""

    def make(count: int, folder: Path | None = None) -> list[Path]:
        return write_variants(folder or tmp_path / "variants", count)

    return make


class LocalServer:
    """A web server on 127.0.0.1 for URL and feed tests: ``routes[path] = (status, headers,
    body, delay_seconds)``; ``drips[path] = (pieces, seconds)`` sends a body slowly;
    ``requests`` lists ``(path, user_agent)`` as they arrive."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.requests: list[tuple[str, str]] = []
        self.drips: dict[str, tuple[int, float]] = {}  # path -> (pieces, seconds between them)
        self.stopping = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                status, headers, body, delay = server.routes.get(
                    self.path, (404, {"Content-Type": "text/plain"}, b"not here", 0.0)
                )
                if server.stopping.wait(delay):
                    return
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                pieces, interval = server.drips.get(self.path, (1, 0.0))
                step = max(1, -(-len(body) // pieces))
                try:
                    for start in range(0, len(body), step):
                        self.wfile.write(body[start : start + step])
                        self.wfile.flush()
                        if interval and server.stopping.wait(interval):
                            return
                except OSError:
                    pass  # the client gave up (a timeout test): nothing to do

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", **kw):  # type: ignore[no-untyped-def]
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (
            kw.get("status", 200),
            {"Content-Type": content_type, **kw.get("headers", {})},
            data,
            kw.get("delay", 0.0),
        )

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A local web server (no outside network is ever used by the tests)."""
    server = LocalServer()
    try:
        yield server
    finally:
        server.close()


def article_html(title: str, paragraphs: list[str], *, lang: str = "en", extra_head: str = "") -> str:
    """An HTML page with boilerplate around an article, as news sites serve them."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"{extra_head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright sample</footer></body></html>"
    )


@pytest.fixture
def make_html():  # type: ignore[no-untyped-def]
    """``make_html(title, paragraphs, lang="en", extra_head="")``: an article page as a string."""
    return article_html


@pytest.fixture(scope="session")
def dask_cluster():  # type: ignore[no-untyped-def]
    """A local Dask cluster of two worker processes (one thread each), shared by the batch tests:
    starting one costs about a second with the workers' imports. Tests that kill a worker make
    their own."""
    import logging

    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as cluster:
        yield cluster


@pytest.fixture
def dask_client(dask_cluster):  # type: ignore[no-untyped-def]
    """A client of the shared local cluster, closed after the test."""
    from distributed import Client

    with Client(dask_cluster) as client:
        yield client


def wrong_spans(ledger: object) -> list[tuple[object, ...]]:
    """The claims whose ``span_start``/``span_end`` are not the days they speak of
    (``model.speaks_of`` of their period and their stored article's date), or whose
    ``article_published`` is not that date; empty when all hold."""
    from sqlalchemy import select

    from headcount.model import speaks_of
    from headcount.store.tables import articles, claims

    query = select(
        claims.c.id,
        claims.c.period_start,
        claims.c.period_end,
        articles.c.published,
        claims.c.span_start,
        claims.c.span_end,
        claims.c.article_published,
    ).select_from(claims.join(articles, claims.c.article_id == articles.c.id))
    with ledger.engine.connect() as conn:  # type: ignore[attr-defined]
        rows = [tuple(r) for r in conn.execute(query)]
    assert rows, "no claims: nothing would be checked"
    return [r for r in rows if (r[4], r[5]) != speaks_of(r[1], r[2], r[3]) or r[6] != r[3]]
