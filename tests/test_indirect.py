"""Reported speech without quotation marks: one hand-written sentence per form.

The content of an indirect quotation is the reported clause alone: not the
cue, not the speaker, not a trailing attribution.
"""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import quotes
import quotes.indirect
from quotes.attribution import Document
from quotes.cues import FoundCue
from quotes.model import Quote, QuoteKind


def indirect(text: str) -> list[Quote]:
    """The indirect quotations `quotes.extract` finds in `text`."""
    return [q for q in quotes.extract(text) if q.kind is QuoteKind.INDIRECT]


def only_indirect(text: str) -> Quote:
    """The one indirect quotation of `text`."""
    (quote,) = indirect(text)
    return quote


def reported(text: str) -> tuple[str, str | None, str | None]:
    """(content, speaker name, cue) of the one indirect quotation in `text`."""
    (quote,) = indirect(text)
    return quote.text, quote.speaker.name if quote.speaker else None, quote.cue.text if quote.cue else None


class TestForms:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mayor Rachel Okafor said that the bridge would reopen in May.",
                ("the bridge would reopen in May", "Rachel Okafor", "said"),
            ),
            (
                "Mayor Rachel Okafor said the bridge would reopen in May.",
                ("the bridge would reopen in May", "Rachel Okafor", "said"),
            ),
            (
                "The bridge would reopen in May, Mayor Rachel Okafor said.",
                ("The bridge would reopen in May", "Rachel Okafor", "said"),
            ),
            (
                "Mayor Rachel Okafor told reporters the bridge would reopen in May.",
                ("the bridge would reopen in May", "Rachel Okafor", "told"),
            ),
            (
                "Mayor Rachel Okafor told reporters on Monday that the bridge would reopen in May.",
                ("the bridge would reopen in May", "Rachel Okafor", "told"),
            ),
            (
                "Mayor Rachel Okafor confirmed that the bridge would reopen in May.",
                ("the bridge would reopen in May", "Rachel Okafor", "confirmed"),
            ),
            (
                "According to Mayor Rachel Okafor, the bridge will reopen in May.",
                ("the bridge will reopen in May", "Rachel Okafor", "According to"),
            ),
            (
                "The bridge will reopen in May, according to Mayor Rachel Okafor.",
                ("The bridge will reopen in May", "Rachel Okafor", "according to"),
            ),
            (
                "Mayor Rachel Okafor said on Friday, in a statement, that the bridge would reopen in May.",
                ("the bridge would reopen in May", "Rachel Okafor", "said"),
            ),
        ],
        ids=[
            "said-that",
            "said-bare",
            "clause-then-said",
            "told-audience",
            "told-audience-adverbial-that",
            "confirmed-that",
            "according-to-first",
            "according-to-last",
            "said-in-a-statement",
        ],
    )
    def test_each_cue_form(self, text: str, expected: tuple[str, str, str]) -> None:
        assert reported(text) == expected

    def test_the_kremlin_in_a_statement(self) -> None:
        """An organisation reports too, and the registry names it."""
        text = "The Kremlin said in a statement that the two presidents had agreed to meet in March."
        assert reported(text) == ("the two presidents had agreed to meet in March", "the Kremlin", "said")

    def test_adding_that_gives_a_second_clause(self) -> None:
        text = "Peskov said the talks had been useful, adding that a new round was planned for June."
        found = [(q.text, q.speaker.name if q.speaker else None) for q in indirect(text)]
        assert found == [
            ("the talks had been useful", "Dmitry Peskov"),
            ("a new round was planned for June", "Dmitry Peskov"),
        ]

    def test_pronoun_speaker_resolves(self) -> None:
        text = "Sergey Lavrov arrived in Ankara on Tuesday. He said the sides would keep in touch."
        assert reported(text) == ("the sides would keep in touch", "Sergey Lavrov", "said")

    def test_trailing_participle_is_not_the_content(self) -> None:
        """ "CLAUSE, X said, responding to a question": the clause before the cue is the content."""
        text = (
            "The leaders may speak by phone soon, Kremlin aide Yuri Ushakov said, responding to a question."
        )
        assert reported(text)[:2] == ("The leaders may speak by phone soon", "Yuri Ushakov")


