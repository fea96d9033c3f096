"""Coding text directly, without files or a store: ``code_text`` and ``code_texts``."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.coding.mentions import actor_mentions
from eventwire.model import Actor, Event, RawDocument, SourceRef
from eventwire.nlp import parse
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


def actors_in(text: str, date: str | None = None) -> list[Actor]:
    """Every actor mention of a text, in reading order (not only the parties of events): each
    noun phrase resolved as event coding resolves it, with offsets into ``text``."""
    doc = parse(text)
    found = actor_mentions(doc, date)
    out: list[Actor] = []
    seen: set[tuple[int, int]] = set()
    for i in sorted(found):
        for actor in found[i]:
            if actor.code and (actor.start, actor.end) not in seen:
                seen.add((actor.start, actor.end))
                out.append(actor)
    return out
