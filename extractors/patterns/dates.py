"""Every regular expression the date extractor uses, compiled once.

Patterns are written for the pipeline's normalized text (NFC, dashes turned
into "-", Markdown emphasis gone) but tolerate raw strings too: emphasis stars,
table pipes and line breaks may sit between the words of a date.

All patterns are case-insensitive and verbose. None of them has nested
unbounded repetition, so they run in linear time. Which match wins when two
overlap is decided in ``extractors.dates`` (earliest start, then longest).

Word lists (month names, weekdays, time-of-day words, cue words, publication
labels) come from ``extractors/data/dates_words.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parent.parent / "data" / "dates_words.json"
WORDS: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any blank."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _first_letters(*word_lists: Iterable[str]) -> str:
    """A character class of the words' first letters: a cheap lookahead that skips other positions."""
    letters = sorted({w[0].lower() for words in word_lists for w in words})
    return "[" + "".join(re.escape(c) for c in letters) + "]"


MONTH_NAMES: dict[str, int] = WORDS["month_names"]
_MONTH_WORD = _alternation(MONTH_NAMES)
_WEEKDAY = _alternation(WORDS["weekdays"])
_TIME_OF_DAY = _alternation(WORDS["time_of_day"])
_DAY_LEAD = _alternation(WORDS["day_leads"])
_PARTIAL_START = _first_letters(WORDS["day_leads"], WORDS["time_of_day"])
_LABEL_START = _first_letters(WORDS["publication_labels"])
_TERM_CUE = _alternation(WORDS["term_cues"])
_CODE_WORD = _alternation(WORDS["code_words"])
_PUBLICATION_LABEL = _alternation(WORDS["publication_labels"])
_UPDATE_LABEL = _alternation(WORDS["update_labels"])
RELATIVE_WORDS: dict[str, tuple[str, int]] = {k: (v[0], v[1]) for k, v in WORDS["relative"].items() if k != "_about"}
_RELATIVE = _alternation(RELATIVE_WORDS)
_QUANTITY = _alternation(WORDS["relative_not_after"])

_FLAGS = re.IGNORECASE | re.VERBOSE

# A year we accept as a calendar year (1800-2199).
_YEAR = r"(?:1[89]|2[01])\d\d"

# A dash: the pipeline turns every dash into "-", raw strings may still hold "–" or "—".
_DASH = r"[\-\u2010-\u2015\u2212]"

# Where a bare number may start: not glued to a word, a number, or a code part.
_FREE_START = r"(?<![\w/.\-])"

# ---------------------------------------------------------------- full dates

NUMERIC_DATE = re.compile(
    rf"""
    (?=[\dn])                    # fast skip: a date starts with a digit or "ngày"
    (?: (?P<lead>\bngày) [\s*_]*      # "ngày 15/02/2022", glued "NGÀY30/11/2004"
      | {_FREE_START}                 # or a bare date standing on its own
      | (?<=\d{{4}}-)                  # or the end of a range "25/3/1946-20/11/1946"
    )
    (?P<day>\d{{1,2}})
    (?P<sep>[/.\-])                   # "/", "." or "-", the same both times:
    (?P<month>\d{{1,2}})              #   15/02/2022, 22-3-2017, 01.04.2021
    (?P=sep)
    (?P<year>{_YEAR})
    (?![\d]|[/.]\w)                   # not the front of a longer number or code
    """,
    _FLAGS,
)

NUMERIC_DAY_YEAR_WORD = re.compile(
    rf"""
    (?=[\dn])                    # fast skip
    (?: (?P<lead>\bngày) [\s*_]*      # "ngày 20/8 năm 1945", "Quốc khánh 2/9 năm 2025",
      | {_FREE_START} (?<!tháng\s)     #   "đến 20-11 năm 1987"; not "tháng 7-8 năm 1922"
    )
    (?P<day>\d{{1,2}}) [/.\-] (?P<month>\d{{1,2}})
    \s+ năm \s+ (?P<year>{_YEAR}) (?!\d)
    """,
    _FLAGS,
)

