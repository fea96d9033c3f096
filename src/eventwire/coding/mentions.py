"""Every actor mention of a document, resolved in reading order.

Event coding reads the whole document first (``ActorResolver.read``: subjects noted for pronouns,
every noun phrase resolved as it comes, so that titles, surnames, pronouns and "the ministry"
draw on what came before), then codes its events from that reading; this returns the reading's
actors of every phrase head. The actor test set is scored with it (``eval/actors.py``), so it
measures the path events take.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.coding.actors import ActorResolver
from eventwire.coding.actors.compose import TOWN_PREPOSITIONS
from eventwire.coding.attribution import sentence_attributions
from eventwire.coding.claims import resolve_sources
from eventwire.coding.knowledge import DEFAULT, Knowledge
from eventwire.coding.places import DocPlaces
from eventwire.coding.spans import sentences
from eventwire.model import Actor


def actor_mentions(
    doc: Doc,
    date: str | None = None,
    heads: frozenset[int] = frozenset(),
    kn: Knowledge | None = None,
) -> dict[int, list[Actor]]:
    """Token index of each phrase head -> the actors it resolves to (empty: no actor), read as
    event coding reads the document (``ActorResolver.read``). ``heads`` adds tokens inside a
    larger phrase, asked about after the reading, as event coding asks about its parties."""
    kn = kn or DEFAULT.get()
    resolver = ActorResolver(kn, date=date, places=DocPlaces(doc, kn))
    found = resolver.read(doc)
    extra = heads - found.keys()
    first_person = kn.words.vocabulary.first_person_pronouns
    for sent in sentences(doc):
        inside = [i for i in range(sent.start, sent.end) if i in extra]
        speaking = [
            i
            for i in range(sent.start, sent.end)
            if i in found and doc[i].lower_ in first_person and not found[i]
        ]
        if not inside and not speaking:
            continue
        resolver.start_sentence(sent)
        if speaking:
            # "I" and "we" in what someone says are that speaker, as event coding reads them
            atts = sentence_attributions(kn, sent)
            resolve_sources(atts, resolver)
            resolver.speakers = [(a.content_start, a.content_end, a.speaker) for a in atts]
        for i in inside + speaking:
            found[i] = resolver.resolve_many(doc[i])
        resolver.speakers = []
    for i, actors in found.items():
        if actors and is_where(doc[i], actors):
            found[i] = []
    return found


def is_where(head: Token, actors: list[Actor]) -> bool:
    """A place named as where something is or happens, or where a person is from, no actor: "a
    rally in Florida", "drove from Omaha", "Marco Rubio of Florida" are places; "sanctions on
    Russia", "Moscow said" are actors (as event coding reads them: a town stands for its
    country only as a party to what happens there)."""
    if head.dep_ != "pobj" or not all(a.code and a.code == a.country for a in actors):
        return False
    prep = head.head
    # "Sen. Marco Rubio of Florida": where a person is from
    return prep.lower_ in TOWN_PREPOSITIONS | {"from"} or (
        prep.lower_ == "of" and prep.head.ent_type_ == "PERSON"
    )
