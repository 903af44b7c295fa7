"""A directive's own identity, read from its header, date line, title and signature.

A directive (party or state) opens with the national header ("ĐẢNG CỘNG SẢN VIỆT NAM" or
"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") beside its issuer and number ("Số 45-HD/BTCTW"),
the place-and-date line ("Hà Nội, ngày 21 tháng 11 năm 2025"), the type in capitals
("HƯỚNG DẪN") and the subject; it ends with "Nơi nhận" and the signature block
("K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN / Hoàng Đăng Quang"). News has none of this: for news
``read_identity`` returns None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors import codes
from extractors.citations import tidy_phrase
from extractors.effective import find_effective
from extractors.models import DateMention, SelfIdentity, Signer
from extractors.patterns.codes import (
    BODY_HEAD_RE,
    CELL_BREAK_RE,
    CODE_RE,
    ENACTING_LINE_RE,
    HEADER_CELL_BREAK_RE,
    HEADER_MARK_RE,
    ISSUER_NAME_RE,
    LEVEL_WORD_RE,
    LINE_DEBRIS_RE,
    MOTTO_RE,
    NUMBER_LINE_RE,
    OPEN_ENDED_RE,
    PARTY_ORGANIZATION_LINE_RE,
    PLACE_DATE_INLINE_RE,
    PLACE_DATE_RE,
    POST_CONTINUES_RE,
    POST_LINE_RE,
    RECIPIENTS_RE,
    SIGNATURE_CELL_RE,
    SIGNATURE_MARK_RE,
    SIGNER_NAME_RE,
    TITLE_BLOCK_END_RE,
    TITLE_LINE_RE,
    TRAILING_CAPITALS_RE,
    TRAILING_NAME_RE,
    TYPE_BEFORE_NUMBER_RE,
)
from extractors.patterns.page import FULL_TEXT_LEAD, PAGE_SUBJECT_LINE

_HEADER_REACH = 700  # how far from the national header the number line may stand
_TITLE_REACH = 900  # how far after the number/date line the type line may stand
_SUBJECT_LINES = 8
_BOLD_LINE_RE = re.compile(r"^\s*\*\*.*\*\*\s*$")  # a whole line in bold: "**BỘ TRƯỞNG BỘ NỘI VỤ**"
#: Header lines that are not the issuer.
_NOT_ISSUER_RE = re.compile(
    r"^(?:ĐẢNG$|ĐẢNG\s+CỘNG|VIỆT\s+NAM|CỘNG\s+SẢN|CỘNG\s+H|Độc\s+lập|ĐỘC\s+LẬP|VĂN\s+BẢN\s+QUY\s+PHẠM|CÔNG\s+BÁO|\d+$|[-*_=\s]*$)"
)


def is_directive(text: str) -> bool:
    """True when the text carries a directive's header (national header with a number
    line or a place-and-date line next to it)."""
    return _header(text) is not None


def read_identity(text: str, dates: Sequence[DateMention] = ()) -> SelfIdentity | None:
    """The directive's own code, type, issuer, date, place, subject and signer; None for news."""
    header = _header(text)
    if header is None:
        return None
    mark, number_line, code_match, place_date = header
    parsed = None
    code_end = None
    if code_match is not None:
        type_word = number_line.group("type_word") if number_line else None
        found = codes.parse_match(code_match, type_word)
        if found is not None and found[0].complete:
            parsed, code_end = found

    anchor = max(m.end() for m in (mark, number_line, place_date) if m is not None)
    if code_end is not None:
        anchor = max(anchor, code_end)
    title_match = TITLE_LINE_RE.search(text, anchor, anchor + _TITLE_REACH)
    type_name = codes.type_name(title_match.group("title")) if title_match else None
    subject = _subject(text, title_match.end()) if title_match else None
    if type_name is None and number_line is not None and number_line.group("type_word"):
        type_name = codes.type_name(number_line.group("type_word"))

    doc_type = parsed.doc_type if parsed and parsed.doc_type else codes.type_abbreviation(type_name)
    signer = _signer(text, anchor)
    issuer = _issuer(text, mark, number_line, parsed, signer)
    issued = _issued(place_date, dates) if place_date else None
    return SelfIdentity(
        code=parsed.code if parsed else None,
        doc_type=doc_type,
        doc_type_name=type_name or codes.type_name_for_code(doc_type),
        number=parsed.number if parsed else None,
        issuer_code=parsed.issuer_code if parsed else None,
        issuer=issuer,
        issued=issued,
        place=tidy_phrase(place_date.group("place")) if place_date else None,
        subject=subject,
        signer=signer,
        start=code_match.start() if parsed and code_match else None,
        end=code_end if parsed else None,
        repairs=parsed.repairs if parsed else (),
        effective=find_effective(text, dates, issued),
    )


