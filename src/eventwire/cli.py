"""The ``eventwire`` command line: thin wrappers over the Python API.

Exit codes: 0 everything went in; 1 some inputs failed (the rest went in, a summary says which);
2 the command was called wrongly; 3 the store could not be opened or written; 4 a requested
record does not exist.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire import __version__, cli_actors, cli_events
from eventwire.cli_common import (
    BatchOption,
    DbOption,
    JsonOption,
    KindOption,
    MaxBytesOption,
    MinConfidenceOption,
    QuietOption,
    TimeLimitOption,
    confidence_threshold,
    err,
    out,
)
from eventwire.cli_common import open_store_for as _open
from eventwire.cli_common import print_json as _print_json
from eventwire.config import Settings, checked_date
from eventwire.errors import NOTICES, EventwireError, reason_hint
from eventwire.ingest import IngestReport, ingest, iter_results
from eventwire.model import SourceError
from eventwire.store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="eventwire: raw news pages to a clean, source-attributed record of political events.",
)


def _settings(
    kind: str | None,
    max_bytes: int,
    batch_size: int = Settings.batch_size,
    time_limit: float = Settings.time_limit,
) -> Settings:
    return Settings(max_bytes=max_bytes, batch_size=batch_size, kind=kind, time_limit=time_limit)


def _failure_table(failures: list[tuple[str, str, str]], limit: int = 20) -> Table:
    table = Table(title="Inputs that did not go in", title_justify="left")
    for col in ("input", "reason", "what happened", "what to do"):
        table.add_column(col, overflow="fold")
    for label, reason, message in failures[:limit]:
        table.add_row(label, reason, message, reason_hint(reason))
    if len(failures) > limit:
        table.caption = f"... and {len(failures) - limit} more: see 'eventwire errors'"
    return table


def _summary(report: IngestReport, db: str) -> dict[str, Any]:
    o = report.outcome
    return {
        "run_id": report.run_id,
        "db": db,
        "stored": o.stored,
        "unchanged": o.unchanged,
        "failed": o.failed,
        "notices": o.notices,
        "failures": [
            {"input": label, "reason": reason, "message": message}
            for label, reason, message in report.failures
        ],
    }


def _settle() -> None:
    """Before a run over many documents: load the parser and the knowledge, then move all that
    is alive out of the cyclic garbage collector's reach (``gc.freeze``). They live as long as
    the process, and every full collection would walk their millions of objects again (about a
    tenth of the coding time, BENCHMARKS.md). A choice for the command's own process: the
    library never touches the collector."""
    import gc

    from eventwire.coding.knowledge import DEFAULT
    from eventwire.nlp import get_nlp

    get_nlp()
    DEFAULT.get()
    gc.collect()
    gc.freeze()


def _run_ingest(
    paths: list[str], store: Store, settings: Settings, quiet: bool, as_json: bool
) -> IngestReport:
    _settle()
    show_progress = not quiet and not as_json and err.is_terminal
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TimeElapsedColumn(),
        console=err,
        disable=not show_progress,
        transient=True,
    )
    with progress:
        task = progress.add_task("ingest", total=None)

        def on_batch(report: IngestReport, done: int) -> None:
            progress.advance(task, done)

        return ingest(paths, store, settings, on_batch=on_batch)


def _report(report: IngestReport, db: str, quiet: bool, as_json: bool) -> None:
    if as_json:
        _print_json(_summary(report, db))
    else:
        failures = [f for f in report.failures if f[1] not in NOTICES]
        if failures:
            err.print(_failure_table(failures))
        if not quiet or failures:
            o = report.outcome
            err.print(
                f"[bold]{o.stored}[/] stored, {o.unchanged} already stored, "
                f"[{'red' if o.failed else 'green'}]{o.failed} failed[/] -> {db}"
            )
    if not report.ok:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = None,
    kind: KindOption = None,
    max_bytes: MaxBytesOption = Settings.max_bytes,
    batch_size: BatchOption = Settings.batch_size,
    time_limit: TimeLimitOption = Settings.time_limit,
    no_events: Annotated[
        bool, typer.Option("--no-events", help="Clean and store only; code later with recode.")
    ] = False,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read, clean, code and store documents; bad inputs are reported and skipped."""
    settings = Settings(
        max_bytes=max_bytes,
        batch_size=batch_size,
        kind=kind,
        events=not no_events,
        time_limit=time_limit,
    )
    with _open(db) as store:
        report = _run_ingest(paths, store, settings, quiet, as_json)
        _report(report, store.path, quiet, as_json)