class TestMixed:
    def test_quoted_fragment_inside_a_paraphrase_is_mixed(self) -> None:
        """Putin noted that "…": the fragment is a mixed quote with the paraphrase's speaker."""
        text = 'Putin noted that "the armed forces are doing everything possible to save lives."'
        (quote,) = quotes.extract(text)
        assert quote.kind is QuoteKind.MIXED
        assert quote.speaker is not None
        assert quote.speaker.name == "Vladimir Putin"

    def test_a_clause_carried_by_a_quote_is_not_also_indirect(self) -> None:
        text = 'According to Erdogan, Ankara "will not stand idle" while the shelling goes on.'
        assert [q.kind for q in quotes.extract(text)] == [QuoteKind.MIXED]

    def test_a_lead_in_is_not_also_indirect(self) -> None:
        """The clause only leads into the quoted words: they are the report, with its speaker."""
        text = 'Mayor Ann Lee said there is a real danger when "neighbours stop talking to each other."'
        (quote,) = quotes.extract(text)
        assert quote.kind is QuoteKind.MIXED
        assert quote.text == "neighbours stop talking to each other."
        assert quote.speaker is not None
        assert quote.speaker.name == "Ann Lee"

    def test_a_long_paraphrase_with_a_short_quoted_tail_is_reported_too(self) -> None:
        text = 'Mayor Ann Lee said the talks with the ferry companies were now a matter of "serious concern."'
        kinds = [(q.kind, q.speaker.name if q.speaker else None) for q in quotes.extract(text)]
        assert kinds == [(QuoteKind.INDIRECT, "Ann Lee"), (QuoteKind.MIXED, "Ann Lee")]

    @pytest.mark.parametrize(("clause_words", "lead_in"), [(9, True), (10, False)])
    def test_the_clause_must_outnumber_the_quoted_words(self, clause_words: int, lead_in: bool) -> None:
        """Two quoted words: a clause of ten words or more reports on its own."""
        clause = " ".join(["word"] * clause_words)
        text = f'Lee said {clause} "two words."'
        document = Document(
            text=text,
            sentences=[(0, len(text))],
            paragraphs=[(0, len(text))],
            quoted=[(text.index('"'), len(text))],
            names=[],
        )
        start = text.index("word")
        assert quotes.indirect.leads_in(document, start, start + len(clause)) is lead_in


class TestNotReportedSpeech:
    @pytest.mark.parametrize(
        "text",
        [
            "Peskov believes that the talks will succeed.",
            "The minister wants the ceasefire to hold until spring.",
            "Ankara plans to build a buffer zone along the border.",
            "Damascus branded the operation as an act of aggression.",
            "Ankara announced the launch of a new military campaign in northern Syria.",
            "Putin noted the importance of maintaining contacts between the two militaries.",
            "The United States had not announced any plans to remove the troops.",
            "The minister said nothing about the sanctions.",
            "The report said.",
            "He was asked whether the talks would continue.",
            "At the town meeting, Mayor Rachel Okafor cited rising costs as the reason.",
            "In the wake of the Times report, the mayor has portrayed herself as a reformer.",
            "Ann Lee, a longtime aide, recalled Mayor Rachel Okafor talking about the bridge.",
            "In a statement announcing the plan, the union called the mayor a friend of workers.",
            "Mayor Rachel Okafor had not, as of Monday, announced that the old bridge would close.",
            "Mayor Rachel Okafor said thanks to the engineers.",
            "The mayor announced this change on the radio on Wednesday.",
            "Through a spokesman, the mayor declined to comment.",
            "Twenty-seven states led by the river towns are challenging the ferry rules.",
        ],
        ids=[
            "belief",
            "wish",
            "plan",
            "naming",
            "announced-an-object",
            "noted-an-object",
            "negated",
            "said-nothing",
            "no-clause",
            "asked",
            "an-object-in-ing",
            "a-preposition-opens-no-subject",
            "a-participle-after-the-name-is-its-object",
            "past-a-comma-another-clause",
            "negated-with-an-aside",
            "a-noun-in-s-with-no-determiner-is-no-verb",
            "a-demonstrative-opens-a-noun-phrase",
            "a-prepositional-phrase-before-a-closing-cue",
            "a-number-makes-a-noun",
        ],
    )
    def test_no_indirect_quote(self, text: str) -> None:
        assert indirect(text) == []

    def test_state_as_a_noun_is_no_cue(self) -> None:
        text = "The state of emergency ended, and officials in the United States Congress met on Monday."
        assert indirect(text) == []

    def test_kinds_filter_drops_indirect_speech(self) -> None:
        text = "Mayor Rachel Okafor said that the bridge would reopen in May."
        assert quotes.Extractor(kinds=["direct", "mixed"])(text) == []


