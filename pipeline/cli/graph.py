"""``vanban query`` and ``vanban graph``: the citation graph from the command line.

``query`` answers from the graph tables the store keeps (:mod:`graph.index`);
``graph export`` builds the networkx graph from the store's records and writes a file.
The main CLI (``pipeline/cli/commands.py``) registers the two groups.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph import index as graph_index
from graph.answers import NoPath, PostHeld, UnknownDocument, excerpt
from graph.ask import GraphIndex
from graph.io import FORMATS, ExportError, export_graph
from pipeline.cli.options import require_store, store_option
from pipeline.cli.search import keyword_lines

if TYPE_CHECKING:  # a query answers from the graph tables: networkx is loaded only to build a graph
    import networkx as nx

_INDEX_META = "vanban.graph_index"  # click context meta key of the store's graph tables


def load_graph(db: Path) -> nx.MultiDiGraph:
    """Build the graph from the records of store ``db``; a clear error when it is missing."""
    require_store(db)
    from graph.build import build_graph
    from graph.schema import GraphSchemaError
    from pipeline.store.db import Store

    store = Store(db)
    try:
        records = list(store.records())
    finally:
        store.close()
    try:
        return build_graph(records)
    except GraphSchemaError as error:
        raise click.ClickException(f"{db}: {error}") from error


def _index(ctx: click.Context) -> GraphIndex:
    """The store's graph tables, rebuilt first when the store changed since (a store from an older vanban)."""
    if _INDEX_META not in ctx.meta:
        db = ctx.meta["vanban.db"]
        require_store(db)
        conn = sqlite3.connect(db)
        try:
            if ctx.meta.get("vanban.reindex") or not graph_index.is_current(conn):
                _reindex(db, force=bool(ctx.meta.get("vanban.reindex")))
            ctx.meta[_INDEX_META] = GraphIndex(conn)
        except sqlite3.OperationalError as error:
            raise click.ClickException(f"{db}: cannot index the graph ({error})") from error
        except sqlite3.DatabaseError as error:
            raise click.ClickException(f"{db}: not a vanban store ({error})") from error
    return ctx.meta[_INDEX_META]


def _reindex(db: Path, force: bool) -> None:
    """Rebuild the store's graph tables from its records as the store gives them."""
    from pipeline.store.db import Store

    click.echo(f"{db}: indexing the citation graph (once after each change of the store)", err=True)
    with Store(db) as store:
        store.refresh_graph_index(force=force)


def _plain(value):
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _emit(ctx: click.Context, value, table) -> None:
    """Print ``value`` as JSON with --json, else the readable ``table(value)`` lines."""
    if ctx.meta.get("vanban.json"):
        click.echo(json.dumps(_plain(value), ensure_ascii=False, indent=2))
    else:
        for line in table(value):
            click.echo(line)


def _columns(rows: list[list[str]], header: list[str]) -> list[str]:
    """Rows as left-aligned columns under a header."""
    if not rows:
        return ["(none)"]
    cells = [header] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _answer(ctx: click.Context, compute, table) -> None:
    try:
        result = compute(_index(ctx))
    except (UnknownDocument, NoPath, ValueError) as error:
        raise click.ClickException(str(error)) from error
    _emit(ctx, result, table)


def _short(text: str | None, width: int = 60) -> str:
    return "" if not text else text if len(text) <= width else text[: width - 1] + "…"


#: Exit status when a code stands for several documents and the user must say which.
ASK_WHICH = 2


def _resolve(ctx: click.Context, code: str, offset: int = 0, limit: int = 20) -> None:
    """Return when ``code`` stands for one document; else list its candidates and exit asking which."""
    try:
        total, page = _index(ctx).candidates(code, offset, limit)
    except UnknownDocument as error:
        raise click.ClickException(str(error)) from error
    if total == 1:
        return
    question = {
        "question": f"{code} stands for {total} documents: which one?",
        "code": code,
        "total": total,
        "offset": offset,
        "candidates": page,
    }

    def table(_value):
        lines = [question["question"] + " Ask again with its node, or CODE@ISSUER (tone marks optional):"]
        lines += _columns(
            [
                [
                    c.cited_by,
                    c.label,
                    c.date or "",
                    c.node,
                    " ".join(filter(None, [c.first_published, _short(c.first_text)])),
                ]
                for c in page
            ],
            ["texts", "document", "date", "node", "first cited in"],
        )
        if offset + len(page) < total:
            lines.append(f"({offset + 1}-{offset + len(page)} of {total}: --offset {offset + len(page)} for more)")
        return lines

    _emit(ctx, question, table)
    ctx.exit(ASK_WHICH)


