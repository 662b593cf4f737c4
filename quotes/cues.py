"""Reporting cues in running text: "said", "told", "according to".

A cue is a word or phrase of the cue lexicon (``quotes/data/cues.toml``) that
stands outside every quotation: words inside quotation marks are the
speaker's, never the narrator's cue.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Final

import regex

from quotes.lexicon import cue_lexicon, mention_lexicon, word_lists
from quotes.text import (
    LETTERS,
    LETTERS_BACKWARDS,
    opens_sentence,
    skip_space,
    skip_space_back,
    trie,
    unquoted_pieces,
)
from quotes.words import COMPILED, WordMatch

if TYPE_CHECKING:
    from mypy_extensions import i64

__all__ = ["CueSection", "FoundCue", "cues_in"]


class CueSection(enum.Enum):
    """Which section of the cue lexicon a cue comes from."""

    # hashed by identity, in C, as members compare: `Enum.__hash__` is Python code, and the rules
    # look members up in tables thousands of times per document
    __hash__ = object.__hash__

    SPEECH = "speech"
    STANCE = "stance"
    NAMING = "naming"
    PHRASE = "phrase"


@dataclasses.dataclass(frozen=True, slots=True, init=False)
class FoundCue:
    """A reporting cue at a place in a document.

    Attributes:
        start: Offset of the first character.
        end: Offset after the last character.
        lemma: Dictionary form ("say", "according to").
        section: Speech, stance, naming or phrase.
    """

    start: int
    end: int
    lemma: str
    section: CueSection

    def __init__(self, start: int, end: int, lemma: str, section: CueSection) -> None:
        # `object.__setattr__` sets a frozen field; compiled, mypyc makes each a plain store
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "lemma", lemma)
        object.__setattr__(self, "section", section)

    @property
    def subject_follows(self) -> bool:
        """Whether the speaker comes after the cue ("according to *Peskov*")."""
        return self.section is CueSection.PHRASE and self.lemma in _SUBJECT_AFTER


_SUBJECT_AFTER: Final = frozenset({"according to"})


@functools.cache
def _phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Multi-word cues by first word, longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, lemma in cue_lexicon().phrases.items():
        words = tuple(form.split())
        table.setdefault(words[0], []).append((words, lemma))
    for options in table.values():
        options.sort(key=lambda option: len(option[0]), reverse=True)
    return table


@functools.cache
def _sections() -> dict[str, tuple[str, CueSection]]:
    lexicon = cue_lexicon()
    table: dict[str, tuple[str, CueSection]] = {}
    for section, forms in (
        (CueSection.NAMING, lexicon.naming),
        (CueSection.STANCE, lexicon.stance),
        (CueSection.SPEECH, lexicon.speech),
    ):
        for form, lemma in forms.items():
            table[form] = (lemma, section)
    return table


def cues_in(text: str, start: int, end: int, quoted: Sequence[tuple[int, int]] = ()) -> list[FoundCue]:
    """Every cue in ``text[start:end]`` outside the quoted spans, in order.

    A bare or third-person form that is also a noun ("the state", "a report")
    does not count after a determiner, a preposition or a number ("27 states").

    Args:
        text: The document.
        start: Where to begin looking.
        end: Where to stop.
        quoted: ``(open_start, close_end)`` of the quotations, in order.
    """
    sections = _sections()
    phrases = _phrases()
    nominal = _nominal()
    found: list[FoundCue] = []
    skip_until = -1
    # few words can be a cue: one pass over the text between quotations finds them
    # (quoted words are the speaker's, never the narrator's cue)
    for piece_start, position, candidate_end in _candidate_words(text, start, end, quoted):
        if position < skip_until or not _whole_word(text, position, candidate_end):
            continue
        word = LETTERS.match(text, position, end)
        if word is None:
            continue
        lower = word.group().lower()
        options = phrases.get(lower)  # most words open no phrase: no call for them
        phrase = _phrase_at(text, word, end, options) if options else None
        if phrase is not None:
            phrase_end, lemma = phrase
            found.append(FoundCue(position, phrase_end, lemma, CueSection.PHRASE))
            skip_until = phrase_end
            continue
        entry = sections.get(lower)
        if entry is None:
            continue
        if word.group().istitle() and not opens_sentence(text, position):
            continue  # "the United States": a capitalised word inside a name
        lemma, section = entry
        if lower in (lemma, lemma + "s"):
            before = _previous_word(text, piece_start, position)
            if before in nominal or before.endswith(_POSSESSIVE):
                continue  # "the state", "a report", "his comments", "the editor's note"
            if lower == lemma and not _bare_form_fits(text, piece_start, position, before):
                continue  # "the Republican demand": a bare form needs "they", "to", "will" or a plural
            if lower == lemma and before == "and" and _modifier(text, word.end(), end):
                continue  # "federal and state law", "the Guard and state troopers": a noun's modifier
            if lower != lemma and _counted(text, piece_start, position, before):
                continue  # "27 states", "twenty-seven states": a number makes a noun
        found.append(FoundCue(position, word.end(), lemma, section))
    return found


def _candidate_words(
    text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> Iterable[tuple[int, int, int]]:
    """``(piece_start, start, end)`` of each word of the lexicon in ``text[start:end]``, in any
    case, outside the quoted spans, in order: what `_candidates` finds after a word boundary.

    Compiled, a loop over the characters reads them (`_read_candidates`); in pure Python,
    where that loop is slower than the engine, one search of the lowercased text does
    (`_searched_candidates`). Both find the same words (``tests/test_cues.py``).
    """
    if COMPILED and _letters_only():
        return _read_candidates(text, start, end, quoted)
    return _searched_candidates(_lowercase(text), start, end, quoted)


def _read_candidates(
    text: str, start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """`_candidate_words`, read a character at a time: each whole run of letters that starts
    after no word character and that, lowercased, is a word of the lexicon.

    A run ends at a piece's end, as the pattern's look-ahead does at ``endpos``. It holds
    only where every word of the lexicon is letters (`_letters_only`). A list, not a
    generator: compiled, a generator keeps each local in an object of its own.
    """
    found: list[tuple[int, int, int]] = []
    lexicon = _lexicon_words()
    spellings = _lexicon_spellings()
    folded = _spelling_filter()
    longest = _longest_word()
    for piece_start, piece_end in unquoted_pieces(start, end, quoted):
        # the character before the piece decides whether a word at its start is whole
        boundary = piece_start == 0 or _kind(text, piece_start - 1) == _OTHER
        position: i64 = piece_start
        last: i64 = piece_end
        while position < last:
            # most characters are ASCII: their kind is read here, with no call
            code: i64 = ord(text[position])
            if code < 128:
                kind: i64 = _ASCII_KINDS[code]
            else:
                kind = _kind(text, position)
            if kind != _LETTER or not boundary:
                boundary = kind == _OTHER
                position += 1
                continue
            # a word: its letters, and as they are read, its `_spelling` (a number, which
            # settles most words, short and ASCII, with no slice), -1 once it has none
            stop: i64 = position
            spelling: i64 = 0
            while stop < last:
                code = ord(text[stop])
                if code < 128 and _ASCII_KINDS[code] == _LETTER:
                    if spelling >= 0 and stop - position < _SPELLED:
                        spelling = spelling << 5 | ((code | 32) - 96)
                    else:
                        spelling = -1
                elif code >= 128 and _kind(text, stop) == _LETTER:
                    spelling = -1
                else:
                    break
                stop += 1
            if spelling >= 0:  # nine words in ten of news fold to a spelling of no cue: no set lookup
                known = folded[_fold(spelling)] != 0 and spelling in spellings
            else:
                known = stop - position <= longest and _lowercase_piece(text[position:stop]) in lexicon
            if known:
                found.append((piece_start, position, stop))
            position = stop  # the character there is no letter, or the piece has ended
            boundary = False
    return found


def _spelling(text: str, start: i64, stop: i64) -> i64:
    """The run of letters ``text[start:stop]``, lowercased, as a number: five bits a letter;
    -1 for a run of other letters than ASCII's, or of more than `_SPELLED` letters.

    Two runs of ASCII letters have the same spelling if and only if they lowercase to the
    same word.
    """
    if stop - start > _SPELLED:
        return -1
    spelling: i64 = 0
    for index in range(start, stop):
        code: i64 = ord(text[index])
        if code >= 128:
            return -1
        spelling = spelling << 5 | ((code | 32) - 96)  # "a" and "A" are 1, "z" and "Z" 26
    return spelling


# letters: twelve of five bits fit a machine word, which the compiled build keeps unboxed
_SPELLED: Final = 12


# what `_kind` tells a character to be, as `re` reads it: `\W`, `\d` or "_", `[^\W\d_]`
_OTHER: Final = 0
_DIGIT: Final = 1
_LETTER: Final = 2
_ASCII_KINDS: Final = bytes(
    _LETTER if chr(code).isalpha() else _DIGIT if chr(code).isalnum() or code == 95 else _OTHER
    for code in range(128)
)


def _kind(text: str, index: i64) -> i64:
    r"""Whether ``text[index]`` is a letter, a digit or "_", or no word character, as the
    classes of `re` read it (``\w`` is `str.isalnum` or "_", ``\d`` is `str.isdecimal`).

    Lowercasing never changes the answer, so the text need not be lowercased to read it.
    """
    code: i64 = ord(text[index])  # compiled, read in place: no one-character string
    if code < 128:
        return _ASCII_KINDS[code]
    char = text[index]
    if not char.isalnum():
        return _OTHER
    return _DIGIT if char.isdecimal() else _LETTER


def _searched_candidates(
    lowered: str, start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> Iterator[tuple[int, int, int]]:
    """`_candidate_words` in the lowercased text, found by one pattern, `_candidates`."""
    after_boundary = _candidates()
    for piece_start, piece_end in unquoted_pieces(start, end, quoted):
        if piece_start == 0:  # no character before the text to match: only a boundary
            first = _candidate_at_start().match(lowered, 0, piece_end)
            if first is not None:
                yield piece_start, first.start(), first.end()
        # the character before the piece decides whether a word at its start is whole
        for candidate in after_boundary.finditer(lowered, max(0, piece_start - 1), piece_end):
            yield piece_start, candidate.start(1), candidate.end(1)


@functools.cache
def _candidates() -> re.Pattern[str]:
    """The words that are a cue or start a phrasal cue, as one trie-shaped pattern, with the
    character before them (group 1 is the word).

    A trie lets the engine try one branch per letter instead of every word of
    the lexicon at every position; matching the character before the word, rather
    than asserting a boundary there, lets it skip at once to the next character that
    is no part of a word, so it tries the trie only at word starts.
    """
    # a non-word character rather than "no letter" before: a word glued to a digit ("2said") is no cue
    return re.compile(rf"\W({_trie()})(?![^\W\d_])")


@functools.cache
def _candidate_at_start() -> re.Pattern[str]:
    """`_candidates` for a word that opens the text, with no character before it."""
    return re.compile(rf"{_trie()}(?![^\W\d_])")


@functools.cache
def _trie() -> str:
    return trie(sorted(_lexicon_words()))


@functools.cache
def _lexicon_words() -> frozenset[str]:
    """The words that are a cue or start a phrasal cue."""
    return frozenset(_sections()) | frozenset(_phrases())


@functools.cache
def _lexicon_spellings() -> frozenset[int]:
    """The `_spelling` of each word of `_lexicon_words` that has one."""
    spellings = (_spelling(word, 0, len(word)) for word in _lexicon_words())
    return frozenset(spelling for spelling in spellings if spelling >= 0)


@functools.cache
def _spelling_filter() -> bytes:
    """For each folded spelling (`_fold`), 1 if a word of `_lexicon_spellings` folds to it: a
    word whose spelling folds to a 0 is none of them."""
    table = bytearray(1 << _FOLDED_BITS)
    for spelling in _lexicon_spellings():
        table[_fold(spelling)] = 1
    return bytes(table)


def _fold(spelling: i64) -> i64:
    """A `_spelling` folded to `_FOLDED_BITS` bits, all its letters mixed in."""
    return (spelling ^ (spelling >> 13) ^ (spelling >> 29) ^ (spelling >> 47)) & ((1 << _FOLDED_BITS) - 1)


_FOLDED_BITS: Final = 14  # a table of 16 KB, where the lexicon's 600 spellings fill 585 places


@functools.cache
def _longest_word() -> int:
    """The length of the longest word of `_lexicon_words`: no longer run is read as a word."""
    return max(map(len, _lexicon_words()))


@functools.cache
def _letters_only() -> bool:
    """Whether every word of `_lexicon_words` is letters alone, as `_read_candidates` needs."""
    return all(_kind(word, i) == _LETTER for word in _lexicon_words() for i in range(len(word)))


def _lowercase(text: str) -> str:
    """`text` in lowercase, keeping every offset ("İ" lowercases to two characters).

    A text that is not ASCII is lowercased a piece at a time: `str.lower` takes twelve
    bytes of scratch memory for each character of it. (Only a Greek final sigma may
    then lowercase otherwise at a cut, and no cue has one.)
    """
    if text.isascii():
        return text.lower()
    return "".join(_lowercase_piece(text[i : i + _PIECE]) for i in range(0, len(text), _PIECE))


_PIECE: Final = 1 << 16  # characters


def _lowercase_piece(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole word as `quotes.text.LETTERS` reads words:
    no letter, mark, or joined apostrophe or hyphen runs on at either side."""
    # runs for every candidate: white space at both sides, the common case, settles it at once
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    if (not before or before.isspace()) and (not after or after.isspace() or after in ".,;:"):
        return True
    return not _runs_on(text, start - 1, -1) and not _runs_on(text, end, 1)


