"""The store: migrations, idempotent ingest, versions by URL, and crash safety."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from builders import ARTICLE, write
from eventwire import Settings, ingest, process_text, store_rows
from eventwire.errors import NotFoundError, StoreError, UsageError
from eventwire.recode import recode
from eventwire.store import BatchOutcome, Store, _migrations

SRC = Path(__file__).resolve().parent.parent / "src"


def test_new_store_is_migrated_to_the_latest_schema(store: Store) -> None:
    """Opening a new file applies every migration and records the version."""
    assert store.schema_version() == _migrations()[-1][0]
    tables = {
        r[0]
        for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert {"documents", "removed_spans", "ingest_errors", "runs", "schema_version"} <= tables


def test_reopening_does_not_migrate_again(db_path: Path) -> None:
    """Migrations run once; a second open finds nothing to do."""
    Store(db_path).close()
    with Store(db_path) as s:
        assert s.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(
            _migrations()
        )


def test_newer_schema_is_refused(db_path: Path) -> None:
    """A database made by a newer eventwire is not touched."""
    with Store(db_path) as s:
        s.con.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer"):
        Store(db_path)


def test_an_older_database_is_migrated_and_written(db_path: Path, tmp_path: Path) -> None:
    """A file made at an older schema version gains the later columns and takes new rows."""
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE schema_version (version INTEGER, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, sql in _migrations()[:2]:
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [version, name])
    con.close()
    with Store(db_path) as s:
        assert s.schema_version() == _migrations()[-1][0]
        ingest([str(write(tmp_path / "a.txt", ARTICLE))], s)
        added = s.con.execute(
            "SELECT count(location_country), (SELECT count(confidence) FROM event_actors), "
            "(SELECT count(*) FROM quotes) FROM events"
        ).fetchone()
        assert all(added), added


def test_written_rows_fill_the_migrated_columns(store: Store) -> None:
    """The rows the store builds name exactly the columns the migrations declare."""
    result = process_text(ARTICLE.replace("\n\nThe interior", "\n\nAdvertisement\n\nThe interior"))
    [event, *_] = result.events
    built = {
        "documents": store_rows.document_row(result, 1, None, "run", datetime(2025, 1, 1)),
        "removed_spans": store_rows.removed_span_rows(result)[0],
        "events": store_rows.event_row(event, result.published),
        "event_actors": store_rows.actor_rows(event)[0],
        "quotes": store_rows.quote_rows(result)[0],
    }
    for table, row in built.items():
        declared = store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
        assert set(row) == {name for (name,) in declared}, table


def test_only_the_store_uses_its_connection() -> None:
    """Everything outside store.py reads and writes through Store methods, not ``.con``."""
    package = Path(__file__).resolve().parent.parent / "src" / "eventwire"
    uses = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "store.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\.con\b", line)
    ]
    assert uses == []


def test_not_a_database(tmp_path: Path) -> None:
    """A file that is not DuckDB gives a StoreError that says to use another path."""
    path = write(tmp_path / "x.duckdb", "this is not a database" * 100)
    with pytest.raises(StoreError, match="--db"):
        Store(path)


def _sqlite_file(path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.execute("INSERT INTO notes VALUES ('not eventwire data')")
    con.commit()
    con.close()


def _random_file(path: Path) -> None:
    import random

    path.write_bytes(random.Random(7).randbytes(8192))


@pytest.mark.parametrize(
    ("make", "says"), [(_sqlite_file, "SQLite database"), (_random_file, "not a DuckDB")]
)
def test_a_file_of_another_kind_is_refused_by_name_and_left_alone(
    tmp_path: Path, make, says: str
) -> None:
    """A SQLite database or a file of random bytes as the store: a StoreError naming the file
    and what it is, without DuckDB trying to fetch an extension to read it, and the file is
    not touched."""
    path = tmp_path / "other.db"
    make(path)
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(StoreError) as raised:
            Store(path, read_only=read_only)
        message = str(raised.value)
        assert str(path) in message and says in message and "--db" in message, message
        assert "download" not in message.lower() and "install" not in message.lower(), message
    assert path.read_bytes() == before
    assert not Path(f"{path}.wal").exists()


def test_no_connection_loads_or_installs_extensions(db_path: Path) -> None:
    """Extension autoloading and autoinstalling are off on every connection the store makes."""
    Store(db_path).close()
    for read_only in (False, True):
        with Store(db_path, read_only=read_only) as s:
            settings = s.con.execute(
                "SELECT current_setting('autoload_known_extensions'), "
                "current_setting('autoinstall_known_extensions')"
            ).fetchone()
        assert settings == (False, False), read_only


def test_a_database_open_elsewhere_in_the_process_is_named_as_such(db_path: Path) -> None:
    """A connection of the caller's own, with DuckDB's default settings, on the same file: the
    store cannot share it (its settings differ) and says so, not that the file is no database."""
    Store(db_path).close()
    mine = duckdb.connect(str(db_path))
    try:
        with pytest.raises(StoreError, match="already open in this process"):
            Store(db_path)
    finally:
        mine.close()


def test_reingesting_the_same_content_is_a_no_op(tmp_path: Path, store: Store) -> None:
    """The same documents twice: stored once, the second run reports them unchanged."""
    path = write(tmp_path / "a.txt", ARTICLE)
    assert ingest([str(path)], store).outcome.stored == 1
    again = ingest([str(path)], store)
    assert (again.outcome.stored, again.outcome.unchanged) == (0, 1)
    assert store.counts()["documents"] == 1


def test_same_url_with_new_content_is_a_new_version(tmp_path: Path, store: Store) -> None:
    """A changed page at a known URL is stored as version 2, linked to version 1."""
    front = "---\nurl: https://example.test/story\n---\n"
    path = write(tmp_path / "a.txt", front + ARTICLE)
    ingest([str(path)], store)
    write(tmp_path / "a.txt", front + ARTICLE.replace("40 people", "55 people"))
    ingest([str(path)], store)
    rows = store.con.execute(
        "SELECT doc_id, version, previous_doc_id FROM documents ORDER BY version"
    ).fetchall()
    assert [r[1] for r in rows] == [1, 2]
    assert rows[1][2] == rows[0][0]


def test_removed_spans_are_stored_with_raw_offsets(tmp_path: Path, store: Store) -> None:
    """What cleaning removed is stored with its reason and offsets into the raw text."""
    text = ARTICLE.replace("\n\nThe interior", "\n\nAdvertisement\n\nThe interior")
    ingest([str(write(tmp_path / "a.txt", text))], store)
    doc = store.document(store.documents()[0]["doc_id"][:8])
    [span] = doc["removed"]
    assert span["reason"] == "ad-marker"
    assert doc["raw_text"][span["start"] : span["end"]] == "Advertisement"


def test_a_failed_batch_is_rolled_back(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any error inside a batch (not only DuckDB's) leaves nothing of it and the store usable."""
    path = write(tmp_path / "a.txt", ARTICLE)

    def broken(*args: object) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(store, "_clear_errors", broken)
    with pytest.raises(RuntimeError):
        ingest([str(path)], store)
    assert store.counts()["documents"] == 0
    monkeypatch.undo()
    assert ingest([str(path)], store).outcome.stored == 1


