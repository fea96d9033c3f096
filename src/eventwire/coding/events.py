"""Event coding over the dependency parse: triggers, their actors, modality and quantity.

For each sentence: every token whose lemma has lexicon entries is a candidate trigger; the most
specific entry whose constraints hold (particles, object lemmas) wins. Source and target come
from the dependency structure: subjects, passive agents, direct objects, the prepositions the
entry names, possessors and actor modifiers of nominal events, conjunctions as compound actors,
and subjects inherited through control, coordination, relative and participial clauses.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from eventwire.coding.actors import ActorResolver, assess, noun_phrase, phrase_actor
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
    DOMESTIC_ROOTS,
    FOREIGN_DEPLOYMENT_CODE,
    GOVERNING_ROOTS,
    MOBILIZE_ROOTS,
    NO_COMMENT_CODE,
    OFFICIAL_PROTEST_CODES,
    OWN_FORCES_ROOTS,
    PLACE_TARGET_ROOTS,
    POPULATION_MEASURE_CODES,
    PROTEST_ROOT,
    PURPOSE_ROOTS,
    REFUSAL_CODE,
    REFUSAL_ROOTS,
    STATEMENT_CODES,
    VIOLENT_ROOTS,
    YIELD_ROOT,
)
from eventwire.coding.knowledge import DEFAULT, Knowledge
from eventwire.coding.lexicon import Entry, Lexicon
from eventwire.coding.modality import modality, refused
from eventwire.coding.ontology import quad_class
from eventwire.coding.places import DocPlaces
from eventwire.coding.quantity import quantity_of
from eventwire.coding.rules import (
    PERSONNEL_WORDS,
    STATE_SECTORS,
    complete_countries,
    concession_to_protesters,
    recode_by_actor,
    recode_by_magnitude,
    sent_into_other_country,
)
from eventwire.coding.spans import doc_text, kids, memo_of, sentences, tokens_of
from eventwire.coding.tree import (
    OBJECT_DEPS,
    adjective_arguments,
    children_of,
    complement_objects,
    complement_targets,
    inherited_targets,
    noun_arguments,
    shared_objects,
    verb_arguments,
)
from eventwire.coding.triggers import (
    Match,
    describes_nominal,
    describes_noun,
    find_triggers,
    governing_match,
    hyphen_start,
    in_background,
    mentioned_only,
    merge_violence,
    purpose_clause,
)
from eventwire.coding.when import DocDates
from eventwire.model import Actor, Event, has_code, stable_id

# Location precisions that say in which country an event happened.
PLACED = frozenset({"point", "admin1", "country"})


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


def code_sentence(
    sent: Span,
    sent_index: int,
    doc_id: str,
    resolver: ActorResolver,
    lex: Lexicon,
    where: DocPlaces,
    when: DocDates,
) -> list[Event]:
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
    place = where.sentence_place(sent)
    events: list[Event] = []
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
        event = _event(sent, sent_index, doc_id, tok, entry, resolver, place, match.agent_nominal)
        if event is None:
            continue
        if forced_modality:
            event.modality = forced_modality
        elif match.refusal:
            if not has_code(event.source):
                continue  # "sanctions alone will not change ...": a forecast, not a refusal
            event.modality = "factual"  # the refusal is a fact, the act refused is not
        concession_to_protesters(event, matches)
        arguments = _tokens_within(sent, [(a.start, a.end) for a in event.source + event.target])
        event.location = where.for_event(sent, tok, arguments, event.source + event.target)
        if event.location and event.location.get("precision") in PLACED:
            # Roles with no country belong to the country where the event happened
            complete_countries(event.source + event.target, event.location["country"])
        parties = {a.country for a in event.source if a.country}
        if len(parties) > 1:
            # "Chinese and Indian troops clashed": an event between the members of a compound
            # source; one of them is no target of its own
            event.target = [a for a in event.target if a.country not in parties]
        event.target = _specific(event.target)
        event.date = when.for_event(sent, tok, event.modality)
        if any(_same_event(event, other) for other in events):
            continue  # "used water cannon and tear gas to disperse protesters": one event
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


def _place_actor(tok: Token, country: str) -> Actor:
    return phrase_actor(noun_phrase(tok), country, country, None, None)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    """One actor per code in a compound ("the government's ... the government")."""
    out: list[Actor] = []
    for actor in actors:
        if actor.code is None or all(a.code != actor.code for a in out):
            out.append(actor)
    return out


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
        args = verb_arguments(tok, entry)
    elif entry.kind == "A":
        args = adjective_arguments(tok, entry)
    else:
        args = noun_arguments(tok, entry)
    code_root = entry.code[:2]
    kn = resolver.kn
    unlike_agents = kn.words.non_agents
    if any(t.lemma_.lower() in unlike_agents for h in args.sources for t in noun_phrase(h)):
        return None  # "the storm killed 12 people": harm, but no political actor
    if (
        tok.dep_ == "relcl"
        and tok.head.lemma_.lower() in unlike_agents
        and any(h.lower_ in ("that", "which") for h in args.sources)
    ):
        return None  # "the earthquake that killed thousands"
    source = _resolve_all(args.sources, resolver)
    if not has_code(source) and in_background(tok):
        return None
    if not source and (code_root == PROTEST_ROOT or entry.code in OFFICIAL_PROTEST_CODES):
        # Whoever protests is people, named or not ("small business owners protested"): kept
        # by their words, to take the country of the place where they protest.
        source = [
            phrase_actor(noun_phrase(h), None, None, None, None)
            for h in args.sources
            if h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() not in unlike_agents
        ]
    if agent_nominal is not None and not has_code(source):
        nominal = noun_arguments(agent_nominal, entry)
        source = _resolve_all(nominal.sources, resolver) or _modifier_actor(agent_nominal, resolver)
    target = _resolve_all(args.targets, resolver, owner=True)
    if not has_code(target):
        target = _resolve_all(args.fallback_targets, resolver, owner=True) or target
    if not has_code(target):
        target = _resolve_all(inherited_targets(tok), resolver) or target
    if not has_code(target):
        target = _resolve_all(complement_targets(tok), resolver, owner=True) or target
    if not has_code(target) and not args.themes:
        target = _resolve_all(shared_objects(tok), resolver, owner=True) or target
    if code_root not in PLACE_TARGET_ROOTS:
        # A town is a party only to force used there; "flew to Dallas" is no visit to the US.
        target = [a for a in target if a.start not in resolver.memory.towns]
    objects = args.themes
    source_heads, target_heads = args.sources, args.targets + args.fallback_targets
    if entry.kind == "N" and not has_code(source):
        source = _modifier_actor(tok, resolver) or source
    # what the verb acts on, resolved only when a party is still missing
    needed = objects and (not source or not has_code(target))
    themes = _resolve_all(objects, resolver, owner=True) if needed else []
    if not source and has_code(themes):
        # What is sent or deployed is the actor when nobody else is named:
        # "10,000 soldiers are expected to be deployed to Russia". An unknown subject is still
        # someone ("gunmen shot dead a journalist"): the object is then no source.
        source = [a for a in themes if a.code]
    elif not has_code(target) and has_code(themes):
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
    complete_countries(source + target, place_country)
    source = [a for a in source if a.code or a.name]
    target = [a for a in target if a.code or a.name]
    if entry.code in POPULATION_MEASURE_CODES:
        pass  # "imposed a curfew in Rakhine state": on everyone there, no party
    elif len(source) > 1 and not objects and code_root in VIOLENT_ROOTS:
        pass  # "clashes between police and rebels in Goma": between them, not against Congo
    elif place and not target and code_root in PLACE_TARGET_ROOTS:
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
    for actor in source + target:
        assess(kn, actor)  # every party has its knowledge-base id and confidence
    if not has_code(source + target):
        return None
    if entry.code in STATEMENT_CODES and not target:
        return None  # "..., the ministry said": the speech act around a report, no event
    own = {a.country for a in source if a.country}
    if own and target and all(a.country in own for a in target):
        if code_root in OWN_FORCES_ROOTS:
            target = []  # "put its forces on alert": its own forces are no target
        else:
            # "warned that Israel could send Lebanon back ...": the speaker's own country as
            # subject of what is said is no target; what that clause acts on is. "accused
            # Algeria of ... and recalled its ambassador": the party of the verb it is joined to.
            said = "speech" in entry.flags or entry.code in DENIAL_CODES
            heads = (complement_objects(tok) if said else []) + shared_objects(tok)
            other = [
                a
                for a in _resolve_all(heads, resolver, owner=True)
                if a.code and a.country not in own
            ]
            # "denied that its troops had used chemical agents": its own troops are not whom
            # the denial is aimed at
            target = other or ([] if entry.code in DENIAL_CODES else target)
    if code_root not in DOMESTIC_ROOTS and all(a.sector in STATE_SECTORS for a in source):
        # "the Dutch king apologised for the Netherlands' role": a state's own country named
        # bare is the state itself, no other party
        target = [a for a in target if not (a.code == a.country and a.country in own)]
    if source and target and {a.code for a in source} == {a.code for a in target}:
        # "Turkey denied that Ankara had ...", "Iran threatened to close the Strait of Hormuz":
        # the event has no other party.
        target = []
    code = recode_by_actor(entry.code, source)
    if (
        code_root in MOBILIZE_ROOTS
        and any(o.lemma_.lower() in PERSONNEL_WORDS for o in objects)
        and sent_into_other_country(tok, source, target)
    ):
        code = FOREIGN_DEPLOYMENT_CODE
    consequences = [  # "..., killing 9 people": the victims of the same act
        obj
        for clause in kids(tok)
        if clause.dep_ in ("advcl", "conj") and clause.tag_ == "VBG"
        for obj in children_of(clause, OBJECT_DEPS)
    ]
    if not target and consequences and code_root in VIOLENT_ROOTS:
        target = [a for a in _resolve_all(consequences, resolver) if a.code]
        complete_countries(source + target, place_country)
    quantity = None
    for head in [*objects, *target_heads, *consequences, *source_heads, tok]:
        quantity = quantity_of(head)
        if quantity:
            break
    code = recode_by_magnitude(code, quantity)
    first = hyphen_start(tok)
    joined = first is not None and entry.lemma == first.lower_ + tok.lemma_.lower()
    trig_start = first.idx if first is not None and joined else tok.idx
    trig_end = tok.idx + len(tok.text)
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
        quantity=quantity,
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
    doc: Doc, doc_id: str, date: str | None = None, kn: Knowledge | None = None
) -> list[Event]:
    """Every event in a parsed document, in text order; ``date`` is the document's."""
    return code_document(doc, doc_id, date, None, kn)[0]


