"""Typed relations by kind of sentence, through the real extractors (normalize, dates,
identity, citations, resolver, relations), on snippets of our own wording.

Each row is a kind the relation finder must handle on texts it has never seen (issue 10):
where the source is, every signal form (active, passive, nominal, source before or after
the verb), lists after one signal, real noise, and what is not a relation. Rows expect the
exact set of triples, so a row fails both on a missed and on an extra relation.
"""

from __future__ import annotations

import pytest

from extractors.citations import extract_citations
from extractors.dates import find_dates
from extractors.identity import page_subject_start, read_identity
from extractors.relations import find_relations
from vntext.normalize import normalize_text


def relations_of(text: str, fmt: str = "md") -> set[tuple[str, str, str]]:
    """The (source, type, target) triples the pipeline's extractors find in ``text``."""
    norm = normalize_text(text, fmt)
    dates = find_dates(norm)
    identity = read_identity(norm, dates)
    citations = extract_citations(norm, dates, identity)
    page = page_subject_start(norm) if identity is None else None
    return {(r.source, r.type, r.target) for r in find_relations(norm, citations, identity, "DOC", page)}


def party(code: str, body: str, kind: str = "HƯỚNG DẪN", subject: str = "về công tác cán bộ") -> str:
    """A party directive: national header, issuer, number, place and date, type, subject, body."""
    return (
        f"ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY QUẢNG BÌNH\n*\nSố {code}\n"
        f"Quảng Bình, ngày 12 tháng 5 năm 2025\n\n{kind}\n{subject}\n\n-----\n\n{body}\n\n"
        "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n"
    )


def state(code: str, body: str, kind: str = "QUYẾT ĐỊNH", subject: str = "Về việc quản lý rừng") -> str:
    """A state directive of a provincial people's committee."""
    return (
        f"ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n---------------\nSố: {code}\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\n"
        f"{kind}\n{subject}\n\n{body}\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Nam\n"
    )


# --- where the source is ----------------------------------------------------------------

SOURCE_ROWS = [
    pytest.param(
        "# Toàn văn Công văn 2150/BNV-TCBC về tinh giản biên chế năm 2025\n\n"
        "Ngày 3/4/2025, Bộ Nội vụ ban hành Công văn 2150/BNV-TCBC gửi các bộ, ngành.\n\n"
        "Theo đó, thực hiện Kết luận 121-KL/TW năm 2025 của Ban Chấp hành Trung ương, Bộ Nội vụ đề nghị "
        "các địa phương rà soát biên chế.",
        {("2150/BNV-TCBC", "implements", "121-KL/TW")},
        id="page_title_toan_van_then_theo_do_thuc_hien",
    ),
    pytest.param(
        "Tin tức pháp luật\n\n## Thông tư 02/2025/TT-BNV sửa đổi, bổ sung Thông tư 01/2023/TT-BNV về chế độ "
        "báo cáo\n\nThông tư có hiệu lực từ tháng 7.",
        {("02/2025/TT-BNV", "amends", "01/2023/TT-BNV")},
        id="markdown_heading_active_amends",
    ),
    pytest.param(
        "# Nghị định 50/2025/NĐ-CP quy định chế độ tiền lương\n\n"
        "Điều 6. Sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ\n\n"
        "1. Sửa đổi khoản 2 Điều 4 như sau.",
        {("50/2025/NĐ-CP", "amends", "20/2021/NĐ-CP")},
        id="page_title_then_own_article_amends",
    ),
    pytest.param(
        "Chuyên mục văn bản mới\n\nBạn đọc hỏi về quyết định mới.\n\n"
        "Tải về Toàn văn Quyết định 15/2025/QĐ-TTg về quỹ hỗ trợ nông dân.\n\n"
        "Quyết định này thay thế Quyết định số 30/2020/QĐ-TTg ngày 12/10/2020.",
        {("15/2025/QĐ-TTg", "replaces", "30/2020/QĐ-TTg")},
        id="toan_van_lead_below_the_title",
    ),
    pytest.param(
        "# Toàn văn Quyết định 22/2025/QĐ-UBND về giá đất\n\n"
        "Quyết định số 12/2019/QĐ-UBND ngày 10/5/2019 của UBND tỉnh hết hiệu lực kể từ ngày Quyết định này "
        "có hiệu lực thi hành.",
        {("22/2025/QĐ-UBND", "repeals", "12/2019/QĐ-UBND")},
        id="page_subject_nominal_expiry",
    ),
    pytest.param(
        "Chế độ nghỉ hưu trước tuổi thế nào?\n\n"
        'Theo Điều 5 Nghị định 178/2024/NĐ-CP quy định: "Cán bộ nghỉ hưu trước tuổi được hưởng chế độ '
        'theo Nghị định 29/2023/NĐ-CP và các văn bản hướng dẫn."',
        {("178/2024/NĐ-CP", "cites", "29/2023/NĐ-CP")},
        id="quoted_inline_after_quy_dinh_colon",
    ),
    pytest.param(
        "Đánh giá cán bộ thế nào?\n\nTại Mục 3 Hướng dẫn 12-HD/BTCTW quy định như sau:\n\n"
        "3. Việc đánh giá cán bộ thực hiện theo Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị.\n\n"
        "Như vậy, cán bộ được đánh giá hằng năm.",
        {("12-HD/BTCTW", "cites", "50-QĐ/TW")},
        id="quoted_block_after_tai_muc",
    ),
    pytest.param(
        "Ngày 5/6/2025, Ban Tổ chức Trung ương ban hành Hướng dẫn số 25-HD/BTCTW hướng dẫn thực hiện "
        "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp.",
        {("25-HD/BTCTW", "implements", "35-CT/TW")},
        id="news_of_an_issuance_with_its_verb",
    ),
    pytest.param(
        "Chính phủ vừa ban hành Nghị quyết số 09/2025/NQ-CP về chế độ đối với cán bộ dôi dư do sắp xếp "
        "bộ máy theo Kết luận số 137-KL/TW ngày 28/2/2025 của Bộ Chính trị.",
        {("09/2025/NQ-CP", "cites", "137-KL/TW")},
        id="news_issued_document_described_theo",
    ),
    pytest.param(
        "Chính phủ ban hành Nghị quyết số 09/2025/NQ-CP về chế độ đối với cán bộ dôi dư. "
        "Tại Nghị quyết này, Chính phủ quyết nghị mức hỗ trợ theo quy định tại Nghị định số 178/2024/NĐ-CP.",
        {("09/2025/NQ-CP", "cites", "178/2024/NĐ-CP")},
        id="frame_nghi_quyet_nay",
    ),
    pytest.param(
        "Ngày 02/6/2025, Bộ Nội vụ ban hành Công văn 2210/BNV-TCCB về bồi dưỡng công chức.\n\n"
        "**>>> TẢI VỀ Toàn văn Công văn 2210/BNV-TCCB**\n\n"
        "Theo đó, thực hiện Kết luận 121-KL/TW và Kết luận 137-KL/TW của Bộ Chính trị, Bộ Nội vụ "
        "mở 04 lớp bồi dưỡng.",
        {("2210/BNV-TCCB", "implements", "121-KL/TW"), ("2210/BNV-TCCB", "implements", "137-KL/TW")},
        id="theo_do_after_news_issuance_list",
    ),
    pytest.param(
        "# Mẫu bản tự đánh giá theo Hướng dẫn 43-HD/BTCTW\n\nThông tư này thay thế Thông tư 05/2019/TT-BNV.",
        set(),
        id="title_that_does_not_start_with_a_document_is_no_source",
    ),
    pytest.param(
        party(
            "45-HD/TU",
            "- Căn cứ Điều lệ Đảng;\n- Căn cứ Quy định số 22-QĐ/TW ngày 28/7/2021 của "
            "Ban Chấp hành Trung ương về công tác kiểm tra,\nBan Thường vụ Tỉnh ủy hướng dẫn như sau:",
        ),
        {("45-HD/TU", "based_on", "22-QĐ/TW")},
        id="directive_header_is_the_source",
    ),
]


