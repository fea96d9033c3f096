"""Crash safety: ``eventwire ingest`` killed with SIGKILL at random points, over and over, never
leaves a document half stored, and a rerun completes the store to exactly what one clean run
gives (no duplicate, no document missing).

The corpus (tests/crash_corpus.py) is 300 short documents of every kind, with bad inputs among
them, stored in batches of 7 (44 commits a run). A cycle starts from an empty database and
kills the ingest up to 10 times at random points (seeded): mostly a random moment after a
random committed batch (the last included: the kill then lands while the store is closed),
some a random moment of the start-up (imports, opening and migrating the store). After each
kill the database is opened as the next run opens it and compared with a clean run's: every
stored document with its removed spans, events, actors and quotes exactly as there, and no
row of a document that is not stored. The cycle ends with a run to completion, which must
give the clean run's store exactly.

The default run does one short cycle (2 kills). ``make crash`` runs the long loop:
EVENTWIRE_CRASH_KILLS (kills in all; a tenth of them with event coding, the rest with
--no-events), EVENTWIRE_CRASH_WORKERS (cycles run side by side), EVENTWIRE_CRASH_SEED.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from crash_corpus import write_corpus
from eventwire.store import Store

SRC = Path(__file__).resolve().parent.parent / "src"
KILLS = int(os.environ.get("EVENTWIRE_CRASH_KILLS", "2"))
SEED = int(os.environ.get("EVENTWIRE_CRASH_SEED", "20261207"))
WORKERS = int(os.environ.get("EVENTWIRE_CRASH_WORKERS", "1"))
KILLS_PER_CYCLE = 10
RUN_TIMEOUT = 300  # seconds one ingest of the corpus may take before it counts as hung
BATCH = "7"
# Share of kills drawn in the start-up (imports, opening and migrating the store) rather than
# while batches are written.
STARTUP_SHARE = 0.1
# Share of the other kills drawn after a batch of documents not stored yet (the rest are drawn
# over the whole run, where the first batches hold documents stored before).
NEW_SHARE = 0.7


def _command(corpus: Path, db: Path, coded: bool, verbose: bool = False) -> list[str]:
    return [
        sys.executable,
        "-m",
        "eventwire",
        *(["-v"] if verbose else []),
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--batch-size",
        BATCH,
        "--quiet",
        *([] if coded else ["--no-events"]),
    ]


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{path}" if path else str(SRC)}


@dataclass
class State:
    """Everything a store holds about its documents, keyed for comparison."""

    docs: dict[str, tuple]
    spans: dict[str, list]
    events: dict[str, list]
    actors: dict[str, list]
    quotes: dict[str, list]
    errors: dict[tuple[str, str], str]
    runs: list[str] = field(default_factory=list)


def _state(db: Path) -> State:
    """The store as the next run sees it: opened (which also marks killed runs interrupted)."""
    with Store(db) as store:
        con = store.con

        def grouped(sql: str) -> dict[str, list]:
            out: dict[str, list] = {}
            for key, *rest in con.execute(sql).fetchall():
                out.setdefault(key, []).append(tuple(rest))
            return out

        docs = {
            row[0]: row[1:]
            for row in con.execute(
                "SELECT doc_id, content_hash, caller_id, url, outlet, published, title, dek, "
                "text, raw_text, segments, source_path, source_locator, source_kind, encoding, "
                "version, previous_doc_id FROM documents"
            ).fetchall()
        }
        assert len(docs) == con.execute("SELECT count(*) FROM documents").fetchone()[0]
        return State(
            docs=docs,
            spans=grouped(
                'SELECT doc_id, seq, reason, "start", "end", text FROM removed_spans '
                "ORDER BY doc_id, seq"
            ),
            events=grouped("SELECT doc_id, event_id, record FROM events ORDER BY event_id"),
            actors=grouped(
                'SELECT event_id, role, seq, text, code, "start", "end", kb_id FROM event_actors '
                "ORDER BY event_id, role, seq"
            ),
            quotes=grouped(
                'SELECT doc_id, seq, cue, text, "start", "end" FROM quotes ORDER BY doc_id, seq'
            ),
            errors={
                (path, locator): reason
                for path, locator, reason in con.execute(
                    "SELECT source_path, source_locator, reason FROM ingest_errors"
                ).fetchall()
            },
            runs=[row[0] for row in con.execute("SELECT status FROM runs").fetchall()],
        )


def check_consistent(state: State, reference: State) -> None:
    """A killed store holds a subset of the clean run's documents, each one whole, and nothing
    of any other."""
    extra = set(state.docs) - set(reference.docs)
    assert not extra, f"documents the clean run does not have: {sorted(extra)[:3]}"
    for doc_id, row in state.docs.items():
        assert row == reference.docs[doc_id], f"document {doc_id} differs from the clean run"
    stored = set(state.docs)
    for table in ("spans", "events", "quotes"):
        got = getattr(state, table)
        want = {d: rows for d, rows in getattr(reference, table).items() if d in stored}
        assert got == want, f"{table} of the stored documents differ from the clean run's"
    event_ids = {event_id for rows in state.events.values() for event_id, _ in rows}
    want = {e: rows for e, rows in reference.actors.items() if e in event_ids}
    assert state.actors == want, "event actors differ from the clean run's"
    for key, reason in state.errors.items():
        assert reference.errors.get(key) == reason, f"error {key}: {reason}"
    assert "running" not in state.runs, "a killed run was not marked interrupted on open"


def _reference(corpus: Path, db: Path, coded: bool) -> tuple[State, Timeline]:
    """A clean run: its store, and when (seconds after the start) it first committed a batch
    and when it ended."""
    started = time.monotonic()
    proc = subprocess.Popen(
        _command(corpus, db, coded, verbose=True),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    first = None
    lines = []
    batches = 0
    for line in proc.stderr:
        lines.append(line)
        if "committed batch" in line:
            batches += 1
            first = first or time.monotonic() - started
    proc.wait()
    ended = time.monotonic() - started
    assert proc.returncode == 1, "".join(lines)  # 1: the bad inputs failed, the rest went in
    assert first is not None and not any("Traceback" in line for line in lines)
    return _state(db), Timeline(first, ended, batches)


@dataclass
class Tally:
    kills: int = 0
    coded_kills: int = 0
    during_startup: int = 0
    during_writes: int = 0  # after a committed batch, before the next or the end
    finished_first: int = 0
    interrupted_runs: int = 0
    cycles: int = 0
    stored_when_killed: set[int] = field(default_factory=set)

    def add(self, other: Tally) -> None:
        for name, value in other.__dict__.items():
            if isinstance(value, set):
                value = getattr(self, name) | value
            else:
                value = getattr(self, name) + value
            setattr(self, name, value)


@dataclass
class Timeline:
    """When a clean run first committed a batch and when it ended (seconds after its start),
    and how many batches it committed."""

    first: float
    ended: float
    batches: int


def _kill_somewhere(
    cmd: list[str], timeline: Timeline, done: int, rng: random.Random
) -> tuple[str, str]:
    """Run ``cmd`` and kill it at a random point: mostly a random moment after a random
    committed batch (up to the last, which kills it while it closes the store), most often one
    past the ``done`` batches an earlier run stored, so that the kill lands among new
    documents; sometimes a random moment of its start-up. Returns where it was killed
    ("startup", "writes", or "finished" if it ended first) and its standard error."""
    proc = subprocess.Popen(
        [*cmd[:3], "-v", *cmd[3:]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    hung: list[bool] = []
    watchdog = threading.Timer(RUN_TIMEOUT, lambda: hung.append(True) or proc.kill())
    watchdog.start()
    lines: list[str] = []
    if rng.random() < STARTUP_SHARE:
        phase = "startup"
        time.sleep(rng.uniform(0, timeline.first))
    else:
        phase = "writes"
        after = rng.randint(1, timeline.batches)
        if rng.random() < NEW_SHARE:
            after = rng.randint(min(done + 1, timeline.batches), timeline.batches)
        gap = (timeline.ended - timeline.first) / max(timeline.batches, 1)
        committed = 0
        for line in proc.stderr:
            lines.append(line)
            committed += "committed batch" in line
            if committed == after:
                break
        time.sleep(rng.uniform(0, gap))
    proc.send_signal(signal.SIGKILL)
    lines.append(proc.stderr.read())
    proc.wait()
    watchdog.cancel()
    assert not hung, f"an ingest ran over {RUN_TIMEOUT} s:\n{''.join(lines)[-2000:]}"
    if proc.returncode != -signal.SIGKILL:
        assert proc.returncode in (0, 1), "".join(lines)
        phase = "finished"
    return phase, "".join(lines)


def _cycle(
    corpus: Path,
    db: Path,
    reference: State,
    timeline: Timeline,
    kills: int,
    coded: bool,
    rng: random.Random,
) -> Tally:
    """Kill ingests into a new store ``kills`` times, checking it after each; then complete."""
    tally = Tally()
    done = 0  # batches of the corpus stored
    while tally.kills < kills:
        assert tally.finished_first < 3 * kills + 5, "the runs keep ending before the kill"
        phase, log = _kill_somewhere(_command(corpus, db, coded), timeline, done, rng)
        assert "Traceback" not in log, log
        if phase == "finished":
            tally.finished_first += 1
        else:
            tally.kills += 1
            tally.coded_kills += coded
            tally.during_startup += phase == "startup"
            tally.during_writes += phase == "writes"
        if db.exists():
            state = _state(db)
            check_consistent(state, reference)
            tally.stored_when_killed.add(len(state.docs))
            done = len(state.docs) // int(BATCH)
    # Then a run to the end: the store is the clean run's, no document missing or twice.
    result = subprocess.run(
        _command(corpus, db, coded), capture_output=True, text=True, env=_env(), check=False
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    final = _state(db)
    check_consistent(final, reference)
    assert set(final.docs) == set(reference.docs), "documents missing after the rerun"
    assert final.errors == reference.errors
    keys = [(row[10], row[11]) for row in final.docs.values()]  # source path and locator
    assert len(keys) == len(set(keys)), "an input stored twice"
    tally.interrupted_runs += final.runs.count("interrupted")
    tally.cycles += 1
    return tally


def _worker(
    worker: int,
    corpus: Path,
    folder: Path,
    plans: list[tuple[bool, int]],
    references: dict[bool, tuple[State, Timeline]],
) -> Tally:
    rng = random.Random(SEED * 1000 + worker)
    tally = Tally()
    for cycle, (coded, kills) in enumerate(plans):
        db = folder / f"killed-{worker}-{cycle}.duckdb"
        reference, timeline = references[coded]
        tally.add(_cycle(corpus, db, reference, timeline, kills, coded, rng))
    return tally


@pytest.mark.slow
def test_sigkill_loop_leaves_whole_documents_and_a_rerun_completes(tmp_path: Path) -> None:
    started = time.monotonic()
    corpus = tmp_path / "corpus"
    assert write_corpus(corpus) == 300
    coded_kills = KILLS // 10 if KILLS >= 20 else 0
    cycles = [(True, coded_kills)] if coded_kills else []
    plain = KILLS - coded_kills
    while plain > 0:
        cycles.append((False, min(KILLS_PER_CYCLE, plain)))
        plain -= KILLS_PER_CYCLE
    references = {
        coded: _reference(corpus, tmp_path / f"clean-{coded}.duckdb", coded)
        for coded in {coded for coded, _ in cycles}
    }
    for coded, (reference, timeline) in references.items():
        assert len(reference.docs) == 300 and len(reference.errors) == 4
        assert bool(reference.events) == coded and timeline.batches > 10
    plans: list[list[tuple[bool, int]]] = [[] for _ in range(WORKERS)]
    for i, cycle in enumerate(cycles):
        plans[i % WORKERS].append(cycle)
    with ThreadPoolExecutor(WORKERS) as pool:
        tallies = list(
            pool.map(lambda w: _worker(w, corpus, tmp_path, plans[w], references), range(WORKERS))
        )
    tally = Tally()
    for t in tallies:
        tally.add(t)
    assert tally.kills == KILLS
    summary = {k: v for k, v in tally.__dict__.items() if k != "stored_when_killed"}
    summary["distinct_stored_counts_when_killed"] = len(tally.stored_when_killed)
    summary["seconds"] = round(time.monotonic() - started, 1)
    summary["workers"] = WORKERS
    print("\ncrash loop:", json.dumps(summary))
