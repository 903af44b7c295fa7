"""What relation finding costs the pipeline: throughput with and without it, side by side.

After one untimed warm-up pass, each document goes through the whole pipeline
(``process_document``) twice back to back (which goes first alternates), once as it is and once with ``find_relations``
replaced by a function that finds nothing, so that the shared machine's changing load hits
both alike; the time spent inside ``find_relations`` itself is summed too. The ratio
"with / without" reads like every vanban ratio: above 1 means faster, so 0.97 means relation
finding costs 3 % of throughput.

Usage::

    .venv/bin/python benchmarks/bench_relations.py [-n 200] [--rounds 2] [PATH]

PATH defaults to the bench corpus beside the checkout (as ``vanban bench``). Run it with
``PYTHONPATH`` set to another checkout to measure that code the same way.
A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import extractors.relations as relations
from pipeline.evaluate.bench import default_source, load_documents
from pipeline.run.process import process_document


def timed_rounds(docs, rounds: int) -> tuple[float, float, float]:
    """Seconds with relations, seconds without, and seconds inside find_relations (with)."""
    original = relations.find_relations
    inside = 0.0

    def counting(*args, **kwargs):
        nonlocal inside
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            inside += time.perf_counter() - started

    with_s = without_s = 0.0
    try:
        for _ in range(rounds):  # each document with and without, back to back: load changes hit both
            for i, doc in enumerate(docs):
                for finding in (True, False) if i % 2 == 0 else (False, True):  # who goes first alternates
                    relations.find_relations = counting if finding else (lambda *args, **kwargs: [])
                    started = time.perf_counter()
                    process_document(doc)
                    if finding:
                        with_s += time.perf_counter() - started
                    else:
                        without_s += time.perf_counter() - started
    finally:
        relations.find_relations = original
    return with_s, without_s, inside


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=None)
    parser.add_argument("-n", "--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    path = args.path or default_source()
    docs = load_documents(path, args.limit)
    for doc in docs:  # warm up: model loading and first-time caches are not throughput
        process_document(doc)
    with_s, without_s, inside = timed_rounds(docs, args.rounds)
    n = len(docs) * args.rounds
    print(f"code: {Path(relations.__file__).resolve().parent.parent}")
    print(f"corpus: {path} ({len(docs)} documents x {args.rounds} rounds)")
    print(f"pipeline with relations:     {n / with_s:7.2f} docs/s  ({with_s:.1f} s)")
    print(f"pipeline without relations:  {n / without_s:7.2f} docs/s  ({without_s:.1f} s)")
    print(f"ratio with/without: {without_s / with_s:.3f}x  (above 1 = faster; 1 - ratio = cost of relations)")
    print(f"inside find_relations: {inside:.2f} s = {100 * inside / with_s:.2f} % of the pipeline's time")


if __name__ == "__main__":
    main()
