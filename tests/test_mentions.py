"""Tests of quotes.mentions: names, descriptions and pronouns that can be speakers."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quotes import mentions
from quotes.mentions import Found, MentionKind, _as_person, extended, mention_after, mention_before, names
from quotes.model import SpeakerKind
from quotes.text import letters_before_blanks

from strategies import newsy_text


def read(text: str, found: Found) -> tuple[str, str]:
    """(words in the text, name) of a found mention."""
    return text[found.start : found.end], found.name


def before(text: str, word: str) -> Found | None:
    """The mention ending right before the first `word` of `text`."""
    return mention_before(text, text.index(word), 0, names(text))


def after(text: str, word: str) -> Found | None:
    """The mention starting right after the first `word` of `text`."""
    return mention_after(text, text.index(word) + len(word), len(text), names(text))


class TestNames:
    """`names` finds people and organisations in one scan of capitalised words."""

    def test_title_is_split_from_the_name(self) -> None:
        """Kremlin Aide Yuri Ushakov: the title is "Kremlin Aide", the name "Yuri Ushakov"."""
        text = "Kremlin Aide Yuri Ushakov met the press."
        (found,) = names(text)
        assert read(text, found) == ("Kremlin Aide Yuri Ushakov", "Yuri Ushakov")
        assert found.title == "Kremlin Aide"
        assert found.kind is MentionKind.NAME
        assert found.speaker_kind is SpeakerKind.PERSON

    def test_title_with_of_stays_whole(self) -> None:
        """US Secretary of State Mike Pompeo: "of" inside a title does not split it."""
        (found,) = names("US Secretary of State Mike Pompeo said")
        assert (found.name, found.title) == ("Mike Pompeo", "US Secretary of State")

    def test_organisation_word_makes_an_organisation(self) -> None:
        """Russian Defense Ministry is an organisation, without the sentence's "The"."""
        text = "The Russian Defense Ministry said the drills were over."
        (found,) = names(text)
        assert read(text, found) == ("Russian Defense Ministry", "Russian Defense Ministry")
        assert found.speaker_kind is SpeakerKind.ORGANISATION

    def test_of_inside_an_organisation_stays_whole(self) -> None:
        """Bank of England is one name."""
        assert [f.name for f in names("In March the Bank of England raised rates.")] == ["Bank of England"]

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("The Turkish Ministry of Foreign Affairs met.", "Turkish Ministry of Foreign Affairs"),
            ("The Ministry of Defence met.", "Ministry of Defence"),
            ("The Department of State met.", "Department of State"),
        ],
        ids=["foreign-affairs", "defence", "state"],
    )
    def test_title_word_after_of_is_the_organisation_s(self, text: str, name: str) -> None:
        """ "Foreign" after "Ministry of" names the ministry's field, not a person's title."""
        (found,) = names(text)
        assert (found.name, found.speaker_kind) == (name, SpeakerKind.ORGANISATION)

    def test_title_after_the_organisation_s_complement_is_a_title(self) -> None:
        """In "Ministry of Defence Spokesman Igor Konashenkov" the spokesman is still a person."""
        (found,) = names("Ministry of Defence Spokesman Igor Konashenkov met the press.")
        assert (found.name, found.title) == ("Igor Konashenkov", "Ministry of Defence Spokesman")

    def test_and_between_two_people_splits_them(self) -> None:
        """Putin and Erdogan are two names."""
        assert [f.name for f in names("Putin and Erdogan met in Sochi.")][:2] == ["Putin", "Erdogan"]

    def test_particles_stay_inside_a_name(self) -> None:
        """Ursula von der Leyen is one name."""
        assert [f.name for f in names("Ursula von der Leyen said")] == ["Ursula von der Leyen"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Sen. Lindsey Graham said", ("Sen. Lindsey Graham", "Lindsey Graham")),
            ("Adviser John R. Bolton said", ("Adviser John R. Bolton", "John R. Bolton")),
            ("The U.S. State Department said", ("U.S. State Department", "U.S. State Department")),
            ("The S.E.C. said", ("S.E.C.", "S.E.C.")),
            ("Syria's leader Bashar al-Assad said", ("Bashar al-Assad", "Bashar al-Assad")),
            ("But al-Assad said", ("al-Assad", "al-Assad")),
        ],
        ids=[
            "abbreviated-title",
            "initial",
            "dotted-acronym",
            "dotted-acronym-before-a-verb",
            "particle-inside",
            "particle-first",
        ],
    )
    def test_dots_and_particles_belong_to_the_name(self, text: str, expected: tuple[str, str]) -> None:
        """A title's or an initial's dot, and a lowercase "al-", are part of the name."""
        assert read(text, names(text)[-1]) == expected

    def test_the_same_name_reads_the_same_anywhere(self) -> None:
        """A name's reading depends on its words, not on where it stands."""
        first, second = names("Kremlin Aide Yuri Ushakov spoke. Then Kremlin Aide Yuri Ushakov left.")
        assert (first.name, first.title, first.kind) == (second.name, second.title, second.kind)
        assert second.start - first.start == len("Kremlin Aide Yuri Ushakov spoke. Then ")

    @pytest.mark.parametrize(
        "text",
        [
            "The talks ended.",
            "Monday was quiet.",
            "In March the talks ended.",
            "On Friday, the talks ended.",
        ],
        ids=["sentence-initial-the", "day", "month", "day-after-preposition"],
    )
    def test_capitalised_non_names_are_not_names(self, text: str) -> None:
        """Sentence-initial function words, days and months are never names."""
        assert names(text) == []

    def test_month_before_a_name_is_dropped(self) -> None:
        """In March, Putin visited Ankara: the month is no part of a name."""
        assert [f.name for f in names("In March, Putin visited Ankara.")] == ["Putin", "Ankara"]

    @pytest.mark.parametrize(
        ("text", "gender"),
        [("Health Minister Anna Ruiz visited.", "female"), ("Deputy Mayor Ahmet Kaya spoke.", "male")],
        ids=["given-name-anna", "given-name-ahmet"],
    )
    def test_given_name_gives_the_gender(self, text: str, gender: str) -> None:
        """A listed given name tells a person's gender, for later pronouns."""
        assert [f.gender for f in names(text)] == [gender]

    def test_names_inside_quotations_are_skipped(self) -> None:
        """A name in the speaker's own words is not a speaker."""
        text = '"Ask Peskov," she said. Lavrov left.'
        assert [f.name for f in names(text, [(0, 13)])] == ["Lavrov"]


