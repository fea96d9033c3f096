"""Attribution: who says so, through which outlet, and who denies it.

An attribution is a cue (a verb of saying, believing or knowing from ``data/attribution_cues
.txt``, or "according to"), its source (the subject of the cue, the object of "according to")
and its content (the clause the cue governs, or a quotation). Each event inside a content takes
its claim from it: the claimant (the source, resolved like any actor), the cue, the stance the
cue and the clause give ("claimed", "reportedly" and unnamed sources make it *alleged*; "denied"
*denied*; "confirmed" *confirmed*), and the outlets it came through (``reported_via``: "as
reported by NPR", "according to Reuters", "told the BBC", a news agency that is itself the
source, and last the document's own outlet). A denial whose content matches an earlier event
(same kind of event, or the same word family: "deployment" for "deployed") disputes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventwire.coding.knowledge import Knowledge
from eventwire.coding.spans import doc_text, inside_quotation, kids, sentence_text, tokens_of
from eventwire.coding.tree import NOMINAL_SUBJECT_DEPS, inherited_subject, pobjs
from eventwire.coding.vocabulary import Vocabulary
from eventwire.model import Actor

ASSERTED, ALLEGED, DENIED, CONFIRMED = "asserted", "alleged", "denied", "confirmed"
CONTENT_OBJECTS = frozenset({"pobj", "pcomp"})  # "about his mic", "of using $50 million"
_QUOTES = '"“”'
QUOTE_SPAN = re.compile(r"[“\"]([^“”\"]{2,2000})[”\"]")


@dataclass
class Attribution:
    cue: Token
    cue_start: int
    cue_end: int
    source: Token | None
    source_start: int
    source_end: int
    content_start: int
    content_end: int
    stance: str
    direct: bool = False
    speaker: list[Actor] = field(default_factory=list)
    via: list[str] = field(default_factory=list)

    def cue_text(self) -> str:
        return doc_text(self.cue.doc)[self.cue_start : self.cue_end]

    def covers(self, offset: int) -> bool:
        return self.content_start <= offset < self.content_end


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def source_span(head: Token) -> tuple[int, int]:
    """The source phrase: the subject's subtree, up to a comma or a relative clause after it
    ("Dmitry Peskov, the Kremlin spokesman," is "Dmitry Peskov")."""
    tokens = sorted(head.subtree, key=lambda t: t.i)
    out = []
    for tok in tokens:
        if tok.i > head.i and (tok.text == "," or tok.dep_ in ("relcl", "acl")):
            break
        out.append(tok)
    while out and out[-1].is_punct:
        out.pop()
    return _span(out or [head])


def _cue_span(verb: Token) -> tuple[int, int]:
    """The cue with its auxiliaries and negation: "has learned", "did not say"."""
    left = [c for c in kids(verb) if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    start = min([verb, *left], key=lambda t: t.i)
    return start.idx, verb.idx + len(verb.text)


def _content_span(tokens: list[Token]) -> tuple[int, int]:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (
        tokens[0].is_punct or tokens[0].lower_ == "that" and tokens[0].dep_ == "mark"
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return _span(tokens) if tokens else (0, 0)


def _nested_report(tok: Token, table: dict[str, str]) -> bool:
    """A report inside the content of another ("Merrill says Machado promised to ...", "wants
    to say") is what the outer source says, not a report of its own; a denial stays one ("said
    Moscow denied it"), since a dispute is linked from it."""
    return (
        tok.dep_ in ("ccomp", "xcomp")  # "said she plans to", "wants to say"
        and tok.head.pos_ in ("VERB", "AUX")
        and tok.head.lemma_.lower() in table
        and table[tok.lemma_.lower()] != DENIED
    )


def sentence_attributions(kn: Knowledge, sent: Span) -> list[Attribution]:
    """The attributions of one sentence, in text order."""
    table, nominal, v = kn.words.cues, kn.words.nominal_cues, kn.words.vocabulary
    out: list[Attribution] = []
    for tok in tokens_of(sent):
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            att = _according(tok, sent)
            if att is not None:
                out.append(att)
            continue
        pos = tok.pos_  # read once: spaCy looks the string up on every access
        if pos == "NOUN":
            if tok.lemma_.lower() in nominal:
                att = _nominal(tok, nominal, v)
                if att is not None:
                    out.append(att)
            continue
        if pos not in ("VERB", "AUX") or tok.lemma_.lower() not in table:
            continue
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids(tok)):
            continue  # "as reported by NPR": a channel (see channels), not a claim
        if _nested_report(tok, table):
            continue  # "Stein said she plans to join": part of what Stein said
        if _inside_quote(tok):
            continue  # "I think ..." inside a quotation is the quoted speaker's, not a report
        subjects = [c for c in kids(tok) if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if len(subjects) > 1 and _follows_quote(tok):
            # "... Full panic mode,” said Leslie Wimes: the quotation's last words are no subject
            subjects = [c for c in subjects if c.i > tok.i] or subjects
        content_tokens = _content_of(tok, v)
        agents = [o for c in kids(tok) if c.dep_ == "agent" for o in kids(c) if o.dep_ == "pobj"]
        passive_subjects = [c for c in kids(tok) if c.dep_ == "nsubjpass"]
        if agents or passive_subjects:
            # "has been endorsed by dozens of papers", "was first reported by The Post": the
            # agent is the source, and the subject what it said something about. With no
            # agent ("was accused of using", "is expected to"), no source is named.
            if not content_tokens:
                content_tokens = [
                    t for c in _passive_content(tok, v) or passive_subjects for t in c.subtree
                ]
            subjects = agents
        quote_before = None
        if not content_tokens and subjects:
            # "..., Zelensky said in a video address." / "He said so on Tuesday.": the
            # sentence around the cue, or the quotation just before it ("... ?" he asks.)
            own = {x.i for x in tok.subtree}
            rest = [t for t in tokens_of(sent) if t.i not in own]
            saying = tok.lemma_.lower() in v.saying_alone
            if saying:
                content_tokens = rest
            if not rest:  # a quotation after the cue is only a verb of saying's
                quote_before = (
                    _quote_before(sent)
                    or _quote_ending_before(sent, tok)
                    or (_quote_after(tok) if saying else None)
                )
            if saying and not rest and quote_before is None:
                # "Language unclear on ..., experts say.": the parser hung the reported clause
                # on the cue; it is what precedes the cue, besides the source
                content_tokens = [
                    t
                    for c in kids(tok)
                    if c.i < tok.i and c not in subjects and c.dep_ not in ("aux", "neg", "punct")
                    and len(list(c.subtree)) >= 3
                    for t in c.subtree
                ]  # fmt: skip
        if not content_tokens and quote_before is None:
            continue
        if not subjects and tok.dep_ == "advcl" and tok.tag_ == "VBG":
            subjects = [
                c for c in kids(tok.head) if c.dep_ in NOMINAL_SUBJECT_DEPS
            ]  # ", adding that"
        if not subjects and tok.dep_ == "conj":
            # "... and encouraged Americans to": the subject of the clause it is joined to
            subjects = inherited_subject(tok)
        source = subjects[0] if subjects and subjects[0].lower_ not in ("it", "there") else None
        s_start, s_end = source_span(source) if source is not None else (0, 0)
        c_start, c_end = quote_before or _content_span(content_tokens)
        c_start, c_end = min(c_start, c_end), max(c_start, c_end)
        stance = table[tok.lemma_.lower()]
        if any(t.dep_ == "neg" for t in kids(tok)) and stance == ASSERTED:
            stance = DENIED  # "did not say", "never said": no assertion
        att = Attribution(
            tok, *_cue_span(tok), source, s_start, s_end, c_start, c_end, stance,
            direct=_quoted(sent, c_start, c_end),
        )  # fmt: skip
        out.append(att)
    labelled = _speaker_label(sent, v)
    if labelled is not None:
        out.insert(0, labelled)
    out += _author_after_quote(sent)
    return out


# Dashes that put a quotation's author after it (“...” ― Name).
AUTHOR_DASHES = frozenset({"―", "—", "–"})
NO_SPEAKER_ENTITIES = frozenset(
    {"DATE", "TIME", "EVENT", "MONEY", "CARDINAL", "LAW", "WORK_OF_ART"}
)


def _speaker_label(sent: Span, v: Vocabulary) -> Attribution | None:
    """Headline and transcript style: a name and a colon opening a paragraph ("Pence: Trump was
    'mocking' Clinton", "WALLACE: Let's start ..."); the colon is the cue."""
    text = doc_text(sent.doc)
    if sent.start_char and text[sent.start_char - 1] != "\n":
        return None
    if ":" not in sentence_text(sent):
        return None  # most sentences: no colon, no label
    tokens = [t for t in tokens_of(sent) if not t.is_space]
    while tokens and tokens[0].text in _QUOTES + "'‘":
        tokens = tokens[1:]
    colon = next((k for k, t in enumerate(tokens[:7]) if t.text == ":"), None)
    if not colon or colon + 1 >= len(tokens):
        return None
    label = tokens[:colon]
    if any(not (t.text[:1].isupper() or t.text in ("'s", "’s", ".", "-")) for t in label):
        return None
    if any(t.lower_ in v.label_words for t in label):
        return None
    head = label[-1]
    # A transcript's "WALLACE:" is a speaker whatever the tagger makes of it; a headline's
    # capitalised label ("Poll: ...", "Sanders: ...") may be tagged as a common noun.
    if not head.is_upper and (
        head.ent_type_ in NO_SPEAKER_ENTITIES or head.pos_ not in ("PROPN", "NOUN")
    ):
        return None
    c_start, c_end = _content_span(tokens[colon + 1 :])
    if c_end <= c_start:
        return None
    cue = tokens[colon]
    s_start, s_end = _span(label)
    return Attribution(
        cue, cue.idx, cue.idx + 1, head, s_start, s_end, c_start, c_end, ASSERTED,
        direct=_quoted(sent, c_start, c_end),
    )  # fmt: skip


def _author_after_quote(sent: Span) -> list[Attribution]:
    """Epigraph style: a quotation, a dash, then its author (“... A real disgrace.” ― Ana Ruiz)."""
    text = doc_text(sent.doc)
    out: list[Attribution] = []
    if not any(d in sentence_text(sent) for d in AUTHOR_DASHES):
        return out  # most sentences: no dash, no author after a quotation
    tokens = tokens_of(sent)
    for k, dash in enumerate(tokens):
        # the tokenizer may glue the dash to the closing mark ("”―")
        if dash.text[-1:] not in AUTHOR_DASHES or dash.text[:-1].strip(_QUOTES):
            continue
        at = dash.idx + len(dash.text) - 1  # the dash itself
        quotation = _quotation_ending_at(text, at, 3)
        if quotation is None:
            continue
        name: list[Token] = []
        for tok in tokens[k + 1 : k + 6]:
            if tok.is_space:
                continue
            if not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN"):
                break
            name.append(tok)
        if not name:
            continue
        s_start, s_end = _span(name)
        out.append(
            Attribution(
                dash, at, at + 1, name[-1], s_start, s_end,
                *quotation, ASSERTED, direct=True,
            )
        )  # fmt: skip
    return out


def _content_of(cue: Token, v: Vocabulary) -> list[Token]:
    """What a cue reports: its complement clause ("said that ..."), the object of a denial or
    confirmation ("denied the allegations"), or, for a cue the parser hung on the reported
    clause ("Troops crossed the border, the ministry said"), that clause before it."""
    content = [c for c in kids(cue) if c.dep_ == "ccomp"]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids(cue))
    if not content and cue.lemma_.lower() in v.intending | v.urging and not passive:
        content = [c for c in kids(cue) if c.dep_ == "xcomp"]  # "wants to", "urged X to"
    if not content and cue.lemma_.lower() in ("call", "cite", "point", "ask"):
        # "called for a ceasefire", "pointed to the polls"
        content = pobjs(cue, {"for", "to", "on"}, via=("prep",)) or [
            c for c in kids(cue) if c.dep_ == "dobj"
        ]
    if not content and cue.lemma_.lower() in v.object_content:
        content = [c for c in kids(cue) if c.dep_ == "dobj"]
    if not content and not passive:
        # "complained about his mic", "is promising lower taxes", "responded with attacks":
        # what the cue is about, said or done in words
        # "spoke to reporters", "talked with aides": whom they spoke to, not what about
        speaking = cue.lemma_.lower() in v.saying_alone | {"speak", "talk"}
        preps = v.content_preps - v.addressee_preps if speaking else v.content_preps
        content = [c for c in kids(cue) if c.dep_ == "dobj"] or [
            o
            for o in pobjs(cue, preps, CONTENT_OBJECTS, via=("prep",))
            if o.ent_type_ not in ("DATE", "TIME")  # "on Friday"
        ]
    if content:
        return [t for c in content for t in c.subtree]
    if cue.dep_ in ("parataxis", "advcl") and cue.head.i < cue.i:
        own = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i < cue.i and t.i not in own]
    return []


