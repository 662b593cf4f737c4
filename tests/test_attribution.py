"""Tests of quotes.attribution: one hand-written news sentence for each pattern of attribution.

They run the rules alone (``speakers="rules"``), the module under test; the learned ranker,
the default, is tested in test_ranking.py and on the seeds and the development set.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import quotes
import quotes.attribution
from quotes.attribution import _AS_BEFORE, _BY, _RELATIVE, Document, _as_before, _in_relative
from quotes.model import Quote, QuoteKind
from quotes.registry import Registry, default_registry
from quotes.text import blanks_then

RULES = quotes.Extractor(speakers="rules")


def only(text: str, published: str | None = None) -> Quote:
    """The one quotation the rules find in `text`, published on the day `published`."""
    (quote,) = RULES(text, published)
    return quote


def who(quote: Quote) -> tuple[str | None, str | None, str | None]:
    """(speaker name, mention words, cue words) of a quotation."""
    speaker = quote.speaker.name if quote.speaker else None
    mention = quote.speaker_mention.text if quote.speaker_mention else None
    cue = quote.cue.text if quote.cue else None
    return speaker, mention, cue


class TestReportingClause:
    """A reporting clause next to the quote names its speaker."""

    def test_tail_name_after_the_quote(self) -> None:
        """ "…," X said: the name after the quote is the speaker."""
        quote = only('"The bridge will reopen before the holidays," Oliver Brandt said on Tuesday.')
        assert who(quote) == ("Oliver Brandt", "Oliver Brandt", "said")

    def test_inverted_tail(self) -> None:
        """ "…," said X: the cue may come before the name."""
        quote = only('"The bridge will reopen before the holidays," said Oliver Brandt.')
        assert who(quote) == ("Oliver Brandt", "Oliver Brandt", "said")

    def test_colon_head(self) -> None:
        """X said: "…": the speaker and cue come first."""
        quote = only('Harbour authority chief Tomas Lindqvist said: "The cranes are back in service."')
        assert who(quote) == ("Tomas Lindqvist", "Harbour authority chief Tomas Lindqvist", "said")

    def test_said_that_gives_a_mixed_quote(self) -> None:
        """X said that "…": a quoted fragment of a paraphrase, attributed to X."""
        quote = only('Mayor Rachel Okafor said that "no family will be left without heating" this winter.')
        assert quote.kind is QuoteKind.MIXED
        assert who(quote) == ("Rachel Okafor", "Mayor Rachel Okafor", "said")

    def test_according_to_before_a_quote(self) -> None:
        """According to X, "…": the speaker follows the cue."""
        quote = only('According to Karin Holm, "the ferries will run again on Saturday."')
        assert who(quote) == ("Karin Holm", "Karin Holm", "According to")

    def test_according_to_with_a_subject_between(self) -> None:
        """According to X, Ankara "…": the source, not the country in between, is the speaker."""
        quote = only('According to Erdogan, Ankara "will not stand idle" while the shelling goes on.')
        assert who(quote) == ("Recep Tayyip Erdogan", "Erdogan", "According to")

    def test_dash_before_the_quote(self) -> None:
        """X said — "…": a dash may stand where the colon would."""
        quote = only('Ines Duarte said — "We will rebuild every school by spring."')
        assert who(quote) == ("Ines Duarte", "Ines Duarte", "said")


class TestSplitAndContinued:
    """A speaker carries over to the rest of a split or continued quotation."""

    def test_both_halves_of_a_split_quote(self) -> None:
        """ "…," he said, "…": both halves belong to the same speaker."""
        text = (
            "Union leader Martin Cole addressed the strikers outside the depot. "
            '"We owe the members an answer," he said, "and they will get one on Monday."'
        )
        first, second = RULES(text)
        assert who(first) == ("Martin Cole", "he", "said")
        assert who(second) == ("Martin Cole", "he", "said")

    def test_next_paragraph_opening_with_a_quote_continues(self) -> None:
        """A paragraph that is only a quotation continues the last speaker."""
        text = (
            '"The storm damaged two of our ramps," Karin Holm said.\n\n'
            '"Engineers have worked through the night to repair them."'
        )
        first, second = RULES(text)
        assert first.speaker is not None
        assert first.speaker.name == "Karin Holm"
        assert second.speaker == first.speaker

    def test_quote_after_narration_does_not_continue(self) -> None:
        """A quote after narration in a new paragraph is not the last speaker's by default."""
        text = (
            '"The storm damaged two of our ramps," Karin Holm said.\n\n'
            'The company runs six boats between the islands. "Engineers have worked through the night."'
        )
        assert RULES(text)[1].speaker is None

    def test_cue_in_the_next_sentence(self) -> None:
        """ "…." X later wrote, "…": a cue may follow in the next sentence."""
        text = (
            "Banker Daniel Ferris did not stay for the signing. "
            '"The deal is done." Ferris later wrote on social media, "Now the work begins."'
        )
        first, second = RULES(text)
        assert who(first) == ("Daniel Ferris", "Ferris", "wrote")
        assert who(second) == ("Daniel Ferris", "Ferris", "wrote")

    def test_continuation_before_another_speaker(self) -> None:
        """ "A," X said. "B." Y said: "C.": B is still X's; Y's cue introduces C, not B."""
        text = (
            "“The bridge will reopen,” Ana Novak said. “The market will grow.” "
            "Marek Petrov said: “The canal will close.”"
        )
        assert [q.speaker.name if q.speaker else None for q in RULES(text)] == [
            "Ana Novak",
            "Ana Novak",
            "Marek Petrov",
        ]

    @pytest.mark.parametrize(("opening", "closing"), [("‘", "’"), ("'", "'")], ids=["curly", "straight"])
    def test_single_marks_run_on_into_the_next_paragraph(self, opening: str, closing: str) -> None:
        """British style: ‘A. ¶ ‘B.’ is one speaker's quotation over two paragraphs."""
        text = f"Ana Novak said: {opening}The bridge will reopen.\n\n{opening}The market will grow.{closing}"
        found = [(q.kind.value, q.text, q.speaker.name if q.speaker else None) for q in RULES(text)]
        assert found == [
            ("direct", "The bridge will reopen.", "Ana Novak"),
            ("direct", "The market will grow.", "Ana Novak"),
        ]

    def test_that_is_what_x_told_reporters(self) -> None:
        """ "…." That is what X told reporters: the speaker is named after the quote."""
        quote = only(
            '"We are ready for the vote." That is what Defence Minister Karl Brenner told reporters.'
        )
        assert who(quote) == ("Karl Brenner", "Defence Minister Karl Brenner", "told")


