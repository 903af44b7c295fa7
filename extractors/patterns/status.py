"""Regular expressions that read a relation's evidence sentence for a document's status.

Used by ``graph.status``: when a repeal or replacement takes effect ("từ ngày 15/12/2025,
Nghị định 320 thay thế ..."), whether it touches only part of the document ("bãi bỏ Điều
5 của ...", "bãi bỏ mẫu số 05 tại Phụ lục ..."), and a plan's stated period. Normalized
text, case-insensitive, bounded repetition only.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.VERBOSE

#: "(kể) từ ngày" or "có hiệu lực (thi hành) (kể) từ ngày": a date that follows says from
#: when the sentence's act takes effect.
FROM_DATE_CUE = re.compile(
    r"""
    (?:hiệu [\s*_]+ lực (?:[\s*_]+ thi [\s*_]+ hành)? [\s*_]+)?
    (?:kể [\s*_]+)? từ [\s*_]+ (?=ngày|\d)          # "kể từ ngày 01/7/2025", "từ 15/12/2025"
    """,
    _FLAGS,
)

#: A part of a document named before it: the act touches that part only. "Điều 5",
#: "khoản 2", "điểm a", "mục 3", "tiểu mục 7.12", "chương II", "mẫu số 05", "Phụ lục",
#: "một số điều / nội dung / quy định".
PART_OF = re.compile(
    r"""
    (?<!\w)
    (?: điều [\s*_]+ \d{1,3}
      | khoản [\s*_]+ \d{1,3}
      | điểm [\s*_]+ [a-zđ](?!\w)
      | (?:tiểu [\s*_]+)? mục [\s*_]+ [\dIVX]{1,6}
      | chương [\s*_]+ [\dIVX]{1,6}
      | mẫu (?:[\s*_]+ số)?
      | phụ [\s*_]+ lục
      | một [\s*_]+ số [\s*_]+ (?:điều|khoản|nội [\s*_]+ dung|quy [\s*_]+ định)
    )
    """,
    _FLAGS,
)

#: "toàn bộ", "toàn văn": the act is said to touch the whole document.
WHOLE = re.compile(r"(?<!\w)toàn[\s*_]+(?:bộ|văn)(?!\w)", re.IGNORECASE)

#: The ending verbs, to find where the part named before the document starts looking:
#: "bãi bỏ", "thay thế", "hết hiệu lực", "sửa đổi".
END_VERB = re.compile(r"(?<!\w)(?:bãi[\s*_]+bỏ|thay[\s*_]+thế|hết[\s*_]+hiệu[\s*_]+lực|sửa[\s*_]+đổi)", re.IGNORECASE)
