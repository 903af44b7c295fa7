"""Candidate (holder, post) pairs for the learned post attachment, and their features.

Every title the people extractor reads (``extractors.people.find_post_spans``) is paired with
the names that could hold it: the nearest names before and after it in its sentence, the names
of its table row, the page's own subject when a pronoun ("ông", "bà", "đồng chí") stands for
them, and whoever the rules gave it to. The features say how the two stand to each other:
distance, names and punctuation between, the words between and before, career verbs, the
title itself, and the rules' verdict.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from extractors.learned.features import bucket
from extractors.patterns import learned as P

#: How much of the text between a name and a title its word features read (they take six words).
_NEAR = 300

#: From how far apart (characters) a name and a title have no features of what lies between.
_FAR = 400

#: How far (characters) a name may stand before or after a title and still be a candidate holder.
_REACH_BEFORE = 160
_REACH_AFTER = 100


class Span(Protocol):
    """What a name mention or a post is read by here: where it stands."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class NamedSpan(Span, Protocol):
    @property
    def name(self) -> str: ...


class TitledSpan(Span, Protocol):
    @property
    def title(self) -> str: ...
    @property
    def organization(self) -> str | None: ...


#: The feature of a holder named as someone's relative right before a career verb ("Con trai
#: ông Cao Văn Tài trở thành ..."): the verb is the relative's, so the name holds no post by it.
KIN = "holder=kin"

#: The feature of a holder written in a table's predecessor or successor cell ("Tiền nhiệm |
#: Đỗ Quang Trung", a column "Người tiền nhiệm"): such a name holds no post by the table (GOLD.md).
PREDECESSOR = "holder_cell=predecessor"

#: The feature of a holder followed by an appointing verb in the active ("Phạm Văn Hòa bổ nhiệm
#: giữ chức Giám đốc ... đối với ông Lê Minh"): the name appoints, so it holds no post by it.
APPOINTER = "holder=appointer"


@dataclass
class PostCandidate:
    """A name mention that may hold a post, with the features of the pair."""

    holder: int  # index of the mention in the mentions given
    post: int  # index of the post in the posts given
    ruled: bool
    features: set[str] = field(default_factory=set)


def post_candidates(
    text: str,
    mentions: Sequence[NamedSpan],
    posts: Sequence[TitledSpan],
    linked: Mapping[int, Sequence[TitledSpan]],
    rows: Sequence[tuple[int, int]] = (),
) -> list[PostCandidate]:
    """Every candidate (mention, post) pair of ``text``; ``linked`` is what the rules gave each
    mention (by its start), ``rows`` the spans of table rows."""
    ruled = {(start, p.start, p.end) for start, ps in linked.items() for p in ps}
    claimed = {(p.start, p.end) for ps in linked.values() for p in ps}
    subject = _page_subject(mentions)
    biography = _biography_subject(text, mentions)
    found: dict[tuple[int, int], PostCandidate] = {}
    mention_starts = [m.start for m in mentions]
    row_starts = [low for low, _ in rows]
    holder_marks: dict[int, set[str]] = {}  # what a name's own place says of it, looked at once per name

    def add(h: int, k: int, how: str) -> None:
        key = (h, k)
        if key not in found:
            m, p = mentions[h], posts[k]
            is_ruled = (m.start, p.start, p.end) in ruled
            features = _features(text, mentions, mention_starts, m, p, is_ruled, claimed, h == subject)
            features |= _line_features(text, p.start)
            features.add(f"biography_subject={h == biography}")
            if h not in holder_marks:
                holder_marks[h] = _holder_marks(text, m, rows, row_starts)
            features |= holder_marks[h]
            found[key] = PostCandidate(h, k, is_ruled, features)
        found[key].features.add(f"how={how}")

    for k, post in enumerate(posts):
        sentence_start, sentence_end = _sentence_around(text, post.start, post.end)
        # mentions are in text order: the ones in the sentence before the title, and after it
        first_in_sentence = bisect_left(mention_starts, sentence_start)
        first_after = bisect_left(mention_starts, post.end)
        before = [
            i
            for i in range(first_in_sentence, bisect_left(mention_starts, post.start))
            if mentions[i].end <= post.start
        ]
        after = range(first_after, bisect_left(mention_starts, sentence_end))
        for i in before[-2:]:
            if post.start - mentions[i].end <= _REACH_BEFORE:
                add(i, k, "before")
        for i in after[:2]:
            if mentions[i].start - post.end <= _REACH_AFTER:
                add(i, k, "after")
        row = bisect_left(row_starts, post.start + 1) - 1
        if row >= 0 and post.start < rows[row][1]:
            low, high = rows[row]
            for i in range(bisect_left(mention_starts, low), bisect_left(mention_starts, high)):
                add(i, k, "row")
        if subject is not None and not before:
            pronoun = P.PRONOUN.search(text, sentence_start, post.start)
            if pronoun is not None:
                add(subject, k, "pronoun")
        if biography is not None and not before and not after:
            add(biography, k, "unnamed")  # a biography's career line or sentence that names nobody
    holder_at = {m.start: h for h, m in enumerate(mentions)}
    post_at = {(p.start, p.end): k for k, p in enumerate(posts)}
    for start, ps in linked.items():
        if start in holder_at:
            for p in ps:
                if (p.start, p.end) in post_at:
                    add(holder_at[start], post_at[(p.start, p.end)], "rule")
    for cand in found.values():
        cand.features |= _crossed(cand.features)
    return list(found.values())