VERBAL_DATE = re.compile(
    rf"""
    (?=[\dnm])                   # fast skip
    (?: (?P<lead>\b(?:{_DAY_LEAD})) [\s*_]* )?   # "ngày 27 tháng 12 năm 2021", "mùng 10 tháng 11
                                      #   năm 1867"; the lead word is
    (?<!\d)(?P<day>\d{{1,2}})         #   optional when a year follows ("20 tháng 12 năm 1976")
    \s+ tháng \s* (?P<month>\d{{1,2}})
    (?: \s* (?: năm | , ) \s*         # year after "năm", or after a comma as in
        (?P<year>{_YEAR})             #   Wikipedia tables: "10 tháng 8, 1936"
    )?
    (?!\d)
    """,
    _FLAGS,
)

MONTH_NAME_DATE = re.compile(
    rf"""
    (?=t)                        # fast skip
    \btháng \s+                        # site headers: "Tháng Bảy 19, 2024";
    (?: (?P<month_word>{_MONTH_WORD})   # citation templates: "Truy cập tháng 6 16, 2015"
      | (?P<month>\d{{1,2}}) )
    \s+ (?P<day>\d{{1,2}}) \s*, \s*
    (?P<year>{_YEAR}) (?!\d)
    """,
    _FLAGS,
)

# ------------------------------------------------------------- partial dates

PARTIAL_DATE = re.compile(
    rf"""
    (?={_PARTIAL_START})             # fast skip: "ngày" or a time-of-day word
    (?: (?P<lead>\b(?:{_DAY_LEAD})) [\s*_]*      # "ngày 10/5", "mùng 2/9"
      | \b(?P<time_of_day>{_TIME_OF_DAY})          # "Chiều 1.4", "sáng 11/3", "Tối 30-4"
        (?: \s+ (?:nay|qua|mai) )?                #   "sáng nay 11/3"
        (?: \s+ ngày )?                           #   "chiều ngày 18/6"
        [\s*_]* \(? [\s*_]*                       #   "sáng nay (26/5)"
    )
    (?P<day>\d{{1,2}})
    (?P<sep>[/.\-])
    (?P<month>\d{{1,2}})
    (?! \d | [/.\-]\d | \s+\d )                   # no year, no third number: "10/5/2022"
                                                  #   is a full date, "3-5/10" a range, "ngày
                                                  #   8.8 8.6" a row of figures
    (?! \s* (?:ngày|giờ|tiếng|phút|lần|tuần|người|h)\b )   # "(2-5 ngày)", "sáng (8-9 giờ)": amounts
    (?! \s* (?:hàng|hằng|mỗi) \s+ năm )           # "ngày 10/01 hằng năm" recurs: no date
    (?! \s* tháng )                               # "ngày 7-8 tháng 11" is a span of days
    (?! \s* âm \s+ lịch )                          # "ngày 5/5 âm lịch" is a lunar date
    """,
    _FLAGS,
)

VERBAL_PARTIAL = re.compile(
    rf"""
    (?=[nm])                     # fast skip
    \b(?:{_DAY_LEAD}) [\s*_]* (?P<day>\d{{1,2}})   # "ngày 05 tháng 02", "mùng 2 tháng 9" with no year
    \s+ tháng \s* (?P<month>\d{{1,2}})
    (?! \d | \s*(?:năm|,)\s*\d | \s*[/.\-]\s*\d )
    (?! \s* (?:hàng|hằng|mỗi) \s+ năm )           # "trước ngày 10 tháng 01 hằng năm" recurs
    (?! \s* âm \s+ lịch )                          # "mùng 5 tháng 5 âm lịch" is lunar
    """,
    _FLAGS,
)

