"""The citation graph kept in the store as indexed tables, so that queries need not rebuild it.

``vanban run`` keeps these tables current: records added after the indexed ones are merged
in (:func:`update_index`), other changes rebuild them (:func:`build_index`). ``vanban query``
answers from them (:mod:`graph.ask`) with a few indexed look-ups per question, and walks and
paths from a CSR copy of the edges cached beside the store (:mod:`graph.adjacency`); it never
loads every record nor networkx. This module only builds: editing the queries does not change
:func:`builder_fingerprint`, so it re-indexes no store. The answers are those of :mod:`graph.queries` on the graph
:func:`graph.build.build_graph` makes from the same records: the index is filled by
build.py's own per-record step (:func:`graph.build.record_graph`: which node a code stands
for, by :mod:`graph.identity`) applied to one record at a time, merging the small graphs
the way ``build_graph`` merges records (first value kept, a directive's own header preferred).

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

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from extractors.codes import code_key, fold
from graph.answers import (
    loose_code_key,
    name_key,
    toneless,
)

SCHEMA_VERSION = "3"  # 2: covering indexes for edges, code look-ups ordered by citations; 3: incremental updates

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
    pair_seq INTEGER, key_seq INTEGER
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

#: Attributes fixed when a document node is made (build.py never changes them afterwards).
_FIXED_AT_CREATION = frozenset({"kind", "label", "code", "scope", "ambiguous", "term", "cited_by"})
#: Attributes build.py fills as a pair, when the first of them is empty: first -> second.
_PAIRS = {"doc_type": "doc_type_name", "name": "edition"}
_SECOND_OF_PAIR = frozenset(_PAIRS.values())
#: A directive's own header, as build.py copies it onto its node: node attribute -> ``self`` field
#: (the type and its name are copied as a pair, when the header gives a type).
_OWN_FIELDS = {"code": "code", "issuer": "issuer", "issuer_code": "issuer_code", "date": "issued", "subject": "subject"}
_ATTR_COLUMNS = "label, code, scope, ambiguous, term, issuer, date, cited_by, attrs"  # -> _node_attrs
_BATCH = 20_000  # rows written per executemany


# --- keeping the index current --------------------------------------------------------


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


#: What decides which node a record's codes become: a change to any of them re-indexes a store.
_BUILDER_MODULES = (
    "graph/build.py",
    "graph/identity.py",
    "graph/index.py",
    "extractors/codes.py",
    "extractors/patterns/codes.py",
)
_BUILDER_TABLES = ("issuers.json", "doc_types.json", "named_documents.json", "abbreviations.json")


@lru_cache(maxsize=1)
def builder_fingerprint() -> str:
    """A hash of the code and tables that build the graph (a newer vanban's rules re-index a store)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for relative in (*_BUILDER_MODULES, *(f"extractors/data/{name}" for name in _BUILDER_TABLES)):
        path = root / relative
        digest.update(relative.encode() + (path.read_bytes() if path.is_file() else b"-"))
    return digest.hexdigest()[:16]


def is_current(conn: sqlite3.Connection) -> bool:
    """True when the graph tables hold the store's documents as they are now, built by these rules."""
    meta = _meta(conn)
    return (
        meta.get("index_schema") == SCHEMA_VERSION
        and "documents_version" in meta
        and meta.get("index_built_from") == meta["documents_version"]
        and meta.get("index_builder", builder_fingerprint()) == builder_fingerprint()
    )


def refresh(conn: sqlite3.Connection, force: bool = False, records: Callable[[], Iterable[dict]] | None = None) -> bool:
    """Bring the graph tables up to the store's documents; True if they were written.

    Where the tables were built by these rules and only documents that sort after every
    indexed one were added since (the usual ``vanban run`` over new files), those records
    are merged in (:func:`update_index`); otherwise the tables are rebuilt from every record.

    ``records`` gives the store's records afresh at each call (``Store.records``, which adds
    what other tables know of a record, such as its story); by default they are read from
    the documents table."""
    ensure_tables(conn)
    if not force and is_current(conn):
        return False
    if not force and update_index(conn) is not None:
        return True
    return bool(build_index(conn, records, unless_current=not force))


def _stored_records(conn: sqlite3.Connection) -> Iterator[dict]:
    """The store's records in the order ``Store.records()`` gives them (build_graph's order)."""
    for (text,) in conn.execute("SELECT record FROM documents WHERE status = 'ok' ORDER BY source"):
        record = json.loads(text)
        if isinstance(record, dict) and record.get("id"):
            yield record


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def build_index(
    conn: sqlite3.Connection,
    records: Callable[[], Iterable[dict]] | Iterable[dict] | None = None,
    unless_current: bool = False,
) -> dict[str, int]:
    """Fill the graph tables from the store's records (or from ``records``: a list, or a function
    giving them afresh); returns counts (empty when ``unless_current`` and another writer just did).

    One write transaction (two writers never interleave their rebuilds; readers see the old
    tables until it commits), two streaming passes over the records (the terms each code was
    dated in, then one record at a time): memory grows with the documents, not with the text.
    """
    from graph import build

    ensure_tables(conn)
    conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        if unless_current and is_current(conn):
            conn.rollback()
            return {}
        version = _meta(conn).get("documents_version", "0")
        for table in _TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _statements(_TABLES_SQL):
            conn.execute(statement)
        _forget(conn, "org", "terms")

        def source() -> Iterable[dict]:
            if records is None:
                return _stored_records(conn)
            return (r for r in records() if isinstance(r, dict) and r.get("id")) if callable(records) else records

        terms = build.terms_by_base_key(source())
        builder = _Builder(conn)
        for record in source():
            builder.add(record, terms, build)
        counts = builder.finish()
        conn.executemany(
            "INSERT INTO graph_meta (name, value) VALUES (?, ?)",
            ((f"terms:{key}", " ".join(sorted(seen))) for key, seen in terms.items() if seen),
        )
        for statement in _statements(_INDEXES_SQL):
            conn.execute(statement)
        _written(conn, version, builder)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return counts


def _written(conn: sqlite3.Connection, version: str, builder: _Builder) -> None:
    """Say which documents the tables now hold, and name them afresh (the adjacency cache's token)."""
    for name, value in (
        ("index_built_from", version),
        ("index_schema", SCHEMA_VERSION),
        ("index_builder", builder_fingerprint()),
        ("index_token", uuid.uuid4().hex),
        ("index_seq", str(builder.seq)),
        ("index_last_source", builder.last_source),
    ):
        conn.execute("INSERT OR REPLACE INTO graph_meta (name, value) VALUES (?, ?)", (name, value))
    _forget(conn, "changed", "story")


class _NeedsRebuild(Exception):
    """A change the merge rules cannot apply on top of the tables (only a rebuild gives its answers)."""


def update_index(conn: sqlite3.Connection) -> dict[str, int] | None:
    """Merge the documents added since the tables were written into them; None when that
    cannot give what a rebuild would (then nothing is written).

    ``build_graph`` merges records in source order, keeping the first value of each fact, so a
    record can be merged on top only when it sorts after every indexed one. A rebuild is needed
    when an indexed document was replaced or removed, when one was added before the last
    indexed source, when an added text makes a code dated in one term dated in two (its nodes
    split by term), or when the story of an indexed text changed."""
    from graph import build

    meta = _meta(conn)
    if not (
        meta.get("index_schema") == SCHEMA_VERSION
        and meta.get("index_builder") == builder_fingerprint()
        and "index_seq" in meta
        and "documents_version" in meta
    ):
        return None
    conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _meta(conn)["documents_version"]
        records = _added_records(conn, meta.get("index_last_source") or "")
        terms = _MergedTerms(conn, records, build)
        builder = _Builder(conn, stored=True)
        for record in records:
            builder.add(record, terms, build)
        counts = builder.finish()
        terms.write()
        _written(conn, version, builder)
        conn.commit()
    except _NeedsRebuild:
        conn.rollback()
        return None
    except BaseException:
        conn.rollback()
        raise
    return counts


def _added_records(conn: sqlite3.Connection, last_source: str) -> list[dict]:
    """The records added since the tables were written, in source order (raises _NeedsRebuild)."""
    changes = _prefixed(conn, "changed")
    if any(dropped == "1" for _source, dropped in changes):
        raise _NeedsRebuild("an indexed document was replaced or removed")
    for text_id, _value in _prefixed(conn, "story"):
        if conn.execute("SELECT 1 FROM graph_texts WHERE text_id = ?", (text_id,)).fetchone():
            raise _NeedsRebuild("the story of an indexed text changed")
    stories = _has_table(conn, "stories")
    records = []
    for source, _dropped in changes:
        row = conn.execute("SELECT record FROM documents WHERE source = ? AND status = 'ok'", (source,)).fetchone()
        record = json.loads(row[0]) if row else None
        if not (isinstance(record, dict) and record.get("id")):
            continue  # a failure kept for the next run: nothing in the graph
        if source <= last_source:
            raise _NeedsRebuild("a document sorts before the last indexed one")
        grouped = (
            conn.execute("SELECT story FROM stories WHERE text_id = ?", (record["id"],)).fetchone() if stories else None
        )
        story = (grouped[0] if grouped else None) or record.get("story")
        if story and story != record["id"]:
            # copies of one article count once per story, and which stories cite a node is not kept
            raise _NeedsRebuild("an added text is a copy of another")
        records.append(record)
    return records


class _MergedTerms(dict):
    """Terms per base key: the indexed ones with the added records' (``get`` as build.py asks)."""

    def __init__(self, conn: sqlite3.Connection, records: list[dict], build):
        super().__init__()
        self.conn = conn
        self.added: dict[str, set[str]] = {}
        for record in records:
            for key, term in build.record_terms(record):
                self.added.setdefault(key, set()).add(term)
        for key, new in self.added.items():
            old = self._stored(key)
            merged = old | new
            if len(old) < 2 <= len(merged):
                raise _NeedsRebuild(f"{key} is now dated in two terms")
            self[key] = merged

    def _stored(self, key: str) -> set[str]:
        row = self.conn.execute("SELECT value FROM graph_meta WHERE name = ?", (f"terms:{key}",)).fetchone()
        return set(row[0].split()) if row else set()

    def get(self, key, default=None):
        if key not in self:
            self[key] = self._stored(key)
        return super().get(key, default)

    def write(self) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_meta (name, value) VALUES (?, ?)",
            ((f"terms:{key}", " ".join(sorted(self[key]))) for key in self.added),
        )


