"""People in a gold set (dev, dev2): vanban's own finder beside underthesea's general NER.

Runs both over the texts of a gold directory (default ``../shared/corpus/dev``)
and scores them the same way, with the project's scorer
(``pipeline.evaluate.scores.score_file``, GOLD.md): the set of names per file, compared
after NFC, case folding and tone normalization, ``people_optional`` costing
nothing either way. For underthesea only its ``PER`` entities count (B-PER /
I-PER tokens joined into names); it gives no posts, so only ``people`` is
compared.

Usage::

    .venv/bin/python benchmarks/ner_baseline.py [GOLD_DIR]
    .venv/bin/python benchmarks/ner_baseline.py ../shared/corpus/dev2   # texts the rules were not written on

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.evaluate.scores import Report, load_gold, score_file
from pipeline.ingest import read_file
from pipeline.models import Failure
from pipeline.run.process import process_document
from vntext.normalize import normalize

DEFAULT_GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"


def underthesea_people(text: str) -> list[str]:
    """Names tagged PER by underthesea's ``ner``, line by line (it is a sentence tagger)."""
    from underthesea import ner

    names: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        current: list[str] = []
        for token in ner(line):
            word, tag = token[0], token[-1]
            if tag == "B-PER":
                if current:
                    names.append(" ".join(current))
                current = [word]
            elif tag == "I-PER" and current:
                current.append(word)
            else:
                if current:
                    names.append(" ".join(current))
                current = []
        if current:
            names.append(" ".join(current))
    return names


def as_record(names: list[str]) -> dict:
    """A minimal output record holding only people (what score_file reads for ``people``)."""
    return {
        "citations": [],
        "dates": [],
        "relations": [],
        "people": [{"name": n, "mentions": [], "posts": []} for n in dict.fromkeys(names)],
    }


def main(gold_dir: Path) -> None:
    ours, theirs = Report(), Report()
    seconds = {"vanban": 0.0, "underthesea": 0.0}
    for path, gold in load_gold(gold_dir):
        for raw in read_file(path):
            if isinstance(raw, Failure):
                print(raw.line(), file=sys.stderr)
                continue
            start = time.perf_counter()
            score_file(process_document(raw), gold, ours)
            seconds["vanban"] += time.perf_counter() - start
            text = normalize(raw.text, raw.format).text
            start = time.perf_counter()
            score_file(as_record(underthesea_people(text)), gold, theirs)
            seconds["underthesea"] += time.perf_counter() - start
    print(f"{ours.files} files in {gold_dir}")
    print(f"{'system':<24} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'seconds':>8}")
    for label, report, key in (
        ("vanban find_people", ours, "vanban"),
        ("underthesea ner (PER)", theirs, "underthesea"),
    ):
        s = report.scores["people"]
        print(
            f"{label:<24} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}"
            f" {seconds[key]:8.1f}"
        )
    posts = ours.scores["posts"]
    print(
        f"{'vanban posts':<24} {posts.precision:6.3f} {posts.recall:6.3f} {posts.f1:6.3f}"
        f" {posts.tp:5d} {posts.fp:5d} {posts.fn:5d}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_GOLD)
