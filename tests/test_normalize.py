"""Normalization: each step, and the map back to original offsets."""

import re
import unicodedata

import pytest

from vntext.normalize import normalize

CASES = [
    # (original, normalized, what it shows)
    ("Hoà bình", "Hòa bình", "old tone placement oa"),
    ("Uỷ ban", "Ủy ban", "old tone placement uy (capital)"),
    ("thuỷ lợi", "thủy lợi", "uy at syllable end"),
    ("khoẻ mạnh", "khỏe mạnh", "oe"),
    ("HOÀ", "HÒA", "upper case"),
    ("hoàng", "hoàng", "vowel pair followed by a consonant stays"),
    ("quý", "quý", "qu + y stays"),
    ("Quỳnh", "Quỳnh", "qu + y + consonant stays"),
    ("thuyết", "thuyết", "uyê stays"),
    ("Ðảng", "Đảng", "Icelandic eth as Đ"),
    ("\u0189ảng", "Đảng", "African D as Đ"),
    ("16 – HD/BTCTW", "16 - HD/BTCTW", "en dash"),
    ("35—CT/TW", "35-CT/TW", "em dash"),
    ("2020 − 2025", "2020 - 2025", "minus sign"),
    ("Bộ\u00a0Chính trị", "Bộ Chính trị", "NBSP"),
    ("Chỉ\u200b thị", "Chỉ thị", "zero-width space"),
    ("a  \t b", "a b", "space runs and tabs"),
    ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2", "CRLF"),
    ("\ufeffSố 02", "Số 02", "BOM inside text"),
]


@pytest.mark.parametrize("original,expected,why", CASES, ids=[c[2] for c in CASES])
def test_normalization_step(original, expected, why):
    assert normalize(original).text == expected


def test_nfd_input_is_composed():
    nfd = unicodedata.normalize("NFD", "Quy định số 50-QĐ/TW của Bộ Chính trị")
    assert len(nfd) > len(unicodedata.normalize("NFC", nfd))
    assert normalize(nfd).text == "Quy định số 50-QĐ/TW của Bộ Chính trị"


def test_markdown_markup_removed_only_for_markdown():
    md = "| **Số 45-HD/BTCTW** | *Hà Nội, ngày 21 tháng 11 năm 2025* |"
    assert normalize(md, "md").text.strip() == "Số 45-HD/BTCTW | Hà Nội, ngày 21 tháng 11 năm 2025"
    assert "**" in normalize(md, "txt").text


@pytest.mark.parametrize(
    "md, expected",
    [
        ("Giám đốc Quỹ Ventures**Bà Trần Thu Hà**: Chủ tịch", "Giám đốc Quỹ Ventures Bà Trần Thu Hà: Chủ tịch"),
        ("Công ty APAX.**Ông Lê Văn Bảy**:", "Công ty APAX. Ông Lê Văn Bảy:"),
        ("**Đ**ảng bộ", "Đảng bộ"),  # a bold first letter stays inside its word
        ("số**05/2020**", "số05/2020"),  # no capital after: nothing inserted
    ],
)
def test_emphasis_that_glued_a_word_to_a_capital_becomes_a_space(md, expected):
    assert normalize(md, "md").text == expected


@pytest.mark.parametrize(
    "md, expected",
    [
        ("| 7 | Nguyễn Thị Kim Dung | Trưởng ban Tuyên giáo |", "7 | Nguyễn Thị Kim Dung | Trưởng ban Tuyên giáo"),
        ("| Chủ tịch | Nguyễn Thị Tuyến |", "Chủ tịch | Nguyễn Thị Tuyến"),
        ("| Cục trưởng | |", "Cục trưởng"),  # an empty cell leaves no separator
        ("|---|---|", "---|---"),
        ("a || b", "a b"),  # pipes with nothing between are no cell boundary
        ("Lê Duẩn", "Lê Duẩn"),
    ],
)
def test_table_cells_stay_apart(md, expected):
    """A pipe between two cells is kept so that a name never runs into the next cell."""
    assert normalize(md, "md").text.strip() == expected


ROUND_TRIP_TEXTS = [
    unicodedata.normalize("NFD", "Đồng chí Phan Tâm, Phó Bí thư Ban cán sự Đảng, Thứ trưởng Bộ TT&TT, Uỷ viên"),
    "Căn cứ Hướng dẫn số 16 – HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương; Hoà Bình, Thuỷ",
    "**Số 02-HD/ĐU**\u00a0\u00a0| *Hà Nội,\u200b ngày 14 tháng 4 năm 2022* |\r\nÐảng uỷ Khối",
    "Quỹ Ventures**Bà Trần Thu Hà**: Chủ tịch",
]


@pytest.mark.parametrize("original", ROUND_TRIP_TEXTS)
@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_every_word_maps_back_to_its_original(original, fmt):
    norm = normalize(original, fmt)
    for m in re.finditer(r"\S+", norm.text):
        start, end = norm.original_span(m.start(), m.end())
        source = original[start:end]
        # the original slice normalizes to the word itself (markup and invisibles dropped)
        assert normalize(source, fmt).text.strip() == m.group(), (m.group(), source)


def test_span_outside_text_is_an_error():
    with pytest.raises(ValueError):
        normalize("abc").original_span(2, 9)
