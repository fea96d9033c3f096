"""Processing documents: ``process(raw) -> DocumentResult``, a pure function.

Stages: ``prepare`` (extraction and cleaning) then ``annotate`` (the parse and what is coded
from it). ``process_batch`` runs the same stages for many documents with one batched parse.

No I/O and no global state beyond loaded data: the same function runs in-process, in a process
pool or on Dask workers and gives the same result everywhere. Every failure becomes the result's
``error`` (a reason code of ``errors.REASONS``) instead of an exception.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import replace
from urllib.parse import urlsplit

from spacy.tokens import Doc

from eventwire.clean import clean, same_headline
from eventwire.coding.events import code_document
from eventwire.coding.knowledge import DEFAULT
from eventwire.coding.relevance import relevance_of
from eventwire.config import DEFAULT_TIME_LIMIT
from eventwire.dates import iso_date
from eventwire.errors import TimeLimitExceeded
from eventwire.extract import Extracted, extract_page, fragment_text
from eventwire.language import ENGLISH
from eventwire.model import DocumentResult, RawDocument, document_id, stable_id
from eventwire.nlp import PARSE_STARTED, TimedOut, parse, parse_many

log = logging.getLogger(__name__)

# HTML whose extracted text is shorter than this is an index page, a stub or furniture: the
# shortest real news item (a one-sentence brief) is longer.
MIN_PAGE_CHARS = 40

# How far into the body a page's headline may stand (after kickers, section names, bylines).
HEAD_LINES = 5


def compose_raw_text(title: str | None, body: str) -> str:
    """The raw text cleaning sees: the body, headed by the title when the body lacks it."""
    body = body.strip("\n")
    if not title or not title.strip():
        return body
    head = [line for line in body.split("\n") if line.strip()][:HEAD_LINES]
    if any(same_headline(title, line) for line in head):
        return body
    return f"{title.strip()}\n\n{body}"


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _failed(raw: RawDocument, reason: str, message: str) -> DocumentResult:
    return DocumentResult(
        doc_id=stable_id("error", raw.source.label()),
        source=raw.source,
        id=raw.id,
        url=raw.url,
        outlet=raw.outlet,
        published=iso_date(raw.date),
        title=raw.title,
        encoding=raw.encoding,
        error=reason,
        error_message=message,
    )


# Lone surrogates (from a "\\ud800" escape or a careless decoder) are no text: no encoder, the
# parser's included, takes them.
_SURROGATES = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("text", "html", "id", "url", "outlet", "date", "title")


def _without_surrogates(raw: RawDocument) -> RawDocument:
    """The document with any lone surrogate in its text or metadata replaced by U+FFFD."""
    changed = {
        name: _SURROGATES.sub("\ufffd", value)
        for name in _TEXT_FIELDS
        if isinstance(value := getattr(raw, name), str) and _SURROGATES.search(value)
    }
    return replace(raw, **changed) if changed else raw


def prepare(raw: RawDocument) -> DocumentResult:
    """Extraction and cleaning: a DocumentResult with its text, before any language analysis."""
    try:
        return _process(_without_surrogates(raw))
    except Exception as exc:  # a bug must not stop the batch: record it with the input
        log.info("processing failed for %s", raw.source.label(), exc_info=True)
        return _failed(raw, "internal", f"{type(exc).__name__}: {exc}")


def annotate(
    result: DocumentResult, doc: Doc | TimedOut, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> DocumentResult:
    """Add what the parse yields (events) to a prepared result. Coding that runs past
    ``time_limit`` seconds (None: no limit) leaves the result with the ``time_limit`` error; so
    does a long document whose parse (``TimedOut``), or parse and coding, ran past it."""
    if isinstance(doc, TimedOut):
        result.error = "time_limit"
        result.error_message = (
            f"parsing stopped after {doc.seconds:.1f} s (the time limit per document is "
            f"{time_limit:g} s), {doc.parsed} of its {doc.pieces} pieces parsed; raise "
            "--time-limit, or split the document"
        )
        result.events, result.quotes = [], []
        return result
    started = doc.user_data.get(PARSE_STARTED) or time.monotonic()
    deadline = started + time_limit if time_limit is not None else None
    try:
        relevance = relevance_of(doc, DEFAULT.get().words.topics)
        result.relevance = relevance.document
        result.events, result.quotes = code_document(
            doc,
            result.doc_id,
            date=result.published,
            outlet=result.outlet,
            deadline=deadline,
            relevance=relevance,
        )
    except TimeLimitExceeded as exc:
        result.error = "time_limit"
        result.error_message = (
            f"coding stopped after {time_limit:g} s (the time limit per document), while {exc}; "
            "raise --time-limit, or split the document"
        )
        result.events, result.quotes = [], []
    except Exception as exc:
        log.info("coding failed for %s", result.source.label(), exc_info=True)
        result.error, result.error_message = "internal", f"{type(exc).__name__}: {exc}"
        result.events, result.quotes = [], []
    return result


def process(raw: RawDocument, time_limit: float | None = DEFAULT_TIME_LIMIT) -> DocumentResult:
    """Turn one RawDocument into its DocumentResult: cleaned text, metadata, events."""
    return process_batch([raw], time_limit=time_limit)[0]


def process_batch(
    raws: list[RawDocument], code: bool = True, time_limit: float | None = DEFAULT_TIME_LIMIT
) -> list[DocumentResult]:
    """``process`` for many documents, parsing them together (``nlp.pipe``); same results.
    With ``code=False`` only extraction and cleaning run (events can be coded later)."""
    results = [prepare(raw) for raw in raws]
    return annotate_batch(results, time_limit) if code else results


def annotate_batch(
    results: list[DocumentResult], time_limit: float | None = DEFAULT_TIME_LIMIT
) -> list[DocumentResult]:
    """``annotate`` every result without an error, parsing them together. Should the parser
    fail, the documents from there on are parsed one by one, and one that fails alone gets an
    ``internal`` error: the others keep their events."""
    ok = [r for r in results if not r.error and _english(r)]
    done = 0
    try:
        texts = (r.text for r in ok)
        for result, doc in zip(ok, parse_many(texts, time_limit=time_limit), strict=True):
            annotate(result, doc, time_limit)
            done += 1
    except Exception:
        log.info("a batch parse failed; parsing its documents one by one", exc_info=True)
        for result in ok[done:]:
            try:
                doc = parse(result.text)
            except Exception as exc:
                result.error = "internal"
                result.error_message = f"the parser failed: {type(exc).__name__}: {exc}"
                continue
            annotate(result, doc, time_limit)
    return results


def _english(result: DocumentResult) -> bool:
    """Whether the English rules may code the document; one surely in another language is
    kept with its language and a ``not_english`` note, and not coded."""
    guess = DEFAULT.get().language.guess(result.text)
    if guess.english:
        result.language = guess.language if guess.language == ENGLISH else None
        return True
    result.language = guess.language
    result.notes.append(
        (
            "not_english",
            f"the text is in another language ({guess.language}, probability "
            f"{guess.probability:.2f}); it was stored but not coded, as the coding rules read "
            "English",
        )
    )
    return False


def _process(raw: RawDocument) -> DocumentResult:
    meta = Extracted(text="")
    if raw.html is not None:
        if raw.html_fragment:
            meta.text = fragment_text(raw.html)
        else:
            meta = extract_page(raw.html, raw.url) or meta
        if len(meta.text.strip()) < MIN_PAGE_CHARS:
            return _failed(
                raw,
                "no_content",
                f"the page has {len(meta.text.strip())} characters of article text "
                "(navigation, an index page or a stub)",
            )
    else:
        meta.text = raw.text or ""
    if not meta.text.strip():
        return _failed(raw, "empty", "the document holds no text")

    raw_text = compose_raw_text(raw.title or meta.title, meta.text)
    cleaned = clean(raw_text, title=raw.title or meta.title, description=meta.description)
    if not cleaned.text:
        return _failed(raw, "empty", "nothing is left after removing page debris")
    url = raw.url or meta.url
    return DocumentResult(
        doc_id=document_id(url, cleaned.text),
        source=raw.source,
        id=raw.id,
        url=url,
        outlet=raw.outlet or meta.sitename or _outlet_from_url(url),
        published=iso_date(raw.date) or iso_date(meta.date),
        title=cleaned.title,
        dek=cleaned.dek,
        text=cleaned.text,
        raw_text=raw_text,
        encoding=raw.encoding,
        removed=cleaned.removed,
        segments=cleaned.segments,
    )
