"""The shape of the code: no import cycle among eventwire's modules (imports inside functions
count too, so that none hides a cycle), and no module of the coder too long to read in one
sitting."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "eventwire"
MAX_CODING_LINES = 600
CACHES = re.compile(r"lru_cache|@(?:functools\.)?cache\b")
HIDDEN = re.compile(r"lru_cache|@(?:functools\.)?cache\b|os\.environ|gc\.disable|gc\.freeze")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """The eventwire modules a module imports, anywhere in it (``if TYPE_CHECKING`` aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(n) for child in node.body for n in ast.walk(child)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.add(full if full in known else base)
    return {m for m in found if m in known and m != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycle() -> None:
    modules = _modules()
    graph = {name: _imports(path, name, set(modules)) for name, path in modules.items()}
    cycle = _cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_coding_module_is_too_long() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in (PACKAGE / "coding").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_CODING_LINES
    }
    assert not long, f"modules over {MAX_CODING_LINES} lines: {long}"


def test_the_library_keeps_no_hidden_caches() -> None:
    """What coding remembers lives on objects (the knowledge, a document's memo), not in
    functools caches, os.environ or the garbage collector's settings."""
    offenders = []
    for path in (PACKAGE / "coding").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {m}" for m in HIDDEN.findall(text)]
    for path in (PACKAGE / "geo.py", PACKAGE / "data" / "__init__.py"):
        text = path.read_text(encoding="utf-8")  # (geo reads where its cache file goes)
        offenders += [f"{path.name}: {m}" for m in CACHES.findall(text)]
    assert not offenders, offenders


def test_code_sets_hold_only_cameo_codes() -> None:
    """Every code or root a rule names is a CAMEO code or root (a lemma in a code set would
    never match)."""
    from eventwire.coding import codes
    from eventwire.coding.ontology import Ontology

    labels = Ontology.load().labels
    roots = {c[:2] for c in labels}
    named = [v for k, v in vars(codes).items() if k.isupper()]
    every = [c for v in named for c in ([v] if isinstance(v, str) else v)]
    assert every and all(c in labels or c in roots for c in every), sorted(
        c for c in every if c not in labels and c not in roots
    )
