"""Parse and canonicalize document codes, and map issuers between abbreviation and name.

Party codes are ``NN-TYPE/ISSUER`` (``16-HD/BTCTW``); state codes ``NN/YYYY/TYPE-ISSUER``
(``56/2015/NĐ-CP``) or ``NN/TYPE-ISSUER`` (``439/QĐ-TTg``). Canonical form keeps the number
as written, writes ``Đ`` (never ``D``/``Ð``), ``TW`` for ``TƯ``, removes spaces and uses
``-`` for every dash. The tables behind it are ``extractors/data/doc_types.json`` and
``extractors/data/issuers.json``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from extractors.patterns.codes import (
    CODE_RE,
    CODE_SEGMENT_RE,
    DOUBLED_SEPARATOR_RE,
    GLUED_WORD_RE,
    O_FOR_Q_RE,
    QH_TERM_AFTER_RE,
    SLASH_FOR_DASH_RE,
    load_table,
)
from vntext.normalize import normalize_text

_LOOKALIKES = str.maketrans(
    {
        "Ð": "Đ",
        "Ɖ": "Đ",
        "ð": "đ",
        # Cyrillic capitals that look Latin
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)


@dataclass(frozen=True)
class ParsedCode:
    """A code split into its parts.

    ``kind`` is ``party`` (``16-HD/BTCTW``), ``state`` (``56/2015/NĐ-CP``,
    ``439/QĐ-TTg``) or ``legacy`` (``34-NV``, ``60-SL``).
    """

    code: str  # canonical
    number: str  # as written: "02", "060"
    doc_type: str | None  # "HD", "NĐ"; None when the code has no type (45/2019/QH14)
    issuer_code: str | None  # "BTCTW", "CP", "TTLT"'s joint issuers "BTC-BGTVT"
    kind: str
    year: str | None = None
    #: Slips repaired to reach ``code``, each said in words ("OH15 read as QH15").
    repairs: tuple[str, ...] = ()
    #: False for a state code cut before its issuer ("70/2025/NĐ"): the citation is
    #: kept, with code null, since the text does not say whose document it is.
    complete: bool = True


# --------------------------------------------------------------------------- tables


@lru_cache(maxsize=1)
def _type_table() -> dict[str, str]:
    """Upper-cased spelling (abbreviation or alias) -> canonical type abbreviation."""
    table: dict[str, str] = {}
    for abbr, row in load_table("doc_types.json")["types"].items():
        for spelling in [abbr, *row.get("aliases", [])]:
            table.setdefault(spelling.upper(), abbr)
    return table


@lru_cache(maxsize=1)
def _party_types() -> frozenset[str]:
    types = load_table("doc_types.json")["types"]
    return frozenset(abbr for abbr, row in types.items() if "party" in row["systems"])


@lru_cache(maxsize=1)
def _issuer_rows() -> dict[str, dict[str, Any]]:
    """Upper-cased spelling of an issuer abbreviation -> its table row."""
    table: dict[str, dict[str, Any]] = {}
    for row in load_table("issuers.json")["issuers"]:
        for spelling in [row["code"], *row.get("aliases", [])]:
            table.setdefault(spelling.upper(), row)
    return table


@lru_cache(maxsize=1)
def _issuer_names() -> list[tuple[str, dict[str, Any]]]:
    """(folded name, row) for every name of every issuer, longest first."""
    pairs = [(_fold(name), row) for row in load_table("issuers.json")["issuers"] for name in row["names"]]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


@lru_cache(maxsize=1)
def _legacy_suffixes() -> dict[str, tuple[str, str]]:
    """Upper-cased legacy suffix -> (canonical spelling, action)."""
    rows = load_table("doc_types.json")["legacy_suffixes"]
    return {suffix.upper(): (suffix, action) for suffix, action in rows.items()}


@lru_cache(maxsize=1)
def _type_words() -> dict[str, str]:
    """Folded type word -> abbreviation ("hướng dẫn" -> "HD")."""
    return {_fold(word): abbr for word, abbr in load_table("doc_types.json")["type_words"].items()}


@lru_cache(maxsize=1)
def _type_names() -> dict[str, str]:
    """Folded type word -> the word as the table spells it ("hướng dẫn" -> "Hướng dẫn")."""
    return {_fold(word): word for word in load_table("doc_types.json")["type_words"]}


@lru_cache(maxsize=65536)  # pure; the graph build folds the same names over and over
def _fold(text: str) -> str:
    """Case-fold and tidy a phrase for table look-ups (the pipeline's normalization, one space, lower case)."""
    text = normalize_text(text.translate(_LOOKALIKES))
    return re.sub(r"\s+", " ", text).strip().lower()


# --------------------------------------------------------------------------- segments


def _clean_segment(seg: str) -> str:
    return re.sub(r"\s+", "", seg.translate(_LOOKALIKES))


def _looks_like_abbreviation(seg: str) -> bool:
    """True for "BTCTW", "TTg", "QH15", "TxU"; False for "Bộ", "năm", "Hà"."""
    uppers = sum(1 for ch in seg if ch.isupper())
    lowers = sum(1 for ch in seg if ch.islower())
    return uppers >= 2 and lowers <= 1 and len(seg) <= 16


def canonical_type(seg: str) -> str | None:
    """The table's abbreviation for a type segment ("qd" -> "QĐ"), or None if unknown."""
    return _type_table().get(_clean_segment(seg).upper())


def _unglue(seg: str) -> str:
    """Cut a lower-case word glued to a code's last segment: "BCAngày" -> "BCA"."""
    glued = GLUED_WORD_RE.match(seg)
    return glued.group("code") if glued else seg


def _canonical_issuer_segment(seg: str) -> str | None:
    """A known issuer abbreviation in table spelling, else the segment if it looks like one."""
    seg = _clean_segment(seg)
    row = _issuer_rows().get(seg.upper())
    if row is not None:
        return str(row["code"])
    # TƯ for TW inside compound issuers: BTCTƯ, UBKTTƯ
    if seg.upper().endswith("TƯ"):
        return _canonical_issuer_segment(seg[:-2] + "TW")
    if _looks_like_abbreviation(seg):
        return seg if any(ch.islower() for ch in seg) else seg.upper()
    return None


def _known_party_issuer(seg: str) -> str | None:
    row = _issuer_rows().get(_clean_segment(seg).upper())
    if row is None and _clean_segment(seg).upper().endswith("TƯ"):
        row = _issuer_rows().get(_clean_segment(seg).upper()[:-2] + "TW")
    return row["code"] if row is not None and row["system"] == "party" else None


def _tail_segments(tail: str) -> list[str]:
    return CODE_SEGMENT_RE.findall(tail)


# --------------------------------------------------------------------------- parsing


def parse_match(match: re.Match[str], type_word: str | None = None) -> tuple[ParsedCode, int] | None:
    """Validate a CODE_RE match; return the parsed code and where the code really ends.

    ``type_word`` is the type word written before the code ("Chỉ thị"): it supplies the
    type of an issuer-only code (``24/TTg`` -> ``24/CT-TTg``). Returns None when the
    match is not a code (unknown type, nothing that looks like an issuer). Slips with a
    single reading are repaired and listed in ``ParsedCode.repairs``.
    """
    found = _parse_match(match, type_word)
    if found is None:
        return None
    parsed, end = found
    written = match.string[match.start() : end]
    if DOUBLED_SEPARATOR_RE.search(written):
        parsed = replace(parsed, repairs=(*parsed.repairs, f"doubled separator in '{_one_line(written)}'"))
    return parsed, end


def _one_line(written: str) -> str:
    return re.sub(r"\s+", " ", written).strip()


def _d_for_dj(written: str, canon: str) -> str | None:
    """A repair note when a segment was written with D where the table has Đ ("ND" -> "NĐ")."""
    clean = _clean_segment(written)
    if clean.upper() != canon.upper() and clean.upper().replace("Đ", "D") == canon.upper().replace("Đ", "D"):
        return f"{clean} read as {canon}"
    return None


def _parse_match(match: re.Match[str], type_word: str | None) -> tuple[ParsedCode, int] | None:
    number = match.group("num")
    if match.group("year") is not None:
        return _parse_state_tail(match, number, match.group("year"), "st_tail")
    for prefix in ("ps", "pd"):  # type and issuer split alike: "221/KL/TW" (ps), "366-QĐ-TW" (pd)
        if match.group(f"{prefix}_type") is not None:
            doc_type = canonical_type(match.group(f"{prefix}_type"))
            issuer = _known_party_issuer(match.group(f"{prefix}_issuer"))
            if doc_type in _party_types() and issuer is not None:
                code = f"{number}-{doc_type}/{issuer}"
                notes = [
                    n
                    for n in (
                        _d_for_dj(match.group(f"{prefix}_type"), doc_type),
                        _d_for_dj(match.group(f"{prefix}_issuer"), issuer),
                    )
                    if n
                ]
                return ParsedCode(code, number, doc_type, issuer, "party", repairs=tuple(notes)), match.end()
            return None
    if match.group("sa_tail") is not None:
        return _parse_state_tail(match, number, None, "sa_tail")
    if match.group("p_type") is not None:
        return _parse_party(match, number)
    return _parse_legacy(match, number, type_word)


def _parse_party(match: re.Match[str], number: str) -> tuple[ParsedCode, int] | None:
    doc_type = canonical_type(match.group("p_type"))
    if doc_type not in _party_types():
        return None
    notes = [n for n in [_d_for_dj(match.group("p_type"), doc_type)] if n]
    issuers: list[str] = []
    end = match.start("p_issuer")
    for seg_match in CODE_SEGMENT_RE.finditer(match.group("p_issuer")):
        written = _unglue(seg_match.group())
        issuer = _canonical_issuer_segment(written)
        if issuer is None:
            break
        issuers.append(issuer)
        note = _d_for_dj(written, issuer)
        if note:
            notes.append(note)
        end = match.start("p_issuer") + seg_match.start() + len(written)
        if written != seg_match.group():
            break
    if not issuers:
        return None
    issuer_code = "-".join(issuers)
    code = f"{number}-{doc_type}/{issuer_code}"
    return ParsedCode(code, number, doc_type, issuer_code, "party", repairs=tuple(notes)), end


def _parse_state_tail(match: re.Match[str], number: str, year: str | None, group: str) -> tuple[ParsedCode, int] | None:
    """State code tails: "NĐ-CP", "QH14", "TTLT-BTC-BGTVT", "BYT-KCB"; stop at the first
    segment that is neither a known type nor abbreviation-like ("- Hà Nội").

    Slips with one reading are repaired: "OH15" -> "QH15", "OĐ" -> "QĐ", "ND" -> "NĐ",
    "NĐ/CP" -> "NĐ-CP" (a known issuer after the slash). A dated code that stops after
    its type ("131/2013/NĐ") comes back with ``complete`` False."""
    kept: list[str] = []
    notes: list[str] = []
    end = match.start(group)
    for seg_match in CODE_SEGMENT_RE.finditer(match.group(group)):
        written = _unglue(seg_match.group())
        seg = _clean_segment(written)
        canon, note = _state_segment(seg, first=not kept)
        glued = None
        if not kept and year is not None and (canon is None or canonical_type(canon) is None):
            glued = _glued_type_and_issuer(seg)  # "10/2024/TTBTC": the dash between type and issuer left out
        if glued is not None:
            kept.extend(glued)
            notes.append(f"'{seg}' read as '{glued[0]}-{glued[1]}'")
        elif canon is None:
            break
        else:
            kept.append(canon)
            if note:
                notes.append(note)
        end = match.start(group) + seg_match.start() + len(written)
        if written != seg_match.group():
            break
    if not kept or (year is None and len(kept) < 2):
        return None
    if year is not None and len(kept) == 1 and canonical_type(kept[0]) is not None:
        issuer = _issuer_after_slash(match.string, end)
        if issuer is not None:  # "70/2025/NĐ/CP"
            notes.append(f"'/' read as '-' in '{kept[0]}/{issuer[0]}'")
            kept.append(issuer[0])
            end = issuer[1]
        else:  # "131/2013/NĐ": whose Nghị định the text does not say
            doc_type = kept[0]
            code = f"{number}/{year}/{doc_type}"
            return ParsedCode(code, number, doc_type, None, "state", year, tuple(notes), complete=False), end
    term = QH_TERM_AFTER_RE.match(match.string, end) if kept and kept[-1] in ("QH", "UBTVQH") else None
    if term is not None:  # "32/2013/QH 13": the National Assembly's term after a space
        notes.append(f"'{kept[-1]} {term.group('term')}' read as {kept[-1]}{term.group('term')}")
        kept[-1] += term.group("term")
        end = term.end()
    first_type = canonical_type(kept[0])
    if year is None and len(kept) == 2 and first_type in _party_types() and _is_party_only_issuer(kept[1]):
        # "27/NQ-TW": a party code written the state way; one node with "27-NQ/TW"
        notes.append(f"'{number}/{kept[0]}-{kept[1]}' read as '{number}-{first_type}/{kept[1]}'")
        return ParsedCode(
            f"{number}-{first_type}/{kept[1]}", number, first_type, kept[1], "party", None, tuple(notes)
        ), end
    if year is None:
        code = f"{number}/{'-'.join(kept)}"
    else:
        code = f"{number}/{year}/{'-'.join(kept)}"
    if first_type is not None and len(kept) > 1:
        return ParsedCode(code, number, first_type, "-".join(kept[1:]), "state", year, tuple(notes)), end
    return ParsedCode(code, number, None, "-".join(kept), "state", year, tuple(notes)), end


def _is_party_only_issuer(seg: str) -> bool:
    """A party issuer ("TW", "BTCTW", "TU") that no state body writes as its code."""
    row = _issuer_rows().get(seg)
    return _known_party_issuer(seg) == seg and row is not None and row.get("system") == "party"


def _glued_type_and_issuer(seg: str) -> tuple[str, str] | None:
    """A type and a known issuer written without their dash ("TTBTC", "NĐCP"), when only one
    split reads as both; else None."""
    readings = set()
    for cut in range(1, len(seg)):
        doc_type, issuer = canonical_type(seg[:cut]), _canonical_issuer_segment(seg[cut:])
        if doc_type is not None and issuer is not None and canonical_type(seg[cut:]) is None:
            readings.add((doc_type, issuer))
    return readings.pop() if len(readings) == 1 else None


def _state_segment(seg: str, first: bool) -> tuple[str | None, str | None]:
    """A state code segment in canonical spelling, with a note when a slip was repaired."""
    canon = canonical_type(seg) if first else None
    if canon is None:
        canon = _canonical_issuer_segment(seg)
        if canon is not None and canonical_type(seg) is None and canon == seg:
            slip = O_FOR_Q_RE.match(seg.upper())
            if slip:  # "OH15" -> "QH15"
                fixed = f"{slip.group('head')}Q{slip.group('tail')}"
                return fixed, f"{seg} read as {fixed}"
            typed = canonical_type("Q" + seg[1:]) if first and seg[:1] in "O0" else None
            if typed is not None:  # "OĐ-UBND" -> "QĐ-UBND"
                return typed, f"{seg} read as {typed}"
            known = {_issuer_rows()[v]["code"] for v in _d_variants(seg.upper()) if v in _issuer_rows()}
            if len(known) == 1:  # "HDND" -> "HĐND"
                fixed = known.pop()
                return fixed, f"{seg} read as {fixed}"
        return canon, None
    return canon, _d_for_dj(seg, canon)


def _d_variants(seg: str) -> list[str]:
    """The segment with one of its D's read as Đ: "HDND" -> ["HĐND", "HDNĐ"]."""
    return [seg[:i] + "Đ" + seg[i + 1 :] for i, ch in enumerate(seg) if ch == "D"]


def _issuer_after_slash(text: str, pos: int) -> tuple[str, int] | None:
    """A known issuer written after a slash where a dash belongs: the "/CP" of "NĐ/CP"."""
    after = SLASH_FOR_DASH_RE.match(text, pos)
    if after is None:
        return None
    row = _issuer_rows().get(_clean_segment(after.group("seg")).upper())
    if row is None or row.get("system") != "state":
        return None
    return row["code"], after.end()


def _parse_legacy(match: re.Match[str], number: str, type_word: str | None) -> tuple[ParsedCode, int] | None:
    suffix = _clean_segment(match.group("lg_suffix"))
    entry = _legacy_suffixes().get(suffix.upper())
    if entry is None:
        return None
    spelling, action = entry
    separator = "/" if "/" in match.group("lg_sep") else "-"
    if action == "insert_type" and separator == "/" and type_word is not None:
        doc_type = _type_words().get(_fold(type_word))
        if doc_type is not None:
            code = f"{number}/{doc_type}-{spelling}"
            return ParsedCode(code, number, doc_type, spelling, "state"), match.end()
    doc_type = spelling if canonical_type(spelling) else None
    issuer = None if doc_type else spelling
    return ParsedCode(f"{number}{separator}{spelling}", number, doc_type, issuer, "legacy"), match.end()


@lru_cache(maxsize=1)
def _licence_segments() -> frozenset[str]:
    return frozenset(seg.upper() for seg in load_table("doc_types.json")["not_documents"])


def is_licence(parsed: ParsedCode) -> bool:
    """True for a licence or permit number ("485/GP-BTTTT"): not a document the graph cites."""
    head = parsed.doc_type or (parsed.issuer_code or "").split("-")[0]
    return head.upper() in _licence_segments()


def parse_code(raw: str, type_word: str | None = None) -> ParsedCode | None:
    """Parse one code written on its own ("16 - HD/BTCTW", "56/2015/NĐ-CP"), or None.

    >>> parse_code("02-HD/ĐU").issuer_code
    'ĐU'
    """
    raw = unicodedata.normalize("NFC", raw).strip()
    match = CODE_RE.match(raw)
    if match is None:
        return None
    parsed = parse_match(match, type_word)
    if parsed is None:
        return None
    code, end = parsed
    if raw[end:].strip(" .,;") or not code.complete:
        return None
    return code


@lru_cache(maxsize=65536)  # pure; the graph build compares the same codes over and over
def code_key(code: str) -> str:
    """A code compared loosely (the shared GOLD.md rule): the pipeline's normalization
    (NFC, Đ look-alikes, dashes), upper case, no spaces, no leading zeros of the number.

    >>> code_key("02 - HD/Ðu") == code_key("2-HD/ĐU")
    True
    """
    key = normalize_text(code).upper()
    key = re.sub(r"\s+", "", key)
    return re.sub(r"^0+(?=\d)", "", key)


def canonical_code(raw: str) -> str | None:
    """The canonical form of a written code, or None when it is not a code.

    >>> canonical_code("16 - HD/BTCTƯ")
    '16-HD/BTCTW'
    """
    parsed = parse_code(raw)
    return parsed.code if parsed else None


# --------------------------------------------------------------------------- issuers


def issuer_name(issuer_code: str | None) -> str | None:
    """The full name of the body behind an issuer abbreviation ("BTCTW" -> "Ban Tổ chức
    Trung ương"), or None when unknown or joint."""
    if not issuer_code:
        return None
    row = _issuer_rows().get(_clean_segment(issuer_code).upper())
    if row is None:  # a term number after the body: "QH15", "UBTVQH15"
        row = _issuer_rows().get(re.sub(r"\d{1,2}$", "", _clean_segment(issuer_code).upper()))
    if row is None:
        return None
    return str(row["name"])


def issuer_code_for(phrase: str | None) -> str | None:
    """The issuer abbreviation for a body named in text ("Bộ Chính trị" -> "TW",
    "Đảng ủy Bộ Thông tin và Truyền thông" -> "ĐU"): the longest table name it starts with."""
    if not phrase:
        return None
    folded = _fold(phrase)
    for name, row in _issuer_names():
        if folded == name or folded.startswith(name + " "):
            return str(row["code"])
    return None


@lru_cache(maxsize=1)
def _issuer_spellings() -> dict[str, str]:
    """Folded body name -> the name as the table writes it."""
    return {_fold(name): name for row in load_table("issuers.json")["issuers"] for name in row["names"]}


def issuer_spelling(name: str) -> str:
    """A body name as the issuer table writes it ("BỘ CHÍNH TRỊ" -> "Bộ Chính trị"), or
    the name unchanged when the table does not know it."""
    return _issuer_spellings().get(_fold(name), name)


def issuer_is_open(issuer_code: str | None) -> bool:
    """True for bodies that need a complement to say which one ("Đảng ủy", "Tỉnh ủy")."""
    row = _issuer_rows().get(_clean_segment(issuer_code or "").upper())
    return bool(row and row.get("open"))


def type_abbreviation(type_word: str | None) -> str | None:
    """The type abbreviation for a type word ("Chỉ thị" -> "CT", "Quy định" -> "QĐ")."""
    if not type_word:
        return None
    return _type_words().get(_fold(type_word))


def type_name(type_word: str | None) -> str | None:
    """A type word in table spelling ("QUY ĐỊNH" -> "Quy định")."""
    if not type_word:
        return None
    return _type_names().get(_fold(type_word))


def type_name_for_code(doc_type: str | None) -> str | None:
    """The usual type word for an abbreviation ("HD" -> "Hướng dẫn")."""
    if not doc_type:
        return None
    row = load_table("doc_types.json")["types"].get(doc_type)
    return row["names"][0] if row else None


def party_code(number: str, doc_type: str, issuer_code: str) -> str:
    """Build a party code from its parts: ("35", "CT", "TW") -> "35-CT/TW"."""
    return f"{number}-{doc_type}/{issuer_code}"


def is_party_issuer(issuer_code: str | None) -> bool:
    """True for a party body whose abbreviation can build a code ("TW", "BTCTW", "ĐU")."""
    row = _issuer_rows().get(_clean_segment(issuer_code or "").upper())
    return bool(row and row["system"] == "party" and row.get("builds_codes", True))


def fold(text: str) -> str:
    """Public alias of the look-up folding (lower case, NFC, new tone placement)."""
    return _fold(text)
