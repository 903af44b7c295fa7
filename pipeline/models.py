"""Data that flows through the pipeline: what ingest produces and what a run reports."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a UTF-16 pair: cannot be encoded, breaks spaCy
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # a newline or a tab in a file name would break "one line per error"


def without_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, same offsets), and how many."""
    if not LONE_SURROGATE.search(text):
        return text, 0
    return LONE_SURROGATE.subn("\ufffd", text)


def source_name(path: str | os.PathLike) -> str:
    """A path as text that can always be written out: bytes that are not UTF-8 become ``\\xNN``."""
    name = os.fsdecode(path)
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def one_line(text: str) -> str:
    """Control characters (newline, tab, escape) written as ``\\n``-style escapes."""
    return CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True)
class Limits:
    """Per-document resource limits; each can be changed with the environment variable named beside it.

    A document over a limit fails with a reason naming the limit; the batch goes on.
    """

    max_input_mb: float = 200.0  # VANBAN_MAX_INPUT_MB: size of one input file (a JSON Lines dump: of one line)
    max_unzipped_mb: float = 200.0  # VANBAN_MAX_UNZIPPED_MB: DOCX content once decompressed (zip bombs)
    max_pdf_pages: int = 2000  # VANBAN_MAX_PDF_PAGES
    time_limit_s: float = 300.0  # VANBAN_TIME_LIMIT: seconds to process one document (0 = none)
    read_time_limit_s: float = 1800.0  # VANBAN_READ_TIME_LIMIT: seconds to read one file, OCR included (0 = none)
    max_memory_mb: float | None = (
        None  # VANBAN_MAX_MEMORY_MB: memory of one worker (None: a share of the machine; 0: no cap)
    )

    @classmethod
    def from_env(cls) -> Limits:
        def number(name: str, default: float) -> float:
            try:
                return float(os.environ.get(name, default))
            except ValueError:
                return default

        return cls(
            max_input_mb=number("VANBAN_MAX_INPUT_MB", cls.max_input_mb),
            max_unzipped_mb=number("VANBAN_MAX_UNZIPPED_MB", cls.max_unzipped_mb),
            max_pdf_pages=int(number("VANBAN_MAX_PDF_PAGES", cls.max_pdf_pages)),
            time_limit_s=number("VANBAN_TIME_LIMIT", cls.time_limit_s),
            read_time_limit_s=number("VANBAN_READ_TIME_LIMIT", cls.read_time_limit_s),
            max_memory_mb=number("VANBAN_MAX_MEMORY_MB", -1.0) if "VANBAN_MAX_MEMORY_MB" in os.environ else None,
        )

    @property
    def max_input_bytes(self) -> int:
        return int(self.max_input_mb * 1024 * 1024)

    @property
    def max_unzipped_bytes(self) -> int:
        return int(self.max_unzipped_mb * 1024 * 1024)


@dataclass(frozen=True)
class RawDocument:
    """One input document as read from disk: the original decoded text plus metadata.

    ``id`` is the sha256 of the input bytes (for a JSON Lines record: of that line).
    Everything after ingest works from this object alone; it is picklable so that
    a process pool (or a distributed engine) can take it as it is. A lone surrogate
    in ``text`` (possible from JSON's ``"\\ud800"``) is replaced by U+FFFD here, with
    a warning, so that every later step can encode the text.
    """

    id: str
    source: str
    format: str  # txt | md | html | pdf | docx | jsonl
    text: str
    title: str | None = None
    published: str | None = None  # from metadata (HTML meta, JSONL field), ISO
    site: str | None = None
    warnings: tuple[str, ...] = ()
    markdown: bool = False  # the text is Markdown (a .md file, or a JSONL entry named *.md)
    origin: str | None = None  # the input file it was read from (a JSON Lines dump for its lines)
    url: str | None = None  # a JSON Lines record's own url/source field (its source is FILE#id or FILE#line)

    def __post_init__(self) -> None:
        text, bad = without_surrogates(self.text)
        if bad:
            object.__setattr__(self, "text", text)
            object.__setattr__(self, "warnings", (*self.warnings, f"{bad} lone surrogate(s) replaced with U+FFFD"))
        for name in ("source", "title", "published", "site", "url"):
            value = getattr(self, name)
            if isinstance(value, str) and LONE_SURROGATE.search(value):
                object.__setattr__(self, name, without_surrogates(value)[0])


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or processed, with the reason in plain words."""

    source: str
    reason: str
    id: str | None = None  # content hash, when the bytes could be read
    origin: str | None = None  # the input file (for a bad line of a JSON Lines dump)

    def line(self) -> str:
        return f"{one_line(self.source)}: {one_line(self.reason)}"


@dataclass(frozen=True)
class Skipped:
    """An input whose content is already stored under its source: not read further, not processed."""

    source: str
    id: str
    origin: str | None = None


@dataclass(frozen=True)
class Ignored:
    """A file met while walking a folder that vanban does not read (``SOURCES.tsv``): listed, not failed."""

    source: str
    reason: str

    def line(self) -> str:
        return f"{one_line(self.source)}: {one_line(self.reason)}"


@dataclass
class RunSummary:
    """Counts for the end-of-run report."""

    seen: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0  # unsupported files met while walking folders
    pruned: int = 0  # stored sources that no longer exist, removed by --prune
    interrupted: bool = False
    facts: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    def add_facts(self, record: dict) -> None:
        for key in ("citations", "dates", "people", "organizations", "relations"):
            self.facts[key] = self.facts.get(key, 0) + len(record.get(key) or [])


class IngestError(Exception):
    """A file that cannot be read; the message says why, in words a user understands."""
