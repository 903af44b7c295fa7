"""find_people: names, posts and how posts are linked to people (table-driven)."""

from __future__ import annotations

import json

import pytest

from extractors.people import find_people, name_key
from vntext.normalize import normalize


def names(text: str) -> list[str]:
    return sorted(p.name for p in find_people(text))


def person(text: str, name: str):
    found = [p for p in find_people(text) if name_key(p.name) == name_key(name)]
    assert found, f"{name!r} not found in {names(text)}"
    return found[0]


def post_strings(text: str, name: str) -> list[str]:
    """Posts of one person as 'title + organization', the form GOLD.md scores."""
    return [f"{p.title} {p.organization or ''}".strip() for p in person(text, name).posts]


# ---------------------------------------------------------------------------
# Names found
# ---------------------------------------------------------------------------

NAMES_FOUND = [
    # cue "đồng chí", three syllables
    ("Đồng chí Trần Quốc Bảo phát biểu tại buổi làm việc.", ["Trần Quốc Bảo"]),
    # cue "ông", four syllables
    ("Theo ông Nguyễn Thị Hồng Nhung, kế hoạch đã xong.", ["Nguyễn Thị Hồng Nhung"]),
    # cue "bà"
    ("Bà Lê Thu Hà cho biết tiến độ đạt yêu cầu.", ["Lê Thu Hà"]),
    # a title right before the name
    ("Thủ tướng Phạm Văn Long chủ trì cuộc họp.", ["Phạm Văn Long"]),
    # two-syllable name after a rank
    ("Đại tướng Đỗ Khang dự lễ.", ["Đỗ Khang"]),
    # name without a cue at sentence start
    ("Hoàng Minh Tú được bầu làm Bí thư.", ["Hoàng Minh Tú"]),
    # two people in one sentence
    ("Đồng chí Vũ Đức Hạnh và đồng chí Đặng Thị Mai cùng dự.", ["Vũ Đức Hạnh", "Đặng Thị Mai"]),
    # a minority name after a cue ("Y" is a family name for Ê Đê people)
    ("Đồng chí Y Khoa Niê dự hội nghị.", ["Y Khoa Niê"]),
    # old-style tone placement in the name
    ("Đồng chí Nguyễn Hoà Thuận phát biểu.", ["Nguyễn Hoà Thuận"]),
    # names run together in a table cell
    ("Phó Bí thư (2) Lê Văn Tám Trần Thị Nga\n", ["Lê Văn Tám", "Trần Thị Nga"]),
    # a list item "năm, Tên, cấp bậc"
    ("- 1990-1995, Phùng Văn Khải, Thiếu tướng (1992)\n", ["Phùng Văn Khải"]),
    # a byline in capitals on its own line: title-cased
    ("Hội nghị kết thúc tốt đẹp.\nTRẦN MINH KHOA\n", ["Trần Minh Khoa"]),
    # the name written again later, once: merged
    ("Đồng chí Lý Văn Sáng dự. Cuối buổi, đồng chí Lý Văn Sáng kết luận.", ["Lý Văn Sáng"]),
    # a name inside a longer capitalised run, found elsewhere first
    ("Ông Tạ Quốc Hưng dự. Trưởng ban Chỉ đạo Tây Nguyên Tạ Quốc Hưng phát biểu.", ["Tạ Quốc Hưng"]),
    # a short name with a risky family name, with a year and a post after it
    ("- U Hiền (1980), Phó Bí thư Tỉnh ủy\n", ["U Hiền"]),
    # the same after a cue
    ("Đồng chí Hà Tâm phát biểu.", ["Hà Tâm"]),
    # a pen name that starts with no family name
    ("Đồng chí Trường Chinh là Tổng Bí thư.", ["Trường Chinh"]),
    # "Chủ tịch Hồ Chí Minh" is a person
    ("Học tập di chúc của Chủ tịch Hồ Chí Minh.", ["Hồ Chí Minh"]),
]


@pytest.mark.parametrize("text, expected", NAMES_FOUND)
def test_names_found(text, expected):
    assert names(text) == sorted(expected)


# ---------------------------------------------------------------------------
# Not persons
# ---------------------------------------------------------------------------

