"""Tests of quotes.text: the small readers of raw text that several modules share."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotes.text import (
    LETTERS_BACKWARDS,
    WORD_BACKWARDS,
    blanks_then,
    opens_sentence,
    skip_blanks,
    skip_blanks_back,
    skip_space,
    unquoted,
)


class TestUnquoted:
    """`unquoted` gives the stretches between quotations."""

    def test_pieces_between_quotations(self) -> None:
        """Two quotations leave three stretches of narration."""
        assert unquoted(0, 30, [(5, 10), (15, 20)]) == [(0, 5), (10, 15), (20, 30)]

    def test_a_quotation_at_either_end_leaves_no_empty_piece(self) -> None:
        """Nothing is returned for the empty stretches before and after."""
        assert unquoted(0, 20, [(0, 5), (15, 20)]) == [(5, 15)]

    def test_the_window_clips_quotations_that_cross_it(self) -> None:
        """A quotation reaching into the window covers its start."""
        assert unquoted(8, 30, [(5, 10), (40, 50)]) == [(10, 30)]

    @given(st.lists(st.integers(0, 100), max_size=12), st.integers(0, 100), st.integers(0, 100))
    def test_pieces_and_quotations_tile_the_window(self, cuts: list[int], start: int, end: int) -> None:
        """Every offset of the window is in exactly one piece or one quotation."""
        bounds = sorted(set(cuts))
        quoted = list(zip(bounds[::2], bounds[1::2], strict=False))
        pieces = unquoted(start, end, quoted)
        for position in range(start, end):
            in_pieces = sum(s <= position < e for s, e in pieces)
            in_quotes = sum(s <= position < e for s, e in quoted)
            assert in_pieces + in_quotes == 1
        assert all(s < e for s, e in pieces)


class TestReaders:
    """Words read backwards, spaces skipped, sentence openings."""

    def test_backwards_search_finds_the_last_word(self) -> None:
        """The last word before an offset, with its inner apostrophe or dot."""
        text = "said the U.S. and Erdogan's aide"
        assert WORD_BACKWARDS.search(text, 0, len(text) - 5).group() == "Erdogan's"
        assert LETTERS_BACKWARDS.search(text, 0, 13).group() == "S"

    def test_skip_space_stops_at_the_limit(self) -> None:
        """White space is skipped up to `end`, not beyond."""
        assert skip_space("a   b", 1, 3) == 3

    def test_a_word_after_a_full_stop_opens_a_sentence(self) -> None:
        """After ". " a word opens a sentence; after a comma it does not."""
        text = "It ended. Then, more"
        assert opens_sentence(text, text.index("Then"))
        assert not opens_sentence(text, text.index("more"))


BLANKS = st.text(alphabet=" \t\u00a0\n\u2009ab", max_size=12)


class TestBlanks:
    """Blanks are what the rules' patterns spell ``[ \\t\\u00a0]``: no line break, no other space."""

    @given(BLANKS, st.data())
    def test_skipping_blanks_is_the_patterns(self, text: str, data: st.DataObject) -> None:
        """Forwards and backwards, the skip stops where ``[ \\t\\u00a0]*`` stops, within the limits."""
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        forwards = regex.match(r"[ \t\u00a0]*", text[:end], pos=start)
        backwards = regex.match(r"(?r)[ \t\u00a0]*", text[:end], pos=start)
        assert forwards is not None
        assert backwards is not None
        assert skip_blanks(text, start, end) == forwards.end()
        assert skip_blanks_back(text, start, end) == backwards.start()

    def test_blanks_then_a_word(self) -> None:
        """Blanks, then the word, before the limit: no blank, or a word cut by the limit, is no match."""
        assert blanks_then(" \u00a0by him", 0, 8, "by")
        assert not blanks_then("by him", 0, 6, "by")
        assert not blanks_then(" \nby", 0, 4, "by")
        assert not blanks_then(" by", 0, 2, "by")
