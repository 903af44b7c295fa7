"""The pipeline: files in, records and a store out, and the ways people reach them.

The top layer of vanban (above ``graph``, ``extractors`` and ``vntext``), in rooms:

- ``pipeline.cli``: the ``vanban`` command; imports any room, and no room imports it.
- ``pipeline.api``: the notebook API (``Explorer``, ``analyze_file``), public.
- ``pipeline.ingest`` and ``pipeline.readers``: files to ``RawDocument``s; nothing after them opens files.
- ``pipeline.run``: documents to records (``process``, ``facts``, ``record``, ``stories``, Dask, deadlines).
- ``pipeline.nlp`` and ``pipeline.tokenize``: the same steps as spaCy components and tokenizer.
- ``pipeline.store``: the SQLite store, its texts, full-text search, keywords and tables out.
- ``pipeline.serve``: the store in a browser through Datasette.
- ``pipeline.evaluate``: scores against gold and throughput benchmarks.
- ``pipeline.models``: the dataclasses every room shares (``RawDocument``, ``Failure``, ...).

What each room may import is said in its ``__init__`` and checked by the import-linter
contracts in ``pyproject.toml``; ``docs/ARCHITECTURE.md`` draws the floor plan.
"""
