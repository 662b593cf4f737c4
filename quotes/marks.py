"""Quotation-mark pairing on the raw text.

Pairs marks paragraph by paragraph, deciding from each mark's shape and its
neighbours whether it opens or closes a quotation (or is an apostrophe), the
way CommonMark decides emphasis from "flanking". Unlike parity-based pairing,
a mark that finds no partner is dropped at the end of its paragraph and costs
nothing beyond it: the rest of the document pairs as if it were not there.

Double marks (" “ ” „ « » and scraped variants) are paired first; single
marks (' ‘ ’ ‹ › `) are then paired inside each stretch of text between two
double marks, so a single-quoted span never crosses a double one.

Every function is linear in the length of the text and never raises.
"""

from __future__ import annotations

import dataclasses
import enum
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Final, overload

from quotes.bisection import first_above, first_from
from quotes.layout import paragraphs
from quotes.text import first_of
from quotes.words import COMPILED

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = [
    "QUOTE_CHARACTERS",
    "Bounds",
    "Family",
    "Quotations",
    "QuotedSpan",
    "as_bounds",
    "find_quotations",
    "mark_offsets",
    "outermost",
    "outermost_quotations",
]


class Family(enum.Enum):
    """Double quotation marks or single ones."""

    # hashed by identity, in C, as members compare: `Enum.__hash__` is Python code, and the rules
    # look members up in tables thousands of times per document
    __hash__ = object.__hash__

    DOUBLE = "double"
    SINGLE = "single"


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class QuotedSpan:
    """A pair of quotation marks and the text between them.

    Attributes:
        open_start: Offset of the opening mark.
        open_end: Offset after the opening mark.
        start: Offset of the first character inside the marks, after white space.
        end: Offset after the last character inside the marks, before white space.
        close_start: Offset of the closing mark (the paragraph's end when the
            quotation runs on).
        close_end: Offset after the closing mark.
        family: Double or single marks.
        runs_on: True when the paragraph ends with the quotation still open and
            the next paragraph reopens it (the multi-paragraph convention).
        depth: 0 for an outermost quotation, 1 for one nested inside it, ...
    """

    open_start: int
    open_end: int
    start: int
    end: int
    close_start: int
    close_end: int
    family: Family
    runs_on: bool
    depth: int

    def __init__(
        self,
        open_start: int,
        open_end: int,
        start: int,
        end: int,
        close_start: int,
        close_end: int,
        family: Family,
        runs_on: bool = False,
        depth: int = 0,
    ) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "open_start", open_start)
        object.__setattr__(self, "open_end", open_end)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "close_start", close_start)
        object.__setattr__(self, "close_end", close_end)
        object.__setattr__(self, "family", family)
        object.__setattr__(self, "runs_on", runs_on)
        object.__setattr__(self, "depth", depth)


# ``, '' (typewriter and Penn Treebank style) or any single quotation-like character,
# except the apostrophes inside words (don't, Russia\u2019s), which are most marks of a text
# and can neither open nor close a quotation.
# (The pattern opens with the set of mark characters, and the second ` or ' of a pair comes
# after it: the engine then skips straight to the next mark instead of trying every position.)
_MARK: Final = re.compile(
    "[\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02]"
    "(?:(?<=`)`|(?<=')'|(?!(?<=[^\\W_]['\u2019])[^\\W_]))"
)
QUOTE_CHARACTERS: Final = frozenset(
    "\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02"
)
"""Every character that may act as a quotation mark."""
_QUOTE_STRING: Final = "".join(sorted(QUOTE_CHARACTERS))  # the same, in an order to search them in
_DOUBLE_OPENERS: Final = frozenset("\u201c\u201e\u201f\u00ab")
_DOUBLE_CLOSERS: Final = frozenset("\u201d\u00bb")
_DOUBLE_EITHER: Final = frozenset('"\u2033\uff02')
_SINGLE_OPENERS: Final = frozenset("\u2018\u201a\u201b\u2039`")
# Characters after which a mark still counts as "at the start" of a word, and before
# which a mark still counts as "at the end" of one.
_OPENING_CONTEXT: Final = frozenset("([{<—–-/:;,…\u00a0") | _DOUBLE_OPENERS | _SINGLE_OPENERS
_CLOSING_CONTEXT: Final = frozenset(".,;:!?)]}>—–-/…\u00a0") | _DOUBLE_CLOSERS | frozenset("'\u2019\u203a\"")
# Which closing marks each single opening mark pairs with: typography is consistent
# within a quotation, so an elision's ' does not close a ‘ (‘rock 'n' roll’).
_CLOSERS_OF: Final = {
    "\u2018": "\u2019",
    "\u201a": "\u2019\u2018",
    "\u201b": "\u2019",
    "'": "'",
    "`": "'\u2019",
    "\u2039": "\u203a",
    "\u2032": "\u2032",
    "\u2019": "\u2019",
    "\u203a": "\u2039",
}
# Words that begin with an elided letter: 'em, 'n', 'til, 'cause, '90s.
_ELISIONS: Final = frozenset({"em", "n", "til", "tis", "twas", "cause", "bout", "round"})