@app.command("process")
def process_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    kind: KindOption = None,
    max_bytes: MaxBytesOption = Settings.max_bytes,
    time_limit: TimeLimitOption = Settings.time_limit,
    min_confidence: MinConfidenceOption = None,
    as_json: JsonOption = False,
) -> None:
    """Run the pipeline without storing; print document results (JSON Lines with --json),
    with the events at or above the confidence threshold."""
    threshold = confidence_threshold(min_confidence)
    _settle()
    failed = 0
    table = Table("doc_id", "source", "title", "chars", "removed", "error")
    for item in iter_results(paths, _settings(kind, max_bytes, time_limit=time_limit)):
        if isinstance(item, SourceError):
            failed += item.reason not in NOTICES
            row = {
                "doc_id": None,
                "source": item.source.label(),
                "error": item.reason,
                "message": item.message,
            }
            if as_json:
                _print_json(row)
            else:
                table.add_row(
                    "-", item.source.label(), "", "", "", f"{item.reason}: {item.message}"
                )
            continue
        failed += bool(item.error)
        item.events = [e for e in item.events if (e.confidence or 0.0) >= threshold]
        if as_json:
            _print_json(item.to_dict())
        else:
            table.add_row(
                item.doc_id,
                item.source.label(),
                (item.title or "")[:60],
                str(len(item.text)),
                str(len(item.removed)),
                item.error or "",
            )
    if not as_json:
        out.print(table)
    if failed:
        raise typer.Exit(1)


