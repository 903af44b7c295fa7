"""Stories: one article republished by several sites (or one directive as PDF and as HTML) is one story.

Each stored text gets a MinHash signature of its word shingles (``datasketch``);
a locality-sensitive hash (``MinHashLSH``) proposes texts that may be copies of
each other, a pair whose estimated Jaccard similarity reaches the threshold is
joined, and the joined groups are the stories. The story of a text is the id of
its earliest member (by date, then source).

The store keeps one row per text in the ``stories`` table (its signature and
its story); :meth:`pipeline.store.db.Store.records` adds ``story`` to each record
that has one, and the citation graph counts stories, not texts, as "texts citing"
a document.

``vanban run`` signs texts as it reads them; ``vanban stories PATH... --db FILE``
signs the texts of a store built before (by reading its inputs again, without
processing them) and regroups.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS stories (
    text_id TEXT PRIMARY KEY,   -- documents.id: the content hash of one text
    signature BLOB,             -- MinHash values (uint32) of its word shingles; NULL when too short
    story TEXT                  -- text_id of the story's first member (itself when it has no copy)
);
"""

NUM_PERM = 128  # MinHash permutations: Jaccard estimated within about ±0.09 (1/sqrt(128))
SHINGLE = 4  # words per shingle
THRESHOLD = 0.8  # estimated Jaccard similarity of two texts of one story
MIN_SHINGLES = 25  # texts shorter than this are stories of their own (boilerplate lines are not copies)
SEED = 1
SCHEME = "affine32"  # datasketch's permutation scheme; stored signatures are only comparable within one

# A word: a run of letters or digits (Vietnamese letters with tone marks are \w in Python).
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class StoryCount:
    """What :func:`group_stories` found: texts signed, stories, and texts that are copies."""

    texts: int
    stories: int
    copies: int  # texts in a story of which they are not the first member

    def line(self) -> str:
        return f"stories: {self.texts} texts, {self.stories} stories ({self.copies} texts are copies of another)"


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of ``size``-word shingles of ``text``, lower case.

    >>> sorted(shingles("Một hai ba bốn năm", 4))
    ['hai ba bốn năm', 'một hai ba bốn']
    """
    words = _WORD_RE.findall(text.lower())
    return {" ".join(words[i : i + size]) for i in range(max(0, len(words) - size + 1))}


def signature(text: str) -> np.ndarray | None:
    """MinHash values of ``text``'s shingles, or None for a text too short to compare."""
    parts = shingles(text)
    if len(parts) < MIN_SHINGLES:
        return None
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch([s.encode("utf-8") for s in parts])
    return m.hashvalues


def _minhash(values: np.ndarray):
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=values)


def sign(db: sqlite3.Connection, text_id: str, text: str) -> None:
    """Keep the signature of one text (its story is decided by :func:`group_stories`)."""
    values = signature(text)
    db.execute(
        "INSERT INTO stories (text_id, signature, story) VALUES (?, ?, ?) "
        "ON CONFLICT(text_id) DO UPDATE SET signature = excluded.signature",
        (text_id, None if values is None else np.asarray(values, dtype=np.uint32).tobytes(), text_id),
    )


def signed(items: Iterable, db: sqlite3.Connection) -> Iterator:
    """Pass ``items`` through, signing on the way every raw document (``id`` and ``text``
    attributes) and every record that carries its text (a Dask run's ``"id"`` and ``"text"``)."""
    for item in items:
        if isinstance(item, dict):
            doc_id, text = item.get("id"), item.get("text")
        else:
            doc_id, text = getattr(item, "id", None), getattr(item, "text", None)
        if isinstance(text, str) and doc_id:
            sign(db, doc_id, text)
        yield item


def stories_of(
    signatures: dict[str, np.ndarray | None], order: list[str], threshold: float = THRESHOLD
) -> dict[str, str]:
    """The story of every text: ``{text_id: id of the story's first member in order}``.

    ``order`` lists the text ids first to last (the first member names the story).
    """
    from datasketch import MinHashLSH

    rank = {text_id: i for i, text_id in enumerate(order)}
    hashes = {t: _minhash(v) for t, v in signatures.items() if v is not None}
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = {t: t for t in signatures}

    def root(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    for text_id in sorted(hashes, key=lambda t: rank.get(t, len(rank))):
        m = hashes[text_id]
        for other in lsh.query(m):
            if m.jaccard(hashes[other]) >= threshold:
                a, b = root(text_id), root(other)
                if a != b:
                    first, second = sorted((a, b), key=lambda t: rank.get(t, len(rank)))
                    parent[second] = first
        lsh.insert(text_id, m)
    return {t: root(t) for t in signatures}


def group_stories(db: sqlite3.Connection, threshold: float = THRESHOLD) -> StoryCount:
    """Regroup every stored text into stories and write each text's story."""
    rows = db.execute(
        "SELECT s.text_id, s.signature FROM stories s JOIN documents d ON d.id = s.text_id AND d.status = 'ok'"
    ).fetchall()
    signatures = {t: None if blob is None else np.frombuffer(blob, dtype=np.uint32) for t, blob in rows}
    order = [
        t
        for (t,) in db.execute(
            "SELECT id FROM documents WHERE status = 'ok' ORDER BY coalesce(published, '9999'), source"
        )
    ]
    story = stories_of(signatures, order, threshold)
    db.executemany("UPDATE stories SET story = ? WHERE text_id = ?", [(s, t) for t, s in story.items()])
    db.commit()
    return StoryCount(
        texts=len(story), stories=len(set(story.values())), copies=sum(1 for t, s in story.items() if t != s)
    )


def sign_stored(db: sqlite3.Connection, raws: Iterable) -> int:
    """Sign the raw documents that are stored but have no signature yet; returns how many were signed."""
    stored = {t for (t,) in db.execute("SELECT id FROM documents WHERE status = 'ok'")}
    known = {t for (t,) in db.execute("SELECT text_id FROM stories WHERE signature IS NOT NULL OR story IS NOT NULL")}
    count = 0
    for raw in raws:
        text_id = getattr(raw, "id", None)
        if (
            isinstance(text_id, str)
            and text_id in stored
            and text_id not in known
            and isinstance(getattr(raw, "text", None), str)
        ):
            sign(db, text_id, raw.text)
            known.add(text_id)
            count += 1
    return count
