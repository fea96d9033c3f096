"""Whether a text is about public affairs: a document's and a sentence's political relevance.

eventwire codes political and social events; a Formula 1 crash, a film premiere or a rocket
launch is none, whatever verbs it uses. The relevance of a text is the share of its topic words
that belong to public affairs (``data/topics.txt``: government, conflict, protest, diplomacy,
justice, policy) rather than to the topics eventwire does not code (sports, entertainment,
science and space, business and products, weather and disasters), smoothed toward one half:

    relevance = (public + 1) / (public + other + 2)

A sentence's relevance starts from its document's (the document counts as ``DOCUMENT_WEIGHT``
words of evidence), so that "the team won" in a story about a coup stays political enough and
"the minister attended the match" in a sports story does not become a sports sentence. The
score feeds the events' confidence (:mod:`eventwire.coding.confidence`); it decides nothing on
its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from eventwire.coding.spans import sentences, tokens_of
from eventwire.data import read_text

TOPICS_FILE = "topics.txt"
PUBLIC = "public"
# The parts of speech whose words say what a text is about.
TOPIC_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
# How many words of evidence a sentence's document weighs in its relevance.
DOCUMENT_WEIGHT = 4.0


def load_topics(text: str | None = None) -> dict[str, frozenset[str]]:
    """Topic -> its lemmas, from ``data/topics.txt`` (or the text given): ``[topic]`` headings,
    one lemma a line, ``#`` comments."""
    topics: dict[str, set[str]] = {}
    current: set[str] | None = None
    for number, line in enumerate((text or read_text(TOPICS_FILE)).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = topics.setdefault(line[1:-1].strip(), set())
        elif current is None:
            raise ValueError(f"{TOPICS_FILE}, line {number}: a word before any [topic] heading")
        else:
            current.add(line.lower())
    if PUBLIC not in topics:
        raise ValueError(f"{TOPICS_FILE} has no [{PUBLIC}] list")
    return {name: frozenset(words) for name, words in topics.items()}


@dataclass(frozen=True, slots=True)
class TopicCount:
    public: int
    other: int
    commonest_other: str | None = None  # the non-public topic with most words, if any

    def score(self, prior: float = 0.5, weight: float = 2.0) -> float:
        """The smoothed share of public-affairs words, ``prior`` weighing ``weight`` words."""
        return (self.public + prior * weight) / (self.public + self.other + weight)


def count_topics(lemmas: Iterable[str], topics: Mapping[str, frozenset[str]]) -> TopicCount:
    """How many of the lemmas are public-affairs words and how many are of other topics (a
    lemma in both counts for public affairs)."""
    public, other = 0, 0
    by_topic: dict[str, int] = {}
    public_words = topics[PUBLIC]
    for lemma in lemmas:
        if lemma in public_words:
            public += 1
            continue
        for name, words in topics.items():
            if name != PUBLIC and lemma in words:
                other += 1
                by_topic[name] = by_topic.get(name, 0) + 1
                break
    commonest = max(by_topic, key=lambda k: (by_topic[k], k)) if by_topic else None
    return TopicCount(public, other, commonest)


def _lemmas(tokens: Iterable) -> list[str]:
    return [t.lemma_.lower() for t in tokens if t.pos_ in TOPIC_POS]


@dataclass(frozen=True, slots=True)
class DocRelevance:
    """A document's relevance and each of its sentences', by sentence start token."""

    document: float
    topic: str | None  # the commonest other topic, when the document is not political
    by_sentence: Mapping[int, float]

    def of(self, sent: Span) -> float:
        return self.by_sentence.get(sent.start, self.document)


def relevance_of(doc: Doc, topics: Mapping[str, frozenset[str]]) -> DocRelevance:
    """The political relevance of the document and of each of its sentences."""
    counts = {sent.start: count_topics(_lemmas(tokens_of(sent)), topics) for sent in sentences(doc)}
    whole = TopicCount(
        sum(c.public for c in counts.values()), sum(c.other for c in counts.values())
    )
    document = whole.score()
    topic = None
    if document < 0.5:
        others = count_topics(_lemmas(doc), topics)
        topic = others.commonest_other
    by_sentence = {
        start: round(c.score(prior=document, weight=DOCUMENT_WEIGHT), 3)
        for start, c in counts.items()
    }
    return DocRelevance(round(document, 3), topic, by_sentence)
