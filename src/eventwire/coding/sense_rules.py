"""Role rules that decide a trigger's sense by its arguments: who may "attack", what "fired"
means with a missile and no one to hit, what "hosts" needs. They run among the role rules
(:data:`eventwire.coding.role_rules.RULES`), after the parties are resolved and before the actors
decide the code; each follows the role rules' conventions (a docstring with an example, switched
off by name).

Lexicon entries say which sense needs what with flags (``data/event_lexicon.txt``):

- ``!armed``: force that only someone who bears arms, or a state, uses. Said by a person or a
  civil body (a candidate, a legislator, a newspaper) the word is a figure of speech: criticism
  (111) of the party it names, or no event when it names none.
- ``!noobject``: a verb whose sense is in its complement ("offered to mediate"); with a direct
  object of no kind its entries list, it is no event.
- ``!partyobject``: a verb done to someone ("met Putin", "locked up dissidents"); with a direct
  object that is a thing no one is (``[no_one_objects]`` in ``data/vocabulary.txt``: "met the
  criteria", "locked up endorsements"), it is no event.
"""

from __future__ import annotations

from eventwire.coding.actors.phrases import counted
from eventwire.coding.codes import CONFLICT_ROOTS, PROTEST_ROOT, VIOLENT_ROOTS
from eventwire.coding.confidence import political_actor
from eventwire.coding.draft import Draft
from eventwire.coding.spans import kids
from eventwire.coding.tree import pobjs
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.model import Actor, has_code

ARMED_FLAG = "armed"
NO_OBJECT_FLAG = "noobject"
PARTY_OBJECT_FLAG = "partyobject"
CRITICISM_CODE = "111"
SHOW_OF_FORCE_CODE = "150"
HOSTING_CODE = "043"
VISIT_CODE = "042"
PESSIMISM_CODE = "012"
UNCONVENTIONAL_CODE = "180"
OPTIMISM_CODE = "013"
ENDORSEMENT_CODE = "051"
DISAPPROVAL_CODE = "110"
THREAT_CODE = "130"
APPEAL_CODE = "020"
CONSIDER_CODE = "014"
THREAT_ROOT = "13"
FORCE_THREAT_CODE = "138"
# Verbs of complaint that are criticism when they name whom they complain of.
LAMENT_VERBS = frozenset({"lament", "bemoan", "deplore"})
# Verbs of endorsing that need whom they endorse: a vote, a campaign.
ENDORSING_VERBS = frozenset({"vote", "campaign"})
# Verbs of promising whose content, when it is force, makes them threats.
VOW_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
# Verbs of feeling that are comments only when said (the lexicon's bare 012 and 013 verbs that
# do not themselves say: "lamented" says, "hoped" feels); "hop" is the model's lemma of "hoped".
FEELING_VERBS = frozenset({"hope", "hop", "fear", "worry", "doubt", "despair"})
# What voters do for a candidate.
VOTER_VERBS = frozenset({"vote", "support", "back"})
# Sectors of actors who bear arms: forces, police, intelligence, rebels, criminals, militants.
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "INS", "CRM", "IMG", "SEP"})
# Sectors of public figures and bodies that act in words: a candidate, a legislator, a newspaper.
# (Ordinary people, CVL, do attack one another.)
CIVIL_SECTORS = frozenset({"LEG", "PTY", "OPP", "JRN", "MED", "NGO", "ELI", "JUD"})
# What troops of any flag are called (vocabulary [personnel_words]).
PERSONNEL = VOCABULARY.personnel_words
# Prepositions after which a missile's path names whom it flew over, not whom it hit.
FLIGHT_PREPS = frozenset({"over", "across", "off"})


def _armed(actor: Actor) -> bool:
    """Whether an actor bears arms: forces, police, rebels and militants, and troops of any
    flag ("UN peacekeepers")."""
    code = actor.code or ""
    words = {w.rstrip("s") for w in actor.text.lower().split()}
    return actor.sector in ARMED_SECTORS or code.startswith("IMG") or bool(words & PERSONNEL)