class TestMentionBefore:
    """`mention_before` reads the subject that ends at a cue."""

    @pytest.mark.parametrize(
        ("pronoun", "gender"), [("he", "male"), ("she", "female"), ("they", None)], ids=["he", "she", "they"]
    )
    def test_pronoun(self, pronoun: str, gender: str | None) -> None:
        """A pronoun with its gender and number."""
        found = before(f'"No," {pronoun} said.', " said")
        assert found is not None
        assert (found.kind, found.name, found.gender) == (MentionKind.PRONOUN, pronoun, gender)
        assert found.plural is (pronoun == "they")

    def test_description(self) -> None:
        """ "the Turkish president": a description from its determiner to its head noun."""
        text = "Yesterday the Turkish president said"
        found = before(text, " said")
        assert found is not None
        assert read(text, found) == ("the Turkish president", "Turkish president")
        assert (found.kind, found.head) == (MentionKind.DESCRIPTION, "president")

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("Later the ministry's statement said", "the ministry's statement"),
            ("Later the court’s summary said", "the court’s summary"),
            ("Later Trump's statement said", "Trump's statement"),
        ],
        ids=["common-noun-owner", "curly-apostrophe", "named-owner"],
    )
    def test_owned_document_takes_its_owner_s_determiner(self, text: str, words: str) -> None:
        """ "the ministry's statement": the owner comes whole, with its "the"."""
        found = before(text, " said")
        assert found is not None
        assert (text[found.start : found.end], found.kind) == (words, MentionKind.DOCUMENT)

    def test_description_completing_another_is_the_other_s(self) -> None:
        """ "the Lord President of the court decided": the president decided, not the court."""
        text = "Colin Sutherland, the Lord President of the court decided"
        found = before(text, " decided")
        assert found is not None
        assert read(text, found) == ("the Lord President of the court", "Lord President of the court")
        assert found.head == "president"

    def test_name_takes_its_the(self) -> None:
        """ "the Kremlin": the article belongs to the mention, not to the name."""
        text = "Yesterday the Kremlin said"
        found = before(text, " said")
        assert found is not None
        assert read(text, found) == ("the Kremlin", "Kremlin")
        assert found.speaker_kind is SpeakerKind.ORGANISATION

    def test_description_before_a_name_is_its_title(self) -> None:
        """Turkish official Ahmet Kaya: the lowercase description is the title."""
        text = "Turkish official Ahmet Kaya said"
        found = before(text, " said")
        assert found is not None
        assert read(text, found) == ("Turkish official Ahmet Kaya", "Ahmet Kaya")
        assert found.title == "Turkish official"

    def test_document(self) -> None:
        """ "The statement" is a document, which speaks for its issuer."""
        found = before("The statement said", " said")
        assert found is not None
        assert (found.kind, found.head) == (MentionKind.DOCUMENT, "statement")

    @pytest.mark.parametrize(
        ("text", "words", "head"),
        [
            ("Later some economists said", "some economists", "economists"),
            ("Later, allies said", "allies", "allies"),
            ("and company strategists said", "company strategists", "strategists"),
        ],
        ids=["listed-singular", "y-to-ies", "noun-modifier"],
    )
    def test_plural_of_a_listed_head(self, text: str, words: str, head: str) -> None:
        """ "some economists": a head listed in the singular also heads its regular plural."""
        found = before(text, " said")
        assert found is not None
        assert (text[found.start : found.end], found.head, found.plural) == (words, head, True)

    @pytest.mark.parametrize("noun", ["filing", "figures", "poll"])
    def test_findings_are_documents(self, noun: str) -> None:
        """ "the filing", "the figures", "the poll": documents that speak for whoever made them."""
        found = before(f"Later the {noun} said", " said")
        assert found is not None
        assert (found.kind, found.head) == (MentionKind.DOCUMENT, noun)

    def test_unlisted_plural_is_no_description(self) -> None:
        """ "the bridges": a plural of no listed head names no speaker."""
        assert before("Later the bridges said", " said") is None

    def test_mention_does_not_reach_before_start(self) -> None:
        """Nothing is read before `start`."""
        text = "Later, Kaya said"
        assert mention_before(text, text.index(" said"), text.index("Kaya") + 1, names(text)) is None


