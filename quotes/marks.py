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

import enum
import re
from collections.abc import Iterable, Sequence

import attrs

from quotes.layout import paragraphs

__all__ = ["QUOTE_CHARACTERS", "Family", "QuotedSpan", "find_quotations", "mark_offsets", "outermost"]


class Family(enum.Enum):
    """Double quotation marks or single ones."""

    DOUBLE = "double"
    SINGLE = "single"


@attrs.frozen
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
    runs_on: bool = False
    depth: int = 0


# ``, '' (typewriter and Penn Treebank style) or any single quotation-like character,
# except the apostrophes inside words (don't, Russia\u2019s), which are most marks of a text
# and can neither open nor close a quotation.
_MARK = re.compile(
    "``|''|[\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02]"
    "(?!(?<=[^\\W_]['\u2019])[^\\W_])"
)
QUOTE_CHARACTERS = frozenset(
    "\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02"
)
"""Every character that may act as a quotation mark."""
_DOUBLE_OPENERS = frozenset("\u201c\u201e\u201f\u00ab")
_DOUBLE_CLOSERS = frozenset("\u201d\u00bb")
_DOUBLE_EITHER = frozenset('"\u2033\uff02')
_SINGLE_OPENERS = frozenset("\u2018\u201a\u201b\u2039`")
# Characters after which a mark still counts as "at the start" of a word, and before
# which a mark still counts as "at the end" of one.
_OPENING_CONTEXT = frozenset("([{<—–-/:;,…\u00a0") | _DOUBLE_OPENERS | _SINGLE_OPENERS
_CLOSING_CONTEXT = frozenset(".,;:!?)]}>—–-/…\u00a0") | _DOUBLE_CLOSERS | frozenset("'\u2019\u203a\"")
# Which closing marks each single opening mark pairs with: typography is consistent
# within a quotation, so an elision's ' does not close a ‘ (‘rock 'n' roll’).
_CLOSERS_OF = {
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
_ELISIONS = frozenset({"em", "n", "til", "tis", "twas", "cause", "bout", "round"})


@attrs.frozen
class _Mark:
    start: int
    end: int
    char: str
    opens: bool  # left-flanking: could open a quotation
    closes: bool  # right-flanking: could close one


def _classify(text: str, match: re.Match[str]) -> _Mark:
    start, end = match.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    opens = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT)
    return _Mark(start, end, match.group(), opens, closes)


