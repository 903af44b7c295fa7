"""`vanban query status` and `rollout` on synthetic stores (those of bench_graph_queries.py):
latency in process (p50/p95, from the store's graph tables through graph/ask_status.py) and
the wall time and peak memory of a whole `vanban query` process, per store size.

Usage::

    .venv/bin/python benchmarks/bench_status_rollout.py --docs 100000 1000000 [--dir /tmp/vanban-bench]
        [--keep] [--repeat 50] [--calls 5]

A store made by bench_graph_queries.py with ``--keep`` in the same ``--dir`` is reused.
A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_graph_queries import child_make_store, levels_for, node_of  # noqa: E402

VANBAN = [sys.executable, "-m", "pipeline.cli"]


def _pct(times: list[float]) -> str:
    times = sorted(times)
    return f"p50 {statistics.median(times):7.2f} ms  p95 {times[int(0.95 * (len(times) - 1))]:7.2f} ms"


def _in_process(db: str, n_docs: int, repeat: int) -> None:
    from graph.ask import GraphIndex
    from graph.ask_status import IndexSource, index_rollout, index_status

    rng = random.Random(7)
    roots, middle, duk, leaves = levels_for(n_docs)
    index = GraphIndex(sqlite3.connect(db))  # the tables as they are (the store was indexed when filled)
    start = time.perf_counter()
    index.adjacency()  # the relation edges' CSR copy rollouts walk: built once per version of the tables
    print(f"  edge cache ready in {time.perf_counter() - start:.1f} s (built when missing, else mapped)")
    plan = {
        "doc CENTRAL (reference: graph/ask.py)": [node_of(*rng.choice(middle)) for _ in range(repeat)],
        "status LEAF": [node_of(*rng.choice(leaves)) for _ in range(repeat)],
        "status CENTRAL (many implementers)": [node_of(*rng.choice(middle)) for _ in range(repeat)],
        "rollout ĐUK": [node_of(*rng.choice(duk)) for _ in range(repeat)],
        "rollout CENTRAL --with-basis": [node_of(*rng.choice(middle)) for _ in range(repeat)],
        "rollout ROOT --with-basis": [node_of(*rng.choice(roots)) for _ in range(max(5, repeat // 5))],
    }
    for name, nodes in plan.items():
        times, sizes = [], []
        for node in nodes:
            source = IndexSource(index)  # a fresh reader per question: nothing cached between them
            start = time.perf_counter()
            if name.startswith("doc"):
                index.doc(node)
                sizes.append(1)
            elif name.startswith("status"):
                index_status(source, node, "2026-01-01")
                sizes.append(1)
            else:
                answer = index_rollout(source, node, with_basis="--with-basis" in name)
                sizes.append(len(answer.rows))
            times.append((time.perf_counter() - start) * 1000)
        print(f"  {name:<38} {_pct(times)}   (rows: median {statistics.median(sizes):.0f}, max {max(sizes)})")
    print(
        f"  peak memory of the process asking them all: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    print(f"  load average while it ran: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _whole(db: str, n_docs: int, calls: int) -> None:
    rng = random.Random(8)
    roots, middle, _duk, leaves = levels_for(n_docs)
    asks = {
        "vanban query status LEAF": lambda: ["status", node_of(*rng.choice(leaves))],
        "vanban query rollout CENTRAL --with-basis": lambda: ["rollout", node_of(*rng.choice(middle)), "--with-basis"],
    }
    for name, args in asks.items():
        walls, peaks = [], []
        for _ in range(calls):
            argv = [*VANBAN, "query", "--db", db, *args()]
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True)
            walls.append(time.perf_counter() - start)
            peaks.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
            if done.returncode != 0:
                print(f"  {name}: failed: {done.stderr.strip()[-300:]}")
                break
        print(
            f"  {name:<44} wall p50 {statistics.median(walls):.2f} s  max {max(walls):.2f} s  "
            f"(peak of children so far {max(peaks):.0f} MB)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[100_000])
    parser.add_argument("--dir", default="/tmp/vanban-bench")
    parser.add_argument("--keep", action="store_true", help="keep the stores (reused by a later run)")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("DB", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _in_process(args.child[0], int(args.child[1]), args.repeat)
        return
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    for n in args.docs:
        db = os.path.join(args.dir, f"synthetic-{n}.db")
        print(f"== {n:,} documents ({db})")
        if not os.path.exists(db):
            made = child_make_store(db, n, seed=22)
            print(
                f"  store filled in {made['fill_s']:.0f} s, indexed in {made['index_s']:.0f} s,"
                f" {made['size_after_mb']:.0f} MB"
            )
        # in a fresh process, so that its peak memory is its own
        subprocess.run([sys.executable, __file__, "--child", db, str(n), "--repeat", str(args.repeat)], check=True)
        _whole(db, n, args.calls)
        if not args.keep:
            for path in Path(args.dir).glob(f"synthetic-{n}.db*"):
                if path.is_dir():
                    import shutil

                    shutil.rmtree(path)
                else:
                    path.unlink()
    print(json.dumps({"python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
