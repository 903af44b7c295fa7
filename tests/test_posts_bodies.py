"""Bodies read for posts where a text gives them away from the title (issue 21), rows of our own.

Each row is read by the rules alone (``posts_mode="rules"``), so that what is pinned here is the
reading of titles and bodies, not the learned attachment.
"""

from __future__ import annotations

import pytest

from extractors.people import find_people, find_post_spans, name_key
from vntext.normalize import normalize


def posts_of(text: str, name: str, fmt: str | None = None) -> list[str]:
    """'title organization' of each post of ``name`` by the rules, case folded."""
    people = find_people(normalize(text, fmt).text if fmt else text, None, "rules")
    found = [p for p in people if name_key(p.name) == name_key(name)]
    assert found, f"{name!r} not found in {[p.name for p in people]}"
    return [f"{p.title} {p.organization or ''}".strip().casefold() for p in found[0].posts]


BODY_AFTER_TITLE = [
    # what a body is set up to prevent runs on through "phòng, chống" and its commas
    (
        "Ông Trần Minh Khoa, Phó Trưởng Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực.",
        "Trần Minh Khoa",
        "phó trưởng ban chỉ đạo trung ương về phòng, chống tham nhũng, tiêu cực",
    ),
    (
        "Bà Lê Thu Hà, Ủy viên Ban Chỉ đạo Quốc gia phòng, chống đại dịch COVID-19, dự họp.",
        "Lê Thu Hà",
        "ủy viên ban chỉ đạo quốc gia phòng, chống đại dịch covid-19",
    ),
    # a body after "thuộc", and a numbered army unit written in lower case
    ("Ông Trần Minh Khoa, Trung đội trưởng thuộc Tiểu đoàn 56.", "Trần Minh Khoa", "trung đội trưởng tiểu đoàn 56"),
    ("Ông Trần Minh Khoa, Tiểu đoàn trưởng tiểu đoàn 766.", "Trần Minh Khoa", "tiểu đoàn trưởng tiểu đoàn 766"),
    # capitalised words joined by hyphens are one word of the body
    (
        "Ông Trần Minh Khoa, Chính ủy Binh chủng Tăng-Thiết giáp.",
        "Trần Minh Khoa",
        "chính ủy binh chủng tăng-thiết giáp",
    ),
    # "của Chính phủ" / "của Quốc hội" inside a body's name
    (
        "Ông Trần Minh Khoa, Chủ nhiệm Ủy ban Thanh tra của Chính phủ.",
        "Trần Minh Khoa",
        "chủ nhiệm ủy ban thanh tra của chính phủ",
    ),
    # a unit named by letters and a number
    ("Ông Trần Minh Khoa, Phó Chính ủy Mặt trận B5.", "Trần Minh Khoa", "phó chính ủy mặt trận b5"),
    # a unit's parent written after a comma
    (
        "Ông Trần Minh Khoa, Cục trưởng Cục Quản lý hành chính, Bộ Tổng Tham mưu.",
        "Trần Minh Khoa",
        "cục trưởng cục quản lý hành chính, bộ tổng tham mưu",
    ),
    # a post after the comma is a post, not a parent
    ("Ông Trần Minh Khoa, Cục trưởng Cục Thuế, Bộ trưởng Bộ Tài chính.", "Trần Minh Khoa", "cục trưởng cục thuế"),
    # a newspaper is a body ("Báo cáo" is a document)
    (
        "Ông Trần Minh Khoa, Tổng Biên tập Báo Điện tử Chính phủ.",
        "Trần Minh Khoa",
        "tổng biên tập báo điện tử chính phủ",
    ),
    # a document's word right after a body's head names the body
    (
        "Ông Đỗ Văn Chính, Trưởng ban Kế hoạch Tài chính Trung ương Đảng.",
        "Đỗ Văn Chính",
        "trưởng ban kế hoạch tài chính trung ương đảng",
    ),
    ("Ông Đỗ Văn Chính, Trưởng ban tổ chức tỉnh ủy Hải Ninh.", "Đỗ Văn Chính", "trưởng ban tổ chức tỉnh ủy hải ninh"),
    # a diplomat's mission
    ("Ông Trần Minh Khoa, Đại sứ Việt Nam tại Liên Xô, phát biểu.", "Trần Minh Khoa", "đại sứ việt nam tại liên xô"),
    # deputies written after the title, and "về chính trị"
    ("Ông Trần Minh Khoa, Tư lệnh phó Sư đoàn 1.", "Trần Minh Khoa", "tư lệnh phó sư đoàn 1"),
    ("Ông Trần Minh Khoa, Chỉ huy phó Trung đoàn 1.", "Trần Minh Khoa", "chỉ huy phó trung đoàn 1"),
    (
        "Ông Trần Minh Khoa, Phó Tư lệnh về chính trị Quân khu 4.",
        "Trần Minh Khoa",
        "phó tư lệnh về chính trị quân khu 4",
    ),
    (
        "Ông Trần Minh Khoa, Thủ tướng Cộng hòa Dân chủ Nhân dân Lào.",
        "Trần Minh Khoa",
        "thủ tướng cộng hòa dân chủ nhân dân lào",
    ),
]


