"""One record's small graph merged into the index tables, as ``build_graph`` merges records.

:class:`_Builder` writes the rows of ``graph_docs``, ``graph_edges``, ``graph_evidence``,
``graph_texts``, ``graph_mentions``, ``graph_people`` and ``graph_posts`` (laid out in
:mod:`graph.index_tables`); :class:`_MergedTerms` keeps the terms a code was dated in when
records are merged on top of the tables (:func:`graph.index.update_index`); :func:`_node_attrs`
reads a node back from its row (:mod:`graph.ask`).
"""

from __future__ import annotations

import json
import sqlite3

from extractors.codes import code_key, fold
from graph.answers import (
    loose_code_key,
    name_key,
    toneless,
)
from graph.index_tables import _meta

#: Attributes fixed when a document node is made (build.py never changes them afterwards).
_FIXED_AT_CREATION = frozenset({"kind", "label", "code", "scope", "ambiguous", "term", "cited_by"})
#: Attributes build.py fills as a pair, when the first of them is empty: first -> second.
_PAIRS = {"doc_type": "doc_type_name", "name": "edition"}
_SECOND_OF_PAIR = frozenset(_PAIRS.values())
#: Attributes that count (name or spelling -> how many): merged by adding up.
_COUNTED = frozenset({"names", "issuer_spellings"})
#: A directive's own header, as build.py copies it onto its node: node attribute -> ``self`` field
#: (the type and its name are copied as a pair, when the header gives a type).
_OWN_FIELDS = {"code": "code", "issuer": "issuer", "issuer_code": "issuer_code", "date": "issued", "subject": "subject"}
_ATTR_COLUMNS = "label, code, scope, ambiguous, term, issuer, date, cited_by, attrs"  # -> _node_attrs
_BATCH = 20_000  # rows written per executemany


class _NeedsRebuild(Exception):
    """A change the merge rules cannot apply on top of the tables (only a rebuild gives its answers)."""


class _MergedTerms(dict):
    """Terms per base key: the indexed ones with the added records' (``get`` as build.py asks)."""

    def __init__(self, conn: sqlite3.Connection, records: list[dict], build):
        super().__init__()
        self.conn = conn
        self.added: dict[str, set[str]] = {}
        for record in records:
            for key, term in build.record_terms(record):
                self.added.setdefault(key, set()).add(term)
        for key, new in self.added.items():
            old = self._stored(key)
            merged = old | new
            if len(old) < 2 <= len(merged):
                raise _NeedsRebuild(f"{key} is now dated in two terms")
            self[key] = merged

    def _stored(self, key: str) -> set[str]:
        row = self.conn.execute("SELECT value FROM graph_meta WHERE name = ?", (f"terms:{key}",)).fetchone()
        return set(row[0].split()) if row else set()

    def get(self, key, default=None):
        if key not in self:
            self[key] = self._stored(key)
        return super().get(key, default)

    def write(self) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_meta (name, value) VALUES (?, ?)",
            ((f"terms:{key}", " ".join(sorted(self[key]))) for key in self.added),
        )


