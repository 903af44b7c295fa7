"""A directive's own effective date: the clause, its kind and value, offsets; negatives."""

import pytest

from extractors.dates import find_dates
from extractors.effective import find_effective
from pipeline.models import RawDocument
from pipeline.run.process import process_document

ISSUED = "2025-03-04"

POSITIVES = [
    # sentence, kind, value, the span's text
    ("Quyết định này có hiệu lực kể từ ngày ký.", "on_signing", ISSUED, "có hiệu lực kể từ ngày ký"),
    (
        "Hướng dẫn nàycó hiệu lực kể từ ngày kývà thay thế Hướng dẫn số 25-HD/BTCTW.",
        "on_signing",
        ISSUED,
        "có hiệu lực kể từ ngày ký",
    ),
    (
        "Chỉ thị này có hiệu lực thi hành từ ngày ký ban hành.",
        "on_signing",
        ISSUED,
        "có hiệu lực thi hành từ ngày ký ban hành",
    ),
    ("Quy định này có hiệu lực từ ngày ban hành.", "on_signing", ISSUED, "có hiệu lực từ ngày ban hành"),
    (
        "Nghị quyết này có hiệu lực thi hành từ ngày được thông qua.",
        "on_signing",
        ISSUED,
        "có hiệu lực thi hành từ ngày được thông qua",
    ),
    ("Nghị quyết này có hiệu lực từ ngày 01/7/2025.", "date", "2025-07-01", "có hiệu lực từ ngày 01/7/2025"),
    (
        "Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 12 năm 2025.",
        "date",
        "2025-12-15",
        "có hiệu lực thi hành kể từ ngày 15 tháng 12 năm 2025",
    ),
    (
        "Điều 3. Quyết định này **có hiệu lực** từ ngày 1-8-2024 và thay thế Quyết định số 5/QĐ-UBND.",
        "date",
        "2024-08-01",
        "có hiệu lực** từ ngày 1-8-2024",
    ),
]

NEGATIVES = [
    "Nghị định 320/2025/NĐ-CP có hiệu lực từ ngày 15/12/2025.",  # another document's force, not its own
    "Quyết định này có hiệu lực.",  # no date said
    "Văn bản này hết hiệu lực từ ngày 01/7/2025.",  # losing force is a relation's business
    "Kế hoạch này được triển khai từ ngày 01/7/2025.",
    "Quyết định này có hiệu lực thi hành theo Quyết định số 3659/QĐ-BKHCN ngày 13/11/2025.",  # another's date
    "Các văn bản sau hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành: Quyết định số 36/2023/QĐ-UBND.",
]


@pytest.mark.parametrize(("sentence", "kind", "value", "span"), POSITIVES)
def test_clause_gives_kind_value_and_span(sentence, kind, value, span):
    found = find_effective(sentence, find_dates(sentence), ISSUED)
    assert found is not None
    assert (found.kind, found.value, sentence[found.start : found.end]) == (kind, value, span)


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_clause_about_the_document_itself(sentence):
    assert find_effective(sentence, find_dates(sentence), ISSUED) is None


def test_from_signing_without_a_known_date_has_no_value():
    found = find_effective("Quyết định này có hiệu lực kể từ ngày ký.", (), None)
    assert found is not None and (found.kind, found.value) == ("on_signing", None)


DIRECTIVE = """TỈNH ỦY BẮC NINH
Số 12-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Ninh, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW

Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị, Tỉnh ủy ban hành kế hoạch.
Kế hoạch này có hiệu lực kể từ ngày ký.
"""


def test_record_field_maps_to_the_original_text():
    """The record's ``self.effective`` carries the value and a span that indexes the original text."""
    original = DIRECTIVE.replace("Ủy ban", "Uỷ ban").replace("\n", "\r\n")  # offsets must survive normalizing
    record = process_document(RawDocument(id="e" * 64, source="kh.txt", format="txt", text=original))
    assert record["self"]["issued"] == "2025-03-10"
    effective = record["self"]["effective"]
    assert effective["kind"] == "on_signing" and effective["value"] == "2025-03-10"
    assert original[effective["start"] : effective["end"]] == effective["text"] == "có hiệu lực kể từ ngày ký"
