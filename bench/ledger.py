"""A team ledger on PostgreSQL at scale: 10 million generated claims, and how fast it answers.

Run by hand: ``.venv/bin/python bench/ledger.py`` (about ten minutes to build; the queries take
seconds); it prints figures and asserts nothing. It fills a fresh PostgreSQL schema
(``hc_bench_ledger`` in the ``test`` database on 127.0.0.1:5432, ``--url`` to change) through the
ledger's own migrations, so the tables and indexes are exactly those the schema defines, with
``--claims`` (default 10,000,000) generated claims over ``--claims / 10`` articles published
between the full-scale invasion and now: metrics, sides, claimants, hedging and periods drawn with
the skew of real reporting (desertion and criminal cases common, citizenship rare). The rows go
in with ``COPY`` after the secondary indexes are dropped, and the indexes are then rebuilt from
their own definitions (``pg_indexes``), as a restore would.

Then each query runs ``--repeat`` times (after one warm-up) and the median and worst times are
printed, with ``EXPLAIN`` on request (``--explain``):

- **claims**: the filtered claims query of ``headcount claims`` / the dashboard's claims page
  (``Ledger.claims(..., limit=100)``: a first page in id order) with common filters;
- **compare**: what ``reconcile.compare_ledger`` reads for one series in a window (a month, a
  quarter): ``Ledger.claims(metric=…, side=…, window=(since, until))``, the claims that speak
  of some day of the window (``reconcile.compare.in_window``, in SQL through the claims'
  ``span_start``/``span_end`` columns). Timed as the SQL alone (rows fetched as tuples) and as
  ledger records (what compare_ledger gets); ``compare --metric desertion`` also reads the amnesty
  returns (a share of the deserters, ``share_base``), timed as well. Then the whole series windowed
  in Python, as compare_ledger read it before migration 0007, for comparison.

Target (issue 6): the filtered claims query and the compare query under 200 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SCHEMA = "hc_bench_ledger"
START = date(2022, 2, 24)
END = date(2026, 11, 1)
# The series the compare query is timed on: rare to common.
SERIES = [
    ("citizenship", "other"),
    ("asylum_granted", "russia"),
    ("amnesty_return", "ukraine"),
    ("desertion", "ukraine"),
]

# Skew of real reporting: (value, weight).
METRICS = [
    ("desertion", 26),
    ("criminal_case", 16),
    ("casualties", 14),
    ("conviction", 8),
    ("surrender", 6),
    ("amnesty_return", 5),
    ("asylum_application", 5),
    ("assistance_request", 4),
    ("displacement", 4),
    ("defection", 3),
    ("border_encounter", 3),
    ("asylum_granted", 2),
    ("other", 3),
    ("citizenship", 1),
]
SIDES = [("ukraine", 44), ("russia", 40), ("unknown", 13), ("other", 3)]
BOUNDS = [("exact", 45), ("over", 25), ("approx", 15), ("under", 8), ("range", 7)]
KINDS = [("count", 80), ("rate", 8), ("share", 8), ("change", 4)]
NAMED = [
    "Mediazona",
    "Ukraine's Prosecutor General's Office",
    "Russian security forces",
    "Die Welt",
    "Idite Lesom",
    "the Ministry of Defence",
    "ISW",
    "Verstka",
    "BBC Russian",
    "Ukrainska Pravda",
    "Kyiv Independent",
    "TASS",
    "RIA Novosti",
    "Maria Zakharova",
    "the article",
]
VIA = ["TASS", "RIA Novosti", "Maria Zakharova", "Reuters", "AP", "Interfax"]
OUTLETS = [f"Outlet {k}" for k in range(300)] + [
    "Mediazona",
    "Die Welt",
    "Kyiv Independent",
    "Meduza",
    "TASS",
]
WORDS = tuple(
    [
        "soldiers",
        "deserted",
        "units",
        "servicemen",
        "left",
        "posts",
        "without",
        "permission",
        "cases",
        "opened",
        "courts",
        "received",
        "verdicts",
        "amnesty",
        "returned",
        "asylum",
        "applications",
        "border",
        "guards",
        "hotline",
        "requests",
        "surrendered",
        "defected",
        "prosecutors",
        "registered",
        "proceedings",
        "month",
        "year",
        "since",
        "invasion",
        "according",
        "officials",
        "said",
        "reported",
        "estimated",
        "record",
        "figure",
        "independent",
        "verification",
        "front",
        "line",
        "brigade",
        "region",
    ]
)


def _split(table: list[tuple[str, int]]) -> tuple[list[str], list[float]]:
    """Values and weights of a skew table, as ``random.choices`` takes them."""
    return [v for v, _ in table], [float(w) for _, w in table]


def generate(conn: Any, claims_total: int, seed: int = 5) -> None:
    """COPY ``claims_total`` claims over a tenth as many articles (one extraction each)."""
    from headcount.model import speaks_of

    rng = random.Random(seed)
    n_articles = max(1, claims_total // 10)
    days = (END - START).days
    claimants = NAMED + [f"Official {k}" for k in range(2_000)]
    now = datetime.now(UTC)
    metric_v, metric_w = _split(METRICS)
    side_v, side_w = _split(SIDES)
    bound_v, bound_w = _split(BOUNDS)
    kind_v, kind_w = _split(KINDS)
    cur = conn.cursor()
    started = time.perf_counter()
    with cur.copy(
        "COPY articles (id, body_hash, doc, url, outlet, published, language, title, author, source, body, "
        "ingested_at) FROM STDIN"
    ) as copy:
        # Ids in order of publication, as a ledger fed by a crawl or a monitoring feed grows:
        # "newest first" then walks back through time, as it does on a real ledger.
        published = sorted(START + timedelta(days=rng.randrange(days)) for _ in range(n_articles))
        for i, day in enumerate(published, start=1):
            words = " ".join(rng.choices(WORDS, k=40))
            copy.write_row(
                (
                    i,
                    f"{rng.getrandbits(256):064x}",
                    f"https://example.org/news/{i}",
                    f"https://example.org/news/{i}",
                    rng.choice(OUTLETS),
                    day,
                    "en",
                    f"Report {i}: {' '.join(rng.choices(WORDS, k=6))}",
                    None,
                    f"crawl-{i // 40_000:05d}.warc.gz:{i % 40_000}",
                    f"Report {i}. {words}.",
                    now,
                )
            )
    with cur.copy(
        "COPY extractions (id, article_id, extractor, extracted_at, is_current, claim_count) FROM STDIN"
    ) as copy:
        for i in range(1, n_articles + 1):
            copy.write_row((i, i, "headcount.extract.v1", now, True, 10))
    print(
        f"  {n_articles:,} articles and extractions copied in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    started = time.perf_counter()
    with cur.copy(
        "COPY claims (id, extraction_id, article_id, position, is_current, doc, quote, figure, low, high, "
        "bound, kind, metric, side, period_start, period_end, per, claimant, via, hedged, char_start, "
        "char_end, sentence_start, sentence_end, extractor, language, span_start, span_end, "
        "article_published) FROM STDIN"
    ) as copy:
        claim_id = 0
        for article in range(1, n_articles + 1):
            day = published[article - 1]
            metrics = rng.choices(metric_v, metric_w, k=10)
            sides = rng.choices(side_v, side_w, k=10)
            for position in range(10):
                claim_id += 1
                if claim_id > claims_total:
                    break
                value = rng.randint(2, 500_000)
                bound = rng.choices(bound_v, bound_w)[0]
                kind = rng.choices(kind_v, kind_w)[0]
                start: date | None = None
                end: date | None = None
                if rng.random() < 0.7:
                    months = rng.choice([1, 1, 1, 3, 6, 12, 24])
                    end = day - timedelta(days=rng.randrange(0, 40))
                    start = end - timedelta(days=30 * months)
                claimant = rng.choice(NAMED) if rng.random() < 0.6 else rng.choice(claimants)
                via = f'["{rng.choice(VIA)}"]' if rng.random() < 0.25 else "[]"
                figure = f"{value:,}"
                quote = f"{claimant} said {figure} {' '.join(rng.choices(WORDS, k=12))}."
                span_start, span_end = speaks_of(start, end, day)
                copy.write_row(
                    (
                        claim_id,
                        article,
                        article,
                        position,
                        True,
                        f"https://example.org/news/{article}",
                        quote,
                        figure,
                        float(value),
                        float(value * 2) if bound == "range" else (None if bound == "over" else float(value)),
                        bound,
                        kind,
                        metrics[position],
                        sides[position],
                        start,
                        end,
                        "month" if kind == "rate" else None,
                        claimant,
                        via,
                        rng.random() < 0.2,
                        position * 100,
                        position * 100 + len(figure),
                        position * 100 - 10 if position else 0,
                        position * 100 + 90,
                        "headcount.extract.v1",
                        "en",
                        span_start,
                        span_end,
                        day,
                    )
                )
            if article % 200_000 == 0:
                print(f"  {claim_id:,} claims copied ({time.perf_counter() - started:.0f} s)", flush=True)
    for table in ("articles", "extractions", "claims"):
        cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    print(f"  {claim_id:,} claims copied in {time.perf_counter() - started:.0f} s", flush=True)


def build(url: str, claims_total: int) -> None:
    import psycopg

    from headcount import open_ledger

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        admin.execute(f"CREATE SCHEMA {SCHEMA}")
    ledger_url = _schema_url(url)
    open_ledger(ledger_url).close()  # the schema, by the ledger's own migrations
    with psycopg.connect(plain, options=f"-csearch_path={SCHEMA}") as conn:
        conn.execute("SET maintenance_work_mem = '1GB'")
        conn.execute("SET max_parallel_maintenance_workers = 2")
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            (SCHEMA,),
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {SCHEMA}.{name}")
        generate(conn, claims_total)
        conn.commit()
        started = time.perf_counter()
        for name, definition in indexes:
            t = time.perf_counter()
            conn.execute(definition)
            conn.commit()
            print(f"  index {name} rebuilt in {time.perf_counter() - t:.0f} s", flush=True)
        print(f"  {len(indexes)} indexes rebuilt in {time.perf_counter() - started:.0f} s", flush=True)
    with psycopg.connect(plain, autocommit=True, options=f"-csearch_path={SCHEMA}") as conn:
        conn.execute("VACUUM ANALYZE")


def _schema_url(url: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{SCHEMA}"


def timed(fn: Any, repeat: int) -> tuple[float, float, int]:
    fn()  # warm-up: the first run reads pages from disk into the cache
    times = []
    n = 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), max(times), n


def window_query(conn: Any, metric: str | list[str], side: str, since: date, until: date) -> Any:
    """The compare query: the query ``Ledger.claims(metric=…, side=…, window=(since, until))``
    runs for ``reconcile.compare_ledger``."""
    from headcount.store import queries

    return queries.claims_query(conn, metric=metric, side=side, window=(since, until))


def fetch(ledger: Any, build: Any) -> int:
    """Run a query built by ``build(conn)`` in a transaction set up as ``Ledger.claims`` sets up
    its own; fetch its rows as tuples (no records)."""
    from headcount.store import queries

    with ledger.engine.connect() as conn:
        queries.read_every_row(conn)
        return len(conn.execute(build(conn)).fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default=PG_URL, help="PostgreSQL server (a schema is made in it)")
    parser.add_argument("--claims", type=int, default=10_000_000)
    parser.add_argument("--reuse", action="store_true", help="query the ledger of an earlier run")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--explain", action="store_true", help="print the plan of each query")
    parser.add_argument("--drop", action="store_true", help="drop the schema at the end")
    parser.add_argument(
        "--pages", action="store_true", help="only the paged queries: claims, and the compare page"
    )
    args = parser.parse_args()

    from headcount import open_ledger
    from headcount.reconcile.compare import in_window
    from headcount.reconcile.settings import default_settings

    if not args.reuse:
        started = time.perf_counter()
        print(f"building a ledger of {args.claims:,} claims in schema {SCHEMA} …", flush=True)
        build(args.url, args.claims)
        print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    ledger = open_ledger(_schema_url(args.url))
    counts = ledger.counts()
    print(f"ledger: {counts['articles']:,} articles, {counts['claims']:,} claims")
    since, until = date(2025, 4, 1), date(2025, 6, 30)
    month = (date(2025, 4, 1), date(2025, 4, 30))
    claims_queries: dict[str, dict[str, Any]] = {
        "claims --metric desertion --side ukraine": dict(metric="desertion", side="ukraine"),
        "claims --metric desertion --side ukraine --since/--until (a quarter)": dict(
            metric="desertion", side="ukraine", since=since, until=until
        ),
        "claims --metric desertion --side ukraine --since/--until (October 2022)": dict(
            metric="desertion", side="ukraine", since=date(2022, 10, 1), until=date(2022, 10, 31)
        ),
        "claims --metric citizenship --side other --hedged (rare)": dict(
            metric="citizenship", side="other", hedged=True
        ),
        "claims --claimant Mediazona": dict(claimant="Mediazona"),
        "claims --outlet 'Outlet 17' --since/--until": dict(outlet="Outlet 17", since=since, until=until),
        "claims --search 'brigade deserted'": dict(search="brigade deserted"),
        "claims --metric criminal_case --search amnesty": dict(metric="criminal_case", search="amnesty"),
    }
    print(f"{'query (first page of 100, id order)':<72} {'median ms':>10} {'worst ms':>9} {'rows':>8}")
    for label, filters in claims_queries.items():
        median, worst, n = timed(lambda f=filters: len(ledger.claims(**f, limit=100)), args.repeat)
        print(f"{label:<72} {median:>10.1f} {worst:>9.1f} {n:>8,}", flush=True)
        if args.explain:
            _explain(ledger, filters)
    if args.pages:
        _dashboard_compare(ledger, since, until, month, args)
        ledger.close()
        return
    print(f"{'compare query (one series, window in SQL)':<72} {'median ms':>10} {'worst ms':>9} {'rows':>8}")
    share_base = default_settings().share_base
    for metric, side in SERIES:
        # compare --metric M reads the metrics whose shares imply an M too (compare_ledger).
        parts = [m for m, whole in share_base.items() if whole == metric]
        reads: list[tuple[str | list[str], str]] = [(metric, metric)]
        if parts:
            reads.append(([metric, *parts], f"{metric} + {' + '.join(parts)}"))
        for read, name in reads:
            for span, (a, b) in (("a month", month), ("a quarter", (since, until))):
                label = f"compare {name} / {side}, {span}: SQL"
                median, worst, n = timed(
                    lambda r=read, s=side, a=a, b=b: fetch(ledger, lambda c: window_query(c, r, s, a, b)),
                    args.repeat,
                )
                print(f"{label:<72} {median:>10.1f} {worst:>9.1f} {n:>8,}", flush=True)
                label = f"compare {name} / {side}, {span}: records"
                median, worst, n = timed(
                    lambda r=read, s=side, w=(a, b): len(ledger.claims(metric=r, side=s, window=w)),
                    args.repeat,
                )
                print(f"{label:<72} {median:>10.1f} {worst:>9.1f} {n:>8,}", flush=True)
                if args.explain:
                    _explain_query(ledger, lambda c, r=read, s=side, a=a, b=b: window_query(c, r, s, a, b))
    _dashboard_compare(ledger, since, until, month, args)
    for metric, side in SERIES:
        label = f"compare {metric} / {side}, a month: whole series windowed in Python"
        median, worst, n = timed(
            lambda m=metric, s=side: sum(
                1 for r in ledger.iter_claims(metric=m, side=s) if in_window(r, *month)
            ),
            1 if metric == "desertion" else max(1, args.repeat // 2),
        )
        print(f"{label:<72} {median:>10.1f} {worst:>9.1f} {n:>8,}", flush=True)
    ledger.close()
    if args.drop:
        import psycopg

        with psycopg.connect(
            args.url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True
        ) as c:
            c.execute(f"DROP SCHEMA {SCHEMA} CASCADE")


def _dashboard_compare(ledger: Any, since: date, until: date, month: tuple[date, date], args: Any) -> None:
    """The reads of the dashboard's compare page (``web.state.Dashboard._compare``): the latest
    claims of the series that speak of the window (``MAX_COMPARE``), how many there are (up to
    ``COUNT_CAP``), and the reviews of those read."""
    from headcount.reconcile.compare import in_window
    from headcount.store import dashboard as browse
    from headcount.store.reviews import ReviewStore
    from headcount.web.state import MAX_COMPARE

    reviews = ReviewStore(ledger.engine)
    early = (date(2022, 10, 1), date(2022, 10, 31))
    title = "compare page (dashboard): latest claims, count, reviews"
    print(f"{title:<72} {'median ms':>10} {'worst ms':>9} {'rows':>8}")
    for metric, side in SERIES:
        for span, (a, b) in (("a month", month), ("a quarter", (since, until)), ("October 2022", early)):
            filters = browse.ClaimFilters(metric=metric, side=side, since=a, until=b)

            def page(f: Any = filters, a: date = a, b: date = b) -> int:
                records, _ = browse.claims_page(ledger.engine, f, limit=MAX_COMPARE)
                browse.count_claims(ledger.engine, f, cap=browse.COUNT_CAP)
                reviews.for_claims([r.id for r in records])
                assert all(in_window(r, a, b) for r in records)
                return len(records)

            median, worst, n = timed(page, args.repeat)
            label = f"compare page {metric} / {side}, {span}"
            print(f"{label:<72} {median:>10.1f} {worst:>9.1f} {n:>8,}", flush=True)
            if args.explain:
                for build in (
                    lambda c, f=filters: browse._claims_select(
                        ledger.engine, f, queries_columns(), "newest"
                    ).limit(MAX_COMPARE + 1),
                ):
                    _explain_query(ledger, build)


def queries_columns() -> Any:
    from headcount.store.queries import _CLAIM_COLUMNS

    return _CLAIM_COLUMNS


def _explain(ledger: Any, filters: dict[str, Any]) -> None:
    from headcount.store import queries

    _explain_query(ledger, lambda conn: queries.claims_query(conn, **filters, limit=100))


def _explain_query(ledger: Any, build: Any) -> None:
    from headcount.store import queries

    with ledger.engine.connect() as conn:
        queries.read_every_row(conn)
        query = build(conn)
        compiled = query.compile(conn, compile_kwargs={"literal_binds": True})
        for (line,) in conn.exec_driver_sql(f"EXPLAIN ANALYZE {compiled}"):
            print("    " + line)


if __name__ == "__main__":
    main()
