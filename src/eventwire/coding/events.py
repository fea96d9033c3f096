"""Event coding over the dependency parse: triggers, their actors, modality and quantity.

For each sentence: every token whose lemma has lexicon entries is a candidate trigger; the most
specific entry whose constraints hold (particles, object lemmas) wins. Source and target come
from the dependency structure: subjects, passive agents, direct objects, the prepositions the
entry names, possessors and actor modifiers of nominal events, conjunctions as compound actors,
and subjects inherited through control, coordination, relative and participial clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventwire.coding.actors import (
    ActorResolver,
    non_agents,
    noun_phrase,
    phrase_actor,
    place_countries,
)
from eventwire.coding.lexicon import PLACENAME, Entry, Lexicon, lexicon
from eventwire.coding.modality import modality
from eventwire.coding.ontology import plover_for, quad_class
from eventwire.coding.quantity import quantity_of
from eventwire.data import read_text
from eventwire.model import Actor, Event, stable_id

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# Clauses whose missing subject is the governing verb's subject ("agreed to send troops",
# "attacked and killed", "met X, urging Y").
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "oprd"})
# How many steps up the tree a missing subject is looked for.
MAX_INHERIT_STEPS = 4
# Codes whose verbs govern a complement that is not a separate event: the accusation, demand,
# threat, appeal, promise or refusal is the event ("accused X of attacking", "threatened to
# strike", "urged X to release"). Denials govern too: the denied event is kept as negated.
GOVERNING_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
DENIAL_CODES = frozenset({"016"})
# Units and counts that stand before what is counted: "800 hectares of land".
MEASURE_WORDS = frozenset(
    {
        "hectare",
        "acre",
        "tonne",
        "ton",
        "barrel",
        "kilometre",
        "kilometer",
        "mile",
        "litre",
        "liter",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "billion",
        "batch",
        "shipment",
        "consignment",
        "load",
        "cargo",
    }
)
# Prepositions that bring a target when the lexicon entry names none. Not "in", "at", "near":
# those bring places, and a capital there would pass for its government.
DEFAULT_TARGET_PREPS = frozenset(
    {"to", "with", "against", "on", "for", "toward", "towards", "into", "over", "from", "between"}
)
# Verbs that carry a nominal event as their object and whose subject is its agent: "carried out
# air strikes", "claimed responsibility for the bombing". Others ("condemned the attack") do not.
CARRIER_VERBS = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "mount",
        "make",
        "claim",
        "take",
        "step",
        "intensify",
        "escalate",
        "begin",
        "start",
        "continue",
        "resume",
        "order",
        "unleash",
        "wage",
        "hold",
        "sign",
        "reach",
        "strike",
        "perpetrate",
        "commit",
        "admit",
        "execute",
        "plan",
        "announce",
    }
)
# "Protest" by a state is an official complaint (114); by anyone else, a demonstration (141).
OFFICIAL_PROTEST_CODES = frozenset(
    {"114", "engage", "organise", "organize", "call", "join", "lead"}
)
PEOPLE_PROTEST_CODE = "141"
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "IGO", None})
# Roots of material conflict whose target, when no party is named, is the country where the
# event happens (GDELT and ICEWS code "strikes in southern Lebanon" against Lebanon).
PLACE_TARGET_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# Adjectives are triggers when they are predicated of their subject: "was pessimistic about",
# "said it was ready to", "is open to".
PREDICATIVE_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp", "ROOT", "conj", "advcl"})
# Roots whose object, when it is the actor's own forces, is no target ("deployed troops").
OWN_FORCES_ROOTS = frozenset({"15"})
# Roots whose target, when none is named, is the acting party's own country.
DOMESTIC_ROOTS = frozenset({"14", "17"})
# Prepositions whose objects say where an event happened.
LOCATION_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "along"}
)
# Prepositions that attach an elaborating clause, and those whose objects it inherits.
ELABORATING = frozenset({"including", "by", "through", "with"})
INHERITED_PREPS = frozenset({"with", "against", "on", "toward", "towards", "to"})
# An entry whose preposition is present beats one without ("hold exercises with" is a joint
# exercise, 062; "hold exercises" alone is a show of force, 150); absent, it yields to them.
PREP_PRESENT_BONUS = 2
# Magnitudes that make violence mass violence (CAMEO 20). The codebook gives no number; these
# mark what news reports call massacres and mass expulsions.
KILLING_CODES = frozenset({"180", "1823", "190", "193", "186", "200"})
MASS_KILLING_MIN = 100
MASS_KILLING_CODE = "202"
EXPULSION_CODES = frozenset({"174", "166"})
MASS_EXPULSION_MIN = 1000
MASS_EXPULSION_CODE = "201"
# Deployments of forces into another country are military support, not posture.
MOBILIZE_ROOTS = frozenset({"15"})
FOREIGN_DEPLOYMENT_CODE = "074"
PERSONNEL_WORDS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "police",
        "officer",
        "peacekeeper",
        "contingent",
        "personnel",
        "marine",
        "unit",
        "trainer",
        "adviser",
        "advisor",
        "instructor",
        "battalion",
        "brigade",
        "gendarme",
    }
)
# Roots of material conflict, which sports reporting borrows the words of.
CONFLICT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# Generic "kill", "shoot", "attack" by irregular actors is unconventional violence.
CONVENTIONAL_FORCE_CODES = frozenset({"190", "193"})
IRREGULAR_SECTORS = frozenset({"REB", "CRM", "OPP", "CVL", "INS"})
UNCONVENTIONAL_VIOLENCE_CODE = "180"
# Roots of violence, and the generic codes a more specific description of the same act replaces.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
GENERIC_VIOLENCE_CODES = frozenset({"180", "190", "193"})
# Speech acts that state the purpose of a protest ("marched to demand") belong to the protest.
PURPOSE_ROOTS = frozenset({"02", "10", "11", "12"})
# Nominal cooperation events that are often only mentioned as a topic.
MENTION_ROOTS = frozenset({"03", "04", "05"})
TOPIC_PREPS = frozenset(
    {
        "in",
        "on",
        "about",
        "under",
        "over",
        "for",
        "of",
        "into",
        "to",
        "toward",
        "towards",
        "with",
        "amid",
    }
)
# Plain statements (010) are the speech act around reported content, not an event of their own.
STATEMENT_CODES = frozenset({"010"})


@dataclass
class Match:
    token: Token
    entry: Entry
    absorbed: bool = False  # part of another trigger's event (see _merge_violence)
    agent_nominal: Token | None = None  # a nominal event standing as this verb's subject


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Heads with their conjuncts and proper-name appositions ("on Mexico, Canada")."""
    out: list[Token] = []
    for tok in tokens:
        appositions = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        for t in (tok, *tok.conjuncts, *appositions):
            if t not in out:
                out.append(t)
    return out


