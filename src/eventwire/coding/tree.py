"""Reading the dependency tree: the participants of a trigger (subjects, objects, the
prepositions that bring targets, subjects shared through control and coordination)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.coding.lexicon import Entry
from eventwire.coding.spans import conjuncts, kids
from eventwire.coding.vocabulary import VOCABULARY

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Subjects that are noun phrases (not clauses): who speaks, who acts.
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


OBJECT_DEPS = frozenset({"dobj", "obj"})


# Clauses whose missing subject is the governing verb's subject ("agreed to send troops",
# "attacked and killed", "met X, urging Y").
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp", "oprd"})


# How many steps up the tree a missing subject is looked for.
MAX_INHERIT_STEPS = 4


def _passive(tok: Token) -> bool:
    """A passive verb, or a participle after the noun it is done to ("prisoners released by
    Israel")."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        # with its agent, or right after a noun that has a role in a clause of its own; not
        # "200 people, mostly women, protested", which the parser also hangs on a noun
        if any(c.dep_ == "agent" for c in kids(tok)):
            return True
        return (
            tok.i == tok.head.i + 1
            and tok.head.dep_ not in ("ROOT", "appos", "nsubj")
            and tok.sent.root.pos_ in ("VERB", "AUX")  # the parse has found the main verb
        )
    for c in kids(tok):  # noqa: SIM110 (a loop costs less than any() over a generator here)
        if c.dep_ in ("nsubjpass", "auxpass"):
            return True
    return False


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Heads with their conjuncts and proper-name appositions ("on Mexico, Canada")."""
    out: list[Token] = []
    seen: set[int] = set()
    for tok in tokens:
        appositions = [
            c for c in kids(tok) if c.dep_ == "appos" and c.pos_ == "PROPN" and not _stranded(c)
        ]
        for t in (tok, *conjuncts(tok), *appositions):
            if t.i not in seen:
                seen.add(t.i)
                out.append(t)
    return out


def stranded_subject(verb: Token) -> list[Token]:
    """The subject the parser hung on an opening clause, for a verb with none: "Speaking in
    Harlem, Clinton, without naming him, accused Sanders" ("Clinton" in apposition to
    "Harlem"); "While condemning North Korea's actions, Moscow and Beijing continue ..."."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    for clause in kids(verb):
        if clause.dep_ == "advcl" and clause.i < verb.i:
            for t in clause.subtree:
                if t.dep_ == "appos" and _stranded(t):
                    return [t, *conjuncts(t)]
    return []


def _stranded(appos: Token) -> bool:
    """A name in apposition to the last word of an opening clause, right before the main
    verb's subject position, when that verb has no subject: the subject, misparsed."""
    doc = appos.doc
    verb = appos.head
    while verb.dep_ not in ("advcl", "ROOT") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "advcl" or appos.i < 2 or doc[appos.i - 1].text != ",":
        return False
    main = verb.head
    return (
        appos.pos_ in ("PROPN", "NOUN")
        and appos.i < main.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in kids(main))
    )


def _headline_subjects(verb: Token, subjects: list[Token]) -> list[Token]:
    """Headline grammar joins subjects with a comma: "Putin, Xi sign pact" (the parser hangs the
    first name on the verb)."""
    if not subjects:
        return []
    first = min(s.i for s in subjects)
    return [
        c
        for c in kids(verb)
        if c.pos_ == "PROPN"
        and c.i < first
        and c.dep_ in ("dep", "advcl", "npadvmod", "appos")
        and any(t.text == "," for t in verb.doc[c.i + 1 : first])
    ]


def children_of(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in kids(tok) if c.dep_ in deps]


PREP_DEPS = ("prep", "agent", "dative")


def pobjs(
    tok: Token,
    preps: frozenset[str] | set[str],
    objects: frozenset[str] | set[str] = frozenset({"pobj"}),
    via: tuple[str, ...] = PREP_DEPS,
) -> list[Token]:
    """Objects of the given prepositions attached to ``tok`` (``objects``: their dependency
    labels, "pcomp" for a clause; ``via``: how the preposition hangs on ``tok``)."""
    out = []
    for child in kids(tok):
        if child.dep_ in via and child.lower_ in preps:
            out.extend(children_of(child, objects))
    return out


