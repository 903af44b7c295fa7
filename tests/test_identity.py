"""A directive's own identity: header, date line, type and subject, signature; None for news."""

from pathlib import Path

import pytest

from extractors.citations import extract_citations
from extractors.identity import is_directive, read_identity
from pipeline.ingest import read_file
from vntext.normalize import normalize


def normalized(path: Path) -> str:
    """The text the pipeline hands to extractors for this file."""
    document = next(read_file(path))
    return normalize(document.text, "md" if document.markdown else None).text


# --------------------------------------------------------------------------- real directives

REAL = [
    # file, code, issuer, issued, type, signer, signature title
    (
        "party_45-HD-BTCTW_2025-11-21.md",
        "45-HD/BTCTW",
        "Ban Tổ chức Trung ương",
        "2025-11-21",
        "Hướng dẫn",
        "Hoàng Đăng Quang",
        "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN THƯỜNG TRỰC",
    ),
    (
        "party_37-HD-BTGDVTW_2025-11-19.md",
        "37-HD/BTGDVTW",
        "Ban Tuyên giáo và Dân vận Trung ương",
        "2025-11-19",
        "Hướng dẫn",
        "Phạm Tất Thắng",
        "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN",
    ),
    (
        "party_212-KL-TW_2025-11-18.md",
        "212-KL/TW",
        "Bộ Chính trị",
        "2025-11-18",
        "Kết luận",
        "Trần Cẩm Tú",
        "T/M BỘ CHÍNH TRỊ",
    ),
    (
        "party_221-KL-TW_2025-11-28.md",
        "221-KL/TW",
        "Bộ Chính trị",
        "2025-11-28",
        "Kết luận",
        "Trần Cẩm Tú",
        "T/M BỘ CHÍNH TRỊ",
    ),
    (
        "party_07-KL-VPTW_2025-12-01.md",
        "07-KL/VPTW",
        "Văn phòng Trung ương Đảng",
        "2025-12-01",
        "Kết luận",
        "Lê Khánh Toàn",
        "K/T CHÁNH VĂN PHÒNG, PHÓ CHÁNH VĂN PHÒNG",
    ),
    (
        "party_384-QD-TW_2025-11-19.md",
        "384-QĐ/TW",
        "Ban Bí thư",
        "2025-11-19",
        "Quy định",
        "Trần Cẩm Tú",
        "T/M BAN BÍ THƯ",
    ),
    (
        "party_1147-QD-BTGDVTW_2025-12-01.md",
        "1147-QĐ/BTGDVTW",
        "Ban Tuyên giáo và Dân vận Trung ương",
        "2025-12-01",
        "Quyết định",
        "Ngô Đông Hải",
        "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN",
    ),
    (
        "state_nghi-dinh-so-74-2025-nd-cp-44712.txt",
        "74/2025/NĐ-CP",
        "Chính phủ",
        "2025-03-31",
        "Nghị định",
        "Lê Thành Long",
        "TM. CHÍNH PHỦ KT. THỦ TƯỚNG, PHÓ THỦ TƯỚNG",
    ),
    (
        "state_thong-tu-so-02-2026-tt-btc-468745.txt",
        "02/2026/TT-BTC",
        "Bộ Tài chính",
        "2026-01-01",
        "Thông tư",
        "Nguyễn Thị Bích Ngọc",
        "KT. BỘ TRƯỞNG, THỨ TRƯỞNG",
    ),
    (
        "state_thong-tu-lien-tich-so-01-2022-ttlt-vksndtc-tandtc-bca-bqp-bldtbxh-36844.txt",
        "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH",
        "Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao, Bộ Công an, Bộ Quốc phòng, "
        "Bộ Lao động - Thương binh và Xã hội",
        "2022-02-18",
        "Thông tư liên tịch",
        "Nguyễn Trí Tuệ",
        "KT. CHÁNH ÁN TÒA ÁN NHÂN DÂN TỐI CAO, PHÓ CHÁNH ÁN",
    ),
]


@pytest.mark.shared
@pytest.mark.parametrize(("name", "code", "issuer", "issued", "type_name", "signer", "title"), REAL)
def test_identity_of_real_directives(shared_dir, name, code, issuer, issued, type_name, signer, title):
    text = normalized(shared_dir / "corpus" / "files" / name)
    identity = read_identity(text)
    assert identity is not None
    assert (identity.code, identity.issuer, identity.issued, identity.doc_type_name) == (
        code,
        issuer,
        issued,
        type_name,
    )
    assert identity.place == "Hà Nội"
    assert (identity.signer.name, identity.signer.title) == (signer, title)
    assert text[identity.start : identity.end].replace("\n", "") == code


@pytest.mark.shared
def test_subject_of_a_real_directive_in_sentence_case(shared_dir):
    text = normalized(shared_dir / "corpus" / "files" / "party_45-HD-BTCTW_2025-11-21.md")
    assert read_identity(text).subject.startswith(
        "Một số nội dung Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị về phân cấp quản lý cán bộ"
    )


@pytest.mark.shared
def test_a_directive_does_not_cite_itself(shared_dir):
    # the page carries its own code three times: in the site's header, the "Số" line and the footer
    text = normalized(shared_dir / "corpus" / "files" / "party_212-KL-TW_2025-11-18.md")
    codes = {c.code for c in extract_citations(text, (), read_identity(text))}
    assert "212-KL/TW" not in codes
    assert "03-TTr/ĐU" in codes


