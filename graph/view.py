"""What part of the citation graph a page shows, and where its nodes sit.

A page of the whole graph at 3,000 texts is a hairball nobody reads. A page
opens on what was asked for:

* :func:`focus_view`: one document (all the nodes its code stands for) and
  everything within ``depth`` steps of it, a step being a relation between two
  documents or a text citing a document; the texts are drawn as stories (copies
  of one article are one node).
* :func:`overview`: the largest connected part of the documents joined by
  relations; isolated documents and smaller parts are left out and counted.

Where the nodes sit is computed once at export, so that the page opens at once (the page
draws with sigma.js at these positions):

* :func:`layout`: networkx's force layout, for an overview of a few hundred documents;
* :func:`level_layout`: a focus laid out as a chain, one row per step along the relations
  (what the focus rests on above it, what implements it below), each row in date order,
  the stories under what they cite and the documents only cited beside it in a last band;
* :func:`grouped_layout`: a large overview, one disc per group (document type), packed
  without overlap (the largest in the middle, each next one beside the groups it is linked
  to), its members in a sunflower spiral inside, the most important in the middle; the page
  draws each group as one node until it is opened.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict, deque
from collections.abc import Set
from dataclasses import dataclass, field

import networkx as nx

from graph.queries import find_documents

LAYOUT_ITERATIONS = 100
DENSE_LIMIT = 500  # nodes from which networkx's spring layout turns slow (see layout())
SPREAD = 1.6  # networkx's spring constant k is SPREAD / sqrt(nodes): a little more room than its default
EDGE_LENGTH = 120  # pixels between neighbours on the page, about
ROW_GAP = 220  # level_layout: between two levels
SUB_ROW_GAP = 70  # level_layout: between the lines of one level wrapped over several
COLUMN_GAP = 150  # level_layout: between two nodes of one line
SPIRAL_GAP = 60  # grouped_layout: about the distance between two members of a group
GROUP_GAP = 300  # grouped_layout: the least room between two groups' discs
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass
class View:
    """The subgraph to draw (documents and texts of ``G``), a heading saying what it is and
    what it leaves out, and the focus documents (empty for an overview)."""

    graph: nx.MultiDiGraph
    heading: str
    focus: list[str] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)


def _documents(G: nx.MultiDiGraph) -> list[str]:
    return [n for n, d in G.nodes(data=True) if d.get("kind") == "document"]


def relation_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """Documents joined by relations (direction and type dropped)."""
    R = nx.Graph()
    R.add_nodes_from(_documents(G))
    R.add_edges_from((u, v) for u, v, d in G.edges(data=True) if d.get("kind") == "relation")
    return R


def _subgraph(G: nx.MultiDiGraph, nodes) -> nx.MultiDiGraph:
    H = G.subgraph(nodes).copy()
    H.graph.update({k: v for k, v in G.graph.items() if not k.startswith("_")})
    return H


def overview(G: nx.MultiDiGraph) -> View:
    """The largest part of the graph that relations connect; what is left out is counted."""
    R = relation_graph(G)
    parts = sorted(nx.connected_components(R), key=lambda p: (-len(p), min(p))) if R else []
    isolated = sum(1 for p in parts if len(p) == 1)
    largest = parts[0] if parts and len(parts[0]) > 1 else set()
    smaller = [p for p in parts[1:] if len(p) > 1] if largest else []
    in_smaller = sum(len(p) for p in smaller)
    H = _subgraph(G, largest)
    relations = sum(1 for *_e, d in H.edges(data=True) if d.get("kind") == "relation")
    heading = (
        f"Largest connected part: {len(largest)} of {R.number_of_nodes()} documents, {relations} relations."
        f" Not drawn: {isolated} isolated documents (no relation)"
        + (f", {in_smaller} documents in {len(smaller)} smaller parts" if smaller else "")
        + ". Search finds them all; export one with --focus CODE."
    )
    return View(
        graph=H,
        heading=heading,
        left_out={"isolated": isolated, "in_smaller_parts": in_smaller, "smaller_parts": len(smaller)},
    )


def _steps(G: nx.MultiDiGraph, node: str):
    """Neighbours one step away: related documents, citing texts, documents a text cites."""
    kind = G.nodes[node].get("kind")
    for _u, v, d in G.out_edges(node, data=True):
        if d.get("kind") in ("relation", "mentions") and G.nodes[v].get("kind") == "document":
            yield v
    if kind == "document":
        for u, _v, d in G.in_edges(node, data=True):
            if d.get("kind") == "relation" or (d.get("kind") == "mentions" and G.nodes[u].get("kind") == "text"):
                yield u


def focus_view(G: nx.MultiDiGraph, code: str, depth: int = 2) -> View:
    """``code``'s documents and what lies within ``depth`` steps of them.

    Raises :class:`graph.queries.UnknownDocument` when no document carries the code.
    """
    seeds = find_documents(G, code)
    seen = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for other in _steps(G, node):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    H = _subgraph(G, seen)
    docs = sum(1 for _n, d in H.nodes(data=True) if d.get("kind") == "document")
    stories = len({d.get("story") or n for n, d in H.nodes(data=True) if d.get("kind") == "text"})
    labels = ", ".join(dict.fromkeys(G.nodes[s].get("label") or s for s in seeds))
    heading = (
        f"{labels}: {docs} documents and {stories} stories within {depth} "
        f"step{'s' if depth != 1 else ''} (a relation, or a text citing a document)."
    )
    return View(graph=H, heading=heading, focus=list(seeds))


def layout(G: nx.MultiDiGraph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Page coordinates (pixels) of ``nodes`` by ForceAtlas2 on their undirected skeleton."""
    if not nodes:
        return {}
    S = nx.Graph()
    S.add_nodes_from(sorted(nodes))
    wanted = set(nodes)
    S.add_edges_from((u, v) for u, v in G.edges() if u in wanted and v in wanted and u != v)
    if S.number_of_nodes() == 1:
        return {nodes[0]: (0.0, 0.0)}
    n = S.number_of_nodes()
    if n < DENSE_LIMIT:
        # Fruchterman-Reingold keeps edges of about one length, which keeps the stars of a
        # "căn cứ" list apart better than ForceAtlas2 did on the bench stores.
        pos = nx.spring_layout(S, k=SPREAD / n**0.5, iterations=LAYOUT_ITERATIONS, seed=1)
    else:
        # networkx's spring layout of 500 nodes or more runs a slow optimizer; ForceAtlas2 stays vectorized.
        pos = nx.forceatlas2_layout(
            S, max_iter=LAYOUT_ITERATIONS if n <= 1000 else LAYOUT_ITERATIONS // 2, seed=1, scaling_ratio=4.0
        )
    lengths = [((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5 for u, v in S.edges()]
    lengths = sorted(x for x in lengths if x > 0)
    typical = lengths[len(lengths) // 2] if lengths else 1.0
    scale = EDGE_LENGTH * max(1.0, 2.2 - n / 50) / typical  # a small drawing gets room: the page does not zoom past 1
    return {n: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for n, (x, y) in pos.items()}


def _walk(S: nx.DiGraph, level: dict[str, int], allowed) -> None:
    """Spread levels from the nodes in ``level`` over the edges between ``allowed`` nodes."""
    queue = deque(level)
    while queue:
        node = queue.popleft()
        for _u, v in S.out_edges(node):
            if v not in level and allowed(v):
                level[v] = level[node] - 1
                queue.append(v)
        for u, _v in S.in_edges(node):
            if u not in level and allowed(u):
                level[u] = level[node] + 1
                queue.append(u)


def levels(S: nx.DiGraph, focus: list[str], stories: Set[str] = frozenset()) -> dict[str, int]:
    """Each node's step from the focus along the edges' direction: an edge u → v (u rests on,
    implements or cites v) puts v one level above u. Documents are placed through relations
    first; a story one level under the lowest document it cites; documents that only a story
    joins to the rest (cited beside them) in a band of their own under everything else."""
    level = {node: 0 for node in focus if node in S}
    _walk(S, level, lambda n: n not in stories)
    for story in stories & set(S):
        cited = [level[v] for _u, v in S.out_edges(story) if v in level]
        if cited:
            level[story] = max(cited) + 1
    beside = max(level.values(), default=0) + 1
    for node in S:
        level.setdefault(node, beside)
    return level


def level_layout(
    S: nx.DiGraph, focus: list[str], order: dict[str, tuple], stories: Set[str] = frozenset()
) -> dict[str, tuple[float, float]]:
    """Rows by :func:`levels` (the lowest level on top: y grows upwards, as on the page), each
    row sorted by ``order`` (date, then name) and wrapped into lines of a readable width; the
    focus in the middle of its row."""
    rows: dict[int, list[str]] = defaultdict(list)
    for node, lvl in levels(S, focus, stories).items():
        rows[lvl].append(node)
    positions: dict[str, tuple[float, float]] = {}
    y = 0.0
    for lvl in sorted(rows):
        members = sorted(rows[lvl], key=lambda n: (order.get(n, ()), n))
        pinned = [n for n in members if n in focus]
        rest = [n for n in members if n not in focus]
        width = max(6, math.ceil(math.sqrt(len(members) * 3)))
        middle = min(width, len(rest)) // 2
        members = rest[:middle] + pinned + rest[middle:]
        lines = [members[i : i + width] for i in range(0, len(members), width)]
        for line in lines:
            left = -(len(line) - 1) * COLUMN_GAP / 2
            for i, node in enumerate(line):
                positions[node] = (round(left + i * COLUMN_GAP, 1), round(-y, 1))
            y += SUB_ROW_GAP
        y += ROW_GAP - SUB_ROW_GAP
    return positions


def _spiral(members: list[str]) -> dict[str, tuple[float, float]]:
    return {
        node: (
            SPIRAL_GAP * math.sqrt(i) * math.cos(i * GOLDEN_ANGLE),
            SPIRAL_GAP * math.sqrt(i) * math.sin(i * GOLDEN_ANGLE),
        )
        for i, node in enumerate(members)
    }


def _pack(radius: dict[str, float], links: dict[str, Counter]) -> dict[str, tuple[float, float]]:
    """Centres for discs of these radii, none overlapping: the largest in the middle, each next one
    touching one already placed where it sits nearest the middle and the groups it is linked to."""
    placed: dict[str, tuple[float, float]] = {}
    for g in sorted(radius, key=lambda g: (-radius[g], g)):
        if not placed:
            placed[g] = (0.0, 0.0)
            continue
        best, best_score = (0.0, 0.0), math.inf
        linked = [(o, w) for o, w in links[g].items() if o in placed]
        total = sum(w for _o, w in linked) or 1
        for h, (hx, hy) in placed.items():
            reach = radius[h] + radius[g] + GROUP_GAP
            for k in range(36):
                angle = 2 * math.pi * k / 36
                c = (hx + reach * math.cos(angle), hy + reach * math.sin(angle))
                if any(math.dist(c, placed[o]) < radius[o] + radius[g] + GROUP_GAP - 1e-6 for o in placed):
                    continue
                score = math.hypot(*c) + sum(w * math.dist(c, placed[o]) for o, w in linked) / total
                if score < best_score:
                    best, best_score = c, score
        placed[g] = best
    return placed


def grouped_layout(
    S: nx.Graph, group: dict[str, str], rank: dict[str, float]
) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """Positions of the nodes and the centres of their groups (see the module's docstring)."""
    members: dict[str, list[str]] = defaultdict(list)
    for node in sorted(S, key=lambda n: (-rank.get(n, 0), n)):
        members[group[node]].append(node)
    radius = {g: SPIRAL_GAP * math.sqrt(len(m)) for g, m in members.items()}
    links: dict[str, Counter] = defaultdict(Counter)
    for u, v in S.edges():
        if group[u] != group[v]:
            links[group[u]][group[v]] += 1
            links[group[v]][group[u]] += 1
    centre = _pack(radius, links)
    positions = {}
    for g, nodes in members.items():
        cx, cy = centre[g]
        for node, (x, y) in _spiral(nodes).items():
            positions[node] = (round(cx + x, 1), round(cy + y, 1))
    return positions, {g: (round(x, 1), round(y, 1)) for g, (x, y) in centre.items()}