class _Builder:
    """Merges one-record graphs into the tables, as ``build_graph`` merges records into one graph.

    ``stored``: the tables already hold earlier records; what a record meets that this builder
    has not seen (a node, an edge, a person) is looked up in them, and written back changed."""

    def __init__(self, conn: sqlite3.Connection, stored: bool = False):
        self.conn = conn
        self.stored = stored
        self.docs: dict[str, list] = {}  # key -> [id, attrs, cited_by]
        self.edges: dict[tuple[int, int, str], list] = {}  # (src, dst, type) -> [id, confidence, count, key_seq]
        self.pairs_out: dict[tuple[int, int], int] = {}
        self.pairs_in: dict[tuple[int, int], int] = {}
        self.people: dict[str, list] = {}  # key -> [id, name]
        self.person_pairs: dict[tuple[int, str], int] = {}
        self.orgs: dict[str, str] = {}  # org node key -> first name
        self.new_orgs: list[str] = []
        self.texts: dict[str, int] = {}
        self.cited_by_story: set[tuple[int, str]] = set()  # (document, story) pairs
        self.seq = 0
        self.last_source = ""
        self.next_id = {"docs": 1, "edges": 1, "people": 1, "texts": 1}
        if stored:
            meta = _meta(conn)
            self.seq = int(meta["index_seq"])
            self.last_source = meta.get("index_last_source") or ""
            for table in self.next_id:
                (self.next_id[table],) = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM graph_{table}").fetchone()
        self.pending: dict[str, list] = {"evidence": [], "mentions": [], "texts": [], "posts": []}

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def _new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def _one(self, sql: str, *params) -> tuple | None:
        """A row of the stored tables (none when building afresh)."""
        return self.conn.execute(sql, params).fetchone() if self.stored else None

    def _doc(self, key: str, attrs: dict, own_fields: set[str]) -> int:
        entry = self.docs.get(key)
        if entry is None:
            row = self._one(f"SELECT id, {_ATTR_COLUMNS} FROM graph_docs WHERE key = ?", key)
            if row is not None:
                stored = _node_attrs(row[1:-1], row[-1])
                cited_by = stored.pop("cited_by")
                entry = self.docs[key] = [row[0], stored, cited_by]
        if entry is None:
            entry = self.docs[key] = [self._new_id("docs"), {k: v for k, v in attrs.items() if k != "cited_by"}, 0]
            return entry[0]
        state = entry[1]
        for name, value in attrs.items():
            if name in own_fields:
                state[name] = value
            elif name in _FIXED_AT_CREATION or name in _SECOND_OF_PAIR or not value or state.get(name):
                continue
            state[name] = value
            if name in _PAIRS:
                state[_PAIRS[name]] = attrs.get(_PAIRS[name])
        return entry[0]

    def _org(self, node: str, name: str | None) -> None:
        if node in self.orgs:
            return
        row = self._one("SELECT value FROM graph_meta WHERE name = ?", f"org:{node}")
        if row is None:
            self.new_orgs.append(node)
        self.orgs[node] = row[0] if row else name  # type: ignore[assignment]

    def _person(self, node: str, name: str | None) -> int:
        if node not in self.people:
            row = self._one("SELECT id, name FROM graph_people WHERE key = ?", node)
            self.people[node] = list(row) if row else [self._new_id("people"), name]
        return self.people[node][0]

    def _has_text(self, text_id: str) -> bool:
        return text_id in self.texts or self._one("SELECT 1 FROM graph_texts WHERE text_id = ?", text_id) is not None

    def add(self, record: dict, terms: dict, build) -> None:
        G = build.record_graph(record, terms)
        text_key = f"text:{record['id']}"
        text = G.nodes[text_key]
        own_node = text.get("document")
        own = record.get("self") or {}
        ids: dict[str, int] = {}
        for node, data in G.nodes(data=True):
            kind = data.get("kind")
            if kind == "document":
                overridden: set[str] = set()
                if node == own_node:
                    overridden = {
                        name
                        for name, field in _OWN_FIELDS.items()
                        if own.get(field) and not (name == "issuer" and data.get("ambiguous"))
                    }
                    if build.document_type(own.get("doc_type"), own.get("doc_type_name"))[0]:
                        overridden |= {"doc_type", "doc_type_name"}
                ids[node] = self._doc(node, data, overridden)
            elif kind == "organization":
                self._org(node, data.get("name"))
            elif kind == "person":
                ids[node] = self._person(node, data.get("name"))
        self.last_source = max(self.last_source, record.get("source") or "")
        if self._has_text(record["id"]):
            return  # the same text twice: build_graph keeps one text node
        text_row = self.texts[record["id"]] = self._new_id("texts")
        self.pending["texts"].append(
            (
                text_row,
                record["id"],
                text.get("title"),
                text.get("source"),
                text.get("published"),
                ids.get(own_node) if own_node else None,
            )
        )
        self._add_edges(G, ids, text_key, text_row)
        if len(self.pending["evidence"]) + len(self.pending["mentions"]) > _BATCH:
            self._flush()

    def _add_edges(self, G, ids: dict[str, int], text_key: str, text_row: int) -> None:
        # networkx's own adjacency dicts (node -> neighbour -> key -> data), in insertion order
        nodes, succ, pred = G._node, G._succ, G._pred
        pairs = []
        for u, adjacency in succ.items():
            for v, keyed in adjacency.items():
                for key, data in keyed.items():
                    kind = data.get("kind")
                    if kind == "relation":
                        pairs.append((u, v))
                        self._relation(ids[u], ids[v], key, data, text_row)
                    elif kind == "mentions" and u == text_key and nodes[v]["kind"] == "document":
                        self._cite(ids[v], v, nodes[u].get("story"))
                        self.pending["mentions"].append((ids[v], text_row, data["count"]))
                    elif kind == "holds_post":
                        pair = (ids[u], v)
                        if pair not in self.person_pairs:
                            self.person_pairs[pair] = self._stored_pair(*pair) or self._next()
                        self.pending["posts"].append(
                            (
                                ids[u],
                                data["title"],
                                v,
                                data.get("date"),
                                text_row,
                                self.person_pairs[pair],
                                self._next(),
                            )
                        )
        # networkx lists a node's in-edges in the order each neighbour first joined it
        related = set(pairs)
        for v in dict.fromkeys(v for _u, v in pairs):
            for u in pred[v]:
                if (u, v) not in related:
                    continue
                ends = (ids[u], ids[v])
                if ends not in self.pairs_in:
                    row = self._one("SELECT in_seq FROM graph_edges WHERE src = ? AND dst = ? LIMIT 1", *ends)
                    self.pairs_in[ends] = row[0] if row else self._next()

    def _stored_pair(self, person: int, where: str) -> int | None:
        """The order of a person's posts at one body, in the stored tables (a post's body is
        ``org:`` its organization's name folded, or ``post:`` its title folded, as build.py keys it)."""
        if not self.stored:
            return None
        for organization, title, pair_seq in self.conn.execute(
            "SELECT organization, title, pair_seq FROM graph_posts WHERE person = ?", (person,)
        ):
            body = (
                f"org:{' '.join(fold(organization).split())}"
                if organization
                else f"post:{' '.join(fold(title).split())}"
            )
            if body == where:
                return pair_seq
        return None

    def _cite(self, doc: int, key: str, story: str | None) -> None:
        """Count a citing text as build.py counts ``cited_by``: copies of one story once, where
        texts carry a story (``story or text``)."""
        if story is not None:
            if (doc, story) in self.cited_by_story:
                return
            self.cited_by_story.add((doc, story))  # (merged texts are no copies: see _added_records)
        self.docs[key][2] += 1

    def _relation(self, src: int, dst: int, kind: str, data: dict, text_row: int) -> None:
        if (src, dst) not in self.pairs_out:
            row = self._one("SELECT out_seq FROM graph_edges WHERE src = ? AND dst = ? LIMIT 1", src, dst)
            self.pairs_out[(src, dst)] = row[0] if row else self._next()
        entry = self.edges.get((src, dst, kind))
        if entry is None:
            row = self._one(
                "SELECT id, confidence, count, key_seq FROM graph_edges WHERE src = ? AND dst = ? AND type = ?",
                src,
                dst,
                kind,
            )
            entry = list(row) if row else [self._new_id("edges"), data["confidence"], 0, self._next()]
            self.edges[(src, dst, kind)] = entry
        entry[1] = max(entry[1], data["confidence"])
        entry[2] += len(data["evidence"])
        self.pending["evidence"].extend(
            (entry[0], text_row, e.get("start"), e.get("end"), e.get("rule"), e.get("confidence"))
            for e in data["evidence"]
        )

    def _flush(self) -> None:
        sql = {
            "evidence": 'INSERT INTO graph_evidence (edge, text, start, "end", rule, confidence) VALUES (?,?,?,?,?,?)',
            "mentions": "INSERT INTO graph_mentions (doc, text, count) VALUES (?,?,?)",
            "texts": "INSERT INTO graph_texts (id, text_id, title, source, published, document) VALUES (?,?,?,?,?,?)",
        }
        for name, statement in sql.items():
            self.conn.executemany(statement, self.pending[name])
            self.pending[name].clear()

    def finish(self) -> dict[str, int]:
        """Write what was merged: new rows, and rows of the stored tables replaced by their merged state."""
        self._flush()
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_docs (id, key, label, code, code_key, loose_key, scope, ambiguous, term,"
            " issuer, date, cited_by, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (_doc_row(key, row_id, attrs, cited_by) for key, (row_id, attrs, cited_by) in self.docs.items()),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_edges (id, src, dst, type, confidence, count, out_seq, in_seq, key_seq)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (
                    row_id,
                    src,
                    dst,
                    kind,
                    confidence,
                    count,
                    self.pairs_out[(src, dst)],
                    self.pairs_in.get((src, dst)),
                    key_seq,
                )
                for (src, dst, kind), (row_id, confidence, count, key_seq) in self.edges.items()
            ),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_people (id, key, name, name_fold, name_loose) VALUES (?,?,?,?,?)",
            ((row_id, key, name, name_key(name), toneless(name)) for key, (row_id, name) in self.people.items()),
        )
        self.conn.executemany(
            "INSERT INTO graph_meta (name, value) VALUES (?, ?)",
            ((f"org:{key}", self.orgs[key]) for key in self.new_orgs),
        )
        self.conn.executemany(
            "INSERT INTO graph_posts (person, title, organization, date, text, pair_seq, key_seq)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                (person, title, self.orgs.get(where), date, text, pair_seq, key_seq)
                for person, title, where, date, text, pair_seq, key_seq in self.pending["posts"]
            ),
        )
        return {
            "documents": len(self.docs),
            "relations": len(self.edges),
            "texts": len(self.texts),
            "people": len(self.people),
        }


