"""Inputs to RawDocuments: files, folders, globs and stdin, of every supported kind.

``iter_documents(paths, settings=None)`` yields a ``RawDocument`` for each document found and a
``SourceError`` for each input (or part of one) that could not be read; it never raises for a
bad input, so one broken file cannot stop a batch.
"""

from __future__ import annotations

import glob
import gzip
import io
import logging
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.model import RawDocument, SourceError, SourceRef
from eventwire.sources.decode import DecodeProblem, decode_bytes
from eventwire.sources.detect import GZIP_MAGIC, detect_kind, is_input_name
from eventwire.sources.feed import iter_feed
from eventwire.sources.jsonl import iter_jsonl
from eventwire.sources.text import text_document
from eventwire.sources.warc import iter_warc, iter_warc_gz

__all__ = ["expand_paths", "iter_documents", "read_bytes"]

log = logging.getLogger(__name__)

STDIN = "-"
HEAD_BYTES = 8192
# How much leading whitespace is read ahead for the first bytes that tell an input's kind (and
# whether it holds anything at all); an input that opens with more is taken by its name.
BLANK_LOOKAHEAD = 1 << 20
# Hidden files and editor/OS litter are not inputs when a folder is walked.
_SKIP_PREFIXES = (".", "~")


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, files under folders (recursively, sorted), glob matches, and ``-``.

    In folders only regular input files are taken (known extensions, or none: see
    ``is_input_name``; FIFOs, sockets and devices are passed over); a file named explicitly is
    always tried.

    A path that matches nothing is a usage error: a typo should not pass as an empty run.
    """
    out: list[str] = []
    for p in paths:
        if p == STDIN:
            out.append(p)
        elif os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(_SKIP_PREFIXES))
                out.extend(
                    os.path.join(root, f)
                    for f in sorted(files)
                    if not f.startswith(_SKIP_PREFIXES)
                    and is_input_name(f)
                    and not _special_file(os.path.join(root, f))
                )
        elif os.path.exists(p) or os.path.islink(p):
            out.append(p)
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise UsageError(f"no such file, folder or glob match: {p}")
            out.extend(expand_paths(matches))
    return out


def _special_file(path: str) -> str | None:
    """What kind of special file ``path`` is (a FIFO, a socket, a device), or None for a regular
    file, a folder, or a path that cannot be examined (reading it will say why)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def read_bytes(stream: BinaryIO, max_bytes: int) -> bytes | None:
    """Read at most ``max_bytes``; None if the stream holds more."""
    data = stream.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n:,} bytes"


def _too_large(
    path: str, kind: str, max_bytes: int, size: int | None = None, compressed: bool = False
) -> SourceError:
    """``size`` is the input's size when it is known (a plain file); otherwise the message gives
    what was read before reading stopped at the limit, decompressed if ``compressed``."""
    if size is not None:
        size_text = _size(size)
    else:
        size_text = f"over the limit: reading stopped after {max_bytes + 1:,} bytes"
        if compressed:
            size_text += " (decompressed)"
    return SourceError(
        SourceRef(path, "", kind),
        "too_large",
        f"the input is {size_text}; the limit per document is {_size(max_bytes)}",
    )


def _open(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    return open(path, "rb")  # noqa: SIM115 - closed by the caller


_WHITESPACE = b" \t\r\n\f\v"


def _numbered_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes, int]]:
    """(number, line, length) of every line of a buffered stream that is not blank.

    Runs of blank lines are skipped a buffer at a time (byte-string searches over the bytes
    already read, no work per line), so a file of millions of empty lines costs no more than
    reading it. A line over ``max_bytes`` is cut to ``max_bytes + 1`` bytes and the rest of it
    skipped; ``length`` is its whole length.
    """
    number = 1
    while True:
        buffered = stream.peek(1)  # type: ignore[attr-defined]
        if not buffered:
            return
        # the blank lines at the start of the buffer: its leading whitespace, up to the last
        # line break in it
        blank = 0
        if buffered[:1].isspace():
            blank = buffered.rfind(b"\n", 0, len(buffered) - len(buffered.lstrip(_WHITESPACE))) + 1
        if blank:
            number += buffered.count(b"\n", 0, blank)
            stream.read(blank)
            continue
        line = stream.readline(max_bytes + 1)
        length = len(line)
        if length > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(1 << 20)
                length += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
        if line.strip():
            yield number, line, length
        number += 1


def iter_documents(
    paths: Iterable[str], settings: Settings | None = None
) -> Iterator[RawDocument | SourceError]:
    """Every document in ``paths`` (see ``expand_paths``), with an error per unreadable input.

    ``settings`` defaults to ``Settings()`` (10 MiB per document, kinds detected).
    """
    settings = settings or Settings()
    for path in expand_paths(paths):
        special = _special_file(path) if path != STDIN else None
        if special:
            yield SourceError(
                SourceRef(path),
                "unreadable",
                f"not a regular file but {special}; eventwire reads files and folders, and "
                "standard input as -",
            )
            continue
        try:
            stream = _open(path)
        except OSError as exc:
            yield SourceError(SourceRef(path), "unreadable", f"cannot open: {exc.strerror}")
            continue
        try:
            yield from _iter_stream(stream, path, settings)
        except OSError as exc:
            yield SourceError(SourceRef(path), "unreadable", f"read failed: {exc}")
        except Exception as exc:  # a reader's bug must cost only this input, not the batch
            log.info("reading %s failed", path, exc_info=True)
            yield SourceError(
                SourceRef(path), "internal", f"reading failed: {type(exc).__name__}: {exc}"
            )
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()


