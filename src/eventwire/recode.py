"""Coding stored documents again, after eventwire or its lexicon changed."""

from __future__ import annotations

from eventwire.pipeline import annotate_batch
from eventwire.store import Store

# Documents recoded per transaction.
RECODE_BATCH = 200


def recode(store: Store) -> tuple[int, int]:
    """Replace every stored document's events with a fresh coding; (documents, events)."""
    docs = events = 0
    for results in store.documents_to_code(RECODE_BATCH):
        events += store.replace_events(annotate_batch(results))
        docs += len(results)
    return docs, events
