"""Fuzz the readers: any bytes, under any file name or forced kind, through ``eventwire.read``
and extraction and cleaning (``process_batch(..., code=False)``). Every input must give at least
one document or error, every error a documented reason, and every document a result whose
offsets round-trip.

    python fuzz/fuzz_readers.py --seconds 60
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import harness

with harness.instrumented():
    from eventwire import Settings, read
    from eventwire.model import RawDocument
    from eventwire.pipeline import process_batch

from builders import ATOM, RSS, page, three_pages, warc_bytes  # noqa: E402
from hostile_inputs import FILE_NAMES, GOOD_SENTENCES  # noqa: E402
from invariants import check_read_item, check_result  # noqa: E402

KINDS = [None, None, "text", "html", "warc", "feed", "jsonl"]
FOLDER = Path(
    tempfile.mkdtemp(
        prefix="eventwire-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None
    )
)


def split(data: bytes) -> tuple[str, str | None, bytes]:
    """The file name, the forced kind and the content an input stands for."""
    if not data:
        return FILE_NAMES[0], None, b""
    choice = data[0]
    return (
        FILE_NAMES[choice % len(FILE_NAMES)],
        KINDS[choice // len(FILE_NAMES) % len(KINDS)],
        data[1:],
    )


def target(data: bytes) -> None:
    name, kind, content = split(data)
    path = FOLDER / name
    path.write_bytes(content)
    items = list(read([str(path)], Settings(kind=kind, max_bytes=1_000_000)))
    assert items, "an input gave neither a document nor an error"
    for item in items:
        check_read_item(item)
    for result in process_batch([i for i in items if isinstance(i, RawDocument)], code=False):
        check_result(result)


def seeds() -> list[bytes]:
    def named(name: str, content: bytes) -> bytes:
        return bytes([FILE_NAMES.index(name)]) + content

    found = [
        named("doc.rss", RSS.encode()),
        named("doc.atom", ATOM.encode()),
        named("doc.warc.gz", warc_bytes(three_pages()[:1], extra_image=False)),
        named("doc.warc", warc_bytes(three_pages()[:2], gzip=False)),
        named("doc.html", page("Talks resume", GOOD_SENTENCES).encode()),
        named("doc.txt", "\n\n".join(GOOD_SENTENCES).encode()),
        named(
            "doc.jsonl",
            b'{"id": "1", "text": "Police arrested 12 protesters."}\n{"html": "<p>x</p>"}\n',
        ),
        named("doc", b"---\ntitle: Talks\ndate: 2025-03-14\n---\nTalks resumed on Monday."),
    ]
    for path in sorted((harness.ROOT / "examples").rglob("*")):
        if path.is_file() and path.suffix not in (".py", ".md") and path.stat().st_size < 64_000:
            base = path.name if path.name.endswith(".warc.gz") else "doc" + path.suffix
            if base in FILE_NAMES:
                found.append(named(base, path.read_bytes()))
    return found


def warm_up() -> None:
    target(seeds()[0])


if __name__ == "__main__":
    harness.run("readers", target, seeds(), warm_up)
