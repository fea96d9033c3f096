"""Boilerplate removal for extracted article text.

``clean(raw)`` splits the text into lines, marks the debris a scraper leaves and returns the
title, the dek and the body paragraphs, with every removed span (offsets into ``raw``) and its
reason. The rules are about the *structure* of pages: repetition, position, truncation, runs of
short lines, and the shape of link lists. A small vocabulary of interface words that all news
sites share (``data/boilerplate.json``) backs them up; nothing is specific to one site.

Reasons: ``whitespace``, ``ad-marker``, ``caption``, ``credit``, ``prompt``, ``related-link``,
``duplicate``, ``kicker``, ``link-list``, ``teaser-list``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.data import load_json
from eventwire.model import CleanedText, RemovedSpan, Segment

# A text with at most this many non-empty lines and characters, and no known headline, is a short
# input (a sentence, a note): it comes through untouched, because page-structure rules need a
# page to reason about.
SHORT_INPUT_MAX_LINES = 3
SHORT_INPUT_MAX_CHARS = 600
# Labels of link lists and share bars: 1-3 words, at most this long. Sub-headings of real
# articles are usually longer, and a lone one is always kept (a run needs two or more).
LABEL_MAX_WORDS = 3
LABEL_MAX_CHARS = 25
# A headline is one line of at most this many characters with no sentence-final full stop.
HEADLINE_MAX_CHARS = 200
# A line repeated later is debris only if it says enough to be a real repetition (short lines
# such as "* * *" or "Share" repeat legitimately and are handled by the other rules).
DUPLICATE_MIN_WORDS = 3
# A title given in metadata and a line of the text are the same headline when this share of
# the longer one's words appear in the shorter (sites append "| Site Name" to a headline).
TITLE_OVERLAP = 0.6
# Kickers: lines of at most this many words above the headline, within the first lines.
KICKER_MAX_WORDS = 8
KICKER_SEARCH_LINES = 6
# A dek that is not marked by repetition or metadata is a short standfirst without a full stop.
DEK_MAX_CHARS = 300
# Hard-wrapped plain text: most lines of multi-line blocks are this long, and none much longer.
WRAP_MIN_CHARS, WRAP_MAX_CHARS = 40, 100
WRAP_MIN_SHARE = 0.6
WRAP_MIN_LINES = 4  # fewer wrapped lines than this are too few to tell wrapping from layout

_INVISIBLE = re.compile(r"^[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*$")
_MACHINE_TOKEN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_PIECE_SEPARATORS = re.compile(r"\s*[|\u2022\u00b7:]\s*|\s{2,}")
_CLOSERS = "\"'\u201d\u2019)]*"
_TRUNCATED = re.compile(r"(\.\.\.|\u2026)\s*[\"'\u201d\u2019)\]]*$")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]{1,40}(\([A-Za-z. ]{2,30}\))?\s*[-\u2013\u2014]\s")


@dataclass(frozen=True)
class _Vocabulary:
    ad_labels: frozenset[str]
    caption: re.Pattern[str]
    credit: re.Pattern[str]
    prompt: re.Pattern[str]
    related: re.Pattern[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = load_json("boilerplate.json")

    def union(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)

    return _Vocabulary(
        ad_labels=frozenset(s.casefold() for s in data["ad_labels"]),
        caption=union("caption_patterns"),
        credit=union("credit_patterns"),
        prompt=union("prompt_patterns"),
        related=union("related_patterns"),
    )


@dataclass
class _Line:
    start: int
    text: str  # the raw line without its newline, trailing whitespace stripped
    reason: str | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.strip(" \t")

    @property
    def words(self) -> int:
        return len(self.text.split())


def _split_lines(raw: str) -> list[_Line]:
    lines, pos = [], 0
    for part in raw.split("\n"):
        lines.append(_Line(pos, part.rstrip(" \t\r")))
        pos += len(part) + 1
    return lines


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS)[-1:] in (".", "!", "?", ":", ";")


def is_label(text: str) -> bool:
    """A short interface label: 1-3 words, no sentence punctuation (``View All``, ``Share``)."""
    t = text.strip()
    return (
        0 < len(t.split()) <= LABEL_MAX_WORDS
        and len(t) <= LABEL_MAX_CHARS
        and not _ends_sentence(t)
        and not any(c in t for c in ',;"\u201c\u201d')
    )


def is_headline(text: str) -> bool:
    """One line that reads like a headline: not too long, no full stop at the end."""
    t = text.strip()
    return 0 < len(t) <= HEADLINE_MAX_CHARS and t.rstrip(_CLOSERS)[-1:] not in (".", ":", ";")


def _is_ad_marker(text: str, vocab: _Vocabulary) -> bool:
    """An ad label or slot id, alone or in a bar of short pieces (``ad-slot | ADVERTISEMENT``)."""
    pieces = [p.strip() for p in _PIECE_SEPARATORS.split(text) if p.strip()]
    if not pieces or any(len(p.split()) > LABEL_MAX_WORDS + 1 for p in pieces):
        return False
    return any(_MACHINE_TOKEN.match(p) or _norm(p) in vocab.ad_labels for p in pieces)


def _line_reason(line: _Line, vocab: _Vocabulary) -> str | None:
    """Rules that judge a line by itself."""
    if line.blank:
        return None
    if _INVISIBLE.match(line.text):
        return "whitespace"
    text = line.text.strip()
    if _is_ad_marker(text, vocab):
        return "ad-marker"
    if vocab.caption.match(text):
        return "caption"
    if vocab.credit.match(text):
        return "credit"
    if vocab.prompt.match(text):
        return "prompt"
    if vocab.related.match(text):
        return "related-link"
    return None


def _mark_duplicates(lines: list[_Line]) -> None:
    seen: set[str] = set()
    for line in lines:
        if line.blank or line.reason:
            continue
        key = _norm(line.text)
        if key in seen and line.words >= DUPLICATE_MIN_WORDS:
            line.reason = "duplicate"
        seen.add(key)


def same_headline(a: str, b: str) -> bool:
    """Whether two strings are the same headline, allowing a site name or subtitle on one."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    if not wa or not wb:
        return False
    return len(wa & wb) / max(len(wa), len(wb)) >= TITLE_OVERLAP


