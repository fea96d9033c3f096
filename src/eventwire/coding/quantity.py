"""Quantities: the number an event counts (10,000 troops, 6 civilians killed)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.coding.spans import kids

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
    "a dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
QUALIFIERS = {
    "at least": "at least",
    "more than": "more than",
    "over": "more than",
    "about": "about",
    "around": "about",
    "some": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "up to": "up to",
    "approximately": "about",
    "roughly": "about",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "at most": "at most",
    "estimated": "about",
    "an estimated": "about",
}


def _value(tokens: list[Token]) -> int | None:
    total = None
    for tok in tokens:
        text = tok.lower_.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", text):
            total = float(text) if total is None else total * float(text)
        elif text in SCALES and total is not None:
            total *= SCALES[text]
        elif text in NUMBER_WORDS:
            total = NUMBER_WORDS[text] if total is None else total * NUMBER_WORDS[text]
    return int(total) if total is not None else None


# "thousands of people": at least the smallest number the plural can mean.
PLURAL_COUNTS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
}
# "tens of thousands", "hundreds of thousands": a multiplier of the plural that follows.
MULTIPLIERS = {"tens": 10, "hundreds": 100}


def _of_object(noun: Token) -> Token | None:
    for prep in kids(noun):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in kids(prep):
                if obj.dep_ == "pobj":
                    return obj
    return None


def _plural_count(noun: Token) -> dict[str, object] | None:
    """'thousands of civilians', 'tens of thousands of Haitians': at least that many."""
    word = noun.lower_
    inner = _of_object(noun)
    if word in MULTIPLIERS and inner is not None and inner.lower_ in PLURAL_COUNTS:
        unit = _of_object(inner)
        value = MULTIPLIERS[word] * PLURAL_COUNTS[inner.lower_]
        return {
            "value": value,
            "unit": unit.lower_ if unit is not None else inner.lower_,
            "qualifier": "at least",
        }
    if word in PLURAL_COUNTS:
        return {
            "value": PLURAL_COUNTS[word],
            "unit": inner.lower_ if inner is not None else word,
            "qualifier": "at least",
        }
    return None


def quantity_of(noun: Token) -> dict[str, object] | None:
    """The number counting ``noun`` ("at least 10,000 soldiers"), as value, unit and qualifier."""
    plural = _plural_count(noun)
    if plural:
        return plural
    nums = [
        c
        for c in kids(noun)
        if c.dep_ == "nummod" or (c.like_num and c.i < noun.i and c.dep_ in ("amod", "compound"))
    ]
    if not nums:
        return None
    num = nums[0]
    parts = sorted(
        [num, *[c for c in kids(num) if c.dep_ in ("compound", "nummod") and c.like_num]],
        key=lambda t: t.i,
    )
    value = _value(parts)
    if value is None:
        return None
    mods = [c for c in num.subtree if c.dep_ in ("advmod", "quantmod", "amod") and not c.like_num]
    mod_text = " ".join(t.lower_ for t in sorted(mods, key=lambda t: t.i))
    qualifier = None
    for phrase, name in QUALIFIERS.items():
        if phrase in mod_text.split(" ") or mod_text == phrase or mod_text.endswith(phrase):
            qualifier = name
            break
    return {"value": value, "unit": noun.lower_, "qualifier": qualifier}
