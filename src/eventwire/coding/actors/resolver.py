"""Resolving the noun phrases of one document to actors, in reading order.

A code is a country (ISO alpha-3) followed by a sector (``RUSGOV``, ``PRKMIL``), an organisation's
code (``IGOWSTNAT``), a country alone (``RUS``) or a sector alone (``COP``). Evidence comes from
the phrase itself: country names, demonyms, capitals and seats of power ("the Kremlin"),
organisation names, and role words ("troops", "spokesperson", "police"). A person introduced
with a title ("Russian President Vladimir Putin") is remembered for the rest of the document, so
that a later "Putin" resolves the same way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from eventwire.coding.actors.compose import (
    CONTEXT_CONFIDENCE,
    assess,
    combine,
    conjoined_places,
    distinct_places,
    document_country,
    kb_name,
    may_be_town,
    may_name_a_person,
    phrase_actor,
    place_countries,
    whole_places,
    with_of_name,
)
from eventwire.coding.actors.memory import (
    BACK_REFERENCES,
    FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS,
    OBJECT_PRONOUNS,
    PERSON_PRONOUNS,
    STATE_NOUNS,
    DocumentMemory,
    pronoun_gender,
    speaker_of,
)
from eventwire.coding.actors.owners import owner_of
from eventwire.coding.actors.phrases import (
    ACTOR_ENTITIES,
    NON_ACTOR_ENTITIES,
    PLACE_ENTITIES,
    counted,
    is_note,
    noun_phrase,
    of_phrase,
    of_the_world,
    party_note_after,
    person_name,
    relative_antecedent,
    reporting_person,
    within_a_name,
)
from eventwire.coding.actors.roles import (
    appositive_country,
    appositive_role,
    employer_heads,
    gender_of,
    implied_country,
    is_role,
    role_term_ends_at,
    sector_of,
    title_shared_by,
)
from eventwire.coding.knowledge import Knowledge
from eventwire.coding.names import find_names, names_with_tokens
from eventwire.coding.rules import COMPLETED_CONFIDENCE
from eventwire.coding.spans import conjuncts, kids, sentences, tokens_of
from eventwire.coding.tree import NOMINAL_SUBJECT_DEPS, SUBJECT_DEPS, pobjs
from eventwire.errors import TimeLimitExceeded
from eventwire.model import Actor, has_code

# Words that head an actor mention, and dependents that are part of a larger phrase, not heads.
PHRASE_POS = frozenset({"NOUN", "PROPN", "PRON"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
INSIDE_DEPS = frozenset({"compound", "amod", "flat"})
# Sectors of bodies that are no state's: a role of one is theirs, not a government's.
PRIVATE_SECTORS = frozenset({"NGO", "BUS", "EDU", "MED", "JRN", "REL", "HLH", "LAB"})
# How much less sure a pronoun is than the mention it refers back to.
PRONOUN_DISCOUNT = 0.8


def _unknown_for(head: Token) -> bool:
    """An organisation a role works for ("a spokeswoman for Tinder", "a Google spokesman"),
    not one it is of."""
    return (head.ent_type_ == "ORG" or head.dep_ == "compound") and head.head.lower_ != "of"


@dataclass
class ActorResolver:
    """Resolves the noun phrases of one document, in text order, with the knowledge ``kn``.

    In-document evidence comes first (names, demonyms and titles in the phrase, people already
    introduced), the knowledge base of people second; ``date`` (the document's, ISO) picks the
    office a person held at the time.
    """

    kn: Knowledge
    date: str | None = None
    memory: DocumentMemory = field(default_factory=lambda: DocumentMemory())
    # Where the sentence being read begins (set by the reader, sentence by sentence).
    sentence_start: int = 0
    # Phrases resolved so far, by head token: the reading's answers, and any asked later.
    resolved: dict[int, list[Actor]] = field(default_factory=dict)
    # resolve_or_owner's answers in the current sentence, by (token, depth)
    owned: dict[tuple[int, int], list[Actor]] = field(default_factory=dict)
    # The sentence being read and the document's places (coding.places.DocPlaces), when the
    # reader has them: a role takes the country where its sentence's event happens.
    sentence: Span | None = None
    places: Any = None
    # Who speaks in the sentence being coded: (start, end) of what each says, and the speaker's
    # actors. "I" and "we" in what someone says are that speaker (set by the event coder).
    speakers: list[tuple[int, int, list[Actor]]] = field(default_factory=list)

    def start_sentence(self, sent: Span) -> None:
        """Begin reading a sentence."""
        self.sentence, self.sentence_start = sent, sent.start_char
        self.owned = {}

    def read(
        self, doc: Doc, deadline: float | None = None, pronouns: bool = True
    ) -> dict[int, list[Actor]]:
        """Read the document in order, resolving every actor mention once: each sentence's
        clause subjects first (for the pronouns that follow), then every noun phrase head as it
        comes. Builds the memory of people, mentions and subjects, then seals it; returns the
        actors of each phrase head (empty: no actor). Event coding, attribution and places
        read from what this gives. Past ``deadline`` (``time.monotonic``), raises
        ``TimeLimitExceeded``. Pronouns remember nothing (what one means is worked out when it
        is asked about): ``pronouns=False`` leaves them out of the answers, and the memory is
        the same."""
        heads = PHRASE_POS if pronouns else NOUN_POS
        found: dict[int, list[Actor]] = {}
        for sent in sentences(doc):
            if deadline is not None and time.monotonic() > deadline:
                raise TimeLimitExceeded("reading the document's actors")
            self.start_sentence(sent)
            tokens = tokens_of(sent)
            for tok in tokens:
                if tok.dep_ in SUBJECT_DEPS and tok.pos_ != "PRON":
                    self.note_subject(tok)
                    if not has_code(self.resolve_many(tok)):  # "Trump's remarks ... his aide"
                        for owner in (c for c in kids(tok) if c.dep_ == "poss"):
                            self.resolve_many(owner)
            for tok in tokens:
                if tok.pos_ in heads and tok.dep_ not in INSIDE_DEPS:
                    found[tok.i] = self.resolve_many(tok)
        self.memory.sealed = True
        return found

    def note_subject(self, head: Token) -> None:
        """Record a clause subject, in text order, for the pronouns that follow."""
        if self.memory.sealed:
            return
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
                self.memory.add_compound(
                    head.idx,
                    [
                        replace(a, code=a.country, sector=None, name=None, kb_id=None)
                        for a in states
                    ],
                )
        is_person = (
            bool(found and found[0].name)
            or head.ent_type_ == "PERSON"
            or (head.lemma_.lower() in self.kn.words.titles)
        )
        if is_person and found and found[0].code:
            self.memory.person_subjects.add(found[0].start)
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
            self.memory.add_subject(
                head.idx, [a for a in found if a.code] if found and found[0].code else []
            )

    def resolve(self, head: Token) -> Actor | None:
        """The actor a noun phrase headed by ``head`` refers to, or None if it is no actor."""
        found = self.resolve_many(head)
        return found[0] if found else None

    def resolve_many(self, head: Token) -> list[Actor]:
        """The actors of a noun phrase: one, or several for "Polish and Ukrainian ministers"."""
        antecedent = relative_antecedent(head)
        if antecedent is not None:  # "Sanders, who criticized Clinton": Sanders
            return self.resolve_many(antecedent)
        if head.pos_ == "PRON":
            return [
                replace(
                    a,
                    confidence=round((assess(self.kn, a).confidence or 0.0) * PRONOUN_DISCOUNT, 2),
                )
                for a in self._pronoun_all(head)
            ]
        memo = self.resolved.get(head.i)
        if memo is not None:  # the same phrase asked again (subject, party, source): copies
            return [a.copy() for a in memo]
        actors = [self._in_context(assess(self.kn, a), head) for a in self._resolve(head)]
        self.resolved[head.i] = [a.copy() for a in actors]
        for actor in actors:
            if actor.name and actor.country:  # "Peter Westmacott, the British ambassador"
                self.memory.complete_person(actor)
            if actor.code:
                is_person = (
                    bool(actor.name)
                    or (  # "German Chancellor Olaf Scholz", coded by title, tagged ORG
                        head.pos_ == "PROPN"
                        and any(
                            c.dep_ == "compound" and c.lemma_.lower() in self.kn.words.titles
                            for c in kids(head)
                        )
                    )
                    or (head.lemma_.lower() in self.kn.words.titles and head.tag_ in ("NN", "NNP"))
                )
                self.memory.add_mention(actor, is_person, head.tag_ in ("NNS", "NNPS"))
        return actors

    def _in_context(self, actor: Actor, head: Token) -> Actor:
        """A role without a country takes the document's: "the ministry", "police", "the
        president" after "Russia ..." are Russia's; "the group" is the armed group last named."""
        if not actor.code or actor.country or not actor.sector or len(actor.code) > 3:
            return actor  # a group of no one country keeps its code: "Islamic State" is no France's
        if of_the_world(head, self.kn.words.vocabulary.world_words):
            return self.memory.worldwide_role(actor)  # "world leaders": of no one country
        stated = appositive_country(self.kn, head)
        if stated:
            return replace(actor, code=stated + actor.sector, country=stated)
        implied = implied_country(self.kn, noun_phrase(head))
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
        earlier = self.memory.earlier_role(actor, head, self.sentence_start)
        return earlier if earlier is not None else self._in_document(actor, head)

    def _in_document(self, actor: Actor, head: Token) -> Actor:
        """Failing earlier sentences, the one country the rest of the document names (the
        lead may name its police before the country: "Police fired ... . Kenya's ...")."""
        if actor.sector in ("IGO", "NGO") or head.lemma_.lower() in BACK_REFERENCES:
            return actor
        country = document_country(self.kn, head, self.sentence_start)
        if country is None:
            # Last: the one country stated earlier in the same sentence ("The Trump
            # administration deported ... despite an order by a federal judge").
            here = {
                a.country
                for _, a, _ in self.memory.mentions_before(
                    head.idx, reach=head.idx - self.sentence_start
                )
                if a.country and (a.confidence or 0) > CONTEXT_CONFIDENCE
            }
            if len(here) != 1:
                return actor
            country = here.pop()
        return replace(
            actor, code=country + actor.sector, country=country, confidence=CONTEXT_CONFIDENCE
        )

    def resolve_or_owner(self, head: Token, depth: int = 0, pronouns: bool = False) -> list[Actor]:
        """The actors of a phrase, or of what it is about when it names none (see
        :func:`eventwire.coding.actors.owners.owner_of`). Asked again for the same phrase in a
        sentence, the answer is remembered (copies)."""
        if head.pos_ == "PRON":  # what a pronoun means grows with the sentence: not kept
            return owner_of(self, head, depth, pronouns)
        key = (head.i, depth, pronouns)
        memo = self.owned.get(key)
        if memo is None:
            memo = self.owned[key] = owner_of(self, head, depth, pronouns)
        return [a.copy() for a in memo]

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
        if word in FIRST_PERSON_PRONOUNS:
            return speaker_of(self.speakers, head)
        if word not in PERSON_PRONOUNS and word not in GROUP_PRONOUNS:
            return []
        speaker = reporting_person(head) if word in PERSON_PRONOUNS else None
        if speaker is not None:  # "Devine said he had no conversations": Devine, known or not
            found = self.resolve_many(speaker)[:1]
            if not found:
                return []
            if (found[0].name or not found[0].code) and gender_of(
                self.kn.words.given_names, found[0]
            ) in (None, pronoun_gender(word)):
                return [a.referring(head.text, head.idx) for a in found]
        excluded = self._clause_subjects(head) if word in OBJECT_PRONOUNS else []
        return self.memory.antecedents(head, excluded, self.kn.words.given_names)

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

    def _employer(self, head: Token) -> Actor | None:
        """The person or organisation a role serves (see ``roles.employer_heads``), resolved
        without remembering it as a mention: the reading remembers mentions in text order. An
        organisation the knowledge does not know gives an actor with no code."""
        heads = employer_heads(self.kn, head)
        if not heads:
            return None
        sealed, self.memory.sealed = self.memory.sealed, True
        try:
            found = [
                a
                for h in heads
                if h.i not in self.resolved
                for a in (self._in_context(assess(self.kn, x), h) for x in self._resolve(h))
            ] + [a for h in heads for a in self.resolved.get(h.i, [])]
        finally:
            self.memory.sealed = sealed
        served = next((a for a in found if a.country and a.code != a.country), None) or next(
            (a for a in found if a.code and a.sector in PRIVATE_SECTORS), None
        )  # "Felicia Wong, president of the Roosevelt Institute, a progressive think tank"
        if served is None and not has_code(found) and any(_unknown_for(h) for h in heads):
            # "a spokeswoman for Tinder": a company the knowledge does not know; no government
            return Actor(text="", code=None, country=None, sector=None, name=None, start=0, end=0)
        return served

    def _body_of_member(self, head: Token) -> Actor | None:
        """The body whose members, officials or leaders a phrase names by an of-phrase or a
        possessive, when it is coded with a sector: "members of the conservative press" are
        the press, "her campaign's leadership" the campaign."""
        if head.lemma_.lower() not in self.kn.words.vocabulary.member_words:
            return None
        owners = [c for c in kids(head) if c.dep_ == "poss" and c.pos_ != "PRON"]
        for body in [*pobjs(head, frozenset({"of"})), *owners]:
            found = self.resolve(body)
            if found is not None and found.code and found.sector:
                return found
        return None

    def _known_person(self, person: str, before: int) -> Actor | None:
        """A person introduced before offset ``before`` in the document, or in the knowledge
        base."""
        known = self.memory.person(person, before)  # a full name the base knows is the base's
        if known and (" " not in person or known.name == person):  # ("Donald Trump" after a
            return known  # headline's "Senator Endorsed Trump"), unless introduced so
        office = self.kn.people.lookup(person, self.date)
        if office is None:
            return known
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
        if is_note(head):
            return []  # "NAIROBI, March 3 (Reuters) -", "(R-Fla.)": notes on the text, no actors
        head = counted(head)
        if head.ent_type_ in NON_ACTOR_ENTITIES:
            return []  # "on 23 May", "$3 billion": never an actor, whatever the name base says
        tokens = with_of_name(self.kn, head, noun_phrase(head))
        in_names = whole_places(self.kn, names_with_tokens(self.kn.names, tokens))
        if may_name_a_person(head, tokens, in_names):
            introduced = self.memory.person(head.text, head.idx)
            if introduced is not None:  # "Cuban" after "Mark Cuban" is he, not Cuba
                found = phrase_actor(
                    tokens, introduced.code, introduced.country, introduced.sector, introduced.name
                )
                found.kb_id, found.antecedent = introduced.kb_id, introduced.as_antecedent()
                return [found]
        named = within_a_name(in_names, tokens, self.kn.words.given_names)
        names = [n for n, _ in named]
        sector = sector_of(self.kn, tokens, head)
        role = appositive_role(self.kn, head)
        if sector is None and role is not None:
            sector = role  # "Nadiya Kovalenko, a pensioner"; "Musa Bello, a farmer"
        if sector is None and party_note_after(head):
            sector = "LEG"  # "Trey Gowdy (R-S.C.)": a member of Congress
        if not names and head.lemma_.lower() in BACK_REFERENCES:
            prior = self.memory.back_reference(head)
            if prior is not None:  # "the group", "the bloc", "the charity"
                return [prior]
        if not names and head.lemma_.lower() in STATE_NOUNS:
            states = self.memory.states_referred(head)
            if states:  # "the country", "the two countries", "both sides"
                return states
        person = person_name(tokens) or (
            None if named else kb_name(self.kn, tokens, head, self.date)
        )
        if person and self.kn.names.lookup(person.split()):
            person = None  # the tagger took "Kyiv" or "Hamas" for a person
        followers = self.kn.words.vocabulary.follower_words
        if person and head.pos_ == "NOUN" and head.lemma_.lower() in followers:
            person = None  # "Sanders supporters" are people who back him, not the senator
        owned = {t.i for c in kids(head) if c.dep_ == "poss" for t in c.subtree}
        if person and owned and all(t.i in owned for t in tokens if t.pos_ == "PROPN"):
            person = None  # "Obama's intervention in Libya" is no person: its owner is one
        head_named = any(head in covered for _, covered in named)
        if head.lemma_.lower() in self.kn.words.non_agents and not names:
            return []
        if (
            not names
            and sector is None
            and not person
            and (head.ent_type_ in PLACE_ENTITIES or head.pos_ == "PROPN")
        ):
            # A town stands for its country: "shelled Kharkiv" is against Ukraine. A small
            # town acts as no subject: "Palin endorsed Trump" is no town in Guatemala.
            countries = place_countries(self.kn, head)
            if countries and (head.dep_ != "nsubj" or may_be_town(self.kn, head.text, head)):
                town = phrase_actor(tokens, countries[0], countries[0], None, None)
                self.memory.towns.add((town.start, town.end))
                return [town]
        if names and head.lemma_.lower() in self.kn.words.attacker_nouns and not head_named:
            return [combine(tokens, names, sector, None)]  # "Hamas gunmen" are Hamas's
        if not (
            head_named
            or person
            or head.ent_type_ in ACTOR_ENTITIES
            or is_role(self.kn, head)
            # "army chief", "the UN chief", "the Syrian air force": a role named by a title or
            # by a term of several words
            or (
                (sector is not None or bool(names))
                and (
                    head.lemma_.lower() in self.kn.words.titles
                    or role_term_ends_at(self.kn, tokens, head)
                )
            )
        ):
            return []  # "the deployment allegations", "its involvement": no actor
        extra = conjoined_places(self.kn, tokens, head)
        if not any(n.kind != "org" for n in names):  # "officials in New South Wales"
            owner = whole_places(self.kn, names_with_tokens(self.kn.names, of_phrase(head)))
            extra += [n for n, _ in owner if n.kind != "org"]
            names += [n for n, _ in owner if n.kind != "org"]
        known = self._known_person(person, head.idx) if person else None
        if person and known is None:
            # The tagger may cover only part of a name ("Imran [Khan]"): the proper nouns
            run = [
                t
                for t in tokens
                if t.pos_ == "PROPN"
                and t.lower_ not in self.kn.words.titles
                and not find_names(self.kn.names, [t])
            ]
            for k in range(len(run) - 1):  # "Junta Min Aung Hlaing" -> "Min Aung Hlaing"
                fuller = " ".join(t.text for t in run[k:])
                if fuller != person and self.kn.people.lookup(fuller, self.date):
                    person, known = fuller, self._known_person(fuller, head.idx)
                    break
        shared = title_shared_by(self.kn, head) if person and not known else None
        if shared is not None and sector is None:  # "Reps. Ros-Lehtinen and Carlos Curbelo"
            title = next(iter(self.resolve_many(shared)), None)
            if title is not None and title.sector:
                sector = title.sector
                known = Actor(person, title.code, title.country, title.sector, person, 0, 0)
        if (
            person
            and not known
            and not names
            and sector is None
            and may_be_town(self.kn, person, head)
        ):
            # The tagger took a town for a person ("shelled Kharkiv", "the town of Avdiivka").
            countries = place_countries(self.kn, head)
            if countries:
                town = phrase_actor(tokens, countries[0], countries[0], None, None)
                self.memory.towns.add((town.start, town.end))
                return [town]
        if not names and sector is None:
            if known:
                actor = phrase_actor(tokens, known.code, known.country, known.sector, known.name)
                if self.memory.person(person, head.idx) is None:
                    self.memory.add_person(person, actor)  # "Cuban" after "Mark Cuban"
                return [actor]
            if person:
                actor = phrase_actor(tokens, None, None, None, person)
                known_surname = self.kn.people.lookup(person.split()[-1]) is not None
                self.memory.add_unknown_person(person, actor, known_surname)
                return [actor]
            body = self._body_of_member(head)
            if body is not None:  # "members of the ruling party": the party's
                return [phrase_actor(tokens, body.code, body.country, body.sector, None)]
            if head.lemma_.lower() in self.kn.words.person_nouns:
                # "members of a committee", "a mob": people, of no known country or sector yet
                return [phrase_actor(tokens, None, None, None, None)]
            return []
        places = distinct_places(names + extra)
        if len(places) > 1 and not head_named and not person:
            return [combine(tokens, [p], sector, None) for p in places]
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
        employer = self._employer(head)  # "Trump's spokeswoman", "a spokesman for Trump"
        if employer is not None and not (known and known.code):
            if employer.code is None:
                return [phrase_actor(tokens, None, None, None, person)]
            return [phrase_actor(tokens, employer.code, employer.country, employer.sector, person)]
        actor = combine(tokens, names, sector, person)
        if (
            known
            and known.country
            and known.sector == "ELI"
            and actor.sector not in (None, "ELI")
            and not actor.country
        ):
            # "President Mohamed Bazoum" after his term in the base: the title the text gives
            # holds over a former office, with the base's country
            code = known.country + actor.sector
            actor = phrase_actor(tokens, code, known.country, actor.sector, known.name)
        elif known and (known.country or known.code) and (not actor.country or not actor.sector):
            # "President Zelensky" after "Ukrainian President Zelensky": the fuller code holds.
            actor = phrase_actor(tokens, known.code, known.country, known.sector, known.name)
        if person and actor.code:
            self.memory.add_person(person, actor)
        return [actor]
