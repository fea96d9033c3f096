#!/usr/bin/env python3
"""Build events.jsonl from the hand-written gold_src_*.txt files.

Source line format:  text | date | events | tags
events:  SRC>TGT:CODE[=PLOVER] ; ...   ('A+B' = compound actor list, '-' = null)
PLOVER type is looked up in the CAMEO->PLOVER crosswalk (same lookup a human
coder does by hand) unless an explicit '=PLOVER' override is given.
"""

import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
REF = "/work/shared/reference"


def load_crosswalk(path=os.path.join(REF, "CAMEO2PLOVER-2021.txt")):
    cw = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            code, typ = m.groups()
            cw.setdefault(code, set()).add(typ)
    return cw


def plover_for(code, cw):
    if code[:2] in ("01", "02"):
        return None
    for c in (code, code[:3], code[:2]):
        if c in cw and len(cw[c]) == 1:
            return next(iter(cw[c]))
    raise KeyError(code)


def actor(s):
    s = s.strip()
    if s in ("-", ""):
        return None
    if "+" in s:
        return [p.strip() for p in s.split("+")]
    return s


def main():
    cw = load_crosswalk()
    out = []
    for fn in sorted(glob.glob(os.path.join(HERE, "gold_src_*.txt"))):
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 4:
                sys.exit(f"{fn}:{ln}: expected 4 fields, got {len(parts)}: {line}")
            text, date, evs, tags = parts
            events = []
            for e in [x.strip() for x in evs.split(";") if x.strip()]:
                m = re.match(r"^(.*?)>(.*?):(\d{2,4})(?:=([A-Z]+|null))?$", e)
                if not m:
                    sys.exit(f"{fn}:{ln}: bad event {e!r}")
                src, tgt, code, ov = m.groups()
                pl = plover_for(code, cw) if ov is None else (None if ov == "null" else ov)
                events.append(
                    {"source": actor(src), "target": actor(tgt), "cameo": code, "plover": pl}
                )
            tag_list = [t.strip() for t in tags.split(",") if t.strip()]
            out.append({"text": text, "date": date, "events": events, "tags": tag_list})
    with open(os.path.join(HERE, "events.jsonl"), "w", encoding="utf-8") as f:
        for i, rec in enumerate(out, 1):
            rec = {"id": f"g{i:04d}", **rec}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} records")


if __name__ == "__main__":
    main()
