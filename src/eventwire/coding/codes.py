"""CAMEO codes and roots that coding rules name, in one place: what each set is for is said
beside it. Every entry is a CAMEO code or root (tests/test_architecture.py checks it)."""

from __future__ import annotations

# "Protest" by a state is an official complaint (114); by anyone else, a demonstration (141).
OFFICIAL_PROTEST_CODES = frozenset({"114"})

PEOPLE_PROTEST_CODE = "141"

# People's complaints that are no protest ("supporters complained about the lines") disapprove.
INFORMAL_COMPLAINT_CODE = "110"

# Roots whose object, when it is the actor's own forces, is no target ("deployed troops").
OWN_FORCES_ROOTS = frozenset({"15"})

# Roots whose target, when none is named, is the acting party's own country.
DOMESTIC_ROOTS = frozenset({"14", "17"})

# "said it would not join the sanctions", "will not approve Sweden's membership": a party's own
# statement that it will not act is a refusal (CAMEO 12, PLOVER REJECT), whatever the act.
REFUSAL_CODE = "120"

# Measures over a whole population (curfews, states of emergency, internet shutdowns), imposed
# or lifted: with no party named, they have no target, not the country they are imposed in nor
# the protesters they followed.
POPULATION_MEASURE_CODES = frozenset({"1721", "1723", "1724", "0813", "0814"})

# Magnitudes that make violence mass violence (CAMEO 20). The codebook gives no number; these
# mark what news reports call massacres and mass expulsions.
KILLING_CODES = frozenset({"180", "1823", "190", "193", "186", "200"})

MASS_KILLING_CODE = "202"

EXPULSION_CODES = frozenset({"174", "166"})

MASS_EXPULSION_CODE = "201"

# Deployments of forces into another country are military support, not posture.
MOBILIZE_ROOTS = frozenset({"15"})

FOREIGN_DEPLOYMENT_CODE = "074"

# Generic "kill", "shoot", "attack" by irregular actors is unconventional violence.
CONVENTIONAL_FORCE_CODES = frozenset({"190", "193"})

UNCONVENTIONAL_VIOLENCE_CODE = "180"

RIOT_CODE = "145"

# Roots of material conflict whose target, when no party is named, is the country where the
# event happens (GDELT and ICEWS code "strikes in southern Lebanon" against Lebanon).
PROTEST_ROOT = "14"

YIELD_ROOT = "08"

REFUSAL_ROOTS = frozenset({"01", "12", "16"})

PLACE_TARGET_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})

# Codes whose verbs govern a complement that is not a separate event: the accusation, demand,
# threat, appeal, promise or refusal is the event ("accused X of attacking", "threatened to
# strike", "urged X to release"). Denials govern too: the denied event is kept as negated.
GOVERNING_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})

DENIAL_CODES = frozenset({"016"})

# Declining to comment (011): what is not confirmed is not reported as fact either.
NO_COMMENT_CODE = "011"

# Roots of material conflict, which sports reporting borrows the words of ("crushed", "beat",
# "attack"). Protest (14) is not among them: a protest against the Olympic Games is a protest.
CONFLICT_ROOTS = frozenset({"15", "17", "18", "19", "20"})

# Roots of violence, and the generic codes a more specific description of the same act replaces.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})

GENERIC_VIOLENCE_CODES = frozenset({"180", "190", "193"})

# Speech acts that state the purpose of a protest ("marched to demand") belong to the protest.
PURPOSE_ROOTS = frozenset({"02", "10", "11", "12"})

# Nominal cooperation events that are often only mentioned as a topic.
MENTION_ROOTS = frozenset({"03", "04", "05"})

DEMAND_CODE = "100"

# Acts in words, which happen where the speaker is, not in the country they are about
# ("Obama criticized Iran" is no event in Iran); meetings and visits (04) take place somewhere.
# Roots of words about someone's doing, where what is spoken of stands for its owner even by a
# possessive pronoun: "slammed his proposal" is aimed at him.
JUDGING_ROOTS = frozenset({"05", "11", "12"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
# Acts placed, like words, where whoever acts is: those and reducing relations (16), decided
# at home ("The Security Council imposed sanctions on North Korea" is no event in North Korea);
# not expulsions (166), done where those expelled are.
SOURCE_PLACED_ROOTS = VERBAL_ROOTS | {"16"}
EXPULSION_PREFIX = "166"


def placed_by_source(code: str) -> bool:
    """Whether an event of this code happens where whoever acts is (see SOURCE_PLACED_ROOTS)."""
    return code[:2] in SOURCE_PLACED_ROOTS and not code.startswith(EXPULSION_PREFIX)


# Plain statements (010) are the speech act around reported content, not an event of their own.
STATEMENT_CODES = frozenset({"010"})

# Accusations (112x): with no accuser, the participle only describes the one accused.
UNSAID_PREFIX = "112"

# Roots from which events are material (investigations, demands, protests, force): a
# participle of these still acts.
MATERIAL_ROOTS_FROM = "09"
