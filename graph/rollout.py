"""Who has acted on a directive, at which level, how fast: its rollout down the cascade.

:func:`rollout` walks the relations coming into a document (``implements``, and
``based_on`` with ``with_basis``) as far as they go, and gives every document reached
with its level (:data:`LEVELS`), issuer, province, date, lag in days from the
directive's own date, the path up to the directive and the evidence of its first step.
:func:`summary` counts each level (first, median lag, last); :func:`province_coverage`
says which of today's 34 provincial units (and the 63 former ones) have an implementing
document in the store, :func:`central_coverage` which central party organs do.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from extractors.patterns import levels as P
from extractors.patterns.codes import load_table
from extractors.places import ProvinceName, province_names, today_provinces
from graph.answers import DOWNWARD_TYPES, display_label, toneless

if TYPE_CHECKING:  # a query process answering from the index never loads networkx
    import networkx as nx

#: The levels of the cascade, top to bottom (``other``: the store does not say).
LEVELS: tuple[str, ...] = tuple(load_table("levels.json")["order"])
LEVEL_NAMES: dict[str, str] = load_table("levels.json")["names"]


@dataclass(frozen=True)
class RolloutRow:
    """One document that acts on the directive, directly (``depth`` 1) or down a chain."""

    node: str
    label: str
    level: str
    issuer: str | None
    province: str | None  # today's provincial unit, where the issuer or place names one
    former_province: str | None  # the unit the text names, when it is a former one ("Bắc Giang")
    date: str | None
    lag_days: int | None  # days from the directive's date
    depth: int
    type: str  # the first step's relation: implements | based_on
    confidence: float
    path: tuple[str, ...]  # labels from this document up to the directive
    evidence: str | None  # the first step's sentence
    text_id: str | None = None


@dataclass(frozen=True)
class LevelSummary:
    """A level's count, first and last documents and median lag."""

    level: str
    count: int
    dated: int
    first: str | None  # "2025-01-10 12-KH/TU (Tỉnh ủy Bắc Ninh)"
    median_lag_days: float | None
    last: str | None


@dataclass
class Coverage:
    """Which units have an implementing document and which have none."""

    covered: dict[str, list[str]] = field(default_factory=dict)  # unit -> labels of its documents
    missing: list[str] = field(default_factory=list)
    former_covered: dict[str, list[str]] = field(default_factory=dict)  # former unit -> labels
    former_missing: list[str] = field(default_factory=list)


@dataclass
class Rollout:
    """The whole answer of ``vanban query rollout``."""

    node: str
    label: str
    date: str | None
    rows: list[RolloutRow]
    levels: list[LevelSummary]
    provinces: Coverage
    central: Coverage


# --- levels and places -------------------------------------------------------------------


@cache
def _code_levels() -> dict[str, str]:
    return {code.casefold(): level for level, codes in load_table("levels.json")["codes"].items() for code in codes}


@cache
def _central_cities() -> frozenset[str]:
    return frozenset(toneless(name) for name in load_table("levels.json")["central_cities"])


@lru_cache(maxsize=8192)  # issuers repeat down a chain: each is placed once
def level_of(issuer: str | None, issuer_code: str | None = None) -> str:
    """The level of the cascade a document's issuer stands at.

    >>> level_of("Ủy ban nhân dân tỉnh Bắc Ninh", "UBND"), level_of(None, "BTCTW"), level_of("Đảng ủy xã Tân Lập")
    ('provinces', 'central_party', 'districts')
    >>> level_of("Ủy ban nhân dân thành phố Hồ Chí Minh"), level_of("Ủy ban nhân dân thành phố Bắc Giang")
    ('provinces', 'districts')
    """
    head = P.CODE_HEAD.match(issuer_code or "")
    if head and head.group(0).casefold() in _code_levels():
        return _code_levels()[head.group(0).casefold()]
    if not issuer:
        return "other"
    name = " ".join(issuer.casefold().split())  # graph issuers are normalized text already
    if P.LEVEL_WORDS["districts"].search(name):
        return "districts"
    cities = [toneless(m.group("name")).strip() for m in P.CITY.finditer(name)]
    if cities:
        return "provinces" if all(_is_central_city(c) for c in cities) else "districts"  # a city within one
    for level in ("provinces", "central_party", "central_state", "ministries"):
        if P.LEVEL_WORDS[level].search(name):
            return level
    return "other"


def _is_central_city(name: str) -> bool:
    return any(name == city or name.startswith(city + " ") for city in _central_cities())


@cache
def _province_re() -> tuple[re.Pattern[str], dict[str, ProvinceName]]:
    """One regex of every province name (toneless, longest first) and what each stands for."""
    by_key = {_loose(n.written): n for n in province_names()}
    alternatives = "|".join(re.escape(k) for k in sorted(by_key, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])"), by_key


