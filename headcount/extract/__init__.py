"""Article -> [Claim]: the extraction stages and the pipeline that runs them in order."""

from headcount.extract.claims import EXTRACTOR, extract_claims, language_of
from headcount.extract.figures import find_figures
from headcount.extract.sentences import split_sentences

__all__ = ["EXTRACTOR", "extract_claims", "find_figures", "language_of", "split_sentences"]
