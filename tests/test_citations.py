"""Citations: finding codes in running text, the parts of a mention, resolving number-only
references and short back-references, named documents, and dropping a directive's own code."""

import pytest

from extractors.citations import extract_citations, find_citations, named_label
from extractors.models import DateMention, SelfIdentity
from extractors.resolve import resolve_citations


def dates_in(text, *written):
    """DateMentions built by hand: each (as written, ISO value) located in ``text``."""
    found = []
    for phrase, value in written:
        start = text.index(phrase)
        found.append(DateMention(start, start + len(phrase), "date", value))
    return found


def codes_of(citations):
    return [c.code for c in citations if c.code]


# --------------------------------------------------------------------------- codes in text

FOUND = [
    ("Đồng chí đã quán triệt Quy định số 50-QĐ/TW, Hướng dẫn 16-HD/BTCTW về quy hoạch.", ["50-QĐ/TW", "16-HD/BTCTW"]),
    ("theo Hướng dẫn số 16 - HD/BTCTW của Ban Tổ chức Trung ương", ["16-HD/BTCTW"]),
    ("thực hiện Chỉ thị 35- CT/TW của Bộ Chính trị", ["35-CT/TW"]),
    ("căn cứ Hướng dẫn số 47/HD /BTCTW ngày 3/1/2025", ["47-HD/BTCTW"]),
    ("Thực hiện Quy định số31-QĐ/TW về công tác cán bộ", ["31-QĐ/TW"]),
    ("Số: 12-KL/TƯ", ["12-KL/TW"]),
    ("Thực hiện Quy định số\n377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị", ["377-QĐ/TW"]),
    ("Số: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA-BQP-BLĐTBXH", ["01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH"]),
    ("Bãi bỏ Thông tư liên tịch số 72/2011/TTLT-BTC-BGTVT ngày 27 tháng 5 năm 2011", ["72/2011/TTLT-BTC-BGTVT"]),
    ("Căn cứ Nghị định 120/2020/NĐ-СР quy định", ["120/2020/NĐ-CP"]),
    ("Ban Chấp hành Trung ương có Kết luận 221/KL/TW về thống nhất", ["221-KL/TW"]),
    ("Hội đồng Chính phủ ban hành Quyết định số 275-CP về việc", ["275-CP"]),
    ("Chủ tịch Hồ Chí Minh ký Sắc lệnh số 060/SL về việc", ["060/SL"]),
    ("- Chỉ thị số 24/TTg ngày 29/7/2024 của Thủ tướng Chính phủ", ["24/CT-TTg"]),
    ("Nghị quyết 245-NQ/TW[6] về việc hợp nhất", ["245-NQ/TW"]),
    ("QUY ĐỊNH SỐ 377-QĐ/TW NGÀY 08/10/2025 CỦA BỘ CHÍNH TRỊ", ["377-QĐ/TW"]),
    ("Luật Đấu thầu số 22/2023/QH15 ngày 29/11/2024", ["22/2023/QH15"]),
    ("tại Kế hoạch 130/KH-BCĐTKNQ18 năm 2025", ["130/KH-BCĐTKNQ18"]),
    # negatives: dates, phone numbers, ratios, URLs, file names, forms, addresses
    ("Ngày 15/02/2022, hội nghị khai mạc; ngày 22-3-2017 bế mạc.", []),
    ("Hỗ trợ: (028) 3930.3279 _ 0906.229966, Tòa soạn: 0989011688 - 0768908888", []),
    ("đã hoàn thành 5/18 đề án, nhiệm vụ thuộc Chương trình công tác năm 2024", []),
    ("Xem https://baochinhphu.vn/nghi-quyet-18-va-luat-dat-dai-2024-1192507100927019.htm", []),
    ("Tải về tệp 16-HD/BTCTW.pdf và 50-QĐ/TW.docx", []),
    ("xem tại www.thuvienphapluat.vn/van-ban/50-QĐ/TW", []),
    ("| Phiếu thu | Mẫu số 01-TT | và Mẫu số 02/PLI Phụ lục I", []),
    ("Địa chỉ: Số 96 - Đường Nguyễn Ngọc Nại, Hà Nội", []),
    ("- 2014-nay, Cục trưởng Cục Tổ chức; 11.2019- nay, Phó Cục trưởng", []),
    ("Ban chỉ đạo Tây Nam Bộ lại có quyết định 824/QĐ/BCĐTNB bổ nhiệm", []),
    ("người nộp thuế theo mẫu số 01/TB-BSTT-NNT tại Phụ lục II", []),
    # glued text after a code
    ("Phụ lục I ban hành kèm theo Thông tư 31/2025/TT-BCAngày 21/4/2025", ["31/2025/TT-BCA"]),
]


