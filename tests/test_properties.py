"""Properties that hold for any input, however hostile (docs/formats.md, "Bad input"):

- every input ends in documents or per-document errors with a reason code of REASONS, never an
  exception;
- good documents read, processed or ingested beside hostile ones give exactly what they give
  alone;
- cleaning's offsets round-trip to the raw text, and the offsets of events and quotes lie in
  the cleaned text and span the text they name.

Deterministic (derandomize) and small: the whole file runs in well under a minute. More
examples: EVENTWIRE_PROPERTY_SCALE=10 (a multiplier of every max_examples).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventwire
from builders import ATOM, RSS, page, three_pages, warc_bytes, write
from eventwire import Settings, ingest, read
from eventwire.clean import clean
from eventwire.model import RawDocument, SourceError, SourceRef
from eventwire.pipeline import process_batch
from eventwire.sources.feed import iter_feed
from eventwire.sources.jsonl import parse_line
from eventwire.store import Store
from hostile_inputs import (
    FILE_NAMES,
    GOOD_SENTENCES,
    any_input_bytes,
    enormous_line,
    feed_file,
    gzip_of,
    hostile_text,
    jsonl_file,
    jsonl_line,
    lines_text,
    nested_html,
    tag_soup,
    warc_archive,
    warc_records,
)
from invariants import check_cleaned, check_read_item, check_result, item_key, result_key

SCALE = float(os.environ.get("EVENTWIRE_PROPERTY_SCALE", "1"))


def examples(n: int) -> settings:
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="eventwire-prop-") as name:
        yield Path(name)


def _read(paths: list[Path], **kw) -> list[RawDocument | SourceError]:
    items = list(read([str(p) for p in paths], Settings(**kw)))
    for item in items:
        check_read_item(item)
    return items


def _relative(key: dict, root: Path) -> dict:
    """A result's or item's key with its source path made relative to ``root``."""
    source = key.get("source")
    if isinstance(source, dict) and isinstance(source.get("path"), str):
        key["source"] = {**source, "path": os.path.relpath(source["path"], root)}
    return key


# --- The cleaner ---------------------------------------------------------------------------------


@examples(400)
@given(
    raw=st.one_of(hostile_text(), lines_text()),
    title=st.one_of(st.none(), hostile_text(3), st.sampled_from(GOOD_SENTENCES)),
    description=st.one_of(st.none(), hostile_text(3)),
)
def test_cleaning_any_text_round_trips_its_offsets(raw, title, description) -> None:
    check_cleaned(clean(raw, title=title, description=description), raw)


@examples(6)
@given(raw=enormous_line(), title=st.one_of(st.none(), st.just("Talks resume")))
def test_cleaning_an_enormous_line(raw, title) -> None:
    check_cleaned(clean(raw, title=title), raw)


# --- The readers ---------------------------------------------------------------------------------


@examples(250)
@given(data=any_input_bytes(), name=st.sampled_from(FILE_NAMES), kind=st.none())
def test_reading_any_bytes_gives_documents_or_errors(data, name, kind) -> None:
    """Any bytes under any name: at least one item, each a document or a documented error;
    the documents clean without an exception."""
    with folder() as root:
        items = _read([write(root / name, data)], kind=kind)
    assert items, "an input vanished without a document or an error"
    for result in process_batch([i for i in items if isinstance(i, RawDocument)], code=False):
        check_result(result)


@examples(60)
@given(data=any_input_bytes(), kind=st.sampled_from(["text", "html", "warc", "feed", "jsonl"]))
def test_reading_any_bytes_as_a_forced_kind(data, kind) -> None:
    with folder() as root:
        items = _read([write(root / "doc", data)], kind=kind)
    assert items
    for result in process_batch([i for i in items if isinstance(i, RawDocument)], code=False):
        check_result(result)


@examples(40)
@given(html=st.one_of(nested_html(), tag_soup()), fragment=st.booleans())
def test_deep_and_broken_html_is_a_document_or_an_error(html, fragment) -> None:
    raw = RawDocument(SourceRef("page.html", kind="html"), html=html, html_fragment=fragment)
    [result] = process_batch([raw], code=False)
    check_result(result)


@examples(80)
@given(line=jsonl_line())
def test_any_jsonl_line_is_a_document_or_a_malformed_line(line) -> None:
    item = parse_line(line, SourceRef("x.jsonl", "line1", "jsonl"))
    check_read_item(item)
    if isinstance(item, SourceError):
        assert item.reason == "malformed"


@examples(40)
@given(data=jsonl_file(), cut=st.booleans())
def test_jsonl_lines_are_read_one_by_one(data, cut) -> None:
    """One item per line that is not blank; a gzipped file cut short keeps the lines before
    the cut, the same as read whole."""
    with folder() as root:
        whole = _read([write(root / "a.jsonl", data)], kind="jsonl")  # content may say HTML
        lines = [line for line in data.split(b"\n") if line.strip()]
        if lines:
            assert len(whole) == len(lines)
        else:
            assert [(type(i), i.reason) for i in whole] == [(SourceError, "empty")]
        packed = gzip_of(data)
        if cut:
            packed = packed[: len(packed) * 2 // 3]
        items = _read([write(root / "a.jsonl.gz", packed)], kind="jsonl")
    docs = [item_key(i) for i in items if isinstance(i, RawDocument)]
    kept = [item_key(i) for i in whole if isinstance(i, RawDocument)]
    for key in docs + kept:
        key["source"]["path"] = os.path.basename(key["source"]["path"]).removesuffix(".gz")
    assert docs == kept[: len(docs)]
    if not cut:
        assert docs == kept


@examples(60)
@given(data=feed_file())
def test_any_feed_gives_entries_or_one_error(data) -> None:
    items = list(iter_feed(data, "f.rss"))
    assert items
    for item in items:
        check_read_item(item)
    for result in process_batch([i for i in items if isinstance(i, RawDocument)], code=False):
        check_result(result)


@examples(60)
@given(records=warc_records(), compress=st.booleans(), data=st.data())
def test_a_cut_warc_keeps_the_records_before_the_cut(records, compress, data) -> None:
    """A WARC cut anywhere: the documents read are those of the whole archive up to the cut
    (every record that ends before it), then one truncated or malformed error."""
    archive, ends = warc_archive(records, compress)
    cut = data.draw(st.integers(0, len(archive)))
    name = "a.warc.gz" if compress else "a.warc"
    with folder() as root:
        whole = [item_key(i) for i in _read([write(root / name, archive)])]
        items = _read([write(root / name, archive[:cut])])
    keys = [item_key(i) for i in items]
    docs = [k for k in keys if k["type"] == "RawDocument"]
    kept = [k for k in whole if k["type"] == "RawDocument"]
    assert docs == kept[: len(docs)], "a cut archive gave a document the whole one does not"
    complete = sum(1 for end in ends if end <= cut)
    html_before = sum(
        1
        for (rec_type, _, content_type), end in zip(records, ends, strict=True)
        if end <= cut and rec_type in ("response", "resource") and "html" in content_type
    )
    record_errors = [k for k in keys if k["type"] == "SourceError" and k["source"]["locator"]]
    assert len(docs) + len(record_errors) >= html_before, (
        f"records before the cut were lost ({complete} complete)"
    )
    if cut < len(archive) and cut > 0 and cut not in ends:
        assert any(k.get("reason") in ("truncated", "malformed") for k in keys), keys


@examples(40)
@given(data=any_input_bytes())
def test_gzip_damaged_anywhere(data) -> None:
    """Any gzip stream, cut or garbled: documents or errors, never an exception."""
    with folder() as root:
        packed = gzip_of(data)
        for damage in (packed[: len(packed) // 2], packed[:11], packed[:-4], packed + b"\x1f\x8b"):
            assert _read([write(root / "a.gz", damage)])


# --- Good documents beside hostile ones ----------------------------------------------------------

GOOD_TEXT = "---\ntitle: Police fire tear gas\ndate: 2025-03-14\n---\n" + " ".join(GOOD_SENTENCES)
GOOD_JSONL = "\n".join(
    f'{{"id": "g{i}", "date": "2025-03-1{i}", "text": "{s}"}}' for i, s in enumerate(GOOD_SENTENCES)
)


def _good_files(root: Path) -> list[Path]:
    return [
        write(root / "a-good.txt", GOOD_TEXT),
        write(root / "c-good.html", page("Talks on the border resume", GOOD_SENTENCES)),
        write(root / "e-good.jsonl", GOOD_JSONL + "\n"),
        write(root / "g-good.rss", RSS),
        write(root / "h-good.atom", ATOM),
        write(root / "i-good.warc.gz", warc_bytes(three_pages())),
    ]


@cache
def _alone() -> tuple[list[dict], dict[str, dict]]:
    """The good files read and processed on their own: their items, and their results by
    source label (relative paths)."""
    with folder() as root:
        items = _read(_good_files(root))
        keys = [_relative(item_key(i), root) for i in items]
        raws = [i for i in items if isinstance(i, RawDocument)]
        results = {
            os.path.relpath(r.source.label(), root): _relative(result_key(r), root)
            for r in process_batch(raws)
        }
    return keys, results


@examples(25)
@given(
    hostile=st.lists(
        st.tuples(st.sampled_from(FILE_NAMES), any_input_bytes()), min_size=1, max_size=3
    )
)
def test_good_files_beside_hostile_ones_read_and_code_as_alone(hostile) -> None:
    """Hostile files between good ones in a folder: the good files' documents, and their
    cleaned text, events and quotes, are exactly those they give alone."""
    alone_items, alone_results = _alone()
    with folder() as root:
        _good_files(root)
        for n, (name, data) in enumerate(hostile):
            write(root / f"{'bdf'[n]}-hostile-{name}", data)
        items = _read([root])
        good = [
            _relative(item_key(i), root)
            for i in items
            if "-good." in os.path.basename(i.source.path)
        ]
        assert good == alone_items
        raws = [i for i in items if isinstance(i, RawDocument)]
        results = process_batch(raws)
        for result in results:
            check_result(result)
        together = {
            os.path.relpath(r.source.label(), root): _relative(result_key(r), root)
            for r in results
            if "-good." in r.source.path
        }
    assert together == alone_results


@cache
def _good_alone_coded() -> list[dict]:
    raws = [RawDocument(SourceRef(f"good{i}"), text=s) for i, s in enumerate(GOOD_SENTENCES)]
    return [result_key(r) for r in process_batch(raws)]


@examples(60)
@given(
    texts=st.lists(st.one_of(hostile_text(), lines_text()), min_size=1, max_size=4),
    position=st.integers(0, 4),
    date=st.one_of(st.none(), st.sampled_from(["2025-03-14", "2025-02-30", "\x00", "Monday"])),
)
def test_the_coder_on_hostile_texts_spares_the_good_ones(texts, position, date) -> None:
    """Short hostile texts coded in one batch with the good sentences: each hostile text is a
    result or an error; the good ones' results (events, quotes, offsets) are those alone."""
    good = [RawDocument(SourceRef(f"good{i}"), text=s) for i, s in enumerate(GOOD_SENTENCES)]
    bad = [RawDocument(SourceRef(f"bad{i}"), text=t, date=date) for i, t in enumerate(texts)]
    at = min(position, len(good))
    batch = good[:at] + bad + good[at:]
    results = process_batch(batch)
    for result in results:
        check_result(result)
    assert [result_key(r) for r in results if r.source.path.startswith("good")] == (
        _good_alone_coded()
    )


