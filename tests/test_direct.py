"""Tests of quotes.direct: which quoted spans are speech, and of what kind."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotes
import quotes.direct
from quotes.direct import Context, classify
from quotes.layout import paragraphs
from quotes.marks import outermost_quotations
from quotes.model import QuoteKind
from quotes.sentences import sentences


def kinds(text: str) -> list[tuple[str, str]]:
    """The (kind, words) of each quotation `quotes.extract` finds."""
    return [(q.kind.value, q.text) for q in quotes.extract(text)]


class TestSpeech:
    """Quoted statements and quoted fragments of speech are kept."""

    def test_statement_after_cue_and_comma_is_direct(self) -> None:
        """Lavrov said, "..." is a direct quotation."""
        assert kinds('Lavrov said, "The talks were detailed."') == [("direct", "The talks were detailed.")]

    def test_statement_before_its_cue_is_direct(self) -> None:
        """ "...," he said is a direct quotation."""
        assert kinds('"I have nothing to add," he said.') == [("direct", "I have nothing to add,")]

    @pytest.mark.parametrize(
        "text",
        [
            '"Yes," he said.',
            '"Never," said Peskov.',
            '"Agreed," the spokesman said.',
            "“Gladly,” Ana Novak said.",
        ],
        ids=["pronoun", "inverted", "description", "name"],
    )
    def test_one_capitalised_word_before_its_cue_is_speech(self, text: str) -> None:
        """A lone word with the comma inside the marks, then a reporting clause, is speech, not a name."""
        assert [kind for kind, _ in kinds(text)] == ["direct"]

    def test_statement_after_colon_is_direct(self) -> None:
        """Attribution by colon."""
        assert kinds('Peskov told reporters: "We do not want that."')[0][0] == "direct"

    def test_fragment_in_paraphrase_is_mixed(self) -> None:
        """agreed to take "urgent measures" is a mixed quotation."""
        text = 'Putin and Erdogan agreed to take "urgent measures, first of all between the ministries."'
        assert kinds(text) == [("mixed", "urgent measures, first of all between the ministries.")]

    def test_single_word_after_naming_verb_is_kept(self) -> None:
        """calling it "lousy": a characterising verb makes even one word speech."""
        assert kinds('Tom Watson called the deal "lousy" on Sunday.') == [("mixed", "lousy")]

    def test_split_quotation_gives_two_quotes(self) -> None:
        """ "What is so sad", Cengiz said, "is ..." is two direct quotations."""
        text = '"What is so sad for me", Cengiz said, "is not seeing the punishment."'
        assert [words for _, words in kinds(text)] == [
            "What is so sad for me",
            "is not seeing the punishment.",
        ]


class TestNotSpeech:
    """Names, titles, glosses, captions and scare quotes are not quotations."""

    @pytest.mark.parametrize(
        "text",
        [
            'Turkey launched an incursion, codenaming it "Peace Spring".',
            'He named it "Operation Peace Spring" and left.',
            'The law, also known as the "Radio Control Law", was passed.',
            "The suspect is identified only as 'Stefan W' under privacy law.",
            'Anna Franowska of "Have no fear", an abuse victim support charity, spoke.',
        ],
    )
    def test_names_and_titles_are_dropped(self, text: str) -> None:
        """Quoted names and titles are not speech."""
        assert kinds(text) == []

    def test_title_of_a_work_is_dropped(self) -> None:
        """A title set off after the work it names is not speech, even with a verb after it."""
        text = 'In his 2002 book, "Make Your Kid a Millionaire," Mr. Lee suggested saving early.'
        assert kinds(text) == []

    @pytest.mark.parametrize(
        "text",
        [
            'He wrote in his book, "We must act now."',
            'In the column, "We must act now," she wrote.',
            'She said in her book: "Make your kid a millionaire."',
        ],
        ids=["sentence-after-book", "not-capitalised-as-a-title", "introduced-by-a-cue"],
    )
    def test_speech_after_a_work_stays(self, text: str) -> None:
        """Words quoted from a book are speech where they are no title."""
        assert len(kinds(text)) == 1

    def test_headline_label_is_dropped(self) -> None:
        """A headline quotes a label; the article's own quotations below it are speech."""
        text = (
            "Senator Calls Plan 'A Disgrace'\n\nThe senator spoke on Monday. \"It is a disgrace,\" he said."
        )
        assert kinds(text) == [("direct", "It is a disgrace,")]

    @pytest.mark.parametrize(
        "text",
        [
            'Peskov said: "We are ready."\n\nHe added nothing.',
            '"We are ready," Peskov says.\n\nHe added nothing.',
            'Peskov says: "We are ready."',
        ],
        ids=["past-tense-lede", "opens-with-the-quotation", "one-paragraph"],
    )
    def test_short_lede_is_no_headline(self, text: str) -> None:
        assert [kind for kind, _ in kinds(text)] == ["direct"]

    def test_gloss_in_parentheses_is_dropped(self) -> None:
        """An anti-Brexit ("British exit") march: a gloss, not speech."""
        assert kinds('They joined an anti-Brexit ("British exit") march on Saturday.') == []

    def test_caption_slogan_is_dropped(self) -> None:
        """A banner's slogan in a picture caption is not speech."""
        assert kinds('People holding a banner saying "united in diversity". Image: John Lubbock.') == []

    def test_scare_quote_without_cue_is_dropped(self) -> None:
        """A short quoted phrase with no reporting cue near it is a scare quote."""
        assert kinds('The earthquake also caused a "mini tsunami" to flood some streets.') == []

    def test_markup_attribute_values_are_dropped(self) -> None:
        """The values of an embedded tweet's attributes are markup, not speech; the speech after it stays."""
        text = (
            '<tweet author="janedoe" timestamp="1474387200" tweet_id="778257943577919488">'
            'The blue arrow is Warren.</tweet> "It was terrible," the mayor said, "and it still is."'
        )
        assert kinds(text) == [("direct", "It was terrible,"), ("direct", "and it still is.")]

    def test_scare_quote_does_not_hide_the_next_quote(self) -> None:
        """Dropping one span leaves the others."""
        text = 'A "mini tsunami" hit. "It was terrible," the mayor said.'
        assert kinds(text) == [("direct", "It was terrible,")]