def verb_objects(tok: Token) -> list[Token]:
    """What the verb acts on: its direct object, or for a passive its (inherited) subject; a
    measure stands for what it measures ("seized 800 hectares of land" -> land)."""
    if _passive(tok):
        heads = children_of(tok, {"nsubjpass"}) or inherited_subject(tok)
    else:
        heads = (
            children_of(tok, OBJECT_DEPS | {"attr"})
            or [
                # "shelled Kremenchuk, Poltava": a name the parser hung on as an adverbial
                c
                for c in kids(tok)
                if c.dep_ == "npadvmod"
                and c.pos_ == "PROPN"
                and c.ent_type_ not in ("DATE", "TIME")
            ]
            or raised_object(tok)
        )
    return _with_conjuncts([_measured(h) for h in heads])


def predicate_adjectives(tok: Token) -> list[Token]:
    """Adjectives the verb predicates of its object or subject ("found the journalist
    guilty", "was found guilty")."""
    return [c for c in kids(tok) if c.dep_ in ("ccomp", "oprd", "acomp") and c.pos_ == "ADJ"]


def _infinitives(tok: Token) -> list[Token]:
    """The verb's complements in the infinitive ("allowed trucks to enter Gaza")."""
    return [
        clause
        for clause in kids(tok)
        if clause.dep_ in ("ccomp", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(clause))
    ]


def raised_infinitives(tok: Token) -> list[Token]:
    """Infinitives whose subject the verb acts on ("ordered peacekeepers to leave")."""
    return [c for c in _infinitives(tok) if c.dep_ == "ccomp" and c.pos_ == "VERB"]


def raised_object(tok: Token) -> list[Token]:
    """ "allowed aid trucks to enter Gaza", "ordered peacekeepers to leave": the parser makes
    the one acted on the subject of the infinitive that follows; it is the verb's object."""
    for clause in _infinitives(tok):
        return children_of(clause, NOMINAL_SUBJECT_DEPS)
    return []


def _measured(head: Token) -> Token:
    if head.lemma_.lower() in VOCABULARY.measure_words:
        for obj in pobjs(head, frozenset({"of"})):
            return obj
    return head


def copula_of(tok: Token) -> Token | None:
    """The "be" a noun is the subject of, whose prepositions are the noun's: "our thoughts are
    with the victims"."""
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.head.lemma_ == "be":
        return tok.head
    return None


def prep_object_pairs(tok: Token, objects: list[Token]) -> list[tuple[str, Token]]:
    """(preposition, its object) of every prepositional phrase on the trigger and then on its
    direct objects (``objects``, from :func:`verb_objects`), in that order: the objects of a
    set of prepositions are those whose preposition is in it."""
    pairs: list[tuple[str, Token]] = []
    copula = copula_of(tok)
    for head in (tok, *objects, *([copula] if copula is not None else [])):
        for child in kids(head):
            if child.dep_ in PREP_DEPS:
                word = child.lower_
                pairs += [(word, o) for o in kids(child) if o.dep_ == "pobj"]
    return pairs


def _clause_of(prep: Token) -> Token:
    """The verb a prepositional elaboration ("including blowing up", "by providing") belongs
    to. The parser sometimes hangs it on a nearby noun; the clause it elaborates is then the
    nearest preceding verb that has a subject."""
    if prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    for i in range(prep.i - 1, -1, -1):  # back to the sentence start (cheaper than .sent)
        tok = prep.doc[i]
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS for c in kids(tok)):
            return tok
        if tok.is_sent_start:
            break
    return prep.head


