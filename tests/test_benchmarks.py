"""A smoke run of the benchmark script: every step runs; nothing is timed.

Tests never assert on wall-clock time; the figures are for people to read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes.evaluate import load_gold, score

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"
SEEDS = SCRIPT.parent.parent / "seeds"


@pytest.fixture(scope="module")
def quick_run() -> str:
    """What ``benchmarks/run.py --quick`` prints."""
    command = [sys.executable, str(SCRIPT), "--quick"]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout


@pytest.mark.parametrize(
    "step",
    [
        "quotes.extract",
        "spaCy tokenizer",
        "ratio quotes/tokenizer",
        "ratio quotes/cold tokenizer",
        "textacy",
        "8x longer",
        "peak memory streaming",
        "seeds end-to-end F1, quotes",
    ],
)
def test_quick_benchmark_runs_every_step(quick_run: str, step: str) -> None:
    assert step in quick_run


def test_benchmark_accuracy_is_the_library_score(quick_run: str) -> None:
    """The seed accuracy the benchmark prints is computed, the same as the library's own score."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    expected = score(load_gold(SEEDS / "gold.jsonl"), {n: quotes.extract(t) for n, t in texts.items()}, texts)
    line = next(line for line in quick_run.splitlines() if "F1, quotes" in line)
    assert f"direct {expected['direct'].e2e_f:.3f}" in line
    assert f"indirect {expected['indirect'].e2e_f:.3f}" in line


def _quick(script: str) -> str:
    """What ``benchmarks/<script> --quick`` prints."""
    command = [sys.executable, str(SCRIPT.parent / script), "--quick"]
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout


def test_adversarial_benchmark_runs_every_input() -> None:
    """Each kind of adversarial input is timed at two sizes, and the worst ratio printed."""
    output = _quick("adversarial.py")
    from_script = {line.split("  ")[0].strip() for line in output.splitlines()[1:-1]}
    assert {"straight marks", "one sentence of cues", "random mixture 1"} <= from_script
    assert "worst ratio for 8x the input" in output


def test_scale_benchmark_runs_every_step() -> None:
    """Throughput for one and two processes, and memory along a stream."""
    output = _quick("scale.py")
    assert "n_process=1" in output
    assert "n_process=2" in output
    assert "peak memory along the stream" in output
