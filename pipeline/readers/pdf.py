"""PDF: pdfplumber, page by page, reading the two-column directive header by position.

A directive's header stands in two columns ("ĐẢNG CỘNG SẢN VIỆT NAM" beside the
issuer, "Số ..." beside the place-and-date line). Plain line-by-line extraction
glues the two columns into one line; here each line of the header is cut at its
wide gap and the left column is emitted before the right one.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from pipeline.models import IngestError

LINE_TOLERANCE = 3.0  # points: words whose tops differ less than this share a line
COLUMN_GAP = 9.0  # points: a wider gap inside a header line separates two columns
HEADER_FRACTION = 0.45  # the header is looked for in this top part of the first page
SCAN_MAX_CHARS = 40  # a page with fewer characters of text than this ...
SCAN_MIN_COVER = 0.5  # ... and images over this share of its area is a scan: it is read by OCR


@dataclass
class _Line:
    top: float
    words: list[dict]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return self.words[-1]["x1"]


def read_pdf(data: bytes, max_pages: int = 2000) -> tuple[str, str | None, list[str]]:
    """Return the text of all pages, the PDF's Title metadata, and warnings.

    Pages are read one at a time and let go of (memory grows with a page, not the
    document). A page without text is read by OCR when Tesseract is installed
    (``readers.ocr``); a PDF pdfplumber cannot read (a broken xref table) is
    tried again with pypdf before giving up.
    """
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise IngestError("encrypted PDF (password required)") from None
    except (PdfminerException, PDFSyntaxError) as err:
        cause = err.args[0] if err.args else err
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise IngestError("encrypted PDF (password required)") from None
        return _second_reader(data, max_pages, f"not a readable PDF ({_describe(cause)})")
    except Exception as err:
        return _second_reader(data, max_pages, f"not a readable PDF ({_describe(err)})")

    warnings: list[str] = []
    pages: list[str] = []
    scanned: list[int] = []  # pages that are an image with (almost) no text: a page number over a scan
    with pdf:
        title = (pdf.metadata or {}).get("Title") or None
        if isinstance(title, bytes):
            title = title.decode("utf-8", "replace")
        if not isinstance(title, str):
            title = None
        try:
            count = len(pdf.pages)
            if count > max_pages:
                raise IngestError(
                    f"PDF has {count} pages, over the limit of {max_pages} (set VANBAN_MAX_PDF_PAGES to change it)"
                )
            for number, page in enumerate(pdf.pages):
                try:
                    text = _page_text(page, first=number == 0)
                    if _is_scanned(page, text):
                        scanned.append(number)
                    pages.append(text)
                finally:
                    page.close()  # drop the page's parsed objects before the next one
        except IngestError:
            raise
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise IngestError("encrypted PDF (password required)") from None
        except Exception as err:
            return _second_reader(data, max_pages, f"damaged PDF, page {len(pages) + 1} ({_describe(err)})")
    if not any(p.strip() for p in pages):
        fallback = _pypdf_pages(data, max_pages)
        if fallback and any(p.strip() for p in fallback):
            pages = fallback
            warnings.append("pdfplumber found no text; text read with pypdf")
    pages = _ocr_empty_pages(data, pages, warnings, scanned)
    text = "\n\n".join(pages)
    if not text.strip():
        raise IngestError("PDF has no text layer (a scan?) and OCR found no text")
    return text, title, warnings


def _second_reader(data: bytes, max_pages: int, reason: str) -> tuple[str, str | None, list[str]]:
    """pypdf's reading of a PDF pdfplumber gave up on, or IngestError with pdfplumber's reason."""
    pages = _pypdf_pages(data, max_pages)
    if pages is None:
        raise IngestError(reason)
    warnings = [f"pdfplumber could not read the PDF ({reason}); text read with pypdf"]
    pages = _ocr_empty_pages(data, pages, warnings)
    if not any(p.strip() for p in pages):
        raise IngestError(reason)
    return "\n\n".join(pages), None, warnings


def _pypdf_pages(data: bytes, max_pages: int) -> list[str] | None:
    """Page texts by pypdf (which rebuilds a broken xref table), or None when it cannot read the file."""
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - a dependency
        return None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the user's concern
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise IngestError("encrypted PDF (password required)")
        if len(reader.pages) > max_pages:
            raise IngestError(
                f"PDF has {len(reader.pages)} pages, over the limit of {max_pages} "
                "(set VANBAN_MAX_PDF_PAGES to change it)"
            )
        return [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception:
        return None


def _is_scanned(page, text: str) -> bool:
    """A page that is mostly one image and has next to no text (a scan with a stamped page number)."""
    if len(text.strip()) >= SCAN_MAX_CHARS or not page.images:
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(max(0.0, float(i["x1"] - i["x0"])) * max(0.0, float(i["bottom"] - i["top"])) for i in page.images)
    return covered / area >= SCAN_MIN_COVER


def _ocr_empty_pages(data: bytes, pages: list[str], warnings: list[str], scanned: list[int] | None = None) -> list[str]:
    """Pages without text (or ``scanned``) read by OCR, with a warning naming them and the mean confidence."""
    empty = sorted({i for i, text in enumerate(pages) if not text.strip()} | set(scanned or ()))
    if not empty:
        return pages
    from pipeline.readers import ocr

    named = _page_list(empty)
    missing = ocr.available()
    if missing is not None:
        warnings.append(f"{named} without a text layer not read: {missing}")
        return pages
    pages = list(pages)
    confidences = []
    for i in empty:
        try:
            page = ocr.ocr_pdf_page(data, i)
        except Exception as err:
            warnings.append(f"OCR failed on page {i + 1} ({_describe(err)})")
            continue
        pages[i] = "\n".join(part for part in (pages[i].strip(), page.text) if part) if pages[i].strip() else page.text
        confidences.append(page.confidence)
    if confidences:
        mean = sum(confidences) / len(confidences)
        warnings.append(f"{named} read by OCR (Tesseract, {ocr.LANGUAGE}): mean confidence {mean:.0f}%")
    return pages


def _page_list(indexes: list[int]) -> str:
    numbers = [str(i + 1) for i in indexes]
    if len(numbers) > 20:
        numbers = numbers[:20] + [f"... ({len(indexes)} pages)"]
    return ("page " if len(indexes) == 1 else "pages ") + ", ".join(numbers)


def _describe(err: BaseException) -> str:
    message = str(err).strip()
    return f"{type(err).__name__}: {message}" if message else type(err).__name__


def _page_text(page, first: bool) -> str:
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    lines = _group_lines(words)
    if not first:
        return "\n".join(_join(line.words) for line in lines)
    middle = page.width / 2
    header_limit = page.height * HEADER_FRACTION
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    in_header = False
    for line in lines:
        segments = _split_at_gaps(line.words) if line.top < header_limit else [line.words]
        two_sided = len(segments) > 1 and segments[0][-1]["x1"] < middle + 20 and segments[-1][0]["x0"] > middle - 40
        one_sided = len(segments) == 1 and (line.x1 < middle or line.x0 > middle)
        if two_sided or (in_header and one_sided):
            in_header = True
            for segment in segments:
                (left if segment[0]["x0"] < middle - 40 else right).append(_join(segment))
            continue
        if in_header:
            out.extend(left + right)
            left, right, in_header = [], [], False
        out.append(_join(line.words))
    out.extend(left + right)
    return "\n".join(out)


def _group_lines(words: list[dict]) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1].top - word["top"]) <= LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(_Line(top=word["top"], words=[word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _split_at_gaps(words: list[dict]) -> list[list[dict]]:
    segments = [[words[0]]]
    for previous, word in zip(words, words[1:]):
        if word["x0"] - previous["x1"] > COLUMN_GAP:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _join(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)
