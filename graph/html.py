"""The interactive HTML view of the citation graph: one self-contained page.

:func:`write_html` writes the part of the graph a :class:`graph.view.View` chose
(by default the largest connected part; ``focus=CODE`` for one document and its
neighbourhood) as JSON in a ``<script type="application/json">`` block, with
the page's own CSS and JS (``graph/static/``) and the drawing library inlined beside it.

The drawing library is sigma.js (WebGL, for graphs of thousands of nodes) on graphology
(its graph model), both MIT-licensed and maintained by the same team; their minified
builds are kept in ``graph/static/vendor/`` with their licences and version (see the
README there), so the page needs no extra package and nothing from the network; a
Content-Security-Policy in the page forbids it. sigma draws nodes, arrows, hover and
zoom; the page places the labels itself, greedily by importance, skipping every label
whose box would overlap one already placed (so more appear as one zooms in).

What the page shows: documents coloured by type and sized by how many stories
cite them; relations as arrows coloured by type; stories (texts, copies merged) as grey
nodes in a focus view. A focus is laid out by levels along the relations
(:func:`graph.view.level_layout`), an overview of a few hundred documents by a force
layout, a larger one grouped by document type (:func:`graph.view.grouped_layout`), each
group one node until clicked. Filters for document type, relation type, confidence and
date range remove the nodes they leave without a relation; a search box (code, any name
the texts give, subject; tone marks optional); details of a clicked node or edge (evidence
sentences, citing stories with every source); the legend; ``?q=``, ``?type=``,
``?relation=``, ``?conf=``, ``?from=``, ``?to=`` in the URL set search and filters on load,
and a search that finds one document zooms to it.

Escaping: the JSON has ``<``, ``>``, ``&`` (and U+2028/9) written as ``\\uXXXX``
so no text can end the script block, and the JS sets every string from the data
with ``textContent``, never as HTML (labels are drawn on a canvas).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.answers import common_name
from graph.rollout_view import rollout_payload
from graph.schema import RELATION_TYPES
from graph.status import STATUSES, document_status
from graph.view import View, focus_view, grouped_layout, layout, level_layout, overview

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_TITLE = "vanban — citation graph"
LABELLED = 30  # the most important documents (rank) listed as labelled first when the page opens
GROUP_ABOVE = 300  # an overview of more documents opens grouped by document type
VENDOR_DIR = STATIC_DIR / "vendor"
#: The drawing library's files, in the order the page loads them (graphology first: sigma uses it).
LIBRARY_FILES = ("graphology.umd.min.js", "sigma.min.js")
STORY_PREFIX = "story:"

#: Fill colours of document types by the name a reader knows; other types take FALLBACK_COLORS in turn.
DOC_TYPE_COLORS = {
    "Nghị quyết": "#d62728",
    "Quyết định": "#1f77b4",
    "Quy định": "#6baed6",
    "Hướng dẫn": "#2ca02c",
    "Chỉ thị": "#ff7f0e",
    "Kết luận": "#9467bd",
    "Quy chế": "#8c564b",
    "Thông báo": "#e377c2",
    "Kế hoạch": "#bcbd22",
    "Chương trình": "#17becf",
    "Báo cáo": "#7f7f7f",
    "Nghị định": "#393b79",
    "Thông tư": "#637939",
    "Luật": "#843c39",
    "Hiến pháp": "#222222",
}
FALLBACK_COLORS = (
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#dbdb8d",
    "#9edae5",
    "#e7969c",
    "#de9ed6",
    "#cedb9c",
)
NAMED = "named document"  # a document cited by name only ("Điều lệ Đảng"), no type given
UNTYPED = "type not given"  # a code whose type the texts did not give
UNTYPED_COLOR = "#bbbbbb"
STORY_COLOR = "#d9d9d9"

#: Fill colours of the page's "colour by status" (graph.status.STATUSES): green while in force,
#: yellow to red as less of it holds, brown for a plan whose period ended, grey-blue unknown.
STATUS_COLORS = {
    "in_force": "#1a9850",
    "amended": "#91cf60",
    "partly_repealed": "#fdae61",
    "replaced": "#d73027",
    "repealed": "#7f0000",
    "expired": "#8c6d31",
    "unknown": "#9aaabb",
}
#: Statuses hidden by the page's "in force only" filter.
ENDED_STATUSES = ("replaced", "repealed", "expired")
VIEWS = ("graph", "rollout")  # what a focus page opens on

RELATION_COLORS = {
    "based_on": "#1f77b4",
    "implements": "#2ca02c",
    "amends": "#ff7f0e",
    "replaces": "#d62728",
    "repeals": "#7b1fa2",
    "cites": "#8c8c8c",
}

# Characters that must not appear raw inside a <script> block, and their JSON escapes.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")
_PLACEHOLDER_RE = re.compile(r"\{\{(TITLE|CSS|LIBRARY|JS|DATA)\}\}")
# Markup that would end or confuse an inline <script> if a library's source held it (in a string literal).
_LIBRARY_MARKUP_RE = re.compile(r"<(?=/?script|!--)", re.IGNORECASE)


class PageLibraryMissing(ImportError):
    """The drawing library's files are missing from graph/static/vendor (a broken install)."""