def test_tallies_count_kinds_reasons_and_plover_types(tmp_path: Path, store: Store) -> None:
    """The demo's counts: documents by input kind, debris by reason, events by PLOVER type."""
    text = ARTICLE.replace("\n\nThe interior", "\n\nAdvertisement\n\nThe interior")
    ingest([str(write(tmp_path / "a.txt", text))], store)
    tallies = store.tallies()
    assert tallies.source_kinds == [("text", 1)]
    assert tallies.removed_reasons == [("ad-marker", 1)]
    counts = [n for _, n in tallies.plover_types]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == sum(1 for e in store.events() if e["plover"])


WIRE_REPORT = (
    "---\noutlet: Example Wire\ndate: 2025-03-10\n---\n"
    "Police arrested 12 protesters in the capital on Monday, the interior ministry said.\n"
)


def test_recode_keeps_the_outlet_in_reported_via(tmp_path: Path, store: Store) -> None:
    """Recoding rebuilds each document with its metadata: claims still name its outlet."""
    ingest([str(write(tmp_path / "wire.txt", WIRE_REPORT))], store)
    before = store.events()
    assert before and all("Example Wire" in e["claim"]["reported_via"] for e in before)
    assert recode(store) == (1, len(before))
    after = store.events()
    assert after and all("Example Wire" in e["claim"]["reported_via"] for e in after)
    assert after == before