def _headline_subjects(verb: Token, subjects: list[Token]) -> list[Token]:
    """Headline grammar joins subjects with a comma: "Putin, Xi sign pact" (the parser hangs the
    first name on the verb)."""
    if not subjects:
        return []
    first = min(s.i for s in subjects)
    return [
        c
        for c in verb.children
        if c.pos_ == "PROPN"
        and c.i < first
        and c.dep_ in ("dep", "advcl", "npadvmod", "appos")
        and any(t.text == "," for t in verb.doc[c.i + 1 : first])
    ]


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``tok``."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            out.extend(_children(child, {"pobj"}))
    return out


def _objects(tok: Token) -> list[Token]:
    """What the verb acts on: its direct object, or for a passive its (inherited) subject; a
    measure stands for what it measures ("seized 800 hectares of land" -> land)."""
    if _passive(tok):
        heads = _children(tok, {"nsubjpass"}) or _inherited_subject(tok)
    else:
        heads = _children(tok, OBJECT_DEPS | {"attr"})
    return _with_conjuncts([_measured(h) for h in heads])


def _measured(head: Token) -> Token:
    if head.lemma_.lower() in MEASURE_WORDS:
        for obj in _pobjs(head, frozenset({"of"})):
            return obj
    return head


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of ``preps`` on the trigger and on its direct objects."""
    found = _pobjs(tok, preps)
    for obj in _objects(tok):
        found += _pobjs(obj, preps)
    return found


def _score(entry: Entry, tok: Token) -> int | None:
    """How well an entry fits a trigger token: None if a constraint fails, else its
    specificity, raised when a preposition it names is present and lowered when none is."""
    for particle in entry.particles:
        if not any(
            c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod", "agent", "dative")
            for c in tok.children
        ):
            return None
    prep_objects = _prep_objects(tok, entry.target_preps) if entry.target_preps else []
    matched_objects: list[Token] = []
    if entry.objects and entry.kind == "V":
        # The object may be direct ("imposed sanctions") or prepositional ("agreed to a truce").
        candidates = _objects(tok) + prep_objects
        matched_objects = [
            o
            for o in candidates
            if o.lemma_.lower() in entry.objects
            or o.lower_ in entry.objects
            or (PLACENAME in entry.objects and o.ent_type_ in ("GPE", "LOC", "FAC"))
        ]
        if not matched_objects:
            return None
    if entry.modifiers:
        owners = matched_objects or ([tok] if entry.kind != "V" else _objects(tok))
        if not any(
            c.lemma_.lower() in entry.modifiers or c.lower_ in entry.modifiers
            for o in owners
            for c in o.children
            if c.dep_ in ("compound", "amod", "nmod")
        ):
            return None
    if "needprep" in entry.flags and not prep_objects:
        return None
    score = entry.specificity
    if entry.target_preps:
        score += PREP_PRESENT_BONUS if prep_objects else -PREP_PRESENT_BONUS
    return score


def _best_entry(lex: Lexicon, kind: str, tok: Token) -> Entry | None:
    entries = lex.candidates(kind, tok.lemma_.lower()) or lex.candidates(kind, tok.lower_)
    best, best_score = None, None
    for entry in entries:
        score = _score(entry, tok)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = entry, score
    return best


def find_triggers(sent: Span, lex: Lexicon) -> list[Match]:
    matches = []
    for tok in sent:
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            kind = "V"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
            if tok.dep_ == "compound" and _carrier_verb(tok) is None:
                continue  # "riot police", "war crimes": a modifier, not an event
            kind = "N"
        elif tok.pos_ == "ADJ" and tok.dep_ in PREDICATIVE_DEPS:
            kind = "A"
        else:
            continue
        entry = _best_entry(lex, kind, tok)
        if entry is not None:
            matches.append(Match(tok, entry))
    return _drop_nested_nominals(matches)


def _drop_nested_nominals(matches: list[Match]) -> list[Match]:
    """A nominal trigger that is the object of a verb trigger is that verb's event
    ("launched an attack on", "struck a deal with")."""
    verbs = {m.token.i for m in matches if m.entry.kind == "V"}
    return [
        m
        for m in matches
        if not (
            m.entry.kind == "N"
            and m.token.head.i in verbs
            and m.token.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "compound")
        )
    ]


def _clause_of(prep: Token) -> Token:
    """The verb a prepositional elaboration ("including blowing up", "by providing") belongs
    to. The parser sometimes hangs it on a nearby noun; the clause it elaborates is then the
    nearest preceding verb that has a subject."""
    if prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    for tok in reversed(prep.doc[prep.sent.start : prep.i]):
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in tok.children):
            return tok
    return prep.head


def _inherited_subject(tok: Token) -> list[Token]:
    """The subject a clause without one shares with the clause that governs it."""
    cur = tok
    for _ in range(MAX_INHERIT_STEPS):
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            return [cur.head]
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = _clause_of(cur.head)
        elif cur.dep_ in CONTROL_DEPS:
            cur = cur.head
        elif cur.dep_ in ("pobj", "dobj") and cur.pos_ == "NOUN":
            cur = cur.head if cur.dep_ == "dobj" else cur.head.head
        else:
            return []
        subjects = _children(cur, {"nsubj", "csubj"}) or (
            _children(cur, {"nsubjpass"}) if cur.dep_ != "xcomp" else []
        )
        if subjects:
            return subjects
        if cur.dep_ == "xcomp" and _passive(cur.head):
            return _children(cur.head, {"nsubjpass"})
    return []


def _inherited_targets(tok: Token) -> list[Token]:
    """Participants an elaborating clause shares with the clause it elaborates: "raised tensions
    with South Korea, including blowing up roads" -> South Korea."""
    cur = tok
    for _ in range(2):
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.lower_ in ELABORATING:
            gov = _clause_of(cur.head)
            heads = _pobjs(gov, INHERITED_PREPS) + _children(gov, OBJECT_DEPS)
            for obj in _children(gov, OBJECT_DEPS):
                heads += _pobjs(obj, INHERITED_PREPS)
            return _with_conjuncts(heads)
        cur = cur.head
    return []


