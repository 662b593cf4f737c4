"""The same quotation across a corpus: clusters of near-duplicate quotation texts.

Two quotations are one when their words are the same after normalising
(case, Unicode forms, quotation marks and apostrophes, punctuation, an
ellipsis marking a cut), or when `THRESHOLD` of the word trigrams of each
are in the other (a small edit). A quotation whose trigrams are mostly in
a longer one (a truncation, an excerpt) joins the first such quotation's
cluster, and only that one: an excerpt common to two statements does not
make them one. A fragment of fewer than `MIN_WORDS` words joins only its
exact repeats, so "we are ready" pulls nothing together.

The work is near-linear in the corpus: each quotation is compared only with
earlier ones that share a trigram with it, through an index that keeps the
first `MAX_POSTINGS` holders of each trigram (a stock phrase held by more
quotations than that is no evidence of a shared source). Clusters are built
by union-find, so a chain of edits stays one cluster.

`cluster_ids` works on plain texts; `duplicates` and `clusters` work on a
frame of quotations (pandas).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

import regex

from quotes.dates import iso_day

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CLUSTER_COLUMNS",
    "MAX_POSTINGS",
    "MIN_WORDS",
    "THRESHOLD",
    "cluster_ids",
    "clusters",
    "duplicates",
    "repeated",
    "words",
]

THRESHOLD = 0.7
"""Share of the shorter quotation's trigrams the longer must hold for the two to be one."""
MIN_WORDS = 6
"""Fewer words than this, and a quotation joins only its exact repeats."""
MAX_POSTINGS = 64
"""Quotations kept per trigram in the index."""

# A word with its inner apostrophes (we're, Kyiv's); apostrophes are unified first.
_WORD = regex.compile(r"\w+(?:'\w+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_N = 3


def words(text: str) -> tuple[str, ...]:
    """The words of a quotation as clustering compares them: NFKC, case-folded, apostrophes unified.

    Example:
        >>> words("“We’re READY…”")
        ("we're", 'ready')
    """
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold().translate(_APOSTROPHES)))


def cluster_ids(texts: Sequence[str]) -> list[int]:
    """A cluster number for each quotation text: equal numbers, the same quotation.

    Args:
        texts: Quotation texts, in corpus order.

    Returns:
        One number per text, numbered 0, 1, 2 ... in the order each
        cluster first appears in `texts`.

    Example:
        >>> said = ["We are ready to talk to Kyiv at any time.", "We're ready to talk to Kyiv at any time"]
        >>> cluster_ids([*said, "No."])
        [0, 0, 1]
    """
    # Keyed by the words joined, one string each: a tuple of word strings costs several times more.
    distinct: dict[str, int] = {}
    which = [_item(distinct, " ".join(words(text))) for text in texts]
    parent = list(range(len(distinct)))
    sizes: list[int] = []
    excerpt = [False] * len(distinct)  # joined to the cluster of a longer quotation that holds it
    index = _Index()
    for item, joined in enumerate(distinct):
        tokens = joined.split(" ") if not joined.startswith("\0") else []
        held = _trigrams(tokens)
        sizes.append(len(held))
        if len(tokens) < MIN_WORDS:
            continue  # a fragment: only its exact repeats, already one item
        holder: tuple[int, int] | None = None  # (-trigrams shared, earlier quotation holding this one)
        for other, count in index.shared(held).items():
            if count >= THRESHOLD * max(len(held), sizes[other]):
                _union(parent, item, other)  # near the same both ways: an edit
            elif count >= THRESHOLD * min(len(held), sizes[other]):
                if len(held) <= sizes[other]:
                    holder = min(holder or (-count, other), (-count, other))
                elif not excerpt[other]:
                    excerpt[other] = True  # an earlier excerpt of this one joins it, and no other
                    _union(parent, item, other)
        if holder is not None:
            excerpt[item] = True
            _union(parent, item, holder[1])
        index.add(item, held)
    numbers: dict[int, int] = {}
    return [numbers.setdefault(_find(parent, item), len(numbers)) for item in which]