@pytest.mark.parametrize(("text", "name", "post"), BODY_AFTER_TITLE)
def test_body_after_a_title(text, name, post):
    assert posts_of(text, name)[0] == post


def test_a_page_titled_with_an_office_gives_its_body_to_the_bare_title():
    text = "# Bộ trưởng Bộ Tài nguyên và Môi trường (Việt Nam)\n\nÔng Trần Hồng Hà, Bộ trưởng, phát biểu."
    assert posts_of(text, "Trần Hồng Hà") == ["bộ trưởng bộ tài nguyên và môi trường"]


def test_a_page_about_a_unit_is_the_body_of_its_bare_titles_of_that_kind():
    text = (
        "# Binh đoàn 16, Bộ Quốc phòng (Việt Nam)\n\n"
        "Chính ủy Võ Quyết Chiến làm việc với đoàn. Bộ trưởng Phan Văn Giang dự."
    )
    assert posts_of(text, "Võ Quyết Chiến") == ["chính ủy binh đoàn 16"]
    assert posts_of(text, "Phan Văn Giang") == ["bộ trưởng"]  # a minister is not the unit's


def test_a_ministrys_page_keeps_a_bare_chairman_out_of_the_ministry():
    text = "# Bộ Y tế (Việt Nam)\n\nHôm nay, Bộ trưởng Đào Hồng Lan phát biểu. Chủ tịch Hồ Chí Minh dặn."
    assert posts_of(text, "Đào Hồng Lan") == ["bộ trưởng bộ y tế"]
    assert posts_of(text, "Hồ Chí Minh") == ["chủ tịch"]


def test_a_list_item_about_a_ministry_gives_it_to_its_deputy_minister():
    text = (
        "- Bộ Nội vụ do Bộ trưởng Huỳnh Thúc Kháng đảm nhiệm. Thứ trưởng Hoàng Hữu Nam cũng mất.\n"
        "- Bộ Quốc phòng do Võ Nguyên Giáp giữ chức Bộ trưởng.\n"
    )
    assert posts_of(text, "Hoàng Hữu Nam") == ["thứ trưởng bộ nội vụ"]
    assert posts_of(text, "Huỳnh Thúc Kháng") == ["bộ trưởng bộ nội vụ"]


HOLDERS_TABLE = """# Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam

Chủ tịch là người đứng đầu Mặt trận.

## Danh sách Chủ tịch

| Đại hội lần thứ | Chủ tịch | Chủ tịch danh dự | Thời gian |
|---|---|---|---|
| I
(1977-1983) |
Hoàng Quốc Việt (1905-1992) |
Tôn Đức Thắng (1888-1980) |
31 tháng 1 năm 1977 | 12 tháng 5 năm 1983 |
| II
(1983-1988) |
Huỳnh Tấn Phát (1913-1989) |
12 tháng 5 năm 1983 | |
"""


