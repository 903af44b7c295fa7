"""The spaCy pipeline: underthesea tokenizer plus one thin component per kind of fact.

Each component calls a pure ``find_*`` function of ``extractors`` on ``doc.text``
(the normalized text), adds what it found to ``doc._.facts`` (an
``extractors.models.Facts``) and labels the spans in ``doc.spans["vanban"]``
(CODE, DATE, PERSON, POST, ORG) for displaCy. A component that fails leaves a
warning on the document instead of losing it.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.models import Facts
from pipeline import tokenize  # noqa: F401  (registers the tokenizer)

SPAN_KEY = "vanban"
PUBLISHED_HINT = "vanban_published_hint"  # user_data key: the date from metadata, ISO
DOC_ID = "vanban_doc_id"  # user_data key: the document's id (relation source fallback)
COMPONENTS = [
    "vanban_dates",
    "vanban_identity",
    "vanban_citations",
    "vanban_people",
    "vanban_organizations",
    "vanban_relations",
]

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


def facts_of(doc: Doc) -> Facts:
    if doc._.facts is None:
        doc._.facts = Facts()
    return doc._.facts


def _label(doc: Doc, start: int, end: int, label: str) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        if SPAN_KEY not in doc.spans:
            doc.spans[SPAN_KEY] = []
        doc.spans[SPAN_KEY].append(span)


def _guarded(name: str, doc: Doc, work) -> None:
    try:
        work(facts_of(doc))
    except Exception as err:  # keep the document; say which extractor failed and why
        facts_of(doc).warnings.append(f"{name} failed: {type(err).__name__}: {err}")


@Language.component("vanban_dates", assigns=["doc._.facts", "doc.spans"])
def dates_component(doc: Doc) -> Doc:
    def work(facts: Facts) -> None:
        from extractors.dates import find_dates, find_published

        facts.published = find_published(doc.text)
        anchor = doc.user_data.get(PUBLISHED_HINT) or (facts.published.value if facts.published else None)
        facts.dates = find_dates(doc.text, anchor=anchor)
        for mention in facts.dates:
            _label(doc, mention.start, mention.end, "DATE")

    _guarded("dates", doc, work)
    return doc


@Language.component("vanban_identity", assigns=["doc._.facts"])
def identity_component(doc: Doc) -> Doc:
    def work(facts: Facts) -> None:
        from extractors.identity import read_identity

        facts.identity = read_identity(doc.text, facts.dates)

    _guarded("identity", doc, work)
    return doc


@Language.component("vanban_citations", assigns=["doc._.facts", "doc.spans"])
def citations_component(doc: Doc) -> Doc:
    def work(facts: Facts) -> None:
        from extractors.citations import extract_citations, repair_warnings

        facts.citations = extract_citations(doc.text, facts.dates, facts.identity)
        facts.warnings.extend(repair_warnings(facts.citations, facts.identity))
        for citation in facts.citations:
            _label(doc, citation.start, citation.end, "CODE")

    _guarded("citations", doc, work)
    return doc


@Language.component("vanban_people", assigns=["doc._.facts", "doc.spans"])
def people_component(doc: Doc) -> Doc:
    def work(facts: Facts) -> None:
        from extractors.people import find_people

        facts.people = find_people(doc.text)
        for person in facts.people:
            for start, end in person.mentions:
                _label(doc, start, end, "PERSON")
            for post in person.posts:
                _label(doc, post.start, post.end, "POST")

    _guarded("people", doc, work)
    return doc


@Language.component("vanban_organizations", assigns=["doc._.facts", "doc.spans"])
def organizations_component(doc: Doc) -> Doc:
    def work(facts: Facts) -> None:
        from extractors.organizations import find_organizations

        facts.organizations = find_organizations(doc.text)
        for org in facts.organizations:
            _label(doc, org.start, org.end, "ORG")

    _guarded("organizations", doc, work)
    return doc


@Language.component("vanban_relations", assigns=["doc._.facts"])
def relations_component(doc: Doc) -> Doc:
    def work(facts: Facts) -> None:
        from extractors.identity import page_subject_start
        from extractors.relations import find_relations

        doc_id = doc.user_data.get(DOC_ID) or ""
        page = page_subject_start(doc.text) if facts.identity is None else None
        facts.relations = find_relations(doc.text, facts.citations, facts.identity, doc_id, page)

    _guarded("relations", doc, work)
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The vanban pipeline (built once per process)."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": tokenize.TOKENIZER_NAME}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def make_doc(text: str, *, published_hint: str | None = None, doc_id: str | None = None) -> Doc:
    """Tokenize and run every component on a normalized text."""
    nlp = load_nlp()
    doc = nlp.make_doc(text)
    doc.user_data[PUBLISHED_HINT] = published_hint
    doc.user_data[DOC_ID] = doc_id
    doc._.facts = Facts()
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


__all__ = ["load_nlp", "make_doc", "facts_of", "SPAN_KEY", "Span"]
