"""Bad input: each gets a clear per-document error, the batch goes on, nothing stored is harmed."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from builders import ARTICLE, page, three_pages, warc_bytes, write
from eventwire import Settings, ingest, process, read
from eventwire.errors import REASONS
from eventwire.model import RawDocument, SourceError


def _one(path: Path, **kw) -> list[RawDocument | SourceError]:
    return list(read([str(path)], Settings(**kw)))


def _error(path: Path, **kw) -> SourceError:
    items = _one(path, **kw)
    errors = [i for i in items if isinstance(i, SourceError)]
    assert errors, f"expected an error for {path.name}, got {items}"
    return errors[0]


def test_empty_file(tmp_path: Path) -> None:
    """An empty file is reported as empty."""
    assert _error(write(tmp_path / "e.txt", "")).reason == "empty"
    assert _error(write(tmp_path / "w.txt", "  \n\n ")).reason == "empty"


@pytest.mark.parametrize("name", ["e.jsonl.gz", "e.txt.gz", "e.gz", "e.rss.gz", "e.warc.gz"])
@pytest.mark.parametrize("content", [b"", b" \n\n \n"])
def test_empty_gzipped_file(tmp_path: Path, name: str, content: bytes) -> None:
    """A gzipped empty (or blank) file is empty, as the same file uncompressed is: gzipped
    JSON Lines of no line gave no document and no error at all."""
    [item] = _one(write(tmp_path / name, gzip.compress(content)))
    assert isinstance(item, SourceError) and item.reason == "empty", item


@pytest.mark.parametrize("gzipped", [False, True])
@pytest.mark.parametrize("name", ["lead.jsonl", "lead.txt", "lead"])
def test_a_file_opening_with_many_blank_lines_is_not_empty(
    tmp_path: Path, name: str, gzipped: bool
) -> None:
    """9,000 blank lines before the content: more than the first bytes looked at to tell the
    kind. The file was reported empty and its documents lost."""
    line = b'{"text": "Police arrested ten protesters on Monday, officials said."}'
    if not name.endswith(".jsonl"):
        line = b"Police arrested ten protesters on Monday in Nairobi, officials said."
    data = b"\n" * 9000 + line + b"\n"
    if gzipped:
        data, name = gzip.compress(data), name + ".gz"
    [doc] = _one(write(tmp_path / name, data))
    assert isinstance(doc, RawDocument), doc
    assert "Police arrested ten protesters on Monday" in doc.text
    assert doc.source.locator == ("line9001" if ".jsonl" in name else "")


def test_a_jsonl_file_of_only_blank_lines_past_the_look_ahead_is_empty(tmp_path: Path) -> None:
    [error] = _one(write(tmp_path / "blank.jsonl", b"\n" * (2 << 20) + b"  "))
    assert error.reason == "empty"


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_binary_file(tmp_path: Path, data: bytes, word: str) -> None:
    """Binary data is refused as binary, naming the format when it is a known one."""
    err = _error(write(tmp_path / "b.txt", data))
    assert err.reason == "binary" and word in err.message


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("latin-1", b""),
        ("cp1252", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ],
)
def test_other_encodings_are_decoded(tmp_path: Path, encoding: str, bom: bytes) -> None:
    """Latin-1, Windows-1252 and UTF-16 with a BOM are decoded, not garbled or refused."""
    text = (
        "Protesters gathered in S\u00e3o Paulo and Bras\u00edlia on Sunday, "
        "the governor\u2019s office said. " * 3
    )
    if encoding == "latin-1":
        text = text.replace("\u2019", "'")
    path = write(tmp_path / "enc.txt", bom + text.encode(encoding))
    [doc] = _one(path)
    assert isinstance(doc, RawDocument)
    assert "S\u00e3o Paulo" in doc.text and "Bras\u00edlia" in doc.text


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    """A Windows-1252 page that says so in its meta tag is decoded with that charset."""
    html = page(
        "Police clash with protesters in Bras\u00edlia",
        [
            "Police fired tear gas in Bras\u00edlia on Wednesday \u2014 witnesses said 41 people "
            "were detained near the S\u00e3o Francisco building."
        ],
    )
    html = html.replace("<head>", '<head><meta charset="windows-1252">')
    [raw] = _one(write(tmp_path / "p.html", html.encode("cp1252")))
    assert raw.encoding == "cp1252"
    assert "Bras\u00edlia on Wednesday \u2014" in process(raw).text


def test_undecodable_bytes(tmp_path: Path) -> None:
    """Bytes that are text in no encoding are reported as undecodable or binary."""
    junk = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02, 0x03, 0x04, 0x05]) * 50
    assert _error(write(tmp_path / "u.txt", junk)).reason in ("undecodable", "binary")


def test_truncated_gzip_warc_keeps_records_before_the_cut(tmp_path: Path) -> None:
    """A cut .warc.gz yields the records before the cut and one 'truncated' error."""
    data = warc_bytes(three_pages(), extra_image=False)
    path = write(tmp_path / "cut.warc.gz", data[: int(len(data) * 0.8)])
    items = _one(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, SourceError)]
    assert 1 <= len(docs) < 3
    assert [e.reason for e in errors] == ["truncated"]
    assert "record" in errors[0].source.locator


def test_truncated_plain_gzip(tmp_path: Path) -> None:
    """A cut gzip of a text file is reported as truncated."""
    data = gzip.compress(ARTICLE.encode() * 50)
    assert _error(write(tmp_path / "a.txt.gz", data[: len(data) // 2])).reason == "truncated"


def test_garbage_named_warc(tmp_path: Path) -> None:
    """A file named .warc that is not an archive is reported, not crashed on."""
    err = _error(write(tmp_path / "x.warc", "WARC/1.0\r\nthis is not a record\r\n\r\n"))
    assert err.reason in ("malformed", "truncated")


def test_malformed_html_still_extracts_or_says_why(tmp_path: Path) -> None:
    """Broken markup is parsed leniently; a page with no article text says so."""
    broken = (
        "<html><body><div><p>Security forces arrested 12 opposition activists in the "
        "capital on Monday, their lawyers said, <b>without charge<p>The government did "
        "not comment on the arrests, which drew criticism from rights groups</div>"
    )
    [raw] = _one(write(tmp_path / "broken.html", broken))
    result = process(raw)
    assert result.error is None and "arrested 12 opposition activists" in result.text
    [empty] = _one(write(tmp_path / "nav.html", "<html><body><nav><a>Home</a></nav></body>"))
    result = process(empty)
    assert result.error == "no_content" and result.error_message


def test_feed_that_is_not_a_feed(tmp_path: Path) -> None:
    """A .rss file without entries is 'not_a_feed', and the message says what to do."""
    err = _error(write(tmp_path / "news.rss", "Just a note, not a feed.\nSecond line."))
    assert err.reason == "not_a_feed" and "--kind" in err.message
    err = _error(write(tmp_path / "page.xml", "<?xml version='1.0'?><catalog><b/></catalog>"))
    assert err.reason == "not_a_feed"


def test_huge_text_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    """A 50 MB text file is over the per-document limit: 'too_large' with its size."""
    path = tmp_path / "huge.txt"
    line = ("The council met again on Tuesday to discuss the budget. " * 20 + "\n").encode()
    with open(path, "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    err = _error(path)
    assert err.reason == "too_large" and "50." in err.message and "limit" in err.message


def test_huge_jsonl_line_is_refused_and_the_next_line_read(tmp_path: Path) -> None:
    """One oversized JSONL line fails alone; the lines after it are still read."""
    big = '{"text": "' + "x" * 5000 + '"}\n'
    path = write(tmp_path / "b.jsonl", big + '{"text": "A short item."}\n')
    items = _one(path, max_bytes=1000)
    assert [type(i).__name__ for i in items] == ["SourceError", "RawDocument"]
    assert items[0].reason == "too_large"


def test_unreadable_file(tmp_path: Path) -> None:
    """A broken symlink is 'unreadable', not a crash."""
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert _error(link).reason == "unreadable"


def test_every_reason_has_advice() -> None:
    """Each reason code comes with what to do about it."""
    assert all(hint for hint in REASONS.values())


def test_bad_inputs_never_stop_the_batch_nor_harm_the_store(tmp_path: Path, store) -> None:
    """A batch mixing good and bad inputs stores the good ones, records the rest, harms nothing."""
    good = write(tmp_path / "in" / "a_good.txt", ARTICLE)
    first = ingest([str(good)], store)
    assert first.outcome.stored == 1
    before = store.document(store.documents()[0]["doc_id"])

    write(tmp_path / "in" / "b_empty.txt", "")
    write(tmp_path / "in" / "c_binary.txt", b"\x00\x01\x02" * 100)
    write(tmp_path / "in" / "d_feed.rss", "not a feed")
    data = warc_bytes(three_pages(), extra_image=False)
    write(tmp_path / "in" / "e_cut.warc.gz", data[: len(data) // 2])
    write(tmp_path / "in" / "f_other.txt", ARTICLE.replace("Tuesday", "Wednesday"))
    report = ingest([str(tmp_path / "in")], store, Settings(batch_size=2))
    assert report.outcome.failed == 4
    assert report.outcome.unchanged == 1
    assert report.outcome.stored >= 2  # the other article and the records before the cut
    reasons = {r["reason"] for r in store.errors()}
    assert {"empty", "binary", "not_a_feed", "truncated"} <= reasons
    assert store.document(before["doc_id"]) == before
