"""Bodies named in a text: party committees, ministries, departments, fronts.

``find_organizations(text)`` returns one :class:`Organization` per mention,
with the canonical name (abbreviations expanded, well-known aliases mapped to
their full name); ``expand_abbreviations`` is shared with ``extractors.people``.

Finding is kept apart from naming: :func:`body_extent` says how far a body's
name runs from a given offset, :func:`canonical_body` says what it is called.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.models import Organization
from extractors.names import find_name_mentions
from extractors.patterns import people as P
from vntext.normalize import normalize_text

_EXPANSIONS: dict[str, str] = P.ABBREVIATIONS["expansions"]
_ALIASES: dict[str, str] = {}
for _body in P.BODIES["bodies"]:
    for _alias in (_body["name"], *_body["aliases"]):
        _ALIASES.setdefault(_alias.casefold(), _body["name"])

_NOT_INSIDE = frozenset(w.casefold() for w in P.BODIES["not_inside"])
_INNER_WORDS = frozenset(w.casefold() for w in P.BODIES["inner_words"])
# Lower-case words that may join two parts of a body's name but never end one.
_CONNECTORS = frozenset({"và", "các", "của", "thuộc", "kiêm", "-"})


@lru_cache(maxsize=1)
def _two_syllable_words() -> frozenset[str]:
    """Vietnamese words of two syllables, from the word list underthesea ships (Viet74K): a
    body's name may run on through one ("Ủy ban kế hoạch", "Hội hữu nghị", "Sư đoàn bộ binh")
    where a lone lower-case syllable would end it. Empty when the list is not there. The file is
    found without importing underthesea (heavy: only word segmentation needs it)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    try:
        path = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
        lines = path.read_text(encoding="utf-8")
    except (StopIteration, OSError):
        return frozenset()
    return frozenset(w for w in (line.strip().casefold() for line in lines.splitlines()) if w.count(" ") == 1)


# Heads too vague to be a body on their own ("Ban", "Bộ" alone).
_BARE_HEADS = frozenset(
    {
        "ban",
        "bộ",
        "vụ",
        "cục",
        "sở",
        "hội",
        "viện",
        "trường",
        "hội đồng",
        "ủy ban",
        "văn phòng",
        "đoàn",
        "công an",
        "chi bộ",
        "đảng bộ",
        "đảng ủy",
    }
)


# Unit heads a page about one unit writes alone for it ("Tư lệnh Vùng", "Phó Giám đốc Bảo tàng").
_BARE_UNITS = frozenset(w.casefold() for w in P.BODIES["bare_units"])


def is_bare_head(name: str) -> bool:
    """Is ``name`` a body's head alone ("Ban", "Đảng ủy", "Vùng"), which names no body by itself?"""
    folded = name.casefold().replace("uỷ", "ủy")
    return folded in _BARE_HEADS or folded in _BARE_UNITS


def tidy(s: str) -> str:
    """NFC, new-style "Ủy", single spaces, no surrounding punctuation."""
    return " ".join(normalize_text(s).split()).strip(" ,;:.-()")


def expand_abbreviations(s: str) -> str:
    """Spell out UBND, HĐND, MTTQ, TT&TT, UVTV, TƯ ... in ``s``.

    Document codes are left alone ("50-QĐ/TW" keeps its TW).

    >>> expand_abbreviations("Chủ tịch UBND huyện")
    'Chủ tịch Ủy ban nhân dân huyện'
    """
    return P.ABBREVIATION.sub(lambda m: _EXPANSIONS[m.group("abbr")], s)


def canonical_body(written: str) -> str:
    """The canonical name of a body as written ("Bộ TT&TT" -> "Bộ Thông tin và Truyền thông")."""
    name = tidy(written)
    known = _ALIASES.get(name.casefold())
    if known:
        return known
    name = tidy(expand_abbreviations(name))
    return _ALIASES.get(name.casefold(), name)


