"""Tests of quotes.words: words read a character at a time find what the `regex` patterns find."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from quotes import text
from quotes.words import COMPILED, WordMatch, Words, first_words, words

# the kinds of word the rules read, as `Words` and as the `regex` patterns they stand for
KINDS = {
    "word": (r"[\p{L}\p{M}\p{N}]", "'\u2019-."),
    "letters": (r"[\p{L}\p{M}]", "'\u2019-"),
    "letter run": (r"\p{L}", ""),  # no joiners: one run of letters (`quotes.resolve`)
}
# a word as Python's `re` reads `\w` (`quotes.direct`)
RE_WORD = (r"[^\W_]", "-'\u2019.")

# what words are made of and what stands between them: ASCII and other letters, a combining
# mark, digits of two scripts, the joiners, a letter outside the Basic Multilingual Plane,
# an unassigned code point, and what is never inside a word
ALPHABET = "aZé\u00df\u4e00\u0301\u0660" + "09" + "'\u2019-." + "\U0001d400\U000e0080" + " _\n,\u00a0\u201c"

texts = st.text(alphabet=ALPHABET, max_size=24)
offsets = st.integers(-30, 30)


def spans(found: object) -> object:
    """What a search or a match found, as comparable data."""
    return found.span() if found is not None else None  # type: ignore[attr-defined]


class TestSameAsRegex:
    """A `Words` finds what its `regex` pattern finds, for any text and window."""

    @given(st.sampled_from(sorted(KINDS)), texts, offsets, offsets | st.none())
    def test_forwards(self, kind: str, string: str, pos: int, endpos: int | None) -> None:
        """`match`, `search`, `finditer` and `findall` agree, negative offsets included."""
        ours = Words(*KINDS[kind])
        theirs = regex.compile(ours.pattern)
        end = len(string) if endpos is None else endpos
        assert spans(ours.match(string, pos, end)) == spans(theirs.match(string, pos, end))
        assert spans(ours.search(string, pos, end)) == spans(theirs.search(string, pos, end))
        assert [m.span() for m in ours.finditer(string, pos, end)] == [
            m.span() for m in theirs.finditer(string, pos, end)
        ]
        assert ours.findall(string, pos, end) == theirs.findall(string, pos, end)

    @given(st.sampled_from(sorted(KINDS)), texts, offsets, offsets)
    def test_backwards(self, kind: str, string: str, pos: int, endpos: int) -> None:
        """Searching from the end finds the last word, `match` the word that ends at `endpos`,
        and `finditer` goes from last to first."""
        ours = Words(*KINDS[kind], backwards=True)
        theirs = regex.compile(ours.pattern)
        assert ours.pattern.startswith("(?r)")
        assert spans(ours.match(string, pos, endpos)) == spans(theirs.match(string, pos, endpos))
        assert spans(ours.search(string, pos, endpos)) == spans(theirs.search(string, pos, endpos))
        assert [m.span() for m in ours.finditer(string, pos, endpos)] == [
            m.span() for m in theirs.finditer(string, pos, endpos)
        ]

    @given(texts, offsets, offsets | st.none())
    def test_forwards_with_the_classes_of_re(self, string: str, pos: int, endpos: int | None) -> None:
        """Read with `re`'s classes (`quotes.direct`'s words), a `Words` finds what the `re`
        pattern finds, whose \\w leaves out the combining mark that `regex`'s takes in."""
        ours = Words(*RE_WORD, re_classes=True)
        theirs = re.compile(ours.pattern)
        end = len(string) if endpos is None else endpos
        assert spans(ours.match(string, pos, end)) == spans(theirs.match(string, pos, end))
        assert spans(ours.search(string, pos, end)) == spans(theirs.search(string, pos, end))
        assert ours.findall(string, pos, end) == theirs.findall(string, pos, end)
        assert [m.span() for m in ours.finditer(string, pos, end)] == [
            m.span() for m in theirs.finditer(string, pos, end)
        ]

    def test_re_cannot_search_backwards(self) -> None:
        """`re` has no backwards search for a `Words` to stand for."""
        with pytest.raises(ValueError, match="backwards"):
            Words(*RE_WORD, backwards=True, re_classes=True)

    @given(st.sampled_from(sorted(KINDS)), st.booleans(), texts, offsets, offsets, st.integers(-1, 4))
    def test_the_leading_words_are_finditers(
        self, kind: str, backwards: bool, string: str, pos: int, endpos: int, limit: int
    ) -> None:
        """`leading` (and `first_words`, either build) gives the first words `finditer` gives."""
        ours = Words(*KINDS[kind], backwards=backwards)
        found = list(ours.finditer(string, pos, endpos))
        expected = [m.span() for m in (found if limit < 0 else found[:limit])]
        assert [m.span() for m in ours.leading(string, pos, endpos, limit)] == expected
        built = ours if COMPILED else regex.compile(ours.pattern)  # what `words` gives in this build
        assert [m.span() for m in first_words(built, string, pos, endpos, limit)] == expected  # type: ignore[arg-type]

    @given(texts)
    def test_the_whole_text_by_default(self, string: str) -> None:
        """Without offsets a search reads the whole text."""
        ours = Words(*KINDS["word"])
        assert ours.findall(string) == regex.compile(ours.pattern).findall(string)


