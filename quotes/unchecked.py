"""The public classes of `quotes.model` built from parts the extractor made, without their checks.

`Quote(...)` checks or converts each of its ten fields, for whoever builds one. The
extractor builds hundreds a document from parts that are right by construction
(offsets it sliced the text with, members of the enums, a rounded probability, the
fields of a speaker the registry built with its checks), and those checks were two
thirds of the Python calls it made outside the compiled modules. These functions
set the fields directly, compiled, through each slot's own setter. What they build is what the
checked constructor builds from the same parts (``tests/test_unchecked.py`` compares
them on the quotations of any text); they are for the extractor's own parts only.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Final

import attrs

from quotes.model import Cue, DateSource, Mention, Quote, QuoteKind, Speaker, SpeakerKind

__all__ = ["cue", "mention", "quote", "speaker"]


def quote(
    text: str,
    start: int,
    end: int,
    kind: QuoteKind,
    speaker: Speaker | None,
    speaker_mention: Mention | None,
    found_cue: Cue | None,
    confidence: float,
    date: datetime.date | None,
    date_source: DateSource,
) -> Quote:
    """``Quote(text, start, end, kind, ...)``, its fields in the class's order, unchecked."""
    built = object.__new__(Quote)
    (
        set_text,
        set_start,
        set_end,
        set_kind,
        set_speaker,
        set_mention,
        set_cue,
        set_confidence,
        set_date,
        set_source,
    ) = _QUOTE
    set_text(built, text)
    set_start(built, start)
    set_end(built, end)
    set_kind(built, kind)
    set_speaker(built, speaker)
    set_mention(built, speaker_mention)
    set_cue(built, found_cue)
    set_confidence(built, confidence)
    set_date(built, date)
    set_source(built, date_source)
    return built


def cue(text: str, lemma: str, start: int, end: int) -> Cue:
    """``Cue(text, lemma, start, end)``, unchecked."""
    built = object.__new__(Cue)
    set_text, set_lemma, set_start, set_end = _CUE
    set_text(built, text)
    set_lemma(built, lemma)
    set_start(built, start)
    set_end(built, end)
    return built


def mention(text: str, start: int, end: int) -> Mention:
    """``Mention(text, start, end)``, unchecked."""
    built = object.__new__(Mention)
    set_text, set_start, set_end = _MENTION
    set_text(built, text)
    set_start(built, start)
    set_end(built, end)
    return built


def speaker(
    name: str, identity: str | None, kind: SpeakerKind, title: str | None, wikidata: str | None
) -> Speaker:
    """``Speaker(name, identity, kind, title, wikidata)``, unchecked."""
    built = object.__new__(Speaker)
    set_name, set_id, set_kind, set_title, set_wikidata = _SPEAKER
    set_name(built, name)
    set_id(built, identity)
    set_kind(built, kind)
    set_title(built, title)
    set_wikidata(built, wikidata)
    return built


def _setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    """The `__set__` of each field's slot of a frozen attrs class, in the class's order: what
    `object.__setattr__` reaches after looking the field's name up in the class, each time
    (which cost twice as much as the call itself)."""
    return tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))


_QUOTE: Final = _setters(Quote)
_CUE: Final = _setters(Cue)
_MENTION: Final = _setters(Mention)
_SPEAKER: Final = _setters(Speaker)