def _nominal(cue: Token, nominal: dict[str, str], v: Vocabulary) -> Attribution | None:
    """A nominal cue with its owner or its content: "Trump's claim that there have been ...",
    "his comments on the shooting", "claims of abuse", "worries that the E.U. was ..."."""
    if _inside_quote(cue):
        return None
    owners = [c for c in kids(cue) if c.dep_ == "poss"] or pobjs(cue, {"by", "from"}, via=("prep",))
    content = [c for c in kids(cue) if c.dep_ in ("acl", "ccomp", "relcl") and c.i > cue.i]
    content = [c for c in content if c.dep_ != "relcl" or _that_clause(c)] or pobjs(
        cue, v.content_preps, CONTENT_OBJECTS, via=("prep",)
    )
    if not owners or not content:
        return None
    source = owners[0] if owners[0].lower_ not in ("it", "its") else None
    s_start, s_end = _span([t for t in source.subtree if t.dep_ != "case"]) if source else (0, 0)
    c_start, c_end = _content_span([t for c in content for t in c.subtree])
    c_start, c_end = min(c_start, c_end), max(c_start, c_end)
    stance = nominal[cue.lemma_.lower()]
    return Attribution(
        cue, cue.idx, cue.idx + len(cue.text), source, s_start, s_end, c_start, c_end, stance,
        direct=_quoted(cue.sent, c_start, c_end),
    )  # fmt: skip


