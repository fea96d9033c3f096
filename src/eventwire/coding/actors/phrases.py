"""Noun-phrase syntax for actor resolution: what words belong to a phrase, what a counting
phrase counts, the owner phrase after "of", datelines, appositions. Syntax only: nothing here
reads the knowledge."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.coding.spans import MEMO_KEY, conjuncts, doc_text, kids, memo_of
from eventwire.coding.vocabulary import VOCABULARY

# Words a noun phrase may skip between its modifiers and its head.
NP_GAP = 2


# Dependents that belong to a noun phrase's name and modifiers (left of the head, mostly).
NP_MODIFIERS = frozenset(
    {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "nummod",
        "quantmod",
        "flat",
        "case",
        "npadvmod",
        "punct",
    }
)


def noun_phrase(head: Token) -> list[Token]:
    """The head noun with its name parts and modifiers, in order (computed once per token per
    document; callers get a copy)."""
    doc = head.doc
    memo = (doc.user_data.get(MEMO_KEY) or memo_of(doc)).noun_phrases
    found = memo.get(head.i)
    if found is None:
        phrase = _noun_phrase(head)
        at = next((k for k, t in enumerate(phrase) if t.i == head.i), None)
        found = memo[head.i] = (phrase, at)
    phrase, at = found
    out = list(phrase)
    if at is not None:
        out[at] = head  # the caller's own head object
    return out


_NP_INNER = NP_MODIFIERS | {"cc", "conj"}


_CLAUSE_BREAK = re.compile(r"[,;](?!\d)")  # a comma or semicolon, not one inside "1,000"


def _noun_phrase(head: Token) -> list[Token]:
    at = head.i
    before: list[Token] = []  # the phrase's words before the head, and after it
    after: list[Token] = []
    stack: list[Token] = []
    for c in kids(head):
        dep = c.dep_
        if dep in NP_MODIFIERS and c.i < at or dep in ("flat", "compound") and c.i > at:
            stack.append(c)
    while stack:
        tok = stack.pop()
        dep = tok.dep_
        if dep == "punct" and tok.text not in ("'s", "’s", "-"):
            continue
        (before if tok.i < at else after).append(tok)
        # A modifier's own conjuncts belong to the phrase: "Polish and Ukrainian ministers".
        for c in kids(tok):
            dep = c.dep_
            if dep in _NP_INNER and dep != "punct":
                stack.append(c)
    # Keep the run around the head, bridging small gaps of words the parser hung elsewhere
    # ("Libya's eastern-based parliament"), but never across a comma.
    out = [head]
    text = doc_text(head.doc)
    first, first_i = head.idx, at
    for tok in sorted(before, key=lambda t: t.i, reverse=True):
        i = tok.i
        if first_i - i - 1 > NP_GAP:
            continue
        between = text[tok.idx + len(tok.text) : first]
        if ("," in between or ";" in between) and _CLAUSE_BREAK.search(between):
            continue
        out.insert(0, tok)
        first, first_i = tok.idx, i
    last_i = at
    for tok in sorted(after, key=lambda t: t.i):
        if tok.i == last_i + 1:
            out.append(tok)
            last_i += 1
    # A dash with a space before it ends what comes before: "ROME - Bernie Sanders met ..."
    # (a dateline), not "al-Assad".
    spaced = [k for k, t in enumerate(out) if t.i < at and t.text in DASHES and _spaced_before(t)]
    if spaced:
        out = out[spaced[-1] + 1 :]
    while len(out) > 1 and out[0].dep_ == "det" and out[0].lower_ not in ("the",):
        out.pop(0)  # (never the head itself: a determiner tagged as a place is its own phrase)
    return out


DASHES = frozenset({"-", "–", "—"})


def _spaced_before(tok: Token) -> bool:
    return tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def of_phrase(head: Token) -> list[Token]:
    """'the government of Sudan', 'negotiators from Armenia and Azerbaijan': the owner phrase,
    with its conjuncts."""
    for child in kids(head):
        if child.dep_ == "prep" and child.lower_ in VOCABULARY.owner_preps and child.i > head.i:
            objs = [c for c in kids(child) if c.dep_ == "pobj"]
            if objs:
                out = noun_phrase(objs[0])
                for conj in conjuncts(objs[0]):
                    out += noun_phrase(conj)
                return out
    return []


def is_dateline(head: Token) -> bool:
    """'SEOUL –' or 'NAIROBI (Reuters) -' opening a paragraph names where the report was filed,
    not an actor."""
    if not head.text.isupper() or len(head.text) < 3:
        return False  # checked first: finding the sentence is the dear part
    sent = head.sent
    if head.i - sent.start > 3:
        return False
    following = [t for t in head.doc[head.i + 1 : min(head.i + 8, sent.end)] if not t.is_space]
    return any(t.text in ("-", "–", "—", "(") for t in following[:4])


def in_dateline(head: Token) -> bool:
    """'(Reuters)' in 'NAIROBI, March 3 (Reuters) -': the agency that filed the report, named
    before the dash that ends the dateline; a channel, not an actor."""
    sent = head.sent
    words = [t for t in sent[:10] if not t.is_space]
    if not words or not is_dateline(words[0]):
        return False
    dash = next((t for t in words[1:] if t.text in ("-", "–", "—")), None)
    return dash is not None and head.i < dash.i


# The party letters of the note US wire copy puts after a member of Congress: "Rep. Carlos
# Curbelo (R-Fla.)", "Sen. Chuck Schumer (D-N.Y.)", "(I-Vt.)".
PARTY_NOTE_LETTERS = frozenset({"R", "D", "I"})


def party_note_after(head: Token) -> bool:
    """Whether a US party note follows the name: "Curbelo (R-Fla.)"."""
    after = head.doc[head.i + 1 : head.i + 4]
    return (
        len(after) >= 3
        and after[0].text == "("
        and after[1].text in PARTY_NOTE_LETTERS
        and after[2].text in ("-", ")")
    )


def in_party_note(head: Token) -> bool:
    """Whether the token is the state of such a note ("Fla." in "(R-Fla.)"): no actor."""
    before = head.doc[max(0, head.i - 3) : head.i]
    return (
        len(before) == 3
        and before[0].text == "("
        and before[1].text in PARTY_NOTE_LETTERS
        and before[2].text == "-"
    )


def is_note(head: Token) -> bool:
    """A dateline ("SEOUL -"), the agency in it ("(Reuters)") or the state of a US party note
    ("Fla." in "(R-Fla.)"): notes on the text or a name, no actors."""
    return (
        in_party_note(head)
        or is_dateline(head)
        or (head.ent_type_ == "ORG" and in_dateline(head))
        or opening_credit(head)
    )


def opening_credit(head: Token) -> bool:
    """The outlet in brackets that opens a sentence: "(CNN) North Korean leader Kim Jong Un
    ...": who filed the report, not a party to what it tells."""
    doc = head.doc
    return (
        0 < head.i < len(doc) - 1
        and doc[head.i - 1].text == "("
        and doc[head.i + 1].text == ")"
        and (head.i - 1 == 0 or doc[head.i - 1].is_sent_start or doc[head.i - 2].is_space)
    )