@dataclass
class Arguments:
    """Candidate heads of an event's participants, before resolution."""

    sources: list[Token]
    targets: list[Token]
    themes: list[Token]
    fallback_targets: list[Token]


def _complement_targets(tok: Token) -> list[Token]:
    """The party an embedded action is aimed at: "refused to ease sanctions on Caracas",
    "threatened to attack any U.S. warship"."""
    heads: list[Token] = []
    for clause in _children(tok, {"xcomp"}):
        heads += _children(clause, OBJECT_DEPS) + _pobjs(clause, DEFAULT_TARGET_PREPS)
        for obj in _children(clause, OBJECT_DEPS):
            heads += _pobjs(obj, DEFAULT_TARGET_PREPS)
    return _with_conjuncts(heads)


def _verb_arguments(tok: Token, entry: Entry) -> Arguments:
    """The participants of a verb trigger.

    The theme is what the verb acts on when the target comes through a preposition ("sent
    troops to Russia": troops is the theme, Russia the target); a theme that is an actor stands
    in for a missing source ("soldiers are expected to be deployed to Russia"). Without object
    constraints, a direct object that is an actor is the target, and prepositional objects are
    the fallback ("accused Moscow of ...", "offered condolences to Turkey").
    """
    passive = _passive(tok)
    if passive:
        sources = _pobjs(tok, frozenset({"by"}))
        direct = _children(tok, {"nsubjpass"}) or _inherited_subject(tok)
    else:
        sources = _children(tok, {"nsubj", "csubj"}) or _inherited_subject(tok)
        sources = _headline_subjects(tok, sources) + sources
        direct = _children(tok, OBJECT_DEPS | {"attr"}) + _children(tok, {"dative"})
    direct = _with_conjuncts(direct)
    prep_targets: list[Token] = []
    for particle in entry.particles:  # "call on X", "cracked down on X"
        prep_targets += _pobjs(tok, frozenset({particle}))
    preps = entry.target_preps or DEFAULT_TARGET_PREPS
    prep_targets += _pobjs(tok, preps)
    for obj in direct:
        prep_targets += _pobjs(obj, preps)
        for inner in _pobjs(obj, frozenset({"in", "of", "as"})):  # "$4bn in aid to Ukraine"
            prep_targets += _pobjs(inner, preps)
    prep_targets += _clause_subjects(tok)
    if entry.objects:
        args = Arguments(sources, prep_targets, direct, [])
    else:
        args = Arguments(sources, direct, [], prep_targets)
    if entry.source_preps:
        from_source = _pobjs(tok, entry.source_preps)
        if from_source:
            args.targets, args.fallback_targets = args.sources, []
            args.sources = from_source
    args.sources = _with_conjuncts(args.sources)
    args.targets = _with_conjuncts(args.targets)
    args.fallback_targets = _with_conjuncts(args.fallback_targets)
    return args