SOURCE_ROWS += [
    pytest.param(
        "Chính phủ ban hành Nghị định số 40/2025/NĐ-CP ngày 1/8/2025 sửa đổi các nghị định về đất đai.\n\n"
        "Cụ thể, Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 12/2024/NĐ-CP ngày 5/2/2024 của Chính phủ.\n\n"
        "Điều 2. Sửa đổi, bổ sung một số điều của Nghị định số 14/2024/NĐ-CP ngày 9/2/2024 của Chính phủ.",
        {("40/2025/NĐ-CP", "amends", "12/2024/NĐ-CP"), ("40/2025/NĐ-CP", "amends", "14/2024/NĐ-CP")},
        id="news_lead_issuance_is_the_page_document",
    ),
    pytest.param(
        "Đánh giá đảng viên thế nào?\n\nCăn cứ theo Mục II Kế hoạch 75/KH-UBND năm 2025 có nêu nội dung kê khai "
        "tài sản của cán bộ tỉnh năm nay:\n\n+ Việc kê khai thực hiện theo mẫu ban hành kèm theo Nghị định "
        "130/2020/NĐ-CP.\n\nNhư vậy, cán bộ kê khai hằng năm.",
        {("75/KH-UBND", "cites", "130/2020/NĐ-CP")},
        id="source_line_ending_on_a_colon_opens_a_quote",
    ),
    pytest.param(
        "Căn cứ tại tiểu mục 3.4 Mục 3 Hướng dẫn 21-HD/BTCTW năm 2024 quy định như sau:\n\n"
        "3.4. Căn cứ tiêu chuẩn chức danh tại Phụ lục 2 của Quy định số 214-QĐ/TW, các cấp ủy rà soát "
        "cán bộ.\n\nNhư vậy, cấp ủy rà soát.",
        {("21-HD/BTCTW", "based_on", "214-QĐ/TW")},
        id="quoted_can_cu_clause_is_the_quoted_documents_basis",
    ),
    pytest.param(
        "Kế hoạch 465/KH-UBND quy định như sau:\n\n- Triển khai thực hiện nghiêm túc công tác kê khai tài sản "
        "theo quy định của Nghị định 130/2020/NĐ-CP.\n",
        {("465/KH-UBND", "cites", "130/2020/NĐ-CP")},
        id="quoted_trien_khai_whose_object_is_no_document_cites",
    ),
    pytest.param(
        "# Toàn văn Nghị định 226/2025/NĐ-CP sửa đổi nghị định về đất đai\n\n"
        '1. Bổ sung khoản 6 vào Điều 31 như sau:\n\n"6. Dự án thực hiện theo quy định tại khoản 3 Điều 1 Luật số '
        '43/2024/QH15 ngày 29 tháng 6 năm 2024."',
        {("226/2025/NĐ-CP", "cites", "43/2024/QH15")},
        id="unattributed_quote_on_a_page_is_its_documents_text",
    ),
    pytest.param(
        "Tại phiên họp ngày 16/5/2025, sau khi nghe Báo cáo số 386-BC/BTCTW của Ban Tổ chức Trung ương, Bộ "
        "Chính trị kết luận:\n\n1. Tiếp tục thực hiện Kết luận số 155-KL/TW của Bộ Chính trị.",
        set(),
        id="a_report_heard_at_a_meeting_is_no_quoted_source",
    ),
]


# --- every signal form -------------------------------------------------------------------

SIGNAL_ROWS = [
    pytest.param(
        party(
            "12-HD/TU",
            "Căn cứ vào Quy định số 96-QĐ/TW ngày 2/2/2023 của Bộ Chính trị, Ban Thường vụ hướng dẫn như sau:",
        ),
        {("12-HD/TU", "based_on", "96-QĐ/TW")},
        id="can_cu_vao",
    ),
    pytest.param(
        party(
            "13-HD/TU",
            "Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy hướng dẫn như sau:",
        ),
        {("13-HD/TU", "implements", "35-CT/TW")},
        id="thuc_hien_lead",
    ),
    pytest.param(
        state(
            "07/CT-UBND",
            "Để tiếp tục thực hiện nghiêm\nChỉ thị số 13-CT/TW ngày 12/1/2017 của Ban Bí thư "
            "về rừng, Ủy ban nhân dân tỉnh yêu cầu:",
            kind="CHỈ THỊ",
        ),
        {("07/CT-UBND", "implements", "13-CT/TW")},
        id="de_tiep_tuc_thuc_hien_nghiem_wrapped",
    ),
    pytest.param(
        party(
            "14-KH/TU",
            "Để triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, "
            "Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:",
            kind="KẾ HOẠCH",
        ),
        {("14-KH/TU", "implements", "57-NQ/TW")},
        id="de_trien_khai_thuc_hien",
    ),
    pytest.param(
        party(
            "15-KH/TU",
            "Để cụ thể hóa Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị, Ban Thường vụ "
            "Tỉnh ủy ban hành kế hoạch như sau:",
            kind="KẾ HOẠCH",
        ),
        {("15-KH/TU", "implements", "14-KL/TW")},
        id="de_cu_the_hoa",
    ),
    pytest.param(
        state(
            "20/2025/QĐ-UBND",
            "Thể chế hóa Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành "
            "Trung ương, Ủy ban nhân dân tỉnh quyết định:",
        ),
        {("20/2025/QĐ-UBND", "implements", "18-NQ/TW")},
        id="the_che_hoa_lead_is_implements",
    ),
    pytest.param(
        "Quốc hội thông qua Luật số 10/2025/QH15 thể chế hóa Nghị quyết số 27-NQ/TW ngày 9/11/2022 của "
        "Ban Chấp hành Trung ương.",
        {("10/2025/QH15", "implements", "27-NQ/TW")},
        id="the_che_hoa_active",
    ),
    pytest.param(
        "Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 12-KH/TU triển khai thực hiện Nghị quyết số 57-NQ/TW "
        "của Bộ Chính trị.",
        {("12-KH/TU", "implements", "57-NQ/TW")},
        id="trien_khai_thuc_hien_active",
    ),
    pytest.param(
        "Chương trình số 20-CTr/TU cụ thể hóa Nghị quyết số 29-NQ/TW của Hội nghị Trung ương 6.",
        {("20-CTr/TU", "implements", "29-NQ/TW")},
        id="cu_the_hoa_active",
    ),
    pytest.param(
        party(
            "16-QĐ/TU",
            "Điều 3. Quy định này thay thế Quy định số 105-QĐ/TU ngày 3/1/2020 của Ban Thường vụ Tỉnh ủy.",
            kind="QUY ĐỊNH",
        ),
        {("16-QĐ/TU", "replaces", "105-QĐ/TU")},
        id="self_thay_the",
    ),
    pytest.param(
        party(
            "17-HD/TU", "1. Mục đích.", subject="về công tác kiểm điểm\n(thay cho Hướng dẫn số 05-HD/TU ngày 12/3/2018)"
        ),
        {("17-HD/TU", "replaces", "05-HD/TU")},
        id="thay_cho_in_parenthesis_under_title",
    ),
    pytest.param(
        "Thông tư 05/2025/TT-BTC thay thế Thông tư 10/2020/TT-BTC về phí.",
        {("05/2025/TT-BTC", "replaces", "10/2020/TT-BTC")},
        id="active_thay_the",
    ),
    pytest.param(
        "Quy định 12-QĐ/TU năm 2024 có hiệu lực kể từ ngày 05/3/2024 và thay thế Quy định 07-QĐ/TU năm 2021.",
        {("12-QĐ/TU", "replaces", "07-QĐ/TU")},
        id="effect_clause_then_thay_the",
    ),
    pytest.param(
        party(
            "18-QĐ/TU",
            "Điều 2. Sửa đổi, bổ sung Điều 5 Quy định số 30-QĐ/TU ngày 1/2/2021 của Ban Thường vụ Tỉnh ủy.",
            kind="QUY ĐỊNH",
        ),
        {("18-QĐ/TU", "amends", "30-QĐ/TU")},
        id="self_article_sua_doi_bo_sung",
    ),
    pytest.param(
        "Khoản 2 Điều 24 Nghị định 125/2020/NĐ-CP được sửa đổi, bổ sung bởi khoản 14 Điều 1 Nghị định 310/2025/NĐ-CP.",
        {("310/2025/NĐ-CP", "amends", "125/2020/NĐ-CP")},
        id="passive_sua_doi_bo_sung_boi",
    ),
    pytest.param(
        "Điều 7 Thông tư 01/2021/TT-BNV đã được sửa đổi, bổ sung tại Thông tư 06/2023/TT-BNV.",
        {("06/2023/TT-BNV", "amends", "01/2021/TT-BNV")},
        id="passive_sua_doi_bo_sung_tai",
    ),
    pytest.param(
        "Nghị định 46/2010/NĐ-CP được thay thế bằng Nghị định 29/2023/NĐ-CP.",
        {("29/2023/NĐ-CP", "replaces", "46/2010/NĐ-CP")},
        id="passive_thay_the_bang",
    ),
    pytest.param(
        "Thông tư 12/2016/TT-BTC bị bãi bỏ bởi Thông tư 40/2021/TT-BTC.",
        {("40/2021/TT-BTC", "repeals", "12/2016/TT-BTC")},
        id="passive_bai_bo_boi",
    ),
    pytest.param(
        "Nghị định 24/2010/NĐ-CP được hướng dẫn bởi Thông tư 13/2010/TT-BNV.",
        {("13/2010/TT-BNV", "implements", "24/2010/NĐ-CP")},
        id="passive_huong_dan_boi_source_after",
    ),
    pytest.param(
        state(
            "30/2025/QĐ-UBND",
            "Điều 4. Quyết định này có hiệu lực kể từ ngày 1/12/2025. Quyết định số "
            "12/2019/QĐ-UBND ngày 10/5/2019 của UBND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
        ),
        {("30/2025/QĐ-UBND", "repeals", "12/2019/QĐ-UBND")},
        id="nominal_het_hieu_luc",
    ),
    pytest.param(
        state("31/2025/QĐ-UBND", "Điều 3. Bãi bỏ Quyết định số 25/2018/QĐ-UBND ngày 2/8/2018 của UBND tỉnh."),
        {("31/2025/QĐ-UBND", "repeals", "25/2018/QĐ-UBND")},
        id="self_bai_bo_article",
    ),
    pytest.param(
        party("19-HD/TU", "1. Cấp ủy rà soát quy hoạch theo Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị."),
        {("19-HD/TU", "cites", "50-QĐ/TW")},
        id="directive_theo",
    ),
    pytest.param(
        party(
            "20-HD/TU",
            "2. Hồ sơ nhân sự thực hiện như quy định tại khoản 3 Điều 2 Quy định số 80-QĐ/TW "
            "ngày 18/8/2022 của Bộ Chính trị.",
        ),
        {("20-HD/TU", "cites", "80-QĐ/TW")},
        id="directive_quy_dinh_tai_article_path",
    ),
    pytest.param(
        party("21-HD/TU", "3. Tiêu chuẩn cán bộ nêu tại Kết luận số 35-KL/TW ngày 5/5/2022 của Bộ Chính trị."),
        {("21-HD/TU", "cites", "35-KL/TW")},
        id="directive_neu_tai",
    ),
    pytest.param(
        party("27-HD/TU", "4. Việc xét tuyển thực hiện theo Quy định số 89-QĐ/TW ngày 4/8/2022 của Bộ Chính trị."),
        {("27-HD/TU", "cites", "89-QĐ/TW")},
        id="xet_tuyen_is_no_proposal",
    ),
]


