"""The time and memory one large hostile document costs, each measured in a fresh process:

    python fuzz/bounds.py                 # every case
    python fuzz/bounds.py --case prose-1mb --time-limit 600

For each case: the input's size, the seconds it took (read, extract, clean and, unless the case
says otherwise, parse and code with the default time limit per document), how it ended, and
the process's peak memory (RSS) before and after it (the model loaded in both).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

MB = 1_000_000


def _prose(size: int) -> str:
    from hostile_inputs import GOOD_SENTENCES

    out, i = [], 0
    while sum(map(len, out)) < size:
        out.append(f"Update {i}. {GOOD_SENTENCES[i % len(GOOD_SENTENCES)]}")
        out.append("\n\n" if i % 4 == 3 else " ")
        i += 1
    return "".join(out)[:size]


# name: (how the input is made, what runs: "process" codes it, "clean" stops after cleaning)
CASES = {
    "prose-100kb": (lambda: _prose(100_000), "process"),
    "prose-1mb": (lambda: _prose(MB), "process"),
    "one-char-tokens-100kb": (lambda: "!? " * 33_333, "process"),
    "symbol-run-1mb": (lambda: "$" * MB, "process"),
    "emoji-run-100kb": (lambda: "\U0001f642" * 25_000, "process"),
    "enormous-line-10mb-read-and-clean": (lambda: "word " * (2 * MB), "clean"),
    "nested-html-5000": (
        lambda: "<html><body>" + "<div>" * 5000 + _prose(20_000) + "</div>" * 5000,
        "process-html",
    ),
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(case: str, time_limit: float) -> dict:
    from eventwire import Settings, read
    from eventwire.model import RawDocument, SourceRef
    from eventwire.pipeline import process_batch

    make, what = CASES[case]
    process_batch([RawDocument(SourceRef("warm-up"), text="Talks resumed on Monday.")])
    content = make()
    folder = Path(tempfile.mkdtemp(prefix="eventwire-bounds-"))
    path = folder / ("doc.html" if what == "process-html" else "doc.txt")
    path.write_text(content, encoding="utf-8")
    before = _rss_mb()
    started = time.monotonic()
    [raw] = list(read([str(path)], Settings(max_bytes=20 * MB)))
    assert isinstance(raw, RawDocument), raw
    [result] = process_batch([raw], code=what != "clean", time_limit=time_limit)
    seconds = time.monotonic() - started
    return {
        "case": case,
        "bytes": path.stat().st_size,
        "seconds": round(seconds, 2),
        "error": result.error,
        "events": len(result.events),
        "rss_before_mb": round(before),
        "peak_rss_mb": round(_rss_mb()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES))
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run(args.run, args.time_limit)))
        return
    for case in args.case or list(CASES):
        out = subprocess.run(
            [sys.executable, __file__, "--run", case, "--time-limit", str(args.time_limit)],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode:
            print(f"{case}: failed\n{out.stderr[-2000:]}", flush=True)
            continue
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{case}: {figures['bytes']:,} bytes in {figures['seconds']} s, "
            f"error={figures['error']}, {figures['events']} events, "
            f"RSS {figures['rss_before_mb']} -> {figures['peak_rss_mb']} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
