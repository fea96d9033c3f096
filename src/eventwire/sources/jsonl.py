"""JSON Lines input: one document object per line (DESIGN.md, "Input: JSON Lines")."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from eventwire.model import RawDocument, SourceError, SourceRef

FIELDS = ("text", "html", "id", "url", "outlet", "date", "title")


def parse_line(line: str, source: SourceRef) -> RawDocument | SourceError:
    """One JSONL line to a RawDocument, or an error naming what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return SourceError(source, "malformed", f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return SourceError(source, "malformed", "a line must hold a JSON object")
    has_text, has_html = obj.get("text") is not None, obj.get("html") is not None
    if has_text == has_html:
        return SourceError(source, "malformed", "an object needs exactly one of 'text' and 'html'")
    bad = [k for k in FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)]
    if bad:
        return SourceError(source, "malformed", f"fields must be strings: {', '.join(bad)}")
    return RawDocument(
        source=source,
        text=obj.get("text"),
        html=obj.get("html"),
        id=obj.get("id"),
        url=obj.get("url"),
        outlet=obj.get("outlet"),
        date=obj.get("date"),
        title=obj.get("title"),
    )


def iter_jsonl(
    lines: Iterable[bytes], path: str, max_bytes: int
) -> Iterator[RawDocument | SourceError]:
    """Documents from a stream of JSONL lines (bytes), one error per bad line."""
    for number, raw in enumerate(lines, start=1):
        source = SourceRef(path, f"line{number}", "jsonl")
        if len(raw) > max_bytes:
            yield SourceError(source, "too_large", f"line is {len(raw):,} bytes, over the limit")
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield SourceError(source, "undecodable", "JSON Lines must be UTF-8")
            continue
        yield parse_line(line, source)
