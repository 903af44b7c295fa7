"""DOCX: body paragraphs and tables in reading order, plus header and footer text.

The package is checked before it is parsed: its members may not decompress to
more than a limit (zip bombs). python-docx reads it; where python-docx cannot
(RecursionError on a long vertical merge, odd part names), a second reader
streams ``word/document.xml`` paragraph by paragraph with lxml.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from pipeline.models import IngestError

MAX_MERGES = 500  # vertically merged cells above which python-docx is not used (it slows down quadratically)
MAX_PARAGRAPHS = 20_000  # paragraphs above which python-docx is not used (an object each: minutes for a million)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, max_unzipped: int = 200 * 1024 * 1024) -> tuple[str, str | None, list[str]]:
    """Return the document's text (header, body in order, footer), its core title, and warnings."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    merges, paragraphs = _check_package(data, max_unzipped)
    if merges > MAX_MERGES:  # python-docx walks merged cells quadratically (then hits RecursionError)
        return (
            _stream_paragraphs(data),
            None,
            [f"{merges} merged table cells: text read from word/document.xml directly (no header or footer)"],
        )
    if paragraphs > MAX_PARAGRAPHS:  # streamed in seconds, where python-docx takes minutes and gigabytes
        return (
            _stream_paragraphs(data),
            None,
            [f"{paragraphs} paragraphs: text read from word/document.xml directly (no header or footer)"],
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(f"not a readable DOCX file ({type(err).__name__}: {err})") from None
    except Exception as err:  # lxml and zip errors from a damaged package
        raise IngestError(f"damaged DOCX file ({type(err).__name__}: {err})") from None
    try:
        parts: list[str] = []
        for section in document.sections:
            parts.extend(_paragraph_texts(section.header))
        parts.extend(_body_blocks(document))
        for section in document.sections:
            parts.extend(_paragraph_texts(section.footer))
        title = document.core_properties.title or None
    except (RecursionError, ValueError, KeyError, AttributeError) as err:
        text = _stream_paragraphs(data)
        return (
            text,
            None,
            [
                f"python-docx could not read the document ({type(err).__name__}); "
                "text read from word/document.xml directly (no header or footer)"
            ],
        )
    return "\n".join(parts), title, []


def _check_package(data: bytes, max_unzipped: int) -> tuple[int, int]:
    """Refuse a package that decompresses past the limit; return the numbers of vertical merges and of
    paragraphs in the body."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            total = sum(member.file_size for member in package.infolist())
            if total > max_unzipped:
                raise IngestError(
                    f"DOCX decompresses to {total / 1048576:.0f} MB, over the limit of "
                    f"{max_unzipped / 1048576:.0f} MB (a zip bomb? set VANBAN_MAX_UNZIPPED_MB "
                    "to change it)"
                )
            if "word/document.xml" not in package.namelist():  # a main part under another name: python-docx finds it
                return 0, 0
            merges, opened, bare = _count(package, "word/document.xml", (b":vMerge", b"<w:p ", b"<w:p>"))
            return merges, opened + bare
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, zlib.error) as err:
        raise IngestError(f"not a readable DOCX file ({type(err).__name__}: {err})") from None


def _count(package: zipfile.ZipFile, name: str, needles: tuple[bytes, ...]) -> list[int]:
    """Occurrences of each needle in a member, read in chunks (the member's size is already bounded)."""
    counts = [0] * len(needles)
    keep = max(len(n) for n in needles) - 1  # too short to hold a whole needle: none is counted twice
    tail = b""
    with package.open(name) as member:
        while chunk := member.read(1 << 20):
            block = tail + chunk
            for i, needle in enumerate(needles):
                counts[i] += block.count(needle) - tail.count(needle)
            tail = block[-keep:]
    return counts


def _stream_paragraphs(data: bytes) -> str:
    """Paragraph texts of word/document.xml, parsed as a stream (entities never resolved)."""
    from lxml import etree

    lines: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package, package.open("word/document.xml") as xml:
            for _event, element in etree.iterparse(
                xml, events=("end",), tag=f"{W}p", resolve_entities=False, no_network=True, huge_tree=False
            ):
                if element.getparent() is not None and element.getparent().tag == f"{W}p":
                    continue
                text = "".join(t.text or "" for t in element.iter(f"{W}t"))
                if text.strip():
                    lines.append(text)
                element.clear(keep_tail=False)
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile) as err:
        raise IngestError(f"damaged DOCX file ({type(err).__name__}: {err})") from None
    return "\n".join(lines)


def _paragraph_texts(container) -> list[str]:
    if container is None or container.is_linked_to_previous:
        return []
    return [p.text for p in container.paragraphs if p.text.strip()]


def _body_blocks(document) -> list[str]:
    """Paragraphs and tables as they stand in the body; a table row becomes its cells' lines."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(p.text for p in cell.paragraphs if p.text.strip())
    return lines