SIGNAL_ROWS += [
    pytest.param(
        "Theo Điều 19 Quy định 366-QĐ/TW năm 2025 thì tiêu chí đánh giá theo Quy định 366-QĐ/TW năm 2025 được "
        "áp dụng từ ngày 30/8/2025 và thay thế Quy định 124-QĐ/TW năm 2023.",
        {("366-QĐ/TW", "replaces", "124-QĐ/TW")},
        id="duoc_ap_dung_tu_ngay_va_thay_the",
    ),
    pytest.param(
        "Chính phủ ban hành Nghị quyết 140/NQ-CP ngày 02/10/2024 về Chương trình hành động thực hiện Nghị quyết "
        "29-NQ/TW về công nghiệp hóa.",
        {("140/NQ-CP", "implements", "29-NQ/TW")},
        id="ve_chuong_trinh_hanh_dong_thuc_hien",
    ),
    pytest.param(
        state(
            "5529/CT-CS",
            "Căn cứ Điều 365, khoản 1\nĐiều 372 Bộ luật Tố tụng hình sự số 01/2015/QH13 ngày "
            "27/11/2015 quy định về giải thích bản án;\nCục Thuế có ý kiến như sau:",
            kind="CÔNG VĂN",
        ),
        {("5529/CT-CS", "based_on", "01/2015/QH13")},
        id="wrapped_line_starting_with_dieu_goes_on",
    ),
]


# --- lists after one signal --------------------------------------------------------------

LIST_ROWS = [
    pytest.param(
        state(
            "14/CT-UBND",
            "Để tiếp tục thực hiện Chỉ thị số 12/CT-TTg ngày 03/4/2023 của Thủ tướng Chính "
            "phủ; Chỉ thị số 08-CT/TU ngày 10/7/2023, Kế hoạch số 45-KH/TU ngày 15/9/2023 của Ban Thường "
            "vụ Tỉnh ủy; Phương án số 310/PA-UBND ngày 20/01/2025 của UBND tỉnh, Ủy ban nhân dân tỉnh yêu cầu:",
            kind="CHỈ THỊ",
        ),
        {
            ("14/CT-UBND", "implements", "12/CT-TTg"),
            ("14/CT-UBND", "implements", "08-CT/TU"),
            ("14/CT-UBND", "implements", "45-KH/TU"),
            ("14/CT-UBND", "implements", "310/PA-UBND"),
        },
        id="thuc_hien_list_with_semicolons",
    ),
    pytest.param(
        party(
            "22-KH/TU",
            "Kế hoạch này thay thế Kế hoạch số 15-KH/TU ngày 3/3/2021 và Kế hoạch số 27-KH/TU "
            "ngày 9/9/2022 của Tỉnh ủy.",
            kind="KẾ HOẠCH",
        ),
        {("22-KH/TU", "replaces", "15-KH/TU"), ("22-KH/TU", "replaces", "27-KH/TU")},
        id="thay_the_two_plans",
    ),
    pytest.param(
        state(
            "08/CT-UBND",
            "1. Thực hiện đầy đủ trách nhiệm quản lý nhà nước theo quy định tại Điều 102 "
            "Luật Lâm nghiệp, Luật Đất đai; Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 và Nghị định số "
            "136/2025/NĐ-CP ngày 12/6/2025.",
            kind="CHỈ THỊ",
        ),
        {("08/CT-UBND", "cites", "131/2025/NĐ-CP"), ("08/CT-UBND", "cites", "136/2025/NĐ-CP")},
        id="quy_dinh_tai_list_through_named_laws_and_semicolon",
    ),
    pytest.param(
        "Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương; Hướng dẫn số 02-HD/ĐUK "
        "ngày 17/3/2022 của Đảng ủy Khối, ngày 14/4/2022, Đảng ủy Bộ ban hành Hướng dẫn số 05-HD/ĐU.",
        {("05-HD/ĐU", "based_on", "16-HD/BTCTW"), ("05-HD/ĐU", "based_on", "02-HD/ĐUK")},
        id="news_can_cu_list_then_issued",
    ),
    pytest.param(
        "Nghị định 100/2019/NĐ-CP được sửa đổi bởi Nghị định 123/2021/NĐ-CP và Nghị định 168/2024/NĐ-CP.",
        {("123/2021/NĐ-CP", "amends", "100/2019/NĐ-CP"), ("168/2024/NĐ-CP", "amends", "100/2019/NĐ-CP")},
        id="passive_two_agents",
    ),
    pytest.param(
        party(
            "23-KH/TU",
            "Thực hiện Chỉ thị số 35 ngày 14/6/2024 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:",
            kind="KẾ HOẠCH",
        ),
        {("23-KH/TU", "implements", "35-CT/TW")},
        id="number_only_item_resolved",
    ),
]


LIST_ROWS += [
    pytest.param(
        "Luật số 43/2024/QH15 sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số "
        "27/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15.",
        {
            ("43/2024/QH15", "amends", "31/2024/QH15"),
            ("43/2024/QH15", "amends", "27/2023/QH15"),
            ("43/2024/QH15", "amends", "32/2024/QH15"),
        },
        id="named_laws_each_with_its_number",
    ),
]


