"""Tests of `quotes.dask`: the quotations of a Dask DataFrame, computed on a real local cluster."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster, wait

import quotes
import quotes.corpus
import quotes.corpus.frame
import quotes.dask
from quotes.dask import DTYPES, extract_frame
from quotes.formats import COLUMNS

Row = tuple[Any, dict[str, Any]]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A client of a real two-process cluster, the default scheduler while this module runs."""
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        yield client


@pytest.fixture(scope="module")
def documents(seed_texts: dict[str, str], devnews_texts: dict[str, str]) -> pd.DataFrame:
    """The seed articles and the development set, a document a row, ids their file names."""
    texts = {f"seeds/{name}": text for name, text in seed_texts.items()}
    texts |= {f"devnews/{name}": text for name, text in devnews_texts.items()}
    return pd.DataFrame({"id": list(texts), "text": list(texts.values())})


def expected(ids: list[Any], texts: list[Any]) -> list[Row]:
    """What `quotes.extract` finds, document by document: (id, `to_dict()`) pairs in order."""
    return [(id, quote.to_dict()) for id, text in zip(ids, texts, strict=True) for quote in _extract(text)]


def _extract(text: Any) -> list[quotes.Quote]:
    return quotes.extract(text) if isinstance(text, str) else []


def rows(found: pd.DataFrame, id: str = "id") -> list[Row]:
    """A computed frame as (id, quote dictionary) pairs, a missing value as None."""
    records = found.astype(object).where(found.notna(), None).to_dict("records")
    return [(record.pop(id), record) for record in records]


class TestExtractFrame:
    """`extract_frame` finds what `quotes.extract` finds, on every worker, in order."""

    def test_rows_are_the_quotations_of_each_document(self, client: Client, documents: pd.DataFrame) -> None:
        """Row for row: the document's id, then `Quote.to_dict()`, in document and text order."""
        ddf = dd.from_pandas(documents, npartitions=4)
        found = extract_frame(ddf).compute()
        assert ddf.npartitions == 4
        assert len(found) > 100
        assert rows(found) == expected(list(documents["id"]), list(documents["text"]))

    def test_work_is_spread_over_the_workers(self, client: Client, documents: pd.DataFrame) -> None:
        """The partitions run on the cluster's worker processes, more than one of them."""
        found = extract_frame(dd.from_pandas(documents, npartitions=8)).persist()
        wait(found)
        holders = {worker for workers in client.who_has(found).values() for worker in workers}
        assert len(holders) == 2

    def test_columns_are_the_id_then_the_quote_fields(self, documents: pd.DataFrame) -> None:
        """The id column comes first, then the keys of `Quote.to_dict()` in their order."""
        found = extract_frame(dd.from_pandas(documents, npartitions=3))
        assert list(found.columns) == ["id", *DTYPES] == ["id", *COLUMNS[1:]]

    def test_declared_dtypes_are_the_computed_ones(self, client: Client, documents: pd.DataFrame) -> None:
        """The declared meta and the computed partitions agree, column for column."""
        ddf = dd.from_pandas(documents, npartitions=3)
        found = extract_frame(ddf)
        computed = found.compute()
        assert found.dtypes.to_dict() == computed.dtypes.to_dict() == {"id": ddf["id"].dtype, **DTYPES}
        assert computed["text"].dtype == pd.StringDtype("pyarrow")
        assert computed["cue_start"].dtype == "Int64"
        assert computed["start"].dtype == "int64"
        assert computed["confidence"].dtype == "float64"

    def test_dtypes_agree_without_pyarrow_strings(self, client: Client, documents: pd.DataFrame) -> None:
        """With Dask's string conversion off, the id stays an object column and nothing disagrees."""
        with dask.config.set({"dataframe.convert-string": False}):
            ddf = dd.from_pandas(documents.astype({"id": object, "text": object}), npartitions=3)
            found = extract_frame(ddf)
            computed = found.compute()
        assert found.dtypes.to_dict() == computed.dtypes.to_dict() == {"id": object, **DTYPES}
        assert rows(computed) == expected(list(documents["id"]), list(documents["text"]))

    def test_nothing_is_computed_to_build_the_frame(self, documents: pd.DataFrame) -> None:
        """Building the result reads no partition: a cell that fails the job fails only when computed."""
        with dask.config.set({"dataframe.convert-string": False}):
            bad = pd.DataFrame({"id": [1], "text": pd.Series([b"bytes"], dtype=object)})
            extract_frame(dd.from_pandas(bad, npartitions=1))

    def test_index_and_divisions_are_the_input_ones(self, client: Client, documents: pd.DataFrame) -> None:
        """A quotation keeps its document's index label, so the divisions are the input's."""
        ddf = dd.from_pandas(documents, npartitions=3)
        found = extract_frame(ddf)
        computed = found.compute()
        assert found.divisions == ddf.divisions
        assert list(documents.loc[computed.index, "id"]) == list(computed["id"])

    def test_ids_keep_their_dtype(self, client: Client, seed_texts: dict[str, str]) -> None:
        """Integer ids stay int64."""
        frame = pd.DataFrame({"id": range(100, 105), "text": list(seed_texts.values())})
        found = extract_frame(dd.from_pandas(frame, npartitions=3)).compute()
        assert found["id"].dtype == "int64"
        assert rows(found) == expected(list(frame["id"]), list(frame["text"]))

    def test_a_categorical_text_column(self, client: Client, seed_texts: dict[str, str]) -> None:
        """A categorical column of texts is read like a string column."""
        frame = pd.DataFrame({"id": range(5), "text": pd.Categorical(list(seed_texts.values()))})
        found = extract_frame(dd.from_pandas(frame, npartitions=2)).compute()
        assert rows(found) == expected(list(frame["id"]), list(seed_texts.values()))

    def test_custom_column_names(self, client: Client, documents: pd.DataFrame) -> None:
        """Other names for the text and id columns; other columns are left out."""
        renamed = documents.rename(columns={"text": "body", "id": "url"}).assign(year=2024)
        found = extract_frame(dd.from_pandas(renamed, npartitions=3), text="body", id="url").compute()
        assert list(found.columns) == ["url", *DTYPES]
        assert rows(found, "url") == expected(list(documents["id"]), list(documents["text"]))


