"""CAMEO codes and their PLOVER equivalents (data/cameo_codes.tsv, data/plover.tsv)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.data import read_text

# CAMEO roots by quad class (GDELT's QuadClass): 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict.
QUAD_CLASS = {
    **{f"{r:02d}": 1 for r in range(1, 6)},
    **{f"{r:02d}": 2 for r in range(6, 9)},
    **{f"{r:02d}": 3 for r in range(9, 14)},
    **{f"{r:02d}": 4 for r in range(14, 21)},
}


@dataclass(frozen=True)
class Plover:
    event: str
    mode: str | None
    context: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"event": self.event, "mode": self.mode, "context": list(self.context)}


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in read_text(name).splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows[1:]  # the header


@dataclass(frozen=True)
class Ontology:
    """The CAMEO code list with labels, and the CAMEO-to-PLOVER crosswalk."""

    labels: dict[str, str]
    crosswalk: dict[str, Plover]

    @classmethod
    def load(cls) -> Ontology:
        """The shipped tables (data/cameo_codes.tsv, data/plover.tsv)."""
        walk = {}
        for code, event, mode, context in _rows("plover.tsv"):
            walk[code] = Plover(event, mode or None, tuple(c for c in context.split(";") if c))
        return cls({code: label for code, label in _rows("cameo_codes.tsv")}, walk)

    def is_cameo(self, code: str) -> bool:
        return code in self.labels

    def plover_for(self, cameo: str) -> Plover | None:
        """The PLOVER type of a CAMEO code: its own crosswalk row, else its parent's; roots 01
        and 02 have none."""
        if cameo[:2] in ("01", "02"):
            return None
        for n in (len(cameo), 3, 2):
            if cameo[:n] in self.crosswalk:
                return self.crosswalk[cameo[:n]]
        return None


def quad_class(cameo: str) -> int:
    return QUAD_CLASS[cameo[:2]]


PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
