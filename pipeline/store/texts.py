"""Each document's decoded text in the store, so that every offset of its record can be checked.

``texts`` keeps the original decoded text (the one ``start``/``end`` index) compressed
with zlib, one row per stored document (keyed by source like ``documents``; ``doc_id``
finds it by content hash). ``text_search`` is the store's one full-text index (FTS5) of
the same texts (a text has the same rowid in both), by syllables with their tone marks: Datasette's search box and plain SQL
``MATCH`` use it as it is, and ``vanban search`` keeps of its hits those that match
whole words (``pipeline.store.search``).
"""

from __future__ import annotations

import sqlite3
import zlib

TOKENIZE = "unicode61 remove_diacritics 0"  # "cán" is not "cần": tone marks tell Vietnamese words apart
TEXTS_SQL = f"""
CREATE TABLE IF NOT EXISTS texts (
    doc_id TEXT NOT NULL,
    source TEXT PRIMARY KEY,
    chars INTEGER NOT NULL,
    body BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS texts_doc_id ON texts(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS text_search USING fts5(
    doc_id UNINDEXED, source UNINDEXED, body, tokenize = '{TOKENIZE}'
);
"""


def create_tables(db: sqlite3.Connection) -> None:
    """The tables, and once for a store made before 0.2: ``text_search`` rebuilt with tone marks kept."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = 'text_search'").fetchone()
    rebuild = row is not None and TOKENIZE not in row[0]
    if rebuild:
        db.execute("DROP TABLE text_search")
    db.executescript(TEXTS_SQL)
    if rebuild:
        for rowid, doc_id, source, body in db.execute("SELECT rowid, doc_id, source, body FROM texts").fetchall():
            db.execute(
                "INSERT INTO text_search (rowid, doc_id, source, body) VALUES (?, ?, ?, ?)",
                (rowid, doc_id, source, zlib.decompress(body).decode("utf-8")),
            )


def put_text(db: sqlite3.Connection, doc_id: str, source: str, text: str) -> None:
    """Store (or replace) a document's text, compressed, and index it for search (same rowid in both)."""
    delete_text(db, source)
    cursor = db.execute(
        "INSERT INTO texts (doc_id, source, chars, body) VALUES (?, ?, ?, ?)",
        (doc_id, source, len(text), zlib.compress(text.encode("utf-8"), 6)),
    )
    db.execute(
        "INSERT INTO text_search (rowid, doc_id, source, body) VALUES (?, ?, ?, ?)",
        (cursor.lastrowid, doc_id, source, text),
    )


def delete_text(db: sqlite3.Connection, source: str) -> None:
    """Forget the text stored for a source (its content changed or failed)."""
    row = db.execute("SELECT rowid FROM texts WHERE source = ?", (source,)).fetchone()
    if row is not None:
        db.execute("DELETE FROM text_search WHERE rowid = ?", row)
        db.execute("DELETE FROM texts WHERE rowid = ?", row)


def get_text(db: sqlite3.Connection, doc_id: str) -> str | None:
    """The decoded text of a document, or None when the store does not hold it."""
    row = db.execute("SELECT body FROM texts WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone()
    return zlib.decompress(row[0]).decode("utf-8") if row else None


def text_of_source(db: sqlite3.Connection, source: str) -> str | None:
    """The decoded text stored for a source, or None."""
    row = db.execute("SELECT body FROM texts WHERE source = ?", (source,)).fetchone()
    return zlib.decompress(row[0]).decode("utf-8") if row else None
