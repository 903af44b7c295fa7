"""Kinds of relation sentences read from the tune sets' misses (issue 20), in sentences of our own
wording: a document's quoted text that repeals, replaces or changes another with no agent named,
a passive verb whose "bởi" was dropped before the amending part, an amending law named after the
law it amends in a "Căn cứ" block, "Thực hiện" whose first object has no code, yes-no questions,
"thực hiện theo quy định tại" (cites), a verb whose object is only described by a reference;
second round: a quoted line opening with its own lead ("Trên cơ sở ... tại Kết luận A"), a long
quote of the page's document citing what it names, "đã ký" news leads, expiry-list items that
amend an annex "ban hành kèm theo", body task items, the unmarked "so" for "số"; third round:
a quoted line referring mid-clause to a document and ending on "như sau:", an amended-by note in a
quote, "Theo Phụ lục ... ban hành kèm theo", a proposal's submission, a page's legal-basis footer,
"về tiếp tục thực hiện", a directive that guides or details another in its body, a passive note
in parentheses without "được", "được sửa đổi ... theo Luật số B" in a Căn cứ line, "của Ban Chỉ
đạo ... tại Công văn số B" (a committee's document, not a committee's name), a directive whose
header was lost ("Số: A" line, a title of A's type, a Căn cứ block), a news page giving the full
text of the document it announces, a law named in lower case before its number, "... này có
hiệu lực từ ngày ...; thay thế B".
Rows expect the exact set of triples, so a row fails both on a missed and on an extra relation."""

from __future__ import annotations

import pytest

from extractors.citations import extract_citations
from tests.test_relations_kinds import party, relations_of, state