class TestResolution:
    """The mention at a quote is resolved to the speaker it stands for."""

    @pytest.mark.parametrize(
        ("pronoun", "speaker"),
        [("she", "Laura Pike"), ("he", "Oliver Brandt")],
        ids=["she-skips-the-nearer-man", "he-takes-the-nearer-man"],
    )
    def test_pronoun_takes_the_nearest_person_of_its_gender(self, pronoun: str, speaker: str) -> None:
        """he/she goes to the nearest earlier person of a compatible gender."""
        text = (
            "Laura Pike flew to Ottawa on Monday. Oliver Brandt greeted her at the airport. "
            f'"The tariffs hurt farmers on both sides," {pronoun} said.'
        )
        assert who(only(text)) == (speaker, pronoun, "said")

    @pytest.mark.parametrize(
        ("text", "speaker_id", "mention"),
        [
            (
                '"Moscow has no plans to close the embassy," the Kremlin spokesman said.',
                "dmitry-peskov",
                "the Kremlin spokesman",
            ),
            (
                'The Russian foreign minister said: "We expect a written reply by Friday."',
                "sergey-lavrov",
                "The Russian foreign minister",
            ),
            (
                '"Moscow has no plans to close the embassy," said the Russian foreign minister.',
                "sergey-lavrov",
                "the Russian foreign minister",
            ),
        ],
        ids=["kremlin-spokesman", "russian-foreign-minister", "said-then-the-role"],
    )
    def test_role_resolves_through_the_registry(self, text: str, speaker_id: str, mention: str) -> None:
        """A role description is the official who held it on the article's date."""
        quote = only(text, "2019-10-29")
        assert quote.speaker is not None
        assert quote.speaker.id == speaker_id
        assert quote.speaker_mention is not None
        assert quote.speaker_mention.text == mention

    def test_spelling_variant_resolves_through_the_registry(self) -> None:
        """Erdoğan with its diacritic is the registered Recep Tayyip Erdogan."""
        quote = only('"Turkey will keep its border posts open," Erdoğan said.')
        assert who(quote) == ("Recep Tayyip Erdogan", "Erdoğan", "said")
        assert quote.speaker is not None
        assert quote.speaker.id == "recep-tayyip-erdogan"

    def test_unknown_surname_gets_the_fullest_name(self) -> None:
        """An unregistered speaker named by surname gets the article's fullest form, and no id."""
        text = (
            "Maria Kovalenko, who runs a shelter in Kharkiv, spent the night in the basement. "
            '"The shelling stopped only at dawn," Kovalenko said.'
        )
        quote = only(text)
        assert who(quote) == ("Maria Kovalenko", "Kovalenko", "said")
        assert quote.speaker is not None
        assert quote.speaker.id is None

    @pytest.mark.parametrize(
        "text",
        [
            '"The corridor stays open," Olga Dyachenko, the economy minister, said.',
            'Olga Dyachenko, the economy minister, said: "The corridor stays open."',
            'The economy minister, Olga Dyachenko, said: "The corridor stays open."',
            '"The corridor stays open," the economy minister, Olga Dyachenko, said.',
        ],
        ids=["tail-name-then-title", "head-name-then-title", "head-title-then-name", "tail-title-then-name"],
    )
    def test_apposition_gives_the_name(self, text: str) -> None:
        """Name, title, said and The title, Name, said: the name is the speaker."""
        assert who(only(text)) == ("Olga Dyachenko", "Olga Dyachenko", "said")

    def test_pronoun_reaches_a_name_of_unknown_kind(self) -> None:
        """A person whose given name the library does not know is still a pronoun's antecedent."""
        text = 'Helena Marsh arrived first. Oliver Brandt followed her. "We are not here to argue," she said.'
        assert who(only(text)) == ("Helena Marsh", "she", "said")

    @pytest.mark.parametrize(
        "opening",
        [
            "The Ukrainian Defence Ministry published new figures on Thursday.",
            "On Thursday the Ukrainian Defence Ministry published new figures.",
            "Figures from the Ukrainian Defence Ministry showed a rise.",
        ],
        ids=["subject", "after-an-adverbial", "after-a-preposition"],
    )
    def test_organisation_description_takes_the_earlier_name(self, opening: str) -> None:
        """ "the ministry said" is the ministry the article named before, and nothing around it."""
        text = f'{opening} "Air defences shot down 41 of the 45 drones overnight," the ministry said.'
        assert who(only(text)) == ("Ukrainian Defence Ministry", "the ministry", "said")

    def test_role_with_an_unlisted_word(self) -> None:
        """A role with a word no list holds ("fisheries") is still a description."""
        quote = only('"Quotas will be cut by a fifth," the fisheries minister said.')
        assert who(quote) == ("the fisheries minister", "the fisheries minister", "said")

    @pytest.mark.parametrize(
        ("opening", "mention"),
        [
            ("The Norwegian Environment Agency released its annual survey on Wednesday.", "the report"),
            ("The Norwegian Environment Agency released a statement on Wednesday.", "the statement"),
        ],
        ids=["report", "statement"],
    )
    def test_document_speaks_for_its_issuer(self, opening: str, mention: str) -> None:
        """ "…," the report said: a document's words are its issuer's."""
        text = f'{opening} "Wild salmon stocks fell for the fourth year running," {mention} said.'
        assert who(only(text)) == ("Norwegian Environment Agency", mention, "said")


