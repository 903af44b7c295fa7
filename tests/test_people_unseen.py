"""People and posts in the kinds of sentence issue 11 lists (table-driven, rows of our own).

Titles before names across the state, party, army, mass organizations, courts, procuracy and
state enterprises; abbreviated posts; tables of office-holders; signatures; former posts;
foreign and historical leaders; things that are never a person; one person across forms.
"""

from __future__ import annotations

import pytest

from extractors.names import find_name_mentions
from extractors.people import find_people, find_post_spans, name_key
from extractors.places import administrative_units, never_people
from vntext.normalize import normalize


def _people(text: str, fmt: str | None = None):
    return find_people(normalize(text, fmt).text if fmt else text)


def names(text: str, fmt: str | None = None) -> list[str]:
    return sorted(p.name for p in _people(text, fmt))


def posts_of(text: str, name: str, fmt: str | None = None) -> list[str]:
    """'title organization' of each post of ``name``, case folded (the form GOLD.md compares)."""
    found = [p for p in _people(text, fmt) if name_key(p.name) == name_key(name)]
    assert found, f"{name!r} not found in {names(text, fmt)}"
    return [f"{p.title} {p.organization or ''}".strip().casefold() for p in found[0].posts]


# ---------------------------------------------------------------------------
# Title before a name, with or without its body
# ---------------------------------------------------------------------------

TITLE_BEFORE_NAME = [
    # state
    ("Chủ tịch nước Lương Cường tiếp đoàn đại biểu.", "Lương Cường", "chủ tịch nước"),
    ("Chủ tịch Quốc hội Trần Thanh Mẫn phát biểu khai mạc.", "Trần Thanh Mẫn", "chủ tịch quốc hội"),
    ("Bộ trưởng Quốc phòng Phan Văn Giang dự lễ.", "Phan Văn Giang", "bộ trưởng quốc phòng"),
    ("Phó Thủ tướng Lê Thành Long chủ trì cuộc họp.", "Lê Thành Long", "phó thủ tướng"),
    ("Tổng Kiểm toán Nhà nước Ngô Văn Tuấn báo cáo.", "Ngô Văn Tuấn", "tổng kiểm toán nhà nước"),
    ("Tổng Thanh tra Chính phủ Đoàn Hồng Phong làm việc.", "Đoàn Hồng Phong", "tổng thanh tra chính phủ"),
    ("Thứ trưởng Bộ Tài chính Trần Quân Anh trả lời.", "Trần Quân Anh", "thứ trưởng bộ tài chính"),
    # court and procuracy
    ("Chánh án Tòa án nhân dân tối cao Lê Minh Trí kết luận.", "Lê Minh Trí", "chánh án tòa án nhân dân tối cao"),
    (
        "Phó Viện trưởng Viện kiểm sát nhân dân tối cao Hà Văn Sơn trình bày tờ trình.",
        "Hà Văn Sơn",
        "phó viện trưởng viện kiểm sát nhân dân tối cao",
    ),
    ("Thẩm phán Tòa án nhân dân tối cao Đào Thị Lan chủ tọa.", "Đào Thị Lan", "thẩm phán tòa án nhân dân tối cao"),
    (
        "Kiểm sát viên Viện kiểm sát nhân dân tối cao Lê Văn Khoa tham gia.",
        "Lê Văn Khoa",
        "kiểm sát viên viện kiểm sát nhân dân tối cao",
    ),
    # army
    ("Chính ủy Quân khu 7 Trần Hoài Trung dự buổi lễ.", "Trần Hoài Trung", "chính ủy quân khu 7"),
    ("Tư lệnh Quân khu 3 Nguyễn Quang Cường kiểm tra.", "Nguyễn Quang Cường", "tư lệnh quân khu 3"),
    ("Sư đoàn trưởng Sư đoàn 304 Lê Đình Tâm báo cáo.", "Lê Đình Tâm", "sư đoàn trưởng sư đoàn 304"),
    # party
    ("Bí thư Tỉnh ủy Bình Định Hồ Quốc Dũng dự.", "Hồ Quốc Dũng", "bí thư tỉnh ủy bình định"),
    ("Trưởng Ban Tổ chức Trung ương Lê Minh Hưng chủ trì.", "Lê Minh Hưng", "trưởng ban tổ chức trung ương"),
    ("Dưới sự lãnh đạo của Bí thư xứ ủy Lê Duẩn, phong trào phát triển.", "Lê Duẩn", "bí thư xứ ủy"),
    # mass organizations
    (
        "Chủ tịch Hội Liên hiệp Phụ nữ Việt Nam Hà Thị Nga phát động.",
        "Hà Thị Nga",
        "chủ tịch hội liên hiệp phụ nữ việt nam",
    ),
    ("Anh Bùi Quang Huy, Bí thư thứ nhất Trung ương Đoàn, dự.", "Bùi Quang Huy", "bí thư thứ nhất trung ương đoàn"),
    (
        "Chủ tịch Tổng Liên đoàn Lao động Việt Nam Nguyễn Đình Khang phát biểu.",
        "Nguyễn Đình Khang",
        "chủ tịch tổng liên đoàn lao động việt nam",
    ),
    # state enterprises
    ("Chủ tịch Hội đồng quản trị Lê Văn Hải ký quyết định.", "Lê Văn Hải", "chủ tịch hội đồng quản trị"),
    (
        "Tổng Giám đốc Tập đoàn Điện lực Việt Nam Đặng Hoàng An báo cáo.",
        "Đặng Hoàng An",
        "tổng giám đốc tập đoàn điện lực việt nam",
    ),
    (
        "Chủ tịch Hội đồng thành viên Tập đoàn Dầu khí Lê Mạnh Hùng dự.",
        "Lê Mạnh Hùng",
        "chủ tịch hội đồng thành viên tập đoàn dầu khí",
    ),
]


@pytest.mark.parametrize("text, name, post", TITLE_BEFORE_NAME)
def test_title_before_name(text, name, post):
    assert any(p.startswith(post) for p in posts_of(text, name)), posts_of(text, name)


# ---------------------------------------------------------------------------
# Abbreviated posts: expanded in the organization, the original kept in the span
# ---------------------------------------------------------------------------

