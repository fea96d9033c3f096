"""The knowledge base of people: who held which office, coded, with date ranges.

``data/people.tsv`` rows: name, aliases, code, role, start, end. A person is looked up by full
name, alias, or surname (when only one person in the base has it), and the row in force on the
event date is used; without a date, the most recent row.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from eventwire.data import read_text
from eventwire.errors import UsageError

KB_ENV = "EVENTWIRE_KB"


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

    def lookup(self, text: str, date: str | None = None) -> Office | None:
        """The office of the person named ``text`` on ``date`` (the latest one if undated)."""
        key = _norm(text)
        offices = self.by_name.get(key)
        if offices is None and " " not in key:
            offices = self.by_surname.get(key)
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
            return current[-1] if current else None
        return max(offices, key=lambda o: (o.end is None, o.end or "", o.start))


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
        surnames.setdefault(_norm(name).split()[-1], set()).add(name)
    by_surname = {
        surname: offices_of[next(iter(names))]
        for surname, names in surnames.items()
        if len(names) == 1
    }
    for offices in by_name.values():
        offices.sort(key=lambda o: o.start)
    return PeopleBase(by_name, by_surname)


def user_kb_dir() -> Path | None:
    """The user's knowledge-base folder ($EVENTWIRE_KB), if set."""
    value = os.environ.get(KB_ENV)
    return Path(value) if value else None


def user_table(name: str) -> str:
    """The user's version of a knowledge-base table (``people.tsv``, ``organisations.tsv``),
    or "" when they have none."""
    folder = user_kb_dir()
    if folder is None:
        return ""
    if not folder.is_dir():
        raise UsageError(
            f"knowledge-base folder {folder} does not exist (set by ${KB_ENV} or --kb)"
        )
    path = folder / name
    if not path.exists():
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}; it must be UTF-8 text") from exc


def use_knowledge_base(folder: str | Path | None) -> None:
    """Use the user's knowledge-base folder from now on (None: the shipped one only)."""
    from eventwire.coding.actors import gazette

    if folder is None:
        os.environ.pop(KB_ENV, None)
    else:
        os.environ[KB_ENV] = str(folder)
    from eventwire.coding.actors import _org_codes, forget_phrases

    people.cache_clear()
    gazette.cache_clear()
    _org_codes.cache_clear()
    forget_phrases()
    user_table("people.tsv")  # fail now, with the folder named, rather than mid-batch


@cache
def people() -> PeopleBase:
    return build(read_text("people.tsv"), user_table("people.tsv"))