class TestSameAsPandas:
    """`quotes.corpus.to_frame` and a computed `extract_frame` are one table: columns, dtypes, rows."""

    @pytest.mark.parametrize("ids", ["names", "numbers"])
    def test_to_frame_is_the_computed_frame(self, client: Client, documents: pd.DataFrame, ids: str) -> None:
        """The same documents give the same frame either way, whether ids are text or ints."""
        if ids == "numbers":
            documents = documents.assign(id=range(100, 100 + len(documents)))
        computed = extract_frame(dd.from_pandas(documents, npartitions=3)).compute()
        texts = zip(documents["id"], documents["text"], strict=True)
        found = {id: quotes.extract(text) for id, text in texts}
        local = quotes.corpus.to_frame(found)
        assert local.dtypes.to_dict() == computed.dtypes.to_dict()
        assert local.columns.tolist() == computed.columns.tolist()
        pd.testing.assert_frame_equal(local, computed.reset_index(drop=True))


class TestEmpty:
    """Empty partitions and empty frames have no rows and the declared dtypes."""

    def test_an_empty_partition(self, client: Client, documents: pd.DataFrame) -> None:
        """A partition left empty by a filter gives an empty partition of the result."""
        ddf = dd.from_pandas(documents, npartitions=4)
        dropped = list(ddf.get_partition(0)["id"].compute())
        ddf = ddf[~ddf["id"].isin(dropped)]
        found = extract_frame(ddf)
        first = found.get_partition(0).compute()
        assert found.npartitions == 4
        assert first.empty
        assert first.dtypes.to_dict() == found.dtypes.to_dict()
        kept = documents[~documents["id"].isin(dropped)]
        assert rows(found.compute()) == expected(list(kept["id"]), list(kept["text"]))

    def test_an_empty_frame(self, client: Client) -> None:
        """No documents, no quotations, and the same dtypes as declared."""
        empty = pd.DataFrame({"id": pd.Series(dtype="int64"), "text": pd.Series(dtype="string")})
        found = extract_frame(dd.from_pandas(empty, npartitions=1))
        computed = found.compute()
        assert computed.empty
        assert computed.dtypes.to_dict() == found.dtypes.to_dict() == {"id": "int64", **DTYPES}

    def test_documents_without_quotations(self, client: Client) -> None:
        """Documents that quote nobody give no rows."""
        frame = pd.DataFrame({"id": [1, 2], "text": ["", "The weather was fine."]})
        assert extract_frame(dd.from_pandas(frame, npartitions=2)).compute().empty


