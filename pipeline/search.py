"""Full-text search over the store's texts, by words, and the keywords of each text.

The FTS5 table ``text_search_words(doc_id, source, body)`` holds each text as
underthesea's words with a word's syllables joined by "_" ("quy_hoạch cán_bộ"),
so that a phrase query for "quy hoạch cán bộ" (segmented the same way) matches
those words and not the same syllables inside other words. Beside it,
``text_search_words_offsets`` keeps each body word's (start, end) in the original
text, which places a hit in the text: its snippet and the codes cited near it.
(``text_search``, beside it, indexes the plain texts for Datasette, by syllables: ``pipeline.texts``.)

``text_search_keywords`` holds each text's most distinctive words: TF-IDF over the index
(a word's count in the text × log(texts / texts with the word)), from FTS5's
own vocabulary tables; ``refresh_keywords`` recomputes it after a run.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field

SCHEMA_SQL = """
CREATE VIRTUAL TABLE IF NOT EXISTS text_search_words USING fts5(
    doc_id UNINDEXED, source UNINDEXED, body,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
CREATE TABLE IF NOT EXISTS text_search_words_offsets (source TEXT PRIMARY KEY, spans TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS text_search_words_terms USING fts5vocab(text_search_words, 'row');
CREATE VIRTUAL TABLE IF NOT EXISTS text_search_words_instances USING fts5vocab(text_search_words, 'instance');
CREATE TABLE IF NOT EXISTS text_search_keywords (source TEXT NOT NULL, rank INTEGER, word TEXT, score REAL);
CREATE INDEX IF NOT EXISTS text_search_keywords_source ON text_search_keywords(source);
"""
KEYWORDS_PER_TEXT = 8
NEAR_CHARS = 300  # a code cited this close to a hit (in characters) is "near" it
SNIPPET_WORDS = 12  # words shown on each side of a hit
SPACE_RE = re.compile(r"\s+")  # the spaces between a word's syllables, joined by "_" in the body
WORDLIKE_RE = re.compile(r"\w")  # a body word has a letter or digit (punctuation is left out)
# a keyword: a word of two syllables or more with a letter (one-syllable words are mostly function words)
KEYWORD_RE = re.compile(r"^(?=.*[^\W\d_])\w+_\w+$")


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
    db.executescript(SCHEMA_SQL)


def body_word(text: str) -> str:
    """A word as the index holds it: its syllables joined by "_"."""
    return SPACE_RE.sub("_", text.strip())


def index_text(db: sqlite3.Connection, record: dict, tokens: list[dict]) -> None:
    """Index one stored text by its words (``tokens``: record spans of underthesea's words)."""
    words = [t for t in tokens if t["text"].strip()]
    forget(db, record["source"])
    db.execute(
        "INSERT INTO text_search_words (doc_id, source, body) VALUES (?, ?, ?)",
        (record["id"], record["source"], " ".join(body_word(t["text"]) for t in words)),
    )
    db.execute(
        "INSERT INTO text_search_words_offsets (source, spans) VALUES (?, ?)",
        (record["source"], json.dumps([[t["start"], t["end"]] for t in words])),
    )


def forget(db: sqlite3.Connection, source: str) -> None:
    db.execute("DELETE FROM text_search_words WHERE source = ?", (source,))
    db.execute("DELETE FROM text_search_words_offsets WHERE source = ?", (source,))
    db.execute("DELETE FROM text_search_keywords WHERE source = ?", (source,))


def query_words(query: str) -> list[str]:
    """The query segmented into words as the index holds them."""
    from pipeline.segment import segmenter

    return [body_word(w) for w in segmenter().words(query) if WORDLIKE_RE.search(w)]


def fts_phrase(words: list[str]) -> str:
    """An FTS5 phrase query for these words (double quotes doubled)."""
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def search(db: sqlite3.Connection, query: str, limit: int = 10) -> list[Hit]:
    """Texts whose words contain the words of ``query`` in a row, best first (bm25)."""
    words = query_words(query)
    if not words:
        return []
    rows = db.execute(
        "SELECT s.doc_id, s.source, s.body, o.spans, d.record, s.rank FROM text_search_words s"
        " JOIN text_search_words_offsets o ON o.source = s.source"
        " LEFT JOIN documents d ON d.source = s.source"
        " WHERE text_search_words MATCH ? ORDER BY s.rank LIMIT ?",
        (fts_phrase(words), limit),
    ).fetchall()
    return [_hit(words, *row) for row in rows]


def _hit(
    words: list[str], doc_id: str, source: str, body: str, spans_json: str, record_json: str | None, rank: float
) -> Hit:
    body_words = body.split(" ")
    spans = json.loads(spans_json)
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


def _snippet(body_words: list[str], spans: list[list[int]], start: int, end: int) -> str:
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
    """Recompute every text's keywords (TF-IDF over the index); after a run that stored something."""
    texts = db.execute("SELECT count(*) FROM text_search_words").fetchone()[0]
    db.execute("DELETE FROM text_search_keywords")
    if not texts:
        return
    rows = db.execute(
        "SELECT i.doc, i.term, count(*) * ln(1.0 * ? / t.doc) AS score"
        " FROM text_search_words_instances i JOIN text_search_words_terms t ON t.term = i.term"
        " WHERE i.col = 'body' GROUP BY i.doc, i.term",
        (texts,),
    )
    best: dict[int, list[tuple[float, str]]] = {}
    for rowid, term, score in rows:
        if score > 0 and KEYWORD_RE.match(term):
            best.setdefault(rowid, []).append((score, term))
    sources = dict(db.execute("SELECT rowid, source FROM text_search_words"))
    for rowid, scored in best.items():
        top = sorted(scored, key=lambda x: (-x[0], x[1]))[:per_text]
        db.executemany(
            "INSERT INTO text_search_keywords (source, rank, word, score) VALUES (?, ?, ?, ?)",
            [
                (sources[rowid], rank, term.replace("_", " "), round(score, 3))
                for rank, (score, term) in enumerate(top, start=1)
            ],
        )


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