class TestOwnedDocuments:
    """A document with an owner speaks for the owner."""

    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            (
                "The Court of Session ruled on Friday. “The prorogation was unlawful,”"
                " the court's summary said.",
                "Court of Session",
            ),
            (
                "The Norwegian Foreign Ministry met. “Talks will go on,” the ministry's statement said.",
                "Norwegian Foreign Ministry",
            ),
            ("Donald Trump spoke. “Talks will go on,” Trump's statement said.", "Donald Trump"),
        ],
        ids=["court-summary", "ministry-statement", "named-owner"],
    )
    def test_owner_is_the_speaker(self, text: str, speaker: str) -> None:
        """ "the court's summary said": the court speaks, under its fullest name."""
        assert who(only(text))[0] == speaker

    def test_owned_document_does_not_reach_back_for_an_issuer(self) -> None:
        """An earlier unowned "summary" and its sentence's subject do not issue "the court's summary"."""
        text = (
            "The Court of Session ruled. Judge Colin Sutherland decided, according to the summary,"
            " that it was unlawful.\n\nThe court's summary concluded with the statement: “The order is void.”"
        )
        assert who(only(text))[0] == "Court of Session"

    def test_document_source_after_a_cue_is_not_the_speaker(self) -> None:
        """X decided, according to the summary, "…": the summary is X's source, X speaks."""
        text = (
            "The Court of Session met. Judge Colin Sutherland decided, according to the summary,"
            " “that the advice was unlawful”."
        )
        assert who(only(text))[0] == "Colin Sutherland"


