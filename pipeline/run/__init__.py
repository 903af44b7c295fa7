"""Running: documents in, records out, in order, in a pool of processes or on a Dask cluster.

``process`` (normalize, extract, record; ``--workers`` pools, per-document deadlines),
``facts`` (the extractor steps in order, ``STEPS``), ``record`` (offsets mapped back to the
original text, the OUTPUT.md record; its JSON Schema ``record.schema.json`` lies beside it),
``stories`` (MinHash signatures, near-duplicate texts grouped), ``dask_run`` (``--dask``),
``deadline`` (the alarm that stops a document taking too long).

May import: ``pipeline.ingest``, ``pipeline.models``, ``pipeline.nlp`` (a spaCy ``Doc`` on
request), ``extractors``, ``vntext``. Knows nothing of the store, the server or the command
line: checked by import-linter.
"""
