"""Quotations as a typed pandas DataFrame, one row each: the one definition of the columns.

`to_frame` and `quotes.dask.extract_frame` both build their rows here, so a
pandas frame and a computed Dask frame of the same documents have the same
columns, in the same order, with the same dtypes.

Text columns are ``string[pyarrow]``, which holds UTF-8 only: each surrogate
code point (U+D800 to U+DFFF) of a text field becomes U+FFFD, one code point
for one, so a quotation's text keeps its length and its offsets still index
the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

try:
    import pandas as pd
except ImportError as error:
    raise ImportError("quotes.corpus needs pandas: pip install 'news-quotes[pandas]'") from error

from quotes.errors import Errors
from quotes.formats import utf8
from quotes.model import Quote

__all__ = ["DTYPES", "TEXT", "frame", "to_frame"]

TEXT = pd.StringDtype("pyarrow")
"""The dtype of every text column: ``string[pyarrow]``, a missing value ``pd.NA``."""

_OFFSET = pd.Int64Dtype()

DTYPES: Mapping[str, Any] = MappingProxyType(
    {
        "text": TEXT,
        "start": "int64",
        "end": "int64",
        "kind": TEXT,
        "speaker": TEXT,
        "speaker_id": TEXT,
        "speaker_kind": TEXT,
        "speaker_title": TEXT,
        "speaker_wikidata": TEXT,
        "speaker_mention": TEXT,
        "speaker_mention_start": _OFFSET,
        "speaker_mention_end": _OFFSET,
        "cue": TEXT,
        "cue_lemma": TEXT,
        "cue_start": _OFFSET,
        "cue_end": _OFFSET,
        "confidence": "float64",
        "date": TEXT,
        "date_source": TEXT,
    }
)
"""The pandas dtype of each field of `Quote.to_dict`, in its order.

Text is ``string[pyarrow]`` (missing is ``pd.NA``), the dtype Dask converts
strings to anyway, so declared and computed dtypes agree whatever
``dataframe.convert-string`` says; the quotation's own offsets are ``int64``;
the mention's and the cue's, absent when there is no mention or cue, are the
nullable ``Int64``; confidence is ``float64``.
"""

Documents = Mapping[Any, Iterable[Quote]] | Iterable[tuple[Any, Iterable[Quote]]]
"""Quotations by document: ``{id: quotes}`` or ``(id, quotes)`` pairs."""


def to_frame(items: Documents, id: str = "id") -> pd.DataFrame:
    """The quotations of many documents as one pandas DataFrame, a row each.

    Args:
        items: Each document's id and its quotations, as a mapping
            ``{id: quotes}`` or an iterable of ``(id, quotes)`` pairs (such as
            ``quotes.pipe(..., as_tuples=True)`` gives, context first).
        id: The name of the column holding the document ids.

    Returns:
        The `id` column, then the fields of `Quote.to_dict` with the dtypes
        of `DTYPES`: the columns and dtypes of `quotes.dask.extract_frame`.
        Ids that are all text are ``string[pyarrow]`` as Dask makes them
        (a lone surrogate in one becomes U+FFFD, as in text columns);
        other ids keep the dtype pandas infers (``int64`` for ints). Rows
        follow the documents' order, a document's quotations their order;
        the index is a ``RangeIndex``.

    Raises:
        TypeError: An item is not an (id, quotes) pair, or a quotation is not
            a `Quote`.
        ValueError: `id` is also the name of a quotation field.

    Example:
        >>> import quotes, quotes.corpus
        >>> found = {"a1": quotes.extract('"We are ready," Peskov said.')}
        >>> quotes.corpus.to_frame(found)[["id", "text", "speaker"]].to_dict("records")
        [{'id': 'a1', 'text': 'We are ready,', 'speaker': 'Dmitry Peskov'}]
    """
    if id in DTYPES:
        raise ValueError(Errors.E064.format(caller="to_frame", id=id))
    pairs = items.items() if isinstance(items, Mapping) else items
    ids: list[Any] = []
    found: list[Sequence[Quote]] = []
    for position, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise TypeError(Errors.E065.format(position=position, type=type(pair).__name__))
        ids.append(pair[0])
        found.append(list(pair[1]))
    text = bool(ids) and all(isinstance(i, str) for i in ids)
    column = pd.Series([_utf8(i) for i in ids] if text else ids, dtype=TEXT if text else None)
    return frame(column, found, id, "to_frame").reset_index(drop=True)


def frame(ids: pd.Series, found: Sequence[Sequence[Quote]], id: str, caller: str) -> pd.DataFrame:
    """One row per quotation: the document's id (dtype and index label kept), then `DTYPES`.

    Args:
        ids: Each document's id, index labels as the rows should carry them.
        found: Each document's quotations, in the order of `ids`.
        id: The name of the id column.
        caller: The public function building the frame, named in errors.

    Raises:
        TypeError: A quotation is not a `Quote`.
        ValueError: A value does not fit its column's dtype; the message
            names the column and the document.
    """
    positions: list[int] = []
    rows: list[dict[str, Any]] = []
    for position, quotes in enumerate(found):
        for quote in quotes:
            if not isinstance(quote, Quote):
                raise TypeError(
                    Errors.E066.format(caller=caller, id=ids.iloc[position], type=type(quote).__name__)
                )
            positions.append(position)
            rows.append(quote.to_dict())
    owners = ids.iloc[positions]
    columns = {
        name: _column(name, [row[name] for row in rows], dtype, owners, caller)
        for name, dtype in DTYPES.items()
    }
    # A Series, not its values, so that the id keeps its dtype: pandas would infer str from objects.
    result = pd.DataFrame({id: owners.reset_index(drop=True), **columns})
    result.index = owners.index
    return result


def _column(name: str, values: Sequence[Any], dtype: Any, ids: pd.Series, caller: str) -> Any:
    """One column of the quotations as an array of `dtype`; text is made UTF-8 first.

    Raises:
        ValueError: The values do not fit `dtype`; the message names the
            column and the id of the first document whose value does not
            (of every document, where no value alone is at fault).
    """
    if dtype is TEXT:
        values = [_utf8(value) for value in values]
    try:
        return pd.array(values, dtype=dtype)
    except (ValueError, TypeError, OverflowError) as error:
        row = next((row for row, value in enumerate(values) if not _fits(value, dtype)), None)
        culprit = ids.drop_duplicates().tolist() if row is None else ids.tolist()[row]
        raise ValueError(
            Errors.E062.format(caller=caller, column=name, id=culprit, dtype=dtype, error=error)
        ) from error


def _fits(value: Any, dtype: Any) -> bool:
    """Whether an array of `dtype` can hold `value`."""
    try:
        pd.array([value], dtype=dtype)
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def _utf8(value: Any) -> Any:
    """`value` with each surrogate code point, which UTF-8 cannot encode, replaced by U+FFFD, one for one."""
    return utf8(value) if isinstance(value, str) else value