class TestNotTheSpeaker:
    """Words that look like attribution but are not."""

    def test_cue_inside_the_quotation_is_not_the_cue(self) -> None:
        """ "… he said …," X recalled: the narrator's cue is outside the marks."""
        text = (
            "Nurse Janet Ogden described the night shift. "
            '"A man came in bleeding and he said he had been stabbed outside the station," Ogden recalled.'
        )
        assert who(only(text)) == ("Janet Ogden", "Ogden", "recalled")

    def test_quote_whose_only_cue_is_inside_has_no_speaker(self) -> None:
        """A quote whose only "he said" is its own words has no cue and no speaker."""
        quote = only('"A man came in bleeding and he said he had been stabbed outside the station."')
        assert who(quote) == (None, None, None)

    def test_participle_belongs_to_the_sentence_subject(self) -> None:
        """X spoke out against the plan, calling it "…": X is the speaker."""
        quote = only(
            'Farmer Owen Price spoke out against the pipeline plan, calling it "a scar across the valley."'
        )
        assert who(quote) == ("Owen Price", "Farmer Owen Price", "calling")

    @pytest.mark.parametrize(
        "text",
        [
            '"We will rebuild the schools," Mayor Ines Duarte said, as reported by the Lisbon Herald.',
            'Mayor Ines Duarte promised to "rebuild the schools," as reported by the Lisbon Herald.',
            'As reported by the Lisbon Herald, Mayor Ines Duarte said: "We will rebuild the schools."',
        ],
        ids=["after-tail", "after-mixed", "before-head"],
    )
    def test_reporting_outlet_is_not_the_speaker(self, text: str) -> None:
        """As reported by <outlet>: the outlet is a source, not the speaker."""
        quote = only(text)
        assert quote.speaker is not None
        assert quote.speaker.name == "Ines Duarte"

    def test_outlet_alone_gives_no_speaker(self) -> None:
        """With only the outlet named, the quote has no speaker rather than the outlet."""
        quote = only('"We will rebuild every school by spring," as reported by the Lisbon Herald.')
        assert quote.speaker is None


class TestConfidence:
    """Confidence follows the strength of the evidence for the speaker."""

    def test_quote_without_speaker_is_less_sure(self) -> None:
        """A quote nobody is named for scores below an attributed one."""
        alone = only('"The water is rising faster than anyone expected."')
        named = only('"The water is rising faster than anyone expected," Karin Holm said.')
        assert alone.speaker is None
        assert alone.confidence < named.confidence

    def test_tail_name_beats_pronoun(self) -> None:
        """ "…," Holm said is surer than "…," she said."""
        opening = "Ferry operator Karin Holm inspected the damage on Friday. "
        named = only(opening + '"The storm damaged two of our ramps," Holm said.')
        pronoun = only(opening + '"The storm damaged two of our ramps," she said.')
        assert named.speaker == pronoun.speaker
        assert named.confidence > pronoun.confidence


class TestUserRegistry:
    """A user's registry extends attribution to their own officials."""

    SOURCE = """
[[entry]]
id = "ingrid-solheim"
name = "Ingrid Solheim"
kind = "person"
gender = "female"
aliases = ["Solheim"]
roles = [{ title = "Norwegian trade minister", organisation = "Norwegian Ministry of Trade" }]
"""

    @pytest.mark.parametrize(
        "text",
        [
            '"Quotas will be cut by a fifth," the Norwegian trade minister said.',
            '"Quotas will be cut by a fifth," Solheim said.',
        ],
        ids=["role-title", "alias"],
    )
    def test_merged_registry_resolves_the_new_official(self, text: str) -> None:
        """The new entry's role and alias lead to its id; the default registry knows neither."""
        extractor = quotes.Extractor(registry=default_registry().merge(Registry.from_toml(self.SOURCE)))
        (quote,) = extractor(text)
        assert quote.speaker is not None
        assert (quote.speaker.name, quote.speaker.id) == ("Ingrid Solheim", "ingrid-solheim")
        default = only(text).speaker
        assert default is not None
        assert default.id is None

    def test_merged_registry_keeps_the_default_officials(self) -> None:
        """Merging adds to the default registry rather than replacing it."""
        extractor = quotes.Extractor(registry=default_registry().merge(Registry.from_toml(self.SOURCE)))
        text = '"Moscow has no plans to close the embassy," the Kremlin spokesman said.'
        (quote,) = extractor(text, published="2019-10-29")
        assert quote.speaker is not None
        assert quote.speaker.id == "dmitry-peskov"


