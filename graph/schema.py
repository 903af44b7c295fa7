"""The citation graph's shape: one table of node and edge attributes, and its check.

Every node has ``kind``; every edge has ``kind``. The table below is the
contract that :func:`graph.build.build_graph` fulfils, that the queries rely
on and that the exports write. :func:`validate_graph` checks a graph against
it and raises :class:`GraphSchemaError` naming what is wrong.

Nodes
-----
============  ===============  ========  ===================================================
kind          attribute        type      meaning
============  ===============  ========  ===================================================
document      label            str       what to show: the code, or the name
document      code             str|None  canonical code (None for "Điều lệ Đảng")
document      scope            str       central | local | named | self (see graph.identity)
document      ambiguous        bool      the texts did not say which document this is
document      doc_type         str|None  type abbreviation: HD, QĐ, NĐ ...
document      doc_type_name    str|None  "Hướng dẫn"
document      issuer           str|None  full issuing body, where known
document      issuer_code      str|None  the part after the slash: ĐUK, TW
document      term             str|None  committee term, for a code split by term
document      date             str|None  the document's own date (ISO)
document      subject          str|None  "về ..." or the title's subject
document      cited_by         int       how many stories cite it (copies of one text count once)
document      place            str|None  (its own text only) the place of its date line: "Bắc Ninh"
document      effective        str|None  (its own text only) from when it is in force (ISO), as it says
document      effective_text   str|None  (with effective) the clause: "có hiệu lực kể từ ngày ký"
document      own_text         str|None  id of a text that is the document itself (a directive in the store)
document      status           str|None  (exports only) in_force | amended | partly_repealed | replaced
                                         | repealed | expired | unknown, as of status_as_of (graph.status)
document      name             str       (named documents and laws named in a text only) "Luật Đất đai"
document      edition          str|None  (with name) the year of the edition, where a text gives it
document      names            dict      (cited by name) each name the texts give it -> how many texts
document      issuer_spellings dict      each spelling of its issuer -> mentions; ``issuer`` is the most used
text          label            str       title, or source
text          source           str       path or URL the text came from
text          format           str       txt | html | pdf | docx | jsonl
text          text_kind        str       news | directive | unknown
text          title            str|None
text          published        str|None  the text's own date
text          document         str|None  node of the document the text is (a directive)
text          story            str       id of the story's first text (copies share it; itself if none)
person        label            str       the person's name
person        name             str
organization  label            str       the body's name
organization  name             str
post          label            str       a post with no body named: "Phó Bí thư"
post          title            str
============  ===============  ========  ===================================================

Edges
-----
============  ==========  ===========  ==========  =========================================
kind          from        to           attribute   meaning
============  ==========  ===========  ==========  =========================================
relation      document    document     type        based_on | implements | amends | replaces
                                                   | repeals | cites
relation                               confidence  float, the highest over its evidence
relation                               evidence    list of {text_id, start, end, rule,
                                                   confidence, text}: one per text and span
relation                               count       int, len(evidence)
mentions      text        document     count       int, citations of it in the text
mentions                               spans       list of [start, end] in the text
mentions      text        person       count       int, mentions of the person (and spans)
mentions      text        organization count       int, mentions of the body (and spans)
issued_by     document    organization
holds_post    person      organization title       str, the post held ("Thứ trưởng")
              person      post
holds_post                             date        str|None, the citing text's date
holds_post                             text_id     str, the text that says so
holds_post                             text        str|None, the post as written
============  ==========  ===========  ==========  =========================================

Edge keys: a relation's key is its ``type`` (one edge per pair and type,
evidence from every text merged); ``mentions`` and ``issued_by`` use their
kind; ``holds_post`` uses ``"holds_post:<text id>:<title>"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded where a graph is checked: reading the table (graph.io's formats) needs none
    import networkx as nx

RELATION_TYPES = ("based_on", "implements", "amends", "replaces", "repeals", "cites")

STR, OPT_STR, BOOL, INT, FLOAT, LIST = "str", "str|None", "bool", "int", "float", "list"
_PYTHON_TYPES = {
    STR: (str,),
    OPT_STR: (str, type(None)),
    BOOL: (bool,),
    INT: (int,),
    FLOAT: (float, int),
    LIST: (list,),
}


@dataclass(frozen=True)
class Attribute:
    """One documented attribute: its name, type and meaning."""

    name: str
    type: str
    meaning: str


NODE_ATTRIBUTES: dict[str, tuple[Attribute, ...]] = {
    "document": (
        Attribute("label", STR, "the code, or the name"),
        Attribute("code", OPT_STR, "canonical code"),
        Attribute("scope", STR, "central | local | named | self"),
        Attribute("ambiguous", BOOL, "the texts did not say which document this is"),
        Attribute("doc_type", OPT_STR, "type abbreviation"),
        Attribute("doc_type_name", OPT_STR, "type name"),
        Attribute("issuer", OPT_STR, "full issuing body"),
        Attribute("issuer_code", OPT_STR, "issuer abbreviation"),
        Attribute("term", OPT_STR, "committee term of a code split by term"),
        Attribute("date", OPT_STR, "the document's date"),
        Attribute("subject", OPT_STR, "its subject"),
        Attribute("cited_by", INT, "how many stories cite it"),
        Attribute("place", OPT_STR, "the place of its date line"),
        Attribute("effective", OPT_STR, "from when it is in force, as it says"),
        Attribute("effective_text", OPT_STR, "the effective-date clause"),
        Attribute("own_text", OPT_STR, "id of the document's own text"),
        Attribute("status", OPT_STR, "status as of the graph's status_as_of (graph.status)"),
    ),
    "text": (
        Attribute("label", STR, "title or source"),
        Attribute("source", STR, "path or URL"),
        Attribute("format", STR, "input format"),
        Attribute("text_kind", STR, "news | directive | unknown"),
        Attribute("title", OPT_STR, "title"),
        Attribute("published", OPT_STR, "the text's own date"),
        Attribute("document", OPT_STR, "node of the document the text is"),
        Attribute("story", STR, "id of the story's first text"),
    ),
    "person": (Attribute("label", STR, "name"), Attribute("name", STR, "canonical name")),
    "organization": (Attribute("label", STR, "name"), Attribute("name", STR, "canonical name")),
    "post": (Attribute("label", STR, "the post"), Attribute("title", STR, "the post's title")),
}

EDGE_ATTRIBUTES: dict[str, tuple[Attribute, ...]] = {
    "relation": (
        Attribute("type", STR, "relation type"),
        Attribute("confidence", FLOAT, "highest confidence over the evidence"),
        Attribute("evidence", LIST, "one item per text and span"),
        Attribute("count", INT, "number of evidence items"),
    ),
    "mentions": (Attribute("count", INT, "mentions in the text"), Attribute("spans", LIST, "[start, end] pairs")),
    "issued_by": (),
    "holds_post": (
        Attribute("title", STR, "the post"),
        Attribute("date", OPT_STR, "the citing text's date"),
        Attribute("text_id", STR, "the text that says so"),
        Attribute("text", OPT_STR, "the post as written"),
    ),
}

#: Which node kinds an edge kind may join (from, to).
EDGE_ENDS: dict[str, tuple[tuple[str, str], ...]] = {
    "relation": (("document", "document"),),
    "mentions": (("text", "document"), ("text", "person"), ("text", "organization")),
    "issued_by": (("document", "organization"),),
    "holds_post": (("person", "organization"), ("person", "post")),
}

#: Attributes holding lists or dicts, which file formats with scalar values store as JSON strings.
LIST_ATTRIBUTES = frozenset(
    a.name for attrs in (*NODE_ATTRIBUTES.values(), *EDGE_ATTRIBUTES.values()) for a in attrs if a.type == LIST
)


class GraphSchemaError(ValueError):
    """The graph does not have the documented shape."""


def _check(owner: str, data: dict, attributes: tuple[Attribute, ...], problems: list[str]) -> None:
    for attr in attributes:
        if attr.name not in data:
            if attr.type != OPT_STR:
                problems.append(f"{owner}: missing attribute {attr.name!r} ({attr.type})")
            continue
        value = data[attr.name]
        allowed = _PYTHON_TYPES[attr.type]
        if not isinstance(value, allowed) or (attr.type in (INT, FLOAT) and isinstance(value, bool)):
            problems.append(f"{owner}: {attr.name!r} should be {attr.type}, is {type(value).__name__}")


def validate_graph(G: nx.MultiDiGraph, max_problems: int = 10) -> None:
    """Check ``G`` against the documented table; raise :class:`GraphSchemaError` listing problems.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("doc:1-HD/TW", kind="document")
    >>> validate_graph(G)
    Traceback (most recent call last):
    ...
    graph.schema.GraphSchemaError: graph does not match graph/schema.py: doc:1-HD/TW: missing attribute 'label' (str); ...
    """
    import networkx as nx

    if not isinstance(G, nx.MultiDiGraph):
        raise GraphSchemaError(f"expected a networkx MultiDiGraph, got {type(G).__name__}")
    problems: list[str] = []
    for node, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in NODE_ATTRIBUTES:
            problems.append(f"{node}: unknown node kind {kind!r}")
        else:
            _check(str(node), data, NODE_ATTRIBUTES[kind], problems)
        if len(problems) >= max_problems:
            break
    for u, v, key, data in G.edges(keys=True, data=True):
        if len(problems) >= max_problems:
            break
        kind = data.get("kind")
        if kind not in EDGE_ATTRIBUTES:
            problems.append(f"{u} -> {v} [{key}]: unknown edge kind {kind!r}")
            continue
        ends = (G.nodes[u].get("kind"), G.nodes[v].get("kind"))
        if ends not in EDGE_ENDS[kind]:
            problems.append(f"{u} -> {v} [{key}]: a {kind} edge cannot join {ends[0]} to {ends[1]}")
        _check(f"{u} -> {v} [{key}]", data, EDGE_ATTRIBUTES[kind], problems)
        if kind == "relation" and data.get("type") not in RELATION_TYPES:
            problems.append(f"{u} -> {v} [{key}]: unknown relation type {data.get('type')!r}")
    if problems:
        raise GraphSchemaError("graph does not match graph/schema.py: " + "; ".join(problems[:max_problems]))


def ensure_valid(G: nx.MultiDiGraph) -> None:
    """Validate ``G`` once; later calls return at once while its node count is unchanged
    (counting edges of a multigraph costs a pass over them, too much before every query)."""
    stamp = G.number_of_nodes()
    if G.graph.get("_validated") == stamp:
        return
    validate_graph(G)
    G.graph["_validated"] = stamp