BARE_NUMBERS = [
    ("so với Quy định 232 ngày 20/1/2025, Quy định mới bổ sung", ["232"]),
    ("Chỉ đạo mới về thực hiện Nghị định 178 năm 2024 về chính sách", ["178"]),
    ("Đại hội VII đề ra Kế hoạch 5 năm 1991-1995 và quyết định", []),
    ("hoàn thành Chương trình 3 nội dung trọng tâm", []),
    ("Kế hoạch 2025 của đơn vị", []),
]


@pytest.mark.parametrize(("text", "numbers"), BARE_NUMBERS)
def test_bare_numbers_after_a_type_word(text, numbers):
    assert [c.number for c in find_citations(text) if c.form == "number_only"] == numbers


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_codes_found_in_text(text, expected):
    assert codes_of(find_citations(text)) == expected


def test_code_offsets_point_at_the_code_as_written():
    text = "Căn cứ Hướng dẫn số 16 - HD/BTCTW, ngày 15/02/2022 của Ban Tổ chức Trung ương"
    (citation,) = find_citations(text, dates_in(text, ("ngày 15/02/2022", "2022-02-15")))
    assert text[citation.code_start : citation.code_end] == "16 - HD/BTCTW"
    assert text[citation.start : citation.end] == (
        "Hướng dẫn số 16 - HD/BTCTW, ngày 15/02/2022 của Ban Tổ chức Trung ương"
    )


# --------------------------------------------------------------------------- parts of a mention

PARTS = [
    (
        "Hướng dẫn số 02-HD/ĐUK, ngày 17/3/2022 của Đảng ủy Khối các cơ quan Trung ương Hướng dẫn triển khai thực hiện quy hoạch cấp ủy;",
        [("ngày 17/3/2022", "2022-03-17")],
        dict(
            code="02-HD/ĐUK",
            doc_type="HD",
            doc_type_name="Hướng dẫn",
            number="02",
            issuer_code="ĐUK",
            issuer="Đảng ủy Khối các cơ quan Trung ương",
            date="2022-03-17",
            subject="triển khai thực hiện quy hoạch cấp ủy",
        ),
    ),
    (
        "tập trung quán triệt Kết luận số 12-KL/TW ngày 22-3-2017 của Bộ Chính trị về công tác cán bộ.",
        [("22-3-2017", "2017-03-22")],
        dict(
            code="12-KL/TW",
            doc_type_name="Kết luận",
            issuer="Bộ Chính trị",
            date="2017-03-22",
            subject="công tác cán bộ",
        ),
    ),
    (
        "ngày 14/4/2022, Đảng ủy Bộ Thông tin và Truyền thông ban hành Hướng dẫn số 02-HD/ĐU Hướng dẫn triển khai",
        [("ngày 14/4/2022", "2022-04-14")],
        dict(code="02-HD/ĐU", issuer="Đảng ủy Bộ Thông tin và Truyền thông", date="2022-04-14"),
    ),
    (
        'Nghị quyết số 18-NQ/TW về "Tiếp tục đổi mới chính sách đất đai" được Ban Chấp hành Trung ương khóa XIII ban hành ngày 16/6/2022.',
        [("16/6/2022", "2022-06-16")],
        dict(code="18-NQ/TW", subject="Tiếp tục đổi mới chính sách đất đai", date="2022-06-16"),
    ),
    (
        "Căn cứ Quyết định số 246-QĐ/TW,\nngày 24/01/2025 của Bộ Chính trị về chức năng, nhiệm vụ của Ban;",
        [("ngày 24/01/2025", "2025-01-24")],
        dict(
            code="246-QĐ/TW",
            doc_type_name="Quyết định",
            date="2025-01-24",
            issuer="Bộ Chính trị",
            subject="chức năng, nhiệm vụ của Ban",
        ),
    ),
    (
        "Thực hiện Văn bản số 43-CV/TU ngày 12/11/2025 về việc tăng cường quản lý công tác đấu thầu",
        [("ngày 12/11/2025", "2025-11-12")],
        dict(
            code="43-CV/TU",
            doc_type="CV",
            doc_type_name="Văn bản",
            issuer=None,
            date="2025-11-12",
            subject="tăng cường quản lý công tác đấu thầu",
        ),
    ),
]


