"""Plain text files, with an optional front-matter block of metadata."""

from __future__ import annotations

import re

from eventwire.model import RawDocument, SourceRef

FRONT_MATTER_KEYS = ("url", "outlet", "date", "title", "id")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_KEY_VALUE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``---`` block of ``key: value`` lines from the text.

    Returns the known keys and the text after the block. A block that does not close, or whose
    lines are not ``key: value``, is not front matter: the text is returned whole.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        if not line.strip():
            continue
        kv = _KEY_VALUE.match(line)
        if not kv:
            return {}, text
        key, value = kv.group(1).lower(), kv.group(2).strip("\"'")
        if key in FRONT_MATTER_KEYS and value:
            meta[key] = value
    return meta, text[match.end() :]


def text_document(text: str, source: SourceRef, encoding: str | None = None) -> RawDocument:
    meta, body = split_front_matter(text)
    return RawDocument(
        source=source,
        text=body,
        id=meta.get("id"),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        date=meta.get("date"),
        title=meta.get("title"),
        encoding=encoding,
    )