class TestAmericanCommas:
    """A comma inside the marks of a quoted name does not make it speech."""

    def test_name_with_its_comma_before_a_verb(self) -> None:
        """the “Sunbelt Contract,” promises to cut: a name, followed by the sentence's own verb."""
        text = "The platform, a list of bills his campaign branded the “Sunbelt Contract,” promises tax cuts."
        assert kinds(text) == []


class TestKinds:
    """QuoteKind values are the public vocabulary."""

    def test_kind_values(self) -> None:
        """direct, mixed and indirect, as strings."""
        assert [k.value for k in QuoteKind] == ["direct", "mixed", "indirect"]


# Short quotations and the words that may or may not make them speech.
PIECES = [
    "\u201ca\u201d", '"b c"', "\u201cYes.\u201d", '"No!"', " ", ", ", ": ", ". ", "said", " he ", "unsaid",
    " Peskov", " believes", " the", "(", ")", "\n\n", "Photo:", "\u201cA b c d\u201d", "'x'",
    "\u201csaid\u201d", '"told,"', "saidx", '"a:"',
]  # fmt: skip
SHORT_QUOTATIONS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _classified(text: str) -> list[QuoteKind | None]:
    """What `classify` makes of each outermost quotation of `text`."""
    paras = paragraphs(text)
    quoted = outermost_quotations(text, paras)
    context = Context(text=text, sentences=sentences(text, paras), paragraphs=paras, quoted=quoted.bounds)
    return [classify(span, context) for span in quoted]


class TestDenseQuotations:
    """A sentence of many short quotations costs each of them the same (issue 13, D5)."""

    def test_a_sentence_is_read_for_a_cue_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Fifty scare-quote candidates in one sentence look for its reporting cue once, not fifty times."""
        reads = []
        has_cue = quotes.direct._has_cue

        def counted(*args: Any) -> bool:
            reads.append(args)
            return has_cue(*args)

        monkeypatch.setattr(quotes.direct, "_has_cue", counted)
        found = kinds("The crowd said " + "\u201ca\u201d " * 50 + "all day.")
        assert len(found) == 50
        assert len(reads) == 1

    @given(SHORT_QUOTATIONS)
    def test_a_quiet_sentence_decides_as_the_full_rules(self, text: str) -> None:
        """Where no word of speech is near, short quotations are decided as if every rule were read."""
        quick = _classified(text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Context, "quiet", lambda self, start, end: False)
            assert _classified(text) == quick
