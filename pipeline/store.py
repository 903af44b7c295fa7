"""The SQLite store: one row per input document (its record, or its failure), plus fact tables.

A document is keyed by its source; its ``id`` is the content hash. Content
already stored is skipped, changed content replaces the old record, and a failed
document is kept with its error so that the next run tries it again. The fact
tables (citations, relations, people) are derived from the records for people
who query the store with SQL directly.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pipeline import search
from pipeline.models import Failure

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
    processed_at TEXT NOT NULL
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


class Store:
    """A vanban SQLite database. Use as a context manager, or call ``close()``."""

    def __init__(self, path: str | Path = "vanban.db"):
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.executescript(SCHEMA_SQL)
        search.ensure_schema(self.db)  # the full-text index and keywords (pipeline.search)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def is_stored(self, source: str, doc_id: str) -> bool:
        """True when this content (by hash) is already stored successfully."""
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE id = ? AND status = 'ok' LIMIT 1", (doc_id,)
        ).fetchone()
        return row is not None

    def stored_ids(self) -> list[str]:
        """Content hashes of every document stored successfully (a distributed run skips them)."""
        return [i for (i,) in self.db.execute("SELECT id FROM documents WHERE status = 'ok'")]

    def put(self, record: dict) -> str:
        """Store a record; returns 'new' or 'replaced' (same source, other content or a past failure)."""
        tokens = record.get("tokens")  # the words, for the full-text index only
        record = {k: v for k, v in record.items() if k != "tokens"}
        source = record["source"]
        existed = self._delete(source)
        self.db.execute(
            "INSERT INTO documents (source, id, status, kind, title, published, record, processed_at)"
            " VALUES (?, ?, 'ok', ?, ?, ?, ?, ?)",
            (source, record["id"], record.get("kind"), record.get("title"), record.get("published"),
             json.dumps(record, ensure_ascii=False), _now()),
        )
        self._put_facts(record)
        if tokens is not None:
            search.index_text(self.db, record, tokens)
        return "replaced" if existed else "new"

    def put_failure(self, failure: Failure) -> None:
        """Keep a failed document with its error, so that the next run retries it."""
        self._delete(failure.source)
        self.db.execute(
            "INSERT INTO documents (source, id, status, error, processed_at) VALUES (?, ?, 'failed', ?, ?)",
            (failure.source, failure.id, failure.reason, _now()),
        )

    def commit(self) -> None:
        self.db.commit()

    def records(self) -> Iterator[dict]:
        """Every stored record (OUTPUT.md dicts), in source order."""
        for (text,) in self.db.execute(
            "SELECT record FROM documents WHERE status = 'ok' ORDER BY source"
        ):
            yield json.loads(text)

    def failures(self) -> list[Failure]:
        rows = self.db.execute(
            "SELECT source, error, id FROM documents WHERE status = 'failed' ORDER BY source"
        )
        return [Failure(source=s, reason=e, id=i) for s, e, i in rows]

    def count(self, status: str = "ok") -> int:
        return self.db.execute("SELECT count(*) FROM documents WHERE status = ?", (status,)).fetchone()[0]

    def _delete(self, source: str) -> bool:
        search.forget(self.db, source)
        cursor = self.db.execute("DELETE FROM documents WHERE source = ?", (source,))
        return cursor.rowcount > 0

    def _put_facts(self, record: dict) -> None:
        source = record["source"]
        self.db.executemany(
            'INSERT INTO citations (source, code, form, doc_type, issuer_code, issuer, date, text, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(source, c.get("code"), c.get("form"), c.get("doc_type"), c.get("issuer_code"), c.get("issuer"),
              c.get("date"), c.get("text"), c.get("start"), c.get("end")) for c in record.get("citations", [])],
        )
        self.db.executemany(
            'INSERT INTO relations (source, from_code, type, to_code, confidence, rule, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(source, r["source"], r["type"], r["target"], r.get("confidence"), r["evidence"].get("rule"),
              r["evidence"].get("start"), r["evidence"].get("end")) for r in record.get("relations", [])],
        )
        rows = []
        for person in record.get("people", []):
            for post in person.get("posts") or [{}]:
                rows.append((source, person["name"], post.get("title"), post.get("organization"),
                             record.get("published")))
        self.db.executemany(
            "INSERT INTO people (source, name, title, organization, published) VALUES (?, ?, ?, ?, ?)", rows
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
