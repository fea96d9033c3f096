"""Coding speed: sentences per second for a bare spaCy parse and for parse + event coding,
on the same texts, in one run.

    python bench/coding.py [--repeat 3]

Texts: the team's gold sentences (eval/gold/events.jsonl) and the cleaned example corpus.
The ratio (parse + coding) / parse is the cost of coding; the budget is at most 1.25. Each
round parses and codes the texts batch by batch (``nlp.BATCH_SIZE`` texts), as the pipeline
does, so that parse and coding are timed under the same load. Two estimates are printed: best
coding time over best parse time (each the minimum of its rounds), and the median over rounds
of coding time over the parse time of the same round. Each round first forgets what coding
remembers across documents (``Knowledge.forget``), so that every round codes the texts as met for
the first time. The model and the knowledge are loaded, then frozen out of the garbage
collector's way (``gc.freeze``) as the command line does before a run; ``--no-freeze`` leaves
them to the collector, as a library caller who does nothing gets them.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from pathlib import Path

from eventwire import Settings, read
from eventwire.coding.events import code_doc
from eventwire.coding.knowledge import DEFAULT
from eventwire.model import RawDocument
from eventwire.nlp import BATCH_SIZE, get_nlp, parse_many
from eventwire.pipeline import prepare

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    with open(ROOT / "eval/gold/events.jsonl", encoding="utf-8") as f:
        out = [json.loads(line)["text"] for line in f]
    for item in read([str(ROOT / "examples")], Settings()):
        if isinstance(item, RawDocument):
            result = prepare(item)
            if not result.error:
                out.append(result.text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-freeze", action="store_true", help="leave the loaded tables to the collector"
    )
    args = parser.parse_args()
    nlp = get_nlp()
    corpus = texts()
    docs = list(nlp.pipe(corpus))  # warm-up, and the sentence count
    sentences = sum(len(list(d.sents)) for d in docs)
    kn = DEFAULT.get()
    for d in docs[:20]:
        code_doc(d, "warm", kn=kn)
    if not args.no_freeze:  # as the command line does before a run (cli._settle)
        gc.collect()
        gc.freeze()
    parse_best = code_best = float("inf")
    paired: list[float] = []
    for _ in range(args.repeat):
        # Every round meets the texts as new: what coding remembers across documents (names
        # spelled, places resolved) is forgotten first, as in a fresh process.
        kn.forget()
        # Batch by batch, as the pipeline works: each batch parsed, then coded, so that both
        # are timed under the same load (these machines drift by 10-20% within a minute).
        parse_time = code_time = 0.0
        for start in range(0, len(corpus), BATCH_SIZE):
            t0 = time.perf_counter()
            docs = list(parse_many(corpus[start : start + BATCH_SIZE]))  # as the pipeline does
            t1 = time.perf_counter()
            for i, d in enumerate(docs, start=start):
                code_doc(d, str(i), kn=kn)
            code_time += time.perf_counter() - t1
            parse_time += t1 - t0
        parse_best = min(parse_best, parse_time)
        code_best = min(code_best, code_time)
        paired.append(code_time / parse_time)
    print(f"texts: {len(corpus)}, sentences: {sentences}, best of {args.repeat} runs")
    print(f"parse only          : {sentences / parse_best:8.1f} sentences/s")
    print(f"parse + coding      : {sentences / (parse_best + code_best):8.1f} sentences/s")
    print(f"coding adds         : {code_best / parse_best:8.1%} to the parse time (best of each)")
    print(
        f"  paired rounds     : {statistics.median(paired):8.1%} median "
        f"({min(paired):.1%} to {max(paired):.1%})"
    )


if __name__ == "__main__":
    main()
