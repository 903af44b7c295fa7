"""Each document's decoded text in the store, so that every offset of its record can be checked.

``texts`` keeps the original decoded text (the one ``start``/``end`` index) compressed
with zlib, one row per stored document (keyed by source like ``documents``; ``doc_id``
finds it by content hash). ``text_search`` is an FTS5 index of the same texts
for full-text search (Datasette's search box, plain SQL ``MATCH``).
"""

from __future__ import annotations

import sqlite3
import zlib

TEXTS_SQL = """
CREATE TABLE IF NOT EXISTS texts (
    doc_id TEXT NOT NULL,
    source TEXT PRIMARY KEY,
    chars INTEGER NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS texts_doc_id ON texts(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS text_search USING fts5(doc_id UNINDEXED, source UNINDEXED, body);
"""


def create_tables(db: sqlite3.Connection) -> None:
    db.executescript(TEXTS_SQL)


def put_text(db: sqlite3.Connection, doc_id: str, source: str, text: str) -> None:
    """Store (or replace) a document's text, compressed, and index it for search."""
    db.execute("DELETE FROM text_search WHERE source = ?", (source,))
    db.execute(
        "INSERT OR REPLACE INTO texts (doc_id, source, chars, body) VALUES (?, ?, ?, ?)",
        (doc_id, source, len(text), zlib.compress(text.encode("utf-8"), 6)),
    )
    db.execute("INSERT INTO text_search (doc_id, source, body) VALUES (?, ?, ?)", (doc_id, source, text))


def delete_text(db: sqlite3.Connection, source: str) -> None:
    """Forget the text stored for a source (its content changed or failed)."""
    db.execute("DELETE FROM text_search WHERE source = ?", (source,))
    db.execute("DELETE FROM texts WHERE source = ?", (source,))


def get_text(db: sqlite3.Connection, doc_id: str) -> str | None:
    """The decoded text of a document, or None when the store does not hold it."""
    row = db.execute("SELECT body FROM texts WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone()
    return zlib.decompress(row[0]).decode("utf-8") if row else None