# Each mark is kept as its offset and one byte, not as an object: a document of nothing
# but quotation marks then costs nine bytes a mark, not two hundred. The byte holds
# these two flags and, above them, the mark's place in _MARK_CHARACTERS.
_OPENS: Final = 1  # left-flanking: could open a quotation
_CLOSES: Final = 2  # right-flanking: could close one
_MARK_CHARACTERS: Final = ("``", "''", *sorted(QUOTE_CHARACTERS))  # the first two are two characters long
_CODES: Final = {char: code << 2 for code, char in enumerate(_MARK_CHARACTERS)}
_ONE_CHARACTER: Final = 2 << 2  # a byte from here on is a mark of one character
_DOUBLE_CHARACTERS: Final = _DOUBLE_OPENERS | _DOUBLE_CLOSERS | _DOUBLE_EITHER | {"``", "''"}
# For `bytes.translate`: 1 for the byte of a single mark, 0 for a double one.
_SINGLE: Final = bytes(
    _MARK_CHARACTERS[flags >> 2] not in _DOUBLE_CHARACTERS if flags >> 2 < len(_MARK_CHARACTERS) else 0
    for flags in range(256)
)
# A single mark's roles (`_single_role`), as bits.
_CAN_OPEN: Final = 1
_CAN_CLOSE: Final = 2
_WEAK: Final = 4


class Bounds(Sequence[tuple[int, int]]):
    """The ``(open_start, close_end)`` of quotations, in order, as two arrays.

    Reads as a list of pairs, without an object for each pair: a document of a
    million short quotations costs 16 bytes for each.

    Attributes:
        starts: The offset of each opening mark, in order.
        ends: The offset after each closing mark.
    """

    # a plain class, not a dataclass: mypyc cannot apply `dataclass` to a subclass of `Sequence`
    __slots__ = ("ends", "starts")

    starts: array[int]
    ends: array[int]

    def __init__(self, starts: array[int], ends: array[int]) -> None:
        self.starts = starts
        self.ends = ends

    def __repr__(self) -> str:
        return f"Bounds(starts={self.starts!r}, ends={self.ends!r})"

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, index: slice) -> Bounds: ...

    def __getitem__(self, index: int | slice) -> tuple[int, int] | Bounds:
        if isinstance(index, slice):
            return Bounds(self.starts[index], self.ends[index])
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

    def first_after(self, position: int) -> int:
        """The index of the first quotation that opens after `position`."""
        return first_above(self.starts, position)

    def first_from(self, position: int) -> int:
        """The index of the first quotation that opens at or after `position`."""
        return first_from(self.starts, position)


def as_bounds(pairs: Sequence[tuple[int, int]]) -> Bounds:
    """`pairs` as `Bounds`; the same object if they already are."""
    if isinstance(pairs, Bounds):
        return pairs
    return Bounds(array("q", [start for start, _ in pairs]), array("q", [end for _, end in pairs]))


