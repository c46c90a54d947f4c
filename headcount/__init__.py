"""headcount: a ledger of contested figures from war reporting.

The public surface: read articles, extract their claims, and the records they are made of.
"""

from headcount.batch import BatchSummary, LoadSummary, load_batch, run_batch
from headcount.errors import ConfigError, ExtractionError, HeadcountError, InputError, StoreError
from headcount.extract import EXTRACTOR, extract_claims, find_figures, split_sentences
from headcount.ingest import iter_articles, parse_article, read_article
from headcount.ledger import ingest, open_ledger
from headcount.model import (
    Actor,
    Article,
    Attribution,
    Claim,
    ExtractionResult,
    Figure,
    IngestSummary,
    LedgerArticle,
    LedgerClaim,
    Period,
    Rejection,
    Sentence,
)
from headcount.pipeline import extract_paths, process

__version__ = "0.1.0"

__all__ = [
    "EXTRACTOR",
    "Actor",
    "Article",
    "Attribution",
    "BatchSummary",
    "Claim",
    "ConfigError",
    "ExtractionError",
    "ExtractionResult",
    "Figure",
    "HeadcountError",
    "IngestSummary",
    "InputError",
    "LedgerArticle",
    "LedgerClaim",
    "LoadSummary",
    "Period",
    "Rejection",
    "Sentence",
    "StoreError",
    "__version__",
    "extract_claims",
    "extract_paths",
    "find_figures",
    "ingest",
    "iter_articles",
    "load_batch",
    "open_ledger",
    "parse_article",
    "process",
    "read_article",
    "run_batch",
    "split_sentences",
]
