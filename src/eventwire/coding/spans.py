"""What coding remembers of one parsed document, on one object (:class:`DocMemo`), and the
helpers that read it: the text, the sentences, each sentence's tokens and entities, each token's
children and conjuncts (all of which spaCy rebuilds on every access), and the results of phrase
analyses asked for many times (noun phrases, names, the document's countries, evidence).

The memo lives with the document (``doc.user_data`` under one key) and goes with it; nothing of
a document is remembered anywhere else."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token

MEMO_KEY = "eventwire"


@dataclass
class DocMemo:
    """Everything coding remembers of one document, each field filled when first needed."""

    text: str | None = None
    sents: list[Span] | None = None
    tokens: dict[int, list[Token]] = field(default_factory=dict)  # by sentence start
    ents: dict[int, list[Span]] | None = None  # by sentence start
    kids: list[Any] | None = None  # by token: children, or their positions until asked for
    conjuncts: dict[int, tuple[Token, ...]] = field(default_factory=dict)
    noun_phrases: dict[int, tuple[list[Token], int | None]] = field(default_factory=dict)
    names: dict[tuple[int, ...], list[Any]] = field(default_factory=dict)  # by token positions
    countries: dict[int, list[str]] | None = None  # countries named, by sentence start
    country_total: dict[str, int] | None = None  # countries named in the whole document
    evidence: dict[int, dict[str, object]] = field(default_factory=dict)  # by sentence start
    breaks: list[int] | None = None  # where each blank line ("\n\n") starts, in order
    quotes: tuple[list[int], list[bool]] | None = None  # quotation marks: where, inside after


def memo_of(doc: Doc) -> DocMemo:
    """The document's memo (made on first use)."""
    memo = doc.user_data.get(MEMO_KEY)
    if memo is None:
        memo = doc.user_data[MEMO_KEY] = DocMemo()
    return memo


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a document was parsed from as its text (the tokenizer loses no character,
    so ``doc.text`` would rebuild the same string, token by token)."""
    memo_of(doc).text = text


def doc_text(doc: Doc) -> str:
    """The document's text, built once (spaCy joins the tokens anew on every ``doc.text``)."""
    memo = doc.user_data.get(MEMO_KEY) or memo_of(doc)
    text = memo.text
    if text is None:
        text = memo.text = doc.text
    return text


def sentence_text(sent: Span) -> str:
    """A sentence's text, cut from the document's."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, listed once (spaCy rebuilds them on every ``doc.sents``)."""
    memo = memo_of(doc)
    sents = memo.sents
    if sents is None:
        sents = memo.sents = list(doc.sents)
    return sents


def tokens_of(sent: Span) -> list[Token]:
    """A sentence's tokens, listed once per document (iterating a span makes new tokens)."""
    doc = sent.doc
    memo = (doc.user_data.get(MEMO_KEY) or memo_of(doc)).tokens
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = list(sent)
    return found


def entities_of(sent: Span) -> list[Span]:
    """A sentence's named entities (``sent.ents`` scans the whole document's on every call)."""
    memo = memo_of(sent.doc)
    by_sentence = memo.ents
    if by_sentence is None:
        by_sentence = memo.ents = {}
        sents = sentences(sent.doc)
        starts = [s.start for s in sents]
        for ent in sent.doc.ents:
            home = sents[bisect_right(starts, ent.start) - 1]
            if ent.end <= home.end:  # an entity across a sentence break belongs to neither
                by_sentence.setdefault(home.start, []).append(ent)
    return by_sentence.get(sent.start, [])


def kids(tok: Token) -> list[Token]:
    """A token's syntactic children in text order, as ``tok.children`` gives them. spaCy finds
    them by scanning the token's subtree on every access; coding asks for the children of the
    same verbs and nouns many times, so their positions are listed once per document, from the
    head array, and a token's children made when first asked for (in place of its positions)."""
    doc = tok.doc
    memo = doc.user_data.get(MEMO_KEY) or memo_of(doc)  # (inlined: the hottest call of coding)
    made = memo.kids
    if made is None:
        made = memo.kids = _child_positions(doc)
    i = tok.i
    found = made[i]
    if found.__class__ is tuple:
        found = made[i] = [doc[j] for j in found]
    return found


def _child_positions(doc: Doc) -> list[list[Token] | tuple[int, ...]]:
    positions: list[list[int]] = [[] for _ in range(len(doc))]
    for j, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
        if offset:
            positions[j + offset].append(j)
    return [tuple(p) for p in positions]


def conjuncts(tok: Token) -> tuple[Token, ...]:
    """The token's coordinated words, as ``tok.conjuncts`` gives them (the first conjunct and
    the chain of "conj" dependents to its right, without the token itself), read from
    :func:`kids` and remembered per document: spaCy walks the tree anew on every access."""
    doc = tok.doc
    memo = (doc.user_data.get(MEMO_KEY) or memo_of(doc)).conjuncts
    found = memo.get(tok.i)
    if found is None:
        start = tok
        while start.dep_ == "conj" and start.head.i != start.i:
            start = start.head
        chain = [start]
        for word in chain:
            chain += [c for c in kids(word) if c.i > word.i and c.dep_ == "conj"]
        found = memo[tok.i] = tuple(w for w in chain if w.i != tok.i)
    return found


def paragraph_start(doc: Doc, offset: int) -> int:
    """Where the paragraph holding ``offset`` begins: just after the last blank line before it
    (``text.rfind("\n\n", 0, offset) + 1``, found by bisection in a list made once)."""
    memo = memo_of(doc)
    breaks = memo.breaks
    if breaks is None:
        text = doc_text(doc)
        breaks, at = [], text.find("\n\n")
        while at >= 0:
            breaks.append(at)
            at = text.find("\n\n", at + 1)
        memo.breaks = breaks
    k = bisect_right(breaks, offset - 2) - 1
    return breaks[k] + 1 if k >= 0 else 0


_MARKS = re.compile('[“”"]')


def inside_quotation(doc: Doc, offset: int) -> bool:
    """Whether ``offset`` stands inside quotation marks opened earlier in its paragraph. The
    marks are read in order: “ opens, ” closes, a straight mark does whichever is due, so that
    mixed marks (“...") close and a closing mark ending a quotation carried over from an earlier
    paragraph ("... give up,” he said) leaves what follows outside. Read once per document."""
    memo = memo_of(doc)
    if memo.quotes is None:
        positions: list[int] = []
        states: list[bool] = []
        inside, para = False, -1
        for m in _MARKS.finditer(doc_text(doc)):
            here = paragraph_start(doc, m.start())
            if here != para:
                inside, para = False, here
            ch = m.group()
            inside = True if ch == "“" else False if ch == "”" else not inside
            positions.append(m.start())
            states.append(inside)
        memo.quotes = (positions, states)
    positions, states = memo.quotes
    k = bisect_right(positions, offset - 1) - 1
    return k >= 0 and positions[k] >= paragraph_start(doc, offset) and states[k]