PARTS.append(
    (
        "MỘT SỐ NỘI DUNG QUY ĐỊNH SỐ 377-QĐ/TW NGÀY\n08/10/2025 CỦA BỘ CHÍNH TRỊ VỀ PHÂN CẤP QUẢN LÝ CÁN BỘ",
        [("NGÀY\n08/10/2025", "2025-10-08")],
        dict(code="377-QĐ/TW", doc_type_name="Quy định", issuer="Bộ Chính trị", date="2025-10-08"),
    )
)


@pytest.mark.parametrize(("text", "written_dates", "expected"), PARTS)
def test_parts_of_a_full_mention(text, written_dates, expected):
    citations = [c for c in find_citations(text, dates_in(text, *written_dates)) if c.code]
    assert len(citations) == 1
    for field, value in expected.items():
        assert getattr(citations[0], field) == value, field


def test_a_date_that_dates_another_mention_is_not_taken_twice():
    text = (
        "Hướng dẫn số 02-HD/ĐUK, ngày 17/3/2022 của Đảng ủy Khối, ngày 14/4/2022, Đảng ủy Bộ "
        "ban hành Hướng dẫn số 02-HD/ĐU"
    )
    dates = dates_in(text, ("ngày 17/3/2022", "2022-03-17"), ("ngày 14/4/2022", "2022-04-14"))
    assert [(c.code, c.date) for c in find_citations(text, dates)] == [
        ("02-HD/ĐUK", "2022-03-17"),
        ("02-HD/ĐU", "2022-04-14"),
    ]


# --------------------------------------------------------------------------- number-only references


def resolved(text, *written_dates):
    return resolve_citations(text, find_citations(text, dates_in(text, *written_dates)))


def test_number_only_with_its_issuer_phrase():
    text = "Phối hợp triển khai Chỉ thị số 35 ngày 14/6/2024 của Bộ Chính trị và ban hành hướng dẫn."
    (citation,) = resolved(text, ("ngày 14/6/2024", "2024-06-14"))
    assert (citation.form, citation.code, citation.date, citation.issuer) == (
        "number_only",
        "35-CT/TW",
        "2024-06-14",
        "Bộ Chính trị",
    )


def test_number_only_with_the_issuer_before_the_verb():
    text = "Tham mưu Bộ Chính trị ban hành Chỉ thị số 35 ngày 14/6/2024 về đại hội đảng bộ các cấp."
    (citation,) = resolved(text, ("ngày 14/6/2024", "2024-06-14"))
    assert citation.code == "35-CT/TW"
    assert citation.subject == "đại hội đảng bộ các cấp"


def test_issuer_carried_back_over_a_list():
    text = "2 nhiệm vụ được giao tại Kế hoạch số 03 và 3 nhiệm vụ tại Kế hoạch số 12 của Bộ Chính trị bảo đảm tiến độ."
    assert codes_of(resolved(text)) == ["03-KH/TW", "12-KH/TW"]


