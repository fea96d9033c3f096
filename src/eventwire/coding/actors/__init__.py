"""Actors: noun phrases resolved to CAMEO-style codes.

- :mod:`.phrases`: noun-phrase syntax (which words a phrase has; no knowledge needed);
- :mod:`.roles`: role words and sectors, implied states, appositions, gender;
- :mod:`.compose`: actors made from a phrase's names and role, their confidence;
- :mod:`.resolver`: one document's phrases resolved in reading order, with its memory of
  people, subjects and pronouns.
"""

from eventwire.coding.actors.compose import assess, phrase_actor, place_countries
from eventwire.coding.actors.phrases import noun_phrase
from eventwire.coding.actors.resolver import ActorResolver

__all__ = ["ActorResolver", "assess", "noun_phrase", "phrase_actor", "place_countries"]
