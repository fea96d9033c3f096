"""Score claims on the team's claims gold set (eval/gold/claims.jsonl).

    python eval/claims.py [GOLD] [--json] [--misses]

Each gold claim names the event by its trigger word (and occurrence); the coded event whose
trigger is that word is scored (a claim whose event was not coded is a miss on every measure):
- claimant: the claimant's code equals the gold's (null when the article asserts it itself);
- cue: the cue text equals the gold's (case-insensitive);
- stance: asserted / alleged / denied / confirmed as the gold;
- channels: reported_via holds the gold's outlets (the document's own outlet, which eventwire
  adds last, is not counted);
- disputes: the set of disputers' codes equals the gold's (empty when nobody disputes it).
Quotes: a gold quote is found when a stored quote's text overlaps it and the speaker's code
matches.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from common import gold_args

from eventwire import process_text

DEFAULT = Path(__file__).resolve().parent / "gold" / "claims.jsonl"


def _nth(text: str, word: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.index(word, at + 1)
    return at


def score(items: list[dict]) -> tuple[dict, list[str]]:
    c: Counter[str] = Counter()
    misses: list[str] = []
    for item in items:
        result = process_text(item["text"], date=item.get("date"), outlet=item.get("outlet"))
        for gold in item["claims"]:
            c["claims"] += 1
            at = _nth(result.text, gold["trigger"], gold.get("n", 1))
            event = next(
                (e for e in result.events if e.trigger["start"] <= at < e.trigger["end"]), None
            )
            if event is None:
                misses.append(f"{item['id']} {gold['trigger']}: no event")
                continue
            c["found"] += 1
            claim = event.claim or {}
            got = (claim.get("claimant") or {}).get("code")
            checks = {
                "claimant": got == gold["claimant"],
                "cue": (claim.get("cue") or "").lower() == (gold.get("cue") or "").lower(),
                "stance": claim.get("stance") == gold["stance"],
                "channels": [v for v in claim.get("reported_via", []) if v != item.get("outlet")]
                == gold.get("reported_via", []),
                "disputes": {
                    (d.get("actor") or {}).get("code") for d in claim.get("disputed_by", [])
                }
                == set(gold.get("disputed_by", [])),
            }
            for name, ok in checks.items():
                c[name] += ok
            wrong = [n for n, ok in checks.items() if not ok]
            if wrong:
                misses.append(
                    f"{item['id']} {gold['trigger']}: {', '.join(wrong)} | got {got} "
                    f"{claim.get('cue')} {claim.get('stance')} {claim.get('reported_via')} "
                    f"{[(d.get('actor') or {}).get('code') for d in claim.get('disputed_by', [])]}"
                    f" | gold {gold['claimant']} {gold.get('cue')} {gold['stance']} "
                    f"{gold.get('reported_via')} {gold.get('disputed_by')}"
                )
        for quote in item.get("quotes", []):
            c["quotes"] += 1
            start = item["text"].find(quote["text"])
            end = start + len(quote["text"])
            if any(
                q["start"] < end and start < q["end"]
                and (q.get("speaker") or {}).get("code") == quote.get("speaker")
                for q in result.quotes
            ):  # fmt: skip
                c["quotes_found"] += 1
    n, found = max(c["claims"], 1), max(c["found"], 1)
    measures = ("claimant", "cue", "stance", "channels", "disputes")
    result = {
        "claims": c["claims"],
        "event_found": round(c["found"] / n, 4),
        **{k: round(c[k] / n, 4) for k in measures},
        "of_found": {k: round(c[k] / found, 4) for k in measures},
        "quotes": c["quotes"],
        "quotes_found": round(c["quotes_found"] / max(c["quotes"], 1), 4),
    }
    return result, misses


def main() -> None:
    args, items = gold_args(__doc__, DEFAULT, "list the wrong claims")
    result, misses = score(items)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"Claims: {result['claims']} (events coded for {result['event_found']:.1%})")
    print("  measure     of all claims   of claims whose event was coded")
    for k in ("claimant", "cue", "stance", "channels", "disputes"):
        print(f"  {k:10} {result[k]:14.1%} {result['of_found'][k]:14.1%}")
    print(f"Quotes: {result['quotes']}, found with their speaker: {result['quotes_found']:.1%}")
    if args.misses:
        for line in misses:
            print("  " + line)


if __name__ == "__main__":
    main()