# --------------------------------------------------------------------------- header


def _header(
    text: str,
) -> tuple[re.Match[str], re.Match[str] | None, re.Match[str] | None, re.Match[str] | None] | None:
    """(header mark, number line, code match, place-date line) of the first complete
    header: a national header with a "Số ..." line or a place-and-date line near it."""
    for mark in HEADER_MARK_RE.finditer(text):
        low, high = max(0, mark.start() - _HEADER_REACH), mark.end() + _HEADER_REACH
        number_line, code_match = _number_line(text, low, high)
        place_date = PLACE_DATE_RE.search(text, low, high) or PLACE_DATE_INLINE_RE.search(text, low, high)
        if number_line is not None or place_date is not None:
            return mark, number_line, code_match, place_date
    return None


def _number_line(text: str, low: int, high: int) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """The "Số 45-HD/BTCTW" line nearest the header, with its code match."""
    for line in NUMBER_LINE_RE.finditer(text, low, high):
        code = CODE_RE.match(text, line.end())
        if code is not None and codes.parse_match(code, line.group("type_word")) is not None:
            return line, code
    return None, None


def _issued(place_date: re.Match[str], dates: Sequence[DateMention]) -> str | None:
    """The issue date: the DateMention found on the date line, else the line's own numbers."""
    start, end = place_date.span("date")
    for date in dates:
        if date.kind == "date" and date.value and start - 5 <= date.start < end:
            return date.value
    day, month, year = (int(place_date.group(g)) for g in ("day", "month", "year"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# --------------------------------------------------------------------------- title and subject


def _subject(text: str, pos: int) -> str | None:
    """The subject lines under the type line, up to a rule, the preamble or a blank line
    (capitalized subjects may have blank lines between their lines)."""
    lines = text[pos : pos + 1500].split("\n")
    kept: list[str] = []
    blank_seen = False
    for index, raw in enumerate(lines):
        bold = bool(_BOLD_LINE_RE.match(raw))
        # bold runs split words in converted DOCX ("V****ề việc"): stars go without a space
        line = re.sub(r"\s+", " ", LINE_DEBRIS_RE.sub(" ", raw.replace("*", ""))).strip()
        if not line:
            blank_seen = bool(kept)
            continue
        if TITLE_BLOCK_END_RE.match(line):
            break
        if (
            kept
            and line.isupper()
            and ENACTING_LINE_RE.match(line)
            and not OPEN_ENDED_RE.search(kept[-1])
            and (bold or blank_seen or _preamble_follows(lines, index + 1))
        ):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...": who enacts it, not the subject
        capitals = all(k.isupper() for k in kept)
        if kept and capitals and not line.isupper():
            break  # body text after a subject in capitals
        if blank_seen and not (line.isupper() and capitals):
            break
        kept.append(line)
        blank_seen = False
        if len(kept) >= _SUBJECT_LINES:
            break
    if not kept:
        return None
    subject = tidy_phrase(" ".join(kept))
    return _sentence_case(subject) if subject.isupper() else subject


def _preamble_follows(lines: list[str], start: int) -> bool:
    """True when the next non-empty line opens the preamble ("Căn cứ ...")."""
    for raw in lines[start:]:
        line = LINE_DEBRIS_RE.sub(" ", raw).strip()
        if line:
            return bool(TITLE_BLOCK_END_RE.match(line))
    return False


def _sentence_case(caps: str) -> str:
    """Lower-case a capitalized subject, keeping codes and body names readable:
    "QUY ĐỊNH SỐ 377-QĐ/TW ... CỦA BỘ CHÍNH TRỊ" -> "Quy định số 377-QĐ/TW ... của Bộ Chính trị"."""
    pieces: list[tuple[int, int, str]] = []
    for match in CODE_RE.finditer(caps):
        parsed = codes.parse_match(match)
        if parsed is not None:
            pieces.append((match.start(), parsed[1], parsed[0].code))
    lowered = caps.lower()
    out, last = [], 0
    for start, end, code in pieces:
        out.append(lowered[last:start])
        out.append(code)
        last = end
    out.append(lowered[last:])
    text = "".join(out)
    text = ISSUER_NAME_RE.sub(lambda m: _table_spelling(m.group("issuer")), text)
    text = TYPE_BEFORE_NUMBER_RE.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:] + m.group(2), text)
    return text[:1].upper() + text[1:]


