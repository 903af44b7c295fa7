"""A corpus of broken, hostile and odd inputs, generated (no binary blobs in the repository).

``build(folder)`` writes one file (or folder, link, FIFO, socket) per kind and
returns the kinds with what vanban must do with each: ``fail`` (one error line
naming the file and the reason), ``skip`` (one "skipped" line), or ``ok`` (a
record, perhaps with a warning). ``LIMITS_ENV`` lowers the resource limits so
that the over-limit kinds stay small and quick.

Run it by hand to see the table of outcomes::

    .venv/bin/python -m tests.bad_inputs /tmp/bad
"""

from __future__ import annotations

import io
import json
import os
import socket
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
LIMITS_ENV = {
    "VANBAN_MAX_INPUT_MB": "8",
    "VANBAN_MAX_UNZIPPED_MB": "40",
    "VANBAN_MAX_PDF_PAGES": "40",
    "VANBAN_TIME_LIMIT": "120",
}
GOOD_TEXT = "Căn cứ Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp."


@dataclass(frozen=True)
class Kind:
    name: str  # what is odd about it
    path: str  # relative to the corpus folder (the name the error line must carry)
    expect: str  # "fail" | "skip" | "ok" | "lines" (a JSON Lines dump: some lines fail, some are documents)
    reason: str = ""  # words the error or warning must contain ("" = any)


KINDS: list[tuple[Kind, Callable[[Path], None]]] = []


def kind(name: str, path: str, expect: str, reason: str = ""):
    def register(make: Callable[[Path], None]):
        KINDS.append((Kind(name, path, expect, reason), make))
        return make

    return register


