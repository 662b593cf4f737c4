"""Tests for `quotes.marks`: pairing quotation marks on the raw text."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import quotes.marks
from quotes.marks import _MARK, Family, QuotedSpan, _next_mark, find_quotations, mark_offsets, outermost

# Every character `find_quotations` may take for a quotation mark.
QUOTE_CHARS = frozenset(
    "\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02"
)

# Text rich in quotation marks, apostrophes, letters, digits, punctuation and breaks.
QUOTY_TEXT = st.text(
    alphabet=st.sampled_from(sorted(QUOTE_CHARS) + list("ab AZ09 .,?!-()\n\n\r\t\u00a0")),
    max_size=80,
)


def quoted(text: str) -> list[str]:
    """The text inside each quotation, in order."""
    return [text[span.start : span.end] for span in find_quotations(text)]


def shifted(span: QuotedSpan, at: int, by: int) -> QuotedSpan:
    """`span` with every offset at or after `at` moved by `by` characters."""
    move = {
        name: getattr(span, name) + by
        for name in ("open_start", "open_end", "start", "end", "close_start", "close_end")
        if getattr(span, name) >= at
    }
    return dataclasses.replace(span, **move)


def check_invariants(text: str, spans: list[QuotedSpan]) -> None:
    """Assert the invariants every result of `find_quotations` holds."""
    for span in spans:
        assert 0 <= span.open_start < span.open_end <= span.start <= span.end
        assert span.end <= span.close_start <= span.close_end <= len(text)
        assert set(text[span.open_start : span.open_end]) <= QUOTE_CHARS
        if span.runs_on:
            assert span.close_start == span.close_end
        else:
            assert span.close_start < span.close_end
            assert set(text[span.close_start : span.close_end]) <= QUOTE_CHARS
        assert span.depth >= 0
    assert spans == sorted(spans, key=lambda s: (s.open_start, -s.close_end))
    tops = outermost(spans)
    for left, right in itertools.pairwise(tops):
        assert left.close_end <= right.open_start


class TestFindQuotations:
    def test_curly_double_marks_pair(self) -> None:
        """Curly double marks “ ” enclose a quotation."""
        text = "He said “we will win” today."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["we will win"]
        assert spans[0].family is Family.DOUBLE
        assert spans[0].depth == 0
        assert not spans[0].runs_on
        assert text[spans[0].open_start] == "“"
        assert text[spans[0].close_start] == "”"

    def test_straight_double_marks_pair_by_context(self) -> None:
        """A straight " opens before a word and closes after one."""
        text = 'He said "we will win" and "we will not" today.'
        assert quoted(text) == ["we will win", "we will not"]

    def test_straight_marks_after_punctuation(self) -> None:
        """A straight " after a comma or full stop closes the quotation."""
        text = '"We will win," he said. "They will not."'
        assert quoted(text) == ["We will win,", "They will not."]

    def test_single_marks_nest_inside_double(self) -> None:
        """Single marks inside double ones give a nested span at depth 1."""
        text = "“He told me ‘never’ twice,” she said."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["He told me ‘never’ twice,", "never"]
        assert [(s.family, s.depth) for s in spans] == [(Family.DOUBLE, 0), (Family.SINGLE, 1)]

    def test_straight_single_marks_nest_inside_straight_double(self) -> None:
        """Straight ' marks inside a straight double quotation nest at depth 1."""
        text = "\"The 'United States' is a country,\" he said."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == [
            "The 'United States' is a country,",
            "United States",
        ]
        assert [(s.family, s.depth) for s in spans] == [(Family.DOUBLE, 0), (Family.SINGLE, 1)]

    def test_straight_doubles_nest_inside_straight_doubles(self) -> None:
        """Straight " marks inside a straight double quotation nest at depth 1."""
        text = '"The "United States" is a country," he said.'
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == [
            'The "United States" is a country,',
            "United States",
        ]
        assert [(s.family, s.depth) for s in spans] == [(Family.DOUBLE, 0), (Family.DOUBLE, 1)]

    @pytest.mark.parametrize(
        "text",
        [
            "Russia’s position has not changed.",
            "The countries’ leaders met on Monday.",
            "They don’t agree, and they won’t.",
            "It was a hit in the ’90s and again in the '90s.",
            "They play rock 'n' roll all day.",
            "He said 'em all left 'cause 'twas late.",
        ],
    )
    def test_apostrophes_are_not_quotation_marks(self, text: str) -> None:
        """Apostrophes in and around words never pair as quotation marks."""
        assert find_quotations(text) == []

    def test_apostrophes_inside_a_quotation_stay_apostrophes(self) -> None:
        """Apostrophes inside a double quotation neither close it nor nest."""
        text = "“Russia’s and the countries’ leaders don’t care about the ’90s,” he said."
        assert quoted(text) == ["Russia’s and the countries’ leaders don’t care about the ’90s,"]

    def test_rock_n_roll_inside_double_quotation(self) -> None:
        """The elision marks of rock 'n' roll inside double marks are apostrophes."""
        text = "\"They play rock 'n' roll,\" he said."
        assert quoted(text) == ["They play rock 'n' roll,"]

    def test_rock_n_roll_inside_single_quotation(self) -> None:
        """The elision marks of rock 'n' roll inside single marks are apostrophes."""
        text = "'They play rock 'n' roll,' he said."
        assert quoted(text) == ["They play rock 'n' roll,"]

    def test_british_single_outer_quotes(self) -> None:
        """British single outer marks pair, keeping the apostrophe in We’re."""
        text = "‘We’re going,’ she said."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["We’re going,"]
        assert spans[0].family is Family.SINGLE
        assert spans[0].depth == 0

    def test_british_quotes_with_possessive_plural(self) -> None:
        """A possessive mark after a plural s does not close a single quotation."""
        text = "‘The countries’ leaders agreed,’ he said."
        assert quoted(text) == ["The countries’ leaders agreed,"]

    def test_british_quotes_resume_after_reporting_clause(self) -> None:
        """A single quotation broken by a reporting clause gives two spans."""
        text = "‘I don’t know,’ she said, ‘and I won’t.’"
        assert quoted(text) == ["I don’t know,", "and I won’t."]

    def test_double_marks_nest_inside_british_single_quotes(self) -> None:
        """Double marks inside British single outer marks nest at depth 1."""
        text = "‘He said “no” twice,’ she said."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["He said “no” twice,", "no"]
        assert [(s.family, s.depth) for s in spans] == [(Family.SINGLE, 0), (Family.DOUBLE, 1)]

    def test_guillemets_pair(self) -> None:
        """Guillemets « » pair, and the quoted text excludes the inner spaces."""
        text = "Il a dit « nous gagnerons » hier."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["nous gagnerons"]
        assert (spans[0].open_end, spans[0].close_start) == (10, 26)
        assert spans[0].family is Family.DOUBLE

    def test_reversed_guillemets_pair(self) -> None:
        """German-style reversed guillemets » « pair as well."""
        text = "»Wir gehen«, sagte er."
        assert quoted(text) == ["Wir gehen"]

    def test_german_low_high_marks_pair(self) -> None:
        """German „ … “ marks pair, the “ closing rather than opening."""
        text = "Er sagte „wir gewinnen“ gestern."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["wir gewinnen"]
        assert (text[spans[0].open_start], text[spans[0].close_start]) == ("„", "“")

    def test_backtick_ptb_style_marks_pair(self) -> None:
        """Penn Treebank ``…'' marks pair as two-character double marks."""
        text = "He said ``we will win'' today."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["we will win"]
        assert text[spans[0].open_start : spans[0].open_end] == "``"
        assert text[spans[0].close_start : spans[0].close_end] == "''"

    def test_backtick_single_nests_inside_ptb_double(self) -> None:
        """A `…' pair inside ``…'' nests at depth 1."""
        text = "He said ``it's `fine' now'' today."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["it's `fine' now", "fine"]
        assert [s.depth for s in spans] == [0, 1]

    @pytest.mark.parametrize("opener", ['"', "“", "``"])
    def test_quotation_runs_on_into_next_paragraph(self, opener: str) -> None:
        """An unclosed paragraph whose successor reopens the quotation runs on."""
        closer = {'"': '"', "“": "”", "``": "''"}[opener]
        text = f"{opener}First para.\n\n{opener}Second para.{closer} he said."
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["First para.", "Second para."]
        first, second = spans
        assert first.runs_on
        assert first.end == first.close_start == first.close_end == text.index("\n")
        assert not second.runs_on
        assert second.depth == first.depth == 0

    def test_quotation_runs_on_across_several_paragraphs(self) -> None:
        """Every paragraph but the last of a run-on quotation runs on."""
        text = '"First para.\n\n"Second para.\n\n"Third para." he said.'
        spans = find_quotations(text)
        assert [text[s.start : s.end] for s in spans] == ["First para.", "Second para.", "Third para."]
        assert [s.runs_on for s in spans] == [True, True, False]

    def test_unclosed_quotation_without_reopening_is_dropped(self) -> None:
        """An opening mark the next paragraph does not reopen pairs with nothing."""
        text = '"First para.\n\nSecond para, he said.'
        assert find_quotations(text) == []

    @pytest.mark.parametrize("stray", ['"oops ', "“oops ", "oops” ", 'oops" ', '" ', "« oops ", "‘oops "])
    def test_stray_mark_costs_nothing_beyond_itself(self, stray: str) -> None:
        """A mark with no partner is dropped; every other quotation is unchanged."""
        base = 'He said "one" then "two" here.\n\nLater “three” and "four" came.'
        at = base.index("then ") + len("then ")
        text = base[:at] + stray + base[at:]
        expected = [shifted(span, at, len(stray)) for span in find_quotations(base)]
        assert find_quotations(text) == expected
        assert quoted(text) == ["one", "two", "three", "four"]

    @pytest.mark.parametrize("stray", ['"oops ', "“oops ", "oops” "])
    def test_stray_mark_in_earlier_paragraph_leaves_later_ones(self, stray: str) -> None:
        """A stray mark at the end of a paragraph leaves the next paragraphs alone."""
        base = "He left.\n\nShe said “yes” and “no”."
        at = base.index("He left") + len("He ")
        text = base[:at] + stray + base[at:]
        expected = [shifted(span, at, len(stray)) for span in find_quotations(base)]
        assert find_quotations(text) == expected
        assert quoted(text) == ["yes", "no"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [('A 5" screen is small.', []), ('The pipe is 5" long and "quoted" here.', ["quoted"])],
    )
    def test_inch_mark_with_nothing_open_is_ignored(self, text: str, expected: list[str]) -> None:
        """A straight " after a number, with no quotation open, is an inch mark."""
        inch = (text.index('5"') + 1, text.index('5"') + 2)
        assert inch not in mark_offsets(find_quotations(text))
        assert quoted(text) == expected

    def test_empty_quotation(self) -> None:
        """Two adjacent marks give an empty span."""
        text = "He said “” and left."
        spans = find_quotations(text)
        assert len(spans) == 1
        assert spans[0].start == spans[0].end == spans[0].close_start

    @pytest.mark.parametrize(
        "text",
        [
            "",
            " ",
            "\n\n",
            '"',
            "“",
            "'",
            "```",
            '"""',
            "''''",
            "“”‘’«»„‟‹›",
            "``''",
            "\n\"\n'\n",
            "'\"'\"'\"",
            "«»«»\n\n»«",
        ],
    )
    def test_empty_text_and_bare_marks_never_raise(self, text: str) -> None:
        """Empty text, or text made of marks alone, gives well-formed spans."""
        check_invariants(text, find_quotations(text))

    @given(st.text())
    def test_any_text_gives_well_formed_spans(self, text: str) -> None:
        """For any text, spans are ordered, in bounds, open on a mark and nest."""
        check_invariants(text, find_quotations(text))

    @given(QUOTY_TEXT)
    def test_text_rich_in_marks_gives_well_formed_spans(self, text: str) -> None:
        """For text dense with marks and breaks, the invariants hold too."""
        check_invariants(text, find_quotations(text))


