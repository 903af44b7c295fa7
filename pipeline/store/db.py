"""The SQLite store: one row per input document (its record, or its failure), plus fact tables.

A document is keyed by its source and its content (``id``, the content hash):
a source whose content is already stored under it is skipped; other content
(even content stored under another source) is processed and replaces the old
record; a failed document is kept with its error so that the next run tries it
again. ``origin`` names the input file a row came from, so that ``prune`` can
remove what no longer exists. The fact tables (citations, relations, people)
are derived from the records for people who query the store with SQL directly;
the ``graph_*`` tables (:mod:`graph.index`) hold the citation graph for ``vanban query``
and are rebuilt on close when the documents changed.

A document and its facts are written in one transaction (an interrupt rolls
both back). The database is in WAL mode with a busy timeout, so a second
writer waits for the first instead of failing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from graph import index as graph_index
from pipeline.models import Failure
from pipeline.run.stories import SCHEMA_SQL as STORIES_SQL
from pipeline.store import search
from pipeline.store.texts import create_tables, delete_text, put_text

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS documents (
    source TEXT PRIMARY KEY,
    id TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error TEXT,
    kind TEXT,
    title TEXT,
    published TEXT,
    record TEXT,
    processed_at TEXT NOT NULL,
    origin TEXT
);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS citations (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    code TEXT, form TEXT, doc_type TEXT, issuer_code TEXT, issuer TEXT, date TEXT,
    text TEXT, start INTEGER, "end" INTEGER
);
CREATE INDEX IF NOT EXISTS citations_code ON citations(code);
CREATE TABLE IF NOT EXISTS relations (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    from_code TEXT, type TEXT, to_code TEXT, confidence REAL, rule TEXT, start INTEGER, "end" INTEGER
);
CREATE TABLE IF NOT EXISTS people (
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    name TEXT, title TEXT, organization TEXT, published TEXT
);
CREATE INDEX IF NOT EXISTS people_name ON people(name);
"""


BUSY_TIMEOUT_S = 60.0  # how long a writer waits for another one before "the store is busy" (VANBAN_BUSY_TIMEOUT)
SET_UP_RETRY_S = 0.05  # the pause before setting up a store again that another process is setting up


def is_busy(error: Exception) -> bool:
    """True for SQLite's "database is locked" / "busy": another process holds the store."""
    message = str(error)
    return "locked" in message or "busy" in message


def _another_process_setting_up(error: sqlite3.OperationalError) -> bool:
    """True for the errors a concurrent set-up of the same store gives (locked, or a column it just added)."""
    return is_busy(error) or "duplicate column" in str(error)


class StoreBusy(Exception):
    """Another process held the store for longer than the busy timeout."""