def script_json(value) -> str:
    """``value`` as JSON safe to place inside a ``<script>`` element.

    >>> script_json({"s": "</script><b>&"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group()], text)


@cache
def library_js() -> str:
    """graphology's and sigma.js's minified builds (``graph/static/vendor/``), one after the other."""
    parts = []
    for name in LIBRARY_FILES:
        path = VENDOR_DIR / name
        if not path.is_file():
            raise PageLibraryMissing(f"{path}: the graph page's drawing library is missing; reinstall vanban")
        parts.append(f"/* {name}: see vendor/README.md and its LICENSE */\n" + path.read_text(encoding="utf-8"))
    return _LIBRARY_MARKUP_RE.sub(r"\\x3c", "\n;\n".join(parts))


def type_name(data: dict) -> str:
    """The legend's name for a document's type: the type's name, else its abbreviation, else what is known."""
    if data.get("doc_type_name"):
        return data["doc_type_name"]
    if data.get("doc_type"):
        return data["doc_type"]
    return NAMED if data.get("scope") == "named" else UNTYPED


def _type_colors(counts: Counter) -> dict[str, str]:
    colors, fallback = {}, 0
    for name, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if name in DOC_TYPE_COLORS:
            colors[name] = DOC_TYPE_COLORS[name]
        elif name in (NAMED, UNTYPED):
            colors[name] = UNTYPED_COLOR if name == UNTYPED else "#f0e68c"
        else:
            colors[name] = FALLBACK_COLORS[fallback % len(FALLBACK_COLORS)]
            fallback += 1
    return colors


def _story_of(G: nx.MultiDiGraph, text: str) -> str:
    return STORY_PREFIX + (G.nodes[text].get("story") or text.removeprefix("text:"))


