"""Which kind of input a file holds: by its content first, its name second."""

from __future__ import annotations

import re

from eventwire.sources.decode import bom_encoding, utf16_order

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".feed": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_HTML_TAG = re.compile(r"<(html|head|body|div|p|article|section|h1|meta|title)\b", re.I)
_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)\b", re.I)

GZIP_MAGIC = b"\x1f\x8b"


def is_input_name(name: str) -> bool:
    """Whether a file met while walking a folder is an input: a known kind or no extension."""
    base = name.rsplit("/", 1)[-1].lower().removesuffix(".gz")
    return kind_from_name(base) is not None or "." not in base


def kind_from_name(name: str) -> str | None:
    """The kind an input's file name claims (``.warc.gz`` is a WARC; ``x.txt.gz`` a text)."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    for ext, kind in _EXTENSIONS.items():
        if lower.endswith(ext):
            return kind
    return None


def _head_text(head: bytes) -> str:
    encoding = bom_encoding(head) or utf16_order(head[:200]) or "utf-8"
    return head.decode(encoding, "ignore")


def kind_from_content(head: bytes) -> str | None:
    """The kind the first bytes show, or None when they could be anything (plain text)."""
    if head.startswith(b"WARC/"):
        return "warc"
    text = _head_text(head).lstrip("\ufeff \t\r\n")
    lower = text[:2048].lower()
    if lower.startswith("<?xml") or _FEED_ROOT.match(lower):
        if _FEED_ROOT.search(lower):
            return "feed"
        return "html" if "<html" in lower else "xml"
    if lower.startswith("<!doctype html") or lower.startswith("<html"):
        return "html"
    if lower.startswith("{"):
        return "jsonl"
    if lower.startswith("<") and _HTML_TAG.search(lower):
        return "html"
    return None


def detect_kind(name: str, head: bytes) -> str:
    """Content decides; the name breaks ties. Plain text is what is left."""
    by_content = kind_from_content(head)
    if by_content == "xml":
        return kind_from_name(name) or "feed"
    by_name = kind_from_name(name)
    if by_content is None and by_name == "html":
        return "text"  # named .html but no markup in it: the name lies
    return by_content or by_name or "text"
