"""``vanban search``: the texts of a store whose words match a phrase, with snippets and nearby codes."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from pipeline.cli.options import require_store, store_option


@click.command("search")
@click.argument("query")
@store_option("The store to search (made by `vanban run`).")
@click.option("-n", "--limit", type=click.IntRange(1), default=10, show_default=True, help="How many texts.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def search(query: str, db: Path, limit: int, as_json: bool) -> None:
    """Texts whose words contain QUERY's words in a row: snippet and the codes cited near the hit.

    The query is segmented into words as the texts were ("cán bộ" is one word),
    so "quy hoạch cán bộ" does not match those syllables inside other words.

    Example: vanban search "luân chuyển cán bộ" --db out/vanban.db
    """
    from pipeline.store import search as full_text
    from pipeline.store.db import Store

    require_store(db)
    with Store(db) as store:
        if not store.db.execute("SELECT 1 FROM text_words LIMIT 1").fetchone():
            raise click.ClickException(f"{db}: no text is indexed (fill it with: vanban run PATH... --db {db})")
        hits = full_text.search(store.db, query, limit=limit)
    if as_json:
        click.echo(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"no text matches {query!r}")
        return
    for rank, hit in enumerate(hits, start=1):
        where = f" @{hit.start}-{hit.end}" if hit.start is not None else ""
        click.echo(f"{rank}. {hit.title or Path(hit.source).name}")
        click.echo(f"   {hit.source}{where}")
        click.echo(f"   {hit.snippet}")
        if hit.codes:
            click.echo(f"   codes cited near: {', '.join(hit.codes)}")


def keyword_lines(db: Path, node: str) -> list[str]:
    """``vanban query doc``: "keywords (file): ..." for each stored text that is document ``node``."""
    import sqlite3

    from pipeline.store.search import keywords_of

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            sources = [
                s
                for (s,) in conn.execute(
                    "SELECT t.source FROM graph_texts t JOIN graph_docs d ON d.id = t.document WHERE d.key = ?", (node,)
                )
            ]
            found = [(source, keywords_of(conn, source)) for source in sources]
    except sqlite3.Error:  # an older store without the graph tables or keywords: nothing to add
        return []
    return [f"  keywords ({Path(source).name}): {', '.join(words)}" for source, words in found if words]