def _stories(G: nx.MultiDiGraph, story_ids: set[str]) -> dict[str, dict]:
    """Each story: its title and date (of its first text) and every source it was read from."""
    members: dict[str, list[str]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        if data.get("kind") == "text" and _story_of(G, node) in story_ids:
            members[_story_of(G, node)].append(node)
    stories = {}
    for story, texts in members.items():
        texts.sort(key=lambda t: (G.nodes[t].get("published") or "9999", G.nodes[t].get("source") or ""))
        first = G.nodes[texts[0]]
        stories[story] = {
            "title": first.get("title") or first.get("label") or first.get("source"),
            "published": first.get("published"),
            "sources": [
                {
                    "text_id": t.removeprefix("text:"),
                    "source": G.nodes[t].get("source"),
                    "title": G.nodes[t].get("title"),
                    "published": G.nodes[t].get("published"),
                }
                for t in texts
            ],
        }
    return stories


def _cited_in(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """The stories citing a document (in the whole graph), with how often each copy cites it."""
    counts: Counter = Counter()
    for u, _v, d in G.in_edges(node, data=True):
        if d.get("kind") == "mentions" and G.nodes[u].get("kind") == "text":
            counts[_story_of(G, u)] = max(counts[_story_of(G, u)], d.get("count", 1))
    published = {_story_of(G, u): G.nodes[u].get("published") or "" for u in G.predecessors(node)}
    return [{"story": s, "count": c} for s, c in sorted(counts.items(), key=lambda item: (published[item[0]], item[0]))]


def _document_item(G: nx.MultiDiGraph, node: str, data: dict) -> dict:
    attrs = {
        name: data.get(name)
        for name in (
            "code",
            "doc_type",
            "doc_type_name",
            "issuer",
            "date",
            "subject",
            "scope",
            "term",
            "ambiguous",
            "cited_by",
            "status",
            "status_since",
            "status_reason",
        )
    }
    names = sorted((data.get("names") or {}).items(), key=lambda item: (-item[1], item[0]))
    label = str(data.get("label") or node)
    common = common_name(data.get("names"))
    if data.get("code") and common:  # "31/2024/QH15 · Luật Đất đai năm 2024": the code and what texts call it
        label = f"{label} · {common}"
    return {
        "id": node,
        "kind": "document",
        "label": label,
        "type": type_name(data),
        "attrs": attrs,
        "names": [list(pair) for pair in names],
        "cited_in": _cited_in(G, node),
    }


def _with_status(G: nx.MultiDiGraph, node: str, as_of: str) -> dict:
    """The node's attributes with its ``status`` as of ``as_of``, from when, and why."""
    found = document_status(G, node, as_of)
    return {**G.nodes[node], "status": found.status, "status_since": found.since, "status_reason": found.reason}


def graph_payload(
    G: nx.MultiDiGraph,
    view: View | None = None,
    title: str = DEFAULT_TITLE,
    as_of: str | None = None,
    start_view: str = "graph",
) -> dict:
    """The JSON the page reads for ``view`` of ``G`` (default: :func:`graph.view.overview`).

    Nodes are ``{id, kind: document|story, label, x, y, type, group, rank, attrs, cited_in}``; edges
    ``{id, from, to, kind: relation|cites, type, confidence, count, evidence}``. A document's attrs
    hold its ``status`` as of ``as_of`` (default: the date :func:`graph.status.annotate` used, else
    today). A focus page also carries ``rollout`` (:func:`graph.rollout_view.rollout_payload`) and
    its documents not otherwise drawn (``rollout_only``); ``start_view`` ``rollout`` opens on it.
    """
    if start_view not in VIEWS:
        raise ValueError(f"view {start_view!r}: expected one of {', '.join(VIEWS)}")
    view = view or overview(G)
    as_of = as_of or G.graph.get("status_as_of") or date.today().isoformat()
    H = view.graph
    nodes: list[dict[str, Any]] = []
    story_nodes: dict[str, Any] = {}
    for node, data in H.nodes(data=True):
        if data.get("kind") == "document":
            nodes.append(_document_item(G, node, _with_status(G, node, as_of)))
        elif data.get("kind") == "text":
            story_nodes.setdefault(_story_of(G, node), []).append(node)
    edges: list[dict] = []
    cites: set[tuple[str, str]] = set()
    for u, v, _key, data in H.edges(keys=True, data=True):
        kind = data.get("kind")
        if kind == "relation":
            edges.append(
                {
                    "id": f"e{len(edges)}",
                    "from": u,
                    "to": v,
                    "kind": "relation",
                    "type": data["type"],
                    "confidence": data.get("confidence"),
                    "count": data.get("count"),
                    "evidence": [dict(e) for e in data.get("evidence") or []],
                }
            )
        elif (
            kind == "mentions" and u in H and H.nodes[u].get("kind") == "text" and H.nodes[v].get("kind") == "document"
        ):
            cites.add((_story_of(G, u), v))
    for story, doc in sorted(cites):
        edges.append({"id": f"e{len(edges)}", "from": story, "to": doc, "kind": "cites", "type": "cites"})
    referenced = set(story_nodes) | {c["story"] for n in nodes for c in n["cited_in"]}
    stories = _stories(G, referenced)
    for story in sorted(story_nodes):
        nodes.append(
            {
                "id": story,
                "kind": "story",
                "label": stories[story]["title"] or story,
                "type": "story",
                "attrs": {"published": stories[story]["published"], "copies": len(stories[story]["sources"])},
            }
        )
    documents = [n for n in nodes if n["kind"] == "document"]
    relations_of: Counter = Counter()
    for e in edges:
        if e["kind"] == "relation":
            relations_of[e["from"]] += 1
            relations_of[e["to"]] += 1
    for n in nodes:
        n["group"] = n["type"]
        # what earns a label first: stories citing it and relations drawn (a hub with 25
        # "căn cứ" arrows is as worth naming as a document many texts cite)
        n["rank"] = (n["attrs"].get("cited_by") or 0) + 2 * relations_of[n["id"]] if n["kind"] == "document" else 0
    grouped = not view.focus and len(documents) > GROUP_ABOVE
    skeleton = _skeleton(H, G, story_nodes)
    centres: dict[str, tuple[float, float]] = {}
    if view.focus:
        order = {n["id"]: (n["attrs"].get("date") or n["attrs"].get("published") or "9999", n["label"]) for n in nodes}
        positions = level_layout(skeleton, view.focus, order, set(story_nodes))
        page_layout = "levels"
    elif grouped:
        positions, centres = grouped_layout(
            skeleton.to_undirected(as_view=True),
            {n["id"]: n["group"] for n in nodes},
            {n["id"]: n["rank"] for n in nodes},
        )
        page_layout = "grouped"
    else:
        positions = layout(skeleton, list(skeleton.nodes))
        page_layout = "force"
    for n in nodes:
        n["x"], n["y"] = positions.get(n["id"], (0.0, 0.0))
    rollout = rollout_payload(G, view.focus[0]) if view.focus else None
    if rollout:  # documents of the rollout the focus view does not draw: shown in the rollout view only
        for row in rollout["rows"]:
            if row["id"] not in H:
                extra = _document_item(G, row["id"], _with_status(G, row["id"], as_of))
                extra.update(group=extra["type"], rank=extra["attrs"].get("cited_by") or 0, x=0.0, y=0.0)
                extra["rollout_only"] = True
                nodes.append(extra)
                documents.append(extra)
    if start_view == "rollout" and not rollout:
        raise ValueError("the rollout view needs a focus document")

    type_counts = Counter(n["type"] for n in documents)
    status_counts = Counter(n["attrs"]["status"] for n in documents if not n.get("rollout_only"))
    colors = _type_colors(type_counts)
    relation_counts = Counter(e["type"] for e in edges if e["kind"] == "relation")
    ranked = sorted((n for n in documents if not n.get("rollout_only")), key=lambda n: (-n["rank"], n["label"]))
    labelled = [n["id"] for n in ranked[:LABELLED]]
    all_docs = sum(1 for _n, d in G.nodes(data=True) if d.get("kind") == "document")
    all_texts = sum(1 for _n, d in G.nodes(data=True) if d.get("kind") == "text")
    all_stories = len({d.get("story") or n for n, d in G.nodes(data=True) if d.get("kind") == "text"})
    dates = sorted(n["attrs"]["date"][:4] for n in documents if n["attrs"].get("date"))
    return {
        "title": title,
        "schema": G.graph.get("schema"),
        "heading": view.heading,
        "summary": (
            f"The store: {all_docs} documents, {all_texts} texts in {all_stories} stories. "
            f"Drawn: {sum(1 for n in documents if not n.get('rollout_only'))} documents, {len(story_nodes)} stories, "
            f"{sum(relation_counts.values())} relations."
        ),
        "focus": list(view.focus),
        "layout": page_layout,
        "grouped": grouped,
        "groups": [
            {"name": name, "color": colors[name], "count": type_counts[name], "x": x, "y": y}
            for name, (x, y) in sorted(centres.items())
        ],
        "labelled": labelled,
        "nodes": nodes,
        "edges": edges,
        "stories": stories,
        "not_drawn": _not_drawn(G, {n["id"] for n in nodes}),
        "years": [dates[0], dates[-1]] if dates else None,
        "doc_types": [
            {"name": name, "color": colors[name], "count": count}
            for name, count in sorted(type_counts.items(), key=lambda item: (-item[1], item[0]))
        ],
        "story_color": STORY_COLOR,
        "status_as_of": as_of,
        "statuses": [
            {"name": name, "color": STATUS_COLORS[name], "count": status_counts[name], "ended": name in ENDED_STATUSES}
            for name in STATUSES
        ],
        "rollout": rollout,
        "start_view": start_view,
        "relation_types": [
            {"type": t, "color": RELATION_COLORS[t], "count": relation_counts[t]}
            for t in RELATION_TYPES
            if relation_counts[t]
        ],
    }


def _not_drawn(G: nx.MultiDiGraph, H) -> list[list]:
    """``[label, type, cited_by, names]`` of the documents left out of the drawing, most cited first (for search)."""
    rows = [
        [str(d.get("label") or n), type_name(d), d.get("cited_by") or 0, sorted(d.get("names") or {})]
        for n, d in G.nodes(data=True)
        if d.get("kind") == "document" and n not in H
    ]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def _skeleton(H: nx.MultiDiGraph, G: nx.MultiDiGraph, story_nodes: dict[str, list[str]]) -> nx.DiGraph:
    """What is laid out: documents and stories (the texts of one story as one node), joined by
    their relations and citations, each edge from the citing side to the cited."""
    S = nx.DiGraph()
    for node, data in H.nodes(data=True):
        if data.get("kind") == "document":
            S.add_node(node)
    S.add_nodes_from(story_nodes)
    for u, v, data in H.edges(data=True):
        if data.get("kind") == "relation" and u != v:
            S.add_edge(u, v)
        elif (
            data.get("kind") == "mentions" and H.nodes[u].get("kind") == "text" and H.nodes[v].get("kind") == "document"
        ):
            S.add_edge(_story_of(G, u), v)
    return S


@cache
def _asset(name: str) -> str:
    text = (STATIC_DIR / name).read_text(encoding="utf-8")
    if name != "page.html" and re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"{STATIC_DIR / name}: an inlined asset must not contain a closing script or style tag")
    return text


def render_html(
    G: nx.MultiDiGraph,
    title: str = DEFAULT_TITLE,
    view: View | None = None,
    as_of: str | None = None,
    start_view: str = "graph",
) -> str:
    """The page for ``view`` of ``G`` as one string (see :func:`write_html`)."""
    parts = {
        "TITLE": html.escape(title),
        "CSS": _asset("page.css"),
        "LIBRARY": library_js(),
        "JS": _asset("page.js"),
        "DATA": script_json(graph_payload(G, view, title, as_of, start_view)),
    }
    return _PLACEHOLDER_RE.sub(lambda m: parts[m.group(1)], _asset("page.html"))


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    title: str = DEFAULT_TITLE,
    focus: str | None = None,
    depth: int = 2,
    view: View | None = None,
    as_of: str | None = None,
    start_view: str = "graph",
) -> Path:
    """Write the interactive page of ``G`` to ``path``; returns the path.

    Parameters
    ----------
    G : the citation graph (:func:`graph.build.build_graph`).
    path : the ``.html`` file to write (its folder is created).
    title : the page's title and heading (escaped).
    focus : a document code: the page shows it and what lies within ``depth`` steps
        (:func:`graph.view.focus_view`); without it, the largest connected part.
    view : a view made beforehand (overrides ``focus``).
    as_of : the date of each document's status (ISO; default: the one on ``G``, else today).
    start_view : ``graph``, or ``rollout`` to open a focus page on its rollout view.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:1-HD/TW", kind="document", label="1-HD/TW", cited_by=0)
    >>> G.add_node("doc:2-KL/TW", kind="document", label="2-KL/TW", cited_by=0)
    >>> G.add_edge("doc:2-KL/TW", "doc:1-HD/TW", key="cites", kind="relation", type="cites", confidence=0.5)
    >>> out = write_html(G, pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> "1-HD/TW" in out.read_text(encoding="utf-8")
    True
    """
    if view is None:
        view = focus_view(G, focus, depth) if focus else overview(G)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(G, title, view, as_of, start_view), encoding="utf-8")
    return path
