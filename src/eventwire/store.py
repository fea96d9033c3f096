"""The DuckDB store: schema migrations, transactional batch writes, and reads.

One ``Store`` owns one DuckDB connection. Writes go in one transaction per batch, so a crash
leaves whole batches or nothing; documents are keyed by a hash of URL and cleaned text, so a
rerun after a crash stores only what is missing.

The schema is declared once, in the ordered SQL migrations of ``eventwire/data/migrations``;
the column types the inserts need are read back from the database's catalogue. Nothing outside
this module uses the connection: the rest of eventwire reads and writes through ``Store``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from eventwire import store_rows
from eventwire.config import checked_date, default_db_path
from eventwire.errors import NOTICES, NotFoundError, StoreError
from eventwire.model import DocumentResult, SourceError, SourceRef

MIGRATIONS_PACKAGE = "eventwire.data.migrations"

# What to do when the database cannot be written: the causes DuckDB reports (a folder the user
# may not write to, so no WAL file beside the database; a full disk; a file without write
# permission) are all outside eventwire.
WRITE_ADVICE = (
    "check that the file and its folder are writable and that the disk has room, "
    "or pass another path with --db"
)


# Every connection: no DuckDB extension is loaded or installed behind our back. Given a file of
# another format (a SQLite database) DuckDB would otherwise download a reader for it, and open
# it, and the migrations would write eventwire's tables into someone else's database.
CONNECTION_CONFIG = {"autoload_known_extensions": False, "autoinstall_known_extensions": False}


def _foreign(path: str) -> str | None:
    """What the file at ``path`` is, when it exists and is not a DuckDB database (whose header
    holds ``DUCK`` at byte 8)."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return None
    if head[8:12] == b"DUCK":
        return None
    if not head:
        return "an empty file"
    if head.startswith(b"SQLite format 3\0"):
        return "a SQLite database"
    return "a file of another kind"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration file, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append((version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


@dataclass
class BatchOutcome:
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    notices: int = 0

    def add(self, other: BatchOutcome) -> None:
        self.stored += other.stored
        self.unchanged += other.unchanged
        self.failed += other.failed
        self.notices += other.notices


@dataclass(frozen=True)
class Tallies:
    """Counts over the whole store, each a list of (value, count): documents by input kind
    (in the kinds' order), removed spans by reason and events by PLOVER type (most first)."""

    source_kinds: list[tuple[str, int]]
    removed_reasons: list[tuple[str, int]]
    plover_types: list[tuple[str, int]]


def _date_range(
    where: list[str],
    params: list[Any],
    since: str | None,
    until: str | None,
    column: str = "published",
) -> None:
    """Add a filter on a date column (inclusive bounds, YYYY-MM-DD dates)."""
    checked_date(since, "since")
    checked_date(until, "until")
    if since:
        where.append(f"{column} >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append(f"{column} <= CAST(? AS DATE)")
        params.append(until)


class Store:
    """The embedded database of documents (and, later, events, actors and stories)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self._types: dict[str, dict[str, str]] = {}
        try:
            self.con = duckdb.connect(self.path, read_only=read_only, config=CONNECTION_CONFIG)
        except duckdb.Error as exc:
            what = _foreign(self.path)
            if what:
                fix = "delete it or " if what == "an empty file" else ""
                raise StoreError(
                    f"{self.path} is not a DuckDB database, it is {what}; eventwire keeps its "
                    f"store in a DuckDB file: {fix}pass another path with --db (eventwire "
                    "makes a new database there)"
                ) from exc
            if isinstance(exc, duckdb.ConnectionException):
                # Connections to one file in one process must share their settings, and the
                # store's turn extension loading off.
                raise StoreError(
                    f"the database {self.path} is already open in this process with other "
                    f"settings ({exc}); close that connection first, or pass another path "
                    "with --db"
                ) from exc
            if not isinstance(exc, duckdb.IOException):
                raise StoreError(
                    f"cannot open {self.path} as a DuckDB database ({exc}); "
                    "pass another path with --db"
                ) from exc
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"the database {self.path} is in use by another process; wait for it to "
                    "finish, or use another file with --db"
                ) from exc
            raise StoreError(
                f"cannot open the database {self.path} ({exc}); {WRITE_ADVICE}"
            ) from exc
        try:
            if read_only:
                self._check_schema()
            else:
                self.migrate()
                self._close_dead_runs()
        except BaseException:
            with suppress(duckdb.Error):
                self.con.close()  # let go of the file (and its lock) before reporting
            raise

    # -- schema ---------------------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply the migrations this database lacks, each in its own transaction."""
        with self._writing(f"preparing the database {self.path}"):
            self.con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
            )
        current = self.schema_version()
        latest = _migrations()[-1][0]
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this eventwire "
                f"({latest}); upgrade eventwire"
            )
        for version, name, sql in _migrations():
            if version <= current:
                continue
            with self._transaction(f"applying the migration {name} to {self.path}"):
                self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)", [version, name, _now()]
                )
        self._types.clear()  # the tables' columns may have changed
        return self.schema_version()

    def _check_schema(self) -> None:
        if self.schema_version() < _migrations()[-1][0]:
            raise StoreError(
                f"{self.path} has no eventwire data yet (or an old schema); "
                "run 'eventwire ingest' on it first"
            )

    def _close_dead_runs(self) -> None:
        # We hold the write lock, so no other process is running: a 'running' run was killed.
        with self._writing(f"marking interrupted runs in {self.path}"):
            self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")

    @contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """A write outside a batch: a database error becomes a StoreError saying what was being
        written, the error, and what to do."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{what} failed: {exc}; {WRITE_ADVICE}") from exc

    @contextmanager
    def _transaction(self, what: str, advice: str = WRITE_ADVICE) -> Iterator[None]:
        """One transaction around the block: committed if the block ends normally, rolled back
        otherwise; a database error becomes a StoreError saying what was being written, the
        error, and ``advice``."""
        with self._writing(what):
            self.con.begin()
        try:
            yield
            self.con.commit()
        except duckdb.Error as exc:
            self._rollback()
            raise StoreError(f"{what} failed: {exc}; {advice}") from exc
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back the open transaction, if there still is one: a failed COMMIT (a full
        disk) has already ended it, and that error, not this one, is the one to report."""
        with suppress(duckdb.Error):
            self.con.rollback()

    # -- runs -----------------------------------------------------------------------------------

    def begin_run(self, inputs: list[str]) -> str:
        run_id = uuid.uuid4().hex[:16]
        with self._writing(f"recording the start of a run in {self.path}"):
            self.con.execute(
                "INSERT INTO runs (run_id, started_at, inputs, status) VALUES (?, ?, ?, 'running')",
                [run_id, _now(), json.dumps(inputs)],
            )
        return run_id

    def finish_run(self, run_id: str, outcome: BatchOutcome, status: str = "done") -> None:
        with self._writing(f"recording the end of run {run_id} in {self.path}"):
            self.con.execute(
                "UPDATE runs SET finished_at = ?, stored = ?, unchanged = ?, failed = ?, "
                "status = ? WHERE run_id = ?",
                [_now(), outcome.stored, outcome.unchanged, outcome.failed, status, run_id],
            )

    # -- writes ---------------------------------------------------------------------------------

    def write_batch(
        self, results: list[DocumentResult], errors: list[SourceError], run_id: str
    ) -> BatchOutcome:
        """Store a batch of results and source errors in one transaction.

        Documents already stored (same id) are counted as unchanged; a new text at a known URL
        becomes the next version of that URL. The inserts are set-based: a few statements per
        batch, not per document.
        """
        outcome = BatchOutcome()
        now = _now()
        docs = [r for r in results if not r.error]
        with self._transaction(
            f"writing a batch to {self.path}",
            "the batches committed before this one are kept, this one was rolled back; "
            f"{WRITE_ADVICE}, then run the command again to store the rest",
        ):
            new_docs = self._new_documents(docs)
            outcome.stored = len(new_docs)
            outcome.unchanged = len(docs) - len(new_docs)
            self._insert_documents(new_docs, run_id, now)
            self._clear_errors(docs)
            for r in results:
                if r.error:
                    self._record_error(
                        r.source.path,
                        r.source.locator,
                        r.source.kind,
                        r.error,
                        r.error_message or "",
                        run_id,
                        now,
                    )
                    outcome.failed += 1
            for err in errors:
                self._record_error(
                    err.source.path,
                    err.source.locator,
                    err.source.kind,
                    err.reason,
                    err.message,
                    run_id,
                    now,
                )
                if err.reason in NOTICES:
                    outcome.notices += 1
                else:
                    outcome.failed += 1
        return outcome

    def _new_documents(self, docs: list[DocumentResult]) -> list[DocumentResult]:
        """The documents of a batch not yet stored, each once."""
        ids = list({r.doc_id for r in docs})
        stored = {
            row[0]
            for row in self.con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        }
        fresh: dict[str, DocumentResult] = {}
        for r in docs:
            if r.doc_id not in stored and r.doc_id not in fresh:
                fresh[r.doc_id] = r
        return list(fresh.values())

    def _versions(self, docs: list[DocumentResult]) -> dict[str, tuple[str, int]]:
        """The latest stored (doc_id, version) of each URL in ``docs``."""
        urls = list({r.url for r in docs if r.url})
        if not urls:
            return {}
        rows = self.con.execute(
            "SELECT url, arg_max(doc_id, version), max(version) FROM documents "
            "WHERE url IN (SELECT unnest(?::VARCHAR[])) GROUP BY url",
            [urls],
        ).fetchall()
        return {url: (doc_id, version) for url, doc_id, version in rows}

    def _insert_documents(self, docs: list[DocumentResult], run_id: str, now: datetime) -> None:
        if not docs:
            return
        latest = self._versions(docs)
        rows = []
        for r in docs:
            previous, version = None, 1
            if r.url in latest:
                previous, version = latest[r.url][0], latest[r.url][1] + 1
            if r.url:
                latest[r.url] = (r.doc_id, version)  # a second version within the batch
            rows.append(store_rows.document_row(r, version, previous, run_id, now))
        self._insert_rows("documents", rows)
        self._insert_rows(
            "removed_spans", [s for r in docs for s in store_rows.removed_span_rows(r)]
        )
        self._insert_events(docs)

    def _insert_events(self, docs: list[DocumentResult]) -> None:
        """Insert the events, their actors and the quotes of these documents."""
        events, actors = [], []
        seen: set[str] = set()
        for r in docs:
            for e in r.events:
                if e.event_id in seen:
                    continue
                seen.add(e.event_id)
                events.append(store_rows.event_row(e, r.published))
                actors += store_rows.actor_rows(e)
        self._insert_rows("events", events)
        self._insert_rows("event_actors", actors)
        self._insert_rows("quotes", [q for r in docs for q in store_rows.quote_rows(r)])

    def replace_events(self, results: list[DocumentResult]) -> int:
        """Replace the stored events of these documents (after the coder changed), in one
        transaction; returns the number of events now stored for them."""
        ids = [r.doc_id for r in results]
        with self._transaction(f"replacing events in {self.path}"):
            self.con.execute(
                "DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events "
                "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])))",
                [ids],
            )
            self.con.execute(
                "DELETE FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            )
            self.con.execute(
                "DELETE FROM quotes WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            )
            self.con.executemany(
                "UPDATE documents SET language = ?, relevance = ? WHERE doc_id = ?",
                [[r.language, r.relevance, r.doc_id] for r in results],
            )
            self._insert_events(results)
        return sum(len(r.events) for r in results)

    def _column_types(self, table: str) -> dict[str, str]:
        """The columns of ``table`` and their SQL types, as the migrations made them (read from
        the database's catalogue, so the schema is declared only in the migrations)."""
        types = self._types.get(table)
        if types is None:
            rows = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_catalog = current_database() AND table_schema = 'main' "
                "AND table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            types = self._types[table] = dict(rows)
        return types

    def _insert_rows(self, table: str, rows: list[store_rows.Row]) -> None:
        """One INSERT for many rows (dicts with the same keys, each a column of ``table``):
        each column is passed as one list, cast to the column's type and unnested in step."""
        if not rows:
            return
        types = self._column_types(table)
        names = list(rows[0])
        unknown = [name for name in names if name not in types]
        if unknown:
            raise StoreError(f"{table} in {self.path} has no column {', '.join(unknown)}")
        select = ", ".join(f"unnest(?::{types[name]}[])" for name in names)
        columns = ", ".join(f'"{name}"' for name in names)
        self.con.execute(
            f"INSERT INTO {table} ({columns}) SELECT {select}",
            [[row[name] for row in rows] for name in names],
        )

    def _clear_errors(self, docs: list[DocumentResult]) -> None:
        """Inputs that now go in no longer have an open error."""
        if not docs:
            return
        self.con.execute(
            "DELETE FROM ingest_errors WHERE (source_path, source_locator) IN "
            "(SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]))",
            [[r.source.path for r in docs], [r.source.locator for r in docs]],
        )

    def _record_error(
        self,
        path: str,
        locator: str,
        kind: str | None,
        reason: str,
        message: str,
        run_id: str,
        now: datetime,
    ) -> None:
        self.con.execute(
            "INSERT INTO ingest_errors VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source_path, source_locator) DO UPDATE SET "
            "reason = excluded.reason, message = excluded.message, "
            "last_seen = excluded.last_seen, run_id = excluded.run_id, "
            "source_kind = excluded.source_kind",
            [path, locator, kind, reason, message, now, now, run_id],
        )

    # -- reads ----------------------------------------------------------------------------------

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def documents(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored documents, newest publication first, filtered by outlet and date range."""
        where, params = ["TRUE"], []
        if outlet:
            where.append("lower(outlet) LIKE lower(?)")
            params.append(f"%{outlet}%")
        _date_range(where, params, since, until)
        sql = (
            "SELECT doc_id, published, outlet, title, url, version, length(text) AS chars, "
            "(SELECT count(*) FROM removed_spans r WHERE r.doc_id = d.doc_id) AS removed "
            f"FROM documents d WHERE {' AND '.join(where)} "
            "ORDER BY published DESC NULLS LAST, ingested_at, doc_id"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return self._rows(sql, params)

    def documents_to_code(self, batch_size: int) -> Iterator[list[DocumentResult]]:
        """Every stored document as a DocumentResult with its text and the metadata coding uses
        (outlet, publication date, URL, title, caller id, source), ``batch_size`` at a time in
        id order; no events, quotes, raw text or removed spans. Each batch is read when asked
        for, so the events of the previous one can be replaced in between."""
        after = ""
        while True:
            rows = self._rows(
                "SELECT doc_id, caller_id AS id, url, outlet, "
                "CAST(published AS VARCHAR) AS published, title, dek, text, encoding, "
                "source_path, source_locator, source_kind "
                f"FROM documents WHERE doc_id > ? ORDER BY doc_id LIMIT {int(batch_size)}",
                [after],
            )
            if not rows:
                return
            yield [
                DocumentResult(
                    source=SourceRef(
                        row.pop("source_path"), row.pop("source_locator"), row.pop("source_kind")
                    ),
                    **row,
                )
                for row in rows
            ]
            after = rows[-1]["doc_id"]

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document by id or unique id prefix."""
        rows = self._rows(
            "SELECT * FROM documents WHERE doc_id LIKE ? ORDER BY doc_id LIMIT 2",
            [doc_id.lower() + "%"],
        )
        if not rows:
            raise NotFoundError(
                f"no document {doc_id!r} in {self.path}; 'eventwire docs' lists them"
            )
        if len(rows) > 1:
            raise NotFoundError(f"{doc_id!r} matches several documents; give more of the id")
        doc = rows[0]
        doc["removed"] = self._rows(
            'SELECT reason, "start", "end", text FROM removed_spans WHERE doc_id = ? ORDER BY seq',
            [doc["doc_id"]],
        )
        return doc

    def events(
        self,
        actor: str | None = None,
        country: str | None = None,
        cameo: str | None = None,
        plover: str | None = None,
        since: str | None = None,
        until: str | None = None,
        modality: str | None = None,
        doc_id: str | None = None,
        limit: int | None = 100,
        location: str | None = None,
        disputed: bool = False,
        claimant: str | None = None,
        min_confidence: float | None = None,
    ) -> list[dict[str, Any]]:
        """Stored event records (dicts of the event contract), filtered.

        ``actor`` matches an actor code prefix or a word of the actor's text or name;
        ``country`` an actor's country; ``cameo`` a code prefix (a root is a prefix);
        ``plover`` the PLOVER type; ``since``/``until`` the event's date (else its document's);
        ``location`` the country where the event took place; ``disputed`` only events someone
        denies; ``claimant`` a code prefix or canonical name of who asserts the event;
        ``min_confidence`` only events at least that confident (None or 0: every event; an
        event coded before confidences existed counts as confident).
        """
        where, params = ["TRUE"], []
        if actor:
            where.append(
                "event_id IN (SELECT event_id FROM event_actors WHERE code LIKE ? "
                "OR lower(text) LIKE ? OR lower(name) LIKE ?)"
            )
            params += [actor.upper() + "%", f"%{actor.lower()}%", f"%{actor.lower()}%"]
        if country:
            where.append("event_id IN (SELECT event_id FROM event_actors WHERE country = ?)")
            params.append(country.upper())
        if cameo:
            where.append("cameo LIKE ?")
            params.append(cameo + "%")
        if plover:
            where.append("plover = ?")
            params.append(plover.upper())
        # The event's own date when it has one, else its document's.
        _date_range(where, params, since, until, "coalesce(event_date, published)")
        if location:
            where.append("location_country = ?")
            params.append(location.upper())
        if disputed:
            where.append("json_array_length(json_extract(record, '$.claim.disputed_by')) > 0")
        if claimant:
            where.append(
                "(json_extract_string(record, '$.claim.claimant.code') LIKE ? "
                "OR lower(json_extract_string(record, '$.claim.claimant.name')) = ?)"
            )
            params += [claimant.upper() + "%", claimant.lower()]
        if modality:
            where.append("modality = ?")
            params.append(modality)
        if min_confidence:
            where.append("coalesce(confidence, 1.0) >= ?")
            params.append(min_confidence)
        if doc_id:
            where.append("doc_id LIKE ?")
            params.append(doc_id.lower() + "%")
        sql = (
            f"SELECT record FROM events WHERE {' AND '.join(where)} "
            "ORDER BY published DESC NULLS LAST, doc_id, evidence_start, trigger_start"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [json.loads(row[0]) for row in self.con.execute(sql, params).fetchall()]

    def actors(self, code: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
        """Actors of the stored events, one row per canonical name (or code, for actors known
        only by country and sector), most frequent first: mentions, events, documents, the
        commonest texts and the mean confidence."""
        where, params = ["code IS NOT NULL"], []
        if code:
            where.append("code LIKE ?")
            params.append(code.upper() + "%")
        sql = (
            "SELECT coalesce(a.name, regexp_replace(a.kb_id, '^(org|country)/', ''), a.code) "
            "AS actor, a.code, any_value(a.kb_id) AS kb_id, "
            "count(*) AS mentions, count(DISTINCT a.event_id) AS events, "
            "count(DISTINCT e.doc_id) AS documents, round(avg(a.confidence), 2) AS confidence, "
            "string_agg(DISTINCT a.text, ' | ') AS texts "
            "FROM event_actors a JOIN events e USING (event_id) "
            f"WHERE {' AND '.join('a.' + w if w.startswith('code') else w for w in where)} "
            "GROUP BY ALL ORDER BY mentions DESC, actor, a.code"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._rows(sql, params)

    def actor_events(self, name: str, limit: int | None = 100) -> list[dict[str, Any]]:
        """Events with an actor whose canonical name, knowledge-base id or text matches ``name``
        (case-insensitive; an exact code matches too)."""
        sql = (
            "SELECT record FROM events WHERE event_id IN (SELECT event_id FROM event_actors "
            "WHERE lower(name) = lower(?) OR lower(kb_id) = lower(?) OR code = upper(?) "
            "OR lower(text) LIKE ?) "
            "ORDER BY coalesce(event_date, published) DESC NULLS LAST, doc_id, evidence_start"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        params = [name, name, name, f"%{name.lower()}%"]
        return [json.loads(row[0]) for row in self.con.execute(sql, params).fetchall()]

    def quotes(
        self, speaker: str | None = None, doc_id: str | None = None, limit: int | None = 100
    ) -> list[dict[str, Any]]:
        """Stored attributions, newest documents first; ``speaker`` matches the speaker's code
        prefix, canonical name or a word of their text."""
        where, params = ["TRUE"], []
        if speaker:
            where.append(
                "(speaker_code LIKE ? OR lower(speaker_name) = ? OR lower(speaker_text) LIKE ?)"
            )
            params += [speaker.upper() + "%", speaker.lower(), f"%{speaker.lower()}%"]
        if doc_id:
            where.append("q.doc_id LIKE ?")
            params.append(doc_id.lower() + "%")
        sql = (
            "SELECT q.* FROM quotes q JOIN documents d USING (doc_id) "
            f"WHERE {' AND '.join(where)} "
            "ORDER BY d.published DESC NULLS LAST, q.doc_id, q.seq"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self._rows(sql, params)
        for row in rows:
            row["reported_via"] = json.loads(row["reported_via"] or "[]")
        return rows

    def errors(self, limit: int | None = 100) -> list[dict[str, Any]]:
        sql = (
            "SELECT source_path, source_locator, source_kind, reason, message, last_seen "
            "FROM ingest_errors ORDER BY last_seen DESC, source_path, source_locator"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self._rows(sql)

    def counts(self) -> dict[str, int]:
        one = self.con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM removed_spans), "
            "(SELECT count(*) FROM ingest_errors WHERE reason NOT IN "
            f"({', '.join(repr(n) for n in sorted(NOTICES))})), "
            "(SELECT count(DISTINCT outlet) FROM documents), (SELECT count(*) FROM events)"
        ).fetchone()
        names = ("documents", "removed_spans", "errors", "outlets", "events")
        return dict(zip(names, one, strict=True))

    def tallies(self) -> Tallies:
        """Documents by input kind, removed spans by reason and events by PLOVER type."""

        def pairs(sql: str) -> list[tuple[str, int]]:
            return [(value, int(n)) for value, n in self.con.execute(sql).fetchall()]

        return Tallies(
            source_kinds=pairs(
                "SELECT source_kind, count(*) FROM documents GROUP BY source_kind "
                "ORDER BY source_kind"
            ),
            removed_reasons=pairs(
                "SELECT reason, count(*) FROM removed_spans GROUP BY reason ORDER BY 2 DESC"
            ),
            plover_types=pairs(
                "SELECT plover, count(*) FROM events WHERE plover IS NOT NULL "
                "GROUP BY plover ORDER BY 2 DESC"
            ),
        )

    def close(self) -> None:
        # Closing writes too: DuckDB checkpoints the WAL into the database file.
        with self._writing(f"closing the database {self.path}"):
            self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        try:
            self.close()
        except StoreError:
            if exc is None:
                raise
            # an error is already on its way out; a failed close would only hide it


def open_store(path: str | Path | None = None, read_only: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at ``path`` or the default path."""
    return Store(path or default_db_path(), read_only=read_only)
