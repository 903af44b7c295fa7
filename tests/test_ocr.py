"""OCR of scanned PDF pages (Tesseract, Vietnamese model), on pages the test renders itself."""

import pytest

from pipeline.ingest import from_bytes
from pipeline.models import IngestError
from pipeline.readers import ocr
from tests.scans import DIRECTIVE, render_page, scan_pdf, text_then_scan_pdf

needs_tesseract = pytest.mark.skipif(
    ocr.available() is not None,
    reason=f"OCR tests skipped: {ocr.available()} (make test installs it where it is root with apt)",
)


@needs_tesseract
def test_a_scanned_directive_gives_its_code_and_date():
    from pipeline.run.process import process_document

    raw = from_bytes(scan_pdf(render_page()), "pdf", "scan.pdf")
    assert any("page 1 read by OCR" in w and "mean confidence" in w for w in raw.warnings), raw.warnings
    record = process_document(raw)
    codes = {c["code"] for c in record["citations"]} | {(record.get("self") or {}).get("code")}
    dates = {d.get("value") for d in record["dates"]}
    assert "35-CT/TW" in codes, record["citations"]
    assert "2024-06-14" in dates, record["dates"]


@needs_tesseract
def test_an_image_page_inside_a_text_pdf_is_read_and_named():
    data = text_then_scan_pdf("Page one: Quy dinh so 50-QD/TW", render_page("Kết luận số 12-KL/TW ngày 1/3/2021"))
    raw = from_bytes(data, "pdf", "mixed.pdf")
    assert "50-QD/TW" in raw.text and "12-KL/TW" in raw.text
    assert any(w.startswith("page 2 read by OCR") for w in raw.warnings), raw.warnings


def test_without_ocr_a_scan_is_reported_not_lost(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: "OCR needs Tesseract (apt-get install tesseract-ocr)")
    with pytest.raises(IngestError, match="no text layer"):
        from_bytes(scan_pdf(render_page()), "pdf", "scan.pdf")
    data = text_then_scan_pdf("Quy dinh so 50-QD/TW", render_page("Kết luận số 12-KL/TW"))
    raw = from_bytes(data, "pdf", "mixed.pdf")
    assert "50-QD/TW" in raw.text
    assert any("page 2 without a text layer not read" in w and "Tesseract" in w for w in raw.warnings)


def test_directive_fixture_holds_the_code_and_date_it_is_read_for():
    assert "Số 35-CT/TW" in DIRECTIVE and "ngày 14 tháng 6 năm 2024" in DIRECTIVE


@needs_tesseract
def test_a_scan_with_a_stamped_page_number_is_still_read():
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    stamp = io.BytesIO()
    c = canvas.Canvas(stamp, pagesize=(595.2, 841.92))
    c.drawString(290, 20, "- 1 -")
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(scan_pdf(render_page()))))
    writer.pages[0].merge_page(PdfReader(io.BytesIO(stamp.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    raw = from_bytes(out.getvalue(), "pdf", "stamped.pdf")
    assert "35-CT/TW" in raw.text and "- 1 -" in raw.text
    assert any(w.startswith("page 1 read by OCR") for w in raw.warnings)
