"""Small builders for test inputs written on the fly (pages, WARC archives, feeds)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = (
    "Kenyan police fire tear gas at Nairobi protesters\n\n"
    "NAIROBI (Wire) - Kenyan police fired tear gas at hundreds of protesters marching on "
    "parliament on Tuesday, witnesses said.\n\n"
    "The interior ministry said 40 people had been arrested and accused opposition leaders "
    "of organising the march. The opposition denied the charge.\n\n"
    "Rights groups called on the government to release those detained."
)


def page(title: str, paragraphs: list[str], site: str = "Example Wire") -> str:
    """A whole news page around an article, with navigation and footer furniture."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        '<meta property="article:published_time" content="2025-03-14T09:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example Wire. All rights reserved.</footer></body></html>"
    )


PARAGRAPHS = [
    "The defence ministry said on Tuesday that 3,000 troops had been sent to the northern "
    "border region after a week of clashes with armed groups.",
    "Neighbouring governments condemned the deployment as provocative, and the opposition "
    "accused the president of using it to delay the local elections due in May.",
    "The ministry denied any plan to cross the border, saying the move was defensive.",
]


def warc_bytes(pages: list[tuple[str, str]], extra_image: bool = True, gzip: bool = True) -> bytes:
    """A WARC (gzipped unless ``gzip`` is false) with one HTML response per (url, html), plus
    an image response."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for url, html in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(html.encode("utf-8")),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-03-15T08:00:00Z"},
        )
        writer.write_record(record)
    if extra_image:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://example.test/logo.png",
            "response",
            payload=io.BytesIO(b"\x89PNG\r\n\x1a\n0000"),
            http_headers=headers,
        )
        writer.write_record(record)
    return buf.getvalue()


def warc_record_without_uri(rec_type: str, html: str, gzip: bool = True) -> bytes:
    """A WARC of three HTML responses whose middle record (of ``rec_type``: ``response``,
    ``request`` or ``revisit``) has no WARC-Target-URI header."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    pages = three_pages()
    for i, (url, page_html) in enumerate(pages):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        if i == 1 and rec_type == "request":
            headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")])
        record = writer.create_warc_record(
            url,
            rec_type if i == 1 else "response",
            payload=io.BytesIO((html if i == 1 else page_html).encode("utf-8")),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-03-15T08:00:00Z"},
        )
        if i == 1:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return buf.getvalue()


def three_pages() -> list[tuple[str, str]]:
    return [
        (
            f"https://example.test/story/{i}",
            page(
                f"Story number {i} on the border crisis",
                [f"Paragraph {i}. " + p for p in PARAGRAPHS],
            ),
        )
        for i in range(3)
    ]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire World</title><link>https://example.test/</link>
<item><title>Mali junta extends transition by three years</title>
<link>https://example.test/mali</link><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>BAMAKO (Wire) - Mali's military government extended the
transition by three years on Tuesday, state television said.</p><p>Opposition parties
rejected the decision and called for protests.</p>]]></content:encoded></item>
<item><title>Chad closes border with Sudan</title><link>https://example.test/chad</link>
<pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate>
<description>Chad closed its eastern border with Sudan on Wednesday, the government said,
citing fighting near the frontier.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency Politics</title>
<entry><title>Serbia recalls ambassador</title><link href="https://example.test/serbia"/>
<id>tag:example.test,2025:1</id><updated>2025-02-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Serbia recalled its ambassador on Saturday, the foreign
ministry said.&lt;/p&gt;&lt;p&gt;The ministry accused its neighbour of
interference.&lt;/p&gt;</content>
</entry></feed>"""


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