def _mark_kickers(lines: list[_Line], title: str) -> None:
    """Short lines above the known headline (section names, kickers, dates) are page furniture."""
    content = _content(lines)[:KICKER_SEARCH_LINES]
    for i, line in enumerate(content):
        if line.reason is None and same_headline(title, line.text):
            for above in content[:i]:
                if (
                    above.reason is None
                    and is_headline(above.text)
                    and (above.words <= KICKER_MAX_WORDS)
                ):
                    above.reason = "kicker"
            return


def _content(lines: list[_Line]) -> list[_Line]:
    return [ln for ln in lines if not ln.blank]


def _mark_label_runs(lines: list[_Line]) -> None:
    """Two or more consecutive label lines (blank lines between allowed) are a link list."""
    run: list[_Line] = []
    for line in [*_content(lines), None]:
        if line is not None and is_label(line.text):
            run.append(line)  # a label removed by another rule still extends the run
            continue
        if len(run) >= 2:
            for ln in run:
                ln.reason = ln.reason or "link-list"
        run = []


def _mark_teaser_tail(lines: list[_Line]) -> None:
    """A block at the end of labels, headlines and truncated excerpts: teasers of other stories."""
    content = _content(lines)
    block: list[_Line] = []
    for line in reversed(content):
        text = line.text.strip()
        if line.reason or _TRUNCATED.search(text) or is_headline(text):
            block.append(line)
            continue
        break
    truncated = sum(1 for ln in block if _TRUNCATED.search(ln.text))
    labels = sum(1 for ln in block if is_label(ln.text) or ln.reason == "link-list")
    items = sum(1 for ln in block if ln.reason is None and not is_label(ln.text))
    if not (truncated >= 2 or (labels >= 1 and items >= 2 and truncated >= 1)):
        return
    # The block starts at its first label or headline; lines removed for their own reason
    # before that (a caption above the block) keep that reason.
    block.reverse()
    while block and block[0].reason not in (None, "link-list"):
        block.pop(0)
    if len(content) == len(block):  # never remove a whole document as teasers
        for ln in block:  # nor as a link list; a line that is debris by itself stays debris
            if ln.reason == "link-list":
                ln.reason = None
        return
    for ln in block:
        ln.reason = "teaser-list"


def _removed_spans(lines: list[_Line], raw: str) -> list[RemovedSpan]:
    """Adjacent lines removed for the same reason (blank lines between) form one span."""
    spans: list[RemovedSpan] = []
    last: _Line | None = None
    for line in lines:
        if line.blank and not line.reason:
            continue
        if line.reason is None:
            last = None
            continue
        if last is not None and spans and spans[-1].reason == line.reason:
            spans[-1].end = line.end
            spans[-1].text = raw[spans[-1].start : line.end]
        else:
            spans.append(RemovedSpan(line.text, line.reason, line.start, line.end))
        last = line
    return spans


