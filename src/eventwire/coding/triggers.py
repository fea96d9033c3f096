"""Finding triggers in a sentence: the best lexicon entry for each word, and which triggers are
not events of their own (aims, mentions, parts of another act of violence)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventwire.coding.codes import (
    DEMAND_CODE,
    DENIAL_CODES,
    GENERIC_VIOLENCE_CODES,
    MATERIAL_ROOTS_FROM,
    MENTION_ROOTS,
    NO_COMMENT_CODE,
    STATEMENT_CODES,
    UNSAID_PREFIX,
    VERBAL_ROOTS,
    VIOLENT_ROOTS,
)
from eventwire.coding.lexicon import PLACENAME, Entry, Lexicon
from eventwire.coding.spans import doc_text, kids, tokens_of
from eventwire.coding.tree import (
    MAX_INHERIT_STEPS,
    OBJECT_DEPS,
    carrier_verb,
    children_of,
    predicate_adjectives,
    prep_object_pairs,
    raised_infinitives,
    verb_objects,
)
from eventwire.coding.vocabulary import VOCABULARY

# How far up the tree a governing trigger is looked for ("accused X of taking part in the
# attack": five steps from "attack" to "accused").
GOVERNING_REACH = 6


# Adjectives are triggers when they are predicated of their subject: "was pessimistic about",
# "said it was ready to", "is open to".
PREDICATIVE_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp", "ROOT", "conj", "advcl"})


# An entry whose preposition is present beats one without ("hold exercises with" is a joint
# exercise, 062; "hold exercises" alone is a show of force, 150); absent, it yields to them.
PREP_PRESENT_BONUS = 2


# How far up the tree a background preposition is looked for ("after months of fighting").
BACKGROUND_REACH = 3


@dataclass
class Match:
    token: Token
    entry: Entry
    absorbed: bool = False  # part of another trigger's event (see merge_violence)
    agent_nominal: Token | None = None  # a nominal event standing as this verb's subject
    refusal: bool = False  # "would not join": a refusal read from the negation (rules.py)


class _TokenFacts:
    """What the entries of one trigger word ask of its token, computed once for all of them."""

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._objects: list[Token] | None = None
        self._preps: dict[frozenset[str], list[Token]] = {}
        self._prep_pairs: list[tuple[str, Token]] | None = None
        self._particles: frozenset[str] | None = None
        self._off: bool | None = None
        self._words: _Words | None = None
        self._predicate_words: _Words | None = None
        self._prep_words: dict[frozenset[str], _Words] = {}

    def particles(self) -> frozenset[str]:
        """The words attached to the token as particles or prepositions ("call off", "fire on");
        not a preposition of time ("called a session on Wednesday" is no "call on")."""
        if self._particles is None:
            self._particles = frozenset(
                c.lower_
                for c in kids(self.tok)
                if c.dep_ in ("prt", "prep", "advmod", "agent", "dative")
                and not any(o.ent_type_ in ("DATE", "TIME") for o in children_of(c, {"pobj"}))
            )
        return self._particles

    def particle_off(self) -> bool:
        """Whether "off" is the verb's particle ("fought off"; not "off the coast")."""
        if self._off is None:
            self._off = any(c.dep_ == "prt" and c.lower_ == "off" for c in kids(self.tok))
        return self._off

    def objects(self) -> list[Token]:
        if self._objects is None:
            self._objects = verb_objects(self.tok)
        return self._objects

    def predicates(self) -> list[Token]:
        """Adjectives predicated of the object ("found the journalist guilty") and verbs in the
        infinitive ("declined to confirm")."""
        tok = self.tok
        infinitives = [c for c in kids(tok) if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        return predicate_adjectives(tok) + infinitives + raised_infinitives(tok)

    def prep_objects(self, preps: frozenset[str]) -> list[Token]:
        found = self._preps.get(preps)
        if found is None:
            if self._prep_pairs is None:  # read once for all the sets of prepositions asked
                self._prep_pairs = prep_object_pairs(self.tok, self.objects())
            found = self._preps[preps] = [o for word, o in self._prep_pairs if word in preps]
        return found

    def object_words(self, preps: frozenset[str] | None) -> _Words:
        """What an object constraint is checked against first, read once per token: the
        objects and the objects of ``preps``, each with its apposition ("chloropicrin, a toxic
        choking agent"), as (token, lemma, lower-case form, entity type)."""
        if self._words is None:
            self._words = _words_of(self.objects())
        if not preps:
            return self._words
        found = self._prep_words.get(preps)
        if found is None:
            found = self._prep_words[preps] = _words_of(self.objects() + self.prep_objects(preps))
        return found

    def predicate_words(self) -> _Words:
        """The predicates and infinitives, as :meth:`object_words` gives objects."""
        if self._predicate_words is None:
            self._predicate_words = _words_of(self.predicates())
        return self._predicate_words


class _Words(list):
    """(token, lemma, lower-case form, entity type) of each word, and the set of their forms
    for a quick test that no entry word is among them."""

    forms: frozenset[str] = frozenset()


def _words_of(tokens: list[Token]) -> _Words:
    tokens = tokens + [a for o in tokens for a in kids(o) if a.dep_ == "appos"]
    words = _Words((t, t.lemma_.lower(), t.lower_, t.ent_type_) for t in tokens)
    words.forms = frozenset(w[1] for w in words) | frozenset(w[2] for w in words)
    return words


def _matching(words: _Words, wanted: frozenset[str], place: bool) -> list[Token]:
    if not place and wanted.isdisjoint(words.forms):
        return []  # the usual case, tested in one set operation
    return [
        o
        for o, lemma, lower, ent in words
        if lemma in wanted or lower in wanted or (place and ent in ("GPE", "LOC", "FAC"))
    ]


def _score(entry: Entry, tok: Token, facts: _TokenFacts | None = None) -> int | None:
    """How well an entry fits a trigger token: None if a constraint fails, else its
    specificity, raised when a preposition it names is present and lowered when none is."""
    facts = facts or _TokenFacts(tok)
    if entry.particles and not facts.particles().issuperset(entry.particles):
        return None
    if entry.kind == "V" and "off" not in entry.particles and facts.particle_off():
        return None  # "fought off a challenge", "blast off": "off" makes another verb
    preps = frozenset(entry.target_preps) if entry.target_preps else None
    prep_objects = facts.prep_objects(preps) if preps else []
    matched_objects: list[Token] = []
    if entry.objects and entry.kind == "V":
        # The object may be direct ("imposed sanctions"), prepositional ("agreed to a truce"),
        # a predicate ("found guilty") or an infinitive ("threatened to attack").
        wanted = entry.objects
        place = PLACENAME in wanted
        matched_objects = _matching(facts.object_words(preps), wanted, place)
        if not matched_objects or entry.modifiers:  # predicates looked at only when needed
            matched_objects += _matching(facts.predicate_words(), wanted, False)
        if not matched_objects:
            return None
    if entry.modifiers:
        owners = matched_objects or ([tok] if entry.kind != "V" else facts.objects())
        if not any(
            c.lemma_.lower() in entry.modifiers or c.lower_ in entry.modifiers
            for o in owners
            for c in kids(o)
            if c.dep_ in ("compound", "amod", "nmod")
        ):
            return None
    if "needprep" in entry.flags and not prep_objects:
        return None
    score = entry.specificity
    if entry.target_preps:
        score += PREP_PRESENT_BONUS if prep_objects else -PREP_PRESENT_BONUS
    return score


_HYPHENS = "-‐‑–—"


def hyphen_start(tok: Token) -> Token | None:
    """The first part of a word the tokenizer split at a hyphen ("shoot-outs" -> "shoot")."""
    if tok.i < 2 or doc_text(tok.doc)[tok.idx - 1] not in _HYPHENS:
        return None  # the cheap test first: this runs for every word no entry matches
    if tok.nbor(-1).tag_ == "HYPH" and not tok.nbor(-1).whitespace_:
        first = tok.nbor(-2)
        if not first.whitespace_ and first.is_alpha:
            return first
    return None


def _best_entry(lex: Lexicon, kind: str, tok: Token) -> Entry | None:
    entries = lex.candidates(kind, tok.lemma_.lower()) or lex.candidates(kind, tok.lower_)
    first = hyphen_start(tok)
    if first is not None:  # "shoot-outs", "cease-fire", "test-fired": the word joined up
        entries = lex.candidates(kind, first.lower_ + tok.lemma_.lower()) or entries
    if not entries:
        return None  # most words: nothing to score
    best, best_score = None, None
    facts = _TokenFacts(tok)
    for entry in entries:  # most specific first: stop when no later entry can score higher
        if best_score is not None and best_score >= entry.specificity + PREP_PRESENT_BONUS:
            break
        score = _score(entry, tok, facts)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = entry, score
    return best


# A sentence with this share of its longer words capitalised is a headline in title case.
TITLE_CASE_SHARE = 0.7


def _title_case(sent: Span) -> bool:
    """Whether the sentence is a headline in title case ("Russia Launches Invasion")."""
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    capitals = sum(1 for t in words if t.text[:1].isupper())
    return capitals >= TITLE_CASE_SHARE * len(words)


def _capitalised_inside(tok: Token, sent: Span) -> bool:
    """A capitalised word past the sentence's start that names no state or people."""
    return tok.i != sent.start and tok.text[:1].isupper() and tok.ent_type_ not in ("GPE", "NORP")


def find_triggers(sent: Span, lex: Lexicon) -> list[Match]:
    matches = []
    title_case: bool | None = None  # read once a sentence, when a capitalised noun asks
    for tok in tokens_of(sent):
        pos = tok.pos_  # read once: spaCy looks the string up on every access
        if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
            kind = "V"
        elif pos in ("NOUN", "PROPN") and tok.ent_type_ not in ("DATE", "TIME"):
            if tok.dep_ == "compound" and carrier_verb(tok) is None:
                continue  # "riot police", "war crimes": a modifier, not an event
            if pos == "PROPN" and _capitalised_inside(tok, sent):
                if title_case is None:
                    title_case = _title_case(sent)
                if not title_case:
                    continue  # "Extinction Rebellion gathered", "the Gulf War": a word of a name
            kind = "N"
        elif pos == "ADJ" and tok.dep_ in PREDICATIVE_DEPS:
            kind = "A"
        else:
            continue
        entry = _best_entry(lex, kind, tok)
        if entry is not None:
            matches.append(Match(tok, entry))
    found = {m.token.i for m in matches}
    # "a free trade agreement", "a cooperation pact": the modifier names what the event is about
    matches = [m for m in matches if not (m.token.dep_ == "compound" and m.token.head.i in found)]
    for m in matches:
        if m.entry.code in DENIAL_CODES and _neither_nor(m.token):
            m.entry = replace(m.entry, code=NO_COMMENT_CODE)  # "neither confirmed nor denied"
        if m.entry.lemma in VOCABULARY.mandative_verbs and any(
            c.dep_ == "ccomp"
            and (c.tag_ == "VB" or (c.tag_ == "VBP" and m.token.tag_ == "VBD"))
            and not any(a.dep_ == "aux" for a in kids(c))
            for c in kids(m.token)
        ):
            # "insisted that Ethiopia sign": the bare verb makes the saying a demand
            m.entry = replace(m.entry, code=DEMAND_CODE)
    return _drop_nested_nominals(matches)


def _neither_nor(tok: Token) -> bool:
    """ "neither confirmed nor denied": the denial is half of a refusal to say."""
    pair = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    return any(c.lower_ in ("neither", "nor") for t in pair for c in kids(t))


def _drop_nested_nominals(matches: list[Match]) -> list[Match]:
    """A nominal trigger that is the object of a verb trigger is that verb's event
    ("launched an attack on", "struck a deal with")."""
    verbs = {m.token.i: m for m in matches if m.entry.kind == "V"}
    nested = {
        m.token.i
        for m in matches
        if m.entry.kind == "N"
        and m.token.head.i in verbs
        and m.token.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "compound")
    }
    # "announced a partial mobilisation": what is announced is the event, not the statement
    announced = {
        i
        for i, m in verbs.items()
        if m.entry.code in STATEMENT_CODES
        and any(c.i in nested and c.dep_ == "dobj" for c in kids(m.token))
    }
    return [
        m
        for m in matches
        if m.token.i not in announced and (m.token.i not in nested or m.token.head.i in announced)
    ]


