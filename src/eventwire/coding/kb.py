"""The knowledge base of people: who held which office, coded, with date ranges.

``data/people.tsv`` rows: name, aliases, code, role, start, end. A person is looked up by full
name, alias, or surname (when only one person in the base has it, or only one of those who have
it held an office on the date, or undated the one in office last), and the row in force on the
event date is used; without a date, the most recent row.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Office:
    name: str
    code: str
    role: str
    start: str
    end: str | None

    def covers(self, date: str) -> bool:
        return self.start <= date and (self.end is None or date <= self.end)


@dataclass
class PeopleBase:
    by_name: dict[str, list[Office]]
    by_surname: dict[str, list[Office]]
    # surnames several people share -> each one's offices ("Sanders": Bernie, Sarah Huckabee)
    shared_surnames: dict[str, list[list[Office]]] = field(default_factory=dict)

    def names_someone(self, text: str) -> bool:
        """Whether the text is a name, alias or surname of anyone in the base ("Kim", which
        many share, too)."""
        key = _norm(text)
        return key in self.by_name or key in self.by_surname or key in self.shared_surnames

    def lookup(self, text: str, date: str | None = None) -> Office | None:
        """The office of the person named ``text`` on ``date`` (the latest one if undated). Out
        of office on the date, a person named in full is a former office holder (``former``);
        a bare surname then names no one the base knows ("Doe" is no former president)."""
        key = _norm(text)
        offices = self.by_name.get(key)
        whole = offices is not None  # named in full: known out of office too
        if offices is None and " " not in key:
            offices = self.by_surname.get(key)
            if offices is None and key in self.shared_surnames:
                people = self.shared_surnames[key]
                if date:
                    serving = [o for o in people if any(x.covers(date[:10]) for x in o)]
                    offices = serving[0] if len(serving) == 1 else None
                else:  # undated, like a full name: the one in office last ("Clinton": Hillary)
                    last = sorted({_last_in_office(o) for o in people})
                    if len(last) == 1 or last[-1] != last[-2]:
                        offices = max(people, key=_last_in_office)
        if offices is None and " " in key:
            # "Valery Zaluzhnyi" when the base spells "Valerii Zaluzhnyi": the surname, if it is
            # one person's (or an alias), and the first names agree on their first letter
            last = key.split()[-1]
            found = self.by_name.get(last) or self.by_surname.get(last)
            if found and found[0].name.lower()[:1] == key[:1]:
                offices = found
        if not offices:
            return None
        if date:
            current = [o for o in offices if o.covers(date[:10])]
            if current:
                return current[-1]
            return former(offices, date[:10]) if whole else None
        return max(offices, key=lambda o: (o.end is None, o.end or "", o.start))


# Sectors of a public role: who left one is one of the country's elites ("former president").
PUBLIC_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY", "PTY", "OPP", "ELI"})


def former(offices: list[Office], date: str) -> Office | None:
    """A person out of office on ``date`` who held a public role of one country before it: that
    country's elite (CAMEO's ``ELI``), from the end of the last such role ("Obama" in 2018 is
    a former president, USAELI). Before any role, or after an international one, unknown."""
    last = max(
        (o for o in offices if o.end is not None and o.end < date),
        key=lambda o: o.end or "",
        default=None,
    )
    if last is None or last.code.startswith("IGO") or last.code[3:] not in PUBLIC_SECTORS:
        return None
    role = last.role if last.role.lower().startswith("former") else "Former " + last.role
    return Office(last.name, last.code[:3] + "ELI", role, last.end or date, None)


def _last_in_office(offices: list[Office]) -> str:
    """When a person was last in office ("9999" while in office)."""
    return max(o.end or "9999" for o in offices)


# States whose people's names put the family name first.
FAMILY_NAME_FIRST = frozenset({"CHN", "HKG", "KHM", "KOR", "MNG", "PRK", "SGP", "TWN", "VNM"})


def _norm(text: str) -> str:
    """A name as a lookup key: lower case, one apostrophe, hyphens as spaces ("Kim Jong-un",
    "Kim Jong - un" and "Kim Jong Un" are one key)."""
    return " ".join(text.replace("’", "'").replace("-", " ").lower().split())


def _rows(text: str) -> list[list[str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


def build(text: str, user: str = "") -> PeopleBase:
    """The people base from the shipped table and, taking precedence, the user's: a name (or
    alias) the user lists is resolved from the user's rows only."""
    by_name: dict[str, list[Office]] = {}
    surnames: dict[str, set[str]] = {}
    offices_of: dict[str, list[Office]] = {}
    user_rows = _rows(user) if user else []
    overridden = {
        _norm(a)
        for cells in user_rows
        for a in [cells[0], *(cells[1].split("|") if len(cells) > 1 else [])]
        if a.strip()
    }
    shipped = [
        cells for cells in _rows(text) if " ".join(cells[0].lower().split()) not in overridden
    ]
    for cells in user_rows + shipped:
        cells += [""] * (6 - len(cells))
        name, aliases, code, role, start, end = (c.strip() for c in cells[:6])
        if not name or not code:
            continue
        office = Office(name, code, role, start or "0000-00-00", end or None)
        offices_of.setdefault(name, []).append(office)
        for alias in [name, *[a for a in aliases.split("|") if a.strip()]]:
            key = _norm(alias)
            by_name.setdefault(key, [])
            if office not in by_name[key]:
                by_name[key].append(office)
        # the family name: first in "Kim Jong Un" and "Moon Jae-in", last in "Jim Yong Kim"
        words = _norm(name).split()
        surname = words[0] if code[:3] in FAMILY_NAME_FIRST else words[-1]
        surnames.setdefault(surname, set()).add(name)
    by_surname = {
        surname: offices_of[next(iter(names))]
        for surname, names in surnames.items()
        if len(names) == 1
    }
    shared = {
        surname: [offices_of[n] for n in sorted(names)]
        for surname, names in surnames.items()
        if len(names) > 1
    }
    for offices in [*by_name.values(), *offices_of.values()]:
        offices.sort(key=lambda o: o.start)
    return PeopleBase(by_name, by_surname, shared)
