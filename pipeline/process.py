"""Orchestration: paths → RawDocuments → records, in order, optionally over a process pool.

``process_document`` is a pure function of a ``RawDocument`` (picklable in,
picklable dict out), so a pool here, or a distributed engine later, can run it
unchanged. Failures never stop a batch: they come out as ``Failure`` items in
their place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import islice
from pathlib import Path

from pipeline.ingest import format_of, iter_inputs, read_bytes, read_file, sha256
from pipeline.models import Failure, IngestError, RawDocument
from pipeline.record import build_record, iso_date
from vntext.normalize import NormalizedText, normalize

BATCH = 64  # documents handed to the pool at a time (bounded memory, stable order)


@dataclass(frozen=True)
class Skipped:
    """An input whose content hash is already stored: not read further, not processed."""

    source: str
    id: str


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline knows about one document (for notebooks and debugging).

    ``doc`` (a spaCy ``Doc`` with the findings in ``doc.spans["vanban"]``, for
    displaCy) is built on first use: the record does not need it.
    """

    raw: RawDocument
    normalized: NormalizedText
    record: dict

    @cached_property
    def doc(self):
        from pipeline.nlp import make_doc

        return make_doc(self.normalized.text, published_hint=iso_date(self.raw.published), doc_id=self.raw.id)


def analyze(raw: RawDocument, tokens: bool = False) -> Analysis:
    """Normalize, extract and build the record of one document (words in it when ``tokens``)."""
    from pipeline.facts import find_facts

    norm = normalize(raw.text, "md" if raw.markdown else raw.format)
    facts = find_facts(norm.text, published_hint=iso_date(raw.published), doc_id=raw.id)
    record = build_record(raw, norm, facts)
    if tokens:
        record["tokens"] = word_records(norm)
    return Analysis(raw=raw, normalized=norm, record=record)


def word_records(norm: NormalizedText) -> list[dict]:
    """underthesea's words of a text as record spans: text, start, end in the original text."""
    from pipeline.segment import segmenter

    original, words = norm.original, []
    for start, end in segmenter().word_spans(norm.text):
        s, e = norm.original_span(start, end)
        words.append({"text": original[s:e], "start": s, "end": e})
    return words


def process_document(raw: RawDocument, tokens: bool = False) -> dict:
    """The OUTPUT.md record of one document; with ``tokens``, its words under "tokens"."""
    return analyze(raw, tokens=tokens).record


def safe_process(raw: RawDocument, tokens: bool = False) -> dict | Failure:
    """``process_document``, with any failure turned into a ``Failure`` naming the document."""
    try:
        return process_document(raw, tokens=tokens)
    except Exception as err:
        return Failure(source=raw.source, reason=f"processing failed ({type(err).__name__}: {err})", id=raw.id)


def iter_documents(
    paths: Iterable[str | Path],
    is_stored: Callable[[str, str], bool] | None = None,
) -> Iterator[RawDocument | Failure | Skipped]:
    """Read every input; ``is_stored(source, id)`` lets a store skip unchanged content before parsing."""
    for path in iter_inputs(paths):
        source = str(path)
        try:
            fmt = format_of(path)
            data = read_bytes(path)
            if fmt != "jsonl" and is_stored and is_stored(source, sha256(data)):
                yield Skipped(source=source, id=sha256(data))
                continue
            for item in read_file(path, data):
                if isinstance(item, RawDocument) and is_stored and is_stored(item.source, item.id):
                    yield Skipped(source=item.source, id=item.id)
                else:
                    yield item
        except IngestError as err:
            yield Failure(source=source, reason=str(err))
        except Exception as err:  # a reader bug must not stop the batch either
            yield Failure(source=source, reason=f"could not be read ({type(err).__name__}: {err})")


def process_stream(
    items: Iterable[RawDocument | Failure | Skipped], workers: int = 1, tokens: bool = False
) -> Iterator[dict | Failure | Skipped]:
    """Process RawDocuments (in a pool when workers > 1); pass the rest through; keep input order."""
    iterator = iter(items)
    work = partial(safe_process, tokens=tokens)
    if workers <= 1:
        for item in iterator:
            yield work(item) if isinstance(item, RawDocument) else item
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        while batch := list(islice(iterator, BATCH)):
            raws = [item for item in batch if isinstance(item, RawDocument)]
            results = iter(pool.map(work, raws, chunksize=max(1, len(raws) // (workers * 4))))
            for item in batch:
                yield next(results) if isinstance(item, RawDocument) else item


def extract_paths(paths: Iterable[str | Path], workers: int = 1, tokens: bool = False) -> Iterator[dict | Failure]:
    """Records (dicts) and Failures for every input under ``paths``, in input order (words in them when ``tokens``)."""
    for item in process_stream(iter_documents(paths), workers=workers, tokens=tokens):
        if not isinstance(item, Skipped):
            yield item


def _warm_up() -> None:
    import pipeline.facts  # noqa: F401  (the extractors' tables and patterns, loaded once per worker)
