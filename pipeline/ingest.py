"""Turn paths into RawDocuments. Nothing after ingest opens files.

``iter_entries`` walks folders lazily (one directory listing at a time);
``read_entry`` reads one file into ``RawDocument``s (a JSON Lines dump gives one
per line, streamed) or ``Failure``s with a reason a user understands. Only
regular files are opened: a FIFO, a device or a socket is reported, never read,
so nothing hangs; every file is read up to a size limit (``Limits``).
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.models import Failure, Ignored, IngestError, Limits, RawDocument, Skipped, source_name
from pipeline.readers.text import decode_text
from pipeline.run.deadline import DocumentTimeout, alarm
from pipeline.titles import markdown_title

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
READ_CHUNK = 1 << 20


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One input path: a file named on the command line, or one met while walking a folder."""

    path: Path
    walked: bool = False
    error: str | None = None  # the folder could not be listed, or was empty
    ignored: bool = False  # ``error`` is a note (an empty folder, a link not followed), not a failure


def iter_entries(paths: Iterable[str | os.PathLike]) -> Iterator[Entry]:
    """Every file under the given paths: folders walked recursively and lazily, sorted, hidden ones skipped.

    A folder whose name looks like a file (``x.pdf/``) is walked like any folder. A folder
    that cannot be listed, or a named folder with nothing in it, comes out as an entry with ``error``.
    """
    for path in map(Path, paths):
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError:
            is_dir = False  # reported when the file is read
        if not is_dir:
            yield Entry(path)
            continue
        found = False
        errors: list[OSError] = []
        for root, dirs, files in os.walk(path, onerror=errors.append):
            while errors:
                err = errors.pop()
                found = True  # reported: not an empty folder
                yield Entry(Path(err.filename or root), walked=True, error=_os_reason(err))
            for name in sorted(d for d in dirs if not d.startswith(".") and os.path.islink(os.path.join(root, d))):
                found = True
                yield Entry(
                    Path(root) / name,
                    walked=True,
                    ignored=True,
                    error="symbolic link to a folder: not followed (name it on the command line to read it)",
                )
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
            for name in sorted(files):
                if not name.startswith(".") and name not in SKIPPED_NAMES:
                    found = True
                    yield Entry(Path(root) / name, walked=True)
        for err in errors:
            yield Entry(Path(err.filename or path), walked=True, error=_os_reason(err))
        if not found and not errors:
            yield Entry(path, error="empty folder: nothing to read", ignored=True)


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """The file paths of ``iter_entries`` (folders walked), without the entries in error."""
    for entry in iter_entries(paths):
        if entry.error is None:
            yield entry.path


