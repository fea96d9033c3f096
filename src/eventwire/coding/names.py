"""Names of countries, organisations, demonyms, capitals and seats of power, and the role words
that give a phrase its sector: the name index (:class:`NameIndex`), built once from the data
files, and the lookup of names in a phrase's words.

The index remembers the runs of words it was asked about (:meth:`NameIndex.spelled`): a function
of the words alone, so the memory holds across documents and lives on the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.coding.spans import MEMO_KEY, doc_text, memo_of
from eventwire.coding.vocabulary import VOCABULARY

# Longest place or organisation name, in tokens, looked up inside a phrase.
MAX_NAME_TOKENS = 6
# Names of at most this many letters written in capitals are acronyms: matched case-sensitively.
ACRONYM_MAX = 6
_ARTICLES = ("the",)
_PRO_BEFORE = re.compile(r"(?:^|[^\w])pro\s*-?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    kind: str  # country, demonym, capital, seat, org
    code: str  # ISO3 for places, the full code for organisations
    sector: str | None = None
    media: bool = False
    canonical: str | None = None  # an organisation's name in the data file


@dataclass
class NameIndex:
    """Name and role-word indexes, built once from the data files."""

    names: dict[tuple[str, ...], Name] = field(default_factory=dict)
    acronyms: dict[tuple[str, ...], Name] = field(default_factory=dict)
    sectors: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Role terms that name one state's institution, with that state ("pentagon" -> USA).
    implied: dict[tuple[str, ...], str] = field(default_factory=dict)
    # First words of every name (lower case; acronyms as written): a phrase position whose word
    # is not among them starts no name, which spares most lookups.
    starts: set[str] = field(default_factory=set)
    # The most tokens a name beginning with each start word can span, hyphens and possessives
    # split off by the tokenizer included: lookups need try no longer windows.
    longest: dict[str, int] = field(default_factory=dict)
    # First words of the role terms of two words or more ("defence", "prime", "secretary").
    sector_starts: set[str] = field(default_factory=set)
    # Filled by :meth:`finish`: codes of organisations, countries, and the media outlets.
    org_codes: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    media: tuple[Name, ...] = ()
    # What was looked up so far, across documents (see :meth:`forget`).
    _spelled: dict[tuple[str, ...], tuple[tuple[Name, int, int], ...]] = field(
        default_factory=dict, repr=False
    )
    _org_named: dict[tuple[str, str | None], str | None] = field(default_factory=dict, repr=False)

    def _starts(self, first: str, words: tuple[str, ...]) -> None:
        span = sum(1 + 2 * w.count("-") + w.count("'") for w in words)
        self.starts.add(first)
        self.longest[first] = max(self.longest.get(first, 0), span)

    def add_name(self, text: str, name: Name) -> None:
        """Index a name; acronyms ("UN", "AU", "WHO") match only in capitals, so that "Un" in
        "Kim Jong Un" or the pronoun "who" are not organisations."""
        if is_acronym(text):
            words = tuple(text.split())
            self.acronyms.setdefault(words, name)
            self._starts(words[0], words)
            return
        key = name_key(text)
        if key and key not in self.names:
            self.names[key] = name
            self._starts(key[0], key)
            # the tokenizer may split a first word ("al-Shabaab" -> "al", "-", ...)
            self._starts(key[0].split("-")[0].split("'")[0], key)

    def finish(self) -> None:
        """Derive the code sets once every name is in."""
        every = [*self.names.values(), *self.acronyms.values()]
        self.org_codes = frozenset(n.code for n in every if n.kind == "org")
        self.countries = frozenset(n.code for n in self.names.values() if n.kind == "country")
        self.media = tuple({n for n in every if n.media})

    def forget(self) -> None:
        """Empty the memory of runs of words looked up (the indexes stay)."""
        self._spelled.clear()
        self._org_named.clear()

    def lookup(self, words: list[str]) -> Name | None:
        """The name these tokens spell; hyphens and possessives the tokenizer split off are
        glued back ("al - Qaeda" -> "al-qaeda", "People 's" -> "people's")."""
        found = self.acronyms.get(tuple(words)) or self.names.get(
            tuple(w.replace("’", "'").lower() for w in words)
        )
        if found or len(words) < 2:
            return found
        glued = " ".join(words).replace("’", "'").replace(" - ", "-").replace(" 's", "'s")
        return self.names.get(tuple(glued.lower().split()))

    def spelled(self, texts: tuple[str, ...]) -> tuple[tuple[Name, int, int], ...]:
        """The names a run of words spells, longest first at each position, as (name, first
        position, length). A function of the words alone, so remembered across documents: the
        same runs ("Russian forces", "the Israeli military") come back in every story."""
        found = self._spelled.get(texts)
        if found is None:
            found = self._spelled[texts] = self._spell(texts)
        return found

    def _spell(self, texts: tuple[str, ...]) -> tuple[tuple[Name, int, int], ...]:
        words = [_named_part(t) for t in texts]
        found: list[tuple[Name, int, int]] = []
        i = 0
        while i < len(words):
            word = words[i]
            lower = word.replace("’", "'").lower()
            if word not in self.starts and lower not in self.starts:
                i += 1
                continue
            longest = max(self.longest.get(word, 0), self.longest.get(lower, 0))
            for n in range(min(MAX_NAME_TOKENS, longest, len(words) - i), 0, -1):
                name = self.lookup(words[i : i + n])
                if name:
                    found.append((name, i, n))
                    i += n
                    break
            else:
                i += 1
        return tuple(found)

    def org_named(self, text: str, code: str | None) -> str | None:
        """The organisation of the knowledge base that an actor's text names with its code
        (remembered: the same phrases and codes recur from story to story)."""
        memo_key = (text, code)
        if memo_key in self._org_named:
            return self._org_named[memo_key]
        found = None
        words = text.replace("’", "'").split()
        for n in range(min(MAX_NAME_TOKENS, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                name = self.lookup(words[i : i + n])
                if name is not None and name.kind == "org" and name.code == code:
                    found = name.canonical
                    break
            if found is not None:
                break
        self._org_named[memo_key] = found
        return found


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and len(letters) <= ACRONYM_MAX and all(c.isupper() for c in letters)


def name_key(text: str) -> tuple[str, ...]:
    """A name as an index key: lower-case words, without a leading article."""
    words = text.replace("’", "'").lower().split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return tuple(words)


def tsv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a tab-separated table with a header line (``#`` lines are comments)."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return rows


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def build_index(
    organisations: list[dict[str, str]],
    countries: list[dict[str, str]],
    sectors: list[dict[str, str]],
) -> NameIndex:
    """The index of the given table rows (the user's organisations first: the first name wins)."""
    g = NameIndex()
    for row in organisations:
        org = Name(
            "org",
            row["code"],
            row["sector"] or None,
            media=row["kind"] == "media",
            canonical=row["name"],
        )
        for text in [row["name"], *_split(row["aliases"])]:
            g.add_name(text, org)
    for row in countries:
        code = row["code"]
        for text in [row["name"], *_split(row["aliases"])]:
            g.add_name(text, Name("country", code))
        for text in _split(row["demonyms"]):
            g.add_name(text, Name("demonym", code))
        for text in _split(row["capitals"]):
            g.add_name(text, Name("capital", code, "GOV"))
        for text in _split(row["seats"]):
            g.add_name(text, Name("seat", code, "GOV"))
    for row in sectors:
        note = row.get("notes") or row.get("note") or ""
        stated = note[8:11] if note.startswith("country=") else None
        term = row["term"]
        # a hyphenated term also as the tokenizer splits it: "front-runner" is "front - runner"
        spellings = [term, re.sub(r"(?<=\w)-(?=\w)", " - ", term)] if "-" in term else [term]
        for key in dict.fromkeys(name_key(spelled) for spelled in spellings):
            if row["sector"] == "-":  # a word that only tells the country: "Republican senators"
                code = stated if stated and stated.isalpha() and stated.isupper() else ""
                g.implied.setdefault(key, code)  # "" stops a shorter term: "Social Democratic"
                continue
            g.sectors.setdefault(key, row["sector"])
            if len(key) > 1:
                g.sector_starts.add(key[0])
            if stated is not None:  # "the Pentagon", "the IRGC": one state's institution
                g.implied.setdefault(key, stated)
    g.finish()
    return g


def _named_part(word: str) -> str:
    """ "U.S.-led", "Iran-backed" written as one token: the name before the hyphen (whether
    it is the actor's own or a sponsor's, ``_backer`` decides)."""
    if "-" in word[1:]:
        name, tail = word.rsplit("-", 1)
        if tail.lower() in VOCABULARY.tied_words or tail.lower() == "led":
            return name
    return word


def names_with_tokens(index: NameIndex, tokens: list[Token]) -> list[tuple[Name, list[Token]]]:
    """Names found in a phrase, longest first at each position, with the tokens they cover
    (looked up once per phrase per document)."""
    if not tokens:
        return []
    doc = tokens[0].doc
    memo = (doc.user_data.get(MEMO_KEY) or memo_of(doc)).names
    key = tuple([t.i for t in tokens])
    found = memo.get(key)
    if found is None:
        found = memo[key] = _lookup_names(index, tokens)
    return [(name, list(covered)) for name, covered in found]


def _lookup_names(index: NameIndex, tokens: list[Token]) -> list[tuple[Name, list[Token]]]:
    found = []
    for name, i, n in index.spelled(tuple([t.text for t in tokens])):
        covered = tokens[i : i + n]
        if _backer(covered) or (name.kind == "demonym" and _origin(covered)):
            continue
        if name.kind == "org" and _inside_a_role(index, tokens, i, n):
            continue  # "the National Security Council" is no UN Security Council
        found.append((name, covered))
    return found


def _inside_a_role(index: NameIndex, tokens: list[Token], i: int, n: int) -> bool:
    """Whether the words just before a name make it part of a longer role term: "National
    Security Council" is a state's council (a term of ``data/sectors.tsv``)."""
    words = [t.lower_ for t in tokens]
    return any(tuple(words[i - k : i + n]) in index.sectors for k in (1, 2) if i - k >= 0)


# Nationalities written after an origin: "Cuban American politicians" are Americans.
_HYPHENATED_NATIONALITIES = frozenset({"American", "Americans"})


def _origin(covered: list[Token]) -> bool:
    """Whether the demonym is an origin before a nationality ("Cuban American", "Mexican-
    Americans"), not the nationality itself."""
    doc, k = covered[-1].doc, covered[-1].i + 1
    if k < len(doc) and doc[k].text == "-":
        k += 1
    return k < len(doc) and doc[k].text in _HYPHENATED_NATIONALITIES


def find_names(index: NameIndex, tokens: list[Token]) -> list[Name]:
    """The names found in a phrase (see :func:`names_with_tokens`)."""
    return [name for name, _ in names_with_tokens(index, tokens)]


def names_in_capitals(index: NameIndex, tokens: list[Token]) -> list[tuple[Name, list[Token]]]:
    """Names in a sentence with the tokens they cover, looked up only in runs of capitalised
    words, where names are."""
    found: list[tuple[Name, list[Token]]] = []
    run: list[Token] = []
    for tok in [*tokens, None]:
        if tok is not None and (
            tok.text[:1].isupper()
            or (run and tok.text in "-'.")
            or (run and run[-1].text == "-" and tok.is_alpha)  # "Port-au-Prince"
        ):
            run.append(tok)
            continue
        if run:
            found += names_with_tokens(index, run)
            run = []
    return found


def _backer(covered: list[Token]) -> bool:
    """ "Iran-backed", "al Qaeda-linked", "pro-Russian": the name is whom the actor is tied to,
    not the actor's own country or organisation ("U.S.-led forces" are the U.S.'s)."""
    first, last = covered[0], covered[-1]
    doc, tied = last.doc, VOCABULARY.tied_words
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and nxt.i + 1 < len(doc):
        return doc[nxt.i + 1].lower_ in tied
    if nxt is not None and "-" in last.text and nxt.lower_ in tied:
        return True
    if first.lower_.startswith("pro-"):
        return True
    if "-" in last.text[1:] and last.text.rsplit("-", 1)[1].lower() in tied:
        return True  # "Iran-backed" as one token
    # "pro - Russian": the word before, or the one before a hyphen (read in the text, which is
    # cheaper than making tokens)
    before = doc_text(doc)[max(0, first.idx - 8) : first.idx]
    return "pro" in before.lower() and _PRO_BEFORE.search(before) is not None
