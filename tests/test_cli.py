"""The command line, exercised in-process: outputs, --json, --quiet and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from builders import ARTICLE, write
from conftest import EXAMPLES, ROOT
from eventwire.cli import app
from eventwire.store import Store

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def run_main(*args: str, capsys=None) -> int:
    """Run through main(), which turns eventwire errors into messages and exit codes."""
    import sys

    from eventwire.cli import main

    old = sys.argv
    sys.argv = ["eventwire", *args]
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.argv = old
    return 0


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write(tmp_path / "in" / "a.txt", "---\noutlet: Example Wire\ndate: 2025-03-14\n---\n" + ARTICLE)
    write(
        tmp_path / "in" / "b.txt",
        ARTICLE.replace("Kenyan", "Ugandan").replace("Tuesday", "Friday")
        + "\n\nAdvertisement\n\nThe march ended peacefully by evening.",
    )
    return tmp_path / "in"


def test_ingest_then_docs_and_show(corpus: Path, db_path: Path) -> None:
    """ingest stores, docs lists, show prints the cleaned text and --removed the debris."""
    result = run("ingest", str(corpus), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output
    docs = run("docs", "--db", str(db_path), "--json")
    rows = [json.loads(line) for line in docs.stdout.splitlines()]
    assert len(rows) == 2
    ugandan = next(r for r in rows if r["title"].startswith("Ugandan"))
    show = run("show", ugandan["doc_id"][:8], "--db", str(db_path), "--removed")
    assert "Ugandan police" in show.stdout and "ad-marker" in show.stdout
    assert "Advertisement" not in show.stdout.split("Removed")[0]


def test_docs_filters_by_outlet_and_date(corpus: Path, db_path: Path) -> None:
    """--outlet and --since/--until narrow the listing."""
    run("ingest", str(corpus), "--db", str(db_path), "--quiet")
    by_outlet = run("docs", "--db", str(db_path), "--outlet", "example", "--json")
    assert len(by_outlet.stdout.splitlines()) == 1
    since = run("docs", "--db", str(db_path), "--since", "2025-03-15", "--json")
    assert since.stdout.strip() == ""
    until = run("docs", "--db", str(db_path), "--until", "2025-03-14", "--json")
    assert len(until.stdout.splitlines()) == 1


def test_ingest_json_summary_and_partial_failure_exit_code(corpus: Path, db_path: Path) -> None:
    """Some inputs failing: exit 1, and the --json summary names each failure and its reason."""
    write(corpus / "z_empty.txt", "")
    result = run("ingest", str(corpus), "--db", str(db_path), "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failed"]) == (2, 1)
    assert summary["failures"][0]["reason"] == "empty"
    again = run("ingest", str(corpus / "a.txt"), "--db", str(db_path), "--json")
    assert again.exit_code == 0 and json.loads(again.stdout)["unchanged"] == 1


def test_quiet_prints_nothing_on_success(corpus: Path, db_path: Path) -> None:
    """--quiet is silent when all went in."""
    result = run("ingest", str(corpus), "--db", str(db_path), "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_errors_command_lists_failures(tmp_path: Path, db_path: Path) -> None:
    """eventwire errors shows what did not go in, with the reason."""
    run("ingest", str(write(tmp_path / "x.rss", "nope")), "--db", str(db_path), "--quiet")
    result = run("errors", "--db", str(db_path), "--json")
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["reason"] == "not_a_feed"


def test_process_prints_document_results_as_json_lines(corpus: Path) -> None:
    """process --json prints the DESIGN.md document result, one per line, storing nothing."""
    result = run("process", str(corpus), "--json")
    assert result.exit_code == 0
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 2
    assert set(docs[0]) == {
        "doc_id",
        "id",
        "url",
        "outlet",
        "published",
        "title",
        "dek",
        "text",
        "removed",
        "events",
        "quotes",
        "language",
        "relevance",
        "error",
    }
    assert docs[0]["published"] == "2025-03-14"
    event = docs[0]["events"][0]
    assert {
        "event_id",
        "cameo",
        "plover",
        "source",
        "target",
        "evidence",
        "trigger",
        "modality",
        "quantity",
        "quad_class",
    } <= set(event)
    text = docs[0]["text"]
    ev = event["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["text"]


def test_process_reads_stdin(tmp_path: Path) -> None:
    """process - reads a document from standard input."""
    result = run("process", "-", "--json", input="Troops crossed the border at dawn.")
    [doc] = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["text"] == "Troops crossed the border at dawn."


def test_process_reports_failures_with_exit_code_1(tmp_path: Path) -> None:
    """A failing input in process: an error row and exit 1."""
    result = run("process", str(write(tmp_path / "e.txt", "")), "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["error"] == "empty"


def test_usage_errors_have_exit_code_2(tmp_path: Path, capsys) -> None:
    """A missing path or an unknown kind: exit 2 and a message saying what is wrong."""
    assert run_main("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "d")) == 2
    assert "no such file" in capsys.readouterr().err
    assert run_main("process", str(tmp_path), "--kind", "pdf") == 2
    assert "unknown input kind" in capsys.readouterr().err


BAD_DATES = [
    ("--since", "notadate"),
    ("--until", "2025-13-45"),
    ("--since", "2025-02-30"),
    ("--until", "14/03/2025"),
    ("--since", "[yesterday]"),
]


def test_bad_since_and_until_are_usage_errors(
    tmp_path: Path, capsys, corpus: Path, db_path: Path
) -> None:
    """A --since/--until that is not a YYYY-MM-DD date: exit 2 and a message naming the option
    and the value, not DuckDB's conversion error and its SQL; checked before the store is
    opened."""
    run("ingest", str(corpus), "--db", str(db_path), "--quiet")
    capsys.readouterr()
    for command in ("docs", "events"):
        for option, value in BAD_DATES:
            assert run_main(command, "--db", str(db_path), option, value) == 2, (option, value)
            message = " ".join(capsys.readouterr().err.split())
            assert f"{option} '{value}'" in message and "YYYY-MM-DD" in message, message
            assert "SELECT" not in message
    assert run_main("docs", "--db", str(tmp_path / "none.duckdb"), "--since", "x") == 2
    assert run_main("docs", "--db", str(db_path), "--since", "2025-03-14", "--json") == 0


def test_missing_database_and_missing_document(tmp_path: Path, capsys, corpus: Path) -> None:
    """Reading a store that does not exist, or a document it lacks, says what to do."""
    assert run_main("docs", "--db", str(tmp_path / "none.duckdb")) == 3
    assert "eventwire ingest" in capsys.readouterr().err
    db = str(tmp_path / "d.duckdb")
    run("ingest", str(corpus), "--db", db, "--quiet")
    assert run_main("show", "ffffffff", "--db", db) == 4


def test_db_path_from_environment(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """EVENTWIRE_DB sets the store when --db is not given."""
    monkeypatch.setenv("EVENTWIRE_DB", str(tmp_path / "env.duckdb"))
    assert run("ingest", str(corpus), "--quiet").exit_code == 0
    assert (tmp_path / "env.duckdb").exists()


def test_demo_ingests_the_examples(db_path: Path) -> None:
    """The demo ingests every bundled example without failure and prints a summary."""
    result = run("demo", str(EXAMPLES), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "eventwire demo" in result.stdout and "0 failed" in result.stdout
    again = run("demo", str(EXAMPLES), "--db", str(db_path))
    assert "0 new documents" in again.stdout


def _commands() -> set[str]:
    return {c.name for c in app.registered_commands}


def test_readme_documents_every_command_and_option() -> None:
    """Every CLI command and option appears in the README's CLI reference."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"eventwire {name}" in readme, f"README lacks 'eventwire {name}'"
        help_text = run(name, "--help").stdout
        for option in set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}:
            assert option in readme, f"README lacks {option} of 'eventwire {name}'"


