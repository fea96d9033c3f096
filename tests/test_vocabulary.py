"""The vocabulary: the English word lists the coder reads live in ``data/vocabulary.txt``, read by
one loader (``coding/vocabulary.py``), not in the code; every list in the file is read; a
malformed file is refused with the line named."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path
from types import MappingProxyType

import pytest
from spacy.glossary import GLOSSARY

from eventwire.coding.knowledge import Words
from eventwire.coding.vocabulary import (
    VOCABULARY,
    VOCABULARY_FILE,
    VocabularyError,
    load_vocabulary,
    parse_vocabulary,
)
from eventwire.data import read_text

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "eventwire"
CODING = PACKAGE / "coding"
# A literal of this many plain English words is a word list, whose place is the vocabulary.
MIN_WORDS = 8
WORD = re.compile(r"[a-z]+(?:[ '&.-][a-z]+)*")
# Word lists that modules of the coder still hold, as (module, name): each must still be there,
# so that the test fails once one has moved to the vocabulary and its exemption goes with it.
NOT_YET_MOVED: set[tuple[str, str]] = set()


def _plain_words(nodes: list[ast.expr]) -> int:
    """How many of the nodes are plain lower-case English words: string constants that are no
    spaCy label (dependency labels, tags and entity types are grammar, not vocabulary)."""
    return sum(
        1
        for n in nodes
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and WORD.fullmatch(n.value)
        and n.value not in GLOSSARY
    )


def _is_constant(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) or (
        isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant)
    )


def word_lists(source: str) -> list[tuple[str, int]]:
    """The word lists a module's source spells out: set, list and tuple literals, and tables
    (dict literals of constant values), of at least MIN_WORDS plain words, each as (the name it
    is assigned to at module level, or its line; how many words)."""
    tree = ast.parse(source)
    names = {
        id(node): target.id
        for statement in tree.body
        if isinstance(statement, (ast.Assign, ast.AnnAssign))
        for target in (
            statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        )
        if isinstance(target, ast.Name) and statement.value is not None
        for node in ast.walk(statement.value)
    }
    found: list[tuple[int, str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            count = _plain_words(node.elts)
        elif isinstance(node, ast.Dict) and all(_is_constant(v) for v in node.values):
            count = _plain_words([k for k in node.keys if k is not None])
        else:
            continue
        if count >= MIN_WORDS:
            found.append((node.lineno, names.get(id(node), f"line {node.lineno}"), count))
    return [(name, count) for _, name, count in sorted(found)]


def test_no_coding_module_spells_out_a_word_list() -> None:
    found = {
        (str(path.relative_to(CODING)), name)
        for path in CODING.rglob("*.py")
        for name, _ in word_lists(path.read_text(encoding="utf-8"))
    }
    assert found - NOT_YET_MOVED == set(), "word lists in code; move them to data/vocabulary.txt"
    assert not NOT_YET_MOVED - found, f"moved to the vocabulary, drop: {NOT_YET_MOVED - found}"


def test_the_word_list_check_finds_word_lists() -> None:
    words = '"north", "south", "east", "west", "northern", "southern", "eastern", "western"'
    source = f"""
