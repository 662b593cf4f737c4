"""Train the speaker ranker and write its weights as package data.

Usage::

    pip install .[train]
    python -m quotes.training.speakers --train /data/polnear-train --dev /data/polnear-dev \\
        --out quotes/data/speaker_model.toml

Each corpus folder holds ``gold.jsonl`` (see the gold format of the project)
and the articles, in ``docs/`` or beside it. The L2 penalty is chosen on the
development set among ``--l2`` values (speaker accuracy first, then calibration
error); training is deterministic, so one command always writes the same file.

Quotations the gate of `quotes.ranking.gate` lets through keep the rules'
attribution: the file records the rules' accuracy on those of the training data
as their probability, and the ranker is trained and calibrated on the others
(or, with ``--rank-gated``, trained on all of them).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from quotes.evaluate import Scores
from quotes.extract import Extractor
from quotes.model import QuoteKind
from quotes.ranking.candidates import Source
from quotes.ranking.features import FEATURES
from quotes.ranking.gate import PATTERNS
from quotes.ranking.model import calibrate
from quotes.ranking.rank import Choices
from quotes.registry import as_registry
from quotes.resolve import Resolver
from quotes.training.fit import Example, Matrix, fit, platt, probabilities
from quotes.training.labels import is_speaker, match

__all__ = ["Corpus", "Evaluation", "examples", "main", "read_corpus"]

_KINDS = (QuoteKind.DIRECT, QuoteKind.MIXED)
_BINS = 10


@attrs.frozen
class Corpus:
    """Articles with their gold quotations.

    Attributes:
        name: The folder's name.
        texts: The articles by file name.
        gold: The gold direct and partial quotations of each article.
    """

    name: str
    texts: Mapping[str, str]
    gold: Mapping[str, Sequence[Mapping[str, Any]]]

    @property
    def gold_count(self) -> int:
        """How many gold direct and partial quotations there are."""
        return sum(len(records) for records in self.gold.values())


def read_corpus(folder: str | Path) -> Corpus:
    """Read ``gold.jsonl`` and the ``.txt`` articles of `folder` (or of its ``docs/``)."""
    root = Path(folder)
    docs = root / "docs" if (root / "docs").is_dir() else root
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(docs.glob("*.txt"))}
    gold: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    with (root / "gold.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                if record["kind"] in ("direct", "partial") and record["doc"] in texts:
                    gold[record["doc"]].append(record)
    return Corpus(root.name, texts, dict(gold))


@attrs.frozen
class Quotation:
    """One found quotation for training or evaluation.

    Attributes:
        kind: Its kind.
        matched: Whether it matches a gold quotation.
        example: Its choices and which are right (all wrong where unmatched).
        gated: The gate's pattern where it keeps the rules' attribution of it unranked.
        rule_right: Whether the rules' mention of it is right.
    """

    kind: QuoteKind
    matched: bool
    example: Example
    gated: str | None = None
    rule_right: bool = False


def examples(corpus: Corpus, extractor: Extractor) -> Iterator[Quotation]:
    """Every quotation the extractor finds in `corpus`, labelled by the gold."""
    registry = as_registry(None)
    for name, text in corpus.texts.items():
        found = extractor.speaker_choices(text)
        gold = corpus.gold.get(name, ())
        pairs = match(text, [(c.setting.span.start, c.setting.span.end) for c in found], gold)
        resolver = None
        for index, choice in enumerate(found):
            record = pairs.get(index)
            right = [False] * len(choice.candidates)
            if record is not None:
                if resolver is None:
                    document_names = _names(choice)
                    resolver = Resolver(text, document_names, registry)
                right = [_right(text, candidate.mention, record, resolver) for candidate in choice.candidates]
            rule = [
                ok
                for candidate, ok in zip(choice.candidates, right, strict=True)
                if Source.RULE in candidate.sources
            ]
            yield Quotation(
                choice.setting.kind,
                record is not None,
                Example(choice.rows, [*right, not any(right)]),
                choice.gated,
                bool(rule) and rule[0],
            )


def _names(choice: Choices) -> list[Any]:
    return sorted(
        (c.mention for c in choice.candidates if c.mention.kind.value == "name"), key=lambda m: m.start
    )


def _right(text: str, mention: Any, record: Mapping[str, Any], resolver: Resolver) -> bool:
    if is_speaker(text, mention, record):
        return True
    resolved = resolver.resolve(mention)
    return resolved is not None and is_speaker(text, mention, record, resolved.speaker.name)


@attrs.frozen
class Evaluation:
    """How well weights choose speakers on a corpus.

    Attributes:
        scores: Found, matched and right quotations against the gold ones, as
            `quotes.evaluate` counts them.
        ece: Expected calibration error of the confidences over the found quotations.
    """

    scores: Scores
    ece: float

    def line(self) -> str:
        """The figures in one line."""
        s = self.scores
        return (
            f"found {s.predicted}, matched {s.matched} of {s.gold}, speaker accuracy "
            f"{s.speaker_accuracy:.3f}, end-to-end F1 {s.e2e_f:.3f}, ECE {self.ece:.3f}"
        )


def chosen(quotations: Sequence[Quotation], weights: np.ndarray[Any, Any]) -> list[tuple[float, bool]]:
    """For each quotation, the probability of its best candidate and whether it is right."""
    matrix = Matrix.of([q.example for q in quotations], FEATURES)
    p = probabilities(matrix, weights)
    result = []
    offset = 0
    for quotation in quotations:
        n = len(quotation.example.rows)
        if n > 1:
            best = int(np.argmax(p[offset : offset + n - 1]))
            result.append((float(p[offset + best]), quotation.matched and quotation.example.right[best]))
        else:
            result.append((0.0, False))
        offset += n
    return result


@attrs.frozen
class Calibration:
    """How a chosen candidate's probability becomes a quote's confidence.

    Attributes:
        slope: Platt slope on the logit.
        intercept: Platt intercept.
        threshold: Below this calibrated probability no speaker is given.
        precision: The share of found quotations of each kind that are real.
        gate: The probability of a gated quotation's rule attribution, by pattern (see
            `gate_accuracy`); None where every quotation is ranked.
    """

    slope: float
    intercept: float
    threshold: float
    precision: Mapping[str, float]
    gate: Mapping[str, float] | None = None


def evaluate(
    quotations: Sequence[Quotation], picks: Sequence[tuple[float, bool]], calibration: Calibration, gold: int
) -> Evaluation:
    """Score the chosen candidates of `quotations` and the calibration of their confidences."""
    right = 0
    rows: list[tuple[float, bool]] = []
    for quotation, (probability, ok) in zip(quotations, picks, strict=True):
        if quotation.gated is not None and calibration.gate and quotation.gated in calibration.gate:
            speaker = calibration.gate[quotation.gated]
            ok = quotation.matched and quotation.rule_right
        else:
            speaker = calibrate(probability, calibration.slope, calibration.intercept) if probability else 0.0
        ok = ok and speaker >= calibration.threshold
        right += ok
        rows.append((speaker * calibration.precision.get(quotation.kind.value, 1.0), ok))
    scores = Scores(gold, len(quotations), sum(q.matched for q in quotations), right)
    return Evaluation(scores, _ece(rows))


def _ece(rows: Sequence[tuple[float, bool]]) -> float:
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(_BINS)]
    for confidence, ok in rows:
        bins[min(int(confidence * _BINS), _BINS - 1)].append((confidence, ok))
    total = 0.0
    for members in bins:
        if members:
            mean = sum(c for c, _ in members) / len(members)
            accuracy = sum(o for _, o in members) / len(members)
            total += len(members) / len(rows) * abs(accuracy - mean)
    return total


def span_precision(quotations: Sequence[Quotation]) -> dict[str, float]:
    """For each kind, the share of found quotations that match a gold one."""
    found = Counter(q.kind.value for q in quotations)
    matched = Counter(q.kind.value for q in quotations if q.matched)
    return {kind: round(matched[kind] / found[kind], 4) if found[kind] else 1.0 for kind in sorted(found)}


def gate_accuracy(quotations: Sequence[Quotation]) -> dict[str, float] | None:
    """The rules' accuracy on the gated quotations that match a gold one, by the gate's
    pattern; None if none is gated."""
    right: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for q in quotations:
        if q.gated is not None and q.matched:
            counts[q.gated] += 1
            right[q.gated] += q.rule_right
    return {p: round(right[p] / counts[p], 4) for p in PATTERNS if counts[p]} or None


def render(weights: np.ndarray[Any, Any], calibration: Calibration, about: Mapping[str, str]) -> str:
    """The model file: a commented header, then one named weight a line."""
    lines = [
        "# The speaker ranker of quotes (quotes/ranking): one weight per feature of",
        "# quotes/ranking/features.py. Written by quotes.training.speakers; do not edit by hand.",
        "",
        "[about]",
    ]
    lines += [f"{key} = {json.dumps(value)}" for key, value in about.items()]
    lines += [
        "",
        "# share of the quotations found of each kind that are real ones (training data)",
        "[span_precision]",
    ]
    lines += [f"{kind} = {value}" for kind, value in calibration.precision.items()]
    lines += [
        "",
        "# confidence that the chosen mention is right: sigmoid(slope * logit(p) + intercept);",
        "# below the threshold no speaker is given",
        "[calibration]",
        f"slope = {round(calibration.slope, 4)}",
        f"intercept = {round(calibration.intercept, 4)}",
        f"threshold = {calibration.threshold}",
    ]
    if calibration.gate is not None:
        lines += [
            "",
            "# the rules' accuracy on the training quotations quotes.ranking.gate lets through, by",
            "# pattern: they keep the rules' attribution, with this probability, and are not ranked",
            "[gate]",
        ]
        lines += [f"{pattern} = {accuracy}" for pattern, accuracy in calibration.gate.items()]
    lines += ["", "[weights]"]
    lines += [f"{json.dumps(name)} = {round(float(w), 4)}" for name, w in zip(FEATURES, weights, strict=True)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Train on the `--train` corpora, choose the penalty on `--dev`, write `--out`."""
    parser = argparse.ArgumentParser(
        prog="python -m quotes.training.speakers", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--train", action="append", required=True, help="a corpus folder (repeatable)")
    parser.add_argument("--dev", required=True, help="the corpus folder the penalty is chosen on")
    parser.add_argument("--out", required=True, help="the model file to write")
    parser.add_argument("--l2", type=float, nargs="+", default=[0.3, 1.0, 3.0, 10.0])
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--threshold", type=float, default=0.0, help="no speaker below this probability")
    parser.add_argument("--rank-gated", action="store_true", help="train the ranker on gated quotations too")
    args = parser.parse_args(argv)
    extractor = Extractor(kinds=_KINDS, speakers="rules")
    train_corpora = [read_corpus(folder) for folder in args.train]
    dev_corpus = read_corpus(args.dev)
    train = [q for corpus in train_corpora for q in examples(corpus, extractor)]
    dev = list(examples(dev_corpus, extractor))
    gate = gate_accuracy(train)
    matched = [q for q in train if q.matched and (args.rank_gated or q.gated is None)]
    ranked = [q for q in matched if q.gated is None]  # calibrated on the quotations it decides
    matrix = Matrix.of([q.example for q in matched], FEATURES)
    precision = span_precision(train)
    best: tuple[tuple[float, float], float, np.ndarray[Any, Any], Calibration, Evaluation] | None = None
    for l2 in args.l2:
        weights = fit(matrix, l2=l2, steps=args.steps)
        picks = chosen(ranked, weights)
        slope, intercept = platt(np.array([p for p, _ in picks]), np.array([float(ok) for _, ok in picks]))
        calibration = Calibration(slope, intercept, args.threshold, precision, gate)
        result = evaluate(dev, chosen(dev, weights), calibration, dev_corpus.gold_count)
        print(f"l2={l2}: dev {result.line()}", file=sys.stderr)
        key = (result.scores.speaker_accuracy, -result.ece)
        if best is None or key > best[0]:
            best = (key, l2, weights, calibration, result)
    assert best is not None
    _, l2, weights, calibration, result = best
    train_gold = sum(c.gold_count for c in train_corpora)
    train_result = evaluate(train, chosen(train, weights), calibration, train_gold)
    command = "python -m quotes.training.speakers " + " ".join(
        [f"--train {t}" for t in args.train]
        + [f"--dev {args.dev}", f"--out {args.out}", "--l2 " + " ".join(str(v) for v in args.l2)]
        + [f"--steps {args.steps}", f"--threshold {args.threshold}"]
        + (["--rank-gated"] if args.rank_gated else [])
    )
    about = {
        "train": ", ".join(
            f"{c.name} ({len(c.texts)} articles, {c.gold_count} direct/partial quotes)" for c in train_corpora
        ),
        "dev": f"{dev_corpus.name} ({len(dev_corpus.texts)} articles, {dev_corpus.gold_count} direct/partial"
        " quotes)",
        "command": command,
        "l2": str(l2),
        "train_figures": train_result.line(),
        "dev_figures": result.line(),
    }
    Path(args.out).write_text(render(weights, calibration, about), encoding="utf-8")
    print(f"chose l2={l2}; dev {result.line()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