NOT_RELATION_EXTRA = [
    pytest.param(
        state(
            "2820/QĐ-UBND",
            "Căn cứ Luật Đất đai số\n31/2024/QH15 ngày 18 tháng 01 năm 2024, được sửa đổi, bổ sung một "
            "số điều tại\nLuật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở\nsố "
            "27/2023/QH15 và Luật Các tổ chức\ntín dụng số 32/2024/QH15;\nQUYẾT ĐỊNH:",
        ),
        {("2820/QĐ-UBND", "based_on", "31/2024/QH15")},
        id="what_an_amending_law_amends_is_no_basis",
    ),
    pytest.param(
        state(
            "2821/QĐ-UBND",
            "Căn cứ Kế hoạch số 4354/KH-UBND ngày 14 tháng 6 năm 2025 của Ủy ban nhân dân Thành phố "
            "về việc triển khai Kế hoạch hành động số 459-KHHĐ/TU ngày 21 tháng 5 năm 2025 của Thành ủy;\nQUYẾT ĐỊNH:",
        ),
        {("2821/QĐ-UBND", "based_on", "4354/KH-UBND"), ("4354/KH-UBND", "implements", "459-KHHĐ/TU")},
        id="a_basis_that_implements_another_keeps_its_object",
    ),
]


LIST_ROWS += [
    pytest.param(
        "Căn cứ Bộ luật Tố tụng hình sự số 01/2015/QH13 ngày 27/11/2015, tòa án xét lại bản án. Luật số "
        "99/2025/QH15 ngày 27/6/2025 sửa đổi, bổ sung một số điều của Bộ luật Tố tụng hình sự.",
        {("99/2025/QH15", "amends", "01/2015/QH13")},
        id="a_law_named_alone_after_its_number_was_given",
    ),
    pytest.param(
        "Luật Kế toán số 88/2015/QH13 quy định chế độ kế toán. Thông tư số 45/2024/TT-BTC ngày 12/8/2024 của Bộ Tài "
        "chính hướng dẫn thi hành một số điều của Luật Kế toán và Nghị định số 174/2016/NĐ-CP.",
        {("45/2024/TT-BTC", "implements", "88/2015/QH13"), ("45/2024/TT-BTC", "implements", "174/2016/NĐ-CP")},
        id="a_law_by_name_then_a_listed_decree",
    ),
    pytest.param(
        "Nghị định 10/2025/NĐ-CP sửa đổi một số điều của Luật Đất đai về thu hồi đất.",
        set(),
        id="a_law_by_name_whose_number_the_text_never_gives",
    ),
]


# --- real noise ----------------------------------------------------------------------------

NOISE_ROWS = [
    pytest.param(
        party(
            "24-QĐ/TU",
            "Điều 5. Quy định nàycó hiệu lực từ ngày kývà thay thế Quy định số 05-QĐ/TU ngày 1/1/2020.",
            kind="QUY ĐỊNH",
        ),
        {("24-QĐ/TU", "replaces", "05-QĐ/TU")},
        id="words_glued_by_scraping",
    ),
    pytest.param(
        "**Thực hiện** Kết luận số **121-KL/TW** của Ban Chấp hành Trung ương, ngày 3/3/2025, Tỉnh ủy "
        "**ban hành** Kế hoạch số 40-KH/TU.",
        {("40-KH/TU", "implements", "121-KL/TW")},
        id="markdown_emphasis",
    ),
    pytest.param(
        "| Số văn bản | Nội dung |\n| --- | --- |\n| 12/2025/TT-BTC | Thông tư 12/2025/TT-BTC sửa đổi "
        "Thông tư 80/2021/TT-BTC |",
        {("12/2025/TT-BTC", "amends", "80/2021/TT-BTC")},
        id="markdown_table_cell",
    ),
    pytest.param(
        party(
            "25-HD/TU",
            "Thực hiện Quy định\nsố 377-QĐ/TW ngày 08/10/2025 của Bộ\nChính trị, Ban Thường vụ hướng dẫn\nnhư sau:",
        ),
        {("25-HD/TU", "implements", "377-QĐ/TW")},
        id="line_breaks_inside_the_sentence",
    ),
    pytest.param(
        party(
            "26-HD/TU",
            "Căn cứ Hướng dẫn số 16 – HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương, "
            "Ban Thường vụ hướng dẫn như sau:",
        ),
        {("26-HD/TU", "based_on", "16-HD/BTCTW")},
        id="code_with_spaces_and_en_dash",
    ),
    pytest.param(
        "Nghị định số 67/2025/NĐ-CP ngày 15/3/2025 của Chính phủ sửa đổi, bổ sung một số điều của\n"
        "Nghị định số 178/2024/NĐ-CP.",
        {("67/2025/NĐ-CP", "amends", "178/2024/NĐ-CP")},
        id="active_with_issuer_and_line_break",
    ),
]


# --- what is not a relation ------------------------------------------------------------------

NOT_RELATION_ROWS = [
    pytest.param(
        "Hội nghị quán triệt Nghị quyết số 57-NQ/TW và Kết luận số 123-KL/TW của Bộ Chính trị.",
        set(),
        id="two_codes_no_signal",
    ),
    pytest.param(
        state(
            "32/2025/QĐ-UBND",
            "Căn cứ Luật Tổ chức chính quyền địa phương;\nXét Tờ trình số 45/TTr-SNV "
            "ngày 2/10/2025 của Sở Nội vụ.\nQUYẾT ĐỊNH:",
        ),
        set(),
        id="xet_to_trinh_is_no_basis",
    ),
    pytest.param(
        state(
            "33/2025/QĐ-UBND",
            "Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10/6/2023 của Chính phủ; theo đề "
            "nghị của Giám đốc Sở Nội vụ tại Tờ trình số 50/TTr-SNV ngày 3/10/2025.\nQUYẾT ĐỊNH:",
        ),
        # no basis, but "tại Tờ trình số B" refers to B (tune gold: cites twice, optional four times)
        {("33/2025/QĐ-UBND", "based_on", "33/2023/NĐ-CP"), ("33/2025/QĐ-UBND", "cites", "50/TTr-SNV")},
        id="theo_de_nghi_tai_to_trinh_cites_the_submission",
    ),
    pytest.param(
        "Ban Chỉ đạo tổng kết Nghị quyết 18-NQ/TW ban hành Kế hoạch 130/KH-BCĐTKNQ18 về sắp xếp đơn vị.",
        set(),
        id="committee_name_holds_a_resolution",
    ),
    pytest.param(
        state(
            "34/CT-UBND",
            "1. Sắp xếp doanh nghiệp theo Công văn 59-CV/BCĐ năm 2025 của Ban Chỉ đạo Trung "
            "ương về tổng kết Nghị quyết 18-NQ/TW.",
            kind="CHỈ THỊ",
        ),
        {("34/CT-UBND", "cites", "59-CV/BCĐ")},
        id="committee_name_in_an_issuer",
    ),
    pytest.param(
        "# Thông tư 02/2025/TT-BNV về chế độ báo cáo\n\nThông tư quy định kỳ báo cáo.\n\n"
        "## Văn bản liên quan\n\n- Quyết định 12/2024/QĐ-TTg thay thế Quyết định 05/2020/QĐ-TTg\n"
        "- Nghị định 10/2023/NĐ-CP sửa đổi Nghị định 20/2021/NĐ-CP\n",
        set(),
        id="site_furniture_link_list",
    ),
    pytest.param(
        "Nội dung chính.\n\nXem thêm: Thông tư 15/2024/TT-BTC thay thế Thông tư 30/2019/TT-BTC",
        set(),
        id="xem_them_link",
    ),
    pytest.param(
        state("35/2025/QĐ-UBND", "Điều 1. Ban hành Quy chế.")
        + "\nThực hiện Nghị định 13/2023/NĐ-CP, chúng tôi sử dụng cookie để cải thiện trải nghiệm.",
        set(),
        id="cookie_notice_after_signature",
    ),
    pytest.param(
        "# Toàn văn Hướng dẫn 43-HD/BTCTW về kiểm điểm\n\nTheo đó, thực hiện Hướng dẫn 43-HD/BTCTW, các cấp "
        "ủy tổ chức kiểm điểm.",
        set(),
        id="same_document_at_both_ends",
    ),
    pytest.param(
        "Căn cứ khoản 5 Điều 3 Nghị định 98/2020/NĐ-CP và Nghị định 17/2022/NĐ-CP, mức phạt là 5 triệu đồng.",
        set(),
        id="news_can_cu_with_nothing_issued",
    ),
    pytest.param(
        "Đánh giá 3 năm thực hiện Nghị quyết số 18-NQ/TW, đề xuất sửa đổi Nghị định 43/2014/NĐ-CP.",
        set(),
        id="verb_whose_subject_is_no_document",
    ),
    pytest.param(
        "Nghị định 30/2020/NĐ-CP sửa đổi Nghị định 15/2024/NĐ-CP về công tác văn thư.",
        set(),
        id="nothing_amends_a_later_document",
    ),
    pytest.param(
        "Theo Quyết định 1020/QĐ-TTg, tỉnh Quảng Trị và tỉnh Quảng Bình hợp nhất; Kế hoạch 15-KH/TU được triển khai.",
        set(),
        id="frame_without_a_reference_word",
    ),
    pytest.param(
        "Cán bộ đề xuất bãi bỏ Thông tư 12/2016/TT-BTC để giảm thủ tục.",
        set(),
        id="verb_with_no_document_subject_news",
    ),
    pytest.param(
        "Xem xét đề nghị của Ban Tổ chức Trung ương (Tờ trình số 224-TTr/BTCTW ngày 9/1/2025), Bộ Chính trị "
        "kết luận như sau:\n\n1. Bổ sung một số nội dung của Chỉ thị 35-CT/TW về đại hội.",
        set(),
        id="a_proposal_quotes_nothing",
    ),
    pytest.param(
        "Điều 12 Nghị định 67/2013/NĐ-CP (được sửa đổi bởi Nghị định 08/2018/NĐ-CP) quy định như sau:\n\n"
        "1. Doanh nghiệp có giấy phép (khoản này được sửa đổi bởi Nghị định 08/2018/NĐ-CP).",
        {("08/2018/NĐ-CP", "amends", "67/2013/NĐ-CP")},
        id="an_amended_document_does_not_cite_its_amender",
    ),
]


