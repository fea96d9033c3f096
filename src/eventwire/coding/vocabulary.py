"""The English words coding reads: ``data/vocabulary.txt``, one file of named lists, parsed by
one loader (:func:`load_vocabulary`) into an immutable :class:`Vocabulary`.

The knowledge holds one (``Knowledge.words.vocabulary``, which ``Words.load`` reads with this
loader); the syntax helpers that are given no knowledge (tree.py, triggers.py, modality.py,
quantity.py, names.py, ...) read :data:`VOCABULARY`, which the same loader reads when this module
is imported. Neither is ever changed.

The file's grammar (its head says more):

    [name]            opens the list that the field ``name`` of :class:`Vocabulary` holds
    # comment         what the list is for; every list opens with one
    word or phrase    one a line, in lower case
    word<TAB>value    a row of a table: a whole number, or a word for a table of words
    @other            every word of the list ``other``, given above
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType

from eventwire.data import read_text

VOCABULARY_FILE = "vocabulary.txt"


class VocabularyError(ValueError):
    """The vocabulary file does not follow its grammar; the message names the line."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The word lists of ``data/vocabulary.txt``, one field per list (the file says what each
    is for)."""

    # saying and reporting (attribution.py, modality.py, triggers.py)
    saying: frozenset[str]
    saying_alone: frozenset[str]
    reported_speech: frozenset[str]
    mandative_verbs: frozenset[str]
    intending: frozenset[str]
    urging: frozenset[str]
    object_content: frozenset[str]
    content_preps: frozenset[str]
    addressee_preps: frozenset[str]
    label_words: frozenset[str]
    # claims (claims.py)
    hedges: frozenset[str]
    unnamed_sources: frozenset[str]
    unnamed_marks: frozenset[str]
    # participants (tree.py)
    default_target_preps: frozenset[str]
    elaborating_preps: frozenset[str]
    inherited_preps: frozenset[str]
    carrier_verbs: frozenset[str]
    engaging_verbs: frozenset[str]
    measure_words: frozenset[str]
    # triggers (triggers.py)
    topic_preps: frozenset[str]
    background_preps: frozenset[str]
    habit_adverbs: frozenset[str]
    tally_words: frozenset[str]
    example_preps: frozenset[str]
    # actors (actors/, names.py)
    direction_words: frozenset[str]
    count_words: frozenset[str]
    owner_preps: frozenset[str]
    generic_roles: frozenset[str]
    former_words: frozenset[str]
    shared_titles: frozenset[str]
    world_words: frozenset[str]
    governing_bodies: frozenset[str]
    tied_words: frozenset[str]
    # what refers back (actors/memory.py, actors/resolver.py)
    person_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    singular_pronouns: frozenset[str]
    state_nouns: frozenset[str]
    back_references: Mapping[str, str]
    border_words: frozenset[str]
    # rules (rules.py)
    personnel_words: frozenset[str]
    protester_words: frozenset[str]
    # places (places.py, placenames.py)
    locative_preps: frozenset[str]
    place_preps: frozenset[str]
    name_connectors: frozenset[str]
    admin_words: frozenset[str]
    region_words: frozenset[str]
    ocean_names: frozenset[str]
    # quantities (quantity.py)
    number_words: Mapping[str, int]
    scales: Mapping[str, int]
    plural_counts: Mapping[str, int]
    multipliers: Mapping[str, int]
    qualifiers: Mapping[str, str]  # in the file's order: the first that matches is taken
    # senses (sense_rules.py)
    voter_words: frozenset[str]
    obligation_words: frozenset[str]
    follower_words: frozenset[str]
    member_words: frozenset[str]
    staff_words: frozenset[str]
    impression_words: frozenset[str]
    readiness_words: frozenset[str]
    anonymity_words: frozenset[str]
    threat_words: frozenset[str]
    no_one_objects: frozenset[str]
    missile_words: frozenset[str]
    weapon_words: frozenset[str]
    race_words: frozenset[str]
    campaign_words: frozenset[str]


# What each field's annotation makes its list: words (None), or a table of numbers or words.
_KINDS: dict[str, type | None] = {
    "frozenset[str]": None,
    "Mapping[str, int]": int,
    "Mapping[str, str]": str,
}
_HEADER = re.compile(r"^\[(.*)\]$")
_NAME = re.compile(r"^[a-z][a-z_]*$")


def load_vocabulary() -> Vocabulary:
    """The shipped vocabulary (``data/vocabulary.txt``)."""
    return parse_vocabulary(read_text(VOCABULARY_FILE))


def parse_vocabulary(text: str, source: str = VOCABULARY_FILE) -> Vocabulary:
    """A :class:`Vocabulary` from the text of a vocabulary file (``source`` names it in
    errors). Raises :class:`VocabularyError`, naming the line, on anything malformed."""
    kinds = {f.name: _KINDS[str(f.type)] for f in fields(Vocabulary)}
    lists: dict[str, dict[str, int | str | None]] = {}
    opened: dict[str, int] = {}  # list name -> line of its header
    current: str | None = None
    described = False  # the current list has opened with its comment

    def close(name: str | None) -> None:
        if name is not None and not lists[name]:
            raise VocabularyError(f"{source} line {opened[name]}: the list [{name}] has no words")

    for lineno, line in enumerate(text.splitlines(), 1):
        where = f"{source} line {lineno}"
        if not line.strip():
            continue
        if line.startswith("#"):
            described = True
            continue
        header = _HEADER.match(line)
        if header:
            name = header.group(1)
            if not _NAME.match(name) or name not in kinds:
                raise VocabularyError(
                    f"{where}: no list is named [{name}] (the lists are the fields of "
                    "Vocabulary in coding/vocabulary.py)"
                )
            if name in lists:
                raise VocabularyError(
                    f"{where}: the list [{name}] is given twice (first on line {opened[name]})"
                )
            close(current)
            current, described = name, False
            lists[name], opened[name] = {}, lineno
            continue
        if current is None:
            raise VocabularyError(f"{where}: {line!r} is in no list (a list opens with [name])")
        if not described:
            raise VocabularyError(
                f"{where}: the list [{current}] must open with a comment saying what it is for"
            )
        words = lists[current]
        if line.startswith("@"):
            other = line[1:]
            if other not in lists or other == current:
                raise VocabularyError(f"{where}: {line!r} names no list given above")
            if kinds[current] is not None or kinds[other] is not None:
                raise VocabularyError(f"{where}: {line!r}: only lists of words take in others")
            for word in lists[other]:
                _add(words, word, None, f"{where} (from {line})", current)
            continue
        word, tab, value = line.partition("\t")
        _check_word(word, where)
        kind = kinds[current]
        if kind is None and tab:
            raise VocabularyError(f"{where}: the words of [{current}] take no value after a tab")
        if kind is not None and not tab:
            raise VocabularyError(f"{where}: {word!r} has no value (a row is word<TAB>value)")
        if kind is int:
            if not value.isdigit():
                raise VocabularyError(f"{where}: {value!r} is not a whole number")
            _add(words, word, int(value), where, current)
        elif kind is str:
            _check_word(value, where)
            _add(words, word, value, where, current)
        else:
            _add(words, word, None, where, current)
    close(current)
    missing = [name for name in kinds if name not in lists]
    if missing:
        raise VocabularyError(f"{source}: no list {', '.join(f'[{m}]' for m in missing)}")
    return Vocabulary(
        **{
            name: frozenset(lists[name])
            if kinds[name] is None
            else MappingProxyType(dict(lists[name]))
            for name in kinds
        }
    )


def _check_word(word: str, where: str) -> None:
    if not word:
        raise VocabularyError(f"{where}: an empty word")
    if word != word.strip() or "  " in word or "\t" in word:
        raise VocabularyError(f"{where}: stray space or tab in {word!r}")
    if word != word.lower():
        raise VocabularyError(f"{where}: {word!r} is not in lower case")
    if word[0] in "#@[":
        raise VocabularyError(f"{where}: {word!r} starts like a comment, a list or a header")


def _add(words: dict, word: str, value: int | str | None, where: str, name: str) -> None:
    if word in words:
        raise VocabularyError(f"{where}: {word!r} is already in [{name}]")
    words[word] = value


VOCABULARY = load_vocabulary()
