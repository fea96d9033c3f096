"""Where events happen: place mentions resolved against the gazetteer, with context.

A place mention is the object of a locative preposition ("in", "near", "outside", ...) or a
place-name entity. Its name is resolved with, in order of weight: the region the text gives next
to it ("San Fernando (Catamarca)", "Paris, Texas", "Kharkiv region"), the countries named in the
same sentence, the countries the document is about, and finally size. Country names, demonyms
with a feature word ("the Ukrainian border") and capitals come from the actor gazette, so that
the two never disagree about what a name means.

Each event takes the place attached to its own trigger (a locative phrase the trigger governs,
directly or through its arguments); failing that, a place in its sentence; failing that, what
else the text says (:meth:`DocPlaces.for_event`); when nothing says where, the location is
unknown and the document's focus (its most named place) is kept beside it as a fallback; the
location's ``basis`` says which.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from eventwire import geo
from eventwire.coding.actors.phrases import is_dateline, noun_phrase, outside_buildings
from eventwire.coding.actors.roles import sector_of
from eventwire.coding.knowledge import Knowledge
from eventwire.coding.names import Name, names_in_capitals, names_with_tokens
from eventwire.coding.spans import (
    conjuncts,
    doc_text,
    entities_of,
    kids,
    sentences,
    tokens_of,
)
from eventwire.coding.vocabulary import Vocabulary
from eventwire.dates import MONTHS, WEEKDAYS

POINT, ADMIN1, COUNTRY, REGION, UNKNOWN = "point", "admin1", "country", "region", "unknown"
PRECISION_RANK = {POINT: 0, ADMIN1: 1, COUNTRY: 2, REGION: 3, UNKNOWN: 4}
_LOWER = {POINT: ADMIN1, ADMIN1: COUNTRY, COUNTRY: COUNTRY, REGION: REGION, UNKNOWN: UNKNOWN}
_ANY_PAREN = re.compile(r"[(\[]([^()\[\]]{3,80})[)\]]")


@dataclass
class Located:
    text: str
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    start: int
    end: int
    tokens: list[int] = field(default_factory=list)
    head: int = -1  # the token heading the mention
    locative: bool = False  # the object of "in", "near", "at", ...: where something happened

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country[:3] if self.country else None,  # PSEGZA -> PSE
            "admin1": self.admin1,
            "lat": None if self.lat is None else round(self.lat, 5),
            "lon": None if self.lon is None else round(self.lon, 5),
            "precision": self.precision,
        }


NOT_PLACES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"})


CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


class DocPlaces:
    """The place context of one document: countries it names and places it mentions."""

    def __init__(self, doc: Doc, kn: Knowledge) -> None:
        self.doc = doc
        self.kn = kn
        self._countries: Counter[str] | None = None
        self._names: dict[int, list[Name]] = {}
        self.found: dict[int, list[Located]] = {}
        self._focus: Located | None = None
        self._focus_done = False

    def sentence(self, sent: Span) -> list[Located]:
        """The place mentions of a sentence, resolved, in text order."""
        if sent.start not in self.found:
            found = _sentence_places(self.kn, sent, lambda: self._context(sent))
            self.found[sent.start] = found
            for loc in found:  # towns named so far make their country likelier for the rest
                if loc.country and loc.precision != COUNTRY:
                    self.countries[loc.country[:3]] += 1
        return self.found[sent.start]

    @property
    def countries(self) -> Counter[str]:
        """How often the document names each country (or its capital) as a place; counted
        when first needed, since most sentences report no event."""
        if self._countries is None:
            self._countries = Counter(
                n.code
                for sent in sentences(self.doc)
                for n, _ in self._sentence_names(sent)
                if n.kind in ("country", "capital")
            )
        return self._countries

    def _sentence_names(self, sent: Span) -> list[tuple[Name, list[Token]]]:
        """Country names, demonyms and capitals in a sentence: looked up only in runs of
        capitalised words, where names are."""
        if sent.start not in self._names:
            self._names[sent.start] = names_in_capitals(self.kn.names, tokens_of(sent))
        return self._names[sent.start]

    def _context(self, sent: Span) -> list[str]:
        """Countries for resolving the sentence's places: those it names as places, then those
        of its actors ("JNIM militants", "Russian forces"), then the document's."""
        names = [n for n, _ in self._sentence_names(sent)]
        places = [n.code for n in names if n.kind in ("country", "capital", "seat")]
        actors = [n.code for n in names if n.kind == "demonym"]
        actors += [
            n.code[:3] for n in names if n.kind == "org" and n.code[:3] in self.kn.names.countries
        ]
        doc = [c for c, _ in self.countries.most_common()]
        return list(dict.fromkeys(places + doc + actors))

    def focus(self) -> Located | None:
        """The document's most named place, as precise as it was named: the ``fallback`` of
        a location the text does not give (``basis`` ``document``)."""
        if not self._focus_done:
            self._focus_done = True
            seen: Counter[tuple] = Counter()
            first: dict[tuple, Located] = {}
            for sent in sentences(self.doc):
                for loc in self.sentence(sent):
                    k = (loc.name, loc.country, loc.precision)
                    seen[k] += 1
                    first.setdefault(k, loc)
            if seen:
                best = max(seen, key=lambda k: (seen[k], -first[k].start))
                top = first[best]  # as precise as it was named: its basis says it is a fallback
                self._focus = Located(
                    None, top.name, top.country, top.admin1, top.lat, top.lon, top.precision, 0, 0
                )
            elif self.countries:
                code = self.countries.most_common(1)[0][0]
                self._focus = Located(None, None, code, None, None, None, COUNTRY, 0, 0)
            else:
                self._focus = self.from_brackets()
        return self._focus

    def from_brackets(self, within: Span | None = None) -> Located | None:
        """The first bracketed note of the text, or of the sentence ``within``, that names a
        place ("... at the City Hall (Ulsan - Nam)", "[coded to Nushki (Balochistan)]"), one
        level less precise than it resolves."""
        text = doc_text(self.doc)
        if within is not None:
            text = text[within.start_char : within.end_char]
        for m in _ANY_PAREN.finditer(text):
            hint = self.kn.placenames.bracket_hint(m.group(1))
            found = self.kn.placenames.from_hint(hint, []) if hint else None
            if found is not None:
                precision = POINT if found.kind == geo.CITY else ADMIN1
                loc = Located(None, found.name, found.country, found.admin1, found.lat,
                              found.lon, precision, 0, 0)  # fmt: skip
                return _demote(self.kn, loc)
        return None

    def one_country(self, sent: Span) -> Located | None:
        """The country a sentence names, by name or capital, when it names only one; a
        country's adjective before a place word names it too ("the North Korean capital"), and
        a name joined to another by a hyphen names a pair, not a place ("South Korean-US
        exercises")."""
        codes: set[str] = set()
        features = self.kn.words.place_features
        for name, covered in self._sentence_names(sent):
            doc, end = covered[-1].doc, covered[-1].i + 1
            after = doc[end] if end < len(doc) else None
            named = name.kind in ("country", "capital") and not _hyphen_joined(covered)
            described = name.kind == "demonym" and after is not None and after.lower_ in features
            if named or described:
                codes.add(name.code[:3])
        if len(codes) != 1:
            return None
        return Located(None, None, codes.pop(), None, None, None, COUNTRY, 0, 0)

    def sentence_place(self, sent: Span) -> tuple[Token, str] | None:
        """The first place the sentence says something happened in ("in", "near", ...), with
        its country, as (head token, country)."""
        for loc in self.sentence(sent):
            if loc.country and loc.head >= 0 and loc.locative:
                return self.doc[loc.head], loc.country
        return None


