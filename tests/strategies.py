"""Hypothesis strategies for the test suite.

The strategies live in the package (`quotes.strategies`), for downstream
projects as much as for this suite; they are re-exported here so tests keep
writing ``from strategies import quotes``.
"""

from __future__ import annotations

from quotes.strategies import (
    NEWSY_ALPHABET,
    QUOTE_MARKS,
    articles,
    cues,
    mentions,
    newsy_text,
    quotes,
    speakers,
)

__all__ = [
    "NEWSY_ALPHABET",
    "QUOTE_MARKS",
    "articles",
    "cues",
    "mentions",
    "newsy_text",
    "quotes",
    "speakers",
]
