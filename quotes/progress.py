"""A one-line progress bar for long runs (tqdm's), drawn on a terminal and nowhere else."""

from __future__ import annotations

from types import TracebackType
from typing import Any, TextIO

import attrs
from tqdm import tqdm

__all__ = ["Progress"]


@attrs.define
class Progress:
    """tqdm's bar, in place on a stream that is a terminal; nothing on any other.

    It shows the documents done, of how many where that is known, their rate
    and the time left. Messages go through `message`, which takes the bar
    off the line first, so errors never land in the middle of it. As a
    context manager, the bar is drawn on entry and cleared on exit, however
    the block ends.

    Attributes:
        stream: Where to draw, usually standard error.
        total: How many items the run will do; None where it cannot know.
        unit: What one item is called.
        enabled: Whether to draw at all; `on` sets it from the stream.
    """

    stream: TextIO
    total: int | None
    unit: str = "doc"
    enabled: bool = True
    _bar: tqdm[Any] | None = attrs.field(default=None, init=False)

    @classmethod
    def on(cls, stream: TextIO, total: int | None, unit: str = "doc", quiet: bool = False) -> Progress:
        """A progress bar that draws only where `stream` is a terminal and `quiet` is false."""
        return cls(stream, total, unit, enabled=not quiet and stream.isatty())

    def advance(self, step: int = 1) -> None:
        """Count `step` more finished items and redraw."""
        if self._bar is not None:
            self._bar.update(step)

    def clear(self) -> None:
        """Take the bar off its line (for other output to the same terminal); the next step redraws it."""
        if self._bar is not None:
            self._bar.clear()

    def message(self, text: str) -> None:
        """Write `text` on a line of its own, always, and redraw the bar below it."""
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def __enter__(self) -> Progress:
        if self.enabled:
            self._bar = tqdm(
                total=self.total,
                unit=self.unit,
                file=self.stream,
                leave=False,
                dynamic_ncols=True,
                mininterval=0.1,
            )
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