class TestWords:
    """What a word is, in examples."""

    def test_joiners_inside_a_word_belong_to_it(self) -> None:
        """An apostrophe, a hyphen or a dot between two word characters joins them."""
        word = Words(*KINDS["word"])
        assert word.findall("Abdul-Mahdi said Erdogan's U.S. 707s") == [
            "Abdul-Mahdi",
            "said",
            "Erdogan's",
            "U.S",
            "707s",
        ]

    def test_letters_leave_out_digits_and_dots(self) -> None:
        """`LETTERS` words are letters only, so a dot or a digit ends one."""
        letters = Words(*KINDS["letters"])
        assert letters.findall("U.S. 707s rock'n'roll") == ["U", "S", "s", "rock'n'roll"]

    def test_a_match_only_at_its_offset(self) -> None:
        """`match` finds a word that starts at `pos`, and no later one."""
        word = Words(*KINDS["word"])
        assert word.match(" said", 0) is None
        found = word.match(" said", 1)
        assert found is not None
        assert (found.group(), found.span()) == ("said", (1, 5))

    def test_a_window_cuts_words(self) -> None:
        """A word runs no further than the window: the engine reads only inside it."""
        word = Words(*KINDS["word"])
        assert word.findall("Peskov said", 2, 8) == ["skov", "s"]

    def test_backwards_the_last_word_comes_first(self) -> None:
        """Searching backwards, the words come from the last to the first."""
        word = Words(*KINDS["word"], backwards=True)
        assert word.findall("the Kremlin's spokesman said") == ["said", "spokesman", "Kremlin's", "the"]

    def test_a_match_reads_like_the_engines(self) -> None:
        """A `WordMatch` has the offsets and text of a `regex.Match`."""
        found = WordMatch("the U.S. said", 4, 7)
        assert (found.start(), found.end(), found.span(), found.group()) == (4, 7, (4, 7), "U.S")
        assert repr(found) == "<WordMatch object; span=(4, 7), match='U.S'>"


class TestWhichPattern:
    """The rules get a `Words` where it is faster: in the compiled build."""

    def test_compiled_builds_read_words_themselves(self) -> None:
        """Compiled, `quotes.text` holds `Words`; in pure Python, the `regex` patterns."""
        kinds = (text.WORD, text.LETTERS, text.WORD_BACKWARDS, text.LETTERS_BACKWARDS)
        expected = Words if COMPILED else regex.Pattern
        assert all(isinstance(kind, expected) for kind in kinds)

    def test_both_give_the_same_pattern(self) -> None:
        """`words` gives the same `pattern` whichever it returns."""
        assert words(*KINDS["word"]).pattern == Words(*KINDS["word"]).pattern
        assert text.WORD_BACKWARDS.pattern == "(?r)" + text.WORD.pattern
