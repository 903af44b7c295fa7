"""Is a document still in force? Its status as of a date, with the documents that decide it.

A document's status comes from the relations that end or change it (``replaces``,
``repeals``, ``amends`` coming in), the period a plan states ("giai đoạn 2021 - 2025"),
its own effective-date clause and the documents that act on it:

==================  =============================================================================
status              when
==================  =============================================================================
repealed            a document repeals the whole of it, in effect on or before the date
replaced            a document replaces the whole of it, in effect on or before the date
expired             a plan, programme or project whose stated period ended before the date
partly_repealed     a document repeals a part of it ("bãi bỏ Điều 5 của ...") and nothing ends it
amended             a document amends it (or replaces a part of it) and nothing ends it
in_force            its own text is in the store or it says from when it is in force, or a
                    document acts on it (implements, based_on) on or before the date; and nothing
                    above applies
unknown             nothing in the store says (a document only cited), or it is not issued or
                    not in force yet on the date
==================  =============================================================================

An act takes effect on the date its evidence sentence gives ("từ ngày 15/12/2025, ...
thay thế ..."), else the acting document's own effective date, else its date, else the
earliest date of a text reporting it; an act with no date at all still counts (its
``date`` is None). :func:`conflicts` lists what a researcher should look at: two documents
that both replace one, a document acting on one already ended, an end dated before the
document it ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from extractors.dates import find_dates
from extractors.patterns import status as P
from graph.answers import display_label

if TYPE_CHECKING:  # a query process answering from the index never loads networkx
    import networkx as nx

STATUSES = ("in_force", "amended", "partly_repealed", "replaced", "repealed", "expired", "unknown")
ENDING = ("repeals", "replaces")
CHANGING = ("amends",)
ACTING = ("implements", "based_on")
#: Types of document with a stated period that ends: Kế hoạch, Chương trình, Đề án, Chương trình hành động.
PERIOD_TYPES = frozenset({"KH", "CTr", "CTHĐ", "CTHD", "ĐA", "KHHĐ", "KHTH"})
_PART_REACH = 120  # characters before the document's code where a named part counts


@dataclass(frozen=True)
class Decision:
    """One thing that decides a status: a document acting on it, its period, or its own clause."""

    kind: str  # replaces | repeals | amends | implements | based_on | period | effective | own_text
    node: str | None  # the acting document (None for period, effective, own_text)
    label: str | None
    date: str | None  # when it takes effect (ISO), None when nothing says
    evidence: str | None  # the sentence that says so
    text_id: str | None = None  # the text it comes from
    partial: bool = False  # touches only a part ("Điều 5", "mẫu số 05")


@dataclass
class Status:
    """A document's status as of a date, the decisions behind it and why."""

    node: str
    label: str
    status: str
    as_of: str
    since: str | None  # from when the status holds, where known
    reason: str
    decided_by: list[Decision] = field(default_factory=list)
    also: list[Decision] = field(default_factory=list)  # amendments and partial repeals of an ended document


@dataclass(frozen=True)
class Conflict:
    """A finding a researcher should look at: ``kind`` is ``two_replacers``,
    ``acted_on_after_end`` or ``ended_before_issued``."""

    kind: str
    node: str
    label: str
    detail: str
    decisions: tuple[Decision, ...]


# --- reading evidence ---------------------------------------------------------------


def stated_date(sentence: str | None) -> str | None:
    """The date an evidence sentence says its act takes effect: "từ ngày 15/12/2025, ...".

    >>> stated_date("Theo đó, từ ngày 15/12/2025, Nghị định 320/2025/NĐ-CP thay thế Nghị định 218/2013/NĐ-CP.")
    '2025-12-15'
    >>> stated_date("Quyết định này thay thế Quyết định số 15/2014/QĐ-UBND ngày 02/7/2014.") is None
    True
    """
    if not sentence:
        return None
    cues = [m.end() for m in P.FROM_DATE_CUE.finditer(sentence)]
    if not cues:
        return None
    for mention in find_dates(sentence):
        if mention.kind == "date" and mention.value and any(0 <= mention.start - cue <= 6 for cue in cues):
            return mention.value
    return None


def is_partial(sentence: str | None, code: str | None) -> bool:
    """Whether the act touches a part of the document only: a part ("Điều 5", "mẫu số 05",
    "một số điều") named between the verb and the document's code, and no "toàn bộ".

    >>> is_partial("Bãi bỏ mẫu số 05 tại Phụ lục kèm theo Nghị quyết số 20/2023/NQ-HĐND.", "20/2023/NQ-HĐND")
    True
    >>> is_partial("bãi bỏ toàn bộ Quyết định 06/2008/QĐ-KTNN", "06/2008/QĐ-KTNN")
    False
    """
    if not sentence:
        return False
    at = sentence.find(code) if code else -1
    if at < 0 and code:
        at = sentence.casefold().find(code.split("/")[0].casefold())
    if at < 0:
        return False
    verbs = [m.end() for m in P.END_VERB.finditer(sentence, 0, at)]
    start = verbs[-1] if verbs else max(0, at - _PART_REACH)
    between = sentence[start:at]
    if ";" in between:  # a list "...: a) X ...; b) Y": the lead before the list, and Y's own item
        lead = between[: between.find(":") + 1] if ":" in between else ""
        between = lead + " " + between[between.rfind(";") + 1 :]
    between = between[-_PART_REACH:]
    return bool(P.PART_OF.search(between)) and not P.WHOLE.search(between)


