"""People named in a text and the posts they hold.

``find_people(text)`` returns one :class:`Person` per real person, every
mention merged, each with the posts the text gives them. It runs in three
stages, each a plain function:

1. :func:`extractors.names.find_name_mentions` — capitalised runs that are personal names
   (family name + 1-3 syllables, or any 2-4 syllables after "đồng chí",
   "ông", "bà"), bylines in capitals, minus places, bodies, streets and
   placeholders;
2. :func:`find_post_spans` — every title in the text ("Phó Bí thư Thường
   trực", "Thứ trưởng") with the body that follows it;
3. :func:`link_posts` — posts given to names: name then posts, posts then
   name, a shared post over a list, a signature block.

Organizations in posts are then made concrete where the text allows
(:func:`resolve_organizations`): "Bí thư Huyện ủy" in an article about Thạch
Thất becomes "Huyện ủy Thạch Thất".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.learned.linear import LinearModel
from extractors.learned.post_decision import attach_posts
from extractors.models import Person, Post, Signer
from extractors.names import NameMention, find_name_mentions, name_key
from extractors.organizations import body_extent, canonical_body, is_bare_head, owned_title, tidy
from extractors.patterns import people as P
from extractors.places import province_names
from extractors.post_times import post_time

# Title words that, inside a title, are really the head of the body ("Trưởng
# Ban" + "Tổ chức Trung ương" = "Trưởng" of "Ban Tổ chức Trung ương").
_TITLE_TAIL_HEADS = ("Ban", "Đoàn", "Văn phòng", "phòng")


@dataclass(frozen=True)
class PostSpan:
    """A title with its body, as written at ``start``..``end``."""

    start: int
    end: int
    title: str  # canonical title ("Phó Trưởng Ban", "nguyên Chính ủy")
    organization: str | None  # canonical body, abbreviations expanded
    org_start: int | None = None
    capitalised: bool = True  # "phó chủ nhiệm" is only trusted right after a name


@dataclass
class _PersonDraft:
    name: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    posts: list[PostSpan] = field(default_factory=list)


# --------------------------------------------------------------------------
# 2. Posts
# --------------------------------------------------------------------------


def _canonical_title(m: re.Match[str]) -> str:
    entry = P.title_entry(m.group("title"))
    written = tidy(m.group("title"))
    if entry is not None:
        base = entry["title"]
        deputy_written = written.casefold().startswith(("phó ", "p. "))
        written = ("Phó " + base) if deputy_written and not base.startswith("Phó") else base
        if entry.get("expands"):
            deputy = written.startswith("Phó ") and not entry["title"].startswith("Phó")
            written = ("Phó " if deputy else "") + entry["expands"]
    if m.group("qualifier"):
        qualifier = tidy(m.group("qualifier"))
        # "Phó Bí thư Thường trực", but "Phó Tư lệnh về chính trị", "Đại sứ đặc mệnh toàn quyền"
        capitalised = qualifier.casefold() in ("thường trực", "phụ trách")
        written += " " + (qualifier.capitalize() if capitalised else qualifier)
    if m.group("acting"):
        written = "Quyền " + written
    if m.group("former"):
        written = "nguyên " + written
    return written


_NOT_BODIES = frozenset(w.casefold() for w in P.BODIES["not_bodies"])


def _usable_body(org: str | None) -> str | None:
    """The body written after a title, or None for words that name none: a year ("Phó Chính
    ủy 2006"), lower-case words that open no body ("Tư lệnh đầu tiên"), a field of work ("Phó
    Tư lệnh Chính trị"). Leading words that are not the body are dropped ("Chủ tịch đầu tiên
    của Hội ...", "Trung đội trưởng thuộc Tiểu đoàn 56"); a numbered army unit may be written in
    lower case ("Tiểu đoàn trưởng tiểu đoàn 766")."""
    lead = P.BEFORE_BODY.match(org) if org else None
    if org and lead:
        org = org[lead.end() :]
    if not org:
        return None
    if org[0].isdigit() or org.casefold() in _NOT_BODIES or P.RANK.match(org):  # "Tư lệnh - Chuẩn tướng X"
        return None
    if org[0].islower() and not (
        P.BODY_HEAD_ANY_CASE.match(org)
        or P.LOWER_BODY_HEAD.match(" " + org)
        or P.LEVEL_PLACE.match(org)
        or P.NUMBERED_UNIT.match(org)
    ):
        return None  # "tỉnh Thanh Hóa" (a deputy's constituency) and "trung ương Đảng" are kept
    return org


def _split_title_and_body(title: str, organization: str | None) -> tuple[str, str | None]:
    """Move a body head out of the title: ("Trưởng Ban", "Tổ chức TW") -> ("Trưởng", "Ban Tổ chức TW")."""
    if title.startswith("nguyên "):
        inner, body = _split_title_and_body(title[len("nguyên ") :], organization)
        return "nguyên " + inner, body
    if organization:
        for head in _TITLE_TAIL_HEADS:
            if title.casefold().endswith(" " + head.casefold()) and not title.casefold().endswith(" thường trực"):
                return title[: -len(head) - 1], head[0].upper() + head[1:] + " " + organization
        if title == "Ủy viên Ban Thường vụ" or title == "Ủy viên Ban Chấp hành":
            return "Ủy viên", title[len("Ủy viên ") :] + " " + organization
    elif title in ("Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành"):
        return "Ủy viên", title[len("Ủy viên ") :]
    return title, organization


#: Lower-case words that make a title with a capitalised title after them only by the case-blind
#: match ("chuyển thành Uỷ viên", "chức vụ Phó Chủ tịch", "tỉnh Ủy viên"): the sentence's words.
_SENTENCE_WORDS_BEFORE_TITLE = frozenset({"thành", "tỉnh", "huyện", "quận", "thị", "đảng", "khu", "xứ", "vụ"})


def _title_matches(text: str) -> Iterator[re.Match[str]]:
    """Every title of ``text``; a title matched from a lower-case level word before a capital is
    read again from the capital, the word being the sentence's ("chuyển thành Uỷ viên chính thức"
    is "Uỷ viên", not "Thành ủy viên"; "chức vụ Phó Chủ tịch" is "Phó Chủ tịch", not "Vụ phó"),
    the first reading kept when the capital opens no title."""
    pos = 0
    while (m := P.TITLE.search(text, pos)) is not None:
        words = m.group("title").split(" ")
        if len(words) >= 2 and words[0] in _SENTENCE_WORDS_BEFORE_TITLE and words[1][:1].isupper():
            m = P.TITLE.match(text, m.start("title") + len(words[0]) + 1) or m
        yield m
        pos = m.end()


def find_post_spans(text: str, name_starts: frozenset[int] = frozenset()) -> list[PostSpan]:
    """Every title written in ``text`` with the body that follows it."""
    posts: list[PostSpan] = []
    members_of_page: bool | None = None  # a bare "Ủy viên" is a member of the committee a page is about
    for m in _title_matches(text):
        if owned_title(text, m, name_starts):
            continue  # "Phủ Thủ tướng", "Hội đồng Bộ trưởng": part of a body's name
        title_text = m.group("title")
        capitalised = bool(m.group("former") or title_text[0].isupper())
        entry = P.title_entry(title_text) or {}
        ends_with_head = title_text.casefold().endswith(tuple(" " + h.casefold() for h in _TITLE_TAIL_HEADS))
        qualifier = P.QUALIFIER_AFTER_TITLE.match(text, m.end())  # "Ủy viên chính thức Bộ Chính trị"
        body_start = qualifier.end() if qualifier else m.end()
        lower_head = P.LOWER_BODY_HEAD.match(text, body_start)  # "Bí thư xứ ủy Nam Bộ"
        if lower_head:
            end = body_extent(text, lower_head.end(), name_starts)
        else:
            end = body_extent(text, body_start, name_starts, after_head=ends_with_head)
        unit_after = (
            P.UNIT_AFTER_COMMA.match(text, end) if end == body_start and entry.get("kind") == "military" else None
        )
        if unit_after:  # "Phó Tiểu đoàn trưởng về Chính trị, Tiểu đoàn 40": a CV line's body after a comma
            body_start = unit_after.end()
            end = body_extent(text, body_start, name_starts)
        central = P.CENTRAL_ORGAN_AFTER.match(text, end) if end > body_start else None
        if central:  # "Trưởng ban Tuyên giáo, Trung ương Hội ..."
            end = body_extent(text, central.end() + len("Trung ương"), name_starts)
        end = _with_parent_unit(text, body_start, end, name_starts)
        quoted = P.QUOTED_PRESS_NAME.match(text, end) if P.PRESS_HEAD_END.search(text, body_start, end) else None
        if quoted:  # 'Thư ký Tạp chí "Sinh hoạt nội bộ"': the press body's name is quoted
            end = quoted.end()
        abroad = P.ABROAD_AT.match(text, end) if entry.get("abroad") else None
        if abroad:  # "Đại sứ Việt Nam tại Liên Xô"
            end = body_extent(text, abroad.end(), name_starts)
        org_written = text[body_start:end].strip() or None
        title = _canonical_title(m)
        org = canonical_body(org_written) if org_written else None
        if org is None and posts and _shares_body(text, posts[-1], title, m.start()):
            org = posts[-1].organization  # "Chủ tịch UBHC tỉnh, Phó Chủ tịch A, Ủy viên Thường trực B"
        elif entry.get("needs_org") and not org_written:
            if members_of_page is None:
                subject = document_subject(text)
                members_of_page = subject is not None and _title_of_subject("Ủy viên", subject)
            if not (members_of_page and capitalised and _bare_title(title) == "ủy viên"):
                continue
        title, org = _split_title_and_body(title, org)
        org = _usable_body(org)
        posts.append(PostSpan(m.start(), end, title, org or None, body_start if org_written else None, capitalised))
    return posts


def _with_parent_unit(text: str, body_start: int, end: int, name_starts: frozenset[int]) -> int:
    """The end of a unit's name with the larger body it belongs to, when one follows after a
    comma ("Cục trưởng Cục Quản lý hành chính, Bộ Tổng Tham mưu"); else ``end``."""
    written = text[body_start:end].strip()
    comma = P.PARENT_UNIT_AFTER.match(text, end) if written and P.SUB_UNIT.match(written) else None
    if comma is None:
        return end
    parent_end = body_extent(text, comma.end(), name_starts)
    if parent_end <= comma.end() + 1 or not P.PARENT_UNIT_END.match(text, parent_end):
        return end
    return parent_end


def _shares_body(text: str, previous: PostSpan, title: str, start: int) -> bool:
    """Is the title at ``start``, written without a body, one more post of the body of the post
    before it in an enumeration? Its deputy ("Chủ tịch X, Phó Chủ tịch A") or, after a name, a
    member ("Phó Chủ tịch A, Ủy viên Thường trực B")."""
    if not previous.organization:
        return False
    gap = P.ENUMERATION_GAP.fullmatch(text[previous.end : start])
    if not gap:
        return False
    bare = _bare_title(title)
    if title.startswith("Phó ") and bare == _bare_title(previous.title):
        return True
    return bare == "ủy viên" and bool(gap.group("name"))


# --------------------------------------------------------------------------
# 3. Linking
# --------------------------------------------------------------------------


def _posts_before(text: str, mention: NameMention, by_end: dict[int, PostSpan]) -> list[PostSpan]:
    """Posts written right before a name: "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn X"."""
    pos = mention.start
    left = text[max(0, pos - 40) : pos]
    cue = P.CUE_BEFORE_NAME.search(left)
    for m in P.RANK.finditer(left):
        if m.end() == len(left.rstrip(" ")):
            pos = pos - len(left) + m.start()
            break
    else:
        if cue:
            pos = pos - len(left) + cue.start()
    while pos > 0 and text[pos - 1] == " ":
        pos -= 1
    chain: list[PostSpan] = []
    post = by_end.get(pos)
    while post is not None:
        if chain and _bare_title(post.title) == _bare_title(chain[-1].title):
            break  # "Chủ tịch X, Phó Chủ tịch A": the earlier post is someone else's
        chain.append(post)
        pos = post.start
        gap = P.GAP_BEFORE_POST.search(text[max(0, pos - 8) : pos])
        gap_text = gap.group() if gap else ""
        pos -= len(gap_text)
        post = by_end.get(pos) if gap_text else None
    return list(reversed(chain))


def _posts_after(text: str, mention: NameMention, by_start: dict[int, PostSpan], claimed: set[int]) -> list[PostSpan]:
    """Posts written after a name: "Phan Tâm, Phó Bí thư ..., Thứ trưởng ..."."""
    pos = mention.end
    y = P.YEAR_IN_BRACKETS.match(text, pos)
    if y:
        pos = y.end()
    aside = P.ASIDE_AFTER_NAME.match(text, pos)
    while aside:  # "(hay Đoàn Kim Bình)", "; sinh ngày 8/2/1924"
        pos = aside.end()
        aside = P.ASIDE_AFTER_NAME.match(text, pos)
    if pos > mention.end and text.startswith(";", pos):
        pos += 1
        while text.startswith(" ", pos):
            pos += 1
    chain: list[PostSpan] = []
    career = P.CAREER_AFTER_NAME.match(text, pos)
    if career and P.KIN_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        career = None  # "Con trai ông X trở thành ...": the son's post, not X's
    if (
        career
        and P.BARE_LAM.fullmatch(text, pos, career.end())
        and not P.LEADER_BEFORE_NAME.search(text, max(0, mention.start - 40), mention.start)
    ):
        career = None  # "làm" makes a holder only after "do / cử / bầu A" ("của A làm ... hài lòng": no)
    if career:  # "được bổ nhiệm giữ chức Thứ trưởng ...": the post may be written in lower case
        post = by_start.get(career.end())
        written = text[post.start : post.end] if post is not None else ""
        if post is not None and post.start not in claimed and (post.organization or written != written.lower()):
            chain.append(post)
            pos = post.end
    separator = P.BETWEEN_POSTS if chain else P.AFTER_NAME
    while True:
        rank_seen = False
        while True:  # ranks ("Thiếu tướng (2010)") may stand between posts
            r = P.RANK_PIECE.match(text, pos)
            if not r or r.end() == pos:
                break
            pos = r.end()
            rank_seen = True
        s = separator.match(text, pos) or (P.BETWEEN_POSTS.match(text, pos) if rank_seen else None)
        nxt = s.end() if s else pos
        post = by_start.get(nxt)
        if post is None:
            # a rank right after the separator, then the post
            r = P.RANK_PIECE.match(text, nxt)
            if r and r.end() > nxt:
                s2 = P.BETWEEN_POSTS.match(text, r.end())
                post = by_start.get(s2.end() if s2 else r.end())
        if post is None or post.start in claimed:
            break
        if not post.capitalised and not chain and not (post.organization and s and s.group() == " "):
            break  # a first post in lower case only right after the name, with its body
        if chain and s and _shares_next_body(chain[-1], post, s.group()):
            prev = chain[-1]
            chain[-1] = PostSpan(prev.start, prev.end, prev.title, post.organization, prev.org_start, prev.capitalised)
        chain.append(post)
        pos = post.end
        skip = P.SKIP_AFTER_POST.match(text, pos)
        if skip:
            pos = skip.end()
        separator = P.BETWEEN_POSTS
    return chain


def _shares_next_body(previous: PostSpan, post: PostSpan, joint: str) -> bool:
    """Does ``previous``, written without a body, hold the body of the next ``post``? Joined
    by "kiêm" unless the earlier title names a post by itself ("nguyên Phó Tư lệnh kiêm Tham mưu
    trưởng Quân đoàn 2", not "Phó Thủ tướng kiêm Bộ trưởng Bộ Quốc phòng"), by "rồi" or a dash
    when both titles are also of one kind ("Đại đội phó rồi Đại đội trưởng Đại đội 107", not "Phó
    Bí thư - Chủ tịch UBND tỉnh"); joined by a comma when both are army command
    titles ("Phó Tư lệnh, Tham mưu trưởng Binh đoàn 15") or the deputy and the head of one office
    ("Phó Chủ tịch, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh")."""
    if previous.organization is not None or not post.organization:
        return False
    before = P.title_entry(_bare_title(previous.title)) or {}
    after = P.title_entry(_bare_title(post.title)) or {}
    if _bare_title(previous.title) == "bộ trưởng" and _bare_title(post.title) == "chủ nhiệm" and "-" in joint:
        return True  # "Bộ trưởng - Chủ nhiệm Ủy ban Dân tộc": the minister who chairs a ministry-level body
    if "kiêm" in joint:
        return not before.get("standalone")
    if any(word in joint for word in ("rồi", "sau đó", "-")):  # one office after another: of one kind
        return not before.get("standalone") and before.get("kind") == after.get("kind")
    same_office = _bare_title(previous.title) == _bare_title(post.title) and not before.get("standalone")
    # "Phó Phòng, Trưởng Phòng Tuyên huấn": the deputy and the head of the unit the head's body names
    head_of_unit = (
        post.title == "Trưởng" and previous.title.casefold() == "phó " + post.organization.split()[0].casefold()
    )
    return "," in joint and (same_office or head_of_unit or before.get("kind") == after.get("kind") == "military")


def _shared_list_posts(text: str, posts: list[PostSpan], mentions: list[NameMention]) -> dict[int, list[PostSpan]]:
    """A post before a colon shared by the people listed after it (by mention start)."""
    shared: dict[int, list[PostSpan]] = {}
    starts = {m.start: m for m in mentions}
    for post in posts:
        colon = P.LIST_COLON.match(text, post.end)
        if not colon or ":" not in colon.group():
            continue
        if text.startswith("\n", colon.end()):
            if not P.LINE_OPENS_WITH_TITLE.fullmatch(text, text.rfind("\n", 0, post.start) + 1, post.start):
                continue  # "Ý kiến kết luận của Chủ tịch UBND tỉnh:" over its items: no roster
            items_start = colon.end()
            while text.startswith("\n", items_start):
                items_start += 1  # the list may start after a blank line
            for start in _item_holders(text, items_start, mentions, posts):
                shared.setdefault(start, []).append(post)
            continue
        end_m = P.LIST_END.search(text, colon.end())
        list_end = end_m.start() if end_m else len(text)
        item_start = colon.end()
        for piece in text[colon.end() : list_end].split(";"):
            lead = P.LIST_ITEM_LEAD.match(text, item_start)
            first = starts.get(lead.end()) if lead else None
            if first is not None:
                shared.setdefault(first.start, []).append(post)
                # names listed with commas only: "A, B và C"
                pos = first.end
                while True:
                    sep = P.NAME_LIST_SEPARATOR.match(text, pos)
                    nxt = starts.get(sep.end()) if sep else None
                    if nxt is None:
                        break
                    shared.setdefault(nxt.start, []).append(post)
                    pos = nxt.end
            item_start += len(piece) + 1
    return shared


def _first_mention_in(mentions: list[NameMention], starts: list[int], start: int, end: int) -> NameMention | None:
    """The first of ``mentions`` (in text order, ``starts`` their starts) that starts in ``start..end``."""
    i = bisect_left(starts, start)
    return mentions[i] if i < len(mentions) and mentions[i].start < end else None


#: How far into a list item its holder's name may start ("- Đạo diễn, NSƯT A").
_ITEM_NAME_REACH = 30


def _item_holders(text: str, start: int, mentions: list[NameMention], posts: list[PostSpan]) -> list[int]:
    """The starts of the names that open the list items from ``start`` on, one per line, under a
    post that ends its line with a colon ("Phó Chủ tịch:" then "- Diễn viên, NSƯT A", "- B"); the
    list ends at the first line that is not an item or whose item holds a post before its name; an
    item whose name was not read is passed over."""
    holders = []
    starts = [m.start for m in mentions]
    pos = start
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        opener = P.LIST_ITEM_OPENER.match(text, pos, line_end)
        if opener is None:
            break
        first = _first_mention_in(mentions, starts, pos, line_end)
        if first is not None and any(opener.end() <= p.start < first.start for p in posts):
            break  # an item with its own post opens another list
        if first is not None and first.start <= opener.end() + _ITEM_NAME_REACH:
            holders.append(first.start)
        pos = line_end + 1
    return holders


def _signature_posts(text: str, mentions: list[NameMention]) -> dict[int, list[PostSpan]]:
    """The signer's post in a signature block ("K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN / Ngô Đông Hải")."""
    found: dict[int, list[PostSpan]] = {}
    block_end = -1
    issuer = document_issuer(text)
    for opener in P.SIGNATURE_OPENER.finditer(text):
        line_start = opener.start()
        if line_start < block_end:
            continue  # "KT. CHỦ TỊCH" inside the block "TM. ỦY BAN NHÂN DÂN" opened
        block_end = line_start + 300
        last_title = None
        body = None
        head: tuple[str, str] | None = None  # "KT. TRƯỞNG BAN CHÍNH SÁCH, / THUẾ QUỐC TẾ": (title, body)
        lines_seen = 0
        for line in P.LINE.finditer(text[line_start : line_start + 300]):
            if not line.group().strip():
                continue
            lines_seen += 1
            if lines_seen > 6:
                break
            a, b = line_start + line.start(), line_start + line.end()
            if P.UPPER_LINE.match(line.group()):
                stripped = line.group().strip(" *_")
                on_behalf = P.ON_BEHALF_OF.match(stripped)
                if on_behalf and not P.TITLE.fullmatch(on_behalf.group(1)):
                    body = on_behalf.group(1).capitalize()
                elif body and not on_behalf and not P.TITLE.fullmatch(stripped) and not stripped.startswith(("K", "Q")):
                    body = f"{body} {stripped.lower()}"  # "TM. ỦY BAN NHÂN / DÂN" broken over two lines
                unmarked = P.SIGNATURE_MARK.sub("", stripped)
                t = P.TITLE.fullmatch(unmarked)
                if t:
                    off = a + line.group().index(stripped)
                    org = _signature_body(body, issuer)
                    if head and _bare_title(_canonical_title(t)) == _bare_title(head[0]) and head[1]:
                        org = canonical_body(head[1])  # the deputy of the head named with its body
                    title, org = _split_title_and_body(_canonical_title(t), org)
                    last_title = PostSpan(off, off + len(stripped), title, org)
                elif unmarked != stripped and (kt := P.TITLE.match(unmarked)):
                    head = (_canonical_title(kt), unmarked[kt.end() :].strip(" ,").capitalize())
                elif head and head[1] and not P.TITLE.match(stripped):
                    head = (head[0], f"{head[1]}, {stripped.strip(' ,').lower()}")
                continue
            person = next((m for m in mentions if a <= m.start < b), None)
            if person is not None and last_title is not None:
                found.setdefault(person.start, []).append(last_title)
            break
    return found


def _signature_body(on_behalf: str | None, issuer: str | None) -> str | None:
    """The body a signer signs for: the "TM." body made concrete with the issuer ("Ban Thường
    vụ" of "Tỉnh ủy Bình Định"), else the issuer itself."""
    if not on_behalf:
        return issuer
    body = canonical_body(on_behalf)
    if issuer and body.casefold() in ("ban thường vụ", "ban chấp hành", "ban thường trực", "thường trực"):
        return f"{body} {issuer}"
    if issuer and issuer.casefold().startswith(body.casefold()):
        return issuer
    return body


def table_rows(text: str) -> list[tuple[int, int]]:
    """Spans of the table rows of a text, a row broken over several lines taken whole.

    A row opens on a line that held a leading "|" (a space once normalized) and a cell
    separator, or right under a row on a line that held a leading "|" and one cell (its empty
    cells merged by normalizing: "| NSND A | ||||" under "| Phó tổng thư ký | B |"); when that line breaks off inside a cell (no closing pipe, so no closing space),
    lines that follow without a leading pipe, or that held only pipes, continue it. A line
    closed by its pipe is a whole row: the line after it, without a leading pipe, is an
    infobox header ("Ủy viên Trung ương Đảng khóa XII | |"), not more of the row; so is a line
    without a cell separator after a broken row's cells were closed.
    """
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    rows: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        one_cell = rows and rows[-1][1] == a - 1 and text.startswith(" ", a) and text[a:b].strip()
        if not (text.startswith(" ", a) and "|" in text[a:b]) and not one_cell:
            i += 1
            continue  # not a row; a row of one cell right under a row goes on the table
        end = b
        i += 1
        while i < len(lines) and not text[a:b].endswith(" "):  # the row's first line left a cell open
            c, d = lines[i]
            piece = text[c:d]
            if not piece or (piece.startswith(" ") and piece.strip()):
                break  # a blank line or the next row
            if text[a:end].endswith(" ") and "|" not in piece:
                break  # once its cells are closed, only more cells go on with the row, not an infobox header
            end = d
            i += 1
        rows.append((a, end))
    return rows


def _table_row_posts(
    text: str, mentions: list[NameMention], posts: list[PostSpan], rows: list[tuple[int, int]]
) -> dict[int, list[PostSpan]]:
    """Posts of office-holders in a table row: the names of the row's one name cell (first or
    second, after a number, or any cell right after a post cell) get the posts that open the row's other cells, each post's body
    running to the end of its cell ("Phó Chủ tịch (3) | A B C", "7 | A | Thứ trưởng Bộ Tài chính"),
    when a post cell stands beside the name cell; a row that opens with a name right under a row
    opened by its post takes that post (a cell spanning rows, dropped by the web page)."""
    found: dict[int, list[PostSpan]] = {}
    # a bare title in a table is a post of the body the text is about; with no such body it
    # tells whom a person served beside (a biography's infobox), not a post of theirs
    bare_titles_allowed = document_subject(text) is not None
    spanned: list[PostSpan] = []  # the posts of the row above when its post cell opened it
    for row_start, row_end in rows:
        above, spanned = spanned, []
        cells = [
            (row_start + c.start(), row_start + c.end())
            for c in P.TABLE_CELL.finditer(text[row_start:row_end])
            if c.group().strip()
        ]
        names = [[m for m in mentions if a <= m.start < b] for a, b in cells]
        name_cells = [i for i, ns in enumerate(names) if ns]
        # the name cell opens the row, or follows its number ("7 | A | ..." or "2 | Bộ trưởng | A")
        numbered = bool(cells) and P.ROW_NUMBER_CELL.fullmatch(text[cells[0][0] : cells[0][1]].strip())
        if len(name_cells) != 1:
            continue
        row_posts, post_cells, roles_only = [], set(), True
        for i, (a, b) in enumerate(cells):
            in_cell = [p for p in posts if a <= p.start < b and p.capitalised]
            opening = a + len(text[a:b]) - len(text[a:b].lstrip(" "))
            if i == name_cells[0] or not in_cell or in_cell[0].start != opening:
                continue  # the name cell, or a cell that is not a post (a date, a note naming one)
            post_cells.add(i)
            roles_only = roles_only and all(p.organization is None for p in in_cell)
            for k, post in enumerate(in_cell):
                until = in_cell[k + 1].start if k + 1 < len(in_cell) else b
                cell_post = _post_with_body_until(text, post, until)
                if cell_post.organization is None:  # "Bộ trưởng - Chủ nhiệm Ủy ban Dân tộc": the next title's body
                    shared = _body_of_next_post(text, cell_post, {q.start: q for q in in_cell})
                    if shared:
                        cell_post = PostSpan(cell_post.start, cell_post.end, cell_post.title, shared, None, True)
                standalone = (P.title_entry(_without_acting(post.title)) or {}).get("standalone")
                if cell_post.organization or bare_titles_allowed or standalone:
                    row_posts.append(cell_post)
        if not post_cells and name_cells[0] == 0 and above:
            # the post cell of the row above spans this row too ("Phó Thủ tướng | A | ..." then
            # "B | ...": the web page dropped the spanned cell, so the name moved to the first)
            row_posts, post_cells = above, {-1}
        if not post_cells & {name_cells[0] - 1, name_cells[0] + 1}:
            continue  # a row of office-holders has the post beside the name (else: a list of terms)
        if name_cells[0] > (2 if numbered else 1) and (name_cells[0] - 1 not in post_cells or not roles_only):
            continue  # a name deep in a row holds the bare title of the cell right before it: a column
            # of roles ("1 | 1969 | Chủ tịch | A"), not a column of posts of others ("Bí thư Tỉnh ủy X | A")
        if post_cells == {0} or post_cells == {-1}:
            spanned = row_posts
        for mention in names[name_cells[0]]:
            if row_posts:
                found[mention.start] = row_posts
    return found


def _title_column_posts(text: str, mentions: list[NameMention], posts: list[PostSpan]) -> dict[int, list[PostSpan]]:
    """Posts of a table whose header has a column of posts followed by a column headed by a bare
    title ("| Tên | Nhiệm kỳ | Chức vụ | Phó Bí thư |"): in each row, the name before the post
    cell holds that post, and the names of the next cell hold the header's title with the body
    of the row's post when it fits ("Bí thư Tỉnh ủy Bắc Giang" -> "Phó Bí thư" of "Tỉnh ủy Bắc
    Giang"); a row holding only a name, right after, is one more holder of the header's title."""
    found: dict[int, list[PostSpan]] = {}
    post_at = {p.start: p for p in posts if p.capitalised}
    starts = [m.start for m in mentions]
    for rule in P.TABLE_RULE_LINE.finditer(text):
        header_start = text.rfind("\n", 0, max(0, rule.start() - 1)) + 1
        header_cells = list(P.TABLE_CELL.finditer(text, header_start, max(header_start, rule.start() - 1)))
        column = _title_column(text, header_cells, post_at)
        if column is None:
            continue
        at, body = rule.end() + 1, None
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if not text[at:end].strip() or text[at:end].lstrip().startswith("#"):
                break
            cells = [c for c in P.TABLE_CELL.finditer(text, at, end) if c.group().strip()]
            named = [mentions[bisect_left(starts, c.start()) : bisect_left(starts, c.end())] for c in cells]
            opening = [post_at.get(c.start() + len(c.group()) - len(c.group().lstrip(" "))) for c in cells]
            k = next((i for i, p in enumerate(opening) if p is not None and not named[i]), None)
            opened = opening[k] if k is not None else None
            if k is not None and opened is not None:
                row_post = _post_with_body_until(text, opened, cells[k].end())
                holder = next((ns for ns in reversed(named[:k]) if ns), [])
                for mention in holder[-1:]:
                    found.setdefault(mention.start, []).append(row_post)
                body = row_post.organization if _fits(column.title, row_post) else None
                deputies = named[k + 1] if k + 1 < len(cells) else []
            else:
                deputies = named[0] if len(cells) == 1 and len(named[0]) == 1 and body is not None else []
            for mention in deputies:
                found.setdefault(mention.start, []).append(
                    PostSpan(column.start, column.end, column.title, body, None, True)
                )
            at = end + 1
    return found


def _title_column(text: str, cells: list[re.Match[str]], post_at: dict[int, PostSpan]) -> PostSpan | None:
    """The bare title heading the column right after a column of posts, if a header has one."""
    for label, cell in zip(cells, cells[1:]):
        if not P.POST_COLUMN_LABEL.fullmatch(label.group()):
            continue
        opening = cell.start() + len(cell.group()) - len(cell.group().lstrip(" "))
        post = post_at.get(opening)
        if post is not None and post.organization is None and P.HEADER_TITLE_TAIL.fullmatch(text, post.end, cell.end()):
            return post
    return None


def _section_holder_posts(text: str, mentions: list[NameMention], posts: list[PostSpan]) -> dict[int, list[PostSpan]]:
    """Posts of office-holders listed under a heading that names the post ("## Cục trưởng qua
    các thời kỳ" then "- 1950-1955: Lê Quang Hòa, Thiếu tướng"): the first name of each list
    item or table row of the section holds it; under a roster of one post in every province
    ("Chỉ huy trưởng Bộ Chỉ huy quân sự các tỉnh ..."), in the province its row names. Only a
    section of such lines counts, so that a biography's heading ("### Trưởng ban Tuyên giáo Trung
    ương") over prose gives nobody it."""
    found: dict[int, list[PostSpan]] = {}
    first_line = P.FIRST_LINE.match(text)
    if first_line and any(m.start == first_line.start("line") and m.end == first_line.end("line") for m in mentions):
        return found  # a biography: its headings are its subject's posts, not lists of holders
    starts = [m.start for m in mentions]
    all_posts = [p for p in posts if p.capitalised]
    post_at = {p.start: p for p in all_posts}
    headings = list(P.SECTION_HEADING.finditer(text))
    for i, heading in enumerate(headings):
        post = post_at.get(heading.end())
        line_end = text.find("\n", heading.end())
        line_end = len(text) if line_end < 0 else line_end
        if post is None or not P.HOLDERS_HEADING_TAIL.fullmatch(text, post.end, line_end):
            continue
        if f"phó {post.title.casefold()}" in text[post.end : line_end].casefold():
            continue  # "### Hiệu trưởng/Phó Hiệu trưởng": the list mixes the head and the deputies
        section_end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
        every_province = bool(P.EVERY_PROVINCE.search(text, post.end, line_end))
        prose, holders = 0, []
        at = line_end + 1
        while at < section_end:
            end = text.find("\n", at, section_end)
            end = section_end if end < 0 else end
            long_line = len(text[at:end].split()) >= _PROSE_WORDS and "|" not in text[at:end]
            if P.HOLDER_LINE.match(text, at) and not (long_line and P.SPACE_OPENED_LINE.match(text, at)):
                row_end = _broken_row_end(text, end, section_end)
                first = bisect_left(starts, at)
                if first < len(mentions) and mentions[first].start < row_end:
                    # the row's own form of the post, if it writes one ("Quyền Bộ trưởng Bộ Y tế", "Tổng
                    # Thanh tra Chính phủ" under "Tổng thanh tra các thời kỳ")
                    own = [
                        q
                        for q in all_posts
                        if mentions[first].end <= q.start < row_end
                        and (q.title != post.title or (q.organization and not post.organization))
                        and _without_acting(q.title) == _without_acting(post.title)
                    ]
                    in_province = _in_province_of_row(text, post, at, mentions[first].start) if every_province else None
                    if not every_province:
                        holders.append((mentions[first], own[:1]))
                    elif in_province is not None:
                        holders.append((mentions[first], [in_province]))
                end = row_end
            elif long_line:
                prose += 1  # a line of prose, indented or not (a table row broken over lines is not)
            at = end + 1
        if holders and len(holders) >= prose:  # mostly a list of holders, not prose
            for mention, own in holders:
                found.setdefault(mention.start, []).extend(own if every_province else [post, *own])
    return found


#: How many cells into a row a holder's name may stand on an office's page ("3 | A | ...").
_HOLDER_CELLS = 3


def _office_page_holder_posts(
    text: str, mentions: list[NameMention], rows: list[tuple[int, int]]
) -> dict[int, list[PostSpan]]:
    """On the page of one office ("# Trưởng Ban Dân vận Trung ương", "# Bộ trưởng Bộ Y tế"), the
    first name of each table row under a heading that lists holders ("## Lãnh đạo qua các thời
    kỳ", "## Danh sách") holds the office; the post stands at the row, so that its term is the
    row's."""
    office = _office_of_page(document_heading(text))
    if office is None:
        return {}
    sections = [
        (m.end(), _section_end(text, m.end()))
        for m in P.OFFICE_HOLDERS_HEADING.finditer(text)
        if not P.TITLE.search(m.group())  # "## Danh sách Thứ trưởng": holders of another office
    ]
    found: dict[int, list[PostSpan]] = {}
    row_end_at = dict(rows)
    starts = [m.start for m in mentions]
    for section_start, section_end in sections:
        current: PostSpan | None = office
        at = text.find("\n", section_start) + 1
        while 0 < at < section_end:
            line_end = text.find("\n", at)
            end = row_end_at.get(at) or (line_end if line_end >= 0 else len(text))
            line = text[at:end]
            cells = list(P.TABLE_CELL.finditer(text, at, end))[:_HOLDER_CELLS] if at in row_end_at else []
            first = _first_mention_in(mentions, starts, at, cells[-1].end()) if cells else None
            if first is not None and current is not None:
                post = PostSpan(at, at, current.title, current.organization, None, True)
                found.setdefault(first.start, []).append(post)
            elif first is None and "|" not in line and P.OFFICE_YEARS_AT_END.search(line):
                current = _office_of_row(line.strip(), office, current)  # a line naming the office anew
            at = end + 1
    return found


def _office_of_row(row: str, office: PostSpan, current: PostSpan | None) -> PostSpan | None:
    """The office a line without a name heads the rows below with, in a list of an office's holders:
    a post it names ("Chủ nhiệm Ủy ban Khoa học - Kỹ thuật Nhà nước (1965-1992)"), the office under
    an earlier name of its body ("Bộ Khoa học, Công nghệ và Môi trường (1992-2002)"), no known office
    under a body of another kind ("Ủy ban Khoa học Nhà nước (1958-1965)"); else the one above."""
    opening = _post_opening(row)
    if opening is not None and opening.organization:
        return opening
    head = P.BODY_HEAD.match(row)
    if head is None or not office.organization:
        return current
    if row.split()[0] != office.organization.split()[0]:
        return None
    name = P.HEADING_NOTE.sub("", row).strip()
    return PostSpan(office.start, office.end, office.title, canonical_body(name), office.org_start, True)


def _section_end(text: str, start: int) -> int:
    """Where the section that starts at ``start`` ends: at the next heading of any level."""
    nxt = P.ANY_HEADING.search(text, start)
    return nxt.start() if nxt else len(text)


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    """Provincial units a roster's row may name, today's and former, case-folded ("hải phòng")."""
    return frozenset(n.written.casefold() for n in province_names())


def _in_province_of_row(text: str, post: PostSpan, row_start: int, name_start: int) -> PostSpan | None:
    """The roster's post in the province a row names before its holder ("01 | Hải Phòng | Bùi
    Xuân Thắng" under "Chỉ huy trưởng Bộ Chỉ huy quân sự các tỉnh ..."); None when the row names
    no province."""
    cells = [c.group().strip() for c in P.TABLE_CELL.finditer(text, row_start, name_start)]
    province = next((c for c in reversed(cells) if c.casefold() in _provinces()), None)
    if province is None:
        return None
    body = f"{post.organization} {province}" if post.organization else province
    return PostSpan(post.start, post.end, post.title, body, post.org_start, post.capitalised)


def _career_list_posts(text: str, mentions: list[NameMention], posts: list[PostSpan]) -> dict[int, list[PostSpan]]:
    """Posts listed one an item under a line that says a person held them ("ông A giữ các chức
    vụ:" then "- Phó Chủ tịch ...", blank lines allowed between items): the name that is the lead
    line's subject, or the page's subject for a pronoun ("Bà giữ các chức vụ:"), holds every post
    of an item that names nobody else."""
    found: dict[int, list[PostSpan]] = {}
    starts = [m.start for m in mentions]
    post_starts = [p.start for p in posts]
    first_line = P.FIRST_LINE.match(text)
    page_subject = next((m for m in mentions if first_line and m.start == first_line.start("line")), None)
    for lead in P.CAREER_LIST_LEAD.finditer(text):
        line_start = text.rfind("\n", 0, lead.start()) + 1
        named = mentions[bisect_left(starts, line_start) : bisect_left(starts, lead.start())]
        if named and P.CAREER_LIST_SUBJECT_GAP.fullmatch(text, named[-1].end, lead.start()):
            holder = named[-1]
        elif page_subject is not None and P.PRONOUN_SUBJECT.search(text, line_start, lead.start()):
            holder = page_subject  # "Bà giữ các chức vụ:" on the page titled with her name
        else:
            continue  # the name is not the verb's subject ("theo đề nghị của ông A, những người ... giữ")
        at = lead.end() + 1
        while at < len(text):
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            if not text[at:end].strip():
                at = end + 1
                continue  # a blank line between items
            if not P.LIST_ITEM_OPENER.match(text, at):
                break
            if bisect_left(starts, at) == bisect_left(starts, end):  # the item names nobody
                found.setdefault(holder.start, []).extend(
                    posts[bisect_left(post_starts, at) : bisect_left(post_starts, end)]
                )
            at = end + 1
    return found


#: Words from which a line under a heading is prose, not a piece of a broken table row.
_PROSE_WORDS = 10


def _broken_row_end(text: str, end: int, limit: int) -> int:
    """The end of a table row of a list of holders that a web page broke over lines ("| I" /
    "(1977-1983) |" / "Hoàng Quốc Việt (1905-1992) |", or "-" / "|" / "GS. Nguyễn Văn Hưởng"):
    the lines that follow it and open no row, item or heading of their own, and end in a
    cell's pipe or are short or blank, are more of it."""
    while end < limit:
        nxt = text.find("\n", end + 1, limit)
        nxt = limit if nxt < 0 else nxt
        line = text[end + 1 : nxt]
        piece = P.ROW_CONTINUATION.fullmatch(line) or (P.ROW_PIECE.fullmatch(line) and len(line.split()) < _PROSE_WORDS)
        if not piece:
            break
        end = nxt
    return end


def _post_with_body_until(text: str, post: PostSpan, until: int) -> PostSpan:
    """The post with its body running to ``until`` (a cell's end), brackets and marks cut."""
    m = P.TITLE.match(text, post.start)
    if m is None:
        return post
    written = P.CELL_BODY_END.sub("", text[m.end() : until]).strip(" ,;")
    if not written or (post.organization and len(written) <= len(text[post.org_start or m.end() : post.end].strip())):
        return post
    title, org = _split_title_and_body(_canonical_title(m), canonical_body(written))
    org = _usable_body(org)
    if org is None:
        return post
    return PostSpan(post.start, m.end() + len(text[m.end() : until].rstrip()), title, org, m.end(), post.capitalised)


def document_issuer(text: str) -> str | None:
    """The body that issues a directive, from its capitalised head ("ỦY BAN NHÂN DÂN / TỈNH
    QUẢNG TRỊ" -> "Ủy ban nhân dân tỉnh Quảng Trị")."""
    m = P.ISSUER_LINES.search(text)
    if not m:
        return None
    body = " ".join(m.group("body").split()).lower().replace("uỷ", "ủy")
    words = body.split(" ")
    if words[-1] != "khối" and words[0] in ("tỉnh", "thành", "huyện", "quận", "thị", "đảng"):
        body = body.capitalize()
        rest = " ".join(m.group("rest").replace("*", " ").replace("_", " ").split())
        if rest and words[0] != "đảng":
            return f"{body} {rest.title()}"
        return body
    body = body.capitalize()
    place = P.ISSUER_PLACE.match(" ".join(m.group("rest").replace("*", " ").replace("_", " ").split()))
    if place:
        return f"{body} {place.group('level').lower()} {place.group('place').strip().title()}"
    return body


def link_posts(
    text: str, mentions: list[NameMention], posts: list[PostSpan], rows: list[tuple[int, int]] | None = None
) -> dict[int, list[PostSpan]]:
    """The posts of each mention (keyed by mention start); ``rows``: the text's table rows, if
    already read (:func:`table_rows`)."""
    rows = table_rows(text) if rows is None else rows
    by_end = {p.end: p for p in posts if p.capitalised}
    by_start = {p.start: p for p in posts}
    linked: dict[int, list[PostSpan]] = {}
    claimed: set[int] = set()
    for mention in mentions:
        before = _posts_before(text, mention, by_end)
        if before:
            linked[mention.start] = before
            claimed.update(p.start for p in before)
    for first, second in zip(mentions, mentions[1:]):
        if (
            linked.get(first.start)
            and second.start not in linked
            and P.AND_BETWEEN_NAMES.fullmatch(text, first.end, second.start)
        ):
            linked[second.start] = list(linked[first.start])  # "Ủy viên Thường trực A và B"
    for mention in mentions:
        after = _posts_after(text, mention, by_start, claimed)
        linked.setdefault(mention.start, []).extend(after)
    for extra in (
        _shared_list_posts(text, posts, mentions),
        _signature_posts(text, mentions),
        _table_row_posts(text, mentions, posts, rows),
        _section_holder_posts(text, mentions, posts),
        _career_list_posts(text, mentions, posts),
        _title_column_posts(text, mentions, posts),
        _office_page_holder_posts(text, mentions, rows),
    ):
        for start, ps in extra.items():
            linked.setdefault(start, []).extend(ps)
    return linked


# --------------------------------------------------------------------------
# Resolving organizations
# --------------------------------------------------------------------------

_LEVEL_OF = {
    "tỉnh ủy": "tỉnh",
    "huyện ủy": "huyện",
    "thành ủy": "thành phố",
    "thị ủy": "thị xã",
    "quận ủy": "quận",
    "tỉnh": "tỉnh",
    "huyện": "huyện",
    "thành phố": "thành phố",
    "quận": "quận",
    "thị xã": "thị xã",
}


def document_places(text: str, person_starts: frozenset[int] = frozenset()) -> dict[str, str]:
    """The place the text is about, per level ("huyện" -> "Thạch Thất")."""
    counts: dict[str, Counter[str]] = {}
    for m in P.LEVEL_PLACE.finditer(text):
        place = m.group("place")
        if P.TITLE.match(place) or P.BODY_HEAD.match(place) or m.start("place") in person_starts:
            continue
        level = _LEVEL_OF.get(tidy(m.group("level")).casefold())
        if level:
            counts.setdefault(level, Counter())[place] += 1
    places = {level: c.most_common(1)[0][0] for level, c in counts.items()}
    unit = _unit_of_page(text)
    if unit:  # a page titled "Quận 3": its own district, whatever else it names most
        level, place = unit
        places[level] = place
    headline = P.HEADLINE_PLACE.search(text[:2000])
    if headline and not P.TITLE.match(headline.group("place")):
        place = headline.group("place")
        lowered = text.casefold()
        for level, word in (("huyện", "huyện ủy"), ("quận", "quận ủy"), ("thị xã", "thị ủy"), ("tỉnh", "tỉnh ủy")):
            if word in lowered and level not in places:
                places[level] = place
                break
    return places


def _unit_of_page(text: str) -> tuple[str, str] | None:
    """(level, place) of a page titled with a local unit: "# Quận 3" -> ("quận", "Quận 3"),
    "# Huyện Thạch Thất" -> ("huyện", "Thạch Thất") (a number keeps its level word)."""
    heading = document_heading(text)
    unit = P.UNIT_HEADING.fullmatch(heading) if heading else None
    if unit is None:
        return None
    level = _LEVEL_OF[tidy(unit.group("level")).casefold()]
    place = unit.group("place")
    return level, (f"{tidy(unit.group('level')).capitalize()} {place}" if place.isdigit() else place)


# Local state bodies written without their unit ("Chủ tịch UBND | A" in a district's infobox).
_LOCAL_BODIES = ("ủy ban nhân dân", "hội đồng nhân dân", "ủy ban mặt trận tổ quốc")


def _concrete(org: str | None, places: dict[str, str]) -> str | None:
    """Add the document's place to a local body written without one."""
    if not org:
        return org
    folded = org.casefold()
    for word, level in (
        ("tỉnh ủy", "tỉnh"),
        ("huyện ủy", "huyện"),
        ("thành ủy", "thành phố"),
        ("quận ủy", "quận"),
        ("thị ủy", "thị xã"),
        ("tỉnh", "tỉnh"),
        ("huyện", "huyện"),
    ):
        if folded.endswith(word) and level in places:
            return f"{org} {places[level]}"
    return org


# Titles that need a body; written alone in a text about one body, they are posts of that body.
_TITLES_OF_SUBJECT = frozenset(t.casefold() for t in P.BODIES["subject_titles_any"])


# Titles a body of a certain kind has, for the page about such a body ("Bộ trưởng" and "Bộ Y tế").
_SUBJECT_TITLES: dict[str, tuple[str, ...]] = {
    title.casefold(): tuple(heads) for title, heads in P.BODIES["subject_titles"].items()
}


def _title_of_subject(title: str, subject: str) -> bool:
    """Is a bare ``title`` a post of the body ``subject`` a page is about?"""
    bare = _bare_title(title)
    if subject.startswith(_SUBJECT_TITLES.get(bare, ())):
        return True
    # a ministry's page: its "Chủ tịch" or "Cục trưởng" are of other bodies
    return bare in _TITLES_OF_SUBJECT and not P.MINISTRY.match(subject)


def document_subject(text: str) -> str | None:
    """The body a text is about, when its first line names one ("# Tổng cục Chính trị, ...",
    "# Binh đoàn 16, Bộ Quốc phòng")."""
    first = P.FIRST_LINE.match(text)
    if not first:
        return None
    start = first.start("line")
    head = P.BODY_HEAD.match(text, start) or P.UNIT_HEAD.match(text, start)
    if not head or P.TITLE.match(text, start):  # "Bộ trưởng Trần Văn Khoa ...": a post, not a body
        return None
    end = body_extent(text, head.end())
    return canonical_body(text[start:end]) if end > head.end() else None


def _without_acting(title: str) -> str:
    """The title without "Quyền" or "nguyên" ("Quyền Bộ trưởng" -> "bộ trưởng"); a deputy stays one."""
    for prefix in ("nguyên ", "Quyền "):
        title = title.removeprefix(prefix)
    return title.casefold()


def _bare_title(title: str) -> str:
    for prefix in ("nguyên ", "Quyền ", "Phó "):
        if title.startswith(prefix):
            title = title[len(prefix) :]
    return title.replace(" Thường trực", "").casefold()


def document_heading(text: str) -> str | None:
    """The name a page is titled with on its first line, a closing bracketed note cut
    ("# Bảo tàng Lịch sử Quân sự Việt Nam", "# Học viện Quân y (Việt Nam)")."""
    first = P.FIRST_LINE.match(text)
    if not first:
        return None
    line = P.HEADING_NOTE.sub("", first.group("line")).strip()
    return line if 0 < len(line.split()) <= 12 else None


def _unit_in_full(head: str, subject: str | None, heading: str | None) -> str | None:
    """The unit a page is about, for its head written alone: "Phó Giám đốc Bảo tàng" on the page
    "Bảo tàng Lịch sử Quân sự Việt Nam", "Tư lệnh Vùng" in "Bộ Tư lệnh Vùng 5 Hải quân ..."."""
    folded = head.casefold()
    for full in (heading, subject):
        if full and full.casefold().startswith(folded + " "):
            return canonical_body(full)
    at = subject.casefold().find(" " + folded + " ") if subject else -1
    return subject[at + 1 :] if subject and at >= 0 else None


def _with_unit_in_full(post: PostSpan, subject: str | None, heading: str | None) -> PostSpan:
    """``post`` with its bare unit head ("Vùng") written as the unit the page is about, if any;
    "Đảng" alone on the page of a party ("Chủ tịch Đảng" on "# Đảng Công Nông Việt Nam")."""
    if post.organization == "Đảng" and heading and P.PARTY_NAME_HEADING.match(heading):
        return PostSpan(post.start, post.end, post.title, canonical_body(heading), post.org_start)
    if not post.organization or not is_bare_head(post.organization):
        return post
    unit = _unit_in_full(post.organization, subject, heading)
    return PostSpan(post.start, post.end, post.title, unit, post.org_start) if unit else post


def _fits(title: str, header: PostSpan) -> bool:
    """May a bare ``title`` be a post of the body of ``header``: the same title ("Phó Bí thư" under
    "Bí thư Thành ủy Hải Phòng") or one that body's kind has ("Thứ trưởng" under "Bộ trưởng Bộ X")?"""
    bare = _bare_title(title)
    if not header.organization:
        return False
    return bare == _bare_title(header.title) or header.organization.startswith(_SUBJECT_TITLES.get(bare, ()))


def _body_in_context(text: str, post: PostSpan) -> str | None:
    """The body of a title written alone, from where it stands: the infobox header it is a row
    of, else the ministry its sentence or list item is about, else the body its sentence says is
    led by someone in that title."""
    line_start = text.rfind("\n", 0, post.start) + 1
    sentence_start = max(line_start, text.rfind(". ", 0, post.start) + 1)
    return (
        _infobox_header_body(text, post, line_start)
        or _ministry_of_sentence(text, post, line_start, sentence_start)
        or _body_led_by(text, post, sentence_start)
    )


#: How many rows of one infobox block a row's header may stand above it.
_INFOBOX_ROWS = 8


def _infobox_header_body(text: str, post: PostSpan, line_start: int) -> str | None:
    """The body of the infobox header a table row sits under, if the row's bare title fits it
    ("Bí thư Thành ủy Hải Phòng | |" over "| Phó Bí thư | Lê Thành Dương |")."""
    if "|" not in text[line_start : post.start + 1] and not text.startswith(" ", line_start):
        return None  # not a table row
    above = line_start - 1
    for _ in range(_INFOBOX_ROWS):
        if above <= 0:
            break
        start = text.rfind("\n", 0, above) + 1
        line = text[start:above]
        if not line.strip():
            break
        header = P.INFOBOX_HEADER.fullmatch(line)
        if header:
            first = _post_opening(header.group("cell"))
            return first.organization if first is not None and _fits(post.title, first) else None
        above = start - 1
    return None


def _ministry_of_sentence(text: str, post: PostSpan, line_start: int, sentence_start: int) -> str | None:
    """For a minister's bare title, the ministry its sentence names before it, or the one a list
    item is about ("Bộ Nội vụ do ... Thứ trưởng Hoàng Hữu Nam", "- Bộ Nội vụ do ... . Thứ trưởng X")."""
    if "Bộ " not in _SUBJECT_TITLES.get(_bare_title(post.title), ()):
        return None
    named = [m.start() for m in P.MINISTRY.finditer(text, sentence_start, post.start)]
    item = P.ITEM_ABOUT_MINISTRY.match(text, _item_start(text, line_start)) if not named else None
    if item:
        named = [item.start("ministry")]
    if not named:
        return None
    start = named[-1]
    end = body_extent(text, start + len("Bộ"))
    return canonical_body(text[start:end]) if start + len("Bộ") + 1 < end <= post.start else None


def _item_start(text: str, line_start: int) -> int:
    """The start of the list item a line belongs to: the line itself, or for a line that goes on
    the item above it (broken after a footnote mark: "[4]Năm 1947, bác sĩ A được bổ nhiệm ..."),
    the line above."""
    if P.LIST_ITEM_OPENER.match(text, line_start) or line_start == 0:
        return line_start
    above = text.rfind("\n", 0, line_start - 1) + 1
    return above if P.LIST_ITEM_OPENER.match(text, above) and text[above:line_start].strip() else line_start


def _body_led_by(text: str, post: PostSpan, sentence_start: int) -> str | None:
    """The body a sentence says someone leads in a bare title: "Trung tâm Huấn luyện Dục Mỹ do
    Thiếu tá A làm Chỉ huy trưởng" -> "Trung tâm Huấn luyện Dục Mỹ"."""
    lead = P.LED_BY_BEFORE_TITLE.search(text, sentence_start, post.start)
    if lead is None:
        return None
    clause_start = max(sentence_start, text.rfind(",", sentence_start, lead.start()) + 1)
    heads = list(P.LED_BODY_HEAD.finditer(text, clause_start, lead.start()))  # the clause's own body
    if not heads:
        return None
    start = heads[-1].start()
    end = min(body_extent(text, heads[-1].end()), lead.start())
    return canonical_body(text[start:end]) if end > heads[-1].end() else None


@lru_cache(maxsize=256)
def _post_opening(cell: str) -> PostSpan | None:
    """The post a table cell opens with, if any (read once per cell's text)."""
    posts = find_post_spans(cell)
    return posts[0] if posts and posts[0].start == 0 else None


@lru_cache(maxsize=64)
def _office_of_page(heading: str | None) -> PostSpan | None:
    """The post a page is titled with, when it is one post of a named body ("Bộ trưởng Bộ Tài
    nguyên và Môi trường", "Chánh án Tòa án nhân dân tối cao"): a list of its holders."""
    if not heading:
        return None
    posts = find_post_spans(heading)
    if len(posts) != 1 or posts[0].start != 0 or not posts[0].organization or posts[0].end < len(heading.rstrip()):
        return None
    return posts[0]


def _owner_beside(text: str, post: PostSpan, posts: list[PostSpan]) -> str | None:
    """The body of the post written right after ``post`` (else right before it), for a bare
    party committee: "Bí thư Đảng ủy, Tư lệnh Binh đoàn 15" -> "Binh đoàn 15"."""
    owners = [p for p in posts if p.organization and not P.PARTY_LEVEL.match(p.organization)]
    after = [p for p in owners if p.start >= post.end and P.POSTS_SIDE_BY_SIDE.fullmatch(text, post.end, p.start)]
    before = [p for p in owners if p.end <= post.start and P.POSTS_SIDE_BY_SIDE.fullmatch(text, p.end, post.start)]
    beside = after or before
    return beside[0].organization if beside else None


_PARTY_ORGANS = ("ban cán sự đảng", "đảng ủy", "đảng ủy cơ quan", "đảng đoàn")


def resolve_organizations(
    text: str,
    posts: list[PostSpan],
    places: dict[str, str] | None = None,
    subject: str | None = None,
    heading: str | None = None,
) -> list[PostSpan]:
    """Make each post's body concrete: place of a local committee, the unit of a bare party
    committee, ministry of a Ban cán sự Đảng, the text's own subject for a bare "Chủ nhiệm"
    or a bare unit head ("Tư lệnh Vùng") in a text about one body."""
    if places is None:
        places, subject, heading = document_places(text), document_subject(text), document_heading(text)
    office = _office_of_page(heading)
    posts = [_with_unit_in_full(p, subject, heading) for p in posts]  # bare unit heads first: they
    # may own a party committee written beside them
    post_at = {p.start: p for p in posts}
    out = []
    for i, post in enumerate(posts):
        org = _concrete(post.organization, places)
        if (
            org
            and org.casefold().replace("uỷ", "ủy") in _LOCAL_BODIES
            and heading
            and P.UNIT_HEADING.fullmatch(heading)
        ):
            org = f"{org} {heading}"  # "Ủy ban nhân dân" on the page "Quận 3"
        if org is None:
            org = _body_in_context(text, post) or _body_of_next_post(text, post, post_at)
        if org is None and office and _bare_title(post.title) == _bare_title(office.title):
            org = office.organization  # "Bộ trưởng" on the page "Bộ trưởng Bộ Y tế (Việt Nam)"
        if org is None and subject and _title_of_subject(post.title, subject):
            org = subject
        if org and org.casefold().replace("uỷ", "ủy") in _PARTY_ORGANS:
            owner = (
                _owner_beside(text, post, posts)
                or next(
                    (
                        p.organization
                        for p in posts[i + 1 : i + 3]
                        if p.organization and p.organization.startswith(("Bộ ", "Tổng cục ", "Ban "))
                    ),
                    None,
                )
                or subject  # on a unit's page, its own party committee ("Bí thư Đảng ủy" on "# Cục Kỹ thuật")
            )
            if owner:
                org = f"{org} {owner}"
        out.append(PostSpan(post.start, post.end, post.title, org, post.org_start))
    return out


# --------------------------------------------------------------------------
# Public entry point
# --------------------------------------------------------------------------


def _body_of_next_post(text: str, post: PostSpan, post_at: dict[int, PostSpan]) -> str | None:
    """The body of the post written right after a bare ``post`` that shares it ("Tiểu đoàn phó
    rồi Tiểu đoàn trưởng Tiểu đoàn 766"); ``post_at``: the posts by start."""
    joint = P.SHARED_BODY_JOINT.match(text, post.end)
    if joint is None or joint.end() == post.end:
        return None
    nxt = post_at.get(joint.end())
    if nxt is None or not _shares_next_body(post, nxt, joint.group()):
        return None
    return nxt.organization


def _with_signer(mentions: list[NameMention], signer: Signer | None) -> list[NameMention]:
    if signer is None or not signer.name or signer.start is None or signer.end is None:
        return mentions
    if any(m.start < signer.end and signer.start < m.end for m in mentions):
        return mentions
    return sorted([*mentions, NameMention(signer.start, signer.end, signer.name, cued=True)], key=lambda m: m.start)


def _foreign_full_names(mentions: list[NameMention]) -> dict[str, str]:
    """{surname: full name} for foreign names written in full in the text ("Vladimir Putin"), so
    that the surname alone ("Tổng thống Nga Putin") is the same person; ambiguous surnames left out."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.name.split()
        if len(words) >= 2 and not P.VIET_SYLLABLE.fullmatch(words[-1]):
            full.setdefault(name_key(words[-1]), set()).add(name_key(mention.name))
    return {last: next(iter(names)) for last, names in full.items() if len(names) == 1}


def read_posts(
    text: str, signer: Signer | None = None
) -> tuple[list[NameMention], list[PostSpan], dict[int, list[PostSpan]], list[tuple[int, int]]]:
    """What post attachment decides from: the name mentions, the titles (none from a wiki page's
    category list), the rules' links of titles to mentions (by mention start) and the table rows
    of ``text``."""
    mentions = _with_signer(find_name_mentions(text), signer)
    categories = _category_list(text)
    posts = [p for p in find_post_spans(text, frozenset(m.start for m in mentions)) if p.start not in categories]
    rows = table_rows(text)
    return mentions, posts, link_posts(text, mentions, posts, rows), rows


#: How many category items ("Sinh năm 1959", "Nhân vật còn sống") make a list a category list.
_CATEGORY_ITEMS = 2


def _category_list(text: str) -> range:
    """Where a wiki page's category list stands: a run of short list items without a colon or a
    comma holding two category items or more ("- Sinh năm 1959", "- Nhân vật còn sống" ... "- Bí
    thư Tỉnh ủy Việt Nam nhiệm kì 2010-2015"), whose posts are filing labels, not what the text
    says of anyone; empty when there is none."""
    for item in P.CATEGORY_ITEM.finditer(text):
        start = end = item.start()
        while start > 0 and P.CATEGORY_LINE.fullmatch(text, text.rfind("\n", 0, start - 1) + 1, start - 1):
            start = text.rfind("\n", 0, start - 1) + 1
        while end < len(text) and P.CATEGORY_LINE.match(text, end):
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            if not P.CATEGORY_LINE.fullmatch(text, end, line_end):
                break
            end = line_end + 1
        if len(P.CATEGORY_ITEM.findall(text[start:end])) >= _CATEGORY_ITEMS:
            return range(start, end)
    return range(0)


def find_people(
    text: str, signer: Signer | None = None, posts_mode: str = "hybrid", posts_model: LinearModel | None = None
) -> list[Person]:
    """Every person named in ``text``: mentions merged, posts linked and resolved.

    ``signer``: a directive's signer as its signature block gives it; the signer is a
    person even when the name is also a place ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Mai Sơn").
    ``posts_mode``: who links titles to names: ``hybrid`` (the default), the rules and the learned
    attachment (``extractors.learned.post_decision``) with ``posts_model`` or the packaged model
    (see ``extractors/learned/posts.card.md``), or ``rules`` alone: fewer posts, more precise.
    """
    mentions, posts, ruled, rows = read_posts(text, signer)
    if not mentions:
        return []
    name_starts = frozenset(m.start for m in mentions)
    linked = attach_posts(text, mentions, posts, ruled, rows, posts_mode, posts_model)
    drafts: dict[str, _PersonDraft] = {}
    full_names = _foreign_full_names(mentions)
    for mention in mentions:
        own = name_key(mention.name)
        key = full_names.get(own, own)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _PersonDraft(mention.name)
        elif draft.name.isupper() or (own == key != name_key(draft.name)):  # "Putin", then "Vladimir Putin"
            draft.name = mention.name
        draft.mentions.append((mention.start, mention.end))
        draft.posts.extend(linked.get(mention.start, []))
    people = []
    places, subject, heading = document_places(text, name_starts), document_subject(text), document_heading(text)
    for draft in drafts.values():
        longest: dict[int, PostSpan] = {}
        for p in draft.posts:  # one title written once: the reading with the longest body
            if p.start not in longest or p.end > longest[p.start].end:
                longest[p.start] = p
        kept_posts = [p for p in draft.posts if longest[p.start] is p]
        resolved = resolve_organizations(text, kept_posts, places, subject, heading)
        unique: dict[tuple[str, str], Post] = {}
        for p in resolved:
            k = (name_key(p.title), name_key(p.organization or ""))
            if k not in unique:
                when = post_time(text, p.start, p.end, p.title)
                unique[k] = Post(p.title, p.organization, p.start, p.end, when.since, when.until, when.former)
        with_body = {title for title, org in unique if org}
        kept = [post for (title, org), post in unique.items() if org or title not in with_body]
        people.append(Person(draft.name, tuple(draft.mentions), tuple(kept)))
    return people
