"""A blind actor set: noun phrases drawn at random from the subjects and objects of real
sentences, coded by judges who never saw eventwire's output, scored through the resolver.

    python eval/blind_actors.py draw --n N --seed S --out DIR [--judges K]
    python eval/blind_actors.py collect DIR/judged-*.jsonl --draw DIR/draw.jsonl [--out GOLD]
    python eval/blind_actors.py score [GOLD] [--split dev|test|both] [--json] [--misses]
    python eval/blind_actors.py agree [GOLD] [--second SECOND] [--json]

draw: draws sentences uniformly from the two audit pools (../shared/data/news_cluster, every
category, and ../shared/data/polnear/train), parses each alone, gathers the heads of their noun
phrases that are subjects, objects, possessors or appositions (nouns, names and personal
pronouns), and draws N/2 of them per pool, uniformly. It writes, outside the repository, the
draw (pointers) and K coding sheets: the phrase marked in its sentence, with the article's
title and the text before it. The judges follow eval/BLIND_ACTORS_PROTOCOL.md.

collect: joins the judges' files to the draw and writes ``eval/blind/actors.jsonl``: per
mention its pool, file, the sentence's character offsets in the article and a hash of its
text, the phrase's offsets in the sentence, its split and the judges' answer; never the text.

score: cleans each article as ``process`` does, reads it with the resolver event coding uses
(``coding.mentions.actor_mentions``: every phrase resolved in reading order, so that titles,
surnames and pronouns draw on what came before), and compares the code of each drawn phrase's
head with the judges'. A split is a set of whole articles (as in the audits); the test half is
scored once a change is finished and never read for rules.

agree: how far a second, independent coding of the same phrases (``collect --out
eval/blind/actors_second.jsonl``) agrees with the first, by the measures of ``score``: the most
any resolver can show on this set.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import (  # noqa: E402
    DATA,
    ROOT,
    figure,
    git_commit,
    load_pool,
    outside_repository,
    raw_document,
    split_of,
    text_before,
)
from blind_gold import (  # noqa: E402
    blind_set_parser,
    locate,
    pool_sentences,
    read_jsonl,
    scored_splits,
    text_hash,
)

GOLD = ROOT / "eval" / "blind" / "actors.jsonl"
SECOND = ROOT / "eval" / "blind" / "actors_second.jsonl"
MIN_WORDS, MAX_WORDS = 4, 90
# Where an actor stands in a clause: who acts, who is acted on, whose, and who is meant.
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "dative", "conj"})
PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "her", "them", "we", "us", "i", "it", "his", "their", "its"}
)
SENTENCES_PER_MENTION = 2  # sentences drawn per mention wanted, to draw mentions among


def candidates(sent) -> list[tuple[int, int]]:
    """(start, end) character offsets, in the sentence, of the phrases to draw from."""
    out = []
    for tok in sent:
        if tok.dep_ not in ACTOR_DEPS:
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in PERSONAL_PRONOUNS:
            continue
        if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        start = tok.left_edge.i if tok.dep_ != "conj" else tok.i
        first = sent[start - sent.start] if start >= sent.start else tok
        while first.i < tok.i and first.dep_ in ("punct", "cc", "prep"):
            first = sent[first.i + 1 - sent.start]
        out.append((first.idx - sent.start_char, tok.idx + len(tok.text) - sent.start_char))
    return out


def draw(n: int, seed: int, out: Path, judges: int, data: Path = DATA) -> None:
    from eventwire.nlp import parse_many

    outside_repository(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    drawn = []
    for pool in ("news_cluster", "polnear"):
        sentences = [
            (article, start, end)
            for article, start, end in pool_sentences(pool, data)
            if MIN_WORDS <= len(article["text"][start:end].split()) <= MAX_WORDS
        ]
        chosen = rng.sample(sentences, min(len(sentences), n * SENTENCES_PER_MENTION))
        texts = [a["text"][s:e] for a, s, e in chosen]
        mentions = []
        for (article, start, end), doc in zip(chosen, parse_many(texts), strict=True):
            for m_start, m_end in candidates(doc[:]):
                mentions.append((article, start, end, m_start, m_end))
        for article, start, end, m_start, m_end in rng.sample(mentions, n // 2):
            sentence = article["text"][start:end]
            drawn.append(
                {
                    "id": f"m{len(drawn) + 1:04d}",
                    "pool": pool,
                    "file": article["file"],
                    "start": start,
                    "end": end,
                    "sha": text_hash(sentence),
                    "m_start": m_start,
                    "m_end": m_end,
                    "split": split_of(article["file"]),
                    "date": article.get("date"),
                    "_sheet": {
                        "title": article.get("title"),
                        "outlet": article.get("outlet"),
                        "date": article.get("date"),
                        "context": text_before(article["text"], start),
                        "sentence": sentence,
                        "sentence_marked": (
                            sentence[:m_start]
                            + "[["
                            + sentence[m_start:m_end]
                            + "]]"
                            + sentence[m_end:]
                        ),
                        "mention": sentence[m_start:m_end],
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
                item = {"id": row["id"], **row["_sheet"], "actor": None, "code": None}
                item.update({"kind": None, "note": None})
                f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"drew {len(drawn)} phrases into {out} ({judges} sheets)")


def collect(judged: list[Path], draw_path: Path, out: Path) -> None:
    rows = read_jsonl(draw_path)[1:]
    answers: dict[str, dict] = {}
    for path in judged:
        for item in read_jsonl(path):
            if item.get("actor") is None:
                sys.exit(f"{path}: {item['id']} is not coded")
            answers[item["id"]] = item
    missing = [r["id"] for r in rows if r["id"] not in answers]
    if missing:
        sys.exit(f"{len(missing)} drawn phrases have no coding, e.g. {missing[:5]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for row in sorted(rows, key=lambda r: r["id"]):
            a = answers[row["id"]]
            code = a.get("code") if a.get("actor") else None
            f.write(
                json.dumps({**row, "actor": bool(a["actor"]), "code": code, "kind": a.get("kind")})
                + "\n"
            )
    print(f"wrote {len(rows)} coded phrases to {out}")


# ---------------------------------------------------------------------------- scoring


def predicted(gold: list[dict], data: Path = DATA) -> dict[str, list[str | None] | None]:
    """Each phrase's id -> the codes eventwire's reading gives its head (None: not found)."""
    from eventwire.coding.mentions import actor_mentions
    from eventwire.nlp import parse_many
    from eventwire.pipeline import prepare

    articles = {}
    for pool in {g["pool"] for g in gold}:
        for a in load_pool(pool, data):
            articles[(pool, a["file"])] = a
    by_article: dict[tuple[str, str], list[dict]] = {}
    for g in gold:
        by_article.setdefault((g["pool"], g["file"]), []).append(g)
    keys = sorted(by_article)
    cleaned = [prepare(raw_document(articles[key])).text or "" for key in keys]
    out: dict[str, list[str | None] | None] = {}
    for key, text, doc in zip(keys, cleaned, parse_many(cleaned), strict=True):
        article, heads = articles[key], {}
        for g in by_article[key]:
            sentence = article["text"][g["start"] : g["end"]]
            if text_hash(sentence) != g["sha"]:
                sys.exit(f"{g['id']}: the article {g['file']} changed since the draw")
            where = locate(sentence, text)
            inside = (
                locate(sentence[g["m_start"] : g["m_end"]], text[where[0] : where[1]])
                if where
                else None
            )
            span = (
                doc.char_span(where[0] + inside[0], where[0] + inside[1], alignment_mode="expand")
                if where and inside
                else None
            )
            heads[g["id"]] = span.root.i if span is not None else None
        found = actor_mentions(
            doc, articles[key].get("date"), frozenset(h for h in heads.values() if h is not None)
        )
        for gid, head in heads.items():
            out[gid] = None if head is None else [a.code for a in found.get(head, [])]
    return out


def _codes(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def _same_sector(code: str) -> str:
    """The project's JRN (journalists and news outlets) is CAMEO's MED: one sector here."""
    return code[:-3] + "MED" if code.endswith("JRN") else code


def right(gold: dict, codes: list[str | None]) -> tuple[bool, bool]:
    """(code right, country right) of one phrase: the same code (the same set, for a list),
    or no code where the judges gave none."""
    coded = [_same_sector(c) for c in codes if c]
    wanted = [_same_sector(c) for c in _codes(gold["code"])]
    if not wanted:
        return not coded, not coded
    if len(wanted) > 1:
        return set(coded) == set(wanted), {c[:3] for c in coded} == {c[:3] for c in wanted}
    return bool(coded) and coded[0] == wanted[0], bool(coded) and coded[0][:3] == wanted[0][:3]


def score(gold_path: Path, splits: tuple[str, ...], misses: bool = False) -> dict:
    gold = [g for g in read_jsonl(gold_path) if g["split"] in splits]
    codes = predicted(gold)
    commit, dirty = git_commit()
    result: dict = {"gold": gold_path.name, "commit": commit, "dirty": dirty}
    for split in splits:
        rows = [g for g in gold if g["split"] == split]
        c: Counter = Counter()
        listed = []
        for g in rows:
            got = codes[g["id"]]
            if got is None:
                c["not_found"] += 1
                got = []
            ok, country_ok = right(g, got)
            coded = [x for x in got if x]
            if g["actor"]:
                c["actors"] += 1
                c["actor_right"] += ok
                c["actor_country_right"] += country_ok
                c["known"] += bool(_codes(g["code"]))
                c["known_right"] += ok and bool(_codes(g["code"]))
            else:
                c["non_actors"] += 1
                c["non_actor_right"] += ok
            if g.get("kind") == "person" and coded and len(coded[0]) == 3 and coded[0].isalpha():
                c["person_as_place"] += 1  # a person coded as a bare state: a place name read
            if not ok and misses:
                listed.append(
                    {"id": g["id"], "kind": g.get("kind"), "gold": g["code"], "got": coded}
                )
        result[split] = {
            "phrases": len(rows),
            "not_found_after_cleaning": c["not_found"],
            "actor_code_right": figure(c["actor_right"], c["actors"]),
            "actor_country_right": figure(c["actor_country_right"], c["actors"]),
            "known_actor_code_right": figure(c["known_right"], c["known"]),
            "non_actor_left_uncoded": figure(c["non_actor_right"], c["non_actors"]),
            "person_coded_as_a_state": c["person_as_place"],
        }
        if misses:
            result[split]["misses"] = listed
    return result


def agree(gold_path: Path, second_path: Path) -> dict:
    """The second coding scored against the first as eventwire is: codes of the phrases the
    first calls actors, and whether both call a phrase an actor at all."""
    first = {g["id"]: g for g in read_jsonl(gold_path)}
    second = {g["id"]: g for g in read_jsonl(second_path)}
    out: dict = {"gold": gold_path.name, "second": second_path.name}
    for split in ("dev", "test", "both"):
        ids = [i for i in sorted(set(first) & set(second)) if split in ("both", first[i]["split"])]
        actors = [i for i in ids if first[i]["actor"]]
        codes = [right(first[i], _codes(second[i]["code"])) for i in actors]
        out[split] = {
            "phrases": len(ids),
            "actor_code_right": figure(sum(ok for ok, _ in codes), len(actors)),
            "actor_country_right": figure(sum(ok for _, ok in codes), len(actors)),
            "actor_or_not_agreed": figure(
                sum(first[i]["actor"] == second[i]["actor"] for i in ids), len(ids)
            ),
        }
    return out


def main(argv: list[str] | None = None) -> None:
    parser, sub, _ = blind_set_parser(__doc__.splitlines()[0], GOLD, 6)
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
            line = "  ".join(
                f"{k.replace('_', ' ')} {r[k]['p']:.1%}"
                for k in ("actor_code_right", "actor_country_right", "actor_or_not_agreed")
            )
            print(f"  {s}: {r['phrases']} phrases  {line}")
        return
    if args.command == "draw":
        draw(args.n, args.seed, args.out, args.judges)
        return
    if args.command == "collect":
        collect(args.judged, args.draw, args.out)
        return
    splits = scored_splits(args)
    result = score(args.gold, splits, misses=args.misses)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(
        f"blind actor set {result['gold']} at {result['commit']}"
        + (" (dirty)" if result["dirty"] else "")
    )
    for s in splits:
        r = result[s]
        print(f"  {s}: {r['phrases']} phrases ({r['not_found_after_cleaning']} lost in cleaning)")
        for name in (
            "actor_code_right",
            "actor_country_right",
            "known_actor_code_right",
            "non_actor_left_uncoded",
        ):
            f = r[name]
            if f["n"]:
                print(
                    f"    {name.replace('_', ' '):<26} {f['p']:.1%}  "
                    f"[{f['low']:.1%}, {f['high']:.1%}]  {f['k']}/{f['n']}"
                )
        print(f"    person coded as a state    {r['person_coded_as_a_state']}")
        for m in r.get("misses", []):
            print("     ", json.dumps(m, ensure_ascii=False))


if __name__ == "__main__":
    main()
