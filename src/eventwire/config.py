"""One typed options object, validated when it is made and never changed per document."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

from eventwire.errors import UsageError

KINDS = ("text", "html", "warc", "feed", "jsonl")
DEFAULT_DB = "eventwire.duckdb"
# Largest single document (a text or HTML file, a WARC record, a JSONL line, a feed file).
# News articles are kilobytes; 10 MB leaves room for bloated pages while refusing dumps that
# would stall the parser.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Documents per store transaction: large enough to amortise the commit, small enough that a
# crash loses little work.
DEFAULT_BATCH_SIZE = 200
# Seconds coding one document may take before it is given up with the ``time_limit`` error:
# a news article codes in well under a second; a 1 MB text in about half a minute.
DEFAULT_TIME_LIMIT = 60.0


@dataclass(frozen=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE
    kind: str | None = None  # force an input kind instead of detecting it
    events: bool = True  # code events while ingesting (False: clean and store only)
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds of coding per document

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in KINDS:
            raise UsageError(f"unknown input kind {self.kind!r}; use one of: {', '.join(KINDS)}")
        if self.max_bytes < 1:
            raise UsageError(f"--max-bytes must be positive, got {self.max_bytes}")
        if not self.time_limit > 0:
            raise UsageError(
                f"--time-limit must be a positive number of seconds, got {self.time_limit}"
            )
        if self.batch_size < 1:
            raise UsageError(f"--batch-size must be positive, got {self.batch_size}")


def checked_date(value: str | None, name: str) -> str | None:
    """``value`` unchanged if it is a calendar date written YYYY-MM-DD (or not given); otherwise
    a UsageError naming ``name`` (the option or argument) and the value."""
    if not value:
        return value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            date.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise UsageError(f"{name} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-03-14")


def default_db_path() -> str:
    """The store path: ``EVENTWIRE_DB`` if set, else ``./eventwire.duckdb``."""
    return os.environ.get("EVENTWIRE_DB") or DEFAULT_DB
