"""The evaluation gate: coding may not fall below the floors pinned in eval/floors.json."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from eventwire.eval import evaluate, read_gold


@pytest.fixture(scope="module")
def report_and_floors():
    spec = json.loads((ROOT / "eval" / "floors.json").read_text(encoding="utf-8"))
    report = evaluate(read_gold(ROOT / spec["gold"]))
    return report, spec["floors"]


@pytest.mark.parametrize("name", ["l1_f1", "l2_f1", "type_f1", "type_precision", "type_recall"])
def test_score_is_not_below_its_floor(report_and_floors, name: str) -> None:
    """Each gold score stays at or above the floor recorded for it."""
    report, floors = report_and_floors
    level, metric = name.split("_")
    value = getattr(report.levels[level], metric)
    assert value >= floors[name], f"{name} fell to {value:.4f}, below its floor {floors[name]}"


def test_gold_set_is_large_and_varied(report_and_floors) -> None:
    """The gold set keeps its size: 300+ sentences, every CAMEO root."""
    report, _ = report_and_floors
    assert report.items >= 300
    assert {f"{r:02d}" for r in range(1, 21)} <= set(report.by_root)
