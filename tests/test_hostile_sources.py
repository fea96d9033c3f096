"""Hostile and broken inputs the readers meet in the wild: each is one document's error or note,
never a stop, a hang or a traceback, and the good documents around it are still read."""

from __future__ import annotations

import gzip
import io
import json
import os
import threading
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from builders import (
    ARTICLE,
    PARAGRAPHS,
    page,
    three_pages,
    warc_bytes,
    warc_record_without_uri,
    write,
)
from eventwire import Settings, ingest, read
from eventwire.errors import NOTICES
from eventwire.ingest import iter_results
from eventwire.model import DocumentResult, RawDocument, SourceError


def _items(*paths: Path | str, **kw) -> list[RawDocument | SourceError]:
    return list(read([str(p) for p in paths], Settings(**kw)))


def _error(path: Path, **kw) -> SourceError:
    [error] = [i for i in _items(path, **kw) if isinstance(i, SourceError)]
    return error


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


@pytest.mark.parametrize(
    "cut_after",
    [b"WARC-Type: re", b"WARC-Target-URI: https://example.test/story/2\r\n", b"Content-Len", None],
)
def test_warc_cut_inside_a_record_header_is_truncated(tmp_path: Path, cut_after) -> None:
    """A plain WARC cut inside the headers of its third record (a WARC-Type cut short, no
    Content-Length yet, or before the record's HTTP headers) keeps the two records before the
    cut and says it was cut: warcio took such an end for the end of the archive, and the cut
    went unreported."""
    data = warc_bytes(three_pages(), extra_image=False, gzip=False)
    third = data.index(b"WARC/1.0", data.index(b"story/2") - 200)
    if cut_after is None:  # every WARC header, none of the HTTP ones
        cut = data.index(b"\r\n\r\n", third) + 4
    else:
        cut = data.index(cut_after, third) + len(cut_after)
    items = _items(write(tmp_path / "cut.warc", data[:cut]))
    assert [d.url for d in _docs(items)] == [f"https://example.test/story/{i}" for i in (0, 1)]
    [error] = [i for i in items if isinstance(i, SourceError)]
    assert (error.reason, error.source.locator) == ("truncated", "record3"), error


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_without_any_response_is_noted(tmp_path: Path, gzipped: bool) -> None:
    """An archive of only metadata, warcinfo and request records (no page in it) gives a
    not_html note: it gave no document and no error, and passed without a word."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    for rec_type in ("metadata", "request"):
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.test")])
        writer.write_record(
            writer.create_warc_record(
                "https://example.test/",
                rec_type,
                payload=io.BytesIO(b"fetch-time: 1.2"),
                http_headers=headers if rec_type == "request" else None,
            )
        )
    name = "meta.warc.gz" if gzipped else "meta.warc"
    [note] = _items(write(tmp_path / name, buf.getvalue()))
    assert isinstance(note, SourceError) and note.reason == "not_html"
    assert "none of the 3 record(s)" in note.message


@pytest.mark.parametrize("delta", [-10, -300])
def test_warc_record_with_a_wrong_content_length_is_reported_not_printed(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], delta: int
) -> None:
    """A record whose Content-Length is too short: warcio wrote a warning with the bytes it
    found to standard error (past the command line's own reporting) and read on. The records
    are read as before, and the damage is one error of the input."""
    data = warc_bytes(three_pages(), extra_image=False, gzip=False)
    at = data.index(b"Content-Length: ", data.index(b"story/1")) + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    data = data[:at] + str(int(data[at:end]) + delta).encode() + data[end:]
    items = _items(write(tmp_path / "wrong.warc", data))
    assert [d.source.locator for d in _docs(items)] == ["record1", "record2", "record3"]
    [error] = [i for i in items if isinstance(i, SourceError)]
    assert error.reason == "malformed" and "Content-Length" in error.message
    assert capfd.readouterr().err == ""


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


# --- Encodings -----------------------------------------------------------------------------------

NEWS = (
    "Protesters gathered outside parliament in S\u00e3o Paulo on Sunday \u2014 the largest "
    "crowd since March, the governor\u2019s office said. Police said 41 people were detained. "
)


ASCII_NEWS = (
    "Police fired tear gas at hundreds of protesters marching on parliament on Tuesday, "
    "witnesses said. The interior ministry said 40 people had been arrested. "
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("news", [ASCII_NEWS, NEWS], ids=["ascii", "accents"])
def test_utf16_without_a_byte_order_mark_is_decoded(
    tmp_path: Path, encoding: str, kind: str, news: str
) -> None:
    """UTF-16 without a BOM (either byte order) is recognised and decoded, as text or HTML,
    whether or not the text has characters beyond ASCII."""
    content = news * 3
    if kind == "html":
        content = page("Crowds outside parliament", [news, news])
    path = write(tmp_path / "doc", content.encode(encoding))
    [doc] = _items(path)
    assert isinstance(doc, RawDocument), doc
    assert doc.source.kind == kind and doc.encoding.replace("_", "-") == encoding
    assert news in (doc.text or doc.html)


def test_utf16_declared_by_a_page_whose_bytes_are_utf8_is_read_as_utf8(tmp_path: Path) -> None:
    """A page declaring charset utf-16 in a meta tag but written in UTF-8 is read as UTF-8, as
    browsers do (WHATWG encoding standard: a utf-16 meta declaration means UTF-8)."""
    html = page("Crowds in S\u00e3o Paulo", [NEWS, NEWS])
    html = html.replace("<head>", '<head><meta charset="utf-16">')
    data = html.encode("utf-8")
    if len(data) % 2:
        data += b"\n"  # an even length decodes as UTF-16 without an error: only garbage shows
    [raw] = _items(write(tmp_path / "p.html", data))
    assert raw.encoding == "utf-8"
    assert "S\u00e3o Paulo on Sunday \u2014 the largest" in raw.html


def test_utf16_in_an_http_header_of_utf8_bytes_is_read_as_utf8(tmp_path: Path) -> None:
    """The same declaration in a WARC record's HTTP Content-Type header: still read as UTF-8."""
    html = page("Crowds in S\u00e3o Paulo", [NEWS, NEWS])
    data = warc_bytes([("https://example.test/a", html)], extra_image=False)
    # "utf16" (a name of UTF-16) is as long as "utf-8": the record's Content-Length stays right
    data = gzip.compress(gzip.decompress(data).replace(b"charset=utf-8", b"charset=utf16", 1))
    [raw] = _items(write(tmp_path / "a.warc.gz", data))
    assert raw.encoding == "utf-8"
    assert "S\u00e3o Paulo on Sunday \u2014 the largest" in raw.html


def test_invalid_utf8_is_decoded_with_replacements_and_a_note(tmp_path: Path) -> None:
    """UTF-8 with a few invalid bytes is decoded as UTF-8, the bad bytes replaced with U+FFFD
    and a 'repaired' note, not guessed as another encoding (mojibake)."""
    data = NEWS.encode("utf-8") * 2 + b"Officials \xff\xfe said. " + NEWS.encode("utf-8")
    [doc] = _items(write(tmp_path / "bad.txt", data))
    assert isinstance(doc, RawDocument) and doc.encoding == "utf-8"
    assert "S\u00e3o Paulo on Sunday \u2014" in doc.text and "\u00c3" not in doc.text
    assert "Officials \ufffd\ufffd said." in doc.text
    [(reason, message)] = doc.notes
    assert reason == "repaired" and "2 invalid UTF-8" in message


def test_a_latin1_text_is_not_taken_for_broken_utf8(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 at all (no valid multi-byte sequence) still go to detection,
    not to UTF-8 with replacements."""
    [doc] = _items(write(tmp_path / "l.txt", NEWS.replace("\u2014", "-").encode("cp1252") * 3))
    assert isinstance(doc, RawDocument) and not doc.notes
    assert doc.encoding != "utf-8" and "\ufffd" not in doc.text


# --- Special files -------------------------------------------------------------------------------


def _read_with_timeout(paths: list[str], fifo: Path, seconds: float = 30) -> list:
    """read() in a thread; if it is still blocked after ``seconds`` (opening a FIFO waits for
    a writer), the FIFO is opened for writing to release it, and the test fails."""
    found: list = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            found.extend(read(paths))
        except BaseException as exc:  # reported by the test, not lost in the thread
            failure.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # the reader gets end of file
        thread.join(5)
        pytest.fail(f"reading {paths} blocked on the FIFO {fifo.name}")
    if failure:
        raise failure[0]
    return found


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_in_a_folder_is_skipped_not_waited_on(tmp_path: Path) -> None:
    """A folder walk reads only regular files: a FIFO beside a good file is not opened (which
    would wait forever for a writer), and the good file is read."""
    write(tmp_path / "in" / "a_good.txt", ARTICLE)
    fifo = tmp_path / "in" / "b_pipe.txt"
    os.mkfifo(fifo)
    items = _read_with_timeout([str(tmp_path / "in")], fifo)
    assert [type(i).__name__ for i in items] == ["RawDocument"]
    assert items[0].text.startswith("Kenyan police")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_named_directly_is_an_error_for_that_input(tmp_path: Path) -> None:
    """A FIFO named on the command line (or matched by a glob) is one 'unreadable' error saying
    it is not a regular file; the other inputs are read."""
    good = write(tmp_path / "a_good.txt", ARTICLE)
    fifo = tmp_path / "b_pipe.txt"
    os.mkfifo(fifo)
    for paths in ([str(fifo), str(good)], [str(tmp_path / "*.txt")]):
        items = _read_with_timeout(paths, fifo)
        errors = [i for i in items if isinstance(i, SourceError)]
        assert len(_docs(items)) == 1 and [e.source.path for e in errors] == [str(fifo)]
        assert errors[0].reason == "unreadable" and "not a regular file" in errors[0].message


# --- Cost ----------------------------------------------------------------------------------------


def test_blank_jsonl_lines_cost_no_work_per_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A gzip of ~10 MB of blank lines around two good lines: the blank lines are skipped in
    bulk (no source reference made, no JSON parsed for any of them), and the good lines keep
    their line numbers."""
    from eventwire.sources import jsonl

    made: list[str] = []
    parsed: list[str] = []
    source_ref, parse_line = jsonl.SourceRef, jsonl.parse_line

    def counting_ref(*args, **kw):
        made.append(args[1] if len(args) > 1 else kw.get("locator", ""))
        return source_ref(*args, **kw)

    def counting_parse(line, source):
        parsed.append(line)
        return parse_line(line, source)

    monkeypatch.setattr(jsonl, "SourceRef", counting_ref)
    monkeypatch.setattr(jsonl, "parse_line", counting_parse)
    blank = b"\n" * (5 * 2**20) + b"\r\n  \t\n" * 2**20  # 2**20 * 7 lines, ~11 MB
    good = b'{"text": "Police arrested ten protesters on Monday."}\n'
    data = blank + good + b"   \n" * 1000 + good + b"\n\n  "
    path = write(tmp_path / "blank.jsonl.gz", gzip.compress(data, compresslevel=1))
    items = _items(path)
    first = 5 * 2**20 + 2 * 2**20 + 1
    assert [i.source.locator for i in _docs(items)] == [f"line{first}", f"line{first + 1001}"]
    assert len(items) == 2 and len(parsed) == 2
    assert made == [f"line{first}", f"line{first + 1001}"]


def test_a_long_jsonl_line_reports_its_whole_size(tmp_path: Path) -> None:
    """An overlong JSONL line is refused with its real size, and the next line is read."""
    big = '{"text": "' + "x" * 5000 + '"}\n'
    path = write(tmp_path / "b.jsonl", big + '{"text": "A short item."}\n')
    items = _items(path, max_bytes=1000)
    assert [type(i).__name__ for i in items] == ["SourceError", "RawDocument"]
    assert items[0].reason == "too_large" and f"{len(big):,} bytes" in items[0].message
    assert "1,000" in items[0].message


# --- Sizes ---------------------------------------------------------------------------------------


def test_too_large_gzip_reports_the_decompressed_size(tmp_path: Path) -> None:
    """A gzipped input over the limit reports the decompressed bytes read, saying so, not the
    size of the compressed file ('0.0 MiB')."""
    data = gzip.compress(((ARTICLE + "\n\n") * 20).encode())
    err = _error(write(tmp_path / "a.txt.gz", data), max_bytes=1000)
    assert err.reason == "too_large" and "0.0 MiB" not in err.message
    assert "decompressed" in err.message and "1,001 bytes" in err.message
    assert "1,000 bytes" in err.message  # the limit, in the unit it was given in


def test_too_large_plain_file_reports_its_size_in_bytes_when_small(tmp_path: Path) -> None:
    """A plain file over a small limit gives its size and the limit in bytes, not '0.0 MiB'."""
    text = (ARTICLE + "\n\n") * 20
    err = _error(write(tmp_path / "a.txt", text), max_bytes=1000)
    assert err.reason == "too_large" and "0.0 MiB" not in err.message
    assert f"{len(text.encode()):,} bytes" in err.message and "1,000 bytes" in err.message


# --- Dates ---------------------------------------------------------------------------------------


def _results(*paths: Path) -> list:
    return list(iter_results([str(p) for p in paths], Settings(events=False)))


def _date_notes(items: list) -> dict[str, str]:
    return {i.source.label(): i.message for i in items if isinstance(i, SourceError)}


BODY = (
    "Police fired tear gas at hundreds of protesters marching on parliament on Tuesday, "
    "witnesses said. The interior ministry said 40 people had been arrested."
)
FEED = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Chad closes border</title><link>https://example.test/chad</link>
<pubDate>sometime last week</pubDate><description>{body}</description></item>
<item><title>Mali extends transition</title><link>https://example.test/mali</link>
<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><description>{body}</description></item>
</channel></rss>"""


def test_unreadable_dates_keep_the_document_with_a_note(tmp_path: Path) -> None:
    """A date that cannot be read (a JSONL field, front matter, a feed entry's date, a page's
    own metadata) no longer vanishes silently: the document is kept without it, and a
    'bad_date' note after its result quotes the date; readable dates give no note."""
    jsonl = write(
        tmp_path / "a.jsonl",
        json.dumps({"id": "x", "date": "next Tuesday-ish", "text": BODY})
        + "\n"
        + json.dumps({"id": "y", "date": "2025-03-14", "text": BODY + " Again."})
        + "\n",
    )
    front = write(tmp_path / "b.txt", f"---\ndate: the day before yesterday\n---\n{BODY}\n")
    feed = write(tmp_path / "c.rss", FEED.format(body=BODY))
    html = page("Crowds outside parliament", [BODY, BODY + " Again."])
    html = html.replace("2025-03-14T09:00:00Z", "a while ago")
    pages = write(tmp_path / "d.html", html)
    items = _results(jsonl, front, feed, pages)
    results = [i for i in items if isinstance(i, DocumentResult)]
    assert len(results) == 6 and not [r for r in results if r.error]
    assert [r.published for r in results] == [None, "2025-03-14", None, None, "2025-03-04", None]
    notes = _date_notes(items)
    assert set(notes) == {f"{jsonl}#line1", str(front), f"{feed}#entry1", str(pages)}
    assert {i.reason for i in items if isinstance(i, SourceError)} == {"bad_date"}
    assert "'next Tuesday-ish'" in notes[f"{jsonl}#line1"]
    assert "'the day before yesterday'" in notes[str(front)]
    assert "'sometime last week'" in notes[f"{feed}#entry1"]
    assert "'a while ago'" in notes[str(pages)]
    # each note comes right after its document's result
    for i, item in enumerate(items):
        if isinstance(item, SourceError):
            assert items[i - 1].source == item.source


def test_an_unreadable_date_field_over_a_dated_page_says_which_date_was_used(
    tmp_path: Path, store
) -> None:
    """An unreadable date given with a page that has its own date: the page's date is used,
    and the note says so; through ingest the note is stored as a notice, not a failure."""
    html = page("Crowds outside parliament", [BODY, BODY + " Again."])
    path = write(
        tmp_path / "p.jsonl", json.dumps({"html": html, "date": "14/03/2025 (approx)"}) + "\n"
    )
    report = ingest([str(path)], store, Settings(events=False))
    assert report.outcome.stored == 1 and report.outcome.failed == 0
    assert report.outcome.notices == 1
    [note] = store.errors()
    assert note["reason"] == "bad_date" and "2025-03-14" in note["message"]
    assert "'14/03/2025 (approx)'" in note["message"]


# --- Reader bugs ---------------------------------------------------------------------------------


def test_a_reader_that_fails_unexpectedly_costs_only_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unforeseen exception inside a reader (a library bug on a strange file) becomes one
    'internal' error for that input, and the next inputs are read."""
    import eventwire.sources as sources

    def broken(data: bytes, path: str):
        raise AttributeError("'NoneType' object has no attribute 'startswith'")
        yield  # a generator, as iter_feed is

    monkeypatch.setattr(sources, "iter_feed", broken)
    feed = write(tmp_path / "a.rss", "<rss version='2.0'><channel></channel></rss>")
    text = write(tmp_path / "b.txt", ARTICLE)
    items = _items(feed, text)
    assert [type(i).__name__ for i in items] == ["SourceError", "RawDocument"]
    assert items[0].reason == "internal" and "AttributeError" in items[0].message


# --- Feeds ---------------------------------------------------------------------------------------

BAD_REFS = """<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Chad closes border &#xD800;</title><link>https://example.test/chad</link>
<description>Chad closed its eastern border &#55296; with Sudan on Wednesday.</description></item>
<item><title>Mali extends transition</title><link>https://example.test/mali</link>
<description>Mali's junta extended the transition &#x110000;x by three years.</description></item>
<item><title>Serbia recalls ambassador</title><link>https://example.test/serbia</link>
<description>Serbia recalled its ambassador &#99999999999; on Saturday.</description></item>
<item><title>Kenya police fire tear gas</title><link>https://example.test/kenya</link>
<description>Police fired tear gas at protesters in Nairobi on Tuesday.</description></item>
</channel></rss>"""


def test_feed_character_references_to_no_character_are_replaced(tmp_path: Path) -> None:
    """A feed with character references that name no character (a lone surrogate, past
    U+10FFFF) is read, each such reference as U+FFFD (as HTML does) with a 'repaired' note on
    its entry; feedparser raised UnicodeEncodeError, ValueError or OverflowError on them."""
    path = write(tmp_path / "wire.rss", BAD_REFS)
    items = _items(path)
    docs = _docs(items)
    assert len(docs) == len(items) == 4
    bodies = [d.text or d.html for d in docs]
    assert docs[0].title == "Chad closes border \ufffd" and "border \ufffd with" in bodies[0]
    assert "transition \ufffdx by" in bodies[1] and "ambassador \ufffd on" in bodies[2]
    assert [bool(d.notes) for d in docs] == [True, True, True, False]
    assert {reason for d in docs for reason, _ in d.notes} == {"repaired"}
