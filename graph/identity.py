"""Which graph node a cited code stands for.

A code names one document only within its issuer and its committee term
(DOMAIN.md §1). So:

* **central** codes (``/TW``, ``/BTCTW``, ``/VPTW``, state codes such as
  ``/NĐ-CP``) are keyed by the code itself — ``doc:16-HD/BTCTW`` — and split
  by term (``doc:105-QĐ/TW|XII``) when dated mentions of one code fall in two
  terms; an undated mention of such a code stays on the bare key, marked
  ambiguous;
* **local** codes (``/ĐU``, ``/HU``, ``/TU``, ``/ĐUK`` ...: issuers the table
  marks "open", since thousands of Đảng ủy number their own ``02-HD/ĐU``) are
  keyed by code and issuer — ``doc:02-HD/ĐU@đảng ủy bộ thông tin và truyền thông``
  — when the text names the issuer, and otherwise get a node of their own per
  citing text, marked ambiguous: ``doc:02-HD/ĐU?<text id>``. Two issuers'
  ``02-HD/ĐU`` are never one node.
* documents cited by name only ("Điều lệ Đảng") are ``doc:named:<name>``; a
  directive with no code is ``doc:self:<text id>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extractors.codes import fold, issuer_code_for, issuer_is_open, parse_code
from extractors.patterns.codes import load_table

#: Closing dates of the Party Congresses: numbering restarts with each term.
#: (Congress, first day of its term.) XIV: held January 2026.
TERMS: tuple[tuple[str, str], ...] = (
    ("IX", "2001-04-22"),
    ("X", "2006-04-25"),
    ("XI", "2011-01-19"),
    ("XII", "2016-01-28"),
    ("XIII", "2021-02-01"),
    ("XIV", "2026-01-23"),
)

_AMBIGUOUS_TEXT_ID_LENGTH = 12
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class DocumentKey:
    """A document node's key and what the key was built from."""

    key: str
    code: str | None
    scope: str  # central | local | named | self
    issuer: str | None = None  # the issuer that qualifies a local code
    term: str | None = None  # the term a split central code falls in
    ambiguous: bool = False  # the text did not say which document this is


def term_of(iso: str | None) -> str | None:
    """The committee term (Congress number) a date falls in, or None when unknown.

    >>> term_of("2022-02-15")
    'XIII'
    """
    if not iso:
        return None
    m = _ISO.match(iso)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 6), int(m.group(3) or 15)
    try:
        when = date(year, month, day).isoformat()
    except ValueError:
        return None
    current = None
    for name, start in TERMS:
        if when >= start:
            current = name
    return current


@lru_cache(maxsize=65536)
def issuer_segments(code: str) -> tuple[str, ...]:
    """The issuer abbreviations of a code: ``02-HD/ĐU`` -> ["ĐU"], ``2033/UBND-ĐT`` -> ["UBND", "ĐT"]."""
    parsed = parse_code(code)
    tail = parsed.issuer_code if parsed and parsed.issuer_code else code.rsplit("/", 1)[-1]
    return tuple(seg for seg in re.split(r"[-/]", tail) if seg)


@lru_cache(maxsize=65536)
def is_local(code: str) -> bool:
    """True for codes whose issuer is one of many ("open" bodies: Đảng ủy, Tỉnh ủy, UBND ...)."""
    segments = issuer_segments(code)
    return bool(segments) and issuer_is_open(segments[0])


@lru_cache(maxsize=65536)
def qualifying_issuer(issuer: str | None, code: str | None = None) -> str | None:
    """The issuer name that tells one local document from another, folded; None when
    the name is only the generic body ("Đảng ủy", "Tỉnh ủy"), absent, or belongs to
    another kind of body than the code says (an "Đảng ủy Khối ..." for a ``/ĐU`` code)."""
    if not issuer or not issuer.strip():
        return None
    folded = expand_issuer(issuer)
    if folded in _generic_issuer_names() or generic_level(issuer):
        return None
    if code:
        named = issuer_code_for(issuer)
        segments = issuer_segments(code)
        if named and segments and fold(named) != fold(segments[0]):
            return None
    return folded


_LEVEL_ONLY_RE = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|đặc khu)$")


@lru_cache(maxsize=65536)
def expand_issuer(issuer: str) -> str:
    """An issuer folded, its abbreviated head written out as the table names the body:
    "UBND tỉnh Bắc Ninh" -> "ủy ban nhân dân tỉnh bắc ninh"."""
    folded = " ".join(fold(issuer).split())
    head, _, rest = folded.partition(" ")
    full = _abbreviated_heads().get(head)
    return f"{full} {rest}".strip() if full else folded


@lru_cache(maxsize=1)
def _abbreviated_heads() -> dict[str, str]:
    """Folded one-word abbreviations among the table's body names ("ubnd") -> the body's name, folded."""
    heads = {}
    for row in load_table("issuers.json")["issuers"]:
        for name in row.get("names", []):
            if " " not in name and name.isupper():
                heads[fold(name)] = " ".join(fold(row["name"]).split())
    return heads