class _Builder:
    """Merges one-record graphs into the tables, as ``build_graph`` merges records into one graph.

    ``stored``: the tables already hold earlier records; what a record meets that this builder
    has not seen (a node, an edge, a person) is looked up in them, and written back changed."""

    def __init__(self, conn: sqlite3.Connection, stored: bool = False):
        self.conn = conn
        self.stored = stored
        self.docs: dict[str, list] = {}  # key -> [id, attrs, cited_by]
        self.edges: dict[tuple[int, int, str], list] = {}  # (src, dst, type) -> [id, confidence, count, key_seq]
        self.pairs_out: dict[tuple[int, int], int] = {}
        self.pairs_in: dict[tuple[int, int], int] = {}
        self.people: dict[str, list] = {}  # key -> [id, name]
        self.person_pairs: dict[tuple[int, str], int] = {}
        self.orgs: dict[str, str] = {}  # org node key -> first name
        self.new_orgs: list[str] = []
        self.texts: dict[str, int] = {}
        self.cited_by_story: set[tuple[int, str]] = set()  # (document, story) pairs
        self.seq = 0
        self.last_source = ""
        self.next_id = {"docs": 1, "edges": 1, "people": 1, "texts": 1}
        if stored:
            meta = _meta(conn)
            self.seq = int(meta["index_seq"])
            self.last_source = meta.get("index_last_source") or ""
            for table in self.next_id:
                (self.next_id[table],) = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM graph_{table}").fetchone()
        self.pending: dict[str, list] = {"evidence": [], "mentions": [], "texts": [], "posts": []}

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def _new_id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def _one(self, sql: str, *params) -> tuple | None:
        """A row of the stored tables (none when building afresh)."""
        return self.conn.execute(sql, params).fetchone() if self.stored else None

    def _doc(self, key: str, attrs: dict, own_fields: set[str]) -> int:
        entry = self.docs.get(key)
        if entry is None:
            row = self._one(f"SELECT id, {_ATTR_COLUMNS} FROM graph_docs WHERE key = ?", key)
            if row is not None:
                stored = _node_attrs(row[1:-1], row[-1])
                cited_by = stored.pop("cited_by")
                entry = self.docs[key] = [row[0], stored, cited_by]
        if entry is None:
            fresh = {k: (dict(v) if k in _COUNTED else v) for k, v in attrs.items() if k != "cited_by"}
            entry = self.docs[key] = [self._new_id("docs"), fresh, 0]
            return entry[0]
        state = entry[1]
        for name, value in attrs.items():
            if name in _COUNTED:  # counts add up, as build.py counts them
                merged = state.setdefault(name, {})
                for given, count in value.items():
                    merged[given] = merged.get(given, 0) + count
                continue
            if name in own_fields:
                state[name] = value
            elif name in _FIXED_AT_CREATION or name in _SECOND_OF_PAIR or not value or state.get(name):
                continue
            state[name] = value
            if name in _PAIRS:
                state[_PAIRS[name]] = attrs.get(_PAIRS[name])
        return entry[0]

    def _org(self, node: str, name: str | None) -> None:
        if node in self.orgs:
            return
        row = self._one("SELECT value FROM graph_meta WHERE name = ?", f"org:{node}")
        if row is None:
            self.new_orgs.append(node)
        self.orgs[node] = row[0] if row else name  # type: ignore[assignment]

    def _person(self, node: str, name: str | None) -> int:
        if node not in self.people:
            row = self._one("SELECT id, name FROM graph_people WHERE key = ?", node)
            self.people[node] = list(row) if row else [self._new_id("people"), name]
        return self.people[node][0]

    def _has_text(self, text_id: str) -> bool:
        return text_id in self.texts or self._one("SELECT 1 FROM graph_texts WHERE text_id = ?", text_id) is not None

    def add(self, record: dict, terms: dict, build) -> None:
        G = build.record_graph(record, terms)
        text_key = f"text:{record['id']}"
        text = G.nodes[text_key]
        own_node = text.get("document")
        own = record.get("self") or {}
        ids: dict[str, int] = {}
        for node, data in G.nodes(data=True):
            kind = data.get("kind")
            if kind == "document":
                overridden: set[str] = set()
                if node == own_node:
                    overridden = {
                        name
                        for name, field in _OWN_FIELDS.items()
                        if own.get(field) and not (name == "issuer" and data.get("ambiguous"))
                    }
                    if build.document_type(own.get("doc_type"), own.get("doc_type_name"))[0]:
                        overridden |= {"doc_type", "doc_type_name"}
                ids[node] = self._doc(node, data, overridden)
            elif kind == "organization":
                self._org(node, data.get("name"))
            elif kind == "person":
                ids[node] = self._person(node, data.get("name"))
        self.last_source = max(self.last_source, record.get("source") or "")
        if self._has_text(record["id"]):
            return  # the same text twice: build_graph keeps one text node
        text_row = self.texts[record["id"]] = self._new_id("texts")
        self.pending["texts"].append(
            (
                text_row,
                record["id"],
                text.get("title"),
                text.get("source"),
                text.get("published"),
                ids.get(own_node) if own_node else None,
            )
        )
        self._add_edges(G, ids, text_key, text_row)
        if len(self.pending["evidence"]) + len(self.pending["mentions"]) > _BATCH:
            self._flush()

    def _add_edges(self, G, ids: dict[str, int], text_key: str, text_row: int) -> None:
        # networkx's own adjacency dicts (node -> neighbour -> key -> data), in insertion order
        nodes, succ, pred = G._node, G._succ, G._pred
        pairs = []
        for u, adjacency in succ.items():
            for v, keyed in adjacency.items():
                for key, data in keyed.items():
                    kind = data.get("kind")
                    if kind == "relation":
                        pairs.append((u, v))
                        self._relation(ids[u], ids[v], key, data, text_row)
                    elif kind == "mentions" and u == text_key and nodes[v]["kind"] == "document":
                        self._cite(ids[v], v, nodes[u].get("story"))
                        self.pending["mentions"].append((ids[v], text_row, data["count"]))
                    elif kind == "holds_post":
                        pair = (ids[u], v)
                        if pair not in self.person_pairs:
                            self.person_pairs[pair] = self._stored_pair(*pair) or self._next()
                        self.pending["posts"].append(
                            (
                                ids[u],
                                data["title"],
                                v,
                                data.get("date"),
                                text_row,
                                self.person_pairs[pair],
                                self._next(),
                                data.get("since"),
                                data.get("until"),
                                int(bool(data.get("former"))),
                            )
                        )
        # networkx lists a node's in-edges in the order each neighbour first joined it
        related = set(pairs)
        for v in dict.fromkeys(v for _u, v in pairs):
            for u in pred[v]:
                if (u, v) not in related:
                    continue
                ends = (ids[u], ids[v])
                if ends not in self.pairs_in:
                    row = self._one("SELECT in_seq FROM graph_edges WHERE src = ? AND dst = ? LIMIT 1", *ends)
                    self.pairs_in[ends] = row[0] if row else self._next()

    def _stored_pair(self, person: int, where: str) -> int | None:
        """The order of a person's posts at one body, in the stored tables (a post's body is
        ``org:`` its organization's name folded, or ``post:`` its title folded, as build.py keys it)."""
        if not self.stored:
            return None
        for organization, title, pair_seq in self.conn.execute(
            "SELECT organization, title, pair_seq FROM graph_posts WHERE person = ?", (person,)
        ):
            body = (
                f"org:{' '.join(fold(organization).split())}"
                if organization
                else f"post:{' '.join(fold(title).split())}"
            )
            if body == where:
                return pair_seq
        return None

    def _cite(self, doc: int, key: str, story: str | None) -> None:
        """Count a citing text as build.py counts ``cited_by``: copies of one story once, where
        texts carry a story (``story or text``)."""
        if story is not None:
            if (doc, story) in self.cited_by_story:
                return
            self.cited_by_story.add((doc, story))  # (merged texts are no copies: see _added_records)
        self.docs[key][2] += 1

    def _relation(self, src: int, dst: int, kind: str, data: dict, text_row: int) -> None:
        if (src, dst) not in self.pairs_out:
            row = self._one("SELECT out_seq FROM graph_edges WHERE src = ? AND dst = ? LIMIT 1", src, dst)
            self.pairs_out[(src, dst)] = row[0] if row else self._next()
        entry = self.edges.get((src, dst, kind))
        if entry is None:
            row = self._one(
                "SELECT id, confidence, count, key_seq FROM graph_edges WHERE src = ? AND dst = ? AND type = ?",
                src,
                dst,
                kind,
            )
            entry = list(row) if row else [self._new_id("edges"), data["confidence"], 0, self._next()]
            self.edges[(src, dst, kind)] = entry
        entry[1] = max(entry[1], data["confidence"])
        entry[2] += len(data["evidence"])
        self.pending["evidence"].extend(
            (entry[0], text_row, e.get("start"), e.get("end"), e.get("rule"), e.get("confidence"))
            for e in data["evidence"]
        )

    def _flush(self) -> None:
        sql = {
            "evidence": 'INSERT INTO graph_evidence (edge, text, start, "end", rule, confidence) VALUES (?,?,?,?,?,?)',
            "mentions": "INSERT INTO graph_mentions (doc, text, count) VALUES (?,?,?)",
            "texts": "INSERT INTO graph_texts (id, text_id, title, source, published, document) VALUES (?,?,?,?,?,?)",
        }
        for name, statement in sql.items():
            self.conn.executemany(statement, self.pending[name])
            self.pending[name].clear()

    def finish(self) -> dict[str, int]:
        """Write what was merged: new rows, and rows of the stored tables replaced by their merged state."""
        self._flush()
        from graph.build import majority_issuers

        majority_issuers(attrs for _id, attrs, _cited in self.docs.values())
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_docs (id, key, label, code, code_key, loose_key, scope, ambiguous, term,"
            " issuer, date, cited_by, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (_doc_row(key, row_id, attrs, cited_by) for key, (row_id, attrs, cited_by) in self.docs.items()),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_edges (id, src, dst, type, confidence, count, out_seq, in_seq, key_seq)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (
                (
                    row_id,
                    src,
                    dst,
                    kind,
                    confidence,
                    count,
                    self.pairs_out[(src, dst)],
                    self.pairs_in.get((src, dst)),
                    key_seq,
                )
                for (src, dst, kind), (row_id, confidence, count, key_seq) in self.edges.items()
            ),
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO graph_people (id, key, name, name_fold, name_loose) VALUES (?,?,?,?,?)",
            ((row_id, key, name, name_key(name), toneless(name)) for key, (row_id, name) in self.people.items()),
        )
        self.conn.executemany(
            "INSERT INTO graph_meta (name, value) VALUES (?, ?)",
            ((f"org:{key}", self.orgs[key]) for key in self.new_orgs),
        )
        self.conn.executemany(
            "INSERT INTO graph_posts (person, title, organization, date, text, pair_seq, key_seq, since, until, former)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                (person, title, self.orgs.get(where), date, text, pair_seq, key_seq, since, until, former)
                for person, title, where, date, text, pair_seq, key_seq, since, until, former in self.pending["posts"]
            ),
        )
        return {
            "documents": len(self.docs),
            "relations": len(self.edges),
            "texts": len(self.texts),
            "people": len(self.people),
        }