def inherited_subject(tok: Token) -> list[Token]:
    """The subject a clause without one shares with the clause that governs it."""
    cur = tok
    for _ in range(MAX_INHERIT_STEPS):
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            return [cur.head]
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            clause = _clause_of(cur.head)
            objects = children_of(clause, OBJECT_DEPS)
            if cur.head.lower_ in ("for", "of") and objects and clause.pos_ == "VERB":
                return objects  # "praised Kenya for agreeing to", "accused Iran of sending"
            cur = clause
        elif cur.dep_ == "conj":
            cur = _coordinated_with(cur)
        elif cur.dep_ in CONTROL_DEPS:
            cur = cur.head
        elif cur.dep_ in ("pobj", "dobj") and cur.pos_ == "NOUN":
            cur = cur.head if cur.dep_ == "dobj" else cur.head.head
        else:
            return []
        subjects = (
            children_of(cur, {"nsubj", "csubj"})
            or (children_of(cur, {"nsubjpass"}) if cur.dep_ != "xcomp" else [])
            or stranded_subject(cur)
        )
        if subjects:
            return subjects
        if cur.dep_ == "xcomp" and _passive(cur.head):
            return children_of(cur.head, {"nsubjpass"})
    return []


def _coordinated_with(tok: Token) -> Token:
    """The verb a conjoined verb is coordinated with: its head, unless the head is a bare verb
    after an auxiliary and the conjunct is finite, which cannot share that auxiliary ("Farage
    said the President did not know ..., and accused Downing Street": "accused" goes with
    "said"); then the nearest verb above of the conjunct's own form."""
    head = tok.head
    if tok.tag_ not in ("VBD", "VBZ") or head.tag_ != "VB":
        return head
    if not any(c.dep_ == "aux" for c in kids(head)):
        return head
    up = head
    for _ in range(MAX_INHERIT_STEPS):
        if up.head is up:
            break
        up = up.head
        if up.tag_ == tok.tag_ and up.pos_ == "VERB":
            return up
    return head