# --- vanban query ------------------------------------------------------------------------


@click.group("query")
@store_option()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--reindex", is_flag=True, help="Rebuild the store's graph tables before answering.")
@click.pass_context
def query(ctx: click.Context, db: Path, as_json: bool, reindex: bool) -> None:
    """Ask the citation graph: what a document is, what implements it, who held which post.

    Answers come from the graph tables `vanban run` keeps in the store (no graph is
    rebuilt). Codes match without tone marks, case, dashes or Đ/D ("50-qd/tw"); names
    without tone marks ("vo thi mai"). A code several documents share (one local code,
    many issuers) lists them and asks which: give the node or CODE@ISSUER.

    \b
    Examples:
      vanban query --db vanban.db doc 16-HD/BTCTW
      vanban query --db vanban.db implementers 50-QĐ/TW --transitive --min-confidence 0.8
      vanban query --db vanban.db doc "02-HD/DU@dang uy bo tai chinh"
      vanban query --db vanban.db --json top -n 5
    """
    ctx.meta["vanban.db"] = db
    ctx.meta["vanban.json"] = as_json
    ctx.meta["vanban.reindex"] = reindex
    if "numpy" not in sys.modules:
        # walks over the edges' CSR copy gather integers and never call BLAS: starting
        # OpenBLAS's thread pool (one thread per core) is most of numpy's import time
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _min_confidence(command):
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=0.0,
        show_default=True,
        help="Only relations at least this confident (their calibrated confidence).",
    )(command)


EVIDENCE_WIDTH = 240  # an evidence span longer than this is cut, unless --evidence says otherwise


def _evidence_option(command):
    return click.option(
        "--evidence",
        "evidence_width",
        type=click.IntRange(0),
        default=None,
        help=f"Characters of each relation's evidence to show: a longer span is cut, a shorter one widened "
        f"with the text around it; 0 shows only how many texts give evidence. [default: the span itself, "
        f"cut at {EVIDENCE_WIDTH}]",
    )(command)


