"""A time limit on a block of Python code, by SIGALRM (in the main thread; elsewhere no limit)."""

from __future__ import annotations

import signal
import threading


class DocumentTimeout(Exception):
    """A document took longer than its time limit."""


class alarm:  # noqa: N801 - used as a context manager, like open()
    """``with alarm(seconds):`` raises DocumentTimeout in the block after ``seconds`` (0 = no limit)."""

    def __init__(self, seconds: float):
        usable = seconds > 0 and threading.current_thread() is threading.main_thread()
        self.seconds = seconds if usable else 0
        self.previous: object = None

    def __enter__(self) -> alarm:
        if self.seconds:
            self.previous = signal.signal(signal.SIGALRM, self._raise)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)  # type: ignore[arg-type]

    @staticmethod
    def _raise(_signum, _frame):
        raise DocumentTimeout
