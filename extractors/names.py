"""Personal names written in a text.

``find_name_mentions(text)`` finds the capitalised runs that are personal names
(family name + 1-3 syllables, or any 2-4 syllables after "đồng chí", "ông",
"bà"), bylines in capitals, minus places, bodies, streets and placeholders.
``extractors.people`` gives them posts; ``extractors.organizations`` stops a
body's name before them. Both use this module; neither is used by it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from extractors.patterns import people as P
from extractors.places import administrative_units, never_people
from vntext.normalize import normalize_text

_SYLLABLE_LINES = P._load_lines("not_name_syllables.txt")
# never inside a name ("Đảng", "Ủy", "Bộ")
_NOT_NAME_SYLLABLES = frozenset(s.lstrip("~").casefold() for s in _SYLLABLE_LINES if not s.startswith(">"))
# ... of which these may end a name that ends its run ("Lê Quang Trường")
_LAST_OF_RUN_ONLY = frozenset(s[1:].casefold() for s in _SYLLABLE_LINES if s.startswith("~"))
# ends a name when third or later in a run ("Lê Duẩn Thường trực": table cells run together)
_NAME_ENDERS = _NOT_NAME_SYLLABLES | frozenset(s[1:].casefold() for s in _SYLLABLE_LINES if s.startswith(">"))
# a name never ends on a middle name ("Lưu Văn phòng", "Nguyễn Thị")
_MIDDLE_ONLY = frozenset({"văn", "thị"})
_FAMILY = P.FAMILY_NAMES
# Christian names written before a Catholic's family name ("Phêrô Phan Khắc Từ")
_SAINT_NAMES = frozenset(P._load_lines("saint_names.txt"))
# lower-case words scraping glues to a name ("Trọngtừ", "Minhđã")
_GLUED_WORDS = frozenset(P._load_lines("glued_words.txt"))
# words of two syllables whose first may end a name ("Đoàn Kinh tế", "Mạc Thị Gia phả")
_NAME_COMPOUNDS = frozenset(line.casefold() for line in P._load_lines("name_compounds.txt"))
# Lower-case words that make a compound with a name-ending syllable ("Trung ương", "Đại hội",
# "Thường trực"); after any other word the syllable is the end of the name ("Trần Hoài Trung dự").
_COMPOUND_TAILS = frozenset(
    {
        "ương",
        "trực",
        "hội",
        "biểu",
        "thư",
        "tướng",
        "tá",
        "úy",
        "lệnh",
        "tịch",
        "khóa",
        "khoá",
        "mưu",
        "niên",
        "khu",
        "đoàn",
        "ban",
        "vụ",
        "ủy",
        "uỷ",
    }
)


@dataclass(frozen=True)
class NameMention:
    """One place where a personal name is written."""

    start: int
    end: int
    name: str  # as it should be reported ("Hoàng Biên" for "HOÀNG BIÊN")
    cued: bool = False  # a title, rank or "đồng chí" stands right before it
    byline: bool = False


def name_key(name: str) -> str:
    """Comparison key for a name: NFC, case folded, new-style tone marks."""
    return " ".join(normalize_text(name).casefold().split())


def _is_cued(text: str, start: int) -> bool:
    """A title, a rank or a cue word stands right before ``start``."""
    left = text[max(0, start - 60) : start]
    if P.CUE.search(left):
        return True
    stripped = left.rstrip(" ")
    if not stripped or len(stripped) == len(left):
        return False
    tail = stripped[-40:]
    for pattern in (P.RANK, P.TITLE):
        for m in pattern.finditer(tail):
            if m.end() == len(tail):
                return True
    return False


def _at_sentence_start(text: str, start: int) -> bool:
    left = text[max(0, start - 12) : start].rstrip(" *#-")
    return not left or left[-1] in '.\n:!?"“|('


def _acceptable(syllables: list[str], text: str, start: int, first_in_run: bool) -> tuple[bool, bool]:
    """(is a name, is cued) for a candidate of 2-4 syllables starting at ``start``."""
    name = " ".join(syllables)
    key = name_key(name)
    cued = _is_cued(text, start)
    if key in P.NOT_NAMES or key in never_people():
        return False, cued
    head = P.BODY_HEAD_ANY_CASE.match(text, start)
    if head and head.end() >= start + len(name):  # "Đoàn Đại biểu Quốc hội", "Đoàn Thanh Niên"
        return False, cued
    if key in P.NAMES_ONLY_AFTER_CUE and not cued:
        return False, cued
    last_of_run = syllables[-1].casefold() in _LAST_OF_RUN_ONLY and not P.CAPITALISED_NEXT.match(
        text, start + len(name)
    )
    if any(s.casefold() in _NOT_NAME_SYLLABLES for s in syllables[1 : -1 if last_of_run else None]):
        return False, cued
    if len(syllables[-1]) == 1:  # "Nguyễn Văn A": a placeholder ("Hầu A Lềnh" is a Hmong name)
        return False, cued
    if syllables[-1].casefold() in _MIDDLE_ONLY:
        return False, cued
    if len(syllables) == 2 and syllables[0] in P.RISKY_FAMILY_NAMES and not cued:
        # "Hà Bắc", "Đồng Kỵ", "Âu Mỹ": a person only if a year or a post follows
        after = start + len(name)
        follows = P.PERSON_AFTER.match(text, after)
        if not (follows and (P.TITLE.match(text, follows.end()) or "(" in follows.group())):
            return False, cued
    if first_in_run and not cued and P.NOT_PERSON_BEFORE.search(text[max(0, start - 40) : start]):
        return False, cued
    if first_in_run and _names_a_body(text, start):
        return False, cued
    if P.HOUSE_NUMBER_BEFORE.search(text[max(0, start - 10) : start]) and P.ADDRESS_AFTER.match(
        text, start + len(name)
    ):
        return False, cued
    return True, cued


def _split_run(syllables: list[tuple[int, int, str]], run_continues_lower: str) -> list[list[tuple[int, int, str]]]:
    """Split a run that starts with a family name into names of 2-4 syllables.

    "Nguyễn Hoàng Giang Nguyễn Đức Tuy" (a table cell) -> two names. A run of
    up to four syllables is one name ("Trần Hồng Hà", though Hà is a family name).
    A name ends before a word that opens a title or a body ("Lê Duẩn Thường
    trực"), unless that word ends the run and no lower-case word follows it
    ("Đào Xuân Ban - UVTV", "Nguyễn Đức Trung - Phó Trưởng ban") or the lower-case word after
    it makes no compound with it ("Trần Hoài Trung dự", not "Trung ương").
    """
    names: list[list[tuple[int, int, str]]] = []
    if f"{syllables[-1][2]} {run_continues_lower}".casefold() in _NAME_COMPOUNDS:
        syllables = syllables[:-1]  # the run ends inside a word: "Đoàn Kinh tế", "Mạc Thị Gia phả"
        if len(syllables) < 2 or syllables[-1][2].casefold() in _MIDDLE_ONLY:
            return names
    for end in range(2, len(syllables)):
        is_last = end == len(syllables) - 1
        if (
            syllables[end][2].casefold() in _NAME_ENDERS
            and not (is_last and run_continues_lower not in _COMPOUND_TAILS)
        ) or (is_last and _opens_body_or_title(syllables[end][2], run_continues_lower)):
            syllables = syllables[:end]
            break
    i, n = 0, len(syllables)
    while n - i >= 2:
        if n - i <= 4:
            names.append(syllables[i:])
            break
        cut = None
        for e in range(min(i + 4, n - 2), i + 1, -1):  # latest family-name syllable that leaves a name
            if syllables[e][2] in _FAMILY and syllables[e][2].casefold() not in _MIDDLE_ONLY:
                cut = e
                break
        if cut is None:
            return names  # five or more syllables with nowhere to cut: a heading
        names.append(syllables[i:cut])
        i = cut
    return names


def _opens_body_or_title(syllable: str, next_lower: str) -> bool:
    """Does a run's last syllable open a body or a title with the lower-case word after it
    ("Võ Văn Kiệt Chính phủ": "Chính phủ"; not "Phạm Minh Chính hội kiến")?"""
    if not next_lower:
        return False
    phrase = f"{syllable} {next_lower}"
    return bool(P.BODY_HEAD.fullmatch(phrase) or P.TITLE.fullmatch(phrase))


def _prefix_allows_name(prefix: str, text: str, run_start: int) -> bool:
    """May a name start inside a run after ``prefix`` ("Đại Tướng", "Chủ Tịch", the Christian name
    "Phêrô"), or after the end of a body that a title opens in the same clause ("Bí thư Tỉnh ủy
    Bình Định Hồ Quốc Dũng")?"""
    if P.RANK.fullmatch(prefix) or P.TITLE.fullmatch(prefix) or P.CUE.fullmatch(prefix) or prefix in _SAINT_NAMES:
        return True
    clause = P.CLAUSE_BEFORE.search(text, max(0, run_start - 80), run_start)
    if (
        clause
        and P.TITLE.match(clause.group().lstrip(" -*"))
        and not P.NOT_PERSON_BEFORE.search(text[max(0, run_start - 20) : run_start])
    ):
        return True
    if P.NOT_PERSON_BEFORE.search(prefix) or P.NOT_PERSON_BEFORE.search(text[max(0, run_start - 20) : run_start]):
        return False
    return " " not in prefix and _at_sentence_start(text, run_start) and prefix not in _FAMILY


def find_name_mentions(text: str) -> list[NameMention]:
    """Every personal name written in ``text``, in text order."""
    return list(_name_mentions(text))


@lru_cache(maxsize=4)  # find_people and find_organizations ask for the same text in turn
def _name_mentions(text: str) -> tuple[NameMention, ...]:
    mentions: list[NameMention] = _initialled_after_title(text)
    initialled = [(m.start, m.end) for m in mentions]
    for run in P.CAPITALISED_RUN.finditer(text):
        if " " not in run.group() or any(a <= run.start() < b for a, b in initialled):
            continue  # one syllable is never a name; "John F" of "John F. Kennedy" is read whole
        syllables = [
            (run.start() + s.start(), run.start() + s.end(), s.group()) for s in P.SYLLABLE_IN_RUN.finditer(run.group())
        ]
        syllables = _before_glued_word(syllables)
        if len(syllables) < 2:
            continue
        foreign = _foreign_leader(text, run.start(), syllables) or _foreign_after_title(text, run.start(), syllables)
        if foreign is not None:
            mentions.append(foreign)
            continue
        in_body = _body_head_end(text, run.start(), run.end())  # "Trung ương Đoàn", "Thành Đoàn": not a name
        first_family = next((i for i, s in enumerate(syllables) if s[2] in _FAMILY and s[0] >= in_body), None)
        if first_family is None:
            # no family name: only a cue ("đồng chí U Huấn", "ông Y Ngọc") makes it a name
            if (
                len(syllables) <= 4
                and P.CUE.search(text[max(0, run.start() - 30) : run.start()])
                and syllables[0][2].casefold() not in _NOT_NAME_SYLLABLES  # "đồng chí Hội Việt Nam ..."
                and not P.TITLE.match(text, run.start())
                and not P.BODY_HEAD.match(text, run.start())
            ):
                words = [s[2] for s in syllables]
                ok, _ = _acceptable(words, text, run.start(), True)
                if ok:
                    mentions.append(NameMention(run.start(), run.end(), " ".join(words), cued=True))
            continue
        if first_family > 0:
            prefix = text[run.start() : syllables[first_family - 1][1]]
            if not _prefix_allows_name(prefix, text, run.start()):
                continue
        next_lower = P.LOWER_WORD_NEXT.match(text, run.end())
        continues_lower = next_lower.group("word") if next_lower else ""
        for split in _split_run(syllables[first_family:], continues_lower):
            group = _unglued(split, _is_cued(text, split[0][0]))
            if group is None:
                continue
            words = [s[2] for s in group]
            start, end = group[0][0], group[-1][1]
            ok, cued = _acceptable(words, text, start, group[0][0] == syllables[0][0])
            if ok:
                mentions.append(NameMention(start, end, " ".join(words), cued=cued or first_family > 0))
    mentions.extend(_bylines(text))
    taken = {m.start for m in mentions}
    mentions.extend(m for m in _capitals_after_cue(text) if m.start not in taken)
    taken = {m.start for m in mentions}
    mentions.extend(
        NameMention(k.start(), k.end(), k.group(), cued=_is_cued(text, k.start()))
        for k in P.KNOWN_NAME.finditer(text)
        if k.start() not in taken
    )
    mentions = _drop_place_names(text, mentions)
    mentions = _drop_streets(text, mentions)
    mentions = _drop_administrative_units(text, mentions)
    mentions = _drop_listed_places(text, mentions)
    subject = _biography_subject(text, mentions)
    if subject is not None:
        mentions.append(subject)
    mentions.extend(_repeated_mentions(text, mentions))
    mentions = [_with_given_name(text, m) for m in mentions]
    mentions.sort(key=lambda m: m.start)
    return tuple(mentions)


def _with_given_name(text: str, mention: NameMention) -> NameMention:
    """A foreign surname found alone, with the foreign given name written right before it
    ("Tổng thống Hoa Kỳ - Richard Nixon"): the mention is the whole name."""
    if " " in mention.name or P.VIET_SYLLABLE.fullmatch(mention.name):
        return mention
    given = P.FOREIGN_GIVEN_NAME_BEFORE.search(text, max(0, mention.start - 30), mention.start)
    if given is None or P.VIET_SYLLABLE.fullmatch(given.group("given")) or given.group("given") in P.COUNTRIES:
        return mention
    start = given.start("given")
    return NameMention(start, mention.end, text[start : mention.end], mention.cued, mention.byline)


def _foreign_after_title(text: str, run_start: int, syllables: list[tuple[int, int, str]]) -> NameMention | None:
    """A foreign name written whole right after a title: "Chủ tịch Fidel Castro", "Thủ tướng
    Ōkuma Shigenobu" (two to four words, one at least not a Vietnamese syllable)."""
    if not 2 <= len(syllables) <= 4:
        return None
    words = [s[2] for s in syllables]
    if all(P.VIET_SYLLABLE.fullmatch(w) for w in words):
        return None
    if P.BODY_HEAD.match(text, run_start) or P.TITLE.match(text, run_start):
        return None
    if _gap_after_title(text, run_start) != "":
        return None
    ok, _ = _acceptable(words, text, run_start, False)
    return NameMention(syllables[0][0], syllables[-1][1], " ".join(words), cued=True) if ok else None


def _initialled_after_title(text: str) -> list[NameMention]:
    """Foreign names with initials, right after a title (and its country) or a cue: "Tổng thống
    John F. Kennedy", "Tổng thống Hoa Kỳ George W. Bush", "ông John F. Kerry"."""
    found = []
    for m in P.NAME_WITH_INITIALS.finditer(text):
        gap = _gap_after_title(text, m.start())
        titled = gap == "" or gap in P.COUNTRIES  # "Tổng thống Hoa Kỳ John F. Kennedy"
        if titled or P.CUE.search(text[max(0, m.start() - _TITLE_REACH) : m.start()]):
            found.append(NameMention(m.start(), m.end(), m.group(), cued=True))
    return found


#: How far before a name a title or a cue is looked for.
_TITLE_REACH = 40


def _gap_after_title(text: str, at: int) -> str | None:
    """What stands between the last title before ``at`` (within reach) and ``at``, stripped:
    "" when the title is right before it, None when there is no title."""
    before = text[max(0, at - _TITLE_REACH) : at]
    titles = list(P.TITLE.finditer(before))
    return before[titles[-1].end() :].strip() if titles else None


def _capitals_after_cue(text: str) -> list[NameMention]:
    """Names written in capitals after a cue: "đồng chí PHAN VĂN PHỤNG, Ủy viên ..." -> "Phan Văn Phụng"."""
    found = []
    for m in P.CAPITALS_NAME_AFTER_CUE.finditer(text):
        words = [w.capitalize() for w in m.group("name").split()]
        if words[0] in _FAMILY and _acceptable(words, text, m.start("name"), False)[0]:
            found.append(NameMention(m.start("name"), m.end("name"), " ".join(words), cued=True))
    return found


def _foreign_leader(text: str, run_start: int, syllables: list[tuple[int, int, str]]) -> NameMention | None:
    """A foreign leader's name after a title and a country: "Tổng thống Pháp Emmanuel Macron",
    "Bộ trưởng Ngoại giao Hoa Kỳ John Kerry", "Ngoại trưởng Pháp Faure" (the run starts with the
    country; a name of one word only when it is not a Vietnamese syllable)."""
    country = P.COUNTRY_AT.match(text, run_start)
    if country is None:
        return None
    rest = [s for s in syllables if s[0] >= country.end()]
    one_foreign_word = len(rest) == 1 and len(rest[0][2]) > 2 and not P.VIET_SYLLABLE.fullmatch(rest[0][2])
    if not (2 <= len(rest) <= 4 or one_foreign_word):  # "Tổng thống Nga Putin"; not "Thủ tướng Anh Nam"
        return None
    before = text[max(0, run_start - 50) : run_start]
    titles = list(P.TITLE.finditer(before))
    if not titles or not P.TITLE_TO_COUNTRY_GAP.fullmatch(before, titles[-1].end()):
        return None
    words = [s[2] for s in rest]
    ok, _ = _acceptable(words, text, rest[0][0], False)
    return NameMention(rest[0][0], rest[-1][1], " ".join(words), cued=True) if ok else None


def _body_head_end(text: str, run_start: int, run_end: int) -> int:
    """The end of a body's head of several words that reaches into the run at ``run_start``
    ("Bí thư Trung ương Đoàn Bùi Quang Huy", "Bí thư Thành Đoàn Hà Nội ..."): a family name
    inside it ("Đoàn") opens no name. ``run_start`` when there is none."""
    end = run_start
    for word in P.WORD_START.finditer(text, max(0, run_start - P.LONGEST_HEAD_BEFORE_RUN), run_end):
        if word.start() > end:
            break
        head = P.BODY_HEAD.match(text, word.start())
        if head and " " in head.group() and head.end() > end:
            end = head.end()
    return end


def _biography_subject(text: str, mentions: list[NameMention]) -> NameMention | None:
    """The person a biography is about, named by its title whatever the name's form (a foreign
    or ethnic name, one word, no family name): "# Kaysone Phomvihane" over a text that opens
    "Kaysone Phomvihane (13 tháng 12 năm 1920 - ...)". None when the title is already a name
    found, is a title or a body, or the text does not go on as a biography."""
    title = P.PAGE_TITLE_NAME.match(text)
    if title is None:
        return None
    name = title.group("name")
    if any(m.start == title.start("name") for m in mentions):
        return None
    words = name.split()
    # a Vietnamese full name may hold a syllable that is seldom a name's ("Nguyễn Đình Sở", "Võ Tá
    # Quế"): the title over a biography's lead vouches for it
    full_name = words[0] in _FAMILY and 2 <= len(words) <= 4 and all(P.VIET_SYLLABLE.fullmatch(w) for w in words)
    if P.TITLE.match(name) or P.BODY_HEAD.match(name):
        return None
    if not full_name and any(w.casefold() in _NOT_NAME_SYLLABLES for w in words):
        return None
    # the lead that names the subject, after any infobox that repeats the name ("| Trọng Khôi | |")
    lead = text.find(name, title.end(), title.end() + _LEAD_REACH)
    while lead >= 0 and not P.BIOGRAPHY_LEAD.match(text, lead + len(name)):
        lead = text.find(name, lead + len(name), title.end() + _LEAD_REACH)
    if lead < 0 and not (len(words) >= 2 and _lead_in_full(text, words, title.end())):
        return None
    return NameMention(title.start("name"), title.end("name"), name, cued=True)


def _lead_in_full(text: str, words: list[str], start: int) -> bool:
    """Does a biography's lead name its subject in full around the title's words, as foreign
    leads do ("# Bettino Craxi" over "Benedetto "Bettino" Craxi (tiếng Ý: ...; 24 tháng 2 năm 1934")?"""
    last = text.find(words[-1], start, start + _LEAD_REACH)
    while last >= 0:
        end = last + len(words[-1])
        if words[0] in text[max(start, last - 40) : last] and P.BIOGRAPHY_LEAD.match(text, end):
            return True
        last = text.find(words[-1], end, start + _LEAD_REACH)
    return False


#: How far after a biography's title its lead may open (a long infobox may come first).
_LEAD_REACH = 6000


def _repeated_mentions(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """A name found once is a name wherever else it is written, even inside a longer
    capitalised run ("Trưởng ban Chỉ đạo Tây Nam Bộ Vương Đình Huệ")."""
    covered = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in covered]
    names = {m.name for m in mentions if not m.byline}
    if not names:
        return []
    pattern = P.any_of_names(names)
    extra = []
    for m in pattern.finditer(text):
        i = bisect.bisect_left(starts, m.end())
        if i and covered[i - 1][1] > m.start():
            continue
        extra.append(NameMention(m.start(), m.end(), m.group(), cued=_is_cued(text, m.start())))
    return extra


def _drop_place_names(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """Drop a name the text also uses as a place ("xã Hồ Thị Kỷ") unless a title names a person by it."""
    used_as_place: set[str] = set()
    for m in P.PLACE_THEN_RUN.finditer(text):
        words = m.group("run").split(" ")
        used_as_place.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
    places = {m.name for m in mentions} & used_as_place
    if not places:
        return mentions
    cued = {m.name for m in mentions if m.name in places and m.cued and not _place_before(text, m.start)}
    return [m for m in mentions if m.name not in places or m.name in cued]


def _drop_streets(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """Drop a name the text also writes as a street in an address, after a house number and
    before a ward or a district ("43 Nguyễn Thông, P. Võ Thị Sáu"), unless the text shows it as a
    person somewhere: a title or cue before it, a year or a post after it ("Nhà thơ Tố Hữu (1920-2002)")."""
    names = {m.name for m in mentions if not m.byline}
    if not names:
        return mentions
    streets = {
        m.group()
        for m in P.any_of_names(names).finditer(text)
        if P.HOUSE_NUMBER_BEFORE.search(text, max(0, m.start() - 10), m.start())
        and P.ADDRESS_AFTER.match(text, m.end())
    }
    people = {
        m.name
        for m in mentions
        if m.name in streets and (m.cued or _person_follows(text, m.end + text.startswith("\n", m.end)))
    }  # "Nhà thơ Tố Hữu\n(1920-2002)": a table cell broken before the years
    return [m for m in mentions if m.name not in streets or m.name in people]


def _names_a_body(text: str, start: int) -> bool:
    """Does the name at ``start`` end the name of a body named after a person ("Học viện
    Chính trị quốc gia Hồ Chí Minh", "Trường Nguyễn Ái Quốc")?"""
    left_start = max(0, start - 60, text.rfind("\n", 0, start) + 1)
    heads = list(P.NAMED_AFTER_HEAD.finditer(text, left_start, start))
    if not heads:
        return False
    between = text[heads[-1].end() : start]
    # only the body's own words between its head and the name: no verb, no punctuation
    return not between.strip() or bool(P.BODY_WORDS_ONLY.fullmatch(between))


def _unglued(group: list[tuple[int, int, str]], cued: bool = False) -> list[tuple[int, int, str]] | None:
    """The name with a glued tail cut off its last syllable ("Minhđã" -> "Minh", "Trânb" ->
    "Trân"); None when a syllable is not Vietnamese and cannot be cut so. A family name of the
    Central Highlands ("Ksor", "Rơ Mah") is a syllable as written, and so is every syllable of a
    name after a cue ("ông Y Ngông Niê Kđăm")."""
    *head, (a, b, last) = group
    if any(not P.VIET_SYLLABLE.fullmatch(s[2]) and s[2] not in _FAMILY and not cued for s in head):
        return None
    if P.VIET_SYLLABLE.fullmatch(last):
        return group
    cut = _glued_word_at(last) or next(
        (c for c in range(len(last) - 1, 0, -1) if P.VIET_SYLLABLE.fullmatch(last[:c]) and last[c:].islower()), None
    )  # a glued word ("Hảitừ" -> "Hải", not "Hảit"), else a glued letter ("Trânb")
    if cut is not None:
        return [*head, (a, a + cut, last[:cut])]
    return group if cued and last[1:].islower() else None


def _glued_word_at(syllable: str) -> int | None:
    """Where a lower-case word glued to a name's syllable starts ("Trọngtừ" -> 5), or None."""
    for cut in range(len(syllable) - 2, 0, -1):
        tail = syllable[cut:]
        if tail in _GLUED_WORDS and P.VIET_SYLLABLE.fullmatch(syllable[:cut]):
            return cut
    return None


def _before_glued_word(syllables: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A run cut before the first word glued to one of its syllables: "Trương Vĩnh Trọngtừ Bến
    Tre" (a scraped table cell) is the name "Trương Vĩnh Trọng" and a place, not one five-syllable run."""
    for i, (start, _, syllable) in enumerate(syllables):
        cut = None if P.VIET_SYLLABLE.fullmatch(syllable) else _glued_word_at(syllable)
        if cut is not None:
            return [*syllables[:i], (start, start + cut, syllable[:cut])]
    return syllables


def _drop_listed_places(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """Drop the names listed after a place word and a colon ("10 tổ dân phố: Ngô Gia Tự, Quang
    Trung"): streets and wards named after people are places. A cued name stays."""
    kept = []
    for m in mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        colon = text.rfind(":", line_start, m.start)
        if (
            not m.cued
            and colon >= 0
            and P.PLACE_LIST_OPENER.search(text, max(line_start, colon - 60), colon + 1)
            and P.PLACE_LIST_GAP.fullmatch(text, colon + 1, m.start)
        ):
            continue
        kept.append(m)
    return kept


def _drop_administrative_units(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """Drop a two-syllable name that is a province or a ward ("Vũ Ninh", "Hồ Nam") unless the
    text shows it as a person somewhere: a title or cue before it, a year or a post after it."""
    units = administrative_units()
    suspects = {m.name for m in mentions if not m.byline and m.name.count(" ") == 1 and name_key(m.name) in units}
    if not suspects:
        return mentions
    people = {m.name for m in mentions if m.name in suspects and (m.cued or _person_follows(text, m.end))}
    return [m for m in mentions if m.name not in suspects or m.name in people]


def _person_follows(text: str, end: int) -> bool:
    """A year in brackets or a post right after a name: "Lê Lợi (1385-1433)", "Phan Tâm, Thứ trưởng"."""
    if P.YEAR_IN_BRACKETS.match(text, end):
        return True
    sep = P.AFTER_NAME.match(text, end)
    return bool(sep and sep.group().strip() and P.TITLE.match(text, sep.end()))


def _place_before(text: str, start: int) -> bool:
    return bool(P.NOT_PERSON_BEFORE.search(text[max(0, start - 40) : start]))


def _bylines(text: str) -> list[NameMention]:
    """Names alone on a line in capitals ("HOÀNG BIÊN"), title-cased."""
    found = []
    for m in P.ALL_CAPS_NAME_LINE.finditer(text):
        words = [w.capitalize() for w in m.group("name").split()]
        if words[0] not in _FAMILY:
            continue
        ok, _ = _acceptable(words, text, m.start("name"), True)
        if ok:
            found.append(NameMention(m.start("name"), m.end("name"), " ".join(words), byline=True))
    return found
