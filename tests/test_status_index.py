"""Status and rollout from the store's graph tables give the networkx answers (graph.ask_status)."""

from __future__ import annotations

import sqlite3

import pytest

from graph.ask import GraphIndex, build_index
from graph.ask_status import IndexSource, index_rollout, index_status
from graph.build import build_graph
from graph.rollout import rollout
from graph.status import all_statuses
from tests.records import citation, record, relation
from tests.test_rollout import store as rollout_records
from tests.test_status import CASES


def _stores():
    yield "rollout", rollout_records()
    for name, (records, *_rest) in CASES.items():
        yield name, records


def _index(records) -> GraphIndex:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE documents (source TEXT)")
    build_index(conn, records)
    return GraphIndex(conn)


def _sentences(records):
    """Evidence sentences by (text id, start, end), as the store's texts would give them."""
    found = {}
    for r in records:
        for rel in r["relations"]:
            e = rel["evidence"]
            found[(r["id"], e["start"], e["end"])] = e["text"]
    return lambda text_id, start, end: found.get((text_id, start, end))


@pytest.mark.parametrize(("name", "records"), list(_stores()), ids=[name for name, _ in _stores()])
@pytest.mark.parametrize("as_of", ["2025-01-01", "2025-06-01", "2026-03-01"])
def test_index_status_is_the_networkx_status(name, records, as_of):
    G = build_graph(records)
    source = IndexSource(_index(records), _sentences(records))
    for node, expected in all_statuses(G, as_of).items():
        assert index_status(source, node, as_of) == expected, node


@pytest.mark.parametrize("with_basis", [False, True])
def test_index_rollout_is_the_networkx_rollout(with_basis):
    records = rollout_records()
    G = build_graph(records)
    source = IndexSource(_index(records), _sentences(records))
    expected = rollout(G, "doc:57-NQ/TW", with_basis)
    assert expected.rows and index_rollout(source, "doc:57-NQ/TW", with_basis) == expected


def test_without_sentences_the_evidence_is_left_out():
    records = rollout_records()
    found = index_rollout(IndexSource(_index(records)), "doc:57-NQ/TW")
    assert found.rows and all(row.evidence is None and row.text_id for row in found.rows)


def test_each_step_carries_the_best_evidence_of_the_edge_it_took():
    """A relation said in several texts (the most confident wins, the first of equals), and two
    relations of different types between the same two documents: the index picks what networkx does."""

    def news(text_id, source, kind, confidence, issuer=None):
        cited = [citation(source, 0, issuer), citation("57-NQ/TW", 40)]
        said = relation(source, kind, "57-NQ/TW", confidence=confidence, text=f"{text_id}: {source} {kind}")
        return record(text_id, cited, [said])

    hcm = "Ủy ban nhân dân Thành phố Hồ Chí Minh"
    records = [
        *rollout_records(),
        news("n1", "01-HD/BTCTW", "implements", 0.95),
        news("n2", "01-HD/BTCTW", "implements", 0.95),
        news("n3", "01-HD/BTCTW", "implements", 0.6),
        news("n4", "9/KH-UBND", "implements", 0.7, hcm),  # g rests on 57-NQ/TW (based_on) and implements it
    ]
    G = build_graph(records)
    source = IndexSource(_index(records), _sentences(records))
    for with_basis in (False, True):
        expected = rollout(G, "doc:57-NQ/TW", with_basis)
        assert index_rollout(source, "doc:57-NQ/TW", with_basis) == expected
    by_code = {G.nodes[row.node]["code"]: row for row in expected.rows}
    assert by_code["01-HD/BTCTW"].text_id == "n1"
    assert (by_code["9/KH-UBND"].type, by_code["9/KH-UBND"].text_id) == ("based_on", "g")
    without = {G.nodes[row.node]["code"]: row for row in rollout(G, "doc:57-NQ/TW").rows}
    assert (without["9/KH-UBND"].type, without["9/KH-UBND"].text_id) == ("implements", "n4")
