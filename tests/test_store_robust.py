"""A store that stays true: kill -9 and resume, two writers, Ctrl-C, prune, keying by source and content."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.commands import cli
from pipeline.models import Failure, RawDocument
from pipeline.store.db import Store

VANBAN = [sys.executable, "-c", "from pipeline.cli.commands import main; main()"]


def invoke(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, env=env)


def make_docs(folder: Path, count: int, start: int = 1, repeat: int = 6) -> list[Path]:
    """Small directives, each with its own code and date, long enough to take a moment each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        body = (
            f"Chỉ thị số {n}-CT/TW ngày {n % 28 + 1}/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp. "
            f"Căn cứ Quy định số {n + 100}-QĐ/TW ngày 1/2/2023, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, "
            "chủ trì hội nghị quán triệt.\n"
        ) * repeat
        path = folder / f"doc-{n:03d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def stored(db: Path) -> dict[str, dict]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute("SELECT source, record FROM documents WHERE status = 'ok'").fetchall()
        for source, record in rows:  # every stored document has its facts beside it
            citations = connection.execute("SELECT count(*) FROM citations WHERE source = ?", (source,)).fetchone()
            assert citations[0] == len(json.loads(record)["citations"]), source
    return {source: json.loads(record) for source, record in rows}


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_and_wait(args: list[str], db: Path, at_least: int, total: int):
    process = subprocess.Popen(VANBAN + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _count(db) < at_least and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return process


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the pool workers")
def test_kill_9_mid_run_then_resume_gives_the_same_store_and_no_orphans(tmp_path):
    docs, total = tmp_path / "docs", 60
    make_docs(docs, total)
    reference = tmp_path / "reference.db"
    assert invoke("run", docs, "--db", reference).exit_code == 0

    db = tmp_path / "killed.db"
    process = _start_and_wait(["run", str(docs), "--db", str(db), "--workers", "2"], db, at_least=3, total=total)
    workers = _children(process.pid)
    done_at_kill = _count(db)
    process.send_signal(signal.SIGKILL)
    _out, err = process.communicate()
    assert 0 < done_at_kill < total, f"the run was not killed mid-way ({done_at_kill} stored): {err[-1000:]}"
    assert len(workers) == 2, workers
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "pool workers outlived their killed parent"

    resumed = invoke("run", docs, "--db", db)
    assert resumed.exit_code == 0, resumed.output
    print(f"\nkill -9 after {done_at_kill}/{total} stored, 2 workers gone; resume: {resumed.stdout.splitlines()[0]}")
    assert "unchanged: 0" not in resumed.stdout  # what was stored before the kill is kept
    assert stored(db) == stored(reference)


def test_two_writers_at_once_both_finish(tmp_path):
    make_docs(tmp_path / "a", 15)
    make_docs(tmp_path / "b", 15, start=500)
    db = tmp_path / "shared.db"
    runs = [
        subprocess.Popen(
            VANBAN + ["run", str(tmp_path / name), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        print(f"\nwriter: exit {run.returncode}: {out.splitlines()[0] if out else err[-200:]}")
        assert run.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err
        assert "new: 15" in out
    assert len(stored(db)) == 30


def test_a_store_held_past_the_timeout_gives_one_line_and_exit_2(tmp_path):
    make_docs(tmp_path / "docs", 1)
    db = tmp_path / "held.db"
    Store(db).close()
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = invoke("run", tmp_path / "docs", "--db", db, env={"VANBAN_BUSY_TIMEOUT": "0.5"})
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "busy" in errors[0] and "Traceback" not in result.output


def test_ctrl_c_exits_130_after_a_summary_and_keeps_whole_documents(tmp_path):
    make_docs(tmp_path / "docs", 60)
    db = tmp_path / "interrupted.db"
    process = _start_and_wait(["run", str(tmp_path / "docs"), "--db", str(db)], db, at_least=3, total=60)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "documents seen:" in out and "interrupted" in err and "Traceback" not in err
    assert 0 < len(stored(db)) < 60


def test_a_file_that_takes_another_files_content_gets_that_record(tmp_path):
    docs, db = tmp_path / "docs", tmp_path / "s.db"
    a, b = make_docs(docs, 2)
    assert invoke("run", docs, "--db", db).exit_code == 0
    a.write_bytes(b.read_bytes())
    second = invoke("run", docs, "--db", db)
    assert "replaced: 1  unchanged: 1" in second.stdout
    records = stored(db)
    codes = {c["code"] for c in records[str(a)]["citations"]}
    assert "2-CT/TW" in codes and "1-CT/TW" not in codes


def test_a_fixed_failure_equal_to_another_file_is_no_longer_failed(tmp_path):
    docs, db = tmp_path / "docs", tmp_path / "s.db"
    (good,) = make_docs(docs, 1)
    bad = docs / "bad.txt"
    bad.write_bytes(b"")
    assert invoke("run", docs, "--db", db).exit_code == 1
    bad.write_bytes(good.read_bytes())
    assert invoke("run", docs, "--db", db).exit_code == 0
    with Store(db) as store:
        assert store.failures() == [] and store.count() == 2


def test_prune_removes_deleted_files_and_lines_gone_from_a_dump(tmp_path):
    docs, db = tmp_path / "docs", tmp_path / "s.db"
    a, b = make_docs(docs, 2)
    dump = docs / "dump.jsonl"
    dump.write_text(
        "\n".join(json.dumps({"id": f"n{i}", "text": f"Kết luận số {i}-KL/TW"}) for i in (1, 2)) + "\n",
        encoding="utf-8",
    )
    assert invoke("run", docs, "--db", db).exit_code == 0
    b.unlink()
    dump.write_text(json.dumps({"id": "n1", "text": "Kết luận số 1-KL/TW"}) + "\n", encoding="utf-8")
    kept = invoke("run", docs, "--db", db)
    assert "pruned" not in kept.stdout and len(stored(db)) == 4  # without --prune nothing goes
    pruned = invoke("run", docs, "--db", db, "--prune")
    assert "pruned: 2 document(s)" in pruned.stdout
    assert sorted(stored(db)) == sorted([str(a), f"{dump}#n1"])


def test_unsupported_files_met_while_walking_are_skipped_but_named_ones_fail(tmp_path):
    docs, db = tmp_path / "docs", tmp_path / "s.db"
    make_docs(docs, 1)
    (docs / "SOURCES.tsv").write_text("file\turl\n", encoding="utf-8")
    walked = invoke("run", docs, "--db", db)
    assert walked.exit_code == 0
    assert "skipped: 1" in walked.stdout
    assert walked.stderr.strip().startswith("vanban: skipped: ") and "SOURCES.tsv" in walked.stderr
    named = invoke("extract", docs / "SOURCES.tsv")
    assert named.exit_code == 1 and named.stderr.startswith("vanban: error: ")


def test_store_rolls_back_what_an_exception_interrupts(tmp_path):
    db = tmp_path / "s.db"
    with pytest.raises(KeyboardInterrupt), Store(db) as store:
        store.db.execute("INSERT INTO documents (source, id, status, processed_at) VALUES ('x', 'y', 'ok', 'now')")
        raise KeyboardInterrupt
    with Store(db) as store:
        assert store.count() == 0


def test_a_failed_put_leaves_neither_the_document_nor_its_facts(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        bad = {
            "source": "a.txt",
            "id": "1",
            "kind": "news",
            "citations": [{"code": "1-CT/TW"}],
            "relations": [{"source": "x"}],
            "people": [],
        }  # a relation without 'type': the facts fail
        with pytest.raises(KeyError):
            store.put(bad)
        assert store.count() == 0
        assert store.db.execute("SELECT count(*) FROM citations").fetchone()[0] == 0


def test_time_limit_fails_one_document_and_the_batch_goes_on(monkeypatch):
    from pipeline.run import process

    def slow(raw):
        if "slow" in raw.text:
            time.sleep(30)
        return {"source": raw.source}

    monkeypatch.setattr(process, "process_document", slow)
    raws = [
        RawDocument(id=str(i), source=f"{name}.txt", format="txt", text=name)
        for i, name in enumerate(["fast", "slow", "fast2"])
    ]
    started = time.monotonic()
    results = [process.safe_process(raw, time_limit=0.5) for raw in raws]
    assert time.monotonic() - started < 5
    assert isinstance(results[1], Failure) and "time limit" in results[1].reason
    assert results[0] == {"source": "fast.txt"} and results[2] == {"source": "fast2.txt"}


def test_a_worker_stuck_past_the_limit_is_killed_and_replaced(monkeypatch):
    from pipeline.run import process

    def stuck(raw):
        if "stuck" in raw.text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as if deep in C code
            time.sleep(60)
        return {"source": raw.source}

    monkeypatch.setattr(process, "process_document", stuck)  # pool workers are forked: they inherit it
    monkeypatch.setattr(process, "GRACE_S", 1.0)
    monkeypatch.setattr(process, "_worker_init", lambda parent, *_: signal.signal(signal.SIGINT, signal.SIG_IGN))
    raws = [
        RawDocument(id=str(i), source=f"{i}.txt", format="txt", text=t) for i, t in enumerate(["a", "stuck", "b", "c"])
    ]
    started = time.monotonic()
    results = list(process.process_stream(raws, workers=2, limits=process.Limits(time_limit_s=1.0)))
    assert time.monotonic() - started < 30
    assert [type(r).__name__ for r in results] == ["dict", "Failure", "dict", "dict"]
    assert "time limit" in results[1].reason


@pytest.mark.parametrize("text", ["\ud800", "a\udfffb", "Chỉ thị số 35-CT/TW \ud83d ngày 14/6/2024"])
def test_process_document_never_raises_on_a_lone_surrogate(text):
    from pipeline.run.process import process_document

    raw = RawDocument(id="x", source="s", format="txt", text=text)
    assert "\ufffd" in raw.text and any("surrogate" in w for w in raw.warnings)
    record = process_document(raw)
    json.dumps(record, ensure_ascii=False).encode("utf-8")


def test_odd_file_names_come_out_on_one_line(tmp_path):
    (tmp_path / "two\nlines.pdf").write_bytes(b"%PDF-1.4 garbage")
    os.close(os.open(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.docx"), os.O_CREAT | os.O_WRONLY))
    result = invoke("extract", tmp_path)
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("vanban: error: ") for line in errors)
    assert any("two\\nlines.pdf" in line for line in errors) and any("caf\\xe9.docx" in line for line in errors)


def test_a_worker_that_dies_fails_its_document_only(monkeypatch):
    from pipeline.run import process

    def crash(raw):
        if "crash" in raw.text:
            os._exit(9)  # as the kernel's OOM killer would
        return {"source": raw.source}

    monkeypatch.setattr(process, "process_document", crash)
    monkeypatch.setattr(process, "_worker_init", lambda parent, *_: signal.signal(signal.SIGINT, signal.SIG_IGN))
    raws = [
        RawDocument(id=str(i), source=f"{i}.txt", format="txt", text=t)
        for i, t in enumerate(["a", "b", "crash", "c", "d"])
    ]
    results = list(process.process_stream(raws, workers=2))
    assert [type(r).__name__ for r in results] == ["dict", "dict", "Failure", "dict", "dict"]
    assert "worker process died" in results[2].reason


def _open_and_close(db: str, start: float) -> str:
    """Open a store at a set moment (with the other processes); '' or the error it gave."""
    time.sleep(max(0.0, start - time.time()))
    try:
        Store(db).close()
    except Exception as error:  # noqa: BLE001 - the test reports whatever it was
        return f"{type(error).__name__}: {error}"
    return ""


def test_many_processes_creating_one_new_store_at_once_all_open_it(tmp_path):
    """Setting up a new store (WAL mode, tables, migrations) races when two runs start together."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Pool(6) as pool:
        errors = []
        for round_ in range(8):
            db = str(tmp_path / f"new-{round_}.db")
            start = time.time() + 1.0
            errors += [e for e in pool.starmap(_open_and_close, [(db, start)] * 6) if e]
    assert errors == []
    assert "origin" in {
        row[1] for row in sqlite3.connect(tmp_path / "new-0.db").execute("PRAGMA table_info(documents)")
    }
