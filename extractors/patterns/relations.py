"""Regular expressions for typed relations between documents.

The signal words themselves are data (``extractors/data/relation_signals.json``);
this module turns them into compiled patterns once, at import, and holds the
few structural patterns (sentence breaks, list markers, the short phrases that
may stand between a document and its verb). Every pattern is verbose and
commented; alternatives are ordered most specific first. All patterns work on
normalized text (NFC, new-style tone marks, one kind of dash) and are
case-insensitive where the signal may be written in capitals (title lines).

Every quantifier is bounded or anchored on a literal, so none of these can
backtrack catastrophically on long inputs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

RELATION_TYPES = ("based_on", "implements", "amends", "replaces", "repeals", "cites")

#: Keys each section of the signal file must have.
_REQUIRED_KEYS = {
    "lead": ("based_on", "implements"),
    "verb": ("amends", "replaces", "repeals", "implements"),
    "passive": ("amends", "replaces", "repeals", "implements"),
    "issue": ("verbs",),
    "cites": ("before", "quote_openers"),
    "expiry": ("phrases",),
    "confidence": (
        "can_cu",
        "thuc_hien",
        "subject_line",
        "issued_on_basis",
        "issued_implementing",
        "self_verb",
        "active_verb",
        "passive_verb",
        "cites_signal",
        "quoted_content",
        "quoted_self_verb",
        "theo_do",
        "issued_reference",
        "frame_cites",
        "self_expiry",
        "quoted_lead",
        "page_quote",
        "expiry_list",
        "replacement_list",
    ),
}


class SignalFileError(ValueError):
    """The relation signal file lacks a section or key, or has an empty list."""


@dataclass(frozen=True)
class RelationSignals:
    """The signal table, checked: phrases per relation type and confidences per rule."""

    lead: dict[str, tuple[str, ...]]
    verb: dict[str, tuple[str, ...]]
    passive: dict[str, tuple[str, ...]]
    issue_verbs: tuple[str, ...]
    issue_lead_only: tuple[str, ...]
    cite_before: tuple[str, ...]
    quote_openers: tuple[str, ...]
    expiry: tuple[str, ...]
    confidence: dict[str, float]


def check_signals(raw: dict[str, Any], source: str = "relation_signals.json") -> RelationSignals:
    """Validate a parsed signal file and return it as a :class:`RelationSignals`.

    Raises :class:`SignalFileError` naming the file and the missing key.
    """
    for section, keys in _REQUIRED_KEYS.items():
        if not isinstance(raw.get(section), dict):
            raise SignalFileError(f"{source}: missing section {section!r}")
        for key in keys:
            value = raw[section].get(key)
            if value is None:
                raise SignalFileError(f"{source}: section {section!r} lacks key {key!r}")
            if section == "confidence":
                if not isinstance(value, (int, float)) or not 0 < value <= 1:
                    raise SignalFileError(f"{source}: confidence {key!r} must be in (0, 1]")
            elif not value or not all(isinstance(p, str) and p.strip() for p in value):
                raise SignalFileError(f"{source}: {section}.{key} must be a non-empty list of phrases")

    def table(section: str) -> dict[str, tuple[str, ...]]:
        return {k: tuple(v) for k, v in raw[section].items() if not k.startswith("_")}

    return RelationSignals(
        lead=table("lead"),
        verb=table("verb"),
        passive=table("passive"),
        issue_verbs=tuple(raw["issue"]["verbs"]),
        issue_lead_only=tuple(raw["issue"].get("lead_only", ())),
        cite_before=tuple(raw["cites"]["before"]),
        quote_openers=tuple(raw["cites"]["quote_openers"]),
        expiry=tuple(raw["expiry"]["phrases"]),
        confidence={k: float(v) for k, v in raw["confidence"].items() if not k.startswith("_")},
    )


@lru_cache(maxsize=1)
def load_signals() -> RelationSignals:
    """The packaged signal table, loaded and checked once."""
    path = resources.files("extractors") / "data" / "relation_signals.json"
    with path.open(encoding="utf-8") as handle:
        return check_signals(json.load(handle), str(path))


def phrase_pattern(phrase: str) -> str:
    """A regex source for a signal phrase: spaces match any whitespace, ', ' also a bare space."""
    words = []
    for part in phrase.split(", "):
        words.append(r"\s+".join(re.escape(w) for w in part.split()))
    return r",?\s+".join(words)


def _alternation(phrases: Iterable[str]) -> str:
    """Longest phrase first, so 'sửa đổi, bổ sung' wins over 'sửa đổi'."""
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


def _typed_group_pattern(table: dict[str, tuple[str, ...]]) -> str:
    """One named group per relation type; the longest phrase overall is tried first."""
    ordered = sorted(
        ((phrase, kind) for kind, phrases in table.items() for phrase in phrases),
        key=lambda item: len(item[0]),
        reverse=True,
    )
    # A group name may appear once only, so each phrase is tagged by an index
    # and mapped back to its type in TYPED_GROUPS.
    return "|".join(f"(?P<g{i}>{phrase_pattern(p)})" for i, (p, _) in enumerate(ordered))


def _typed_group_types(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    ordered = sorted(
        ((phrase, kind) for kind, phrases in table.items() for phrase in phrases),
        key=lambda item: len(item[0]),
        reverse=True,
    )
    return {f"g{i}": kind for i, (_, kind) in enumerate(ordered)}


_SIGNALS = load_signals()
_FLAGS = re.IGNORECASE | re.VERBOSE

# --- sentence structure -------------------------------------------------------

#: A sentence end inside a line: terminal punctuation, spaces, then what may
#: start a sentence (the caller checks the next letter is upper case).
SENTENCE_BREAK = re.compile(
    r"""
    (?<=[.!?])          # after a full stop, exclamation or question mark
    (?:["”»)]?)         # an optional closing quote or bracket
    [ ]+                # one or more spaces (normalized text has no tabs)
    """,
    re.VERBOSE,
)

#: Abbreviations whose full stop does not end a sentence ("TP. Hồ Chí Minh").
ABBREVIATION_BEFORE_STOP = re.compile(
    r"""
    (?:^|[\s(])                       # the abbreviation is a word of its own
    (?:TP|Tp|tp|ThS|TS|PGS|GS|BS|KS|Đ/c|đ/c|St|Q|P|TT|ĐT|NXB|v\.v   # common short forms
      |\d{1,3}(?:\.\d{1,3})*          # an item number "1." or "1.2."
      |[IVXLC]{1,5}                    # a Roman item number "II."
    )
    \.$                               # ending right at the stop
    """,
    re.VERBOSE,
)

#: A line that starts a new item: bullets, numbered and lettered items, headings, rules.
LINE_ITEM_START = re.compile(
    r"""
    ^[ ]*
    (?:
        [-+•*>#|]                     # bullet, quote, heading or table pipe
      | \d{1,2}(?:\.\d{1,2})*[.)][ ]  # "1. ", "1.1. ", "2) "
      | [IVXLC]{1,5}\.[ ]             # Roman numerals "II. "
      | [a-zđ]\)[ ]                   # "a) "
      | Điều[ ]\d{1,3}[.:]            # an article "Điều 1." (a wrapped "Điều 372 Bộ luật ..." goes on)
    )
    """,
    re.VERBOSE,
)

#: Punctuation at the end of a line that ends the sentence there.
LINE_END_STOP = re.compile(
    r"""
    [.:!?]                  # a terminal mark ...
    ["”»)*]*[ ]*$           # ... perhaps followed by closing quotes or brackets
    """,
    re.VERBOSE,
)

# --- signals ------------------------------------------------------------------

#: A clause opener at the start of a sentence: "- Căn cứ", "Thực hiện", "Để triển khai thực hiện".
LEAD = re.compile(
    rf"""
    ^[ \-+•*]*                                      # bullets and spaces before it
    (?P<anaphor>theo\s+đó,?\s+)?                   # "Theo đó, thực hiện ...": the document just named speaks
    (?:(?P<based_on>{_alternation(_SIGNALS.lead["based_on"])})        # based_on openers
      |(?P<implements>{_alternation(_SIGNALS.lead["implements"])})    # implements openers
    )\b
    """,
    _FLAGS,
)

#: After "căn cứ", the words of an author naming where a statement is found ("Theo đó, căn cứ tại
#: Điều 1 Thông tư A, ..."), not a document's basis.
ATTRIBUTION_AFTER_LEAD = re.compile(r"\s+(?:tại|theo)\s", re.IGNORECASE)

#: The lead "trên cơ sở" ("on the basis of"): looser than "Căn cứ", its documents are cited only.
LOOSE_BASIS_LEAD = re.compile(r"trên\s+cơ\s+sở", re.IGNORECASE)

#: A line that opens a clause (used to break sentences before it).
LINE_STARTS_WITH_LEAD = LEAD

#: Active verbs: "sửa đổi, bổ sung", "thay thế", "bãi bỏ", "hướng dẫn thực hiện" ...
VERB = re.compile(
    rf"""
    (?<!\w)                       # not inside a word
    (?:{_typed_group_pattern(_SIGNALS.verb)})   # one group per phrase, typed by VERB_TYPES
    (?!\w)
    """,
    _FLAGS,
)
VERB_TYPES = _typed_group_types(_SIGNALS.verb)

#: Passive verbs with their agent marker: "(đã) được sửa đổi, bổ sung bởi", "bị bãi bỏ bởi".
PASSIVE = re.compile(
    rf"""
    (?<!\w)
    (?:(?:đã|đều|cũng)\s+)?       # optional aspect word
    (?:(?:được|bị)\s+)?           # optional passive marker (often dropped: "sửa đổi bởi")
    (?:{_typed_group_pattern(_SIGNALS.passive)})
    (?!\w)
    """,
    _FLAGS,
)
PASSIVE_TYPES = _typed_group_types(_SIGNALS.passive)

#: A verb of issuing: "ban hành", "đã ban hành", "ký ban hành".
ISSUE_VERB = re.compile(
    rf"""
    (?<!\w)
    (?<!Luật[ ])(?<!Luật\n)                    # "Luật Ban hành văn bản quy phạm pháp luật" is a name
    (?:{_alternation(_SIGNALS.issue_verbs + _SIGNALS.issue_lead_only)})   # issuing verbs, longest first
    (?!\w)
    (?!\s+kèm\s+theo)                          # "ban hành kèm theo" attaches, it does not issue
    """,
    _FLAGS,
)

#: Between "ban hành" and the document issued: nothing, or a few words of kind.
ISSUED_GAP = re.compile(
    r"""
    ^[ \n]*
    (?:(?:các|văn\ bản|kèm\ theo|mới|tiếp)[ \n]+){0,2}   # "ban hành văn bản ...", "ban hành các ..."
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: The main clause of a "Thực hiện ..., chúng tôi ..." sentence: a first person is a
#: website or a writer speaking, never a directive.
FIRST_PERSON = re.compile(
    r"""
    (?<!\w)(?:chúng\ tôi|chúng\ ta|tôi)(?!\w)    # first-person pronouns
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A line that ends a directive's title zone: the salutation of a letter.
TITLE_ZONE_END = re.compile(
    r"""
    ^[ \-*]*(?:Kính\ gửi|Căn\s+cứ|Thực\ hiện|Xét\ đề\ nghị)(?!\w)   # salutation, preamble
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A title line naming the subject of a letter: "V/v ...", "Về việc ...".
SUBJECT_LINE = re.compile(
    r"""
    ^[ \-*]*(?:V/v|Về\ việc)(?!\w)                    # "V/v thuế TNCN ...", "Về việc ..."
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Words just before a citation that make it a plain reference:
#: "theo Quy định ...", "quy định tại khoản 2 Điều 3 Nghị định ...".
CITE_BEFORE = re.compile(
    rf"""
    (?<!\w)
    (?:{_alternation(_SIGNALS.cite_before)})     # the reference word
    (?:\s+(?:các|một\s+số))?                     # "tại các ..."
    (?:\s+(?:điểm|khoản|điều|mục|phần|chương|phụ\s+lục)\s+[\w.,]{{1,12}}){{0,4}}   # article path
    \s*$                                          # right before the citation
    """,
    _FLAGS,
)

#: A line that announces quoted content of the document it names: "... như sau:", "nêu rõ:".
QUOTE_OPENER = re.compile(
    rf"""
    (?<!\w)
    (?:{_alternation(_SIGNALS.quote_openers)})   # "như sau", "nêu rõ", "gồm" ...
    [^\n:]{{0,40}}                                # a few words more at most
    :["“”*\s]*$                                   # the line ends on a colon
    """,
    _FLAGS,
)

# --- what may stand between two parts of one relation ----------------------------

#: Between a document's code and its verb ("Nghị định 67/2025/NĐ-CP ngày 15/3/2025
#: của Chính phủ về việc sửa đổi ..."): a date, an issuer, "về (việc)", an aspect word.
SUBJECT_TO_VERB_GAP = re.compile(
    r"""
    ^[ ,\n]*
    (?:(?:ngày|năm)[ \n]+\d{1,4}(?:[ \n]*(?:[/.\-]|tháng|năm)[ \n]*\d{1,4}){0,2}[ ,\n]*)?   # "ngày 15/3/2025", "năm 2025"
    (?:của[ \n]+[^\W\d_][^,;.:()\n]{0,80}?[ ,\n]*)?    # "của Ban Tổ chức Trung ương"
    (?:về[ \n]+[^,;.:()\n]{1,100}?[ \n]+(?=có[ \n]+hiệu[ \n]+lực))?   # "về cấp giấy phép xây dựng tại Huế" before its effect
    (?:(?:cũng|đã|sẽ|chính\ thức)[ \n]+){0,2}          # "có hiệu lực kể từ ngày 31/10/2025 và thay thế", "cũng sửa đổi"
    (?:gồm[ \n]+\d{1,3}[ \n]+chương,?[ \n]+\d{1,3}[ \n]+[Đđ]iều[ ,\n]*)?     # "gồm 4 chương, 69 Điều"
    (?:(?:có[ \n]+hiệu[ \n]+lực(?:[ \n]+thi[ \n]+hành)?|(?:được[ \n]+)?áp[ \n]+dụng)(?:[ \n]+kể)?[ \n]+từ[ \n]+(?:ngày[ \n]+)?
       (?:ký(?:[ \n]+ban[ \n]+hành)?|\d{1,2}[ \n]*[/.\-][ \n]*\d{1,2}[ \n]*[/.\-][ \n]*\d{4}|\d{1,2}[ \n]+tháng[ \n]+\d{1,2}[ \n]+năm[ \n]+\d{4})
       [ ,\n]*(?:và|đồng[ \n]+thời|;)[ \n]*)?          # "... từ ngày 1/3/2025; thay thế", "từ ngày ký ban hành và"
    (?:(?:về[ \n]+việc|về|nhằm|đã|vừa|để)[ \n]+)?      # "về việc", "đã" ...
    (?:(?:tiếp[ \n]+tục|đẩy[ \n]+mạnh|tăng[ \n]+cường)[ \n]+)?   # "về tiếp tục thực hiện Nghị quyết ..."
    (?:(?:ban[ \n]+hành[ \n]+)?(?:Chương[ \n]+trình[ \n]+hành[ \n]+động|Chương[ \n]+trình|Kế[ \n]+hoạch|Đề[ \n]+án)
       (?:[ \n]+của[ \n]+[^\W\d_][^,;.:()\n]{0,40}?)?[ \n]+)?   # "về Chương trình hành động (của Chính phủ) thực hiện"
    (?:\([ ]*)?                                          # "(thay thế Hướng dẫn số ...)"
    $
    """,
    re.VERBOSE,
)

#: Between two documents of one list ("Luật số 57/2024/QH15 ngày 25/6/2025 và Luật số ...").
LIST_GAP = re.compile(
    r"""
    ^[ ,\n]*
    (?:(?:ngày|năm)[ \n]+\d{1,4}(?:[ \n]*(?:[/.\-]|tháng|năm)[ \n]*\d{1,4}){0,2}[ ,\n]*)?  # its date
    (?:của[ \n]+[^\W\d_][^,;.:()\n]{0,60}?[ ,\n]*)?   # its issuer
    (?:,|và|cùng|hoặc)[ \n]*                            # the list connector (";" ends a clause)
    (?:(?:các|cùng)[ \n]+)?
    $
    """,
    re.VERBOSE,
)

#: Something that ends the scope of a verb before its object: a new issuing
#: clause or a lead ("..., ngày 14/4/2022, Đảng ủy Bộ ... ban hành").
SCOPE_BREAK = re.compile(
    rf"""
    (?<!\w)
    (?:{_alternation(_SIGNALS.issue_verbs)}     # a new issuing verb
      |để|nhằm                                   # a purpose clause
    )(?!\w)
    (?!\s+kèm\s+theo)                           # "phụ lục I ban hành kèm theo Quyết định B" attaches
    | [;:]                                       # a clause break
    """,
    _FLAGS,
)

#: Between a verb and a document, words that make the document a reference for the verb's object,
#: not the object: "Bổ sung số lượng thiết bị đã quy định tại khoản 1 Điều 4 Quyết định B" (B is
#: cited, the equipment list is what is added to).
OBJECT_IS_REFERENCE = re.compile(
    r"""
    (?<!\w)(?:đã[ \n]+(?:được[ \n]+)?quy[ \n]+định[ \n]+tại|so[ \n]+với)(?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A yes-no question, which asserts nothing: "Thông tư A có bị thay thế bởi Thông tư B không?"
#: (a heading or a link to another page), searched on a sentence.
YES_NO_QUESTION = re.compile(
    r"""
    (?<!\w)có[ \n][^?]{0,250}(?<!\w)(?:không|chưa)[ \n]*\?
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Right after "thực hiện", a reference that makes it "is carried out as laid down in": "thực
#: hiện theo quy định tại Điều 41 Luật B" cites B, it does not implement it.
CARRIED_OUT_PER = re.compile(r"[ \n]*theo[ \n]+quy[ \n]+định(?!\w)", re.IGNORECASE)

#: A task item of a directive's body that carries a document out ("- Tổ chức quán triệt, triển khai
#: thực hiện Chỉ thị số A, Kế hoạch số B"): not a clause lead, so the directive only cites A and B.
TASK_ITEM = re.compile(
    r"""
    ^[ ]*[-+•*][ ]*                                            # the item's bullet
    (?:(?:tổ[ \n]+chức|quán[ \n]+triệt|triển[ \n]+khai|thực[ \n]+hiện|tiếp[ \n]+tục)[ \n,]+){2,5}   # the verbs
    (?:(?:có[ \n]+hiệu[ \n]+quả|nghiêm[ \n]+túc|các[ \n]+nội[ \n]+dung(?:[ \n]+của)?|tinh[ \n]+thần)[ \n]+)?
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: What may stand before a directive's own verb in its sentence: nothing but a
#: bullet or article number ("Điều 3. Bãi bỏ ..."), or a self-reference
#: ("Quy định này thay thế ...", "Hướng dẫn này có hiệu lực ... và thay thế ...", or "...; thay thế").
SELF_SUBJECT = re.compile(
    r"""
    (?:^[ \-+•*\d.()“"]*(?:(?:Cụ\ thể|Theo\ đó|Trong\ đó)[,:]?[ ]*)?(?:Điều[ ]\d{1,3}\.?[ ]*)?$   # sentence starts with the verb ("(2) Bãi bỏ", "“9. Bãi bỏ")
      |(?<!\w)này[^.;:]{0,80}$                          # "... này ..." earlier in the clause ("nàycó": glued by scraping)
      |(?<!\w)này[ ]+có[ ]+hiệu[ ]+lực[^.;:]{0,80};[ ]*$    # "Nghị định này có hiệu lực từ ngày 1/3/2025; thay thế ..."
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Right after an active-looking verb, the agent marker that makes it passive ("sửa đổi bởi").
AGENT_MARKER = re.compile(
    r"""
    [ \n]*(?:bởi|tại)(?!\w)      # "sửa đổi bởi", "hướng dẫn tại" (used as match(text, pos))
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Between "Thực hiện" and the first document: a word that shows the lead's object is
#: something else ("Thực hiện vai trò ... theo Quy chế ...").
#: Between "Thực hiện" and its first coded document, documents named without a code, each closed by
#: ";": "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; Chỉ thị số A; ..."
#: (the list of what is implemented goes on past the clause break).
UNCODED_LEAD_OBJECTS = re.compile(
    r"""
    (?:[ \n]*(?:Nghị[ \n]+quyết|Chỉ[ \n]+thị|Kết[ \n]+luận|Quy[ \n]+định|Văn[ \n]+kiện|Hiến[ \n]+pháp|Luật)
       [ \n][^;:\d]{3,150};)+
    [ \n]*
    """,
    re.VERBOSE,
)

LEAD_OBJECT_BREAK = re.compile(
    r"""
    (?<!\w)(?:theo|đúng|nhằm|để)(?!\w)     # "according to", "in order to"
    | [;:]                                   # a clause break
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: The year in a state code: 56/2015/NĐ-CP.
STATE_CODE_YEAR = re.compile(
    r"""
    ^\d+/((?:19|20)\d\d)/      # number, slash, the year: "56/2015/NĐ-CP"
    """,
    re.VERBOSE,
)

# The type words of acts that are cited with a number ("Nghị định", "Kế hoạch").
_ACT_TYPE_WORDS = r"""
    Bộ[ ]luật|Luật|Nghị[ ]định|Thông[ ]tư|Nghị[ ]quyết|Quyết[ ]định|Quy[ ]định|Chỉ[ ]thị
    |Kết[ ]luận|Hướng[ ]dẫn|Công[ ]văn|Kế[ ]hoạch|Pháp[ ]lệnh
"""

#: Capitalized document words: a gap holding one names a document no citation covers.
DOC_WORD = re.compile(
    rf"""
    (?<!\w)
    (?:{_ACT_TYPE_WORDS}|Văn[ ]bản|Hiến[ ]pháp|Điều[ ]lệ)   # type words
    (?!\w)
    """,
    re.VERBOSE,
)
#: A document word right at the end of a gap: the type word of the citation that follows it.
TRAILING_DOC_WORD = re.compile(
    r"(?:"
    + DOC_WORD.pattern
    + r""")
    \s*(?:số\s*)?$                  # "Nghị định số " just before its code
    """,
    re.VERBOSE,
)
#: A line that ends an author's quote: the article's own conclusion, a question heading.
QUOTE_END = re.compile(
    r"""
    ^[ *=\-]*(?:Như\ vậy|Theo\ đó,\ (?:có\ thể|như\ vậy)|Do\ đó|Tóm\ lại|Lưu\ ý|=>)   # author speaks again
    | ^[ *]*>>                                                                  # a site's link or aside
    | \?[ *]*$                                                                  # a question heading
    | \((?:Hình|Ảnh)[ ]từ[ ]Internet\)[ *]*$                                    # a site's picture caption
    | ^[ ]*\#                                                                   # a Markdown heading
    """,
    re.VERBOSE,
)


#: A quoted line that opens with the quoted document's own clause lead ("Trên cơ sở định hướng ...
#: tại Kết luận A, B, Chính phủ đề xuất ... như sau:", "Thực hiện Nghị quyết A, ...:"): the quote
#: goes on, although the line names documents and ends on a colon. "Căn cứ" is the author's.
QUOTED_CLAUSE_LEAD = re.compile(
    rf"""
    ^[ \-+•*]*
    (?:
        (?:\d{{1,2}}[.)][ ]+|[a-zđ][)][ ]+)?               # an item number: "2. ", "b) "
        (?:trên\ cơ\ sở|{_alternation(_SIGNALS.lead["implements"])})
      | (?:\d{{1,2}}[.)][ ]+|[a-zđ][)][ ]+)căn\s+cứ        # a numbered clause's "Căn cứ" ("1. Căn cứ quy
    )                                                   # định tại ...": an author numbers no source)
    (?!\w)
    """,
    _FLAGS,
)

#: A quoted line whose document is one the quoted text refers to mid-sentence, not the author's
#: new source ("Trường hợp ... thì thực hiện theo quy định tại khoản 2 Điều 4 Nghị định B như sau:"):
#: the quote goes on. Clause text, then "theo quy định tại" and an article path before the citation.
QUOTED_REFERRAL = re.compile(
    r"""
    [^\W\d_][^\n]{20,}?                                  # the quoted clause's own words first
    (?<!\w)theo\ quy\ định\ (?:tại|của)                   # the reference ("quy định tại" alone is the author's)
    (?:\ (?:mục|điểm|khoản|điều|phần|chương|phụ\ lục)\ [\w.,]{1,12}){0,5}   # an article path
    [ ]?$                                                 # right before the document
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A quoted text that opens with a quotation mark ("“9. Bãi bỏ ...") and the line that closes it
#: ("... chuyển đổi số quốc gia”."): the author speaks again after it.
OPENING_QUOTE_MARK = re.compile(r'^[ *]*[“"]')
CLOSING_QUOTE_MARK = re.compile(r'[”"][ *]*[.;,]?[ *]*$')

#: A heading line: short, with no closing punctuation ("Hình thức tuyên truyền theo Kế hoạch 263").
HEADING_LINE = re.compile(r"^[ *#]*[^\W\d_][^\n]{0,158}(?<![.;:!?\"”)])[ *]*$")

#: The closing line of a page that reproduces one document's text (a procedure, say): "Căn cứ
#: pháp lý: Theo tiểu mục 24 Mục B Phần II ... ban hành kèm theo Quyết định 629/QĐ-BNNMT năm 2025."
BASIS_FOOTER = re.compile(r"^[ *]*Căn cứ pháp lý[ *]*:[ *]*(?=\S)")

#: The number line of a directive whose header was lost in copying (no motto, no place and date):
#: "Số: 1670/NQ-UBTVQH15 |" as one of a text's first lines.
HEADLESS_NUMBER_LINE = re.compile(r"^[ *|]*Số[ ]*:?[ ]*\d")

#: A directive's type title alone on its line: "**NGHỊ QUYẾT**" (the name may run on glued:
#: "NGHỊ QUYẾTVề việc ..."). Its type word gives the code's type (``codes.type_abbreviation``: "NQ").
TYPE_TITLE_LINE = re.compile(
    r"""
    ^[ *#]*
    (?P<words>NGHỊ[ ]QUYẾT|NGHỊ[ ]ĐỊNH|QUYẾT[ ]ĐỊNH|THÔNG[ ]TƯ|CHỈ[ ]THỊ|KẾ[ ]HOẠCH|HƯỚNG[ ]DẪN|KẾT[ ]LUẬN|QUY[ ]ĐỊNH)
    """,
    re.VERBOSE,
)

#: A clause lead that opens a line: "*Căn cứ Luật Tổ chức chính quyền địa phương ...;*".
BASIS_LINE = re.compile(r"^[ *_]*Căn\s+cứ[ ]")

#: A line where the article's author names a source again: "Căn cứ khoản 1 Điều 8 Nghị định ...".
AUTHOR_SOURCES = re.compile(
    r"""
    ^[ *\-]*
    (?:(?:Đồng\ thời|Bên\ cạnh\ đó|Ngoài\ ra|Mặt\ khác),?[ ]+(?:[Cc]ăn\ cứ|[Tt]heo|[Tt]ại)   # "Đồng thời, tại Điều 3 ..."
      |Căn\s+cứ|Theo|Tại                            # the author attributes what follows
    )(?!\w)                                        # (a quote's own line may open with "theo mẫu tại ...")
    """,
    re.VERBOSE,
)


#: "Quyết định số 77/2021/QĐ-UBND hết hiệu lực": a document losing force (used right after its citation).
EXPIRY = re.compile(
    rf"""
    (?:đều|sẽ|cũng|đồng\ thời)?\s*           # an aspect word
    (?:{_alternation(_SIGNALS.expiry)})        # "hết hiệu lực (thi hành)", "bị bãi bỏ"
    (?!\w)
    (?!\s+(?:bởi|tại)(?!\w))                   # "... bãi bỏ bởi B" is the passive rule's
    """,
    _FLAGS,
)

#: A passive change with no agent, inside a quoted text: "(Điều 1 Quyết định B) được điều chỉnh
#: thành:", "được sửa đổi, bổ sung như sau:" (the document quoted makes the change). Not "được
#: sửa đổi bởi / theo" (the passive rule's), nor "được điều chỉnh" alone (a scope: "đối tượng được
#: điều chỉnh").
CHANGED_AS_FOLLOWS = re.compile(
    r"""
    (?<!\w)(?:đã[ \n]+)?được[ \n]+
    (?:sửa[ \n]+đổi(?:,?[ \n]+bổ[ \n]+sung)?|điều[ \n]+chỉnh|bổ[ \n]+sung|thay[ \n]+thế)
    [ \n]*(?:thành|như[ \n]+sau|lại[ \n]+như[ \n]+sau)(?!\w)
    """,
    _FLAGS,
)

#: A passive verb whose agent marker was dropped before the part of the act that does it: "Điều
#: 30 Nghị định A được sửa đổi khoản 2 Điều 1 Nghị định B" (B amends A). "được" or "bị" is required,
#: since "A sửa đổi khoản 2 Điều 1 Nghị định B" is active. Groups name the type.
PASSIVE_ON_PART = re.compile(
    r"""
    (?<!\w)(?:đã[ \n]+)?(?:được|bị)[ \n]+
    (?:(?P<amends>sửa[ \n]+đổi(?:,?[ \n]+bổ[ \n]+sung)?|bổ[ \n]+sung)|(?P<repeals>bãi[ \n]+bỏ))
    (?=[ \n]+(?:điểm[ \n]+\w{1,3}[ \n,]+)?(?:khoản[ \n]+\d{1,3}[ \n,]+)?Điều[ \n]+\d{1,3}[ \n,]+(?:của[ \n]+)?[^\W\d_])
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Before a law's number, the name of an amending law with the name of the law it amends: "Luật
#: sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật số " (the numbered
#: law amends the one named, known by its number from earlier in the text). Searched on the text
#: just before a code.
AMENDING_LAW_NAME = re.compile(
    r"""
    (?<!\w)(?:Bộ[ \n]+luật|Luật|Pháp[ \n]+lệnh)[ \n]+
    (?:sửa[ \n]+đổi,?[ \n]+bổ[ \n]+sung|sửa[ \n]+đổi|bổ[ \n]+sung)[ \n]+
    (?:một[ \n]+số[ \n]+điều[ \n]+)?(?:của[ \n]+)?
    (?P<name>(?:Bộ[ \n]+luật|Luật|Pháp[ \n]+lệnh)[ \n]+[^\W\d_][^,;:()\d]{1,120}?)
    [ \n]+(?:năm[ \n]+\d{4}[ \n]+)?số[ \n]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A committee's name that holds a document: "Ban Chỉ đạo tổng kết Nghị quyết 18", "Ban Chỉ đạo
#: Trung ương về tổng kết Nghị quyết 18-NQ/TW". Searched on the text just before a citation. A
#: reference word ends no name: "ý kiến của Ban Chỉ đạo tại Công văn số B" refers to B.
COMMITTEE_NAME = re.compile(
    r"""
    (?<!\w)(?:Ban\ Chỉ\ đạo|Ban\ chỉ\ đạo|Tiểu\ ban|Tổ\ công\ tác|Ban\ Điều\ hành)   # the body
    (?:[ ][^\W\d_][^,;.:()\n]{0,70}?)?       # its name so far: "Trung ương về tổng kết"
    (?<!\ tại)(?<!\ theo)                    # not "của Ban Chỉ đạo Trung ương tại Kế hoạch 130/KH-...":
    [ ]$                                      # right before the document in its name
    """,
    re.VERBOSE,
)

#: A line of site furniture after which come link lists, not text: "Văn bản liên quan", "Xem thêm".
FURNITURE_LINE = re.compile(
    r"""
    ^[ #>*\-]*
    (?:Văn\ bản\ liên\ quan|Văn\ bản\ cùng\ lĩnh\ vực|Bài\ viết\ liên\ quan|Tin\ liên\ quan
      |Tin\ cùng\ chuyên\ mục|Tin\ khác|Xem\ thêm|Có\ thể\ bạn\ quan\ tâm|Đọc\ thêm|Bài\ liên\ quan)
    (?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A proposal is no basis: "Xét Tờ trình số ...", "Theo đề nghị của ...", "Xét đề nghị ...".
PROPOSAL = re.compile(
    r"""
    (?<!\w)(?:Xét|xét)(?=\s+(?:đề\s+nghị|đề\s+xuất|[Tt]ờ\s+trình|[Bb]áo\s+cáo))   # "Xét đề nghị", "Xét Tờ trình"
    | (?<!\w)(?:[Tt]heo\ đề\ (?:nghị|xuất)|đề\ nghị\ của|đề\ xuất\ của)(?!\w)       # "theo đề nghị của"
    | (?<!\w)Tờ\ trình(?!\w)                # a submission
    """,
    re.VERBOSE,
)

#: Between two items of a list that one reference signal governs: the list gap, or a
#: semicolon ("quy định tại Luật Lâm nghiệp, Luật Đất đai; Nghị định số 131/2025/NĐ-CP và ..."),
#: the next item perhaps opening with its article ("... số A ngày 19/6/2017, Điều 26 Nghị định số B").
CLAUSE_LIST_GAP = re.compile(
    r"""
    ^[ ,\n]*
    (?:(?:ngày|năm)[ \n]+\d{1,4}(?:[ \n]*(?:[/.\-]|tháng|năm)[ \n]*\d{1,4}){0,2}[ ,\n]*)?  # its date
    (?:của[ \n]+[^\W\d_][^,;.:()\n]{0,60}?[ ,\n]*)?   # its issuer
    (?:[,;]|và|cùng|hoặc)[ \n]*                        # the connector, ";" included
    (?:(?:các|cùng|và)[ \n]+)?
    (?:(?:điểm|khoản|Khoản|Điều|Mục|Chương|Phụ[ ]lục)[ \n]+[\w.]{1,6}[ \n]*(?:của[ \n]+)?)*  # the part of the next one: "Điều 26"
    $
    """,
    re.VERBOSE,
)

#: A sentence framed by a document: "Tại Nghị quyết này, ...", "Theo Điều 5 Nghị định 178/2024/NĐ-CP,".
#: Matched on the text from the sentence start to the framing citation.
FRAME_OPENER = re.compile(
    r"""
    ^[ \-+•*]*(?:Căn\s+cứ\ )?(?:Tại|Theo|theo)          # "Tại", "Theo", "Căn cứ theo"
    (?:\ (?:điểm|khoản|điều|Điều|mục|Mục|phần|Phần|chương|Chương|phụ\ lục|Phụ\ lục)\ [\w.,]{1,12}){0,4}  # article path
    [ ]$
    """,
    re.VERBOSE,
)

#: A colon that opens a quote on the same line: "... quy định: \"Cán bộ ...\"".
INLINE_QUOTE = re.compile(
    rf"""
    (?<!\w)(?:{_alternation(_SIGNALS.quote_openers)})   # "quy định", "như sau", "nêu rõ"
    [^\n:]{{0,40}}:[ ]*(?=["“*]*\S)                      # a colon and text after it on the line
    """,
    _FLAGS,
)

#: Laws named without a code just before a citation ("tại Điều 102 Luật Lâm nghiệp, "): stripped
#: from a reference window so that the reference word before them still governs what follows.
NAMED_LAWS_TAIL = re.compile(
    r"""
    (?:(?:Bộ\ luật|Luật)[ ][^\W\d_]+(?:[ ][^\W\d_]+){0,4}   # "Luật Lâm nghiệp", "Bộ luật Lao động", "Luật thuế thu nhập cá nhân"
       (?:[ ]\d{4})?[,;]?[ ]+(?:và[ ]+)?)+                   # its year, a list mark
    $
    """,
    re.VERBOSE,
)

#: "này" ("this"): a sentence that speaks of the document it stands in ("Quyết định này"),
#: also glued to the next word by scraping ("nàycó").
THIS_WORD = re.compile(
    r"""
    (?<!\w)này                # "Thông tư này", "Quyết định nàycó hiệu lực"
    """,
    re.VERBOSE,
)


#: A line where the author opens a quote of the document it names: "Căn cứ theo Mục II Kế hoạch
#: 130/KH-UBND năm 2025 có nêu cụ thể nội dung ...:" (a source lead, and a colon at the end).
SOURCE_QUOTE_LINE = re.compile(
    r"""
    ^[ *\-]*(?:Căn\s+cứ(?:\ theo|\ tại)?|Theo|Tại)(?!\w)   # the author attributes what follows
    [^\n]*:["“”*\s]*$                                         # the line ends on a colon
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: An item number before a clause opener in a quoted text: "7.12. Căn cứ ...", "2) Thực hiện ...".
# What stands between "thay thế" and a document when only a part of it is replaced:
# "một số cụm từ của", "Phụ lục I ban hành kèm theo", "khoản 2 Điều 5 của".
PART_OF = re.compile(
    r"""
    ^[ ,:]*(?:một[ ]số[ ]|các[ ]|cụm[ ]từ[ ]|từ[ ])?
    (?:cụm[ ]từ|từ[ ]ngữ|từ|chữ|điều|khoản|điểm|phụ[ ]lục|mẫu|biểu[ ]mẫu|bảng|nội[ ]dung|chương|mục|tên[ ]gọi)
    (?![^\W\d_])
    [^;.\n]{0,120}?
    (?:của|tại|trong|ban[ ]hành[ ]kèm[ ]theo|kèm[ ]theo)[ ]+$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A part of a document written right before it, when the part is what is replaced: "Mẫu số 05
# ban hành kèm theo Nghị định A", "Điều 5 Nghị định A", "khoản 2 Điều 3 của Thông tư A".
PART_BEFORE = re.compile(
    r"""
    (?<![^\W\d_])
    (?:mẫu|biểu[ ]mẫu|phụ[ ]lục|điều|khoản|điểm|chương|mục|cụm[ ]từ)[ ]
    [^,;.\n]{0,80}?
    (?:(?:của|tại|ban[ ]hành[ ]kèm[ ]theo|kèm[ ]theo)[ ]+)?
    (?:(?:Nghị[ ]định|Thông[ ]tư|Quyết[ ]định|Luật|Nghị[ ]quyết|Quy[ ]định|Chỉ[ ]thị)(?:[ ]số)?[ ]*)?$
    """,
    re.VERBOSE | re.IGNORECASE,
)

# A line that announces a list of documents losing force: "2. Các văn bản, quy định sau
# đây hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành:", "Bãi bỏ các
# Quyết định sau:". "sau (đây)" says a list follows; the line ends with a colon.
EXPIRY_LIST_OPENER = re.compile(
    rf"""
    (?:\bsau(?:\s+đây)?\b[^\n:]*?(?:{_alternation(_SIGNALS.expiry)}|[Bb]ãi\ bỏ)
      | (?:{_alternation(_SIGNALS.expiry)}|[Bb]ãi\ bỏ)[^\n:]*?\bsau(?:\s+đây)?\b)
    [^\n]*:[ *]*$
    """,
    re.VERBOSE,
)

# An item of such a list: "a) ", "- ", "• "; numbered items ("1. ") only under an opener
# that is not itself numbered.
LETTER_ITEM = re.compile(r"^[ *]*(?:[a-zđ]\)|[-–•+])[ ]+")
NUMBER_ITEM = re.compile(r"^[ *]*\d{1,2}[.)][ ]+")

ITEM_NUMBER = re.compile(
    r"""
    ^[ ]*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))[ ]+      # "7.12. ", "2) ", "a) "
    """,
    re.VERBOSE,
)

#: The words before the document a source line names, when they are only a lead and an article
#: path: "Căn cứ theo Mục II ", "Tại tiểu mục 7.12 Mục 7 ", "Theo quy định tại khoản 1 Điều 2 ".
SOURCE_PREFIX = re.compile(
    r"""
    ^[ *\-]*(?:Căn\s+cứ(?:\ theo|\ tại|\ vào)?|Theo|Tại)          # the lead
    (?:\ quy\ định\ tại|\ nội\ dung)?                              # "Theo quy định tại"
    (?:\ (?:tiểu\ mục|điểm|khoản|điều|mục|phần|chương|phụ\ lục)\ [\w.,]{1,12}){0,5}   # article path
    (?:\ (?:được\ )?ban\ hành\ kèm\ theo)?                     # "Phụ lục 4 (được) ban hành kèm theo "
    ,?[ ]$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Between the codes of two listed documents whose citation spans overlap: the connector and
#: the next one's name ("31/2024/QH15, Luật Nhà ở số 27/2023/QH15").
LIST_CODE_GAP = re.compile(
    r"""
    ^[ ,\n]*
    (?:(?:ngày|năm)[ \n]+\d{1,4}(?:[ \n]*(?:[/.\-]|tháng|năm)[ \n]*\d{1,4}){0,2}[ ,\n]*)?  # its date
    (?:,|và|cùng|hoặc)[ \n]*                            # the list connector
    (?:(?:Bộ[ ]luật|Luật|Nghị[ ]định|Thông[ ]tư|Nghị[ ]quyết|Quyết[ ]định|Pháp[ ]lệnh)   # the next one's type
       (?:[ \n][^\W\d_][^\s,;.:()]*){0,6}[ \n]+)?       # and name: "Luật Nhà ở"
    (?:số[ \n]*)?
    $
    """,
    re.VERBOSE,
)

#: A law's name written just before its number: "Bộ Luật tố tụng hình sự số ", "Luật Quản lý
#: thuế số " (searched on the text before a code, to name the law for later mentions by name).
LAW_NAME_BEFORE = re.compile(
    r"""
    (?<!\w)((?:Bộ[ \n]+[Ll]uật|Luật)[ \n]+[^\W\d_][^,;.:()\d\n]{1,60}?(?:\n[^,;.:()\d\n]{1,30}?)?)   # the name
    [ \n]+(?:năm[ \n]+\d{4}[ \n]+)?số[ \n]*$                                                     # "số " before the code
    """,
    re.VERBOSE,
)

#: A passive signal that carries its passive marker: "được sửa đổi, bổ sung tại", "đã bị bãi bỏ bởi".
PASSIVE_MARKED = re.compile(r"(?:(?:đã|đều|cũng)\s+)?(?:được|bị)\s", re.IGNORECASE)

#: Words between a verb and a law it acts on by name: "một số điều của ", "khoản 1 Điều 373 ",
#: and the second verb of the formula "quy định chi tiết và hướng dẫn thi hành một số điều của".
LAW_OBJECT_PREFIX = re.compile(
    r"""
    (?:[ \n]*và[ \n]+hướng[ \n]+dẫn(?:[ \n]+(?:thi[ \n]+hành|thực[ \n]+hiện))?(?!\w))?   # "và hướng dẫn thi hành"
    [ \n]*(?:một[ \n]+số[ \n]+điều|(?:điểm|khoản|điều|Điều)[ \n]+[\w.,]{1,8}(?:[ \n]+(?:điểm|khoản|điều|Điều)[ \n]+[\w.,]{1,8}){0,3})?
    [ \n]*(?:của[ \n]+)?                                                   # "... của "
    """,
    re.VERBOSE,
)

#: The word every passive signal ends on ("bởi", "tại", "bằng"): found first, so that the long
#: PASSIVE alternation is tried only in a short window before it (speed, not meaning).
PASSIVE_END = re.compile(
    r"""
    (?<!\w)(?:bởi|tại|bằng|theo)(?!\w)      # the agent marker closing "được sửa đổi bởi", "hướng dẫn tại" ...
    """,
    re.VERBOSE | re.IGNORECASE,
)

# The head of a list item up to its code: its type and name words, "số" ("Luật Nhà ở số ").
_ITEM_HEAD = rf"""
    (?:(?:{_ACT_TYPE_WORDS})
       (?:[ \n][^\W\d_][^\s,;.:()]*){{0,6}}?[ \n]+)?
    (?:số[ \n]*)?
"""
# A list connector: ",", "và", "hoặc", ", và", "; và" (";" alone may open a new clause).
_CONNECTOR = r"(?:,[ \n]*(?:(?:và|hoặc)[ \n]+)?|;[ \n]*(?:và|hoặc)[ \n]+|(?<!\w)(?:và|hoặc)[ \n]+)"

#: From the end of one list item to the code of the next, when items carry a description
#: ("Thông tư số A ngày ... của Bộ Tài chính hướng dẫn chế độ kế toán, Thông tư số B"): the
#: description, which may name other documents, the connector, the next item's head. No clause
#: break inside the description.
DESCRIBED_ITEM_GAP = re.compile(
    rf"""
    ^[^;:]{{0,300}}?        # the item's description
    {_CONNECTOR}
    {_ITEM_HEAD}
    $
    """,
    re.VERBOSE,
)

#: What an item's description may hold while its list goes on: no clause break, not too long.
DESCRIPTION_SO_FAR = re.compile(r"^[^;:]{0,300}$")

#: Right before a document's code, a list connector and its head: an item of a list, not a new
#: subject ("..., Thông tư số B sửa đổi ...").
LISTED_BEFORE = re.compile(
    rf"""
    {_CONNECTOR}
    {_ITEM_HEAD}
    $
    """,
    re.VERBOSE,
)

#: Between a document and a verb, a proposal: the verb belongs to the document proposed ("Tờ
#: trình số A ... đề nghị ban hành Nghị quyết thay thế Nghị quyết B": the new one replaces B).
PROPOSED_ACT = re.compile(
    r"""
    (?<!\w)(?:đề[ \n]+nghị|đề[ \n]+xuất|kiến[ \n]+nghị|xin[ \n]+ý[ \n]+kiến|dự[ \n]+thảo)(?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A document number shown as an example of how to fill a form: "(ví dụ: Số: 01/2017/QĐ-TA)".
#: Searched on the text just before a citation.
EXAMPLE_NUMBER = re.compile(
    r"""
    (?<!\w)(?:ví[ ]dụ|VD|chẳng[ ]hạn)[ ]*[:,]?[ ]*(?:(?:như|là)[ ]+)?["“]?[ ]*   # "ví dụ:", "chẳng hạn như"
    Số[ ]*:?[ ]*$                                                            # "Số:" right before it
    """,
    re.VERBOSE | re.IGNORECASE,
)

# An article path before a document: "Mục II ", "khoản 1 Điều 3 ", "Điều 6, 7, 8 ".
_PART_PATH = r"""
    (?:(?:tiểu[ ]mục|điểm|khoản|điều|mục|phần|chương|phụ[ ]lục)[ ][\w.]{1,12}(?:[ ]*(?:,|và|-)[ ]*[\w.]{1,6})*[ ]*)*
"""

#: In a quote's opener, what stands before the document the quote is from when another one comes
#: first: "Nội dung ... thực hiện Chỉ thị A ... được quy định tại Mục II Kế hoạch B, như sau:".
QUOTE_SOURCE_MARKER = re.compile(
    rf"""
    (?<!\w)(?:quy[ ]định|hướng[ ]dẫn|nêu|ghi|đề[ ]cập)(?:[ ]cụ[ ]thể)?[ ]tại[ ]   # "được quy định tại"
    {_PART_PATH}
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Between two documents a quote's opener names together as its source: "Căn cứ Điều 38 Nghị định
#: A, Điều 6, 7, 8 Thông tư B quy định ... như sau:" (what follows is from either of them).
JOINT_SOURCE_GAP = re.compile(
    rf"""
    ^[ ]*(?:,|và|;)[ ]*(?:và[ ]+)?
    {_PART_PATH}
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Right before a document inside a list item's description, a passive verb and its agent marker:
#: the list that starts there names who changed the item ("... đã được sửa đổi, bổ sung một số
#: điều theo Nghị định B, ...").
PASSIVE_AGENT_BEFORE = re.compile(
    rf"""
    (?<!\w)được[ \n]+(?:[^\W\d_]+[ \n,]+){{0,8}}?     # "được sửa đổi, bổ sung một số điều"
    (?:theo|bởi|tại)[ \n]+                               # the agent marker
    {_PART_PATH}
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: A passive whose agent marker is "theo" ("đã được sửa đổi, bổ sung theo Nghị định B"): it needs
#: "được" or "bị", and the agent right after it (an article path at most), since "sửa đổi theo"
#: alone also means "amend along the lines of".
PASSIVE_THEO = re.compile(r"(?<!\w)(?:được|bị)\s+.*(?<!\w)theo$", re.IGNORECASE | re.DOTALL)
#: An opening parenthesis right before a passive signal: "Nghị định A (sửa đổi, bổ sung theo Nghị
#: định B)" is a note on A's state, passive without "được".
NOTE_OPEN = re.compile(r"\([ ]*(?:đã[ ]+)?$")
AGENT_RIGHT_AFTER = re.compile(
    rf"""
    ^[ \n]*(?:các[ \n]+)?
    {_PART_PATH}
    {_ITEM_HEAD}
    $
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: After a verb's last object, what joins a second verb of the same subject: "... Nghị định B
#: (ngày ...) và sửa đổi Thông tư C", "..., đồng thời bãi bỏ ...".
COORDINATED_VERB_GAP = re.compile(
    r"""
    (?:[ \n]*(?:ngày|năm)[ \n]+\d{1,4}(?:[ \n]*(?:[/.\-]|tháng|năm)[ \n]*\d{1,4}){0,2})?   # its date
    [ ,\n]*(?:và|đồng[ \n]+thời)[ \n]+                                                   # the joint
    """,
    re.VERBOSE,
)

#: Verbs joined to the verb before them, at the start of its object's gap: "quy định chi tiết
#: [và hướng dẫn thi hành] Nghị quyết B", "sửa đổi[, bổ sung và thay thế] ...".
VERB_LIST_HEAD = re.compile(rf"^(?:[ ,\n]*(?:(?:và|hoặc)[ \n]+)?(?:{VERB.pattern}))+", _FLAGS)

#: An implementing verb a directive may say of itself in its body ("Thông tư này hướng dẫn ...
#: Nghị định B", "Nghị định này quy định chi tiết ... Luật B"); not "thực hiện"/"triển khai",
#: which a directive's body says of the tasks it sets.
SELF_GUIDE = re.compile(
    r"hướng[ \n]+dẫn|quy[ \n]+định[ \n]+chi[ \n]+tiết|cụ[ \n]+thể[ \n]+hóa|thể[ \n]+chế[ \n]+hóa", re.IGNORECASE
)

#: The bare verb "hướng dẫn" ("guides"), without "thi hành", "thực hiện" and the like after it.
BARE_GUIDE = re.compile(r"hướng[ \n]+dẫn", re.IGNORECASE)

#: What may stand between a bare "hướng dẫn" and the document it guides: a few words at most
#: ("hướng dẫn Nghị định B", "hướng dẫn một số điều của Luật ..."), an article's number among
#: them ("hướng dẫn Điều 6 Quy định số B", "hướng dẫn khoản 2 Điều 3 của Nghị định B").
NEAR_OBJECT_GAP = re.compile(
    r"""
    ^[ \n]*
    (?:(?:(?:[Đđ]iểm|[Kk]hoản|[Đđ]iều|[Mm]ục|[Cc]hương|[Pp]hần)[ \n]+(?:\d[\w.]{0,7}|[IVXLC]+|[a-zđ])(?!\w)   # "Điều 6", "điểm a"
        |(?!(?:theo|tại)[ \n])[^\W\d_]+)             # or a word, not a reference word ("theo Điều 7 ...")
       [ \n,]+){0,5}
    $
    """,
    re.VERBOSE,
)

#: A line that is nothing but a document's name after a bullet, as in a site's list of related
#: documents: "- Quyết định 153/QĐ-TTg năm 2023" (no punctuation, no words of its own).
DOCUMENT_NAME_LINE = re.compile(
    r"""
    ^[ *]*[-+•][ ]+
    (?:Bộ[ ]luật|Luật|Nghị[ ]định|Thông[ ]tư|Nghị[ ]quyết|Quyết[ ]định|Công[ ]văn|Chỉ[ ]thị|Kết[ ]luận
      |Hướng[ ]dẫn|Kế[ ]hoạch|Quy[ ]định|Thông[ ]báo|Văn[ ]bản[ ]hợp[ ]nhất)
    (?:[ ](?:số[ ])?[^\s,;:.]+){1,2}        # its number and code ("153/QĐ-TTg", "386 QĐ-TTg")
    (?:[ ]năm[ ]\d{4})?                      # its year
    [ *]*$
    """,
    re.VERBOSE,
)

#: A quote's opener that ends on a passive verb and a colon: what follows lists who changed the
#: document ("Điều 1 Quyết định A **được bổ sung** bởi:" then "- Khoản 1 Điều 1 Quyết định B").
AGENT_LIST_OPENER = re.compile(
    r"""
    (?<!\w)(?:được|bị)[ *]+
    (?:(?P<amends>sửa[ ]đổi(?:,[ ]bổ[ ]sung)?|bổ[ ]sung)|(?P<replaces>thay[ ]thế)|(?P<repeals>bãi[ ]bỏ))
    [ *]+(?:bởi|tại|theo)[ *]*:[ *"“]*$
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: What may open a line before its subject document: a bullet or an item number ("- ", "2. ", "a) ").
LINE_HEAD = re.compile(r"[ *]*(?:[-+•]|\d{1,2}[.)]|[a-zđ]\))?[ *]*")

#: The opener of a list of documents a named one replaces: "Nghị định 181/2025/NĐ-CP thay thế:",
#: "... thay thế các văn bản sau đây:" (the named document is the last one before the verb).
REPLACEMENT_LIST_OPENER = re.compile(
    r"[ *]*(?:\([^()\n]{0,60}\)[ ]*)?thay[ ]thế(?:[ ](?:các|những)[ ]văn[ ]bản(?:[ ]sau(?:[ ]đây)?)?)?[ *]*:[ *]*$"
)
#: A quoted article's heading ("Điều 2. Các khoản thu nhập chịu thuế"): the line after it is the
#: article's own text, whatever it opens with ("Theo quy định tại Điều 3 Luật ..., ...").
ARTICLE_HEADING_LINE = re.compile(r"^[ *“\"]*Điều[ ]\d{1,3}[a-zđ]?\.[ ]+[^\n]{1,200}$")

#: An item numbered in brackets: "(1) Nghị định ...", "**(2)** ...".
BRACKET_ITEM = re.compile(r"^[ *]*\(\d{1,2}\)[ *]*")

# After the document named in a list's opener, the verb of its own act: "Thông tư A bãi bỏ các
# quy định sau đây:" (not "... theo Thông tư A, các văn bản sau đây hết hiệu lực:", where A is only
# cited: there the verb must follow the document with nothing but an article reference between).
NAMED_EXPIRY_OPENER = re.compile(r"[ ]*(?:\([^()\n]{0,60}\)[ ]*)?(?:[Bb]ãi[ ]bỏ|thay[ ]thế[ ]và[ ]bãi[ ]bỏ)\b")