ABBREVIATED = [
    ("Đồng chí Trần Văn Nam, UV BCH TƯ Đảng, phát biểu.", "Trần Văn Nam", "ủy viên ban chấp hành trung ương đảng"),
    ("Đồng chí Lê Văn Hòa, UVBCH Trung ương Đảng, dự.", "Lê Văn Hòa", "ủy viên ban chấp hành trung ương đảng"),
    ("Ông Phạm Văn Tài, ĐBQH khóa XV, chất vấn.", "Phạm Văn Tài", "đại biểu quốc hội"),
    ("Bà Nguyễn Thị Lan, Chủ tịch LĐLĐ tỉnh, phát biểu.", "Nguyễn Thị Lan", "chủ tịch liên đoàn lao động tỉnh"),
    ("Ông Vũ Văn Kiên, Giám đốc Sở GD&ĐT, báo cáo.", "Vũ Văn Kiên", "giám đốc sở giáo dục và đào tạo"),
    ("Ông Đinh Văn Lộc, Giám đốc Sở KH&ĐT, trình bày.", "Đinh Văn Lộc", "giám đốc sở kế hoạch và đầu tư"),
    ("Ông Bế Văn Thành, Chủ tịch Hội CCB tỉnh, phát biểu.", "Bế Văn Thành", "chủ tịch hội cựu chiến binh tỉnh"),
    ("Đồng chí Mai Văn Chính, Bí thư ĐU Khối, dự.", "Mai Văn Chính", "bí thư đảng ủy khối"),
    (
        "Ông Trương Văn Hai, Chủ tịch UBND TP. Cần Thơ, chủ trì.",
        "Trương Văn Hai",
        "chủ tịch ủy ban nhân dân thành phố cần thơ",
    ),
    ("Bà Đỗ Thị Vân, Chủ tịch Hội LHPN tỉnh, phát động.", "Đỗ Thị Vân", "chủ tịch hội liên hiệp phụ nữ tỉnh"),
    ("- Phó CTr Lê Văn Quý (để báo cáo);", "Lê Văn Quý", "phó cục trưởng"),
]


@pytest.mark.parametrize("text, name, post", ABBREVIATED)
def test_abbreviated_post_expanded(text, name, post):
    assert any(p.startswith(post) for p in posts_of(text, name)), posts_of(text, name)


def test_abbreviated_post_keeps_what_was_written():
    text = "Ông Vũ Văn Kiên, Giám đốc Sở GD&ĐT, báo cáo."
    (post,) = next(p for p in find_people(text) if p.name == "Vũ Văn Kiên").posts
    assert text[post.start : post.end] == "Giám đốc Sở GD&ĐT"
    assert post.organization == "Sở Giáo dục và Đào tạo"


# ---------------------------------------------------------------------------
# Tables of office-holders (Markdown)
# ---------------------------------------------------------------------------

TABLE = """# Ban Chấp hành Trung ương Hội Nông dân Việt Nam

| STT | Họ và tên | Chức vụ |
|---|---|---|
| 1 | Lương Quốc Đoàn | Chủ tịch Hội Nông dân Việt Nam |
| 2 | Nguyễn Thị Kim Dung | Trưởng ban Tuyên giáo, Trung ương Hội Nông dân Việt Nam |
| 3 | Bùi Thị Thơm | Trưởng ban Tổ chức - Kiểm tra, Trung ương Hội Nông dân Việt Nam |
| 4 | Trịnh Thị Thủy | Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch |
| Phó Chủ tịch (2) | Đinh Khắc Đính Phạm Tiến Nam |
| Chủ tịch | Lương Quốc Đoàn |
"""

TABLE_ROWS = [
    ("Lương Quốc Đoàn", "chủ tịch hội nông dân việt nam"),
    ("Nguyễn Thị Kim Dung", "trưởng ban tuyên giáo, trung ương hội nông dân việt nam"),
    ("Bùi Thị Thơm", "trưởng ban tổ chức - kiểm tra, trung ương hội nông dân việt nam"),
    ("Trịnh Thị Thủy", "thứ trưởng bộ văn hóa, thể thao và du lịch"),
    ("Đinh Khắc Đính", "phó chủ tịch ban chấp hành trung ương hội nông dân việt nam"),
    ("Phạm Tiến Nam", "phó chủ tịch ban chấp hành trung ương hội nông dân việt nam"),
]


@pytest.mark.parametrize("name, post", TABLE_ROWS)
def test_table_of_office_holders(name, post):
    assert post in posts_of(TABLE, name, "md")


@pytest.mark.parametrize("glued", ["Kim Dung Trưởng", "Thị Thơm Trưởng", "Trịnh Thị Thủy Thứ", "Phạm Tiến Nam Chủ"])
def test_table_names_never_glued_to_the_next_cell(glued):
    assert not any(glued in n for n in names(TABLE, "md"))


TERMS_TABLE = """# Danh sách

| STT | Họ và tên | Nhiệm kỳ | Người tiền nhiệm | Ghi chú |
|---|---|---|---|---|
| 5 | Đỗ Văn Mạnh
(1917-2018) |
18 tháng 12 năm 1986 | 22 tháng 6 năm 1988 | Nguyễn Văn Hiếu | Chủ tịch Hội đồng Bộ trưởng (1988 - 1991) |
"""


def test_a_row_of_terms_gives_the_predecessor_nothing():
    """Two names in one row (holder and predecessor), the post in the notes cell: never the
    predecessor's. (The holder's it may be: GOLD.md counts a table row's posts.)"""
    assert posts_of(TERMS_TABLE, "Nguyễn Văn Hiếu", "md") == []


# ---------------------------------------------------------------------------
# Signatures: the post's body made concrete from the issuer
# ---------------------------------------------------------------------------

SIGNATURES = [
    (
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 12/CT-UBND\n\nNội dung chỉ thị.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Bắc\n",
        "Hoàng Văn Bắc",
        "phó chủ tịch ủy ban nhân dân tỉnh quảng bình",
    ),
    (
        "TỈNH ỦY BÌNH ĐỊNH\nSố 05-CT/TU\n\nNội dung.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nLê Kim Toản\n",
        "Lê Kim Toản",
        "phó bí thư ban thường vụ tỉnh ủy bình định",
    ),
    (
        "Nơi nhận:\n- Lưu: VT.\n\nTL. CỤC TRƯỞNG\nKT. TRƯỞNG BAN CHÍNH SÁCH,\nTHUẾ QUỐC TẾ\nPHÓ TRƯỞNG BAN\nPhạm Thị Hoa\n",
        "Phạm Thị Hoa",
        "phó trưởng ban chính sách, thuế quốc tế",
    ),
    (
        "HUYỆN ỦY THẠCH THẤT\n\nNội dung.\n\nT/M HUYỆN ỦY\nBÍ THƯ\nNguyễn Văn Phú\n",
        "Nguyễn Văn Phú",
        "bí thư huyện ủy thạch thất",
    ),
]


@pytest.mark.parametrize("text, name, post", SIGNATURES)
def test_signature_post_with_issuer(text, name, post):
    assert post in posts_of(text, name), posts_of(text, name)


def test_signature_without_issuer_keeps_a_bare_title():
    text = "Nội dung.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Bắc\n"
    assert posts_of(text, "Hoàng Văn Bắc") == ["phó chủ tịch"]


# ---------------------------------------------------------------------------
# Former posts, biographies
# ---------------------------------------------------------------------------

