"""Who an event's source and target are, and its code: an ordered list of small named rules.

Once a trigger's arguments are found in the parse (:mod:`eventwire.coding.tree`), each rule of
:data:`RULES` in turn reads and changes one :class:`Draft` of the event: its parties, its code,
its quantity. A rule may drop the draft (the trigger tells no event); then no later rule runs.
The order matters: a rule sees what the rules before it decided. Any rule can be switched off by
name (``code_document(..., disabled=frozenset({"rule_name"}))``), to see what it does on a text;
each one's docstring says what it does and gives an example sentence.

The recodings the rules call (by actor, by magnitude, deployments abroad, countries of actors
named by role) live in :mod:`eventwire.coding.rules`; the CAMEO code sets in
:mod:`eventwire.coding.codes`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from eventwire.coding.actors import ActorResolver, assess, noun_phrase, phrase_actor
from eventwire.coding.codes import (
    DENIAL_CODES,
    DOMESTIC_ROOTS,
    FOREIGN_DEPLOYMENT_CODE,
    MOBILIZE_ROOTS,
    NO_COMMENT_CODE,
    OFFICIAL_PROTEST_CODES,
    OWN_FORCES_ROOTS,
    PLACE_TARGET_ROOTS,
    POPULATION_MEASURE_CODES,
    PROTEST_ROOT,
    STATEMENT_CODES,
    VERBAL_ROOTS,
    VIOLENT_ROOTS,
)
from eventwire.coding.draft import Draft, Rule
from eventwire.coding.quantity import quantity_of
from eventwire.coding.rules import (
    PERSONNEL_WORDS,
    STATE_SECTORS,
    complete_countries,
    recode_by_actor,
    recode_by_magnitude,
    sent_into_other_country,
)
from eventwire.coding.sense_rules import (
    a_campaign_rally_is_no_protest,
    a_challenge_to_act_is_an_appeal,
    a_complement_verb_has_no_object,
    a_feeling_is_a_comment_only_when_said,
    a_lament_about_someone_is_criticism,
    a_missile_fired_at_no_one_is_a_show_of_force,
    a_question_is_no_appeal,
    a_race_is_won_not_fought,
    a_threat_by_no_one_known_is_none,
    a_verb_done_to_someone_needs_someone,
    a_vow_of_force_is_a_threat,
    a_warning_threatens_only_what_its_speaker_would_do,
    an_appeal_by_no_one_known_is_none,
    an_attack_by_no_known_force_is_unconventional,
    an_endorsement_needs_someone_endorsed,
    an_impression_is_no_act,
    force_needs_someone_who_bears_arms,
    hosting_needs_a_guest,
    opposing_is_aimed_at_someone,
    private_comings_and_goings_are_no_visit,
    rallying_people_is_no_protest,
    readiness_is_for_an_act,
    regarding_is_no_consideration,
    showing_something_is_no_demonstration,
    speaking_without_a_name_is_no_statement,
    voters_endorse_no_one,
    weapons_are_no_parties,
    what_is_called_for_is_no_target,
    what_must_be_done_is_no_act,
    what_voters_think_is_no_act,
)
from eventwire.coding.tree import (
    complement_objects,
    complement_targets,
    inherited_targets,
    noun_arguments,
    shared_objects,
)
from eventwire.coding.triggers import in_background
from eventwire.model import Actor, has_code


def _modifier_actor(tok: Token, resolver: ActorResolver) -> list[Actor]:
    """Actors named inside a nominal trigger's own phrase: "Russian airstrikes", "Houthi attack"."""
    mods = [
        t
        for t in noun_phrase(tok)
        if t is not tok
        and t.dep_ in ("amod", "compound")
        and (t.ent_type_ in ("NORP", "GPE", "ORG") or t.pos_ == "PROPN")
    ]
    actor = resolver.resolve(mods[-1]) if mods else None
    return [actor] if actor and actor.code else []


# --- who acts -----------------------------------------------------------------------------


def natural_forces_are_not_actors(d: Draft) -> None:
    """A storm, a flood or a disease that harms is no political actor, and what it does no
    event: "The storm killed 12 people." -> nothing."""
    non_agents = d.resolver.kn.words.non_agents
    if any(t.lemma_.lower() in non_agents for h in d.args.sources for t in noun_phrase(h)):
        d.dropped = True