def test_code_command_prints_events(capsys) -> None:
    """eventwire code prints a table, or event records with --json."""
    table = run("code", "Russian forces shelled Kharkiv on Tuesday.")
    assert "RUSMIL" in table.stdout and "19" in table.stdout
    as_json = run("code", "Russian forces shelled Kharkiv on Tuesday.", "--json")
    record = json.loads(as_json.stdout.splitlines()[0])
    assert record["source"][0]["code"] == "RUSMIL" and record["plover"]["event"] == "ASSAULT"
    assert "no event" in run("code", "It rained all day.").stdout


def test_events_command_filters_and_formats(db_path: Path) -> None:
    """Stored events filter by country, PLOVER type and modality, as table, CSV or JSON."""
    run("demo", str(EXAMPLES), "--db", str(db_path), "--quiet")
    rows = [
        json.loads(x)
        for x in run("events", "--db", str(db_path), "--json", "--limit", "500").stdout.splitlines()
    ]
    assert rows
    assault = run("events", "--db", str(db_path), "--plover", "ASSAULT", "--json")
    assert all(json.loads(x)["plover"]["event"] == "ASSAULT" for x in assault.stdout.splitlines())
    country = (
        rows[0]["source"][0]["country"] if rows[0]["source"] else rows[0]["target"][0]["country"]
    )
    by_country = run("events", "--db", str(db_path), "--country", country, "--json")
    for line in by_country.stdout.splitlines():
        e = json.loads(line)
        assert country in {a["country"] for a in e["source"] + e["target"]}
    csv_out = run("events", "--db", str(db_path), "--format", "csv", "--modality", "factual")
    header, *lines = csv_out.stdout.splitlines()
    assert header.startswith("event_id,doc_id") and lines
    with pytest.raises(Exception, match="format"):
        run("events", "--db", str(db_path), "--format", "xml")


