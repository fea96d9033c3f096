"""Hostile and broken inputs the readers meet in the wild: each is one document's error or note,
never a stop, a hang or a traceback, and the good documents around it are still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from builders import PARAGRAPHS, page, warc_record_without_uri, write
from eventwire import Settings, read
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