class Quotations(Sequence[QuotedSpan]):
    """Quoted spans in order, kept as arrays of offsets; each `QuotedSpan` is built when read.

    Attributes:
        bounds: The ``(open_start, close_end)`` of each span.
    """

    # a plain class, as `Bounds` is
    __slots__ = ("_ends", "_shapes", "_starts", "bounds")

    bounds: Bounds
    _starts: array[int]
    _ends: array[int]
    _shapes: bytes  # the lengths of both marks, the family and whether it runs on, as bits

    def __init__(self, bounds: Bounds, starts: array[int], ends: array[int], shapes: bytes) -> None:
        self.bounds = bounds
        self._starts = starts
        self._ends = ends
        self._shapes = shapes

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> QuotedSpan: ...

    @overload
    def __getitem__(self, index: slice) -> list[QuotedSpan]: ...

    def __getitem__(self, index: int | slice) -> QuotedSpan | list[QuotedSpan]:
        if isinstance(index, slice):
            return [self._span(i) for i in range(*index.indices(len(self)))]
        return self._span(range(len(self))[index])

    def __iter__(self) -> Iterator[QuotedSpan]:
        # a generator function, not a generator expression: mypyc builds the latter as a list
        offsets = zip(
            self.bounds.starts, self._starts, self._ends, self.bounds.ends, self._shapes, strict=True
        )
        for open_start, start, end, close_end, shape in offsets:
            yield _unpacked(open_start, start, end, close_end, shape)

    def _span(self, index: int) -> QuotedSpan:
        return _unpacked(
            self.bounds.starts[index],
            self._starts[index],
            self._ends[index],
            self.bounds.ends[index],
            self._shapes[index],
        )


def _unpacked(open_start: int, start: int, end: int, close_end: int, shape: int) -> QuotedSpan:
    """The `QuotedSpan` that `Quotations` keeps as these offsets and its shape byte."""
    return QuotedSpan(
        open_start,
        open_start + 1 + (shape & 1),
        start,
        end,
        close_end - (shape >> 1 & 3),
        close_end,
        Family.SINGLE if shape & 8 else Family.DOUBLE,
        bool(shape & 16),
    )


