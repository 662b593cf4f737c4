"""Tests of quotes.model: the typed data model."""

from __future__ import annotations

import datetime
import json

import attrs
import pytest
from hypothesis import given

from quotes.model import Cue, DateSource, Mention, Quote, QuoteKind, Speaker, SpeakerKind

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

    def test_to_dict_carries_the_date_and_the_wikidata_item(self) -> None:
        """The day a role was resolved on, in ISO form, where it came from, and the speaker's item."""
        quote = Quote(
            "We are ready",
            0,
            12,
            speaker=Speaker("Dmitry Peskov", "dmitry-peskov", SpeakerKind.PERSON, wikidata="Q4164950"),
            date=datetime.date(2019, 10, 29),
            date_source=DateSource.DATELINE,
        )
        data = quote.to_dict()
        assert (data["speaker_wikidata"], data["date"], data["date_source"]) == (
            "Q4164950",
            "2019-10-29",
            "dateline",
        )
        assert Quote.from_dict(data) == quote

    def test_an_undated_quote_says_so(self) -> None:
        """Without a date the source is "none", and a dictionary may leave both out."""
        data = Quote("hi", 0, 2).to_dict()
        assert (data["date"], data["date_source"]) == (None, "none")
        del data["date"], data["date_source"]
        assert Quote.from_dict(data).date_source is DateSource.NONE

    @pytest.mark.parametrize("date", [datetime.datetime(2019, 10, 29, 8), "2019-10-29", 20191029])
    def test_a_date_is_a_day(self, date: object) -> None:
        """A time of day, a string or a number is no `datetime.date`: refused when the quote is made."""
        with pytest.raises(TypeError, match=r"^Quote\.date must be a datetime\.date or None"):
            Quote("hi", 0, 2, date=date)  # type: ignore[arg-type]

    def test_from_dict_names_a_missing_field(self) -> None:
        """A dictionary without offsets is an error that names the field."""
        with pytest.raises(ValueError, match="start"):
            Quote.from_dict({"text": "hi", "end": 2, "kind": "direct"})

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            ("text", ["h", "i"]),
            ("start", False),
            ("end", 2.0),
            ("speaker", "Peskov"),
            ("speaker_mention", "he"),
            ("cue", "said"),
            ("confidence", "0.9"),
            ("confidence", True),
        ],
    )
    def test_a_field_of_the_wrong_type_is_a_type_error_naming_it(self, field: str, value: object) -> None:
        """A list for the text, a bool or float for an offset, a name for a Speaker: each is refused."""
        fields: dict[str, object] = {"text": "hi", "start": 0, "end": 2, field: value}
        with pytest.raises(TypeError, match=rf"^Quote\.{field} must be "):
            Quote(**fields)  # type: ignore[arg-type]

    def test_a_whole_number_confidence_becomes_a_float(self) -> None:
        """``confidence=1`` is the float 1.0, as `to_dict` writes it."""
        assert type(Quote("hi", 0, 2, confidence=1).confidence) is float

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"text": ["h", "i"]}, "text"),
            ({"start": None}, "start"),
            ({"start": True}, "start"),
            ({"end": 2.0}, "end"),
            ({"end": "2"}, "end"),
            ({"end": 5}, "end"),
            ({"kind": "partial"}, "kind"),
            ({"kind": 1}, "kind"),
            ({"speaker": 5}, "speaker"),
            ({"speaker": "Peskov", "speaker_id": 7}, "speaker_id"),
            ({"speaker": "Peskov", "speaker_kind": "robot"}, "speaker_kind"),
            ({"speaker_mention": "he", "speaker_mention_start": 5}, "speaker_mention_end"),
            (
                {"speaker_mention": "he", "speaker_mention_start": 5, "speaker_mention_end": 7.0},
                "speaker_mention_end",
            ),
            (
                {"speaker_mention": "he", "speaker_mention_start": 5, "speaker_mention_end": 9},
                "speaker_mention_end",
            ),
            ({"cue": "said", "cue_lemma": "say", "cue_start": None, "cue_end": 4}, "cue_start"),
            ({"cue": "said", "cue_lemma": None, "cue_start": 0, "cue_end": 4}, "cue_lemma"),
            ({"confidence": "high"}, "confidence"),
            ({"confidence": None}, "confidence"),
            ({"confidence": False}, "confidence"),
            ({"confidence": 1.5}, "confidence"),
            ({"date": "29/10/2019"}, "date"),
            ({"date": 20191029}, "date"),
            ({"date_source": "rumour"}, "date_source"),
            ({"speaker": "Ann Lee", "speaker_wikidata": 42}, "speaker_wikidata"),
        ],
    )
    def test_from_dict_raises_value_error_naming_the_field_for_any_malformed_dictionary(
        self, changes: dict[str, object], field: str
    ) -> None:
        """A wrong type, a bool for a number or a bad value: the documented ValueError, not TypeError."""
        data = {**Quote("hi", 0, 2).to_dict(), **changes}
        with pytest.raises(ValueError, match=rf"^Cannot read '{field}' from a quote dictionary: "):
            Quote.from_dict(data)

    @pytest.mark.parametrize("data", [None, ["hi", 0, 2], '{"text": "hi"}'])
    def test_from_dict_of_something_not_a_mapping_is_a_value_error(self, data: object) -> None:
        """A list, a string or None is the documented ValueError, not an AttributeError."""
        with pytest.raises(ValueError, match="must be a mapping"):
            Quote.from_dict(data)  # type: ignore[arg-type]

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

    @pytest.mark.parametrize(
        ("field", "value"), [("name", 5), ("name", None), ("id", 7), ("title", ["minister"])]
    )
    def test_a_field_of_the_wrong_type_is_a_type_error_naming_it(self, field: str, value: object) -> None:
        """A number for a name, a list for a title: refused when the speaker is made."""
        fields: dict[str, object] = {"name": "Kino Gabriel", field: value}
        with pytest.raises(TypeError, match=rf"^Speaker\.{field} must be a str"):
            Speaker(**fields)  # type: ignore[arg-type]

    def test_an_unknown_kind_is_named_with_the_choices(self) -> None:
        """A kind that does not exist says which ones do."""
        with pytest.raises(
            ValueError, match=r"Unknown speaker kind 'robot'; expected one of person, organisation"
        ):
            Speaker("R2", kind="robot")


