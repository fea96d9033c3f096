"""Dates: normalising the dates that metadata gives (front matter, HTML, feeds, WARC)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
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


# --- Date expressions in text ------------------------------------------------------------------

DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "several": None,
}  # fmt: skip

_M = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (k, re.compile(p, re.IGNORECASE if k.startswith("rel") else 0))
    for k, p in [
        ("iso", r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
        ("dmy", rf"\b{_D}\s+(?:of\s+)?{_M},?\s+{_Y}\b"),
        ("mdy", rf"\b{_M}\s+{_D},?\s+{_Y}\b"),
        ("my", rf"\b(?:(?:early|mid|late|mid-)\s*)?{_M}\s+(?:of\s+)?{_Y}\b"),
        ("dm", rf"\b{_D}\s+(?:of\s+)?{_M}\b(?!\s*,?\s*\d)"),
        ("md", rf"\b{_M}\s+{_D}\b(?!\s*,?\s*\d)"),
        ("wd", rf"\b(?:(?P<which>last|this|next|on|late|early)\s+)?{_WD}"
               r"(?:\s+(?:night|morning|afternoon|evening))?\b"),
        ("rel_ago", rf"\b{_NUM}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b"),
        ("rel_word", r"\b(?P<word>yesterday|today|tonight|this (?:morning|afternoon|evening)"
                     r"|last night|(?:over|at|during) the weekend|(?:last|this|next) weekend"
                     r"|(?:last|this|next|earlier this|later this|past) (?:week|month|year)"
                     r"|the (?:previous|following) (?:day|week|month|year)|overnight)\b"),
        ("m", rf"\b(?P<pre>in|since|last|early|late|mid|mid-|by|until)\s+{_M}(?!\s+\d)\b"),
        ("y", rf"\b(?P<pre>in|since|during|of|by|until)\s+{_Y}\b"),
    ]
]  # fmt: skip


@dataclass
class DateRef:
    """A date expression in a text, resolved when a reference date allows it."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str
    explicit: bool  # a calendar date that needs no reference date

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "precision": self.precision, "text": self.text}


def find_dates(text: str, ref: str | None, future: bool = False) -> list[DateRef]:
    """Date expressions in ``text``, resolved against the document date ``ref`` (ISO).

    Relative expressions ("on Thursday", "last week", "earlier this month") count back from the
    reference date, or forward when ``future`` is set ("will meet on Thursday"); without a
    reference date they keep their text and no value.
    """
    scans = _scans(text)
    if not scans:
        return []  # most sentences
    base = date.fromisoformat(ref) if ref else None
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in scans:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved = _resolve(kind, m, base, future)
            if resolved is None:
                continue
            value, precision, explicit = resolved
            found.append(DateRef(m.group(0), m.start(), m.end(), value, precision, explicit))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


# Words without which a pattern cannot match (in the text's case, or in lower case for the
# patterns that ignore case): most sentences name no month, so most of the scans are spared.
_MONTH_KINDS = frozenset({"dmy", "mdy", "my", "dm", "md", "m"})
_MONTH_CLUE = re.compile("|".join(sorted({name[:3].title() for name in MONTHS})))
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "wd": ("day",),
    "rel_ago": ("ago",),
    "rel_word": ("day", "night", "this", "week", "month", "year"),
    "y": ("19", "20"),
}


