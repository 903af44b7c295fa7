"""Dates, months, years, periods and terms in a Vietnamese text, and the text's own date.

Two public functions:

- ``find_dates(text, anchor=None)`` finds every date / month / year / period /
  term the text states, as ``DateMention``s sorted by offset.
- ``find_published(text)`` finds the text's own date (publication or issue date)
  from the text alone.

Finding is kept apart from resolving: candidates are collected by the patterns
of ``extractors.patterns.dates``, overlaps are settled (earliest start, then
longest match), each candidate is validated with the standard library's
calendar, and only then are partial dates ("Chiều 1.4") resolved against the
anchor. No date library is needed: ``datetime.date`` validates, and the
resolution rule is a few lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from extractors.models import DateMention
from extractors.patterns import dates as P

# ------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Candidate:
    """A match before overlaps are settled: the mention plus its partial parts."""

    mention: DateMention
    day: int | None = None  # for partial dates, resolved later
    month: int | None = None
    relative: tuple[str, int] | None = None  # ("year", -1) for "năm ngoái": resolved against the anchor


def _valid_date(year: int, month: int, day: int) -> date | None:
    """The calendar date, or None when it does not exist (31/02, 00/13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_date(m: re.Match[str], month: int | None = None) -> _Candidate | None:
    month = month if month is not None else int(m.group("month"))
    when = _valid_date(int(m.group("year")), month, int(m.group("day")))
    if when is None:
        return None
    return _Candidate(DateMention(m.start(), m.end(), "date", value=when.isoformat()))


def _partial(m: re.Match[str]) -> _Candidate | None:
    day, month = int(m.group("day")), int(m.group("month"))
    if _valid_date(2000, month, day) is None:  # 2000 is a leap year: 29/2 stays
        return None
    value = f"--{month:02d}-{day:02d}"
    return _Candidate(DateMention(m.start(), m.end(), "partial", value=value), day, month)


def _month_number(m: re.Match[str]) -> int:
    """The month of a match, written in digits ("7") or in words ("Bảy", "Mười Hai")."""
    word = m.groupdict().get("month_word")
    if word:
        return P.MONTH_NAMES[re.sub(r"\s+", " ", word.lower())]
    return int(m.group("month"))


def _month(m: re.Match[str], text: str) -> _Candidate | None:
    month, year = _month_number(m), int(m.group("year"))
    if not 1 <= month <= 12:
        return None
    lead = m.groupdict().get("lead")
    if not lead:
        if m.groupdict().get("sep") == "-":  # bare "3-2022" is too often something else
            return None
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[max(line_start, m.start() - 40) : m.start()]
        if P.CODE_WORD_BEFORE.search(before):  # "Nghị định 10/2022", "số 12/2024"
            return None
    return _Candidate(DateMention(m.start(), m.end(), "month", value=f"{year:04d}-{month:02d}"))


def _is_life_span(text: str, start: int, end: int, first: int, last: int) -> bool:
    """ "Hồ Chí Minh (1890-1969)", "Nguyễn Khuyến 1835-1909": a long range right after a name."""
    if last - first < 30:
        return False
    before = text[max(0, start - 60) : start]
    m = P.NAME_BEFORE.search(before)
    if not m:
        return False
    return all(word[0].isupper() for word in m.group("name").split())


def _range(m: re.Match[str], text: str) -> _Candidate | None:
    first, last = int(m.group("start_year")), int(m.group("end_year"))
    if not first < last <= first + 100:
        return None
    if _is_life_span(text, m.start("start_year"), m.end(), first, last):
        return None
    mention = DateMention(m.start(), m.end(), "period", range=(str(first), str(last)))
    return _Candidate(mention)


def _half_year(m: re.Match[str]) -> _Candidate | None:
    words = {"ba": 3, "sáu": 6, "chín": 9}
    raw = m.group("months").lower()
    months = words.get(raw) or int(raw)
    if not 1 <= months <= 11:
        return None
    year = int(m.group("year"))
    if m.group("side").lower() == "đầu":
        first, last = 1, months
    else:
        first, last = 13 - months, 12
    span = (f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}")
    return _Candidate(DateMention(m.start(), m.end(), "period", range=span))


def _quarter(m: re.Match[str]) -> _Candidate:
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
    raw = m.group("quarter").lower()
    quarter = roman.get(raw) or int(raw)
    year = int(m.group("year"))
    span = (f"{year:04d}-{3 * quarter - 2:02d}", f"{year:04d}-{3 * quarter:02d}")
    return _Candidate(DateMention(m.start(), m.end(), "period", range=span))


def _day_list(m: re.Match[str]) -> list[_Candidate | None]:
    """One candidate per day of "ngày 20 và 21/11/2025"; partial when no year is given."""
    month = int(m.group("month") or m.group("month_w"))
    year_text = m.group("year") or m.group("year_w")
    numbers = list(P.DAY_NUMBER.finditer(m.group("days")))
    offset = m.start("days")
    out: list[_Candidate | None] = []
    for index, number in enumerate(numbers):
        start = m.start() if index == 0 else offset + number.start()
        end = m.end() if index == len(numbers) - 1 else offset + number.end()
        day = int(number.group())
        if year_text:
            when = _valid_date(int(year_text), month, day)
            out.append(_Candidate(DateMention(start, end, "date", value=when.isoformat())) if when else None)
        elif _valid_date(2000, month, day):
            value = f"--{month:02d}-{day:02d}"
            out.append(_Candidate(DateMention(start, end, "partial", value=value), day, month))
    return out


def _candidates(text: str) -> list[_Candidate]:
    """Every match of every pattern, valid on its own, overlaps not yet settled."""
    found: list[_Candidate | None] = []
    for m in P.NUMERIC_DATE.finditer(text):
        found.append(_full_date(m))
    for m in P.NUMERIC_DAY_YEAR_WORD.finditer(text):
        found.append(_full_date(m))
    for m in P.VERBAL_DATE.finditer(text):
        if m.group("year"):
            found.append(_full_date(m))
    for m in P.MONTH_NAME_DATE.finditer(text):
        found.append(_full_date(m, month=_month_number(m)))
    for m in P.PARTIAL_DATE.finditer(text):
        found.append(_partial(m))
    for m in P.VERBAL_PARTIAL.finditer(text):
        found.append(_partial(m))
    for m in P.DAY_LIST.finditer(text):
        found.extend(_day_list(m))
    for pattern in (P.MONTH_YEAR, P.MONTH_WORD_YEAR):
        for m in pattern.finditer(text):
            found.append(_month(m, text))
    for m in P.YEAR.finditer(text):
        found.append(_Candidate(DateMention(m.start(), m.end(), "year", value=m.group("year"))))
    for pattern in (P.YEAR_RANGE, P.FROM_TO_YEARS):
        for m in pattern.finditer(text):
            found.append(_range(m, text))
    for m in P.HALF_YEAR.finditer(text):
        found.append(_half_year(m))
    for m in P.QUARTER.finditer(text):
        found.append(_quarter(m))
    for m in P.RELATIVE.finditer(text):
        found.append(_relative(m, text))
    return [c for c in found if c is not None]


def _relative(m: re.Match[str], text: str) -> _Candidate | None:
    """ "năm ngoái", "hôm qua": a candidate to resolve against the anchor; None after a count ("10 năm nay")."""
    before = text[max(0, m.start() - 20) : m.start()]
    if P.RELATIVE_COUNT_BEFORE.search(before):
        return None
    unit, offset = P.RELATIVE_WORDS[re.sub(r"\s+", " ", m.group("phrase").lower())]
    named = P.MONTH_BEFORE_RELATIVE.search(before) if unit == "year" else None
    if named:  # "tháng 2 năm nay": a month of the relative year
        month = _month_number(named)
        if not 1 <= month <= 12:
            return None
        start = m.start() - len(before) + named.start()
        return _Candidate(DateMention(start, m.end(), "relative"), month=month, relative=(unit, offset))
    return _Candidate(DateMention(m.start(), m.end(), "relative"), relative=(unit, offset))


def _settle_overlaps(candidates: list[_Candidate], blocked: list[tuple[int, int]]) -> list[_Candidate]:
    """Keep the earliest, then longest, of overlapping matches; drop those in blocked spans."""
    ordered = sorted(candidates, key=lambda c: (c.mention.start, -c.mention.end))
    block_starts = [b_start for b_start, _ in blocked]  # URL spans are sorted and disjoint
    kept: list[_Candidate] = []
    last_end = -1
    for cand in ordered:
        s, e = cand.mention.start, cand.mention.end
        if s < last_end:
            continue
        i = bisect_right(block_starts, e - 1) - 1  # the last blocked span starting before e
        if i >= 0 and blocked[i][1] > s:
            continue
        kept.append(cand)
        last_end = e
    return kept


@lru_cache(maxsize=8)
def _found_in(text: str) -> tuple[_Candidate, ...]:
    """The settled candidates of a text; cached, as the pipeline asks twice (published, dates)."""
    blocked = [m.span() for m in P.URL.finditer(text)]
    return tuple(_settle_overlaps(_candidates(text), blocked))


# ------------------------------------------------------------- resolving


def _parse_anchor(anchor: str | None) -> date | None:
    """An ISO anchor ("2022-05-10", "2022-05", "2022") as a date, or None."""
    if not anchor:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", anchor.strip())
    if not m:
        return None
    return _valid_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def resolve_partial(day: int, month: int, anchor: date) -> date | None:
    """The day+month nearest to the anchor: the anchor's year, or the one before or after.

    A report dated 2022-01-03 that says "ngày 28/12" means 2021-12-28.
    """
    options = [d for k in (0, -1, 1) if (d := _valid_date(anchor.year + k, month, day)) is not None]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - anchor).days))


