"""Find references to party and state documents: full codes, number-only and named ones.

Finding is kept apart from resolving (``extractors.resolve``): ``find_citations`` reports
each mention with everything the text says around it (type word, number, the cited
document's date, issuer phrase, subject) but builds no code for a number-only reference
and adds no short back-reference. ``extract_citations`` is the pipeline's entry: find,
resolve, and drop the directive's own code.

Examples of what one mention covers::

    Hướng dẫn số 02-HD/ĐUK, ngày 17/3/2022 của Đảng ủy Khối các cơ quan Trung ương  (full)
    Chỉ thị số 35 ngày 14/6/2024 của Bộ Chính trị                                 (number_only)
    Điều lệ Đảng                                                                   (named)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors import codes
from extractors.models import Citation, DateMention, SelfIdentity
from extractors.patterns.codes import (
    AMENDING_LAW_RE,
    ARTICLE_NUMBER_BEFORE_RE,
    CODE_RE,
    DATE_GAP_AFTER_RE,
    DATE_GAP_BEFORE_RE,
    FORM_BEFORE_CODE_RE,
    ISSUER_AFTER_RE,
    ISSUER_BEFORE_RE,
    ISSUER_COMPLEMENT_RE,
    LAW_BEFORE_CODE_RE,
    LICENCE_BEFORE_CODE_RE,
    NAMED_DOCUMENT_RE,
    NAMED_YEAR_RE,
    NUMBER_ONLY_RE,
    SO_BEFORE_CODE_RE,
    SUBJECT_END_RE,
    SUBJECT_LEAD_AFTER_ISSUER_RE,
    SUBJECT_LEAD_RE,
    SUBJECT_OPEN_TAIL_RE,
    TYPE_BEFORE_CODE_RE,
    URL_OR_FILE_RE,
    load_table,
)

_LOOKBACK = 90  # characters searched before a code for its type word
_SUBJECT_MAX = 250  # longest subject kept
_BEFORE_DATE_REACH = 160  # how far before a mention a date may stand ("ngày ..., X ban hành")


@dataclass
class _Core:
    """A mention's core, before its date, issuer and subject are attached."""

    start: int
    core_end: int  # end of the code or number
    form: str
    code_start: int | None = None
    code_end: int | None = None
    parsed: codes.ParsedCode | None = None
    type_word: str | None = None
    number: str | None = None
    name: str | None = None
    edition: str | None = None


# --------------------------------------------------------------------------- public API


def find_citations(text: str, dates: Sequence[DateMention] = ()) -> list[Citation]:
    """Every full, number-only and named mention in ``text``, sorted by start.

    ``dates`` are the DateMentions found in the same text (``extractors.dates``); the
    cited document's date is taken from them by position.
    """
    cores = _find_full(text)
    cores += _find_number_only(text, cores)
    cores += _find_named(text, cores)
    cores.sort(key=lambda core: core.start)
    return _complete_all(text, cores, dates)


def extract_citations(
    text: str, dates: Sequence[DateMention] = (), identity: SelfIdentity | None = None
) -> list[Citation]:
    """Find and resolve citations, minus the document's own code (its header "Số ...")."""
    from extractors.resolve import resolve_citations

    found = find_citations(text, dates)
    resolved = resolve_citations(text, found, identity=identity)
    if identity is None or not identity.code:
        return resolved
    own = _compare_key(identity.code)
    return drop_citations(resolved, lambda citation: citation.code is not None and _compare_key(citation.code) == own)


def drop_citations(citations: list[Citation], unwanted: Callable[[Citation], bool]) -> list[Citation]:
    """Remove citations for which ``unwanted(citation)`` is true, keeping ``resolved_from``
    indices right (a short form pointing at a removed citation is removed too)."""
    keep: list[int] = []
    new_index: dict[int, int] = {}
    for index, citation in enumerate(citations):
        pointed = citation.resolved_from
        if unwanted(citation) or (pointed is not None and pointed not in new_index):
            continue
        new_index[index] = len(keep)
        keep.append(index)
    result = []
    for index in keep:
        citation = citations[index]
        if citation.resolved_from is not None:
            citation = replace(citation, resolved_from=new_index[citation.resolved_from])
        result.append(citation)
    return result


def _compare_key(code: str) -> str:
    """Codes compare without spaces, in upper case, with leading zeros dropped (GOLD.md)."""
    key = re.sub(r"\s+", "", code).upper()
    return re.sub(r"^0+(?=\d)", "", key)


# --------------------------------------------------------------------------- finding cores


