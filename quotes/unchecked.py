"""The public classes of `quotes.model` built from parts the extractor made, without their checks.

`Quote(...)` checks or converts each of its ten fields, for whoever builds one. The
extractor builds hundreds a document from parts that are right by construction
(offsets it sliced the text with, members of the enums, a rounded probability, the
fields of a speaker the registry built with its checks), and those checks were two
thirds of the Python calls it made outside the compiled modules. These functions
set the fields directly, compiled. What they build is what the
checked constructor builds from the same parts (``tests/test_unchecked.py`` compares
them on the quotations of any text); they are for the extractor's own parts only.
"""

from __future__ import annotations

import datetime

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
    set_field = object.__setattr__  # as attrs sets the fields of a frozen class
    set_field(built, "text", text)
    set_field(built, "start", start)
    set_field(built, "end", end)
    set_field(built, "kind", kind)
    set_field(built, "speaker", speaker)
    set_field(built, "speaker_mention", speaker_mention)
    set_field(built, "cue", found_cue)
    set_field(built, "confidence", confidence)
    set_field(built, "date", date)
    set_field(built, "date_source", date_source)
    return built


def cue(text: str, lemma: str, start: int, end: int) -> Cue:
    """``Cue(text, lemma, start, end)``, unchecked."""
    built = object.__new__(Cue)
    set_field = object.__setattr__
    set_field(built, "text", text)
    set_field(built, "lemma", lemma)
    set_field(built, "start", start)
    set_field(built, "end", end)
    return built


def mention(text: str, start: int, end: int) -> Mention:
    """``Mention(text, start, end)``, unchecked."""
    built = object.__new__(Mention)
    set_field = object.__setattr__
    set_field(built, "text", text)
    set_field(built, "start", start)
    set_field(built, "end", end)
    return built


def speaker(
    name: str, identity: str | None, kind: SpeakerKind, title: str | None, wikidata: str | None
) -> Speaker:
    """``Speaker(name, identity, kind, title, wikidata)``, unchecked."""
    built = object.__new__(Speaker)
    set_field = object.__setattr__
    set_field(built, "name", name)
    set_field(built, "id", identity)
    set_field(built, "kind", kind)
    set_field(built, "title", title)
    set_field(built, "wikidata", wikidata)
    return built
