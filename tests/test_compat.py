"""Tests of quotes.compat: textacy's ``direct_quotations``, as a drop-in."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span, Token
from textacy.extract import triples as textacy_triples

import quotes
from quotes.compat import DQTriple, direct_quotations
from quotes.model import QuoteKind

from conftest import load_trained_pipeline

_SAID = '"We are ready to talk to anyone," Peskov told reporters on Monday.'


@pytest.fixture(scope="module")
def blank() -> Language:
    """A blank English pipeline: a tokenizer and nothing else."""
    return spacy.blank("en")


def _texts(triple: DQTriple) -> tuple[list[str], list[str], str]:
    return [t.text for t in triple.speaker], [t.text for t in triple.cue], triple.content.text


class TestShape:
    """The triples have textacy's shape."""

    def test_same_fields_as_textacy(self) -> None:
        """Speaker, cue and content, in textacy's order."""
        assert DQTriple._fields == textacy_triples.DQTriple._fields

    def test_field_types(self, blank: Language) -> None:
        """Lists of tokens for speaker and cue, a span for the content."""
        [triple] = direct_quotations(blank(_SAID))
        speaker, cue, content = triple
        assert isinstance(speaker, list)
        assert all(isinstance(token, Token) for token in speaker)
        assert isinstance(cue, list)
        assert all(isinstance(token, Token) for token in cue)
        assert isinstance(content, Span)


class TestDirectQuotations:
    """`direct_quotations` yields one triple per direct or mixed quotation."""

    def test_a_quote_its_speaker_and_cue(self, blank: Language) -> None:
        """The speaker and cue are the tokens of their mentions; the content is the quoted words."""
        [triple] = direct_quotations(blank(_SAID))
        assert _texts(triple) == (["Peskov"], ["told"], "We are ready to talk to anyone,")

    def test_one_triple_per_quoted_quotation_of_a_seed(
        self, blank: Language, seed_texts: dict[str, str]
    ) -> None:
        """Every direct and mixed quotation of a seed, in order, and nothing else."""
        for text in seed_texts.values():
            expected = [q for q in quotes.extract(text) if q.kind is not QuoteKind.INDIRECT]
            found = list(direct_quotations(blank(text)))
            assert len(found) == len(expected)
            for triple, quote in zip(found, expected, strict=True):
                assert triple.content.start_char <= quote.start
                assert quote.end <= triple.content.end_char
                if quote.speaker_mention is not None:
                    assert triple.speaker[0].idx <= quote.speaker_mention.start
                else:
                    assert triple.speaker == []

    def test_unknown_speaker_and_cue_are_empty_lists(self, blank: Language) -> None:
        """A quotation nobody is named for still comes out."""
        [triple] = direct_quotations(blank('"We are ready."'))
        assert _texts(triple) == ([], [], "We are ready.")

    @pytest.mark.xfail(
        strict=True,
        reason="known limitation of the learned ranker: a thing that 'went on' after a quote, "
        "read as a speaker who went on talking (the rules give no speaker here)",
    )
    def test_a_thing_that_goes_on_is_no_speaker(self, blank: Language) -> None:
        [triple] = direct_quotations(blank('"We are ready." The talks went on.'))
        assert _texts(triple) == ([], [], "We are ready.")

    def test_indirect_speech_is_no_triple(self, blank: Language) -> None:
        """Reported speech without quotation marks is not a direct quotation."""
        text = "Peskov said that the Kremlin had no plans to change anything."
        assert [q.kind for q in quotes.extract(text)] == [QuoteKind.INDIRECT]
        assert list(direct_quotations(blank(text))) == []

    def test_an_odd_quotation_mark_costs_no_document(self, blank: Language) -> None:
        """Where textacy raises on an odd number of marks, the closed quotation still comes out."""
        doc = blank(_SAID + '\n\nHe walked out. "Nothing more')
        with pytest.raises(ValueError, match="quotation marks"):
            list(textacy_triples.direct_quotations(doc))
        assert [_texts(t) for t in direct_quotations(doc)] == [
            (["Peskov"], ["told"], "We are ready to talk to anyone,")
        ]

    def test_uses_the_quotations_the_component_stored(self) -> None:
        """On a doc of a pipeline with the component, its configuration holds."""
        text = '"We are ready," Peskov said. The talks were called "a step forward for all".'
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes", config={"kinds": ["mixed"]})
        assert [t.content.text for t in direct_quotations(nlp(text))] == ["a step forward for all"]


@pytest.mark.trained
class TestSideBySide:
    """On a trained pipeline's doc, both systems agree where both are right."""

    def test_same_speaker_and_cue_content_without_marks(self, trained_nlp: Language) -> None:
        """textacy's content holds the quotation marks; ours is the words between them."""
        doc = trained_nlp(_SAID)
        [theirs] = textacy_triples.direct_quotations(doc)
        [ours] = direct_quotations(doc)
        assert [t.i for t in ours.speaker] == [t.i for t in theirs.speaker]
        assert [t.i for t in ours.cue] == [t.i for t in theirs.cue]
        assert (ours.content.start, ours.content.end) == (theirs.content.start + 1, theirs.content.end - 1)

    def test_same_triples_with_or_without_the_component(
        self, trained_nlp: Language, seed_texts: dict[str, str]
    ) -> None:
        """On a trained doc, the triples read from the component equal those found from the doc."""
        with_component = load_trained_pipeline()
        with_component.add_pipe("quotes")
        for text in seed_texts.values():
            found = [_texts(t) for t in direct_quotations(trained_nlp(text))]
            assert [_texts(t) for t in direct_quotations(with_component(text))] == found
