"""``vanban query`` and ``vanban graph``: the citation graph from the command line.

``query`` answers from the graph tables the store keeps (:mod:`graph.index`);
``graph export`` builds the networkx graph from the store's records and writes a file.
The main CLI (``pipeline/cli/commands.py``) registers the two groups.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, is_dataclass
from pathlib import Path

import click
import networkx as nx

from graph import index as graph_index
from graph.answers import NoPath, PostHeld, UnknownDocument
from graph.ask import GraphIndex
from graph.build import build_graph
from graph.io import FORMATS, ExportError, export_graph
from graph.schema import GraphSchemaError
from pipeline.cli.options import require_store, store_option
from pipeline.cli.search import keyword_lines

_INDEX_META = "vanban.graph_index"  # click context meta key of the store's graph tables


def load_graph(db: Path) -> nx.MultiDiGraph:
    """Build the graph from the records of store ``db``; a clear error when it is missing."""
    require_store(db)
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


class _EvidenceReader:
    """Evidence of relations with their sentences, from the store's index and texts (texts read once)."""

    def __init__(self, ctx: click.Context, width: int | None):
        self.index = _index(ctx)
        self.width = width
        self._texts: dict[str, str | None] = {}

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
        key = "record:" + source
        if key not in self._texts:
            try:
                row = self.index.conn.execute("SELECT record FROM documents WHERE source = ?", (source,)).fetchone()
            except sqlite3.Error:
                row = None
            self._texts[key] = row[0] if row else None
        record = json.loads(self._texts[key] or "{}")
        for relation in record.get("relations") or []:
            evidence = relation.get("evidence") or {}
            if evidence.get("start") == start and evidence.get("end") == end and evidence.get("text"):
                return evidence["text"]
        return None

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
def export_command(db: Path, fmt: str, output: Path, focus: str | None, depth: int) -> None:
    """Write the graph built from the store DB to OUTPUT.

    The file formats hold the whole graph. The html page draws a part a person can read:
    with --focus, that document's neighbourhood; without, the largest connected part
    (isolated documents are left out and counted in the page's header). Its filters
    (document type, relation type, confidence, date range) work in the page.

    \b
    Examples:
      vanban graph export --db vanban.db --format gexf -o graph.gexf
      vanban graph export --db vanban.db --format html --focus 50-QĐ/TW --depth 2 -o 50.html
    """
    G = load_graph(db)
    view = None
    if focus and fmt != "html":
        raise click.UsageError("--focus draws a page: use it with --format html")
    if fmt == "html":
        from graph.view import focus_view, overview

        try:
            view = focus_view(G, focus, depth) if focus else overview(G)
        except UnknownDocument as error:
            raise click.ClickException(f"{focus}: no document with this code in {db} ({error})") from error
    try:
        written = export_graph(G, output, fmt, view=view)
    except (ExportError, OSError) as error:
        raise click.ClickException(f"{output}: {error}") from error
    if view is not None:
        click.echo(f"wrote {written} ({written.stat().st_size / 1e6:.1f} MB): {view.heading}", err=True)
    else:
        click.echo(f"wrote {written} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)", err=True)