class TestContentBeforeTheCue:
    """The clause comes first and the cue closes or interrupts it (issue 15)."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The vote must come first, said Ann Lee, a professor at the college.",
                ("The vote must come first", "Ann Lee", "said"),
            ),
            (
                "Rates will rise next year, the central bank said Wednesday.",
                ("Rates will rise next year", "the central bank", "said"),
            ),
            (
                "The bridge will reopen in May, Mayor Rachel Okafor said, but the ferry will stop.",
                ("The bridge will reopen in May", "Rachel Okafor", "said"),
            ),
            (
                "If the council rejected the plan, Mayor Rachel Okafor said, the library would close.",
                ("If the council rejected the plan", "Rachel Okafor", "said"),
            ),
            (
                "The old ferry service, Mayor Rachel Okafor said, is doing much better than last year.",
                ("The old ferry service", "Rachel Okafor", "said"),
            ),
            (
                "Most of the ferries will stop in May, the harbour notice says.",
                ("Most of the ferries will stop in May", "the harbour notice", "says"),
            ),
        ],
        ids=[
            "said-name-description",
            "said-a-day",
            "said-but",
            "cue-inside-the-clause",
            "cue-after-the-subject",
            "a-subject-the-mention-rules-do-not-know",
        ],
    )
    def test_clause_before_cue(self, text: str, expected: tuple[str, str, str]) -> None:
        first = indirect(text)[0]  # a cue inside the clause reports the rest too (below)
        assert (
            first.text,
            first.speaker.name if first.speaker else None,
            first.cue.text if first.cue else None,
        ) == (expected)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "If the council rejected the plan, Mayor Rachel Okafor said, the library would close.",
                ["If the council rejected the plan", "the library would close"],
            ),
            (
                "In her first year, Mayor Rachel Okafor said, the city had closed three libraries.",
                ["In her first year", "the city had closed three libraries"],
            ),
            (
                "The bridge will reopen in May, Mayor Rachel Okafor said, but the ferry will stop.",
                ["The bridge will reopen in May"],
            ),
            (
                "The bridge will reopen in May, Mayor Rachel Okafor said in a statement, and the ferry"
                " will stop.",
                ["The bridge will reopen in May", "the ferry will stop"],
            ),
            (
                "The bridge will reopen in May, Mayor Rachel Okafor said, citing the engineers.",
                ["The bridge will reopen in May"],
            ),
            (
                "The bridge will reopen in May, Mayor Rachel Okafor said, a date the builders set.",
                ["The bridge will reopen in May"],
            ),
            (
                "To see the old city, Mayor Rachel Okafor said, one should cross the bridge.",
                ["To see the old city", "one should cross the bridge"],
            ),
        ],
        ids=[
            "if-then",
            "an-adverbial-first",
            "a-new-clause",
            "and-the-report-goes-on",
            "a-participle",
            "an-apposition",
            "one-as-a-subject",
        ],
    )
    def test_the_rest_after_an_inner_cue(self, text: str, expected: list[str]) -> None:
        """ "PART, X said, PART": both parts are reported, with one speaker, as PolNeAR marks them."""
        found = indirect(text)
        assert [q.text for q in found] == expected
        assert {q.speaker.name if q.speaker else None for q in found} == {"Rachel Okafor"}

    def test_a_relative_before_an_inner_cue_is_not_the_report(self) -> None:
        """ "fighters whom, the mayor said, no town would take": the report is the part after the cue."""
        text = (
            "The camp holds fighters whom, Mayor Rachel Okafor said, the nearby towns have refused to take."
        )
        assert reported(text)[0] == "the nearby towns have refused to take"

    def test_a_quotation_after_the_cue_is_no_second_part(self) -> None:
        text = 'On Friday in the city hall, Mayor Rachel Okafor said, "The bridge will reopen in May."'
        assert indirect(text) == []

    def test_a_comma_after_that_opens_no_words(self) -> None:
        """ "said that, in May, …": the report opens with its first word, not the comma."""
        text = "Mayor Rachel Okafor said that, in May, the ferry would stop."
        assert reported(text)[0] == "in May, the ferry would stop"

    def test_a_time_between_an_inner_cue_and_its_comma(self) -> None:
        """ "The truth, the mayor said then, was that ...": the time is no part of the report."""
        text = "The truth, Mayor Rachel Okafor said then, was that the ferry had stopped in May."
        assert reported(text) == ("was that the ferry had stopped in May", "Rachel Okafor", "said")

    def test_a_participle_takes_no_speaker_after_it(self) -> None:
        """ "…, citing data, that …": the words after a participle are its object, not a speaker
        who closes the clause before it ("CLAUSE, said X")."""
        text = "The senator said Monday, citing data, that the plan failed."
        assert [q.text for q in indirect(text)] == ["the plan failed"]


class TestPassiveWithItsSpeaker:
    """A passive cue whose speaker follows "by": what follows "to" or "as" is the report."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The mayor was reported by local media to have left the city hall early.",
                ("to have left the city hall early", "local media", "reported"),
            ),
            (
                "The ferry, reported by the harbour office as carrying two hundred people, sank at noon.",
                ("carrying two hundred people", "the harbour office", "reported"),
            ),
        ],
        ids=["to-infinitive", "as-participle"],
    )
    def test_passive_by(self, text: str, expected: tuple[str, str, str]) -> None:
        assert reported(text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "The report was written by two reporters as part of a series.",
            "The letter was sent by the mayor to the council.",
        ],
        ids=["as-a-preposition", "to-a-preposition"],
    )
    def test_no_report_after_by(self, text: str) -> None:
        assert indirect(text) == []


