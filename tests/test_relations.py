"""Typed relations: tables of real-shaped snippets with hand-built citations."""

from __future__ import annotations

import json

import pytest

from extractors.models import Citation, SelfIdentity
from extractors.patterns import relations as patterns
from extractors.relations import find_relations, sentence_spans


def cite(text: str, mention: str, code: str | None, nth: int = 0) -> Citation:
    """A citation over the ``nth`` occurrence of ``mention``; the code span is where ``code`` stands in it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    end = start + len(mention)
    code_start = text.find(code.split("/")[0], start, end) if code else -1
    code_end = code_start + len(code) if code_start >= 0 and text.startswith(code, code_start) else None
    return Citation(start, end, code, "full", code_start=code_start if code_end else None, code_end=code_end)


def triples(relations) -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in relations}


# (text, [(mention, code)], expected triples) — news, no identity
NEWS_CASES = [
    pytest.param(
        "Căn cứ Hướng dẫn 16-HD/BTCTW, ngày 15/02/2022 của Ban Tổ chức Trung ương; Hướng dẫn số 02-HD/ĐUK, "
        "ngày 17/3/2022 của Đảng ủy Khối các cơ quan Trung ương, ngày 14/4/2022, Đảng ủy Bộ Thông tin và "
        "Truyền thông ban hành Hướng dẫn số 02-HD/ĐU triển khai thực hiện quy hoạch cấp ủy.",
        [
            ("Hướng dẫn 16-HD/BTCTW", "16-HD/BTCTW"),
            ("Hướng dẫn số 02-HD/ĐUK", "02-HD/ĐUK"),
            ("Hướng dẫn số 02-HD/ĐU", "02-HD/ĐU", 1),
        ],
        {("02-HD/ĐU", "based_on", "16-HD/BTCTW"), ("02-HD/ĐU", "based_on", "02-HD/ĐUK")},
        id="can_cu_then_issued",
    ),
    pytest.param(
        "Thực hiện Kết luận số 12-KL/TW của Bộ Chính trị, Tỉnh ủy đã ban hành Kế hoạch số 45-KH/TU để triển khai.",
        [("Kết luận số 12-KL/TW", "12-KL/TW"), ("Kế hoạch số 45-KH/TU", "45-KH/TU")],
        {("45-KH/TU", "implements", "12-KL/TW")},
        id="thuc_hien_then_issued",
    ),
    pytest.param(
        "Cần tham mưu cấp ủy thực hiện tốt Hướng dẫn số 06-HD/BTCTW ngày 24-2-2017 của Ban Tổ chức Trung ương "
        "về sửa đổi, bổ sung một số nội dung về công tác quy hoạch cán bộ nêu tại Hướng dẫn số 15-HD/BTCTW.",
        [("Hướng dẫn số 06-HD/BTCTW", "06-HD/BTCTW"), ("Hướng dẫn số 15-HD/BTCTW", "15-HD/BTCTW")],
        {("06-HD/BTCTW", "amends", "15-HD/BTCTW")},
        id="active_amends_with_issuer_and_ve",
    ),
    pytest.param(
        "Chính phủ ban hành Nghị định số 67/2025/NĐ-CP ngày 15/3/2025 sửa đổi, bổ sung một số điều của "
        "Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ.",
        [("Nghị định số 67/2025/NĐ-CP", "67/2025/NĐ-CP"), ("Nghị định số 178/2024/NĐ-CP", "178/2024/NĐ-CP")],
        {("67/2025/NĐ-CP", "amends", "178/2024/NĐ-CP")},
        id="active_amends_after_date",
    ),
    pytest.param(
        "Căn cứ khoản 6 Điều 26 Nghị định 88/2019/NĐ-CP (được sửa đổi bởi điểm d khoản 15 Điều 1 "
        "Nghị định 143/2021/NĐ-CP) có quy định như sau:",
        [("Nghị định 88/2019/NĐ-CP", "88/2019/NĐ-CP"), ("Nghị định 143/2021/NĐ-CP", "143/2021/NĐ-CP")],
        {("143/2021/NĐ-CP", "amends", "88/2019/NĐ-CP")},
        id="passive_amends_in_brackets",
    ),
    pytest.param(
        "Luật Đấu\nthầu số 22/2023/QH15 ngày 29/11/2024, được sửa đổi, bổ sung bởi Luật số 57/2024/QH15\n"
        "ngày 25/6/2025 và Luật số 90/2025/QH15 ngày 25/6/2025.",
        [
            ("thầu số 22/2023/QH15", "22/2023/QH15"),
            ("Luật số 57/2024/QH15", "57/2024/QH15"),
            ("Luật số 90/2025/QH15", "90/2025/QH15"),
        ],
        {("57/2024/QH15", "amends", "22/2023/QH15"), ("90/2025/QH15", "amends", "22/2023/QH15")},
        id="passive_with_list_of_agents_across_wrapped_lines",
    ),
    pytest.param(
        "Căn cứ tại Điều 24 Nghị định 125/2020/NĐ-CP được bổ sung bởi khoản 3 Điều 1 Nghị định 102/2021/NĐ-CP "
        "quy định về xử phạt vi phạm hành chính về thuế.",
        [("Nghị định 125/2020/NĐ-CP", "125/2020/NĐ-CP"), ("Nghị định 102/2021/NĐ-CP", "102/2021/NĐ-CP")],
        {("102/2021/NĐ-CP", "amends", "125/2020/NĐ-CP")},
        id="passive_bo_sung_bai_can_cu_in_news_is_not_based_on",
    ),
    pytest.param(
        "Quy định số 294-QĐ/TW ngày 26/5/2025 thay thế Quy định số 232-QĐ/TW ngày 20/1/2025 của Ban Chấp hành Trung ương.",
        [("Quy định số 294-QĐ/TW", "294-QĐ/TW"), ("Quy định số 232-QĐ/TW", "232-QĐ/TW")],
        {("294-QĐ/TW", "replaces", "232-QĐ/TW")},
        id="active_replaces",
    ),
    pytest.param(
        "Nghị định số 50/2025/NĐ-CP bãi bỏ Nghị định số 12/2019/NĐ-CP và Nghị định số 13/2019/NĐ-CP.",
        [
            ("Nghị định số 50/2025/NĐ-CP", "50/2025/NĐ-CP"),
            ("Nghị định số 12/2019/NĐ-CP", "12/2019/NĐ-CP"),
            ("Nghị định số 13/2019/NĐ-CP", "13/2019/NĐ-CP"),
        ],
        {("50/2025/NĐ-CP", "repeals", "12/2019/NĐ-CP"), ("50/2025/NĐ-CP", "repeals", "13/2019/NĐ-CP")},
        id="active_repeals_a_list",
    ),
    pytest.param(
        "Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương thực hiện Chỉ thị số 50-CT/TW.",
        [("Hướng dẫn số 42-HD/BTCTW", "42-HD/BTCTW"), ("Chỉ thị số 50-CT/TW", "50-CT/TW")],
        {("42-HD/BTCTW", "implements", "50-CT/TW")},
        id="active_implements",
    ),
    pytest.param(
        "Theo Điều 4 Nghị định 145/2020/NĐ-CP quy định về việc báo cáo sử dụng lao động như sau:\n\n"
        "Báo cáo sử dụng lao động\n\n"
        "1. Người sử dụng lao động khai trình theo Nghị định 122/2020/NĐ-CP ngày 15 tháng 10 năm 2020.\n\n"
        "Như vậy, theo Nghị định 99/2021/NĐ-CP thì hạn nộp là ngày 5/6.",
        [
            ("Nghị định 145/2020/NĐ-CP", "145/2020/NĐ-CP"),
            ("Nghị định 122/2020/NĐ-CP", "122/2020/NĐ-CP"),
            ("Nghị định 99/2021/NĐ-CP", "99/2021/NĐ-CP"),
        ],
        {("145/2020/NĐ-CP", "cites", "122/2020/NĐ-CP")},
        id="quoted_content_ends_at_nhu_vay",
    ),
]

# Co-mention and near misses: no relation at all.
NO_RELATION_CASES = [
    pytest.param(
        "Căn cứ tại Điều 1 Thông tư 17/2025/TT-BGDĐT, Bộ Giáo dục và Đào tạo sửa đổi Chương trình "
        "ban hành kèm theo Thông tư 32/2018/TT-BGDĐT ngày 26/12/2018.",
        [("Thông tư 17/2025/TT-BGDĐT", "17/2025/TT-BGDĐT"), ("Thông tư 32/2018/TT-BGDĐT", "32/2018/TT-BGDĐT")],
        id="ban_hanh_kem_theo_attaches_it_does_not_issue",
    ),
    pytest.param(
        "Công văn 2483/BYT-KCB năm 2021 sửa đổi Nghị định 57/2022/NĐ-CP về thuốc lá.",
        [("Công văn 2483/BYT-KCB", "2483/BYT-KCB"), ("Nghị định 57/2022/NĐ-CP", "57/2022/NĐ-CP")],
        id="nothing_acts_on_a_later_document",
    ),
    pytest.param(
        "Hội nghị quán triệt Nghị quyết số 18-NQ/TW và Kết luận số 12-KL/TW của Bộ Chính trị.",
        [("Nghị quyết số 18-NQ/TW", "18-NQ/TW"), ("Kết luận số 12-KL/TW", "12-KL/TW")],
        id="co_mention",
    ),
    pytest.param(
        "Căn cứ khoản 5 Điều 3 Nghị định 98/2020/NĐ-CP và Nghị định 17/2022/NĐ-CP, mức phạt là 5 triệu đồng.",
        [("Nghị định 98/2020/NĐ-CP", "98/2020/NĐ-CP"), ("Nghị định 17/2022/NĐ-CP", "17/2022/NĐ-CP")],
        id="can_cu_in_news_without_issuing",
    ),
    pytest.param(
        "Đánh giá 3 năm thực hiện Nghị quyết số 18-NQ/TW, đề xuất sửa đổi, bổ sung Nghị định 43/2014/NĐ-CP.",
        [("Nghị quyết số 18-NQ/TW", "18-NQ/TW"), ("Nghị định 43/2014/NĐ-CP", "43/2014/NĐ-CP")],
        id="verb_whose_subject_is_no_document",
    ),
    pytest.param(
        "Nghị định 15/2020/NĐ-CP quy định xử phạt; Điều 7 Luật Quảng cáo 2012 được sửa đổi bởi "
        "Điều 72 Luật Quản lý vũ khí 2024 và Nghị định 14/2022/NĐ-CP.",
        [("Nghị định 15/2020/NĐ-CP", "15/2020/NĐ-CP"), ("Nghị định 14/2022/NĐ-CP", "14/2022/NĐ-CP")],
        id="passive_target_is_an_uncaptured_law",
    ),
]


@pytest.mark.parametrize("text, mentions, expected", NEWS_CASES)
def test_news_relations(text, mentions, expected):
    citations = [cite(text, *mention) for mention in mentions]
    assert triples(find_relations(text, citations, None, "doc-1")) == expected


@pytest.mark.parametrize("text, mentions", NO_RELATION_CASES)
def test_no_relation_without_a_signal(text, mentions):
    citations = [cite(text, m, c) for m, c in mentions]
    if "2483/BYT-KCB" in text:  # the newer document's year comes from its citation's date
        citations[0] = Citation(citations[0].start, citations[0].end, "2483/BYT-KCB", "full", date="2021-07-01")
    assert len(citations) >= 2
    assert find_relations(text, citations, None, "doc-1") == []


DIRECTIVE_45 = (
    "ĐẢNG CỘNG SẢN VIỆT NAM\nSố 45-HD/BTCTW\nHà Nội, ngày 21 tháng 11 năm 2025\n\n"
    "HƯỚNG DẪN\nMỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY\n08/10/2025 CỦA BỘ CHÍNH TRỊ VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ\n"
    "-----\n"
    "Thực hiện Quy định số\n377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị về phân cấp quản lý cán bộ; Kết luận số\n"
    "150-KL/TW của Bộ Chính trị, Ban Tổ chức Trung ương hướng dẫn một số nội dung cụ thể như sau:\n"
    "1. Cấp ủy thực hiện đầy đủ trách nhiệm theo Quy định số 290-QĐ/TW.\n"
    "2. Hướng dẫn này thay thế Hướng dẫn số 15-HD/BTCTW ngày 5/11/2012.\n"
)

DIRECTIVE_384 = (
    "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 384-QĐ/TW\n\nQUY ĐỊNH\nVỀ KẾT NỐI, CHIA SẺ DỮ LIỆU GIỮA CÁC CƠ QUAN ĐẢNG\n-----\n"
    "- Căn cứ Điều lệ Đảng;\n"
    "- Căn cứ Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của\nBộ Chính trị về đột phá phát triển khoa học;\n"
    "- Căn cứ Quyết định số 333-QĐ/TW, ngày 24/6/2025 của\nBan Bí thư về việc ban hành Kiến trúc chuyển đổi số;\n"
    "- Xét đề nghị của Ban Tổ chức Trung ương,\nBỘ CHÍNH TRỊ QUY ĐỊNH\n"
    "Điều 12. Bãi bỏ Quyết định số 101-QĐ/TW ngày 1/3/2023.\n"
)


def directive_citations(text: str, mentions) -> list[Citation]:
    return [cite(text, m, c, nth) for m, c, nth in mentions]


@pytest.mark.parametrize(
    "text, identity, mentions, expected",
    [
        pytest.param(
            DIRECTIVE_45,
            SelfIdentity(code="45-HD/BTCTW", doc_type="HD"),
            [
                ("Số 45-HD/BTCTW", "45-HD/BTCTW", 0),
                ("QUY ĐỊNH SỐ 377-QĐ/TW", "377-QĐ/TW", 0),
                ("Quy định số\n377-QĐ/TW", "377-QĐ/TW", 0),
                ("Kết luận số\n150-KL/TW", "150-KL/TW", 0),
                ("Quy định số 290-QĐ/TW", "290-QĐ/TW", 0),
                ("Hướng dẫn số 15-HD/BTCTW", "15-HD/BTCTW", 0),
            ],
            {
                ("45-HD/BTCTW", "implements", "377-QĐ/TW"),
                ("45-HD/BTCTW", "implements", "150-KL/TW"),
                ("45-HD/BTCTW", "cites", "290-QĐ/TW"),
                ("45-HD/BTCTW", "replaces", "15-HD/BTCTW"),
            },
            id="guidance_subject_line_thuc_hien_cites_replaces",
        ),
        pytest.param(
            DIRECTIVE_384,
            SelfIdentity(code="384-QĐ/TW", doc_type="QĐ"),
            [
                ("Số 384-QĐ/TW", "384-QĐ/TW", 0),
                ("Điều lệ Đảng", None, 0),
                ("Nghị quyết số 57-NQ/TW", "57-NQ/TW", 0),
                ("Quyết định số 333-QĐ/TW", "333-QĐ/TW", 0),
                ("Quyết định số 101-QĐ/TW", "101-QĐ/TW", 0),
            ],
            {
                ("384-QĐ/TW", "based_on", "57-NQ/TW"),
                ("384-QĐ/TW", "based_on", "333-QĐ/TW"),
                ("384-QĐ/TW", "repeals", "101-QĐ/TW"),
            },
            id="preamble_can_cu_and_article_repeals",
        ),
        pytest.param(
            DIRECTIVE_384.replace("Số 384-QĐ/TW", "Số ...."),
            SelfIdentity(code=None, doc_type="QĐ"),
            [("Nghị quyết số 57-NQ/TW", "57-NQ/TW", 0)],
            {("doc-9", "based_on", "57-NQ/TW")},
            id="directive_without_code_is_its_id",
        ),
    ],
)
def test_directive_relations(text, identity, mentions, expected):
    relations = find_relations(text, directive_citations(text, mentions), identity, "doc-9")
    assert triples(relations) == expected


DIRECTIVE_UBND = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nSố: 141/KH-UBND\nBắc Ninh, ngày 20 tháng 8 năm 2025\n\nKẾ HOẠCH\n"
    "Triển khai công tác chuyển đổi số\n\n"
    "Thực hiện Kế hoạch số 14-KH/TU ngày 29/7/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND "
    "ngày 14/8/2025 của UBND tỉnh thực hiện Nghị quyết số 66-NQ/TW của Bộ Chính trị, UBND tỉnh ban hành "
    "Kế hoạch như sau:\n"
    "- Thực hiện vai trò cơ quan thường trực theo Quy chế phối hợp 49/QCPH-UBND và quy định hiện hành;\n"
    "Quyết định này có hiệu lực\nthi hành kể từ ngày ký và bãi bỏ Quyết định số 77/2021/QĐ-UBND.\n"
    "Thực hiện Nghị định 13/2023/NĐ-CP, chúng tôi cập nhật Quy chế bảo vệ dữ liệu cá nhân.\n"
)


def test_directive_lead_rules_and_their_limits():
    text = DIRECTIVE_UBND
    mentions = [
        ("Kế hoạch số 14-KH/TU", "14-KH/TU"),
        ("Kế hoạch số 24/KH-UBND", "24/KH-UBND"),
        ("Nghị quyết số 66-NQ/TW", "66-NQ/TW"),
        ("Quy chế phối hợp 49/QCPH-UBND", "49/QCPH-UBND"),
        ("Quyết định số 77/2021/QĐ-UBND", "77/2021/QĐ-UBND"),
        ("Nghị định 13/2023/NĐ-CP", "13/2023/NĐ-CP"),
    ]
    relations = find_relations(
        text, [cite(text, m, c) for m, c in mentions], SelfIdentity(code="141/KH-UBND", issued="2025-08-20"), "d"
    )
    assert triples(relations) == {
        ("141/KH-UBND", "implements", "14-KH/TU"),
        ("141/KH-UBND", "implements", "24/KH-UBND"),
        ("24/KH-UBND", "implements", "66-NQ/TW"),  # the nested verb's object is 24's, not the plan's
        ("141/KH-UBND", "repeals", "77/2021/QĐ-UBND"),  # "thi hành" on a wrapped line opens nothing
        ("141/KH-UBND", "cites", "49/QCPH-UBND"),  # "theo Quy chế ...", not implements: the lead's object is a role
    }  # no 13/2023 (a website speaking: "chúng tôi"); the preamble's "như sau:" quotes nothing


def test_quoted_guidance_replacing_an_older_one():
    text = (
        "Căn cứ theo Mục VII Hướng dẫn 45-HD/BTCTW năm 2025 quy định như sau:\n\n"
        "VII. Tổ chức thực hiện\n\nHướng dẫn này có hiệu lực từ ngày ký và thay thế Hướng dẫn số "
        "16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương.\n\nNhư vậy, ..."
    )
    citations = [
        cite(text, "Hướng dẫn 45-HD/BTCTW", "45-HD/BTCTW"),
        cite(text, "Hướng dẫn số 16-HD/BTCTW", "16-HD/BTCTW"),
    ]
    assert triples(find_relations(text, citations, None, "d")) == {("45-HD/BTCTW", "replaces", "16-HD/BTCTW")}


def test_evidence_is_the_sentence_and_carries_rule_and_confidence():
    text = "Mở đầu. Nghị định 35/2022/NĐ-CP sửa đổi Nghị định 145/2020/NĐ-CP về lao động. Kết thúc."
    citations = [
        cite(text, "Nghị định 35/2022/NĐ-CP", "35/2022/NĐ-CP"),
        cite(text, "Nghị định 145/2020/NĐ-CP", "145/2020/NĐ-CP"),
    ]
    [relation] = find_relations(text, citations, None, "d")
    assert (
        text[relation.start : relation.end] == "Nghị định 35/2022/NĐ-CP sửa đổi Nghị định 145/2020/NĐ-CP về lao động."
    )
    assert relation.rule == "active_verb"
    assert 0 < relation.confidence <= 1


def test_duplicate_relations_merge_and_typed_beats_cites():
    text = (
        "- Căn cứ Quy định số 50-QĐ/TW;\n- Căn cứ Quy định số 50-QĐ/TW về quy hoạch;\n"
        "1. Thực hiện theo Quy định số 50-QĐ/TW.\n"
    )
    citations = [cite(text, "Quy định số 50-QĐ/TW", "50-QĐ/TW", n) for n in range(3)]
    relations = find_relations(text, citations, SelfIdentity(code="16-HD/BTCTW"), "d")
    # two based_on mentions merge into one; the "theo" reference adds no cites beside a typed relation
    assert [(r.source, r.type, r.target, r.rule) for r in relations] == [
        ("16-HD/BTCTW", "based_on", "50-QĐ/TW", "can_cu")
    ]
    assert relations[0].start == 0


@pytest.mark.parametrize(
    "text, sentences",
    [
        (
            "Thực hiện Chỉ thị số 50-CT/TW, ngày 23/7/2025 của\nBan Bí thư, Ban Tuyên giáo hướng dẫn như sau:\n1. Mục đích.",
            [
                "Thực hiện Chỉ thị số 50-CT/TW, ngày 23/7/2025 của\nBan Bí thư, Ban Tuyên giáo hướng dẫn như sau:",
                "1. Mục đích.",
            ],
        ),
        (
            "Sáng nay tại TP. Hồ Chí Minh, hội nghị khai mạc. Đồng chí phát biểu.",
            ["Sáng nay tại TP. Hồ Chí Minh, hội nghị khai mạc.", "Đồng chí phát biểu."],
        ),
        (
            "Tiêu đề bài viết\nCăn cứ Hướng dẫn 16-HD/BTCTW, Đảng ủy ban hành kế hoạch.",
            ["Tiêu đề bài viết", "Căn cứ Hướng dẫn 16-HD/BTCTW, Đảng ủy ban hành kế hoạch."],
        ),
    ],
)
def test_sentence_spans(text, sentences):
    assert [text[s.start : s.end] for s in sentence_spans(text)] == sentences


def test_signal_file_is_checked_for_expected_keys():
    raw = json.loads(
        (patterns.resources.files("extractors") / "data" / "relation_signals.json").read_text(encoding="utf-8")
    )
    assert patterns.check_signals(raw).lead["based_on"]
    del raw["passive"]["repeals"]
    with pytest.raises(patterns.SignalFileError, match="repeals"):
        patterns.check_signals(raw)


def test_long_text_without_signals_is_fast_enough_to_finish():
    # Not a timing test: a pathological input must simply finish (no catastrophic backtracking).
    text = ("của " * 5000 + "Nghị định 1/2020/NĐ-CP " + "ngày " * 3000) * 3
    citations = [Citation(m, m + 20, "1/2020/NĐ-CP", "full") for m in range(0, len(text), 25000)]
    assert isinstance(find_relations(text, citations, None, "d"), list)
