"""What graph queries return, and how names and codes are matched loosely.

Shared by the networkx queries (:mod:`graph.queries`) and the store's index
(:mod:`graph.index`) so that both answer with the same dataclasses and the same
labels. Imports nothing heavy: a query process that reads the index never loads
networkx.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from extractors.codes import code_key, fold

#: Relation types that run down the hierarchy (the source rests on the target).
DOWNWARD_TYPES = ("implements", "based_on")


class UnknownDocument(KeyError):
    """No document node carries the code asked for."""

    def __str__(self) -> str:
        return f"no document {self.args[0]!r} in the graph"


class NoPath(LookupError):
    """Two documents are not connected by relations."""


@dataclass(frozen=True)
class Link:
    """A document reached over a relation edge.

    ``via`` is the document it was reached from and ``depth`` how many relation
    steps away from the starting document it stands.
    """

    node: str
    label: str
    type: str
    confidence: float
    evidence: int
    depth: int = 1
    via: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One text's evidence for a relation: where it is (text, source, original offsets), the rule
    and confidence, and the sentence (``None`` where only the store's text has it)."""

    text_id: str
    source: str | None
    start: int | None
    end: int | None
    rule: str | None
    confidence: float | None
    sentence: str | None = None


@dataclass
class DocumentReport:
    """What a document is, what it rests on, what rests on it, and the texts that cite it."""

    node: str
    attributes: dict
    basis: list[Link] = field(default_factory=list)  # relations going out: it implements / cites ...
    dependents: list[Link] = field(default_factory=list)  # relations coming in
    texts: list[dict] = field(default_factory=list)  # {node, title, source, published, count}


@dataclass(frozen=True)
class PostHeld:
    """A post a person held, with the date and the text it comes from (the best dated one when
    several say so: its own years first, then the newest text; ``texts`` counts every text that
    does), and when the post was held where the text says (``since`` / ``until``, ``YYYY`` or
    ``YYYY-MM``; ``former``)."""

    person: str
    title: str
    organization: str | None
    date: str | None
    text_id: str
    text_title: str | None
    source: str | None
    since: str | None = None
    until: str | None = None
    former: bool = False
    texts: int = 1

    @property
    def when(self) -> str | None:
        """When the post was held: its start where the text gives it, else the text's date."""
        return self.since or self.date


def posts_once(held: Iterable[PostHeld]) -> list[PostHeld]:
    """Each post of each person once (title and organization compared folded), from the text
    that dates it best (one giving the post's own years first, then the newest), counting the
    texts that say so; per person newest first by ``when``, undated last."""
    groups: dict[tuple, list[PostHeld]] = {}
    for post in held:
        key = (post.person, " ".join(fold(post.title).split()), " ".join(fold(post.organization or "").split()))
        groups.setdefault(key, []).append(post)
    once = []
    for posts in groups.values():
        best = max(
            posts,
            key=lambda p: (bool(p.since or p.until), p.date or "", p.text_id, p.title, p.organization or ""),
        )
        once.append(replace(best, texts=len({p.text_id for p in posts})))
    once.sort(key=lambda p: (p.person, p.when is None, _descending(p.when or ""), p.title, p.organization or ""))
    return once


def _descending(text: str) -> tuple:
    return tuple(-ord(ch) for ch in text)


@dataclass(frozen=True)
class Hop:
    """One step of a path: ``source --type--> target`` (edge direction as stored), node keys and labels."""

    source: str
    type: str
    target: str
    source_label: str = ""
    target_label: str = ""


@dataclass(frozen=True)
class Cited:
    """A document and how many texts cite it."""

    node: str
    label: str
    cited_by: int


@dataclass(frozen=True)
class Candidate:
    """One of the documents an ambiguous code stands for: enough to choose between them."""

    node: str
    label: str
    issuer: str | None
    term: str | None
    date: str | None
    cited_by: int
    first_text: str | None = None  # title (or source) of the earliest text citing it
    first_published: str | None = None  # and that text's date


def display_label(data: dict, node: str) -> str:
    """How a document node is shown: its code, with the issuer of a local code, the term of a
    split central code, or "issuer unknown" / "term unknown" / "edition unknown" (a named
    document) when the texts did not say."""
    if data.get("kind", "document") != "document":
        return data.get("label") or node
    return document_label(
        data.get("label") or node, data.get("issuer"), data.get("scope"), data.get("term"), data.get("ambiguous")
    )


def document_label(label: str, issuer: str | None, scope: str | None, term: str | None, ambiguous) -> str:
    """:func:`display_label` from the attributes themselves (the index's columns)."""
    if issuer and scope == "local":
        return f"{label} ({issuer})"
    if term:
        return f"{label} (khóa {term})"
    if ambiguous:
        unknown = {"local": "issuer", "named": "edition"}.get(scope or "", "term")
        return f"{label} ({unknown} unknown)"
    return label