def _find_full(text: str) -> list[_Core]:
    cores: list[_Core] = []
    pos = 0
    while True:
        match = CODE_RE.search(text, pos)
        if match is None:
            return cores
        pos = match.end()
        before = text[max(0, match.start() - _LOOKBACK) : match.start()]
        if FORM_BEFORE_CODE_RE.search(before):
            continue  # a form's number, not a document
        if match.group("year") and text[match.end("num")] == " " and ARTICLE_NUMBER_BEFORE_RE.search(before):
            continue  # "Điều 12 2019/QH14": an article's number, then a code with no number of its own
        if LICENCE_BEFORE_CODE_RE.search(before):
            continue  # a licence ("Giấy phép số 485/GP-BTTTT"), not a document
        type_word, lead = _type_before(before)
        parsed = codes.parse_match(match, type_word)
        if parsed is None:
            pos = match.start() + len(match.group("num"))
            continue
        code, code_end = parsed
        if _inside_url_or_file(text, match.start(), code_end) or codes.is_licence(code):
            continue
        pos = code_end
        law = _law_before(before)
        cores.append(
            _Core(
                start=match.start() - lead,
                core_end=code_end,
                form="full",
                code_start=match.start(),
                code_end=code_end,
                parsed=code,
                type_word=type_word,
                number=code.number,
                name=_law_name(law.group("law_name")) if law and _is_law_code(code) else None,
                edition=code.year if law and _is_law_code(code) else None,
            )
        )


def _type_before(before: str) -> tuple[str | None, int]:
    """The type word written just before a code and how many characters the mention
    reaches back over it ("Hướng dẫn số " -> ("Hướng dẫn", 13))."""
    law = LAW_BEFORE_CODE_RE.search(before)
    if law:
        return law.group("type_word"), len(before) - law.start()
    typed = TYPE_BEFORE_CODE_RE.search(before)
    if typed:
        return typed.group("type_word"), len(before) - typed.start()
    so = SO_BEFORE_CODE_RE.search(before)
    if so:
        return None, len(before) - so.start()
    return None, 0


def _inside_url_or_file(text: str, start: int, end: int) -> bool:
    """True when the code-shaped string sits in a URL or a file name token."""
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    after = re.search(r"\s", text[end:])
    token_end = end + (after.start() if after else len(text) - end)
    return bool(URL_OR_FILE_RE.search(text[token_start:token_end]))


def _overlaps(start: int, end: int, cores: Sequence[_Core]) -> bool:
    return any(start < core.core_end and core.start < end for core in cores)


def _find_number_only(text: str, taken: Sequence[_Core]) -> list[_Core]:
    cores = []
    for match in NUMBER_ONLY_RE.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        cores.append(
            _Core(
                start=match.start(),
                core_end=match.end(),
                form="number_only",
                type_word=match.group("type_word"),
                number=match.group("num") or match.group("bare"),
            )
        )
    return cores


@lru_cache(maxsize=1)
def _named_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Folded spelling -> canonical name, for listed documents and for laws."""
    named = load_table("named_documents.json")
    canonical = {codes.fold(n): key for key, names in named["documents"].items() for n in names}
    laws = {codes.fold(law): law for law in named["laws"]}
    return canonical, laws


def _find_named(text: str, taken: Sequence[_Core]) -> list[_Core]:
    canonical, laws = _named_tables()
    cores = []
    for match in NAMED_DOCUMENT_RE.finditer(text):
        if _overlaps(match.start(), match.end(), taken):
            continue
        if match.group("congress"):
            name, type_word = f"Nghị quyết Đại hội {match.group('congress_no')}", "Nghị quyết"
        elif match.group("law"):
            name, type_word = laws[codes.fold(match.group("law"))], "Luật"
        else:
            name, type_word = canonical[codes.fold(match.group("document"))], None
        end, edition = match.end(), None
        year = NAMED_YEAR_RE.match(text, end)
        if year and not match.group("congress"):  # "Hiến pháp năm 2013", "Luật Đất đai 2024"
            edition, end = year.group("year"), year.end()
        cores.append(
            _Core(start=match.start(), core_end=end, form="named", type_word=type_word, name=name, edition=edition)
        )
    return cores


def _law_before(before: str) -> re.Match[str] | None:
    """The law named right before a code ("Luật Đất đai số "), unless the code belongs to
    a law that amends it ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai số ...")."""
    law = LAW_BEFORE_CODE_RE.search(before)
    if law is None or "Luật" in law.group("law_name") or AMENDING_LAW_RE.search(before, 0, law.start()):
        return None
    return law


def _is_law_code(parsed: codes.ParsedCode) -> bool:
    """True for a law's code: year and National Assembly, no type ("31/2024/QH15")."""
    return bool(parsed.year and parsed.doc_type is None and (parsed.issuer_code or "").startswith("QH"))


