"""Graph queries answered from the store's graph tables (built by :mod:`graph.index`).

``vanban query`` asks these: a few indexed look-ups per question, and the relation
edges' CSR copy (:mod:`graph.adjacency`) for transitive walks and paths; never every
record, never networkx. The answers are those of :mod:`graph.queries` on the same records.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractors.codes import code_key
from graph.answers import (
    DOWNWARD_TYPES,
    Candidate,
    Cited,
    DocumentReport,
    Evidence,
    Hop,
    Link,
    NoPath,
    PostHeld,
    UnknownDocument,
    document_label,
    document_name_key,
    loose_code_key,
    name_key,
    posts_once,
    toneless,
)
from graph.index import build_index, refresh
from graph.index_rows import _ATTR_COLUMNS, _node_attrs
from graph.index_tables import _meta

__all__ = ["GraphIndex", "IndexMissing", "build_index"]


class IndexMissing(RuntimeError):
    """The store has no graph tables, or they are older than its documents."""


_DOC_COLUMNS = "d.id, d.key, d.label, d.issuer, d.scope, d.term, d.ambiguous"


def _row_label(row) -> str:
    return document_label(row[2] or row[1], row[3], row[4], row[5], row[6])


class GraphIndex:
    """Graph queries answered from a store's graph tables: the functions of :mod:`graph.queries`
    with the same arguments and answers, plus loose look-ups and paging.

    Examples
    --------
    >>> import sqlite3
    >>> from graph.queries import _example_record
    >>> conn = sqlite3.connect(":memory:")
    >>> _ = conn.execute("CREATE TABLE documents (source TEXT)")
    >>> _ = build_index(conn, [_example_record()])
    >>> [(link.label, link.depth) for link in GraphIndex(conn).basis("02-hd/đuk", transitive=True)]
    [('16-HD/BTCTW', 1), ('50-QĐ/TW', 2)]
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._adjacency = None
        if "index_schema" not in _meta(conn):
            raise IndexMissing("the store has no graph index (run `vanban run` or `vanban query --reindex`)")

    @classmethod
    def open(cls, db: str | Path, refresh_if_stale: bool = True) -> GraphIndex:
        """The index of store ``db``, rebuilt first when its documents changed since."""
        conn = sqlite3.connect(db)
        if refresh_if_stale:
            refresh(conn)
        return cls(conn)

    # --- looking documents up

    def find_documents(self, code: str) -> list[str]:
        """The node keys a code stands for: exact key, then the code compared as build.py does,
        then without tone marks, case, dashes or Đ/D; ``CODE@ISSUER`` picks one issuer's,
        ``CODE|TERM`` one term's."""
        return [row[1] for row in self._find(code)]

    def _find(self, code: str) -> list[tuple]:
        select = f"SELECT {_DOC_COLUMNS}, d.date, d.cited_by FROM graph_docs d"
        rows = self.conn.execute(f"{select} WHERE d.key = ?", (code,)).fetchall()
        if rows:
            return rows
        if code.strip():
            rows = self.conn.execute(f"{select} WHERE d.code_key = ? ORDER BY d.key", (code_key(code),)).fetchall()
            if rows:
                return rows
            rows = self.conn.execute(
                f"{select} WHERE d.loose_key = ? ORDER BY d.key", (loose_code_key(code),)
            ).fetchall()
            if rows:
                return rows
            rows = self._by_name(select, code)
            if rows:
                return rows
        if "@" in code:  # CODE@ISSUER: the issuer's name in part, tone marks optional
            wanted, _, issuer = code.rpartition("@")
            loose_issuer = toneless(issuer)
            rows = [row for row in self._find_or_empty(wanted) if row[3] and loose_issuer in toneless(row[3])]
            if rows:
                return rows
        if "|" in code:  # CODE|TERM: a central code's node for one committee term
            wanted, _, term = code.rpartition("|")
            rows = [row for row in self._find_or_empty(wanted) if row[5] and row[5] == term.strip().upper()]
            if rows:
                return rows
        raise UnknownDocument(code)

    def _by_name(self, select: str, name: str) -> list[tuple]:
        """Documents one of whose names (the ``names`` the texts give them) is ``name``, loosely."""
        wanted = document_name_key(name)
        ids = [
            row_id
            for row_id, attrs in self.conn.execute("SELECT id, attrs FROM graph_docs WHERE attrs LIKE '%\"names\":%'")
            if any(document_name_key(given) == wanted for given in json.loads(attrs).get("names") or {})
        ]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self.conn.execute(f"{select} WHERE d.id IN ({marks}) ORDER BY d.key", ids).fetchall()

    def relation_evidence(self, source: str, target: str, kind: str) -> list[Evidence]:
        """As :func:`graph.queries.relation_evidence`, node keys in; the sentence is left to the
        caller, who has the store's text (the tables keep offsets, not sentences)."""
        return [
            Evidence(text_id, src, start, end, rule, confidence)
            for text_id, src, start, end, rule, confidence in self.conn.execute(
                'SELECT t.text_id, t.source, v.start, v."end", v.rule, v.confidence'
                " FROM graph_docs a JOIN graph_edges e ON e.src = a.id JOIN graph_docs b ON b.id = e.dst"
                " JOIN graph_evidence v ON v.edge = e.id JOIN graph_texts t ON t.id = v.text"
                " WHERE a.key = ? AND b.key = ? AND e.type = ? ORDER BY v.rowid",
                (source, target, kind),
            )
        ]

    def _find_or_empty(self, code: str) -> list[tuple]:
        try:
            return self._find(code)
        except UnknownDocument:
            return []

    def _ids(self, code: str) -> list[tuple[int, str]]:
        return [(row[0], row[1]) for row in self._find(code)]

    def candidates(self, code: str, offset: int = 0, limit: int | None = None) -> tuple[int, list[Candidate]]:
        """How many documents a code stands for, and a page of them, most cited first
        (paged in SQL: a local code may stand for thousands of issuers' documents)."""
        select = f"SELECT {_DOC_COLUMNS}, d.date, d.cited_by FROM graph_docs d"
        rows: Iterable[tuple[Any, ...]]
        for column, value in (("key", code), ("code_key", code_key(code)), ("loose_key", loose_code_key(code))):
            (total,) = self.conn.execute(f"SELECT count(*) FROM graph_docs WHERE {column} = ?", (value,)).fetchone()
            if total:
                rows = self.conn.execute(
                    f"{select} WHERE d.{column} = ? ORDER BY d.cited_by DESC, d.key LIMIT ? OFFSET ?",
                    (value, -1 if limit is None else limit, offset),
                )
                break
        else:
            found = sorted(self._find(code), key=lambda row: (-row[8], row[1]))
            total, rows = len(found), found[offset:] if limit is None else found[offset : offset + limit]
        return total, [
            Candidate(row[1], _row_label(row), row[3], row[5], row[7], row[8], *self._first_text(row[0]))
            for row in rows
        ]

    def _first_text(self, node: int) -> tuple[str | None, str | None]:
        """The earliest text citing a document (what tells apart codes whose issuer is unknown)."""
        row = self.conn.execute(
            "SELECT coalesce(t.title, t.source), t.published FROM graph_mentions m JOIN graph_texts t ON t.id = m.text"
            " WHERE m.doc = ? ORDER BY t.published IS NULL, t.published, t.id LIMIT 1",
            (node,),
        ).fetchone()
        return row if row else (None, None)

    # --- relations

    def _links(self, nodes: list[int], outgoing: bool, types, min_confidence: float) -> dict[int, list]:
        """Each node's relation neighbours, in networkx's order, sorted by (type, label) like the queries."""
        near, far, order = ("src", "dst", "out_seq") if outgoing else ("dst", "src", "in_seq")
        sql = (
            f"SELECT e.{near}, e.type, e.confidence, e.count, {_DOC_COLUMNS} FROM graph_edges e"
            f" JOIN graph_docs d ON d.id = e.{far}"
            f" WHERE e.{near} IN (SELECT value FROM json_each(?)) AND e.confidence >= ?"
        )
        params: list = [json.dumps(nodes), min_confidence]
        if types is not None:
            sql += f" AND e.type IN ({','.join('?' * len(types))})"
            params += list(types)
        sql += f" ORDER BY e.{near}, e.{order}, e.key_seq"
        found: dict[int, list] = {node: [] for node in nodes}
        for row in self.conn.execute(sql, params):
            found[row[0]].append((row[4], row[5], _row_label(row[4:]), row[1], row[2], row[3]))
        return found

    def _sorted_links(self, nodes: list[int], outgoing: bool, types, min_confidence: float) -> dict[int, list]:
        found = self._links(nodes, outgoing, types, min_confidence)
        for links in found.values():
            links.sort(key=lambda link: (link[3], link[2]))
        return found

    def adjacency(self):
        """The relation edges in CSR form (:mod:`graph.adjacency`), mapped from the cache beside
        the store, or built once when the tables changed since it was written."""
        from graph import adjacency

        token = adjacency.index_token(self.conn)
        if self._adjacency is None or self._adjacency.token != token:
            self._adjacency = adjacency.load(self.conn)
        return self._adjacency

    def _walk(self, code: str, outgoing: bool, transitive: bool, types, min_confidence: float) -> list[Link]:
        """Breadth-first, one vectorised step per level over the whole frontier."""
        from graph.adjacency import walk

        ids = self._ids(code)
        start = [node for node, _key in ids]
        if not transitive:  # one level: a few indexed look-ups, no need for the arrays
            return self._one_level(dict(ids), outgoing, types, min_confidence)
        adjacency = self.adjacency()
        reached = walk(adjacency, start, outgoing, types, min_confidence)
        keys, labels = adjacency.names(reached.nodes)
        named = dict(zip(unique := list(dict.fromkeys(reached.via)), adjacency.names(unique)[0]))
        via = [named[node] for node in reached.via]
        return [
            Link(*fields)
            for fields in zip(keys, labels, reached.types, reached.confidence, reached.count, reached.depth, via)
        ]

    def _one_level(self, keys: dict[int, str], outgoing: bool, types, min_confidence: float) -> list[Link]:
        neighbours = self._sorted_links(list(keys), outgoing, types, min_confidence)
        seen, found = set(keys), []
        for node in keys:
            for other, key, label, kind, confidence, count in neighbours[node]:
                if other not in seen:
                    seen.add(other)
                    found.append(Link(key, label, kind, confidence, count, 1, keys[node]))
        return found

    def implementers(
        self, code: str, transitive: bool = False, types: tuple[str, ...] = DOWNWARD_TYPES, min_confidence: float = 0.0
    ) -> list[Link]:
        """As :func:`graph.queries.implementers`."""
        return self._walk(code, False, transitive, types, min_confidence)

    def basis(
        self, code: str, transitive: bool = False, types: tuple[str, ...] = DOWNWARD_TYPES, min_confidence: float = 0.0
    ) -> list[Link]:
        """As :func:`graph.queries.basis`."""
        return self._walk(code, True, transitive, types, min_confidence)

    # --- documents

    def doc(
        self, code: str, min_confidence: float = 0.0, offset: int = 0, limit: int | None = None
    ) -> list[DocumentReport]:
        """As :func:`graph.queries.doc`; ``offset``/``limit`` page the nodes of a code with many issuers."""
        rows = self._find(code)
        rows = rows[offset:] if limit is None else rows[offset : offset + limit]
        return [self._report(row[0], row[1], min_confidence) for row in rows]

    def _report(self, node: int, key: str, min_confidence: float) -> DocumentReport:
        row = self.conn.execute(f"SELECT {_ATTR_COLUMNS} FROM graph_docs WHERE id = ?", (node,)).fetchone()
        out = self._sorted_links([node], True, None, min_confidence)[node]
        into = self._sorted_links([node], False, None, min_confidence)[node]
        texts = [
            {"node": f"text:{text_id}", "title": title, "source": source, "published": published, "count": count}
            for text_id, title, source, published, count in self.conn.execute(
                "SELECT t.text_id, t.title, t.source, t.published, m.count FROM graph_mentions m"
                " JOIN graph_texts t ON t.id = m.text WHERE m.doc = ? ORDER BY m.text",
                (node,),
            )
        ]
        texts.sort(key=lambda t: (t["published"] or "", t["source"] or ""))
        return DocumentReport(
            key,
            _node_attrs(row[:-1], row[-1]),
            [Link(k, label, kind, conf, count) for _i, k, label, kind, conf, count in out],
            [Link(k, label, kind, conf, count) for _i, k, label, kind, conf, count in into],
            texts,
        )

    def top(self, n: int = 10) -> list[Cited]:
        """As :func:`graph.queries.top`."""
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        rows = self.conn.execute(
            f"SELECT {_DOC_COLUMNS}, d.cited_by FROM graph_docs d ORDER BY d.cited_by DESC, d.key LIMIT ?", (n,)
        )
        return [Cited(row[1], _row_label(row), row[7]) for row in rows]

    # --- paths

    def path(self, a: str, b: str, min_confidence: float = 0.0) -> list[Hop]:
        """As :func:`graph.queries.path`: a chain along the relations' direction first, then any."""
        from graph.adjacency import shortest_chain

        sources, targets = dict(self._ids(a)), dict(self._ids(b))
        if set(sources) & set(targets):
            return []
        keys = {**sources, **targets}
        adjacency = self.adjacency()
        directions = ((("out",), ("in",)), (("in",), ("out",)), (("out", "in"), ("out", "in")))
        for ways in directions:
            hops = shortest_chain(
                adjacency,
                sorted(sources, key=keys.__getitem__),
                sorted(targets, key=keys.__getitem__),
                ways,
                min_confidence,
            )
            if hops is not None:
                ends = [end for s, _kind, t in hops for end in (s, t)]
                keys, labels = adjacency.names(ends)
                return [
                    Hop(keys[2 * i], kind, keys[2 * i + 1], labels[2 * i], labels[2 * i + 1])
                    for i, (_s, kind, _t) in enumerate(hops)
                ]
        raise NoPath(f"no chain of relations joins {a!r} and {b!r}")

    # --- people

    def person(self, name: str) -> list[PostHeld]:
        """As :func:`graph.queries.person`; when the name as typed matches nobody, it is compared
        again without tone marks ("vo thi mai" finds "Võ Thị Mai")."""
        people = self._people(name)
        held = []
        for person_id, person_name in people:
            rows = self.conn.execute(
                "SELECT p.title, p.organization, coalesce(p.date, d.date), t.text_id, t.title, t.source,"
                " p.since, p.until, coalesce(p.former, 0) = 1"
                " FROM graph_posts p JOIN graph_texts t ON t.id = p.text LEFT JOIN graph_docs d ON d.id = t.document"
                " WHERE p.person = ? ORDER BY p.pair_seq, p.key_seq",
                (person_id,),
            )
            held += [PostHeld(person_name, *row) for row in rows]
        return posts_once(held)

    def _people(self, name: str) -> list[tuple[int, str]]:
        for column, wanted in (("name_fold", name_key(name)), ("name_loose", toneless(name))):
            exact = self.conn.execute(
                f"SELECT id, name FROM graph_people WHERE {column} = ? ORDER BY id", (wanted,)
            ).fetchall()
            if exact:
                return exact
            part = self.conn.execute(
                f"SELECT id, name FROM graph_people WHERE instr({column}, ?) > 0 ORDER BY id", (wanted,)
            ).fetchall()
            if part:
                return part
        return []
