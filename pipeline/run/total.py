"""How many documents a run will read, for a progress bar's total and ETA: counted before the run, cheaply.

A JSON Lines dump counts its non-blank lines (read in chunks, so a huge line costs no memory);
every other file, and every folder or link that will be reported, counts one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from pipeline.ingest import FORMATS, READ_CHUNK, iter_entries

JSONL_SUFFIXES = {suffix for suffix, fmt in FORMATS.items() if fmt == "jsonl"}


def jsonl_lines(path: str | os.PathLike) -> int:
    """The non-blank lines of a file, as the JSON Lines reader counts them (one document or one failure each)."""
    count, content = 0, False
    with open(path, "rb") as stream:
        while chunk := stream.read(READ_CHUNK):
            *done, rest = chunk.split(b"\n")
            for piece in done:
                if content or piece.strip():
                    count += 1
                content = False
            content = content or bool(rest.strip())
    return count + content


def expected_documents(paths: Iterable[str | os.PathLike]) -> int:
    """The number of items a run over ``paths`` yields (documents, failures, notes); a file that cannot be read counts one."""
    total = 0
    for entry in iter_entries(paths):
        if entry.error is None and entry.path.suffix.lower() in JSONL_SUFFIXES:
            try:
                total += jsonl_lines(entry.path)
            except OSError:
                total += 1  # reported as one failure when read
        else:
            total += 1
    return total
