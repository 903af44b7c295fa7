"""Rosters read from fresh bench pages (issue 21, bench-people7's tune half), rows of our own.

An association's page lists its leaders by term in a table whose role column stands after the
term's number and year; a role's cell may span the rows below it, which the web page wrote as
rows of one cell; a role may head a list of names, one per line. Read by the rules alone, so
what is pinned is the reading, not the learned attachment.
"""

from __future__ import annotations

import pytest

from extractors.names import find_name_mentions
from extractors.people import find_post_spans, resolve_organizations
from tests.test_posts_bodies import posts_of

ASSOCIATION = """# Hội Nhạc sĩ Miền Núi

| Hội Nhạc sĩ Miền Núi | |
|---|---|
| Thành lập | 1975 |

## Lãnh đạo qua các khóa

| Khóa | Năm | Vai trò | Tên | Nghề nghiệp |
|---|---|---|---|---|
| 1 | 1975 | Chủ tịch | Hoàng Văn Lộc | Nhạc sĩ |
| Tổng thư ký | Lương Minh Đức | Nhạc sĩ | ||
| Phó tổng thư ký | NSƯT Vi Thị Mai | |||
| NSND Cầm Văn Tuấn | ||||
| 2 | 1990 | Tổng thư ký | Triệu Quốc Hưng | Ca sĩ |

## Lãnh đạo hiện nay

- Phó Chủ tịch:
- Ca sĩ, NSƯT Lò Văn Sáng
- Nguyễn Thị Hoa
- Bế Thanh Chương

Hội có trụ sở ở Thái Nguyên.
"""


@pytest.mark.parametrize(
    ("name", "post"),
    [
        # the role column after the term's number and year
        ("Hoàng Văn Lộc", "chủ tịch hội nhạc sĩ miền núi"),
        ("Triệu Quốc Hưng", "tổng thư ký hội nhạc sĩ miền núi"),
        # a role at the head of its row, the body being the page's association
        ("Lương Minh Đức", "tổng thư ký hội nhạc sĩ miền núi"),
        ("Vi Thị Mai", "phó tổng thư ký hội nhạc sĩ miền núi"),
        # a row of one cell under it: the role's cell spanned it
        ("Cầm Văn Tuấn", "phó tổng thư ký hội nhạc sĩ miền núi"),
        # a role that heads a list, one name per line (a profession before the name)
        ("Lò Văn Sáng", "phó chủ tịch hội nhạc sĩ miền núi"),
        ("Nguyễn Thị Hoa", "phó chủ tịch hội nhạc sĩ miền núi"),
        ("Bế Thanh Chương", "phó chủ tịch hội nhạc sĩ miền núi"),
    ],
)
def test_an_associations_roster_gives_each_leader_the_role_and_the_association(name, post):
    assert posts_of(ASSOCIATION, name, "md") == [post]


def test_a_column_of_posts_of_others_gives_no_post_to_a_name_deep_in_the_row():
    # the deputies' column: its names are not the holders of the post cell before them
    text = (
        "# Tỉnh ủy Sông Mây\n\n"
        "| STT | Tên | Nhiệm kỳ | Chức vụ | Phó Bí thư |\n|---|---|---|---|---|\n"
        "| 1 | Đào Văn Khiêm | 1990-1995 | Bí thư Tỉnh ủy Sông Mây | Hà Thị Lựu |\n"
    )
    assert "bí thư tỉnh ủy sông mây" not in posts_of(text, "Hà Thị Lựu", "md")