def test_user_registry_title_with_an_unlisted_word() -> None:
    """A user can register a role whose words no list holds."""
    mine = Registry.from_toml(
        """
        [[entry]]
        id = "ingrid-dahl"
        name = "Ingrid Dahl"
        kind = "person"
        gender = "female"
        roles = [{ title = "Norwegian fisheries minister" }]
        """
    )
    extract = quotes.Extractor(registry=default_registry().merge(mine))
    [quote] = extract('"Quotas will be cut by a fifth," the Norwegian fisheries minister said.')
    assert quote.speaker is not None
    assert quote.speaker.id == "ingrid-dahl"


class TestUsPoliticalStyle:
    """Conventions of US political news: party tags, abbreviated titles, stacked appositions."""

    def test_party_tag_after_the_name(self) -> None:
        quote = only('"We will not back down," Sen. Nora Kessler (R-Texas) said on Tuesday.')
        assert who(quote) == ("Nora Kessler", "Sen. Nora Kessler (R-Texas)", "said")

    def test_two_appositions_before_the_cue(self) -> None:
        """Name, party, role, said: the name is still the speaker."""
        text = 'Rep. Dana Ruiz, D-N.Y., one of the bill\'s sponsors, said the vote was "long overdue" here.'
        assert who(only(text))[0] == "Dana Ruiz"

    def test_the_senator_is_the_earlier_sen(self) -> None:
        """ "the senator" describes an earlier "Sen." of the article."""
        text = (
            "Sen. Margaret Olsen (D-Mich.) left the chamber early.\n\n"
            '"I do not know what more they want," the senator said.'
        )
        assert who(only(text)) == ("Margaret Olsen", "the senator", "said")

    def test_a_peer_holds_the_same_office(self) -> None:
        """ "his Hungarian counterpart X" ... "the Hungarian minister" is X."""
        text = (
            "Foreign Minister Ali Demir met his Hungarian counterpart Peter Varga in Ankara. "
            "Ukrainian Foreign Minister Oleh Bondar joined by video.\n\n"
            '"This is a good day," the Hungarian minister said.'
        )
        assert who(only(text)) == ("Peter Varga", "the Hungarian minister", "said")

    def test_a_pronoun_prefers_a_nearer_person_of_its_gender(self) -> None:
        """A nearer woman wins over an earlier speaker of unknown gender for "she"."""
        text = (
            '"Voters want results," Kelly Draper said.\n\n'
            'Asked about the remarks, Laura Benson laughed. "He can say what he wants," she said.'
        )
        quotes_found = RULES(text)
        assert who(quotes_found[-1]) == ("Laura Benson", "she", "said")

    def test_possessive_inside_an_organisation_name(self) -> None:
        quote = only('"Please leave the debris where it is," the Adams County Sheriff\'s Office said.')
        assert quote.speaker is not None
        assert quote.speaker.name == "Adams County Sheriff's Office"

    def test_a_short_quoted_sentence_is_speech(self) -> None:
        """A three-word quotation that is a sentence of its own is not a scare quote."""
        text = '"Our position is clear," she added. "That has not changed."'
        assert [q.text for q in RULES(text)] == ["Our position is clear,", "That has not changed."]


def reported_by(text: str) -> str | None:
    """The words naming the speaker of the one reported clause in `text`, or None if none is kept."""
    found = RULES(text)
    if not found:
        return None
    (quote,) = found
    assert quote.kind is QuoteKind.INDIRECT
    return quote.speaker_mention.text if quote.speaker_mention else None


