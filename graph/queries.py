"""Questions asked of the citation graph: plain functions of ``G``.

All functions take the ``MultiDiGraph`` made by :func:`graph.build.build_graph`,
check it once against :mod:`graph.schema`, and return dataclasses. A code may
stand for several document nodes (a local code from two issuers, a central code
split by term); the functions then answer for all of them.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable

import networkx as nx

from extractors.codes import code_key, fold
from graph.answers import (
    DOWNWARD_TYPES,
    Cited,
    DocumentReport,
    Evidence,
    Hop,
    Link,
    NoPath,
    PostHeld,
    UnknownDocument,
    display_label,
    document_name_key,
    meet_in_the_middle,
    posts_once,
)
from graph.schema import ensure_valid

__all__ = [
    "DOWNWARD_TYPES",
    "Cited",
    "DocumentReport",
    "Evidence",
    "Hop",
    "Link",
    "NoPath",
    "PostHeld",
    "UnknownDocument",
    "basis",
    "doc",
    "find_documents",
    "implementers",
    "path",
    "person",
    "relation_evidence",
    "top",
]


# --- looking documents up ------------------------------------------------------------


def _per_graph(G: nx.MultiDiGraph, key: str, build: Callable[[nx.MultiDiGraph], dict]) -> dict:
    """``build(G)``, kept in ``G.graph[key]`` until the graph's node count changes."""
    stamp = G.number_of_nodes()
    cached = G.graph.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    built = build(G)
    G.graph[key] = (stamp, built)
    return built


def _code_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Documents by their code, compared loosely (:func:`code_key`)."""
    return _per_graph(G, "_code_index", _build_code_index)


def _build_code_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for node, data in G.nodes(data=True):
        if data.get("kind") == "document":
            label = data.get("code") or data.get("label")
            if label:
                index.setdefault(code_key(label), []).append(node)
    return index


def find_documents(G: nx.MultiDiGraph, code: str) -> list[str]:
    """The document nodes a code stands for (several when issuers or terms differ).

    Parameters
    ----------
    G : the citation graph.
    code : a canonical code ("16-HD/BTCTW"), compared loosely ("16-hd/btctw"), or a node key.

    Raises
    ------
    UnknownDocument : no document carries the code.

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> find_documents(G, "16-hd/btctw")
    ['doc:16-HD/BTCTW']
    """
    ensure_valid(G)
    if code in G and G.nodes[code].get("kind") == "document":
        return [code]
    nodes = _code_index(G).get(code_key(code), []) or _name_index(G).get(document_name_key(code), [])
    if not nodes:
        raise UnknownDocument(code)
    return sorted(nodes)


def _name_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Documents by every name the texts give them (:func:`graph.answers.document_name_key`)."""
    return _per_graph(G, "_name_index", _build_name_index)


