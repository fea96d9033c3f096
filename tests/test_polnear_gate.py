"""The PolNeAR gate: attribution source and cue overlap F1 on PolNeAR's development split may not
fall below the floors pinned in eval/floors.json. The split lives in the team workspace
(../shared/data/polnear/dev); without it the gate is skipped."""

from __future__ import annotations

import pytest

from conftest import floors, load_eval


@pytest.fixture(scope="module")
def scores() -> dict:
    polnear = load_eval("polnear")
    if not (polnear.DEFAULT / "text").is_dir():
        pytest.skip("../shared/data/polnear is not present (team workspace only)")
    return polnear.scores(polnear.DEFAULT)


@pytest.mark.parametrize("name", ["source_overlap", "cue_overlap"])
def test_polnear_f1_is_not_below_its_floor(scores: dict, name: str) -> None:
    floor = floors("polnear_floors")[f"{name}_f1"]
    assert scores[name]["f1"] >= floor, f"{name} F1 fell to {scores[name]['f1']:.4f}, below {floor}"
