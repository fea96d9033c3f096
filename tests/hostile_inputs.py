"""Hypothesis strategies for hostile input: unicode of every kind, bytes in and out of every
encoding, tag soup and deep nesting, broken gzip, WARC, feeds and JSON Lines.

Kept small (short texts, few parts) so that a few hundred examples run in seconds.
"""

from __future__ import annotations

import gzip
import io
import json
import uuid

from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GOOD_SENTENCES = [
    "Police arrested 12 protesters in Nairobi on Monday, officials said.",
    "Russian forces shelled Kharkiv, killing 3 civilians.",
    "The foreign ministry said on Tuesday that talks with Serbia would resume in May.",
    "Rebels attacked a village near Goma on Sunday, residents said.",
    "Parliament passed the budget on Wednesday after the opposition walked out.",
]

# Pieces that have broken text handling somewhere: controls, NULs, lone surrogates, bidi
# controls, right-to-left and other scripts, combining marks, odd line breaks, page debris.
FRAGMENTS = [
    *GOOD_SENTENCES,
    "\x00",
    "\x01\x02\x7f",
    "\x0b",
    "\x0c",
    "\x1c\x1d\x1e",
    "\x85",
    "\r\n",
    "\r",
    "\n\n",
    "\n \n",
    "\u2028",
    "\u2029",
    "\ud800",
    "\udfff",
    "\ud83d",
    "\u202e",
    "\u200f",
    "\u061c",
    "\u2066\u2069",
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd.",
    "\u041f\u043e\u043b\u0438\u0446\u0438\u044f",
    "\u4e2d\u6587\u65b0\u95fb\u3002",
    "e\u0301\u0301\u0301",
    "\u0300" * 12,
    "\ufeff",
    "\ufffd",
    "\uffff",
    "\U0001f600",
    "\U0010ffff",
    "\u00a0",
    "\u200b",
    "\u3000",
    "\t",
    " ",
    "Advertisement",
    "ad-slot",
    "Read more: Police fire tear gas",
    "Photo: Reuters",
    "Share",
    "Subscribe to our newsletter",
    "...",
    "\u2026",
    '"',
    "\u201c",
    "\u201d",
    "'s",
    "<p>",
    "</div>",
    "&#0;",
    "&#xD800;",
    "&amp;",
    "{",
    "---",
    "url: x",
    "date: 2025-13-45",
    "NAIROBI (Wire) - ",
    "12,000,000,000,000,000,000",
    "-1",
]

any_char = st.characters(exclude_categories=())  # every code point, lone surrogates included


def hostile_text(max_parts: int = 20) -> st.SearchStrategy[str]:
    part = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(any_char, max_size=12),
        st.sampled_from([" ", "\n", ". "]),
    )
    return st.lists(part, max_size=max_parts).map("".join)


def clean_text(max_parts: int = 20) -> st.SearchStrategy[str]:
    """Hostile text without lone surrogates: what a decoder can give."""
    return hostile_text(max_parts).map(lambda s: s.encode("utf-8", "replace").decode("utf-8"))


def lines_text() -> st.SearchStrategy[str]:
    """Page-like text: lines of debris, headlines, labels and sentences, with blank lines."""
    line = st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(GOOD_SENTENCES),
        st.text(any_char, max_size=30),
        st.just(""),
    )
    return st.lists(line, max_size=25).map("\n".join)


def enormous_line() -> st.SearchStrategy[str]:
    """One line of 100,000 to 1,000,000 characters: a repeated unit with no break in it."""
    unit = st.sampled_from(["a", "word ", "\u0645", "e\u0301", "\x00", ". ", "\u00a0", "<"])
    return st.tuples(unit, st.integers(100_000, 1_000_000)).map(
        lambda pair: pair[0] * (pair[1] // len(pair[0]))
    )


ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
]


