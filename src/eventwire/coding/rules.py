"""Coding rules that depend on who acts, how many, and where: protests by people or states,
irregular or mass violence, deployments abroad, the countries of actors named by role."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.codes import (
    CONVENTIONAL_FORCE_CODES,
    EXPULSION_CODES,
    INFORMAL_COMPLAINT_CODE,
    KILLING_CODES,
    MASS_EXPULSION_CODE,
    MASS_KILLING_CODE,
    OFFICIAL_PROTEST_CODES,
    PEOPLE_PROTEST_CODE,
    POPULATION_MEASURE_CODES,
    RIOT_CODE,
    UNCONVENTIONAL_VIOLENCE_CODE,
)
from eventwire.coding.tree import pobjs, verb_objects
from eventwire.coding.triggers import Match
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.model import Actor, Event

STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "IGO", None})


MASS_KILLING_MIN = 100


MASS_EXPULSION_MIN = 1000


PERSONNEL_WORDS = VOCABULARY.personnel_words


IRREGULAR_SECTORS = frozenset({"REB", "CRM", "OPP", "CVL", "INS"})


# Acts of force or destruction that are a violent protest (145) when protesters commit them.
RIOT_ACTS = frozenset({"171", "1711", "1712", "180", "190", "193"})
PROTESTER_WORDS = VOCABULARY.protester_words


def concession_to_protesters(event: Event, matches: list[Match]) -> None:
    """A government that yields "after deadly protests" yields to the protesters: the
    country's opposition is the target of the concession."""
    if event.cameo[:2] != "08" or event.target or event.cameo in POPULATION_MEASURE_CODES:
        return
    protests = [m.token for m in matches if m.entry.code[:2] == "14"]
    countries = [a.country for a in event.source if a.country]
    if protests and countries:
        tok = protests[0]
        event.target = [
            Actor(
                text=tok.text,
                code=countries[0] + "OPP",
                country=countries[0],
                sector="OPP",
                name=None,
                start=tok.idx,
                end=tok.idx + len(tok.text),
            )
        ]


def sent_into_other_country(tok: Token, source: list[Actor], target: list[Actor]) -> bool:
    """Forces deployed *to* or *into* another country support it (CAMEO 074); deployed near a
    border, they are a show of force (15)."""
    own = {a.country for a in source if a.country}
    into = [  # the whole phrase: "to Mozambique's Cabo Delgado province"
        (obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))
        for head in [tok, *verb_objects(tok)]
        for obj in pobjs(head, frozenset({"to", "into"}))
    ]
    return any(
        a.country and a.country not in own and any(s <= a.start < e for s, e in into)
        for a in target
    )


def recode_by_magnitude(code: str, quantity: dict[str, object] | None) -> str:
    """Mass violence is CAMEO 20: killing hundreds of people (202), expelling thousands (201)."""
    value = int(quantity["value"]) if quantity else 0
    if code in KILLING_CODES and value >= MASS_KILLING_MIN:
        return MASS_KILLING_CODE
    if code in EXPULSION_CODES and value >= MASS_EXPULSION_MIN:
        return MASS_EXPULSION_CODE
    return code


# The word of protest that people use to demonstrate; other complaints by people disapprove.
PROTEST_WORD = "protest"


def recode_by_actor(code: str, source: list[Actor], word: str | None = None) -> str:
    """Codes whose meaning depends on who acts: people who "protest" demonstrate (141), people
    who complain otherwise disapprove (110: "supporters complained about the lines"); a
    government that protests lodges an official complaint (114); protesters who burn, loot or
    fight riot (145). ``word``: the trigger's lemma, when known."""
    if code in OFFICIAL_PROTEST_CODES and not any(a.sector in STATE_SECTORS for a in source):
        if word is None or word == PROTEST_WORD:
            return PEOPLE_PROTEST_CODE
        return INFORMAL_COMPLAINT_CODE
    if (
        code in RIOT_ACTS
        and source
        and all(any(w in a.text.lower() for w in PROTESTER_WORDS) for a in source)
    ):
        return RIOT_CODE
    if (
        code in CONVENTIONAL_FORCE_CODES
        and source
        and all(a.sector in IRREGULAR_SECTORS for a in source)
    ):
        # CAMEO 19 is conventional force, used by armed forces; the same act by rebels,
        # gangs, militants or a mob is unconventional violence (18).
        return UNCONVENTIONAL_VIOLENCE_CODE
    return code


# Confidence of an actor whose country comes from the place or the other party, not its phrase.
COMPLETED_CONFIDENCE = 0.6


def complete_countries(
    sources: list[Actor], targets: list[Actor], place_country: str | None, words: bool = False
) -> None:
    """Actors named by role alone ("police", "protesters", "parliament") belong to the country
    where the event happens, or failing that to the one country the other actors share. In
    ``words`` (an act in words), a source does not take the code a target already has: "The
    ambassador criticized Seoul's decision." -> the ambassador is of no known country, not South
    Korea's government speaking of itself (while local militias fight their own army)."""
    actors = sources + targets
    countries = {a.country for a in actors if a.country}
    fallback = place_country or (next(iter(countries)) if len(countries) == 1 else None)
    if fallback is None:
        return
    apart = {a.code for a in targets if a.code} if words else set()
    for i, actor in enumerate(actors):
        if i < len(sources) and fallback + (actor.sector or "CVL") in apart:
            continue
        if (
            actor.country is None
            and actor.sector
            and actor.sector != "IGO"
            and (actor.code is None or len(actor.code) == 3)
        ):
            actor.country = fallback
            actor.code = fallback + actor.sector
            actor.confidence = COMPLETED_CONFIDENCE
        elif actor.code is None and actor.name is None and actor.sector is None:
            # "members of a committee", "dozens of people": civilians of that country
            actor.country, actor.sector = fallback, "CVL"
            actor.code = fallback + "CVL"
            actor.confidence = COMPLETED_CONFIDENCE
