"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI-Windows, VISCII, cp1258, as raw bytes and as mojibake.

Every text here is encoded by the test itself from Unicode; the pipeline must
convert it back, say so in a warning, and find the codes, dates and names.
"""

import shutil
import subprocess
import unicodedata

import pytest

from pipeline.ingest import from_bytes
from pipeline.readers import legacy
from pipeline.readers.text import decode_text

DIRECTIVE = (
    "Căn cứ Chỉ thị số 35-CT/TW ngày 14 tháng 6 năm 2024 của Bộ Chính trị về đại hội đảng bộ các cấp, "
    "đồng chí Nguyễn Phú Trọng, Tổng Bí thư, đã ký Quyết định số 99-QĐ/TW ngày 3/10/2022. "
    "Ban Tổ chức Trung ương hướng dẫn thực hiện; đồng chí Trương Thị Mai phát biểu chỉ đạo."
)
LETTERS = "aăâeêioôơuưy"
ALL_LETTERS = (
    unicodedata.normalize(
        "NFC",
        "".join(base + tone for base in LETTERS for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")),
    )
    + "đ"
)


def _windows_1258(text: str) -> bytes:
    """cp1258 writes tones as combining marks after a base letter (which may itself be â, ă, ơ, ...)."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        out.append(ch)
    composed = unicodedata.normalize("NFC", "".join(out))
    result = []
    for ch in composed:
        try:
            result.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", ch)
            keep = "".join(m for m in marks if m not in legacy.TONES)
            tone = "".join(m for m in marks if m in legacy.TONES)
            result.append(unicodedata.normalize("NFC", base + keep).encode("cp1258") + tone.encode("cp1258"))
    return b"".join(result)


def _viscii(text: str) -> bytes:
    reverse = {letter: byte for byte, letter in legacy.viscii_table().items()}
    return bytes(reverse.get(ch, ord(ch)) for ch in unicodedata.normalize("NFC", text))


ENCODERS = {
    "TCVN3": legacy.encode_tcvn3,
    "VNI-Windows": legacy.encode_vni,
    "VISCII": _viscii,
    "cp1258": _windows_1258,
}


@pytest.mark.parametrize("name", ["TCVN3", "VNI-Windows", "VISCII", "cp1258"])
def test_raw_legacy_bytes_are_converted_with_a_warning(name):
    data = ENCODERS[name](DIRECTIVE)
    text, warnings = decode_text(data)
    expected = DIRECTIVE if name != "TCVN3" else _tcvn3_case(DIRECTIVE)
    assert text == expected
    assert warnings == [f"legacy Vietnamese encoding {name} converted to Unicode"]


@pytest.mark.parametrize("name", ["TCVN3", "VNI-Windows"])
def test_mojibake_saved_as_utf8_is_repaired(name):
    mojibake = ENCODERS[name](DIRECTIVE).decode("cp1252")
    text, warnings = decode_text(mojibake.encode("utf-8"))
    assert text == (DIRECTIVE if name != "TCVN3" else _tcvn3_case(DIRECTIVE))
    assert warnings and name in warnings[0] and "mojibake" in warnings[0]


@pytest.mark.parametrize("name", ["TCVN3", "VNI-Windows"])
def test_pipeline_finds_codes_dates_and_names_in_legacy_text(name):
    from pipeline.run.process import process_document

    for data in (ENCODERS[name](DIRECTIVE), ENCODERS[name](DIRECTIVE).decode("cp1252").encode("utf-8")):
        record = process_document(from_bytes(data, "txt", f"{name}.txt"))
        codes = {c["code"] for c in record["citations"]}
        dates = {d.get("value") for d in record["dates"]}
        people = {p["name"] for p in record["people"]}
        assert {"35-CT/TW", "99-QĐ/TW"} <= codes, codes
        assert {"2024-06-14", "2022-10-03"} <= dates, dates
        assert {"Nguyễn Phú Trọng", "Trương Thị Mai"} <= people, people


@pytest.mark.parametrize(
    "text",
    [
        "Plain English text, nothing to repair here at all.",
        "Café crème brûlée à la façon de ma grand-mère, très bon et très cher.",
        "Grüße aus Köln: schöne Straße, größer als München.",
        DIRECTIVE,
    ],
)
def test_unicode_and_other_latin_texts_are_left_alone(text):
    decoded, warnings = decode_text(text.encode("utf-8"))
    assert decoded == text and warnings == []


@pytest.mark.parametrize("encode", [legacy.encode_tcvn3, legacy.encode_vni], ids=["TCVN3", "VNI"])
def test_every_vietnamese_letter_round_trips(encode):
    decode = legacy.decode_tcvn3 if encode is legacy.encode_tcvn3 else legacy.decode_vni
    assert decode(encode(ALL_LETTERS)) == ALL_LETTERS
    if encode is legacy.encode_vni:
        assert decode(encode(ALL_LETTERS.upper())) == ALL_LETTERS.upper()


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv (glibc) to check the TCVN3 table against")
def test_tcvn3_table_agrees_with_glibc_iconv():
    table = legacy.tcvn3_table()
    data = bytes(sorted(table))
    out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=True)
    assert unicodedata.normalize("NFC", out.stdout.decode()) == "".join(table[b] for b in sorted(table))


@pytest.mark.parametrize(
    "word,ok",
    [
        ("nghiêng", True),
        ("Trọng", True),
        ("QUYẾT", True),
        ("chỉ", True),
        ("đảng", True),
        ("cÙa", False),
        ("ngµy", False),
        ("ngaøy", False),
        ("ảá", False),
        ("xyz", False),
    ],
)
def test_syllable_check(word, ok):
    assert legacy.is_syllable(word) is ok


def test_html_page_declaring_windows_1258_is_decoded_as_such():
    body = "<p>" + DIRECTIVE + "</p>"
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1258'>"
        "<title>Tin</title></head><body><article>" + body * 3 + "</article></body></html>"
    )
    raw = from_bytes(_windows_1258(page), "html", "page.html")
    assert "Chỉ thị số 35-CT/TW" in raw.text
    assert any("windows-1258" in w for w in raw.warnings)


def test_utf32_with_bom_is_not_read_as_utf16():
    text, warnings = decode_text("Quy định số 50-QĐ/TW".encode("utf-32"))
    assert text == "Quy định số 50-QĐ/TW" and warnings == []


def _tcvn3_case(text: str) -> str:
    """TCVN3 has no byte for capital toned letters: the .VnTimeH fonts drew them from the small ones."""
    table = set(legacy.tcvn3_table().values())
    return "".join(ch if ch.isascii() or ch in table else ch.lower() for ch in text)


@pytest.mark.parametrize("name", ["TCVN3", "VNI-Windows"])
def test_mojibake_inside_a_json_lines_dump_is_repaired(tmp_path, name):
    import json

    from pipeline.ingest import read_file

    path = tmp_path / "dump.jsonl"
    mojibake = ENCODERS[name](DIRECTIVE).decode("cp1252")
    path.write_text(
        json.dumps({"id": "a", "text": mojibake}) + "\n" + json.dumps({"id": "b", "text": DIRECTIVE}), encoding="utf-8"
    )
    repaired, untouched = list(read_file(path))
    assert repaired.text == (DIRECTIVE if name != "TCVN3" else _tcvn3_case(DIRECTIVE))
    assert any(name in w for w in repaired.warnings)
    assert untouched.text == DIRECTIVE and untouched.warnings == ()
