"""Time and peak memory of clustering repeated quotations (`quotes.corpus.cluster_ids`).

The corpus is built from the quotations `quotes.extract` finds in the seeds
and the development set, edited as outlets edit them, with a fixed seed: a
third as they are, a fifth cut to two thirds, three in ten with one word
changed, and a fifth random word salad that repeats nothing.

Usage::

    python benchmarks/clustering.py                 # 100,000 quotations
    python benchmarks/clustering.py --quotations 10000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import quotes
from quotes.corpus import cluster_ids

ROOT = Path(__file__).resolve().parent.parent


def quotations(count: int, seed: int = 0) -> list[str]:
    """`count` quotation texts: the corpus's own quotations, edited at random."""
    found = [
        quote.text
        for folder in (ROOT / "seeds", ROOT / "tests" / "devnews")
        for path in sorted(folder.glob("*.txt"))
        for quote in quotes.extract(path.read_text(encoding="utf-8"))
    ]
    vocabulary = sorted({word for text in found for word in text.split()})
    rng = random.Random(seed)

    def edited(text: str) -> str:
        words = text.split()
        roll = rng.random()
        if roll < 0.3:
            return text
        if roll < 0.5 and len(words) > 8:
            return " ".join(words[: len(words) * 2 // 3])
        if roll < 0.8:
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
            return " ".join(words)
        return " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(3, 30)))

    return [edited(rng.choice(found)) for _ in range(count)]


def _memory(field: str) -> float:
    """A memory figure of this process from /proc, in MB (VmRSS now, VmHWM its peak)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: Sequence[str] | None = None) -> int:
    """Cluster the quotations and print the time, the peak memory clustering added and the clusters."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotations", type=int, default=100_000, help="how many quotations to cluster")
    args = parser.parse_args(argv)
    texts = quotations(args.quotations)
    before = _memory("VmRSS")
    start = time.perf_counter()
    numbers = cluster_ids(texts)
    seconds = time.perf_counter() - start
    peak = _memory("VmHWM") - before
    print(f"clustering {len(texts):,} quotations: {seconds:.2f} s, peak memory +{peak:.0f} MB")
    print(f"clusters: {max(numbers, default=-1) + 1:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