@st.composite
def encoded(draw, text: st.SearchStrategy[str] | None = None) -> bytes:
    """A text in some encoding (characters it cannot hold replaced or passed through)."""
    value = draw(text if text is not None else hostile_text())
    encoding = draw(st.sampled_from(ENCODINGS))
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    return value.encode(encoding, errors)


def nested_html(max_depth: int = 3000) -> st.SearchStrategy[str]:
    """Deeply nested markup around some text: open tags closed, left open, or mismatched."""

    @st.composite
    def build(draw) -> str:
        tag = draw(st.sampled_from(["div", "p", "span", "b", "table", "li", "article", "x"]))
        depth = draw(st.integers(1, max_depth))
        closing = draw(st.sampled_from(["closed", "open", "mismatched"]))
        inner = draw(st.sampled_from(GOOD_SENTENCES)) * draw(st.integers(1, 4))
        head = "<html><head><title>Talks resume</title></head><body>"
        body = f"<{tag}>" * depth + inner
        if closing == "closed":
            body += f"</{tag}>" * depth
        elif closing == "mismatched":
            body += "</i>" * depth
        return head + body + ("</body></html>" if draw(st.booleans()) else "")

    return build()


@st.composite
def tag_soup(draw) -> str:
    """Markup pieces, entities, comments and text in any order."""
    piece = st.one_of(
        st.sampled_from(
            [
                "<html>",
                "<head>",
                "<body>",
                "<p>",
                "</p>",
                "<div class='article'>",
                "</div>",
                "<script>",
                "</script>",
                "<style>",
                "<!--",
                "-->",
                "<![CDATA[",
                "]]>",
                '<meta charset="utf-16">',
                '<meta charset="x-unknown">',
                '<meta property="article:published_time" content="2025-99-99">',
                "<title>",
                "</title>",
                "&#0;",
                "&#xFFFFFFFF;",
                "&nbsp;",
                "<br/>",
                "<h1>",
                "</h1>",
                "<",
                ">",
                "<a href='javascript:'>",
            ]
        ),
        st.sampled_from(GOOD_SENTENCES),
        hostile_text(4),
    )
    return "".join(draw(st.lists(piece, max_size=30)))


def _json_value() -> st.SearchStrategy:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        hostile_text(4),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(hostile_text(2), inner, max_size=3)
        ),
        max_leaves=8,
    )


@st.composite
def jsonl_line(draw) -> str:
    """A JSON Lines line: a document object (valid or not), another JSON value, or garbage."""
    choice = draw(st.integers(0, 5))
    if choice <= 1:
        fields = {
            key: draw(st.one_of(st.none(), hostile_text(6), _json_value()))
            for key in draw(
                st.sets(st.sampled_from(["id", "url", "outlet", "date", "title", "extra"]))
            )
        }
        fields[draw(st.sampled_from(["text", "html"]))] = draw(hostile_text())
        line = json.dumps(fields, ensure_ascii=draw(st.booleans()))
    elif choice == 2:
        line = json.dumps(draw(_json_value()), ensure_ascii=draw(st.booleans()))
    elif choice == 3:
        whole = json.dumps({"text": draw(st.sampled_from(GOOD_SENTENCES))})
        line = whole[: draw(st.integers(0, len(whole)))]  # cut short
    else:
        line = draw(hostile_text(6))
    return line.replace("\n", " ").replace("\r", " ")


def jsonl_file() -> st.SearchStrategy[bytes]:
    return st.lists(jsonl_line(), min_size=1, max_size=8).map(
        lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
    )


