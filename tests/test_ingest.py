"""Ingest: every format, and bad input that gives one clear reason without stopping the batch."""

import io
import json
import os
from pathlib import Path

import pytest

from pipeline.ingest import iter_inputs, read_file
from pipeline.models import Failure, Ignored, IngestError, RawDocument
from pipeline.run.process import iter_documents

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _read_one(path: Path) -> RawDocument:
    (doc,) = list(read_file(path))
    return doc


def make_pdf_bytes(text: str = "Số 02-HD/ĐU ngày 14/4/2022") -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text.encode("ascii", "ignore").decode())
    pdf.save()
    return buffer.getvalue()


def make_encrypted_pdf(path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf_bytes())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as f:
        writer.write(f)


def bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, words the reason must contain)."""
    empty = tmp / "empty.txt"
    empty.write_bytes(b"")
    garbage = tmp / "garbage.pdf"
    garbage.write_bytes(bytes(range(256)) * 8)
    truncated = tmp / "truncated.docx"
    truncated.write_bytes((CORPUS / "huong-dan-16-HD-BTCTW.docx").read_bytes()[:3000])
    encrypted = tmp / "encrypted.pdf"
    make_encrypted_pdf(encrypted)
    unknown = tmp / "notes.xyz"
    unknown.write_text("Số 02-HD/ĐU", encoding="utf-8")
    binary_txt = tmp / "binary.txt"
    binary_txt.write_bytes(b"\x00\x01\x02" * 100)
    return {
        "empty file": (empty, "empty file"),
        "binary garbage named .pdf": (garbage, "not a readable PDF"),
        "truncated .docx": (truncated, "DOCX"),
        "encrypted PDF": (encrypted, "encrypted PDF"),
        "unknown extension": (unknown, "unsupported file type '.xyz'"),
        "binary named .txt": (binary_txt, "binary data"),
    }


@pytest.mark.parametrize(
    "name",
    [
        "empty file",
        "binary garbage named .pdf",
        "truncated .docx",
        "encrypted PDF",
        "unknown extension",
        "binary named .txt",
    ],
)
def test_bad_input_gives_a_clear_reason(tmp_path, name):
    path, reason = bad_inputs(tmp_path)[name]
    with pytest.raises(IngestError) as err:
        list(read_file(path))
    assert reason in str(err.value)
    assert "Traceback" not in str(err.value)


def test_batch_goes_on_past_bad_files(tmp_path):
    bad = bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("Căn cứ Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022.", encoding="utf-8")
    items = list(iter_documents([tmp_path]))
    failures = [i for i in items if isinstance(i, Failure)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    ignored = [i for i in items if isinstance(i, Ignored)]
    assert {Path(f.source).name for f in failures} == {p.name for p, _ in bad.values()} - {"notes.xyz"}
    assert [Path(i.source).name for i in ignored] == ["notes.xyz"]  # met while walking: skipped, not failed
    assert [Path(d.source).name for d in docs] == ["good.txt"]


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Quy định số 50-QĐ/TW".encode("utf-16"))
    assert _read_one(path).text == "Quy định số 50-QĐ/TW"


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffChỉ thị số 35".encode("utf-8"))
    assert _read_one(path).text == "Chỉ thị số 35"


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Hướng dẫn ".encode() + b"\xff\xfe" + " số 02".encode())
    doc = _read_one(path)
    assert doc.text.startswith("Hướng dẫn ") and doc.text.endswith(" số 02")
    assert any("not valid UTF-8" in w for w in doc.warnings)


def test_jsonl_one_document_per_line_and_bad_lines_reported(tmp_path):
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "url": "https://example.org/a", "title": "A", "text": "Chỉ thị số 35-CT/TW"}),
        "{not json",
        json.dumps({"id": "a2", "text": "Kết luận số 12-KL/TW", "published": "2024-05-01"}),
        json.dumps({"id": "a3"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.source for d in docs] == [f"{path}#a1", f"{path}#a2"]  # keyed by the dump and the id
    assert [d.url for d in docs] == ["https://example.org/a", None]
    assert docs[1].published == "2024-05-01" and docs[0].title == "A"
    assert len({d.id for d in docs}) == 2
    assert [f.source for f in failures] == [f"{path}#2", f"{path}#4"]
    assert "not valid JSON" in failures[0].reason and "'text'" in failures[1].reason


def test_directories_are_walked_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("x", encoding="utf-8")
    (tmp_path / "top.md").write_text("y", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.txt").write_text("z", encoding="utf-8")
    names = [p.name for p in iter_inputs([tmp_path])]
    assert names == ["top.md", "deep.txt"] or sorted(names) == ["deep.txt", "top.md"]
    assert "skip.txt" not in names


def test_html_main_text_without_site_furniture():
    doc = _read_one(CORPUS / "tin-dai-hoi-dang-bo.html")
    assert "Chỉ thị số 35 ngày 14/6/2024" in doc.text
    for furniture in ("Tin khác", "Xem nhiều nhất", "Phản hồi", "Trang chủ", "999-QĐ/TW", "Giá vàng"):
        assert furniture not in doc.text
    assert doc.published.startswith("2024-07-02")
    assert doc.title.startswith("Tỉnh ủy Đồng Tháp quán triệt")


def test_docx_header_table_body_and_signature_in_order():
    text = _read_one(CORPUS / "huong-dan-16-HD-BTCTW.docx").text
    order = [
        text.index(s)
        for s in (
            "BAN TỔ CHỨC",
            "Số 16-HD/BTCTW",
            "HƯỚNG DẪN",
            "Thực hiện Quy định số 50-QĐ/TW",
            "PHÓ TRƯỞNG BAN",
            "Nơi nhận",
        )
    ]
    assert order == sorted(order)


def test_pdf_two_column_header_comes_out_as_separate_lines():
    lines = _read_one(CORPUS / "huong-dan-02-HD-DUK.pdf").text.splitlines()
    assert "Số 02-HD/ĐUK" in lines
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines
    assert "Hà Nội, ngày 17 tháng 3 năm 2022" in lines


def test_real_state_pdf_header_columns(shared_dir):
    pdf = shared_dir / "corpus" / "files" / "state_thong-tu-so-12-2022-tt-bldtbxh-37536.pdf"
    lines = _read_one(pdf).text.splitlines()
    assert "Số: 12/2022/TT-BLĐTBXH" in lines
    assert "Hà Nội, ngày 30 tháng 6 năm 2022" in lines


def test_html_read_twice_gives_the_same_text():
    """The extractor must not remember text across documents (trafilatura's deduplication)."""
    first = _read_one(CORPUS / "tin-dai-hoi-dang-bo.html").text
    second = _read_one(CORPUS / "tin-dai-hoi-dang-bo.html").text
    assert first == second and "Chỉ thị số 35" in second


@pytest.mark.parametrize(
    "data,max_line,expected",
    [
        (b"a\nbb\nccc\n", 10, [(b"a", False), (b"bb", False), (b"ccc", False)]),
        (b"a\nbb\nccc", 10, [(b"a", False), (b"bb", False), (b"ccc", False)]),  # no final newline
        (b"short\n" + b"x" * 25 + b"\nok\n", 10, [(b"short", False), (b"x" * 10, True), (b"ok", False)]),
        (b"x" * 25, 10, [(b"x" * 10, True)]),
        (b"\n\n", 10, [(b"", False), (b"", False)]),
    ],
)
def test_jsonl_lines_are_read_in_pieces_with_a_cap(tmp_path, monkeypatch, data, max_line, expected):
    from pipeline.readers import jsonl

    monkeypatch.setattr(jsonl, "READ_CHUNK", 4)  # lines straddle every chunk boundary
    path = tmp_path / "d.jsonl"
    path.write_bytes(data)
    assert list(jsonl.iter_lines(os.open(path, os.O_RDONLY), max_line)) == expected


def test_jsonl_is_streamed_not_loaded_whole(tmp_path, monkeypatch):
    import pipeline.ingest as ingest

    path = tmp_path / "dump.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": str(i), "text": f"Kết luận số {i}-KL/TW"}) for i in range(50)), encoding="utf-8"
    )
    monkeypatch.setattr(ingest, "read_bytes", lambda *a, **k: pytest.fail("a dump must not be read whole"))
    items = list(iter_documents([path]))
    assert len(items) == 50 and all(isinstance(i, RawDocument) for i in items)


