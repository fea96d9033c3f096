"""Claims: who an event is attributed to, through which channel, with what stance, and who
disputes it; and the attributions of a document as quote records.

An event's claim comes from the attribution of its sentence (:mod:`.attribution`) whose content
holds the trigger: its resolved source is the claimant, the outlets the sentence names ("as
reported by NPR", "told the BBC") and the document's own outlet are the channels, and hedges or
unnamed sources make it alleged. Denials elsewhere in the document that name the same act
dispute it.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from eventwire.coding.actors import ActorResolver
from eventwire.coding.attribution import (
    ALLEGED,
    ASSERTED,
    QUOTE_SPAN,
    Attribution,
)
from eventwire.coding.knowledge import Knowledge
from eventwire.coding.spans import doc_text, kids, sentence_text, tokens_of
from eventwire.coding.vocabulary import VOCABULARY, Vocabulary
from eventwire.model import Actor, Event, has_code


def resolve_sources(atts: list[Attribution], resolver: ActorResolver) -> None:
    """Resolve each source; a news outlet as source is a channel, and its claimant is the
    state it speaks for when it is state media ("state news agency KCNA said")."""
    for att in atts:
        if att.source is None:
            continue
        actors = [a for a in resolver.resolve_many(att.source) if a.code]
        media = [a for a in actors if _is_media(resolver.kn, a)]
        if media:
            att.via = [_outlet_name(a) for a in media]
            state = [a for a in media if a.country and "state" in a.text.lower()]
            att.speaker = [
                Actor(a.text, a.country + "GOV", a.country, "GOV", None, a.start, a.end,
                      None, 0.6)
                for a in state
            ]  # fmt: skip
        else:
            att.speaker = actors
        if _unnamed(att.source, resolver.kn.words.vocabulary):
            att.stance = ALLEGED if att.stance == ASSERTED else att.stance


def _is_media(kn: Knowledge, actor: Actor) -> bool:
    kb = actor.kb_id or ""
    if not kb.startswith("org/"):
        return actor.sector in ("JRN", "MED") and actor.name is None and bool(actor.country)
    name = kb[4:]
    return any(n.canonical == name for n in kn.names.media)


def _outlet_name(actor: Actor) -> str:
    kb = actor.kb_id or ""
    return kb[4:] if kb.startswith("org/") else actor.text


def _unnamed(head: Token, v: Vocabulary) -> bool:
    """ "sources said", "two officials familiar with the matter", "a person who spoke on
    condition of anonymity": unnamed sources make a claim alleged."""
    if head.lower_ not in v.unnamed_sources and head.lemma_.lower() not in v.unnamed_sources:
        return False
    if any(c.pos_ == "PROPN" for c in head.subtree):
        return False
    if head.lemma_.lower() == "source" or any(t.lower_ in v.unnamed_marks for t in head.subtree):
        return True
    # "officials said" is unnamed; "Ukrainian officials said" names whose they are
    return not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in kids(head))


# What the text of a sentence naming a channel holds: "by", "per", or a form of "tell" ("told"),
# "cite" or "quote".
_CHANNEL_CLUES = ("by", "per", "tell", "told", "cit", "quot")


def channels(sent: Span, resolver: ActorResolver) -> list[str]:
    """Outlets a sentence names as channels: "as reported by NPR", "according to Reuters",
    "told the BBC", "citing TASS"."""
    found: list[str] = []
    low = sentence_text(sent).lower()
    if not any(word in low for word in _CHANNEL_CLUES):
        return found  # none of the words below, in any form
    for tok in tokens_of(sent):
        objs: list[Token] = []
        if tok.lower_ == "by" and tok.head.lemma_.lower() in ("report", "quote", "publish"):
            objs = [c for c in kids(tok) if c.dep_ == "pobj"]
        elif tok.lemma_.lower() in ("tell", "cite", "quote") and tok.pos_ == "VERB":
            objs = [c for c in kids(tok) if c.dep_ in ("dobj", "dative")]
        elif tok.lower_ == "per" and tok.dep_ == "prep":
            objs = [c for c in kids(tok) if c.dep_ == "pobj"]
        for obj in objs:
            for actor in resolver.resolve_many(obj):
                if actor.code and _is_media(resolver.kn, actor):
                    name = _outlet_name(actor)
                    if name not in found:
                        found.append(name)
    return found


def stance_of(event: Event, sent: Span, base: str) -> str:
    """A hedge in the event's clause makes an asserted claim alleged."""
    if base != ASSERTED:
        return base
    trigger = next((t for t in tokens_of(sent) if t.idx == event.trigger["start"]), None)
    if trigger is None:
        return base
    near = [*kids(trigger), *(kids(trigger.head) if trigger.dep_ != "ROOT" else [])]
    if any(t.lower_ in VOCABULARY.hedges for t in near):
        return ALLEGED
    if any(t.lower_ in ("alleged", "purported", "suspected") for t in kids(trigger)):
        return ALLEGED
    return base


