"""Instructions spent coding the coding bench's texts once, counted by valgrind (callgrind).

    python bench/instructions.py

Clocks on a shared 2-core machine scatter by 10 to 20% from run to run, which hides the effect
of most changes to the coder. The number of instructions the coder executes does not scatter:
two runs of the same code agree to within 0.2%. This bench counts them for one pass of
``code_doc`` over the texts of ``bench/coding.py`` (the gold sentences and the example corpus),
parsed beforehand (natively) and read back from a DocBin, after a warm-up that loads every table,
with every memory kept across documents emptied (``Knowledge.forget``). It needs valgrind on the
PATH; it does not time anything, and it does not replace ``bench/coding.py`` (instructions of
the coder's Python and of the parser's matrix arithmetic do not cost the same time). To count
an older version of the coder, give that checkout's ``src`` folder with ``--src`` (the texts
are parsed by this one).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = "--child"
WARM_UP_DOCS = 20


def parent(src: str | None) -> None:
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        sys.exit("bench/instructions.py needs valgrind (and callgrind_control) on the PATH")
    sys.path.insert(0, str(ROOT / "bench"))
    from spacy.tokens import DocBin

    from coding import texts
    from eventwire.nlp import parse_many

    corpus = texts()
    with tempfile.TemporaryDirectory() as tmp:
        bin_path, out_path = Path(tmp) / "docs.spacy", Path(tmp) / "callgrind.out"
        docs = DocBin(store_user_data=False)
        sentences = 0
        for doc in parse_many(corpus):
            docs.add(doc)
            sentences += sum(1 for _ in doc.sents)
        docs.to_disk(bin_path)
        (Path(tmp) / "texts.txt").write_text("\x1e".join(corpus), encoding="utf-8")
        command = [
            "valgrind", "--tool=callgrind", "--instr-atstart=no",
            f"--callgrind-out-file={out_path}", sys.executable, __file__, CHILD, tmp,
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": src} if src else None
        subprocess.run(command, check=True, stderr=subprocess.DEVNULL, env=env)
        total = _total(out_path)
    print(f"texts: {len(corpus)}, sentences: {sentences}")
    print(f"instructions coding them once: {total:,} ({total / sentences:,.0f} per sentence)")


def _vocab():
    import spacy

    return spacy.blank("en").vocab


def _total(path: Path) -> int:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("totals:"):  # ("summary:" counts only what ran before the toggle)
            return int(line.split()[1])
    raise SystemExit(f"no instruction total in {path}")


def child(folder: str) -> None:
    """Runs under valgrind with counting off; counts only the coding pass."""
    import gc

    from spacy.tokens import DocBin

    from eventwire.coding.events import code_doc

    try:  # the knowledge object, from 2026-12-07 on
        from eventwire.coding.knowledge import DEFAULT
        from eventwire.coding.spans import remember_text

        forget_phrases = DEFAULT.get().forget
    except ImportError:  # older checkouts, counted for comparison
        try:  # absent before 2026-11-27 (ad5e3d1)
            from eventwire.coding.actors import forget_phrases
            from eventwire.coding.spans import remember_text
        except ImportError:
            forget_phrases, remember_text = (lambda: None), (lambda doc, text: None)

    corpus = (Path(folder) / "texts.txt").read_text(encoding="utf-8").split("\x1e")
    docs = list(DocBin().from_disk(Path(folder) / "docs.spacy").get_docs(_vocab()))
    for i, doc in enumerate(docs[:WARM_UP_DOCS]):  # every table loaded
        code_doc(doc, str(i))
    for doc, text in zip(docs, corpus, strict=True):
        doc.user_data.clear()
        remember_text(doc, text)
    gc.collect()
    gc.freeze()  # the loaded tables out of the collector's way, as the CLI does
    forget_phrases()
    _counting("on")
    for i, doc in enumerate(docs):
        code_doc(doc, str(i))
    _counting("off")


def _counting(state: str) -> None:
    subprocess.run(
        ["callgrind_control", "-i", state, str(os.getpid())],
        check=True,
        stdout=subprocess.DEVNULL,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", help="the src folder of another checkout, to count its coder")
    parser.add_argument(CHILD, dest="child", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
    else:
        parent(args.src)
