"""The spaCy pipeline: underthesea tokenizer plus one thin component per kind of fact.

Each component runs one step of ``pipeline.run.facts`` (a pure ``find_*`` function of
``extractors``) on ``doc.text`` (the normalized text), adds what it found to
``doc._.facts`` (an ``extractors.models.Facts``) and labels the spans in ``doc.spans["vanban"]``
(CODE, DATE, PERSON, POST, ORG; the group is the ``span_key`` option) for
displaCy. A component that fails leaves a warning on the document instead of
losing it.

The components are spaCy factories, found through the ``spacy_factories`` entry
points of the installed package, so any pipeline in any process can use them::

    nlp = spacy.blank("xx")
    nlp.add_pipe("vanban_citations", config={"span_key": "sc"})
    nlp.to_disk("my_pipeline")        # spacy.load("my_pipeline") works in a fresh process
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.models import Facts
from pipeline import tokenize  # noqa: F401  (registers the tokenizer)
from pipeline.run.facts import Source, run_step

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


def _label(doc: Doc, start: int, end: int, label: str, key: str = SPAN_KEY) -> None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        if key not in doc.spans:
            doc.spans[key] = []
        doc.spans[key].append(span)


# --- what each kind of fact needs and does ------------------------------------------------
#
# The steps are pipeline.run.facts.STEPS. A component runs its step into ``doc._.facts``, first
# running the steps it rests on when no component of this Doc ran them yet, so that
# ``add_pipe("vanban_citations")`` alone, in any spaCy pipeline, finds citations with their
# dates and the directive's own identity.

RAN = "vanban_ran"  # user_data key: the steps already run on this Doc


def _run(doc: Doc, name: str) -> None:
    """Run one step on ``doc`` (after the steps it rests on); failures become warnings."""
    source = Source(doc.text, doc.user_data.get(PUBLISHED_HINT), doc.user_data.get(DOC_ID))
    run_step(name, source, facts_of(doc), doc.user_data.setdefault(RAN, []))  # a list: user_data is serialized


def _spans(name: str, facts: Facts) -> list[tuple[int, int, str]]:
    """The labelled spans a step's facts give: (start, end, label)."""
    if name == "dates":
        return [(d.start, d.end, "DATE") for d in facts.dates]
    if name == "citations":
        return [(c.start, c.end, "CODE") for c in facts.citations]
    if name == "people":
        return [(s, e, "PERSON") for p in facts.people for s, e in p.mentions] + [
            (post.start, post.end, "POST") for p in facts.people for post in p.posts
        ]
    if name == "organizations":
        return [(o.start, o.end, "ORG") for o in facts.organizations]
    return []


class FactComponent:
    """A spaCy component for one kind of fact: facts in ``doc._.facts``, labelled spans in ``doc.spans[span_key]``."""

    def __init__(self, step: str, span_key: str = SPAN_KEY):
        self.step = step
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        _run(doc, self.step)
        for start, end, label in _spans(self.step, facts_of(doc)):
            _label(doc, start, end, label, self.span_key)
        return doc


_SPAN_CONFIG = {"span_key": SPAN_KEY}  # the span group the labels go to (displaCy's spans_key)


@Language.factory("vanban_dates", default_config=_SPAN_CONFIG, assigns=["doc._.facts", "doc.spans"])
def make_dates(nlp: Language, name: str, span_key: str) -> FactComponent:
    """Dates, months, years, periods and terms, and the text's own date (DATE spans)."""
    return FactComponent("dates", span_key)


@Language.factory("vanban_identity", assigns=["doc._.facts"])
def make_identity(nlp: Language, name: str) -> FactComponent:
    """A directive's own code, issuer, date, subject and signer (``doc._.facts.identity``)."""
    return FactComponent("identity")


@Language.factory("vanban_citations", default_config=_SPAN_CONFIG, assigns=["doc._.facts", "doc.spans"])
def make_citations(nlp: Language, name: str, span_key: str) -> FactComponent:
    """Document codes and citations (CODE spans)."""
    return FactComponent("citations", span_key)


@Language.factory("vanban_people", default_config=_SPAN_CONFIG, assigns=["doc._.facts", "doc.spans"])
def make_people(nlp: Language, name: str, span_key: str) -> FactComponent:
    """People and their posts (PERSON and POST spans)."""
    return FactComponent("people", span_key)


@Language.factory("vanban_organizations", default_config=_SPAN_CONFIG, assigns=["doc._.facts", "doc.spans"])
def make_organizations(nlp: Language, name: str, span_key: str) -> FactComponent:
    """Organizations with their canonical names (ORG spans)."""
    return FactComponent("organizations", span_key)


@Language.factory("vanban_relations", assigns=["doc._.facts"])
def make_relations(nlp: Language, name: str) -> FactComponent:
    """Typed relations between documents, with evidence (``doc._.facts.relations``)."""
    return FactComponent("relations")


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
    doc.user_data[RAN] = []
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return doc


__all__ = ["load_nlp", "make_doc", "facts_of", "SPAN_KEY", "Span"]
