"""A text's title when its metadata gives none: a headline first line or the first heading, never site boilerplate.

The boilerplate lines (navigation, copyright notices, app banners) are a table,
``pipeline/readers/data/title_boilerplate.tsv``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.*?)\s*#*\s*$")  # a Markdown ATX heading: "## Tiêu đề"
SPACES_RE = re.compile(r"\s+")
TRIM = "#*|_` \t"


def _key(line: str) -> str:
    return SPACES_RE.sub(" ", unicodedata.normalize("NFC", line)).strip().casefold()


@cache
def _boilerplate() -> tuple[frozenset[str], tuple[str, ...]]:
    lines: set[str] = set()
    prefixes: list[str] = []
    text = resources.files("pipeline.readers.data").joinpath("title_boilerplate.tsv").read_text(encoding="utf-8")
    for row in text.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        match, phrase = row.split("\t", 1)
        (lines.add(_key(phrase)) if match == "line" else prefixes.append(_key(phrase)))
    return frozenset(lines), tuple(prefixes)


def is_boilerplate(line: str) -> bool:
    """True for a line every page of a site repeats ("Bước tới nội dung", "Bản dịch này thuộc quyền sở hữu của ...")."""
    key = _key(line.strip(TRIM))
    lines, prefixes = _boilerplate()
    return key in lines or key.startswith(prefixes)


def _clean(line: str) -> str:
    return SPACES_RE.sub(" ", line.replace("**", "").strip().strip(TRIM)).strip()


def markdown_title(text: str, first_lines: int = 20) -> str | None:
    """The first level-1 heading ("# Tiêu đề") among the first lines, unless it is boilerplate."""
    for line in text.splitlines()[:first_lines]:
        if line.startswith("# "):
            title = _clean(line[2:])
            return title if title and not is_boilerplate(title) else None
    return None


def first_line_title(text: str) -> str | None:
    """A short first line that does not end a sentence reads as a headline; boilerplate lines are passed over."""
    for raw in text.splitlines():
        line = _clean(raw)
        if sum(c.isalpha() for c in line) < 2 or is_boilerplate(line):
            continue
        if len(line) <= 200 and not line.endswith((".", ":", ";")):
            return line
        return None
    return None


def first_heading(text: str) -> str | None:
    """The first Markdown heading of any level that is not boilerplate ("### Đại hội ...:" -> "Đại hội ...")."""
    for raw in text.splitlines():
        m = HEADING_RE.match(raw)
        if not m:
            continue
        title = _clean(m.group("title")).rstrip(":").strip()
        if sum(c.isalpha() for c in title) >= 2 and len(title) <= 300 and not is_boilerplate(title):
            return title
    return None


def text_title(text: str) -> str | None:
    """A headline first line, else the first heading: what a reader would call the text's title."""
    return first_line_title(text) or first_heading(text)
