"""What a document has said so far about its actors, for the phrases that refer back: people
by name ("Putin" after "Russian President Vladimir Putin"), every mention by offset (pronouns,
"the group", "the country"), clause subjects ("they"), compound subjects ("the two countries").
Queries take only what stands before the phrase asking."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.coding.actors.compose import CONTEXT_CONFIDENCE
from eventwire.coding.actors.roles import gender_of
from eventwire.coding.spans import kids
from eventwire.model import Actor

# How far back (in characters) a pronoun looks for its antecedent: about two paragraphs.
PRONOUN_REACH = 1200

OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

MALE_PRONOUNS = frozenset({"he", "him", "his"})

FEMALE_PRONOUNS = frozenset({"she", "her", "hers"})

SINGULAR_PRONOUNS = frozenset({"it", "its"})

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
SUBJECT_PRONOUNS = frozenset({"he", "she"})

GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})

# Nouns that refer back to states named before ("the country", "the two countries").
STATE_NOUNS = frozenset({"country", "nation", "state", "side", "rival", "neighbour", "neighbor"})

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


@dataclass
class DocumentMemory:
    """The actors one document has mentioned, by offset. Written only while the document is
    read in order (``ActorResolver.read``); once ``sealed``, only read, so that no answer
    depends on which phrase was asked about first."""

    # People by name and by surname (and first name), with where each was introduced.
    people: dict[str, tuple[int, Actor]] = field(default_factory=dict)
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
    # Offsets of people who were a clause's subject, for "he" and "she".
    person_subjects: set[int] = field(default_factory=set)
    # Set when the document has been read: what is asked later writes nothing.
    sealed: bool = False

    def person(self, name: str, before: int) -> Actor | None:
        """The person introduced before offset ``before`` under this name or its surname."""
        for key in (name, name.split()[-1]):
            found = self.people.get(key)
            if found is not None and found[0] < before:
                return found[1]
        return None

    def add_person(self, name: str, actor: Actor) -> None:
        """Remember a person by name, surname and first name ("Kim" after "Kim Jong Un":
        family names come first in East Asian names)."""
        if self.sealed:
            return
        parts = name.replace(" - ", "-").split()
        self.people[name] = (actor.start, actor)
        self.people[parts[-1]] = (actor.start, actor)
        self.people.setdefault(parts[0], (actor.start, actor))

    def add_mention(self, actor: Actor, is_person: bool, plural: bool) -> None:
        """Remember an actor mentioned at its offset (the first phrase there wins)."""
        if self.sealed:
            return
        self.mentions.setdefault(actor.start, (actor, is_person))
        if plural:
            self.plural.add(actor.start)

    def earlier_role(self, actor: Actor, head: Token, before: int) -> Actor | None:
        """A role without a country (``actor``, its phrase headed by ``head``) completed from
        the mentions before offset ``before`` (the sentence's start): "the group" is the armed
        group last named; a role named again takes the country it was named with last; else
        the country earlier sentences state most (then last). None when nothing before says."""
        earlier = [
            (start, a) for start, (a, _) in self.mentions.items() if start < before and a.code
        ]
        if not earlier:
            return None
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
        words = {head.lower_, lemma}
        same_role = [
            (start, a)
            for start, a in earlier
            if a.sector == actor.sector
            and a.country
            and not a.name
            and (a.confidence or 0) > CONTEXT_CONFIDENCE
            and a.text.rsplit(None, 1)[-1].lower() in words
        ]
        if same_role:
            # "Israeli soldiers broke into the village ... Soldiers fired tear gas": a role
            # named again takes the country it was named with last, before the document's
            # most named country
            country = max(same_role, key=lambda item: item[0])[1].country
            return replace(
                actor, code=country + actor.sector, country=country, confidence=CONTEXT_CONFIDENCE
            )
        counts: dict[str, list[int]] = {}
        for start, a in earlier:
            # Only countries the text states count; ones inferred from context would
            # reinforce themselves.
            if a.country and (a.confidence or 0) > CONTEXT_CONFIDENCE:
                c = counts.setdefault(a.country, [0, 0])
                c[0] += 1
                c[1] = max(c[1], start)
        if not counts:
            return None
        country = max(counts, key=lambda k: tuple(counts[k]))
        return replace(
            actor, code=country + actor.sector, country=country, confidence=CONTEXT_CONFIDENCE
        )

    def states_referred(self, head: Token) -> list[Actor]:
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

    def back_reference(self, head: Token) -> Actor | None:
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

    def antecedents(
        self, head: Token, excluded: list[Actor], given_names: dict[str, str]
    ) -> list[Actor]:
        """What the personal pronoun ``head`` refers to among the mentions before it (see
        :meth:`ActorResolver._pronoun_all`); ``excluded``: the actors of its own clause's
        subject, which an object pronoun never is."""
        word = head.lower_
        wants_person = word in PERSON_PRONOUNS

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
            and gender_of(given_names, a) in (None, wanted_gender)  # "he" is not Giorgia Meloni
        ]
        if not before:
            return []
        if word in SUBJECT_PRONOUNS:
            # "Guaido said soldiers had joined his campaign to oust President Maduro. He added
            # ...": a subject pronoun continues the last person who was a clause's subject
            subjects = [(start, a) for start, a in before if start in self.person_subjects]
            before = subjects or before
        return moved([max(before, key=lambda item: item[0])[1]])