def _hard_wrapped(lines: list[_Line]) -> bool:
    """Plain text wrapped at a fixed width: paragraphs span several lines of similar length,
    most of them ending in the middle of a sentence."""
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line.blank:
            blocks.append([])
        elif line.reason is None:
            blocks[-1].append(line)
    multi = [ln for b in blocks if len(b) > 1 for ln in b[:-1]]
    if len(multi) < WRAP_MIN_LINES or max(len(ln.text) for ln in lines) > WRAP_MAX_CHARS:
        return False
    fitting = sum(1 for ln in multi if WRAP_MIN_CHARS <= len(ln.text) <= WRAP_MAX_CHARS)
    mid_sentence = sum(1 for ln in multi if not _ends_sentence(ln.text))
    # One paragraph per line also gives multi-line blocks, but its lines end sentences.
    return fitting / len(multi) >= WRAP_MIN_SHARE and mid_sentence / len(multi) >= WRAP_MIN_SHARE


def _paragraphs(lines: list[_Line], wrapped: bool) -> list[list[_Line]]:
    """Kept lines grouped into paragraphs: a line each, or blank-separated blocks if wrapped."""
    paras: list[list[_Line]] = []
    open_block = False
    for line in lines:
        if line.blank:
            open_block = False
            continue
        if line.reason:  # a removed line inside a block does not end it
            continue
        if wrapped and open_block:
            paras[-1].append(line)
        else:
            paras.append([line])
        open_block = True
    return paras


def _untouched(raw: str) -> CleanedText:
    start = len(raw) - len(raw.lstrip())
    text = raw.strip()
    return CleanedText(
        title=None,
        dek=None,
        paragraphs=[text] if text else [],
        text=text,
        segments=[Segment(0, start, len(text))] if text else [],
    )


def _is_short(lines: list[_Line]) -> bool:
    content = _content(lines)
    return len(content) <= SHORT_INPUT_MAX_LINES and sum(len(ln.text) for ln in content) <= (
        SHORT_INPUT_MAX_CHARS
    )


def clean(raw: str, title: str | None = None, description: str | None = None) -> CleanedText:
    """Remove page debris from extracted text; return title, dek, body and what was removed.

    ``title`` and ``description`` are the page's own headline and summary (HTML metadata, a
    feed entry), if known: short lines above the headline are kickers and section names, and a
    paragraph after the title that repeats the description is the dek.
    """
    lines = _split_lines(raw)
    if title is None and _is_short(lines):
        return _untouched(raw)
    vocab = _vocabulary()
    for line in lines:
        line.reason = _line_reason(line, vocab)
    _mark_duplicates(lines)
    if title:
        _mark_kickers(lines, title)
    _mark_label_runs(lines)
    _mark_teaser_tail(lines)

    paras = _paragraphs(lines, _hard_wrapped(lines))
    texts = [" ".join(ln.text.strip() for ln in p) for p in paras]
    title = dek = None
    if len(texts) > 1 and is_headline(texts[0]) and len(paras[0]) == 1:
        title = texts[0]
        dek = _dek(texts, lines, description)

    segments: list[Segment] = []
    pos = 0
    for i, para in enumerate(paras):
        if i:
            pos += 2  # the blank line between paragraphs
        for j, line in enumerate(para):
            if j:
                pos += 1  # the space joining wrapped lines
            # the paragraph holds the line stripped of all whitespace (a no-break space or a
            # vertical tab at its end too, not only the spaces and tabs lines lose when split)
            lead = len(line.text) - len(line.text.lstrip())
            kept = len(line.text.strip())
            segments.append(Segment(pos, line.start + lead, kept))
            pos += kept
    return CleanedText(
        title=title,
        dek=dek,
        paragraphs=texts,
        text="\n\n".join(texts),
        removed=_removed_spans(lines, raw),
        segments=segments,
    )


def _dek(texts: list[str], lines: list[_Line], description: str | None) -> str | None:
    """The paragraph after the title is the dek when the page marks it as one.

    Marks: it was repeated (scrapers pick up a dek twice, as teaser and as standfirst), it
    repeats the page's description, or it is a short standfirst without a full stop.
    """
    if len(texts) < 3:
        return None
    candidate = texts[1]
    key = _norm(candidate)
    repeated = any(ln.reason == "duplicate" and _norm(ln.text) == key for ln in lines)
    described = description is not None and _norm(description) == key
    standfirst = (
        len(candidate) <= DEK_MAX_CHARS
        and not _ends_sentence(candidate)
        and not _DATELINE.match(candidate)
    )
    return candidate if (repeated or described or standfirst) else None