def test_documents_to_code_in_batches(tmp_path: Path, store: Store) -> None:
    """Stored documents come back in id order, a batch at a time, with their metadata."""
    for i in range(3):
        write(tmp_path / "in" / f"{i}.txt", WIRE_REPORT.replace("12", str(10 + i)))
    ingest([str(tmp_path / "in")], store, Settings(events=False))
    batches = list(store.documents_to_code(2))
    assert [len(b) for b in batches] == [2, 1]
    results = [r for b in batches for r in b]
    assert [r.doc_id for r in results] == sorted(d["doc_id"] for d in store.documents())
    assert {(r.outlet, r.published, r.source.kind) for r in results} == {
        ("Example Wire", "2025-03-10", "text")
    }
    assert all(r.text.startswith("Police arrested 1") and not r.events for r in results)


def test_document_lookup_by_prefix_and_missing(store: Store) -> None:
    """Ids resolve by unique prefix; unknown ids raise NotFoundError."""
    with pytest.raises(NotFoundError):
        store.document("ffff")


def test_fixed_input_clears_its_error(tmp_path: Path, store: Store) -> None:
    """An input that failed and later goes in has no open error left."""
    path = write(tmp_path / "a.txt", "")
    ingest([str(path)], store)
    assert [e["reason"] for e in store.errors()] == ["empty"]
    write(tmp_path / "a.txt", ARTICLE)
    ingest([str(path)], store)
    assert store.errors() == []


def test_bad_dates_are_refused_before_any_sql(store: Store) -> None:
    """The store's date filters take YYYY-MM-DD dates; anything else is a UsageError naming the
    filter, not DuckDB's conversion error."""
    with pytest.raises(UsageError, match="since 'notadate'"):
        store.documents(since="notadate")
    with pytest.raises(UsageError, match="until '2025-02-30'"):
        store.events(until="2025-02-30")
    assert store.documents(since="2025-03-14", until="2025-03-14") == []


