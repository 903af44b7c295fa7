"""How runs end when schedulers stop them and odd inputs come in: exit status, records kept,
wall time and peak memory, for one checkout or two side by side.

Cases (the inputs are generated in a scratch folder from the bundled corpus):

* ``sigterm-extract``: ``extract A BIG B -o out.jsonl``, SIGTERM once A's record is out
  (or 3 s in, when nothing shows: A is done by then, BIG is not);
* ``sigterm-extract-pool``: the same with ``--workers 2``;
* ``sighup-run``: ``run A BIG B``, SIGHUP once A is stored, then the same run again;
* ``docx-paragraphs``: a DOCX of 450,000 one-word paragraphs (document.xml 16 MiB) beside a small text;
* ``long-line`` / ``same-text-lines``: 1.6 M characters on one line, and the same text on its own lines;
* ``jsonl-same-url``: two dumps (two lines, then one) with one url and three texts;
* ``empty-folder``: ``extract empty/``;
* ``signature-cell``: a decision whose signature is one Markdown table cell (the signer found?);
* ``memory``: a 20 MB text between two small ones, ``--workers 2`` (with ``--max-memory 300M``
  where the checkout has it);
* ``dask-gil``: a ``--dask`` run killed (SIGKILL) while its task holds the GIL: workers left after 5 s.

Usage::

    .venv/bin/python benchmarks/bench_reliability.py [--checkout DIR ...] [--cases a,b] [--cap 200]

Peak memory is the largest total resident memory of the command and all its processes
(sampled every 0.1 s). Each ``--checkout`` is a source tree of vanban (for example the base commit, made with
``git archive``) run with this virtual environment; the default is this one. A case is
stopped after ``--cap`` seconds and reported as such. A benchmark, not a test: it prints
figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
sys.path.insert(0, str(REPO))  # the inputs and process probes the tests use: tests/odd_inputs.py
from tests.odd_inputs import alive, descendants, docx_of  # noqa: E402

# --------------------------------------------------------------------------- inputs


def make_inputs(root: Path) -> dict[str, Path]:
    text = (CORPUS / "huong-dan-15-HD-TU.txt").read_text(encoding="utf-8")
    news = (CORPUS / "tin-hoi-nghi-quy-hoach.txt").read_text(encoding="utf-8")
    paths = {name: root / name for name in ("a.txt", "big.txt", "b.txt")}
    paths["a.txt"].write_text(text, encoding="utf-8")
    paths["big.txt"].write_text("\n".join([text] * (900_000 // len(text))), encoding="utf-8")
    paths["b.txt"].write_text(news, encoding="utf-8")
    flat = " ".join(text.split())
    body = " ".join([flat] * (1_600_000 // len(flat)))
    (root / "line.txt").write_text(body + "\n", encoding="utf-8")
    (root / "lines.txt").write_text(body.replace(". ", ".\n") + "\n", encoding="utf-8")
    (root / "paras.docx").write_bytes(docx_of(["chữ"] * 450_000))
    rows = [
        {"url": "https://example.org/a", "text": "Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị."},
        {"url": "https://example.org/a", "text": "Kết luận số 12-KL/TW ngày 1/3/2021 của Bộ Chính trị."},
        {"url": "https://example.org/a", "text": "Quy định số 80-QĐ/TW ngày 18/8/2022 của Bộ Chính trị."},
    ]
    (root / "dump.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows[:2]) + "\n", "utf-8")
    (root / "dump2.jsonl").write_text(json.dumps(rows[2], ensure_ascii=False) + "\n", "utf-8")  # crawled next day
    (root / "empty").mkdir(exist_ok=True)
    (root / "sig.md").write_text(
        "| ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| --- | --- |\n"
        "| Số: 15/QĐ-UBND | Đồng Tháp, ngày 10 tháng 3 năm 2024 |\n\n**QUYẾT ĐỊNH**\n\n"
        "**Về việc thành lập Ban Chỉ đạo**\n\nĐiều 1. Thành lập Ban Chỉ đạo.\n\n"
        "| Nơi nhận: - Như Điều 3; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An |\n",
        encoding="utf-8",
    )
    (root / "huge.txt").write_text(text * (20_000_000 // len(text.encode())), encoding="utf-8")
    return {p.name: p for p in root.iterdir()}


# --------------------------------------------------------------------------- running one case


def _lines(path: Path) -> int:
    """Whole lines written so far."""
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
    except sqlite3.Error:
        return 0


class Peak:
    """The largest total resident memory of a process and its descendants, sampled every 0.1 s."""

    def __init__(self, pid: int):
        self.pid, self.mb, self.done = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def _watch(self) -> None:
        while not self.done.wait(0.1):
            total = 0
            for pid in {self.pid, *descendants(self.pid)}:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            self.mb = max(self.mb, total // 1024)

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def child(spec: dict) -> dict:
    """Run one command (in this fresh process, so its peak memory is the children's), as the spec says."""
    env = dict(os.environ, PYTHONPATH=spec["checkout"])
    started = time.perf_counter()
    # output to files, not pipes: a worker left behind would hold a pipe open and we would wait for it
    out_file, err_file = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed below
    process = subprocess.Popen(spec["argv"], cwd=spec["checkout"], env=env, stdout=out_file, stderr=err_file, text=True)
    signalled, survivors, workers = None, None, set()
    peak = Peak(process.pid)
    if spec.get("signal"):
        watch, deadline = spec["watch"], time.monotonic() + spec.get("signal_after_s", 3)
        while process.poll() is None and time.monotonic() < deadline:
            count = _stored(Path(watch)) if watch.endswith(".db") else _lines(Path(watch))
            if count >= 1:
                break
            time.sleep(0.05)
        workers = descendants(process.pid)
        if process.poll() is None:
            process.send_signal(getattr(signal, spec["signal"]))
            signalled = round(time.perf_counter() - started, 1)
    try:
        process.wait(timeout=spec["cap"])
        status: int | str = process.returncode
    except subprocess.TimeoutExpired:
        for pid in descendants(process.pid):
            os.kill(pid, signal.SIGKILL)
        process.kill()
        process.wait()
        status = f"stopped at {spec['cap']:g} s"
    wall = time.perf_counter() - started
    peak.stop()
    out_file.seek(0)
    err_file.seek(0)
    out, err = out_file.read(), err_file.read()
    out_file.close()
    err_file.close()
    if workers:
        time.sleep(5)
        survivors = sum(alive(p) for p in workers)
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    return {
        "status": status,
        "wall_s": round(wall, 1),
        "peak_mb": max(peak.mb, round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)),
        "signalled_at_s": signalled,
        "workers_left": survivors,
        "stdout": out[-3000:],
        "stderr": err[-3000:],
    }


