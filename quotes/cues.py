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
from quotes.text import LETTERS, opens_sentence

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
    words = [m for s, e in _outside(start, end, quoted) for m in LETTERS.finditer(text, s, e)]
    found: list[FoundCue] = []
    skip_until = -1
    for index, word in enumerate(words):
        if word.start() < skip_until:
            continue
        lower = word.group().lower()
        phrase = _phrase_at(text, words, index, phrases.get(lower, ()))
        if phrase is not None:
            last, lemma = phrase
            found.append(FoundCue(word.start(), words[last].end(), lemma, CueSection.PHRASE))
            skip_until = words[last].end()
            continue
        entry = sections.get(lower)
        if entry is None:
            continue
        if word.group().istitle() and not opens_sentence(text, word.start()):
            continue  # "the United States": a capitalised word inside a name
        lemma, section = entry
        previous = words[index - 1].group().lower() if index > 0 else ""
        if lower in (lemma, lemma + "s") and previous in nominal:
            continue  # "the state", "a report", "his comments"
        if lower == lemma and not (previous in _BARE_BEFORE or previous.endswith("s")):
            continue  # "the Republican demand": a bare form needs "they", "to", "will" or a plural
        found.append(FoundCue(word.start(), word.end(), lemma, section))
    return found


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
    words: list[regex.Match[str]],
    index: int,
    options: Sequence[tuple[tuple[str, ...], str]],
) -> tuple[int, str] | None:
    for phrase, lemma in options:
        last = index + len(phrase) - 1
        if last >= len(words):
            continue
        if all(words[index + k].group().lower() == w for k, w in enumerate(phrase)) and all(
            not text[words[k].end() : words[k + 1].start()].strip() for k in range(index, last)
        ):
            return last, lemma
    return None


@functools.cache
def _nominal() -> frozenset[str]:
    """Words after which a bare or third-person form is a noun, not a cue."""
    return word_lists().determiners | _NOMINAL_BEFORE


def _outside(start: int, end: int, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``start..end`` that no quotation covers, in order."""
    pieces = []
    index = max(0, bisect.bisect_right(quoted, (start, float("inf"))) - 1)
    position = start
    while index < len(quoted) and quoted[index][0] < end:
        q_start, q_end = quoted[index]
        if q_end > position:
            if q_start > position:
                pieces.append((position, q_start))
            position = q_end
        index += 1
    if position < end:
        pieces.append((position, end))
    return pieces
