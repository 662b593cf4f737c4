"""Linear time on adversarial text: each kind of input, once and eight times longer.

Every kind of input below is built at two sizes, the second eight times the
first, and timed through ``quotes.extract`` (best of a few runs); the ratio of
the two times should stay near 8 (the target is at most 10). The inputs are
what breaks naive quotation extractors: thousands of unbalanced or mixed
quotation marks, one endless sentence full of reporting verbs, runs of stops,
names and apostrophes, and random mixtures of all of them.

Usage::

    python benchmarks/adversarial.py            # the full run
    python benchmarks/adversarial.py --quick    # a smoke run of every input
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

import quotes

MARKS = "\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02"
PIECES = [
    " said ", " told reporters ", ", according to ", " Peskov", " the Kremlin spokesman", " He", ". ",
    ": ", ", ", "\n\n", "\n", "We are ready", " that ", " and said ", ", adding that ", " (R-S.C.) ",
]  # fmt: skip


def _mixture(seed: int) -> Callable[[int], str]:
    def build(size: int) -> str:
        generator = random.Random(seed)
        parts: list[str] = []
        length = 0
        while length < size:
            part = generator.choice(MARKS) if generator.random() < 0.5 else generator.choice(PIECES)
            parts.append(part)
            length += len(part)
        return "".join(parts)[:size]

    return build


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "straight marks": _repeat('"'),
    "curly openers then closers": lambda n: "\u201c" * (n // 2) + "\u201d" * (n // 2),
    "marks between words": _repeat('a "b '),
    "mixed marks": _repeat("\u201c\u00bb'\u2019\u201e\u00ab\""),
    "one sentence of cues": _repeat("said "),
    "one sentence of reports": _repeat("he said, "),
    "clauses and that": _repeat("Peskov said that the talks, adding that "),
    "stops": _repeat("."),
    "capitalised words": _repeat("Abc "),
    "initials": _repeat("A. "),
    "apostrophes": _repeat("a' "),
    "quotes with speakers": _repeat('"We are ready," he said. '),
    "random mixture 1": _mixture(1),
    "random mixture 2": _mixture(2),
}


def best_time(text: str, repeats: int) -> float:
    """The fastest of `repeats` runs of ``quotes.extract`` on `text`, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        quotes.extract(text)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print, for each input, the time at two sizes and their ratio; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller input")
    args = parser.parse_args(argv)
    size, repeats = (2_000, 1) if args.quick else (args.size, 3)
    worst = 0.0
    print(f"{'input':30s} {'n':>8s} {'time':>10s} {'8n':>8s} {'time':>10s} {'ratio':>6s}")
    for name, build in INPUTS.items():
        small, large = build(size), build(8 * size)
        one, eight = best_time(small, repeats), best_time(large, repeats)
        ratio = eight / max(one, 1e-9)
        worst = max(worst, ratio)
        print(f"{name:30s} {size:8d} {one * 1e3:8.1f}ms {8 * size:8d} {eight * 1e3:8.1f}ms {ratio:6.2f}")
    print(f"worst ratio for 8x the input: {worst:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