#: Feature families whose pairs a linear model cannot see by themselves: how a holder became a
#: candidate, against the line's shape, the career cue, the side and whether a body was read.
_CROSSED_WITH_HOW = ("line=", "cue=", "side=", "has_org=", "names_between=", "ruled=")


def _crossed(features: set[str]) -> set[str]:
    """Pairs of features: each way the pair became a candidate with the line, cue and side."""
    hows = sorted(f for f in features if f.startswith("how="))
    others = sorted(f for f in features if f.startswith(_CROSSED_WITH_HOW))
    return {f"{how}&{other}" for how in hows for other in others}


def _features(
    text: str,
    mentions: Sequence[NamedSpan],
    starts: Sequence[int],
    m: NamedSpan,
    p: TitledSpan,
    ruled: bool,
    claimed: set[tuple[int, int]],
    is_subject: bool,
) -> set[str]:
    f = {f"ruled={ruled}", f"subject={is_subject}", f"has_org={p.organization is not None}"}
    f.add(f"title={p.title.casefold()}")
    if p.organization:  # the body's head and length: how far the body read can be trusted
        org_words = p.organization.split()
        f.add(f"org_head={org_words[0].casefold()}")
        f.add(f"org_words={bucket(len(org_words))}")
        f.add(f"org_ends_lower={org_words[-1][:1].islower()}")
    f.add(f"capital={p.title[:1].isupper()}")
    if not ruled and (p.start, p.end) in claimed:
        f.add("claimed_by_other")
    low, high = (m.end, p.start) if m.end <= p.start else (p.end, m.start)
    side = "name_first" if m.end <= p.start else "title_first"
    if low > high:
        low, high, side = high, high, "overlap"
    f.add(f"side={side}")
    between = text[low:high]
    f.add(f"gap={bucket(len(between))}")
    f.add(f"{side}|gap={bucket(len(between))}")
    inside = mentions[bisect_left(starts, low) : bisect_left(starts, high)]  # mentions are in text order
    names_between = sum(1 for other in inside if other.end <= high)
    f.add(f"names_between={bucket(names_between)}")
    if len(between) > _FAR:  # a pronoun's or a biography's subject named far away: what lies between says nothing
        f.add("between=far")
    else:
        f |= _between_features(between, side)
    before_title = [w.lower() for w in P.WORD.findall(text[max(0, p.start - 40) : p.start])][-4:]
    for w in before_title:
        f.add(f"pre={w}")
    for w1, w2 in zip(before_title, before_title[1:]):
        f.add(f"pre2={w1}_{w2}")
    return f


def _between_features(between: str, side: str) -> set[str]:
    """The punctuation and the first words between a name and a title near each other."""
    f = set()
    for mark in set(P.PUNCTUATION.findall(between)):
        f.add(f"punct={mark!r}")
        f.add(f"{side}|punct={mark!r}")
    words = [w.lower() for w in P.WORD.findall(between, 0, _NEAR)]  # six are features
    for w in words[:6]:
        f.add(f"mid={w}")
    for w1, w2 in zip(words, words[1:6]):
        f.add(f"mid2={w1}_{w2}")
    if not words:
        f.add(f"{side}|adjacent")
    return f


