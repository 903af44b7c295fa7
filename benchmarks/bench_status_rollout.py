"""`vanban query status` and `rollout` on synthetic stores (those of bench_graph_queries.py):
latency in process (p50/p95, from the store's graph tables through graph/ask_status.py) and
the wall time and peak memory of a whole `vanban query` process, per store size.

Usage::

    .venv/bin/python benchmarks/bench_status_rollout.py --docs 100000 1000000 [--dir /tmp/vanban-bench]
        [--keep] [--repeat 50] [--calls 5] [--compare /path/to/other/checkout] [--rounds 3]

A store made by bench_graph_queries.py with ``--keep`` in the same ``--dir`` is reused.

``--compare ROOT`` times another checkout of vanban (e.g. ``git archive main | tar -x -C ROOT``)
beside this one, in the same run, on the same store and the same questions: its code is put
first on ``PYTHONPATH`` (the same interpreter and libraries). The two take turns (``--rounds``
fresh in-process workers each, then the whole processes one after the other), each going first
in every other turn (use an even ``--rounds``), so that a load on the machine weighs on both
alike; the figures are printed side by side with their ratio.

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_graph_queries import child_make_store, levels_for, node_of  # noqa: E402

THIS = str(Path(__file__).resolve().parent.parent)


def _pct(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def _in_process(db: str, n_docs: int, repeat: int) -> dict:
    """Each question's times (ms) and row counts, in this process (the code on its path)."""
    from graph.ask import GraphIndex
    from graph.ask_status import IndexSource, index_rollout, index_status

    rng = random.Random(7)
    roots, middle, duk, leaves = levels_for(n_docs)
    index = GraphIndex(sqlite3.connect(db))  # the tables as they are (the store was indexed when filled)
    start = time.perf_counter()
    index.adjacency()  # the relation edges' CSR copy rollouts walk: built once per version of the tables
    found: dict = {"edge cache s": time.perf_counter() - start, "questions": {}}
    plan = {
        "doc CENTRAL (reference: graph/ask.py)": [node_of(*rng.choice(middle)) for _ in range(repeat)],
        "status LEAF": [node_of(*rng.choice(leaves)) for _ in range(repeat)],
        "status CENTRAL (many implementers)": [node_of(*rng.choice(middle)) for _ in range(repeat)],
        "rollout ĐUK": [node_of(*rng.choice(duk)) for _ in range(repeat)],
        "rollout CENTRAL --with-basis": [node_of(*rng.choice(middle)) for _ in range(repeat)],
        "rollout ROOT --with-basis": [node_of(*rng.choice(roots)) for _ in range(max(5, repeat // 5))],
    }
    for name, nodes in plan.items():
        times, cpu, sizes = [], [], []
        for node in nodes:
            source = IndexSource(index)  # a fresh reader per question: nothing cached between them
            start, start_cpu = time.perf_counter(), time.process_time()
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
            cpu.append((time.process_time() - start_cpu) * 1000)
        found["questions"][name] = {"ms": times, "cpu ms": cpu, "rows": sizes}
    found["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return found


def _env(root: str) -> dict:
    return {**os.environ, "PYTHONPATH": root}


def _worker(root: str, db: str, n: int, repeat: int) -> dict:
    """The in-process questions asked by a fresh process running the code of ``root``."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", db, str(n), "--repeat", str(repeat)],
        env=_env(root),
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _one_call(argv: list[str], root: str) -> tuple[float, float, float, int, str]:
    """One whole ``vanban query`` process, from a process of its own so that its peak is its own:
    wall seconds, CPU seconds (user + system), peak memory MB, exit code, end of stderr."""
    probe = (
        "import subprocess, sys, time, json, resource;"
        "argv = json.loads(sys.argv[1]); start = time.perf_counter();"
        "done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE);"
        "wall = time.perf_counter() - start; used = resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps([wall, used.ru_utime + used.ru_stime, used.ru_maxrss / 1024,"
        " done.returncode, done.stderr.decode()[-300:]]))"
    )
    done = subprocess.run(  # run from the checkout: "-m" puts the working directory first on the path
        [sys.executable, "-c", probe, json.dumps(argv)],
        env=_env(root),
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    wall, cpu, peak, code, err = json.loads(done.stdout)
    return wall, cpu, peak, code, err


def _in_turn(roots: dict[str, str], turn: int) -> list[tuple[str, str]]:
    """The checkouts in the order of this turn: one first, then the other first (going first is
    not the same as going second on a busy machine: the two places are shared alike)."""
    ordered = list(roots.items())
    return ordered[::-1] if turn % 2 else ordered


def _whole_asks(n_docs: int, calls: int) -> dict[str, list[list[str]]]:
    rng = random.Random(8)
    roots, middle, _duk, leaves = levels_for(n_docs)
    return {
        "vanban query doc CENTRAL (reference)": [["doc", node_of(*rng.choice(middle))] for _ in range(calls)],
        "vanban query status LEAF": [["status", node_of(*rng.choice(leaves))] for _ in range(calls)],
        "vanban query rollout CENTRAL --with-basis": [
            ["rollout", node_of(*rng.choice(middle)), "--with-basis"] for _ in range(calls)
        ],
        "vanban query rollout ROOT --with-basis": [
            ["rollout", node_of(*rng.choice(roots)), "--with-basis"] for _ in range(calls)
        ],
    }


def _whole(db: str, n_docs: int, calls: int, roots: dict[str, str]) -> dict:
    """Whole processes, the checkouts taking turns call after call: {ask: {checkout: (walls, peaks)}}."""
    found: dict = {}
    for name, asks in _whole_asks(n_docs, calls).items():
        found[name] = {label: ([], [], []) for label in roots}
        for turn, args in enumerate(asks):
            for label, root in _in_turn(roots, turn):
                wall, cpu, peak, code, err = _one_call(
                    [sys.executable, "-m", "pipeline.cli", "query", "--db", db, *args], root
                )
                if code != 0:
                    print(f"  {name} ({label}): failed: {err.strip()}")
                    continue
                found[name][label][0].append(wall)
                found[name][label][1].append(cpu)
                found[name][label][2].append(peak)
    return found


def _report(n: int, workers: dict[str, list[dict]], whole: dict) -> None:
    labels = list(workers)
    print(
        f"  in process, wall p50 / p95 ms over {len(workers[labels[0]])} fresh worker(s) each"
        " (and the CPU time's p50: what the question costs, whatever else runs on the machine):"
    )
    head = "".join(f"  {label + ' p50 / p95 (cpu)':>30}" for label in labels)
    ratio = "  ratio p50 (cpu)" if len(labels) == 2 else ""
    if ratio:
        print(f"  (ratio: {labels[0]}'s time / {labels[1]}'s, above 1 when {labels[1]} is faster)")
    print(f"  {'question':<40}{head}{ratio}   rows (median, max)")
    names = list(workers[labels[0]][0]["questions"])
    for name in names:
        cells, p50s, cpus, rows = [], [], [], []
        for label in labels:
            times = [t for w in workers[label] for t in w["questions"][name]["ms"]]
            cpu = [t for w in workers[label] for t in w["questions"][name]["cpu ms"]]
            rows = [r for w in workers[label] for r in w["questions"][name]["rows"]]
            p50, p95 = _pct(times)
            p50s.append(p50)
            cpus.append(statistics.median(cpu))
            cells.append(f"  {p50:9.2f} / {p95:7.2f} ({cpus[-1]:6.2f})")
        ratio = (
            f"  {p50s[0] / p50s[1]:7.1f}x ({cpus[0] / cpus[1]:.1f}x)" if len(p50s) == 2 and p50s[1] and cpus[1] else ""
        )
        print(f"  {name:<40}{''.join(cells)}{ratio}   ({statistics.median(rows):.0f}, {max(rows)})")
    for label in labels:
        peaks = [w["peak MB"] for w in workers[label]]
        cache = [w["edge cache s"] for w in workers[label]]
        mapped = [peak for peak, ready in zip(peaks, cache) if ready < 5] or peaks  # not the one that built it
        print(
            f"  {label}: peak memory of a worker {max(mapped):.0f} MB (the one that built the edge cache:"
            f" {max(peaks):.0f} MB); edge cache ready in {min(cache):.2f} s (built in {max(cache):.1f} s)"
        )
    print("  whole processes (python -m pipeline.cli query ...): wall p50 / max s, CPU (user + system) p50 s, peak MB:")
    for name, per in whole.items():
        cells, p50s, cpus = [], [], []
        for label in labels:
            walls, cpu, peaks = per[label]
            if not walls:
                cells.append(f"  {label}: failed")
                continue
            p50s.append(statistics.median(walls))
            cpus.append(statistics.median(cpu))
            cells.append(f"  {label} {p50s[-1]:.2f} / {max(walls):.2f} s cpu {cpus[-1]:.2f} s {max(peaks):4.0f} MB")
        ratio = f"  ratio {p50s[0] / p50s[1]:.2f}x (cpu {cpus[0] / cpus[1]:.2f}x)" if len(p50s) == 2 and cpus[1] else ""
        print(f"  {name:<44}{''.join(cells)}{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[100_000])
    parser.add_argument("--dir", default="/tmp/vanban-bench")
    parser.add_argument("--keep", action="store_true", help="keep the stores (reused by a later run)")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--compare", metavar="ROOT", help="another checkout, timed beside this one")
    parser.add_argument("--rounds", type=int, default=1, help="fresh in-process workers per checkout, taking turns")
    parser.add_argument("--child", nargs=2, metavar=("DB", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_in_process(args.child[0], int(args.child[1]), args.repeat)))
        return
    roots = {"other": os.path.abspath(args.compare), "this": THIS} if args.compare else {"this": THIS}
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    for n in args.docs:
        db = os.path.join(args.dir, f"synthetic-{n}.db")
        print(f"== {n:,} documents ({db}); {' vs '.join(f'{k}: {v}' for k, v in roots.items())}")
        if not os.path.exists(db):
            made = child_make_store(db, n, seed=22)
            print(
                f"  store filled in {made['fill_s']:.0f} s, indexed in {made['index_s']:.0f} s,"
                f" {made['size_after_mb']:.0f} MB"
            )
        load = [os.getloadavg()[0]]
        workers: dict[str, list[dict]] = {label: [] for label in roots}
        for turn in range(args.rounds):
            for label, root in _in_turn(roots, turn):  # a load on the machine weighs on both
                workers[label].append(_worker(root, db, n, args.repeat))
        load.append(os.getloadavg()[0])
        whole = _whole(db, n, args.calls, roots)
        load.append(os.getloadavg()[0])
        _report(n, workers, whole)
        print(
            f"  load average (1 min) at start, between, end: {', '.join(f'{x:.1f}' for x in load)} on {os.cpu_count()} cores"
        )
        if not args.keep:
            for path in Path(args.dir).glob(f"synthetic-{n}.db*"):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
    print(json.dumps({"python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
