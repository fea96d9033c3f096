"""Event coding over the dependency parse: triggers, their actors, modality and quantity.

For each sentence: every token whose lemma has lexicon entries is a candidate trigger; the most
specific entry whose constraints hold (particles, object lemmas) wins. Source and target come
from the dependency structure: subjects, passive agents, direct objects, the prepositions the
entry names, possessors and actor modifiers of nominal events, conjunctions as compound actors,
and subjects inherited through control, coordination, relative and participial clauses; the
ordered role rules of :mod:`eventwire.coding.role_rules` decide from them each event's parties
and code.
"""

from __future__ import annotations

import time
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from eventwire.coding.actors import ActorResolver
from eventwire.coding.attribution import DENIED, Attribution, sentence_attributions
from eventwire.coding.claims import (
    channels,
    claim_for,
    link_disputes,
    long_quotes,
    quote_record,
    resolve_sources,
)
from eventwire.coding.codes import (
    CONFLICT_ROOTS,
    DENIAL_CODES,
    GOVERNING_ROOTS,
    NO_COMMENT_CODE,
    PROTEST_ROOT,
    PURPOSE_ROOTS,
    REFUSAL_CODE,
    REFUSAL_ROOTS,
    STATEMENT_CODES,
    VERBAL_ROOTS,
    YIELD_ROOT,
    placed_by_source,
)
from eventwire.coding.confidence import features_of
from eventwire.coding.knowledge import DEFAULT, Knowledge
from eventwire.coding.lexicon import Entry, Lexicon
from eventwire.coding.locate import EventPlaces
from eventwire.coding.modality import modality, refused
from eventwire.coding.ontology import quad_class
from eventwire.coding.places import DocPlaces
from eventwire.coding.relevance import DocRelevance, relevance_of
from eventwire.coding.role_rules import RULES, Draft, Rule, decide, rules_without
from eventwire.coding.rules import (
    COMPLETED_CONFIDENCE,
    complete_countries,
    concession_to_protesters,
)
from eventwire.coding.spans import doc_text, kids, memo_of, sentences, tokens_of
from eventwire.coding.triggers import (
    Match,
    describes_nominal,
    describes_noun,
    find_triggers,
    governing_match,
    hyphen_start,
    mentioned_only,
    merge_violence,
    no_single_act,
    purpose_clause,
)
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.coding.when import DocDates
from eventwire.errors import TimeLimitExceeded
from eventwire.model import Actor, Event, has_code, stable_id

# Below this relevance a sentence is not about public affairs (coding/relevance.py): its
# events are kept only when a political actor acts in them (a government's disaster response).
PUBLIC_AFFAIRS_MIN = 0.3
# Location precisions that say in which country an event happened.
PLACED = frozenset({"point", "admin1", "country"})


