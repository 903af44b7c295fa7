"""Kinds of relation sentences read from the tune sets' misses (issue 20), in sentences of our own
wording: a document's quoted text that repeals, replaces or changes another with no agent named,
a passive verb whose "bởi" was dropped before the amending part, an amending law named after the
law it amends in a "Căn cứ" block, "Thực hiện" whose first object has no code, yes-no questions,
"thực hiện theo quy định tại" (cites), a verb whose object is only described by a reference.
Rows expect the exact set of triples, so a row fails both on a missed and on an extra relation."""

from __future__ import annotations

import pytest

from tests.test_relations_kinds import relations_of

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
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 61/2025/QĐ-UBND\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc quản lý rừng\n\nCăn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\nCăn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15; Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số 87/2025/QH15;\n\nTheo đề nghị của Giám đốc Sở Tư pháp.\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy định về hỗ trợ pháp lý.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Nam\n",
        {
            ("87/2025/QH15", "amends", "64/2025/QH15"),
            ("61/2025/QĐ-UBND", "based_on", "87/2025/QH15"),
            ("61/2025/QĐ-UBND", "based_on", "64/2025/QH15"),
            ("61/2025/QĐ-UBND", "based_on", "72/2025/QH15"),
        },
        id="can_cu_amending_law",
    ),
    pytest.param(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 63/2025/QĐ-UBND\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc quản lý rừng\n\nCăn cứ Quyết định số 15/2025/QĐ-TTg ngày 10 tháng 4 năm 2025 của Thủ tướng Chính phủ;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Phạm vi\n\n1. Bổ sung số lượng thiết bị chuyên dùng đã quy định tại khoản 1 Điều 4 Quyết định số 15/2025/QĐ-TTg để phục vụ chuyển đổi số.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Nam\n",
        {("63/2025/QĐ-UBND", "based_on", "15/2025/QĐ-TTg")},
        id="self_verb_object_ref",
    ),
    pytest.param(
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 64/2025/QĐ-UBND\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc quản lý rừng\n\nCăn cứ Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 56/2024/QH15 và Luật số 90/2025/QH15;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành quy định.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Nam\n",
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
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 988/KH-UBND\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nKẾ HOẠCH\nVề việc quản lý rừng\n\nThực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị số 45-CT/TW ngày 14 tháng 4 năm 2025 của Bộ Chính trị; Quyết định số 2437/QĐ-TTg ngày 04 tháng 11 năm 2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:\n\nI. MỤC ĐÍCH\n\nTổ chức quán triệt, triển khai thực hiện Chỉ thị số 41-CT/TW ngày 26/12/2024 của Bộ Chính trị.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nHoàng Nam\n",
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
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_issue20_kinds(text, expected):
    assert relations_of(text) == expected
