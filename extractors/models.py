"""The facts extractors find, as frozen dataclasses.

Every extractor is a pure function of a *normalized* text (see
``vntext.normalize``) returning these objects. Their ``start``/``end`` are
offsets into that normalized text; the record builder
(``pipeline.run.record``) maps them back to offsets into the original text before
anything leaves the pipeline, so extractors never deal with the original.

Field names follow ``citations[]``, ``dates[]``, ``people[]``,
``organizations[]``, ``relations[]`` and ``self`` of the output contract
(shared spec ``OUTPUT.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """A reference to a party or state document.

    Examples of what one covers (``start``..``end``):
    ``Hướng dẫn số 02-HD/ĐUK, ngày 17/3/2022 của Đảng ủy Khối các cơ quan Trung ương``
    (form ``full``); ``Chỉ thị số 35 ngày 14/6/2024 của Bộ Chính trị`` (form
    ``number_only``, code ``35-CT/TW``); ``Quy định 377`` after a full mention
    (form ``short``); ``Điều lệ Đảng`` (form ``named``, code null).
    """

    start: int
    end: int
    code: str | None
    form: str  # full | number_only | short | named
    doc_type: str | None = None  # abbreviation: HD, QĐ, NĐ-CP's "NĐ" ...
    doc_type_name: str | None = None  # "Hướng dẫn"
    number: str | None = None  # "02", as written
    issuer_code: str | None = None  # the part after the slash: "ĐUK", "TW"
    issuer: str | None = None  # full issuing body
    date: str | None = None  # ISO date of the cited document
    subject: str | None = None  # "về ..." phrase
    name: str | None = None  # for named documents: "Điều lệ Đảng"
    code_start: int | None = None  # where the code itself stands, if written
    code_end: int | None = None
    resolved_from: int | None = None  # index of the citation a short form points to
    repairs: tuple[str, ...] = ()  # slips repaired in the written code ("OH15 read as QH15")
    edition: str | None = None  # a named document's year when the text gives one ("2024")


@dataclass(frozen=True)
class Signer:
    """The person who signed a directive, from its signature block."""

    name: str | None
    title: str | None  # "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN"
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class EffectiveDate:
    """A document's own effective-date clause: "có hiệu lực kể từ ngày ký" (``on_signing``,
    ``value`` its own date when known) or "có hiệu lực từ ngày 01/7/2025" (``date``)."""

    start: int  # span of the clause, from "có hiệu lực" to the date (or "ký")
    end: int
    kind: str  # on_signing | date
    value: str | None  # ISO date, None when signed on a date the text does not give


@dataclass(frozen=True)
class SelfIdentity:
    """A directive's own identity, read from its header, date line, title and signature."""

    code: str | None
    doc_type: str | None = None  # abbreviation, e.g. "HD"
    doc_type_name: str | None = None  # "Hướng dẫn"
    number: str | None = None
    issuer_code: str | None = None
    issuer: str | None = None  # "Ban Tổ chức Trung ương"
    issued: str | None = None  # ISO date from the place-and-date line
    place: str | None = None  # "Hà Nội"
    subject: str | None = None
    signer: Signer | None = None
    start: int | None = None  # span of the "Số ..." code in the header
    end: int | None = None
    repairs: tuple[str, ...] = ()  # slips repaired in the header's code
    effective: EffectiveDate | None = None  # "có hiệu lực từ ngày ...": from when it is in force


@dataclass(frozen=True)
class DateMention:
    """A date, month, year, period or term stated in the text.

    ``kind`` is ``date`` / ``month`` / ``year`` (with ``value``) or ``period`` /
    ``term`` (with ``range``: two ISO strings). Partial dates that could not be
    resolved keep kind ``partial`` and a value like ``--04-01``.
    """

    start: int
    end: int
    kind: str
    value: str | None = None
    range: tuple[str, str] | None = None
    relative: bool = False  # said against the text's own date: "hôm qua", "năm ngoái"


@dataclass(frozen=True)
class Post:
    """A post held by a person: title plus organization, with the text as written."""

    title: str  # "Thứ trưởng"
    organization: str | None  # "Bộ Thông tin và Truyền thông" (abbreviations expanded)
    start: int  # span of the post as written
    end: int
    since: str | None = None  # "2010", "2016-04": when the text says the post began
    until: str | None = None  # when it ended, if the text says
    former: bool = False  # "nguyên", "từng là", or a term that has ended


@dataclass(frozen=True)
class Person:
    """One person named in a text, all mentions merged."""

    name: str  # canonical form, "Hoàng Biên" for a byline "HOÀNG BIÊN"
    mentions: tuple[tuple[int, int], ...]
    posts: tuple[Post, ...] = ()


@dataclass(frozen=True)
class Organization:
    """A body mentioned in a text, with its canonical name."""

    name: str  # "Bộ Thông tin và Truyền thông"
    start: int  # span as written ("Bộ TT&TT")
    end: int


@dataclass(frozen=True)
class Relation:
    """A typed relation between two documents, with the evidence it rests on.

    ``source`` and ``target`` are canonical codes; a source with no code is the
    processed document's own id. ``type`` is one of based_on, implements,
    amends, replaces, repeals, cites.
    """

    source: str
    type: str
    target: str
    confidence: float
    start: int  # evidence span
    end: int
    rule: str  # which signal fired: "can_cu", "thuc_hien", "subject_line", ...


@dataclass
class Facts:
    """Everything found in one document, before it becomes an output record."""

    citations: list[Citation] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    identity: SelfIdentity | None = None
    published: DateMention | None = None  # the text's own date, where the text states it
    warnings: list[str] = field(default_factory=list)
