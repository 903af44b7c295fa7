"""Build the citation graph (a networkx ``MultiDiGraph``) from extraction records.

Records are the OUTPUT.md dicts ``vanban extract`` prints and the store keeps.
Node and edge attributes are documented in :mod:`graph.schema`; which node a
cited code becomes is decided in :mod:`graph.identity`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from extractors.codes import code_key, fold, issuer_name, type_abbreviation, type_name_for_code
from graph import identity as ident
from graph.answers import majority_spelling
from graph.identity import DocumentKey
from graph.schema import ensure_valid

GRAPH_SCHEMA = "vanban.graph/1"
#: A law's code, the only coded documents a name like "Luật Đất đai" is joined to.
_LAW_CODE_RE = re.compile(r"^\d+/\d{4}/QH\d*(?:\|[IVX]+)?$")
_CODE_YEAR_RE = re.compile(r"^\d+/((?:19|20)\d{2})/")  # the year inside a state code: 31/2024/QH15
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
    terms = terms_by_base_key(records)
    G = nx.MultiDiGraph(schema=GRAPH_SCHEMA)
    for record in records:
        _add_record(G, record, terms)
    majority_issuers(d for _n, d in G.nodes(data=True) if d.get("kind") == "document")
    for node, data in G.nodes(data=True):
        if data["kind"] == "document":
            data["cited_by"] = len(
                {G.nodes[u].get("story") or u for u in G.predecessors(node) if G.nodes[u]["kind"] == "text"}
            )  # stories: copies of one article count once
    G.graph["texts"] = len(records)
    if validate:
        ensure_valid(G)  # validates, and remembers it for the queries
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


def record_terms(record: dict) -> Iterable[tuple[str, str]]:
    """(base key, term) of each dated mention in one record."""
    for code, issuer, when in _mentions(record):
        term = ident.term_of(when)
        if term:
            yield ident.base_key(code, _text_issuer(record, code, issuer), record["id"]).key, term


def terms_by_base_key(records: Iterable[dict]) -> dict[str, set[str]]:
    """Terms seen per base key, from dated mentions: a key seen in two terms is split."""
    terms: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for key, term in record_terms(record):
            terms[key].add(term)
    return terms


def record_graph(record: dict, terms: dict[str, set[str]]) -> nx.MultiDiGraph:
    """The graph of one record alone, its codes keyed with ``terms`` (of all records): what
    :func:`build_graph` adds for it before merging (the store's index merges these one by one)."""
    G = nx.MultiDiGraph()
    _add_record(G, record, terms)
    return G


def _qualified_issuers(record: dict, code: str) -> list[str]:
    """The distinct issuers this text names for a code (folded), in order of mention."""
    key = code_key(code)
    found: list[str] = []
    own = record.get("self") or {}
    candidates = [own.get("issuer")] if own.get("code") and code_key(own["code"]) == key else []
    candidates += [
        c.get("issuer") for c in record.get("citations") or [] if c.get("code") and code_key(c["code"]) == key
    ]
    for issuer in candidates:
        folded = ident.qualifying_issuer(issuer, code)
        if folded and folded not in found:
            found.append(folded)
    return found


def _text_issuer(record: dict, code: str, issuer: str | None) -> str | None:
    """The issuer a text gives one mention of a code: its own, else the only one the text
    names for that code anywhere (a directive's header, another mention)."""
    if ident.qualifying_issuer(issuer, code):
        return issuer
    level = ident.generic_level(issuer)
    own_issuer = (record.get("self") or {}).get("issuer")
    if level and own_issuer and ident.expand_issuer(own_issuer).startswith(level + " "):
        return own_issuer  # "của UBND tỉnh" in a document of UBND tỉnh Bắc Ninh: its own body
    named = _qualified_issuers(record, code)
    if len(named) == 1:
        return named[0]
    if not named:
        bodies = _bodies_of_kind(record, code)
        if len(bodies) == 1:  # the one body of the code's kind the text names: "02-HD/ĐU" in a text on Đảng ủy Bộ X
            return bodies[0]
    return issuer


#: Local party committees (the issuer part of their codes, folded). Only these are joined to the one
#: body of their kind a text names: on the 3,000 bench texts, doing the same for UBND / HĐND codes
#: picked a generic ("Ủy ban nhân dân cấp tỉnh") or clipped ("... Ninh Bình quy") name in 4 of 14
#: sampled cases, the organizations found in news being rougher than the party bodies of directives.
_PARTY_COMMITTEE_KINDS = frozenset({"đu", "đuk", "tu", "hu", "qu", "txu"})


def _bodies_of_kind(record: dict, code: str) -> list[str]:
    """The distinct bodies the text names (its organizations) that are of the kind the code's issuer
    part says (a ``/ĐU`` code: a Đảng ủy, not a Đảng ủy Khối) and named fully enough to tell it apart,
    a name that only begins another one ("Đảng ủy Bộ") left out."""
    segments = ident.issuer_segments(code)
    if not segments or fold(segments[0]) not in _PARTY_COMMITTEE_KINDS:
        return []
    found: dict[str, str] = {}
    for org in record.get("organizations") or []:
        name = org.get("name")
        kind = ident.issuer_code_for(name) if name else None
        if kind and fold(kind) == fold(segments[0]):
            folded = ident.qualifying_issuer(name, code)
            if folded:
                found.setdefault(folded, name)
    # "Đảng ủy Bộ" beside "Đảng ủy Bộ Thông tin và Truyền thông": the short form of the same body
    return [name for key, name in found.items() if not any(o != key and o.startswith(key + " ") for o in found)]


class _TextKeys:
    """Which node each coded mention of one text stands for.

    Within a text a code usually means one document; when the text names two issuers
    for one local code ("02-HD/ĐU của Đảng ủy Bộ A ... 02-HD/ĐU của Đảng ủy Bộ B"),
    each mention keeps its own, and a relation takes the one cited nearest its evidence.
    """

    def __init__(self, record: dict, terms: dict[str, set[str]]):
        self.record = record
        dates: dict[str, str] = {}
        for code, _issuer, when in _mentions(record):
            if when and code_key(code) not in dates:
                dates[code_key(code)] = when
        self.by_mention: list[tuple[int | None, DocumentKey]] = []
        self.by_code: dict[str, list[tuple[int | None, DocumentKey]]] = defaultdict(list)
        own = record.get("self") or {}
        items = [(own, str(own["code"]), own.get("issuer"), None)] if own.get("code") else []
        items += [
            (c, c["code"], c.get("issuer"), c.get("start")) for c in record.get("citations") or [] if c.get("code")
        ]
        for _item, code, issuer, start in items:
            k = code_key(code)
            base = ident.base_key(code, _text_issuer(record, code, issuer), record["id"])
            key = ident.split_by_term(base, dates.get(k), terms.get(base.key, set()))
            self.by_mention.append((start, key))
            self.by_code[k].append((start, key))

    def own(self) -> DocumentKey | None:
        own = self.record.get("self") or {}
        return self.by_code[code_key(own["code"])][0][1] if own.get("code") else None

    def mention(self, index: int) -> DocumentKey:
        """The key of the ``index``-th coded citation."""
        offset = 1 if (self.record.get("self") or {}).get("code") else 0
        return self.by_mention[index + offset][1]

    def for_code(self, code: str, near: int | None = None) -> DocumentKey:
        """The key a relation's code stands for: the only one, or the one cited nearest ``near``."""
        options = self.by_code.get(code_key(code))
        if not options:
            return ident.base_key(code, None, self.record["id"])
        distinct = {key.key: key for _start, key in options}
        if len(distinct) == 1 or near is None:
            return options[0][1]
        placed = [(abs(start - near), key) for start, key in options if isinstance(start, int)]
        return min(placed, key=lambda item: item[0])[1] if placed else options[0][1]


# --- adding one record ------------------------------------------------------------------


def _add_record(G: nx.MultiDiGraph, record: dict, terms: dict[str, set[str]]) -> None:
    text_id = record["id"]
    text_node = f"text:{text_id}"
    keys = _TextKeys(record, terms)
    own_node = _add_own_document(G, record, keys)
    G.add_node(
        text_node,
        kind="text",
        label=record.get("title") or record.get("source") or text_id,
        source=record.get("source") or "",
        format=record.get("format") or "",
        text_kind=record.get("kind") or "unknown",
        title=record.get("title"),
        published=record.get("published"),
        document=own_node,
        story=record.get("story") or text_id,
    )

    coded = 0
    given: dict[str, set[str]] = {}  # node -> the names this text gives it
    for c in record.get("citations") or []:
        if c.get("code"):
            node = _add_document(G, keys.mention(coded), c)
            coded += 1
        elif c.get("name"):
            node = _add_document(G, _named_document_key(record, c, keys, terms), c)
        else:
            continue
        if node == own_node:
            continue  # a directive's own header is not a citation of itself
        _add_mention(G, text_node, node, c.get("start"), c.get("end"))
        if c.get("name"):
            given.setdefault(node, set()).add(given_name(c))
    for node, names in given.items():
        counts = G.nodes[node].setdefault("names", {})
        for name in sorted(names):
            counts[name] = counts.get(name, 0) + 1

    for r in record.get("relations") or []:
        near = (r.get("evidence") or {}).get("start")
        source = _relation_end(G, r.get("source"), record, keys, own_node, near)
        target = _relation_end(G, r.get("target"), record, keys, own_node, near)
        if source and target and source != target and r.get("type"):
            _add_relation(G, source, target, r, text_id)

    for org in record.get("organizations") or []:
        if org.get("name"):
            _add_mention(G, text_node, _add_organization(G, org["name"]), org.get("start"), org.get("end"))

    for person in record.get("people") or []:
        _add_person(G, person, text_node, text_id, record.get("published"))


def _add_own_document(G: nx.MultiDiGraph, record: dict, keys: _TextKeys) -> str | None:
    own = record.get("self")
    if not own:
        return None
    key = keys.own() or ident.self_key(record["id"])
    attrs = {
        "code": own.get("code"),
        "doc_type": own.get("doc_type"),
        "doc_type_name": own.get("doc_type_name"),
        "issuer": own.get("issuer"),
        "issuer_code": own.get("issuer_code"),
        "date": own.get("issued"),
        "subject": own.get("subject"),
        "place": own.get("place"),  # the date line's place: "Bắc Ninh, ngày ..."
        "effective": (own.get("effective") or {}).get("value"),  # "có hiệu lực từ ngày ..."
        "effective_text": (own.get("effective") or {}).get("text"),
        "own_text": record["id"],  # the store holds the document's own text
    }
    node = _add_document(G, key, attrs, label=None if own.get("code") else (record.get("title") or record["id"]))
    # What the document says about itself is better than what others say of it.
    data = G.nodes[node]
    for name, value in attrs.items():
        if value and name not in ("doc_type", "doc_type_name") and not (name == "issuer" and key.ambiguous):
            data[name] = value
    doc_type, type_name = document_type(own.get("doc_type"), own.get("doc_type_name"))
    if doc_type:
        data["doc_type"], data["doc_type_name"] = doc_type, type_name
    return node


def given_name(citation: dict) -> str:
    """The name a citation gives its document, with the edition's year: "Luật Đất đai năm 2024"."""
    name, edition = _named_parts(citation)
    return f"{name} năm {edition}" if edition else name


def _named_parts(citation: dict) -> tuple[str, str | None]:
    """(name, edition) of a named citation: "Hiến pháp năm 2013" -> ("Hiến pháp", "2013")."""
    name, edition = citation["name"], citation.get("edition")
    suffix = f" năm {edition}"
    if edition and name.endswith(suffix):
        name = name[: -len(suffix)]
    return name, edition


def _named_document_key(record: dict, citation: dict, keys: _TextKeys, terms: dict[str, set[str]]) -> DocumentKey:
    """Which node a document cited by name stands for.

    With an edition ("Luật Đất đai năm 2024"): the coded document of that edition, when the
    same text gives its code ("Luật Đất đai số 31/2024/QH15") or the table knows it; else
    a named node of that edition. Without one ("Luật Đất đai"): the one edition the same
    text names, by code or by year; else a named node of its own, marked ambiguous."""
    name, edition = _named_parts(citation)
    folded = fold(name)
    coded: dict[str, str] = {}  # edition year -> code, from this text's coded mentions of the name
    years: set[str] = set()  # editions this text names by year
    for other in record.get("citations") or []:
        if not other.get("name") or fold(_named_parts(other)[0]) != folded:
            continue
        if other.get("code"):
            if _LAW_CODE_RE.match(other["code"]):
                coded.setdefault(other.get("edition") or "", other["code"])
        elif other.get("edition"):
            years.add(other["edition"])
    if edition is None:
        if len(set(coded.values())) == 1:
            return _coded_key(record, next(iter(coded.values())), keys, terms)
        if len(years) == 1 and not coded:
            edition = next(iter(years))
        elif not years and not coded and _vietnamese_law_context(record):
            # "Hiến pháp" in a text of 2020 about Vietnamese law: the Constitution then in force;
            # an undated text is at least as recent as what it cites
            day = record.get("published") or (record.get("self") or {}).get("issued")
            if day:
                edition = ident.edition_in_force(name, day)
            else:
                edition = ident.edition_in_force(name, _latest_cited_day(record), at_least=True)
    if edition is None:
        return ident.named_key(name)
    code = coded.get(edition) or ident.edition_code(name, edition)
    return _coded_key(record, code, keys, terms) if code else ident.named_key(name, edition)


def _latest_cited_day(record: dict) -> str | None:
    """The latest date of a document the text cites (its date, or its code's year): the text is no older."""
    days = []
    for c in record.get("citations") or []:
        if c.get("date"):
            days.append(str(c["date"])[:10])
        match = _CODE_YEAR_RE.search(c.get("code") or "")
        if match:
            days.append(f"{match.group(1)}-01-01")
    return max(days, default=None)


def _vietnamese_law_context(record: dict) -> bool:
    """The text is about Vietnamese law (not, say, an encyclopedia page on another country's
    constitution): it is a directive, or it cites a Vietnamese document by its code."""
    return record.get("kind") == "directive" or any(c.get("code") for c in record.get("citations") or [])


def _coded_key(record: dict, code: str, keys: _TextKeys, terms: dict[str, set[str]]) -> DocumentKey:
    """The node of a code this text gives (its mention's key), or of a code from the table."""
    if keys.by_code.get(code_key(code)):
        return keys.for_code(code)
    base = ident.base_key(code, None, record["id"])
    return ident.split_by_term(base, None, terms.get(base.key, set()))


def _relation_end(G, value, record, keys: _TextKeys, own_node, near) -> str | None:
    if not value:
        return None
    if value == record["id"]:
        return own_node
    own = record.get("self") or {}
    if own.get("code") and code_key(own["code"]) == code_key(value):
        return own_node
    key = keys.for_code(value, near)
    node = key.key
    if node not in G:
        _add_document(G, key, {"code": value})
    return node


def _add_document(G: nx.MultiDiGraph, key: DocumentKey, facts: dict, label: str | None = None) -> str:
    """Add or enrich a document node; the first non-empty value of each fact is kept."""
    node = key.key
    if node not in G:
        name = facts.get("name")
        if name and key.scope == "named" and "|" in node:  # an edition: its year, however the first text named it
            name = f"{_named_parts(facts)[0]} năm {node.rsplit('|', 1)[1]}"
        G.add_node(
            node,
            kind="document",
            label=label or key.code or name or node,
            code=key.code,
            scope=key.scope,
            ambiguous=key.ambiguous,
            term=key.term,
            doc_type=None,
            doc_type_name=None,
            issuer=None,
            issuer_code=None,
            date=None,
            subject=None,
            cited_by=0,
        )
    data = G.nodes[node]
    if not data.get("doc_type"):
        data["doc_type"], data["doc_type_name"] = document_type(facts.get("doc_type"), facts.get("doc_type_name"))
    for name in ("issuer_code", "date", "subject"):
        if not data.get(name) and facts.get(name):
            data[name] = facts[name]
    if facts.get("name") and not data.get("name") and (key.scope == "named" or _LAW_CODE_RE.match(node[4:])):
        # "Luật Đất đai" of 31/2024/QH15, or of its own named node
        data["name"], data["edition"] = _named_parts(facts)
    issuer = facts.get("issuer")
    if key.scope == "local" and key.ambiguous:
        issuer = None  # an unqualified local code names no issuer we can trust
    elif not issuer and key.scope == "central":
        issuer = issuer_name(data.get("issuer_code") or facts.get("issuer_code"))
    if issuer and issuer == facts.get("issuer"):  # each spelling a text gives: the node shows the most used
        spellings = data.setdefault("issuer_spellings", {})
        spellings[issuer] = spellings.get(issuer, 0) + 1
    if issuer and not data.get("issuer"):
        data["issuer"] = issuer
        G.add_edge(node, _add_organization(G, issuer), key="issued_by", kind="issued_by")
    return node


def majority_issuers(docs: Iterable[dict]) -> None:
    """Each document's issuer as most texts spell it (of the spellings that fold alike)."""
    for data in docs:
        if data.get("issuer_spellings"):
            data["issuer"] = majority_spelling(data["issuer_spellings"], data.get("issuer"))


def document_type(doc_type: str | None, doc_type_name: str | None) -> tuple[str | None, str | None]:
    """A type and its name, both or neither: a name with no type gets the type it stands
    for ("Nghị quyết" -> NQ) or is dropped, so no untyped node is shown under a type's name."""
    if doc_type is None and doc_type_name:
        doc_type = type_abbreviation(doc_type_name)
    if doc_type is None:
        return None, None
    return doc_type, doc_type_name or type_name_for_code(doc_type)


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
        "text_id": text_id,
        "start": evidence.get("start"),
        "end": evidence.get("end"),
        "rule": evidence.get("rule"),
        "confidence": confidence,
        "text": (evidence.get("text") or "")[:_EVIDENCE_TEXT_LIMIT] or None,
    }
    if G.has_edge(source, target, key=kind):
        data = G.edges[source, target, kind]
        if item not in data["evidence"]:
            data["evidence"].append(item)
        data["confidence"] = max(data["confidence"], confidence)
        data["count"] = len(data["evidence"])
    else:
        G.add_edge(
            source, target, key=kind, kind="relation", type=kind, confidence=confidence, evidence=[item], count=1
        )


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
        G.add_edge(
            node,
            where,
            key=f"holds_post:{text_id}:{title}",
            kind="holds_post",
            title=title,
            date=when,
            text_id=text_id,
            text=post.get("text"),
            since=post.get("since"),  # when the post began / ended, as the text says (else None)
            until=post.get("until"),
            former=bool(post.get("former")),
        )
