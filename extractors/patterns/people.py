"""Regular expressions for people, posts and bodies.

Every pattern used by ``extractors.people`` and ``extractors.organizations``
lives here, compiled once at import. Word lists (family names, titles, bodies,
abbreviations) come from the data files in ``extractors/data`` and are
compiled into the patterns at load time; nothing here is a hand-kept list of
names. Patterns are written for the pipeline's normalized text (NFC, new-style
``Ủy``, dashes as ``-``, single spaces) but accept old-style ``Uỷ`` as well.

Order of alternatives: longer / more specific first, so that "Phó Bí thư
Thường trực" wins over "Bí thư" and "Tổng cục trưởng" over "Cục trưởng".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Vietnamese letters, by case. Built from the base Latin letters plus every
# accented vowel and đ/Đ, so that ``[{UPPER}]`` means "a capital Vietnamese letter".
_VOWELS_LOWER = "aàáạảãâầấậẩẫăằắặẳẵeèéẹẻẽêềếệểễiìíịỉĩoòóọỏõôồốộổỗơờớợởỡuùúụủũưừứựửữyỳýỵỷỹ"
_FOREIGN_LOWER = (
    "çñäëïöüÿåæøœāēīōū"  # letters of foreign names ("François", "Núñez", "Ōkuma"), so a name is not cut at them
)
LOWER = "a-z" + _VOWELS_LOWER + "đ" + _FOREIGN_LOWER
UPPER = "A-Z" + _VOWELS_LOWER.upper() + "Đ" + _FOREIGN_LOWER.upper()
LETTER = LOWER + UPPER


def _load_json(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return loaded


def _load_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def tolerant(literal: str) -> str:
    """Regex for a literal phrase that accepts old tone placement and any spacing.

    "Ủy viên" also matches "Uỷ viên"; a space matches one or more spaces.
    """
    out = []
    for word in literal.split(" "):
        piece = re.escape(word)
        piece = piece.replace("Ủy", "(?:Ủy|Uỷ)").replace("ủy", "(?:ủy|uỷ)")
        piece = piece.replace("ỦY", "(?:ỦY|UỶ)")
        piece = piece.replace("hòa", "(?:hòa|hoà)").replace("Hòa", "(?:Hòa|Hoà)")
        out.append(piece)
    return r"[ ]+".join(out)


def _alternation(phrases: Iterable[str]) -> str:
    """Longest-first alternation of tolerant literals."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(tolerant(p) for p in ordered)


def _word_trie_alternation(phrases: Iterable[str]) -> str:
    """The same phrases as :func:`_alternation`, as a tree of words ("Phó (Bí thư|Chủ tịch ...)"),
    so that a position is rejected after one word instead of after every phrase; at each word
    the longer continuation is tried first, as the longest-first alternation does."""
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        node = trie
        for word in phrase.split(" "):
            node = node.setdefault(word, {})
        node[""] = {}  # a phrase ends here

    def render(node: dict[str, Any]) -> str:
        branches = []
        for word in sorted((w for w in node if w), key=lambda w: (-len(w), w)):
            child = node[word]
            rest = render({w: c for w, c in child.items() if w})
            piece = tolerant(word)
            if rest:
                piece += rf"(?:[ ]+(?:{rest}))" + ("?" if "" in child else "")
            branches.append(piece)
        return "|".join(branches)

    return render(trie)


# --------------------------------------------------------------------------
# Data tables, loaded once
# --------------------------------------------------------------------------

FAMILY_NAMES: frozenset[str] = frozenset(n.lstrip("?") for n in _load_lines("family_names.txt"))
# family names that are also common place or word syllables ("Hà", "Đồng", "Cao")
RISKY_FAMILY_NAMES: frozenset[str] = frozenset(n[1:] for n in _load_lines("family_names.txt") if n.startswith("?"))
TITLES: dict[str, Any] = _load_json("titles.json")
BODIES: dict[str, Any] = _load_json("bodies.json")
ABBREVIATIONS: dict[str, Any] = _load_json("abbreviations.json")


def _not_names() -> tuple[frozenset[str], frozenset[str]]:
    never, unless_cued = set(), set()
    for line in _load_lines("not_names.txt"):
        if line.startswith("?"):
            unless_cued.add(line[1:].strip().casefold())
        else:
            never.add(line.casefold())
    return frozenset(never), frozenset(unless_cued)


NOT_NAMES, NAMES_ONLY_AFTER_CUE = _not_names()


def title_phrases() -> dict[str, dict[str, Any]]:
    """Every written form of a title (with its 'Phó' form, also abbreviated 'P.') -> its table entry."""
    phrases: dict[str, dict[str, Any]] = {}
    for entry in TITLES["titles"]:
        phrases[entry["title"]] = entry
        if entry.get("deputy"):
            phrases["Phó " + entry["title"]] = entry
            phrases["P. " + entry["title"]] = entry  # a staff list's "P. Hiệu trưởng"
    return phrases


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

# One capitalised syllable: a capital letter and lower-case letters ("Nguyễn",
# "Ủy", "U"); an apostrophe form such as "H'Hen" is allowed for minority names.
SYLLABLE = rf"[{UPPER}](?:'[{UPPER}])?[{LOWER}]*"

# A run of capitalised syllables on one line, separated by single spaces:
# the raw material of names, places, bodies and headings alike. Which part of
# a run is a name is decided in code (extractors.people), not here.
CAPITALISED_RUN = re.compile(
    rf"""
    (?<![{LETTER}])          # not inside a word
    {SYLLABLE}
    (?:[ ]{SYLLABLE})*       # more capitalised syllables, one space apart
    (?![{LETTER}])
    """,
    re.VERBOSE,
)

