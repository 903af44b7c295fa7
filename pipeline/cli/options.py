"""The ``--db`` option of the commands that read a store, and the check that the store is there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def store_option(help: str = "The store to read (made by `vanban run`).") -> Callable[[F], F]:
    """``--db FILE`` (default ``vanban.db``) for a command that reads an existing store."""
    return click.option(
        "--db", type=click.Path(path_type=Path, dir_okay=False), default="vanban.db", show_default=True, help=help
    )


def require_store(db: Path) -> None:
    """One clear error when ``db`` is not there, saying how to make it."""
    if not Path(db).is_file():
        raise click.ClickException(f"{db}: no such store (make one with: vanban run PATH... --db {db})")
