"""Data files shipped with eventwire (lexicons, vocabularies, migrations), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def data_path(name: str) -> resources.abc.Traversable:
    return resources.files(__package__).joinpath(name)


@cache
def load_json(name: str) -> Any:
    """Parse a JSON data file once per process."""
    return json.loads(data_path(name).read_text(encoding="utf-8"))


def read_text(name: str) -> str:
    return data_path(name).read_text(encoding="utf-8")


@cache
def word_list(name: str) -> frozenset[str]:
    """A data file of one word or phrase per line (``#`` comments), loaded once."""
    return frozenset(
        line.strip()
        for line in read_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    )
