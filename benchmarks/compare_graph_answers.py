"""Do the store's graph tables answer as today's networkx queries do, on a real store? And how fast?

Asks both paths the same questions — ``top``, and for the most-cited codes (plus local
codes and named documents among them) ``doc``, ``implementers`` and ``basis`` (direct and
transitive), ``path`` between pairs, ``person`` for the most frequent names — and prints
how many answers are equal, every difference, and the time per call of each path, in
process and as a whole ``vanban query`` process.

Usage::

    .venv/bin/python benchmarks/compare_graph_answers.py --db /tmp/gindex-3000.db [--codes 30] [--calls 5]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from graph import queries as Q
from graph.ask import GraphIndex
from pipeline.cli.graph import load_graph
from pipeline.store.db import Store


def _answer(call, *args):
    try:
        return call(*args)
    except (Q.NoPath, Q.UnknownDocument) as error:
        return type(error).__name__


def _whole(argv: list[str]) -> tuple[float, float, float]:
    """Wall ms, CPU ms and peak MB of one process. GNU time measures the peak: a child of this
    process would report this process's own peak (Linux keeps the high-water mark across exec)."""
    start = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = (time.perf_counter() - start) * 1000
    _elapsed, user, system, peak_kb = proc.stderr.strip().splitlines()[-1].split()
    return wall, (float(user) + float(system)) * 1000, int(peak_kb) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--codes", type=int, default=30, help="How many of the most-cited documents to ask about.")
    parser.add_argument("--calls", type=int, default=5, help="Whole-process calls per path.")
    parser.add_argument("--reindex", action="store_true", help="Rebuild the graph tables first.")
    args = parser.parse_args()

    start = time.perf_counter()
    with Store(args.db) as store:
        rebuilt = store.refresh_graph_index(force=args.reindex)
    conn = sqlite3.connect(args.db)
    indexed = time.perf_counter() - start
    index = GraphIndex(conn)
    start = time.perf_counter()
    G = load_graph(Path(args.db))
    built = time.perf_counter() - start
    print(
        f"{args.db}: {G.graph['texts']} texts; networkx graph built in {built:.1f} s "
        f"({G.number_of_nodes()} nodes, {G.number_of_edges()} edges); graph tables "
        f"{'rebuilt' if rebuilt else 'current'} in {indexed:.1f} s"
    )

    top = [c.node for c in Q.top(G, args.codes)]
    labels = [G.nodes[n]["code"] or G.nodes[n]["label"] for n in top]
    people = sorted((n for n, d in G.nodes(data=True) if d["kind"] == "person"), key=lambda n: -G.out_degree(n))
    names = [G.nodes[n]["name"] for n in people[:20]]
    questions = [("top", Q.top, index.top, (n,)) for n in (1, 10, 40)]
    for node, label in zip(top, labels):
        questions += [("doc", Q.doc, index.doc, (code,)) for code in (node, label)]
        for transitive in (False, True):
            questions.append(
                (
                    "implementers",
                    lambda G, c, t=transitive: Q.implementers(G, c, t),
                    lambda c, t=transitive: index.implementers(c, t),
                    (node,),
                )
            )
            questions.append(
                (
                    "basis",
                    lambda G, c, t=transitive: Q.basis(G, c, t),
                    lambda c, t=transitive: index.basis(c, t),
                    (node,),
                )
            )
    questions += [("path", Q.path, index.path, pair) for pair in itertools.islice(itertools.permutations(top, 2), 200)]
    questions += [("person", Q.person, index.person, (name,)) for name in names]

    timings: dict[str, tuple[list, list]] = {}
    equal, differ = 0, []
    for kind, old, new, qargs in questions:
        t0 = time.perf_counter()
        was = _answer(old, G, *qargs)
        t1 = time.perf_counter()
        now = _answer(new, *qargs)
        t2 = time.perf_counter()
        olds, news = timings.setdefault(kind, ([], []))
        olds.append((t1 - t0) * 1000)
        news.append((t2 - t1) * 1000)
        if was == now:
            equal += 1
        else:
            differ.append((kind, qargs, was, now))
    print(f"answers: {equal} equal, {len(differ)} different, of {len(questions)} questions")
    for kind, qargs, was, now in differ[:10]:
        print(f"  DIFFERENT {kind} {qargs}:\n    networkx {str(was)[:300]}\n    index    {str(now)[:300]}")
    print("in-process ms per call, networkx / index (median, max):")
    for kind, (olds, news) in timings.items():
        print(
            f"  {kind:<13} {statistics.median(olds):8.2f} / {statistics.median(news):6.2f}   "
            f"max {max(olds):8.2f} / {max(news):6.2f}   ({len(olds)} calls)"
        )

    vanban = str(Path(sys.executable).with_name("vanban"))
    code = labels[0]
    old_cmd = [
        sys.executable,
        "-c",
        "import sys; from pathlib import Path; from pipeline.cli.graph import load_graph;"
        " from graph.queries import doc; doc(load_graph(Path(sys.argv[1])), sys.argv[2])",
        args.db,
        code,
    ]
    new_cmd = [vanban, "query", "--db", args.db, "doc", code]
    olds = [_whole(old_cmd) for _ in range(max(1, args.calls // 2))]
    news = [_whole(new_cmd) for _ in range(args.calls)]
    for name, runs in (("networkx path (the old `vanban query doc`)", olds), ("`vanban query doc` now", news)):
        print(
            f"whole process, doc {code}, {name}: wall {statistics.median(r[0] for r in runs):,.0f} ms, "
            f"CPU {statistics.median(r[1] for r in runs):,.0f} ms, peak {max(r[2] for r in runs):,.0f} MB "
            f"(medians of {len(runs)}; load average {os.getloadavg()[0]:.1f})"
        )


if __name__ == "__main__":
    main()
