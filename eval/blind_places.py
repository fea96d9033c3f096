"""A blind place set: events drawn at random from those eventwire shows in real articles, and
where each happened, told by judges who never saw eventwire's answer.

    python eval/blind_places.py draw --n N --seed S --out DIR [--judges K]
    python eval/blind_places.py collect DIR/judged-*.jsonl --sheet DIR/sheet.jsonl [--out GOLD]
    python eval/blind_places.py score [GOLD] [--split dev|test|both] [--json] [--misses]

draw: codes every article of the two audit pools and draws N events uniformly from those shown
by default (``eval/audit.py sample``), then writes K coding sheets without anything eventwire
coded: the sentence with its trigger marked, the article's title and date and the text before
it. The judges follow eval/BLIND_PLACES_PROTOCOL.md.

collect: writes ``eval/blind/places.jsonl``: per event its pool, file, the trigger's offset in
the cleaned text, a hash of its sentence, the split and the judges' place (country, the named
place and how precise it is); never the text.

score: recodes the articles and takes, for each drawn trigger, the event eventwire codes there
now (none: the place counts as missed). Country right: the location's country is the judges'
(or both say none), over all events; the same with the location's ``fallback`` (the document's
place, kept beside a location the text does not give, from 2026-12-07) read as the location;
and over those eventwire places from their own sentence (``basis`` sentence). Town right,
where the judges name a town: the location is that town (its name, compared loosely), a
stand-in for "within 50 km" that needs no coordinates from judges.
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import (  # noqa: E402
    DATA,
    ROOT,
    code_articles,
    figure,
    git_commit,
    load_pool,
    outside_repository,
    sample,
    split_of,
)
from blind_gold import blind_set_parser, read_jsonl, scored_splits  # noqa: E402
from common import with_fallback  # noqa: E402

GOLD = ROOT / "eval" / "blind" / "places.jsonl"
PRECISIONS = ("town", "region", "country", "none")


def _sha(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def draw(n: int, seed: int, out: Path, judges: int) -> None:
    outside_repository(out)
    out.mkdir(parents=True, exist_ok=True)
    sample("both", n, seed, out / "sheet.jsonl", None)
    rows = [json.loads(x) for x in (out / "sheet.jsonl").read_text(encoding="utf-8").splitlines()]
    items = []
    for row in rows[1:]:
        items.append(
            {
                "id": row["id"],
                "title": row["title"],
                "outlet": row["outlet"],
                "date": row["article_date"],
                "context": row["text_before"],
                "sentence": row["sentence"],
                "sentence_marked": row["sentence_marked"],
                "event_happened": None,
                "country": None,
                "place": None,
                "precision": None,
                "note": None,
            }
        )
    for j in range(judges):
        with open(out / f"part-{j + 1}.jsonl", "w", encoding="utf-8") as f:
            for item in items[j::judges]:
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"drew {len(items)} events into {out} ({judges} sheets)")


def collect(judged: list[Path], sheet: Path, out: Path) -> None:
    rows = read_jsonl(sheet)[1:]
    answers = {}
    for path in judged:
        for item in read_jsonl(path):
            if item.get("precision") not in PRECISIONS:
                sys.exit(f"{path}: {item['id']} has no precision of {PRECISIONS}")
            answers[item["id"]] = item
    missing = [r["id"] for r in rows if r["id"] not in answers]
    if missing:
        sys.exit(f"{len(missing)} drawn events have no answer, e.g. {missing[:5]}")
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            a = answers[row["id"]]
            offset = row["sentence_marked"].find("[[")
            f.write(
                json.dumps(
                    {
                        "id": row["id"],
                        "pool": row["pool"],
                        "file": row["file"],
                        "sentence_sha": _sha(row["sentence"]),
                        "trigger_in_sentence": offset,
                        "trigger": row["trigger"],
                        "split": split_of(row["file"]),
                        "event_happened": a.get("event_happened"),
                        "country": a.get("country"),
                        "place": a.get("place"),
                        "precision": a["precision"],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(f"wrote {len(rows)} places to {out}")


def loose(name: str | None) -> str:
    """A place name compared loosely: no accents, case, punctuation or leading article."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return " ".join(w for w in words if w not in ("the", "city", "of"))