def _scans(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that may match the text: those whose needed words it holds."""
    low = text.lower()
    month = _MONTH_CLUE.search(text) is not None
    return [
        (kind, pattern)
        for kind, pattern in _PATTERNS
        if (
            month
            if kind in _MONTH_KINDS
            else any(c in (low if kind.startswith("rel") else text) for c in _NEEDS[kind])
        )
    ]


def _month(name: str) -> int:
    word = name.lower().rstrip(".")
    return MONTHS.get(word) or MONTHS[word[:3]]


def _resolve(
    kind: str, m: re.Match[str], base: date | None, future: bool
) -> tuple[str | None, str, bool] | None:
    g = m.groupdict()
    try:
        if kind == "iso":
            return date(int(g["year"]), int(g["mon"]), int(g["day"])).isoformat(), DAY, True
        if kind in ("dmy", "mdy"):
            return date(int(g["year"]), _month(g["month"]), int(g["day"])).isoformat(), DAY, True
        if kind == "my":
            return date(int(g["year"]), _month(g["month"]), 1).isoformat(), MONTH, True
        if kind == "y":
            return date(int(g["year"]), 1, 1).isoformat(), YEAR, True
    except (ValueError, KeyError):
        return None
    if kind in ("dm", "md"):
        if g["month"].lower() == "may" and kind == "md" and not g["day"]:
            return None
        day, month = int(g["day"]), _month(g["month"])
        if not 1 <= day <= 31:
            return None
        if base is None:
            return None, DAY, False
        return _nearest_day(base, month, day, future), DAY, False
    if kind == "m":
        if g["month"].lower() == "may" and g["pre"].lower() not in ("in", "since", "last"):
            return None  # the verb "may"
        month = _month(g["month"])
        if base is None:
            return None, MONTH, False
        year = base.year
        if (
            (month > base.month and not future)
            or g["pre"].lower() == "last"
            and month >= base.month
        ):
            year -= 1
        elif future and month < base.month:
            year += 1
        return date(year, month, 1).isoformat(), MONTH, False
    if base is None:
        precision = WEEK if "week" in m.group(0).lower() else DAY
        return None, precision, False
    if kind == "wd":
        which = (g["which"] or "").lower()
        target = WEEKDAYS[g["weekday"].lower()]
        if which == "next" or (future and which != "last"):
            delta = (target - base.weekday()) % 7 or 7
            return (base + timedelta(days=delta)).isoformat(), DAY, False
        delta = (base.weekday() - target) % 7
        if which == "last" and delta == 0:
            delta = 7
        return (base - timedelta(days=delta)).isoformat(), DAY, False
    if kind == "rel_ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else NUMBER_WORDS.get(n) or 1
        unit = g["unit"].lower().rstrip("s")
        if unit == "day":
            return (base - timedelta(days=count)).isoformat(), DAY, False
        if unit == "week":
            return _monday(base - timedelta(weeks=count)).isoformat(), WEEK, False
        if unit == "month":
            y, mth = divmod(base.year * 12 + base.month - 1 - count, 12)
            return date(y, mth + 1, 1).isoformat(), MONTH, False
        return date(base.year - count, 1, 1).isoformat(), YEAR, False
    word = " ".join(g["word"].lower().split())
    if word in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return base.isoformat(), DAY, False
    if word in ("yesterday", "last night", "overnight", "the previous day"):
        return (base - timedelta(days=1)).isoformat(), DAY, False
    if word == "the following day":
        return (base + timedelta(days=1)).isoformat(), DAY, False
    if word.endswith("weekend"):
        if word.startswith("next") or (future and not word.startswith("last")):
            delta = (5 - base.weekday()) % 7 or 7
            return (base + timedelta(days=delta)).isoformat(), DAY, False
        delta = (base.weekday() - 5) % 7  # back to the last Saturday (today, if Saturday)
        if base.weekday() == 6:
            delta = 1
        return (base - timedelta(days=delta)).isoformat(), DAY, False
    period = word.split()[-1]
    offset = 0
    if word.startswith(("last", "past", "the previous")):
        offset = -1
    elif word.startswith(("next", "the following")):
        offset = 1
    if period == "week":
        return _monday(base + timedelta(weeks=offset)).isoformat(), WEEK, False
    if period == "month":
        y, mth = divmod(base.year * 12 + base.month - 1 + offset, 12)
        return date(y, mth + 1, 1).isoformat(), MONTH, False
    return date(base.year + offset, 1, 1).isoformat(), YEAR, False


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _nearest_day(base: date, month: int, day: int, future: bool) -> str | None:
    """The date of "March 3" nearest the reference date: on or before it for reports of the
    past, on or after it for announcements of the future."""
    for year in (base.year, base.year + 1) if future else (base.year, base.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if (d >= base) if future else (d <= base):
            return d.isoformat()
    return None