DAY_LIST = re.compile(
    rf"""
    (?=[nm])                     # fast skip
    \b(?:{_DAY_LEAD}) [\s*_]*
    (?P<days>                         # several days sharing one month: "ngày 20 và 21/11/2025",
      \d{{1,2}}                        #   "ngày 12 đến ngày 15 tháng 10 năm 1923",
      (?: \s* (?:,|và|-|đến|tới) \s*   #   "ngày 22, 23 và 24 tháng 9", "ngày 23-24/4"
          (?:(?:{_DAY_LEAD}) \s+)?
          \d{{1,2}} ){{1,5}}               # at most six days: bounded, so no quadratic scan
    )
    (?: (?P<sep>[/.]) (?P<month>\d{{1,2}}) (?: (?P=sep) (?P<year>{_YEAR}) )?   # "/11/2025", "/4"
      | \s+ tháng \s* (?P<month_w>\d{{1,2}})                                # " tháng 10 năm 1923"
        (?: \s* (?:năm|,) \s* (?P<year_w>{_YEAR}) )?
    )
    (?! \d | [/.]\w )
    (?! \s* âm \s+ lịch )              # lunar days are not calendar dates
    """,
    _FLAGS,
)

# What may stand between a partial date and the full date that closes its range:
# "từ ngày 28-6 đến ngày 1-7-1996", "từ 17h ngày 22.5 đến 22h ngày 24.5.2025".
RANGE_TO_FULL_DATE = re.compile(
    r"""
    \s* (?: \d{1,2} \s* (?:giờ|h) \s* \d{0,2} \s* )?      # a clock time after the partial date
    (?: đến | tới | - ) \s*
    (?: (?:hết \s+)? (?: \d{1,2} \s* (?:giờ|h) \s* \d{0,2} \s* )? )
    """,
    _FLAGS,
)

# The day numbers inside DAY_LIST's "days" group.
DAY_NUMBER = re.compile(r"\d{1,2}")

# ------------------------------------------------------------ months, years

MONTH_YEAR = re.compile(
    rf"""
    (?=[\dt])                    # fast skip
    (?: (?P<lead>\btháng) \s*         # "tháng 3/2022", "tháng 03-2022", "tháng 12.2024"
      | {_FREE_START}                 # or bare "8/2004", "07.2023" (checked in code:
    )                                 #   not after "Nghị định", "số", ...)
    (?P<month>\d{{1,2}})
    \s* (?P<sep>[/.\-]) \s*
    (?P<year>{_YEAR})
    (?![\d/]|[.\-]\w)                 # "10/2022/NĐ-CP" is a document code
    """,
    _FLAGS,
)

MONTH_WORD_YEAR = re.compile(
    rf"""
    (?=t)                        # fast skip
    \btháng \s*
    (?: (?P<month>\d{{1,2}})             # "tháng 3 năm 2022"
      | (?P<month_word>{_MONTH_WORD}) )  # "tháng Tám năm 1945", "Tháng giêng năm 1954"
    \s+ năm \s+ (?P<year>{_YEAR}) (?!\d)
    """,
    _FLAGS,
)

YEAR = re.compile(
    rf"""
    (?=n)                        # fast skip
    \bnăm \s+ (?P<year>{_YEAR})       # "năm 2024", "đến năm 2030"
    (?![\d/]|[.\-]\d)
    """,
    _FLAGS,
)

# -------------------------------------------------------- periods and terms

YEAR_RANGE = re.compile(
    rf"""
    (?=[\dn])                    # fast skip
    (?: \bnăm (?:\s+học)? \s+ )?      # "năm học 2024-2025", "năm 2024 - 2025"
    {_FREE_START}
    (?P<start_year>{_YEAR})
    \s* {_DASH} \s*                   # "2020 - 2025", "2020- 2025", "2021-2025", "2015 – 2020"
    (?P<end_year>{_YEAR})
    (?![\w/]|[.\-]\d)                 # not "2021-2025/NQ", not a longer number
    """,
    _FLAGS,
)

