"""Fuzz the pipeline on short texts: any text of up to 2,000 characters (or an HTML page or
fragment), with a date of any shape, coded in one batch with a good document. The hostile one
must end in a result or a documented error, with offsets inside its text; the good one must
come out exactly as it does alone.

    python fuzz/fuzz_pipeline.py --seconds 60
"""

from __future__ import annotations

import harness

with harness.instrumented():
    from eventwire.model import RawDocument, SourceRef
    from eventwire.pipeline import process_batch

from hostile_inputs import GOOD_SENTENCES  # noqa: E402
from invariants import check_result, result_key  # noqa: E402

MAX_CHARS = 2_000
DATES = [None, "2025-03-14", "2025-02-30", "Tue, 04 Mar 2025 10:00:00 GMT", "\x00", "yesterday"]
GOOD = RawDocument(SourceRef("good"), text=" ".join(GOOD_SENTENCES[:3]), date="2025-03-14")
ALONE: dict = {}


def document(data: bytes) -> RawDocument:
    """The document an input stands for: its first byte chooses text, a page or a fragment,
    and the date; the rest, decoded as UTF-8 (bad bytes as lone surrogates), is its content."""
    mode = data[0] if data else 0
    content = data[1:].decode("utf-8", "surrogateescape")[:MAX_CHARS]
    date = DATES[mode % len(DATES)]
    source = SourceRef("hostile")
    shape = mode // len(DATES) % 4
    if shape == 1:
        return RawDocument(source, html=content, date=date)
    if shape == 2:
        return RawDocument(source, html=content, html_fragment=True, date=date)
    return RawDocument(source, text=content, date=date)


def target(data: bytes) -> None:
    hostile, good = process_batch([document(data), GOOD])
    check_result(hostile)
    check_result(good)
    assert result_key(good) == ALONE["good"], "a hostile document changed a good one's result"


def warm_up() -> None:
    [ALONE["good"]] = [result_key(r) for r in process_batch([GOOD])]
    target(b"\x00" + GOOD_SENTENCES[0].encode())


def seeds() -> list[bytes]:
    found = [bytes([mode]) + s.encode() for mode, s in enumerate(GOOD_SENTENCES)]
    found.append(bytes([len(DATES)]) + b"<html><body><p>" + GOOD_SENTENCES[1].encode() * 2)
    found.append(bytes([2 * len(DATES)]) + b"<p>" + GOOD_SENTENCES[2].encode() + b"</p><p>x</p>")
    found.append(b"\x01\xe2\x80\x9cWe will fight on,\xe2\x80\x9d said President Zelensky.")
    return found


if __name__ == "__main__":
    # inputs of any length up to MAX_CHARS from the start (libFuzzer grows them slowly, and an
    # input here costs tens of milliseconds)
    harness.run(
        "pipeline", target, seeds(), warm_up, max_len=MAX_CHARS + 1, libfuzzer=("-len_control=0",)
    )