class TestMissingText:
    """A missing text is a document without quotations; anything else that is not text is an error."""

    SAID = '"We are ready," Peskov said.'

    def test_missing_text_has_no_quotations(self, client: Client) -> None:
        """None, NaN and pd.NA in an object column are documents without quotations."""
        texts = [self.SAID, None, math.nan, pd.NA, self.SAID]
        with dask.config.set({"dataframe.convert-string": False}):
            frame = pd.DataFrame({"id": range(5), "text": pd.Series(texts, dtype=object)})
            found = extract_frame(dd.from_pandas(frame, npartitions=2)).compute()
        assert list(found["id"]) == [0, 4]
        assert rows(found) == expected(list(range(5)), texts)

    def test_missing_text_in_a_string_column(self, client: Client) -> None:
        """A missing value of a string column (pd.NA) has no quotations either."""
        frame = pd.DataFrame({"id": [1, 2], "text": pd.Series([None, self.SAID], dtype="string")})
        found = extract_frame(dd.from_pandas(frame, npartitions=1)).compute()
        assert list(found["id"]) == [2]

    def test_other_cells_raise_a_type_error_naming_the_column(self, client: Client) -> None:
        """A cell that is neither text nor missing fails the job with a TypeError naming the column."""
        with dask.config.set({"dataframe.convert-string": False}):
            frame = pd.DataFrame({"id": [1, 2], "body": pd.Series([self.SAID, b"bytes"], dtype=object)})
            found = extract_frame(dd.from_pandas(frame, npartitions=1), text="body")
            with pytest.raises(TypeError, match=r"column 'body' holds a bytes, not a str"):
                found.compute()

    def test_the_type_error_names_the_document(self, client: Client) -> None:
        """The TypeError of a cell that is not text names the document's id too."""
        with dask.config.set({"dataframe.convert-string": False}):
            found = extract_frame(object_frame([self.SAID, None, b"bytes"]))
            with pytest.raises(TypeError, match=r"column 'text' holds a bytes, not a str, in document 3;"):
                found.compute()

    def test_a_numeric_column_raises_at_once(self) -> None:
        """A column whose dtype cannot hold text is refused before anything runs."""
        frame = pd.DataFrame({"id": [1], "text": [3.5]})
        with pytest.raises(TypeError, match=r"column 'text' has dtype float64, not text"):
            extract_frame(dd.from_pandas(frame, npartitions=1))


def replaced(row: Row) -> Row:
    """A row as `extract_frame` gives it: each surrogate of a text field replaced by U+FFFD."""
    id, quote = row
    return id, {
        k: re.sub("[\ud800-\udfff]", "\ufffd", v) if isinstance(v, str) else v for k, v in quote.items()
    }


def object_frame(texts: list[Any]) -> dd.DataFrame:
    """One partition of documents numbered from 1, their texts in an object column, as Dask leaves it."""
    with dask.config.set({"dataframe.convert-string": False}):
        frame = pd.DataFrame({"id": range(1, len(texts) + 1), "text": pd.Series(texts, dtype=object)})
        return dd.from_pandas(frame, npartitions=1)


