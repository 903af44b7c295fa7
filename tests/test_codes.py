"""Codes: canonical form, parts, and the issuer table used both ways."""

import pytest

from extractors.codes import canonical_code, issuer_code_for, issuer_name, parse_code

CANONICAL = [
    # party codes as real text writes them
    ("50-QĐ/TW", "50-QĐ/TW"),
    ("16-HD/BTCTW", "16-HD/BTCTW"),
    ("16 - HD/BTCTW", "16-HD/BTCTW"),
    ("35- CT/TW", "35-CT/TW"),
    ("47/HD /BTCTW", "47-HD/BTCTW"),
    ("221/KL/TW", "221-KL/TW"),
    ("02-HD/ĐUK", "02-HD/ĐUK"),
    ("02–HD/ĐU", "02-HD/ĐU"),
    ("12—KL/TW", "12-KL/TW"),
    ("50-QÐ/TW", "50-QĐ/TW"),  # Ð U+00D0
    ("31-QĐ/TƯ", "31-QĐ/TW"),
    ("16-HD/BTCTƯ", "16-HD/BTCTW"),
    ("50-QD/TW", "50-QĐ/TW"),
    ("16-hd/btctw", "16-HD/BTCTW"),
    ("10-QĐi/TU", "10-QĐi/TU"),
    ("1147-QĐ/BTGDVTW", "1147-QĐ/BTGDVTW"),
    ("05-NQ/ĐUQSTW", "05-NQ/ĐUQSTW"),
    ("768-NQ/QUTW", "768-NQ/QUTW"),
    ("03-TTr/ĐU", "03-TTr/ĐU"),
    ("123-CV/TU", "123-CV/TU"),
    ("060/SL", "060/SL"),
    ("34-NV", "34-NV"),
    ("275-CP", "275-CP"),
    # state codes
    ("56/2015/NĐ-CP", "56/2015/NĐ-CP"),
    ("120/2020/NĐ-СР", "120/2020/NĐ-CP"),  # Cyrillic С and Р
    ("45/2019/QH14", "45/2019/QH14"),
    ("01/2021/TT-BNV", "01/2021/TT-BNV"),
    ("72/2011/TTLT-BTC-BGTVT", "72/2011/TTLT-BTC-BGTVT"),
    ("01/2022/TTLT-VKSNDTC-\nTANDTC-BCA", "01/2022/TTLT-VKSNDTC-TANDTC-BCA"),
    ("439/QĐ-TTg", "439/QĐ-TTg"),
    ("123/BNV-TCBC", "123/BNV-TCBC"),
    ("1655/NQ-UBTVQH15", "1655/NQ-UBTVQH15"),
    ("130/KH-BCĐTKNQ18", "130/KH-BCĐTKNQ18"),
    ("66.2/2025/NQ-CP", "66.2/2025/NQ-CP"),  # a decimal number (2025 resolutions)
    ("48/2017-TT-BYT", "48/2017/TT-BYT"),  # a dash after the year
    ("366-QĐ-TW", "366-QĐ/TW"),  # a dash for the slash
    ("343-QĐNS/TW", "343-QĐNS/TW"),
    ("459-KHHĐ/TU", "459-KHHĐ/TU"),
]

NOT_CODES = [
    "15/02/2022",  # a date
    "22-3-2017",  # a date with dashes
    "5/18",  # a ratio ("5/18 đề án")
    "0906.229966",  # a phone number
    "19/NQ",  # a type with no issuer
    "3/NQ/1976",  # number/type/year is not a code
    "824/QĐ/BCĐTNB",  # two slashes with an unknown issuer
    "51/2005/Bộ",  # a word, not an issuer abbreviation
    "02/PLI",  # an appendix form number
    "01-TT",  # a form number ("Mẫu số 01-TT")
    "96 - Đường",  # an address ("Số 96 - Đường Nguyễn ...")
    "2014-nay",  # a period in a biography
    "02-ĐK-TCT",  # a tax form with dashes only
    "49-AA-B1",  # a licence plate
]


@pytest.mark.parametrize(("raw", "expected"), CANONICAL)
def test_canonical_code(raw, expected):
    assert canonical_code(raw) == expected


@pytest.mark.parametrize("raw", NOT_CODES)
def test_not_a_code(raw):
    assert canonical_code(raw) is None


PARTS = [
    ("02-HD/ĐU", ("02", "HD", "ĐU", "party")),
    ("16 - HD/BTCTW", ("16", "HD", "BTCTW", "party")),
    ("56/2015/NĐ-CP", ("56", "NĐ", "CP", "state")),
    ("45/2019/QH14", ("45", None, "QH14", "state")),
    ("72/2011/TTLT-BTC-BGTVT", ("72", "TTLT", "BTC-BGTVT", "state")),
    ("439/QĐ-TTg", ("439", "QĐ", "TTg", "state")),
    ("60-SL", ("60", "SL", None, "legacy")),
]


@pytest.mark.parametrize(("raw", "parts"), PARTS)
def test_parse_code_parts(raw, parts):
    parsed = parse_code(raw)
    assert (parsed.number, parsed.doc_type, parsed.issuer_code, parsed.kind) == parts


def test_issuer_only_code_takes_the_type_word():
    # "Chỉ thị số 24/TTg" is cited as 24/CT-TTg
    assert parse_code("24/TTg", "Chỉ thị").code == "24/CT-TTg"
    assert parse_code("24/TTg").code == "24/TTg"


ISSUER_PHRASES = [
    ("Bộ Chính trị", "TW"),
    ("Ban Bí thư", "TW"),
    ("Ban Chấp hành Trung ương Đảng", "TW"),
    ("Ban Tổ chức Trung ương", "BTCTW"),
    ("Đảng ủy Khối các cơ quan Trung ương", "ĐUK"),
    ("Đảng uỷ Bộ Thông tin và Truyền thông", "ĐU"),
    ("Đảng ủy Quân sự Trung ương", "ĐUQSTW"),
    ("Ban Thường vụ Tỉnh ủy Đồng Tháp", "TU"),
    ("Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW"),
    ("Thủ tướng Chính phủ", "TTg"),
    ("Hội Nông dân", None),
]


@pytest.mark.parametrize(("phrase", "code"), ISSUER_PHRASES)
def test_issuer_code_for(phrase, code):
    assert issuer_code_for(phrase) == code


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("BTCTW", "Ban Tổ chức Trung ương"),
        ("TW", "Ban Chấp hành Trung ương"),
        ("TƯ", "Ban Chấp hành Trung ương"),
        ("VPTW", "Văn phòng Trung ương Đảng"),
        ("CP", "Chính phủ"),
        ("XYZW", None),
    ],
)
def test_issuer_name(code, name):
    assert issuer_name(code) == name
