"""Parsed documents made by hand, without the parser: a test of a coding rule built on one fails
when the rule changes, not when the model parses its sentence differently.

    doc = table(
        "Russia attacked Ukraine.",
        '''
        Russia    russia  PROPN NNP nsubj 1 B-GPE
        attacked  attack  VERB  VBD ROOT  1
        Ukraine   ukraine PROPN NNP dobj  1 B-GPE
        .         .       PUNCT .   punct 1
        ''',
    )

Each row is a token: its word, lemma, coarse and fine part of speech, dependency, the index of
its head (counted from 0 in the document; the root is its own head) and, if it is in a named
entity, ``B-LABEL`` on the entity's first token and ``I-LABEL`` on the others.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

_VOCAB: list[Vocab] = []


def vocab() -> Vocab:
    """A blank English vocabulary (the shipped model's is not needed: no vectors are read)."""
    if not _VOCAB:
        _VOCAB.append(spacy.blank("en").vocab)
    return _VOCAB[0]


def make_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str],
    lemmas: list[str],
    ents: list[tuple[int, int, str]] = (),
    spaces: list[bool] | None = None,
) -> Doc:
    """A parsed Doc from its tokens' annotations; ``heads`` are absolute token indices and
    ``ents`` (start, end, label) token spans, the end excluded."""
    n = len(words)
    assert all(len(column) == n for column in (heads, deps, pos, tags, lemmas)), "uneven columns"
    iob = ["O"] * n
    for start, end, label in ents:
        iob[start] = "B-" + label
        for i in range(start + 1, end):
            iob[i] = "I-" + label
    return Doc(
        vocab(),
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=iob,
    )


def table(text: str, rows: str) -> Doc:
    """A parsed Doc of ``text`` from a table of its tokens (see the module's docstring). The
    words must follow one another in the text; what stands between them must be spaces."""
    cells = [line.split() for line in rows.strip().splitlines()]
    words = [c[0] for c in cells]
    spaces: list[bool] = []
    at = 0
    for k, word in enumerate(words):
        start = text.index(word, at)
        assert not text[at:start].strip(), f"{text[at:start]!r} is in no row before {word!r}"
        at = start + len(word)
        spaces.append(text[at : at + 1] == " ")
        if k + 1 == len(words):
            assert not text[at:].strip(), f"{text[at:]!r} is in no row"
    ents: list[tuple[int, int, str]] = []
    for i, c in enumerate(cells):
        tag = c[6] if len(c) > 6 else "O"
        if tag.startswith("B-"):
            ents.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-"):
            start, _, label = ents[-1]
            assert label == tag[2:] and ents[-1][1] == i, f"{tag} at {i} continues no entity"
            ents[-1] = (start, i + 1, label)
    doc = make_doc(
        words,
        heads=[int(c[5]) for c in cells],
        deps=[c[4] for c in cells],
        pos=[c[2] for c in cells],
        tags=[c[3] for c in cells],
        lemmas=[c[1] for c in cells],
        ents=ents,
        spaces=spaces,
    )
    assert doc.text == text, (doc.text, text)
    return doc


def rows_of(doc: Doc) -> str:
    """A Doc's tokens as rows for :func:`table` (to start a hand-made Doc from a parse, then
    check and keep its rows as they are)."""
    iob = [t.ent_iob_ + "-" + t.ent_type_ if t.ent_type_ else "" for t in doc]
    return "\n".join(
        f"{t.text} {t.lemma_} {t.pos_} {t.tag_} {t.dep_} {t.head.i} {tag}".rstrip()
        for t, tag in zip(doc, iob, strict=True)
    )
