"""What each step of the word segmentation buys, measured side by side on the same lines.

Five ways to segment every non-empty line of the same texts, each starting cold
(no cache, models loaded beforehand), in rounds whose order rotates so that the
shared machine's changing load falls on all of them alike:

- ``word_tokenize``: underthesea's public function, line by line (the reference);
- ``steps``: underthesea's steps called directly (``SyllableTagger`` with its own
  featurizer and tagger), no line cache;
- ``steps + line cache``: the same with the segmenter's line cache;
- ``cached CRF``: the CRF scored from cached n-gram weights (``vntext/word_crf.py``),
  no line cache;
- ``cached CRF + line cache``: what ``vanban`` runs.

Printed: CPU seconds (median over rounds), the throughput ratio against
``word_tokenize`` (its seconds ÷ these; above 1 means faster), and how many lines
get other words than word_tokenize gives: only lines longer than ``PIECE_CHARS``
should, because vanban segments them in pieces. Usage::

    .venv/bin/python benchmarks/bench_segment.py [-n 200] [--rounds 3] [PATH]

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.evaluate.bench import default_source, load_documents
from vntext.segment import CACHE_LINES, PIECE_CHARS, Segmenter, SyllableTagger, align_words, iter_lines


def _lines(texts: list[str]) -> list[str]:
    return [line for text in texts for _, line in iter_lines(text) if line.strip()]


def ways(lines: list[str]) -> dict[str, Callable[[], list]]:
    """Each way to segment ``lines`` as a function giving every line's word spans."""
    from underthesea import word_tokenize

    underthesea_steps = SyllableTagger.load(cached_crf=False)
    if underthesea_steps is None:
        raise SystemExit("underthesea's steps were not found in this version")

    def reference() -> list:
        return [align_words(line, word_tokenize(line)) for line in lines]

    def with_tagger(cached_crf: bool, cache_lines: int) -> Callable[[], list]:
        def run() -> list:
            tagger = SyllableTagger.load(cached_crf=cached_crf) if cached_crf else underthesea_steps
            assert tagger is not None
            segmenter = Segmenter(cache_lines=cache_lines, tagger=tagger)
            return [list(segmenter.line_spans(line)) for line in lines]

        return run

    return {
        "word_tokenize": reference,
        "steps": with_tagger(False, 0),
        "steps + line cache": with_tagger(False, CACHE_LINES),
        "cached CRF": with_tagger(True, 0),
        "cached CRF + line cache": with_tagger(True, CACHE_LINES),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("-n", type=int, default=200, help="documents (default 200)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path, fallback = (args.path, False) if args.path else default_source()
    docs = load_documents(path, args.n)
    lines = _lines([d.text for d in docs])
    print(
        f"corpus: {path} ({len(docs)} documents, {len(lines):,} non-empty lines)" + (" (bundled)" if fallback else "")
    )
    candidates = ways(lines)
    seconds: dict[str, list[float]] = {name: [] for name in candidates}
    words: dict[str, list] = {}
    names = list(candidates)
    for round_ in range(args.rounds):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            started = time.process_time()
            words[name] = candidates[name]()
            seconds[name].append(time.process_time() - started)
    base = statistics.median(seconds["word_tokenize"])
    print("ratio = word_tokenize CPU seconds ÷ these CPU seconds (above 1: faster)")
    long_lines = sum(1 for line in lines if len(line) > PIECE_CHARS)
    print(f"{'':<26}{'CPU s (median)':>16}{'ratio':>9}  lines with other words than word_tokenize's")
    for name in names:
        median = statistics.median(seconds[name])
        differ = sum(1 for ours, theirs in zip(words[name], words["word_tokenize"]) if ours != theirs)
        print(f"{name:<26}{median:>16.2f}{base / median:>8.2f}x  {differ}")
    print(f"lines longer than {PIECE_CHARS} characters (segmented in pieces): {long_lines}")


if __name__ == "__main__":
    main()
