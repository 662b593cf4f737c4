"""Tests of quotes.cues: reporting cues in running text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quotes.cues import (
    CueSection,
    _fold,
    _letters_only,
    _lexicon_spellings,
    _lowercase,
    _read_candidates,
    _searched_candidates,
    _spelling_filter,
    cues_in,
)
from quotes.text import LETTERS

from strategies import newsy_text


def cues(text: str, quoted: list[tuple[int, int]] | None = None) -> list[tuple[str, str]]:
    """(words, lemma) of every cue in the whole of `text`."""
    return [(text[c.start : c.end], c.lemma) for c in cues_in(text, 0, len(text), quoted or [])]


class TestCuesIn:
    """`cues_in` finds the reporting words of the narrator."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The mayor said the road would reopen.", [("said", "say")]),
            ("She told reporters the plan was dead.", [("told", "tell")]),
            ("According to the coroner, the man drowned.", [("According to", "according to")]),
            ("He claimed victory; his rival denies it.", [("claimed", "claim"), ("denies", "deny")]),
        ],
        ids=["said", "told", "according-to", "two-in-order"],
    )
    def test_finds_cues_with_their_lemmas(self, text: str, expected: list[tuple[str, str]]) -> None:
        """Inflected forms come back with their dictionary form, in order."""
        assert cues(text) == expected

    def test_case_does_not_matter(self) -> None:
        """A headline's SAID is still a cue."""
        assert cues("MINISTER SAID NOTHING") == [("SAID", "say")]

    def test_words_inside_quotations_are_skipped(self) -> None:
        """ "We said no," the union said: only the narrator's "said" is a cue."""
        text = '"We said no," the union said.'
        (cue,) = cues_in(text, 0, len(text), [(0, 13)])
        assert (cue.start, text[cue.start : cue.end]) == (text.rindex("said"), "said")

    def test_only_the_window_is_searched(self) -> None:
        """Cues outside ``text[start:end]`` are not returned."""
        text = "Lee said it. Kim told us."
        assert [c.lemma for c in cues_in(text, 13, len(text))] == ["tell"]

    @pytest.mark.parametrize(
        "text",
        [
            "The state will pay for the repairs.",
            "A report on the flood is due.",
            "His comments angered them.",
            "Twenty-seven states will pay for the repairs.",
            "About 27 states will pay for the repairs.",
        ],
        ids=["the-state", "a-report", "his-comments", "a-number-in-words", "a-number-in-digits"],
    )
    def test_noun_after_a_determiner_is_not_a_cue(self, text: str) -> None:
        """ "the state", "a report", "his comments", "27 states" are nouns, not reporting verbs."""
        assert cues(text) == []

    def test_verb_form_after_a_noun_is_a_cue(self) -> None:
        """ "the ministry states" is a verb: no determiner right before it."""
        assert cues("The ministry states that fees will rise.") == [("states", "state")]

    def test_bare_form_after_and_before_a_noun_is_a_modifier(self) -> None:
        """ "federal and state law": after "and", a bare form right before a noun modifies it;
        "they met and say that ..." is still a verb."""
        assert cues("The fee breaks federal and state law.") == []
        assert cues("The guard and state troopers will stay.") == []
        assert cues("They met and say that the fee will rise.") == [("say", "say")]
        assert cues("They met and explain why the fee will rise.") == [("explain", "explain")]

    def test_verb_form_after_it_is_a_cue(self) -> None:
        """ "it says", "it reports": after a pronoun the form is a verb, though "it" may come
        between a naming word and a name ("named it ...")."""
        assert cues("The fee, it says, will rise.") == [("says", "say")]
        assert cues("It reports that fees will rise.") == [("reports", "report")]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("New data suggest that the lake is warming.", [("suggest", "suggest")]),
            ("Only 42% say they trust the council.", [("say", "say")]),
            ("About 30 percent say they will move.", [("say", "say")]),
            ("Mr. Grassley and Mr. Leahy say the rules must change.", [("say", "say")]),
            ("Voters who say the council failed are angry.", [("say", "say")]),
        ],
        ids=["plural-data", "percent-sign", "percent-word", "two-names-joined", "who"],
    )
    def test_bare_form_after_a_plural_or_a_share_is_a_cue(
        self, text: str, expected: list[tuple[str, str]]
    ) -> None:
        """ "data suggest", "42% say": a plural or a share before a bare form is its subject."""
        assert cues(text) == expected

    @pytest.mark.parametrize(
        "text",
        ["The Republican demand was dropped.", "The union and the Republican demand was dropped."],
        ids=["one-noun", "joined-to-a-noun"],
    )
    def test_bare_form_after_a_singular_noun_is_not_a_cue(self, text: str) -> None:
        """ "the Republican demand" is a noun: no plural, pronoun, auxiliary or second name before it."""
        assert cues(text) == []

    def test_a_quotation_separates_a_cue_from_the_word_before_it(self) -> None:
        """In 'the "threat," says Peskov' the "the" belongs to the quotation, not to "says"."""
        text = 'He spoke of the "threat," says Peskov.'
        quoted = [(text.index('"'), text.rindex('"') + 1)]
        assert [c.lemma for c in cues_in(text, 0, len(text), quoted)] == ["speak", "say"]

    @pytest.mark.parametrize(
        "text",
        ["The unsaid part.", "The un-said part.", "A said-so story.", "Saidé left.", "It was O'said."],
        ids=["inside-a-word", "hyphen-before", "hyphen-after", "accented-letter", "apostrophe-before"],
    )
    def test_a_cue_is_a_whole_word(self, text: str) -> None:
        """A cue's letters inside a longer word are no cue."""
        assert cues(text) == []

    def test_offsets_survive_letters_that_lowercase_to_two(self) -> None:
        """ "İ" lowercases to two characters; the cue's offsets still point at "said"."""
        assert cues("İİİ İstanbul officials said so.") == [("said", "say")]

    @pytest.mark.parametrize("text", ["according", "According, to him"], ids=["alone", "punctuation-between"])
    def test_phrase_needs_all_its_words_together(self, text: str) -> None:
        """ "according" without "to" right after it is no cue."""
        assert cues(text) == []


