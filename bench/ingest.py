"""Ingest throughput: eventwire (read + extract + clean + store) vs trafilatura's bare extraction.

    python bench/ingest.py [--docs 2000]

Writes a generated corpus of HTML pages to a temporary folder, then in one run measures:
  - trafilatura.bare_extraction on every page (in memory): the floor for the HTML path;
  - eventwire ingest of the same pages from disk into a new DuckDB store, without event coding
    (--no-events: read, detect, decode, extract, clean, store);
  - eventwire ingest of plain-text pages with scraper debris (cleaning + store, no extraction);
  - eventwire ingest of the HTML pages with event coding (the spaCy parse dominates).
Prints documents per second and the ratio eventwire / trafilatura.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import html_page, text_page  # noqa: E402
from eventwire import Settings, ingest, open_store  # noqa: E402

WARMUP = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = [html_page(rng, i) for i in range(args.docs)]
        for i, page in enumerate(pages):
            (root / "html").mkdir(exist_ok=True)
            (root / "html" / f"{i:05d}.html").write_text(page, encoding="utf-8")
            (root / "text").mkdir(exist_ok=True)
            (root / "text" / f"{i:05d}.txt").write_text(text_page(rng), encoding="utf-8")

        warm = root / "warm"
        warm.mkdir()
        for i, page in enumerate(pages[:WARMUP]):  # imports, caches and lxml set-up, both sides
            trafilatura.bare_extraction(page, with_metadata=True)
            (warm / f"{i}.html").write_text(page, encoding="utf-8")
        with open_store(root / "warm.duckdb") as store:
            ingest([str(warm)], store, Settings())

        t0 = time.perf_counter()
        for page in pages:
            trafilatura.bare_extraction(
                page, with_metadata=True, include_comments=False, include_tables=False
            )
        bare = time.perf_counter() - t0

        with open_store(root / "html.duckdb") as store:
            t0 = time.perf_counter()
            report = ingest([str(root / "html")], store, Settings(events=False))
            ours = time.perf_counter() - t0
            assert report.outcome.stored == args.docs, report.failures[:3]

        with open_store(root / "text.duckdb") as store:
            t0 = time.perf_counter()
            report = ingest([str(root / "text")], store, Settings(events=False))
            text_time = time.perf_counter() - t0
            assert report.outcome.stored == args.docs, report.failures[:3]

        with open_store(root / "coded.duckdb") as store:
            t0 = time.perf_counter()
            ingest([str(root / "html")], store, Settings())
            coded_time = time.perf_counter() - t0

    n = args.docs
    print(f"documents: {n} HTML pages, {n} text pages (generated, seed 7)")
    print(f"trafilatura bare extraction : {n / bare:8.1f} docs/s")
    print(
        f"eventwire ingest, HTML      : {n / ours:8.1f} docs/s  "
        f"(ratio to trafilatura: {bare / ours:.2f})"
    )
    print(f"eventwire ingest, text      : {n / text_time:8.1f} docs/s  (clean + store only)")
    print(
        f"eventwire ingest, HTML, events: {n / coded_time:6.1f} docs/s  "
        "(extract, clean, parse, code, store)"
    )


if __name__ == "__main__":
    main()
