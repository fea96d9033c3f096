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
    # distinct paragraphs: cleaning drops repeated ones
    text = "\n\n".join(REPORT.replace("12", str(i + 12)) for i in range(30))
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


@pytest.mark.parametrize("unit", ["$", "<", "\U0001f642", "'s", "!?"])
def test_long_runs_of_symbols_are_tokenized_in_pieces(unit: str) -> None:
    """spaCy's tokenizer takes time quadratic in a run of punctuation, symbols or emoji
    without a space (8,000 "$" took 40 s, a 20 KB page of "<" over a minute, beyond any time
    limit): such runs are parsed in pieces of RUN_CHARS, each tokenized in a moment, and the
    document keeps its text."""
    text = "Police arrested 12 protesters. " + unit * (8000 // len(unit)) + " Talks resume."
    parts = nlp.pieces(text)
    assert "".join(parts) == text and max(len(p) for p in parts) <= nlp.RUN_CHARS
    tokenizer = nlp.get_nlp().tokenizer
    started = time.monotonic()
    for part in parts:
        tokenizer(part)
    assert time.monotonic() - started < 2


def test_a_long_run_of_symbols_costs_only_its_document() -> None:
    text = "Talks resume. " + "\U0001f642" * 1000 + "\n\n" + REPORT
    hostile, good = process_batch([_raw(text, "a"), _raw(REPORT, "b")])
    assert nlp.parse(text).text == text
    assert hostile.error is None and hostile.text == text
    assert [e.trigger["text"] for e in hostile.events] == [e.trigger["text"] for e in good.events]
    assert [e.to_dict() for e in good.events] == [
        e.to_dict() for e in process_batch([_raw(REPORT, "b")])[0].events
    ]


def test_a_long_document_whose_parse_runs_past_the_time_limit_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The time limit held only for coding: a long document (10 MB of text parses in several
    minutes, and a 100 KB run of one-character tokens in a minute) held the batch as long as
    its parse took. Its pieces are now parsed one after another and the parse given up past
    the limit; the time spent parsing counts toward the coding's limit too."""
    language = nlp.get_nlp()

    class SlowParser:  # every piece takes 50 ms more
        def __call__(self, text: str):  # noqa: ANN204
            time.sleep(0.05)
            return language(text)

        def pipe(self, *args, **kw):  # noqa: ANN002, ANN003, ANN201
            return language.pipe(*args, **kw)

    monkeypatch.setattr(nlp, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp, "get_nlp", SlowParser)
    long_text = "\n\n".join(f"Update {i}. {REPORT}" for i in range(30))  # no duplicate lines
    hostile, good = process_batch([_raw(long_text, "a"), _raw(REPORT, "b")], time_limit=0.3)
    assert hostile.error == "time_limit" and "parsing stopped" in hostile.error_message
    assert f"of its {len(nlp.pieces(long_text))} pieces" in hostile.error_message
    assert not hostile.events
    assert good.error is None and len(good.events) == 2
    [whole] = process_batch([_raw(long_text, "a")], time_limit=None)
    assert whole.error is None and len(whole.events) == 60


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
