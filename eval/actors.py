"""Score actor resolution on the team's actor gold set (eval/gold/actors.jsonl).

    python eval/actors.py [GOLD] [--json] [--misses]

Each gold mention is a phrase in a short passage with the code a careful analyst gives it (a
string, a list for a compound such as "the two countries", or null for no actor). The passage is
parsed and read in order by the same resolver the event coder uses, so that titles, surnames,
pronouns and "the ministry" draw on what came before; every noun phrase is resolved as it comes,
and the mention's phrase head is looked up. A mention is right when its code equals the gold's
(the set of codes, for compounds; no code at all, for null).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from common import gold_args

from eventwire.coding.mentions import actor_mentions
from eventwire.nlp import parse_many

DEFAULT = Path(__file__).resolve().parent / "gold" / "actors.jsonl"


def _span(text: str, mention: str, n: int) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def predicted_codes(items: list[dict]) -> list[list[list[str | None]]]:
    """For each item, for each mention, the codes the resolver gives its phrase head."""
    out = []
    for item, doc in zip(items, parse_many(i["text"] for i in items), strict=True):
        heads = []
        for m in item["mentions"]:
            start, end = _span(item["text"], m["text"], m.get("n", 1))
            heads.append(doc.char_span(start, end, alignment_mode="expand").root.i)
        found = actor_mentions(doc, item.get("date"), frozenset(heads))
        out.append([[a.code for a in found.get(h, [])] for h in heads])
    return out


def correct(gold: str | list[str] | None, codes: list[str | None]) -> bool:
    coded = [c for c in codes if c]
    if gold is None:
        return not coded
    if isinstance(gold, list):
        return set(coded) == set(gold)
    return bool(coded) and coded[0] == gold


def score(items: list[dict]) -> tuple[dict, list[str]]:
    per_kind: dict[str, Counter] = {}
    misses: list[str] = []
    for item, preds in zip(items, predicted_codes(items), strict=True):
        for m, codes in zip(item["mentions"], preds, strict=True):
            c = per_kind.setdefault(m.get("kind", "?"), Counter())
            c["n"] += 1
            if correct(m["code"], codes):
                c["ok"] += 1
            else:
                misses.append(
                    f"{item['id']} [{m.get('kind')}] {m['text']!r}: got {codes or None}, "
                    f"gold {m['code']}"
                )
    total = sum(per_kind.values(), Counter())
    result = {
        "mentions": total["n"],
        "accuracy": round(total["ok"] / max(total["n"], 1), 4),
        "by_kind": {
            k: {"mentions": c["n"], "accuracy": round(c["ok"] / c["n"], 4)}
            for k, c in sorted(per_kind.items())
        },
    }
    return result, misses


def main() -> None:
    args, items = gold_args(__doc__, DEFAULT, "list the wrong mentions")
    result, misses = score(items)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"Mentions: {result['mentions']}  correct codes: {result['accuracy']:.1%}")
    for kind, r in result["by_kind"].items():
        print(f"  {kind:16} {r['mentions']:4}  {r['accuracy']:.1%}")
    if args.misses:
        for line in misses:
            print("  " + line)


if __name__ == "__main__":
    main()