#: A document node's attributes in the order build.py sets them, and those graph_docs has columns
#: for (in the order of _ATTR_COLUMNS).
_NODE_FIELDS = (
    *("kind", "label", "code", "scope", "ambiguous", "term", "doc_type", "doc_type_name"),
    *("issuer", "issuer_code", "date", "subject", "cited_by"),
)
_COLUMN_FIELDS = ("label", "code", "scope", "ambiguous", "term", "issuer", "date", "cited_by")


def _node_attrs(columns: tuple, extra: str) -> dict:
    """A node's attributes from its columns (as _COLUMN_FIELDS) and the JSON of the others."""
    attrs: dict = dict.fromkeys(_NODE_FIELDS)
    attrs["kind"] = "document"
    attrs.update(zip(_COLUMN_FIELDS, columns))
    attrs["ambiguous"] = bool(attrs["ambiguous"])
    attrs.update(json.loads(extra))
    return attrs


def _extra_attrs(attrs: dict, columns: tuple) -> str:
    """The JSON of what the columns do not give back as it was (unset fields left out)."""
    rebuilt = _node_attrs(columns, "{}")
    extra = {
        name: value
        for name, value in attrs.items()
        if not (name in rebuilt and rebuilt[name] == value and type(rebuilt[name]) is type(value))
    }
    return json.dumps(extra, ensure_ascii=False, separators=(",", ":"))


def _doc_row(key: str, row_id: int, attrs: dict, cited_by: int) -> tuple:
    attrs = dict(attrs, cited_by=cited_by)
    label = attrs.get("code") or attrs.get("label")
    columns = (
        attrs.get("label") or key,
        attrs.get("code"),
        attrs.get("scope"),
        int(bool(attrs.get("ambiguous"))),
        attrs.get("term"),
        attrs.get("issuer"),
        attrs.get("date"),
        cited_by,
    )
    keys = (code_key(label) if label else None, loose_code_key(label) if label else None)
    return (row_id, key, *columns[:2], *keys, *columns[2:], _extra_attrs(attrs, columns))
