"""Commands that fit the tools people use: show, extract --with-text, tables out, eval gates,
report -n, and the rough edges (a missing path)."""

import json
import re
import shutil
import zlib
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline import api
from pipeline.cli.commands import cli
from pipeline.cli.show import Marked, findings_of, highlight
from pipeline.store.db import Store
from pipeline.store.tables import TABLES

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NEWS = CORPUS / "tin-hoi-nghi-quy-hoach.txt"
HTML = CORPUS / "tin-dai-hoi-dang-bo.html"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("tools") / "vanban.db"
    assert invoke("run", CORPUS, "--db", db).exit_code == 0
    return db


# --- the text travels with its offsets ------------------------------------------------------


def test_extract_with_text_lets_every_offset_be_checked():
    result = invoke("extract", HTML, NEWS, "--with-text")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    for record in records:
        text = record["text"]
        spans = (
            [(c["start"], c["end"], c["text"]) for c in record["citations"]]
            + [(d["start"], d["end"], d["text"]) for d in record["dates"]]
            + [(r["evidence"]["start"], r["evidence"]["end"], r["evidence"]["text"]) for r in record["relations"]]
        )
        assert spans
        assert all(text[s:e] == found for s, e, found in spans)
    html = records[0]
    assert "<" not in html["text"][:200]  # trafilatura's decoded text, not the markup


def test_extract_without_text_keeps_the_record_as_it_was():
    record = json.loads(invoke("extract", NEWS).stdout)
    assert "text" not in record


def test_store_keeps_each_text_compressed_and_searchable(store):
    with Store(store) as s:
        rows = s.db.execute(
            "SELECT t.source, t.chars, t.body, d.id FROM texts t JOIN documents d ON d.id = t.doc_id"
        ).fetchall()
        assert len(rows) == len(list(CORPUS.iterdir()))
        for _source, chars, body, _id in rows:
            text = zlib.decompress(body).decode("utf-8")
            assert len(text) == chars and len(body) < len(text.encode("utf-8"))
        hits = s.db.execute("SELECT source FROM text_search WHERE text_search MATCH ?", ('"Võ Thị Mai"',)).fetchall()
        assert [Path(h[0]).name for h in hits] == ["tin-dai-hoi-dang-bo.html"]


def test_a_replaced_document_replaces_its_text(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Căn cứ Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị.", encoding="utf-8")
    db = tmp_path / "s.db"
    invoke("run", doc, "--db", db)
    doc.write_text("Thực hiện Quy định số 50-QĐ/TW ngày 27/12/2021 của Bộ Chính trị.", encoding="utf-8")
    invoke("run", doc, "--db", db)
    with Store(db) as s:
        assert s.db.execute("SELECT count(*) FROM texts").fetchone()[0] == 1
        assert s.db.execute("SELECT count(*) FROM text_search WHERE text_search MATCH '\"35-CT\"'").fetchone()[0] == 0
        assert s.db.execute("SELECT count(*) FROM text_search WHERE text_search MATCH '\"50-QĐ\"'").fetchone()[0] == 1


@pytest.mark.parametrize("name", ["tin-hoi-nghi-quy-hoach.txt", "huong-dan-16-HD-BTCTW.docx", "huong-dan-02-HD-DUK"])
def test_show_prints_the_text_the_offsets_index(store, name):
    plain = invoke("show", name, "--db", store)
    assert plain.exit_code == 0, plain.output
    with Store(store) as s:
        record = next(r for r in s.records() if Path(r["source"]).name.startswith(name))
    text = plain.stdout[:-1]  # echo adds one newline
    assert all(text[c["start"] : c["end"]] == c["text"] for c in record["citations"])


def test_show_highlight_marks_every_finding(store):
    result = invoke("show", "tin-hoi-nghi-quy-hoach.txt", "--db", store, "--highlight")
    assert result.exit_code == 0
    body = result.stdout.split("\n", 1)[1]
    assert "\x1b[" in body
    plain = invoke("show", "tin-hoi-nghi-quy-hoach.txt", "--db", store).stdout
    assert ANSI.sub("", body) == plain  # colour only: not a character added or lost
    for label in ["CODE", "DATE", "PERSON", "POST", "ORG"]:
        assert label in result.stdout.split("\n", 1)[0]  # the legend


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([Marked(0, 3, "CODE")], "<CODE>abc</CODE>def"),
        ([Marked(0, 6, "CODE"), Marked(2, 4, "DATE")], "<CODE>ab</CODE><DATE>cd</DATE><CODE>ef</CODE>"),  # inner wins
        ([], "abcdef"),
        ([Marked(4, 99, "ORG")], "abcd<ORG>ef</ORG>"),  # clipped to the text
    ],
)
def test_highlight_nests_innermost_first(spans, expected):
    def style(chunk, **kwargs):
        label = next(k for k, v in __import__("pipeline.cli.show").cli.show.LABEL_STYLES.items() if v == kwargs)
        return f"<{label}>{chunk}</{label}>"

    assert highlight("abcdef", spans, style=style) == expected


