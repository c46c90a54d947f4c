"""The language of an article body, for articles whose header does not declare one.

lingua tells Russian from Ukrainian (the two share most letters, so script alone cannot), but it
keeps one model in memory per language: the detector is restricted to the few languages of
``Settings.languages`` and built once per process, on first use.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from headcount.config import Settings

log = logging.getLogger(__name__)

#: Characters of the body the detector reads: enough to be sure, little enough to be fast.
SAMPLE_CHARS = 3000
#: Fewer letters than this and no guess is made: a headline of figures is not a language.
MIN_LETTERS = 20


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    chosen = []
    for code in languages:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            log.warning("language %r is unknown to the detector; left out", code)
            continue
        chosen.append(Language.from_iso_code_639_1(iso))
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def detect_language(text: str, languages: tuple[str, ...] | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language among ``languages``, or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    found = _detector(languages or Settings.from_env().languages).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


def declared_language(value: str | None) -> str | None:
    """A declared language tag reduced to its ISO 639-1 part ("en-GB" -> "en"), or None."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) in (2, 3) and code.isalpha() else None