def claim_for(
    event: Event, sent: Span, atts: list[Attribution], via: list[str], outlet: str | None
) -> dict[str, object]:
    """The claim of an event: from the attribution whose content holds its trigger (the
    innermost), else the article's own voice."""
    offset = event.trigger["start"]
    holding = [a for a in atts if a.covers(offset) and a.cue.idx != offset]
    chain = list(via)
    if holding:
        # the innermost attribution that names its source, else the innermost
        att = min(holding, key=lambda a: (not a.speaker, a.content_end - a.content_start))
        chain = [*att.via, *(v for v in via if v not in att.via)]
        claimant = att.speaker[0].to_dict() if att.speaker else None
        claim = {
            "claimant": claimant,
            "cue": att.cue_text(),
            "reported_via": chain,
            "stance": stance_of(event, sent, att.stance),
            "disputed_by": [],
        }
    else:
        claim = {
            "claimant": None,
            "cue": None,
            "reported_via": chain,
            "stance": stance_of(event, sent, ASSERTED),
            "disputed_by": [],
        }
    if outlet and outlet not in claim["reported_via"]:
        claim["reported_via"] = [*claim["reported_via"], outlet]
    return claim


# How many earlier events a denial is matched against: every event of a news article, and a
# bound on the work per denial in a very long document.
DISPUTE_REACH = 500


def link_disputes(events: list[Event], denials: list[tuple[Attribution, Span]]) -> None:
    """A denial disputes the earlier events its content matches: the same CAMEO root among the
    events inside it, or a word of its content from the family of the event's trigger ("the
    deployment" for "deployed"), with an overlapping party when both name one."""
    by_trigger = sorted(events, key=lambda e: e.trigger["start"])
    triggers = [e.trigger["start"] for e in by_trigger]
    evidence = [e.evidence["start"] for e in events]  # in text order: sentence by sentence
    for att, sent in denials:
        lo, hi = bisect_left(triggers, att.content_start), bisect_left(triggers, att.content_end)
        inside = [e for e in by_trigger[lo:hi] if att.covers(e.trigger["start"])]
        inside_ids = {id(e) for e in inside}
        words = {
            t.lemma_.lower()[:5]
            for t in tokens_of(sent)
            if att.content_start <= t.idx < att.content_end and t.pos_ in ("NOUN", "VERB")
        }
        if not has_code(att.speaker):
            continue  # a denial by nobody known disputes nothing
        denier = att.speaker[0].to_dict()
        denier_codes = {a.country for a in att.speaker if a.country}
        # the events before the denial, the nearest DISPUTE_REACH of them
        before = bisect_left(evidence, att.cue_start)
        for event in events[max(before - DISPUTE_REACH, 0) : before]:
            if id(event) in inside_ids:
                continue
            if event.claim is None:
                continue
            claimant = event.claim.get("claimant") or {}
            if claimant.get("country") and claimant.get("country") in denier_codes:
                continue  # one's own claim is not disputed by oneself
            same_kind = any(e.cameo[:2] == event.cameo[:2] for e in inside)
            same_word = event.trigger["text"].lower()[:5] in words
            if not (same_kind or same_word):
                continue
            parties = {a.country for a in event.source + event.target if a.country}
            named = {
                a.country for e in inside for a in e.source + e.target if a.country
            }  # fmt: skip
            if named and parties and not (named & parties):
                continue
            entry = {
                "actor": denier,
                "cue": att.cue_text(),
                "evidence": {
                    "text": doc_text(sent.doc)[sent.start_char : sent.end_char].strip(),
                    "start": sent.start_char,
                    "end": sent.end_char,
                },
            }
            if entry not in event.claim["disputed_by"]:
                event.claim["disputed_by"].append(entry)


def quote_record(att: Attribution) -> dict[str, object]:
    """An attribution as a row of the document's quotes (DESIGN.md)."""
    text = doc_text(att.cue.doc)
    speaker = att.speaker[0].to_dict() if att.speaker else None
    if speaker is None and att.source is not None:
        speaker = {"text": text[att.source_start : att.source_end], "code": None,
                   "start": att.source_start, "end": att.source_end}  # fmt: skip
    return {
        "speaker": speaker,
        "cue": {"text": att.cue_text(), "start": att.cue_start, "end": att.cue_end},
        "text": text[att.content_start : att.content_end],
        "start": att.content_start,
        "end": att.content_end,
        "direct": att.direct,
        "stance": att.stance,
        "reported_via": att.via,
    }


def long_quotes(doc, atts: list[Attribution]) -> list[tuple[dict[str, object], Attribution]]:  # noqa: ANN001
    """Quotations that span sentences or paragraphs, each with the attribution that gives its
    speaker: a cue right after its end (“...” Zelensky said) or right before its start
    (Zelensky said: “...”)."""
    text = doc_text(doc)
    out: list[tuple[dict[str, object], Attribution]] = []
    for m in QUOTE_SPAN.finditer(text):
        start, end = m.start(1), m.end(1)
        body = text[start:end]
        if "." not in body.rstrip(". ,") and "\n" not in body:
            continue  # one sentence: the sentence's own attribution has it
        if any(a.content_start <= start and end <= a.content_end for a in atts):
            continue
        near = [
            a
            for a in atts
            if a.speaker and (0 <= a.cue_start - end <= 60 or 0 <= start - a.cue_end <= 40)
        ]
        if not near:
            continue
        att = min(near, key=lambda a: min(abs(a.cue_start - end), abs(start - a.cue_end)))
        speaker = att.speaker[0].to_dict()
        out.append(
            (
                {
                    "speaker": speaker,
                    "cue": {"text": att.cue_text(), "start": att.cue_start, "end": att.cue_end},
                    "text": body,
                    "start": start,
                    "end": end,
                    "direct": True,
                    "stance": att.stance,
                    "reported_via": att.via,
                },
                att,
            )
        )
    return out