class Store:
    """A vanban SQLite database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = "vanban.db", timeout: float | None = None):
        if timeout is None:
            try:
                timeout = float(os.environ.get("VANBAN_BUSY_TIMEOUT", BUSY_TIMEOUT_S))
            except ValueError:
                timeout = BUSY_TIMEOUT_S
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, timeout=timeout)
        try:
            self._set_up(timeout)
        except BaseException:
            self.db.close()
            raise

    def _set_up(self, timeout: float) -> None:
        """WAL mode, the tables and their migrations; tried again while another process is doing the same.

        Switching to WAL mode and adding a column do not wait on SQLite's busy timeout: two runs
        opening a new store together get "database is locked" or "duplicate column" at once.
        Each step is idempotent, so the set-up is repeated until it goes through or the timeout passes.
        """
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._set_up_once(timeout)
                return
            except sqlite3.OperationalError as error:
                self.db.rollback()
                if not _another_process_setting_up(error) or time.monotonic() >= deadline:
                    raise
                time.sleep(SET_UP_RETRY_S)

    def _set_up_once(self, timeout: float) -> None:
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode: a crash loses no committed row
        with self.db:
            self.db.executescript(SCHEMA_SQL)
            self.db.executescript(STORIES_SQL)  # near-duplicate texts grouped into stories (pipeline/run/stories.py)
            self._migrate()
            create_tables(self.db)  # the texts and their full-text index (pipeline.store.texts)
            search.ensure_schema(self.db)  # the texts' words and keywords (pipeline.store.search)
        graph_index.ensure_tables(self.db)  # a version of the documents, bumped by triggers on every change
        self._graph_version = graph_index.documents_version(self.db)

    def _migrate(self) -> None:
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(documents)")}
        if "origin" not in columns:
            self.db.execute("ALTER TABLE documents ADD COLUMN origin TEXT")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is not None:
            self.db.rollback()  # never commit half of what an exception interrupted
        self.close(refresh=exc_type is None)

    def close(self, refresh: bool = True) -> None:
        """Commit and close; first rebuild the graph tables if the documents changed since opening."""
        self.db.commit()
        if refresh and graph_index.documents_version(self.db) != self._graph_version:
            self.refresh_graph_index()
        self.db.close()

    def refresh_graph_index(self, force: bool = False) -> bool:
        """Rebuild the graph tables that ``vanban query`` reads, if the documents changed; True if rebuilt."""
        self.db.commit()
        rebuilt = graph_index.refresh(self.db, force, records=self.records)
        self._graph_version = graph_index.documents_version(self.db)
        return rebuilt

    def is_stored(self, source: str, doc_id: str) -> bool:
        """True when this source is stored successfully with this content (by hash)."""
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE source = ? AND id = ? AND status = 'ok' LIMIT 1", (source, doc_id)
        ).fetchone()
        return row is not None

    def stored_keys(self) -> set[tuple[str, str]]:
        """(source, content hash) of every document stored successfully (a distributed run skips them)."""
        return set(self.db.execute("SELECT source, id FROM documents WHERE status = 'ok'"))

    def put(self, record: dict, origin: str | None = None) -> str:
        """Store a record with its facts in one transaction; 'new' or 'replaced' (other content or a past failure)."""
        tokens = record.get("tokens")  # the words, for the full-text index only
        text = record.get("text")  # kept apart, compressed, in `texts` (pipeline.store.texts)
        record = {k: v for k, v in record.items() if k not in ("tokens", "text")}
        source = record["source"]
        with self.db:
            existed = self._delete(source)
            self.db.execute(
                "INSERT INTO documents (source, id, status, kind, title, published, record, processed_at, origin)"
                " VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?)",
                (
                    source,
                    record["id"],
                    record.get("kind"),
                    record.get("title"),
                    record.get("published"),
                    json.dumps(record, ensure_ascii=False),
                    _now(),
                    origin or source,
                ),
            )
            if text is not None:
                put_text(self.db, record["id"], source, text)
            self._put_facts(record)
            if tokens is not None and text is not None:
                search.index_text(self.db, record, tokens, text)
        return "replaced" if existed else "new"

    def put_failure(self, failure: Failure) -> None:
        """Keep a failed document with its error, so that the next run retries it."""
        with self.db:
            self._delete(failure.source)
            self.db.execute(
                "INSERT INTO documents (source, id, status, error, processed_at, origin)"
                " VALUES (?, ?, 'failed', ?, ?, ?)",
                (failure.source, failure.id, failure.reason, _now(), failure.origin or failure.source),
            )

    def commit(self) -> None:
        self.db.commit()

    def prune(self, roots: list[str], seen: set[str]) -> list[str]:
        """Remove the documents read from under ``roots`` whose source was not ``seen`` in this run.

        Call it only after a complete walk of ``roots``: what the walk did not meet no
        longer exists (a deleted file, a line gone from a dump). Returns the sources removed.
        """

        def under(path: str) -> bool:
            if "." in roots and not os.path.isabs(path) and "://" not in path:
                return True
            return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)

        gone = [
            source
            for source, origin in self.db.execute("SELECT source, origin FROM documents")
            if under(origin or source) and source not in seen
        ]
        with self.db:
            for source in gone:
                self._delete(source)
        return gone

    def records(self) -> Iterator[dict]:
        """Every stored record (OUTPUT.md dicts), in source order; ``story`` added where stories were grouped."""
        for text, story in self.db.execute(
            "SELECT d.record, s.story FROM documents d LEFT JOIN stories s ON s.text_id = d.id"
            " WHERE d.status = 'ok' ORDER BY d.source"
        ):
            record = json.loads(text)
            if story:
                record["story"] = story
            yield record

    def failures(self) -> list[Failure]:
        rows = self.db.execute("SELECT source, error, id FROM documents WHERE status = 'failed' ORDER BY source")
        return [Failure(source=s, reason=e, id=i) for s, e, i in rows]

    def count(self, status: str = "ok") -> int:
        return self.db.execute("SELECT count(*) FROM documents WHERE status = ?", (status,)).fetchone()[0]

    def _delete(self, source: str) -> bool:
        delete_text(self.db, source)
        search.forget(self.db, source)
        cursor = self.db.execute("DELETE FROM documents WHERE source = ?", (source,))
        return cursor.rowcount > 0

    def _put_facts(self, record: dict) -> None:
        source = record["source"]
        self.db.executemany(
            'INSERT INTO citations (source, code, form, doc_type, issuer_code, issuer, date, text, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    source,
                    c.get("code"),
                    c.get("form"),
                    c.get("doc_type"),
                    c.get("issuer_code"),
                    c.get("issuer"),
                    c.get("date"),
                    c.get("text"),
                    c.get("start"),
                    c.get("end"),
                )
                for c in record.get("citations", [])
            ],
        )
        self.db.executemany(
            'INSERT INTO relations (source, from_code, type, to_code, confidence, rule, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    source,
                    r["source"],
                    r["type"],
                    r["target"],
                    r.get("confidence"),
                    r["evidence"].get("rule"),
                    r["evidence"].get("start"),
                    r["evidence"].get("end"),
                )
                for r in record.get("relations", [])
            ],
        )
        rows = []
        for person in record.get("people", []):
            for post in person.get("posts") or [{}]:
                rows.append(
                    (source, person["name"], post.get("title"), post.get("organization"), record.get("published"))
                )
        self.db.executemany(
            "INSERT INTO people (source, name, title, organization, published) VALUES (?, ?, ?, ?, ?)", rows
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
