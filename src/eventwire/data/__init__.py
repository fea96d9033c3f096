"""Data files shipped with eventwire (lexicons, vocabularies, migrations). Readers, not
memories: each call reads the file (the knowledge loader, ``coding.knowledge``, reads each once)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files(__package__).joinpath(name)


def load_json(name: str) -> Any:
    """Parse a JSON data file."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))


def read_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


def word_list(name: str) -> frozenset[str]:
    """A data file of one word or phrase per line (``#`` comments)."""
    return frozenset(
        line.strip()
        for line in read_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    )
