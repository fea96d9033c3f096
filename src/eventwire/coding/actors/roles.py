"""Role words and what they say of an actor: the sector of a phrase ("police spokesman" is police,
"Kremlin spokesperson" government), a state implied by its institution ("the Pentagon"), a role
set beside a name ("Aisha Idris, a doctor"), and the usual gender of a given name."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.actors.phrases import (
    appositive,
    noun_phrase,
    party_note_after,
    role_clause,
)
from eventwire.coding.knowledge import Knowledge
from eventwire.coding.names import find_names
from eventwire.coding.spans import kids
from eventwire.model import Actor

# The country whose members of Congress carry a party note ("(R-Fla.)").
US = "USA"

# Sectors of an office, which a former holder no longer has; and what a former holder is.
OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})
FORMER_HOLDER_SECTOR = "ELI"


def sector_of(kn: Knowledge, tokens: list[Token], head: Token) -> str | None:
    """The sector of the phrase: multiword role terms first, then the head, then modifiers; a
    former holder of an office is one of the elites: "the former defence minister" -> ELI."""
    sector = _role_sector(kn, tokens, head)
    if sector in OFFICE_SECTORS and _former(kn, tokens):
        return FORMER_HOLDER_SECTOR
    return sector


def _former(kn: Knowledge, tokens: list[Token]) -> bool:
    """Whether the phrase says its role is past: "former", "ex-" ("ex-president" is split)."""
    words = kn.words.vocabulary.former_words
    return any(t.lower_ in words for t in tokens) or any(
        t.lower_.startswith("ex-") and t.lower_[3:] != "" for t in tokens
    )


# Prefixes of a stance: what follows them is what a group is for or against, not what it is
# ("a German anti-refugee group", "a pro-government militia").
STANCE_PREFIXES = frozenset({"anti", "pro"})


def _stance_object(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` is what an "anti-" or "pro-" modifier is against or for."""
    before = [t.lower_ for t in tokens[max(0, k - 2) : k]]
    return (len(before) == 2 and before[1] == "-" and before[0] in STANCE_PREFIXES) or (
        bool(before) and before[-1] in ("anti-", "pro-")
    )


def _role_sector(kn: Knowledge, tokens: list[Token], head: Token) -> str | None:
    g = kn.names
    tokens = [t for k, t in enumerate(tokens) if t is head or not _stance_object(tokens, k)]
    lemmas, forms = [t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens]
    terms = terms_in(kn, lemmas, forms)
    if terms:
        return max(terms, key=lambda term: term[1])[2]  # the longest, the first of those
    term = of_term(kn, head)
    if term:  # "secretary of state", "minister of defence", "ministry of interior"
        return g.sectors[term]
    head_lemma = head.lemma_.lower()
    head_sector = g.sectors.get((head_lemma,)) or g.sectors.get((head.lower_,))
    if head_sector and head_lemma not in kn.words.vocabulary.generic_roles:
        return head_sector
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k] is head:
            continue
        sector = g.sectors.get((lemmas[k],)) or g.sectors.get((forms[k],))
        if sector:
            return sector
    return head_sector


def of_term(kn: Knowledge, head: Token) -> tuple[str, ...] | None:
    """A role term spelled with "of" after the head ("secretary of state")."""
    g = kn.names
    for prep in kids(head):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in kids(prep):
                if obj.dep_ == "pobj":
                    for words in (
                        (head.lemma_.lower(), "of", obj.lemma_.lower()),
                        (head.lower_, "of", obj.lower_),
                    ):
                        if words in g.sectors:
                            return words
    return None


def role_terms(kn: Knowledge, tokens: list[Token]) -> list[tuple[int, int, str]]:
    """The role terms of several words in a phrase ("air force", "chief of general staff"), as
    (first position, length, sector): by lemma, then by word form, longest first."""
    return terms_in(kn, [t.lemma_.lower() for t in tokens], [t.lower_ for t in tokens])