FORMER = [
    ("Ông Trần Văn Sơn, nguyên Bí thư Tỉnh ủy Nghệ An, dự lễ.", "Trần Văn Sơn", "nguyên bí thư tỉnh ủy nghệ an"),
    (
        "Đồng chí Lê Văn Thành, nguyên Bộ trưởng Bộ Công nghiệp nặng, qua đời.",
        "Lê Văn Thành",
        "nguyên bộ trưởng bộ công nghiệp nặng",
    ),
    (
        "Nguyễn Công Lý (1890-1970) là một nhà cách mạng Việt Nam, nguyên Bí thư Tỉnh ủy Quảng Ngãi.",
        "Nguyễn Công Lý",
        "nguyên bí thư tỉnh ủy quảng ngãi",
    ),
    (
        "Vợ ông: Lê Thị Hạnh (hay Đoàn Kim Thanh), nguyên Hiệu trưởng Trường Múa Việt Nam.",
        "Lê Thị Hạnh",
        "nguyên hiệu trưởng trường múa việt nam",
    ),
    ("Ông Phạm Quốc Bảo là Chủ tịch UBND xã Tân Lập.", "Phạm Quốc Bảo", "chủ tịch ủy ban nhân dân xã tân lập"),
]


@pytest.mark.parametrize("text, name, post", FORMER)
def test_former_posts_keep_nguyen(text, name, post):
    assert any(p.startswith(post) for p in posts_of(text, name)), posts_of(text, name)


def test_enumeration_of_a_committee_shares_its_body():
    text = (
        "Năm 1946, ông là Chủ tịch Ủy ban hành chính tỉnh Bình Sơn, Phó Chủ tịch Hồ Văn Thiện, "
        "Ủy viên Thường trực Trần Văn Hai và Nguyễn Quang Lợi."
    )
    assert posts_of(text, "Hồ Văn Thiện") == ["phó chủ tịch ủy ban hành chính tỉnh bình sơn"]
    assert posts_of(text, "Trần Văn Hai") == ["ủy viên thường trực ủy ban hành chính tỉnh bình sơn"]
    assert posts_of(text, "Nguyễn Quang Lợi") == ["ủy viên thường trực ủy ban hành chính tỉnh bình sơn"]


# ---------------------------------------------------------------------------
# Foreign and historical leaders, pen names
# ---------------------------------------------------------------------------

FOREIGN = [
    (
        "Đồng chí Khamtay Siphandone, nguyên Chủ tịch Đảng Nhân dân Cách mạng Lào, từ trần.",
        "Khamtay Siphandone",
        "nguyên chủ tịch đảng nhân dân cách mạng lào",
    ),
    (
        "Đồng chí Thongloun Sisoulith; sinh ngày 10/11/1945; nguyên Thủ tướng Lào.",
        "Thongloun Sisoulith",
        "nguyên thủ tướng",
    ),
    (
        "Đồng chí Kaysone Phomvihane, nguyên Tổng Bí thư Đảng Nhân dân Cách mạng Lào.",
        "Kaysone Phomvihane",
        "nguyên tổng bí thư đảng nhân dân cách mạng lào",
    ),
]


@pytest.mark.parametrize("text, name, post", FOREIGN)
def test_foreign_leaders(text, name, post):
    assert any(p.startswith(post) for p in posts_of(text, name)), posts_of(text, name)


HISTORICAL_AND_PEN_NAMES = [
    ("Năm 1930, Hồ Chí Minh chủ trì hội nghị thành lập Đảng.", ["Hồ Chí Minh"]),
    ("Trường Chinh là Tổng Bí thư từ năm 1951.", ["Trường Chinh"]),
    ("Tố Hữu đọc bài thơ.", ["Tố Hữu"]),
    ("Hội Nhà văn Việt Nam tổ chức trại sáng tác.", []),
    ("Vua Lê Lợi đánh tan quân Minh.", ["Lê Lợi"]),
    ("Ông Lê Lợi (1385-1433) lên ngôi.", ["Lê Lợi"]),
]


@pytest.mark.parametrize("text, expected", HISTORICAL_AND_PEN_NAMES)
def test_historical_leaders_and_pen_names(text, expected):
    assert names(text) == expected


# ---------------------------------------------------------------------------
# Never a person
# ---------------------------------------------------------------------------

NEVER_A_PERSON = [
    # places, new and old; seas and rivers; foreign places
    "Thái Bình Dương là đại dương lớn nhất.",
    "Tàu ra Biển Đông từ sáng.",
    "Hoàng Hà chảy qua nhiều tỉnh.",
    "Quân đội Mã Lai tham chiến.",
    "Hồ Nam là quê hương của ông.",
    "Vũ Ninh là nơi diễn ra trận đánh.",
    "Quảng Nam và Đà Nẵng hợp nhất.",
    "Cao Bằng có nhiều di tích.",
    # battle sites
    "Chiến thắng Điện Biên Phủ chấn động địa cầu.",
    "Trận Đống Đa diễn ra năm 1789.",
    # streets, villages
    "Trụ sở ở đường Lý Thường Kiệt.",
    "Ông sinh ra tại làng Phù Xá, xã Văn Môn.",
    # newspapers
    "Theo báo Hà Nội Mới, hội nghị đã kết thúc.",
    "Hà Nội Mới đưa tin về sự kiện.",
    # schools and bodies named after people
    "Học viện Chính trị quốc gia Hồ Chí Minh tổ chức lễ khai giảng.",
    "Trường Nguyễn Ái Quốc mở lớp đầu tiên.",
    "Đoàn TNCS Hồ Chí Minh phát động phong trào.",
    "Sinh viên Trường Đại học Tôn Đức Thắng nhập học.",
    # bodies read as names
    "Văn phòng Đoàn Đại biểu Quốc hội thông báo.",
    "Chúc mừng năm mới Đoàn Ngoại giao ở Hà Nội.",
    "của các đồng chí Hội Việt Nam Cách mạng Thanh niên",
    # glued words, placeholders, titles, years
    "Người ký: Nguyễn Văn A, chức vụ ghi rõ.",
    "Quang Trung Hoàng Đế lên ngôi.",
    "Tiễn Đinh Mùi đón Mậu Thân.",
    # never a name cut short: "Lê Thái Tổ" is not "Lê Thái"
    "Vua Lê Thái Tổ sau khi chiến thắng đã ban thưởng.",
]


