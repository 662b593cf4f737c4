"""Tests of `quotes.progress`: a progress bar drawn on terminals only."""

from __future__ import annotations

import io

import pytest
from terminal import Terminal, screen

from quotes.progress import Progress, bar


class TestBar:
    """`bar` draws a count as a row of hashes."""

    def test_empty(self) -> None:
        """Nothing done is all dots."""
        assert bar(0, 40) == "[....................] 0/40 files"

    def test_partly_done(self) -> None:
        """Hashes fill the share that is done, rounded down."""
        assert bar(12, 40, width=10) == "[###.......] 12/40 files"

    def test_done(self) -> None:
        """Everything done is all hashes."""
        assert bar(3, 3, unit="documents", width=5) == "[#####] 3/3 documents"

    def test_nothing_to_do_is_done(self) -> None:
        """With no items at all the bar is full rather than dividing by zero."""
        assert bar(0, 0, width=4) == "[####] 0/0 files"

    def test_overshoot_stays_inside(self) -> None:
        """More done than planned never draws past the end of the bar."""
        assert bar(5, 3, width=4) == "[####] 5/3 files"


class TestProgress:
    """`Progress` draws in place on a terminal and writes nothing else anywhere else."""

    def test_draws_on_a_terminal_and_clears_at_the_end(self) -> None:
        """On a terminal the bar is redrawn per item and gone after the run."""
        stream = Terminal()
        with Progress.on(stream, 2) as progress:
            assert screen(stream.getvalue()) == ["[....................] 0/2 files"]
            progress.advance()
            assert screen(stream.getvalue()) == ["[##########..........] 1/2 files"]
            progress.advance()
        assert "2/2 files" in stream.getvalue()
        assert screen(stream.getvalue()) == [""]

    def test_redraws_in_place(self) -> None:
        """The bar never starts a new line."""
        stream = Terminal()
        with Progress.on(stream, 40) as progress:
            for _ in range(40):
                progress.advance()
        assert "\n" not in stream.getvalue()

    def test_clears_when_the_run_fails(self) -> None:
        """An exception, Ctrl-C included, still takes the bar off the terminal."""
        stream = Terminal()

        def interrupted() -> None:
            with Progress.on(stream, 3) as progress:
                progress.advance()
                raise KeyboardInterrupt

        with pytest.raises(KeyboardInterrupt):
            interrupted()
        assert screen(stream.getvalue()) == [""]

    def test_silent_when_not_a_terminal(self) -> None:
        """On a file or a pipe nothing is drawn."""
        stream = io.StringIO()
        with Progress.on(stream, 3) as progress:
            progress.advance()
            progress.clear()
            progress.advance()
        assert stream.getvalue() == ""

    def test_silent_when_quiet(self) -> None:
        """quiet turns the bar off even on a terminal."""
        stream = Terminal()
        with Progress.on(stream, 3, quiet=True) as progress:
            progress.advance()
        assert stream.getvalue() == ""

    def test_messages_get_their_own_line(self) -> None:
        """A message takes the bar off its line first, and the bar comes back below it."""
        stream = Terminal()
        with Progress.on(stream, 4) as progress:
            progress.advance()
            progress.message("quotes: gone.txt: No such file or directory")
            assert screen(stream.getvalue()) == [
                "quotes: gone.txt: No such file or directory",
                "[#####...............] 1/4 files",
            ]
        assert screen(stream.getvalue()) == ["quotes: gone.txt: No such file or directory", ""]

    @pytest.mark.parametrize("stream", [io.StringIO(), Terminal()], ids=["file", "terminal"])
    def test_messages_are_always_written(self, stream: io.StringIO) -> None:
        """Messages are errors: they are written whether or not a bar is drawn."""
        Progress.on(stream, 1, quiet=True).message("quotes: bad.txt: invalid start byte")
        assert stream.getvalue() == "quotes: bad.txt: invalid start byte\n"