def test_recode_replaces_events(db_path: Path, capsys) -> None:
    """recode codes stored documents again without duplicating events."""
    run("demo", str(EXAMPLES), "--db", str(db_path), "--quiet")
    before = len(
        run("events", "--db", str(db_path), "--json", "--limit", "1000").stdout.splitlines()
    )
    assert run("recode", "--db", str(db_path), "--quiet").exit_code == 0
    after = len(
        run("events", "--db", str(db_path), "--json", "--limit", "1000").stdout.splitlines()
    )
    assert before == after > 0


def test_ingest_without_events_then_recode(corpus: Path, db_path: Path) -> None:
    """--no-events stores documents only; recode adds their events later."""
    run("ingest", str(corpus), "--db", str(db_path), "--quiet", "--no-events")
    assert run("events", "--db", str(db_path), "--json").stdout == ""
    run("recode", "--db", str(db_path), "--quiet")
    assert run("events", "--db", str(db_path), "--json").stdout != ""


def test_eval_command_scores_a_gold_file(tmp_path: Path) -> None:
    """eval prints L1, L2 and type scores; a perfect prediction scores 1.0."""
    gold = write(
        tmp_path / "gold.jsonl",
        json.dumps(
            {
                "id": "t1",
                "text": "Russian forces shelled Kharkiv on Tuesday.",
                "date": "2025-01-14",
                "events": [{"source": "RUSMIL", "target": "UKR", "cameo": "19"}],
            }
        )
        + "\n"
        + json.dumps({"id": "t2", "text": "It rained in Kyiv.", "events": []})
        + "\n",
    )
    result = run("eval", str(gold), "--json")
    report = json.loads(result.stdout)
    assert report["items"] == 2
    assert report["type"]["f1"] == 1.0 and report["l1"]["recall"] == 1.0
    assert "l1" in run("eval", str(gold)).stdout