def purpose_clause(tok: Token) -> Token | None:
    """The purpose clause a verb stands in, itself or through "to help fight": "sent troops to
    help fight an insurgency" -> "help"."""
    cur = tok
    for _ in range(MAX_INHERIT_STEPS):
        if is_purpose(cur):
            return cur
        if cur.dep_ not in ("xcomp", "ccomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def is_purpose(tok: Token) -> bool:
    """ "held talks to defuse the crisis", "a bid to join NATO": an aim, not an event. (The
    complement of "plans to", "agreed to" is an xcomp and stays an event.)"""
    return tok.dep_ in ("advcl", "acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok)
    )


def describes_nominal(tok: Token, by_index: dict[int, Match]) -> bool:
    """ "the bombings that killed 90 people": the clause describes the nominal event; it is not
    a second one."""
    return (
        tok.dep_ in ("relcl", "acl")
        and tok.head.i in by_index
        and by_index[tok.head.i].entry.kind == "N"
    )


def mentioned_only(tok: Token, entry: Entry) -> bool:
    """A nominal talk, deal or proposal named in passing ("in talks with", "under a deal with",
    "truce talks") is a topic, not an event; held, signed or resumed, it is one. What talks are
    about is no event either ("held talks on easing tensions")."""
    if (
        tok.dep_ == "pcomp"
        and tok.head.lower_ in ("on", "about", "over")
        and tok.head.head.pos_ in ("NOUN", "PROPN")
    ):
        return True
    return (
        entry.kind == "N"
        and entry.code[:2] in MENTION_ROOTS
        and (
            tok.dep_ in ("compound", "amod")
            or (
                tok.dep_ == "pobj"
                and tok.head.lower_ in VOCABULARY.topic_preps
                and carrier_verb(tok) is None
            )
        )
    )


def describes_noun(tok: Token, entry: Entry) -> bool:
    """ "detained civilians", "the jailed leader", "people attending a ceremony": a participle
    describing a noun, not an event of its own. (People "staging a demonstration" or forces
    "killing" someone still act.)"""
    if tok.pos_ != "VERB":
        return False
    if tok.dep_ == "amod":
        return True
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and entry.code.startswith(UNSAID_PREFIX):
        # "a diplomat accused of spying": who accuses is not said; the clause describes him
        return not any(c.dep_ == "agent" for c in kids(tok))
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and tok.head.pos_ == "NOUN"
        and entry.code[:2] < MATERIAL_ROOTS_FROM
    )