# A well-formed Vietnamese syllable (onset, 1-3 vowels, final consonant): "Minhđã" or
# "Trânb" (words glued by scraping, a footnote mark) is not one.
VIET_SYLLABLE = re.compile(
    rf"""
    (?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?   # onset
    [{_VOWELS_LOWER}]{{1,3}}                                      # vowels
    (?:ch|ng|nh|[cmnpt])?                                         # final consonant
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A body's head word in any case at the start of a capitalised run: "Đoàn Đại biểu
# Quốc hội", "Đoàn Thanh Niên" are bodies, not "Đoàn Đại", "Đoàn Thanh Niên" the person.
BODY_HEAD_ANY_CASE = re.compile(rf"(?<![{LETTER}])(?:{_alternation(BODIES['heads'])})(?![{LETTER}])", re.IGNORECASE)

# The head of a body that is named after a person ("Học viện Chính trị quốc gia Hồ Chí
# Minh", "Trường Nguyễn Ái Quốc", "Đoàn TNCS Hồ Chí Minh"): the name it ends with is no person.
NAMED_AFTER_HEAD = re.compile(rf"(?<![{LETTER}])(?:{_alternation(BODIES['named_after'])})(?![{LETTER}])", re.IGNORECASE)

# The words between a body's head and the name it is named after: capitalised words,
# abbreviations and the lower-case words of body names ("Chính trị quốc gia", "Sư phạm").
BODY_WORDS_ONLY = re.compile(
    rf"(?:[ ]+(?:[{UPPER}][{LETTER}&.]*|quốc[ ]gia|{_alternation(w for w in BODIES['inner_words'] if w.islower())}))*[ ]+"
)

# A capitalised word right after: the run goes on ("Lê Duẩn Trường | Chinh").
CAPITALISED_NEXT = re.compile(rf"[ ]+[{UPPER}]")

# One syllable inside a run, to split a run into syllables with offsets.
SYLLABLE_IN_RUN = re.compile(rf"{SYLLABLE}")

# A foreign name with initials between its words: "John F. Kennedy", "George W. Bush".
NAME_WITH_INITIALS = re.compile(
    rf"(?<![{LETTER}])[{UPPER}][{LOWER}]+(?:[ ][{UPPER}]\.)+[ ][{UPPER}][{LOWER}]+(?:[ ][{UPPER}][{LOWER}]+)?(?![{LETTER}])"
)

# A line holding only a name in capitals: a byline ("HOÀNG BIÊN") or the
# signer of a directive. 2-4 syllables, optional emphasis markers around it.
ALL_CAPS_NAME_LINE = re.compile(
    rf"""
    ^[ *_]*                                  # start of line, stray emphasis
    (?P<name>[{UPPER}]+(?:[ ][{UPPER}]+){{1,3}})  # 2-4 upper-case syllables
    [ *_]*$                                  # nothing else on the line
    """,
    re.VERBOSE | re.MULTILINE,
)

# Words that, placed right before a capitalised run, say "a person follows".
CUE = re.compile(
    rf"""
    (?<![{LETTER}])
    (?:{_alternation(TITLES["cues"])})   # đồng chí, ông, bà, Bác ...
    [ ]*$                                # ... ending right where the name starts
    """,
    re.VERBOSE,
)

# Military ranks, academic titles and professions written before a name ("Thiếu tướng Tống
# Thanh Trì", "PGS.TS Nguyễn ...", "Luật sư Vương Văn Bắc") or as a piece of a post list after it.
RANK = re.compile(
    rf"""
    (?<![{LETTER}])
    (?:{_alternation(TITLES["ranks"])})   # Đại tướng, Thiếu tướng, Đại tá, GS ...
    (?![{LETTER}])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Left context that makes a capitalised run a street, a school, an award or
# a city rather than a person: "đường Lý Nam Đế", "Số 25A Phan Đình Phùng",
# "Huân chương Hồ Chí Minh", "TP. Hồ Chí Minh".
NOT_PERSON_BEFORE = re.compile(
    rf"""
    (?:
        (?<![{LETTER}])(?:đường|phố|ngõ|ngách|hẻm|quận|huyện|tỉnh|xã|phường|thị[ ]xã|
                          thành[ ]phố|sông|cầu|chợ|trường|lăng|tượng|khu|
                          làng|thôn|ấp|bản|núi|dãy|đèo|biển|vịnh|hồ|đảo|châu|kênh|rạch|đoạn|
                          báo|tạp[ ]chí|đền|chùa|đình)                      # places, newspapers
      | (?<![{LETTER}])(?:Huân[ ]chương|Giải[ ]thưởng|giải[ ]thưởng|Giải|Tư[ ]tưởng|tư[ ]tưởng|
                          Học[ ]viện|Đại[ ]học|TP\.?|Tp\.?|Bảo[ ]tàng|Cộng[ ]sản|Tiền[ ]phong|(?:Chính[ ]trị|Hành[ ]chính)[ ]Quốc[ ]gia|
                          Thành[ ]phố|Quận|Huyện|Tỉnh|Phường)                 # institutions and awards named after people
      | (?<![{LETTER}])(?:Q|P|TX|TT)\.                                       # Q. Bắc Từ Liêm, P. Hàng Mã
      | (?<![{LETTER}])(?-i:đ)\.                                            # đ. Nguyễn Tất Thành (đường)
      | (?<![{LETTER}])(?:THCS|THPT|PTTH|PTCS|PTDTNT|Tiểu[ ]học|Trung[ ]học|Mầm[ ]non)   # Trường THCS Ngô Quyền
      | [Ss]ố[ ]*\d+[A-Za-z]?(?:-\d+)?,?                                     # Số 25A, Số 161-163,
    )
    [ ]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A place word and the capitalised run after it: "xã Hồ Thị Kỷ", "đường Lý Nam Đế".
# A name the text also writes this way is a place in that text.
PLACE_THEN_RUN = re.compile(
    rf"""
    (?<![{LETTER}])
    (?i:xã|phường|huyện|quận|tỉnh|thành[ ]phố|TP\.?|đường|phố|làng|thôn|báo|kênh|rạch)   # the place word, any case
    [ ]+
    (?P<run>{SYLLABLE}(?:[ ]{SYLLABLE}){{1,3}})                   # the name it is given
    """,
    re.VERBOSE,
)

# A bare house number before a run and an address part after it:
# "65 Hồ Văn Huê, Phường 9" (not "| 22 | Trần Cẩm Tú", a table row number).
HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\d.,/-])\d{1,3}[A-Za-z]?(?:/\d{1,3}[A-Za-z]?)*,?[ ]*$")  # "25 ", "34/4 "

# A list of places after a colon: "có 10 tổ dân phố: Ngô Gia Tự, Quang Trung, Trần Phú"; the
# names listed are the places', not people's.
PLACE_LIST_OPENER = re.compile(
    r"""
    (?<![^\W\d_])                 # a whole word ("bản" is left out: "Kịch bản:", "văn bản:")
    (?<!Nông[ ])(?<!nông[ ])         # "Phát triển Nông thôn:" is a ministry's name
    (?:tổ[ ]dân[ ]phố|khu[ ]phố|thôn|xóm|ấp|làng|phường|xã|thị[ ]trấn|đường|tuyến(?:[ ]đường|[ ]phố)?|
       phố|ngõ|quận|huyện|khu|đảo|núi|sông|hồ)
    (?:[ ]*\([^()\n]{0,40}\))?[ ]*:[ ]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)
# What may stand between the colon and a listed place: other listed names, commas, "và".
PLACE_LIST_GAP = re.compile(rf"(?:[ ,;]|và|[{LETTER}])*")
ADDRESS_AFTER = re.compile(
    r"""
    ,?[ ]*
    (?:P\.|Q\.|TP\b|Tp\.|[Pp]hường|[Qq]uận|[Xx]ã|[Hh]uyện|[Tt]hị[ ]xã|[Tt]hành[ ]phố|Hà[ ]Nội)   # ward, district, city
    """,
    re.VERBOSE,
)

# What makes a short name with a risky family name a person: a year or a post after it,
# "U Huấn (1980), ...", "Hà Minh - Phó Bí thư ...".
PERSON_AFTER = re.compile(r"[ ]*\([ ]*\d{4}|[ ]*(?:-|,|:|\()[ ]*(?=[{UPPER}]|nguyên)".replace("{UPPER}", UPPER))

# A year or a term in brackets after a name: "Hồ Văn Niên (1975)".
YEAR_IN_BRACKETS = re.compile(r"[ ]*\([ ]*\d{4}(?:[ ]*-[ ]*\d{0,4})?[ ]*\)")

# What a biography writes between a name and its posts: another name in brackets
# ("Lê Thị Phước (hay Đoàn Kim Bình)", "(tức Nguyễn Ái Quốc)", "(bí danh Ba)"), a birth
# clause ("; sinh ngày 8/2/1924;", ", sinh năm 1950,", "(sinh năm 1970)", "(SN 1970, quê Huế)").
ASIDE_AFTER_NAME = re.compile(
    r"""
    [ ]*\((?:hay|tức|bí[ ]danh|tên[ ]thật|tên[ ]khai[ ]sinh|còn[ ]gọi[ ]là)[ ][^()\n]{1,60}\)   # another name
    | [ ]*\((?:sinh|SN|s\.)[ ][^()\n]{1,60}\)                                               # "(sinh năm 1970)"
    | [ ]*[;,][ ]*sinh[ ](?:ngày|năm|tháng)[^;,\n]{1,40}(?=[;,])                            # a birth clause
    | [ ]+(?:là|từng[ ]là)[ ]+(?:một[ ]+)?(?:nhà|chính[ ]khách|cựu|tướng|sĩ[ ]quan|lão[ ]thành|người)[ ][^,.;:\n()]{1,60}(?=,)   # "là một nhà cách mạng Việt Nam"
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A local committee written in lower case after a title: "Bí thư xứ ủy", "Bí thư tỉnh ủy".
LOWER_BODY_HEAD = re.compile(
    r"[ ]+(?:xứ|khu|tỉnh|thành|huyện|quận|thị|đảng)[ ](?:ủy|uỷ)(?![{LETTER}])".replace("{LETTER}", LETTER)
)

# A body's central organ written after a comma: "Trưởng ban Tuyên giáo, Trung ương Hội
# Liên hiệp Phụ nữ Việt Nam", "Phó Chánh Văn phòng, Trung ương Đoàn".
CENTRAL_ORGAN_AFTER = re.compile(r",[ ]*(?=Trung[ ]ương[ ](?:Hội|Đoàn)(?![{LETTER}]))".replace("{LETTER}", LETTER))

# The issuer at the head of a directive, in capitals over one to three lines:
# "ỦY BAN NHÂN DÂN / TỈNH QUẢNG TRỊ", "TỈNH ỦY BÌNH ĐỊNH", "ĐẢNG ỦY KHỐI ...".
ISSUER_LINES = re.compile(
    rf"""
    ^[ *_#]*(?P<body>(?:ỦY|UỶ)[ ]BAN[ ]NHÂN[ ]DÂN|HỘI[ ]ĐỒNG[ ]NHÂN[ ]DÂN|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)[ ](?:ỦY|UỶ)(?:[ ]KHỐI)?)
    (?P<rest>(?:[ *_\n]+(?!KT\.|TM\.|T/M|K/T)[{UPPER}][{UPPER} ]*(?=[ *_]*$)){{0,2}})
    """,
    re.VERBOSE | re.MULTILINE,
)
# A place line of an issuer: "TỈNH QUẢNG TRỊ", "HUYỆN THẠCH THẤT".
ISSUER_PLACE = re.compile(
    rf"(?P<level>TỈNH|THÀNH[ ]PHỐ|HUYỆN|QUẬN|THỊ[ ]XÃ|XÃ|PHƯỜNG)[ ]+(?P<place>[{UPPER}][{UPPER} ]*)"
)

# --------------------------------------------------------------------------
# Posts
# --------------------------------------------------------------------------

_TITLE_PHRASES = title_phrases()
# The same, by case-folded form (the first phrase of a form wins, as the table lists them).
_TITLE_ENTRY_BY_KEY: dict[str, dict[str, Any]] = {}
for _phrase, _entry in _TITLE_PHRASES.items():
    _TITLE_ENTRY_BY_KEY.setdefault(_phrase.casefold(), _entry)

# A title as written, with what may come around it:
#   "nguyên Phó Chính ủy", "Quyền Chủ tịch", "Phó Bí thư Thường trực".
TITLE = re.compile(
    rf"""
    (?<![{LETTER}])
    (?P<former>(?:{_alternation(TITLES["former"])})[ ]+)?    # nguyên (a former post)
    (?P<acting>(?:{_alternation(TITLES["acting"])})[ ]+)?    # Quyền (acting)
    (?P<title>{_word_trie_alternation(_TITLE_PHRASES)})      # the title itself, longest first
    (?P<qualifier>[ ]+(?:{_alternation(TITLES["qualifiers"])}))?  # Thường trực
    (?![{LETTER}])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# One word that may continue the name of a body after a title: a capitalised
# word or an abbreviation ("Vụ", "TT&TT", "T.Ư"), a number ("Quân khu 3"), or a
# lower-case word from the body vocabulary ("Ban cán sự Đảng").
BODY_WORD = re.compile(
    rf"""
    [ ]+
    (?P<word>
        (?:Ủy|Uỷ|ỦY)[ ]ban                                                 # Ủy ban (one word for our purpose)
      | TP\.(?=[ ][{UPPER}])                                                # TP. Cần Thơ
      | [{UPPER}]{{1,6}}-?\d{{1,4}}(?![\d/.,-]*\d)(?![{LETTER}/])                # Mặt trận B5, COVID-19
      | [{UPPER}][{LETTER}]*(?:&[{UPPER}]+)*(?:\.[{UPPER}][{LETTER}]*)?(?:-[{UPPER}][{LETTER}]*)*   # Tỉnh, TT&TT, T.Ư, Tăng-Thiết
      | \d+(?![\d/.,-]*\d)                                                  # Quân khu 3
      | -(?=[ ]+[{UPPER}][{LOWER}])(?![ ]+[{UPPER}][{LETTER}]*[ *_]*(?:\n|$|["”»)\]]))   # Ban Tổ chức - Kiểm tra (not "- VnExpress" ending a line or a quote)
      | [{LOWER}]+(?![{LETTER}])                                            # cán sự, vận, tỉnh (checked in code)
    )
    """,
    re.VERBOSE,
)

# A phrase of several words, in any case, that runs on inside a body's name where a lone word
# would end it: "Cộng hòa xã hội chủ nghĩa", "Hội Chữ thập đỏ", "Ban Thư ký", "Tổng công ty".
BODY_PHRASE = re.compile(rf"(?:{_alternation(BODIES['inner_phrases'])})(?![{LETTER}])", re.IGNORECASE)

# What a body is set up to prevent, inside its name where a comma or "về" would end it:
# "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực", "Ban Chỉ huy phòng, chống lụt bão".
PREVENTION_PHRASE = re.compile(
    rf"""
    (?:về[ ]+)?phòng,?[ ]+chống
    (?:[ ]+(?:{_alternation(BODIES["prevented"])})(?:,?[ ]+(?:và[ ]+)?(?:{_alternation(BODIES["prevented"])}))*)?
    (?![{LETTER}])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A unit's head a page may be titled with: "# Binh đoàn 16, Bộ Quốc phòng", "# Quân khu 7".
UNIT_HEAD = re.compile(rf"(?:{_alternation(BODIES['bare_units'])})(?=[ ]+(?:[{UPPER}]|\d))")

# Where a diplomat's body goes on with the country or city of the mission: "Đại sứ Việt Nam | tại Liên Xô".
ABROAD_AT = re.compile(rf"[ ]+tại(?=[ ]+[{UPPER}])")

# A ministry's name (not "Bộ Tư lệnh", "Bộ Chỉ huy", "Bộ Chính trị"): "Bộ Y tế", "Bộ Quốc phòng".
MINISTRY = re.compile(rf"Bộ[ ]+(?!Tư[ ]+lệnh|Chỉ[ ]+huy|Chính[ ]+trị|Tổng[ ]+Tham[ ]+mưu)[{UPPER}]")

# A list item about one ministry: "- Bộ Nội vụ do Bộ trưởng ... đảm nhiệm".
ITEM_ABOUT_MINISTRY = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?P<ministry>" + MINISTRY.pattern + ")")

# A unit that belongs to a larger one: "Cục Quản lý hành chính", "Công ty 789", "Sư đoàn 968".
SUB_UNIT = re.compile(rf"(?:{_alternation(BODIES['sub_units'])})(?![{LETTER}])")

# The larger body a unit belongs to, written after a comma: "..., Bộ Tổng Tham mưu",
# ", Quân khu 7", ", Bộ Công an" (a capitalised word or a number follows its head).
PARENT_UNIT_AFTER = re.compile(
    rf",(?=[ ]+(?:{_alternation(BODIES['parent_units'])})[ ]+(?:[{UPPER}]|\d))(?![ ]+Bộ[ ]+Chính[ ]+trị)"
)

# A military unit written after a comma as the body of a bare command title in a CV line:
# "Phó Tiểu đoàn trưởng về Chính trị, Tiểu đoàn 40, ...", "Chủ nhiệm Chính trị, Quân khu 7".
UNIT_AFTER_COMMA = re.compile(
    rf",(?=[ ]+(?:Tiểu[ ]đoàn|Trung[ ]đoàn|Lữ[ ]đoàn|Sư[ ]đoàn|Quân[ ]đoàn|Binh[ ]đoàn|Quân[ ]khu|Đại[ ]đội"
    rf"|Binh[ ]chủng|Quân[ ]chủng|Bộ[ ]Tư[ ]lệnh|Bộ[ ]Chỉ[ ]huy)[ ]+(?:[{UPPER}]|\d))"
)

# A press body's name written in quotation marks after its head: 'Tạp chí "Sinh hoạt nội bộ"',
# "báo “Sự thật”" (the head's own case is checked in code).
QUOTED_PRESS_NAME = re.compile(r"[ ]+[\"“](?P<name>[^\"”\n]{1,60})[\"”]")
PRESS_HEAD_END = re.compile(r"(?:^|[ ])(?:[Tt]ạp[ ]chí|[Bb]áo|[Nn]hà[ ]xuất[ ]bản)$")

# Where a parent unit's name may end for it to be one: punctuation, a bracket, the line's end.
PARENT_UNIT_END = re.compile(r"[ ]*(?:[.;,:)(\n]|$)")

# Words of time that end a body's name: "Bí thư Thành ủy Sài Gòn | đầu tiên", "... | lúc đó".
BODY_STOP_PHRASE = re.compile(rf"(?:{_alternation(BODIES['stop_phrases'])})(?![{LETTER}])")

# A word right before a title that makes the title part of a body's name, not a post:
# "Phủ Thủ tướng", "Hội đồng Bộ trưởng", "Văn phòng Chủ tịch nước".
OWNS_TITLE_BEFORE = re.compile(rf"(?<![{LETTER}])(?:{_alternation(BODIES['owns_title'])})[ ]+$")

# The words that make "Thường vụ" a body's or a member's name, not the short post "Thường vụ Xứ
# ủy" (a member of its standing committee): "Ban Thường vụ", "Ủy ban Thường vụ", "Ủy viên Thường vụ",
# and the committee itself acting or acted for ("cùng Thường vụ Xứ ủy chỉ đạo", "của Thường vụ").
STANDING_COMMITTEE_OWNER = re.compile(rf"(?<![{LETTER}])(?:[Bb]an|[Vv]iên|UV|UVTV|cùng|với|của|do|và|được)[ ]+$")
# Where "Thường vụ X" stands as a member's post: after a name and a comma, "là", "làm", "chức",
# "nguyên", or a CV line's colon (not opening a sentence: "Thường vụ Tỉnh ủy giao ...").
STANDING_POST_BEFORE = re.compile(rf"(?:[,;:]|(?<![{LETTER}])(?:là|làm|chức|vụ|nguyên))[ ]*$")

# A capitalised word that opens a document's name or a new phrase, never part of
# a body: "Ban Tổ chức Trung ương Hướng dẫn ...", "Bộ Tư pháp Theo đó ...".
NOT_BODY_WORD = re.compile(
    rf"""
    (?:{_alternation(BODIES["not_after"])})   # Hướng (dẫn), Quy (định), Theo ...
    (?![{LETTER}])(?![ ][Cc]ao(?![{LETTER}]))   # but "Tối cao" (supreme) is part of a body
    """,
    re.VERBOSE,
)

# What joins two posts of one person: a comma, "kiêm", "và" (not a semicolon:
# that closes a person in a list).
BETWEEN_POSTS = re.compile(
    r"""
    [ ]*(?:,|[ ]kiêm|[ ]rồi|[ ]-(?=[ ]))[ ]*(?:(?:nay|sau[ ]này|sau)[ ]là[ ]+)?   # ", ", " kiêm ", " rồi ", " - " (a dash once normalized), ", nay là "
    | [ ]+(?:kiêm[ ]+)?                                         # titles run together
    """,
    re.IGNORECASE | re.VERBOSE,
)

# What joins a bare title to the next one whose body it shares: "Đại đội phó rồi Đại đội
# trưởng Đại đội 107", "Phó Tư lệnh - Tham mưu trưởng Quân đoàn 1" (dashes are "-" once
# normalized), "Phó Tư lệnh kiêm ...".
SHARED_BODY_JOINT = re.compile(r"[ ]*(?:,|-)?[ ]*(?:(?:kiêm|rồi|sau[ ]đó(?:[ ]là)?)[ ]+)?")

# What may stand between a name and the posts that follow it:
# "Trần Đình Cảnh- Thành ủy viên", "Phan Tâm, Phó Bí thư", "Bùi Công Chức ( Nguyên",
# "A, hiện là Phó Chủ tịch", "B nguyên là Bộ trưởng", "C ủy viên BCH TW Đảng" (a space before a
# post in lower case, which is then taken only with its body).
AFTER_NAME = re.compile(
    r"""
    [ ]*
    (?:[-,(:](?:[ ]*(?:(?:hiện|từng|cũng|đang)[ ]+)?là(?=[ ]))?   # "-", ",", ", hiện là"
      |[ ](?:(?:hiện|từng|cũng|đang)[ ]+)?là(?=[ ])              # " là", " hiện là"
      |[ ](?=nguyên[ ])                                           # " nguyên (là) ...": the post's own word
      |[ ](?=(?:ủy|uỷ|bí|phó|chủ|trưởng|thứ|bộ|giám|tổng|đại)[ ])   # "A ủy viên BCH TW Đảng": a post in lower case
    )
    [ ]*(?:\n?\[\d+\][ ]*)?                                          # a footnote mark
    """,
    re.VERBOSE,
)

# Words between a title and its body that are part of neither: "Chủ tịch đầu tiên của Hội ...",
# "Trung đội trưởng thuộc Tiểu đoàn 56",
# "Chủ tịch của Quốc dân Đảng".
BEFORE_BODY = re.compile(r"(?:(?:đầu[ ]tiên|cuối[ ]cùng)[ ]+)?(?:(?:của|thuộc)[ ]+)?", re.IGNORECASE)

# The words between a body and a title it is led by: "Trung tâm Huấn luyện X do Thiếu tá A làm
# Chỉ huy trưởng", "Ngân hàng Quốc gia ... do A đảm nhiệm Tổng Giám đốc" (searched up to the title).
LED_BY_BEFORE_TITLE = re.compile(
    r"[ ]+do[ ]+[^\n.;]{2,60}?[ ]+(?:làm|giữ[ ]chức(?:[ ]vụ)?|đảm[ ]nhiệm(?:[ ]chức(?:[ ]vụ)?)?)[ ]+$"
)

# The head of a body a title may be led in: the bodies' heads and units, banks and centres.
LED_BODY_HEAD = re.compile(
    rf"(?<![{LETTER}])(?:{_alternation(BODIES['heads'])}|Trung[ ]tâm|Tiểu[ ]đoàn|Trung[ ]đoàn|Lữ[ ]đoàn|Ngân[ ]hàng"
    rf"|Tập[ ]đoàn|Tổng[ ]công[ ]ty|Công[ ]ty|Tổng[ ]nha|Bảo[ ]tàng|Nhà[ ]xuất[ ]bản|Báo|Đài)(?![{LETTER}])"
)

# A numbered army unit, in any case, or a front: "tiểu đoàn 766", "Đại đội 107", "mặt trận Trung Lào".
NUMBERED_UNIT = re.compile(
    r"(?:tiểu[ ]đội|trung[ ]đội|đại[ ]đội|tiểu[ ]đoàn|trung[ ]đoàn|lữ[ ]đoàn|sư[ ]đoàn|quân[ ]đoàn|binh[ ]đoàn"
    r"|quân[ ]khu)[ ]+\d"
    rf"|mặt[ ]trận[ ]+(?-i:[{UPPER}])",  # "mặt trận Trung Lào", its name capitalised
    re.IGNORECASE,
)

# A word between a title and its body that is part of neither: "Ủy viên chính thức Bộ Chính trị",
# "Uỷ viên Chính thức Ban Chấp hành Trung ương".
QUALIFIER_AFTER_TITLE = re.compile(r"[ ]+(?:chính|Chính)[ ]thức(?=[ ]+[{UPPER}])".replace("{UPPER}", UPPER))

# A relative named before a person: "Con trai ông Trầm Trọng Ngân trở thành ...": the verb after
# the name is the relative's, not the named person's.
KIN_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:con[ ]trai|con[ ]gái|con|vợ|chồng|cháu|em[ ]trai|em[ ]gái|anh[ ]trai|chị[ ]gái|bố|cha|mẹ)"
    r"(?:[ ]của)?(?:[ ](?:ông|bà|cụ|đồng[ ]chí))?[ ]*$",
    re.IGNORECASE,
)

# What stands before a name that "làm" after it makes a holder: "do (Thiếu tá) A làm Tiểu đoàn
# trưởng", "cử (đồng chí) A làm ...", "bầu A làm ..." (not "phát biểu của A làm Bộ trưởng hài lòng").
LEADER_BEFORE_NAME = re.compile(
    rf"(?<![{LETTER}])(?:do|cử|bổ[ ]nhiệm|bầu|chọn)[ ]+(?:(?:{_alternation(TITLES['cues'])})[ ]+)?"
    rf"(?:(?:{_alternation(TITLES['ranks'])})[ ]+)?$",
    re.IGNORECASE,
)

# A bare "làm" between a name and a title (the verb alone, with any aspect words before it).
BARE_LAM = re.compile(r"[ ]*,?[ ]+(?:(?:đã|đang|sẽ|vừa|từng|tiếp[ ]tục|chính[ ]thức|lần[ ]lượt)[ ]+)*làm[ ]+$")

# An appointing verb right after a name, in the active: the name is who appoints, not who is
# appointed ("Phạm Văn Hòa bổ nhiệm giữ chức Giám đốc ... đối với ông Lê Minh", "A ký quyết định
# điều động B"); "A được bổ nhiệm" is passive and not matched.
APPOINTER_AFTER_NAME = re.compile(
    r"[ ]*,?[ ]+(?:(?:đã|vừa|đang|sẽ)[ ]+)?(?:ký[ ]+)?(?:quyết[ ]định[ ]+)?"
    r"(?:bổ[ ]nhiệm|điều[ ]động|miễn[ ]nhiệm|cách[ ]chức|chỉ[ ]định|trao[ ]quyết[ ]định)(?![^\W\d_])"
)

# A career verb between a name and the post it gave: "Nguyễn Văn A được bổ nhiệm giữ chức
# Thứ trưởng ...", "B trở thành Bí thư ...", "C được bầu làm đại biểu Quốc hội khóa XV".
CAREER_AFTER_NAME = re.compile(
    r"""
    [ ]*,?[ ]+
    (?:(?:đã|đang|sẽ|vừa|từng|tiếp[ ]tục|chính[ ]thức|lần[ ]lượt)[ ]+)*
    (?:
        được[ ]+(?:(?:tiếp[ ]tục|chính[ ]thức)[ ]+)?        # appointed, elected: only in the passive
        (?:
            (?:điều[ ]động,?[ ]+)?bổ[ ]nhiệm(?:[ ]lại)?(?:[ ]+(?:giữ[ ]chức(?:[ ]vụ)?|làm))?
          | bầu(?:[ ]+(?:giữ[ ]chức(?:[ ]vụ)?|làm))?
          | phân[ ]công(?:[ ]+(?:giữ[ ]chức(?:[ ]vụ)?|làm))?
          | thăng(?:[ ]chức)?(?:[ ]+làm)?
        )
      | giữ[ ](?:các[ ])?chức(?:[ ]vụ)?                        # the subject holds or becomes
      | thăng(?:[ ]chức)?[ ]+làm
      | trở[ ]thành
      | làm                                                   # "do Thiếu tá A làm Tiểu đoàn trưởng"
      | đảm[ ]nhiệm(?:[ ](?:các[ ])?chức(?:[ ]vụ)?)?
      | kiêm[ ]nhiệm
    )
    [ ]+
    """,
    re.VERBOSE,
)

# A rank piece inside a list of posts: "Thiếu tướng (2010)", "Đại tá".
RANK_PIECE = re.compile(
    rf"""
    [ ]*,?[ ]*
    (?:{_alternation(TITLES["ranks"])})   # the rank
    (?:[ ]*\([^)\n]{{0,20}}\))?           # its year
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The end of a line that opens a list of one person's posts, one an item: "ông A giữ các chức
# vụ:", "đã kinh qua những cương vị sau:", "đảm nhiệm các chức vụ như sau:".
CAREER_LIST_LEAD = re.compile(
    r"(?:giữ|đảm[ ]nhiệm|đảm[ ]nhận|kinh[ ]qua|trải[ ]qua)[ ]+(?:các|những|nhiều)[ ]+"
    r"(?:chức[ ]vụ|cương[ ]vị|chức[ ]danh|trọng[ ]trách)(?:[ ]+(?:sau|quan[ ]trọng))?(?:[ ]+như[ ]sau)?[ ]*:[ ]*$",
    re.MULTILINE,
)

# What may stand between the subject of a career-list lead and its verb: asides and aspect words
# ("ông A (sinh 1950) đã lần lượt giữ các chức vụ:"), nothing that makes A another verb's object.
CAREER_LIST_SUBJECT_GAP = re.compile(
    r"[ ,]*(?:\([^()\n]{0,60}\)[ ,]*)?(?:(?:đã|đang|từng|lần[ ]lượt|tiếp[ ]tục|sau[ ]đó|còn)[ ,]+)*"
)

# A pronoun for the page's subject opening a career-list lead's clause: "... . Bà giữ các chức vụ:".
PRONOUN_SUBJECT = re.compile(
    r"(?:^|[.;:][ ]+)(?:Ông|Bà|Đồng[ ]chí|ông|bà)[ ,]+(?:(?:đã|đang|từng|lần[ ]lượt|tiếp[ ]tục|sau[ ]đó|còn)[ ,]+)*$"
)

# What opens an item of a list on its own line: "- ", "+ ", "• ", "1. ", "a) ".
LIST_ITEM_OPENER = re.compile(r"[ \t]{0,3}(?:[-*+•][ \t]+|\d{1,2}[.)][ \t]+|[a-zđ]\)[ \t]+)")

# A list after a shared post: "Ủy viên Ban Thường vụ Tỉnh ủy: A, ...; B, ...".
LIST_COLON = re.compile(r"[ ]*:[ ]*")
LIST_ITEM_SEPARATOR = re.compile(r";")
LIST_END = re.compile(r"\.(?:[ ]|$)|\n")

# A signature block: "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nNgô Đông Hải",
# "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nLê Thành Long".
SIGNATURE_OPENER = re.compile(
    r"""
    ^[ *_]*
    (?:T/M|TM\.|K/T|KT\.|Q\.|TL\.|T/L|TUQ\.)   # on behalf of / for / acting
    [ ]
    """,
    re.VERBOSE | re.MULTILINE,
)
UPPER_LINE = re.compile(rf"^[ *_]*[{UPPER}/.][{UPPER}/., ]*[ *_]*$")

# --------------------------------------------------------------------------
# Bodies and abbreviations
# --------------------------------------------------------------------------

# An abbreviation as a whole word; codes ("50-QĐ/TW") are left alone by the
# lookbehind on "/" and "-".
ABBREVIATION = re.compile(
    rf"""
    (?<![{LETTER}/\-&.])
    (?P<abbr>{"|".join(re.escape(a) for a in sorted(ABBREVIATIONS["expansions"], key=len, reverse=True))})
    (?![{LETTER}&])
    """,
    re.VERBOSE,
)

# A head word that opens a body's name ("Ban", "Tỉnh ủy", "UBND").
BODY_HEAD = re.compile(
    rf"""
    (?<![{LETTER}])
    (?P<head>{_alternation(BODIES["heads"])})   # longest first: "Ban Chấp hành Trung ương" before "Ban"
    (?![{LETTER}])
    """,
    re.VERBOSE,
)

# The start of a word, to try a body's head at ("Trung ương Đoàn" runs into a name's run).
WORD_START = re.compile(rf"(?<![{LETTER}])(?=[{LETTER}])")
LONGEST_HEAD_BEFORE_RUN = 12  # characters a head may start before a capitalised run ("Trung ương ")

# A country at the start of a capitalised run, then the name of its leader:
# "(Tổng thống) Pháp Emmanuel Macron", "(Chủ tịch) Trung Quốc Tập Cận Bình".
COUNTRIES: frozenset[str] = frozenset(_load_lines("countries.txt"))
COUNTRY_AT = re.compile(rf"(?:{_alternation(COUNTRIES)})[ ](?=[{UPPER}])")

# A foreign given name right before a surname found alone: "Richard" in "Richard Nixon".
FOREIGN_GIVEN_NAME_BEFORE = re.compile(rf"(?<![{LETTER}])(?P<given>[{UPPER}][{LOWER}]{{2,}})[ ]$")

# What may stand between a title and the country of a foreign leader: a ministry's words
# ("Bộ trưởng Ngoại giao Hoa Kỳ John Kerry"), no punctuation, at most three words.
TITLE_TO_COUNTRY_GAP = re.compile(rf"(?:[ ]+[{LETTER}]+){{0,3}}[ ]+")

# A known body under any of its written forms.
KNOWN_BODY = re.compile(
    rf"""
    (?<![{LETTER}/])
    (?:{_alternation(alias for body in BODIES["bodies"] for alias in [body["name"], *body["aliases"]])})
    (?![{LETTER}])
    """,
    re.VERBOSE,
)

# A headline that starts with a place: "Thạch Thất: Thực hiện quy trình ...".
HEADLINE_PLACE = re.compile(rf"^[ *#]*(?P<place>{SYLLABLE}(?:[ ]{SYLLABLE}){{1,3}})[ ]*:[ ]", re.MULTILINE)

# A local-level word followed by a place name: "Tỉnh ủy Đồng Tháp", "tỉnh Quảng Ngãi".
LEVEL_PLACE = re.compile(
    rf"""
    (?<![{LETTER}])
    (?P<level>(?:{_alternation(BODIES["levels"])})|tỉnh|huyện|thành[ ]phố|quận|thị[ ]xã)
    [ ]+
    (?P<place>{SYLLABLE}(?:[ ]{SYLLABLE}){{0,3}})
    """,
    re.VERBOSE,
)


# --------------------------------------------------------------------------
# Small patterns used while linking (extractors.people)
# --------------------------------------------------------------------------

# A lower-case word right after a run: the run's last syllable opens a compound
# ("Lê Duẩn Thường trực" -> "Thường" is not part of the name).
LOWER_WORD_NEXT = re.compile(rf"[ ](?P<word>[{LOWER}]+)")

# The clause before a capitalised run, back to the last punctuation or line start: a title
# opening it ("Bí thư Tỉnh ủy Bình Định ...") lets a name start inside the run.
CLAUSE_BEFORE = re.compile(r"(?:^|(?<=[.,;:!?()\n|]))[^.,;:!?()\n|]*$")

# Well-known people whose names do not start with a family name ("Trường Chinh"),
# as a whole run (not followed by another capitalised syllable).
KNOWN_NAME = re.compile(
    rf"""
    (?<![{LETTER}])
    (?:{"|".join(re.escape(n) for n in _load_lines("known_names.txt"))})
    (?![{LETTER}])(?![ ][{UPPER}])
    """,
    re.VERBOSE,
)

# What may follow a post before the next one: a bracket, a footnote, a term.
SKIP_AFTER_POST = re.compile(
    r"""
    [ ]*\([^()\n]{0,80}\)     # (2004-2009), (Ban Tổ chức Trung ương)
    | [ ]*\n?\[\d+\][ ]*       # a footnote mark [6]
    | [ ]+khóa[ ]+[IVXLC]+\b    # khóa XIV
    """,
    re.VERBOSE,
)

# Names listed with commas only: "A, B và C".
NAME_LIST_SEPARATOR = re.compile(r"[ ]*(?:,|và)[ ]*")

# "đồng chí" / "ông" / "bà" right before a name (skipped to reach the posts before it).
CUE_BEFORE_NAME = re.compile(r"(?:(?<=[ ,])|^)(?:đồng[ ]chí|ông|bà)[ ]*$", re.IGNORECASE)

# What joins two posts written before a name, read backwards: ", ", "; ", " kiêm ".
GAP_BEFORE_POST = re.compile(r"(?:,|;|[ ]kiêm)?[ ]*$")

# What stands between two posts of one enumeration: a comma, maybe after the name of the
# first post's holder ("Chủ tịch Ủy ban hành chính tỉnh, Phó Chủ tịch Hồ Thiết, Ủy viên ...").
ENUMERATION_GAP = re.compile(rf"[ ]*(?P<name>[{UPPER}][{LOWER}]*(?:[ ][{UPPER}][{LOWER}]*){{1,3}})?[ ]*,[ ]*")

# "và" alone between two names: the second shares the posts written before the first.
AND_BETWEEN_NAMES = re.compile(r"[ ]+và[ ]+")

# A table row whose cells the normalization kept apart with "|" (vntext.normalize),
# and one cell of it: "7 | Nguyễn Thị Kim Dung | Trưởng ban Tuyên giáo".
TABLE_ROW = re.compile(r"^[^\n|]*\|[^\n]*$", re.MULTILINE)
TABLE_CELL = re.compile(r"[^|\n]+")

# The line under a table's header row: " ---|---|---" ("|---|---|" before normalizing).
TABLE_RULE_LINE = re.compile(r"^[ |]*:?-{3,}:?[ ]*(?:\|[ ]*:?-{3,}:?[ ]*)+\|?[ ]*$", re.MULTILINE)

# A header cell over a column of posts: "Chức vụ", "Chức danh", "Cương vị".
POST_COLUMN_LABEL = re.compile(r"[ ]*(?:Chức[ ]vụ|Chức[ ]danh|Cương[ ]vị)[ ]*", re.IGNORECASE)

# What may follow a title in a header cell: a count ("Phó Bí thư (2)").
HEADER_TITLE_TAIL = re.compile(r"[ ]*(?:\(\d{1,2}\))?[ ]*")
# What ends a post's cell without being part of its body: a term, a footnote mark, ";".
CELL_BODY_END = re.compile(r"(?:[ ]*\([^()\n]*\)|[ ]*\[\d+\]|[ ]*;)+[ ,;]*$|\n.*", re.DOTALL)

# What may open an item of a list after a shared post: "và", "các đồng chí", a rank ("Phó Tư lệnh:
# Thiếu tướng A").
LIST_ITEM_LEAD = re.compile(
    rf"[ ]*(?:và[ ]+)?(?:(?:các[ ]+)?đồng[ ]chí[ ]+)?(?:(?:{_alternation(TITLES['ranks'])})\.?,?[ ]+)*",  # "Đại tá, PGS, TS A"
    re.IGNORECASE,
)

# A line of a signature block, and the parts of its first lines.
LINE = re.compile(r"[^\n]*")
ON_BEHALF_OF = re.compile(r"^(?:T/M|TM\.)[ ]*(?P<body>.+)$")  # TM. ỦY BAN NHÂN DÂN
SIGNATURE_MARK = re.compile(r"^(?:T/M|TM\.|K/T|KT\.|Q\.|TL\.|T/L|TUQ\.)[ ]*")  # the mark alone

# A page titled with a local unit: "Quận 3", "Huyện Thạch Thất", "Tỉnh Quảng Trị".
UNIT_HEADING = re.compile(
    rf"(?P<level>(?i:tỉnh|thành[ ]phố|huyện|quận|thị[ ]xã))[ ]+(?P<place>\d+|{SYLLABLE}(?:[ ]{SYLLABLE}){{0,3}})"
)

# A bracketed note closing a page's title: "Học viện Quân y (Việt Nam)".
HEADING_NOTE = re.compile(r"[ ]*\([^()\n]*\)[ ]*$")

# What joins two posts of one person written side by side: "Bí thư Đảng ủy, Tư lệnh ...".
POSTS_SIDE_BY_SIDE = re.compile(r"[ ]*(?:,|;|[ ]kiêm)[ ]*")

# A body that owns no party committee of its own, at the start of a post's body.
PARTY_LEVEL = re.compile(rf"(?:{_alternation(BODIES['party_level'])})(?![{LETTER}])", re.IGNORECASE)

# The first line of a text, past Markdown heading marks.
FIRST_LINE = re.compile(r"\s*[# ]*(?P<line>[^\n]*)")


def any_of_names(names: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any of the given names as whole words, longest first."""
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(rf"(?<![{LETTER}])(?:{'|'.join(re.escape(n) for n in ordered)})(?![{LETTER}])")


@cache
def title_entry(written: str) -> dict[str, Any] | None:
    """The titles.json entry for a title as written (any case, old tone marks)."""
    return _TITLE_ENTRY_BY_KEY.get(" ".join(written.split()).casefold().replace("uỷ", "ủy"))


# A section heading, up to where its words start: "## ", "### Danh sách ", "## Các ".
SECTION_HEADING = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+(?:(?:Danh sách|Các|Những)[ \t]+(?:các[ \t]+)?)?(?=\S)", re.MULTILINE
)

# The years a line closes with when it names an office anew inside a list of its holders
# ("Ủy ban Khoa học Nhà nước (1958-1965)", "Bộ Khoa học và Công nghệ (2002-nay)").
OFFICE_YEARS_AT_END = re.compile(r"\((?:1[89]|20)\d\d[ ]*[-–][ ]*(?:(?:1[89]|20)\d\d|nay)\)[ ]*$")

# A line's opening before a title that heads a list from the line's end ("- Phó Chủ tịch:"): list
# markers, or a segment closed by a dash ("A - Phó Chủ tịch:", lines the page ran together).
LINE_OPENS_WITH_TITLE = re.compile(
    r"[ \t]*(?:[-*+•][ \t]+)?(?:[^\n]*[ ]-[ ]+)?(?:[Cc]ác[ ]+)?"
)  # "- Các Phó Chủ nhiệm:"

# A page titled with a party's own name ("# Đảng Công Nông Việt Nam"), not a party committee's
# ("# Đảng bộ tỉnh X", "# Đảng ủy ...").
PARTY_NAME_HEADING = re.compile(rf"Đảng[ ][{UPPER}]")

# Any Markdown heading line, where a section ends.
ANY_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.MULTILINE)

# A section heading over the list of an office's holders on the office's own page ("## Lãnh đạo
# qua các thời kỳ", "## Danh sách", "## Các đời Bộ trưởng").
OFFICE_HOLDERS_HEADING = re.compile(
    r"^[ \t]{0,3}#{1,6}[ \t]+(?:[^\n]*qua[ \t]+các[ \t]+thời[ \t]+kỳ|Danh[ \t]+sách|Các[ \t]+đời)[^\n]*$",
    re.MULTILINE | re.IGNORECASE,
)

# What may follow the post a section heading names when the section lists its holders:
# "Cục trưởng qua các thời kỳ", "Phó Cục trưởng hiện nay", "Bí thư Tỉnh ủy (1945–nay)".
# A second post may stand before the time words: "Tư lệnh, Tổng giám đốc qua các thời kỳ".
_OVER_TIME = r"(?:(?:qua|trong) các (?:thời kỳ|thời kì|nhiệm kỳ|khóa|đời)|các thời kỳ|các nhiệm kỳ)"
# A roster of one post in every province: "Chỉ huy trưởng Bộ Chỉ huy quân sự các tỉnh, thành phố
# trực thuộc Trung ương" (each row's province makes its holder's post concrete).
_EVERY_PROVINCE = r"(?:các[ ]tỉnh(?:,[ ]thành[ ]phố)?(?:[ ]trực[ ]thuộc[ ]Trung[ ]ương)?)"
EVERY_PROVINCE = re.compile(_EVERY_PROVINCE)
HOLDERS_HEADING_TAIL = re.compile(
    rf"[ \t]*(?:/[ \t]*[^\n/]{{1,50}}?)?"  # a second name of the post: "Tư lệnh/Chỉ huy trưởng"
    rf"[ \t]*(?:(?:,|[ \t]và)[ \t]+[^\n,]{{1,40}}?[ \t]+{_OVER_TIME}"
    rf"|(?:{_OVER_TIME}|{_EVERY_PROVINCE}|hiện nay|hiện tại|đương nhiệm|tiền nhiệm)?)"
    r"[ \t]*(?:\([^()\n]*\))?[ \t]*(?:\[[^\]\n]*\])*[ \t]*$"
)

# A line of a list of holders: a list item or a table row ("- 1950-1955: Lê Quang Hòa", "| 3 | A |",
# " 3 | A" once normalized), after any bracketed notes a web page left at its start ("[8] - Lê Hải
# Bình", "[sửa | sửa mã nguồn]- ...").
HOLDER_LINE = re.compile(
    r"[ \t]{0,3}(?:\[[^\]\n]{0,40}\][ \t]*)*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|[^|\n\[]{0,12}\|)"
    r"|[ ](?=[^ \t\n])"  # a row whose leading pipe normalizing turned into a space: " I" / "(1977-1983) "
    r"|[-*+][ \t]*(?=\n|$)"  # a row a web page opened with a lone dash, its cells on the lines after it
)

# An infobox header row: one cell that names a post, the rest empty ("Bí thư Thành ủy Hải
# Phòng | |", " Bộ trưởng Bộ Ngoại thương |  " once normalized).
INFOBOX_HEADER = re.compile(r"[ ]?(?P<cell>[^|\n]*?[^|\s][^|\n]*?)[ ]*(?:\|[ ]*)+")

# A line that goes on with a table row broken over lines: it opens no row (no leading pipe,
# which normalizing turns into a space), item ("- ", "2. ") or heading, and it holds a cell's
# pipe or ends with one (a space once normalized).
_OPENS_NOTHING = r"(?!\d{1,3}[.)][ \t])[^ \t|#\-*+\n][^\n]*"  # a line that opens no row, item or heading
ROW_CONTINUATION = re.compile(_OPENS_NOTHING + r"(?:\|[^\n]*|[ ])")

# A table row's number cell: "3", "(2)", "12.".
ROW_NUMBER_CELL = re.compile(r"\(?\d{1,3}\)?\.?")

# A line opened by a single space: a table row once normalized, or an indented paragraph.
SPACE_OPENED_LINE = re.compile(r"[ ](?=[^ \t\n])")

# A short piece of a broken table row: blank, or text that opens no row, item or heading.
ROW_PIECE = re.compile(r"[ \t]*|" + _OPENS_NOTHING)

# A page titled with a person's name: the first line "# Kaysone Phomvihane" (one to five
# capitalised words), the name being the whole heading.
PAGE_TITLE_NAME = re.compile(
    rf"\s*#[ \t]+(?P<name>[{UPPER}][{LETTER}'’-]*(?:[ \t][{UPPER}][{LETTER}'’-]*){{0,4}})[ \t]*\n"
)

# An item of a wiki page's category list, which names what the page is filed under, not what
# the text says: "- Sinh năm 1959", "- Nhân vật còn sống", "- Người Quảng Nam", "- Mất năm 1985".
# A line of a category list: short, no colon or comma (a list of a text's own sentences has them).
CATEGORY_LINE = re.compile(r"[-*][ \t]+[^\n:,;]{1,90}")

CATEGORY_ITEM = re.compile(
    rf"^[-*][ \t]+(?:Sinh[ ]năm[ ]\d{{3,4}}|Mất[ ]năm[ ]\d{{3,4}}|Nhân[ ]vật[ ]còn[ ]sống|Người[ ](?:họ[ ])?[{UPPER}])",
    re.MULTILINE,
)

# What follows a biography's subject the first time its text names them: life dates or birth
# ("Kaysone Phomvihane (13 tháng 12 năm 1920 – ...)", "Trọng Khôi[1] (sinh 1935)", ", sinh năm"),
# the real name of a pen name ("Xuân Thủy tên thật là ..."), what the person was ("..., là một nhà
# cách mạng").
BIOGRAPHY_LEAD = re.compile(
    r"(?:\[\d+\])*[ \t]*(?:\((?:sinh|ngày|tên|tự|bí danh|\d|[^()\n]{0,60}?\d{3,4})|,[ \t]*(?:sinh|tên thật)[ \t]"
    r"|,?[ \t]*tên[ ]thật[ ]là[ \t]|,?[ \t]*là[ ]một[ ](?:nhà|chính[ ]khách|tướng|sĩ[ ]quan|người|lãnh[ ]đạo|cán[ ]bộ))"
)

# --- when a post was held (extractors.post_times) ----------------------------------------
# One point in time: "8/1982", "tháng 3/2016", "tháng 3 năm 2016", "năm 2010", "2010".
_WHEN = r"(?:(?:[Tt]háng\s+)?(?P<{m}>\d{{1,2}})\s*(?:/|\s+năm\s+)|[Nn]ăm\s+)?(?P<{y}>1[789]\d\d|20\d\d)(?!\d)"
WHEN_POINT = re.compile(_WHEN.format(m="m", y="y"))
# A term, or its start alone: "8/1982 - 6/1985", "2011–2016", "từ tháng 4/2016 đến tháng 5/2020",
# "2018-nay", "từ năm 2010"; "until" is empty for "nay" / "hiện nay" / an open end.
WHEN_TERM = re.compile(
    r"(?:[Tt]ừ\s+)?"
    + _WHEN.format(m="m1", y="y1")
    + r"(?:\s*(?:[-–—]|đến|tới)\s*(?:(?P<now>(?:hiện\s+)?nay|nay)|"
    + _WHEN.format(m="m2", y="y2")
    + r"))?"
)
# A term written right after a post: " (2011–2016)", " (1/2016)", ", từ năm 2010", " giai đoạn 2016-2021".
# A term of office ("nhiệm kỳ 2020-2025", "giai đoạn ...") is the mandate, not a sign the post has ended.
TERM_AFTER_POST = re.compile(
    r"[ \t]*[,(]?[ \t]*(?:từ\s+|(?P<mandate>giai đoạn|nhiệm kỳ)\s+|năm\s+)?(?=\d|[Tt]háng|[Nn]ăm)"
)
# Words before a post that say it is a former one: "từng là", "nguyên", "cựu", "trước đó là".
FORMER_CUE = re.compile(r"(?<!\w)(?:từng|đã từng|trước đó|trước đây|nguyên|cựu)(?!\w)[^,.;\n]{0,25}$", re.IGNORECASE)
# What may stand at a line's start before the term a career line opens with: list marks, notes.
LINE_LEAD = re.compile(
    r"[ \t]*(?:\[[^\]\n]{0,40}\][ \t]*)*(?:[-*+][ \t]+)?(?=(?:[Tt]ừ\s+)?(?:[Tt]háng\s+|[Nn]ăm\s+)?\d)"
)
# Words right before a date that make it a birth or death, not a term: "(sinh 6 tháng 3 năm 1962".
LIFE_DATE_BEFORE = re.compile(r"(?:sinh|mất|qua đời|từ trần|hy sinh)\s*(?:ngày\s*)?(?:\d{1,2}\s*)?$", re.IGNORECASE)
# A day before a month and year: the date of an event ("ngày 15/3/2024", "ngày 4 tháng 11 năm 2025").
DAY_BEFORE = re.compile(r"(?:\d{1,2}\s*[/.-]|[Nn]gày\s+\d{1,2}\s+)$")
# A career verb: the sentence gives the post then ("được bổ nhiệm", "được bầu", "giữ chức").
APPOINTED = re.compile(
    r"(?<!\w)(?:được bầu|được bổ nhiệm|được cử|được điều động|được phân công|giữ chức|nhậm chức|trúng cử|đắc cử"
    r"|được phong|được giao)(?!\w)",
    re.IGNORECASE,
)

# A name written in capitals right after a cue: "đồng chí PHAN VĂN PHỤNG", "ông NGUYỄN VĂN BÌNH".
CAPITALS_NAME_AFTER_CUE = re.compile(
    rf"(?<![{LETTER}])(?:{_alternation(TITLES['cues'])})[ ]+(?P<name>[{UPPER}]+(?:[ ][{UPPER}]+){{1,3}})(?![{LETTER}])"
)
