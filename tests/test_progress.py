"""Tests of `quotes.progress`: tqdm's bar on a terminal, and nothing anywhere else."""

from __future__ import annotations

import io
import re
import time

import pytest
from terminal import Terminal, screen

from quotes.progress import Progress


class TestProgress:
    """`Progress` draws tqdm's bar in place on a terminal and writes nothing else anywhere else."""

    def test_draws_counts_rate_and_time_left_then_clears(self) -> None:
        """On a terminal: documents done of all, their rate and the time left; gone after the run."""
        stream = Terminal()
        with Progress.on(stream, 4) as progress:
            assert re.fullmatch(r"\s*0%\|\s*\| 0/4 \[00:00<\?, \?doc/s\]", screen(stream.getvalue())[0])
            time.sleep(0.15)  # past tqdm's minimum interval, so the next step is drawn
            progress.advance()
            [line] = screen(stream.getvalue())
            assert re.search(r"\| 1/4 \[00:00<00:00, +[0-9.]+doc/s\]", line)
        assert screen(stream.getvalue()) == [""]

    def test_an_unknown_total_still_counts(self) -> None:
        """Reading standard input, the total is unknown: the count and rate still show."""
        stream = Terminal()
        with Progress.on(stream, None) as progress:
            time.sleep(0.15)
            progress.advance(3)
            assert re.search(r"3doc \[00:00, +[0-9.]+doc/s\]", screen(stream.getvalue())[0])

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
            lines = screen(stream.getvalue())
            assert lines[0] == "quotes: gone.txt: No such file or directory"
            assert "/4 [" in lines[1]
        assert screen(stream.getvalue()) == ["quotes: gone.txt: No such file or directory", ""]

    @pytest.mark.parametrize("stream", [io.StringIO(), Terminal()], ids=["file", "terminal"])
    def test_messages_are_always_written(self, stream: io.StringIO) -> None:
        """Messages are errors: they are written whether or not a bar is drawn."""
        Progress.on(stream, 1, quiet=True).message("quotes: bad.txt: invalid start byte")
        assert stream.getvalue() == "quotes: bad.txt: invalid start byte\n"