def _adjective_arguments(tok: Token, entry: Entry) -> Arguments:
    """Participants of a predicative adjective: the subject of its copula ("Japan was
    pessimistic about ...") or its own ("Egypt says ready to ..." -> Egypt), targets through
    its prepositions."""
    holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    sources = _children(holder, {"nsubj", "nsubjpass"}) or _children(tok, {"nsubj"})
    if not sources:
        sources = _inherited_subject(holder)
    preps = entry.target_preps or DEFAULT_TARGET_PREPS | {"about", "by"}
    targets = _pobjs(tok, preps)
    for obj in list(targets):
        targets += _pobjs(obj, DEFAULT_TARGET_PREPS)
    targets += _clause_subjects(tok)
    return Arguments(_with_conjuncts(sources), _with_conjuncts(targets), [], [])


def _complement_objects(tok: Token) -> list[Token]:
    """What a reported clause acts on: its objects and the targets of its prepositions."""
    heads: list[Token] = []
    for clause in _children(tok, {"ccomp", "xcomp"}):
        for verb in [clause, *_children(clause, {"xcomp"})]:
            heads += _children(verb, OBJECT_DEPS | {"dative"}) + _pobjs(verb, DEFAULT_TARGET_PREPS)
    return _with_conjuncts(heads)


def _clause_subjects(tok: Token) -> list[Token]:
    """The subject of a complement clause: "demanded that Russia release ..." -> Russia."""
    out = []
    for clause in _children(tok, {"ccomp"}):
        out += _children(clause, {"nsubj", "nsubjpass"})
    return out