@pytest.mark.parametrize(
    "text, expected", SOURCE_ROWS + SIGNAL_ROWS + LIST_ROWS + NOISE_ROWS + NOT_RELATION_ROWS + NOT_RELATION_EXTRA
)
def test_relation_kinds(text, expected):
    assert relations_of(text) == expected


@pytest.mark.parametrize(
    "text, subject",
    [
        ("# Toàn văn Công văn 17899/BTC-VP về tập huấn\n\nNội dung.", "Công văn 17899"),
        ("## Thông tư 02/2025/TT-BNV sửa đổi Thông tư 01", "Thông tư 02"),
        ("**Nghị định số 50/2025/NĐ-CP quy định tiền lương**\n\nNội dung.", "Nghị định số 50"),
        ("Tin mới\n\nNgày 3/4, bộ ban hành văn bản.\n\nTải về Toàn văn Quyết định 15/2025/QĐ-TTg.", "Quyết định 15"),
        ("# Mẫu báo cáo theo Hướng dẫn 43-HD/BTCTW\n\nNội dung.", None),
        ("# Nghị định là gì?\n\nNghị định 50/2025/NĐ-CP quy định tiền lương.", None),
    ],
)
def test_page_subject_start(text, subject):
    start = page_subject_start(text)
    if subject is None:
        assert start is None
    else:
        assert start is not None and text[start:].startswith(subject)


# --- lists of documents losing force ---------------------------------------------------

EXPIRY_LIST_ROWS = [
    pytest.param(
        state(
            "18/2025/QĐ-UBND",
            "Điều 3. Hiệu lực thi hành\n\n1. Quyết định này có hiệu lực kể từ ngày 10 tháng 12 năm 2025.\n\n"
            "2. Các quyết định sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực:\n\n"
            "a) Quyết định số 07/2019/QĐ-UBND ngày 02 tháng 4 năm 2019 của Ủy ban nhân dân tỉnh về bảo vệ rừng;\n\n"
            "b) Quyết định số 21/2021/QĐ-UBND ngày 15 tháng 6 năm 2021 của Ủy ban nhân dân tỉnh sửa đổi "
            "Quyết định số 07/2019/QĐ-UBND.\n\n"
            "3. Giao Sở Nông nghiệp và Môi trường hướng dẫn thực hiện theo Nghị định số 156/2018/NĐ-CP.",
        ),
        {
            ("18/2025/QĐ-UBND", "repeals", "07/2019/QĐ-UBND"),
            ("18/2025/QĐ-UBND", "repeals", "21/2021/QĐ-UBND"),
        },
        {("18/2025/QĐ-UBND", "repeals", "156/2018/NĐ-CP")},  # item 3 is no longer the list
        id="directive_lettered_items",
    ),
    pytest.param(
        state(
            "19/2025/QĐ-UBND",
            "Bãi bỏ các văn bản sau:\n"
            "- Chỉ thị số 04/CT-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh;\n"
            "- Quyết định số 1120/QĐ-UBND ngày 12/5/2022 của Ủy ban nhân dân tỉnh.\n"
            "Các sở, ngành thực hiện Quyết định này.",
        ),
        {("19/2025/QĐ-UBND", "repeals", "04/CT-UBND"), ("19/2025/QĐ-UBND", "repeals", "1120/QĐ-UBND")},
        set(),
        id="directive_dashed_items_after_bai_bo",
    ),
    pytest.param(
        "# Quy định mới về bảo vệ rừng từ năm 2026\n\n"
        "Điều 30 Thông tư 41/2025/TT-BNNMT quy định như sau:\n\n"
        "Điều 30. Hiệu lực thi hành\n\n"
        "1. Thông tư này có hiệu lực từ ngày 01 tháng 02 năm 2026.\n\n"
        "2. Những thông tư sau đây hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực:\n\n"
        "a) Thông tư số 28/2018/TT-BNNPTNT ngày 16 tháng 11 năm 2018 về quản lý rừng bền vững;\n\n"
        "b) Thông tư số 13/2023/TT-BNNPTNT ngày 15 tháng 12 năm 2023 sửa đổi một số điều.\n\n"
        "Như vậy, từ năm 2026 các chủ rừng cần lưu ý thay đổi.",
        {
            ("41/2025/TT-BNNMT", "repeals", "28/2018/TT-BNNPTNT"),
            ("41/2025/TT-BNNMT", "repeals", "13/2023/TT-BNNPTNT"),
        },
        {("41/2025/TT-BNNMT", "cites", "28/2018/TT-BNNPTNT")},
        id="quoted_article_of_a_circular",
    ),
    pytest.param(
        state(
            "20/2025/QĐ-UBND",
            "Các nội dung sau đây được thực hiện theo Nghị định số 156/2018/NĐ-CP:\n"
            "a) Giao khoán bảo vệ rừng theo Quyết định số 07/2019/QĐ-UBND;\n"
            "b) Trồng rừng thay thế.",
        ),
        set(),
        {("20/2025/QĐ-UBND", "repeals", "07/2019/QĐ-UBND")},  # a list, but nothing loses force
        id="list_without_expiry_is_no_repeal",
    ),
]


@pytest.mark.parametrize("text, expected, absent", EXPIRY_LIST_ROWS)
def test_expiry_lists(text, expected, absent):
    found = relations_of(text)
    assert expected <= found, found
    assert not (absent & found), found


# --- replacing a part of a document amends it --------------------------------------------

