"""Runs of capitalised words, read a character at a time: what a `regex` pattern finds, without its engine.

`quotes.mentions.names` reads every name of a document from the runs of
capitalised words ("Kremlin Aide Yuri Ushakov", "Bank of the Philippines",
"U.S. Sen. Lindsey Graham"). Finding them was the largest single cost of the
compiled pipeline: one `regex` scan of the whole text, whose engine tests each
character's Unicode properties and, at each capital, sets up lookbehinds,
a list of particles and a list of abbreviations. `NameRuns` finds the same runs with
a loop over the characters, which the compiled build turns into C; in pure
Python the engine is faster, so `name_runs` gives the engine there.

Either way a run is:

- a capital letter that no word character stands before, or that a lowercase
  prefix of one to three letters and a hyphen does ("al-Assad", "pro-Beijing");
- the rest of its word: letters, marks and digits, joined across an
  apostrophe, hyphen or dot before a letter ("O'Brien", "U.S");
- a dot after the word where it belongs to it: after a known abbreviation
  ("Sen.") or an initial ("R.", "U.S.") before another capitalised word, and after
  dotted initials before a lowercase one ("the S.E.C. said");
- then up to `most_words - 1` more capitalised words, each after one to
  three spaces, up to three particles ("of", "the", "de") and a lowercase
  prefix.

``tests/test_runs.py`` checks that `NameRuns` finds exactly what its pattern
finds, on any text and window.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Protocol, final

import regex

from quotes.words import COMPILED, window

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["NameRuns", "RunPattern", "name_runs"]


class RunPattern(Protocol):
    """What `quotes.mentions.names` asks of the runs: a `NameRuns`, or the `regex` pattern it stands for."""

    @property
    def pattern(self) -> str:
        """The `regex` pattern that finds these runs."""

    def spans(self, string: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        """``(start, end)`` of each run in ``string[pos:endpos]``, in order."""


def name_runs(dotted: Iterable[str], connectors: Iterable[str], most_words: int) -> RunPattern:
    """The runs of capitalised words (see `NameRuns`): a `NameRuns` where this module is
    compiled, else the `regex` pattern, which is faster in pure Python."""
    found = NameRuns(dotted, connectors, most_words)
    return found if COMPILED else _Engine(found)


@final
class _Engine:
    """The `regex` pattern of a `NameRuns`, with its `spans`."""

    __slots__ = ("_compiled", "pattern")

    def __init__(self, runs: NameRuns) -> None:
        self.pattern: Final = runs.pattern
        self._compiled: Final = runs.engine()

    def spans(self, string: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        """``(start, end)`` of each run in ``string[pos:endpos]``, in order."""
        # concurrent=False: the engine keeps the interpreter's lock instead of letting it go
        # and taking it back at each run, which costs more than reading a run
        return [m.span() for m in self._compiled.finditer(string, pos, endpos, concurrent=False)]


# what a character is, as bits: the classes the runs are made of
_UPPER: Final = 1  # \p{Lu}
_LOWER: Final = 2  # \p{Ll}
_LETTER: Final = 4  # \p{L}
_WORD: Final = 8  # [\p{L}\p{M}\p{N}]: the characters of a word
_WORD_CHAR: Final = 16  # a word's characters and its joiners: what no run starts after
_SPACE: Final = 32  # what stands between the words of a run
_JOINER: Final = 64  # what joins two pieces of one word: "O'Brien", "U.S"
_PREFIX_LETTER: Final = 128  # [a-z]: the letters of a lowercase prefix, "al-"
# the classes as the pattern spells them, so that the loop and the pattern read alike
_WORD_CLASS: Final = r"[\p{L}\p{M}\p{N}]"
_WORD_CHAR_CLASS: Final = r"[\p{L}\p{M}\p{N}'\u2019\-.]"
_CLASSES: Final = (
    (_UPPER, r"\p{Lu}"),
    (_LOWER, r"\p{Ll}"),
    (_LETTER, r"\p{L}"),
    (_WORD, _WORD_CLASS),
    (_WORD_CHAR, _WORD_CHAR_CLASS),
)
_JOINERS: Final = "'\u2019-."
_SPACES: Final = " \t\u00a0"
_HYPHEN: Final = ord("-")
_DOT: Final = ord(".")
_MOST_SPACES: Final = 3  # between two words of a run, and after a particle
_MOST_CONNECTORS: Final = 3  # particles between two words of a run
_MOST_PREFIX: Final = 3  # letters of a lowercase prefix: "al-", "pro-"
_MOST_INITIALS: Final = 3  # capitals of dotted initials: "R.", "U.S.", "S.E.C."
# characters outside ASCII whose classes a `NameRuns` remembers: news has few of them
_KNOWN_CHARACTERS: Final = 1 << 12


@final
class NameRuns:
    """The runs of capitalised words of a text, found by reading its characters.

    Args:
        dotted: Abbreviations written with a dot that a name may go on after
            ("Sen", "Gov"), without their dot.
        connectors: Lowercase particles inside names ("of", "the", "de").
        most_words: The most capitalised words of one run; a longer run is
            found in pieces of this many words.
    """

    __slots__ = (
        "_ascii",
        "_connector_lengths",
        "_connectors",
        "_dotted",
        "_dotted_lengths",
        "_known",
        "_most_words",
        "pattern",
    )

    def __init__(self, dotted: Iterable[str], connectors: Iterable[str], most_words: int) -> None:
        abbreviations = sorted(set(dotted))
        particles = sorted(set(connectors))
        if most_words < 1:
            raise ValueError(f"a run holds at least one word, not {most_words}")
        if "" in abbreviations:
            raise ValueError("an abbreviation is not empty")
        for word in particles:  # a particle is read up to the spaces after it
            if not word or any(space in word for space in _SPACES):
                raise ValueError(f"a particle is a word with no space in it: {word!r}")
        self.pattern: Final = _pattern(most_words)
        """The `regex` pattern that finds the same runs, its lists given as ``dotted`` and ``connectors``."""
        self._dotted: Final = frozenset(abbreviations)
        self._dotted_lengths: Final = sorted({len(word) for word in abbreviations})
        self._connectors: Final = frozenset(particles)
        self._connector_lengths: Final = sorted({len(word) for word in particles})
        self._most_words: Final = most_words
        self._ascii: Final = bytes(_classes_of(chr(code)) for code in range(128))
        self._known: Final[dict[str, int]] = {}

    def spans(self, string: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        """``(start, end)`` of each run in ``string[pos:endpos]``, in order.

        As with a `regex` pattern, the window bounds the runs and what they are
        tested against after them, while what stands before `pos` still decides
        whether a run may start there.
        """
        start, end = window(string, pos, endpos)
        found: list[tuple[int, int]] = []
        ascii_classes = self._ascii
        position: i64 = start
        last: i64 = end
        while position < last:
            # most characters are ASCII and no capital: the test of those stays in this loop
            code: i64 = ord(string[position])
            if code < 128:  # a statement, not an expression: compiled, both sides stay machine integers
                classes: i64 = ascii_classes[code]
            else:
                classes = self._classes(string, position)
            if classes & _UPPER and self._may_start(string, position):
                stop = self._run(string, position, last)
                found.append((position, stop))
                position = stop
            else:
                position += 1
        return found

    def engine(self) -> regex.Pattern[str]:
        """The compiled `regex` pattern that finds the same runs, with its lists."""
        return regex.compile(self.pattern, dotted=sorted(self._dotted), connectors=sorted(self._connectors))

    def _may_start(self, string: str, position: i64) -> bool:
        """Whether a run may start at the capital at `position`: after no word character, or after
        a lowercase prefix of one to three letters and a hyphen that no word character precedes."""
        if position == 0 or not self._classes(string, position - 1) & _WORD_CHAR:
            return True
        if ord(string[position - 1]) != _HYPHEN:
            return False
        first = position - 1
        while (
            first > 0
            and position - 1 - first <= _MOST_PREFIX
            and self._classes(string, first - 1) & _PREFIX_LETTER
        ):
            first -= 1
        letters = position - 1 - first
        if letters < 1 or letters > _MOST_PREFIX:
            return False
        return first == 0 or not self._classes(string, first - 1) & _WORD_CHAR

    def _run(self, string: str, position: i64, end: i64) -> i64:
        """The end of the run whose first capital is at `position`."""
        position = self._word_end(string, position + 1, end)
        for _ in range(self._most_words - 1):
            after = self._next_word(string, position, end)
            if after < 0:
                break
            position = self._word_end(string, after + 1, end)
        return position

    def _next_word(self, string: str, position: i64, end: i64) -> i64:
        """The capital that starts the run's next word after `position`, across spaces, particles
        and a lowercase prefix; -1 if none does."""
        spaces = self._spaces(string, position, end)
        if spaces == 0 or spaces > _MOST_SPACES:
            return -1
        position += spaces
        for _ in range(_MOST_CONNECTORS):
            length = self._connector_at(string, position, end)
            if length == 0:
                break
            position += length
            position += min(self._spaces(string, position, end), _MOST_SPACES)
        letters: i64 = 0
        while (
            position + letters < end
            and letters <= _MOST_PREFIX
            and self._classes(string, position + letters) & _PREFIX_LETTER
        ):
            letters += 1
        capital = position + letters + 1  # after a prefix: "al-Assad"
        if (
            1 <= letters <= _MOST_PREFIX
            and capital < end
            and ord(string[capital - 1]) == _HYPHEN
            and self._classes(string, capital) & _UPPER
        ):
            return capital
        if position < end and self._classes(string, position) & _UPPER:
            return position
        return -1

    def _connector_at(self, string: str, position: i64, end: i64) -> i64:
        """The length of the particle at `position` that spaces follow, or 0."""
        for length in self._connector_lengths:
            after = position + length
            if (
                after < end
                and self._classes(string, after) & _SPACE
                and string[position:after] in self._connectors
            ):
                return length
        return 0

    def _spaces(self, string: str, position: i64, end: i64) -> i64:
        """How many spaces, tabs and no-break spaces stand from `position` on."""
        count: i64 = 0
        while position + count < end and self._classes(string, position + count) & _SPACE:
            count += 1
        return count

    def _word_end(self, string: str, position: i64, end: i64) -> i64:
        """The end of a capitalised word whose letters after its capital start at `position`."""
        position = self._word_characters(string, position, end)
        while (
            position + 1 < end
            and self._classes(string, position) & _JOINER
            and self._classes(string, position + 1) & _LETTER
        ):
            position = self._word_characters(string, position + 2, end)
        if position < end and ord(string[position]) == _DOT and self._dot_belongs(string, position, end):
            return position + 1
        return position

    def _word_characters(self, string: str, position: i64, end: i64) -> i64:
        """The end of the letters, marks and digits from `position` on."""
        while position < end and self._classes(string, position) & _WORD:
            position += 1
        return position

    def _dot_belongs(self, string: str, dot: i64, end: i64) -> bool:
        """Whether the dot at `dot` ends the word before it: an abbreviation or initials before a
        capitalised word, or dotted initials before a lowercase one."""
        spaces = self._spaces(string, dot + 1, end)
        following = dot + 1 + spaces
        if spaces == 0 or spaces > _MOST_SPACES or following >= end:
            return False
        classes = self._classes(string, following)
        if classes & _UPPER:
            return self._abbreviation_before(string, dot) or self._initials_before(string, dot, 1)
        if classes & _LOWER:
            return self._initials_before(string, dot, 2)
        return False

    def _abbreviation_before(self, string: str, dot: i64) -> bool:
        """Whether a dotted abbreviation that no word character precedes ends at `dot`."""
        for length in self._dotted_lengths:
            first = dot - length
            if first >= 0 and string[first:dot] in self._dotted and not self._word_char_before(string, first):
                return True
        return False

    def _initials_before(self, string: str, dot: i64, fewest: i64) -> bool:
        """Whether `fewest` to three dotted capitals ("R", "U.S", "S.E.C") that no word character
        precedes end at `dot`."""
        for count in range(1, _MOST_INITIALS + 1):
            first = dot - 2 * count + 1
            if first < 0:
                return False
            if not self._classes(string, first) & _UPPER:
                return False
            if count > 1 and ord(string[first + 1]) != _DOT:
                return False
            if count >= fewest and not self._word_char_before(string, first):
                return True
        return False

    def _word_char_before(self, string: str, position: i64) -> bool:
        """Whether a word character or a joiner stands right before `position`."""
        return position > 0 and self._classes(string, position - 1) & _WORD_CHAR != 0

    def _classes(self, string: str, index: i64) -> i64:
        """The classes of ``string[index]`` as bits (ASCII settled at once, the rest as `regex` says)."""
        # compiled, `ord(string[index])` reads the code point in place, with no one-character
        # string made for it
        code: i64 = ord(string[index])
        if code < 128:
            return self._ascii[code]
        char = string[index]
        known = self._known.get(char)
        if known is None:
            known = _classes_of(char)
            if len(self._known) < _KNOWN_CHARACTERS:
                self._known[char] = known
        return known


def _classes_of(char: str) -> int:
    """The classes of one character as bits, as `regex`'s Unicode tables say."""
    bits = 0
    for bit, pattern in _CLASSES:
        if regex.match(pattern, char) is not None:
            bits |= bit
    if char in _SPACES:
        bits |= _SPACE
    if char in _JOINERS:
        bits |= _JOINER
    if "a" <= char <= "z":
        bits |= _PREFIX_LETTER
    return bits


