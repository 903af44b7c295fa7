"""JSON Lines dumps: one document per line with ``text`` and optional id, url/source, title, published."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass


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


def iter_jsonl(data: bytes) -> Iterator[JsonlEntry]:
    """Yield one entry per non-empty line; a bad line becomes an entry with ``error`` set."""
    for number, raw in enumerate(data.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            yield _bad(number, raw, f"line {number} is not valid JSON ({err})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield _bad(number, raw, f"line {number} has no string field 'text'")
            continue
        yield JsonlEntry(
            line_number=number,
            raw_line=raw,
            text=obj["text"],
            id=_str(obj.get("id")),
            source=_str(obj.get("url") or obj.get("source")),
            title=_str(obj.get("title")),
            published=_str(obj.get("published")),
        )


def _bad(number: int, raw: bytes, error: str) -> JsonlEntry:
    return JsonlEntry(number, raw, None, None, None, None, None, error=error)


def _str(value) -> str | None:
    return str(value) if value not in (None, "") else None
