"""WARC archives (plain or gzipped): HTML response records, read as a stream."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.model import RawDocument, SourceError, SourceRef
from eventwire.sources.decode import DecodeProblem, decode_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def iter_warc(stream: BinaryIO, path: str, max_bytes: int) -> Iterator[RawDocument | SourceError]:
    """Documents from the HTML responses of a WARC stream, one record at a time.

    Records that are not HTML responses (requests, metadata, images) are skipped and counted in
    one ``not_html`` note. A cut archive keeps the records before the cut and reports the rest as
    ``truncated``.
    """
    number = 0
    skipped = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            if record.rec_type not in ("response", "resource"):
                continue
            ctype = _content_type(record)
            if not any(t in ctype for t in HTML_TYPES):
                skipped += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            source = SourceRef(path, f"record{number}", "warc")
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield SourceError(source, "too_large", f"record body over {max_bytes:,} bytes")
                continue
            try:
                html, encoding = decode_bytes(body, html=True)
            except DecodeProblem as exc:
                yield SourceError(source, exc.reason, exc.message)
                continue
            yield RawDocument(
                source=source,
                html=html,
                url=uri,
                date=record.rec_headers.get_header("WARC-Date"),
                encoding=encoding,
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        reason = "malformed" if number == 0 else "truncated"
        if "truncat" in str(exc).lower() or isinstance(exc, EOFError):
            reason = "truncated"
        where = f"after record {number}" if number else "at the start"
        yield SourceError(
            SourceRef(path, f"record{number + 1}", "warc"),
            reason,
            f"the archive cannot be read {where}: {exc}",
        )
    if skipped:
        yield SourceError(
            SourceRef(path, "", "warc"), "not_html", f"{skipped} non-HTML response record(s)"
        )
