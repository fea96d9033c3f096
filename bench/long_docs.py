"""Coding cost as documents grow: is it linear in the text?

    python bench/long_docs.py [--sizes 1000 2000 4000]

Each size is a document of that many repeats of a short team-written report (two sentences,
one paragraph: the worst case for anything that rescans the paragraph or the document), parsed,
then coded once. Prints the coding time per 1,000 sentences at each size and the ratio of the
largest size's to the smallest's (1.0: linear), and the process's peak memory after each size.
"""

from __future__ import annotations

import argparse
import resource
import time

from eventwire.coding.events import code_document
from eventwire.nlp import parse

REPORT = "The ministry said it would respond. He said they would act, police said. "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000])
    args = parser.parse_args()
    code_document(parse(REPORT), "warm-up")
    per_thousand = []
    for n in args.sizes:
        doc = parse(REPORT * n)
        start = time.perf_counter()
        code_document(doc, str(n))
        took = time.perf_counter() - start
        sentences = 2 * n
        per_thousand.append(took / sentences * 1000)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{n:6d} repeats ({len(doc.text):8,d} characters): coding {took:6.2f} s, "
            f"{per_thousand[-1]:5.2f} s per 1,000 sentences; peak memory {peak:,.0f} MB"
        )
    print(f"per-sentence cost, largest over smallest: {per_thousand[-1] / per_thousand[0]:.2f}")


if __name__ == "__main__":
    main()
