"""A compact copy of the graph tables' relation edges, for walks and paths that touch thousands of nodes.

The store's ``graph_edges`` answer one node's neighbours in a few indexed look-ups, but a
transitive walk or a path search asks for whole frontiers, level after level. This module
keeps the same edges as integer arrays in compressed-sparse-row form (numpy), one set per
direction, beside the store in ``<db>.graph-cache/<token>/``; a fresh process maps them
(``np.load(mmap_mode="r")``) and pays for the pages it reads. ``<token>`` is the graph
tables' ``index_token`` (a new one each time they are written), so a cache is never used
for other tables than the ones it was copied from; a stale one is rebuilt on first use.

Per direction (``out``: a node's relations as source; ``in``: as target):

=============  =========================================================================
``ptr``        node id -> first position of its edges (``ptr[n]:ptr[n + 1]``)
``nbr``        the node at the other end
``type``       relation type, an index into ``types`` (sorted, so codes compare as names)
``conf``       confidence (float64, compared exactly as SQLite compares the column)
``count``      evidence items
``walk``       positions re-ordered within each node by (type, label of the other end),
               stable over networkx's order: the order the walks list neighbours in
``edge``       the edge's row id in ``graph_edges`` (its evidence read by id, not by its ends)
=============  =========================================================================

Edges sit in networkx's order within each node (the order :func:`graph.answers.meet_in_the_middle`
meets them in). Node keys and display labels are one string table (UTF-8 blob + offsets), a
node's key and label side by side so that both are read in one step.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.answers import document_label

_DIRECTIONS = ("out", "in")
_ARRAYS = ("ptr", "nbr", "type", "conf", "count", "walk", "edge")
_FORMAT = "4"  # the layout of the files; a change makes older caches stale


@dataclass
class Direction:
    """The CSR arrays of one direction."""

    ptr: Any
    nbr: Any
    type: Any
    conf: Any
    count: Any
    walk: Any
    edge: Any


def _ranges(starts: Any, lengths: Any) -> Any:
    """The positions ``start, start + 1, ... start + length - 1`` of each range, one range after another."""
    import numpy as np

    total = int(lengths.sum())
    step = np.ones(total, dtype=np.int64)
    ends = np.cumsum(lengths)
    kept = lengths > 0
    firsts, starts = (ends - lengths)[kept], starts[kept]
    if len(firsts):
        step[firsts[0]] = starts[0]
        step[firsts[1:]] = starts[1:] - (starts[:-1] + lengths[kept][:-1]) + 1
    return np.cumsum(step)


class Strings:
    """A table of strings by node id: one UTF-8 blob, each string followed by a NUL byte, and
    the offset where each starts (a string holding NUL is never asked for in bulk: see ``many``)."""

    def __init__(self, blob: Any, offsets: Any):
        self.blob, self.offsets = blob, offsets

    def __getitem__(self, node: int) -> str:
        start, end = int(self.offsets[node]), int(self.offsets[node + 1]) - 1
        return self.blob[start:end].decode("utf-8")

    def many(self, nodes: list[int]) -> list[str]:
        """The strings of many node ids: their bytes gathered in one vectorised step, decoded at once."""
        import numpy as np

        if not nodes:
            return []
        ids = np.asarray(nodes, dtype=np.int64)
        starts = np.asarray(self.offsets[ids])
        lengths = np.asarray(self.offsets[ids + 1]) - starts  # each with its NUL
        data = np.frombuffer(self.blob, dtype=np.uint8)[_ranges(starts, lengths)].tobytes().decode("utf-8")
        found = data.split("\0")[:-1]
        return found if len(found) == len(nodes) else [self[node] for node in nodes]

    @staticmethod
    def pack(values: list[str]) -> tuple[bytes, Any]:
        import numpy as np

        encoded = [value.encode("utf-8") + b"\0" for value in values]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(item) for item in encoded], out=offsets[1:])
        return b"".join(encoded), offsets


@dataclass
class Adjacency:
    """Relation edges of the graph tables in CSR form, both directions, and node names."""

    token: str
    types: list[str]
    out: Direction
    into: Direction
    strings: Strings  # node n: key at 2n, display label at 2n + 1

    @property
    def size(self) -> int:
        """Node ids run from 0 (unused) to size - 1."""
        return len(self.out.ptr) - 1

    def names(self, nodes: list[int]) -> tuple[list[str], list[str]]:
        """The keys and the display labels of nodes."""
        import numpy as np

        keys = 2 * np.asarray(nodes, dtype=np.int64)
        both = self.strings.many(np.column_stack((keys, keys + 1)).ravel().tolist())
        return both[0::2], both[1::2]

    def direction(self, way: str) -> Direction:
        return self.out if way == "out" else self.into

    def allowed_types(self, types) -> Any:
        """A mask over type codes: True for the names in ``types`` (names the tables never saw match nothing)."""
        import numpy as np

        allowed = np.zeros(max(1, len(self.types)), dtype=bool)
        allowed[[self.types.index(t) for t in types if t in self.types]] = True
        return allowed


# --- building ----------------------------------------------------------------------------


def _read(conn: sqlite3.Connection) -> dict[str, Any]:
    """The arrays and string tables, from the graph tables."""
    import numpy as np

    (size,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM graph_docs").fetchone()
    keys, labels = [""] * size, [""] * size
    for row_id, key, label, issuer, scope, term, ambiguous in conn.execute(
        "SELECT id, key, label, issuer, scope, term, ambiguous FROM graph_docs"
    ):
        keys[row_id], labels[row_id] = key, document_label(label or key, issuer, scope, term, ambiguous)
    types = sorted(t for (t,) in conn.execute("SELECT DISTINCT type FROM graph_edges"))
    code = {t: i for i, t in enumerate(types)}
    rows = conn.execute(
        "SELECT src, dst, type, confidence, count, out_seq, coalesce(in_seq, -1), key_seq, id FROM graph_edges"
    ).fetchall()
    src = np.fromiter((r[0] for r in rows), dtype=np.int32, count=len(rows))
    dst = np.fromiter((r[1] for r in rows), dtype=np.int32, count=len(rows))
    kind = np.fromiter((code[r[2]] for r in rows), dtype=np.int16, count=len(rows))
    conf = np.fromiter((r[3] for r in rows), dtype=np.float64, count=len(rows))
    count = np.fromiter((r[4] for r in rows), dtype=np.int32, count=len(rows))
    out_seq = np.fromiter((r[5] for r in rows), dtype=np.int64, count=len(rows))
    in_seq = np.fromiter((r[6] for r in rows), dtype=np.int64, count=len(rows))
    key_seq = np.fromiter((r[7] for r in rows), dtype=np.int64, count=len(rows))
    edge = np.fromiter((r[8] for r in rows), dtype=np.int64, count=len(rows))
    del rows
    label_rank = _ranks(labels)
    arrays: dict[str, Any] = {}
    for way, near, far, seq in (("out", src, dst, out_seq), ("in", dst, src, in_seq)):
        order = np.lexsort((key_seq, seq, near))  # networkx's order within each node
        ptr = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(near, minlength=size), out=ptr[1:])
        nbr, kinds = far[order], kind[order]
        position = np.arange(len(order), dtype=np.int64)
        walk = np.lexsort((position, label_rank[nbr], kinds, near[order])).astype(np.int64)
        arrays.update(
            {
                f"{way}_ptr": ptr,
                f"{way}_nbr": nbr,
                f"{way}_type": kinds,
                f"{way}_conf": conf[order],
                f"{way}_count": count[order],
                f"{way}_walk": walk,
                f"{way}_edge": edge[order],
            }
        )
    blob, arrays["strings_offsets"] = Strings.pack([name for pair in zip(keys, labels) for name in pair])
    return {"types": types, "arrays": arrays, "strings": blob}


def _ranks(labels: list[str]) -> Any:
    """Each label's place in Python's order of str, equal labels sharing one (ties keep networkx's order)."""
    import numpy as np

    order = sorted(range(len(labels)), key=labels.__getitem__)
    ranks = np.empty(len(labels), dtype=np.int64)
    rank, previous = -1, None
    for node in order:
        if labels[node] != previous:
            rank, previous = rank + 1, labels[node]
        ranks[node] = rank
    return ranks


def _assemble(token: str, types: list[str], arrays: dict[str, Any], strings: Any) -> Adjacency:
    out, into = (Direction(*(arrays[f"{way}_{name}"] for name in _ARRAYS)) for way in _DIRECTIONS)
    return Adjacency(
        token,
        types,
        out,
        into,
        Strings(strings, arrays["strings_offsets"]),
    )


def index_token(conn: sqlite3.Connection) -> str:
    """The graph tables' ``index_token`` (empty when none was written yet)."""
    row = conn.execute("SELECT value FROM graph_meta WHERE name = 'index_token'").fetchone()
    return row[0] if row else ""


def cache_dir(conn: sqlite3.Connection) -> Path | None:
    """``<db>.graph-cache`` beside the store's file, or None for a store in memory."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file + ".graph-cache") if file else None
    return None


def load(conn: sqlite3.Connection) -> Adjacency:
    """The adjacency of the graph tables as they are now: mapped from the cache when it is
    current, else read from the tables and written to the cache (when the folder is writable)."""
    token = index_token(conn)
    folder = cache_dir(conn) if token else None  # tables without a token (an older vanban): memory only
    if folder is not None:
        mapped = _map(folder / f"{_FORMAT}-{token}", token)
        if mapped is not None:
            return mapped
    data = _read(conn)
    adjacency = _assemble(token, data["types"], data["arrays"], data["strings"])
    if folder is not None and token:
        with contextlib.suppress(OSError):  # a read-only disk: answer from memory
            _write(folder, token, data)
    return adjacency


def _map(path: Path, token: str) -> Adjacency | None:
    import numpy as np

    try:
        meta = json.loads((path / "meta.json").read_text())
        # plain views of the mapped files (a memmap's own indexing costs microseconds a call)
        arrays = {name.stem: np.asarray(np.load(name, mmap_mode="r")) for name in path.glob("*.npy")}
        with open(path / "strings.bin", "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            strings = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    except (OSError, ValueError):
        return None
    return _assemble(token, meta["types"], arrays, strings)


def _write(folder: Path, token: str, data: dict[str, Any]) -> None:
    """Write into a private folder, then rename it into place (readers never see half a cache);
    caches of older tables are removed (those of these tables in another layout, written by another
    version of vanban reading the same store, and the whole graph kept beside them, stay)."""
    import numpy as np

    folder.mkdir(exist_ok=True)
    final = folder / f"{_FORMAT}-{token}"
    if final.exists():
        return
    partial = folder / f".partial-{os.getpid()}-{token}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    for name, array in data["arrays"].items():
        np.save(partial / f"{name}.npy", array)
    (partial / "strings.bin").write_bytes(data["strings"])
    (partial / "meta.json").write_text(json.dumps({"types": data["types"], "token": token}))
    try:
        partial.rename(final)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # another process wrote it first
    for other in folder.iterdir():
        if not other.name.endswith(token) and not other.name.startswith(".partial-"):
            shutil.rmtree(other, ignore_errors=True)


# --- asking ------------------------------------------------------------------------------


def _gather(direction: Direction, frontier: Any, order: bool) -> tuple[Any, Any]:
    """Edge positions of every frontier node, node after node (in walk order if ``order``),
    and the index in ``frontier`` of the node each came from."""
    import numpy as np

    starts = np.asarray(direction.ptr[frontier])
    lengths = np.asarray(direction.ptr[frontier + 1]) - starts
    owner = np.repeat(np.arange(len(frontier), dtype=np.int64), lengths)
    positions = _ranges(starts, lengths)
    if order:
        positions = np.asarray(direction.walk[positions])
    return positions, owner


def _first_fresh(neighbours: Any, seen: Any) -> Any:
    """Indexes of the first occurrence of each neighbour not seen yet, in their order."""
    import numpy as np

    fresh = np.flatnonzero(~seen[neighbours])
    _values, first = np.unique(neighbours[fresh], return_index=True)
    return fresh[np.sort(first)]


@dataclass
class Reached:
    """What a walk reached, in the order the networkx walk lists it (parallel lists)."""

    nodes: list[int]
    via: list[int]
    types: list[str]
    confidence: list[float]
    count: list[int]
    depth: list[int]
    edge: list[int]  # the row id in graph_edges of the edge each was reached over


def walk(adjacency: Adjacency, start: list[int], outgoing: bool, types, min_confidence: float) -> Reached:
    """Breadth-first from ``start`` to the end of the chains, one vectorised step per level."""
    import numpy as np

    direction = adjacency.out if outgoing else adjacency.into
    allowed = None if types is None else adjacency.allowed_types(types)
    seen = np.zeros(adjacency.size, dtype=bool)
    frontier = np.array(start, dtype=np.int64)
    seen[frontier] = True
    levels: list[tuple[Any, Any, Any]] = []  # (nodes, via, positions) per depth
    while frontier.size:
        positions, owner = _gather(direction, frontier, order=True)
        keep = np.asarray(direction.conf[positions]) >= min_confidence
        if allowed is not None:
            keep &= allowed[np.asarray(direction.type[positions])]
        positions, owner = positions[keep], owner[keep]
        neighbours = np.asarray(direction.nbr[positions]).astype(np.int64)
        chosen = _first_fresh(neighbours, seen)
        grown = neighbours[chosen]
        seen[grown] = True
        levels.append((grown, frontier[owner[chosen]], positions[chosen]))
        frontier = grown
    nodes, via, positions = (np.concatenate([level[i] for level in levels]) for i in range(3))
    return Reached(
        nodes.tolist(),
        via.tolist(),
        [adjacency.types[code] for code in np.asarray(direction.type[positions]).tolist()],
        np.asarray(direction.conf[positions]).tolist(),
        np.asarray(direction.count[positions]).tolist(),
        np.concatenate([np.full(len(level[0]), depth + 1) for depth, level in enumerate(levels)]).tolist(),
        np.asarray(direction.edge[positions]).tolist(),
    )


def shortest_chain(adjacency: Adjacency, sources: list[int], targets: list[int], ways, min_confidence: float):
    """As :func:`graph.answers.meet_in_the_middle` with steps over the relations of ``ways``
    (``ways[0]`` from the sources, ``ways[1]`` from the targets, each a tuple of "out"/"in"),
    one vectorised step per frontier. Hops are (source id, type name, target id), or None."""
    import numpy as np

    size = adjacency.size
    seen = [np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)]
    # per side, for each node reached: the node it was reached from (-1 at an end), over which
    # edge position, in which of the side's ways
    came_from = [np.empty(size, dtype=np.int64), np.empty(size, dtype=np.int64)]
    over = [np.empty(size, dtype=np.int64), np.empty(size, dtype=np.int64)]
    way_of = [np.empty(size, dtype=np.int8), np.empty(size, dtype=np.int8)]
    frontiers = [np.array(sources, dtype=np.int64), np.array(targets, dtype=np.int64)]
    for side in (0, 1):
        seen[side][frontiers[side]] = True
        came_from[side][frontiers[side]] = -1
    while frontiers[0].size and frontiers[1].size:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        frontier, ways_here = frontiers[side], ways[side]
        parts = []
        for number, way in enumerate(ways_here):
            direction = adjacency.direction(way)
            positions, owner = _gather(direction, frontier, order=False)
            keep = np.asarray(direction.conf[positions]) >= min_confidence
            positions, owner = positions[keep], owner[keep]
            neighbours = np.asarray(direction.nbr[positions]).astype(np.int64)
            parts.append((positions, owner, np.full(len(positions), number, dtype=np.int8), neighbours))
        positions, owner, rank, neighbours = (np.concatenate([part[i] for part in parts]) for i in range(4))
        order = np.argsort(owner, kind="stable")  # node after node, its "out" steps before its "in"
        positions, owner, rank, neighbours = positions[order], owner[order], rank[order], neighbours[order]
        chosen = _first_fresh(neighbours, seen[side])
        hits = chosen[seen[1 - side][neighbours[chosen]]]
        if hits.size:
            chosen = chosen[chosen <= hits[0]]
        grown = neighbours[chosen]
        seen[side][grown] = True
        came_from[side][grown] = frontier[owner[chosen]]
        over[side][grown] = positions[chosen]
        way_of[side][grown] = rank[chosen]
        if hits.size:
            return _hops(adjacency, ways, came_from, over, way_of, int(neighbours[hits[0]]))
        frontiers[side] = grown
    return None


def _hops(adjacency: Adjacency, ways, came_from, over, way_of, meet: int) -> list[tuple[int, str, int]]:
    """The chain through ``meet``, from the sources' end to the targets'."""
    halves: list[list[tuple[int, str, int]]] = [[], []]
    for side in (0, 1):
        node = meet
        while came_from[side][node] != -1:
            previous = int(came_from[side][node])
            way = ways[side][int(way_of[side][node])]
            kind = adjacency.types[int(adjacency.direction(way).type[over[side][node]])]
            halves[side].append((previous, kind, node) if way == "out" else (node, kind, previous))
            node = previous
    return halves[0][::-1] + halves[1]
