"""The data model: what flows between the pipeline's stages.

``RawDocument`` is what a source yields (mirrors the JSON Lines input format of DESIGN.md),
``DocumentResult`` is what processing returns (the document-result contract). Both are plain
dataclasses over plain data, so they pickle to process pools and Dask workers unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

# Length of the hexadecimal ids: 16 hex digits = 64 bits, collision-free far beyond any corpus
# a single store will hold (birthday bound ~4 billion documents).
ID_HEX_DIGITS = 16


def stable_id(*parts: str | None) -> str:
    """A short, stable hexadecimal id from text parts (order matters, ``None`` counts as empty)."""
    h = hashlib.sha256()
    for part in parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:ID_HEX_DIGITS]


@dataclass(frozen=True)
class SourceRef:
    """Where a document came from: a path (or ``-``), a locator inside it, and the input kind."""

    path: str
    locator: str = ""
    kind: str = "text"

    def label(self) -> str:
        return f"{self.path}#{self.locator}" if self.locator else self.path


@dataclass
class RawDocument:
    """One document as a source read it, before any processing.

    Exactly one of ``text`` and ``html`` is set. ``html_fragment`` marks HTML that is an
    article body (a feed entry's content) rather than a whole page. ``notes`` are what reading
    had to change to keep the document, as (reason, message) pairs with a reason of
    ``errors.NOTICES``; ingesting records them beside the document's result.
    """

    source: SourceRef
    text: str | None = None
    html: str | None = None
    html_fragment: bool = False
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None
    encoding: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class SourceError:
    """An input that could not be turned into a RawDocument, with a reason code and a message."""

    source: SourceRef
    reason: str
    message: str


@dataclass
class RemovedSpan:
    """A piece of the raw text that cleaning removed, and why. Offsets refer to the raw text."""

    text: str
    reason: str
    start: int
    end: int


@dataclass
class Segment:
    """A run of the cleaned text copied verbatim from the raw text.

    ``clean_start .. clean_start+length`` in the cleaned text equals
    ``raw_start .. raw_start+length`` in the raw text: the audit trail from any cleaned offset
    back to the input.
    """

    clean_start: int
    raw_start: int
    length: int


@dataclass
class CleanedText:
    """What cleaning returns: the parts of the article and what was removed."""

    title: str | None
    dek: str | None
    paragraphs: list[str]
    text: str
    removed: list[RemovedSpan] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    def raw_offset(self, clean_offset: int) -> int | None:
        """Map an offset in the cleaned text back to the raw text (None for separators)."""
        for seg in self.segments:
            if seg.clean_start <= clean_offset < seg.clean_start + seg.length:
                return seg.raw_start + (clean_offset - seg.clean_start)
        return None


@dataclass
class Actor:
    """An actor mention: its text and offsets, and the code it resolves to (None if unknown)."""

    text: str
    code: str | None
    country: str | None
    sector: str | None
    name: str | None
    start: int
    end: int
    kb_id: str | None = None  # the knowledge-base entry it resolved to ("person/...", "org/...")
    confidence: float | None = None  # how sure the resolution is, 0 to 1
    # the earlier mention a pronoun, description or surname was resolved through: its text and
    # offsets ({"text", "start", "end"}), so a reader can see why; None for a mention resolved
    # on its own
    antecedent: dict[str, Any] | None = None

    def referring(self, head_text: str, start: int, **changes: Any) -> Actor:
        """This actor as a later mention refers to it ("he", "the country", "Westmacott"): the
        mention's own text and offsets, this one kept as its antecedent."""
        twin = self.copy()
        twin.antecedent = self.as_antecedent()
        twin.text, twin.start, twin.end = head_text, start, start + len(head_text)
        twin.__dict__.update(changes)
        return twin

    def as_antecedent(self) -> dict[str, Any]:
        """The mention a later reference is resolved through: this one, or the one this one
        was resolved through."""
        return self.antecedent or {"text": self.text, "start": self.start, "end": self.end}

    def copy(self) -> Actor:
        """A shallow copy (as ``dataclasses.replace(self)``, without its field-by-field cost)."""
        twin = object.__new__(Actor)
        twin.__dict__.update(self.__dict__)
        return twin

    def to_dict(self) -> dict[str, Any]:
        # the fields as they are (all plain values): dataclasses.asdict deep-copies, and this
        # runs for every mention
        return dict(self.__dict__)


def has_code(actors: list[Actor]) -> bool:
    """Whether any of the actors is coded. A plain loop, not ``any()`` over a generator, which
    costs more to set up than the usual two or three actors cost to test."""
    for actor in actors:  # noqa: SIM110
        if actor.code:
            return True
    return False


@dataclass
class Event:
    """One coded event (DESIGN.md, "Event record"). Offsets refer to the cleaned text."""

    event_id: str
    doc_id: str
    sentence_index: int
    evidence: dict[str, Any]
    trigger: dict[str, Any]
    cameo: str
    plover: dict[str, Any] | None
    quad_class: int
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    quantity: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    date: dict[str, Any] | None = None
    modality: str = "factual"
    claim: dict[str, Any] | None = None
    story_id: str | None = None
    confidence: float | None = None  # how likely the event is right, 0 to 1 (docs/coding.md)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["source"] = [a.to_dict() for a in self.source]
        out["target"] = [a.to_dict() for a in self.target]
        return out


@dataclass
class DocumentResult:
    """The result of processing one document (DESIGN.md, "Document result")."""

    doc_id: str
    source: SourceRef
    id: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    dek: str | None = None
    text: str = ""
    raw_text: str = ""
    encoding: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    language: str | None = None  # ISO 639-1, when the text is surely in a language
    relevance: float | None = None  # how much the text is about public affairs, 0 to 1
    notes: list[tuple[str, str]] = field(default_factory=list)  # (reason, message) notices
    error: str | None = None
    error_message: str | None = None

    @property
    def content_hash(self) -> str:
        return stable_id(self.text)

    def to_dict(self) -> dict[str, Any]:
        """The document-result JSON object of DESIGN.md (the public contract, nothing more)."""
        return {
            "doc_id": self.doc_id,
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "title": self.title,
            "dek": self.dek,
            "text": self.text,
            "removed": [asdict(r) for r in self.removed],
            "events": [e.to_dict() for e in self.events],
            "quotes": self.quotes,
            "language": self.language,
            "relevance": self.relevance,
            "error": self.error,
        }


def document_id(url: str | None, text: str) -> str:
    """Documents are identified by their URL and cleaned text: the same content is the same id."""
    return stable_id(url, text)
