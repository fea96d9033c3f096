"""Score where and when on the team's place/date gold set (eval/gold/places.jsonl).

    python eval/places.py [GOLD] [--json] [--misses]

Each gold item holds one event. The event scored is the first one coded from the text (an item
with no event is a miss on every measure). Measures:
- country: the location's country equals the gold's (country_with_fallback: the same with the
  location's fallback read when nothing in the text places the event);
- point within 50 km: for gold points, the location has coordinates within 50 km;
- admin1: the location's first-level region matches the gold's (names compared loosely:
  accents, case and words like "Oblast" or "Governorate" ignored), where the gold gives one;
- precision: the location's precision equals the gold's;
- date: the event date's value equals the gold's (null when it must stay unresolved), and
  the precision equals too.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from common import gold_args, with_fallback

from eventwire import code_texts
from eventwire.geo import distance_km, key

DEFAULT = Path(__file__).resolve().parent / "gold" / "places.jsonl"
REGION_WORDS = {"oblast", "governorate", "region", "province", "state", "city", "department"}


def loose(name: str | None) -> str:
    words = [w for w in key(name or "").replace("-", " ").split() if w not in REGION_WORDS]
    return " ".join(words)


def score(items: list[dict]) -> tuple[dict, list[str]]:
    events = code_texts([i["text"] for i in items], [i.get("date") for i in items])
    c: Counter[str] = Counter()
    misses: list[str] = []
    for item, evs in zip(items, events, strict=True):
        gold, gdate = item["location"], item["event_date"]
        ev = evs[0] if evs else None
        loc = (ev.location if ev else None) or {}
        when = (ev.date if ev else None) or {}
        c["items"] += 1
        wrong = []
        if gold.get("country"):
            c["country_n"] += 1
            c["country_with_fallback"] += with_fallback(loc).get("country") == gold["country"]
            if loc.get("country") == gold["country"]:
                c["country"] += 1
            else:
                wrong.append(f"country {loc.get('country')} != {gold['country']}")
        if gold.get("precision") == "point" and gold.get("lat") is not None:
            c["point_n"] += 1
            if loc.get("lat") is not None and (
                distance_km(loc["lat"], loc["lon"], gold["lat"], gold["lon"]) <= 50
            ):
                c["point"] += 1
            else:
                wrong.append(f"point {loc.get('name')} ({loc.get('admin1')}) != {gold['name']}")
        if gold.get("admin1"):
            c["admin1_n"] += 1
            if loose(loc.get("admin1")) == loose(gold["admin1"]):
                c["admin1"] += 1
        c["precision_n"] += 1
        if (loc.get("precision") or "unknown") == gold.get("precision"):
            c["precision"] += 1
        else:
            wrong.append(f"precision {loc.get('precision')} != {gold.get('precision')}")
        c["date_n"] += 1
        if when.get("value") == gdate.get("value"):
            c["date"] += 1
            if when.get("precision") == gdate.get("precision") or gdate.get("value") is None:
                c["date_precision"] += 1
        else:
            wrong.append(f"date {when.get('value')} ({when.get('text')}) != {gdate.get('value')}")
        if wrong:
            misses.append(f"{item['id']}: {'; '.join(wrong)} | {item['text'][:110]}")
    result = {
        "items": c["items"],
        "country": round(c["country"] / max(c["country_n"], 1), 4),
        "country_with_fallback": round(c["country_with_fallback"] / max(c["country_n"], 1), 4),
        "point_within_50km": round(c["point"] / max(c["point_n"], 1), 4),
        "admin1": round(c["admin1"] / max(c["admin1_n"], 1), 4),
        "precision": round(c["precision"] / max(c["precision_n"], 1), 4),
        "date": round(c["date"] / max(c["date_n"], 1), 4),
        "date_and_precision": round(c["date_precision"] / max(c["date_n"], 1), 4),
    }
    return result, misses


def main() -> None:
    args, items = gold_args(__doc__, DEFAULT, "list the items with a miss")
    result, misses = score(items)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"Items: {result['items']}")
    for k in (
        "country",
        "country_with_fallback",
        "point_within_50km",
        "admin1",
        "precision",
        "date",
        "date_and_precision",
    ):
        print(f"  {k:21} {result[k]:.1%}")
    if args.misses:
        for line in misses:
            print("  " + line)


if __name__ == "__main__":
    main()