def test_a_list_under_a_role_ends_at_an_item_with_its_own_post():
    text = (
        "# Hội Nhạc sĩ Miền Núi\n\n- Phó Chủ tịch:\n- Nguyễn Thị Hoa\n- Tổng thư ký Lương Minh Đức\n- Bế Thanh Chương\n"
    )
    assert posts_of(text, "Nguyễn Thị Hoa", "md") == ["phó chủ tịch hội nhạc sĩ miền núi"]
    assert "phó chủ tịch hội nhạc sĩ miền núi" not in posts_of(text, "Lương Minh Đức", "md")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an artist's honour before a stage name of two given names
        ("Buổi diễn có NSND Thu Hằng tham gia.", "Thu Hằng"),
        ("Đạo diễn là NSƯT Minh Khang.", "Minh Khang"),
        # a given name that is also "chapter" ends a name that ends its run
        ("Ông Lê Hồng Chương phát biểu.", "Lê Hồng Chương"),
    ],
)
def test_names_read_after_an_artists_honour_and_ending_in_chuong(text, name):
    assert name in [m.name for m in find_name_mentions(text)]


def test_chuong_still_opens_no_name_inside_a_run():
    # "Chương" before more capitals is the chapter of a document, not the end of a name
    text = "Theo Điều 5 Chương II Luật Đất đai, ông Lê Hồng Chương giải thích."
    assert [m.name for m in find_name_mentions(text)] == ["Lê Hồng Chương"]


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # a region's name in lower case inside a body's name
        (
            "Ông Lâm Văn Tư, nguyên Thứ trưởng Bộ Quốc phòng Cộng hòa miền Nam Việt Nam, đã về hưu.",
            "Lâm Văn Tư",
            "nguyên thứ trưởng bộ quốc phòng cộng hòa miền nam việt nam",
        ),
        (
            "Ông Lâm Văn Tư, Chính ủy Quân Giải phóng miền Nam, đã về hưu.",
            "Lâm Văn Tư",
            "chính ủy quân giải phóng miền nam",
        ),
        # a provincial military command written in lower case
        (
            "Ông Lâm Văn Tư, Chỉ huy trưởng Bộ chỉ huy quân sự tỉnh Gia Lai, dự họp.",
            "Lâm Văn Tư",
            "chỉ huy trưởng bộ chỉ huy quân sự tỉnh gia lai",
        ),
    ],
)
def test_lower_case_words_inside_a_bodys_name(text, name, post):
    assert posts_of(text, name) == [post]


def test_the_party_alone_on_a_partys_page_is_that_party():
    text = "# Đảng Dân Chủ Miền Biển\n\nĐảng được lập năm 1960.\n\n- Lâm Văn Tư: Chủ tịch Đảng.\n"
    assert posts_of(text, "Lâm Văn Tư", "md") == ["chủ tịch đảng dân chủ miền biển"]


def test_a_bare_member_on_a_committees_page_is_a_member_of_that_committee():
    text = (
        "# Ủy ban Kiểm tra Tỉnh ủy Sông Mây\n\nỦy ban Kiểm tra Tỉnh ủy Sông Mây khóa XX gồm:\n\n"
        "1. Đồng chí Lâm Văn Tư, Chủ nhiệm\n\n2. Đồng chí Hà Thị Lựu, Ủy viên\n"
    )
    assert posts_of(text, "Hà Thị Lựu", "md") == ["ủy viên ủy ban kiểm tra tỉnh ủy sông mây"]
    # on a page about no committee a bare "Ủy viên" still names no post
    assert posts_of("Đồng chí Hà Thị Lựu, Ủy viên, phát biểu.", "Hà Thị Lựu") == []


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # the short post of a member of a standing committee, and of a committee
        ("Năm 1950, ông Lâm Văn Tư là Thường vụ Xứ ủy Nam Bộ.", "Lâm Văn Tư", "thường vụ xứ ủy nam bộ"),
        (
            "Bà Hà Thị Lựu, Thành viên Ủy ban Quốc gia phòng chống AIDS, dự họp.",
            "Hà Thị Lựu",
            "thành viên ủy ban quốc gia",
        ),
        # "Thường vụ" inside a body's or a member's name stays there
        ("Ông Lâm Văn Tư, Ủy viên Thường vụ Quốc hội, phát biểu.", "Lâm Văn Tư", "ủy viên thường vụ quốc hội"),
        (
            "Ông Lâm Văn Tư, Ủy viên Ban Thường vụ Tỉnh ủy Gia Lai, dự.",
            "Lâm Văn Tư",
            "ủy viên ban thường vụ tỉnh ủy gia lai",
        ),
    ],
)
def test_short_posts_of_members(text, name, post):
    assert posts_of(text, name)[0].startswith(post)


