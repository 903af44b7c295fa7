"""``vanban stories``: group the texts of a store into stories (near-duplicate texts, pipeline/run/stories.py)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import require_store, store_option


@click.command("stories")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option("The store (made by `vanban run`).")
def stories(paths: tuple[Path, ...], db: Path) -> None:
    """Group the store's texts into stories: one article republished by several sites is one story.

    `vanban run` does this as it goes. For a store made before, give the inputs it was made
    from: they are read again (not processed) to sign the texts the store has not signed.

    Example: vanban stories corpus/ --db out/vanban.db
    """
    from pipeline.run.process import iter_documents
    from pipeline.run.stories import group_stories, sign_stored
    from pipeline.store.db import Store

    require_store(db)
    with Store(db) as store:
        if paths:
            signed = sign_stored(store.db, iter_documents(paths))
            click.echo(f"signed {signed} texts", err=True)
        click.echo(group_stories(store.db).line())