FROM_TO_YEARS = re.compile(
    rf"""
    (?=t)                        # fast skip
    \btừ \s+ (?:năm \s+)? (?P<start_year>{_YEAR})      # "từ năm 2021 đến năm 2025"
    \s+ (?:đến|tới) \s+ (?:hết \s+)? (?:năm \s+)? (?P<end_year>{_YEAR}) (?!\d)
    """,
    _FLAGS,
)

HALF_YEAR = re.compile(
    rf"""
    (?=[\dbsc])                  # fast skip
    \b(?P<months>\d{{1,2}}|ba|sáu|chín) \s+ tháng \s+   # "6 tháng đầu năm 2024",
    (?P<side>đầu|cuối) \s+ năm \s+                     # "6 tháng cuối năm 2024"
    (?P<year>{_YEAR}) (?!\d)
    """,
    _FLAGS,
)

QUARTER = re.compile(
    rf"""
    (?=q)                        # fast skip
    \bquý \s+ (?P<quarter>IV|I{{1,3}}|[1-4])        # "quý I năm 2024", "quý 3/2024"
    \s* (?: năm \s+ | / \s* ) (?P<year>{_YEAR}) (?!\d)
    """,
    _FLAGS,
)

# What stands right before a range that makes it a term: "nhiệm kỳ 2020 - 2025",
# "khóa XIV (2016-2021)", "Khóa thứ I(2025 - 2030)", "Nhiệm kỳ: 2020-2025".
TERM_CUE_BEFORE = re.compile(
    rf"""
    (?:{_TERM_CUE})
    (?: \s+ (?:thứ \s+)? [IVXLC\d]+ )?     # a term number: "khóa XIV", "khóa thứ I"
    [\s:(]* $
    """,
    _FLAGS,
)

# Between two ranges of one list: "2020 - 2025, 2021 - 2026", "2015-2020 và 2020-2025".
LIST_SEPARATOR = re.compile(r"^\s*(?:,|;|và|,\s*và)\s*$", re.IGNORECASE)

# A person's name just before a life span: "Nguyễn Duy Trinh (1910-1985)",
# "Nguyễn Khuyến 1835-1909", "Edmond Demolins, 1852-1907". The caller checks that
# both words start with a capital.
NAME_BEFORE = re.compile(
    r"""
    (?:^|[^\w])
    (?P<name>[^\W\d_]+ [ \t]+ [^\W\d_]+)   # the last two words
    \s* [(,;]? \s* $                      # then "(", "," or ";" at most
    """,
    re.VERBOSE,
)

# A document-type word or "số"/"Điều" right before a bare "m/yyyy": the number is
# part of a code ("Nghị định 10/2022"), not a month.
CODE_WORD_BEFORE = re.compile(
    rf"""
    \b(?:{_CODE_WORD}) (?:\s+số)? [\s:]* $
    """,
    _FLAGS,
)

# Web addresses: no date is read inside one.
URL = re.compile(
    r"""
    (?=[hw])                     # fast skip
    (?: https?:// | www\. )\S+        # http://..., www....
    """,
    _FLAGS,
)

# ------------------------------------------------------------ relative dates

# A day, week, month or year named from the text's own date: "hôm qua", "ngày hôm nay",
# "tuần trước", "tháng này", "năm nay", "năm ngoái". Not "năm trước đó", "tuần trước
# nữa" (counted from another date); a count before it is checked by RELATIVE_COUNT_BEFORE.
RELATIVE = re.compile(
    rf"""
    (?=[nht])                    # fast skip: ngày, hôm, tuần, tháng, năm
    (?<!\w)
    (?: ngày \s+ (?=hôm) )?        # "ngày hôm qua" is "hôm qua"
    (?P<phrase>{_RELATIVE})
    (?!\w)
    (?! \s* (?:đó|ấy|nữa|kia)\b )   # "năm trước đó", "tuần trước nữa"
    """,
    _FLAGS,
)