class TestMention:
    """`Mention` holds words and their offsets."""

    @pytest.mark.parametrize(("field", "value"), [("text", None), ("start", 0.0), ("end", True)])
    def test_a_field_of_the_wrong_type_is_a_type_error_naming_it(self, field: str, value: object) -> None:
        """Text is a str, offsets are ints (not floats, not bools)."""
        fields: dict[str, object] = {"text": "he", "start": 0, "end": 2, field: value}
        with pytest.raises(TypeError, match=rf"^Mention\.{field} must be "):
            Mention(**fields)  # type: ignore[arg-type]


class TestCue:
    """`Cue` holds reporting words, their lemma and offsets."""

    @pytest.mark.parametrize(
        ("field", "value"), [("text", b"said"), ("lemma", 5), ("start", "0"), ("end", 4.0)]
    )
    def test_a_field_of_the_wrong_type_is_a_type_error_naming_it(self, field: str, value: object) -> None:
        """Text and lemma are strs, offsets are ints."""
        fields: dict[str, object] = {"text": "said", "lemma": "say", "start": 0, "end": 4, field: value}
        with pytest.raises(TypeError, match=rf"^Cue\.{field} must be "):
            Cue(**fields)  # type: ignore[arg-type]


class TestKinds:
    @pytest.mark.parametrize("kind", [*QuoteKind, *SpeakerKind])
    def test_a_kind_is_found_by_the_string_it_equals(self, kind: QuoteKind | SpeakerKind) -> None:
        """A kind equals its value, so it hashes as its value: a dict keyed by kinds takes strings."""
        assert kind == kind.value
        assert {kind: 1}[kind.value] == 1
