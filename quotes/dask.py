"""The quotations of a Dask DataFrame of documents, as a Dask DataFrame of quotations.

Needs the optional ``dask`` extra: ``pip install 'news-quotes[dask]'``.
Importing `quotes` never imports Dask; only importing this module does.

Any Python str is a document, lone surrogates (``"\\ud800"``) included, as
`quotes.extract` takes it. The result's text columns are ``string[pyarrow]``,
which holds UTF-8 only, so each surrogate code point (U+D800 to U+DFFF) of a
text field becomes U+FFFD, one code point for one: a quotation's text keeps
its length and its offsets still index the document. Two surrogates that would
make a pair in UTF-16 are two code points of a Python str, and become two
U+FFFD. The id column is copied as it is.

Such a text reaches `extract_frame` only in an object column, with Dask's
``dataframe.convert-string`` off: that conversion turns object columns into
``string[pyarrow]`` too, and fails on a surrogate before `quotes` sees it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

try:
    import dask.dataframe as dd
    import pandas as pd
except ImportError as error:
    raise ImportError("quotes.dask needs Dask's data frames: pip install 'news-quotes[dask]'") from error

from quotes.corpus.frame import DTYPES, frame
from quotes.errors import Errors
from quotes.extract import extract
from quotes.model import Quote

__all__ = ["DTYPES", "extract_frame"]


def extract_frame(ddf: dd.DataFrame, text: str = "text", id: str = "id") -> dd.DataFrame:
    """Every quotation of every document in a Dask DataFrame, a row each.

    Nothing is computed to build the result: its columns and dtypes are
    declared. A missing text (None, NaN, ``pd.NA``) is a document without
    quotations.

    Args:
        ddf: One document a row.
        text: The column holding each document's text.
        id: The column identifying each document, copied to its quotations.

    Returns:
        One row per quotation: the `id` column, with its dtype, then the
        fields of `Quote.to_dict` with the dtypes of `DTYPES`. A row keeps the
        index label of its document (as ``DataFrame.explode`` does), so the
        divisions are those of `ddf`; within a partition, rows follow the
        documents' order and a document's quotations their order in its text.

    Raises:
        KeyError: `ddf` has no column `text` or `id`.
        ValueError: `id` is also the name of a quotation field.
        TypeError: The `text` column holds no text: its dtype is not a string,
            object or categorical dtype. When the job runs, an object column
            holding something other than a str or a missing value raises a
            `TypeError` naming the column and the document's id. Any other
            error of the job names them too: in its message where it is a
            column that cannot be built, in a note (``__notes__``) where
            `quotes.extract` itself fails.

    Example:
        >>> import dask.dataframe as dd, pandas as pd
        >>> docs = pd.DataFrame({"id": [7], "text": ['"We are ready," Peskov said.']})
        >>> found = extract_frame(dd.from_pandas(docs, npartitions=1)).compute()
        >>> found[["id", "text", "speaker"]].to_dict("records")
        [{'id': 7, 'text': 'We are ready,', 'speaker': 'Dmitry Peskov'}]
    """
    for column in (text, id):
        if column not in ddf.columns:
            raise KeyError(f"extract_frame: no column {column!r}; the columns are {list(ddf.columns)}")
    if id in DTYPES:
        raise ValueError(Errors.E064.format(caller="extract_frame", id=id))
    dtype = ddf[text].dtype
    if not (
        pd.api.types.is_string_dtype(dtype)
        or pd.api.types.is_object_dtype(dtype)
        or isinstance(dtype, pd.CategoricalDtype)
    ):
        raise TypeError(f"extract_frame: column {text!r} has dtype {dtype}, not text")
    meta = _quotations(_empty(ddf), text, id)
    # Dask's collections are not annotated; the declared meta is what types the result.
    found: dd.DataFrame = ddf.map_partitions(_quotations, text=text, id=id, meta=meta)  # type: ignore[no-untyped-call]
    return found


def _empty(ddf: dd.DataFrame) -> pd.DataFrame:
    """An empty pandas frame with the columns, dtypes and index of `ddf`."""
    index = pd.Index([], dtype=ddf.index.dtype, name=ddf.index.name)
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in ddf.dtypes.items()}, index=index)


def _quotations(part: pd.DataFrame, text: str, id: str) -> pd.DataFrame:
    """The quotations of one partition, a row each, with their document's id and index label."""
    return frame(part[id], list(_extract_each(part[text], part[id], text)), id, "extract_frame")


def _extract_each(texts: pd.Series, ids: pd.Series, column: str) -> Iterator[list[Quote]]:
    """The quotations of each cell of a text column, in order; none for a missing text."""
    for cell, ident in zip(texts, ids, strict=True):
        if isinstance(cell, str):
            try:
                found = extract(cell)
            except Exception as error:  # not handled: told which document it was, and raised again
                error.add_note(Errors.E063.format(id=ident, column=column))
                raise
            yield found
        elif _missing(cell):
            yield []
        else:
            raise TypeError(Errors.E061.format(column=column, type=type(cell).__name__, id=ident))


def _missing(cell: object) -> bool:
    """Whether a cell is pandas' idea of a missing value: None, NaN or ``pd.NA``."""
    return cell is None or cell is pd.NA or (isinstance(cell, float) and math.isnan(cell))
