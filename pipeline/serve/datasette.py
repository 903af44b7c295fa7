"""``vanban serve``: a store in the browser through Datasette (the ``vanban[serve]`` extra).

Datasette shows every table and view with the descriptions of ``metadata()``, facets
on document type, issuer, year and relation type, full-text search over the texts
(``text_search``, SQLite FTS5), canned queries (what implements a code, what a code
rests on, the posts of a person, texts matching words), and from each document row a
link to the interactive graph page (``graph.html?q=CODE``, the page written by
``vanban graph export --format html``, served beside the tables).

Serving adds four read-only views to the store (``document_index``, ``citation_index``,
``relation_index``, ``person_index``); they are rebuilt each time and hold no data of
their own. It listens on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import click

from graph.answers import loose_code_key, toneless

DEFAULT_PORT = 8001
GRAPH_MOUNT = "graph"  # the graph page is served at /graph/graph.html, the style sheet beside it

# Column descriptions as one compact paragraph, so that the rows show on the first screen.
STYLE_CSS = """
dl.column-descriptions { font-size: 0.85em; line-height: 1.5; max-width: 100em; }
dl.column-descriptions dt { display: inline; font-weight: bold; }
dl.column-descriptions dd { display: inline; margin: 0 1.2em 0 0.3em; color: #555; }
/* a document's row page: its cells one under the other, the record readable (plugin.record_html) */
body.row.table-documents table.rows-and-columns thead { display: none; }
body.row.table-documents table.rows-and-columns td { display: block; border: none; padding: 2px 0; }
body.row.table-documents td.col-record { max-width: 70em; }
body.row.table-documents td::before { color: #666; font-size: 0.85em; margin-right: 0.5em; }
body.row.table-documents td.col-source::before { content: "source"; }
body.row.table-documents td.col-id::before { content: "id"; }
body.row.table-documents td.col-status::before { content: "status"; }
body.row.table-documents td.col-error::before { content: "error"; }
body.row.table-documents td.col-kind::before { content: "kind"; }
body.row.table-documents td.col-title::before { content: "title"; }
body.row.table-documents td.col-published::before { content: "published"; }
body.row.table-documents td.col-record::before { content: "record"; }
body.row.table-documents td.col-processed_at::before { content: "processed_at"; }
body.row.table-documents td.col-origin::before { content: "origin"; }
.vanban-record q { color: #333; }
.vanban-record details { margin: 4px 0; }
"""

#: Each document node's status (graph.status), written by ``vanban serve`` as of the day it starts.
STATUS_TABLE_SQL = """
CREATE TABLE IF NOT EXISTS document_status (
    node TEXT PRIMARY KEY, label TEXT, code TEXT, doc_type TEXT, issuer TEXT, date TEXT, status TEXT,
    since TEXT, as_of TEXT, reason TEXT, decided_by TEXT, evidence TEXT, own_text TEXT
);
"""

VIEWS_SQL = """
DROP VIEW IF EXISTS document_index;
CREATE VIEW document_index AS
SELECT source, json_extract(record, '$.self.code') AS code, kind,
       json_extract(record, '$.self.doc_type') AS doc_type,
       json_extract(record, '$.self.doc_type_name') AS doc_type_name,
       json_extract(record, '$.self.issuer') AS issuer,
       title, published, substr(published, 1, 4) AS year,
       json_extract(record, '$.self.signer.name') AS signer,
       json_array_length(record, '$.citations') AS citations,
       json_array_length(record, '$.relations') AS relations,
       json_array_length(record, '$.people') AS people,
       coalesce(json_extract(record, '$.self.code'), title, source) AS graph,
       id,
       json_extract(record, '$.self.effective.value') AS effective,
       (SELECT s.status FROM document_status s WHERE s.own_text = documents.id LIMIT 1) AS status
FROM documents WHERE status = 'ok';

DROP VIEW IF EXISTS citation_index;
CREATE VIEW citation_index AS
SELECT c.code, c.doc_type, c.issuer_code, c.issuer, c.date, substr(c.date, 1, 4) AS year, c.form,
       c.text, c.source, d.published AS citing_published, c.start, c."end"
FROM citations c JOIN documents d ON d.source = c.source;

DROP VIEW IF EXISTS relation_index;
CREATE VIEW relation_index AS
SELECT r.from_code, r.type, r.to_code, r.confidence, r.rule,
       (SELECT json_extract(j.value, '$.evidence.text') FROM json_each(d.record, '$.relations') j
        WHERE json_extract(j.value, '$.evidence.start') IS r.start AND json_extract(j.value, '$.type') IS r.type
          AND json_extract(j.value, '$.target') IS r.to_code LIMIT 1) AS evidence,
       d.source, d.published, substr(d.published, 1, 4) AS year, r.start, r."end"
FROM relations r JOIN documents d ON d.source = r.source WHERE d.status = 'ok';

DROP VIEW IF EXISTS person_index;
CREATE VIEW person_index AS
SELECT p.name, p.title, p.organization,
       coalesce(d.published, json_extract(d.record, '$.self.issued')) AS date,
       substr(coalesce(d.published, json_extract(d.record, '$.self.issued')), 1, 4) AS year,
       d.title AS text_title, p.source
FROM people p JOIN documents d ON d.source = p.source;
"""

#: Indexes that let every facet and canned query answer from an index, not by reading each record's
#: JSON (a cold start on 3,000 texts timed facets out): the expressions are the views' own.
INDEXES_SQL = """
CREATE INDEX IF NOT EXISTS serve_documents_kind ON documents(kind) WHERE status = 'ok';
CREATE INDEX IF NOT EXISTS serve_documents_year ON documents(substr(published, 1, 4)) WHERE status = 'ok';
CREATE INDEX IF NOT EXISTS serve_documents_doc_type ON documents(json_extract(record, '$.self.doc_type'))
  WHERE status = 'ok';
CREATE INDEX IF NOT EXISTS serve_documents_issuer ON documents(json_extract(record, '$.self.issuer'))
  WHERE status = 'ok';
CREATE INDEX IF NOT EXISTS serve_documents_date ON documents(
  source, coalesce(published, json_extract(record, '$.self.issued')));
CREATE INDEX IF NOT EXISTS serve_citations_doc_type ON citations(doc_type);
CREATE INDEX IF NOT EXISTS serve_citations_issuer ON citations(issuer);
CREATE INDEX IF NOT EXISTS serve_citations_year ON citations(substr(date, 1, 4));
CREATE INDEX IF NOT EXISTS serve_citations_form ON citations(form);
CREATE INDEX IF NOT EXISTS serve_relations_type ON relations(type);
CREATE INDEX IF NOT EXISTS serve_relations_rule ON relations(rule);
CREATE INDEX IF NOT EXISTS serve_relations_codes ON relations(from_code, to_code);
CREATE INDEX IF NOT EXISTS serve_people_title ON people(title);
CREATE INDEX IF NOT EXISTS serve_people_organization ON people(organization);
CREATE INDEX IF NOT EXISTS serve_people_name ON people(name);
"""

_SOURCE = "the text the fact was found in (its path, URL or JSONL id), as in documents.source"
_START = "where it starts in the text's decoded text (character offset; texts holds the text)"
_END = "where it ends (exclusive character offset)"

#: table or view -> (description, {column: description}, facets)
TABLES: dict[str, tuple[str, dict[str, str], list[str]]] = {
    "document_index": (
        "One row per text stored: its own code, type, issuer and date, and how many facts it holds. "
        "The graph column opens the interactive citation graph on the document.",
        {
            "source": _SOURCE,
            "code": "a directive's own code (from its header); empty for news",
            "kind": "news, directive or unknown",
            "doc_type": "a directive's type abbreviation: HD, QĐ, NQ, CT, KL ...",
            "doc_type_name": "the type in words: Hướng dẫn, Quy định ...",
            "issuer": "the body that issued the directive",
            "title": "the text's title or headline",
            "published": "the text's own date (YYYY-MM-DD): publication date of news, issue date of a directive",
            "year": "the year of published",
            "signer": "who signed the directive",
            "citations": "citations found in the text",
            "relations": "typed relations found in the text",
            "people": "people named in the text",
            "graph": "the document on the interactive citation graph (opens the page searching for it)",
            "id": "sha256 of the input bytes",
            "effective": "from when the directive says it is in force (its 'có hiệu lực ... từ ngày' clause)",
            "status": "the directive's status on the day vanban serve started (see document_status)",
        },
        ["kind", "doc_type", "issuer", "year", "status"],
    ),
    "document_status": (
        "One row per document of the citation graph (cited or stored): is it in force on as_of, since when, "
        "and the document and sentence that decide it. Written by vanban serve each time it starts "
        "(vanban query status answers for any date).",
        {
            "node": "the document's node in the citation graph",
            "label": "its code, with the issuer of a local code",
            "code": "its canonical code",
            "doc_type": "its type abbreviation",
            "issuer": "its issuing body, where known",
            "date": "its own date",
            "status": "in_force, amended, partly_repealed, replaced, repealed, expired or unknown",
            "since": "from when the status holds, where known",
            "as_of": "the date the status holds on",
            "reason": "why, in a few words",
            "decided_by": "the document that decides it (replacing, repealing, amending, acting on it)",
            "evidence": "the sentence that says so",
            "own_text": "id of the document's own text in the store (documents.id), when it is there",
        },
        ["status", "doc_type"],
    ),
    "citation_index": (
        "One row per citation, with the cited document's year and the citing text's date.",
        {
            "code": "the cited document's canonical code",
            "doc_type": "its type abbreviation (HD, QĐ, NĐ ...)",
            "issuer_code": "the part of the code after the slash (TW, BTCTW, ĐU ...)",
            "issuer": "the cited document's issuing body, when the text names it",
            "date": "the cited document's date, when the text gives it",
            "year": "the year of date",
            "form": "full (code written out), number_only, short (a later short mention), named (Điều lệ Đảng ...)",
            "text": "the citation as written",
            "source": _SOURCE,
            "citing_published": "the citing text's own date",
            "start": _START,
            "end": _END,
        },
        ["doc_type", "issuer", "year", "form"],
    ),
    "relation_index": (
        "One row per typed relation between documents, with the sentence it rests on.",
        {
            "from_code": "the document the relation starts from (a code, or the text's id when it has none)",
            "type": "based_on, implements, amends, replaces, repeals or cites",
            "to_code": "the document it points to",
            "confidence": "how sure the rule is (0-1)",
            "rule": "the rule that found it (can_cu, thuc_hien ...)",
            "evidence": "the words it rests on",
            "source": _SOURCE,
            "published": "the text's own date",
            "year": "the year of published",
            "start": _START,
            "end": _END,
        },
        ["type", "rule", "year"],
    ),
    "person_index": (
        "Who held which post when: one row per person and post, with the date of the text.",
        {
            "name": "the person's name",
            "title": "the post's title (Bí thư, Thứ trưởng ...)",
            "organization": "the body the post belongs to",
            "date": "the text's published date, or a directive's issued date",
            "year": "the year of date",
            "text_title": "the title of the text",
            "source": _SOURCE,
        },
        ["title", "organization", "year"],
    ),
    "documents": (
        "One row per input document as processed: its record (JSON), or its failure.",
        {
            "source": "path, URL or JSONL id of the document (the key)",
            "id": "sha256 of the input bytes",
            "status": "ok or failed",
            "error": "why a failed document failed",
            "kind": "news, directive or unknown",
            "title": "the text's title",
            "published": "the text's own date (YYYY-MM-DD)",
            "record": "the full extraction record (JSON, OUTPUT.md)",
            "processed_at": "when vanban stored it (UTC)",
            "origin": "the input file the document was read from (a JSON Lines dump for its lines)",
        },
        ["status", "kind"],
    ),
    "citations": (
        "One row per citation found (the record's citations[]).",
        {
            "source": _SOURCE,
            "code": "the cited document's canonical code",
            "form": "full, number_only, short or named",
            "doc_type": "type abbreviation",
            "issuer_code": "the part after the slash",
            "issuer": "issuing body",
            "date": "the cited document's date",
            "text": "the citation as written",
            "start": _START,
            "end": _END,
        },
        ["doc_type", "issuer_code"],
    ),
    "relations": (
        "One row per typed relation (the record's relations[]); relation_index adds the evidence text.",
        {
            "source": _SOURCE,
            "from_code": "the document the relation starts from",
            "type": "the relation's type",
            "to_code": "the document it points to",
            "confidence": "0-1",
            "rule": "the rule that found it",
            "start": _START,
            "end": _END,
        },
        ["type", "rule"],
    ),
    "people": (
        "One row per person and post found (a person without a post has one row with an empty post).",
        {
            "source": _SOURCE,
            "name": "the person's name",
            "title": "the post's title",
            "organization": "the post's body",
            "published": "the text's own date",
        },
        ["title"],
    ),
    "texts": (
        "Each document's decoded text, zlib-compressed: the text every start/end offset indexes. "
        "The search box finds texts by plain words (text_search, same rowids).",
        {
            "doc_id": "the document's id (documents.id)",
            "source": _SOURCE,
            "chars": "length of the text in characters",
            "body": "the text, UTF-8 compressed with zlib",
        },
        [],
    ),
    "text_search": (
        "Full-text index of the texts (SQLite FTS5, the store's only one): type words in the search box "
        '(luân chuyển), a "phrase in quotes", or OR; tone marks count.',
        {"doc_id": "the document's id (documents.id)", "source": _SOURCE, "body": "the decoded text"},
        [],
    ),
}

_GRAPH_ID = "row id inside the graph tables"

#: Tables that other commands keep for themselves: described, but hidden from the table list.
INTERNAL_TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "stories": (
        "Near-duplicate texts grouped into stories (the same article on several sites): vanban stories.",
        {
            "text_id": "the text's id (documents.id)",
            "signature": "MinHash values of its word shingles (binary)",
            "story": "the text_id of the story's first text (itself when it has no copy)",
        },
    ),
    "text_words": (
        "Each indexed text's words (underthesea's): vanban search keeps the hits of text_search that match whole "
        "words, and places them.",
        {
            "source": _SOURCE,
            "spans": "start and end of every word (offsets as distances from the one before, uint32, zlib)",
            "terms": "how often each word that may be a keyword occurs (JSON, zlib)",
        },
    ),
    "text_search_keywords": (
        "Each text's most distinctive words (TF-IDF over the store's texts), shown by vanban report.",
        {"source": _SOURCE, "rank": "1 for the most distinctive", "word": "the word", "score": "its TF-IDF"},
    ),
    "graph_meta": (
        "Versions the graph index was built from (vanban query rebuilds it when they change), and the"
        " bookkeeping that lets vanban run merge added documents: rows named changed:SOURCE (sources changed"
        " since the last refresh), story:, org: and terms: (what a merge needs of the indexed records).",
        {"name": "what is versioned or kept (a prefix says which kind)", "value": "its version or value"},
    ),
    "graph_docs": (
        "The citation graph's documents, as vanban query reads them.",
        {
            "id": _GRAPH_ID,
            "key": "the node's key (doc:CODE, doc:CODE@ISSUER ...)",
            "label": "how queries print it",
            "code": "canonical code",
            "code_key": "the code as codes are compared",
            "loose_key": "the code without tone marks, case, dashes or the Đ/D difference",
            "scope": "central, local or named",
            "ambiguous": "1 when the text did not say which document it is",
            "term": "the party term a reused central number belongs to",
            "issuer": "issuing body",
            "date": "the document's date",
            "cited_by": "stories citing it",
            "attrs": "the node's other attributes (JSON)",
        },
    ),
    "graph_edges": (
        "Typed relations between graph documents.",
        {
            "id": _GRAPH_ID,
            "src": "graph_docs.id of the source",
            "dst": "graph_docs.id of the target",
            "type": "based_on, implements, amends, replaces, repeals or cites",
            "confidence": "highest confidence (0-1)",
            "count": "how many evidence sentences",
            "out_seq": "order among the source's edges",
            "in_seq": "order among the target's edges",
            "key_seq": "order among parallel edges",
        },
    ),
    "graph_evidence": (
        "Where each relation was read: the text and the span of its evidence.",
        {
            "edge": "graph_edges.id",
            "text": "graph_texts.id",
            "start": _START,
            "end": _END,
            "rule": "the rule that found it",
            "confidence": "0-1",
        },
    ),
    "graph_texts": (
        "The texts of the graph.",
        {
            "id": _GRAPH_ID,
            "text_id": "documents.id",
            "title": "the text's title",
            "source": _SOURCE,
            "published": "the text's own date",
            "document": "graph_docs.id of the document the text is, if any",
        },
    ),
    "graph_mentions": (
        "Which text cites which document, and how often.",
        {"doc": "graph_docs.id", "text": "graph_texts.id", "count": "citations in that text"},
    ),
    "graph_people": (
        "People of the graph, with keys that match without tone marks or case.",
        {
            "id": _GRAPH_ID,
            "key": "the person's node key",
            "name": "the name as written",
            "name_fold": "the name case-folded",
            "name_loose": "the name without tone marks",
        },
    ),
    "graph_posts": (
        "Posts of the graph's people, dated by their text.",
        {
            "person": "graph_people.id",
            "title": "the post's title",
            "organization": "the post's body",
            "date": "the text's published date, or a directive's issued date",
            "text": "graph_texts.id",
            "pair_seq": "order among the person's posts",
            "key_seq": "order among equal posts",
            "since": "when the post began, as the text says (YYYY or YYYY-MM)",
            "until": "when it ended, as the text says",
            "former": "1 for a former post (nguyên, từng là, an ended term)",
        },
    ),
}

QUERIES = {
    "implementers": {
        "title": "What implements CODE (or rests on it)",
        "description": "Documents that implement or are based on a code, with the evidence. The code as you "
        "like it: 57-nq/tw, 366-QD/TW (no tone marks, any case). Example: 50-QĐ/TW",
        "sql": "select from_code, type, to_code, confidence, evidence, source, published from relation_index "
        "where vanban_code(to_code) = vanban_code(:code) and type in ('implements', 'based_on') "
        "order by type, from_code",
    },
    "implementers_chain": {
        "title": "What implements CODE, all the way down",
        "description": "The whole chain under a code: what implements it, what implements those, and so on "
        "(depth 1 = directly), with the evidence. Example: 50-QĐ/TW",
        "sql": "with recursive chain(code, depth) as (select vanban_code(:code), 0 union "
        "select vanban_code(r.from_code), chain.depth + 1 from relations r join chain "
        "on vanban_code(r.to_code) = chain.code where r.type in ('implements', 'based_on') and chain.depth < 12) "
        "select min(chain.depth) + 1 as depth, ri.from_code, ri.type, ri.to_code, ri.confidence, ri.evidence, "
        "ri.source, ri.published from relation_index ri join chain on vanban_code(ri.to_code) = chain.code "
        "where ri.type in ('implements', 'based_on') group by ri.from_code, ri.type, ri.to_code, ri.source, ri.start "
        "order by depth, ri.to_code, ri.from_code",
    },
    "basis": {
        "title": "What does CODE rest on",
        "description": "What a document is based on or implements, with the evidence. Codes as you like them "
        "(no tone marks, any case). Example: 16-HD/BTCTW",
        "sql": "select from_code, type, to_code, confidence, evidence, source, published from relation_index "
        "where vanban_code(from_code) = vanban_code(:code) and type in ('based_on', 'implements') "
        "order by type, to_code",
    },
    "posts_of_person": {
        "title": "Posts of a person",
        "description": "Who held which post when (a name or part of one, tone marks optional: to lam). "
        "Example: Võ Thị Mai",
        "sql": "select name, title, organization, date, text_title, source from person_index "
        "where vanban_name(name) like '%' || vanban_name(:name) || '%' order by name, date",
    },
    "search_texts": {
        "title": "Texts containing words",
        "description": 'Full-text search with the matching passage (FTS5 syntax: words, "a phrase", OR).',
        "sql": "select source, snippet(text_search, 2, '[', ']', ' … ', 16) as passage from text_search "
        "where text_search match :words order by rank limit 100",
    },
}


def _code(value: str | None) -> str | None:
    return None if value is None else loose_code_key(str(value))


def _name(value: str | None) -> str | None:
    return None if value is None else " ".join(toneless(str(value)).split())


def add_sql_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the canned queries use: ``vanban_code(x)`` compares codes as `vanban query`
    does (no tone marks, case, dashes, Đ/D), ``vanban_name(x)`` names without tone marks or case."""
    conn.create_function("vanban_code", 1, _code, deterministic=True)
    conn.create_function("vanban_name", 1, _name, deterministic=True)


def ensure_views(db_path: str | Path) -> None:
    """(Re)create the serve views in the store; they derive everything from the stored records."""
    db = sqlite3.connect(db_path)
    try:
        db.executescript(STATUS_TABLE_SQL + VIEWS_SQL)
        db.executescript(INDEXES_SQL)
        db.commit()
    finally:
        db.close()


def write_status_table(db_path: str | Path, as_of: str | None = None) -> int:
    """Fill ``document_status`` with each document's status as of ``as_of`` (default today); the count."""
    from graph.build import build_graph
    from graph.status import all_statuses
    from pipeline.store.db import Store

    with Store(db_path) as store:
        records = list(store.records())
    G = build_graph(records)
    rows = []
    for node, found in all_statuses(G, as_of).items():
        data = G.nodes[node]
        first = found.decided_by[0] if found.decided_by else None
        rows.append(
            (
                node,
                found.label,
                data.get("code"),
                data.get("doc_type"),
                data.get("issuer"),
                data.get("date"),
                found.status,
                found.since,
                found.as_of,
                found.reason,
                first.label if first else None,
                first.evidence if first else None,
                data.get("own_text"),
            )
        )
    db = sqlite3.connect(db_path)
    try:
        db.executescript(STATUS_TABLE_SQL)
        db.execute("DELETE FROM document_status")
        db.executemany(f"INSERT INTO document_status VALUES ({','.join('?' * 13)})", rows)
        db.commit()
    finally:
        db.close()
    return len(rows)


def metadata(db_name: str) -> dict:
    """Datasette metadata: every table, view and column described, facets and canned queries."""
    tables = {}
    for name, (description, columns, facets) in TABLES.items():
        table: dict = {"description": description, "columns": columns}
        if facets:
            table["facets"] = facets
        tables[name] = table
    for name, (description, columns) in INTERNAL_TABLES.items():
        tables[name] = {"description": description, "columns": columns, "hidden": True}
    tables["text_search"]["searchmode"] = "raw"
    tables["texts"]["hidden"] = False
    tables["texts"]["fts_table"] = "text_search"  # a text has the same rowid in both (pipeline.store.texts)
    return {
        "title": "vanban store",
        "extra_css_urls": [f"/{GRAPH_MOUNT}/serve.css"],
        "description": "Codes, citations, dates, people and relations read from Vietnamese party documents and the "
        "news about them. Start with document_index; every start/end indexes the text in texts.",
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
    }


def write_graph_page(db_path: Path, out_dir: Path) -> Path:
    """The interactive graph page of the store's records (what vanban graph export --format html writes)."""
    from graph.build import build_graph
    from graph.html import write_html
    from pipeline.store.db import Store

    with Store(db_path) as store:
        records = list(store.records())
    return write_html(build_graph(records), out_dir / "graph.html", title=f"vanban graph: {db_path.name}")


def serve_store(db: Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, get_path: str | None = None) -> None:
    """Serve the store at ``db`` through Datasette until interrupted (or fetch ``get_path`` once and print it).

    The caller checks that ``db`` is there (``vanban serve`` does, in :mod:`pipeline.cli.serve`).
    """
    import json

    try:
        from datasette.cli import serve as datasette_serve
    except ImportError:
        raise click.ClickException("vanban serve needs Datasette: pip install 'vanban[serve]'") from None
    from pipeline.serve import plugin as serve_plugin
    from pipeline.store.db import Store

    Store(db).close()  # an older store gets the texts tables before the views refer to them
    ensure_views(db)
    write_status_table(db)
    serve_plugin.register(GRAPH_MOUNT)
    work = Path(tempfile.mkdtemp(prefix="vanban-serve-"))
    write_graph_page(db, work / GRAPH_MOUNT)
    (work / GRAPH_MOUNT / "serve.css").write_text(STYLE_CSS, encoding="utf-8")
    meta = work / "metadata.json"
    meta.write_text(json.dumps(metadata(db.stem), ensure_ascii=False, indent=1), encoding="utf-8")
    args = [
        str(db),
        "--metadata",
        str(meta),
        "--host",
        host,
        "--port",
        str(port),
        "--static",
        f"{GRAPH_MOUNT}:{work / GRAPH_MOUNT}",
        "--setting",
        "truncate_cells_html",
        "300",
        "--setting",
        "default_page_size",
        "50",
        # a cold start reads pages from disk: room for facets and canned queries (the indexes of
        # INDEXES_SQL keep them far under it on 3,000 texts)
        "--setting",
        "facet_time_limit_ms",
        "1000",
        "--setting",
        "sql_time_limit_ms",
        "3000",
        # suggesting facets runs a query per column of every page (each reading every record's JSON
        # for the views): the facets worth having are configured in TABLES
        "--setting",
        "suggest_facets",
        "off",
    ]
    if get_path:
        args += ["--get", get_path]
    else:
        click.echo(f"vanban serve: http://{host}:{port}/{db.stem}/document_index  (Ctrl-C stops)", err=True)
    datasette_serve.main(args=args, prog_name="vanban serve")
