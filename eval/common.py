"""What the scoring scripts share: reading a gold file from the command line, and ACLED's
event families and country names."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from eventwire.coding.knowledge import DEFAULT

ACLED = Path(__file__).resolve().parents[2] / "shared" / "data" / "acled" / "acled_notes_dev.csv"


def coded_acled(path: str | Path) -> tuple[list[dict], list]:
    """ACLED rows and the events coded from their notes (each row's date as document date);
    exits with a message when the file is absent (it exists only in the team workspace)."""
    if not Path(path).exists():
        sys.exit(f"no ACLED file at {path} (it exists only in the team workspace)")
    from eventwire import code_texts

    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return rows, code_texts([r["notes"] for r in rows], [r["event_date"] for r in rows])


# ACLED event types and the PLOVER types that code them.
FAMILIES = {
    "Battles": {"ASSAULT"},
    "Explosions/Remote violence": {"ASSAULT"},
    "Violence against civilians": {"ASSAULT"},
    "Protests": {"PROTEST"},
    "Riots": {"PROTEST", "ASSAULT"},
}
# CAMEO spells a few countries and territories differently from ISO 3166 (which locations use).
CAMEO_ISO = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD"}


def cameo_country(name: str) -> str | None:
    """The CAMEO code of a country name ("Puerto Rico" -> USAPRI), as actors carry it."""
    hit = DEFAULT.get().names.names.get(tuple(name.lower().split()))
    return hit.code if hit and hit.kind == "country" else None


def iso_country(name: str) -> str | None:
    """The ISO alpha-3 code of a country name ("Puerto Rico" -> PRI), as locations carry it."""
    code = cameo_country(name)
    if code is None:
        return None
    code = code[3:] if len(code) == 6 else code
    return CAMEO_ISO.get(code, code)


def gold_args(doc: str, default: Path, misses_help: str) -> tuple[argparse.Namespace, list]:
    """Parse ``GOLD [--json] [--misses]`` and read the gold file (JSON Lines)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(default))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true", help=misses_help)
    args = parser.parse_args()
    if not Path(args.gold).exists():
        sys.exit(f"no gold file at {args.gold}")
    with open(args.gold, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return args, items


def with_fallback(location: dict | None) -> dict:
    """An event's location, or when nothing in the text places it (``basis`` unknown), the
    labelled guess kept beside it (the document's most named place)."""
    location = location or {}
    if location.get("country") is None and location.get("fallback"):
        return location["fallback"]
    return location