def terms_in(kn: Knowledge, lemmas: list[str], forms: list[str]) -> list[tuple[int, int, str]]:
    """:func:`_role_terms` of a phrase given as its lemmas and its lower-case word forms."""
    g = kn.names
    found: list[tuple[int, int, str]] = []
    # the words as written with the last one's lemma too: "gay rights groups" holds "rights
    # group", which neither the lemmas ("right group") nor the forms hold
    mixed = [*forms[:-1], lemmas[-1]] if forms else []
    for seq in (lemmas, forms, mixed):
        opening = [i for i, word in enumerate(seq) if word in g.sector_starts]
        if not opening:
            continue  # most phrases: no word starts a role term of several words
        for n in range(min(4, len(seq)), 1, -1):
            for i in opening:
                if i > len(seq) - n:
                    break
                sector = g.sectors.get(tuple(seq[i : i + n]))
                if sector:
                    found.append((i, n, sector))
    return found


def role_term_ends_at(kn: Knowledge, tokens: list[Token], head: Token) -> bool:
    """A role term of several words ends at the head ("air force", "border guard")."""
    at = next((k for k, t in enumerate(tokens) if t.i == head.i), None)
    return at is not None and any(i + n - 1 == at for i, n, _ in role_terms(kn, tokens))


def is_role(kn: Knowledge, head: Token) -> bool:
    g = kn.names
    lemma = head.lemma_.lower()
    return (
        (lemma,) in g.sectors
        or (head.lower_,) in g.sectors
        or lemma in kn.words.person_nouns
        or of_term(kn, head) is not None
    )


def implied_country(kn: Knowledge, tokens: list[Token]) -> str | None:
    """The state whose institution the phrase names ("the Pentagon", "the IRGC")."""
    implied = kn.names.implied
    words = [t.lower_ for t in tokens]
    lemmas = [t.lemma_.lower() for t in tokens]
    for seq in (words, lemmas):
        for n in range(min(4, len(seq)), 0, -1):
            for i in range(len(seq) - n + 1):
                found = implied.get(tuple(seq[i : i + n]))
                if found is not None:  # "" for a longer term of no one state
                    return found or None
    return None


def appositive_role(kn: Knowledge, head: Token) -> str | None:
    """The sector of a role set beside a name: "Aisha Idris, a doctor" -> HLH."""
    role = appositive(head)
    if role is None:
        return None
    sector = sector_of(kn, noun_phrase(role), role)
    clause = role_clause(head)
    if sector in OFFICE_SECTORS and clause is not None and clause == (role, True):
        return FORMER_HOLDER_SECTOR  # "Robert Reich, who served as labor secretary"
    return sector


def appositive_country(kn: Knowledge, head: Token) -> str | None:
    """The country a role beside a name states: "a Rafah resident", "a Ukrainian drone
    operator", or a US party note ("(R-Fla.)")."""
    if party_note_after(head):  # "Rep. Carlos Curbelo (R-Fla.)": a member of Congress
        return US
    role = appositive(head)
    if role is None:
        return _modifier_place(kn, head)
    tokens = noun_phrase(role)
    found = [
        n.code for n in find_names(kn.names, tokens) if n.kind in ("country", "demonym", "capital")
    ]
    if found:
        return found[0]
    # a run of proper nouns is looked up whole ("the South Carolina congressman": not the
    # "South" province of Cameroon)
    runs: list[list[Token]] = []
    for tok in tokens:
        if tok.pos_ == "PROPN" and tok is not role:
            if runs and runs[-1][-1].i == tok.i - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    for run in runs:
        place = kn.places.lookup(" ".join(t.text for t in run))
        if place is not None:
            return place.country
    return None


