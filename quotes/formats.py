"""Quotations as rows: the flat columns, and JSON Lines, CSV and an aligned text table.

Every format writes one document's quotations at a time, so the command line
can flush after each document and an interrupted run keeps what it wrote.

Any `str` Python can hold goes in, and every format comes out as valid UTF-8:
JSON Lines escapes a lone surrogate (``\\ud800``), so a JSON reader gets the
very same string back; CSV and the table, which have no escapes, write U+FFFD
in its place, one character for one, so offsets still count right.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import regex

from quotes.model import Quote

__all__ = ["COLUMNS", "Table", "csv_header", "csv_rows", "flat", "json_lines", "jsonl", "printable", "utf8"]

COLUMNS: tuple[str, ...] = (
    "doc",
    "text",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_id",
    "speaker_kind",
    "speaker_title",
    "speaker_wikidata",
    "speaker_mention",
    "speaker_mention_start",
    "speaker_mention_end",
    "cue",
    "cue_lemma",
    "cue_start",
    "cue_end",
    "confidence",
    "date",
    "date_source",
)
"""The columns of a flat row: ``doc``, then the keys of `Quote.to_dict` in its order."""


def flat(doc: str, quote: Quote) -> dict[str, Any]:
    """One quotation as a flat row.

    Args:
        doc: The name of the document the quotation comes from.
        quote: The quotation.

    Returns:
        ``{"doc": doc, **quote.to_dict()}``, keyed by `COLUMNS` in their order.
    """
    return {"doc": doc, **quote.to_dict()}


# Characters JSON lets stand raw that must not: lone surrogates cannot be
# encoded as UTF-8, and U+0085, U+2028 and U+2029 end a line for
# `str.splitlines` (and for JavaScript), which would cut a record in two.
_JSON_ESCAPE = regex.compile(r"[\ud800-\udfff\x85\u2028\u2029]")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _escape(match: regex.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def jsonl(doc: str, quotes: Iterable[Quote]) -> str:
    """One JSON object a line per quotation, valid UTF-8 whatever the text holds.

    Non-ASCII characters are written as they are, except lone surrogates and
    the line separators U+0085, U+2028 and U+2029, which are escaped
    (``\\u2028``): every line then encodes as UTF-8, `str.splitlines` cuts
    the output only between records, and `json.loads` gives back the exact
    string.
    """
    return json_lines(flat(doc, quote) for quote in quotes)


def json_lines(records: Iterable[Mapping[str, Any]]) -> str:
    """One JSON object a line per record, escaped as `jsonl` escapes quotations."""
    # Outside its strings, JSON text is ASCII, so escaping these characters
    # anywhere in the dump escapes them inside strings only.
    return "".join(
        _JSON_ESCAPE.sub(_escape, json.dumps(record, ensure_ascii=False)) + "\n" for record in records
    )


def utf8(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, so that it encodes as UTF-8.

    One character stands for one, so offsets into the text stay right.
    """
    return _SURROGATE.sub("\ufffd", text)


def _csv(rows: Iterable[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return utf8(buffer.getvalue())


def csv_header() -> str:
    """The CSV header row, naming `COLUMNS`."""
    return _csv([COLUMNS])


def csv_rows(doc: str, quotes: Iterable[Quote]) -> str:
    """One CSV row per quotation, in the order of `COLUMNS`; a missing value is an empty cell."""
    return _csv([list(flat(doc, quote).values()) for quote in quotes])


# What a terminal would act on rather than show: control characters (ESC
# starts the sequences that move the cursor, retitle the window or write to
# the clipboard), bidirectional overrides that reorder what is shown, and
# lone surrogates, which cannot be written at all.
_UNPRINTABLE = regex.compile(r"[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _show(match: regex.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` on one line, safe to write to a terminal.

    White space runs become one space; control characters, bidirectional
    controls and lone surrogates are shown as escapes (``\\x1b``,
    ``\\u202e``) instead of being acted on.
    """
    return _UNPRINTABLE.sub(_show, " ".join(text.split()))


def _cell(text: str, width: int) -> str:
    """`text` on one line, made `printable`, cut with an ellipsis to at most `width` characters."""
    text = printable(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _name(doc: str, width: int) -> str:
    """A document name in at most `width` characters: the path, else the file's name, else its end."""
    doc = printable(doc)
    if len(doc) <= width:
        return doc
    base = doc.rsplit("/", 1)[-1]
    return base if len(base) <= width else "…" + base[len(base) - width + 1 :]


@attrs.frozen
class Table:
    """An aligned text table for a terminal: doc, kind, speaker, start and the quotation.

    Columns have fixed widths, chosen before the first document is read, so
    that rows line up although they are written a document at a time.

    Attributes:
        doc: Width of the document column; a long path shows its file name, or the name's end.
        speaker: Width of the speaker column.
        text: Width of the quotation column; long quotations are cut.
    """

    KIND = 8
    START = 6
    GAP = "  "

    doc: int = attrs.field(default=12, validator=attrs.validators.ge(3))
    speaker: int = attrs.field(default=24, validator=attrs.validators.ge(3))
    text: int = attrs.field(default=40, validator=attrs.validators.ge(3))

    @classmethod
    def fit(cls, docs: Sequence[str], width: int = 100) -> Table:
        """A table about `width` characters wide, with room for the names in `docs`.

        The quotation column gets at least two fifths of the width the fixed
        columns leave; the doc column holds the longest path if it can, else
        the longest file name (up to 32 characters), and the speaker column
        takes up to 24 characters.

        Args:
            docs: The document names that will appear in the table.
            width: The width to fill, usually the terminal's.

        Returns:
            A table no wider than `width` for widths of 72 and more.
        """
        room = width - cls.KIND - cls.START - 4 * len(cls.GAP)
        rest = room - room * 2 // 5
        full = max([len("doc"), *map(len, docs)])
        base = max([len("doc"), *(len(doc.rsplit("/", 1)[-1]) for doc in docs)])
        doc = full if full <= min(32, rest // 2) else max(3, min(base, 32, rest - 16))
        speaker = max(8, min(24, rest - doc))
        return cls(doc=doc, speaker=speaker, text=max(20, room - doc - speaker))

    def _line(self, doc: str, kind: str, speaker: str, start: str, text: str) -> str:
        cells = (
            _name(doc, self.doc).ljust(self.doc),
            kind.ljust(self.KIND),
            _cell(speaker, self.speaker).ljust(self.speaker),
            start.rjust(self.START),
            _cell(text, self.text),
        )
        return self.GAP.join(cells).rstrip() + "\n"

    def header(self) -> str:
        """The header line."""
        return self._line("doc", "kind", "speaker", "start", "quote")

    def rows(self, doc: str, quotes: Iterable[Quote]) -> str:
        """One line per quotation; an unknown speaker shows as a dash."""
        return "".join(
            self._line(doc, q.kind.value, q.speaker.name if q.speaker else "—", str(q.start), q.text)
            for q in quotes
        )
