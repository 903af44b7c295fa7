"""Full-text search over the store's texts, by words, and the keywords of each text.

The store has one full-text index, ``text_search`` (FTS5, ``pipeline.store.texts``): the plain
texts by syllables, which Datasette's search box uses as it is. ``vanban search`` matches
words: the query is segmented into underthesea's words ("quy_hoạch cán_bộ"), the index
finds the texts with those syllables in a row, and a hit is kept only when the text's
own words hold the query's words in a row, so "hoạch cán" does not match inside
"quy_hoạch cán_bộ". The text's words are kept in ``text_words``: their spans in the
text (which place a hit: its snippet and the codes cited near it) and the counts of
the words that may be keywords (``pipeline.store.keywords``).

``text_search_keywords`` holds each text's most distinctive words (TF-IDF over the store);
``refresh_keywords`` recomputes it after a run.
"""

from __future__ import annotations

import bisect
import json
import re
import sqlite3
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from itertools import accumulate

from pipeline.store import keywords
from pipeline.store.texts import text_of_source

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS text_words (source TEXT PRIMARY KEY, spans BLOB NOT NULL, terms BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS text_search_keywords (source TEXT NOT NULL, rank INTEGER, word TEXT, score REAL);
CREATE INDEX IF NOT EXISTS text_search_keywords_source ON text_search_keywords(source);
"""
#: the word index of vanban 0.2 before this one, dropped once its spans are moved to text_words
OLD_TABLES = (
    "text_search_words_instances",
    "text_search_words_terms",
    "text_search_words",
    "text_search_words_offsets",
)
KEYWORDS_PER_TEXT = keywords.KEYWORDS_PER_TEXT
NEAR_CHARS = 300  # a code cited this close to a hit (in characters) is "near" it
SNIPPET_WORDS = 12  # words shown on each side of a hit
SPACE_RE = re.compile(r"\s+")  # the spaces between a word's syllables, joined by "_" in a word
WORDLIKE_RE = re.compile(r"\w")  # a word has a letter or digit (punctuation is left out)
TOKEN_RE = re.compile(r"\w+")  # what a phrase matches in words: runs of letters, digits and "_" ("quy_hoạch")


@dataclass
class Hit:
    """One text that matches a search, with where and what."""

    source: str
    id: str
    title: str | None
    snippet: str
    start: int | None  # the hit's offsets in the original text
    end: int | None
    codes: list[str] = field(default_factory=list)  # codes cited near the hit, nearest first
    score: float = 0.0  # bm25 (smaller is better)


def ensure_schema(db: sqlite3.Connection) -> None:
    """The tables; a store with the old word index (``text_search_words``) has it moved once."""
    db.executescript(SCHEMA_SQL)
    if _has_table(db, "text_search_words_offsets"):
        _migrate(db)


def body_word(text: str) -> str:
    """A word as the search compares it: its syllables joined by "_"."""
    return SPACE_RE.sub("_", text.strip())


def index_text(db: sqlite3.Connection, record: dict, tokens: list[dict], text: str) -> None:
    """Keep one stored text's words (``tokens``: record spans of underthesea's words in ``text``)."""
    spans = [(t["start"], t["end"]) for t in tokens if t["text"].strip()]
    forget(db, record["source"])
    db.execute(
        "INSERT INTO text_words (source, spans, terms) VALUES (?, ?, ?)",
        (record["source"], pack_spans(spans), keywords.pack(keywords.candidates(record, text, spans))),
    )


def forget(db: sqlite3.Connection, source: str) -> None:
    db.execute("DELETE FROM text_words WHERE source = ?", (source,))
    db.execute("DELETE FROM text_search_keywords WHERE source = ?", (source,))


def pack_spans(spans: list[tuple[int, int]]) -> bytes:
    """Word spans, compact: each offset as its distance from the one before, 32-bit little-endian, zlib."""
    deltas = array("I", (b - a for a, b in zip([0, *_flat(spans)], _flat(spans), strict=False)))
    if sys.byteorder == "big":
        deltas.byteswap()
    return zlib.compress(deltas.tobytes())


def unpack_spans(blob: bytes) -> list[tuple[int, int]]:
    deltas = array("I")
    deltas.frombytes(zlib.decompress(blob))
    if sys.byteorder == "big":
        deltas.byteswap()
    offsets = list(accumulate(deltas))
    return list(zip(offsets[::2], offsets[1::2], strict=True))


def _flat(spans: list[tuple[int, int]]) -> list[int]:
    return [x for span in spans for x in span]


def _migrate(db: sqlite3.Connection) -> None:
    """Move the old index's word spans into ``text_words`` (with keyword counts) and drop it."""
    rows = db.execute(
        "SELECT o.source, o.spans, d.record FROM text_search_words_offsets o JOIN documents d ON d.source = o.source"
    ).fetchall()
    for source, spans_json, record_json in rows:
        text = text_of_source(db, source)
        if text is None or record_json is None:
            continue
        spans = [(s, e) for s, e in json.loads(spans_json)]
        db.execute(
            "INSERT OR REPLACE INTO text_words (source, spans, terms) VALUES (?, ?, ?)",
            (source, pack_spans(spans), keywords.pack(keywords.candidates(json.loads(record_json), text, spans))),
        )
    for name in OLD_TABLES:
        db.execute(f"DROP TABLE IF EXISTS {name}")
    keywords.refresh(db)


