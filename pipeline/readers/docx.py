"""DOCX: body paragraphs and tables in reading order, plus header and footer text."""

from __future__ import annotations

import io
import zipfile

from pipeline.models import IngestError


def read_docx(data: bytes) -> tuple[str, str | None]:
    """Return the document's text (header, body in order, footer) and its core title."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(f"not a readable DOCX file ({type(err).__name__}: {err})") from None
    except Exception as err:  # lxml and zip errors from a damaged package
        raise IngestError(f"damaged DOCX file ({type(err).__name__}: {err})") from None

    parts: list[str] = []
    for section in document.sections:
        parts.extend(_paragraph_texts(section.header))
    parts.extend(_body_blocks(document))
    for section in document.sections:
        parts.extend(_paragraph_texts(section.footer))
    title = document.core_properties.title or None
    return "\n".join(parts), title


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
