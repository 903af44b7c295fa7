"""The interactive HTML view of the citation graph (owned by the HTML-page work).

:func:`write_html` writes one self-contained page: the graph as JSON in a
``<script type="application/json">`` block, and the page's own CSS and JS
(``graph/static/page.css``, ``page.js``, written for vanban, no library) inlined
beside it. Nothing is loaded from the network; a Content-Security-Policy in the
page forbids it.

What the page shows: documents coloured by type and sized by how many texts
cite them, laid out in layers (a document sits below what it rests on); relation
edges coloured by type; texts, people, organizations and posts as other shapes
(kinds toggled by check boxes); a legend; a search box (code, name, subject;
tone marks optional) that highlights the matches; details of a clicked node
(code, type, issuer, date, subject, texts citing it, its relations) or edge
(type, confidence, evidence sentences). A ``?q=...`` URL parameter fills the
search box on load.

Escaping: the JSON has ``<``, ``>``, ``&`` (and U+2028/9) written as ``\\uXXXX``
so no text can end the script block, and the JS sets every string from the data
with ``textContent`` or ``setAttribute``, never as HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from graph.schema import NODE_ATTRIBUTES, RELATION_TYPES

STATIC_DIR = Path(__file__).resolve().parent / "static"
DEFAULT_TITLE = "vanban — citation graph"

#: Node kinds written into the page, and those shown when it opens (the rest behind a check box).
ALL_KINDS = ("document", "text", "person", "organization", "post")
SHOWN_KINDS = ("document", "text", "person")
LARGE_GRAPH = 1500  # nodes of SHOWN_KINDS above which the page opens on documents alone

#: Fill colours of document types (party and state); other types take FALLBACK_COLORS in turn.
DOC_TYPE_COLORS = {
    "NQ": "#d62728",   # Nghị quyết
    "QĐ": "#1f77b4",   # Quy định / Quyết định
    "QĐi": "#1f77b4",  # Quy định (party)
    "HD": "#2ca02c",   # Hướng dẫn
    "CT": "#ff7f0e",   # Chỉ thị
    "KL": "#9467bd",   # Kết luận
    "QC": "#8c564b",   # Quy chế
    "TB": "#e377c2",   # Thông báo
    "KH": "#bcbd22",   # Kế hoạch
    "CTr": "#17becf",  # Chương trình
    "BC": "#7f7f7f",   # Báo cáo
    "NĐ": "#393b79",   # Nghị định (state)
    "TT": "#637939",   # Thông tư / Thông tri
    "L": "#843c39",    # Luật (state)
}
FALLBACK_COLORS = ("#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d",
                   "#9edae5")
UNTYPED_COLOR = "#bbbbbb"  # named documents ("Điều lệ Đảng") and codes without a type

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
_PLACEHOLDER_RE = re.compile(r"\{\{(TITLE|CSS|JS|DATA)\}\}")


def script_json(value) -> str:
    """``value`` as JSON safe to place inside a ``<script>`` element.

    >>> script_json({"s": "</script><b>&"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group()], text)


def _scalar_attrs(data: dict, names: tuple[str, ...]) -> dict:
    return {name: data.get(name) for name in names if not isinstance(data.get(name), (list, dict))}


def _doc_type_legend(documents: list[dict]) -> list[dict]:
    """One legend row per document type present, most frequent first, with its colour."""
    counts = Counter(d["attrs"].get("doc_type") for d in documents)
    names: dict[str | None, str | None] = {}
    for d in documents:
        names.setdefault(d["attrs"].get("doc_type"), d["attrs"].get("doc_type_name"))
    rows, fallback = [], 0
    for code, count in sorted(counts.items(), key=lambda item: (item[0] is None, -item[1], item[0] or "")):
        if code is None:
            color = UNTYPED_COLOR
        elif code in DOC_TYPE_COLORS:
            color = DOC_TYPE_COLORS[code]
        else:
            color = FALLBACK_COLORS[fallback % len(FALLBACK_COLORS)]
            fallback += 1
        rows.append({"code": code, "name": names.get(code) or ("no type" if code is None else None),
                     "color": color, "count": count})
    return rows


