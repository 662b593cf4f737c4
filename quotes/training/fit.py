"""Fit the speaker ranker: a conditional logit (softmax) over each quotation's choices.

The likelihood of a quotation is the total probability of its right choices
(any candidate that names the speaker, or "none of them" where no candidate
does); the weights maximise the log-likelihood of the training quotations minus
an L2 penalty, by full-batch Adam from zero, so a run is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
import numpy as np
import numpy.typing as npt

__all__ = ["Example", "Matrix", "fit", "platt", "probabilities"]

_Array = npt.NDArray[np.float64]


@attrs.frozen
class Example:
    """One quotation's choices for training.

    Attributes:
        rows: The features of each choice ("none of them" last).
        right: Whether each choice names the speaker.
    """

    rows: Sequence[Mapping[str, float]]
    right: Sequence[bool]


@attrs.frozen
class Matrix:
    """Examples as arrays: one row per choice, `groups` giving each row's quotation."""

    x: _Array
    right: _Array
    groups: npt.NDArray[np.int64]
    count: int

    @classmethod
    def of(cls, examples: Sequence[Example], names: Sequence[str]) -> Matrix:
        """Stack `examples` over the features `names`; features not in `names` are dropped."""
        index = {name: i for i, name in enumerate(names)}
        total = sum(len(e.rows) for e in examples)
        x = np.zeros((total, len(names)))
        right = np.zeros(total)
        groups = np.zeros(total, dtype=np.int64)
        row = 0
        for number, example in enumerate(examples):
            for features, ok in zip(example.rows, example.right, strict=True):
                for name, value in features.items():
                    column = index.get(name)
                    if column is not None:
                        x[row, column] = value
                right[row] = float(ok)
                groups[row] = number
                row += 1
        return cls(x, right, groups, len(examples))


def probabilities(matrix: Matrix, weights: _Array) -> _Array:
    """The softmax probability of every choice within its quotation."""
    scores = matrix.x @ weights
    top = np.full(matrix.count, -np.inf)
    np.maximum.at(top, matrix.groups, scores)
    exps = np.exp(scores - top[matrix.groups])
    totals = np.zeros(matrix.count)
    np.add.at(totals, matrix.groups, exps)
    result: _Array = exps / totals[matrix.groups]
    return result


def fit(matrix: Matrix, *, l2: float = 1.0, steps: int = 600, rate: float = 0.05) -> _Array:
    """The weights that maximise the penalised log-likelihood of `matrix`.

    Args:
        matrix: The training quotations.
        l2: The penalty on the squared weights, per quotation of data.
        steps: Adam steps over the whole data.
        rate: Adam's step size.
    """
    # Annotated as _Array: numpy's stubs type np.zeros by shape, and each version by a different one.
    weights: _Array = np.zeros(matrix.x.shape[1])
    first: _Array = np.zeros_like(weights)
    second: _Array = np.zeros_like(weights)
    beta1, beta2, epsilon = 0.9, 0.999, 1e-8
    n = max(1, matrix.count)
    for step in range(1, steps + 1):
        p = probabilities(matrix, weights)
        right_mass: _Array = np.zeros(matrix.count)
        np.add.at(right_mass, matrix.groups, p * matrix.right)
        right_mass = np.maximum(right_mass, 1e-12)
        # d(-log sum_right p)/d score = p - (p * right) / sum_right p, per row
        coefficient = p - p * matrix.right / right_mass[matrix.groups]
        gradient = matrix.x.T @ coefficient / n + l2 * weights / n
        first = beta1 * first + (1 - beta1) * gradient
        second = beta2 * second + (1 - beta2) * gradient**2
        corrected = first / (1 - beta1**step)
        scale = np.sqrt(second / (1 - beta2**step)) + epsilon
        weights = weights - rate * corrected / scale
    return weights


def platt(probability: _Array, right: _Array, *, steps: int = 50) -> tuple[float, float]:
    """The slope and intercept on ``logit(probability)`` that best predict `right` (Newton's method)."""
    p = np.clip(probability, 1e-6, 1 - 1e-6)
    x = np.stack([np.log(p / (1 - p)), np.ones_like(p)], axis=1)
    theta = np.array([1.0, 0.0])
    for _ in range(steps):
        q = 1 / (1 + np.exp(-(x @ theta)))
        gradient = x.T @ (q - right)
        hessian = x.T @ (x * (q * (1 - q))[:, None]) + 1e-6 * np.eye(2)
        theta = theta - np.linalg.solve(hessian, gradient)
    return float(theta[0]), float(theta[1])