def what_a_natural_force_did_is_no_event(d: Draft) -> None:
    """A relative clause on a natural force tells what the force did: "Modi visited Turkey
    after the earthquake that killed 50,000 people." -> no killing event."""
    tok = d.tok
    if (
        tok.dep_ == "relcl"
        and tok.head.lemma_.lower() in d.resolver.kn.words.non_agents
        and any(h.lower_ in ("that", "which") for h in d.args.sources)
    ):
        d.dropped = True


def the_subject_is_the_source(d: Draft) -> None:
    """The actors among the trigger's subjects (or passive agents, or possessors of a nominal
    trigger) are the source: "Russian troops attacked Ukrainian positions." -> Russia's army."""
    d.source = d.resolve(d.args.sources)


def background_events_are_not_events(d: Draft) -> None:
    """An event only mentioned as the background of another, by no one known, is no event of
    its own: "Police in Lagos arrested 12 people amid clashes." -> no clash."""
    if not has_code(d.source) and in_background(d.tok):
        d.dropped = True


def protesters_are_kept_by_their_words(d: Draft) -> None:
    """Whoever protests is people, named or not, kept by their words to take the country of
    the place where they protest: "Business owners protested at a market in Bishkek." ->
    Kyrgyzstan's civilians."""
    if d.source or not (d.root == PROTEST_ROOT or d.entry.code in OFFICIAL_PROTEST_CODES):
        return
    non_agents = d.resolver.kn.words.non_agents
    d.source = [
        phrase_actor(noun_phrase(h), None, None, None, None)
        for h in d.args.sources
        if h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() not in non_agents
    ]


def a_nominal_subject_names_who_acts(d: Draft) -> None:
    """When a nominal event is the subject of the trigger, who did it acts: "A Russian missile
    strike killed five people." -> Russia."""
    nominal = d.agent_nominal
    if nominal is not None and not has_code(d.source):
        found = d.resolve(noun_arguments(nominal, d.entry).sources)
        d.source = found or _modifier_actor(nominal, d.resolver)


# --- who is acted on ----------------------------------------------------------------------


def the_object_is_the_target(d: Draft) -> None:
    """The actors the trigger acts on, as its object or through the prepositions its entry
    names, are the target: "Russian forces shelled Kharkiv." -> Ukraine."""
    d.target = d.resolve(d.args.targets, owner=True)


def a_preposition_gives_the_target_when_the_object_does_not(d: Draft) -> None:
    """With no actor as its object, the actors of the trigger's prepositions are the target:
    "Russia protested to Japan." -> Japan."""
    if not has_code(d.target):
        d.target = d.resolve(d.args.fallback_targets, owner=True) or d.target


def an_elaborating_clause_shares_the_target(d: Draft) -> None:
    """A clause that elaborates another is aimed at the party the other is: "North Korea raised
    tensions with South Korea, including blowing up roads." -> South Korea."""
    if not has_code(d.target):
        d.target = d.resolve(inherited_targets(d.tok)) or d.target


def the_target_of_what_is_threatened_or_refused(d: Draft) -> None:
    """A trigger with an embedded action is aimed at that action's party: "Washington refused
    to ease sanctions on Caracas." -> Venezuela. (Declining to comment on something is aimed
    at no one: "declined to discuss the attacks on Cruz" is no act against Cruz.)"""
    if not has_code(d.target) and d.code != NO_COMMENT_CODE:
        d.target = d.resolve(complement_targets(d.tok), owner=True) or d.target


def coordinated_verbs_share_the_party_acted_on(d: Draft) -> None:
    """A verb with no object of its own acts on the object of the verb it is joined to:
    "Israeli police raided and closed the Al Jazeera office." -> Al Jazeera for "raided"; not
    one whose object carries what it says ("denounced the UN and rejected rumors that ...")."""
    if not has_code(d.target) and not d.args.themes:
        d.target = d.resolve(shared_objects(d.tok), owner=True) or d.target


def a_town_is_a_party_only_to_force_used_there(d: Draft) -> None:
    """A town is a party only to force, coercion or protest there, not to a visit: "The Japanese
    envoy flew to Dallas." -> no visit to the United States."""
    if d.root not in PLACE_TARGET_ROOTS:
        towns = d.resolver.memory.towns
        d.target = [a for a in d.target if (a.start, a.end) not in towns]


