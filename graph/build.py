"""Build the citation graph (a networkx ``MultiDiGraph``) from extraction records.

Records are the OUTPUT.md dicts ``vanban extract`` prints and the store keeps.
Node and edge attributes are documented in :mod:`graph.schema`; which node a
cited code becomes is decided in :mod:`graph.identity`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import networkx as nx

from extractors.codes import fold, issuer_name
from graph import identity as ident
from graph.identity import DocumentKey, code_key
from graph.schema import validate_graph

GRAPH_SCHEMA = "vanban.graph/1"
_EVIDENCE_TEXT_LIMIT = 400  # characters of evidence text kept on an edge


def build_graph(records: Iterable[dict], validate: bool = True) -> nx.MultiDiGraph:
    """The citation graph of ``records``.

    Parameters
    ----------
    records : OUTPUT.md record dicts (``Store(path).records()``, ``extract_paths(...)``).
    validate : check the result against :mod:`graph.schema` before returning it.

    Examples
    --------
    >>> record = {"id": "t1", "source": "a.txt", "format": "txt", "kind": "news", "title": None,
    ...           "published": "2022-05-10", "self": None, "people": [], "organizations": [],
    ...           "citations": [{"code": "16-HD/BTCTW", "start": 0, "end": 10},
    ...                         {"code": "50-QĐ/TW", "start": 20, "end": 30}],
    ...           "relations": [{"source": "16-HD/BTCTW", "type": "implements", "target": "50-QĐ/TW",
    ...                          "confidence": 0.8, "evidence": {"start": 0, "end": 30, "rule": "active_verb"}}]}
    >>> G = build_graph([record])
    >>> G.has_edge("doc:16-HD/BTCTW", "doc:50-QĐ/TW", key="implements")
    True
    """
    records = [r for r in records if isinstance(r, dict) and r.get("id")]
    terms = _terms_by_base_key(records)
    G = nx.MultiDiGraph(schema=GRAPH_SCHEMA)
    for record in records:
        _add_record(G, record, terms)
    for node, data in G.nodes(data=True):
        if data["kind"] == "document":
            data["cited_by"] = sum(1 for u in G.predecessors(node) if G.nodes[u]["kind"] == "text")
    G.graph["texts"] = len(records)
    if validate:
        validate_graph(G)
    return G


# --- identity of the documents one text cites ----------------------------------------


def _mentions(record: dict) -> Iterable[tuple[str, str | None, str | None]]:
    """(code, issuer, date) for every coded citation, and the directive's own code."""
    for c in record.get("citations") or []:
        if c.get("code"):
            yield c["code"], c.get("issuer"), c.get("date")
    own = record.get("self") or {}
    if own.get("code"):
        yield own["code"], own.get("issuer"), own.get("issued")


def _terms_by_base_key(records: list[dict]) -> dict[str, set[str]]:
    terms: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for code, issuer, when in _mentions(record):
            term = ident.term_of(when)
            if term:
                terms[ident.base_key(code, _text_issuer(record, code, issuer), record["id"]).key].add(term)
    return terms


def _text_issuer(record: dict, code: str, issuer: str | None) -> str | None:
    """The issuer a text gives a code: on this mention, on another mention, or as its own."""
    if ident.qualifying_issuer(issuer, code):
        return issuer
    key = code_key(code)
    for c in record.get("citations") or []:
        if c.get("code") and code_key(c["code"]) == key and ident.qualifying_issuer(c.get("issuer"), code):
            return c["issuer"]
    own = record.get("self") or {}
    if own.get("code") and code_key(own["code"]) == key:
        return own.get("issuer")
    return issuer


def _text_keys(record: dict, terms: dict[str, set[str]]) -> dict[str, DocumentKey]:
    """code_key -> the node each code of this text stands for (one per code within a text)."""
    dates: dict[str, str] = {}
    for code, _issuer, when in _mentions(record):
        if when and code_key(code) not in dates:
            dates[code_key(code)] = when
    keys: dict[str, DocumentKey] = {}
    for code, issuer, _when in _mentions(record):
        k = code_key(code)
        if k in keys:
            continue
        base = ident.base_key(code, _text_issuer(record, code, issuer), record["id"])
        keys[k] = ident.split_by_term(base, dates.get(k), terms.get(base.key, set()))
    return keys


# --- adding one record ------------------------------------------------------------------


def _add_record(G: nx.MultiDiGraph, record: dict, terms: dict[str, set[str]]) -> None:
    text_id = record["id"]
    text_node = f"text:{text_id}"
    keys = _text_keys(record, terms)
    own_node = _add_own_document(G, record, keys)
    G.add_node(
        text_node, kind="text", label=record.get("title") or record.get("source") or text_id,
        source=record.get("source") or "", format=record.get("format") or "",
        text_kind=record.get("kind") or "unknown", title=record.get("title"),
        published=record.get("published"), document=own_node,
    )

    for c in record.get("citations") or []:
        if c.get("code"):
            node = _add_document(G, keys[code_key(c["code"])], c)
        elif c.get("name"):
            node = _add_document(G, ident.named_key(c["name"]), c)
        else:
            continue
        if node == own_node:
            continue  # a directive's own header is not a citation of itself
        _add_mention(G, text_node, node, c.get("start"), c.get("end"))

    for r in record.get("relations") or []:
        source = _relation_end(G, r.get("source"), record, keys, own_node)
        target = _relation_end(G, r.get("target"), record, keys, own_node)
        if source and target and source != target and r.get("type"):
            _add_relation(G, source, target, r, text_id)

    for org in record.get("organizations") or []:
        if org.get("name"):
            _add_mention(G, text_node, _add_organization(G, org["name"]), org.get("start"), org.get("end"))

    for person in record.get("people") or []:
        _add_person(G, person, text_node, text_id, record.get("published"))


