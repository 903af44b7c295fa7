"""Dates, periods, terms and a text's own date: tables of real-shaped snippets.

Each table row is (snippet, expected). ``expected`` lists what ``find_dates``
must return as (kind, value-or-range, matched text); an empty list means the
snippet holds no date at all (the negatives).
"""

import json

import pytest

from extractors.dates import find_dates, find_published, resolve_partial
from extractors.models import DateMention

# (snippet, [(kind, value or range, text as matched)])
FIND_DATES_CASES = [
    # --- full numeric dates, three separators, with and without "ngày"
    ("Hướng dẫn 16-HD/BTCTW, ngày 15/02/2022 của Ban Tổ chức Trung ương", [("date", "2022-02-15", "ngày 15/02/2022")]),
    ("Kết luận số 12-KL/TW ngày 22-3-2017 của Bộ Chính trị", [("date", "2017-03-22", "ngày 22-3-2017")]),
    ("Hướng dẫn số 15-HD/BTCTW ngày 5-11-2012 của Ban Tổ chức Trung ương", [("date", "2012-11-05", "ngày 5-11-2012")]),
    ("Hội nghị diễn ra ngày 01.04.2021 tại hội trường tỉnh", [("date", "2021-04-01", "ngày 01.04.2021")]),
    ("Chiều 9/8/2023, tại Cần Thơ, Ban Dân vận Trung ương tổ chức tọa đàm", [("date", "2023-08-09", "9/8/2023")]),
    ("Sáng ngày 10/5/2022, Ban Thường vụ Huyện ủy tổ chức hội nghị", [("date", "2022-05-10", "ngày 10/5/2022")]),
    ("QUYẾT ĐỊNH NGÀY30/11/2004 CỦA BỘ CHÍNH TRỊ", [("date", "2004-11-30", "NGÀY30/11/2004")]),
    ("THỨ NĂM, 01/04/2021 18:14:15", [("date", "2021-04-01", "01/04/2021")]),
    ("Văn bản số 43-CV/TU ngày\n12/11/2025 về việc tăng cường quản lý", [("date", "2025-11-12", "ngày\n12/11/2025")]),
    (
        "- 25/3/1946-20/11/1946: Phan Phác, Đại tá",
        [("date", "1946-03-25", "25/3/1946"), ("date", "1946-11-20", "20/11/1946")],
    ),
    ("- 30/1/1947-1948: Nguyễn Sơn, Thiếu tướng", [("date", "1947-01-30", "30/1/1947")]),
    ("ngày 29/02/2024 là ngày nhuận", [("date", "2024-02-29", "ngày 29/02/2024")]),
    # --- dates in words
    (
        "Thông tư ban hành ngày 27 tháng 12 năm 2021 của Bộ Nội vụ",
        [("date", "2021-12-27", "ngày 27 tháng 12 năm 2021")],
    ),
    ("*Hà Nội, ngày 18\ntháng 11 năm 2025*", [("date", "2025-11-18", "ngày 18\ntháng 11 năm 2025")]),
    ("THÀNH LẬP NGÀY 06 THÁNG 05 NĂM 1946", [("date", "1946-05-06", "NGÀY 06 THÁNG 05 NĂM 1946")]),
    ("| Thành lập | 22 tháng 12 năm 1944 |", [("date", "1944-12-22", "22 tháng 12 năm 1944")]),
    (
        "Phạm Thế Duyệt 1997-1999 10 tháng 8, 1936",
        [("period", ("1997", "1999"), "1997-1999"), ("date", "1936-08-10", "10 tháng 8, 1936")],
    ),
    (
        "Đêm mùng 9 rạng mùng 10 tháng 11 năm 1867, nghĩa quân tấn công",
        [("date", "1867-11-10", "mùng 10 tháng 11 năm 1867")],
    ),
    ("Thứ Sáu, Tháng Bảy 19, 2024", [("date", "2024-07-19", "Tháng Bảy 19, 2024")]),
    ("Chủ Nhật, Tháng Mười Hai 1, 2024", [("date", "2024-12-01", "Tháng Mười Hai 1, 2024")]),
    ("Ở miền Bắc, ngày 20/8 năm 1945, hơn 20 vạn người", [("date", "1945-08-20", "ngày 20/8 năm 1945")]),
    ("lịch nghỉ lễ Quốc khánh 2/9 năm 2025 ra sao", [("date", "2025-09-02", "2/9 năm 2025")]),
    ("tháng 7-8 năm 1922 Bão Sán Đầu", [("year", "1922", "năm 1922")]),  # months, not a day
    # --- a partial date takes the year of the full date closing its range
    (
        "lần thứ V từ ngày 16-1 đến ngày 2-2-1961 và",
        [("date", "1961-01-16", "ngày 16-1"), ("date", "1961-02-02", "ngày 2-2-1961")],
    ),
    (
        "họp từ ngày 20/12 đến ngày 5/1/2024 tại",
        [("date", "2023-12-20", "ngày 20/12"), ("date", "2024-01-05", "ngày 5/1/2024")],
    ),
    (
        "Thời gian chiêm bái: Từ 17h ngày 22.5 đến 22h ngày 24.5.2025",
        [("date", "2025-05-22", "ngày 22.5"), ("date", "2025-05-24", "ngày 24.5.2025")],
    ),
    # --- several days sharing one month
    (
        "Khí tượng thủy văn quốc gia, ngày 20 và\n21/11/2025, tại khu vực",
        [("date", "2025-11-20", "ngày 20"), ("date", "2025-11-21", "21/11/2025")],
    ),
    (
        "họp từ ngày 12 đến ngày 15 tháng 10 năm 1923, đã",
        [("date", "1923-10-12", "ngày 12"), ("date", "1923-10-15", "ngày 15 tháng 10 năm 1923")],
    ),
    (
        "được tổ chức vào ngày 7-8 tháng 11, cuộc",
        [("partial", "--11-07", "ngày 7"), ("partial", "--11-08", "8 tháng 11")],
    ),
    (
        "Bản gốc lưu trữ tháng 6 17, 2015. Truy cập tháng 6 16, 2015.",
        [("date", "2015-06-17", "tháng 6 17, 2015"), ("date", "2015-06-16", "tháng 6 16, 2015")],
    ),
    # --- partial dates, kept partial without an anchor
    ("Tuy nhiên, sáng nay (26/5), theo Thông báo", [("partial", "--05-26", "sáng nay (26/5")]),
    ("Chiều 1.4, đồng chí Phó Bí thư chủ trì hội thảo", [("partial", "--04-01", "Chiều 1.4")]),
    ("Sáng 11/3, Văn phòng Chủ tịch nước tổ chức họp báo", [("partial", "--03-11", "Sáng 11/3")]),
    ("chiều ngày 18/6, đoàn công tác làm việc với tỉnh", [("partial", "--06-18", "chiều ngày 18/6")]),
    ("làm việc từ ngày 12/12, tổ công tác đã", [("partial", "--12-12", "ngày 12/12")]),
    ("trước ngày 05 tháng 02, các đơn vị gửi báo cáo", [("partial", "--02-05", "ngày 05 tháng 02")]),
    ("Tối 30-4, thành phố bắn pháo hoa", [("partial", "--04-30", "Tối 30-4")]),
    # --- months
    ("Tính đến tháng 3/2022, toàn tỉnh có 120 tổ chức đảng", [("month", "2022-03", "tháng 3/2022")]),
    ("Đến tháng 3 năm 2022, công tác quy hoạch hoàn thành", [("month", "2022-03", "tháng 3 năm 2022")]),
    ("kể từ tháng 10-2014 đến nay", [("month", "2014-10", "tháng 10-2014")]),
    (
        "| Thành lập | 8/2004 - 1/2018 (kết thúc hoạt động)",
        [("month", "2004-08", "8/2004"), ("month", "2018-01", "1/2018")],
    ),
    ("- 07.2023 - nay, Nguyễn Minh Long, Thiếu tướng", [("month", "2023-07", "07.2023")]),
    ("Sau Cách mạng Tháng Tám năm 1945, phủ Thừa Thiên", [("month", "1945-08", "Tháng Tám năm 1945")]),
    ("Tháng giêng năm 1954 mãn khóa", [("month", "1954-01", "Tháng giêng năm 1954")]),
    # --- years
    ("Luật Đất đai năm 2024 có hiệu lực", [("year", "2024", "năm 2024")]),
    ("định hướng đến năm 2030", [("year", "2030", "năm 2030")]),
    # --- periods and terms
    (
        "giai đoạn 2021-2025, định hướng đến năm 2030",
        [("period", ("2021", "2025"), "2021-2025"), ("year", "2030", "năm 2030")],
    ),
    ("6 tháng đầu năm 2024, Ban đã hoàn thành", [("period", ("2024-01", "2024-06"), "6 tháng đầu năm 2024")]),
    ("triển khai nhiệm vụ 6 tháng cuối năm 2024", [("period", ("2024-07", "2024-12"), "6 tháng cuối năm 2024")]),
    ("giá nhà ở trong quý II/2025 tăng", [("period", ("2025-04", "2025-06"), "quý II/2025")]),
    ("quy hoạch cán bộ nhiệm kỳ 2020 - 2025", [("term", ("2020", "2025"), "2020 - 2025")]),
    (
        "quản lý nhiệm kỳ 2020 - 2025, 2021 - 2026 và xây dựng quy hoạch",
        [("term", ("2020", "2025"), "2020 - 2025"), ("term", ("2021", "2026"), "2021 - 2026")],
    ),
    (
        "nhiệm kỳ 2025- 2030, 2026- 2031 bằng hình thức bỏ phiếu kín",
        [("term", ("2025", "2030"), "2025- 2030"), ("term", ("2026", "2031"), "2026- 2031")],
    ),
    ("Ủy ban Thường vụ Quốc hội khóa XIV (2016-2021)", [("term", ("2016", "2021"), "2016-2021")]),
    ("Khóa thứ I(2025 - 2030) Cơ cấu Tỉnh ủy", [("term", ("2025", "2030"), "2025 - 2030")]),
    (
        "đào tạo cán bộ giai đoạn 2017 – 2020 gắn với quy hoạch",  # raw en dash
        [("period", ("2017", "2020"), "2017 – 2020")],
    ),
    ("- 1950-1958, Nguyễn Trọng Vĩnh, Thiếu tướng", [("period", ("1950", "1958"), "1950-1958")]),
    ("Chính ủy Quân khu 4 (1958-1961)", [("period", ("1958", "1961"), "1958-1961")]),
    ("Lịch sử Cục Quân huấn (1946-2006) - Nhà xuất bản", [("period", ("1946", "2006"), "1946-2006")]),
    ("thực hiện nhiệm vụ năm học 2024-2025", [("period", ("2024", "2025"), "năm học 2024-2025")]),
    ("tăng thêm chín triệu từ năm 2014 đến năm 2039", [("period", ("2014", "2039"), "từ năm 2014 đến năm 2039")]),
    # --- negatives: nothing here is a date
    ("ngày 31/02/2022 không tồn tại", []),
    ("mã 00/13/2020 không phải ngày", []),
    ("Căn cứ Nghị định số 56/2015/NĐ-CP của Chính phủ", []),
    ("Theo Hướng dẫn 45-HD/BTCTW của Ban Tổ chức Trung ương", []),
    ("Căn cứ khoản 1 Điều 3 Nghị định 10/2022/NĐ-CP quy định", []),
    ("Thông tư 04/2008/TT-BXD có quy định", []),
    ("đã tham mưu hoàn thành 5/18 đề án, nhiệm vụ", []),
    ("*Tòa soạn: 0989011688 - 0768908888", []),
    ("Điều 5. Quy định tại khoản 2.1 như sau", []),
    ("Nghị định 10/2022 quy định lệ phí trước bạ", []),
    ("Công văn 10989/BNV-TCBC về biên chế", []),
    ("Đồng chí Nguyễn Duy Trinh\n(1910-1985) là Ủy viên Bộ Chính trị", []),
    ("Cục trưởng: Ngô Hùng (1924-1994), Đại tá", []),
    ("27 Nguyễn Khuyến 1835-1909 Trung Lương", []),
    ("- Edmond Demolins, 1852-1907\n", []),
    ("Xem https://example.vn/tin/10/05/2022/bai-viet.htm để biết thêm", []),
    ("trước ngày 10 tháng 01 hằng năm báo cáo tình hình", []),
    ("diễn ra ngày 23-24/4 âm lịch hằng năm", []),
    ("theo quan niệm dân gian, sáng ngày 5/5 âm lịch", []),
    ("mưa to dài ngày (2-5 ngày) gây ra lũ lụt", []),
    ("đi trước giờ làm việc buổi sáng (8-9 giờ) cả tiếng", []),
    ("Số giờ nắng trung bình ngày 8.8 8.6 7.7 6.8", []),
    ("Thứ hai, tạo nguồn cán bộ để đưa vào diện quy hoạch.", []),
    ("- 2025-nay, Bùi Công Chức, Thiếu tướng", []),
    ("Hội nghị Trung ương 10 (khóa XIII) đã thông qua", []),
]