def test_holders_in_a_table_broken_over_lines_take_the_office_of_the_page():
    office = "chủ tịch ủy ban trung ương mặt trận tổ quốc việt nam"
    assert posts_of(HOLDERS_TABLE, "Hoàng Quốc Việt", "md") == [office]
    assert posts_of(HOLDERS_TABLE, "Huỳnh Tấn Phát", "md") == [office]
    assert posts_of(HOLDERS_TABLE, "Tôn Đức Thắng", "md") == []  # the honorary chair's cell


DASH_ROWS = """# Bộ trưởng Bộ Y tế (Việt Nam)

Bộ trưởng Bộ Y tế là người đứng đầu Bộ Y tế.

## Danh sách Bộ trưởng

| STT | Bộ trưởng Bộ Y tế | Nhiệm kỳ |
|---|---|---|
| 1 | BS. Lê Minh Khải(1909-1968) |
2 tháng 9 năm 1945 | 1 tháng 1 năm 1946 |
-
|
GS. Tiến sĩ Đỗ Văn Hưng(1906-1998) |
7 tháng 11 năm 1968
|
Quyền Bộ trưởng Bộ Y tế
|
"""


def test_a_holder_whose_row_opens_with_a_lone_dash_and_runs_over_short_lines():
    assert posts_of(DASH_ROWS, "Lê Minh Khải", "md") == ["bộ trưởng bộ y tế"]
    assert posts_of(DASH_ROWS, "Đỗ Văn Hưng", "md") == ["bộ trưởng bộ y tế", "quyền bộ trưởng bộ y tế"]


def test_a_heading_with_two_posts_over_a_list_of_holders():
    text = "# Binh đoàn 16\n\nBinh đoàn 16 là đơn vị kinh tế.\n\n## Tư lệnh, Tổng giám đốc qua các thời kỳ\n\n- Thiếu tướng Hà Văn Thiệu\n"
    assert posts_of(text, "Hà Văn Thiệu", "md") == ["tư lệnh binh đoàn 16"]


def test_a_biography_titled_with_a_full_name_that_holds_a_rare_syllable():
    text = "# Nguyễn Đình Sở\n\n**Nguyễn Đình Sở** (1929 - 2018) là chính khách Việt Nam.\n"
    people = find_people(normalize(text, "md").text, None, "rules")
    assert [(p.name, len(p.mentions)) for p in people] == [("Nguyễn Đình Sở", 2)]


def test_a_biography_whose_infobox_repeats_the_name_before_its_lead():
    text = (
        "# Trọng Khang\n\n| Trọng Khang | |\n|---|---|\n| Chủ tịch Hội Nghệ sĩ Múa | |\n\n"
        "**Trọng Khang**, tên thật **Lê Trọng Khang** (1943 – 2012) là diễn viên.\n"
    )
    people = find_people(normalize(text, "md").text, None, "rules")
    assert "Trọng Khang" in [p.name for p in people]