def code_sentence(
    sent: Span,
    sent_index: int,
    doc_id: str,
    resolver: ActorResolver,
    lex: Lexicon,
    where: EventPlaces,
    when: DocDates,
    rules: tuple[Rule, ...] = RULES,
    relevance: float = 0.5,
    explain: dict[str, dict[str, float]] | None = None,
) -> list[Event]:
    """The events of one sentence; ``relevance``: the sentence's political relevance, which
    weighs in each event's confidence; ``explain``: filled with each event's confidence
    features, by event id, when given."""
    resolver.start_sentence(sent)  # the document was read first (ActorResolver.read)
    matches = merge_violence(find_triggers(sent, lex))
    matches += _refusals(sent, {m.token.i: m for m in matches}, resolver.kn)
    if not matches:
        return []
    sports = resolver.kn.words.sports
    if any(m.entry.code[:2] in CONFLICT_ROOTS for m in matches) and any(
        t.lemma_.lower() in sports for t in tokens_of(sent)
    ):
        # "India crushed Pakistan by seven wickets": games, not force
        matches = [m for m in matches if m.entry.code[:2] not in CONFLICT_ROOTS]
    # the triggers found in the words (a refusal read from a negation governs nothing)
    by_index = {m.token.i: m for m in matches if not m.refusal}
    place = where.places.sentence_place(sent)
    events: list[Event] = []
    in_campaign: bool | None = None
    for match in matches:
        tok, entry = match.token, match.entry
        if match.absorbed:
            continue
        gov = governing_match(tok, by_index)
        if gov is not None and gov.entry.code in STATEMENT_CODES:
            # "declined to confirm reports that ...": the saying passes on what governs it
            outer = governing_match(gov.token, by_index)
            if outer is not None and outer.entry.code in (*DENIAL_CODES, NO_COMMENT_CODE):
                gov = outer
        forced_modality = None
        if gov is not None and gov.entry.code in DENIAL_CODES:
            forced_modality = "negated"
        elif gov is not None and gov.entry.code == NO_COMMENT_CODE:
            forced_modality = "hypothetical"  # "declined to confirm reports that ..."
        elif gov is not None and gov.entry.code[:2] in GOVERNING_ROOTS:
            continue
        elif (
            gov is not None
            and gov.entry.code[:2] == YIELD_ROOT
            and tok.head.i == gov.token.i
            and tok.dep_ in ("ccomp", "xcomp")
        ):
            continue  # "allowed inspectors to visit": the visit is what is conceded
        elif gov is not None and gov.entry.code[:2] == "14" and entry.code[:2] in PURPOSE_ROOTS:
            continue  # "marched to demand X": the demand is what the protest is for
        if (
            describes_nominal(tok, by_index)
            or describes_noun(tok, entry)
            or mentioned_only(tok, entry)
            or no_single_act(tok, entry)
        ):
            continue
        aim = purpose_clause(tok)
        if aim is not None and aim.head.i in by_index:
            continue  # the aim of another event ("held talks to defuse"), not an event
        if entry.code in STATEMENT_CODES and any(
            c.dep_ in ("ccomp", "xcomp") or c.dep_ == "punct" and c.text in ('"', "”")
            for c in kids(tok)
        ):
            continue
        event = _event(
            sent, sent_index, doc_id, tok, entry, resolver, place, match.agent_nominal, rules
        )
        if event is None:
            continue
        if forced_modality:
            event.modality = forced_modality
        elif match.refusal:
            if not has_code(event.source):
                continue  # "sanctions alone will not change ...": a forecast, not a refusal
            event.modality = "factual"  # the refusal is a fact, the act refused is not
        concession_to_protesters(event, matches)
        launch = _launch(event.cameo, tok)
        if launch and has_code(event.source):
            resolver.memory.launchers = [a for a in event.source if a.code]
        elif launch and resolver.memory.launchers:
            # "The missile was launched at 6am": by the state that launched the one before
            event.source = [_launched_by(a) for a in resolver.memory.launchers]
        # placed by who acts, not by its target: words, and a missile launched from home
        verbal = placed_by_source(event.cameo) or launch
        parties = event.source if verbal else event.source + event.target
        arguments = _tokens_within(sent, [(a.start, a.end) for a in parties])
        event.location = where.for_event(
            sent,
            tok,
            arguments,
            event.cameo,
            event.source + event.target,
            event.source if verbal else None,
        )
        placed = event.location.get("fallback") or event.location
        if placed.get("precision") in PLACED:
            # Roles with no country belong to the country where the event happened, or else
            # to the country the document is about
            worldwide = resolver.memory.worldwide  # "world leaders" belong to no one country
            complete_countries(
                [a for a in event.source if a.start not in worldwide],
                [a for a in event.target if a.start not in worldwide],
                placed["country"],
                words=event.cameo[:2] in VERBAL_ROOTS,
            )
        parties = {a.country for a in event.source if a.country}
        if len(parties) > 1:
            # "Chinese and Indian troops clashed": an event between the members of a compound
            # source; one of them is no target of its own
            event.target = [a for a in event.target if a.country not in parties]
        event.target = _specific(event.target)
        event.date = when.for_event(sent, tok, event.modality)
        if any(_same_event(event, other) for other in events):
            continue  # "used water cannon and tear gas to disperse protesters": one event
        if in_campaign is None:  # once a sentence: does it speak of elections and campaigns?
            campaign_words = resolver.kn.words.vocabulary.campaign_words
            in_campaign = any(t.lemma_.lower() in campaign_words for t in tokens_of(sent))
        features = features_of(event, tok, entry, relevance, in_campaign)
        if (
            relevance < PUBLIC_AFFAIRS_MIN
            and not features.source_political
            and event.cameo[:2] != PROTEST_ROOT
        ):
            continue  # a sports, science or business sentence, and no political actor acts
        event.confidence = resolver.kn.confidence.score(features)
        if explain is not None:
            explain[event.event_id] = features.as_dict()
        events.append(event)
    return events


