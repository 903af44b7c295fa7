"""Throughput of vanban beside underthesea's ``word_tokenize`` alone on the same lines, and peak memory.

Every figure is a throughput ratio: the pipeline's documents per second ÷ the
tokenizer's documents per second on the same documents (above 1: the pipeline
is faster than the segmenter alone). Three pipelines are measured: ``extract``
(no words), ``extract --tokens`` (underthesea's words in the record) and ``run``
(the store, with the full-text index and keywords); each in this process
(after a warm-up, the line cache emptied before each) and as a whole process
(start-up included, as a user sees it), with the peak memory of each process.

``python -m pipeline.evaluate.bench tokenize FILE.jsonl`` is the tokenizer alone as a
process: ``word_tokenize`` on every non-empty line of every text of the file.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.models import RawDocument

SHARED_BENCH = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bench"
BUNDLED_CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PIPELINES = ("extract", "extract --tokens", "run")


@dataclass
class Timing:
    seconds: float
    docs_per_s: float
    ratio: float | None = None  # docs/s ÷ the tokenizer's docs/s (same way of measuring)
    peak_rss_mb: float | None = None


@dataclass
class BenchResult:
    source: str
    fallback: bool  # True: the bench corpus was not found, the bundled corpus was used
    documents: int
    characters: int
    tokenizer_in_process: Timing
    in_process: dict[str, Timing]
    tokenizer_whole_process: Timing | None = None
    whole_process: dict[str, Timing] = field(default_factory=dict)
    peak_rss_mb: float = 0.0  # this process (the in-process figures)
    cache: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def default_source() -> tuple[Path, bool]:
    """The bench corpus beside the checkout when present (False), else the bundled corpus (True)."""
    dumps = sorted(SHARED_BENCH.glob("*.jsonl")) if SHARED_BENCH.is_dir() else []
    return (dumps[0], False) if dumps else (BUNDLED_CORPUS, True)


def load_documents(path: Path, limit: int) -> list[RawDocument]:
    from pipeline.run.process import iter_documents

    docs: list[RawDocument] = []
    for item in iter_documents([path]):
        if isinstance(item, RawDocument):
            docs.append(item)
            if limit and len(docs) >= limit:
                break
    return docs


def tokenize_lines(texts: list[str]) -> int:
    """underthesea's word_tokenize on every non-empty line; the number of lines."""
    from underthesea import word_tokenize

    lines = 0
    for text in texts:
        for line in text.split("\n"):
            if line.strip():
                word_tokenize(line)
                lines += 1
    return lines


def _timed(documents: int, work: Callable[[], object]) -> Timing:
    started = time.perf_counter()
    work()
    seconds = time.perf_counter() - started
    return Timing(seconds=round(seconds, 3), docs_per_s=round(documents / seconds, 2))


def _fresh_cache() -> None:
    from vntext.segment import segmenter

    seg = segmenter()
    seg._cache.clear()
    seg.hits = seg.misses = 0


Step = Callable[[str], None]  # told the name of each step as it begins (a progress bar)
IN_PROCESS_STEPS = ("warm-up", "tokenizer", "extract", "extract --tokens", "run")
WHOLE_PROCESS_STEPS = tuple(f"{name} (whole process)" for name in ("tokenizer", "extract", "extract --tokens", "run"))


def bench_steps(whole_process: bool) -> tuple[str, ...]:
    """The steps a bench goes through, in order."""
    return (WHOLE_PROCESS_STEPS if whole_process else ()) + IN_PROCESS_STEPS


def _no_step(name: str) -> None:
    pass


def _in_process(
    docs: list[RawDocument], workdir: Path, on_step: Step = _no_step
) -> tuple[Timing, dict[str, Timing], dict[str, int]]:
    from pipeline.run.process import process_document
    from pipeline.store.db import Store
    from pipeline.store.search import refresh_keywords

    on_step("warm-up")
    process_document(docs[0], tokens=True)  # warm up: models and tables loaded
    n = len(docs)
    on_step("tokenizer")
    tokenizer = _timed(n, lambda: tokenize_lines([d.text for d in docs]))

    def run() -> None:
        with Store(workdir / "in-process.db") as store:
            for doc in docs:
                store.put(process_document(doc, tokens=True))
            refresh_keywords(store.db)

    timings: dict[str, Timing] = {}
    cache: dict[str, int] = {}
    for name, work in (
        ("extract", lambda: [process_document(d) for d in docs]),
        ("extract --tokens", lambda: [process_document(d, tokens=True) for d in docs]),
        ("run", run),
    ):
        on_step(name)
        _fresh_cache()
        timings[name] = _timed(n, work)
        if name == "extract --tokens":
            from vntext.segment import segmenter

            cache = {"line_hits": segmenter().hits, "line_misses": segmenter().misses}
    for timing in timings.values():
        timing.ratio = round(timing.docs_per_s / tokenizer.docs_per_s, 2)
    return tokenizer, timings, cache


