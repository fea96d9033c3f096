"""What the command-line modules share: consoles, option types, store opening, JSON output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from eventwire.config import default_db_path
from eventwire.errors import EventwireError
from eventwire.store import Store

# Rich folds tables to 80 columns when output is not a terminal; pipes and CI logs read better wide.
PIPE_WIDTH = 140
out = Console()
if not out.is_terminal:
    out = Console(width=PIPE_WIDTH)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="DuckDB file (default: $EVENTWIRE_DB, else ./eventwire.duckdb)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", help="Read every input as this kind: text, html, warc, feed, jsonl."),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Largest document accepted, in bytes.")
]
TimeLimitOption = Annotated[
    float,
    typer.Option(
        "--time-limit",
        help="Seconds coding one document may take; past it the document gets the time_limit "
        "error and the run goes on.",
    ),
]
MinConfidenceOption = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        help="Show events at least this confident, 0 to 1 (default: the shipped threshold, "
        "see docs/coding.md; 0 shows every event).",
    ),
]
BatchOption = Annotated[int, typer.Option("--batch-size", help="Documents per store transaction.")]


def confidence_threshold(given: float | None) -> float:
    """The threshold a command shows events at: the one given, else the shipped default."""
    from eventwire.coding.confidence import ConfidenceModel

    if given is None:
        return ConfidenceModel.load().threshold
    if not 0.0 <= given <= 1.0:
        raise EventwireError(f"--min-confidence {given:g} is not between 0 and 1")
    return given


def open_store_for(db: str | None, read_only: bool = False) -> Store:
    """The store a command works on; reading a store that does not exist is an error."""
    path = db or default_db_path()
    if read_only and not Path(path).exists():
        raise EventwireError(f"no database at {path}; run 'eventwire ingest PATH' first")
    return Store(path, read_only=read_only)


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
