"""Scanned pages made by the tests themselves: a paragraph rendered with Pillow, wrapped as an image-only PDF."""

from __future__ import annotations

import io
import textwrap

DIRECTIVE = (
    "ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Số 35-CT/TW\n"
    "Hà Nội, ngày 14 tháng 6 năm 2024\n"
    "CHỈ THỊ\n"
    "Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng. "
    "Bộ Chính trị yêu cầu các cấp ủy, tổ chức đảng quán triệt và thực hiện tốt các nội dung sau."
)


def _font(size: int):
    from matplotlib import font_manager  # matplotlib (a test dependency) bundles DejaVu Sans
    from PIL import ImageFont

    return ImageFont.truetype(font_manager.findfont("DejaVu Sans"), size)


def render_page(text: str = DIRECTIVE, width: int = 2480, height: int = 3508):
    """An A4 page at 300 dpi, black text on white, as a scanner would give it."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = _font(44)
    y = 250
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, 80) or [""]:
            draw.text((220, y), line, font=font, fill=0)
            y += 70
        y += 30
    return image


def scan_pdf(*pages) -> bytes:
    """Image-only PDF of the given page images (no text layer)."""
    buffer = io.BytesIO()
    first, *rest = pages
    first.convert("RGB").save(
        buffer, format="PDF", resolution=300.0, save_all=True, append_images=[p.convert("RGB") for p in rest]
    )
    return buffer.getvalue()


def text_then_scan_pdf(first_page_text: str, scanned) -> bytes:
    """A two-page PDF: a text page (reportlab), then an image-only page."""
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    text_pdf = io.BytesIO()
    c = canvas.Canvas(text_pdf)
    c.drawString(72, 720, first_page_text)
    c.save()
    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(text_pdf.getvalue())).pages[0])
    writer.add_page(PdfReader(io.BytesIO(scan_pdf(scanned))).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
