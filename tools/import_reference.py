"""Write eventwire's ontology data files from the reference material in ../shared/reference.

    python tools/import_reference.py [REFERENCE_DIR]

Produces src/eventwire/data/cameo_codes.tsv (code, label) and src/eventwire/data/plover.tsv
(CAMEO code -> PLOVER type, mode, contexts). Run once when the reference changes; the package
reads only the generated files.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventwire" / "data"


def cameo_codes(path: Path) -> dict[str, str]:
    codes: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^LABEL:\s*(\d{3,4})=\s*(.+?)\s*$", line)
        if m and m.group(1) not in codes:
            codes[m.group(1)] = m.group(2)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^//(\d{2})[:=]\s*(.+?)\s*$", line)
        if m:
            codes.setdefault(m.group(1), m.group(2).capitalize())
    return dict(sorted(codes.items()))


def crosswalk(path: Path) -> dict[str, tuple[str, str, str]]:
    rows: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*(.+)$", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",", 2)]
        parts += [""] * (3 - len(parts))
        plover, mode, context = parts
        contexts = ";".join(c.strip() for c in context.split(";") if c.strip())
        rows.setdefault(m.group(1), (plover.upper(), mode.replace(" ", ""), contexts))
    return dict(sorted(rows.items()))


def main() -> None:
    ref = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "reference"
    codes = cameo_codes(ref / "CAMEO_codefile.txt")
    with open(DATA / "cameo_codes.tsv", "w", encoding="utf-8") as f:
        f.write("# CAMEO 1.1 event codes and labels (from the CAMEO codebook)\ncode\tlabel\n")
        for code, label in codes.items():
            f.write(f"{code}\t{label}\n")
    walk = crosswalk(ref / "CAMEO2PLOVER-2021.txt")
    with open(DATA / "plover.tsv", "w", encoding="utf-8") as f:
        f.write("# CAMEO -> PLOVER (PLOVER manual draft 0.8 crosswalk); contexts ';'-separated\n")
        f.write("cameo\tplover\tmode\tcontext\n")
        for code, (plover, mode, context) in walk.items():
            f.write(f"{code}\t{plover}\t{mode}\t{context}\n")
    print(f"{len(codes)} CAMEO codes, {len(walk)} crosswalk rows")


if __name__ == "__main__":
    main()