def _demote(kn: Knowledge, loc: Located) -> Located:
    precision = _LOWER[loc.precision]
    if precision == loc.precision:
        return Located(None, loc.name, loc.country, loc.admin1, loc.lat, loc.lon, precision, 0, 0)
    if precision == ADMIN1 and loc.admin1 and loc.country:
        region = kn.places.region_centre(loc.country, loc.admin1)
        if region is not None:
            return Located(
                None, region.name, loc.country, region.name, region.lat, region.lon, ADMIN1, 0, 0
            )
    return Located(None, None, loc.country, None, None, None, COUNTRY, 0, 0)


def _known_person(kn: Knowledge, tok: Token) -> bool:
    """A name tagged as a person that the knowledge base knows: "Obama" is no town in Japan."""
    return tok.ent_type_ == "PERSON" and kn.people.names_someone(tok.text)


def _sentence_places(kn: Knowledge, sent: Span, context: Callable[[], list[str]]) -> list[Located]:
    """Place mentions of a sentence; ``context`` gives the countries to prefer (computed only
    when the sentence has a candidate)."""
    out: list[Located] = []
    taken: set[int] = set()
    countries: list[str] = []
    known = False
    place_preps, locative = kn.words.vocabulary.place_preps, kn.words.vocabulary.locative_preps
    for tok in tokens_of(sent):
        if tok.lower_ not in place_preps or tok.pos_ != "ADP":
            continue
        for obj in (c for c in kids(tok) if c.dep_ == "pobj"):
            for head in [obj, *conjuncts(obj)]:
                if head.i in taken:
                    continue
                if not known:
                    countries, known = context(), True
                loc = place_of(kn, head, countries)
                if loc is not None:
                    loc.head = head.i
                    loc.locative = tok.lower_ in locative
                    taken.update(loc.tokens)
                    out.append(loc)
                    countries = _prefer(countries, loc)
    heads = [e.root for e in entities_of(sent) if e.label_ in ("GPE", "LOC", "FAC")]
    heads += [  # "shelled Kamianka, Donetsk": a name with its region is a place
        t
        for t in tokens_of(sent)
        if t.dep_ in ("dobj", "npadvmod")
        and (
            t.pos_ == "PROPN"
            and kn.placenames.region_hint(doc_text(t.doc), t.idx + len(t.text))[0]
            or t.lower_ in kn.words.place_features  # "shelled Tal Jammeh town"
        )
    ]
    for head in sorted(heads, key=lambda t: t.i):
        if head.i not in taken and not is_dateline(head):  # "KYIV, Jan 16 -": see dateline()
            if head.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "pobj"):
                continue  # a country acting, or already a prepositional object
            if head.dep_ == "conj" and head.head.i not in taken:
                continue  # "a dispute between Egypt and Ethiopia": parties, not places
            at_named = (  # "at a Phoenix rally": the town names where the rally was, unless
                not any(loc.locative for loc in out)  # a place is named outright
                and head.dep_ == "compound"
                and head.ent_type_ == "GPE"
                and head.head.dep_ == "pobj"
                and head.head.head.lower_ in locative
            )
            if (
                head.dep_ in ("compound", "amod")
                and head.head.ent_type_ not in ("GPE", "LOC")
                and not at_named
            ):
                continue  # "Russian troops", "Gaza ceasefire": a modifier, not a place
            if head.dep_ == "nmod" and _hyphen_joined([head]):
                continue  # "South Korean-US exercises": one of a pair, not a place
            if not known:
                countries, known = context(), True
            loc = place_of(kn, head, countries)
            if loc is not None:
                loc.head = head.i
                # "shelled Kamianka, Donetsk": a name given with its region is where it happened
                loc.locative = at_named or (
                    head.dep_ in ("dobj", "npadvmod")
                    and any(doc_i > head.i for doc_i in loc.tokens)
                )
                taken.update(loc.tokens)
                out.append(loc)
                countries = _prefer(countries, loc)
    out.sort(key=lambda loc: loc.start)
    return out


