"""Actors in a sentence: noun phrases resolved to CAMEO-style codes.

A code is a country (ISO alpha-3) followed by a sector (``RUSGOV``, ``PRKMIL``), an organisation's
code (``IGOWSTNAT``), a country alone (``RUS``) or a sector alone (``COP``). Evidence comes from
the phrase itself: country names, demonyms, capitals and seats of power ("the Kremlin"),
organisation names, and role words ("troops", "spokesperson", "police"). A person introduced
with a title ("Russian President Vladimir Putin") is remembered for the rest of the document, so
that a later "Putin" resolves the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span, Token

from eventwire import geo
from eventwire.coding.kb import people, user_table
from eventwire.coding.rules import COMPLETED_CONFIDENCE
from eventwire.coding.spans import (
    conjuncts,
    doc_text,
    entities_of,
    kids,
    sentences,
    tokens_of,
)
from eventwire.coding.tree import NOMINAL_SUBJECT_DEPS, pobjs
from eventwire.data import read_text, word_list
from eventwire.model import Actor, has_code

# Parts of place names that are no place on their own.
DIRECTION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
    }
)
# Words a noun phrase may skip between its modifiers and its head.
NP_GAP = 2
# Longest place or organisation name, in tokens, looked up inside a phrase.
MAX_NAME_TOKENS = 6
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
# Role words that take their sector from what modifies them: "police spokesman" is police,
# "Kremlin spokesperson" is government, "military official" is military.
# Words that count a group: "thousands of protesters", "a crowd of students".
COUNT_WORDS = frozenset(
    {
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "million",
        "millions",
        "score",
        "scores",
        "ten",
        "tens",
        "number",
        "crowd",
        "group",
        "mob",
        "handful",
        "several",
        "many",
        "some",
        "most",
        "all",
        "half",
        "majority",
        "one",
        "two",
        "three",
        "both",
        "each",
    }
)
# Prepositions that attach the owner of a role: "the president of", "envoys from".
OWNER_PREPS = frozenset({"of", "for", "from", "in"})
# How many "of" links are followed to find the actor a non-actor phrase is about.
OWNER_DEPTH = 2
# How far back (in characters) a pronoun looks for its antecedent: about two paragraphs.
PRONOUN_REACH = 1200
BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
MALE_PRONOUNS = frozenset({"he", "him", "his"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})
SINGULAR_PRONOUNS = frozenset({"it", "its"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
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
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Named entities that refer to actors even when the gazetteer does not know their name.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
GENERIC_ROLES = frozenset(
    {
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "source",
        "leader",
        "head",
        "chief",
        "member",
        "representative",
        "envoy",
        "officer",
        "commander",
        "unit",
        "figure",
    }
)
_ARTICLES = ("the",)
# Names of at most this many letters written in capitals are acronyms: matched case-sensitively.
ACRONYM_MAX = 6


@dataclass(frozen=True)
class Name:
    kind: str  # country, demonym, capital, seat, org
    code: str  # ISO3 for places, the full code for organisations
    sector: str | None = None
    media: bool = False
    canonical: str | None = None  # an organisation's name in the data file


@dataclass
class Gazette:
    """Name and role-word indexes, built once from the data files."""

    names: dict[tuple[str, ...], Name] = field(default_factory=dict)
    acronyms: dict[tuple[str, ...], Name] = field(default_factory=dict)
    sectors: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Role terms that name one state's institution, with that state ("pentagon" -> USA).
    implied: dict[tuple[str, ...], str] = field(default_factory=dict)
    # First words of every name (lower case; acronyms as written): a phrase position whose word
    # is not among them starts no name, which spares most lookups.
    starts: set[str] = field(default_factory=set)
    # The most tokens a name beginning with each start word can span, hyphens and possessives
    # split off by the tokenizer included: lookups need try no longer windows.
    longest: dict[str, int] = field(default_factory=dict)
    # First words of the role terms of two words or more ("defence", "prime", "secretary").
    sector_starts: set[str] = field(default_factory=set)

    def _starts(self, first: str, words: tuple[str, ...]) -> None:
        span = sum(1 + 2 * w.count("-") + w.count("'") for w in words)
        self.starts.add(first)
        self.longest[first] = max(self.longest.get(first, 0), span)

    def add_name(self, text: str, name: Name) -> None:
        """Index a name; acronyms ("UN", "AU", "WHO") match only in capitals, so that "Un" in
        "Kim Jong Un" or the pronoun "who" are not organisations."""
        if _is_acronym(text):
            words = tuple(text.split())
            self.acronyms.setdefault(words, name)
            self._starts(words[0], words)
            return
        key = _key(text)
        if key and key not in self.names:
            self.names[key] = name
            self._starts(key[0], key)
            # the tokenizer may split a first word ("al-Shabaab" -> "al", "-", ...)
            self._starts(key[0].split("-")[0].split("'")[0], key)

    def lookup(self, words: list[str]) -> Name | None:
        """The name these tokens spell; hyphens and possessives the tokenizer split off are
        glued back ("al - Qaeda" -> "al-qaeda", "People 's" -> "people's")."""
        found = self.acronyms.get(tuple(words)) or self.names.get(
            tuple(w.replace("’", "'").lower() for w in words)
        )
        if found or len(words) < 2:
            return found
        glued = " ".join(words).replace("’", "'").replace(" - ", "-").replace(" 's", "'s")
        return self.names.get(tuple(glued.lower().split()))


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= ACRONYM_MAX and all(c.isupper() for c in letters)


def _key(text: str) -> tuple[str, ...]:
    words = text.replace("’", "'").lower().split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return tuple(words)


def _tsv(name: str, text: str | None = None) -> list[dict[str, str]]:
    text = read_text(name) if text is None else text
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return rows


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


@cache
def gazette() -> Gazette:
    g = Gazette()
    user = user_table("organisations.tsv")  # the user's rows first: the first name wins
    for row in [*(_tsv("organisations.tsv", user) if user else []), *_tsv("organisations.tsv")]:
        org = Name(
            "org",
            row["code"],
            row["sector"] or None,
            media=row["kind"] == "media",
            canonical=row["name"],
        )
        for text in [row["name"], *_split(row["aliases"])]:
            g.add_name(text, org)
    for row in _tsv("countries.tsv"):
        code = row["code"]
        for text in [row["name"], *_split(row["aliases"])]:
            g.add_name(text, Name("country", code))
        for text in _split(row["demonyms"]):
            g.add_name(text, Name("demonym", code))
        for text in _split(row["capitals"]):
            g.add_name(text, Name("capital", code, "GOV"))
        for text in _split(row["seats"]):
            g.add_name(text, Name("seat", code, "GOV"))
    for row in _tsv("sectors.tsv"):
        key = _key(row["term"])
        g.sectors.setdefault(key, row["sector"])
        if len(key) > 1:
            g.sector_starts.add(key[0])
        note = row.get("notes") or row.get("note") or ""
        if note.startswith("country="):  # "the Pentagon", "the IRGC": one state's institution
            g.implied.setdefault(_key(row["term"]), note[8:11])
    return g


def noun_phrase(head: Token) -> list[Token]:
    """The head noun with its name parts and modifiers, in order (computed once per token per
    document; callers get a copy)."""
    memo = head.doc.user_data.setdefault("eventwire_np", {})
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
_PRO_BEFORE = re.compile(r"(?:^|[^\w])pro\s*-?\s*$", re.IGNORECASE)
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
    while out and out[0].dep_ == "det" and out[0].lower_ not in ("the",):
        out.pop(0)
    return out


def _of_phrase(head: Token) -> list[Token]:
    """'the government of Sudan', 'negotiators from Armenia and Azerbaijan': the owner phrase,
    with its conjuncts."""
    for child in kids(head):
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS and child.i > head.i:
            objs = [c for c in kids(child) if c.dep_ == "pobj"]
            if objs:
                out = noun_phrase(objs[0])
                for conj in conjuncts(objs[0]):
                    out += noun_phrase(conj)
                return out
    return []


@dataclass
class ActorResolver:
    """Resolves the noun phrases of one document, in text order.

    In-document evidence comes first (names, demonyms and titles in the phrase, people already
    introduced), the knowledge base of people second; ``date`` (the document's, ISO) picks the
    office a person held at the time.
    """

    date: str | None = None
    people: dict[str, Actor] = field(default_factory=dict)
    # Actors resolved so far, by offset, with whether each is a person (for pronouns).
    mentions: dict[int, tuple[Actor, bool]] = field(default_factory=dict)
    # Every subject noun met so far, by offset: its actors (several for "Mali and Niger"), or
    # none when it is no actor ("the missiles"), so that "they" after it is not taken for an
    # earlier country.
    subjects: dict[int, list[Actor]] = field(default_factory=dict)
    # Compound subjects naming two or more states, by offset ("the two countries").
    compounds: dict[int, list[Actor]] = field(default_factory=dict)
    # Offsets of mentions headed by a plural noun ("Nigerian schoolchildren"), for "them".
    plural: set[int] = field(default_factory=set)
    # Offsets of actors that are towns standing for their country ("shelled Kharkiv").
    towns: set[int] = field(default_factory=set)
    # Where the sentence being read begins (set by the reader, sentence by sentence).
    sentence_start: int = 0
    # Phrases resolved in the current sentence, by head token (cleared with each sentence).
    resolved: dict[int, list[Actor]] = field(default_factory=dict)
    # resolve_or_owner's answers in the current sentence, by (token, depth)
    owned: dict[tuple[int, int], list[Actor]] = field(default_factory=dict)
    # The sentence being read and the document's places (coding.places.DocPlaces), when the
    # reader has them: a role takes the country where its sentence's event happens.
    sentence: Span | None = None
    places: Any = None

    def start_sentence(self, sent: Span) -> None:
        """Begin reading a sentence."""
        self.sentence, self.sentence_start = sent, sent.start_char
        self.resolved = {}
        self.owned = {}

    def note_subject(self, head: Token) -> None:
        """Record a clause subject, in text order, for the pronouns that follow."""
        pronoun = head.pos_ == "PRON"
        found = self.resolve_many(head) if not pronoun else []
        joined = conjuncts(head)
        if not pronoun and joined:
            # "Putin and Kim signed ...": the states of a compound subject, for "the two
            # countries" later
            together = [a for a in found if a.country]
            for conj in joined:
                together += [a for a in self.resolve_many(conj) if a.country]
            states = list({a.country: a for a in together}.values())
            if len(states) >= 2:
                self.compounds[head.idx] = [
                    replace(a, code=a.country, sector=None, name=None, kb_id=None) for a in states
                ]
        is_person = (
            bool(found and found[0].name)
            or head.ent_type_ == "PERSON"
            or (head.lemma_.lower() in titles())
        )
        if not is_person:
            # "Mali, Burkina Faso and Niger said they ...": conjuncts, and the parser's appositions
            listed = [*joined]
            for appos in (c for c in kids(head) if c.dep_ == "appos" and c.pos_ == "PROPN"):
                listed += [appos, *conjuncts(appos)]
            for other in sorted({t.i: t for t in listed if t.i > head.i}.values()):
                found += [
                    a
                    for a in self.resolve_many(other)
                    if a.code and a.code not in {f.code for f in found}
                ]
            self.subjects[head.idx] = (
                [a for a in found if a.code] if found and found[0].code else []
            )

    def resolve(self, head: Token) -> Actor | None:
        """The actor a noun phrase headed by ``head`` refers to, or None if it is no actor."""
        found = self.resolve_many(head)
        return found[0] if found else None

    def resolve_many(self, head: Token) -> list[Actor]:
        """The actors of a noun phrase: one, or several for "Polish and Ukrainian ministers"."""
        if head.pos_ == "PRON":
            return [
                replace(a, confidence=round((assess(a).confidence or 0.0) * PRONOUN_DISCOUNT, 2))
                for a in self._pronoun_all(head)
            ]
        memo = self.resolved.get(head.i)
        if memo is not None:  # the same phrase asked again (subject, party, source): copies
            return [a.copy() for a in memo]
        actors = [self._in_context(assess(a), head) for a in self._resolve(head)]
        self.resolved[head.i] = [a.copy() for a in actors]
        for actor in actors:
            if actor.code:
                is_person = (
                    bool(actor.name)
                    or (  # "German Chancellor Olaf Scholz", coded by title, tagged ORG
                        head.pos_ == "PROPN"
                        and any(
                            c.dep_ == "compound" and c.lemma_.lower() in titles()
                            for c in kids(head)
                        )
                    )
                    or (head.lemma_.lower() in titles() and head.tag_ in ("NN", "NNP"))
                )
                self.mentions.setdefault(actor.start, (actor, is_person))
                if head.tag_ in ("NNS", "NNPS"):
                    self.plural.add(actor.start)
        return actors

    def _states_referred(self, head: Token) -> list[Actor]:
        """ "The two countries" after "Saudi Arabia and Iran agreed": the states last named
        together; "the country": the state last named."""
        plural = head.tag_ in ("NNS", "NNPS") or any(
            c.lower_ in ("both", "two", "three") for c in kids(head)
        )
        if not any(c.lower_ in ("the", "both", "two", "three") for c in kids(head)):
            return []  # "a country", "many countries": no reference

        def moved(a: Actor) -> Actor:
            return replace(
                a,
                text=head.text,
                start=head.idx,
                end=head.idx + len(head.text),
                confidence=CONTEXT_CONFIDENCE,
            )

        before = [(start, a) for start, a in self.subjects.items() if start < head.idx]
        before += [(start, a) for start, a in self.compounds.items() if start < head.idx]
        if plural:
            groups = [
                (start, actors)
                for start, actors in before
                if len({a.country for a in actors if a.country}) >= 2
            ]
            if groups:
                return [moved(a) for a in max(groups, key=lambda item: item[0])[1]]
            return []
        states = [
            (start, a)
            for start, (a, is_person) in self.mentions.items()
            if start < head.idx and not is_person and a.code and a.code == a.country
        ]
        return [moved(max(states, key=lambda item: item[0])[1])] if states else []

    def _back_reference(self, head: Token) -> Actor | None:
        wanted = BACK_REFERENCES[head.lemma_.lower()]
        same = [
            (start, a)
            for start, (a, is_person) in self.mentions.items()
            if start < head.idx
            and not is_person
            and a.code
            and (a.sector == wanted or a.code.startswith(wanted))
        ]
        if not same:  # "Hamas leader Yahya Sinwar ... the group": the leader's organisation
            same = [
                (start, a)
                for start, (a, is_person) in self.mentions.items()
                if start < head.idx and is_person and a.code and a.sector == wanted
            ]
            if not same:
                return None
            start, person = max(same, key=lambda item: item[0])
            same = [(start, replace(person, name=None, kb_id=None))]
        prior = max(same, key=lambda item: item[0])[1]
        return replace(
            prior,
            text=head.text,
            start=head.idx,
            end=head.idx + len(head.text),
            confidence=CONTEXT_CONFIDENCE,
        )

    def _in_context(self, actor: Actor, head: Token) -> Actor:
        """A role without a country takes the document's: "the ministry", "police", "the
        president" after "Russia ..." are Russia's; "the group" is the armed group last named."""
        if not actor.code or actor.country or not actor.sector:
            return actor
        stated = appositive_country(head)
        if stated:
            return replace(actor, code=stated + actor.sector, country=stated)
        implied = _implied_country(noun_phrase(head))
        if implied:
            return replace(actor, code=implied + actor.sector, country=implied)
        if (
            self.places is not None
            and self.sentence is not None
            and not actor.name  # people travel: "the minister ... met Cohen in Rome"
            and actor.sector not in ("IGO", "NGO")
            and head.lemma_.lower() not in BACK_REFERENCES
        ):
            here = self.places.sentence_place(self.sentence)
            if here is not None:  # "police said" in "Gunmen killed 26 people near Pahalgam"
                country = here[1][:3]
                return replace(
                    actor,
                    code=country + actor.sector,
                    country=country,
                    confidence=COMPLETED_CONFIDENCE,
                )
        # Earlier sentences first: within its own sentence, a role takes the country of the
        # place or the other party (rules.complete_countries), which knows the event.
        earlier = [
            (start, a)
            for start, (a, _) in self.mentions.items()
            if start < self.sentence_start and a.code
        ]
        if not earlier:
            return self._in_document(actor, head)
        lemma = head.lemma_.lower()
        if lemma in BACK_REFERENCES:
            wanted = BACK_REFERENCES[lemma]
            same = [(s, a) for s, a in earlier if a.sector == wanted or a.code.startswith(wanted)]
            if same:
                prior = max(same, key=lambda item: item[0])[1]
                return replace(
                    actor,
                    code=prior.code,
                    country=prior.country,
                    sector=prior.sector,
                    name=prior.name,
                    kb_id=prior.kb_id,
                    confidence=CONTEXT_CONFIDENCE,
                )
        if actor.sector in ("IGO", "NGO"):
            return actor
        counts: dict[str, list[int]] = {}
        for start, a in earlier:
            # Only countries the text states count; ones inferred from context would
            # reinforce themselves.
            if a.country and (a.confidence or 0) > CONTEXT_CONFIDENCE:
                c = counts.setdefault(a.country, [0, 0])
                c[0] += 1
                c[1] = max(c[1], start)
        if not counts:
            return self._in_document(actor, head)
        country = max(counts, key=lambda k: tuple(counts[k]))
        return replace(
            actor, code=country + actor.sector, country=country, confidence=CONTEXT_CONFIDENCE
        )

    def _in_document(self, actor: Actor, head: Token) -> Actor:
        """Failing earlier sentences, the one country the rest of the document names (the
        lead may name its police before the country: "Police fired ... . Kenya's ...")."""
        if actor.sector in ("IGO", "NGO") or head.lemma_.lower() in BACK_REFERENCES:
            return actor
        country = self.document_country(head)
        if country is None:
            # Last: the one country stated earlier in the same sentence ("The Trump
            # administration deported ... despite an order by a federal judge").
            here = {
                a.country
                for start, (a, _) in self.mentions.items()
                if self.sentence_start <= start < head.idx
                and a.country
                and (a.confidence or 0) > CONTEXT_CONFIDENCE
            }
            if len(here) != 1:
                return actor
            country = here.pop()
        return replace(
            actor, code=country + actor.sector, country=country, confidence=CONTEXT_CONFIDENCE
        )

    def document_country(self, head: Token) -> str | None:
        """The country the document names most outside the head's sentence, if it names one
        clearly (at least twice as often as any other)."""
        doc = head.doc
        if "eventwire_countries" not in doc.user_data:
            counts: dict[int, list[str]] = {}
            for sent in sentences(doc):
                named = [
                    n.code
                    for n in names_in_capitals(tokens_of(sent))
                    if n.kind in ("country", "demonym", "capital")
                ]
                # Towns and regions name their country too ("in Kharkiv", "Borno state").
                for ent in entities_of(sent):
                    if ent.label_ in ("GPE", "LOC") and not _find_names(list(ent)):
                        place = geo.lookup(ent.text.removeprefix("the ").strip())
                        if place is not None:
                            named.append(place.country)
                counts[sent.start_char] = named
            doc.user_data["eventwire_countries"] = counts
        tally: dict[str, int] = {}
        for start, codes in doc.user_data["eventwire_countries"].items():
            if start != self.sentence_start:
                for code in codes:
                    tally[code] = tally.get(code, 0) + 1
        if not tally:
            return None
        ranked = sorted(tally.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return ranked[0][0][:3] if len(ranked[0][0]) > 3 else ranked[0][0]

    def resolve_or_owner(self, head: Token, depth: int = 0) -> list[Actor]:
        """The actors of a phrase, or of what it is about when it names none: "signs of North
        Korea's involvement" -> North Korea, "the release of the hostages" -> the hostages.
        Asked again for the same phrase in a sentence, the answer is remembered (copies)."""
        if head.pos_ == "PRON":  # what a pronoun means grows with the sentence: not kept
            return self._resolve_or_owner(head, depth)
        key = (head.i, depth)
        memo = self.owned.get(key)
        if memo is None:
            memo = self.owned[key] = self._resolve_or_owner(head, depth)
        return [a.copy() for a in memo]

    def _resolve_or_owner(self, head: Token, depth: int) -> list[Actor]:
        actors = self.resolve_many(head)
        if has_code(actors) or depth >= OWNER_DEPTH or head.pos_ == "PRON":
            return actors
        if head.lemma_.lower() in BORDER_WORDS:
            # "near its border with Guyana": the party across the border
            for obj in pobjs(head, {"with"}):
                found = [a for a in self.resolve_many(obj) if a.code]
                if found:
                    return found
        for child in kids(head):
            if child.dep_ == "poss" and child.pos_ != "PRON":  # "their exercises" is no party
                found = self.resolve_many(child)
                if has_code(found):
                    return found
        for child in kids(head):
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in kids(child):
                    if obj.dep_ == "pobj":
                        found = self.resolve_or_owner(obj, depth + 1)
                        if has_code(found):
                            return found
        # "Taliban hideouts", "Russian positions", "opposition rallies": the owner named or
        # described inside the phrase.
        tokens = noun_phrase(head)
        names = [n for n in _find_names(tokens) if n.kind != "capital" or n.sector]
        if head.pos_ == "PROPN":
            return actors
        if names:
            return [_combine(tokens, names, None, None)]
        countries = place_countries(head)  # "the Zaporizhzhia plant", "Kharkiv region"
        if countries:
            town = phrase_actor(tokens, countries[0], countries[0], None, None)
            self.towns.add(town.start)
            return [town]
        modifier_sector = (
            _sector([t for t in tokens if t is not head], head) if len(tokens) > 1 else None
        )
        if modifier_sector and not _is_role(head):
            return [phrase_actor(tokens, modifier_sector, None, modifier_sector, None)]
        # "a cessation of hostilities in Sudan", "the transfer of power in Senegal": the
        # country where what is asked for or praised happens
        for obj in pobjs(head, {"in"}, via=("prep",)):
            if obj.ent_type_ == "GPE":
                found = [a for a in self.resolve_many(obj) if a.code]
                if found and all(a.code == a.country for a in found):
                    return found
        return actors

    def _pronoun(self, head: Token) -> Actor | None:
        """The first actor a personal pronoun refers to (see :meth:`_pronoun_all`)."""
        found = self._pronoun_all(head)
        return found[0] if found else None

    def _pronoun_all(self, head: Token) -> list[Actor]:
        """What a personal pronoun refers to: the last person (he, she) or the last country,
        organisation or group (it, they) before it; "they" after "Mali, Burkina Faso and Niger
        said" is all three. An object pronoun is never its own clause's subject ("he thanked
        her", "police dispersed them")."""
        word = head.lower_
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return []
        wants_person = word in PERSON_PRONOUNS
        excluded = self._clause_subjects(head) if word in OBJECT_PRONOUNS else []

        def moved(actors: list[Actor]) -> list[Actor]:
            return [
                replace(a, text=head.text, start=head.idx, end=head.idx + len(head.text))
                for a in actors
            ]

        def allowed(a: Actor) -> bool:
            return not any(a.code == x.code and a.name == x.name for x in excluded)

        if not wants_person:
            if word in OBJECT_PRONOUNS:  # "rescue them": the last group named, subject or not
                groups = [
                    (start, a)
                    for start, (a, is_person) in self.mentions.items()
                    if start < head.idx
                    and start in self.plural
                    and not is_person
                    and head.idx - start <= PRONOUN_REACH
                    and allowed(a)
                ]
                if groups:
                    return moved([max(groups, key=lambda item: item[0])[1]])
            earlier = [(start, a) for start, a in self.subjects.items() if start < head.idx]
            if earlier:
                start, antecedents = max(earlier, key=lambda item: item[0])
                if not antecedents or head.idx - start > PRONOUN_REACH:
                    return []
                if word in SINGULAR_PRONOUNS:
                    antecedents = antecedents[:1]
                return moved([a for a in antecedents if allowed(a)])
        wanted_gender = "f" if word in FEMALE_PRONOUNS else "m" if word in MALE_PRONOUNS else None
        before = [
            (start, a)
            for start, (a, is_person) in self.mentions.items()
            if start < head.idx
            and is_person == wants_person
            and head.idx - start <= PRONOUN_REACH
            and allowed(a)
            and gender_of(a) in (None, wanted_gender)  # "he" is not Giorgia Meloni
        ]
        if not before:
            return []
        return moved([max(before, key=lambda item: item[0])[1]])

    def _clause_subjects(self, head: Token) -> list[Actor]:
        """The actors of the subject of the clause an object pronoun belongs to."""
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        for _ in range(3):
            subjects = [c for c in kids(verb) if c.dep_ in NOMINAL_SUBJECT_DEPS]
            if subjects:
                out: list[Actor] = []
                for subj in subjects:
                    if subj.i < head.i:
                        out += self.resolve_many(subj)
                return out
            if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb:
                verb = verb.head  # "used water cannon to disperse them": the user's subject
            else:
                break
        return []

    def _kb_name(self, tokens: list[Token], head: Token) -> str | None:
        """A capitalised name the tagger missed ("Trump threatens ..."), if the knowledge base
        knows it."""
        if not head.text[:1].isupper() or head.ent_type_ in ("GPE", "NORP", "LOC"):
            return None
        if _is_acronym(head.text):
            return None  # "UN" is no surname
        name = " ".join(t.text for t in tokens if t.text[:1].isupper() and t.dep_ != "det")
        if name and people().lookup(name, self.date):
            return name
        return None

    def _known_person(self, person: str) -> Actor | None:
        """A person seen earlier in the document, or in the knowledge base."""
        known = self.people.get(person) or self.people.get(person.split()[-1])
        if known:
            return known
        office = people().lookup(person, self.date)
        if office is None:
            return None
        country = office.code[:3] if not office.code.startswith("IGO") else None
        sector = office.code[3:] or None if country else "IGO"
        return Actor(
            text=person,
            code=office.code,
            country=country,
            sector=sector,
            name=office.name,
            start=0,
            end=0,
        )

    def _resolve(self, head: Token) -> list[Actor]:
        if _dateline(head):
            return []
        head = _counted(head)
        if head.ent_type_ in NON_ACTOR_ENTITIES:
            return []  # "on 23 May", "$3 billion": never an actor, whatever the name base says
        tokens = _with_of_name(head, noun_phrase(head))
        named = _names_with_tokens(tokens)
        names = [n for n, _ in named]
        sector = _sector(tokens, head)
        role = _appositive_role(head)
        if sector is None and role is not None:
            sector = role  # "Nadiya Kovalenko, a pensioner"; "Musa Bello, a farmer"
        if not names and head.lemma_.lower() in BACK_REFERENCES:
            prior = self._back_reference(head)
            if prior is not None:  # "the group", "the bloc", "the charity"
                return [prior]
        if not names and head.lemma_.lower() in STATE_NOUNS:
            states = self._states_referred(head)
            if states:  # "the country", "the two countries", "both sides"
                return states
        person = _person(tokens) or (None if named else self._kb_name(tokens, head))
        if person and gazette().lookup(person.split()):
            person = None  # the tagger took "Kyiv" or "Hamas" for a person
        head_named = any(head in covered for _, covered in named)
        if head.lemma_.lower() in non_agents() and not names:
            return []
        if (
            not names
            and sector is None
            and not person
            and (head.ent_type_ in PLACE_ENTITIES or head.pos_ == "PROPN")
        ):
            # A town stands for its country: "shelled Kharkiv" is against Ukraine.
            countries = place_countries(head)
            if countries:
                town = phrase_actor(tokens, countries[0], countries[0], None, None)
                self.towns.add(town.start)
                return [town]
        if names and head.lemma_.lower() in attacker_nouns() and not head_named:
            return [_combine(tokens, names, sector, None)]  # "Hamas gunmen" are Hamas's
        if not (
            head_named
            or person
            or head.ent_type_ in ACTOR_ENTITIES
            or _is_role(head)
            # "army chief", "the UN chief", "the Syrian air force": a role named by a title or
            # by a term of several words
            or (
                (sector is not None or bool(names))
                and (head.lemma_.lower() in titles() or _role_term_ends_at(tokens, head))
            )
        ):
            return []  # "the deployment allegations", "its involvement": no actor
        extra = _conjoined_places(tokens, head)
        if not any(n.kind != "org" for n in names):
            owner = _of_phrase(head)
            extra += [n for t in owner for n in _find_names([t]) if n.kind != "org"] or []
            names += [n for n in _find_names(owner) if n.kind != "org"]
        known = self._known_person(person) if person else None
        if person and known is None:
            # The tagger may cover only part of a name ("Imran [Khan]"): the proper nouns
            run = [
                t
                for t in tokens
                if t.pos_ == "PROPN" and t.lower_ not in titles() and not _find_names([t])
            ]
            for k in range(len(run) - 1):  # "Junta Min Aung Hlaing" -> "Min Aung Hlaing"
                fuller = " ".join(t.text for t in run[k:])
                if fuller != person and people().lookup(fuller, self.date):
                    person, known = fuller, self._known_person(fuller)
                    break
        if person and not known and not names and sector is None:
            # The tagger took a town for a person ("shelled Kharkiv", "the town of Avdiivka").
            countries = place_countries(head)
            if countries:
                town = phrase_actor(tokens, countries[0], countries[0], None, None)
                self.towns.add(town.start)
                return [town]
        if not names and sector is None:
            if known:
                return [phrase_actor(tokens, known.code, known.country, known.sector, known.name)]
            if person:
                return [phrase_actor(tokens, None, None, None, person)]
            if head.lemma_.lower() in person_nouns():
                # "members of a committee", "a mob": people, of no known country or sector yet
                return [phrase_actor(tokens, None, None, None, None)]
            return []
        places = _distinct_places(names + extra)
        if len(places) > 1 and not head_named and not person:
            return [_combine(tokens, [p], sector, None) for p in places]
        if not names and sector and not person:
            # "its troops", "their police": the country the possessive pronoun refers to
            owner = next((c for c in kids(head) if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            antecedent = self._pronoun(owner) if owner is not None else None
            if antecedent is not None and antecedent.country:
                return [
                    phrase_actor(
                        tokens, antecedent.country + sector, antecedent.country, sector, None
                    )
                ]
        actor = _combine(tokens, names, sector, person)
        if known and (known.country or known.code) and (not actor.country or not actor.sector):
            # "President Zelensky" after "Ukrainian President Zelensky": the fuller code holds.
            actor = phrase_actor(tokens, known.code, known.country, known.sector, known.name)
        if person and actor.code:
            self.people[person] = actor
            parts = person.replace(" - ", "-").split()
            self.people[parts[-1]] = actor
            # "Kim" after "Kim Jong Un": family names come first in East Asian names
            self.people.setdefault(parts[0], actor)
        return [actor]


def place_countries(head: Token) -> list[str]:
    """Countries of the places a phrase names ("Tbilisi", "northern Syria", "Kharkiv region"):
    the country names and capitals of the actor gazette first, then the GeoNames towns."""
    tokens = noun_phrase(head)
    found = [n.code for n in _find_names(tokens) if n.kind in ("country", "capital", "demonym")]
    if found:
        return found
    proper = [t for t in tokens if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if proper:
        place = geo.lookup(" ".join(t.text for t in proper))
        if place is None and len(proper) > 1 and proper[-1].lower_ not in DIRECTION_WORDS:
            place = geo.lookup(proper[-1].text)  # "Kharkiv Oblast" -> no; "Greater Kharkiv"
        if place is not None:
            return [place.country]
    return []


def _dateline(head: Token) -> bool:
    """'SEOUL –' or 'NAIROBI (Reuters) -' opening a paragraph names where the report was filed,
    not an actor."""
    if not head.text.isupper() or len(head.text) < 3:
        return False  # checked first: finding the sentence is the dear part
    sent = head.sent
    if head.i - sent.start > 3:
        return False
    following = [t for t in head.doc[head.i + 1 : min(head.i + 8, sent.end)] if not t.is_space]
    return any(t.text in ("-", "–", "—", "(") for t in following[:4])


def _counted(head: Token) -> Token:
    """'thousands of Serbian students' is about the students: the head of a counting phrase."""
    if head.lemma_.lower() in COUNT_WORDS or head.like_num:
        for child in kids(head):
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in kids(child) if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return head


def _conjoined_places(tokens: list[Token], head: Token) -> list[Name]:
    """Places conjoined to a modifier: "Polish and Ukrainian" in "Polish and Ukrainian
    ministers" (the parser hangs the second on the first)."""
    found: list[Name] = []
    for tok in tokens:
        if tok is head or tok.dep_ not in ("amod", "compound", "nmod"):
            continue
        for conj in conjuncts(tok):
            found += [n for n in _find_names(noun_phrase(conj)) if n.kind != "org"]
    return found


def _distinct_places(names: list[Name]) -> list[Name]:
    out: list[Name] = []
    for n in names:
        if n.kind != "org" and all(n.code != o.code for o in out):
            out.append(n)
    return out


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


# Nouns that refer back to states named before ("the country", "the two countries").
STATE_NOUNS = frozenset({"country", "nation", "state", "side", "rival", "neighbour", "neighbor"})
# "Iran-backed", "Moscow-aligned": ties that make the name a sponsor, not the actor.
TIED_WORDS = frozenset(
    {"backed", "aligned", "linked", "allied", "sponsored", "supported", "funded", "affiliated",
     "inspired", "friendly"}
)  # fmt: skip
# Words that refer back to an organisation named earlier, with the sector it must have.
BACK_REFERENCES = {
    "group": "REB",
    "militia": "REB",
    "movement": "REB",
    "bloc": "IGO",
    "alliance": "IGO",
    "union": "IGO",
    "organisation": "IGO",
    "organization": "IGO",
    "body": "IGO",
    "agency": "IGO",
    "charity": "NGO",
}
# Confidence of a role whose country (or identity) comes from earlier in the document.
CONTEXT_CONFIDENCE = 0.6
# How much less sure a pronoun is than the mention it refers back to.
PRONOUN_DISCOUNT = 0.8
# Confidence by the evidence an actor rests on.
CONFIDENCE = {
    "kb": 0.95,  # a person or organisation of the knowledge base
    "country_sector": 0.85,  # "Russian troops", "Kremlin spokesperson Dmitry Peskov"
    "country": 0.8,  # "Russia", "North Korean" (a state as such, or nationality only)
    "sector": 0.5,  # "police", "a spokesperson": whose is unknown
    "none": 0.2,  # "a man", "members of a committee": no code at all
}


def assess(actor: Actor) -> Actor:
    """Fill in an actor's knowledge-base id and confidence from how it was resolved."""
    if actor.kb_id is None and actor.code:
        org = _org_named(actor.text, actor.code) if actor.code in _org_codes() else None
        if actor.name and people().lookup(actor.name):
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


@lru_cache(maxsize=65536)
def _org_named(text: str, code: str | None) -> str | None:
    """The organisation of the knowledge base that an actor's text names with its code
    (remembered: the same phrases and codes recur from story to story)."""
    g = gazette()
    words = text.replace("’", "'").split()
    for n in range(min(MAX_NAME_TOKENS, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            name = g.lookup(words[i : i + n])
            if name is not None and name.kind == "org" and name.code == code:
                return name.canonical
    return None


def forget_phrases() -> None:
    """Empty what coding remembers across documents: the names a run of words spells, the
    organisation a phrase names, the places names mean (after the knowledge base changes, and
    in benchmarks, to time every document as met for the first time)."""
    _spelled_names.cache_clear()
    _org_named.cache_clear()
    geo.forget()


@cache
def _org_codes() -> frozenset[str]:
    return frozenset(n.code for n in gazette().names.values() if n.kind == "org") | frozenset(
        n.code for n in gazette().acronyms.values() if n.kind == "org"
    )


def names_in_capitals(tokens: list[Token]) -> list[Name]:
    """Names in a sentence, looked up only in runs of capitalised words, where names are."""
    found: list[Name] = []
    run: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and (
            tok.text[:1].isupper()
            or (run and tok.text in "-'.")
            or (run and run[-1].text == "-" and tok.is_alpha)  # "Port-au-Prince"
        ):
            run.append(tok)
            continue
        if run:
            found += _find_names(run)
            run = []
    return found


def _find_names(tokens: list[Token]) -> list[Name]:
    return [name for name, _ in _names_with_tokens(tokens)]


def _backer(covered: list[Token]) -> bool:
    """ "Iran-backed", "al Qaeda-linked", "pro-Russian": the name is whom the actor is tied to,
    not the actor's own country or organisation ("U.S.-led forces" are the U.S.'s)."""
    first, last = covered[0], covered[-1]
    doc = last.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and nxt.i + 1 < len(doc):
        return doc[nxt.i + 1].lower_ in TIED_WORDS
    if nxt is not None and "-" in last.text and nxt.lower_ in TIED_WORDS:
        return True
    if first.lower_.startswith("pro-"):
        return True
    if "-" in last.text[1:] and last.text.rsplit("-", 1)[1].lower() in TIED_WORDS:
        return True  # "Iran-backed" as one token
    # "pro - Russian": the word before, or the one before a hyphen (read in the text, which is
    # cheaper than making tokens)
    before = doc_text(doc)[max(0, first.idx - 8) : first.idx]
    return "pro" in before.lower() and _PRO_BEFORE.search(before) is not None


def _names_with_tokens(tokens: list[Token]) -> list[tuple[Name, list[Token]]]:
    """Names found in a phrase, longest first at each position, with the tokens they cover
    (looked up once per phrase per document)."""
    if not tokens:
        return []
    memo = tokens[0].doc.user_data.setdefault("eventwire_names", {})
    key = tuple([t.i for t in tokens])
    found = memo.get(key)
    if found is None:
        found = memo[key] = _lookup_names(tokens)
    return [(name, list(covered)) for name, covered in found]


def _named_part(word: str) -> str:
    """ "U.S.-led", "Iran-backed" written as one token: the name before the hyphen (whether
    it is the actor's own or a sponsor's, ``_backer`` decides)."""
    if "-" in word[1:]:
        name, tail = word.rsplit("-", 1)
        if tail.lower() in TIED_WORDS or tail.lower() == "led":
            return name
    return word


def _lookup_names(tokens: list[Token]) -> list[tuple[Name, list[Token]]]:
    found = []
    for name, i, n in _spelled_names(tuple([t.text for t in tokens])):
        covered = tokens[i : i + n]
        if not _backer(covered):
            found.append((name, covered))
    return found


@lru_cache(maxsize=65536)
def _spelled_names(texts: tuple[str, ...]) -> tuple[tuple[Name, int, int], ...]:
    """The names a run of words spells, longest first at each position, as (name, first
    position, length). A function of the words alone, so remembered across documents: the same
    runs ("Russian forces", "the Israeli military") come back in every story."""
    g = gazette()
    words = [_named_part(t) for t in texts]
    found: list[tuple[Name, int, int]] = []
    i = 0
    while i < len(words):
        word = words[i]
        lower = word.replace("’", "'").lower()
        if word not in g.starts and lower not in g.starts:
            i += 1
            continue
        longest = max(g.longest.get(word, 0), g.longest.get(lower, 0))
        for n in range(min(MAX_NAME_TOKENS, longest, len(words) - i), 0, -1):
            name = g.lookup(words[i : i + n])
            if name:
                found.append((name, i, n))
                i += n
                break
        else:
            i += 1
    return tuple(found)


def _sector(tokens: list[Token], head: Token) -> str | None:
    """The sector of the phrase: multiword role terms first, then the head, then modifiers."""
    g = gazette()
    lemmas, forms = [t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens]
    terms = _terms_in(lemmas, forms)
    if terms:
        return max(terms, key=lambda term: term[1])[2]  # the longest, the first of those
    of_term = _of_term(head)
    if of_term:  # "secretary of state", "minister of defence", "ministry of interior"
        return g.sectors[of_term]
    head_lemma = head.lemma_.lower()
    head_sector = g.sectors.get((head_lemma,)) or g.sectors.get((head.lower_,))
    if head_sector and head_lemma not in GENERIC_ROLES:
        return head_sector
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k] is head:
            continue
        sector = g.sectors.get((lemmas[k],)) or g.sectors.get((forms[k],))
        if sector:
            return sector
    return head_sector


def _of_term(head: Token) -> tuple[str, ...] | None:
    """A role term spelled with "of" after the head ("secretary of state")."""
    g = gazette()
    for prep in kids(head):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in kids(prep):
                if obj.dep_ == "pobj":
                    for words in (
                        (head.lemma_.lower(), "of", obj.lemma_.lower()),
                        (head.lower_, "of", obj.lower_),
                    ):
                        if words in g.sectors:
                            return words
    return None


def _role_terms(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """The role terms of several words in a phrase ("air force", "chief of general staff"), as
    (first position, length, sector): by lemma, then by word form, longest first."""
    return _terms_in([t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens])


def _terms_in(lemmas: list[str], forms: list[str]) -> list[tuple[int, int, str]]:
    """:func:`_role_terms` of a phrase given as its lemmas and its lower-case word forms."""
    g = gazette()
    found: list[tuple[int, int, str]] = []
    for seq in (lemmas, forms):
        opening = [i for i, word in enumerate(seq) if word in g.sector_starts]
        if not opening:
            continue  # most phrases: no word starts a role term of several words
        for n in range(min(4, len(seq)), 1, -1):
            for i in opening:
                if i > len(seq) - n:
                    break
                sector = g.sectors.get(tuple(seq[i : i + n]))
                if sector:
                    found.append((i, n, sector))
    return found


def _role_term_ends_at(tokens: list[Token], head: Token) -> bool:
    """A role term of several words ends at the head ("air force", "border guard")."""
    at = next((k for k, t in enumerate(tokens) if t.i == head.i), None)
    return at is not None and any(i + n - 1 == at for i, n, _ in _role_terms(tokens))


def _is_role(head: Token) -> bool:
    g = gazette()
    lemma = head.lemma_.lower()
    return (
        (lemma,) in g.sectors
        or (head.lower_,) in g.sectors
        or lemma in person_nouns()
        or _of_term(head) is not None
    )


@cache
def person_nouns() -> frozenset[str]:
    return word_list("person_nouns.txt")


@cache
def titles() -> frozenset[str]:
    return word_list("titles.txt")


@cache
def attacker_nouns() -> frozenset[str]:
    return word_list("attacker_nouns.txt")


@cache
def non_agents() -> frozenset[str]:
    return word_list("non_agents.txt")


# Head nouns that make an armed group's phrase its government ("the Taliban administration").
GOVERNING_BODIES = frozenset(
    {"government", "administration", "authority", "authorities", "regime", "ministry", "cabinet"}
)


def _head_of(tokens: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[-1]


@cache
def _given_names() -> dict[str, str]:
    """Given name (lower case) -> "f" or "m", from data/given_names.tsv."""
    out: dict[str, str] = {}
    for line in read_text("given_names.tsv").splitlines():
        if line and not line.startswith("#") and not line.startswith("name\t"):
            name, _, gender = line.partition("\t")
            out[name.strip().lower()] = gender.strip()
    return out


def gender_of(actor: Actor) -> str | None:
    """The usual gender of a person's given name ("f", "m"), or None when unknown."""
    name = actor.name or actor.text
    names = _given_names()
    for word in name.replace("-", " ").split():
        found = names.get(word.lower())
        if found:
            return found
    return None


def _implied_country(tokens: list[Token]) -> str | None:
    """The state whose institution the phrase names ("the Pentagon", "the IRGC")."""
    implied = gazette().implied
    words = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    for seq in (words, lemmas):
        for n in range(min(4, len(seq)), 0, -1):
            for i in range(len(seq) - n + 1):
                found = implied.get(tuple(seq[i : i + n]))
                if found:
                    return found
    return None


def _with_of_name(head: Token, tokens: list[Token]) -> list[Token]:
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
                if any(t.i > head.i for _, covered in _names_with_tokens(longer) for t in covered):
                    return longer
    return tokens


def _appositive(head: Token) -> Token | None:
    """The role noun set beside a name: "Aisha Idris, a doctor"."""
    if head.pos_ != "PROPN":
        return None
    for child in kids(head):
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child
    return None


def _appositive_role(head: Token) -> str | None:
    """The sector of a role set beside a name: "Aisha Idris, a doctor" -> HLH."""
    role = _appositive(head)
    return _sector(noun_phrase(role), role) if role is not None else None


def appositive_country(head: Token) -> str | None:
    """The country a role beside a name states: "a Rafah resident", "a Ukrainian drone
    operator"."""
    role = _appositive(head)
    if role is None:
        return None
    tokens = noun_phrase(role)
    found = [n.code for n in _find_names(tokens) if n.kind in ("country", "demonym", "capital")]
    if found:
        return found[0]
    for tok in tokens:
        if tok.pos_ == "PROPN" and tok is not role:
            place = geo.lookup(tok.text)
            if place is not None:
                return place.country
    return None


def _person(tokens: list[Token]) -> str | None:
    people = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not people:
        return None
    return " ".join(t.text for t in people)


def _combine(tokens: list[Token], names: list[Name], sector: str | None, person: str | None):
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
            and _head_of(tokens).lemma_.lower() in GOVERNING_BODIES
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
        bare_capital = head_place.kind == "capital" and _is_bare_place(tokens)
        if bare_capital or head_place.kind == "seat":
            sector = "GOV"
    code = (country or "") + (sector or "") or None
    return phrase_actor(tokens, code, country, sector, person)


def _is_bare_place(tokens: list[Token]) -> bool:
    """The phrase is just the place's name (and an article)."""
    return all(t.pos_ == "PROPN" or t.dep_ in ("det", "punct") for t in tokens)