NOT_PERSONS = [
    # a heading
    "Toàn cảnh Hội nghị.",
    # a body
    "Ban Tổ chức Tỉnh ủy hướng dẫn quy trình.",
    # places whose first syllable is a family name
    "Đoàn công tác làm việc tại Thạch Thất và Hà Nội.",
    "Tỉnh ủy Đồng Tháp triển khai nghị quyết.",
    "Đoàn đi Cao Bằng, Lâm Đồng và Sơn La.",
    # a placeholder in a form
    "Họ và tên: Nguyễn Văn A, sinh năm 19..",
    # a document name
    "Thực hiện Quy định số 50-QĐ/TW của Bộ Chính trị.",
    # streets named after people
    "Trụ sở đặt tại số 12 đường Phan Đình Phùng.",
    "Địa chỉ: 65 Hồ Văn Huê, Phường 9, TP. Hồ Chí Minh.",
    # a school and an award named after a person
    "Trường THCS Ngô Quyền nhận Huân chương Hồ Chí Minh.",
    # a commune named after a person, used as a place throughout
    "Xã Hồ Thị Kỷ có diện tích lớn. Người dân xã Hồ Thị Kỷ đoàn kết.",
    # "Lưu" meaning "file a copy" in a directive's recipients list
    "Nơi nhận:\n- Các đảng ủy trực thuộc,\n- Lưu Văn phòng Đảng ủy.",
    # a ward in an address
    "Số 5 ngõ 10, Q. Bắc Từ Liêm, Hà Nội",
    # two syllables after a family name that is also a place syllable
    "Đoàn công tác đến Hà Bắc và Đồng Kỵ, rồi sang Âu Mỹ.",
]


@pytest.mark.parametrize("text", NOT_PERSONS)
def test_not_persons(text):
    assert names(text) == []


def test_heading_name_person_and_place_kept_apart():
    text = "Đồng chí Mai Xuân Hùng công tác tại Hà Giang và Thái Bình."
    assert names(text) == ["Mai Xuân Hùng"]


# ---------------------------------------------------------------------------
# Posts linked to people: every pattern of DOMAIN.md §6
# ---------------------------------------------------------------------------

POSTS = [
    # name, then several posts, abbreviation expanded
    (
        "Đồng chí Đỗ Văn Nam, Phó Bí thư Ban cán sự Đảng, Thứ trưởng Bộ TT&TT phát biểu.",
        "Đỗ Văn Nam",
        ["Phó Bí thư Ban cán sự Đảng Bộ Thông tin và Truyền thông", "Thứ trưởng Bộ Thông tin và Truyền thông"],
    ),
    # posts, then name
    (
        "Trưởng Ban Tổ chức Trung ương Lê Quang Vinh dự và phát biểu.",
        "Lê Quang Vinh",
        ["Trưởng Ban Tổ chức Trung ương"],
    ),
    # several posts, then name
    (
        "Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tuyên giáo Trung ương Hồ Văn An chủ trì.",
        "Hồ Văn An",
        ["Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng", "Trưởng Ban Tuyên giáo Trung ương"],
    ),
    # name - UVTV, post
    (
        "Đồng chí Đào Văn Lực - UVTV, Trưởng Ban Tuyên giáo Huyện ủy trình bày tờ trình.",
        "Đào Văn Lực",
        ["Ủy viên Ban Thường vụ", "Trưởng Ban Tuyên giáo Huyện ủy"],
    ),
    # dash glued to the name, HĐND / UBND expanded
    (
        "Dự có đồng chí Ngô Thị Lan- Phó Bí thư Huyện ủy, Chủ tịch UBND huyện; các đồng chí khác.",
        "Ngô Thị Lan",
        ["Phó Bí thư Huyện ủy", "Chủ tịch Ủy ban nhân dân huyện"],
    ),
    # Thường trực is part of the title
    (
        "Đồng chí Phó Bí thư Thường trực Tỉnh ủy Bùi Thanh Sơn kết luận.",
        "Bùi Thanh Sơn",
        ["Phó Bí thư Thường trực Tỉnh ủy"],
    ),
    # a former post (nguyên), body with a number
    (
        "- 2010-2015, Lưu Văn Khải, Thiếu tướng (2012), nguyên Tư lệnh Quân đoàn 4\n",
        "Lưu Văn Khải",
        ["nguyên Tư lệnh Quân đoàn 4"],
    ),
    # posts in brackets after a name
    (
        "Thiếu tướng Cao Văn Bình (nguyên Phó Chính ủy Quân khu 7) dự lễ.",
        "Cao Văn Bình",
        ["nguyên Phó Chính ủy Quân khu 7"],
    ),
    # a year after the name, then posts
    (
        "- Hà Minh Đức (1972), Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh\n",
        "Hà Minh Đức",
        ["Phó Bí thư Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"],
    ),
    # a lower-case post after a name is still his
    (
        "Ông Phan Quốc Bình - Ủy viên Trung ương Đảng, phó chủ nhiệm UBKT TƯ dẫn đầu đoàn.",
        "Phan Quốc Bình",
        ["Ủy viên Trung ương Đảng", "Phó Chủ nhiệm Ủy ban Kiểm tra Trung ương"],
    ),
    # two posts joined by "kiêm" share the body
    (
        "- Tô Văn Hòa, nguyên Phó Tư lệnh kiêm Tham mưu trưởng Quân đoàn 2\n",
        "Tô Văn Hòa",
        ["nguyên Phó Tư lệnh Quân đoàn 2", "Tham mưu trưởng Quân đoàn 2"],
    ),
    # "nay là" between posts
    (
        "- Vũ Đình Quang, nguyên Tư lệnh Quân đoàn 3, nay là Cục trưởng Cục Quân lực\n",
        "Vũ Đình Quang",
        ["nguyên Tư lệnh Quân đoàn 3", "Cục trưởng Cục Quân lực"],
    ),
    # a military unit whose name opens with a title word
    ("- Đặng Văn Mạnh, Chính ủy Bộ Tư lệnh Thủ đô\n", "Đặng Văn Mạnh", ["Chính ủy Bộ Tư lệnh Thủ đô"]),
    # a lower-case body after "Trưởng Ban"
    (
        "- Triệu Văn Hùng (1969), Trưởng Ban quản lý Khu kinh tế Vân Phong\n",
        "Triệu Văn Hùng",
        ["Trưởng Ban quản lý Khu kinh tế Vân Phong"],
    ),
    # Chánh Văn phòng before the name
    (
        "Chánh Văn phòng Đảng ủy Bộ Tư pháp Trịnh Văn Hưng hướng dẫn thủ tục.",
        "Trịnh Văn Hưng",
        ["Chánh Văn phòng Đảng ủy Bộ Tư pháp"],
    ),
]