PART_REPLACED_ROWS = [
    pytest.param(
        "Nghị định số 58/2025/NĐ-CP thay thế một số cụm từ của Nghị định số 17/2020/NĐ-CP về kinh doanh xăng dầu.",
        ("58/2025/NĐ-CP", "amends", "17/2020/NĐ-CP"),
        id="phrases_of",
    ),
    pytest.param(
        "Thông tư số 09/2025/TT-BYT thay thế khoản 3 Điều 7 của Thông tư số 22/2019/TT-BYT.",
        ("09/2025/TT-BYT", "amends", "22/2019/TT-BYT"),
        id="clause_of",
    ),
    pytest.param(
        "# Toàn văn Nghị định 61/2025/NĐ-CP về quản lý chợ\n\n"
        "Điều 4. Thay thế mẫu số 02 tại Nghị định số 60/2024/NĐ-CP ngày 05/6/2024 của Chính phủ.",
        ("61/2025/NĐ-CP", "amends", "60/2024/NĐ-CP"),
        id="page_article_form_in",
    ),
    pytest.param(
        "Nghị định số 58/2025/NĐ-CP thay thế Nghị định số 17/2020/NĐ-CP về kinh doanh xăng dầu.",
        ("58/2025/NĐ-CP", "replaces", "17/2020/NĐ-CP"),
        id="whole_document_still_replaced",
    ),
]


@pytest.mark.parametrize("text, expected", PART_REPLACED_ROWS)
def test_replacing_a_part_amends(text, expected):
    found = relations_of(text)
    assert expected in found, found
    other = "replaces" if expected[1] == "amends" else "amends"
    assert (expected[0], other, expected[2]) not in found


PART_REPLACED_PASSIVE_ROWS = [
    pytest.param(
        "Mẫu số 03 ban hành kèm theo Thông tư 12/2021/TT-BCA đã được thay thế bởi Thông tư 41/2025/TT-BCA.",
        ("41/2025/TT-BCA", "amends", "12/2021/TT-BCA"),
        id="form_of",
    ),
    pytest.param(
        "Khoản 4 Điều 9 Nghị định 30/2020/NĐ-CP được thay thế bởi Nghị định 187/2025/NĐ-CP.",
        ("187/2025/NĐ-CP", "amends", "30/2020/NĐ-CP"),
        id="clause_of",
    ),
    pytest.param(
        "Như đã nêu tại Điều 2, Nghị định 30/2020/NĐ-CP đã được thay thế bởi Nghị định 187/2025/NĐ-CP.",
        ("187/2025/NĐ-CP", "replaces", "30/2020/NĐ-CP"),
        id="whole_document_after_an_aside",
    ),
]


@pytest.mark.parametrize("text, expected", PART_REPLACED_PASSIVE_ROWS)
def test_a_part_replaced_in_the_passive_amends(text, expected):
    found = relations_of(text)
    assert expected in found, found
    other = "replaces" if expected[1] == "amends" else "amends"
    assert (expected[0], other, expected[2]) not in found


# --- lists whose items carry descriptions; proposals; examples; a quote's source ---------

DESCRIBED_LIST_ROWS = [
    pytest.param(
        state(
            "12/2025/TT-BTC",
            "Điều 20. Hiệu lực thi hành\nThông tư này có hiệu lực từ ngày 1/1/2026 và thay thế các Thông tư số "
            "100/2015/TT-BTC ngày 12/6/2015 của Bộ Tài chính hướng dẫn chế độ thu phí bảo vệ rừng (trừ trường hợp "
            "quy định tại khoản 3 Điều này), Thông tư số 45/2017/TT-BTC ngày 3/5/2017 của Bộ Tài chính sửa đổi "
            "khoản 2 Điều 7 Thông tư số 100/2015/TT-BTC, Thông tư số 61/2019/TT-BTC ngày 9/9/2019 về sửa đổi, bổ "
            "sung một số điều của Thông tư số 100/2015/TT-BTC ngày 12/6/2015 của Bộ Tài chính và Thông tư số "
            "88/2014/TT-BTC ngày 4/7/2014 hướng dẫn phí kiểm lâm.",
            kind="THÔNG TƯ",
        ),
        {
            ("12/2025/TT-BTC", "replaces", "100/2015/TT-BTC"),
            ("12/2025/TT-BTC", "replaces", "45/2017/TT-BTC"),
            ("12/2025/TT-BTC", "replaces", "61/2019/TT-BTC"),
            ("12/2025/TT-BTC", "replaces", "88/2014/TT-BTC"),
            ("45/2017/TT-BTC", "amends", "100/2015/TT-BTC"),
            ("61/2019/TT-BTC", "amends", "100/2015/TT-BTC"),
        },
        {
            ("61/2019/TT-BTC", "amends", "88/2014/TT-BTC"),  # an item does not act on the next item
            ("12/2025/TT-BTC", "amends", "100/2015/TT-BTC"),  # "Điều này), Thông tư 45 ... sửa đổi": 45 acts
        },
        id="directive_replaces_a_described_list",
    ),
    pytest.param(
        "Nghị định 20/2025/NĐ-CP thay thế Nghị định số 15/2018/NĐ-CP ngày 2/2/2018 quy định chi tiết Luật An "
        "toàn thực phẩm số 55/2010/QH12, Nghị định số 77/2016/NĐ-CP ngày 1/7/2016 sửa đổi Nghị định số "
        "15/2018/NĐ-CP và Nghị định số 8/2018/NĐ-CP ngày 15/1/2018 về điều kiện kinh doanh.",
        {
            ("20/2025/NĐ-CP", "replaces", "15/2018/NĐ-CP"),
            ("20/2025/NĐ-CP", "replaces", "77/2016/NĐ-CP"),
            ("20/2025/NĐ-CP", "replaces", "8/2018/NĐ-CP"),
            ("15/2018/NĐ-CP", "implements", "55/2010/QH12"),
        },
        {("15/2018/NĐ-CP", "implements", "77/2016/NĐ-CP"), ("77/2016/NĐ-CP", "amends", "8/2018/NĐ-CP")},
        id="news_replaces_a_described_list",
    ),
    pytest.param(
        "Thông tư 12/2025/TT-BYT thay thế Thông tư số 10/2019/TT-BYT hướng dẫn Nghị định số 15/2018/NĐ-CP và "
        "Nghị định số 8/2018/NĐ-CP.",
        {("12/2025/TT-BYT", "replaces", "10/2019/TT-BYT")},
        {("12/2025/TT-BYT", "replaces", "15/2018/NĐ-CP"), ("12/2025/TT-BYT", "replaces", "8/2018/NĐ-CP")},
        id="documents_of_another_type_in_a_description_are_no_items",
    ),
    pytest.param(
        "Nghị định 20/2025/NĐ-CP sửa đổi Nghị định số 15/2018/NĐ-CP; Nghị định số 77/2016/NĐ-CP vẫn còn hiệu lực.",
        {("20/2025/NĐ-CP", "amends", "15/2018/NĐ-CP")},
        {("20/2025/NĐ-CP", "amends", "77/2016/NĐ-CP")},
        id="a_semicolon_opens_a_new_clause",
    ),
    pytest.param(
        "Nghị định số 10/2025/NĐ-CP sửa đổi Nghị định số 15/2018/NĐ-CP và Nghị định số 20/2019/NĐ-CP.",
        {("10/2025/NĐ-CP", "amends", "15/2018/NĐ-CP"), ("10/2025/NĐ-CP", "amends", "20/2019/NĐ-CP")},
        set(),
        id="a_plain_pair_still_both_amended",
    ),
    pytest.param(
        "Nghị định 49/2022/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định 209/2013/NĐ-CP ngày 18/12/2013 của "
        "Chính phủ quy định chi tiết Luật Thuế giá trị gia tăng đã được sửa đổi, bổ sung một số điều theo Nghị "
        "định 12/2015/NĐ-CP, Nghị định 100/2016/NĐ-CP và Nghị định 146/2017/NĐ-CP.",
        {("49/2022/NĐ-CP", "amends", "209/2013/NĐ-CP")},
        {("49/2022/NĐ-CP", "amends", "100/2016/NĐ-CP"), ("49/2022/NĐ-CP", "amends", "146/2017/NĐ-CP")},
        id="a_list_of_who_amended_an_item_is_no_item",
    ),
    pytest.param(
        "Nghị định 50/2025/NĐ-CP sửa đổi Nghị định 20/2019/NĐ-CP quy định về phí (được sửa đổi bởi Nghị định "
        "11/2021/NĐ-CP) và Nghị định 30/2020/NĐ-CP về lệ phí.",
        {("50/2025/NĐ-CP", "amends", "20/2019/NĐ-CP"), ("50/2025/NĐ-CP", "amends", "30/2020/NĐ-CP")},
        {("30/2020/NĐ-CP", "amends", "20/2019/NĐ-CP")},
        id="an_aside_in_brackets_ends_before_the_next_item",
    ),
]