def find_quotations(text: str, paras: Sequence[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """Find every pair of quotation marks in a document, nested ones included.

    Args:
        text: The document, any string.
        paras: Its paragraphs, if already known (`quotes.layout.paragraphs`).

    Returns:
        The quoted spans sorted by position; `QuotedSpan.depth` tells nested
        ones from outermost ones.
    """
    spans: list[QuotedSpan] = []
    if paras is None:
        paras = paragraphs(text)
    marks = [_classify(text, m) for m in _MARK.finditer(text)]
    index = 0
    for number, (p_start, p_end) in enumerate(paras):
        first = index
        while index < len(marks) and marks[index].start < p_end:
            index += 1
        in_para = [m for m in marks[first:index] if m.start >= p_start]
        reopened = _reopens(text, paras[number + 1][0], marks, index) if number + 1 < len(paras) else None
        spans.extend(_pair_paragraph(text, in_para, p_start, p_end, reopened))
    return _with_depths(spans)


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


def _reopens(text: str, para_start: int, marks: Sequence[_Mark], index: int) -> Family | None:
    """The family of the opening mark that opens the paragraph at `para_start`, if one does.

    News style reopens each paragraph of a quotation that runs over several,
    with double marks or, in British style, single ones.
    """
    if index >= len(marks) or marks[index].start != para_start or not marks[index].opens:
        return None
    mark = marks[index]
    if mark.char in _DOUBLE_OPENERS | _DOUBLE_EITHER or mark.char == "``":
        return Family.DOUBLE
    if _double_role(mark, 0) is None and _single_role(text, mark)[0]:
        return Family.SINGLE
    return None


def _double_role(mark: _Mark, open_count: int) -> bool | None:
    """True to open, False to close, None when the mark is not a double mark."""
    char = mark.char
    if char in _DOUBLE_OPENERS or char == "``":
        return not (open_count and mark.closes and not mark.opens)
    if char in _DOUBLE_CLOSERS or char == "''":
        return bool(mark.opens and not mark.closes and not open_count)
    if char in _DOUBLE_EITHER:
        if mark.opens != mark.closes:
            return mark.opens
        return not open_count
    return None


# The closing marks that match each double opening mark's typography.
_DOUBLE_CLOSERS_OF = {
    "\u201c": "\u201d",  # “ ”
    "\u201e": "\u201c\u201d",  # „ “ and „ ”
    "\u201f": "\u201d",  # ‟ ”
    "\u00ab": "\u00bb",  # « »
    "``": "''",
}


def _closers_after(marks: Sequence[_Mark]) -> list[frozenset[str]]:
    """For each mark of a paragraph, the closing marks that come after it (one backward pass)."""
    after: list[frozenset[str]] = [frozenset()] * len(marks)
    seen: frozenset[str] = frozenset()
    for index in range(len(marks) - 1, -1, -1):
        after[index] = seen
        if marks[index].closes and marks[index].char not in seen:
            seen = seen | {marks[index].char}
    return after


def _stray_closer(mark: _Mark, opener: _Mark, later: frozenset[str]) -> bool:
    """Whether a closing mark of another typography than `opener` is stray: the opener's
    own closing mark follows in the paragraph. Typography is consistent within a quotation."""
    own = _DOUBLE_CLOSERS_OF.get(opener.char)
    return own is not None and mark.char not in own and any(char in later for char in own)


def _pair_paragraph(
    text: str, marks: list[_Mark], p_start: int, p_end: int, reopened: Family | None
) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    stack: list[_Mark] = []
    later = _closers_after(marks)
    for index, mark in enumerate(marks):
        role = _double_role(mark, len(stack))
        if role is None:
            continue
        if role:
            stack.append(mark)
        elif stack:
            if _stray_closer(mark, stack[-1], later[index]):
                continue  # “… » …”: the opener's own closer comes later, so this one is stray
            opener = stack.pop()
            spans.append(_span(text, opener, mark.start, mark.end, Family.DOUBLE))
    if stack and reopened is Family.DOUBLE:
        spans.append(_span(text, stack[0], p_end, p_end, Family.DOUBLE, runs_on=True))
    singles = [m for m in marks if _double_role(m, 0) is None]
    runs_on_to = p_end if reopened is Family.SINGLE and not stack else None
    spans.extend(_pair_singles(text, singles, spans, runs_on_to))
    return spans


def _span(
    text: str, opener: _Mark, close_start: int, close_end: int, family: Family, runs_on: bool = False
) -> QuotedSpan:
    start, end = opener.end, close_start
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuotedSpan(opener.start, opener.end, start, end, close_start, close_end, family, runs_on)


def _single_role(text: str, mark: _Mark) -> tuple[bool, bool, bool]:
    """(can open, can close, weak close) for a single-mark candidate."""
    char = mark.char
    after = text[mark.end] if mark.end < len(text) else " "
    before = text[mark.start - 1] if mark.start else " "
    if before.isalnum() and after.isalnum():
        return False, False, False  # an apostrophe inside a word: don't, Russia’s
    if char in _SINGLE_OPENERS:
        return mark.opens and not after.isdigit(), False, False
    can_open = mark.opens and not after.isdigit() and not _elided(text, mark.end)
    if char == "\u2019":
        can_open = can_open and after.isupper()
    # countries’ leaders: after a plural "s" the mark is more likely a possessive.
    weak = before in "sS"
    # rock 'n' roll: the second mark of 'n' closes an elision, not a quotation.
    closes = mark.closes and not (mark.start >= 2 and text[mark.start - 2] in "'\u2019" and before in "nN")
    return can_open, closes, weak


def _elided(text: str, start: int) -> bool:
    word = re.match(r"[A-Za-z]+", text[start : start + 8])
    return word is not None and word.group().lower() in _ELISIONS


def _pair_singles(
    text: str, marks: list[_Mark], doubles: list[QuotedSpan], runs_on_to: int | None = None
) -> list[QuotedSpan]:
    """Pair single marks so that no single quotation crosses a double one.

    Marks pair only with marks inside the same innermost double quotation, so a
    single quotation may hold a double one (‘He said “no”,’ she said) but never
    straddle one, and an opener pairs only with a closer of its own typography.
    """
    spans: list[QuotedSpan] = []
    roles = [_single_role(text, m) for m in marks]
    # strong_ahead[i]: a strong closing candidate follows i before the next opener.
    strong_ahead = [False] * len(marks)
    seen_strong = False
    for i in range(len(marks) - 1, -1, -1):
        strong_ahead[i] = seen_strong
        can_open, can_close, weak = roles[i]
        if can_open and not can_close:
            seen_strong = False
        elif can_close and not weak:
            seen_strong = True
    containers = sorted(doubles, key=lambda d: d.open_start)
    enclosing: list[int] = []
    next_container = 0
    stacks: dict[int, list[_Mark]] = {}
    for i, mark in enumerate(marks):
        while next_container < len(containers) and containers[next_container].open_start < mark.start:
            enclosing.append(next_container)
            next_container += 1
        while enclosing and containers[enclosing[-1]].close_end <= mark.start:
            enclosing.pop()
        stack = stacks.setdefault(enclosing[-1] if enclosing else -1, [])
        can_open, can_close, weak = roles[i]
        if (
            can_close
            and stack
            and mark.char in _CLOSERS_OF.get(stack[-1].char, "")
            and not (weak and strong_ahead[i])
        ):
            opener = stack.pop()
            spans.append(_span(text, opener, mark.start, mark.end, Family.SINGLE))
        elif can_open:
            stack.append(mark)
    unclosed = stacks.get(-1)
    if runs_on_to is not None and unclosed:
        # ‘… ¶ ‘…’: a single quotation left open runs on into the next paragraph
        spans.append(_span(text, unclosed[0], runs_on_to, runs_on_to, Family.SINGLE, runs_on=True))
    return spans


def _with_depths(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    spans.sort(key=lambda s: (s.open_start, -s.close_end))
    result: list[QuotedSpan] = []
    enclosing: list[int] = []
    for span in spans:
        while enclosing and enclosing[-1] <= span.open_start:
            enclosing.pop()
        result.append(attrs.evolve(span, depth=len(enclosing)) if enclosing else span)
        enclosing.append(span.close_end)
    return result
