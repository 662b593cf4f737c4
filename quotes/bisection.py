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
    end = len(values) if high is None else high
    if not COMPILED:
        return bisect.bisect_left(values, value, low, end)
    if isinstance(values, list):
        return _first_from_list(values, value, low, end)
    return _first_from(values, value, low, end)


def first_above(values: Sequence[int], value: int, low: int = 0) -> int:
    """The first index from `low` on whose value is above `value` (`bisect.bisect_right`)."""
    if not COMPILED:
        return bisect.bisect_right(values, value, low)
    if isinstance(values, list):
        return _first_above_list(values, value, low, len(values))
    return _first_above(values, value, low, len(values))


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


# The loops twice over, the same but for the type: compiled, a list's item is read in
# place, where an item of any other sequence (an `array` of offsets) is asked for through
# Python's protocols.


def _first_from_list(values: list[int], value: int, start: i64, end: i64) -> int:
    while start < end:
        middle: i64 = (start + end) // 2
        if values[middle] < value:
            start = middle + 1
        else:
            end = middle
    return start


def _first_from(values: Sequence[int], value: int, start: i64, end: i64) -> int:
    while start < end:
        middle: i64 = (start + end) // 2
        if values[middle] < value:
            start = middle + 1
        else:
            end = middle
    return start


def _first_above_list(values: list[int], value: int, start: i64, end: i64) -> int:
    while start < end:
        middle: i64 = (start + end) // 2
        if value < values[middle]:
            end = middle
        else:
            start = middle + 1
    return start


def _first_above(values: Sequence[int], value: int, start: i64, end: i64) -> int:
    while start < end:
        middle: i64 = (start + end) // 2
        if value < values[middle]:
            end = middle
        else:
            start = middle + 1
    return start