def a_nominal_event_names_its_actor(d: Draft) -> None:
    """A nominal trigger with no source names it in its own phrase: "A Chinese blockade of
    Taiwan would trigger a crisis." -> China."""
    if d.entry.kind == "N" and not has_code(d.source):
        d.source = _modifier_actor(d.tok, d.resolver) or d.source


def what_is_sent_acts_when_nobody_else_does(d: Draft) -> None:
    """What is sent or deployed is the source when nobody else acts: "10,000 soldiers are
    expected to be deployed to Russia." -> the soldiers. (An unknown subject is still
    someone: in "gunmen shot dead a journalist" the object is no source.)"""
    themes = d.resolved_themes()
    if not d.source and has_code(themes):
        d.source = [a for a in themes if a.code]
        d.themes = []  # what acts is not also what is acted on


def what_is_acted_on_is_the_target(d: Draft) -> None:
    """With no target yet, what the trigger acts on is: "Police dispersed protesters." -> the
    protesters; but forces a state deploys or puts on alert are its own, no target ("India
    deployed troops to Manipur")."""
    if "topicobject" in d.entry.flags:
        return  # "discussed Syria": what is spoken of is no party
    themes = d.resolved_themes()
    if not has_code(d.target) and has_code(themes):
        own = {a.country for a in d.source if a.country}
        own_forces = d.root in OWN_FORCES_ROOTS
        d.target = [a for a in themes if a.code and not (own_forces and a.country in own)]


def an_event_needs_a_party_or_a_place(d: Draft) -> None:
    """Nobody acting on nobody is no event, unless the entry needs no subject or force or
    protest is reported at a place ("Clashes broke out in Goma."); a nominal mention in passing
    is none: "Colombia broke off relations with Israel over the war in Gaza." -> no war."""
    reported_violence = (
        d.place is not None
        and d.root in PLACE_TARGET_ROOTS
        and (d.entry.kind == "V" or d.tok.dep_ in ("nsubj", "nsubjpass"))
    )
    if not d.source + d.target and "nosubj" not in d.entry.flags and not reported_violence:
        d.dropped = True


# --- the parties' countries ---------------------------------------------------------------


def roles_take_the_country_of_the_place(d: Draft) -> None:
    """Actors named by role alone belong to the country where the event happens, or else to
    the one country the other parties share: "The Pentagon ordered an aircraft carrier to the
    Mediterranean." -> the carrier is the United States' (and so no target of its own); not
    roles of no one country ("world leaders", "a foreign government")."""
    worldwide = d.resolver.memory.worldwide
    complete_countries(
        [a for a in d.source if a.start not in worldwide],
        [a for a in d.target if a.start not in worldwide],
        d.place_country,
        words=d.root in VERBAL_ROOTS,
    )


def a_party_has_a_code_or_a_name(d: Draft) -> None:
    """A phrase with neither a code nor a name is no party: "Business owners protested against
    Russia and China." -> no source (the owners are of no known country)."""
    d.source = [a for a in d.source if a.code or a.name]
    d.target = [a for a in d.target if a.code or a.name]


def population_measures_have_no_target(d: Draft) -> None:
    """A curfew, a state of emergency or an internet shutdown is imposed on everyone there:
    with no party named, it has none (later rules give it no place or country as target):
    "Indian authorities shut down mobile internet in Manipur." -> no target."""
    if d.entry.code in POPULATION_MEASURE_CODES:
        d.untargeted = True


def a_clash_between_parties_is_not_against_the_place(d: Draft) -> None:
    """Violence between the parties of a compound source is between them, not against the
    country where it happens: "Clashes between Ethiopian troops and Fano militiamen erupted in
    Gondar." -> no target."""
    if len(d.source) > 1 and not d.objects and d.root in VIOLENT_ROOTS:
        d.untargeted = True


def force_at_a_place_targets_its_country(d: Draft) -> None:
    """Force used against no named party is used against the country where it happens:
    "Israeli jets struck targets near Damascus." -> Syria."""
    if d.untargeted or not d.place or d.target or d.root not in PLACE_TARGET_ROOTS:
        return
    tok, country = d.place
    d.target = [phrase_actor(noun_phrase(tok), country, country, None, None)]
    d.implied = True