def _write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def _docx(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _docx_with_body(body_xml: str, prolog: str = "") -> bytes:
    """A minimal valid DOCX package whose word/document.xml body is ``body_xml``."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
        '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
        'document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="http://schemas.'
        f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{body_xml}</w:body></w:document>'
    )
    return _docx({"[Content_Types].xml": content_types, "_rels/.rels": rels, "word/document.xml": document})


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _pdf(pages: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    for text in pages:
        c.drawString(72, 720, text)
        c.showPage()
    c.save()
    return buffer.getvalue()


# --- empty, garbage, truncated ----------------------------------------------------------------
kind("empty file", "empty.txt", "fail", "empty file")(lambda d: _write(d / "empty.txt", b""))
kind("only whitespace", "blank.md", "fail", "empty file")(lambda d: _write(d / "blank.md", b" \n\t\r\n  "))
kind("UTF-8 BOM and nothing else", "bom-only.txt", "fail", "no text")(
    lambda d: _write(d / "bom-only.txt", b"\xef\xbb\xbf\n")
)
kind("binary garbage named .pdf", "garbage.pdf", "fail", "PDF")(
    lambda d: _write(d / "garbage.pdf", bytes(range(256)) * 64)
)
kind("binary garbage named .docx", "garbage.docx", "fail", "DOCX")(
    lambda d: _write(d / "garbage.docx", os.urandom(1) * 0 + bytes(range(255, -1, -1)) * 64)
)
kind("NUL bytes named .txt", "binary.txt", "fail", "binary data")(lambda d: _write(d / "binary.txt", b"\x00\x01" * 500))
kind("truncated PDF", "truncated.pdf", "fail", "PDF")(
    lambda d: _write(d / "truncated.pdf", (CORPUS / "huong-dan-02-HD-DUK.pdf").read_bytes()[:1500])
)
kind("truncated DOCX", "truncated.docx", "fail", "DOCX")(
    lambda d: _write(d / "truncated.docx", (CORPUS / "huong-dan-16-HD-BTCTW.docx").read_bytes()[:3000])
)
kind("text named .docx", "text.docx", "fail", "DOCX")(lambda d: _write(d / "text.docx", GOOD_TEXT))
kind("PDF named .docx", "pdf.docx", "fail", "DOCX")(lambda d: _write(d / "pdf.docx", _pdf([GOOD_TEXT])))
kind("PDF header then garbage", "header-only.pdf", "fail", "PDF")(
    lambda d: _write(d / "header-only.pdf", b"%PDF-1.4\n" + b"garbage " * 200)
)
kind("DOCX without word/document.xml", "no-body.docx", "fail", "DOCX")(
    lambda d: _write(d / "no-body.docx", _docx({"[Content_Types].xml": "<Types/>", "hello.txt": "hi"}))
)


@kind("encrypted PDF", "encrypted.pdf", "fail", "encrypted PDF")
def _encrypted(d: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf(["Số 02-HD/ĐU ngày 14/4/2022"]))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    _write(d / "encrypted.pdf", out.getvalue())


# --- hostile packages and markup ----------------------------------------------------------------
@kind("zip bomb DOCX (100 MB of XML in a small file)", "zip-bomb.docx", "fail", "zip bomb")
def _zip_bomb(d: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            block = b"<w:p/>" * 100_000
            for _ in range(170):
                member.write(block)
    _write(d / "zip-bomb.docx", buffer.getvalue())


kind("XXE: DOCX with an external entity", "xxe.docx", "ok", "")(
    lambda d: _write(
        d / "xxe.docx",
        _docx_with_body(
            _p(GOOD_TEXT) + _p("&xxe;"), prolog='<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        ),
    )
)
kind("billion laughs DOCX", "laughs.docx", "fail", "DOCX")(
    lambda d: _write(
        d / "laughs.docx",
        _docx_with_body(
            _p("&lol9;"),
            prolog='<!DOCTYPE w:document [<!ENTITY lol "lol">'
            + "".join(
                f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                for i in range(1, 10)
            )
            + "]>",
        ),
    )
)


@kind("DOCX: one vertical merge over 3,000 rows", "vmerge.docx", "ok", "")
def _vmerge(d: Path) -> None:
    first = (
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
        + _p("Ban Chấp hành")
        + "</w:tc>"
        + "<w:tc>"
        + _p("Số 1-QĐ/TW")
        + "</w:tc></w:tr>"
    )
    rest = "".join(
        f"<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>{_p('')}</w:tc><w:tc>{_p(f'dòng {i}')}</w:tc></w:tr>"
        for i in range(3000)
    )
    _write(d / "vmerge.docx", _docx_with_body(_p(GOOD_TEXT) + "<w:tbl>" + first + rest + "</w:tbl>"))


kind("DOCX table of 5,000 rows", "big-table.docx", "ok", "")(
    lambda d: _write(
        d / "big-table.docx",
        _docx_with_body(
            _p(GOOD_TEXT)
            + "<w:tbl>"
            + "".join(f"<w:tr><w:tc>{_p(f'Mục {i}')}</w:tc></w:tr>" for i in range(5000))
            + "</w:tbl>"
        ),
    )
)
kind("HTML nested 20,000 deep", "nested.html", "fail", "")(
    lambda d: _write(
        d / "nested.html", "<html><body>" + "<div>" * 20_000 + GOOD_TEXT + "</div>" * 20_000 + "</body></html>"
    )
)
kind("HTML with no main text", "furniture.html", "fail", "no main text")(
    lambda d: _write(
        d / "furniture.html", "<html><head><script>var x = 1;</script></head><body><script>x++</script></body></html>"
    )
)


@kind("HTML declaring windows-1258", "cp1258.html", "ok", "windows-1258")
def _cp1258_html(d: Path) -> None:
    from tests.test_legacy import _windows_1258

    page = (
        "<html><head><meta charset='windows-1258'><title>Tin</title></head><body><article>"
        + f"<p>{GOOD_TEXT}</p>" * 4
        + "</article></body></html>"
    )
    _write(d / "cp1258.html", _windows_1258(page))


kind("upper-case extension PAGE.HTM", "PAGE.HTM", "ok", "")(
    lambda d: _write(
        d / "PAGE.HTM", f"<html><body><article><p>{GOOD_TEXT}</p><p>{GOOD_TEXT}</p></article></body></html>"
    )
)
kind("a 100 KB single line", "one-line.txt", "ok", "")(lambda d: _write(d / "one-line.txt", (GOOD_TEXT + " ") * 1150))
kind("file over the size limit (9 MB)", "huge.txt", "fail", "too large")(
    lambda d: _write(d / "huge.txt", b"a" * (9 * 1024 * 1024))
)
kind("PDF over the page limit (45 pages)", "many-pages.pdf", "fail", "pages")(
    lambda d: _write(d / "many-pages.pdf", _pdf([f"page {i}" for i in range(45)]))
)


@kind("PDF with wrong xref offsets", "bad-xref.pdf", "ok", "")
def _bad_xref(d: Path) -> None:
    import re

    data = (CORPUS / "huong-dan-02-HD-DUK.pdf").read_bytes()
    _write(d / "bad-xref.pdf", re.sub(rb"(\d{10}) 00000 n", b"0000000001 00000 n", data))


@kind("scanned PDF (no text layer)", "scan.pdf", "ok", "OCR")
def _scan(d: Path) -> None:
    from tests.scans import render_page, scan_pdf

    _write(d / "scan.pdf", scan_pdf(render_page()))


@kind("text PDF whose 2nd page is a scan", "half-scan.pdf", "ok", "page 2")
def _half_scan(d: Path) -> None:
    from tests.scans import render_page, text_then_scan_pdf

    _write(d / "half-scan.pdf", text_then_scan_pdf("Quy dinh so 50-QD/TW", render_page("Kết luận số 12-KL/TW")))


# --- JSON Lines ---------------------------------------------------------------------------------
def _jsonl(d: Path, name: str, lines: list[str | bytes]) -> None:
    _write(d / name, b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines) + b"\n")


GOOD_LINE = json.dumps({"id": "g1", "text": GOOD_TEXT}, ensure_ascii=False)
kind("JSONL: broken line, wrong types, array, null", "broken.jsonl", "lines", "broken.jsonl#")(
    lambda d: _jsonl(
        d,
        "broken.jsonl",
        [
            GOOD_LINE,
            "{not json",
            '{"text": 5}',
            "[1, 2]",
            "null",
            '{"text": ""}',
            json.dumps({"id": "g2", "text": "Kết luận số 12-KL/TW", "title": ["x"]}),
        ],
    )
)
kind("JSONL: 100,000-deep nesting", "deep.jsonl", "lines", "nested too deeply")(
    lambda d: _jsonl(d, "deep.jsonl", [GOOD_LINE, "[" * 100_000 + "]" * 100_000])
)
kind("JSONL: 5,000-digit integer", "bigint.jsonl", "lines", "cannot be parsed")(
    lambda d: _jsonl(d, "bigint.jsonl", [GOOD_LINE, '{"text": "x", "id": ' + "9" * 5000 + "}"])
)
kind("JSONL: lone surrogate in text", "surrogate.jsonl", "ok", "surrogate")(
    lambda d: _jsonl(d, "surrogate.jsonl", ['{"id": "s", "text": "Chỉ thị số 35-CT/TW \\ud800 ngày 14/6/2024"}'])
)
kind("JSONL: two lines with one url", "dup-url.jsonl", "ok", "")(
    lambda d: _jsonl(
        d,
        "dup-url.jsonl",
        [
            json.dumps({"url": "https://example.org/a", "text": GOOD_TEXT}, ensure_ascii=False),
            json.dumps(
                {"url": "https://example.org/a", "text": "Kết luận số 12-KL/TW ngày 1/3/2021"}, ensure_ascii=False
            ),
        ],
    )
)
kind("JSONL: a line that is not UTF-8", "latin1.jsonl", "lines", "not valid JSON")(
    lambda d: _jsonl(d, "latin1.jsonl", [GOOD_LINE, b'{"text": "caf\xe9 \xff"}'])
)
kind("JSONL: a line over the size limit", "long-line.jsonl", "lines", "size limit")(
    lambda d: _jsonl(d, "long-line.jsonl", [GOOD_LINE, b'{"text": "' + b"a" * (9 * 1024 * 1024) + b'"}'])
)

# --- encodings ----------------------------------------------------------------------------------
kind("UTF-16 with BOM", "utf16.txt", "ok", "")(lambda d: _write(d / "utf16.txt", GOOD_TEXT.encode("utf-16")))
kind("UTF-32 with BOM", "utf32.txt", "ok", "")(lambda d: _write(d / "utf32.txt", GOOD_TEXT.encode("utf-32")))
kind("UTF-8 with a few bad bytes", "bad-bytes.txt", "ok", "U+FFFD")(
    lambda d: _write(d / "bad-bytes.txt", GOOD_TEXT.encode() + b" \xff\xfe \xed\xa0\x80 " + GOOD_TEXT.encode())
)


def _legacy(encoding: str, mojibake: bool) -> Callable[[Path], None]:
    def make(d: Path) -> None:
        from pipeline.readers import legacy

        data = (legacy.encode_tcvn3 if encoding == "tcvn3" else legacy.encode_vni)(GOOD_TEXT + " Đồng chí Tô Lâm.")
        if mojibake:
            data = data.decode("cp1252").encode("utf-8")
        _write(d / f"{encoding}{'-mojibake' if mojibake else ''}.txt", data)

    return make


kind("TCVN3 (ABC) bytes", "tcvn3.txt", "ok", "TCVN3")(_legacy("tcvn3", False))
kind("VNI-Windows bytes", "vni.txt", "ok", "VNI")(_legacy("vni", False))
kind("TCVN3 mojibake saved as UTF-8", "tcvn3-mojibake.txt", "ok", "mojibake")(_legacy("tcvn3", True))
kind("VNI mojibake saved as UTF-8", "vni-mojibake.txt", "ok", "mojibake")(_legacy("vni", True))

# --- special files, odd names, folders ----------------------------------------------------------
kind("FIFO named x.txt", "fifo.txt", "fail", "FIFO")(lambda d: os.mkfifo(d / "fifo.txt"))
kind("symlink to /dev/zero named .txt", "zero.txt", "fail", "character device")(
    lambda d: os.symlink("/dev/zero", d / "zero.txt")
)
kind("dangling symlink", "dangling.txt", "fail", "no such file")(
    lambda d: os.symlink(d / "nowhere", d / "dangling.txt")
)
kind("symlink loop", "loop.txt", "fail", "symbolic links")(lambda d: os.symlink(d / "loop.txt", d / "loop.txt"))


@kind("UNIX socket named x.md", "sock.md", "fail", "socket")
def _socket(d: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(d / "sock.md"))
    server.close()


kind("file name with a newline (broken PDF)", "bad\nname.pdf", "fail", "PDF")(
    lambda d: _write(d / "bad\nname.pdf", b"%PDF-1.4 garbage")
)
kind("file name with bytes that are not UTF-8", "latin-\\xe9.txt", "ok", "")(
    lambda d: _write(Path(os.fsdecode(bytes(d) + b"/latin-\xe9.txt")), GOOD_TEXT)
)
kind("a folder named x.pdf (walked)", "folder.pdf/inside.txt", "ok", "")(
    lambda d: _write(d / "folder.pdf" / "inside.txt", GOOD_TEXT)
)
kind("stray SOURCES.tsv beside the texts", "SOURCES.tsv", "skip", "unsupported file type")(
    lambda d: _write(d / "SOURCES.tsv", "file\turl\n")
)
kind("no extension", "README", "skip", "unsupported file type")(lambda d: _write(d / "README", GOOD_TEXT))
kind("Markdown that is only markup", "markup.md", "ok", "")(
    lambda d: _write(d / "markup.md", "# Tiêu đề\n\n---\n\n* *")
)


@kind("path longer than the system allows", "deep/", "fail", "too long")
def _deep(d: Path) -> None:
    fd = os.open(d, os.O_RDONLY)
    (d / "deep").mkdir()
    current = os.open(d / "deep", os.O_RDONLY)
    os.close(fd)
    for _ in range(20):  # 20 levels of 250-character names: a path over PATH_MAX (4096)
        os.mkdir("d" * 250, dir_fd=current)
        nxt = os.open("d" * 250, os.O_RDONLY, dir_fd=current)
        os.close(current)
        current = nxt
    fd = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, dir_fd=current)
    os.write(fd, GOOD_TEXT.encode())
    os.close(fd)
    os.close(current)


@kind(
    "file without read permission",
    "secret.txt",
    "ok" if os.geteuid() == 0 else "fail",
    "" if os.geteuid() == 0 else "permission denied",
)  # root reads it anyway
def _unreadable(d: Path) -> None:
    _write(d / "secret.txt", GOOD_TEXT)
    os.chmod(d / "secret.txt", 0)


GOOD_FILES = ["good-news.txt", "good-guide.md", "good.docx", "good.pdf", "good.html"]


def build(folder: Path) -> list[Kind]:
    """Write every kind (and the good documents they are mixed with) into ``folder``; return the kinds."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, source in zip(
        GOOD_FILES,
        [
            "tin-hoi-nghi-quy-hoach.txt",
            "huong-dan-02-HD-DU.md",
            "huong-dan-16-HD-BTCTW.docx",
            "huong-dan-02-HD-DUK.pdf",
            "tin-dai-hoi-dang-bo.html",
        ],
    ):
        _write(folder / name, (CORPUS / source).read_bytes())
    kinds = []
    for item, make in KINDS:
        make(folder)
        kinds.append(item)
    return kinds


def remove(folder: Path) -> None:
    """Delete a built corpus (the deep path cannot be removed by name)."""
    import shutil

    deep = folder / "deep"
    if deep.exists():
        os.rename(deep, folder / "deep-gone")  # renaming is enough for rmtree, which works with dir fds
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    import subprocess
    import time

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/vanban-bad-inputs")
    remove(target)
    kinds = build(target / "in")
    env = {**os.environ, **LIMITS_ENV}
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli.commands import main; main()", "extract", str(target / "in")],
        capture_output=True,
        text=True,
        env=env,
    )
    print(f"{len(kinds)} kinds, exit {run.returncode}, {time.monotonic() - started:.1f} s")
    for line in run.stderr.splitlines():
        print(line[:160])
