"""Modality: is an event reported as fact, as planned or expected, as a possibility, or denied?

Read from the trigger's own auxiliaries and negation, then up the chain of verbs that govern it
("are expected to be deployed", "agreed to send", "could be the start of", "denied attacking").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.spans import kids
from eventwire.coding.vocabulary import VOCABULARY

# Dependencies through which a governing verb passes its modality down to the trigger.
GOVERNING_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "pcomp",
        "advcl",
        "acl",
        "dobj",
        "pobj",
        "prep",
        "attr",
        "oprd",
        "nsubjpass",
        "compound",
    }
)
# How far up the tree modality is looked for.
MAX_GOVERNOR_STEPS = 4


Words = dict[str, frozenset[str]]  # the word classes of data/modality.json


def _own(tok: Token, w: Words) -> str | None:
    """Modality marked on the word itself (its auxiliaries, negation, a conditional 'if')."""
    negators, conditional_marks = w["negators"], w["conditional_marks"]
    conditional = False
    auxes: list[str] = []
    for c in kids(tok):  # one pass over the children; a negation outranks everything else
        dep = c.dep_
        if dep == "neg":
            return "negated"
        if dep in ("advmod", "det"):
            if c.lower_ in negators:
                return "negated"
        elif dep == "mark":
            conditional = conditional or c.lower_ in conditional_marks
        elif dep == "aux":
            auxes.append(c.lower_)
        elif dep == "nsubj" and any(p.lower_ == "neither" for p in kids(c)):
            return "negated"  # "Neither Cruz nor Christie acknowledged ..."
    if conditional:
        return "hypothetical"
    if any(a in w["future_aux"] for a in auxes):
        return "future"
    if any(a in w["hypothetical_aux"] for a in auxes):
        if "would" in auxes and _reported(tok):
            return "future"
        return "hypothetical"
    if (
        "to" in auxes
        and tok.dep_ == "xcomp"
        and (tok.head.lemma_ == "be" or tok.head.lemma_ in w["future_governors"])
    ):
        return "future"
    return None


def refused(tok: Token, w: Words) -> bool:
    """ "will not approve", "said it would not allow": the verb's subject says it will not act.
    A conditional ("if ..., it would not") is speculation, not a refusal. ``w``: the word
    classes of ``Knowledge.words.modality``."""
    children = kids(tok)
    if tok.pos_ != "VERB" or not any(c.dep_ == "neg" for c in children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in w["conditional_marks"] for c in children):
        return False
    auxes = {c.lower_ for c in children if c.dep_ == "aux"}
    if auxes & w["future_aux"]:
        return tok.dep_ in ("ROOT", "conj") or _reported(tok)
    return "would" in auxes and _reported(tok)


def _reported(tok: Token) -> bool:
    """'he said he would discuss': the would of reported speech marks a future."""
    return tok.dep_ == "ccomp" and tok.head.lemma_ in VOCABULARY.reported_speech


def modality(trigger: Token, w: Words) -> str:
    """factual, future, hypothetical or negated (``w``: the word classes of
    ``Knowledge.words.modality``)."""
    own = _own(trigger, w)
    if own:
        return own
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in kids(trigger)):
        return "hypothetical"  # "any Chinese blockade of Taiwan would ...", "any attack on"
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        # "Any blockade of Taiwan would trigger a crisis": the verb's mood is the event's.
        verb_mood = _own(trigger.head, w)
        if verb_mood in ("hypothetical", "future"):
            return verb_mood
    tok = trigger
    for _ in range(MAX_GOVERNOR_STEPS):
        if tok.dep_ not in GOVERNING_DEPS or tok.head is tok:
            break
        dep, gov = tok.dep_, tok.head
        if dep == "ccomp" and gov.lemma_ in VOCABULARY.reported_speech:
            break  # reported speech: the reported clause keeps its own modality
        lemma = gov.lemma_.lower()
        if lemma in w["denial_governors"] and dep in ("xcomp", "ccomp", "pcomp", "dobj"):
            return "negated"
        gov_own = _own(gov, w)
        if gov_own in ("negated", "hypothetical"):
            return gov_own
        if dep in ("xcomp", "ccomp") and lemma in w["future_governors"]:
            return "future"
        if dep in ("xcomp", "ccomp") and lemma in w["hypothetical_governors"]:
            return "hypothetical"
        if gov_own == "future" and dep in ("xcomp", "ccomp", "dobj"):
            return "future"
        tok = gov
    return "factual"