def _civil(actor: Actor) -> bool:
    """A public figure named in the knowledge base, or a civil body: someone who acts in
    words."""
    return actor.sector in CIVIL_SECTORS or (actor.kb_id or "").startswith("person/")


def force_needs_someone_who_bears_arms(d: Draft) -> None:
    """Force that only forces use (``!armed`` entries), told of people who act in words, or
    with no doer named of a public figure, is criticism of whom it names, or no event: "Trump
    attacked Clinton over her emails." -> 111."""
    if ARMED_FLAG not in d.entry.flags:
        return
    if any(_armed(a) for a in d.source + d.target):
        return
    if not d.source:
        # "you won't beat Clinton by attacking her husband": no doer named, a public figure
        # attacked, in words
        civil = (
            d.target
            and all((a.kb_id or "").startswith("person/") for a in d.target)
            and d.entry.kind == "V"
        )
        if civil and not (d.quantity or d.consequences()):
            d.code = CRITICISM_CODE
        return
    if not all(_civil(a) for a in d.source):
        return
    if d.quantity or d.consequences():
        return  # "the senator's bodyguard attacked two men, injuring one": bodily harm
    if has_code(d.target) and d.entry.kind == "V":
        d.code = CRITICISM_CODE
    else:
        d.dropped = True  # "a rally against the war": the war is what is protested


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
    # The path may hang on the phrase the missile names ("a missile launch over Japan") or on
    # an appositive ("another missile, this one over Japan").
    path = [
        *named,
        *(t.head for t in named if t.dep_ == "compound"),
        *(c for t in named for c in kids(t) if c.dep_ == "appos"),
    ]
    flight = [
        place
        for t in path
        for prep in kids(t)
        if prep.dep_ == "prep" and prep.lower_ in FLIGHT_PREPS
        for place in kids(prep)
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


def _campaign(d: Draft) -> frozenset[str]:
    return d.resolver.kn.words.vocabulary.campaign_words


def a_race_is_won_not_fought(d: Draft) -> None:
    """Force, repression or seizure whose object is a race, a nomination or its delegates is
    an election won or lost, no event: "Trump destroyed his rivals in the primary." -> nothing."""
    if d.root not in ("17", "18", "19", "20"):
        return
    races = d.resolver.kn.words.vocabulary.race_words
    objects = [c for c in kids(d.tok) if c.dep_ in ("dobj", "nsubjpass")]
    in_race = [
        obj
        for prep in kids(d.tok)
        if prep.dep_ == "prep" and prep.lower_ in ("in", "for")
        for obj in kids(prep)
        if obj.dep_ == "pobj"
    ]
    if any(t.lemma_.lower() in races for t in objects + in_race):
        d.dropped = True


def a_campaign_rally_is_no_protest(d: Draft) -> None:
    """A rally of a campaign or a candidate, or joining one, is no demonstration (14): "The
    campaign rally in Ohio drew thousands." -> nothing; nor is a rally a politician holds,
    unless against someone or outside somewhere: "Clinton held a rally in Atlanta." ->
    nothing."""
    if d.root != "14":
        return
    rallies = [
        t
        for t in (d.tok, *(c for c in kids(d.tok) if c.dep_ == "dobj"))
        if t.lemma_.lower() == "rally" and t.pos_ == "NOUN"
    ]
    campaign = _campaign(d)
    owners = [c for r in rallies for c in kids(r) if c.dep_ in ("compound", "amod", "poss")]
    pronouns = d.resolver.kn.words.vocabulary.person_pronouns
    if any(
        t.lemma_.lower() in campaign
        or t.ent_type_ == "PERSON"
        or t.lower_ in pronouns
        or any((a.kb_id or "").startswith("person/") for a in d.resolve([t]))
        for t in owners
    ):
        d.dropped = True  # "a Trump rally", "at one of his rallies": a candidate's rally
    elif rallies and d.source and all(_campaigner(d, a) for a in d.source):
        against = [
            c
            for t in (d.tok, *rallies)
            for c in kids(t)
            if c.dep_ == "prep" and c.lower_ in ("against", "outside")
        ]
        if not against:
            d.dropped = True  # "Clinton held a rally in Atlanta": her campaign's, no protest


# Sectors of people in elected politics, whose rallies are their campaigns'.
POLITICIAN_SECTORS = frozenset({"GOV", "LEG", "PTY"})


def _campaigner(d: Draft, actor: Actor) -> bool:
    """A person of elected politics: a sitting politician, or a candidate the base knows."""
    if not (actor.kb_id or "").startswith("person/") or actor.name is None:
        return False
    if actor.sector in POLITICIAN_SECTORS:
        return True
    office = d.resolver.kn.people.lookup(actor.name, d.resolver.date)
    return office is not None and "candidate" in office.role.lower()


def rallying_people_is_no_protest(d: Draft) -> None:
    """Rallying people, or rallying around or behind someone, is gathering support, no
    demonstration (14): "Democrats rallied around Clinton." -> nothing."""
    if d.root != PROTEST_ROOT or d.tok.lemma_.lower() != "rally" or d.tok.pos_ != "VERB":
        return
    if any(
        c.dep_ == "dobj" or (c.dep_ in ("prep", "prt") and c.lower_ in ("around", "behind"))
        for c in kids(d.tok)
    ):
        d.dropped = True


def an_impression_is_no_act(d: Draft) -> None:
    """What someone seems or appears to do, or to be ready for, is the writer's impression
    (``[impression_words]``), not an act: "The senator seemed to agree." -> nothing."""
    head = d.tok.head
    if head is d.tok or d.tok.dep_ not in ("xcomp", "acomp", "oprd", "attr", "ccomp"):
        return
    if head.lemma_.lower() in d.resolver.kn.words.vocabulary.impression_words:
        d.dropped = True


def regarding_is_no_consideration(d: Draft) -> None:
    """Considering something to be something is a judgment, not a policy option weighed (014):
    "Seoul considered it a missile test." -> nothing; "Biden is considered an asset." ->
    nothing."""
    if d.code != CONSIDER_CODE:
        return
    for c in kids(d.tok):
        if c.dep_ in ("nsubjpass", "auxpass", "oprd"):
            d.dropped = True
            return
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
            d.dropped = True
            return


def readiness_is_for_an_act(d: Draft) -> None:
    """Being ready, willing or prepared (``[readiness_words]``) is intent to cooperate (03)
    when it says to do what, or for talks or a deal; ready for an office, a fight or
    questions is a judgment of fitness: "Rubio is not ready for the White House." ->
    nothing."""
    vocabulary = d.resolver.kn.words.vocabulary
    if d.entry.kind != "A" or d.tok.lemma_.lower() not in vocabulary.readiness_words:
        return
    if any(c.dep_ in ("xcomp", "ccomp") for c in kids(d.tok)):
        return
    lexicon_objects = d.resolver.kn.lexicon.classes
    wanted = lexicon_objects.get("TALKS", frozenset()) | lexicon_objects.get("DEAL", frozenset())
    for_what = [
        obj
        for prep in kids(d.tok)
        if prep.dep_ == "prep"
        for obj in kids(prep)
        if obj.dep_ == "pobj"
    ]
    if not any(o.lemma_.lower() in wanted for o in for_what):
        d.dropped = True


def showing_something_is_no_demonstration(d: Draft) -> None:
    """ "Demonstrate" with a direct object means to show it, not to protest: "The senator
    demonstrated his command of the budget." -> nothing."""
    if (
        d.root == "14"
        and d.tok.lemma_.lower() == "demonstrate"
        and any(c.dep_ == "dobj" for c in kids(d.tok))
    ):
        d.dropped = True


def a_question_is_no_appeal(d: Draft) -> None:
    """Asking is an appeal (02) when someone is asked to act or for something; a question put
    to someone is none: "The reporter asked the senator about the emails." -> nothing."""
    if d.code[:2] != "02" or d.tok.lemma_.lower() != "ask" or d.entry.objects:
        return
    kinds = {c.dep_ for c in kids(d.tok)}
    asks_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in kids(d.tok))
    if "xcomp" not in kinds and not asks_for:
        d.dropped = True


