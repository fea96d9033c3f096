"""Per-document caches of what spaCy rebuilds on every access: the text, the sentences and
each sentence's tokens."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import HEAD
from spacy.tokens import Doc, Span, Token


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a document was parsed from as its text (the tokenizer loses no character,
    so ``doc.text`` would rebuild the same string, token by token)."""
    doc.user_data["eventwire_text"] = text


def doc_text(doc: Doc) -> str:
    """The document's text, built once (spaCy joins the tokens anew on every ``doc.text``)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def sentence_text(sent: Span) -> str:
    """A sentence's text, cut from the document's."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, listed once (spaCy rebuilds them on every ``doc.sents``)."""
    sents = doc.user_data.get("eventwire_sents")
    if sents is None:
        sents = doc.user_data["eventwire_sents"] = list(doc.sents)
    return sents


def tokens_of(sent: Span) -> list[Token]:
    """A sentence's tokens, listed once per document (iterating a span makes new tokens)."""
    user_data = sent.doc.user_data
    memo = user_data.get("eventwire_tokens")
    if memo is None:
        memo = user_data["eventwire_tokens"] = {}
    found = memo.get(sent.start)
    if found is None:
        found = memo[sent.start] = list(sent)
    return found


def entities_of(sent: Span) -> list[Span]:
    """A sentence's named entities (``sent.ents`` scans the whole document's on every call)."""
    by_sentence = sent.doc.user_data.get("eventwire_ents")
    if by_sentence is None:
        by_sentence = sent.doc.user_data["eventwire_ents"] = {}
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
    made = tok.doc.user_data.get("eventwire_kids")
    if made is None:
        made = tok.doc.user_data["eventwire_kids"] = _child_positions(tok.doc)
    i = tok.i
    found = made[i]
    if found.__class__ is tuple:
        doc = tok.doc
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
    memo = tok.doc.user_data.setdefault("eventwire_conjuncts", {})
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