class TestTypography:
    """A quotation closes with a mark of its own typography when one follows."""

    @pytest.mark.parametrize(
        ("text", "inside"),
        [
            ("“We are » ready,” he said.", "We are » ready,"),
            ("«Nous sommes ” prêts», a-t-il dit.", "Nous sommes ” prêts"),
            ("„Wir sind » bereit“, sagte er.", "Wir sind » bereit"),
        ],
        ids=["guillemet-in-curly", "curly-in-guillemets", "low-nine-closes-with-high"],
    )
    def test_a_stray_closer_of_another_kind_does_not_close(self, text: str, inside: str) -> None:
        """A stray » inside “…” leaves the quotation whole."""
        assert quoted(text) == [inside]

    def test_another_kind_closes_when_no_own_closer_follows(self) -> None:
        """Mixed typography from a scraper still pairs: “… » with no ” after it."""
        assert quoted("“We are ready» he said.") == ["We are ready"]


class TestOutermost:
    def test_drops_nested_spans(self) -> None:
        """Only the spans at depth 0 remain."""
        text = "“He told me ‘never’ twice,” she said, “twice.”"
        tops = outermost(find_quotations(text))
        assert [text[s.start : s.end] for s in tops] == ["He told me ‘never’ twice,", "twice."]

    def test_empty(self) -> None:
        """No spans in, no spans out."""
        assert outermost([]) == []


