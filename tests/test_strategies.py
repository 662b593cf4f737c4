"""Tests of quotes.strategies: valid objects, exact articles, and what `quotes.extract` finds in them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import quotes
import quotes.strategies
from quotes.lexicon import cue_lexicon, given_names, mention_lexicon
from quotes.model import Cue, Mention, Quote, QuoteKind, Speaker, SpeakerKind
from quotes.strategies import MARK_STYLES, SAFE_WORDS, SURNAMES, Article, ExpectedQuote

from strategies import articles, cues, mentions, speakers
from strategies import quotes as quote_objects

# `find` an example without shrinking it: only its existence matters.
_ANY = settings(phases=[Phase.generate], database=None)


def _python(code: str) -> str:
    """What a fresh interpreter prints running `code`."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _found(article: Article) -> dict[tuple[int, int, QuoteKind], Quote]:
    """The quotations `quotes.extract` finds in an article, by (start, end, kind)."""
    return {(q.start, q.end, q.kind): q for q in quotes.extract(article.text)}


def _key(expected: ExpectedQuote) -> tuple[int, int, QuoteKind]:
    return expected.start, expected.end, expected.kind


def _speaker(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def _same_paragraph(article: Article, start: int, end: int) -> bool:
    return "\n\n" not in article.text[start:end]


class TestImport:
    """hypothesis is needed by `quotes.strategies` alone."""

    def test_importing_quotes_does_not_import_hypothesis(self) -> None:
        """`import quotes` works without the optional extra."""
        assert _python("import sys, quotes; print('hypothesis' in sys.modules)") == "False"

    def test_without_hypothesis_the_error_names_the_extra(self) -> None:
        """The ImportError tells the user which extra to install."""
        code = (
            "import sys\n"
            "sys.modules['hypothesis'] = None\n"
            "try:\n"
            "    import quotes.strategies\n"
            "except ImportError as error:\n"
            "    print(error)\n"
        )
        assert "pip install news-quotes[strategies]" in _python(code)


class TestModelStrategies:
    """`quotes`, `speakers`, `mentions` and `cues` give valid objects."""

    @given(quote_objects())
    def test_quotes_are_valid(self, quote: Quote) -> None:
        """Offsets span the text and confidence is a probability."""
        attrs.validate(quote)
        assert quote.end - quote.start == len(quote.text)
        assert 0.0 <= quote.confidence <= 1.0

    @given(quote_objects())
    def test_dict_round_trip(self, quote: Quote) -> None:
        """from_dict(to_dict(q)) == q, through JSON too."""
        assert Quote.from_dict(quote.to_dict()) == quote
        assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote

    @pytest.mark.parametrize("part", ["speaker", "speaker_mention", "cue"])
    def test_every_optional_part_is_sometimes_present_and_sometimes_absent(self, part: str) -> None:
        """Both sides of each optional field are generated."""
        assert getattr(find(quote_objects(), lambda q: getattr(q, part) is None, settings=_ANY), part) is None
        present = find(quote_objects(), lambda q: getattr(q, part) is not None, settings=_ANY)
        assert getattr(present, part) is not None

    def test_every_kind_is_generated(self) -> None:
        """Direct, mixed and indirect quotes all come out."""
        for kind in QuoteKind:
            assert find(quote_objects(), lambda q, kind=kind: q.kind is kind, settings=_ANY).kind is kind

    @given(speakers())
    def test_speakers_are_valid(self, speaker: Speaker) -> None:
        """A speaker has a name."""
        attrs.validate(speaker)
        assert speaker.name

    @given(mentions(), cues())
    def test_mentions_and_cues_span_their_text(self, mention: Mention, cue: Cue) -> None:
        """Their offsets span their words."""
        assert mention.end - mention.start == len(mention.text)
        assert cue.end - cue.start == len(cue.text)


class TestArticles:
    """`articles` builds news-like texts and knows where their quotations are."""

    @given(articles())
    def test_expected_quotations_slice_the_text_in_order(self, article: Article) -> None:
        """text[start:end] is the quotation's words, quotations in order, never overlapping."""
        ends = [0]
        for expected in article.quotes:
            assert article.text[expected.start : expected.end] == expected.text
            assert expected.start >= ends[-1]
            ends.append(expected.end)

    @given(articles(kinds=["direct", "mixed"]))
    def test_quoted_words_sit_between_one_style_of_marks(self, article: Article) -> None:
        """Direct and mixed quotations open and close with marks of one style, left out of the span."""
        openings = {article.text[q.start - 1] for q in article.quotes}
        closings = {article.text[q.end] for q in article.quotes} - {"\n"}  # "\n": it runs on
        (style,) = [(opening, closing) for opening, closing in MARK_STYLES if opening in openings]
        assert openings == {style[0]}
        assert closings == {style[1]}

    @given(articles(kinds=["indirect"]))
    def test_reported_clauses_exclude_their_full_stop(self, article: Article) -> None:
        """An indirect quotation ends before the comma or full stop after it."""
        for expected in article.quotes:
            assert expected.kind is QuoteKind.INDIRECT
            assert article.text[expected.end] in ".,"
            assert expected.text[-1].isalpha()

    @given(articles())
    def test_quoted_words_are_safe_words(self, article: Article) -> None:
        """Every word of every quotation comes from SAFE_WORDS."""
        for expected in article.quotes:
            assert set(re.findall(r"\w+", expected.text.lower())) <= SAFE_WORDS

    def test_safe_words_are_never_cues_names_or_speaker_words(self) -> None:
        """No safe word is a cue, a given name, a title, a pronoun or a noun naming a speaker."""
        cues_ = cue_lexicon()
        cue_words = {
            word
            for table in (cues_.speech, cues_.stance, cues_.naming, cues_.names, cues_.belief, cues_.phrases)
            for form in table
            for word in form.split()
        }
        lexicon = mention_lexicon()
        speaker_words = (
            lexicon.titles
            | lexicon.person_heads
            | lexicon.organisation_heads
            | lexicon.document_heads
            | set(lexicon.pronouns)
        )
        names = {name.lower() for name in given_names().female | given_names().male}
        assert SAFE_WORDS.isdisjoint(cue_words | speaker_words | names)

    def test_surnames_are_not_given_names_or_words(self) -> None:
        """A family name is never a given name, a cue or a capitalised word that is never a name."""
        assert set(SURNAMES).isdisjoint(given_names().female | given_names().male | mention_lexicon().never)
        assert not {name.lower() for name in SURNAMES} & set(cue_lexicon().speech)

    @given(articles(kinds=["mixed"], min_quotes=2))
    def test_kinds_choose_the_templates(self, article: Article) -> None:
        """Only the kinds asked for are generated."""
        assert article.quotes
        assert {q.kind for q in article.quotes} == {QuoteKind.MIXED}

    @given(articles(min_quotes=0, max_quotes=0))
    def test_an_article_may_hold_no_quotation(self, article: Article) -> None:
        """Filler sentences alone: no quotation and no quotation mark."""
        assert article.quotes == ()
        assert article.text
        assert not set(article.text) & {mark for style in MARK_STYLES for mark in style}

    @pytest.mark.parametrize(
        "arguments", [{"kinds": []}, {"marks": []}, {"min_quotes": 3, "max_quotes": 2}, {"min_quotes": -1}]
    )
    def test_impossible_arguments_raise(self, arguments: dict[str, object]) -> None:
        """No kind, no mark style or bounds out of order are a ValueError at once."""
        with pytest.raises(ValueError, match="articles"):
            articles(**arguments)  # type: ignore[arg-type]

    def test_article_rejects_offsets_that_do_not_slice_it(self) -> None:
        """An Article's expected quotations must slice its text."""
        with pytest.raises(ValueError, match="does not slice"):
            Article("Ana Novak said no.", (ExpectedQuote("no", 0, 2, "indirect", "Ana Novak"),))


class TestExtractFindsGeneratedQuotations:
    """`quotes.extract` on generated articles: what it gets right, asserted exactly.

    Every article shape is included: single and double marks, quotations
    that run on across paragraphs, continuations before another speaker.
    """

    @given(articles(max_quotes=4))
    def test_every_quotation_is_found_with_its_span_and_kind(self, article: Article) -> None:
        """Each generated quotation comes out at its exact offsets, with its kind."""
        found = _found(article)
        for expected in article.quotes:
            assert _key(expected) in found, expected

    @given(articles(max_quotes=4))
    def test_nothing_else_is_found(self, article: Article) -> None:
        """Filler sentences, names and cues yield no quotation of their own."""
        assert set(_found(article)) == {_key(expected) for expected in article.quotes}

    @given(articles(max_quotes=4))
    def test_a_quotation_with_its_own_cue_has_its_speaker(self, article: Article) -> None:
        """Named in full, by family name, with a title or a role, or as he or she: the full name comes out."""
        found = _found(article)
        for expected in article.quotes:
            if not expected.continuation:
                assert _speaker(found[_key(expected)]) == expected.speaker, expected

    @given(articles(max_quotes=4))
    def test_a_continuation_keeps_its_speaker(self, article: Article) -> None:
        """A cue-less quotation after “...,” she said. is hers, even when another speaker follows."""
        found = _found(article)
        for expected in article.quotes:
            if expected.continuation:
                assert _speaker(found[_key(expected)]) == expected.speaker, expected


@attrs.frozen
class Cited:
    """A downstream record holding a quotation, as users' own code would."""

    quote: Quote
    outlet: str


attrs.resolve_types(Cited)  # this module's annotations are strings; hypothesis reads types


class TestTypeStrategies:
    """``st.from_type`` knows the model's types, through the package's hypothesis entry point."""

    @given(st.from_type(Quote))
    def test_from_type_gives_valid_quotes(self, quote: Quote) -> None:
        """Any quotation it gives round-trips through its dictionary."""
        assert Quote.from_dict(quote.to_dict()) == quote

    @given(st.from_type(Speaker), st.from_type(Mention), st.from_type(Cue))
    def test_and_their_parts(self, speaker: Speaker, mention: Mention, cue: Cue) -> None:
        assert speaker.name
        assert mention.end - mention.start == len(mention.text)
        assert cue.end - cue.start == len(cue.text)

    def test_builds_a_user_class_holding_a_quote(self) -> None:
        """A downstream record typed with `Quote` is built by ``st.builds`` from its annotations."""
        found = find(st.builds(Cited), lambda cited: cited.quote.speaker is not None, settings=_ANY)
        assert isinstance(found.quote, Quote)

    def test_registered_in_a_fresh_process(self) -> None:
        """Installed, the package registers its strategies when hypothesis loads: no import needed first."""
        code = (
            "from hypothesis import strategies as st; from quotes.model import Quote; "
            "print(type(st.from_type(Quote).example()).__name__)"
        )
        assert _python(code) == "Quote"


class TestParameters:
    """`quotes` and `speakers` take the kinds, whether a speaker is there, and the alphabet."""

    @given(quote_objects(["indirect"], speaker=True, alphabet="xyz "))
    def test_kinds_speaker_and_alphabet(self, quote: Quote) -> None:
        assert quote.kind is QuoteKind.INDIRECT
        assert quote.speaker is not None
        assert quote.speaker_mention is not None
        assert quote.cue is not None
        assert set(quote.text) <= set("xyz ")

    @given(quote_objects(speaker=False))
    def test_without_a_speaker(self, quote: Quote) -> None:
        assert quote.speaker is None
        assert quote.speaker_mention is None

    @given(speakers(["organisation"], registered=True, alphabet="ABC"))
    def test_registered_organisations(self, speaker: Speaker) -> None:
        assert speaker.kind is SpeakerKind.ORGANISATION
        assert speaker.id
        assert speaker.wikidata is not None
        assert set(speaker.name) <= set("ABC")

    @given(speakers(registered=False))
    def test_unregistered(self, speaker: Speaker) -> None:
        assert speaker.id is None
        assert speaker.wikidata is None

    def test_a_name_that_does_not_shadow_the_package(self) -> None:
        """``from quotes.strategies import quotations`` leaves the name ``quotes`` to the package."""
        assert (
            _python("import quotes; from quotes.strategies import quotations; print(quotes.__name__)")
            == "quotes"
        )
        assert quotes.strategies.quotations is quotes.strategies.quotes
