"""Who is quoted across a corpus: one row per canonical speaker.

A registered speaker is one speaker under its registry id, whatever the
article called them. Another named speaker is one speaker per name. A
description ("his associates", "a Turkish official") names nobody: it is
kept apart from named people (``named`` is False), and its spellings that
differ only in case ("His associates", "his associates") are one row.

`tally` works on plain rows, so the command line needs no pandas;
`speakers` is the same table as a pandas DataFrame.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from quotes.dates import iso_day
from quotes.formats import printable
from quotes.lexicon import mention_lexicon
from quotes.model import QuoteKind

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SPEAKER_COLUMNS", "SpeakerRow", "is_named", "speakers", "tally", "text_table"]


@attrs.frozen
class SpeakerRow:
    """One speaker of a corpus and what they said.

    Attributes:
        speaker: The speaker's most common spelling in the corpus; a
            description opening with a common word ("His associates") in
            lower case first.
        named: False for a description, which names nobody.
        kind: "person", "organisation" or "unknown".
        id: The registry id, or None.
        wikidata: The Wikidata item, or None.
        quotes: Quotations attributed to the speaker.
        direct: Of them, direct quotations.
        mixed: Mixed quotations.
        indirect: Reported speech.
        documents: Documents with at least one of them.
        first_date: The earliest article date among them (ISO), or None.
        last_date: The latest, or None.
    """

    speaker: str
    named: bool
    kind: str
    id: str | None
    wikidata: str | None
    quotes: int
    direct: int
    mixed: int
    indirect: int
    documents: int
    first_date: str | None
    last_date: str | None


SPEAKER_COLUMNS: tuple[str, ...] = tuple(field.name for field in attrs.fields(SpeakerRow))
"""The columns of the speaker table, in order: the fields of `SpeakerRow`."""


def tally(rows: Iterable[Mapping[str, Any]], id: str = "id", skip_repeats: bool = True) -> list[SpeakerRow]:
    """The speaker table of quotation rows: most quoted first, then by name.

    Args:
        rows: Flat quotation rows (`Quote.to_dict` with a document id), as
            ``quotes extract -f jsonl`` writes them or a frame's records.
        id: The key of the document id (``doc`` in the command line's output).
        skip_repeats: Leave out rows marked ``doc_repeat`` (a quotation that
            repeats an earlier one of its own document, as
            `quotes.corpus.duplicates` marks them), so a repeated lede counts once.

    Returns:
        One row per speaker; quotations without a speaker are not counted.
    """
    groups: dict[tuple[str, str], _Group] = {}
    for row in rows:
        name = row.get("speaker")
        if not isinstance(name, str) or not name or (skip_repeats and row.get("doc_repeat") is True):
            continue
        registered = _text(row.get("speaker_id"))
        named = registered is not None or is_named(name)
        key = (
            ("id", registered)
            if registered
            else ("name", name)
            if named
            else ("description", name.casefold())
        )
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(named, registered, _text(row.get("speaker_wikidata")))
        group.add(name, row, id)
    table = [group.row() for group in groups.values()]
    return sorted(table, key=lambda row: (-row.quotes, row.speaker.casefold(), row.speaker))


def text_table(rows: Iterable[SpeakerRow], width: int = 100) -> str:
    """The speaker table as aligned text for a terminal, at most about `width` characters wide.

    Descriptions are marked with a ``~`` before the name; the columns are the
    counts (all, direct, mixed, indirect), documents, and first and last date.
    """
    rows = list(rows)
    name_width = max(12, min(max((len(row.speaker) for row in rows), default=0) + 2, width - 58))
    counts = " ".join(f"{title:>6}" for title in ("quotes", "direct", "mixed", "indir."))
    lines = [f"{'speaker':<{name_width}}  {counts} {'docs':>5}  first       last"]
    for row in rows:
        name = ("" if row.named else "~") + printable(row.speaker)
        if len(name) > name_width:
            name = name[: name_width - 1] + "…"
        counts = f"{row.quotes:>6} {row.direct:>6} {row.mixed:>6} {row.indirect:>6} {row.documents:>5}"
        dates = f"{row.first_date or '—':<10}  {row.last_date or '—'}"
        lines.append(f"{name:<{name_width}}  {counts}  {dates}")
    return "\n".join(lines) + "\n"


def speakers(frame: pd.DataFrame, id: str = "id", skip_repeats: bool = True) -> pd.DataFrame:
    """The speaker table of a frame of quotations, as `tally` gives it, a row per speaker.

    Args:
        frame: Quotations as `quotes.corpus.to_frame` or
            `quotes.dask.extract_frame` (computed) gives them.
        id: The document id column.
        skip_repeats: As for `tally`.

    Returns:
        The columns of `SPEAKER_COLUMNS`: text ``string[pyarrow]``, counts
        ``int64``, ``named`` ``bool``.

    Example:
        >>> import quotes, quotes.corpus
        >>> found = quotes.corpus.to_frame({1: quotes.extract('"No," Peskov said. "Never," he added.')})
        >>> quotes.corpus.speakers(found)[["speaker", "quotes", "documents"]].to_dict("records")
        [{'speaker': 'Dmitry Peskov', 'quotes': 2, 'documents': 1}]
    """
    # pandas is imported only where a frame is asked for: `tally` and the command line need none.
    import pandas as pd

    from quotes.corpus.frame import TEXT

    wanted = [id, "speaker", "speaker_id", "speaker_wikidata", "speaker_kind", "kind", "date", "doc_repeat"]
    part = frame[[column for column in wanted if column in frame.columns]]
    records: list[dict[str, Any]] = part.astype(object).where(part.notna(), None).to_dict("records")  # type: ignore[assignment]
    table = tally(records, id, skip_repeats)
    dtypes: dict[str, Any] = {
        name: TEXT for name in ("speaker", "kind", "id", "wikidata", "first_date", "last_date")
    }
    dtypes |= {name: "int64" for name in ("quotes", "direct", "mixed", "indirect", "documents")}
    dtypes["named"] = "bool"
    return pd.DataFrame(
        {
            name: pd.array([getattr(row, name) for row in table], dtype=dtypes[name])
            for name in SPEAKER_COLUMNS
        }
    )


def is_named(name: str) -> bool:
    """Whether a speaker's name names someone, rather than describing them.

    A description opens with a determiner or a pronoun ("the presidents",
    "They"), has a word in lower case other than a connector ("Local
    officials", "state media"; "el-Sisi" is a name), or is one word for a
    kind of person or document ("Officials", "Reports").

    Example:
        >>> is_named("Abdel Fattah el-Sisi"), is_named("New York Times"), is_named("German officials")
        (True, True, False)
    """
    words = name.split()
    if not words:
        return False
    lexicon = mention_lexicon()
    if words[0].casefold() in lexicon.determiners or words[0].casefold() in lexicon.pronouns:
        return False
    if any(_lower(word, lexicon.connectors) for word in words):
        return False
    return not (len(words) == 1 and words[0].casefold() in _common_words())


def _lower(word: str, connectors: frozenset[str]) -> bool:
    """Whether a word is in lower case, as a description's are: not a connector, nor "el-Sisi"."""
    last = word.rsplit("-", 1)[-1]
    return word[:1].islower() and word not in connectors and not last[:1].isupper()


@functools.cache
def _common_words() -> frozenset[str]:
    """Words that open or make a description: determiners, pronouns, modifiers, kinds of person."""
    lexicon = mention_lexicon()
    return (
        lexicon.determiners
        | frozenset(lexicon.pronouns)
        | lexicon.modifiers
        | lexicon.person_heads
        | lexicon.document_heads
    )


def _text(value: object) -> str | None:
    """`value` if it is a non-empty str, else None (a missing cell may be None, NaN or NA)."""
    return value if isinstance(value, str) and value else None


@attrs.define
class _Group:
    """What one speaker said so far: the counts behind a `SpeakerRow`."""

    named: bool
    id: str | None
    wikidata: str | None
    spellings: Counter[str] = attrs.field(factory=Counter)
    kinds: Counter[str] = attrs.field(factory=Counter)
    speaker_kinds: Counter[str] = attrs.field(factory=Counter)
    documents: set[object] = attrs.field(factory=set)
    dates: list[str] = attrs.field(factory=list)

    def add(self, name: str, row: Mapping[str, Any], id: str) -> None:
        """Count one quotation of this speaker."""
        self.spellings[name] += 1
        self.kinds[str(row.get("kind"))] += 1
        self.speaker_kinds[_text(row.get("speaker_kind")) or "unknown"] += 1
        self.documents.add(row.get(id))
        day = iso_day(row.get("date"))
        if day is not None:
            self.dates.append(day)

    def row(self) -> SpeakerRow:
        """The speaker's row."""
        return SpeakerRow(
            speaker=self._spelling(),
            named=self.named,
            kind=self.speaker_kinds.most_common(1)[0][0],
            id=self.id,
            wikidata=self.wikidata,
            quotes=self.spellings.total(),
            direct=self.kinds[QuoteKind.DIRECT.value],
            mixed=self.kinds[QuoteKind.MIXED.value],
            indirect=self.kinds[QuoteKind.INDIRECT.value],
            documents=len(self.documents),
            first_date=min(self.dates, default=None),
            last_date=max(self.dates, default=None),
        )

    def _spelling(self) -> str:
        """The most common spelling; a description opening with a common word, in lower case first."""
        spelling = min(self.spellings.items(), key=lambda item: (-item[1], item[0]))[0]
        first = spelling.split(maxsplit=1)[0]
        if not self.named and first.casefold() in _common_words():
            return first.casefold() + spelling[len(first) :]
        return spelling