def _noun_arguments(tok: Token, entry: Entry) -> Arguments:
    """(source heads, target heads, object heads) of a nominal trigger ("Russia's invasion of
    Ukraine", "Israeli airstrikes on Gaza", "talks with the rebels")."""
    sources = _children(tok, {"poss"}) + _pobjs(tok, frozenset({"by"}))
    targets = _pobjs(tok, entry.target_preps) if entry.target_preps else []
    between = _pobjs(tok, frozenset({"between"}))
    if between and not sources:
        # "talks between the government and the rebels", "clashes between police and
        # protesters": both parties act, together.
        sources = between
        targets = [t for t in targets if t not in between]
    if not targets:  # "the bombings that killed 90 people": the clause names the victims
        for clause in _children(tok, {"relcl", "acl"}):
            targets += _children(clause, OBJECT_DEPS)
    if entry.source_preps:
        sources += _pobjs(tok, entry.source_preps)
    if not sources:
        carrier = _carrier_verb(tok)
        if carrier is not None:
            sources = _children(carrier, {"nsubj"}) or _inherited_subject(carrier)
    return Arguments(_with_conjuncts(sources), _with_conjuncts(targets), [], [])


def _carrier_verb(tok: Token) -> Token | None:
    """The verb that carries a nominal event: "carried out airstrikes", "claimed responsibility
    for the bombing"."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "compound":  # "held a protest sit-in"
            cur = cur.head
        if cur.dep_ in ("dobj", "attr", "nsubjpass") and cur.head.pos_ in ("VERB", "AUX"):
            verb = cur.head
            return verb if verb.lemma_.lower() in CARRIER_VERBS else None
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            cur = cur.head.head
        else:
            return None
    return None


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


def _resolve_all(heads: list[Token], resolver: ActorResolver, owner: bool = False) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        found = resolver.resolve_or_owner(head) if owner else resolver.resolve_many(head)
        for actor in found:
            if all((a.start, a.code) != (actor.start, actor.code) for a in out):
                out.append(actor)
    return out


def _purpose(tok: Token) -> bool:
    """ "held talks to defuse the crisis", "a bid to join NATO": an aim, not an event. (The
    complement of "plans to", "agreed to" is an xcomp and stays an event.)"""
    return tok.dep_ in ("advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def _describes_nominal(tok: Token, by_index: dict[int, Match]) -> bool:
    """ "the bombings that killed 90 people": the clause describes the nominal event; it is not
    a second one."""
    return (
        tok.dep_ in ("relcl", "acl")
        and tok.head.i in by_index
        and by_index[tok.head.i].entry.kind == "N"
    )


def _mentioned_only(tok: Token, entry: Entry) -> bool:
    """A nominal talk, deal or proposal named in passing ("in talks with", "under a deal with",
    "truce talks") is a topic, not an event; held, signed or resumed, it is one."""
    return (
        entry.kind == "N"
        and entry.code[:2] in MENTION_ROOTS
        and (
            tok.dep_ in ("compound", "amod")
            or (
                tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS and _carrier_verb(tok) is None
            )
        )
    )


def _governing_match(tok: Token, by_index: dict[int, Match]) -> Match | None:
    """The trigger whose complement this trigger stands in, if any."""
    cur = tok
    for _ in range(MAX_INHERIT_STEPS):
        if cur.dep_ in ("ROOT", "conj", "relcl") or cur.head is cur:
            return None
        cur = cur.head
        if cur.i in by_index:
            return by_index[cur.i]
    return None


@cache
def sports_words() -> frozenset[str]:
    return frozenset(
        ln.strip()
        for ln in read_text("sports_context.txt").splitlines()
        if ln.strip() and not ln.startswith("#")
    )


def _concession_to_protesters(event: Event, matches: list[Match]) -> None:
    """A government that yields "after deadly protests" yields to the protesters: the
    country's opposition is the target of the concession."""
    if event.cameo[:2] != "08" or event.target:
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