def _runs_on(text: str, index: int, step: int) -> bool:
    """Whether the word goes on at `index`: a letter, or a joiner with a letter beyond it."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if char in _JOINERS:
        index += step
        return 0 <= index < len(text) and _letter(text[index])
    return _letter(char)


_JOINERS: Final = "'\u2019-"


def _letter(char: str) -> bool:
    return char.isalpha() or (not char.isascii() and unicodedata.category(char).startswith("M"))


def _previous_word(text: str, piece_start: int, position: int) -> str:
    """The word right before `position`, lowercase; '' if a quotation comes between."""
    word = LETTERS_BACKWARDS.search(text, piece_start, position)
    return word.group().lower() if word is not None else ""


def _modifier(text: str, position: int, end: int) -> bool:
    """Whether a lowercase noun follows at once, no determiner, pronoun or "that": the word
    before `position` modifies it ("state *troopers*")."""
    following = LETTERS.match(text, skip_space(text, position, end), end)
    if following is None or following.start() != position + 1 or not following.group().islower():
        return False
    lower = following.group()
    return lower not in word_lists().determiners and lower not in _NOT_NOUNS and not lower.endswith("ly")


# words that open a clause or a question, not a noun a bare form may modify
_NOT_NOUNS: Final = frozenset(
    {"he", "she", "they", "we", "i", "you", "there", "these", "those", "what", "how", "why", "whether", "if"}
)


def _counted(text: str, piece_start: int, position: int, before: str) -> bool:
    """Whether a number (in digits or words) stands right before `position`."""
    if before.rsplit("-", 1)[-1] in mention_lexicon().share_numbers:
        return True
    previous = skip_space_back(text, piece_start, position)
    return previous > piece_start and text[previous - 1].isdigit()


def _bare_form_fits(text: str, piece_start: int, position: int, before: str) -> bool:
    """Whether a bare verb form at `position` may be a verb after the word `before`:
    after "they", "to", "will", a plural ("officials say", "new data suggest") or a
    share ("only 42% say", "most say")."""
    if before in _BARE_BEFORE or before.endswith("s"):
        return True
    previous = skip_space_back(text, piece_start, position)
    if previous > piece_start and text[previous - 1] == "%":
        return True
    return _coordinated(text, max(piece_start, position - _COORDINATED_CHARS), previous)


_COORDINATED_CHARS: Final = 60  # characters: "Mr. Grassley and Mr. Leahy"
_COORDINATED: Final = regex.compile(
    r"(?<![\p{L}\p{N}])and(?:[ \t\u00a0]+\p{Lu}[\p{L}'\u2019\-]*\.?){1,4}[ \t\u00a0]*$"
)


def _coordinated(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends in two subjects joined by "and", the second a name
    of capitalised words: "Mr. Grassley and Mr. Leahy (say)", "Both Lee and Kim (say)"."""
    return _COORDINATED.search(text, start, end) is not None


