"""A stand-in terminal for tests of what the command line draws on standard error."""

from __future__ import annotations

import io

__all__ = ["Terminal", "screen"]


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as standard error is in an interactive shell."""

    def isatty(self) -> bool:
        return True


def screen(output: str) -> list[str]:
    """What a terminal shows after `output`: carriage returns go back to the start of the line."""
    lines = [""]
    column = 0
    for char in output:
        if char == "\n":
            lines.append("")
            column = 0
        elif char == "\r":
            column = 0
        else:
            line = lines[-1]
            lines[-1] = line[:column] + char + line[column + 1 :]
            column += 1
    return [line.rstrip() for line in lines]
