"""The speaker model: one weight per feature, read from package data.

A quotation's candidates and the choice "none of them" are scored by the dot
product of their features with the weights; a softmax over the scores gives
each the probability that it names the speaker. The file also holds, per kind
of quotation, how often a quotation the extractor finds is a real one, so that
a quote's confidence is the probability that both span and speaker are right.
Its gate, where it has one, is the rules' accuracy on the training quotations
`quotes.ranking.gate` lets through, by pattern: their probability, as they are
not ranked.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Final

import attrs

from quotes.errors import Errors, RegistryError
from quotes.lexicon import parse_toml, read_data_file

__all__ = ["SpeakerModel", "calibrate", "load_model", "softmax"]

MODEL_FILE: Final = "speaker_model.toml"


@attrs.frozen
class SpeakerModel:
    """Weights of the speaker ranker.

    Attributes:
        weights: The weight of each feature by name; a feature without one weighs 0.
        span_precision: For each quote kind ("direct", "mixed"), the share of
            quotations found of that kind that are real ones.
        slope: The slope of the calibration of a chosen candidate's probability.
        intercept: Its intercept: the calibrated probability is
            ``sigmoid(slope * logit(p) + intercept)``.
        threshold: Below this calibrated probability no candidate is chosen.
        about: The file's description of its data, command and figures.
        gate: The rules' accuracy on the training quotations the gate lets through, by
            pattern (`quotes.ranking.gate.PATTERNS`); such quotations keep the rules'
            attribution with it as their probability. None, or a pattern left out:
            those quotations are ranked.
    """

    weights: Mapping[str, float]
    span_precision: Mapping[str, float]
    slope: float = 1.0
    intercept: float = 0.0
    threshold: float = 0.0
    about: Mapping[str, str] = attrs.Factory(dict)
    gate: Mapping[str, float] | None = None

    def score(self, features: Mapping[str, float]) -> float:
        """The linear score of one candidate's features."""
        weights = self.weights
        if isinstance(features, dict) and isinstance(weights, dict):
            return _dot(features, weights)
        return _dot(dict(features), dict(weights))

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        """The softmax probability of each of one quotation's choices."""
        return softmax([self.score(row) for row in rows])

    def calibrated(self, probability: float) -> float:
        """The probability that a chosen candidate names the speaker, calibrated on training data."""
        return calibrate(probability, self.slope, self.intercept)


def _dot(features: dict[str, float], weights: dict[str, float]) -> float:
    """`SpeakerModel.score` of plain dicts, as the ranker builds them: compiled, their items
    are read in place and the sum is a machine float, where a `Mapping` goes through
    Python's protocols for every feature."""
    # added in the features' order, so the float is the same however it is built
    score = 0.0
    for name, value in features.items():
        weight = weights.get(name)  # a feature the model has no weight for adds nothing
        if weight is not None:
            score += weight * value
    return score


def calibrate(probability: float, slope: float, intercept: float) -> float:
    """``sigmoid(slope * logit(p) + intercept)``, with `p` kept off 0 and 1."""
    p = min(max(probability, 1e-6), 1 - 1e-6)
    z = slope * math.log(p / (1 - p)) + intercept
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def softmax(scores: Sequence[float]) -> list[float]:
    """Probabilities proportional to ``exp(score)``, computed stably."""
    if not scores:
        return []
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _parse(source: str, file: str) -> SpeakerModel:
    data = parse_toml(source, file)
    weights = data.get("weights")
    span = data.get("span_precision")
    about = data.get("about", {})
    if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) for v in weights.values()):
        raise RegistryError(Errors.E014.format(file=file, table="weights", keys="feature names"))
    if not isinstance(span, dict) or not all(isinstance(v, (int, float)) for v in span.values()):
        raise RegistryError(Errors.E014.format(file=file, table="span_precision", keys="quote kinds"))
    if not isinstance(about, dict):
        about = {}
    calibration = data.get("calibration", {})
    if not isinstance(calibration, dict) or not all(
        isinstance(v, (int, float)) for v in calibration.values()
    ):
        raise RegistryError(Errors.E014.format(file=file, table="calibration", keys="names"))
    gate = data.get("gate", {})
    if not isinstance(gate, dict) or not all(isinstance(v, (int, float)) for v in gate.values()):
        raise RegistryError(Errors.E014.format(file=file, table="gate", keys="patterns"))
    return SpeakerModel(
        {str(k): float(v) for k, v in weights.items()},
        {str(k): float(v) for k, v in span.items()},
        float(calibration.get("slope", 1.0)),
        float(calibration.get("intercept", 0.0)),
        float(calibration.get("threshold", 0.0)),
        {str(k): str(v) for k, v in about.items()},
        {str(k): float(v) for k, v in gate.items()} if gate else None,
    )


@functools.cache
def _packaged() -> SpeakerModel:
    return _parse(read_data_file(resources.files("quotes.data") / MODEL_FILE), MODEL_FILE)


def load_model(path: str | os.PathLike[str] | None = None) -> SpeakerModel:
    """The speaker model of the package, or the one in the file at `path`.

    Raises:
        RegistryError: The file cannot be read or is malformed.
    """
    if path is None:
        return _packaged()
    return _parse(read_data_file(path), os.fspath(path))
