"""Measuring: figures against gold, and throughput.

``scores`` (``vanban eval``: precision, recall and F1 per category, by the rules of the shared
GOLD.md), ``bench`` (``vanban bench``: documents per second against underthesea's tokenizer
alone, peak memory).

May import: ``pipeline.run``, ``pipeline.store``, ``pipeline.ingest``, ``pipeline.models``,
``extractors``, ``vntext``. Not the command line or the server: checked by import-linter.
"""

from typing import TYPE_CHECKING

if not TYPE_CHECKING:
    from pipeline._moved import old_names

    __getattr__ = old_names(__name__, "pipeline.evaluate.scores")  # pipeline.evaluate.evaluate etc., for one release
