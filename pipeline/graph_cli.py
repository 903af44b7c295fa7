"""``vanban query`` and ``vanban graph``: the citation graph from the command line.

Both read the records of a store (``vanban run PATH... --db FILE``), build the
graph, and either answer a question (``query``) or write a file (``graph export``).
The main CLI (``pipeline/cli.py``) registers the two groups.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from pathlib import Path

import click
import networkx as nx

from graph.build import build_graph
from graph.io import FORMATS, ExportError, export_graph
from graph.queries import NoPath, UnknownDocument, basis, doc, implementers, path, person, top
from graph.schema import GraphSchemaError
from pipeline.search_cli import keyword_lines

_GRAPH_META = "vanban.graph"  # click context meta key of the loaded graph


def load_graph(db: Path) -> nx.MultiDiGraph:
    """Build the graph from the records of store ``db``; a clear error when it is missing."""
    if not Path(db).is_file():
        raise click.ClickException(f"{db}: no such store (make one with: vanban run PATH... --db {db})")
    from pipeline.store import Store

    store = Store(db)
    try:
        records = list(store.records())
    finally:
        store.close()
    try:
        return build_graph(records)
    except GraphSchemaError as error:
        raise click.ClickException(f"{db}: {error}") from error


def _graph(ctx: click.Context) -> nx.MultiDiGraph:
    if _GRAPH_META not in ctx.meta:
        ctx.meta[_GRAPH_META] = load_graph(ctx.meta["vanban.db"])
    return ctx.meta[_GRAPH_META]


def _plain(value):
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
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
        result = compute(_graph(ctx))
    except (UnknownDocument, NoPath, ValueError) as error:
        raise click.ClickException(str(error)) from error
    _emit(ctx, result, table)


# --- vanban query ------------------------------------------------------------------------


@click.group("query")
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default="vanban.db", show_default=True,
              help="The store to read (made by `vanban run`).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def query(ctx: click.Context, db: Path, as_json: bool) -> None:
    """Ask the citation graph: what a document is, what implements it, who held which post.

    \b
    Examples:
      vanban query --db vanban.db doc 16-HD/BTCTW
      vanban query --db vanban.db implements 50-QĐ/TW --transitive
      vanban query --db vanban.db --json top -n 5
    """
    ctx.meta["vanban.db"] = db
    ctx.meta["vanban.json"] = as_json


def _link_rows(links) -> list[list]:
    return [[link.depth, link.type, link.label, f"{link.confidence:.2f}", link.evidence] for link in links]


@query.command("doc")
@click.argument("code")
@click.pass_context
def doc_command(ctx: click.Context, code: str) -> None:
    """What CODE is, what it rests on, what rests on it, and the texts that cite it.

    Example: vanban query doc 16-HD/BTCTW
    """
    def table(reports):
        lines = []
        for report in reports:
            a = report.attributes
            lines.append(f"{a.get('label')}  [{report.node}]")
            for name in ("doc_type_name", "issuer", "date", "subject", "scope", "term", "cited_by"):
                if a.get(name) not in (None, ""):
                    lines.append(f"  {name}: {a[name]}")
            if a.get("ambiguous"):
                lines.append("  ambiguous: the citing texts do not say which issuer's document this is")
            lines += keyword_lines(ctx.meta["vanban.db"], _graph(ctx), report.node)
            lines.append("  rests on:")
            lines += ["    " + line for line in _columns(
                [[link.type, link.label, f"{link.confidence:.2f}", link.evidence] for link in report.basis],
                ["type", "document", "conf", "evidence"])]
            lines.append("  rested on by:")
            lines += ["    " + line for line in _columns(
                [[link.type, link.label, f"{link.confidence:.2f}", link.evidence] for link in report.dependents],
                ["type", "document", "conf", "evidence"])]
            lines.append("  cited in:")
            lines += ["    " + line for line in _columns(
                [[t["published"], t["title"] or "", t["source"], t["count"]] for t in report.texts],
                ["published", "title", "source", "times"])]
            lines.append("")
        return lines

    _answer(ctx, lambda G: doc(G, code), table)


@query.command("implementers")
@click.argument("code")
@click.option("--transitive", is_flag=True, help="Follow the chain all the way down.")
@click.pass_context
def implementers_command(ctx: click.Context, code: str, transitive: bool) -> None:
    """Documents that implement or rest on CODE (down the hierarchy).

    Example: vanban query implementers 50-QĐ/TW --transitive
    """
    _answer(ctx, lambda G: implementers(G, code, transitive),
            lambda links: _columns(_link_rows(links), ["depth", "type", "document", "conf", "evidence"]))


@query.command("basis")
@click.argument("code")
@click.option("--transitive", is_flag=True, help="Follow the chain all the way up.")
@click.pass_context
def basis_command(ctx: click.Context, code: str, transitive: bool) -> None:
    """Documents CODE implements or rests on (up the hierarchy).

    Example: vanban query basis 02-HD/ĐU --transitive
    """
    _answer(ctx, lambda G: basis(G, code, transitive),
            lambda links: _columns(_link_rows(links), ["depth", "type", "document", "conf", "evidence"]))


@query.command("person")
@click.argument("name")
@click.pass_context
def person_command(ctx: click.Context, name: str) -> None:
    """Posts a person held, with dates and the texts they come from.

    Example: vanban query person "Phan Tâm"
    """
    _answer(ctx, lambda G: person(G, name), lambda posts: _columns(
        [[p.person, p.title, p.organization or "", p.date or "", p.text_title or p.source or p.text_id]
         for p in posts], ["person", "post", "organization", "date", "text"]))


@query.command("path")
@click.argument("a")
@click.argument("b")
@click.pass_context
def path_command(ctx: click.Context, a: str, b: str) -> None:
    """A shortest chain of relations between documents A and B.

    Example: vanban query path 02-HD/ĐU 50-QĐ/TW
    """
    def table(hops):
        return [f"{h.source_label} --{h.type}--> {h.target_label}" for h in hops]

    _answer(ctx, lambda G: path(G, a, b), table)


@query.command("top")
@click.option("-n", "n", type=click.IntRange(1), default=10, show_default=True, help="How many documents.")
@click.pass_context
def top_command(ctx: click.Context, n: int) -> None:
    """The documents cited by the most texts.

    Example: vanban query top -n 20
    """
    _answer(ctx, lambda G: top(G, n), lambda rows: _columns(
        [[c.cited_by, c.label] for c in rows], ["texts", "document"]))


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
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False), default="vanban.db", show_default=True,
              help="The store to read (made by `vanban run`).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="graphml/gexf (Gephi), json (node-link), csv (Neo4j bulk import: a directory), html (a page).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File (or directory for csv).")
def export_command(db: Path, fmt: str, output: Path) -> None:
    """Write the graph built from the store DB to OUTPUT.

    Example: vanban graph export --db vanban.db --format gexf -o graph.gexf
    """
    G = load_graph(db)
    try:
        written = export_graph(G, output, fmt)
    except (ExportError, OSError) as error:
        raise click.ClickException(f"{output}: {error}") from error
    click.echo(f"wrote {written} ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)", err=True)
