"""Tests of quotes.unchecked: what the extractor builds is what the checked constructors build."""

from __future__ import annotations

import attrs
from hypothesis import given

import quotes
from quotes import unchecked
from quotes.model import Cue, Mention, Quote, Speaker
from quotes.strategies import cues, mentions, newsy_text, speakers
from quotes.strategies import quotes as generated_quotes


def _checked(built: Quote) -> Quote:
    """`built` made again by the checked constructor, from its own fields (and its parts')."""
    fields = {field.name: getattr(built, field.name) for field in attrs.fields(Quote)}
    if built.cue is not None:
        fields["cue"] = Cue(**attrs.asdict(built.cue))
    if built.speaker_mention is not None:
        fields["speaker_mention"] = Mention(**attrs.asdict(built.speaker_mention))
    if built.speaker is not None:
        fields["speaker"] = Speaker(**attrs.asdict(built.speaker))
    return Quote(**fields)


class TestUnchecked:
    """Built unchecked from valid parts, a quotation equals the checked one in every field."""

    @given(generated_quotes())
    def test_a_quote_is_the_checked_one(self, quote: Quote) -> None:
        parts = [getattr(quote, field.name) for field in attrs.fields(Quote)]
        assert unchecked.quote(*parts) == quote
        assert attrs.asdict(unchecked.quote(*parts)) == attrs.asdict(quote)

    @given(cues())
    def test_a_cue_is_the_checked_one(self, cue: Cue) -> None:
        assert unchecked.cue(cue.text, cue.lemma, cue.start, cue.end) == cue

    @given(speakers())
    def test_a_speaker_is_the_checked_one(self, speaker: Speaker) -> None:
        built = unchecked.speaker(speaker.name, speaker.id, speaker.kind, speaker.title, speaker.wikidata)
        assert built == speaker

    @given(mentions())
    def test_a_mention_is_the_checked_one(self, mention: Mention) -> None:
        assert unchecked.mention(mention.text, mention.start, mention.end) == mention

    def test_the_seeds_quotations_pass_the_checks(self, seed_texts: dict[str, str]) -> None:
        """Every quotation the extractor builds, checked again: the same object, no error."""
        for text in seed_texts.values():
            for quote in quotes.extract(text):
                assert _checked(quote) == quote

    @given(newsy_text())
    def test_any_articles_quotations_pass_the_checks(self, text: str) -> None:
        for quote in quotes.extract(text):
            assert _checked(quote) == quote