OFFICE_TABLES = [
    pytest.param(  # the post's cell before the name's, after the row's number
        "# Chính phủ Liên hiệp\n\n| Thứ tự | Chức vụ | Tên | Đảng phái |\n|---|---|---|---|\n"
        "| 2 | Bộ trưởng Bộ Nội vụ | Huỳnh Thúc Kháng | không Đảng phái |\n"
        "| 3 | Bộ trưởng Bộ Quốc phòng | Võ Nguyên Giáp | Việt Minh |\n",
        {"Huỳnh Thúc Kháng": "bộ trưởng bộ nội vụ", "Võ Nguyên Giáp": "bộ trưởng bộ quốc phòng"},
        id="numbered_row_post_before_name",
    ),
    pytest.param(  # a post cell spanning the rows under it, dropped by the web page
        "# Chính phủ\n\n| Chức danh | Ông/bà | Kết quả |\n|---|---|---|\n"
        "| Phó Thủ tướng Chính phủ | Phạm Gia Khiêm | 96,35% |\n| Trương Vĩnh Trọng | 83,98% | |\n"
        "| Bộ trưởng Bộ Quốc phòng | Phùng Quang Thanh | 98,17% |\n",
        {"Trương Vĩnh Trọng": "phó thủ tướng chính phủ", "Phùng Quang Thanh": "bộ trưởng bộ quốc phòng"},
        id="spanned_post_cell",
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFICE_TABLES)
def test_office_holders_in_tables(text, expected):
    for name, post in expected.items():
        assert posts_of(text, name, "md") == [post], name


BROKEN_ROWS = [
    pytest.param(  # an infobox header after a broken row's closed cells is no more of the row
        "Phạm Văn Long | |\n|---|---|\n| Chủ nhiệm | Thượng tướng Lê Khả Phiêu (1997-1998)\n"
        "Đại tướng Lê Văn Dũng (2001-2008) |\nPhó Tư lệnh về Chính trị Quân khu 4 | |\n| Nhiệm kỳ | 1995 – 1997 |\n",
        "Lê Khả Phiêu",
        "Lê Văn Dũng",
        "Phó Tư lệnh",
        id="ends_before_an_infobox_header",
    ),
    pytest.param(  # more cells on the lines after a closed one are still the row's
        "| STT | Họ và tên | Nhiệm kỳ | Chức vụ khác |\n|---|---|---|---|\n| 4 | Võ Chí Hùng\n(1912-2011) |\n"
        "31 tháng 3 năm 1982 | 21 tháng 6 năm 1986 | Chủ tịch Hội đồng Nhà nước |\n| 5 | Lê Văn Tám |\n",
        "Võ Chí Hùng",
        "Chủ tịch Hội đồng Nhà nước",
        "Lê Văn Tám",
        id="keeps_its_later_cells",
    ),
]


@pytest.mark.parametrize(("text", "opening", "inside", "outside"), BROKEN_ROWS)
def test_a_table_row_broken_over_lines(text, opening, inside, outside):
    from extractors.people import table_rows

    normalized = normalize(text, "md").text
    row = next(normalized[a:b] for a, b in table_rows(normalized) if opening in normalized[a:b])
    assert inside in row and outside not in row


def test_posts_in_lower_case_right_after_a_name_without_a_comma():
    text = "Đồng chí Lê Văn Hòa ủy viên BCH TW Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh phát biểu."
    assert posts_of(text, "Lê Văn Hòa") == [
        "ủy viên ban chấp hành trung ương đảng",
        "bí thư tỉnh ủy",
        "chủ tịch hội đồng nhân dân tỉnh",
    ]
    assert posts_of("Ông Lê Văn Hòa chủ trì hội nghị.", "Lê Văn Hòa") == []


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("Tổng thống John F. Kennedy đã đến Berlin.", "John F. Kennedy", "tổng thống"),
        ("Tổng thống Hoa Kỳ George W. Bush thăm Hà Nội.", "George W. Bush", "tổng thống hoa kỳ"),
        ("Thủ tướng Ōkuma Shigenobu từ chức.", "Ōkuma Shigenobu", "thủ tướng"),
    ],
)
def test_foreign_names_written_whole_after_a_title(text, name, post):
    assert posts_of(text, name) == [post]


def test_a_numbered_list_of_holders_gives_each_the_post():
    text = (
        "# Bộ Y tế (Việt Nam)\n\nBộ Y tế là cơ quan của Chính phủ.\n\n## Bộ trưởng qua các thời kỳ\n\n"
        "1. Hoàng Tích Trí\n2. Phạm Ngọc Thạch\n3. Vũ Văn Cẩn\n"
    )
    for name in ("Hoàng Tích Trí", "Phạm Ngọc Thạch", "Vũ Văn Cẩn"):
        assert posts_of(text, name, "md") == ["bộ trưởng bộ y tế"], name


