"""Cleaning: structural debris removal, with every removed span and kept segment auditable."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from eventwire.clean import clean, is_headline, is_label

CASES = sorted(p for p in (FIXTURES / "clean").glob("*.txt") if not p.name.endswith(".clean.txt"))


def _expected(raw_path: Path) -> str:
    return raw_path.with_suffix(".clean.txt").read_text(encoding="utf-8").removesuffix("\n")


def _check_offsets(raw: str, cleaned) -> None:
    for span in cleaned.removed:
        assert raw[span.start : span.end] == span.text
    for seg in cleaned.segments:
        kept = cleaned.text[seg.clean_start : seg.clean_start + seg.length]
        assert kept == raw[seg.raw_start : seg.raw_start + seg.length]


def test_seed_cleans_to_the_expected_text(shared: Path) -> None:
    """The seed article cleans to exactly the text the project was started with."""
    raw = (shared / "seed/000_a547944fd4b4c182.txt").read_text(encoding="utf-8")
    expected = (shared / "seed/000_a547944fd4b4c182.clean.txt").read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert cleaned.text == expected.removesuffix("\n")
    assert cleaned.title and cleaned.title.startswith("10,000 North Korean troops")
    assert cleaned.dek and cleaned.dek.startswith('"This is no longer')
    _check_offsets(raw, cleaned)


def test_seed_removed_spans_have_reasons(shared: Path) -> None:
    """Every piece of seed debris is recorded with a reason, the teaser block as one span."""
    raw = (shared / "seed/000_a547944fd4b4c182.txt").read_text(encoding="utf-8")
    reasons = {span.reason: span.text for span in clean(raw).removed}
    assert reasons["ad-marker"] == "ad-image"
    assert reasons["whitespace"].strip() == ""
    assert reasons["caption"] == "Image: Title: north korea"
    assert reasons["duplicate"].startswith('"This is no longer')
    teasers = reasons["teaser-list"]
    assert teasers.startswith("Opinion") and teasers.endswith("central m...")


@pytest.mark.parametrize("raw_path", CASES, ids=lambda p: p.stem)
def test_team_fixture_cleans_as_expected(raw_path: Path) -> None:
    """Each team-written page with its own debris pattern cleans to its expected text."""
    raw = raw_path.read_text(encoding="utf-8")
    cleaned = clean(raw)
    assert cleaned.text == _expected(raw_path)
    _check_offsets(raw, cleaned)


def test_enough_fixtures_with_and_without_debris() -> None:
    """At least eight debris patterns, and pages without debris that must come through as is."""
    untouched = [p for p in CASES if _expected(p) == p.read_text(encoding="utf-8").strip()]
    assert len(CASES) >= 8
    assert len(untouched) >= 3


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said.",
        "ad-image",
        "Advertisement\nTroops crossed the border at dawn, officials said.",
        "Editor's note: this story was updated.\nThe vote is on Friday.",
    ],
)
def test_short_input_comes_through_untouched(text: str) -> None:
    """A sentence or a short note is not a page: nothing is removed from it."""
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == []
    assert cleaned.title is None


def test_no_debris_article_is_untouched() -> None:
    """An article already in title/paragraphs form comes out byte for byte the same."""
    text = (
        "Ministers agree to resume border talks\n\n"
        "KAMPALA (Wire) - Uganda and Rwanda agreed on Monday to reopen talks on their border.\n\n"
        "Background\n\n"
        "The two governments have traded accusations of spying since 2019, officials said."
    )
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.title == "Ministers agree to resume border talks"
    assert cleaned.removed == []


def test_single_newline_paragraphs_become_blank_line_separated() -> None:
    """Extracted text with one paragraph per line comes out in the title/dek/body layout."""
    raw = (
        "Parliament dissolved ahead of election\n"
        "The president signed the decree on Monday evening, his office said in a statement.\n"
        "Opposition parties said they would take part in the vote in June, ending a boycott."
    )
    cleaned = clean(raw + "\nA fourth paragraph closes the article with a full sentence.")
    assert cleaned.text.count("\n\n") == 3
    assert cleaned.paragraphs[0] == "Parliament dissolved ahead of election"


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    """Plain text wrapped at a fixed width becomes one paragraph per blank-separated block."""
    body = (
        "The defence ministry said on Tuesday that 3,000 soldiers had been moved to the\n"
        "northern border region after a week of clashes with armed groups, and that more\n"
        "units would follow if the fighting spread to the provincial capital.\n\n"
        "Opposition lawmakers accused the government of using the deployment to delay\n"
        "local elections, a charge the interior minister rejected in a televised address\n"
        "on Wednesday evening, saying the vote would go ahead as planned.\n"
    )
    raw = "Troops sent north as clashes spread\n\n" + body
    cleaned = clean(raw)
    assert len(cleaned.paragraphs) == 3
    assert "moved to the northern border" in cleaned.text
    _check_offsets(raw, cleaned)
    assert cleaned.raw_offset(cleaned.text.index("northern")) == raw.index("northern")


def test_kicker_above_known_headline_is_removed() -> None:
    """A section name above the page's own headline is furniture, not the title."""
    raw = (
        "Africa\n"
        "Sudan's army retakes key bridge in Khartoum\n"
        "The army said on Saturday it had recaptured the bridge after days of fighting.\n"
        "The paramilitary force did not comment on the claim, which could not be verified."
    )
    cleaned = clean(raw, title="Sudan's army retakes key bridge in Khartoum | Example")
    assert cleaned.title == "Sudan's army retakes key bridge in Khartoum"
    assert [s.reason for s in cleaned.removed] == ["kicker"]