def resolve_relative(unit: str, offset: int, anchor: date) -> tuple[str, str | None, tuple[str, str] | None]:
    """(kind, value, range) of a relative date counted from the anchor.

    A day is a ``date``, a month a ``month``, a year a ``year``; a week is a ``period``
    from its Monday to its Sunday.
    """
    if unit == "day":
        return "date", (anchor + timedelta(days=offset)).isoformat(), None
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return "period", None, (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + offset
        return "month", f"{index // 12:04d}-{index % 12 + 1:02d}", None
    return "year", f"{anchor.year + offset:04d}", None


def _mark_terms(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Year ranges after "nhiệm kỳ"/"khóa" are terms; so are the ranges listed after them."""
    out: list[DateMention] = []
    previous: DateMention | None = None
    for mention in mentions:
        if mention.kind == "period" and mention.range and len(mention.range[0]) == 4:
            before = text[max(0, mention.start - 40) : mention.start]
            chained = (
                previous is not None
                and previous.kind == "term"
                and P.LIST_SEPARATOR.match(text[previous.end : mention.start])
            )
            if chained or P.TERM_CUE_BEFORE.search(before):
                mention = DateMention(mention.start, mention.end, "term", range=mention.range)
        out.append(mention)
        previous = mention
    return out


def find_dates(text: str, anchor: str | None = None) -> list[DateMention]:
    """Every date, month, year, period and term in ``text``, sorted by offset.

    ``anchor`` is the text's own date (ISO); partial dates ("Chiều 1.4",
    "ngày 10/5") are resolved to the nearest such day around it. Without an
    anchor they keep kind ``partial`` and a value like ``--04-01``. Relative
    dates ("hôm qua", "tuần trước", "năm nay", "năm ngoái") are counted from the
    anchor and marked ``relative``; without an anchor they are left out. Nothing is
    read inside a web address; numbers inside document codes (56/2015/NĐ-CP),
    ratios (5/18) and article numbers never make full dates.
    """
    kept = _found_in(text)
    when = _parse_anchor(anchor)
    mentions: list[DateMention] = []
    for index, cand in enumerate(kept):
        mention = cand.mention
        if cand.relative is not None:
            if when is None:  # "năm nay" means nothing without the text's own date
                continue
            kind, value, span = resolve_relative(*cand.relative, when)
            if cand.month is not None:  # "tháng 2 năm nay"
                kind, value = "month", f"{value}-{cand.month:02d}"
            mentions.append(DateMention(mention.start, mention.end, kind, value=value, range=span, relative=True))
            continue
        if mention.kind == "partial":
            closing = _closing_date(text, cand, kept[index + 1 : index + 2])
            resolved = closing
            if resolved is None and when is not None and cand.day is not None and cand.month is not None:
                resolved = resolve_partial(cand.day, cand.month, when)
            if resolved is not None:
                mention = DateMention(mention.start, mention.end, "date", value=resolved.isoformat())
        mentions.append(mention)
    return _mark_terms(text, mentions)


def _closing_date(text: str, cand: _Candidate, following: tuple[_Candidate, ...]) -> date | None:
    """The year a range's own end gives a partial date: "từ ngày 28-6 đến ngày 1-7-1996".

    The partial date takes the closing date's year, or the year before when it would
    otherwise fall after the closing date ("từ ngày 20/12 đến ngày 5/1/2024").
    """
    if not following or following[0].mention.kind != "date" or cand.day is None or cand.month is None:
        return None
    end = following[0].mention
    if end.value is None:
        return None
    if not P.RANGE_TO_FULL_DATE.fullmatch(text, cand.mention.end, end.start):
        return None
    closing = date.fromisoformat(end.value)
    for year in (closing.year, closing.year - 1):
        start = _valid_date(year, cand.month, cand.day)
        if start is not None and start <= closing:
            return start
    return None


# ------------------------------------------------------- the text's own date

_TOP_LINES = 12  # a dateline counts within the first 12 non-empty lines...
_TOP_CHARS = 1500  # ...and the first 1500 characters
_HEADER_CHARS = 5000  # a directive's place-and-date line stands in its first 5000 characters


def _first_full_date_at(mentions: list[DateMention], text: str, start: int) -> DateMention | None:
    """The full date that follows ``start`` with only a label gap (":", "|", a time) between."""
    for mention in mentions:
        if mention.start < start or mention.kind != "date":
            continue
        gap = text[start : mention.start]
        return mention if P.LABEL_GAP.fullmatch(gap) else None
    return None


def _labelled(text: str, mentions: list[DateMention], label: re.Pattern[str], limit: int) -> DateMention | None:
    for m in label.finditer(text, 0, limit):
        found = _first_full_date_at(mentions, text, m.end())
        if found:
            return found
    return None


def _place_and_date(text: str, mentions: list[DateMention]) -> DateMention | None:
    for m in P.PLACE_DATE_LINE.finditer(text, 0, _HEADER_CHARS):
        place = m.group("place")
        words = re.findall(r"[^\W\d_]+", place)
        if not words or not all(w[0].isupper() for w in words) or P.NOT_A_PLACE.match(place):
            continue
        found = _first_full_date_at(mentions, text, m.end())
        if found and P.LINE_END.match(text, found.end):
            return found
    return None


def _dateline(text: str, mentions: list[DateMention]) -> DateMention | None:
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text[:_TOP_CHARS].split("\n"):
        if raw.strip(" \t*_|#"):
            lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    for index, (start, end) in enumerate(lines[:_TOP_LINES]):
        inside = [m for m in mentions if m.kind == "date" and start <= m.start and m.end <= end]
        if len(inside) != 1:
            continue
        mention = inside[0]
        before, after = text[start : mention.start], text[mention.end : end]
        if not (P.DATELINE_REST.fullmatch(before) and P.DATELINE_REST.fullmatch(after)):
            continue
        rest = before + " " + after
        if P.CLOCK_TIME.search(rest) or (index > 0 and P.WEEKDAY.search(rest)):
            return mention
    return None


def find_published(text: str) -> DateMention | None:
    """The text's own date, read from the text alone, or None.

    The rule, first that applies wins:

    1. a publication label anywhere in the text followed directly (only ":",
       "|", stars or a clock time between) by a full date: "Ngày đăng
       10/05/2022 | 17:01", "Ngày giờ đăng bài viết gốc: 10/07/2025 09:26",
       "Ngày ban hành: 18/11/2025";
    2. a directive's place-and-date line within the first 5000 characters: a
       line that starts with a capitalized place name, a comma and a full
       "ngày ..." date, with nothing after the date on its line ("Hà Nội, ngày
       21 tháng 11 năm 2025"); "Tại Pháp, ngày ..." opens a sentence, not a
       place;
    3. "Cập nhật" followed directly by a full date, within the first 1500
       characters;
    4. a dateline at the top (first 12 non-empty lines, first 1500 characters):
       a line holding one full date and nothing else but a weekday, a clock time
       or punctuation ("THỨ NĂM, 01/04/2021 18:14:15"), provided it carries a
       clock time, or a weekday and stands below the first line. A bare "Thứ
       Sáu, Tháng Bảy 19, 2024" as the very first line is the site's calendar,
       and a bare date line is an infobox field, not the article's date.

    A date that merely appears in the body ("Sáng 10/5/2022, ...", "ngày
    17/3/2022 của ...") is never the text's own date.
    """
    mentions = [m for m in find_dates(text) if m.kind == "date"]
    return (
        _labelled(text, mentions, P.PUBLICATION_LABEL, len(text))
        or _place_and_date(text, mentions)
        or _labelled(text, mentions, P.UPDATE_LABEL, _TOP_CHARS)
        or _dateline(text, mentions)
    )