def format_of(path: Path) -> str:
    """The input format by extension, or IngestError for one we do not read."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None and not path.exists():  # "texts/" mistyped: say so, not "unsupported file type"
        raise IngestError("no such file or directory")
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise IngestError(f"unsupported file type '{source_name(path.suffix) or '(none)'}' (vanban reads {known})")
    return fmt


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file"
    if isinstance(err, PermissionError):
        return "permission denied (the file cannot be read by this user)"
    if isinstance(err, IsADirectoryError):
        return "is a directory"
    if err.errno == errno.ENAMETOOLONG:
        return "path too long for this system (ENAMETOOLONG)"
    if err.errno == errno.ELOOP:
        return "too many levels of symbolic links"
    return f"cannot read file ({err.strerror or err})"


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def open_regular(path: Path, limits: Limits | None = None, check_size: bool = True) -> int:
    """A read-only descriptor on a regular file, or IngestError (special files are never opened for reading)."""
    limits = limits or Limits.from_env()
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError(f"not a regular file ({_file_kind(info.st_mode)}): not read")
        if check_size and info.st_size > limits.max_input_bytes:
            raise IngestError(_too_large(info.st_size, limits))
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, open still returns at once
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise IngestError(_os_reason(err)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise IngestError("not a regular file: not read")
    return fd


def _too_large(size: int, limits: Limits) -> str:
    return (
        f"file too large ({size / 1048576:.1f} MB; the limit is {limits.max_input_mb:g} MB, "
        "set VANBAN_MAX_INPUT_MB to change it)"
    )


def read_bytes(path: Path, limits: Limits | None = None) -> bytes:
    """The bytes of a regular file, at most ``limits.max_input_bytes`` of them; IngestError otherwise."""
    limits = limits or Limits.from_env()
    fd = open_regular(path, limits)
    chunks: list[bytes] = []
    size = 0
    try:
        while chunk := os.read(fd, READ_CHUNK):
            chunks.append(chunk)
            size += len(chunk)
            if size > limits.max_input_bytes:  # the file grew while we read it
                raise IngestError(_too_large(size, limits))
    except BlockingIOError:
        raise IngestError("not a regular file: not read") from None
    except OSError as err:
        raise IngestError(_os_reason(err)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if not data.strip():
        raise IngestError("empty file")
    return data


def read_file(path: Path, data: bytes | None = None, limits: Limits | None = None) -> Iterator[RawDocument | Failure]:
    """Read one file. Yields RawDocuments, or Failures for bad JSONL lines; raises IngestError for a bad file."""
    fmt = format_of(path)
    source = source_name(path)
    if fmt == "jsonl":
        yield from _read_jsonl(path, source, limits or Limits.from_env(), data)
        return
    if data is None:
        data = read_bytes(path, limits)
    yield from_bytes(data, fmt, source, limits)


def read_entry(
    entry: Entry,
    is_stored: Callable[[str, str], bool] | None = None,
    limits: Limits | None = None,
) -> Iterator[RawDocument | Failure | Skipped | Ignored]:
    """Everything one input entry gives; never raises for a bad file."""
    source = source_name(entry.path)
    if entry.error is not None:
        if entry.ignored:
            yield Ignored(source=source, reason=entry.error)
        else:
            yield Failure(source=source, reason=entry.error, origin=source)
        return
    limits = limits or Limits.from_env()
    try:
        fmt = format_of(entry.path)
    except IngestError as err:
        if entry.walked:  # a stray SOURCES.tsv beside the texts is not an error
            yield Ignored(source=source, reason=str(err))
        else:
            yield Failure(source=source, reason=str(err), origin=source)
        return
    try:
        if fmt == "jsonl":
            for item in _read_jsonl(entry.path, source, limits):
                if isinstance(item, RawDocument) and is_stored and is_stored(item.source, item.id):
                    yield Skipped(source=item.source, id=item.id, origin=source)
                else:
                    yield item
            return
        data = read_bytes(entry.path, limits)
        doc_id = sha256(data)
        if is_stored and is_stored(source, doc_id):
            yield Skipped(source=source, id=doc_id, origin=source)
            return
        read_limit = _read_limit(fmt, limits)
        with alarm(read_limit):
            document = from_bytes(data, fmt, source, limits)
        yield document
    except DocumentTimeout:
        yield Failure(
            source=source,
            id=sha256(data),
            origin=source,
            reason=f"reading took longer than the limit of {read_limit:g} s ({_read_limit_name(fmt, limits)})",
        )
    except IngestError as err:
        yield Failure(source=source, reason=str(err), origin=source)
    except MemoryError:
        from pipeline.run.memory import out_of_memory_reason

        yield Failure(source=source, reason=out_of_memory_reason("could not be read"), origin=source)
    except RecursionError:
        yield Failure(source=source, reason="could not be read (structure nested too deeply)", origin=source)
    except Exception as err:  # a reader bug must not stop the batch either
        yield Failure(source=source, reason=f"could not be read ({type(err).__name__}: {err})", origin=source)


def _read_limit(fmt: str, limits: Limits) -> float:
    """Seconds to read a file: a PDF may need OCR (the read limit); any other format is read in the
    main process, so it may not hold the batch back longer than one document's processing limit."""
    if fmt == "pdf" or not limits.time_limit_s:
        return limits.read_time_limit_s
    if not limits.read_time_limit_s:
        return limits.time_limit_s
    return min(limits.read_time_limit_s, limits.time_limit_s)