def _same_event(one: Event, other: Event) -> bool:
    """Two triggers of one sentence telling the same coded event: same code, same parties,
    same modality."""
    return (
        one.cameo == other.cameo
        and one.modality == other.modality
        and [a.code for a in one.source] == [a.code for a in other.source]
        and [a.code for a in one.target] == [a.code for a in other.target]
    )


def _refusals(sent: Span, by_index: dict[int, Match], kn: Knowledge) -> list[Match]:
    """ "Switzerland said it would not join EU sanctions": the refusal, as an event of its own,
    unless the verb is already a refusal or a denial."""
    out = []
    # only a negated verb refuses: start from the sentence's negations, not from every word
    for tok in {t.head.i: t.head for t in tokens_of(sent) if t.dep_ == "neg"}.values():
        if not refused(tok, kn.words.modality):
            continue
        known = by_index.get(tok.i)
        if known is not None and known.entry.code[:2] in REFUSAL_ROOTS:
            continue
        out.append(Match(tok, Entry(REFUSAL_CODE, "V", tok.lemma_.lower()), refusal=True))
    return out


def _specific(actors: list[Actor]) -> list[Actor]:
    """A role without the bare country when a more specific party of that country fills it:
    "his Somali counterpart, Hassan Sheikh Mohamud" is Somalia's government, not also Somalia."""
    specific = {a.country for a in actors if a.country and a.code != a.country}
    return [a for a in actors if not (a.code and a.code == a.country and a.country in specific)]


def _tokens_within(sent: Span, spans: list[tuple[int, int]]) -> list[Token]:
    """The sentence's tokens that start inside any of the character spans."""
    tokens = tokens_of(sent)
    starts = [t.idx for t in tokens]
    found: dict[int, Token] = {}
    for start, end in spans:
        for k in range(bisect_left(starts, start), bisect_left(starts, end)):
            found[k] = tokens[k]
    return [found[k] for k in sorted(found)]


def _event(
    sent: Span,
    sent_index: int,
    doc_id: str,
    tok: Token,
    entry: Entry,
    resolver: ActorResolver,
    place: tuple[Token, str] | None = None,
    agent_nominal: Token | None = None,
    rules: tuple[Rule, ...] = RULES,
) -> Event | None:
    """The event a trigger tells, its parties and code decided by the role rules (None when
    one of them drops it)."""
    draft = Draft.start(tok, entry, resolver, place, agent_nominal)
    if not decide(draft, rules):
        return None
    code, source, target = draft.code, draft.source, draft.target
    first = hyphen_start(tok)
    joined = first is not None and entry.lemma == first.lower_ + tok.lemma_.lower()
    trig_start = first.idx if first is not None and joined else tok.idx
    trig_end = tok.idx + len(tok.text)
    kn = resolver.kn
    plover = kn.ontology.plover_for(code)
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
        trigger={
            "text": doc_text(tok.doc)[trig_start:trig_end],
            "start": trig_start,
            "end": trig_end,
        },
        cameo=code,
        plover=plover.to_dict() if plover else None,
        quad_class=quad_class(code),
        source=source,
        target=target,
        quantity=draft.quantity,
        modality=modality(tok, kn.words.modality),
    )


def _evidence(sent: Span) -> dict[str, object]:
    """The sentence's text and offsets, without the blank lines that end a paragraph (found
    once per sentence; each event gets its own copy)."""
    memo = memo_of(sent.doc).evidence
    found = memo.get(sent.start)
    if found is None:
        words = [t for t in tokens_of(sent) if not t.is_space]
        start = words[0].idx if words else sent.start_char
        end = words[-1].idx + len(words[-1].text) if words else sent.end_char
        text = doc_text(sent.doc)[start:end]
        found = memo[sent.start] = {"text": text, "start": start, "end": end}
    return dict(found)


def code_doc(
    doc: Doc,
    doc_id: str,
    date: str | None = None,
    kn: Knowledge | None = None,
    disabled: frozenset[str] = frozenset(),
) -> list[Event]:
    """Every event in a parsed document, in text order; ``date`` is the document's."""
    return code_document(doc, doc_id, date, None, kn, disabled=disabled)[0]


