"""What a document has said so far about its actors, for the phrases that refer back: people
by name ("Putin" after "Russian President Vladimir Putin"), every mention by offset (pronouns,
"the group", "the country"), clause subjects ("they"), compound subjects ("the two countries").
Queries take only what stands before the phrase asking."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from spacy.tokens import Token

from eventwire.coding.actors.compose import CONTEXT_CONFIDENCE
from eventwire.coding.actors.roles import gender_of
from eventwire.coding.spans import kids
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.model import Actor

# How far back (in characters) a pronoun looks for its antecedent: about two paragraphs.
PRONOUN_REACH = 1200
# How many mentions back a back reference or a role's country is looked for: every mention of a
# news article, and a bound on the work per phrase in a very long document.
LOOKBACK = 1000

OBJECT_PRONOUNS = VOCABULARY.object_pronouns

MALE_PRONOUNS = VOCABULARY.male_pronouns

FEMALE_PRONOUNS = VOCABULARY.female_pronouns

SINGULAR_PRONOUNS = VOCABULARY.singular_pronouns

PERSON_PRONOUNS = VOCABULARY.person_pronouns

# Pronouns that are whoever speaks ("'We have asked for a meeting,' the minister said").
FIRST_PERSON_PRONOUNS = VOCABULARY.first_person_pronouns
SUBJECT_PRONOUNS = VOCABULARY.subject_pronouns

GROUP_PRONOUNS = VOCABULARY.group_pronouns

# Nouns that refer back to states named before ("the country", "the two countries").
STATE_NOUNS = VOCABULARY.state_nouns

# Words that refer back to an organisation named earlier, with the sector it must have.
BACK_REFERENCES = MappingProxyType(
    {word: sector.upper() for word, sector in VOCABULARY.back_references.items()}
)


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
    # Spans (start, end) of actors that are towns standing for their country ("shelled
    # Kharkiv"); a longer phrase that only begins with a town's name is no town ("Florida
    # primary winner Donald Trump").
    towns: set[tuple[int, int]] = field(default_factory=set)
    # Offsets of roles of no one country ("world leaders"): they take no country from the place
    # or the document of their event.
    worldwide: set[int] = field(default_factory=set)
    # Offsets of people who were a clause's subject, for "he" and "she".
    person_subjects: set[int] = field(default_factory=set)
    # Who launched the last missile an event of the document names, for a launch that names
    # no one ("The missile was launched at 6am").
    launchers: list[Actor] = field(default_factory=list)
    # Set when the document has been read: what is asked later writes nothing.
    sealed: bool = False
    # The offsets of mentions, subjects and compounds, in order, for bisection.
    _mention_starts: list[int] = field(default_factory=list)
    _subject_starts: list[int] = field(default_factory=list)
    _compound_starts: list[int] = field(default_factory=list)
    # What the mentions before each sentence say (see earlier_role), by the sentence's start.
    _before: dict[int, tuple[bool, str | None]] = field(default_factory=dict)
    _same_role: dict[tuple, str | None] = field(default_factory=dict)

    def person(self, name: str, before: int) -> Actor | None:
        """The person introduced before offset ``before`` under this name or its surname."""
        for key in (name, name.split()[-1]):
            found = self.people.get(key)
            if found is not None and found[0] < before:
                return found[1]
        return None

    def add_person(self, name: str, actor: Actor, first_name: bool = True) -> None:
        """Remember a person by name, surname and, with ``first_name``, first name ("Kim" after
        "Kim Jong Un": family names come first in East Asian names)."""
        if self.sealed:
            return
        parts = name.replace(" - ", "-").split()
        self.people[name] = (actor.start, actor)
        self.people[parts[-1]] = (actor.start, actor)
        if first_name:
            self.people.setdefault(parts[0], (actor.start, actor))
        if actor.name and len(parts) == 1 and actor.name.split()[-1] == name:
            # "Sanders", known as Bernie Sanders: "Bernie" later is he too
            self.people.setdefault(actor.name.split()[0], (actor.start, actor))

    def worldwide_role(self, actor: Actor) -> Actor:
        """Note that the role belongs to no one country ("leaders around the world"), and
        return it as it is."""
        self.worldwide.add(actor.start)
        return actor

    def complete_person(self, actor: Actor) -> None:
        """Give a person remembered without a country the country a later reading of the same
        phrase found ("Peter Westmacott, the British ambassador": British), so that the
        surname after it is British too."""
        entry = self.people.get(actor.name or "")
        if self.sealed or (entry is not None and entry[1].country):
            return  # the usual case, a person already known with a country: no scan
        for key, (start, known) in list(self.people.items()):
            if known.name == actor.name and known.country is None:
                self.people[key] = (start, replace(known, code=actor.code, country=actor.country))

    def add_unknown_person(self, name: str, actor: Actor, known_surname: bool) -> None:
        """Remember a person of several names the knowledge base does not know, by name and
        surname, so that "Lester" after "Jon Lester" is he, not Leicester; unless the base
        knows the surname ("Trump" after "Melania Trump" is left to it) or the surname is
        already someone's."""
        parts = name.split()
        if len(parts) > 1 and not known_surname and self.person(parts[-1], actor.start) is None:
            self.add_person(name, actor, first_name=False)

    def add_mention(self, actor: Actor, is_person: bool, plural: bool) -> None:
        """Remember an actor mentioned at its offset (the first phrase there wins, unless a
        later person there names whom the first only describes: "former secretary of State
        Hillary Clinton" is Clinton, not "former secretary")."""
        if self.sealed:
            return
        prior = self.mentions.get(actor.start)
        if prior is None:
            self.mentions[actor.start] = (actor, is_person)
            _add(self._mention_starts, actor.start)
        elif prior[1] and is_person and prior[0].name is None and actor.name is not None:
            self.mentions[actor.start] = (actor, is_person)
        if plural:
            self.plural.add(actor.start)

    def add_subject(self, start: int, actors: list[Actor]) -> None:
        """Remember a clause subject's actors (none: it is no actor) at its offset."""
        if start not in self.subjects:
            _add(self._subject_starts, start)
        self.subjects[start] = actors

    def add_compound(self, start: int, states: list[Actor]) -> None:
        """Remember the states a compound subject names together ("Putin and Kim")."""
        if start not in self.compounds:
            _add(self._compound_starts, start)
        self.compounds[start] = states

    def mentions_before(
        self, offset: int, reach: int | None = None, limit: int = LOOKBACK
    ) -> Iterator[tuple[int, Actor, bool]]:
        """The mentions before ``offset``, the nearest first: at most ``limit`` of them, and
        only those within ``reach`` characters when given."""
        starts = self._mention_starts
        floor = offset - reach if reach is not None else None
        i = bisect_left(starts, offset) - 1
        stop = max(i - limit, -1)
        while i > stop and (floor is None or starts[i] >= floor):
            actor, is_person = self.mentions[starts[i]]
            yield starts[i], actor, is_person
            i -= 1

    def _last_subject(self, offset: int) -> tuple[int, list[Actor]] | None:
        i = bisect_left(self._subject_starts, offset) - 1
        if i < 0:
            return None
        start = self._subject_starts[i]
        return start, self.subjects[start]

    def earlier_role(self, actor: Actor, head: Token, before: int) -> Actor | None:
        """A role without a country (``actor``, its phrase headed by ``head``) completed from
        the mentions before offset ``before`` (the sentence's start): "the group" is the armed
        group last named; a role named again takes the country it was named with last; else
        the country earlier sentences state most (then last). None when nothing before says.
        What the mentions before a sentence say is worked out once per sentence."""
        any_earlier, most_stated = self._earlier(before)
        if not any_earlier:
            return None
        earlier = ((start, a) for start, a, _ in self.mentions_before(before) if a.code)
        lemma = head.lemma_.lower()
        if lemma in BACK_REFERENCES:
            wanted = BACK_REFERENCES[lemma]
            prior = next(
                (a for _, a in earlier if a.sector == wanted or a.code.startswith(wanted)), None
            )
            if prior is not None:
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
        words = frozenset({head.lower_, lemma})
        key = (before, actor.sector, words)
        if key not in self._same_role:
            earlier = ((start, a) for start, a, _ in self.mentions_before(before) if a.code)
            self._same_role[key] = next(
                (
                    a.country
                    for _, a in earlier
                    if a.sector == actor.sector
                    and a.country
                    and not a.name
                    and (a.confidence or 0) > CONTEXT_CONFIDENCE
                    and a.text.rsplit(None, 1)[-1].lower() in words
                ),
                None,
            )
        # "Israeli soldiers broke into the village ... Soldiers fired tear gas": a role named
        # again takes the country it was named with last, before the document's most named one
        country = self._same_role[key] or most_stated
        if country is None:
            return None
        return replace(
            actor, code=country + actor.sector, country=country, confidence=CONTEXT_CONFIDENCE
        )

    def _earlier(self, before: int) -> tuple[bool, str | None]:
        """Whether a coded mention stands before ``before``, and the country those mentions
        state most (then last; only countries the text states count, as ones inferred from
        context would reinforce themselves)."""
        found = self._before.get(before)
        if found is None:
            earlier = [(start, a) for start, a, _ in self.mentions_before(before) if a.code]
            counts: dict[str, list[int]] = {}
            for start, a in reversed(earlier):  # in text order
                if a.country and (a.confidence or 0) > CONTEXT_CONFIDENCE:
                    c = counts.setdefault(a.country, [0, 0])
                    c[0] += 1
                    c[1] = max(c[1], start)
            most = max(counts, key=lambda k: tuple(counts[k])) if counts else None
            found = self._before[before] = (bool(earlier), most)
        return found

    def states_referred(self, head: Token) -> list[Actor]:
        """ "The two countries" after "Saudi Arabia and Iran agreed": the states last named
        together; "the country": the state last named."""
        plural = head.tag_ in ("NNS", "NNPS") or any(
            c.lower_ in ("both", "two", "three") for c in kids(head)
        )
        if not any(c.lower_ in ("the", "both", "two", "three") for c in kids(head)):
            return []  # "a country", "many countries": no reference

        def moved(a: Actor) -> Actor:
            return a.referring(head.text, head.idx, confidence=CONTEXT_CONFIDENCE)

        if plural:
            # the last subject or compound subject naming two states or more (a subject first
            # where both stand at one offset)
            found = None
            for starts, table in (
                (self._subject_starts, self.subjects),
                (self._compound_starts, self.compounds),
            ):
                k = bisect_left(starts, head.idx) - 1
                while k >= 0 and (found is None or starts[k] > found[0]):
                    actors = table[starts[k]]
                    if len({a.country for a in actors if a.country}) >= 2:
                        found = (starts[k], actors)
                        break
                    k -= 1
            return [moved(a) for a in found[1]] if found else []
        for _, a, is_person in self.mentions_before(head.idx):
            if not is_person and a.code and a.code == a.country:
                return [moved(a)]
        return []

    def back_reference(self, head: Token) -> Actor | None:
        """ "The group", "the bloc", "the charity": the last organisation of the sector the word
        asks for, or the organisation of the last person of that sector."""
        wanted = BACK_REFERENCES[head.lemma_.lower()]
        prior = next(
            (
                a
                for _, a, is_person in self.mentions_before(head.idx)
                if not is_person and a.code and (a.sector == wanted or a.code.startswith(wanted))
            ),
            None,
        )
        if prior is None:  # "Hamas leader Yahya Sinwar ... the group": the leader's organisation
            person = next(
                (
                    a
                    for _, a, is_person in self.mentions_before(head.idx)
                    if is_person and a.code and a.sector == wanted
                ),
                None,
            )
            if person is None:
                return None
            prior = replace(person, name=None, kb_id=None)
        return prior.referring(head.text, head.idx, confidence=CONTEXT_CONFIDENCE)

    def antecedents(
        self, head: Token, excluded: list[Actor], given_names: dict[str, str]
    ) -> list[Actor]:
        """What the personal pronoun ``head`` refers to among the mentions before it (see
        :meth:`ActorResolver._pronoun_all`); ``excluded``: the actors of its own clause's
        subject, which an object pronoun never is."""
        word = head.lower_
        wants_person = word in PERSON_PRONOUNS

        def moved(actors: list[Actor]) -> list[Actor]:
            return [a.referring(head.text, head.idx) for a in actors]

        def allowed(a: Actor) -> bool:
            return not any(a.code == x.code and a.name == x.name for x in excluded)

        if not wants_person:
            if word in OBJECT_PRONOUNS:  # "rescue them": the last group named, subject or not
                for start, a, is_person in self.mentions_before(head.idx, PRONOUN_REACH):
                    if start in self.plural and not is_person and allowed(a):
                        return moved([a])
            last = self._last_subject(head.idx)
            if last is not None:
                start, antecedents = last
                if not antecedents or head.idx - start > PRONOUN_REACH:
                    return []
                if word in SINGULAR_PRONOUNS:
                    antecedents = antecedents[:1]
                return moved([a for a in antecedents if allowed(a)])
        wanted_gender = pronoun_gender(word)
        before = [
            (start, a)
            for start, a, is_person in self.mentions_before(head.idx, PRONOUN_REACH)
            if is_person == wants_person
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
        return moved([before[0][1]])  # the nearest


def pronoun_gender(word: str) -> str | None:
    """The gender a personal pronoun asks of its person ("f", "m"), or None ("they")."""
    return "f" if word in FEMALE_PRONOUNS else "m" if word in MALE_PRONOUNS else None


def _add(starts: list[int], start: int) -> None:
    """Add an offset to a sorted list (mentions come in reading order: mostly at the end)."""
    if not starts or starts[-1] < start:
        starts.append(start)
    else:
        insort(starts, start)


def speaker_of(speakers: list[tuple[int, int, list[Actor]]], head: Token) -> list[Actor]:
    """Who "I" or "we" is: the speaker of what the sentence says they said, the innermost
    first ("'We have asked the Security Council to meet,' the minister said.")."""
    holding = [(e - s, actors) for s, e, actors in speakers if s <= head.idx < e]
    if not holding:
        return []
    actors = min(holding, key=lambda pair: pair[0])[1]
    return [a.referring(head.text, head.idx) for a in actors if a.code]