def evidence_window(text: str, start: int, end: int, width: int) -> str:
    """``text[start:end]`` in ``width`` characters: cut with "…", or widened on both sides with the
    text around it (to word boundaries), one line."""
    span = text[start:end]
    if len(span) > width:
        out = span[: max(width - 1, 0)].rstrip() + "…"
    elif len(span) == width:
        out = span
    else:
        spare = width - len(span)
        left = max(0, start - spare // 2)
        right = min(len(text), end + (spare - (start - left)))
        left = max(0, left - max(0, width - (right - left)))
        if left > 0 and " " in text[left:start]:
            left = text.index(" ", left, start) + 1
        if right < len(text) and " " in text[end:right]:
            right = text.rindex(" ", end, right)
        out = ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")
    return " ".join(out.split())


def _record_evidence(record_json: str | None) -> dict[tuple, str]:
    """The evidence sentences a stored record keeps with its relations, by (start, end)."""
    relations = (json.loads(record_json).get("relations") or []) if record_json else []
    spans = ((r.get("evidence") or {}) for r in relations)
    found: dict[tuple, str] = {}
    for e in spans:
        if e.get("text"):
            found.setdefault((e.get("start"), e.get("end")), e["text"])  # the first, as read before
    return found


class _EvidenceReader:
    """Evidence of relations with their sentences, from the store's index and texts (texts read once)."""

    def __init__(self, ctx: click.Context, width: int | None):
        self.index = _index(ctx)
        self.width = width
        self._texts: dict[str, str | None] = {}
        self._kept: dict[str, dict[tuple, str]] = {}

    def _text(self, source: str | None) -> str | None:
        if source is None:
            return None
        if source not in self._texts:
            from pipeline.store.texts import text_of_source

            try:
                self._texts[source] = text_of_source(self.index.conn, source)
            except sqlite3.Error:  # a store without its texts table
                self._texts[source] = None
        return self._texts[source]

    def _kept_sentence(self, source: str | None, start, end) -> str | None:
        """The sentence the record kept with its relation, for a store without the text itself."""
        if source is None:
            return None
        if source not in self._kept:  # each record read and parsed once
            try:
                row = self.index.conn.execute("SELECT record FROM documents WHERE source = ?", (source,)).fetchone()
            except sqlite3.Error:
                row = None
            self._kept[source] = _record_evidence(row[0] if row else None)
        return self._kept[source].get((start, end))

    def items(self, source: str, target: str, kind: str) -> list[dict]:
        """Each text's evidence for ``source --kind--> target``: text, source, offsets, rule, sentence."""
        if self.width == 0:
            return []
        items = []
        for ev in self.index.relation_evidence(source, target, kind):
            text = self._text(ev.source)
            sentence = ev.sentence
            if text is not None and isinstance(ev.start, int) and isinstance(ev.end, int):
                width = self.width if self.width is not None else min(ev.end - ev.start, EVIDENCE_WIDTH)
                sentence = evidence_window(text, ev.start, ev.end, width)
            elif sentence is None:
                sentence = self._kept_sentence(ev.source, ev.start, ev.end)
                if sentence and self.width is not None and len(sentence) > self.width:
                    sentence = sentence[: max(self.width - 1, 0)].rstrip() + "…"
            items.append(dict(asdict(ev), sentence=sentence))
        return items


def _with_evidence(reader: _EvidenceReader, link, source: str, target: str) -> dict:
    return dict(_plain(link), evidence_items=reader.items(source, target, link.type))


def _links_with_evidence(reader: _EvidenceReader, links, upward_edges: bool) -> list[dict]:
    """Links of a walk with their evidence: an implementer's edge runs from it to the document it was
    reached from (``upward_edges``), a basis edge from that document to it."""
    return [
        _with_evidence(reader, link, *((link.node, link.via) if upward_edges else (link.via, link.node)))
        for link in links
    ]


def _as_of_option(command):
    return click.option(
        "--as-of",
        metavar="YYYY-MM-DD",
        default=None,
        help="The date the status holds on (default: today).",
        callback=_check_date,
    )(command)


def _check_date(_ctx, _param, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from error


def _link_rows(links) -> list[list]:
    return [[link.depth, link.type, link.label, f"{link.confidence:.2f}", link.evidence] for link in links]


EVIDENCE_SHOWN = 3  # evidence items printed under one relation (--json gives them all)


def _evidence_lines(items: list[dict], indent: str) -> list[str]:
    lines = [
        f"{indent}“{item['sentence'] or '(sentence not kept)'}”  — {item['source'] or item['text_id']}"
        f" [{item['start']}:{item['end']}] {item['rule'] or ''}".rstrip()
        for item in items[:EVIDENCE_SHOWN]
    ]
    if len(items) > EVIDENCE_SHOWN:
        lines.append(f"{indent}(and {len(items) - EVIDENCE_SHOWN} more texts: --json lists them all)")
    return lines


def _links_table(links: list[dict], header: list[str], indent: str = "") -> list[str]:
    """Link rows as columns, each followed by its evidence lines."""
    rows = [
        [link["depth"], link["type"], link["label"], f"{link['confidence']:.2f}", link["evidence"]] for link in links
    ]
    lines = _columns(rows, header)
    out = [indent + line for line in lines[:2]]
    for line, link in zip(lines[2:], links):
        out.append(indent + line)
        out += _evidence_lines(link["evidence_items"], indent + "    ")
    return out


def _report_dict(reader: _EvidenceReader, report) -> dict:
    """A document report as JSON-ready data, each relation with its evidence."""
    out = _plain(report)
    out["basis"] = [_with_evidence(reader, link, report.node, link.node) for link in report.basis]
    out["dependents"] = [_with_evidence(reader, link, link.node, report.node) for link in report.dependents]
    return out


def _report_lines(report: dict) -> list[str]:
    a = report["attributes"]
    lines = [f"{a.get('label')}  [{report['node']}]"]
    for name in ("doc_type_name", "issuer", "date", "subject", "scope", "term", "cited_by"):
        if a.get(name) not in (None, ""):
            lines.append(f"  {name}: {a[name]}")
    if a.get("names"):  # the names the texts give it, the most frequent first
        ranked = sorted(a["names"].items(), key=lambda item: (-item[1], item[0]))
        lines.append("  names: " + "; ".join(f"{name} ({count} texts)" for name, count in ranked[:8]))
    if a.get("ambiguous"):
        unknown = {"named": "edition", "central": "term"}.get(a.get("scope") or "", "issuer")
        lines.append(f"  ambiguous: the citing texts do not say which {unknown} this document is")
    for heading, links in (("rests on:", report["basis"]), ("rested on by:", report["dependents"])):
        lines.append("  " + heading)
        lines += _links_table(links, ["depth", "type", "document", "conf", "evidence"], "    ")
    lines.append("  cited in:")
    lines += [
        "    " + line
        for line in _columns(
            [[t["published"], t["title"] or "", t["source"], t["count"]] for t in report["texts"]],
            ["published", "title", "source", "times"],
        )
    ]
    lines.append("")
    return lines


@query.command("doc")
@click.argument("code")
@_min_confidence
@click.option("--all", "every", is_flag=True, help="Report on every document the code stands for (paged).")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Documents per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Documents to skip.")
@_evidence_option
@click.pass_context
def doc_command(
    ctx: click.Context,
    code: str,
    min_confidence: float,
    every: bool,
    limit: int,
    offset: int,
    evidence_width: int | None,
) -> None:
    """What CODE (a code, or any name the texts give it) is, what it rests on, what rests on it
    (each relation with its evidence: sentence, text and offsets), and the texts that cite it.

    Example: vanban query doc 16-HD/BTCTW --evidence 300
    """
    if not every:
        _resolve(ctx, code, offset, limit)
    _answer(
        ctx,
        lambda index: [
            _report_dict(_EvidenceReader(ctx, evidence_width), r)
            for r in index.doc(code, min_confidence, offset, limit)
        ],
        lambda reports: [
            line
            for report in reports
            for line in _report_lines(report) + keyword_lines(ctx.meta["vanban.db"], report["node"])
        ],
    )


@query.command("implementers")
@click.argument("code")
@click.option("--transitive", is_flag=True, help="Follow the chain all the way down.")
@_min_confidence
@_evidence_option
@click.pass_context
def implementers_command(
    ctx: click.Context, code: str, transitive: bool, min_confidence: float, evidence_width: int | None
) -> None:
    """Documents that implement or rest on CODE (down the hierarchy).

    Example: vanban query implementers 50-QĐ/TW --transitive
    """
    _resolve(ctx, code)
    _answer(
        ctx,
        lambda index: _links_with_evidence(
            _EvidenceReader(ctx, evidence_width),
            index.implementers(code, transitive, min_confidence=min_confidence),
            True,
        ),
        lambda links: _links_table(links, ["depth", "type", "document", "conf", "evidence"]),
    )


@query.command("basis")
@click.argument("code")
@click.option("--transitive", is_flag=True, help="Follow the chain all the way up.")
@_min_confidence
@_evidence_option
@click.pass_context
def basis_command(
    ctx: click.Context, code: str, transitive: bool, min_confidence: float, evidence_width: int | None
) -> None:
    """Documents CODE implements or rests on (up the hierarchy).

    Example: vanban query basis 02-HD/ĐU --transitive
    """
    _resolve(ctx, code)
    _answer(
        ctx,
        lambda index: _links_with_evidence(
            _EvidenceReader(ctx, evidence_width), index.basis(code, transitive, min_confidence=min_confidence), False
        ),
        lambda links: _links_table(links, ["depth", "type", "document", "conf", "evidence"]),
    )


def _held_when(post: PostHeld) -> str:
    """A post's time as a reader writes it: "2011–2016", "2018–" (still held), else the text's date."""
    if post.since or post.until:
        return f"{post.since or ''}–{post.until or ''}"
    return post.date or ""


@query.command("person")
@click.argument("words", nargs=-1, required=True)
@click.pass_context
def person_command(ctx: click.Context, words: tuple[str, ...]) -> None:
    """Posts a person held: when (the years the text gives, "1982-08–1985-06", else the date of the
    text it comes from: published, or a directive's own), and whether it is a former post.

    The name matches without case or tone marks ("vo thi mai"), whole or in part.

    Example: vanban query person "Phan Tâm"   (or: vanban query person phan tam)
    """
    name = " ".join(words)
    _answer(
        ctx,
        lambda index: index.person(name),
        lambda posts: _columns(
            [
                [
                    _held_when(p),
                    p.person,
                    ("nguyên " if p.former and not p.title.startswith("nguyên") else "") + p.title,
                    p.organization or "",
                    p.texts,
                    p.text_title or p.source or p.text_id,
                ]
                for p in posts
            ],
            ["when", "person", "post", "organization", "texts", "text (the best dated)"],
        ),
    )


@query.command("path")
@click.argument("a")
@click.argument("b")
@_min_confidence
@click.pass_context
def path_command(ctx: click.Context, a: str, b: str, min_confidence: float) -> None:
    """A shortest chain of relations between documents A and B.

    Example: vanban query path 02-HD/ĐU 50-QĐ/TW
    """

    def table(hops):
        return [f"{h.source_label} --{h.type}--> {h.target_label}" for h in hops]

    _resolve(ctx, a)
    _resolve(ctx, b)
    _answer(ctx, lambda index: index.path(a, b, min_confidence), table)


@query.command("top")
@click.option("-n", "n", type=click.IntRange(1), default=10, show_default=True, help="How many documents.")
@click.pass_context
def top_command(ctx: click.Context, n: int) -> None:
    """The documents cited by the most texts.

    Example: vanban query top -n 20
    """
    _answer(
        ctx,
        lambda index: index.top(n),
        lambda rows: _columns([[c.cited_by, c.label] for c in rows], ["texts", "document"]),
    )


# --- vanban graph ----------------------------------------------------------------------


@click.group("graph")
def graph() -> None:
    """Export the citation graph for Gephi, Neo4j, notebooks or a browser.

    \b
    Examples:
      vanban graph export --db vanban.db --format graphml -o graph.graphml
      vanban graph export --db vanban.db --format csv -o neo4j/
    """


@graph.command("export")
@store_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    required=True,
    help="graphml/gexf (Gephi), json (node-link), csv (Neo4j bulk import: a directory), html (a page).",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File (or directory for csv).")
@click.option("--focus", metavar="CODE", help="html: open on this document and what lies within --depth steps of it.")
@click.option(
    "--depth",
    type=click.IntRange(0, 6),
    default=2,
    show_default=True,
    help="html with --focus: steps from the document (a relation, or a text citing a document).",
)
@click.option(
    "--view",
    "start_view",
    type=click.Choice(["graph", "rollout"]),
    default="graph",
    show_default=True,
    help="html with --focus: open on the relations, or on the rollout (implementers by level and lag).",
)
@_as_of_option
def export_command(
    db: Path, fmt: str, output: Path, focus: str | None, depth: int, as_of: str | None, start_view: str
) -> None:
    """Write the graph built from the store DB to OUTPUT.

    The file formats hold the whole graph. The html page draws a part a person can read:
    with --focus, that document's neighbourhood; without, the largest connected part
    (isolated documents are left out and counted in the page's header). Its filters
    (document type, relation type, confidence, date range, in force only) work in the page;
    documents can be coloured by their status as of --as-of. A focus page also has a
    rollout view (--view rollout opens on it).

    \b
    Examples:
      vanban graph export --db vanban.db --format gexf -o graph.gexf
      vanban graph export --db vanban.db --format html --focus 50-QĐ/TW --depth 2 -o 50.html
      vanban graph export --db vanban.db --format html --focus 57-NQ/TW --view rollout -o 57.html
    """
    G = load_graph(db)
    from graph.status import annotate

    annotate(G, as_of)  # each document's status as a node attribute (GraphML, GEXF, Neo4j, JSON)
    view = None
    if focus and fmt != "html":
        raise click.UsageError("--focus draws a page: use it with --format html")
    if start_view == "rollout" and not focus:
        raise click.UsageError("--view rollout shows one document's rollout: give it with --focus")
    if fmt == "html":
        from graph.view import focus_view, overview

        try:
            view = focus_view(G, focus, depth) if focus else overview(G)
        except UnknownDocument as error:
            raise click.ClickException(f"{focus}: no document with this code in {db} ({error})") from error
    try:
        written = export_graph(G, output, fmt, view=view, start_view=start_view)
    except (ExportError, OSError) as error:
        raise click.ClickException(f"{output}: {error}") from error
    if view is not None:
        click.echo(f"wrote {written} ({written.stat().st_size / 1e6:.1f} MB): {view.heading}", err=True)
    else:
        click.echo(f"wrote {written} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)", err=True)


# --- vanban query status / conflicts / rollout (graph.status, graph.rollout) --------------


def _whole_graph(ctx: click.Context) -> nx.MultiDiGraph:
    """The networkx graph of the store, kept beside its graph tables (``<db>.graph-cache/<token>/``)
    so that the next question in another process reads it back instead of rebuilding it."""
    import pickle

    from graph.adjacency import cache_dir, index_token

    conn = _index(ctx).conn
    token, folder = index_token(conn), cache_dir(conn)
    path = folder / token / "graph.pickle" if folder and token else None
    if path is not None and path.exists():
        with path.open("rb") as f:
            return pickle.load(f)  # our own cache, written below for these very tables
    G = load_graph(ctx.meta["vanban.db"])
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            scratch = path.with_suffix(".tmp")
            with scratch.open("wb") as f:
                pickle.dump(G, f, protocol=pickle.HIGHEST_PROTOCOL)
            scratch.replace(path)
        except OSError:
            pass  # a read-only disk: answer without the cache
    return G


def _index_source(ctx: click.Context, sentences: bool = True):
    """The store's graph tables as :mod:`graph.ask_status` reads them, with evidence sentences
    cut from the texts the store keeps (``sentences``: a long rollout printed without them
    need not open a text per row)."""
    from functools import lru_cache

    from graph.ask_status import IndexSource
    from pipeline.store.texts import get_text

    conn = _index(ctx).conn

    @lru_cache(maxsize=64)
    def text_of(text_id: str) -> str | None:
        try:
            return get_text(conn, text_id)
        except sqlite3.OperationalError:  # a store without texts (an older vanban)
            return None

    @lru_cache(maxsize=64)
    def said_in_record(text_id: str) -> dict[tuple, str]:
        """Evidence sentences as the record keeps them (a store whose texts are not kept)."""
        row = conn.execute("SELECT record FROM documents WHERE id = ? AND status = 'ok'", (text_id,)).fetchone()
        return _record_evidence(row[0] if row else None)

    def sentence(text_id: str, start: int | None, end: int | None) -> str | None:
        text = text_of(text_id)
        if text is not None and start is not None and end is not None:
            return text[start:end]
        return said_in_record(text_id).get((start, end))

    return IndexSource(_index(ctx), sentence if sentences else None)


def _node_of(ctx: click.Context, code: str) -> str:
    """The one node ``code`` stands for (asks which, and exits, when it stands for several)."""
    _resolve(ctx, code)
    return _index(ctx).find_documents(code)[0]


def _decision_lines(decisions, indent: str = "    ", near: str | None = None) -> list[str]:
    lines = []
    for d in decisions:
        who = d.label or {"period": "its stated period", "effective": "its own clause", "own_text": "its own text"}.get(
            d.kind, d.kind
        )
        lines.append(f"{indent}{d.kind:<10} {d.date or '(date unknown)':<14} {who}")
        if d.evidence:
            lines.append(f"{indent}  “{excerpt(d.evidence, near, 200)}”")
    return lines


def _status_lines(found) -> list[str]:
    lines = [f"{found.label}  [{found.node}]", f"  status on {found.as_of}: {found.status}  ({found.reason})"]
    if found.since:
        lines.append(f"  since: {found.since}")
    code = found.label.split(" (")[0]
    if found.decided_by:
        lines += ["  decided by:", *_decision_lines(found.decided_by, near=code)]
    if found.also:
        lines += ["  also:", *_decision_lines(found.also, near=code)]
    return lines


@query.command("status")
@click.argument("code", required=False)
@_as_of_option
@click.option(
    "--all", "every", is_flag=True, help="Count the status of every document instead (with --json: each one)."
)
@click.pass_context
def status_command(ctx: click.Context, code: str | None, as_of: str | None, every: bool) -> None:
    """Is CODE in force on a date? Its status, since when, and the documents and sentences
    that decide it: in_force, amended, partly_repealed, replaced, repealed, expired, unknown.

    \b
    Examples:
      vanban query status 124-QĐ/TW
      vanban query --json status 25-HD/BTCTW --as-of 2024-01-01
      vanban query status --all
    """
    from graph.status import STATUSES, all_statuses

    if every == bool(code):
        raise click.UsageError("give a CODE, or --all")
    if code:
        from graph.ask_status import index_status

        node = _node_of(ctx, code)
        _emit(ctx, index_status(_index_source(ctx), node, as_of), _status_lines)
        return
    found = all_statuses(_whole_graph(ctx), as_of)
    counts = {s: 0 for s in STATUSES}
    for item in found.values():
        counts[item.status] += 1
    when = next(iter(found.values())).as_of if found else as_of
    value = (
        {"as_of": when, "counts": counts, "documents": list(found.values())} if ctx.meta.get("vanban.json") else None
    )

    def table(_value):
        return [f"status of {len(found)} documents on {when}:"] + _columns(
            [[s, n] for s, n in counts.items()], ["status", "documents"]
        )

    _emit(ctx, value if value is not None else counts, table)


@query.command("conflicts")
@click.pass_context
def conflicts_command(ctx: click.Context) -> None:
    """Findings a researcher should look at: a document replaced by two others, one acted on
    (implemented, cited as basis) after its replacement or repeal, one ended before its own date.

    Example: vanban query conflicts
    """
    from graph.status import conflicts

    def table(found):
        lines = []
        for c in found:
            near = c.label.split(" (")[0]
            lines += [f"{c.kind}: {c.label}  [{c.node}]", f"  {c.detail}", *_decision_lines(c.decisions, near=near)]
        return lines or ["(none)"]

    _emit(ctx, conflicts(_whole_graph(ctx)), table)


def _rollout_lines(answer) -> list[str]:
    from graph.rollout import LEVEL_NAMES

    lines = [f"rollout of {answer.label} ({answer.date or 'date unknown'}): {len(answer.rows)} documents act on it"]
    lines += _columns(
        [
            [
                LEVEL_NAMES.get(r.level, r.level),
                r.date or "",
                "" if r.lag_days is None else r.lag_days,
                r.label,
                _short(r.issuer, 40),
                r.province or "",
                r.depth,
                r.type,
            ]
            for r in answer.rows
        ],
        ["level", "date", "lag", "document", "issuer", "province", "depth", "type"],
    )
    lines += ["", "per level:"]
    lines += _columns(
        [
            [LEVEL_NAMES.get(s.level, s.level), s.count, s.first or "", s.median_lag_days, s.last or ""]
            for s in answer.levels
        ],
        ["level", "count", "first", "median lag", "last"],
    )
    p = answer.provinces
    lines += ["", f"provinces: {len(p.covered)} of 34 have an implementing document"]
    for unit, labels in sorted(p.covered.items()):
        lines.append(f"  {unit}: {', '.join(labels)}")
    formers = sorted(u for u in p.former_covered if u not in p.covered)
    if formers:
        lines.append(f"  named as former units: {', '.join(formers)}")
    lines.append(f"  none: {', '.join(p.missing) or '-'}")
    c = answer.central
    lines += [f"central party organs: {len(c.covered)} of {len(c.covered) + len(c.missing)} with a document"]
    lines += [f"  {organ}: {', '.join(labels)}" for organ, labels in c.covered.items()]
    return lines


@query.command("rollout")
@click.argument("code")
@click.option("--with-basis", is_flag=True, help="Also follow based_on (documents issued on its basis).")
@click.option("--evidence", "show_evidence", is_flag=True, help="Print each row's path and evidence sentence.")
@_min_confidence
@click.pass_context
def rollout_command(ctx: click.Context, code: str, with_basis: bool, show_evidence: bool, min_confidence: float):
    """Who has acted on CODE, at which level, how fast: its implementers down the chain by level
    (central party organs, central state bodies, ministries, provinces, districts and below),
    with date, lag in days, path and evidence; a summary per level; which of the 34 provincial
    units (and the former ones) have an implementing document.

    \b
    Examples:
      vanban query rollout 57-NQ/TW
      vanban query rollout 57-NQ/TW --with-basis --evidence
      vanban query --json rollout 66-NQ/TW
    """
    from graph.ask_status import index_rollout

    node = _node_of(ctx, code)
    sentences = show_evidence or bool(ctx.meta.get("vanban.json"))
    answer = index_rollout(_index_source(ctx, sentences), node, with_basis, min_confidence)

    def table(value):
        lines = _rollout_lines(value)
        if show_evidence:
            lines += ["", "paths and evidence:"]
            for r in value.rows:
                lines.append(f"  {' -> '.join(r.path)}")
                if r.evidence:
                    lines.append(f"    “{excerpt(r.evidence, r.path[1].split(' (')[0], 200)}”")
        return lines

    _emit(ctx, answer, table)