def _merge_violence(matches: list[Match]) -> list[Match]:
    """One act of violence, not several: "killed 6 soldiers in a roadside bomb attack" and
    "stormed a hotel, killing 9 people" are one event each. The nominal or participle joins the
    verb's event; a specific nominal code ("roadside bomb", 1833) replaces a generic verb code
    ("kill", 190)."""
    by_index = {m.token.i: m for m in matches}
    for m in matches:
        if m.entry.code[:2] not in VIOLENT_ROOTS:
            continue
        tok = m.token
        gov = None
        if m.entry.kind == "N" and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            gov = by_index.get(tok.head.head.i)
        elif m.entry.kind == "N" and tok.dep_ in ("nsubj", "nsubjpass"):
            gov = by_index.get(tok.head.i)  # "a roadside bomb killed 4 peacekeepers"
        elif m.entry.kind == "V" and tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG":
            gov = by_index.get(tok.head.i)
        if gov is None or gov is m or gov.entry.code[:2] not in VIOLENT_ROOTS:
            continue
        m.absorbed = True
        if m.entry.kind == "N" and tok.dep_ in ("nsubj", "nsubjpass"):
            gov.agent_nominal = tok  # "a Russian missile strike killed": who struck acts
        if m.entry.kind == "N" and gov.entry.code in GENERIC_VIOLENCE_CODES:
            gov.entry = replace(gov.entry, code=m.entry.code)
    return matches


def code_sentence(
    sent: Span, sent_index: int, doc_id: str, resolver: ActorResolver, lex: Lexicon
) -> list[Event]:
    for tok in sent:  # remember who is named, in text order, for pronouns that follow
        if tok.dep_ in SUBJECT_DEPS and tok.pos_ != "PRON":
            resolver.note_subject(tok)
    place = sentence_place(sent)
    matches = _merge_violence(find_triggers(sent, lex))
    if any(t.lemma_.lower() in sports_words() for t in sent):
        # "India crushed Pakistan by seven wickets": games, not force
        matches = [m for m in matches if m.entry.code[:2] not in CONFLICT_ROOTS]
    by_index = {m.token.i: m for m in matches}
    events: list[Event] = []
    for match in matches:
        tok, entry = match.token, match.entry
        if match.absorbed:
            continue
        gov = _governing_match(tok, by_index)
        forced_modality = None
        if gov is not None and gov.entry.code in DENIAL_CODES:
            forced_modality = "negated"
        elif gov is not None and gov.entry.code[:2] in GOVERNING_ROOTS:
            continue
        elif gov is not None and gov.entry.code[:2] == "14" and entry.code[:2] in PURPOSE_ROOTS:
            continue  # "marched to demand X": the demand is what the protest is for
        if _describes_nominal(tok, by_index) or _mentioned_only(tok, entry):
            continue
        if _purpose(tok) and tok.head.i in by_index:
            continue  # the aim of another event ("held talks to defuse"), not an event
        if entry.code in STATEMENT_CODES and any(
            c.dep_ in ("ccomp", "xcomp") or c.dep_ == "punct" and c.text in ('"', "”")
            for c in tok.children
        ):
            continue
        event = _event(sent, sent_index, doc_id, tok, entry, resolver, place, match.agent_nominal)
        if event is None:
            continue
        if forced_modality:
            event.modality = forced_modality
        _concession_to_protesters(event, matches)
        events.append(event)
    return events


def _sent_into_other_country(tok: Token, source: list[Actor], target: list[Actor]) -> bool:
    """Forces deployed *to* or *into* another country support it (CAMEO 074); deployed near a
    border, they are a show of force (15)."""
    own = {a.country for a in source if a.country}
    into = {
        obj.idx for head in [tok, *_objects(tok)] for obj in _pobjs(head, frozenset({"to", "into"}))
    }
    return any(
        a.country and a.country not in own and any(a.start <= i < a.end for i in into)
        for a in target
    )


def _by_magnitude(code: str, quantity: dict[str, object] | None) -> str:
    """Mass violence is CAMEO 20: killing hundreds of people (202), expelling thousands (201)."""
    value = int(quantity["value"]) if quantity else 0
    if code in KILLING_CODES and value >= MASS_KILLING_MIN:
        return MASS_KILLING_CODE
    if code in EXPULSION_CODES and value >= MASS_EXPULSION_MIN:
        return MASS_EXPULSION_CODE
    return code


def _by_actor(code: str, source: list[Actor]) -> str:
    """Codes whose meaning depends on who acts: people who "protest" demonstrate (141); a
    government that protests lodges an official complaint (114)."""
    if code in OFFICIAL_PROTEST_CODES and not any(a.sector in STATE_SECTORS for a in source):
        return PEOPLE_PROTEST_CODE
    if (
        code in CONVENTIONAL_FORCE_CODES
        and source
        and all(a.sector in IRREGULAR_SECTORS for a in source)
    ):
        # CAMEO 19 is conventional force, used by armed forces; the same act by rebels,
        # gangs, militants or a mob is unconventional violence (18).
        return UNCONVENTIONAL_VIOLENCE_CODE
    return code


