"""Walks and paths over the CSR cache (graph/adjacency.py) answer as the networkx queries do."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest

from graph import adjacency
from graph import queries as Q
from graph.answers import NoPath, UnknownDocument
from graph.ask import GraphIndex
from graph.build import build_graph
from graph.index import build_index
from tests.records import citation, record, relation

CODES = [f"{n}-QĐ/TW" for n in range(1, 6)] + [f"{n}-HD/BTCTW" for n in range(1, 8)] + ["7-HD/ĐU", "8-HD/ĐU"]
ISSUERS = [None, "Đảng ủy Bộ Tài chính", "Đảng ủy Bộ Y tế"]
TYPES = ["implements", "based_on", "replaces", "amends"]


def random_records(seed: int, n: int = 40) -> list[dict]:
    """Texts citing codes at random: local codes with and without issuers (several nodes with one
    label, so ties in the walks' order), relations of four types, in both directions, some said twice."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        cited = rng.sample(CODES, 4)
        issuers = {code: rng.choice(ISSUERS) if "ĐU" in code else None for code in cited}
        citations = [citation(code, 40 * k, issuers[code]) for k, code in enumerate(cited)]
        relations = [
            relation(a, rng.choice(TYPES), b, 40 * k, confidence=rng.choice([0.5, 0.7, 0.9]))
            for k, (a, b) in enumerate(rng.sample([(a, b) for a in cited for b in cited if a != b], 3))
        ]
        records.append(record(f"r{i:02d}", citations, relations))
    return records


def _index(records: list[dict], conn: sqlite3.Connection | None = None) -> GraphIndex:
    conn = conn or sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE IF NOT EXISTS documents (source TEXT)")
    build_index(conn, records)
    return GraphIndex(conn)


def _or_error(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except (NoPath, UnknownDocument) as error:
        return type(error).__name__


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_graphs_walk_and_join_as_networkx(seed):
    records = random_records(seed)
    G, index = build_graph(records), _index(records)
    nodes = [node for node, data in G.nodes(data=True) if data["kind"] == "document"]
    for node in nodes:
        for types in (("implements", "based_on"), ("replaces",), ("amends", "based_on", "nothing")):
            for min_confidence in (0.0, 0.7):
                for ask in ("implementers", "basis"):
                    expected = getattr(Q, ask)(G, node, True, types, min_confidence)
                    assert getattr(index, ask)(node, True, types, min_confidence) == expected, (node, types)
    pairs = random.Random(seed).sample([(a, b) for a in nodes for b in nodes if a != b], 150)
    for a, b in pairs:
        for min_confidence in (0.0, 0.9):
            assert _or_error(index.path, a, b, min_confidence) == _or_error(Q.path, G, a, b, min_confidence)


def test_the_walks_of_a_random_graph_are_long_enough_to_mean_something():
    records = random_records(1)
    index = _index(records)
    longest = max((link.depth for code in CODES for link in index.implementers(code, True, tuple(TYPES))), default=0)
    assert longest >= 3


def test_the_cache_is_written_beside_the_store_and_used_again(tmp_path):
    db = tmp_path / "s.db"
    records = random_records(4, 10)
    first = _index(records, sqlite3.connect(db))
    answer = first.implementers("1-QĐ/TW", transitive=True)
    [folder] = (tmp_path / "s.db.graph-cache").iterdir()
    assert folder.name.endswith(adjacency.index_token(first.conn))
    again = GraphIndex(sqlite3.connect(db))
    assert again.implementers("1-QĐ/TW", transitive=True) == answer
    assert isinstance(again.adjacency().out.nbr.base, __import__("numpy").memmap)  # mapped, not rebuilt


def test_a_stale_cache_is_replaced_when_the_tables_change(tmp_path):
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    index = _index(random_records(5, 10), conn)
    before = index.adjacency().token
    records = random_records(6, 12)
    build_index(conn, records)
    assert index.adjacency().token != before
    assert [p.name for p in (tmp_path / "s.db.graph-cache").iterdir()] == [
        f"{adjacency._FORMAT}-{index.adjacency().token}"
    ]
    G = build_graph(records)
    for code in CODES[:5]:
        assert _or_error(index.implementers, code, True) == _or_error(Q.implementers, G, code, True)


def test_caches_of_the_same_tables_in_another_layout_stay_those_of_older_tables_go(tmp_path):
    db = tmp_path / "s.db"
    conn = sqlite3.connect(db)
    index = _index(random_records(5, 10), conn)
    token = index.adjacency().token
    folder = tmp_path / "s.db.graph-cache"
    (folder / f"0-{token}").mkdir()  # another vanban's layout of these very tables
    (folder / token).mkdir()  # the whole graph kept beside them (pipeline/cli/graph.py)
    build_index(conn, random_records(6, 12))
    fresh = index.adjacency().token
    assert sorted(p.name for p in folder.iterdir()) == [f"{adjacency._FORMAT}-{fresh}"]
    (folder / f"0-{fresh}").mkdir()
    (folder / fresh).mkdir()
    shutil.rmtree(folder / f"{adjacency._FORMAT}-{fresh}")
    GraphIndex(sqlite3.connect(db)).adjacency()  # written again: the other two are of these tables
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"0-{fresh}", f"{adjacency._FORMAT}-{fresh}", fresh])


def test_a_read_only_folder_answers_from_memory(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(adjacency, "_write", refuse)
    db = tmp_path / "s.db"
    records = random_records(7, 10)
    index = _index(records, sqlite3.connect(db))
    assert index.basis("1-HD/BTCTW", transitive=True) == Q.basis(build_graph(records), "1-HD/BTCTW", True)
    assert not (tmp_path / "s.db.graph-cache").exists()


def test_neighbours_with_one_label_keep_the_order_networkx_met_them_in():
    from graph.adjacency import _ranks

    assert _ranks(["b", "a", "b", "c", "a"]).tolist() == [1, 0, 1, 2, 0]


@pytest.mark.parametrize("values", [["doc:1-QĐ/TW", "", "Đảng ủy Khối (issuer unknown)"], ["a\0b", "c"]])
def test_strings_come_back_one_at_a_time_and_many_at_once(values):
    blob, offsets = adjacency.Strings.pack(values)
    strings = adjacency.Strings(blob, offsets)
    assert [strings[i] for i in range(len(values))] == values
    assert strings.many([2 % len(values), 0, 1, 0]) == [values[2 % len(values)], values[0], values[1], values[0]]
    assert strings.many([]) == []


def test_ranges_follow_one_another_and_skip_the_empty_ones():
    import numpy as np

    starts, lengths = np.array([5, 0, 9, 2]), np.array([2, 0, 3, 1])
    assert adjacency._ranges(starts, lengths).tolist() == [5, 6, 9, 10, 11, 2]
    assert adjacency._ranges(np.array([3]), np.array([0])).tolist() == []
