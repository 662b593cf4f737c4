"""Small readers of raw text that several modules share: words, spaces, sentence openings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

from quotes.words import words

__all__ = [
    "LETTERS",
    "LETTERS_BACKWARDS",
    "WORD",
    "WORD_BACKWARDS",
    "blank",
    "blanks_then",
    "first_chars",
    "first_of",
    "last_chars",
    "letters_before_blanks",
    "opens_sentence",
    "skip_blanks",
    "skip_blanks_back",
    "skip_space",
    "skip_space_back",
    "trie",
    "unquoted",
    "unquoted_pieces",
]

WORD: Final = words(r"[\p{L}\p{M}\p{N}]", "'\u2019-.")
"""A word with its inner apostrophes, hyphens and dots: "Abdul-Mahdi", "Erdogan's", "U.S", "707s"."""

LETTERS: Final = words(r"[\p{L}\p{M}]", "'\u2019-")
"""A word of letters only, with inner apostrophes and hyphens: the unit of the cue lexicon."""

WORD_BACKWARDS: Final = words(r"[\p{L}\p{M}\p{N}]", "'\u2019-.", backwards=True)
"""`WORD`, searched from the end: ``search(text, start, end)`` is the last word before `end`."""

LETTERS_BACKWARDS: Final = words(r"[\p{L}\p{M}]", "'\u2019-", backwards=True)
"""`LETTERS`, searched from the end."""

_OPENERS: Final = ".!?:;\n\r\"'\u201c\u2018\u201d(\u2014"


def skip_space(text: str, position: int, end: int) -> int:
    """The first offset at or after `position`, before `end`, that is not white space."""
    while position < end and text[position].isspace():
        position += 1
    return position


def first_of(text: str, position: int, characters: str, found: list[int]) -> int:
    """The offset of the first of `characters` at or after `position`; the text's length
    where there is none.

    `found` holds, for each of `characters`, where `str.find` last found it (-1 before
    the first search): one still at or after `position` is the first, with no search, so
    calls that read a text forwards search it once for each character, in C, where a loop
    would read every character. `position` must not go back from one call to the next.
    """
    length = len(text)
    first = length
    for index in range(len(characters)):
        at = found[index]
        if at < position:
            at = text.find(characters[index], position)
            found[index] = at = length if at < 0 else at
        first = min(first, at)
    return first


def skip_blanks(text: str, position: int, end: int) -> int:
    """The first offset at or after `position`, before `end`, that is not a space, a tab or a
    no-break space: what the rules' patterns spell ``[ \\t\\u00a0]``."""
    while position < end:
        code = ord(text[position])  # compiled, read in place: no one-character string
        if code != 32 and code != 9 and code != 0xA0:
            break
        position += 1
    return position


def skip_blanks_back(text: str, start: int, position: int) -> int:
    """The last offset at or before `position`, after `start`, that no blank (space, tab,
    no-break space) precedes."""
    while position > start:
        code = ord(text[position - 1])
        if code != 32 and code != 9 and code != 0xA0:
            break
        position -= 1
    return position


def letters_before_blanks(text: str, start: int, end: int) -> str:
    """The ASCII letters right before the blanks that end ``text[start:end]``; "" where no
    blank or no such letter ends it. A final line break is passed over, as a pattern's
    ``$`` matches before one: the cheap test before a pattern such as ``\\b[Tt]he[ \\t]+$``,
    whose word it must be."""
    stop = end - 1 if end > start and text[end - 1] == "\n" else end
    blanks = skip_blanks_back(text, start, stop)
    if blanks == stop:
        return ""
    first = blanks
    while first > start:
        code = ord(text[first - 1])
        if code < 65 or code > 122 or 90 < code < 97:
            break
        first -= 1
    return text[first:blanks]


def blanks_then(text: str, position: int, end: int, word: str) -> bool:
    """Whether ``text[position:end]`` opens with blanks (spaces, tabs, no-break spaces) and then
    `word`: the test a pattern such as ``[ \\t\\u00a0]+by[ \\t\\u00a0]+`` passes first, which
    costs a few comparisons where a call of the engine costs thousands of instructions."""
    after = skip_blanks(text, position, end)
    return after > position and text[after : min(end, after + len(word))] == word


def skip_space_back(text: str, start: int, position: int) -> int:
    """The last offset at or before `position`, after `start`, that white space does not precede."""
    while position > start and text[position - 1].isspace():
        position -= 1
    return position


def blank(text: str, start: int, end: int, chars: str | None = None) -> bool:
    """Whether ``text[start:end]`` holds only white space, or only `chars`.

    The same as ``not text[start:end].strip(chars)``, but it reads backwards from
    `end`, so that many questions about the text between one sentence start and each
    of its words cost only what lies right before each word.
    """
    if chars is None:
        end = skip_space_back(text, start, end)
    else:
        while end > start and text[end - 1] in chars:
            end -= 1
    return end == start


def first_chars(text: str, start: int, end: int, count: int) -> str:
    """The first `count` characters of ``text[start:end].lstrip()``: all a rule reads of a long stretch."""
    start = skip_space(text, start, end)
    return text[start : min(end, start + count)]


def last_chars(text: str, start: int, end: int, count: int) -> str:
    """The last `count` characters of ``text[start:end].rstrip()``: all a rule reads of a long stretch."""
    end = skip_space_back(text, start, end)
    return text[max(start, end - count) : end]


def opens_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` opens a sentence, a quotation or a parenthesis."""
    while position > 0 and text[position - 1] in " \t\u00a0":
        position -= 1
    return position == 0 or text[position - 1] in _OPENERS


def unquoted(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of ``start..end`` that no quotation covers, in order.

    Args:
        start: Where to begin.
        end: Where to stop.
        quoted: ``(open_start, close_end)`` of the quotations, in order, not overlapping.
    """
    return list(unquoted_pieces(start, end, quoted))


def unquoted_pieces(start: int, end: int, quoted: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """`unquoted`, one stretch at a time: a text of a million quotations needs no list of them."""
    position = start
    for q_start, q_end in quoted:
        if q_end <= position:
            continue
        if q_start >= end:
            break
        if q_start > position:
            yield position, q_start
        position = q_end
    if position < end:
        yield position, end


def trie(words: Iterable[str]) -> str:
    """A regular expression matching exactly `words` (longest first), written as a trie.

    A trie lets the engine try one branch per letter instead of every word at every
    position.
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(root)


def _branches(node: dict[str, Any]) -> str:
    alternatives = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body
