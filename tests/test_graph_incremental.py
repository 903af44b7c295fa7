"""`vanban run` merges added documents into the graph tables; what it merges equals a rebuild."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from graph import index as graph_index
from graph import queries as Q
from graph.ask import GraphIndex
from graph.build import build_graph
from pipeline.store.db import Store
from tests.records import citation, record, relation
from tests.test_graph_adjacency import random_records
from tests.test_graph_index import rich_records

TABLES = (*graph_index._TABLES, "graph_meta")
REBUILD = graph_index.build_index  # before the tests count its calls
ONCE_PER_WRITE = ("index_token", "documents_version", "index_built_from")  # differ between two stores


def _tables(db) -> dict[str, list]:
    conn = sqlite3.connect(db)
    tables = {}
    for table in TABLES:
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        if table == "graph_meta":
            rows = [row for row in rows if row[0] not in ONCE_PER_WRITE]
        tables[table] = sorted(rows, key=repr)
    return tables


def _rebuilt(db, tmp_path) -> dict[str, list]:
    copy = tmp_path / "rebuilt.db"
    for suffix in ("", "-wal", "-shm"):
        copy_from = db.with_name(db.name + suffix)
        if copy_from.exists():
            shutil.copy(copy_from, copy.with_name(copy.name + suffix))
    with Store(copy) as store:
        REBUILD(store.db, store.records)
    return _tables(copy)


@pytest.fixture
def merges(monkeypatch):
    """Count how the tables were written: merged into, or rebuilt."""
    counts = {"merged": 0, "rebuilt": 0}
    update, build = graph_index.update_index, graph_index.build_index

    def counted_update(*args, **kwargs):
        result = update(*args, **kwargs)
        counts["merged"] += result is not None
        return result

    def counted_build(*args, **kwargs):
        counts["rebuilt"] += 1
        return build(*args, **kwargs)

    monkeypatch.setattr(graph_index, "update_index", counted_update)
    monkeypatch.setattr(graph_index, "build_index", counted_build)
    return counts


def _put(db, records) -> None:
    with Store(db) as store:
        for r in records:
            store.put(r)


@pytest.mark.parametrize("name", ["rich", "random"])
def test_documents_added_one_run_at_a_time_are_merged_as_a_rebuild_would_make_them(tmp_path, merges, name):
    records = rich_records() if name == "rich" else random_records(11, 24)
    db = tmp_path / "v.db"
    _put(db, records[:2])
    for step in range(2, len(records), 3):
        _put(db, records[step : step + 3])
        assert _tables(db) == _rebuilt(db, tmp_path), records[step]["id"]
    # rich: 105-QĐ/TW split by term in e and f, and k a copy of j (both rebuild)
    assert merges["merged"] == (1 if name == "rich" else 8), merges
    G, index = build_graph(records), GraphIndex(sqlite3.connect(db))
    for node in (n for n, d in G.nodes(data=True) if d["kind"] == "document"):
        assert index.doc(node) == Q.doc(G, node)
        assert index.implementers(node, True) == Q.implementers(G, node, True)


def _base(db) -> list[dict]:
    records = random_records(12, 10)
    _put(db, records)
    return records


@pytest.mark.parametrize(
    "change",
    [
        "replace",
        "delete",
        "add before the last",
        "date a code in a second term",
    ],
)
def test_changes_the_merge_rules_cannot_apply_on_top_rebuild_the_tables(tmp_path, merges, change):
    db = tmp_path / "v.db"
    records = _base(db)
    rebuilt_before = merges["rebuilt"]
    with Store(db) as store:
        if change == "replace":
            store.put(dict(records[3], title="Một tiêu đề khác", id="r03-new"))
        elif change == "delete":
            store.prune(["."], {r["source"] for r in records[1:]})
        elif change == "add before the last":
            store.put(record("r04a", [citation("1-QĐ/TW", 0)]))
        else:
            store.put(record("z1", [citation("1-QĐ/TW", 0, date="2017-01-05")]))
            store.commit()
            store.refresh_graph_index()
            assert merges["rebuilt"] == rebuilt_before  # one term: merged
            store.put(record("z2", [citation("1-QĐ/TW", 0, date="2022-01-05")]))
    assert merges["rebuilt"] == rebuilt_before + 1
    assert _tables(db) == _rebuilt(db, tmp_path)


def test_a_failure_kept_for_the_next_run_changes_nothing_but_the_version(tmp_path, merges):
    from pipeline.ingest import Failure

    db = tmp_path / "v.db"
    _base(db)
    with Store(db) as store:
        store.put_failure(Failure(source="zz.pdf", reason="unreadable"))
    assert merges == {"merged": 1, "rebuilt": 1}
    assert graph_index.is_current(sqlite3.connect(db))


def test_a_story_renamed_after_indexing_rebuilds(tmp_path, merges):
    db = tmp_path / "v.db"
    records = _base(db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT OR REPLACE INTO stories (text_id, story) VALUES (?, ?)", (records[2]["id"], records[1]["id"]))
    conn.commit()
    _put(db, [record("z9", [citation("2-QĐ/TW", 0)], [relation("2-QĐ/TW", "implements", "1-QĐ/TW")])])
    assert merges["rebuilt"] == 2
    assert _tables(db) == _rebuilt(db, tmp_path)


def test_a_trigger_of_another_version_is_replaced(tmp_path, merges):
    db = tmp_path / "v.db"
    _base(db)
    conn = sqlite3.connect(db)
    conn.executescript(
        "DROP TRIGGER graph_changes_inserted; CREATE TABLE old_log (source TEXT);"
        " CREATE TRIGGER graph_changes_inserted AFTER INSERT ON documents BEGIN"
        " INSERT INTO old_log VALUES (NEW.source); END;"
    )
    conn.execute("INSERT INTO documents (source, status, processed_at) VALUES ('zz.pdf', 'failed', '')")
    conn.commit()  # logged by the old trigger only
    conn.close()
    _put(db, [record("z9", [citation("2-QĐ/TW", 0)], [relation("2-QĐ/TW", "implements", "1-QĐ/TW")])])
    assert merges["merged"] == 0  # the log missed a change: rebuilt
    _put(db, [record("z99", [citation("3-QĐ/TW", 0)])])
    assert merges["merged"] == 1
    assert GraphIndex(sqlite3.connect(db)).find_documents("2-QĐ/TW") == ["doc:2-QĐ/TW"]
    assert _tables(db) == _rebuilt(db, tmp_path)
