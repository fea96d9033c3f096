"""What a phrase that names no actor stands for: its owner. "Signs of North Korea's
involvement" are North Korea's, "the release of the hostages" concerns the hostages, "remarks by
the minister" are the minister's, "Taliban hideouts" the Taliban's, "the strategy Obama
trumpeted" Obama's. Event rules ask for it where a thing stands for whoever it belongs to (what
is criticised, attacked, rejected)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from eventwire.coding.actors.compose import combine, phrase_actor, place_countries
from eventwire.coding.actors.phrases import noun_phrase, outside_buildings
from eventwire.coding.actors.roles import is_role, sector_of
from eventwire.coding.names import names_with_tokens
from eventwire.coding.spans import kids
from eventwire.coding.tree import NOMINAL_SUBJECT_DEPS, pobjs
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.model import Actor, has_code

if TYPE_CHECKING:
    from eventwire.coding.actors.resolver import ActorResolver

# How many "of" links are followed to find the actor a non-actor phrase is about.
OWNER_DEPTH = 2
BORDER_WORDS = VOCABULARY.border_words


def owner_of(
    resolver: ActorResolver, head: Token, depth: int = 0, pronouns: bool = False
) -> list[Actor]:
    """The actors of the phrase, or of whom it belongs to when it names none. A possessive
    pronoun is an owner only with ``pronouns`` (what is criticised or rejected: "slammed his
    proposal" is aimed at him; "held their exercises" is aimed at no one)."""
    actors = resolver.resolve_many(head)
    if has_code(actors) or depth >= OWNER_DEPTH or head.pos_ == "PRON":
        return actors
    if head.lemma_.lower() in BORDER_WORDS:
        # "near its border with Guyana": the party across the border
        for obj in pobjs(head, {"with"}):
            found = [a for a in resolver.resolve_many(obj) if a.code]
            if found:
                return found
    kn = resolver.kn
    # "her donors" are people of their own, not hers
    pronouns = pronouns and head.lemma_.lower() not in kn.words.person_nouns
    for child in kids(head):
        if child.dep_ == "poss" and (pronouns or child.pos_ != "PRON"):
            found = resolver.resolve_many(child)
            if has_code(found):
                return found
    for child in kids(head):
        # "the release of the hostages"; "suggestions by Trump": whose they are
        if child.dep_ == "prep" and child.lower_ in ("of", "by"):
            for obj in kids(child):
                if obj.dep_ == "pobj":
                    found = resolver.resolve_or_owner(obj, depth + 1, pronouns)
                    if has_code(found):
                        return found
    found = _author(resolver, head)
    if found:
        return found
    # "Taliban hideouts", "Russian positions", "opposition rallies": the owner named or
    # described inside the phrase.
    tokens = noun_phrase(head)
    named = outside_buildings(names_with_tokens(kn.names, tokens), tokens)
    names = [n for n, _ in named if n.kind != "capital" or n.sector]
    if head.pos_ == "PROPN":
        return actors
    if names:
        return [combine(tokens, names, None, None)]
    countries = place_countries(kn, head)  # "the Zaporizhzhia plant", "Kharkiv region"
    if countries:
        town = phrase_actor(tokens, countries[0], countries[0], None, None)
        if head.lemma_.lower() not in kn.words.person_nouns:
            resolver.memory.towns.add((town.start, town.end))  # "the California instructor"
        return [town]
    # A noun names whose the thing is ("opposition rallies", "police stations"); an
    # adjective only says what it is like ("criminal background checks").
    owners = [t for t in tokens if t is not head and t.pos_ != "ADJ"]
    modifier_sector = sector_of(kn, owners, head) if owners else None
    if modifier_sector and not is_role(kn, head):
        return [phrase_actor(tokens, modifier_sector, None, modifier_sector, None)]
    # "a cessation of hostilities in Sudan", "the transfer of power in Senegal": the
    # country where what is asked for or praised happens
    for obj in pobjs(head, {"in"}, via=("prep",)):
        if obj.ent_type_ == "GPE":
            found = [a for a in resolver.resolve_many(obj) if a.code]
            if found and all(a.code == a.country for a in found):
                return found
    return actors


def _author(resolver: ActorResolver, head: Token) -> list[Actor]:
    """Who made the thing, by the named subject of a relative clause on it: "the strategy Obama
    trumpeted" -> Obama; a clause whose subject is a relative pronoun or a common noun ("the
    plan that officials drafted") names no author."""
    for clause in kids(head):
        if clause.dep_ != "relcl":
            continue
        for subj in kids(clause):
            if subj.dep_ in NOMINAL_SUBJECT_DEPS and subj.pos_ == "PROPN":
                found = [a for a in resolver.resolve_many(subj) if a.code]
                if found:
                    return found
    return []
