"""Words of running text, read a character at a time: what `quotes.text.WORD` finds, without a regex engine.

The rules ask thousands of small questions per document: the word at an offset, the
first word after it, the last word before it. Each is a few characters of reading,
and a call of the `regex` engine costs far more to set up than that reading (its
state, its stacks, the global interpreter lock it lets go and takes back). `Words`
answers the same questions with a loop over the characters, which the compiled
build turns into C.

A `Words` finds exactly what its `regex` pattern finds (``tests/test_words.py``
compares them on any text): a run of word characters, joined across single
apostrophes, hyphens (and, for `quotes.text.WORD`, dots) that stand between two
word characters, as long as it can be. Only compiled is the loop faster than the
engine: in pure Python, `words` gives the `regex` pattern itself.

The rules are typed against `Words` and `WordMatch`, what the compiled build runs, so
that their calls are calls of compiled code; in pure Python the pattern and its
matches stand in for them, answering the same calls, which `WordPattern` and `Word`
spell out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib.machinery import EXTENSION_SUFFIXES
from itertools import islice
from typing import TYPE_CHECKING, Final, Protocol, cast, final

import regex

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["COMPILED", "Word", "WordMatch", "WordPattern", "Words", "first_words", "window", "words"]

COMPILED: Final = __file__.endswith(tuple(EXTENSION_SUFFIXES))
"""Whether this module runs compiled (mypyc), where `Words` is faster than the `regex` engine."""


class Word(Protocol):
    """A word a `WordPattern` found: a `WordMatch`, or a `regex.Match` of the same word."""

    def start(self) -> int:
        """Offset of the first character."""

    def end(self) -> int:
        """Offset after the last character."""

    def span(self) -> tuple[int, int]:
        """``(start(), end())``."""

    def group(self) -> str:
        """The word."""


class WordPattern(Protocol):
    """What the rules ask of a pattern of words: a `Words`, or the `regex` pattern it stands for."""

    @property
    def pattern(self) -> str:
        """The `regex` pattern that finds these words."""

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> Word | None:
        """The word that starts at `pos`, if one does."""

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> Word | None:
        """The first word in ``string[pos:endpos]`` (the last, searching backwards)."""

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[Word]:
        """Each word in ``string[pos:endpos]``, in order (from the last, searching backwards)."""

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[str]:
        """Each word in ``string[pos:endpos]``, as text."""


def words(characters: str, joiners: str, backwards: bool = False, *, re_classes: bool = False) -> Words:
    """The words made of `characters` joined by `joiners` (see `Words`): a `Words` where this
    module is compiled, else the `regex` pattern (the `re` one, with `re_classes`), which is
    faster in pure Python.

    Typed as a `Words` either way: compiled, that is what it is, and the rules' calls of
    it and of the words it finds are then direct calls of compiled code, not Python
    method calls; in pure Python, the pattern answers the same calls (`WordPattern`) and
    its matches are `Word`s.
    """
    found = Words(characters, joiners, backwards, re_classes=re_classes)
    if COMPILED:
        return found
    return cast("Words", (re.compile if re_classes else regex.compile)(found.pattern))


def first_words(pattern: Words, string: str, pos: int, endpos: int, limit: int = -1) -> list[WordMatch]:
    """The first `limit` words `pattern` finds in ``string[pos:endpos]`` (all, with a negative
    `limit`): `Words.leading` where this module is compiled, else the pattern's `finditer`
    cut by `islice` (in pure Python, `pattern` is a `regex` pattern, `words`)."""
    if COMPILED:
        return pattern.leading(string, pos, endpos, limit)
    found = pattern.finditer(string, pos, endpos)
    return list(found if limit < 0 else islice(found, limit))


@final
class WordMatch:
    """A word `Words` found: the slice ``string[start():end()]``, as `re.Match` gives it."""

    __slots__ = ("_end", "_start", "string")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string: Final = string
        self._start: Final = start
        self._end: Final = end

    def start(self) -> int:
        """Offset of the first character."""
        return self._start

    def end(self) -> int:
        """Offset after the last character."""
        return self._end

    def span(self) -> tuple[int, int]:
        """``(start(), end())``."""
        return self._start, self._end

    def group(self) -> str:
        """The word."""
        return self.string[self._start : self._end]

    def __repr__(self) -> str:
        return f"<WordMatch object; span={self.span()!r}, match={self.group()!r}>"


@final
class Words:
    """Words of one kind, with the `match`, `search`, `finditer` and `findall` of a pattern.

    Args:
        characters: A `regex` character class: what a word is made of.
        joiners: The characters that join two runs of them into one word (none: a word is one run).
        backwards: Search from the end, as a ``(?r)`` pattern does: `search` finds
            the last word before `endpos`, and `finditer` the words from last to first.
        re_classes: Read `characters` as Python's `re` reads them, not as `regex` does
            (their ``\\w`` differ: `re`'s leaves out combining marks). `re` cannot search
            backwards.

    Raises:
        ValueError: `re_classes` with `backwards`.
    """

    __slots__ = ("_ascii", "_backwards", "_inner", "_joiners", "_known", "_re", "pattern")

    def __init__(
        self, characters: str, joiners: str, backwards: bool = False, *, re_classes: bool = False
    ) -> None:
        if re_classes and backwards:
            raise ValueError("Python's re cannot search backwards")
        joined = f"(?:[{regex.escape(joiners)}]{characters}+)*" if joiners else ""
        inner = f"{characters}+{joined}"
        self.pattern: Final = ("(?r)" if backwards else "") + inner
        """The `regex` pattern (the `re` one, with `re_classes`) that finds the same words."""
        self._inner: Final[re.Pattern[str] | regex.Pattern[str]] = (
            re.compile(characters) if re_classes else regex.compile(characters)
        )
        self._joiners: Final = joiners
        self._re: Final = re_classes
        self._backwards: Final = backwards
        # whether a character is a word character, as the engine says: for each of ASCII at once,
        # and for the others once they are read
        self._ascii: Final = bytes(self._inner.match(chr(code)) is not None for code in range(128))
        self._known: Final[dict[str, bool]] = {}

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        """The word that starts at `pos` (that ends at `endpos`, searching backwards), if one does."""
        start, end = self._window(string, pos, endpos)
        if self._backwards:
            if end <= start or not self.holds(string, end - 1):
                return None
            return WordMatch(string, self._backward(string, start, end), end)
        stop = self._forward(string, start, end)
        return WordMatch(string, start, stop) if stop > start else None

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> WordMatch | None:
        """The first word in ``string[pos:endpos]`` (the last, searching backwards)."""
        start, end = self._window(string, pos, endpos)
        return self._last(string, start, end) if self._backwards else self._first(string, start, end)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[WordMatch]:
        """Each word in ``string[pos:endpos]``, in order (from the last, searching backwards)."""
        start, end = self._window(string, pos, endpos)
        if self._backwards:
            word = self._last(string, start, end)
            while word is not None:
                yield word
                word = self._last(string, start, word.start())
        else:
            word = self._first(string, start, end)
            while word is not None:
                yield word
                word = self._first(string, word.end(), end)

    def leading(
        self, string: str, pos: int = 0, endpos: int | None = None, limit: int = -1
    ) -> list[WordMatch]:
        """The first `limit` words of ``string[pos:endpos]`` (all, with a negative `limit`), in
        `finditer`'s order: ``list(islice(finditer(...), limit))`` with no generator."""
        start, end = self._window(string, pos, endpos)
        found: list[WordMatch] = []
        word = self._last(string, start, end) if self._backwards else self._first(string, start, end)
        while word is not None and len(found) != limit:
            found.append(word)
            if self._backwards:
                word = self._last(string, start, word.start())
            else:
                word = self._first(string, word.end(), end)
        return found

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[str]:
        """Each word in ``string[pos:endpos]``, as text."""
        if self._backwards:
            return [word.group() for word in self.finditer(string, pos, endpos)]
        start, end = self._window(string, pos, endpos)
        found: list[str] = []  # the words' text alone: no `WordMatch` for each, no generator
        position = self._first_inner(string, start, end)
        while position < end:
            stop = self._forward(string, position, end)
            found.append(string[position:stop])
            position = self._first_inner(string, stop, end)
        return found

    def _window(self, string: str, pos: int, endpos: int | None) -> tuple[int, int]:
        """`pos` and `endpos` as offsets into `string`, as the engine this stands for reads them."""
        if not self._re:
            return window(string, pos, endpos)
        length = len(string)  # `re` reads an offset below 0 as 0, not from the end
        end = length if endpos is None else min(max(endpos, 0), length)
        return min(max(pos, 0), length), end

    # The loops below read an ASCII character's answer in place and call `holds` only for
    # the others: compiled, a call per character cost more than the reading it does.

    def _first(self, string: str, start: i64, end: i64) -> WordMatch | None:
        position = self._first_inner(string, start, end)
        if position >= end:
            return None
        return WordMatch(string, position, self._forward(string, position, end))

    def _first_inner(self, string: str, start: i64, end: i64) -> i64:
        """The offset of the first word character from `start` on, `end` if there is none."""
        table = self._ascii
        position = start
        while position < end:
            code: i64 = ord(string[position])
            if (table[code] != 0) if code < 128 else self.holds(string, position):
                break
            position += 1
        return position

    def _last(self, string: str, start: i64, end: i64) -> WordMatch | None:
        table = self._ascii
        position = end
        while position > start:
            code: i64 = ord(string[position - 1])
            if (table[code] != 0) if code < 128 else self.holds(string, position - 1):
                break
            position -= 1
        if position <= start:
            return None
        return WordMatch(string, self._backward(string, start, position), position)

    def _forward(self, string: str, position: i64, end: i64) -> i64:
        """The end of the word from `position` on (`position` itself if none starts there)."""
        table = self._ascii
        start = position
        while position < end:
            code: i64 = ord(string[position])
            if not ((table[code] != 0) if code < 128 else self.holds(string, position)):
                break
            position += 1
        if position == start:
            return position
        joiners = self._joiners
        while position + 1 < end and string[position] in joiners and self.holds(string, position + 1):
            position += 2
            while position < end and self.holds(string, position):
                position += 1
        return position

    def _backward(self, string: str, start: i64, position: i64) -> i64:
        """The start of the word that ends at `position`, no further back than `start`."""
        table = self._ascii
        while position > start:
            code: i64 = ord(string[position - 1])
            if not ((table[code] != 0) if code < 128 else self.holds(string, position - 1)):
                break
            position -= 1
        joiners = self._joiners
        while position - 2 >= start and string[position - 1] in joiners and self.holds(string, position - 2):
            position -= 2
            while position > start and self.holds(string, position - 1):
                position -= 1
        return position

    def holds(self, string: str, index: i64) -> bool:
        """Whether ``string[index]`` is one of the characters words are made of (ASCII settled at
        once, the rest as the engine says, remembered)."""
        # compiled, `ord(string[index])` reads the code point in place, with no one-character
        # string made for it, and comparing code points is a C comparison
        code: i64 = ord(string[index])
        if code < 128:
            return self._ascii[code] != 0
        char = string[index]
        known = self._known.get(char)
        if known is None:
            known = self._inner.match(char) is not None
            if len(self._known) < _KNOWN_CHARACTERS:
                self._known[char] = known
        return known


def window(string: str, pos: int, endpos: int | None) -> tuple[int, int]:
    """`pos` and `endpos` as offsets into `string`, read as `regex` reads them: like a slice's."""
    length = len(string)
    start = min(max(pos + length, 0) if pos < 0 else pos, length)
    if endpos is None:
        return start, length
    return start, min(max(endpos + length, 0) if endpos < 0 else endpos, length)


# characters outside ASCII whose answer each `Words` remembers: news has few of them
_KNOWN_CHARACTERS: Final = 1 << 12
