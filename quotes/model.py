"""The typed data model that downstream code consumes.

Every class is a frozen, slotted ``attrs`` class holding plain text and
character offsets into the original document, never spaCy objects, so that
quotations pickle, cross process boundaries and serialise to JSON.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs

from quotes.errors import Errors

__all__ = ["Cue", "Mention", "Quote", "QuoteKind", "Speaker", "SpeakerKind"]


class QuoteKind(enum.StrEnum):
    """What kind of quotation a `Quote` is."""

    DIRECT = "direct"
    """A whole statement inside quotation marks."""
    MIXED = "mixed"
    """A quoted fragment inside a paraphrase: agreed to take "urgent measures"."""
    INDIRECT = "indirect"
    """Reported speech without quotation marks: Peskov said that ..."""


class SpeakerKind(enum.StrEnum):
    """Whether a speaker is a person or an organisation."""

    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


def _check_span(instance: Any, attribute: attrs.Attribute[int], value: int) -> None:
    """Validate that a (start, end) pair is ordered and matches the text length."""
    if attribute.name != "end":
        return
    start, text = instance.start, instance.text
    if not 0 <= start <= value:
        raise ValueError(Errors.E002.format(start=start, end=value))
    if len(text) != value - start:
        raise ValueError(f"text of length {len(text)} cannot span offsets {start}..{value}")


def _check_confidence(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    """Validate that a confidence is a probability."""
    if not 0.0 <= value <= 1.0:
        raise ValueError(Errors.E005.format(value=value))


@attrs.frozen
class Mention:
    """Words in the document that name a speaker: "he", "the Kremlin spokesman".

    Attributes:
        text: The words, exactly as in the document.
        start: Offset of the first character.
        end: Offset after the last character.
    """

    text: str
    start: int
    end: int = attrs.field(validator=_check_span)


@attrs.frozen
class Cue:
    """The reporting words that introduce a quotation: "said", "according to".

    Attributes:
        text: The words, exactly as in the document.
        lemma: Their dictionary form ("say", "according to").
        start: Offset of the first character.
        end: Offset after the last character.
    """

    text: str
    lemma: str
    start: int
    end: int = attrs.field(validator=_check_span)


@attrs.frozen
class Speaker:
    """The canonical identity behind a quotation.

    Attributes:
        name: Canonical name ("Dmitry Peskov", "the Kremlin").
        id: Registry id, or None for a speaker nobody registered.
        kind: Person or organisation.
        title: The role under which the speaker is known, if any.
    """

    name: str
    id: str | None = None
    kind: SpeakerKind = attrs.field(default=SpeakerKind.UNKNOWN, converter=SpeakerKind)
    title: str | None = None


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
    """

    text: str
    start: int
    end: int = attrs.field(validator=_check_span)
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=QuoteKind)
    speaker: Speaker | None = None
    speaker_mention: Mention | None = None
    cue: Cue | None = None
    confidence: float = attrs.field(default=1.0, converter=float, validator=_check_confidence)

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
            "speaker_mention": mention.text if mention else None,
            "speaker_mention_start": mention.start if mention else None,
            "speaker_mention_end": mention.end if mention else None,
            "cue": cue.text if cue else None,
            "cue_lemma": cue.lemma if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Build a quote from the dictionary `to_dict` returns.

        Raises:
            ValueError: A field is missing or invalid.
        """
        try:
            speaker = None
            if data.get("speaker") is not None:
                speaker = Speaker(
                    name=data["speaker"],
                    id=data.get("speaker_id"),
                    kind=data.get("speaker_kind") or SpeakerKind.UNKNOWN,
                    title=data.get("speaker_title"),
                )
            mention = None
            if data.get("speaker_mention") is not None:
                mention = Mention(
                    data["speaker_mention"],
                    data["speaker_mention_start"],
                    data["speaker_mention_end"],
                )
            cue = None
            if data.get("cue") is not None:
                cue = Cue(data["cue"], data["cue_lemma"], data["cue_start"], data["cue_end"])
            return cls(
                text=data["text"],
                start=data["start"],
                end=data["end"],
                kind=data["kind"],
                speaker=speaker,
                speaker_mention=mention,
                cue=cue,
                confidence=data.get("confidence", 1.0),
            )
        except KeyError as err:
            raise ValueError(Errors.E006.format(field=err.args[0], reason="missing")) from None