def _process(documents: int, argv: list[str]) -> Timing:
    """Run a command as a whole process; its wall time and its own peak memory."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):  # 1: some document failed, which bench reports elsewhere
        raise RuntimeError(f"{' '.join(argv)} exited with {child.returncode}")
    return Timing(
        seconds=round(seconds, 3),
        docs_per_s=round(documents / seconds, 2),
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),
    )


def _whole_process(
    docs: list[RawDocument], path: Path, limit: int, workdir: Path, on_step: Step = _no_step
) -> tuple[Timing, dict[str, Timing]]:
    texts = workdir / "texts.jsonl"
    with texts.open("w", encoding="utf-8") as stream:
        for doc in docs:
            stream.write(json.dumps({"text": doc.text}, ensure_ascii=False) + "\n")
    sample = path
    if path.is_file() and path.suffix == ".jsonl" and limit:
        sample = workdir / "sample.jsonl"
        with path.open("rb") as src, sample.open("wb") as dst:
            for i, line in enumerate(src):
                if i >= limit:
                    break
                dst.write(line)
    python = sys.executable
    n = len(docs)
    on_step(WHOLE_PROCESS_STEPS[0])
    tokenizer = _process(n, [python, "-m", "pipeline.evaluate.bench", "tokenize", str(texts)])
    vanban = [python, "-m", "pipeline.cli"]
    commands = {
        "extract": vanban + ["extract", str(sample), "-o", os.devnull],
        "extract --tokens": vanban + ["extract", "--tokens", str(sample), "-o", os.devnull],
        "run": vanban + ["run", str(sample), "--db", str(workdir / "whole-process.db"), "--no-progress"],
    }
    timings = {}
    for (name, argv), step in zip(commands.items(), WHOLE_PROCESS_STEPS[1:]):
        on_step(step)
        timings[name] = _process(n, argv)
    for timing in timings.values():
        timing.ratio = round(timing.docs_per_s / tokenizer.docs_per_s, 2)
    return tokenizer, timings


def run_bench(
    path: Path | None = None, limit: int = 200, whole_process: bool = True, on_step: Step = _no_step
) -> BenchResult:
    """Time the pipelines on ``limit`` documents of ``path``; ``on_step`` is told each step (``bench_steps``) as it begins."""
    fallback = False
    if path is None:
        path, fallback = default_source()
    docs = load_documents(path, limit)
    if not docs:
        raise ValueError(f"no readable documents in {path}")
    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as tmp:
        workdir = Path(tmp)
        outer: tuple[Timing | None, dict[str, Timing]] = (None, {})
        if whole_process:  # first, while this process is small (a child's peak memory counts its parent's at fork)
            outer = _whole_process(docs, path, limit, workdir, on_step)
        tokenizer, timings, cache = _in_process(docs, workdir, on_step)
    return BenchResult(
        source=str(path),
        fallback=fallback,
        documents=len(docs),
        characters=sum(len(d.text) for d in docs),
        tokenizer_in_process=tokenizer,
        in_process=timings,
        tokenizer_whole_process=outer[0],
        whole_process=outer[1],
        cache=cache,
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )


def format_bench(result: BenchResult) -> str:
    lines = [f"corpus: {result.source} ({result.documents} documents, {result.characters:,} characters)"]
    if result.fallback:
        lines.append(
            f"NOTE: the bench corpus ({SHARED_BENCH}) was not found: these figures are on the bundled "
            "corpus, a few short texts, and say little about throughput"
        )
    lines.append("ratio = pipeline docs/s ÷ underthesea word_tokenize docs/s on the same lines (above 1: faster)")
    header = f"{'':<22}{'in-process':>22}{'whole process':>34}"
    lines += [header, f"{'':<22}{'docs/s':>10}{'ratio':>12}{'docs/s':>12}{'ratio':>10}{'peak MB':>12}"]

    def row(name: str, inner: Timing, outer: Timing | None) -> str:
        text = f"{name:<22}{inner.docs_per_s:>10.2f}{_ratio(inner):>12}"
        if outer is not None:
            text += f"{outer.docs_per_s:>12.2f}{_ratio(outer):>10}{outer.peak_rss_mb or 0:>12.1f}"
        return text

    lines.append(row("tokenizer alone", result.tokenizer_in_process, result.tokenizer_whole_process))
    for name in PIPELINES:
        lines.append(row(f"vanban {name}", result.in_process[name], result.whole_process.get(name)))
    if result.cache:
        total = result.cache["line_hits"] + result.cache["line_misses"]
        lines.append(f"line cache (extract --tokens): {result.cache['line_hits']} of {total} lines seen before")
    lines.append(f"peak memory of the in-process bench: {result.peak_rss_mb} MB")
    return "\n".join(lines)


def _ratio(timing: Timing) -> str:
    return "" if timing.ratio is None else f"{timing.ratio:.2f}x"


def main(argv: list[str]) -> None:
    """``python -m pipeline.evaluate.bench tokenize FILE.jsonl``: the tokenizer alone, as a process."""
    if len(argv) != 2 or argv[0] != "tokenize":
        sys.exit("usage: python -m pipeline.evaluate.bench tokenize FILE.jsonl")
    started = time.perf_counter()
    with open(argv[1], encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line in stream if line.strip()]
    lines = tokenize_lines(texts)
    seconds = time.perf_counter() - started
    print(f"{len(texts)} documents, {lines} lines, {seconds:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