def a_domestic_act_targets_its_own_country(d: Draft) -> None:
    """A strike, a protest or a crackdown with no named party and no place is aimed at the
    acting party's own country: "Panamanian teachers held a strike." -> Panama."""
    if d.untargeted or d.target or d.root not in DOMESTIC_ROOTS:
        return
    if d.place and d.root in PLACE_TARGET_ROOTS:
        return  # the place's country (force_at_a_place_targets_its_country)
    countries = [a.country for a in d.source if a.country]
    if countries:  # no phrase names it: the act itself stands for it
        t = d.tok
        d.target = [Actor(t.text, countries[0], countries[0], None, None, t.idx, t.idx + len(t))]
        d.implied = True


def a_protest_is_aimed_at_a_government(d: Draft) -> None:
    """A protest the text aims at no party, or only at a town, is aimed at the government of
    its country: "Panamanian teachers held a strike." -> Panama's government; "Students rallied
    in Belgrade." -> Serbia's government. (Aimed at a country, it is aimed at that state: "Business
    owners protested against Russia." -> Russia.)"""
    if d.root != PROTEST_ROOT:
        return
    towns, names = d.resolver.memory.towns, d.resolver.kn.names
    for actor in d.target:
        if actor.code != actor.country:
            continue
        name = names.lookup(actor.text.removeprefix("the ").split())
        town = (actor.start, actor.end) in towns
        if d.implied or town or (name is not None and name.kind == "capital"):
            actor.code, actor.sector = f"{actor.country}GOV", "GOV"


def a_party_is_named_once(d: Draft) -> None:
    """One actor per code in a role: "Kenya's President William Ruto withdrew the finance
    bill." -> one Kenyan government, not two."""
    d.source, d.target = _dedupe(d.source), _dedupe(d.target)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor.code is None or all(a.code != actor.code for a in out):
            out.append(actor)
    return out


def parties_are_looked_up(d: Draft) -> None:
    """Every party gets its knowledge-base id and the confidence of its resolution, those the
    rules made too: "Israeli jets struck targets near Damascus." -> Syria, "country/SYR"."""
    kn = d.resolver.kn
    for actor in d.source + d.target:
        assess(kn, actor)


def an_event_needs_a_coded_party(d: Draft) -> None:
    """An event among parties none of whom is known is dropped: "Two soldiers were killed
    when their vehicle hit a roadside bomb." -> no bombing by nobody known."""
    if not has_code(d.source + d.target):
        d.dropped = True


def a_statement_needs_someone_addressed(d: Draft) -> None:
    """A plain statement with no target is the speech act around a report, no event, and so is
    one by no one known: "The Kremlin commented." -> nothing; "The plan was announced to
    Ukraine." -> nothing."""
    if d.entry.code in STATEMENT_CODES and (not d.target or not has_code(d.source)):
        d.dropped = True


# --- no party of its own -------------------------------------------------------------------


def _all_own(d: Draft) -> set[str]:
    """The source's countries, when every target is of one of them (else none)."""
    own = {a.country for a in d.source if a.country}
    return own if own and d.target and all(a.country in own for a in d.target) else set()


def own_forces_are_no_target(d: Draft) -> None:
    """What a state mobilises or launches is its own, no target: "North Korea launched a spy
    satellite." -> no target."""
    if d.root in OWN_FORCES_ROOTS and _all_own(d):
        d.target = []


def the_speakers_own_country_is_no_target(d: Draft) -> None:
    """A party's own country is no target of what it says or does; the party of the clause it
    speaks of is, or of the verb it is joined to: "Lebanon accused Algeria of meddling and
    recalled its ambassador." -> Algeria for "recalled". "Moscow denied that its troops had
    used chemical agents." -> no target (a denial is not aimed at the denier's own troops).
    Someone outside a state's executive asking or demanding of their own state aims at it:
    "Sanders called upon the U.S. to press China." -> the United States."""
    own = _all_own(d)
    if not own or d.root in OWN_FORCES_ROOTS:
        return
    if _asks_own_state(d):
        return  # "Sanders called upon the U.S. to press China"
    said = "speech" in d.entry.flags or d.entry.code in DENIAL_CODES
    heads = (complement_objects(d.tok) if said else []) + shared_objects(d.tok)
    other = [a for a in d.resolve(heads, owner=True) if a.code and a.country not in own]
    d.target = other or ([] if d.entry.code in DENIAL_CODES else d.target)


