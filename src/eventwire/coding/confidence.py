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
  demands, criticism, threats; ``protest``: root 14) and its modality (``not_factual``);
- the kind of text: a source who is a person (``person_source``: campaign and opinion news
  speaks through people), a brief or event note of three sentences or fewer
  (``short_document``), a sentence about elections and campaigns (``campaign``), violence by
  no one named (``violent_unnamed``: what wire reports of attacks look like).

Two models share these features, one for briefs and event notes, one for articles
(:class:`ConfidenceModel`). Their weights live in ``data/confidence.json`` with where they come
from: fitted by ``eval/fit_confidence.py``, the article model on events judged blind in the
development half of the audit pools, the brief model on ACLED development notes
(docs/coding.md). The product shows events at or above :data:`DEFAULT_MIN_CONFIDENCE`; the store
keeps every event.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from spacy.tokens import Token

from eventwire.coding.lexicon import Entry
from eventwire.coding.spans import inside_quotation, kids, sentences
from eventwire.data import load_json
from eventwire.model import Actor, Event

CONFIDENCE_FILE = "confidence.json"
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
VERBAL_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
PROTEST_ROOT = "14"
# Documents of this many sentences or fewer are briefs and event notes, not articles.
SHORT_DOCUMENT = 5
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
    person_source: float
    short_document: float
    campaign: float
    violent_unnamed: float
    protest: float
    # Named indicators, present or absent (``lexical_features``): the trigger's word and
    # code, its grammatical role, the actors' sectors; a model weighs those it has seen
    lexical: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, float]:
        out = {name: getattr(self, name) for name in FEATURES}
        out.update(dict.fromkeys(self.lexical, 1.0))
        return out


FEATURES = tuple(f.name for f in fields(Features) if f.name != "lexical")


@dataclass(frozen=True)
class Logistic:
    """One logistic model: an intercept and one weight per feature of :data:`FEATURES`."""

    intercept: float
    weights: Mapping[str, float]
    lexical: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Logistic:
        given = data["weights"]
        assert isinstance(given, Mapping)
        weights = {name: float(given.get(name, 0.0)) for name in FEATURES}
        lexical = data.get("lexical") or {}
        assert isinstance(lexical, Mapping)
        return cls(
            float(data["intercept"]),  # type: ignore[arg-type]
            weights,
            {str(k): float(v) for k, v in lexical.items()},
        )

    def score(self, features: Features) -> float:
        z = self.intercept + sum(self.weights[n] * getattr(features, n) for n in FEATURES)
        z += sum(self.lexical.get(k, 0.0) for k in features.lexical)
        return round(1.0 / (1.0 + math.exp(-z)), 3)


@dataclass(frozen=True)
class ConfidenceModel:
    """Two logistic models, one for each kind of text: ``brief`` for event notes and briefs
    (documents of :data:`SHORT_DOCUMENT` sentences or fewer, which report events plainly, as
    ACLED's notes do) and ``article`` for news articles (whose words of force and support are
    often figures of speech); and the product's default threshold."""

    brief: Logistic
    article: Logistic
    threshold: float

    @classmethod
    def load(cls) -> ConfidenceModel:
        data = load_json(CONFIDENCE_FILE)
        models = data["models"]
        return cls(
            Logistic.from_dict(models["brief"]),
            Logistic.from_dict(models["article"]),
            float(data["threshold"]),
        )

    def score(self, features: Features) -> float:
        model = self.brief if features.short_document else self.article
        return model.score(features)


def political_actor(actor: Actor) -> bool:
    """An actor of public affairs: a state, its government, forces, courts, legislators, a
    party or opposition, an armed group, an international organisation."""
    code = actor.code or ""
    return bool(code) and (
        actor.sector in POLITICAL_SECTORS or code.startswith(("IGO", "NGO", "IMG"))
    )


def _political(event: Event) -> bool:
    return any(political_actor(a) for a in event.source)


def _person(actor: Actor, tok: Token) -> bool:
    """A person: one the knowledge base knows, or a name the parser calls a person."""
    if (actor.kb_id or "").startswith("person/"):
        return True
    span = tok.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "PERSON" for t in span)


def features_of(
    event: Event, tok: Token, entry: Entry, relevance: float, in_campaign: bool
) -> Features:
    """The evidence of an event; ``in_campaign``: whether its sentence speaks of elections and
    campaigns (a word of ``[campaign_words]``)."""
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
        person_source=float(any(_person(a, tok) for a in event.source)),
        short_document=float(len(sentences(tok.doc)) <= SHORT_DOCUMENT),
        campaign=float(in_campaign),
        violent_unnamed=float(root in VIOLENT_ROOTS and not any(a.code for a in event.source)),
        protest=float(root == PROTEST_ROOT),
        lexical=lexical_features(event, tok, entry),
    )


def _sector(actors: list[Actor]) -> str:
    for a in actors:
        if a.code:
            return a.sector or ("ORG" if len(a.code) > 3 and not a.country else "STATE")
    return "text" if actors else "none"


def lexical_features(event: Event, tok: Token, entry: Entry) -> tuple[str, ...]:
    """The named indicators of an event: ``root:`` its CAMEO root, ``code:`` its code,
    ``word:`` the trigger's lemma with its kind (V, N, A), ``word_root:`` both, ``dep:`` the
    trigger's grammatical role, ``head:`` the word it depends on when that is a verb,
    ``source:`` and ``target:`` the first coded actor's sector (``STATE`` a bare country,
    ``text`` an actor with no code, ``none`` no actor), ``mode:`` the modality, ``tag:`` the
    trigger's part-of-speech tag (a plural noun, a gerund), ``after:`` the preposition it
    follows, ``det:`` a noun trigger's determiner or possessor, ``subject:`` and ``object:``
    the words of its subject and its direct object."""
    root = event.cameo[:2]
    word = f"{entry.kind}:{tok.lemma_.lower()}"
    out = [
        f"root:{root}",
        f"code:{event.cameo}",
        f"word:{word}",
        f"word_root:{word}:{root}",
        f"dep:{tok.dep_}",
        f"tag:{tok.tag_}",
        f"source:{_sector(event.source)}",
        f"target:{_sector(event.target)}",
        f"mode:{event.modality}",
    ]
    if tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        out.append(f"head:{tok.head.lemma_.lower()}")
    if tok.dep_ == "pobj":
        out.append(f"after:{tok.head.lower_}")
    for child in kids(tok):
        if child.dep_ in ("det", "poss") and entry.kind == "N":
            out.append(f"det:{child.lower_}")
        elif child.dep_ in ("nsubj", "nsubjpass"):
            out.append(f"subject:{child.lemma_.lower()}")
        elif child.dep_ == "dobj":
            out.append(f"object:{child.lemma_.lower()}")
    return tuple(out)
