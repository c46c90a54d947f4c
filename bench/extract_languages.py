"""Extractor throughput per language: articles per second of CPU time on one core.

Builds 3-6 KB articles per language from the sentences of the table-driven cases
(tests/extract/cases_<lang>.py and cases_claims.py), shuffled with a fixed seed, and times
``extract_claims`` with ``time.process_time`` (CPU time: the machine may be shared), keeping the
best of several repeats. Run: ``.venv/bin/python bench/extract_languages.py``.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from headcount.extract import extract_claims
from headcount.model import Article
from tests.extract.cases_claims import CLAIM_CASES
from tests.extract.cases_ru import CASES_RU
from tests.extract.cases_uk import CASES_UK

ARTICLES = 60
REPEATS = 5


def corpus(sentences: list[str], seed: int) -> list[str]:
    """Articles of 3-6 KB: paragraphs of three to five sentences drawn from ``sentences``."""
    rng = random.Random(seed)
    out = []
    for _ in range(ARTICLES):
        size = rng.randint(3000, 6000)
        paragraphs: list[str] = []
        while sum(len(p) + 2 for p in paragraphs) < size:
            paragraphs.append(" ".join(rng.choice(sentences) for _ in range(rng.randint(3, 5))))
        out.append("\n\n".join(paragraphs))
    return out


def rate(language: str, bodies: list[str]) -> tuple[float, float]:
    articles = [
        Article(doc=f"{language}-{i}", body=b, published=date(2025, 11, 9), language=language)
        for i, b in enumerate(bodies)
    ]
    for a in articles[:3]:
        extract_claims(a)  # load vocabularies outside the timing
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.process_time()
        for a in articles:
            extract_claims(a)
        best = min(best, time.process_time() - t0)
    return len(articles) / best, sum(len(b.encode()) for b in bodies) / len(bodies) / 1024


def main() -> None:
    sets = {
        "en": [c["text"] for c in CLAIM_CASES],
        "ru": [t for t, _p, _c in CASES_RU],
        "uk": [t for t, _p, _c in CASES_UK],
    }
    print(f"{'language':<9}{'articles/s (CPU, 1 core)':>26}{'mean size':>12}")
    for language, sentences in sets.items():
        per_s, kb = rate(language, corpus(sentences, seed=7))
        print(f"{language:<9}{per_s:>26.0f}{kb:>10.1f} KB")


if __name__ == "__main__":
    main()