def _loose(name: str) -> str:
    """A name without tone marks, case or punctuation: "Bà Rịa - Vũng Tàu" -> "ba ria vung tau"."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", toneless(name)).split())


@lru_cache(maxsize=8192)
def province_of(*names: str | None) -> ProvinceName | None:
    """The provincial unit the first of ``names`` that names one names (the last one it
    names: "Đảng ủy xã A, huyện B, tỉnh Bắc Giang" is in Bắc Giang).

    >>> province_of("Ủy ban nhân dân tỉnh Bắc Giang").today
    'Bắc Ninh'
    """
    pattern, by_key = _province_re()
    for name in names:
        if not name:
            continue
        found = pattern.findall(_loose(name))
        if found:
            return by_key[found[-1]]
    return None


def lag_days(start: str | None, end: str | None) -> int | None:
    """Days from ``start`` to ``end`` (ISO dates), None when either is unknown."""
    if not start or not end:
        return None
    try:
        return (_day(end[:10]) - _day(start[:10])).days
    except ValueError:
        return None


@lru_cache(maxsize=65536)  # a rollout's rows share the directive's date, and many their own
def _day(value: str) -> date:
    return date.fromisoformat(value)


# --- the walk ---------------------------------------------------------------------------------


def best_evidence(items) -> dict:
    """The most confident evidence item (the first of equals, as the edge lists them)."""
    ordered = sorted(items or [], key=lambda e: -(e.get("confidence") or 0.0))
    return ordered[0] if ordered else {}


class GraphSource:
    """What the walk asks, answered by a networkx graph (:class:`graph.ask_status.IndexSource`
    answers the same from the store's graph tables)."""

    def __init__(self, G: nx.MultiDiGraph):
        self.G = G

    def attrs(self, node: str) -> dict:
        return self.G.nodes[node]

    def steps(self, parents: list[str], types, min_confidence: float) -> dict[str, list[tuple[str, str, float, dict]]]:
        """Each parent's (child, type, confidence, best evidence) over relations coming in, by child."""
        found = {}
        for parent in parents:
            found[parent] = sorted(
                (u, data["type"], data["confidence"], best_evidence(data.get("evidence")))
                for u, _v, data in self.G.in_edges(parent, data=True)
                if data.get("kind") == "relation" and data.get("type") in types and data["confidence"] >= min_confidence
            )
        return found


def rollout_rows(source, node: str, with_basis: bool = False, min_confidence: float = 0.0) -> list[RolloutRow]:
    """Every document acting on ``node`` down the chain, breadth first (the shortest path kept);
    ``source`` is a networkx graph or a :class:`GraphSource`-like reader of the index."""
    if not hasattr(source, "steps"):  # a networkx graph
        source = GraphSource(source)
    types = DOWNWARD_TYPES if with_basis else ("implements",)
    top = source.attrs(node)
    paths: dict[str, tuple[str, ...]] = {node: (display_label(top, node),)}
    rows: list[RolloutRow] = []
    if hasattr(source, "reach"):  # the index: the whole walk at once over the edges' CSR copy
        for child, parent, kind, confidence, evidence in source.reach(node, types, min_confidence):
            attrs = source.attrs(child)
            paths[child] = (display_label(attrs, child), *paths[parent])
            rows.append(_row(child, attrs, top, len(paths[child]) - 1, kind, confidence, paths[child], evidence))
        return _in_cascade_order(rows)
    frontier, depth = [node], 0
    while frontier:
        steps = source.steps(frontier, types, min_confidence)
        grown = []
        for parent in frontier:
            for child, kind, confidence, evidence in steps[parent]:
                if child in paths:
                    continue
                attrs = source.attrs(child)
                paths[child] = (display_label(attrs, child), *paths[parent])
                rows.append(_row(child, attrs, top, depth + 1, kind, confidence, paths[child], evidence))
                grown.append(child)
        frontier, depth = grown, depth + 1
    return _in_cascade_order(rows)


def _in_cascade_order(rows: list[RolloutRow]) -> list[RolloutRow]:
    order = {level: i for i, level in enumerate(LEVELS)}
    return sorted(rows, key=lambda r: (order.get(r.level, len(order)), r.date is None, r.date or "", r.label))


def _row(node, attrs, top, depth, kind, confidence, path, evidence) -> RolloutRow:
    level = level_of(attrs.get("issuer"), attrs.get("issuer_code"))
    local = level in ("provinces", "districts", "other")  # a ministry's date line says Hà Nội
    place = province_of(attrs.get("issuer"), attrs.get("place")) if local else None
    return RolloutRow(
        node,
        path[0],
        level,
        attrs.get("issuer"),
        place.today if place else None,
        place.former if place and place.former != place.today else None,
        attrs.get("date"),
        lag_days(top.get("date"), attrs.get("date")),
        depth,
        kind,
        confidence,
        path,
        evidence.get("text"),
        evidence.get("text_id"),
    )


def summary(rows: Iterable[RolloutRow]) -> list[LevelSummary]:
    """Per level (in cascade order, levels with documents only): count, first, median lag, last."""
    by_level: dict[str, list[RolloutRow]] = {}
    for row in rows:
        by_level.setdefault(row.level, []).append(row)
    found = []
    for level in LEVELS:
        members = by_level.get(level)
        if not members:
            continue
        dated = sorted((r for r in members if r.date), key=lambda r: (r.date or "", r.label))
        lags = [r.lag_days for r in members if r.lag_days is not None]
        found.append(
            LevelSummary(
                level,
                len(members),
                len(dated),
                _named(dated[0]) if dated else None,
                statistics.median(lags) if lags else None,
                _named(dated[-1]) if dated else None,
            )
        )
    return found


def _named(row: RolloutRow) -> str:
    issuer = f" ({row.issuer})" if row.issuer and row.issuer not in row.label else ""
    return f"{row.date} {row.label}{issuer}"


def province_coverage(rows: Iterable[RolloutRow]) -> Coverage:
    """Which of today's 34 provincial units have an implementing document (of the province
    or below it), and which of the 63 former units the documents name."""
    found = Coverage()
    for row in rows:
        if row.province:
            found.covered.setdefault(row.province, []).append(row.label)
            found.former_covered.setdefault(row.former_province or row.province, []).append(row.label)
    found.missing = [p for p in today_provinces() if p not in found.covered]
    found.former_missing = [p for p in _former_units() if p not in found.former_covered]
    return found


@cache
def _former_units() -> tuple[str, ...]:
    """The 63 former provincial units, in the table's order."""
    return tuple(dict.fromkeys(n.former for n in province_names()))


@cache
def central_organs() -> tuple[tuple[str, str], ...]:
    """(code, name) of the central party organs the issuers table knows (not the open bodies)."""
    codes = set(load_table("levels.json")["codes"]["central_party"])
    return tuple(
        (row["code"], row["name"])
        for row in load_table("issuers.json")["issuers"]
        if row.get("system") == "party" and row["code"] in codes
    )


def central_coverage(rows: Iterable[RolloutRow], source) -> Coverage:
    """Which central party organs have an implementing document in the store."""
    if not hasattr(source, "steps"):  # a networkx graph
        source = GraphSource(source)
    found = Coverage()
    names = dict(central_organs())
    for row in rows:
        if row.level != "central_party":
            continue
        code = P.CODE_HEAD.match(source.attrs(row.node).get("issuer_code") or "")
        organ = names.get(code.group(0) if code else "") or row.issuer or "?"
        found.covered.setdefault(organ, []).append(row.label)
    found.missing = [name for name in names.values() if name not in found.covered]
    return found


def rollout(source, node: str, with_basis: bool = False, min_confidence: float = 0.0) -> Rollout:
    """The rollout of document ``node`` (of a networkx graph, or a reader of the index): rows,
    per-level summary, province and central coverage."""
    if not hasattr(source, "steps"):  # a networkx graph
        source = GraphSource(source)
    rows = rollout_rows(source, node, with_basis, min_confidence)
    attrs = source.attrs(node)
    return Rollout(
        node,
        display_label(attrs, node),
        attrs.get("date"),
        rows,
        summary(rows),
        province_coverage(rows),
        central_coverage(rows, source),
    )


def most_implemented(G: nx.MultiDiGraph, n: int = 3, party_only: bool = True, with_basis: bool = False) -> list[str]:
    """The ``n`` documents with the most direct implementers (party documents only: codes with a dash)."""
    types = DOWNWARD_TYPES if with_basis else ("implements",)
    counts = []
    for node, data in G.nodes(data=True):
        if data.get("kind") != "document" or (party_only and not _is_party(data)):
            continue
        implementers = {
            u for u, _v, d in G.in_edges(node, data=True) if d.get("kind") == "relation" and d.get("type") in types
        }
        if implementers:
            counts.append((-len(implementers), node))
    return [node for _count, node in sorted(counts)[:n]]


def _is_party(data: dict) -> bool:
    """A party document: its code is NUMBER-TYPE/ISSUER ("57-NQ/TW"), not a state code ("06/QĐ-TTg")."""
    code = data.get("code") or ""
    return bool(re.match(r"^\d+[a-z]?-[^/]+/", code, re.IGNORECASE))
