"""The day an article speaks of: given by the user, or stated in its dateline.

Roles change hands ("the Turkish foreign minister" was one man in 2019 and
another in 2024), so the registry resolves a role by the article's date. The
date is the one the caller gives; else one the article states near its start
("MOSCOW, Oct. 29, 2019 -", "29 October 2019", "2019-10-29"); else none, and
then a role resolves only where a single person ever held it.
"""

from __future__ import annotations

import datetime

import attrs
import regex

from quotes.errors import Errors
from quotes.model import DateSource

__all__ = ["NO_DATE", "ArticleDate", "article_date", "as_day", "iso_day", "stated_date"]


@attrs.frozen
class ArticleDate:
    """The day roles are resolved on, and where it came from.

    Attributes:
        day: The day, or None where nobody gave one and the article states none.
        source: `DateSource.GIVEN`, `DateSource.DATELINE` or `DateSource.NONE`.
    """

    day: datetime.date | None
    source: DateSource


NO_DATE = ArticleDate(None, DateSource.NONE)
"""The date of an article with none given and none stated."""


def as_day(value: object) -> datetime.date | None:
    """A given date as a day: a `datetime.date`, a `datetime.datetime` (its day) or an ISO
    string ("2019-10-29", "2019-10-29T08:00:00Z"); None stays None.

    Raises:
        TypeError: `value` is none of these.
        ValueError: A string is not an ISO date.
    """
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.strip()).date()  # a bare date too
        except ValueError:
            raise ValueError(Errors.E016.format(value=value)) from None
    raise TypeError(Errors.E017.format(type=type(value).__name__))


def iso_day(value: object) -> str | None:
    """The ISO day (``"2019-10-29"``) a table cell names, or None.

    A date, a datetime (pandas' ``Timestamp`` included) or an ISO string
    name their day; anything else (missing, ``NaT``, NaN, other text) names
    none.
    """
    try:
        day = as_day(value)
    except (TypeError, ValueError):
        return None
    return day.isoformat() if isinstance(day, datetime.date) and day == day else None


def article_date(text: str, published: object = None) -> ArticleDate:
    """The day to resolve the roles of `text` on: `published` if given, else its dateline's.

    Raises:
        TypeError: `published` is not a date, a datetime, an ISO string or None.
        ValueError: `published` is a string but not an ISO date.
    """
    given = as_day(published)
    if given is not None:
        return ArticleDate(given, DateSource.GIVEN)
    stated = stated_date(text)
    return ArticleDate(stated, DateSource.DATELINE) if stated is not None else NO_DATE


DATELINE_CHARS = 300
"""How far into an article its dateline may stand: a headline, a byline and the dateline."""

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# bounded runs only: each alternative is a fixed sequence of short pieces, so a search is linear
_DATE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:"
    r"(?P<iso_year>(?:19|20)\d\d)-(?P<iso_month>\d\d)-(?P<iso_day>\d\d)(?!\d)"
    rf"|{_MONTH}[ \t\u00a0]{{1,3}}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?"
    r"[ \t\u00a0]{1,3}(?P<year>(?:19|20)\d\d)(?!\d)"
    rf"|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?[ \t\u00a0]{{1,3}}{_MONTH.replace('month', 'month_second')},?"
    r"[ \t\u00a0]{1,3}(?P<year_second>(?:19|20)\d\d)(?!\d)"
    r")",
    regex.IGNORECASE,
)


# Every date holds a year, and at most `_BEFORE_YEAR` characters stand before it: a search
# for the year's two digits runs far faster than `_DATE`, which tries its month names at
# every position, so the search for a date starts where the first year allows one to.
_YEAR = regex.compile(r"(?:19|20)\d\d(?!\d)")
_BEFORE_YEAR = 21  # "September." and three spaces, "12th," and three spaces


def stated_date(text: str) -> datetime.date | None:
    """The first full date (day, month and year) in the first `DATELINE_CHARS` characters
    of `text`: "Oct. 29, 2019", "29 October 2019", "2019-10-29". A date without a year
    ("MOSCOW, Oct. 29 -") says nothing; neither does an impossible one ("Feb. 30, 2019")."""
    end = min(len(text), DATELINE_CHARS)
    year = _YEAR.search(text, 0, end)
    if year is None:
        return None
    for found in _DATE.finditer(text, max(0, year.start() - _BEFORE_YEAR), end):
        day = _day(found)
        if day is not None:
            return day
    return None


# The letters IGNORECASE matches to ASCII ones that `str.lower` does not turn into them: long s,
# and dotted capital I, which it lowers to two characters ("ſeptember", "Aprİl" are months).
_ASCII_FOLDS = str.maketrans({"\u017f": "s", "\u0130": "i"})


def _folded(month: str) -> str:
    """A month's name as `_DATE` matched it, as a key of `_MONTHS`."""
    return month.translate(_ASCII_FOLDS).lower()


def _day(found: regex.Match[str]) -> datetime.date | None:
    """The day a match of `_DATE` names, if there is such a day."""
    if found.group("iso_year"):
        parts = (found.group("iso_year"), found.group("iso_month"), found.group("iso_day"))
    elif found.group("year"):
        parts = (found.group("year"), str(_MONTHS[_folded(found.group("month"))]), found.group("day"))
    else:
        month = _MONTHS[_folded(found.group("month_second"))]
        parts = (found.group("year_second"), str(month), found.group("day_first"))
    try:
        return datetime.date(*(int(part) for part in parts))
    except ValueError:
        return None