def no_single_act(tok: Token, entry: Entry) -> bool:
    """A habit, a stance, a kind of act or a way of acting weighed, not one act: "has
    repeatedly accused", "Criticizing police tactics will alienate voters", "considers how to
    attack Sanders"; for words (roots 02 to 13) also a restrictive clause saying which people a
    plural noun means ("journalists who criticized the company") and a generic subject
    ("candidates like Rubio have blasted Obama"); a record kept over time ("has conducted dozens
    of tests under Kim")."""
    if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "nsubj", "nsubjpass"):
        return True
    if any(c.lower_ == "to" for c in kids(tok)) and any(
        c.dep_ == "advmod" and c.lower_ == "how" for c in kids(tok)
    ):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in VOCABULARY.habit_adverbs for c in kids(tok)):
        return True
    if _tally(tok) or described(tok, entry):
        return True
    if entry.code[:2] not in VERBAL_ROOTS or entry.code[:2] == "01":
        return False
    if (
        tok.dep_ == "relcl"
        and tok.head.tag_ == "NNS"
        and tok.head.ent_type_ == ""
        and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in kids(tok))
    ):  # the people the noun means are who act: not "the tricks that Carson accused X of"
        first = min(t.i for t in tok.subtree)
        return first > 0 and tok.doc[first - 1].text != ","
    return any(
        c.dep_ == "prep" and _example_word(c)
        for s in children_of(tok, {"nsubj"})
        if s.pos_ == "NOUN" and s.tag_ == "NNS"
        for c in kids(s)
    )