def a_warning_threatens_only_what_its_speaker_would_do(d: Draft) -> None:
    """A warning is a threat (13) only when it says what its speaker would do ("Russia warned
    it would retaliate") or warns of reprisals (``[threat_words]``: "warned of consequences");
    a warning of what others may do, of dangers, or of what has been is a pessimistic comment
    (012): "The minister warned that prices would rise." -> 012."""
    if d.code != "130" or d.tok.lemma_.lower() != "warn":
        return
    threats = d.resolver.kn.words.vocabulary.threat_words
    warned_of = [
        obj
        for prep in kids(d.tok)
        if prep.dep_ == "prep" and prep.lower_ in ("of", "against", "about")
        for obj in kids(prep)
        if obj.dep_ == "pobj"
    ]
    if any(obj.lemma_.lower() in threats for obj in warned_of):
        return
    clauses = [c for c in kids(d.tok) if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in kids(c) if s.dep_ in ("nsubj", "nsubjpass")]
    own = {a.country for a in d.source if a.country}
    speaker_acts = any(s.lower_ in ("we", "i") for s in subjects) or any(
        a.country in own for a in d.resolve(subjects) if a.country
    )
    would = any(a.dep_ == "aux" and a.tag_ == "MD" for c in clauses for a in kids(c))
    if not (speaker_acts and would):
        d.code = PESSIMISM_CODE


