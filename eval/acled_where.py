"""Score where and when on ACLED development rows: each row's `notes` are coded with the row's
event_date as document date, and the row's event is the first coded event of the ACLED type's
PLOVER family (else the first event of any kind).

    python eval/acled_where.py [CSV] [--json] [--misses N]

Metrics, over all rows:
- country: the event location's country is the row's country (and the same with the location's
  fallback read when nothing in the text places the event);
- within 50 km: for rows with geo_precision 1, the event location has coordinates within 50 km
  of the row's latitude/longitude;
- date: the event date's value equals the row's event_date (and how many came from the text
  rather than the document date).
A row with no event counts as a miss for all three.
CSV defaults to ../shared/data/acled/acled_notes_dev.csv (team workspace only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from common import ACLED, FAMILIES, coded_acled, iso_country, with_fallback

from eventwire.geo import distance_km

DEFAULT = ACLED


country_code = iso_country


def where_scores(rows: list[dict], events: list) -> tuple[dict, dict[str, list[str]]]:
    """The three rates over all rows, and the misses of each (for --misses)."""
    c: Counter[str] = Counter()
    misses: dict[str, list[str]] = {"country": [], "km50": [], "date": []}
    for row, evs in zip(rows, events, strict=True):
        family = FAMILIES.get(row["event_type"], set())
        chosen = next((e for e in evs if e.plover and e.plover["event"] in family), None)
        chosen = chosen or (evs[0] if evs else None)
        loc = (chosen.location if chosen else None) or {}
        when = (chosen.date if chosen else None) or {}
        c["rows"] += 1
        iso = country_code(row["country"])
        c["country_with_fallback"] += with_fallback(loc).get("country") == iso
        if loc.get("country") and loc.get("country") == iso:
            c["country"] += 1
        else:
            misses["country"].append(f"{iso} got {loc.get('country')}: {row['notes'][:150]}")
        if row["geo_precision"] == "1":
            c["precise"] += 1
            lat, lon = loc.get("lat"), loc.get("lon")
            if lat is not None and lon is not None:
                km = distance_km(lat, lon, float(row["latitude"]), float(row["longitude"]))
                if km <= 50:
                    c["km50"] += 1
                else:
                    misses["km50"].append(
                        f"{row['location']} ({row['admin1']}, {iso}) got {loc.get('name')} "
                        f"({loc.get('admin1')}, {loc.get('country')}) {km:.0f} km"
                    )
            else:
                misses["km50"].append(
                    f"{row['location']} ({row['admin1']}, {iso}) got no point "
                    f"[{loc.get('precision')}]: {row['notes'][:120]}"
                )
        if when.get("value") == row["event_date"]:
            c["date"] += 1
            if when.get("text"):
                c["date_from_text"] += 1
        else:
            misses["date"].append(f"{row['event_date']} got {when}: {row['notes'][:120]}")
    result = {
        "rows": c["rows"],
        "country_rate": round(c["country"] / c["rows"], 4),
        "country_with_fallback_rate": round(c["country_with_fallback"] / c["rows"], 4),
        "precise_rows": c["precise"],
        "within_50km_rate": round(c["km50"] / max(c["precise"], 1), 4),
        "date_rate": round(c["date"] / c["rows"], 4),
        "date_from_text_rate": round(c["date_from_text"] / c["rows"], 4),
    }
    return result, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="print N misses of each metric")
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    rows, events = coded_acled(args.csv)
    result, misses = where_scores(rows, events)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"ACLED rows: {result['rows']}")
    print(f"  event location in the row's country:  {result['country_rate']:.1%}")
    print(f"    ... or its fallback when unknown:    {result['country_with_fallback_rate']:.1%}")
    print(
        f"  within 50 km (geo_precision 1, {result['precise_rows']} rows): "
        f"{result['within_50km_rate']:.1%}"
    )
    print(f"  event date equal to the row's:        {result['date_rate']:.1%}")
    print(f"    ... read from the text itself:      {result['date_from_text_rate']:.1%}")
    for metric, lines in misses.items():
        for line in lines[: args.misses]:
            print(f"  miss {metric}: {line}")


if __name__ == "__main__":
    main()