@pytest.mark.parametrize("text, name, expected", POSTS)
def test_posts_linked(text, name, expected):
    assert post_strings(text, name) == expected


SHARED_LIST = (
    "Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lâm Văn Hải, Trưởng Ban Tổ chức Tỉnh ủy; "
    "Kiều Thị Thu, Trưởng Ban Dân vận Tỉnh ủy; Nông Văn Tư, Chủ tịch Ủy ban MTTQ tỉnh và đại diện các sở dự."
)


@pytest.mark.parametrize(
    "name, own_post",
    [
        ("Lâm Văn Hải", "Trưởng Ban Tổ chức Tỉnh ủy"),
        ("Kiều Thị Thu", "Trưởng Ban Dân vận Tỉnh ủy"),
        ("Nông Văn Tư", "Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh"),
    ],
)
def test_shared_post_over_a_list(name, own_post):
    posts = post_strings(SHARED_LIST, name)
    assert own_post in posts
    assert "Ủy viên Ban Thường vụ Tỉnh ủy" in posts


def test_shared_post_over_a_comma_list():
    text = "Dự có các Ủy viên Trung ương Đảng: Trần Văn Hiếu, Lê Thị Thủy và Phạm Gia Túc."
    for name in ("Trần Văn Hiếu", "Lê Thị Thủy", "Phạm Gia Túc"):
        assert post_strings(text, name) == ["Ủy viên Trung ương Đảng"]


def test_post_before_next_name_is_not_the_previous_persons():
    text = (
        "Đồng chí Mai Văn Tâm và Phó Trưởng Ban Tổ chức Trung ương, Phó Bí thư Đảng ủy cơ quan Vương Thị Yến chủ trì."
    )
    assert post_strings(text, "Mai Văn Tâm") == []
    # the agency's party committee is that of the body of the post written beside it
    assert post_strings(text, "Vương Thị Yến") == [
        "Phó Trưởng Ban Tổ chức Trung ương",
        "Phó Bí thư Đảng ủy cơ quan Ban Tổ chức Trung ương",
    ]


def test_signature_block():
    text = "Nơi nhận:\n- Như trên,\n\nK/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\nĐinh Văn Quý\n"
    assert post_strings(text, "Đinh Văn Quý") == ["Phó Trưởng Ban"]


def test_signature_block_on_behalf_of_a_body():
    text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHồ Văn Lợi\n"
    assert post_strings(text, "Hồ Văn Lợi") == ["Phó Chủ tịch Ủy ban nhân dân"]


