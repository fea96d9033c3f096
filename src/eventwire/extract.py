"""HTML to article text and page metadata (trafilatura for pages, lxml for fragments)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura

# trafilatura logs every page it cannot extract at WARNING; eventwire reports those itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_BREAK = "\u2029"  # marks block boundaries; source line breaks inside a block are spaces
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
# Meta tags that carry a page's publication date (property, name or itemprop).
_DATE_METAS = {
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
}
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
# How far into a page its meta tags are looked for.
HEAD_CHARS = 100_000


@dataclass
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    description: str | None = None


def extract_page(html: str, url: str | None = None) -> Extracted | None:
    """Main text and metadata of a whole page; None when no article text is found."""
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None or not (doc.text or "").strip():
        return None
    return Extracted(
        text=doc.text,
        title=doc.title or None,
        date=doc.date or None,
        sitename=doc.sitename or None,
        url=doc.url or None,
        description=doc.description or None,
    )


def declared_date(html: str) -> str | None:
    """The publication date a page's meta tags declare, as written (not parsed), or None."""
    for tag in _META_TAG.findall(html, 0, HEAD_CHARS):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTRIBUTE.findall(tag)}
        names = {attrs.get(a, "").lower() for a in ("property", "name", "itemprop")}
        value = attrs.get("content", "").strip()
        if value and names & _DATE_METAS:
            return value
    return None


def fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one line per block element."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in list(root.iter()):
        if el.tag in ("script", "style"):
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS and el is not root:
            el.text = _BREAK + (el.text or "")
            el.tail = _BREAK + (el.tail or "")
    blocks = (" ".join(block.split()) for block in root.text_content().split(_BREAK))
    return "\n".join(block for block in blocks if block)
