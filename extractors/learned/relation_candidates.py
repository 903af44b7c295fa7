"""Candidate pairs of documents for a relation, and the features a model decides them by.

Every ordered pair (A, B) that a relation could join is a candidate: A is a document the text
is or is about (its header code, the page's subject, a code in its title or first lines, an
appendix line "Kèm theo ...") and B any other document it cites; or A and B are cited in one
sentence, in either order; or the rules found a relation between them. Each pair carries the
features of every place B is mentioned (bag of words before, between and after, the line's
opening words, where in the text, the document types and years, how A became a candidate) and
the rules' verdict, so a model can weigh the rules against the text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import islice

from extractors.codes import code_key
from extractors.learned.features import bucket
from extractors.models import Citation
from extractors.patterns import learned as P
from extractors.relations import RelationReading, cited_years

#: How many words before a mention, and after it, the features read.
_WORDS_BEFORE = 8
_WORDS_AFTER = 5
#: How far into a text a code still counts as part of its title and first lines.
_TITLE_REACH = 400
#: How many citations on either side of a mention, in its sentence, pair with it: a long list
#: in one sentence costs linear time, not quadratic.
_PAIR_NEIGHBOURS = 3
LINE_HEAD = 200  # characters of a line read for its opening (a table pipe, "kèm theo"): a line may be a whole text


@dataclass
class Mention:
    """One place a candidate pair is read at: B's mention, and A's when it stands in the same sentence."""

    target_start: int
    target_end: int
    sentence: tuple[int, int]
    source_start: int | None = None
    source_end: int | None = None
    features: set[str] = field(default_factory=set)


@dataclass
class Candidate:
    """An ordered pair of documents (canonical codes) with what the text says of them."""

    source: str
    target: str
    how: set[str] = field(default_factory=set)  # self, page, title, appendix, sentence, rule
    mentions: list[Mention] = field(default_factory=list)
    rule_type: str | None = None
    rule_name: str | None = None

    def features(self) -> set[str]:
        """The pair's features: every mention's, the ways it became a candidate, the rules' verdict."""
        found: set[str] = set()
        for m in self.mentions:
            found |= m.features
        found |= {f"how={h}" for h in self.how}
        found.add(f"mentions={bucket(len(self.mentions))}")
        found.add(f"rule={self.rule_type or 'none'}")
        if self.rule_name:
            found.add(f"rule_name={self.rule_name}")
        found.add(f"types={_doc_type(self.source)}>{_doc_type(self.target)}")
        found.add(f"source_type={_doc_type(self.source)}")
        found.add(f"target_type={_doc_type(self.target)}")
        return found


def relation_candidates(text: str, reading: RelationReading) -> list[Candidate]:
    """Every candidate pair of ``text``, with its features, in the order first seen."""
    lines = _LineIndex(text, reading.lines)
    body_start = _body_start(text)
    coded = [c for c in reading.references if c.code]
    years = cited_years(coded)
    about = _documents_about(text, reading, coded, lines)
    pairs: dict[tuple[str, str], Candidate] = {}

    def candidate(source: str, target: str, how: str) -> Candidate | None:
        if code_key(source) == code_key(target):
            return None
        key = (code_key(source), code_key(target))
        found = pairs.get(key)
        if found is None:
            found = pairs[key] = Candidate(source, target)
        found.how.add(how)
        return found

    sentence_starts = [s for s, _ in reading.sentences]
    context = _Context(text, lines, body_start, reading.quoted, coded, years)
    for j, b in enumerate(coded):
        sentence = _sentence_of(reading.sentences, sentence_starts, b.start)
        for source, how in about:
            pair = candidate(source, b.code or "", how)
            if pair is not None:
                pair.mentions.append(context.mention(j, sentence, None, source))
        for a in coded[max(0, j - _PAIR_NEIGHBOURS) : j] + coded[j + 1 : j + 1 + _PAIR_NEIGHBOURS]:
            if not (sentence[0] <= a.start < sentence[1]) or not a.code:
                continue
            pair = candidate(a.code, b.code or "", "sentence")
            if pair is not None:
                pair.mentions.append(context.mention(j, sentence, a, a.code))

    for r in reading.relations:
        pair = candidate(r.source, r.target, "rule")
        if pair is None:
            continue
        pair.rule_type, pair.rule_name = r.type, r.rule
        if not pair.mentions:
            sentence = _sentence_of(reading.sentences, sentence_starts, r.start)
            pair.mentions.append(Mention(r.start, r.end, sentence, features={"evidence_only"}))
    return list(pairs.values())


