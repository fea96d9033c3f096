"""Coding text directly, without files or a store: ``code_text`` and ``code_texts``."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.model import Event, RawDocument, SourceRef
from eventwire.pipeline import process_batch


def code_texts(
    texts: Sequence[str], dates: Sequence[str | None] | None = None
) -> list[list[Event]]:
    """The events of each text (one parse batch for all), in order."""
    dates = dates or [None] * len(texts)
    raws = [
        RawDocument(source=SourceRef("<text>", str(i)), text=text, date=date)
        for i, (text, date) in enumerate(zip(texts, dates, strict=True))
    ]
    return [result.events for result in process_batch(raws)]


def code_text(text: str, date: str | None = None) -> list[Event]:
    """The events of one text (a sentence, a paragraph or an article)."""
    return code_texts([text], [date])[0]
