"""``--dask``: the per-document function on a Dask cluster, inputs and results in partitions.

The inputs are cut into partitions (a JSON Lines file into shards of lines
read by byte range, other files into groups); each partition is one Dask task
that reads its documents, runs ``pipeline.run.process.safe_process`` on each (the
same pure function as a local run) and writes its records to its own file in
the results folder (``part-00000.jsonl``, or ``.parquet``), written whole or
not at all. The client then reads the parts in partition order, so the records
come out as a local run gives them, and ``vanban run`` puts them into the store
by source: loading twice, or after a worker died and Dask ran its partitions
again elsewhere, adds no duplicates.

Needs the extra: ``pip install 'vanban[dask]'``. Without an address a
``LocalCluster`` is started on this machine; with one (``tcp://host:8786``),
the cluster started by ``dask scheduler`` / ``dask worker`` is used, whose
workers must see the input paths and the results folder at the same paths.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.ingest import format_of, iter_inputs, read_file
from pipeline.models import Failure, IngestError, RawDocument
from pipeline.run.memory import cap_for

DOCS_PER_PARTITION = 50
LOCAL_WORKERS = 2  # processes of a LocalCluster (one thread each)
NANNY_MARGIN = 1.5  # Dask's memory limit of a local worker, over the cap its tasks take
PART_FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True)
class Partition:
    """Some inputs: files, or the lines ``first_line``… of one JSON Lines file (bytes ``start``:``end``)."""

    index: int
    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None
    first_line: int = 1

    @property
    def is_shard(self) -> bool:
        return self.end is not None


@dataclass
class PartResult:
    """What one partition gave: its records' file, failures, and the documents skipped as stored."""

    index: int
    path: str
    records: int
    failures: list[Failure] = field(default_factory=list)
    skipped: int = 0


def plan_partitions(paths: Iterable[str | Path], docs: int = DOCS_PER_PARTITION) -> list[Partition]:
    """Partitions of about ``docs`` documents each, in input order."""
    parts: list[Partition] = []
    files: list[str] = []

    def flush_files() -> None:
        if files:
            parts.append(Partition(len(parts), tuple(files)))
            files.clear()

    for path in iter_inputs(paths):
        if format_of(path) != "jsonl":
            files.append(str(path))
            if len(files) >= docs:
                flush_files()
            continue
        flush_files()
        for start, end, first_line in _shards(path, docs):
            parts.append(Partition(len(parts), (str(path),), start, end, first_line))
    flush_files()
    return parts


def _shards(path: Path, lines_per_shard: int) -> Iterator[tuple[int, int, int]]:
    """(byte start, byte end, first line number) of shards of a JSON Lines file, cut at line ends.

    Blank lines do not count and never make a shard of their own (they go with the lines before them).
    """
    start = position = 0
    line, first, filled = 1, 1, 0
    with path.open("rb") as stream:
        for row in stream:
            position += len(row)
            filled += bool(row.strip())
            if filled >= lines_per_shard:
                yield start, position, first
                start, first, filled = position, line + 1, 0
            line += 1
    if filled or not start:  # the rest, or a file with no line at all (the reader says what is wrong)
        yield start, position, first


def read_partition(part: Partition) -> Iterator[RawDocument | Failure]:
    """The documents of a partition, as ``pipeline.run.process.iter_documents`` reads them."""
    if not part.is_shard:
        from pipeline.run.process import iter_documents

        for item in iter_documents(part.paths):
            if isinstance(item, RawDocument | Failure):
                yield item
        return
    path = Path(part.paths[0])
    try:
        with path.open("rb") as stream:
            stream.seek(part.start)
            chunk = stream.read((part.end or 0) - part.start)
        # blank lines before the shard keep the line numbers of a whole-file read
        yield from read_file(path, b"\n" * (part.first_line - 1) + chunk)
    except IngestError as err:
        yield Failure(source=str(path), reason=str(err))
    except OSError as err:
        yield Failure(source=str(path), reason=f"could not be read ({type(err).__name__}: {err})")


def process_partition(
    part: Partition,
    out_dir: str,
    tokens: bool = False,
    part_format: str = "jsonl",
    known_ids: frozenset[tuple[str, str]] = frozenset(),
    memory_mb: float = 0.0,
) -> PartResult:
    """Process one partition and write its records to ``out_dir`` (a Dask task; pure but for that file).

    ``memory_mb`` caps the worker while it processes (a document past it fails alone, as in a local pool).
    """
    from pipeline.run.memory import capped
    from pipeline.run.process import safe_process

    records: list[dict] = []
    failures: list[Failure] = []
    skipped = 0
    with capped(memory_mb):
        for item in read_partition(part):
            if isinstance(item, Failure):
                failures.append(item)
            elif (item.source, item.id) in known_ids:
                skipped += 1
            else:
                result = safe_process(item, tokens=tokens)
                if isinstance(result, Failure):
                    failures.append(result)
                else:
                    records.append(result)
    path = Path(out_dir) / f"part-{part.index:05d}.{part_format}"
    _write_part(path, records, part_format)
    return PartResult(part.index, str(path), len(records), failures, skipped)