class TestAccordingToAnySource:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The suspect left the state in June, according to a person familiar with the case.",
                ("The suspect left the state in June", "according to"),
            ),
            (
                "Most voters favour the new tram line, according to recent polls.",
                ("Most voters favour the new tram line", "according to"),
            ),
            (
                "By May 1, according to court filings, the company had sold its stake.",
                ("the company had sold its stake", "according to"),
            ),
            (
                "The new contract covers a hundred workers, according to the union, one of two in the talks.",
                ("The new contract covers a hundred workers", "according to"),
            ),
            (
                "Turnout rose sharply in the city, according to the count, and fell in the villages.",
                ("Turnout rose sharply in the city", "according to"),
            ),
        ],
        ids=[
            "a-person-familiar",
            "polls",
            "between-two-parts",
            "source-with-a-description",
            "and-a-verb-after",
        ],
    )
    def test_source_without_a_name(self, text: str, expected: tuple[str, str]) -> None:
        content, _, cue = reported(text)
        assert (content, cue) == expected

    def test_a_source_keeps_its_place(self) -> None:
        """ "according to the mayor of Yartsevo via Interfax": the mayor of the place speaks."""
        text = "The bus was going to a dance contest, according to the mayor of Yartsevo via Interfax."
        assert reported(text) == (
            "The bus was going to a dance contest",
            "the mayor of Yartsevo",
            "according to",
        )

    def test_a_source_runs_a_few_words_only(self) -> None:
        """A run of words with no comma after "according to" is no source."""
        text = "According to the " + "very " * 20 + "old map the river is wide."
        assert indirect(text) == []


class TestClauseWithoutThat:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mayor Rachel Okafor said the plan leaves tenants without heat.",
                "the plan leaves tenants without heat",
            ),
            (
                "Mayor Rachel Okafor said if the council votes no, the library will close.",
                "if the council votes no, the library will close",
            ),
            (
                "Mayor Rachel Okafor said last week the bridge would reopen in May.",
                "the bridge would reopen in May",
            ),
            (
                "Mayor Rachel Okafor said she’ll reopen the bridge in May.",
                "she’ll reopen the bridge in May",
            ),
            (
                "Mayor Rachel Okafor told supporters at the rally she would reopen the bridge.",
                "she would reopen the bridge",
            ),
            (
                "Mayor Rachel Okafor said recently the bridge would reopen in May.",
                "the bridge would reopen in May",
            ),
            (
                "Engineers say Okafor's plan leaves the bridge closed until May.",
                "Okafor's plan leaves the bridge closed until May",
            ),
            (
                "Officials said at least 116 people died in the flood.",
                "at least 116 people died in the flood",
            ),
            ("Officials said on Saturday, about 20 houses collapsed.", "about 20 houses collapsed"),
            ("The fund said in May the bank might cut rates again.", "the bank might cut rates again"),
            (
                "Mayor Rachel Okafor said the housing budget leaves tenants without heat.",
                "the housing budget leaves tenants without heat",
            ),
            (
                "Engineers say Okafor deserves credit for the new bridge.",
                "Okafor deserves credit for the new bridge",
            ),
            ("Mayor Rachel Okafor claimed the police used boats.", "the police used boats"),
            (
                "Mayor Rachel Okafor says Ann Lee can\u2019t open the bridge.",
                "Ann Lee can\u2019t open the bridge",
            ),
            (
                "Officials said hundreds of EMS (Emergency Medical Services) staff from the two river"
                " towns joined.",
                "hundreds of EMS (Emergency Medical Services) staff from the two river towns joined",
            ),
            (
                "The city said, in a statement after the long council vote, the bridge would reopen in May.",
                "the bridge would reopen in May",
            ),
            (
                "Many residents say the mayor's statistical advantage obscures their concerns.",
                "the mayor's statistical advantage obscures their concerns",
            ),
            (
                "Engineers say her plans to raise the tolls on the old bridge and close two of its"
                " lanes to all heavy trucks would cut the traffic.",
                "her plans to raise the tolls on the old bridge and close two of its lanes to all heavy"
                " trucks would cut the traffic",
            ),
            (
                "Officials said Ann Lee, the city engineer, approved the plan.",
                "Ann Lee, the city engineer, approved the plan",
            ),
            (
                "Ann Lee says despite the cost, she plans to rebuild the bridge.",
                "despite the cost, she plans to rebuild the bridge",
            ),
        ],
        ids=[
            "present-tense",
            "if-clause",
            "said-last-week",
            "contracted-pronoun",
            "told-an-unknown-audience",
            "an-adverb-first",
            "a-possessive-subject",
            "a-quantity-first",
            "a-day-then-a-quantity",
            "a-month-first",
            "present-tense-after-modifiers",
            "present-tense-after-a-name",
            "a-short-past-form",
            "a-typographic-apostrophe",
            "a-past-form-far-after-say",
            "an-aside-between-commas",
            "a-possessive-then-modifiers",
            "a-long-subject-then-its-auxiliary",
            "an-apposition-in-the-subject",
            "a-fronted-adverbial",
        ],
    )
    def test_bare_clause(self, text: str, expected: str) -> None:
        assert reported(text)[0] == expected

    def test_present_tense_is_not_read_after_announced(self) -> None:
        assert indirect("The mayor announced the new parking rules for the city.") == []

    @pytest.mark.parametrize(
        "text",
        [
            "Mayor Rachel Okafor said a short prayer for the victims of the storms.",
            "Mayor Rachel Okafor said the words that ended the long city meetings.",
        ],
        ids=["an-object-in-s", "a-far-noun-in-s"],
    )
    def test_an_object_in_s_is_no_clause(self, text: str) -> None:
        """A noun in "-s" far from its determiner is no verb: "said a short prayer for the victims"."""
        assert indirect(text) == []