class TestMentionAfter:
    """`mention_after` reads the speaker after an inverted cue."""

    def test_pronoun(self) -> None:
        """ "…," said he."""
        found = after('"No," said he.', "said")
        assert found is not None
        assert (found.kind, found.gender) == (MentionKind.PRONOUN, "male")

    def test_description(self) -> None:
        """ "…," said the Turkish president."""
        text = '"No," said the Turkish president.'
        found = after(text, "said")
        assert found is not None
        assert read(text, found) == ("the Turkish president", "Turkish president")
        assert found.kind is MentionKind.DESCRIPTION

    def test_name_takes_its_the(self) -> None:
        """ "…," said the Kremlin."""
        text = '"No," said the Kremlin.'
        found = after(text, "said")
        assert found is not None
        assert read(text, found) == ("the Kremlin", "Kremlin")

    def test_possessive_name_is_part_of_a_description(self) -> None:
        """ "…," said Erdogan's office: the office speaks, not Erdogan."""
        text = '"No," said Erdogan\'s office.'
        found = after(text, "said")
        assert found is not None
        assert read(text, found) == ("Erdogan's office", "Erdogan's office")
        assert found.speaker_kind is SpeakerKind.ORGANISATION

    def test_description_then_name_gives_the_name(self) -> None:
        """ "…," said ministry spokeswoman Ana Ruiz: the name, titled by the description."""
        text = '"No," said ministry spokeswoman Ana Ruiz.'
        found = after(text, "said")
        assert found is not None
        assert read(text, found) == ("ministry spokeswoman Ana Ruiz", "Ana Ruiz")
        assert (found.title, found.gender) == ("ministry spokeswoman", "female")


class TestProperties:
    """Invariants over any input."""

    @given(st.text() | newsy_text())
    def test_names_never_raise_and_offsets_slice_the_text(self, text: str) -> None:
        """Every name lies inside the text, non-empty."""
        for found in names(text):
            assert 0 <= found.start < found.end <= len(text)

    @given(newsy_text())
    def test_a_mention_extended_or_made_a_person_keeps_its_other_fields(self, text: str) -> None:
        """The builders that stand in for `dataclasses.replace` change what they say, no more."""
        for found in names(text):
            assert extended(found, found.end + 3, "x") == dataclasses.replace(
                found, end=found.end + 3, name="x"
            )
            assert _as_person(found, found.start - 1, "envoy", None) == dataclasses.replace(
                found, start=found.start - 1, speaker_kind=SpeakerKind.PERSON, title="envoy", gender=None
            )

    @given(newsy_text())
    def test_a_mention_hashes_as_the_tuple_of_its_fields(self, text: str) -> None:
        """As `dataclasses` hashes a frozen class: equal mentions share a key, whatever the build."""
        for found in names(text):
            fields = tuple(getattr(found, field.name) for field in dataclasses.fields(found))
            assert hash(found) == hash(fields)


class TestGroups:
    """`mention_before` reads people named without a noun only where they open a phrase."""

    @pytest.mark.parametrize(
        ("text", "words", "plural"),
        [("The two said", "The two", True), ("Later, another said", "another", False)],
        ids=["the-two", "another"],
    )
    def test_group_opening_a_clause(self, text: str, words: str, plural: bool) -> None:
        """ "The two", "another": a speaker without a head noun."""
        found = before(text, " said")
        assert found is not None
        assert (text[found.start : found.end], found.kind, found.plural) == (
            words,
            MentionKind.DESCRIPTION,
            plural,
        )

    @pytest.mark.parametrize("text", ["It cost money for some said", "He met the third said"])
    def test_group_inside_a_phrase_is_no_speaker(self, text: str) -> None:
        """ "for some", "met the third": inside a longer phrase, no subject."""
        found = before(text, " said")
        assert found is None or found.kind is not MentionKind.DESCRIPTION