def shared_objects(tok: Token) -> list[Token]:
    """The direct objects of the verbs coordinated with this one, when it has none of its own:
    "arrested and handed over a dissident", "accused Algeria of ... and recalled its ambassador"
    (the party the first acts on is the party of the second); none when its own object carries
    what it says ("denounced the UN and rejected rumors that Obama ...")."""
    if tok.pos_ != "VERB" or any(
        c.dep_ == "dobj" and any(k.dep_ in ("acl", "ccomp") for k in kids(c)) for c in kids(tok)
    ):
        return []
    verbs = [c for c in kids(tok) if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    return _with_conjuncts([o for v in verbs for o in children_of(v, OBJECT_DEPS)])


def inherited_targets(tok: Token) -> list[Token]:
    """Participants an elaborating clause shares with the clause it elaborates: "raised tensions
    with South Korea, including blowing up roads" -> South Korea."""
    cur = tok
    for _ in range(2):
        if (
            cur.dep_ == "pcomp"
            and cur.head.dep_ == "prep"
            and cur.head.lower_ in VOCABULARY.elaborating_preps
        ):
            gov, preps = _clause_of(cur.head), VOCABULARY.inherited_preps
            heads = pobjs(gov, preps) + children_of(gov, OBJECT_DEPS)
            for obj in children_of(gov, OBJECT_DEPS):
                heads += pobjs(obj, preps)
            return _with_conjuncts(heads)
        cur = cur.head
    return []


@dataclass
class Arguments:
    """Candidate heads of an event's participants, before resolution."""

    sources: list[Token]
    targets: list[Token]
    themes: list[Token]
    fallback_targets: list[Token]


def complement_targets(tok: Token) -> list[Token]:
    """The party an embedded action is aimed at: "refused to ease sanctions on Caracas",
    "threatened to attack any U.S. warship"."""
    heads: list[Token] = []
    preps = VOCABULARY.default_target_preps
    for clause in children_of(tok, {"xcomp"}) or _infinitives(tok):
        heads += children_of(clause, OBJECT_DEPS) + pobjs(clause, preps)
        heads += raised_object(clause)  # "refused to allow the UN envoy to meet ..."
        for obj in children_of(clause, OBJECT_DEPS):
            heads += pobjs(obj, preps)
    return _with_conjuncts(heads)


def _counted(tok: Token) -> list[Token]:
    """A crowd counted before the verb that the parser took for a prepositional phrase:
    "between 1,100 and 1,500 persons demonstrated"."""
    return [
        o
        for c in kids(tok)
        if c.dep_ == "prep" and c.lower_ == "between" and c.i < tok.i
        for o in children_of(c, {"pobj"})
        if any(n.dep_ == "nummod" for n in kids(o))
    ]


# How the parser hangs a preposition's object on the verb when it misreads the phrase.
STRANDED_DEPS = frozenset({"nsubj", "oprd", "dobj", "attr", "npadvmod"})


def _stranded_objects(tok: Token, sources: list[Token]) -> list[Token]:
    """Nouns the parser hung on the verb right after a preposition of the verb it left with no
    object: that preposition's object ("called on Michigan Gov. Rick Snyder (R) to resign",
    where "Snyder" came out a second subject or an object predicate)."""
    out = []
    for prep in kids(tok):
        if prep.dep_ != "prep" or prep.i < tok.i or any(c.dep_ == "pobj" for c in kids(prep)):
            continue
        out += [
            c
            for c in kids(tok)
            if c.dep_ in STRANDED_DEPS and c.i > prep.i and c.left_edge.i == prep.i + 1
        ]
    return out if any(s not in out for s in sources) else []  # a subject is left to act


def verb_arguments(tok: Token, entry: Entry) -> Arguments:
    """The participants of a verb trigger.

    The theme is what the verb acts on when the target comes through a preposition ("sent
    troops to Russia": troops is the theme, Russia the target); a theme that is an actor stands
    in for a missing source ("soldiers are expected to be deployed to Russia"). Without object
    constraints, a direct object that is an actor is the target, and prepositional objects are
    the fallback ("accused Moscow of ...", "offered condolences to Turkey").
    """
    passive = _passive(tok)
    if passive:
        sources = pobjs(tok, frozenset({"by"})) or [  # "was found guilty ... by the court"
            a for c in predicate_adjectives(tok) for a in pobjs(c, frozenset({"by"}))
        ]
        direct = children_of(tok, {"nsubjpass"}) or inherited_subject(tok)
    else:
        sources = (
            children_of(tok, {"nsubj", "csubj"})
            or inherited_subject(tok)
            or _counted(tok)
            or stranded_subject(tok)
        )
        sources = _headline_subjects(tok, sources) + sources
        direct = children_of(tok, OBJECT_DEPS | {"attr"}) + children_of(tok, {"dative"})
    direct = _with_conjuncts(direct)
    prep_targets: list[Token] = []
    for stray in _stranded_objects(tok, sources):  # "called on Michigan Gov. Rick Snyder (R)
        sources = [s for s in sources if s is not stray]  # to resign": the noun after a bare
        direct = [d for d in direct if d is not stray]  # "on" is its object
        prep_targets.append(stray)
    for particle in entry.particles:  # "call on X", "cracked down on X"
        prep_targets += pobjs(tok, frozenset({particle}))
    preps = entry.target_preps or VOCABULARY.default_target_preps
    prep_targets += pobjs(tok, preps)
    for obj in direct:
        prep_targets += pobjs(obj, preps)
        for inner in pobjs(obj, frozenset({"in", "of", "as"})):  # "$4bn in aid to Ukraine"
            prep_targets += pobjs(inner, preps)
    prep_targets += _clause_subjects(tok)
    named_object = any(
        o.lemma_.lower() in entry.objects or o.lower_ in entry.objects
        for o in [*direct, *pobjs(tok, preps)]
    )
    if "topicobject" in entry.flags or (
        entry.objects and (named_object or not children_of(tok, {"xcomp"}))
    ):
        args = Arguments(sources, prep_targets, direct, [])
    else:
        args = Arguments(sources, direct, [], prep_targets)
    if entry.source_preps:
        # "received a call from", "drawing sharp criticism from EU partners" (on the object)
        from_source = pobjs(tok, entry.source_preps) or [
            s for obj in direct for s in pobjs(obj, entry.source_preps)
        ]
        if from_source:
            args.targets, args.fallback_targets = args.sources, []
            args.sources = from_source
    args.sources = _with_conjuncts(args.sources)
    args.targets = _with_conjuncts(args.targets)
    args.fallback_targets = _with_conjuncts(args.fallback_targets)
    return args


def adjective_arguments(tok: Token, entry: Entry) -> Arguments:
    """Participants of a predicative adjective: the subject of its copula ("Japan was
    pessimistic about ...") or its own ("Egypt says ready to ..." -> Egypt), targets through
    its prepositions."""
    holder = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    sources = children_of(holder, {"nsubj", "nsubjpass"}) or children_of(tok, {"nsubj"})
    if not sources:
        sources = inherited_subject(holder)
    preps = entry.target_preps or VOCABULARY.default_target_preps | {"about", "by"}
    targets = pobjs(tok, preps)
    for obj in list(targets):
        targets += pobjs(obj, VOCABULARY.default_target_preps)
    targets += _clause_subjects(tok)
    return Arguments(_with_conjuncts(sources), _with_conjuncts(targets), [], [])


def complement_objects(tok: Token) -> list[Token]:
    """What a reported clause acts on: its objects and the targets of its prepositions."""
    heads: list[Token] = []
    preps = VOCABULARY.default_target_preps
    for clause in children_of(tok, {"ccomp", "xcomp"}):
        for verb in [clause, *children_of(clause, {"xcomp"})]:
            heads += children_of(verb, OBJECT_DEPS | {"dative"}) + pobjs(verb, preps)
    return _with_conjuncts(heads)


def _clause_subjects(tok: Token) -> list[Token]:
    """The subject of a complement clause: "demanded that Russia release ..." -> Russia."""
    out = []
    for clause in children_of(tok, {"ccomp"}):
        out += children_of(clause, {"nsubj", "nsubjpass"})
    return out


def noun_arguments(tok: Token, entry: Entry) -> Arguments:
    """(source heads, target heads, object heads) of a nominal trigger ("Russia's invasion of
    Ukraine", "Israeli airstrikes on Gaza", "talks with the rebels")."""
    sources = children_of(tok, {"poss"}) + pobjs(tok, frozenset({"by"}))
    targets = pobjs(tok, entry.target_preps) if entry.target_preps else []
    copula = copula_of(tok)
    if not targets and entry.target_preps and copula is not None:
        targets = pobjs(copula, entry.target_preps)
    between = pobjs(tok, frozenset({"between"}))
    if between and not sources:
        # "talks between the government and the rebels", "clashes between police and
        # protesters": both parties act, together.
        sources = between
        targets = [t for t in targets if t not in between]
    if not targets:  # "the bombings that killed 90 people": the clause names the victims
        for clause in children_of(tok, {"relcl", "acl"}):
            targets += children_of(clause, OBJECT_DEPS)
    if entry.source_preps:
        sources += pobjs(tok, entry.source_preps)
    if not sources:
        carrier = carrier_verb(tok)
        if carrier is not None:
            sources = children_of(carrier, {"nsubj"}) or inherited_subject(carrier)
    if not sources and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        verb = tok.head.head
        if verb.pos_ == "VERB" and tok.head.dep_ == "prep":
            # "launched a satellite in defiance of UN resolutions", "used sarin in the attack
            # on Khan Sheikhoun": the subject of the act acts in it
            sources = children_of(verb, {"nsubj"}) or inherited_subject(verb)
    return Arguments(_with_conjuncts(sources), _with_conjuncts(targets), [], [])


def carrier_verb(tok: Token) -> Token | None:
    """The verb that carries a nominal event: "carried out airstrikes", "claimed responsibility
    for the bombing"."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "compound":  # "held a protest sit-in"
            cur = cur.head
        if cur.dep_ in ("dobj", "attr", "nsubjpass") and cur.head.pos_ in ("VERB", "AUX"):
            verb = cur.head
            return verb if verb.lemma_.lower() in VOCABULARY.carrier_verbs else None
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            if (
                cur.head.lower_ == "in"
                and cur.head.head.lemma_.lower() in VOCABULARY.engaging_verbs
            ):
                return cur.head.head  # "engaged in an offensive", "took part in a protest"
            cur = cur.head.head
        else:
            return None
    return None