#: A document node's attributes in the order build.py sets them, and those graph_docs has columns
#: for (in the order of _ATTR_COLUMNS).
_NODE_FIELDS = (
    *("kind", "label", "code", "scope", "ambiguous", "term", "doc_type", "doc_type_name"),
    *("issuer", "issuer_code", "date", "subject", "cited_by"),
)
_COLUMN_FIELDS = ("label", "code", "scope", "ambiguous", "term", "issuer", "date", "cited_by")


def _node_attrs(columns: tuple, extra: str) -> dict:
    """A node's attributes from its columns (as _COLUMN_FIELDS) and the JSON of the others."""
    attrs: dict = dict.fromkeys(_NODE_FIELDS)
    attrs["kind"] = "document"
    attrs.update(zip(_COLUMN_FIELDS, columns))
    attrs["ambiguous"] = bool(attrs["ambiguous"])
    attrs.update(json.loads(extra))
    return attrs


def _extra_attrs(attrs: dict, columns: tuple) -> str:
    """The JSON of what the columns do not give back as it was (unset fields left out)."""
    rebuilt = _node_attrs(columns, "{}")
    extra = {
        name: value
        for name, value in attrs.items()
        if not (name in rebuilt and rebuilt[name] == value and type(rebuilt[name]) is type(value))
    }
    return json.dumps(extra, ensure_ascii=False, separators=(",", ":"))


def _doc_row(key: str, row_id: int, attrs: dict, cited_by: int) -> tuple:
    attrs = dict(attrs, cited_by=cited_by)
    label = attrs.get("code") or attrs.get("label")
    columns = (
        attrs.get("label") or key,
        attrs.get("code"),
        attrs.get("scope"),
        int(bool(attrs.get("ambiguous"))),
        attrs.get("term"),
        attrs.get("issuer"),
        attrs.get("date"),
        cited_by,
    )
    keys = (code_key(label) if label else None, loose_code_key(label) if label else None)
    return (row_id, key, *columns[:2], *keys, *columns[2:], _extra_attrs(attrs, columns))
