"""Settings, from the environment with defaults that work on a fresh machine.

=========================  ==========================================================  ===========
variable                   what it sets                                                default
=========================  ==========================================================  ===========
``HEADCOUNT_DB``           the ledger's database URL (``sqlite:///…``,                 ``sqlite:///headcount.db``
                           ``postgresql+psycopg://…``)
``HEADCOUNT_MAX_BYTES``    size cap for one file, page, JSONL line or WARC record      20 MB
``HEADCOUNT_TIMEOUT``      seconds to wait for a URL before giving up                  20
``HEADCOUNT_LANGUAGES``    languages the detector chooses between (ISO 639-1, comma    en,ru,uk,de,fr
                           separated): each one costs ~40 MB of memory
=========================  ==========================================================  ===========
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from headcount import errors
from headcount.errors import ConfigError

#: Files over this size are rejected rather than read (HEADCOUNT_MAX_BYTES overrides it).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: The embedded default ledger: a SQLite file in the working folder.
DEFAULT_DB_URL = "sqlite:///headcount.db"
#: Seconds a URL may take (connect, and between bytes) before it is rejected.
DEFAULT_TIMEOUT = 20.0
#: Languages the detector chooses between when an article does not declare one. Russian and
#: Ukrainian must both be there: telling them apart is the point. Few languages keep memory low
#: (lingua loads one model per language: five take ~190 MB, all of them 1.4 GB).
DEFAULT_LANGUAGES = ("en", "ru", "uk", "de", "fr")


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_DB_URL
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    @classmethod
    def from_env(cls) -> Settings:
        max_bytes = os.environ.get("HEADCOUNT_MAX_BYTES")
        timeout = os.environ.get("HEADCOUNT_TIMEOUT")
        languages = os.environ.get("HEADCOUNT_LANGUAGES")
        return cls(
            db_url=os.environ.get("HEADCOUNT_DB") or DEFAULT_DB_URL,
            max_bytes=int(max_bytes) if max_bytes and max_bytes.isdigit() else DEFAULT_MAX_BYTES,
            timeout=_seconds(timeout) if timeout else DEFAULT_TIMEOUT,
            languages=_languages(languages) if languages else DEFAULT_LANGUAGES,
        )


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if seconds <= 0:
        raise ConfigError(
            "HEADCOUNT_TIMEOUT", f"{value!r} is not a number of seconds above 0", code=errors.BAD_SETTING
        )
    return seconds


def _languages(value: str) -> tuple[str, ...]:
    codes = tuple(dict.fromkeys(c.strip().lower() for c in value.split(",") if c.strip()))
    if len(codes) < 2 or any(len(c) != 2 or not c.isalpha() for c in codes):
        raise ConfigError(
            "HEADCOUNT_LANGUAGES",
            f"{value!r} must list at least two ISO 639-1 codes separated by commas, e.g. 'en,ru,uk'",
            code=errors.BAD_SETTING,
        )
    return codes
