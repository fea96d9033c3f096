"""RSS and Atom feed files: one document per entry."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from eventwire.model import RawDocument, SourceError, SourceRef

# A numeric character reference (the ';' may be missing, as feedparser allows).
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+))")


def _named_characters(data: bytes) -> tuple[bytes, int]:
    """``data`` with each character reference that names no character (NUL, half a surrogate
    pair, past U+10FFFF) made a reference to U+FFFD, as HTML reads them; and how many there
    were. feedparser raises on them (UnicodeEncodeError, ValueError, OverflowError)."""
    count = 0

    def fix(match: re.Match[bytes]) -> bytes:
        nonlocal count
        hexadecimal, decimal = match.groups()
        digits = (hexadecimal or decimal).lstrip(b"0") or b"0"
        value = int(digits, 16 if hexadecimal else 10) if len(digits) <= 8 else -1
        if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
            return match.group(0)
        count += 1
        # the replacement keeps the reference's base: a decimal one may be followed by letters
        return b"&#xFFFD" if hexadecimal else b"&#65533"

    if b"&#" not in data:
        return data, 0
    return _CHAR_REF.sub(fix, data), count


def _entry_date(entry: Any) -> str | None:
    """The entry's date as an ISO timestamp; a date feedparser cannot read is kept as written
    (so that processing can try it, and say so when it cannot read it either). The keys are read
    as stored: feedparser's own lookup maps a missing ``updated`` to ``published``, with a
    deprecation warning."""
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()
    for key in ("published", "updated", "created"):
        written = dict.get(entry, key)
        if isinstance(written, str) and written.strip():
            return written
    return None


def _entry_body(entry: Any) -> tuple[str | None, bool]:
    """The entry's fullest content, and whether it is HTML."""
    best, best_html = None, False
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(best or ""):
            best, best_html = value, "html" in (content.get("type") or "html")
    summary = entry.get("summary") or ""
    if len(summary) > len(best or ""):
        detail = entry.get("summary_detail") or {}
        best, best_html = summary, "html" in (detail.get("type") or "html")
    return best, best_html


def iter_feed(data: bytes, path: str) -> Iterator[RawDocument | SourceError]:
    """Documents from the bytes of a feed file; a file that is not a feed is one error."""
    data, replaced = _named_characters(data)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        detail = ""
        if parsed.get("bozo"):
            detail = f" ({parsed.get('bozo_exception')})"
        reason = "not_a_feed" if not parsed.get("version") else "empty"
        message = "no RSS or Atom entries found" + detail
        if parsed.get("version"):
            message = f"the {parsed.version} feed has no entries"
        yield SourceError(SourceRef(path, "", "feed"), reason, message)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        source = SourceRef(path, f"entry{number}", "feed")
        body, is_html = _entry_body(entry)
        if not body or not body.strip():
            yield SourceError(source, "empty", "the feed entry has no content or summary")
            continue
        title = entry.get("title") or None
        notes = []
        if replaced and "\ufffd" in f"{body}{title}":
            notes.append(("repaired", "character references to no character replaced with U+FFFD"))
        yield RawDocument(
            source=source,
            text=None if is_html else body,
            html=body if is_html else None,
            html_fragment=is_html,
            id=entry.get("id") or None,
            url=entry.get("link") or None,
            outlet=outlet,
            date=_entry_date(entry),
            title=title,
            notes=notes,
        )
