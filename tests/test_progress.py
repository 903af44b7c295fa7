"""`run` shows a total and an ETA (a JSON Lines dump counted by its lines); `bench` shows its steps (issue 24)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

import pipeline.run.total as total_module
from pipeline.cli.commands import cli
from pipeline.evaluate.bench import IN_PROCESS_STEPS
from pipeline.run.total import expected_documents, jsonl_lines

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXTS = [
    "Ngày 2/3/2025, xã Hợp Thành tổng kết phong trào thi đua theo Chỉ thị số 35-CT/TW.",
    "Ban Thường vụ Huyện ủy Hợp Thành quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
    "Hội nghị học tập Quy định số 50-QĐ/TW được tổ chức tại xã Hợp Thành.",
]


def _dump(path: Path, texts: list[str], blank_lines: bool = False, last_newline: bool = True) -> Path:
    lines = [json.dumps({"id": f"{i}.md", "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    sep = "\n\n  \n" if blank_lines else "\n"
    path.write_text(sep.join(lines) + ("\n" if last_newline else ""), encoding="utf-8")
    return path


def test_jsonl_lines_counts_non_blank_lines_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(total_module, "READ_CHUNK", 7)  # lines cut across many chunks
    assert jsonl_lines(_dump(tmp_path / "a.jsonl", TEXTS)) == 3
    assert jsonl_lines(_dump(tmp_path / "b.jsonl", TEXTS, blank_lines=True, last_newline=False)) == 3
    (tmp_path / "empty.jsonl").write_bytes(b"\n \n")
    assert jsonl_lines(tmp_path / "empty.jsonl") == 0


def test_expected_documents_is_what_a_run_reads(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _dump(folder / "dump.jsonl", TEXTS)
    (folder / "note.txt").write_text(TEXTS[0], encoding="utf-8")
    assert expected_documents([folder]) == 4
    assert expected_documents([CORPUS]) == len(
        [p for p in CORPUS.rglob("*") if p.is_file() and not p.name.startswith(".")]
    )


def test_run_progress_shows_the_total_and_an_eta(tmp_path):
    dump = _dump(tmp_path / "dump.jsonl", TEXTS, blank_lines=True)
    result = CliRunner().invoke(cli, ["run", str(dump), "--db", str(tmp_path / "v.db"), "--progress"])
    assert result.exit_code == 0, result.output
    assert "vanban run" in result.stderr
    # tqdm's "done/total [elapsed<remaining": the remaining-time (ETA) field is drawn only with a total
    assert re.search(r"0/3 \[\d\d:\d\d<", result.stderr), result.stderr
    quiet = CliRunner().invoke(cli, ["run", str(dump), "--db", str(tmp_path / "w.db"), "--no-progress"])
    assert quiet.exit_code == 0 and "/3" not in quiet.stderr


def test_bench_progress_names_each_step(tmp_path):
    result = CliRunner().invoke(cli, ["bench", str(CORPUS), "-n", "2", "--in-process-only", "--json", "--progress"])
    assert result.exit_code == 0, result.output
    for step in IN_PROCESS_STEPS:
        assert f"vanban bench: {step}" in result.stderr
    assert f"/{len(IN_PROCESS_STEPS)}" in result.stderr
    assert json.loads(result.stdout)["documents"] == 2  # the figures stay on stdout, alone