def test_findings_of_a_record_cover_every_kind():
    record = {
        "citations": [{"start": 0, "end": 5}],
        "dates": [{"start": 1, "end": 2}],
        "people": [{"mentions": [{"start": 6, "end": 9}], "posts": [{"start": 10, "end": 12}]}],
        "organizations": [{"start": 13, "end": 15}],
    }
    assert {m.label for m in findings_of(record)} == {"CODE", "DATE", "PERSON", "POST", "ORG"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["show", "nothing-like-it.txt"], "no such document"),
        (["show", "huong-dan"], "4 documents match"),
    ],
)
def test_show_says_what_is_wrong(store, args, message):
    result = CliRunner().invoke(cli, [*args, "--db", str(store)])
    assert result.exit_code == 1 and message in result.output


# --- tables out ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt, read", [("csv", pd.read_csv), ("parquet", pd.read_parquet)])
def test_export_tables_have_the_notebook_api_columns_and_rows(store, tmp_path, fmt, read):
    result = invoke("export", "tables", "--db", store, "--format", fmt, "-o", tmp_path / "t")
    assert result.exit_code == 0, result.output
    explorer = api.open_store(store)
    for name in TABLES:
        frame = read(tmp_path / "t" / f"{name}.{fmt}")
        expected = getattr(explorer, name)()
        assert list(frame.columns) == list(expected.columns)
        assert len(frame) == len(expected) > 0, name
        assert f"{len(frame):7d} rows" in result.stdout
    relations = read(tmp_path / "t" / f"relations.{fmt}")
    assert relations.evidence.notna().all() and relations.evidence.str.len().min() > 10


def test_csv_is_readable_by_spreadsheets(store, tmp_path):
    invoke("export", "tables", "--db", store, "--format", "csv", "-o", tmp_path)
    raw = (tmp_path / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheet programs need for UTF-8
    assert "Võ Thị Mai" in raw.decode("utf-8-sig")


def test_export_tables_with_text(store, tmp_path):
    invoke("export", "tables", "--db", store, "--format", "parquet", "-o", tmp_path, "--with-text")
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert docs.text.notna().all() and docs.text.str.contains("50-QĐ/TW").any()


def test_export_tables_from_a_missing_store_creates_nothing(tmp_path):
    result = CliRunner().invoke(cli, ["export", "tables", "--db", str(tmp_path / "no.db"), "-o", str(tmp_path / "t")])
    assert result.exit_code == 1 and "no vanban store" in result.output
    assert not (tmp_path / "no.db").exists() and not (tmp_path / "t").exists()


def test_extract_format_parquet_writes_the_same_tables_without_a_store(store, tmp_path):
    result = invoke("extract", CORPUS, "--format", "parquet", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    stored = api.open_store(store)
    for name in TABLES:
        assert len(pd.read_parquet(tmp_path / f"{name}.parquet")) == len(getattr(stored, name)())


def test_extract_format_parquet_needs_a_directory():
    result = CliRunner().invoke(cli, ["extract", str(NEWS), "--format", "parquet"])
    assert result.exit_code == 2 and "-o" in result.output


# --- eval gates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "floors, code, below",
    [
        (["codes=0.9"], 1, ["codes F1 0.667 < 0.900"]),  # one of two codes found: F1 2/3
        (["codes=0.6", "dates=1.0"], 0, []),
        (["codes=0.9", "dates=0.5", "code_dates=0.99"], 1, ["codes F1 0.667 < 0.900"]),
        ([], 0, []),
    ],
)
def test_eval_min_f1_gates(gold_dir, floors, code, below):
    args = ["eval", "--gold", str(gold_dir)] + [x for f in floors for x in ("--min-f1", f)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("vanban: below floor:")]
    assert [line.split(": ", 2)[2].split(" (")[0] for line in lines] == below


@pytest.mark.parametrize("floor", ["codez=0.9", "codes", "codes=high", "codes=1.5"])
def test_eval_min_f1_refuses_a_bad_floor(gold_dir, floor):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(gold_dir), "--min-f1", floor])
    assert result.exit_code == 2 and "--min-f1" in result.output


# --- rough edges ---------------------------------------------------------------------------


@pytest.mark.parametrize("top, listed", [(2, 2), (6, 6), (100, 6)])
def test_report_n_limits_the_document_list(store, top, listed):
    result = invoke("report", "--db", store, "-n", top)
    lines = result.stdout.splitlines()
    documents = [line for line in lines[1:] if line.startswith("  ") and line.split()[0].startswith(("tin-", "huong-"))]
    assert len(documents) == listed
    assert ("more (-n 6 lists them all)" in result.stdout) == (listed < 6)


def test_run_on_a_missing_directory_says_so_and_creates_no_store(tmp_path):
    db = tmp_path / "out" / "v.db"
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "texts"), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"vanban: error: {tmp_path / 'texts'}: no such file or directory"
    assert not db.exists() and not db.parent.exists()


def test_extract_names_the_missing_path_and_goes_on(tmp_path):
    shutil.copy(NEWS, tmp_path / "a.txt")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"vanban: error: {tmp_path / 'missing'}: no such file or directory"
    assert len(result.stdout.splitlines()) == 1