class TestMarkOffsets:
    def test_returns_offsets_of_marks(self) -> None:
        """Each pair contributes its opening and closing marks, in order."""
        text = "“He told me ‘never’ twice,” she said."
        offsets = mark_offsets(find_quotations(text))
        assert offsets == [(0, 1), (12, 13), (18, 19), (26, 27)]
        assert [text[a:b] for a, b in offsets] == ["“", "‘", "’", "”"]

    def test_two_character_marks(self) -> None:
        """Two-character ``…'' marks are reported with both characters."""
        text = "He said ``yes'' today."
        offsets = mark_offsets(find_quotations(text))
        assert [text[a:b] for a, b in offsets] == ["``", "''"]

    def test_run_on_quotation_has_no_closing_mark(self) -> None:
        """A run-on quotation contributes only its opening mark."""
        text = '"First para.\n\n"Second para." he said.'
        offsets = mark_offsets(find_quotations(text))
        assert offsets == [(0, 1), (14, 15), (27, 28)]

    def test_apostrophes_are_not_marks(self) -> None:
        """Apostrophes are not among the offsets."""
        text = "“Russia’s leaders don’t care,” he said."
        offsets = mark_offsets(find_quotations(text))
        assert [text[a:b] for a, b in offsets] == ["“", "”"]

    def test_empty(self) -> None:
        """No spans, no offsets."""
        assert mark_offsets([]) == []


class TestReadingMarks:
    """The compiled build reads marks a character at a time; the pattern finds the same ones."""

    @given(QUOTY_TEXT | st.text())
    @example("Russia's ``rock'n'roll'' isn't \u2018it\u2019s\u2019 '' `` '''")
    @example("a\u2019b \u00e9'\u00e9 1'2 _'_ '\u0660")  # letters and digits of any script, not "_"
    # each kind of mark in turn
    @example('"A" \u201cB\u201d\u00abC\u00bb\u2039D\u203a\uff02E\uff02\u201eF\u201f\u2033G\u2032')
    def test_reading_finds_what_the_pattern_finds(self, text: str) -> None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(quotes.marks, "COMPILED", True)  # the loop, in pure Python too
            assert _marks_read(text) == [match.span() for match in _MARK.finditer(text)]


def _marks_read(text: str) -> list[tuple[int, int]]:
    """Every mark `_next_mark` finds, one after the other, as `_find_marks` reads them."""
    found = []
    where = [-1] * len(quotes.marks._QUOTE_STRING)  # shared, as `_find_marks` shares it
    start, end = _next_mark(text, 0, len(text), where)
    while start < len(text):
        found.append((start, end))
        start, end = _next_mark(text, end, len(text), where)
    return found
