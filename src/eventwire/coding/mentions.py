"""Every actor mention of a document, resolved in reading order.

Event coding resolves only the participants of events; this reads a whole parsed document the
same way (subjects noted for pronouns, every noun phrase resolved as it comes, so that titles,
surnames, pronouns and "the ministry" draw on what came before) and returns the actors of every
phrase head. The actor test set is scored with it (``eval/actors.py``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.coding.actors import ActorResolver
from eventwire.coding.knowledge import DEFAULT, Knowledge
from eventwire.coding.places import DocPlaces
from eventwire.coding.spans import sentences
from eventwire.coding.tree import SUBJECT_DEPS
from eventwire.model import Actor

# Dependents that are part of a larger phrase, not heads of their own.
_INSIDE = frozenset({"compound", "amod", "flat"})


def actor_mentions(
    doc: Doc,
    date: str | None = None,
    heads: frozenset[int] = frozenset(),
    kn: Knowledge | None = None,
) -> dict[int, list[Actor]]:
    """Token index of each phrase head -> the actors it resolves to (empty: no actor).
    ``heads`` adds tokens to resolve in their turn even inside a larger phrase."""
    kn = kn or DEFAULT.get()
    resolver = ActorResolver(kn, date=date, places=DocPlaces(doc, kn))
    found: dict[int, list[Actor]] = {}
    for sent in sentences(doc):
        resolver.start_sentence(sent)
        for tok in sent:
            if tok.dep_ in SUBJECT_DEPS and tok.pos_ != "PRON":
                resolver.note_subject(tok)
        for tok in sent:
            if tok.i in heads or (
                tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ not in _INSIDE
            ):
                found[tok.i] = resolver.resolve_many(tok)
    return found
