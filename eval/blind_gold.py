"""A blind gold set: sentences drawn at random from real articles, coded by judges who never
saw eventwire's output, scored through the product.

    python eval/blind_gold.py draw --n N --seed S --out DIR [--judges K]
    python eval/blind_gold.py collect DIR/judged-*.jsonl --draw DIR/draw.jsonl [--out GOLD]
    python eval/blind_gold.py score [GOLD] [--split dev|test|both] [--json] [--misses]
    python eval/blind_gold.py agree [GOLD] [--second SECOND] [--json]

draw: cuts every article of the two audit pools (../shared/data/news_cluster, every category,
and ../shared/data/polnear/train) into sentences, draws N/2 sentences uniformly from each pool
(sentences with no event in their natural share), and writes, outside the repository, the
draw (pointers) and K coding sheets (the sentence with its article's title and the text before
it) for the judges. The judges follow eval/BLIND_GOLD_PROTOCOL.md.

collect: joins the judges' files to the draw and writes the gold file kept in the repository,
``eval/blind/gold.jsonl``: per sentence its pool, file, character offsets in the article, a
hash of its text, its split and the coded events; never the text itself (the articles belong
to their publishers and stay in ../shared/data).

score: codes each article that holds a gold sentence with eventwire, as a user's ``process``
would, takes the events whose trigger lies in the sentence (found again in the cleaned text),
and scores them as ``eventwire eval`` does (L1, L2, type), per split. A split is a set of
whole articles (by a hash of the file name), so dev and test never share an article. The test
half is scored once a change is finished and never read for rules.

agree: how far two independent codings of the same sentences agree (``collect --out
eval/blind/second.jsonl`` keeps a second judge's coding the same way), with the measures of
``score``: the first coding is the reference, the second is scored as if it were eventwire.
Two careful judges' agreement is the ceiling of what the gold set can show of any coder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import (  # noqa: E402
    DATA,
    ROOT,
    code_articles,
    git_commit,
    load_pool,
    outside_repository,
    split_of,
    split_sentences,
    text_before,
)

GOLD = ROOT / "eval" / "blind" / "gold.jsonl"
SECOND = ROOT / "eval" / "blind" / "second.jsonl"
MIN_WORDS, MAX_WORDS = 3, 90  # shorter pieces are bylines and datelines; longer are run-ons


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:12]


def sentences_of(article: dict) -> list[tuple[int, int]]:
    """(start, end) of each sentence of the article's text, stripped of spaces."""
    out, offset = [], 0
    text = article["text"]
    for piece in split_sentences(text):
        start = offset + (len(piece) - len(piece.lstrip()))
        end = offset + len(piece.rstrip())
        offset += len(piece)
        if MIN_WORDS <= len(text[start:end].split()) <= MAX_WORDS:
            out.append((start, end))
    return out


def pool_sentences(pool: str, data: Path = DATA) -> list[tuple[dict, int, int]]:
    """(article, start, end) of every sentence of a pool's articles, in order."""
    return [
        (article, start, end)
        for article in load_pool(pool, data)
        for start, end in sentences_of(article)
    ]


