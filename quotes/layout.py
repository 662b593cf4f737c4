"""The layout of a scraped news article: paragraphs, captions and datelines.

Works on the raw string and returns character offsets. Every function is
linear in the length of the text.
"""

from __future__ import annotations

import re

__all__ = ["NEWLINES", "dateline_end", "is_caption", "paragraphs"]

NEWLINES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character that `str.splitlines` treats as a line break."""

_BREAK = re.compile(rf"[{NEWLINES}]\s*")
_SENTENCE_END = frozenset('.!?:;"”’»)]')
# "Image: C.Suthorn." / "© Mikhail Metzel/TASS" / "Photo: AFP": a caption or a credit line.
_CREDIT_WORD = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Source)s?$")
_CREDIT_MARKS = ("©", "(c) ")
# "MOSCOW, November 7. /TASS/." or "ANKARA (Reuters) -": the dateline that opens a wire story.
_DATELINE = re.compile(
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
    for match in _BREAK.finditer(text):
        # the break starts at the spaces that end the line before it
        begin = match.start()
        while begin > start and text[begin - 1].isspace() and text[begin - 1] not in NEWLINES:
            begin -= 1
        before = text[begin - 1] if begin else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        # the cheap tests first: a paragraph seldom opens with a lowercase letter
        if after.islower() and before not in _SENTENCE_END and _single_break(match.group()):
            continue
        _append_stripped(text, start, begin, spans)
        start = match.end()
    _append_stripped(text, start, len(text), spans)
    return spans


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


def dateline_end(text: str, start: int, end: int) -> int:
    """The offset after a wire-story dateline opening the paragraph, else `start`.

    Example: "MOSCOW, November 7. /TASS/. Russian President ..." returns the
    offset of "Russian".
    """
    match = _DATELINE.match(text, start, end)
    if match is None:
        return start
    position = match.end()
    while position < end and text[position].isspace():
        position += 1
    return position
