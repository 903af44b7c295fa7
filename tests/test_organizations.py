"""find_organizations and expand_abbreviations (table-driven)."""

from __future__ import annotations

import pytest

from extractors.organizations import canonical_body, expand_abbreviations, find_organizations

EXPANSIONS = [
    ("Chủ tịch UBND huyện", "Chủ tịch Ủy ban nhân dân huyện"),
    ("Chủ tịch HĐND tỉnh", "Chủ tịch Hội đồng nhân dân tỉnh"),
    ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("UVTV, Trưởng Ban Tổ chức", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức"),
    ("UVBTV Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
    ("Ban Chấp hành T.Ư", "Ban Chấp hành Trung ương"),
    ("UBKT TƯ", "Ủy ban Kiểm tra Trung ương"),
    ("BCH Đảng bộ, BTV Huyện ủy", "Ban Chấp hành Đảng bộ, Ban Thường vụ Huyện ủy"),
    # codes keep their abbreviations
    ("Quy định số 50-QĐ/TW", "Quy định số 50-QĐ/TW"),
    ("Hướng dẫn 16-HD/BTCTW", "Hướng dẫn 16-HD/BTCTW"),
]


@pytest.mark.parametrize("written, expanded", EXPANSIONS)
def test_expand_abbreviations(written, expanded):
    assert expand_abbreviations(written) == expanded


CANONICAL = [
    ("Bộ TT&TT", "Bộ Thông tin và Truyền thông"),
    ("Ban Tổ chức TW", "Ban Tổ chức Trung ương"),
    ("Đảng ủy Khối Các cơ quan Trung ương", "Đảng ủy Khối các cơ quan Trung ương"),
    ("Uỷ ban Kiểm tra Trung ương", "Ủy ban Kiểm tra Trung ương"),
    ("UBND tỉnh Bến Tre", "Ủy ban nhân dân tỉnh Bến Tre"),
]


@pytest.mark.parametrize("written, name", CANONICAL)
def test_canonical_body(written, name):
    assert canonical_body(written) == name


ORGANIZATIONS = [
    ("Ban Tổ chức Trung ương tổ chức hội nghị.", [("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương")]),
    ("Thứ trưởng Bộ TT&TT phát biểu.", [("Bộ Thông tin và Truyền thông", "Bộ TT&TT")]),
    ("Tỉnh ủy Đồng Tháp ban hành kế hoạch.", [("Tỉnh ủy Đồng Tháp", "Tỉnh ủy Đồng Tháp")]),
    ("Văn bản gửi UBND huyện Gia Lâm.", [("Ủy ban nhân dân huyện Gia Lâm", "UBND huyện Gia Lâm")]),
    (
        "Đảng ủy Khối các cơ quan Trung ương hướng dẫn.",
        [("Đảng ủy Khối các cơ quan Trung ương", "Đảng ủy Khối các cơ quan Trung ương")],
    ),
    (
        "Vụ Tổ chức cán bộ, Bộ Tư pháp trình dự thảo.",
        [("Vụ Tổ chức cán bộ", "Vụ Tổ chức cán bộ"), ("Bộ Tư pháp", "Bộ Tư pháp")],
    ),
    # a body stops before a document's name and before a verb
    (
        "Căn cứ văn bản của Ban Tổ chức Trung ương Hướng dẫn một số nội dung.",
        [("Ban Tổ chức Trung ương", "Ban Tổ chức Trung ương")],
    ),
    ("Đồng chí Bí thư Huyện ủy chỉ rõ hạn chế.", [("Huyện ủy", "Huyện ủy")]),
    # a body stops before a person's name
    ("Trưởng Ban Dân vận Tỉnh ủy Lê Văn Tâm dự.", [("Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy")]),
]


@pytest.mark.parametrize("text, expected", ORGANIZATIONS)
def test_find_organizations(text, expected):
    found = [(o.name, text[o.start : o.end]) for o in find_organizations(text)]
    assert found == expected


def test_bare_heads_are_not_bodies():
    assert find_organizations("Ban đã họp và bộ phận chuyên môn báo cáo.") == []