def test_teasers_need_truncation_or_a_section_label() -> None:
    """Short closing paragraphs without the shape of a teaser list are body, not teasers."""
    raw = (
        "Talks end without deal\n\n"
        "Negotiators left Geneva on Friday without an agreement, the mediators said.\n\n"
        "Both delegations are expected to return next month.\n\n"
        "What comes next"
    )
    assert clean(raw).removed == []


def test_labels_and_headlines() -> None:
    """The shape predicates behind the rules."""
    assert is_label("View All") and is_label("Share")
    assert not is_label("He said no.")
    assert is_headline("Putin, Kim strike deal: report")
    assert not is_headline("The army said it had recaptured the bridge.")


@pytest.mark.parametrize("end", ["\x0b", "\u00a0", "\u3000", "\u2028", "\x0c"])
def test_whitespace_at_a_line_end_is_not_counted_in_its_segment(end: str) -> None:
    """A paragraph line ending in whitespace other than spaces and tabs (a no-break space, a
    vertical tab) is kept without it, and so is its segment: the segment counted it, ran past
    the paragraph, and shifted every later segment off the cleaned text."""
    raw = f"Police arrested 12 protesters in Nairobi on Monday, officials said.{end}"
    cleaned = clean(raw, title="")
    [segment] = cleaned.segments
    assert segment.length == len(cleaned.text) == len(raw) - 1
    raw = "Talks resume\n\nThe ministry said talks would resume." + end + "\n\nThey did not."
    cleaned = clean(raw)
    _check_offsets(raw, cleaned)
    last = cleaned.text.index("They did not.")
    assert cleaned.raw_offset(last) == raw.index("They did not.")


def test_a_document_that_is_all_teasers_keeps_its_debris_out() -> None:
    """A document whose every line looks like a teaser is kept whole, but a line removed for
    its own reason (here a line of a no-break space) stays removed: it was put back, as an
    empty paragraph with a segment of length 0 (found by fuzzing the cleaner)."""
    raw = (
        "Vesnian president survives impeachment vote\n\u00a0\n"
        "Solvara extends sanctions on Ostrava as talks...\n"
        "Three days of highway blockades have exposed..."
    )
    cleaned = clean(raw)
    assert cleaned.paragraphs == [
        "Vesnian president survives impeachment vote",
        "Solvara extends sanctions on Ostrava as talks...",
        "Three days of highway blockades have exposed...",
    ]
    assert [(r.reason, r.text) for r in cleaned.removed] == [("whitespace", "\u00a0")]
    assert all(seg.length > 0 for seg in cleaned.segments)
    _check_offsets(raw, cleaned)