def test_issuer_carried_forward_within_the_sentence():
    text = (
        "bổ sung Quyết định số 54 ngày 03/5/2021 của Bộ Chính trị về công tác thi đua của các ban đảng; "
        "Quyết định số 55 ngày 03/5/2021 về khen thưởng trong Đảng."
    )
    dates = [
        DateMention(at, at + len("ngày 03/5/2021"), "date", "2021-05-03")
        for at in (text.index("ngày 03/5/2021 của"), text.index("ngày 03/5/2021 về"))
    ]
    citations = resolve_citations(text, find_citations(text, dates))
    assert [(c.code, c.date) for c in citations] == [("54-QĐ/TW", "2021-05-03"), ("55-QĐ/TW", "2021-05-03")]


def test_number_only_without_an_issuer_keeps_its_parts():
    text = "Đơn vị đã hoàn thành Kế hoạch số 45 đúng hạn."
    (citation,) = resolved(text)
    assert (citation.form, citation.code, citation.doc_type, citation.number) == ("number_only", None, "KH", "45")


def test_number_only_takes_the_code_of_a_full_mention_elsewhere():
    text = "được Quốc hội thông qua tại Nghị quyết 244 ra sao? Quốc hội đã thông qua Nghị quyết 244/2025/QH15."
    assert codes_of(resolved(text)) == ["244/2025/QH15", "244/2025/QH15"]


# --------------------------------------------------------------------------- short forms


def test_short_form_after_a_full_mention():
    text = "Đảng ủy Bộ ban hành Hướng dẫn số 02-HD/ĐU. Các chi bộ thực hiện Hướng dẫn 02 nghiêm túc."
    citations = resolved(text)
    assert [(c.form, c.code) for c in citations] == [("full", "02-HD/ĐU"), ("short", "02-HD/ĐU")]
    assert citations[1].resolved_from == 0


def test_defined_short_name_and_its_later_uses():
    text = (
        "Thực hiện Quy định số 412-QĐ/TW ngày 12/3/2024 của Bộ Chính trị về đánh giá cán bộ "
        "(sau đây gọi tắt là Quy định 412); Ban hướng dẫn các nội dung nêu tại Quy định 412 như sau:"
    )
    citations = resolved(text, ("ngày 12/3/2024", "2024-03-12"))
    assert [(c.form, c.code, c.resolved_from) for c in citations] == [
        ("full", "412-QĐ/TW", None),
        ("short", "412-QĐ/TW", 0),
        ("short", "412-QĐ/TW", 0),
    ]
    assert citations[2].date == "2024-03-12"


def test_demonstrative_back_reference():
    text = "Bộ Chính trị ban hành Chỉ thị số 35-CT/TW về đại hội đảng bộ. Chỉ thị này yêu cầu các cấp ủy chuẩn bị kỹ."
    citations = resolved(text)
    assert [(c.form, c.code, c.resolved_from) for c in citations] == [
        ("full", "35-CT/TW", None),
        ("short", "35-CT/TW", 0),
    ]


def test_ambiguous_short_form_stays_unresolved():
    text = "Căn cứ Hướng dẫn số 02-HD/ĐUK và Hướng dẫn số 02-HD/ĐU, các đơn vị triển khai Hướng dẫn 02 ngay."
    citations = resolved(text)
    assert [(c.form, c.code) for c in citations][-1] == ("short", None)


def test_issuer_phrase_settles_an_ambiguous_short_form():
    text = (
        "Căn cứ Hướng dẫn số 02-HD/ĐUK của Đảng ủy Khối và Hướng dẫn số 02-HD/ĐU của Đảng ủy Bộ, "
        "Văn phòng phổ biến Hướng dẫn 02 quy hoạch cấp ủy của Đảng ủy Bộ."
    )
    assert resolved(text)[-1].code == "02-HD/ĐU"


