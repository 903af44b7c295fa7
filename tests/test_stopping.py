"""Stopped the way schedulers stop us: SIGTERM and SIGHUP do what Ctrl-C does, and no worker is left behind.

Each test runs the real command in a subprocess and sends the signal once the first record is
out (on disk, or in the store), while a slow document is being processed.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.run.stopping import Stopped, stop_on_signals
from tests.odd_inputs import alive, descendants

VANBAN = [sys.executable, "-c", "from pipeline.cli.commands import main; main()"]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LINUX = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to see the workers")


def _inputs(folder: Path) -> list[Path]:
    """A small text, a slow one (several seconds of processing), another small one."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (CORPUS / "huong-dan-15-HD-TU.txt").read_text(encoding="utf-8")
    small_a, slow, small_b = folder / "a.txt", folder / "big.txt", folder / "b.txt"
    small_a.write_text(text, encoding="utf-8")
    slow.write_text("\n".join([text] * (900_000 // len(text))), encoding="utf-8")
    small_b.write_text((CORPUS / "tin-hoi-nghi-quy-hoach.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return [small_a, slow, small_b]


@pytest.fixture
def started():
    """Start commands in their own process group; whatever a failing test leaves running is killed."""
    processes: list[subprocess.Popen] = []

    def start(argv: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


def _lines(path: Path) -> list[str]:
    """The whole lines written so far (a line being written is not one yet)."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    return data[: data.rfind(b"\n") + 1].decode("utf-8").splitlines()


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait_for(condition, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, f"the command ended before the signal: {process.communicate()}"
    assert condition(), "the first record never came out"


def _none_alive(pids: set[int], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(alive(p) for p in pids)


def test_sigterm_on_extract_writes_the_finished_record_then_exits_143(tmp_path, started):
    inputs = _inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    process = started(VANBAN + ["extract", *map(str, inputs), "-o", str(out)])
    _wait_for(lambda: len(_lines(out)) >= 1, process)
    process.send_signal(signal.SIGTERM)
    _stdout, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    records = [json.loads(line) for line in _lines(out)]
    assert [r["source"] for r in records] == [str(inputs[0])]  # the finished one, whole; nothing half-written
    assert records[0]["citations"]
    assert "vanban: interrupted (SIGTERM): 1 records written, 0 failed, 0 skipped" in err.splitlines()


def test_sighup_on_run_keeps_the_store_exits_129_and_a_second_run_completes_it(tmp_path, started):
    inputs = _inputs(tmp_path / "in")
    db = tmp_path / "vanban.db"
    args = ["run", *map(str, inputs), "--db", str(db), "--no-index"]
    process = started(VANBAN + args)
    _wait_for(lambda: _stored(db) >= 1, process)
    process.send_signal(signal.SIGHUP)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 129, err
    assert "documents seen: 1  new: 1" in out  # the one-line summary of what was done
    assert "interrupted (SIGHUP)" in err
    assert _stored(db) == 1

    resumed = subprocess.run(VANBAN + args, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert "new: 2" in resumed.stdout and "unchanged: 1" in resumed.stdout
    assert _stored(db) == 3


@LINUX
def test_sigterm_with_a_pool_stops_the_workers_and_keeps_every_finished_record(tmp_path, started):
    inputs = _inputs(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    process = started(VANBAN + ["extract", *map(str, inputs), "-o", str(out), "--workers", "2"])
    _wait_for(lambda: len(_lines(out)) >= 1, process)
    workers = descendants(process.pid)
    process.send_signal(signal.SIGTERM)
    _stdout, err = process.communicate(timeout=60)
    assert process.returncode == 143, err
    sources = [json.loads(line)["source"] for line in _lines(out)]
    assert str(inputs[1]) not in sources and str(inputs[0]) in sources, sources  # the slow one was cut short
    assert set(sources) <= {str(p) for p in inputs} and len(set(sources)) == len(sources)
    assert workers and _none_alive(workers), "pool workers outlived the stopped run"


def test_a_signal_ignored_at_start_stays_ignored_and_a_handled_one_raises_stopped():
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    before = signal.getsignal(signal.SIGTERM)
    try:
        with stop_on_signals():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN  # nohup keeps its meaning
            with pytest.raises(Stopped) as stop:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(1)
        assert stop.value.status == 143 and stop.value.name == "SIGTERM"
        assert signal.getsignal(signal.SIGTERM) == before  # given back as it was
    finally:
        signal.signal(signal.SIGHUP, previous)


# --------------------------------------------------------------------------- Dask

GIL_HOLDING_RUN = """
import re, sys
from pipeline.run.dask_run import run_partitions

def stuck(part, out_dir, *args):
    print("task started", flush=True)
    re.match(r"(a+)+$", "a" * 40 + "b")  # minutes of backtracking in C, the GIL held all along
    raise SystemExit

if __name__ == "__main__":
    for item in run_partitions([sys.argv[1]], address="local", work=stuck):
        pass
"""


@LINUX
def test_no_dask_worker_outlives_a_run_killed_while_a_task_holds_the_gil(tmp_path, started):
    pytest.importorskip("distributed")
    script = tmp_path / "run.py"
    script.write_text(GIL_HOLDING_RUN, encoding="utf-8")
    process = started([sys.executable, str(script), str(CORPUS)])
    assert process.stdout.readline().strip() == "task started"
    workers = descendants(process.pid)
    process.kill()
    process.wait()
    assert workers and _none_alive(workers, 10), "Dask workers outlived the killed run"


@LINUX
def test_sigterm_on_a_dask_extract_keeps_finished_partitions_and_closes_the_cluster(tmp_path, started):
    pytest.importorskip("distributed")
    dump = tmp_path / "dump.jsonl"
    text = (CORPUS / "huong-dan-15-HD-TU.txt").read_text(encoding="utf-8")
    rows = [{"id": f"n{i}", "text": text * (1 if i < 50 else 200)} for i in range(100)]  # the 2nd partition is slow
    dump.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = started(VANBAN + ["extract", "--dask", "local", str(dump), "-o", str(out)])
    _wait_for(lambda: len(_lines(out)) >= 1, process)
    workers = descendants(process.pid)
    process.send_signal(signal.SIGTERM)
    _stdout, err = process.communicate(timeout=60)
    assert process.returncode == 143, err[-2000:]
    assert len(_lines(out)) == 50  # the first partition, whole
    assert workers and _none_alive(workers), "Dask workers outlived the stopped run"
