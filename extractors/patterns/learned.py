"""Regular expressions the learned decisions read their features with.

Each is small and anchored or bounded; they cut text into words and find the few structures
(an appendix line, a table row, an article heading) whose presence is a feature.
"""

from __future__ import annotations

import re

from extractors.patterns import people as _people

# A word for bag-of-words features: letters and digits of any script, glued by & or ' at most.
WORD = re.compile(r"\w+(?:[&']\w+)*")

# A line that attaches a text to a document: "(Kèm theo Hướng dẫn số 40-HD/BTCTW ...)",
# "Ban hành kèm theo Quyết định số ...".
APPENDIX_LINE = re.compile(r"^[\s(*_>#-]{0,6}(?:ban hành )?kèm theo\b", re.IGNORECASE)

# A Markdown table row: the line opens with a pipe.
TABLE_ROW = re.compile(r"^\s{0,3}\|")

# Where a directive's body starts after its preamble: "QUYẾT ĐỊNH:", "Điều 1.", "I. ", "Phần I".
BODY_START = re.compile(
    r"^\s{0,3}(?:[#*]{0,4}\s?)(?:QUYẾT ĐỊNH|NGHỊ QUYẾT|KẾT LUẬN|CHỈ THỊ)\s*:|^\s{0,3}(?:[#*]{0,4}\s?)(?:Điều 1\b|I\.\s|Phần I\b|PHẦN I\b)",
    re.MULTILINE,
)

# A party code's type (between the dash and the slash) or a state code's type (before its dash).
PARTY_TYPE = re.compile(r"^\d+[a-zA-Z]?-([^/]+)/")
STATE_TYPE = re.compile(r"^\d+(?:/\d{4})?/([^/-]+)")


def _signal_table() -> list[tuple[str, re.Pattern[str]]]:
    """(label, pattern) for every group of relation signal words in ``relation_signals.json``:
    ``verb:amends`` for "sửa đổi, bổ sung", ``lead:based_on`` for "căn cứ", and so on, each
    pattern matching any phrase of its group as whole words, case-insensitively."""
    import json
    from importlib import resources

    data = json.loads(resources.files("extractors").joinpath("data/relation_signals.json").read_text(encoding="utf-8"))
    table = []
    for section in ("lead", "verb", "passive", "cites", "expiry"):
        for kind, phrases in data[section].items():
            if kind.startswith("_") or not isinstance(phrases, list):
                continue
            words = sorted(phrases, key=len, reverse=True)
            # each phrase as whole words; a space in a phrase matches any run of spaces
            alternatives = "|".join(
                r"\s+".join(re.escape(w) for w in p.replace(",", " ,").split()).replace(r"\s+,", r"\s*,") for p in words
            )
            table.append((f"{section}:{kind}", re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)))
    return table


# Relation signal words by group, read once from the data file (see _signal_table).
SIGNALS = _signal_table()

# A pronoun or form of address that stands for the person a page is about ("Năm 2010, ông được
# bầu làm ...", "bà từng giữ chức ...", "đồng chí được bổ nhiệm ...").
PRONOUN = re.compile(r"(?<!\w)(?:ông|bà|đồng chí|Ông|Bà|Đồng chí)(?!\w)")

# Punctuation whose presence between a name and a title is a feature.
PUNCTUATION = re.compile(r"[,;:()\[\]|\n–-]")

# A line that opens with when it happened, as a career line does: "8/1982 – 6/1985: ...",
# "Năm 2010, ...", "Tháng 3 năm 1979, ...", "Từ tháng 4/2016 ...", "1945–1946: ...", "- 2011:".
TIME_LEAD = re.compile(
    r"[-*+>\s]{0,4}(?:\*\*)?(?:(?:[Tt]ừ |[Đđ]ến )?(?:[Nn]ăm|[Tt]háng|[Nn]gày|[Cc]uối năm|[Đđ]ầu năm|[Gg]iữa năm)\s+\d"
    r"|\d{1,2}/\d{4}|\d{4}\s*(?:[-–—:]|đến))"
)

# A Markdown heading line ("## Bí thư Tỉnh ủy", "### Trưởng ban Tuyên giáo Trung ương").
HEADING_LINE = re.compile(r"\s{0,3}#{1,6}\s")

# A list item line ("- ...", "* ...", "1. ...").
LIST_ITEM = re.compile(r"\s{0,3}(?:[-*+]|\d{1,3}[.)])\s")

# A career verb or phrase before a title: the sentence gives someone the post.
CAREER_CUE = re.compile(
    r"(?<!\w)(?:được bầu|được bổ nhiệm|được cử|được điều động|giữ chức|giữ cương vị|đảm nhiệm|kiêm|trở thành"
    r"|từng là|là|làm|thôi giữ|trúng cử|tái đắc cử|nhậm chức|thăng chức|chuyển sang|về làm)(?!\w)",
    re.IGNORECASE,
)

# Words before a title that say the post is not (yet) held: proposed, expected, refused, denied.
NOT_HELD_CUE = re.compile(
    r"(?<!\w)(?:đề nghị|đề xuất|dự kiến|được giới thiệu|ứng cử|đề cử|từ chối|không phải là|chưa từng|thay cho|thay thế)(?!\w)",
    re.IGNORECASE,
)

# A table cell that labels a predecessor or a successor ("Tiền nhiệm", "Người kế nhiệm").
PREDECESSOR_LABEL = re.compile(r"(?<!\w)(?:tiền|kế)\s+nhiệm(?!\w)", re.IGNORECASE)

# A Markdown table's separator line, as normalized (" ---|---|--- ").
TABLE_SEPARATOR = re.compile(r"^[ |:]*-{3,}[-|: ]*$", re.MULTILINE)

# A relative named right before a holder: "Con trai ông X", "vợ đồng chí Y" (the people
# extractor's own pattern: the learned attachment reads the same words).
KIN_BEFORE = _people.KIN_BEFORE
# A career verb right after a name ("... trở thành", "... được bổ nhiệm giữ chức"): the same pattern.
CAREER_AFTER_NAME = _people.CAREER_AFTER_NAME
# an appointing verb in the active right after a name: the name appoints ("A bổ nhiệm ...")
APPOINTER_AFTER_NAME = _people.APPOINTER_AFTER_NAME
