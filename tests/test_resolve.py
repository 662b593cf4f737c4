"""Tests of quotes.resolve: from a mention to the speaker it stands for."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import quotes
import quotes.resolve
from quotes.mentions import Found, mention_after, mention_before, names
from quotes.model import Speaker, SpeakerKind
from quotes.registry import Registry, default_registry
from quotes.resolve import (
    _ACRONYM,
    _OR_ACRONYM,
    _SPELT_OUT_AFTER,
    Resolved,
    Resolver,
    _following,
    _spelt_out_after,
)
from quotes.sentences import sentences
from quotes.text import blanks_then

DAY = datetime.date(2019, 10, 29)
"""The date of the articles here: who held an office depends on it."""


def resolver(text: str, registry: Registry | None = None) -> Resolver:
    """A resolver over `text` with its names and sentences, of an article published on `DAY`."""
    known = default_registry() if registry is None else registry
    return Resolver(text, names(text), known, sentences(text), DAY)


def subject(text: str, cue: str = " said") -> Found:
    """The mention that ends right before the first `cue` of `text`."""
    found = mention_before(text, text.index(cue), 0, names(text))
    assert found is not None
    return found


def resolve(
    text: str, cue: str = " said", history: list[tuple[int, Resolved]] | None = None
) -> Resolved | None:
    """What the subject of the first `cue` of `text` resolves to."""
    return resolver(text).resolve(subject(text, cue), history or [])


def person(name: str, gender: str | None) -> Resolved:
    """An earlier attribution to a person, for a pronoun's history."""
    return Resolved(Speaker(name, kind=SpeakerKind.PERSON), 1.0, gender)


class TestNames:
    """A name goes to the registry, else to its fullest form in the article."""

    @pytest.mark.parametrize(
        ("text", "cue"),
        [
            ("Economist Hannah Brandt published the survey. Brandt said prices would fall.", " said"),
            ("Brandt spoke first. Hannah Brandt is an economist at the bank.", " spoke"),
        ],
        ids=["full-name-first", "full-name-later"],
    )
    def test_surname_gets_the_fullest_name(self, text: str, cue: str) -> None:
        """ "Brandt" is the article's "Hannah Brandt", wherever the full name stands."""
        resolved = resolve(text, cue)
        assert resolved is not None
        assert resolved.speaker == Speaker("Hannah Brandt", None, SpeakerKind.PERSON)
        assert resolved.certainty == 1.0

    def test_registered_surname_gets_the_registry_entry(self) -> None:
        """ "Peskov" is the registered Dmitry Peskov, with his id."""
        resolved = resolve("The Kremlin said no. Peskov agreed.", " agreed")
        assert resolved is not None
        assert (resolved.speaker.name, resolved.speaker.id) == ("Dmitry Peskov", "dmitry-peskov")

    def test_a_stray_mark_inside_a_registered_name_is_still_that_person(self) -> None:
        """ "Recep T'ayyip Erdogan", a stray apostrophe in the name, leaves "Erdogan" the registry's."""
        text = "Turkish President Recep T'ayyip Erdogan spoke. Erdogan said talks would go on."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.id == "recep-tayyip-erdogan"

    def test_acronym_gets_its_spelt_out_form(self) -> None:
        """ "the SDF" is the Syrian Democratic Forces the article spelt out."""
        text = "The Syrian Democratic Forces (SDF) held the town. The SDF said the siege was over."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker == Speaker("Syrian Democratic Forces", kind=SpeakerKind.ORGANISATION)


class TestDescriptions:
    """A description goes to the registry's roles, else to the name it describes."""

    @pytest.mark.parametrize(
        ("description", "speaker_id"),
        [
            ("the Kremlin spokesman", "dmitry-peskov"),
            ("the Russian foreign minister", "sergey-lavrov"),
            ("the Turkish president", "recep-tayyip-erdogan"),
        ],
        ids=["kremlin-spokesman", "russian-foreign-minister", "turkish-president"],
    )
    def test_registry_title_gives_its_holder(self, description: str, speaker_id: str) -> None:
        """A registered role resolves to the official, a little less surely than a name."""
        text = f"Later {description} said nothing."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.id == speaker_id
        assert resolved.certainty < 1.0

    def test_user_title_gives_the_user_official(self) -> None:
        """A role from a merged user registry resolves like a shipped one."""
        registry = default_registry().merge(
            Registry.from_toml(
                '[[entry]]\nid = "ingrid-solheim"\nname = "Ingrid Solheim"\nkind = "person"\n'
                'roles = [{ title = "Norwegian trade minister" }]\n'
            )
        )
        text = "Later the Norwegian trade minister said nothing."
        resolved = resolver(text, registry).resolve(subject(text))
        assert resolved is not None
        assert resolved.speaker.id == "ingrid-solheim"

    def test_definite_description_gives_the_earlier_name(self) -> None:
        """ "The minister" is the Finance Minister named before."""
        text = "Finance Minister Petra Halvorsen presented the budget. The minister said taxes would fall."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == "Petra Halvorsen"

    def test_document_gives_the_earlier_organisation(self) -> None:
        """ "The statement" speaks for the organisation named before it."""
        text = "The Norwegian Environment Agency met on Friday. The statement said no."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker == Speaker("Norwegian Environment Agency", kind=SpeakerKind.ORGANISATION)