def _holder_marks(text: str, m: NamedSpan, rows: Sequence[tuple[int, int]], row_starts: Sequence[int]) -> set[str]:
    """The features a name's own place gives every pair it is in: a table's predecessor cell, a
    relative named before a career verb ("Con trai ông X trở thành ...", not "vợ ông X, Bộ trưởng
    ..."), an appointer ("A bổ nhiệm ... đối với ông B")."""
    marks = set()
    if _predecessor_cell(text, m.start, rows, row_starts):
        marks.add(PREDECESSOR)
    if P.KIN_BEFORE.search(text, max(0, m.start - 30), m.start) and P.CAREER_AFTER_NAME.match(text, m.end):
        marks.add(KIN)
    if P.APPOINTER_AFTER_NAME.match(text, m.end):
        marks.add(APPOINTER)
    return marks


def _predecessor_cell(text: str, at: int, rows: Sequence[tuple[int, int]], row_starts: Sequence[int]) -> bool:
    """Is the name at ``at`` in a table row's predecessor or successor cell: labelled so in its row
    ("Tiền nhiệm | Đỗ Quang Trung") or under a column so headed ("Người tiền nhiệm")?"""
    row = bisect_left(row_starts, at + 1) - 1
    if row < 0 or at >= rows[row][1]:
        return False
    low = rows[row][0]
    cells_before = text[low:at].split("|")
    if P.PREDECESSOR_LABEL.search(cells_before[-2] if len(cells_before) > 1 else ""):
        return True  # the cell just before is its label
    header = _table_header(text, low)
    if header is None:
        return False
    columns = header.split("|")
    column = len(cells_before) - 1
    return column < len(columns) and bool(P.PREDECESSOR_LABEL.search(columns[column]))


def _table_header(text: str, row_start: int) -> str | None:
    """The header line of the table a row belongs to: the line above its "---|---" line."""
    separator = P.TABLE_SEPARATOR.search(text, max(0, row_start - 3000), row_start)
    last = None
    while separator is not None:
        last = separator
        separator = P.TABLE_SEPARATOR.search(text, separator.end(), row_start)
    if last is None:
        return None
    header_end = last.start() - 1
    header_start = text.rfind("\n", 0, max(0, header_end)) + 1
    return text[header_start:header_end]


def _line_features(text: str, at: int) -> set[str]:
    """The shape of the line a title stands on: a career line that opens with a time, a
    heading, a list item; and whether a career verb stands before the title in it."""
    line_start = text.rfind("\n", 0, at) + 1
    f = set()
    if P.TIME_LEAD.match(text, line_start):
        f.add("line=time_lead")
    if P.HEADING_LINE.match(text, line_start):
        f.add("line=heading")
    if P.LIST_ITEM.match(text, line_start):
        f.add("line=list_item")
    cues = P.CAREER_CUE.findall(text, max(line_start, at - 60), at)
    if cues:
        f.add(f"cue={cues[-1].lower()}")
    if P.NOT_HELD_CUE.search(text, max(line_start, at - 80), at):
        f.add("not_held_cue")  # "đề nghị", "dự kiến", "không phải là": proposed or denied
    return f


def _biography_subject(text: str, mentions: Sequence[NamedSpan]) -> int | None:
    """The mention of the person a biography is about: a name that is the page's first heading
    ("# Nguyễn Trọng Nghĩa"); None for any other page."""
    first_line_end = text.find("\n")
    first_line_end = len(text) if first_line_end < 0 else first_line_end
    if not P.HEADING_LINE.match(text):
        return None
    heading = text[:first_line_end].lstrip("# ").strip()
    for i, m in enumerate(mentions):
        if m.start >= first_line_end:
            break
        if m.name == heading or text[m.start : m.end] == heading:
            return i
    return None


def _page_subject(mentions: Sequence[NamedSpan]) -> int | None:
    """The mention standing for the person a page is about: a name in its first 200 characters,
    else the most mentioned name; None for a page with no names."""
    if not mentions:
        return None
    for i, m in enumerate(mentions):
        if m.start < 200:
            return i
    counts = Counter(m.name for m in mentions)
    top = counts.most_common(1)[0][0]
    return next(i for i, m in enumerate(mentions) if m.name == top)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) holding ``start``..``end``: from the last stop or line break before
    it to the next one after it."""
    low = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    stops = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
    return low, min(stops) if stops else len(text)