def test_indented_prose_under_a_heading_of_holders_gives_no_post():
    text = (
        "# Bộ Y tế (Việt Nam)\n\n## Bộ trưởng qua các thời kỳ\n\n"
        "    Năm 1958, ông Nguyễn Văn An dự hội nghị tổng kết ngành y tế tại thủ đô Hà Nội.\n"
        "    Sau đó bà Trần Thị Bình được khen thưởng vì những đóng góp cho công tác phòng dịch.\n"
        "- Phạm Ngọc Thạch\n"
    )
    assert posts_of(text, "Nguyễn Văn An", "md") == []
    assert posts_of(text, "Trần Thị Bình", "md") == []


def test_the_model_adds_no_post_to_a_relative_or_a_bare_lower_case_title():
    from extractors.learned.post_candidates import KIN, post_candidates
    from extractors.people import read_posts

    text = "Con trai ông Cao Văn Tài trở thành Phó Chủ tịch UBND huyện. Vợ ông Lê Văn An, Bộ trưởng Bộ Y tế, dự."
    mentions, posts, linked, rows = read_posts(text, None)
    kin = {mentions[c.holder].name for c in post_candidates(text, mentions, posts, linked, rows) if KIN in c.features}
    assert kin == {"Cao Văn Tài"}  # the apposition after "Vợ ông" is the named man's own post
    people = {p.name: p for p in find_people(text)}
    assert people["Cao Văn Tài"].posts == ()
    assert [q.title for q in people["Lê Văn An"].posts] == ["Bộ trưởng"]
    lower = find_people("Ông Vi Văn Tâm được bầu làm chủ nhiệm câu lạc bộ.")
    assert lower[0].posts == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ông Trần Minh Khoa, Đại đội phó rồi Đại đội trưởng Đại đội 107.",
            ["đại đội phó đại đội 107", "đại đội trưởng đại đội 107"],
        ),
        (
            "Ông Trần Minh Khoa, Phó Tư lệnh – Tham mưu trưởng Quân đoàn 1.",
            ["phó tư lệnh quân đoàn 1", "tham mưu trưởng quân đoàn 1"],
        ),
        # a title that names a post by itself keeps its own meaning
        (
            "Ông Trần Minh Khoa, Phó Thủ tướng rồi Bộ trưởng Bộ Ngoại giao.",
            ["phó thủ tướng", "bộ trưởng bộ ngoại giao"],
        ),
    ],
)
def test_a_bare_title_shares_the_body_of_the_next_after_roi_or_a_dash(text, expected):
    assert posts_of(text, "Trần Minh Khoa", "txt") == expected  # normalized: the dash is "-"


def test_becoming_a_full_member_is_no_city_committee_member():
    """ "chuyển thành Uỷ viên Chính thức Ban Chấp hành ..." is a member of the Central Committee,
    not a "Thành ủy viên" of an unnamed city committee."""
    text = "Năm 1963, ông Trần Minh Khoa được chuyển thành Uỷ viên Chính thức Ban Chấp hành Trung ương Đảng."
    assert [(p.title, p.organization) for p in find_post_spans(text)] == [("Ủy viên", "Ban Chấp hành Trung ương Đảng")]


def test_a_front_written_in_lower_case_is_a_body():
    assert posts_of("Ông Trần Minh Khoa, Chính ủy mặt trận Trung Lào.", "Trần Minh Khoa") == [
        "chính ủy mặt trận trung lào"
    ]


DEPUTY_COLUMN = """## Lãnh đạo qua các thời kỳ

| STT | Tên | Nhiệm kỳ | Chức vụ | Phó Bí thư | Ghi chú |
|---|---|---|---|---|---|
| 1 | Lê Văn Hòa | 1950-1955 | Bí thư Tỉnh ủy Lạng Sơn | Trần Minh Khoa | |
| 2 | Đỗ Quang Vinh | 1955-1960 | Bí thư Tỉnh ủy Lạng Sơn | Phạm Hữu Lộc | điều động |
| Nguyễn Đức Tâm |

Ông Vũ Văn Hải về hưu.
"""


