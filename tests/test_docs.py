"""The documentation: README.md and docs/*.md.

Every ```python block is run, each in a fresh namespace, from the repository root, with a
temporary EVENTWIRE_DB and temporary directory, so an example that stops working fails here.
Shell examples go in ```console or ```bash blocks and are not run. The README stays short, and
its links (and those of the docs pages) point to files and headings that exist.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
PAGES = [README, *DOCS]
README_MAX_BYTES = 15_000

# Info strings a fenced block may have: python is run, the others are shown only.
FENCE_KINDS = {"python", "console", "bash", "json", "text"}
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
# Rounds of work are named by the date and commit they refer to, never as "sessions".
ROUND_NAME = re.compile(r"\bsessions?\b", re.I)
# Folders under the root that running an example may legitimately touch.
_UNWATCHED = {".git", ".venv", ".pytest_cache", ".ruff_cache", "__pycache__"}


def _blocks(page: Path) -> list[tuple[str, int, str]]:
    """(info string, line number of the opening fence, body) of every fenced block."""
    text = page.read_text(encoding="utf-8")
    return [
        (m.group(1).strip(), text.count("\n", 0, m.start()) + 1, m.group(2))
        for m in FENCE.finditer(text)
    ]


def _python_blocks() -> list:
    return [
        pytest.param(page, line, body, id=f"{page.relative_to(ROOT)}:{line}")
        for page in PAGES
        for kind, line, body in _blocks(page)
        if kind == "python"
    ]


def _repo_files() -> set[str]:
    found: set[str] = set()
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _UNWATCHED and not d.endswith(".egg-info")]
        found.update(os.path.relpath(os.path.join(folder, f), ROOT) for f in files)
    return found


@pytest.fixture
def docs_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The repository root as working directory; the store and temporary files under tmp_path;
    no user knowledge base before or after."""
    import eventwire

    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "docs.duckdb"))
    monkeypatch.delenv("EVENTWIRE_KB", raising=False)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = _repo_files()
    try:
        yield
    finally:
        eventwire.use_knowledge_base(None)
    assert _repo_files() == before, "an example wrote into the repository; use a tmp path"


@pytest.mark.parametrize(("page", "line", "body"), _python_blocks())
def test_python_example_runs(docs_env, page: Path, line: int, body: str) -> None:
    """The example runs as written, with nothing defined beforehand."""
    code = compile(body, f"{page.relative_to(ROOT)}:{line}", "exec")
    exec(code, {"__name__": "__docs__"})


def test_there_are_python_examples() -> None:
    assert len(_python_blocks()) >= 5


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fenced_blocks_say_what_they_are(page: Path) -> None:
    """Every fenced block names its kind, so that Python is run and shell is not."""
    wrong = [(line, kind) for kind, line, _ in _blocks(page) if kind not in FENCE_KINDS]
    assert not wrong, f"use one of {sorted(FENCE_KINDS)} after the opening ```: {wrong}"


def test_readme_is_short() -> None:
    size = len(README.read_bytes())
    assert size < README_MAX_BYTES, f"README.md is {size} bytes; move reference to docs/"


def test_readme_has_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text


def test_readme_links_every_docs_page() -> None:
    targets = {
        (README.parent / _path(link)).resolve()
        for link in LINK.findall(README.read_text(encoding="utf-8"))
        if _is_relative(link)
    }
    assert DOCS, "docs/ has no pages"
    missing = [str(p.relative_to(ROOT)) for p in DOCS if p.resolve() not in targets]
    assert not missing, f"README.md does not link to {missing}"


@pytest.mark.parametrize(
    "page", [*PAGES, ROOT / "BENCHMARKS.md"], ids=lambda p: str(p.relative_to(ROOT))
)
def test_relative_links_resolve(page: Path) -> None:
    """Each relative link names an existing file, and a heading of it when it has a #part."""
    broken = []
    for link in LINK.findall(_without_fences(page.read_text(encoding="utf-8"))):
        if not _is_relative(link):
            continue
        path, _, anchor = link.partition("#")
        target = (page.parent / path).resolve() if path else page
        if not target.exists() or (
            anchor and target.suffix == ".md" and anchor not in _anchors(target)
        ):
            broken.append(link)
    assert not broken, f"links to nothing in {page.relative_to(ROOT)}: {broken}"


@pytest.mark.parametrize(
    "page", [*PAGES, ROOT / "BENCHMARKS.md"], ids=lambda p: str(p.relative_to(ROOT))
)
def test_rounds_of_work_are_named_by_date_and_commit(page: Path) -> None:
    found = [
        (n, line.strip())
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if ROUND_NAME.search(line)
    ]
    assert not found, f"name the date and commit instead: {found}"


def _is_relative(link: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", link, re.I)


def _path(link: str) -> str:
    return link.partition("#")[0]


def _without_fences(text: str) -> str:
    return FENCE.sub("", text)


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of a page (duplicates numbered -1, -2, ...)."""
    seen: dict[str, int] = {}
    anchors = set()
    for _, title in HEADING.findall(_without_fences(page.read_text(encoding="utf-8"))):
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title).replace("`", "")
        slug = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        anchors.add(slug if n == 0 else f"{slug}-{n}")
    return anchors
