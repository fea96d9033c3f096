"""How likely a coded event is right: ``Event.confidence``, in [0, 1].

A logistic model over evidence a reader can check on the event itself:

- ``relevance``: how much the sentence (with its document) is about public affairs
  (:mod:`eventwire.coding.relevance`);
- how the trigger matched: a noun (``nominal``), an adjective, a pattern with required objects,
  particles or modifiers (``constrained``), a word standing in a clause that describes something
  else (``subordinate``: relative and adverbial clauses, modifiers, prepositional objects), a
  word inside a quotation (``quoted``);
- whether the actors resolved: a political source (a state, its government, forces, courts,
  legislators, an organisation, an armed or opposition group), no coded source at all, a coded
  target;
- the kind of event (``violent``: CAMEO roots 18–20; ``verbal``: statements, appeals,
  demands, criticism, threats) and its modality (``not_factual``).

The weights live in ``data/confidence.json`` with where they come from: fitted by
``tools/fit_confidence.py`` on events judged blind in the development half of the audit pools
(docs/coding.md). The product shows events at or above :data:`DEFAULT_MIN_CONFIDENCE`; the store
keeps every event.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields

from spacy.tokens import Token

from eventwire.coding.lexicon import Entry
from eventwire.coding.spans import inside_quotation
from eventwire.data import load_json
from eventwire.model import Event

CONFIDENCE_FILE = "confidence.json"
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
# Sectors of actors that act in public affairs; a bare country (no sector) is a state.
POLITICAL_SECTORS = frozenset(
    {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "REB", "OPP", "PTY", "INS", "IMG"}
)
SUBORDINATE_DEPS = frozenset({"relcl", "acl", "advcl", "amod", "compound", "pobj", "pcomp"})


@dataclass(frozen=True, slots=True)
class Features:
    """The evidence of one event, each a number in [0, 1] (the module's docstring)."""

    relevance: float
    nominal: float
    adjective: float
    constrained: float
    subordinate: float
    quoted: float
    source_political: float
    source_missing: float
    target_coded: float
    violent: float
    verbal: float
    not_factual: float

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


FEATURES = tuple(f.name for f in fields(Features))


@dataclass(frozen=True)
class ConfidenceModel:
    """The logistic model's intercept and one weight per feature of :data:`FEATURES`."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float  # the product's default threshold (data/confidence.json)

    @classmethod
    def load(cls) -> ConfidenceModel:
        data = load_json(CONFIDENCE_FILE)
        weights = {name: float(data["weights"].get(name, 0.0)) for name in FEATURES}
        return cls(float(data["intercept"]), weights, float(data["threshold"]))

    def score(self, features: Features) -> float:
        z = self.intercept + sum(self.weights[n] * getattr(features, n) for n in FEATURES)
        return round(1.0 / (1.0 + math.exp(-z)), 3)


def _political(event: Event) -> bool:
    return any(
        a.code and (a.sector in POLITICAL_SECTORS or a.code.startswith(("IGO", "NGO", "IMG")))
        for a in event.source
    )


def features_of(event: Event, tok: Token, entry: Entry, relevance: float) -> Features:
    """The evidence of an event."""
    root = event.cameo[:2]
    return Features(
        relevance=relevance,
        nominal=float(entry.kind == "N"),
        adjective=float(entry.kind == "A"),
        constrained=float(bool(entry.objects or entry.particles or entry.modifiers)),
        subordinate=float(tok.dep_ in SUBORDINATE_DEPS),
        quoted=float(inside_quotation(tok.doc, tok.idx)),
        source_political=float(_political(event)),
        source_missing=float(not any(a.code for a in event.source)),
        target_coded=float(any(a.code for a in event.target)),
        violent=float(root in VIOLENT_ROOTS),
        verbal=float(root in VERBAL_ROOTS),
        not_factual=float(event.modality not in ("factual", "future")),
    )
