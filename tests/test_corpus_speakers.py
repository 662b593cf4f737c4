"""Tests of `quotes.corpus.speaker_table`: who is quoted across a corpus, a row per speaker."""

from __future__ import annotations

import doctest

import pandas as pd
import pytest

import quotes
import quotes.corpus.speaker_table
from quotes.corpus import speakers, tally, to_frame
from quotes.corpus.clustering import duplicates
from quotes.corpus.speaker_table import SPEAKER_COLUMNS, SpeakerRow, is_named


@pytest.fixture(scope="module")
def devnews(devnews_texts: dict[str, str]) -> pd.DataFrame:
    """The development set's quotations, one frame."""
    return to_frame({name: quotes.extract(text) for name, text in devnews_texts.items()})


@pytest.fixture(scope="module")
def table(devnews: pd.DataFrame) -> dict[str, SpeakerRow]:
    """The development set's speaker table, by speaker."""
    return {
        row.speaker: row
        for row in tally(devnews.astype(object).where(devnews.notna(), None).to_dict("records"))
    }


def test_examples_in_the_docstrings_run() -> None:
    """The module's examples are right."""
    assert doctest.testmod(quotes.corpus.speaker_table).failed == 0


class TestCountedByHand:
    """Rows of the development set's table, counted by hand from the articles (d006 has no date)."""

    def test_a_registered_minister_over_four_articles(self, table: dict[str, SpeakerRow]) -> None:
        """Pompeo: d006 ("likely"), d010, d016 and d027 (two); three direct, two mixed."""
        assert table["Mike Pompeo"] == SpeakerRow(
            "Mike Pompeo", True, "person", "mike-pompeo", "Q473239", 5, 3, 2, 0, 4, "2019-01-23", "2019-09-15"
        )

    def test_dates_come_only_from_dated_articles(self, table: dict[str, SpeakerRow]) -> None:
        """Rouhani: one direct quotation in undated d006, four in d009 (23 September 2019)."""
        row = table["Hassan Rouhani"]
        assert (row.quotes, row.direct, row.mixed, row.documents) == (5, 4, 1, 2)
        assert (row.first_date, row.last_date) == ("2019-09-23", "2019-09-23")

    def test_spellings_of_one_description_are_one_row(self, table: dict[str, SpeakerRow]) -> None:
        """ "his associates" (d017) and "His associates" (d018) are one description, not a name."""
        row = table["his associates"]
        assert (row.named, row.quotes, row.indirect, row.documents) == (False, 2, 2, 2)
        assert "His associates" not in table

    def test_most_quoted_first(self, table: dict[str, SpeakerRow]) -> None:
        """The table is sorted by quotations, most first; Trump leads the development set."""
        counts = [row.quotes for row in table.values()]
        assert counts == sorted(counts, reverse=True)
        assert next(iter(table)) == "Donald Trump"

    def test_unattributed_quotations_are_not_counted(
        self, devnews: pd.DataFrame, table: dict[str, SpeakerRow]
    ) -> None:
        """Every quotation with a speaker is counted once, and only those."""
        assert sum(row.quotes for row in table.values()) == devnews["speaker"].notna().sum()


class TestNamed:
    """Descriptions are kept apart from names."""

    @pytest.mark.parametrize(
        "name",
        [
            "Kyriakos Mitsotakis",
            "Abdel Fattah el-Sisi",
            "New York Times",
            "Reuters",
            "Bank of England",
            "Business Insider",
        ],
    )
    def test_names(self, name: str) -> None:
        """People and organisations, connectors ("of") and particles ("el-") included."""
        assert is_named(name)

    @pytest.mark.parametrize(
        "name",
        [
            "the presidents",
            "His associates",
            "They",
            "Officials",
            "Local officials",
            "state media",
            "a Turkish official",
            "",
        ],
    )
    def test_descriptions(self, name: str) -> None:
        """Determiners, pronouns, words in lower case, or one word for a kind of person."""
        assert not is_named(name)


class TestFrame:
    """`speakers` is `tally` as a typed DataFrame."""

    def test_columns_and_dtypes(self, devnews: pd.DataFrame) -> None:
        """The columns of `SPEAKER_COLUMNS`: counts int64, text string[pyarrow], named bool."""
        frame = speakers(devnews)
        assert frame.columns.tolist() == list(SPEAKER_COLUMNS)
        assert frame["quotes"].dtype == "int64"
        assert frame["named"].dtype == "bool"
        assert frame["speaker"].dtype == pd.StringDtype("pyarrow")

    def test_same_rows_as_tally(self, devnews: pd.DataFrame, table: dict[str, SpeakerRow]) -> None:
        """Row for row, the frame holds the table."""
        frame = speakers(devnews)
        assert frame["speaker"].tolist() == list(table)
        assert frame["quotes"].tolist() == [row.quotes for row in table.values()]

    def test_a_repeated_lede_counts_once(self) -> None:
        """A quotation repeated in its own article, marked by `duplicates`, is counted once."""
        said = '"We will never give up our land," Zelensky said.'
        frame = duplicates(to_frame({"a": quotes.extract(f"{said}\n\n{said}")}))
        assert speakers(frame)["quotes"].tolist() == [1]
        assert speakers(frame, skip_repeats=False)["quotes"].tolist() == [2]

    def test_dates_parsed_by_pandas(self, devnews: pd.DataFrame, table: dict[str, SpeakerRow]) -> None:
        """Dates as pandas Timestamps give the same first and last dates as ISO strings."""
        frame = speakers(devnews.assign(date=pd.to_datetime(devnews["date"])))
        row = frame[frame["speaker"] == "Mike Pompeo"].iloc[0]
        assert (row["first_date"], row["last_date"]) == ("2019-01-23", "2019-09-15")

    def test_an_empty_frame(self) -> None:
        """No quotations, no speakers; the columns are still there."""
        assert speakers(to_frame({})).columns.tolist() == list(SPEAKER_COLUMNS)
