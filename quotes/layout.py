"""The layout of a scraped news article: paragraphs, captions and datelines.

Works on the raw string and returns character offsets. Every function is
linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from quotes.lexicon import cue_lexicon

__all__ = ["NEWLINES", "dateline_end", "is_caption", "is_headline", "line_breaks", "paragraphs"]

NEWLINES: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character that `str.splitlines` treats as a line break."""

_BREAK: Final = re.compile(rf"[{NEWLINES}]\s*")
_OTHER_NEWLINES: Final = NEWLINES.replace("\n", "")
_SENTENCE_END: Final = frozenset('.!?:;"”’»)]')
# "Image: C.Suthorn." / "© Mikhail Metzel/TASS" / "Photo: AFP": a caption or a credit line.
_CREDIT_WORD: Final = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Source)s?$")
_CREDIT_MARKS: Final = ("©", "(c) ")
# "MOSCOW, November 7. /TASS/." or "ANKARA (Reuters) -": the dateline that opens a wire story.
_DATELINE: Final = re.compile(
    r"[A-Z][A-Z .'\-]{1,40}(?:,[^\S\n]+[A-Z][a-z]{2,9}\.?[^\S\n]+\d{1,2})?"
    r"(?:[.,]?[^\S\n]+/[A-Za-z\-]{2,20}/[.:]|[^\S\n]+\([A-Za-z .\-]{2,30}\)[^\S\n]+[-—–])"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Split a document into paragraphs.

    A line break ends a paragraph unless it only wraps a line: the line before it
    ends inside a sentence and the next starts with a lowercase letter.

    Args:
        text: The document.

    Returns:
        ``(start, end)`` offsets of each non-empty paragraph, without the
        surrounding white space, in order.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for line_end, break_end in line_breaks(text):
        # the break starts at the spaces that end the line before it
        begin = line_end
        while begin > start and text[begin - 1].isspace() and text[begin - 1] not in NEWLINES:
            begin -= 1
        before = text[begin - 1] if begin else "\n"
        after = text[break_end] if break_end < len(text) else "\n"
        # the cheap tests first: a paragraph seldom opens with a lowercase letter
        if after.islower() and before not in _SENTENCE_END and _single_break(text[line_end:break_end]):
            continue
        _append_stripped(text, start, begin, spans)
        start = break_end
    _append_stripped(text, start, len(text), spans)
    return spans


def line_breaks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line break of `text` with the white space after it.

    These are the matches of ``[NEWLINES]\\s*``. Most documents break their lines
    with "\\n" alone, which `str.find` reaches at the speed of C's ``memchr``, where a
    pattern engine tests every character against the set of line breaks; a
    document with any other line break is read by the pattern.
    """
    if any(other in text for other in _OTHER_NEWLINES):
        return [match.span() for match in _BREAK.finditer(text)]
    found: list[tuple[int, int]] = []
    length = len(text)
    start = text.find("\n")
    while start >= 0:
        end = start + 1
        while end < length and text[end].isspace():
            end += 1
        found.append((start, end))
        start = text.find("\n", end)
    return found


def _single_break(breaks: str) -> bool:
    """Whether white space holds a single line break ("\\r\\n" is one)."""
    return len(f"x{breaks}x".splitlines()) == 2


def _append_stripped(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Append ``(start, end)`` trimmed of white space, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def is_caption(text: str, start: int, end: int) -> bool:
    """Whether a paragraph is a picture caption or a credit line.

    Captions quote signs and banners, not speech ("People holding a banner
    saying "united in diversity". Image: John Lubbock.").
    """
    if any(text.find(mark, start, end) >= 0 for mark in _CREDIT_MARKS):
        return True
    colon = text.find(":", start, end)
    while colon >= 0:  # colons are few: look only before each of them
        if _CREDIT_WORD.search(text, max(start, colon - 12), colon):
            return True
        colon = text.find(":", colon + 1, end)
    return False


def is_headline(text: str, paragraph_spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the headline of the text: its first paragraph, of a few
    words, with more text after it, in a headline's present tense.

    A headline quotes words as a label ("Senator calls plan 'a disgrace'"), not as the
    report of a speech; a first paragraph that opens with a quotation, or reports in the
    past ("said", "told"), is a lede, and its quotations are speech.
    """
    if len(paragraph_spans) < 2 or (start, end) != paragraph_spans[0]:
        return False
    words = _HEADLINE_WORD.findall(text, start, end)
    if not words or len(words) > _HEADLINE_WORDS or text[start] in _QUOTE_MARKS:
        return False
    if _SENTENCE_INSIDE.search(text, start, end):
        return False  # 'Lee spoke on Monday. "We are ready," he said.': two sentences, a lede
    lowered = [word.lower() for word in words]
    return "according" not in lowered and not any(_reports_in_the_past(word) for word in lowered)


def _reports_in_the_past(word: str) -> bool:
    """Whether `word` is a cue in the past ("said", "called"): a lede's tense, not a headline's."""
    lexicon = cue_lexicon()
    cue = word in lexicon.speech or word in lexicon.stance or word in lexicon.naming
    return cue and (word.endswith("ed") or word in _IRREGULAR_PAST)


_HEADLINE_WORDS: Final = 16
_HEADLINE_WORD: Final = re.compile(r"[^\W\d_][\w'\u2019\-]*")
_QUOTE_MARKS: Final = "\"'\u2018\u2019\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a"
_IRREGULAR_PAST: Final = frozenset({"said", "told", "wrote", "spoke", "swore"})
# the end of a sentence with another after it: ". The", '." He', "? She"
_SENTENCE_INSIDE: Final = re.compile(r"[a-z0-9][.?!][\"'\u2019\u201d]?\s+[\"'\u2018\u201c]?[A-Z]")


def dateline_end(text: str, start: int, end: int) -> int:
    """The offset after a wire-story dateline opening the paragraph, else `start`.

    Example: "MOSCOW, November 7. /TASS/. Russian President ..." returns the
    offset of "Russian".
    """
    # the cheap test first: a dateline opens with two capitals (or a capital and a space or mark)
    opening = text[start : start + 2]
    if (
        len(opening) < 2
        or not ("A" <= opening[0] <= "Z")
        or not ("A" <= opening[1] <= "Z" or opening[1] in " .'-")
    ):
        return start
    match = _DATELINE.match(text, start, end)
    if match is None:
        return start
    position = match.end()
    while position < end and text[position].isspace():
        position += 1
    return position