class TestSubjectsTheMentionRulesDoNotKnow:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "The organizer of the harbour festival said the new rules raised the cost of a stall.",
                ("the new rules raised the cost of a stall", "The organizer of the harbour festival"),
            ),
            (
                "Some 22 percent said they would back the tram line.",
                ("they would back the tram line", "Some 22 percent"),
            ),
            (
                "Tenants and even some plumbers say the heating failed in March.",
                ("the heating failed in March", "Tenants and even some plumbers"),
            ),
            (
                "The state harbour chief said the new rules raised the cost of a stall.",
                ("the new rules raised the cost of a stall", "The state harbour chief"),
            ),
        ],
        ids=["description-with-a-phrase", "a-share-of-voters", "two-groups", "a-cue-word-as-a-noun"],
    )
    def test_plain_noun_phrase_before_the_cue(self, text: str, expected: tuple[str, str]) -> None:
        quote = only_indirect(text)
        assert (quote.text, quote.speaker_mention.text if quote.speaker_mention else None) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "The estimated cost is two billion euros for the whole line.",
            "The first reports were of a fire near the harbour.",
            "Ford's said the pier was safe.",
        ],
        ids=["cue-as-an-adjective", "cue-as-a-noun", "a-possessive-without-its-noun"],
    )
    def test_no_subject(self, text: str) -> None:
        assert indirect(text) == []

    def test_a_cue_word_without_a_determiner_is_a_verb(self) -> None:
        """ "Officials say Lee said": "say" is the verb, so the subject of "said" is Lee alone."""
        found = [
            q
            for q in quotes.extract("Officials say Lee said the bridge would reopen.")
            if q.kind is QuoteKind.INDIRECT
        ]
        assert all(q.speaker_mention is None or q.speaker_mention.text != "Officials say Lee" for q in found)

    def test_a_number_is_no_subject(self) -> None:
        """ "the committee and 11 state parties": "state" is a noun, and "11" no speaker."""
        text = "The fund is run by the campaign, the committee and 11 state parties, the party said Tuesday."
        assert reported(text)[:2] == (
            "The fund is run by the campaign, the committee and 11 state parties",
            "the party",
        )


class TestEmbeddedQuestions:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mayor Rachel Okafor asked whether the bridge would reopen before winter.",
                "whether the bridge would reopen before winter",
            ),
            (
                "Mayor Rachel Okafor asked the engineers why the repairs had taken so long.",
                "why the repairs had taken so long",
            ),
            (
                "Mayor Rachel Okafor explained why she backs the new bridge over the ferry.",
                "why she backs the new bridge over the ferry",
            ),
        ],
        ids=["asked-whether", "asked-an-audience-why", "explained-why"],
    )
    def test_question_after_asked(self, text: str, expected: str) -> None:
        assert reported(text)[:2] == (expected, "Rachel Okafor")

    def test_a_topic_is_no_question(self) -> None:
        assert indirect("Mayor Rachel Okafor asked about the repairs when she met the engineers.") == []

    def test_a_request_reports_what_was_asked(self) -> None:
        """ "asked X to do Y" is a request: the one asked and the infinitive are its content."""
        text = "Mayor Rachel Okafor asked the council to approve the repairs."
        assert reported(text) == ("the council to approve the repairs", "Rachel Okafor", "asked")


