"""Tests for `quotes.sentences`: rule-based sentence boundaries."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import quotes.sentences
from quotes.sentences import _TERMINAL, _next_terminal, sentences

# Text rich in terminal punctuation, quotation marks, capitals and breaks.
PROSE = st.lists(
    st.sampled_from([*"aZ 9.?!…\"'“”‘’»«()[]\n\r\t", "Mr", "U.S", "said", "asked"]),
    max_size=60,
).map("".join)


def split(text: str) -> list[str]:
    """The text of each sentence, in order."""
    return [text[start:end] for start, end in sentences(text)]


def check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    """Assert the spans are ordered and stripped and cover each non-space once."""
    covered = [0] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        for i in range(start, end):
            covered[i] += 1
        previous_end = end
    for char, count in zip(text, covered, strict=True):
        assert count <= 1 if char.isspace() else count == 1


class TestSentences:
    def test_splits_after_full_stop(self) -> None:
        """A full stop before a capitalised word ends a sentence."""
        assert split("The talks ended. Both sides left.") == ["The talks ended.", "Both sides left."]

    def test_splits_after_question_and_exclamation_marks(self) -> None:
        """Question and exclamation marks end sentences too."""
        assert split("Why now? Nobody knows! Wait... what?") == ["Why now?", "Nobody knows!", "Wait... what?"]

    def test_lowercase_continuation_does_not_split(self) -> None:
        """A full stop before a lowercase word does not end a sentence."""
        assert split("It cost 5.5 million, i.e. a lot. Then it rose.") == [
            "It cost 5.5 million, i.e. a lot.",
            "Then it rose.",
        ]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Mr. Smith went to Washington. He met the U.S. President there.",
                ["Mr. Smith went to Washington.", "He met the U.S. President there."],
            ),
            (
                "Dr. No arrived. Prof. Xavier left.",
                ["Dr. No arrived.", "Prof. Xavier left."],
            ),
        ],
    )
    def test_abbreviations_do_not_split(self, text: str, expected: list[str]) -> None:
        """The full stop of an abbreviation such as Mr. or U.S. does not end a sentence."""
        assert split(text) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("She lived in the U.S. He lived abroad.", ["She lived in the U.S.", "He lived abroad."]),
            (
                "They met at 9 a.m. The talks ended at noon.",
                ["They met at 9 a.m.", "The talks ended at noon."],
            ),
            (
                "Vice Premier He Lifeng met Mr. He in Beijing.",
                ["Vice Premier He Lifeng met Mr. He in Beijing."],
            ),
            ("The U.S. Army said so. It left.", ["The U.S. Army said so.", "It left."]),
        ],
    )
    def test_a_pronoun_or_the_after_a_dotted_abbreviation_opens_a_sentence(
        self, text: str, expected: list[str]
    ) -> None:
        """ "U.S." may end a sentence; "Mr." never does, even before the surname He."""
        assert split(text) == expected

    def test_initials_do_not_split(self) -> None:
        """The full stop of a middle initial does not end a sentence."""
        text = "He met John R. Bolton on Monday. Bolton said nothing."
        assert split(text) == ["He met John R. Bolton on Monday.", "Bolton said nothing."]

    def test_quoted_question_with_reporting_clause_is_one_sentence(self) -> None:
        """A quoted question continued by its reporting clause is one sentence."""
        assert split('"Why now?" Peskov asked.') == ['"Why now?" Peskov asked.']

    def test_quoted_question_with_inverted_reporting_clause(self) -> None:
        """A reporting verb before the speaker also continues the sentence."""
        text = "“Why now?” asked Peskov. Nobody answered."
        assert split(text) == ["“Why now?” asked Peskov.", "Nobody answered."]

    def test_quoted_question_without_reporting_clause_splits(self) -> None:
        """A quoted question followed by an unrelated sentence ends there."""
        assert split('"Why now?" Then they left.') == ['"Why now?"', "Then they left."]

    @pytest.mark.parametrize(
        "text", ['"We won." Then they left.', "“We won.” Then they left.", '"We won!" Then they left.']
    )
    def test_splits_after_closing_mark(self, text: str) -> None:
        """A sentence ending inside quotation marks ends after the closing mark."""
        first, second = split(text)
        assert first[-1] in '"”'
        assert second == "Then they left."

    def test_splits_after_closing_bracket(self) -> None:
        """Closing brackets after the full stop belong to the sentence."""
        assert split("(He left.) She stayed.") == ["(He left.)", "She stayed."]

    def test_dateline_is_its_own_sentence(self) -> None:
        """A TASS-style dateline is split off as a sentence of its own."""
        text = "MOSCOW, November 7. /TASS/. Russian President Vladimir Putin spoke. He said so."
        assert split(text) == [
            "MOSCOW, November 7. /TASS/.",
            "Russian President Vladimir Putin spoke.",
            "He said so.",
        ]

    def test_agency_dateline_with_dash_is_its_own_sentence(self) -> None:
        """An "ANKARA (Reuters) -" dateline, which has no full stop, is split off too."""
        text = "ANKARA (Reuters) - Turkey said on Monday it would act."
        assert split(text) == ["ANKARA (Reuters) -", "Turkey said on Monday it would act."]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("No full stop here\n\nNor here", ["No full stop here", "Nor here"]),
            ("He met Mr.\n\nSmith left.", ["He met Mr.", "Smith left."]),
            ('"Why now?"\n\nPeskov asked.', ['"Why now?"', "Peskov asked."]),
            ("One line.\nAnother line.", ["One line.", "Another line."]),
        ],
    )
    def test_paragraph_break_always_splits(self, text: str, expected: list[str]) -> None:
        """A paragraph break ends a sentence whatever precedes it."""
        assert split(text) == expected

    def test_wrapped_line_does_not_split(self) -> None:
        """A hard-wrapped line inside a sentence stays in that sentence."""
        text = "The talks ended\nwithout a deal. Both sides left."
        assert split(text) == ["The talks ended\nwithout a deal.", "Both sides left."]

    def test_offsets_exclude_surrounding_space(self) -> None:
        """Offsets start and end on non-space characters."""
        text = "  He left.   She stayed.  \n"
        assert sentences(text) == [(2, 10), (13, 24)]

    @pytest.mark.parametrize("text", ["", " ", "\n\n\r\n", "\t"])
    def test_blank_text_has_no_sentences(self, text: str) -> None:
        """Empty or blank text has no sentences."""
        assert sentences(text) == []

    @given(st.text())
    def test_any_text_is_covered_exactly_once(self, text: str) -> None:
        """For any text, sentences cover every non-space character exactly once."""
        check_cover(text, sentences(text))

    @given(PROSE)
    def test_prose_like_text_is_covered_exactly_once(self, text: str) -> None:
        """For text dense in punctuation and marks, the cover holds too."""
        check_cover(text, sentences(text))


class TestReadingStops:
    """The compiled build reads sentence stops a character at a time; the pattern finds the same."""

    @given(PROSE | st.text(), st.data())
    @example("Why?\u201d he asked. U.S. officials\u2026 \u2026 Fine!) [Yes.]\u2029Next", None)
    @example("a.\u00a0b. C.\u3000D!x\x1c.", None)  # white space of any kind, and no letter after it
    @example("Mr. Lee arrived\u2026 then left! Why? U.S. officials. Yes.", None)  # every stop, found anew
    @example('. Yes." . No.', None)  # a stop where the reading starts, and right after a closing mark
    @example("Wait... what?! No.... Yes!!! ok.. Go", None)  # runs of stops: only their first starts a match
    def test_reading_finds_what_the_pattern_finds(self, text: str, data: st.DataObject | None) -> None:
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        end = data.draw(st.integers(start, len(text))) if data is not None else len(text)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(quotes.sentences, "COMPILED", True)  # the loop, in pure Python too
            assert _stops_read(text, start, end) == [m.span() for m in _TERMINAL.finditer(text, start, end)]


def _stops_read(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every match `_next_terminal` finds in ``text[start:end]``, one after the other."""
    found = []
    stops = [-1, -1, -1, -1]  # shared, as `sentences` shares it: each call reads on from the last
    stop, past = _next_terminal(text, start, end, stops)
    while stop < end:
        found.append((stop, past))
        stop, past = _next_terminal(text, past, end, stops)
    return found