DIRECTIONS = frozenset({{{words}}})
TABLE = {{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8}}
LABELS = frozenset({{"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "flat"}})
def f(x):
    return x in ({words}) or {{"speaker": x, "cue": x, "text": x, "start": x, "end": x,
                                 "direct": x, "stance": x, "via": x}}
"""
    assert word_lists(source) == [("DIRECTIONS", 8), ("TABLE", 8), ("line 7", 8)]


def _sections(text: str) -> dict[str, set[str]]:
    """The lists of a vocabulary file, each with the lists it takes in (``@name``)."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in text.splitlines():
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections[current] = set()
        elif line.startswith("@"):
            sections[current].add(line[1:])
    return sections


def test_every_list_of_the_vocabulary_is_read_by_the_code() -> None:
    """A list is read when the code names it (``VOCABULARY.carrier_verbs``,
    ``kn.words.vocabulary.generic_roles``, ``v.content_preps``) or a list it names takes it in."""
    sections = _sections(read_text(VOCABULARY_FILE))
    assert set(sections) == {f.name for f in dataclasses.fields(VOCABULARY)}
    attributes = {
        node.attr
        for path in PACKAGE.rglob("*.py")
        if path != CODING / "vocabulary.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute)
    }
    read = set(sections) & attributes
    while True:
        more = {inner for name in read for inner in sections[name]} - read
        if not more:
            break
        read |= more
    assert set(sections) - read == set(), "lists no code reads"


def test_the_vocabulary_is_loaded_once_and_never_changes() -> None:
    assert load_vocabulary() == VOCABULARY
    assert Words.load().vocabulary == VOCABULARY
    for f in dataclasses.fields(VOCABULARY):
        assert isinstance(getattr(VOCABULARY, f.name), (frozenset, MappingProxyType)), f.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        VOCABULARY.hedges = frozenset()  # type: ignore[misc]
    with pytest.raises(TypeError):
        VOCABULARY.number_words["eleven"] = 12  # type: ignore[index]


def test_tables_keep_their_values_and_order() -> None:
    assert VOCABULARY.number_words["twelve"] == 12
    assert VOCABULARY.scales["million"] == 1_000_000
    assert VOCABULARY.qualifiers["over"] == "more than"
    assert list(VOCABULARY.qualifiers)[:3] == ["at least", "more than", "over"]


def test_verbs_of_saying_are_defined_once() -> None:
    """The lists about verbs of saying start from [saying], and every verb in them is an
    attribution cue (data/attribution_cues.txt), as the file's comments say."""
    v = VOCABULARY
    assert v.saying < v.saying_alone and v.saying < v.reported_speech
    cues = Words.load().cues
    speech = v.saying_alone | v.reported_speech | v.mandative_verbs
    assert speech <= set(cues), sorted(speech - set(cues))


def test_place_lists_are_related_as_the_file_says() -> None:
    assert VOCABULARY.locative_preps < VOCABULARY.place_preps
    assert VOCABULARY.admin_words < VOCABULARY.region_words


def _error(text: str) -> str:
    with pytest.raises(VocabularyError) as info:
        parse_vocabulary(text, "vocabulary.txt")
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stray\n[saying]\n# x\nsay\n", "line 1: 'stray' is in no list"),
        ("[saying]\n# x\nsay\n\n[no_such_list]\n# x\nword\n", "line 5: no list is named"),
        ("[saying]\n# x\nsay\n[saying]\n# x\ntell\n", "line 4: the list [saying] is given twice"),
        ("[saying]\nsay\n", "line 2: the list [saying] must open with a comment"),
        ("[saying]\n# x\nsay\nSay\n", "line 4: 'Say' is not in lower case"),
        ("[saying]\n# x\nsay \n", "line 3: stray space"),
        ("[saying]\n# x\nsay\nsay\n", "line 4: 'say' is already in [saying]"),
        ("[saying]\n# x\nsay\t1\n", "line 3: the words of [saying] take no value"),
        ("[scales]\n# x\nhundred\n", "line 3: 'hundred' has no value"),
        ("[scales]\n# x\nhundred\tmany\n", "line 3: 'many' is not a whole number"),
        ("[qualifiers]\n# x\nover\tMore Than\n", "line 3: 'More Than' is not in lower case"),
        ("[saying]\n# x\n@reported_speech\n", "line 3: '@reported_speech' names no list"),
        ("[scales]\n# x\nhundred\t100\n[qualifiers]\n# x\n@scales\n", "line 6: '@scales': only"),
        ("[saying]\n# x\n\n[hedges]\n# x\nreportedly\n", "line 1: the list [saying] has no words"),
    ],
)
def test_a_malformed_vocabulary_is_refused_with_its_line(text: str, message: str) -> None:
    assert f"vocabulary.txt {message}" in _error(text)


def test_a_vocabulary_missing_a_list_is_refused_with_its_name() -> None:
    shipped = read_text(VOCABULARY_FILE)
    start = shipped.index("[hedges]")
    end = shipped.index("[unnamed_sources]")
    assert "no list [hedges]" in _error(shipped[:start] + shipped[end:])
    assert parse_vocabulary(shipped) == VOCABULARY