def _shape(text: str, mention: DateMention) -> tuple:
    return (mention.kind, mention.value if mention.range is None else mention.range, text[mention.start : mention.end])


@pytest.mark.parametrize("text, expected", FIND_DATES_CASES)
def test_find_dates(text, expected):
    assert [_shape(text, m) for m in find_dates(text)] == expected


# (snippet, anchor, [(kind, value, text)]): partial dates resolved against the text's own date
RESOLVE_CASES = [
    ("Chiều 1.4, đồng chí Phó Bí thư chủ trì hội thảo", "2021-04-01", [("date", "2021-04-01", "Chiều 1.4")]),
    ("Sáng 11/3, Văn phòng Chủ tịch nước tổ chức họp báo", "2025-03-12", [("date", "2025-03-11", "Sáng 11/3")]),
    ("ngày 28/12, Ban Thường vụ tổng kết năm", "2022-01-03", [("date", "2021-12-28", "ngày 28/12")]),
    ("chiều 18/6 đoàn sẽ làm việc", "2024-06-14", [("date", "2024-06-18", "chiều 18/6")]),
    ("hội nghị ngày 05 tháng 01 tới", "2023-12-20", [("date", "2024-01-05", "ngày 05 tháng 01")]),
    ("Chiều 1.4, hội thảo", "2021", [("date", "2021-04-01", "Chiều 1.4")]),
    # a full date never moves with the anchor
    ("ngày 15/02/2022 của Ban Tổ chức", "2025-01-01", [("date", "2022-02-15", "ngày 15/02/2022")]),
]


