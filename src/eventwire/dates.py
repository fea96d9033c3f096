"""Dates: normalising the dates that metadata gives (front matter, HTML, feeds, WARC)."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: str | None) -> str | None:
    """The calendar date (``YYYY-MM-DD``) of an ISO 8601 or RFC 2822 timestamp, or None.

    Timestamps keep their own calendar day (no time-zone shift): a story dated 23:30 local time
    belongs to that day as its outlet printed it.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    match = _ISO_PREFIX.match(value)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None
