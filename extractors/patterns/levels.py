"""Regular expressions that place an issuing body at a level of the cascade.

Used by ``graph.rollout`` on an issuer's name case-folded with its tone marks kept
(``extractors.codes.fold``: "quận" is a district, "quân" the army, "cơ quan" a body). They are tried in the
order of :data:`LEVEL_WORDS` (districts first: "Đảng ủy xã A, tỉnh B" is a commune's body);
issuer codes come before any of them (``extractors/data/levels.json``). Bounded repetition only.
"""

from __future__ import annotations

import re

#: Level -> the words in an issuer's name that say it, in the order they are tried.
LEVEL_WORDS: dict[str, re.Pattern[str]] = {
    # A district, commune or ward body, or a party cell: "huyện", "quận", "thị xã", "xã" (not
    # "xã hội"), "phường", "thị trấn", "đặc khu", "huyện ủy", "quận ủy", "thị ủy", "chi bộ".
    "districts": re.compile(
        r"(?<!\w)(?:huyện|quận|thị\s+xã|xã(?!\s+hội)|phường|thị\s+trấn|đặc\s+khu|thị\s+ủy|chi\s+bộ)(?!\w)"
    ),
    # A province's body: "tỉnh", "tỉnh ủy", "thành ủy", a provincial department "sở ..." (a
    # "thành phố" is decided by its name: the six cities run by the centre are provinces).
    "provinces": re.compile(r"(?<!\w)(?:tỉnh|thành\s+ủy|sở)(?!\w)"),
    # A central party organ: "... Trung ương", "Bộ Chính trị", "Ban Bí thư", "Quân ủy Trung ương".
    "central_party": re.compile(r"(?<!\w)(?:trung\s+ương|bộ\s+chính\s+trị|ban\s+bí\s+thư)(?!\w)"),
    # A central state body: the Government, the Prime Minister, the National Assembly, the
    # President, the supreme court and procuracy, the State Audit.
    "central_state": re.compile(
        r"(?<!\w)(?:chính\s+phủ|thủ\s+tướng|quốc\s+hội|chủ\s+tịch\s+nước|tòa\s+án\s+nhân\s+dân\s+tối\s+cao"
        r"|viện\s+kiểm\s+sát\s+nhân\s+dân\s+tối\s+cao|kiểm\s+toán\s+nhà\s+nước)(?!\w)"
    ),
    # A ministry or its agencies: "Bộ ...", "Ban cán sự đảng Bộ ...", "Cục ...", "Tổng cục ...",
    # "Ngân hàng Nhà nước", "Bảo hiểm xã hội Việt Nam".
    "ministries": re.compile(r"(?<!\w)(?:bộ|cục|tổng\s+cục|ngân\s+hàng\s+nhà\s+nước|bảo\s+hiểm\s+xã\s+hội)(?!\w)"),
}

#: "thành phố X": which city follows (a province when X is one of the six run by the centre).
CITY = re.compile(r"(?<!\w)thành\s+phố\s+(?P<name>\w[\w ]{1,30})")

#: The letters that open an issuer code: "UBTVQH15" -> "UBTVQH", "BTC-CT" -> "BTC".
CODE_HEAD = re.compile(r"^[^\W\d_]+")