@pytest.mark.shared
@pytest.mark.parametrize("name", ["004_a73016d134b8d473.txt", "000_2ef724965eb24a94.txt", "2c1d4e991a2bbbc1.md"])
def test_news_has_no_identity(shared_dir, name):
    text = normalized(shared_dir / "corpus" / "dev" / name)
    assert read_identity(text) is None
    assert not is_directive(text)


# --------------------------------------------------------------------------- bundled sample corpus (docx, pdf, md, txt)

BUNDLED = [
    ("huong-dan-16-HD-BTCTW.docx", "16-HD/BTCTW", "Ban Tổ chức Trung ương", "2022-02-15", "Phạm Văn Hòa"),
    ("huong-dan-02-HD-DUK.pdf", "02-HD/ĐUK", "Đảng ủy Khối các cơ quan Trung ương", "2022-03-17", "Đặng Thu Trang"),
    ("huong-dan-02-HD-DU.md", "02-HD/ĐU", "Đảng ủy Bộ Thông tin và Truyền thông", "2022-04-14", "Trần Quốc Khánh"),
    ("huong-dan-15-HD-TU.txt", "15-HD/TU", "Tỉnh ủy Đồng Tháp", "2022-10-05", "Lê Văn Tâm"),
]


@pytest.mark.parametrize(("name", "code", "issuer", "issued", "signer"), BUNDLED)
def test_identity_of_bundled_directives(corpus_dir, name, code, issuer, issued, signer):
    identity = read_identity(normalized(corpus_dir / name))
    assert (identity.code, identity.issuer, identity.issued, identity.signer.name) == (code, issuer, issued, signer)


# --------------------------------------------------------------------------- snippets

HEADER = """ĐẢNG BỘ TỈNH ĐỒNG THÁP
TỈNH ỦY
*
Số: 123-CV/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Đồng Tháp, ngày 05
tháng 10 năm 2022

HƯỚNG DẪN
về công tác kiểm tra, giám sát
-----
- Căn cứ Điều lệ Đảng;
"""

SIGNATURES = [
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn An\n", "Nguyễn Văn An", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ"),
    ("K/T TRƯỞNG\nBAN\nPHÓ TRƯỞNG BAN\nTrần Thị Bình\n", "Trần Thị Bình", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN"),
    ("T/M BỘ CHÍNH\nTRỊ\nLê Văn Cường\n", "Lê Văn Cường", "T/M BỘ CHÍNH TRỊ"),
    ("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\nThượng tướng Võ Minh Lương\n", "Võ Minh Lương", "KT. BỘ TRƯỞNG, THỨ TRƯỞNG"),
    (
        "Nơi nhận: T/M BAN THƯỜNG VỤ\n- Ban Tổ chức, PHÓ BÍ THƯ\n- Lưu Văn phòng. Phạm Minh Đức\n",
        "Phạm Minh Đức",
        "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ",
    ),
    # the whole block in one Markdown table cell: name and title come apart as on separate lines
    (
        "| Nơi nhận: - Như Điều 3; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An |\n",
        "Nguyễn Văn An",
        "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
    ),
    ("| | KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br>Nguyễn Văn An |\n", "Nguyễn Văn An", "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"),
    (
        "| TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Thị Bình |\n",
        "Trần Thị Bình",
        "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH, PHÓ CHỦ TỊCH",
    ),
    ("| T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Lê Quang Huy |\n", "Lê Quang Huy", "T/M BAN THƯỜNG VỤ, PHÓ BÍ THƯ"),
    ("| TL. BAN BÍ THƯ CHÁNH VĂN PHÒNG Võ Văn Dũng |\n", "Võ Văn Dũng", "TL. BAN BÍ THƯ, CHÁNH VĂN PHÒNG"),
    (
        "| KT. BỘ TRƯỞNG THỨ TRƯỞNG Thượng tướng Võ Minh Lương |\n",
        "Võ Minh Lương",
        "KT. BỘ TRƯỞNG, THỨ TRƯỞNG",
    ),
    ("| KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Đỗ Thị Hà |\n", "Đỗ Thị Hà", "KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC"),
]


def test_header_snippet():
    identity = read_identity(HEADER)
    assert (
        identity.code,
        identity.issuer,
        identity.issued,
        identity.place,
        identity.doc_type_name,
        identity.subject,
    ) == ("123-CV/TU", "Tỉnh ủy Đồng Tháp", "2022-10-05", "Đồng Tháp", "Hướng dẫn", "về công tác kiểm tra, giám sát")


@pytest.mark.parametrize(("block", "name", "title"), SIGNATURES)
def test_signature_blocks(block, name, title):
    text = HEADER + "\nNội dung hướng dẫn.\n\n" + block
    signer = read_identity(text).signer
    assert (signer.name, signer.title) == (name, title)
    assert text[signer.start : signer.end] == name


def test_quoted_number_line_in_news_is_not_a_header():
    text = 'Tài liệu tham khảo: "Số: 50-QĐ/TW VỀ TỔ CHỨC CƠ QUAN CHÍNH TRỊ". Truy cập ngày 1 tháng 2 năm 2024.'
    assert read_identity(text) is None
