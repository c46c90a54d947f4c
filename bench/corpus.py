"""What the benches share to build corpora: variants of our texts with their numbers changed, so
that no two bodies are alike (and no cache or deduplication flatters a figure)."""

from __future__ import annotations

import random
import re

NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,}\b")


def vary_numbers(body: str, rng: random.Random) -> str:
    """``body`` with every count scaled by a random factor of 0.5–1.5; years are kept, since
    periods depend on them."""

    def scale(match: re.Match[str]) -> str:
        raw = match.group(0)
        value = int(raw.replace(",", ""))
        if 1990 <= value <= 2030:
            return raw
        varied = max(2, int(value * rng.uniform(0.5, 1.5)))
        return f"{varied:,}" if "," in raw else str(varied)

    return NUMBER.sub(scale, body)
