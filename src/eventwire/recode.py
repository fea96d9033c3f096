"""Coding stored documents again, after eventwire or its lexicon changed."""

from __future__ import annotations

from eventwire.model import DocumentResult, SourceRef
from eventwire.pipeline import annotate_batch
from eventwire.store import Store

# Documents recoded per transaction.
RECODE_BATCH = 200


def recode(store: Store) -> tuple[int, int]:
    """Replace every stored document's events with a fresh coding; (documents, events)."""
    rows = store.con.execute(
        "SELECT doc_id, text, CAST(published AS VARCHAR), source_path, source_locator "
        "FROM documents ORDER BY doc_id"
    ).fetchall()
    docs = events = 0
    for start in range(0, len(rows), RECODE_BATCH):
        chunk = rows[start : start + RECODE_BATCH]
        results = [
            DocumentResult(doc_id=d, source=SourceRef(path, loc), text=text, published=pub)
            for d, text, pub, path, loc in chunk
        ]
        events += store.replace_events(annotate_batch(results))
        docs += len(results)
    return docs, events
