"""Status and rollout answered from the store's graph tables (:mod:`graph.index`), not networkx.

The same rules as :mod:`graph.status` and :mod:`graph.rollout` (they decide; this module only
reads): a document's incoming relations with their evidence are a few indexed look-ups; a
rollout walks the relation edges' CSR copy, then reads the attributes of every document
reached in one look-up and the evidence of every step in another. Evidence
sentences are not in the tables: ``sentence(text_id, start, end)`` reads them from the texts
the store keeps (the command line passes one; without it the sentences are left out).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from graph.answers import display_label
from graph.index_rows import _ATTR_COLUMNS, _node_attrs
from graph.rollout import Rollout, best_evidence, rollout

if TYPE_CHECKING:  # a rollout reads neither (graph.status loads the date patterns)
    from graph.ask import GraphIndex
    from graph.status import Act, Status

Sentence = Callable[[str, int | None, int | None], str | None]
_EVIDENCE_TEXT_LIMIT = 400  # as graph.build keeps on an edge


class IndexSource:
    """Documents' attributes and incoming relations from the graph tables, by node key."""

    def __init__(self, index: GraphIndex, sentence: Sentence | None = None):
        self.index = index
        self.conn = index.conn
        self.sentence = sentence
        self._attrs: dict[str, dict] = {}
        self._ids: dict[str, int] = {}

    # --- documents

    def _load(self, where: str, values: list) -> None:
        rows = self.conn.execute(
            f"SELECT id, key, {_ATTR_COLUMNS} FROM graph_docs WHERE {where} IN (SELECT value FROM json_each(?))",
            (json.dumps(values),),
        )
        for row in rows:
            self._ids[row[1]] = row[0]
            self._attrs[row[1]] = _node_attrs(row[2:-1], row[-1])

    def attrs(self, node: str) -> dict:
        if node not in self._attrs:
            self._load("key", [node])
        return self._attrs[node]

    def _id(self, node: str) -> int:
        if node not in self._ids:
            self._load("key", [node])
        return self._ids[node]

    # --- relations coming in

    def _edges_in(self, parents: list[str], types: Iterable[str], min_confidence: float = 0.0) -> list[tuple]:
        """(parent key, edge id, child key, type, confidence) of relations into ``parents``."""
        ids = {self._id(p): p for p in parents}
        wanted = list(types)
        rows = self.conn.execute(
            "SELECT e.dst, e.id, d.key, e.type, e.confidence FROM graph_edges e JOIN graph_docs d ON d.id = e.src"
            " WHERE e.dst IN (SELECT value FROM json_each(?)) AND e.src != e.dst AND e.confidence >= ?"
            f" AND e.type IN ({','.join('?' * len(wanted))})",
            (json.dumps(list(ids)), min_confidence, *wanted),
        ).fetchall()
        missing = [key for _dst, _edge, key, _type, _conf in rows if key not in self._attrs]
        if missing:
            self._load("key", missing)
        return [(ids[dst], edge, key, kind, conf) for dst, edge, key, kind, conf in rows]

    def _evidence(self, edges: list[int]) -> dict[int, list[dict]]:
        """Each edge's evidence items in the order networkx lists them, with the text's date."""
        found: dict[int, list[dict]] = {edge: [] for edge in edges}
        rows = self.conn.execute(
            'SELECT ev.edge, t.text_id, t.published, ev.start, ev."end", ev.rule, ev.confidence'
            " FROM graph_evidence ev JOIN graph_texts t ON t.id = ev.text"
            " WHERE ev.edge IN (SELECT value FROM json_each(?)) ORDER BY ev.rowid",
            (json.dumps(edges),),
        )
        for edge, text_id, published, start, end, rule, confidence in rows:
            found[edge].append(
                {
                    "text_id": text_id,
                    "published": published,
                    "start": start,
                    "end": end,
                    "rule": rule,
                    "confidence": confidence,
                }
            )
        return found

    def _with_text(self, item: dict) -> dict:
        if self.sentence is None or "text" in item:
            return item
        text = self.sentence(item["text_id"], item["start"], item["end"])
        return {**item, "text": text[:_EVIDENCE_TEXT_LIMIT] if text else None}

    def acts(self, node: str, types: Iterable[str]) -> list[Act]:
        from graph.status import Act

        edges = self._edges_in([node], types)
        evidence = self._evidence([edge for _p, edge, *_rest in edges])
        return [
            Act(
                kind,
                child,
                display_label(self._attrs[child], child),
                self._attrs[child],
                tuple(self._with_text(e) for e in evidence[edge]),
            )
            for _parent, edge, child, kind, _conf in edges
        ]

    def steps(self, parents: list[str], types, min_confidence: float) -> dict[str, list[tuple[str, str, float, dict]]]:
        """As :meth:`graph.rollout.GraphSource.steps`."""
        edges = self._edges_in(parents, types, min_confidence)
        evidence = self._evidence([edge for _p, edge, *_rest in edges])
        found: dict[str, list] = {parent: [] for parent in parents}
        for parent, edge, child, kind, conf in edges:
            found[parent].append((child, kind, conf, self._with_text(best_evidence(evidence[edge]))))
        for children in found.values():
            children.sort(key=lambda step: (step[0], step[1]))
        return found

    def reach(self, node: str, types, min_confidence: float) -> list[tuple[str, str, str, float, dict]]:
        """(child, parent, type, confidence, best evidence) of every document down the chains from
        ``node``, breadth first: one vectorised step per level over the relation edges' CSR copy
        (:mod:`graph.adjacency`), then one look-up for the attributes of every document reached
        and one for the evidence of every step taken, whatever the number of rows."""
        from graph.adjacency import walk

        adjacency = self.index.adjacency()
        reached = walk(adjacency, [self._id(node)], False, tuple(types), min_confidence)
        if not reached.nodes:
            return []
        children, parents = reached.nodes, reached.via
        keys = self._keys_of(set(children) | set(parents))
        evidence = self._best_evidence(reached.edge)
        return [
            (keys[child], keys[parent], kind, confidence, self._with_text(evidence.get(edge, {})))
            for child, parent, kind, confidence, edge in zip(
                children, parents, reached.types, reached.confidence, reached.edge
            )
        ]

    def _keys_of(self, ids: set[int]) -> dict[int, str]:
        """Node id -> key, the attributes of the ids not yet read loaded in one look-up by primary key."""
        keys = {i: key for key, i in self._ids.items() if i in ids}
        missing = ids.difference(keys)
        if missing:
            rows = self.conn.execute(
                f"SELECT id, key, {_ATTR_COLUMNS} FROM graph_docs WHERE id IN ({_int_list(missing)})"
            ).fetchall()
            extras = json.loads(f"[{','.join(row[-1] for row in rows)}]")  # one parse for all the rows
            for row, extra in zip(rows, extras):
                keys[row[0]] = row[1]
                self._ids[row[1]] = row[0]
                attrs = self._attrs[row[1]] = _node_attrs(row[2:-1], "{}")
                attrs.update(extra)  # as _node_attrs adds the JSON's attributes, last
        return keys

    def _best_evidence(self, edges: list[int]) -> dict[int, dict]:
        """The best evidence item (:func:`graph.rollout.best_evidence`: the most confident, the
        first of equals in the order networkx lists them) of each relation edge, by its row id in
        ``graph_edges`` (the walk knows it: no look-up by the edge's ends), in one look-up."""
        rows = self.conn.execute(
            'SELECT ev.edge, ev.rowid, ev.confidence, t.text_id, t.published, ev.start, ev."end", ev.rule'
            " FROM graph_evidence ev JOIN graph_texts t ON t.id = ev.text"
            f" WHERE ev.edge IN ({_int_list(set(edges))})"
        ).fetchall()
        best: dict[int, tuple] = {}
        for row in rows:
            held = best.get(row[0])
            # more confident wins; of equals, the one listed first (the lower rowid)
            if held is None or (row[2] or 0.0, -row[1]) > (held[2] or 0.0, -held[1]):
                best[row[0]] = row
        return {
            edge: {"text_id": r[3], "published": r[4], "start": r[5], "end": r[6], "rule": r[7], "confidence": r[2]}
            for edge, r in best.items()
        }


def _int_list(ids: Iterable[int]) -> str:
    """Integer ids written into the SQL (no bound parameters to count, no JSON to encode and parse)."""
    return ",".join(map(str, map(int, ids)))


def index_status(source: IndexSource, node: str, as_of: str | None = None) -> Status:
    """As :func:`graph.status.document_status`, from the graph tables."""
    from graph.status import STATUS_TYPES, by_date, decide, decision, target_code

    attrs = source.attrs(node)
    code = target_code(attrs)
    decisions = by_date(decision(act, code) for act in source.acts(node, STATUS_TYPES))
    return decide(node, display_label(attrs, node), attrs, decisions, as_of)


def index_rollout(source: IndexSource, node: str, with_basis: bool = False, min_confidence: float = 0.0) -> Rollout:
    """As :func:`graph.rollout.rollout`, from the graph tables."""
    return rollout(source, node, with_basis, min_confidence)
