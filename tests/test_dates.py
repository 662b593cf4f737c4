"""Tests of quotes.dates: the day an article speaks of, given or stated in its dateline."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quotes.dates import _DATE, DATELINE_CHARS, NO_DATE, ArticleDate, _day, article_date, as_day, stated_date
from quotes.model import DateSource

DAY = datetime.date(2019, 10, 29)


class TestStatedDate:
    """A full date near the start of an article is its date."""

    @pytest.mark.parametrize(
        "opening",
        [
            "MOSCOW, Oct. 29, 2019 (Reuters) - The Kremlin said ...",
            "ANKARA, October 29, 2019 - Turkey said ...",
            "Updated 29 October 2019\n\nThe minister said ...",
            "29th October, 2019. The minister said ...",
            "Published: 2019-10-29T08:15:00Z\nThe minister said ...",
            "By Ann Lee | OCT 29 2019\n\nThe minister said ...",
            "Sept. 3, 2019 and Oct. 29, 2019 ...",
        ],
    )
    def test_datelines_in_their_usual_forms(self, opening: str) -> None:
        """Month first, day first, with or without a full stop or suffix, ISO; the first one wins."""
        found = stated_date(opening)
        assert found is not None
        assert found in (DAY, datetime.date(2019, 9, 3))

    @pytest.mark.parametrize(
        "opening",
        [
            "MOSCOW, Oct. 29 (Reuters) - The Kremlin said ...",  # no year: it says nothing
            "The minister said on Tuesday that ...",
            "Feb. 30, 2019: the minister said ...",  # no such day
            "In 2019, the minister said ...",
            "The vote may 29 of them 2019 ...",
        ],
    )
    def test_no_full_date_is_no_date(self, opening: str) -> None:
        assert stated_date(opening) is None

    def test_only_the_start_of_the_article_counts(self) -> None:
        """A date deep in the story is an event's, not the article's."""
        text = "x " * DATELINE_CHARS + "On Oct. 29, 2019, the minister said ..."
        assert stated_date(text) is None

    @pytest.mark.parametrize("month", ["\u017feptember", "Apr\u0130l", "AUGU\u017fT"])
    def test_a_month_with_a_letter_that_folds_to_ascii(self, month: str) -> None:
        """Ignoring case, the engine matches long s to s and dotted capital I to i, which
        `str.lower` does not: such a month is still read, not a lookup that fails."""
        assert stated_date(f"MOSCOW, {month} 3, 2019 - The minister said ...") is not None

    @given(st.text(max_size=400))
    @example("\u017fept. 3, 2019")
    @example("3 Apr\u0130l 2019")
    def test_any_text_gives_a_day_or_none(self, text: str) -> None:
        found = stated_date(text)
        assert found is None or isinstance(found, datetime.date)

    @given(
        st.lists(
            st.sampled_from(
                [
                    "Oct.",
                    "ocTober",
                    "sept",
                    "May",
                    "\u017fep",
                    " ",
                    "\u00a0",
                    ",",
                    "-",
                    "th",
                    "x",
                    "3",
                    "29",
                    "9",
                    "19",
                    "20",
                    "2019",
                    "1999",
                    "2020-",
                    "10-29",
                    "\u0663",
                    "\n",
                ]
            ),
            max_size=120,
        ).map("".join)
    )
    @example("x" * 280 + "Oct. 29, 2019")  # the year past the window, the date across its end
    @example("September.   12th,   2019")  # the most characters a date puts before its year
    def test_the_search_from_the_first_year_finds_what_a_search_from_the_start_finds(self, text: str) -> None:
        """The search skips to where the first year allows a date to begin: no date is missed,
        and the first one is still the first."""
        assert stated_date(text) == _stated_date_from_the_start(text)


def _stated_date_from_the_start(text: str) -> datetime.date | None:
    """`stated_date` searching the whole window from its first character."""
    for found in _DATE.finditer(text, 0, min(len(text), DATELINE_CHARS)):
        day = _day(found)
        if day is not None:
            return day
    return None


class TestArticleDate:
    """The given date wins over the dateline's; with neither there is none."""

    def test_a_given_date_wins(self) -> None:
        assert article_date("MOSCOW, Oct. 29, 2019 -", "2024-05-01") == ArticleDate(
            datetime.date(2024, 5, 1), DateSource.GIVEN
        )

    def test_the_dateline_without_a_given_date(self) -> None:
        assert article_date("MOSCOW, Oct. 29, 2019 -") == ArticleDate(DAY, DateSource.DATELINE)

    def test_neither_is_no_date(self) -> None:
        assert article_date("MOSCOW - The Kremlin said ...") == NO_DATE
        assert NO_DATE.day is None
        assert NO_DATE.source is DateSource.NONE


class TestAsDay:
    """A given date is a `date`, a `datetime` or an ISO string; anything else is refused clearly."""

    @pytest.mark.parametrize(
        "value",
        [DAY, datetime.datetime(2019, 10, 29, 23, 59), "2019-10-29", " 2019-10-29 ", "2019-10-29T08:00:00Z"],
    )
    def test_forms_of_a_day(self, value: object) -> None:
        assert as_day(value) == DAY

    def test_none_is_no_day(self) -> None:
        assert as_day(None) is None

    @pytest.mark.parametrize("value", ["29/10/2019", "yesterday", "", "2019-13-01", "2019-10-29 and more"])
    def test_a_string_that_is_no_iso_date_is_a_value_error(self, value: str) -> None:
        with pytest.raises(ValueError, match="ISO date"):
            as_day(value)

    @pytest.mark.parametrize("value", [20191029, 2019.5, b"2019-10-29", ["2019-10-29"]])
    def test_other_types_are_a_type_error(self, value: object) -> None:
        with pytest.raises(TypeError, match=type(value).__name__):
            as_day(value)
