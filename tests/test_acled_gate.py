"""The ACLED gate: where, when and actor-1 country on the ACLED development rows may not fall
below the targets pinned in eval/floors.json. The rows live in the team workspace
(../shared/data/acled); without them the gate is skipped."""

from __future__ import annotations

import pytest

from conftest import floors, load_eval


@pytest.fixture(scope="module")
def scores() -> dict:
    where, actors = load_eval("acled_where"), load_eval("acled")
    if not where.DEFAULT.exists():
        pytest.skip("../shared/data/acled is not present (team workspace only)")
    rows, events = load_eval("common").coded_acled(where.DEFAULT)
    result, _ = where.where_scores(rows, events)
    return {**result, **actors.actor1_scores(rows, events)}


@pytest.mark.parametrize(
    "name",
    [
        "country_rate",
        "country_with_fallback_rate",
        "within_50km_rate",
        "date_rate",
        "actor1_country_rate",
    ],
)
def test_acled_score_is_not_below_its_floor(scores: dict, name: str) -> None:
    floor = floors("acled_floors")[name]
    assert scores[name] >= floor, f"{name} fell to {scores[name]:.4f}, below {floor}"
