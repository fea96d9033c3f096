"""Score event type and dyad on the PLOVER example sentences (development data).

    python eval/plover_gsr.py [JSONL] [--json] [--misses]

JSONL defaults to ../shared/data/plover_gsr/dev.jsonl (team workspace only): 159 example
sentences of the CAMEO manual, each with one featured event labelled with its PLOVER type and
its source and target (a country or IGO code, a list of them, or null). The sentences are coded
with ``eventwire.code_texts`` (no document date). Negated events do not count; every other
modality does.

Per sentence:

- type found: some predicted event has the gold PLOVER type;
- found with dyad: some predicted event has the gold type, and its source actors cover the gold
  source (every gold code matched by one of them; any source when the gold source is null), and
  its target actors cover the gold target likewise.

Codes compare on their country, the first three letters ("USAGOV" is "USA"), except IGO codes,
which compare whole ("IGOUNO" is not "IGOEUREEC"). A gold code that is "IGO" alone names no
particular organisation and is matched by any IGO code.

Both are printed with their counts and Wilson 95% intervals, overall and per type, with the
L1/L2/type F1 of ``eventwire.eval`` for reference. --misses lists, for each sentence without
its event and dyad, its id, the gold event and the predicted events (codes only, no text).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import DATA, figure, git_commit  # noqa: E402

from eventwire.eval import LEVELS, EvalReport, read_gold, score_item  # noqa: E402

DEFAULT = DATA / "plover_gsr" / "dev.jsonl"
UNSCORED = frozenset({"negated"})


def key(code: str | None) -> str | None:
    """What a code compares as: the whole code for an IGO, else its first three letters."""
    if not code:
        return None
    code = code.strip().upper()
    return code if code.startswith("IGO") else code[:3]


def gold_codes(value) -> list[str]:
    """A gold source or target (a code, a list of codes or null) as compared keys."""
    codes = [value] if isinstance(value, str) else list(value or [])
    return [k for k in (key(c) for c in codes) if k]


def covers(predicted: list[str | None], gold: list[str]) -> bool:
    """Whether every gold key is matched by a predicted key (true when gold names nothing)."""
    keys = {key(c) for c in predicted} - {None}
    return all(g in keys or (g == "IGO" and any(k.startswith("IGO") for k in keys)) for g in gold)


def plover_type(event) -> str | None:
    return event.plover["event"] if event.plover else None


def judge(gold: dict, predicted: list) -> tuple[bool, bool]:
    """(type found, found with dyad) for one gold event against a sentence's events."""
    typed = [e for e in predicted if plover_type(e) == gold["plover"]]
    source, target = gold_codes(gold.get("source")), gold_codes(gold.get("target"))
    dyad = any(
        covers([a.code for a in e.source], source) and covers([a.code for a in e.target], target)
        for e in typed
    )
    return bool(typed), dyad


def describe(event) -> str:
    src = "+".join(a.code or "?" for a in event.source) or "-"
    tgt = "+".join(a.code or "?" for a in event.target) or "-"
    mod = "" if event.modality == "factual" else f" ({event.modality})"
    return f"{src} {plover_type(event) or '-'}/{event.cameo} {tgt}{mod}"


def gold_describe(gold: dict) -> str:
    src = "+".join(gold_codes(gold.get("source"))) or "-"
    tgt = "+".join(gold_codes(gold.get("target"))) or "-"
    return f"{src} {gold['plover']} {tgt}"


def evaluate(path: Path) -> dict:
    from eventwire import code_texts

    items = read_gold(path)
    predictions = code_texts([i.text for i in items], [i.date for i in items])
    report = EvalReport()
    per_type: dict[str, Counter] = {}
    misses = []
    for item, events in zip(items, predictions, strict=True):
        score_item(item, events, report)
        events = [e for e in events if e.modality not in UNSCORED]
        for gold in item.events:
            found, dyad = judge(gold, events)
            c = per_type.setdefault(gold["plover"], Counter())
            c["n"] += 1
            c["type"] += found
            c["dyad"] += dyad
            if not dyad:
                misses.append(
                    {
                        "id": item.id,
                        "type_found": found,
                        "gold": gold_describe(gold),
                        "predicted": [describe(e) for e in events],
                    }
                )
    total = sum(per_type.values(), Counter())
    commit, dirty = git_commit()
    return {
        "label": "development figures",
        "commit": commit,
        "src_modified": dirty,
        "date": date.today().isoformat(),
        "data": str(path),
        "sentences": len(items),
        "gold_events": total["n"],
        "type_found": figure(total["type"], total["n"]),
        "found_with_dyad": figure(total["dyad"], total["n"]),
        "by_type": {
            t: {"n": c["n"], "type_found": c["type"], "found_with_dyad": c["dyad"]}
            for t, c in sorted(per_type.items())
        },
        "eval": {lv: report.levels[lv].to_dict() for lv in LEVELS},
        "misses": misses,
    }


def line(label: str, f: dict) -> str:
    return (
        f"  {label:16} {f['p']:6.1%}  [{f['low']:.1%}, {f['high']:.1%}]  {f['k']}/{f['n']}"
        if f["n"]
        else f"  {label:16} -"
    )


def report(result: dict, misses: bool) -> str:
    modified = " (src modified)" if result["src_modified"] else ""
    out = [
        f"PLOVER example sentences, development figures: eventwire {result['commit']}{modified}, "
        f"{result['date']}; {result['sentences']} sentences, {result['gold_events']} gold events",
        line("type found", result["type_found"]),
        line("found with dyad", result["found_with_dyad"]),
        "",
        f"  {'type':12} {'n':>4}  {'type found':>14}  {'with dyad':>14}",
    ]
    for t, r in result["by_type"].items():
        n = r["n"]
        out.append(
            f"  {t:12} {n:4}  {r['type_found']:4} {r['type_found'] / n:7.1%}  "
            f"{r['found_with_dyad']:4} {r['found_with_dyad'] / n:7.1%}"
        )
    out += ["", "eventwire.eval (negated and hypothetical events not scored):"]
    for lv, c in result["eval"].items():
        out.append(
            f"  {lv:5} precision {c['precision']:.3f}  recall {c['recall']:.3f}  "
            f"F1 {c['f1']:.3f}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})"
        )
    if misses:
        out += ["", f"Without event and dyad ({len(result['misses'])}):"]
        for m in result["misses"]:
            mark = "type found" if m["type_found"] else "type missed"
            out.append(f"  {m['id']}  gold {m['gold']}  [{mark}]")
            for p in m["predicted"] or ["(no event)"]:
                out.append(f"      {p}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--misses", action="store_true", help="list the sentences without event and dyad"
    )
    args = parser.parse_args()
    path = Path(args.gold)
    if not path.exists():
        sys.exit(f"no gold file at {path} (it exists only in the team workspace)")
    result = evaluate(path)
    if args.json:
        if not args.misses:
            del result["misses"]
        print(json.dumps(result, indent=2))
    else:
        print(report(result, args.misses))


if __name__ == "__main__":
    main()