def _documents_about(
    text: str, reading: RelationReading, coded: list[Citation], lines: _LineIndex
) -> list[tuple[str, str]]:
    """The documents the text is or is about, each with how it was found, own code first."""
    about: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(code: str | None, how: str) -> None:
        if code and code_key(code) not in seen:
            seen.add(code_key(code))
            about.append((code, how))

    add(reading.self_code, "self")
    add(reading.page_code, "page")
    for c in coded:
        if c.start < _TITLE_REACH and lines.number(c.start) < 6:
            add(c.code, "title")
        elif P.APPENDIX_LINE.match(lines.head(c.start)):
            add(c.code, "appendix")
    return about


class _Context:
    """Reads the features of one mention."""

    def __init__(
        self,
        text: str,
        lines: _LineIndex,
        body_start: int,
        quoted: list[tuple[int, int]],
        coded: list[Citation],
        years: dict[str, int],
    ):
        self.text, self.lines, self.body_start = text, lines, body_start
        self.quoted = _Spans(quoted)
        self.coded, self.years = coded, years
        self.starts = [c.start for c in coded]
        self.codes_at: dict[str, list[int]] = {}
        for c in coded:
            self.codes_at.setdefault(c.code or "", []).append(c.start)
        for starts in self.codes_at.values():
            starts.sort()

    def count(self, low: int, high: int) -> int:
        """How many citations start in ``low``..``high``."""
        return bisect_left(self.starts, high) - bisect_left(self.starts, low)

    def mention(self, j: int, sentence: tuple[int, int], a: Citation | None, source: str) -> Mention:
        """The features of the ``j``-th citation's mention, read against ``a`` (in its sentence) or ``source``."""
        text, b = self.text, self.coded[j]
        m = Mention(b.start, b.end, sentence, a.start if a else None, a.end if a else None)
        f = m.features
        previous = self.coded[j - 1] if j > 0 else None
        after_b = self.coded[j + 1] if j + 1 < len(self.coded) else None
        previous_end = previous.end if previous and sentence[0] <= previous.end <= b.start else sentence[0]
        following = after_b.start if after_b and b.end <= after_b.start < sentence[1] else sentence[1]
        # only the last words before and the first words after are read: slices of bounded length
        before_text = text[max(sentence[0], previous_end if a is None else sentence[0], b.start - 200) : b.start]
        after_text = text[b.end : min(following, b.end + 200)]
        before = _words(before_text)[-_WORDS_BEFORE:]
        after = _words(after_text)[:_WORDS_AFTER]
        line = self.lines.head(b.start)
        kind = "pair" if a is not None else "about"
        for window, span in (("pre", before_text[-80:]), ("post", after_text[:80]), ("line", line[:40])):
            for label in _signals(span):
                f.add(f"sig_{window}={label}")
                f.add(f"{kind}|sig_{window}={label}")
        opening = _first_words(text, 3, *self.lines.span(b.start))
        for w in before:
            f.add(f"pre={w}")
            f.add(f"{kind}|pre={w}")
        for w1, w2 in zip(before, before[1:]):
            f.add(f"pre2={w1}_{w2}")
        if before:
            f.add(f"{kind}|last={before[-1]}")
        for w in after:
            f.add(f"post={w}")
        for w1, w2 in zip(after, after[1:]):
            f.add(f"post2={w1}_{w2}")
        if opening:
            f.add(f"{kind}|open={'_'.join(opening[:2])}")
            f.add(f"open1={opening[0]}")
        f.add(f"{kind}|sentence_open={'_'.join(_words(text[sentence[0] : sentence[0] + 40])[:2])}")
        if a is not None:
            low, high = sorted((a.end, b.start)) if a.start < b.start else sorted((b.end, a.start))
            between = _words(text[low:high])
            f.add("order=source_first" if a.start < b.start else "order=target_first")
            for w in between[:12]:
                f.add(f"mid={w}")
            for w1, w2 in zip(between, between[1:12]):
                f.add(f"mid2={w1}_{w2}")
            f.add(f"gap={bucket(len(between))}")
            order = "fwd" if a.start < b.start else "rev"
            for label in _signals(text[low:high]):
                f.add(f"sig_mid_{order}={label}")
            f.add(f"between_docs={bucket(self.count(low, high))}")
        else:
            starts = self.codes_at.get(source, [])
            here = bisect_left(starts, sentence[0]) < bisect_left(starts, sentence[1])
            f.add(f"source_in_sentence={here}")
        f.add(f"where={_bucket_share(b.start / max(1, len(text)))}")
        f.add("preamble" if b.start < self.body_start else "body")
        if self.quoted.covers(b.start):
            f.add("quoted")
        if P.TABLE_ROW.match(line):
            f.add("table_row")
        if P.APPENDIX_LINE.match(line):
            f.add("appendix_line")
        f.add(f"docs_in_sentence={bucket(self.count(sentence[0], sentence[1]))}")
        f.add(f"form={b.form}")
        f.add(f"year={_year_order(self.years.get(code_key(source)), self.years.get(code_key(b.code or '')))}")
        return m


