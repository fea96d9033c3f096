"""Hostile and broken inputs the readers meet in the wild: each is one document's error or note,
never a stop, a hang or a traceback, and the good documents around it are still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import PARAGRAPHS, page, warc_record_without_uri, write
from eventwire import Settings, ingest, read
from eventwire.errors import NOTICES
from eventwire.model import RawDocument, SourceError


def _items(*paths: Path | str, **kw) -> list[RawDocument | SourceError]:
    return list(read([str(p) for p in paths], Settings(**kw)))


def _docs(items: list) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


# --- WARC ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("rec_type", ["response", "request", "revisit"])
@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_record_without_target_uri_does_not_stop_the_archive(
    tmp_path: Path, rec_type: str, gzipped: bool
) -> None:
    """A response, request or revisit record with no WARC-Target-URI is read without a URL (or
    skipped, as requests and revisits are); the records after it are still read."""
    html = page("Talks on the border resume", PARAGRAPHS)
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    path = write(tmp_path / name, warc_record_without_uri(rec_type, html, gzip=gzipped))
    items = _items(path)
    docs = _docs(items)
    urls = [d.url for d in docs]
    assert "https://example.test/story/0" in urls and "https://example.test/story/2" in urls
    if rec_type == "response":
        assert urls == ["https://example.test/story/0", None, "https://example.test/story/2"]
        assert "Talks on the border resume" in docs[1].html
    else:
        assert len(docs) == 2
    assert not [i for i in items if isinstance(i, SourceError)]


# --- JSON Lines ----------------------------------------------------------------------------------

SURROGATE_LINES = [
    '{"id": "a", "text": "Police arrested ten protesters in the capital on Monday."}',
    '{"id": "b", "text": "Troops were sent to the border \\ud800 on Tuesday, the ministry said."}',
    '{"id": "c", "title": "Talks \\udfff resume", "text": "The two governments met on Friday."}',
    '{"id": "d", "outlet": "Wire \\ud800", "text": "Rebels attacked a village on Sunday."}',
    '{"id": "e", "url": "https://x.test/\\ud800", "text": "The president resigned on Monday."}',
    '{"id": "f\\ud800", "text": "Parliament passed the budget on Wednesday, officials said."}',
    '{"id": "g", "date": "2025-03-1\\ud800", "text": "Police fired tear gas on Thursday."}',
    '{"id": "h", "text": "The army withdrew from the town on Saturday, residents said."}',
]


def test_jsonl_lone_surrogates_are_replaced_with_a_note(tmp_path: Path) -> None:
    """A lone surrogate escape in any field becomes U+FFFD, the document is kept with a
    'repaired' note naming the field, and every other line is read."""
    path = write(tmp_path / "s.jsonl", "\n".join(SURROGATE_LINES) + "\n")
    items = _items(path)
    docs = _docs(items)
    assert len(docs) == len(SURROGATE_LINES) and len(items) == len(docs)
    for doc in docs:
        for value in (doc.text, doc.title, doc.outlet, doc.url, doc.id, doc.date):
            assert value is None or not any("\ud800" <= ch <= "\udfff" for ch in value)
    assert "border \ufffd on Tuesday" in docs[1].text and docs[2].title == "Talks \ufffd resume"
    assert (docs[3].outlet, docs[5].id) == ("Wire \ufffd", "f\ufffd")
    noted = {doc.id: doc.notes for doc in docs if doc.notes}
    assert set(noted) == {"b", "c", "d", "e", "f\ufffd", "g"}
    assert [reason for reason, _ in noted["c"]] == ["repaired"] and "title" in noted["c"][0][1]


def test_jsonl_lone_surrogates_are_ingested(tmp_path: Path, store) -> None:
    """Through ingest: every line is stored (no parser traceback, no store error), and the
    repairs are recorded as notes, not failures."""
    path = write(tmp_path / "s.jsonl", "\n".join(SURROGATE_LINES) + "\n")
    report = ingest([str(path)], store, Settings(batch_size=3))
    assert report.outcome.stored == len(SURROGATE_LINES) and report.outcome.failed == 0
    assert report.outcome.notices >= 6
    stored = {row[0] for row in store.con.execute("SELECT caller_id FROM documents").fetchall()}
    assert stored == {"a", "b", "c", "d", "e", "f\ufffd", "g", "h"}
    assert {r["reason"] for r in store.errors()} <= NOTICES


def test_a_note_does_not_hide_the_failure_of_its_document(tmp_path: Path, store) -> None:
    """A repaired document that then fails is recorded with its failure (the note joins the
    message): one record per input, and the failure is the one kept."""
    path = write(tmp_path / "f.jsonl", '{"id": "x", "html": "<p>\\ud800</p>"}\n')
    report = ingest([str(path)], store)
    assert report.outcome.failed == 1 and report.outcome.notices == 0
    [error] = store.errors()
    assert error["reason"] == "no_content" and "surrogate" in error["message"]
