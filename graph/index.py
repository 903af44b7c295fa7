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

The tables are laid out in :mod:`graph.index_tables`; one record is merged into them by
:mod:`graph.index_rows`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from graph.index_rows import _Builder, _MergedTerms, _NeedsRebuild
from graph.index_tables import (
    _INDEXES_SQL,
    _TABLES,
    _TABLES_SQL,
    SCHEMA_VERSION,
    _forget,
    _has_table,
    _meta,
    _prefixed,
    documents_version,
    ensure_tables,
)

__all__ = [
    "SCHEMA_VERSION",
    "build_index",
    "builder_fingerprint",
    "documents_version",
    "ensure_tables",
    "is_current",
    "refresh",
    "update_index",
]


#: What decides which node a record's codes become: a change to any of them re-indexes a store.
_BUILDER_MODULES = (
    "graph/build.py",
    "graph/identity.py",
    "graph/index.py",
    "graph/index_rows.py",
    "graph/index_tables.py",
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
