"""When a post was held, as far as the text says: ``since`` / ``until`` (``YYYY`` or ``YYYY-MM``)
and ``former``.

Read from what stands around the post, nearest first: a term written right after it
("Ủy viên Trung ương Đảng (1/2016)", "Bí thư Tỉnh ủy (2011–2016)"); else the last time its
line or sentence gives before it ("8/1982 - 6/1985: Học viên ...", "Năm 2010, ông được bầu
làm ...", "từ tháng 4/2016 đến tháng 5/2020 ..."). A post is ``former`` when written
"nguyên" / "cựu", after "từng" / "trước đó", or when its term has ended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.patterns import people as P

#: How far (characters) before a post its sentence may give its time.
_REACH_BEFORE = 160


@dataclass(frozen=True)
class PostTime:
    since: str | None = None
    until: str | None = None
    former: bool = False


def _point(year: str | None, month: str | None) -> str | None:
    if not year:
        return None
    if month and 1 <= int(month) <= 12:
        return f"{year}-{int(month):02d}"
    return year


def _term(m: re.Match[str]) -> tuple[str | None, str | None, bool]:
    """(since, until, ended) of a WHEN_TERM match."""
    since = _point(m.group("y1"), m.group("m1"))
    until = _point(m.group("y2"), m.group("m2"))
    return since, until, until is not None


def post_time(text: str, start: int, end: int, title: str) -> PostTime:
    """When the post written at ``start``..``end`` was held, as the text around it says."""
    former = title.startswith(("nguyên ", "Nguyên ", "cựu ", "Cựu "))
    line_start = text.rfind("\n", 0, start) + 1
    stop = text.rfind(". ", line_start, start)
    sentence_start = max(line_start, stop + 2 if stop >= 0 else 0, start - _REACH_BEFORE)
    if P.FORMER_CUE.search(text, sentence_start, start):
        former = True
    after = P.TERM_AFTER_POST.match(text, end)
    mandate = bool(after and after.group("mandate"))  # "nhiệm kỳ 2025-2030": its end is not past
    term = _term_after(text, end, after) or _line_lead(text, line_start, start)
    term = term or _last_before(text, sentence_start, start)
    if term is None:
        return PostTime(former=former)
    since, until, ended = _term(term)
    return PostTime(since, until, former or (ended and not mandate))


def _term_after(text: str, end: int, after: re.Match[str] | None) -> re.Match[str] | None:
    """A term written right after the post: " (2011–2016)", ", từ năm 2010"."""
    if after is None or after.end() - end > 16:
        return None
    return P.WHEN_TERM.match(text, after.end())


def _line_lead(text: str, line_start: int, start: int) -> re.Match[str] | None:
    """The term a career line opens with ("8/1982 - 6/1985: ...", "- 2018-nay, ...")."""
    lead = P.LINE_LEAD.match(text, line_start, start)
    return P.WHEN_TERM.match(text, lead.end(), start) if lead else None


def _last_before(text: str, low: int, start: int) -> re.Match[str] | None:
    """The last term the sentence gives before the post: not a birth or death date, and a full
    date (an event's day) only when a career verb between says the post was given then."""
    found = None
    for term in P.WHEN_TERM.finditer(text, low, start):
        before = text[max(low, term.start() - 14) : term.start()]
        if P.LIFE_DATE_BEFORE.search(before):
            continue
        if P.DAY_BEFORE.search(before) and not P.APPOINTED.search(text, term.end(), start):
            continue
        found = term
    return found