@pytest.mark.parametrize("text", NEVER_A_PERSON)
def test_never_a_person(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đồng chí Nguyễn Văn Trânb qua đời.", ["Nguyễn Văn Trân"]),  # a footnote mark glued on
        ("Tư tưởng của Hồ Chí Minhđã soi đường.", ["Hồ Chí Minh"]),  # the next word glued on
        ("Ông Trần Quốc Thắngvà các đồng chí dự.", ["Trần Quốc Thắng"]),
        # a glued word, not a glued letter: "Hải", not "Hảit" + "ừ"
        ("Bộ trưởng Bộ Công nghiệp Lê Minh Hảitừ Thái Bình |", ["Lê Minh Hải"]),
        # a glued word inside a run of capitals ends the name before the place
        ("| Thứ trưởng Thường trực Đỗ Văn Trọngtừ Bến Tre |", ["Đỗ Văn Trọng"]),
        # a foreign syllable that splits into two Vietnamese ones stays whole
        ("Đồng chí Khamtay Sibounheuang dự.", ["Khamtay Sibounheuang"]),
    ],
)
def test_a_glued_word_is_cut_to_the_name(text, expected):
    """Never "Hồ Chí Minhđã": a scraped glued word is cut back to the name, or dropped."""
    assert names(text) == expected


def test_names_beside_a_body_named_after_a_person_are_kept():
    text = "Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh Nguyễn Xuân Thắng phát biểu."
    assert names(text) == ["Nguyễn Xuân Thắng"]
    assert posts_of(text, "Nguyễn Xuân Thắng") == ["giám đốc học viện chính trị quốc gia hồ chí minh"]


def test_place_tables_are_loaded():
    units = administrative_units()
    assert {"hà nội", "quảng trị", "ba đình"} <= units  # provinces and wards from vietnam-provinces
    assert "thái bình dương" in never_people() and "đinh mùi" in never_people()


# ---------------------------------------------------------------------------
# One person per document, across forms
# ---------------------------------------------------------------------------

ONE_PERSON = [
    "Đồng chí Phan Tâm dự họp. Thứ trưởng Phan Tâm phát biểu.\nPHAN TÂM\n",
    "Ông Phan Tâm, Thứ trưởng Bộ TT&TT. Sau đó, đồng chí Phan Tâm kết luận.\nPHAN TÂM\n",
    "PHAN TÂM\nThứ trưởng Phan Tâm cho biết. Ông Phan Tâm nói thêm.",
]


@pytest.mark.parametrize("text", ONE_PERSON)
def test_one_person_across_forms(text):
    people = find_people(text)
    assert [p.name for p in people] == ["Phan Tâm"]
    assert len(people[0].mentions) == 3


# Youth Union bodies whose last word is also a family name ("Đoàn"): the body keeps it.
YOUTH_UNION = [
    (
        "Bí thư thứ nhất Trung ương Đoàn Lê Quang Vinh trao cờ thi đua.",
        "Lê Quang Vinh",
        "bí thư thứ nhất trung ương đoàn",
    ),
    ("Phó Bí thư Tỉnh Đoàn Hoàng Thị Mai phát động phong trào.", "Hoàng Thị Mai", "phó bí thư tỉnh đoàn"),
    ("Bí thư Thành Đoàn Cần Thơ Phan Văn Tài dự lễ ra quân.", "Phan Văn Tài", "bí thư thành đoàn cần thơ"),
    ("Anh Vũ Đức Nam, Bí thư Huyện đoàn Mê Linh, cho biết.", "Vũ Đức Nam", "bí thư huyện đoàn mê linh"),
]


@pytest.mark.parametrize("text, name, post", YOUTH_UNION)
def test_youth_union_body_keeps_its_last_word(text, name, post):
    assert names(text) == [name]
    assert posts_of(text, name) == [post]


@pytest.mark.parametrize(
    "text",
    [
        "Thư viện của Thành Đoàn Thành phố Hồ Chí Minh mở cửa cả tuần.",
        "Ban Thường vụ Tỉnh Đoàn Nghệ An tổ chức hội nghị.",
        "Trung ương Đoàn Thanh niên phát động chiến dịch mùa hè.",
    ],
)
def test_youth_union_body_is_nobody(text):
    assert names(text) == []


def test_a_person_named_doan_is_still_a_person():
    text = "Đồng chí Đoàn Văn Hậu, Phó Bí thư Tỉnh ủy, dự hội nghị."
    assert names(text) == ["Đoàn Văn Hậu"]


# A foreign leader named after a title and a country (news of diplomacy and history).
FOREIGN_AFTER_COUNTRY = [
    ("Tổng thống Chile Gabriel Boric tiếp đoàn đại biểu.", "Gabriel Boric", "tổng thống chile"),
    ("Phó Tổng thống Brazil Geraldo Alckmin dự lễ khai mạc.", "Geraldo Alckmin", "phó tổng thống brazil"),
    ("Bộ trưởng Ngoại giao Hà Lan Wopke Hoekstra hội đàm.", "Wopke Hoekstra", "bộ trưởng ngoại giao hà lan"),
    ("Chủ tịch Mông Cổ Ukhnaagiin Khurelsukh đón đoàn.", "Ukhnaagiin Khurelsukh", "chủ tịch mông cổ"),
    ("Ngoại trưởng Đức Baerbock đến Hà Nội.", "Baerbock", "ngoại trưởng đức"),  # one word, not Vietnamese
    ("Quốc vương Thái Lan Vajiralongkorn ban sắc lệnh.", "Vajiralongkorn", "quốc vương thái lan"),
]


@pytest.mark.parametrize("text, name, post", FOREIGN_AFTER_COUNTRY)
def test_foreign_leader_after_title_and_country(text, name, post):
    assert name in names(text)
    assert posts_of(text, name) == [post]


@pytest.mark.parametrize(
    "text",
    [
        "Đại sứ Pháp tại Việt Nam trao quà cho học sinh.",  # no name after the country
        "Thủ tướng Anh Quốc chưa lên tiếng.",
        "Bộ trưởng Ngoại giao Nhật Bản Sẽ đến thăm.",  # one word that is a Vietnamese syllable
        "Hàng xuất khẩu sang Pháp Emmanuel tăng mạnh.",  # no title before the country
    ],
)
def test_no_foreign_leader_without_title_country_and_name(text):
    assert names(text) == []


def test_a_foreign_surname_alone_is_the_person_named_in_full():
    text = "Thủ tướng Canada Justin Trudeau thăm Huế. Chiều cùng ngày, Thủ tướng Canada Trudeau rời Huế."
    people = _people(text)
    assert [(p.name, len(p.mentions)) for p in people] == [("Justin Trudeau", 2)]


def test_a_bare_title_is_dropped_when_the_same_title_has_its_body():
    text = (
        "Phó Thủ tướng Chính phủ Lê Văn Bình chủ trì cuộc họp. Kết luận cuộc họp, "
        "Phó Thủ tướng Lê Văn Bình yêu cầu các bộ khẩn trương hoàn thiện dự thảo."
    )
    assert posts_of(text, "Lê Văn Bình") == ["phó thủ tướng chính phủ"]