def _hyphen_joined(covered: list[Token]) -> bool:
    """Whether a name is joined to another by a hyphen without spaces, one of a pair ("South
    Korean-US exercises"), not a place; "Santiago - Quinta Normal" is a place and its part."""
    doc, first, last = covered[0].doc, covered[0], covered[-1]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    before = doc[first.i - 1] if first.i > 0 else None
    return (after is not None and after.text == "-" and not last.whitespace_) or (
        before is not None and before.text == "-" and not before.whitespace_
    )


def _prefer(countries: list[str], loc: Located) -> list[str]:
    """The context after a place is resolved: its country ranks first for the next names."""
    if not loc.country:
        return countries
    return [loc.country, *(c for c in countries if c != loc.country)]


def place_of(
    kn: Knowledge, head: Token, countries: list[str], want: str | None = None
) -> Located | None:
    """The place a noun phrase names, resolved, or None when it names none."""
    if head.ent_type_ in NOT_PLACES or head.lower_ in CALENDAR_WORDS:
        return None
    if head.ent_type_ == "ORG" and sector_of(kn, [head], head):
        return None  # "marched towards Congress": an institution, not the town of Congress
    if _known_person(kn, head):
        return None  # "pressure on Obama", "Kim called for peace": a known person, no town
    tokens = noun_phrase(head)
    doc = head.doc
    first = min(t.i for t in tokens)
    opening = next((t for t in doc[first : head.i] if t.text in ("(", "[")), None)
    closing = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if (
        opening is not None
        and opening.i > first
        and doc[opening.i - 1].pos_ == "PROPN"
        and closing is not None
        and closing.text in (")", "]")
        and min(t.i for t in noun_phrase(doc[opening.i - 1])) == first
    ):
        # "in La Paz (Entre Rios)" parsed with the bracketed region as the head: the name is
        # what precedes the bracket, and the bracket its region
        return place_of(kn, doc[opening.i - 1], countries, want)
    v, features = kn.words.vocabulary, kn.words.place_features
    feature = want or next((features[t.lower_] for t in tokens if t.lower_ in features), None)
    names = outside_buildings(names_with_tokens(kn.names, tokens), tokens)
    # Countries the phrase itself names come first: "Spain's Andalusia region", "the Libyan
    # capital Tripoli", "the Australian state of Victoria".
    local = [n.code for n, _ in names if n.kind in ("country", "demonym", "capital")]
    of_obj = [
        o
        for c in kids(head)
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in kids(c)
        if o.dep_ == "pobj"
    ]
    if of_obj and (head.lower_ in features or head.lemma_.lower() in features):
        # "the city of Kharkiv", "the province of Idlib", "the centre of Goma", "the port of Odesa"
        inner_kind = features.get(head.lower_) or features.get(head.lemma_.lower())
        inner = place_of(kn, of_obj[0], local + countries, ADMIN1 if inner_kind == ADMIN1 else None)
        if inner is not None:
            return _with(inner, tokens + noun_phrase(of_obj[0]))
    owners = [c for c in kids(head) if c.dep_ == "poss" and c.pos_ == "PROPN"]
    # The small model often tags unknown towns as people ("in Dijon"): a name heading the phrase
    # is taken at its word, one inside another phrase ("supporters of Imran Khan") is not.
    person_ok = head.pos_ == "PROPN" or head.lower_ in features
    # The name is the proper nouns that head the phrase ("Kharkiv", "Santa Cruz") or precede a
    # feature word ("Herat province", "Jenin refugee camp"); a phrase headed by another noun
    # ("the Catalan independence referendum", "the Lamar County courthouse") names no place.
    named_head = head.pos_ == "PROPN" or head.ent_type_ in ("GPE", "LOC", "FAC")
    proper = [
        t
        for t in tokens
        if (named_head or head.lower_ in features or head.lemma_.lower() in features)
        and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC"))
        and t.ent_type_ not in NOT_PLACES
        and (t.ent_type_ != "NORP" or t.pos_ == "PROPN")
        and (person_ok or t.ent_type_ != "PERSON")
        and not _known_person(kn, t)
        and t.text[:1].isupper()
        and t.lower_ not in features
        and t not in owners
        and t.i <= head.i  # what follows the head ("(Masindi, Western)") is its region
    ]
    while proper and proper[-1].lower_ in v.direction_words:
        proper.pop()
    if any(t.lower_ in v.ocean_names for t in proper):
        return None  # "the Pacific", "the Indian Ocean": no country's place
    if proper and proper[-1].i == max(t.i for t in tokens):
        # "Santa Cruz do Capibaribe", "Pilar do Sul": the parser may stop at the connector
        extra = _name_tail(doc, proper[-1], v)
        tokens = tokens + extra
        proper = proper + [t for t in extra if t.text[:1].isupper()]
    span_tokens = sorted({t.i for t in tokens})
    text_start = doc[span_tokens[0]].idx
    text_end = doc[span_tokens[-1]].idx + len(doc[span_tokens[-1]].text)
    text = doc_text(doc)[text_start:text_end]
    region, hint_end = kn.placenames.region_hint(doc_text(doc), text_end)
    hinted = takewhile(lambda t: t.idx < hint_end, doc[span_tokens[-1] + 1 :])
    if region and any(_known_person(kn, t) for t in hinted):
        region = None  # "In his address, Kim called": a person, no region after a name
    if region:  # the region written after the name belongs to this mention
        after = []
        for t in doc[head.i :]:
            if t.idx >= hint_end:
                break
            if t.idx >= text_end:
                after.append(t.i)
        span_tokens = sorted(set(span_tokens) | set(after))

    def located(place: geo.Place, precision: str) -> Located:
        return Located(
            text,
            place.name,
            place.country,
            place.admin1,
            place.lat,
            place.lon,
            precision,
            text_start,
            text_end,
            span_tokens,
        )

    if proper:
        kind = geo.ADMIN1 if feature == ADMIN1 else None
        hint = [c.code for c in kn.placenames.hint_countries(region)] + local + countries
        place = None
        # Named as a place by its preposition or a feature word: a village may be meant.
        small = feature is not None or (
            head.dep_ == "pobj" and head.head.lower_ in v.locative_preps
        )
        country_name = _country_name(names, proper)
        forms = _name_forms(doc, proper, v)
        if country_name:
            forms = forms[:1]  # "North Korea" is the country, never a town called "Korea"
        for name in forms:
            place = kn.placenames.resolve(name, hint, region, kind, small)
            if place is not None:
                break
        if place is not None and not (country_name and key_eq(name, country_name)):
            precision = POINT if place.kind == geo.CITY else ADMIN1
            if feature in (COUNTRY, REGION) and precision == POINT:
                precision = ADMIN1
            return located(place, precision)
        if region and place is None:
            found = kn.placenames.from_hint(region, countries)
            if found is not None:
                return located(found, POINT if found.kind == geo.CITY else ADMIN1)
    if not proper and region:  # "the Suwon Station (Suwon)": the place written after it
        found = kn.placenames.from_hint(region, countries)
        if found is not None:
            return located(found, POINT if found.kind == geo.CITY else ADMIN1)
    for owner in owners:  # "Baghdad's Green Zone", "London's Parliament Square"
        inner = place_of(kn, owner, local + countries)
        if inner is not None and inner.precision != COUNTRY:
            return _with(inner, tokens)
    places = [n for n, _ in names if n.kind in ("country", "demonym", "capital")]
    if places:
        n = places[-1]
        if n.kind == "capital" and proper:
            cap = kn.places.resolve(_name_forms(doc, proper, v)[0], [n.code])
            if cap is not None and cap.country == n.code:
                return located(cap, POINT)
        if n.kind == "demonym" and feature is None:
            return None  # "Russian troops": people, not a place
        return Located(
            text, None, n.code, None, None, None, COUNTRY, text_start, text_end, span_tokens
        )
    return None


