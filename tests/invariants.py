"""What must hold for any input, however hostile: the checks shared by the property tests
(tests/test_properties.py) and the fuzz targets (fuzz/).

Each ``check_*`` raises AssertionError naming what is wrong; none of them changes its argument.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from eventwire.errors import NOTICES, REASONS
from eventwire.model import CleanedText, DocumentResult, RawDocument, SourceError

# The reasons cleaning gives for what it removes (docs/formats.md, "Cleaning").
CLEAN_REASONS = frozenset(
    {
        "whitespace",
        "ad-marker",
        "caption",
        "credit",
        "prompt",
        "related-link",
        "duplicate",
        "kicker",
        "link-list",
        "teaser-list",
    }
)
KINDS = frozenset({"text", "html", "warc", "feed", "jsonl"})
SURROGATES = range(0xD800, 0xE000)


def _no_surrogates(value: str | None, what: str) -> None:
    assert value is None or not any(ord(c) in SURROGATES for c in value), (
        f"{what} holds a lone surrogate: {value!r}"
    )


def check_read_item(item: RawDocument | SourceError) -> None:
    """A reader's output: a document with exactly one of text and HTML, or an error whose
    reason is a documented reason code, with a message."""
    assert isinstance(item, RawDocument | SourceError), f"a reader yielded {item!r}"
    if isinstance(item, SourceError):
        assert item.reason in REASONS, f"undocumented reason {item.reason!r}: {item.message}"
        assert isinstance(item.message, str) and item.message.strip(), item
        assert isinstance(item.source.path, str) and isinstance(item.source.locator, str)
        return
    assert (item.text is None) != (item.html is None), "exactly one of text and html"
    assert item.source.kind in KINDS, item.source
    for name in ("text", "html", "id", "url", "outlet", "date", "title"):
        value = getattr(item, name)
        assert value is None or isinstance(value, str), f"{name} is {type(value).__name__}"
    for reason, message in item.notes:
        assert reason in NOTICES and message, (reason, message)


def check_cleaned(cleaned: CleanedText, raw: str) -> None:
    """Cleaning's audit trail: every kept run maps back to the raw text character for
    character, every removed span is the raw text at its offsets, nothing is both, and what
    is neither kept nor removed is whitespace."""
    text = cleaned.text
    assert text == "\n\n".join(cleaned.paragraphs), "text is the paragraphs, blank-line separated"
    assert text == text.strip() or not text.strip(), "the cleaned text is stripped"
    covered = [False] * len(text)
    kept_raw = [False] * len(raw)
    previous_end = 0
    for seg in cleaned.segments:
        assert seg.length > 0, seg
        assert seg.clean_start >= previous_end, f"segments overlap or go back: {seg}"
        previous_end = seg.clean_start + seg.length
        assert seg.clean_start >= 0 and seg.clean_start + seg.length <= len(text), seg
        assert seg.raw_start >= 0 and seg.raw_start + seg.length <= len(raw), seg
        piece = text[seg.clean_start : seg.clean_start + seg.length]
        assert piece == raw[seg.raw_start : seg.raw_start + seg.length], (
            f"segment {seg} does not round-trip: {piece!r}"
        )
        for i in range(seg.clean_start, seg.clean_start + seg.length):
            covered[i] = True
        for i in range(seg.raw_start, seg.raw_start + seg.length):
            kept_raw[i] = True
    for i, c in enumerate(text):
        if not covered[i]:
            assert c in "\n ", f"cleaned text offset {i} ({c!r}) maps to no raw offset"
    if cleaned.segments:  # spot checks of the public mapping, both ends of each segment
        for seg in cleaned.segments[:50]:
            for offset in (seg.clean_start, seg.clean_start + seg.length - 1):
                assert cleaned.raw_offset(offset) == seg.raw_start + offset - seg.clean_start
    for span in cleaned.removed:
        assert span.reason in CLEAN_REASONS, span.reason
        assert 0 <= span.start <= span.end <= len(raw), span
        assert raw[span.start : span.end] == span.text, f"removed span {span} does not round-trip"
        assert not any(kept_raw[span.start : span.end]), f"{span} is removed and kept"
    for title in (cleaned.title, cleaned.dek):
        assert title is None or title in cleaned.paragraphs, title


def _offset_records(value: Any, path: str = "") -> list[tuple[str, dict]]:
    """Every dict inside ``value`` that carries text with start and end offsets."""
    found: list[tuple[str, dict]] = []
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            found.append((path, value))
        for key, inner in value.items():
            found += _offset_records(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += _offset_records(inner, f"{path}[{i}]")
    return found


def check_offsets(records: list[dict], text: str, what: str) -> None:
    """Every offset pair of ``records`` (events' evidence, trigger, actors, claimants; quotes,
    their cues and speakers) lies within ``text`` and spans the text it names."""
    for n, record in enumerate(records):
        for path, span in _offset_records(record):
            start, end = span["start"], span["end"]
            assert 0 <= start <= end <= len(text), f"{what}[{n}]{path}: {start}..{end}"
            if isinstance(span.get("text"), str):
                assert text[start:end] == span["text"], (
                    f"{what}[{n}]{path}: {text[start:end]!r} != {span['text']!r}"
                )


def check_result(result: DocumentResult) -> None:
    """A processed document: an error that is a documented reason (and then no events), or a
    text whose events and quotes point into it and whose cleaning round-trips."""
    assert isinstance(result, DocumentResult), result
    assert result.error is None or result.error in REASONS, f"undocumented {result.error!r}"
    if result.error:
        assert result.error not in NOTICES, "a notice is not a document's error"
        assert result.error_message, "an error comes with a message"
        assert not result.events and not result.quotes
        return
    assert result.text.strip(), "a document without an error has text"
    for name in ("text", "raw_text", "title", "dek", "url", "outlet", "id", "published"):
        _no_surrogates(getattr(result, name), name)
    cleaned = CleanedText(
        title=result.title,
        dek=result.dek,
        paragraphs=result.text.split("\n\n"),
        text=result.text,
        removed=result.removed,
        segments=result.segments,
    )
    check_cleaned(cleaned, result.raw_text)
    events = [e.to_dict() for e in result.events]
    for event in events:
        assert event["doc_id"] == result.doc_id
    check_offsets(events, result.text, "events")
    check_offsets(result.quotes, result.text, "quotes")


def result_key(result: DocumentResult) -> dict[str, Any]:
    """Everything a result says, as plain data: two results are the same document's same
    result when their keys are equal."""
    out = result.to_dict()
    out["raw_text"] = result.raw_text
    out["segments"] = [asdict(s) for s in result.segments]
    out["source"] = asdict(result.source)
    out["error_message"] = result.error_message
    out["encoding"] = result.encoding
    return out


def item_key(item: RawDocument | SourceError) -> dict[str, Any]:
    """A reader's output as plain data, for comparing runs."""
    return {"type": type(item).__name__, **asdict(item)}
