"""Tests of `quotes.tokenizer`: the news-aware tokenizer and the sentencizer."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from quotes.tokenizer import NewsTokenizer, QuoteSentencizer, create_news_tokenizer

from conftest import load_trained_pipeline

NEWS_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "quotes.NewsTokenizer.v1"}}}

# Quotation marks, apostrophes, brackets, dashes and every kind of space: the
# characters the tokenizer re-splits and re-joins.
NEWS_ALPHABET = st.sampled_from(
    [
        *"aZ9 .,:;?!/[]()-",
        *"\u00a0\n\t\r\u2014\u2013",
        *"\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02",
        *["Russia", "countries", "said", "90s", "TASS", "T]his"],
    ]
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """A blank English pipeline."""
    return spacy.blank("en")


@pytest.fixture(scope="module")
def tokenizer(nlp: Language) -> NewsTokenizer:
    """A news tokenizer on the blank pipeline's vocabulary."""
    return NewsTokenizer(nlp.vocab)


def words(tokenizer: NewsTokenizer, text: str) -> list[str]:
    """The token texts of `text`."""
    return [token.text for token in tokenizer(text)]


class TestNewsTokenizer:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("He said “We are ready” today.", ["He", "said", "“", "We", "are", "ready", "”", "today", "."]),
            ('He said "We are ready" today.', ["He", "said", '"', "We", "are", "ready", '"', "today", "."]),
            ("He said ‘We are ready’ today.", ["He", "said", "‘", "We", "are", "ready", "’", "today", "."]),
            ("'We are ready,' he said.", ["'", "We", "are", "ready", ",", "'", "he", "said", "."]),
            ("«Nyet,» he said.", ["«", "Nyet", ",", "»", "he", "said", "."]),
        ],
    )
    def test_quotation_marks_are_tokens(self, tokenizer, text, expected):
        """Each mark acting as a quotation mark is a token of its own."""
        assert words(tokenizer, text) == expected

    def test_nested_quotation_marks_are_tokens(self, tokenizer):
        """Single marks of a quote inside a quote are tokens too."""
        assert words(tokenizer, "“He said ‘no’ to me,” she said.") == [
            "“", "He", "said", "‘", "no", "’", "to", "me", ",", "”", "she", "said", ".",
        ]  # fmt: skip

    def test_adjacent_quotations_are_split(self, tokenizer):
        """Two quotations with nothing between them give four mark tokens."""
        assert words(tokenizer, "“Yes”/“No”") == ["“", "Yes", "”", "/", "“", "No", "”"]

    @pytest.mark.parametrize("text", ["The countries’ leaders met.", "The countries' leaders met."])
    def test_plural_possessive_apostrophe_stays_in_word(self, tokenizer, text):
        """A trailing apostrophe that closes no quotation stays in its word."""
        assert words(tokenizer, text) == ["The", text[4:14], "leaders", "met", "."]

    def test_plural_possessive_inside_quotation(self, tokenizer):
        """A possessive apostrophe inside a single-quoted quotation is not the closing mark."""
        assert words(tokenizer, "‘It is the countries’ decision,’ he said.") == [
            "‘", "It", "is", "the", "countries’", "decision", ",", "’", "he", "said", ".",
        ]  # fmt: skip

    @pytest.mark.parametrize(
        "text", ["Back in the ‘90s it was different.", "Back in the ’90s it was different."]
    )
    def test_decade_apostrophe_stays_in_word(self, tokenizer, text):
        """An apostrophe eliding a century (‘90s) is part of the word."""
        assert words(tokenizer, text) == ["Back", "in", "the", text[12:16], "it", "was", "different", "."]

    def test_decade_apostrophe_right_after_opening_quotation_mark(self, tokenizer):
        """An opening mark is split off while the decade's apostrophe stays."""
        assert words(tokenizer, "“‘90s music is back,” she said.")[:2] == ["“", "‘90s"]

    @pytest.mark.parametrize("text", ["Russia’s leader spoke.", "Russia's leader spoke."])
    def test_possessive_clitic_splits_as_in_spacy(self, tokenizer, text):
        """Russia’s splits into Russia + ’s, by spaCy's usual clitic rule."""
        assert words(tokenizer, text)[:2] == ["Russia", text[6:8]]

    def test_contraction_inside_quotation(self, tokenizer):
        """A contraction's apostrophe inside a quotation is not a quotation mark."""
        assert words(tokenizer, "“We’re ready,” he said.") == [
            "“", "We", "’re", "ready", ",", "”", "he", "said", ".",
        ]  # fmt: skip

    def test_agency_tag_keeps_slashes_and_loses_full_stop(self, tokenizer):
        """A dateline's /TASS/. is the tag /TASS/ followed by a full stop."""
        assert words(tokenizer, "MOSCOW, November 7. /TASS/. Russian President") == [
            "MOSCOW", ",", "November", "7", ".", "/TASS/", ".", "Russian", "President",
        ]  # fmt: skip

    @pytest.mark.parametrize("punct", [".", ",", ":", ";"])
    def test_agency_tag_before_any_punctuation(self, tokenizer, punct):
        """The tag is split from a comma, colon or semicolon just like a full stop."""
        assert words(tokenizer, f"MOSCOW /TASS/{punct} Putin") == ["MOSCOW", "/TASS/", punct, "Putin"]

    @pytest.mark.parametrize("text", ["[T]his is fine.", "[t]he end is near."])
    def test_bracketed_capital_stays_in_word(self, tokenizer, text):
        """An editorial capital in brackets ([T]his) is one token with its word."""
        assert words(tokenizer, text)[0] == text.split()[0]

    def test_bracketed_capital_inside_quotation(self, tokenizer):
        """[T]his right after an opening quotation mark is still one token."""
        assert words(tokenizer, "He wrote “[T]his” twice.") == [
            "He", "wrote", "“", "[T]his", "”", "twice", ".",
        ]  # fmt: skip

    def test_bracketed_word_is_not_a_bracketed_capital(self, tokenizer):
        """A whole word in brackets keeps its brackets as tokens."""
        assert words(tokenizer, "[The] end") == ["[", "The", "]", "end"]

    @pytest.mark.parametrize(
        "text",
        ["Peace — or war – is near.", "Peace—or war–is near."],
        ids=["spaced", "unspaced"],
    )
    def test_dashes_are_tokens(self, tokenizer, text):
        """Em and en dashes between words are tokens of their own."""
        visible = [word for word in words(tokenizer, text) if word.strip()]
        assert visible == ["Peace", "—", "or", "war", "–", "is", "near", "."]

    def test_dash_after_closing_quotation_mark_is_a_token(self, tokenizer):
        """An unspaced dash right after a closing quotation mark is a token of its own."""
        assert words(tokenizer, "He said “no”—and left.") == [
            "He", "said", "“", "no", "”", "—", "and", "left", ".",
        ]  # fmt: skip

    def test_dash_before_opening_quotation_mark_is_a_token(self, tokenizer):
        """An unspaced dash right before an opening quotation mark is a token of its own."""
        assert words(tokenizer, "He said—“no.”") == ["He", "said", "—", "“", "no", ".", "”"]

    def test_non_breaking_space_separates_words(self, tokenizer):
        """A non-breaking space separates words and is kept as a space token."""
        doc = tokenizer("Mr\u00a0Peskov said\u00a0“No.”")
        assert [t.text for t in doc] == ["Mr", "\u00a0", "Peskov", "said", "\u00a0", "“", "No", ".", "”"]
        assert [t.is_space for t in doc if t.text == "\u00a0"] == [True, True]
        assert doc.text == "Mr\u00a0Peskov said\u00a0“No.”"

    def test_runs_of_whitespace_are_kept(self, tokenizer):
        """Extra spaces and newlines survive as space tokens."""
        doc = tokenizer("a  b\n\nc")
        assert [t.text for t in doc] == ["a", " ", "b", "\n\n", "c"]
        assert doc.text == "a  b\n\nc"

    @pytest.mark.parametrize("text", ["", " ", "\u00a0", "“", "'", "’90s", "/TASS/."])
    def test_edge_texts(self, tokenizer, text):
        """Empty, whitespace-only and one-mark texts tokenize without loss."""
        assert tokenizer(text).text == text

    @settings(max_examples=300, deadline=None)
    @given(text=st.text())
    def test_tokens_rejoin_to_any_text(self, tokenizer, text):
        """Token texts plus their whitespace rejoin to the input, for any text."""
        doc = tokenizer(text)
        assert doc.text == text
        assert all(token.text for token in doc)

    @settings(max_examples=500, deadline=None)
    @given(text=st.lists(NEWS_ALPHABET, max_size=40).map("".join))
    def test_tokens_rejoin_to_quote_heavy_text(self, tokenizer, text):
        """Token texts plus whitespace rejoin to text full of marks, apostrophes and spaces."""
        doc = tokenizer(text)
        assert doc.text == text
        assert "".join(token.text_with_ws for token in doc) == text

    def test_pipe_tokenizes_each_text(self, tokenizer):
        """`pipe` yields one Doc per text, in order."""
        texts = ["“Yes,” he said.", "Russia’s view."]
        assert [doc.text for doc in tokenizer.pipe(texts)] == texts

    def test_tokenizer_bytes_round_trip(self, nlp):
        """The tokenizer's own to_bytes/from_bytes round-trip without failing."""
        tokenizer = NewsTokenizer(nlp.vocab)
        restored = NewsTokenizer(spacy.blank("en").vocab).from_bytes(tokenizer.to_bytes())
        assert isinstance(restored, NewsTokenizer)
        assert [t.text for t in restored("He said “no”.")] == ["He", "said", "“", "no", "”", "."]

    def test_pipeline_bytes_round_trip(self):
        """A pipeline using the tokenizer round-trips through nlp.to_bytes/from_bytes."""
        nlp = spacy.blank("en", config=NEWS_TOKENIZER_CONFIG)
        restored = spacy.blank("en", config=NEWS_TOKENIZER_CONFIG).from_bytes(nlp.to_bytes())
        assert isinstance(restored.tokenizer, NewsTokenizer)
        tokens = [t.text for t in restored("The countries’ “red lines”")]
        assert tokens == ["The", "countries’", "“", "red", "lines", "”"]

    def test_pipeline_disk_round_trip(self, tmp_path):
        """A pipeline saved with the tokenizer loads back with it from its config alone."""
        spacy.blank("en", config=NEWS_TOKENIZER_CONFIG).to_disk(tmp_path)
        assert isinstance(spacy.load(tmp_path).tokenizer, NewsTokenizer)

    def test_trained_pipeline_runs_with_news_tokenizer(self):
        """A trained pipeline still runs with its tokenizer replaced by NewsTokenizer."""
        nlp = load_trained_pipeline()
        nlp.tokenizer = NewsTokenizer(nlp.vocab)
        text = "“We are ready,” Peskov said. The countries’ leaders met."
        doc = nlp(text)
        assert doc.text == text
        assert [t.text for t in doc][:7] == ["“", "We", "are", "ready", ",", "”", "Peskov"]
        assert "countries’" in [t.text for t in doc]
        assert all(token.tag_ for token in doc if not token.is_space)


