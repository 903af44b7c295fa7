"""Vietnamese normalization as a list of named steps, with a map back to original offsets.

Each step finds edits (start, end, replacement) in the current text; applying them
composes the offset map, so that ``NormalizedText.original_span(start, end)`` turns
any span of the normalized text into the span of the original text it came from.
The steps, in order: newlines, NFC, look-alike letters, tone placement, dashes,
invisible characters, Markdown markup (Markdown input only), spaces.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Edit = tuple[int, int, str]
Step = Callable[[str], Iterator[Edit]]

# Letters that look like Đ/đ but are other code points (Icelandic eth, African D).
LOOKALIKES = {"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ", "\u0256": "đ"}
LOOKALIKE_RE = re.compile("[\u00d0\u0189\u00f0\u0256]")

# Tone marks (not vowel-shape marks): grave, acute, hook above, tilde, dot below.
TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"

# Old-style placement: tone on the last vowel of a syllable-final "oa", "oe", "uy"
# ("hoà", "khoẻ", "thuỷ"); the form used here puts it on o/u ("hòa", "khỏe", "thủy").
# Not after q/g, where u/i belong to the consonant ("quý"), and never when a letter
# follows the pair ("hoàng", "thuyết").
OLD_TONE_RE = re.compile(
    r"(?<![qQgG])"
    r"(?:([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])"  # o + toned a/e
    r"|([uU])([ỳýỷỹỵỲÝỶỸỴ]))"  # u + toned y
    r"(?![^\W\d_])"
)

# Dash look-alikes: hyphen, non-breaking hyphen, figure/en/em dash, bar, minus, small/full-width.
DASH_RE = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")

# Characters with no width: zero-width space/joiners, word joiner, BOM, soft hyphen.
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# Horizontal space variants: tab, NBSP, en/em/thin spaces, narrow NBSP, ideographic space.
SPACE_RE = re.compile("[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
SPACE_RUN_RE = re.compile(" {2,}")

# Markdown markup that is not text: emphasis stars and underscores, backslash escapes, table pipes.
MD_EMPHASIS_RE = re.compile(r"\*+|(?<!\w)__|__(?!\w)")
MD_ESCAPE_RE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>])")
# A pipe with text on both sides on its line separates two table cells: it is kept, so
# that a name never runs into the next cell's first word ("Nguyễn Thị Kim Dung | Trưởng
# ban" is not "Kim Dung Trưởng") and a row stays one line. Other pipes (a row's outer
# edges, empty cells) become spaces.
MD_CELL_PIPE_RE = re.compile(r"(?<=[^\s|])[ \t]*\|(?=[ \t]*[^\s|])")
MD_PIPE_RE = re.compile(r"\|")


@dataclass(frozen=True)
class NormalizedText:
    """The normalized text, the original, and per-character original spans."""

    text: str
    original: str
    starts: array[int]  # starts[i]: original offset where normalized char i begins
    ends: array[int]  # ends[i]: original offset where normalized char i ends

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the original span that produced it."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            point = self.starts[start] if start < len(self.text) else len(self.original)
            return point, point
        return self.starts[start], self.ends[end - 1]

    def original_offset(self, position: int) -> int:
        return self.original_span(position, position)[0]


def step_newlines(text: str) -> Iterator[Edit]:
    for m in re.finditer(r"\r\n?", text):
        yield m.start(), m.end(), "\n"


def step_nfc(text: str) -> Iterator[Edit]:
    """Compose each base letter with the combining marks that follow it (NFD → NFC)."""
    if unicodedata.is_normalized("NFC", text):
        return
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        composed = unicodedata.normalize("NFC", cluster)
        if composed != cluster:
            yield i, j, composed
        i = j


def step_lookalikes(text: str) -> Iterator[Edit]:
    for m in LOOKALIKE_RE.finditer(text):
        yield m.start(), m.end(), LOOKALIKES[m.group()]


def step_tone_placement(text: str) -> Iterator[Edit]:
    for m in OLD_TONE_RE.finditer(text):
        first, toned = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        decomposed = unicodedata.normalize("NFD", toned)
        tone = "".join(c for c in decomposed if c in TONE_MARKS)
        bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
        yield m.start(), m.end(), unicodedata.normalize("NFC", first + tone) + bare


def _substitute(pattern: re.Pattern[str], replacement: str) -> Step:
    def step(text: str) -> Iterator[Edit]:
        for m in pattern.finditer(text):
            yield m.start(), m.end(), replacement

    return step


step_dashes = _substitute(DASH_RE, "-")
step_invisible = _substitute(INVISIBLE_RE, "")
step_space_variants = _substitute(SPACE_RE, " ")
step_space_runs = _substitute(SPACE_RUN_RE, " ")


def step_markdown(text: str) -> Iterator[Edit]:
    """Drop emphasis markers and escapes; keep pipes between two cells, turn other pipes into spaces.
    Markers that alone stood between a word and a capital become a space ("Ventures**Bà Nguyễn
    Phi Vân**:" is "Ventures Bà Nguyễn Phi Vân:", not "VenturesBà")."""
    edits = [
        (m.start(), m.end(), _emphasis_replacement(text, m.start(), m.end())) for m in MD_EMPHASIS_RE.finditer(text)
    ]
    edits += [(m.start(), m.end(), "") for m in MD_ESCAPE_RE.finditer(text)]
    cell_pipes = {m.end() - 1 for m in MD_CELL_PIPE_RE.finditer(text)}
    edits += [(m.start(), m.end(), " ") for m in MD_PIPE_RE.finditer(text) if m.start() not in cell_pipes]
    edits.sort()
    last = -1
    for edit in edits:
        if edit[0] >= last:
            yield edit
            last = edit[1]


def _emphasis_replacement(text: str, start: int, end: int) -> str:
    """A space where the markers glue a word to a capital after it, else nothing."""
    glued = start > 0 and end < len(text) and (text[start - 1].isalnum() or text[start - 1] in ".,:;)")
    return " " if glued and text[end].isupper() else ""


STEPS: list[tuple[str, Step]] = [
    ("newlines", step_newlines),
    ("nfc", step_nfc),
    ("lookalikes", step_lookalikes),
    ("tone_placement", step_tone_placement),
    ("dashes", step_dashes),
    ("invisible", step_invisible),
    ("space_variants", step_space_variants),
    ("space_runs", step_space_runs),
]
MARKDOWN_STEP = ("markdown", step_markdown)


def steps_for(fmt: str | None) -> list[tuple[str, Step]]:
    if fmt == "md":
        return STEPS[:-2] + [MARKDOWN_STEP] + STEPS[-2:]
    return STEPS


def normalize(original: str, fmt: str | None = None) -> NormalizedText:
    """Run every step for the format; return the text with its map to ``original``."""
    text = original
    starts = array("l", range(len(original)))
    ends = array("l", range(1, len(original) + 1))
    for _name, step in steps_for(fmt):
        edits = list(step(text))
        if edits:
            text, starts, ends = _apply(text, starts, ends, edits)
    return NormalizedText(text=text, original=original, starts=starts, ends=ends)


def normalize_text(text: str, fmt: str | None = None) -> str:
    """The normalized string alone, without an offset map (for look-ups and comparing names and codes)."""
    for _name, step in steps_for(fmt):
        edits = list(step(text))
        if edits:
            text = _splice(text, edits)
    return text


def _splice(text: str, edits: list[Edit]) -> str:
    pieces, cursor = [], 0
    for start, end, replacement in edits:
        pieces += [text[cursor:start], replacement]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _apply(text: str, starts: array[int], ends: array[int], edits: list[Edit]) -> tuple[str, array[int], array[int]]:
    pieces: list[str] = []
    new_starts = array("l")
    new_ends = array("l")
    cursor = 0
    for start, end, replacement in edits:
        pieces.append(text[cursor:start])
        new_starts.extend(starts[cursor:start])
        new_ends.extend(ends[cursor:start])
        pieces.append(replacement)
        if len(replacement) == end - start:
            new_starts.extend(starts[start:end])
            new_ends.extend(ends[start:end])
        elif replacement:
            first = starts[start] if start < len(starts) else (ends[-1] if len(ends) else 0)
            last = ends[end - 1] if end > start else first
            new_starts.extend([first] * len(replacement))
            new_ends.extend([last] * len(replacement))
        cursor = end
    pieces.append(text[cursor:])
    new_starts.extend(starts[cursor:])
    new_ends.extend(ends[cursor:])
    return "".join(pieces), new_starts, new_ends