def test_document_ids_are_stable() -> None:
    """The id depends on URL and cleaned text only."""
    a = process_text(ARTICLE, url="https://x.test/1")
    b = process_text(ARTICLE, url="https://x.test/1", outlet="Other")
    c = process_text(ARTICLE, url="https://x.test/2")
    assert a.doc_id == b.doc_id != c.doc_id


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_store(tmp_path: Path) -> None:
    """Kill -9 during ingest: whole batches or nothing are stored; a rerun completes the job."""
    total = 700
    src = tmp_path / "many.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(total):
            text = f"Police in Nairobi arrested {i} protesters on Tuesday, officials said."
            f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    db = tmp_path / "crash.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "eventwire",
        "-v",
        "ingest",
        str(src),
        "--db",
        str(db),
        "--batch-size",
        "7",
        "--quiet",
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    seen = 0
    for line in proc.stderr:
        if "committed batch" in line:
            seen += 1
            if seen == 3:
                proc.send_signal(signal.SIGKILL)
                break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    with Store(db) as s:
        stored = s.counts()["documents"]
        assert 3 * 7 <= stored < total and stored % 7 == 0  # whole batches only
        orphans = s.con.execute(
            "SELECT count(*) FROM removed_spans WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
        assert s.con.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
        report = ingest([str(src)], s, Settings(batch_size=500))
        assert report.outcome.unchanged == stored
        assert report.outcome.stored == total - stored
        ids = s.con.execute("SELECT count(*), count(DISTINCT caller_id) FROM documents").fetchone()
        assert ids == (total, total)


def test_store_in_use_by_another_process(db_path: Path) -> None:
    """A second writer gets a clear 'in use' message, not a DuckDB trace."""
    Store(db_path).close()
    code = (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
        "print('ready', flush=True); time.sleep(30)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(db_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use"):
            Store(db_path)
    finally:
        holder.kill()
        holder.wait()
    assert duckdb  # the module is importable here too


# A child process in which the file system refuses every write to a regular file (RLIMIT_FSIZE
# of 0, SIGXFSZ ignored so that writes fail with EFBIG instead of killing it). This is what a
# database in a folder the user cannot write to (its WAL cannot be written), or a full disk, does
# to DuckDB, and unlike file permissions it holds for root too.
REFUSING_WRITES = """
import json, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))
from eventwire.model import SourceError, SourceRef
from eventwire.store import BatchOutcome, Store
dead, clean, run_id, new = sys.argv[1:]
failed = {}

def attempt(name, step):
    try:
        step()
        failed[name] = None
    except Exception as exc:
        failed[name] = [type(exc).__name__, str(exc)]

attempt("open a new file", lambda: Store(new).close())
attempt("open with an interrupted run", lambda: Store(dead).close())
store = Store(clean)
attempt("begin_run", lambda: store.begin_run(["x"]))
attempt("finish_run", lambda: store.finish_run(run_id, BatchOutcome()))
error = SourceError(SourceRef("x.txt"), "empty", "the file is empty")
attempt("write_batch", lambda: store.write_batch([], [error], run_id))
attempt("close", store.close)
print(json.dumps(failed))
"""


def test_a_store_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    """Every write of the store outside a batch (opening, closing interrupted runs, run records)
    and inside one (error records) fails with a StoreError naming the database and what to do,
    not a DuckDB exception."""
    dead, clean = tmp_path / "dead.duckdb", tmp_path / "clean.duckdb"
    with Store(dead) as s:
        s.begin_run(["killed"])  # left 'running', as by a killed ingest
    with Store(clean) as s:
        run_id = s.begin_run(["done"])
        s.finish_run(run_id, BatchOutcome())
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            REFUSING_WRITES,
            str(dead),
            str(clean),
            run_id,
            str(tmp_path / "new.duckdb"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    failed = json.loads(proc.stdout)
    assert failed.pop("close") is None
    for step, (kind, message) in failed.items():
        assert kind == "StoreError", (step, kind, message)
        assert str(tmp_path) in message and "--db" in message, (step, message)
    for step in ("open with an interrupted run", "begin_run", "finish_run", "write_batch"):
        assert "writable" in failed[step][1], (step, failed[step][1])
    with Store(clean, read_only=True) as s:  # nothing was harmed
        assert s.counts()["errors"] == 0


# The disk fills up after the first batch: once it is committed, the child lowers its own
# RLIMIT_FSIZE to the WAL's size, so the next commit cannot grow the WAL (EFBIG, as ENOSPC).
DISK_FULL_AFTER_ONE_BATCH = """
import os, resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from eventwire import Settings, ingest
from eventwire.store import Store
src, db = sys.argv[1:]

def fill_the_disk(report, done):
    size = os.path.getsize(db + ".wal")
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

with Store(db) as store:
    try:
        ingest([src], store, Settings(batch_size=2, events=False), on_batch=fill_the_disk)
    except Exception as exc:
        print(type(exc).__name__, exc)
"""


def test_a_full_disk_mid_ingest_rolls_back_the_batch_and_keeps_the_earlier_ones(
    tmp_path: Path,
) -> None:
    """A write failing inside a batch: that batch is rolled back whole, the error says what
    failed and what to do (not the run record's failure that follows it), the batches
    committed before are intact, and a rerun stores the rest."""
    src = tmp_path / "docs.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(6):
            text = f"Police in Nairobi arrested {i} protesters on Tuesday, officials said."
            f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    db = tmp_path / "full.duckdb"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
    }
    proc = subprocess.run(
        [sys.executable, "-c", DISK_FULL_AFTER_ONE_BATCH, str(src), str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    kind, _, message = proc.stdout.strip().partition(" ")
    assert kind == "StoreError", proc.stdout
    assert f"writing a batch to {db} failed" in message and "File too large" in message, message
    assert "committed before this one are kept" in message and "--db" in message, message
    with Store(db) as s:
        assert s.counts()["documents"] == 2  # the first batch, whole
        assert s.con.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
        assert ingest([str(src)], s, Settings(events=False)).outcome.stored == 4
