"""The rollout of a directive on a small store of our own: levels, places (today's and former
units), lags, chains, the per-level summary and coverage."""

from __future__ import annotations

import pytest

from extractors.places import province_names, today_provinces
from graph.build import build_graph
from graph.queries import find_documents
from graph.rollout import (
    LEVELS,
    central_coverage,
    lag_days,
    level_of,
    most_implemented,
    province_of,
    rollout,
    rollout_rows,
)
from tests.records import citation, record, relation

TOP = "57-NQ/TW"


def plan(text_id, code, issuer, issued, parent=TOP, kind="implements", issuer_code=None, parent_issuer=None):
    """A directive of ``issuer`` that implements (or rests on) ``parent``."""
    own = {"code": code, "issued": issued, "issuer": issuer, "issuer_code": issuer_code}
    return record(
        text_id,
        [citation(parent, 40, parent_issuer)],
        [relation(code, kind, parent, text=f"Thực hiện {parent}, {issuer} ban hành {code}")],
        own=own,
        published=issued,
    )


def store():
    top = record(
        "t", [], [], own={"code": TOP, "issued": "2024-12-22", "issuer": "Bộ Chính trị"}, published="2024-12-22"
    )
    return [
        top,
        plan("a", "01-HD/BTCTW", "Ban Tổ chức Trung ương", "2025-01-21"),
        plan("b", "03/NQ-CP", "Chính phủ", "2025-01-15", issuer_code="CP"),
        plan("c", "10/KH-BTC", "Bộ Tài chính", "2025-02-10", issuer_code="BTC"),
        plan("d", "12-KH/TU", "Tỉnh ủy Bắc Giang", "2025-01-31"),  # a former unit, Bắc Ninh today
        plan("e", "20/KH-UBND", "Ủy ban nhân dân tỉnh Bắc Ninh", "2025-03-02", issuer_code="UBND"),
        plan(
            "f",
            "5-KH/HU",
            "Huyện ủy Yên Dũng",
            "2025-02-20",
            parent="12-KH/TU",
            issuer_code="HU",
            parent_issuer="Tỉnh ủy Bắc Giang",
        ),
        plan("g", "9/KH-UBND", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "2025-04-01", kind="based_on"),
    ]


def _rows(with_basis=False):
    G = build_graph(store())
    return G, rollout_rows(G, find_documents(G, TOP)[0], with_basis)


def test_levels_lags_and_chains():
    G, rows = _rows()
    by_code = {G.nodes[r.node]["code"]: r for r in rows}
    assert set(by_code) == {"01-HD/BTCTW", "03/NQ-CP", "10/KH-BTC", "12-KH/TU", "20/KH-UBND", "5-KH/HU"}
    assert [by_code[c].level for c in ("01-HD/BTCTW", "03/NQ-CP", "10/KH-BTC", "12-KH/TU", "5-KH/HU")] == [
        "central_party",
        "central_state",
        "ministries",
        "provinces",
        "districts",
    ]
    assert by_code["01-HD/BTCTW"].lag_days == 30 and by_code["5-KH/HU"].lag_days == 60
    chain = by_code["5-KH/HU"]
    assert chain.depth == 2 and chain.path[-1] == TOP and len(chain.path) == 3
    assert chain.evidence and "12-KH/TU" in chain.evidence
    assert chain.province is None  # "Huyện ủy Yên Dũng" names no province (the chain's is not carried down)
    assert (by_code["12-KH/TU"].province, by_code["12-KH/TU"].former_province) == ("Bắc Ninh", "Bắc Giang")
    assert [r.level for r in rows] == sorted((r.level for r in rows), key=LEVELS.index)  # in cascade order


def test_with_basis_adds_based_on():
    _G, rows = _rows(with_basis=True)
    assert any(r.type == "based_on" and r.province == "Hồ Chí Minh" for r in rows)
    assert len(rows) == 7


def test_summary_and_coverage():
    G = build_graph(store())
    answer = rollout(G, find_documents(G, TOP)[0])
    provinces = next(s for s in answer.levels if s.level == "provinces")
    assert (provinces.count, provinces.median_lag_days) == (2, (40 + 70) / 2)
    assert provinces.first.startswith("2025-01-31") and provinces.last.startswith("2025-03-02")
    assert set(answer.provinces.covered) == {"Bắc Ninh"} and len(answer.provinces.missing) == 33
    assert set(answer.provinces.former_covered) == {"Bắc Giang", "Bắc Ninh"}
    assert "Ban Tổ chức Trung ương" in answer.central.covered
    assert "Ban Tuyên giáo và Dân vận Trung ương" in answer.central.missing