class TestPronouns:
    """A pronoun goes to the nearest earlier speaker it agrees with."""

    def test_she_skips_a_nearer_man(self) -> None:
        """ "she" passes over the man named last for the woman before him."""
        text = "Laura Pike flew to Ottawa. Oliver Brandt met her at the airport. She said no."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == "Laura Pike"

    def test_he_takes_the_nearer_man(self) -> None:
        """ "he" takes the man named last."""
        text = "Laura Pike flew to Ottawa. Oliver Brandt met her at the airport. He said no."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == "Oliver Brandt"

    def test_he_takes_the_subject_of_his_own_sentence(self) -> None:
        """ "X did A, and he said B": the sentence's own subject, over a man named before it and
        over the latest speaker."""
        text = "Oliver Brandt arrived. Mayor Tom Reed closed the bridge in May, and he said it was unsafe."
        history = [(0, person("Oliver Brandt", "male"))]
        resolved = resolve(text, history=history)
        assert resolved is not None
        assert resolved.speaker.name == "Tom Reed"

    def test_pronoun_is_less_sure_than_a_name(self) -> None:
        """Resolving "she" is less certain than resolving a name."""
        resolved = resolve("Hannah Brandt left early. She said nothing.")
        assert resolved is not None
        assert resolved.speaker.name == "Hannah Brandt"
        assert resolved.certainty < 1.0

    def test_history_is_searched_for_a_compatible_gender(self) -> None:
        """Among earlier attributions, "she" takes the latest woman, not the latest speaker."""
        text = "Both spoke. She said no."
        history = [(0, person("Hannah Brandt", "female")), (5, person("Oliver Brandt", "male"))]
        resolved = resolve(text, history=history)
        assert resolved is not None
        assert resolved.speaker.name == "Hannah Brandt"

    def test_no_compatible_speaker_gives_none(self) -> None:
        """ "she" after only a man resolves to nobody rather than to him."""
        text = "Both spoke. She said no."
        assert resolve(text, history=[(0, person("Oliver Brandt", "male"))]) is None

    def test_they_takes_an_organisation_not_a_person(self) -> None:
        """ "they" skips a single person for an organisation."""
        text = "Both spoke. They said no."
        organisation = Resolved(Speaker("Acme Shipping", kind=SpeakerKind.ORGANISATION), 1.0, plural=True)
        resolved = resolve(text, history=[(0, organisation), (5, person("Oliver Brandt", "male"))])
        assert resolved is not None
        assert resolved.speaker.name == "Acme Shipping"


class TestFirstNames:
    """A given name alone is the one person of the article who bears it."""

    @pytest.mark.parametrize(
        "text",
        [
            "Boris Johnson arrived late. Boris said the talks would go on.",
            "Boris said the talks would go on. Boris Johnson arrived late.",
        ],
        ids=["full-name-first", "full-name-later"],
    )
    def test_given_name_gets_the_fullest_name(self, text: str) -> None:
        """ "Boris" is the article's "Boris Johnson", wherever the full name stands."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == "Boris Johnson"

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("Boris Johnson met Boris Becker. Boris said the talks would go on.", "Boris"),
            ("Gordon Brown met Jane Gordon. Gordon said the talks would go on.", "Jane Gordon"),
        ],
        ids=["two-people-share-it", "also-a-surname"],
    )
    def test_ambiguous_given_name_is_left(self, text: str, speaker: str) -> None:
        """A given name two people share stays as written; a surname stays a surname."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker


class TestOrganisationDescriptions:
    """A definite description of an organisation is its fuller name in the article."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("The Court of Session ruled on Friday. Later the court said no.", "Court of Session"),
            ("The Centre for Aviation published data. Later the Centre said no.", "Centre for Aviation"),
            (
                "The Oslo Port Authority press service met. Later the press service said no.",
                "Oslo Port Authority press service",
            ),
            ("The Norwegian Foreign Ministry met. Later the ministry said no.", "Norwegian Foreign Ministry"),
        ],
        ids=["court-of-session", "centre-for-aviation", "press-service", "head-last"],
    )
    def test_head_gets_the_named_organisation(self, text: str, speaker: str) -> None:
        """ "the court" is the "Court of Session" named before: a name's head may come first."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker == Speaker(speaker, kind=SpeakerKind.ORGANISATION)

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "The Court of Session ruled. The Court of Session sits in Edinburgh. Above it is the Supreme"
                " Court of the United Kingdom. Later the court said no.",
                "Court of Session",
            ),
            (
                "The Court of Session ruled. Above it is the Supreme Court of the United Kingdom."
                " Later the court said no.",
                "Supreme Court of the United Kingdom",
            ),
        ],
        ids=["named-most-often", "else-the-nearest"],
    )
    def test_of_several_the_article_s_subject_wins(self, text: str, speaker: str) -> None:
        """The court named most often is "the court"; on a tie, the nearest; never a piece of a name."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("The Senate Judiciary Committee met. Later the Senate said no.", "Senate"),
            (
                "The Oslo Port Authority press service met. Later Oslo Port Authority said no.",
                "Oslo Port Authority",
            ),
            ("The Bank of England met. Later the court said no.", "the court"),
            ("The Court of Session met. Later the Court said no.", "Court of Session"),
        ],
        ids=["senate-is-no-committee", "authority-is-no-press-service", "other-head", "control"],
    )
    def test_organisation_with_another_head_is_not_merged(self, text: str, speaker: str) -> None:
        """A name that holds the word but is headed by another is a different organisation."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker

    def test_an_organisation_named_after_a_person_is_the_organisation(self) -> None:
        """ "the Erdogan government" is the government, not the president whose title holds
        the word "government"."""
        text = (
            "Turkish government head Recep Tayyip Erdogan spoke. The Erdogan government claimed"
            " that its goal was a buffer zone."
        )
        resolved = resolve(text, cue=" claimed")
        assert resolved is not None
        assert resolved.speaker == Speaker("The Erdogan government", kind=SpeakerKind.ORGANISATION)


class TestEquivalentOrganisations:
    """Two names of one organisation get its fullest form in the article."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "The Norwegian Ministry of Foreign Affairs met. The Norwegian Foreign Ministry said no.",
                "Norwegian Ministry of Foreign Affairs",
            ),
            (
                "The Norwegian Defence Ministry met. The Norwegian Ministry of Defence said no.",
                "Norwegian Ministry of Defence",
            ),
            ("The Ministry of the Interior met. The Interior Ministry said no.", "Ministry of the Interior"),
            (
                "The Turkish Ministry of Foreign Affairs met. The Turkish Foreign Ministry said no.",
                "Turkish Ministry of Foreign Affairs",
            ),
        ],
        ids=["foreign-affairs", "defence-the-fuller-itself", "interior", "registered"],
    )
    def test_same_words_in_another_order_are_one_organisation(self, text: str, speaker: str) -> None:
        """ "X Ministry" is "Ministry of X": "of", "the" and "Affairs" aside, the words are the same."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker

    def test_registered_organisation_keeps_its_id(self) -> None:
        """The article's fuller form names a registered ministry without losing its id."""
        text = "The Turkish Ministry of Foreign Affairs met. The Turkish Foreign Ministry said no."
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.id == "turkish-foreign-ministry"

    @pytest.mark.parametrize(
        "text",
        [
            "The Norwegian Ministry of Foreign Affairs met. The Swedish Foreign Ministry said no.",
            "The Ministry of Health met. The Health and Care Ministry said no.",
            "The Norwegian Foreign Ministry met. The Foreign Ministry said no.",
        ],
        ids=["other-country", "more-words", "fewer-words"],
    )
    def test_different_words_are_not_merged(self, text: str) -> None:
        """A name with a word the other lacks stays as written."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == text[text.index("The ", 5) + 4 : text.index(" said")]


class TestOwnedDocuments:
    """A document with an owner ("the court's summary") speaks for its owner."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("The Court of Session ruled. Later the court's summary said no.", "Court of Session"),
            ("Hannah Brandt left early. Later Brandt's statement said no.", "Hannah Brandt"),
            ("The Court of Session ruled. Later the court’s summary said no.", "Court of Session"),
        ],
        ids=["the-court-s", "a-surname-s", "curly-apostrophe"],
    )
    def test_owner_is_resolved(self, text: str, speaker: str) -> None:
        """The owner is resolved as if it spoke itself, a little less surely than a name."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker
        assert resolved.certainty < 1.0

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("Hannah Brandt left early. Later the campaign's spokesman said no.", "the campaign's spokesman"),
            (
                "The Norwegian Environment Agency met. Later the statement said no.",
                "Norwegian Environment Agency",
            ),
        ],
        ids=["owned-person", "unowned-document"],
    )
    def test_only_an_owned_document_goes_to_its_owner(self, text: str, speaker: str) -> None:
        """A spokesman is no document, and a document without an owner still speaks for the last issuer."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker


