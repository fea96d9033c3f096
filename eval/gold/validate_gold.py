#!/usr/bin/env python3
"""Validate eval/gold/events.jsonl and print coverage statistics."""

import collections, datetime, json, os, re, sys
from eventwire.coding.ontology import PLOVER_TYPES

HERE = os.path.dirname(os.path.abspath(__file__))
REF = "/work/shared/reference"
TAGS = {
    "headline",
    "passive",
    "compound",
    "nominal",
    "negated",
    "hypothetical",
    "future",
    "multi",
    "no_event",
    "light_verb",
    "particle",
    "relative_clause",
    "control",
    "metonym",
    "quantity",
    "apposition",
}
PLOVER = list(PLOVER_TYPES)
ROOT_MIN = {f"{r:02d}": 10 for r in range(1, 21)}
ROOT_MIN.update({r: 20 for r in ("18", "19", "17", "14", "04", "05", "11", "12")})
IGO_CODES = {"IGOUNO", "IGOWSTNAT", "IGOEUREEC", "IGOAFRAU", "IGOSEAASN", "IGOUNOIAEA", "IGOINTICC"}
NONSTATE_PREFIX = {"NGO", "IMG"}
SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "REB",
    "OPP",
    "PTY",
    "CVL",
    "JRN",
    "BUS",
    "MED",
    "REF",
    "NGO",
    "LAB",
    "AGR",
    "EDU",
    "CRM",
    "SPY",
    "HLH",
    "HRI",
    "ENV",
}
DEVIATIONS = {}  # id -> reason, for deliberate departures from the crosswalk (none)

errors = []


def err(msg):
    errors.append(msg)


codes = set(
    re.findall(
        r"^LABELi?:\s*(\d{2,4})i?=", open(os.path.join(REF, "CAMEO_codefile.txt")).read(), re.M
    )
)
cw = collections.defaultdict(set)
for line in open(os.path.join(REF, "CAMEO2PLOVER-2021.txt")):
    m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
    if m:
        cw[m.group(1)].add(m.group(2))
countries = set()
for line in open(os.path.join(REF, "CAMEO_countrycodes.tsv")):
    p = line.rstrip("\n").split("\t")
    if len(p) > 1 and re.fullmatch(r"[A-Z]{3}", p[1]):
        countries.add(p[1])


def expected_plover(code):
    if code[:2] in ("01", "02"):
        return {None}
    for c in (code, code[:3], code[:2]):
        if c in cw and len(cw[c]) == 1:
            return set(cw[c])
    return None


def check_actor(a, rid):
    if a is None:
        return
    for x in a if isinstance(a, list) else [a]:
        if not isinstance(x, str):
            err(f"{rid}: bad actor {x!r}")
        elif x in IGO_CODES:
            pass
        elif x[:3] in NONSTATE_PREFIX:
            if len(x) > 3 and x[3:] not in SECTORS:
                err(f"{rid}: unknown sector in {x}")
        elif x[:3] in countries:
            if len(x) > 3 and x[3:] not in SECTORS:
                err(f"{rid}: unknown sector in {x}")
        else:
            err(f"{rid}: unknown actor code {x}")


recs, ids = [], set()
for n, line in enumerate(open(os.path.join(HERE, "events.jsonl"), encoding="utf-8"), 1):
    try:
        r = json.loads(line)
    except Exception as e:
        err(f"line {n}: JSON error {e}")
        continue
    rid = r.get("id")
    if rid in ids:
        err(f"duplicate id {rid}")
    ids.add(rid)
    if set(r) != {"id", "text", "date", "events", "tags"}:
        err(f"{rid}: keys {sorted(r)}")
    datetime.date.fromisoformat(r["date"])
    for t in r["tags"]:
        if t not in TAGS:
            err(f"{rid}: unknown tag {t}")
    if len(set(r["tags"])) != len(r["tags"]):
        err(f"{rid}: duplicate tags")
    if ("no_event" in r["tags"]) != (not r["events"] and "no_event" in r["tags"]):
        err(f"{rid}: no_event tag on sentence with events")
    if "multi" in r["tags"] and len(r["events"]) < 2:
        err(f"{rid}: multi tag but <2 events")
    if len(r["events"]) >= 2 and "multi" not in r["tags"]:
        err(f"{rid}: >=2 events but no multi tag")
    for e in r["events"]:
        if set(e) != {"source", "target", "cameo", "plover"}:
            err(f"{rid}: event keys {sorted(e)}")
        c = e["cameo"]
        if c not in codes:
            err(f"{rid}: cameo {c} not in codefile")
        exp = expected_plover(c)
        if exp is None:
            err(f"{rid}: no crosswalk entry for {c}")
        elif e["plover"] not in exp and rid not in DEVIATIONS:
            err(f"{rid}: plover {e['plover']} != crosswalk {exp} for {c}")
        check_actor(e["source"], rid)
        check_actor(e["target"], rid)
        if (
            e["source"] is not None
            and e["source"] == e["target"]
            and c[:2] not in ("09", "11", "16", "17", "18", "05")
        ):
            pass
    recs.append(r)

texts = collections.Counter(r["text"] for r in recs)
for t, k in texts.items():
    if k > 1:
        err(f"duplicate text: {t}")

root_cnt = collections.Counter()
pl_cnt = collections.Counter()
code_cnt = collections.Counter()
tag_cnt = collections.Counter()
n_events = 0
for r in recs:
    for t in r["tags"]:
        tag_cnt[t] += 1
    n_events += len(r["events"])
    for root in {e["cameo"][:2] for e in r["events"]}:
        root_cnt[root] += 1
    for p in {e["plover"] for e in r["events"] if e["plover"]}:
        pl_cnt[p] += 1
    for e in r["events"]:
        code_cnt[e["cameo"]] += 1
empty = sum(1 for r in recs if not r["events"])
no_event = sum(1 for r in recs if "no_event" in r["tags"])

print(f"records: {len(recs)}   events: {n_events}   distinct CAMEO codes: {len(code_cnt)}")
print(f"records with events=[]: {empty}   (tagged no_event: {no_event})")
print("\nper-CAMEO-root sentence counts (sentences with >=1 event of that root):")
for r in sorted(ROOT_MIN):
    flag = "" if root_cnt[r] >= ROOT_MIN[r] else "   <-- BELOW MINIMUM"
    print(f"  {r}: {root_cnt[r]:4d}  (min {ROOT_MIN[r]}){flag}")
    if root_cnt[r] < ROOT_MIN[r]:
        err(f"root {r} below minimum")
print("\nper-PLOVER-type sentence counts:")
for p in PLOVER:
    flag = "" if pl_cnt[p] >= 5 else "   <-- BELOW MINIMUM"
    print(f"  {p:10s} {pl_cnt[p]:4d}{flag}")
    if pl_cnt[p] < 5:
        err(f"plover {p} below minimum")
print("\ntag counts:")
for t in sorted(TAGS):
    print(f"  {t:16s} {tag_cnt[t]:4d}")
    if tag_cnt[t] < 5:
        err(f"tag {t} has fewer than 5 sentences")
if len(recs) < 320:
    err("fewer than 320 records")
if no_event < 30:
    err("fewer than 30 no_event records")
print()
if errors:
    print(f"{len(errors)} ERRORS:")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("VALIDATION OK")