def _open_heads() -> set[str]:
    """Folded names of open bodies ("tỉnh ủy", "đảng ủy")."""
    from extractors.patterns.codes import load_table

    return {codes.fold(n) for row in load_table("issuers.json")["issuers"] if row.get("open") for n in row["names"]}


def _case_body(caps: str) -> str:
    """Case a capitalized body name: table names as the table spells them ("BỘ THÔNG TIN
    VÀ TRUYỀN THÔNG" -> "Bộ Thông tin và Truyền thông"), a leading level word in lower
    case ("TỈNH AN GIANG" -> "tỉnh An Giang"), other words capitalized."""
    caps = caps.strip()
    if not caps:
        return ""
    spelled = _table_spelling(caps, any_row=True)
    if spelled != caps:
        return spelled
    level = LEVEL_WORD_RE.match(caps)
    if level is not None:
        return f"{level.group().lower()} {_case_body(caps[level.end() :])}".strip()
    return " ".join(w.lower() if w.lower() in ("và", "các", "của") else w.capitalize() for w in caps.split())


def _table_spelling(name: str, any_row: bool = False) -> str:
    """A body name as the issuer table writes it ("bộ chính trị" -> "Bộ Chính trị")."""
    from extractors.patterns.codes import load_table

    folded = codes.fold(name)
    for row in load_table("issuers.json")["issuers"]:
        if row.get("open") and not any_row:
            continue  # "tỉnh ủy, thành ủy" in a subject are common nouns
        for spelling in row["names"]:
            if codes.fold(spelling) == folded:
                return str(spelling)
    return name


# --------------------------------------------------------------------------- issuer


def _issuer(
    text: str,
    mark: re.Match[str],
    number_line: re.Match[str] | None,
    parsed: codes.ParsedCode | None,
    signer: Signer | None,
) -> str | None:
    """The issuing body: from the signature's "T/M BỘ CHÍNH TRỊ" for /TW documents, from
    the issuer table for a specific body, else from the header lines above the number."""
    if parsed is not None and parsed.issuer_code == "TW" and signer and signer.title:
        body = re.match(r"T/M\s+(.+?)(?:,|$)", signer.title)
        if body:
            return _table_spelling(body.group(1).title())
    if parsed is not None and parsed.issuer_code and not codes.issuer_is_open(parsed.issuer_code):
        name = codes.issuer_name(parsed.issuer_code)
        if name:
            return name
        joint = [codes.issuer_name(part) for part in parsed.issuer_code.split("-")]
        named = [n for n in joint if n]
        if len(joint) > 1 and len(named) == len(joint):  # a joint circular: every issuer by name
            return ", ".join(named)
    return _header_issuer(text, mark, number_line)


