"""WARC archives (plain or gzipped): HTML response records, read as a stream."""

from __future__ import annotations

import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from eventwire.model import RawDocument, SourceError, SourceRef
from eventwire.sources.decode import DecodeProblem, decode_bytes

HTML_TYPES = ("text/html", "application/xhtml+xml")

# warcio logs the URIs it repairs (spaces in a WARC-Target-URI) as warnings; they are no
# concern of the user's.
logging.getLogger("warcio").setLevel(logging.ERROR)


class GzipStream(io.RawIOBase):
    """Decompresses a (multi-member) gzip stream and remembers why it stopped early.

    warcio treats a read error as the end of the archive; this reader hands over every byte
    that decompressed before a cut, then reports end of stream and keeps the error for the
    caller to report.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._gzip = gzip.GzipFile(fileobj=stream)
        self.error: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self.error:
            return 0
        try:
            data = self._gzip.read1(len(buffer))
        except (EOFError, OSError, zlib.error) as exc:
            self.error = exc
            return 0
        buffer[: len(data)] = data
        return len(data)


class _Loader(ArcWarcRecordLoader):
    """warcio's record loader, for records that lack a WARC-Target-URI.

    warcio decides whether a response, request or revisit record holds HTTP headers by its
    target URI's scheme, and fails with AttributeError (stopping the whole archive) when the
    URI is missing. Such a record is read as the HTTP capture its type says it is, and its page
    becomes a document without a URL.
    """

    def load_http_headers(self, rec_type, uri, stream, length):  # type: ignore[no-untyped-def]
        return super().load_http_headers(rec_type, "http:" if uri is None else uri, stream, length)

    # warcio takes the end of the data while it reads a record as the end of the archive: an
    # archive cut inside a record's headers (or before its HTTP headers) ended there with no
    # word of the cut. The end of the data after a record's first line is a cut record.
    _started = False

    def parse_record_stream(self, stream, *args, **kwargs):  # type: ignore[no-untyped-def]
        self._started = False
        try:
            return super().parse_record_stream(stream, *args, **kwargs)
        except EOFError as exc:
            if self._started:
                raise ArchiveLoadFailed("the data ends inside a record's headers") from exc
            raise

    def _detect_type_load_headers(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        found = super()._detect_type_load_headers(*args, **kwargs)
        self._started = True
        return found


class _Records(ArchiveIterator):
    """warcio's iterator, which writes a warning to standard error when a record is not
    followed by a record boundary (its Content-Length is wrong) and reads on from the next
    record it finds: the warning is counted (``err_count``) and reported as an error of the
    input instead."""

    INC_RECORD = ""


def _records(stream: BinaryIO) -> _Records:
    records = _Records(stream, arc2warc=True)
    records.loader = _Loader(verify_http=False, arc2warc=True)
    return records


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def iter_warc_gz(
    stream: BinaryIO, path: str, max_bytes: int
) -> Iterator[RawDocument | SourceError]:
    """Documents of a gzipped WARC; a cut in the compressed data is reported as truncated."""
    inner = GzipStream(stream)
    yield from iter_warc(io.BufferedReader(inner), path, max_bytes, gzip_state=inner)


def iter_warc(
    stream: BinaryIO, path: str, max_bytes: int, gzip_state: GzipStream | None = None
) -> Iterator[RawDocument | SourceError]:
    """Documents from the HTML responses of an uncompressed WARC stream, one record at a time.

    Records that are not HTML responses (requests, metadata, images) are skipped and counted in
    one ``not_html`` note; an archive with no response at all (only warcinfo, requests or
    metadata) gets that note too, so that no input passes without a word. A cut archive keeps
    the records before the cut and reports the rest as ``truncated``; a file with no readable
    record is ``malformed``.
    """
    number = skipped = pages = 0
    cut = False
    records = _records(stream)
    try:
        for record in records:
            number += 1
            source = SourceRef(path, f"record{number}", "warc")
            body = record.content_stream().read(max_bytes + 1)
            if len(body) <= max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
                cut = True
                yield SourceError(source, "truncated", f"record {number} is cut short")
                break
            missing = [
                name
                for name in ("WARC-Type", "Content-Length")
                if not record.rec_headers.get_header(name)
            ]
            if missing:
                # every WARC record has both: a record without is cut short (when records came
                # before it) or not a WARC record at all
                cut = True
                yield SourceError(
                    source,
                    "truncated" if number > 1 else "malformed",
                    f"record {number} has no {' or '.join(missing)} header "
                    "(the archive is cut short or damaged there)",
                )
                break
            if record.rec_type not in ("response", "resource"):
                continue
            if not any(t in _content_type(record) for t in HTML_TYPES):
                skipped += 1
                continue
            pages += 1
            if len(body) > max_bytes:
                yield SourceError(source, "too_large", f"record body over {max_bytes:,} bytes")
                continue
            yield _document(record, body, source)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        cut = True
        reason = "truncated" if number else "malformed"
        yield SourceError(
            SourceRef(path, f"record{number + 1}", "warc"),
            reason,
            f"the archive cannot be read after record {number}: {exc}",
        )
    if not cut and gzip_state is not None and gzip_state.error is not None:
        yield SourceError(
            SourceRef(path, f"record{number + 1}", "warc"),
            "truncated",
            f"the compressed data ends after record {number}: {gzip_state.error}",
        )
    elif not cut and number == 0:
        yield SourceError(SourceRef(path, "", "warc"), "malformed", "no WARC record could be read")
    elif not cut and not skipped and not pages:
        yield SourceError(
            SourceRef(path, "", "warc"),
            "not_html",
            f"none of the {number} record(s) is a response or resource (only warcinfo, "
            "requests, metadata or revisits): no page to read",
        )
    if records.err_count:
        yield SourceError(
            SourceRef(path, "", "warc"),
            "malformed",
            f"{records.err_count} record(s) end where no next record starts (a wrong "
            "Content-Length): their content may be cut short or run over, and the bytes up to "
            "the next record were skipped",
        )
    if skipped:
        yield SourceError(
            SourceRef(path, "", "warc"), "not_html", f"{skipped} non-HTML response record(s)"
        )


def _document(record, body: bytes, source: SourceRef) -> RawDocument | SourceError:
    try:
        decoded = decode_bytes(body, html=True)
    except DecodeProblem as exc:
        return SourceError(source, exc.reason, exc.message)
    return RawDocument(
        source=source,
        html=decoded.text,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        date=record.rec_headers.get_header("WARC-Date"),
        encoding=decoded.encoding,
        notes=[("repaired", decoded.note)] if decoded.note else [],
    )