def of_the_world(head: Token, world_words: frozenset[str]) -> bool:
    """Whether the phrase says its role is the world's: "world leaders", "leaders around the
    world" (the words before the head, and the few after it); "a foreign government" and
    "foreign powers" too, though "the foreign minister" is one country's."""
    before = head.doc[head.left_edge.i : head.i]
    foreign = [t for t in before if t.lower_ == "foreign"]
    portfolio = any(c.dep_ == "conj" for t in foreign for c in kids(t))
    if (
        foreign
        and not portfolio  # "the foreign and defence ministers": two ministries of one state
        and (head.tag_ in ("NNS", "NNPS") or any(t.lower_ in ("a", "an") for t in before))
    ):
        return True
    return any(t.lower_ in world_words for t in head.doc[head.left_edge.i : head.i + 4])


def counted(head: Token) -> Token:
    """'thousands of Serbian students' is about the students: the head of a counting phrase."""
    if head.lemma_.lower() in VOCABULARY.count_words or head.like_num:
        for child in kids(head):
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in kids(child) if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return head


def head_of(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[-1]


def appositive(head: Token) -> Token | None:
    """The role noun set beside a name: "Aisha Idris, a doctor"; or said of it in a clause
    "who is" or "who served as" ("Robert Reich, who served as labor secretary")."""
    if head.pos_ != "PROPN":
        return None
    for child in kids(head):
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child
    clause = role_clause(head)
    if clause is not None:
        return clause[0]
    return None


def role_clause(head: Token) -> tuple[Token, bool] | None:
    """The role a clause on a name gives ("Robert Reich, who served as labor secretary"), and
    whether the clause is in the past (a former holder)."""
    for clause in kids(head):
        if clause.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ == "who" for c in kids(clause)
        ):
            continue
        lemma = clause.lemma_.lower()
        if lemma == "be":
            roles = [c for c in kids(clause) if c.dep_ == "attr" and c.pos_ == "NOUN"]
        elif lemma == "serve":
            roles = [
                o
                for p in kids(clause)
                if p.dep_ == "prep" and p.lower_ == "as"
                for o in kids(p)
                if o.dep_ == "pobj" and o.pos_ == "NOUN"
            ]
        else:
            continue
        if roles:
            return roles[0], clause.tag_ == "VBD"
    return None