_BARE_BEFORE: Final = frozenset(
    {
        "i",
        "we",
        "they",
        "who",
        "whom",
        "men",
        "women",
        "children",
        "you",
        "to",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "did",
        "do",
        "does",
        "people",
        "police",
        "data",
        "media",
        "percent",
        "cent",
        "also",
        "and",
        "often",
        "never",
        "still",
    }
)
_POSSESSIVE: Final = ("'s", "\u2019s", "s'", "s\u2019")
_PRONOUNS: Final = frozenset({"it", "them"})
_NOMINAL_BEFORE: Final = frozenset({"of", "in", "on", "for", "by", "with", "our", "my", "your", "no", "any"})


def _phrase_at(
    text: str,
    first: WordMatch,
    end: int,
    options: Sequence[tuple[tuple[str, ...], str]],
) -> tuple[int, str] | None:
    """(end, lemma) of the longest phrasal cue starting with the word `first`, its words
    apart by spaces alone."""
    for phrase, lemma in options:
        position = first.end()
        for expected in phrase[1:]:
            following = skip_space(text, position, end)
            if following == position:
                break
            word = LETTERS.match(text, following, end)
            if word is None or word.group().lower() != expected:
                break
            position = word.end()
        else:
            return position, lemma
    return None


@functools.cache
def _nominal() -> frozenset[str]:
    """Words after which a bare or third-person form is a noun, not a cue."""
    # the words of naming ("named *it* ...") less the pronouns, after which a form is a verb ("it says")
    return (word_lists().determiners - _PRONOUNS) | _NOMINAL_BEFORE
