"""Rule-based sentence boundaries that understand quotations.

No trained model: a sentence ends at terminal punctuation, with any closing
quotation marks and brackets after it, when the next word starts like a
sentence. Abbreviations ("Mr.", "U.S.") and initials ("John R. Bolton") do not
end one, unless a pronoun or "The" follows a dotted one ("in the U.S. He said"),
nor does a question inside quotation marks that the reporting clause continues
("Why now?" Peskov asked). A paragraph break always ends a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from quotes.layout import dateline_end, paragraphs
from quotes.lexicon import abbreviations, cue_lexicon, word_lists
from quotes.text import first_of, skip_space
from quotes.words import COMPILED

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["sentences"]

# terminal punctuation before white space, unless a lowercase letter follows it ("U.S. officials")
# (it starts only at the first of a run of stops, so a run of a thousand dots is read once)
# (the stop comes first so the engine can skip to it; the lookbehind then checks it opens its run)
_TERMINAL: Final = re.compile(
    r"[.!?\u2026](?<![.!?\u2026].)[.!?\u2026]*+[\"'\u201d\u2019\u00bb)\]]*+(?=\s++(?![a-z]))"
)
MAX_SENTENCE: Final = 1000
"""Characters: a longer run without a sentence end is cut at a space, so the work of the
rules, which read within a sentence, stays linear in any text."""
_STOPS: Final = ".!?\u2026"  # the stops `_TERMINAL` reads
_CLOSERS: Final = "\"'\u201d\u2019\u00bb)]"  # and the closing marks and brackets it reads after them
_QUOTE_CLOSERS: Final = frozenset("\"'\u201d\u2019\u00bb")
_STARTERS: Final = frozenset("\"'\u201c\u2018\u00ab([")
_WORDS_AFTER: Final = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")


def sentences(text: str, paras: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Split a document into sentences.

    Args:
        text: The document, any string.
        paras: Its paragraphs, if already known (`quotes.layout.paragraphs`).

    Returns:
        ``(start, end)`` offsets of each sentence, without surrounding white
        space, in order. Together they cover every non-space character.
    """
    spans: list[tuple[int, int]] = []
    stops = [-1, -1, -1, -1]  # where each stop was last found: the text is read forwards once
    for p_start, p_end in paragraphs(text) if paras is None else paras:
        start = dateline_end(text, p_start, p_end)
        if start > p_start:
            # "ANKARA (Reuters) - ": a dateline is a sentence of its own.
            spans.extend(_bounded(text, p_start, len(text[p_start:start].rstrip()) + p_start))
        position = start
        while True:
            stop, past = _next_terminal(text, position, p_end, stops)
            if stop >= p_end:
                break
            position = past
            following = skip_space(text, past, p_end)
            if following >= p_end or not _ends_sentence(text, stop, past, following, p_end):
                continue
            spans.extend(_bounded(text, start, past))
            start = following
        spans.extend(_bounded(text, start, p_end))
    return spans


def _next_terminal(text: str, position: i64, end: i64, stops: list[int] | None = None) -> tuple[i64, i64]:
    """``(start, end)`` of the first match of `_TERMINAL` in ``text[position:end]``; ``(end, end)``
    where there is none.

    Compiled, `str.find` reaches each stop (`quotes.text.first_of`) and a loop reads the characters
    around it, faster than the engine, which tests each character against the set of
    stops; in pure Python the pattern searches. As the pattern reads them: the first of
    a run of stops, the rest of the run and any closing marks and brackets after it, then
    white space that no lowercase ASCII letter follows. ``tests/test_sentences.py``
    compares the two on any text.

    Args:
        stops: Where each of the four stops was last found (`quotes.text.first_of`), shared
            by calls that read the text forwards; a fresh search without it.
    """
    if not COMPILED:
        match = _TERMINAL.search(text, position, end)
        return match.span() if match is not None else (end, end)
    found = [-1, -1, -1, -1] if stops is None else stops
    while position < end:
        code: i64 = ord(text[position])  # compiled, read in place
        if code != 46 and code != 33 and code != 63 and code != 0x2026:  # no stop here: find the next
            position = first_of(text, position, _STOPS, found)
            if position >= end:
                break
        if position > 0 and text[position - 1] in _STOPS:  # only the first of a run starts a match
            position += 1
            while position < end and text[position] in _STOPS:  # nor does the rest of it
                position += 1
            continue
        past: i64 = position + 1
        while past < end and text[past] in _STOPS:
            past += 1
        while past < end and text[past] in _CLOSERS:
            past += 1
        space: i64 = past
        while space < end and text[space].isspace():
            space += 1
        if space > past and (space >= end or not "a" <= text[space] <= "z"):
            return position, past
        position += 1
    return end, end


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut into pieces of at most `MAX_SENTENCE` characters, at spaces where it can be."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = skip_space(text, cut, end)
    pieces.append((start, end))
    return pieces


def _ends_sentence(text: str, start: int, end: int, following: int, p_end: int) -> bool:
    """Whether the terminal punctuation ``text[start:end]`` (a match of `_TERMINAL`), followed
    by `following`, ends a sentence."""
    first = text[following]
    if not (first.isupper() or first.isdigit() or first in _STARTERS):
        return False
    punctuation = text[start:end]
    if punctuation.startswith(".") and len(punctuation.rstrip(".")) == 0 and len(punctuation) == 1:
        token = _word_before(text, start)
        if token in abbreviations() or (len(token) == 1 and token.isupper()):
            # "in the U.S. He says": a dotted abbreviation may end a sentence, which a pronoun
            # or "The" then opens; a title's ("Mr. He Lifeng") or an initial's never does
            return "." in token and _sentence_opener_at(text, following)
    if punctuation[-1] in _QUOTE_CLOSERS and punctuation[0] in "?!":
        return not _reporting_clause_follows(text, following, p_end)
    return True


def _sentence_opener_at(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence even after an abbreviation ("He", "The")."""
    word = _WORDS_AFTER.match(text, start, start + 8)
    return word is not None and word.group().lower() in word_lists().sentence_openers


def _word_before(text: str, end: int) -> str:
    """The word, dots inside it, that ends at `end` ("Mr", "U.S"); '' if none does."""
    if not end or not _word_char(text[end - 1]):
        return ""
    start = end - 1
    lowest = max(0, end - 24)
    while start > lowest:  # runs at every full stop: the test inline, not a call per character
        char = text[start - 1]
        if not (char.isalnum() or char == "_" or char == "."):
            break
        start -= 1
    return text[start:end]


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _reporting_clause_follows(text: str, start: int, end: int) -> bool:
    """Whether a reporting verb comes within the next four words ("Why?" Peskov asked)."""
    lexicon = cue_lexicon()
    for count, word in enumerate(_WORDS_AFTER.finditer(text, start, min(end, start + 80))):
        if count == 4:
            break
        if word.group().lower() in lexicon.speech:
            return True
    return False
