"""The error tree and its coded messages.

::

    HeadcountError               anything headcount raises on purpose
    ├── InputError               an article, file, URL or line that cannot be read (H1xx)
    ├── ExtractionError          the extractor failed on an article it could read (H2xx)
    ├── StoreError               the ledger could not be opened, read or written (H3xx)
    └── ConfigError              a setting or data file is invalid (H4xx)

Every message carries a code, the file or URL, the reason and, where there is one, the fix:
``[H101] notes.txt: no article body after the front matter; end the header with a '---' line.``
"""

from __future__ import annotations


class HeadcountError(Exception):
    """Base of every error headcount raises on purpose."""

    code = "H000"

    def __init__(self, source: str, reason: str, *, code: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        if code is not None:
            self.code = code
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"[{self.code}] {where}: {self.reason}"


class InputError(HeadcountError):
    code = "H100"


class ExtractionError(HeadcountError):
    code = "H200"


class StoreError(HeadcountError):
    code = "H300"


class ConfigError(HeadcountError):
    code = "H400"


# Codes and their standing reasons: one place, so messages stay consistent across surfaces.
NO_BODY = "H101"  # front matter but nothing after it
BAD_FRONT_MATTER = "H102"  # the header is not valid YAML or not a mapping
UNDECODABLE = "H103"  # bytes that are not text in any encoding we can detect
NOT_FOUND = "H104"  # a path that does not exist
NO_ARTICLES = "H105"  # a folder with no article files in it
EMPTY = "H106"  # a file with nothing in it
BINARY = "H107"  # a file that is binary data, not text
TOO_LARGE = "H108"  # over the size cap
UNREADABLE = "H109"  # the OS refused to read it (permissions, a directory loop …)
BAD_FIELD = "H110"  # a metadata field with an unusable value (a date that is not a date …)
NO_ARTICLE_TEXT = "H111"  # an HTML page in which no article text was found (a menu, a login wall …)
FETCH_FAILED = "H112"  # a URL that could not be fetched: timeout, refused connection, bad address
HTTP_STATUS = "H113"  # a URL that answered with an error status (404, 500 …)
BAD_JSONL_LINE = "H114"  # a JSONL line that is not a JSON object with a 'text' or 'html' field
BAD_WARC = "H115"  # a WARC record that is truncated or malformed
BAD_FEED = "H116"  # an RSS/Atom feed that cannot be parsed or lists no entries
UNSUPPORTED = "H117"  # content of a type headcount does not read (a PDF, an image …)
READER_FAILED = "H118"  # a bug: a reader raised on an input instead of rejecting it
EXTRACTOR_FAILED = "H201"  # a bug: the extractor raised on a readable article
DB_UNAVAILABLE = "H301"  # the ledger's database cannot be opened or reached
DB_MIGRATION = "H302"  # the ledger's schema could not be brought up to date
DB_WRITE = "H303"  # an article and its claims could not be written (nothing of it was kept)
NOT_IN_LEDGER = "H304"  # a claim or article id that the ledger does not hold
BAD_QUERY = "H305"  # a filter or search the ledger cannot run
BAD_DATA_FILE = "H401"  # a vocabulary file in headcount/data is malformed
BAD_GOLD = "H402"  # a gold file line that cannot be used
BAD_SETTING = "H403"  # an environment setting (HEADCOUNT_*) with an unusable value