class TestCreateNewsTokenizer:
    def test_registered_in_spacy_registry(self):
        """The entry point registers the factory as quotes.NewsTokenizer.v1."""
        assert spacy.util.registry.tokenizers.get("quotes.NewsTokenizer.v1") is create_news_tokenizer

    def test_factory_builds_a_news_tokenizer(self, nlp):
        """The registered function returns a callable that builds a NewsTokenizer for a pipeline."""
        make = spacy.util.registry.tokenizers.get("quotes.NewsTokenizer.v1")()
        tokenizer = make(nlp)
        assert isinstance(tokenizer, NewsTokenizer)
        assert tokenizer.vocab is nlp.vocab

    def test_config_names_the_tokenizer(self):
        """A config naming quotes.NewsTokenizer.v1 gives a pipeline with a NewsTokenizer."""
        nlp = spacy.blank("en", config=NEWS_TOKENIZER_CONFIG)
        assert isinstance(nlp.tokenizer, NewsTokenizer)
        assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "quotes.NewsTokenizer.v1"
        assert [t.text for t in nlp("He said “no”.")] == ["He", "said", "“", "no", "”", "."]


class TestQuoteSentencizer:
    def test_factory_is_registered(self):
        """The quotes_sentencizer factory is known to a blank pipeline."""
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes_sentencizer")
        assert nlp.pipe_names == ["quotes_sentencizer"]
        assert isinstance(nlp.get_pipe("quotes_sentencizer"), QuoteSentencizer)

    def test_sets_sentences(self):
        """A question inside a quotation does not end the sentence."""
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes_sentencizer")
        doc = nlp('"Why now?" Peskov asked. He left.')
        assert [sent.text for sent in doc.sents] == ['"Why now?" Peskov asked.', "He left."]

    def test_works_with_news_tokenizer(self):
        """The sentencizer and the news tokenizer combine as the README shows."""
        nlp = spacy.blank("en")
        nlp.tokenizer = NewsTokenizer(nlp.vocab)
        nlp.add_pipe("quotes_sentencizer")
        doc = nlp("“We are ready,” he said. Russia’s position is known.")
        sentences = [sent.text for sent in doc.sents]
        assert sentences == ["“We are ready,” he said.", "Russia’s position is known."]

    def test_single_sentence(self):
        """A text of one sentence gives one sentence."""
        nlp = spacy.blank("en")
        nlp.add_pipe("quotes_sentencizer")
        assert len(list(nlp("He left.").sents)) == 1