@pytest.mark.parametrize(
    "text",
    [
        # "cùng Thường vụ Xứ ủy": he worked with the committee, which is no post of his
        "Ông Lâm Văn Tư, Bí thư Huyện ủy, bám phong trào, cùng Thường vụ Xứ ủy chỉ đạo công việc.",
        # the committee opening a sentence, or named as a meeting, acts: no one's post
        "Thường vụ Tỉnh ủy giao đồng chí Lâm Văn Tư, Bí thư Huyện ủy, chủ trì.",
        "Hội nghị Thường vụ Tỉnh ủy do đồng chí Lâm Văn Tư, Bí thư Huyện ủy, chủ trì.",
    ],
)
def test_the_standing_committee_acting_is_no_post(text):
    assert posts_of(text, "Lâm Văn Tư") == ["bí thư huyện ủy"]


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn Nghi lễ Quân đội biểu diễn, ông Đoàn Văn Hậu dự.",
        "Tổng công ty Đoàn Bưu chính Viễn thông dự họp, ông Đoàn Văn Hậu dự.",
    ],
)
def test_a_body_opened_by_doan_is_no_name(text):
    # "Đoàn" is a family name and a body's head; "Nghi lễ", "Bưu chính" go on as a word
    assert [m.name for m in find_name_mentions(text)] == ["Đoàn Văn Hậu"]


def test_a_staff_lists_abbreviated_posts():
    # "BTĐU" is "Bí thư Đảng ủy"; "P." before a title that has deputies is "Phó"
    text = "- Đại tá Lâm Văn Tư - BTĐU, P. Hiệu trưởng.\n- Trung tá Hà Văn Lựu - P. Hiệu trưởng.\n"
    assert posts_of(text, "Lâm Văn Tư") == ["bí thư đảng ủy", "phó hiệu trưởng"]
    assert posts_of(text, "Hà Văn Lựu") == ["phó hiệu trưởng"]


def test_a_government_table_gives_posts_that_need_no_body():
    text = (
        "| STT | Chức vụ | Họ tên |\n|---|---|---|\n| 13 | Bộ trưởng không bộ | Lâm Văn Tư |\n"
        "| 14 | Thủ tướng | Hà Văn Lựu |\n| 15 | Bộ trưởng Bộ Y tế | Đào Thị Mai |\n"
    )
    assert posts_of(text, "Lâm Văn Tư", "md") == ["bộ trưởng không bộ"]
    assert posts_of(text, "Hà Văn Lựu", "md") == ["thủ tướng"]
    assert posts_of(text, "Đào Thị Mai", "md") == ["bộ trưởng bộ y tế"]


def test_a_line_that_goes_on_a_ministrys_list_item_is_about_that_ministry():
    # the item was broken after a footnote mark; its deputy minister is the ministry's
    text = (
        "- Bộ Y tế do Lâm Văn Tư đảm nhiệm chức Bộ trưởng.\n"
        "[4]Năm 1947, bác sĩ Hà Văn Lựu được bổ nhiệm làm Thứ trưởng.[5]\n"
    )
    assert posts_of(text, "Hà Văn Lựu") == ["thứ trưởng bộ y tế"]


@pytest.mark.parametrize(
    ("line", "post"),
    [
        # a CV line: a bare command title, then its unit after a comma
        (
            "10/1987 - 9/1988: Phó Tiểu đoàn trưởng về Chính trị, Tiểu đoàn 40, Quân khu 7.",
            ("Phó Tiểu đoàn trưởng về Chính trị", "Tiểu đoàn 40"),
        ),
        (
            "10/1988 - 8/1995: Chủ nhiệm Chính trị, Trung đoàn Thông tin 23, Quân khu 7; học",
            ("Chủ nhiệm Chính trị", "Trung đoàn Thông tin 23, Quân khu 7"),
        ),
    ],
)
def test_a_cv_lines_unit_after_a_comma_is_the_titles_body(line, post):
    assert (find_post_spans(line)[0].title, find_post_spans(line)[0].organization) == post


