"""The command line, through click's CliRunner: extract, run (incremental store), report, eval, bench."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.commands import cli
from pipeline.store.db import Store

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
README = Path(__file__).resolve().parent.parent / "README.md"
NEWS = CORPUS / "tin-hoi-nghi-quy-hoach.txt"


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_extract_prints_one_record_per_document(tmp_path):
    copy = tmp_path / "a.txt"
    shutil.copy(NEWS, copy)
    (tmp_path / "b.md").write_text("Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị.", encoding="utf-8")
    result = invoke("extract", tmp_path)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["a.txt", "b.md"]
    assert all(r["schema"] == "vanban.document/1" for r in records)


def test_extract_to_file_and_with_workers_gives_the_same_records(tmp_path):
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert invoke("extract", CORPUS, "-o", out1).exit_code == 0
    assert invoke("extract", CORPUS, "-o", out2, "--workers", 2).exit_code == 0
    one = out1.read_text(encoding="utf-8").splitlines()
    assert len(one) == len([p for p in CORPUS.iterdir() if p.suffix in {".txt", ".md", ".html", ".docx", ".pdf"}])
    assert one == out2.read_text(encoding="utf-8").splitlines()


def test_bad_files_fail_alone_with_one_line_each_and_exit_1(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copy(NEWS, tmp_path / "good.txt")
    result = invoke("extract", tmp_path)
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("vanban: error: ") for line in errors)
    assert any("broken.pdf" in line and "PDF" in line for line in errors)
    assert "Traceback" not in result.stderr
    assert [Path(json.loads(line)["source"]).name for line in result.stdout.splitlines()] == ["good.txt"]


def test_run_is_incremental_and_retries_failures(tmp_path):
    docs, db = tmp_path / "docs", tmp_path / "store.db"
    docs.mkdir()
    shutil.copy(NEWS, docs / "news.txt")
    (docs / "other.txt").write_text("Kết luận số 12-KL/TW của Bộ Chính trị.", encoding="utf-8")
    (docs / "bad.docx").write_bytes(b"PK\x03\x04 not really a docx")

    first = invoke("run", docs, "--db", db)
    assert first.exit_code == 1
    assert "documents seen: 3  new: 2  replaced: 0  unchanged: 0  failed: 1" in first.stdout
    with Store(db) as store:
        assert store.count("ok") == 2
        assert [Path(f.source).name for f in store.failures()] == ["bad.docx"]

    (docs / "other.txt").write_text("Kết luận số 13-KL/TW của Bộ Chính trị.", encoding="utf-8")
    shutil.copy(CORPUS / "huong-dan-16-HD-BTCTW.docx", docs / "bad.docx")  # fixed on disk
    second = invoke("run", docs, "--db", db)
    assert second.exit_code == 0, second.output
    assert "documents seen: 3  new: 0  replaced: 2  unchanged: 1  failed: 0" in second.stdout
    with Store(db) as store:
        codes = {c["code"] for r in store.records() for c in r["citations"]}
        assert store.failures() == []
    assert "13-KL/TW" in codes and "12-KL/TW" not in codes


def test_report_summarises_a_store(tmp_path):
    db = tmp_path / "s.db"
    invoke("run", CORPUS, "--db", db)
    result = invoke("report", "--db", db)
    assert result.exit_code == 0
    assert "most cited documents (mentions" in result.stdout
    assert "16-HD/BTCTW" in result.stdout


def test_eval_scores_a_project_gold_set(gold_dir):
    result = invoke("eval", "--gold", gold_dir, "--json", "--misses")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["scores"]["codes"]["tp"] == 1 and report["scores"]["codes"]["fn"] == 1
    assert report["scores"]["dates"]["f1"] == 1.0
    assert report["misses"]["a.txt"]["codes"]["missed"] == ["99-QĐ/TW"]


def test_bench_prints_throughput_ratios_and_memory(tmp_path):
    result = invoke("bench", CORPUS, "-n", 3, "--json")
    assert result.exit_code == 0
    figures = json.loads(result.stdout)
    assert figures["documents"] == 3 and figures["fallback"] is False
    tokenizer = figures["tokenizer_in_process"]["docs_per_s"]
    for name in ("extract", "extract --tokens", "run"):
        inner, outer = figures["in_process"][name], figures["whole_process"][name]
        assert inner["ratio"] == pytest.approx(inner["docs_per_s"] / tokenizer, rel=0.05)
        assert outer["ratio"] > 0 and outer["peak_rss_mb"] > 10
    assert figures["tokenizer_whole_process"]["peak_rss_mb"] > 10 and figures["peak_rss_mb"] > 0


def test_bench_says_when_it_falls_back_to_the_bundled_corpus(monkeypatch):
    import pipeline.evaluate.bench

    monkeypatch.setattr(pipeline.evaluate.bench, "SHARED_BENCH", Path("/nonexistent/bench"))
    result = invoke("bench", "-n", 2, "--in-process-only")
    assert result.exit_code == 0
    assert "bench corpus (/nonexistent/bench) was not found" in result.stdout
    assert "vanban extract --tokens" in result.stdout and "x" in result.stdout


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    for name in cli.list_commands(None):
        assert f"vanban {name}" in readme, f"README does not show 'vanban {name}'"


def test_extract_to_an_unwritable_place_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(NEWS), "-o", str(tmp_path / "file" / "out.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.startswith("vanban: error: cannot write ") and len(result.stderr.splitlines()) == 1


def test_extract_into_a_closed_pipe_stops_quietly():
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-c", "from pipeline.cli.commands import main; main()", "extract", str(CORPUS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_a_file_that_is_not_a_store_is_one_line_and_exit_2(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("not a database", encoding="utf-8")
    for args in (["run", str(NEWS), "--db", str(db)], ["report", "--db", str(db)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("vanban: error: store ") and "Traceback" not in result.output
