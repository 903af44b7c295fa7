"""Resolve what finding left open: codes of number-only references and short back-references.

Two steps, both pure functions of the text and the found citations:

1. ``Chỉ thị số 35 ... của Bộ Chính trị`` gets ``35-CT/TW``: the issuer phrase gives the
   issuer; otherwise an issuer named once in the same sentence carries over to a list
   ("Kế hoạch số 03 và ... Kế hoạch số 12 của Bộ Chính trị"); otherwise a unique mention of
   the same type and number elsewhere in the text lends its code.
2. Short forms are added and linked to their antecedent: "Hướng dẫn 02" after
   "Hướng dẫn số 02-HD/ĐU", "Quy định 377" (also in "sau đây gọi tắt là ..."), "Chỉ thị
   này". An ambiguous one stays unresolved (code None) rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from extractors import codes
from extractors.models import Citation, SelfIdentity
from extractors.patterns.codes import (
    DEMONSTRATIVE_RE,
    ISSUER_AFTER_RE,
    UPPER,
)

#: Where sentences break: a full stop before a capital, or a blank line.
_SENTENCE_BREAK_RE = re.compile(rf"[.!?](?=\s+[{UPPER}])|\n[ \t]*\n")
#: What may separate two items of one list that share an issuer.
_LIST_GAP_RE = re.compile(r"^[\s,;]*(?:và|cùng|hoặc)?[\s,;]*$", re.IGNORECASE)


def resolve_citations(
    text: str, citations: Sequence[Citation], *, identity: SelfIdentity | None = None
) -> list[Citation]:
    """Link short forms, fill number-only codes, add demonstrative back-references.

    ``identity`` (the directive's own) keeps "Hướng dẫn này" in a Hướng dẫn from being
    taken for a reference to an earlier document: it is the directive itself.
    """
    ordered = sorted(citations, key=lambda c: (c.start, c.end))
    linked, antecedents = link_short_forms(text, ordered)
    resolved = resolve_number_only(text, linked)
    for index, citation in enumerate(resolved):  # keep the links through replace()
        if id(linked[index]) in antecedents:
            antecedents[id(citation)] = antecedents.pop(id(linked[index]))
    return add_demonstratives(text, resolved, antecedents, identity)


# --------------------------------------------------------------------------- number-only


def resolve_number_only(text: str, citations: list[Citation]) -> list[Citation]:
    """Build the code of each number-only reference whose issuer can be determined."""
    sentence_of = _sentence_index(text)
    result = list(citations)
    # 1. the reference's own issuer phrase
    for index, citation in enumerate(result):
        if citation.form == "number_only" and citation.code is None:
            result[index] = _with_issuer(citation, codes.issuer_code_for(citation.issuer), citation.issuer)
    # 2. an issuer carried within a sentence (a list sharing "của Bộ Chính trị")
    for index, citation in enumerate(result):
        if citation.form == "number_only" and citation.code is None:
            donor = _carrying_neighbour(text, result, index, sentence_of)
            if donor is not None:
                result[index] = _with_issuer(citation, donor.issuer_code, donor.issuer)
    # 3. a unique mention of the same type and number elsewhere
    for index, citation in enumerate(result):
        if citation.form == "number_only" and citation.code is None:
            same = {
                other.code
                for other in result
                if other.code and _same_document_number(other, citation.doc_type, citation.number)
            }
            if len(same) == 1:
                code = same.pop()
                donor = next(o for o in result if o.code == code)
                result[index] = replace(
                    citation, code=code, issuer_code=donor.issuer_code, issuer=citation.issuer or donor.issuer
                )
    # 4. one party issuer shared by every coded mention of this type in the text
    #    ("Quy định 294-QĐ/TW ... so với Quy định 232 ngày 20/1/2025")
    for index, citation in enumerate(result):
        if citation.form == "number_only" and citation.code is None and citation.issuer is None:
            issuers = {o.issuer_code for o in result if o.code and o.doc_type == citation.doc_type}
            if len(issuers) == 1:
                issuer_code = issuers.pop()
                result[index] = _with_issuer(citation, issuer_code, None)
    return result


def _with_issuer(citation: Citation, issuer_code: str | None, issuer: str | None) -> Citation:
    if not issuer_code or not codes.is_party_issuer(issuer_code) or not citation.doc_type:
        return citation
    code = codes.party_code(citation.number or "", citation.doc_type, issuer_code)
    return replace(citation, code=code, issuer_code=issuer_code, issuer=citation.issuer or issuer)


def _carrying_neighbour(
    text: str, citations: list[Citation], index: int, sentence_of: Callable[[int], int]
) -> Citation | None:
    """The nearest number-only reference in the same sentence with a known party issuer,
    of the same type or standing next to this one in a list."""
    citation = citations[index]
    sentence = sentence_of(citation.start)
    best: tuple[int, Citation] | None = None
    for other_index, other in enumerate(citations):
        if other_index == index or other.form != "number_only" or other.issuer_code is None:
            continue
        if sentence_of(other.start) != sentence or not codes.is_party_issuer(other.issuer_code):
            continue
        adjacent = abs(other_index - index) == 1 and _LIST_GAP_RE.match(
            text[min(citation.end, other.end) : max(citation.start, other.start)]
        )
        if other.doc_type != citation.doc_type and not adjacent:
            continue
        distance = abs(other.start - citation.start)
        if best is None or distance < best[0]:
            best = (distance, other)
    return best[1] if best else None


def _sentence_index(text: str) -> Callable[[int], int]:
    breaks = [m.end() for m in _SENTENCE_BREAK_RE.finditer(text)]
    return lambda position: bisect.bisect_right(breaks, position)


def _same_document_number(citation: Citation, doc_type: str | None, number: str | None) -> bool:
    if doc_type is None or number is None or citation.number is None:
        return False
    # a state code may carry no type ("244/2025/QH15"): its type word then says it
    written_type = citation.doc_type or codes.type_abbreviation(citation.doc_type_name)
    return written_type == doc_type and _as_int(citation.number) == _as_int(number)


def _as_int(number: str) -> int | None:
    return int(number) if number.isdigit() else None


# --------------------------------------------------------------------------- short forms

#: "số" written between the type word and the number ("Chỉ thị số 35"): not a short form.
_WITH_SO_RE = re.compile(r"\ssố\b", re.IGNORECASE)


def link_short_forms(text: str, citations: list[Citation]) -> tuple[list[Citation], dict[int, Citation]]:
    """Turn "Quy định 377" (a number written without "số") that follows a full mention of
    the same type and number into a short form with that mention's code.

    Returns the new list and, by ``id`` of each short form, its antecedent.
    """
    result: list[Citation] = []
    antecedents: dict[int, Citation] = {}
    for citation in citations:
        written = text[citation.start : citation.end]
        if citation.form != "number_only" or _WITH_SO_RE.search(written[: len(written)]):
            result.append(citation)
            continue
        candidates = [
            c
            for c in citations
            if c.form == "full"
            and c.start < citation.start
            and _same_document_number(c, citation.doc_type, citation.number)
        ]
        if not candidates:
            result.append(citation)
            continue
        antecedent = _choose(text, candidates, citation.end)
        short = _as_short(citation, antecedent)
        if antecedent is not None:
            antecedents[id(short)] = antecedent
        result.append(short)
    return result, antecedents


def add_demonstratives(
    text: str,
    citations: list[Citation],
    antecedents: dict[int, Citation] | None = None,
    identity: SelfIdentity | None = None,
) -> list[Citation]:
    """Add "Chỉ thị này" / "Quy định nói trên" citations (form ``short``) linked by
    ``resolved_from`` to their antecedent; ambiguous ones keep code None."""
    antecedents = dict(antecedents or {})
    spans = [(c.start, c.end) for c in citations]
    own_type = codes.type_abbreviation(identity.doc_type_name) if identity else None
    additions: list[Citation] = []
    for match in DEMONSTRATIVE_RE.finditer(text):
        if _covered(match.start(), match.end(), spans):
            continue
        doc_type = codes.type_abbreviation(match.group("type_word"))
        if identity is not None and doc_type == own_type:
            continue  # "Hướng dẫn này" in a Hướng dẫn is the directive itself
        candidates = [c for c in citations if c.start < match.start() and c.code and c.doc_type == doc_type]
        if not candidates:
            continue
        antecedent = _choose(text, candidates, match.end())
        short = Citation(
            start=match.start(),
            end=match.end(),
            code=None,
            form="short",
            doc_type=doc_type,
            doc_type_name=codes.type_name(match.group("type_word")),
        )
        short = _as_short(short, antecedent)
        if antecedent is not None:
            antecedents[id(short)] = antecedent
        additions.append(short)
    return _merge([*citations, *additions], antecedents)


def _as_short(citation: Citation, antecedent: Citation | None) -> Citation:
    """A short form carrying its antecedent's code and parts (code None when ambiguous)."""
    if antecedent is None:
        return replace(citation, form="short", code=None)
    return replace(
        citation,
        form="short",
        code=antecedent.code,
        number=citation.number or antecedent.number,
        issuer_code=antecedent.issuer_code,
        issuer=citation.issuer or antecedent.issuer,
        date=citation.date or antecedent.date,
    )


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _choose(text: str, candidates: list[Citation], after: int) -> Citation | None:
    """The one antecedent the candidates agree on, narrowed by an issuer phrase after the
    short form ("Hướng dẫn 02 ... của Đảng ủy Bộ"); None when still ambiguous."""
    distinct = {c.code for c in candidates}
    if len(distinct) > 1:
        issuer = ISSUER_AFTER_RE.match(text, after, min(len(text), after + 120))
        if issuer is None:
            # "Hướng dẫn 02 quy hoạch cấp ủy của Đảng ủy Bộ": the phrase a few words on
            window = text[after : after + 80]
            of = re.search(r"\s(?:của|do)\s", window)
            issuer = ISSUER_AFTER_RE.match(text, after + of.start()) if of else None
        if issuer is not None:
            issuer_code = codes.issuer_code_for(issuer.group("issuer"))
            candidates = [c for c in candidates if c.issuer_code == issuer_code]
            distinct = {c.code for c in candidates}
    if len(distinct) != 1:
        return None
    return max(candidates, key=lambda c: c.start)


def _merge(citations: list[Citation], antecedents: dict[int, Citation]) -> list[Citation]:
    """Sort everything by start and point each short form at its antecedent's index."""
    merged = sorted(citations, key=lambda c: (c.start, c.end))
    position = {id(c): index for index, c in enumerate(merged)}
    result = []
    for citation in merged:
        antecedent = antecedents.get(id(citation))
        if antecedent is not None and id(antecedent) in position:
            citation = replace(citation, resolved_from=position[id(antecedent)])
        result.append(citation)
    return result