class TestSurrogates:
    """Any str Python can hold is a document; in the result, a surrogate is U+FFFD, one for one."""

    SAID = '"We are ready," Peskov said.'
    LONE = '"We are ready \ud800," Peskov said.'

    def test_a_lone_surrogate_fails_nothing(self, client: Client) -> None:
        """A document holding one has its quotations, and so has every other document of its partition."""
        texts = [self.SAID, self.LONE, "Peskov said that the talks were \udfff over.", self.SAID]
        with dask.config.set({"dataframe.convert-string": False}):
            found = extract_frame(object_frame(texts)).compute()
        assert list(found["id"]) == [1, 2, 3, 4]
        assert rows(found) == [replaced(row) for row in expected([1, 2, 3, 4], texts)]
        assert found.dtypes.to_dict() == {"id": "int64", **DTYPES}

    def test_offsets_still_index_the_document(self, client: Client) -> None:
        """A surrogate pair is two code points and two U+FFFD: the text keeps its length and place."""
        text = '"Hi \ud83d\ude00 and \udc80 there," Peskov said.'
        with dask.config.set({"dataframe.convert-string": False}):
            found = extract_frame(object_frame([text])).compute()
        (quote,) = found.to_dict("records")
        assert quote["text"] == "Hi \ufffd\ufffd and \ufffd there,"
        assert len(quote["text"]) == quote["end"] - quote["start"] == len(text[quote["start"] : quote["end"]])

    def test_the_result_goes_to_parquet(self, client: Client, tmp_path: Path) -> None:
        """Every text column is valid UTF-8, so Parquet takes it and gives it back unchanged."""
        with dask.config.set({"dataframe.convert-string": False}):
            found = extract_frame(object_frame([self.LONE, self.SAID]))
            found.to_parquet(tmp_path / "quotes")
            computed = found.compute()
        pd.testing.assert_frame_equal(dd.read_parquet(tmp_path / "quotes").compute(), computed)

    def test_a_column_that_cannot_be_built_names_itself_and_the_document(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without the replacement, Arrow's error is raised naming the column and the document's id.

        Run in this process (``scheduler="sync"``), where the patch is seen.
        """
        monkeypatch.setattr(quotes.corpus.frame, "_utf8", lambda value: value)
        with dask.config.set({"dataframe.convert-string": False}):
            found = extract_frame(object_frame([self.SAID, self.LONE]))
            with pytest.raises(
                ValueError,
                match=r"^extract_frame: column 'text' of the quotations of document 2 cannot be string: ",
            ):
                found.compute(scheduler="sync")

    def test_a_failing_extraction_is_told_the_document(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An error of `quotes.extract` itself keeps its type, with a note naming the document and column.

        Run in this process (``scheduler="sync"``), where the patch is seen.
        """

        def fail(text: str) -> list[quotes.Quote]:
            if "\ud800" in text:
                raise RuntimeError("no")
            return quotes.extract(text)

        monkeypatch.setattr(quotes.dask, "extract", fail)
        with dask.config.set({"dataframe.convert-string": False}):
            found = extract_frame(object_frame([self.SAID, self.LONE]))
            with pytest.raises(RuntimeError) as failed:
                found.compute(scheduler="sync")
        assert str(failed.value) == "no"
        assert failed.value.__notes__ == [
            "extract_frame: while finding the quotations of document 2 of column 'text'"
        ]


class TestArguments:
    """Wrong column names are refused when the frame is built."""

    def test_a_missing_column(self, documents: pd.DataFrame) -> None:
        """A text or id column that is not there is a KeyError naming it."""
        ddf = dd.from_pandas(documents, npartitions=1)
        with pytest.raises(KeyError, match="'body'"):
            extract_frame(ddf, text="body")
        with pytest.raises(KeyError, match="'url'"):
            extract_frame(ddf, id="url")

    def test_an_id_named_like_a_quote_field(self, documents: pd.DataFrame) -> None:
        """An id column named like a quotation field would clash with it: a ValueError."""
        ddf = dd.from_pandas(documents.rename(columns={"id": "start"}), npartitions=1)
        with pytest.raises(ValueError, match="'start'"):
            extract_frame(ddf, id="start")


class TestParquet:
    """The result is ready for Parquet as it is."""

    def test_round_trip(self, client: Client, documents: pd.DataFrame, tmp_path: Path) -> None:
        """Written with `to_parquet` and read back, the quotations are equal, dtypes and all."""
        found = extract_frame(dd.from_pandas(documents, npartitions=3))
        found.to_parquet(tmp_path / "quotes")
        back = dd.read_parquet(tmp_path / "quotes")
        assert back.dtypes.to_dict() == found.dtypes.to_dict()
        pd.testing.assert_frame_equal(back.compute(), found.compute())


class TestImport:
    """Dask is optional: only `quotes.dask` imports it."""

    def run(self, code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)

    def test_importing_quotes_does_not_import_dask(self) -> None:
        """``import quotes`` loads neither Dask nor its distributed scheduler."""
        result = self.run("import sys, quotes; print(sorted({'dask', 'distributed'} & set(sys.modules)))")
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == "[]"

    def test_without_dask_the_error_says_what_to_install(self) -> None:
        """Where Dask is not installed, importing `quotes.dask` says to install the extra."""
        result = self.run("import sys; sys.modules['dask'] = None; import quotes.dask")
        assert result.returncode != 0
        assert "ImportError: quotes.dask needs Dask's data frames: pip install 'news-quotes[dask]'" in (
            result.stderr
        )
