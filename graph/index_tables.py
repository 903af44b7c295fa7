"""The graph index's tables in the store: their SQL, the triggers that log changes to
``documents``, and the ``graph_meta`` rows that say what the tables hold.

Tables (all ``graph_*``; the store's ``documents`` stay as they are):

==============  ====================================================================
graph_meta      name/value: ``documents_version`` (bumped by triggers on every change
                of ``documents``), ``index_built_from`` (the version indexed),
                ``index_schema``, ``index_builder``, ``index_token`` (new at each write),
                ``index_seq`` and ``index_last_source`` (where a merge goes on); and what a
                merge needs, one row each: ``changed:SOURCE`` (by triggers: 1 when an indexed
                document was replaced or removed), ``story:TEXT`` (a story renamed),
                ``org:KEY`` (the name an organization node was first written with),
                ``terms:BASE_KEY`` (the terms a code was dated in: a second term splits it)
graph_docs      one row per document node: key, label, code, code_key (exact look-up),
                loose_key (no tone marks, case, dashes, Đ/D), scope, ambiguous, term,
                issuer, date, cited_by, attrs (JSON of the other node attributes)
graph_edges     one row per relation edge: src, dst, type, confidence (highest),
                count (evidence items), and the order networkx would list it in
graph_evidence  one row per evidence item: edge, text, start, end, rule, confidence
graph_texts     one row per text: text_id, title, source, published, document
graph_mentions  doc, text, count: which texts cite which documents
graph_people    one row per person: key, name, name_fold, name_loose
graph_posts     person, title, organization, date, text: who held which post, where said
==============  ====================================================================
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

SCHEMA_VERSION = "4"  # 2: covering indexes for edges, code look-ups ordered by citations; 3: incremental updates; 4: posts carry since / until / former

_META_SQL = """
CREATE TABLE IF NOT EXISTS graph_meta (name TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO graph_meta (name, value) VALUES ('documents_version', '0');
CREATE TRIGGER IF NOT EXISTS graph_documents_inserted AFTER INSERT ON documents BEGIN
  UPDATE graph_meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'documents_version'; END;
CREATE TRIGGER IF NOT EXISTS graph_documents_deleted AFTER DELETE ON documents BEGIN
  UPDATE graph_meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'documents_version'; END;
CREATE TRIGGER IF NOT EXISTS graph_documents_updated AFTER UPDATE ON documents BEGIN
  UPDATE graph_meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'documents_version'; END;
CREATE TRIGGER IF NOT EXISTS graph_changes_inserted AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO graph_meta (name, value) VALUES ('changed:' || NEW.source, '0'); END;
CREATE TRIGGER IF NOT EXISTS graph_changes_deleted AFTER DELETE ON documents WHEN OLD.status = 'ok' BEGIN
  INSERT OR REPLACE INTO graph_meta (name, value) VALUES ('changed:' || OLD.source, '1'); END;
CREATE TRIGGER IF NOT EXISTS graph_changes_updated AFTER UPDATE ON documents BEGIN
  INSERT OR REPLACE INTO graph_meta (name, value) VALUES ('changed:' || OLD.source,
    CASE WHEN OLD.status = 'ok' THEN '1'
         ELSE coalesce((SELECT value FROM graph_meta WHERE name = 'changed:' || OLD.source), '0') END);
  INSERT OR IGNORE INTO graph_meta (name, value) VALUES ('changed:' || NEW.source, '0'); END;
"""
#: A story renamed after the tables were written (the store's ``stories``, when it has one).
_STORY_TRIGGERS_SQL = """
CREATE TRIGGER IF NOT EXISTS graph_changes_story AFTER UPDATE OF story ON stories WHEN OLD.story IS NOT NEW.story
  BEGIN INSERT OR IGNORE INTO graph_meta (name, value) VALUES ('story:' || NEW.text_id, ''); END;
CREATE TRIGGER IF NOT EXISTS graph_changes_story_inserted AFTER INSERT ON stories WHEN NEW.story IS NOT NULL
  BEGIN INSERT OR IGNORE INTO graph_meta (name, value) VALUES ('story:' || NEW.text_id, ''); END;
"""

_TABLES = (
    "graph_docs",
    "graph_edges",
    "graph_evidence",
    "graph_texts",
    "graph_mentions",
    "graph_people",
    "graph_posts",
)

_TABLES_SQL = """
CREATE TABLE graph_docs (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL, label TEXT NOT NULL, code TEXT, code_key TEXT, loose_key TEXT,
    scope TEXT, ambiguous INTEGER NOT NULL, term TEXT, issuer TEXT, date TEXT, cited_by INTEGER NOT NULL,
    attrs TEXT NOT NULL
);
CREATE TABLE graph_edges (
    id INTEGER PRIMARY KEY, src INTEGER NOT NULL, dst INTEGER NOT NULL, type TEXT NOT NULL,
    confidence REAL NOT NULL, count INTEGER NOT NULL, out_seq INTEGER, in_seq INTEGER, key_seq INTEGER
);
CREATE TABLE graph_evidence (
    edge INTEGER NOT NULL, text INTEGER NOT NULL, start INTEGER, "end" INTEGER, rule TEXT, confidence REAL
);
CREATE TABLE graph_texts (
    id INTEGER PRIMARY KEY, text_id TEXT NOT NULL, title TEXT, source TEXT, published TEXT, document INTEGER
);
CREATE TABLE graph_mentions (
    doc INTEGER NOT NULL, text INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (doc, text)
) WITHOUT ROWID;
CREATE TABLE graph_people (id INTEGER PRIMARY KEY, key TEXT NOT NULL, name TEXT NOT NULL, name_fold TEXT,
                           name_loose TEXT);
CREATE TABLE graph_posts (
    person INTEGER NOT NULL, title TEXT NOT NULL, organization TEXT, date TEXT, text INTEGER NOT NULL,
    pair_seq INTEGER, key_seq INTEGER, since TEXT, until TEXT, former INTEGER
);
"""

#: Walks and paths read the adjacency cache (graph/adjacency.py): the edges need only the look-ups
#: of one node's relations (``doc``, merging a record) and not covering indexes.
_INDEXES_SQL = """
CREATE INDEX graph_docs_code_key ON graph_docs(code_key, cited_by DESC, key);
CREATE INDEX graph_docs_loose_key ON graph_docs(loose_key, cited_by DESC, key);
CREATE INDEX graph_edges_out ON graph_edges(src, dst);
CREATE INDEX graph_edges_in ON graph_edges(dst);
CREATE UNIQUE INDEX graph_docs_key ON graph_docs(key);
CREATE INDEX graph_docs_cited ON graph_docs(cited_by DESC, key);
CREATE INDEX graph_evidence_edge ON graph_evidence(edge);
CREATE UNIQUE INDEX graph_texts_text_id ON graph_texts(text_id);
CREATE INDEX graph_people_fold ON graph_people(name_fold);
CREATE INDEX graph_people_loose ON graph_people(name_loose);
CREATE UNIQUE INDEX graph_people_key ON graph_people(key);
CREATE INDEX graph_posts_person ON graph_posts(person, pair_seq, key_seq);
"""


def ensure_tables(conn: sqlite3.Connection) -> None:
    """The version counter, the log of changed sources and their triggers on ``documents`` (which
    must exist). Writes nothing when they are there already as this version writes them (a store on
    a read-only disk can still be read); a trigger of another version is replaced."""
    stories = _has_table(conn, "stories")
    wanted = {name: sql for name, sql in _trigger_sql().items() if stories or "_story" not in name}
    names = ",".join("?" * (len(wanted) + 1))
    present = dict(
        conn.execute(f"SELECT name, sql FROM sqlite_master WHERE name IN ({names})", [*wanted, "graph_meta"])
    )
    if present.pop("graph_meta", None) and present == wanted and "documents_version" in _meta(conn):
        return
    for name, sql in present.items():
        if wanted.get(name) != sql:
            conn.execute(f"DROP TRIGGER {name}")
    conn.executescript(_META_SQL + (_STORY_TRIGGERS_SQL if stories else ""))
    # changes made before these triggers were not logged: the next refresh rebuilds, not merges
    conn.execute("DELETE FROM graph_meta WHERE name = 'index_seq'")
    conn.commit()


@lru_cache(maxsize=1)
def _trigger_sql() -> dict[str, str]:
    """Our triggers as SQLite keeps them in sqlite_master (made once in a scratch database)."""
    scratch = sqlite3.connect(":memory:")
    scratch.executescript("CREATE TABLE documents (source TEXT, status TEXT); CREATE TABLE stories (text_id, story);")
    scratch.executescript(_META_SQL + _STORY_TRIGGERS_SQL)
    found = dict(scratch.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    scratch.close()
    return found


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


_META_NAMES = (
    *("documents_version", "index_built_from", "index_schema", "index_builder"),
    *("index_token", "index_seq", "index_last_source"),
)


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    """The versions in graph_meta (not its rows of one source, story, organization or code)."""
    try:
        names = ",".join("?" * len(_META_NAMES))
        return dict(conn.execute(f"SELECT name, value FROM graph_meta WHERE name IN ({names})", _META_NAMES))
    except sqlite3.OperationalError:
        return {}


def _prefixed(conn: sqlite3.Connection, prefix: str) -> list[tuple[str, str]]:
    """graph_meta's rows named ``prefix:...``, as (the rest of the name, value), in name order."""
    return [
        (name[len(prefix) + 1 :], value)
        for name, value in conn.execute(
            "SELECT name, value FROM graph_meta WHERE name >= ? AND name < ? ORDER BY name",
            (f"{prefix}:", f"{prefix};"),
        )
    ]


def _forget(conn: sqlite3.Connection, *prefixes: str) -> None:
    for prefix in prefixes:
        conn.execute("DELETE FROM graph_meta WHERE name >= ? AND name < ?", (f"{prefix}:", f"{prefix};"))


def documents_version(conn: sqlite3.Connection) -> str | None:
    """The count of changes to the documents table (by its triggers), or None before ensure_tables."""
    return _meta(conn).get("documents_version")