def query_words(query: str) -> list[str]:
    """The query segmented into words as the index holds them."""
    from vntext.segment import segmenter

    return [body_word(w) for w in segmenter().words(query) if WORDLIKE_RE.search(w)]


def search(db: sqlite3.Connection, query: str, limit: int = 10) -> list[Hit]:
    """Texts whose words contain the words of ``query`` in a row, best first (bm25 of the index)."""
    words = query_words(query)
    wanted = [t.casefold() for w in words for t in TOKEN_RE.findall(w)]
    if not wanted:
        return []
    syllables = " ".join(wanted).replace("_", " ")  # the index holds syllables: the same tokens split at "_"
    phrase = _phrase_re(wanted)
    found = db.execute(
        "SELECT rowid, rank FROM text_search WHERE text_search MATCH ? ORDER BY rank", (f'"{syllables}"',)
    )
    hits: list[Hit] = []
    for rowid, rank in found:
        row = db.execute(
            "SELECT s.doc_id, s.source, s.body, w.spans FROM text_search s JOIN text_words w ON w.source = s.source"
            " WHERE s.rowid = ?",
            (rowid,),
        ).fetchone()
        if row is None:  # a text stored without its words (vanban run --no-index)
            continue
        doc_id, source, text, spans_blob = row
        spans = unpack_spans(spans_blob)
        if not _holds(text, spans, wanted, phrase):
            continue
        body_words = [body_word(text[s:e]) for s, e in spans]
        record_json = db.execute("SELECT record FROM documents WHERE source = ?", (source,)).fetchone()
        hits.append(_hit(words, doc_id, source, body_words, spans, record_json[0] if record_json else None, rank))
        if len(hits) == limit:
            break
    return hits


def _holds(text: str, spans: list[tuple[int, int]], wanted: list[str], phrase: re.Pattern) -> bool:
    """Whether the text's words hold the tokens ``wanted`` in a row, as an index of whole words would match.

    ``phrase`` finds every place where the syllables stand in a row; only the words there are read.
    """
    ends = [e for _, e in spans]
    for m in phrase.finditer(text):
        i = bisect.bisect_right(ends, m.start())  # the word at the place, or the first after it
        if i == len(spans):
            break
        first = _word_tokens(text, spans[i])
        tokens, j = list(first), i + 1
        while len(tokens) < len(first) + len(wanted) - 1 and j < len(spans):
            tokens += _word_tokens(text, spans[j])
            j += 1
        if any(tokens[k : k + len(wanted)] == wanted for k in range(len(first))):
            return True
    return False


