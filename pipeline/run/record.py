"""Build the OUTPUT.md record from a document's facts, with every offset mapped to the original text."""

from __future__ import annotations

import re
from dataclasses import asdict

from extractors.citations import named_label
from extractors.models import Facts, SelfIdentity
from pipeline.models import RawDocument
from pipeline.titles import is_boilerplate, text_title
from vntext.normalize import NormalizedText

SCHEMA = "vanban.document/1"
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")  # the date part of an ISO timestamp
RECORD_FORMATS = {"md": "txt"}  # OUTPUT.md names Markdown input "txt"


def build_record(raw: RawDocument, norm: NormalizedText, facts: Facts) -> dict:
    """The record for one document; spans carry original offsets and original text."""
    original = norm.original

    def span(start: int, end: int) -> tuple[int, int]:
        return norm.original_span(start, end)

    citations = []
    for c in facts.citations:
        s, e = span(c.start, c.end)
        citations.append(
            {
                "text": original[s:e],
                "start": s,
                "end": e,
                "code": c.code,
                "form": c.form,
                "doc_type": c.doc_type,
                "doc_type_name": c.doc_type_name,
                "number": c.number,
                "issuer_code": c.issuer_code,
                "issuer": c.issuer,
                "date": c.date,
                "subject": c.subject,
                **({"name": named_label(c)} if c.name else {}),
                **({"edition": c.edition} if c.name and c.edition else {}),
            }
        )

    dates = []
    for d in facts.dates:
        s, e = span(d.start, d.end)
        item = {"text": original[s:e], "start": s, "end": e, "kind": d.kind}
        if d.range is not None:
            item["range"] = list(d.range)
        else:
            item["value"] = d.value
        if d.relative:
            item["relative"] = True
        dates.append(item)

    people = []
    for p in facts.people:
        mentions = []
        for ms, me in p.mentions:
            s, e = span(ms, me)
            mentions.append({"start": s, "end": e, "text": original[s:e]})
        posts = []
        for post in p.posts:
            s, e = span(post.start, post.end)
            item = {"title": post.title, "organization": post.organization, "text": original[s:e], "start": s, "end": e}
            item.update(since=post.since, until=post.until, former=post.former)  # when, as the text says
            posts.append(item)
        people.append({"name": p.name, "mentions": mentions, "posts": posts})

    organizations = []
    for o in facts.organizations:
        s, e = span(o.start, o.end)
        organizations.append({"name": o.name, "text": original[s:e], "start": s, "end": e})

    relations = []
    for r in facts.relations:
        s, e = span(r.start, r.end)
        relations.append(
            {
                "source": r.source,
                "type": r.type,
                "target": r.target,
                "confidence": round(r.confidence, 3),
                "evidence": {"start": s, "end": e, "rule": r.rule, "text": original[s:e]},
            }
        )

    published = _published(raw, facts)
    identity = _identity_record(facts.identity, span, original)
    return {
        "schema": SCHEMA,
        "id": raw.id,
        "source": raw.source,
        **({"url": raw.url} if raw.url else {}),
        "format": RECORD_FORMATS.get(raw.format, raw.format),
        "title": _title(raw, facts, norm.text),
        "published": published,
        "kind": _kind(facts),
        "self": identity,
        "citations": citations,
        "dates": dates,
        "people": people,
        "organizations": organizations,
        "relations": relations,
        "warnings": list(raw.warnings) + list(facts.warnings),
        "text": raw.text,  # the decoded text the offsets index: kept by the store, printed by extract --with-text
    }


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD part of a metadata date, or None."""
    if not value:
        return None
    m = ISO_DATE_RE.match(value.strip())
    return m.group(0) if m else None


def _published(raw: RawDocument, facts: Facts) -> str | None:
    """The document's own date: metadata first, then the text's publication line, then a directive's date line."""
    if iso_date(raw.published):
        return iso_date(raw.published)
    if facts.published is not None and facts.published.value:
        return facts.published.value
    if facts.identity is not None and facts.identity.issued:
        return facts.identity.issued
    return None


def _directive_title(identity: SelfIdentity | None) -> str | None:
    """ "Hướng dẫn về công tác quy hoạch cán bộ" from a directive's type and subject lines."""
    if identity is None or not identity.subject:
        return None
    kind = identity.doc_type_name or ""
    return f"{kind} {identity.subject}".strip()


def _identity_record(identity: SelfIdentity | None, span, original: str) -> dict | None:
    if identity is None:
        return None
    record = asdict(identity)
    if identity.start is not None and identity.end is not None:
        record["start"], record["end"] = span(identity.start, identity.end)
        record["text"] = original[record["start"] : record["end"]]
    signer = identity.signer
    if signer is not None and signer.start is not None and signer.end is not None:
        s, e = span(signer.start, signer.end)
        record["signer"].update(start=s, end=e, text=original[s:e])
    if identity.effective is not None:
        s, e = span(identity.effective.start, identity.effective.end)
        record["effective"].update(start=s, end=e, text=original[s:e])
    return record


def _kind(facts: Facts) -> str:
    if facts.identity is not None:
        return "directive"
    if facts.published is not None or facts.citations or facts.people:
        return "news"
    return "unknown"


def _title(raw: RawDocument, facts: Facts, text: str) -> str | None:
    """The metadata's title unless it is site boilerplate, else a directive's own, else a headline line or heading."""
    if raw.title and not is_boilerplate(raw.title):
        return raw.title
    return _directive_title(facts.identity) or text_title(text)