def an_attack_by_no_known_force_is_unconventional(d: Draft) -> None:
    """An attack, a killing or a shooting whose doer the text does not name, on no armed party,
    is unconventional violence (180), as the codebook codes terrorism, not a battle (190): "The
    attack on the concert hall killed 22 people." -> 180; "A gunman killed 50 people." -> 180."""
    attack = ("attack", "assault", "kill", "shoot")
    nominal = d.agent_nominal.lemma_.lower() if d.agent_nominal is not None else ""
    if d.code not in ("190", "193") or (
        d.tok.lemma_.lower() not in attack and nominal not in attack
    ):
        return
    if has_code(d.source) or any(_armed(a) for a in d.target):
        return
    d.code = UNCONVENTIONAL_CODE


def a_feeling_is_a_comment_only_when_said(d: Draft) -> None:
    """Hope, fear and worry are optimistic or pessimistic comments (012, 013) when someone
    says them; a feeling only described is no act: "Officials hope the deal will hold." ->
    nothing."""
    if d.code not in (PESSIMISM_CODE, OPTIMISM_CODE) or d.entry.objects:
        return
    if d.entry.kind == "V" and d.tok.lemma_.lower() not in FEELING_VERBS:
        return  # "lamented", "cautioned": saying of its own
    clause = d.tok.head if d.tok.dep_ in ("acomp", "attr") else d.tok
    saying = d.resolver.kn.words.vocabulary.saying
    if not (clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in saying):
        d.dropped = True


def voters_endorse_no_one(d: Draft) -> None:
    """Voting for or backing a candidate is an endorsement (051) by a party, a leader or an
    organisation; voters and residents doing it are an election, no event: "Many residents
    voted for the mayor." -> nothing; nor is a share of a group that a poll counts: "Male troops
    backed Trump, 57 percent to 22 percent." -> nothing."""
    if d.code != ENDORSEMENT_CODE or d.tok.lemma_.lower() not in VOTER_VERBS:
        return
    voters = all(a.sector == "CVL" for a in d.source if a.code) or not has_code(d.source)
    if voters or any(t.ent_type_ == "PERCENT" for t in d.tok.subtree):
        d.dropped = True