def _header_issuer(text: str, mark: re.Match[str], number_line: re.Match[str] | None) -> str | None:
    """The issuing body from the header's issuer cell, minus the national header and motto:
    "TỈNH ỦY ĐỒNG THÁP" -> "Tỉnh ủy Đồng Tháp", a DOCX table's "ỦY BAN NHÂN / DÂN /
    THÀNH PHỐ HỒ CHÍ MINH" -> "Ủy ban nhân dân thành phố Hồ Chí Minh", "BỘ TÀI CHÍNH /
    CỤC THUẾ" -> "Cục Thuế" (the lowest body of the cell issues the document)."""
    end = number_line.start() if number_line is not None else mark.start()
    cells = _header_cells(text[max(0, end - 400) : end])
    kept = _issuer_cell(cells)
    if not kept:
        return None
    last = kept[-1]
    if codes.issuer_is_open(codes.issuer_code_for(last)) and codes.fold(last) in _open_heads():
        above = [line for cell in cells for line in cell][:-1]
        for line in above:  # "ĐẢNG BỘ TỈNH ĐỒNG THÁP" / "TỈNH ỦY" -> "Tỉnh ủy Đồng Tháp"
            organization = PARTY_ORGANIZATION_LINE_RE.match(line)
            if organization:
                place = organization.group("place").split()
                if place and last.split()[-1] == place[0]:
                    place = place[1:]  # "ĐẢNG ỦY KHỐI" + "KHỐI CÁC CƠ QUAN ..."
                whole = f"{last} {' '.join(place)}"
                spelled = _table_spelling(whole, any_row=True)
                if spelled != whole:
                    return spelled
                return tidy_phrase(f"{_table_spelling(last, any_row=True)} {_case_body(' '.join(place))}")
    phrase = _lowest_body(kept)
    head = ISSUER_NAME_RE.match(phrase)
    if head is not None:  # "ĐẢNG ỦY BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
        return tidy_phrase(_table_spelling(head.group("issuer"), any_row=True) + " " + _case_body(phrase[head.end() :]))
    return tidy_phrase(_case_body(phrase))


def _header_cells(block: str) -> list[list[str]]:
    """The capitalized lines of each header cell before the number line.

    The national header and motto are cut out first (in a DOCX table their words break over
    lines: "CỘNG HÒA XÃ / HỘI CHỦ NGHĨA VIỆT NAM"), then the block is cut into cells at
    table bars, rule lines and wide column gaps; within a cell, lines stay in order."""
    block = MOTTO_RE.sub("\n", HEADER_MARK_RE.sub("\n", block))
    cells: list[list[str]] = []
    for cell in HEADER_CELL_BREAK_RE.split(block):
        lines = []
        for raw in cell.split("\n"):
            line = tidy_phrase(LINE_DEBRIS_RE.sub(" ", raw))
            if line and line.isupper() and not _NOT_ISSUER_RE.match(line) and not CODE_RE.search(line):
                lines.append(line)
        if lines:
            cells.append(lines)
    return cells


def _issuer_cell(cells: list[list[str]]) -> list[str]:
    """The cell nearest the number line that names a body (else the nearest cell)."""
    for lines in reversed(cells):
        if BODY_HEAD_RE.search(" ".join(lines)):
            return lines
    return cells[-1] if cells else []


def _lowest_body(lines: list[str]) -> str:
    """The last body named in a cell's lines, from a head that starts a line to the end:
    ["BỘ TÀI CHÍNH", "CỤC THUẾ"] -> "CỤC THUẾ"; words broken over lines stay together
    (["ỦY BAN NHÂN", "DÂN", "TỈNH LAI CHÂU"] -> "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU")."""
    joined, line_starts, pos = [], set(), 0
    for line in lines:
        line_starts.add(pos)
        joined.append(line)
        pos += len(line) + 1
    phrase = " ".join(joined)
    heads = [m.start() for m in BODY_HEAD_RE.finditer(phrase) if m.start() in line_starts]
    return phrase[heads[-1] :] if heads else phrase


# --------------------------------------------------------------------------- signature


