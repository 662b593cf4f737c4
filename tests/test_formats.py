"""Tests of `quotes.formats`: quotations as flat rows, JSON Lines, CSV and a text table."""

from __future__ import annotations

import csv
import io
import json

import regex as re
from hypothesis import given
from hypothesis import strategies as st

from quotes.formats import COLUMNS, Table, csv_header, csv_rows, flat, jsonl, printable
from quotes.model import Cue, Mention, Quote, QuoteKind, Speaker

from strategies import quotes

PESKOV = Speaker("Dmitry Peskov", "dmitry-peskov", "person", "Kremlin spokesman")
READY = Quote(
    "We are ready,", 1, 14, QuoteKind.DIRECT, PESKOV,
    Mention("Peskov", 16, 22), Cue("said", "say", 23, 27), 0.95,
)  # fmt: skip
UNSAID = Quote("a fragment", 40, 50, QuoteKind.MIXED, confidence=0.5)


# Any text a Python str can hold: lone surrogates, controls and line separators included.
ANY_TEXT = st.text(
    st.one_of(st.characters(), st.characters(categories=["Cs", "Cc", "Zl", "Zp"])), max_size=30
)
TERMINAL_CONTROLS = re.compile(r"[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def spanning(text: str) -> Quote:
    """A quotation whose text is `text`."""
    return Quote(text, 0, len(text), QuoteKind.DIRECT)


def read_csv(output: str) -> list[dict[str, str]]:
    """Parse CSV output with its header row."""
    return list(csv.DictReader(io.StringIO(output, newline="")))


class TestFlat:
    """`flat` is `Quote.to_dict` with the document's name in front, keyed by `COLUMNS`."""

    @given(quotes(), st.text(max_size=20))
    def test_columns_are_doc_then_the_dictionary_keys(self, quote: Quote, doc: str) -> None:
        """The columns are ``doc`` and then `Quote.to_dict`'s keys, in its order."""
        assert tuple(flat(doc, quote)) == COLUMNS == ("doc", *quote.to_dict())

    @given(quotes())
    def test_round_trips_through_from_dict(self, quote: Quote) -> None:
        """Without its ``doc``, a row is a dictionary `Quote.from_dict` reads back."""
        row = flat("a.txt", quote)
        assert row.pop("doc") == "a.txt"
        assert Quote.from_dict(row) == quote

    def test_columns_name_what_a_reader_needs(self) -> None:
        """The span, kind, speaker and its id, mention, cue and confidence are all columns."""
        needed = {"doc", "start", "end", "kind", "text", "speaker", "speaker_id", "confidence"}
        needed |= {"speaker_mention", "speaker_mention_start", "speaker_mention_end", "cue", "cue_lemma"}
        assert needed <= set(COLUMNS)


class TestJsonl:
    """`jsonl` writes one JSON object a line."""

    def test_a_line_per_quotation(self) -> None:
        """Each line is the flat row of one quotation, in order."""
        lines = jsonl("a.txt", [READY, UNSAID]).splitlines()
        assert [json.loads(line) for line in lines] == [flat("a.txt", READY), flat("a.txt", UNSAID)]

    def test_non_ascii_is_kept(self) -> None:
        """Non-ASCII characters are written as they are, not escaped."""
        quote = Quote("Erdoğan’s", 0, 9)
        assert "Erdoğan’s" in jsonl("é.txt", [quote])
        assert "\\u" not in jsonl("é.txt", [quote])

    def test_no_quotations_is_no_lines(self) -> None:
        """A document without quotations writes nothing."""
        assert jsonl("a.txt", []) == ""

    def test_lone_surrogates_are_escaped_and_read_back(self) -> None:
        """A lone surrogate, which UTF-8 cannot encode, is written as a JSON escape and read back exactly."""
        output = jsonl("doc\udc80", [spanning("broken \ud800 text")])
        assert "\\ud800" in output.encode("utf-8").decode("ascii", errors="replace")
        row = json.loads(output)
        assert (row["doc"], row["text"]) == ("doc\udc80", "broken \ud800 text")

    def test_line_separators_never_split_a_record(self) -> None:
        """U+2028, U+2029 and U+0085 are escaped, so `str.splitlines` finds one line per quotation."""
        found = [spanning("one\u2028two"), spanning("three\x85four\u2029five")]
        lines = jsonl("a.txt", found).splitlines()
        assert [json.loads(line)["text"] for line in lines] == [q.text for q in found]

    @given(st.lists(st.builds(spanning, ANY_TEXT), max_size=4), ANY_TEXT)
    def test_any_text_is_utf8_one_line_a_quotation(self, found: list[Quote], doc: str) -> None:
        """Whatever a str holds, the output is UTF-8 with exactly one line per quotation."""
        output = jsonl(doc, found)
        output.encode("utf-8")
        assert len(output.splitlines()) == len(found)


class TestCsv:
    """`csv_header` and `csv_rows` write CSV the csv module reads back."""

    def test_header_names_the_columns(self) -> None:
        """The header row is `COLUMNS`."""
        assert next(csv.reader(io.StringIO(csv_header()))) == list(COLUMNS)

    def test_rows_read_back(self) -> None:
        """A row per quotation, with the flat values; a missing value is an empty cell."""
        rows = read_csv(csv_header() + csv_rows("a.txt", [READY, UNSAID]))
        assert [row["text"] for row in rows] == ["We are ready,", "a fragment"]
        assert rows[0]["speaker_id"] == "dmitry-peskov"
        assert rows[0]["cue_lemma"] == "say"
        assert rows[0]["confidence"] == "0.95"
        assert rows[1]["speaker"] == rows[1]["cue"] == rows[1]["speaker_mention_start"] == ""

    @given(st.lists(quotes(), max_size=4), st.text(max_size=20))
    def test_any_text_survives(self, found: list[Quote], doc: str) -> None:
        """Commas, quotation marks and line breaks in any field come back as they were written."""
        rows = read_csv(csv_header() + csv_rows(doc, found))
        expected = [
            {key: "" if value is None else str(value) for key, value in flat(doc, quote).items()}
            for quote in found
        ]
        assert rows == expected

    def test_lone_surrogates_become_replacement_characters(self) -> None:
        """CSV has no escapes: a lone surrogate is written as U+FFFD, one character for one."""
        output = csv_rows("a\ud800.txt", [spanning("x\udfffy")])
        output.encode("utf-8")
        [row] = list(csv.reader(io.StringIO(output, newline="")))
        assert (row[0], row[1]) == ("a\ufffd.txt", "x\ufffdy")


class TestTable:
    """`Table` lines up quotations for a terminal."""

    def test_header_and_rows_line_up(self) -> None:
        """Each column starts at the same place on every line."""
        table = Table.fit(["a.txt", "longer-name.txt"], 100)
        lines = (
            table.header() + table.rows("a.txt", [READY]) + table.rows("longer-name.txt", [UNSAID])
        ).splitlines()
        assert lines[0].split() == ["doc", "kind", "speaker", "start", "quote"]
        for column in ("kind", "speaker"):
            at = lines[0].index(column)
            assert lines[1][at - 1] == lines[2][at - 1] == " "
            assert " " not in (lines[1][at], lines[2][at])
        assert lines[1].index("We are ready,") == lines[2].index("a fragment") == lines[0].index("quote")

    def test_unknown_speaker_is_a_dash(self) -> None:
        """A quotation without a speaker shows a dash in the speaker column."""
        [line] = Table().rows("a.txt", [UNSAID]).splitlines()
        assert line.split()[:3] == ["a.txt", "mixed", "—"]

    def test_long_quotations_are_cut_on_one_line(self) -> None:
        """A long quotation with line breaks is shown on one line, cut with an ellipsis."""
        text = "word " * 30 + "\nmore"
        row = Table(text=20).rows("a.txt", [Quote(text, 0, len(text))])
        assert row.count("\n") == 1
        assert row.rstrip("\n").endswith("word word word word…")

    def test_long_paths_show_the_file_name(self) -> None:
        """A path too long for the doc column shows the file's name, if that fits."""
        row = Table(doc=24).rows("seeds/000_1a04f8329ea85e9f.txt", [READY])
        assert row.startswith("000_1a04f8329ea85e9f.txt  direct")

    def test_long_names_keep_their_end(self) -> None:
        """A file name too long for the doc column keeps its end, where names differ."""
        row = Table(doc=12).rows("seeds/000_1a04f8329ea85e9f.txt", [READY])
        assert row.startswith("…ea85e9f.txt  direct")

    @given(
        st.lists(st.text(max_size=60), min_size=1, max_size=3),
        st.lists(quotes(), max_size=3),
        st.integers(72, 300),
    )
    def test_fits_the_width(self, docs: list[str], found: list[Quote], width: int) -> None:
        """Every line fits the width it was fitted to."""
        table = Table.fit(docs, width)
        lines = [table.header(), *(table.rows(doc, found) for doc in docs)]
        assert all(len(line) <= width for line in "".join(lines).splitlines())

    def test_terminal_controls_are_shown_not_acted_on(self) -> None:
        """Escape sequences (a window title, the clipboard) and bidi overrides in a text are shown escaped."""
        hostile = spanning("\x1b]0;pwned\x07 \x1b]52;c;ZWNobw==\x07 \u202eevil")
        row = Table(text=80).rows("\x1b[2Jdoc", [hostile])
        assert not TERMINAL_CONTROLS.search(row.rstrip("\n"))
        assert "\\x1b]0;pwned\\x07" in row
        assert "\\u202e" in row

    @given(st.lists(st.builds(spanning, ANY_TEXT), max_size=3), ANY_TEXT)
    def test_no_text_reaches_the_terminal_raw(self, found: list[Quote], doc: str) -> None:
        """Whatever the texts hold, a table line has no control character but its line break."""
        output = Table().rows(doc, found)
        output.encode("utf-8")
        assert output.count("\n") == len(found)
        assert not TERMINAL_CONTROLS.search(output.replace("\n", ""))


class TestPrintable:
    """`printable` puts any text on one line that a terminal shows as it is."""

    def test_white_space_is_folded(self) -> None:
        """Runs of white space, line breaks included, become one space."""
        assert printable(" a\t\n b ") == "a b"

    def test_controls_are_escaped(self) -> None:
        """A control character is shown as its escape."""
        assert printable("a\x1bb\x00c\u2066d") == "a\\x1bb\\x00c\\u2066d"
