"""Tests of quotes.model: the typed data model."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given

from quotes.model import Cue, Mention, Quote, QuoteKind, Speaker, SpeakerKind

from strategies import quotes


class TestQuote:
    """`Quote` holds words with offsets and survives serialisation."""

    def test_quote_is_frozen(self) -> None:
        """A quote cannot be changed after it is made."""
        quote = Quote("hi", 0, 2)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            quote.start = 1  # type: ignore[misc]

    def test_kind_converts_from_string(self) -> None:
        """The kind may be given by its value."""
        assert Quote("hi", 0, 2, kind="mixed").kind is QuoteKind.MIXED

    def test_offsets_must_be_ordered(self) -> None:
        """start <= end is an invariant."""
        with pytest.raises(ValueError, match="start <= end"):
            Quote("", 5, 4)

    def test_text_length_must_match_offsets(self) -> None:
        """The text is exactly the span between the offsets."""
        with pytest.raises(ValueError, match="cannot span"):
            Quote("hello", 0, 3)

    def test_confidence_is_a_probability(self) -> None:
        """Confidence outside [0, 1] is rejected."""
        with pytest.raises(ValueError, match="Confidence"):
            Quote("hi", 0, 2, confidence=1.5)

    def test_unknown_kind_is_rejected(self) -> None:
        """Only direct, mixed and indirect exist."""
        with pytest.raises(ValueError, match="partial"):
            Quote("hi", 0, 2, kind="partial")

    def test_to_dict_is_flat_and_json_ready(self) -> None:
        """Every value of the dictionary is a JSON scalar."""
        quote = Quote(
            "We are ready",
            10,
            22,
            QuoteKind.DIRECT,
            Speaker("Dmitry Peskov", "dmitry-peskov", SpeakerKind.PERSON, "Kremlin spokesman"),
            Mention("Peskov", 25, 31),
            Cue("said", "say", 32, 36),
            0.9,
        )
        data = quote.to_dict()
        assert data["speaker"] == "Dmitry Peskov"
        assert data["speaker_mention"] == "Peskov"
        assert data["cue_lemma"] == "say"
        assert all(not isinstance(value, (dict, list)) for value in data.values())
        assert json.loads(json.dumps(data)) == data

    def test_from_dict_names_a_missing_field(self) -> None:
        """A dictionary without offsets is an error that names the field."""
        with pytest.raises(ValueError, match="start"):
            Quote.from_dict({"text": "hi", "end": 2, "kind": "direct"})

    @given(quotes())
    def test_dict_round_trip(self, quote: Quote) -> None:
        """from_dict(to_dict(q)) == q, through JSON too."""
        assert Quote.from_dict(quote.to_dict()) == quote
        assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote


class TestSpeaker:
    """`Speaker` is a canonical identity."""

    def test_defaults_to_unregistered_unknown(self) -> None:
        """A bare name is an unregistered speaker of unknown kind."""
        speaker = Speaker("Kino Gabriel")
        assert speaker.id is None
        assert speaker.kind is SpeakerKind.UNKNOWN