class _LineIndex:
    """Line numbers and lines of a text, by offset, from the line spans the rules made."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text, self.spans = text, spans
        self.starts = [start for start, _ in spans]

    def number(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def span(self, pos: int) -> tuple[int, int]:
        return self.spans[self.number(pos)]

    def head(self, pos: int) -> str:
        """The start of the line at ``pos``, at most LINE_HEAD characters (a line may be a whole text)."""
        start, end = self.span(pos)
        return self.text[start : min(end, start + LINE_HEAD)]


class _Spans:
    """Spans (start, end) that answer "is this offset inside one of them?" by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the spans up to each one (they may overlap)
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.reach[i] > pos


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return (pos, pos + 1)


def _body_start(text: str) -> int:
    """Where a directive's body starts after its preamble; the text's length when nothing says."""
    match = P.BODY_START.search(text)
    return match.start() if match else len(text)


def _doc_type(code: str) -> str:
    """The type part of a code ("NQ" of 57-NQ/TW, "NĐ" of 56/2015/NĐ-CP); "?" for an id."""
    match = P.PARTY_TYPE.match(code) or P.STATE_TYPE.match(code)
    return match.group(1).upper() if match else "?"


def _year_order(source: int | None, target: int | None) -> str:
    if not source or not target:
        return "unknown"
    return "target_later" if target > source else "same" if target == source else "target_earlier"


def _signals(text: str) -> list[str]:
    """The groups of relation signal words found in ``text`` ("verb:amends", "lead:based_on")."""
    return [label for label, pattern in P.SIGNALS if pattern.search(text)]


def _words(text: str) -> list[str]:
    return [w.lower() for w in P.WORD.findall(text) if not w.isdigit()]


def _first_words(text: str, n: int, start: int, end: int) -> list[str]:
    """``_words(text[start:end])[:n]``, reading no further than those words (the line may be a whole text)."""
    words = (w.lower() for w in (m.group() for m in P.WORD.finditer(text, start, end)) if not w.isdigit())
    return list(islice(words, n))


def _bucket_share(share: float) -> str:
    return "top" if share < 0.1 else "upper" if share < 0.4 else "lower"