def period_end(subject: str | None) -> tuple[str, str] | None:
    """(end date, the words) of the period a plan's subject states: "giai đoạn 2021 - 2025"
    ends on 2025-12-31, "đến năm 2030" on 2030-12-31, "năm 2024" (a yearly plan) on 2024-12-31.

    >>> period_end("thực hiện Chương trình chuyển đổi số giai đoạn 2021 - 2025")
    ('2025-12-31', '2021 - 2025')
    """
    if not subject:
        return None
    mentions = find_dates(subject)
    for m in mentions:
        if m.kind in ("period", "term") and m.range:
            return _year_end(m.range[1]), subject[m.start : m.end]
    years = [m for m in mentions if m.kind == "year" and m.value]
    if years:
        last = max(years, key=lambda m: m.value or "")
        to = subject[max(0, last.start - 12) : last.start].casefold()
        if "đến" in to or len(years) == 1:
            return _year_end(last.value or ""), subject[last.start : last.end]
    return None


def _year_end(value: str) -> str:
    return f"{value[:4]}-12-31"


# --- one document ---------------------------------------------------------------------


@dataclass(frozen=True)
class Act:
    """One relation coming into a document, as either source of the graph gives it."""

    kind: str  # the relation type
    node: str  # the acting document
    label: str
    attrs: dict  # the acting document's attributes (date, effective ...)
    evidence: tuple[dict, ...]  # {text_id, text, confidence, published}: one per text and span


def decision(act: Act, target_code: str | None) -> Decision:
    """An act as a decision: when it takes effect and its most confident evidence."""
    items = sorted(act.evidence, key=lambda e: -(e.get("confidence") or 0.0))
    best = items[0] if items else {}
    when = next((d for e in items if (d := stated_date(e.get("text")))), None)
    reported = sorted(e["published"] for e in items if e.get("published"))
    when = when or act.attrs.get("effective") or act.attrs.get("date") or (reported[0] if reported else None)
    said = [e["text"] for e in items if e.get("text")]
    partial = bool(said) and all(is_partial(text, target_code) for text in said)
    return Decision(
        act.kind, act.node, act.label, when, best.get("text"), best.get("text_id"), partial and act.kind != "amends"
    )


def by_date(decisions: Iterable[Decision]) -> list[Decision]:
    return sorted(decisions, key=lambda d: (d.date is None, d.date or "", d.label or ""))


def graph_acts(G: nx.MultiDiGraph, node: str, types: Iterable[str]) -> list[Act]:
    """The relations of ``types`` coming into ``node`` of a networkx graph."""
    wanted = set(types)
    acts = []
    for u, _v, data in G.in_edges(node, data=True):
        if data.get("kind") != "relation" or data.get("type") not in wanted or u == node:
            continue
        evidence = tuple(
            {**e, "published": G.nodes.get(f"text:{e.get('text_id')}", {}).get("published")}
            for e in data.get("evidence") or []
        )
        acts.append(Act(data["type"], u, display_label(G.nodes[u], u), G.nodes[u], evidence))
    return acts


def target_code(attrs: dict) -> str | None:
    """The code an evidence sentence names the document by."""
    return attrs.get("code") or attrs.get("label")


def incoming(G: nx.MultiDiGraph, node: str, types: Iterable[str]) -> list[Decision]:
    """Decisions of the documents acting on ``node`` with relations of ``types``, by date."""
    code = target_code(G.nodes[node])
    return by_date(decision(act, code) for act in graph_acts(G, node, types))


def _on_or_before(when: str | None, as_of: str) -> bool:
    return when is None or when[:10] <= as_of


STATUS_TYPES = (*ENDING, *CHANGING, *ACTING)  # the relations a status reads


def document_status(G: nx.MultiDiGraph, node: str, as_of: str | None = None) -> Status:
    """The status of document ``node`` of a networkx graph as of ``as_of`` (ISO date; default today)."""
    attrs = G.nodes[node]
    return decide(node, display_label(attrs, node), attrs, incoming(G, node, STATUS_TYPES), as_of)