def _law_name(written: str) -> str:
    """A law's name as the named-document table spells it ("Luật đất đai" -> "Luật Đất đai"),
    else as written."""
    _canonical, laws = _named_tables()
    name = tidy_phrase(f"Luật {written}")
    return laws.get(codes.fold(name), name)


# --------------------------------------------------------------------------- completing mentions


def _complete_all(text: str, cores: list[_Core], dates: Sequence[DateMention]) -> list[Citation]:
    full_dates = sorted((d for d in dates if d.kind == "date" and d.value), key=lambda d: d.start)
    starts = [d.start for d in full_dates]
    used: set[int] = set()
    citations = []
    for index, core in enumerate(cores):
        limit = cores[index + 1].start if index + 1 < len(cores) else len(text)
        previous_end = cores[index - 1].core_end if index else 0
        citations.append(_complete(text, core, limit, previous_end, full_dates, starts, used))
    return citations


def _complete(
    text: str,
    core: _Core,
    limit: int,
    previous_end: int,
    dates: list[DateMention],
    starts: list[int],
    used: set[int],
) -> Citation:
    """Attach the date, issuer phrase and subject that follow a core (never past ``limit``,
    the next mention's start), or a date and issuer that come before it."""
    end = core.core_end
    date = None
    if core.form != "named":
        date = _date_after(text, end, limit, dates, starts)
        if date is not None:
            end = date.end
        issuer, issuer_end = _issuer_after(text, end, limit)
        issuer_follows = issuer is not None
        if issuer is not None:
            end = issuer_end
            if date is None:
                date = _date_after(text, end, limit, dates, starts)
                if date is not None:
                    end = date.end
        if issuer is None:
            issuer = _issuer_before(text, core.start, previous_end)
        if date is None:
            date = _date_before(text, core.start, previous_end, dates, starts, used)
        subject, subject_end = _subject_after(text, end, limit, after_issuer=issuer_follows)
        if subject is not None:
            end = subject_end
            if date is None:  # "... về X” được Ban Chấp hành Trung ương ban hành ngày 16/6/2022"
                date = _date_after(text, end, limit, dates, starts)
                if date is not None:
                    end = date.end
    else:
        issuer, subject = None, None
    if date is not None:
        used.add(date.start)

    parsed = core.parsed
    doc_type, type_name = _document_type(parsed, core.type_word)
    issuer_code = parsed.issuer_code if parsed else None
    if issuer is None and parsed is not None and not codes.issuer_is_open(issuer_code):
        issuer = codes.issuer_name(issuer_code)
    return Citation(
        start=core.start,
        end=end,
        code=parsed.code if parsed and parsed.complete else None,
        form=core.form,
        doc_type=doc_type,
        doc_type_name=type_name,
        number=core.number,
        issuer_code=issuer_code,
        issuer=issuer,
        date=date.value if date is not None else None,
        subject=subject,
        name=core.name,
        code_start=core.code_start,
        code_end=core.code_end,
        repairs=parsed.repairs if parsed else (),
        edition=core.edition,
    )


def _document_type(parsed: codes.ParsedCode | None, type_word: str | None) -> tuple[str | None, str | None]:
    """The type abbreviation and name, consistent with each other: the code's type, else
    the type word before it ("Nghị quyết số 203/2025/QH15" -> NQ), else none of both."""
    doc_type = parsed.doc_type if parsed and parsed.doc_type else codes.type_abbreviation(type_word)
    if doc_type is None:
        return None, None
    written = codes.type_name(type_word)
    if written is not None and codes.type_abbreviation(written) == doc_type:
        return doc_type, written
    return doc_type, codes.type_name_for_code(doc_type)


def named_label(citation: Citation) -> str | None:
    """A named document as the record shows it: with its edition when the mention itself
    gives the year ("Hiến pháp năm 2013"), else its name ("Luật Đất đai")."""
    if not citation.name:
        return None
    if citation.form == "named" and citation.edition:
        return f"{citation.name} năm {citation.edition}"
    return citation.name


def repair_warnings(citations: Sequence[Citation], identity: SelfIdentity | None = None) -> list[str]:
    """One warning per repaired code, for the record's ``warnings``:
    "code 22/2023/QH15: OH15 read as QH15"."""
    found = []
    if identity is not None and identity.code:
        found += [f"code {identity.code}: {note}" for note in identity.repairs]
    for citation in citations:
        shown = citation.code or f"{citation.number or '?'} ({citation.doc_type_name or 'no type'})"
        found += [f"code {shown}: {note}" for note in citation.repairs]
    return list(dict.fromkeys(found))


