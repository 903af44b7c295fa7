"""Headless Chromium for the browser tests (pytest -m browser): found or skipped, run with a time limit."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

BROWSER_TIMEOUT = 90  # seconds; a page needs one or two
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--enable-unsafe-swiftshader",  # sigma.js draws with WebGL: software WebGL, which Chromium asks to be named
    "--disable-quic",
    "--no-first-run",
    "--hide-scrollbars",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    """The chromium command, or a skip that says how to install it."""
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if not found:
        pytest.skip("headless Chromium not found: apt-get install chromium")
    return found


def run_chromium(command: str, args: list[str], profile: Path, window: str = "1400,900") -> str:
    """Run headless Chromium with ``args``; its standard output. Fails the test on an error or a hang."""
    # Its own process group, so that a page that hangs (an alert() that got through) takes
    # every Chromium process with it when the test gives up.
    browser = subprocess.Popen(
        [command, *CHROMIUM_FLAGS, f"--window-size={window}", f"--user-data-dir={profile}", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = browser.communicate(timeout=BROWSER_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(browser.pid, signal.SIGKILL)
        browser.communicate()
        pytest.fail(f"Chromium did not finish {args[-1]} in {BROWSER_TIMEOUT} s (a dialog or a script that never ends)")
    assert browser.returncode == 0, err[-2000:]
    return out