class TestSpeakersOfReportedSpeech:
    """A reported clause is kept when its speaker is a group, a document, or stands apart from its cue."""

    def test_bare_plural_group(self) -> None:
        """Some economists say CLAUSE: a group without a name speaks."""
        text = "Some economists say that the rate cut in Ostrava came too late."
        assert reported_by(text) == "Some economists"

    def test_bare_plural_with_a_noun_modifier(self) -> None:
        """Harbour allies argued CLAUSE: a plural head with a modifier and no determiner."""
        text = "Harbour allies argued that the new pier would pay for itself."
        assert reported_by(text) == "Harbour allies"

    def test_group_of_a_possessor(self) -> None:
        """Okafor's advisers privately conceded CLAUSE: an adverb in -ly stands between."""
        text = "Okafor's advisers privately conceded that the count would be close."
        assert reported_by(text) == "Okafor's advisers"

    def test_document_speaks(self) -> None:
        """The filing said CLAUSE: a document speaks for whoever filed it."""
        text = "The filing said the ferry company had hidden its losses for years."
        assert reported_by(text) == "The filing"

    def test_figures_speak(self) -> None:
        """New figures suggest CLAUSE: findings and figures are documents too."""
        text = "New figures suggest the lake behind the dam is shrinking each summer."
        assert reported_by(text) == "New figures"

    def test_weekday_between_subject_and_cue(self) -> None:
        """Mayor X on Tuesday said CLAUSE: a time phrase stands between the speaker and the cue."""
        text = "Mayor Rachel Okafor on Tuesday said the tram line would reopen in spring."
        assert reported_by(text) == "Mayor Rachel Okafor"

    def test_this_week_between_subject_and_cue(self) -> None:
        """The fund this week said CLAUSE: "this week" is a time phrase."""
        text = "The pension fund this week said it would sell its stake in the port."
        assert reported_by(text) == "The pension fund"

    def test_lone_opener_is_no_time_phrase(self) -> None:
        """X's plan this said CLAUSE: "this" alone is no time phrase, so nothing names a speaker."""
        text = "Running on that said the tram line would reopen in spring."
        assert reported_by(text) is None

    def test_people_with_their_origin(self) -> None:
        """Critics from across the region claimed CLAUSE: the origin belongs to the description."""
        text = "Critics from across the region have claimed the dam is a waste of money."
        assert reported_by(text) == "Critics from across the region"

    def test_relative_who_after_a_description(self) -> None:
        """..., a former aide who claimed CLAUSE: the speaker is the phrase "who" refers to."""
        text = "The council heard from Lena Ford, a former aide who claimed that the budget was padded."
        assert reported_by(text) == "a former aide"

    def test_belief_is_not_speech(self) -> None:
        """Many voters believe CLAUSE: a belief is no reported speech, whoever holds it."""
        assert reported_by("Many voters believe the harbour tax will rise again.") is None

    def test_family_is_no_adverb(self) -> None:
        """The Okafor family said CLAUSE: a noun in -ly is the subject, not a gap."""
        text = "The harbour family said the new pier had cut them off."
        assert reported_by(text) != "The harbour"

    def test_catenative_verb_before_the_cue(self) -> None:
        """X continued to insist CLAUSE: the subject of "continued" is the cue's."""
        text = "Lena Ford continued to insist that the pier was safe."
        assert reported_by(text) == "Lena Ford"

    def test_went_on_to_say(self) -> None:
        """X went on to say CLAUSE: "went on to" stands between the speaker and the cue."""
        assert reported_by("Lena Ford went on to say the pier was safe.") == "Lena Ford"

    def test_to_after_another_verb_is_no_gap(self) -> None:
        """X hired Y to say CLAUSE: after a verb that is no catenative, X is not the speaker."""
        assert reported_by("Lena Ford hired lawyers to say the pier was safe.") != "Lena Ford"

    def test_participle_after_by(self) -> None:
        """X answered the charge by saying CLAUSE: the sentence's subject speaks."""
        text = "The mayor answered the charge by saying the pier was safe."
        assert reported_by(text) == "The mayor"

    def test_long_between_auxiliary_and_cue(self) -> None:
        """X has long said CLAUSE: "long" is an adverb of the gap."""
        assert reported_by("Lena Ford has long said the pier was safe.") == "Lena Ford"

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("The two said the bridge over the Vlara would reopen in May.", "The two"),
            ("Another said the ferry to Ostrava had been late for weeks.", "Another"),
            ("Others say the ferry to Ostrava had been late for weeks.", "Others"),
            ("Two riders were angry and a third said the ferry had been late.", "a third"),
        ],
        ids=["the-two", "another", "others", "a-third"],
    )
    def test_people_named_without_a_noun(self, text: str, words: str) -> None:
        """The two said CLAUSE: a number or "another" opening the clause names people."""
        assert reported_by(text) == words

    def test_bare_plural_after_a_clause_opener(self) -> None:
        """..., with officials saying CLAUSE: "with" opens a clause whose subject is the plural."""
        text = "The port reopened on Friday, with officials saying the ferry would run again."
        assert reported_by(text) == "officials"

    def test_origin_ending_in_a_determiner_is_no_origin(self) -> None:
        """One of the stated goals is CLAUSE: "of the" is no origin, so "One" states nothing."""
        assert reported_by("One of the stated goals of the pact is to open the border.") is None

    def test_relative_who_after_a_comma(self) -> None:
        """..., X, who said CLAUSE: the speaker is the name "who" refers to."""
        text = "The board met Lena Ford, who said the pier was safe."
        assert reported_by(text) == "Lena Ford"

    def test_relative_who_after_a_pronoun_is_unattributed(self) -> None:
        """..., him, who said CLAUSE: a pronoun object is no antecedent this rule trusts."""
        assert reported_by("The board thanked him, who said the pier was safe.") != "him"

    def test_age_and_description_between_commas(self) -> None:
        """X, 54, a retired teacher, said CLAUSE: the name, not the description, is the speaker."""
        text = "Jones, 54, a retired teacher, said the school had been neglected."
        assert reported_by(text) == "Jones"

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("Forty percent said the harbour tax was too high.", "Forty percent"),
            (
                "About 52 percent of registered voters say the harbour tax is too high.",
                "About 52 percent of registered voters",
            ),
            ("Nine in 10 voters say the harbour tax is too high.", "Nine in 10 voters"),
            ("In the poll, 47% said the harbour tax was too high.", "47%"),
            ("Only 26 percent of Democrats say the harbour tax is too high.", "Only 26 percent of Democrats"),
        ],
        ids=["in-words", "of-people", "nine-in-ten", "sign", "of-a-named-group"],
    )
    def test_share_of_people_in_a_poll(self, text: str, words: str) -> None:
        """42 percent said CLAUSE: a share of people speaks as a poll reports it."""
        assert reported_by(text) == words

    def test_share_of_something_else_is_no_speaker(self) -> None:
        """The levy raised 40 percent of the budget said ...: a share of money says nothing."""
        text = "The levy raised 40 percent of the budget said to be needed for the pier."
        assert reported_by(text) is None

    def test_sentence_adverb_is_no_name(self) -> None:
        """Overall, the fund said CLAUSE: "Overall" opens the sentence; the fund speaks."""
        text = "Overall, the fund said the harbour economy would grow next year."
        assert reported_by(text) == "the fund"

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("Lena Ford — who ran the port authority for a decade — said the pier was safe.", "Lena Ford"),
            ("Sen. Lena Ford (a Democrat who ran the port) says the pier is safe.", "Sen. Lena Ford"),
            ("Lena Ford - in a speech aimed at her rivals - declared the pier was safe.", "Lena Ford"),
            (
                "The harbour judge -- who has clashed with the mayor -- said the pier was safe.",
                "The harbour judge",
            ),
        ],
        ids=["dashes", "brackets", "hyphens", "double-hyphens"],
    )
    def test_parenthetical_between_speaker_and_cue(self, text: str, words: str) -> None:
        """X — who ran the port — said CLAUSE: the speaker stands before the parenthetical."""
        assert reported_by(text) == words

    def test_participle_after_a_dash(self) -> None:
        """X changed course — saying CLAUSE: the sentence's subject speaks."""
        text = "Lena Ford changed her mind on the pier — saying it was safe after all."
        assert reported_by(text) == "Lena Ford"

    def test_unclosed_dash_is_no_parenthetical(self) -> None:
        """X built the pier — the workers said CLAUSE: one dash closes nothing; the workers speak."""
        assert reported_by("Lena Ford built the pier — the workers said it was safe.") == "the workers"

    def test_contracted_auxiliary(self) -> None:
        """He's said CLAUSE: "'s" after a pronoun is "has", and the pronoun speaks."""
        assert reported_by("Lena Ford met the board. She's said the pier was safe.") == "She"

    def test_possessive_is_no_contraction(self) -> None:
        """Ford's said ...: after a name "'s" is a possessive, so no speaker is read through it."""
        assert reported_by("Ford's said the pier was safe.") is None

    def test_share_in_words(self) -> None:
        """Nearly half said CLAUSE: a fraction with its hedge is a share of people."""
        assert reported_by("Nearly half said the harbour tax was too high.") == "Nearly half"


