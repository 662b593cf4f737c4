"""Scaling of `quotes.pipe`: throughput against the number of processes, and memory over a long stream.

- Throughput (MB/s and docs/s) of ``quotes.pipe`` over the same stream of
  documents (the seeds and the development set, repeated) with 1, 2, ...
  processes, and the speed-up over one process.
- Peak resident memory of a fresh process that streams many documents (by
  default 100,000) through ``quotes.pipe`` with two processes, read at several
  points of the stream, so a leak shows as growth (the parent holds the stream
  and the results in flight), and the largest peak of a worker process.

Usage::

    python benchmarks/scale.py            # the full run
    python benchmarks/scale.py --quick    # a smoke run of every step
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import quotes

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "seeds", ROOT / "tests" / "devnews")


def corpus() -> list[str]:
    """The seed articles and the development set, in file order."""
    return [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]


def stream(texts: Sequence[str], documents: int) -> Iterator[str]:
    """`documents` texts, cycling through `texts`."""
    return itertools.islice(itertools.cycle(texts), documents)


def throughput(texts: Sequence[str], documents: int, n_process: int) -> tuple[float, float]:
    """(MB/s, docs/s) of ``quotes.pipe`` over `documents` texts with `n_process` processes."""
    size = sum(len(t.encode("utf-8")) for t in stream(texts, documents))
    start = time.perf_counter()
    done = sum(1 for _ in quotes.pipe(stream(texts, documents), n_process=n_process, batch_size=32))
    seconds = time.perf_counter() - start
    return size / seconds / 1e6, done / seconds


def memory_over(documents: int, checkpoints: int) -> tuple[list[tuple[int, float]], float]:
    """Peak memory (MB) of a fresh process at `checkpoints` points of a stream of `documents`,
    and the largest peak of its worker processes."""
    command = [sys.executable, __file__, "--stream", str(documents), "--checkpoints", str(checkpoints)]
    lines = subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()
    points = [(int(done), float(mb)) for done, mb in (line.split() for line in lines[:-1])]
    return points, float(lines[-1].split()[1])


def _stream(documents: int, checkpoints: int) -> None:
    texts = corpus()
    every = max(1, documents // checkpoints)
    for done, _ in enumerate(quotes.pipe(stream(texts, documents), n_process=2, batch_size=32), 1):
        if done % every == 0:
            print(done, _peak_megabytes(), flush=True)
    # the pool has ended: the largest resident peak of any of its processes
    print("workers", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


def _peak_megabytes() -> float:
    """This process's peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def main(argv: Sequence[str] | None = None) -> int:
    """Print throughput by number of processes and memory along a long stream; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: tiny sizes")
    parser.add_argument("--documents", type=int, default=100_000, help="documents streamed for memory")
    parser.add_argument("--stream", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--checkpoints", type=int, default=10, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stream is not None:
        _stream(args.stream, args.checkpoints)
        return 0
    texts = corpus()
    documents = 60 if args.quick else 4_000
    cores = os.cpu_count() or 1
    print(f"{cores} CPUs; {documents} documents a run ({len(texts)} distinct)")
    base = 0.0
    for n_process in sorted({1, 2, cores}):
        mb, docs = throughput(texts, documents, n_process)
        base = base or mb
        print(f"n_process={n_process}  {mb:7.3f} MB/s {docs:9.1f} docs/s  speed-up {mb / base:.2f}x")
    total = 200 if args.quick else args.documents
    points, workers = memory_over(total, 4 if args.quick else args.checkpoints)
    print("peak memory along the stream (documents: MB): " + ", ".join(f"{d}: {m:.0f}" for d, m in points))
    print(f"growth from the first to the last point: {points[-1][1] - points[0][1]:+.1f} MB")
    print(f"largest peak of a worker process: {workers:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
