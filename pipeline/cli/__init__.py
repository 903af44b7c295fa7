"""The ``vanban`` command: one module per group of subcommands, a thin shell over the library.

``commands`` holds the group and the file commands (run, extract, report, eval, bench) and is
the ``[project.scripts]`` target; ``graph`` (query, graph export), ``search``, ``stories``,
``show`` and ``serve`` hold the others; ``options`` the shared ``--db`` option; ``lazy_group``
lets ``vanban --help`` list commands without importing them.

May import: every other room of ``pipeline``, ``graph``, ``extractors``, ``vntext``.
Imported by: nothing (checked by import-linter): the library never depends on its command line.
"""

from typing import TYPE_CHECKING

if not TYPE_CHECKING:
    from pipeline._moved import old_names

    __getattr__ = old_names(__name__, "pipeline.cli.commands")  # pipeline.cli.main (the old module), for one release
