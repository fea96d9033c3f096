"""Ingestion: sources -> process -> store, in transactional batches.

``ingest(paths, store)`` is what ``eventwire ingest`` and ``eventwire demo`` run. It reads the
inputs as a stream, processes each document (a pure function), and writes batches of
``settings.batch_size`` in one transaction each. Bad inputs become error records; they never stop
the run. ``on_batch`` is called after each committed batch (for progress display).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from eventwire.config import Settings
from eventwire.dates import iso_date
from eventwire.errors import StoreError
from eventwire.extract import declared_date
from eventwire.model import DocumentResult, RawDocument, SourceError
from eventwire.pipeline import process_batch
from eventwire.sources import expand_paths, iter_documents
from eventwire.store import BatchOutcome, Store

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    run_id: str
    outcome: BatchOutcome = field(default_factory=BatchOutcome)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (input, reason, message)
    batches: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome.failed == 0


# Documents parsed together in one nlp.pipe call while reading.
PARSE_CHUNK = 32


def iter_results(
    paths: Iterable[str], settings: Settings
) -> Iterator[DocumentResult | SourceError]:
    """Process every document of ``paths``, in input order; source errors pass through."""
    pending: list[RawDocument | SourceError] = []

    def drain() -> Iterator[DocumentResult | SourceError]:
        raws = [p for p in pending if isinstance(p, RawDocument)]
        done = iter(process_batch(raws, code=settings.events, time_limit=settings.time_limit))
        for item in pending:
            if not isinstance(item, RawDocument):
                yield item
                continue
            result = next(done)
            yield result
            note = _note(item, result)
            if note is not None:
                yield note
        pending.clear()

    for item in iter_documents(paths, settings):
        pending.append(item)
        if len(pending) >= PARSE_CHUNK:
            yield from drain()
    yield from drain()


def _note(raw: RawDocument, result: DocumentResult) -> SourceError | None:
    """What reading noted about a document, and a date it gave that could not be read, as one
    notice after its result (the store keeps one record per input). A document that failed
    keeps its failure, with the notes added to its message."""
    notes = list(raw.notes) + list(result.notes)
    date = _date_note(raw, result)
    if date:
        notes.append(("bad_date", date))
    if not notes:
        return None
    message = "; ".join(message for _, message in notes)
    if result.error:
        result.error_message = f"{result.error_message or ''} (also: {message})"
        return None
    return SourceError(result.source, notes[0][0], message)


def _date_note(raw: RawDocument, result: DocumentResult) -> str | None:
    """A note when the input gave a date (its date field or front matter, a WARC or feed date,
    a page's meta tags) that could not be read, saying which date the document got instead."""
    given = raw.date if raw.date and raw.date.strip() else None
    if given is not None and iso_date(given) is not None:
        return None
    if given is None:
        if raw.html is None or raw.html_fragment or result.published or result.error:
            return None
        given = declared_date(raw.html)
        if given is None or iso_date(given) is not None:
            return None
        where = "the page's date"
    else:
        where = "the date"
    if result.published:
        return (
            f"{where} {given!r} could not be read; the page's own date {result.published} was used"
        )
    return f"{where} {given!r} could not be read; the document has no date"


def ingest(
    paths: list[str],
    store: Store,
    settings: Settings | None = None,
    on_batch: Callable[[IngestReport, int], None] | None = None,
) -> IngestReport:
    """Read, process and store every document in ``paths``; report what went in and what failed."""
    settings = settings or Settings()
    expand_paths(paths)  # fail early, before a run is recorded, on a path that does not exist
    report = IngestReport(run_id=store.begin_run(paths))
    results: list[DocumentResult] = []
    errors: list[SourceError] = []

    def flush() -> None:
        if not results and not errors:
            return
        outcome = store.write_batch(results, errors, report.run_id)
        report.outcome.add(outcome)
        report.batches += 1
        for r in results:
            if r.error:
                report.failures.append((r.source.label(), r.error, r.error_message or ""))
        for e in errors:
            report.failures.append((e.source.label(), e.reason, e.message))
        done = len(results) + len(errors)
        log.info("committed batch %d (%d inputs)", report.batches, done)
        results.clear()
        errors.clear()
        if on_batch:
            on_batch(report, done)

    try:
        for item in iter_results(paths, settings):
            (errors if isinstance(item, SourceError) else results).append(item)
            if len(results) + len(errors) >= settings.batch_size:
                flush()
        flush()
    except BaseException:
        try:
            store.finish_run(report.run_id, report.outcome, status="interrupted")
        except StoreError as exc:
            # The store cannot be written (a full disk): the error to report is the one that
            # stopped the run; the run stays 'running' until the next writer marks it.
            log.info("%s", exc)
        raise
    store.finish_run(report.run_id, report.outcome)
    return report