def find_quotations(text: str, paras: Sequence[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """Find every pair of quotation marks in a document, nested ones included.

    Args:
        text: The document, any string.
        paras: Its paragraphs, if already known (`quotes.layout.paragraphs`).

    Returns:
        The quoted spans sorted by position; `QuotedSpan.depth` tells nested
        ones from outermost ones.
    """
    marks = _find_marks(text)
    spans: list[QuotedSpan] = []
    for first, last, p_end, reopened in _paragraph_marks(marks, paragraphs(text) if paras is None else paras):
        spans.extend(_pair_paragraph(marks, first, last, p_end, reopened))
    return _with_depths(spans)


def outermost_quotations(text: str, paras: Sequence[tuple[int, int]] | None = None) -> Quotations:
    """The quotations of a document that no other contains: ``outermost(find_quotations(text))``.

    Builds no nested span and keeps every mark and span as offsets in arrays, so
    memory stays a few bytes for each mark of any text, even one of a million
    nested or unclosed marks.

    Args:
        text: The document, any string.
        paras: Its paragraphs, if already known (`quotes.layout.paragraphs`).
    """
    marks = _find_marks(text)
    open_starts, starts, ends, close_ends = array("q"), array("q"), array("q"), array("q")
    shapes = bytearray()
    for first, last, p_end, reopened in _paragraph_marks(marks, paragraphs(text) if paras is None else paras):
        if first == last:
            continue  # most paragraphs of news quote no one
        for opener, closer, family in _outermost_pairs(marks, first, last, p_end, reopened):
            open_start = marks.starts[opener]
            open_end = open_start + (1 if marks.flags[opener] >= _ONE_CHARACTER else 2)
            close_start = close_end = p_end
            if closer >= 0:
                close_start = marks.starts[closer]
                close_end = close_start + (1 if marks.flags[closer] >= _ONE_CHARACTER else 2)
            start, end = open_end, close_start
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            open_starts.append(open_start)
            starts.append(start)
            ends.append(end)
            close_ends.append(close_end)
            shapes.append(
                (open_end - open_start - 1)
                | (close_end - close_start) << 1
                | (family is Family.SINGLE) << 3
                | (closer < 0) << 4
            )
    return Quotations(Bounds(open_starts, close_ends), starts, ends, bytes(shapes))


def outermost(spans: Iterable[QuotedSpan]) -> list[QuotedSpan]:
    """The spans that no other span contains."""
    return [span for span in spans if span.depth == 0]


def mark_offsets(spans: Iterable[QuotedSpan]) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of every mark that acts as a quotation mark."""
    offsets = []
    for span in spans:
        offsets.append((span.open_start, span.open_end))
        if span.close_start < span.close_end:
            offsets.append((span.close_start, span.close_end))
    return sorted(offsets)


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class _Marks:
    """Every quotation-mark candidate of a document: its offset and its byte of flags."""

    text: str
    starts: array[int]
    flags: bytearray

    def __init__(self, text: str, starts: array[int], flags: bytearray) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "flags", flags)

    def end(self, index: int) -> int:
        """The offset after mark `index`."""
        return self.starts[index] + (1 if self.flags[index] >= _ONE_CHARACTER else 2)

    def char(self, index: int) -> str:
        """The characters of mark `index`."""
        return _MARK_CHARACTERS[self.flags[index] >> 2]


def _find_marks(text: str) -> _Marks:
    """Every mark of `text`, with whether it could open or close a quotation by its neighbours."""
    starts = array("q")
    flags = bytearray()
    length = len(text)
    position = 0
    found = [-1] * len(_QUOTE_STRING)  # where each mark was last found: the text is read forwards once
    while True:
        start, end = _next_mark(text, position, length, found)
        if start >= length:
            break
        position = end
        before = text[start - 1] if start else " "
        after = text[end] if end < length else " "
        space_before, space_after = before.isspace(), after.isspace()
        opens = (space_before or before in _OPENING_CONTEXT) and not space_after
        closes = not space_before and (space_after or after in _CLOSING_CONTEXT)
        starts.append(start)
        flags.append(_CODES[text[start:end]] | opens * _OPENS | closes * _CLOSES)
    return _Marks(text, starts, flags)


# the ASCII marks, as code points: compiled, a number written out is a C constant
_STRAIGHT_DOUBLE: Final = 34  # "
_STRAIGHT_SINGLE: Final = 39  # '
_BACKTICK: Final = 96  # `


def _next_mark(text: str, position: i64, length: i64, found: list[int] | None = None) -> tuple[i64, i64]:
    """``(start, end)`` of the first match of `_MARK` from `position` on; ``(length, length)``
    where there is none.

    Compiled, `str.find` reaches each quotation character (`quotes.text.first_of`), in C,
    and the characters around it are read in a loop, faster than the engine, which tests
    each character against the set of marks; in pure Python the pattern searches. As the
    pattern reads them: a mark, or two of ` or ' in a row as one; no ' or ’ between two
    letters or digits ("Russia's"). ``tests/test_marks.py`` compares the two on any text.

    Args:
        found: Where each of `QUOTE_CHARACTERS` was last found (`quotes.text.first_of`),
            shared by calls that read the text forwards; a fresh search without it.
    """
    if not COMPILED:
        match = _MARK.search(text, position)
        return match.span() if match is not None else (length, length)
    where = [-1] * len(_QUOTE_STRING) if found is None else found
    while position < length:
        code: i64 = ord(text[position])  # compiled, read in place
        if (code < 128 and code != _STRAIGHT_DOUBLE and code != _STRAIGHT_SINGLE and code != _BACKTICK) or (
            code >= 128 and text[position] not in QUOTE_CHARACTERS
        ):  # no mark here (most characters): find the next
            position = first_of(text, position, _QUOTE_STRING, where)
            if position >= length:
                break
            code = ord(text[position])
        mark = text[position]
        following = text[position + 1] if position + 1 < length else ""
        if following == mark and mark in "'`":
            return position, position + 2  # `` and '': one mark
        if (
            (code == _STRAIGHT_SINGLE or mark == "\u2019")
            and position > 0
            and text[position - 1].isalnum()
            and following.isalnum()
        ):
            position += 1  # an apostrophe inside a word
            continue
        return position, position + 1
    return length, length


def _paragraph_marks(
    marks: _Marks, paras: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, int, Family | None]]:
    """For each paragraph: the indices of its first mark and after its last, its end, and
    which family reopens a quotation at the start of the next one."""
    starts = marks.starts
    index = 0
    for number, (p_start, p_end) in enumerate(paras):
        first = index
        index = max(index, first_from(starts, p_end, index))
        first = first_from(starts, p_start, first, index)  # marks between paragraphs belong to neither
        reopened = _reopens(marks, paras[number + 1][0], index) if number + 1 < len(paras) else None
        yield first, index, p_end, reopened


def _reopens(marks: _Marks, para_start: int, index: int) -> Family | None:
    """The family of the opening mark that opens the paragraph at `para_start`, if one does.

    News style reopens each paragraph of a quotation that runs over several,
    with double marks or, in British style, single ones.
    """
    if index >= len(marks.starts) or marks.starts[index] != para_start or not marks.flags[index] & _OPENS:
        return None
    char = marks.char(index)
    if char in _DOUBLE_OPENERS | _DOUBLE_EITHER or char == "``":
        return Family.DOUBLE
    if char not in _DOUBLE_CHARACTERS and _single_role(marks, index) & _CAN_OPEN:
        return Family.SINGLE
    return None


def _double_role(char: str, flags: int, open_count: int) -> bool | None:
    """True to open, False to close, None when the mark is not a double mark."""
    opens = bool(flags & _OPENS)
    closes = bool(flags & _CLOSES)
    if char in _DOUBLE_OPENERS or char == "``":
        return not (open_count and closes and not opens)
    if char in _DOUBLE_CLOSERS or char == "''":
        return bool(opens and not closes and not open_count)
    if char in _DOUBLE_EITHER:
        if opens != closes:
            return opens
        return not open_count
    return None


# The closing marks that match each double opening mark's typography.
_DOUBLE_CLOSERS_OF: Final = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c\u201d",  # „ “ and „ ”
    "\u201f": "\u201d",  # ‟ ”
    "\u00ab": "\u00bb",  # « »
    "``": "''",
}


