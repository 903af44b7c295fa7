"""Typed relations between documents: based_on, implements, amends, replaces, repeals, cites.

``find_relations`` reads one normalized text with the citations already found
in it (``extractors.citations``) and, for a directive, its own identity. It
returns :class:`~extractors.models.Relation` objects whose evidence span is the
sentence (or quoted block) the rule fired on.

Rules, each named in ``Relation.rule``:

``can_cu`` / ``thuc_hien``
    A directive's own clause openers: "- Căn cứ Quy định số 50-QĐ/TW ...;"
    (based_on), "Thực hiện Quy định số 377-QĐ/TW ..., Ban Tổ chức Trung ương
    hướng dẫn ..." (implements). The source is the directive itself.
``issued_on_basis`` / ``issued_implementing``
    News: "Căn cứ A; B, ngày 14/4/2022, Đảng ủy Bộ ... ban hành C" makes C
    based_on A and B (with "Thực hiện ...": implements).
``subject_line``
    A directive's title: "HƯỚNG DẪN một số nội dung Quy định số 377-QĐ/TW".
``self_verb``
    A directive about itself: "Quy định này thay thế Quy định số 232-QĐ/TW".
``active_verb``
    A cited document as subject: "Nghị định số 67/2025/NĐ-CP ngày 15/3/2025
    sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP".
``passive_verb``
    "Nghị định 98/2020/NĐ-CP được sửa đổi bởi khoản 1 Điều 3 Nghị định
    17/2022/NĐ-CP": the document after "bởi" is the source. Also with "bởi" dropped before the
    amending part ("được sửa đổi khoản 2 Điều 1 Nghị định B"); a yes-no question asserts nothing.
``cites_signal``
    In a directive, "theo Quy định số ...", "quy định tại khoản 2 Điều 3 ...".
``quoted_content``
    "Nghị định A ... quy định như sau:" followed by its quoted text (or "A quy
    định: <text>" on one line); documents cited inside the quote are cited by A.
    Inside the quote, "Bãi bỏ ... B", "B ... hết hiệu lực", "B ... được điều chỉnh thành:" and
    "A thay thế B" make A repeal, amend or replace B (``quoted_self_verb``).
``theo_do``
    "Ngày 18/11, Bộ Tài chính ban hành Công văn A ... Theo đó, thực hiện Kết luận
    B ...": the document just issued (or the page's own document) implements B.
``issued_reference``
    "Chính phủ ban hành Nghị quyết A về ... theo Kết luận số B": A cites B.
``frame_cites``
    "Tại Nghị quyết này, ... quy định tại Nghị định B": the framing document cites B.
``self_expiry``
    In a directive: "Quyết định số B hết hiệu lực" (B repealed by the directive).
``expiry_list``
    "Các văn bản sau đây hết hiệu lực thi hành ...:" then "a) Thông tư số B ...;": the
    directive (or the document quoted) repeals each listed document.
``replacement_list``
    "Nghị định A thay thế:" then "(1) Nghị định B ...": A replaces each listed document.

Where the source is: a directive's own code (its header); for a web page with no
header, the document its title or first heading starts with, or its "Toàn văn ..."
lead (``extractors.identity.page_subject_start``); for news, the document a sentence
says was issued.

Two citations in one sentence with no signal between them are no relation; nor are a
proposal ("Xét Tờ trình số ...", "theo đề nghị của ..."), a document inside a
committee's name ("Ban Chỉ đạo tổng kết Nghị quyết 18") or the link lists after site
furniture ("Văn bản liên quan", "Xem thêm").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.codes import code_key, type_abbreviation
from extractors.models import Citation, Relation, SelfIdentity
from extractors.patterns import relations as P

_SIGNALS = P.load_signals()
_CONFIDENCE = _SIGNALS.confidence

#: How far a rule looks for the parts of a relation (characters).
_VERB_REACH = 200  # from a document's code to its verb
_OBJECT_REACH = 220  # from a verb to its object
_AGENT_REACH = 100  # from "bởi" to the document that acts
_PASSIVE_TARGET_REACH = 220  # back from "được sửa đổi bởi" to the document changed
_ISSUED_REACH = 80  # from "ban hành" to the document issued
_TITLE_REACH = 900  # how far a directive's title zone may run after its code
_QUOTE_LINES = 30  # most lines with text a quoted block may have
_LEAD_OBJECT_REACH = 80  # from "Thực hiện" to the first document it names
_LEAD_REACH = 1500  # how far into a page its lead's "ban hành <document>" may stand
_REFERENT_REACH = 1500  # how far back "Theo đó" may find the document just issued
_EXPIRY_REACH = 160  # from a document's code to its "hết hiệu lực"
_FURNITURE_PARAGRAPH = 200  # a paragraph this long after site furniture is text again
_PASSIVE_WINDOW = 70  # the longest passive signal with its aspect words ("đã được quy định chi tiết bởi")
_WRAPPED_NAME = 200  # how far back a citation whose code opens a line may have begun (hard-wrapped text)
_CITE_WINDOW = 60  # how far before a citation its reference word may stand
_HEADLESS_LINES = 3  # a header-lost directive's "Số: ..." line is one of its first lines with text
_HEADLESS_TITLE_LINES = 4  # and its type title one of the lines right after it
_FOOTER_LINES = 3  # a page's closing "Căn cứ pháp lý:" line is one of its last lines with text


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int


def find_relations(
    text: str,
    citations: Sequence[Citation],
    identity: SelfIdentity | None = None,
    doc_id: str = "",
    page_subject: int | None = None,
) -> list[Relation]:
    """Typed relations stated in ``text`` between the documents ``citations`` point to.

    Parameters
    ----------
    text : the normalized text the citations were found in.
    citations : its citations; only those with a ``code`` can take part.
    identity : a directive's own identity, or None for news. A directive is the
        source of its preamble's relations: its ``code``, or ``doc_id`` when it has none.
    doc_id : the processed document's id.
    page_subject : for a page with no directive header, where its title names the document
        it is about (``extractors.identity.page_subject_start``); that document is then the
        source of the page's own statements ("Điều 6. Sửa đổi ...", "Theo đó, thực hiện ...").

    Returns
    -------
    One relation per (source, type, target), strongest evidence kept, in text order.
    """
    return read_relations(text, citations, identity, doc_id, page_subject).relations


@dataclass(frozen=True)
class RelationReading:
    """What the rules found in one text, with what they saw on the way: the documents the text is
    or is about, the citations that can take part, the sentences and lines. The learned decision
    (``extractors.learned.relation_decision``) builds its candidates from it."""

    relations: list[Relation]
    self_code: str | None  # a directive's own code (or the document id when it has none)
    page_code: str | None  # the document a page without a header is about
    references: list[Citation]  # citations that can take part, in text order
    sentences: list[tuple[int, int]]
    lines: list[tuple[int, int]]  # (start, end) of every line, newline excluded
    quoted: list[tuple[int, int]]  # blocks quoted from another document


def read_relations(
    text: str,
    citations: Sequence[Citation],
    identity: SelfIdentity | None = None,
    doc_id: str = "",
    page_subject: int | None = None,
) -> RelationReading:
    """:func:`find_relations` with what the rules saw on the way (see :class:`RelationReading`)."""
    finder = _Finder(text, citations, identity, doc_id, page_subject)
    relations = finder.run()
    return RelationReading(
        relations=relations,
        self_code=finder.self_code if finder.identity is not None else None,
        page_code=finder.page_code,
        references=finder.citations,
        sentences=[(s.start, s.end) for s in finder.sentences],
        lines=finder.lines,
        quoted=list(finder.quoted),
    )


class _Finder:
    """One pass of all rules over one text."""

    def __init__(
        self,
        text: str,
        citations: Sequence[Citation],
        identity: SelfIdentity | None,
        doc_id: str,
        page_subject: int | None = None,
    ):
        self.text = text
        self.citations = self._references(citations)
        self.starts = [c.start for c in self.citations]
        self.sentences = sentence_spans(text)
        self.sentence_starts = [s.start for s in self.sentences]
        self.lines = _line_spans(text)
        self.text_lines = [(a, b) for a, b in self.lines if text[a:b].strip()]  # lines with text
        self.identity = identity or self._headless_identity()
        identity = self.identity
        self.self_code = (identity.code if identity and identity.code else None) or doc_id or None
        self.found: list[Relation] = []
        self.objects: set[int] = set()  # starts of citations that are the object of another's verb
        self.body = self._directive_body()
        self._issued: list[tuple[int, Citation]] | None = None
        self._law_names: list[tuple[str, str]] | None = None
        self.page_code = self._page_subject(page_subject) if identity is None else None
        if identity is None and self.page_code is None:
            self.page_code = self._lead_issued()
        if identity is None and self.page_code is not None:
            self.identity = self._full_text_identity(self.page_code)
            if self.identity is not None:  # the page gives the document's full text: read it as a directive
                self.self_code, self.page_code = self.page_code, None
                self.body = self._directive_body()
        self.quoted: list[tuple[int, int]] = []  # blocks quoted from another document
        self.undated: set[tuple[str, str]] = set()  # pairs the year check must not drop
        # the spans of the items of each list whose items carry descriptions (several rules read one list)
        self.described_lists: set[tuple[tuple[int, int], ...]] = set()
        # active_verb relations with their subject's and target's spans
        self.acts: list[tuple[Relation, tuple[int, int], tuple[int, int]]] = []
        self.agents: set[int] = set()  # starts of citations that act through a passive verb ("được sửa đổi bởi B")

    def _headless_identity(self) -> SelfIdentity | None:
        """A directive whose header was lost in copying: one of its first lines is "Số: A", a
        title of A's type follows ("NGHỊ QUYẾT" for NQ) and then a "Căn cứ" line. Its code is read
        from that line, so the rules read the text as A's own."""
        lines = self.text_lines
        for i, (start, end) in enumerate(lines[:_HEADLESS_LINES]):
            if not P.HEADLESS_NUMBER_LINE.match(self.text[start:end]):
                continue
            own = next((c for c in self.citations_in(start, end) if c.code), None)
            if own is None or not own.doc_type:
                return None
            after = lines[i + 1 : i + 1 + _HEADLESS_TITLE_LINES]
            titled = any(_title_type(self.text[a:b]) == own.doc_type.casefold() for a, b in after)
            based = any(P.BASIS_LINE.match(self.text[a:b]) for a, b in lines[i + 1 :])
            if titled and based:
                return SelfIdentity(own.code, own.doc_type, start=own.start, end=own.end)
            return None
        return None

    def _full_text_identity(self, code: str) -> SelfIdentity | None:
        """A page about document A that gives A's full text ("... trân trọng giới thiệu toàn văn
        Nghị quyết." then "NGHỊ QUYẾT", its name, its issuer, "Căn cứ ..."): A's identity, its
        span the type title, so that its Căn cứ block and body are read as A's own."""
        own = next((c for c in self.citations if c.code and code_key(c.code) == code_key(code)), None)
        if own is None or not own.doc_type:
            return None
        lines = self.text_lines
        for i, (start, end) in enumerate(lines):
            if _title_type(self.text[start:end]) != own.doc_type.casefold():
                continue
            after = lines[i + 1 : i + 1 + _HEADLESS_TITLE_LINES]
            if any(P.BASIS_LINE.match(self.text[a:b]) for a, b in after):
                return SelfIdentity(own.code, own.doc_type, start=start, end=end)
        return None

    def _references(self, citations: Sequence[Citation]) -> list[Citation]:
        """The citations that can take part: not inside a committee's name ("Ban Chỉ đạo
        tổng kết Nghị quyết 18"), not an example number in a form, not in the link lists after site
        furniture."""
        zones = _furniture_zones(self.text)
        kept = []
        for c in sorted((c for c in citations if c.end > c.start), key=lambda c: (c.start, c.end)):
            if any(a <= c.start < b for a, b in zones):
                continue
            line_start = self.text.rfind("\n", 0, c.start) + 1
            if P.COMMITTEE_NAME.search(self.text[max(line_start, c.start - 90) : c.start]):
                continue
            if P.EXAMPLE_NUMBER.search(self.text[max(line_start, c.start - 40) : _code_start(c)]):
                continue  # "(ví dụ: Số: 01/2017/QĐ-TA)" shows how to fill a form
            kept.append(c)
        return kept

    def _page_subject(self, start: int | None) -> str | None:
        """The code of the citation at ``start``: the document a page is about."""
        if start is None:
            return None
        for c in self.citations_in(start, start + 3):
            if c.code:
                return c.code
        return None

    def _lead_issued(self) -> str | None:
        """A news page is about the document its lead says was issued ("Ngày 30/8/2025, Ban Chấp
        hành Trung ương đã ban hành Quy định 366-QĐ/TW ..."), when no other document comes first."""
        issued = self.issued()
        if not issued or issued[0][0] > _LEAD_REACH:
            return None
        first = issued[0][1]
        if any(c.code and code_key(c.code) != code_key(first.code) for c in self.citations_in(0, first.start)):
            return None
        return first.code

    def issued(self) -> list[tuple[int, Citation]]:
        """Documents sentences say were issued ("Bộ Tài chính ban hành Công văn 17899/BTC-VP"),
        with where their verb stands, in text order."""
        if self._issued is None:
            self._issued = []
            for verb in P.ISSUE_VERB.finditer(self.text):
                if self.inside_citation(verb.start()):
                    continue
                sentence = self.sentence_of(verb.start())
                following = self.citations_in(verb.end(), min(sentence.end, verb.end() + _ISSUED_REACH))
                if following and following[0].code and P.ISSUED_GAP.match(self.text[verb.end() : following[0].start]):
                    self._issued.append((verb.start(), following[0]))
        return self._issued

    def referent(self, pos: int) -> str | None:
        """The document "Theo đó" at ``pos`` refers to: the last one issued before it, else the
        directive itself (in its body) or the page's own document."""
        for _verb_at, c in reversed(self.issued()):
            if c.end <= pos and pos - c.end <= _REFERENT_REACH and not self.is_self(c):
                return c.code
            if c.end <= pos:
                break
        if self.identity is not None:
            return self.self_code if self.in_body(pos) else None
        return self.page_code

    def _directive_body(self) -> tuple[int, int]:
        """Where a directive speaks for itself: from its code to the end of its signature.

        Site boilerplate after the signature ("Thực hiện Nghị định 13/2023/NĐ-CP, chúng
        tôi cập nhật ...") is not the directive's.
        """
        ident = self.identity
        if ident is None:
            return (0, 0)
        start = ident.start if ident.start is not None else 0
        end = len(self.text)
        signer = ident.signer
        if signer is not None and signer.end is not None and signer.end > start:
            end = signer.end
        return (start, end)

    def in_body(self, pos: int) -> bool:
        return self.body[0] <= pos < self.body[1]

    def in_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quoted)

    # --- helpers ---------------------------------------------------------------

    def is_self(self, c: Citation) -> bool:
        ident = self.identity
        if ident is None:
            return False
        if ident.code and c.code and code_key(c.code) == code_key(ident.code):
            return True
        return ident.start is not None and ident.end is not None and c.start < ident.end and ident.start < c.end

    def usable(self, c: Citation) -> bool:
        return bool(c.code) and not self.is_self(c)

    def sentence_of(self, pos: int) -> _Sentence:
        i = bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return _Sentence(pos, pos + 1)

    def citations_in(self, start: int, end: int) -> list[Citation]:
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return self.citations[lo:hi]

    def inside_citation(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        # Citations may nest or overlap a little; look back over a few.
        return any(c.start <= pos < c.end for c in self.citations[max(0, i - 3) : i + 1])

    def add(self, source: str | None, kind: str, target: str | None, rule: str, start: int, end: int) -> None:
        if not source or not target or code_key(source) == code_key(target):
            return
        self.found.append(Relation(source, kind, target, _CONFIDENCE[rule], start, end, rule))

    def referenced_in(self, start: int, end: int) -> list[Citation]:
        """Citations in ``start..end`` that a reference word governs ("theo Quy định số ...",
        "quy định tại Điều 102 Luật Lâm nghiệp, Luật Đất đai; Nghị định số 131/2025/NĐ-CP và
        Nghị định số 136/2025/NĐ-CP"): each one after the word, and the list that follows it."""
        governed: list[Citation] = []
        previous: Citation | None = None
        for c in self.citations_in(start, end):
            if previous is not None and c.start < previous.end:
                continue
            window = self.text[max(start, c.start - _CITE_WINDOW) : c.start]
            window = P.NAMED_LAWS_TAIL.sub("", window)
            # a proposal's window refers to no document, save the submission it names ("Theo đề
            # nghị của Sở X tại Tờ trình số A": the text cites A)
            proposed = bool(P.PROPOSAL.search(window)) and c.doc_type != "TTr"
            signalled = bool(P.CITE_BEFORE.search(window)) and not proposed
            listed = previous is not None and bool(P.CLAUSE_LIST_GAP.match(self.text[previous.end : c.start]))
            if signalled or listed:
                governed.append(c)
                previous = c
            else:
                previous = None
        return [c for c in governed if c.code]

    def list_after(self, first: Citation, limit: int) -> list[Citation]:
        """``first`` and the documents listed after it ("Luật số A ngày ... và Luật số B"), also
        when each item carries a description naming other documents ("Thông tư số A ... hướng
        dẫn ..., Thông tư số B ... sửa đổi Điều 128 Thông tư số A ..., và Thông tư số C ...")."""
        members = [first]
        described = False
        nested: list[Citation] = []  # documents named inside the last item's description
        for c in self.citations_in(first.start, limit):
            last = members[-1]
            if c is first or c.end <= first.start:
                continue
            by_codes = c.code_start is not None and last.code_end is not None and c.code_start > last.code_end
            if c.start < last.end and not by_codes:
                continue
            # between the codes: "31/2024/QH15, Luật Nhà ở số 27/2023/QH15" (spans that overlap, or a
            # law whose name the citation left out: "... và Luật Các tổ chức tín dụng số 32/2024/QH15")
            if (c.start >= last.end and P.LIST_GAP.match(self.text[last.end : c.start])) or (
                by_codes and P.LIST_CODE_GAP.match(self.text[last.code_end : c.code_start])
            ):
                members.append(c)
                continue
            item_code = _code_start(c)
            if item_code < last.end:
                break
            gap = self.text[last.end : item_code]
            if gap.count(")") > gap.count("("):
                break  # "(được sửa đổi bởi Nghị định B) và Nghị định C": the list in brackets has ended
            # a citation's span may swallow its description and the connector ("Thông tư A về y tế
            # trường học và"): then the gap is read from its code's end
            swallowed = last.code_end is not None and last.code_end < last.end
            if (
                self.same_kind(first, c)
                and (
                    P.DESCRIBED_ITEM_GAP.match(gap)
                    or (swallowed and P.DESCRIBED_ITEM_GAP.match(self.text[last.code_end : item_code]))
                )
                and not self.goes_on_agent_list(last, nested, c)
            ):
                members.append(c)  # the next item, after the last one's description
                nested = []
                described = True
            elif not P.DESCRIPTION_SO_FAR.match(gap):
                break
            else:  # a document named inside the last item's description ("... Điều 128 Thông tư số A")
                nested.append(c)
        if described:
            self.described_lists.add(tuple((c.start, c.end) for c in members))
        return [c for c in members if c.code]

    def goes_on_agent_list(self, item: Citation, nested: list[Citation], c: Citation) -> bool:
        """True when ``c`` continues a list inside ``item``'s description that a passive verb
        governs ("Nghị định A ... đã được sửa đổi, bổ sung theo Nghị định B, Nghị định C và
        Nghị định D": C and D amended A, they are no items of the outer list)."""
        if not nested:
            return False
        last = nested[-1]
        if c.start >= last.end:
            connected = P.LIST_GAP.match(self.text[last.end : c.start]) is not None
        else:
            connected = (
                last.code_end is not None
                and c.code_start is not None
                and c.code_start > last.code_end
                and P.LIST_CODE_GAP.match(self.text[last.code_end : c.code_start]) is not None
            )
        if not connected:
            return False
        head = len(nested) - 1
        while head > 0 and P.LIST_GAP.match(self.text[nested[head - 1].end : nested[head].start]):
            head -= 1
        # from the item's code on: its span may hold its description
        return bool(P.PASSIVE_AGENT_BEFORE.search(self.text, _code_end(item), nested[head].start))

    @staticmethod
    def same_kind(first: Citation, other: Citation) -> bool:
        """True when two citations name documents of one type ("Thông tư"), so one list can hold both."""
        return bool(first.doc_type) and (first.doc_type or "").casefold() == (other.doc_type or "").casefold()

    def is_list_item(self, c: Citation, sentence: _Sentence) -> bool:
        """True when ``c`` comes after a list connector and a document of its type earlier in
        its sentence ("Thông tư số A ..., Thông tư số B"): an item of a list, not a new subject."""
        item_code = _code_start(c)
        if not P.LISTED_BEFORE.search(self.text, max(sentence.start, item_code - 80), item_code):
            return False
        return any(
            self.same_kind(c, other) for other in self.citations_in(sentence.start, c.start) if other.end <= c.start
        )

    def gap_names_other_document(self, gap: str) -> bool:
        """True when a gap holds a document word of its own ("... Luật Đất đai được sửa đổi bởi")."""
        return bool(P.DOC_WORD.search(P.TRAILING_DOC_WORD.sub("", gap)))

    # --- rules -----------------------------------------------------------------

    def run(self) -> list[Relation]:
        if self.citations:
            self.active_verbs()  # first: a quote's lines leave what other documents act on to them
            self.passive_verbs()  # and the agents of passive verbs
            self.quoted_content()
            self.amending_law_names()
            self.lead_clauses()
            self.issued_references()
            self.frame_cites()
            self.named_expiry_lists()
            self.replacement_lists()
            if self.identity is not None:
                self.title_zone()
                self.directive_cites()
                self.task_items()
                self.self_expiry_lists()
            if self.identity is None:
                self.footer_source()
            if self.identity is not None or self.page_code:
                self.self_verbs()
                self.self_expiry()
        self.drop_sibling_acts()
        return merge_relations(self.found, self.years(), self.undated)

    def drop_sibling_acts(self) -> None:
        """An item of a described list does not act on a later item of the same list ("thay thế
        Nghị định A quy định chi tiết Luật X, Nghị định B ..." : A does not implement B)."""
        dropped = set()
        for relation, subject_span, target_span in self.acts:
            for spans in self.described_lists:
                if subject_span in spans and target_span in spans[spans.index(subject_span) + 1 :]:
                    dropped.add(id(relation))
        if dropped:
            self.found = [r for r in self.found if id(r) not in dropped]

    def years(self) -> dict[str, int]:
        """code_key -> year of the document, from the citations (:func:`cited_years`) and the
        directive's own date line."""
        years = cited_years(self.citations)
        ident = self.identity
        if ident is not None and self.self_code and ident.issued and ident.issued[:4].isdigit():
            years[code_key(self.self_code)] = int(ident.issued[:4])
        return years

    def lead_clauses(self) -> None:
        """Sentences opening with "Căn cứ" / "Thực hiện": the directive's basis, or a news 'X ban hành C'."""
        for sentence in self.sentences:
            body = self.text[sentence.start : sentence.end]
            lead = P.LEAD.match(body)
            if not lead or not _opens_with_lead(body):
                continue
            kind = _lead_kind(lead)
            proposal = P.PROPOSAL.search(self.text, sentence.start + lead.end(), sentence.end)
            clause_end = proposal.start() if proposal else sentence.end  # "...; Xét Tờ trình số ..." is no basis
            cited = self.citations_in(sentence.start, clause_end)
            coded = [c for c in cited if c.code]
            if not coded:
                continue
            gap = self.text[sentence.start + lead.end() : coded[0].start]
            far = len(gap) > _LEAD_OBJECT_REACH or bool(P.LEAD_OBJECT_BREAK.search(gap))
            if lead.group("anaphor"):
                if kind == "based_on" and P.ATTRIBUTION_AFTER_LEAD.match(self.text, sentence.start + lead.end()):
                    continue  # "Theo đó, căn cứ tại Điều 1 Thông tư A, Bộ ... sửa đổi ...": the author's source
                if far:  # "Theo đó, căn cứ các kết luận ..., Kết luận nêu rõ ... nêu tại Kết luận số B"
                    self.anaphoric_references(sentence)
                else:
                    self.anaphoric_lead(sentence, kind, coded)
                continue
            if kind == "implements" and far and not P.UNCODED_LEAD_OBJECTS.fullmatch(gap):
                continue  # "Thực hiện vai trò ... theo Quy chế ...": the lead's object is no document
            issued, issue_at = self.issued_document(sentence, sentence.start + lead.end())
            if issued is not None and issued.code and not self.is_self(issued):
                rule = {"based_on": "issued_on_basis", "implements": "issued_implementing"}.get(
                    kind, "issued_reference"
                )
                for c in coded:
                    if issue_at is not None and c.end <= issue_at and c is not issued:
                        self.add(issued.code, kind, c.code, rule, sentence.start, sentence.end)
                continue
            if self.identity is None or not self.in_body(sentence.start) or P.FIRST_PERSON.search(body):
                continue  # news: "Căn cứ X, ..." with nothing issued is no relation
            rule = {"based_on": "can_cu", "implements": "thuc_hien"}.get(kind, "cites_signal")
            acted_on = self.acted_on_in_clause(sentence, coded[0].end, clause_end)
            for c in coded:
                if c.start in self.objects or not self.usable(c) or (issue_at is not None and c.end > issue_at):
                    continue  # "... Kế hoạch số 24/KH-UBND thực hiện Nghị quyết số 66": 66 is 24's
                if c.start in acted_on:
                    continue  # "Căn cứ Luật A, được sửa đổi tại Luật sửa đổi ... của Luật B, Luật C": B, C are no basis
                self.add(self.self_code, kind, c.code, rule, sentence.start, sentence.end)

    def amending_law_names(self) -> None:
        """ "Luật sửa đổi, bổ sung một số điều của Luật X số B": B amends the law named X, when the
        text gave X's number earlier ("Luật X số A; Luật sửa đổi ... của Luật X số B")."""
        for c in self.citations:
            target = self.amended_by_name(c)
            if target:
                sentence = self.sentence_of(c.start)
                self.add(c.code, "amends", target, "active_verb", sentence.start, sentence.end)

    def amended_by_name(self, c: Citation) -> str | None:
        """The law an amending law's number amends, by its name ("Luật sửa đổi ... của Luật X số
        B": X's earlier number), or None; None too when the number is X's own ("Luật sửa đổi ...
        của Luật Đất đai số 31/2024/QH15": the amending law is left unnumbered)."""
        if not c.code or c.code_start is None:
            return None
        named = P.AMENDING_LAW_NAME.search(self.text, max(0, c.code_start - 200), c.code_start)
        target = dict(self.law_names()).get(_name_key(named.group("name"))) if named else None
        return target if target and code_key(target) != code_key(c.code) else None

    def acted_on_in_clause(self, sentence: _Sentence, start: int, end: int) -> set[int]:
        """Starts of citations in ``start..end`` that a document named in the clause acts on
        ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở ...")."""
        acted: set[int] = set()
        for verb in P.VERB.finditer(self.text, start, end):
            if P.VERB_TYPES[verb.lastgroup or ""] == "implements" and not self.inside_citation(verb.start()):
                continue  # "Căn cứ Nghị quyết 03/NQ-CP ... thực hiện Nghị quyết 57": handled as objects
            if P.AGENT_MARKER.match(self.text, verb.end()):
                continue
            following = self.citations_in(verb.end(), end)
            if following and self.amended_by_name(following[0]):
                continue  # "; Luật sửa đổi, bổ sung ... Luật X số B": B is a basis too, and amends X
            for c in self.object_of(verb.end(), _Sentence(sentence.start, end), verb):
                if c.start not in self.agents:  # "... được sửa đổi, bổ sung một số điều theo Luật số B": passive
                    acted.add(c.start)
        return acted

    def anaphoric_lead(self, sentence: _Sentence, kind: str, coded: list[Citation]) -> None:
        """ "Theo đó, thực hiện Kết luận A và Kết luận B ...": the document just named acts."""
        source = self.referent(sentence.start)
        if not source:
            return
        _issued, issue_at = self.issued_document(sentence, sentence.start)
        for c in coded:
            if issue_at is None or c.end <= issue_at:
                self.add(source, kind, c.code, "theo_do", sentence.start, sentence.end)

    def anaphoric_references(self, sentence: _Sentence) -> None:
        """ "Theo đó, ... Kết luận nêu rõ ... nêu tại Kết luận số B": the document just named
        (see referent) cites what the sentence refers to ("theo", "nêu tại", "quy định tại")."""
        source = self.referent(sentence.start)
        if not source:
            return
        for c in self.referenced_in(sentence.start, sentence.end):
            if self.usable(c) and c.start not in self.objects:
                self.add(source, "cites", c.code, "theo_do", sentence.start, sentence.end)

    def issued_references(self) -> None:
        """ "Chính phủ ban hành Nghị quyết A về ... theo Kết luận số B của Bộ Chính trị": A cites B."""
        for _verb_at, issued in self.issued():
            if self.is_self(issued):
                continue
            sentence = self.sentence_of(issued.start)
            code_end = _code_end(issued)
            limit = sentence.end
            for stop in P.SCOPE_BREAK.finditer(self.text, code_end, sentence.end):
                if stop.group(0).strip().lower() not in ("để", "nhằm"):
                    limit = stop.start()  # a new issuing clause or a clause break ends A's description
                    break
            for c in self.referenced_in(code_end, limit):
                if c is not issued and c.start not in self.objects:
                    self.add(issued.code, "cites", c.code, "issued_reference", sentence.start, sentence.end)

    def frame_cites(self) -> None:
        """ "Tại Nghị quyết này, Chính phủ quyết nghị ... quy định tại Nghị định số B": the
        document that frames a sentence is the source of the references in it."""
        for sentence in self.sentences:
            inside = self.citations_in(sentence.start, sentence.end)
            if not inside or not inside[0].code:
                continue
            frame = inside[0]
            if not P.FRAME_OPENER.match(self.text[sentence.start : frame.start]):
                continue
            if self.identity is not None and self.is_self(frame):
                continue  # a directive's own references are directive_cites'
            for c in self.referenced_in(frame.end, sentence.end):
                if c.start > frame.start:
                    self.add(frame.code, "cites", c.code, "frame_cites", sentence.start, sentence.end)

    def self_expiry(self) -> None:
        """A directive (or the page's document) ending another: "Quyết định số 77/2021/QĐ-UBND
        hết hiệu lực kể từ ngày Quyết định này có hiệu lực"."""
        source = self.self_code if self.identity is not None else self.page_code
        for expiry in P.EXPIRY.finditer(self.text):
            at = expiry.start()
            if self.inside_citation(at) or self.in_quote(at):
                continue
            if self.identity is not None and not self.in_body(at):
                continue
            sentence = self.sentence_of(at)
            members = self.subjects_of(at, sentence, _EXPIRY_REACH)
            if not members or (self.identity is None and not self._names_page_document(sentence)):
                continue
            for c in members:
                if c.code and self.usable(c) and (not self.page_code or code_key(c.code) != code_key(self.page_code)):
                    self.add(source, "repeals", c.code, "self_expiry", sentence.start, sentence.end)

    def subjects_of(self, at: int, sentence: _Sentence, reach: int) -> list[Citation]:
        """The document(s) right before a predicate at ``at`` as its subject ("Quyết định số A
        ngày ... của ... hết hiệu lực", "Thông tư A và Thông tư B hết hiệu lực"), or none."""
        before = [c for c in self.citations_in(max(sentence.start, at - reach), at) if _code_end(c) <= at]
        if not before:
            return []
        last = before[-1]  # its span may run on over the predicate ("... của Chính phủ hết hiệu lực kể từ")
        if not P.SUBJECT_TO_VERB_GAP.match(self.text[_code_end(last) : at]) and not (
            last.end <= at and P.SUBJECT_TO_VERB_GAP.match(self.text[last.end : at])
        ):
            return []
        members = [last]
        for c in reversed(before[:-1]):
            if P.LIST_GAP.match(self.text[c.end : members[-1].start]):
                members.append(c)
            else:
                break
        return members

    def changed_in_quote(self, start: int, end: int) -> dict[int, str]:
        """Documents a quoted line says lose force or are changed, with no agent named: "Điểm b
        khoản 5 Điều 5 Nghị định số B ... hết hiệu lực kể từ ...", "Tiến độ tại Điều 1 Quyết định B
        được điều chỉnh thành:". The quoted document does it: citation start -> relation type."""
        changed: dict[int, str] = {}
        for match, kind, reach in [
            *((m, "repeals", _EXPIRY_REACH) for m in P.EXPIRY.finditer(self.text, start, end)),
            *((m, "amends", _PASSIVE_TARGET_REACH) for m in P.CHANGED_AS_FOLLOWS.finditer(self.text, start, end)),
        ]:
            for c in self.subjects_of(match.start(), self.sentence_of(match.start()), reach):
                gap = self.text[_code_end(c) : match.start()]
                if gap.count("(") <= gap.count(")"):  # "Nghị định B (hết hiệu lực)" is the site's note
                    changed.setdefault(c.start, kind)
        return changed

    def _names_page_document(self, sentence: _Sentence) -> bool:
        """True when a sentence of a page speaks of the page's own document ("Thông tư này", its code)."""
        if not self.page_code:
            return False
        return any(
            c.code and code_key(c.code) == code_key(self.page_code)
            for c in self.citations_in(sentence.start, sentence.end)
        ) or bool(P.THIS_WORD.search(self.text, sentence.start, sentence.end))

    def issued_document(self, sentence: _Sentence, after: int) -> tuple[Citation | None, int | None]:
        """The document a sentence says was issued ("... ban hành Hướng dẫn số 02-HD/ĐU"), and where."""
        for verb in P.ISSUE_VERB.finditer(self.text, after, sentence.end):
            if self.inside_citation(verb.start()):
                continue
            following = self.citations_in(verb.end(), min(sentence.end, verb.end() + _ISSUED_REACH))
            if following and P.ISSUED_GAP.match(self.text[verb.end() : following[0].start]):
                return following[0], verb.start()
            return None, verb.start()
        return None, None

    def title_zone(self) -> None:
        """A directive's title: "HƯỚNG DẪN một số nội dung Quy định số 377-QĐ/TW ..."."""
        ident = self.identity
        if ident is None:
            return
        zone_start = ident.end if ident.end is not None else 0
        zone_end = min(len(self.text), zone_start + _TITLE_REACH)
        for sentence in self.sentences:
            if sentence.end <= zone_start:
                continue
            if sentence.start >= zone_end:
                break
            body = self.text[sentence.start : sentence.end]
            if P.LEAD.match(body) or P.TITLE_ZONE_END.match(body):
                zone_end = sentence.start
                break
            if body.rstrip(' *"”)').endswith((".", ";", ":")):
                # titles carry no full stop: a finished sentence is body text (a "V/v" line is still title)
                zone_end = sentence.end if P.SUBJECT_LINE.match(body) else sentence.start
                break
        for c in self.citations_in(zone_start, zone_end):
            if not self.usable(c):
                continue
            before = self.text[zone_start : c.start]
            kind = None
            for verb in P.VERB.finditer(before):
                kind = P.VERB_TYPES[verb.lastgroup or ""]
            if kind is None and (ident.doc_type or "").upper() == "HD":
                kind = "implements"
            if kind is not None:
                self.add(self.self_code, kind, c.code, "subject_line", zone_start, zone_end)

    def self_verbs(self) -> None:
        """A directive acting on another: "Quy định này thay thế ...", "Bãi bỏ Quyết định số ...";
        on a page about one document, that document ("Điều 6. Sửa đổi, bổ sung ... Nghị định số ...")."""
        page = self.identity is None
        source = self.page_code if page else self.self_code
        for verb in P.VERB.finditer(self.text):
            kind = P.VERB_TYPES[verb.lastgroup or ""]
            if (kind == "implements" and not P.SELF_GUIDE.match(verb.group(0))) or self.inside_citation(verb.start()):
                continue
            if self.in_quote(verb.start()) or (not page and not self.in_body(verb.start())):
                continue  # another document's quoted text does not speak for this one
            if P.AGENT_MARKER.match(self.text, verb.end()):
                continue  # "... bãi bỏ bởi ..." is passive
            sentence = self.sentence_of(verb.start())
            if not P.SELF_SUBJECT.search(self.text[sentence.start : verb.start()]):
                continue
            if self.subject_before(verb.start(), sentence) is not None:
                continue  # "(... Điều này), Thông tư số A ngày ... sửa đổi ...": A acts, not this one
            if page and any(
                c.code and code_key(c.code) != code_key(source) for c in self.citations_in(sentence.start, verb.start())
            ):
                continue  # "Nghị định 67 này sửa đổi ...": another document is the subject
            target = self.object_of(verb.end(), sentence, verb)
            for c in target:
                if self.usable(c):
                    self.add(
                        source, self.kind_on(kind, verb.end(), c), c.code, "self_verb", sentence.start, sentence.end
                    )

    def subject_before(self, verb_at: int, sentence: _Sentence) -> Citation | None:
        """The document right before a verb as its subject ("Thông tư số A ngày ... của Bộ Tài
        chính sửa đổi"), or None."""
        before = [c for c in self.citations_in(sentence.start, verb_at) if c.end <= verb_at]
        if not before or not before[-1].code or self.is_self(before[-1]):
            return None
        last = before[-1]
        code_end = _code_end(last)
        gaps = (self.text[last.end : verb_at], self.text[code_end:verb_at])
        return last if any(P.SUBJECT_TO_VERB_GAP.match(gap) for gap in gaps) else None

    def directive_cites(self) -> None:
        """A directive's plain references: "theo Quy định số ...", "quy định tại Điều 5 ..."; not
        the agent of a passive note ("Nghị định A (sửa đổi, bổ sung theo Nghị định B)"): B acts on A."""
        for sentence in self.sentences:
            if not self.in_body(sentence.start) and not self.in_body(sentence.end - 1):
                continue
            for c in self.referenced_in(sentence.start, sentence.end):
                if self.usable(c) and self.in_body(c.start) and c.start not in self.agents:
                    self.add(self.self_code, "cites", c.code, "cites_signal", sentence.start, sentence.end)

    def task_items(self) -> None:
        """A body's task item "- Tổ chức quán triệt, triển khai thực hiện Chỉ thị số A, Kế hoạch
        số B ...": the directive cites A and B (a clause lead, "Triển khai thực hiện A", is
        lead_clauses' and gives implements)."""
        for sentence in self.sentences:
            if not self.in_body(sentence.start) or self.in_quote(sentence.start):
                continue
            coded = [c for c in self.citations_in(sentence.start, sentence.end) if c.code]
            if not coded or not P.TASK_ITEM.match(self.text[sentence.start : coded[0].start]):
                continue
            for c in self.list_after(coded[0], sentence.end):
                if self.usable(c):
                    self.add(self.self_code, "cites", c.code, "cites_signal", sentence.start, sentence.end)

    def law_names(self) -> list[tuple[str, str]]:
        """(name key, code) of laws written with their name and number ("Luật Quản lý thuế số
        38/2019/QH14"), longest name first: a later mention by name alone is that law."""
        if self._law_names is None:
            names: dict[str, str] = {}
            for c in self.citations:
                if c.code and c.code_start is not None:
                    named = P.LAW_NAME_BEFORE.search(self.text, max(0, c.code_start - 90), c.code_start)
                    name = named.group(1) if named else ""
                    if name and not P.DOC_WORD.search(name, 5):  # not "Luật Quản lý thuế và Nghị định số"
                        names.setdefault(_name_key(name), c.code)  # "Luật Hỗ trợ doanh nghiệp nhỏ và vừa số" is one
            self._law_names = sorted(names.items(), key=lambda item: -len(item[0]))
        return self._law_names

    def law_by_name(self, after: int, limit: int) -> Citation | None:
        """A law named without its number right after a verb ("sửa đổi, bổ sung một số điều của
        Bộ luật Tố tụng hình sự"), when the text gave its number earlier: a citation for it."""
        names = self.law_names()
        if not names:
            return None
        prefix = P.LAW_OBJECT_PREFIX.match(self.text, after, limit)
        start = prefix.end() if prefix else after
        ahead = _name_key(self.text[start : min(limit, start + 90)])
        for key, code in names:
            if ahead.startswith(key) and (len(ahead) == len(key) or not ahead[len(key)].isalnum()):
                end = start + len(key)  # close enough: keys collapse runs of spaces
                return Citation(start, min(end, limit), code, "short")
        return None

    def object_of(self, after: int, sentence: _Sentence, verb: re.Match[str] | None = None) -> list[Citation]:
        """The document(s) a verb acts on: the first citation after it, and any listed with it;
        a law named alone after an earlier mention with its number counts as cited. With the
        ``verb`` match: a verb of another type in between takes the object, and a bare "hướng
        dẫn" ("guides") takes only a document close after it."""
        limit = min(sentence.end, after + _OBJECT_REACH)
        following = self.citations_in(after, limit)
        named = self.law_by_name(after, limit)
        if named is not None and not (
            following and following[0].start <= named.start and following[0].code == named.code
        ):
            members = [named]
            nxt = [c for c in following if c.code_start is not None and c.code_start > named.end]
            if nxt and P.LIST_CODE_GAP.match(self.text[named.end : nxt[0].code_start]):
                members += self.list_after(nxt[0], sentence.end)
            return members
        if not following:
            return []
        first = following[0]
        gap = self.text[after : first.start]
        if P.OBJECT_IS_REFERENCE.search(gap):
            return []  # "Bổ sung số lượng ... đã quy định tại Điều 4 Quyết định B": B is only cited
        if P.SCOPE_BREAK.search(gap) or self.gap_names_other_document(P.NAMED_LAWS_TAIL.sub("", gap)):
            return []  # laws named without a number before the list do not end it ("Luật Quản lý thuế và")
        kind = P.VERB_TYPES[verb.lastgroup or ""] if verb is not None else None
        inner = [P.VERB_TYPES[m.lastgroup or ""] for m in P.VERB.finditer(P.VERB_LIST_HEAD.sub("", gap))]
        if any(inner_kind != kind for inner_kind in inner):
            # "Sửa đổi ... Chương trình hành động thực hiện Nghị quyết B": B is the other verb's object
            self.objects.update(c.start for c in self.list_after(first, sentence.end))
            return []
        if verb is not None and P.BARE_GUIDE.fullmatch(verb.group(0)):
            near = P.NAMED_LAWS_TAIL.sub("", P.TRAILING_DOC_WORD.sub("", gap))
            if not P.NEAR_OBJECT_GAP.match(near):
                return []  # "Thông tư A hướng dẫn chế độ kế toán ..., Thông tư B": B is not what A guides
        return self.list_after(first, sentence.end)  # "hướng dẫn Luật Quản lý thuế và Nghị định B": B

    def kind_on(self, kind: str, verb_end: int, target: Citation) -> str:
        """A replacement of a part of a document ("thay thế một số cụm từ của Nghị định B",
        "thay thế Phụ lục I của Thông tư B") amends it; the whole document is not replaced. "thực
        hiện theo quy định tại ... B" cites B."""
        if kind == "replaces" and P.PART_OF.match(self.text[verb_end : target.start]):
            return "amends"
        if kind == "implements" and P.CARRIED_OUT_PER.match(self.text, verb_end):
            return "cites"  # "... thực hiện theo quy định tại Điều 41 Luật B"
        return kind

    def active_verbs(self) -> None:
        """A cited document as subject of a verb: "Nghị định A sửa đổi, bổ sung ... Nghị định B",
        and of a verb coordinated after its objects ("... hướng dẫn Nghị định B và sửa đổi C")."""
        for subject in self.citations:
            if not subject.code:
                continue
            code_end = _code_end(subject)
            sentence = self.sentence_of(subject.start)
            later = [c for c in self.citations_in(subject.start + 1, sentence.end) if c.start >= subject.end]
            reach = min(sentence.end, code_end + _VERB_REACH, later[0].start if later else sentence.end)
            for verb in P.VERB.finditer(self.text, code_end, reach):
                gap = self.text[code_end : verb.start()]
                if not P.SUBJECT_TO_VERB_GAP.match(gap):
                    break  # the first verb after the code decides; anything else in between is a new clause
                if P.AGENT_MARKER.match(self.text, verb.end()):
                    break  # "A, sửa đổi bởi B" is passive: B acts on A
                if subject.doc_type == "TTr" or P.PROPOSED_ACT.search(gap):
                    break  # "Tờ trình A ... đề nghị ban hành Nghị quyết thay thế B": the proposed one acts
                acted: re.Match[str] | None = verb
                while acted is not None:
                    targets = self.act(subject, acted, sentence)
                    acted = self.coordinated_verb(targets[-1].end, sentence) if targets else None
                break

    def act(self, subject: Citation, verb: re.Match[str], sentence: _Sentence) -> list[Citation]:
        """The relations of ``subject`` through ``verb``; the documents it acts on."""
        if self.asks(sentence, verb.start()):
            return []
        listed = self.is_list_item(subject, sentence)
        kind = P.VERB_TYPES[verb.lastgroup or ""]
        targets = self.object_of(verb.end(), sentence, verb)
        for target in targets:
            if listed and target is not targets[0] and self.is_list_item(target, sentence):
                continue  # "..., Thông tư B sửa đổi Thông tư A ... và Thông tư C": C is B's sibling
            if target is not subject:
                self.objects.add(target.start)
                kind_on = self.kind_on(kind, verb.end(), target)
                count = len(self.found)
                self.add(subject.code, kind_on, target.code, "active_verb", sentence.start, sentence.end)
                if len(self.found) > count:
                    self.acts.append((self.found[-1], (subject.start, subject.end), (target.start, target.end)))
        return targets

    def asks(self, sentence: _Sentence, verb_at: int) -> bool:
        """True when the verb at ``verb_at`` is asked about in a yes-no question ("A có bị thay thế
        bởi B không?"): it asserts no relation. A statement before a question in the same
        sentence ("A thay thế B, vậy ... có phải ... không?") still asserts its own."""
        return any(
            q.start() <= verb_at < q.end() for q in P.YES_NO_QUESTION.finditer(self.text, sentence.start, sentence.end)
        )

    def coordinated_verb(self, after: int, sentence: _Sentence) -> re.Match[str] | None:
        """A verb joined right after a verb's objects, with the same subject ("... Nghị định B
        và sửa đổi Thông tư C"), not a passive one."""
        joint = P.COORDINATED_VERB_GAP.match(self.text, after, sentence.end)
        if joint is None:
            return None
        verb = P.VERB.match(self.text, joint.end(), sentence.end)
        if verb is None or P.AGENT_MARKER.match(self.text, verb.end()):
            return None
        return verb

    def passive_verbs(self) -> None:
        """ "A được sửa đổi, bổ sung bởi ... B": B acts on A."""
        for verb in [*self.passive_matches(), *P.PASSIVE_ON_PART.finditer(self.text)]:
            by_theo = verb.group(0).casefold().endswith("theo")
            noted = bool(P.NOTE_OPEN.search(self.text, max(0, verb.start() - 8), verb.start()))
            if by_theo and not P.PASSIVE_THEO.search(verb.group(0)) and not noted:
                continue  # "sửa đổi theo hướng ...": no passive without "được" (or a note's parenthesis)
            sentence = self.sentence_of(verb.start())
            agent = self.agent_after(verb.end(), sentence)
            if agent is None or self.asks(sentence, verb.start()):
                continue
            marked = by_theo or noted or bool(P.PASSIVE_MARKED.match(verb.group(0)))
            target = self.passive_target(verb.start(), marked, agent)
            if target is None:
                continue
            kind = P.PASSIVE_TYPES.get(verb.lastgroup or "") or verb.lastgroup or "amends"
            agent_gap = self.text[verb.end() : agent.start if agent.start >= verb.end() else _code_start(agent)]
            if self.gap_names_other_document(agent_gap) or P.SCOPE_BREAK.search(agent_gap):
                continue
            if by_theo and not P.AGENT_RIGHT_AFTER.match(agent_gap):
                continue  # "được bổ sung theo quy định tại Nghị định B" refers to B, B amends nothing
            if kind == "replaces" and self.part_named_before(target, sentence.start):
                kind = "amends"  # "Mẫu số 05 ban hành kèm theo Nghị định A được thay thế bởi ..."
            for member in self.list_after(agent, sentence.end):
                self.add(member.code, kind, target.code, "passive_verb", sentence.start, sentence.end)
                self.agents.add(member.start)

    def agent_after(self, verb_end: int, sentence: _Sentence) -> Citation | None:
        """The first document whose code follows a passive verb (its citation's span may run back
        over the verb: "Luật A đã được sửa đổi theo Luật số B" is cited as one span for B)."""
        limit = min(sentence.end, verb_end + _AGENT_REACH)
        candidates = [
            c
            for c in self.citations_in(max(sentence.start, verb_end - _PASSIVE_TARGET_REACH), limit)
            if verb_end <= _code_start(c) < limit
        ]
        return min(candidates, key=_code_start) if candidates else None

    def passive_target(self, verb_at: int, marked: bool, agent: Citation) -> Citation | None:
        """The document a passive verb at ``verb_at`` speaks of: the last one before it in its
        sentence, with nothing naming another document between. A verb inside a citation is part
        of a document's name, except for a ``marked`` one ("được"/"bị" ..., or "được ... theo")
        past its code, inside the subject phrase a citation may run on with ("Nghị định A ... đã
        được sửa đổi theo", "Nghị định A ... quy định xử phạt ..., được sửa đổi, bổ sung tại")."""
        enclosing = [
            c
            for c in self.citations_in(max(0, verb_at - _PASSIVE_TARGET_REACH), verb_at)
            if c.end > verb_at and (c.code_start is None or c.code_start < verb_at)  # not one whose span runs back
        ]
        if enclosing:
            c = enclosing[-1]
            code_end = _code_end(c)
            if marked and c.code and code_end <= verb_at:
                return c
            return None
        sentence = self.sentence_of(verb_at)
        before = self.citations_in(max(sentence.start, verb_at - _PASSIVE_TARGET_REACH), verb_at)
        before = [c for c in before if c.end <= verb_at]
        if not before:
            return None
        target = before[-1]
        if not target.code and target.form == "named" and len(before) > 1:
            # "Nghị định A quy định chi tiết Luật Thuế giá trị gia tăng đã được sửa đổi theo Nghị định
            # B": a decree amends a decree, not the law named in A's description
            owner = before[-2]
            if (
                owner.code
                and self.same_kind(owner, agent)
                and not self.same_kind(target, agent)
                and not self.gap_names_other_document(self.text[owner.end : target.start])
            ):
                return owner
        if not target.code or self.gap_names_other_document(self.text[target.end : verb_at]):
            return None
        return target

    def part_named_before(self, target: Citation, sentence_start: int) -> bool:
        """Does the cited document stand as the whole of a part ("Điều 5 Nghị định A", "Mẫu số
        05 ban hành kèm theo Nghị định A") rather than as itself?"""
        code_start = _code_start(target)
        return bool(P.PART_BEFORE.search(self.text, max(sentence_start, target.start - 120), code_start))

    def passive_matches(self) -> list[re.Match[str]]:
        """PASSIVE matches of the text, in order: each ends on an agent marker ("bởi", "tại",
        "bằng"), so only the window before each marker is searched."""
        found: list[re.Match[str]] = []
        last_end = 0
        for marker in P.PASSIVE_END.finditer(self.text):
            window = max(last_end, marker.start() - _PASSIVE_WINDOW)
            for verb in P.PASSIVE.finditer(self.text, window, marker.end()):
                if verb.end() == marker.end():
                    found.append(verb)
                    last_end = verb.end()
                    break
        return found

    def quoted_content(self) -> None:
        """ "Nghị định A ... quy định như sau:" then its text: documents cited there are cited by A
        (a "Căn cứ ..." clause of the quote is A's basis). On a page about one document, a quote
        whose opener names no document ("1. Bổ sung khoản 6 vào Điều 31 như sau:") is that
        document's own text: what it refers to ("theo", "quy định tại") it cites."""
        lines = self.lines
        for i, (start, end) in enumerate(lines):
            line = self.text[start:end]
            block = P.QUOTE_OPENER.search(line) or P.SOURCE_QUOTE_LINE.match(line)
            inline = None if block else P.INLINE_QUOTE.search(line)
            opener = block or inline
            if opener is None:
                continue
            speak_end = start + inline.start() if inline is not None else end
            speakers = self.speakers_in(start, speak_end)
            if self.speaks_for_itself(start):
                continue
            if self.in_quote(start) and self.after_article_heading(lines, i):
                continue  # a quoted article's first line ("Điều 2. ..." then "Theo quy định tại ...:")
            if (
                speakers
                and not P.QUOTE_OPENER.search(line)
                and inline is None
                and not P.SOURCE_PREFIX.match(self.text[start : speakers[0].start])
            ):
                continue  # "Tại phiên họp ..., sau khi nghe Báo cáo ...:" quotes no document
            if speakers:
                first = self.quote_source(speakers, start)
                speaker, speaker_end = first.code, first.end
                if P.PROPOSAL.search(self.text, start, speaker_end):
                    continue  # "Xem xét đề nghị của ... (Tờ trình số ...), Bộ Chính trị ... như sau:" quotes no proposal
                if self.joint_sources(speakers, first):
                    if block is not None:
                        lines_quoted = self._quote_lines(lines, i)
                        if lines_quoted:
                            self.quoted.append((lines_quoted[0][0], lines_quoted[-1][1]))
                    continue  # quoted from two documents at once: no one of them cites what is in it
            elif self.page_code and inline is None and not self.in_quote(start):
                speaker, speaker_end = self.page_code, start
            else:
                continue
            amended = self.amended_until(speaker_end, speak_end)
            spans = [(start + inline.end(), end)] if inline is not None else self._quote_lines(lines, i)
            if spans:
                self.quoted.append((spans[0][0], spans[-1][1]))
            agents = P.AGENT_LIST_OPENER.search(line) if speakers and inline is None else None
            if agents is not None:  # "Điều 1 Quyết định A được bổ sung bởi:" then the acts that did it
                self.listed_agents(speaker, agents.lastgroup or "amends", start, spans)
                continue
            for start2, end2 in spans:
                if speakers:
                    self._quoted_line(speaker, start, (start2, end2), (spans[0][0], spans[-1][1]), amended)
                elif not self.opens_with_other_document(start2, end2, speaker):
                    self._page_quote_line(speaker, start, start2, end2)
            if speakers:
                self.expiry_lists(speaker, spans)

    def _page_quote_line(self, speaker: str | None, opener_start: int, start: int, end: int) -> None:
        """One line of the page's document's own text, quoted under an opener that names no
        document ("Về chính sách tài khóa, Thủ tướng chỉ đạo như sau:"): it cites each document
        it names ("triển khai hiệu quả Nghị quyết 57-NQ/TW"), except those another document named
        in the line acts on ("Luật số 43/2024/QH15 sửa đổi ... Luật Nhà ở số 27/2023/QH15")."""
        acted_on = self.acted_on_by_documents(start, end)
        for c in self.citations_in(start, end):
            if c.code and self.usable(c) and c.start not in acted_on and c.start not in self.agents:
                self.add(speaker, "cites", c.code, "page_quote", opener_start, end)

    def footer_source(self) -> None:
        """A page that closes on the document its text is taken from ("Căn cứ pháp lý: Theo tiểu
        mục 24 ... ban hành kèm theo Quyết định A."): A cites what the text above refers to."""
        last = self.text_lines[-_FOOTER_LINES:]
        footer = next(((a, b) for a, b in reversed(last) if P.BASIS_FOOTER.match(self.text[a:b])), None)
        if footer is None:
            return
        named = [c for c in self.citations_in(*footer) if c.code]
        if not named:
            return
        source = named[-1].code
        for sentence in self.sentences:
            if sentence.end > footer[0]:
                break
            if self.in_quote(sentence.start):
                continue
            for c in self.referenced_in(sentence.start, sentence.end):
                self.add(source, "cites", c.code, "page_quote", sentence.start, sentence.end)

    def speakers_in(self, start: int, end: int) -> list[Citation]:
        """The coded citations of an opener line ``start..end``, with one whose name began on
        the line before ("- Tại khoản 9 Điều 71 Luật ... số" / "93/2025/QH15 ngày ... quy định:")."""
        return [
            c
            for c in self.citations_in(max(0, start - _WRAPPED_NAME), end)
            if c.code and (c.start >= start or start <= _code_start(c) < end)
        ]

    def acted_on_by_documents(self, start: int, end: int) -> set[int]:
        """Starts of the citations in ``start..end`` that a document named there acts on by an
        active verb ("Luật số 43/2024/QH15 sửa đổi ... Luật Nhà ở số 27/2023/QH15"): see act."""
        return {
            target[0] for _r, subject, target in self.acts if start <= subject[0] < end and start <= target[0] < end
        }

    def opens_with_other_document(self, start: int, end: int, own: str | None) -> bool:
        """True for a line that opens with another document as its subject ("- Nghị định A ...
        đã được sửa đổi theo Nghị định B;"): what it refers to is A's, not the page's document's."""
        first = next((c for c in self.citations_in(start, end) if c.code), None)
        if first is None or (own and code_key(first.code or "") == code_key(own)):
            return False
        return P.LINE_HEAD.fullmatch(self.text, start, first.start) is not None

    def listed_agents(self, target: str | None, kind: str, opener_start: int, lines: list[tuple[int, int]]) -> None:
        """Each line's first document acts on ``target`` ("- Khoản 1 Điều 1 Quyết định B")."""
        for start, end in lines:
            first = next((c for c in self.citations_in(start, end) if c.code), None)
            if first is not None and target and code_key(first.code or "") != code_key(target):
                self.add(first.code, kind, target, "passive_verb", opener_start, end)

    def quote_source(self, speakers: list[Citation], line_start: int) -> Citation:
        """The document a quote is from, among those its opener names: the one after "được quy
        định tại" when another one comes first, else the first."""
        for c in speakers[1:]:
            if P.QUOTE_SOURCE_MARKER.search(self.text, max(line_start, c.start - 80), c.start):
                return c
        return speakers[0]

    def joint_sources(self, speakers: list[Citation], source: Citation) -> bool:
        """True when the opener names a second document right after the source, as a source too
        ("Căn cứ Điều 38 Nghị định A, Điều 6, 7, 8 Thông tư B quy định ... như sau:")."""
        later = [c for c in speakers if c.start >= source.end]
        return bool(later) and bool(P.JOINT_SOURCE_GAP.match(self.text[source.end : later[0].start]))

    def expiry_lists(self, source: str | None, lines: list[tuple[int, int]], named: bool = False) -> None:
        """A list of documents announced as losing force ("Các văn bản sau đây hết hiệu lực thi
        hành ...:" then "a) Thông tư số ...;"): ``source`` repeals the first document of each item.
        Lines a text wraps by hand are read whole (``_logical_lines``). ``named``: only openers
        that name the document doing it ("Thông tư A bãi bỏ các quy định sau đây:"), which is then
        the source."""
        lines = _logical_lines(self.text, lines)
        for i, (start, end) in enumerate(lines):
            opener = self.text[start:end]
            verb = P.EXPIRY_LIST_OPENER.search(opener)
            if not verb:
                continue
            if named:
                before = [c for c in self.citations_in(start, start + verb.start()) if self.usable(c)]
                if not before or not P.NAMED_EXPIRY_OPENER.match(opener, before[-1].end - start):
                    continue
                source = before[-1].code
            # numbered items only under an opener that is not itself numbered
            markers = _ITEM_MARKERS[:1] if P.ITEM_NUMBER.match(opener) else _ITEM_MARKERS[:2]
            for first, item_end in self.listed_documents(lines[i + 1 :], markers, one_marker=False):
                self.add(source, "repeals", first.code, "expiry_list", start, item_end)

    def listed_documents(
        self, lines: list[tuple[int, int]], markers: tuple[tuple[str, re.Pattern[str]], ...], one_marker: bool
    ) -> list[tuple[Citation, int]]:
        """The first usable document of each item of the list that opens ``lines`` (blank lines
        passed over), with the item's end; the list ends at a line with none of ``markers``, or, when
        ``one_marker``, at an item whose marker is of another kind than the first item's (the
        parent's next clause: "3. Thông tư ... tiếp tục có hiệu lực" after "a) ... b) ...")."""
        listed = []
        kind = None
        for item_start, item_end in lines:
            item = self.text[item_start:item_end]
            if not item.strip():
                continue
            marker = next((k for k, pattern in markers if pattern.match(item)), None)  # "a) ", "1. ", "(1) "
            if marker is None or (one_marker and kind not in (None, marker)):
                break
            kind = marker
            first = next((c for c in self.citations_in(item_start, item_end) if c.code), None)
            if first is not None and self.usable(first):
                listed.append((first, item_end))
        return listed

    def self_expiry_lists(self) -> None:
        """A directive's own list of documents losing force, in its body and outside quotes."""
        lines = [(s, e) for s, e in self.lines if self.in_body(s) and not self.in_quote(s)]
        self.expiry_lists(self.self_code, lines)

    def named_expiry_lists(self) -> None:
        """A list of documents losing force whose opener names the document that repeals them
        ("Kể từ ngày ..., Thông tư 14/2025/TT-NHNN bãi bỏ các quy định sau đây:"), quoted or not."""
        self.expiry_lists(None, self.lines, named=True)

    def after_article_heading(self, lines: list[tuple[int, int]], i: int) -> bool:
        """Is the line with text before ``lines[i]`` a quoted article's heading ("Điều 2. ...")?"""
        for start, end in reversed(lines[:i]):
            if self.text[start:end].strip():
                return P.ARTICLE_HEADING_LINE.match(self.text[start:end]) is not None
        return False

    def replacement_lists(self) -> None:
        """A list of documents a named one replaces ("Nghị định A thay thế:" then "(1) Nghị định B
        ...", "(2) Nghị định C ..."): A replaces the first document of each item."""
        lines = _logical_lines(self.text, self.lines)
        for i, (start, end) in enumerate(lines):
            before = [c for c in self.citations_in(start, end) if self.usable(c)]
            if not before or not P.REPLACEMENT_LIST_OPENER.fullmatch(self.text, before[-1].end, end):
                continue
            source = before[-1].code
            for first, item_end in self.listed_documents(lines[i + 1 :], _ITEM_MARKERS, one_marker=True):
                if code_key(first.code) != code_key(source):
                    self.add(source, "replaces", first.code, "replacement_list", start, item_end)

    def _quote_lines(self, lines: list[tuple[int, int]], opener: int) -> list[tuple[int, int]]:
        """The lines quoted after the opener line ``opener``, up to the author speaking again."""
        spans: list[tuple[int, int]] = []
        with_text = 0
        marked = False  # the quote opens with a quotation mark: its closing mark ends it
        last_text = ""  # the quote's last line with text
        # a first line opening with "Căn cứ" is the quoted document's basis only under an author's
        # attribution ("Theo quy định tại Công văn A như sau:"), not under a letter's own words
        # ("Trả lời công văn số A ..., Cục Thuế có ý kiến như sau:": the letter's own basis follows)
        attributed = P.AUTHOR_SOURCES.match(self.text[lines[opener][0] : lines[opener][1]]) is not None
        for n in range(opener + 1, len(lines)):
            start2, end2 = lines[n]
            quoted = self.text[start2:end2]
            after_heading = bool(P.ARTICLE_HEADING_LINE.match(last_text))
            if quoted.strip():
                last_text = quoted
                with_text += 1
                if with_text > _QUOTE_LINES:
                    break
                if with_text == 1:
                    marked = bool(P.OPENING_QUOTE_MARK.match(quoted))
            if P.QUOTE_END.search(quoted):
                break
            if P.DOCUMENT_NAME_LINE.match(quoted) and self._next_line_names_a_document(lines, n + 1):
                break  # a list of related documents' names: the site's, not the quote's
            if (
                any(c.code for c in self.citations_in(start2, end2))
                and (
                    P.QUOTE_OPENER.search(quoted)
                    # a first line opening with "Căn cứ" and quoting nothing is the quoted document's basis
                    or (
                        P.AUTHOR_SOURCES.match(quoted)
                        and (with_text > 1 or not P.BASIS_LINE.match(quoted) or not attributed)
                    )
                )
                and not after_heading  # an article's first line after its heading is the article's
                and not P.QUOTED_CLAUSE_LEAD.match(quoted)
                and not self.refers_mid_clause(start2, end2)
            ):
                return self._without_heading(spans)  # the author introduces another source
            spans.append((start2, end2))
            if marked and P.CLOSING_QUOTE_MARK.search(quoted):
                break
        return spans

    def refers_mid_clause(self, start: int, end: int) -> bool:
        """True for a quoted line whose first document the quoted clause refers to ("Trường hợp
        ... thì thực hiện theo quy định tại Điều 1 Nghị định B như sau:"), not one the author
        names as a new source ("Căn cứ Điều 5 Nghị định B quy định như sau:")."""
        if P.AUTHOR_SOURCES.match(self.text[start:end]):
            return False
        first = next((c for c in self.citations_in(start, end) if c.code), None)
        return first is not None and P.QUOTED_REFERRAL.match(self.text, start, first.start) is not None

    def _without_heading(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``spans`` less a last line that is the author's heading for the source named next
        ("Hình thức tuyên truyền ... theo Kế hoạch 263" over "... được quy định tại Kế hoạch
        263/KH-UBND, cụ thể như sau:"): a short line with no closing punctuation."""
        kept = list(spans)
        while kept and not self.text[kept[-1][0] : kept[-1][1]].strip():
            kept.pop()
        if len(kept) > 1 and P.HEADING_LINE.match(self.text[kept[-1][0] : kept[-1][1]]):
            kept.pop()
        return kept

    def _next_line_names_a_document(self, lines: list[tuple[int, int]], first: int) -> bool:
        """True when the next line with text, from ``lines[first]`` on, is a document's name alone."""
        for i in range(first, len(lines)):
            start, end = lines[i]
            line = self.text[start:end]
            if line.strip():
                return P.DOCUMENT_NAME_LINE.match(line) is not None
        return False

    def amended_until(self, start: int, end: int) -> int:
        """The year up to which a quote's opener says its text was amended ("Điều 3 Nghị định A
        sửa đổi bởi ... B (2021) quy định:"): the latest year of the amending documents named
        after the passive verb; 0 when none amends it, 9999 when their years are unknown."""
        latest = 0
        for m in P.PASSIVE.finditer(self.text, start, end):
            if P.PASSIVE_TYPES[m.lastgroup or ""] != "amends":
                continue
            years = [_year_of(c) for c in self.citations_in(m.end(), end) if c.code]
            known = [y for y in years if y]
            latest = max(latest, max(known) if known and len(known) == len(years) else 9999)
        return latest

    def _quoted_line(
        self, speaker: str | None, opener_start: int, line: tuple[int, int], quote: tuple[int, int], amended: int
    ) -> None:
        """The relations of one quoted ``line`` of ``speaker``'s text (``amended``: see amended_until).
        Verbs are read over the whole sentences the line is part of, within the ``quote``: a
        hard-wrapped "“9. Bãi bỏ" / "các điều 3, 4 của Nghị quyết" / "số 193/2025/QH15" is one."""
        start, end = line
        low = max(quote[0], self.sentence_of(start).start)
        high = min(quote[1], max(end, self.sentence_of(max(start, end - 1)).end))
        acted_on = self.changed_in_quote(low, high) | self.self_verb_objects(low, high)
        lead_kind, lead_objects = self._quoted_lead(start, end)
        by_other = self.acted_on_by_documents(start, end)
        for c in self.citations_in(start, end):
            if not c.code or code_key(c.code) == code_key(speaker):
                continue
            if c.start in by_other and c.start not in acted_on:
                continue  # "- Thông tư B sửa đổi ... Thông tư C": the verb's relation, not the speaker's
            if c.start in self.agents and c.start not in acted_on:
                continue  # "Nghị quyết C (đã được sửa đổi theo Nghị quyết B)": a note on C's state, B acts on C
            if amended and (_year_of(c) or 0) <= amended:  # "Điều 3 Nghị định A sửa đổi bởi ... B quy định:"
                self.undated.add((code_key(speaker), code_key(c.code)))  # quotes A as amended, up to B
            if c.start in acted_on:
                self.add(speaker, acted_on[c.start], c.code, "quoted_self_verb", opener_start, end)
            elif c.start in lead_objects:
                self.add(speaker, lead_kind, c.code, "quoted_lead", opener_start, end)
            else:
                self.add(speaker, "cites", c.code, "quoted_content", opener_start, end)

    def _quoted_lead(self, start: int, end: int) -> tuple[str, set[int]]:
        """A quoted clause opener ("7.12. Căn cứ khung tiêu chí ... tại Phụ lục 5 của Quy định số
        366-QĐ/TW"): its type and the starts of the documents it governs (its first object and the
        list after it; "Triển khai ... theo quy định của Nghị định ..." governs none)."""
        line = self.text[start:end]
        numbered = P.ITEM_NUMBER.match(line) or P.LETTER_ITEM.match(line)  # "7.12. ", "a) ", "- "
        offset = numbered.end() if numbered else 0
        clause = line[offset:]
        lead = P.LEAD.match(clause) if _opens_with_lead(clause) else None
        if lead is None or lead.group("anaphor"):
            return "", set()
        after = start + offset + lead.end()
        following = self.citations_in(after, end)
        if not following:
            return "", set()
        gap = self.text[after : following[0].start]
        if len(gap) > _LEAD_OBJECT_REACH or P.LEAD_OBJECT_BREAK.search(gap):
            return "", set()
        return _lead_kind(lead), {c.start for c in self.list_after(following[0], end)}

    def speaks_for_itself(self, pos: int) -> bool:
        """True when the sentence at ``pos`` is the text's own preamble ("Thực hiện X, Ban Tổ chức
        Trung ương hướng dẫn ... như sau:"): what follows is its own content, not a quote of X."""
        body = self.text[self.sentence_of(pos).start :]
        lead = P.LEAD.match(body)
        if not lead or not _opens_with_lead(body[:200]):
            return False
        return self.identity is not None or bool(lead.group("implements"))

    def self_verb_objects(self, start: int, end: int) -> dict[int, str]:
        """Citations in ``start..end`` that a document acts on about itself ("Hướng dẫn này ...
        thay thế Hướng dẫn số 16-HD/BTCTW"): citation start -> relation type."""
        acted: dict[int, str] = {}
        for verb in P.VERB.finditer(self.text, start, end):
            kind = P.VERB_TYPES[verb.lastgroup or ""]
            if (
                kind == "implements"
                or self.inside_citation(verb.start())
                or P.AGENT_MARKER.match(self.text, verb.end())
            ):
                continue
            sentence = self.sentence_of(verb.start())
            if P.SELF_SUBJECT.search(self.text[sentence.start : verb.start()]):
                for c in self.object_of(verb.end(), sentence, verb):
                    acted.setdefault(c.start, kind)
        return acted


def merge_relations(
    found: list[Relation], years: dict[str, int] | None = None, undated: set[tuple[str, str]] | None = None
) -> list[Relation]:
    """One relation per (source, type, target), the most confident first-found kept;
    a plain ``cites`` is dropped where a typed relation links the same pair (either way), and a
    relation to a document newer than its source (by year, where both are known) is dropped:
    no document rests on, amends or cites a later one — except the (source, target) key pairs
    in ``undated`` (a quote of a document's text as amended later)."""
    years = years or {}
    undated = undated or set()
    best: dict[tuple[str, str, str], Relation] = {}
    for r in found:
        source_year, target_year = years.get(code_key(r.source)), years.get(code_key(r.target))
        if (
            source_year
            and target_year
            and target_year > source_year
            and ((code_key(r.source), code_key(r.target)) not in undated)
        ):
            continue
        key = (code_key(r.source), r.type, code_key(r.target))
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    typed_pairs = {(s, t) for (s, kind, t) in best if kind != "cites"}
    typed_pairs |= {(t, s) for (s, t) in typed_pairs}  # "A, sửa đổi bởi B": A does not cite B either
    kept = [r for (s, kind, t), r in best.items() if kind != "cites" or (s, t) not in typed_pairs]
    return sorted(kept, key=lambda r: (r.start, r.end, r.source, r.type, r.target))


# --- sentences -------------------------------------------------------------------


def cited_years(citations: Sequence[Citation]) -> dict[str, int]:
    """code_key -> year of each cited document: a state code's year, else a citation's date."""
    years: dict[str, int] = {}
    for c in citations:
        year = _year_of(c)
        if not c.code or not year:
            continue
        if P.STATE_CODE_YEAR.match(c.code):
            years[code_key(c.code)] = year
        else:
            years.setdefault(code_key(c.code), year)
    return years


def _year_of(c: Citation) -> int:
    """A cited document's year, from a state code's year or the citation's date; 0 if unknown."""
    year = P.STATE_CODE_YEAR.match(c.code or "")
    if year:
        return int(year.group(1))
    return int(c.date[:4]) if c.date and c.date[:4].isdigit() else 0


def _code_end(c: Citation) -> int:
    """Where a citation's code ends (its end when it has none written)."""
    return c.code_end if c.code_end is not None else c.end


def _code_start(c: Citation) -> int:
    """Where a citation's code stands (its start when it has none written)."""
    return c.code_start if c.code_start is not None else c.start


def _title_type(line: str) -> str | None:
    """The type a title line names, as a code writes it, case folded: "**NGHỊ QUYẾT**" -> "nq"."""
    title = P.TYPE_TITLE_LINE.match(line)
    abbreviation = type_abbreviation(title.group("words")) if title else None
    return abbreviation.casefold() if abbreviation else None


def _name_key(name: str) -> str:
    """A law's name for comparison: case folded, runs of whitespace as one space."""
    return " ".join(name.casefold().split())


def _furniture_zones(text: str) -> list[tuple[int, int]]:
    """Spans of site furniture: from a "Văn bản liên quan" / "Xem thêm" line through the link
    list under it, up to the next heading or a paragraph of real text."""
    zones: list[tuple[int, int]] = []
    zone_start = None
    for start, end in _line_spans(text):
        line = text[start:end]
        if P.FURNITURE_LINE.match(line):
            if zone_start is None:
                zone_start = start
            continue
        if zone_start is not None and (line.lstrip().startswith("#") or len(line) > _FURNITURE_PARAGRAPH):
            zones.append((zone_start, start))
            zone_start = None
    if zone_start is not None:
        zones.append((zone_start, len(text)))
    return zones


def _logical_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``lines`` with the lines a text wraps by hand joined: a line runs on into the next
    non-blank one unless that one opens a list item ("- ", "a) ", "2. ") or a blank line
    stands between. ("4. Các Quyết định sau đây hết" + "hiệu lực kể từ ...:" is one line.)"""
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end]
        if (
            joined
            and line.strip()
            and text[joined[-1][0] : joined[-1][1]].strip()
            and not text.count("\n", joined[-1][1], start) > 1
            and not (P.LETTER_ITEM.match(line) or P.NUMBER_ITEM.match(line) or P.ITEM_NUMBER.match(line))
        ):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _lead_kind(lead: re.Match[str]) -> str:
    """The relation a clause lead gives: "Căn cứ" based_on, "Thực hiện" implements, and the
    looser "Trên cơ sở Đề án số A" / "Trên cơ sở định hướng ... tại Kết luận A" only cites."""
    if P.LOOSE_BASIS_LEAD.search(lead.group(0)):
        return "cites"
    return "based_on" if lead.group("based_on") else "implements"


def _opens_with_lead(line: str) -> bool:
    """A capitalized clause opener: "Căn cứ", "- Thực hiện", "TRIỂN KHAI THỰC HIỆN" (a wrapped
    line that goes on "thi hành kể từ ngày ..." is no opener)."""
    if not P.LEAD.match(line):
        return False
    first = line.lstrip(" -+•*")[:1]
    return first.isupper()


#: The markers of a list's items, by kind.
_ITEM_MARKERS = (("letter", P.LETTER_ITEM), ("number", P.NUMBER_ITEM), ("bracket", P.BRACKET_ITEM))


def sentence_spans(text: str) -> list[_Sentence]:
    """Sentences of a text whose lines may be wrapped (PDF, Markdown) or whole paragraphs (news).

    A line break ends a sentence after terminal punctuation, before a bullet,
    number, heading or clause opener ("Căn cứ", "Thực hiện"), between two table rows and at a
    blank line; otherwise the line continues the sentence. Inside a line, ". " before a
    capital ends a sentence unless the stop closes an abbreviation ("TP.").
    """
    blocks: list[tuple[int, int]] = []
    block_start = None
    previous, prev_end = "", 0
    spans = _line_spans(text)
    for k, (start, end) in enumerate(spans):
        line = text[start:end]
        if not line.strip():
            if block_start is not None:
                blocks.append((block_start, prev_end))
                block_start = None
            continue
        # an opener may be wrapped after its first word ("Căn" / "cứ Quyết định số ...")
        with_next = f"{line} {text[spans[k + 1][0] : spans[k + 1][1]]}" if k + 1 < len(spans) else line
        if block_start is not None and (
            P.LINE_END_STOP.search(previous)
            or P.LINE_ITEM_START.match(line)
            or _opens_with_lead(with_next)
            or ("|" in line and "|" in previous)  # the next row of a table
        ):
            blocks.append((block_start, prev_end))
            block_start = None
        if block_start is None:
            block_start = start
        previous, prev_end = line, end
    if block_start is not None:
        blocks.append((block_start, prev_end))

    sentences: list[_Sentence] = []
    for start, end in blocks:
        cut = start
        for brk in P.SENTENCE_BREAK.finditer(text, start, end):
            nxt = brk.end()
            if nxt >= end or not text[nxt].isupper() and text[nxt] not in '"“(':
                continue
            if P.ABBREVIATION_BEFORE_STOP.search(text[max(start, brk.start() - 8) : brk.start()].rstrip('"”»)')):
                continue
            sentences.append(_Sentence(cut, brk.start()))
            cut = nxt
        sentences.append(_Sentence(cut, end))
    return [s for s in sentences if s.end > s.start]