def test_events_carry_place_and_date_and_filter_by_location(db_path: Path) -> None:
    """Stored events have a location and a date; --location and --since filter on them."""
    run("demo", str(EXAMPLES), "--db", str(db_path), "--quiet")
    rows = [
        json.loads(x)
        for x in run(
            "events", "--db", str(db_path), "--json", "--limit", "1000"
        ).stdout.splitlines()
    ]
    placed = [e for e in rows if e["location"] and e["location"]["country"]]
    assert placed and all(e["date"] for e in rows if e["date"] is not None)
    country = placed[0]["location"]["country"]
    here = run("events", "--db", str(db_path), "--location", country, "--json", "--limit", "1000")
    assert {json.loads(x)["location"]["country"] for x in here.stdout.splitlines()} == {country}
    dated = [e for e in rows if e["date"] and e["date"]["value"]]
    day = dated[0]["date"]["value"]
    since = run("events", "--db", str(db_path), "--since", day, "--until", day, "--json")
    assert since.stdout and all(
        (json.loads(x)["date"] or {}).get("value", day) == day for x in since.stdout.splitlines()
    )


def test_actors_and_actor_commands(db_path: Path) -> None:
    """actors lists actors with codes and counts; actor NAME shows one actor's events."""
    run("demo", str(EXAMPLES), "--db", str(db_path), "--quiet")
    listed = [
        json.loads(x) for x in run("actors", "--db", str(db_path), "--json").stdout.splitlines()
    ]
    assert listed and all(r["code"] and r["mentions"] >= 1 for r in listed)
    counts = [r["mentions"] for r in listed]
    assert counts == sorted(counts, reverse=True)
    top = listed[0]
    shown = run("actor", top["actor"], "--db", str(db_path))
    assert shown.exit_code == 0 and top["code"] in shown.stdout
    assert run_main("actor", "Nobody At All", "--db", str(db_path)) == 4


def test_kb_option_loads_a_users_knowledge_base(tmp_path: Path) -> None:
    """--kb FOLDER adds the user's people; a missing folder is a usage error."""
    from eventwire import use_knowledge_base

    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "people.tsv").write_text(
        "name\taliases\tcode\trole\tstart\tend\nJana Novak\t\tSVNGOV\tMinister\t2020-01-01\t\n",
        encoding="utf-8",
    )
    try:
        out = run("--kb", str(folder), "code", "Jana Novak criticised the plan.", "--json")
        assert json.loads(out.stdout.splitlines()[0])["source"][0]["code"] == "SVNGOV"
        assert run_main("--kb", str(tmp_path / "missing"), "code", "x") == 2
    finally:
        use_knowledge_base(None)


# -- the real command in a real shell -------------------------------------------------------------