# A count right before a relative word makes it a span of time, not a date: "10 năm nay"
# (for ten years now), "mấy năm nay", "những năm tới", "2 tuần trước" (two weeks ago).
RELATIVE_COUNT_BEFORE = re.compile(
    rf"""
    (?<!tháng\s) (?<![\w:/.,])       # "tháng 2 năm nay" is February; "08:00" a clock time
    (?: \d+ | (?:{_QUANTITY}) ) [ \t]+ $   # the count stands right before, on the same line
    """,
    _FLAGS,
)

# A month named right before a relative year: "tháng 2 năm nay", "tháng Bảy năm ngoái".
MONTH_BEFORE_RELATIVE = re.compile(
    rf"""
    (?<!\w) tháng \s+ (?: (?P<month>\d{{1,2}}) | (?P<month_word>{_MONTH_WORD}) ) \s+ $
    """,
    _FLAGS,
)

# ------------------------------------------------------- the text's own date

PUBLICATION_LABEL = re.compile(
    rf"""
    (?={_LABEL_START})               # fast skip
    \b(?:{_PUBLICATION_LABEL})        # "Ngày đăng", "Ngày giờ đăng bài viết gốc", "Ngày ban hành"
    (?!\s*ký)                         # not "ngày đăng ký" (registration date)
    """,
    _FLAGS,
)

UPDATE_LABEL = re.compile(
    rf"""
    ^ [ \t*_|]*                       # at the start of a line, not "Tại bản cập nhật 5/11/2025"
    (?:{_UPDATE_LABEL})               # "Cập nhật: 10/05/2022 08:00"
    """,
    _FLAGS | re.MULTILINE,
)

# What may stand between a label and its date: ":", stars, pipes, a clock time.
LABEL_GAP = re.compile(
    r"""
    [\s:*|_,\-]*
    (?: (?:lúc\s*)? \d{1,2} [:h] \d{2} (?::\d{2})? [\s,|*_\-]* )?   # "Ngày đăng: 23:23 ngày 02/06/2025"
    """,
    _FLAGS,
)

# A place-and-date line begins a line: "Hà Nội, ngày 21 tháng 11 năm 2025",
# "*TP. Hồ Chí Minh, ngày 05 tháng 02 năm 2024*".
PLACE_DATE_LINE = re.compile(
    r"""
    ^ [ \t*_|(]*
    (?P<place> [^\W\d_][\w.]* (?: [ \t]+ [^\W\d_][\w.]* ){0,5} )   # one to six words
    [ \t]* , \s*                         # the comma may end the line: "Hải Phòng,\nngày 18 ..."
    (?= ngày )
    """,
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)

# What else a dateline at the top may hold besides its date: a weekday, a clock
# time, a time zone, punctuation. "THỨ NĂM, 01/04/2021 18:14:15".
DATELINE_REST = re.compile(
    rf"""
    [\W_]*
    (?: (?:{_WEEKDAY}) [\W_]* )?
    (?: (?:lúc \s*)? \d{{1,2}} [:h] \d{{2}} (?: :\d{{2}} )? [\W_]* )?
    (?: (?:GMT|UTC) \s* [+\-] \s* \d{{1,2}} [\W_]* )?
    """,
    _FLAGS,
)

CLOCK_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b")  # "18:14", "9h30"

WEEKDAY = re.compile(rf"\b(?:{_WEEKDAY})\b", re.IGNORECASE)  # "THỨ NĂM", "Chủ nhật"

# Words that open a sentence, not a place: "Tại Pháp, ngày 21 tháng 12 năm 1940, ..."
NOT_A_PLACE = re.compile(r"^(?:tại|ở|từ|đến|vào|sau|trước|trong|cũng|đồng thời|hôm nay|nay)\b", re.IGNORECASE)

# What may follow the date on a place-and-date line: closing emphasis or brackets only.
LINE_END = re.compile(r"[ \t*_).]*(?:\n|$)")