def _last_closers(marks: _Marks, first: int, last: int) -> dict[str, int]:
    """The index of the last mark of each kind, among ``first..last``, that could close."""
    found = {}
    flags = marks.flags
    for index in range(first, last):
        if flags[index] & _CLOSES:
            found[_MARK_CHARACTERS[flags[index] >> 2]] = index
    return found


# _double_role for each byte a mark may have: with no quotation open, and with some open.
_DOUBLE_ROLES: Final = [
    (
        _double_role(_MARK_CHARACTERS[flags >> 2], flags, 0),
        _double_role(_MARK_CHARACTERS[flags >> 2], flags, 1),
    )
    for flags in range(len(_MARK_CHARACTERS) << 2)
]


# Where a pair's report goes: (index of the opening mark, index of the closing mark or -1
# for a quotation that runs on to the paragraph's end, number of quotations still open).
_Sink = Callable[[int, int, int], None]


def _pair_doubles(marks: _Marks, first: int, last: int, sink: _Sink) -> array[int]:
    """Pair the double marks among ``first..last``, telling `sink` each pair as it closes;
    return the opening marks left open."""
    later: dict[str, int] | None = None  # read only for a closer of another typography than its opener
    stack = array("q")
    flags = marks.flags
    for index in range(first, last):
        role = _DOUBLE_ROLES[flags[index]][1 if stack else 0]
        if role is None:
            continue
        if role:
            stack.append(index)
        elif stack:
            own = _DOUBLE_CLOSERS_OF.get(_MARK_CHARACTERS[flags[stack[-1]] >> 2])
            if own is not None and _MARK_CHARACTERS[flags[index] >> 2] not in own:
                # typography is consistent within a quotation: “… » …” is stray if a ” follows
                later = _last_closers(marks, first, last) if later is None else later
                if any(later.get(char, -1) > index for char in own):
                    continue
            opener = stack.pop()
            sink(opener, index, len(stack))
    return stack


def _pair_span(marks: _Marks, opener: int, closer: int, p_end: int, family: Family) -> QuotedSpan:
    """The span of a pair of marks; `closer` -1 for one that runs on to `p_end`."""
    if closer < 0:
        return _span(marks.text, marks.starts[opener], marks.end(opener), p_end, p_end, family, runs_on=True)
    return _span(
        marks.text, marks.starts[opener], marks.end(opener), marks.starts[closer], marks.end(closer), family
    )