def test_a_bare_title_stays_when_no_mention_gives_its_body():
    text = "Bộ trưởng Trần Văn Khoa phát biểu; Thứ trưởng Bộ Tài chính Đỗ Thị Hằng dự."
    assert posts_of(text, "Trần Văn Khoa") == ["bộ trưởng"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name's run ending in a word that opens a body or title with the word after it
        ("| Nội các Trần Văn Hương Chính phủ lâm thời | 1965 |", ["Trần Văn Hương"]),
        ("Đại tá Lê Hồng Sơn Chính ủy Trung đoàn 9 dự lễ.", ["Lê Hồng Sơn"]),
        # a name that ends in such a word, before a word that makes no body with it
        ("Ông Phạm Văn Chính hội kiến đoàn đại biểu.", ["Phạm Văn Chính"]),
        # an award is named after its winner's kind, not a person
        ("Vở diễn nhận Giải Bông Sen Vàng năm 2019.", []),
    ],
)
def test_names_end_before_a_body_and_awards_are_nobody(text, expected):
    assert names(text) == expected


def test_a_foreign_given_name_before_a_known_surname_joins_it():
    text = (
        "Thủ tướng Úc Albanese thăm Hà Nội. Trước đó, Thủ tướng Anthony Albanese đã điện đàm "
        "với Thủ tướng Phạm Minh Chính."
    )
    people = {p.name: [(x.title, x.organization) for x in p.posts] for p in _people(text)}
    assert "Anthony Albanese" in people and "Albanese" not in people
    assert ("Thủ tướng", "Anthony") not in people["Anthony Albanese"]  # a given name is no body


def test_a_country_before_a_surname_is_no_given_name():
    assert names("Tổng thống Indonesia Widodo đón đoàn.") == ["Widodo"]


# Careers: a verb between the name and the post it gave.
CAREER = [
    (
        "Năm 2019, ông Lâm Văn Hòa được bổ nhiệm giữ chức Thứ trưởng Bộ Công Thương.",
        "Lâm Văn Hòa",
        "thứ trưởng bộ công thương",
    ),
    (
        "Bà Quách Thị Hạnh được bầu làm Chủ tịch Hội đồng nhân dân tỉnh Tây Ninh.",
        "Quách Thị Hạnh",
        "chủ tịch hội đồng nhân dân tỉnh tây ninh",
    ),
    ("Tháng 3/2016, Kiều Văn Tuấn trở thành Bí thư Tỉnh ủy Phú Yên.", "Kiều Văn Tuấn", "bí thư tỉnh ủy phú yên"),
    ("Đại tá Mạc Văn Khải được thăng làm Tư lệnh Quân khu 2.", "Mạc Văn Khải", "tư lệnh quân khu 2"),
    ("Ông Đỗ Văn Lợi từng giữ chức Phó Bí thư Thành ủy Cần Thơ.", "Đỗ Văn Lợi", "phó bí thư thành ủy cần thơ"),
    (
        "Ông Tôn Thất Minh được điều động, bổ nhiệm làm Giám đốc Sở Xây dựng tỉnh Bình Định.",
        "Tôn Thất Minh",
        "giám đốc sở xây dựng tỉnh bình định",
    ),
    ("Ông Lò Văn Nam được bầu làm đại biểu Quốc hội khóa XV.", "Lò Văn Nam", "đại biểu quốc hội"),
    (
        "Năm 1996, Hà Quang Phát được bầu làm Ủy viên chính thức Ban Chấp hành Trung ương Đảng.",
        "Hà Quang Phát",
        "ủy viên ban chấp hành trung ương đảng",
    ),
]


@pytest.mark.parametrize("text, name, post", CAREER)
def test_post_given_by_a_career_verb(text, name, post):
    assert any(p.startswith(post) for p in posts_of(text, name)), posts_of(text, name)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Bà Phan Thị Quế trở thành người đầu tiên nhận giải.", "Phan Thị Quế"),  # no post after the verb
        ("Ông Lưu Văn Sang được bổ nhiệm làm việc tại xã.", "Lưu Văn Sang"),  # "làm việc" is no post
        ("Ông Vi Văn Tâm được bầu làm chủ nhiệm câu lạc bộ.", "Vi Văn Tâm"),  # lower case, no body
    ],
)
def test_career_verbs_without_a_post_give_none(text, name):
    assert posts_of(text, name) == []


def test_a_body_stops_before_ke_tu():
    text = "Ông Bạch Văn Sơn được bổ nhiệm giữ chức Thứ trưởng Bộ Nội vụ kể từ ngày 1/7/2025."
    assert posts_of(text, "Bạch Văn Sơn") == ["thứ trưởng bộ nội vụ"]


def test_a_known_body_keeps_words_that_would_end_another():
    text = "Năm 2015, ông Lê Huy Vịnh được bổ nhiệm giữ chức Tư lệnh Quân chủng Phòng không - Không quân."
    assert posts_of(text, "Lê Huy Vịnh") == ["tư lệnh quân chủng phòng không - không quân"]


def test_a_signer_whose_name_is_also_a_place_is_a_person():
    from extractors.models import Signer

    text = "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nMai Sơn\n"
    start = text.index("Mai Sơn")
    signer = Signer("Mai Sơn", "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH", start, start + len("Mai Sơn"))
    assert [p.name for p in find_people(text)] == []  # alone, a district of Sơn La
    assert [p.name for p in find_people(text, signer)] == ["Mai Sơn"]


@pytest.mark.parametrize(
    "text",
    [
        "Phường Đông Hải có 8 tổ dân phố: Trần Nhân Tông, Lê Thánh Tông, Hoàng Hoa Thám và Phạm Ngũ Lão.",
        "Thị xã mới gồm các xã, phường: Đào Duy Từ, Nguyễn Trãi, Bạch Đằng.",
        "Quán ở số 128/6 Phan Đình Phùng, phường 2.",
        "Em theo học Trường Trung học Lê Quý Đôn.",
        "Dọc biên giới là dãy Hoàng Liên.",
    ],
)
def test_places_named_after_people_are_nobody(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kịch bản: Đỗ Minh Khôi; đạo diễn: Lâm Thị Hoa.", ["Lâm Thị Hoa", "Đỗ Minh Khôi"]),
        ("Thành phần: ông Trương Văn Lộc, Chủ tịch xã.", ["Trương Văn Lộc"]),
    ],
)
def test_lists_after_a_colon_that_are_not_places_keep_their_people(text, expected):
    assert names(text) == expected


def test_the_appointer_does_not_get_the_post():
    text = "Hôm qua, Phạm Văn Hòa bổ nhiệm giữ chức Giám đốc Sở Tư pháp đối với ông Lê Minh."
    assert all(not p.startswith("giám đốc") for p in posts_of(text, "Phạm Văn Hòa"))


