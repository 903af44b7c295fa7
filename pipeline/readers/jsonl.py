"""JSON Lines dumps: one document per line with ``text`` and optional id, url/source, title, published.

Lines are read one at a time from a descriptor (``iter_lines``), each at most a
size limit, so a dump of any size is streamed. Every way a line can be bad — not
JSON, not UTF-8, nested deeper than Python's parser allows, an integer with more
digits than it converts, a lone surrogate — stays that line's problem.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipeline.models import without_surrogates
from pipeline.readers.legacy import repair_mojibake

READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class JsonlEntry:
    line_number: int
    raw_line: bytes
    text: str | None
    id: str | None
    source: str | None
    title: str | None
    published: str | None
    error: str | None = None
    warnings: tuple[str, ...] = ()


def iter_lines(fd: int, max_line: int) -> Iterator[tuple[bytes, bool]]:
    """(line, too_long) pairs read from ``fd`` (closed at the end); a line over ``max_line`` bytes is cut."""
    pending = bytearray()
    too_long = False
    try:
        while chunk := os.read(fd, READ_CHUNK):
            start = 0
            while (end := chunk.find(b"\n", start)) >= 0:
                if not too_long:
                    pending += chunk[start:end]
                yield bytes(pending[:max_line]), too_long or len(pending) > max_line
                pending.clear()
                too_long = False
                start = end + 1
            if not too_long:
                pending += chunk[start:]
                if len(pending) > max_line:
                    too_long = True
                    del pending[max_line:]
        if pending or too_long:
            yield bytes(pending), too_long
    finally:
        os.close(fd)


def iter_jsonl(lines: Iterable[tuple[bytes, bool]]) -> Iterator[JsonlEntry]:
    """Yield one entry per non-empty line; a bad line becomes an entry with ``error`` set."""
    for number, (raw, too_long) in enumerate(lines, start=1):
        if too_long:
            yield _bad(number, raw, f"line {number} is longer than the size limit (VANBAN_MAX_INPUT_MB)")
            continue
        if not raw.strip():
            continue
        yield parse_line(number, raw)


def parse_line(number: int, raw: bytes) -> JsonlEntry:
    """One line of a dump as an entry (``error`` set when it cannot be a document)."""
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        return _bad(number, raw, f"line {number} is not valid JSON ({err})")
    except RecursionError:
        return _bad(number, raw, f"line {number} is nested too deeply for the JSON parser")
    except ValueError as err:  # an integer of thousands of digits (int max_str_digits)
        return _bad(number, raw, f"line {number} cannot be parsed ({err})")
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return _bad(number, raw, f"line {number} has no string field 'text'")
    text, bad = without_surrogates(obj["text"])
    warnings: tuple[str, ...] = (
        (f"line {number}: {bad} lone surrogate(s) in 'text' replaced with U+FFFD",) if bad else ()
    )
    repaired = repair_mojibake(text)
    if repaired is not None:  # TCVN3 or VNI text that went through cp1252 before it was dumped
        text = repaired.text
        warnings += (f"legacy Vietnamese encoding {repaired.encoding} converted to Unicode",)
    return JsonlEntry(
        line_number=number,
        raw_line=raw,
        text=text,
        id=_str(obj.get("id")),
        source=_str(obj.get("url") or obj.get("source")),
        title=_str(obj.get("title")),
        published=_str(obj.get("published")),
        warnings=warnings,
    )


def _bad(number: int, raw: bytes, error: str) -> JsonlEntry:
    return JsonlEntry(number, raw, None, None, None, None, None, error=error)


def _str(value) -> str | None:
    """A metadata field as text: strings kept, numbers written out, anything else (lists, objects) dropped."""
    if value in (None, "") or isinstance(value, (dict, list, bool)):
        return None
    return without_surrogates(str(value))[0][:2000]