class TestComplements:
    """What a cue reports that is no clause of its own: a promise, a request, an accusation, a
    denial or an admission of something."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mayor Rachel Okafor vowed to reopen the bridge before winter.",
                ("to reopen the bridge before winter", "Rachel Okafor", "vowed"),
            ),
            (
                "Mayor Rachel Okafor threatened to sue the state over the cuts.",
                ("to sue the state over the cuts", "Rachel Okafor", "threatened"),
            ),
            (
                "Mayor Rachel Okafor claimed to have saved the old bridge.",
                ("to have saved the old bridge", "Rachel Okafor", "claimed"),
            ),
            (
                "Mayor Rachel Okafor urged voters to turn out on Tuesday.",
                ("voters to turn out on Tuesday", "Rachel Okafor", "urged"),
            ),
            (
                "Mayor Rachel Okafor called on the council to resign.",
                ("the council to resign", "Rachel Okafor", "called on"),
            ),
            (
                "Mayor Rachel Okafor told the engineers to finish the repairs by May.",
                ("the engineers to finish the repairs by May", "Rachel Okafor", "told"),
            ),
            (
                "Mayor Rachel Okafor accused the state of starving the city of funds.",
                ("the state of starving the city of funds", "Rachel Okafor", "accused"),
            ),
            (
                "Mayor Rachel Okafor denied the claims about the bridge contract.",
                ("the claims about the bridge contract", "Rachel Okafor", "denied"),
            ),
            (
                "Mayor Rachel Okafor admitted serious mistakes in the repairs.",
                ("serious mistakes in the repairs", "Rachel Okafor", "admitted"),
            ),
            (
                "Mayor Rachel Okafor warned of long delays on the ring road.",
                ("long delays on the ring road", "Rachel Okafor", "warned"),
            ),
        ],
        ids=["vowed-to", "threatened-to", "claimed-to", "urged-someone-to", "called-on-someone-to",
             "told-someone-to", "accused-someone-of", "denied-something", "admitted-something",
             "warned-of-something"],
    )  # fmt: skip
    def test_complement(self, text: str, expected: tuple[str, str, str]) -> None:
        assert reported(text) == expected

    def test_a_participle_between_commas_reports_to_the_next_comma(self) -> None:
        """ "X, claiming to speak for the council, and two aides met": the aside ends the report."""
        text = "Mayor Rachel Okafor, claiming to speak for the council, and two aides met the engineers."
        assert reported(text) == ("to speak for the council", "Rachel Okafor", "claiming")

    @pytest.mark.parametrize(
        "text",
        [
            "Mayor Rachel Okafor promised the voters a new bridge.",
            "Mayor Rachel Okafor swore to the voters on the steps of city hall.",
            "Mayor Rachel Okafor urged on Monday, and nobody listened.",
            "Mayor Rachel Okafor urged the council, which met on Monday, to act.",
            "Mayor Rachel Okafor criticised the council for failing to act on the repairs.",
            "Mayor Rachel Okafor did not urge the council to approve the repairs.",
            "Mayor Rachel Okafor called for a new vote on the bridge and the ring road.",
            "Mayor Rachel Okafor warned on Monday, and nobody listened.",
            "Mayor Rachel Okafor has not denied the claims about the bridge contract.",
        ],
        ids=["no-infinitive", "to-a-person", "no-one-urged", "object-cut-by-a-comma", "a-stance",
             "negated", "an-act-called-for", "no-object", "denial-negated"],
    )  # fmt: skip
    def test_no_complement(self, text: str) -> None:
        assert indirect(text) == []

    def test_asked_by_no_one_named_reports_the_answer(self) -> None:
        """ "Asked whether X, she said Y": the asker is unnamed; the answer is the report."""
        text = "Asked whether the bridge would reopen, Mayor Rachel Okafor said the repairs were on schedule."
        assert reported(text) == ("the repairs were on schedule", "Rachel Okafor", "said")


class TestNotAComplementiser:
    @pytest.mark.parametrize(
        "text",
        [
            "The governor expressed optimism that the budget would pass by June.",
            "The inspectors' notes released Monday show that the pipes were old.",
            "The campaign points to technology that has already cut the queues at polling stations.",
            "Mayor Rachel Okafor said in a short film that showed the old harbour at night.",
            "The driver pleaded guilty to a charge of careless driving.",
            "How a council responds can be as important as the storm itself.",
            "Editor's note: the mayor has since resigned from the council.",
            '"We will win," the mayor said aboard the ferry on Monday as she crossed the bay.',
        ],
        ids=[
            "stance-verb",
            "notes-as-a-noun",
            "relative-that",
            "relative-that-and-its-verb",
            "pleaded-guilty",
            "no-subject-after-the-cue",
            "a-possessive-makes-a-noun",
            "a-place-after-the-cue",
        ],
    )
    def test_no_indirect_quote(self, text: str) -> None:
        assert indirect(text) == []

    def test_a_that_after_a_bare_noun_is_no_complementiser(self) -> None:
        """ "said five states that have ...": the states' "that", not the cue's."""
        text = "Mayor Rachel Okafor said five states that have long opposed the tax will now support it."
        assert reported(text)[0] == "five states that have long opposed the tax will now support it"

    def test_a_that_with_a_verb_after_the_cue_is_the_subject(self) -> None:
        """ "said that was ...": the demonstrative is the clause's subject, and part of it."""
        text = "Mayor Rachel Okafor said that was the wrong way to build a bridge."
        assert reported(text)[0] == "that was the wrong way to build a bridge"

    def test_a_relative_before_the_cue_keeps_its_clause(self) -> None:
        """ "which officials said were ...": the clause after the cue has its subject before it."""
        text = "The storm started fires at a depot, which state media said were under control by noon."
        assert reported(text)[:2] == ("were under control by noon", "state media")

    def test_a_that_after_a_verb_is_inside_the_clause(self) -> None:
        """ "said the police are in possession of a video that ...": the clause begins after the cue."""
        text = "Mayor Rachel Okafor said the police are in possession of a video that shows the crash."
        assert reported(text)[0] == "the police are in possession of a video that shows the crash"


