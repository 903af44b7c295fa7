"""End to end: three texts in three formats through the whole pipeline into one graph.

tests/fixtures/graph/ holds our own short texts about real documents:
``huong-dan-16-HD-BTCTW.md`` (a directive: 16-HD/BTCTW implements 50-QĐ/TW),
``dang-uy-khoi.html`` (a news page: 02-HD/ĐUK implements 16-HD/BTCTW) and
``tin-dang-uy-bo-tttt.txt`` (news: 02-HD/ĐU of the Đảng ủy Bộ Thông tin và Truyền thông
rests on 02-HD/ĐUK and 16-HD/BTCTW; a second 02-HD/ĐU, of the Đảng ủy Bộ Tài chính).
"""

from __future__ import annotations

import pytest

from graph.build import build_graph
from graph.queries import basis, find_documents, implementers, path

DUK = "doc:02-HD/ĐUK@đảng ủy khối các cơ quan trung ương"
DU_TTTT = "doc:02-HD/ĐU@đảng ủy bộ thông tin và truyền thông"
DU_BTC = "doc:02-HD/ĐU@đảng ủy bộ tài chính"


@pytest.fixture(scope="module")
def G(fixtures_dir):
    from pipeline.run.process import extract_paths

    paths = sorted((fixtures_dir / "graph").iterdir())
    assert {p.suffix for p in paths} == {".md", ".html", ".txt"}
    records = [r for r in extract_paths(paths) if isinstance(r, dict)]
    assert len(records) == 3
    return build_graph(records)


def test_implementation_chain_across_three_texts(G):
    # each step of 50-QĐ/TW ← 16-HD/BTCTW ← 02-HD/ĐUK ← 02-HD/ĐU comes from a different text
    assert G.has_edge("doc:16-HD/BTCTW", "doc:50-QĐ/TW", key="implements")
    assert G.has_edge(DUK, "doc:16-HD/BTCTW", key="implements")
    assert G.has_edge(DU_TTTT, DUK, key="based_on")
    sources = {
        G.edges[u, v, k]["evidence"][0]["text_id"]
        for u, v, k in [
            ("doc:16-HD/BTCTW", "doc:50-QĐ/TW", "implements"),
            (DUK, "doc:16-HD/BTCTW", "implements"),
            (DU_TTTT, DUK, "based_on"),
        ]
    }
    assert len(sources) == 3

    down = {link.node for link in implementers(G, "50-QĐ/TW", transitive=True)}
    assert {"doc:16-HD/BTCTW", DUK, DU_TTTT} <= down
    up = [link.node for link in basis(G, DU_TTTT, transitive=True)]
    assert {DUK, "doc:16-HD/BTCTW", "doc:50-QĐ/TW"} <= set(up)
    assert [h.target for h in path(G, DU_TTTT, "50-QĐ/TW")][-1] == "doc:50-QĐ/TW"


def test_two_issuers_02_HD_DU_are_two_nodes(G):
    assert find_documents(G, "02-HD/ĐU") == sorted([DU_BTC, DU_TTTT])
    assert G.nodes[DU_BTC]["issuer"] == "Đảng ủy Bộ Tài chính"
    assert not G.has_edge(DU_BTC, DUK, key="based_on")  # the relation belongs to the other one


def test_directive_node_carries_its_own_identity(G):
    doc = G.nodes["doc:16-HD/BTCTW"]
    assert (doc["issuer"], doc["date"]) == ("Ban Tổ chức Trung ương", "2022-02-15")
    assert doc["cited_by"] == 2  # the two news texts; the directive itself is not its citation
