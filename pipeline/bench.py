"""Throughput of the whole pipeline beside underthesea's word_tokenize alone, on the same texts."""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.models import RawDocument
from pipeline.process import iter_documents

SHARED_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bench"
BUNDLED_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@dataclass
class BenchResult:
    documents: int
    characters: int
    pipeline_seconds: float
    tokenizer_seconds: float
    peak_rss_mb: float
    source: str

    @property
    def pipeline_docs_per_s(self) -> float:
        return self.documents / self.pipeline_seconds

    @property
    def tokenizer_docs_per_s(self) -> float:
        return self.documents / self.tokenizer_seconds

    @property
    def ratio(self) -> float:
        """How many times longer the whole pipeline takes than the tokenizer alone."""
        return self.pipeline_seconds / self.tokenizer_seconds

    def as_dict(self) -> dict:
        return {
            "source": self.source, "documents": self.documents, "characters": self.characters,
            "pipeline": {"seconds": round(self.pipeline_seconds, 2),
                         "docs_per_s": round(self.pipeline_docs_per_s, 2),
                         "chars_per_s": round(self.characters / self.pipeline_seconds)},
            "tokenizer_alone": {"seconds": round(self.tokenizer_seconds, 2),
                                "docs_per_s": round(self.tokenizer_docs_per_s, 2),
                                "chars_per_s": round(self.characters / self.tokenizer_seconds)},
            "ratio_pipeline_to_tokenizer": round(self.ratio, 2),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
        }


def default_source() -> Path:
    """The bench corpus beside the checkout when present, else the bundled corpus."""
    dumps = sorted(SHARED_BENCH.glob("*.jsonl")) if SHARED_BENCH.is_dir() else []
    return dumps[0] if dumps else BUNDLED_CORPUS


def load_documents(path: Path, limit: int) -> list[RawDocument]:
    docs = [d for d in iter_documents([path]) if isinstance(d, RawDocument)]
    return docs[:limit] if limit else docs


def run_bench(path: Path | None = None, limit: int = 200) -> BenchResult:
    from underthesea import word_tokenize

    from pipeline.process import process_document

    path = path or default_source()
    docs = load_documents(path, limit)
    if not docs:
        raise ValueError(f"no readable documents in {path}")
    # warm up both (model loading is not throughput)
    process_document(docs[0])
    word_tokenize(docs[0].text[:200])

    started = time.perf_counter()
    for doc in docs:
        process_document(doc)
    pipeline_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for doc in docs:
        word_tokenize(doc.text)
    tokenizer_seconds = time.perf_counter() - started

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return BenchResult(
        documents=len(docs), characters=sum(len(d.text) for d in docs),
        pipeline_seconds=pipeline_seconds, tokenizer_seconds=tokenizer_seconds,
        peak_rss_mb=peak_kb / 1024, source=str(path),
    )


def format_bench(result: BenchResult) -> str:
    d = result.as_dict()
    return "\n".join([
        f"corpus: {d['source']} ({d['documents']} documents, {d['characters']:,} characters)",
        f"vanban pipeline:      {d['pipeline']['docs_per_s']:8.2f} docs/s  {d['pipeline']['chars_per_s']:>9,} chars/s"
        f"  ({d['pipeline']['seconds']} s)",
        f"underthesea alone:    {d['tokenizer_alone']['docs_per_s']:8.2f} docs/s  "
        f"{d['tokenizer_alone']['chars_per_s']:>9,} chars/s  ({d['tokenizer_alone']['seconds']} s)",
        f"ratio pipeline/tokenizer: {d['ratio_pipeline_to_tokenizer']:.2f}x",
        f"peak memory (RSS): {d['peak_rss_mb']} MB",
    ])
