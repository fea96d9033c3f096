"""Where each event of a document happened: the place its sentence gives it, else what the
rest of the text says (a preceding sentence about the same act, a state speaking at home, the
one country of the parties, the dateline), else ``unknown``, with the document's most named
place kept beside it as a labelled fallback. The place mentions themselves are found and
resolved by :mod:`eventwire.coding.places`.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Span, Token

from eventwire import geo
from eventwire.coding.actors.phrases import is_dateline
from eventwire.coding.places import (
    ADMIN1,
    COUNTRY,
    POINT,
    PRECISION_RANK,
    UNKNOWN,
    DocPlaces,
    Located,
)
from eventwire.coding.spans import doc_text, kids, sentences, tokens_of
from eventwire.coding.vocabulary import VOCABULARY
from eventwire.model import Actor

# Sectors of a state's own institutions: one of them speaking with no place said is at home.
HOME_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# Sectors of a country's politics out of office: at home when they speak of their own country.
OUT_OF_OFFICE_SECTORS = frozenset({"PTY", "OPP", "ELI"})

# How many sentences back an event may take the place of an earlier one about the same act.
_PRECEDING_REACH = 2
# Roots of one scene on the ground: a protest, an attack, the fighting and arrests after it.
_SCENE_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# The location of an event nothing places.
_NOWHERE: dict[str, object] = {
    "text": None, "name": None, "country": None, "admin1": None, "lat": None, "lon": None,
    "precision": UNKNOWN,
}  # fmt: skip


class EventPlaces:
    """The locations of one document's events, in text order: remembers the places it gave,
    for the events after them that tell the same act."""

    def __init__(self, places: DocPlaces) -> None:
        self.places = places
        self._dateline: Located | None = None
        self._dateline_done = False
        self._order: dict[int, int] | None = None
        # (sentence index, CAMEO code, location) of the events their own sentence placed
        self._placed: list[tuple[int, str, dict[str, object]]] = []

    def for_event(
        self,
        sent: Span,
        trigger: Token,
        arguments: list[Token],
        code: str = "",
        actors: list[Actor] | tuple[Actor, ...] = (),
        speakers: list[Actor] | None = None,
    ) -> dict[str, object]:
        """The location of the event whose sentence, trigger, argument tokens, CAMEO code and
        actors are given. Its ``basis`` says what placed it: ``sentence`` (a place its sentence
        names for it, or the one country it names), ``preceding`` (the place of a preceding
        sentence about the same act), ``speaker`` (a state's institution speaking at home),
        ``parties`` (the one country of all the parties of an act that is not in words),
        ``dateline`` (where the report was filed), or ``unknown``: nothing says where,
        ``country`` is null, and ``fallback`` holds the document's most named place (basis
        ``document``) for an analyst who wants a guess. An act in words, whose ``speakers``
        are given, takes only a place its trigger says it happened in ("told reporters in
        Beijing") or the place of the act it is said in ("gathered in Toulouse to denounce"),
        not the country it is about."""
        found = self._stated(sent, trigger, arguments, code, actors, speakers)
        if found is not None:
            return found
        out: dict[str, object] = {**_NOWHERE, "basis": "unknown"}
        focus = self.places.focus()
        if focus is not None:
            out["fallback"] = {**focus.to_dict(), "basis": "document"}
        return out

    def _stated(
        self,
        sent: Span,
        trigger: Token,
        arguments: list[Token],
        code: str,
        actors: list[Actor] | tuple[Actor, ...],
        speakers: list[Actor] | None,
    ) -> dict[str, object] | None:
        """The place the text gives for the event, with its basis, or None."""
        places = self.places.sentence(sent)
        chosen = _where_clause(places, trigger)
        if chosen is None and speakers is not None:
            said = [loc for loc in places if loc.locative]
            chosen = _said_at(said, trigger) or _scene_of(said, trigger)
        elif chosen is None:
            chosen = _attached(places, trigger, arguments) or _first_locative(places)
        if chosen is None and speakers is None:  # not "Sen. Cruz (R-Texas) said"
            # "killed a man in Kitalima (Bwito, Nord-Kivu)"; "Residents of San Fernando, the
            # capital of Venezuela's Apure state, blocked a highway"
            chosen = self.places.from_brackets(sent) or self.places.one_country(sent)
        if chosen is not None:
            dateline = self.dateline() if chosen.precision == COUNTRY else None
            if dateline is not None and dateline.country == chosen.country:
                # "ORLANDO, Fla. (Reuters) - Obama met survivors ...": the town, not only the
                # country its sentence names
                return {**dateline.to_dict(), "basis": "dateline"}
            out = {**chosen.to_dict(), "basis": "sentence"}
            self._placed.append((self._index(sent), code, out))
            return out
        earlier = self._preceding(sent, code)
        if earlier is not None:
            return {**earlier, "basis": "preceding"}
        if speakers is not None:
            home = {a.country[:3] for a in speakers if a.country and _institution(a)}
            if len(home) == 1:  # "Russia's foreign ministry condemned ...": in Russia
                return {**self._at_home(home.pop()).to_dict(), "basis": "speaker"}
            home = _domestic(speakers, actors)
            if len(home) == 1:  # "Democrats blasted Republicans": in the United States,
                found = Located(None, None, home.pop(), None, None, None, COUNTRY, 0, 0)
                return {**found.to_dict(), "basis": "speaker"}  # no town guessed
        states = {a.country[:3] for a in actors if a.country} if speakers is None else set()
        dateline = self.dateline()
        if dateline is not None and (len(states) != 1 or states == {dateline.country[:3]}):
            return {**dateline.to_dict(), "basis": "dateline"}
        if len(states) == 1:  # "the army killed 25 Boko Haram fighters", both Nigerian
            found = Located(None, None, states.pop(), None, None, None, COUNTRY, 0, 0)
            return {**found.to_dict(), "basis": "parties"}
        return None

    def _at_home(self, country: str) -> Located:
        """Where a state's institution speaks at home: the dateline's town, else the town or
        region the document names most, when it is in that state ("Officials urged people to
        avoid travel" in a report on Erie's snowfall); else the state."""
        for known in (self.dateline(), self.places.focus()):
            if (
                known is not None
                and (known.country or "")[:3] == country
                and known.precision in (POINT, ADMIN1)
            ):
                return known
        return Located(None, None, country, None, None, None, COUNTRY, 0, 0)

    def _index(self, sent: Span) -> int:
        """The sentence's position in the document."""
        if self._order is None:
            self._order = {s.start: k for k, s in enumerate(sentences(self.places.doc))}
        return self._order.get(sent.start, -1)

    def _preceding(self, sent: Span, code: str) -> dict[str, object] | None:
        """The place of the nearest event of the same kind (its CAMEO root, or protest and force
        of any kind) that its own sentence placed, one or two sentences back: "Drones struck Kharkiv
        overnight. The attack killed three." """
        here = self._index(sent)
        for index, other, loc in reversed(self._placed):
            if index >= here:
                continue
            if here - index > _PRECEDING_REACH:
                break
            if other[:2] == code[:2] or (other[:2] in _SCENE_ROOTS and code[:2] in _SCENE_ROOTS):
                return {k: v for k, v in loc.items() if k != "basis"}
        return None

    def dateline(self) -> Located | None:
        """The town a dateline opening the text names ("KYIV, Jan 16 (Reuters) -", "SAN
        SALVADOR -"), where the report was filed."""
        if not self._dateline_done:
            self._dateline_done = True
            first = next(iter(sentences(self.places.doc)), None)
            words = [t for t in tokens_of(first)[:6] if not t.is_space] if first else []
            if words and is_dateline(words[0]):
                name = [t for t in takewhile(lambda t: t.text.isupper(), words)]
                title = " ".join(t.text.title() for t in name)
                countries = [c for c, _ in self.places.countries.most_common()]
                found = self.places.kn.placenames.resolve(title, countries, None, None)
                if found is not None and found.kind == geo.CITY:
                    start, end = name[0].idx, name[-1].idx + len(name[-1].text)
                    text = doc_text(self.places.doc)[start:end]
                    self._dateline = Located(
                        text, found.name, found.country, found.admin1, found.lat, found.lon,
                        POINT, start, end,
                    )  # fmt: skip
        return self._dateline


def _institution(actor: Actor) -> bool:
    """Whether an actor is a state's institution, or the state named bare ("Russia condemned")."""
    return actor.sector in HOME_SECTORS or (actor.sector is None and actor.code == actor.country)


def _domestic(speakers: list[Actor], actors: list[Actor] | tuple[Actor, ...]) -> set[str]:
    """The country of politicians speaking of their own country's politics, where they are:
    a party, the opposition or a former official, of one country, and every party spoken to
    or of of that country ("Democrats blasted Republicans", in the United States)."""
    politicians = {
        a.country[:3] for a in speakers if a.country and a.sector in OUT_OF_OFFICE_SECTORS
    }
    if len(politicians) != 1 or not all(a.country for a in speakers):
        return set()
    others = {a.country[:3] for a in actors if a.country}
    if others != politicians or any(a.code and not a.country for a in actors):
        return set()
    return politicians


def _attached(places: list[Located], trigger: Token, arguments: list[Token]) -> Located | None:
    """The place whose phrase the trigger governs, nearest in the tree."""
    anchors = {trigger.i: 0, **{a.i: 1 for a in arguments}}
    first = trigger
    while first.dep_ == "conj" and first.head.i != first.i:  # "In Jiquilisco, police
        first = first.head  # handcuffed, beat and held ...": the conjuncts share the place
        anchors.setdefault(first.i, 0)
    best: tuple[tuple[int, int], Located] | None = None
    for loc in places:
        head = trigger.doc[loc.tokens[0]] if loc.tokens else None
        if head is None:
            continue
        depth, tok = 0, head
        while tok.head is not tok and depth < 8:
            tok, depth = tok.head, depth + 1
            if tok.i in anchors:
                # The most precise attached place; among equals, the nearest in the tree.
                score = (PRECISION_RANK[loc.precision], depth + anchors[tok.i])
                if tok.i != trigger.i and tok.pos_ == "VERB":
                    break
                if best is None or score < best[0]:
                    best = (score, loc)
                break
            if tok.pos_ == "VERB" and tok.i != trigger.i and tok.dep_ not in ("xcomp", "advcl"):
                break
    return best[1] if best else None


def _said_at(places: list[Located], trigger: Token) -> Located | None:
    """The place where words were said: a locative phrase of the trigger, of the verbs it hangs
    from ("told reporters in Beijing that it opposed"), of their objects, or of a participle
    beside them ("Speaking in Warsaw, the president urged")."""
    chain, tok = [trigger], trigger
    while tok.dep_ in ("ccomp", "xcomp", "advcl", "conj") and tok.head is not tok:
        tok = tok.head
        chain.append(tok)
    anchors = {t.i for t in chain} | {  # "reporters in Beijing", "Speaking in Warsaw, ..."
        o.i for t in chain for o in kids(t) if o.dep_ == "advcl"
    }
    # A place in an object is where the words were said when it is a town ("demanded his
    # release in Tbilisi", "told reporters in Beijing"); a country there is what they are
    # about ("criticized Obama's intervention in Libya"), unless the object is whom one tells.
    objects = {
        o.i: t.lemma_.lower() in VOCABULARY.saying
        for t in chain
        for o in kids(t)
        if o.dep_ == "dobj"
    }
    for loc in places:
        tok = trigger.doc[loc.head] if loc.head >= 0 else None
        # up through the phrase: "at a Phoenix rally", "at a rally in Iowa", "held a vigil and
        # protest in Sacramento", "at a press conference outside of City Hall in New York"
        while tok is not None and tok.head is not tok and _in_phrase(tok):
            tok = tok.head
            if tok.i in anchors:
                return loc
            if tok.i in objects and (objects[tok.i] or loc.precision != COUNTRY):
                return loc
    return None


def _where_clause(places: list[Located], trigger: Token) -> Located | None:
    """The place a "where" clause the trigger stands in is about: "a visit to Capitol Hill,
    where he attacked some Republican lawmakers"."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ == "relcl" and any(c.lower_ == "where" for c in kids(tok)):
            return next((loc for loc in places if tok.head.i in loc.tokens), None)
        if tok.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or tok.head is tok:
            return None
        tok = tok.head
    return None


def _in_phrase(tok: Token) -> bool:
    """Whether the word is inside a place phrase that goes on up the tree: a compound, a
    preposition and its object, a conjunct, or an adverb of place with its own preposition
    ("outside of City Hall")."""
    if tok.dep_ in ("compound", "pobj", "prep", "conj"):
        return True
    return tok.dep_ == "advmod" and any(c.dep_ == "prep" for c in kids(tok))


def _scene_of(places: list[Located], trigger: Token) -> Located | None:
    """The place of the act that words were said in: a locative phrase hanging from a verb
    that governs the trigger ("gathered in Toulouse to denounce ...", "held a press conference
    in Seoul demanding ..."), not one inside what was said."""
    above = {t.i for t in trigger.ancestors}
    for loc in places:
        tok = trigger.doc[loc.head] if loc.head >= 0 else None
        while tok is not None and tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
            tok = tok.head
        if tok is not None and tok.pos_ in ("VERB", "AUX") and tok.i in above:
            return loc
    return None


def _first_locative(places: list[Located]) -> Located | None:
    for loc in places:
        if loc.precision != UNKNOWN:
            return loc
    return None