def code_document(
    doc: Doc,
    doc_id: str,
    date: str | None = None,
    outlet: str | None = None,
    kn: Knowledge | None = None,
    lex: Lexicon | None = None,
    disabled: frozenset[str] = frozenset(),
    deadline: float | None = None,
    relevance: DocRelevance | None = None,
    explain: dict[str, dict[str, float]] | None = None,
) -> tuple[list[Event], list[dict[str, object]]]:
    """Every event of a parsed document with its claim, and every attribution as a quote;
    ``date`` and ``outlet`` are the document's. ``kn``: the knowledge to code with (the
    library's default when None); ``lex``: another lexicon than the knowledge's;
    ``disabled``: the names of role rules to switch off (see :mod:`eventwire.coding.role_rules`);
    ``deadline``: a ``time.monotonic()`` past which coding stops with ``TimeLimitExceeded``
    (checked sentence by sentence); ``relevance``: the document's political relevance, if
    already measured; ``explain``: a dict to fill with each event's confidence features."""
    kn = kn or DEFAULT.get()
    relevance = relevance or relevance_of(doc, kn.words.topics)
    rules = rules_without(disabled)
    lex = lex or kn.lexicon
    where, when = EventPlaces(DocPlaces(doc, kn)), DocDates(date)
    resolver = ActorResolver(kn, date=date, places=where.places)
    # every actor mention resolved once, in reading order, before coding
    resolver.read(doc, deadline, pronouns=False)
    events: list[Event] = []
    quotes: list[dict[str, object]] = []
    denials: list[tuple[Attribution, Span]] = []
    every: list[Attribution] = []
    for index, sent in enumerate(sentences(doc)):
        if deadline is not None and time.monotonic() > deadline:
            raise TimeLimitExceeded(f"coding sentence {index + 1} of {len(sentences(doc))}")
        # a sentence of a document that is not about public affairs counts as such, whatever
        # its own words (a crime in a film's plot, a "war" of words in a sports story)
        sentence_relevance = relevance.of(sent)
        if relevance.document < PUBLIC_AFFAIRS_MIN:
            sentence_relevance = min(sentence_relevance, relevance.document)
        atts = sentence_attributions(kn, sent)
        resolve_sources(atts, resolver)
        resolver.speakers = [(a.content_start, a.content_end, a.speaker) for a in atts]
        found = code_sentence(
            sent, index, doc_id, resolver, lex, where, when, rules, sentence_relevance, explain
        )
        via = channels(sent, resolver) if atts or found else []
        for event in found:
            event.claim = claim_for(event, sent, atts, via, outlet)
        denials += [(a, sent) for a in atts if a.stance == DENIED]
        quotes += [quote_record(a) for a in atts]
        every += atts
        events.extend(found)
    by_start = sorted(events, key=lambda e: e.trigger["start"])
    starts = [event.trigger["start"] for event in by_start]
    for quote, att in long_quotes(doc, every):
        # a quotation over several sentences or paragraphs: its events are its speaker's
        quotes.append(quote)
        first, last = bisect_left(starts, quote["start"]), bisect_left(starts, quote["end"])
        for event in by_start[first:last]:
            claim = event.claim or {}
            if not claim.get("cue"):
                event.claim = {**claim, "claimant": quote["speaker"], "cue": att.cue_text()}
    link_disputes(events, denials)
    return events, quotes


# The root of shows of military force (150: tests, launches, exercises).
_POSTURE_ROOT = "15"


def _launched_by(actor: Actor) -> Actor:
    """The state that launched the document's last missile, as the source of a launch that
    names no one: its own mention, less sure."""
    twin = actor.copy()
    twin.confidence = min(actor.confidence or 1.0, COMPLETED_CONFIDENCE)
    return twin


def _launch(code: str, tok: Token) -> bool:
    """Whether the event is a missile or rocket launched as a show of force (root 15): it
    happened where it was launched from, the launching state when the text says no more, not
    the country it flew over or towards ("fired a missile over Japan")."""
    if code[:2] != _POSTURE_ROOT:
        return False
    missiles = VOCABULARY.missile_words
    named = [tok, *(c for c in kids(tok) if c.dep_ in ("dobj", "nsubjpass", "compound"))]
    return any(t.lemma_.lower() in missiles for t in named)
