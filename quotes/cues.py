"""Reporting cues in running text: "said", "told", "according to".

A cue is a word or phrase of the cue lexicon (``quotes/data/cues.toml``) that
stands outside every quotation: words inside quotation marks are the
speaker's, never the narrator's cue.
"""

from __future__ import annotations

import bisect
import enum
import functools
from collections.abc import Sequence

import attrs
import regex

from quotes.lexicon import cue_lexicon, word_lists
from quotes.text import LETTERS, LETTERS_BACKWARDS, opens_sentence, skip_space

__all__ = ["CueSection", "FoundCue", "cues_in"]


class CueSection(enum.Enum):
    """Which section of the cue lexicon a cue comes from."""

    SPEECH = "speech"
    STANCE = "stance"
    NAMING = "naming"
    PHRASE = "phrase"


@attrs.frozen
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

    @property
    def subject_follows(self) -> bool:
        """Whether the speaker comes after the cue ("according to *Peskov*")."""
        return self.section is CueSection.PHRASE and self.lemma in _SUBJECT_AFTER


_SUBJECT_AFTER = frozenset({"according to"})


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
    does not count after a determiner or a preposition.

    Args:
        text: The document.
        start: Where to begin looking.
        end: Where to stop.
        quoted: ``(open_start, close_end)`` of the quotations, in order.
    """
    sections = _sections()
    phrases = _phrases()
    nominal = _nominal()
    starts = _starts()
    found: list[FoundCue] = []
    skip_until = -1
    # few words can start a cue: keep those in one tight loop, and read only them further
    candidates = [w for w in LETTERS.finditer(text, start, end) if w.group().lower() in starts]
    for word in candidates:
        position = word.start()
        if position < skip_until:
            continue
        piece_start = _piece_start(position, start, quoted)
        if piece_start is None:
            continue  # inside a quotation: the speaker's words, not a cue
        lower = word.group().lower()
        phrase = _phrase_at(text, word, end, phrases.get(lower, ()))
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
            if before in nominal:
                continue  # "the state", "a report", "his comments"
            if lower == lemma and not (before in _BARE_BEFORE or before.endswith("s")):
                continue  # "the Republican demand": a bare form needs "they", "to", "will" or a plural
        found.append(FoundCue(position, word.end(), lemma, section))
    return found


@functools.cache
def _starts() -> frozenset[str]:
    """Every word that is a cue or starts a phrasal cue, lowercase."""
    return frozenset(_sections()) | frozenset(_phrases())


def _previous_word(text: str, piece_start: int, position: int) -> str:
    """The word right before `position`, lowercase; '' if a quotation comes between."""
    word = LETTERS_BACKWARDS.search(text, piece_start, position)
    return word.group().lower() if word is not None else ""


def _piece_start(position: int, start: int, quoted: Sequence[tuple[int, int]]) -> int | None:
    """Where the stretch of unquoted text holding `position` begins; None inside a quotation."""
    index = bisect.bisect_right(quoted, (position, float("inf"))) - 1
    while index >= 0:
        q_start, q_end = quoted[index]
        if q_start <= position < q_end:
            return None
        if q_end <= position:
            return max(start, q_end)
        index -= 1
    return start


_BARE_BEFORE = frozenset(
    {
        "i",
        "we",
        "they",
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
        "also",
        "and",
        "often",
        "never",
        "still",
    }
)
_NOMINAL_BEFORE = frozenset({"of", "in", "on", "for", "by", "with", "our", "my", "your", "no", "any"})


def _phrase_at(
    text: str,
    first: regex.Match[str],
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
    return word_lists().determiners | _NOMINAL_BEFORE
