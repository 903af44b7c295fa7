"""The store: records kept in SQLite, and what is read back out of it.

``db`` (``Store``: one row per document and tables of its facts, WAL, busy timeout),
``texts`` (the decoded texts, compressed, and the FTS5 index over them), ``search`` (``vanban
search``: hits, snippets, codes near a hit), ``keywords`` (the words that mark a text out),
``tables`` (the notebook API's DataFrames as CSV or Parquet files).

May import: ``pipeline.models``, ``pipeline.run`` (the stories' table), ``pipeline.api``
(tables out), ``graph`` (its index tables live in the store), ``vntext`` (word segmentation
for the search index). Knows nothing of the command line (``pipeline.cli``) or the server
(``pipeline.serve``): checked by import-linter.
"""

from typing import TYPE_CHECKING

if not TYPE_CHECKING:
    from pipeline._moved import old_names

    __getattr__ = old_names(__name__, "pipeline.store.db")  # pipeline.store.Store (the old module), for one release
