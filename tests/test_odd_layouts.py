"""Inputs laid out the way crawlers and odd exports make them: a whole text on one line, a
DOCX of a million paragraphs, dumps that reuse a url, empty folders, a signature in one
table cell, a document that would take the machine's memory."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import extractors.patterns.learned as learned_patterns
from pipeline.models import RawDocument
from pipeline.readers import docx as docx_reader
from pipeline.readers.docx import read_docx
from pipeline.run.memory import parse_size_mb
from pipeline.run.process import process_document
from tests.odd_inputs import docx_of

VANBAN = [sys.executable, "-c", "from pipeline.cli.commands import main; main()"]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def vanban(*args, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(VANBAN + [str(a) for a in args], capture_output=True, text=True, timeout=timeout)


# --------------------------------------------------------------------------- one long line


class _CountingWords:
    """The word pattern of the relation features, counting the characters it is given to scan."""

    def __init__(self, pattern):
        self.pattern, self.scanned = pattern, 0

    def findall(self, text, *args):
        self.scanned += len(text)
        return self.pattern.findall(text, *args)

    def finditer(self, text, pos=0, endpos=sys.maxsize):
        for match in self.pattern.finditer(text, pos, endpos):
            self.scanned = self.scanned + match.end() - pos
            pos = match.end()
            yield match


def _scanned_on_one_line(monkeypatch, copies: int) -> int:
    unit = " ".join((CORPUS / "huong-dan-15-HD-TU.txt").read_text(encoding="utf-8").split())
    counting = _CountingWords(learned_patterns.WORD)
    monkeypatch.setattr(learned_patterns, "WORD", counting)
    record = process_document(RawDocument(id="x", source="line.txt", format="txt", text=" ".join([unit] * copies)))
    monkeypatch.setattr(learned_patterns, "WORD", counting.pattern)
    assert record["citations"] and record["relations"]
    return counting.scanned


def test_a_text_on_one_line_costs_what_its_length_costs(monkeypatch):
    """The relation features read bounded pieces around each mention, never the whole line per mention:
    twice the line, about twice the characters scanned (the whole line each time would be four times)."""
    short, long = _scanned_on_one_line(monkeypatch, 20), _scanned_on_one_line(monkeypatch, 40)
    assert long < 2.4 * short, (short, long)


# --------------------------------------------------------------------------- DOCX of many paragraphs


def test_a_docx_of_many_short_paragraphs_is_streamed_whole():
    words = [f"chữ{i}" for i in range(docx_reader.MAX_PARAGRAPHS + 1)]
    text, _title, warnings = read_docx(docx_of(words))
    assert text.split("\n") == words
    assert warnings and f"{len(words)} paragraphs" in warnings[0]


def test_a_docx_of_few_paragraphs_is_still_read_by_python_docx():
    text, _title, warnings = read_docx(docx_of(["Chỉ thị số 35-CT/TW", "", "Nội dung."]))
    assert text == "Chỉ thị số 35-CT/TW\n\nNội dung." and warnings == []  # the streamed reader drops empty ones


# --------------------------------------------------------------------------- JSON Lines under one url


def test_two_dump_lines_with_one_url_are_two_documents_and_a_second_run_keeps_them(tmp_path):
    dump = tmp_path / "dump.jsonl"
    rows = [
        {"url": "https://example.org/a", "text": "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị."},
        {"url": "https://example.org/a", "text": "Kết luận số 12-KL/TW ngày 1/3/2021 của Bộ Chính trị."},
        {"id": "k", "url": "https://example.org/a", "text": "Quy định số 80-QĐ/TW ngày 18/8/2022."},
        {"id": "k", "text": "Hướng dẫn số 16-HD/BTCTW ngày 15/02/2022."},
    ]
    dump.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "vanban.db"
    first = vanban("run", dump, "--db", db, "--no-index")
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(db) as connection:
        stored = dict(connection.execute("SELECT source, record FROM documents WHERE status = 'ok'").fetchall())
    assert sorted(stored) == sorted([f"{dump}#1", f"{dump}#2", f"{dump}#k", f"{dump}#4"])
    codes = {json.loads(r)["citations"][0]["code"] for r in stored.values()}
    assert len(codes) == 4  # four texts kept, none replacing another
    assert [json.loads(stored[f"{dump}#{n}"]).get("url") for n in ("1", "2", "k", "4")] == [
        "https://example.org/a",
        "https://example.org/a",
        "https://example.org/a",
        None,
    ]
    again = vanban("run", dump, "--db", db, "--no-index")
    assert again.returncode == 0 and "new: 0  replaced: 0  unchanged: 4" in again.stdout, again.stdout


def test_two_dumps_crawling_one_url_on_two_days_keep_both_texts(tmp_path):
    for day, code in (("monday", "35-CT/TW"), ("tuesday", "12-KL/TW")):
        row = {"url": "https://example.org/a", "text": f"Văn bản số {code} ngày 14/6/2024 của Bộ Chính trị."}
        (tmp_path / f"{day}.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "vanban.db"
    result = vanban("run", tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl", "--db", db, "--no-index")
    assert result.returncode == 0 and "new: 2  replaced: 0" in result.stdout, result.stdout


# --------------------------------------------------------------------------- empty folders


@pytest.mark.parametrize("command", ["extract", "run"])
@pytest.mark.parametrize("name", ["empty", "x.pdf"])
def test_an_empty_folder_alone_is_an_error_naming_it(tmp_path, command, name):
    folder = tmp_path / name
    folder.mkdir()
    extra = ["--db", tmp_path / "vanban.db"] if command == "run" else []
    result = vanban(command, folder, *extra)
    assert result.returncode == 1
    assert f"vanban: error: no documents found in {folder}/" in result.stderr.splitlines()


def test_an_empty_folder_beside_a_document_is_only_listed(tmp_path):
    (tmp_path / "empty").mkdir()
    result = vanban("extract", tmp_path / "empty", CORPUS / "huong-dan-15-HD-TU.txt")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1
    assert "no documents found" not in result.stderr and "empty folder" in result.stderr


# --------------------------------------------------------------------------- a signature in one cell


def test_a_signature_in_one_table_cell_gives_name_and_title_in_the_record():
    text = (
        "| ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| --- | --- |\n"
        "| Số: 15/QĐ-UBND | Đồng Tháp, ngày 10 tháng 3 năm 2024 |\n\n**QUYẾT ĐỊNH**\n\n"
        "**Về việc thành lập Ban Chỉ đạo**\n\nĐiều 1. Thành lập Ban Chỉ đạo.\n\n"
        "| Nơi nhận: - Như Điều 3; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An |\n"
    )
    record = process_document(RawDocument(id="d", source="d.md", format="md", text=text, markdown=True))
    signer = record["self"]["signer"]
    assert (signer["name"], signer["title"]) == ("Nguyễn Văn An", "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH")
    assert text[signer["start"] : signer["end"]] == "Nguyễn Văn An"


# --------------------------------------------------------------------------- memory per worker


@pytest.mark.parametrize(
    ("text", "mb"), [("2G", 2048.0), ("1500M", 1500.0), ("512MiB", 512.0), ("300", 300.0), ("0", 0.0), ("none", 0.0)]
)
def test_memory_sizes(text, mb):
    assert parse_size_mb(text) == mb


@pytest.mark.parametrize("bad", ["lots", "-1G", "2X"])
def test_a_memory_size_that_is_not_one_is_a_usage_error(bad):
    result = vanban("extract", "--max-memory", bad, CORPUS)
    assert result.returncode == 2 and "--max-memory" in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the cap is RLIMIT_DATA, enforced on Linux")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_past_the_memory_cap_fails_alone_with_a_line_naming_the_cap(tmp_path, workers):
    text = (CORPUS / "huong-dan-15-HD-TU.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(text * (30_000_000 // len(text.encode())), encoding="utf-8")  # 30 MB of text
    small = [CORPUS / "huong-dan-15-HD-TU.txt", CORPUS / "tin-hoi-nghi-quy-hoach.txt"]
    result = vanban("extract", small[0], big, small[1], "--workers", workers, "--max-memory", "150M")
    assert result.returncode == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(p) for p in small]
    errors = [line for line in result.stderr.splitlines() if line.startswith("vanban: error:")]
    assert len(errors) == 1 and errors[0].startswith(f"vanban: error: {big}: "), errors
    assert "150 MB" in errors[0] and "--max-memory" in errors[0], errors
