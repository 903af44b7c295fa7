"""Regular expressions for a directive's own effective-date clause.

"Quyết định này có hiệu lực kể từ ngày ký", "Hướng dẫn này có hiệu lực thi hành từ ngày
01/7/2025": the document says from when it is in force. Only a clause about the text
itself ("... này") is read; what a news article says of another document's force is a
relation's business. Patterns work on normalized text, are case-insensitive (the clause
may stand in a bold or capitalised line) and have only bounded repetition.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.VERBOSE

#: The clause itself, from "này" to the words that say when: "này có hiệu lực (thi hành)
#: (kể) từ ngày". PDF text often glues the words ("nàycó hiệu lực", "ngày kývà"), and
#: emphasis or a line break may stand between them, hence ``[\s*_]*`` everywhere.
EFFECTIVE_CLAUSE = re.compile(
    r"""
    (?<!\w)này [\s*_]{0,4}                       # "Quyết định này", "Hướng dẫn nàycó"
    (?:\(\w{1,12}\)[\s*_]{0,4})?                  # "(sửa đổi)" between, rarely
    (?:đã[\s*_]+|sẽ[\s*_]+)?
    có [\s*_]+ hiệu [\s*_]+ lực                   # "có hiệu lực"
    (?:[\s*_]+ thi [\s*_]+ hành)?                 # "có hiệu lực thi hành"
    (?:[\s*_]+ (?:chính[\s*_]+thức|kể))?           # "kể từ", "chính thức từ"
    [\s*_]+ từ [\s*_]*
    (?P<when>ngày)                                # where the date (or "ký") begins
    """,
    _FLAGS,
)

#: Right after the clause's "ngày": the day of signing, issue or adoption ("ngày ký", "ngày ký
#: ban hành", "ngày ban hành", "ngày được thông qua" of a resolution): the document is in force
#: from its own date. PDF text may glue the next word to "ký" ("ngày kývà thay thế"), so
#: nothing is asked of what follows it.
ON_SIGNING = re.compile(
    r"[\s*_]*(?:ký(?:[\s*_]+ban[\s*_]+hành(?!\w))?|ban[\s*_]+hành(?!\w)|(?:được[\s*_]+)?thông[\s*_]+qua(?!\w))",
    re.IGNORECASE,
)
