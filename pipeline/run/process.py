"""Orchestration: paths → RawDocuments → records, in order, optionally over a process pool.

``process_document`` is a pure function of a ``RawDocument`` (picklable in,
picklable dict out), so a pool here, or a distributed engine later, can run it
unchanged. Failures never stop a batch: they come out as ``Failure`` items in
their place.

Each document has a time limit (``Limits.time_limit_s``): an alarm stops
Python code that runs past it, and in a pool a worker stuck past it (in C code
the alarm cannot reach) is killed and replaced, its document reported as
failed. Pool workers ignore Ctrl-C (the parent decides) and die with their
parent, even when it is killed with SIGKILL.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline.ingest import iter_entries, read_entry
from pipeline.models import Failure, Ignored, Limits, RawDocument, Skipped
from pipeline.run.deadline import DocumentTimeout, alarm
from pipeline.run.memory import apply_cap, cap_for, capped, out_of_memory_reason
from pipeline.run.record import build_record, iso_date
from pipeline.run.stopping import STOP_SIGNALS, die_with_parent
from vntext.normalize import NormalizedText, normalize

__all__ = [
    "Analysis",
    "Ignored",
    "Skipped",
    "analyze",
    "extract_all",
    "extract_paths",
    "iter_documents",
    "process_document",
    "process_stream",
    "process_with_origins",
    "safe_process",
]

BATCH = 64  # documents in flight in the pool at a time (bounded memory, stable order)
GRACE_S = 10.0  # a pool worker past its time limit by this much is killed (the alarm did not reach it)


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
    from pipeline.run.facts import find_facts

    norm = normalize(raw.text, "md" if raw.markdown else raw.format)
    facts = find_facts(norm.text, published_hint=iso_date(raw.published), doc_id=raw.id)
    record = build_record(raw, norm, facts)
    if tokens:
        record["tokens"] = word_records(norm)
    return Analysis(raw=raw, normalized=norm, record=record)


def word_records(norm: NormalizedText) -> list[dict]:
    """underthesea's words of a text as record spans: text, start, end in the original text."""
    from vntext.segment import segmenter

    original, words = norm.original, []
    for start, end in segmenter().word_spans(norm.text):
        s, e = norm.original_span(start, end)
        words.append({"text": original[s:e], "start": s, "end": e})
    return words


def process_document(raw: RawDocument, tokens: bool = False) -> dict:
    """The OUTPUT.md record of one document; with ``tokens``, its words under "tokens"."""
    return analyze(raw, tokens=tokens).record


def safe_process(raw: RawDocument, time_limit: float = 0.0, tokens: bool = False) -> dict | Failure:
    """``process_document``, with any failure (or running past ``time_limit`` s) turned into a ``Failure``."""
    try:
        with alarm(time_limit):
            return process_document(raw, tokens=True) if tokens else process_document(raw)
    except DocumentTimeout:
        return _timed_out(raw, time_limit)
    except RecursionError:
        return Failure(
            source=raw.source, reason="processing failed (structure nested too deeply)", id=raw.id, origin=raw.origin
        )
    except MemoryError:
        return Failure(source=raw.source, reason=out_of_memory_reason(), id=raw.id, origin=raw.origin)
    except Exception as err:
        return Failure(
            source=raw.source, reason=f"processing failed ({type(err).__name__}: {err})", id=raw.id, origin=raw.origin
        )


def _timed_out(raw: RawDocument, limit: float) -> Failure:
    return Failure(
        source=raw.source,
        id=raw.id,
        origin=raw.origin,
        reason=f"processing took longer than the time limit of {limit:g} s (VANBAN_TIME_LIMIT)",
    )


def iter_documents(
    paths: Iterable[str | os.PathLike],
    is_stored: Callable[[str, str], bool] | None = None,
    limits: Limits | None = None,
) -> Iterator[RawDocument | Failure | Skipped | Ignored]:
    """Read every input; ``is_stored(source, id)`` lets a store skip unchanged content before parsing."""
    limits = limits or Limits.from_env()
    for entry in iter_entries(paths):
        yield from read_entry(entry, is_stored, limits)


def process_stream(
    items: Iterable[RawDocument | Failure | Skipped | Ignored],
    workers: int = 1,
    limits: Limits | None = None,
    tokens: bool = False,
) -> Iterator[dict | Failure | Skipped | Ignored]:
    """Process RawDocuments (in a pool when workers > 1); pass the rest through; keep input order."""
    for _origin, result in process_with_origins(items, workers, limits, tokens):
        yield result


def process_with_origins(
    items: Iterable[RawDocument | Failure | Skipped | Ignored],
    workers: int = 1,
    limits: Limits | None = None,
    tokens: bool = False,
) -> Iterator[tuple[str | None, dict | Failure | Skipped | Ignored]]:
    """``process_stream``'s results, each beside the input file it came from (for a store's bookkeeping)."""
    limits = limits or Limits.from_env()
    limit, cap = limits.time_limit_s, cap_for(limits.max_memory_mb, workers)
    iterator = iter(items)
    if workers <= 1:
        with capped(cap):  # this process is the worker
            for item in iterator:
                if isinstance(item, RawDocument):
                    yield item.origin, safe_process(item, limit, tokens)
                else:
                    yield _origin(item), item
        return
    yield from _Pool(workers, limit, tokens, cap).run(iterator)


