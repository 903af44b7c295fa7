"""Tables out: the notebook API's DataFrames written as CSV or Parquet files, one file per table.

``vanban export tables --db FILE --format csv|parquet -o DIR`` writes documents,
citations, relations (with their evidence), people × posts, dates and organizations
with exactly the columns of ``pipeline.api.Explorer``; ``vanban extract --format
csv|parquet -o DIR`` does the same for files, without a store. CSV is written by pandas
(UTF-8 with a BOM, so that spreadsheet programs read Vietnamese right); Parquet by
pyarrow (the ``vanban[parquet]`` extra).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pipeline.api import Explorer

TABLES = ["documents", "citations", "relations", "people", "dates", "organizations"]
FORMATS = ["csv", "parquet"]


@dataclass(frozen=True)
class WrittenTable:
    name: str
    path: Path
    rows: int


def write_tables(
    explorer: Explorer, out_dir: str | Path, fmt: str, texts: dict[str, str] | None = None
) -> list[WrittenTable]:
    """Write every table of ``explorer`` into ``out_dir`` as ``fmt``; returns what was written.

    ``texts`` (source -> decoded text) adds a ``text`` column to the documents table.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown table format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        _need_pyarrow()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        frame = getattr(explorer, name)()
        if name == "documents" and texts is not None:
            frame["text"] = frame["source"].map(texts)
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            frame.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            frame.to_parquet(path, index=False, engine="pyarrow")
        written.append(WrittenTable(name, path, len(frame)))
    return written


def _need_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise click.ClickException(
            "Parquet needs pyarrow: pip install 'vanban[parquet]' (or use --format csv)"
        ) from None


def format_written(written: list[WrittenTable]) -> str:
    return "\n".join(f"{t.rows:7d} rows  {t.path}" for t in written)


@click.group("export")
def export() -> None:
    """Write what a store holds as tables for spreadsheets and pandas."""


@export.command("tables")
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    default="vanban.db",
    show_default=True,
    help="The store to read (filled by vanban run).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Directory for the files (documents, citations, relations, people, dates, organizations).",
)
@click.option("--with-text", is_flag=True, help="Add each document's decoded text to the documents table.")
def export_tables(db: Path, fmt: str, output: Path, with_text: bool) -> None:
    """One file per table, with the notebook API's columns (pipeline.api).

    Example: vanban export tables --db out/vanban.db --format parquet -o out/tables
    """
    from pipeline.api import open_store

    try:
        explorer = open_store(db)
    except FileNotFoundError as err:
        raise click.ClickException(str(err)) from None
    texts = stored_texts(db) if with_text else None
    click.echo(format_written(write_tables(explorer, output, fmt, texts)))


def stored_texts(db: Path) -> dict[str, str]:
    """source -> decoded text of every document whose text the store holds."""
    from pipeline.store.db import Store
    from pipeline.store.texts import get_text

    with Store(db) as store:
        rows = store.db.execute("SELECT source, id FROM documents WHERE status = 'ok'").fetchall()
        found = {source: get_text(store.db, doc_id) for source, doc_id in rows}
    return {source: text for source, text in found.items() if text is not None}
