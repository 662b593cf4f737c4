"""Tests of `quotes.corpus.frame`: many documents' quotations as one typed pandas DataFrame."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quotes
import quotes.corpus.frame
from quotes.corpus import DTYPES, to_frame
from quotes.formats import COLUMNS
from quotes.model import Quote

from strategies import quotes as quote_objects


@pytest.fixture(scope="module")
def seeds(seed_texts: dict[str, str]) -> dict[str, list[Quote]]:
    """The seed articles' quotations by file name."""
    return {name: quotes.extract(text) for name, text in seed_texts.items()}


def test_examples_in_the_docstrings_run() -> None:
    """The module's examples are right."""
    assert doctest.testmod(quotes.corpus.frame).failed == 0


class TestToFrame:
    """A row per quotation, typed as the Dask frame is (tests/test_dask.py compares the two)."""

    def test_a_row_per_quotation_in_document_order(self, seeds: dict[str, list[Quote]]) -> None:
        """Rows are the documents' quotations, in order, each with its document's id."""
        frame = to_frame(seeds)
        assert len(frame) == sum(map(len, seeds.values()))
        assert frame["id"].tolist() == [name for name, found in seeds.items() for _ in found]
        assert frame["text"].tolist() == [q.text for found in seeds.values() for q in found]
        assert isinstance(frame.index, pd.RangeIndex)

    def test_columns_are_the_id_then_the_quote_fields(self, seeds: dict[str, list[Quote]]) -> None:
        """The id column, then the keys of `Quote.to_dict()`, with the dtypes of `DTYPES`."""
        frame = to_frame(seeds)
        assert frame.columns.tolist() == ["id", *DTYPES] == ["id", *COLUMNS[1:]]
        assert frame.dtypes.to_dict() == {"id": pd.StringDtype("pyarrow"), **DTYPES}

    def test_pairs_and_a_mapping_give_the_same_frame(self, seeds: dict[str, list[Quote]]) -> None:
        """``(id, quotes)`` pairs give what a mapping of the same items gives."""
        pd.testing.assert_frame_equal(to_frame(seeds), to_frame(iter(seeds.items())))

    def test_pipe_output_goes_in(self, seed_texts: dict[str, str]) -> None:
        """`quotes.pipe` with contexts feeds `to_frame` once the pairs are turned round."""
        piped = quotes.pipe(((text, name) for name, text in seed_texts.items()), as_tuples=True)
        frame = to_frame((name, found) for found, name in piped)
        assert frame["id"].unique().tolist() == [
            name for name in seed_texts if quotes.extract(seed_texts[name])
        ]

    def test_integer_ids_stay_int64(self, seeds: dict[str, list[Quote]]) -> None:
        """Ids keep the dtype pandas gives them; only text ids become ``string[pyarrow]``."""
        frame = to_frame(enumerate(seeds.values()))
        assert frame["id"].dtype == "int64"

    def test_a_missing_mention_is_na(self) -> None:
        """Offsets of an absent mention or cue are ``pd.NA`` in nullable Int64 columns."""
        frame = to_frame({"a": [Quote("Nothing more.", 0, 13)]})
        assert frame.loc[0, "speaker_mention_start"] is pd.NA
        assert frame.loc[0, "speaker"] is pd.NA
        assert frame["cue_start"].dtype == "Int64"

    def test_no_documents_is_an_empty_typed_frame(self) -> None:
        """Nothing in, no rows out, with every column and dtype."""
        frame = to_frame({})
        assert len(frame) == 0
        assert frame.dtypes.drop("id").to_dict() == dict(DTYPES)

    def test_a_lone_surrogate_becomes_a_replacement_character(self) -> None:
        """Arrow holds UTF-8 only: a lone surrogate becomes U+FFFD, one for one."""
        text = '"A \ud800 b," he said.'
        frame = to_frame({"x": quotes.extract(text)})
        assert frame.loc[0, "text"] == "A \ufffd b,"

    def test_a_lone_surrogate_in_an_id(self) -> None:
        """Text ids are Arrow strings too: a lone surrogate becomes U+FFFD rather than an error."""
        frame = to_frame({"a\ud800": quotes.extract('"We are ready," he said.')})
        assert frame["id"].tolist() == ["a\ufffd"]

    @settings(max_examples=50, deadline=None)
    @given(st.lists(st.lists(quote_objects(), max_size=4), max_size=5))
    def test_every_row_is_its_quotation(self, documents: list[list[Quote]]) -> None:
        """Any quotations give one row each, holding `to_dict()` with a missing value as NA."""
        frame = to_frame(enumerate(documents))
        expected = [q.to_dict() for found in documents for q in found]
        records = frame.drop(columns="id").astype(object).where(frame.notna(), None).to_dict("records")
        assert records == [{key: _utf8(value) for key, value in row.items()} for row in expected]


def _utf8(value: object) -> object:
    return (
        value.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if isinstance(value, str) else value
    )


class TestMistakes:
    """What cannot be a frame says why."""

    def test_an_item_that_is_not_a_pair(self) -> None:
        """A list of quotations without ids is refused, naming the item."""
        with pytest.raises(TypeError, match=r"^to_frame: item 0 is a list, not an \(id, quotations\) pair"):
            to_frame([[Quote("x", 0, 1)]])  # type: ignore[list-item]

    def test_something_that_is_not_a_quote(self) -> None:
        """A document holding anything but `Quote` objects is named."""
        with pytest.raises(TypeError, match=r"^to_frame: document 'a' holds a str, not a quotes.Quote"):
            to_frame({"a": ["We are ready."]})  # type: ignore[list-item]

    def test_an_id_named_like_a_quote_field(self) -> None:
        """An id column called ``text`` would hide the quotation's text."""
        with pytest.raises(ValueError, match="would clash"):
            to_frame({}, id="text")


def test_importing_quotes_or_the_corpus_package_does_not_import_pandas() -> None:
    """pandas is an extra: only a frame function loads it."""
    code = "import sys, quotes, quotes.corpus; print('pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_without_pandas_the_error_says_what_to_install() -> None:
    """Where pandas is missing, asking for a frame says which extra to install."""
    code = "import sys; sys.modules['pandas'] = None; import quotes.corpus; quotes.corpus.to_frame"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0
    assert "quotes.corpus needs pandas: pip install 'news-quotes[pandas]'" in result.stderr