def run_child(spec: dict) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


DASK_GIL = """
import re, sys
from pipeline.run.dask_run import run_partitions

def stuck(part, out_dir, *args):
    print("task started", flush=True)
    re.match(r"(a+)+$", "a" * 40 + "b")
    raise SystemExit

if __name__ == "__main__":
    for item in run_partitions([sys.argv[1]], address="local", work=stuck):
        pass
"""


def case(name: str, checkout: str, inputs: dict[str, Path], scratch: Path, cap: float) -> dict:
    vanban = [sys.executable, "-c", "from pipeline.cli.commands import main; main()"]
    three = [str(inputs[n]) for n in ("a.txt", "big.txt", "b.txt")]
    has_cap = (Path(checkout) / "pipeline" / "run" / "memory.py").exists()
    out, db = scratch / f"{name}.jsonl", scratch / f"{name}.db"
    for stale in (out, db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    spec: dict = {"checkout": checkout, "cap": cap}
    if name.startswith("sigterm-extract"):
        pool = ["--workers", "2"] if name.endswith("pool") else []
        spec.update(argv=vanban + ["extract", *three, "-o", str(out), *pool], signal="SIGTERM", watch=str(out))
        result = run_child(spec)
        result["kept"] = f"{_lines(out)} of 3 records"
        return result
    if name == "sighup-run":
        spec.update(argv=vanban + ["run", *three, "--db", str(db), "--no-index"], signal="SIGHUP", watch=str(db))
        result = run_child(spec)
        kept = _stored(db)
        again = run_child({"checkout": checkout, "cap": cap, "argv": spec["argv"]})
        result["kept"] = f"{kept} of 3 stored; run again: exit {again['status']}, {_stored(db)} of 3"
        return result
    if name == "dask-gil":
        script = scratch / "dask_gil.py"
        script.write_text(DASK_GIL, encoding="utf-8")
        spec.update(argv=[sys.executable, str(script), str(CORPUS)], signal="SIGKILL", watch=str(scratch / "none"))
        spec["signal_after_s"] = 20
        result = run_child(spec)
        result["kept"] = "-"
        return result
    argv = {
        "docx-paragraphs": ["extract", inputs["paras.docx"], inputs["a.txt"]],
        "long-line": ["extract", inputs["line.txt"]],
        "same-text-lines": ["extract", inputs["lines.txt"]],
        "jsonl-same-url": ["run", inputs["dump.jsonl"], inputs["dump2.jsonl"], "--db", db, "--no-index"],
        "empty-folder": ["extract", inputs["empty"]],
        "signature-cell": ["extract", inputs["sig.md"]],
        "memory": ["extract", inputs["a.txt"], inputs["huge.txt"], inputs["b.txt"], "--workers", "2"]
        + (["--max-memory", "300M"] if has_cap else []),
    }[name]
    if name != "jsonl-same-url":
        argv += ["-o", out]
    spec.update(argv=vanban + [str(a) for a in argv])
    result = run_child(spec)
    if name == "jsonl-same-url":
        result["kept"] = f"{_stored(db)} of 3 texts stored"
    elif name == "signature-cell":
        record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
        signer = record["self"]["signer"]
        result["kept"] = f"signer.name={signer['name']!r}, title={signer['title']!r}"
    elif name == "empty-folder":
        result["kept"] = repr(result["stderr"].strip().splitlines()[-1:] or "(nothing on stderr)")
    else:
        result["kept"] = f"{_lines(out)} records"
    return result


CASES = [
    "sigterm-extract",
    "sigterm-extract-pool",
    "sighup-run",
    "docx-paragraphs",
    "long-line",
    "same-text-lines",
    "jsonl-same-url",
    "empty-folder",
    "signature-cell",
    "memory",
    "dask-gil",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--checkout", action="append", help="a vanban source tree (default: this one)")
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--cap", type=float, default=200.0, help="seconds before a case is stopped")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return
    checkouts = args.checkout or [str(REPO)]
    with tempfile.TemporaryDirectory(prefix="vanban-reliability-") as tmp:
        inputs = make_inputs(Path(tmp))
        for name in args.cases.split(","):
            for checkout in checkouts:
                result = case(name, checkout, inputs, Path(tmp), args.cap)
                left = "" if result["workers_left"] is None else f"  workers left after 5 s: {result['workers_left']}"
                signalled = f"  (signal at {result['signalled_at_s']} s)" if result["signalled_at_s"] else ""
                print(
                    f"{name:<22} {Path(checkout).name:<10} exit {str(result['status']):<16} "
                    f"{result['wall_s']:>6.1f} s {result['peak_mb']:>6} MB  {result['kept']}{signalled}{left}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