@pytest.mark.parametrize("text, anchor, expected", RESOLVE_CASES)
def test_partial_dates_resolve_against_anchor(text, anchor, expected):
    assert [_shape(text, m) for m in find_dates(text, anchor=anchor)] == expected


def test_resolve_partial_skips_a_year_without_29_february():
    from datetime import date

    assert resolve_partial(29, 2, date(2023, 3, 1)) == date(2024, 2, 29)


def test_offsets_are_sorted_and_index_the_text():
    text = (
        "Căn cứ Hướng dẫn 16-HD/BTCTW, ngày 15/02/2022; Hướng dẫn số 02-HD/ĐUK, "
        "ngày 17/3/2022; nhiệm kỳ 2020 - 2025; ngày 14/4/2022, Đảng ủy ban hành"
    )
    found = find_dates(text)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [text[m.start : m.end] for m in found] == [
        "ngày 15/02/2022",
        "ngày 17/3/2022",
        "2020 - 2025",
        "ngày 14/4/2022",
    ]


# (text, expected published value or None, matched text)
PUBLISHED_CASES = [
    (
        "TIN TỨC\n\nThạch Thất: rà soát quy hoạch cán bộ\nNgày đăng 10/05/2022 | 17:01 | Lượt xem: 253\n\n"
        "Sáng ngày 10/5/2022, Ban Thường vụ Huyện ủy tổ chức hội nghị.",
        "2022-05-10",
        "10/05/2022",
    ),
    (
        "Đề xuất giải pháp đột phá\n\nTHỨ NĂM, 01/04/2021 18:14:15\n\nChiều 1.4, đồng chí Lê Văn Hiệu chủ trì.",
        "2021-04-01",
        "01/04/2021",
    ),
    (
        "Thủ tướng chủ trì hội nghị\n\nNghị quyết được ban hành ngày 16/6/2022.\n\n"
        "Ngày giờ đăng bài viết gốc: 10/07/2025 09:26",
        "2025-07-10",
        "10/07/2025",
    ),
    ("Thời gian đăng bài viết gốc: 20:36 ngày 28/08/2025\nNội dung", "2025-08-28", "ngày 28/08/2025"),
    ("**Số hiệu:**\n|\n212-KL/TW\n**Ngày ban hành:**\n|\n18/11/2025\n|", "2025-11-18", "18/11/2025"),
    (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 45-HD/BTCTW\n*Hà Nội, ngày 21 tháng 11 năm 2025*\n\nHƯỚNG DẪN\n"
        "Thực hiện Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị",
        "2025-11-21",
        "ngày 21 tháng 11 năm 2025",
    ),
    (
        "Số: 213/2025/QĐ-UBND\nHải Phòng,\nngày 18 tháng 11 năm 2025\n\nQUYẾT ĐỊNH",
        "2025-11-18",
        "ngày 18 tháng 11 năm 2025",
    ),
    (
        "Số: 2820/QĐ-UBND\nThành phố Hồ\nChí Minh, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH",
        "2025-11-19",
        "ngày 19 tháng 11 năm 2025",
    ),
    ("Tiêu đề bài viết\nCập nhật: 10/05/2022 08:00\nNội dung bài viết", "2022-05-10", "10/05/2022"),
    ("Chính sách mới\n\nNội dung tin.\n\nGiờ đăng: 06/03/2025 16:03:19", "2025-03-06", "06/03/2025"),
    # negatives: dates that merely appear in the body
    ("Sáng ngày 10/5/2022, Ban Thường vụ Huyện ủy tổ chức hội nghị.", None, None),
    ("Căn cứ Hướng dẫn 16-HD/BTCTW, ngày 15/02/2022 của Ban Tổ chức Trung ương", None, None),
    ("Thứ Sáu, Tháng Bảy 19, 2024\nspot_img\n\nChiều 4/7/2024, tại Hà Nội, hội nghị", None, None),
    ("Tại Pháp, ngày 21 tháng 12 năm 1940, ông gia nhập tổ chức", None, None),
    ("Tại bản cập nhật 5/11/2025. Ứng dụng VNeID đã bổ sung", None, None),
    ("- Trước thời hạn 05 ngày, tính đến ngày đăng ký 01/04/2025, Ban Chỉ huy", None, None),
    ("Hoa hậu Việt Nam 2025\n --- --- \n Ngày 14 tháng 9 năm 2025 \n Dẫn chương trình", None, None),
]