def located(gold: list[dict], data: Path = DATA) -> dict[str, dict | None]:
    """Each id -> the location of the event eventwire codes at the drawn trigger now (None:
    no event there, or the sentence is gone)."""
    articles = {}
    for pool in {g["pool"] for g in gold}:
        for a in load_pool(pool, data):
            articles[(pool, a["file"])] = a
    keys = sorted({(g["pool"], g["file"]) for g in gold})
    results = dict(zip(keys, code_articles([articles[k] for k in keys]), strict=True))
    out: dict[str, dict | None] = {}
    for g in gold:
        result = results[(g["pool"], g["file"])]
        found = None
        for e in result.events:
            ev = e.evidence
            sentence = ev.get("text") or (result.text or "")[ev["start"] : ev["end"]]
            if (
                _sha(sentence) == g["sentence_sha"]
                and e.trigger["start"] - ev["start"] == g["trigger_in_sentence"]
            ):
                found = e
                break
        out[g["id"]] = None if found is None else {"location": found.location or {}}
    return out


def score(gold_path: Path, splits: tuple[str, ...], misses: bool = False) -> dict:
    gold = [g for g in read_jsonl(gold_path) if g["split"] in splits]
    found = located(gold)
    commit, dirty = git_commit()
    result: dict = {"gold": gold_path.name, "commit": commit, "dirty": dirty}
    for split in splits:
        rows = [g for g in gold if g["split"] == split and g.get("event_happened") is not False]
        country_k = town_k = town_n = gone = stated_n = stated_k = guess_k = 0
        listed = []
        for g in rows:
            loc = (found[g["id"]] or {}).get("location") if found[g["id"]] else None
            if found[g["id"]] is None:
                gone += 1
            country = (loc or {}).get("country")
            ok = (country or None) == (g["country"] or None)
            country_k += ok
            # the document's place, kept beside a location the text does not give, read as it
            guess = with_fallback(loc).get("country")
            guess_k += (guess or None) == (g["country"] or None)
            if (loc or {}).get("basis") == "sentence":  # the place the event's sentence gives
                stated_n += 1
                stated_k += ok
            town_ok = None
            if g["precision"] == "town" and g.get("place"):
                town_n += 1
                names = {loose((loc or {}).get(k)) for k in ("name", "text")} - {""}
                town_ok = loose(g["place"]) in names
                town_k += town_ok
            if misses and (not ok or town_ok is False):
                listed.append(
                    {
                        "id": g["id"],
                        "gold": [g["country"], g.get("place"), g["precision"]],
                        "got": [country, (loc or {}).get("name"), (loc or {}).get("precision")],
                    }
                )
        result[split] = {
            "events": len(rows),
            "no_event_there_now": gone,
            "country_right": figure(country_k, len(rows)),
            "country_right_with_fallback": figure(guess_k, len(rows)),
            "town_right": figure(town_k, town_n),
            "country_right_where_the_sentence_names_the_place": figure(stated_k, stated_n),
        }
        if misses:
            result[split]["misses"] = listed
    return result


def main(argv: list[str] | None = None) -> None:
    parser, _, _ = blind_set_parser(__doc__.splitlines()[0], GOLD, 4, drawn="--sheet")
    args = parser.parse_args(argv)
    if args.command == "draw":
        draw(args.n, args.seed, args.out, args.judges)
        return
    if args.command == "collect":
        collect(args.judged, args.sheet, args.out)
        return
    splits = scored_splits(args)
    result = score(args.gold, splits, misses=args.misses)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(
        f"blind place set {result['gold']} at {result['commit']}" + (" (dirty)" * result["dirty"])
    )
    for s in splits:
        r = result[s]
        c, t = r["country_right"], r["town_right"]
        print(f"  {s}: {r['events']} events ({r['no_event_there_now']} no longer coded)")
        print(
            f"    country right  {c['p']:.1%}  [{c['low']:.1%}, {c['high']:.1%}]  {c['k']}/{c['n']}"
        )
        f = r["country_right_with_fallback"]
        print(f"    ... with the fallback  {f['p']:.1%}  [{f['low']:.1%}, {f['high']:.1%}]")
        w = r["country_right_where_the_sentence_names_the_place"]
        if w["n"]:
            print(f"    ... placed by its sentence  {w['p']:.1%}  {w['k']}/{w['n']}")
        if t["n"]:
            print(
                f"    town right     {t['p']:.1%}  [{t['low']:.1%}, {t['high']:.1%}]  "
                f"{t['k']}/{t['n']}"
            )
        for m in r.get("misses", []):
            print("     ", json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    main()
