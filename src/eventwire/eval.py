"""Scoring coded events against a gold file (DESIGN.md, "Gold format").

Each gold line: ``{"id", "text", "date"?, "events": [{"source", "target", "cameo"?, "plover"?}]}``.
Scores are micro-averaged over events at three levels:

- ``l1``: source country, target country, and CAMEO root (or PLOVER type when the gold event has
  no CAMEO code);
- ``l2``: full actor codes and the full CAMEO code;
- ``type``: CAMEO root (or PLOVER type) alone, ignoring actors.

A compound actor counts once per (source, target) pair, on both sides. Predicted events that are
negated or hypothetical are not claims that the event happened, so they are not scored.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.api import code_texts
from eventwire.errors import UsageError
from eventwire.model import Event

SCORED_MODALITIES = frozenset({"factual", "future"})
LEVELS = ("l1", "l2", "type")


@dataclass
class GoldItem:
    id: str
    text: str
    date: str | None
    events: list[dict[str, Any]]


def read_gold(path: str | Path) -> list[GoldItem]:
    """Gold items from a JSONL file; a malformed line is a UsageError naming it."""
    items = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                items.append(
                    GoldItem(
                        str(obj["id"]), obj["text"], obj.get("date"), list(obj.get("events") or [])
                    )
                )
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise UsageError(f"{path}, line {number}: not a gold item ({exc})") from exc
    return items


def _codes(value: Any) -> list[str | None]:
    if value is None:
        return [None]
    if isinstance(value, str):
        return [value]
    return [v for v in value] or [None]


def _country(code: str | None) -> str | None:
    return code[:3] if code else None


def gold_tuples(event: dict[str, Any], level: str) -> list[tuple]:
    cameo, plover = event.get("cameo"), event.get("plover")
    kind = ("cameo", cameo[:2]) if cameo else ("plover", plover)
    out = []
    for src in _codes(event.get("source")):
        for tgt in _codes(event.get("target")):
            if level == "l1":
                out.append((_country(src), _country(tgt), kind))
            elif level == "l2":
                out.append((src, tgt, ("cameo", cameo) if cameo else kind))
            else:
                out.append((kind,))
    return out


def predicted_tuples(event: Event, level: str, like: tuple) -> list[tuple]:
    """Tuples of a predicted event, in the vocabulary (CAMEO or PLOVER) of a gold tuple."""
    sources = [a.code for a in event.source if a.code] or [None]
    targets = [a.code for a in event.target if a.code] or [None]
    out = []
    for src in sources:
        for tgt in targets:
            kind_name = like[-1][0]
            if kind_name == "plover":
                kind = ("plover", event.plover["event"] if event.plover else None)
            elif level == "l2":
                kind = ("cameo", event.cameo)
            else:
                kind = ("cameo", event.cameo[:2])
            if level == "l1":
                out.append((_country(src), _country(tgt), kind))
            elif level == "l2":
                out.append((src, tgt, kind))
            else:
                out.append((kind,))
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class EvalReport:
    items: int = 0
    levels: dict[str, Counts] = field(default_factory=lambda: {lv: Counts() for lv in LEVELS})
    by_root: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            **{lv: c.to_dict() for lv, c in self.levels.items()},
            "by_root": {root: c.to_dict() for root, c in sorted(self.by_root.items())},
            "misses": self.misses,
            "false_alarms": self.false_alarms,
        }


def _match(gold: list[tuple], pred: list[tuple]) -> Counts:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return Counts(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def _describe(event: Event) -> str:
    src = "+".join(a.code or "?" for a in event.source) or "-"
    tgt = "+".join(a.code or "?" for a in event.target) or "-"
    return f"{src} {event.cameo} {tgt}"


def score_item(item: GoldItem, predicted: list[Event], report: EvalReport) -> None:
    """Add one gold item's comparison to the report."""
    predicted = [e for e in predicted if e.modality in SCORED_MODALITIES]
    report.items += 1
    for level in LEVELS:
        gold: list[tuple] = []
        for ev in item.events:
            gold += gold_tuples(ev, level)
        like = gold[0] if gold else (("cameo", ""),)
        pred: list[tuple] = []
        for ev in predicted:
            pred += predicted_tuples(ev, level, like)
        report.levels[level].add(_match(gold, pred))
    # Per root, at the type level: each gold event's root against predicted roots.
    gold_roots = Counter((ev.get("cameo") or "??")[:2] for ev in item.events)
    pred_roots = Counter(e.cameo[:2] for e in predicted)
    for root in set(gold_roots) | set(pred_roots):
        tp = min(gold_roots[root], pred_roots[root])
        counts = report.by_root.setdefault(root, Counts())
        counts.add(Counts(tp, pred_roots[root] - tp, gold_roots[root] - tp))
    l1_gold = [t for ev in item.events for t in gold_tuples(ev, "l1")]
    l1_pred = (
        [t for e in predicted for t in predicted_tuples(e, "l1", l1_gold[0])] if l1_gold else []
    )
    if l1_gold and _match(l1_gold, l1_pred).fn:
        report.misses.append(
            {
                "id": item.id,
                "text": item.text,
                "gold": [
                    f"{ev.get('source')} {ev.get('cameo') or ev.get('plover')} {ev.get('target')}"
                    for ev in item.events
                ],
                "predicted": [_describe(e) for e in predicted],
            }
        )
    elif not item.events and predicted:
        report.false_alarms.append(
            {"id": item.id, "text": item.text, "predicted": [_describe(e) for e in predicted]}
        )


def evaluate(items: Iterable[GoldItem], coder=None) -> EvalReport:
    """Score a coder on gold items; ``coder(texts, dates) -> list[list[Event]]`` defaults to
    eventwire's own (``code_texts``)."""
    coder = coder or code_texts
    items = list(items)
    report = EvalReport()
    predictions = coder([i.text for i in items], [i.date for i in items])
    for item, predicted in zip(items, predictions, strict=True):
        score_item(item, predicted, report)
    return report