@st.composite
def feed_file(draw) -> bytes:
    """An RSS or Atom feed with hostile entries, escaped or raw, maybe cut short."""
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        title, body = draw(hostile_text(4)), draw(st.one_of(hostile_text(), tag_soup()))
        date = draw(st.sampled_from(["Tue, 04 Mar 2025 10:00:00 GMT", "2025-02-30", "", "\x00"]))
        if draw(st.booleans()):  # escaped, as a feed should be
            title = title.replace("&", "&amp;").replace("<", "&lt;")
            body = body.replace("&", "&amp;").replace("<", "&lt;")
        if atom:
            entries.append(
                f"<entry><title>{title}</title><link href='https://x.test/{len(entries)}'/>"
                f"<updated>{date}</updated><content type='html'>{body}</content></entry>"
            )
        else:
            entries.append(
                f"<item><title>{title}</title><link>https://x.test/{len(entries)}</link>"
                f"<pubDate>{date}</pubDate><description>{body}</description></item>"
            )
    if atom:
        text = (
            "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Wire</title>{''.join(entries)}</feed>"
        )
    else:
        text = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire"
            f"</title>{''.join(entries)}</channel></rss>"
        )
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def warc_archive(pages: list[tuple[str, bytes, str]], compress: bool) -> tuple[bytes, list[int]]:
    """A WARC of (record type, payload, content type) records; and the offset at which each
    record ends."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    ends = []
    for i, (rec_type, payload, content_type) in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.test/{i}",
            rec_type,
            payload=io.BytesIO(payload),
            http_headers=headers if rec_type == "response" else None,
            warc_content_type="" if rec_type == "response" else content_type,
            warc_headers_dict={
                "WARC-Date": "2025-03-15T08:00:00Z",
                "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=i)}>",  # the same bytes every run
            },
        )
        writer.write_record(record)
        ends.append(buf.tell())
    return buf.getvalue(), ends


@st.composite
def warc_records(draw) -> list[tuple[str, bytes, str]]:
    record = st.tuples(
        st.sampled_from(["response", "response", "resource", "metadata"]),
        st.one_of(
            st.sampled_from(GOOD_SENTENCES).map(
                lambda s: f"<html><body><article><p>{s} {s}</p></article></body></html>".encode()
            ),
            tag_soup().map(lambda s: s.encode("utf-8", "surrogatepass")),
            encoded(),
            st.binary(max_size=64),
        ),
        st.sampled_from(
            ["text/html; charset=utf-8", "text/html; charset=utf-16", "image/png", "text/html"]
        ),
    )
    return draw(st.lists(record, min_size=1, max_size=4))


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """``data`` cut short, with bytes flipped, or with garbage appended (or left whole)."""
    how = draw(st.sampled_from(["whole", "cut", "flip", "append"]))
    if how == "cut" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if how == "flip" and data:
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(out) - 1))
            out[i] ^= draw(st.integers(1, 255))
        return bytes(out)
    if how == "append":
        return data + draw(st.binary(max_size=32))
    return data


def gzip_of(data: bytes, level: int = 6) -> bytes:
    return gzip.compress(data, compresslevel=level, mtime=0)


@st.composite
def any_input_bytes(draw) -> bytes:
    """The bytes of a file of any kind, well-formed or not, maybe gzipped and damaged."""
    data = draw(
        st.one_of(
            st.binary(max_size=256),
            encoded(),
            encoded(lines_text()),
            tag_soup().map(lambda s: s.encode("utf-8", "surrogatepass")),
            nested_html(600).map(str.encode),
            jsonl_file(),
            feed_file(),
            warc_records().flatmap(
                lambda recs: st.booleans().map(lambda z: warc_archive(recs, z)[0])
            ),
            st.sampled_from(
                [b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"WARC/1.0\r\n", b"\x1f\x8b"]
            ).flatmap(lambda magic: st.binary(max_size=64).map(lambda rest: magic + rest)),
        )
    )
    if draw(st.integers(0, 3)) == 0:
        data = gzip_of(data)
    return draw(damaged(data))


FILE_NAMES = [
    "doc",
    "doc.txt",
    "doc.html",
    "doc.warc",
    "doc.warc.gz",
    "doc.rss",
    "doc.xml",
    "doc.atom",
    "doc.jsonl",
    "doc.ndjson",
    "doc.txt.gz",
    "doc.jsonl.gz",
    "doc.gz",
]
