"""A smoke run of the benchmark script: every step runs; nothing is timed.

Tests never assert on wall-clock time; the figures are for people to read.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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
        "ratio rules/tokenizer",
        "ratio quotes/textacy",
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
    """Each kind of adversarial input gets its throughput against news, its peak memory per
    character and its 8n/n time ratio; the lowest share, highest memory and worst ratio close."""
    output = _quick("adversarial.py")
    header, *rows = output.splitlines()
    assert header.split() == ["input", "MB/s", "x", "news", "B/char", "8n/n"]
    by_name = {row[:36].strip(): row[36:].split() for row in rows}
    expected = {
        "straight marks",
        "mixed marks",
        "dense short quotations",
        "JSON array of short strings",
        "one-line CSV",
        "one sentence of cues",
        "random mixture 1",
    }
    assert expected <= set(by_name)
    assert all(len(by_name[name]) == 4 for name in expected)  # MB/s, share of news, B/char, 8n/n
    assert any(name.startswith("news (") for name in by_name)
    for summary in ("lowest throughput", "highest peak memory", "worst ratio for 8x the input"):
        assert summary in output


def test_scale_benchmark_runs_every_step() -> None:
    """Throughput for one and two processes, and memory along a stream."""
    output = _quick("scale.py")
    assert "n_process=1" in output
    assert "n_process=2" in output
    assert "peak memory along the stream" in output


def test_clustering_benchmark_clusters_what_it_built() -> None:
    """The clustering benchmark prints its time and peak memory, and finds repeats among its quotations."""
    command = [sys.executable, str(SCRIPT.parent / "clustering.py"), "--quotations", "2000"]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=600).stdout
    first, second = output.splitlines()
    assert first.startswith("clustering 2,000 quotations: ")
    assert " s, peak memory +" in first
    clusters = int(second.removeprefix("clusters: ").replace(",", ""))
    assert 0 < clusters < 2000  # two in three quotations repeat another


def test_identical_compares_two_versions() -> None:
    """The working tree against its own last commit: the tool runs both and, here, finds no difference.

    (Against an older revision it lists each document whose quotations differ, and exits 1.)
    """
    command = [sys.executable, str(SCRIPT.parent / "identical.py"), "--against", "HEAD", str(SEEDS)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{len(list(SEEDS.glob('*.txt')))} documents, ")
    assert "; 0 differ" in result.stdout


def test_identical_names_each_document_that_differs() -> None:
    """A changed quotation, a lost one and a new document are each named; equal ones are not."""
    identical = _script("identical")
    quote = {"text": "We are ready,", "start": 1, "end": 14}
    before = {"a.txt": [quote], "b.txt": [quote], "c.txt": [quote]}
    after = {"a.txt": [quote], "b.txt": [{**quote, "end": 13}], "c.txt": [], "d.txt": [quote]}
    assert identical.differences(before, after) == [
        "b.txt: 1 quotations before, 1 after",
        "c.txt: 1 quotations before, 0 after",
        "d.txt: 0 quotations before, 1 after",
    ]


def test_quick_benchmark_gives_each_ratio_with_its_spread(quick_run: str) -> None:
    """Each ratio is the median of the paired rounds, with the lowest and highest beside it."""
    for ratio in ("quotes/tokenizer", "rules/tokenizer", "quotes/textacy"):
        line = next(line for line in quick_run.splitlines() if line.startswith(f"ratio {ratio}:"))
        median, spread = line.split(": ")[1].split(" ", 1)
        low, high = (float(x) for x in spread.strip("()").split("-"))
        assert low <= float(median.rstrip("x")) <= high


def test_profile_names_the_library_functions_that_take_the_time() -> None:
    """The profile's top entries are the pipeline's own functions, as shares of the whole."""
    output = _quick("hotspots.py")
    own, total = output.split("top 20 by with what it calls")
    assert own.startswith("top 20 by own time")
    entries = [line.split(maxsplit=1) for line in total.splitlines()[1:]]
    assert 5 <= len(entries) <= 20  # a smoke run of the compiled build samples fewer functions
    shares = {name: float(share.rstrip("%")) for share, name in entries}
    assert shares["quotes.extract.extract"] > 80
    # Python code in either build (a compiled function's time goes to its Python caller)
    assert shares["quotes.extract.Extractor._extract"] > 50
    assert all(0 <= share <= 100 for share in shares.values())
    assert any(line.split(maxsplit=1)[1].startswith("quotes.") for line in own.splitlines()[1:])


def _script(name: str) -> Any:
    """``benchmarks/<name>.py`` as a module, to test its functions."""
    spec = importlib.util.spec_from_file_location(name, SCRIPT.parent / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # where a dataclass of the script looks its module up
    spec.loader.exec_module(module)
    return module


def test_instructions_are_told_apart_by_library() -> None:
    """Each line of callgrind_annotate counts for the library that runs the function."""
    annotated = "\n".join(
        [
            "--------------------------------------------------------------------------------",
            "462,049,742 (100.0%)  PROGRAM TOTALS",
            "   300 (15.66%)  /b/Python-3.11.7/Python/ceval.c:_PyEval_EvalFrameDefault [/x/libpython3.11.so]",
            "    70 ( 2.28%)  /b/Python-3.11.7/Modules/_sre/sre_lib.h:sre_ucs1_charset [/x/libpython3.11.so]",
            "  1,000 ( 2.15%)  /project/src/_regex.c:basic_match [/x/regex/_regex.cpython-311-x86_64.so]",
            "    20 ( 0.50%)  /b/build/__native_abc.c:CPyDef_rank___rank [/x/abc__mypyc.cpython-311.so]",
            "     5 ( 0.20%)  /x/include/python3.11/object.h:CPyDef_rank___rank",
            "     9 ( 0.68%)  ./string/memmove-vec-unaligned-erms.S:__memcpy_avx [/usr/lib/libc.so.6]",
        ]
    )
    counts = _script("instructions").by_library(annotated)
    assert counts == {
        "the CPython runtime": 300,
        "the re engine": 70,
        "the regex engine": 1000,
        "quotes, compiled": 25,
        "libc.so.6": 9,
    }


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instructions_of_a_pass_split_by_library() -> None:
    """A smoke run under valgrind: a count per pass, and shares of it that add up to the whole."""
    lines = _quick("instructions.py").splitlines()
    assert lines[0].startswith("instructions per pass over the corpus: ")
    assert int(lines[0].rsplit(" ", 1)[1].replace(",", "")) > 100_000  # a pass costs some work
    shares = {name: float(share) for share, name in (line.split("%  ", 1) for line in lines[1:])}
    assert "the CPython runtime" in shares
    assert "the regex engine" in shares
    assert sum(shares.values()) == pytest.approx(100, abs=0.5)