def _that_clause(clause: Token) -> bool:
    """ "the claim that X happened" (content), not "the claim that he made" (a relative)."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in kids(clause))


def _passive_content(cue: Token, v: Vocabulary) -> list[Token]:
    """What a passive cue reports, besides its subject: "accused of using", "criticized for
    being slow", "expected to continue", "labeled 'Mostly True'"."""
    return [c for c in kids(cue) if c.dep_ in ("xcomp", "oprd")] or pobjs(
        cue, v.content_preps | {"as"}, CONTENT_OBJECTS, via=("prep",)
    )


def _according(tok: Token, sent: Span) -> Attribution | None:
    to = tok.nbor(1)
    objs = [c for c in kids(to) if c.dep_ == "pobj"] or [c for c in kids(tok) if c.dep_ == "pobj"]
    if not objs:
        return None
    source = objs[0]
    s_start, s_end = source_span(source)
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree} | {tok.i, to.i}
    rest = [t for t in tokens_of(sent) if t.i not in phrase and not t.is_space]
    if not rest:
        return None
    c_start, c_end = _content_span(rest)
    return Attribution(
        tok, tok.idx, to.idx + len(to.text), source, s_start, s_end, c_start, c_end, ASSERTED,
        direct=False,
    )  # fmt: skip