@pytest.mark.parametrize(
    "line,reason",
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"text": "a", "n": ' + b"7" * 5000 + b"}", "cannot be parsed"),
        (b'{"text": "caf\xe9"}', "not valid JSON"),
        (b'{"text": ["a"]}', "no string field 'text'"),
        (b'"just a string"', "no string field 'text'"),
    ],
)
def test_each_bad_jsonl_line_is_its_own_failure(tmp_path, line, reason):
    path = tmp_path / "d.jsonl"
    path.write_bytes(json.dumps({"id": "ok", "text": "Chỉ thị số 35-CT/TW"}).encode() + b"\n" + line + b"\n")
    items = list(read_file(path))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], Failure) and items[1].source == f"{path}#2" and reason in items[1].reason


def test_jsonl_metadata_of_odd_types_is_dropped_not_fatal(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(
        json.dumps({"text": "Chỉ thị số 35-CT/TW", "title": {"a": 1}, "id": 7, "published": True}), encoding="utf-8"
    )
    (doc,) = list(read_file(path))
    assert doc.title is None and doc.published is None and doc.source == f"{path}#7"


@pytest.mark.parametrize(
    "make,reason",
    [
        (lambda p: os.mkfifo(p), "FIFO"),
        (lambda p: os.symlink("/dev/null", p), "character device"),
        (lambda p: os.symlink(p.parent / "missing", p), "no such file"),
    ],
)
def test_special_files_are_reported_without_being_opened(tmp_path, make, reason):
    path = tmp_path / "x.txt"
    make(path)
    (item,) = list(iter_documents([path]))
    assert isinstance(item, Failure) and reason in item.reason


def test_a_folder_named_like_a_file_is_walked_and_an_empty_named_folder_is_said(tmp_path):
    (tmp_path / "x.pdf").mkdir()
    (tmp_path / "x.pdf" / "inside.txt").write_text("Chỉ thị số 35-CT/TW", encoding="utf-8")
    (tmp_path / "empty.docx").mkdir()
    walked = list(iter_documents([tmp_path / "x.pdf", tmp_path / "empty.docx"]))
    assert isinstance(walked[0], RawDocument) and walked[0].source.endswith("x.pdf/inside.txt")
    assert isinstance(walked[1], Ignored) and "empty folder" in walked[1].reason


@pytest.mark.parametrize(
    "limit,value,reason",
    [
        ("VANBAN_MAX_INPUT_MB", "0.001", "file too large"),
        ("VANBAN_MAX_PDF_PAGES", "0", "over the limit of 0"),
    ],
)
def test_limits_come_from_the_environment_and_fail_one_document(tmp_path, monkeypatch, limit, value, reason):
    monkeypatch.setenv(limit, value)
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf_bytes("x" * 3000))
    (item,) = list(iter_documents([path]))
    assert isinstance(item, Failure) and reason in item.reason


