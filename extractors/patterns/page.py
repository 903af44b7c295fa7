"""Regular expressions for the document a web page is about (its title, heading or lead).

Used by ``extractors.identity.page_subject_start``: a page with no directive header is
about the document its title or first heading starts with, or the one its "Toàn văn ..."
lead names.
"""

from __future__ import annotations

import re

#: Capitalized document type words (a page title starts with one).
DOC_WORD = re.compile(
    r"""
    (?<!\w)
    (?:Bộ\ luật|Luật|Nghị\ định|Thông\ tư|Nghị\ quyết|Quyết\ định|Quy\ định|Chỉ\ thị
      |Kết\ luận|Hướng\ dẫn|Công\ văn|Văn\ bản|Kế\ hoạch|Pháp\ lệnh|Hiến\ pháp|Điều\ lệ
      |Thông\ báo|Chương\ trình|Quy\ chế)                                                    # type words
    (?!\w)
    """,
    re.VERBOSE,
)

#: A page title, Markdown heading or lead that starts with a document: "# Toàn văn Công văn
#: 17899/BTC-VP về ...", "## Thông tư 02/2025/TT-BNV sửa đổi ...". ``doc`` is where it starts.
PAGE_SUBJECT_LINE = re.compile(
    r"""
    ^[ #>*]*                                            # heading marks, emphasis
    (?:(?:Toàn\ văn|Tải\ về|Chi\ tiết|Nội\ dung|Đã\ có|Văn\ bản)[ ]+)?   # a site's lead word
    (?P<doc>"""
    + DOC_WORD.pattern
    + r""")
    [ ]+(?:số[ ]+)?\d                                   # its number follows at once
    """,
    re.VERBOSE,
)

#: A "Toàn văn ..." lead anywhere in a line ("Tải về Toàn văn Nghị quyết 07/2025/NQ-CP").
FULL_TEXT_LEAD = re.compile(
    r"""
    (?<!\w)Toàn\ văn[ ]+(?P<doc>"""
    + DOC_WORD.pattern
    + r""")[ ]+(?:số[ ]+)?\d                             # "Toàn văn Công văn 17899/..."
    """,
    re.VERBOSE | re.IGNORECASE,
)