def test_a_ministry_ending_in_nong_thon_is_no_list_of_places():
    text = "Bộ trưởng Bộ Nông nghiệp và Phát triển Nông thôn: Cao Đức Phát; Bộ trưởng Bộ Y tế: Nguyễn Quốc Triệu."
    assert names(text) == ["Cao Đức Phát", "Nguyễn Quốc Triệu"]


def test_a_body_stops_before_hien():
    assert posts_of("Ông Hồ Văn Bảy, Bộ trưởng Bộ Y tế hiện nay, phát biểu.", "Hồ Văn Bảy") == ["bộ trưởng bộ y tế"]


def test_a_foreign_name_is_not_cut_at_a_letter_vietnamese_lacks():
    assert names("Tổng thống Pháp François Hollande thăm Hà Nội năm 2016.") == ["François Hollande"]


def test_a_relatives_career_is_not_the_named_persons():
    text = "Năm 2012, con trai ông Đặng Văn Thành trở thành Phó Chủ tịch Hội đồng quản trị của tập đoàn."
    assert posts_of(text, "Đặng Văn Thành") == []


# ---------------------------------------------------------------------------
# Bodies whose names run on past a lone lower-case word or hold a title
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Bà Lê Thị Hạnh, Phó Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam, tiếp khách.",
            "Lê Thị Hạnh",
            ["phó chủ tịch nước cộng hòa xã hội chủ nghĩa việt nam"],
        ),
        (
            "Ông Đinh Văn Hưng, Thứ trưởng Bộ Nội vụ Việt Nam Dân chủ Cộng hòa, ký.",
            "Đinh Văn Hưng",
            ["thứ trưởng bộ nội vụ việt nam dân chủ cộng hòa"],
        ),
        (
            "Bà Vũ Thị Lan, nguyên Chủ tịch Hội Chữ thập đỏ tỉnh Nam Định, dự.",
            "Vũ Thị Lan",
            ["nguyên chủ tịch hội chữ thập đỏ tỉnh nam định"],
        ),
        ("Ông Cao Văn Tài, Trưởng Ban Thư ký, báo cáo.", "Cao Văn Tài", ["trưởng ban thư ký"]),
        (
            "Ông Hà Văn Lực, Tổng Giám đốc Tổng công ty Đường sắt Việt Nam, dự.",
            "Hà Văn Lực",
            ["tổng giám đốc tổng công ty đường sắt việt nam"],
        ),
        (
            "Ông Phan Văn Khải, Vụ trưởng Vụ Phổ biến giáo dục pháp luật, trình bày.",
            "Phan Văn Khải",
            ["vụ trưởng vụ phổ biến giáo dục pháp luật"],
        ),
        (
            "Bà Hoàng Thị Mai, Ủy viên Ban chấp hành Trung ương Đảng, Bí thư Tỉnh ủy Lạng Sơn, dự.",
            "Hoàng Thị Mai",
            ["ủy viên ban chấp hành trung ương đảng", "bí thư tỉnh ủy lạng sơn"],
        ),
    ],
)
def test_a_body_runs_on_over_a_phrase_a_lone_word_would_end(text, name, expected):
    assert posts_of(text, name) == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Ông Trần Quang Vinh, Phó Chủ tịch Hội đồng Bộ trưởng, phát biểu.",
            "Trần Quang Vinh",
            ["phó chủ tịch hội đồng bộ trưởng"],
        ),
        (
            "Ông Ngô Văn Khang, Chủ nhiệm Văn phòng Chủ tịch nước, công bố lệnh.",
            "Ngô Văn Khang",
            ["chủ nhiệm văn phòng chủ tịch nước"],
        ),
        ("Năm 1975, ông Lý Văn Sáu làm việc ở Văn phòng Kinh tế Phủ Thủ tướng.", "Lý Văn Sáu", []),
        (
            "Bà Đặng Thị Hoa, Trưởng ban Công tác Đại biểu, phát biểu.",
            "Đặng Thị Hoa",
            ["trưởng ban công tác đại biểu"],
        ),
        # a name right after the title: the title is that person's
        ("Khách được Thủ tướng Lâm Văn Hòa tiếp tại Phủ Thủ tướng.", "Lâm Văn Hòa", ["thủ tướng"]),
    ],
)
def test_a_title_inside_a_bodys_name_is_no_post(text, name, expected):
    assert posts_of(text, name) == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Ông Lưu Văn Bình được bầu làm Chủ tịch nước - VnExpress\n", "Lưu Văn Bình", ["chủ tịch nước"]),
        (
            "Ông Lưu Văn Bình, Trưởng Ban Tổ chức - Kiểm tra, phát biểu.",
            "Lưu Văn Bình",
            ["trưởng ban tổ chức - kiểm tra"],
        ),
    ],
)
def test_a_site_name_after_a_dash_ending_the_line_is_no_body(text, name, expected):
    assert posts_of(text, name) == expected


# ---------------------------------------------------------------------------
# Words after a title that name no body; "kiêm" and commas between army titles
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Ông Võ Văn Tuấn, Phó Chính ủy 2008, về hưu.", "Võ Văn Tuấn", ["phó chính ủy"]),
        ("Ông Võ Văn Tuấn, Phó Tư lệnh Chính trị, phát biểu.", "Võ Văn Tuấn", ["phó tư lệnh"]),
        ("Năm 1925, Hà Văn Khiêm trở thành Chủ tịch của Quốc dân Đảng.", "Hà Văn Khiêm", ["chủ tịch quốc dân đảng"]),
        (
            " 1 | Lê Quang Vũ | Chủ tịch đầu tiên của Hội Nhà báo Việt Nam \n",
            "Lê Quang Vũ",
            ["chủ tịch hội nhà báo việt nam"],
        ),
        # kept: a constituency, a central committee written in lower case, a body opened by a head
        ("Bà Mạc Thị Yến - Đại biểu Quốc hội tỉnh Cao Bằng", "Mạc Thị Yến", ["đại biểu quốc hội tỉnh cao bằng"]),
        ("Ông Võ Văn Tuấn, Ủy viên trung ương Đảng, dự.", "Võ Văn Tuấn", ["ủy viên trung ương đảng"]),
        ("Ông Võ Văn Tuấn, Phó trưởng ban trị sự Giáo hội, dự.", "Võ Văn Tuấn", ["phó trưởng ban trị sự giáo hội"]),
    ],
)
def test_words_that_name_no_body_are_no_organization(text, name, expected):
    assert posts_of(text, name) == expected


