"""Role rules that decide a trigger's sense by its arguments: who may "attack", what "fired"
means with a missile and no one to hit, what "hosts" needs. They run among the role rules
(:data:`eventwire.coding.role_rules.RULES`), after the parties are resolved and before the actors
decide the code; each follows the role rules' conventions (a docstring with an example, switched
off by name).

Lexicon entries say which sense needs what with flags (``data/event_lexicon.txt``):

- ``!armed``: force that only someone who bears arms, or a state, uses. Said by a person or a
  civil body (a candidate, a legislator, a newspaper) the word is a figure of speech: criticism
  (111) of the party it names, or no event when it names none.
"""

from __future__ import annotations

from eventwire.coding.draft import Draft
from eventwire.model import Actor, has_code

ARMED_FLAG = "armed"
CRITICISM_CODE = "111"
SHOW_OF_FORCE_CODE = "150"
HOSTING_CODE = "043"
# Sectors of actors who bear arms: forces, police, intelligence, rebels, criminals, militants.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "INS", "CRM", "IMG", "SEP"})
# Sectors of public figures and bodies that act in words: a candidate, a legislator, a newspaper.
# (Ordinary people, CVL, do attack one another.)
CIVIL_SECTORS = frozenset({"LEG", "PTY", "OPP", "JRN", "MED", "NGO", "ELI", "JUD"})
# Prepositions after which a missile's path names whom it flew over, not whom it hit.
FLIGHT_PREPS = frozenset({"over", "across", "off"})


def _armed(actor: Actor) -> bool:
    code = actor.code or ""
    return actor.sector in ARMED_SECTORS or code.startswith("IMG")


def _civil(actor: Actor) -> bool:
    """A public figure named in the knowledge base, or a civil body: someone who acts in
    words."""
    return actor.sector in CIVIL_SECTORS or (actor.kb_id or "").startswith("person/")


def force_needs_someone_who_bears_arms(d: Draft) -> None:
    """Force that only forces use (``!armed`` entries), told of people who act in words, is
    criticism of whom it names, or no event: "Trump attacked Clinton over her emails." ->
    111."""
    if ARMED_FLAG not in d.entry.flags or not d.source:
        return
    if any(_armed(a) for a in d.source + d.target) or not all(_civil(a) for a in d.source):
        return
    if d.quantity or d.consequences():
        return  # "the senator's bodyguard attacked two men, injuring one": bodily harm
    if has_code(d.target):
        d.code = CRITICISM_CODE
    else:
        d.dropped = True


def a_missile_fired_at_no_one_is_a_show_of_force(d: Draft) -> None:
    """A missile or rocket fired or launched over or into somewhere, at no one, is a show of
    military power (150), not a strike: "North Korea fired a missile over Japan." -> 150."""
    if d.root not in ("18", "19"):
        return
    missiles = d.resolver.kn.words.vocabulary.missile_words
    named = [d.tok, *d.objects]
    if not any(t.lemma_.lower() in missiles for t in named):
        return
    own = {a.country for a in d.source if a.country}
    at_someone = [a for a in d.target if a.code and a.country not in own]
    flight = [
        place
        for t in named
        for prep in t.children
        if prep.dep_ == "prep" and prep.lower_ in FLIGHT_PREPS
        for place in prep.children
        if place.dep_ == "pobj"
    ]
    if at_someone and not flight:
        return
    d.code = SHOW_OF_FORCE_CODE
    overflown = [a for a in d.resolve(flight) if a.code and a.country not in own]
    d.target = [a for a in d.target if a.country not in own] or overflown


def hosting_needs_a_guest(d: Draft) -> None:
    """Hosting is an event when it receives a party (043): a host of a show, a debate or a
    dinner with no guest named is none: "The French president hosted a televised debate." ->
    nothing."""
    if d.code == HOSTING_CODE and not has_code(d.target):
        d.dropped = True