# a sentence before its cue: dashes, brackets, the words that open a relative clause, line breaks
BEFORE_CUE = st.lists(
    st.sampled_from([*"\u2014\u2013()\n \t\u00a0,", "which", "as", "who", "whom", "Lee", "x"]), max_size=16
).map("".join)


class TestCheapTestsAroundACue:
    """What comes right before or after a cue is read with cheap tests first; the patterns agree."""

    @given(BEFORE_CUE | st.text(), st.data())
    @example("Lee \u2014 who ran the port \u2014 and (as she put it", None)
    @example("Lee (as she put it) and", None)  # closed: the cue is outside it
    @example("Lee \u2014 whom", None)
    def test_the_last_opening_decides(self, text: str, data: st.DataObject | None) -> None:
        """Only the last dash or bracket before a cue can open its relative clause."""
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        end = data.draw(st.integers(0, len(text))) if data is not None else len(text)
        assert _in_relative(text, start, end) is (_RELATIVE.search(text, start, end) is not None)

    @given(BEFORE_CUE | st.text(), st.data())
    @example("quoted as \n", None)  # `$` matches before a final line break
    @example("Bas ", None)
    @example("as\u00a0\t", None)
    def test_as_before_a_cue_is_the_patterns(self, text: str, data: st.DataObject | None) -> None:
        """ "as reported by": the cheap test lets the engine decide wherever it could find "as"."""
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        end = data.draw(st.integers(0, len(text))) if data is not None else len(text)
        assert _as_before(text, start, end) is (_AS_BEFORE.search(text, start, end) is not None)

    @given(st.lists(st.sampled_from([*" \t\u00a0\n,", "by", "By", "b", "y", "x"]), max_size=10).map("".join))
    @example(" by ")
    @example("\u00a0\tby\t")
    def test_by_after_a_cue_opens_with_blanks(self, text: str) -> None:
        """Wherever `_BY` matches, blanks and "by" open the text: the test that goes first."""
        for end in range(len(text) + 1):
            if _BY.match(text, 0, end) is not None:
                assert blanks_then(text, 0, end, "by")


