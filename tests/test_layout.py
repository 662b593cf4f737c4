"""Tests for `quotes.layout`: paragraphs, captions, headlines and datelines."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quotes.layout import _DATELINE, NEWLINES, dateline_end, is_caption, is_headline, line_breaks, paragraphs


def paras(text: str) -> list[str]:
    """The text of each paragraph, in order."""
    return [text[start:end] for start, end in paragraphs(text)]


def caption(text: str) -> bool:
    """Whether the whole of `text` is a caption."""
    return is_caption(text, 0, len(text))


class TestParagraphs:
    def test_blank_lines_split(self) -> None:
        """A blank line separates two paragraphs."""
        assert paras("He left.\n\nShe stayed.") == ["He left.", "She stayed."]

    def test_several_blank_lines_split_once(self) -> None:
        """A run of blank lines, spaces included, gives no empty paragraphs."""
        assert paras("He left.\n \n\t\n\nShe stayed.") == ["He left.", "She stayed."]

    def test_single_newline_splits(self) -> None:
        """A single line break after a sentence ends the paragraph."""
        assert paras("He left.\nShe stayed.") == ["He left.", "She stayed."]

    def test_single_newline_before_capital_splits(self) -> None:
        """A single line break before a capitalised line splits, even mid-sentence."""
        assert paras("Breaking news\nMinister resigns") == ["Breaking news", "Minister resigns"]

    def test_wrapped_line_is_joined(self) -> None:
        """A line that ends mid-sentence and a lowercase next line form one paragraph."""
        text = "The talks ended\nwithout a deal.\n\nBoth sides left."
        assert paras(text) == ["The talks ended\nwithout a deal.", "Both sides left."]

    def test_lowercase_line_after_full_stop_splits(self) -> None:
        """A lowercase line after a finished sentence starts a new paragraph."""
        assert paras("He left.\nthen she stayed.") == ["He left.", "then she stayed."]

    def test_lowercase_line_after_blank_line_splits(self) -> None:
        """A blank line splits even when the next line starts lowercase."""
        assert paras("The talks ended\n\nwithout a deal.") == ["The talks ended", "without a deal."]

    def test_crlf_line_breaks(self) -> None:
        """Windows CRLF breaks behave like LF ones."""
        text = "He left.\r\nShe stayed.\r\n\r\nThe talks ended\r\nwithout a deal.\r\n"
        assert paras(text) == ["He left.", "She stayed.", "The talks ended\r\nwithout a deal."]

    def test_unicode_line_separators(self) -> None:
        """Any character `str.splitlines` breaks on separates lines."""
        assert paras("He left.\u2028She stayed.\u2029They met.") == ["He left.", "She stayed.", "They met."]

    def test_offsets_exclude_surrounding_space(self) -> None:
        """Offsets start and end on non-space characters."""
        assert paragraphs("  \n He left. \n\n  She stayed.\n") == [(4, 12), (17, 28)]

    @pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\r\n", " \t\n \n"])
    def test_blank_text_has_no_paragraphs(self, text: str) -> None:
        """Empty or blank text has no paragraphs."""
        assert paragraphs(text) == []

    @given(st.text())
    def test_any_text_is_covered_exactly_once(self, text: str) -> None:
        """For any text, paragraphs are ordered, stripped and cover every non-space."""
        spans = paragraphs(text)
        covered = [False] * len(text)
        previous_end = 0
        for start, end in spans:
            assert previous_end <= start < end <= len(text)
            assert not text[start].isspace()
            assert not text[end - 1].isspace()
            covered[start:end] = [True] * (end - start)
            previous_end = end
        assert all(covered[i] for i, char in enumerate(text) if not char.isspace())


class TestLineBreaks:
    """`line_breaks` finds what the pattern ``[NEWLINES]\\s*`` finds, by `str.find` where it can."""

    # texts with "\n" as their only line break, and texts with any of them
    @given(
        st.text(alphabet="\n \t\u00a0\u3000ab.", max_size=30)
        | st.text(alphabet=NEWLINES + " \tab", max_size=30)
    )
    @example("a\n \nb\n")
    @example("a\r\nb")
    @example("a\n\u2028b")
    def test_same_as_the_pattern(self, text: str) -> None:
        """Every line break, and the white space after it, whichever line breaks the text has."""
        assert line_breaks(text) == [match.span() for match in re.finditer(rf"[{NEWLINES}]\s*", text)]

    def test_the_white_space_after_a_break_is_its_own(self) -> None:
        """Spaces and further line breaks after a break belong to it, not those before it."""
        assert line_breaks("a \n \n\tb\n") == [(2, 6), (7, 8)]


class TestIsCaption:
    @pytest.mark.parametrize(
        "text",
        [
            "Protesters. Image: John Lubbock (flickr).",
            "© Mikhail Metzel/TASS",
            "Photo: AFP",
            "The minister on Monday. Photograph: Reuters",
            "Sources: Reuters, AFP",
            "Copyright (c) 2020 AFP",
        ],
    )
    def test_captions_and_credit_lines(self, text: str) -> None:
        """Picture captions and credit lines are captions."""
        assert caption(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Russian President Vladimir Putin spoke on Monday.",
            "He said the image was clear.",
            "Imagine: peace in our time.",
            "The source: a man close to the talks.",
            "",
        ],
    )
    def test_ordinary_text_is_not_a_caption(self, text: str) -> None:
        """Ordinary sentences, even ones mentioning images or sources, are not captions."""
        assert not caption(text)

    def test_looks_only_inside_the_paragraph(self) -> None:
        """Only the text between `start` and `end` counts."""
        text = "He spoke on Monday.\n\nProtesters. Image: John Lubbock (flickr)."
        (first_start, first_end), (second_start, second_end) = paragraphs(text)
        assert not is_caption(text, first_start, first_end)
        assert is_caption(text, second_start, second_end)


def headline(text: str) -> bool:
    """Whether the first paragraph of `text` is its headline."""
    spans = paragraphs(text)
    return is_headline(text, spans, *spans[0])


class TestIsHeadline:
    @pytest.mark.parametrize(
        "text",
        [
            "Senator Calls Plan 'A Disgrace'\n\nThe senator spoke.",
            "Mayor says bridge will reopen in May.\n\nThe mayor spoke.",
        ],
        ids=["title-case", "sentence-case"],
    )
    def test_a_short_first_paragraph_is_the_headline(self, text: str) -> None:
        assert headline(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Senator Calls Plan 'A Disgrace'",
            "The mayor said the bridge would reopen.\n\nShe spoke on Monday.",
            "The mayor called it 'a disgrace'.\n\nShe spoke on Monday.",
            "Lee spoke on Monday. 'We are ready,' he says.\n\nShe spoke on Monday.",
            "According to the mayor, 'the bridge will reopen'.\n\nShe spoke on Monday.",
            '"It is over," the mayor says.\n\nShe spoke on Monday.',
            "On Monday the mayor of the city announces in a long statement to the council and "
            "to the press that the old bridge will reopen in May.\n\nShe spoke.",
        ],
        ids=[
            "nothing-after-it",
            "past-tense",
            "past-tense-cue",
            "two-sentences",
            "according-to",
            "opens-with-a-quotation",
            "too-long",
        ],
    )
    def test_a_lede_is_no_headline(self, text: str) -> None:
        assert not headline(text)

    def test_only_the_first_paragraph(self) -> None:
        text = "The mayor spoke on Monday in the city.\n\nBridge to reopen.\n\nMore text."
        second = paragraphs(text)[1]
        assert not is_headline(text, paragraphs(text), *second)


class TestDatelineEnd:
    @pytest.mark.parametrize(
        ("text", "rest"),
        [
            (
                "MOSCOW, November 7. /TASS/. Russian President Vladimir Putin",
                "Russian President Vladimir Putin",
            ),
            ("ANKARA (Reuters) - Turkey said on Monday", "Turkey said on Monday"),
            ("WASHINGTON (AP) — The White House said", "The White House said"),
            ("NEW YORK, Jan. 5 /PRNewswire/: The company", "The company"),
        ],
    )
    def test_skips_wire_dateline(self, text: str, rest: str) -> None:
        """The offset after a dateline, and the space after it, starts the story."""
        assert text[dateline_end(text, 0, len(text)) :] == rest

    @pytest.mark.parametrize(
        "text",
        [
            "Moscow is a big city.",
            "THE END. He said so.",
            "Russian President Vladimir Putin said on Monday.",
            "",
        ],
    )
    def test_no_dateline_returns_start(self, text: str) -> None:
        """Without a dateline the paragraph's own start comes back."""
        assert dateline_end(text, 0, len(text)) == 0

    def test_dateline_in_a_later_paragraph(self) -> None:
        """Offsets are into the whole document, from the paragraph's start."""
        text = "Intro.\n\nMOSCOW, November 7. /TASS/. Russian President"
        start, end = paragraphs(text)[1]
        assert text[dateline_end(text, start, end) :] == "Russian President"
        assert dateline_end(text, 0, paragraphs(text)[0][1]) == 0

    def test_dateline_must_open_the_paragraph(self) -> None:
        """A dateline in the middle of a paragraph is not one."""
        text = "He wrote: MOSCOW, November 7. /TASS/. Russian President"
        assert dateline_end(text, 0, len(text)) == 0

    @given(
        st.lists(
            st.sampled_from([*"AZaz .'-,/()\n\u2014", "MOSCOW", "Nov", "7", "/TASS/.", "(AP) -"]), max_size=12
        ).map("".join)
        | st.text(),
        st.data(),
    )
    @example("MOSCOW, November 7. /TASS/. Russian", None)
    @example("A  (AP) - The", None)  # a capital, then a space
    def test_the_cheap_test_keeps_every_dateline(self, text: str, data: st.DataObject | None) -> None:
        """The first two characters are read before the pattern: wherever it matches, the offset
        is the same as its own."""
        start = data.draw(st.integers(0, len(text))) if data is not None else 0
        end = data.draw(st.integers(start, len(text))) if data is not None else len(text)
        match = _DATELINE.match(text, start, end)
        expected = start
        if match is not None:
            expected = match.end()
            while expected < end and text[expected].isspace():
                expected += 1
        assert dateline_end(text, start, end) == expected
