"""The event-trigger lexicon: data/event_lexicon.txt, parsed once.

Each entry maps a trigger (a verb or noun lemma, with its particles, required objects and the
prepositions that bring its target or source) to a CAMEO code. The file's grammar:

    @CLASS = lemma | lemma | ...
    CODE  V|N|A LEMMA [PARTICLE ...] [[obj|obj|@CLASS]] [{mod|mod}] [>prep|prep] [<prep|prep]
          [!flag ...]

``@PLACENAME`` is a built-in class: any named place as the object ("strikes Gaza").
V is a verb trigger, N a noun, A an adjective ("pessimistic about", "ready to"). ``{...}``
requires a modifier (compound or adjective) of the trigger noun, or of the verb's object:
``N strike {hunger}``, ``V hold [exercise] {joint}``.

Matching happens in ``events.py`` over the dependency parse; here entries are only parsed,
validated and indexed by trigger lemma.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from eventwire.coding.ontology import Ontology
from eventwire.data import read_text

LEXICON_FILE = "event_lexicon.txt"
# speech: takes reported clauses; nosubj: an event even without actors; needprep: matches only
# when one of its prepositions is present ("gathered against", not "gathered"); armed: force
# that only those who bear arms use (said of a candidate, it is criticism: sense_rules.py);
# noobject: its sense is in a complement, and a direct object makes it another sense;
# partyobject: a direct object, if any, is someone ("met Putin", not "met the criteria");
# topicobject: the direct object is what is spoken of, never a party ("discussed Syria").
FLAGS = frozenset(
    {"speech", "nosubj", "needprep", "armed", "noobject", "partyobject", "topicobject"}
)
KINDS = ("V", "N", "A")

_CLASS_LINE = re.compile(r"^@([A-Z_]+)\s*=\s*(.+)$")
_ENTRY_LINE = re.compile(r"^(\d{2,4})\s+(.+)$")


class LexiconError(ValueError):
    """A line of the lexicon does not follow the grammar; the message names the line."""


@dataclass(frozen=True)
class Entry:
    code: str
    kind: str  # "V" or "N"
    lemma: str
    particles: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    line: int = 0

    @cached_property
    def specificity(self) -> int:
        """Longer, more constrained patterns win over general ones."""
        return (
            1
            + 3 * len(self.particles)
            + 3 * bool(self.objects)
            + 3 * bool(self.modifiers)
            + bool(self.target_preps)
        )


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    classes: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str], list[Entry]] = {}
        for entry in self.entries:
            self._index.setdefault((entry.kind, entry.lemma), []).append(entry)
        for group in self._index.values():
            group.sort(key=lambda e: -e.specificity)

    def candidates(self, kind: str, lemma: str) -> list[Entry]:
        """Entries for a trigger lemma, most specific first."""
        return self._index.get((kind, lemma), [])

    def codes(self) -> set[str]:
        return {e.code for e in self.entries}


def _alternatives(text: str, classes: dict[str, frozenset[str]], lineno: int) -> frozenset[str]:
    out: set[str] = set()
    for item in text.split("|"):
        item = item.strip().lower()
        if not item:
            continue
        if item.startswith("@"):
            name = item[1:].upper()
            if name not in classes:
                raise LexiconError(f"line {lineno}: word class @{name} is not defined above")
            out |= classes[name]
        else:
            out.add(item)
    return frozenset(out)


def parse_entry(code: str, pattern: str, classes: dict[str, frozenset[str]], lineno: int) -> Entry:
    """One pattern (the part after the code) to an Entry."""
    objects = modifiers = frozenset()
    m = re.search(r"\[([^\]]*)\]", pattern)
    if m:
        objects = _alternatives(m.group(1), classes, lineno)
        pattern = pattern[: m.start()] + " " + pattern[m.end() :]
    m = re.search(r"\{([^}]*)\}", pattern)
    if m:
        modifiers = _alternatives(m.group(1), classes, lineno)
        pattern = pattern[: m.start()] + " " + pattern[m.end() :]
    words = pattern.split()
    if len(words) < 2 or words[0] not in KINDS:
        raise LexiconError(
            f"line {lineno}: a pattern starts with V, N or A and a lemma: {pattern!r}"
        )
    kind, lemma = words[0], words[1].lower()
    particles, targets, sources, flags = [], frozenset(), frozenset(), set()
    for word in words[2:]:
        if word.startswith(">"):
            targets = _alternatives(word[1:], classes, lineno)
        elif word.startswith("<"):
            sources = _alternatives(word[1:], classes, lineno)
        elif word.startswith("!"):
            if word[1:] not in FLAGS:
                raise LexiconError(f"line {lineno}: unknown flag {word}; known: {sorted(FLAGS)}")
            flags.add(word[1:])
        else:
            particles.append(word.lower())
    return Entry(
        code=code,
        kind=kind,
        lemma=lemma,
        particles=tuple(particles),
        objects=objects,
        modifiers=modifiers,
        target_preps=targets,
        source_preps=sources,
        flags=frozenset(flags),
        line=lineno,
    )


# Built-in word class: any named place (a country, town or region) as the object.
PLACENAME = "<placename>"
BUILTIN_CLASSES = {"PLACENAME": frozenset({PLACENAME})}


def parse_lexicon(text: str, ontology: Ontology | None = None) -> Lexicon:
    """The lexicon a text spells; every code must be one of ``ontology``'s (the shipped CAMEO
    list when none is given)."""
    ontology = ontology or Ontology.load()
    classes: dict[str, frozenset[str]] = dict(BUILTIN_CLASSES)
    entries: list[Entry] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := _CLASS_LINE.match(line):
            classes[m.group(1)] = _alternatives(m.group(2), classes, lineno)
            continue
        m = _ENTRY_LINE.match(line)
        if not m:
            raise LexiconError(f"line {lineno}: not a class or an entry: {raw!r}")
        code = m.group(1)
        if not ontology.is_cameo(code):
            raise LexiconError(f"line {lineno}: {code} is not a CAMEO code")
        entries.append(parse_entry(code, m.group(2), classes, lineno))
    return Lexicon(entries, classes)


def shipped_lexicon(ontology: Ontology | None = None) -> Lexicon:
    """The shipped lexicon (data/event_lexicon.txt)."""
    return parse_lexicon(read_text(LEXICON_FILE), ontology)