def _signer(text: str, after: int) -> Signer | None:
    """The signature block after the body: its mark (T/M, K/T, TM., KT.), post lines and
    the signer's name. The first block near "Nơi nhận" is preferred. Works on blocks
    flattened from a two-column table too ("- Lưu VP. PHÓ BÍ THƯ")."""
    recipients = RECIPIENTS_RE.search(text, after)
    search_from = max(after, recipients.start() - 200) if recipients else after
    mark = SIGNATURE_MARK_RE.search(text, search_from) or SIGNATURE_MARK_RE.search(text, after)
    if mark is None:
        return None
    title_lines: list[str] = []
    for raw in CELL_BREAK_RE.split(text[mark.start() : mark.start() + 500])[:12]:
        line = tidy_phrase(LINE_DEBRIS_RE.sub(" ", raw))
        if not line:
            continue
        cell = SIGNATURE_CELL_RE.match(line) if not title_lines else None
        if cell is not None and (name := SIGNER_NAME_RE.match(cell.group("rest"))) is not None:
            start = text.find(name.group("name"), mark.start())  # the whole block in one table cell
            return Signer(
                name=name.group("name"),
                title=_signature_title(_cell_title_lines(cell.group("caps"))),
                start=start if start >= 0 else None,
                end=start + len(name.group("name")) if start >= 0 else None,
            )
        if line.isupper() or not title_lines:
            title_lines.append(line)
            continue
        name = SIGNER_NAME_RE.match(line) or TRAILING_NAME_RE.search(line)
        if name is not None:
            start = text.find(name.group("name"), mark.start())
            return Signer(
                name=name.group("name"),
                title=_signature_title(title_lines),
                start=start if start >= 0 else None,
                end=start + len(name.group("name")) if start >= 0 else None,
            )
        caps = TRAILING_CAPITALS_RE.search(line)
        if caps is not None and len(caps.group("caps")) > 3:
            title_lines.append(caps.group("caps"))
    return Signer(name=None, title=_signature_title(title_lines)) if title_lines else None


def _cell_title_lines(caps: str) -> list[str]:
    """The capitals of a signature in one cell as the lines they stand for: the signer's own post
    starts at the first post word that does not continue the body it signs for
    ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH" -> ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])."""
    words = caps.split()
    for i in range(1, len(words)):
        rest = " ".join(words[i:])
        if POST_CONTINUES_RE.match(words[i - 1]) or not POST_LINE_RE.match(rest):
            continue
        before = POST_LINE_RE.match(" ".join(words[i - 1 :]))
        if before is not None and before.end() > len(words[i - 1]):  # "BỘ TRƯỞNG": one post word, not two
            continue
        return [" ".join(words[:i]), rest]
    return [caps]


def _signature_title(lines: list[str]) -> str | None:
    """Join the title lines; the signer's own post after the body is set off by a comma:
    ["K/T TRƯỞNG", "BAN", "PHÓ TRƯỞNG BAN"] -> "K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN"."""
    if not lines:
        return None
    split = len(lines)
    for index in range(len(lines) - 1, 0, -1):
        if POST_LINE_RE.match(lines[index]) and not SIGNATURE_MARK_RE.match(lines[index]):
            split = index
            break
    body = " ".join(lines[:split])
    post = " ".join(lines[split:])
    return f"{body}, {post}" if post else body


# --------------------------------------------------------------------------- page subject

_PAGE_TITLE_LINES = 3  # the page's title: its first non-empty lines
_FULL_TEXT_REACH = 1500  # how far a "Toàn văn ..." lead may stand from the start


def page_subject_start(text: str) -> int | None:
    """Where a web page names the document it is about, for a page with no directive header:
    its title or first heading starts with a document ("# Toàn văn Công văn 17899/BTC-VP về ...",
    "## Thông tư 02/2025/TT-BNV sửa đổi ..."), or a "Toàn văn <document>" lead stands near the
    top. Returns the offset of the document's type word; the caller takes the citation there."""
    seen = 0
    pos = 0
    for line in text[:_FULL_TEXT_REACH].split("\n"):
        if line.strip(" #*>-"):
            title_like = seen == 0 or line.lstrip(" >").startswith(("#", "**"))
            match = PAGE_SUBJECT_LINE.match(line) if title_like else None
            if match is not None:
                return pos + match.start("doc")
            seen += 1
            if seen >= _PAGE_TITLE_LINES:
                break
        pos += len(line) + 1
    lead = FULL_TEXT_LEAD.search(text, 0, _FULL_TEXT_REACH)
    return lead.start("doc") if lead else None
