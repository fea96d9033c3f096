"""When events happen: the date expression of the event's sentence, else the one the paragraph
last gave, else the document's date."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventwire.coding.spans import paragraph_start, sentence_text
from eventwire.dates import DAY, DateRef, find_dates


class DocDates:
    """Date context of one document, read sentence by sentence in order."""

    def __init__(self, published: str | None) -> None:
        self.published = published
        self._cache: dict[tuple[int, bool], list[DateRef]] = {}
        self._carried: tuple[int, DateRef] | None = None  # (paragraph start, last date given)

    def _refs(self, sent: Span, future: bool) -> list[DateRef]:
        k = (sent.start, future)
        if k not in self._cache:
            self._cache[k] = find_dates(sentence_text(sent), self.published, future)
        return self._cache[k]

    def for_event(self, sent: Span, trigger: Token, modality: str) -> dict[str, object] | None:
        refs = [r for r in self._refs(sent, modality == "future") if r.value or not r.explicit]
        paragraph = _paragraph_start(sent)
        if refs:
            offset = trigger.idx - sent.start_char
            ref = min(refs, key=lambda r: (_distance(r, offset), r.start))
            self._carried = (paragraph, ref)
            return ref.to_dict()
        if self._carried and self._carried[0] == paragraph:
            return self._carried[1].to_dict()
        if self.published:
            return {"value": self.published, "precision": DAY, "text": None}
        return None


def _distance(ref: DateRef, offset: int) -> int:
    if ref.start <= offset < ref.end:
        return 0
    return min(abs(ref.start - offset), abs(ref.end - offset))


def _paragraph_start(sent: Span) -> int:
    """The character offset where the sentence's paragraph begins (after the last blank line)."""
    return paragraph_start(sent.doc, sent.start_char)
