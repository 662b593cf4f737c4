"""The typed data model that downstream code consumes.

Every class is a frozen, slotted ``attrs`` class holding plain text and
character offsets into the original document, never spaCy objects, so that
quotations pickle, cross process boundaries and serialise to JSON.
"""

from __future__ import annotations

import datetime
import enum
import numbers
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from quotes.errors import Errors

__all__ = ["Cue", "DateSource", "Mention", "Quote", "QuoteKind", "Speaker", "SpeakerKind"]


class QuoteKind(enum.StrEnum):
    """What kind of quotation a `Quote` is."""

    # hashed as the string it equals, in C: `Enum.__hash__` is Python code, and hashes the name
    __hash__ = str.__hash__

    DIRECT = "direct"
    """A whole statement inside quotation marks."""
    MIXED = "mixed"
    """A quoted fragment inside a paraphrase: agreed to take "urgent measures"."""
    INDIRECT = "indirect"
    """Reported speech without quotation marks: Peskov said that ..."""


class SpeakerKind(enum.StrEnum):
    """Whether a speaker is a person or an organisation."""

    # hashed as the string it equals, in C: `Enum.__hash__` is Python code, and hashes the name
    __hash__ = str.__hash__

    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
_Wanted = tuple[Callable[[object], bool], str]
"""A type check and what it wants, for messages: "a str"."""


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_int(value: object) -> bool:
    """Whether `value` is an int; a bool is not one, though Python says it is."""
    return isinstance(value, int) and not isinstance(value, bool)


_A_STR: _Wanted = (_is_str, "a str")
_AN_INT: _Wanted = (_is_int, "an int")


def _must_be(wanted: _Wanted, *, optional: bool = False, exact: type | None = None) -> _Validator:
    """A validator raising a `TypeError` that names the field where the check fails.

    Args:
        wanted: The check and what it wants, for the message.
        optional: Whether None passes too.
        exact: A type whose instances pass without `check`: the common case
            answered by one comparison, as every quotation builds several parts.
    """
    check, expected = wanted
    if optional:
        expected += " or None"

    def validate(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is exact or (optional and value is None):
            return
        if not check(value):
            owner = type(instance).__name__
            raise TypeError(
                Errors.E007.format(owner=owner, field=attribute.name, expected=expected, value=value)
            )

    return validate


def _must_be_a(cls: type) -> _Validator:
    """A validator for an optional part: an instance of `cls` or None."""
    return _must_be((lambda value: isinstance(value, cls), f"a {cls.__name__}"), optional=True, exact=cls)


_STR = _must_be(_A_STR, exact=str)
_OPTIONAL_STR = _must_be(_A_STR, optional=True, exact=str)
_OFFSET = _must_be(_AN_INT, exact=int)


def _check_span(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    """Validate that a (start, end) pair is ordered and matches the text length."""
    if attribute.name != "end":
        return
    start, text = instance.start, instance.text
    if not 0 <= start <= value:
        raise ValueError(Errors.E002.format(start=start, end=value))
    if len(text) != value - start:
        raise ValueError(f"text of length {len(text)} cannot span offsets {start}..{value}")


def _confidence(value: float) -> float:
    """Convert a confidence to a float, checking that it is a probability.

    Raises:
        TypeError: `value` is not a real number (a bool is not one).
        ValueError: `value` lies outside [0, 1].
    """
    if type(value) is not float:
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            expected = "a number between 0 and 1"
            raise TypeError(
                Errors.E007.format(owner="Quote", field="confidence", expected=expected, value=value)
            )
        value = float(value)
    if not 0.0 <= value <= 1.0:
        raise ValueError(Errors.E005.format(value=value))
    return value


class DateSource(enum.StrEnum):
    """Where the day a quotation's speaker was resolved on came from (`Quote.date_source`)."""

    __hash__ = str.__hash__

    GIVEN = "given"
    """The caller gave it (``published=``)."""
    DATELINE = "dateline"
    """The article states it near its start ("MOSCOW, Oct. 29, 2019")."""
    NONE = "none"
    """No date: a role names its holder only where the registry knows a single one, ever."""


_Kind = TypeVar("_Kind", QuoteKind, SpeakerKind, DateSource)


def _to_kind(cls: type[_Kind], message: str, value: _Kind | str) -> _Kind:
    """`value` as a member of `cls`; an unknown value is a `ValueError` with `message`."""
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(kind.value for kind in cls)
        raise ValueError(message.format(value=value, choices=choices)) from None


def _quote_kind(value: QuoteKind | str) -> QuoteKind:
    """Convert a kind's value to a `QuoteKind`; unknown values are a `ValueError`."""
    return _to_kind(QuoteKind, Errors.E003, value)


def _speaker_kind(value: SpeakerKind | str) -> SpeakerKind:
    """Convert a kind's value to a `SpeakerKind`; unknown values are a `ValueError`."""
    return _to_kind(SpeakerKind, Errors.E004, value)


def _date_source(value: DateSource | str) -> DateSource:
    """Convert a source's value to a `DateSource`; unknown values are a `ValueError`."""
    return _to_kind(DateSource, Errors.E018, value)


def _is_day(value: object) -> bool:
    """Whether `value` is a day: a `datetime.date` that is not a `datetime.datetime`."""
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def _check_day(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not _is_day(value):
        expected = "a datetime.date or None"
        owner = type(instance).__name__
        raise TypeError(Errors.E007.format(owner=owner, field=attribute.name, expected=expected, value=value))


@attrs.frozen
class Mention:
    """Words in the document that name a speaker: "he", "the Kremlin spokesman".

    Attributes:
        text: The words, exactly as in the document.
        start: Offset of the first character.
        end: Offset after the last character.
    """

    text: str = attrs.field(validator=_STR)
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=[_OFFSET, _check_span])


@attrs.frozen
class Cue:
    """The reporting words that introduce a quotation: "said", "according to".

    Attributes:
        text: The words, exactly as in the document.
        lemma: Their dictionary form ("say", "according to").
        start: Offset of the first character.
        end: Offset after the last character.
    """

    text: str = attrs.field(validator=_STR)
    lemma: str = attrs.field(validator=_STR)
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=[_OFFSET, _check_span])


@attrs.frozen
class Speaker:
    """The canonical identity behind a quotation.

    Attributes:
        name: Canonical name ("Dmitry Peskov", "the Kremlin").
        id: Registry id, or None for a speaker nobody registered.
        kind: Person or organisation.
        title: The role under which the speaker is known, if any.
        wikidata: The speaker's Wikidata item ("Q7747"), where the registry knows it.
    """

    name: str = attrs.field(validator=_STR)
    id: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    kind: SpeakerKind = attrs.field(default=SpeakerKind.UNKNOWN, converter=_speaker_kind)
    title: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    wikidata: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)