def _item(distinct: dict[str, int], joined: str) -> int:
    """The number of a text's words among the distinct ones; a text without words is its own."""
    if not joined:
        distinct[f"\0{len(distinct)}"] = len(distinct)  # no words: no key equal to another's
        return len(distinct) - 1
    return distinct.setdefault(joined, len(distinct))


def _trigrams(tokens: Sequence[str]) -> frozenset[int]:
    """The word trigrams of a quotation, hashed."""
    return frozenset(hash(tuple(tokens[i : i + _N])) for i in range(len(tokens) - _N + 1))


class _Index:
    """Which earlier quotations hold each trigram: the first in one dict, the next ones in another.

    Most trigrams are held by one quotation only, and an int in a dict costs
    far less than a list of one.
    """

    def __init__(self) -> None:
        self.first: dict[int, int] = {}
        self.more: dict[int, list[int]] = {}

    def shared(self, held: frozenset[int]) -> Counter[int]:
        """How many of `held` each earlier quotation holds (of those the index keeps)."""
        first, more = self.first, self.more
        counts = Counter(first[gram] for gram in held if gram in first)
        counts.update(chain.from_iterable(more[gram] for gram in held if gram in more))
        return counts

    def add(self, item: int, held: frozenset[int]) -> None:
        """Index `item` under each of its trigrams, up to `MAX_POSTINGS` quotations a trigram."""
        first, more = self.first, self.more
        for gram in held:
            if gram not in first:
                first[gram] = item
            else:
                rest = more.setdefault(gram, [])
                if len(rest) < MAX_POSTINGS - 1:
                    rest.append(item)


def _find(parent: list[int], item: int) -> int:
    """The root of `item`'s cluster, halving the path on the way."""
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _union(parent: list[int], a: int, b: int) -> None:
    """Join the clusters of `a` and `b` under the earlier root."""
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def repeated(numbers: Sequence[int], documents: Sequence[object]) -> list[bool]:
    """Whether each quotation repeats an earlier one of its own document (same cluster, same document).

    Example:
        >>> repeated([0, 1, 0, 0], ["a", "a", "a", "b"])
        [False, False, True, False]
    """
    seen: set[tuple[object, int]] = set()
    marks = []
    for number, document in zip(numbers, documents, strict=True):
        marks.append((document, number) in seen)
        seen.add((document, number))
    return marks


def duplicates(frame: pd.DataFrame, id: str = "id") -> pd.DataFrame:
    """A frame of quotations with each row's cluster, and which rows are first or repeats.

    Args:
        frame: Quotations as `quotes.corpus.to_frame` or a computed
            `quotes.dask.extract_frame` gives them, in corpus order.
        id: The document id column.

    Returns:
        A copy of `frame` with three more columns: ``cluster`` (``int64``,
        numbered as `cluster_ids` numbers them); ``first`` (``bool``, the
        cluster's first appearance: its earliest ``date`` where a row of it
        has one, else its first row in corpus order); ``doc_repeat``
        (``bool``, the quotation repeats one earlier in its own document,
        such as a lede repeated in a caption). `quotes.corpus.speakers`
        leaves repeats out of its counts.

    Example:
        >>> import quotes, quotes.corpus
        >>> said = '"We will never give up our land," Zelensky said.'
        >>> found = quotes.corpus.duplicates(quotes.corpus.to_frame({1: quotes.extract(said + " " + said)}))
        >>> found[["cluster", "first", "doc_repeat"]].values.tolist()
        [[0, True, False], [0, False, True]]
    """
    texts = [text if isinstance(text, str) else "" for text in frame["text"].tolist()]
    numbers = cluster_ids(texts)
    days = (
        [iso_day(day) for day in frame["date"].tolist()] if "date" in frame.columns else [None] * len(numbers)
    )
    firsts: dict[int, tuple[bool, str, int]] = {}
    for position, (number, day) in enumerate(zip(numbers, days, strict=True)):
        key = (day is None, day or "", position)
        if number not in firsts or key < firsts[number]:
            firsts[number] = key
    first_rows = {key[2] for key in firsts.values()}
    repeats = repeated(numbers, frame[id].tolist())
    return frame.assign(
        cluster=_series(numbers, "int64", frame),
        first=_series([position in first_rows for position in range(len(numbers))], "bool", frame),
        doc_repeat=_series(repeats, "bool", frame),
    )


