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
from eventwire.errors import StoreError
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
        done = iter(process_batch(raws, code=settings.events))
        for item in pending:
            yield next(done) if isinstance(item, RawDocument) else item
        pending.clear()

    for item in iter_documents(paths, settings):
        pending.append(item)
        if len(pending) >= PARSE_CHUNK:
            yield from drain()
    yield from drain()


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
