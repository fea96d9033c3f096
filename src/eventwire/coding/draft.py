"""What the role rules work on: :class:`Draft`, one trigger's event while its parties and code
are decided (:mod:`eventwire.coding.role_rules`, :mod:`eventwire.coding.sense_rules`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.coding.actors import ActorResolver
from eventwire.coding.codes import JUDGING_ROOTS
from eventwire.coding.lexicon import Entry
from eventwire.coding.spans import kids
from eventwire.coding.tree import (
    OBJECT_DEPS,
    Arguments,
    adjective_arguments,
    children_of,
    noun_arguments,
    verb_arguments,
)
from eventwire.model import Actor, has_code


@dataclass(slots=True)
class Draft:
    """What the rules work on: one trigger's event while its parties and code are decided.

    ``tok`` and ``entry`` are the trigger and its lexicon entry, ``args`` the heads of its
    participants in the parse, ``place`` the sentence's place (its token and country) if any,
    ``agent_nominal`` a nominal event standing as the trigger's subject ("a Russian missile
    strike killed ..."). The rules fill ``source``, ``target``, ``code`` and ``quantity``, or
    set ``dropped``."""

    tok: Token
    entry: Entry
    args: Arguments
    resolver: ActorResolver
    place: tuple[Token, str] | None
    agent_nominal: Token | None
    code: str
    root: str  # the root of the lexicon entry's code (recoding does not change it)
    source: list[Actor]
    target: list[Actor]
    themes: list[Actor] | None = None  # the objects resolved, once a party is found missing
    untargeted: bool = False  # no rule is to give the event the target of a place or country
    implied: bool = False  # the target is the country of the place or of the source, not named
    quantity: dict[str, object] | None = None
    dropped: bool = False
    _consequences: list[Token] | None = None

    @classmethod
    def start(
        cls,
        tok: Token,
        entry: Entry,
        resolver: ActorResolver,
        place: tuple[Token, str] | None = None,
        agent_nominal: Token | None = None,
    ) -> Draft:
        """The draft of a trigger's event, with its arguments read from the parse."""
        if entry.kind == "V":
            args = verb_arguments(tok, entry)
        elif entry.kind == "A":
            args = adjective_arguments(tok, entry)
        else:
            args = noun_arguments(tok, entry)
        code = entry.code
        return cls(tok, entry, args, resolver, place, agent_nominal, code, code[:2], [], [])

    @property
    def objects(self) -> list[Token]:
        """What the trigger acts on when its target comes through a preposition ("sent troops
        to Russia": troops)."""
        return self.args.themes

    @property
    def place_country(self) -> str | None:
        return self.place[1] if self.place else None

    def resolve(self, heads: list[Token], owner: bool = False) -> list[Actor]:
        """The actors of the heads, each (start, code) once; ``owner``: a head that names no
        actor stands for its owner ("Ukraine's capital")."""
        resolver = self.resolver
        out: list[Actor] = []
        for head in heads:
            if not any(ch.isalnum() for ch in head.text):
                continue  # "Bashar al-Assad" misparsed with the hyphen as a subject
            found = (
                resolver.resolve_or_owner(head, pronouns=self.root in JUDGING_ROOTS)
                if owner
                else resolver.resolve_many(head)
            )
            if head.dep_ == "appos" and not has_code(found) and has_code(out):
                continue  # "Clinton's husband, Bill,": the name adds no party of its own
            for actor in found:
                if all((a.start, a.code) != (actor.start, actor.code) for a in out):
                    out.append(actor)
        return out

    def resolved_themes(self) -> list[Actor]:
        """The objects' actors, resolved once and only while a party is missing."""
        if self.themes is None:
            needed = self.objects and (not self.source or not has_code(self.target))
            self.themes = self.resolve(self.objects, owner=True) if needed else []
        return self.themes

    def consequences(self) -> list[Token]:
        """The objects of a participle clause telling what the act did: "..., killing 9"."""
        if self._consequences is None:
            self._consequences = [
                obj
                for clause in kids(self.tok)
                if clause.dep_ in ("advcl", "conj") and clause.tag_ == "VBG"
                for obj in children_of(clause, OBJECT_DEPS)
            ]
        return self._consequences


Rule = Callable[[Draft], None]