def opposing_is_aimed_at_someone(d: Draft) -> None:
    """Opposing or disagreeing (110) is an act only against a party; against a policy alone,
    or among themselves, it is a stance the text describes: "The senator opposes abortion." ->
    nothing; "Officials disagree on the plan." -> nothing."""
    if d.code == DISAPPROVAL_CODE and not has_code(d.target):
        d.dropped = True


def a_complement_verb_has_no_object(d: Draft) -> None:
    """A verb whose sense is in its complement (``!noobject`` entries) means something else
    with a direct object: "China offered to mediate." is an offer; "The Kremlin offered a
    contrast." -> nothing."""
    if NO_OBJECT_FLAG in d.entry.flags and any(c.dep_ == "dobj" for c in kids(d.tok)):
        d.dropped = True


def a_verb_done_to_someone_needs_someone(d: Draft) -> None:
    """A verb done to someone (``!partyobject`` entries) means something else when its direct
    object is a thing no one is: "Kenya met the deadline." -> nothing; "Clinton has locked up
    endorsements." -> nothing; "Macron met Scholz." stays a meeting."""
    if PARTY_OBJECT_FLAG not in d.entry.flags:
        return
    things = VOCABULARY.no_one_objects
    if any(c.dep_ == "dobj" and c.lemma_.lower() in things for c in kids(d.tok)):
        d.dropped = True


def a_vow_of_force_is_a_threat(d: Draft) -> None:
    """A promise whose content is only ever force or coercion is no offer to cooperate but a
    threat (13; with violence, 138): "Iran vowed to retaliate." -> 138."""
    if d.code[:2] != "03" or d.tok.lemma_.lower() not in VOW_VERBS:
        return
    lexicon = d.resolver.kn.lexicon
    for act in kids(d.tok):
        if act.dep_ != "xcomp" or act.pos_ != "VERB":
            continue
        particles = {c.lower_ for c in kids(act) if c.dep_ == "prt"}
        entries = lexicon.candidates("V", act.lemma_.lower())
        # "shoot down" is read by its entries with that particle, "shoot" by those with none
        fitting = [e for e in entries if e.particles and set(e.particles) <= particles] or [
            e for e in entries if not e.particles
        ]
        roots = {e.code[:2] for e in fitting}
        if roots and roots <= CONFLICT_ROOTS:
            d.code = FORCE_THREAT_CODE if roots & VIOLENT_ROOTS else THREAT_CODE
            return


def a_challenge_to_act_is_an_appeal(d: Draft) -> None:
    """Challenging someone to do something is asking them to (020), not disapproval: "Cruz
    challenged Trump to a debate." -> 020."""
    if d.code != DISAPPROVAL_CODE or d.tok.lemma_.lower() != "challenge":
        return
    if any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in kids(d.tok)):
        d.code = APPEAL_CODE


def an_appeal_by_no_one_known_is_none(d: Draft) -> None:
    """A request or demand told in the passive by no one the text names is a question put, a
    rule in force or a bar in a story, no act of a party: "Rubio was asked to resign." ->
    nothing."""
    if d.code[:2] not in ("02", "10") or has_code(d.source):
        return
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in kids(d.tok)):
        d.dropped = True


def what_voters_think_is_no_act(d: Draft) -> None:
    """Voters, respondents and the electorate (``[voter_words]``) judging, weighing or turning
    from a candidate are opinion and polls, no act of a party, whatever the verb; only their
    protests are events: "Voters rejected the mayor." -> nothing."""
    if d.root == PROTEST_ROOT or d.root in CONFLICT_ROOTS:
        return
    voters = d.resolver.kn.words.vocabulary.voter_words
    heads = [counted(h) for h in d.args.sources if h.pos_ in ("NOUN", "PROPN")]
    if heads and all(h.lemma_.lower() in voters for h in heads):
        d.dropped = True


