"""Score event coding on ACLED development rows: does each row's `notes` text yield an event of
the PLOVER family of its ACLED event type, with the right country?

    python eval/acled.py [CSV] [--json] [--min-confidence X]

CSV defaults to ../shared/data/acled/acled_notes_dev.csv (team workspace only). Each row's notes
are coded with the row's event_date as document date. Families: Battles, Explosions/Remote
violence and Violence against civilians -> ASSAULT; Protests -> PROTEST; Riots -> PROTEST or
ASSAULT. Strategic developments are too varied to score. Negated and hypothetical events do not
count. "Country" is right when an actor of a matching event has the row's country.

Actor 1: over every row (all event types) whose `actor1` names a country ("Protesters
(Peru)", "Military Forces of Ukraine (2019-)"), is that country recovered: does an actor of an
event coded from the notes have it (and, stricter, a source actor)?
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from common import ACLED, FAMILIES, cameo_country, coded_acled

DEFAULT = ACLED
SCORED = frozenset({"factual", "future"})


_PAREN = re.compile(r"\(([^()]+)\)")
_OF = re.compile(r"\bof (?:the )?([A-Z][\w' -]+?)(?: \(|$)")


def actor1_country(actor1: str) -> str | None:
    """The country an ACLED actor name states: in parentheses, or after "of"."""
    for found in [*_PAREN.findall(actor1), *_OF.findall(actor1)]:
        code = country_code(found.strip())
        if code:
            return code
    return None


def actor1_scores(rows: list[dict], events: list) -> dict:
    c: Counter[str] = Counter()
    for row, evs in zip(rows, events, strict=True):
        iso = actor1_country(row["actor1"])
        if iso is None:
            continue
        c["named"] += 1
        scored = [e for e in evs if e.modality in SCORED]
        if any(a.country == iso for e in scored for a in e.source + e.target):
            c["any"] += 1
        if any(a.country == iso for e in scored for a in e.source):
            c["source"] += 1
    return {
        "rows_naming_a_country": c["named"],
        "actor1_country_rate": round(c["any"] / max(c["named"], 1), 4),
        "actor1_country_as_source_rate": round(c["source"] / max(c["named"], 1), 4),
    }


country_code = cameo_country


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="score only the events at least this confident (the product's default: 0.7)",
    )
    args = parser.parse_args()
    every, every_events = coded_acled(args.csv)
    every_events = [
        [e for e in evs if (e.confidence or 0.0) >= args.min_confidence] for evs in every_events
    ]
    pairs = [
        (r, e) for r, e in zip(every, every_events, strict=True) if r["event_type"] in FAMILIES
    ]
    rows = [r for r, _ in pairs]
    events = [e for _, e in pairs]
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
        **actor1_scores(every, every_events),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"ACLED rows scored: {result['rows']}")
    print(f"  event of the matching PLOVER family: {result['family_rate']:.1%}")
    print(f"  ... and an actor in the row's country: {result['family_country_rate']:.1%}")
    print(
        f"Actor 1 names a country in {result['rows_naming_a_country']} of {len(every)} rows; "
        f"recovered in {result['actor1_country_rate']:.1%} "
        f"(as a source: {result['actor1_country_as_source_rate']:.1%})"
    )
    for t, r in result["by_type"].items():
        print(
            f"  {t:28} {r['rows']:4} rows  family {r['family_rate']:.1%}  "
            f"with country {r['family_country_rate']:.1%}"
        )


if __name__ == "__main__":
    main()
