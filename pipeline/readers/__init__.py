"""One reader per input format. Each takes bytes (and a source name) and returns text plus metadata.

``text`` (encodings, legacy Vietnamese ones through ``legacy`` and its tables in ``data/``),
``html`` (trafilatura), ``pdf`` (pdfplumber, pypdf; scanned pages through ``ocr``), ``docx``,
``jsonl`` (dumps of many documents). ``pipeline.ingest`` chooses the reader for a file.

May import: ``pipeline.models`` (``IngestError``), each other, ``vntext``. Knows nothing of the
store, of running, serving or the command line: checked by import-linter.
"""