def spawn(*args: str, **popen: object) -> subprocess.Popen:
    """Start ``python -m eventwire ARGS`` in a child process, as a shell would, with the code
    under test first on the import path; stderr comes back on one line per message."""
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_DB"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["COLUMNS"] = "400"  # rich folds long messages at 80 columns otherwise
    return subprocess.Popen(
        [sys.executable, "-m", "eventwire", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        **popen,
    )


def finish(proc: subprocess.Popen) -> subprocess.CompletedProcess:
    stdout, stderr = proc.communicate(timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)


def shell(*args: str, **popen: object) -> subprocess.CompletedProcess:
    """``spawn`` and wait for it."""
    return finish(spawn(*args, **popen))


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with one good text file and one empty file."""
    write(tmp_path / "mixed" / "good.txt", ARTICLE)
    write(tmp_path / "mixed" / "empty.txt", "")
    return tmp_path / "mixed"


@pytest.mark.slow
def test_some_inputs_failing_exits_1_in_the_shell(mixed: Path, tmp_path: Path) -> None:
    """ingest, process and demo return 1 to the shell when some documents failed; the good
    document is stored all the same."""
    db = tmp_path / "mixed.duckdb"
    started = [  # all at once: most of each run is starting Python and loading the parser
        spawn("ingest", str(mixed), "--db", str(db)),
        spawn("process", str(mixed), "--json"),
        spawn("demo", str(mixed), "--db", str(tmp_path / "demo.duckdb"), "--quiet"),
    ]
    ingested, processed, demo = map(finish, started)
    assert ingested.returncode == 1, ingested.stderr
    assert "empty.txt" in ingested.stderr and "1 stored" in ingested.stderr
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == 1
        assert [e["reason"] for e in store.errors()] == ["empty"]
    assert processed.returncode == 1, processed.stderr
    assert len(processed.stdout.splitlines()) == 2
    assert demo.returncode == 1, demo.stderr


@pytest.mark.slow
def test_a_clean_run_exits_0_in_the_shell(mixed: Path, tmp_path: Path) -> None:
    """Everything went in, or was already stored: 0."""
    db = tmp_path / "clean.duckdb"
    first = shell("ingest", str(mixed / "good.txt"), "--db", str(db), "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["stored"] == 1
    again = shell("ingest", str(mixed / "good.txt"), "--db", str(db), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["unchanged"] == 1


@pytest.mark.slow
def test_usage_store_and_not_found_exit_codes_in_the_shell(tmp_path: Path) -> None:
    """2 for a command called wrongly, 3 for a store that cannot be opened, 4 for a missing
    record: each with a message and no traceback."""
    good = write(tmp_path / "good.txt", ARTICLE)
    db = tmp_path / "d.duckdb"
    Store(db).close()
    cases = [
        (("ingest", str(good), "--no-such-option"), 2, "--no-such-option"),
        (
            ("ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "w.duckdb")),
            2,
            "missing",
        ),
        (("process", str(good), "--kind", "pdf"), 2, "unknown input kind"),
        (("events", "--db", str(db), "--format", "xml"), 2, "--format"),
        # a database path under a regular file cannot be created, even by root
        (("ingest", str(good), "--db", str(good / "d.duckdb")), 3, str(good / "d.duckdb")),
        (("docs", "--db", str(tmp_path / "none.duckdb")), 3, "none.duckdb"),
        (("show", "ffffffff", "--db", str(db)), 4, "ffffffff"),
        (("actor", "Nobody At All", "--db", str(db)), 4, "Nobody At All"),
    ]
    # All at once, each mostly start-up; only readers share d.duckdb, so none waits on a lock.
    started = [spawn(*args) for args, _, _ in cases]
    for (args, code, says), proc in zip(cases, map(finish, started), strict=True):
        assert (proc.returncode, "Traceback" not in proc.stderr) == (code, True), (args, proc)
        assert says in proc.stderr, (args, proc.stderr)


def _refuse_writes() -> None:
    """In the child: every write to a regular file fails (EFBIG), as when the database's folder
    cannot be written or the disk is full; unlike file permissions, this holds for root too."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))


@pytest.mark.slow
def test_a_database_that_cannot_be_written_exits_3_in_the_shell(tmp_path: Path) -> None:
    """Opening (an interrupted run to close) and starting a run both write: when the file system
    refuses, exit 3 with a message naming the database and what to do, not a traceback."""
    good = write(tmp_path / "good.txt", ARTICLE)
    interrupted, clean = tmp_path / "interrupted.duckdb", tmp_path / "clean.duckdb"
    with Store(interrupted) as store:
        store.begin_run(["killed"])  # left 'running', as by a killed ingest
    Store(clean).close()
    for db in (interrupted, clean):
        proc = shell("ingest", str(good), "--db", str(db), preexec_fn=_refuse_writes)
        assert (proc.returncode, "Traceback" not in proc.stderr) == (3, True), proc.stderr
        message = " ".join(proc.stderr.split())
        assert str(db) in message and "writable" in message and "--db" in message, message
        with Store(db, read_only=True) as store:
            assert store.counts()["documents"] == 0


@pytest.mark.slow
def test_a_sqlite_file_as_the_database_exits_3_in_the_shell(tmp_path: Path) -> None:
    """A SQLite file given as --db: exit 3 and a message naming it, for writers and readers."""
    import sqlite3

    other = tmp_path / "notes.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE notes (body TEXT)").connection.commit()
    good = write(tmp_path / "good.txt", ARTICLE)
    for args in (("ingest", str(good)), ("docs",)):
        proc = shell(*args, "--db", str(other))
        message = " ".join(proc.stderr.split())
        assert (proc.returncode, "Traceback" not in message) == (3, True), message
        assert str(other) in message and "SQLite database" in message, message
        assert "download" not in message.lower(), message