def _series(values: list[Any], dtype: str, frame: pd.DataFrame) -> pd.Series:
    """A column of `dtype` aligned with `frame`, even where it is empty."""
    # pandas is imported only where a frame is asked for: `cluster_ids` needs none.
    import pandas as pd

    return pd.Series(values, dtype=dtype, index=frame.index)


CLUSTER_COLUMNS: tuple[str, ...] = (
    "cluster",
    "quotations",
    "documents",
    "text",
    "speaker",
    "first_id",
    "first_date",
    "outlets",
)
"""The columns of `clusters`, in order."""


def clusters(frame: pd.DataFrame, id: str = "id", outlet: str | None = None) -> pd.DataFrame:
    """One row per quotation repeated across documents: where it appeared first and who ran it.

    Args:
        frame: Quotations, as for `duplicates` (its columns are added where
            `frame` lacks them).
        id: The document id column.
        outlet: A column naming each document's outlet; without it the
            outlets are the documents' ids.

    Returns:
        The columns of `CLUSTER_COLUMNS`, for clusters found in more than
        one document, most documents first: ``quotations`` counts rows,
        repeats within a document left out; ``documents`` the documents;
        ``text``, ``speaker``, ``first_id`` and ``first_date`` are the first
        appearance's; ``outlets`` is a tuple of every outlet that ran it, in
        order of appearance.
    """
    # pandas is imported only where a frame is asked for: `cluster_ids` needs none.
    import pandas as pd

    from quotes.corpus.frame import TEXT

    if not {"cluster", "first", "doc_repeat"} <= set(frame.columns):
        frame = duplicates(frame, id)
    kept = frame[~frame["doc_repeat"]]
    where = outlet if outlet is not None else id
    spread: dict[int, tuple[list[int], dict[Any, None], dict[Any, None]]] = {}
    for number, doc, name in zip(
        kept["cluster"].tolist(), kept[id].tolist(), kept[where].tolist(), strict=True
    ):
        count, documents, outlets = spread.setdefault(number, ([0], {}, {}))
        count[0] += 1
        documents[doc] = None
        outlets[name] = None
    numbers = [number for number, (_, documents, _) in spread.items() if len(documents) >= 2]
    # A cluster whose first row was filtered away has no row here, and no first appearance.
    firsts = frame[frame["first"]].drop_duplicates("cluster").set_index("cluster").reindex(numbers)
    table = pd.DataFrame(
        {
            "cluster": pd.Series(numbers, dtype="int64"),
            "quotations": pd.Series([spread[number][0][0] for number in numbers], dtype="int64"),
            "documents": pd.Series([len(spread[number][1]) for number in numbers], dtype="int64"),
            "text": pd.Series(firsts["text"].tolist(), dtype=TEXT),
            "speaker": pd.Series(firsts["speaker"].tolist(), dtype=TEXT),
            "first_id": pd.Series(firsts[id].tolist(), dtype=frame[id].dtype),
            "first_date": pd.Series([iso_day(day) for day in firsts["date"]], dtype=TEXT),
            "outlets": pd.Series([tuple(spread[number][2]) for number in numbers], dtype=object),
        }
    )
    return table.sort_values(["documents", "cluster"], ascending=[False, True], ignore_index=True)