# One character class per difference a user may not type: dashes and spaces.
_LOOSE_DROP = re.compile(r"[\s\-‐‑‒–—―]+")


def toneless(text: str) -> str:
    """``fold`` without tone marks and with đ as d: "Võ Thị Mai" -> "vo thi mai".

    >>> toneless("Đảng ủy Khối")
    'dang uy khoi'
    """
    decomposed = unicodedata.normalize("NFD", fold(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("đ", "d").split())


def loose_code_key(code: str) -> str:
    """A code (or a document's name) compared without tone marks, case, dashes or Đ/D:
    ``50-QĐ/TW``, ``50-qđ/tw``, ``50 QD/TW`` and ``50-QD/TW`` all give ``50qd/tw``.

    >>> loose_code_key("50-qđ/tw") == loose_code_key("50-QD/TW")
    True
    """
    return _LOOSE_DROP.sub("", toneless(code_key(code)))


# "năm" before a year: "Luật Đất đai năm 2024" and "Luật Đất đai 2024" are one name.
_YEAR_WORD = re.compile(r"nam(?=\d{4}\b)")


def document_name_key(name: str) -> str:
    """A document's name compared loosely: no tone marks, case, spaces or dashes, "năm" before
    a year optional: ``luat dat dai 2024`` finds ``Luật Đất đai năm 2024``.

    >>> document_name_key("Luật Đất đai năm 2024") == document_name_key("luat dat dai 2024")
    True
    """
    return _YEAR_WORD.sub("", loose_code_key(name))


def majority_spelling(spellings: dict | None, current: str | None) -> str | None:
    """Of the spellings that fold like ``current`` ("Ban chấp hành Trung ương" 22 times, "Ban Chấp
    hành Trung ương" 357), the most used (ties: the greater string, so any merge order agrees)."""
    if not spellings or not current:
        return current
    same = [(count, spelling) for spelling, count in spellings.items() if fold(spelling) == fold(current)]
    return max(same)[1] if same else current


def common_name(names: dict | None) -> str | None:
    """The name the texts give a document most often (ties: the longer, then the first in order)."""
    if not names:
        return None
    return max(names.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]


def name_key(name: str) -> str:
    """A person's name as the networkx queries compare it: folded, one space."""
    return " ".join(fold(name).split())


Node = TypeVar("Node", bound=Hashable)
#: One side's expansion: for each node of a frontier, its (neighbour, hop) pairs in a stable order.
Expand = Callable[[int, list[Node]], dict[Node, Iterable[tuple[Node, Any]]]]


def meet_in_the_middle(sources: Sequence[Node], targets: Sequence[Node], expand: Expand[Node]) -> list[Any] | None:
    """Hops of a shortest chain from ``sources`` to ``targets``, or None.

    Breadth-first from both ends, growing the smaller side each round (hubs such as a Bộ
    Chính trị regulation have thousands of neighbours, a leaf guidance a few).
    ``expand(side, frontier)`` gives each frontier node's steps (side 0 grows from the
    sources, side 1 from the targets); the hops come out in the sources-to-targets order.
    """
    parents: tuple[dict[Node, Any], dict[Node, Any]] = ({s: None for s in sources}, {t: None for t in targets})
    frontiers: list[list[Node]] = [list(sources), list(targets)]
    meet = None
    while frontiers[0] and frontiers[1] and meet is None:
        side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
        seen, other = parents[side], parents[1 - side]
        steps = expand(side, frontiers[side])
        grown = []
        for node in frontiers[side]:
            for neighbour, hop in steps[node]:
                if neighbour in seen:
                    continue
                seen[neighbour] = (node, hop)
                if neighbour in other:
                    meet = neighbour
                    break
                grown.append(neighbour)
            if meet is not None:
                break
        frontiers[side] = grown
    if meet is None:
        return None
    hops = []
    node = meet
    while parents[0][node] is not None:
        node, hop = parents[0][node]
        hops.append(hop)
    hops.reverse()
    node = meet
    while parents[1][node] is not None:
        node, hop = parents[1][node]
        hops.append(hop)
    return hops


def excerpt(sentence: str | None, near: str | None = None, width: int = 200) -> str:
    """``sentence`` on one line and at most ``width`` characters, centred on ``near`` (a code)
    when the sentence is longer: the part of a long evidence paragraph that names the document.

    >>> excerpt("a " * 200 + "thay thế Quy định số 105-QĐ/TW ngày 19/12/2017.", "105-QĐ/TW", 40)
    '…hay thế Quy định số 105-QĐ/TW ngày 19/12…'
    """
    text = " ".join((sentence or "").split())
    if len(text) <= width:
        return text
    at = text.find(near) if near else -1
    start = 0 if at < 0 else max(0, min(at - width // 2, len(text) - width))
    return ("…" if start else "") + text[start : start + width].strip() + ("…" if start + width < len(text) else "")