def _quote_before(sent: Span) -> tuple[int, int] | None:
    """The quotation that ends right before a sentence (""..." Jordan said Monday.")."""
    return _quotation_ending_at(doc_text(sent.doc), sent.start_char, 4)


def _quotation_ending_at(text: str, pos: int, slack: int) -> tuple[int, int] | None:
    """The quotation (without its marks) whose closing mark lies within ``slack`` characters
    before ``pos``."""
    if not any(q in text[max(pos - slack, 0) : pos] for q in '”"'):
        return None
    # (both searches bounded: a mark lies within the slack, and an opening mark further back
    # than 2,000 characters makes no quotation)
    low = max(pos - slack, 0)
    close = max(text.rfind("”", low, pos), text.rfind('"', low, pos))
    low = max(close - 2001, 0)
    opening = max(text.rfind("“", low, close), text.rfind('"', low, close))
    if opening < 0 or close - opening > 2000:
        return None
    return opening + 1, close


def _quote_ending_before(sent: Span, cue: Token) -> tuple[int, int] | None:
    """A quotation that ends just before the cue ("“...,” he said"), when the parser hung the
    quotation's words on the cue; it may have opened sentences before."""
    text = doc_text(sent.doc)
    found = None
    for m in QUOTE_SPAN.finditer(text, sent.start_char, cue.idx):
        found = m
    if found is None or len(text[found.end() : cue.idx].strip(" ,")) > 40:
        return _quotation_ending_at(text, cue.idx, 4) if _follows_quote(cue) else None
    return found.start(1), found.end(1)


def _follows_quote(cue: Token) -> bool:
    """Whether a closing quotation mark comes right before the cue (",” said Wimes")."""
    before = doc_text(cue.doc)[max(cue.idx - 4, 0) : cue.idx]
    return "”" in before or (before.count('"') == 1 and before.rstrip().endswith(('"', '",')))


def _quote_after(cue: Token) -> tuple[int, int] | None:
    """The quotation a cue introduces (Trump said, “When people ...” / said: “...”)."""
    text = doc_text(cue.doc)
    end = cue.idx + len(cue.text)
    window = text[end : end + 12]
    at = min((window.find(q) for q in '“"' if q in window), default=-1)
    if at < 0 or len(window[:at].strip(" ,:")) > 8:
        return None  # the quotation must follow the cue, across a comma or colon at most
    start = end + at + 1
    ends = (text.find("”", start, start + 2001), text.find('"', start, start + 2001))
    close = min((i for i in ends if i > 0), default=-1)
    if close < 0 or close - start > 2000:
        return None
    return start, close


def _inside_quote(tok: Token) -> bool:
    """Whether a token stands inside quotation marks opened earlier in its paragraph."""
    return inside_quotation(tok.doc, tok.idx)


def _quoted(sent: Span, start: int, end: int) -> bool:
    text = doc_text(sent.doc)
    before = text[max(start - 2, 0) : start]
    after = text[end : end + 2]
    return any(q in before for q in _QUOTES) and any(q in after for q in _QUOTES)
