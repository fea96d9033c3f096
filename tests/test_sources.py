"""Sources: every input kind becomes RawDocuments, whatever the file is called."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest

from builders import ARTICLE, ATOM, RSS, page, three_pages, warc_bytes, write
from eventwire import Settings, process, read
from eventwire.errors import UsageError
from eventwire.model import RawDocument, SourceError
from eventwire.sources.detect import detect_kind
from eventwire.sources.text import split_front_matter


def _docs(*paths: Path | str, **kw) -> list[RawDocument | SourceError]:
    return list(read([str(p) for p in paths], Settings(**kw)))


def test_text_file_with_front_matter(tmp_path: Path) -> None:
    """A .txt file's front matter becomes metadata and is not part of the text."""
    path = write(
        tmp_path / "a.txt",
        "---\nurl: https://x.test/a\noutlet: X Wire\n"
        "date: 2025-03-14\ntitle: A title\n---\n" + ARTICLE,
    )
    [doc] = _docs(path)
    assert (doc.url, doc.outlet, doc.date, doc.title) == (
        "https://x.test/a",
        "X Wire",
        "2025-03-14",
        "A title",
    )
    assert doc.text.startswith("Kenyan police")


def test_front_matter_that_does_not_close_is_text() -> None:
    """A leading '---' without a closing line is just text."""
    meta, text = split_front_matter("---\nnot front matter at all\n")
    assert meta == {} and text.startswith("---")


def test_html_page_gives_text_and_metadata(tmp_path: Path) -> None:
    """An HTML page yields its article text, title, date and site name."""
    path = write(
        tmp_path / "p.html",
        page(
            "Troops sent to the border",
            [
                "The ministry said 3,000 troops had been sent to the northern border on Tuesday, "
                "a move neighbouring governments condemned.",
                "Officials denied planning an attack.",
            ],
        ),
    )
    [raw] = _docs(path)
    result = process(raw)
    assert result.error is None
    assert result.title == "Troops sent to the border"
    assert result.published == "2025-03-14"
    assert result.outlet == "Example Wire"
    assert "3,000 troops" in result.text and "Copyright" not in result.text


def test_warc_gz_streams_html_responses(tmp_path: Path) -> None:
    """A gzipped WARC yields one document per HTML response, with URI and WARC-Date."""
    path = write(tmp_path / "crawl.warc.gz", warc_bytes(three_pages()))
    items = _docs(path)
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert [d.url for d in docs] == [f"https://example.test/story/{i}" for i in range(3)]
    assert all(d.date.startswith("2025-03-15") for d in docs)
    notes = [e for e in items if isinstance(e, SourceError)]
    assert [n.reason for n in notes] == ["not_html"]  # the image, counted, not failed


def test_plain_warc_is_read_too(tmp_path: Path) -> None:
    """An uncompressed WARC works the same way."""
    path = write(tmp_path / "crawl.warc", gzip_decompress_members(warc_bytes(three_pages())))
    assert sum(isinstance(d, RawDocument) for d in _docs(path)) == 3


def gzip_decompress_members(data: bytes) -> bytes:
    return gzip.decompress(data)


def test_rss_and_atom_entries(tmp_path: Path) -> None:
    """Each feed entry is a document with its link, title, date and content."""
    rss = write(tmp_path / "wire.rss", RSS)
    atom = write(tmp_path / "agency.atom", ATOM)
    docs = _docs(rss, atom)
    assert [d.url for d in docs] == [
        "https://example.test/mali",
        "https://example.test/chad",
        "https://example.test/serbia",
    ]
    assert docs[0].date.startswith("2025-03-04") and docs[0].outlet == "Example Wire World"
    mali = process(docs[0])
    assert mali.title == "Mali junta extends transition by three years"
    assert "Opposition parties rejected" in mali.text
    assert "<p>" not in mali.text


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    """Good JSONL lines are documents; a bad line is an error naming its line, not a stop."""
    path = write(
        tmp_path / "in.jsonl",
        '{"id": "a", "text": "One sentence of news."}\n'
        "{broken\n\n"
        '{"id": "c", "html": "<html><body><p>x</p></body></html>"}\n'
        '{"id": "d", "text": "t", "html": "h"}\n',
    )
    items = _docs(path)
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "SourceError",
        "RawDocument",
        "SourceError",
    ]
    assert items[1].source.locator == "line2" and items[1].reason == "malformed"
    assert "exactly one" in items[3].message


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("story.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("story.html", "Just plain text, no markup.", "text"),
        ("feed.txt", RSS, "feed"),
        ("noext", '{"text": "a"}', "jsonl"),
        ("data.bin", "WARC/1.0\r\n", "warc"),
        ("page.xml", "<?xml version='1.0'?><html><body>x</body></html>", "html"),
    ],
)
def test_kind_is_detected_from_content_when_the_name_lies(name, content, kind) -> None:
    """Content decides the kind; the extension only breaks ties."""
    assert detect_kind(name, content.encode()) == kind


def test_html_named_txt_is_extracted_as_html(tmp_path: Path) -> None:
    """A page saved as .txt still goes through HTML extraction."""
    path = write(
        tmp_path / "saved.txt",
        page(
            "Border talks collapse",
            [
                "Talks between the two governments collapsed on Friday after a dispute over the "
                "route of the border, mediators said in a statement."
            ],
        ),
    )
    [raw] = _docs(path)
    assert raw.html is not None and raw.source.kind == "html"


def test_gzipped_text_and_jsonl(tmp_path: Path) -> None:
    """Any input may be gzipped; the inner name decides the kind."""
    path = write(
        tmp_path / "a.jsonl.gz", gzip.compress(b'{"text": "A sentence."}\n{"text": "Another."}\n')
    )
    assert len(_docs(path)) == 2


def test_folders_are_walked_for_input_files_only(tmp_path: Path) -> None:
    """A folder gives its input files, sorted; scripts, notes and hidden files are skipped."""
    write(tmp_path / "b" / "two.txt", "Second.")
    write(tmp_path / "a" / "one.txt", "First.")
    write(tmp_path / "a" / "make.py", "print('not news')")
    write(tmp_path / "a" / "README.md", "# docs")
    write(tmp_path / ".hidden.txt", "Hidden.")
    assert [d.text for d in _docs(tmp_path)] == ["First.", "Second."]


def test_globs_expand_and_missing_paths_are_usage_errors(tmp_path: Path) -> None:
    """Globs match files; a path that matches nothing is an error before anything runs."""
    write(tmp_path / "x1.txt", "One.")
    write(tmp_path / "x2.txt", "Two.")
    assert len(_docs(str(tmp_path / "x*.txt"))) == 2
    with pytest.raises(UsageError, match="no such file"):
        _docs(tmp_path / "missing.txt")


def test_stdin_is_read_with_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """'-' reads one document from standard input."""
    fake = io.TextIOWrapper(io.BytesIO(ARTICLE.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    [doc] = _docs("-")
    assert doc.text.startswith("Kenyan police")


def test_forced_kind(tmp_path: Path) -> None:
    """--kind overrides detection."""
    path = write(tmp_path / "x.dat", "<p>Markup shown as text</p>")
    [doc] = _docs(path, kind="text")
    assert doc.text == "<p>Markup shown as text</p>"
