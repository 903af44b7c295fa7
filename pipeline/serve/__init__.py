"""Serving: a store in the browser through Datasette (the ``vanban[serve]`` extra).

``datasette`` (views over the store, descriptions, canned queries, the graph page, and
``serve_store`` that runs Datasette), ``plugin`` (the Datasette hooks: links from a row to the
graph page). The ``vanban serve`` command itself is in ``pipeline.cli.serve``.

May import: ``pipeline.store``, ``graph``. Not the command line: checked by import-linter.
"""

from typing import TYPE_CHECKING

if not TYPE_CHECKING:
    from pipeline._moved import old_names

    __getattr__ = old_names(__name__, "pipeline.serve.datasette")  # the old module's names, for one release
