"""Score attribution spans against PolNeAR's development split (../shared/data/polnear/dev).

    python eval/polnear.py [DIR] [--json] [--limit N]

Each article (`text/*.txt`) is parsed as it is (no cleaning, so offsets match) and its
attributions found; gold Source and Cue spans come from `attributions/*.ann` (brat standoff).
For sources and for cues: exact F1 (same start and end) and overlap F1 (spans sharing a
character, matched one to one). PolNeAR also annotates thoughts and intentions ("believes",
"wants"), nominal cues and sourceless attributions; all count.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.coding.attribution import sentence_attributions
from eventwire.coding.knowledge import DEFAULT as KNOWLEDGE
from eventwire.coding.spans import sentences
from eventwire.nlp import parse_many

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev"


def read_gold(ann: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(source spans, cue spans) of a brat file; discontinuous spans count by their extent."""
    sources, cues = [], []
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        _, middle, *_ = line.split("\t")
        label, rest = middle.split(" ", 1)
        numbers = [int(x) for part in rest.split(";") for x in part.split()]
        span = (min(numbers), max(numbers))
        if label == "Source":
            sources.append(span)
        elif label == "Cue":
            cues.append(span)
    return sources, cues


def f1(gold: list[tuple[int, int]], pred: list[tuple[int, int]], overlap: bool) -> tuple:
    used: set[int] = set()
    tp = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i in used:
                continue
            if (p == g) if not overlap else (p[0] < g[1] and g[0] < p[1]):
                used.add(i)
                tp += 1
                break
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return tp, len(pred), len(gold), round(precision, 4), round(recall, 4), round(f, 4)


def scores(root: Path, limit: int = 0) -> dict:
    """Source and cue precision, recall and F1 (exact and overlap) over a PolNeAR split."""
    files = sorted((root / "text").glob("*.txt"))
    if limit:
        files = files[:limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    gold_src, gold_cue, pred_src, pred_cue = [], [], [], []
    for k, (f, doc) in enumerate(zip(files, parse_many(texts), strict=True)):
        matches = sorted((root / "attributions").glob(f.stem + "*.ann"))  # "<stem>_<hash>.ann"
        if not matches:
            continue
        ann = matches[0].read_text(encoding="utf-8")
        sources, cues = read_gold(ann)
        base = k * 10_000_000  # keep articles apart in one span space
        gold_src += [(a + base, b + base) for a, b in sources]
        gold_cue += [(a + base, b + base) for a, b in cues]
        for sent in sentences(doc):
            for att in sentence_attributions(KNOWLEDGE.get(), sent):
                pred_cue.append((att.cue_start + base, att.cue_end + base))
                if att.source is not None:
                    pred_src.append((att.source_start + base, att.source_end + base))
    result: dict = {}
    for name, gold, pred in (("source", gold_src, pred_src), ("cue", gold_cue, pred_cue)):
        for mode in ("exact", "overlap"):
            tp, np_, ng, p, r, f = f1(gold, pred, mode == "overlap")
            result[f"{name}_{mode}"] = {"precision": p, "recall": r, "f1": f, "tp": tp,
                                        "predicted": np_, "gold": ng}  # fmt: skip
    result["articles"] = len(files)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = parser.parse_args()
    root = Path(args.dir)
    if not (root / "text").is_dir():
        sys.exit(f"no PolNeAR split at {root} (it exists only in the team workspace)")
    result = scores(root, args.limit)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"PolNeAR dev: {result['articles']} articles")
    for key, r in result.items():
        if isinstance(r, dict):
            print(f"  {key:15} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
                  f"  ({r['tp']} of {r['gold']} gold, {r['predicted']} predicted)")  # fmt: skip


if __name__ == "__main__":
    main()