def a_states_bare_country_is_no_other_party(d: Draft) -> None:
    """A state's own country named bare is the state itself, no other party (except in
    protests and coercion at home): "The Spanish king apologised for Spain's role." -> no
    target; but a legislator asking their own state aims at it (as above)."""
    if _asks_own_state(d):
        return
    if d.root not in DOMESTIC_ROOTS and all(a.sector in STATE_SECTORS for a in d.source):
        own = {a.country for a in d.source if a.country}
        d.target = [a for a in d.target if not (a.code == a.country and a.country in own)]


def _asks_own_state(d: Draft) -> bool:
    """Whether the event asks or demands something of a state by someone outside its executive
    (a legislator, a party, a group): then the state, even the source's own, is the target."""
    return d.root in ASKING_ROOTS and not any(a.sector in EXECUTIVE_SECTORS for a in d.source)


def a_party_is_not_its_own_target(d: Draft) -> None:
    """The same parties as source and target are no other party: "Niger's military
    government promised to release 25 detained officials." -> no target; nor is the very
    phrase that acts ("Clinton marched in the parade"). Two people of one code are two parties:
    "Clinton criticized Trump." -> Trump."""
    if not d.source or not d.target:
        return
    spans = [(a.start, a.end) for a in d.source]
    d.target = [a for a in d.target if not any(s <= a.start < e for s, e in spans)]
    if all(any(_same(a, b) for b in d.source) for a in d.target) and all(
        any(_same(a, b) for b in d.target) for a in d.source
    ):
        d.target = []


def _same(one: Actor, other: Actor) -> bool:
    """Whether two actors may be one party: the same code and the same name, or both without
    one (a named person and an unnamed body of one code are two parties: "Clinton denounced
    GOP efforts"); parties are told apart by the word that names them, as CAMEO codes all of
    one country's parties alike ("Democrats blasted Republicans")."""
    if one.code != other.code or one.name != other.name:
        return False
    if one.name is None and one.sector == PARTY_SECTOR:
        words = one.text.split()[-1], other.text.split()[-1]
        return words[0] == words[1] or not (words[0].istitle() and words[1].istitle())
    return True


# The sector of political parties, whose members CAMEO codes alike whatever their party.
PARTY_SECTOR = "PTY"
# Roots of asking and demanding, and the sectors (or a bare country) that speak as the state.
ASKING_ROOTS = frozenset({"02", "10"})
EXECUTIVE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", None})


# --- the code and the count ----------------------------------------------------------------


def who_acts_decides_the_code(d: Draft) -> None:
    """People who protest demonstrate (141) and who complain otherwise disapprove (110), a
    government lodges a complaint (114); protesters who burn or fight riot (145); rebels' force
    is unconventional violence (18): "Rebels attacked a police station." -> 180."""
    d.code = recode_by_actor(d.code, d.source, d.tok.lemma_.lower())


def forces_sent_into_another_country_support_it(d: Draft) -> None:
    """Troops deployed to or into another country are military support (074), not a show of
    force: "Rwanda deployed 1,000 troops to Mozambique." -> 074."""
    if (
        d.root in MOBILIZE_ROOTS
        and any(o.lemma_.lower() in PERSONNEL_WORDS for o in d.objects)
        and sent_into_other_country(d.tok, d.source, d.target)
    ):
        d.code = FOREIGN_DEPLOYMENT_CODE


def the_killed_are_the_target_of_the_act(d: Draft) -> None:
    """With no target, the victims a participle clause names are those of the same act:
    "The army bombed a village in Sagaing, killing 9 people." -> Myanmar's civilians."""
    consequences = d.consequences()
    if not d.target and consequences and d.root in VIOLENT_ROOTS:
        d.target = [a for a in d.resolve(consequences) if a.code]
        complete_countries(d.source, d.target, d.place_country)


