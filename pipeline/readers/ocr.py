"""OCR of scanned pages with Tesseract's Vietnamese model (``vie``), through pytesseract.

Needs the ``tesseract`` program with the ``vie`` language data (Debian:
``apt-get install tesseract-ocr tesseract-ocr-vie``) and the ``pytesseract``
package (``pip install 'vanban[ocr]'``). ``available()`` says whether both are
there; without them a scanned page is reported, not read.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache

LANGUAGE = "vie"
DPI = 300  # resolution pages are rendered at before recognition
TIMEOUT_S = 120  # seconds Tesseract may take on one page


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean word confidence, 0-100


@cache
def available() -> str | None:
    """None when OCR can run; otherwise what is missing, in words a user can act on."""
    try:
        import pytesseract
    except ImportError:
        return "OCR needs pytesseract (pip install 'vanban[ocr]')"
    if shutil.which("tesseract") is None:
        return "OCR needs Tesseract (apt-get install tesseract-ocr tesseract-ocr-vie)"
    try:
        languages = pytesseract.get_languages(config="")
    except Exception as err:  # a broken install
        return f"Tesseract does not run ({type(err).__name__})"
    if LANGUAGE not in languages:
        return "OCR needs Tesseract's Vietnamese model (apt-get install tesseract-ocr-vie)"
    return None


def ocr_image(image) -> OcrPage:
    """Text of one page image (PIL), lines kept, with the mean confidence of its words."""
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang=LANGUAGE, output_type=pytesseract.Output.DICT, timeout=TIMEOUT_S, config="--psm 3"
    )
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences = []
    for i, word in enumerate(data["text"]):
        if not word.strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(word)
        confidence = float(data["conf"][i])
        if confidence >= 0:
            confidences.append(confidence)
    text = "\n".join(" ".join(words) for _key, words in sorted(lines.items()))
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage(text=text, confidence=mean)


def ocr_pdf_page(data: bytes, index: int) -> OcrPage:
    """Render page ``index`` of a PDF (pypdfium2, as pdfplumber does) and read it."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        page = pdf[index]
        image = page.render(scale=DPI / 72).to_pil()
        page.close()
    finally:
        pdf.close()
    return ocr_image(image)
