"""How many events eventwire codes in news that is not about politics: the non-political rate.

    python eval/nonpolitical.py [--min-confidence X] [--examples N] [--json] [--data DIR]

Codes every article of ../shared/data/news_cluster (team workspace only; 204 articles) as
eval/audit.py does for its blind pool, and counts per manifest category (world, business,
science, technology, sports, entertainment, ...), for all categories but world together, and
for world: articles, events, events per article, and violent events (CAMEO roots 18, 19 and
20) per article. Every coded event counts, whatever its modality, as the product shows it.
Most non-world articles report no political event, so events there are mostly false alarms;
world is there to compare with.

--min-confidence X counts only events whose ``confidence`` is at least X; an event without a
confidence (None, or no such attribute) always counts. --examples N prints, for each non-world
category, up to N of its events (in file order) as ``file category cameo trigger source target``:
the trigger word and codes only, never the sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import DATA, code_articles, git_commit, load_pool  # noqa: E402

VIOLENT = frozenset({"18", "19", "20"})
WORLD = "world"
OTHERS = "non-world"


def kept(event, min_confidence: float | None) -> bool:
    """Whether an event counts under the threshold (events without a confidence always do)."""
    if min_confidence is None:
        return True
    confidence = getattr(event, "confidence", None)
    return confidence is None or confidence >= min_confidence


def trigger_text(event, text: str) -> str:
    trig = event.trigger or {}
    word = trig.get("text") or text[trig.get("start", 0) : trig.get("end", 0)]
    return "_".join(word.split()) or "?"


def codes(actors) -> str:
    return "+".join(a.code or "?" for a in actors) or "-"


def rates(c: Counter) -> dict:
    n = c["articles"]
    return {
        "articles": n,
        "failed": c["failed"],
        "events": c["events"],
        "events_per_article": round(c["events"] / n, 3) if n else None,
        "violent": c["violent"],
        "violent_per_article": round(c["violent"] / n, 3) if n else None,
        "below_threshold": c["below"],
    }


def measure(data: Path, min_confidence: float | None, examples: int) -> dict:
    articles = load_pool("news_cluster", data)
    results = code_articles(articles)
    counts: dict[str, Counter] = {}
    shown: list[dict] = []
    for article, result in zip(articles, results, strict=True):
        category = article["category"] or "(none)"
        c = counts.setdefault(category, Counter())
        c["articles"] += 1
        if result.error:
            c["failed"] += 1
            continue
        for event in result.events:
            if not kept(event, min_confidence):
                c["below"] += 1
                continue
            c["events"] += 1
            c["violent"] += event.cameo[:2] in VIOLENT
            if category != WORLD and sum(s["category"] == category for s in shown) < examples:
                shown.append(
                    {
                        "file": article["file"],
                        "category": category,
                        "cameo": event.cameo,
                        "trigger": trigger_text(event, result.text),
                        "source": codes(event.source),
                        "target": codes(event.target),
                    }
                )
    others = sum((c for k, c in counts.items() if k != WORLD), Counter())
    commit, dirty = git_commit()
    out = {
        "label": "development figures",
        "commit": commit,
        "src_modified": dirty,
        "date": date.today().isoformat(),
        "data": str(data / "news_cluster"),
        "min_confidence": min_confidence,
        "categories": {k: rates(c) for k, c in sorted(counts.items()) if k != WORLD},
        OTHERS: rates(others),
        WORLD: rates(counts.get(WORLD, Counter())),
    }
    if examples:
        out["examples"] = shown
    return out


def report(result: dict) -> str:
    modified = " (src modified)" if result["src_modified"] else ""
    threshold = result["min_confidence"]
    lines = [
        f"news_cluster, development figures: eventwire {result['commit']}{modified}, "
        f"{result['date']}"
        + (f"; events with confidence >= {threshold} (or none)" if threshold is not None else ""),
        "",
        f"  {'category':14} {'articles':>8} {'events':>7} {'per article':>12} "
        f"{'violent/article':>16}",
    ]
    rows = [*result["categories"].items(), (OTHERS, result[OTHERS]), (WORLD, result[WORLD])]
    for name, r in rows:
        if name == OTHERS:
            lines.append("  " + "-" * 61)
        n = r["articles"]
        per = f"{r['events'] / n:.2f}" if n else "-"
        violent = f"{r['violent'] / n:.3f} ({r['violent']})" if n else "-"
        extra = f"  {r['failed']} failed" if r["failed"] else ""
        if threshold is not None:
            extra += f"  {r['below_threshold']} below threshold"
        lines.append(f"  {name:14} {n:8} {r['events']:7} {per:>12} {violent:>16}{extra}")
    if "examples" in result:
        lines += ["", f"Examples ({len(result['examples'])}):"]
        for e in result["examples"]:
            lines.append(
                f"  {e['file']} {e['category']} {e['cameo']} {e['trigger']} "
                f"{e['source']} {e['target']}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--examples", type=int, default=0, metavar="N")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    args = parser.parse_args()
    if args.examples < 0:
        sys.exit("--examples must be 0 or more")
    result = measure(args.data, args.min_confidence, args.examples)
    print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