def _add_own_document(G: nx.MultiDiGraph, record: dict, keys: dict[str, DocumentKey]) -> str | None:
    own = record.get("self")
    if not own:
        return None
    key = keys[code_key(own["code"])] if own.get("code") else ident.self_key(record["id"])
    attrs = {"code": own.get("code"), "doc_type": own.get("doc_type"), "doc_type_name": own.get("doc_type_name"),
             "issuer": own.get("issuer"), "issuer_code": own.get("issuer_code"), "date": own.get("issued"),
             "subject": own.get("subject")}
    node = _add_document(G, key, attrs, label=None if own.get("code") else (record.get("title") or record["id"]))
    # What the document says about itself is better than what others say of it.
    data = G.nodes[node]
    for name, value in attrs.items():
        if value and not (name == "issuer" and key.ambiguous):
            data[name] = value
    return node


def _relation_end(G, value, record, keys, own_node) -> str | None:
    if not value:
        return None
    if value == record["id"]:
        return own_node
    key = keys.get(code_key(value))
    if key is None:
        key = ident.base_key(value, None, record["id"])
    node = key.key
    if node not in G:
        _add_document(G, key, {"code": value})
    return node


def _add_document(G: nx.MultiDiGraph, key: DocumentKey, facts: dict, label: str | None = None) -> str:
    """Add or enrich a document node; the first non-empty value of each fact is kept."""
    node = key.key
    if node not in G:
        name = facts.get("name")
        G.add_node(
            node, kind="document", label=label or key.code or name or node,
            code=key.code, scope=key.scope, ambiguous=key.ambiguous, term=key.term,
            doc_type=None, doc_type_name=None, issuer=None, issuer_code=None,
            date=None, subject=None, cited_by=0,
        )
    data = G.nodes[node]
    for name in ("doc_type", "doc_type_name", "issuer_code", "date", "subject"):
        if not data.get(name) and facts.get(name):
            data[name] = facts[name]
    issuer = facts.get("issuer")
    if key.scope == "local" and key.ambiguous:
        issuer = None  # an unqualified local code names no issuer we can trust
    elif not issuer and key.scope == "central":
        issuer = issuer_name(data.get("issuer_code") or facts.get("issuer_code"))
    if issuer and not data.get("issuer"):
        data["issuer"] = issuer
        G.add_edge(node, _add_organization(G, issuer), key="issued_by", kind="issued_by")
    return node


def _add_organization(G: nx.MultiDiGraph, name: str) -> str:
    node = f"org:{' '.join(fold(name).split())}"
    if node not in G:
        G.add_node(node, kind="organization", label=name, name=name)
    return node


def _add_mention(G: nx.MultiDiGraph, text_node: str, node: str, start, end) -> None:
    if G.has_edge(text_node, node, key="mentions"):
        data = G.edges[text_node, node, "mentions"]
        data["count"] += 1
    else:
        G.add_edge(text_node, node, key="mentions", kind="mentions", count=1, spans=[])
        data = G.edges[text_node, node, "mentions"]
    if isinstance(start, int) and isinstance(end, int):
        data["spans"].append([start, end])


def _add_relation(G: nx.MultiDiGraph, source: str, target: str, relation: dict, text_id: str) -> None:
    kind = relation["type"]
    evidence = relation.get("evidence") or {}
    confidence = float(relation.get("confidence") or 0.0)
    item = {
        "text_id": text_id, "start": evidence.get("start"), "end": evidence.get("end"),
        "rule": evidence.get("rule"), "confidence": confidence,
        "text": (evidence.get("text") or "")[:_EVIDENCE_TEXT_LIMIT] or None,
    }
    if G.has_edge(source, target, key=kind):
        data = G.edges[source, target, kind]
        if item not in data["evidence"]:
            data["evidence"].append(item)
        data["confidence"] = max(data["confidence"], confidence)
        data["count"] = len(data["evidence"])
    else:
        G.add_edge(source, target, key=kind, kind="relation", type=kind, confidence=confidence,
                   evidence=[item], count=1)


def _add_person(G: nx.MultiDiGraph, person: dict, text_node: str, text_id: str, when: str | None) -> None:
    name = person.get("name")
    if not name:
        return
    node = f"person:{' '.join(fold(name).split())}"
    if node not in G:
        G.add_node(node, kind="person", label=name, name=name)
    mentions = person.get("mentions") or [{}]
    for m in mentions:
        _add_mention(G, text_node, node, m.get("start"), m.get("end"))
    for post in person.get("posts") or []:
        title = post.get("title")
        if not title:
            continue
        if post.get("organization"):
            where = _add_organization(G, post["organization"])
        else:
            where = f"post:{' '.join(fold(title).split())}"
            if where not in G:
                G.add_node(where, kind="post", label=title, title=title)
        G.add_edge(node, where, key=f"holds_post:{text_id}:{title}", kind="holds_post", title=title,
                   date=when, text_id=text_id, text=post.get("text"))
