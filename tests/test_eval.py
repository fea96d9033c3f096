"""Scoring against gold: levels, compound actors, PLOVER-only gold and unscored modalities."""

from __future__ import annotations

from eventwire.eval import EvalReport, GoldItem, score_item
from eventwire.model import Actor, Event


def _actor(code: str) -> Actor:
    return Actor(
        text=code, code=code, country=code[:3], sector=code[3:] or None, name=None, start=0, end=1
    )


def _event(
    src: list[str],
    cameo: str,
    tgt: list[str],
    modality: str = "factual",
    plover: str | None = "ASSAULT",
) -> Event:
    return Event(
        event_id="e",
        doc_id="d",
        sentence_index=0,
        evidence={"text": "", "start": 0, "end": 0},
        trigger={"text": "", "start": 0, "end": 0},
        cameo=cameo,
        plover={"event": plover, "mode": None, "context": []} if plover else None,
        quad_class=4,
        source=[_actor(c) for c in src],
        target=[_actor(c) for c in tgt],
        modality=modality,
    )


def _score(gold: list[dict], predicted: list[Event]) -> EvalReport:
    report = EvalReport()
    score_item(GoldItem("g", "text", None, gold), predicted, report)
    return report


def test_levels_compare_countries_codes_and_roots() -> None:
    """L1 needs countries and root, L2 full codes, type only the root."""
    report = _score(
        [{"source": "RUSMIL", "target": "UKR", "cameo": "190"}],
        [_event(["RUSGOV"], "195", ["UKRMIL"])],
    )
    assert report.levels["l1"].tp == 1
    assert report.levels["l2"].tp == 0 and report.levels["l2"].fp == 1
    assert report.levels["type"].tp == 1


def test_compound_actors_count_once_per_pair() -> None:
    """A compound source of two against one target is two tuples on both sides."""
    report = _score(
        [{"source": ["FRA", "DEU"], "target": "IRN", "cameo": "163"}],
        [_event(["FRA", "DEU"], "163", ["IRN"], plover="COERCE")],
    )
    assert (report.levels["l1"].tp, report.levels["l1"].fn) == (2, 0)


def test_plover_only_gold_is_scored_by_plover_type() -> None:
    """Gold without a CAMEO code is matched on the PLOVER type."""
    report = _score(
        [{"source": "ISR", "target": "PSE", "plover": "ASSAULT"}], [_event(["ISR"], "190", ["PSE"])]
    )
    assert report.levels["l1"].tp == 1


def test_negated_and_hypothetical_predictions_are_not_scored() -> None:
    """Events reported as not happening or as possible are no claims that they happened."""
    report = _score(
        [],
        [
            _event(["ISR"], "190", ["IRN"], modality="hypothetical"),
            _event(["ISR"], "190", ["IRN"], modality="negated"),
        ],
    )
    assert report.levels["type"].fp == 0


def test_false_alarms_and_misses_are_listed() -> None:
    """A prediction on a no-event sentence is a false alarm; a missed gold event is listed."""
    assert _score([], [_event(["ISR"], "190", ["IRN"])]).false_alarms
    assert _score([{"source": "ISR", "target": "IRN", "cameo": "190"}], []).misses
