"""JSON Lines input: one document object per line (DESIGN.md, "Input: JSON Lines")."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from eventwire.model import RawDocument, SourceError, SourceRef

FIELDS = ("text", "html", "id", "url", "outlet", "date", "title")
# A JSON escape of half a surrogate pair (\ud800 alone) decodes to a code point no text can
# hold: the parser and the store refuse it, so it is replaced with U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    fields = {k: obj.get(k) for k in FIELDS}
    notes = []
    if "\\u" in line:  # lone surrogates can only come from escapes
        repaired = [k for k, v in fields.items() if v and _SURROGATE.search(v)]
        for k in repaired:
            fields[k] = _SURROGATE.sub("\ufffd", fields[k])
        if repaired:
            notes.append(
                (
                    "repaired",
                    f"lone surrogate escapes (\\ud800-\\udfff) in {', '.join(repaired)} "
                    "replaced with U+FFFD",
                )
            )
    return RawDocument(source=source, notes=notes, **fields)


def iter_jsonl(
    lines: Iterable[tuple[int, bytes, int]], path: str, max_bytes: int
) -> Iterator[RawDocument | SourceError]:
    """Documents from the (number, line, length) of a file's non-blank JSONL lines, one error
    per bad line; a line over ``max_bytes`` may be cut short, ``length`` being its whole size."""
    for number, raw, length in lines:
        source = SourceRef(path, f"line{number}", "jsonl")
        if length > max_bytes:
            yield SourceError(
                source, "too_large", f"line is {length:,} bytes, over the limit of {max_bytes:,}"
            )
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield SourceError(source, "undecodable", "JSON Lines must be UTF-8")
            continue
        yield parse_line(line, source)
