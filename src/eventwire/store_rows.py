"""The table rows of a document result, for the store to insert.

Each row is a dict keyed by column name; the column types come from the database itself (the
migrations in ``eventwire/data/migrations`` are the one declaration of the schema).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from eventwire.model import Actor, DocumentResult, Event

Row = dict[str, Any]


def document_row(
    r: DocumentResult, version: int, previous: str | None, run_id: str, now: datetime
) -> Row:
    """The ``documents`` row of a result: ``version`` of its URL, replacing ``previous``."""
    return {
        "doc_id": r.doc_id,
        "content_hash": r.content_hash,
        "caller_id": r.id,
        "url": r.url,
        "outlet": r.outlet,
        "published": r.published,
        "title": r.title,
        "dek": r.dek,
        "text": r.text,
        "raw_text": r.raw_text,
        "segments": json.dumps([[g.clean_start, g.raw_start, g.length] for g in r.segments]),
        "source_path": r.source.path,
        "source_locator": r.source.locator,
        "source_kind": r.source.kind,
        "encoding": r.encoding,
        "language": r.language,
        "relevance": r.relevance,
        "version": version,
        "previous_doc_id": previous,
        "run_id": run_id,
        "ingested_at": now,
    }


def removed_span_rows(r: DocumentResult) -> list[Row]:
    """The ``removed_spans`` rows of a result: what cleaning cut, in order."""
    return [
        {
            "doc_id": r.doc_id,
            "seq": seq,
            "reason": span.reason,
            "start": span.start,
            "end": span.end,
            "text": span.text,
        }
        for seq, span in enumerate(r.removed)
    ]


def event_row(e: Event, published: str | None) -> Row:
    """The ``events`` row of an event; ``published`` is its document's date."""
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "sentence_index": e.sentence_index,
        "evidence_start": e.evidence["start"],
        "evidence_end": e.evidence["end"],
        "evidence_text": e.evidence["text"],
        "trigger_start": e.trigger["start"],
        "trigger_end": e.trigger["end"],
        "trigger_text": e.trigger["text"],
        "cameo": e.cameo,
        "cameo_root": e.cameo[:2],
        "plover": e.plover["event"] if e.plover else None,
        "quad_class": e.quad_class,
        "modality": e.modality,
        "quantity_value": (e.quantity or {}).get("value"),
        "published": published,
        "record": json.dumps(e.to_dict()),
        "event_date": (e.date or {}).get("value"),
        "location_country": (e.location or {}).get("country"),
        "location_precision": (e.location or {}).get("precision"),
        "confidence": e.confidence,
    }


def actor_rows(e: Event) -> list[Row]:
    """The ``event_actors`` rows of an event: its sources, then its targets."""
    return [
        _actor_row(e.event_id, role, seq, a)
        for role, group in (("source", e.source), ("target", e.target))
        for seq, a in enumerate(group)
    ]


def _actor_row(event_id: str, role: str, seq: int, a: Actor) -> Row:
    return {
        "event_id": event_id,
        "role": role,
        "seq": seq,
        "text": a.text,
        "code": a.code,
        "country": a.country,
        "sector": a.sector,
        "name": a.name,
        "start": a.start,
        "end": a.end,
        "kb_id": a.kb_id,
        "confidence": a.confidence,
    }


def quote_rows(r: DocumentResult) -> list[Row]:
    """The ``quotes`` rows of a result: its attributions, in order."""
    rows = []
    for seq, q in enumerate(r.quotes):
        speaker = q.get("speaker") or {}
        rows.append(
            {
                "doc_id": r.doc_id,
                "seq": seq,
                "speaker_text": speaker.get("text"),
                "speaker_code": speaker.get("code"),
                "speaker_country": speaker.get("country"),
                "speaker_name": speaker.get("name"),
                "cue": q["cue"]["text"],
                "cue_start": q["cue"]["start"],
                "cue_end": q["cue"]["end"],
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "direct": bool(q.get("direct")),
                "stance": q.get("stance"),
                "reported_via": json.dumps(q.get("reported_via") or []),
            }
        )
    return rows