def _pattern(most_words: int) -> str:
    """The `regex` pattern of the runs, with the named lists ``dotted`` and ``connectors``."""
    letter = _WORD_CLASS
    space = r"[ \t\u00a0]{1,3}"
    word_char = _WORD_CHAR_CLASS
    after_capital = (  # a word, after its first letter
        rf"{letter}*+(?:['\u2019\-\.]\p{{L}}{letter}*+)*+"
        rf"(?:\.(?<=(?<!{word_char})(?:\L<dotted>|(?:\p{{Lu}}\.){{0,2}}\p{{Lu}})\.)(?={space}\p{{Lu}})"
        rf"|\.(?<=(?<!{word_char})(?:\p{{Lu}}\.){{1,2}}\p{{Lu}}\.)(?={space}\p{{Ll}}))?+"
    )
    word = rf"\p{{Lu}}{after_capital}"
    # the run's first capital is matched before the test of what stands before it (one
    # character back): the engine then looks for the next capital and tests only there
    return (
        rf"\p{{Lu}}(?:(?<!{word_char}.)|(?<=(?<!{word_char})[a-z]{{1,3}}-.))"
        rf"{after_capital}(?:{space}(?:\L<connectors>{space}){{0,3}}+(?:[a-z]{{1,3}}-)?{word})"
        rf"{{0,{most_words - 1}}}+"
    )
