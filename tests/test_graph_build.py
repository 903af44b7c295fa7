"""Building the citation graph: document identity, merging, and the schema check."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.build import build_graph
from graph.identity import base_key, is_local, qualifying_issuer, term_of
from graph.schema import GraphSchemaError, validate_graph
from tests.records import citation, record, relation


def documents(G) -> set[str]:
    return {n for n, d in G.nodes(data=True) if d["kind"] == "document"}


@pytest.mark.parametrize(
    "code, local",
    [
        ("16-HD/BTCTW", False),
        ("50-QĐ/TW", False),
        ("12-KL/VPTW", False),
        ("56/2015/NĐ-CP", False),
        ("02-HD/ĐU", True),
        ("02-HD/ĐUK", True),
        ("123-CV/TU", True),
        ("15-HD/HU", True),
        ("2033/UBND-ĐT", True),
    ],
)
def test_central_and_local_codes(code, local):
    assert is_local(code) is local


@pytest.mark.parametrize(
    "issuer, code, qualifier",
    [
        ("Đảng ủy Bộ Thông tin và Truyền thông", "02-HD/ĐU", "đảng ủy bộ thông tin và truyền thông"),
        ("Đảng ủy", "02-HD/ĐU", None),  # the generic body says which kind, not which one
        ("Ban Thường vụ Tỉnh ủy", "15-HD/TU", None),
        ("Tỉnh ủy Đồng Tháp", "15-HD/TU", "tỉnh ủy đồng tháp"),
        ("Đảng ủy Khối các cơ quan Trung ương", "02-HD/ĐU", None),  # an ĐUK cannot issue a /ĐU code
        ("Đảng ủy Khối các cơ quan Trung ương", "02-HD/ĐUK", "đảng ủy khối các cơ quan trung ương"),
        (None, "02-HD/ĐU", None),
    ],
)
def test_qualifying_issuer(issuer, code, qualifier):
    assert qualifying_issuer(issuer, code) == qualifier


@pytest.mark.parametrize(
    "when, term",
    [
        ("2022-02-15", "XIII"),
        ("2017-12-19", "XII"),
        ("2021-01-15", "XII"),
        ("2012", "XI"),
        (None, None),
        ("không rõ", None),
    ],
)
def test_term_of(when, term):
    assert term_of(when) == term


def test_two_issuers_02_HD_DU_stay_two_nodes():
    G = build_graph(
        [
            record("a", [citation("02-HD/ĐU", 10, "Đảng ủy Bộ Thông tin và Truyền thông")]),
            record("b", [citation("02-HD/ĐU", 10, "Đảng ủy Bộ Tài chính")]),
            record("c", [citation("02-HD/ĐU", 10, "Đảng ủy Bộ Tài chính")]),
        ]
    )
    assert documents(G) == {"doc:02-HD/ĐU@đảng ủy bộ thông tin và truyền thông", "doc:02-HD/ĐU@đảng ủy bộ tài chính"}
    assert G.nodes["doc:02-HD/ĐU@đảng ủy bộ tài chính"]["cited_by"] == 2


def test_two_issuers_in_one_text_and_relations_pick_the_nearest():
    G = build_graph(
        [
            record(
                "a",
                [
                    citation("16-HD/BTCTW", 0),
                    citation("02-HD/ĐU", 100, "Đảng ủy Bộ A"),
                    citation("16-HD/BTCTW", 400),
                    citation("02-HD/ĐU", 500, "Đảng ủy Bộ B"),
                ],
                [
                    relation("02-HD/ĐU", "based_on", "16-HD/BTCTW", start=20),
                    relation("02-HD/ĐU", "implements", "16-HD/BTCTW", start=420),
                ],
            )
        ]
    )
    assert G.has_edge("doc:02-HD/ĐU@đảng ủy bộ a", "doc:16-HD/BTCTW", key="based_on")
    assert G.has_edge("doc:02-HD/ĐU@đảng ủy bộ b", "doc:16-HD/BTCTW", key="implements")
    assert not G.has_edge("doc:02-HD/ĐU@đảng ủy bộ a", "doc:16-HD/BTCTW", key="implements")


def test_unqualified_local_code_is_ambiguous_per_text():
    G = build_graph(
        [record("text-one", [citation("02-HD/ĐU", 0, "Đảng ủy")]), record("text-two", [citation("02-HD/ĐU", 0)])]
    )
    nodes = sorted(documents(G))
    assert nodes == ["doc:02-HD/ĐU?text-one", "doc:02-HD/ĐU?text-two"]
    assert all(G.nodes[n]["ambiguous"] for n in nodes)
    assert all(G.nodes[n]["issuer"] is None for n in nodes)


def test_issuer_named_elsewhere_in_the_text_qualifies_a_bare_mention():
    G = build_graph(
        [record("a", [citation("02-HD/ĐUK", 0, "Đảng ủy Khối các cơ quan Trung ương"), citation("02-HD/ĐUK", 300)])]
    )
    assert documents(G) == {"doc:02-HD/ĐUK@đảng ủy khối các cơ quan trung ương"}


def test_central_code_split_by_term_when_dates_disagree():
    G = build_graph(
        [
            record("a", [citation("105-QĐ/TW", 0, "Bộ Chính trị", "2017-12-19")]),
            record("b", [citation("105-QĐ/TW", 0, "Bộ Chính trị", "2023-02-03")]),
            record("c", [citation("105-QĐ/TW", 0, "Bộ Chính trị")]),
            record("d", [citation("16-HD/BTCTW", 0, None, "2022-02-15")]),
            record("e", [citation("16-HD/BTCTW", 0)]),
        ]
    )
    assert documents(G) == {"doc:105-QĐ/TW|XII", "doc:105-QĐ/TW|XIII", "doc:105-QĐ/TW", "doc:16-HD/BTCTW"}
    assert G.nodes["doc:105-QĐ/TW"]["ambiguous"] is True
    assert G.nodes["doc:105-QĐ/TW|XII"]["term"] == "XII"
    assert G.nodes["doc:16-HD/BTCTW"]["cited_by"] == 2  # one term seen: one node, dated or not


def test_relations_merge_evidence_from_every_text():
    G = build_graph(
        [
            record(
                "a",
                [citation("16-HD/BTCTW", 0), citation("50-QĐ/TW", 30)],
                [relation("16-HD/BTCTW", "implements", "50-QĐ/TW", confidence=0.8)],
            ),
            record(
                "b",
                [citation("16-HD/BTCTW", 0), citation("50-QĐ/TW", 30)],
                [
                    relation("16-HD/BTCTW", "implements", "50-QĐ/TW", confidence=0.9),
                    relation("16-HD/BTCTW", "cites", "50-QĐ/TW", confidence=0.5),
                ],
            ),
        ]
    )
    edge = G.edges["doc:16-HD/BTCTW", "doc:50-QĐ/TW", "implements"]
    assert edge["count"] == 2 and edge["confidence"] == 0.9
    assert {e["text_id"] for e in edge["evidence"]} == {"a", "b"}
    assert G.number_of_edges("doc:16-HD/BTCTW", "doc:50-QĐ/TW") == 2  # implements and cites


def test_directive_is_its_own_document_and_not_its_own_citation():
    own = {
        "code": "16-HD/BTCTW",
        "doc_type": "HD",
        "doc_type_name": "Hướng dẫn",
        "issuer": "Ban Tổ chức Trung ương",
        "issued": "2022-02-15",
        "subject": "một số nội dung cụ thể về công tác quy hoạch cán bộ",
    }
    G = build_graph(
        [
            record(
                "d",
                [citation("16-HD/BTCTW", 0), citation("50-QĐ/TW", 80, "Bộ Chính trị")],
                [relation("16-HD/BTCTW", "implements", "50-QĐ/TW")],
                own=own,
            )
        ]
    )
    doc = G.nodes["doc:16-HD/BTCTW"]
    assert (doc["date"], doc["subject"], doc["cited_by"]) == ("2022-02-15", own["subject"], 0)
    assert G.nodes["text:d"]["document"] == "doc:16-HD/BTCTW"
    assert G.has_edge("doc:16-HD/BTCTW", "org:ban tổ chức trung ương", key="issued_by")
    assert G.has_edge("doc:16-HD/BTCTW", "doc:50-QĐ/TW", key="implements")


def test_directive_without_code_is_a_self_node():
    G = build_graph(
        [
            record(
                "d",
                [citation("50-QĐ/TW", 0)],
                [relation("d", "based_on", "50-QĐ/TW")],
                own={"code": None, "doc_type": "KH"},
            )
        ]
    )
    assert G.has_edge("doc:self:d", "doc:50-QĐ/TW", key="based_on")


def test_people_posts_and_named_documents():
    people = [
        {
            "name": "Phan Tâm",
            "mentions": [{"start": 5, "end": 13}],
            "posts": [
                {"title": "Thứ trưởng", "organization": "Bộ Thông tin và Truyền thông", "text": "Thứ trưởng Bộ TT&TT"},
                {"title": "Phó Bí thư", "organization": None},
            ],
        }
    ]
    G = build_graph([record("a", [citation(None, 0, name="Điều lệ Đảng")], people=people)])
    assert G.nodes["doc:named:điều lệ đảng"]["label"] == "Điều lệ Đảng"
    posts = {(v, d["title"], d["date"]) for _u, v, d in G.out_edges("person:phan tâm", data=True)}
    assert posts == {
        ("org:bộ thông tin và truyền thông", "Thứ trưởng", "2022-05-10"),
        ("post:phó bí thư", "Phó Bí thư", "2022-05-10"),
    }


def test_validate_graph_names_what_is_wrong():
    G = build_graph([record("a", [citation("16-HD/BTCTW", 0)])])
    validate_graph(G)
    del G.nodes["doc:16-HD/BTCTW"]["cited_by"]
    G.add_edge(
        "text:a", "doc:16-HD/BTCTW", key="x", kind="relation", type="likes", confidence=1.0, evidence=[], count=0
    )
    with pytest.raises(GraphSchemaError) as error:
        validate_graph(G)
    message = str(error.value)
    assert "cited_by" in message and "cannot join text to document" in message and "'likes'" in message
    with pytest.raises(GraphSchemaError, match="MultiDiGraph"):
        validate_graph(nx.DiGraph())


def test_base_key_formats():
    assert base_key("16-HD/BTCTW", "Ban Tổ chức Trung ương", "t").key == "doc:16-HD/BTCTW"
    assert base_key("02-HD/ĐU", None, "0123456789abcdef").key == "doc:02-HD/ĐU?0123456789ab"
