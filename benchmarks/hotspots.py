"""Where `quotes.extract` spends its time: the top entries of a sampling profile.

Runs ``quotes.extract`` over the benchmark corpus (the seeds and the
development set, as ``benchmarks/run.py`` does) under pyinstrument, a
sampling profiler whose overhead does not grow with the number of calls, as
cProfile's does, and prints the functions that take the most time, by their
own time and by the time of all they call, as shares of the whole::

    pip install '.[benchmarks]'
    python benchmarks/hotspots.py               # a few seconds of sampling
    python benchmarks/hotspots.py --top 30 --rounds 20
    python benchmarks/hotspots.py --html profile.html   # pyinstrument's interactive view
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from run import corpus  # the benchmark's own corpus: run as a script, its folder is on the path

import quotes

_INTERVAL = 0.0002  # seconds between samples: some 10,000 a second


def main(argv: Sequence[str] | None = None) -> int:
    """Profile, print the top entries; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=20, help="entries to print in each list (default 20)")
    parser.add_argument("--rounds", type=int, default=8, help="passes over the corpus (default 8)")
    parser.add_argument("--html", type=Path, help="also write pyinstrument's HTML view here")
    parser.add_argument("--quick", action="store_true", help="a smoke run: five passes over three documents")
    args = parser.parse_args(argv)
    from pyinstrument import Profiler

    texts = corpus()[:3] if args.quick else corpus()
    for text in texts:  # caches warm, as in the benchmark's throughput
        quotes.extract(text)
    profiler = Profiler(interval=_INTERVAL)
    profiler.start()
    for _ in range(5 if args.quick else args.rounds):  # compiled, three documents take a few ms a pass
        for text in texts:
            quotes.extract(text)
    session = profiler.stop()
    own, total = tally(session.root_frame())
    whole = session.duration or 1.0
    for title, table in (("own time", own), ("with what it calls", total)):
        print(f"top {args.top} by {title} (share of {whole:.2f} s, {session.sample_count} samples):")
        for name, seconds in sorted(table.items(), key=lambda item: -item[1])[: args.top]:
            print(f"{100 * seconds / whole:6.1f}%  {name}")
    if args.html is not None:
        args.html.write_text(profiler.output_html(), encoding="utf-8")
    return 0


def tally(root: object) -> tuple[dict[str, float], dict[str, float]]:
    """Each function's own time, and its time with what it calls (counted once where it
    recurses), summed over every place it is called from."""
    own: dict[str, float] = {}
    total: dict[str, float] = {}

    def visit(frame: object, above: frozenset[str]) -> None:
        if frame.is_synthetic:  # type: ignore[attr-defined]  # pyinstrument's "[self]", "[await]"
            return
        name = _name(frame)
        own[name] = own.get(name, 0.0) + frame.total_self_time  # type: ignore[attr-defined]
        if name not in above:
            total[name] = total.get(name, 0.0) + frame.time  # type: ignore[attr-defined]
        for child in frame.children:  # type: ignore[attr-defined]
            visit(child, above | {name})

    visit(root, frozenset())
    return own, total


def _name(frame: object) -> str:
    """``module.Class.function`` (``module.<genexpr>:line``), the module as a path inside the
    package; ``function (file)`` outside it."""
    function = frame.function  # type: ignore[attr-defined]
    if frame.class_name:  # type: ignore[attr-defined]
        function = f"{frame.class_name}.{function}"  # type: ignore[attr-defined]
    if function.startswith("<"):  # a comprehension or a lambda: which one
        function = f"{function}:{frame.line_no}"  # type: ignore[attr-defined]
    path = frame.file_path or ""  # type: ignore[attr-defined]
    marker = "/quotes/"
    if marker in path:
        module = path[path.rindex(marker) + 1 :].removesuffix(".py").replace("/", ".")
        return f"{module}.{function}"
    return function if not path else f"{function} ({Path(path).name})"


if __name__ == "__main__":
    sys.exit(main())
