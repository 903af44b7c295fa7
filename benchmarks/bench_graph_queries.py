"""Graph queries on synthetic stores of 100,000 and 1,000,000 documents: the store's graph
tables (graph/index.py) beside today's networkx path (build the graph from every record, then ask).

For each size the script fills a store with synthetic records (``Store.put``, as
``vanban run`` does), builds the graph tables, and reports, side by side:

* store fill time, index build time and the build's peak memory, store size on disk;
* the adjacency cache of walks and paths (graph/adjacency.py): time to get it in the query
  process (built and written when the tables changed since, else mapped) and its size;
* per-query latency p50/p95 in-process (a fresh process that opens the store and asks);
* whole-process ``vanban query ...`` wall time (p50/p95) and the peak memory of those processes;
* for sizes up to ``--networkx-upto``: the same queries on the networkx graph (graph build time,
  its peak memory, per-query latency, and the time to the first answer of a fresh process).

The synthetic graph has the party's four-level hierarchy (Bộ Chính trị → Ban Tổ chức
Trung ương → Đảng ủy Khối → Đảng ủy) with local codes repeating across issuers
(``1-HD/ĐU`` ... ``60-HD/ĐU`` of many Đảng ủy: ~13,000 issuers share each at 1M), one
synthetic text per document saying what it implements or rests on, and one person with a
post in every tenth text.

Usage::

    .venv/bin/python benchmarks/bench_graph_queries.py --docs 100000 1000000 [--networkx-upto 100000]
        [--repeat 200] [--calls 10] [--dir /tmp/vanban-bench] [--keep] [--incremental]

``--incremental`` adds one document to the store (sorting after the others) and times the
refresh that merges it into the graph tables, as ``vanban run`` does.

A benchmark, not a test: it prints figures and asserts nothing. Each worker step runs in a
fresh process (``--child ...``) so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

#: Share of documents per level: Bộ Chính trị, Ban Tổ chức TW, Đảng ủy Khối, Đảng ủy.
LEVELS = ((0.005, "QĐ", "TW"), (0.045, "HD", "BTCTW"), (0.15, "HD", "ĐUK"), (0.80, "HD", "ĐU"))
LOCAL_NUMBERS = 60  # local bodies number their own documents: 1-HD/ĐU ... 60-HD/ĐU, many times over
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Lan", "Mai", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo")
POSTS = (("Bí thư", "Đảng ủy Bộ"), ("Phó Bí thư", "Đảng ủy Khối"), ("Thứ trưởng", "Bộ Nội vụ"))


# --- the synthetic corpus --------------------------------------------------------------


def levels_for(n_docs: int) -> list[list[tuple[str, str | None]]]:
    """The documents of each level: (code, issuer); local codes repeat, told apart by issuer."""
    levels = []
    for share, doc_type, issuer_code in LEVELS:
        docs = []
        for i in range(max(1, int(n_docs * share))):
            if issuer_code in ("TW", "BTCTW"):
                docs.append((f"{i + 1}-{doc_type}/{issuer_code}", None))
            else:
                body = "Đảng ủy Khối" if issuer_code == "ĐUK" else "Đảng ủy Bộ"
                docs.append(
                    (f"{i % LOCAL_NUMBERS + 1}-{doc_type}/{issuer_code}", f"{body} số {i // LOCAL_NUMBERS + 1}")
                )
        levels.append(docs)
    return levels


def person_name(i: int) -> str:
    return f"{FAMILY[i % len(FAMILY)]} {MIDDLE[i // 10 % len(MIDDLE)]} {GIVEN[i // 80 % len(GIVEN)]} {i // 1120 + 1}"


def synthetic_records(n_docs: int, seed: int) -> Iterator[dict]:
    """One record per document below the top level (streamed: 1M records are never all in memory)."""
    rng = random.Random(seed)
    levels = levels_for(n_docs)
    number = 0
    for depth in range(1, len(levels)):
        for j, (code, issuer) in enumerate(levels[depth]):
            parents = rng.sample(levels[depth - 1], k=min(2, len(levels[depth - 1])))
            citations = [{"code": code, "issuer": issuer, "start": 0, "end": 30, "date": "2022-04-14"}]
            relations = []
            for k, (parent, parent_issuer) in enumerate(parents):
                citations.append(
                    {
                        "code": parent,
                        "issuer": parent_issuer,
                        "start": 40 + 60 * k,
                        "end": 90 + 60 * k,
                        "date": "2022-02-15",
                    }
                )
                relations.append(
                    {
                        "source": code,
                        "type": "implements" if k == 0 else "based_on",
                        "target": parent,
                        "confidence": round(rng.uniform(0.5, 0.95), 2),
                        "evidence": {"start": 0, "end": 160, "rule": "synthetic"},
                    }
                )
            people = []
            if number % 10 == 0:
                title, body = POSTS[number % len(POSTS)]
                people.append(
                    {
                        "name": person_name(number // 10 % 20_000),
                        "mentions": [{"start": 200, "end": 215}],
                        "posts": [{"title": title, "organization": f"{body} số {number % 500 + 1}"}],
                    }
                )
            number += 1
            yield {
                "schema": "vanban.document/1",
                "id": f"t{depth}-{j}",
                "source": f"synthetic/{depth}/{j}.txt",
                "format": "txt",
                "title": f"Văn bản {depth}-{j}",
                "published": f"20{15 + number % 10}-04-20",
                "kind": "news",
                "self": None,
                "citations": citations,
                "relations": relations,
                "people": people,
                "organizations": [],
                "dates": [],
                "warnings": [],
            }


def node_of(code: str, issuer: str | None) -> str:
    return f"doc:{code}@{issuer.lower()}" if issuer else f"doc:{code}"


def query_plan(n_docs: int, seed: int) -> list[tuple[str, list]]:
    """The questions asked, the same for both paths: (name, list of argument tuples)."""
    rng = random.Random(seed + 1)
    roots, middle, _duk, leaves = levels_for(n_docs)
    names = [person_name(rng.randrange(min(20_000, max(1, n_docs // 10)))) for _ in range(50)]
    pick = lambda docs, k=50: [rng.choice(docs) for _ in range(k)]  # noqa: E731
    return [
        ("doc CODE (central)", [(c,) for c, _ in pick(middle)]),
        ("doc CODE@ISSUER (local)", [(node_of(c, i),) for c, i in pick(leaves)]),
        ("doc CODE (local, ~N/75 issuers): page 1", [(c,) for c, _ in pick(leaves, 10)]),
        ("implementers CODE", [(c,) for c, _ in pick(roots)]),
        ("implementers CODE --transitive", [(c,) for c, _ in pick(roots, 20)]),
        ("basis CODE --transitive", [(node_of(c, i),) for c, i in pick(leaves)]),
        ("path LEAF ROOT", [(node_of(c, i), r) for (c, i), (r, _) in zip(pick(leaves, 20), pick(roots, 20))]),
        ("top -n 10", [()] * 10),
        ("person NAME (index: typed without tone marks)", [(n,) for n in names]),
    ]


def _toneless(name: str) -> str:
    from graph.answers import toneless

    return toneless(name)


# --- child processes ----------------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _percentiles(times: list[float]) -> dict:
    times = sorted(times)
    return {
        "p50": statistics.median(times),
        "p95": times[min(len(times) - 1, int(0.95 * len(times)))],
        "max": times[-1],
        "n": len(times),
    }


def child_make_store(db: str, n_docs: int, seed: int) -> dict:
    from pipeline.store.db import Store

    start = time.perf_counter()
    store = Store(db)
    for i, record in enumerate(synthetic_records(n_docs, seed)):
        store.put(record)
        if i % 10_000 == 0:
            store.commit()
    store.commit()
    filled = time.perf_counter() - start
    size_before = os.path.getsize(db)
    peak_fill = _peak_mb()
    start = time.perf_counter()
    store.refresh_graph_index()
    indexed = time.perf_counter() - start
    store.close()
    return {
        "fill_s": filled,
        "index_s": indexed,
        "peak_fill_mb": peak_fill,
        "peak_mb": _peak_mb(),
        "size_before_mb": size_before / 1e6,
        "size_after_mb": os.path.getsize(db) / 1e6,
    }


def _time_plan(plan, ask: Callable[[str, tuple], object]) -> dict:
    """Wall and CPU milliseconds per call (CPU time says what the query costs when the machine is busy)."""
    result = {}
    for name, calls in plan:
        times, cpu = [], []
        for args in calls:
            start, start_cpu = time.perf_counter(), time.process_time()
            ask(name, args)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        result[name] = dict(_percentiles(times), cpu=_percentiles(cpu))
    return result


def child_index_queries(db: str, n_docs: int, seed: int, ready_from: float) -> dict:
    from graph.answers import NoPath
    from graph.ask import GraphIndex

    start = time.perf_counter()
    index = GraphIndex.open(db)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    index.adjacency()  # the CSR cache of walks and paths: built and written once per version of the tables
    adjacency_s = time.perf_counter() - start
    cache = Path(db + ".graph-cache")
    cache_mb = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file()) / 1e6 if cache.exists() else 0.0

    def ask(name: str, args: tuple):
        kind = name.split()[0]
        try:
            if name.startswith("doc CODE (local"):
                return index.candidates(args[0], 0, 20)
            if kind == "doc":
                return index.doc(*args)
            if kind in ("implementers", "basis"):
                return getattr(index, kind)(args[0], transitive="--transitive" in name)
            if kind == "path":
                return index.path(*args)
            if kind == "top":
                return index.top(10)
            return index.person(_toneless(args[0]))
        except NoPath:
            return None

    plan = query_plan(n_docs, seed)
    ask(*plan[0][0:1], plan[0][1][0])
    first = time.monotonic() - ready_from
    return {
        "open_s": opened,
        "adjacency_s": adjacency_s,
        "cache_mb": cache_mb,
        "first_answer_s": first,
        "queries": _time_plan(plan, ask),
        "peak_mb": _peak_mb(),
        "networkx_loaded": "networkx" in sys.modules,
    }


def child_networkx_queries(db: str, n_docs: int, seed: int, ready_from: float) -> dict:
    from graph import queries
    from pipeline.cli.graph import load_graph

    start = time.perf_counter()
    G = load_graph(Path(db))
    built = time.perf_counter() - start

    def ask(name: str, args: tuple):
        kind = name.split()[0]
        try:
            if kind == "doc":
                return queries.doc(G, *args)
            if kind in ("implementers", "basis"):
                return getattr(queries, kind)(G, args[0], transitive="--transitive" in name)
            if kind == "path":
                return queries.path(G, *args)
            if kind == "top":
                return queries.top(G, 10)
            return queries.person(G, *args)
        except queries.NoPath:
            return None

    plan = query_plan(n_docs, seed)
    ask(*plan[0][0:1], plan[0][1][0])
    first = time.monotonic() - ready_from
    return {"build_s": built, "first_answer_s": first, "queries": _time_plan(plan, ask), "peak_mb": _peak_mb()}


def child_incremental(db: str, n_docs: int, seed: int) -> dict:
    """Time the refresh after one added document (merged into the tables), as ``vanban run`` does it."""
    from pipeline.store.db import Store

    roots, _middle, _duk, leaves = levels_for(n_docs)
    code, issuer = leaves[1]
    one = next(synthetic_records(n_docs, seed))
    one.update(id=f"added-{time.time_ns()}", source=f"zzz-added/{time.time_ns()}.txt")  # sorts after the others
    one["relations"][0]["target"] = roots[0][0]
    one["citations"][1].update(code=roots[0][0], issuer=None)
    store = Store(db)
    store.refresh_graph_index()  # current before the change
    store.put(one)
    store.commit()
    start = time.perf_counter()
    merged = store.refresh_graph_index()
    seconds = time.perf_counter() - start
    store.close()
    return {"refresh_s": seconds, "written": merged, "peak_mb": _peak_mb()}


def _timed(argv: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run ``argv`` under GNU time: the process, its CPU ms and its own peak MB. (A child's rusage
    from wait4 would report at least this process's peak: Linux keeps the high-water mark across exec.)"""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as figures:
        proc = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", figures.name, *argv], check=False, **kwargs)
        user, system, peak_kb = figures.read().strip().splitlines()[-1].split()
    return proc, (float(user) + float(system)) * 1000, int(peak_kb) / 1024


