"""Data that flows through the pipeline: what ingest produces and what a run reports."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawDocument:
    """One input document as read from disk: the original decoded text plus metadata.

    ``id`` is the sha256 of the input bytes (for a JSON Lines record: of that line).
    Everything after ingest works from this object alone; it is picklable so that
    a process pool (or a distributed engine) can take it as it is.
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


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or processed, with the reason in plain words."""

    source: str
    reason: str
    id: str | None = None  # content hash, when the bytes could be read

    def line(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class RunSummary:
    """Counts for the end-of-run report."""

    seen: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    def add_facts(self, record: dict) -> None:
        for key in ("citations", "dates", "people", "organizations", "relations"):
            self.facts[key] = self.facts.get(key, 0) + len(record.get(key) or [])


class IngestError(Exception):
    """A file that cannot be read; the message says why, in words a user understands."""
