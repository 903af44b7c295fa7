"""The graph page's rollout view of a focused document: who acted on it, by level and by lag.

:func:`rollout_layout` puts the directive on top at x = 0 and one row under it per level of
the cascade (:data:`graph.rollout.LEVELS`: central party organs, central state bodies,
ministries, provinces, districts and below, level unknown), each document at x = its lag in
days (scaled), so what came first is on the left. Documents whose lags are too close share a
row on separate lines (a timeline packed greedily, at most MAX_LINES; past that a document
moves right of the line that ends first), never on top of each other; undated documents
close the row on the right. Every row starts with a heading node (``level:NAME``)
the page labels like any other node, so the label placer keeps it apart from the rest.

:func:`rollout_payload` is what the page reads: the rows of :func:`graph.rollout.rollout`
(walked with ``based_on`` too, each row saying whether ``implements`` alone reaches it), one
layout with and one without ``based_on``, and the step from each document to the one it
acts on (drawn as an arrow).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from graph.rollout import LEVEL_NAMES, LEVELS, RolloutRow, rollout

if TYPE_CHECKING:
    import networkx as nx

LEVEL_PREFIX = "level:"
ROW_GAP = 160  # between two levels
LINE_GAP = 44  # between the lines of one level
MIN_GAP = 170  # the least room between two documents on one line (a short label fits)
MAX_LINES = 10  # lines of one level at most; more documents of close dates push right
TIMELINE_WIDTH = 1600  # the longest lag is drawn this far right of the directive
HEADING_GAP = 260  # the row headings stand this far left of the leftmost document
ACTING = ("implements", "based_on")


def _lag_x(rows: list[RolloutRow]) -> dict[str, float]:
    """Each dated document's x: its lag scaled so the longest lag is TIMELINE_WIDTH."""
    longest = max((abs(r.lag_days) for r in rows if r.lag_days is not None), default=0)
    scale = min(4.0, TIMELINE_WIDTH / longest) if longest else 1.0
    return {r.node: r.lag_days * scale for r in rows if r.lag_days is not None}


def _pack(members: list[RolloutRow], lag_x: dict[str, float], undated_x: float) -> dict[str, tuple[float, int]]:
    """(x, line) of each member: dated ones at their lag on the first line with room, undated after."""
    dated = sorted((r for r in members if r.node in lag_x), key=lambda r: (lag_x[r.node], r.label))
    ends: list[float] = []  # the x of each line's last document
    placed: dict[str, tuple[float, int]] = {}
    for row in dated:
        x = lag_x[row.node]
        line = next((i for i, end in enumerate(ends) if x >= end + MIN_GAP), None)
        if line is None and len(ends) < MAX_LINES:
            line = len(ends)
            ends.append(x)
        elif line is None:  # a crowd of close dates: the row grows to the right rather than down
            line = min(range(len(ends)), key=lambda i: ends[i])
            x = ends[line] + MIN_GAP
        ends[line] = x
        placed[row.node] = (x, line)
    undated = sorted((r for r in members if r.node not in lag_x), key=lambda r: r.label)
    undated_x = max([undated_x, *(end + 2 * MIN_GAP for end in ends)])
    for i, row in enumerate(undated):
        placed[row.node] = (undated_x + i * MIN_GAP, 0)
    return placed


def rollout_layout(focus: str, rows: Iterable[RolloutRow]) -> tuple[dict[str, tuple[float, float]], list[dict]]:
    """Positions (y grows upwards, as on the page) of the directive, the documents acting on it
    and the heading of each level that has any; and those levels ``{level, name, count, id, y}``
    top to bottom."""
    rows = list(rows)
    lag_x = _lag_x(rows)
    right = max([0.0, *lag_x.values()])
    left = min([0.0, *lag_x.values()])
    by_level: dict[str, list[RolloutRow]] = defaultdict(list)
    for row in rows:
        by_level[row.level if row.level in LEVELS else "other"].append(row)
    positions: dict[str, tuple[float, float]] = {focus: (0.0, 0.0)}
    levels: list[dict] = []
    y = -ROW_GAP
    for level in LEVELS:
        members = by_level.get(level)
        if not members:
            continue
        placed = _pack(members, lag_x, right + 2 * MIN_GAP)
        for node, (x, line) in placed.items():
            positions[node] = (round(x, 1), round(y - line * LINE_GAP, 1))
        heading = LEVEL_PREFIX + level
        positions[heading] = (round(left - HEADING_GAP, 1), round(y, 1))
        levels.append({"level": level, "name": LEVEL_NAMES[level], "count": len(members), "id": heading, "y": y})
        y -= ROW_GAP + LINE_GAP * max(line for _x, line in placed.values())
    return positions, levels


def _steps(G: nx.MultiDiGraph, focus: str, rows: list[RolloutRow]) -> list[list]:
    """``[child, parent, type]``: for each document, the relation to one document a step nearer the directive."""
    depth = {focus: 0, **{r.node: r.depth for r in rows}}
    steps = []
    for row in rows:
        parents = sorted(
            (data["type"], v)
            for _u, v, data in G.out_edges(row.node, data=True)
            if data.get("kind") == "relation" and data.get("type") in ACTING and depth.get(v) == row.depth - 1
        )
        if parents:
            kind, parent = min(parents, key=lambda p: (p[0] != row.type, p))
            steps.append([row.node, parent, kind])
    return steps


def rollout_payload(G: nx.MultiDiGraph, focus: str) -> dict:
    """The page's rollout view of ``focus``: rows, layouts with and without ``based_on``, arrows."""
    found = rollout(G, focus, with_basis=True)
    direct = {r.node for r in rollout(G, focus, with_basis=False).rows}
    positions, levels = rollout_layout(focus, found.rows)
    direct_positions, direct_levels = rollout_layout(focus, [r for r in found.rows if r.node in direct])
    return {
        "focus": focus,
        "label": found.label,
        "date": found.date,
        "rows": [
            {
                "id": r.node,
                "level": r.level,
                "issuer": r.issuer,
                "province": r.province,
                "former_province": r.former_province,
                "date": r.date,
                "lag_days": r.lag_days,
                "depth": r.depth,
                "type": r.type,
                "implements": r.node in direct,  # reached by implements alone
                "evidence": r.evidence,
            }
            for r in found.rows
        ],
        "views": {
            "implements": {"positions": direct_positions, "levels": direct_levels},
            "basis": {"positions": positions, "levels": levels},
        },
        "steps": _steps(G, focus, found.rows),
    }
