"""Tests of quotes.bisection and the searches of mentions in order: `bisect`'s answers, always.

Compiled, these are loops of their own; in pure Python they hand the search to
`bisect`. The tests run the loops in either build and compare them with `bisect`.
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes.bisection
import quotes.mentions
from quotes.bisection import first_above, first_from, first_pair_above
from quotes.mentions import (
    Found,
    MentionKind,
    end_of,
    first_ending,
    first_starting,
    first_starting_after,
    start_of,
)


@contextmanager
def _loops() -> Iterator[None]:
    """The compiled build's loops, in pure Python too (where the functions would call `bisect`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes.bisection, "COMPILED", True)
        patch.setattr(quotes.mentions, "COMPILED", True)
        yield


OFFSETS = st.lists(st.integers(0, 60), max_size=30).map(sorted)
VALUE = st.integers(-5, 70)


class TestOffsets:
    """Sorted offsets, with repeats, in a list or an array of machine integers."""

    @given(OFFSETS, VALUE, st.integers(0, 35), st.booleans())
    def test_first_from_is_bisect_left(self, offsets: list[int], value: int, low: int, packed: bool) -> None:
        values = array("q", offsets) if packed else offsets
        with _loops():
            assert first_from(values, value) == bisect.bisect_left(offsets, value)
            assert first_from(values, value, low) == bisect.bisect_left(offsets, value, low)

    @given(OFFSETS, VALUE, st.integers(0, 35), st.integers(0, 35))
    def test_first_from_within_bounds_is_bisect_left(
        self, offsets: list[int], value: int, low: int, high: int
    ) -> None:
        high = min(high, len(offsets))
        with _loops():
            assert first_from(offsets, value, low, high) == bisect.bisect_left(offsets, value, low, high)

    @given(OFFSETS, VALUE, st.integers(0, 35), st.booleans())
    def test_first_above_is_bisect_right(
        self, offsets: list[int], value: int, low: int, packed: bool
    ) -> None:
        values = array("q", offsets) if packed else offsets
        with _loops():
            assert first_above(values, value) == bisect.bisect_right(offsets, value)
            assert first_above(values, value, low) == bisect.bisect_right(offsets, value, low)

    def test_repeated_offsets_bound_the_run_of_equals(self) -> None:
        """The first of equal offsets, and the first past them."""
        with _loops():
            assert (first_from([1, 4, 4, 4, 9], 4), first_above([1, 4, 4, 4, 9], 4)) == (1, 4)


class TestPairs:
    """``(start, end)`` pairs in order of start, as sentences and quotations are kept."""

    @given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=30).map(sorted), VALUE)
    def test_first_pair_above_is_bisect_right_of_the_start(
        self, pairs: list[tuple[int, int]], value: int
    ) -> None:
        with _loops():
            assert first_pair_above(pairs, value) == bisect.bisect_right(pairs, (value, math.inf))


def _mentions(spans: list[tuple[int, int]]) -> list[Found]:
    return [Found(start, start + length, MentionKind.NAME, "Lee") for start, length in spans]


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 5)), max_size=30).map(sorted)


class TestMentions:
    """Mentions in order, searched by where they start or end."""

    @given(SPANS, VALUE, st.integers(0, 35))
    def test_first_starting_is_bisect_left_by_start(
        self, spans: list[tuple[int, int]], value: int, low: int
    ) -> None:
        found = _mentions(spans)
        with _loops():
            assert first_starting(found, value) == bisect.bisect_left(found, value, key=start_of)
            assert first_starting(found, value, low) == bisect.bisect_left(found, value, low, key=start_of)

    @given(SPANS, VALUE)
    def test_first_starting_after_is_bisect_right_by_start(
        self, spans: list[tuple[int, int]], value: int
    ) -> None:
        found = _mentions(spans)
        with _loops():
            assert first_starting_after(found, value) == bisect.bisect_right(found, value, key=start_of)

    @given(SPANS, VALUE)
    def test_first_ending_is_bisect_left_by_end(self, spans: list[tuple[int, int]], value: int) -> None:
        found = sorted(_mentions(spans), key=end_of)
        with _loops():
            assert first_ending(found, value) == bisect.bisect_left(found, value, key=end_of)