@app.command("docs")
def docs_cmd(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name contains this.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List stored documents, newest first."""
    checked_date(since, "--since")
    checked_date(until, "--until")
    with _open(db, read_only=True) as store:
        rows = store.documents(outlet=outlet, since=since, until=until, limit=limit)
    if as_json:
        for row in rows:
            _print_json(row)
        return
    table = Table("doc_id", "published", "outlet", "title", "chars", "removed", "v")
    for r in rows:
        table.add_row(
            r["doc_id"],
            str(r["published"] or ""),
            r["outlet"] or "",
            (r["title"] or "")[:70],
            str(r["chars"]),
            str(r["removed"]),
            str(r["version"]),
        )
    out.print(table)


@app.command("show")
def show_cmd(
    doc_id: Annotated[str, typer.Argument(help="A document id (a unique prefix is enough).")],
    db: DbOption = None,
    removed: Annotated[
        bool, typer.Option("--removed", help="Also show what was removed and why.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Print a stored document's cleaned text."""
    with _open(db, read_only=True) as store:
        doc = store.document(doc_id)
    if as_json:
        doc.pop("segments", None)
        if not removed:
            doc.pop("removed", None)
        _print_json(doc)
        return
    meta = " | ".join(str(x) for x in (doc["outlet"], doc["published"], doc["url"]) if x)
    out.print(f"[bold]{doc['doc_id']}[/]  {meta}", highlight=False)
    if doc["previous_doc_id"]:
        out.print(f"version {doc['version']}, replaces {doc['previous_doc_id']}")
    out.print()
    out.print(doc["text"], highlight=False, markup=False)
    if removed:
        out.print()
        table = Table("reason", "raw offsets", "text", title="Removed", title_justify="left")
        for span in doc["removed"]:
            text = span["text"].replace("\n", " ⏎ ")
            table.add_row(
                span["reason"],
                f"{span['start']}-{span['end']}",
                text if len(text) < 160 else text[:157] + "...",
            )
        out.print(table)


@app.command("errors")
def errors_cmd(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    as_json: JsonOption = False,
) -> None:
    """List inputs that could not be ingested, with the reason and what to do."""
    with _open(db, read_only=True) as store:
        rows = store.errors(limit=limit)
    if as_json:
        for row in rows:
            _print_json(row)
        return
    table = Table("input", "reason", "message", "last seen")
    for r in rows:
        label = (
            f"{r['source_path']}#{r['source_locator']}" if r["source_locator"] else r["source_path"]
        )
        table.add_row(label, r["reason"], r["message"], str(r["last_seen"])[:19])
    out.print(table)


@app.command("demo")
def demo_cmd(
    examples: Annotated[str, typer.Argument(help="The example corpus to ingest.")] = "examples",
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Ingest the bundled examples into the store and print what was made of them."""
    if not Path(examples).is_dir():
        raise EventwireError(
            f"no example folder at {examples!r}; run the demo from the eventwire checkout "
            "(make demo) or pass the folder"
        )
    with _open(db) as store:
        report = _run_ingest([examples], store, Settings(), quiet, as_json=False)
        _print_demo(store, report)
    if not report.ok:
        raise typer.Exit(1)


def _print_demo(store: Store, report: IngestReport) -> None:
    o = report.outcome
    out.rule("[bold]eventwire demo")
    out.print(
        f"Ingested the example corpus into [bold]{store.path}[/]: {o.stored} new documents, "
        f"{o.unchanged} already stored, {o.failed} failed."
    )
    docs = store.documents(limit=None)
    tallies = store.tallies()
    out.print("By input kind: " + ", ".join(f"{k} {n}" for k, n in tallies.source_kinds))
    table = Table("doc_id", "published", "outlet", "title", "removed")
    for r in docs:
        table.add_row(
            r["doc_id"][:10],
            str(r["published"] or ""),
            r["outlet"] or "",
            (r["title"] or "")[:64],
            str(r["removed"]),
        )
    out.print(table)
    out.print("Debris removed: " + ", ".join(f"{r} x{n}" for r, n in tallies.removed_reasons))
    counts = store.counts()
    out.print(
        f"\n[bold]{counts['events']}[/] events coded. By PLOVER type: "
        + ", ".join(f"{p} {n}" for p, n in tallies.plover_types)
    )
    sample = store.events(modality="factual", limit=12, min_confidence=confidence_threshold(None))
    if sample:
        out.print(cli_events.event_table(sample, title="Some factual events"))
    busiest = max(docs, key=lambda r: r["removed"], default=None)
    if busiest and busiest["removed"]:
        out.print(
            f"\nTry: [bold]eventwire show {busiest['doc_id'][:10]} --removed[/] "
            "to see a cleaned page and what was cut from it, and "
            "[bold]eventwire events --country RUS[/] to filter events."
        )


cli_events.register(app)
cli_actors.register(app)


@app.command("version")
def version_cmd() -> None:
    """Print the eventwire version."""
    out.print(__version__)


@app.callback()
def _root(
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each committed batch to stderr.")
    ] = False,
    kb: Annotated[
        Path | None,
        typer.Option(
            "--kb",
            envvar="EVENTWIRE_KB",
            help="A folder with your own people.tsv / organisations.tsv; its rows take "
            "precedence over the shipped knowledge base (also: $EVENTWIRE_KB).",
        ),
    ] = None,
) -> None:
    """eventwire: raw news pages to a clean, source-attributed record of political events."""
    if kb is not None:
        from eventwire.coding.knowledge import use_knowledge_base

        use_knowledge_base(kb)
    if verbose:
        logging.basicConfig(
            level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s: %(message)s"
        )


def main() -> None:
    """Entry point: run the app, turning eventwire errors into messages and exit codes."""
    try:
        # Outside standalone mode click does not exit: a command's ``typer.Exit(code)`` (and
        # Ctrl-C, as 130) comes back as the return value, which must reach the shell.
        code = app(standalone_mode=False)
    except EventwireError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(130)
    except Exception as exc:  # click's usage errors arrive here in non-standalone mode
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):
            exc.show()
            sys.exit(exc.exit_code)
        raise
    if isinstance(code, int) and code:
        sys.exit(code)
