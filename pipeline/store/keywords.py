"""Each text's keywords: its most distinctive words over the store, without signature debris or names.

When a text is indexed, ``candidates`` counts its words that may be keywords: two syllables
or more, with a letter. It leaves out words by kind, from what the record found:

- parts of person names: words inside a person's mention, and words made of two or more
  syllables in a row of a name the record holds ("quang khải" of "Trần Quang Khải");
- fragments: a word with a syllable that is one letter but not a vowel ("t trưởng", left
  when "K/T TRƯỞNG BAN" is broken apart) or a Roman numeral ("vii phần" of a heading);
- signature and title lines: lines such as "K/T TRƯỞNG BAN", "TM. BAN THƯỜNG VỤ",
  "Nơi nhận:", "(Đã ký)", and short lines holding a post the record found (but the first line,
  the text's own title).

``refresh`` scores every text's candidates by TF-IDF over the store (count in the text ×
log(texts / texts with the word)) and keeps the best ``KEYWORDS_PER_TEXT``.
"""

from __future__ import annotations

import bisect
import json
import math
import re
import sqlite3
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable

KEYWORDS_PER_TEXT = 8
SHORT_LINE = 80  # a line this short (characters) holding a post is a title or signature line
VOWELS = frozenset("aeiouy")  # a one-letter syllable is a word only if it is a vowel ("ô tô", "y tế")
SYLLABLES_LIKE_NUMERALS = frozenset({"vi", "xi"})  # Vietnamese syllables ("vi phạm", "xi măng"), not numerals

# a syllable: a run of letters and digits (a word's parts are split at spaces, "_", "/", "-")
SYLLABLE_RE = re.compile(r"[^\W_]+")
# a letter (not a digit or "_")
LETTER_RE = re.compile(r"[^\W\d_]")
# a Roman numeral of a heading or a term ("VII", "IV"), once case-folded
ROMAN_RE = re.compile(r"^[ivx]+$")
# one line of the text, without its end of line
LINE_RE = re.compile(r"[^\n]+")
# a signature or title line: "K/T", "T/M", "T/L", "KT.", "TM.", "TL.", "TUQ." before a post,
# "Nơi nhận:", "(Đã ký)", "(Ký tên, đóng dấu)"; after any bullet, quote or Markdown mark
SIGNATURE_LINE_RE = re.compile(
    r"^[^\w]*(?:[KT]\s*/\s*[TML]\b|(?:KT|TM|TL|TUQ)\s*\.|Nơi\s+nhận\b|\(?\s*(?:Đã\s+ký|Ký\s+tên)\b)",
    re.IGNORECASE,
)


def syllables(text: str) -> list[str]:
    """The syllables of a word or name, case-folded."""
    return SYLLABLE_RE.findall(text.casefold())


def is_fragment(syllable: str) -> bool:
    """One letter or digit that is not a vowel, or a Roman numeral: a piece of a heading, a date, a signature."""
    if len(syllable) == 1:
        return unicodedata.normalize("NFD", syllable)[0] not in VOWELS
    return bool(ROMAN_RE.match(syllable)) and syllable not in SYLLABLES_LIKE_NUMERALS


def keyword_key(word: str) -> str | None:
    """The word as a keyword ("quy hoạch"), or None when it cannot be one."""
    parts = syllables(word)
    if len(parts) < 2 or not LETTER_RE.search(word) or any(is_fragment(p) for p in parts):
        return None
    return " ".join(parts)


def name_parts(names: Iterable[str]) -> set[str]:
    """Every run of two syllables or more of these names ("trần quang", "quang khải", ...)."""
    found = set()
    for name in names:
        parts = syllables(name)
        for i in range(len(parts)):
            for j in range(i + 2, len(parts) + 1):
                found.add(" ".join(parts[i:j]))
    return found


def left_out_spans(record: dict, text: str) -> list[tuple[int, int]]:
    """Spans of the text whose words are not keywords: people's mentions, signature and title lines."""
    spans: list[tuple[int, int]] = []
    posts: list[tuple[int, int]] = []
    for person in record.get("people") or []:
        spans += [(m["start"], m["end"]) for m in person.get("mentions") or [] if m.get("start") is not None]
        posts += [(p["start"], p["end"]) for p in person.get("posts") or [] if p.get("start") is not None]
    posts = _merge(posts)
    for n, line in enumerate(LINE_RE.finditer(text)):
        start, end = line.span()  # the first line is the text's own title: its posts count
        title_line = n > 0 and len(line.group().strip()) <= SHORT_LINE and _overlaps(posts, start, end)
        if title_line or SIGNATURE_LINE_RE.match(line.group()):
            spans.append((start, end))
    return _merge(spans)


def candidates(record: dict, text: str, word_spans: list[tuple[int, int]]) -> Counter[str]:
    """How often each word of the text that may be a keyword occurs in it (see the module's rules)."""
    left_out = left_out_spans(record, text)
    names = name_parts(p["name"] for p in record.get("people") or [] if p.get("name"))
    counts: Counter[str] = Counter()
    for start, end in word_spans:
        key = keyword_key(text[start:end])
        if key and key not in names and not _overlaps(left_out, start, end):
            counts[key] += 1
    return counts


def pack(counts: Counter[str]) -> bytes:
    return zlib.compress(json.dumps(counts, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def unpack(blob: bytes) -> dict[str, int]:
    return json.loads(zlib.decompress(blob))


def refresh(db: sqlite3.Connection, per_text: int = KEYWORDS_PER_TEXT) -> None:
    """Recompute every indexed text's keywords (TF-IDF over the store); after a run that stored something."""
    db.execute("DELETE FROM text_search_keywords")
    counts = {source: unpack(blob) for source, blob in db.execute("SELECT source, terms FROM text_words")}
    if not counts:
        return
    texts = len(counts)
    documents: Counter[str] = Counter()
    for words in counts.values():
        documents.update(words.keys())
    rows = []
    for source, words in counts.items():
        scored = [(n * math.log(texts / documents[w]), w) for w, n in words.items() if documents[w] < texts]
        top = sorted(scored, key=lambda x: (-x[0], x[1]))[:per_text]
        rows += [(source, rank, word, round(score, 3)) for rank, (score, word) in enumerate(top, start=1)]
    db.executemany("INSERT INTO text_search_keywords (source, rank, word, score) VALUES (?, ?, ?, ?)", rows)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets one of these sorted, non-overlapping spans."""
    i = bisect.bisect_right(spans, (end,))  # spans starting before end (a start == end does not meet)
    while i > 0:
        s, e = spans[i - 1]
        if s < end and e > start:
            return True
        if e <= start:
            return False
        i -= 1
    return False


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