def _pair_paragraph(
    marks: _Marks, first: int, last: int, p_end: int, reopened: Family | None
) -> list[QuotedSpan]:
    """Every quoted span of the paragraph whose marks are ``first..last``."""
    spans: list[QuotedSpan] = []

    def double(opener: int, closer: int, depth: int) -> None:
        spans.append(_pair_span(marks, opener, closer, p_end, Family.DOUBLE))

    def single(opener: int, closer: int, depth: int) -> None:
        spans.append(_pair_span(marks, opener, closer, p_end, Family.SINGLE))

    stack = _pair_doubles(marks, first, last, double)
    if stack and reopened is Family.DOUBLE:
        double(stack[0], -1, 0)
    bounds = sorted((span.open_start, span.close_end) for span in spans)
    containers = array("q", [start for start, _ in bounds]), array("q", [end for _, end in bounds])
    runs_on = reopened is Family.SINGLE and not stack
    _pair_singles(marks, first, last, lambda: containers, runs_on, single)
    return spans


@dataclasses.dataclass(slots=True, init=False)
class _Roots:
    """The pairs of one family that no other pair of the family encloses, kept as they close.

    A pair closing with `depth` quotations still open encloses every pair kept so
    far that closed with more open: those were opened after its own opening mark.
    """

    openers: array[int]
    closers: array[int]
    depths: array[int]

    def __init__(self) -> None:
        self.openers = array("q")
        self.closers = array("q")
        self.depths = array("q")

    def add(self, opener: int, closer: int, depth: int) -> None:
        """Keep the pair of marks `opener` and `closer`, dropping the pairs it encloses."""
        while self.depths and self.depths[-1] > depth:
            self.openers.pop()
            self.closers.pop()
            self.depths.pop()
        self.openers.append(opener)
        self.closers.append(closer)
        self.depths.append(depth)


def _outermost_pairs(
    marks: _Marks, first: int, last: int, p_end: int, reopened: Family | None
) -> Iterator[tuple[int, int, Family]]:
    """The pairs of the paragraph whose marks are ``first..last`` that no other pair
    encloses, as ``(opening mark, closing mark or -1, family)``, in order."""
    doubles = _Roots()
    stack = _pair_doubles(marks, first, last, doubles.add)
    if stack and reopened is Family.DOUBLE:
        doubles.add(stack[0], -1, 0)

    def containers() -> tuple[array[int], array[int]]:
        # single marks inside a double quotation pair only with each other, inside it: only
        # the outermost double quotations matter to the single ones outside every double one
        ends = array("q", [marks.end(closer) if closer >= 0 else p_end for closer in doubles.closers])
        return array("q", [marks.starts[opener] for opener in doubles.openers]), ends

    singles = _Roots()
    _pair_singles(marks, first, last, containers, reopened is Family.SINGLE and not stack, singles.add, True)
    reach = -1
    double = single = 0
    while double < len(doubles.openers) or single < len(singles.openers):
        # the two families' pairs merged by position; a single quotation may hold double ones
        if single == len(singles.openers) or (
            double < len(doubles.openers)
            and marks.starts[doubles.openers[double]] < marks.starts[singles.openers[single]]
        ):
            opener, closer, family = doubles.openers[double], doubles.closers[double], Family.DOUBLE
            double += 1
        else:
            opener, closer, family = singles.openers[single], singles.closers[single], Family.SINGLE
            single += 1
        if marks.starts[opener] >= reach:
            yield opener, closer, family
            reach = max(reach, marks.end(closer) if closer >= 0 else p_end)


def _span(
    text: str,
    open_start: int,
    open_end: int,
    close_start: int,
    close_end: int,
    family: Family,
    runs_on: bool = False,
) -> QuotedSpan:
    start, end = open_end, close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(open_start, open_end, start, end, close_start, close_end, family, runs_on)


def _single_role(marks: _Marks, index: int) -> int:
    """Whether a single-mark candidate can open, can close, and closes only weakly, as bits."""
    text = marks.text
    flags = marks.flags[index]
    char = _MARK_CHARACTERS[flags >> 2]
    start = marks.starts[index]
    end = start + len(char)
    after = text[end] if end < len(text) else " "
    before = text[start - 1] if start else " "
    if before.isalnum() and after.isalnum():
        return 0  # an apostrophe inside a word: don't, Russia’s
    if char in _SINGLE_OPENERS:
        return _CAN_OPEN if flags & _OPENS and not after.isdigit() else 0
    can_open = bool(flags & _OPENS) and not after.isdigit() and not _elided(text, end)
    if char == "\u2019":
        can_open = can_open and after.isupper()
    # countries’ leaders: after a plural "s" the mark is more likely a possessive.
    weak = before in "sS"
    # rock 'n' roll: the second mark of 'n' closes an elision, not a quotation.
    closes = bool(flags & _CLOSES) and not (start >= 2 and text[start - 2] in "'\u2019" and before in "nN")
    return can_open * _CAN_OPEN | closes * _CAN_CLOSE | weak * _WEAK