@attrs.frozen
class Quote:
    """One quotation found in a document.

    The invariant ``document[q.start:q.end] == q.text`` always holds; for direct
    and mixed quotes the span is the words between the quotation marks, without
    the marks.

    Attributes:
        text: The quoted words.
        start: Offset of the first character in the document.
        end: Offset after the last character.
        kind: Direct, mixed or indirect.
        speaker: Who said it, or None where the text does not say.
        speaker_mention: The words naming the speaker at this quote.
        cue: The reporting words, if any.
        confidence: How sure the extractor is, between 0 and 1.
        date: The day the speaker's role was resolved on (who held "the foreign
            minister" that day), or None.
        date_source: Where `date` came from: given by the caller, stated in the
            article's dateline, or none.
    """

    text: str = attrs.field(validator=_STR)
    start: int = attrs.field(validator=_OFFSET)
    end: int = attrs.field(validator=[_OFFSET, _check_span])
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=_quote_kind)
    speaker: Speaker | None = attrs.field(default=None, validator=_must_be_a(Speaker))
    speaker_mention: Mention | None = attrs.field(default=None, validator=_must_be_a(Mention))
    cue: Cue | None = attrs.field(default=None, validator=_must_be_a(Cue))
    confidence: float = attrs.field(default=1.0, converter=_confidence)
    date: datetime.date | None = attrs.field(default=None, validator=_check_day)
    date_source: DateSource = attrs.field(default=DateSource.NONE, converter=_date_source)

    def to_dict(self) -> dict[str, Any]:
        """Return a flat JSON-ready dictionary; `from_dict` inverts it.

        Flat keys (``speaker``, ``speaker_id``, ``cue_start`` ...) make the
        dictionary a table row as it is, for CSV, pandas and Dask.
        """
        speaker, mention, cue = self.speaker, self.speaker_mention, self.cue
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "speaker": speaker.name if speaker else None,
            "speaker_id": speaker.id if speaker else None,
            "speaker_kind": speaker.kind.value if speaker else None,
            "speaker_title": speaker.title if speaker else None,
            "speaker_wikidata": speaker.wikidata if speaker else None,
            "speaker_mention": mention.text if mention else None,
            "speaker_mention_start": mention.start if mention else None,
            "speaker_mention_end": mention.end if mention else None,
            "cue": cue.text if cue else None,
            "cue_lemma": cue.lemma if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "confidence": self.confidence,
            "date": self.date.isoformat() if self.date is not None else None,
            "date_source": self.date_source.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build a quote from the dictionary `to_dict` returns.

        Every value must have the type `to_dict` gives it: offsets are ints
        (not floats, not bools), texts are strings, optional parts are None
        where absent. The ``speaker_*``, ``speaker_mention_*`` and ``cue_*``
        keys are read only where ``speaker``, ``speaker_mention`` and ``cue``
        are given; ``speaker_id``, ``speaker_kind``, ``speaker_title``,
        ``speaker_wikidata``, ``confidence``, ``date`` (an ISO date) and
        ``date_source`` may be left out.

        Raises:
            ValueError: `data` is not a mapping, or a field is missing or
                invalid; the message names the field.
        """
        if not isinstance(data, Mapping):
            raise ValueError(Errors.E008.format(type=type(data).__name__))
        speaker = None
        name = _read(data, "speaker", _A_STR, optional=True)
        if name is not None:
            speaker = _made(
                "speaker_kind",
                Speaker,
                name=name,
                id=_read(data, "speaker_id", _A_STR, optional=True),
                kind=_read(data, "speaker_kind", _A_STR, optional=True) or SpeakerKind.UNKNOWN,
                title=_read(data, "speaker_title", _A_STR, optional=True),
                wikidata=_read(data, "speaker_wikidata", _A_STR, optional=True),
            )
        mention = None
        words = _read(data, "speaker_mention", _A_STR, optional=True)
        if words is not None:
            start = _read(data, "speaker_mention_start", _AN_INT)
            end = _read(data, "speaker_mention_end", _AN_INT)
            mention = _made("speaker_mention_end", Mention, words, start, end)
        cue = None
        words = _read(data, "cue", _A_STR, optional=True)
        if words is not None:
            lemma = _read(data, "cue_lemma", _A_STR)
            start = _read(data, "cue_start", _AN_INT)
            end = _read(data, "cue_end", _AN_INT)
            cue = _made("cue_end", Cue, words, lemma, start, end)
        return _made(
            "end",
            cls,
            text=_read(data, "text", _A_STR),
            start=_read(data, "start", _AN_INT),
            end=_read(data, "end", _AN_INT),
            kind=_made("kind", _quote_kind, _read(data, "kind", _A_STR)),
            speaker=speaker,
            speaker_mention=mention,
            cue=cue,
            confidence=_made("confidence", _confidence, data.get("confidence", 1.0)),
            date=_made("date", _iso_day, _read(data, "date", _A_STR, optional=True)),
            date_source=_made(
                "date_source", _date_source, _read(data, "date_source", _A_STR, optional=True) or "none"
            ),
        )


_T = TypeVar("_T")


def _iso_day(value: str | None) -> datetime.date | None:
    """The day an ISO date string names; None stays None."""
    return datetime.date.fromisoformat(value) if value is not None else None


def _read(data: Mapping[str, Any], key: str, wanted: _Wanted, *, optional: bool = False) -> Any:
    """The value of `key`, checked; an optional key may be absent or None.

    Raises:
        ValueError: The key is missing, or its value fails `check`.
    """
    if key not in data:
        if optional:
            return None
        raise ValueError(Errors.E006.format(field=key, reason="missing"))
    value = data[key]
    check, expected = wanted
    if check(value) or (optional and value is None):
        return value
    raise ValueError(Errors.E006.format(field=key, reason=f"expected {expected}, got {value!r}"))


def _made(field: str, make: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
    """``make(*args, **kwargs)``, its errors a `ValueError` naming `field` of the dictionary."""
    try:
        return make(*args, **kwargs)
    except (TypeError, ValueError) as err:
        raise ValueError(Errors.E006.format(field=field, reason=str(err).rstrip("."))) from None