def test_own_type_demonstrative_is_the_directive_itself():
    text = "Thực hiện Hướng dẫn số 16-HD/BTCTW. Hướng dẫn này có hiệu lực từ ngày ký."
    own = SelfIdentity(code="02-HD/ĐU", doc_type="HD", doc_type_name="Hướng dẫn")
    citations = resolve_citations(text, find_citations(text), identity=own)
    assert [c.form for c in citations] == ["full"]


# --------------------------------------------------------------------------- named documents

NAMED = [
    ("- Căn cứ Điều lệ Đảng;", "Điều lệ Đảng"),
    (
        "trung thành với Cương lĩnh chính trị của Đảng",
        "Cương lĩnh xây dựng đất nước trong thời kỳ quá độ lên chủ nghĩa xã hội",
    ),
    ("thể chế hóa Nghị quyết Đại hội XIII thành quy định", "Nghị quyết Đại hội XIII"),
    ("theo Luật Cán bộ, công chức hiện hành", "Luật Cán bộ, công chức"),
    ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", "Hiến pháp"),
    ("theo Hiến pháp năm 2013", "Hiến pháp năm 2013"),
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_named_documents(text, name):
    (citation,) = find_citations(text)
    assert (citation.form, citation.code, named_label(citation)) == ("named", None, name)


def test_a_law_with_a_number_is_a_full_citation_not_a_named_one():
    text = "các quy định tại Luật Đấu thầu số 22/2023/QH15"
    (citation,) = find_citations(text)
    assert (citation.form, citation.code, text[citation.start : citation.end]) == (
        "full",
        "22/2023/QH15",
        "Luật Đấu thầu số 22/2023/QH15",
    )


# --------------------------------------------------------------------------- the pipeline entry


def test_extract_citations_drops_the_directives_own_code():
    text = (
        "Số 45-HD/BTCTW\nHà Nội, ngày 21 tháng 11 năm 2025\nHƯỚNG DẪN\n"
        "Thực hiện Quy định số 377-QĐ/TW của Bộ Chính trị (sau đây gọi tắt là Quy định 377).\n"
        "Hướng dẫn 45-HD/BTCTW năm 2025 do Ban Tổ chức Trung ương ban hành."
    )
    own = SelfIdentity(code="45-HD/BTCTW", doc_type="HD", doc_type_name="Hướng dẫn")
    citations = extract_citations(text, (), own)
    assert [(c.form, c.code) for c in citations] == [("full", "377-QĐ/TW"), ("short", "377-QĐ/TW")]
    assert citations[1].resolved_from == 0


def test_citations_are_sorted_by_start():
    text = "Căn cứ Điều lệ Đảng; Quy định số 50-QĐ/TW; Nghị định 56/2015/NĐ-CP; Chỉ thị số 35 của Bộ Chính trị."
    citations = extract_citations(text)
    assert [c.start for c in citations] == sorted(c.start for c in citations)
    assert [c.form for c in citations] == ["named", "full", "full", "number_only"]


SUBJECTS = [
    (
        "Nghị định số 28/2013/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật.",
        "quy định chi tiết một số điều của Luật",
    ),
    ("Nghị định số 146/2025/NĐ-CP của Chính phủ quy định về phân quyền, phân cấp.", "phân quyền, phân cấp"),
    ("Hướng dẫn 16-HD/BTCTW của Ban Tổ chức Trung ương Hướng dẫn một số nội dung.", "một số nội dung"),
    (
        "Chỉ thị số 50-CT/TW của Ban Bí thư “Về tiếp tục đổi mới sinh hoạt chi bộ”; Quy định số 339-QĐ/TW",
        "tiếp tục đổi mới sinh hoạt chi bộ",
    ),
    ("Kết luận số 12-KL/TW về công tác cán bộ; Hướng dẫn số 15-HD/BTCTW về quy hoạch", "công tác cán bộ"),
]


@pytest.mark.parametrize(("text", "subject"), SUBJECTS)
def test_subject_of_the_first_mention(text, subject):
    assert find_citations(text)[0].subject == subject
