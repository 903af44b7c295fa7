"""PDF: pdfplumber, page by page, reading the two-column directive header by position.

A directive's header stands in two columns ("ĐẢNG CỘNG SẢN VIỆT NAM" beside the
issuer, "Số ..." beside the place-and-date line). Plain line-by-line extraction
glues the two columns into one line; here each line of the header is cut at its
wide gap and the left column is emitted before the right one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pipeline.models import IngestError

LINE_TOLERANCE = 3.0  # points: words whose tops differ less than this share a line
COLUMN_GAP = 9.0  # points: a wider gap inside a header line separates two columns
HEADER_FRACTION = 0.45  # the header is looked for in this top part of the first page


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


def read_pdf(data: bytes) -> tuple[str, str | None, list[str]]:
    """Return the text of all pages, the PDF's Title metadata, and warnings."""
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
        raise IngestError(f"not a readable PDF ({_describe(cause)})") from None
    except Exception as err:
        raise IngestError(f"not a readable PDF ({_describe(err)})") from None

    warnings: list[str] = []
    pages: list[str] = []
    with pdf:
        title = (pdf.metadata or {}).get("Title") or None
        if isinstance(title, bytes):
            title = title.decode("utf-8", "replace")
        try:
            for number, page in enumerate(pdf.pages):
                pages.append(_page_text(page, first=number == 0))
        except (PDFPasswordIncorrect, PDFEncryptionError):
            raise IngestError("encrypted PDF (password required)") from None
        except Exception as err:
            raise IngestError(f"damaged PDF, page {len(pages) + 1} ({_describe(err)})") from None
    text = "\n\n".join(p for p in pages)
    if not text.strip():
        raise IngestError("PDF has no text layer (a scan? OCR is not supported yet)")
    return text, title, warnings


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
