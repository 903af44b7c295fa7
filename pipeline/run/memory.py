"""A memory cap per worker, so that one pathological document fails alone instead of taking the machine.

The cap is an rlimit on the process that processes documents (each pool worker, or the
main process with one worker): ``RLIMIT_DATA`` on Linux (the heap and private mappings a
document's objects live in, not the shared libraries), ``RLIMIT_AS`` elsewhere. Past it,
an allocation raises ``MemoryError`` and the document fails with a line naming the cap.
The default is a share of the machine: half of its memory divided among the workers, at
least ``MIN_DEFAULT_MB``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no rlimits, no cap
    resource = None  # type: ignore[assignment]

MIN_DEFAULT_MB = 1024.0
MACHINE_SHARE = 0.5  # of the machine's memory, divided among the workers
SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)  # "2G", "1500M", "512MiB", "0"
UNIT_MB = {"": 1.0, "k": 1 / 1024, "m": 1.0, "g": 1024.0, "t": 1024.0 * 1024}


def parse_size_mb(text: str) -> float:
    """``"2G"`` → 2048.0 MB; a bare number is MB; ``0`` or ``none`` means no cap. ValueError otherwise."""
    if text.strip().lower() in ("none", "off"):
        return 0.0
    match = SIZE_RE.match(text)
    if match is None:
        raise ValueError(f"not a size: {text!r} (write it as 2G, 1500M or 0 for no cap)")
    return float(match.group(1)) * UNIT_MB[match.group(2).lower()]


def machine_mb() -> float | None:
    """The machine's physical memory in MB, when the system says."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1048576
    except (ValueError, OSError, AttributeError):
        return None


def default_cap_mb(workers: int) -> float:
    """A sane share of the machine for each of ``workers`` workers."""
    total = machine_mb()
    if total is None:
        return 0.0
    return max(MIN_DEFAULT_MB, total * MACHINE_SHARE / max(1, workers))


def cap_for(max_memory_mb: float | None, workers: int) -> float:
    """The cap of one of ``workers`` workers in MB (0: none): ``max_memory_mb`` as given, or the default share."""
    if max_memory_mb is None or max_memory_mb < 0:
        return default_cap_mb(workers)
    return max_memory_mb


def _kind() -> int | None:
    if resource is None:
        return None
    return resource.RLIMIT_DATA if sys.platform.startswith("linux") else resource.RLIMIT_AS


def apply_cap(mb: float) -> None:
    """Cap this process at ``mb`` MB (0: leave it as it is). Never raises: a cap that cannot be set is none."""
    kind = _kind()
    if kind is None or mb <= 0:
        return
    soft, hard = resource.getrlimit(kind)
    wanted = int(mb * 1048576)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    with suppress(ValueError, OSError):
        resource.setrlimit(kind, (wanted, hard))


def current_cap_mb() -> float | None:
    """The cap on this process in MB, or None."""
    kind = _kind()
    if kind is None:
        return None
    soft, _hard = resource.getrlimit(kind)
    return None if soft == resource.RLIM_INFINITY else soft / 1048576


@contextmanager
def capped(mb: float) -> Iterator[None]:
    """This process capped at ``mb`` MB within the block, as it was after it."""
    kind = _kind()
    if kind is None or mb <= 0:
        yield
        return
    before = resource.getrlimit(kind)
    apply_cap(mb)
    try:
        yield
    finally:
        with suppress(ValueError, OSError):
            resource.setrlimit(kind, before)


def out_of_memory_reason(step: str = "processing failed", cap: float | None = None) -> str:
    """Why a document failed with MemoryError, naming the cap (this process's, or ``cap``) when there is one."""
    cap = cap if cap else current_cap_mb()
    if not cap:
        return f"{step} (out of memory)"
    return f"{step} (out of memory: over the cap of {cap:.0f} MB per worker; --max-memory changes it)"