def _word_tokens(text: str, span: tuple[int, int]) -> list[str]:
    return [t.casefold() for t in TOKEN_RE.findall(body_word(text[span[0] : span[1]]))]


def _phrase_re(wanted: list[str]) -> re.Pattern:
    """Every place (overlapping too) where the syllables of ``wanted`` stand in a row in a text."""
    syllables = [s for token in wanted for s in token.split("_") if s]
    return re.compile("(?=" + r"[\W_]*".join(re.escape(s) for s in syllables) + ")", re.IGNORECASE)


def _hit(
    words: list[str],
    doc_id: str,
    source: str,
    body_words: list[str],
    spans: list[tuple[int, int]],
    record_json: str | None,
    rank: float,
) -> Hit:
    record = json.loads(record_json) if record_json else {}
    found = _find(body_words, words)
    if found is None:  # the phrase matched on parts of words (e.g. a code split at "-" and "/")
        return Hit(source, doc_id, record.get("title"), _snippet(body_words, spans, 0, 0), None, None, [], rank)
    first, last = found
    start, end = spans[first][0], spans[last][1]
    return Hit(
        source,
        doc_id,
        record.get("title"),
        _snippet(body_words, spans, first, last + 1),
        start,
        end,
        _codes_near(record, start, end),
        rank,
    )


def _find(body_words: list[str], words: list[str]) -> tuple[int, int] | None:
    """Indexes of the first and last body word of the first run of ``words`` (punctuation between skipped)."""
    folded = [w.casefold() for w in words]
    where = [i for i, w in enumerate(body_words) if WORDLIKE_RE.search(w)]
    n = len(folded)
    for k in range(len(where) - n + 1):
        if [body_words[i].casefold() for i in where[k : k + n]] == folded:
            return where[k], where[k + n - 1]
    return None


def _snippet(body_words: list[str], spans: list[tuple[int, int]], start: int, end: int) -> str:
    """The words around a hit, the hit in [brackets]; no space where the text had none."""
    lo, hi = max(0, start - SNIPPET_WORDS), min(len(body_words), end + SNIPPET_WORDS)
    parts: list[str] = ["… "] if lo else []
    for i in range(lo, hi):
        if i > lo and spans[i][0] > spans[i - 1][1]:
            parts.append(" ")
        word = body_words[i].replace("_", " ")
        parts.append(("[" if i == start and end > start else "") + word + ("]" if i == end - 1 and end > start else ""))
    if hi < len(body_words):
        parts.append(" …")
    return "".join(parts)


def _codes_near(record: dict, start: int, end: int) -> list[str]:
    distances: dict[str, int] = {}
    for citation in record.get("citations") or []:
        code = citation.get("code")
        if not code or citation.get("start") is None:
            continue
        gap = max(citation["start"] - end, start - citation["end"], 0)
        if gap <= NEAR_CHARS:
            distances[code] = min(gap, distances.get(code, gap))
    return sorted(distances, key=lambda c: (distances[c], c))


# --- keywords ---------------------------------------------------------------------------------


def refresh_keywords(db: sqlite3.Connection, per_text: int = KEYWORDS_PER_TEXT) -> None:
    """Recompute every text's keywords (TF-IDF over the store); after a run that stored something."""
    keywords.refresh(db, per_text)


def keywords_of(db: sqlite3.Connection, source: str) -> list[str]:
    """A text's keywords, most distinctive first (empty before a run has indexed it)."""
    if not _has_table(db, "text_search_keywords"):
        return []
    return [w for (w,) in db.execute("SELECT word FROM text_search_keywords WHERE source = ? ORDER BY rank", (source,))]


def all_keywords(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Every text's keywords, by source."""
    if not _has_table(db, "text_search_keywords"):
        return {}
    found: dict[str, list[str]] = {}
    for source, word in db.execute("SELECT source, word FROM text_search_keywords ORDER BY source, rank"):
        found.setdefault(source, []).append(word)
    return found


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