def _origin(item) -> str | None:
    return getattr(item, "origin", None) or getattr(item, "source", None)


class _Pool:
    """A process pool that keeps input order, a window of BATCH documents, and kills stuck workers."""

    def __init__(self, workers: int, limit: float, tokens: bool = False, memory_mb: float = 0.0):
        self.workers = workers
        self.limit = limit
        self.tokens = tokens
        self.memory_mb = memory_mb
        self.pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers, initializer=_worker_init, initargs=(os.getpid(), self.memory_mb)
        )
        return self.pool

    def _submit(self, raw: RawDocument) -> Future:
        pool = self.pool or self._start()
        return pool.submit(safe_process, raw, self.limit, self.tokens)

    def run(self, iterator: Iterator) -> Iterator[tuple[str | None, dict | Failure | Skipped | Ignored]]:
        window: deque[tuple[Any, Future | None]] = deque()
        current: tuple[Any, Future | None] | None = None
        try:
            exhausted = False
            while window or not exhausted:
                while not exhausted and len(window) < BATCH:
                    item = next(iterator, None)
                    if item is None:
                        exhausted = True
                        break
                    window.append((item, self._submit(item) if isinstance(item, RawDocument) else None))
                if not window:
                    break
                item, future = window.popleft()
                if future is None:
                    yield _origin(item), item
                    continue
                current = (item, future)
                yield item.origin, self._result(item, future, window)
                current = None
        except KeyboardInterrupt:  # Ctrl-C, SIGTERM, SIGHUP: keep what is finished, wait for nothing else
            finished = _finished([current, *window] if current else list(window))
            self._stop(kill=True)
            yield from finished
            raise
        except BaseException:  # the consumer gone: do not wait for the documents in flight
            self._stop(kill=True)
            raise
        self._stop()

    def _result(self, raw, future: Future, window: deque, retried: bool = False) -> dict | Failure:
        wait = None if not self.limit else self.limit + GRACE_S
        try:
            return future.result(timeout=wait)
        except FutureTimeout:
            self._restart(window)
            return _timed_out(raw, self.limit)
        except BrokenProcessPool:
            self._restart(window)
            if not retried:  # the worker that died may have been running another document: try this one again
                return self._result(raw, self._submit(raw), window, retried=True)
            cause = (
                f"over its memory cap of {self.memory_mb:.0f} MB (--max-memory)" if self.memory_mb else "out of memory"
            )
            return Failure(
                source=raw.source,
                id=raw.id,
                origin=raw.origin,
                reason=f"processing failed (the worker process died: {cause} or a crash)",
            )

    def _restart(self, window: deque) -> None:
        """Kill the pool (a worker is stuck or dead) and resubmit the documents still in flight."""
        self._stop(kill=True)
        for i, (item, future) in enumerate(window):
            if future is not None:
                window[i] = (item, self._submit(item))

    def _stop(self, kill: bool = False) -> None:
        pool, self.pool = self.pool, None
        if pool is None:
            return
        if kill:
            for process in list(getattr(pool, "_processes", {}).values()):
                if process.is_alive():
                    process.kill()
        pool.shutdown(wait=not kill, cancel_futures=True)


def _finished(window: list[tuple[Any, Future | None]]) -> list[tuple[str | None, dict | Failure]]:
    """The results already computed in a window, in order (the rest is left for a resumed run)."""
    done = []
    for item, future in window:
        if future is not None and future.done() and not future.cancelled() and future.exception() is None:
            done.append((item.origin, future.result()))
    return done


def _worker_init(parent: int, memory_mb: float = 0.0) -> None:
    """In each pool worker: ignore Ctrl-C, SIGTERM and SIGHUP (the parent decides), die with the parent,
    load the extractors' tables once, then take the memory cap."""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    die_with_parent(parent)
    import pipeline.run.facts  # noqa: F401

    apply_cap(memory_mb)


def extract_paths(paths: Iterable[str | Path], workers: int = 1, tokens: bool = False) -> Iterator[dict | Failure]:
    """Records (dicts) and Failures for every input under ``paths``, in input order (words in them when ``tokens``)."""
    for item in extract_all(paths, workers, tokens):
        if not isinstance(item, Ignored):
            yield item


def extract_all(
    paths: Iterable[str | Path], workers: int = 1, tokens: bool = False, limits: Limits | None = None
) -> Iterator[dict | Failure | Ignored]:
    """``extract_paths`` plus the unsupported files met while walking folders (``Ignored``), in input order."""
    limits = limits or Limits.from_env()
    for item in process_stream(iter_documents(paths, limits=limits), workers=workers, limits=limits, tokens=tokens):
        if not isinstance(item, Skipped):
            yield item