@examples(30)
@given(
    text=hostile_text(40),
    meta=st.fixed_dictionaries(
        {},
        optional={name: hostile_text(3) for name in ("id", "url", "outlet", "date", "title")},
    ),
)
def test_process_text_with_hostile_metadata(text, meta) -> None:
    check_result(eventwire.process_text(text, **meta))


# --- Ingest: the store keeps the good documents of a hostile batch --------------------------------

_COMPARED = (
    "SELECT doc_id, content_hash, caller_id, url, outlet, published, title, dek, text, raw_text, "
    "segments, source_locator, source_kind, encoding, version, previous_doc_id FROM documents "
    "WHERE source_path LIKE '%-good.%' ORDER BY doc_id"
)
_EVENTS = (
    "SELECT e.doc_id, e.event_id, e.record FROM events e JOIN documents d USING (doc_id) "
    "WHERE d.source_path LIKE '%-good.%' ORDER BY e.event_id"
)
_QUOTES = (
    "SELECT q.doc_id, q.seq, q.text, q.start, q.end FROM quotes q JOIN documents d USING (doc_id) "
    "WHERE d.source_path LIKE '%-good.%' ORDER BY q.doc_id, q.seq"
)


def _stored(db: Path) -> tuple[list, list, list]:
    with Store(db) as store:
        return tuple(store.con.execute(sql).fetchall() for sql in (_COMPARED, _EVENTS, _QUOTES))