def test_a_column_headed_by_a_bare_title_gives_it_to_its_names_with_the_rows_body():
    """The name before the post cell holds the post; the next cell's names, and a name alone on
    the row after, hold the header's title with the row post's body; prose after the table none."""
    assert posts_of(DEPUTY_COLUMN, "Lê Văn Hòa", "md") == ["bí thư tỉnh ủy lạng sơn"]
    assert posts_of(DEPUTY_COLUMN, "Trần Minh Khoa", "md") == ["phó bí thư tỉnh ủy lạng sơn"]
    assert posts_of(DEPUTY_COLUMN, "Nguyễn Đức Tâm", "md") == ["phó bí thư tỉnh ủy lạng sơn"]
    assert posts_of(DEPUTY_COLUMN, "Vũ Văn Hải", "md") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ông được điều về Tiểu đoàn 7 do Thiếu tá Trần Minh Khoa làm Tiểu đoàn trưởng.",
            ["tiểu đoàn trưởng tiểu đoàn 7"],
        ),
        (
            "Ngân hàng Công thương thành lập năm 1988 do Trần Minh Khoa đảm nhiệm Tổng Giám đốc.",
            ["tổng giám đốc ngân hàng công thương"],
        ),
    ],
)
def test_a_bare_title_takes_the_body_its_sentence_says_the_holder_leads(text, expected):
    """ "<body> do <name> làm / đảm nhiệm <title>": the title is of that body, and the name holds it."""
    assert posts_of(text, "Trần Minh Khoa") == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a presidium is a body: its member is no chairman
        (
            "Bà Lê Thu Hà, Ủy viên Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam.",
            "Lê Thu Hà",
            ["ủy viên đoàn chủ tịch ủy ban trung ương mặt trận tổ quốc việt nam"],
        ),
        # "về các vấn đề xã hội" is inside the committee's name, in either case
        (
            "Bà Lê Thu Hà, Chủ nhiệm Ủy ban Về các vấn đề Xã hội của Quốc hội.",
            "Lê Thu Hà",
            ["chủ nhiệm ủy ban về các vấn đề xã hội của quốc hội"],
        ),
        # a profession before the name is no part of it, in a "post: name" list
        ("- Tổng trưởng Ngoại giao: Luật sư Trần Văn Bảy", "Trần Văn Bảy", ["tổng trưởng ngoại giao"]),
        # a given name that is also a word ("Trường") ends a name whose run ends with it
        ("- Tổng trưởng Tài chánh: Lê Quang Trường", "Lê Quang Trường", ["tổng trưởng tài chánh"]),
    ],
)
def test_bodies_professions_and_given_names_read_on_fresh_pages(text, name, expected):
    assert posts_of(text, name) == expected


def test_a_run_of_two_names_is_cut_before_the_word_name():
    assert [p.name for p in find_people("Các đồng chí Lê Duẩn Trường Chinh dự họp.")] == ["Lê Duẩn", "Trường Chinh"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("sau đó được cử là Đệ Nhị Phó Chủ tịch Hạ nghị viện", "Đệ nhị Phó Chủ tịch"),
        ("các Quốc vụ khanh trong nội các", "Quốc vụ khanh"),
        ("bà là Lãnh sự danh dự của Nam Phi", "Lãnh sự danh dự"),
        ("ông làm Tùy viên quân sự tại Pháp", "Tùy viên quân sự"),
        ("năm 1950 ông là Chi ủy viên", "Chi ủy viên"),
        ("ông đắc cử Dân biểu tỉnh Định Tường", "Dân biểu"),
        ("ông làm Phó Chủ tịch thứ nhất Hội đồng Bộ trưởng", "Phó Chủ tịch thứ nhất"),
        ("năm 1010 ông làm Thái sư", "Thái sư"),
        ("ông được bổ nhiệm Tổng đốc Hải Dương", "Tổng đốc"),
    ],
)
def test_titles_of_other_times_and_services_are_read(text, title):
    assert title in [p.title for p in find_post_spans(text)]