def test_a_second_title_is_no_body_of_the_first():
    """ "Tư lệnh phó Tham mưu trưởng" in a row is two titles, each without a body: never "Tư lệnh
    phó" of a body "Tham mưu trưởng" (whether the row gives him them is the learned decision's call)."""
    spans = find_post_spans(" 2 | Lê Quang Vũ | Tư lệnh phó Tham mưu trưởng \n")
    assert [(p.title, p.organization) for p in spans] == [("Tư lệnh phó", None), ("Tham mưu trưởng", None)]


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Năm 1986, ông Đào Duy Khánh giữ chức Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao.",
            "Đào Duy Khánh",
            ["phó thủ tướng", "bộ trưởng bộ ngoại giao"],
        ),
        (
            "Ông Đào Duy Khánh, Tổng Bí thư kiêm Chủ tịch Hội đồng Quốc phòng, dự.",
            "Đào Duy Khánh",
            ["tổng bí thư", "chủ tịch hội đồng quốc phòng"],
        ),
        (
            "Ông Đào Duy Khánh, Phó Tư lệnh kiêm Tham mưu trưởng Quân khu 9, dự.",
            "Đào Duy Khánh",
            ["phó tư lệnh quân khu 9", "tham mưu trưởng quân khu 9"],
        ),
        (
            "Ông Đào Duy Khánh, nguyên Phó Tư lệnh, Tham mưu trưởng Quân đoàn 4, phát biểu.",
            "Đào Duy Khánh",
            ["nguyên phó tư lệnh quân đoàn 4", "tham mưu trưởng quân đoàn 4"],
        ),
        # a comma between titles of different kinds shares nothing
        (
            "Ông Đào Duy Khánh, Thứ trưởng, Phó Bí thư Tỉnh ủy Hà Giang, dự.",
            "Đào Duy Khánh",
            ["thứ trưởng", "phó bí thư tỉnh ủy hà giang"],
        ),
    ],
)
def test_kiem_and_commas_share_a_body_only_between_titles_that_take_one(text, name, expected):
    assert posts_of(text, name) == expected


# ---------------------------------------------------------------------------
# A bare party committee or unit head made concrete
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Ông Phùng Văn Lâm, nguyên Phó Bí thư Đảng ủy, nguyên Tư lệnh Quân đoàn 3, dự lễ.",
            "Phùng Văn Lâm",
            ["nguyên phó bí thư đảng ủy quân đoàn 3", "nguyên tư lệnh quân đoàn 3"],
        ),
        (
            "Ông Phùng Văn Lâm, Chính ủy Binh đoàn 12, Bí thư Đảng ủy, phát biểu.",
            "Phùng Văn Lâm",
            ["chính ủy binh đoàn 12", "bí thư đảng ủy binh đoàn 12"],
        ),
        (
            "Bà Tạ Thị Yên - Bí thư Trung ương Đảng, Bí thư Đảng ủy, Viện trưởng Viện kiểm sát nhân dân tối cao.",
            "Tạ Thị Yên",
            [
                "bí thư trung ương đảng",
                "bí thư đảng ủy viện kiểm sát nhân dân tối cao",
                "viện trưởng viện kiểm sát nhân dân tối cao",
            ],
        ),
        # nothing beside it: stays bare
        ("Ông Phùng Văn Lâm là Bí thư Đảng ủy.", "Phùng Văn Lâm", ["bí thư đảng ủy"]),
    ],
)
def test_a_bare_party_committee_takes_the_unit_of_the_post_beside_it(text, name, expected):
    assert posts_of(text, name) == expected


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "# Bệnh viện Quân y 175 (Việt Nam)\n\nLãnh đạo:\n- Thiếu tướng Lê Quang Toàn - Phó Giám đốc Bệnh viện\n",
            "Lê Quang Toàn",
            ["phó giám đốc bệnh viện quân y 175"],
        ),
        (
            "# Bộ Tư lệnh Quân khu 4\n\n- 2010-2015: Trung tướng Lê Quang Toàn, Tư lệnh Quân khu\n",
            "Lê Quang Toàn",
            ["tư lệnh quân khu 4"],
        ),
        # a page about a person: the bare head stays as written
        (
            "# Lê Quang Toàn\n\nLê Quang Toàn, Phó Giám đốc Bệnh viện, là bác sĩ.\n",
            "Lê Quang Toàn",
            ["phó giám đốc bệnh viện"],
        ),
    ],
)
def test_a_bare_unit_head_on_a_page_about_that_unit_is_the_unit(text, name, expected):
    assert posts_of(text, name, "md") == expected


# ---------------------------------------------------------------------------
# Named things that are not people: units and books ending inside a word, canals, streets
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn Kinh tế - Quốc phòng 79 đóng quân ở Đắk Nông.",
        "Sách Lê Thị Gia phả chép lại đời các chi.",
        "Đơn vị trực thuộc là Đoàn Không quân Sao Đỏ.",
        "Nước từ kênh Trần Văn Thanh chảy về đồng.",
        "Hàng hóa đi theo rạch Lê Văn Tám ra sông.",
        "- Miếu Quan Thánh, đ. Trần Văn Ơn, TT. Long Điền",
        "Văn phòng ở 18 Phạm Ngọc Thạch, Phường 6. Cơ sở 2 cũng nằm trên Phạm Ngọc Thạch.",
        "Hợp đồng được thanh toán bằng Đồng Việt Nam.",
        "Đoàn Việt Nam ở hội nghị yêu cầu hoãn phiên họp.",
        "Ngày 15/5 là ngày thành lập Đội Thiếu niên Tiền phong Hồ Chí Minh.",
        "Ông theo học tại Học viện Chính trị - Hành chính Quốc gia Hồ Chí Minh.",
        "Phân luồng giao thông trên các tuyến: Tăng Bạt Hổ, Phạm Đình Hổ, Nguyễn Công Trứ.",
        "Tại các vùng phía bắc Vòng Bắc Cực, mặt trời mùa hè không lặn.",
        "Thi công cầu vượt trên đoạn Phạm Văn Đồng - Gò Dưa thuộc Vành đai 2.",
    ],
)
def test_named_things_are_nobody(text):
    assert names(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name that ends before a lower-case word it makes no compound with
        ("Ông Đoàn Kinh là bí thư chi bộ.", ["Đoàn Kinh"]),
        ("Ông Đ. Lê Văn Ơn phát biểu.", ["Lê Văn Ơn"]),  # a capital "Đ." is an initial, not "đường"
        # a street in an address, and the person the street is named after, shown with his years
        (
            "Trường ở 12 Phạm Ngọc Thạch, Phường 6.\n 3 | Bác sĩ Phạm Ngọc Thạch\n(1909-1968) | Bộ trưởng Bộ Y tế",
            ["Phạm Ngọc Thạch"],
        ),
    ],
)
def test_people_named_like_places_or_units_stay(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Lưu trữ" (archived) after a name in a reference list is no part of the name
        ("Bài viết về Trần Trọng Kim Lưu trữ ngày 2 tháng 3 năm 2020.", ["Trần Trọng Kim"]),
        ("Ông Lưu Văn Trữ và ông Nguyễn Văn Lưu dự họp.", ["Lưu Văn Trữ", "Nguyễn Văn Lưu"]),
        # the State of Vietnam's prime minister keeps his post
        ("Thủ tướng Chính phủ Quốc gia Việt Nam Nguyễn Văn Tâm được bổ nhiệm.", ["Nguyễn Văn Tâm"]),
    ],
)
def test_archive_notes_and_state_names(text, expected):
    assert names(text) == expected