class TestAcronyms:
    """An acronym is the name it spells out, where the article says so."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "The Federal Bureau of Investigation, or FBI, opened a case. The FBI said no.",
                "Federal Bureau of Investigation",
            ),
            ("Medecins Sans Frontieres (MSF) sent a team. MSF said no.", "Medecins Sans Frontieres"),
            (
                "The Federal Security Service (FSB) opened a case. The FSB said no.",
                "Federal Security Service",
            ),
            (
                "The Investigative Committee and the Federal Security Service (FSB) opened a case."
                " The FSB said no.",
                "Federal Security Service",
            ),
        ],
        ids=["or-acronym", "bracket-unknown-kind", "bracket-organisation", "bracket-after-two-names"],
    )
    def test_acronym_gets_the_name_it_spells(self, text: str, speaker: str) -> None:
        """ "(MSF)" after "Medecins Sans Frontieres", ", or FBI," after its name: the initials match."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker == Speaker(speaker, kind=SpeakerKind.ORGANISATION)

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("The Federal Bureau of Investigation, or CIA, opened a case. The CIA said no.", "CIA"),
            ("Medecins Sans Frontieres (UN) sent a team. The UN said no.", "UN"),
        ],
        ids=["or-other-letters", "bracket-other-letters"],
    )
    def test_acronym_with_other_letters_stays(self, text: str, speaker: str) -> None:
        """An acronym whose letters are not the name's initials stays as written."""
        resolved = resolve(text)
        assert resolved is not None
        assert resolved.speaker.name == speaker


class TestQualifiedTitles:
    """A registered title with a fitting nationality before it is the title's holder."""

    def test_fitting_nationality_gives_the_holder(self) -> None:
        """ "the Russian presidential spokesman" is Dmitry Peskov, the registry's presidential spokesman."""
        resolved = resolve("Later the Russian presidential spokesman said no.")
        assert resolved is not None
        assert resolved.speaker.id == "dmitry-peskov"

    @pytest.mark.parametrize("nation", ["Turkish", "French"])
    def test_other_nationality_is_not_the_holder(self, nation: str) -> None:
        """Without a Turkish spokesman registered, "the Turkish presidential spokesman" is not Peskov."""
        registry = Registry([e for e in default_registry().entries if e.id != "ibrahim-kalin"])
        text = f"Later the {nation} presidential spokesman said no."
        resolved = resolver(text, registry).resolve(subject(text))
        assert resolved is not None
        assert resolved.speaker.id is None
        assert resolved.speaker.name == f"the {nation} presidential spokesman"


def after(text: str, words: str) -> Resolved | None:
    """What the mention right after the first `words` of `text` resolves to: "said *his father*"."""
    found = names(text)
    mention = mention_after(text, text.index(words) + len(words), len(text), found)
    assert mention is not None
    return Resolver(text, found, default_registry(), sentences(text)).resolve(mention, [])


class TestAppositions:
    """A description with a name beside it between commas is that name's speaker."""

    @pytest.mark.parametrize(
        "text",
        [
            "The boy died in 2015. “It is hard,” said his father, Abdullah Kurdi, after the ceremony.",
            "The boy died in 2015. “It is hard,” said his father, Abdullah Kurdi.",
        ],
        ids=["comma-after", "full-stop-after"],
    )
    def test_the_name_beside_a_description(self, text: str) -> None:
        """ "his father, Abdullah Kurdi," is Abdullah Kurdi, a little less surely than the name."""
        resolved = after(text, "said ")
        assert resolved is not None
        assert resolved.speaker.name == "Abdullah Kurdi"
        assert resolved.certainty < 1.0

    def test_a_list_after_a_description_is_no_apposition(self) -> None:
        """ "the minister, Moscow and Kyiv" lists; the minister stays as written."""
        resolved = after("“We will appeal,” said the minister, Moscow and Kyiv agreed.", "said ")
        assert resolved is not None
        assert resolved.speaker.name == "the minister"


