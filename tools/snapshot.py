"""Everything the coder outputs on a fixed set of texts, written to one JSON Lines file, so that a
change meant to keep the output can be checked by comparing two snapshots.

    python tools/snapshot.py OUT.jsonl [--only NAME ...]
    python tools/snapshot.py --compare BEFORE.jsonl AFTER.jsonl

The texts: the coding bench's (the gold sentences and the example corpus), the first 400 ACLED
notes (each with its date), PolNeAR's development articles, and every gold set of ``eval/gold``.
For each text: its events and quotes as ``process_text`` gives them, and its actor mentions as
``actors_in`` gives them. Only public entry points are used, so a snapshot taken before a change
to the coder's insides compares with one taken after it. The ACLED and PolNeAR files exist only in
the team workspace (``../shared/data``); without them those parts are skipped, and said so.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
ACLED_NOTES = 400


def _gold(name: str) -> list[tuple[str, str | None]]:
    with open(ROOT / "eval" / "gold" / name, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return [(i["text"], i.get("date")) for i in items]


def _bench() -> list[tuple[str, str | None]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from coding import texts

    return [(t, None) for t in texts()]


def _acled() -> list[tuple[str, str | None]]:
    path = SHARED / "acled" / "acled_notes_dev.csv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))[:ACLED_NOTES]
    return [(r["notes"], r["event_date"]) for r in rows]


def _polnear() -> list[tuple[str, str | None]]:
    folder = SHARED / "polnear" / "dev" / "text"
    return [(p.read_text(encoding="utf-8"), None) for p in sorted(folder.glob("*.txt"))]


SETS = {
    "bench": _bench,
    "acled": _acled,
    "polnear": _polnear,
    "gold-events": lambda: _gold("events.jsonl"),
    "gold-actors": lambda: _gold("actors.jsonl"),
    "gold-places": lambda: _gold("places.jsonl"),
    "gold-claims": lambda: _gold("claims.jsonl"),
}


def records(names: list[str]) -> Iterator[dict]:
    from eventwire import actors_in, process_text

    for name in names:
        try:
            texts = SETS[name]()
        except FileNotFoundError as exc:
            print(f"{name}: skipped ({exc.filename} is absent)", file=sys.stderr)
            continue
        print(f"{name}: {len(texts)} texts", file=sys.stderr)
        for i, (text, date) in enumerate(texts):
            result = process_text(text, date=date).to_dict()
            yield {
                "set": name,
                "n": i,
                "error": result.get("error"),
                "events": result.get("events"),
                "quotes": result.get("quotes"),
                "actors": [a.to_dict() for a in actors_in(text, date)],
            }


def compare(before: Path, after: Path) -> int:
    """Print the texts whose output differs; 0 when none does."""

    def load(path: Path) -> dict[tuple[str, int], dict]:
        with open(path, encoding="utf-8") as f:
            return {(r["set"], r["n"]): r for r in map(json.loads, f)}

    old, new = load(before), load(after)
    differ = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differ += 1
        parts = ["missing"] if a is None or b is None else [k for k in a if a[k] != b.get(k)]
        print(f"{key[0]} #{key[1]}: {', '.join(parts)} differ")
    print(f"{len(old)} texts before, {len(new)} after, {differ} differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(SETS), default=list(SETS))
    parser.add_argument("--compare", action="store_true", help="compare two snapshots")
    args = parser.parse_args()
    if args.compare:
        sys.exit(compare(*args.paths[:2]))
    with open(args.paths[0], "w", encoding="utf-8") as out:
        for record in records(args.only):
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
