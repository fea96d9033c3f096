"""eventwire: raw news pages to a clean, source-attributed, queryable record of political events.

The Python API:

- ``code_text(text, date=None) -> list[Event]``: the events of a sentence or an article;
- ``process(raw) -> DocumentResult``: one document through the pipeline (pure, no I/O);
- ``process_text(text, **meta) -> DocumentResult``: the same for a string;
- ``read(paths) -> iterator of RawDocument | SourceError``: documents from files of any kind;
- ``ingest(paths, store) -> IngestReport``: read, process and store, in transactional batches;
- ``open_store(path=None) -> Store``: the DuckDB store;
- ``actors_in(text, date=None) -> list[Actor]``: every actor mention of a text, resolved;
- ``use_knowledge_base(folder)``: add the user's people.tsv / organisations.tsv (None: stop).
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventwire.api import actors_in, code_text, code_texts  # noqa: E402
from eventwire.coding.knowledge import use_knowledge_base  # noqa: E402
from eventwire.config import Settings  # noqa: E402
from eventwire.ingest import IngestReport, ingest  # noqa: E402
from eventwire.model import (  # noqa: E402
    Actor,
    DocumentResult,
    Event,
    RawDocument,
    SourceError,
    SourceRef,
)
from eventwire.pipeline import process  # noqa: E402
from eventwire.sources import iter_documents as read  # noqa: E402
from eventwire.store import Store, open_store  # noqa: E402


def process_text(text: str, **meta: str | None) -> DocumentResult:
    """Process a string as one document; ``meta`` takes ``id``, ``url``, ``outlet``, ``date``,
    ``title``."""
    return process(RawDocument(source=SourceRef("<text>"), text=text, **meta))


__all__ = [
    "Actor",
    "Event",
    "actors_in",
    "use_knowledge_base",
    "code_text",
    "code_texts",
    "DocumentResult",
    "IngestReport",
    "RawDocument",
    "Settings",
    "SourceError",
    "SourceRef",
    "Store",
    "__version__",
    "ingest",
    "open_store",
    "process",
    "process_text",
    "read",
]
