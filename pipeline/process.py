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
from itertools import islice
from pathlib import Path

from pipeline.ingest import format_of, iter_inputs, read_bytes, read_file, sha256
from pipeline.models import Failure, IngestError, RawDocument
from pipeline.record import build_record, iso_date
from vntext.normalize import normalize

BATCH = 64  # documents handed to the pool at a time (bounded memory, stable order)


@dataclass(frozen=True)
class Skipped:
    """An input whose content hash is already stored: not read further, not processed."""

    source: str
    id: str


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline knows about one document (for notebooks and debugging)."""

    raw: RawDocument
    normalized: object  # vntext.normalize.NormalizedText
    doc: object  # spacy.tokens.Doc
    record: dict


def analyze(raw: RawDocument) -> Analysis:
    """Normalize, tokenize, extract and build the record of one document."""
    from pipeline.nlp import facts_of, make_doc

    norm = normalize(raw.text, "md" if raw.markdown else raw.format)
    doc = make_doc(norm.text, published_hint=iso_date(raw.published), doc_id=raw.id)
    return Analysis(raw=raw, normalized=norm, doc=doc, record=build_record(raw, norm, facts_of(doc)))


def process_document(raw: RawDocument) -> dict:
    """The OUTPUT.md record of one document."""
    return analyze(raw).record


def safe_process(raw: RawDocument) -> dict | Failure:
    """``process_document``, with any failure turned into a ``Failure`` naming the document."""
    try:
        return process_document(raw)
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
    items: Iterable[RawDocument | Failure | Skipped], workers: int = 1
) -> Iterator[dict | Failure | Skipped]:
    """Process RawDocuments (in a pool when workers > 1); pass the rest through; keep input order."""
    iterator = iter(items)
    if workers <= 1:
        for item in iterator:
            yield safe_process(item) if isinstance(item, RawDocument) else item
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        while batch := list(islice(iterator, BATCH)):
            raws = [item for item in batch if isinstance(item, RawDocument)]
            results = iter(pool.map(safe_process, raws, chunksize=max(1, len(raws) // (workers * 4))))
            for item in batch:
                yield next(results) if isinstance(item, RawDocument) else item


def extract_paths(paths: Iterable[str | Path], workers: int = 1) -> Iterator[dict | Failure]:
    """Records (dicts) and Failures for every input under ``paths``, in input order."""
    for item in process_stream(iter_documents(paths), workers=workers):
        if not isinstance(item, Skipped):
            yield item


def _warm_up() -> None:
    from pipeline.nlp import load_nlp

    load_nlp()
