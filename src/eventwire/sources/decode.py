"""Bytes to text: encoding detection, and telling text from binary data."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

import charset_normalizer

# Share of control characters (other than tab, newline, carriage return, form feed) above which
# decoded "text" is really binary or mis-decoded. Real text has none; 1% leaves room for a few
# stray bytes in scraped pages.
MAX_CONTROL_SHARE = 0.01
# How much of the input the binary sniffing and encoding detection look at.
SNIFF_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of binary formats people mistake for documents, named in the error message.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
# A page that declares UTF-16 in its markup is read as UTF-8, as browsers do (WHATWG HTML,
# "prescan a byte stream"): markup the declaration could be read in is not UTF-16. Real UTF-16
# is found by its byte-order mark or its NUL bytes, before any declaration is looked at.
_DECLARED_AS = {"utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8"}


class Decoded(NamedTuple):
    """Decoded text, the encoding it was read in, and a note when bytes had to be replaced."""

    text: str
    encoding: str
    note: str | None = None


class DecodeProblem(Exception):
    """The bytes are not usable text; ``reason`` is an errors.REASONS code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def bom_encoding(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of ``data``, or None if it may be text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:SNIFF_BYTES]
    if b"\x00" in head and bom_encoding(head) is None and not _looks_utf16(head):
        return "binary data"
    return None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL in ASCII-heavy text."""
    return utf16_order(head) is not None


def utf16_order(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 without a BOM (every other byte is NUL in
    ASCII-heavy text: the odd bytes in little-endian order, the even ones in big-endian)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if max(even, odd) <= 0.4 * (len(head) // 2):
        return None
    return "utf-16-be" if even > odd else "utf-16-le"


def _declared(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    return _DECLARED_AS.get(name, name)


def decode_bytes(data: bytes, html: bool = False) -> Decoded:
    """Decode ``data`` to text, naming the encoding used; raise DecodeProblem if it is not text.

    Order: a byte-order mark, UTF-16 by its NUL bytes, the charset an HTML page declares, strict
    UTF-8, UTF-8 with a few invalid bytes replaced (noted), then statistical detection
    (Latin-1, Windows-1252 and the rest). A candidate whose result is not text (control
    characters) gives way to the next.
    """
    if not data.strip():
        raise DecodeProblem("empty", "the input is empty or holds only whitespace")
    kind = binary_kind(data)
    if kind:
        raise DecodeProblem("binary", f"the input is {kind}, not text")
    candidates = [bom_encoding(data), utf16_order(data[:SNIFF_BYTES])]
    if html:
        candidates.append(_declared(data))
    candidates.append("utf-8")
    problem: DecodeProblem | None = None
    for encoding in dict.fromkeys(candidates):
        if not encoding:
            continue
        try:
            return Decoded(_checked(data.decode(encoding), encoding), encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        except DecodeProblem as exc:
            problem = problem or exc
    repaired = _repaired_utf8(data)
    if repaired is not None:
        return repaired
    best = charset_normalizer.from_bytes(data[:SNIFF_BYTES]).best()
    if best is None:
        if problem:
            raise problem
        raise DecodeProblem("undecodable", "no text encoding fits these bytes")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeProblem("undecodable", f"the bytes do not decode as {best.encoding}") from exc
    return Decoded(_checked(text, best.encoding), best.encoding)


def _repaired_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid bytes (a bad copy, a cut character): decoded with U+FFFD for
    each invalid sequence, when valid multi-byte characters are at least as many as invalid
    sequences. Text in a one-byte encoding (Latin-1, Windows-1252) has next to no valid
    multi-byte sequences, so it goes on to detection."""
    text = data.decode("utf-8", "replace")
    genuine = data.count(b"\xef\xbf\xbd")  # U+FFFD already in the input
    replaced = text.count("\ufffd") - genuine
    valid = len(text) - len(text.encode("ascii", "ignore")) - replaced
    if not 0 < replaced <= valid:
        return None
    try:
        text = _checked(text, "utf-8")
    except DecodeProblem:
        return None
    note = f"{replaced} invalid UTF-8 byte sequence(s) replaced with U+FFFD"
    return Decoded(text, "utf-8", note)


def _checked(text: str, encoding: str) -> str:
    sample = text[:SNIFF_BYTES]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise DecodeProblem(
            "undecodable", f"decoding as {encoding} gives control characters: not text"
        )
    text = text.lstrip("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")