ROWS = [
    pytest.param(
        "# Toàn văn Nghị định 45/2025/NĐ-CP về quản lý chợ\n\nChính phủ ban hành Nghị định 45/2025/NĐ-CP về quản lý chợ.\n\nCăn cứ theo Điều 9 Nghị định 45/2025/NĐ-CP quy định về hiệu lực thi hành như sau:\n\n(1) Nghị định 45/2025/NĐ-CP có hiệu lực thi hành từ ngày 01 tháng 8 năm 2025.\n\n(2) Bãi bỏ khoản 3 Điều 7 Nghị định 12/2021/NĐ-CP ngày 02 tháng 3 năm 2021 của Chính phủ về phát triển chợ.\n",
        {("45/2025/NĐ-CP", "repeals", "12/2021/NĐ-CP")},
        id="quote_bai_bo",
    ),
    pytest.param(
        "# Toàn văn Thông tư 21/2025/TT-BYT về khám sức khỏe học sinh\n\nCăn cứ theo Điều 15 Thông tư 21/2025/TT-BYT quy định:\n\nThông tư 21/2025/TT-BYT có hiệu lực thi hành từ ngày 01 tháng 9 năm 2025.\n\nThông tư 21/2025/TT-BYT thay thế Thông tư 13/2016/TT-BYT về y tế trường học và Thông tư 16/2018/TT-BYT ngày 20 tháng 7 năm 2018 của Bộ trưởng Bộ Y tế về khám sức khỏe định kỳ cho học sinh các cấp.\n",
        {("21/2025/TT-BYT", "replaces", "16/2018/TT-BYT"), ("21/2025/TT-BYT", "replaces", "13/2016/TT-BYT")},
        id="quote_thay_the",
    ),
    pytest.param(
        "# Nghị định 33/2025/NĐ-CP về trợ giúp pháp lý\n\nCăn cứ theo quy định tại khoản 2 Điều 6 Nghị định 33/2025/NĐ-CP quy định hiệu lực thi hành như sau:\n\nĐiều 6. Hiệu lực thi hành\n\n1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n\n2. Điểm a khoản 4 Điều 3 Nghị định số 14/2019/NĐ-CP ngày 10 tháng 2 năm 2019 của Chính phủ quy định về trợ giúp pháp lý hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.\n",
        {("33/2025/NĐ-CP", "repeals", "14/2019/NĐ-CP")},
        id="quote_het_hieu_luc",
    ),
    pytest.param(
        "# Điều chỉnh dự án khu dân cư (Quyết định 2210/QĐ-UBND)\n\nTại Điều 1 Quyết định 2210/QĐ-UBND năm 2025, UBND tỉnh chấp thuận điều chỉnh dự án như sau:\n\n(1) Nội dung điều chỉnh thứ nhất\n\nTiến độ dự án tại khoản 5 Điều 1 Quyết định 1450/QĐ-UBND ngày 12/6/2023 của UBND tỉnh được điều chỉnh thành:\n\nHoàn thành trong năm 2027.\n",
        {("2210/QĐ-UBND", "amends", "1450/QĐ-UBND")},
        id="quote_dieu_chinh",
    ),
    pytest.param(
        "# Điều kiện mua nhà ở xã hội\n\nCăn cứ theo Điều 12 Nghị định 58/2024/NĐ-CP được sửa đổi khoản 3 Điều 2 Nghị định 71/2025/NĐ-CP quy định về điều kiện thu nhập như sau:\n\nNgười có thu nhập thấp được mua nhà ở xã hội.\n",
        {("71/2025/NĐ-CP", "amends", "58/2024/NĐ-CP")},
        id="passive_no_boi",
    ),
    pytest.param(
        state(
            "61/2025/QĐ-UBND",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;\n\nTheo đề nghị của Giám đốc Sở Tư pháp.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy định về hỗ trợ pháp lý.",
            kind="QUYẾT ĐỊNH",
            subject="Về việc quản lý rừng",
        ),
        {
            ("87/2025/QH15", "amends", "64/2025/QH15"),
            ("61/2025/QĐ-UBND", "based_on", "87/2025/QH15"),
            ("61/2025/QĐ-UBND", "based_on", "64/2025/QH15"),
            ("61/2025/QĐ-UBND", "based_on", "72/2025/QH15"),
        },
        id="can_cu_amending_law",
    ),
    pytest.param(
        state(
            "63/2025/QĐ-UBND",
            "Căn cứ Quyết định số 15/2025/QĐ-TTg ngày 10 tháng 4 năm 2025 của Thủ tướng Chính phủ;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Phạm vi\n\n1. Bổ sung số lượng thiết bị chuyên dùng đã quy định tại khoản 1 Điều 4 Quyết định số 15/2025/QĐ-TTg để phục vụ chuyển đổi số.",
            kind="QUYẾT ĐỊNH",
            subject="Về việc quản lý rừng",
        ),
        {("63/2025/QĐ-UBND", "based_on", "15/2025/QĐ-TTg")},
        id="self_verb_object_ref",
    ),
    pytest.param(
        state(
            "64/2025/QĐ-UBND",
            "Căn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15 và Luật số 90/2025/QH15;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành quy định.",
            kind="QUYẾT ĐỊNH",
            subject="Về việc quản lý rừng",
        ),
        {
            ("64/2025/QĐ-UBND", "based_on", "90/2025/QH15"),
            ("90/2025/QH15", "amends", "15/2017/QH14"),
            ("64/2025/QĐ-UBND", "based_on", "56/2024/QH15"),
            ("64/2025/QĐ-UBND", "based_on", "15/2017/QH14"),
            ("56/2024/QH15", "amends", "15/2017/QH14"),
        },
        id="list_backwards",
    ),
    pytest.param(
        state(
            "988/KH-UBND",
            "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025 của Bộ Chính trị; Quyết định số 2437/QĐ-TTg ngày 04 tháng 11 năm 2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:\n\nI. MỤC ĐÍCH\n\nTổ chức quán triệt, triển khai thực hiện Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị.",
            kind="KẾ HOẠCH",
            subject="Về việc quản lý rừng",
        ),
        {("988/KH-UBND", "implements", "45-CT/TW"), ("988/KH-UBND", "implements", "2437/QĐ-TTg")},
        id="thuc_hien_ke_hoach_later",
    ),
    pytest.param(
        "# Thông tư 25/2025/TT-BTC về kế toán hợp tác xã\n\nBộ Tài chính ban hành Thông tư 25/2025/TT-BTC.\n\n>> Thông tư 24/2017/TT-BTC có bị thay thế bởi Thông tư 25/2025/TT-BTC không?\n\n>> Nghị định 10/2020/NĐ-CP có sửa đổi Nghị định 86/2014/NĐ-CP không?\n",
        set(),
        id="question",
    ),
    pytest.param(
        "# Thông tư 31/2025/TT-BCA về chế độ nghỉ dưỡng\n\nBộ Công an ban hành Thông tư 31/2025/TT-BCA. Thông tư này quy định mức hưởng như sau:\n\nMức hưởng của các đối tượng tại khoản 2 Điều 5 Thông tư này thực hiện theo quy định tại Điều 41 Luật Bảo hiểm xã hội số 41/2024/QH15.\n",
        {("31/2025/TT-BCA", "cites", "41/2024/QH15")},
        id="thuc_hien_theo",
    ),
    pytest.param(
        "# Sắp xếp thôn, tổ dân phố theo Quyết định 812/QĐ-TTg\n\nNguyên tắc sắp xếp thôn là gì?\n\nCăn cứ theo tiểu mục 2.1 Mục II Đề án ban hành kèm theo Quyết định 812/QĐ-TTg năm 2025 quy định nguyên tắc sắp xếp như sau:\n\nTrên cơ sở chủ trương của Bộ Chính trị tại Kết luận 140-KL/TW ngày 10/4/2025, Kết luận số 142-KL/TW ngày 20/4/2025 và Nghị quyết 61-NQ/TW, Chính phủ đề xuất các nguyên tắc sắp xếp thôn như sau:\n\n(1) Sắp xếp thôn gắn với địa bàn dân cư ổn định.\n",
        {
            ("812/QĐ-TTg", "cites", "140-KL/TW"),
            ("812/QĐ-TTg", "cites", "142-KL/TW"),
            ("812/QĐ-TTg", "cites", "61-NQ/TW"),
        },
        id="quoted_clause_lead_tren_co_so",
    ),
    pytest.param(
        "# Toàn văn Công điện 201/CĐ-TTg 2025 về phòng chống bão\n\nThủ tướng Chính phủ ban hành Công điện 201/CĐ-TTg 2025 về phòng chống bão.\n\nVề công tác ứng phó, Thủ tướng Chính phủ yêu cầu như sau:\n\n- Nhiệm vụ thứ 1: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 2: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 3: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 4: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 5: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 6: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 7: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 8: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 9: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 10: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 11: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 12: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 13: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 14: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 15: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 16: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 17: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 18: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 19: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Nhiệm vụ thứ 20: rà soát, báo cáo kết quả thực hiện trong quý.\n\n- Bộ Nông nghiệp và Môi trường khẩn trương triển khai hiệu quả Nghị quyết 66-NQ/TW 2025 của Bộ Chính trị.\n\n- Rà soát các dự án theo Luật số 47/2024/QH15 sửa đổi, bổ sung một số điều của Luật Đê điều số 79/2006/QH11.\n",
        {
            ("201/CĐ-TTg", "cites", "66-NQ/TW"),
            ("201/CĐ-TTg", "cites", "47/2024/QH15"),
            ("47/2024/QH15", "amends", "79/2006/QH11"),
        },
        id="page_quote_cites_all_long",
    ),
    pytest.param(
        "### Rà soát bộ máy sau sáp nhập\n\nThay mặt Bộ Chính trị, đồng chí Thường trực Ban Bí thư đã ký Kết luận số 150-KL/TW ngày 3/3/2025 của Bộ Chính trị về sắp xếp bộ máy.\n\nTheo đó, căn cứ kế hoạch năm 2025 của các cơ quan, Kết luận nêu rõ yêu cầu các cấp ủy tập trung thực hiện các giải pháp nêu tại Kết luận số 149-KL/TW, bảo đảm đúng lộ trình.\n",
        {("150-KL/TW", "cites", "149-KL/TW")},
        id="da_ky_theo_do_far_lead",
    ),
    pytest.param(
        state(
            "66/2025/QĐ-UBND",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy định về định mức máy móc.\n\nĐiều 2. Các Quyết định sau đây hết hiệu lực kể từ ngày 01 tháng 01 năm 2026:\n\n- Quyết định số 09/2021/QĐ-UBND ngày 20 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh quy định định mức máy móc;\n\n- Quyết định số 12/2024/QĐ-UBND ngày 24 tháng 4 năm 2024 về việc sửa đổi bổ sung phụ lục II ban hành kèm theo Quyết định số 09/2021/QĐ-UBND ngày 20 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh.",
            kind="QUYẾT ĐỊNH",
            subject="Về việc định mức máy móc",
        ),
        {
            ("66/2025/QĐ-UBND", "based_on", "72/2025/QH15"),
            ("66/2025/QĐ-UBND", "repeals", "09/2021/QĐ-UBND"),
            ("66/2025/QĐ-UBND", "repeals", "12/2024/QĐ-UBND"),
            ("12/2024/QĐ-UBND", "amends", "09/2021/QĐ-UBND"),
        },
        id="expiry_item_amends_annex",
    ),
    pytest.param(
        state(
            "990/KH-UBND",
            "I. NHIỆM VỤ\n\n- Tổ chức quán triệt, triển khai thực hiện Chỉ thị\nso 41-CT/TW ngày 26/12/2024 của Bộ Chính trị, Kế hoạch số 320-KH/TU ngày 10/4/2025 của Tỉnh ủy về công tác thi đua, khen thưởng.",
            kind="KẾ HOẠCH",
            subject="Tổ chức phong trào thi đua năm 2026",
        ),
        {("990/KH-UBND", "cites", "41-CT/TW"), ("990/KH-UBND", "cites", "320-KH/TU")},
        id="task_item_unmarked_so",
    ),
    pytest.param(
        state(
            "71/2025/QĐ-UBND",
            "Căn cứ Luật Bảo vệ và phát triển rừng số\n29/2004/QH11;\n\nCăn cứ Nghị định số 23/2006/NĐ-CP ngày 3/3/2006\ncủa Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo\nvệ và phát triển rừng;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành quy định.",
            kind="QUYẾT ĐỊNH",
            subject="Về hỗ trợ doanh nghiệp",
        ),
        {
            ("71/2025/QĐ-UBND", "based_on", "29/2004/QH11"),
            ("71/2025/QĐ-UBND", "based_on", "23/2006/NĐ-CP"),
            ("23/2006/NĐ-CP", "implements", "29/2004/QH11"),
        },
        id="law_by_name_with_va",
    ),
    pytest.param(
        "Chính phủ vừa ban hành Nghị định số 210/2025/NĐ-CP ngày 1/8/2025 quy định xử phạt vi phạm hành chính về đo lường.\n\nNghị định số 210/2025/NĐ-CP gồm 5 chương, 48 Điều có hiệu lực thi hành từ ngày 15/9/2025 và thay thế Nghị định số 119/2017/NĐ-CP ngày 1/11/2017 của Chính phủ quy định xử phạt vi phạm hành chính về tiêu chuẩn, đo lường, được sửa đổi, bổ sung tại Nghị định số 126/2021/NĐ-CP ngày 30/12/2021 của Chính phủ.\n",
        {("210/2025/NĐ-CP", "replaces", "119/2017/NĐ-CP"), ("126/2021/NĐ-CP", "amends", "119/2017/NĐ-CP")},
        id="chapters_gap_and_passive_in_description",
    ),
    pytest.param(
        "# Thông tư 15/2025/TT-NHNN về tỷ lệ an toàn\n\nTheo Điều 20 Thông tư 15/2025/TT-NHNN quy định như sau:\n\n(1) Thông tư này có hiệu lực từ ngày 01/01/2026.\n\n(2) Ngân hàng báo cáo theo mẫu tại Thông tư 08/2017/TT-NHNN.\n\n(3) Các tổ chức tín dụng tiếp tục áp dụng Thông tư 19/2023/TT-NHNN sửa đổi, bổ sung một số điều của Thông tư 11/2021/TT-NHNN đến hết năm 2026.\n",
        {
            ("15/2025/TT-NHNN", "cites", "08/2017/TT-NHNN"),
            ("15/2025/TT-NHNN", "cites", "19/2023/TT-NHNN"),
            ("19/2023/TT-NHNN", "amends", "11/2021/TT-NHNN"),
        },
        id="quote_leaves_other_documents_objects",
    ),
    pytest.param(
        "# Dự toán ngân sách năm 2026\n\nTại Điều 1 Nghị quyết 250/2025/QH15 quy định như sau:\n\nDự toán thu ngân sách nhà nước năm 2026 được thông qua.\n\nĐồng thời, theo Điều 5 Nghị định 73/2024/NĐ-CP, mức lương cơ sở là 2,34 triệu đồng/tháng.\n",
        set(),
        id="quote_ends_dong_thoi_theo",
    ),
    pytest.param(
        "# Dự toán ngân sách năm 2026\n\nTại Điều 1 Nghị quyết 250/2025/QH15 quy định như sau:\n\nDự toán thu ngân sách nhà nước năm 2026 được thông qua.\n\nDự toán ngân sách năm 2026 (Hình từ Internet)\n\nNgười lao động hưởng lương theo Nghị định 73/2024/NĐ-CP.\n",
        set(),
        id="quote_ends_at_picture_caption",
    ),
    pytest.param(
        "# Tuyên truyền Nghị quyết 68-NQ/TW\n\nTheo Mục II Nghị quyết 68-NQ/TW nêu rõ mục tiêu như sau:\n\n(1) Đến năm 2030 kinh tế tư nhân là động lực quan trọng nhất.\n\nHình thức tuyên truyền theo Kế hoạch 270\n\nHình thức tuyên truyền được quy định tại Mục III Kế hoạch 270/KH-UBND năm 2025, cụ thể như sau:\n\n- Tuyên truyền trên báo chí.\n",
        set(),
        id="quote_ends_before_heading_of_next_source",
    ),
    pytest.param(
        state(
            "5690/CT-CS",
            "Cục Thuế nhận được công văn của Công ty về chính sách thuế. Về vấn đề này, Cục Thuế có ý kiến như sau:\n\n"
            "- Tại khoản 9 Điều 71 Luật Khoa học, công nghệ và đổi mới sáng tạo số\n93/2025/QH15 ngày 27/6/2025 quy định:\n\n"
            "“9. Bãi bỏ\ncác điều 3, 4 và 9 của Nghị quyết\nsố 193/2025/QH15 về thí điểm một số cơ chế, chính sách đặc biệt”.\n\n"
            "- Liên quan đến nội dung này, Bộ Khoa học và Công nghệ có công văn số 5460/BKHCN-KHTC ngày 09/10/2025.\n\n"
            "Cục Thuế trả lời để Công ty biết.",
            kind="CÔNG VĂN",
        ),
        {("5690/CT-CS", "cites", "93/2025/QH15"), ("93/2025/QH15", "repeals", "193/2025/QH15")},
        id="hard_wrapped_quote_in_quotation_marks",
    ),
]


