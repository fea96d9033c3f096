"""Fuzz the cleaner: any text (lone surrogates, controls, any script), with or without a title
and a description, through ``eventwire.clean.clean``. Cleaning must not raise, and its removed
spans and kept segments must round-trip to the raw text.

    python fuzz/fuzz_clean.py --seconds 60
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from eventwire.clean import clean

from invariants import check_cleaned  # noqa: E402

DECODINGS = [("utf-8", "surrogateescape"), ("utf-16-le", "surrogatepass"), ("latin-1", "strict")]


def text_of(data: bytes) -> tuple[str, str | None, str | None]:
    """The raw text, title and description an input stands for: its first byte chooses the
    decoding and whether the first and second lines are the title and description."""
    if not data:
        return "", None, None
    mode, rest = data[0], data[1:]
    encoding, errors = DECODINGS[mode % len(DECODINGS)]
    if encoding == "utf-16-le" and len(rest) % 2:
        rest = rest[:-1]
    text = rest.decode(encoding, errors)
    title = description = None
    if mode & 0x10:
        title, _, text = text.partition("\n")
    if mode & 0x20:
        description, _, text = text.partition("\n")
    return text, title, description


def target(data: bytes) -> None:
    text, title, description = text_of(data)
    check_cleaned(clean(text, title=title, description=description), text)


def seeds() -> list[bytes]:
    found = []
    for path in sorted((harness.ROOT / "tests" / "fixtures" / "clean").glob("*.txt")):
        if not path.name.endswith(".clean.txt"):
            found.append(b"\x00" + path.read_bytes())
            found.append(b"\x10" + path.read_bytes())
    return found


if __name__ == "__main__":
    harness.run("cleaner", target, seeds(), lambda: target(seeds()[0]))