def the_first_number_counts(d: Draft) -> None:
    """The event's quantity is the first number found on what it acts on, its target, its
    victims, its source, then the trigger: "Militants killed 6 soldiers." -> 6."""
    args = d.args
    for head in [
        *d.objects,
        *args.targets,
        *args.fallback_targets,
        *d.consequences(),
        *args.sources,
        d.tok,
    ]:
        d.quantity = quantity_of(head)
        if d.quantity:
            break


def mass_violence_by_magnitude(d: Draft) -> None:
    """Killing hundreds is mass killing (202), expelling thousands mass expulsion (201): "The
    militia killed 300 villagers." -> 202."""
    d.code = recode_by_magnitude(d.code, d.quantity)


RULES: tuple[Rule, ...] = (
    a_complement_verb_has_no_object,
    a_verb_done_to_someone_needs_someone,
    what_must_be_done_is_no_act,
    an_impression_is_no_act,
    readiness_is_for_an_act,
    regarding_is_no_consideration,
    speaking_without_a_name_is_no_statement,
    natural_forces_are_not_actors,
    what_a_natural_force_did_is_no_event,
    the_subject_is_the_source,
    background_events_are_not_events,
    protesters_are_kept_by_their_words,
    a_nominal_subject_names_who_acts,
    the_object_is_the_target,
    a_preposition_gives_the_target_when_the_object_does_not,
    an_elaborating_clause_shares_the_target,
    the_target_of_what_is_threatened_or_refused,
    coordinated_verbs_share_the_party_acted_on,
    a_town_is_a_party_only_to_force_used_there,
    a_nominal_event_names_its_actor,
    what_is_sent_acts_when_nobody_else_does,
    what_is_acted_on_is_the_target,
    an_event_needs_a_party_or_a_place,
    roles_take_the_country_of_the_place,
    a_party_has_a_code_or_a_name,
    population_measures_have_no_target,
    a_clash_between_parties_is_not_against_the_place,
    force_at_a_place_targets_its_country,
    a_domestic_act_targets_its_own_country,
    a_protest_is_aimed_at_a_government,
    a_party_is_named_once,
    parties_are_looked_up,
    an_event_needs_a_coded_party,
    what_is_called_for_is_no_target,
    a_statement_needs_someone_addressed,
    own_forces_are_no_target,
    the_speakers_own_country_is_no_target,
    a_states_bare_country_is_no_other_party,
    a_party_is_not_its_own_target,
    hosting_needs_a_guest,
    a_race_is_won_not_fought,
    a_campaign_rally_is_no_protest,
    rallying_people_is_no_protest,
    showing_something_is_no_demonstration,
    a_question_is_no_appeal,
    a_challenge_to_act_is_an_appeal,
    an_appeal_by_no_one_known_is_none,
    a_warning_threatens_only_what_its_speaker_would_do,
    a_vow_of_force_is_a_threat,
    a_feeling_is_a_comment_only_when_said,
    voters_endorse_no_one,
    an_endorsement_needs_someone_endorsed,
    what_voters_think_is_no_act,
    a_threat_by_no_one_known_is_none,
    private_comings_and_goings_are_no_visit,
    a_lament_about_someone_is_criticism,
    opposing_is_aimed_at_someone,
    force_needs_someone_who_bears_arms,
    a_missile_fired_at_no_one_is_a_show_of_force,
    weapons_are_no_parties,
    an_attack_by_no_known_force_is_unconventional,
    who_acts_decides_the_code,
    forces_sent_into_another_country_support_it,
    the_killed_are_the_target_of_the_act,
    the_first_number_counts,
    mass_violence_by_magnitude,
)

RULE_NAMES = frozenset(rule.__name__ for rule in RULES)


def rules_without(disabled: Iterable[str] = ()) -> tuple[Rule, ...]:
    """The rules in order, less those named (each must name a rule: a typo is an error)."""
    off = frozenset(disabled)
    if not off:
        return RULES
    unknown = off - RULE_NAMES
    if unknown:
        raise ValueError(f"no such role rule: {', '.join(sorted(unknown))}")
    return tuple(rule for rule in RULES if rule.__name__ not in off)


def decide(draft: Draft, rules: tuple[Rule, ...] = RULES) -> bool:
    """Run the rules in order on the draft; False when one drops it."""
    for rule in rules:
        rule(draft)
        if draft.dropped:
            return False
    return True