@lru_cache(maxsize=65536)
def generic_level(issuer: str | None) -> str | None:
    """The folded issuer when it names an open body by its level only ("UBND tỉnh",
    "Ủy ban nhân dân thành phố"): which province or city is not said. Else None."""
    if not issuer:
        return None
    folded = expand_issuer(issuer)
    for name in _generic_issuer_names():
        if folded.startswith(name + " ") and _LEVEL_ONLY_RE.match(folded[len(name) + 1 :]):
            return folded
    return None


@lru_cache(maxsize=1)
def _generic_issuer_names() -> frozenset[str]:
    """Names of "open" bodies that say which kind of body, not which one ("Đảng ủy",
    "Ban Thường vụ Tỉnh ủy"): no complement such as "... Trung ương"."""
    names = set()
    for row in load_table("issuers.json")["issuers"]:
        if not row.get("open"):
            continue
        for name in [row["name"], *row.get("names", [])]:
            folded = " ".join(fold(name).split())
            if "trung ương" in folded or "doanh nghiệp" in folded:
                continue
            names.add(folded)
            names.add("ban thường vụ " + folded)
    return frozenset(names)


def base_key(code: str, issuer: str | None, text_id: str) -> DocumentKey:
    """The key before any term split."""
    canon = code.strip()
    if is_local(canon):
        qualifier = qualifying_issuer(issuer, canon)
        if qualifier:
            return DocumentKey(f"doc:{canon}@{qualifier}", canon, "local", issuer=qualifier)
        short = text_id[:_AMBIGUOUS_TEXT_ID_LENGTH]
        return DocumentKey(f"doc:{canon}?{short}", canon, "local", ambiguous=True)
    return DocumentKey(f"doc:{canon}", canon, "central")


def split_by_term(key: DocumentKey, when: str | None, terms_seen: set[str]) -> DocumentKey:
    """Put a dated mention of a code seen in two or more terms on its term's node;
    an undated one stays on the bare key, marked ambiguous."""
    if len(terms_seen) < 2 or key.ambiguous:
        return key
    term = term_of(when)
    if term is None:
        return DocumentKey(key.key, key.code, key.scope, key.issuer, None, ambiguous=True)
    return DocumentKey(f"{key.key}|{term}", key.code, key.scope, key.issuer, term)


def named_key(name: str, edition: str | None = None) -> DocumentKey:
    """A document cited by name only: ``Điều lệ Đảng`` -> ``doc:named:điều lệ đảng``; with
    its edition, ``Hiến pháp`` 2013 -> ``doc:named:hiến pháp|2013``. A name that several
    editions share, given without a year, is marked ambiguous: which edition is not said."""
    folded = " ".join(fold(name).split())
    if edition:
        return DocumentKey(f"doc:named:{folded}|{edition}", None, "named")
    return DocumentKey(f"doc:named:{folded}", None, "named", ambiguous=has_editions(name))


@lru_cache(maxsize=1)
def _editions() -> dict[str, dict[str, str | None]]:
    """Folded name -> {year: code or None}, from the named-document table."""
    table = load_table("named_documents.json").get("editions", {})
    return {
        " ".join(fold(name).split()): {row["year"]: row.get("code") for row in rows} for name, rows in table.items()
    }


def edition_code(name: str, year: str | None) -> str | None:
    """The code of one edition of a named document: ("Luật Đất đai", "2024") -> "31/2024/QH15"."""
    if not year:
        return None
    return _editions().get(" ".join(fold(name).split()), {}).get(year)


def edition_in_force(name: str, day: str | None, at_least: bool = False) -> str | None:
    """The edition of a named document in force on ``day`` (ISO), from the table's ``in_force``
    dates: ("Hiến pháp", "2020-05-01") -> "2013"; None without a date or a dated edition before it.
    With ``at_least`` the day is only the earliest the text can be from: the answer holds only
    when no later edition exists.

    >>> edition_in_force("Hiến pháp", "2010-03-01"), edition_in_force("Hiến pháp", "2010-03-01", at_least=True)
    ('1992', None)
    """
    if not day:
        return None
    table = load_table("named_documents.json").get("editions", {})
    wanted = " ".join(fold(name).split())
    rows: list[dict] = next((rows for known, rows in table.items() if " ".join(fold(known).split()) == wanted), [])
    dated = sorted((row["in_force"], row["year"]) for row in rows if row.get("in_force"))
    before = [year for start, year in dated if start <= day[:10]]
    if not before or (at_least and before[-1] != dated[-1][1]):
        return None
    return before[-1]


#: Kinds of named documents that come in editions even when the table lists only one.
_EDITIONED_KINDS = ("luật ", "bộ luật ", "hiến pháp", "pháp lệnh ")


def has_editions(name: str) -> bool:
    """True when a name alone does not say which edition: a law, a constitution, or any
    name the table lists with two or more editions."""
    folded = " ".join(fold(name).split())
    return len(_editions().get(folded, {})) > 1 or folded.startswith(_EDITIONED_KINDS)


def self_key(text_id: str) -> DocumentKey:
    """A directive with no code of its own."""
    return DocumentKey(f"doc:self:{text_id}", None, "self")