@pytest.mark.parametrize("text, value, matched", PUBLISHED_CASES)
def test_find_published(text, value, matched):
    found = find_published(text)
    if value is None:
        assert found is None
    else:
        assert found is not None
        assert (found.value, text[found.start : found.end]) == (value, matched)


def test_place_date_line_far_down_is_not_the_header():
    body = "Nội dung bài viết dài. " * 300
    assert find_published(body + "\nThe New Yorker, ngày 6 tháng 10 năm 2008\n") is None


def test_table_size():
    negatives = [row for row in FIND_DATES_CASES if not row[1]]
    assert len(FIND_DATES_CASES) + len(RESOLVE_CASES) + len(PUBLISHED_CASES) >= 60
    assert len(negatives) >= 15


# --------------------------------------------------------------- dev gold


def _dev_texts(shared_dir):
    from vntext.normalize import normalize

    dev = shared_dir / "corpus" / "dev"
    for gold_path in sorted(dev.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = dev / gold["file"]
        fmt = "md" if source.suffix == ".md" else "txt"
        yield gold, normalize(source.read_text(encoding="utf-8"), fmt).text


@pytest.mark.shared
def test_dev_gold_dates_periods_published(shared_dir):
    """Every dev file: full dates exactly as gold, gold periods all found, published right.

    Gold lists only year ranges as periods; a half-year ("6 tháng đầu năm 2024")
    is a period too but within one year, so it is the only extra allowed.
    """
    problems = []
    for gold, text in _dev_texts(shared_dir):
        published = find_published(text)
        value = published.value if published else None
        if gold.get("published") and value != gold["published"]:
            problems.append((gold["file"], "published", gold["published"], value))
        found = find_dates(text, anchor=value)
        dates = {m.value for m in found if m.kind == "date"}
        if dates != set(gold["dates"]):
            problems.append(
                (gold["file"], "dates", sorted(set(gold["dates"]) - dates), sorted(dates - set(gold["dates"])))
            )
        periods = {(m.range[0][:4], m.range[1][:4]) for m in found if m.range}
        gold_periods = {tuple(p) for p in gold["periods"]}
        extra = {p for p in periods - gold_periods if p[0] != p[1]}
        if gold_periods - periods or extra:
            problems.append((gold["file"], "periods", sorted(gold_periods - periods), sorted(extra)))
    assert problems == []


# --- relative dates: counted from the text's own date, never without one -----------------

# (text, anchor, [(kind, value or range, text as matched, relative)])
RELATIVE_CASES = [
    ("Năm nay, tỉnh phấn đấu hoàn thành 5 chỉ tiêu", "2024-05-10", [("year", "2024", "Năm nay", True)]),
    ("tăng 33% so với cùng kỳ năm ngoái", "2025-07-28", [("year", "2024", "năm ngoái", True)]),
    ("Ngày hôm qua, đoàn công tác đã làm việc", "2024-03-01", [("date", "2024-02-29", "Ngày hôm qua", True)]),
    ("hôm nay Ban Tổ chức công bố", "2022-04-20", [("date", "2022-04-20", "hôm nay", True)]),
    ("Tuần trước, Ban Thường vụ đã họp", "2024-05-10", [("period", ("2024-04-29", "2024-05-05"), "Tuần trước", True)]),
    ("kế hoạch tuần tới của Văn phòng", "2024-05-12", [("period", ("2024-05-13", "2024-05-19"), "tuần tới", True)]),
    ("ngay trong tháng này", "2024-01-31", [("month", "2024-01", "tháng này", True)]),
    ("từ tháng trước đã triển khai", "2024-01-15", [("month", "2023-12", "tháng trước", True)]),
    ("đến tháng 2 năm nay", "2024-05-10", [("month", "2024-02", "tháng 2 năm nay", True)]),
    ("vào tháng Bảy năm ngoái", "2024-05-10", [("month", "2023-07", "tháng Bảy năm ngoái", True)]),
    ("mục tiêu năm tới", "2024-12-30", [("year", "2025", "năm tới", True)]),
    # negatives: a count makes a span of time; "đó" counts from another date
    ("10 năm nay ông gắn bó với cơ sở", "2024-05-10", []),
    ("mấy năm nay, nhiều năm nay", "2024-05-10", []),
    ("trong những năm tới cần tập trung", "2024-05-10", []),
    ("cách đây 2 tuần trước", "2024-05-10", []),
    ("năm 2019 và năm trước đó", "2024-05-10", [("year", "2019", "năm 2019", False)]),
    ("tuần trước nữa", "2024-05-10", []),
    # an explicit day beats the relative word: "hôm qua 11/3" is 11 March
    ("hôm qua 11/3 hội nghị đã bế mạc", "2024-03-12", [("date", "2024-03-11", "hôm qua 11/3", False)]),
]


@pytest.mark.parametrize("text, anchor, expected", RELATIVE_CASES)
def test_relative_dates_resolve_against_the_texts_own_date(text, anchor, expected):
    assert [(*_shape(text, m), m.relative) for m in find_dates(text, anchor=anchor)] == expected


@pytest.mark.parametrize("text", ["Năm nay, tỉnh phấn đấu", "so với năm ngoái", "Hôm qua, đoàn", "Tuần trước, Ban"])
def test_relative_dates_are_never_found_without_the_texts_own_date(text):
    assert find_dates(text) == []


def test_a_texts_own_dateline_anchors_its_relative_dates():
    """Through the pipeline: the record's dateline is the anchor, and the mention says relative: true."""
    from pipeline.models import RawDocument
    from pipeline.run.process import process_document

    text = "Ngày đăng: 10/05/2024 | 08:00\n\nNăm nay, Đảng ủy Khối tổng kết; so với năm ngoái tăng 5%."
    record = process_document(RawDocument(id="0" * 64, source="x.txt", format="txt", text=text))
    relative = [d for d in record["dates"] if d.get("relative")]
    assert [(d["text"], d["kind"], d["value"]) for d in relative] == [
        ("Năm nay", "year", "2024"),
        ("năm ngoái", "year", "2023"),
    ]
    assert all(text[d["start"] : d["end"]] == d["text"] for d in relative)
    assert [d["value"] for d in record["dates"] if "relative" not in d] == ["2024-05-10"]  # the dateline
