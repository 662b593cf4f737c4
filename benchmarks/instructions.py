"""Instructions, not seconds: what `quotes.extract` costs, counted by valgrind's callgrind.

A clock moves with the machine's load; the number of instructions a process runs
does not (the same count, run after run, whatever else the machine does). This
script runs the work in a child process under ``valgrind --tool=callgrind``, with
one hash seed, and counts only the work measured, not the start-up: as the
difference between a run with the passes and one without, or between two calls
of ``os.getppid()`` that mark the measured part, where callgrind writes out its
counters (``--dump-before``).

Two measurements:

- the default: the instructions of one pass of ``quotes.extract`` over the
  benchmark corpus (the seeds and the development set, after a warm pass), and
  how they split between the libraries that run them (the CPython runtime, the
  ``regex`` and ``re`` engines, the compiled modules of ``quotes``);
- ``--growth NAME``: the instructions of one ``quotes.extract`` of an input of
  ``benchmarks/adversarial.py`` at ``--size`` characters and at eight times that,
  and their ratio: whether the work grows linearly, which a clock on a loaded
  machine cannot tell.

Usage::

    python benchmarks/instructions.py                    # about a minute
    python benchmarks/instructions.py --growth "random mixture 1"
    python benchmarks/instructions.py --quick            # a smoke run: a short document

valgrind (Debian's ``valgrind`` package) must be installed; the counts are for
the build installed, compiled or pure Python.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

_SHORT = "“We are ready,” Peskov said. Lavrov told reporters the talks were useful."

_SMALL = 0.005  # a share of the instructions: smaller ones are summed as "the rest"
_QUICK_PASSES = 20  # over the short document: enough work to stand out of the start-up's

# a line of `callgrind_annotate`: the count, its share, "file:function" and the object it is in
_LINE = re.compile(r"\s*([\d,]+) \([ \d.]+%\)\s+(\S.*?):(\S+)(?: \[(.*)\])?$")


def main(argv: Sequence[str] | None = None) -> int:
    """Count, print; return 0, or 1 where valgrind cannot run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--growth", metavar="NAME", help="an input of adversarial.py, at n and 8n")
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller input")
    parser.add_argument("--passes", type=int, default=2, help="passes over the corpus counted")
    parser.add_argument("--quick", action="store_true", help="a smoke run: a short document, 20 passes")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _work(args.child)
        return 0
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    if args.growth:
        small, large = (count(["input", args.growth, str(size)]) for size in (args.size, 8 * args.size))
        print(f"{args.growth}: {small:,} instructions at {args.size:,} characters")
        print(f"{args.growth}: {large:,} instructions at {8 * args.size:,} characters")
        print(f"ratio for 8x the input: {large / small:.2f}x")
        return 0
    passes = _QUICK_PASSES if args.quick else args.passes
    kind = "quick" if args.quick else "full"
    # callgrind's dumps give the measured part's total, not its split by library, which
    # is the difference between a run with the passes and one without
    without, with_passes = (profile(["corpus", str(n), kind]) for n in (0, passes))
    measured = with_passes.minus(without)
    print(f"instructions per pass over the corpus: {measured.total // passes:,}")
    for library, share in measured.shares():
        print(f"{100 * share:5.1f}%  {library}")
    return 0


@dataclasses.dataclass(frozen=True)
class Counted:
    """The instructions of a run, or of the difference of two, in all and by library."""

    total: int
    by_library: Counter[str]

    def minus(self, other: Counted) -> Counted:
        """What this run counted beyond `other`."""
        by_library = Counter(self.by_library)
        by_library.subtract(other.by_library)
        return Counted(self.total - other.total, by_library)

    def shares(self) -> list[tuple[str, float]]:
        """Each library's share of the instructions, the largest first."""
        whole = sum(self.by_library.values()) or 1
        shares = [(library, n / whole) for library, n in self.by_library.most_common()]
        rest = sum(share for _, share in shares if share < _SMALL)
        return [(library, share) for library, share in shares if share >= _SMALL] + [("the rest", rest)]


def count(work: list[str]) -> int:
    """The instructions of the measured part of `work` (see `_work`), run in a child under callgrind."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        # the child marks the measured part with os.getppid(), where callgrind writes its counts
        _callgrind(out, work, "--dump-before=getppid")
        # dump 1: from the start to the first mark; dump 2: between the marks
        found = re.search(r"^totals: (\d+)", Path(f"{out}.2").read_text(), re.MULTILINE)
        if found is None:
            raise RuntimeError("callgrind wrote no count between the marks")
        return int(found.group(1))


def profile(work: list[str]) -> Counted:
    """The instructions of all of `work`, run in a child under callgrind, by library."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        _callgrind(out, work)
        annotated = subprocess.run(
            ["callgrind_annotate", "--auto=no", "--inclusive=no", "--threshold=100", str(out)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        found = re.search(r"^([\d,]+) \(100.0%\)\s+PROGRAM TOTALS", annotated, re.MULTILINE)
        if found is None:
            raise RuntimeError("callgrind_annotate printed no total")
        return Counted(int(found.group(1).replace(",", "")), by_library(annotated))


def _callgrind(out: Path, work: list[str], *options: str) -> None:
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no", *options]
    # one hash seed, so that two runs lay out their dicts and sets alike and differ only by the work
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    command += [sys.executable, __file__, "--child", *work]
    subprocess.run(command, check=True, capture_output=True, env=environment)


def by_library(annotated: str) -> Counter[str]:
    """The instructions of each library in `callgrind_annotate`'s output, by function's own count."""
    counts: Counter[str] = Counter()
    for line in annotated.splitlines():
        found = _LINE.match(line)
        if found is not None:
            counts[library(found.group(2), found.group(3), found.group(4) or "")] += int(
                found.group(1).replace(",", "")
            )
    return counts


def library(file: str, function: str, binary: str) -> str:
    """Which library a function belongs to, named for what it does in the pipeline."""
    name = Path(binary or file).name
    if "_sre" in file or function.startswith(("sre_", "_sre")):
        return "the re engine"
    if name.startswith("_regex"):
        return "the regex engine"
    extension = "quotes" in binary and name.endswith((".so", ".pyd"))
    if function.startswith("CPy") or "__mypyc" in name or extension:
        return "quotes, compiled"
    if name.startswith("libpython") or "/Python-" in file or name == "python3":
        return "the CPython runtime"
    if binary == "" and file != "???":
        return "inlined headers (in compiled code)"
    return "no symbols" if name == "???" else name


def _work(work: Sequence[str]) -> None:
    """The child's work, between two marks."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # run.py and adversarial.py
    import quotes

    if work[0] == "corpus":
        from run import corpus

        texts = [_SHORT] if work[2] == "quick" else corpus()
        for text in texts:  # caches warm, as in the benchmark's throughput
            quotes.extract(text)
        os.getppid()
        for _ in range(int(work[1])):
            for text in texts:
                quotes.extract(text)
        os.getppid()
    else:
        from adversarial import INPUTS

        make = INPUTS[work[1]]
        text = make(int(work[2]))
        quotes.extract(make(2_000))  # the lexicons and caches warm
        os.getppid()
        quotes.extract(text)
        os.getppid()


if __name__ == "__main__":
    sys.exit(main())
