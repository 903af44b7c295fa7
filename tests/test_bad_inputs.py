"""The bad-input corpus (tests/bad_inputs.py) mixed with good documents in one ``vanban run``.

One clean line per bad file (or bad JSON line), one "skipped" line per unsupported
file met while walking, every good document stored, no traceback, bounded time
and memory.
"""

import json
import os
import resource
import sqlite3
import subprocess
import sys
import time

import pytest

from pipeline.models import one_line
from tests.bad_inputs import GOOD_FILES, LIMITS_ENV, build, remove

TIME_BOUND_S = 240  # the whole run, OCR included, on a busy 2-core machine
MEMORY_BOUND_MB = 3000  # peak resident memory of the run


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad")
    folder = root / "in"
    kinds = build(folder)
    db = root / "store.db"
    env = {**os.environ, **LIMITS_ENV}
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", "from pipeline.cli.commands import main; main()", "run", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIME_BOUND_S * 2,
    )
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT source, status, error, record FROM documents").fetchall()
    yield kinds, folder, run, rows, elapsed, peak_mb
    remove(root)


def _lines_for(stderr: str, folder, path: str) -> list[str]:
    prefix = one_line(f"{folder}/{path}")
    return [line for line in stderr.splitlines() if prefix in line]


def test_run_is_clean_bounded_and_exits_1(bad_run):
    kinds, _folder, run, _rows, elapsed, peak_mb = bad_run
    assert len(kinds) >= 45
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert all(line.startswith(("vanban: error: ", "vanban: skipped: ")) for line in run.stderr.splitlines()), (
        run.stderr[-3000:]
    )
    assert elapsed < TIME_BOUND_S and peak_mb < MEMORY_BOUND_MB, (elapsed, peak_mb)


def test_every_good_document_is_stored(bad_run):
    _kinds, folder, _run, rows, _elapsed, _peak = bad_run
    stored = {source for source, status, _e, _r in rows if status == "ok"}
    for name in GOOD_FILES:
        assert f"{folder}/{name}" in stored


def test_each_kind_has_its_outcome(bad_run):
    kinds, folder, run, rows, _elapsed, _peak = bad_run
    ok_rows = {source: json.loads(record) for source, status, _e, record in rows if status == "ok"}
    table = []
    for kind in kinds:
        lines = _lines_for(run.stderr, folder, kind.path)
        prefix = f"{folder}/{kind.path}"
        records = [r for s, r in ok_rows.items() if s.startswith(prefix) or r.get("source", "").startswith(prefix)]
        if "dup-url" in kind.path:  # two texts under one url: two documents, each keeping the url
            assert len(records) == 2 and {r.get("url") for r in records} == {"https://example.org/a"}, records
        if kind.expect == "fail":
            assert len(lines) == 1 and lines[0].startswith("vanban: error: "), (kind.name, lines)
            assert kind.reason in lines[0], (kind.name, lines[0])
            outcome = lines[0].split(": ", 3)[-1]
        elif kind.expect == "skip":
            assert len(lines) == 1 and lines[0].startswith("vanban: skipped: "), (kind.name, lines)
            assert kind.reason in lines[0]
            outcome = "skipped: " + lines[0].split(": ", 3)[-1]
        elif kind.expect == "lines":  # a dump: the good line stored, each bad line one error naming its line
            assert lines and all("#" in line and line.startswith("vanban: error: ") for line in lines), lines
            assert any(kind.reason in line for line in lines), (kind.name, lines)
            assert records, kind.name
            outcome = f"{len(records)} stored, {len(lines)} line(s) failed: " + lines[-1].split(": ", 3)[-1]
        else:
            assert not lines, (kind.name, lines)
            assert records, (kind.name, "no record")
            warnings = [w for r in records for w in r.get("warnings", [])]
            assert not kind.reason or any(kind.reason in w for w in warnings), (kind.name, warnings)
            outcome = f"stored ({len(records)})" + (f"; warning: {warnings[0]}" if warnings else "")
        table.append(f"| {kind.name} | {kind.expect} | {outcome[:150]} |")
    print("\n".join(table))


def test_nothing_of_etc_passwd_comes_in_through_an_entity(bad_run):
    _kinds, folder, _run, rows, _elapsed, _peak = bad_run
    (record,) = [json.loads(r) for s, status, _e, r in rows if s == f"{folder}/xxe.docx"]
    assert "root:" not in json.dumps(record)
