"""Quantities: the number an event counts (10,000 troops, 6 civilians killed)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwire.coding.spans import kids
from eventwire.coding.vocabulary import VOCABULARY


def _value(tokens: list[Token]) -> int | None:
    scales, numbers = VOCABULARY.scales, VOCABULARY.number_words
    total = None
    for tok in tokens:
        text = tok.lower_.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", text):
            total = float(text) if total is None else total * float(text)
        elif text in scales and total is not None:
            total *= scales[text]
        elif text in numbers:
            total = numbers[text] if total is None else total * numbers[text]
    return int(total) if total is not None else None


def _of_object(noun: Token) -> Token | None:
    for prep in kids(noun):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in kids(prep):
                if obj.dep_ == "pobj":
                    return obj
    return None


def _plural_count(noun: Token) -> dict[str, object] | None:
    """'thousands of civilians', 'tens of thousands of Haitians': at least that many."""
    counts, multipliers = VOCABULARY.plural_counts, VOCABULARY.multipliers
    word = noun.lower_
    inner = _of_object(noun)
    if word in multipliers and inner is not None and inner.lower_ in counts:
        unit = _of_object(inner)
        value = multipliers[word] * counts[inner.lower_]
        return {
            "value": value,
            "unit": unit.lower_ if unit is not None else inner.lower_,
            "qualifier": "at least",
        }
    if word in counts:
        return {
            "value": counts[word],
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
    for phrase, name in VOCABULARY.qualifiers.items():
        if phrase in mod_text.split(" ") or mod_text == phrase or mod_text.endswith(phrase):
            qualifier = name
            break
    return {"value": value, "unit": noun.lower_, "qualifier": qualifier}