def draw(n: int, seed: int, out: Path, judges: int, data: Path = DATA) -> None:
    outside_repository(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    drawn = []
    for pool in ("news_cluster", "polnear"):
        for article, start, end in rng.sample(pool_sentences(pool, data), n // 2):
            sentence = article["text"][start:end]
            drawn.append(
                {
                    "id": f"b{len(drawn) + 1:04d}",
                    "pool": pool,
                    "file": article["file"],
                    "start": start,
                    "end": end,
                    "sha": text_hash(sentence),
                    "split": split_of(article["file"]),
                    "date": article.get("date"),
                    "_sheet": {
                        "title": article.get("title"),
                        "outlet": article.get("outlet"),
                        "date": article.get("date"),
                        "context": text_before(article["text"], start),
                        "sentence": sentence,
                    },
                }
            )
    rng.shuffle(drawn)
    with open(out / "draw.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"seed": seed, "n": len(drawn)}) + "\n")
        for row in drawn:
            f.write(json.dumps({k: v for k, v in row.items() if k != "_sheet"}) + "\n")
    for j in range(judges):
        with open(out / f"sheet-{j + 1}.jsonl", "w", encoding="utf-8") as f:
            for row in drawn[j::judges]:
                item = {"id": row["id"], **row["_sheet"], "political": None, "events": None}
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"drew {len(drawn)} sentences into {out} ({judges} sheets)")


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def collect(judged: list[Path], draw_path: Path, out: Path) -> None:
    rows = read_jsonl(draw_path)[1:]
    codes: dict[str, dict] = {}
    for path in judged:
        for item in read_jsonl(path):
            if item.get("events") is None:
                sys.exit(f"{path}: {item['id']} is not coded")
            codes[item["id"]] = item
    missing = [r["id"] for r in rows if r["id"] not in codes]
    if missing:
        sys.exit(f"{len(missing)} drawn sentences have no coding, e.g. {missing[:5]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for row in sorted(rows, key=lambda r: r["id"]):
            item = codes[row["id"]]
            events = [{k: e.get(k) for k in ("source", "target", "cameo")} for e in item["events"]]
            f.write(
                json.dumps({**row, "political": item.get("political"), "events": events}) + "\n"
            )
    print(f"wrote {len(rows)} gold sentences to {out}")


# ---------------------------------------------------------------------------- scoring


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Where the sentence is in the cleaned text, whatever the spacing; None if cleaning
    dropped it."""
    words = sentence.split()
    if not words:
        return None
    m = re.search(r"\s*".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def score(
    gold_path: Path, splits: tuple[str, ...], data: Path = DATA, min_confidence: float = 0.0
) -> dict:
    from eventwire.eval import EvalReport, GoldItem, score_item

    gold = [g for g in read_jsonl(gold_path) if g["split"] in splits]
    articles = {}
    for pool in {g["pool"] for g in gold}:
        for a in load_pool(pool, data):
            articles[(pool, a["file"])] = a
    wanted = sorted({(g["pool"], g["file"]) for g in gold})
    results = dict(zip(wanted, code_articles([articles[k] for k in wanted]), strict=True))
    reports = {s: EvalReport() for s in splits}
    lost = 0
    for g in gold:
        article = articles[(g["pool"], g["file"])]
        sentence = article["text"][g["start"] : g["end"]]
        if text_hash(sentence) != g["sha"]:
            sys.exit(f"{g['id']}: the article {g['file']} changed since the draw")
        result = results[(g["pool"], g["file"])]
        span = locate(sentence, result.text or "")
        events = []
        if span is None:
            lost += 1
        else:
            events = [
                e
                for e in result.events
                if span[0] <= e.trigger["start"] < span[1]
                and (e.confidence or 0.0) >= min_confidence
            ]
        item = GoldItem(g["id"], sentence, g.get("date"), g["events"])
        score_item(item, events, reports[g["split"]])
    commit, dirty = git_commit()
    return {
        "gold": str(gold_path.relative_to(ROOT) if gold_path.is_relative_to(ROOT) else gold_path),
        "commit": commit,
        "dirty": dirty,
        "min_confidence": min_confidence,
        "not_found_after_cleaning": lost,
        **{s: reports[s].to_dict() for s in splits},
    }


def agree(gold_path: Path, second_path: Path) -> dict:
    """L1, L2 and type F1 of the second coding against the first, and how often the two agree
    that a sentence is political, per split and over both."""
    from eventwire.eval import LEVELS, Counts, _match, gold_tuples

    first = {g["id"]: g for g in read_jsonl(gold_path)}
    second = {g["id"]: g for g in read_jsonl(second_path)}
    shared = sorted(set(first) & set(second))
    out: dict = {"gold": gold_path.name, "second": second_path.name, "sentences": len(shared)}
    for split in ("dev", "test", "both"):
        ids = [i for i in shared if split == "both" or first[i]["split"] == split]
        levels = {level: Counts() for level in LEVELS}
        same_political = 0
        for i in ids:
            a, b = first[i], second[i]
            same_political += bool(a.get("political")) == bool(b.get("political"))
            for level in LEVELS:
                ta = [t for ev in a["events"] for t in gold_tuples(ev, level)]
                tb = [t for ev in b["events"] for t in gold_tuples(ev, level)]
                levels[level].add(_match(ta, tb))
        out[split] = {
            "sentences": len(ids),
            "events_first": sum(len(first[i]["events"]) for i in ids),
            "events_second": sum(len(second[i]["events"]) for i in ids),
            "political_agreement": round(same_political / len(ids), 3) if ids else None,
            **{level: counts.to_dict() for level, counts in levels.items()},
        }
    return out


def blind_set_parser(
    description: str, gold: Path, judges: int, drawn: str = "--draw"
) -> tuple[argparse.ArgumentParser, argparse._SubParsersAction, argparse.ArgumentParser]:
    """The commands every blind set shares: draw, collect (from the judges' files and the
    ``drawn`` file) and score; returns the parser, its subcommands and the score command."""
    parser = argparse.ArgumentParser(description=description)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("draw")
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--judges", type=int, default=judges)
    p = sub.add_parser("collect")
    p.add_argument("judged", type=Path, nargs="+")
    p.add_argument(drawn, type=Path, required=True)
    p.add_argument("--out", type=Path, default=gold)
    score = sub.add_parser("score")
    score.add_argument("gold", type=Path, nargs="?", default=gold)
    score.add_argument("--split", choices=("dev", "test", "both"), default="dev")
    score.add_argument("--json", action="store_true")
    score.add_argument("--misses", action="store_true", help="list what is wrong (dev only)")
    return parser, sub, score


def scored_splits(args: argparse.Namespace) -> tuple[str, ...]:
    """The splits to score; listing what is wrong is refused on the test half."""
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    if args.misses and "test" in splits:
        sys.exit("--misses lists what is wrong; the test half is never read for rules")
    return splits


def main(argv: list[str] | None = None) -> None:
    parser, sub, p = blind_set_parser(__doc__.splitlines()[0], GOLD, 4)
    p.add_argument(
        "--min-confidence", type=float, default=0.0, help="score only events this confident"
    )
    p = sub.add_parser("agree")
    p.add_argument("gold", type=Path, nargs="?", default=GOLD)
    p.add_argument("--second", type=Path, default=SECOND)
    p.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "agree":
        result = agree(args.gold, args.second)
        if args.json:
            print(json.dumps(result, indent=1))
            return
        print(f"agreement of {result['second']} with {result['gold']}")
        for s in ("dev", "test", "both"):
            r = result[s]
            print(
                f"  {s}: {r['sentences']} sentences, events {r['events_first']} and "
                f"{r['events_second']}  L1 F1 {r['l1']['f1']:.3f}  L2 F1 {r['l2']['f1']:.3f}  "
                f"type F1 {r['type']['f1']:.3f}  political agreed {r['political_agreement']:.1%}"
            )
        return
    if args.command == "draw":
        draw(args.n, args.seed, args.out, args.judges)
    elif args.command == "collect":
        collect(args.judged, args.draw, args.out)
    else:
        splits = scored_splits(args)
        result = score(args.gold, splits, min_confidence=args.min_confidence)
        if not args.misses:
            for s in splits:
                result[s].pop("misses", None)
                result[s].pop("false_alarms", None)
        if args.json:
            print(json.dumps(result, indent=1))
            return
        print(
            f"blind gold {result['gold']} at {result['commit']}"
            + (" (dirty)" if result["dirty"] else "")
            + f", events with confidence >= {result['min_confidence']:g}"
        )
        for s in splits:
            r = result[s]
            print(
                f"  {s}: {r['items']} sentences  L1 F1 {r['l1']['f1']:.3f} "
                f"(P {r['l1']['precision']:.3f} R {r['l1']['recall']:.3f})  "
                f"L2 F1 {r['l2']['f1']:.3f}  type F1 {r['type']['f1']:.3f} "
                f"(P {r['type']['precision']:.3f} R {r['type']['recall']:.3f})"
            )
            if args.misses:
                for m in r["misses"]:
                    print("   miss", json.dumps(m, ensure_ascii=False))
                for m in r["false_alarms"]:
                    print("   false", json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    main()