class TestClauseBoundaries:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mayor Rachel Okafor said the bridge would reopen in May, meaning the ferry will stop.",
                "the bridge would reopen in May",
            ),
            (
                "Mayor Rachel Okafor said the bridge would reopen in May\u2014a month late.",
                "the bridge would reopen in May",
            ),
            (
                "Mayor Rachel Okafor said the bridge would reopen in May, even as the river rose.",
                "the bridge would reopen in May",
            ),
            (
                "Mayor Rachel Okafor said the city had hired Tom Reed, who built the old bridge.",
                "the city had hired Tom Reed",
            ),
            (
                "Mayor Rachel Okafor said the bridge, which opened in 1990, would reopen in May.",
                "the bridge, which opened in 1990, would reopen in May",
            ),
            (
                "Mayor Rachel Okafor said they believe the bridge, which opened in 1990, was the"
                " cause of the flood.",
                "they believe the bridge, which opened in 1990, was the cause of the flood",
            ),
            (
                "Mayor Rachel Okafor announced that the bridge would reopen in May, and the ferry"
                " company welcomed the news.",
                "the bridge would reopen in May",
            ),
        ],
        ids=[
            "trailing-participle",
            "unspaced-dash",
            "concession",
            "trailing-relative",
            "relative-in-the-subject",
            "relative-in-an-inner-subject",
            "a-new-clause-after-and",
        ],
    )
    def test_clause_ends(self, text: str, expected: str) -> None:
        assert reported(text)[0] == expected


def reports(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker name) of each indirect quotation in `text`."""
    return [(q.text, q.speaker.name if q.speaker else None) for q in indirect(text)]


class TestReportsInOneSentence:
    """Two reports in one sentence: joined, or one relayed by the other."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mayor Rachel Okafor said the bridge would reopen in May, and Tom Reed argued that"
                " the ferry would stop.",
                [("the bridge would reopen in May", "Rachel Okafor"), ("the ferry would stop", "Tom Reed")],
            ),
            (
                "Mayor Rachel Okafor said the bridge would reopen in May but Tom Reed said the ferry"
                " would stop.",
                [("the bridge would reopen in May", "Rachel Okafor"), ("the ferry would stop", "Tom Reed")],
            ),
        ],
        ids=["comma-and", "but"],
    )
    def test_a_joined_report_ends_the_first(self, text: str, expected: list[tuple[str, str]]) -> None:
        """ "X said A, and Y argued that B": the first clause ends before the second speaker."""
        assert reports(text) == expected

    def test_a_relayed_report_is_the_relayed_speakers(self) -> None:
        """ "The Herald reported a city official said B": the official's words, relayed."""
        text = "The Herald reported on Monday a city official said the bridge would reopen in May."
        assert reports(text) == [("the bridge would reopen in May", "a city official")]

    def test_a_closing_speaker_reports_the_whole_clause(self) -> None:
        """ "Lee had told the police that B, but C, the source added": the source's report
        holds Lee's, so it is the one returned."""
        text = (
            "Lee had told the police that she wanted no escort, but the police overruled her,"
            " a city official added."
        )
        assert reports(text) == [
            (
                "Lee had told the police that she wanted no escort, but the police overruled her",
                "a city official",
            )
        ]

    @pytest.mark.parametrize(
        "text",
        [
            "The Herald quoted a city official as saying the bridge would reopen in May.",
            "The Herald cited a city official as stating that the bridge would reopen in May.",
        ],
        ids=["quoted-as-saying", "cited-as-stating"],
    )
    def test_one_quoted_as_saying_is_the_speaker(self, text: str) -> None:
        """ "The Herald quoted X as saying B": X's words, as the Herald tells them."""
        assert reports(text) == [("the bridge would reopen in May", "a city official")]

    def test_a_negation_in_a_relative_before_the_cue_negates_nothing(self) -> None:
        """ "A source, whom they did not name, said B": the relative's "not" is not the cue's."""
        text = "A city official, whom the paper did not name, said the bridge would reopen in May."
        assert reports(text) == [("the bridge would reopen in May", "A city official")]

    def test_what_a_speaker_says_someone_did_stays_the_speakers(self) -> None:
        """ "Tom Reed said the council announced B": Reed's report, of what the council did."""
        text = "Tom Reed said the council announced that the bridge would reopen in May."
        assert reports(text) == [("the council announced that the bridge would reopen in May", "Tom Reed")]