class TestSections:
    """Each cue knows its section of the lexicon and where its speaker stands."""

    def test_according_to_is_a_phrase_whose_subject_follows(self) -> None:
        """The speaker of "according to" comes after it."""
        (cue,) = cues_in("According to the coroner", 0, 24)
        assert cue.section is CueSection.PHRASE
        assert cue.subject_follows

    @pytest.mark.parametrize(
        ("text", "section"),
        [
            ("The mayor said so.", CueSection.SPEECH),
            ("Officials warned of delays.", CueSection.SPEECH),
            ("Critics, calling the plan reckless, left.", CueSection.NAMING),
        ],
        ids=["said", "warned", "calling"],
    )
    def test_verbs_have_their_subject_before(self, text: str, section: CueSection) -> None:
        """A verb's speaker is its subject, before it."""
        (cue,) = cues_in(text, 0, len(text))
        assert cue.section is section
        assert not cue.subject_follows


class TestProperties:
    """Invariants over any input."""

    @given(st.text() | newsy_text())
    def test_cues_lie_inside_the_window_in_order(self, text: str) -> None:
        """Every cue is within the text and the cues come in order."""
        found = cues_in(text, 0, len(text))
        assert all(0 <= c.start < c.end <= len(text) for c in found)
        assert [c.start for c in found] == sorted(c.start for c in found)

    @given(st.text(alphabet=st.sampled_from(list("saidtoldAccording \u0301-'\u2019İé.,")), max_size=60))
    def test_single_word_cues_are_whole_words(self, text: str) -> None:
        """A one-word cue spans exactly one word of `quotes.text.LETTERS`."""
        for cue in cues_in(text, 0, len(text)):
            if cue.section is not CueSection.PHRASE:
                word = LETTERS.match(text, cue.start)
                assert word is not None
                assert word.end() == cue.end
                assert cue.start == 0 or LETTERS.match(text, cue.start - 1) is None


# cue words and their pieces, in any case, and what stands around words: digits, "_", a
# combining mark, joiners, letters that lowercase to ASCII ("\u212a", the Kelvin sign) or to
# two characters ("İ"), a Greek capital sigma, a digit of another script, and what is no word
CANDIDATE_TEXT = st.lists(
    st.sampled_from(["said", "SAYS", "Told", "accord", "according", "sai", "d", "to", "ask"])
    | st.sampled_from(list("aS2_\u0301-'\u2019\u212aİΣ\u0660 .,\n\u201c"))
).map("".join)


@st.composite
def scanned_texts(draw: st.DrawFn) -> tuple[str, int, int, list[tuple[int, int]]]:
    """A text, a window of it and the quotations in it: ordered spans apart from one another."""
    text = draw(CANDIDATE_TEXT)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    return text, start, end, list(zip(cuts[::2], cuts[1::2], strict=False))


class TestCandidateScan:
    """Reading characters and searching the lowercased text find the same candidate words."""

    @given(scanned_texts())
    @example(("said\u0660 Said_ said", 0, 16, []))  # a digit of another script ends a word
    @example(("xsaid a”said", 0, 12, [(0, 1), (6, 8)]))  # the character before a piece decides
    @example(("tells", 0, 4, []))  # a word cut by the window's end
    @example(("AS\u212a ask", 0, 7, []))  # the Kelvin sign lowercases to "k"
    @example(("saidx", 0, 5, [(4, 5)]))  # a word cut by a quotation
    @example(("Congratulating congratulatings", 0, 30, []))  # the longest word, and one longer
    @example(("Acknowledged characterized sa\u00efd", 0, 31, []))  # a full spelling, one letter more
    def test_reading_finds_what_searching_finds(
        self, scanned: tuple[str, int, int, list[tuple[int, int]]]
    ) -> None:
        """For any text, window and quotations, both give the same words at the same offsets."""
        text, start, end, quoted = scanned
        read = list(_read_candidates(text, start, end, quoted))
        searched = list(_searched_candidates(_lowercase(text), start, end, quoted))
        assert read == searched

    def test_a_cue_word_glued_to_a_digit_or_inside_a_word_is_no_candidate(self) -> None:
        """A word must start after no word character and end before no letter."""
        text = "2said unsaid said2 SAID"
        found = [text[s:e] for _, s, e in _read_candidates(text, 0, len(text), ())]
        assert found == ["said", "SAID"]

    def test_every_spelling_of_the_lexicon_passes_the_filter(self) -> None:
        """The folded table that goes before the set lookup lets every word of the lexicon through."""
        table = _spelling_filter()
        assert all(table[_fold(spelling)] for spelling in _lexicon_spellings())
        assert sum(table) < len(table) // 16  # and keeps out most other words

    def test_the_lexicon_is_letters_only(self) -> None:
        """Every cue word is letters, so the compiled build reads characters."""
        assert _letters_only()
