"""Score event coding on ACLED development rows: does each row's `notes` text yield an event of
the PLOVER family of its ACLED event type, with the right country?

    python eval/acled.py [CSV] [--json]

CSV defaults to ../shared/data/acled/acled_notes_dev.csv (team workspace only). Each row's notes
are coded with the row's event_date as document date. Families: Battles, Explosions/Remote
violence and Violence against civilians -> ASSAULT; Protests -> PROTEST; Riots -> PROTEST or
ASSAULT. Strategic developments are too varied to score. Negated and hypothetical events do not
count. "Country" is right when an actor of a matching event has the row's country.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from eventwire import code_texts
from eventwire.coding.actors import gazette

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled" / "acled_notes_dev.csv"
FAMILIES = {
    "Battles": {"ASSAULT"},
    "Explosions/Remote violence": {"ASSAULT"},
    "Violence against civilians": {"ASSAULT"},
    "Protests": {"PROTEST"},
    "Riots": {"PROTEST", "ASSAULT"},
}
SCORED = frozenset({"factual", "future"})


def country_code(name: str) -> str | None:
    hit = gazette().names.get(tuple(name.lower().split()))
    return hit.code if hit and hit.kind == "country" else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not Path(args.csv).exists():
        sys.exit(f"no ACLED file at {args.csv} (it exists only in the team workspace)")
    with open(args.csv, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["event_type"] in FAMILIES]
    events = code_texts([r["notes"] for r in rows], [r["event_date"] for r in rows])
    per_type: dict[str, Counter] = {}
    for row, evs in zip(rows, events, strict=True):
        c = per_type.setdefault(row["event_type"], Counter())
        c["rows"] += 1
        family = FAMILIES[row["event_type"]]
        matching = [
            e for e in evs if e.modality in SCORED and e.plover and e.plover["event"] in family
        ]
        if matching:
            c["family"] += 1
            iso = country_code(row["country"])
            if any(a.country == iso for e in matching for a in e.source + e.target):
                c["family_country"] += 1
        if any(e.modality in SCORED for e in evs):
            c["any_event"] += 1
    total = sum(per_type.values(), Counter())
    result = {
        "rows": total["rows"],
        "family_rate": round(total["family"] / total["rows"], 4),
        "family_country_rate": round(total["family_country"] / total["rows"], 4),
        "by_type": {
            t: {
                "rows": c["rows"],
                "family_rate": round(c["family"] / c["rows"], 4),
                "family_country_rate": round(c["family_country"] / c["rows"], 4),
            }
            for t, c in sorted(per_type.items())
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"ACLED rows scored: {result['rows']}")
    print(f"  event of the matching PLOVER family: {result['family_rate']:.1%}")
    print(f"  ... and an actor in the row's country: {result['family_country_rate']:.1%}")
    for t, r in result["by_type"].items():
        print(
            f"  {t:28} {r['rows']:4} rows  family {r['family_rate']:.1%}  "
            f"with country {r['family_country_rate']:.1%}"
        )


if __name__ == "__main__":
    main()
