"""Blind audit of coded events on real news: draw a judging sheet, split it, score the judgments.

    python eval/audit.py sample --pool news_cluster|polnear|both --n N --seed S --out SHEET.jsonl
                                [--min-confidence X] [--data DIR]
    python eval/audit.py blank SHEET.jsonl --judges K [--dir DIR]
    python eval/audit.py score SHEET.jsonl JUDGED.jsonl [JUDGED.jsonl ...] [--json]

The protocol the judges follow, and what each figure means, is eval/AUDIT_PROTOCOL.md.

sample: codes every article of the pool (news_cluster: ../shared/data/news_cluster, all its
categories; polnear: the 840 articles of ../shared/data/polnear/train) with eventwire, with the
title, outlet and date the manifest or metadata gives, and draws N events uniformly at random
from all the events coded (every event equally likely, whatever its article or pool). The
sheet's first line is a header (seed, commit, date, pool, threshold, counts); each further line
is one event with what a judge needs and an ``id``. The sheets hold article text, so they are
written outside the repository (the script refuses a path inside it).

blank: splits a sheet into K judging files (part-1.jsonl ... beside the sheet, or in --dir):
per event its id, the article, the context, the sentence, what was coded (under "coded") and
the judgment fields, empty (null), for a judge to fill.

score: reads the filled judging files and prints each figure with its Wilson 95% interval and
the number judged: overall, per pool, for news_cluster's world against its other categories, and
by tenth of the events' confidence (the sheet keeps each event's confidence for this; the
judging files do not show it).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
POOLS = ("news_cluster", "polnear")
# The confidence at or above which the product shows an event by default (None: read the
# shipped threshold, data/confidence.json, when sampling).
DEFAULT_MIN_CONFIDENCE: float | None = None
# PolNeAR's publisher codes (metadata.tsv) and the outlets they stand for.
POLNEAR_OUTLETS = {
    "breitbart": "breitbart.com",
    "huff-post": "huffingtonpost.com",
    "nyt": "nytimes.com",
    "politico": "politico.com",
    "usa-today": "usatoday.com",
    "wash-post": "washingtonpost.com",
    "west-journal": "westernjournalism.com",
}
BATCH = 20  # articles parsed together
CONTEXT_CHARS = 400  # text before the sentence when its two previous sentences run longer
# A sentence ends at a line break, or at ., ! or ? (closing quotes and brackets after it) and
# a space before a capital, a digit or an opening quote; not after a title or an initial.
BOUNDARY = re.compile(r"\n+|[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"“‘'(])")
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Maj|Cpl|Pres|Jr|Sr|No|"
    r"Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|etc)|\b(?:[A-Za-z]\.)*[A-Z])\.$"
)

# The judgment fields and the values each takes (eval/AUDIT_PROTOCOL.md).
JUDGMENT = {
    "event": ("yes", "wrong_type", "no"),
    "source": ("yes", "no", "missing", "na"),
    "target": ("yes", "no", "missing", "na"),
    "modality": ("yes", "no"),
    "claimant": ("yes", "no", "missing", "na"),
    "location": ("yes", "no", "na"),
    "note": None,  # free text
}
Z95 = 1.959963984540054


# ---------------------------------------------------------------------------- the pools


def news_cluster_articles(root: Path) -> list[dict]:
    """The articles of news_cluster with the manifest's metadata; the metadata line heading
    each file (``# outlet: ... | category: ...``) is dropped, as the manifest gives it."""
    with open(root / "manifest.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = []
    for row in sorted(rows, key=lambda r: r["file"]):
        text = (root / "articles" / row["file"]).read_text(encoding="utf-8")
        if text.startswith("# "):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        out.append(
            {
                "pool": "news_cluster",
                "file": row["file"],
                "category": row.get("category") or None,
                "title": row.get("title") or None,
                "outlet": row.get("outlet") or None,
                "date": (row.get("date") or "")[:10] or None,
                "url": row.get("url") or None,
                "text": text,
            }
        )
    return out


def polnear_articles(root: Path) -> list[dict]:
    """PolNeAR's training articles with the metadata's title, publisher and date."""
    meta: dict[str, dict] = {}
    metadata = root / "metadata.tsv"
    if metadata.exists():
        with open(metadata, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row.get("compartment") == "train":
                    meta[row["filename"]] = row
    out = []
    for path in sorted((root / "train" / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        publisher = row.get("publisher") or path.stem.split("_", 1)[0]
        out.append(
            {
                "pool": "polnear",
                "file": path.name,
                "category": None,
                "title": row.get("title") or None,
                "outlet": POLNEAR_OUTLETS.get(publisher, publisher),
                "date": row.get("publication_date") or None,
                "url": None,
                "text": path.read_text(encoding="utf-8"),
            }
        )
    return out


def load_pool(pool: str, data: Path) -> list[dict]:
    """The articles of one pool, or of both."""
    names = POOLS if pool == "both" else (pool,)
    folders = {"news_cluster": data / "news_cluster", "polnear": data / "polnear"}
    readers = {"news_cluster": news_cluster_articles, "polnear": polnear_articles}
    articles = []
    for name in names:
        if not folders[name].is_dir():
            sys.exit(f"no {name} pool at {folders[name]} (it exists only in the team workspace)")
        articles += readers[name](folders[name])
    return articles


def raw_document(article: dict):
    """An article of a pool as eventwire's input."""
    from eventwire import RawDocument, SourceRef

    return RawDocument(
        source=SourceRef(article["file"]),
        text=article["text"],
        url=article.get("url"),
        outlet=article.get("outlet"),
        date=article.get("date"),
        title=article.get("title"),
    )


def code_articles(articles: list[dict]) -> list:
    """Each article through eventwire (``process`` for many documents at once, as
    ``process_text`` does for one), in order."""
    from eventwire.pipeline import process_batch

    results = []
    for i in range(0, len(articles), BATCH):
        chunk = articles[i : i + BATCH]
        results += process_batch([raw_document(a) for a in chunk])
        print(f"  coded {len(results)} of {len(articles)} articles", end="\r", file=sys.stderr)
    print(file=sys.stderr)
    return results


# ---------------------------------------------------------------------------- the sheet


def cameo_names() -> dict[str, str]:
    """CAMEO code -> label, from eventwire's cameo_codes.tsv."""
    import eventwire

    path = Path(eventwire.__file__).parent / "data" / "cameo_codes.tsv"
    names = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        code, label = line.split("\t", 1)
        if code != "code":
            names[code.strip()] = label.strip()
    return names


def split_sentences(text: str) -> list[str]:
    """The text cut into sentences (a plain heuristic, enough to show a judge the context)."""
    pieces, start = [], 0
    for m in BOUNDARY.finditer(text):
        end = m.start() + (0 if m.group().startswith("\n") else 1)
        if not m.group().startswith("\n") and ABBREVIATION.search(text[start:end]):
            continue
        pieces.append(text[start : m.end()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def text_before(text: str, start: int) -> str:
    """The two sentences before offset ``start`` (the title counts as one), or the last
    CONTEXT_CHARS characters before it (from a word's start, marked with "…") when those two
    sentences are longer."""
    before = text[:start].rstrip()
    if not before:
        return ""
    pieces = [p.strip() for p in split_sentences(before) if p.strip()]
    context = " ".join(pieces[-2:])
    if len(context) <= CONTEXT_CHARS * 1.5:
        return context
    tail = before[-CONTEXT_CHARS:]
    cut = tail.find(" ")
    tail = tail[cut + 1 :] if 0 <= cut < 40 else tail
    return "…" + " ".join(tail.split())


def _actor(actor) -> dict | None:
    if actor is None:
        return None
    if isinstance(actor, dict):
        return {"text": actor.get("text"), "code": actor.get("code")}
    return {"text": getattr(actor, "text", str(actor)), "code": getattr(actor, "code", None)}


def _party(item) -> dict | str:
    """A disputer as the sheet shows it: the actor's text and code, the cue and the sentence
    that disputes (or the value as it is, should it have another shape)."""
    if isinstance(item, dict) and "actor" in item:
        evidence = item.get("evidence") or {}
        return {**(_actor(item["actor"]) or {}), "cue": item.get("cue"),
                "sentence": evidence.get("text")}  # fmt: skip
    if isinstance(item, dict) and "text" in item:
        return {k: v for k, v in item.items() if k in ("text", "code", "cue", "stance")}
    return item


def sheet_row(article: dict, result, event, names: dict[str, str]) -> dict:
    """Everything a judge needs about one event (no judgment fields; ``id`` set later)."""
    text = result.text
    ev = event.evidence
    trig = event.trigger
    sentence = ev.get("text") or text[ev["start"] : ev["end"]]
    t0, t1 = trig["start"] - ev["start"], trig["end"] - ev["start"]
    marked = (
        f"{sentence[:t0]}[[{sentence[t0:t1]}]]{sentence[t1:]}"
        if 0 <= t0 < t1 <= len(sentence)
        else sentence
    )
    plover = event.plover or {}
    claim = event.claim or {}
    loc = event.location
    return {
        "id": None,
        "pool": article["pool"],
        "category": article.get("category"),
        "file": article["file"],
        "event_id": event.event_id,
        "title": result.title or article.get("title"),
        "outlet": result.outlet or article.get("outlet"),
        "article_date": result.published or article.get("date"),
        "text_before": text_before(text, ev["start"]),
        "sentence": sentence,
        "sentence_marked": marked,
        "trigger": trig.get("text"),
        "cameo": event.cameo,
        "cameo_name": names.get(event.cameo),
        "plover": plover.get("event"),
        "plover_mode": plover.get("mode"),
        "plover_context": plover.get("context") or [],
        "source": [_actor(a) for a in event.source],
        "target": [_actor(a) for a in event.target],
        "modality": event.modality,
        "quantity": event.quantity,
        "claimant": _actor(claim.get("claimant")),
        "claim_cue": claim.get("cue"),
        "claim_stance": claim.get("stance"),
        "disputed_by": [_party(d) for d in claim.get("disputed_by") or []],
        "location": (
            {k: loc.get(k) for k in ("text", "name", "admin1", "country", "precision")}
            if loc
            else None
        ),
        "date": event.date,
        # for calibration by score(); judges never see it (CODED_FIELDS leaves it out)
        "confidence": event.confidence,
    }


def confidence_band(confidence: float | None) -> str | None:
    """The tenth of [0, 1] a confidence falls in ("confidence 0.8-0.9"), None when unknown."""
    if confidence is None:
        return None
    low = min(int(confidence * 10), 9) / 10
    return f"confidence {low:.1f}-{low + 0.1:.1f}"


def split_of(file: str) -> str:
    """``dev`` or ``test``: the half of the pools an article belongs to, fixed by its file name.
    Rules and the confidence model are developed on the dev half; the audits that go in the
    README draw from the test half (``sample --half test``)."""
    return "test" if hashlib.sha1(file.encode()).digest()[0] % 2 else "dev"


def draw(candidates: list, n: int, seed: int) -> list:
    """``n`` of the candidates drawn uniformly without replacement (all if fewer), in the
    drawn order; the same seed and candidates give the same draw."""
    return random.Random(seed).sample(candidates, min(n, len(candidates)))


def git_commit() -> tuple[str | None, bool]:
    """The short commit of the checkout, and whether src/ differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "src"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return None, False
    return commit or None, bool(dirty)


def outside_repository(path: Path) -> None:
    """Exit when ``path`` is inside the repository: sheets and judgments hold article text."""
    if path.resolve().is_relative_to(ROOT):
        sys.exit(f"{path} is inside the repository; audit sheets hold article text, keep them out")


def sample(
    pool: str,
    n: int,
    seed: int,
    out: Path,
    min_confidence: float | None,
    data: Path = DATA,
    half: str = "all",
    below: bool = False,
) -> dict:
    """Write the sheet; return its header. ``half``: the articles of one half of the pools
    (``split_of``) or all; ``below``: draw the events under the threshold instead."""
    outside_repository(out)
    articles = [a for a in load_pool(pool, data) if half == "all" or split_of(a["file"]) == half]
    results = code_articles(articles)
    names = cameo_names()
    explicit = min_confidence is not None
    if min_confidence is None:
        from eventwire.coding.confidence import ConfidenceModel

        min_confidence = DEFAULT_MIN_CONFIDENCE or ConfidenceModel.load().threshold
    threshold = min_confidence
    stats = {
        p: {"articles": 0, "failed": 0, "events": 0, "below_threshold": 0, "sampled": 0}
        for p in (POOLS if pool == "both" else (pool,))
    }
    candidates = []
    for article, result in zip(articles, results, strict=True):
        s = stats[article["pool"]]
        s["articles"] += 1
        if result.error:
            s["failed"] += 1
            continue
        for event in result.events:
            s["events"] += 1
            if threshold is not None:
                confidence = getattr(event, "confidence", None)
                if confidence is None and not explicit:
                    confidence = 1.0  # coded before confidences existed: shown, as the store does
                if confidence is None:
                    sys.exit(
                        f"events carry no confidence, so --min-confidence {threshold} "
                        "cannot be applied"
                    )
                if (confidence < threshold) != below:
                    s["below_threshold" if not below else "at_or_above"] = (
                        s.get("below_threshold" if not below else "at_or_above", 0) + 1
                    )
                    continue
            candidates.append((article, result, event))
    drawn = draw(candidates, n, seed)
    rows = []
    for k, (article, result, event) in enumerate(drawn, 1):
        row = sheet_row(article, result, event, names)
        row["id"] = f"e{k:03d}"
        stats[article["pool"]]["sampled"] += 1
        rows.append(row)
    commit, dirty = git_commit()
    header = {
        "header": {
            "seed": seed,
            "commit": commit,
            "src_modified": dirty,
            "date": date.today().isoformat(),
            "pool": pool,
            "half": half,
            "below_threshold": below,
            "n": len(rows),
            "n_asked": n,
            "min_confidence": threshold,
            "candidates": len(candidates),
            "pools": stats,
            "protocol": "eval/AUDIT_PROTOCOL.md",
        }
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for obj in [header, *rows]:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return header["header"]


def read_jsonl(path: Path) -> tuple[dict | None, list[dict]]:
    """(header or None, the event lines) of a sheet or a judging file."""
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                sys.exit(f"{path}, line {number}: not JSON ({exc.msg})")
            if "header" in obj and "id" not in obj:
                header = obj["header"]
            else:
                rows.append(obj)
    return header, rows


# ---------------------------------------------------------------------------- blank


# What a judge reads of a sheet's event: the article, the context, and what was coded (kept
# under "coded", since the judgment fields that sit beside it have the same names).
ARTICLE_FIELDS = {"title": "title", "outlet": "outlet", "date": "article_date"}
CODED_FIELDS = (
    "trigger", "cameo", "cameo_name", "plover", "plover_mode", "plover_context", "source",
    "target", "modality", "quantity", "claimant", "claim_cue", "claim_stance", "disputed_by",
    "location", "date",
)  # fmt: skip


def judging_item(row: dict) -> dict:
    """One event of a judging file: ``id``, ``article``, ``text_before``, ``sentence``,
    ``sentence_marked``, ``coded``, then the judgment fields, empty."""
    item = {
        "id": row.get("id"),
        "article": {k: row.get(v) for k, v in ARTICLE_FIELDS.items()},
        "text_before": row.get("text_before"),
        "sentence": row.get("sentence"),
        "sentence_marked": row.get("sentence_marked"),
        "coded": {k: row.get(k) for k in CODED_FIELDS},
    }
    item.update({field: None for field in JUDGMENT})
    return item


def blank(sheet: Path, judges: int, folder: Path | None = None) -> list[Path]:
    """Split the sheet into ``judges`` judging files of nearly equal size (consecutive runs of
    the sheet, whose order is already random); each event keeps what a judge reads (not its
    pool, file or category) and gets the judgment fields, empty."""
    if judges < 1:
        sys.exit("--judges must be at least 1")
    _, rows = read_jsonl(sheet)
    folder = folder or sheet.parent
    outside_repository(folder)
    folder.mkdir(parents=True, exist_ok=True)
    size, extra = divmod(len(rows), judges)
    paths, start = [], 0
    for j in range(judges):
        end = start + size + (1 if j < extra else 0)
        path = folder / f"part-{j + 1}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for row in rows[start:end]:
                f.write(json.dumps(judging_item(row), ensure_ascii=False) + "\n")
        paths.append(path)
        start = end
    return paths


# ---------------------------------------------------------------------------- score


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval of k successes in n trials (None when n is 0)."""
    if n == 0:
        return None
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def figure(k: int, n: int) -> dict:
    interval = wilson(k, n)
    return {
        "k": k,
        "n": n,
        "p": round(k / n, 4) if n else None,
        "low": round(interval[0], 4) if interval else None,
        "high": round(interval[1], 4) if interval else None,
    }


def read_judgments(paths: list[Path], ids: set[str]) -> tuple[dict[str, dict], list[str]]:
    """The judgments by id, and what is wrong with them (unknown ids, repeated ids, values the
    protocol does not have). An event whose ``event`` field is empty is not judged."""
    judged: dict[str, dict] = {}
    problems: list[str] = []
    for path in paths:
        _, rows = read_jsonl(path)
        for row in rows:
            eid = row.get("id")
            if eid not in ids:
                problems.append(f"{path.name}: id {eid!r} is not in the sheet")
                continue
            if row.get("event") is None:
                continue
            if eid in judged:
                problems.append(f"{path.name}: {eid} is judged twice")
                continue
            bad = [
                f"{field}={row.get(field)!r}"
                for field, values in JUDGMENT.items()
                if values and row.get(field) is not None and row.get(field) not in values
            ]
            if bad:
                problems.append(f"{path.name}: {eid}: {', '.join(bad)}")
                continue
            empty = [f for f in JUDGMENT if f != "note" and row.get(f) is None]
            if row["event"] == "yes" and empty:
                problems.append(f"{path.name}: {eid}: event yes but no {', '.join(empty)}")
            judged[eid] = row
    return judged, problems


def figures(judgments: list[dict]) -> dict:
    """The protocol's figures over some judged events (eval/AUDIT_PROTOCOL.md, "The figures")."""
    n = len(judgments)
    yes = [j for j in judgments if j["event"] == "yes"]
    out = {
        "event": figure(len(yes), n),
        "event_real": figure(sum(j["event"] in ("yes", "wrong_type") for j in judgments), n),
        "fully_right": figure(
            sum(j.get("source") in ("yes", "na") and j.get("target") in ("yes", "na") for j in yes),
            n,
        ),
    }
    for field in ("source", "target", "modality", "claimant", "location"):
        judged = [j[field] for j in yes if j.get(field) is not None and j.get(field) != "na"]
        out[field] = figure(judged.count("yes"), len(judged))
        for value in ("no", "missing"):
            if value in JUDGMENT[field]:
                out[field][value] = judged.count(value)
    return out


def score(sheet: Path, judged_paths: list[Path]) -> dict:
    """Figures overall, per pool, for news_cluster's world and other categories, and by tenth
    of confidence (how well the confidence is calibrated), when the sheet has it."""
    header, rows = read_jsonl(sheet)
    by_id = {r["id"]: r for r in rows}
    judged, problems = read_judgments(judged_paths, set(by_id))
    groups: dict[str, list[dict]] = {"all": []}
    for eid, judgment in judged.items():
        row = by_id[eid]
        groups["all"].append(judgment)
        groups.setdefault(row["pool"], []).append(judgment)
        if row["pool"] == "news_cluster" and row.get("category"):
            world = "news_cluster:world" if row["category"] == "world" else "news_cluster:other"
            groups.setdefault(world, []).append(judgment)
        band = confidence_band(row.get("confidence"))
        if band is not None:  # sheets drawn since 2026-12-07 carry each event's confidence
            groups.setdefault(band, []).append(judgment)
    bands = sorted(g for g in groups if g.startswith("confidence "))
    order = ["all", *POOLS, "news_cluster:world", "news_cluster:other", *bands]
    return {
        "sheet": header,
        "events": len(rows),
        "judged": len(judged),
        "problems": problems,
        "groups": {g: figures(groups[g]) for g in order if g in groups},
    }


LABELS = {
    "event": "event precision",
    "event_real": "real event (yes or wrong_type)",
    "fully_right": "fully right",
    "source": "source precision",
    "target": "target precision",
    "modality": "modality",
    "claimant": "claimant",
    "location": "location",
}


def report(result: dict) -> str:
    head = result["sheet"] or {}
    lines = [
        f"Sheet: pool {head.get('pool')}, seed {head.get('seed')}, commit {head.get('commit')}, "
        f"drawn {head.get('date')}; {result['judged']} of {result['events']} events judged"
    ]
    for problem in result["problems"]:
        lines.append(f"  ! {problem}")
    for group, figs in result["groups"].items():
        lines.append(f"\n{group} ({figs['event']['n']} judged)")
        for key, label in LABELS.items():
            f = figs[key]
            if not f["n"]:
                lines.append(f"  {label:31} -")
                continue
            wrong = ", ".join(f"{v} {f[v]}" for v in ("no", "missing") if f.get(v))
            lines.append(
                f"  {label:31} {f['p']:6.1%}  [{f['low']:.1%}, {f['high']:.1%}]"
                f"  {f['k']}/{f['n']}" + (f"  ({wrong})" if wrong else "")
            )
    return "\n".join(lines)


# ---------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="code a pool and draw a judging sheet")
    s.add_argument("--pool", choices=[*POOLS, "both"], required=True)
    s.add_argument("--n", type=int, required=True)
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--min-confidence", type=float, default=None)
    s.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    s.add_argument("--half", choices=("dev", "test", "all"), default="all")
    s.add_argument("--below", action="store_true", help="events under --min-confidence")
    b = sub.add_parser("blank", help="split a sheet into judging files")
    b.add_argument("sheet", type=Path)
    b.add_argument("--judges", type=int, required=True)
    b.add_argument("--dir", type=Path, default=None, help="where to write (the sheet's folder)")
    c = sub.add_parser("score", help="the figures of judged events")
    c.add_argument("sheet", type=Path)
    c.add_argument("judged", type=Path, nargs="+")
    c.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "sample":
        if args.n < 1:
            sys.exit("--n must be at least 1")
        header = sample(
            args.pool,
            args.n,
            args.seed,
            args.out,
            args.min_confidence,
            args.data,
            args.half,
            args.below,
        )
        print(json.dumps(header, indent=2))
    elif args.command == "blank":
        for path in blank(args.sheet, args.judges, args.dir):
            print(path)
    else:
        result = score(args.sheet, args.judged)
        print(json.dumps(result, indent=2) if args.json else report(result))


if __name__ == "__main__":
    main()