def _complete_countries(actors: list[Actor], place_country: str | None) -> None:
    """Actors named by role alone ("police", "protesters", "parliament") belong to the country
    where the event happens, or failing that to the one country the other actors share."""
    countries = {a.country for a in actors if a.country}
    fallback = place_country or (next(iter(countries)) if len(countries) == 1 else None)
    if fallback is None:
        return
    for actor in actors:
        if (
            actor.country is None
            and actor.sector
            and actor.sector != "IGO"
            and (actor.code is None or len(actor.code) == 3)
        ):
            actor.country = fallback
            actor.code = fallback + actor.sector
        elif actor.code is None and actor.name is None and actor.sector is None:
            # "members of a committee", "dozens of people": civilians of that country
            actor.country, actor.sector = fallback, "CVL"
            actor.code = fallback + "CVL"


def _place_actor(tok: Token, country: str) -> Actor:
    return phrase_actor(noun_phrase(tok), country, country, None, None)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    """One actor per code in a compound ("the government's ... the government")."""
    out: list[Actor] = []
    for actor in actors:
        if actor.code is None or all(a.code != actor.code for a in out):
            out.append(actor)
    return out


def sentence_place(sent: Span) -> tuple[Token, str] | None:
    """The first place the sentence says something happened in, with its country."""
    for tok in sent:
        if tok.dep_ == "prep" and tok.lower_ in LOCATION_PREPS:
            for obj in _children(tok, {"pobj"}):
                for country in place_countries(obj):
                    return obj, country
    return None


