"""Every regular expression for document codes, citations and a directive's own identity.

More specific alternatives come first in every alternation: the regex engine takes the
first alternative that matches, and ``extractors.codes`` validates what it got against
the tables in ``extractors/data`` instead of trying the next one.

The patterns are written for the pipeline's normalized text (NFC, dashes folded to
``-``, ``Đ`` for look-alikes, single spaces, newlines kept) but stay tolerant of raw
text: en/em dashes, ``Ð`` and a few Cyrillic look-alikes (``СР`` for ``CP``) are
accepted inside codes. Every repetition is bounded, so no pattern can backtrack
catastrophically on long texts.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_table(name: str) -> Any:
    """Load one JSON table from ``extractors/data`` (cached: each file is read once)."""
    text = resources.files("extractors").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(text)


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# --------------------------------------------------------------------------- letters

#: Vietnamese capital letters, plus the look-alikes normalization may have missed.
UPPER = (
    "A-ZĐÐƉ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
    "АВЕКМНОРСТХ"  # Cyrillic capitals that look Latin ("Nghị định 120/2020/NĐ-СР")
)
LOWER_VI = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# One segment of a code: "HD", "BTCTW", "TTg", "QĐi", "UBTVQH15", "TG&DV".
# A segment is a whole token: it may not stop inside a longer word.
_SEG_ANY = r"[^\W\d_][\w&]{0,15}(?![\w&])"  # any case: lower-case codes ("16-hd/btctw")
_SEG_UP = rf"[{UPPER}][\w&]{{0,15}}(?![\w&])"  # starts with a capital letter
# A dash inside a code: any dash, up to two spaces (or a line break) around it; a
# doubled dash ("NĐ--CP") is a typing slip the parser repairs with a warning.
_DASH = r"\s{0,2}[-–—‐‑]{1,2}\s{0,2}"
_DASH_TIGHT = r"[-–—‐‑]{1,2}"
# A slash inside a code, with the same tolerance ("47/HD /BTCTW", the slip "70//2025").
_SLASH = r"\s{0,2}/{1,2}\s{0,2}"
# Continuation of a state code tail: "-CP", "-BGTVT"; across spaces only before a capital.
_TAIL_MORE = rf"(?:{_DASH_TIGHT}\s{{0,2}}{_SEG_ANY}|{_DASH}{_SEG_UP})"

CODE_RE = re.compile(
    rf"""
    (?<![0-9A-Za-z./\-–—])           # not inside a number, a URL slug or an ASCII word;
                                      # Vietnamese letters may touch it ("số31-QĐ/TW")
    (?P<num>\d{{1,5}}(?:\.\d{{1,2}}(?={_SLASH}(?:19|20)\d\d))?)   # "66.2/2025/NQ-CP" has a decimal
    (?:
        # 1. state regulatory code: 56/2015/NĐ-CP, 45/2019/QH14, 01/2022/TTLT-BTC-BGTVT,
        #    and a dash after the year: 48/2017-TT-BYT
        #    and a space for the first slash: "Thông tư 16 2025/TT-BTC"
        (?:{_SLASH}|[ ](?=(?:19|20)\d\d/))(?P<year>(?:19|20)\d{{2}})(?:{_SLASH}|{_DASH_TIGHT})(?P<st_tail>{_SEG_UP}{_TAIL_MORE}{{0,6}})
      |
        # 2b. party code with a dash for its slash: 366-QĐ-TW
        #    (accepted only for a party type and a known party issuer)
        {_DASH}(?P<pd_type>{_SEG_ANY}){_DASH_TIGHT}(?P<pd_issuer>{_SEG_ANY})(?![-/])
      |
        # 2. party code written with two slashes: 221/KL/TW, 47/HD /BTCTW
        #    (accepted only for a party type and a known party issuer)
        {_SLASH}(?P<ps_type>{_SEG_ANY}){_SLASH}(?P<ps_issuer>{_SEG_ANY})
      |
        # 3. state administrative code: 439/QĐ-TTg, 2483/BYT-KCB, 130/KH-BCĐTKNQ18
        {_SLASH}(?P<sa_tail>{_SEG_UP}{_TAIL_MORE}{{1,6}})
      |
        # 4. party code: 16-HD/BTCTW, 16 - HD/BTCTW, 35- CT/TW, joint 01-HDLT/BTCTW-BTGTW
        {_DASH}(?P<p_type>{_SEG_ANY}){_SLASH}(?P<p_issuer>{_SEG_ANY}(?:{_DASH_TIGHT}{_SEG_UP}){{0,3}})
      |
        # 5. old single-suffix code: 34-NV, 60-SL, 34/SL, 275-CP; issuer without type: 24/TTg
        (?P<lg_sep>{_DASH}|{_SLASH})(?P<lg_suffix>{_SEG_UP})
    )
    """,
    re.VERBOSE,
)

#: A doubled separator inside a matched code ("70//2025/NĐ-CP", "NĐ--CP"): a slip.
DOUBLED_SEPARATOR_RE = re.compile(r"/\s{0,2}/|[-–—‐‑]\s{0,2}[-–—‐‑]")
#: A slash where a state code's type and issuer take a dash: "70/2025/NĐ/CP" (the
#: segment after it must be a known issuer for the repair to apply).
SLASH_FOR_DASH_RE = re.compile(r"\s{0,2}/\s{0,2}(?P<seg>[^\W\d_][\w&]{0,15})(?![\w&/])")
#: The National Assembly's term written apart from its "QH" ("32/2013/QH 13"): terms run 1-16.
QH_TERM_AFTER_RE = re.compile(r"[ ](?P<term>1[0-6]|[1-9])(?![\d/.,:]?\d)(?!/)")
#: "OH15" for "QH15" (O typed or read for Q), also inside "UBTVOH15".
O_FOR_Q_RE = re.compile(r"^(?P<head>(?:UBTV)?)[O0](?P<tail>H\d{1,2})$")

#: The separators between the segments of a matched code, to split it again.
CODE_SEGMENT_RE = re.compile(r"[^\W_][\w&]*")
#: Context that makes a code-shaped string part of a URL or a file name.
URL_OR_FILE_RE = re.compile(
    r"""
    (?:https?:|www\.|://)                                  # a URL
    | \.(?:vn|com|net|org|gov|html?|aspx?|php)(?![\w])     # a web address ending
    | \.(?:pdf|docx?|xlsx?|rtf|txt|zip|rar)(?![\w])        # a file name
    """,
    re.VERBOSE | re.IGNORECASE,
)

# --------------------------------------------------------------------------- type words

_DOC_TYPES = load_table("doc_types.json")
TYPE_WORDS = _alternation(list(_DOC_TYPES["type_words"]))
#: The first letters of every type word, upper and lower case: a cheap guard that lets
#: the engine skip positions where no type word can start.
_TYPE_INITIALS = "".join(sorted({c for w in _DOC_TYPES["type_words"] for c in (w[0].lower(), w[0].upper())}))
TYPE_GUARD = rf"(?=[{_TYPE_INITIALS}])"

#: The type word (and "số") right before a code: "Hướng dẫn số ", "QUY ĐỊNH SỐ\n",
#: "Nghị quyết ố " (a real typo), "Chỉ thị so " (a scan that lost the tone marks), "Văn bản số: ".
#: Applied to the text before a code.
TYPE_BEFORE_CODE_RE = re.compile(
    rf"""
    (?<![^\W\d_])                         # the type word starts a word
    (?P<type_word>{TYPE_WORDS})
    (?:\s+(?P<so>số|ố|so)\s*:?)?          # "số", "số:", the typo "ố", the unmarked "so"
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A law named before its number: "Luật Đấu thầu số 22/2023/QH15".
LAW_BEFORE_CODE_RE = re.compile(
    rf"""
    (?<![^\W\d_])
    (?P<type_word>Luật)\s+(?P<law_name>[{UPPER}][^\n.;:()]{{1,60}}?)
    \s+số\s*:?\s*$
    """,
    re.VERBOSE,
)

#: A licence or permit, not a document of the graph: "Giấy phép hoạt động báo điện tử
#: số 140/GP-BTTTT", "Giấy phép số 08/GP-BTTTT" (newspapers print theirs in the footer).
LICENCE_BEFORE_CODE_RE = re.compile(r"(?<![\w])giấy\s+phép(?:\s+[^\W\d_]+){0,6}?(?:\s+số)?\s*:?\s*$", re.IGNORECASE)

#: The end of an amending law's title before the law it amends: "Luật sửa đổi, bổ sung
#: một số điều của " + "Luật Đất đai số 43/2024/QH15" (the code is the amending law's).
AMENDING_LAW_RE = re.compile(r"(?:sửa\s+đổi|bổ\s+sung|của|và|,)\s*$", re.IGNORECASE)

#: A form, not a document: "Mẫu số 01/TB-BSTT-NNT", "theo mẫu 02/CNKD-TĐMT", the last of a list
#: of forms ("các Mẫu số 03, 04 và 05/BHYT-QĐ").
FORM_BEFORE_CODE_RE = re.compile(
    r"(?<![\w])(?:biểu\s+)?mẫu(?:\s+số)?\s*:?\s*(?:\d{1,3}[a-z]?\s*(?:,|và)\s*)*$", re.IGNORECASE
)

#: An article's number before a year and a type ("Điều 12 2019/QH14"): no code written with a
#: space for its first slash.
ARTICLE_NUMBER_BEFORE_RE = re.compile(r"(?<![\w])(?:Điều|khoản|Khoản|điểm|Điểm|Chương|Mục)\s*$")

#: A lower-case word glued to the end of a code ("31/2025/TT-BCAngày 21/4/2025").
GLUED_WORD_RE = re.compile(r"^(?P<code>[A-ZĐ0-9&]{2,}?)(?:ngày|năm|của|về|và|tại|quy|ban|do|theo)$")

#: A bare "số" before a code with no type word: "các Nghị định ... số 115/2024/NĐ-CP".
SO_BEFORE_CODE_RE = re.compile(r"(?<![^\W\d_])(?P<so>[Ss]ố|SỐ)\s*:?\s*$")

#: Words that make a bare number a count, not a document number: "Kế hoạch 5 năm",
#: "Chương trình 3 nội dung", "Nghị quyết 2 điểm".
_MEASURE_WORDS = (
    r"năm(?!\s+(?:19|20)\d\d(?!\d)(?!\s*-\s*\d))|"  # "năm" unless a year (not a range) follows
    r"ngày(?!\s+\d)|"  # "ngày" unless a date follows
    r"tháng|tuần|giờ|lần|người|điểm|bước|mục|điều|khoản|nội\s+dung|nhiệm\s+vụ|"
    r"đề\s+án|chương|phần|tiêu\s+chí|nhóm|giải\s+pháp|%"
)

#: A number-only reference: "Chỉ thị số 35", "Kế hoạch số 03" (no code tail after it),
#: or without "số": "Quy định 232 ngày 20/1/2025", "Hướng dẫn 02" (the resolver links
#: these to an earlier full mention when there is one).
NUMBER_ONLY_RE = re.compile(
    rf"""
    {TYPE_GUARD}(?<![^\W\d_])
    (?P<type_word>{TYPE_WORDS})
    (?:
        \s+(?P<so>số)\s*:?\s*(?P<num>\d{{1,5}})     # "Chỉ thị số 35"
      | \s+(?!(?:19|20)\d\d(?!\d))(?P<bare>\d{{1,4}})  # "Quy định 377", never a year,
        (?!\s+(?:{_MEASURE_WORDS})(?![\w]))     # nor a count ("Kế hoạch 5 năm")
    )
    (?![\d\w])                            # the whole number
    (?!\s{{0,2}}[-–—/.,]\s{{0,2}}[\w])        # not the start of a code, a date or a decimal
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A demonstrative back-reference: "Chỉ thị này", "Quy định nói trên".
DEMONSTRATIVE_RE = re.compile(
    rf"""
    {TYPE_GUARD}(?<![^\W\d_])
    (?P<type_word>{TYPE_WORDS})
    \s+(?:này|nói\s+trên)
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# --------------------------------------------------------------------------- issuers

_ISSUERS = load_table("issuers.json")["issuers"]
ISSUER_NAMES = _alternation([n for row in _ISSUERS for n in row["names"]])

#: The head of an issuer phrase: a known body name ("Bộ Chính trị", "Đảng ủy").
ISSUER_NAME_RE = re.compile(rf"(?P<issuer>{ISSUER_NAMES})(?![\w])", re.IGNORECASE)

#: The issuer phrase after a code or a date: ", của Ban Tổ chức Trung ương", "do Tỉnh ủy".
ISSUER_AFTER_RE = re.compile(
    rf"""
    [ \t\n]*,?[ \t\n]*                  # used with .match(text, pos): no "^"
    (?:của|do)\s+
    (?P<issuer>{ISSUER_NAMES})(?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Words that end the complement of an open issuer ("Đảng ủy" + "Bộ Thông tin và
#: Truyền thông"): the subject, a date, a verb.
_COMPLEMENT_STOP = (
    r"về|ngày|năm|đã|được|tại|theo|nhằm|để|với|là|thì|này|khóa|khoá|nhiệm|trong|lần|"
    r"quy|hướng|ban\s+hành|thông\s+qua|thực|triển|sau|có|của|do|và\s+các|số"
)
#: The complement that names which body an open issuer is: capitalized first word,
#: then up to seven words, stopping at punctuation or a stop word.
ISSUER_COMPLEMENT_RE = re.compile(
    rf"""
    (?:\s+(?!(?:{_COMPLEMENT_STOP})(?![\w]))(?-i:[{UPPER}])[^\s,;.:()“”"*]*)   # a capitalized word
    (?:[ \t\n]+(?!(?:{_COMPLEMENT_STOP})(?![\w]))[^\s,;.:()“”"*]+){{0,7}}
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: An issuer named before the verb that issues the cited document, at the end of the
#: text before it: "Bộ Chính trị ban hành Chỉ thị số 35", "Ban Bí thư ra Quy định ...".
ISSUER_BEFORE_RE = re.compile(
    rf"""
    (?P<issuer>{ISSUER_NAMES})(?![\w])
    (?P<complement>[^.;\n]{{0,60}}?)
    \s+(?:đã\s+)?(?:ký\s+)?(?:ban\s+hành|thông\s+qua|ra|có)\s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# --------------------------------------------------------------------------- dates, subjects

#: What may stand between a code (or its issuer) and the cited document's date:
#: ", ngày", " ngày", "(", " ban hành ngày".
DATE_GAP_AFTER_RE = re.compile(
    r"""
    ^[ \t\n]*[,(]?[ \t\n]*(?:(?:được\s+)?(?:ban\s+hành|ký|thông\s+qua)\s+)?(?:ngày\s*)?$
    |                                      # "... được Quốc hội khóa XV ban hành ngày"
    ^[ \t\n,()"”“]*(?:đã\s+)?(?:được|do)\s+[^.;\n]{0,60}?\s(?:ban\s+hành|ký|thông\s+qua)
      \s+(?:vào\s+)?(?:ngày\s*)?$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: What may stand between a date and the mention it dates, when the date comes first:
#: "ngày 14/4/2022, Đảng ủy Bộ ... ban hành Hướng dẫn số 02-HD/ĐU".
DATE_GAP_BEFORE_RE = re.compile(
    r"""
    ^[ \t]*,?[ \t\n]*
    [^.;\n]{0,120}?                       # who issued it (no sentence break)
    (?<![\w])(?:đã\s+)?(?:ký\s+)?(?:ban\s+hành|thông\s+qua|ra|ký|có|với)
    \s*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: The subject after a mention: "về công tác quy hoạch cán bộ", "“Về tiếp tục ...”",
#: and after an issuer phrase "Hướng dẫn triển khai thực hiện ...".
SUBJECT_LEAD_RE = re.compile(
    r"[ \t\n]*,?[ \t\n]*[“\"]?[ \t\n]*(?P<lead>về\s+việc|về|V/v)\s+",
    re.IGNORECASE,
)
SUBJECT_LEAD_AFTER_ISSUER_RE = re.compile(
    r"""
    [ \t\n]*,?[ \t\n]*[“"]?[ \t\n]*
    (?:
        (?P<lead>về\s+việc|về|V/v|hướng\s+dẫn|quy\s+định\s+về(?:\s+việc)?)\s+   # dropped
      | (?=quy\s+định\s)                    # "quy định chi tiết ...": kept in the subject
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: Where a subject ends: a clause break, a bracket or quote, a paragraph break, a new
#: sentence, or a date introducing the next item.
SUBJECT_END_RE = re.compile(
    rf"""
    [;()“”"\[\]]                    # clause break, bracket, quote
    | \n[ \t]*\n                    # paragraph break
    | \.(?=\s+[{UPPER}]|\s*$)       # a full stop ending the sentence
    | ,\s+ngày\s                    # ", ngày ..." introducing another date
    | \s-\s                         # a list dash
    | \n[ \t]*[-+•]                 # a new list item
    | \^                            # a footnote mark: "... Công ty Viễn thông Quân đội.^"
    | ,?\s+(?:cụ\s+thể\s+)?như\s+sau(?![\w])   # the sentence goes on to a list: "..., cụ thể như sau"
    | (?:\s+(?:ra\s+sao|như\s+thế\s+nào|thế\s+nào|là\s+gì|hay\s+không|không))?\s*\?  # a question about it: "... có hiệu lực khi nào?"
    """,
    re.VERBOSE,
)

#: A subject that stops on these words goes on into the next mention: "về triển khai | Nghị quyết
#: số 57-NQ/TW ...", "sửa đổi, bổ sung một số điều của | Luật ...".
SUBJECT_OPEN_TAIL_RE = re.compile(
    r"""(?<![\w])(?:
        của|về   # not "và": "... X và | Quy định số 339-QĐ/TW" lists another document
      | triển\s+khai|thực\s+hiện|thi\s+hành|hướng\s+dẫn|quy\s+định(?:\s+chi\s+tiết)?|sửa\s+đổi|bổ\s+sung
      | bãi\s+bỏ|thay\s+thế|tổng\s+kết|sơ\s+kết|quán\s+triệt|cụ\s+thể\s+hóa|một\s+số\s+điều
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)

# --------------------------------------------------------------------------- named documents

_NAMED = load_table("named_documents.json")
NAMED_DOCUMENT_RE = re.compile(
    rf"""
    (?<![\w])
    (?:
        # a congress resolution: "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội đại biểu
        # toàn quốc lần thứ XIII của Đảng"
        (?P<congress>Nghị\s+quyết\s+Đại\s+hội(?:\s+đại\s+biểu\s+toàn\s+quốc)?
            (?:\s+lần\s+thứ)?\s+(?P<congress_no>[IVXL]{{1,6}}|\d{{1,2}})(?![\w]))
      |
        # a listed law: "Luật Cán bộ, công chức"
        (?P<law>{_alternation(_NAMED["laws"])})(?![\w])
      |
        # a listed document: "Điều lệ Đảng", "Cương lĩnh", "Hiến pháp"
        (?P<document>{_alternation([n for ns in _NAMED["documents"].values() for n in ns])})(?![\w])
    )
    """,
    re.VERBOSE,
)
#: An optional year after a named document: "Hiến pháp năm 2013", "Luật Đất đai 2024", and
#: the date a law was passed, as state documents cite laws since 2025: "Luật Tổ chức Chính
#: phủ ngày 18 tháng 02 năm 2025", "Luật Thống kê ngày 23/11/2015".
NAMED_YEAR_RE = re.compile(
    r"""\s+(?:năm\s+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+|ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*)?
    (?P<year>(?:19|20)\d{2})(?![\d])""",
    re.VERBOSE,
)

# --------------------------------------------------------------------------- a directive's identity

#: The national header of a directive: party ("ĐẢNG CỘNG SẢN VIỆT NAM") or state
#: ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), words possibly broken over lines.
HEADER_MARK_RE = re.compile(
    r"""
    ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM                        # party header
    | CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM   # state header
    """,
    re.VERBOSE,
)

#: The national motto under the state header, possibly broken over lines.
MOTTO_RE = re.compile(r"Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc", re.IGNORECASE)

#: Where one header cell ends and another begins: a table bar, a rule line, or a wide
#: gap between the two columns of a plain-text header.
HEADER_CELL_BREAK_RE = re.compile(r"\||(?m:^[ \t]*[-_=*:]{3,}(?:[ \t]+[-_=*:]{3,})*[ \t]*$)|[ \t]{3,}|\t")

_BODY_HEADS = load_table("bodies.json")["heads"]
#: The start of a body's name in a header cell: a known issuer ("THỦ TƯỚNG CHÍNH PHỦ",
#: "ỦY BAN NHÂN DÂN") or a generic head ("CỤC", "SỞ", "BỘ"). Longest first, so that
#: "VĂN PHÒNG CHÍNH PHỦ" is one head, not "VĂN PHÒNG" then "CHÍNH PHỦ".
BODY_HEAD_RE = re.compile(
    rf"(?<![\w])(?:{_alternation([n for row in _ISSUERS for n in row['names']] + _BODY_HEADS + ['Sở'])})(?![\w])",
    re.IGNORECASE,
)

#: The enacting line under a state document's subject: the post or body that issues it
#: ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "BỘ TRƯỞNG BỘ NỘI VỤ", "ỦY BAN NHÂN DÂN
#: THÀNH PHỐ HỒ CHÍ MINH"): where the subject ends.
ENACTING_LINE_RE = re.compile(
    rf"""^(?:
        (?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|(?:TỔNG\s+)?CỤC\s+TRƯỞNG|(?:TỔNG\s+)?GIÁM\s+ĐỐC|
           THỐNG\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG|TRƯỞNG\s+BAN)(?![\w])
      | {BODY_HEAD_RE.pattern}
    )""",
    re.VERBOSE | re.IGNORECASE,
)

#: A subject line that cannot end there ("... THUỘC PHẠM VI QUẢN LÝ CỦA"): the next line
#: continues it, even when it names a body ("BỘ NỘI VỤ").
OPEN_ENDED_RE = re.compile(
    r"(?<![\w])(?:của|và|về|tại|với|cho|thuộc|giữa|đối\s+với|trên|theo|do|bởi)\s*$", re.IGNORECASE
)

#: A local level word after an open body's name: "ỦY BAN NHÂN DÂN TỈNH AN GIANG".
LEVEL_WORD_RE = re.compile(r"^(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|ĐẶC\s+KHU)(?=\s)")

#: The number line of the header: "Số 45-HD/BTCTW", "Số: 74/2025/NĐ-CP",
#: "Nghị quyết số: 78/2025/UBTVQH15". The code itself is read with CODE_RE after it.
NUMBER_LINE_RE = re.compile(
    rf"""
    (?m)^[ \t|#>*_]*
    (?:(?P<type_word>{TYPE_WORDS})\s+)?
    (?P<so>Số|SỐ|số)(?:\s+hiệu)?[ \t]*:?[ \t*_]*\n?[ \t|*_]*
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: The place-and-date line: "Hà Nội, ngày 21 tháng 11 năm 2025" (may break over lines).
PLACE_DATE_RE = re.compile(
    rf"""
    (?m)^[ \t|*_]*
    (?P<place>[{UPPER}][\w.]*(?:[ ][\w.]+){{0,4}}?)
    [ \t]*,[ \t]*
    (?P<date>ngày\s+(?P<day>\d{{1,2}})\s+tháng\s+(?P<month>\d{{1,2}})\s+năm\s+(?P<year>\d{{4}}))
    """,
    re.VERBOSE,
)

#: The place-and-date line set beside other header cells (a Markdown table row turned
#: into one line): "Số 02-HD/ĐU Hà Nội, ngày 14 tháng 4 năm 2022". Place words are in
#: title case here, so that the code cell before them is not taken for the place.
PLACE_DATE_INLINE_RE = re.compile(
    rf"""
    (?<![\w])
    (?P<place>[{UPPER}][{LOWER_VI}]+(?:[ ][{UPPER}][{LOWER_VI}]+){{0,3}})
    [ \t]*,[ \t]*
    (?P<date>ngày\s+(?P<day>\d{{1,2}})\s+tháng\s+(?P<month>\d{{1,2}})\s+năm\s+(?P<year>\d{{4}}))
    """,
    re.VERBOSE,
)

#: A line holding only the document type in capitals: "HƯỚNG DẪN", "NGHỊ ĐỊNH".
TITLE_LINE_RE = re.compile(
    rf"""
    (?m)^[ \t#|*_]*
    (?P<title>{_alternation([w.upper() for w in _DOC_TYPES["type_words"]])})
    [ \t*_]*$
    """,
    re.VERBOSE,
)

#: A line that ends the title block: a rule of dashes or stars, or the preamble.
TITLE_BLOCK_END_RE = re.compile(
    r"^\s*(?:[-*_=]{3,}|\*\s*\*|-?\s*Căn\s+cứ|Thực\s+hiện|Tại\s+phiên|Kính\s+gửi|Hội\s+nghị)",
    re.IGNORECASE,
)

#: The signature mark: party "T/M", "K/T", "T/L"; state "TM.", "KT.", "TL.".
SIGNATURE_MARK_RE = re.compile(
    r"(?:^|(?<=[\s|*_:]))(?P<mark>T/M|K/T|T/L|TM\.|KT\.|TL\.)[ \t]*(?=[" + UPPER + r"])",
    re.MULTILINE,
)

#: Capitals ending a line that also holds a recipient ("- Lưu VP, PHÓ BÍ THƯ"): the
#: signature column of a table flattened into lines.
TRAILING_CAPITALS_RE = re.compile(rf"(?:^|\s)(?P<caps>[{UPPER}][{UPPER}/.\- ]*[{UPPER}])\s*$")
#: A name ending a line ("- Lưu Văn phòng Đảng ủy. Trần Quốc Khánh").
TRAILING_NAME_RE = re.compile(rf"(?:^|\s)(?P<name>[{UPPER}][{LOWER_VI}]*(?:\s+[{UPPER}][{LOWER_VI}]*){{1,4}})\s*$")
#: "ĐẢNG BỘ TỈNH ĐỒNG THÁP": the party organization a bare "TỈNH ỦY" header belongs to.
PARTY_ORGANIZATION_LINE_RE = re.compile(
    r"^ĐẢNG\s+BỘ\s+(?:(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG)\s+)?(?P<place>.+)$"
)

#: "Nơi nhận:", the list of recipients next to the signature.
RECIPIENTS_RE = re.compile(r"(?m)^[ \t|*_]*Nơi\s+nhận\s*:?", re.IGNORECASE)

#: A signature line that starts the signer's own post (after the T/M, K/T body).
POST_LINE_RE = re.compile(
    r"""
    ^(?:PHÓ|BÍ\s+THƯ|TRƯỞNG|CHỦ\s+TỊCH|CHÁNH|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|TỔNG|GIÁM\s+ĐỐC|
       ỦY\s+VIÊN|UỶ\s+VIÊN|THƯỜNG\s+TRỰC|CHỦ\s+NHIỆM|VIỆN\s+TRƯỞNG|THỦ\s+TƯỚNG|CHÁNH\s+ÁN)
    """,
    re.VERBOSE,
)

#: The signer's name line: two to five capitalized words, maybe after a military rank.
SIGNER_NAME_RE = re.compile(
    rf"""
    ^(?:(?:Đại|Thượng|Trung|Thiếu)\s+tướng\s+|Đại\s+tá\s+)?
    (?P<name>[{UPPER}][{LOWER_VI}]*(?:\s+[{UPPER}][{LOWER_VI}]*){{1,4}})
    \s*$
    """,
    re.VERBOSE,
)

#: A lower-cased type word before "số" in a subject line ("quy định số 377-QĐ/TW").
TYPE_BEFORE_NUMBER_RE = re.compile(rf"(?<![\w])({TYPE_WORDS.lower()})(\s+số\s)", re.IGNORECASE)

#: A signature block laid out in one table cell: the capitals of the mark and posts, then the
#: name, on one line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn A"); the name part is read by
#: SIGNER_NAME_RE.
SIGNATURE_CELL_RE = re.compile(
    rf"^(?P<caps>(?:T/M|K/T|T/L|TM\.|KT\.|TL\.)[ \t]*[{UPPER}][{UPPER}/.,\- ]*[{UPPER}.])\s+(?P<rest>[{UPPER}][{LOWER_VI}].*)$"
)

#: A line break written inside a Markdown table cell ("KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH").
CELL_BREAK_RE = re.compile(r"<br\s*/?>|\n", re.IGNORECASE)

#: Words after which a post word continues the body rather than starting the signer's own
#: post: a mark ("KT. CHỦ TỊCH"), "PHÓ" ("PHÓ CHỦ TỊCH"), "BAN" ("BAN BÍ THƯ").
POST_CONTINUES_RE = re.compile(r"^(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|PHÓ|BAN)$")

#: Markup and table debris to strip from header and signature lines.
LINE_DEBRIS_RE = re.compile(r"[|*_#]+")