class TestQuotationsOfADocument:
    """A document answers where its quotations are alike from lists (few) and arrays (very many)."""

    @given(
        st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=8),
        st.lists(st.integers(0, 40), min_size=1, max_size=6),
    )
    def test_few_and_many_quotations_read_alike(
        self, gaps: list[tuple[int, int]], positions: list[int]
    ) -> None:
        """`quote_before`, `quote_after` and `quotes_within` give the same answers whichever the
        document keeps."""
        quoted, offset = [], 0
        for gap, length in gaps:  # quotations in order, none overlapping
            quoted.append((offset + gap, offset + gap + length))
            offset += gap + length
        text = "x" * (offset + 5)

        def answers() -> list[object]:
            document = Document(text, [(0, len(text))], [(0, len(text))], quoted, [])
            return [
                (document.quote_before(p), document.quote_after(p), document.quotes_within(p, p + 9))
                for p in positions
            ]

        listed = answers()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(quotes.attribution, "LISTED", -1)  # arrays, as for very many
            assert answers() == listed
        assert listed == [
            (
                next((q for q in reversed(quoted) if q[1] <= p), None),
                next((q for q in quoted if q[0] >= p), None),
                sum(1 for q in quoted if p <= q[0] and q[1] <= p + 9),
            )
            for p in positions
        ]

    @given(
        st.lists(st.sampled_from(["said", "told", "x", "according to", " ", ", "]), max_size=14).map("".join),
        st.data(),
    )
    def test_the_cues_between_two_offsets(self, text: str, data: st.DataObject) -> None:
        """The cues wholly within a stretch, in order, the first `limit` of them if given."""
        document = Document(text, [(0, len(text))], [(0, len(text))], [], [])
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(0, len(text)))
        limit = data.draw(st.none() | st.integers(1, 3))
        within = [cue for cue in document.cues if start <= cue.start and cue.end <= end]
        assert document.cues_between(start, end, limit) == within[:limit]
