"""Hostile input to the parser and the coder: a document that breaks one step loses only itself,
never the batch; long documents are parsed in pieces; coding has a time limit per document."""

from __future__ import annotations

import time

import pytest

from eventwire import nlp
from eventwire.coding.events import code_document
from eventwire.errors import TimeLimitExceeded, UsageError
from eventwire.model import RawDocument, SourceRef
from eventwire.pipeline import annotate_batch, process_batch
from handmade import table

REPORT = (
    "Police arrested 12 protesters in Nairobi on Monday, the interior ministry said. "
    "Russian forces shelled Kharkiv, killing 3 civilians."
)


def _raw(text: str, name: str = "a") -> RawDocument:
    return RawDocument(source=SourceRef(name), text=text)


def test_a_determiner_tagged_as_a_place_is_no_crash() -> None:
    """A lone determiner the tagger marks as a place ("this" as GPE) made place_of take the
    minimum of an empty phrase and lose the document's events."""
    doc = table(
        "Troops shelled this town .",
        """
        Troops   troop   NOUN  NNS nsubj 1
        shelled  shell   VERB  VBD ROOT  1
        this     this    DET   DT  det   3 B-GPE
        town     town    NOUN  NN  dobj  1
        .        .       PUNCT .   punct 1
        """,
    )
    events, _ = code_document(doc, "x")
    assert [e.cameo[:2] for e in events] == ["19"]


def test_long_documents_are_parsed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text over the parser's limit (spaCy's E088 stopped the whole batch) is parsed in
    pieces cut at paragraph breaks, joined into one document with the same text and the same
    events as one parse."""
    text = "\n\n".join([REPORT] * 30)
    whole = [e.to_dict() for e in process_batch([_raw(text)])[0].events]
    monkeypatch.setattr(nlp, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp.get_nlp(), "max_length", 1000)
    assert len(nlp.pieces(text)) > 10 and "".join(nlp.pieces(text)) == text
    (result,) = process_batch([_raw(text)])
    assert result.error is None
    assert [e.to_dict() for e in result.events] == whole


def test_pieces_cut_at_sentences_then_spaces() -> None:
    one_line = "The army said it would act. " * 50
    parts = nlp.pieces(one_line, 200)
    assert "".join(parts) == one_line and all(len(p) <= 200 for p in parts)
    assert all(p.endswith(". ") for p in parts[:-1])
    words = "word " * 100
    assert all(p.endswith(" ") for p in nlp.pieces(words, 64)[:-1])
    solid = "x" * 250
    assert nlp.pieces(solid, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_coding_past_its_deadline_stops() -> None:
    doc = nlp.parse(REPORT)
    with pytest.raises(TimeLimitExceeded):
        code_document(doc, "x", deadline=time.monotonic() - 1)


def test_a_document_over_the_time_limit_is_an_error_of_its_own() -> None:
    """The time limit gives the document the time_limit error with a message; the batch goes
    on, and a document coded with time to spare keeps its events."""
    results = process_batch([_raw(REPORT, "a"), _raw(REPORT, "b")], time_limit=1e-9)
    assert [r.error for r in results] == ["time_limit", "time_limit"]
    assert "time limit" in results[0].error_message and not results[0].events
    (fine,) = process_batch([_raw(REPORT)], time_limit=60)
    assert fine.error is None and fine.events


def test_a_parser_failure_costs_only_its_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should the batch parse fail, the documents are parsed one by one; the one the parser
    cannot take gets an internal error, the others their events."""
    from eventwire import pipeline

    results = [pipeline.prepare(_raw(t, n)) for t, n in [(REPORT, "a"), ("BOOM " + REPORT, "b")]]

    def failing_batch(texts, batch_size=64):  # noqa: ANN001, ANN202
        raise RuntimeError("batch parse failed")
        yield

    real_parse = pipeline.parse

    def picky(text: str):  # noqa: ANN202
        if text.startswith("BOOM"):
            raise ValueError("E088-like failure")
        return real_parse(text)

    monkeypatch.setattr(pipeline, "parse_many", failing_batch)
    monkeypatch.setattr(pipeline, "parse", picky)
    annotate_batch(results)
    assert results[0].error is None and results[0].events
    assert results[1].error == "internal" and "parser" in results[1].error_message


def test_lone_surrogates_given_to_the_library_are_replaced() -> None:
    """A lone surrogate in a string handed to process_text (no encoder takes it: the parser
    failed on it and the store refused its metadata) becomes U+FFFD; the events stay."""
    from eventwire import process_text

    result = process_text(REPORT.replace("Nairobi", "Nairobi \ud800"), title="A \udc00 title")
    assert result.error is None and result.events
    assert "\ufffd" in result.text and result.title == "A \ufffd title"


def test_the_time_limit_is_an_option_of_the_command_line(tmp_path) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from eventwire.cli import app

    page = tmp_path / "a.txt"
    page.write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(app, ["process", str(page), "--json", "--time-limit", "0.000000001"])
    assert out.exit_code == 1 and '"time_limit"' in out.stdout
    refused = runner.invoke(app, ["process", str(page), "--time-limit", "-1"]).exception
    assert isinstance(refused, UsageError) and refused.exit_code == 2


def test_recode_takes_a_long_stored_document(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    """recode failed on a stored document over the parser's limit as ingest did; both parse
    long documents in pieces now."""
    from eventwire import Settings, ingest
    from eventwire.recode import recode
    from eventwire.store import Store

    text = "\n\n".join(REPORT.replace("12", str(i + 12)) for i in range(30))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(nlp, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp.get_nlp(), "max_length", 1000)
    with Store(tmp_path / "db.duckdb") as store:
        ingest([str(tmp_path / "long.txt")], store, Settings(events=False))
        docs, events = recode(store)
    assert docs == 1 and events >= 30
