"""Every kind of fact of one normalized text, found by the pure ``find_*`` functions, without spaCy.

The steps and what each rests on are written once, here (:data:`STEPS`): dates →
identity → citations → people (with the signer the identity found) → organizations →
relations. :func:`find_facts`
runs them all on a text; the spaCy components of ``pipeline.nlp`` run them one
at a time on a ``Doc`` through :func:`run_step`. A step that fails leaves a
warning ("people failed: ...") instead of losing the document. No word
segmentation is needed here: the spaCy ``Doc`` is built only for displaCy and
notebooks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extractors.citations import extract_citations, repair_warnings
from extractors.dates import find_dates, find_published
from extractors.identity import page_subject_start, read_identity
from extractors.learned.relation_decision import decide_relations
from extractors.models import Facts
from extractors.organizations import find_organizations
from extractors.people import find_people
from extractors.relations import read_relations


@dataclass(frozen=True)
class Source:
    """The normalized text with what the steps may need besides it."""

    text: str
    published_hint: str | None = None  # ISO date from metadata: anchors dates written without a year
    doc_id: str | None = None  # the document's id: a relation's source when the text has no code
    relations_mode: str = "hybrid"  # rules | model | hybrid (extractors.learned.relation_decision)
    posts_mode: str = "hybrid"  # rules | hybrid (extractors.learned.post_decision, see its card)


def _dates(src: Source, facts: Facts) -> None:
    facts.published = find_published(src.text)
    anchor = src.published_hint or (facts.published.value if facts.published else None)
    facts.dates = find_dates(src.text, anchor=anchor)


def _identity(src: Source, facts: Facts) -> None:
    facts.identity = read_identity(src.text, facts.dates)


def _citations(src: Source, facts: Facts) -> None:
    facts.citations = extract_citations(src.text, facts.dates, facts.identity)
    facts.warnings.extend(repair_warnings(facts.citations, facts.identity))


def _people(src: Source, facts: Facts) -> None:
    facts.people = find_people(src.text, facts.identity.signer if facts.identity else None, src.posts_mode)


def _organizations(src: Source, facts: Facts) -> None:
    facts.organizations = find_organizations(src.text)


def _relations(src: Source, facts: Facts) -> None:
    page = page_subject_start(src.text) if facts.identity is None else None
    reading = read_relations(src.text, facts.citations, facts.identity, src.doc_id or "", page)
    facts.relations = decide_relations(src.text, reading, src.relations_mode)


#: name -> (the steps it rests on, the work), in the order find_facts runs them
STEPS: dict[str, tuple[tuple[str, ...], Callable[[Source, Facts], None]]] = {
    "dates": ((), _dates),
    "identity": (("dates",), _identity),
    "citations": (("dates", "identity"), _citations),
    "people": (("identity",), _people),
    "organizations": ((), _organizations),
    "relations": (("citations", "identity"), _relations),
}


def run_step(name: str, src: Source, facts: Facts, ran: list[str]) -> None:
    """Run one step into ``facts``, after the steps it rests on that are not in ``ran`` yet."""
    if name in ran:
        return
    ran.append(name)
    requires, work = STEPS[name]
    for needed in requires:
        run_step(needed, src, facts, ran)
    try:
        work(src, facts)
    except Exception as err:  # keep the document; say which extractor failed and why
        facts.warnings.append(f"{name} failed: {type(err).__name__}: {err}")


def find_facts(
    text: str,
    *,
    published_hint: str | None = None,
    doc_id: str | None = None,
    relations_mode: str = "hybrid",
    posts_mode: str = "hybrid",
) -> Facts:
    """The facts of a normalized text; ``published_hint`` (ISO) anchors dates without a year;
    ``relations_mode`` says who decides relations (rules, model or hybrid)."""
    facts, ran = Facts(), list[str]()
    src = Source(text, published_hint, doc_id, relations_mode, posts_mode)
    for name in STEPS:
        run_step(name, src, facts, ran)
    return facts
