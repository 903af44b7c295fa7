"""Small factories for OUTPUT.md records as the graph reads them (shared by the graph tests)."""

from __future__ import annotations


def citation(code, start, issuer=None, date=None, **extra):
    """A citation as a record holds it (20 characters long unless ``extra`` says otherwise)."""
    return {
        "code": code,
        "start": start,
        "end": start + 20,
        "issuer": issuer,
        "date": date,
        "text": code or extra.get("name", ""),
        **extra,
    }


def relation(source, kind, target, start=0, *, end=None, confidence=0.9, rule="test", text=None):
    """A relation with its evidence span and sentence."""
    return {
        "source": source,
        "type": kind,
        "target": target,
        "confidence": confidence,
        "evidence": {
            "start": start,
            "end": start + 60 if end is None else end,
            "rule": rule,
            "text": f"{source} {kind} {target}" if text is None else text,
        },
    }


def record(
    text_id, citations=(), relations=(), own=None, people=(), published="2022-05-10", *, source=None, title=None
):
    """An OUTPUT.md record with only what the graph reads; ``own`` makes it a directive."""
    return {
        "schema": "vanban.document/1",
        "id": text_id,
        "source": source or f"{text_id}.txt",
        "format": "txt",
        "title": title or f"Bài {text_id}",
        "published": published,
        "kind": "news" if own is None else "directive",
        "self": own,
        "citations": list(citations),
        "dates": [],
        "people": list(people),
        "organizations": [],
        "relations": list(relations),
        "warnings": [],
    }