def decide(node: str, label: str, attrs: dict, decisions: list[Decision], as_of: str | None = None) -> Status:
    """The status of a document from its attributes and the decisions of the documents acting on
    it (:func:`incoming`), as of ``as_of``: the rules of the table above."""
    as_of = as_of or date.today().isoformat()
    acts = [d for d in decisions if _on_or_before(d.date, as_of)]
    ends = [d for d in acts if d.kind in ENDING and not d.partial]
    parts = [d for d in acts if d.kind == "repeals" and d.partial]
    changes = [d for d in acts if d.kind == "amends" or (d.kind == "replaces" and d.partial)]
    if ends:
        first = ends[0]
        status = "repealed" if first.kind == "repeals" else "replaced"
        verb = "repealed" if first.kind == "repeals" else "replaced"
        return Status(node, label, status, as_of, first.date, f"{verb} by {first.label}", ends, parts + changes)
    period = _expiry(attrs, as_of)
    if period is not None:
        return Status(
            node,
            label,
            "expired",
            as_of,
            period.date,
            f"its period ended ({period.evidence})",
            [period],
            parts + changes,
        )
    if parts:
        return Status(
            node, label, "partly_repealed", as_of, parts[0].date, f"part repealed by {parts[0].label}", parts, changes
        )
    if changes:
        return Status(node, label, "amended", as_of, changes[0].date, f"amended by {changes[0].label}", changes)
    return _in_force_or_unknown(node, attrs, label, as_of, [d for d in acts if d.kind in ACTING])


def _expiry(attrs: dict, as_of: str) -> Decision | None:
    if attrs.get("doc_type") not in PERIOD_TYPES:
        return None
    found = period_end(attrs.get("subject"))
    if found is None or found[0] >= as_of:
        return None
    return Decision("period", None, None, found[0], found[1])


def _in_force_or_unknown(node: str, attrs: dict, label: str, as_of: str, acting: list[Decision]) -> Status:
    issued, effective = attrs.get("date"), attrs.get("effective")
    if issued and issued > as_of:
        return Status(node, label, "unknown", as_of, None, f"not issued yet on {as_of} (dated {issued})")
    if effective and effective > as_of:
        return Status(
            node,
            label,
            "unknown",
            as_of,
            effective,
            f"not in force yet on {as_of} (from {effective})",
            [Decision("effective", None, None, effective, attrs.get("effective_text"))],
        )
    if effective:
        clause = Decision("effective", None, None, effective, attrs.get("effective_text"))
        return Status(node, label, "in_force", as_of, effective, "in force from its own effective date", [clause])
    if acting:
        latest = max(acting, key=lambda d: d.date or "")
        return Status(
            node,
            label,
            "in_force",
            as_of,
            issued,
            f"acted on by {latest.label}{f' on {latest.date}' if latest.date else ''}; nothing ends it",
            [latest],
        )
    if attrs.get("own_text") and issued:
        own = Decision("own_text", None, None, issued, None)
        return Status(node, label, "in_force", as_of, issued, "its own text is in the store; nothing ends it", [own])
    return Status(node, label, "unknown", as_of, None, "nothing in the store says")


def document_nodes(G: nx.MultiDiGraph) -> list[str]:
    return [n for n, data in G.nodes(data=True) if data.get("kind") == "document"]


def all_statuses(G: nx.MultiDiGraph, as_of: str | None = None) -> dict[str, Status]:
    """The status of every document node."""
    as_of = as_of or date.today().isoformat()
    return {node: document_status(G, node, as_of) for node in document_nodes(G)}


def annotate(G: nx.MultiDiGraph, as_of: str | None = None) -> dict[str, int]:
    """Write each document's ``status`` (and ``status_since``) onto its node, the as-of date
    on the graph (``status_as_of``); return the counts per status."""
    as_of = as_of or date.today().isoformat()
    counts = dict.fromkeys(STATUSES, 0)
    for node, found in all_statuses(G, as_of).items():
        G.nodes[node]["status"] = found.status
        G.nodes[node]["status_since"] = found.since
        counts[found.status] += 1
    G.graph["status_as_of"] = as_of
    return counts


# --- conflicts ------------------------------------------------------------------------------


def conflicts(G: nx.MultiDiGraph, nodes: Iterable[str] | None = None) -> list[Conflict]:
    """Findings to look at, over ``nodes`` (default: every document)."""
    found: list[Conflict] = []
    for node in document_nodes(G) if nodes is None else nodes:
        attrs = G.nodes[node]
        label = display_label(attrs, node)
        acts = incoming(G, node, (*ENDING, *ACTING))
        replacers = [d for d in acts if d.kind == "replaces" and not d.partial]
        if len({d.node for d in replacers}) > 1:
            names = ", ".join(d.label or "" for d in replacers)
            found.append(
                Conflict("two_replacers", node, label, f"replaced by {len(replacers)}: {names}", tuple(replacers))
            )
        ends = [d for d in acts if d.kind in ENDING and not d.partial and d.date]
        if ends:
            end = ends[0]
            late = [d for d in acts if d.kind in ACTING and d.date and d.date > end.date]  # type: ignore[operator]
            for d in late:
                found.append(
                    Conflict(
                        "acted_on_after_end",
                        node,
                        label,
                        f"{d.label} ({d.date}) {d.kind} it after its end by {end.label} ({end.date})",
                        (end, d),
                    )
                )
        issued = attrs.get("date")
        for d in (d for d in acts if d.kind in ENDING and d.date and issued and d.date < issued):
            found.append(
                Conflict(
                    "ended_before_issued",
                    node,
                    label,
                    f"{d.kind} by {d.label} on {d.date}, before its own date {issued}",
                    (d,),
                )
            )
    return found
