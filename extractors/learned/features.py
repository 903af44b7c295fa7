"""Small helpers the candidate modules share when they write features."""

from __future__ import annotations

import math


def bucket(n: int) -> str:
    """A count as a coarse bin: 0, 1, 2, then 2+ (2-3), 4+ (4-7), 8+ ... (powers of two)."""
    return str(n) if n < 3 else f"{2 ** int(math.log2(n))}+"