class TestDocumentIssuers:
    """A document that names who issued it ("a tweet by X") speaks for X."""

    def test_issuer_after_by(self) -> None:
        """ "a tweet on Monday by US Secretary of State Mike Pompeo" is Mike Pompeo's."""
        text = (
            "The US sanctioned the airline. “It carries weapons,” according to a tweet on Monday "
            "by US Secretary of State Mike Pompeo."
        )
        resolved = after(text, "according to ")
        assert resolved is not None
        assert resolved.speaker.name == "Mike Pompeo"

    def test_issuer_in_another_sentence_is_not_read(self) -> None:
        """A "by" past the document's sentence names someone else: the last organisation speaks."""
        text = (
            "The Norwegian Environment Agency met. “It is late,” according to a tweet. "
            "A reply came by Laura Pike."
        )
        resolved = after(text, "according to ")
        assert resolved is not None
        assert resolved.speaker.name == "Norwegian Environment Agency"


class TestSubjectsBeforeAnAcronym:
    """A name that a cue follows past its bracketed acronym is a subject, so an antecedent."""

    def test_they_takes_the_commission_before_its_acronym(self) -> None:
        """ "the Commission on Fair Trade (CFT) also criticized" makes it the "they" that follows."""
        text = (
            "In an interview with Radio Europe, the Agency for Standards said the move was legal. "
            "This Thursday the Commission on Fair Trade (CFT) also criticized the move. They said no."
        )
        resolved = resolve(text, " said no")
        assert resolved is not None
        assert resolved.speaker.name == "Commission on Fair Trade"


# text around a name: brackets, commas, blanks of three kinds, letters in and out of ASCII
AFTER_NAME = st.lists(
    st.sampled_from(
        [*" \t\u00a0,()\n.-'", "a", "Zé", "ſ", "\u0301", "9", "said", "also", "USCIRF", "or", "x" * 23]
    ),
    max_size=24,
).map("".join)


class TestReadingWhatFollowsAName:
    """The compiled build reads the words after a name in a loop; `_FOLLOWING` finds the same."""

    @given(AFTER_NAME | st.text(), st.data())
    @example(" (USCIRF) also criticized", None)
    @example(" (" + "x" * 24 + ") said", None)  # the most a bracket holds
    @example(" (" + "x" * 25 + ") said", None)  # one character more: no acronym, and no word
    @example(", \u00a0Ortagus, indicated", None)
    @example(" () said", None)
    @example(" (a\nb) said", None)  # no line break in brackets
    @example("\t(x) , also said it", None)
    def test_reading_finds_what_the_pattern_finds(self, text: str, data: st.DataObject | None) -> None:
        position = data.draw(st.integers(0, len(text))) if data is not None else 0
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(quotes.resolve, "COMPILED", False)
            expected = _following(text, position)
            patch.setattr(quotes.resolve, "COMPILED", True)  # the loop, in pure Python too
            assert _following(text, position) == expected

    @given(AFTER_NAME | st.text(), st.data())
    def test_an_acronym_may_follow_where_it_may_begin(self, text: str, data: st.DataObject) -> None:
        """Where a name ends, an acronym may follow exactly where `_SPELT_OUT_AFTER` starts the text."""
        end = data.draw(st.integers(0, len(text)))
        assert _spelt_out_after(text, end) is text.startswith(_SPELT_OUT_AFTER, end)

    @given(AFTER_NAME | st.text(), st.data())
    @example(" (FSB) said", None)
    @example(", or FBI,", None)
    @example(",\u00a0\tor NATO", None)
    def test_an_acronym_is_read_where_its_first_characters_are(
        self, text: str, data: st.DataObject | None
    ) -> None:
        """The engine is asked for a spelt-out acronym only after " (" or ", or": wherever
        either pattern matches, those characters are there."""
        end = data.draw(st.integers(0, len(text))) if data is not None else 0
        if _ACRONYM.match(text, end) is not None:
            assert text[end + 1 : end + 2] == "("
        if _OR_ACRONYM.match(text, end) is not None:
            assert text[end : end + 1] == ","
            assert blanks_then(text, end + 1, len(text), "or")


def test_sentence_openings_from_a_list_or_an_array_resolve_alike() -> None:
    """A text of very many sentences keeps their openings in an array, not a list: the names
    that open a sentence, a pronoun's likeliest antecedents, are the same either way."""
    text = "Karin Holm runs the ferry. The mayor met Anna Berg. (Lee Tan) drove."

    def subjects() -> list[str]:
        return [name.name for name in resolver(text)._subjects_before(len(text))]

    listed = subjects()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quotes.resolve, "LISTED", -1)
        arrays = subjects()
    assert listed == arrays == ["Karin Holm", "Lee Tan"]