def test_a_biography_titled_with_a_pen_name_after_a_long_infobox():
    """The subject of "# Xuân Thủy" is Xuân Thủy, though the name has no family name and the lead
    ("Xuân Thủy tên thật là ...") comes after a long infobox; the rows name others' posts."""
    rows = "".join(f"| Nhiệm kỳ | {1950 + i} - {1951 + i} |\n| Kế nhiệm | Lê Văn Hòa |\n" for i in range(40))
    text = f"# Xuân Thủy\n\n| Xuân Thủy | |\n|---|---|\n{rows}\nXuân Thủy tên thật là Nguyễn Trọng Nhâm. Năm 1963, ông được bổ nhiệm làm Bộ trưởng Bộ Ngoại giao.\n"
    assert len(text) > 1500
    people = find_people(normalize(text, "md").text)
    assert "Xuân Thủy" in [p.name for p in people]


def test_a_wiki_pages_category_list_gives_no_posts():
    """The labels a page is filed under ("- Bí thư Tỉnh ủy Việt Nam nhiệm kì 2010-2015") are not
    what its text says; a list of posts in the text still is."""
    text = (
        "# Lê Thu Hà\n\nLê Thu Hà (sinh năm 1959) là một nữ chính khách. Bà giữ các chức vụ:\n"
        "- Phó Bí thư Tỉnh ủy Vĩnh Long\n\n## Liên kết ngoài\n\n- Sinh năm 1959\n- Nhân vật còn sống\n"
        "- Bí thư Tỉnh ủy Việt Nam nhiệm kì 2010-2015\n- Đại biểu Quốc hội Việt Nam khóa XIII\n"
    )
    assert posts_of(text, "Lê Thu Hà", "md") == ["phó bí thư tỉnh ủy vĩnh long"]


def test_a_deputy_and_a_head_of_one_office_after_a_career_verb_share_its_body():
    text = "Từ năm 2001, bà Lê Thu Hà lần lượt đảm nhiệm các chức vụ Phó Chủ tịch, Chủ tịch Hội Nông dân tỉnh An Giang."
    assert posts_of(text, "Lê Thu Hà") == [
        "phó chủ tịch hội nông dân tỉnh an giang",
        "chủ tịch hội nông dân tỉnh an giang",
    ]


def test_a_roster_of_one_post_in_every_province_gives_each_holder_his_rows_province():
    text = (
        "# Bộ Chỉ huy quân sự\n\n## Chỉ huy trưởng Bộ Chỉ huy quân sự các tỉnh, thành phố trực thuộc Trung ương\n\n"
        "| STT | Tỉnh | Họ và tên | Cấp bậc |\n|---|---|---|---|\n"
        "| 01 | Hải Phòng | Trần Minh Khoa | Đại tá |\n| 02 | Đà Nẵng | Lê Văn Hòa | Đại tá |\n"
    )
    assert posts_of(text, "Trần Minh Khoa", "md") == ["chỉ huy trưởng bộ chỉ huy quân sự hải phòng"]
    assert posts_of(text, "Lê Văn Hòa", "md") == ["chỉ huy trưởng bộ chỉ huy quân sự đà nẵng"]


def test_a_holders_row_that_writes_the_headings_post_with_its_body_gives_that():
    """Under "Tổng thanh tra các thời kỳ", a row ending "Tổng Thanh tra Chính phủ" is that post,
    not the heading's bare title."""
    text = (
        "# Thanh tra Chính phủ\n\n## Tổng thanh tra các thời kỳ\n\n| Thứ tự | Tên | Chức vụ |\n|---|---|---|\n"
        "| 1 | Trần Minh Khoa | Tổng Thanh tra Chính phủ |\n"
    )
    assert posts_of(text, "Trần Minh Khoa", "md") == ["tổng thanh tra chính phủ"]


