"""Shared fixtures: paths to the team's fixtures, the development data, and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The development material beside the checkout; tests using it skip in a user's clone."""
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is not present (it exists only in the team's workspace)")
    return SHARED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as s:
        yield s


def floors(section: str) -> dict:
    """One section of the evaluation floors (eval/floors.json)."""
    import json

    return json.loads((ROOT / "eval" / "floors.json").read_text(encoding="utf-8"))[section]


def score_gold(name: str) -> tuple[dict, list[dict]]:
    """The team's gold set eval/gold/<name>.jsonl scored by eval/<name>.py: (result, items)."""
    items = read_jsonl(ROOT / "eval" / "gold" / f"{name}.jsonl")
    result, _ = load_eval(name).score(items)
    return result, items


def load_eval(name: str):
    """A scoring script of eval/ as a module (eval/ joins the import path for its helpers)."""
    import importlib.util
    import sys

    folder = str(ROOT / "eval")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    spec = importlib.util.spec_from_file_location(f"eval_{name}", ROOT / "eval" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict]:
    import json

    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