def test_most_implemented_counts_party_documents():
    G = build_graph(store())
    assert most_implemented(G, 2) == [find_documents(G, TOP)[0], _node(G, "12-KH/TU")]


def _node(G, code):
    (node,) = [n for n, data in G.nodes(data=True) if data.get("code") == code and data.get("issuer")]
    return node


@pytest.mark.parametrize(
    ("issuer", "code", "level"),
    [
        ("Ban Bí thư", "TW", "central_party"),
        ("Đảng ủy Khối các cơ quan Trung ương", "ĐUK", "central_party"),
        ("Ủy ban Thường vụ Quốc hội", "UBTVQH15", "central_state"),
        ("Thủ tướng Chính phủ", None, "central_state"),
        ("Bộ Lao động - Thương binh và Xã hội", None, "ministries"),  # "xã hội" is not a commune
        ("Ban cán sự đảng Bộ Tài chính", "BCSĐ", "ministries"),
        ("Sở Nội vụ tỉnh Lai Châu", None, "provinces"),
        ("Thành ủy Hà Nội", None, "provinces"),
        ("Hội đồng nhân dân thành phố Huế", "HĐND", "provinces"),
        ("Ủy ban nhân dân thành phố Thủ Đức, Thành phố Hồ Chí Minh", "UBND", "districts"),
        ("Đảng ủy phường Ba Đình", "ĐU", "districts"),
        ("Chi bộ Văn phòng", None, "districts"),
        (None, "UBND", "other"),
    ],
)
def test_level_of(issuer, code, level):
    assert level_of(issuer, code) == level


@pytest.mark.parametrize(
    ("name", "former", "today"),
    [
        ("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Tỉnh ủy Thừa Thiên Huế", "Huế", "Huế"),
        ("Ủy ban nhân dân tỉnh Hà Nam", "Hà Nam", "Ninh Bình"),  # not Hà Nội
        ("Đảng ủy xã Tân Lập, huyện Yên Sơn, tỉnh Tuyên Quang", "Tuyên Quang", "Tuyên Quang"),
        ("UBND TP.HCM", "Hồ Chí Minh", "Hồ Chí Minh"),
    ],
)
def test_province_of(name, former, today):
    found = province_of(name)
    assert found is not None and (found.former, found.today) == (former, today)


def test_province_tables():
    assert len(today_provinces()) == 34
    assert len({n.former for n in province_names()}) == 63
    assert {n.today for n in province_names()} == set(today_provinces())


def test_lag_days():
    assert lag_days("2024-12-22", "2025-01-21") == 30
    assert lag_days(None, "2025-01-21") is None and lag_days("2025-01-21", "bad") is None


def test_central_coverage_ignores_other_levels():
    G, rows = _rows()
    assert list(central_coverage(rows, G).covered) == ["Ban Tổ chức Trung ương"]


def test_notebook_frames():
    from pipeline.api import Explorer

    ex = Explorer(store())
    frame = ex.rollout("57-NQ/TW", with_basis=True)
    assert len(frame) == 7 and frame.lag_days.max() == 100 and frame.path.str.endswith("57-NQ/TW").all()
    levels = ex.rollout_levels("57-NQ/TW").set_index("level")
    assert levels.loc["provinces", "count"] == 2 and levels.loc["districts", "median_lag_days"] == 60
    grid = ex.coverage(["57-NQ/TW"], with_basis=True)
    assert grid.shape == (34, 1) and grid.loc["Bắc Ninh", "57-NQ/TW"] == 2 and grid.loc["Hồ Chí Minh", "57-NQ/TW"] == 1
    assert grid.values.sum() == 3
    status = ex.status("2025-06-01")
    assert set(status.status) <= {"in_force", "unknown"} and (status.code == "57-NQ/TW").sum() == 1
    assert status.set_index("code").loc["57-NQ/TW", "status"] == "in_force"  # its own text, acted on
