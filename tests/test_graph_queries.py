"""Queries of the citation graph, on a hand-built chain 50-QĐ/TW ← 16-HD/BTCTW ← 02-HD/ĐUK ← 02-HD/ĐU."""

from __future__ import annotations

import pytest

from graph.build import build_graph
from graph.queries import NoPath, UnknownDocument, basis, doc, find_documents, implementers, path, person, top
from tests.records import citation, record, relation

DUK = "Đảng ủy Khối các cơ quan Trung ương"
DU_TTTT = "Đảng ủy Bộ Thông tin và Truyền thông"


def _citation(code, start, issuer=None):
    return citation(code, start, issuer)


def _relation(source, kind, target, start=0):
    return relation(source, kind, target, start, end=start + 50, text="...")


def _record(text_id, published, citations, relations, people=()):
    return record(text_id, citations, relations, people=people, published=published)


def chain_records() -> list[dict]:
    """Four texts: 50-QĐ/TW ← 16-HD/BTCTW ← 02-HD/ĐUK ← 02-HD/ĐU (two issuers), and Phan Tâm's posts."""
    phan_tam = {
        "name": "Phan Tâm",
        "mentions": [{"start": 0, "end": 8}],
        "posts": [{"title": "Thứ trưởng", "organization": "Bộ Thông tin và Truyền thông"}],
    }
    return [
        _record(
            "a",
            "2022-02-20",
            [_citation("16-HD/BTCTW", 0), _citation("50-QĐ/TW", 40)],
            [_relation("16-HD/BTCTW", "implements", "50-QĐ/TW")],
        ),
        _record(
            "b",
            "2022-03-18",
            [_citation("16-HD/BTCTW", 0), _citation("02-HD/ĐUK", 40, DUK)],
            [_relation("02-HD/ĐUK", "implements", "16-HD/BTCTW")],
        ),
        _record(
            "c",
            "2022-04-20",
            [
                _citation("16-HD/BTCTW", 0),
                _citation("02-HD/ĐUK", 40, DUK),
                _citation("02-HD/ĐU", 90, DU_TTTT),
                _citation("02-HD/ĐU", 400, "Đảng ủy Bộ Tài chính"),
            ],
            [_relation("02-HD/ĐU", "based_on", "02-HD/ĐUK", 10)],
            [phan_tam],
        ),
        _record(
            "d",
            "2023-01-05",
            [_citation("99-KL/TW", 0), _citation("98-KL/TW", 40)],
            [],
            [dict(phan_tam, posts=[{"title": "Bộ trưởng", "organization": "Bộ Thông tin và Truyền thông"}])],
        ),
    ]


@pytest.fixture(scope="module")
def G():
    return build_graph(chain_records())


def test_find_documents_by_code_and_by_issuer(G):
    assert find_documents(G, "16-hd/btctw") == ["doc:16-HD/BTCTW"]
    assert find_documents(G, "02-HD/ĐU") == [
        "doc:02-HD/ĐU@đảng ủy bộ thông tin và truyền thông",
        "doc:02-HD/ĐU@đảng ủy bộ tài chính",
    ]
    with pytest.raises(UnknownDocument, match="77-QĐ/TW"):
        find_documents(G, "77-QĐ/TW")


def test_implementers_down_the_chain(G):
    direct = implementers(G, "50-QĐ/TW")
    assert [(link.label, link.type, link.depth) for link in direct] == [("16-HD/BTCTW", "implements", 1)]
    chain = implementers(G, "50-QĐ/TW", transitive=True)
    assert [(link.label, link.depth, link.via) for link in chain] == [
        ("16-HD/BTCTW", 1, "doc:50-QĐ/TW"),
        (f"02-HD/ĐUK ({DUK})", 2, "doc:16-HD/BTCTW"),
        (f"02-HD/ĐU ({DU_TTTT})", 3, f"doc:02-HD/ĐUK@{DUK.lower()}"),
    ]


def test_basis_up_the_chain(G):
    chain = basis(G, f"doc:02-HD/ĐU@{DU_TTTT.lower()}", transitive=True)
    assert [(link.label, link.type) for link in chain] == [
        (f"02-HD/ĐUK ({DUK})", "based_on"),
        ("16-HD/BTCTW", "implements"),
        ("50-QĐ/TW", "implements"),
    ]
    assert basis(G, "50-QĐ/TW", transitive=True) == []


def test_doc_report(G):
    [report] = doc(G, "16-HD/BTCTW")
    assert report.attributes["cited_by"] == 3
    assert [(link.type, link.label) for link in report.basis] == [("implements", "50-QĐ/TW")]
    assert [(link.type, link.label) for link in report.dependents] == [("implements", f"02-HD/ĐUK ({DUK})")]
    assert [t["node"] for t in report.texts] == ["text:a", "text:b", "text:c"]  # by date
    assert len(doc(G, "02-HD/ĐU")) == 2


def test_person_posts_with_dates_and_texts(G):
    held = person(G, "phan tâm")
    assert [(p.title, p.date, p.text_id) for p in held] == [  # newest first (issue 24)
        ("Bộ trưởng", "2023-01-05", "d"),
        ("Thứ trưởng", "2022-04-20", "c"),
    ]
    assert person(G, "Tâm") == held  # part of the name
    assert person(G, "Nguyễn Văn Không") == []


def test_path_either_direction(G):
    hops = path(G, "50-QĐ/TW", f"doc:02-HD/ĐU@{DU_TTTT.lower()}")
    assert [(h.source_label, h.type, h.target_label) for h in hops] == [
        ("16-HD/BTCTW", "implements", "50-QĐ/TW"),
        (f"02-HD/ĐUK ({DUK})", "implements", "16-HD/BTCTW"),
        (f"02-HD/ĐU ({DU_TTTT})", "based_on", f"02-HD/ĐUK ({DUK})"),
    ]
    with pytest.raises(NoPath):
        path(G, "50-QĐ/TW", "99-KL/TW")


def test_top_most_cited(G):
    assert [(c.label, c.cited_by) for c in top(G, 2)] == [("16-HD/BTCTW", 3), (f"02-HD/ĐUK ({DUK})", 2)]
    with pytest.raises(ValueError):
        top(G, 0)
