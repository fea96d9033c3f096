"""Making actors: an :class:`~eventwire.model.Actor` from a phrase's tokens and the names and
role found in it (:func:`combine`), the countries of the places a phrase names, and an actor's
knowledge-base id and confidence (:func:`assess`)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from eventwire.coding.actors.phrases import (
    head_of,
    is_bare_place,
    noun_phrase,
    outside_buildings,
)
from eventwire.coding.knowledge import Knowledge
from eventwire.coding.names import (
    Name,
    find_names,
    is_acronym,
    names_in_capitals,
    names_with_tokens,
)
from eventwire.coding.spans import (
    conjuncts,
    doc_text,
    entities_of,
    kids,
    memo_of,
    sentences,
    tokens_of,
)
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.model import Actor

# A single name the tagger calls a person is read as a town only where something happens ("in
# X") or when the town is this big: many surnames are also names of small towns.
TOWN_FOR_PERSON_MIN = 100_000
# Where a name is a town, not a person: "in X", "near X" (not "on X": "attacks on Bush").
TOWN_PREPOSITIONS = VOCABULARY.locative_preps - {"on", "through", "beyond", "along"}

# Confidence of a role whose country (or identity) comes from earlier in the document.
CONTEXT_CONFIDENCE = 0.6


# Confidence by the evidence an actor rests on.
CONFIDENCE = {
    "kb": 0.95,  # a person or organisation of the knowledge base
    "country_sector": 0.85,  # "Russian troops", "Kremlin spokesperson Dmitry Peskov"
    "country": 0.8,  # "Russia", "North Korean" (a state as such, or nationality only)
    "sector": 0.5,  # "police", "a spokesperson": whose is unknown
    "none": 0.2,  # "a man", "members of a committee": no code at all
}


def phrase_actor(
    tokens: list[Token],
    code: str | None,
    country: str | None,
    sector: str | None,
    name: str | None,
) -> Actor:
    """An Actor spanning ``tokens`` (offsets into the document's text)."""
    span_start, span_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(tokens[0].doc)[span_start:span_end]
    return Actor(
        text=text,
        code=code,
        country=country,
        sector=sector,
        name=name,
        start=span_start,
        end=span_end,
    )


def combine(tokens: list[Token], names: list[Name], sector: str | None, person: str | None):
    orgs = [n for n in names if n.kind == "org"]
    places = [n for n in names if n.kind != "org"]
    if orgs:
        org = orgs[-1]
        country = org.code[:3] if len(org.code) == 6 and not org.code.startswith("IGO") else None
        if places and org.sector == "IGO" and not org.media and sector in ("GOV", None):
            # "China's U.N. ambassador", "Israeli U.N. Ambassador Gilad Erdan", "Russia's
            # Security Council": the country's envoy to the body, or its own body of that name
            code = places[0].code[:3]
            return phrase_actor(tokens, code + "GOV", code, "GOV", person)
        if (
            country
            and org.sector == "REB"
            and sector == "GOV"
            and tokens
            and head_of(tokens).lemma_.lower() in VOCABULARY.governing_bodies
        ):
            # "the Taliban administration", "Houthi authorities": the group governing
            return phrase_actor(tokens, country + "GOV", country, "GOV", person)
        if (
            places
            and org.sector
            and org.sector != "IGO"
            and places[0].code != country
            and not org.media
        ):
            # "the Pakistani Taliban": the group of the country the phrase names.
            return phrase_actor(
                tokens, places[0].code + org.sector, places[0].code, org.sector, person
            )
        return phrase_actor(tokens, org.code, country, org.sector, person)
    country = places[-1].code if places else None
    if sector is None and places:
        # A capital or seat standing for its government ("Pyongyang", "the Kremlin").
        head_place = places[-1]
        bare_capital = head_place.kind == "capital" and is_bare_place(tokens)
        if bare_capital or head_place.kind == "seat":
            sector = "GOV"
    code = (country or "") + (sector or "") or None
    return phrase_actor(tokens, code, country, sector, person)


def assess(kn: Knowledge, actor: Actor) -> Actor:
    """Fill in an actor's knowledge-base id and confidence from how it was resolved."""
    if actor.kb_id is None and actor.code:
        org = (
            kn.names.org_named(actor.text, actor.code) if actor.code in kn.names.org_codes else None
        )
        if actor.name and kn.people.lookup(actor.name):
            actor.kb_id = "person/" + actor.name
        elif org is not None:
            actor.kb_id = "org/" + org
        elif actor.code == actor.country and len(actor.code) == 3:
            actor.kb_id = "country/" + actor.code
    if actor.confidence is None:
        if not actor.code:
            level = "none"
        elif actor.kb_id and not actor.kb_id.startswith("country/"):
            level = "kb"
        elif actor.country and actor.sector:
            level = "country_sector"
        elif actor.country:
            level = "country"
        else:
            level = "sector"
        actor.confidence = CONFIDENCE[level]
    return actor


def place_countries(kn: Knowledge, head: Token) -> list[str]:
    """Countries of the places a phrase names ("Tbilisi", "northern Syria", "Kharkiv region"):
    the country names and capitals of the actor gazette first, then the GeoNames towns."""
    tokens = noun_phrase(head)
    found = [
        n.code
        for n, _ in whole_places(kn, outside_buildings(names_with_tokens(kn.names, tokens), tokens))
        if n.kind in ("country", "capital", "demonym")
    ]
    if found:
        return found
    proper = [t for t in tokens if t.pos_ == "PROPN" and t.text[:1].isupper()]
    directions = kn.words.vocabulary.direction_words
    if proper and all(t.lower_ in directions for t in proper):
        return []  # "the North" is no province of Cameroon
    if proper:
        place = kn.places.lookup(" ".join(t.text for t in proper))
        if (
            place is None
            and len(proper) > 1
            and proper[-1].lower_ not in directions
            and all(t.lower_ in directions for t in proper[:-1])
        ):
            # "Greater Kharkiv"; not "Kharkiv Oblast", nor "Glasgow MSP Anas Sarwar" (a person,
            # whose surname is also a town in India)
            place = kn.places.lookup(proper[-1].text)
        if place is not None and not _an_organisation_s_other_name(proper, place.name):
            return [place.country]
    return []


def _an_organisation_s_other_name(proper: list[Token], place_name: str) -> bool:
    """An organisation's name that is only another name of a town: "Google" (Topeka's, for a
    while) is the company."""
    text = " ".join(t.text for t in proper)
    return all(t.ent_type_ == "ORG" for t in proper) and text.lower() != place_name.lower()


def conjoined_places(kn: Knowledge, tokens: list[Token], head: Token) -> list[Name]:
    """Places conjoined to a modifier: "Polish and Ukrainian" in "Polish and Ukrainian
    ministers" (the parser hangs the second on the first)."""
    found: list[Name] = []
    for tok in tokens:
        if tok is head or tok.dep_ not in ("amod", "compound", "nmod"):
            continue
        for conj in conjuncts(tok):
            found += [n for n in find_names(kn.names, noun_phrase(conj)) if n.kind != "org"]
    return found


def distinct_places(names: list[Name]) -> list[Name]:
    out: list[Name] = []
    for n in names:
        if n.kind != "org" and all(n.code != o.code for o in out):
            out.append(n)
    return out


def with_of_name(kn: Knowledge, head: Token, tokens: list[Token]) -> list[Token]:
    """A name the parser split at "of" ("The Democratic Republic | of Congo", "the Republic of
    Korea"): the phrase with its of-object, when together they spell a name."""
    if head.pos_ != "PROPN":
        return tokens
    for prep in kids(head):
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == head.i + 1:
            objs = [o for o in kids(prep) if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            if objs:
                longer = tokens + [prep, *noun_phrase(objs[0])]
                longer.sort(key=lambda t: t.i)
                if any(
                    t.i > head.i
                    for _, covered in names_with_tokens(kn.names, longer)
                    for t in covered
                ):
                    return longer
    return tokens


def whole_places(
    kn: Knowledge, named: list[tuple[Name, list[Token]]]
) -> list[tuple[Name, list[Token]]]:
    """The names found in a phrase, a country's or capital's name read whole with the
    capitalised words before it when together they name a place of another country: "New
    Jersey" is a US state, not Jersey; "New South Wales" Australian, not Welsh."""
    out = []
    for name, covered in named:
        if name.kind in ("country", "capital") and covered:
            doc, first = covered[0].doc, covered[0].i
            for k in (1, 2):
                before = doc[max(0, first - k) : first]
                if len(before) < k or not all(t.text[:1].isupper() for t in before):
                    break
                text = doc_text(doc)[before[0].idx : covered[-1].idx + len(covered[-1].text)]
                place = kn.places.lookup(text)
                if place is not None and place.country != name.code[:3]:
                    name = Name("country", place.country)
                    covered = [*before, *covered]
                    break
        out.append((name, covered))
    return out


# Kinds of name that stand for a state ("Georgia", "Kyiv"), never for a person of that name.
STATE_KINDS = frozenset({"country", "capital"})


def may_name_a_person(
    head: Token, tokens: list[Token], names: list[tuple[Name, list[Token]]]
) -> bool:
    """Whether a lone proper noun may be a person the text introduced: a town's name may
    ("Lester" after "Jon Lester"), a country's or capital's may not ("Georgia" after "Georgia
    Smith" is the state); ``names``: the names the phrase's tokens spell."""
    if head.pos_ != "PROPN" or len(tokens) != 1:
        return False
    return head.ent_type_ != "GPE" or not any(n.kind in STATE_KINDS for n, _ in names)


def may_be_town(kn: Knowledge, person: str, head: Token) -> bool:
    """Whether a name the tagger took for a person may be a town after all: not when it
    starts with a given name ("Sarah Palin" is no town in Guatemala), and a name of several
    words only when it is a place whole ("Kryvyi Rih"); a single word only when
    it is a city of note (big, or its region's namesake) or is where something happens
    ("fighting in Avdiivka", "areas of Kherson")."""
    words = person.split()
    if len(words) > 1:
        # and only when the whole name is a place: "Jordan Spieth" is no Jordan
        return words[0].lower() not in kn.words.given_names and (
            kn.places.lookup(person) is not None or kn.names.lookup(words) is not None
        )
    if head.dep_ == "pobj" and (
        head.head.lower_ in TOWN_PREPOSITIONS  # "in X", not "attacks on X"
        or head.head.head.lemma_.lower() in kn.words.place_features  # "areas of X"
    ):
        return True
    place = kn.places.lookup(person)
    return place is not None and (
        place.population >= TOWN_FOR_PERSON_MIN or place.admin1 == place.name
    )


def document_country(kn: Knowledge, head: Token, sentence_start: int) -> str | None:
    """The country the document names most outside the head's sentence, if it names one
    clearly (at least twice as often as any other); ``sentence_start``: where the head's
    sentence begins."""
    doc = head.doc
    memo = memo_of(doc)
    if memo.countries is None:
        counts: dict[int, list[str]] = {}
        for sent in sentences(doc):
            named = [
                n.code
                for n, _ in names_in_capitals(kn.names, tokens_of(sent))
                if n.kind in ("country", "demonym", "capital")
            ]
            # Towns and regions name their country too ("in Kharkiv", "Borno state"), and a
            # place named whole is not the country inside its name ("New South Wales").
            for ent in entities_of(sent):
                if ent.label_ not in ("GPE", "LOC"):
                    continue
                inner = {n.code for n in find_names(kn.names, list(ent))}
                if inner and len(ent) < 2:
                    continue
                place = kn.places.lookup(ent.text.removeprefix("the ").strip())
                if place is not None and place.country not in inner:
                    named = [c for c in named if c not in inner] + [place.country]
            counts[sent.start_char] = named
        memo.countries = counts
        memo.country_total = Counter(code for codes in counts.values() for code in codes)
    # the whole document's tally less the head's sentence (read once per document)
    tally = Counter(memo.country_total)
    tally.subtract(memo.countries.get(sentence_start, ()))
    tally = +tally  # (no count left at zero)
    if not tally:
        return None
    ranked = sorted(tally.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0][:3] if len(ranked[0][0]) > 3 else ranked[0][0]


def kb_name(kn: Knowledge, tokens: list[Token], head: Token, date: str | None) -> str | None:
    """A capitalised name the tagger missed ("Trump threatens ..."), if the knowledge base
    knows it on ``date``."""
    if not head.text[:1].isupper() or head.ent_type_ in ("GPE", "NORP", "LOC"):
        return None
    if is_acronym(head.text):
        return None  # "UN" is no surname
    name = " ".join(t.text for t in tokens if t.text[:1].isupper() and t.dep_ != "det")
    if name and kn.people.lookup(name, date):
        return name
    return None
