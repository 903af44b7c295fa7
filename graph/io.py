"""Write the citation graph to files other tools open, and read those files back.

Formats:

``graphml``  GraphML (Gephi, yEd, Cytoscape); list attributes are JSON strings.
``gexf``     GEXF 1.2 (Gephi); same flattening.
``json``     networkx node-link JSON, lists kept as lists.
``csv``      a directory with ``nodes.csv`` and ``relationships.csv`` in the header
             format of ``neo4j-admin database import`` (``:ID``, ``:LABEL``,
             ``:START_ID``, ``:END_ID``, ``:TYPE``, typed columns ``count:int``).
``html``     one self-contained interactive page (:mod:`graph.html`).

Writers never change the graph they are given: they copy before flattening.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from graph.schema import LIST_ATTRIBUTES

if TYPE_CHECKING:  # loaded by the functions that use it: a query process never needs it
    import networkx as nx

FORMATS = ("graphml", "gexf", "json", "csv", "html")

_GEXF_RELATION_TYPE = "relation_type"
_GEXF_EDGE_KEY = "edge_key"
_NEO4J_TYPES = {bool: "boolean", int: "int", float: "float", str: "string"}
_NODE_LABELS = {
    "document": "Document",
    "text": "Text",
    "person": "Person",
    "organization": "Organization",
    "post": "Post",
}


class ExportError(ValueError):
    """An export that cannot be written: unknown format, or a path of the wrong kind."""


def _scalar(value):
    """A value GraphML and GEXF can hold: lists and dicts become JSON text."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def flattened_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` with scalar attributes only: None dropped, lists as JSON, private keys gone."""
    import networkx as nx

    H = nx.MultiDiGraph()
    H.graph.update({k: _scalar(v) for k, v in G.graph.items() if not k.startswith("_") and v is not None})
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **{k: _scalar(val) for k, val in data.items() if val is not None})
    return H


#: Attributes written as JSON text: the schema's lists, a document's names and issuer spellings (counts).
_JSON_ATTRIBUTES = LIST_ATTRIBUTES | {"names", "issuer_spellings"}


def _restore(data: dict) -> dict:
    """Undo the flattening of list and dict attributes."""
    for name in _JSON_ATTRIBUTES & data.keys():
        if isinstance(data[name], str):
            data[name] = json.loads(data[name])
    return data


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> None:
    import networkx as nx

    nx.write_graphml(flattened_copy(G), str(path), encoding="utf-8")


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> None:
    import networkx as nx

    H = flattened_copy(G)
    # GEXF's own edge "type" means directed/undirected: the relation type gets another name.
    # The multigraph key is kept in an attribute of its own: networkx's reader drops
    # its "networkx_key" when the file has no parallel edges.
    for _u, _v, key, data in H.edges(keys=True, data=True):
        if "type" in data:
            data[_GEXF_RELATION_TYPE] = data.pop("type")
        data[_GEXF_EDGE_KEY] = key
    nx.write_gexf(H, str(path))


def write_json(G: nx.MultiDiGraph, path: str | Path) -> None:
    import networkx as nx

    H = nx.MultiDiGraph()
    H.graph.update({k: v for k, v in G.graph.items() if not k.startswith("_")})
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from(G.edges(keys=True, data=True))
    data = nx.node_link_data(H, edges="edges")
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _columns(rows: list[dict], fixed: tuple[str, ...]) -> list[tuple[str, str]]:
    """(attribute, neo4j type) for every attribute in ``rows`` beyond the fixed columns."""
    types: dict[str, str] = {}
    for row in rows:
        for name, value in row.items():
            if name in fixed or value is None:
                continue
            kind = "string" if isinstance(value, (list, dict)) else _NEO4J_TYPES.get(type(value), "string")
            if types.get(name, kind) != kind:
                kind = "string"
            types[name] = kind
    return sorted(types.items())


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(G: nx.MultiDiGraph, directory: str | Path) -> tuple[Path, Path]:
    """``nodes.csv`` and ``relationships.csv`` for ``neo4j-admin database import full
    --nodes=nodes.csv --relationships=relationships.csv``."""
    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: CSV export writes a directory (nodes.csv, relationships.csv), not a file")
    out.mkdir(parents=True, exist_ok=True)

    nodes = [dict(data, **{"\0id": node}) for node, data in G.nodes(data=True)]
    node_cols = _columns(nodes, ("\0id",))
    nodes_path = out / "nodes.csv"
    with nodes_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id:ID", ":LABEL"] + [f"{name}:{kind}" for name, kind in node_cols])
        for row in nodes:
            label = _NODE_LABELS.get(str(row.get("kind")), "Node")
            writer.writerow([row["\0id"], label] + [_cell(row.get(name)) for name, _ in node_cols])

    edges = [dict(data, **{"\0u": u, "\0v": v, "\0key": key}) for u, v, key, data in G.edges(keys=True, data=True)]
    edge_cols = _columns(edges, ("\0u", "\0v", "\0key"))
    rels_path = out / "relationships.csv"
    with rels_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", "key:string"] + [f"{n}:{k}" for n, k in edge_cols])
        for row in edges:
            rel_type = row["type"] if row.get("kind") == "relation" else row.get("kind", "RELATED")
            writer.writerow(
                [row["\0u"], row["\0v"], rel_type.upper(), row["\0key"]]
                + [_cell(row.get(name)) for name, _ in edge_cols]
            )
    return nodes_path, rels_path


