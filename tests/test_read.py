"""eventwire.read without a Settings object: the defaults apply."""

from __future__ import annotations

from pathlib import Path

from eventwire import RawDocument, Settings, SourceError, read

ARTICLE = "Police fired tear gas at protesters in Nairobi on Tuesday.\n"


def test_read_without_settings(tmp_path: Path) -> None:
    """read(paths) works alone and gives what read(paths, Settings()) gives."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    items = list(read([str(tmp_path)]))
    assert [type(x) for x in items] == [RawDocument, SourceError]
    assert items[0].text.startswith("Police fired tear gas")
    assert items[1].reason == "empty"
    assert items == list(read([str(tmp_path)], Settings()))


def test_read_without_settings_keeps_the_default_limit(tmp_path: Path) -> None:
    """The default Settings' max_bytes applies: a document over 10 MiB is refused, not read."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (Settings().max_bytes + 1))
    [item] = read([str(big)])
    assert isinstance(item, SourceError)
    assert item.reason == "too_large"
