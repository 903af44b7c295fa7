"""Build the bundled .docx and .pdf directives from our own text in scripts/corpus_sources/.

Each source is split into sections ([header-left], [header-right], [title], [body],
[signature], [recipients]) and laid out as a party directive is: the two header
columns side by side, the type and subject centred, the body, the signature on
the right and the recipients on the left.

Run: .venv/bin/python scripts/make_corpus_files.py  (needs reportlab and python-docx)
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "corpus_sources"
CORPUS = ROOT / "corpus"
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
]
SECTION_RE = re.compile(r"^\[([a-z-]+)\]\s*$")  # a section marker line: [header-left]


def read_sections(path: Path) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        marker = SECTION_RE.match(line)
        if marker:
            current = sections.setdefault(marker.group(1), [])
        elif current is not None and line.strip():
            current.append(line)
    return sections


def write_docx(sections: dict[str, list[str]], target: Path) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    document.core_properties.title = " ".join(sections["title"])
    table = document.add_table(rows=1, cols=2)
    for cell, key in zip(table.rows[0].cells, ("header-left", "header-right")):
        cell.text = "\n".join(sections[key])
    for line in sections["title"]:
        paragraph = document.add_paragraph(line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in sections["body"]:
        document.add_paragraph(line)
    for line in sections["signature"]:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for line in sections["recipients"]:
        document.add_paragraph(line)
    document.save(target)


def write_pdf(sections: dict[str, list[str]], target: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font_path = next(p for p in FONT_CANDIDATES if Path(p).exists())
    pdfmetrics.registerFont(TTFont("Body", font_path))
    width, height = A4
    pdf = canvas.Canvas(str(target), pagesize=A4)
    pdf.setTitle(" ".join(sections["title"]))
    pdf.setFont("Body", 11)

    y = height - 60
    for i, (left, right) in enumerate(_pairs(sections["header-left"], sections["header-right"])):
        if left:
            pdf.drawCentredString(150, y - 16 * i, left)
        if right:
            pdf.drawCentredString(420, y - 16 * i, right)
    y -= 16 * max(len(sections["header-left"]), len(sections["header-right"])) + 24
    for line in sections["title"]:
        pdf.drawCentredString(width / 2, y, line)
        y -= 16
    y -= 10
    for paragraph in sections["body"]:
        for line in _wrap(paragraph, pdfmetrics, width - 140):
            pdf.drawString(70, y, line)
            y -= 15
        y -= 5
    y -= 10
    for line in sections["signature"]:
        pdf.drawCentredString(420, y, line)
        y -= 16
    y -= 10
    for line in sections["recipients"]:
        pdf.drawString(70, y, line)
        y -= 14
    pdf.save()


def _pairs(left: list[str], right: list[str]):
    for i in range(max(len(left), len(right))):
        yield (left[i] if i < len(left) else None, right[i] if i < len(right) else None)


def _wrap(text: str, metrics, limit: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if metrics.stringWidth(candidate, "Body", 11) > limit and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + ([current] if current else [])


def main() -> None:
    write_docx(read_sections(SOURCES / "huong-dan-16-HD-BTCTW.txt"), CORPUS / "huong-dan-16-HD-BTCTW.docx")
    write_pdf(read_sections(SOURCES / "huong-dan-02-HD-DUK.txt"), CORPUS / "huong-dan-02-HD-DUK.pdf")
    print("wrote corpus/huong-dan-16-HD-BTCTW.docx and corpus/huong-dan-02-HD-DUK.pdf")


if __name__ == "__main__":
    main()