@pytest.mark.parametrize("text, expected, absent", DESCRIBED_LIST_ROWS)
def test_lists_whose_items_carry_descriptions(text, expected, absent):
    found = relations_of(text)
    assert expected <= found, found
    assert not (absent & found), found


NOT_THE_ACTOR_ROWS = [
    pytest.param(
        "Tờ trình số 390/TTr-CP ngày 10/5/2025 của Chính phủ đề nghị Quốc hội ban hành Nghị quyết sửa đổi "
        "Nghị quyết số 61/2021/QH15.",
        ("390/TTr-CP", "61/2021/QH15"),
        id="a_submission_proposes_the_act",
    ),
    pytest.param(
        state(
            "12/2025/NQ-HĐND",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\nXét Tờ trình số 390/TTr-UBND ngày 16 "
            "tháng 11\nnăm 2025 của Ủy ban nhân dân tỉnh về việc đề nghị ban hành Nghị quyết thay\nthế Nghị quyết "
            "số 61/2021/NQ-HĐND ngày 23 tháng 9 năm 2021 của Hội đồng nhân\ndân tỉnh về chế độ cho dân quân;",
            kind="NGHỊ QUYẾT",
        ),
        ("390/TTr-UBND", "61/2021/NQ-HĐND"),
        id="a_submission_in_a_preamble",
    ),
    pytest.param(
        "Công văn số 812/BTP-PLDSKT ngày 3/3/2025 của Bộ Tư pháp đề xuất xây dựng Nghị định thay thế Nghị "
        "định số 15/2018/NĐ-CP.",
        ("812/BTP-PLDSKT", "15/2018/NĐ-CP"),
        id="a_letter_proposes_a_replacement",
    ),
    pytest.param(
        "## Cách ghi mẫu quyết định\n\nNghị quyết 02/2018/NQ-HĐTP hướng dẫn cách ghi như sau:\n\n"
        "(1) ghi tên Tòa án nhân dân giải quyết vụ việc.\n\n"
        "(2) ô thứ nhất ghi số, ô thứ hai ghi năm ban hành (ví dụ: Số: 01/2018/QĐ-TA).\n",
        ("02/2018/NQ-HĐTP", "01/2018/QĐ-TA"),
        id="an_example_number_in_a_form",
    ),
    pytest.param(
        "## Hồ sơ gồm những gì?\n\nCăn cứ theo Điều 12 Nghị định 50/2024/NĐ-CP, Điều 3, 4 Thông tư "
        "07/2024/TT-BXD quy định hồ sơ như sau:\n\n(1) Đơn đề nghị theo Mẫu số 01.\n\n"
        "(2) Giấy tờ theo Thông tư 07/2024/TT-BXD và Quyết định số 99/QĐ-BXD.\n",
        ("50/2024/NĐ-CP", "07/2024/TT-BXD"),
        id="a_quote_from_two_documents_at_once",
    ),
    pytest.param(
        "## Nội dung tuyên truyền Chỉ thị 45-CT/TW theo Kế hoạch 120\n\nNội dung tuyên truyền thực hiện Chỉ "
        "thị 45-CT/TW năm 2025 được quy định tại Mục II Kế hoạch 120/KH-UBND năm 2025, cụ thể như sau:\n\n"
        "1. Tuyên truyền sâu rộng nội dung Chỉ thị.\n\n2. Phối hợp thực hiện theo Quyết định số 88/QĐ-UBND ngày "
        "2/3/2025.\n",
        ("45-CT/TW", "88/QĐ-UBND"),
        id="the_quote_is_from_the_plan_it_is_set_out_in",
    ),
]


@pytest.mark.parametrize("text, pair", NOT_THE_ACTOR_ROWS)
def test_who_does_not_act(text, pair):
    found = relations_of(text)
    assert not {(s, t) for s, _kind, t in found} & {pair}, found


def test_the_quote_is_from_the_document_it_is_set_out_in():
    found = relations_of(NOT_THE_ACTOR_ROWS[-1].values[0])
    assert ("120/KH-UBND", "cites", "88/QĐ-UBND") in found, found


def test_a_proposal_s_own_basis_still_counts():
    """The submission is dropped as an actor, not the directive's basis around it."""
    found = relations_of(NOT_THE_ACTOR_ROWS[1].values[0])
    assert ("12/2025/NQ-HĐND", "based_on", "72/2025/QH15") in found, found


# --- passives with "theo", a bare "hướng dẫn", verbs joined to the first one -------------------

MORE_VERB_ROWS = [
    pytest.param(
        "Căn cứ Luật Quản lý nợ công số 20/2017/QH14 đã được sửa đổi, bổ sung một số điều theo Luật số "
        "56/2024/QH15 và Luật số 90/2025/QH15;",
        {("56/2024/QH15", "amends", "20/2017/QH14"), ("90/2025/QH15", "amends", "20/2017/QH14")},
        set(),
        id="amended_theo_a_list_of_laws",
    ),
    pytest.param(
        "Luật Đất đai số 31/2024/QH15 đã được sửa đổi theo Luật số 43/2024/QH15.",
        {("43/2024/QH15", "amends", "31/2024/QH15")},
        set(),
        id="amended_theo_one_law",
    ),
    pytest.param(
        "Nghị định 30/2021/NĐ-CP sửa đổi theo hướng đơn giản hóa thủ tục, áp dụng từ Nghị định số 12/2015/NĐ-CP.",
        set(),
        {("12/2015/NĐ-CP", "amends", "30/2021/NĐ-CP")},
        id="sua_doi_theo_huong_is_no_passive",
    ),
    pytest.param(
        "Thông tư số 06/2021/TT-BYT được bổ sung theo quy định tại Nghị định số 12/2022/NĐ-CP về y tế.",
        set(),
        {("12/2022/NĐ-CP", "amends", "06/2021/TT-BYT")},
        id="supplemented_as_provided_in_is_a_reference",
    ),
    pytest.param(
        "- Thông tư 80/2021/TT-BTC hướng dẫn Luật Quản lý thuế 2019 và Nghị định 126/2020/NĐ-CP;\n"
        "- Thông tư 13/2023/TT-BTC hướng dẫn Nghị định 49/2022/NĐ-CP và sửa đổi Thông tư 80/2021/TT-BTC.",
        {
            ("80/2021/TT-BTC", "implements", "126/2020/NĐ-CP"),
            ("13/2023/TT-BTC", "implements", "49/2022/NĐ-CP"),
            ("13/2023/TT-BTC", "amends", "80/2021/TT-BTC"),
        },
        set(),
        id="guides_a_decree_and_amends_a_circular",
    ),
    pytest.param(
        "Thông tư số 45/2019/TT-BTC hướng dẫn chế độ kế toán đơn vị sự nghiệp công lập có thu từ nguồn "
        "ngân sách, Thông tư số 30/2015/TT-BTC về phí thẩm định.",
        set(),
        {("45/2019/TT-BTC", "implements", "30/2015/TT-BTC")},
        id="guides_a_subject_not_the_next_document",
    ),
    pytest.param(
        state(
            "71/NQ-CP",
            "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\nQUYẾT NGHỊ:\nĐiều 1. Sửa đổi, bổ "
            "sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
            "của Bộ Chính trị.",
            kind="NGHỊ QUYẾT",
        ),
        {("71/NQ-CP", "based_on", "57-NQ/TW")},
        {("71/NQ-CP", "amends", "57-NQ/TW")},
        id="the_programme_implements_what_the_act_does_not_amend",
    ),
    pytest.param(
        "Ngày 6/11/2025, Chính phủ ban hành Nghị định 292/2025/NĐ-CP quy định chi tiết và hướng dẫn thi hành "
        "Nghị quyết 216/2025/QH15 ngày 26/6/2025 của Quốc hội.",
        {("292/2025/NĐ-CP", "implements", "216/2025/QH15")},
        set(),
        id="two_verbs_of_one_kind_before_the_object",
    ),
    pytest.param(
        "Thông tư số 59/2024/TT-BCA đã sửa đổi, bổ sung điểm đ, e và bổ sung điểm g tại khoản 1 Điều 5 Thông "
        "tư số 74/2020/TT-BCA.",
        {("59/2024/TT-BCA", "amends", "74/2020/TT-BCA")},
        set(),
        id="a_verb_of_the_same_kind_inside_the_part_path",
    ),
    pytest.param(
        "Căn cứ Nghị định số 78/2025/NĐ-CP quy định chi tiết một số điều của Luật Ban hành văn bản quy phạm "
        "pháp luật được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP;",
        {("187/2025/NĐ-CP", "amends", "78/2025/NĐ-CP")},
        set(),
        id="a_decree_amends_the_decree_not_the_law_its_description_names",
    ),
    pytest.param(
        "Nghị định 102/2024/NĐ-CP quy định chi tiết Luật Đất đai đã được sửa đổi bởi Luật số 43/2024/QH15.",
        set(),
        {("43/2024/QH15", "amends", "102/2024/NĐ-CP")},
        id="a_law_amends_the_law_not_the_decree",
    ),
]