def _name_tail(doc: Doc, last: Token, v: Vocabulary) -> list[Token]:
    out: list[Token] = []
    i = last.i + 1
    while i + 1 < len(doc) and doc[i].lower_ in v.name_connectors and doc[i + 1].text[:1].isupper():
        out += [doc[i], doc[i + 1]]
        i += 2
    return out


def _name_forms(doc: Doc, proper: list[Token], v: Vocabulary) -> list[str]:
    """The name a run of proper nouns spells, then shorter forms to try: "North Darfur" whole,
    "Donetsk - Kyivskyi" as "Donetsk" (a city and its district, ACLED style)."""
    first, last = proper[0], proper[-1]
    full = doc_text(doc)[first.idx : last.idx + len(last.text)]
    forms = [full]
    if " - " in full:
        forms.append(full.split(" - ")[0])
    if first.lower_ in v.direction_words and len(proper) > 1:
        rest = proper[1:]
        forms.append(doc_text(doc)[rest[0].idx : last.idx + len(last.text)])
    return forms


def key_eq(a: str, b: str) -> bool:
    return geo.key(a) == geo.key(b)


def _country_name(names: list[tuple[Name, list[Token]]], proper: list[Token]) -> str | None:
    for n, toks in names:
        if n.kind == "country" and {t.i for t in toks} >= {t.i for t in proper}:
            return " ".join(t.text for t in toks)
    return None


def _with(loc: Located, tokens: list[Token]) -> Located:
    idx = sorted({t.i for t in tokens} | set(loc.tokens))
    doc = tokens[0].doc
    start, end = doc[idx[0]].idx, doc[idx[-1]].idx + len(doc[idx[-1]].text)
    return Located(
        doc_text(doc)[start:end],
        loc.name,
        loc.country,
        loc.admin1,
        loc.lat,
        loc.lon,
        loc.precision,
        start,
        end,
        idx,
    )
