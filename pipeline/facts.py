"""Every kind of fact of one normalized text, found by the pure ``find_*`` functions, without spaCy.

The extractors are given the normalized text once, in the order the facts
depend on each other (dates → identity → citations → people → organizations →
relations). An extractor that fails leaves a warning ("people failed: ...")
instead of losing the document, as the spaCy components of ``pipeline.nlp`` do;
the two give the same ``Facts`` for the same text. No word segmentation is
needed here: the spaCy ``Doc`` is built only for displaCy and notebooks.
"""

from __future__ import annotations

from collections.abc import Callable

from extractors.citations import extract_citations, repair_warnings
from extractors.dates import find_dates, find_published
from extractors.identity import page_subject_start, read_identity
from extractors.models import Facts
from extractors.organizations import find_organizations
from extractors.people import find_people
from extractors.relations import find_relations


def find_facts(text: str, *, published_hint: str | None = None, doc_id: str | None = None) -> Facts:
    """The facts of a normalized text; ``published_hint`` (ISO) anchors dates without a year."""
    facts = Facts()

    def dates() -> None:
        facts.published = find_published(text)
        anchor = published_hint or (facts.published.value if facts.published else None)
        facts.dates = find_dates(text, anchor=anchor)

    def identity() -> None:
        facts.identity = read_identity(text, facts.dates)

    def citations() -> None:
        facts.citations = extract_citations(text, facts.dates, facts.identity)
        facts.warnings.extend(repair_warnings(facts.citations, facts.identity))

    def people() -> None:
        facts.people = find_people(text)

    def organizations() -> None:
        facts.organizations = find_organizations(text)

    def relations() -> None:
        page = page_subject_start(text) if facts.identity is None else None
        facts.relations = find_relations(text, facts.citations, facts.identity, doc_id or "", page)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("dates", dates),
        ("identity", identity),
        ("citations", citations),
        ("people", people),
        ("organizations", organizations),
        ("relations", relations),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as err:  # keep the document; say which extractor failed and why
            facts.warnings.append(f"{name} failed: {type(err).__name__}: {err}")
    return facts