def body_extent(text: str, pos: int, stop_at: frozenset[int] = frozenset(), after_head: bool = False) -> int:
    """Where a body's name that continues at ``pos`` ends.

    Takes capitalised words, abbreviations and numbers; after a capitalised
    word, one lower-case syllable (the rest of a compound: "Dân vận", "Quân
    đoàn") unless it is a verb or a function word; further lower-case words
    only from the body vocabulary ("Ban cán sự", "Tổ chức cán bộ"). Stops
    before a person's name (an offset in ``stop_at``), before a new title
    ("Bộ Tư lệnh" is a body, not a title), and never ends on a connector.
    ``after_head``: ``pos`` follows a body's head word written inside a title
    ("Trưởng ban | quản lý Khu kinh tế"), which a lower-case word may continue.
    """
    end = pos
    last_good = pos
    after_capital = after_head
    first_word = pos
    while text.startswith(" ", first_word):
        first_word += 1
    known = P.KNOWN_BODY.match(text, first_word)
    if known:  # a known body whose name has words that would end another ("Phòng không - Không quân")
        end = last_good = known.end()
        after_capital = True
    while True:
        m = P.BODY_WORD.match(text, end)
        if not m:
            break
        word_start = m.start("word")
        if word_start in stop_at:
            break
        word = m.group("word")
        folded = word.casefold()
        if word == "-":  # joins two capitalised parts of a name ("Tổ chức - Kiểm tra")
            end = m.end()
            continue
        if end > last_good and not word[0].isupper():
            break  # after "và", only a capitalised word goes on ("Thông tin và Truyền thông")
        if P.BODY_STOP_PHRASE.match(text, word_start):
            break  # "Thành ủy Sài Gòn | đầu tiên"
        phrase = P.BODY_PHRASE.match(text, word_start) or P.PREVENTION_PHRASE.match(text, word_start)
        if phrase and end > last_good and P.TITLE.fullmatch(phrase.group()):
            break  # "Ban Tổ chức và | Thư ký Tạp chí ...": after "và" the phrase is the next title
        if phrase:  # "Cộng hòa xã hội chủ nghĩa", "Chữ thập đỏ": taken whole
            end = last_good = phrase.end()
            after_capital = False
            continue
        head = P.BODY_HEAD.match(text, word_start) if word[0].isupper() else None
        if head and head.end() > m.end():  # a body's head inside the name: "Hội đồng Bộ trưởng"
            end = last_good = head.end()
            after_capital = True
            continue
        if word[0].isupper() or word[0].isdigit():
            if P.NOT_BODY_WORD.match(text, word_start) and not _after_bare_head(text, end, pos, after_head):
                break  # "Ban Tổ chức Hướng dẫn ...", but "Ban Kế hoạch", "Vụ Kế hoạch - Tài chính"
            title = P.TITLE.match(text, word_start) if word[0].isupper() else None
            if title and not _inside_body_head(text, end, word_start) and not owned_title(text, title, stop_at):
                break
            after_capital = word[0].isupper()
        elif after_capital and folded not in _NOT_INSIDE or folded in _INNER_WORDS:
            after_capital = False
        elif _completes_word(text, end, folded) or _opens_word(text, m.end(), folded, first=after_head and end == pos):
            after_capital = False  # "kế" + "hoạch"; "hiệp thương" after "chính trị"; "Trưởng ban | tổ chức"
        else:
            break
        end = m.end()
        if word not in _CONNECTORS:  # a lower-case "và", "các" never ends a body; "Các" may
            last_good = end
    return last_good


def _after_bare_head(text: str, end: int, pos: int, after_head: bool) -> bool:
    """Does the word after ``end`` follow a body's head alone ("Ban", "Vụ", "Ủy ban"), so that it
    names the body ("Ban Kế hoạch") rather than a document ("Kế hoạch số 12")?"""
    if after_head and end == pos:
        return True
    before = text[text.rfind(" ", 0, end) + 1 : end]
    if before.casefold() == "ban" and text[max(0, end - 6) : end].casefold() == "ủy ban":
        return True
    return before.casefold() in _BARE_HEADS


def _completes_word(text: str, end: int, folded: str) -> bool:
    """Does the lower-case word after ``end`` finish a two-syllable word with the word that ends
    there ("Ủy ban kế" + "hoạch", "Trung tâm Xúc" + "tiến")?"""
    before = text[text.rfind(" ", 0, end) + 1 : end]
    # the first syllable may be capitalised in a name: "Trung tâm Xúc" + "tiến"
    return bool(before) and before[1:].islower() and f"{before.casefold()} {folded}" in _two_syllable_words()


def _opens_word(text: str, end: int, folded: str, first: bool = False) -> bool:
    """Does the lower-case word that ends at ``end`` open a two-syllable word with the next one
    ("... chính trị" + "hiệp thương"), neither of them a word that ends a body? ``first``: the
    word is the first after a body's head written inside a title ("Trưởng ban | tổ chức"),
    where a verb's reading is unlikely, so any opener counts."""
    nxt = P.BODY_WORD.match(text, end)
    if nxt is None or (folded in _NOT_INSIDE and not first):
        return False
    second = nxt.group("word")
    return second.islower() and second not in _NOT_INSIDE and f"{folded} {second}" in _two_syllable_words()


def owned_title(text: str, title: re.Match[str], names: frozenset[int]) -> bool:
    """Is ``title`` part of a body's name ("Phủ Thủ tướng", "Hội đồng Bộ trưởng"), not the post
    of the person named right after it ("Văn phòng Thủ tướng Vũ Văn Mẫu")?"""
    if title.end() + 1 in names:
        return False
    before = max(0, title.start() - 12)
    if title.group("title").casefold() == "thường vụ" and (
        P.STANDING_COMMITTEE_OWNER.search(text, before, title.start())
        or not P.STANDING_POST_BEFORE.search(text, before, title.start())
    ):
        return True  # "Ban Thường vụ", "Thường vụ Tỉnh ủy giao ...": the committee, not the short post
    return bool(P.OWNS_TITLE_BEFORE.search(text, before, title.start()))


def _inside_body_head(text: str, previous_end: int, word_start: int) -> bool:
    """Does the word at ``word_start`` continue a body head ("Bộ Tư lệnh", "Bộ Chỉ huy")?"""
    prev_start = text.rfind(" ", 0, previous_end) + 1
    head = P.BODY_HEAD.match(text, prev_start)
    return bool(head and head.end() > word_start)


def find_organizations(text: str) -> list[Organization]:
    """Every body mentioned in ``text``, with its canonical name, in text order."""
    name_starts = frozenset(m.start for m in find_name_mentions(text))  # names stop a body
    found: list[Organization] = []
    taken_until = -1
    for m in P.BODY_HEAD.finditer(text):
        if m.start() < taken_until:
            continue
        known = P.KNOWN_BODY.match(text, m.start())
        head_end = known.end() if known else m.end()
        end = body_extent(text, head_end, name_starts)
        written = text[m.start() : end]
        if not known and written.casefold().replace("uỷ", "ủy") in _BARE_HEADS:
            continue
        if not m.group("head")[0].isupper():
            continue
        found.append(Organization(name=canonical_body(written), start=m.start(), end=end))
        taken_until = end
    return found
