"""Code hygiene: slips with one reading repaired (and said), codes cut before their issuer
kept with code null, licences and permits not cited."""

import pytest

from extractors.citations import find_citations, repair_warnings
from extractors.codes import canonical_code, parse_code
from extractors.identity import read_identity

# --------------------------------------------------------------------------- repaired slips

REPAIRED = [
    # written, canonical, what the warning says
    ("22/2023/OH15", "22/2023/QH15", "OH15 read as QH15"),
    ("1654/NQ-UBTVOH15", "1654/NQ-UBTVQH15", "UBTVOH15 read as UBTVQH15"),
    ("2367/OĐ-UBND", "2367/QĐ-UBND", "OĐ read as QĐ"),
    ("320/2025/ND-CP", "320/2025/NĐ-CP", "ND read as NĐ"),
    ("50-QD/TW", "50-QĐ/TW", "QD read as QĐ"),
    ("02-HD/DU", "02-HD/ĐU", "DU read as ĐU"),
    ("12/2020/NQ-HDND", "12/2020/NQ-HĐND", "HDND read as HĐND"),
    ("70/2025/NĐ/CP", "70/2025/NĐ-CP", "'/' read as '-'"),
    ("70//2025/NĐ-CP", "70/2025/NĐ-CP", "doubled separator"),
    ("56/2015/NĐ--CP", "56/2015/NĐ-CP", "doubled separator"),
    ("16--HD/BTCTW", "16-HD/BTCTW", "doubled separator"),
    ("32/2013/QH 13", "32/2013/QH13", "'QH 13' read as QH13"),
    ("27/2022/UBTVQH 15", "27/2022/UBTVQH15", "'UBTVQH 15' read as UBTVQH15"),
    ("10/2024/TTBTC", "10/2024/TT-BTC", "'TTBTC' read as 'TT-BTC'"),
    ("193/2025/NĐCP", "193/2025/NĐ-CP", "'NĐCP' read as 'NĐ-CP'"),
    ("27/NQ-TW", "27-NQ/TW", "'27/NQ-TW' read as '27-NQ/TW'"),
    ("45/HD-BTCTW", "45-HD/BTCTW", "'45/HD-BTCTW' read as '45-HD/BTCTW'"),
]


@pytest.mark.parametrize(("written", "canonical", "note"), REPAIRED)
def test_slips_with_one_reading_are_repaired_and_said(written, canonical, note):
    parsed = parse_code(written)
    assert parsed is not None and parsed.code == canonical
    assert any(note in repair for repair in parsed.repairs), parsed.repairs


CLEAN = [
    "12/NQ-CP",
    "15/KH-UBND",
    "45/2019/QH14",
    "22/2023/QH15",
    "50-QĐ/TW",
    "56/2015/NĐ-CP",
    "50-QÐ/TW",
    "16 - HD/BTCTW",
    "16-HD/BTCTƯ",
    "439/QĐ-TTg",
]


@pytest.mark.parametrize("written", CLEAN)
def test_codes_written_right_carry_no_repair(written):
    # Ð (U+00D0) is the same letter in another code point, TƯ a usual spelling: not slips
    assert parse_code(written).repairs == ()


def test_a_term_apart_from_qh_is_joined_only_when_it_is_a_term():
    assert [c.code for c in find_citations("Luật số 46/2014/QH13 3 điều, Luật số 32/2013/QH 13/5/2013")] == [
        "46/2014/QH13",
        "32/2013/QH",
    ]


NOT_REPAIRED = [
    "70/2025/NĐ/XYZ",  # no known issuer after the slash: no single reading
    "5/18",
    "6//1970",  # a date slip, not a code
]


@pytest.mark.parametrize("written", NOT_REPAIRED)
def test_no_repair_without_a_single_reading(written):
    assert canonical_code(written) is None


def test_a_repair_becomes_a_record_warning():
    text = "Căn cứ Luật Đấu thầu số 22/2023/OH15 và Nghị định số 70/2025/NĐ/CP của Chính phủ."
    citations = find_citations(text)
    assert [c.code for c in citations] == ["22/2023/QH15", "70/2025/NĐ-CP"]
    warnings = repair_warnings(citations)
    assert warnings == ["code 22/2023/QH15: OH15 read as QH15", "code 70/2025/NĐ-CP: '/' read as '-' in 'NĐ/CP'"]


def test_a_clean_text_has_no_repair_warning():
    assert repair_warnings(find_citations("Căn cứ Nghị định số 56/2015/NĐ-CP của Chính phủ.")) == []


# --------------------------------------------------------------------------- codes without their issuer

TRUNCATED = [
    ("Căn cứ Điều 17 Nghị định 131/2013/NĐ quy định về hành vi", "131", "NĐ", "Nghị định"),
    ("theo Thông tư số 01/2020/TT hướng dẫn", "01", "TT", "Thông tư"),
]


@pytest.mark.parametrize(("text", "number", "doc_type", "type_name"), TRUNCATED)
def test_a_code_without_its_issuer_is_kept_with_code_null(text, number, doc_type, type_name):
    (citation,) = find_citations(text)
    assert (citation.code, citation.number, citation.doc_type, citation.doc_type_name) == (
        None,
        number,
        doc_type,
        type_name,
    )
    assert parse_code(text[citation.code_start : citation.code_end]) is None


def test_a_directive_whose_header_code_lacks_its_issuer_has_no_code():
    text = (
        "CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 70/2025/NĐ\nHà Nội, ngày 20 tháng 3 năm 2025\n\nNGHỊ ĐỊNH\nVề một việc\n"
    )
    identity = read_identity(text)
    assert identity is not None and identity.code is None and identity.doc_type == "NĐ"


# --------------------------------------------------------------------------- licences and furniture

LICENCES = [
    "Giấy phép hoạt động báo điện tử số 140/GP-BTTTT cấp ngày 17/03/2022",
    "Giấy phép số 485/GP-BTTTT do Bộ Thông tin và Truyền thông cấp",
    "| Giấy phép | Số 485/GP-BTTTT do Bộ Thông tin và Truyền thông |",
    "Mỏ đá Phước Vĩnh | 137/GP-UBND ngày 13/07/2017 |",  # a mining permit in a table
    "Chứng chỉ số 12/CCHN-BYT",
]


@pytest.mark.parametrize("text", LICENCES)
def test_licences_and_permits_are_not_cited_documents(text):
    assert [c.code for c in find_citations(text) if c.code] == []


NEAR_LICENCES = [
    ("Căn cứ Nghị định số 56/2015/NĐ-CP về giấy phép lái xe", "56/2015/NĐ-CP"),
    ("Quyết định số 12/QĐ-UBND về việc cấp giấy phép xây dựng", "12/QĐ-UBND"),
]


@pytest.mark.parametrize(("text", "code"), NEAR_LICENCES)
def test_documents_about_licences_are_still_cited(text, code):
    assert [c.code for c in find_citations(text)] == [code]
