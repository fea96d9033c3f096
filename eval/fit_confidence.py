"""Fit the event confidence model (``src/eventwire/data/confidence.json``) on judged events.

    python eval/fit_confidence.py export SHEET.jsonl JUDGED.jsonl... --out eval/audits/NAME.jsonl
    python eval/fit_confidence.py fit eval/audits/NAME.jsonl... [--gold eval/blind/gold.jsonl]
                                  [--threshold P] [--write]

export: keeps of a judged audit sheet only what the fit needs and no article text: per event
its pool, file, the hash of its sentence, where the trigger stands in the sentence, the code and
the judgment. The result goes in ``eval/audits/``.

fit: codes the articles again with the current coder, finds each judged event (same sentence,
same trigger start, same CAMEO root), reads its evidence (``coding.confidence.Features``) and
labels it right when the judges said ``event: yes``. With ``--gold``, the events coded in the
development half of the blind gold set are added, right when the gold sentence holds an event of
the same root. A logistic regression (L2 penalty ``--l2``) is fitted by gradient descent; the
script prints the weights, a calibration table, and for each threshold the share of events kept
and their precision on the fitted data. ``--write`` stores the weights, with where they came
from, and ``--threshold`` as the product's default. Only development data go in: audits of the
dev half of the pools (``audit.py sample --half dev``) and the dev half of the blind gold set.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import DATA, ROOT, git_commit, load_pool, read_jsonl, split_of  # noqa: E402
from blind_gold import locate, text_hash  # noqa: E402

ITERATIONS = 6000
CONFIDENCE_JSON = ROOT / "src" / "eventwire" / "data" / "confidence.json"


def export(sheet: Path, judged: list[Path], out: Path) -> None:
    header, rows = read_jsonl(sheet)
    judgments = {}
    for path in judged:
        for row in read_jsonl(path)[1]:
            judgments[row["id"]] = row
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({"header": {**(header or {}), "exported": "judgments only"}}) + "\n")
        for row in rows:
            j = judgments.get(row["id"])
            if j is None or j.get("event") is None:
                continue
            marked = row["sentence_marked"]
            f.write(
                json.dumps(
                    {
                        "id": row["id"],
                        "pool": row["pool"],
                        "file": row["file"],
                        "sentence_sha": text_hash(row["sentence"]),
                        "trigger_offset": marked.find("[["),
                        "trigger": row["trigger"],
                        "cameo": row["cameo"],
                        **{k: j.get(k) for k in ("event", "source", "target", "modality")},
                    }
                )
                + "\n"
            )
    print(f"wrote {out}")


def _code(articles: list[dict]) -> dict[str, tuple]:
    """file -> (cleaned text, events, features by event id), coded as the product codes."""
    from eventwire import RawDocument, SourceRef
    from eventwire.coding.events import code_document
    from eventwire.coding.knowledge import DEFAULT
    from eventwire.coding.relevance import relevance_of
    from eventwire.nlp import parse
    from eventwire.pipeline import prepare

    kn = DEFAULT.get()
    out = {}
    for k, a in enumerate(articles, 1):
        raw = RawDocument(
            source=SourceRef(a["file"]),
            text=a["text"],
            outlet=a.get("outlet"),
            date=a.get("date"),
            title=a.get("title"),
        )
        result = prepare(raw)
        if result.error:
            continue
        doc = parse(result.text)
        explain: dict = {}
        events, _ = code_document(
            doc,
            result.doc_id,
            date=result.published,
            outlet=result.outlet,
            relevance=relevance_of(doc, kn.words.topics),
            explain=explain,
        )
        out[a["file"]] = (result.text, events, explain)
        print(f"  coded {k} of {len(articles)} articles", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return out


def dataset(audits: list[Path], gold: Path | None) -> tuple[list[dict], list[int], list[str], dict]:
    """Features, labels and the document of each judged event found again, and counts."""
    judged = [
        row for path in audits for row in read_jsonl(path)[1] if split_of(row["file"]) == "dev"
    ]
    gold_rows = []
    if gold is not None:
        gold_rows = [g for g in read_jsonl(gold)[1] if g["split"] == "dev"]
    wanted = {(r["pool"], r["file"]) for r in judged} | {(g["pool"], g["file"]) for g in gold_rows}
    articles = {}
    for pool in {p for p, _ in wanted}:
        for a in load_pool(pool, DATA):
            if (pool, a["file"]) in wanted:
                articles[a["file"]] = a
    coded = _code(sorted(articles.values(), key=lambda a: a["file"]))
    xs, ys, documents = [], [], []
    counts = {"judged": len(judged), "found": 0, "gold_events": 0}
    for row in judged:
        if row["file"] not in coded:
            continue
        text, events, explain = coded[row["file"]]
        for e in events:
            sentence = e.evidence["text"]
            if (
                text_hash(sentence) == row["sentence_sha"]
                and e.trigger["start"] - e.evidence["start"] == row["trigger_offset"]
                and e.cameo[:2] == row["cameo"][:2]
                and e.event_id in explain
            ):
                xs.append(explain[e.event_id])
                ys.append(int(row["event"] == "yes"))
                documents.append(row["file"])
                counts["found"] += 1
                break
    for g in gold_rows:
        if g["file"] not in coded:
            continue
        text, events, explain = coded[g["file"]]
        sentence = articles[g["file"]]["text"][g["start"] : g["end"]]
        span = locate(sentence, text)
        if span is None:
            continue
        roots = [ev["cameo"][:2] for ev in g["events"] if ev.get("cameo")]
        for e in events:
            if span[0] <= e.trigger["start"] < span[1] and e.event_id in explain:
                xs.append(explain[e.event_id])
                ys.append(int(e.cameo[:2] in roots))
                documents.append(g["file"])
                counts["gold_events"] += 1
    return xs, ys, documents, counts


def acled_dataset(rows_wanted: int, seed: int = 1500) -> tuple[list[dict], list[int], list[str]]:
    """Events coded from ACLED development notes (``rows_wanted`` rows of the violence and
    protest types, drawn with ``seed``) whose PLOVER type is one of those families (assault,
    protest), right when it is the row's. Events of other types are left out: a note tells
    one event, and a statement or an arrest it also tells is not wrong for being another."""
    import csv
    import random

    from common import ACLED, FAMILIES

    from eventwire.coding.events import code_document
    from eventwire.coding.knowledge import DEFAULT
    from eventwire.coding.relevance import relevance_of
    from eventwire.nlp import parse

    with open(ACLED, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["event_type"] in FAMILIES]
    rows = random.Random(seed).sample(rows, min(rows_wanted, len(rows)))
    kn = DEFAULT.get()
    xs, ys, documents = [], [], []
    for k, row in enumerate(rows):
        doc = parse(row["notes"])
        explain: dict = {}
        events, _ = code_document(
            doc,
            f"acled-{k}",
            date=row["event_date"],
            relevance=relevance_of(doc, kn.words.topics),
            explain=explain,
        )
        family = FAMILIES[row["event_type"]]
        judged = set().union(*FAMILIES.values())
        for e in events:
            if e.event_id in explain and e.plover and e.plover["event"] in judged:
                xs.append(explain[e.event_id])
                ys.append(int(e.plover["event"] in family))
                documents.append(f"acled-{k}")
    return xs, ys, documents


def vocabulary(xs: list[dict], min_count: int) -> list[str]:
    """The named indicators (``coding.confidence.lexical_features``) seen in at least
    ``min_count`` events, in a fixed order."""
    from collections import Counter

    from eventwire.coding.confidence import FEATURES

    counts = Counter(k for row in xs for k in row if k not in FEATURES)
    return sorted(k for k, n in counts.items() if n >= min_count)


def fit(
    xs: list[dict], ys: list[int], l2: float, lexical_l2: float = 0.0, min_count: int = 3
) -> tuple[float, dict[str, float], dict[str, float]]:
    """Intercept, weights of the numeric features, weights of the named indicators (none when
    ``lexical_l2`` is 0; else each with its own, stronger, penalty)."""
    from eventwire.coding.confidence import FEATURES

    names = list(FEATURES)
    lexical = vocabulary(xs, min_count) if lexical_l2 > 0 else []
    columns = names + lexical
    x = np.array([[row.get(n, 0.0) for n in columns] for row in xs], dtype=float)
    y = np.array(ys, dtype=float)
    penalty = np.array([l2] * len(names) + [lexical_l2] * len(lexical))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + penalty * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= 0.5 * grad_w
        b -= 0.5 * grad_b
    weights = {n: round(float(v), 3) for n, v in zip(names, w[: len(names)], strict=True)}
    lex = {
        n: round(float(v), 3)
        for n, v in zip(lexical, w[len(names) :], strict=True)
        if abs(v) >= 0.01
    }
    return round(b, 3), weights, lex


def report(xs: list[dict], ys: list[int], intercept: float, weights: dict) -> None:
    scores = _scores(xs, intercept, weights)
    print("calibration (fitted data): bin, events, mean confidence, share right")
    for lo in np.arange(0.0, 1.0, 0.1):
        inside = [(s, y) for s, y in zip(scores, ys, strict=True) if lo <= s < lo + 0.1]
        if inside:
            mean = sum(s for s, _ in inside) / len(inside)
            right = sum(y for _, y in inside) / len(inside)
            print(f"  {lo:.1f}-{lo + 0.1:.1f}  {len(inside):4d}  {mean:.2f}  {right:.2f}")
    print("threshold, events kept, precision of those kept")
    for t in np.arange(0.3, 0.85, 0.05):
        kept = [y for s, y in zip(scores, ys, strict=True) if s >= t]
        if kept:
            print(f"  {t:.2f}  {len(kept) / len(ys):.2f}  {sum(kept) / len(kept):.2f}")


def _scores(xs: list[dict], intercept: float, weights: dict) -> list[float]:
    """``weights``: numeric and named indicators together (an absent name weighs nothing)."""
    return [
        float(
            1.0
            / (1.0 + np.exp(-(intercept + sum(w * row.get(n, 0.0) for n, w in weights.items()))))
        )
        for row in xs
    ]


def _fold(document: str, folds: int) -> int:
    """The fold of a document: all the events of one article fall in the same fold."""
    import zlib

    return zlib.crc32(document.encode("utf-8")) % folds


def cross_validate(
    xs: list[dict],
    ys: list[int],
    groups: list[str],
    documents: list[str],
    l2: float,
    lexical_l2: float = 0.0,
    folds: int = 5,
) -> None:
    """Held-out confidences (each event scored by a model fitted without its fold; the folds
    split documents, not events), and for each kind of text and threshold the share kept and
    the precision of those kept."""
    held = [0.0] * len(ys)
    fold_of = [_fold(d, folds) for d in documents]
    for k in range(folds):
        train = [i for i in range(len(ys)) if fold_of[i] != k]
        b, w, lex = fit([xs[i] for i in train], [ys[i] for i in train], l2, lexical_l2)
        w = {**w, **lex}
        test = [i for i in range(len(ys)) if fold_of[i] == k]
        for i, score in zip(test, _scores([xs[i] for i in test], b, w), strict=True):
            held[i] = score
    print(f"held out ({folds}-fold): kind, threshold, kept, precision of those kept")
    for group in sorted(set(groups)):
        idx = [i for i, g in enumerate(groups) if g == group]
        right = sum(ys[i] for i in idx)
        print(f"  {group}: {len(idx)} events, {right / len(idx):.2f} right")
        for t in (0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
            kept = [ys[i] for i in idx if held[i] >= t]
            if kept:
                print(f"    {t:.2f}  {len(kept) / len(idx):.2f}  {sum(kept) / len(kept):.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export")
    e.add_argument("sheet", type=Path)
    e.add_argument("judged", type=Path, nargs="+")
    e.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("fit")
    f.add_argument("audits", type=Path, nargs="+")
    f.add_argument("--gold", type=Path, default=None)
    f.add_argument("--l2", type=float, default=2.0)
    f.add_argument(
        "--lexical-l2",
        type=float,
        default=0.0,
        help="fit weights of the named indicators too, with this penalty (0: none)",
    )
    f.add_argument("--cache", type=Path, default=None, help="keep the coded data set here")
    f.add_argument("--acled", type=int, default=0, help="add events of N ACLED dev rows")
    f.add_argument("--threshold", type=float, default=None)
    f.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "export":
        export(args.sheet, args.judged, args.out)
        return
    if args.cache is not None and args.cache.exists():
        xs, ys, documents, groups, counts = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        xs, ys, documents, counts = dataset(args.audits, args.gold)
        groups = ["news"] * len(ys)
        if args.acled:
            ax, ay, ad = acled_dataset(args.acled)
            xs, ys, documents = xs + ax, ys + ay, documents + ad
            groups += ["acled"] * len(ay)
            counts["acled_events"] = len(ay)
        if args.cache is not None:
            data = [xs, ys, documents, groups, counts]
            args.cache.write_text(json.dumps(data), encoding="utf-8")
    print(f"{len(ys)} events ({counts}), {sum(ys)} right")
    models = {}
    sizes = {}
    for kind in ("brief", "article"):
        idx = [i for i, x in enumerate(xs) if bool(x["short_document"]) == (kind == "brief")]
        kx, ky, kg = [xs[i] for i in idx], [ys[i] for i in idx], [groups[i] for i in idx]
        kd = [documents[i] for i in idx]
        sizes[kind] = (len(ky), sum(ky))
        print(f"\n== {kind}: {len(ky)} events, {sum(ky)} right")
        if not ky:
            sys.exit(f"no {kind} events to fit")
        intercept, weights, lexical = fit(kx, ky, args.l2, args.lexical_l2)
        models[kind] = {"intercept": intercept, "weights": weights, "lexical": lexical}
        print("intercept", intercept)
        for name, value in weights.items():
            print(f"  {name:18s} {value:+.3f}")
        strongest = sorted(lexical.items(), key=lambda kv: -abs(kv[1]))[:25]
        print(f"  {len(lexical)} named indicators; the strongest:")
        for name, value in strongest:
            print(f"    {name:30s} {value:+.3f}")
        report(kx, ky, intercept, {**weights, **lexical})
        cross_validate(kx, ky, kg, kd, args.l2, args.lexical_l2)
    if args.write:
        if args.threshold is None:
            sys.exit("--write needs --threshold")
        commit, dirty = git_commit()
        about = (
            f"Weights of the event confidence models (coding/confidence.py), fitted on "
            f"{date.today().isoformat()} at {commit}{' (modified)' if dirty else ''} by "
            f"'python eval/fit_confidence.py fit {' '.join(str(p) for p in args.audits)}"
            f"{' --gold ' + str(args.gold) if args.gold else ''}"
            f"{' --acled ' + str(args.acled) if args.acled else ''} --l2 {args.l2:g} "
            f"--lexical-l2 {args.lexical_l2:g} --threshold "
            f"{args.threshold:g} --write': {len(ys)} development events "
            f"({counts['found']} judged in audits of the pools' dev half, "
            f"{counts['gold_events']} coded in blind gold dev sentences, right when the gold has "
            f"their root, {counts.get('acled_events', 0)} of the assault and protest types "
            f"coded from ACLED development notes, right when of the row's family); brief model "
            f"{sizes['brief'][0]} events "
            f"({sizes['brief'][1]} right), article model {sizes['article'][0]} "
            f"({sizes['article'][1]} right). Named indicators (lexical) seen in at least 3 "
            f"events are weighed. The threshold is the product's default."
        )
        data = {"_about": about, "models": models, "threshold": args.threshold}
        CONFIDENCE_JSON.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {CONFIDENCE_JSON}")


if __name__ == "__main__":
    main()