def _elided(text: str, start: int) -> bool:
    word = _ASCII_WORD.match(text, start, start + 8)
    return word is not None and word.group().lower() in _ELISIONS


_ASCII_WORD: Final = re.compile(r"[A-Za-z]+")


def _pair_singles(
    marks: _Marks,
    first: int,
    last: int,
    containers: Callable[[], tuple[array[int], array[int]]],
    runs_on: bool,
    sink: _Sink,
    outside_only: bool = False,
) -> None:
    """Pair single marks so that no single quotation crosses a double one.

    Marks pair only with marks inside the same innermost double quotation, so a
    single quotation may hold a double one (‘He said “no”,’ she said) but never
    straddle one, and an opener pairs only with a closer of its own typography.

    Args:
        marks: The document's marks.
        first: The index of the paragraph's first mark.
        last: The index after its last mark.
        containers: The ``open_start`` and the ``close_end`` of the paragraph's double
            quotations, in order of opening; asked for only if there are single marks.
        runs_on: Whether a single quotation left open runs on into the next paragraph.
        sink: Told each pair as it closes.
        outside_only: Pair only the marks outside every double quotation.
    """
    kinds = marks.flags[first:last].translate(_SINGLE)
    if 1 not in kinds:
        return
    # by index, not `enumerate`: mypyc (2.4) fails on `enumerate` of a bytearray in a generator
    singles = array("q", (first + i for i in range(len(kinds)) if kinds[i]))
    roles = bytes(_single_role(marks, index) for index in singles)
    # strong_ahead[i]: a strong closing candidate follows i before the next opener.
    strong_ahead = bytearray(len(singles))
    seen_strong = False
    for i in range(len(singles) - 1, -1, -1):
        strong_ahead[i] = seen_strong
        role = roles[i]
        if role & _CAN_OPEN and not role & _CAN_CLOSE:
            seen_strong = False
        elif role & _CAN_CLOSE and not role & _WEAK:
            seen_strong = True
    opens_at, closes_at = containers()
    enclosing = array("q")
    next_container = 0
    stacks: dict[int, array[int]] = {}
    starts, flags = marks.starts, marks.flags
    for i, index in enumerate(singles):
        start = starts[index]
        while next_container < len(opens_at) and opens_at[next_container] < start:
            enclosing.append(next_container)
            next_container += 1
        while enclosing and closes_at[enclosing[-1]] <= start:
            enclosing.pop()
        container = enclosing[-1] if enclosing else -1
        if outside_only and container >= 0:
            continue
        stack = stacks.get(container)
        if stack is None:
            stack = stacks[container] = array("q")
        role = roles[i]
        if (
            role & _CAN_CLOSE
            and stack
            and _MARK_CHARACTERS[flags[index] >> 2]
            in _CLOSERS_OF.get(_MARK_CHARACTERS[flags[stack[-1]] >> 2], "")
            and not (role & _WEAK and strong_ahead[i])
        ):
            opener = stack.pop()
            sink(opener, index, len(stack))
        elif role & _CAN_OPEN:
            stack.append(index)
    unclosed = stacks.get(-1)
    if runs_on and unclosed:
        # ‘… ¶ ‘…’: a single quotation left open runs on into the next paragraph
        sink(unclosed[0], -1, 0)


def _with_depths(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    spans.sort(key=lambda s: (s.open_start, -s.close_end))
    result: list[QuotedSpan] = []
    enclosing: list[int] = []
    for span in spans:
        while enclosing and enclosing[-1] <= span.open_start:
            enclosing.pop()
        result.append(dataclasses.replace(span, depth=len(enclosing)) if enclosing else span)
        enclosing.append(span.close_end)
    return result