def person_name(tokens: list[Token]) -> str | None:
    people = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not people:
        return None
    return " ".join(t.text for t in people)


def is_bare_place(tokens: list[Token]) -> bool:
    """The phrase is just the place's name (and an article)."""
    return all(t.pos_ == "PROPN" or t.dep_ in ("det", "punct") for t in tokens)


# Relative pronouns: "Sanders, who criticized Clinton", "the group that claimed the attack".
# Named entities that are never actors.
NON_ACTOR_ENTITIES = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "LAW",
        "LANGUAGE",
        "WORK_OF_ART",
        "EVENT",
    }
)

# Named entities that are places.
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


# Named entities that refer to actors even when the gazetteer does not know their name.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for: "who" in "Sanders, who criticized Clinton" is
    Sanders; "that" in "the group that claimed the attack" is the group."""
    if head.lower_ not in RELATIVE_PRONOUNS or head.tag_ not in ("WP", "WDT"):
        return None
    clause = head.head
    if (
        clause.dep_ != "relcl"
        or clause.head.i == head.i
        or clause.head.pos_ not in ("NOUN", "PROPN")
    ):
        return None
    return clause.head


# Names of states and places that a person's full name may hold: "Lewis Hamilton" is no capital.
STATE_NAME_KINDS = frozenset({"country", "demonym", "capital", "seat"})


def outside_buildings(named: list, tokens: list[Token]) -> list:
    """Without the country and capital names inside a building's name: "the Roderick Ireland
    Courthouse" is no Irish court (a demonym still says whose: "the Russian Embassy")."""
    building = [t for t in tokens if t.ent_type_ == "FAC" and t.pos_ == "PROPN"]
    if len(building) < 2:
        return named
    last = building[-1].i
    return [
        (name, covered)
        for name, covered in named
        if not (
            name.kind in ("country", "capital")
            and all(t.ent_type_ == "FAC" for t in covered)
            and covered[-1].i < last
        )
    ]


def within_a_name(named: list, tokens: list[Token], given_names: dict[str, str]) -> list:
    """The names found in a phrase (``names.names_with_tokens``), without the state and place
    names that are only a part of a person's full name: "Lewis Hamilton" (tagged a person, or
    after a known given name) is a man, not Bermuda's capital; "Jordan Peterson" no Jordan."""
    named = outside_buildings(named, tokens)
    people = [t for t in tokens if t.ent_type_ == "PERSON"]
    if len(people) < 2:
        run = [t for t in tokens if t.pos_ == "PROPN"]
        if len(run) < 2 or run[0].lower_ not in given_names:
            return named
        people = run
    inside = {t.i for t in people}
    return [
        (name, covered)
        for name, covered in named
        if not (
            name.kind in STATE_NAME_KINDS
            and all(t.i in inside for t in covered)
            and len(covered) < len(people)
        )
    ]


def reporting_person(pronoun: Token) -> Token | None:
    """The name of whoever says what a subject pronoun's clause says, before it: "Devine said
    he had no conversations" -> Devine (a person, if the pronoun is "he" or "she", whatever the
    tagger thought). None when the clause is not reported under a name."""
    clause = pronoun.head
    if pronoun.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in VOCABULARY.saying:
        return None
    return next(
        (
            c
            for c in kids(verb)
            if c.dep_ == "nsubj"
            and c.i < pronoun.i
            and c.pos_ == "PROPN"
            and c.ent_type_ not in ("GPE", "LOC", "NORP", "FAC")
        ),
        None,
    )