def _run_child(*args: str) -> dict:
    """Run this script as a child; its last stdout line is its JSON result, plus its wall time and peak memory."""
    start = time.monotonic()
    proc, _cpu, peak = _timed(
        [sys.executable, __file__, "--child", *args, "--ready-from", repr(start)], stdout=subprocess.PIPE, text=True
    )
    if proc.returncode:
        raise SystemExit(f"child {args} failed with status {proc.returncode}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.monotonic() - start
    result["child_peak_mb"] = peak
    return result


def _whole_process(db: str, argv: list[str]) -> tuple[float, float, int, float]:
    """Wall time (ms), peak memory (MB), exit status and CPU time (ms) of one ``vanban query`` process."""
    vanban = str(Path(sys.executable).with_name("vanban"))
    start = time.perf_counter()
    proc, cpu, peak = _timed([vanban, "query", "--db", db, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000, peak, proc.returncode, cpu


# --- the report ----------------------------------------------------------------------------


def bench_size(n_docs: int, args) -> None:
    db = str(Path(args.dir) / f"graph-{n_docs}.db")
    print(f"\n=== {n_docs:,} synthetic documents: {db}")
    if not (args.keep and Path(db).exists()):
        for suffix in ("", "-journal"):
            Path(db + suffix).unlink(missing_ok=True)
        made = _run_child("make-store", db, str(n_docs), str(args.seed))
        print(
            f"store fill (Store.put): {made['fill_s']:.0f} s; graph index build: {made['index_s']:.0f} s; "
            f"peak memory of the filling+indexing process {made['peak_mb']:.0f} MB "
            f"(after fill, before indexing {made['peak_fill_mb']:.0f} MB)"
        )
        print(
            f"store on disk: {made['size_before_mb']:.0f} MB without the graph tables, "
            f"{made['size_after_mb']:.0f} MB with them"
        )
    new = _run_child("index", db, str(n_docs), str(args.seed))
    print(
        f"graph tables: opened in {new['open_s'] * 1000:.1f} ms; first answer {new['first_answer_s']:.2f} s after "
        f"process start; peak memory of the query process {new['child_peak_mb']:.0f} MB; "
        f"networkx imported: {new['networkx_loaded']}"
    )
    print(
        f"adjacency cache (walks, paths): {new['adjacency_s']:.1f} s to get in that process "
        f"(built and written when stale, else mapped); {new['cache_mb']:.0f} MB on disk"
    )
    old = None
    if n_docs <= args.networkx_upto:
        old = _run_child("networkx", db, str(n_docs), str(args.seed))
        print(
            f"networkx (today): graph built from the store in {old['build_s']:.1f} s; first answer "
            f"{old['first_answer_s']:.1f} s after process start; peak memory {old['child_peak_mb']:.0f} MB"
        )
    print(
        "in-process latency, ms: wall p50 / p95 [CPU p50 / p95]"
        f"{'; networkx beside it; speed ratio networkx time / index time (above 1: the index is faster)' if old else ''}:"
    )
    for name, figures in new["queries"].items():
        cpu = figures["cpu"]
        line = (
            f"  {name:<42} index {figures['p50']:8.2f} / {figures['p95']:8.2f} [{cpu['p50']:7.2f} / {cpu['p95']:7.2f}]"
        )
        if old:
            was = old["queries"][name]
            line += (
                f"   networkx {was['p50']:9.2f} / {was['p95']:9.2f} [{was['cpu']['p50']:8.2f} / {was['cpu']['p95']:8.2f}]"
                f"   ratio p50 {was['p50'] / max(figures['p50'], 1e-6):.1f}"
            )
        print(line)

    roots, middle, _duk, leaves = levels_for(n_docs)
    shared = leaves[0][0]
    print(f"whole process, `vanban query ...` x{args.calls} (wall ms p50 / p95, CPU ms p50, peak MB):")
    for argv in (
        ["doc", middle[3][0]],
        ["doc", node_of(*leaves[5])],
        ["doc", shared],
        ["implementers", roots[0][0], "--transitive"],
        ["basis", node_of(*leaves[5]), "--transitive"],
        ["path", node_of(*leaves[5]), roots[0][0]],
        ["top", "-n", "10"],
        ["person", _toneless(person_name(7))],
    ):
        runs = [_whole_process(db, argv) for _ in range(args.calls)]
        stats = _percentiles([run[0] for run in runs])
        cpu = statistics.median(run[3] for run in runs)
        print(
            f"  {' '.join(argv):<48} {stats['p50']:7.0f} / {stats['p95']:7.0f} ms   cpu {cpu:6.0f} ms   "
            f"{max(run[1] for run in runs):5.0f} MB   exit {runs[0][2]}"
        )
    if args.incremental:
        added = _run_child("incremental", db, str(n_docs), str(args.seed))
        print(
            f"refresh after one added document (merged into the tables): {added['refresh_s'] * 1000:.0f} ms, "
            f"peak {added['child_peak_mb']:.0f} MB; a rebuild of the tables takes the index build time above"
        )
    if old:
        print(
            f"  today's networkx path (build + one doc), for comparison: {old['first_answer_s'] * 1000:,.0f} ms, "
            f"{old['child_peak_mb']:,.0f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[100_000])
    parser.add_argument(
        "--networkx-upto",
        type=int,
        default=100_000,
        help="Also time today's networkx path for sizes up to this (8 GB at 1M).",
    )
    parser.add_argument("--repeat", type=int, default=50, help="(kept for compatibility; the plan fixes counts)")
    parser.add_argument("--calls", type=int, default=10, help="Whole-process calls per command.")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", default="/tmp/vanban-bench")
    parser.add_argument("--keep", action="store_true", help="Reuse stores already made in --dir.")
    parser.add_argument(
        "--incremental", action="store_true", help="Also time the refresh after one added document (adds it)."
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--ready-from", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        step, db, n_docs, seed = args.child[0], args.child[1], int(args.child[2]), int(args.child[3])
        if step == "make-store":
            result = child_make_store(db, n_docs, seed)
        elif step == "index":
            result = child_index_queries(db, n_docs, seed, args.ready_from)
        elif step == "incremental":
            result = child_incremental(db, n_docs, seed)
        else:
            result = child_networkx_queries(db, n_docs, seed, args.ready_from)
        print(json.dumps(result))
        return
    Path(args.dir).mkdir(parents=True, exist_ok=True)
    print(f"2 cores shared with other sessions (load average {os.getloadavg()[0]:.1f}); times are wall clock")
    for n_docs in args.docs:
        bench_size(n_docs, args)


if __name__ == "__main__":
    main()