# Sentences a reviewer found this round's rules broke (each read right before them).
ROWS += [
    pytest.param(
        "Thông tư 20/2022/TT-BTC thay thế Thông tư 10/2020/TT-BTC, vậy doanh nghiệp có phải nộp lại hồ sơ không?",
        {("20/2022/TT-BTC", "replaces", "10/2020/TT-BTC")},
        id="statement_before_a_question",
    ),
    pytest.param(
        "Thông tư 20/2022/TT-BTC bãi bỏ các mẫu biểu đã có tại Thông tư 10/2020/TT-BTC.",
        {("20/2022/TT-BTC", "repeals", "10/2020/TT-BTC")},
        id="da_co_is_no_scope_break",
    ),
]


# Third round: kinds that recur across texts of the tune sets' misses.
ROWS += [
    pytest.param(  # a quoted line that refers mid-clause to another decree and ends on "như sau:" goes on quoting
        "# Hỏi đáp về chế độ báo cáo tai nạn lao động\n\n"
        "Căn cứ Điều 12 Nghị định 88/2025/NĐ-CP quy định về báo cáo tai nạn lao động như sau:\n\n"
        "Báo cáo tai nạn lao động\n\n"
        "Việc báo cáo định kỳ về tai nạn lao động thực hiện theo quy định tại khoản 3 Điều 36 "
        "Nghị định số 39/2016/NĐ-CP ngày 15 tháng 5 năm 2016 của Chính phủ như sau:\n\n"
        "Người sử dụng lao động gửi báo cáo trước ngày 10 tháng 7 hằng năm.\n",
        {("88/2025/NĐ-CP", "cites", "39/2016/NĐ-CP")},
        id="quoted_line_refers_mid_clause",
    ),
    pytest.param(  # the author's own new source still ends the quote
        "# Hỏi đáp về chế độ báo cáo tai nạn lao động\n\n"
        "Căn cứ Điều 12 Nghị định 88/2025/NĐ-CP quy định về báo cáo tai nạn lao động như sau:\n\n"
        "Người sử dụng lao động gửi báo cáo trước ngày 10 tháng 7 hằng năm.\n\n"
        "Bên cạnh đó, tại Điều 36 Nghị định số 39/2016/NĐ-CP quy định như sau:\n\n"
        "Báo cáo được gửi theo Mẫu số 02 tại Thông tư 07/2016/TT-BLĐTBXH.\n",
        {("39/2016/NĐ-CP", "cites", "07/2016/TT-BLĐTBXH")},
        id="author_source_still_ends_quote",
    ),
    pytest.param(  # the amending decree of a parenthesised note is the note's, not the quoting decree's
        "# Hỏi đáp về miễn thuế đất nông nghiệp\n\n"
        "Căn cứ Điều 2 Nghị định 118/2025/NĐ-CP quy định về đối tượng được miễn thuế như sau:\n\n"
        "Đối tượng được miễn thuế thực hiện theo quy định tại Điều 1 Nghị quyết 41/2012/QH13 của Quốc hội "
        "(đã được sửa đổi, bổ sung một số điều theo Nghị quyết 17/2019/QH14 của Quốc hội).\n",
        {("118/2025/NĐ-CP", "cites", "41/2012/QH13"), ("17/2019/QH14", "amends", "41/2012/QH13")},
        id="amended_by_note_in_quote",
    ),
    pytest.param(  # "Theo Phụ lục 2 ban hành kèm theo Nghị định A quy định ...:" opens A's text
        "# Hỏi đáp về hoàn thuế cho người xuất cảnh\n\n"
        "Theo Mục 2 Phụ lục 3 được ban hành kèm theo Nghị định 74/2025/NĐ-CP quy định hàng hóa được hoàn thuế "
        "khi đáp ứng điều kiện sau đây:\n\n"
        "(1) Hàng hóa không thuộc danh mục cấm xuất khẩu quy định tại Nghị định 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019.\n",
        {("74/2025/NĐ-CP", "cites", "31/2019/NĐ-CP")},
        id="annex_issued_with_opens_quote",
    ),
    pytest.param(  # the submission a proposal names is cited; the proposal itself is no basis
        state(
            "2150/QĐ-UBND",
            "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\n"
            "Theo đề nghị của Giám đốc Sở\nNội vụ tại Tờ trình số 811/TTr-SNV ngày 05 tháng 11 năm 2025.\n\n"
            "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành quy chế làm việc.",
        ),
        {("2150/QĐ-UBND", "based_on", "72/2025/QH15"), ("2150/QĐ-UBND", "cites", "811/TTr-SNV")},
        id="proposal_names_its_submission",
    ),
    pytest.param(  # a page closing on "Căn cứ pháp lý: ... Quyết định A" is A's text
        "# Thủ tục cấp lại giấy phép khai thác nước mặt\n\n"
        "(1) Tổ chức nộp hồ sơ theo Mẫu số 05 ban hành kèm theo Nghị định số 54/2024/NĐ-CP.\n\n"
        "(2) Cơ quan tiếp nhận kiểm tra hồ sơ trong 05 ngày làm việc.\n\n"
        "(3) Kết quả được trả trong 10 ngày làm việc.\n\n---\n\n"
        "**Căn cứ pháp lý:** Tiểu mục 3 Mục A Phần II Thủ tục hành chính ban hành kèm theo "
        "Quyết định 1185/QĐ-BNNMT năm 2025.\n",
        {("1185/QĐ-BNNMT", "cites", "54/2024/NĐ-CP")},
        id="basis_footer_names_the_source",
    ),
    pytest.param(  # an aspect word between "về" and the implementing verb
        "Ngày 12/6/2025, Ban Bí thư ban hành Kết luận 160-KL/TW về tiếp tục thực hiện Chỉ thị 21-CT/TW "
        "về công tác phụ nữ.",
        {("160-KL/TW", "implements", "21-CT/TW")},
        id="ve_tiep_tuc_thuc_hien",
    ),
    pytest.param(  # a directive that says in its body that it guides an article of another document
        party("09-HD/TU", "Hướng dẫn này hướng dẫn Điều 4 Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị."),
        {("09-HD/TU", "implements", "205-QĐ/TW")},
        id="self_guides_an_article",
    ),
    pytest.param(  # "quy định chi tiết" said of itself; "theo Điều 7 ..." after a bare "hướng dẫn" stays a reference
        state(
            "72/2025/QĐ-UBND",
            "Điều 1. Phạm vi điều chỉnh\n\nQuyết định này quy định chi tiết khoản 3 Điều 12 Nghị định số "
            "27/2024/NĐ-CP ngày 6 tháng 3 năm 2024 của Chính phủ.\n\nĐiều 2. Sở Tài chính hướng dẫn cách lập "
            "dự toán theo Điều 7 Thông tư số 12/2024/TT-BTC.",
        ),
        {("72/2025/QĐ-UBND", "implements", "27/2024/NĐ-CP"), ("72/2025/QĐ-UBND", "cites", "12/2024/TT-BTC")},
        id="self_details_a_decree",
    ),
    pytest.param(  # a parenthesised note without "được" is passive; its agent is no reference of the text
        state(
            "73/2025/QĐ-UBND",
            "Căn cứ Nghị định số 47/2021/NĐ-CP ngày 01/4/2021 của Chính phủ (sửa đổi, bổ sung theo Nghị định số "
            "16/2024/NĐ-CP);\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành quy chế.",
        ),
        {("73/2025/QĐ-UBND", "based_on", "47/2021/NĐ-CP"), ("16/2024/NĐ-CP", "amends", "47/2021/NĐ-CP")},
        id="note_sua_doi_theo",
    ),
    pytest.param(  # "được sửa đổi ... theo Luật số B" in a Căn cứ line reads like "bởi": B is a basis too
        state(
            "74/2025/QĐ-UBND",
            "Căn cứ Luật Đầu tư công số 58/2024/QH15 đã được sửa đổi, bổ sung một số điều theo Luật số "
            "90/2025/QH15;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành quy chế.",
        ),
        {
            ("74/2025/QĐ-UBND", "based_on", "58/2024/QH15"),
            ("74/2025/QĐ-UBND", "based_on", "90/2025/QH15"),
            ("90/2025/QH15", "amends", "58/2024/QH15"),
        },
        id="can_cu_amended_theo",
    ),
    pytest.param(  # a committee named before "tại" is the document's author, not part of its name
        state(
            "3150/UBND-NC",
            "Thực hiện chỉ đạo của Ban Chỉ đạo Trung ương tại Công văn số 45-CV/BCĐ ngày 10/10/2025, "
            "UBND tỉnh đề nghị các sở rà soát.\n\nỦy ban nhân dân tỉnh đề nghị Ban Chỉ đạo tổng kết "
            "Nghị quyết 18-NQ/TW của tỉnh báo cáo kết quả.",
            kind="",
            subject="V/v sắp xếp",
        ),
        {("3150/UBND-NC", "implements", "45-CV/BCĐ")},
        id="committee_tai_document",
    ),
    pytest.param(  # a directive whose header was lost in copying: its "Số:" line, its type title, its Căn cứ
        "Số: 1702/NQ-UBTVQH15 |\n|\n\n**NGHỊ QUYẾT**\n\n**Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh "
        "Điện Biên năm 2025**\n\n**ỦY BAN THƯỜNG VỤ QUỐC HỘI**\n\n*Căn cứ Luật Tổ chức chính quyền địa phương số "
        "72/2025/QH15;*\n\n*Xét đề nghị của Chính phủ tại Tờ trình số 390/TTr-CP ngày 09 tháng 5 năm 2025,*\n\n"
        "**QUYẾT NGHỊ:**\n\n**Điều 1.** Sắp xếp các đơn vị hành chính cấp xã của tỉnh Điện Biên.\n",
        {("1702/NQ-UBTVQH15", "based_on", "72/2025/QH15"), ("1702/NQ-UBTVQH15", "cites", "390/TTr-CP")},
        id="header_lost_number_line",
    ),
    pytest.param(  # a "Số:" line whose title is of another type is not the text's own code
        "Số: 1702/NQ-UBTVQH15 |\n\n**THÔNG BÁO**\n\n*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*\n",
        set(),
        id="header_lost_type_must_match",
    ),
    pytest.param(  # a news page that gives a document's full text reads its Căn cứ block as the document's
        "Ngày 3/10/2025, Phó Thủ tướng đã ký ban hành Nghị quyết số 08/2025/NQ-CP của Chính phủ về thí điểm "
        "sàn giao dịch carbon. Cổng TTĐT Chính phủ giới thiệu toàn văn Nghị quyết.\n\n**NGHỊ QUYẾT**\n\n"
        "**Về thí điểm sàn giao dịch carbon**\n\n**CHÍNH PHỦ**\n\n*Căn cứ Luật Bảo vệ môi trường số "
        "72/2020/QH14;*\n\n**QUYẾT NGHỊ:**\n\nĐiều 1. Thí điểm sàn giao dịch carbon.\n",
        {("08/2025/NQ-CP", "based_on", "72/2020/QH14")},
        id="full_text_on_a_news_page",
    ),
    pytest.param(  # a law named in lower case before "số A": "tại Điều 11" still governs A
        state(
            "5720/CT-CS",
            "Về vấn đề này, Cục Thuế có ý kiến như sau:\n\n- Tại Điều 3 Luật thuế giá trị gia tăng số "
            "48/2024/QH15 quy định đối tượng chịu thuế.\n\nCục Thuế trả lời để Công ty biết.",
            kind="CÔNG VĂN",
            subject="V/v thuế giá trị gia tăng",
        ),
        {("5720/CT-CS", "cites", "48/2024/QH15")},
        id="lower_case_law_name",
    ),
    pytest.param(  # the effect clause and "thay thế" joined by a semicolon, in a directive
        state(
            "75/2025/QĐ-UBND",
            "QUYẾT ĐỊNH:\n\nĐiều 4. Quyết định này có hiệu lực thi hành kể từ ngày 15/12/2025; thay thế "
            "Quyết định số 21/2022/QĐ-UBND ngày 10/6/2022 của Ủy ban nhân dân tỉnh.",
        ),
        {("75/2025/QĐ-UBND", "replaces", "21/2022/QĐ-UBND")},
        id="effect_semicolon_thay_the",
    ),
    pytest.param(  # the same on a news page, where "Nghị định này" is read as the page's decree
        "## Bộ Nội vụ có cơ cấu mới\n\nNghị định số 25/2025/NĐ-CP quy định cơ cấu tổ chức của Bộ Nội vụ.\n\n"
        "Nghị định này có hiệu lực thi hành từ ngày 1/3/2025; thay thế Nghị định số 63/2022/NĐ-CP ngày "
        "12/9/2022 của Chính phủ.\n",
        {("25/2025/NĐ-CP", "replaces", "63/2022/NĐ-CP")},
        id="effect_semicolon_thay_the_page",
    ),
]

