"""Every user-facing error in one place, with stable reason codes.

Per-document problems never raise out of a batch: they become a reason code (the keys of
``REASONS``) and a message saying what failed and what to do. Problems that stop a whole command
(a store that cannot be opened, a path that does not exist) are ``EventwireError`` subclasses,
turned into CLI output only at the edge (``cli.py``).
"""

from __future__ import annotations

# Reason codes recorded for documents that could not be processed, with what to do about each.
REASONS: dict[str, str] = {
    "empty": "the input holds no text; nothing to do unless the file should have content",
    "binary": "the input is binary data, not text, HTML, a feed or a WARC archive",
    "undecodable": "the bytes are not text in any encoding eventwire recognises; "
    "convert the file to UTF-8",
    "too_large": "the input is over the size limit per document; split it, or raise --max-bytes",
    "truncated": "the file ends in the middle of a record (a cut download or copy); "
    "the records before the cut were kept, fetch the file again for the rest",
    "malformed": "the input is not valid for its format",
    "not_a_feed": "the file was named or declared as a feed but holds no RSS or Atom entries",
    "no_content": "no article text could be extracted from the page",
    "unreadable": "the file could not be read (permissions, a directory, a broken link)",
    "not_html": "not a failure: records that are not HTML pages (images, scripts) were skipped",
    "repaired": "not a failure: the document was kept, but characters that are not valid text "
    "(invalid UTF-8 bytes, lone surrogate escapes) were replaced with U+FFFD",
    "bad_date": "not a failure: the document was kept without the date its input gave, which "
    "could not be read; give dates as YYYY-MM-DD (ISO 8601) or as in e-mail headers (RFC 2822)",
    "not_english": "not a failure: the document is in another language; it was stored with "
    "its language but not coded, since the coding rules read English",
    "internal": "eventwire failed on this input; please report it with the input attached",
    "time_limit": "coding the document took longer than the time limit per document; "
    "raise --time-limit, or split the document",
}

# Reasons that are notes, not failures: they are recorded but do not make a run fail.
NOTICES = frozenset({"not_html", "repaired", "bad_date", "not_english"})


def reason_hint(reason: str) -> str:
    return REASONS.get(reason, "")


class TimeLimitExceeded(Exception):
    """Coding one document ran past its deadline (a per-document error, ``time_limit``)."""


class EventwireError(Exception):
    """An error that stops a command; the message says what failed and what to do."""

    exit_code = 3


class UsageError(EventwireError):
    """The command was called wrongly (an unknown kind, a missing path)."""

    exit_code = 2


class StoreError(EventwireError):
    """The database could not be opened, migrated or written."""

    exit_code = 3


class NotFoundError(EventwireError):
    """A requested record does not exist in the store."""

    exit_code = 4
