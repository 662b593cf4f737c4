"""Adversarial text: throughput, peak memory and linear time, next to real news.

Every kind of input below is what breaks naive quotation extractors: thousands
of unbalanced or mixed quotation marks, dense short quotations, JSON arrays and
one-line CSV files (a quotation every few characters), one endless sentence full
of reporting verbs, runs of stops, names and apostrophes, and random mixtures
of all of them. For each, the script prints:

- its throughput through ``quotes.extract`` in MB/s (CPU time, best of a few
  runs, at eight times the base size) and the ratio to the throughput of real
  news: the seeds and the development set, one document at a time, timed in
  turn with the input so that both see the same machine. Target: at least 0.25;
- its peak memory, in bytes per input character: how far the resident memory
  of a fresh process grows at its peak while it extracts from the input at
  ``--memory-size`` characters (2 MB). Target: at most 50. (``--quick``
  measures the peak of Python's allocations with `tracemalloc` instead: the
  resident memory hardly moves for a small input);
- the time for an input eight times longer against the original, which should
  stay near 8 (target: at most 10).

No test asserts a time; ``--quick`` is a smoke run in the test suite.

Usage::

    python benchmarks/adversarial.py            # the full run, a few minutes
    python benchmarks/adversarial.py --quick    # a smoke run of every input
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import quotes

ROOT = Path(__file__).resolve().parent.parent
NEWS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "devnews").glob("*.txt"))
MARKS = "\"'`\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\u2033\u2032\uff02"
PIECES = [
    " said ", " told reporters ", ", according to ", " Peskov", " the Kremlin spokesman", " He", ". ",
    ": ", ", ", "\n\n", "\n", "We are ready", " that ", " and said ", ", adding that ", " (R-S.C.) ",
]  # fmt: skip
MIN_SHARE = 0.25  # of the throughput of news
MAX_BYTES = 50  # of peak memory per input character


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


def _json_array(size: int) -> str:
    """``["ab", "cd", ...]``: a JSON array of short strings, on one line."""
    generator = random.Random(0)
    parts: list[str] = []
    length = 0
    while length < size:
        word = "".join(generator.choice("abcdefghij") for _ in range(generator.randint(1, 6)))
        parts.append(f'"{word}"')
        length += len(word) + 4
    return ("[" + ", ".join(parts) + "]")[:size]


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


INPUTS: dict[str, Callable[[int], str]] = {
    "straight marks": _repeat('"'),
    "curly openers then closers": lambda n: "\u201c" * (n // 2) + "\u201d" * (n // 2),
    "marks between words": _repeat('a "b '),
    "mixed marks": _repeat("\u201c\u00bb'\u2019\u201e\u00ab\""),
    "dense short quotations": _repeat("\u201ca\u201d "),
    "dense short quotations, no spaces": _repeat("\u201ca\u201d"),
    "JSON array of short strings": _json_array,
    "one-line CSV": _repeat('"a","b","c",'),
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


def cpu_time(texts: Sequence[str]) -> float:
    """The CPU time, in seconds, of ``quotes.extract`` over `texts`."""
    start = time.process_time()
    for text in texts:
        quotes.extract(text)
    return time.process_time() - start


def best_times(groups: Sequence[Sequence[str]], repeats: int) -> list[float]:
    """The least CPU time of each group of texts over `repeats` rounds, the groups timed in
    turn within each round: a machine busy with other work then slows all of them alike."""
    best = [float("inf")] * len(groups)
    for _ in range(repeats):
        for index, texts in enumerate(groups):
            best[index] = min(best[index], cpu_time(texts))
    return best


def peak_bytes(name: str, size: int) -> float:
    """Peak memory per character of extracting from input `name` at `size` characters.

    Measured in a fresh process, as the growth of its resident memory.
    """
    command = [sys.executable, __file__, "--memory-of", name, "--memory-size", str(size)]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=3600).stdout
    return float(output)


def traced_peak_bytes(text: str) -> float:
    """The peak of Python's allocations while extracting from `text`, per character."""
    tracemalloc.start()
    try:
        quotes.extract(text)
        return tracemalloc.get_traced_memory()[1] / len(text)
    finally:
        tracemalloc.stop()


def _measure_memory(name: str, size: int) -> float:
    """In this process: the growth of memory while extracting from input `name`, per character."""
    quotes.extract('Warm up: "We are ready," he said.')  # lexicons and the registry load once
    text = INPUTS[name](size)
    status = Path("/proc/self/status")
    try:  # Linux: start the peak afresh, so that loading the lexicons does not hide a smaller one
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    else:
        before = _kilobytes(status, "VmRSS")
        quotes.extract(text)
        return (_kilobytes(status, "VmHWM") - before) * 1024 / size
    try:
        import resource
    except ImportError:  # Windows
        return traced_peak_bytes(text)
    unit = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes there, kilobytes here
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    quotes.extract(text)
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * unit / size


def _kilobytes(status: Path, field: str) -> int:
    """A field of /proc/self/status, in kilobytes."""
    line = next(line for line in status.read_text().splitlines() if line.startswith(f"{field}:"))
    return int(line.split()[1])


def main(argv: Sequence[str] | None = None) -> int:
    """Print, for each input, its throughput, its ratio to news, its peak memory and its
    8n/n time ratio; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--repeats", type=int, default=5, help="rounds of timing; the best counts")
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller input")
    parser.add_argument("--memory-size", type=int, default=2_000_000, help="characters for peak memory")
    parser.add_argument("--memory-of", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_of:
        print(_measure_memory(args.memory_of, args.memory_size))
        return 0
    size, repeats, memory_size = args.size, args.repeats, args.memory_size
    if args.quick:
        size, repeats, memory_size = 2_000, 1, 16_000
    news = [path.read_text(encoding="utf-8") for path in NEWS]
    news_size = sum(map(len, news))
    cpu_time(news)  # lexicons, the registry and caches load once
    news_speed = news_size / max(best_times([news], repeats)[0], 1e-9) / 1e6
    print(f"{'input':36s} {'MB/s':>7s} {'x news':>7s} {'B/char':>7s} {'8n/n':>6s}")
    print(f"{f'news ({len(news)} documents)':36s} {news_speed:7.3f} {1:7.2f} {'':>7s} {'':>6s}")
    worst_ratio, lowest, highest = 0.0, (float("inf"), ""), (0.0, "")
    for name, build in INPUTS.items():
        base, one, eight = best_times([news, [build(size)], [build(8 * size)]], repeats)
        ratio = eight / max(one, 1e-9)
        speed = 8 * size / max(eight, 1e-9) / 1e6
        share = speed / (news_size / max(base, 1e-9) / 1e6)
        memory = traced_peak_bytes(build(memory_size)) if args.quick else peak_bytes(name, memory_size)
        print(f"{name:36s} {speed:7.3f} {share:7.2f} {memory:7.1f} {ratio:6.2f}")
        worst_ratio = max(worst_ratio, ratio)
        lowest = min(lowest, (share, name))
        highest = max(highest, (memory, name))
    print(f"lowest throughput: {lowest[0]:.2f} of news ({lowest[1]}; target at least {MIN_SHARE})")
    print(f"highest peak memory: {highest[0]:.1f} B/char ({highest[1]}; target at most {MAX_BYTES})")
    print(f"worst ratio for 8x the input: {worst_ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
