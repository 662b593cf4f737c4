"""A one-line progress bar for long runs, drawn on a terminal and nowhere else."""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

import attrs

__all__ = ["Progress", "bar"]


def bar(done: int, total: int, unit: str = "files", width: int = 20) -> str:
    """The text of the bar: ``[#####...............] 5/20 files``.

    Args:
        done: How many items are finished.
        total: How many items there are.
        unit: What the items are called.
        width: How many characters the bar itself takes.

    Returns:
        The bar, one ``#`` per finished share of `width`, then the count.
    """
    filled = width * min(done, total) // total if total > 0 else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {unit}"


@attrs.define
class Progress:
    """Draws a `bar` in place on a stream that is a terminal; does nothing on any other.

    Messages go through `message`, which takes the bar off the line first, so
    errors never land in the middle of it. As a context manager, the bar is
    drawn on entry and cleared on exit, however the block ends.

    Attributes:
        stream: Where to draw, usually standard error.
        total: How many items the run will do.
        unit: What the items are called.
        enabled: Whether to draw at all; `on` sets it from the stream.
        done: How many items are finished.
    """

    stream: TextIO
    total: int
    unit: str = "files"
    enabled: bool = True
    done: int = 0
    _shown: int = attrs.field(default=0, init=False)

    @classmethod
    def on(cls, stream: TextIO, total: int, unit: str = "files", quiet: bool = False) -> Progress:
        """A progress bar that draws only where `stream` is a terminal and `quiet` is false."""
        return cls(stream, total, unit, enabled=not quiet and stream.isatty())

    def draw(self) -> None:
        """Draw the bar at the current count over whatever bar was there."""
        if not self.enabled:
            return
        text = bar(self.done, self.total, self.unit)
        self.stream.write("\r" + text.ljust(self._shown))
        self.stream.flush()
        self._shown = len(text)

    def advance(self, step: int = 1) -> None:
        """Count `step` more finished items and redraw."""
        self.done += step
        self.draw()

    def clear(self) -> None:
        """Take the bar off its line and leave the cursor at the line's start."""
        if self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0

    def message(self, text: str) -> None:
        """Write `text` on a line of its own, always, and redraw the bar below it."""
        shown = self._shown
        self.clear()
        self.stream.write(text + "\n")
        self.stream.flush()
        if shown:
            self.draw()

    def __enter__(self) -> Progress:
        self.draw()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.clear()