def test_the_deputy_and_the_head_of_one_unit_share_its_name():
    text = "9/2000 - 10/2007: Phó Phòng, Trưởng Phòng Tuyên huấn Cục Chính trị, Quân khu 7."
    posts = resolve_organizations(text, find_post_spans(text))
    assert [(p.title, p.organization) for p in posts] == [
        ("Phó phòng", "Phòng Tuyên huấn Cục Chính trị"),
        ("Trưởng", "Phòng Tuyên huấn Cục Chính trị"),
    ]


def test_a_press_bodys_quoted_name_and_a_title_after_va():
    text = 'Ông làm Phó Trưởng Ban Tổ chức Trung ương Đảng và Thư ký Tạp chí "Sinh hoạt nội bộ" của Đảng.'
    posts = [(p.title, p.organization) for p in find_post_spans(text)]
    assert posts == [("Phó Trưởng", "Ban Tổ chức Trung ương Đảng"), ("Thư ký", 'Tạp chí "Sinh hoạt nội bộ"')]


def test_ky_may_end_a_name_that_ends_its_run():
    names = [m.name for m in find_name_mentions("- Tổng trưởng Nội vụ: Kỹ sư Lâm Thúc Ký (Đại Việt miền Trung)")]
    assert names == ["Lâm Thúc Ký"]


def test_a_role_over_ranks_and_over_a_list_after_a_blank_line():
    text = (
        "# Viện Kỹ thuật Sông Mây\n\nViện Kỹ thuật Sông Mây là một đơn vị đào tạo.\n\n## Tổ chức\n\n"
        "Viện trưởng: Đại tá, PGS, TS Lâm Văn Tư\n\nPhó Viện trưởng:\n\n- 1. TS. Hà Văn Lựu.\n- 2. TS. Đào Văn Mai\n"
    )
    assert posts_of(text, "Lâm Văn Tư", "md") == ["viện trưởng viện kỹ thuật sông mây"]
    assert posts_of(text, "Đào Văn Mai", "md") == ["phó viện trưởng viện kỹ thuật sông mây"]


def test_the_minister_who_chairs_a_ministry_level_body():
    text = (
        "| Chức vụ | Họ tên | Tỷ lệ |\n|---|---|---|\n"
        "| Bộ trưởng - Chủ nhiệm Văn phòng Chính phủ | Lâm Văn Tư | 93,31% |\n"
    )
    assert posts_of(text, "Lâm Văn Tư", "md") == ["bộ trưởng văn phòng chính phủ", "chủ nhiệm văn phòng chính phủ"]


def test_a_units_page_owns_its_party_committee_and_the_coast_guard_is_one_body():
    text = (
        "# Cục Kỹ thuật Sông Mây\n\nCục Kỹ thuật Sông Mây là cơ quan kỹ thuật.\n\n"
        "Đại tá Lâm Văn Tư, Bí thư Đảng ủy, phát biểu.\n\nÔng Hà Văn Lựu là Tư lệnh Vùng 1 Cảnh sát biển.\n"
    )
    assert posts_of(text, "Lâm Văn Tư", "md") == ["bí thư đảng ủy cục kỹ thuật sông mây"]
    assert posts_of(text, "Hà Văn Lựu", "md") == ["tư lệnh vùng 1 cảnh sát biển"]


OFFICE_PAGE = """# Bộ trưởng Bộ Nông nghiệp Sông Mây

Bộ trưởng Bộ Nông nghiệp Sông Mây là người đứng đầu bộ.

## Danh sách

| STT | Họ tên | Nhiệm kỳ |
|---|---|---|
Ủy ban Nông nghiệp Sông Mây (1958-1965)
| 1 | Lâm Văn Tư(1907-1988) | 1958 - 1960 |
Bộ Nông nghiệp và Thủy lợi Sông Mây (1992-2002)
| 2 | Hà Văn Lựu(1920-2005) | 1992 - 2002 |
Bộ Nông nghiệp Sông Mây (2002-nay)
| 3 | Đào Văn Mai(sinh 1948) | 2002 - 2011 |

## Xem thêm

- Lê Văn Kiên
"""


