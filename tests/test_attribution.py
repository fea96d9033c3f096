"""Attribution spans: which words are the cue, who is the source, what is the content."""

from __future__ import annotations

from eventwire.coding.attribution import Attribution, sentence_attributions
from eventwire.coding.knowledge import DEFAULT
from eventwire.coding.spans import doc_text, sentences
from eventwire.nlp import get_nlp


def _found(text: str) -> list[tuple[str, str | None, str]]:
    """(cue, source, content) of every attribution in a text, in order."""
    doc = get_nlp()(text)
    out = []
    for sent in sentences(doc):
        for att in sentence_attributions(DEFAULT.get(), sent):
            out.append(_texts(att))
    return out


def _texts(att: Attribution) -> tuple[str, str | None, str]:
    text = doc_text(att.cue.doc)
    source = text[att.source_start : att.source_end] if att.source is not None else None
    return att.cue_text(), source, text[att.content_start : att.content_end]


def test_a_report_inside_another_is_the_outer_sources() -> None:
    found = _found("A party spokesman said the senator plans to join the protest on Friday.")
    assert [cue for cue, _, _ in found] == ["said"]
    found = _found("The minister wants to say more about the budget next week.")
    assert [cue for cue, _, _ in found] == ["wants"]
    # a denial inside a report stays one: disputes are linked from it
    found = _found("Officials in Kyiv said Moscow denied that its drones struck the port.")
    assert [cue for cue, _, _ in found] == ["said", "denied"]


def test_what_a_cue_is_about_can_be_its_object_or_a_preposition() -> None:
    cue, source, content = _found("The governor complained about the new tariffs on Monday.")[0]
    assert (cue, source) == ("complained", "The governor") and "tariffs" in content
    cue, source, content = _found("The opposition leader is promising lower fuel prices.")[0]
    assert (cue, source) == ("is promising", "The opposition leader")
    assert content == "lower fuel prices"


def test_a_passive_cue_takes_its_agent_as_source_or_names_none() -> None:
    cue, source, content = _found("The plan has been endorsed by dozens of mayors.")[0]
    assert (cue, source) == ("has been endorsed", "dozens of mayors")
    assert content == "The plan"
    cue, source, content = _found("The former minister was accused of taking bribes.")[0]
    assert (cue, source) == ("was accused", None) and content == "taking bribes"


def test_a_question_before_its_cue_is_the_content() -> None:
    text = '"Is the bank too big to manage?" the senator asked.'
    cue, source, content = _found(text)[-1]
    assert (cue, source) == ("asked", "the senator")
    assert content == "Is the bank too big to manage?"


def test_a_quotation_over_sentences_ending_before_its_inverted_cue() -> None:
    text = "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, an organiser."
    cue, source, content = _found(text)[-1]
    assert (cue, source) == ("said", "Leslie Wimes")
    assert content.startswith("The campaign is in panic mode")


def test_a_clause_the_parser_hung_on_a_late_cue_is_its_content() -> None:
    cue, source, content = _found("Rules unclear on whether farmers are covered, experts say.")[0]
    assert (cue, source) == ("say", "experts") and "farmers are covered" in content


def test_nominal_cues_with_an_owner_and_content() -> None:
    found = _found("Reporters checked the mayor's claim that crime fell by half last year.")
    assert ("claim", "the mayor", "crime fell by half last year") in found
    # a nominal cue with no owner or no content is not one
    assert _found("The claim was checked by reporters.") == []


def test_speaker_labels_in_transcripts_and_headlines() -> None:
    cue, source, content = _found('"MORGAN: Let us start with the budget.')[0]
    assert (cue, source) == (":", "MORGAN") and content.startswith("Let us start")
    cue, source, _ = _found("Poll: Voters Abandon Ruling Party Ahead of Vote")[0]
    assert (cue, source) == (":", "Poll")
    assert _found("Update: The vote was postponed to Friday.") == []


def test_an_author_dash_glued_to_the_closing_mark() -> None:
    text = "“He makes simple statements about people he does not know.”― Ana Ruiz"
    cue, source, content = _found(text)[-1]
    assert (cue, source) == ("―", "Ana Ruiz")
    assert content.startswith("He makes simple statements")


def test_whom_a_speaker_addresses_is_not_what_they_say() -> None:
    assert _found("The spokeswoman spoke to reporters on Friday.") == []
    cue, source, content = _found("The senator spoke about the budget on Friday.")[0]
    assert (cue, source, content) == ("spoke", "The senator", "the budget")