# Readings this round's rules must not make (a review's probes, in our own sentences).
NO_WRONG_POSTS = [
    # "làm" after a possessive is causative ("makes the minister pleased"), not "serves as"
    ("Phát biểu của bà Lê Thu Hà làm Bộ trưởng Bộ Y tế hài lòng.", "Lê Thu Hà", []),
    # a body named in an earlier clause is not the one the holder leads: the title stays bare
    (
        "Theo báo cáo của Sở Y tế, đoàn kiểm tra do ông Trần Minh Khoa làm Trưởng đoàn đã làm việc.",
        "Trần Minh Khoa",
        ["trưởng đoàn"],
    ),
    # a place is no body ("Nha Trang" is not "Nha ...")
    ("Lễ hội biển tổ chức tại Nha Trang do ông Trần Minh Khoa làm Trưởng ban.", "Trần Minh Khoa", ["trưởng ban"]),
    # a list of posts after a name that is not the verb's subject
    (
        "Theo đề nghị của ông Trần Minh Khoa, những người được giới thiệu phải đảm nhiệm các chức vụ:\n"
        "- Phó Chủ tịch UBND tỉnh Nghệ An\n- Giám đốc Sở Nội vụ tỉnh Nghệ An\n",
        "Trần Minh Khoa",
        [],
    ),
]


@pytest.mark.parametrize(("text", "name", "expected"), NO_WRONG_POSTS)
def test_readings_that_give_no_wrong_post(text, name, expected):
    assert posts_of(text, name) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Bộ Chính trị cử đồng chí Trần Minh Khoa làm Trưởng đoàn công tác.",
            "Trần Minh Khoa",
            ["trưởng đoàn công tác"],
        ),
        (
            "Bà Lê Thu Hà, Giám đốc Nhà Văn hóa Lao động tỉnh Nghệ An.",
            "Lê Thu Hà",
            ["giám đốc nhà văn hóa lao động tỉnh nghệ an"],
        ),
        # a party post and a state one joined by a dash keep their own bodies
        (
            "Ông Trần Minh Khoa, Phó Bí thư - Chủ tịch UBND tỉnh Nghệ An.",
            "Trần Minh Khoa",
            ["phó bí thư", "chủ tịch ủy ban nhân dân tỉnh nghệ an"],
        ),
        # one "Sinh năm" line makes no category list of a short CV
        (
            "Tiểu sử tóm tắt:\n\n- Sinh năm 1965\n- Quê quán: Nghệ An\n- Ông Trần Minh Khoa, Phó Bí thư Tỉnh ủy Nghệ An\n",
            "Trần Minh Khoa",
            ["phó bí thư tỉnh ủy nghệ an"],
        ),
    ],
)
def test_readings_kept_beside_this_rounds_rules(text, name, expected):
    assert posts_of(text, name, "txt") == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Thủ tướng Lào Boupha Vannay tiếp đoàn.", "Boupha Vannay"),
        ("Bộ trưởng Khamsinh Sayakone hội kiến.", "Khamsinh Sayakone"),
    ],
)
def test_lao_names_ending_in_a_vietnamese_word_stay_whole(text, name):
    assert name in [p.name for p in find_people(text, None, "rules")]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("ông Trần Minh Khoa, chánh Văn phòng Tỉnh ủy Nghệ An", ("Chánh", "Văn phòng Tỉnh ủy Nghệ An")),
        (
            "ông Trần Minh Khoa, tổng Giám đốc Tập đoàn Điện lực Việt Nam",
            ("Tổng Giám đốc", "Tập đoàn Điện lực Việt Nam"),
        ),
    ],
)
def test_a_title_whose_first_word_is_in_lower_case_is_read_whole(text, post):
    assert post in [(p.title, p.organization) for p in find_post_spans(text)]