def what_must_be_done_is_no_act(d: Draft) -> None:
    """What someone must, should or needs to do is said of them, not done by them: "Russia
    must attack Ukraine." -> nothing (who says so appeals or demands, an event of its own)."""
    words = d.resolver.kn.words.vocabulary.obligation_words
    tok = d.tok
    if any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in words for c in kids(tok)):
        d.dropped = True
        return
    for _ in range(2):  # "needs to keep speaking", "have to start uniting"
        if tok.dep_ != "xcomp" or tok.head is tok:
            return
        below, tok = tok, tok.head
        if tok.lemma_.lower() in words and any(c.lower_ == "to" for c in kids(below)):
            d.dropped = True
            return


def speaking_without_a_name_is_no_statement(d: Draft) -> None:
    """The terms a source spoke on ("on condition of anonymity to speak freely") are no
    statement: "Officials were not authorized to comment on Russia." -> nothing."""
    if d.code[:2] != "01":
        return
    words = d.resolver.kn.words.vocabulary.anonymity_words
    tok = d.tok
    for _ in range(3):
        if tok.head is tok:
            return
        tok = tok.head
        if tok.lemma_.lower() in words:
            d.dropped = True
            return


def a_threat_by_no_one_known_is_none(d: Draft) -> None:
    """A threat needs someone who threatens: "The primary threatens to knock out the
    governors." -> nothing."""
    if d.root == THREAT_ROOT and not has_code(d.source):
        d.dropped = True


def private_comings_and_goings_are_no_visit(d: Draft) -> None:
    """Meetings, talks, visits and travel (04) between people none of whom acts in public
    affairs (a visit: by a visitor who does not) are private life, no consultation: "Tourists
    travelled to Egypt on holiday." -> nothing."""
    if d.code[:2] != "04":
        return
    # a visit is made, and hosted, by its source: the place visited is no party to it
    parties = d.source if d.code in (VISIT_CODE, HOSTING_CODE) else d.source + d.target
    if not any(political_actor(a) for a in parties):
        d.dropped = True


def a_lament_about_someone_is_criticism(d: Draft) -> None:
    """Lamenting or bemoaning what a party did is criticism of it (111), not a pessimistic
    outlook: "Trump lamented Clinton's vote." -> 111."""
    if d.code == PESSIMISM_CODE and d.tok.lemma_.lower() in LAMENT_VERBS and has_code(d.target):
        d.code = CRITICISM_CODE


def an_endorsement_needs_someone_endorsed(d: Draft) -> None:
    """Voting or campaigning endorses (05) a party or a candidate; voting early, in a
    primary, or for a war, and campaigning across a state, endorse no one: "Rubio voted early
    in Miami." -> nothing."""
    if d.root != "05" or d.tok.lemma_.lower() not in ENDORSING_VERBS:
        return
    if not has_code(d.target):
        d.dropped = True


def what_is_called_for_is_no_target(d: Draft) -> None:
    """What an appeal or a demand calls for is its content, not whom it is addressed to: "Trump
    called for a special prosecutor." -> no target (one called on to act, "called for the UN to
    intervene", stays)."""
    if d.code[:2] not in ("02", "10"):
        return
    contents = [
        obj
        for obj in pobjs(d.tok, {"for"}, via=("prep", "prt"))
        if not any(c.dep_ in ("acl", "relcl") for c in kids(obj))
    ]
    if not contents:
        return
    d.target = [a for a in d.target if not any(a.start <= obj.idx < a.end for obj in contents)]


def weapons_are_no_parties(d: Draft) -> None:
    """A missile, a bomb or a shell (``[weapon_words]``) is what is used, never who is acted on,
    nor who acts but in violence whose user goes unnamed ("rockets hit a house"): "The missile
    was launched on Tuesday." -> no source."""
    weapons = d.resolver.kn.words.vocabulary.weapon_words

    def weapon(actor: Actor) -> bool:
        words = actor.text.lower().replace("-", " ").split()
        return bool(words) and words[-1].rstrip("s") in weapons

    if d.code[:2] not in VIOLENT_ROOTS:  # "rockets hit a house": the fire stands for its user
        d.source = [a for a in d.source if not weapon(a)]
    d.target = [a for a in d.target if not weapon(a)]