def described(tok: Token, entry: Entry) -> bool:
    """A relative clause that describes its noun rather than tells an act: in the perfect ("Mr.
    McConnell, who has both endorsed Mr. Trump and ...", "a faction that has been endorsed by
    the Islamic State") or the simple present ("an editorial that accuses Sanders of ...");
    for words, also the past of a clause set off by a comma ("Beck, who supported Cruz and
    opposed Trump during the primaries, said ..."), unless dated. "the strike that killed five
    people on Monday" and "Sanders, who criticized Clinton on Monday," tell acts."""
    clause = tok
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.lemma_.lower() == "time":
        return False  # "the first time North Korea has fired a rocket over Japan": an act
    if any(c.tag_ == "WRB" for c in kids(clause)):
        return False  # "the summit, where the president urged ...": an act, where it happened
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in kids(clause)):
        return False  # "Trump, who Sanders blasted": another party's act on the noun
    verbs = [clause, tok] if clause is not tok else [tok]
    if any(c.dep_ == "aux" and c.lemma_ == "have" for v in verbs for c in kids(v)):
        return True
    if clause.tag_ in ("VBZ", "VBP"):
        return True
    first = min(t.i for t in clause.subtree)
    set_off = first > 0 and clause.doc[first - 1].text == ","
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)  # "on Monday": an act
    return set_off and not dated and clause.tag_ == "VBD" and entry.code[:2] in VERBAL_ROOTS