def _event(
    sent: Span,
    sent_index: int,
    doc_id: str,
    tok: Token,
    entry: Entry,
    resolver: ActorResolver,
    place: tuple[Token, str] | None = None,
    agent_nominal: Token | None = None,
) -> Event | None:
    if entry.kind == "V":
        args = _verb_arguments(tok, entry)
    elif entry.kind == "A":
        args = _adjective_arguments(tok, entry)
    else:
        args = _noun_arguments(tok, entry)
    code_root = entry.code[:2]
    if any(t.lemma_.lower() in non_agents() for h in args.sources for t in noun_phrase(h)):
        return None  # "the storm killed 12 people": harm, but no political actor
    source = _resolve_all(args.sources, resolver)
    if agent_nominal is not None and not any(a.code for a in source):
        nominal = _noun_arguments(agent_nominal, entry)
        source = _resolve_all(nominal.sources, resolver) or _modifier_actor(agent_nominal, resolver)
    target = _resolve_all(args.targets, resolver, owner=True)
    if not any(a.code for a in target):
        target = _resolve_all(args.fallback_targets, resolver, owner=True) or target
    if not any(a.code for a in target):
        target = _resolve_all(_inherited_targets(tok), resolver) or target
    if not any(a.code for a in target):
        target = _resolve_all(_complement_targets(tok), resolver, owner=True) or target
    if code_root not in PLACE_TARGET_ROOTS:
        # A town is a party only to force used there; "flew to Dallas" is no visit to the US.
        target = [a for a in target if a.start not in resolver.towns]
    objects = args.themes
    source_heads, target_heads = args.sources, args.targets + args.fallback_targets
    if entry.kind == "N" and not any(a.code for a in source):
        source = _modifier_actor(tok, resolver) or source
    themes = _resolve_all(objects, resolver, owner=True) if objects else []
    if not any(a.code for a in source) and any(a.code for a in themes):
        # What is sent or deployed is the actor when nobody else is named:
        # "10,000 soldiers are expected to be deployed to Russia".
        source = [a for a in themes if a.code]
    elif not any(a.code for a in target) and any(a.code for a in themes):
        # "stormed parliament", "dispersed protesters": the object acted on is the target; but
        # forces a state deploys or puts on alert are its own, not a target.
        own = {a.country for a in source if a.country}
        target = [
            a for a in themes if a.code and not (code_root in OWN_FORCES_ROOTS and a.country in own)
        ]
    reported_violence = (
        place is not None
        and code_root in PLACE_TARGET_ROOTS
        and (entry.kind == "V" or tok.dep_ in ("nsubj", "nsubjpass"))
    )
    if not source + target and "nosubj" not in entry.flags and not reported_violence:
        # Nobody acts and nobody is acted on. Violence or protest reported at a place is
        # still an event ("clashes broke out in Goma", "a man was shot dead in Anori");
        # a nominal mention in passing ("after deadly protests") is not.
        return None
    place_country = place[1] if place else None
    _complete_countries(source + target, place_country)
    source = [a for a in source if a.code or a.name]
    target = [a for a in target if a.code or a.name]
    if place and not target and code_root in PLACE_TARGET_ROOTS:
        # Force used against no named party is used against the country where it happens:
        # "Israeli warplanes struck positions in southern Lebanon" -> Lebanon.
        target = [_place_actor(place[0], place_country)]
    elif not target and code_root in DOMESTIC_ROOTS:
        # A strike, a protest or a crackdown with no named party is aimed at the country's own
        # state or people: "Panamanian teachers held a strike" -> Panama.
        countries = [a for a in source if a.country]
        if countries:
            c = countries[0]
            target = [
                Actor(
                    text=c.text,
                    code=c.country,
                    country=c.country,
                    sector=None,
                    name=None,
                    start=c.start,
                    end=c.end,
                )
            ]
    source, target = _dedupe(source), _dedupe(target)
    if not any(a.code for a in source + target):
        return None
    if entry.code in STATEMENT_CODES and not target:
        return None  # "..., the ministry said": the speech act around a report, no event
    own = {a.country for a in source if a.country}
    if own and target and all(a.country in own for a in target):
        if code_root in OWN_FORCES_ROOTS:
            target = []  # "put its forces on alert": its own forces are no target
        elif "speech" in entry.flags:
            # "warned that Israel could send Lebanon back ...": the speaker's own country as
            # subject of what is said is no target; what that clause acts on is.
            other = [
                a
                for a in _resolve_all(_complement_objects(tok), resolver, owner=True)
                if a.code and a.country not in own
            ]
            target = other or target
    if source and target and {a.code for a in source} == {a.code for a in target}:
        # "Turkey denied that Ankara had ...", "Iran threatened to close the Strait of Hormuz":
        # the event has no other party.
        target = []
    code = _by_actor(entry.code, source)
    if (
        code_root in MOBILIZE_ROOTS
        and any(o.lemma_.lower() in PERSONNEL_WORDS for o in objects)
        and _sent_into_other_country(tok, source, target)
    ):
        code = FOREIGN_DEPLOYMENT_CODE
    consequences = [  # "..., killing 9 people": the victims of the same act
        obj
        for clause in tok.children
        if clause.dep_ in ("advcl", "conj") and clause.tag_ == "VBG"
        for obj in _children(clause, OBJECT_DEPS)
    ]
    if not target and consequences and code_root in VIOLENT_ROOTS:
        target = [a for a in _resolve_all(consequences, resolver) if a.code]
        _complete_countries(source + target, place_country)
    quantity = None
    for head in [*objects, *target_heads, *consequences, *source_heads, tok]:
        quantity = quantity_of(head)
        if quantity:
            break
    code = _by_magnitude(code, quantity)
    trig_start = tok.idx
    plover = plover_for(code)
    event_id = stable_id(
        doc_id,
        str(sent_index),
        str(trig_start),
        code,
        ",".join(a.code or "" for a in source),
        ",".join(a.code or "" for a in target),
    )
    return Event(
        event_id=event_id,
        doc_id=doc_id,
        sentence_index=sent_index,
        evidence=_evidence(sent),
        trigger={"text": tok.text, "start": trig_start, "end": trig_start + len(tok.text)},
        cameo=code,
        plover=plover.to_dict() if plover else None,
        quad_class=quad_class(code),
        source=source,
        target=target,
        quantity=quantity,
        modality=modality(tok),
    )


def _evidence(sent: Span) -> dict[str, object]:
    """The sentence's text and offsets, without the blank lines that end a paragraph."""
    words = [t for t in sent if not t.is_space]
    start = words[0].idx if words else sent.start_char
    end = words[-1].idx + len(words[-1].text) if words else sent.end_char
    return {"text": sent.doc.text[start:end], "start": start, "end": end}


def code_doc(
    doc: Doc, doc_id: str, date: str | None = None, lex: Lexicon | None = None
) -> list[Event]:
    """Every event in a parsed document, in text order; ``date`` is the document's."""
    lex = lex or lexicon()
    resolver = ActorResolver(date=date)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        events.extend(code_sentence(sent, index, doc_id, resolver, lex))
    return events