def test_mentions_merged_and_posts_from_each_mention():
    text = (
        "Đồng chí Lê Văn Tuấn, Bí thư Huyện ủy chủ trì. Sau đó, Chủ tịch HĐND huyện Lê Văn Tuấn "
        "phát biểu. Đồng chí Lê Văn Tuấn, Bí thư Huyện ủy kết luận."
    )
    found = person(text, "Lê Văn Tuấn")
    assert len(found.mentions) == 3
    assert post_strings(text, "Lê Văn Tuấn") == ["Bí thư Huyện ủy", "Chủ tịch Hội đồng nhân dân huyện"]


def test_post_organization_made_concrete_from_the_headline():
    text = (
        "Thạch Sơn: Hội nghị cán bộ chủ chốt\n\n"
        "Dự có đồng chí Trần Văn Đông - Bí thư Huyện ủy. Ban Thường vụ Huyện ủy chỉ đạo."
    )
    assert post_strings(text, "Trần Văn Đông") == ["Bí thư Huyện ủy Thạch Sơn"]


def test_post_organization_made_concrete_from_the_place_named_in_text():
    text = "Tỉnh ủy Bến Tre tổ chức hội nghị. Đồng chí Võ Văn Nhân, Phó Bí thư Tỉnh ủy phát biểu."
    assert post_strings(text, "Võ Văn Nhân") == ["Phó Bí thư Tỉnh ủy Bến Tre"]


def test_bare_title_takes_the_subject_body_of_the_text():
    text = "# Cục Quân khí, Tổng cục Kỹ thuật\n\n| Cục trưởng | Lò Văn Sơn |\n"
    assert post_strings(normalize(text, "md").text, "Lò Văn Sơn") == ["Cục trưởng Cục Quân khí"]


def test_post_spans_point_at_the_text_as_written():
    text = "Đồng chí Lã Văn Kiên, Thứ trưởng Bộ TT&TT phát biểu."
    post = person(text, "Lã Văn Kiên").posts[0]
    assert text[post.start : post.end] == "Thứ trưởng Bộ TT&TT"
    assert post.title == "Thứ trưởng"
    assert post.organization == "Bộ Thông tin và Truyền thông"


def test_mention_offsets_and_byline_name():
    text = "Nội dung bài viết.\nNGÔ THANH TÙNG"
    found = person(text, "Ngô Thanh Tùng")
    start, end = found.mentions[0]
    assert text[start:end] == "NGÔ THANH TÙNG"
    assert found.name == "Ngô Thanh Tùng"


def test_no_people_no_output():
    assert find_people("Hội nghị quán triệt Nghị quyết Trung ương 4 khóa XIII.") == []


# ---------------------------------------------------------------------------
# Dev gold (../shared): the figures the issue asks for
# ---------------------------------------------------------------------------


@pytest.mark.shared
def test_dev_gold_people_and_posts(shared_dir):
    from pipeline.evaluate.scores import name_key as gold_name_key
    from pipeline.evaluate.scores import person_post_texts, post_matches

    tp = fp = fn = posts_found = posts_total = 0
    for gold_path in sorted((shared_dir / "corpus" / "dev").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold_path.with_name(gold["file"])
        raw = source.read_text(encoding="utf-8")
        text = normalize(raw, "md" if source.suffix == ".md" else "txt").text
        found = {gold_name_key(p.name): p for p in find_people(text)}
        expected = {gold_name_key(n): posts for n, posts in gold["people"].items()}
        optional = {gold_name_key(n) for n in gold.get("people_optional", [])}
        tp += len(set(found) & set(expected))
        fp += len(set(found) - set(expected) - optional)
        fn += len(set(expected) - set(found))
        for key, gold_posts in expected.items():
            candidates = []
            if key in found:
                candidates = person_post_texts(
                    {
                        "posts": [
                            {"title": p.title, "organization": p.organization, "text": text[p.start : p.end]}
                            for p in found[key].posts
                        ]
                    }
                )
            for phrases in gold_posts:
                posts_total += 1
                posts_found += post_matches(phrases, candidates)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert f1 >= 0.92, (precision, recall)
    # dev's gold now counts career posts and infobox rows (GOLD.md): measured 0.575 with the rules on
    # 2026-12-07; the learned attachment, the default since issue 21, reaches 0.888 (vanban eval),
    # 0.951 a round later
    assert posts_found / posts_total >= 0.92