def _write_part(path: Path, records: list[dict], part_format: str) -> None:
    """Write the part whole or not at all (a temporary file renamed into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if part_format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table(
            {
                "id": [r["id"] for r in records],
                "source": [r["source"] for r in records],
                "kind": [r.get("kind") for r in records],
                "published": [r.get("published") for r in records],
                "record": [json.dumps(r, ensure_ascii=False) for r in records],
            }
        )
        pq.write_table(table, tmp)
    else:
        with tmp.open("w", encoding="utf-8") as stream:
            for record in records:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def read_part(path: str | Path) -> Iterator[dict]:
    """The records of a part file, in order."""
    path = Path(path)
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        for text in pq.read_table(path, columns=["record"]).column("record").to_pylist():
            yield json.loads(text)
        return
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)


def _part_items(result: PartResult) -> Iterator[dict | Failure | int]:
    yield from read_part(result.path)
    yield from result.failures
    if result.skipped:
        yield result.skipped


def client_for(address: str | None, max_memory_mb: float | None = None) -> tuple[Any, Any]:
    """A ``dask.distributed.Client`` to ``address``, or to a new LocalCluster; with that cluster (or None),
    which the caller closes after the client. A LocalCluster's workers get the memory cap of
    ``--max-memory`` (by default a share of the machine, as for a local pool)."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ImportError("--dask needs the extra: pip install 'vanban[dask]'") from err
    if address and address != "local":
        return Client(address), None
    cap = cap_for(max_memory_mb, LOCAL_WORKERS)
    cluster = LocalCluster(
        n_workers=LOCAL_WORKERS,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        # Dask's own limit (it restarts a worker past it) stays above the cap the tasks take
        memory_limit=f"{cap * NANNY_MARGIN:.0f}MiB" if cap > 0 else 0,
    )
    client = Client(cluster)
    client.register_plugin(die_with_run(os.getpid()), name="vanban-die-with-run")
    return client, cluster


def die_with_run(parent: int):
    """A Dask worker plugin: each worker of our LocalCluster dies with the vanban process that
    started it, even by SIGKILL and even while a task holds the GIL in C code (then Dask's own
    watch of the parent, a Python thread, cannot run)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class DieWithRun(WorkerPlugin):
        def setup(self, worker) -> None:
            from pipeline.run.stopping import die_with_parent

            die_with_parent(parent)

    return DieWithRun()


def run_partitions(
    paths: Iterable[str | Path],
    *,
    address: str | None = None,
    client=None,
    out_dir: str | Path | None = None,
    tokens: bool = False,
    part_format: str = "jsonl",
    known_ids: Iterable[tuple[str, str]] = (),
    docs_per_partition: int = DOCS_PER_PARTITION,
    work: Callable[..., PartResult] = process_partition,
    max_memory_mb: float | None = None,
) -> Iterator[dict | Failure | int]:
    """Records and Failures of every input, in input order, computed on Dask; an int counts skipped documents.

    ``out_dir`` keeps the part files (default: a temporary folder, removed at the end). Stopped
    (Ctrl-C, SIGTERM, SIGHUP), it gives the partitions already finished, then closes the
    cluster it started: no worker outlives the run.
    """
    if part_format not in PART_FORMATS:
        raise ValueError(f"unknown part format {part_format!r} (use one of {', '.join(PART_FORMATS)})")
    parts = plan_partitions(paths, docs_per_partition)
    own_client, cluster = client is None, None
    if client is None:
        client, cluster = client_for(address, max_memory_mb)
    scratch = None if out_dir else tempfile.TemporaryDirectory(prefix="vanban-dask-")
    folder = str(Path(out_dir or scratch.name).resolve())  # type: ignore[union-attr]
    Path(folder).mkdir(parents=True, exist_ok=True)
    # a cluster of ours is on this machine: its share of it; a cluster elsewhere: the cap asked for, if any
    memory_mb = cap_for(max_memory_mb, LOCAL_WORKERS) if cluster is not None else (max_memory_mb or 0.0)
    try:
        ids = client.scatter([frozenset(known_ids)], broadcast=True)[0] if known_ids else frozenset()
        futures = [
            client.submit(
                work,
                part,
                folder,
                tokens,
                part_format,
                ids,
                memory_mb,
                key=f"vanban-part-{part.index}-{os.getpid()}-{id(parts)}",
                pure=False,
            )
            for part in parts
        ]
        pending = list(futures)
        reading: PartResult | None = None  # a part being read when a stop came: read again
        left: deque[dict | Failure | int] = deque()  # what is read of a part and not yet given
        try:
            while pending:
                reading = pending[0].result()
                pending.pop(0).release()
                left = deque(_part_items(reading))
                reading = None
                while left:  # a stop thrown in at the yield leaves the rest of the part in ``left``
                    yield left.popleft()
        except KeyboardInterrupt:  # keep the rest of this part and the partitions already finished, in order
            finished = [f.result() for f in pending if f.status == "finished"]
            for future in pending:
                future.cancel()
            yield from _part_items(reading) if reading is not None else left
            for result in finished:
                yield from _part_items(result)
            raise
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
        if scratch is not None:
            scratch.cleanup()
