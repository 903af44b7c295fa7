"""Query latency on a synthetic citation graph of 100,000 documents.

The graph is built the way the real one is, from OUTPUT.md-shaped records,
through :func:`graph.build.build_graph`: a four-level hierarchy like the
party's (Bộ Chính trị → Ban Tổ chức Trung ương → Đảng ủy Khối → Đảng ủy), with
local codes that repeat across issuers (``02-HD/ĐU`` of many Đảng ủy), so that
identity by issuer is exercised too. One synthetic text per document says
what the document implements or rests on.

Usage::

    .venv/bin/python benchmarks/bench_graph_queries.py [--docs 100000] [--repeat 200] [--seed 7]

A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from graph.build import build_graph
from graph.queries import basis, doc, implementers, path, top

#: Share of documents per level: Bộ Chính trị, Ban Tổ chức TW, Đảng ủy Khối, Đảng ủy.
LEVELS = ((0.005, "QĐ", "TW"), (0.045, "HD", "BTCTW"), (0.15, "HD", "ĐUK"), (0.80, "HD", "ĐU"))
LOCAL_NUMBERS = 60  # local bodies number their own documents: 1-HD/ĐU ... 60-HD/ĐU, many times over


def synthetic_records(n_docs: int, seed: int) -> tuple[list[dict], list[list[tuple[str, str | None]]]]:
    """One record per document below the top level; returns the records and the documents per level."""
    rng = random.Random(seed)
    levels: list[list[tuple[str, str | None]]] = []
    for share, doc_type, issuer_code in LEVELS:
        count = max(1, int(n_docs * share))
        docs = []
        for i in range(count):
            if issuer_code in ("TW", "BTCTW"):
                docs.append((f"{i + 1}-{doc_type}/{issuer_code}", None))
            else:  # local: the same numbers again and again, told apart by issuer
                body = "Đảng ủy Khối" if issuer_code == "ĐUK" else "Đảng ủy Bộ"
                docs.append((f"{i % LOCAL_NUMBERS + 1}-{doc_type}/{issuer_code}", f"{body} số {i // LOCAL_NUMBERS + 1}"))
        levels.append(docs)

    records = []
    for depth in range(1, len(levels)):
        for j, (code, issuer) in enumerate(levels[depth]):
            parents = rng.sample(levels[depth - 1], k=min(2, len(levels[depth - 1])))
            citations = [{"code": code, "issuer": issuer, "start": 0, "end": 30, "date": "2022-04-14"}]
            relations = []
            for k, (parent, parent_issuer) in enumerate(parents):
                citations.append({"code": parent, "issuer": parent_issuer, "start": 40 + 60 * k,
                                  "end": 90 + 60 * k, "date": "2022-02-15"})
                relations.append({"source": code, "type": "implements" if k == 0 else "based_on", "target": parent,
                                  "confidence": 0.85, "evidence": {"start": 0, "end": 160, "rule": "synthetic"}})
            records.append({"id": f"t{depth}-{j}", "source": f"synthetic/{depth}/{j}.txt", "format": "txt",
                            "title": None, "published": "2022-04-20", "kind": "news", "self": None,
                            "citations": citations, "relations": relations, "people": [], "organizations": []})
    return records, levels


def node_of(code: str, issuer: str | None) -> str:
    return f"doc:{code}@{issuer.lower()}" if issuer else code


def timed(label: str, call: Callable[[], object], repeat: int) -> None:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    print(f"  {label:<34} median {statistics.median(times):8.3f} ms   p95 {p95:8.3f} ms   max {times[-1]:8.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    start = time.perf_counter()
    records, levels = synthetic_records(args.docs, args.seed)
    made = time.perf_counter() - start
    start = time.perf_counter()
    G = build_graph(records)
    built = time.perf_counter() - start
    n_docs = sum(1 for _n, d in G.nodes(data=True) if d["kind"] == "document")
    print(f"synthetic records: {len(records)} in {made:.1f} s; build_graph (validated): {built:.1f} s")
    print(f"graph: {n_docs} documents, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")

    start = time.perf_counter()
    doc(G, levels[0][0][0])  # the first query builds the code index
    print(f"first query (builds the code index): {(time.perf_counter() - start) * 1000:.0f} ms")

    roots, middle, leaves = levels[0], levels[1], levels[3]
    print(f"latencies over {args.repeat} random queries each:")
    timed("doc CODE (central)", lambda: doc(G, rng.choice(middle)[0]), args.repeat)
    timed("doc CODE (local, many issuers)", lambda: doc(G, rng.choice(leaves)[0]), args.repeat)
    timed("implementers CODE", lambda: implementers(G, rng.choice(roots)[0]), args.repeat)
    timed("implementers CODE --transitive", lambda: implementers(G, rng.choice(roots)[0], transitive=True),
          max(10, args.repeat // 10))
    timed("basis CODE --transitive", lambda: basis(G, node_of(*rng.choice(leaves)), transitive=True), args.repeat)
    timed("path LEAF ROOT", lambda: path(G, node_of(*rng.choice(leaves)), rng.choice(roots)[0]),
          max(10, args.repeat // 10))
    timed("top -n 10", lambda: top(G, 10), max(10, args.repeat // 10))


if __name__ == "__main__":
    main()