def _modifier_place(kn: Knowledge, head: Token) -> str | None:
    """The country of a place tagged as one that modifies a role: "the South Carolina
    congressman", "a Kharkiv official", "Former Florida Sen. Bob Graham" (read whole, never
    a person's name)."""
    mods = list(head.lefts)
    mods += [m for t in mods if t.dep_ == "compound" and t.ent_type_ == "" for m in t.lefts]
    for mod in mods:
        if mod.dep_ == "compound" and mod.ent_type_ in ("GPE", "LOC"):
            run = [t for t in head.doc[mod.left_edge.i : mod.i + 1] if t.pos_ == "PROPN"]
            if run and not any(t.ent_type_ == "PERSON" for t in run):
                place = kn.places.lookup(" ".join(t.text for t in run))
                return place.country if place is not None else None
    return None


def gender_of(names: dict[str, str], actor: Actor) -> str | None:
    """The usual gender of a person's given name ("f", "m"), or None when unknown (``names``:
    given name in lower case -> gender, ``Knowledge.words.given_names``)."""
    name = actor.name or actor.text
    for word in name.replace("-", " ").split():
        found = names.get(word.lower())
        if found:
            return found
    return None


def employer_heads(kn: Knowledge, head: Token) -> list[Token]:
    """Whom a role serves, when the phrase says: "Trump's spokeswoman Hope Hicks", "a
    spokesman for the Clinton campaign", "Katrina Pierson, a spokeswoman for Trump" -> Trump,
    the Clinton campaign. The heads of the employers' phrases (possessors, objects of "for")."""
    roles = [head, *(t for t in kids(head) if t.dep_ == "compound")]
    role = appositive(head)
    if role is not None:
        roles.append(role)
    out: list[Token] = []
    for tok in roles:
        phrase = sorted([*(t for t in kids(tok) if t.dep_ == "compound"), tok], key=lambda t: t.i)
        if tok.pos_ != "NOUN" or not (is_role(kn, tok) or role_term_ends_at(kn, phrase, tok)):
            continue  # a role: "spokesman", "campaign manager"
        for child in [*kids(tok), *(kids(head) if tok is not head else [])]:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("for", "to"):  # "aides to Sanders"
                out += [c for c in kids(child) if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")]
            elif child.dep_ == "prep" and child.lower_ == "of":  # "president of the NRA"
                out += [c for c in kids(child) if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            elif child.dep_ == "compound" and (
                _company_of(kn, child, tok) or _person_served(kn, child, tok)
            ):
                out.append(child)
    # a state's role is coded by the state already ("Japan's foreign minister")
    return [t for t in out if t.ent_type_ not in ("GPE", "NORP", "LOC")]


def _company_of(kn: Knowledge, name: Token, role: Token) -> bool:
    """Whether a name before a role is a company the role serves: "a Twitter spokesman" is the
    company's, not a government's; the name adds no sector of its own (not "House members",
    "police spokesman")."""
    return (
        name.pos_ == "PROPN"
        and name.ent_type_ not in ("PERSON", "GPE", "NORP", "LOC")
        and role.lemma_.lower() in kn.words.vocabulary.generic_roles
        and sector_of(kn, [name, role], role) == sector_of(kn, [role], role)
    )


def _person_served(kn: Knowledge, name: Token, role: Token) -> bool:
    """Whether a name before a role is a person the role serves: "Sanders aides", "a Clinton
    spokesman" are that person's staff (``[staff_words]``)."""
    return (
        name.ent_type_ == "PERSON" or kn.people.names_someone(name.text)
    ) and role.lemma_.lower() in kn.words.vocabulary.staff_words


def title_shared_by(kn: Knowledge, head: Token) -> Token | None:
    """The first name of a list whose title is for all of them: "Reps. Ileana Ros-Lehtinen and
    Carlos Curbelo", "Senators Ted Cruz and Marco Rubio" -> Ros-Lehtinen, Rubio's title is hers
    too. None when the name is not a later member of such a list."""
    if head.dep_ != "conj" or head.pos_ != "PROPN":
        return None
    first = head.head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    shared = kn.words.vocabulary.shared_titles
    if first.pos_ == "PROPN" and any(
        t.lower_ in shared for t in kids(first) if t.dep_ == "compound"
    ):
        return first
    return None