class TestShares:
    """`mention_before` reads a share of people as a poll reports it."""

    def test_percent_of_people(self) -> None:
        """ "nearly two-thirds of primary voters": a plural description of people."""
        text = "and nearly two-thirds of primary voters said"
        found = before(text, " said")
        assert found is not None
        assert (text[found.start : found.end], found.plural) == ("nearly two-thirds of primary voters", True)

    def test_percent_of_a_thing(self) -> None:
        """ "40 percent of the budget": a share of no people is no mention."""
        assert before("and 40 percent of the budget said", " said") is None


class TestBarePlurals:
    """A plural head noun with unlisted modifiers is a subject only where it opens a phrase."""

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("Records show it, and aviation experts say", "aviation experts"),
            ("In Ostrava, border officials say", "border officials"),
            ("The rules, which officials say", "officials"),
        ],
        ids=["after-and", "after-comma", "after-which"],
    )
    def test_bare_plural_opening_a_phrase(self, text: str, words: str) -> None:
        """ "and aviation experts", ", border officials": a group speaking."""
        found = before(text, " say")
        assert found is not None
        assert text[found.start : found.end] == words

    def test_bare_plural_inside_a_phrase(self) -> None:
        """ "paid the harbour workers": "the" opens it, so it is read with its determiner."""
        found = before("He paid the harbour workers said", " said")
        assert found is not None
        assert found.start == "He paid the harbour workers said".index("the")

    def test_bare_plural_after_a_verb(self) -> None:
        """ "It hurt aviation experts": after a verb, no phrase is opened."""
        assert before("It hurt aviation experts said", " said") is None

    def test_share_of_a_named_thing(self) -> None:
        """ "32% of Republican statements": a share before a name is no description of people."""
        text = "It rated 32% of Republican statements"
        assert mention_before(text, text.index(" statements"), 0, names(text)) is None


# what stands before and after a name: prepositions, articles, determiners, blanks, line breaks
AROUND_NAME = st.lists(
    st.sampled_from(
        [*" \t\u00a0\n,'\u2019s", "of", "the", "The", "THE", "An", "a", "by", "bathe", "9", "é", "Lee"]
    ),
    max_size=10,
).map("".join)


class TestCheapTestsFirst:
    """Each cheap test before a pattern lets through everything the pattern would find."""

    @given(AROUND_NAME | st.text(), st.data())
    @example("representatives from the \n", None)  # `$` matches before a final line break
    @example("9the ", None)
    def test_the_word_before_a_name_is_the_patterns(self, text: str, data: st.DataObject | None) -> None:
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        end = data.draw(st.integers(start, len(text))) if data is not None else len(text)
        word = letters_before_blanks(text, start, end)
        if mentions._PREPOSITION_BEFORE.search(text, start, end) is not None:
            assert word in mentions._PREPOSITION_WORDS
        if mentions._ARTICLE_BEFORE.search(text, start, end) is not None:
            assert word in ("the", "The")
        if mentions._DETERMINER_BEFORE.search(text, start, end) is not None:
            assert word.lower() in mentions._DETERMINER_WORDS

    @given(AROUND_NAME | st.text(), st.data())
    def test_an_article_or_a_possessive_after(self, text: str, data: st.DataObject) -> None:
        """ "said *the* Kremlin spokesman", "Erdogan*'s* office": read where they can be."""
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        if mentions._ARTICLE_AFTER.match(text, start, end) is not None:
            assert text[start : start + 3] in ("the", "The")
        assert mentions._possessive_at(text, start) is text.startswith(mentions._POSSESSIVE, start)


def test_the_readings_of_runs_stay_bounded() -> None:
    """Each run's reading is remembered, but never more than a fixed number of runs: a stream
    of documents full of new names keeps memory flat."""

    def surname(index: int) -> str:  # a different run of letters for each index
        return "Q" + "".join(chr(97 + index // 26**place % 26) for place in range(4))

    text = " and ".join(f"Anna {surname(index)}" for index in range(mentions._READINGS_KEPT + 50))
    assert len(names(text)) > mentions._READINGS_KEPT
    assert 0 < len(mentions._READINGS) <= mentions._READINGS_KEPT
    assert mentions._reading("Lindsey Graham") == mentions._analyse("Lindsey Graham")
