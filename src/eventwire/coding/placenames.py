"""Place names as strings: which place a name with its stated region means ("San Fernando
(Catamarca)", "Tripoli, Lebanon", "(Beni, Nord-Kivu)"), built on the gazetteer and the name
index. A :class:`PlaceNames` remembers what it worked out across documents (it is part of the
knowledge); :meth:`PlaceNames.forget` empties that memory."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from eventwire import geo
from eventwire.coding.names import Name, NameIndex
from eventwire.coding.vocabulary import VOCABULARY

_PAREN = re.compile(r"\s*\(([^()]{2,80})\)")
_HINT_SEPARATOR = re.compile(r",|\s[-–]\s")
_APPOS = re.compile(r"\s*,\s*([A-Z][\w'-]*(?: (?:de |del |la )?[A-Z][\w'-]*){0,3})")
# A word that ends a stated region, and what follows it ("Kayah state", "Monywa district").
_HINT_WORDS = re.compile(
    r"\s+(?:" + "|".join(sorted(map(re.escape, VOCABULARY.region_words))) + r")\b.*$",
    re.IGNORECASE,
)


class PlaceNames:
    """Resolution of place names with their stated regions."""

    def __init__(self, names: NameIndex, places: geo.Gazetteer) -> None:
        self.names = names
        self.places = places
        self._memo: dict[str, dict[str, Any]] = {}

    def forget(self) -> None:
        """Empty what was worked out so far (the tables stay)."""
        self._memo.clear()

    def resolve(
        self,
        name: str,
        countries: list[str],
        region: str | None,
        kind: str | None,
        small: bool = False,
    ) -> geo.Place | None:
        if len(name) < 3 or name.isupper() and len(name) <= 4:
            return None  # "UN", "EU", "US": acronyms are organisations or countries, not towns
        parts = [p.strip() for p in (region or "").split(",") if p.strip()]
        if parts:  # the country where the name and its regions agree goes first
            countries = [*self.agreeing(name, parts), *countries]
        for part in parts:
            stated = [c.code for c in self.hint_countries(part)]
            if stated:  # "Tripoli, Lebanon": a country, not a region
                place = self.places.resolve(name, stated, None, kind, small)
                if place is not None and place.country in stated:
                    return place
                continue
            place = self.places.resolve(name, countries, part, kind, small)
            if place is not None and (
                self.loose_eq(place.admin1 or "", part) or place.country in self.countries_of(part)
            ):
                return place
        plain = self.places.resolve(name, countries, None, kind, small)
        if not parts:
            return plain
        # No place of this name lies in the stated region (or the names differ: "Toscana" and
        # "Tuscany"): a place of that name in the region's country stands; else the region.
        regions = [
            r
            for part in reversed(parts)
            if (r := self.places.resolve(part, countries, None, geo.ADMIN1))
        ]
        if plain is not None and (not regions or any(r.country == plain.country for r in regions)):
            return plain
        # A region name found in several countries ("East", "Southern", "Centre") is weak evidence
        # against a place the name itself identifies.
        unique = [r for r in regions if len(self.countries_of_region(r.name)) == 1]
        if plain is None:
            return unique[0] if unique else None
        if any(plain.country in self.countries_of(part) for part in parts):
            return plain  # the region's name is found in the place's country too
        # A place of the name in a country where nothing bears the region's name is contradicted
        # by the text: "El Alto (La Paz)" is in Bolivia's La Paz even if the gazetteer lacks it.
        if not unique and geo.key(parts[-1]) in VOCABULARY.direction_words:
            return plain  # "(Alkufra, East)": an East of many states says nothing against it
        return (unique or regions)[0]

    def agreeing(self, name: str, parts: list[str]) -> list[str]:
        """Countries where at least two of a name and its stated regions exist ("Ambalangoda,
        Galle, Southern" agree on Sri Lanka, whatever else "Southern" may be)."""
        votes: Counter[str] = Counter()
        for text in [name, *parts]:
            if len(text) >= 3:
                votes.update(set(self.countries_of(text)))
        if not votes:
            return []
        best = max(votes.values())
        top = [c for c, v in votes.items() if v == best]
        return top if best >= 2 and len(top) == 1 else []  # a tie says nothing

    def loose_eq(self, a: str, b: str) -> bool:
        def norm(x: str) -> str:
            return " ".join(
                w for w in geo.key(x).replace("-", " ").split() if w not in VOCABULARY.admin_words
            )

        return bool(a and b) and norm(a) == norm(b)

    def _countries_of_region_uncached(self, name: str) -> frozenset[str]:
        return frozenset(p.country for p in self.places.candidates(name) if p.kind == geo.ADMIN1)

    def countries_of_region(self, text: str) -> frozenset[str]:
        """:meth:`_countries_of_region_uncached`, remembered."""
        memo = self._memo.setdefault("countries_of_region", {})
        if text not in memo:
            memo[text] = self._countries_of_region_uncached(text)
        return memo[text]

    def _countries_of_uncached(self, part: str) -> frozenset[str]:
        return frozenset(p.country for p in self.places.candidates(part)) | frozenset(
            n.code for n in self.hint_countries(part)
        )

    def countries_of(self, text: str) -> frozenset[str]:
        """:meth:`_countries_of_uncached`, remembered."""
        memo = self._memo.setdefault("countries_of", {})
        if text not in memo:
            memo[text] = self._countries_of_uncached(text)
        return memo[text]

    def from_hint(self, region: str, countries: list[str]) -> geo.Place | None:
        """An unknown place's surroundings, from the region written after it: "(Beni, Nord-Kivu)"
        names a district and then its region; the most specific part that resolves wins, a town
        within the region when one is named after it."""
        parts = [p.strip() for p in region.split(",") if p.strip()]
        if not parts:
            return None
        strong = [c.code for c in self.hint_countries(region)] + self.agreeing(parts[0], parts[1:])
        hint = strong + countries
        outer = (
            self.places.resolve(parts[-1], hint, None, geo.ADMIN1) if len(parts[-1]) >= 3 else None
        )
        for part in parts[:-1]:
            if len(part) < 3:
                continue
            if outer is not None:
                inner = self.places.resolve(part, [outer.country], outer.name, geo.CITY, small=True)
                if inner is not None and inner.admin1 == outer.name:
                    return inner
            elif (inner := self.places.resolve(part, hint, small=True)) is not None and (
                not strong or inner.country in strong
            ):
                return inner  # a district named in the hint ("(Barsalogho, Sanmatenga)")
        if outer is not None:
            return outer
        last = self.places.resolve(parts[-1], hint, small=True)
        return last if last is not None and (not strong or last.country in strong) else None

    def hint_countries(self, region: str | None) -> list[Name]:
        if not region:
            return []
        out = []
        for part in region.split(","):
            n = self.names.lookup(part.split())
            if n and n.kind == "country":
                out.append(n)
        return out

    def _is_region_name_uncached(self, text: str) -> bool:
        return any(p.kind == geo.ADMIN1 for p in self.places.candidates(text)) or bool(
            self.hint_countries(text)
        )

    def is_region_name(self, text: str) -> bool:
        """:meth:`_is_region_name_uncached`, remembered."""
        memo = self._memo.setdefault("is_region_name", {})
        if text not in memo:
            memo[text] = self._is_region_name_uncached(text)
        return memo[text]

    def clean_hint(self, text: str) -> str:
        """ "Kayah state" -> "Kayah", "Monywa district" -> "Monywa"."""
        # "(Busan - Yeonje)": a spaced dash separates levels as a comma does.
        parts = [_HINT_WORDS.sub("", p.strip()).strip() for p in _HINT_SEPARATOR.split(text)]
        return ", ".join(p for p in parts if p)

    def _is_town_name_uncached(self, text: str) -> bool:
        return any(
            p.kind == geo.CITY and p.population >= geo.SMALL_PLACE
            for p in self.places.candidates(text)
        )

    def is_town_name(self, text: str) -> bool:
        """:meth:`_is_town_name_uncached`, remembered."""
        memo = self._memo.setdefault("is_town_name", {})
        if text not in memo:
            memo[text] = self._is_town_name_uncached(text)
        return memo[text]

    def bracket_hint(self, inner: str) -> str | None:
        """What a bracketed note may say of a place ("Kayah state, Myanmar" -> "Kayah, Myanmar"), or
        None when it cannot name one: an acronym ("(MEG)"), or no part capitalised (one is enough:
        "(eThekwini, KwaZulu-Natal)")."""
        if inner.isupper() and len(inner) <= 6:
            return None
        hint = self.clean_hint(inner)
        return hint if any(part.strip()[:1].isupper() for part in hint.split(",")) else None

    def region_hint(self, text: str, end: int) -> tuple[str | None, int]:
        """The region written right after a place name ("(Catamarca)", ", Texas"), and where the
        hint ends in ``text``."""
        rest = text[end : end + 90]
        m = _PAREN.match(rest)
        hint = self.bracket_hint(m.group(1)) if m else None
        if hint:  # "(Catamarca)"
            return hint, end + m.end()
        m = _APPOS.match(rest)
        if m:
            words = m.group(1).split()
            for n in range(len(words), 0, -1):  # "Chihuahua, Chihuahua", ", Texas, on Thursday"
                cand = " ".join(words[:n])
                if self.is_region_name(cand) or self.is_town_name(cand):  # "Rosengaard, Malmo"
                    return cand, end + m.start(1) + len(cand)
        return None, end
