"""A corpus of a few hundred short news documents of every input kind, written by the team from
templates (seeded, so every run writes the same bytes), with a few bad inputs among them: the
material of the crash-safety checks (tests/test_crash.py)."""

from __future__ import annotations

import gzip
import io
import json
import random
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ACTORS = [
    "Police",
    "Russian forces",
    "The Kenyan government",
    "Rebels",
    "Israeli troops",
    "Protesters",
    "The United Nations",
    "Turkish warplanes",
    "Opposition leaders",
    "The European Union",
    "Chinese officials",
    "Militants",
]
ACTIONS = [
    "arrested {n} protesters",
    "shelled villages",
    "accused the government of fraud",
    "signed a ceasefire agreement with rebels",
    "fired tear gas at demonstrators",
    "imposed sanctions on Belarus",
    "met the foreign minister",
    "attacked a convoy",
    "denied the allegations",
    "demanded the release of {n} detainees",
    "expelled two diplomats",
    "deployed {n} troops",
]
PLACES = [
    "Nairobi",
    "Kharkiv",
    "Goma",
    "Gaza",
    "Tbilisi",
    "northern Iraq",
    "Caracas",
    "Minsk",
    "Bamako",
    "Khartoum",
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week"]
SAYERS = ["officials said", "witnesses said", "the ministry said", "state media reported"]
DEBRIS = ["Advertisement", "Read more: Talks stall again", "Share this article", "Photo: Reuters"]


def sentence(rng: random.Random) -> str:
    action = rng.choice(ACTIONS).format(n=rng.randint(2, 900))
    return (
        f"{rng.choice(ACTORS)} {action} in {rng.choice(PLACES)} {rng.choice(DAYS)}, "
        f"{rng.choice(SAYERS)}."
    )


def paragraphs(rng: random.Random, n: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(n)]


def _date(rng: random.Random) -> str:
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _page(rng: random.Random, i: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs(rng, rng.randint(2, 4)))
    title = sentence(rng).split(",")[0]
    return (
        "<!DOCTYPE html><html><head>"
        f"<title>{title} | Example Wire</title>"
        '<meta property="og:site_name" content="Example Wire">'
        f'<meta property="article:published_time" content="{_date(rng)}T09:00:00Z">'
        f'<link rel="canonical" href="https://wire.example.test/story/{i}">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example Wire.</footer></body></html>"
    )


def write_corpus(root: Path, seed: int = 7) -> int:
    """Write the corpus under ``root``; return how many documents it holds (bad inputs and
    notices aside)."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    documents = 0

    lines = []
    for i in range(120):
        item = {"id": f"j{i}", "date": _date(rng), "outlet": "Wire Service"}
        if i % 10 == 9:
            item["html"] = "".join(f"<p>{p}</p>" for p in paragraphs(rng, 2))
        else:
            item["text"] = "\n\n".join(paragraphs(rng, rng.randint(1, 3)))
        lines.append(json.dumps(item))
    lines.insert(40, '{"id": "broken", "text": "cut short')  # a malformed line
    (root / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents += 120

    texts = root / "text"
    texts.mkdir()
    for i in range(60):
        body = "\n\n".join(paragraphs(rng, rng.randint(1, 4)))
        if rng.random() < 0.3:
            body = f"{rng.choice(DEBRIS)}\n\n{body}\n\n{rng.choice(DEBRIS)}"
        if i % 2:
            body = f"---\nid: t{i}\ndate: {_date(rng)}\noutlet: Daily Example\n---\n{body}"
        (texts / f"t{i:03d}.txt").write_text(body, encoding="utf-8")
    documents += 60

    pages = root / "html"
    pages.mkdir()
    for i in range(50):
        (pages / f"p{i:03d}.html").write_text(_page(rng, i), encoding="utf-8")
    documents += 50

    items = "".join(
        f"<item><title>Story {i}</title><link>https://feed.example.test/{i}</link>"
        f"<pubDate>Tue, 04 Mar 2025 10:{i:02d}:00 GMT</pubDate>"
        f"<description>{' '.join(paragraphs(rng, 2))}</description></item>"
        for i in range(30)
    )
    (root / "world.rss").write_text(
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Example Feed</title>{items}</channel></rss>",
        encoding="utf-8",
    )
    documents += 30

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(40):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            f"https://crawl.example.test/{i}",
            "response",
            payload=io.BytesIO(_page(rng, 1000 + i).encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-03-15T08:00:00Z"},
        )
        writer.write_record(record)
    (root / "crawl.warc.gz").write_bytes(buf.getvalue())
    documents += 40

    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    cut = gzip.compress("\n\n".join(paragraphs(rng, 30)).encode())
    (bad / "cut.txt.gz").write_bytes(cut[: len(cut) // 2])
    return documents
