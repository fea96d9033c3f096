"""What coding knows before it reads a word: one immutable :class:`Knowledge`, built by one loader
(:func:`load_knowledge`) from the shipped data files plus, optionally, a user's folder.

It holds the name index (countries, organisations, demonyms, capitals, role words), the people
base, the place gazetteer, the event lexicon, the CAMEO/PLOVER ontology and the word lists. What
coding remembers across documents (names spelled by a run of words, places resolved) lives on
the same object, so that switching knowledge swaps one reference and nothing stale survives.

A user's folder may hold ``people.tsv`` and ``organisations.tsv`` in the shipped tables' formats;
their rows take precedence over the shipped ones.

The library codes with the knowledge a caller passes, or else with the one on
:data:`DEFAULT` (a :class:`KnowledgeSlot`: loaded on first use, replaced by
:func:`eventwire.use_knowledge_base`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.coding.confidence import ConfidenceModel
from eventwire.coding.kb import PeopleBase
from eventwire.coding.kb import build as build_people
from eventwire.coding.lexicon import Lexicon, shipped_lexicon
from eventwire.coding.names import NameIndex, build_index, tsv_rows
from eventwire.coding.ontology import Ontology
from eventwire.coding.placenames import PlaceNames
from eventwire.coding.relevance import load_topics
from eventwire.coding.vocabulary import Vocabulary, load_vocabulary
from eventwire.data import load_json, read_text, word_list
from eventwire.errors import UsageError
from eventwire.geo import Gazetteer
from eventwire.language import LanguageGuesser

# The tables a user's knowledge-base folder may hold.
USER_TABLES = ("people.tsv", "organisations.tsv")
ASSERTED = "asserted"


@dataclass(frozen=True)
class Words:
    """The word lists coding reads (``data/*.txt``, ``data/*.json``); those of the coder's
    syntax are in ``vocabulary`` (``data/vocabulary.txt``, read by its one loader)."""

    person_nouns: frozenset[str]  # nouns for people: "man", "resident", "member"
    titles: frozenset[str]  # titles before a name: "president", "minister"
    attacker_nouns: frozenset[str]  # "gunmen", "militants": a named group's own fighters
    non_agents: frozenset[str]  # "storm", "earthquake": harm done by no political actor
    sports: frozenset[str]  # words that make a clash a game
    place_features: dict[str, str]  # "province" -> admin1, "village" -> point
    given_names: dict[str, str]  # given name (lower case) -> "f" or "m"
    modality: dict[str, frozenset[str]]  # word classes of data/modality.json
    cues: dict[str, str]  # attribution cue lemma -> stance
    nominal_cues: dict[str, str]  # nominal attribution cue lemma -> stance
    vocabulary: Vocabulary  # data/vocabulary.txt: verbs of saying, prepositions, number words
    topics: dict[str, frozenset[str]]  # data/topics.txt: topic -> its words (relevance.py)

    @classmethod
    def load(cls) -> Words:
        modality = load_json("modality.json")
        return cls(
            person_nouns=word_list("person_nouns.txt"),
            titles=word_list("titles.txt"),
            attacker_nouns=word_list("attacker_nouns.txt"),
            non_agents=word_list("non_agents.txt"),
            sports=word_list("sports_context.txt"),
            place_features=_pairs("place_features.txt", "point"),
            given_names=_given_names(),
            modality={k: frozenset(v) for k, v in modality.items() if not k.startswith("_")},
            cues=_pairs("attribution_cues.txt", ASSERTED),
            nominal_cues=_pairs("attribution_nouns.txt", ASSERTED),
            vocabulary=load_vocabulary(),
            topics=load_topics(),
        )


def _pairs(name: str, default: str) -> dict[str, str]:
    """A word list of "word value" lines (``default`` when the value is left out)."""
    out: dict[str, str] = {}
    for line in sorted(word_list(name)):
        word, _, value = line.partition(" ")
        out[word] = value.strip() or default
    return out


def _given_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in read_text("given_names.tsv").splitlines():
        if line and not line.startswith("#") and not line.startswith("name\t"):
            name, _, gender = line.partition("\t")
            out[name.strip().lower()] = gender.strip()
    return out


@dataclass(frozen=True)
class Knowledge:
    """Everything coding knows, and remembers across documents."""

    names: NameIndex
    people: PeopleBase
    places: Gazetteer
    placenames: PlaceNames
    lexicon: Lexicon
    ontology: Ontology
    words: Words
    confidence: ConfidenceModel
    folder: Path | None = None  # the user's knowledge-base folder, if any
    language: LanguageGuesser = field(default_factory=LanguageGuesser)  # model loaded on use

    def forget(self) -> None:
        """Empty what is remembered across documents (names spelled, places resolved), as in
        a fresh process; the tables stay."""
        self.names.forget()
        self.places.forget()
        self.placenames.forget()


def load_knowledge(folder: str | Path | None = None, places: Gazetteer | None = None) -> Knowledge:
    """The shipped knowledge, with the tables of the user's ``folder`` (if given) first.
    ``places`` reuses an already loaded gazetteer (it does not depend on the folder)."""
    user = Path(folder) if folder is not None else None
    tables = {name: _user_table(user, name) for name in USER_TABLES} if user else {}
    organisations = tsv_rows(tables.get("organisations.tsv", ""))
    organisations += tsv_rows(read_text("organisations.tsv"))
    ontology = Ontology.load()
    names = build_index(
        organisations, tsv_rows(read_text("countries.tsv")), tsv_rows(read_text("sectors.tsv"))
    )
    places = places or Gazetteer.load()
    return Knowledge(
        names=names,
        people=build_people(read_text("people.tsv"), tables.get("people.tsv", "")),
        places=places,
        placenames=PlaceNames(names, places),
        lexicon=shipped_lexicon(ontology),
        ontology=ontology,
        words=Words.load(),
        confidence=ConfidenceModel.load(),
        folder=user,
    )


def _user_table(folder: Path, name: str) -> str:
    """The user's version of a table, or "" when they have none."""
    if not folder.is_dir():
        raise UsageError(f"knowledge-base folder {folder} does not exist (given by --kb)")
    path = folder / name
    if not path.exists():
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}; it must be UTF-8 text") from exc


class KnowledgeSlot:
    """The knowledge the library codes with when a caller passes none: the shipped one, loaded
    on first use, until :meth:`use` puts another in its place."""

    def __init__(self) -> None:
        self._knowledge: Knowledge | None = None

    def get(self) -> Knowledge:
        if self._knowledge is None:
            self._knowledge = load_knowledge()
        return self._knowledge

    def use(self, folder: str | Path | None) -> Knowledge:
        """Code with the user's ``folder`` from now on (None: the shipped knowledge only). The
        folder is read now, so that a bad one fails here, with its name."""
        old = self._knowledge
        self._knowledge = load_knowledge(folder, places=old.places if old else None)
        self._knowledge.places.forget()
        return self._knowledge


DEFAULT = KnowledgeSlot()


def use_knowledge_base(folder: str | Path | None) -> None:
    """Code with the user's knowledge-base folder (``people.tsv``, ``organisations.tsv``) from
    now on; None goes back to the shipped knowledge only."""
    DEFAULT.use(folder)
