"""Posts a biography or a roster gives after the name: copulas, birth asides, "Title: Rank Name".

Rows of our own writing. Each post is compared as 'title organization', case folded.
"""

from __future__ import annotations

import pytest

from extractors.people import find_people, name_key


def posts_of(text: str, name: str) -> list[str]:
    found = [p for p in find_people(text) if name_key(p.name) == name_key(name)]
    assert found, f"{name!r} not found in {[p.name for p in find_people(text)]}"
    return [f"{p.title} {p.organization or ''}".strip().casefold() for p in found[0].posts]


COPULA_ROWS = [
    pytest.param(
        "Ông Lê Minh Khoa, hiện là Phó Chủ tịch UBND tỉnh Nghệ An, dự buổi lễ.",
        "Lê Minh Khoa",
        "phó chủ tịch ủy ban nhân dân tỉnh nghệ an",
        id="comma_then_hien_la",
    ),
    pytest.param(
        "Bà Đinh Thị Hà (sinh năm 1972) là Bí thư Huyện ủy Quỳnh Lưu.",
        "Đinh Thị Hà",
        "bí thư huyện ủy quỳnh lưu",
        id="birth_year_in_brackets",
    ),
    pytest.param(
        "Ông Trương Văn Phúc (SN 1968, quê Hà Tĩnh) là Giám đốc Sở Tư pháp tỉnh Quảng Bình.",
        "Trương Văn Phúc",
        "giám đốc sở tư pháp tỉnh quảng bình",
        id="birth_and_home_in_brackets",
    ),
    pytest.param(
        "Ông Hồ Quang Vinh, sinh năm 1966, là Chủ tịch Hội Nông dân tỉnh Bình Định.",
        "Hồ Quang Vinh",
        "chủ tịch hội nông dân tỉnh bình định",
        id="birth_clause_then_comma_la",
    ),
    pytest.param(
        "Ông Lại Văn Sơn nguyên là Trưởng Ban Dân vận Tỉnh ủy Thái Bình.",
        "Lại Văn Sơn",
        "nguyên trưởng ban dân vận tỉnh ủy thái bình",
        id="nguyen_la_former_post",
    ),
]


@pytest.mark.parametrize("text, name, post", COPULA_ROWS)
def test_a_post_after_a_copula_or_a_birth_aside(text, name, post):
    assert post in posts_of(text, name)


ROSTER_ROWS = [
    pytest.param(
        "Lãnh đạo Trung đoàn:\n- Trung đoàn trưởng: Đại tá Tạ Văn Hùng\n- Chính ủy: Thượng tá Kiều Minh Đức\n",
        {"Tạ Văn Hùng": "trung đoàn trưởng", "Kiều Minh Đức": "chính ủy"},
        id="one_line_each",
    ),
    pytest.param(
        "Phó Giám đốc: Thiếu tướng Vương Quốc Bảo; Phó Chính ủy: Đại tá Mạc Đình Lâm.",
        {"Vương Quốc Bảo": "phó giám đốc", "Mạc Đình Lâm": "phó chính ủy"},
        id="semicolon_between_items",
    ),
]


@pytest.mark.parametrize("text, expected", ROSTER_ROWS)
def test_title_colon_rank_name(text, expected):
    for name, title in expected.items():
        assert any(post.startswith(title) for post in posts_of(text, name)), (name, posts_of(text, name))


NO_POST_ROWS = [
    pytest.param("Ông Cao Văn Tài là người đã giúp đỡ Chủ tịch Hồ Chí Minh.", "Cao Văn Tài", id="la_but_no_post"),
    pytest.param("Ông Cao Văn Tài nguyên quán Hà Tĩnh, làm nghề dạy học.", "Cao Văn Tài", id="nguyen_quan_no_post"),
    pytest.param("Con trai ông Cao Văn Tài trở thành Phó Chủ tịch UBND huyện.", "Cao Văn Tài", id="kin_still_no_post"),
]


@pytest.mark.parametrize("text, name", NO_POST_ROWS)
def test_no_post_where_none_is_given(text, name):
    assert posts_of(text, name) == []


CAREER_LIST = """Sau năm 1975, ông Trần Hữu Khoa đã giữ các chức vụ:

- Phó Chủ tịch Hội Nông dân tỉnh Long An (từ năm 1980 đến năm 1990).

- Chủ tịch Ủy ban Đoàn kết Công giáo tỉnh Long An.
- Ủy viên Ban Chấp hành Hội Cựu chiến binh tỉnh, cùng ông Lê Văn Bảy.

Ông nghỉ hưu năm 2010.
"""


def test_a_career_list_gives_each_item_to_the_name_of_its_lead():
    """Items that name nobody are the lead's posts, blank lines or not; an item naming someone
    else is not."""
    assert posts_of(CAREER_LIST, "Trần Hữu Khoa") == [
        "phó chủ tịch hội nông dân tỉnh long an",
        "chủ tịch ủy ban đoàn kết công giáo tỉnh long an",
    ]


def test_a_christian_name_before_the_family_name_is_not_part_of_the_name():
    text = "Năm 1980, linh mục Phêrô Trần Văn Khiết làm Chủ tịch Ủy ban Đoàn kết Công giáo tỉnh Đồng Nai."
    assert [p.name for p in find_people(text)] == ["Trần Văn Khiết"]
