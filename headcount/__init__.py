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

# The cross-check (headcount compare / narratives / report) loads on first use: its numpy,
# datasketch and Jinja2 would otherwise slow every command down.
_CROSSCHECK = {
    "Comparison": "headcount.reconcile",
    "compare": "headcount.reconcile",
    "compare_ledger": "headcount.reconcile",
    "Narratives": "headcount.narratives",
    "find_narratives": "headcount.narratives",
    "find_republications": "headcount.narratives",
    "narratives_from_ledger": "headcount.narratives",
    "build_report": "headcount.report",
    "render_report": "headcount.report",
}


def __getattr__(name: str) -> object:
    if name in _CROSSCHECK:
        import importlib

        return getattr(importlib.import_module(_CROSSCHECK[name]), name)
    raise AttributeError(f"module 'headcount' has no attribute {name!r}")


__all__ = [
    "EXTRACTOR",
    "Actor",
    "Article",
    "Attribution",
    "BatchSummary",
    "Claim",
    "Comparison",
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
    "Narratives",
    "Period",
    "Rejection",
    "Sentence",
    "StoreError",
    "__version__",
    "build_report",
    "compare",
    "compare_ledger",
    "extract_claims",
    "extract_paths",
    "find_figures",
    "find_narratives",
    "find_republications",
    "ingest",
    "iter_articles",
    "load_batch",
    "narratives_from_ledger",
    "open_ledger",
    "parse_article",
    "process",
    "read_article",
    "render_report",
    "run_batch",
    "split_sentences",
]
