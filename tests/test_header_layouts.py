"""A directive's header read the same from plain lines, Markdown tables, DOCX tables turned
into lines and two-column text: the issuer is the issuing body, never the national motto,
and the subject stops before the enacting line."""

import pytest

from extractors.identity import read_identity
from vntext.normalize import normalize

# The same header in the layouts real sources produce (the texts are our own).
DOCX_TABLE = """|
**ỦY BAN NHÂN
DÂN **
TỈNH LAI CHÂU
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
87/2025/QĐ-UBND
|
*Lai Châu, ngày
19 tháng 11 năm 2025*
|


**QUYẾT ĐỊNH**

QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH
TRÊN ĐỊA BÀN TỈNH

**ỦY BAN NHÂN DÂN TỈNH LAI CHÂU**

*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*
"""

MARKDOWN_ROW = """| ỦY BAN NHÂN DÂN TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 87/2025/QĐ-UBND | Lai Châu, ngày 19 tháng 11 năm 2025 |

QUYẾT ĐỊNH

QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH TRÊN ĐỊA BÀN TỈNH

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
"""

TWO_COLUMNS = """ỦY BAN NHÂN DÂN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH LAI CHÂU                        Độc lập - Tự do - Hạnh phúc
-------                              ---------------
Số: 87/2025/QĐ-UBND                  Lai Châu, ngày 19 tháng 11 năm 2025

QUYẾT ĐỊNH
QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH TRÊN ĐỊA BÀN TỈNH
**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU**
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
"""

PLAIN = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 87/2025/QĐ-UBND
Lai Châu, ngày 19 tháng 11 năm 2025

QUYẾT ĐỊNH
QUY ĐỊNH THỰC HIỆN NẾP SỐNG VĂN MINH TRÊN ĐỊA BÀN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
"""


def identity_of(text: str, markdown: bool = True):
    return read_identity(normalize(text, "md" if markdown else None).text)


@pytest.mark.parametrize(
    "layout", [DOCX_TABLE, MARKDOWN_ROW, TWO_COLUMNS, PLAIN], ids=["docx-table", "markdown-row", "two-columns", "plain"]
)
def test_one_header_in_every_layout(layout):
    identity = identity_of(layout)
    assert (identity.code, identity.issuer, identity.issued, identity.doc_type_name) == (
        "87/2025/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Lai Châu",
        "2025-11-19",
        "Quyết định",
    )
    assert identity.subject.lower().startswith("quy định thực hiện nếp sống văn minh")
    assert "ủy ban" not in identity.subject.lower() and "chủ tịch" not in identity.subject.lower()


ISSUER_CELLS = [
    # the issuer cell as a DOCX table gives it, the issuer expected
    ("**BỘ TÀI CHÍNH**\n**CỤC THUẾ**", "Cục Thuế"),  # the lowest body of the cell issues it
    ("**ỦY BAN NHÂN\nDÂN **\nTHÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("**HỘI ĐỒNG NHÂN\nDÂN **\nTHÀNH PHỐ HÀ NỘI", "Hội đồng nhân dân thành phố Hà Nội"),
    ("**VĂN PHÒNG CHÍNH\nPHỦ**", "Văn phòng Chính phủ"),  # a name broken over lines
    ("**THỦ TƯỚNG CHÍNH\nPHỦ**", "Thủ tướng Chính phủ"),
    ("**BỘ NỘI VỤ**", "Bộ Nội vụ"),
]


@pytest.mark.parametrize(("cell", "issuer"), ISSUER_CELLS)
def test_the_issuer_cell_of_a_docx_table(cell, issuer):
    text = (
        f"|\n{cell}\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\n|\n|\nSố: 12/QĐ-XYZ\n|\n*Hà Nội, ngày 20 tháng 11 năm 2025*\n|\n\n"
        "**QUYẾT ĐỊNH**\n\nVỀ MỘT VIỆC\n"
    )
    identity = identity_of(text)
    assert identity.issuer == issuer
    for motto_word in ("Cộng", "Hội Chủ", "Nghĩa", "Việt Nam", "Độc lập"):
        assert motto_word not in identity.issuer


def test_a_party_header_in_a_table_keeps_its_organization():
    text = (
        "| ĐẢNG BỘ TỈNH ĐỒNG THÁP | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n| TỈNH ỦY | |\n"
        "| Số 15-HD/TU | Đồng Tháp, ngày 3 tháng 4 năm 2024 |\n\nHƯỚNG DẪN\nvề một việc\n"
    )
    identity = identity_of(text)
    assert (identity.code, identity.issuer) == ("15-HD/TU", "Tỉnh ủy Đồng Tháp")


SUBJECT_ENDS = [
    # what follows the subject lines; the subject must not take it in
    "**BỘ TRƯỞNG BỘ NỘI VỤ**",
    "**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN GIANG**",
    "\n**ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH**",
    "**THỦ TƯỚNG CHÍNH PHỦ điện:**",
    "Trong các ngày 08 và 09 tháng 11 năm 2025, đoàn công tác đã làm việc.",
]


@pytest.mark.parametrize("after", SUBJECT_ENDS)
def test_the_subject_stops_before_the_enacting_line_or_the_body(after):
    text = (
        "BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 1383/QĐ-BNV\nHà Nội, ngày 26 tháng 11 năm 2025\n\n**QUYẾT ĐỊNH**\n"
        "VỀ VIỆC BAN HÀNH LỊCH PHỔ BIẾN THÔNG TIN\nTHỐNG KÊ NĂM 2026\n" + after + "\n*Căn cứ Luật Thống kê;*\n"
    )
    identity = identity_of(text)
    assert identity.subject == "Về việc ban hành lịch phổ biến thông tin thống kê năm 2026"


def test_a_subject_continued_in_capitals_is_kept_whole():
    text = (
        "BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 1383/QĐ-BNV\nHà Nội, ngày 26 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\n"
        "VỀ VIỆC CÔNG BỐ THỦ TỤC THUỘC PHẠM VI QUẢN LÝ CỦA\nBỘ NỘI VỤ\n\nCăn cứ Luật Thống kê;\n"
    )
    assert identity_of(text).subject == "Về việc công bố thủ tục thuộc phạm vi quản lý của Bộ Nội vụ"


def test_bold_runs_inside_words_do_not_split_the_subject():
    text = (
        "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc\n|\nSố: 1654/NQ-UBTVQH15 |\n"
        "|\n\nHà Nội, ngày 14 tháng 4 năm 2025\n\n**NGHỊ QUYẾT**\n\n**V****ề việc s****ắp xếp các đơn vị**\n\n"
        "*Căn cứ Hiến pháp;*\n"
    )
    assert identity_of(text).subject == "Về việc sắp xếp các đơn vị"