def _tally(tok: Token) -> bool:
    """A record kept over a span of time, not one act: a perfect verb with a count of no set
    number and the span ("has conducted dozens of missile tests under Kim", "have killed
    hundreds since 2009"); not "have struck dozens of targets overnight"."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids(tok)):
        return False
    tally = VOCABULARY.tally_words
    counts = [
        c
        for c in kids(tok)
        if c.dep_ == "dobj" and (c.lower_ in tally or any(m.lower_ in tally for m in kids(c)))
    ]
    # the span on the verb or on what is counted ("dozens of tests under Kim")
    return bool(counts) and any(
        t.dep_ == "prep" and t.lower_ in SPAN_PREPS
        for t in [*kids(tok), *(t for c in counts for t in c.subtree)]
    )


# Prepositions of a span of time a record covers ("since 2009", "under Kim", "over the years").
SPAN_PREPS = frozenset({"since", "under", "over", "throughout"})


def _example_word(prep: Token) -> bool:
    """ "like", "including", "such as": the phrase before gives a kind by examples."""
    words = VOCABULARY.example_preps
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return prep.lower_ in words or (
        before is not None and f"{before.lower_} {prep.lower_}" in words
    )


def in_background(tok: Token) -> bool:
    """ "after months of fighting", "amid ethnic clashes": a nominal event named as the
    background of another, unless told with its own place or party; "denounced the decision as
    a threat to Russia": what something is called."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "as" and children_of(tok.head.head, OBJECT_DEPS):
        return True  # what an object is called ("denounced the decision as a threat")
    if any(c.dep_ == "prep" for c in kids(tok)):
        return False  # "after drone attacks in the Murmansk region": told, with where
    cur = tok
    for _ in range(BACKGROUND_REACH):
        if cur.dep_ not in ("pobj", "prep", "compound") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ in VOCABULARY.background_preps:
            return True
    return False


def governing_match(tok: Token, by_index: dict[int, Match]) -> Match | None:
    """The trigger whose complement this trigger stands in, if any."""
    cur = tok
    for _ in range(GOVERNING_REACH):
        if cur.dep_ in ("ROOT", "conj", "relcl") or cur.head is cur:
            return None
        cur = cur.head
        if cur.i in by_index:
            return by_index[cur.i]
    return None


def merge_violence(matches: list[Match]) -> list[Match]:
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