def _read_limit_name(fmt: str, limits: Limits) -> str:
    return "VANBAN_TIME_LIMIT" if _read_limit(fmt, limits) != limits.read_time_limit_s else "VANBAN_READ_TIME_LIMIT"


def from_bytes(data: bytes, fmt: str, source: str, limits: Limits | None = None) -> RawDocument:
    """Build a RawDocument from the bytes of a file in a known format."""
    limits = limits or Limits.from_env()
    doc_id = sha256(data)
    title = published = site = None
    warnings: list[str] = []
    if fmt in ("txt", "md"):
        text, warnings = decode_text(data)
        if fmt == "md":
            title = _markdown_title(text)
    elif fmt == "html":
        from pipeline.readers.html import declared_charset, read_html

        markup, warnings = decode_text(data, declared=declared_charset(data))
        content = read_html(markup)
        text, title, published, site = content.text, content.title, content.published, content.site
    elif fmt == "pdf":
        from pipeline.readers.pdf import read_pdf

        text, title, warnings = read_pdf(data, max_pages=limits.max_pdf_pages)
    elif fmt == "docx":
        from pipeline.readers.docx import read_docx

        text, title, warnings = read_docx(data, max_unzipped=limits.max_unzipped_bytes)
    else:  # pragma: no cover - format_of guards this
        raise IngestError(f"unsupported format {fmt}")
    if not text.strip():
        raise IngestError("no text in the document")
    return RawDocument(
        id=doc_id,
        source=source,
        format=fmt,
        text=text,
        title=title,
        published=published,
        site=site,
        warnings=tuple(warnings),
        markdown=fmt == "md",
        origin=source,
    )


def _read_jsonl(path: Path, source: str, limits: Limits, data: bytes | None = None) -> Iterator[RawDocument | Failure]:
    """One document per line, streamed: the file is never held whole in memory."""
    from pipeline.readers.jsonl import iter_jsonl, iter_lines

    if data is not None:
        lines: Iterable[tuple[bytes, bool]] = ((line, False) for line in data.splitlines())
    else:
        lines = iter_lines(open_regular(path, limits, check_size=False), limits.max_input_bytes)
    seen: dict[str, int] = {}
    any_line = False
    for entry in iter_jsonl(lines):
        any_line = True
        markdown = any(x and x.lower().endswith(".md") for x in (entry.id, entry.source))
        where = f"{source}#{entry.line_number}"
        line_id = sha256(entry.raw_line)
        if entry.error:
            yield Failure(source=where, reason=entry.error, id=line_id, origin=source)
            continue
        if not entry.text or not entry.text.strip():
            yield Failure(
                source=where, reason=f"line {entry.line_number} has an empty 'text'", id=line_id, origin=source
            )
            continue
        # keyed by the dump and the line's id (or its line number), never by its url: two lines with
        # one url are two texts, two documents; the url is kept as a field
        doc_source = f"{source}#{entry.id}" if entry.id else where
        warnings = list(entry.warnings)
        if doc_source in seen:  # two lines with one id: both kept, the later one under its line number
            warnings.append(f"id '{entry.id}' is also the id of line {seen[doc_source]}; kept as {where}")
            doc_source = where
        else:
            seen[doc_source] = entry.line_number
        yield RawDocument(
            id=line_id,
            source=doc_source,
            format="jsonl",
            text=entry.text,
            title=entry.title or (_markdown_title(entry.text) if markdown else None),
            published=entry.published,
            markdown=markdown,
            warnings=tuple(warnings),
            origin=source,
            url=entry.source,
        )
    if not any_line:
        raise IngestError("empty file")


def _markdown_title(text: str) -> str | None:
    return markdown_title(text)
