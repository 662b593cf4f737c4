"""Binary search in sorted offsets: what `bisect` answers, in the compiled build without a call into it.

The rules ask, some fifteen thousand times for the 45 benchmark documents, where an
offset falls among a document's sentences, paragraphs, cues, names and quotations.
Compiled, each call of the `bisect` module costs a lookup of the module's function,
a parse of its arguments and, for a sequence of mentions, a Python call of the key
at every probe: far more than the search itself, a few comparisons that the
compiled loop makes between machine integers. In pure Python the same loop would be
slower than `bisect`'s C, so there the functions hand the search to `bisect`.
Either way the answers are `bisect`'s (``tests/test_bisection.py``).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotes.words import COMPILED

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["first_above", "first_from", "first_pair_above"]


def first_from(values: Sequence[int], value: int, low: int = 0, high: int | None = None) -> int:
    """The first index from `low` (up to `high`) whose value is at least `value`
    (`bisect.bisect_left`)."""
    if not COMPILED:
        return bisect.bisect_left(values, value, low, len(values) if high is None else high)
    end: i64 = len(values) if high is None else high
    start: i64 = low
    while start < end:
        middle: i64 = (start + end) // 2
        if values[middle] < value:
            start = middle + 1
        else:
            end = middle
    return start


def first_above(values: Sequence[int], value: int, low: int = 0) -> int:
    """The first index from `low` on whose value is above `value` (`bisect.bisect_right`)."""
    if not COMPILED:
        return bisect.bisect_right(values, value, low)
    high: i64 = len(values)
    start: i64 = low
    while start < high:
        middle: i64 = (start + high) // 2
        if value < values[middle]:
            high = middle
        else:
            start = middle + 1
    return start


def first_pair_above(pairs: Sequence[tuple[int, int]], value: int) -> int:
    """The first index whose pair starts above `value`, among ``(start, end)`` pairs in order of
    start: ``bisect.bisect_right(pairs, (value, math.inf))``."""
    if not COMPILED:
        return bisect.bisect_right(pairs, (value, math.inf))
    high: i64 = len(pairs)
    start: i64 = 0
    while start < high:
        middle: i64 = (start + high) // 2
        if value < pairs[middle][0]:
            high = middle
        else:
            start = middle + 1
    return start