class _Head(NamedTuple):
    start: bytes  # the first bytes of the input
    head: bytes  # the first bytes that are not all whitespace (b"" if none were found)
    stream: BinaryIO  # the input from its start, the bytes read included
    empty: bool  # nothing but whitespace to the end


def _peek(stream: BinaryIO) -> _Head:
    """The start of ``stream`` and the first bytes that say what it holds: when the first
    HEAD_BYTES are all whitespace (blank lines before JSON Lines or a text), the reading goes
    on, up to BLANK_LOOKAHEAD, for bytes that are not (or for the end: an empty input)."""
    start = head = stream.read(HEAD_BYTES)
    read, total = [start], len(start)
    while head and not head.strip() and total < BLANK_LOOKAHEAD:
        head = stream.read(HEAD_BYTES)
        read.append(head)
        total += len(head)
    replay = io.BufferedReader(_Chain(b"".join(read), stream))  # type: ignore[arg-type]
    return _Head(start, head if head.strip() else b"", replay, not head)


class _Chain(io.RawIOBase):
    """A stream that replays bytes already read, then continues with the underlying stream."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _iter_stream(
    stream: BinaryIO, path: str, settings: Settings
) -> Iterator[RawDocument | SourceError]:
    start, head, stream, empty = _peek(stream)
    if empty:
        yield SourceError(SourceRef(path), "empty", "the file is empty")
        return
    name = path if path != STDIN else ""
    if start.startswith(GZIP_MAGIC):
        try:
            inner_head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(start)
        except zlib.error as exc:
            yield SourceError(SourceRef(path), "malformed", f"the gzip data is broken: {exc}")
            return
        if inner_head.startswith(b"WARC/"):
            yield from iter_warc_gz(stream, path, settings.max_bytes)
            return
        inner = gzip.GzipFile(fileobj=stream)
        yield from _iter_gzip_member(inner, name.removesuffix(".gz"), path, settings)
        return
    kind = settings.kind or detect_kind(name, head)
    yield from _iter_kind(kind, stream, name, path, settings)


def _iter_gzip_member(
    inner: gzip.GzipFile, name: str, path: str, settings: Settings
) -> Iterator[RawDocument | SourceError]:
    try:
        _, head, stream, empty = _peek(inner)  # type: ignore[arg-type]
        if empty:
            yield SourceError(SourceRef(path), "empty", "the file is empty once decompressed")
            return
        kind = settings.kind or detect_kind(name, head)
        yield from _iter_kind(kind, stream, name, path, settings, compressed=True)
    except (OSError, EOFError, zlib.error) as exc:
        yield SourceError(SourceRef(path), "truncated", f"the gzip data is broken: {exc}")


def _iter_kind(
    kind: str, stream: BinaryIO, name: str, path: str, settings: Settings, compressed: bool = False
) -> Iterator[RawDocument | SourceError]:
    if kind == "warc":
        yield from iter_warc(stream, path, settings.max_bytes)
        return
    if kind == "jsonl":
        lines = iter_jsonl(_numbered_lines(stream, settings.max_bytes), path, settings.max_bytes)
        blank = True
        for item in lines:
            blank = False
            yield item
        if blank:  # only blank lines, more of them than were looked ahead
            yield SourceError(SourceRef(path, "", "jsonl"), "empty", "the file has no line")
        return
    data = read_bytes(stream, settings.max_bytes)
    if data is None:
        known = path != STDIN and not compressed and os.path.isfile(path)
        size = os.path.getsize(path) if known else None
        yield _too_large(path, kind, settings.max_bytes, size, compressed)
        return
    source = SourceRef(path, "", kind)
    if kind == "feed":
        yield from _feed_or_error(data, path, name)
        return
    try:
        decoded = decode_bytes(data, html=(kind == "html"))
    except DecodeProblem as exc:
        yield SourceError(source, exc.reason, exc.message)
        return
    if kind == "html":
        doc = RawDocument(source=source, html=decoded.text, encoding=decoded.encoding)
    else:
        doc = text_document(decoded.text, source, decoded.encoding)
    if decoded.note:
        doc.notes.append(("repaired", decoded.note))
    yield doc


def _feed_or_error(data: bytes, path: str, name: str) -> Iterator[RawDocument | SourceError]:
    for item in iter_feed(data, path):
        if isinstance(item, SourceError) and item.reason == "not_a_feed":
            declared = Path(name).suffix or "the --kind option"
            item.message = (
                f"{item.message}; it was read as a feed because of {declared}: "
                "rename it or pass --kind"
            )
        yield item