class TestRepeatedCues:
    """A sentence of a hundred reporting verbs costs each of them the same (issue 13, D5)."""

    def test_a_sentence_reads_its_first_cues_only(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """'said said said ...': 200 cues in one sentence, of which at most 16 are read for a clause."""
        read = []
        reported = quotes.indirect._reported

        def counted(*args: Any) -> Any:
            read.append(args)
            return reported(*args)

        monkeypatch.setattr(quotes.indirect, "_reported", counted)
        quotes.extract("said " * 200)
        assert 0 < len(read) <= 16

    def test_each_cue_is_read_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reported speech, the rules and the ranker ask what a cue reports; it is read once."""
        read: list[int] = []
        reported = quotes.indirect._reported

        def counted(document: Document, cue: FoundCue, start: int, end: int) -> Any:
            read.append(cue.start)
            return reported(document, cue, start, end)

        monkeypatch.setattr(quotes.indirect, "_reported", counted)
        text = (
            "“The ferry is unsafe,” Ann Lee, an engineer, said. “It will stop.”"
            " The bridge will reopen, according to Omar Diaz. Lee said the tolls would rise."
        )
        quotes.extract(text)
        assert read
        assert len(read) == len(set(read))

    def test_a_clause_end_reads_a_few_cues(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The end of each reported clause is found among the next few cues, not all the sentence's."""
        handed: list[int] = []
        cues_between = Document.cues_between

        def counted(self: Document, *bounds: int) -> list[FoundCue]:
            found = cues_between(self, *bounds)
            handed.append(len(found))
            return found

        monkeypatch.setattr(Document, "cues_between", counted)
        text = "Peskov said that the talks " + "and he said the talks " * 40 + "went well."
        quotes.extract(text)
        assert sum(handed) <= 8 * 41  # at most eight for each of the 41 cues; once 20 for each


# the words around a cue: negations, the openers of an adverbial phrase, blanks, commas, capitals
AROUND_CUE = st.lists(
    st.sampled_from(
        [
            *" \t\u00a0,;:\n'",
            "not",
            "never",
            "n't",
            "no",
            "longer",
            "on",
            "in",
            "late",
            "earlier",
            "the",
            "Friday",
            "a",
            "x",
            "On",
            "é",
        ]
    ),
    max_size=14,
).map("".join)


def stretch(text: str, data: st.DataObject | None) -> tuple[int, int]:
    """A stretch of `text` drawn by hypothesis; all of it for an explicit example."""
    start = data.draw(st.integers(0, len(text))) if data is not None else 0
    end = data.draw(st.integers(start, len(text))) if data is not None else len(text)
    return start, end


class TestCheapTestsFirst:
    """Each cheap test before a pattern lets through everything the pattern would find."""

    @given(AROUND_CUE | st.text(), st.data())
    @example("late on Friday, the", None)
    @example("in\u00a0a  week ,", None)
    def test_an_adverbial_phrase_is_the_patterns(self, text: str, data: st.DataObject | None) -> None:
        """The engine is asked only after an opening word: where it would match, it still does."""
        start, end = stretch(text, data)
        found = quotes.indirect._adverbial(text, start, end)
        expected = quotes.indirect._ADVERBIAL_PHRASE.match(text, start, end)
        assert (found and found.span()) == (expected and expected.span())

    @given(AROUND_CUE | st.text(), st.data())
    @example("had not, as of Monday,", None)
    @example("they no longer", None)
    @example("we never", None)
    def test_a_negation_holds_what_the_test_asks(self, text: str, data: st.DataObject | None) -> None:
        """Wherever `_NEGATED` finds a negation, "no", "n't" or "never" is there for the cheap test."""
        start, end = stretch(text, data)
        if quotes.indirect._NEGATED.search(text, start, end) is not None:
            assert quotes.indirect._maybe_negated(text, start, end)

    @given(
        st.lists(
            st.sampled_from([*" \t\u00a0;,-\u2013\u2014", "but", "and the ", "adding", "including", "x"]),
            max_size=16,
        ).map("".join)
        | st.text(),
        st.data(),
    )
    @example("said the talks -- which failed -- were useful; and", None)
    @example("a \u2013 b, but c", None)
    def test_a_clause_stop_is_the_patterns(self, text: str, data: st.DataObject | None) -> None:
        """Searched from the first character a stop can open with, `_CLAUSE_STOP` finds what it
        finds from the clause's start."""
        start, end = stretch(text, data)
        found = quotes.indirect._clause_stop(text, start, end)
        expected = quotes.indirect._CLAUSE_STOP.search(text, start, end)
        assert (found and found.span()) == (expected and expected.span())

    @given(AROUND_CUE | st.text(), st.data())
    @example("on Friday the talks were useful and long", None)  # no comma: every cut was tried
    @example("in a June report, and", None)
    def test_the_possessive_adverbial_phrase_is_the_greedy_ones(
        self, text: str, data: st.DataObject | None
    ) -> None:
        """Cutting a word of an adverbial phrase never finds it: its possessive words match where
        and as the greedy ones did."""
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        greedy = regex.compile(quotes.indirect._ADVERBIAL_PHRASE.pattern.replace("]++", "]+"))
        found = quotes.indirect._ADVERBIAL_PHRASE.match(text, start)
        expected = greedy.match(text, start)
        assert (found and found.span()) == (expected and expected.span())