def graph_payload(G: nx.MultiDiGraph, title: str = DEFAULT_TITLE, kinds: tuple[str, ...] = ALL_KINDS) -> dict:
    """The JSON the page reads: nodes of ``kinds``, the edges between them, legend and text index.

    Each node is ``{id, kind, label, attrs}`` (documents also ``cited_in``: the texts
    citing them, even when texts are not drawn); each edge ``{id, source, target, kind,
    type, key, attrs}`` (relations also ``evidence``).
    """
    kept = {node for node, data in G.nodes(data=True) if data.get("kind") in kinds}
    texts = {}
    for node, data in G.nodes(data=True):
        if data.get("kind") == "text":
            texts[node.removeprefix("text:")] = {"title": data.get("title"), "source": data.get("source"),
                                                 "published": data.get("published")}
    nodes = []
    for node, data in G.nodes(data=True):
        if node not in kept:
            continue
        kind = data["kind"]
        names = tuple(a.name for a in NODE_ATTRIBUTES.get(kind, ())) or tuple(data)
        item = {"id": str(node), "kind": kind, "label": str(data.get("label") or node),
                "attrs": _scalar_attrs(data, names)}
        if kind == "document":
            item["cited_in"] = sorted(
                ({"text_id": str(u).removeprefix("text:"), "count": e.get("count", 1),
                  "published": G.nodes[u].get("published")}
                 for u, _v, e in G.in_edges(node, data=True)
                 if e.get("kind") == "mentions" and G.nodes[u].get("kind") == "text"),
                key=lambda c: (c["published"] or "", c["text_id"]))
        nodes.append(item)
    edges: list[dict[str, Any]] = []
    for u, v, key, data in G.edges(keys=True, data=True):
        if u not in kept or v not in kept:
            continue
        kind = data.get("kind")
        item = {"id": f"e{len(edges)}", "source": str(u), "target": str(v), "kind": kind,
                "type": data.get("type") if kind == "relation" else kind, "key": str(key),
                "attrs": {k: val for k, val in data.items()
                          if k not in ("kind", "type", "evidence", "spans") and not isinstance(val, (list, dict))}}
        if kind == "relation":
            item["evidence"] = [dict(e) for e in data.get("evidence") or []]
        edges.append(item)
    documents = [n for n in nodes if n["kind"] == "document"]
    kind_counts = Counter(n["kind"] for n in nodes)
    large = sum(kind_counts[k] for k in SHOWN_KINDS) > LARGE_GRAPH
    shown = ("document",) if large else SHOWN_KINDS
    relation_counts = Counter(e["type"] for e in edges if e["kind"] == "relation")
    relations = sum(relation_counts.values())
    summary = (f"{len(documents)} documents, {len(texts)} texts, {relations} relations"
               f" ({', '.join(f'{n} {t}' for t, n in relation_counts.most_common())})" if relations else
               f"{len(documents)} documents, {len(texts)} texts, no relations")
    return {
        "title": title,
        "schema": G.graph.get("schema"),
        "summary": summary + ".",
        "nodes": nodes,
        "edges": edges,
        "texts": texts,
        "kinds": [{"kind": k, "count": kind_counts[k], "shown": k in shown} for k in kinds if kind_counts[k]],
        "doc_types": _doc_type_legend(documents),
        "relation_types": [{"type": t, "color": RELATION_COLORS[t], "count": relation_counts[t]}
                           for t in RELATION_TYPES if relation_counts[t]],
    }


@cache
def _asset(name: str) -> str:
    text = (STATIC_DIR / name).read_text(encoding="utf-8")
    if name != "page.html" and re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError(f"{STATIC_DIR / name}: an inlined asset must not contain a closing script or style tag")
    return text


def render_html(G: nx.MultiDiGraph, title: str = DEFAULT_TITLE, kinds: tuple[str, ...] = ALL_KINDS) -> str:
    """The page for ``G`` as one string (see :func:`write_html`)."""
    parts = {
        "TITLE": html.escape(title),
        "CSS": _asset("page.css"),
        "JS": _asset("page.js"),
        "DATA": script_json(graph_payload(G, title, kinds)),
    }
    return _PLACEHOLDER_RE.sub(lambda m: parts[m.group(1)], _asset("page.html"))


def write_html(G: nx.MultiDiGraph, path: str | Path, title: str = DEFAULT_TITLE,
               kinds: tuple[str, ...] = ALL_KINDS) -> Path:
    """Write the interactive page of ``G`` to ``path``; returns the path.

    Parameters
    ----------
    G : the citation graph (:func:`graph.build.build_graph`).
    path : the ``.html`` file to write (its folder is created).
    title : the page's title and heading (escaped).
    kinds : node kinds written into the page; documents, texts and people are shown
        when it opens, the others behind a check box.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:1-HD/TW", kind="document", label="1-HD/TW", cited_by=0)
    >>> out = write_html(G, pathlib.Path(tempfile.mkdtemp()) / "g.html")
    >>> "1-HD/TW" in out.read_text(encoding="utf-8")
    True
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(G, title, kinds), encoding="utf-8")
    return path