# ---------------------------------------------------------------------------
# Infoboxes flattened to text: a header line is not part of the row above it
# ---------------------------------------------------------------------------

INFOBOX = """# Lâm Văn Khải

| Lâm Văn Khải | |
|---|---|
| Chức vụ | |
Phó Trưởng Ban Kinh tế Trung ương | |
| Nhiệm kỳ | 2010 – 2015 |
| Trưởng ban | Vương Đình Hà Nguyễn Văn Bình |
Bí thư Tỉnh ủy Kon Tum | |
| Nhiệm kỳ | 2005 – 2010 |
| Tiền nhiệm | Đỗ Quang Trung |
| Kế nhiệm | Hà Văn Tôn |
"""


@pytest.mark.parametrize("name", ["Vương Đình Hà", "Nguyễn Văn Bình", "Hà Văn Tôn"])
def test_an_infobox_header_is_not_the_post_of_the_names_in_the_row_above(name):
    """ "Bí thư Tỉnh ủy Kon Tum" heads the next block of the infobox: not a post of the names in
    the row above it. (A row's own label, "Trưởng ban | Vương Đình Hà", may be: GOLD.md counts
    infobox rows.)"""
    assert not [p for p in posts_of(INFOBOX, name, "md") if "kon tum" in p or p.startswith("bí thư")]


def test_an_infobox_header_is_the_post_of_the_page_subject():
    assert "bí thư tỉnh ủy kon tum" in posts_of(INFOBOX, "Lâm Văn Khải", "md")


# ---------------------------------------------------------------------------
# A page titled with a local unit: bare local bodies are that unit's
# ---------------------------------------------------------------------------

DISTRICT_PAGE = """# Quận 5

| Quận 5 | |
|---|---|
| Chủ tịch UBND | Lý Văn Tài |
| Bí thư Quận ủy | Hồ Thị Xuân |

Quận 5 giáp quận Tân Phú. Quận Tân Phú và quận Tân Phú có chợ lớn; quận Tân Phú rộng hơn.
"""


@pytest.mark.parametrize(
    "name, expected",
    [("Lý Văn Tài", ["chủ tịch ủy ban nhân dân quận 5"]), ("Hồ Thị Xuân", ["bí thư quận ủy quận 5"])],
)
def test_bare_local_bodies_on_a_district_page_are_the_districts(name, expected):
    assert posts_of(DISTRICT_PAGE, name, "md") == expected


def test_a_district_page_named_with_words_gives_its_name():
    text = "# Huyện Mê Linh\n\nÔng Đỗ Văn Hùng, Bí thư Huyện ủy, dự.\n"
    assert posts_of(text, "Đỗ Văn Hùng", "md") == ["bí thư huyện ủy mê linh"]


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (
            "Bà Đỗ Thị Na, nguyên Giám đốc Nhà xuất bản Kim Đồng, dự.",
            "Đỗ Thị Na",
            ["nguyên giám đốc nhà xuất bản kim đồng"],
        ),
        ("Ông Võ Văn Mẫn, Giám đốc Cảng Hàng không Đà Nẵng, dự.", "Võ Văn Mẫn", ["giám đốc cảng hàng không đà nẵng"]),
        ("Ông Võ Văn Mẫn, Trưởng phòng đào tạo, phát biểu.", "Võ Văn Mẫn", ["trưởng phòng đào tạo"]),
        ("Ông Võ Văn Mẫn, Tư lệnh Bộ Tư lệnh Thủ đô, dự.", "Võ Văn Mẫn", ["tư lệnh bộ tư lệnh thủ đô"]),
        ('"Ông Hà Văn Lâm được bầu làm Chủ tịch nước - Zingnews". Zingnews.', "Hà Văn Lâm", ["chủ tịch nước"]),
        ("- Tư lệnh - Chuẩn tướng Phan Văn Khương", "Phan Văn Khương", []),
    ],
)
def test_more_bodies_run_on_and_ranks_or_sites_are_no_body(text, name, expected):
    assert posts_of(text, name) == expected


def test_a_campaign_named_after_a_person_is_nobody():
    assert names("Đơn vị tham gia Chiến dịch Hồ Chí Minh năm 1975.") == []


# ---------------------------------------------------------------------------
# Names of every form: in capitals after a cue, ethnic-minority names, foreign names written
# whole, a biography's subject named by its title (issue 21)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dự lễ có đồng chí PHAN VĂN PHỤNG, Ủy viên Ban Thường vụ Tỉnh ủy.", "Phan Văn Phụng"),
        ("Dự lễ có ông Hầu A Lềnh, Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc.", "Hầu A Lềnh"),
        ("Dự lễ có ông Ksor Phước, nguyên Chủ tịch Hội đồng Dân tộc.", "Ksor Phước"),
        ("Dự lễ có ông Y Ngông Niê Kđăm, nguyên Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk.", "Y Ngông Niê Kđăm"),
        ("Đón Chủ tịch Fidel Castro tại sân bay.", "Fidel Castro"),
        (
            "# Kaysone Phomvihane\n\nKaysone Phomvihane (13 tháng 12 năm 1920 – 1992) là Tổng Bí thư.\n",
            "Kaysone Phomvihane",
        ),
        ("# Souphanouvong\n\nSouphanouvong[1] (13 tháng 7 năm 1909 – 1995) là Chủ tịch nước Lào.\n", "Souphanouvong"),
    ],
)
def test_names_of_every_form_are_people(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Giấy mời gửi ông Nguyễn Văn A và bà Trần Thị B.",  # placeholders
        "# Lầu Năm Góc\n\nLầu Năm Góc (The Pentagon) là trụ sở Bộ Quốc phòng Hoa Kỳ.\n",
        "Cao Bắc Lạng là vùng biên giới.",
        "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH",
    ],
)
def test_placeholders_places_and_headings_are_not_people(text):
    assert names(text) == []


def test_a_foreign_biographys_subject_named_in_full_in_its_lead():
    # the title gives the name in use; the lead writes the full name around it, then the lead's dates
    text = (
        "# Marco Bellini\n\n| Thủ tướng thứ 40 của Ý | |\n|---|---|\n\n"
        '**Giovanni "Marco" Bellini** (tiếng Ý: ; 3 tháng 5 năm 1931 – 2 tháng 1 năm 2001) là một '
        "nhà chính trị Ý.\n"
    )
    norm = normalize(text, "md").text
    assert "Marco Bellini" in [m.name for m in find_name_mentions(norm)]