@pytest.mark.parametrize("text, expected, absent", MORE_VERB_ROWS)
def test_more_verbs(text, expected, absent):
    found = relations_of(text)
    assert expected <= found, found
    assert not (absent & found), found


QUOTE_SCOPE_ROWS = [
    pytest.param(
        "## Danh sách dự án\n\nCăn cứ theo Điều 1 Quyết định 884/QĐ-TTg năm 2022 **được bổ sung** bởi:\n\n"
        "- Khoản 1 Điều 1 Quyết định 1316/QĐ-TTg năm 2022\n\n- Khoản 1 Điều 1 Quyết định 347/QĐ-TTg năm 2023\n",
        {("1316/QĐ-TTg", "amends", "884/QĐ-TTg"), ("347/QĐ-TTg", "amends", "884/QĐ-TTg")},
        {("884/QĐ-TTg", "cites", "1316/QĐ-TTg"), ("884/QĐ-TTg", "cites", "347/QĐ-TTg")},
        id="an_opener_ending_on_a_passive_lists_who_changed_it",
    ),
    pytest.param(
        "## Tiêu chuẩn tỉnh\n\nTheo Điều 1 Nghị quyết 1211/2016/UBTVQH13 có quy định về tiêu chuẩn như sau:\n\n"
        "- Tỉnh miền núi có quy mô dân số từ 900.000 người trở lên, áp dụng theo Quyết định 12/QĐ-TTg năm "
        "2015.\n\n- Quyết định 386/QĐ-TTg năm 2015\n- Quyết định 153/QĐ-TTg năm 2015\n",
        {("1211/2016/UBTVQH13", "cites", "12/QĐ-TTg")},
        {("1211/2016/UBTVQH13", "cites", "386/QĐ-TTg"), ("1211/2016/UBTVQH13", "cites", "153/QĐ-TTg")},
        id="a_list_of_related_documents_ends_the_quote",
    ),
    pytest.param(
        "## Hiệu lực\n\nĐiều 20 Thông tư 12/2025/TT-BTC quy định như sau:\n\n2. Các văn bản sau đây hết hiệu "
        "lực thi hành kể từ ngày Thông tư này có hiệu lực:\n\n- Thông tư số 100/2015/TT-BTC;\n- Thông tư số "
        "45/2017/TT-BTC.\n",
        {("12/2025/TT-BTC", "repeals", "100/2015/TT-BTC"), ("12/2025/TT-BTC", "repeals", "45/2017/TT-BTC")},
        set(),
        id="items_of_an_expiry_list_are_still_quoted",
    ),
    pytest.param(
        "# Nghị quyết 283/NQ-CP năm 2025 về thuế giá trị gia tăng\n\nCác văn bản hướng dẫn gồm như sau:\n\n"
        "- Nghị định 209/2013/NĐ-CP quy định chi tiết Luật Thuế giá trị gia tăng đã được sửa đổi theo Nghị "
        "định 12/2015/NĐ-CP;\n- Thông tư 80/2021/TT-BTC hướng dẫn Luật Quản lý thuế.\n",
        set(),
        {("283/NQ-CP", "cites", "12/2015/NĐ-CP")},
        id="a_catalogue_item_s_references_are_its_own_not_the_page_s",
    ),
    pytest.param(
        "# Nghị quyết 283/NQ-CP năm 2025 về thuế\n\nNội dung chính như sau:\n\n1. Thực hiện theo Nghị định "
        "12/2015/NĐ-CP về thuế.\n",
        {("283/NQ-CP", "cites", "12/2015/NĐ-CP")},
        set(),
        id="the_page_s_own_item_still_cites",
    ),
]


@pytest.mark.parametrize("text, expected, absent", QUOTE_SCOPE_ROWS)
def test_quote_scope(text, expected, absent):
    found = relations_of(text)
    assert expected <= found, found
    assert not (absent & found), found


# --- issue 20, second round: lists of repealed documents, passive verbs with a list of agents ---

ROUND_TWO_ROWS = [
    pytest.param(
        state(
            "105/2025/QĐ-UBND",
            "Điều 1. Phân cấp thẩm quyền.\n\n4. Các Quyết định sau đây hết\nhiệu lực kể từ ngày 01 tháng 01 năm 2026:\n\n"
            "- Quyết định số\n08/2021/QĐ-UBND ngày 20 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh quy định\ntiêu chuẩn;\n\n"
            "- Quyết định số 45/2022/QĐ-UBND ngày 29 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh.",
        ),
        {("105/2025/QĐ-UBND", "repeals", "08/2021/QĐ-UBND"), ("105/2025/QĐ-UBND", "repeals", "45/2022/QĐ-UBND")},
        id="a_hand_wrapped_list_of_documents_losing_force",
    ),
    pytest.param(
        "# Thông tư 14/2025/TT-NHNN về tỷ lệ an toàn vốn\n\n"
        "Kể từ ngày 01 tháng 01 năm 2030, Thông tư 14/2025/TT-NHNN bãi bỏ các quy định sau đây:\n\n"
        "- Thông tư 41/2016/TT-NHNN quy định tỷ lệ an toàn vốn;\n\n"
        "- Khoản 2 Điều 1 Thông tư 26/2022/TT-NHNN sửa đổi, bổ sung một số điều của Thông tư 22/2019/TT-NHNN.\n",
        {("14/2025/TT-NHNN", "repeals", "41/2016/TT-NHNN"), ("14/2025/TT-NHNN", "repeals", "26/2022/TT-NHNN")},
        id="a_list_whose_opener_names_the_repealing_document",
    ),
    pytest.param(
        "# Thủ tục đăng ký đất đai\n\nCăn cứ pháp lý:\n\n"
        "- Luật Đất đai số 31/2024/QH15 ngày 18/01/2024 được sửa đổi, bổ sung một số điều bởi Luật số "
        "43/2024/QH15, Luật số 47/2024/QH15 và Luật số 58/2024/QH15 của Quốc hội.\n",
        {
            ("43/2024/QH15", "amends", "31/2024/QH15"),
            ("47/2024/QH15", "amends", "31/2024/QH15"),
            ("58/2024/QH15", "amends", "31/2024/QH15"),
        },
        id="passive_amends_some_articles_by_a_list",
    ),
    pytest.param(
        "# Nghị quyết 68\n\nTheo đó, theo Nghị quyết 68-NQ/TW năm 2025, để khuyến khích đổi mới sáng tạo, Nhà nước "
        "cần triển khai giải pháp như sau:\n\n- Triển khai quyết liệt Nghị quyết 57-NQ/TW năm 2024 của Bộ Chính trị "
        "về đột phá phát triển khoa học;\n\n- Phấn đấu có 2 triệu doanh nghiệp.\n",
        {("68-NQ/TW", "implements", "57-NQ/TW")},
        id="a_quoted_bullet_that_opens_with_an_implementing_verb",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROUND_TWO_ROWS)
def test_round_two_kinds(text, expected):
    found = relations_of(text)
    assert expected <= found
    # only the first document of an item is repealed ("... sửa đổi ... Thông tư 22/2019" is not)
    assert {t for t in found if t[1] == "repeals"} == {t for t in expected if t[1] == "repeals"}