@pytest.mark.parametrize(
    "raw,shown",
    [
        (b"plain.txt", "plain.txt"),
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        ("Quyết định.txt".encode(), "Quyết định.txt"),
    ],
)
def test_source_names_can_always_be_written(raw, shown):
    from pipeline.models import source_name

    name = source_name(os.fsdecode(raw))
    assert name == shown
    name.encode("utf-8")


@pytest.mark.parametrize("source,line", [("a\nb.pdf", "a\\nb.pdf: r"), ("tab\there", "tab\\there: r"), ("ok", "ok: r")])
def test_failure_lines_are_one_line(source, line):
    assert Failure(source=source, reason="r").line() == line


@pytest.mark.parametrize(
    "error,reason",
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(36, "File name too long"), "path too long"),
        (OSError(5, "Input/output error"), "cannot read file (Input/output error)"),
    ],
)
def test_os_errors_on_open_are_one_documents_failure(tmp_path, monkeypatch, error, reason):
    """Root reads any file, so a file without permission is simulated at os.open."""
    import pipeline.ingest as ingest

    bad, good = tmp_path / "a-bad.txt", tmp_path / "b-good.txt"
    bad.write_text("x", encoding="utf-8")
    good.write_text("Chỉ thị số 35-CT/TW", encoding="utf-8")
    real_open = os.open

    def failing_open(path, *args, **kwargs):
        if str(path) == str(bad):
            raise error
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest.os, "open", failing_open)
    items = list(iter_documents([tmp_path]))
    assert isinstance(items[0], Failure) and reason in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_reading_past_its_time_limit_fails_that_file_only(tmp_path, monkeypatch):
    import time

    import pipeline.ingest as ingest

    real = ingest.from_bytes

    def slow_for_one(data, fmt, source, limits=None):
        if source.endswith("slow.txt"):
            time.sleep(20)
        return real(data, fmt, source, limits)

    monkeypatch.setattr(ingest, "from_bytes", slow_for_one)
    monkeypatch.setenv("VANBAN_READ_TIME_LIMIT", "0.5")
    for name in ("a.txt", "slow.txt", "z.txt"):
        (tmp_path / name).write_text("Chỉ thị số 35-CT/TW", encoding="utf-8")
    started = time.monotonic()
    items = list(iter_documents([tmp_path]))
    assert time.monotonic() - started < 10
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure", "RawDocument"]
    assert "VANBAN_READ_TIME_LIMIT" in items[1].reason


def test_a_linked_folder_met_while_walking_is_listed_not_followed(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Chỉ thị số 35-CT/TW", encoding="utf-8")
    (tmp_path / "top").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "top" / "link")
    (item,) = list(iter_documents([tmp_path / "top"]))
    assert isinstance(item, Ignored) and "not followed" in item.reason
    (named,) = list(iter_documents([tmp_path / "top" / "link"]))  # named on the command line, it is read
    assert isinstance(named, RawDocument)
