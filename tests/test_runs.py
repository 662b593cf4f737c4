"""Tests of quotes.runs: runs of capitalised words read a character at a time, as the pattern finds them."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quotes.lexicon import abbreviations, mention_lexicon
from quotes.runs import NameRuns, name_runs
from quotes.words import COMPILED

DOTTED = sorted(a for a in abbreviations() if a[:1].isupper() and "." not in a)
CONNECTORS = sorted(mention_lexicon().connectors)

# the pieces runs are made of and broken by: capitals and lowercase letters in and out of
# ASCII, a titlecase letter and a letter of no case, a combining mark, digits, the joiners,
# the spaces a run crosses and those it does not, particles, abbreviations, initials and
# prefixes, with lengths on either side of the limits
PIECES = [
    *"AZaz\u00c9\u00e9\u00df\u01c5\u00aa\u0301\u06600",
    *"'\u2019-.",
    " ",
    "  ",
    "    ",
    "\t",
    "\u00a0",
    "\n",
    ",",
    "\u201c",
    "of ",
    "de",
    "del ",
    "the ",
    "Sen.",
    "Mr. ",
    "Calif",
    "U.S.",
    "S.E.C.",
    "A.B.C.D.",
    "R. ",
    "al-",
    "pro-",
    "abcd-",
    "Abc ",
    "Abc",
]

texts = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)
offsets = st.integers(-30, 30)


def engine_spans(runs: NameRuns, string: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """The runs the `regex` pattern finds in the window."""
    return [match.span() for match in runs.engine().finditer(string, pos, endpos)]


class TestSameAsRegex:
    """A `NameRuns` finds what its `regex` pattern finds, for any text and window."""

    @settings(max_examples=500)
    @given(texts)
    @example("Kremlin Aide Yuri Ushakov told the Bank of the Philippines.")
    @example("U.S. Sen. Lindsey Graham and Syria's al-Assad, said the S.E.C. on Monday")
    @example("Abc    Abc and Sen.    Abc")  # four spaces: too many
    @example("Abc of the de Abc, Abc of the de del Abc")  # three particles, and four
    @example("\u0301Abc")  # a combining mark is a word character
    def test_the_lexicon_s_runs(self, string: str) -> None:
        """With the lexicon's particles and abbreviations, over the whole text."""
        runs = NameRuns(DOTTED, CONNECTORS, 48)
        assert runs.spans(string, 0, len(string)) == engine_spans(runs, string, 0, len(string))

    @settings(max_examples=500)
    @given(texts, offsets, offsets)
    def test_any_window(self, string: str, pos: int, endpos: int) -> None:
        """A window bounds the runs, as `pos` and `endpos` bound a pattern, negative ones included."""
        runs = NameRuns(DOTTED, CONNECTORS, 48)
        assert runs.spans(string, pos, endpos) == engine_spans(runs, string, pos, endpos)

    @given(texts, st.integers(1, 4))
    @example("Abc Abc Abc Abc Abc", 2)
    def test_long_runs_are_cut(self, string: str, most_words: int) -> None:
        """A run longer than `most_words` words is found in pieces of that many."""
        runs = NameRuns(["Abc", "U.S"], ["de", "del", "of"], most_words)
        assert runs.spans(string, 0, len(string)) == engine_spans(runs, string, 0, len(string))


class TestRuns:
    """What a run is, by example."""

    def find(self, string: str) -> list[str]:
        """The runs of `string`, as text."""
        runs = NameRuns(DOTTED, CONNECTORS, 48)
        return [string[start:end] for start, end in runs.spans(string, 0, len(string))]

    def test_particles_and_titles_stay_in_a_run(self) -> None:
        """Particles join capitalised words, and an abbreviation's dot belongs to it."""
        assert self.find("said Sen. Lindsey Graham of the Bank of the Philippines") == [
            "Sen. Lindsey Graham of the Bank of the Philippines"
        ]

    def test_a_lowercase_prefix_joins_only_inside_a_run(self) -> None:
        """'al-' joins a run's next word; before a run it is left for `names` to add."""
        assert self.find("President Bashar al-Assad") == ["President Bashar al-Assad"]
        assert self.find("the pro-Beijing camp") == ["Beijing"]

    def test_initials_keep_their_dots(self) -> None:
        """Dotted initials keep their last dot before a lowercase word, not at a sentence end."""
        assert self.find("the S.E.C. said") == ["S.E.C."]
        assert self.find("moved to the U.S. Then") == ["U.S. Then"]
        assert self.find("moved to the U.S.\n") == ["U.S"]

    def test_a_capital_after_a_word_character_starts_no_run(self) -> None:
        """ "McDonald" is one run, and a capital inside a word ("eBay") starts none."""
        assert self.find("McDonald bought eBay") == ["McDonald"]


def test_lists_are_checked() -> None:
    """An empty abbreviation or a particle with a space is refused, not silently misread."""
    with pytest.raises(ValueError, match="abbreviation"):
        NameRuns([""], [], 48)
    with pytest.raises(ValueError, match="particle"):
        NameRuns([], ["de la"], 48)
    with pytest.raises(ValueError, match="at least one word"):
        NameRuns([], [], 0)


def test_compiled_builds_read_runs_themselves() -> None:
    """The compiled build reads the characters; pure Python keeps the engine, which is faster there."""
    runs = name_runs(DOTTED, CONNECTORS, 48)
    assert isinstance(runs, NameRuns) is COMPILED
    assert runs.pattern == NameRuns(DOTTED, CONNECTORS, 48).pattern