def _date_after(text: str, pos: int, limit: int, dates: list[DateMention], starts: list[int]) -> DateMention | None:
    index = bisect.bisect_left(starts, pos)
    if index == len(dates):
        return None
    date = dates[index]
    if date.start >= limit or date.start - pos > 90 or not DATE_GAP_AFTER_RE.match(text[pos : date.start]):
        return None
    return date


def _date_before(
    text: str,
    start: int,
    previous_end: int,
    dates: list[DateMention],
    starts: list[int],
    used: set[int],
) -> DateMention | None:
    """A date stated before the mention: "ngày 14/4/2022, Đảng ủy Bộ ... ban hành Hướng dẫn"."""
    index = bisect.bisect_left(starts, start) - 1
    if index < 0:
        return None
    date = dates[index]
    if date.end > start or date.start in used or start - date.end > _BEFORE_DATE_REACH:
        return None
    if date.start < previous_end:
        return None
    return date if DATE_GAP_BEFORE_RE.match(text[date.end : start]) else None


def _issuer_after(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    match = ISSUER_AFTER_RE.match(text, pos, min(len(text), max(limit, pos + 200)))
    if match is None or match.start("issuer") >= limit:
        return None, pos
    issuer, end = _with_complement(text, match.group("issuer"), match.end("issuer"))
    return issuer, end


def _with_complement(text: str, head: str, head_end: int) -> tuple[str, int]:
    """Extend an open body's name with what says which one: "Đảng ủy" + " Bộ Thông tin và
    Truyền thông"; complete names ("Bộ Chính trị") take only a trailing "Đảng"."""
    head = codes.issuer_spelling(head)  # "BỘ CHÍNH TRỊ" in a title line -> "Bộ Chính trị"
    code = codes.issuer_code_for(head)
    if code is not None and not codes.issuer_is_open(code):
        return tidy_phrase(head), head_end
    complement = ISSUER_COMPLEMENT_RE.match(text, head_end)
    if complement is None:
        return tidy_phrase(head), head_end
    return tidy_phrase(head + complement.group()), complement.end()


def _issuer_before(text: str, start: int, previous_end: int) -> str | None:
    """An issuer named before the issuing verb: "Bộ Chính trị ban hành Chỉ thị số 35"."""
    window_start = max(previous_end, start - 150)
    window = text[window_start:start]
    match = ISSUER_BEFORE_RE.search(window)
    if match is None:
        return None
    head = match.group("issuer")
    name, _ = _with_complement(window, head, match.end("issuer"))
    return name


def _subject_after(text: str, pos: int, limit: int, after_issuer: bool) -> tuple[str | None, int]:
    lead_re = SUBJECT_LEAD_AFTER_ISSUER_RE if after_issuer else SUBJECT_LEAD_RE
    lead = lead_re.match(text, pos)
    if lead is None or lead.end() >= limit:
        return None, pos
    quoted = _quoted_subject(text, lead.end(), limit)
    if quoted is not None:
        return quoted
    stop = min(limit, lead.end() + _SUBJECT_MAX, len(text))
    ending = SUBJECT_END_RE.search(text, lead.end(), stop)
    end = ending.start() if ending else stop
    # a subject cut at the length limit or the next mention ends at a word boundary
    if ending is None and end < len(text) and end == lead.end() + _SUBJECT_MAX:
        end = text.rfind(" ", lead.end(), end) if " " in text[lead.end() : end] else end
    raw = text[lead.end() : end]
    stripped = raw.rstrip(" \t\n,.:")
    if len(stripped.strip()) < 3:
        return None, pos
    span_end = lead.end() + len(stripped)
    if ending is None and end == limit < len(text) and SUBJECT_OPEN_TAIL_RE.search(stripped):
        # cut by the next mention mid-title ("về triển khai | Nghị quyết số 57-NQ/TW ..."): the
        # subject reads on to where the title ends; the citation's span still stops at the next mention
        cap = min(len(text), lead.end() + _SUBJECT_MAX)
        further = SUBJECT_END_RE.search(text, limit, cap)
        stop = further.start() if further else (text.rfind(" ", limit, cap) if cap < len(text) else cap)
        stripped = text[lead.end() : max(stop, limit)].rstrip(" \t\n,.:")
    return tidy_phrase(stripped), span_end


def _quoted_subject(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """A subject in quotes right after "về": "về “Tiếp tục đổi mới ...”"."""
    if pos >= len(text) or text[pos] not in '“"':
        return None
    close = re.compile(r"[”\"]").search(text, pos + 1, min(limit, pos + _SUBJECT_MAX + 50, len(text)))
    if close is None:
        return None
    return tidy_phrase(text[pos + 1 : close.start()]), close.end()


def tidy_phrase(phrase: str) -> str:
    """One line, single spaces, no trailing punctuation."""
    return re.sub(r"\s+", " ", phrase).strip(" ,;:")