# Fourth round, from bench-relations2's tune half (scored fresh first): a list of references whose
# next item opens with its article, a table of documents whose rows are no one sentence.
ROWS += [
    pytest.param(
        state(
            "31/2025/QĐ-UBND",
            "Căn cứ Luật Lâm nghiệp số 16/2017/QH14;\n\nQUYẾT ĐỊNH:\n\nĐiều 2. Việc thanh lý rừng trồng thực hiện "
            "theo quy định tại khoản 2 Điều 21 Luật Lâm nghiệp số 16/2017/QH14 ngày 15 tháng 11 năm 2017, Điều 8 "
            "Nghị định số 140/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính phủ.",
        ),
        {("31/2025/QĐ-UBND", "based_on", "16/2017/QH14"), ("31/2025/QĐ-UBND", "cites", "140/2025/NĐ-CP")},
        id="reference_list_item_with_its_article",
    ),
    pytest.param(
        "# Các văn bản về phụ cấp thâm niên\n\n| STT | Văn bản |\n|---|---|\n"
        "| 1 | Thông tư 18/2024/TT-BYT hướng dẫn thực hiện chế độ phụ cấp cho nhân viên y tế thôn | |\n"
        "| 2 | Thông tư 40/2024/TT-BTC sửa đổi Thông tư 12/2018/TT-BTC về lập dự toán kinh phí |\n",
        {("40/2024/TT-BTC", "amends", "12/2018/TT-BTC")},
        id="table_rows_are_no_one_sentence",
    ),
    # from bench-relations3's tune half: an opener wrapped after its first word, a quote whose
    # first line is the quoted document's own basis
    pytest.param(
        state(
            "32/2025/QĐ-UBND",
            "*Căn cứ Quyết định số 1085/QĐ-TTg ngày 15 tháng 9 năm 2022 của Thủ tướng Chính phủ ban hành Kế "
            "hoạch rà soát thủ tục hành chính;*\n*Căn\ncứ Quyết định số 410/QĐ-BNNMT ngày 07/11/2025 "
            "của Bộ trưởng Bộ Nông nghiệp và Môi trường về việc công bố thủ tục hành chính;*\n\n"
            "QUYẾT ĐỊNH:\n\nĐiều 1. Công bố kèm theo Quyết định này danh mục thủ tục hành chính.",
        ),
        {("32/2025/QĐ-UBND", "based_on", "1085/QĐ-TTg"), ("32/2025/QĐ-UBND", "based_on", "410/QĐ-BNNMT")},
        id="basis_opener_wrapped_after_can",
    ),
    pytest.param(
        "## Thẻ bảo hiểm y tế mẫu cũ còn dùng được không?\n\n"
        "Theo quy định tại Công văn 210/BHXH-QLT năm 2025 như sau:\n\n"
        "Căn cứ quy định tại Điều 3 Nghị định số 31/2025/NĐ-CP ngày 24/02/2025 của Chính phủ, Bảo hiểm xã hội "
        "các tỉnh tiếp tục sử dụng phôi thẻ cũ đến hết năm.\n\nNhư vậy, thẻ mẫu cũ vẫn được dùng.\n",
        {("210/BHXH-QLT", "based_on", "31/2025/NĐ-CP")},
        id="quote_opens_with_its_basis",
    ),
    pytest.param(  # "có hiệu lực kể từ ngày ký ban hành và thay thế": the date is no new clause
        "## Danh mục thủ tục mới\n\nQuyết định 1820/QĐ-UBND năm 2025 có hiệu lực kể từ ngày ký ban hành và "
        "thay thế các thủ tục số 2, 3 Phụ lục ban hành kèm theo Quyết định 1304/QĐ-UBND năm 2025.\n",
        {("1820/QĐ-UBND", "replaces", "1304/QĐ-UBND")},
        id="effect_from_signing_then_replaces",
    ),
    # from bench-relations4's tune half: a numbered clause of a quoted article opening with its
    # basis; the author's "Theo đó, căn cứ tại Điều 1 Thông tư A" naming where a change is written
    pytest.param(
        "## Thu nhập nào được miễn thuế?\n\nĐồng thời, khoản 1 Điều 3 Thông tư 92/2015/TT-BTC cũng quy định:\n\n"
        "Điều 3. Các khoản thu nhập được miễn thuế\n\n1. Căn cứ quy định tại Điều 4 của Luật Thuế thu nhập cá "
        "nhân, Điều 4 của Nghị định số 12/2015/NĐ-CP, các khoản thu nhập được miễn thuế bao gồm:\n\n"
        "a) Thu nhập từ chuyển nhượng nhà ở.\n\nNhư vậy, thu nhập này được miễn thuế.\n",
        {("92/2015/TT-BTC", "based_on", "12/2015/NĐ-CP")},
        id="quoted_numbered_clause_basis",
    ),
    pytest.param(
        "## Sửa đổi chương trình giáo dục\n\nNgày 12/9/2025, Bộ Giáo dục và Đào tạo đã ban hành Thông tư "
        "19/2025/TT-BGDĐT sửa đổi chương trình ban hành kèm theo Thông tư 32/2018/TT-BGDĐT.\n\n"
        "Theo đó, căn cứ tại Điều 1 Thông tư 19/2025/TT-BGDĐT, Bộ Giáo dục và Đào tạo sửa đổi chương trình "
        "ban hành kèm theo Thông tư 32/2018/TT-BGDĐT đã được sửa đổi theo Thông tư 20/2021/TT-BGDĐT như sau:\n\n"
        "1. Sửa đổi mục tiêu.\n",
        {("19/2025/TT-BGDĐT", "amends", "32/2018/TT-BGDĐT"), ("20/2021/TT-BGDĐT", "amends", "32/2018/TT-BGDĐT")},
        id="author_attribution_after_theo_do",
    ),
    # from bench-relations5's tune half: the effect clause after the document's subject, and a code
    # whose first slash was written as a space
    pytest.param(
        "## Quyết định về giấy phép xây dựng\n\nTheo Điều 5 Quyết định 140/2025/QĐ-UBND thì Quyết định "
        "140/2025/QĐ-UBND về cấp giấy phép xây dựng tại Huế có hiệu lực từ ngày 12/12/2025 và thay thế Quyết "
        "định 45/2023/QĐ-UBND của Ủy ban nhân dân tỉnh.\n",
        {("140/2025/QĐ-UBND", "replaces", "45/2023/QĐ-UBND")},
        id="subject_with_its_subject_then_effect",
    ),
    pytest.param(
        "## Phí lý lịch tư pháp\n\nThông tư 18 2025/TT-BTC có hiệu lực thi hành kể từ ngày 24/4/2025 và thay "
        "thế Thông tư 240/2016/TT-BTC.\n",
        {("18/2025/TT-BTC", "replaces", "240/2016/TT-BTC")},
        id="code_with_a_space_for_its_slash",
    ),
    # from bench-relations6's tune half: a list of the documents a named one replaces, and a
    # quoted article whose first line opens like an author's source
    pytest.param(
        "## Nghị định 190/2025/NĐ-CP thay thế những văn bản nào?\n\nCăn cứ tại khoản 2 Điều 38 Nghị định "
        "190/2025/NĐ-CP thì:\n\n*Nghị định 190/2025/NĐ-CP thay thế:*\n\n**(1)** Nghị định 201/2013/NĐ-CP ngày "
        "18 tháng 12 năm 2013 của Chính phủ quy định chi tiết Luật Thuế.\n\n**(2)** Nghị định 41/2022/NĐ-CP ngày 29 "
        "tháng 7 năm 2022 của Chính phủ.\n\nNhư vậy, hai nghị định trên hết hiệu lực.\n",
        {("190/2025/NĐ-CP", "replaces", "201/2013/NĐ-CP"), ("190/2025/NĐ-CP", "replaces", "41/2022/NĐ-CP")},
        id="replacement_list",
    ),
    pytest.param(
        "## Thu nhập từ quà tặng có chịu thuế?\n\nCăn cứ theo khoản 10 Điều 2 Thông tư 92/2015/TT-BTC quy định "
        "như sau:\n\nĐiều 2. Các khoản thu nhập chịu thuế\n\nTheo quy định tại Điều 3 Luật Thuế thu nhập cá nhân "
        "và Điều 3 Nghị định số 12/2015/NĐ-CP, các khoản thu nhập chịu thuế bao gồm:\n\na) Thu nhập từ quà tặng.\n\n"
        "Như vậy, trừ các trường hợp miễn thuế tại Điều 3 Thông tư 92/2015/TT-BTC.\n",
        {("92/2015/TT-BTC", "cites", "12/2015/NĐ-CP")},
        id="quoted_article_first_line",
    ),
    pytest.param(  # from bench-relations7's tune half: "cũng" between the document and its verb
        "## Mức đóng bảo hiểm y tế\n\nNghị định 75/2025/NĐ-CP cũng sửa đổi, bổ sung khoản 1 Điều 4 Nghị định "
        "71/2015/NĐ-CP về mức đóng bảo hiểm y tế hằng tháng như sau:\n\n1. Mức đóng mới.\n",
        {("75/2025/NĐ-CP", "amends", "71/2015/NĐ-CP")},
        id="cung_before_the_verb",
    ),
    # from the review: a reply letter's own basis, a parent's next clause after a replacement list,
    # a document of a new clause after a comma and an article
    pytest.param(
        "## Hoàn thuế\n\nTrả lời công văn số 56/CV-ABC ngày 3/3/2025 của Công ty, Cục Thuế có ý kiến như sau:"
        "\n\nCăn cứ khoản 2 Điều 5 Thông tư số 80/2021/TT-BTC của Bộ Tài chính, doanh nghiệp được hoàn thuế."
        "\n\nNghị định 10/2025/NĐ-CP sửa đổi Nghị định 20/2015/NĐ-CP.\n",
        {("10/2025/NĐ-CP", "amends", "20/2015/NĐ-CP")},  # and no "56/CV-ABC based_on 80/2021/TT-BTC"
        id="reply_letters_basis_is_not_the_answered_letters",
    ),
    pytest.param(
        "## Nghị định thay thế\n\n2. Nghị định 190/2025/NĐ-CP thay thế:\n\na) Nghị định 201/2013/NĐ-CP ngày 18 "
        "tháng 12 năm 2013.\n\nb) Nghị định 41/2022/NĐ-CP ngày 29 tháng 7 năm 2022.\n\n3. Thông tư 20/2020/TT-BTC "
        "tiếp tục có hiệu lực.\n",
        {("190/2025/NĐ-CP", "replaces", "201/2013/NĐ-CP"), ("190/2025/NĐ-CP", "replaces", "41/2022/NĐ-CP")},
        id="replacement_list_ends_at_the_next_clause",
    ),
    pytest.param(
        "## Sửa đổi\n\nNghị định 10/2025/NĐ-CP sửa đổi Nghị định 20/2015/NĐ-CP, Điều 3 Thông tư 30/2020/TT-BTC "
        "vẫn giữ nguyên hiệu lực.\n",
        {("10/2025/NĐ-CP", "amends", "20/2015/NĐ-CP")},
        id="article_after_a_comma_opens_a_new_clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_issue20_kinds(text, expected):
    assert relations_of(text) == expected


def test_the_last_of_a_list_of_forms_is_no_document():
    # "các Mẫu số 03, 04 và 05/BHYT-QĐ" names forms of a circular, not a document coded 5/BHYT-QĐ
    text = "Lập danh sách theo các Mẫu số 03, 04 và 05/BHYT-QĐ Phụ lục ban hành kèm theo Thông tư 98/2025/TT-BQP."
    assert [c.code for c in extract_citations(text)] == ["98/2025/TT-BQP"]


def test_an_articles_number_before_a_year_and_type_is_no_code():
    assert [c.code for c in extract_citations("Điều 12 2019/QH14 quy định và Thông tư 16 2025/TT-BTC.")] == [
        "16/2025/TT-BTC"
    ]