def test_an_offices_page_gives_its_list_of_holders_the_office():
    # a line naming the body anew changes it; a body of another kind leaves the office unknown
    assert posts_of(OFFICE_PAGE, "Lâm Văn Tư", "md") == []
    assert posts_of(OFFICE_PAGE, "Hà Văn Lựu", "md") == ["bộ trưởng bộ nông nghiệp và thủy lợi sông mây"]
    assert posts_of(OFFICE_PAGE, "Đào Văn Mai", "md") == ["bộ trưởng bộ nông nghiệp sông mây"]


def test_a_holders_heading_that_gives_two_names_of_the_post():
    text = (
        "# Bộ Tư lệnh Thành phố Sông Mây\n\nBộ Tư lệnh Thành phố Sông Mây là cơ quan quân sự.\n\n"
        "## Lãnh đạo qua các thời kỳ\n\n### Tư lệnh/Chỉ huy trưởng\n\n- 1975 - 1978: Thiếu tướng Lâm Văn Tư\n"
        "- 1978 - 1983: Thiếu tướng Hà Văn Lựu\n"
    )
    assert posts_of(text, "Hà Văn Lựu", "md") == ["tư lệnh bộ tư lệnh thành phố sông mây"]


def test_a_post_ending_a_sentence_with_a_colon_gives_its_items_nothing():
    # only a title that stands alone on its line heads a roster; a conclusion's items are tasks
    text = (
        "Ý kiến kết luận của Chủ tịch UBND tỉnh:\n- Giao ông Trần Văn Bình, Giám đốc Sở Tài chính chủ trì.\n"
        "- Giao bà Lê Thị Hoa nghiên cứu.\n"
    )
    assert posts_of(text, "Trần Văn Bình", "md") == ["giám đốc sở tài chính"]
    assert posts_of(text, "Lê Thị Hoa", "md") == []


def test_a_party_committees_page_is_no_party_for_dang_alone():
    text = "# Đảng bộ tỉnh Sông Mây\n\nÔng Lâm Văn Tư, Tổng Bí thư Đảng, dự đại hội.\n"
    assert posts_of(text, "Lâm Văn Tư", "md") == ["tổng bí thư đảng"]


def test_an_office_page_gives_no_office_to_the_list_of_another_office():
    text = OFFICE_PAGE.replace("## Danh sách", "## Danh sách Thứ trưởng")
    assert posts_of(text, "Đào Văn Mai", "md") == ["thứ trưởng"]  # the heading's own post, not the page's
    assert posts_of(OFFICE_PAGE, "Đào Văn Mai", "md") == ["bộ trưởng bộ nông nghiệp sông mây"]


def test_a_holders_heading_with_the_deputy_after_a_slash_is_no_list_of_the_post():
    text = (
        "# Trường Đại học Sông Mây\n\nTrường Đại học Sông Mây là trường công lập.\n\n"
        "### Hiệu trưởng/Phó Hiệu trưởng\n\n- 1975 - 1978: PGS Lâm Văn Tư\n"
    )
    assert posts_of(text, "Lâm Văn Tư", "md") == []
    assert posts_of(text.replace("/Phó Hiệu trưởng", ""), "Lâm Văn Tư", "md") == ["hiệu trưởng trường đại học sông mây"]


def test_the_minister_and_a_chairman_after_roi_share_nothing():
    text = "Bộ trưởng rồi Chủ nhiệm Ủy ban Kiểm tra Trung ương"
    posts = [(p.title, p.organization) for p in resolve_organizations(text, find_post_spans(text))]
    assert posts == [("Bộ trưởng", None), ("Chủ nhiệm", "Ủy ban Kiểm tra Trung ương")]
