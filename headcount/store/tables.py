"""The ledger's tables: plain, well-named, browsable with Datasette or any SQL client.

::

    articles      one row per distinct article (identified by ``body_hash``)
    extractions   one row per (article, extractor version) run; ``is_current`` marks the one in use
    claims        one row per figure of an extraction; old extractions' claims stay, not current
    ingest_runs   one row per ``headcount ingest``: what it read and what it stored
    rejections    inputs a run could not use, with code and reason

Column names follow ``SCHEMA.md``; offsets are ``char_start``/``char_end`` (``start``/``end`` are
SQL keywords that every query would have to quote). ``via`` is a JSON array in a text column, so
the same SQL reads it on SQLite and PostgreSQL. ``span_start``/``span_end`` copy onto each claim
the days it speaks of (its period, else its article's publication date; migration 0007), so a
window is one index range rather than a look-up of each claim's article; ``article_published``
copies the article's date (0008), so a series walked in id order tests dates in an index. Full-text search
(``articles_fts``/``claims_fts`` on SQLite, expression indexes on PostgreSQL) and the indexes of
migrations 0005–0008 are created by the migrations, not declared here.
These are storage rows, not the domain model: ``store.queries`` turns them into records.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from headcount.model import SCHEMA_FIELDS

#: The claims table's columns that hold :class:`headcount.model.Claim`'s fields, in its order
#: (SCHEMA.md's fields, then the offsets, ``char_start``/``char_end`` for ``start``/``end``).
CLAIM_FIELD_COLUMNS = (
    *SCHEMA_FIELDS,
    "char_start",
    "char_end",
    "sentence_start",
    "sentence_end",
    "extractor",
    "language",
)

# Constraint names are fixed so migrations (and batch mode on SQLite) can refer to them.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body_hash", String(64), nullable=False, unique=True),
    Column("doc", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("title", Text),
    Column("author", Text),
    Column("source", Text),
    Column("body", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_outlet", "outlet"),
)

extractions = Table(
    "extractions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("claim_count", Integer, nullable=False),
    UniqueConstraint("article_id", "extractor", name="uq_extractions_article_extractor"),
    Index("ix_extractions_article_current", "article_id", "is_current"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("extraction_id", Integer, ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("is_current", Boolean, nullable=False),
    Column("doc", Text, nullable=False),
    Column("quote", Text, nullable=False),
    Column("figure", Text, nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("bound", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("metric", String(32), nullable=False),
    Column("side", String(16), nullable=False),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("per", String(16)),
    Column("claimant", Text, nullable=False),
    Column("via", Text, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("language", String(16), nullable=False),
    # The days the claim speaks of (model.speaks_of): its period, else its article's date.
    # Derived, written with the claim, so the window of a cross-check is an index range.
    Column("span_start", Date),
    Column("span_end", Date),
    # The article's publication date, copied (migration 0008): a series walked in id order
    # with a date filter tests each claim inside ``ix_claims_series``.
    Column("article_published", Date),
    Index("ix_claims_article_id", "article_id"),
    Index("ix_claims_extraction_id", "extraction_id"),
    Index("ix_claims_current_metric", "is_current", "metric"),
    Index("ix_claims_side", "side"),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("extractor", String(64), nullable=False),
    Column("sources", Text, nullable=False),
    Column("articles_new", Integer, nullable=False, default=0),
    Column("articles_unchanged", Integer, nullable=False, default=0),
    Column("articles_reextracted", Integer, nullable=False, default=0),
    Column("claims_stored", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_rejections_run_id", "run_id"),
)