def code_document(
    doc: Doc,
    doc_id: str,
    date: str | None = None,
    outlet: str | None = None,
    kn: Knowledge | None = None,
    lex: Lexicon | None = None,
) -> tuple[list[Event], list[dict[str, object]]]:
    """Every event of a parsed document with its claim, and every attribution as a quote;
    ``date`` and ``outlet`` are the document's. ``kn``: the knowledge to code with (the
    library's default when None); ``lex``: another lexicon than the knowledge's."""
    kn = kn or DEFAULT.get()
    lex = lex or kn.lexicon
    where, when = DocPlaces(doc, kn), DocDates(date)
    resolver = ActorResolver(kn, date=date, places=where)
    resolver.read(doc)  # every actor mention resolved once, in reading order, before coding
    events: list[Event] = []
    quotes: list[dict[str, object]] = []
    denials: list[tuple[Attribution, Span]] = []
    every: list[Attribution] = []
    for index, sent in enumerate(sentences(doc)):
        found = code_sentence(sent, index, doc_id, resolver, lex, where, when)
        atts = sentence_attributions(kn, sent)
        resolve_sources(atts, resolver)
        via = channels(sent, resolver) if atts or found else []
        for event in found:
            event.claim = claim_for(event, sent, atts, via, outlet)
        denials += [(a, sent) for a in atts if a.stance == DENIED]
        quotes += [quote_record(a) for a in atts]
        every += atts
        events.extend(found)
    for quote, att in long_quotes(doc, every):
        # a quotation over several sentences or paragraphs: its events are its speaker's
        quotes.append(quote)
        for event in events:
            claim = event.claim or {}
            if quote["start"] <= event.trigger["start"] < quote["end"] and not claim.get("cue"):
                event.claim = {**claim, "claimant": quote["speaker"], "cue": att.cue_text()}
    link_disputes(events, denials)
    return events, quotes
