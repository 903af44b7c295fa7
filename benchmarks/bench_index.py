"""`vanban run` time and store size, this tree against an older revision, side by side in one run.

The older revision (``--before``, e.g. the commit before the store had one full-text index)
is exported with ``git archive`` into a temporary folder and run from there with the same
Python; the two are run in turn on the same sample (the first ``-n`` lines of a JSON Lines
file), each into a fresh store, ``--repeat`` times. Prints the median wall time of the whole
``vanban run`` process, the store's size on disk and its largest tables (SQLite ``dbstat``),
and the ratios after/before (below 1: this tree is faster / smaller). Then, to see the
index alone without the extraction that dominates a run: the sample's records (with their
words) are made once, and each tree times storing them (``Store.put``, the keywords, the
close) in its own process, in turn, ``--repeat`` times.

    python benchmarks/bench_index.py --before 148cfc7 -n 200 \\
        ../shared/corpus/bench/tai_lieu_noi_bo-3000.jsonl
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUN = "from pipeline.cli.commands import main; main()"
# one tree stores ready records (argv: records JSONL, store) and prints the seconds it took
STORE = """
import json, sys, time
from pipeline.store.search import refresh_keywords
from pipeline.store.db import Store
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
start = time.perf_counter()
with Store(sys.argv[2]) as store:
    for record in records:
        store.put(record)
    refresh_keywords(store.db)
print(time.perf_counter() - start)
"""


def export(revision: str, into: Path) -> Path:
    """The tree of ``revision`` as files under ``into``."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run_once(tree: Path, sample: Path, db: Path) -> float:
    """Seconds of one whole ``vanban run`` process of ``tree`` on ``sample`` into a new store ``db``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RUN, "run", str(sample), "--db", str(db), "--no-progress"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"vanban run failed in {tree}:\n{done.stderr[-2000:]}")
    return elapsed


def store_once(tree: Path, records: Path, db: Path) -> float:
    """Seconds ``tree`` takes to store ready records into a new store (measured in its process)."""
    done = subprocess.run(
        [sys.executable, "-c", STORE, str(records), str(db)],
        cwd=tree,
        env=dict(os.environ, PYTHONPATH=str(tree)),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"storing failed in {tree}:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def make_records(sample: Path, out: Path) -> None:
    """The sample's records with their words, as vanban run stores them (this tree's pipeline)."""
    import json

    from pipeline.models import RawDocument
    from pipeline.run.process import iter_documents, process_document

    with out.open("w", encoding="utf-8") as f:
        for raw in iter_documents([sample]):
            if isinstance(raw, RawDocument):
                f.write(json.dumps(process_document(raw, tokens=True), ensure_ascii=False) + "\n")


def size_on_disk(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))


def largest_tables(db: Path, n: int = 8) -> list[tuple[str, int]]:
    """The tables and indexes taking the most bytes (a full-text index's own tables included)."""
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT ?", (n,)
        ).fetchall()
    except sqlite3.Error:  # SQLite built without dbstat
        return []
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", type=Path, help="a JSON Lines corpus (its first -n lines are the sample)")
    parser.add_argument("--before", required=True, help="the older revision (a commit, tag or branch)")
    parser.add_argument("-n", type=int, default=200, help="documents in the sample")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tree")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanban-bench-index-") as tmp:
        work = Path(tmp)
        sample = work / "sample.jsonl"
        with args.jsonl.open(encoding="utf-8") as src:
            sample.write_text("".join(islice(src, args.n)), encoding="utf-8")
        trees = {"before": export(args.before, Path(tempfile.mkdtemp(dir=work))), "after": REPO}
        times: dict[str, list[float]] = {name: [] for name in trees}
        sizes: dict[str, int] = {}
        for i in range(args.repeat):
            for name, tree in trees.items():  # in turn, so that both meet the same load on the machine
                db = work / f"{name}-{i}" / "vanban.db"
                db.parent.mkdir()
                times[name].append(run_once(tree, sample, db))
                sizes[name] = size_on_disk(db)
                print(f"run {i + 1} {name}: {times[name][-1]:.1f} s, {sizes[name] / 1e6:.2f} MB", file=sys.stderr)
        print(f"vanban run on {args.n} documents of {args.jsonl.name}, median of {args.repeat} whole-process runs")
        print(f"{'':8} {'time s':>8} {'store MB':>9}")
        for name in trees:
            print(f"{name:8} {statistics.median(times[name]):8.1f} {sizes[name] / 1e6:9.2f}")
        t_ratio = statistics.median(times["after"]) / statistics.median(times["before"])
        print(f"time after/before: {t_ratio:.2f} (below 1: after is faster)")
        print(f"size after/before: {sizes['after'] / sizes['before']:.2f} (below 1: after is smaller)")
        for name in trees:
            tables = largest_tables(work / f"{name}-{args.repeat - 1}" / "vanban.db")
            print(f"largest tables {name}: " + ", ".join(f"{t} {b / 1e6:.2f} MB" for t, b in tables))
        records = work / "records.jsonl"
        make_records(sample, records)
        stored: dict[str, list[float]] = {name: [] for name in trees}
        for i in range(args.repeat):
            for name, tree in trees.items():
                stored[name].append(store_once(tree, records, work / f"store-{name}-{i}.db"))
        print(f"storing the {args.n} ready records (put, keywords, close), in-process, median of {args.repeat}:")
        for name in trees:
            print(f"{name:8} {statistics.median(stored[name]):8.2f} s")
        s_ratio = statistics.median(stored["after"]) / statistics.median(stored["before"])
        print(f"storing time after/before: {s_ratio:.2f} (below 1: after is faster)")


if __name__ == "__main__":
    main()