@cache
def _stored_alone() -> tuple[list, list, list]:
    with folder() as root:
        _good_files(root)
        with Store(root / "alone.duckdb") as store:
            ingest([str(root)], store, Settings(batch_size=4))
        return _stored(root / "alone.duckdb")


@examples(8)
@given(
    hostile=st.lists(
        st.tuples(st.sampled_from(FILE_NAMES), any_input_bytes()), min_size=1, max_size=3
    ),
    batch_size=st.integers(1, 8),
)
def test_ingesting_hostile_files_keeps_the_good_documents(hostile, batch_size) -> None:
    """Ingest a folder of good and hostile files in small batches: the run finishes, every
    failure is a documented reason, and the good documents are stored as they are alone."""
    with folder() as root:
        _good_files(root)
        for n, (name, data) in enumerate(hostile):
            write(root / f"{'bdf'[n]}-hostile-{name}", data)
        db = root / "store" / "mixed.duckdb"
        db.parent.mkdir()
        with Store(db) as store:
            report = ingest([str(root)], store, Settings(batch_size=batch_size))
            assert store.con.execute("SELECT status FROM runs").fetchall() == [("done",)]
        for _, reason, _ in report.failures:
            assert reason in eventwire.errors.REASONS
        assert _stored(db) == _stored_alone()
