"""Speakers chosen by a learned ranker among every candidate mention near a quotation."""

from quotes.ranking.candidates import Candidate, Source, candidates
from quotes.ranking.features import FEATURES, features, null_features
from quotes.ranking.gate import gated
from quotes.ranking.model import SpeakerModel, load_model
from quotes.ranking.rank import Choices, Ranked, choices, rank

__all__ = [
    "FEATURES",
    "Candidate",
    "Choices",
    "Ranked",
    "Source",
    "SpeakerModel",
    "candidates",
    "choices",
    "features",
    "gated",
    "load_model",
    "null_features",
    "rank",
]