def _parse_cell(text: str, kind: str):
    if text == "":
        return None
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "boolean":
        return text == "true"
    return text


def read_csv(directory: str | Path) -> nx.MultiDiGraph:
    """Read back what :func:`write_csv` wrote."""
    import networkx as nx

    out = Path(directory)
    G = nx.MultiDiGraph()
    with (out / "nodes.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = [col.rsplit(":", 1) for col in next(reader)[2:]]
        for row in reader:
            attrs = {name: _parse_cell(cell, kind) for (name, kind), cell in zip(header, row[2:])}
            G.add_node(row[0], **_restore({k: v for k, v in attrs.items() if v is not None}))
    with (out / "relationships.csv").open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = [col.rsplit(":", 1) for col in next(reader)[4:]]
        for row in reader:
            attrs = {name: _parse_cell(cell, kind) for (name, kind), cell in zip(header, row[4:])}
            G.add_edge(row[0], row[1], key=row[3], **_restore({k: v for k, v in attrs.items() if v is not None}))
    return G


def read_graph(path: str | Path, fmt: str) -> nx.MultiDiGraph:
    """Read an export back into a ``MultiDiGraph`` with list attributes restored.

    Attributes that were None are absent, as they were not written.
    """
    import networkx as nx

    if fmt == "graphml":
        H = nx.read_graphml(str(path), force_multigraph=True)
    elif fmt == "gexf":
        raw = nx.read_gexf(str(path))
        H = nx.MultiDiGraph()
        H.graph.update(raw.graph)
        H.add_nodes_from(raw.nodes(data=True))
        for u, v, data in raw.edges(data=True):
            data = dict(data)
            data.pop("id", None)
            data.pop("networkx_key", None)
            key = data.pop(_GEXF_EDGE_KEY, None)
            if _GEXF_RELATION_TYPE in data:
                data["type"] = data.pop(_GEXF_RELATION_TYPE)
            H.add_edge(u, v, key=key, **data)
    elif fmt == "json":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    elif fmt == "csv":
        return read_csv(path)
    else:
        raise ExportError(f"cannot read format {fmt!r}; readable: graphml, gexf, json, csv")
    for _node, data in H.nodes(data=True):
        _restore(data)
    for _u, _v, data in H.edges(data=True):
        _restore(data)
    return H


def export_graph(G: nx.MultiDiGraph, path: str | Path, fmt: str, view=None, start_view: str = "graph") -> Path:
    """Write ``G`` to ``path`` in format ``fmt`` (one of :data:`FORMATS`); returns the path written.

    ``view`` (:class:`graph.view.View`) is the part of the graph an html page draws; by
    default the largest connected part; ``start_view`` ``rollout`` opens a focus page on the
    rollout view. The file formats always hold the whole graph.
    """
    writers: dict[str, Callable[[nx.MultiDiGraph, Path], object]] = {
        "graphml": write_graphml,
        "gexf": write_gexf,
        "json": write_json,
        "csv": write_csv,
    }
    if fmt not in (*writers, "html"):
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(path)
    if fmt != "csv":
        path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "html":
        from graph.html import write_html

        try:
            write_html(G, path, view=view, start_view=start_view)
        except ImportError as error:  # the drawing library missing from graph/static/vendor
            raise ExportError(str(error)) from error
        return path
    writers[fmt](G, path)
    return path
