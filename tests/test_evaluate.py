"""Tests of quotes.evaluate: scoring against gold, as the project's convention says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes.evaluate import GoldQuote, load_gold, report, score, speaker_matches
from quotes.model import Quote, Speaker

from conftest import ROOT, SEEDS

SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def gold(speaker: str | None, *aliases: str) -> GoldQuote:
    """A gold quote with a speaker and aliases."""
    return GoldQuote("d.txt", 0, 5, "direct", speaker, aliases)


def said_by(name: str | None) -> Quote:
    """A predicted quote attributed to `name`."""
    return Quote("hello", 0, 5, speaker=Speaker(name) if name else None)


class TestSpeakerMatches:
    """The speaker rule of the gold convention."""

    def test_alias_matches(self) -> None:
        """Any alias is as right as the name."""
        assert speaker_matches(said_by("Peskov"), gold("Dmitry Peskov", "Peskov"))

    def test_case_article_and_diacritics_are_ignored(self) -> None:
        """'the Kremlin' == 'Kremlin'; Erdoğan == Erdogan."""
        assert speaker_matches(said_by("the kremlin"), gold("Kremlin"))
        assert speaker_matches(said_by("Recep Tayyip Erdoğan"), gold("Recep Tayyip Erdogan"))

    def test_shared_surname_matches(self) -> None:
        """A person's surname is enough."""
        assert speaker_matches(said_by("President Erdogan"), gold("Recep Tayyip Erdogan"))

    def test_institution_words_are_not_surnames(self) -> None:
        """'the press service' is not 'the Kremlin press service' by last word."""
        assert not speaker_matches(said_by("the press service"), gold("the Kremlin press service"))

    def test_no_speaker_is_wrong(self) -> None:
        """A missing speaker never matches."""
        assert not speaker_matches(said_by(None), gold("Dmitry Peskov"))


class TestScore:
    """Span matching and F1."""

    def test_perfect_prediction_scores_one(self) -> None:
        """Predicting the gold itself scores F1 = 1."""
        text = '"Hello there," Peskov said.'
        g = GoldQuote("d.txt", 1, 13, "direct", "Dmitry Peskov", ("Peskov",))
        result = score([g], {"d.txt": [Quote(text[1:13], 1, 13, speaker=Speaker("Peskov"))]}, {"d.txt": text})
        assert result["direct"].span_f == 1.0
        assert result["direct"].e2e_f == 1.0
        assert result["indirect"].gold == 0

    def test_small_overlap_does_not_match(self) -> None:
        """A span overlapping gold by less than Jaccard 0.6 is not a match."""
        text = "a" * 100
        g = GoldQuote("d.txt", 0, 100, "direct", None)
        result = score([g], {"d.txt": [Quote(text[:50], 0, 50)]}, {"d.txt": text})
        assert result["direct"].matched == 0


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is not beside the repository")
class TestAgreement:
    """Our scores equal the project's reference scorer's."""

    def test_seed_scores_agree_with_reference(self, tmp_path: Path) -> None:
        """Span and end-to-end F1 agree to the printed precision."""
        texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
        predictions = {name: quotes.extract(text) for name, text in texts.items()}
        preds = tmp_path / "preds.jsonl"
        with preds.open("w", encoding="utf-8") as handle:
            for name, found in predictions.items():
                for q in found:
                    row = {
                        "doc": name,
                        "start": q.start,
                        "end": q.end,
                        "kind": q.kind.value,
                        "speaker": q.speaker.name if q.speaker else None,
                    }
                    handle.write(json.dumps(row) + "\n")
        output = subprocess.run(
            [sys.executable, str(SHARED_SCORER), str(SEEDS / "gold.jsonl"), str(preds), str(SEEDS)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        ours = score(load_gold(SEEDS / "gold.jsonl"), predictions, texts)
        assert output == report(ours) + "\n"  # what `quotes eval` prints, to the character
        for line in output.splitlines():
            kind = line.split()[0]
            assert (
                f"span P/R/F={ours[kind].span_p:.3f}/{ours[kind].span_r:.3f}/{ours[kind].span_f:.3f}" in line
            )
            assert (
                f"end2end P/R/F={ours[kind].e2e_p:.3f}/{ours[kind].e2e_r:.3f}/{ours[kind].e2e_f:.3f}" in line
            )
