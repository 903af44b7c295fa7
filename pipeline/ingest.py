"""Turn paths into RawDocuments. Nothing after ingest opens files.

``iter_inputs`` walks directories recursively; ``read_file`` reads one file into
one or more ``RawDocument``s (a JSON Lines dump gives one per line) or raises
``IngestError`` with a reason a user understands.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.models import Failure, IngestError, RawDocument
from pipeline.readers.text import decode_text

FORMATS = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".jsonl": "jsonl",
}
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under the given paths (directories walked recursively, sorted, hidden ones skipped)."""
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name not in SKIPPED_NAMES:
                        yield Path(root) / name
        else:
            yield path


def format_of(path: Path) -> str:
    """The input format by extension, or IngestError for one we do not read."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None and not path.exists():  # "texts/" mistyped: say so, not "unsupported file type"
        raise IngestError("no such file or directory")
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise IngestError(f"unsupported file type '{path.suffix or '(none)'}' (vanban reads {known})")
    return fmt


def read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError("no such file") from None
    except IsADirectoryError:
        raise IngestError("is a directory") from None
    except OSError as err:
        raise IngestError(f"cannot read file ({err.strerror or err})") from None
    if not data.strip():
        raise IngestError("empty file")
    return data


def read_file(path: Path, data: bytes | None = None) -> Iterator[RawDocument | Failure]:
    """Read one file. Yields RawDocuments, or Failures for bad JSONL lines; raises IngestError for a bad file."""
    fmt = format_of(path)
    if data is None:
        data = read_bytes(path)
    source = str(path)
    if fmt == "jsonl":
        yield from _read_jsonl(source, data)
        return
    yield from_bytes(data, fmt, source)


def from_bytes(data: bytes, fmt: str, source: str) -> RawDocument:
    """Build a RawDocument from the bytes of a file in a known format."""
    doc_id = sha256(data)
    title = published = site = None
    warnings: list[str] = []
    if fmt in ("txt", "md"):
        text, warnings = decode_text(data)
        if fmt == "md":
            title = _markdown_title(text)
    elif fmt == "html":
        from pipeline.readers.html import read_html

        markup, warnings = decode_text(data)
        content = read_html(markup)
        text, title, published, site = content.text, content.title, content.published, content.site
    elif fmt == "pdf":
        from pipeline.readers.pdf import read_pdf

        text, title, warnings = read_pdf(data)
    elif fmt == "docx":
        from pipeline.readers.docx import read_docx

        text, title = read_docx(data)
    else:  # pragma: no cover - format_of guards this
        raise IngestError(f"unsupported format {fmt}")
    if not text.strip():
        raise IngestError("no text in the document")
    return RawDocument(
        id=doc_id, source=source, format=fmt, text=text, title=title,
        published=published, site=site, warnings=tuple(warnings), markdown=fmt == "md",
    )


def _read_jsonl(source: str, data: bytes) -> Iterator[RawDocument | Failure]:
    from pipeline.readers.jsonl import iter_jsonl

    for entry in iter_jsonl(data):
        markdown = any(x and x.lower().endswith(".md") for x in (entry.id, entry.source))
        where = f"{source}#{entry.line_number}"
        if entry.error:
            yield Failure(source=where, reason=entry.error, id=sha256(entry.raw_line))
            continue
        if not entry.text.strip():
            yield Failure(source=where, reason=f"line {entry.line_number} has an empty 'text'", id=sha256(entry.raw_line))
            continue
        yield RawDocument(
            id=sha256(entry.raw_line),
            source=entry.source or (f"{source}#{entry.id}" if entry.id else where),
            format="jsonl",
            text=entry.text,
            title=entry.title or (_markdown_title(entry.text) if markdown else None),
            published=entry.published,
            markdown=markdown,
        )


def _markdown_title(text: str) -> str | None:
    for line in text.splitlines()[:20]:
        if line.startswith("# "):
            return line[2:].strip().strip("*").strip() or None
    return None
