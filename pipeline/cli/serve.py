"""``vanban serve``: the command that opens a store in the browser (:mod:`pipeline.serve.datasette`)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import require_store
from pipeline.serve.datasette import DEFAULT_PORT, serve_store


@click.command("serve")
@click.option("--db", type=click.Path(path_type=Path), default="vanban.db", show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every one).")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--get",
    "get_path",
    metavar="PATH",
    help="Fetch one page (e.g. /NAME/document_index.json, NAME the store's file name without .db), "
    "print it and exit, without listening.",
)
def serve(db: Path, host: str, port: int, get_path: str | None) -> None:
    """Browse a store in the browser (Datasette): tables, facets, full-text search, canned queries.

    Example: vanban serve --db out/vanban.db   (then open http://127.0.0.1:8001/)
    """
    require_store(db)
    serve_store(db, host, port, get_path)
