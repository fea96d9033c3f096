"""What the fuzz targets share: the command line, the engine, the figures, the time bound.

Each target (``fuzz/fuzz_*.py``) gives a function of bytes that raises only when a promise is
broken (tests/invariants.py). The engine is atheris (coverage-guided libFuzzer) where it is
installed, which the dev extra does on x86-64 Linux with Python 3.11 to 3.13; elsewhere, or with
``--engine random``, a seeded random mutation fuzzer of the seeds. Either stops after
``--seconds`` and prints one line of figures (inputs tried, the largest and the slowest input
with their times, peak memory), also written as JSON with ``--report FILE``.

A failing input is saved under ``fuzz/_crashes/`` (libFuzzer's ``crash-*``/``timeout-*`` files,
or ``TARGET-SHA.bin``) and the run exits non-zero; replay it with ``--replay FILE``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRASHES = ROOT / "fuzz" / "_crashes"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

# Seconds one input may take before it counts as a hang (a failure): the per-document time
# limit of coding is 60 s, and fuzz inputs are small.
INPUT_TIMEOUT = 120
# libFuzzer's longest input; the seeds may be longer (their length is the floor).
MAX_LEN = 16_384

Target = Callable[[bytes], None]


def _atheris():
    try:
        import atheris
    except ImportError:
        return None
    return atheris


def _random_engine_asked() -> bool:
    argv = sys.argv[1:]
    return "--engine=random" in argv or any(
        a == "--engine" and b == "random" for a, b in zip(argv, argv[1:], strict=False)
    )


def instrumented():
    """A context in which imports are instrumented for coverage, when atheris runs."""
    atheris = _atheris()
    if atheris is None or _random_engine_asked():
        return nullcontext()
    return atheris.instrument_imports(
        include=["eventwire", "warcio", "feedparser", "trafilatura", "charset_normalizer"]
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Figures:
    """What a run tried: counts, the largest and the slowest input, peak memory."""

    def __init__(self, name: str, engine: str) -> None:
        self.name, self.engine = name, engine
        self.inputs = 0
        self.largest = (0, 0.0)  # bytes, seconds
        self.slowest = (0, 0.0)
        self.slowest_input = b""
        self.started = time.monotonic()
        self.rss_start = _rss_mb()

    def add(self, data: bytes, seconds: float) -> None:
        self.inputs += 1
        if len(data) >= self.largest[0]:
            self.largest = (len(data), seconds)
        if seconds >= self.slowest[1]:
            self.slowest = (len(data), seconds)
            self.slowest_input = data

    def as_dict(self) -> dict:
        return {
            "target": self.name,
            "engine": self.engine,
            "inputs": self.inputs,
            "seconds": round(time.monotonic() - self.started, 1),
            "largest_bytes": self.largest[0],
            "largest_seconds": round(self.largest[1], 3),
            "slowest_bytes": self.slowest[0],
            "slowest_seconds": round(self.slowest[1], 3),
            "rss_after_warm_up_mb": round(self.rss_start),
            "peak_rss_mb": round(_rss_mb()),
        }

    def report(self, path: str | None) -> None:
        figures = self.as_dict()
        print(
            f"{self.name} ({self.engine}): {figures['inputs']:,} inputs in {figures['seconds']} s; "
            f"largest {figures['largest_bytes']:,} bytes in {figures['largest_seconds']} s; "
            f"slowest {figures['slowest_seconds']} s ({figures['slowest_bytes']:,} bytes); "
            f"peak RSS {figures['peak_rss_mb']} MB ({figures['rss_after_warm_up_mb']} MB "
            "after warm-up)",
            flush=True,
        )
        if path:
            Path(path).write_text(json.dumps(figures) + "\n", encoding="utf-8")
            # the slowest input beside the figures, to look at (or --replay)
            Path(path).with_suffix(".slowest.bin").write_bytes(self.slowest_input)


def _save(name: str, data: bytes) -> Path:
    CRASHES.mkdir(parents=True, exist_ok=True)
    path = CRASHES / f"{name}-{hashlib.sha1(data).hexdigest()[:12]}.bin"
    path.write_bytes(data)
    return path


class _Hang(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ANN001
    raise _Hang(f"one input took over {INPUT_TIMEOUT} s")


def _mutate(
    rng: random.Random, data: bytes, pool: list[bytes], tokens: list[bytes], max_len: int
) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        how = rng.randrange(8)
        at = rng.randint(0, len(out))
        if how == 0 and out:  # flip bits
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        elif how == 1:  # a random byte in
            out[at:at] = bytes([rng.randrange(256)])
        elif how == 2 and out:  # a chunk out
            del out[at : at + rng.randint(1, 64)]
        elif how == 3:  # a token in
            out[at:at] = rng.choice(tokens)
        elif how == 4 and out:  # a chunk repeated
            chunk = bytes(out[at : at + rng.randint(1, 32)])
            out[at:at] = chunk * rng.randint(1, 64)
        elif how == 5:  # cut short
            del out[at:]
        elif how == 6:  # spliced with another input
            other = rng.choice(pool)
            out = out[:at] + other[rng.randint(0, len(other)) :]
        else:  # random bytes in
            out[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(out[:max_len])


TOKENS = [
    b"\x00",
    b"\xff",
    b"\xed\xa0\x80",  # a lone surrogate in UTF-8
    b"\xe2\x80\xae",  # right-to-left override
    b"\xcc\x81",  # a combining mark
    b"\r\n",
    b"\n\n",
    b"<div>",
    b"</p>",
    b"<![CDATA[",
    b"&#0;",
    b"&#xD800;",
    b'{"text": "',
    b'"}',
    b"\\ud800",
    b"WARC/1.0\r\n",
    b"Content-Length: 99999\r\n",
    b"\x1f\x8b\x08\x00",
    b"<item><title>",
    b"</item>",
    b"<entry>",
    b"---\n",
    b"\xef\xbb\xbf",
    b"\xfe\xff",
    b"\xd8\x3d\xde\x42",  # 🙂 in UTF-16-BE
    "مرحبا".encode(),
]


def run(
    name: str,
    target: Target,
    seeds: list[bytes],
    warm_up: Callable[[], None],
    max_len: int = MAX_LEN,
    libfuzzer: tuple[str, ...] = (),
) -> None:
    """Fuzz ``target`` from ``seeds`` on the command line's terms; ``max_len`` is the longest
    input tried (the seeds may be longer), ``libfuzzer`` more of libFuzzer's options."""
    parser = argparse.ArgumentParser(description=f"fuzz the {name} for a bounded time")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run (60)")
    parser.add_argument("--seed", type=int, default=1, help="the random engine's seed (1)")
    parser.add_argument("--engine", choices=["atheris", "random"], default=None)
    parser.add_argument("--report", help="write the figures to this file as JSON")
    parser.add_argument("--replay", nargs="*", help="run these saved inputs once and stop")
    args, rest = parser.parse_known_args()

    warm_up()
    if args.replay is not None:
        for path in args.replay:
            target(Path(path).read_bytes())
            print(f"{path}: passes")
        return
    atheris = _atheris() if args.engine != "random" else None
    if args.engine == "atheris" and atheris is None:
        sys.exit("atheris is not installed here; use --engine random")
    figures = Figures(name, "atheris" if atheris else "random")
    deadline = time.monotonic() + args.seconds

    def one(data: bytes) -> None:
        start = time.monotonic()
        target(data)
        figures.add(data, time.monotonic() - start)
        if time.monotonic() > deadline:
            figures.report(args.report)
            sys.stdout.flush()
            os._exit(0)  # libFuzzer would exit without running Python's exit handlers

    if atheris:
        CRASHES.mkdir(parents=True, exist_ok=True)
        import tempfile

        corpus = Path(tempfile.mkdtemp(prefix=f"eventwire-fuzz-{name}-"))
        for seed in seeds:
            (corpus / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
        atheris.Setup(
            [
                sys.argv[0],
                f"-max_total_time={int(args.seconds) + 60}",
                f"-timeout={INPUT_TIMEOUT}",
                f"-max_len={max(max_len, *(len(s) for s in seeds))}",
                "-rss_limit_mb=4096",
                f"-seed={args.seed}",
                f"-artifact_prefix={CRASHES}/{name}-",
                "-print_final_stats=1",
                *libfuzzer,
                *rest,
                str(corpus),
            ],
            one,
        )
        atheris.Fuzz()
        figures.report(args.report)
        return

    rng = random.Random(args.seed)
    pool = list(seeds)
    signal.signal(signal.SIGALRM, _on_alarm)
    while True:
        data = rng.choice(pool)
        if figures.inputs >= len(seeds):  # the seeds as they are first, then mutants
            data = _mutate(rng, data, pool, TOKENS, max(max_len, len(data)))
        else:
            data = seeds[figures.inputs]
        signal.alarm(INPUT_TIMEOUT)
        try:
            one(data)
        except BaseException:
            signal.alarm(0)
            path = _save(name, data)
            traceback.print_exc()
            print(f"{name}: failure on the input saved as {path}", file=sys.stderr)
            figures.report(args.report)
            sys.exit(1)
        signal.alarm(0)
        if rng.random() < 0.02 and len(pool) < 500:
            pool.append(data)
