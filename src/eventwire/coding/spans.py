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
    head array, and a token's children made when first asked for."""
    index = tok.doc.user_data.get("eventwire_kids")
    if index is None:
        doc = tok.doc
        positions: list[list[int]] = [[] for _ in range(len(doc))]
        for j, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            if offset:
                positions[j + offset].append(j)
        index = doc.user_data["eventwire_kids"] = (positions, [None] * len(doc))
    positions, made = index
    found = made[tok.i]
    if found is None:
        doc = tok.doc
        found = made[tok.i] = [doc[j] for j in positions[tok.i]]
    return found
