"""Stopping a run the way a scheduler asks: SIGINT, SIGTERM and SIGHUP all end it cleanly.

``timeout``, systemd, Slurm, Kubernetes and Dask stop a process with SIGTERM; a closed
terminal sends SIGHUP. Inside ``stop_on_signals()`` each of them raises ``Stopped`` (a
``KeyboardInterrupt``, so every place that already handles Ctrl-C handles them too), in
the main thread: the command flushes what is finished, stops its workers, prints its
summary and exits with ``128 + signal number`` (130, 143, 129), as a shell reports it.
A signal that was ignored when we started (``nohup``) stays ignored; a second signal
while the first is being handled ends the process at once.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by ``signum``."""

    def __init__(self, signum: int = signal.SIGINT):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        """ "SIGTERM", or "Ctrl-C" for SIGINT."""
        return "Ctrl-C" if self.signum == signal.SIGINT else signal.Signals(self.signum).name

    @property
    def status(self) -> int:
        """The exit status a shell gives a process ended by this signal."""
        return 128 + self.signum


def stopped(err: KeyboardInterrupt) -> Stopped:
    """``err`` as a ``Stopped`` (a plain KeyboardInterrupt is Ctrl-C)."""
    return err if isinstance(err, Stopped) else Stopped(signal.SIGINT)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise ``Stopped`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}

    def handle(signum, _frame):
        for other in STOP_SIGNALS:  # a second signal while we finish: the default action, at once
            if previous[other] is not signal.SIG_IGN:
                signal.signal(other, signal.SIG_DFL)
        raise Stopped(signum)

    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, handle)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


@contextmanager
def deferred() -> Iterator[None]:
    """Within the block (writing a record and counting it), a stop signal waits until the block is done,
    so that a record is never both written and retaken."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def rest_of(items: Iterator[T], stop: KeyboardInterrupt) -> Iterator[T]:
    """What a stream of results still holds once stopped in its consumer: the stop is thrown into
    it (a generator passes it down to the one it delegates to), and what it gives back before
    it re-raises is the work already finished (``_Pool.run`` and ``run_partitions`` do so)."""
    throw = getattr(items, "throw", None)
    if throw is None:
        return
    try:
        item = throw(stop)
        while True:
            yield item
            item = next(items)
    except (KeyboardInterrupt, StopIteration):
        return
    finally:  # the stream and those it reads from end now (a Dask cluster closed), not at exit
        getattr(items, "close", lambda: None)()


def die_with_parent(parent: int) -> None:
    """End this process when ``parent`` (the process that started it) dies, even by SIGKILL and even while
    this one is deep in C code holding the GIL: the kernel's PR_SET_PDEATHSIG on Linux, a polling thread elsewhere."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: the kernel kills us when the parent dies
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before we got here
        os._exit(1)

    def watch() -> None:  # portable fallback: poll the parent
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="vanban-parent-watch", daemon=True).start()