def _build_name_index(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for node, data in G.nodes(data=True):
        if data.get("kind") == "document":
            for name in data.get("names") or {}:
                nodes = index.setdefault(document_name_key(name), [])
                if node not in nodes:
                    nodes.append(node)
    return index


def _label(G: nx.MultiDiGraph, node: str) -> str:
    data = G.nodes[node]
    return display_label(data, node) if data.get("kind") == "document" else (data.get("label") or node)


def _relation_links(
    G: nx.MultiDiGraph, node: str, outgoing: bool, types=None, min_confidence: float = 0.0
) -> list[Link]:
    edges = G.out_edges(node, keys=True, data=True) if outgoing else G.in_edges(node, keys=True, data=True)
    links = []
    for u, v, _key, data in edges:
        if data.get("kind") != "relation" or (types is not None and data["type"] not in types):
            continue
        if data["confidence"] < min_confidence:
            continue
        other = v if outgoing else u
        links.append(Link(other, _label(G, other), data["type"], data["confidence"], data["count"]))
    return sorted(links, key=lambda link: (link.type, link.label))


def relation_evidence(G: nx.MultiDiGraph, source: str, target: str, kind: str) -> list[Evidence]:
    """The evidence of the relation ``source --kind--> target`` (node keys), one item per text and
    span, in the order the texts were read; empty when there is no such relation."""
    data = G.get_edge_data(source, target, key=kind) if source in G and target in G else None
    if not data or data.get("kind") != "relation":
        return []
    return [
        Evidence(
            item.get("text_id"),
            G.nodes.get(f"text:{item.get('text_id')}", {}).get("source"),
            item.get("start"),
            item.get("end"),
            item.get("rule"),
            item.get("confidence"),
            item.get("text"),
        )
        for item in data.get("evidence") or []
    ]


# --- the queries ------------------------------------------------------------------------


def doc(G: nx.MultiDiGraph, code: str, min_confidence: float = 0.0) -> list[DocumentReport]:
    """What a document is, what it rests on, what rests on it, and the texts citing it.

    One report per node the code stands for.

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> [report] = doc(G, "16-HD/BTCTW")
    >>> [(link.type, link.label) for link in report.basis]
    [('implements', '50-QĐ/TW')]
    >>> len(report.texts)
    1
    """
    reports = []
    for node in find_documents(G, code):
        texts = []
        for u, _v, data in G.in_edges(node, data=True):
            if data.get("kind") == "mentions":
                t = G.nodes[u]
                texts.append(
                    {
                        "node": u,
                        "title": t.get("title"),
                        "source": t.get("source"),
                        "published": t.get("published"),
                        "count": data["count"],
                    }
                )
        texts.sort(key=lambda t: (t["published"] or "", t["source"] or ""))
        reports.append(
            DocumentReport(
                node,
                dict(G.nodes[node]),
                _relation_links(G, node, True, min_confidence=min_confidence),
                _relation_links(G, node, False, min_confidence=min_confidence),
                texts,
            )
        )
    return reports


def _walk(
    G: nx.MultiDiGraph, code: str, outgoing: bool, transitive: bool, types, min_confidence: float = 0.0
) -> list[Link]:
    start = find_documents(G, code)
    seen = set(start)
    queue = deque((node, 0) for node in start)
    found: list[Link] = []
    while queue:
        node, depth = queue.popleft()
        if depth and not transitive:
            break
        for link in _relation_links(G, node, outgoing, types, min_confidence):
            if link.node in seen:
                continue
            seen.add(link.node)
            found.append(Link(link.node, link.label, link.type, link.confidence, link.evidence, depth + 1, node))
            queue.append((link.node, depth + 1))
    return found


def implementers(
    G: nx.MultiDiGraph,
    code: str,
    transitive: bool = False,
    types: tuple[str, ...] = DOWNWARD_TYPES,
    min_confidence: float = 0.0,
) -> list[Link]:
    """The documents that implement (or rest on) ``code``, and with ``transitive`` theirs, down the chain.

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> [(link.label, link.type, link.depth) for link in implementers(G, "50-QĐ/TW", transitive=True)]
    [('16-HD/BTCTW', 'implements', 1), ('02-HD/ĐUK (issuer unknown)', 'based_on', 2)]
    """
    return _walk(G, code, outgoing=False, transitive=transitive, types=types, min_confidence=min_confidence)


def basis(
    G: nx.MultiDiGraph,
    code: str,
    transitive: bool = False,
    types: tuple[str, ...] = DOWNWARD_TYPES,
    min_confidence: float = 0.0,
) -> list[Link]:
    """The documents ``code`` implements or rests on, and with ``transitive`` theirs, up the chain.

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> [(link.label, link.depth) for link in basis(G, "02-HD/ĐUK", transitive=True)]
    [('16-HD/BTCTW', 1), ('50-QĐ/TW', 2)]
    """
    return _walk(G, code, outgoing=True, transitive=transitive, types=types, min_confidence=min_confidence)


def person(G: nx.MultiDiGraph, name: str) -> list[PostHeld]:
    """The posts people of this name held, with the date and text each comes from: the text's
    published date, or for a directive with none its own date.

    The name matches case- and tone-insensitively, whole or as part ("Tâm" finds "Phan Tâm").

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> [(p.person, p.title, p.organization, p.date) for p in person(G, "phan tâm")]
    [('Phan Tâm', 'Thứ trưởng', 'Bộ Thông tin và Truyền thông', '2022-05-10')]
    """
    ensure_valid(G)
    wanted = " ".join(fold(name).split())
    nodes = [n for n, d in G.nodes(data=True) if d.get("kind") == "person" and wanted in fold(d["name"])]
    exact = [n for n in nodes if fold(G.nodes[n]["name"]) == wanted]
    held = []
    for node in exact or nodes:
        for _u, v, data in G.out_edges(node, data=True):
            if data.get("kind") != "holds_post":
                continue
            where = G.nodes[v]
            text = G.nodes.get(f"text:{data['text_id']}", {})
            # the text's published date, else (a directive) its own date
            when = data.get("date") or G.nodes.get(text.get("document"), {}).get("date")
            held.append(
                PostHeld(
                    G.nodes[node]["name"],
                    data["title"],
                    where.get("name") if where.get("kind") == "organization" else None,
                    when,
                    data["text_id"],
                    text.get("title"),
                    text.get("source"),
                    data.get("since"),
                    data.get("until"),
                    bool(data.get("former")),
                )
            )
    return posts_once(held)


def path(G: nx.MultiDiGraph, a: str, b: str, min_confidence: float = 0.0) -> list[Hop]:
    """A shortest chain of relations between two documents.

    A chain along the relations' direction (A implements X, X rests on B; or B ... A) is
    preferred; failing that, the shortest chain over relations in any direction.

    Raises
    ------
    NoPath : when no chain of relations joins them.

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> [(h.source, h.type, h.target) for h in path(G, "02-HD/ĐUK", "50-QĐ/TW")]  # doctest: +NORMALIZE_WHITESPACE
    [('doc:02-HD/ĐUK?t1', 'based_on', 'doc:16-HD/BTCTW'), ('doc:16-HD/BTCTW', 'implements', 'doc:50-QĐ/TW')]
    """
    sources, targets = set(find_documents(G, a)), set(find_documents(G, b))
    if sources & targets:
        return []
    # A chain that follows the relations' direction (A rests on ... rests on B, or the
    # reverse) says more than one that zigzags; only when there is none, any direction.
    for forward, backward in ((_out_steps, _in_steps), (_in_steps, _out_steps), (_relation_steps, _relation_steps)):
        hops = _bidirectional(G, sources, targets, forward, backward, min_confidence)
        if hops is not None:
            return [Hop(h.source, h.type, h.target, _label(G, h.source), _label(G, h.target)) for h in hops]
    raise NoPath(f"no chain of relations joins {a!r} and {b!r}")


def _bidirectional(G, sources: set, targets: set, forward, backward, min_confidence: float) -> list[Hop] | None:
    """The shortest chain from ``sources`` to ``targets`` with ``forward`` steps from the
    sources and ``backward`` steps from the targets (see :func:`meet_in_the_middle`)."""
    steps = (forward, backward)

    def expand(side: int, frontier: list) -> dict:
        return {node: steps[side](G, node, min_confidence) for node in frontier}

    return meet_in_the_middle(sorted(sources), sorted(targets), expand)


def _out_steps(G: nx.MultiDiGraph, node: str, min_confidence: float = 0.0):
    for _u, v, d in G.out_edges(node, data=True):
        if d.get("kind") == "relation" and d["confidence"] >= min_confidence:
            yield v, Hop(node, d["type"], v)


def _in_steps(G: nx.MultiDiGraph, node: str, min_confidence: float = 0.0):
    for u, _v, d in G.in_edges(node, data=True):
        if d.get("kind") == "relation" and d["confidence"] >= min_confidence:
            yield u, Hop(u, d["type"], node)


def _relation_steps(G: nx.MultiDiGraph, node: str, min_confidence: float = 0.0):
    """Neighbours over relation edges in either direction, with the edge as stored."""
    yield from _out_steps(G, node, min_confidence)
    yield from _in_steps(G, node, min_confidence)


def top(G: nx.MultiDiGraph, n: int = 10) -> list[Cited]:
    """The ``n`` documents cited by the most texts.

    Examples
    --------
    >>> from graph.build import build_graph
    >>> G = build_graph([_example_record()])
    >>> [(c.label, c.cited_by) for c in top(G, 2)]
    [('02-HD/ĐUK (issuer unknown)', 1), ('16-HD/BTCTW', 1)]
    """
    ensure_valid(G)
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    docs = [(d["cited_by"], node) for node, d in G.nodes(data=True) if d.get("kind") == "document"]
    counts = heapq.nlargest(n, (count for count, _node in docs))
    if not counts:
        return []
    # Ties at the cut are broken by node key, so the answer does not depend on insertion order.
    chosen = sorted((item for item in docs if item[0] >= counts[-1]), key=lambda item: (-item[0], item[1]))[:n]
    return [Cited(node, _label(G, node), count) for count, node in chosen]


def _example_record() -> dict:
    """A small record for the examples: 02-HD/ĐUK rests on 16-HD/BTCTW, which implements 50-QĐ/TW."""

    def relation(source, kind, target):
        return {
            "source": source,
            "type": kind,
            "target": target,
            "confidence": 0.8,
            "evidence": {"start": 0, "end": 40, "rule": "example"},
        }

    return {
        "id": "t1",
        "source": "example.txt",
        "format": "txt",
        "kind": "news",
        "title": "Ví dụ",
        "published": "2022-05-10",
        "self": None,
        "organizations": [],
        "citations": [
            {"code": "50-QĐ/TW", "start": 0, "end": 8},
            {"code": "16-HD/BTCTW", "start": 10, "end": 21},
            {"code": "02-HD/ĐUK", "start": 30, "end": 39},
        ],
        "relations": [
            relation("16-HD/BTCTW", "implements", "50-QĐ/TW"),
            relation("02-HD/ĐUK", "based_on", "16-HD/BTCTW"),
        ],
        "people": [
            {
                "name": "Phan Tâm",
                "mentions": [{"start": 50, "end": 58}],
                "posts": [{"title": "Thứ trưởng", "organization": "Bộ Thông tin và Truyền thông"}],
            }
        ],
    }
